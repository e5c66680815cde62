-- Calls held back until the content they announce is answerable. An admin's confirmation of a
-- publish or removal and the subscribers' notices commit with the change, but the index that
-- answers from it is rebuilt after the commit: sent at once, they would let a reader ask before
-- the new index is in place and be answered from the old articles.
--
-- held: the hold (a random number per content change) the call waits for; NULL: free to send.
-- The rebuild's end clears its hold. Holds whose process died before that are cleared when the bot
-- starts again, after it loaded the content (which then reflects the change).
ALTER TABLE outbox ADD COLUMN held INTEGER;

CREATE INDEX outbox_held ON outbox (held) WHERE held IS NOT NULL;
