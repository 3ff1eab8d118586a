-- A count that every change to the stores (a store added, moved, renamed,
-- its hours changed) moves forward, whoever makes it: a server keeps its
-- store index (the locator's spatial index) in memory and rebuilds it when
-- this moves (see `SqlStore::watch_catalog`).
CREATE TABLE stores_version (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    n INTEGER NOT NULL
);
INSERT INTO stores_version (id, n) VALUES (1, 0);

CREATE TRIGGER locations_insert_stores AFTER INSERT ON locations
BEGIN UPDATE stores_version SET n = n + 1; END;
CREATE TRIGGER locations_update_stores AFTER UPDATE ON locations
BEGIN UPDATE stores_version SET n = n + 1; END;
CREATE TRIGGER locations_delete_stores AFTER DELETE ON locations
BEGIN UPDATE stores_version SET n = n + 1; END;
CREATE TRIGGER opening_hours_insert_stores AFTER INSERT ON opening_hours
BEGIN UPDATE stores_version SET n = n + 1; END;
CREATE TRIGGER opening_hours_update_stores AFTER UPDATE ON opening_hours
BEGIN UPDATE stores_version SET n = n + 1; END;
CREATE TRIGGER opening_hours_delete_stores AFTER DELETE ON opening_hours
BEGIN UPDATE stores_version SET n = n + 1; END;
CREATE TRIGGER hours_exceptions_insert_stores AFTER INSERT ON hours_exceptions
BEGIN UPDATE stores_version SET n = n + 1; END;
CREATE TRIGGER hours_exceptions_update_stores AFTER UPDATE ON hours_exceptions
BEGIN UPDATE stores_version SET n = n + 1; END;
CREATE TRIGGER hours_exceptions_delete_stores AFTER DELETE ON hours_exceptions
BEGIN UPDATE stores_version SET n = n + 1; END;
