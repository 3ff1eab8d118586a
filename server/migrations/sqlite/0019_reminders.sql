-- Reminders (server/src/reminders.rs): consent to cart reminders (asked at
-- sign-up, unticked), the token of the one-click unsubscribe link, and
-- what was reminded already (one reminder per filled cart, one "your slot
-- is today" per order).
ALTER TABLE customers ADD COLUMN reminders INTEGER NOT NULL DEFAULT 0;
ALTER TABLE customers ADD COLUMN unsubscribe_token TEXT;
CREATE UNIQUE INDEX customers_unsubscribe_token ON customers (unsubscribe_token)
    WHERE unsubscribe_token IS NOT NULL;
ALTER TABLE carts ADD COLUMN reminded_at INTEGER;
ALTER TABLE orders ADD COLUMN slot_reminded_at INTEGER;
-- The one-click unsubscribe URL a message carries (List-Unsubscribe).
ALTER TABLE outbox ADD COLUMN unsubscribe TEXT;
