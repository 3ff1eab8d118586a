-- Credentials the server makes, never the client: the device secret that
-- makes a browser a store's kiosk, and the secret links to guests' orders.

-- A browser is a kiosk only while it holds a secret that staff started with
-- the PIN; "exit" deletes the row, and the cookie is worth nothing after.
CREATE TABLE kiosk_devices (
    token_hash   TEXT PRIMARY KEY,
    location_id  INTEGER NOT NULL REFERENCES locations(id) ON DELETE CASCADE,
    started_at   INTEGER NOT NULL
) WITHOUT ROWID;

-- A guest's order is seen through a link with a server-made secret; a
-- replayed checkout of the same browser gets a secret of its own, since only
-- hashes are kept.
CREATE TABLE order_links (
    token_hash   TEXT PRIMARY KEY,
    order_id     INTEGER NOT NULL REFERENCES orders(id) ON DELETE CASCADE
) WITHOUT ROWID;
CREATE INDEX order_links_order ON order_links (order_id);

-- Links given out before keep working.
INSERT INTO order_links (token_hash, order_id)
    SELECT guest_key_hash, id FROM orders WHERE guest_key_hash IS NOT NULL;
-- The old column is no longer read or written (SQLite cannot drop a UNIQUE
-- column).
UPDATE orders SET guest_key_hash = NULL;
