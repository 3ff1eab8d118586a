-- Orders placed on a commerce platform (the Vendure back end). The platform
-- holds the order itself: its lines, prices, totals, payment and shipping.
-- omnistore keeps its own half in `orders`, as for its built-in orders: the
-- number the shopper sees, who may open it, the pickup store, slot and code,
-- and the pickup status the staff desk moves; `platform_order` says which
-- platform order holds the rest.
ALTER TABLE orders ADD COLUMN platform_order TEXT;
ALTER TABLE orders ADD COLUMN platform_code TEXT;
-- Built-in orders are in złoty; a platform's in its channel's currency.
ALTER TABLE orders ADD COLUMN currency TEXT NOT NULL DEFAULT 'PLN';

-- How many of each variant's units the shopper collects at the store (the
-- rest is delivered), and whether those come from the warehouse first: the
-- platform knows lines and quantities, not omnistore's pickup split.
CREATE TABLE platform_order_lines (
    order_id        INTEGER NOT NULL REFERENCES orders(id) ON DELETE CASCADE,
    variant         TEXT NOT NULL,
    pickup          INTEGER NOT NULL CHECK (pickup >= 0),
    from_warehouse  INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (order_id, variant)
) WITHOUT ROWID;
