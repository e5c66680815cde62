-- One row per chat the bot has seen: the root of per-chat state. Later features (conversation
-- context, subscriptions, counters, tickets) add their columns or tables in new migrations.
CREATE TABLE chats (
    chat_id     INTEGER PRIMARY KEY,
    -- The reader's chosen reply language (`id`, `en`); NULL: decide from each message.
    language    TEXT,
    first_seen  TEXT NOT NULL,
    last_seen   TEXT NOT NULL
);
