-- Articles, their body paragraphs and the market-ticker snapshot each page carried.
-- Timestamps are RFC 3339 text: published_at keeps the page's own offset (WIB = +07:00),
-- imported_at is UTC.

-- AUTOINCREMENT: an id is never reused after a removal, so an old citation cannot point at a
-- different article.
CREATE TABLE articles (
    id            INTEGER PRIMARY KEY AUTOINCREMENT,
    title         TEXT    NOT NULL,
    published_at  TEXT,
    reporter      TEXT,
    editor        TEXT,
    source        TEXT,
    caption       TEXT,
    content_hash  TEXT    NOT NULL UNIQUE,
    imported_at   TEXT    NOT NULL
);

-- A changed version of an article is found by its title and source.
CREATE INDEX articles_by_title_source ON articles (title, source);

CREATE TABLE paragraphs (
    article_id  INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    position    INTEGER NOT NULL,
    text        TEXT    NOT NULL,
    PRIMARY KEY (article_id, position)
);

CREATE TABLE ticker_items (
    article_id  INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    position    INTEGER NOT NULL,
    name        TEXT    NOT NULL,
    value       REAL    NOT NULL,
    change      REAL    NOT NULL,
    change_pct  REAL    NOT NULL,
    PRIMARY KEY (article_id, position)
);
