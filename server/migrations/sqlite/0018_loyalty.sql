-- Loyalty points: the code staff scan, the balance, and the ledger it adds
-- up to (see server/src/storage/loyalty.rs).
ALTER TABLE customers ADD COLUMN loyalty_code TEXT;
CREATE UNIQUE INDEX customers_loyalty_code ON customers (loyalty_code)
    WHERE loyalty_code IS NOT NULL;

-- Spent with a conditional UPDATE, so it can never go below zero.
CREATE TABLE loyalty_accounts (
    customer_id   INTEGER PRIMARY KEY REFERENCES customers(id) ON DELETE CASCADE,
    balance       INTEGER NOT NULL DEFAULT 0 CHECK (balance >= 0)
);

CREATE TABLE loyalty_entries (
    id            INTEGER PRIMARY KEY,
    customer_id   INTEGER NOT NULL REFERENCES customers(id) ON DELETE CASCADE,
    kind          TEXT NOT NULL CHECK (kind IN ('earned', 'till', 'redeemed', 'returned')),
    -- Signed: spent points are negative.
    points        INTEGER NOT NULL,
    channel       TEXT NOT NULL CHECK (channel IN ('web', 'pwa', 'kiosk', 'till')),
    order_id      INTEGER REFERENCES orders(id) ON DELETE SET NULL,
    store         TEXT,
    amount        INTEGER,
    -- One entry per key: a retried request changes nothing.
    entry_key     TEXT NOT NULL UNIQUE,
    created_at    INTEGER NOT NULL
);
CREATE INDEX loyalty_entries_customer ON loyalty_entries (customer_id, id);

-- Points spent on an order (one point takes one grosz off its total).
ALTER TABLE orders ADD COLUMN points_redeemed INTEGER NOT NULL DEFAULT 0;
-- When a delivery order reached the shopper (it earns its points then).
ALTER TABLE orders ADD COLUMN delivered_at INTEGER;
