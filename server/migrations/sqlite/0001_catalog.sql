-- Catalog, locations and stock. Money is INTEGER minor units (grosze).
-- Coordinates are REAL degrees (a position, not money).

CREATE TABLE categories (
    id              INTEGER PRIMARY KEY,
    slug            TEXT NOT NULL UNIQUE,
    name_en         TEXT NOT NULL,
    name_pl         TEXT NOT NULL,
    description_en  TEXT NOT NULL,
    description_pl  TEXT NOT NULL,
    icon            TEXT NOT NULL,
    position        INTEGER NOT NULL
);

CREATE TABLE products (
    id              INTEGER PRIMARY KEY,
    slug            TEXT NOT NULL UNIQUE,
    category_id     INTEGER NOT NULL REFERENCES categories(id),
    brand           TEXT NOT NULL,
    name_en         TEXT NOT NULL,
    name_pl         TEXT NOT NULL,
    description_en  TEXT NOT NULL,
    description_pl  TEXT NOT NULL,
    created_at      TEXT NOT NULL,
    featured        INTEGER NOT NULL DEFAULT 0,
    -- Denormalised from variants by whoever writes variants (the seeder
    -- today), so listings sort and filter by price without a subquery.
    price_min       INTEGER NOT NULL CHECK (price_min >= 0),
    price_max       INTEGER NOT NULL CHECK (price_max >= price_min),
    compare_at_min  INTEGER,
    image           TEXT NOT NULL,
    variant_count   INTEGER NOT NULL
);
CREATE INDEX products_category_created ON products(category_id, created_at DESC, id DESC);
CREATE INDEX products_category_price ON products(category_id, price_min, id);
CREATE INDEX products_featured ON products(featured) WHERE featured = 1;

CREATE TABLE variants (
    id              INTEGER PRIMARY KEY,
    product_id      INTEGER NOT NULL REFERENCES products(id) ON DELETE CASCADE,
    position        INTEGER NOT NULL,
    sku             TEXT NOT NULL UNIQUE COLLATE NOCASE,
    ean             TEXT NOT NULL UNIQUE CHECK (length(ean) = 13),
    price           INTEGER NOT NULL CHECK (price >= 0),
    compare_at      INTEGER CHECK (compare_at IS NULL OR compare_at > price),
    size            TEXT,
    colour_en       TEXT,
    colour_pl       TEXT,
    colour_hex      TEXT,
    image           TEXT NOT NULL
);
CREATE INDEX variants_product ON variants(product_id, position);

CREATE TABLE locations (
    id              INTEGER PRIMARY KEY,
    slug            TEXT NOT NULL UNIQUE,
    kind            TEXT NOT NULL CHECK (kind IN ('store', 'warehouse')),
    name            TEXT NOT NULL,
    city            TEXT NOT NULL,
    street          TEXT NOT NULL,
    postcode        TEXT NOT NULL,
    lat             REAL NOT NULL CHECK (lat BETWEEN -90 AND 90),
    lng             REAL NOT NULL CHECK (lng BETWEEN -180 AND 180),
    timezone        TEXT NOT NULL,
    phone           TEXT NOT NULL,
    services        TEXT NOT NULL
);

-- Weekly hours in the location's local time; weekday 0 = Monday. No row =
-- closed that day; 24-hour opening is 00:00-24:00.
CREATE TABLE opening_hours (
    location_id     INTEGER NOT NULL REFERENCES locations(id) ON DELETE CASCADE,
    weekday         INTEGER NOT NULL CHECK (weekday BETWEEN 0 AND 6),
    opens           TEXT NOT NULL,
    closes          TEXT NOT NULL,
    PRIMARY KEY (location_id, weekday)
) WITHOUT ROWID;

-- Dates that differ from the weekly hours (holidays); NULL times = closed.
CREATE TABLE hours_exceptions (
    location_id     INTEGER NOT NULL REFERENCES locations(id) ON DELETE CASCADE,
    day             TEXT NOT NULL,
    opens           TEXT,
    closes          TEXT,
    note_en         TEXT NOT NULL,
    note_pl         TEXT NOT NULL,
    PRIMARY KEY (location_id, day)
) WITHOUT ROWID;

CREATE TABLE stock (
    location_id     INTEGER NOT NULL REFERENCES locations(id) ON DELETE CASCADE,
    variant_id      INTEGER NOT NULL REFERENCES variants(id) ON DELETE CASCADE,
    on_hand         INTEGER NOT NULL CHECK (on_hand >= 0),
    reserved        INTEGER NOT NULL DEFAULT 0 CHECK (reserved >= 0 AND reserved <= on_hand),
    PRIMARY KEY (location_id, variant_id)
) WITHOUT ROWID;
CREATE INDEX stock_variant ON stock(variant_id, location_id);

-- Full-text index over names, descriptions and codes in both languages;
-- rowid = products.id. Diacritics folded so "waz" finds "wąż".
CREATE VIRTUAL TABLE product_search USING fts5(
    name_en, name_pl, description_en, description_pl, codes,
    tokenize = 'unicode61 remove_diacritics 2'
);
