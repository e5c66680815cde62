-- The language the reader's Telegram client reports (id/en), kept for texts the bot sends
-- unprompted (new-article notices) to a chat that never chose one with /lang.
ALTER TABLE chats ADD COLUMN client_language TEXT;
