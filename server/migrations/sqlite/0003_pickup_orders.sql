-- Pickup at a store, slots, orders and their notifications.

-- Staff of one store (NULL with role 'staff' = every store).
ALTER TABLE customers ADD COLUMN staff_store_id INTEGER REFERENCES locations(id) ON DELETE SET NULL;

-- Where a cart's pickup lines are collected.
ALTER TABLE carts ADD COLUMN pickup_location_id INTEGER REFERENCES locations(id) ON DELETE SET NULL;

-- Orders a store can hand out per pickup slot.
ALTER TABLE locations ADD COLUMN slot_capacity INTEGER NOT NULL DEFAULT 6 CHECK (slot_capacity >= 0);

-- Lines may now be picked up: the CHECK is part of the table, so the table
-- is rebuilt (SQLite cannot alter a CHECK).
CREATE TABLE cart_lines_new (
    cart_id         INTEGER NOT NULL REFERENCES carts(id) ON DELETE CASCADE,
    variant_id      INTEGER NOT NULL REFERENCES variants(id) ON DELETE CASCADE,
    fulfilment      TEXT NOT NULL CHECK (fulfilment IN ('delivery', 'pickup')),
    quantity        INTEGER NOT NULL CHECK (quantity BETWEEN 1 AND 99),
    price_at_add    INTEGER NOT NULL,
    added_at        INTEGER NOT NULL,
    PRIMARY KEY (cart_id, variant_id, fulfilment)
) WITHOUT ROWID;
INSERT INTO cart_lines_new SELECT * FROM cart_lines;
DROP TABLE cart_lines;
ALTER TABLE cart_lines_new RENAME TO cart_lines;

-- Booked places per slot. A row appears with the first booking, taking the
-- store's capacity then; `booked <= capacity` is what makes overbooking
-- impossible (a conditional UPDATE that matches no row books nothing).
CREATE TABLE pickup_slots (
    location_id     INTEGER NOT NULL REFERENCES locations(id) ON DELETE CASCADE,
    starts_at       INTEGER NOT NULL,
    capacity        INTEGER NOT NULL CHECK (capacity >= 0),
    booked          INTEGER NOT NULL DEFAULT 0 CHECK (booked >= 0 AND booked <= capacity),
    PRIMARY KEY (location_id, starts_at)
) WITHOUT ROWID;

CREATE TABLE orders (
    id              INTEGER PRIMARY KEY,
    -- One order per checkout form, however often it is submitted.
    idempotency_key TEXT NOT NULL UNIQUE,
    customer_id     INTEGER REFERENCES customers(id) ON DELETE SET NULL,
    -- A guest's secret link, hashed like every token.
    guest_key_hash  TEXT UNIQUE,
    channel         TEXT NOT NULL CHECK (channel IN ('web', 'pwa', 'kiosk')),
    status          TEXT NOT NULL CHECK (status IN ('placed', 'ready', 'collected', 'cancelled', 'expired')),
    email           TEXT NOT NULL,
    name            TEXT NOT NULL,
    phone           TEXT NOT NULL,
    pickup_location_id INTEGER REFERENCES locations(id),
    slot_starts_at  INTEGER,
    pickup_code     TEXT NOT NULL,
    delivery_street TEXT,
    delivery_postcode TEXT,
    delivery_city   TEXT,
    total           INTEGER NOT NULL CHECK (total >= 0),
    payment         TEXT NOT NULL CHECK (payment IN ('pay_at_pickup', 'pending', 'paid', 'declined')),
    payment_ref     TEXT,
    created_at      INTEGER NOT NULL,
    updated_at      INTEGER NOT NULL,
    CHECK ((pickup_location_id IS NULL) = (slot_starts_at IS NULL))
);
CREATE INDEX orders_customer ON orders(customer_id, id DESC);
CREATE INDEX orders_store ON orders(pickup_location_id, status, slot_starts_at);

CREATE TABLE order_lines (
    order_id        INTEGER NOT NULL REFERENCES orders(id) ON DELETE CASCADE,
    variant_id      INTEGER NOT NULL REFERENCES variants(id),
    fulfilment      TEXT NOT NULL CHECK (fulfilment IN ('delivery', 'pickup')),
    -- Where the units are reserved: the pickup store or the warehouse.
    source_location_id INTEGER NOT NULL REFERENCES locations(id),
    quantity        INTEGER NOT NULL CHECK (quantity BETWEEN 1 AND 99),
    unit_price      INTEGER NOT NULL CHECK (unit_price >= 0),
    product_name    TEXT NOT NULL,
    variant_label   TEXT NOT NULL,
    sku             TEXT NOT NULL,
    PRIMARY KEY (order_id, variant_id, fulfilment)
) WITHOUT ROWID;

-- Notifications written in the same transaction as the change they tell of
-- (a transactional outbox): a committed change always gets its message, and a
-- rolled-back one never does. A worker delivers and marks them.
CREATE TABLE outbox (
    id              INTEGER PRIMARY KEY,
    order_id        INTEGER REFERENCES orders(id) ON DELETE CASCADE,
    recipient       TEXT NOT NULL,
    subject         TEXT NOT NULL,
    body            TEXT NOT NULL,
    created_at      INTEGER NOT NULL,
    sent_at         INTEGER,
    attempts        INTEGER NOT NULL DEFAULT 0,
    last_error      TEXT
);
CREATE INDEX outbox_unsent ON outbox(id) WHERE sent_at IS NULL;
