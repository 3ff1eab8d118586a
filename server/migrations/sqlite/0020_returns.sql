-- Returns (server/src/storage/returns.rs): a customer (or the holder of a
-- guest's order link) gives back some units of received lines, at any store
-- or by courier; staff accept the return at a desk, the units go back on a
-- shelf, the money back through the payment provider, the points back too.

-- When a pickup order was collected: the return window counts from it.
ALTER TABLE orders ADD COLUMN collected_at INTEGER;

CREATE TABLE returns (
    id              INTEGER PRIMARY KEY,
    order_id        INTEGER NOT NULL REFERENCES orders(id) ON DELETE CASCADE,
    -- What the shopper shows (its QR too); what staff scan.
    code            TEXT NOT NULL UNIQUE,
    method          TEXT NOT NULL CHECK (method IN ('store', 'courier')),
    status          TEXT NOT NULL CHECK (status IN ('open', 'accepted')),
    -- One return per form, however often it is sent (hash of the order and
    -- the form's key).
    request_key     TEXT NOT NULL UNIQUE,
    -- Fixed when the return is started: what it gives back.
    refund          INTEGER NOT NULL CHECK (refund >= 0),
    points_back     INTEGER NOT NULL DEFAULT 0 CHECK (points_back >= 0),
    -- Set when staff accept it.
    points_reversed INTEGER NOT NULL DEFAULT 0 CHECK (points_reversed >= 0),
    accepted_location_id INTEGER REFERENCES locations(id),
    -- The provider's reference of the refund, or 'counter' (paid back in
    -- the store); NULL while the provider has not taken it.
    refund_ref      TEXT,
    created_at      INTEGER NOT NULL,
    accepted_at     INTEGER
);
CREATE INDEX returns_order ON returns(order_id);

CREATE TABLE return_lines (
    return_id       INTEGER NOT NULL REFERENCES returns(id) ON DELETE CASCADE,
    variant_id      INTEGER NOT NULL REFERENCES variants(id),
    fulfilment      TEXT NOT NULL CHECK (fulfilment IN ('delivery', 'pickup')),
    quantity        INTEGER NOT NULL CHECK (quantity BETWEEN 1 AND 99),
    refund          INTEGER NOT NULL CHECK (refund >= 0),
    PRIMARY KEY (return_id, variant_id, fulfilment)
) WITHOUT ROWID;

-- The ledger learns a kind (points of a returned purchase taken back) and
-- two channels (at a store's desk, by courier). SQLite changes a CHECK only
-- by rebuilding the table.
CREATE TABLE loyalty_entries_new (
    id            INTEGER PRIMARY KEY,
    customer_id   INTEGER NOT NULL REFERENCES customers(id) ON DELETE CASCADE,
    kind          TEXT NOT NULL CHECK (kind IN ('earned', 'till', 'redeemed', 'returned', 'reversed')),
    points        INTEGER NOT NULL,
    channel       TEXT NOT NULL CHECK (channel IN ('web', 'pwa', 'kiosk', 'till', 'store', 'courier')),
    order_id      INTEGER REFERENCES orders(id) ON DELETE SET NULL,
    store         TEXT,
    amount        INTEGER,
    entry_key     TEXT NOT NULL UNIQUE,
    created_at    INTEGER NOT NULL
);
INSERT INTO loyalty_entries_new SELECT id, customer_id, kind, points, channel, order_id, store,
    amount, entry_key, created_at FROM loyalty_entries;
DROP TABLE loyalty_entries;
ALTER TABLE loyalty_entries_new RENAME TO loyalty_entries;
CREATE INDEX loyalty_entries_customer ON loyalty_entries (customer_id, id);
