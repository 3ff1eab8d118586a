-- A count that every change to what catalog pages show moves forward, made
-- by any connection or process (the server, a CLI import, a test writing
-- SQL): the server polls it to drop its catalog cache (catalog_cache.rs).
-- Triggers, so that no writer can forget it.
CREATE TABLE catalog_version (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    n INTEGER NOT NULL
);
INSERT INTO catalog_version (id, n) VALUES (1, 0);

CREATE TRIGGER categories_insert_version AFTER INSERT ON categories
BEGIN UPDATE catalog_version SET n = n + 1; END;

CREATE TRIGGER categories_update_version AFTER UPDATE ON categories
BEGIN UPDATE catalog_version SET n = n + 1; END;

CREATE TRIGGER categories_delete_version AFTER DELETE ON categories
BEGIN UPDATE catalog_version SET n = n + 1; END;

CREATE TRIGGER products_insert_version AFTER INSERT ON products
BEGIN UPDATE catalog_version SET n = n + 1; END;

CREATE TRIGGER products_update_version AFTER UPDATE ON products
BEGIN UPDATE catalog_version SET n = n + 1; END;

CREATE TRIGGER products_delete_version AFTER DELETE ON products
BEGIN UPDATE catalog_version SET n = n + 1; END;

CREATE TRIGGER variants_insert_version AFTER INSERT ON variants
BEGIN UPDATE catalog_version SET n = n + 1; END;

CREATE TRIGGER variants_update_version AFTER UPDATE ON variants
BEGIN UPDATE catalog_version SET n = n + 1; END;

CREATE TRIGGER variants_delete_version AFTER DELETE ON variants
BEGIN UPDATE catalog_version SET n = n + 1; END;

CREATE TRIGGER locations_insert_version AFTER INSERT ON locations
BEGIN UPDATE catalog_version SET n = n + 1; END;

CREATE TRIGGER locations_update_version AFTER UPDATE ON locations
BEGIN UPDATE catalog_version SET n = n + 1; END;

CREATE TRIGGER locations_delete_version AFTER DELETE ON locations
BEGIN UPDATE catalog_version SET n = n + 1; END;

CREATE TRIGGER opening_hours_insert_version AFTER INSERT ON opening_hours
BEGIN UPDATE catalog_version SET n = n + 1; END;

CREATE TRIGGER opening_hours_update_version AFTER UPDATE ON opening_hours
BEGIN UPDATE catalog_version SET n = n + 1; END;

CREATE TRIGGER opening_hours_delete_version AFTER DELETE ON opening_hours
BEGIN UPDATE catalog_version SET n = n + 1; END;

CREATE TRIGGER hours_exceptions_insert_version AFTER INSERT ON hours_exceptions
BEGIN UPDATE catalog_version SET n = n + 1; END;

CREATE TRIGGER hours_exceptions_update_version AFTER UPDATE ON hours_exceptions
BEGIN UPDATE catalog_version SET n = n + 1; END;

CREATE TRIGGER hours_exceptions_delete_version AFTER DELETE ON hours_exceptions
BEGIN UPDATE catalog_version SET n = n + 1; END;

CREATE TRIGGER stock_insert_version AFTER INSERT ON stock
BEGIN UPDATE catalog_version SET n = n + 1; END;

CREATE TRIGGER stock_update_version AFTER UPDATE ON stock
BEGIN UPDATE catalog_version SET n = n + 1; END;

CREATE TRIGGER stock_delete_version AFTER DELETE ON stock
BEGIN UPDATE catalog_version SET n = n + 1; END;

CREATE TRIGGER aisles_insert_version AFTER INSERT ON aisles
BEGIN UPDATE catalog_version SET n = n + 1; END;

CREATE TRIGGER aisles_update_version AFTER UPDATE ON aisles
BEGIN UPDATE catalog_version SET n = n + 1; END;

CREATE TRIGGER aisles_delete_version AFTER DELETE ON aisles
BEGIN UPDATE catalog_version SET n = n + 1; END;
