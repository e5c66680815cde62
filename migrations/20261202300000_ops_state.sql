-- Small facts the running service keeps about itself: the webhook's secret token when none is
-- configured (generated once, so a restart keeps the webhook Telegram already has), and the row
-- the health check writes to prove the database is writable.
CREATE TABLE ops_state (
    key        TEXT PRIMARY KEY,
    value      TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
