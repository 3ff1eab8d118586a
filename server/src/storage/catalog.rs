//! The catalog in SQLite: categories, listings with their filters and sort
//! orders, full-text search (FTS5), product pages, the sitemap and the
//! store choices. Read-only: the catalog is written by `seed`.

use super::{suffix, Dialect, SqlStore};
use crate::catalog_cache::Key;
use async_trait::async_trait;
use omnistore_components::backend::{BackendResult, CatalogBackend};
use omnistore_components::i18n::Locale;
use omnistore_components::model::{
    check_search, fold, is_slug, is_valid_ean13, Category, Listing, ListingQuery, Money, Problem,
    ProductDetail, ProductSummary, SearchOutcome, Sort, Variant, MAX_PAGE, PAGE_SIZE,
};
use sqlx::any::AnyRow;
use sqlx::Row;

impl SqlStore {
    /// All categories in menu order, or just the one with `slug`.
    async fn category_rows(
        &self,
        locale: Locale,
        slug: Option<&str>,
    ) -> BackendResult<Vec<Category>> {
        let l = suffix(locale);
        let rows = sqlx::query(&format!(
            "SELECT c.slug, c.name_{l} AS name, c.description_{l} AS description, c.icon,
                    (SELECT COUNT(*) FROM products p WHERE p.category_id = c.id) AS n
             FROM categories c WHERE $1 IS NULL OR c.slug = $1 ORDER BY c.position"
        ))
        .bind(slug)
        .fetch_all(&self.pool)
        .await?;
        Ok(rows
            .iter()
            .map(|r| Category {
                slug: r.get("slug"),
                name: r.get("name"),
                description: r.get("description"),
                icon: r.get("icon"),
                product_count: r.get::<i64, _>("n") as u32,
            })
            .collect())
    }
}

/// Columns of a product card, for every query that lists products. `{l}` is
/// the locale suffix chosen from a fixed set, never from input.
fn summary_columns(d: Dialect, l: &str) -> String {
    summary_columns_at(d, l, "NULL")
}

/// [`summary_columns`] with the stock at the store whose id is the SQL
/// expression `store` (a parameter), as `store_units`.
fn summary_columns_at(d: Dialect, l: &str, store: &str) -> String {
    let join = d.ordered_join();
    format!(
        "p.slug, p.name_{l} AS name, p.brand, c.slug AS category_slug, p.price_min, p.price_max,
         p.compare_at_min, p.image, p.variant_count,
         CASE WHEN p.variant_count = 1
              THEN (SELECT v.id FROM variants v WHERE v.product_id = p.id) END AS single_variant,
         CASE WHEN {} THEN 1 ELSE 0 END AS in_stock_online,
         CASE WHEN {store} IS NOT NULL THEN
             (SELECT CAST(COALESCE(SUM(CASE WHEN s.on_hand > s.reserved
                                               THEN s.on_hand - s.reserved ELSE 0 END), 0)
                          AS BIGINT)
              FROM variants v {join} stock s ON s.location_id = {store} AND s.variant_id = v.id
              WHERE v.product_id = p.id) END AS store_units",
        has_stock_at(d, "$1")
    )
}

/// SQL: whether product `p` has a unit free at the location whose id is the
/// SQL expression `location`. An ordered join keeps SQLite from driving the
/// join by the location's whole stock (it did: 4.7 ms for a listing's 24
/// cards; from the product's variants, 0.6 ms). Each lookup is a search by
/// index (`variants_product`, then `stock`'s primary key).
fn has_stock_at(d: Dialect, location: &str) -> String {
    let join = d.ordered_join();
    format!(
        "EXISTS (SELECT 1 FROM variants v
                 {join} stock s ON s.location_id = {location} AND s.variant_id = v.id
                 WHERE v.product_id = p.id AND s.on_hand - s.reserved > 0)"
    )
}

fn summary(row: &AnyRow) -> ProductSummary {
    let price_min: i64 = row.get("price_min");
    let price_max: i64 = row.get("price_max");
    ProductSummary {
        slug: row.get("slug"),
        name: row.get("name"),
        brand: row.get("brand"),
        category_slug: row.get("category_slug"),
        price: Money::pln(price_min),
        compare_at: row.get::<Option<i64>, _>("compare_at_min").map(Money::pln),
        price_varies: price_max != price_min,
        image: row.get("image"),
        in_stock_online: row.get::<i64, _>("in_stock_online") != 0,
        variant_count: row.get::<i64, _>("variant_count") as u32,
        single_variant: row.get::<Option<i64>, _>("single_variant").map(Into::into),
        store_units: row
            .get::<Option<i64>, _>("store_units")
            .map(|n| n.max(0) as u32),
    }
}

/// Turns free text into a safe full-text query: only letters and digits
/// survive, each word becomes a prefix term, all words must match. Search
/// syntax typed by a shopper (quotes, NEAR, *, ^, -, &, |, !) is therefore
/// just text. SQLite: an FTS5 query of quoted terms; PostgreSQL: a
/// `to_tsquery` of folded terms (see `index_product`).
pub fn fts_query(dialect: Dialect, input: &str) -> Option<String> {
    let words = input
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .take(12)
        .map(|w| w.chars().take(40).collect::<String>());
    let terms: Vec<String> = match dialect {
        Dialect::Sqlite => words.map(|w| format!("\"{w}\"*")).collect(),
        Dialect::Postgres => words.map(|w| format!("{}:*", fold(&w))).collect(),
    };
    let and = match dialect {
        Dialect::Sqlite => " ",
        Dialect::Postgres => " & ",
    };
    (!terms.is_empty()).then(|| terms.join(and))
}

/// The SQL of a search: the count of matches for the query `$1`, and the
/// page of matches (`$2` the query, `$3` the limit, `$4` the offset) with
/// `columns`, best first: a match in a name counts ten times one in a
/// description, a code five times.
fn search_sql(dialect: Dialect, columns: &str) -> (&'static str, String) {
    match dialect {
        Dialect::Sqlite => (
            "SELECT COUNT(*) FROM product_search WHERE product_search MATCH $1",
            format!(
                "SELECT {columns} FROM product_search
                 JOIN products p ON p.id = product_search.rowid
                 JOIN categories c ON c.id = p.category_id
                 WHERE product_search MATCH $2
                 ORDER BY bm25(product_search, 10.0, 10.0, 1.0, 1.0, 5.0), p.id
                 LIMIT $3 OFFSET $4"
            ),
        ),
        // Weights A (names) 1.0, B (codes) 0.4 and D (descriptions) 0.1.
        Dialect::Postgres => (
            "SELECT COUNT(*) FROM product_search
             WHERE document @@ to_tsquery('simple', $1)",
            format!(
                "SELECT {columns} FROM product_search
                 JOIN products p ON p.id = product_search.rowid
                 JOIN categories c ON c.id = p.category_id
                 WHERE document @@ to_tsquery('simple', $2)
                 ORDER BY ts_rank('{{0.1, 0.2, 0.4, 1.0}}', document, to_tsquery('simple', $2))
                          DESC, p.id
                 LIMIT $3 OFFSET $4"
            ),
        ),
    }
}

/// The catalog read from SQL; the `CatalogBackend` below serves it from
/// the cache.
impl SqlStore {
    async fn load_categories(&self, locale: Locale) -> BackendResult<Vec<Category>> {
        self.category_rows(locale, None).await
    }

    async fn load_featured(
        &self,
        locale: Locale,
        limit: u32,
    ) -> BackendResult<Vec<ProductSummary>> {
        let online = self.online_location_id().await?;
        let sql = format!(
            "SELECT {} FROM products p JOIN categories c ON c.id = p.category_id
             WHERE p.featured = 1 ORDER BY p.id LIMIT $2",
            summary_columns(self.dialect, suffix(locale))
        );
        let rows = sqlx::query(&sql)
            .bind(online)
            .bind(i64::from(limit))
            .fetch_all(&self.pool)
            .await?;
        Ok(rows.iter().map(summary).collect())
    }

    /// Cards of the products `ids` (with each id), in no set order.
    pub(super) async fn summaries_of(
        &self,
        locale: Locale,
        ids: &[i64],
    ) -> BackendResult<Vec<(i64, ProductSummary)>> {
        if ids.is_empty() {
            return Ok(Vec::new());
        }
        let online = self.online_location_id().await?;
        let marks: Vec<String> = (0..ids.len()).map(|i| format!("${}", i + 2)).collect();
        let sql = format!(
            "SELECT p.id AS product_id, {} FROM products p JOIN categories c ON c.id = p.category_id
             WHERE p.id IN ({})",
            summary_columns(self.dialect, suffix(locale)),
            marks.join(", ")
        );
        let mut query = sqlx::query(&sql).bind(online);
        for id in ids {
            query = query.bind(*id);
        }
        let rows = query.fetch_all(&self.pool).await?;
        Ok(rows
            .iter()
            .map(|r| (r.get::<i64, _>("product_id"), summary(r)))
            .collect())
    }

    async fn load_search(
        &self,
        locale: Locale,
        query: &str,
        page: u32,
    ) -> BackendResult<SearchOutcome> {
        let query = check_search(query, page)?;
        // A scanned barcode or a typed SKU is a request for that exact item.
        if is_valid_ean13(query) || (query.len() <= 40 && query.contains('-')) {
            let hit = sqlx::query(
                "SELECT p.slug, v.id FROM variants v
             JOIN products p ON p.id = v.product_id WHERE v.ean = $1 OR LOWER(v.sku) = LOWER($1)",
            )
            .bind(query)
            .fetch_optional(&self.pool)
            .await?;
            if let Some(row) = hit {
                return Ok(SearchOutcome::Exact {
                    slug: row.get(0),
                    variant: row.get::<i64, _>(1).into(),
                });
            }
        }
        let Some(fts) = fts_query(self.dialect, query) else {
            return Ok(SearchOutcome::Results {
                products: Vec::new(),
                total: 0,
            });
        };
        let online = self.online_location_id().await?;
        let (count, sql) = search_sql(self.dialect, &summary_columns(self.dialect, suffix(locale)));
        let total: i64 = sqlx::query_scalar(count)
            .bind(&fts)
            .fetch_one(&self.pool)
            .await?;
        let rows = sqlx::query(&sql)
            .bind(online)
            .bind(&fts)
            .bind(i64::from(PAGE_SIZE))
            .bind(i64::from((page - 1) * PAGE_SIZE))
            .fetch_all(&self.pool)
            .await?;
        Ok(SearchOutcome::Results {
            products: rows.iter().map(summary).collect(),
            total: total as u64,
        })
    }

    async fn load_product(
        &self,
        locale: Locale,
        slug: &str,
    ) -> BackendResult<Option<ProductDetail>> {
        if !is_slug(slug) {
            return Ok(None);
        }
        let l = suffix(locale);
        let Some(p) = sqlx::query(&format!(
            "SELECT p.id, p.slug, p.name_{l} AS name, p.brand, p.description_{l} AS description,
             p.description_html, c.slug AS cslug,
                    c.name_{l} AS cname, c.description_{l} AS cdesc, c.icon,
                    (SELECT COUNT(*) FROM products x WHERE x.category_id = c.id) AS n
             FROM products p JOIN categories c ON c.id = p.category_id WHERE p.slug = $1"
        ))
        .bind(slug)
        .fetch_optional(&self.pool)
        .await?
        else {
            return Ok(None);
        };
        let online = self.online_location_id().await?;
        let variants = sqlx::query(&format!(
            "SELECT v.id, v.sku, v.ean, v.price, v.compare_at, v.size, v.colour_{l} AS colour,
             v.colour_hex, v.image,
                    COALESCE((SELECT s.on_hand - s.reserved FROM stock s
                     WHERE s.variant_id = v.id AND s.location_id = $2), 0) AS online,
                    (SELECT COUNT(*) FROM stock s JOIN locations loc ON loc.id = s.location_id
                      WHERE s.variant_id = v.id AND loc.kind = 'store'
                       AND s.on_hand - s.reserved > 0) AS stores
             FROM variants v WHERE v.product_id = $1 ORDER BY v.position"
        ))
        .bind(p.get::<i64, _>("id"))
        .bind(online)
        .fetch_all(&self.pool)
        .await?
        .iter()
        .map(|r| Variant {
            id: r.get::<i64, _>("id").into(),
            sku: r.get("sku"),
            ean: r.get("ean"),
            price: Money::pln(r.get("price")),
            compare_at: r.get::<Option<i64>, _>("compare_at").map(Money::pln),
            size: r.get("size"),
            colour: r.get("colour"),
            colour_hex: r.get("colour_hex"),
            image: r.get("image"),
            online_stock: r.get::<i64, _>("online").max(0) as u32,
            stores_with_stock: r.get::<i64, _>("stores") as u32,
        })
        .collect();
        Ok(Some(ProductDetail {
            slug: p.get("slug"),
            name: p.get("name"),
            brand: p.get("brand"),
            description: p.get("description"),
            description_html: p.get("description_html"),
            category: Category {
                slug: p.get("cslug"),
                name: p.get("cname"),
                description: p.get("cdesc"),
                icon: p.get("icon"),
                product_count: p.get::<i64, _>("n") as u32,
            },
            variants,
        }))
    }

    async fn load_store_choices(&self) -> BackendResult<Vec<(String, String)>> {
        let rows: Vec<(String, String, String)> = sqlx::query_as(
            "SELECT slug, city, name FROM locations WHERE kind = 'store' ORDER BY city, name",
        )
        .fetch_all(&self.pool)
        .await?;
        Ok(rows
            .into_iter()
            .map(|(slug, city, name)| (slug, format!("{city} — {name}")))
            .collect())
    }

    async fn load_sitemap_paths(&self) -> BackendResult<Vec<String>> {
        let mut paths = vec!["/".to_string()];
        let cats: Vec<String> = sqlx::query_scalar("SELECT slug FROM categories ORDER BY position")
            .fetch_all(&self.pool)
            .await?;
        paths.extend(cats.into_iter().map(|s| format!("/c/{s}")));
        let products: Vec<String> = sqlx::query_scalar("SELECT slug FROM products ORDER BY id")
            .fetch_all(&self.pool)
            .await?;
        paths.extend(products.into_iter().map(|s| format!("/p/{s}")));
        Ok(paths)
    }
}

#[async_trait]
impl CatalogBackend for SqlStore {
    async fn categories(&self, locale: Locale) -> BackendResult<Vec<Category>> {
        let load = || self.load_categories(locale);
        self.catalog.read(Key::Categories(locale), load).await
    }

    async fn featured(&self, locale: Locale, limit: u32) -> BackendResult<Vec<ProductSummary>> {
        let load = || self.load_featured(locale, limit);
        self.catalog.read(Key::Featured(locale, limit), load).await
    }

    async fn listing(
        &self,
        locale: Locale,
        category: &str,
        q: &ListingQuery,
        store: Option<&str>,
    ) -> BackendResult<Option<Listing>> {
        let key = Key::Listing(locale, category.into(), q.clone(), store.map(Into::into));
        let load = || async move {
            if !is_slug(category) {
                return Ok(None);
            }
            if !(1..=MAX_PAGE).contains(&q.page) {
                return Err(Problem::PageOutOfRange { max: MAX_PAGE }.into());
            }
            // Only the listed category: this runs on every listing render.
            let Some(cat) = self.category_rows(locale, Some(category)).await?.pop() else {
                return Ok(None);
            };
            let online = self.online_location_id().await?;
            let store_id = match store {
                Some(slug) => self.directory().await?.get(slug).map(|s| s.id),
                None => None,
            };
            let l = suffix(locale);
            let order = match q.sort {
                Sort::Newest => "p.created_at DESC, p.id DESC".to_string(),
                Sort::PriceAsc => "p.price_min ASC, p.id ASC".to_string(),
                Sort::PriceDesc => "p.price_min DESC, p.id ASC".to_string(),
                Sort::Name => format!("LOWER(p.name_{l}) ASC, p.id ASC"),
            };
            let filter = format!(
                "c.slug = $2
                 AND ($3 IS NULL OR p.price_min >= $3)
                 AND ($4 IS NULL OR p.price_min <= $4)
                 AND ($5 = 0 OR {})
                 AND ($8 IS NULL OR $9 = 0 OR {})",
                has_stock_at(self.dialect, "$1"),
                has_stock_at(self.dialect, "$8")
            );
            let from = "FROM products p JOIN categories c ON c.id = p.category_id";
            let total: i64 = sqlx::query_scalar(&format!("SELECT COUNT(*) {from} WHERE {filter}"))
                .bind(online)
                .bind(category)
                .bind(q.min_price)
                .bind(q.max_price)
                .bind(i64::from(q.in_stock))
                .bind(0)
                .bind(0)
                .bind(store_id)
                .bind(i64::from(q.at_my_store))
                .fetch_one(&self.pool)
                .await?;
            let rows = sqlx::query(&format!(
                "SELECT {} {from} WHERE {filter} ORDER BY {order} LIMIT $6 OFFSET $7",
                summary_columns_at(self.dialect, l, "$8")
            ))
            .bind(online)
            .bind(category)
            .bind(q.min_price)
            .bind(q.max_price)
            .bind(i64::from(q.in_stock))
            .bind(i64::from(PAGE_SIZE))
            .bind(i64::from(q.offset()))
            .bind(store_id)
            .bind(i64::from(q.at_my_store))
            .fetch_all(&self.pool)
            .await?;
            Ok(Some(Listing {
                category: cat,
                products: rows.iter().map(summary).collect(),
                total: total as u64,
            }))
        };
        self.catalog.read(key, load).await
    }

    async fn search(&self, locale: Locale, query: &str, page: u32) -> BackendResult<SearchOutcome> {
        let load = || self.load_search(locale, query, page);
        self.catalog
            .read(Key::Search(locale, query.into(), page), load)
            .await
    }

    async fn product(&self, locale: Locale, slug: &str) -> BackendResult<Option<ProductDetail>> {
        let load = || self.load_product(locale, slug);
        self.catalog
            .read(Key::Product(locale, slug.into()), load)
            .await
    }

    async fn store_choices(&self) -> BackendResult<Vec<(String, String)>> {
        self.catalog
            .read(Key::StoreChoices, || self.load_store_choices())
            .await
    }

    async fn sitemap_paths(&self) -> BackendResult<Vec<String>> {
        self.catalog
            .read(Key::SitemapPaths, || self.load_sitemap_paths())
            .await
    }

    async fn health(&self) -> Vec<(&'static str, Result<(), String>)> {
        let db = sqlx::query("SELECT 1")
            .execute(&self.pool)
            .await
            .map(|_| ())
            .map_err(|e| e.to_string());
        vec![("database", db)]
    }
}

#[cfg(test)]
mod tests {
    use super::{fts_query, Dialect};

    #[test]
    fn fts_queries_are_defused() {
        assert_eq!(
            fts_query(Dialect::Sqlite, "garden hose").as_deref(),
            Some("\"garden\"* \"hose\"*")
        );
        assert_eq!(
            fts_query(Dialect::Sqlite, "\"NEAR(a b)\" OR -x*^").as_deref(),
            Some("\"NEAR\"* \"a\"* \"b\"* \"OR\"* \"x\"*")
        );
        assert_eq!(
            fts_query(Dialect::Sqlite, "wąż").as_deref(),
            Some("\"wąż\"*")
        );
        assert_eq!(fts_query(Dialect::Sqlite, "\"\"\"***").as_deref(), None);
        assert_eq!(fts_query(Dialect::Sqlite, ""), None);
    }

    #[test]
    fn postgres_queries_are_folded_prefix_terms() {
        assert_eq!(
            fts_query(Dialect::Postgres, "Wąż ogrodowy").as_deref(),
            Some("waz:* & ogrodowy:*")
        );
        assert_eq!(
            fts_query(Dialect::Postgres, "a & b | !c:*").as_deref(),
            Some("a:* & b:* & c:*")
        );
        assert_eq!(fts_query(Dialect::Postgres, "&|!"), None);
    }
}
