-- A store may charge for pickup (minor units, once per order with pickup
-- lines), and a promotion may waive it ("free pickup from 100 zł"); the
-- order keeps the fee it paid, which a return does not give back.
ALTER TABLE locations ADD COLUMN pickup_fee BIGINT NOT NULL DEFAULT 0 CHECK (pickup_fee >= 0);
ALTER TABLE orders ADD COLUMN pickup_fee BIGINT NOT NULL DEFAULT 0 CHECK (pickup_fee >= 0);

-- The offer kind 'free_pickup' (its value is unused: 1).
ALTER TABLE promotions DROP CONSTRAINT promotions_kind_check;
ALTER TABLE promotions ADD CONSTRAINT promotions_kind_check
    CHECK (kind IN ('percent', 'amount', 'buy_pay', 'free_pickup'));
