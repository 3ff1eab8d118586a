-- Russian joins English and Polish. SQLite cannot change a CHECK, so the
-- customers table is rebuilt with its rows (SQLite's documented way: the
-- migrations run with foreign keys off, so dropping the old table cascades
-- into nothing, and every reference is checked afterwards; see
-- `SqliteStore::connect`). Each order now keeps the language its e-mails
-- are written in.
CREATE TABLE customers_new (
    id                  INTEGER PRIMARY KEY,
    email               TEXT NOT NULL UNIQUE,          -- normalised lower-case
    name                TEXT NOT NULL,
    password_hash       TEXT NOT NULL,                 -- argon2id PHC string
    locale              TEXT NOT NULL DEFAULT 'en' CHECK (locale IN ('en', 'pl', 'ru')),
    preferred_store_id  INTEGER REFERENCES locations(id) ON DELETE SET NULL,
    role                TEXT NOT NULL DEFAULT 'customer' CHECK (role IN ('customer', 'staff')),
    created_at          INTEGER NOT NULL,
    staff_store_id      INTEGER REFERENCES locations(id) ON DELETE SET NULL
);
INSERT INTO customers_new (id, email, name, password_hash, locale, preferred_store_id, role, created_at, staff_store_id)
    SELECT id, email, name, password_hash, locale, preferred_store_id, role, created_at, staff_store_id FROM customers;
DROP TABLE customers;
ALTER TABLE customers_new RENAME TO customers;
ALTER TABLE orders ADD COLUMN locale TEXT NOT NULL DEFAULT 'en' CHECK (locale IN ('en', 'pl', 'ru'));
