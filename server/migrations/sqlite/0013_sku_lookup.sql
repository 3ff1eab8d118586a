-- SKUs are looked up as LOWER(sku) = LOWER(?), the one spelling of a
-- case-insensitive match that SQLite and PostgreSQL share; this index keeps
-- that a search by index (the column's NOCASE index does not serve it).
CREATE INDEX variants_sku_lower ON variants(lower(sku));
