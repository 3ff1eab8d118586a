-- Wishlists: a customer's (on every device) or a guest's (known by the hash
-- of their cart cookie until they sign in). A wish names a product and a
-- variant as the catalog's platform knows them (text, no foreign key: on
-- the Vendure back end the catalog is not in this database); pages price
-- and stock it from the catalog when they show it.
CREATE TABLE wishlist_items (
    id               INTEGER PRIMARY KEY,
    customer_id      INTEGER REFERENCES customers(id) ON DELETE CASCADE,
    guest_token_hash TEXT,
    product_slug     TEXT NOT NULL,
    variant_id       TEXT NOT NULL,
    added_at         INTEGER NOT NULL,
    -- "Tell me when it is back at my store": the store's slug until the
    -- e-mail is written to the outbox (a customer's wishes only: it needs
    -- an address), then NULL again with the time it was sent.
    alert_store      TEXT,
    alerted_at       INTEGER,
    CHECK ((guest_token_hash IS NULL) <> (customer_id IS NULL))
);
CREATE UNIQUE INDEX wishlist_items_customer ON wishlist_items (customer_id, variant_id)
    WHERE customer_id IS NOT NULL;
CREATE UNIQUE INDEX wishlist_items_guest ON wishlist_items (guest_token_hash, variant_id)
    WHERE guest_token_hash IS NOT NULL;
CREATE INDEX wishlist_items_alerts ON wishlist_items (alert_store)
    WHERE alert_store IS NOT NULL;
