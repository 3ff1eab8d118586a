-- A store may charge for pickup (minor units, once per order with pickup
-- lines), and a promotion may waive it ("free pickup from 100 zł"); the
-- order keeps the fee it paid, which a return does not give back.
ALTER TABLE locations ADD COLUMN pickup_fee INTEGER NOT NULL DEFAULT 0 CHECK (pickup_fee >= 0);
ALTER TABLE orders ADD COLUMN pickup_fee INTEGER NOT NULL DEFAULT 0 CHECK (pickup_fee >= 0);

-- The offer kind 'free_pickup' (its value is unused: 1). SQLite changes a
-- CHECK only by rebuilding the table, which drops its triggers: made again.
CREATE TABLE promotions_new (
    id            INTEGER PRIMARY KEY,
    name          TEXT NOT NULL,
    code          TEXT UNIQUE,
    category      TEXT,
    kind          TEXT NOT NULL CHECK (kind IN ('percent', 'amount', 'buy_pay', 'free_pickup')),
    value         INTEGER NOT NULL CHECK (value > 0),
    pay           INTEGER,
    min_spend     INTEGER NOT NULL DEFAULT 0 CHECK (min_spend >= 0),
    starts_at     INTEGER NOT NULL,
    ends_at       INTEGER,
    per_customer  INTEGER CHECK (per_customer > 0),
    total_limit   INTEGER CHECK (total_limit > 0),
    used          INTEGER NOT NULL DEFAULT 0 CHECK (used >= 0),
    created_at    INTEGER NOT NULL
);
INSERT INTO promotions_new SELECT id, name, code, category, kind, value, pay, min_spend, starts_at,
    ends_at, per_customer, total_limit, used, created_at FROM promotions;
DROP TABLE promotions;
ALTER TABLE promotions_new RENAME TO promotions;

CREATE TRIGGER promotions_insert_version AFTER INSERT ON promotions
BEGIN UPDATE catalog_version SET n = n + 1; END;

CREATE TRIGGER promotions_update_version AFTER UPDATE ON promotions
BEGIN UPDATE catalog_version SET n = n + 1; END;

CREATE TRIGGER promotions_delete_version AFTER DELETE ON promotions
BEGIN UPDATE catalog_version SET n = n + 1; END;
