-- Every change to the stores (a store added, moved, renamed, its hours
-- changed), whoever makes it, is told to every instance at commit: each
-- keeps its store index (the locator's spatial index) in memory and
-- rebuilds it (see `SqlStore::watch_catalog`).
CREATE FUNCTION omnistore_stores_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('omnistore_stores', '');
    RETURN NULL;
END;
$$;

CREATE TRIGGER locations_stores_changed AFTER INSERT OR UPDATE OR DELETE ON locations
    FOR EACH STATEMENT EXECUTE FUNCTION omnistore_stores_changed();
CREATE TRIGGER opening_hours_stores_changed AFTER INSERT OR UPDATE OR DELETE ON opening_hours
    FOR EACH STATEMENT EXECUTE FUNCTION omnistore_stores_changed();
CREATE TRIGGER hours_exceptions_stores_changed AFTER INSERT OR UPDATE OR DELETE ON hours_exceptions
    FOR EACH STATEMENT EXECUTE FUNCTION omnistore_stores_changed();
