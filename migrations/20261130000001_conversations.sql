-- Per-chat conversation state for the desk: what the chat is about (for follow-up questions),
-- subscription, counters, reachability, and the last processed transport update (so an update
-- re-delivered after a crash or restart is recognised and never answered twice).

ALTER TABLE chats ADD COLUMN kind TEXT NOT NULL DEFAULT 'private'
    CHECK (kind IN ('private', 'group'));
ALTER TABLE chats ADD COLUMN subscribed INTEGER NOT NULL DEFAULT 0;
ALTER TABLE chats ADD COLUMN questions INTEGER NOT NULL DEFAULT 0;
ALTER TABLE chats ADD COLUMN answered INTEGER NOT NULL DEFAULT 0;
-- Refused questions since the last answered one: at two the bot offers a person itself.
ALTER TABLE chats ADD COLUMN refused_in_row INTEGER NOT NULL DEFAULT 0;
-- Telegram update ids grow monotonically per bot, so one number per chat is enough.
ALTER TABLE chats ADD COLUMN last_update_id INTEGER;
-- Set when a message could not be delivered (the reader blocked the bot, the bot left the group);
-- cleared when the chat writes again. Notifications skip such chats.
ALTER TABLE chats ADD COLUMN unreachable_since TEXT;

CREATE INDEX chats_subscribed ON chats (subscribed) WHERE subscribed = 1;

-- The article or indicator a conversation is about, until it expires. In private chats there is
-- one conversation per chat (user_id 0); in groups one per (chat, user).
CREATE TABLE topics (
    chat_id     INTEGER NOT NULL REFERENCES chats (chat_id) ON DELETE CASCADE ON UPDATE CASCADE,
    user_id     INTEGER NOT NULL,
    kind        TEXT    NOT NULL CHECK (kind IN ('article', 'indicator')),
    article_id  INTEGER,
    paragraph   INTEGER,
    indicator   TEXT,
    expires_at  TEXT    NOT NULL,
    PRIMARY KEY (chat_id, user_id)
);
