-- Carts on the Vendure back end. The lines, quantities and prices are the
-- Vendure active order's; omnistore keeps the Vendure session that holds it
-- (its token never reaches a browser), the change count devices compare,
-- the pickup store, how many of each variant's units are for pickup (the
-- rest is delivered), and the idempotency keys of changes already applied.
CREATE TABLE vendure_carts (
    -- 'c:<customer id>' or 'g:<hash of the guest cart cookie>'
    owner TEXT PRIMARY KEY,
    token TEXT,
    version INTEGER NOT NULL DEFAULT 0,
    pickup_store TEXT,
    -- 'merged' once a guest cart went into a customer's at sign-in.
    status TEXT NOT NULL DEFAULT 'active'
);

CREATE TABLE vendure_cart_lines (
    owner TEXT NOT NULL REFERENCES vendure_carts (owner) ON DELETE CASCADE,
    variant TEXT NOT NULL,
    pickup INTEGER NOT NULL DEFAULT 0,
    -- The unit price when the variant was first added, in minor units.
    price_at_add INTEGER NOT NULL,
    added_at INTEGER NOT NULL,
    PRIMARY KEY (owner, variant)
);

CREATE TABLE vendure_cart_keys (
    owner TEXT NOT NULL REFERENCES vendure_carts (owner) ON DELETE CASCADE,
    key TEXT NOT NULL,
    PRIMARY KEY (owner, key)
);
