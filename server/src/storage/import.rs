//! Writing an imported catalog (see `crate::import`) in one transaction:
//! products by handle and variants by SKU are inserted or updated, so the
//! same file imported twice changes nothing the second time. A row the shop
//! cannot take (a SKU of another product, an EAN already used, a store that
//! does not exist) is reported with its line and nothing is written.

use super::{Dialect, SqlStore, StoreError, ONLINE_LOCATION};
use crate::import::{ImportedProduct, RowError, RowProblem, StoreStock};
use omnistore_components::model::{image_url, make_ean13};
use sqlx::{Any, Row, Transaction};
use std::collections::HashMap;

/// In-store numbers (GS1 prefix 20, "restricted circulation") for variants
/// that came without a barcode: what shops print on their own labels.
const IN_STORE_PREFIX: u64 = 200_000_000_000;

/// Why an import wrote nothing.
#[derive(Debug, thiserror::Error)]
pub enum ImportError {
    /// Bad rows of the products file and of the stock file.
    #[error("{} rows cannot be imported", products.len() + stock.len())]
    Rows {
        products: Vec<RowError>,
        stock: Vec<RowError>,
    },
    #[error(transparent)]
    Store(#[from] StoreError),
}

impl From<sqlx::Error> for ImportError {
    fn from(e: sqlx::Error) -> Self {
        ImportError::Store(e.into())
    }
}

/// What an import did.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct ImportReport {
    pub products_new: usize,
    pub products_updated: usize,
    pub variants_new: usize,
    pub variants_updated: usize,
    pub categories_new: usize,
    pub store_stock_rows: usize,
}

impl SqlStore {
    /// Imports `products` and then `stock`, all or nothing; `progress` is
    /// told (products done, products in all) as it goes.
    pub async fn import_catalog(
        &self,
        products: &[ImportedProduct],
        stock: &[StoreStock],
        mut progress: impl FnMut(usize, usize),
    ) -> Result<ImportReport, ImportError> {
        let mut tx = self.begin_write().await?;
        // One transaction of a whole catalog outgrows SQLite's default page
        // cache (2 MB), which then spills to disk page by page mid-transaction.
        if self.dialect == Dialect::Sqlite {
            sqlx::query("PRAGMA cache_size = -262144")
                .execute(&mut *tx)
                .await?;
        }
        let mut report = ImportReport::default();
        let mut errors = Vec::new();
        let online = online_location(&mut tx).await?;
        let mut categories: HashMap<String, (i64, String)> = HashMap::new();
        for row in sqlx::query("SELECT id, slug, icon FROM categories")
            .fetch_all(&mut *tx)
            .await?
        {
            categories.insert(row.get("slug"), (row.get("id"), row.get("icon")));
        }
        let mut next_number: u64 = sqlx::query_scalar::<_, Option<String>>(
            "SELECT MAX(ean) FROM variants WHERE ean LIKE '20%'",
        )
        .fetch_one(&mut *tx)
        .await?
        .and_then(|ean| ean.get(..12)?.parse::<u64>().ok())
        .map_or(IN_STORE_PREFIX, |n| n + 1);
        let now = chrono::Utc::now().format("%Y-%m-%dT%H:%M:%SZ").to_string();
        // SKU (lowercase) -> variant id, for the stock file.
        let mut variant_of: HashMap<String, i64> = HashMap::new();
        for (done, p) in products.iter().enumerate() {
            if done % 500 == 0 {
                progress(done, products.len());
            }
            let (category_id, icon) = match categories.get(&p.category_slug) {
                Some(c) => c.clone(),
                None => {
                    let id: i64 = sqlx::query_scalar(
                        "INSERT INTO categories (slug, name_en, name_pl, description_en,
                         description_pl, icon, position)
                         VALUES ($1, $2, $2, '', '', 'box',
                                 (SELECT COALESCE(MAX(position), -1) + 1 FROM categories))
                         RETURNING id",
                    )
                    .bind(&p.category_slug)
                    .bind(&p.category_name)
                    .fetch_one(&mut *tx)
                    .await?;
                    report.categories_new += 1;
                    categories.insert(p.category_slug.clone(), (id, "box".into()));
                    (id, "box".to_string())
                }
            };
            let existing: Option<i64> =
                sqlx::query_scalar("SELECT id FROM products WHERE slug = $1")
                    .bind(&p.handle)
                    .fetch_optional(&mut *tx)
                    .await?;
            let cheapest = p.variants.iter().map(|v| v.price).min().unwrap_or(0);
            let image = image_url(&icon, crate::images::seed(&p.handle), "5b6b7a");
            // Prices and counts are set from the variants below.
            let product_id: i64 = match existing {
                Some(id) => {
                    sqlx::query(
                        "UPDATE products SET category_id = $1, brand = $2, name_en = $3, name_pl = $4,
                         description_en = $5, description_pl = $6, description_html = $7
                         WHERE id = $8",
                    )
                    .bind(category_id)
                    .bind(&p.brand)
                    .bind(&p.title)
                    .bind(&p.title)
                    .bind(&p.description)
                    .bind(&p.description)
                    .bind(&p.description_html)
                    .bind(id)
                    .execute(&mut *tx)
                    .await?;
                    report.products_updated += 1;
                    id
                }
                None => {
                    report.products_new += 1;
                    sqlx::query_scalar(
                        "INSERT INTO products (slug, category_id, brand, name_en, name_pl,
                         description_en, description_pl, description_html, created_at, featured,
                         price_min, price_max, compare_at_min, image, variant_count)
                         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, 0, $10, $11, NULL, $12, 0) RETURNING id",
                    )
                    .bind(&p.handle)
                    .bind(category_id)
                    .bind(&p.brand)
                    .bind(&p.title)
                    .bind(&p.title)
                    .bind(&p.description)
                    .bind(&p.description)
                    .bind(&p.description_html)
                    .bind(&now)
                    .bind(cheapest)
                    .bind(cheapest)
                    .bind(&image)
                    .fetch_one(&mut *tx)
                    .await?
                }
            };
            for (position, v) in p.variants.iter().enumerate() {
                let mut bad = |problem| {
                    errors.push(RowError {
                        line: v.line,
                        problem,
                    })
                };
                let found = sqlx::query(
                    "SELECT v.id, p.slug FROM variants v JOIN products p ON p.id = v.product_id
                     WHERE LOWER(v.sku) = LOWER($1)",
                )
                .bind(&v.sku)
                .fetch_optional(&mut *tx)
                .await?;
                let variant_id = match found {
                    Some(row) if row.get::<String, _>("slug") != p.handle => {
                        bad(RowProblem::SkuOfAnotherProduct {
                            sku: v.sku.clone(),
                            product: row.get("slug"),
                        });
                        continue;
                    }
                    Some(row) => {
                        let id: i64 = row.get("id");
                        savepoint(&mut tx, self.dialect).await?;
                        let changed = sqlx::query(
                            "UPDATE variants SET position = $1, ean = COALESCE($2, ean), price = $3,
                             compare_at = $4, size = $5, colour_en = $6, colour_pl = $7
                             WHERE id = $8",
                        )
                        .bind(position as i64)
                        .bind(&v.ean)
                        .bind(v.price)
                        .bind(v.compare_at)
                        .bind(&v.size)
                        .bind(&v.colour)
                        .bind(&v.colour)
                        .bind(id)
                        .execute(&mut *tx)
                        .await;
                        settle(&mut tx, self.dialect, &changed).await?;
                        if unique_violation(&changed) {
                            bad(RowProblem::EanTaken(v.ean.clone().unwrap_or_default()));
                            continue;
                        }
                        changed?;
                        report.variants_updated += 1;
                        id
                    }
                    None => {
                        let ean = match &v.ean {
                            Some(ean) => ean.clone(),
                            None => {
                                next_number += 1;
                                make_ean13(next_number - 1)
                            }
                        };
                        savepoint(&mut tx, self.dialect).await?;
                        let added = sqlx::query_scalar::<_, i64>(
                            "INSERT INTO variants (product_id, position, sku, ean, price,
                             compare_at, size, colour_en, colour_pl, colour_hex, image)
                             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, NULL, $10) RETURNING id",
                        )
                        .bind(product_id)
                        .bind(position as i64)
                        .bind(&v.sku)
                        .bind(&ean)
                        .bind(v.price)
                        .bind(v.compare_at)
                        .bind(&v.size)
                        .bind(&v.colour)
                        .bind(&v.colour)
                        .bind(&image)
                        .fetch_one(&mut *tx)
                        .await;
                        settle(&mut tx, self.dialect, &added).await?;
                        if unique_violation(&added) {
                            bad(RowProblem::EanTaken(ean));
                            continue;
                        }
                        report.variants_new += 1;
                        added?
                    }
                };
                variant_of.insert(v.sku.to_lowercase(), variant_id);
                if let Some(units) = v.online {
                    if let Err(problem) =
                        set_stock(&mut tx, online, variant_id, &v.sku, units).await?
                    {
                        bad(problem);
                    }
                }
            }
            // What listings sort and filter by, from all the product's
            // variants (none when every one was refused: the import fails).
            sqlx::query(
                "UPDATE products SET
                   price_min = COALESCE((SELECT MIN(price) FROM variants WHERE product_id = $1),
                                        price_min),
                   price_max = COALESCE((SELECT MAX(price) FROM variants WHERE product_id = $1),
                                        price_max),
                   compare_at_min = (SELECT compare_at FROM variants WHERE product_id = $1
                                     ORDER BY price, position LIMIT 1),
                   variant_count = (SELECT COUNT(*) FROM variants WHERE product_id = $1)
                 WHERE id = $1",
            )
            .bind(product_id)
            .execute(&mut *tx)
            .await?;
            let codes: Vec<String> =
                sqlx::query("SELECT sku, ean FROM variants WHERE product_id = $1")
                    .bind(product_id)
                    .fetch_all(&mut *tx)
                    .await?
                    .iter()
                    .map(|r| {
                        format!(
                            "{} {}",
                            r.get::<String, _>("sku"),
                            r.get::<String, _>("ean")
                        )
                    })
                    .collect();
            super::index_product(
                &mut tx,
                self.dialect,
                product_id,
                [&p.title, &p.title],
                [&p.description, &p.description],
                &codes.join(" "),
            )
            .await?;
        }
        progress(products.len(), products.len());
        let stores: HashMap<String, i64> = sqlx::query("SELECT slug, id FROM locations")
            .fetch_all(&mut *tx)
            .await?
            .iter()
            .map(|r| (r.get("slug"), r.get("id")))
            .collect();
        let mut stock_errors = Vec::new();
        for s in stock {
            let mut bad = |problem| {
                stock_errors.push(RowError {
                    line: s.line,
                    problem,
                })
            };
            let Some(&location) = stores.get(&s.store) else {
                bad(RowProblem::UnknownStore(s.store.clone()));
                continue;
            };
            let variant = match variant_of.get(&s.sku.to_lowercase()) {
                Some(&id) => Some(id),
                None => {
                    sqlx::query_scalar("SELECT id FROM variants WHERE LOWER(sku) = LOWER($1)")
                        .bind(&s.sku)
                        .fetch_optional(&mut *tx)
                        .await?
                }
            };
            let Some(variant) = variant else {
                bad(RowProblem::UnknownSku(s.sku.clone()));
                continue;
            };
            match set_stock(&mut tx, location, variant, &s.sku, s.quantity).await? {
                Ok(()) => report.store_stock_rows += 1,
                Err(problem) => bad(problem),
            }
        }
        if !errors.is_empty() || !stock_errors.is_empty() {
            errors.sort_by_key(|e| e.line);
            // Dropping the transaction rolls it back: nothing is written.
            return Err(ImportError::Rows {
                products: errors,
                stock: stock_errors,
            });
        }
        tx.commit().await?;
        Ok(report)
    }
}

fn unique_violation<T>(result: &Result<T, sqlx::Error>) -> bool {
    matches!(result, Err(sqlx::Error::Database(e)) if e.is_unique_violation())
}

/// Before a statement that may break a unique constraint (an EAN another
/// product has). PostgreSQL ends a transaction at its first error, and the
/// import goes on to report every bad row: a savepoint confines the error
/// to the statement, as SQLite does by itself.
async fn savepoint(tx: &mut Transaction<'_, Any>, dialect: Dialect) -> Result<(), sqlx::Error> {
    if dialect == Dialect::Postgres {
        sqlx::query("SAVEPOINT variant_row")
            .execute(&mut **tx)
            .await?;
    }
    Ok(())
}

/// After the statement [`savepoint`] guarded: undone if it failed.
async fn settle<T>(
    tx: &mut Transaction<'_, Any>,
    dialect: Dialect,
    result: &Result<T, sqlx::Error>,
) -> Result<(), sqlx::Error> {
    if dialect == Dialect::Postgres {
        let end = if result.is_ok() {
            "RELEASE SAVEPOINT variant_row"
        } else {
            "ROLLBACK TO SAVEPOINT variant_row"
        };
        sqlx::query(end).execute(&mut **tx).await?;
    }
    Ok(())
}

/// Sets the units on hand of `variant` at `location`; refused (the inner
/// error) when orders hold more of them than that.
async fn set_stock(
    tx: &mut Transaction<'_, Any>,
    location: i64,
    variant: i64,
    sku: &str,
    units: u32,
) -> Result<Result<(), RowProblem>, sqlx::Error> {
    let reserved: Option<i64> =
        sqlx::query_scalar("SELECT reserved FROM stock WHERE location_id = $1 AND variant_id = $2")
            .bind(location)
            .bind(variant)
            .fetch_optional(&mut **tx)
            .await?;
    if let Some(reserved) = reserved.filter(|r| *r > i64::from(units)) {
        return Ok(Err(RowProblem::BelowReserved {
            sku: sku.to_string(),
            quantity: units,
            reserved,
        }));
    }
    sqlx::query(
        "INSERT INTO stock (location_id, variant_id, on_hand) VALUES ($1, $2, $3)
         ON CONFLICT (location_id, variant_id) DO UPDATE SET on_hand = excluded.on_hand",
    )
    .bind(location)
    .bind(variant)
    .bind(i64::from(units))
    .execute(&mut **tx)
    .await?;
    Ok(Ok(()))
}

/// The online warehouse's id; made (open around the clock, no address yet)
/// in a shop that has none, as a merchant's first import does.
async fn online_location(tx: &mut Transaction<'_, Any>) -> Result<i64, sqlx::Error> {
    if let Some(id) = sqlx::query_scalar("SELECT id FROM locations WHERE slug = $1")
        .bind(ONLINE_LOCATION)
        .fetch_optional(&mut **tx)
        .await?
    {
        return Ok(id);
    }
    let id: i64 = sqlx::query_scalar(
        "INSERT INTO locations (slug, kind, name, city, street, postcode, lat, lng, timezone,
         phone, services)
         VALUES ($1, 'warehouse', 'Online warehouse', '', '', '', 0, 0, 'Europe/Warsaw', '',
                 'delivery') RETURNING id",
    )
    .bind(ONLINE_LOCATION)
    .fetch_one(&mut **tx)
    .await?;
    for day in 0..7i64 {
        sqlx::query(
            "INSERT INTO opening_hours (location_id, weekday, opens, closes)
             VALUES ($1, $2, '00:00', '24:00')",
        )
        .bind(id)
        .bind(day)
        .execute(&mut **tx)
        .await?;
    }
    Ok(id)
}
