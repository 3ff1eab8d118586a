-- Many instances deliver from one outbox: an instance claims a message
-- (unix seconds) before sending it, so no other sends it too; a claim older
-- than a minute is of an instance that died mid-send, and lapses.
ALTER TABLE outbox ADD COLUMN claimed_at BIGINT;
