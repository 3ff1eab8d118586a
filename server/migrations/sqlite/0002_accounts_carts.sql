-- Customers, their sessions and addresses, and carts. Secrets that reach a
-- browser (session and guest-cart tokens) are stored only as SHA-256 hashes:
-- a leaked database copy cannot be replayed as cookies. Times are unix seconds.

CREATE TABLE customers (
    id                  INTEGER PRIMARY KEY,
    email               TEXT NOT NULL UNIQUE,          -- normalised lower-case
    name                TEXT NOT NULL,
    password_hash       TEXT NOT NULL,                 -- argon2id PHC string
    locale              TEXT NOT NULL DEFAULT 'en' CHECK (locale IN ('en', 'pl')),
    preferred_store_id  INTEGER REFERENCES locations(id) ON DELETE SET NULL,
    role                TEXT NOT NULL DEFAULT 'customer' CHECK (role IN ('customer', 'staff')),
    created_at          INTEGER NOT NULL
);

CREATE TABLE sessions (
    token_hash      TEXT PRIMARY KEY,
    -- Shown in "active sessions" and used to end one; not a credential.
    handle          TEXT NOT NULL UNIQUE,
    customer_id     INTEGER NOT NULL REFERENCES customers(id) ON DELETE CASCADE,
    user_agent      TEXT NOT NULL,
    created_at      INTEGER NOT NULL,
    last_seen       INTEGER NOT NULL,
    expires_at      INTEGER NOT NULL
) WITHOUT ROWID;
CREATE INDEX sessions_customer ON sessions(customer_id);

CREATE TABLE addresses (
    id              INTEGER PRIMARY KEY,
    customer_id     INTEGER NOT NULL REFERENCES customers(id) ON DELETE CASCADE,
    name            TEXT NOT NULL,
    street          TEXT NOT NULL,
    postcode        TEXT NOT NULL,
    city            TEXT NOT NULL,
    phone           TEXT NOT NULL
);
CREATE INDEX addresses_customer ON addresses(customer_id);

-- Failed logins, keyed by "email:<address>" and "ip:<address>"; old rows are
-- pruned as new ones arrive.
CREATE TABLE login_failures (
    key             TEXT NOT NULL,
    at              INTEGER NOT NULL
);
CREATE INDEX login_failures_key ON login_failures(key, at);

-- A cart belongs to a guest (by token) or to a customer. A customer has at
-- most one active cart; a guest cart is closed ('merged') at login.
CREATE TABLE carts (
    id              INTEGER PRIMARY KEY,
    guest_token_hash TEXT UNIQUE,
    customer_id     INTEGER REFERENCES customers(id) ON DELETE CASCADE,
    status          TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'merged', 'ordered')),
    version         INTEGER NOT NULL DEFAULT 0,
    created_at      INTEGER NOT NULL,
    updated_at      INTEGER NOT NULL,
    CHECK ((guest_token_hash IS NULL) <> (customer_id IS NULL))
);
CREATE UNIQUE INDEX carts_one_active_per_customer ON carts(customer_id) WHERE status = 'active';

CREATE TABLE cart_lines (
    cart_id         INTEGER NOT NULL REFERENCES carts(id) ON DELETE CASCADE,
    variant_id      INTEGER NOT NULL REFERENCES variants(id) ON DELETE CASCADE,
    fulfilment      TEXT NOT NULL CHECK (fulfilment IN ('delivery')),
    quantity        INTEGER NOT NULL CHECK (quantity BETWEEN 1 AND 99),
    -- Unit price when the line was first added, to tell the shopper when the
    -- price changed since; what they pay is always today's price.
    price_at_add    INTEGER NOT NULL,
    added_at        INTEGER NOT NULL,
    PRIMARY KEY (cart_id, variant_id, fulfilment)
) WITHOUT ROWID;

-- Idempotency keys of applied cart changes: a change queued offline and sent
-- twice is applied once.
CREATE TABLE cart_ops (
    cart_id         INTEGER NOT NULL REFERENCES carts(id) ON DELETE CASCADE,
    op_key          TEXT NOT NULL,
    at              INTEGER NOT NULL,
    PRIMARY KEY (cart_id, op_key)
) WITHOUT ROWID;
