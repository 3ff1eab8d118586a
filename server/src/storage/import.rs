//! Writing an imported catalog (see `crate::import`) in one transaction:
//! products by handle and variants by SKU are inserted or updated, so the
//! same file imported twice changes nothing the second time. A row the shop
//! cannot take (a SKU of another product, an EAN already used, a store that
//! does not exist) is reported with its line and nothing is written.
//!
//! Products go in batches: what a batch needs to know of the shop (which
//! handles, SKUs and EANs exist) is read with one query each, and its new
//! products, variants, stock and search rows are written with one
//! statement each, so the round trips to the database (what a PostgreSQL
//! import waits on) do not grow with the rows of a batch.

use super::{
    for_keys, for_rows, index_products, Dialect, SearchEntry, SqlStore, StoreError, ONLINE_LOCATION,
};
use crate::import::{ImportedProduct, ImportedVariant, RowError, RowProblem, StoreStock};
use omnistore_components::model::{image_url, make_ean13};
use sqlx::{Any, Row, Transaction};
use std::collections::{HashMap, HashSet};

/// Products read and written together.
const BATCH: usize = 500;

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
        let mut categories = HashMap::new();
        for row in sqlx::query("SELECT id, slug, icon FROM categories")
            .fetch_all(&mut *tx)
            .await?
        {
            categories.insert(row.get("slug"), (row.get("id"), row.get("icon")));
        }
        let mut run = Run {
            dialect: self.dialect,
            online: online_location(&mut tx).await?,
            categories,
            numbers: InStoreNumbers::new(&mut tx, products).await?,
            now: chrono::Utc::now().format("%Y-%m-%dT%H:%M:%SZ").to_string(),
            report: ImportReport::default(),
            errors: Vec::new(),
            variant_of: HashMap::new(),
        };
        for (i, batch) in products.chunks(BATCH).enumerate() {
            progress(i * BATCH, products.len());
            run.products(&mut tx, batch).await?;
        }
        progress(products.len(), products.len());
        let stock_errors = run.stock(&mut tx, stock).await?;
        let Run {
            mut errors, report, ..
        } = run;
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

/// In-store numbers for variants that came without a barcode: after the
/// highest the shop has given, skipping those the file gives others.
struct InStoreNumbers {
    next: u64,
    named: HashSet<String>,
}

impl InStoreNumbers {
    async fn new(
        tx: &mut Transaction<'_, Any>,
        products: &[ImportedProduct],
    ) -> Result<Self, sqlx::Error> {
        let next = sqlx::query_scalar::<_, Option<String>>(
            "SELECT MAX(ean) FROM variants WHERE ean LIKE '20%'",
        )
        .fetch_one(&mut **tx)
        .await?
        .and_then(|ean| ean.get(..12)?.parse::<u64>().ok())
        .map_or(IN_STORE_PREFIX, |n| n + 1);
        let named = products
            .iter()
            .flat_map(|p| &p.variants)
            .filter_map(|v| v.ean.clone())
            .collect();
        Ok(InStoreNumbers { next, named })
    }

    fn take(&mut self) -> String {
        loop {
            let ean = make_ean13(self.next);
            self.next += 1;
            if !self.named.contains(&ean) {
                return ean;
            }
        }
    }
}

/// One import under way.
struct Run {
    dialect: Dialect,
    /// The online warehouse's id.
    online: i64,
    /// Slug -> (id, icon).
    categories: HashMap<String, (i64, String)>,
    numbers: InStoreNumbers,
    now: String,
    report: ImportReport,
    errors: Vec<RowError>,
    /// SKU (lowercase) -> variant id, for the stock file.
    variant_of: HashMap<String, i64>,
}

/// What a listing shows of a product, from its variants.
struct Listed {
    min: i64,
    max: i64,
    /// The cheapest variant's (the first by position among equals).
    compare_at: Option<i64>,
    count: i64,
}

impl Listed {
    fn new(price: i64, compare_at: Option<i64>) -> Self {
        Listed {
            min: price,
            max: price,
            compare_at,
            count: 1,
        }
    }

    /// Adds a variant that comes after those added so far by position.
    fn add(&mut self, price: i64, compare_at: Option<i64>) {
        if price < self.min {
            self.min = price;
            self.compare_at = compare_at;
        }
        self.max = self.max.max(price);
        self.count += 1;
    }
}

/// A variant to insert: (product id, position, row, EAN, image).
type NewVariant<'a> = (i64, usize, &'a ImportedVariant, String, &'a str);

impl Run {
    /// The category of `p` (id, icon), made if the shop has none by that slug.
    async fn category(
        &mut self,
        tx: &mut Transaction<'_, Any>,
        p: &ImportedProduct,
    ) -> Result<(i64, String), sqlx::Error> {
        if let Some(c) = self.categories.get(&p.category_slug) {
            return Ok(c.clone());
        }
        let id: i64 = sqlx::query_scalar(
            "INSERT INTO categories (slug, name_en, name_pl, description_en,
             description_pl, icon, position)
             VALUES ($1, $2, $2, '', '', 'box',
                     (SELECT COALESCE(MAX(position), -1) + 1 FROM categories))
             RETURNING id",
        )
        .bind(&p.category_slug)
        .bind(&p.category_name)
        .fetch_one(&mut **tx)
        .await?;
        self.report.categories_new += 1;
        let made = (id, "box".to_string());
        self.categories
            .insert(p.category_slug.clone(), made.clone());
        Ok(made)
    }

    async fn products(
        &mut self,
        tx: &mut Transaction<'_, Any>,
        batch: &[ImportedProduct],
    ) -> Result<(), sqlx::Error> {
        let mut category = Vec::with_capacity(batch.len());
        for p in batch {
            category.push(self.category(tx, p).await?);
        }
        let handles: Vec<String> = batch.iter().map(|p| p.handle.clone()).collect();
        let mut product_id: HashMap<String, i64> = for_keys(
            tx,
            "SELECT id, slug FROM products WHERE slug IN ({})",
            &[],
            &handles,
        )
        .await?
        .iter()
        .map(|r| (r.get("slug"), r.get("id")))
        .collect();
        let rows = || batch.iter().flat_map(|p| &p.variants);
        let skus: Vec<String> = rows().map(|v| v.sku.to_lowercase()).collect();
        // SKU (lowercase) -> (variant id, its product's handle).
        let known: HashMap<String, (i64, String)> = for_keys(
            tx,
            "SELECT v.id, LOWER(v.sku) AS sku, p.slug FROM variants v
             JOIN products p ON p.id = v.product_id WHERE LOWER(v.sku) IN ({})",
            &[],
            &skus,
        )
        .await?
        .iter()
        .map(|r| (r.get("sku"), (r.get("id"), r.get("slug"))))
        .collect();
        let eans: Vec<String> = rows().filter_map(|v| v.ean.clone()).collect();
        let ean_owner: HashMap<String, i64> = for_keys(
            tx,
            "SELECT ean, id FROM variants WHERE ean IN ({})",
            &[],
            &eans,
        )
        .await?
        .iter()
        .map(|r| (r.get("ean"), r.get("id")))
        .collect();
        let known_ids: Vec<i64> = known.values().map(|(id, _)| *id).collect();
        let reserved: HashMap<i64, i64> = for_keys(
            tx,
            "SELECT variant_id, reserved FROM stock
             WHERE location_id = $1 AND reserved > 0 AND variant_id IN ({})",
            &[self.online],
            &known_ids,
        )
        .await?
        .iter()
        .map(|r| (r.get("variant_id"), r.get("reserved")))
        .collect();

        let images: Vec<String> = batch
            .iter()
            .zip(&category)
            .map(|(p, (_, icon))| image_url(icon, crate::images::seed(&p.handle), "5b6b7a"))
            .collect();
        let (old_products, new_products): (Vec<_>, Vec<_>) = batch
            .iter()
            .zip(&category)
            .zip(&images)
            .map(|((p, (category_id, _)), image)| (p, *category_id, image))
            .partition(|(p, _, _)| product_id.contains_key(&p.handle));
        self.report.products_updated += old_products.len();
        for_rows(
            tx,
            "UPDATE products SET category_id = u.column2, brand = u.column3,
             name_en = u.column4, name_pl = u.column4, description_en = u.column5,
             description_pl = u.column5, description_html = u.column6
             FROM ({}) AS u WHERE products.id = u.column1",
            6,
            &old_products,
            |query, (p, category_id, _)| {
                query
                    .bind(product_id[&p.handle])
                    .bind(*category_id)
                    .bind(p.brand.clone())
                    .bind(p.title.clone())
                    .bind(p.description.clone())
                    .bind(p.description_html.clone())
            },
        )
        .await?;
        self.report.products_new += new_products.len();
        // Prices and counts are set from the variants below.
        let now = self.now.clone();
        for row in for_rows(
            tx,
            "INSERT INTO products (slug, category_id, brand, name_en, name_pl,
             description_en, description_pl, description_html, created_at, featured,
             price_min, price_max, compare_at_min, image, variant_count) {} RETURNING id, slug",
            15,
            &new_products,
            |query, (p, category_id, image)| {
                let cheapest = p.variants.iter().map(|v| v.price).min().unwrap_or(0);
                query
                    .bind(p.handle.clone())
                    .bind(*category_id)
                    .bind(p.brand.clone())
                    .bind(p.title.clone())
                    .bind(p.title.clone())
                    .bind(p.description.clone())
                    .bind(p.description.clone())
                    .bind(p.description_html.clone())
                    .bind(now.clone())
                    .bind(0i64)
                    .bind(cheapest)
                    .bind(cheapest)
                    .bind(None::<i64>)
                    .bind((*image).clone())
                    .bind(0i64)
            },
        )
        .await?
        {
            product_id.insert(row.get("slug"), row.get("id"));
        }

        let mut updates = Vec::new();
        let mut inserts: Vec<NewVariant> = Vec::new();
        // SKU (lowercase) -> units in the online warehouse.
        let mut online = Vec::new();
        for (p, image) in batch.iter().zip(&images) {
            for (position, v) in p.variants.iter().enumerate() {
                let mut bad = |problem| {
                    self.errors.push(RowError {
                        line: v.line,
                        problem,
                    })
                };
                let sku = v.sku.to_lowercase();
                let found = known.get(&sku);
                if let Some((_, product)) = found.filter(|(_, product)| *product != p.handle) {
                    bad(RowProblem::SkuOfAnotherProduct {
                        sku: v.sku.clone(),
                        product: product.clone(),
                    });
                    continue;
                }
                let id = found.map(|(id, _)| *id);
                if let Some(ean) = &v.ean {
                    if ean_owner.get(ean).is_some_and(|owner| Some(*owner) != id) {
                        bad(RowProblem::EanTaken(ean.clone()));
                        continue;
                    }
                }
                if let Some(units) = v.online {
                    match id.and_then(|id| reserved.get(&id)) {
                        Some(&held) if held > i64::from(units) => bad(RowProblem::BelowReserved {
                            sku: v.sku.clone(),
                            quantity: units,
                            reserved: held,
                        }),
                        _ => online.push((sku.clone(), units)),
                    }
                }
                match id {
                    Some(id) => {
                        updates.push((id, position, v));
                        self.variant_of.insert(sku, id);
                    }
                    None => {
                        let ean = v.ean.clone().unwrap_or_else(|| self.numbers.take());
                        inserts.push((product_id[&p.handle], position, v, ean, image));
                    }
                }
            }
        }
        self.report.variants_updated += updates.len();
        for_rows(
            tx,
            "UPDATE variants SET position = u.column2, ean = COALESCE(u.column3, variants.ean),
             price = u.column4, compare_at = u.column5, size = u.column6,
             colour_en = u.column7, colour_pl = u.column7
             FROM ({}) AS u WHERE variants.id = u.column1",
            7,
            &updates,
            |query, (id, position, v)| {
                query
                    .bind(*id)
                    .bind(*position as i64)
                    .bind(v.ean.clone())
                    .bind(v.price)
                    .bind(v.compare_at)
                    .bind(v.size.clone())
                    .bind(v.colour.clone())
            },
        )
        .await?;
        self.report.variants_new += inserts.len();
        for row in for_rows(
            tx,
            "INSERT INTO variants (product_id, position, sku, ean, price,
             compare_at, size, colour_en, colour_pl, colour_hex, image) {} RETURNING id, sku",
            11,
            &inserts,
            |query, (product, position, v, ean, image)| {
                query
                    .bind(*product)
                    .bind(*position as i64)
                    .bind(v.sku.clone())
                    .bind(ean.clone())
                    .bind(v.price)
                    .bind(v.compare_at)
                    .bind(v.size.clone())
                    .bind(v.colour.clone())
                    .bind(v.colour.clone())
                    .bind(None::<String>)
                    .bind(image.to_string())
            },
        )
        .await?
        {
            let sku: String = row.get("sku");
            self.variant_of.insert(sku.to_lowercase(), row.get("id"));
        }
        let online: Vec<_> = online
            .into_iter()
            .map(|(sku, units)| ((self.online, self.variant_of[&sku]), units))
            .collect();
        set_stock(tx, &online).await?;
        let ids: Vec<i64> = handles.iter().map(|h| product_id[h]).collect();
        self.relist(tx, batch, &ids).await
    }

    /// Brings what listings sort and filter by, and the search index, up
    /// to date with the variants of `batch` (whose products are `ids`).
    async fn relist(
        &self,
        tx: &mut Transaction<'_, Any>,
        batch: &[ImportedProduct],
        ids: &[i64],
    ) -> Result<(), sqlx::Error> {
        // Every variant of the batch's products, the shop's and the file's:
        // what listings sort and filter by, and the codes search finds.
        let mut codes: HashMap<i64, Vec<String>> = HashMap::new();
        let mut listed: HashMap<i64, Listed> = HashMap::new();
        for r in for_keys(
            tx,
            "SELECT product_id, sku, ean, price, compare_at FROM variants
             WHERE product_id IN ({}) ORDER BY product_id, position",
            &[],
            ids,
        )
        .await?
        {
            let product: i64 = r.get("product_id");
            let price: i64 = r.get("price");
            let compare_at: Option<i64> = r.get("compare_at");
            listed
                .entry(product)
                .and_modify(|l| l.add(price, compare_at))
                .or_insert_with(|| Listed::new(price, compare_at));
            let of = codes.entry(product).or_default();
            of.push(r.get("sku"));
            of.push(r.get("ean"));
        }
        // A product none of whose variants could be written keeps what it
        // had (the import fails anyway).
        let listed: Vec<(i64, Listed)> = listed.into_iter().collect();
        for_rows(
            tx,
            "UPDATE products SET price_min = u.column2, price_max = u.column3,
             compare_at_min = u.column4, variant_count = u.column5
             FROM ({}) AS u WHERE products.id = u.column1",
            5,
            &listed,
            |query, (id, l)| {
                query
                    .bind(*id)
                    .bind(l.min)
                    .bind(l.max)
                    .bind(l.compare_at)
                    .bind(l.count)
            },
        )
        .await?;
        let entries: Vec<SearchEntry> = batch
            .iter()
            .zip(ids)
            .map(|(p, id)| SearchEntry {
                id: *id,
                names: [&p.title, &p.title],
                descriptions: [&p.description, &p.description],
                codes: codes.remove(id).unwrap_or_default().join(" "),
            })
            .collect();
        index_products(tx, self.dialect, &entries).await
    }

    /// The stock file's rows, after the products; its bad rows.
    async fn stock(
        &mut self,
        tx: &mut Transaction<'_, Any>,
        stock: &[StoreStock],
    ) -> Result<Vec<RowError>, sqlx::Error> {
        let stores: HashMap<String, i64> = sqlx::query("SELECT slug, id FROM locations")
            .fetch_all(&mut **tx)
            .await?
            .iter()
            .map(|r| (r.get("slug"), r.get("id")))
            .collect();
        // SKUs the product file did not name: looked up in the shop.
        let elsewhere: Vec<String> = stock
            .iter()
            .map(|s| s.sku.to_lowercase())
            .filter(|sku| !self.variant_of.contains_key(sku))
            .collect::<HashSet<_>>()
            .into_iter()
            .collect();
        for r in for_keys(
            tx,
            "SELECT id, LOWER(sku) AS sku FROM variants WHERE LOWER(sku) IN ({})",
            &[],
            &elsewhere,
        )
        .await?
        {
            self.variant_of.insert(r.get("sku"), r.get("id"));
        }
        let ids: Vec<i64> = stock
            .iter()
            .filter_map(|s| self.variant_of.get(&s.sku.to_lowercase()).copied())
            .collect::<HashSet<_>>()
            .into_iter()
            .collect();
        let reserved: HashMap<(i64, i64), i64> = for_keys(
            tx,
            "SELECT location_id, variant_id, reserved FROM stock
             WHERE reserved > 0 AND variant_id IN ({})",
            &[],
            &ids,
        )
        .await?
        .iter()
        .map(|r| {
            (
                (r.get("location_id"), r.get("variant_id")),
                r.get("reserved"),
            )
        })
        .collect();
        let mut errors = Vec::new();
        // (location, variant) -> units: a row named twice counts as its last.
        let mut units: HashMap<(i64, i64), u32> = HashMap::new();
        for s in stock {
            let mut bad = |problem| {
                errors.push(RowError {
                    line: s.line,
                    problem,
                })
            };
            let Some(&location) = stores.get(&s.store) else {
                bad(RowProblem::UnknownStore(s.store.clone()));
                continue;
            };
            let Some(&variant) = self.variant_of.get(&s.sku.to_lowercase()) else {
                bad(RowProblem::UnknownSku(s.sku.clone()));
                continue;
            };
            match reserved.get(&(location, variant)) {
                Some(&held) if held > i64::from(s.quantity) => bad(RowProblem::BelowReserved {
                    sku: s.sku.clone(),
                    quantity: s.quantity,
                    reserved: held,
                }),
                _ => {
                    units.insert((location, variant), s.quantity);
                    self.report.store_stock_rows += 1;
                }
            }
        }
        let rows: Vec<_> = units.into_iter().collect();
        set_stock(tx, &rows).await?;
        Ok(errors)
    }
}

/// Sets the units on hand of each ((location, variant), units), once
/// each, checked against what orders hold by the caller.
async fn set_stock(
    tx: &mut Transaction<'_, Any>,
    rows: &[((i64, i64), u32)],
) -> Result<(), sqlx::Error> {
    for_rows(
        tx,
        "INSERT INTO stock (location_id, variant_id, on_hand) {} ON CONFLICT (location_id, variant_id) DO UPDATE SET on_hand = excluded.on_hand",
        3,
        rows,
        |query, &((location, variant), units)| {
            query.bind(location).bind(variant).bind(i64::from(units))
        },
    )
    .await?;
    Ok(())
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
