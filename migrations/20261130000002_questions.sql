-- Every question the desk answered or refused, with the reader's vote on the answer: the source
-- of /stats and /unanswered. No foreign key to chats: the log outlives a chat's state.
CREATE TABLE questions (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    chat_id     INTEGER NOT NULL,
    user_id     INTEGER,
    text        TEXT    NOT NULL,
    intent      TEXT    NOT NULL,
    confidence  REAL    NOT NULL,
    answered    INTEGER NOT NULL,
    -- The reply the reader got, shown to staff when the reader asks for a person.
    answer      TEXT    NOT NULL,
    lang        TEXT    NOT NULL CHECK (lang IN ('id', 'en')),
    -- +1 👍, -1 👎, NULL not voted; a second press replaces the first.
    vote        INTEGER CHECK (vote IN (-1, 1)),
    voted_at    TEXT,
    -- The reader asked for a person after this question (kept for /unanswered).
    escalated   INTEGER NOT NULL DEFAULT 0,
    asked_at    TEXT    NOT NULL
);

CREATE INDEX questions_by_time ON questions (asked_at);
CREATE INDEX questions_by_chat ON questions (chat_id, id);
