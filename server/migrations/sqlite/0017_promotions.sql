-- Promotions: automatic ones (no code) and coupon codes, priced by the one
-- pricing function (components/src/model/pricing.rs). The category is a
-- slug, not a key: an import that remakes a category keeps its promotions.
CREATE TABLE promotions (
    id            INTEGER PRIMARY KEY,
    name          TEXT NOT NULL,
    -- Upper-case; NULL for an automatic promotion.
    code          TEXT UNIQUE,
    category      TEXT,
    kind          TEXT NOT NULL CHECK (kind IN ('percent', 'amount', 'buy_pay')),
    -- percent: 1-100; amount: minor units; buy_pay: how many to buy.
    value         INTEGER NOT NULL CHECK (value > 0),
    -- buy_pay: how many of them are paid for.
    pay           INTEGER,
    min_spend     INTEGER NOT NULL DEFAULT 0 CHECK (min_spend >= 0),
    starts_at     INTEGER NOT NULL,
    ends_at       INTEGER,
    per_customer  INTEGER CHECK (per_customer > 0),
    total_limit   INTEGER CHECK (total_limit > 0),
    -- Orders placed with it and not cancelled: checked and raised in the
    -- order's transaction, so a limit holds under concurrent checkouts.
    used          INTEGER NOT NULL DEFAULT 0 CHECK (used >= 0),
    created_at    INTEGER NOT NULL
);

ALTER TABLE carts ADD COLUMN coupon_code TEXT;

-- The order keeps what it was charged: total is after the discount.
ALTER TABLE orders ADD COLUMN discount INTEGER NOT NULL DEFAULT 0;
ALTER TABLE order_lines ADD COLUMN discount INTEGER NOT NULL DEFAULT 0;

-- Which promotions an order used, for the per-customer limits and to give
-- a use back when the order is cancelled.
CREATE TABLE order_promotions (
    order_id      INTEGER NOT NULL REFERENCES orders(id) ON DELETE CASCADE,
    promotion_id  INTEGER NOT NULL REFERENCES promotions(id) ON DELETE CASCADE,
    name          TEXT NOT NULL,
    code          TEXT,
    amount        INTEGER NOT NULL,
    PRIMARY KEY (order_id, promotion_id)
);
CREATE INDEX order_promotions_promotion ON order_promotions (promotion_id);

-- Promotions show in every cart: a change by the CLI or another instance
-- reaches the servers the way a catalog change does.
CREATE TRIGGER promotions_insert_version AFTER INSERT ON promotions
BEGIN UPDATE catalog_version SET n = n + 1; END;

CREATE TRIGGER promotions_update_version AFTER UPDATE ON promotions
BEGIN UPDATE catalog_version SET n = n + 1; END;

CREATE TRIGGER promotions_delete_version AFTER DELETE ON promotions
BEGIN UPDATE catalog_version SET n = n + 1; END;
