-- Kiosk handoffs on the Vendure back end. A Vendure cart has no row id in
-- omnistore's `carts`: the handoff names the cart by its owner, as
-- `vendure_carts` does ('c:<customer id>' or 'g:<hash of the cart cookie>').
CREATE TABLE vendure_handoffs (
    token_hash   TEXT PRIMARY KEY,
    -- What the kiosk polls: not a credential.
    handle       TEXT NOT NULL UNIQUE,
    owner        TEXT NOT NULL,
    location_id  INTEGER NOT NULL REFERENCES locations(id),
    created_at   INTEGER NOT NULL,
    expires_at   INTEGER NOT NULL,
    used_at      INTEGER
) WITHOUT ROWID;
