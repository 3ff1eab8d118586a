-- A description imported as HTML (a merchant's catalog file), sanitised
-- before it is stored; the page shows it instead of the plain text, which
-- stays in description_en/pl for search, meta descriptions and JSON-LD.
ALTER TABLE products ADD COLUMN description_html TEXT;
