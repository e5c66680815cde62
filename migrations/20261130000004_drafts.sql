-- Pages an admin sent for publishing, waiting for "Publish" or "Cancel" on the preview.
-- The raw bytes are kept and parsed again on publish, so what is stored is exactly what the
-- normal import of that page would store.
CREATE TABLE drafts (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    admin_id    INTEGER NOT NULL,
    chat_id     INTEGER NOT NULL,
    raw         BLOB    NOT NULL,
    title       TEXT    NOT NULL,
    created_at  TEXT    NOT NULL
);
