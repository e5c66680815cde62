-- Content from the web: where each article lives (its canonical URL, NULL for files and /add),
-- the news feeds polled for new articles, and the items each feed has shown.

ALTER TABLE articles ADD COLUMN url TEXT;

-- A page imported again is found by its URL (a changed text replaces the stored article).
CREATE INDEX articles_by_url ON articles (url);

CREATE TABLE feeds (
    id             INTEGER PRIMARY KEY AUTOINCREMENT,
    url            TEXT    NOT NULL UNIQUE,
    title          TEXT,
    -- 1: new items go to the admins as previews instead of being published.
    review         INTEGER NOT NULL DEFAULT 0,
    -- The validators of the last 200 answer, sent back as If-None-Match / If-Modified-Since.
    etag           TEXT,
    last_modified  TEXT,
    last_checked   TEXT,
    last_error     TEXT,
    -- Consecutive failed polls: the wait before the next one doubles with each.
    failures       INTEGER NOT NULL DEFAULT 0,
    next_poll_at   TEXT,
    added_at       TEXT    NOT NULL
);

-- The items a feed has shown. `stamp` changes when the item does (title, time, text), so a changed
-- item is fetched again; `imported` counts for `feeds list` even after the article is pruned.
CREATE TABLE feed_items (
    feed_id     INTEGER NOT NULL REFERENCES feeds (id) ON DELETE CASCADE,
    item_key    TEXT    NOT NULL,
    stamp       TEXT    NOT NULL,
    article_id  INTEGER REFERENCES articles (id) ON DELETE SET NULL,
    imported    INTEGER NOT NULL DEFAULT 0,
    seen_at     TEXT    NOT NULL,
    PRIMARY KEY (feed_id, item_key)
);
