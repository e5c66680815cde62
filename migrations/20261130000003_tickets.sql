-- Human handoff: a ticket per reader conversation with a person, the messages exchanged, and the
-- support-chat messages that belong to it (staff answer by replying to any of them).
CREATE TABLE tickets (
    id               INTEGER PRIMARY KEY AUTOINCREMENT,
    -- The reader's private chat.
    chat_id          INTEGER NOT NULL,
    user_id          INTEGER NOT NULL,
    reader_name      TEXT    NOT NULL,
    reader_username  TEXT,
    lang             TEXT    NOT NULL CHECK (lang IN ('id', 'en')),
    status           TEXT    NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'closed')),
    -- Who or what closed it: reader, staff, reader_unreachable, staff_unreachable.
    closed_by        TEXT,
    opened_at        TEXT    NOT NULL,
    closed_at        TEXT
);

-- At most one open ticket per reader chat.
CREATE UNIQUE INDEX tickets_one_open_per_chat ON tickets (chat_id) WHERE status = 'open';

CREATE TABLE ticket_messages (
    id         INTEGER PRIMARY KEY AUTOINCREMENT,
    ticket_id  INTEGER NOT NULL REFERENCES tickets (id) ON DELETE CASCADE,
    author     TEXT    NOT NULL CHECK (author IN ('reader', 'staff')),
    text       TEXT    NOT NULL,
    at         TEXT    NOT NULL
);

CREATE INDEX ticket_messages_by_ticket ON ticket_messages (ticket_id, id);

-- Messages the bot sent into the support chat for a ticket, learnt after delivery.
CREATE TABLE ticket_support_messages (
    support_chat_id  INTEGER NOT NULL,
    message_id       INTEGER NOT NULL,
    ticket_id        INTEGER NOT NULL REFERENCES tickets (id) ON DELETE CASCADE,
    PRIMARY KEY (support_chat_id, message_id)
);

CREATE INDEX ticket_support_messages_by_ticket ON ticket_support_messages (ticket_id, message_id);
