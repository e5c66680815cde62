-- The durable inbox and outbox (delivery that loses nothing).
--
-- inbox: every update Telegram delivered, stored before Telegram is told it was received (the next
-- getUpdates offset or the webhook's 200), and marked done in the same transaction that applies its
-- effects. A re-delivered update is recognised by its update id together with what it carries
-- (chat and message id, or callback query id), so a sequence that restarts at lower ids is never
-- mistaken for re-deliveries.
CREATE TABLE inbox (
    id           INTEGER PRIMARY KEY AUTOINCREMENT,
    update_id    INTEGER NOT NULL,
    -- What the update carries: "m:<chat>:<message>", "e:<chat>:<message>:<edit date>",
    -- "c:<callback query id>", or "u:<kind>:<chat>:<date>" for other kinds.
    content_key  TEXT    NOT NULL,
    -- The chat whose queue the update joins (0 when it names none).
    chat_id      INTEGER NOT NULL,
    raw          TEXT    NOT NULL,
    received_at  TEXT    NOT NULL,
    -- pending: not handled yet; done: handled (replies in the outbox); excess: part of a flood,
    -- recorded but not answered; failed: given up on after a long storage fault.
    state        TEXT    NOT NULL DEFAULT 'pending'
                 CHECK (state IN ('pending', 'done', 'excess', 'failed')),
    handled_at   TEXT
);

CREATE UNIQUE INDEX inbox_once ON inbox (update_id, content_key);
CREATE INDEX inbox_pending ON inbox (id) WHERE state = 'pending';
CREATE INDEX inbox_by_time ON inbox (received_at);

-- outbox: every Bot API call a turn decided on (a message part, a button-press answer, removing
-- buttons), written in the transaction that decided it and deleted once Telegram accepted it.
CREATE TABLE outbox (
    id           INTEGER PRIMARY KEY AUTOINCREMENT,
    -- The chat whose order it keeps (calls to one chat leave in id order).
    chat_id      INTEGER NOT NULL,
    -- The call as the adapter encodes it (JSON).
    payload      TEXT    NOT NULL,
    created_at   TEXT    NOT NULL,
    attempts     INTEGER NOT NULL DEFAULT 0
);
