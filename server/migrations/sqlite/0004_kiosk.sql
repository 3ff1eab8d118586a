-- Kiosks: a store's settings and staff PIN, where things are on its shelves,
-- cart handoffs from a kiosk to a phone, and the credentials a kiosk reset
-- ended (so a replayed cookie is refused instead of starting afresh).

CREATE TABLE kiosk_settings (
    location_id       INTEGER PRIMARY KEY REFERENCES locations(id) ON DELETE CASCADE,
    -- argon2id PHC string; a store without one cannot start a kiosk.
    pin_hash          TEXT,
    idle_seconds      INTEGER NOT NULL DEFAULT 90 CHECK (idle_seconds BETWEEN 5 AND 3600),
    countdown_seconds INTEGER NOT NULL DEFAULT 20 CHECK (countdown_seconds BETWEEN 3 AND 120)
);

-- The aisle of a category in a store ("Aisle 4"), where known.
CREATE TABLE aisles (
    location_id  INTEGER NOT NULL REFERENCES locations(id) ON DELETE CASCADE,
    category_id  INTEGER NOT NULL REFERENCES categories(id) ON DELETE CASCADE,
    aisle        TEXT NOT NULL,
    PRIMARY KEY (location_id, category_id)
) WITHOUT ROWID;

CREATE TABLE handoffs (
    token_hash   TEXT PRIMARY KEY,
    -- What the kiosk polls: not a credential.
    handle       TEXT NOT NULL UNIQUE,
    cart_id      INTEGER NOT NULL REFERENCES carts(id) ON DELETE CASCADE,
    location_id  INTEGER NOT NULL REFERENCES locations(id),
    created_at   INTEGER NOT NULL,
    expires_at   INTEGER NOT NULL,
    used_at      INTEGER
) WITHOUT ROWID;

CREATE TABLE ended_tokens (
    token_hash   TEXT PRIMARY KEY,
    ended_at     INTEGER NOT NULL
) WITHOUT ROWID;
