//! The built-in back end: SQLite through sqlx, implementing the `Commerce`
//! interface. Durability first: WAL with synchronous=FULL (an acknowledged
//! write survives power loss), foreign keys on, a busy timeout instead of
//! "database is locked" errors, and every write in a `BEGIN IMMEDIATE`
//! transaction so writers queue up front instead of failing at commit.

use crate::catalog_cache::CatalogCache;
use crate::demo::Catalog;
use omnistore_components::backend::{BackendError, BackendResult, CartChanged};
use omnistore_components::i18n::Locale;
use omnistore_components::model::Problem;
use sqlx::sqlite::{SqliteConnectOptions, SqliteJournalMode, SqlitePoolOptions, SqliteSynchronous};
use sqlx::{ConnectOptions, Connection, QueryBuilder, Sqlite, SqlitePool};
use std::str::FromStr;
use std::time::Duration;

/// The longest a catalog answer is kept, whatever happens: a safety net;
/// changes reach the cache through `watch_catalog` within its poll.
pub const CATALOG_TTL: Duration = Duration::from_secs(300);

/// Slug of the online warehouse: "in stock online" means stock here.
pub const ONLINE_LOCATION: &str = "online";

mod accounts;
pub use accounts::MAX_ADDRESSES;
mod carts;
mod catalog;
pub mod import;
pub mod kiosk;
pub mod orders;
pub mod platform_orders;
pub mod stores;

#[derive(Clone)]
pub struct SqliteStore {
    pool: SqlitePool,
    /// Committed cart changes, for live updates (see `CartBackend::cart_changes`).
    changes: tokio::sync::broadcast::Sender<CartChanged>,
    /// Id of the online warehouse, read once: every page (header cart) and
    /// listing needs it, and it never changes after seeding.
    online: std::sync::Arc<tokio::sync::OnceCell<i64>>,
    /// Stores with their spatial index, loaded on first use.
    directory: std::sync::Arc<tokio::sync::OnceCell<std::sync::Arc<stores::StoreDirectory>>>,
    /// Takes payment for orders with delivery lines.
    payments: std::sync::Arc<dyn crate::payments::PaymentProvider>,
    /// Catalog answers kept in memory; see [`SqliteStore::watch_catalog`].
    catalog: std::sync::Arc<CatalogCache>,
}

/// The row of a variant: the built-in back end's ids are numbers, so any
/// other text names no variant here.
pub(crate) fn variant_row(id: &omnistore_components::model::VariantId) -> Option<i64> {
    id.as_str().parse().ok()
}

/// Unix seconds now.
fn now() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_secs() as i64)
        .unwrap_or(0)
}

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("database: {0}")]
    Db(#[from] sqlx::Error),
    #[error("migration: {0}")]
    Migrate(#[from] sqlx::migrate::MigrateError),
    #[error("{0}")]
    Invalid(String),
}

/// Turns the violation of a unique constraint into the refusal it means
/// (an e-mail already registered); any other database failure stays an
/// outage.
trait OnConstraint<T> {
    fn on_unique(self, problem: impl FnOnce() -> Problem) -> BackendResult<T>;
}

impl<T> OnConstraint<T> for Result<T, sqlx::Error> {
    fn on_unique(self, problem: impl FnOnce() -> Problem) -> BackendResult<T> {
        self.map_err(|e| match e.as_database_error() {
            Some(d) if d.is_unique_violation() => problem().into(),
            _ => e.into(),
        })
    }
}

impl SqliteStore {
    /// Opens (creating if missing) the database at `url` and applies migrations.
    pub async fn connect(url: &str) -> Result<Self, StoreError> {
        if let Some(path) = url
            .strip_prefix("sqlite://")
            .or_else(|| url.strip_prefix("sqlite:"))
        {
            let path = path.split('?').next().unwrap_or(path);
            if let Some(dir) = std::path::Path::new(path)
                .parent()
                .filter(|d| !d.as_os_str().is_empty())
            {
                std::fs::create_dir_all(dir).map_err(|e| {
                    StoreError::Invalid(format!("cannot create {}: {e}", dir.display()))
                })?;
            }
        }
        let options = SqliteConnectOptions::from_str(url)?
            .create_if_missing(true)
            .journal_mode(SqliteJournalMode::Wal)
            .synchronous(SqliteSynchronous::Full)
            .foreign_keys(true)
            .busy_timeout(Duration::from_secs(10));
        // Migrations run on a connection of their own with foreign keys off:
        // SQLite changes a table's definition only by rebuilding it, and the
        // old table's drop must not cascade (SQLite's documented procedure;
        // sqlx runs each migration in a transaction, where the pragma cannot
        // be switched). Every reference is checked afterwards.
        let mut conn = options.clone().foreign_keys(false).connect().await?;
        sqlx::migrate!("./migrations").run(&mut conn).await?;
        let broken = sqlx::query("PRAGMA foreign_key_check")
            .fetch_all(&mut conn)
            .await?;
        if !broken.is_empty() {
            return Err(StoreError::Invalid(format!(
                "{} rows refer to rows that do not exist after migrating",
                broken.len()
            )));
        }
        conn.close().await?;
        let pool = SqlitePoolOptions::new()
            .max_connections(8)
            .connect_with(options)
            .await?;
        let (changes, _) = tokio::sync::broadcast::channel(1024);
        Ok(SqliteStore {
            pool,
            changes,
            online: Default::default(),
            directory: Default::default(),
            payments: std::sync::Arc::new(crate::payments::TestPayments),
            catalog: std::sync::Arc::new(CatalogCache::new(CATALOG_TTL)),
        })
    }

    /// The catalog cache, whose changes the page cache follows.
    pub fn catalog_cache(&self) -> std::sync::Arc<CatalogCache> {
        self.catalog.clone()
    }

    /// A write transaction that takes the writer lock up front (`BEGIN
    /// IMMEDIATE`): concurrent writers wait their turn (busy timeout) instead of
    /// failing at commit after reading stale data.
    async fn write_tx(&self) -> BackendResult<sqlx::Transaction<'static, Sqlite>> {
        self.pool
            .begin_with("BEGIN IMMEDIATE")
            .await
            .map_err(BackendError::from)
    }

    /// Drops the catalog cache whenever `catalog_version` moves (triggers
    /// move it on every change to the catalog, stores or stock, whoever
    /// writes), checking every `poll`, for the life of the process. This
    /// server's own stock changes drop it at once, without waiting.
    pub fn watch_catalog(&self, poll: Duration) {
        let store = self.clone();
        tokio::spawn(async move {
            let mut seen = None;
            loop {
                match store.catalog_version().await {
                    Ok(n) if seen != Some(n) => {
                        if seen.is_some() {
                            store.catalog.changed();
                        }
                        seen = Some(n);
                    }
                    Ok(_) => {}
                    Err(e) => tracing::warn!(error = %e, "reading catalog_version failed"),
                }
                tokio::time::sleep(poll).await;
            }
        });
    }

    async fn catalog_version(&self) -> Result<i64, sqlx::Error> {
        sqlx::query_scalar("SELECT n FROM catalog_version WHERE id = 1")
            .fetch_one(&self.pool)
            .await
    }

    pub fn pool(&self) -> &SqlitePool {
        &self.pool
    }

    pub async fn is_empty(&self) -> Result<bool, StoreError> {
        let n: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM products")
            .fetch_one(&self.pool)
            .await?;
        Ok(n == 0)
    }

    /// Whether any store or warehouse is known (the demo seeds them once).
    pub async fn has_locations(&self) -> Result<bool, StoreError> {
        let n: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM locations")
            .fetch_one(&self.pool)
            .await?;
        Ok(n > 0)
    }

    /// Writes a generated catalog into an empty database, in one transaction.
    pub async fn seed(&self, catalog: &Catalog) -> Result<(), StoreError> {
        let mut tx = self.pool.begin_with("BEGIN IMMEDIATE").await?;
        let n: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM products")
            .fetch_one(&mut *tx)
            .await?;
        if n > 0 {
            return Err(StoreError::Invalid(
                "the database already has a catalog; seed an empty one".into(),
            ));
        }
        let mut category_ids = Vec::new();
        for (pos, c) in catalog.categories.iter().enumerate() {
            let id: i64 = sqlx::query_scalar(
                "INSERT INTO categories (slug, name_en, name_pl, description_en, description_pl,
                 icon, position)
                 VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id",
            )
            .bind(&c.slug)
            .bind(&c.name_en)
            .bind(&c.name_pl)
            .bind(&c.description_en)
            .bind(&c.description_pl)
            .bind(&c.icon)
            .bind(pos as i64)
            .fetch_one(&mut *tx)
            .await?;
            category_ids.push(id);
        }
        let mut variant_ids: Vec<Vec<i64>> = Vec::with_capacity(catalog.products.len());
        for p in &catalog.products {
            let cheapest = p
                .variants
                .iter()
                .min_by_key(|v| v.price)
                .ok_or_else(|| StoreError::Invalid(format!("{} has no variants", p.slug)))?;
            let price_max = p
                .variants
                .iter()
                .map(|v| v.price)
                .max()
                .unwrap_or(cheapest.price);
            let pid: i64 = sqlx::query_scalar(
                "INSERT INTO products (slug, category_id, brand, name_en, name_pl, description_en,
                 description_pl,
                   created_at, featured, price_min, price_max, compare_at_min, image, variant_count)
                 VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
            )
            .bind(&p.slug)
            .bind(category_ids[p.category])
            .bind(&p.brand)
            .bind(&p.name_en)
            .bind(&p.name_pl)
            .bind(&p.description_en)
            .bind(&p.description_pl)
            .bind(&p.created_at)
            .bind(p.featured)
            .bind(cheapest.price)
            .bind(price_max)
            .bind(cheapest.compare_at)
            .bind(&cheapest.image)
            .bind(p.variants.len() as i64)
            .fetch_one(&mut *tx)
            .await?;
            let mut ids = Vec::with_capacity(p.variants.len());
            for (pos, v) in p.variants.iter().enumerate() {
                let vid: i64 = sqlx::query_scalar(
                    "INSERT INTO variants (product_id, position, sku, ean, price, compare_at, size,
                     colour_en, colour_pl, colour_hex, image)
                     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
                )
                .bind(pid)
                .bind(pos as i64)
                .bind(&v.sku)
                .bind(&v.ean)
                .bind(v.price)
                .bind(v.compare_at)
                .bind(&v.size)
                .bind(v.colour.as_ref().map(|c| &c.0))
                .bind(v.colour.as_ref().map(|c| &c.1))
                .bind(v.colour.as_ref().map(|c| &c.2))
                .bind(&v.image)
                .fetch_one(&mut *tx)
                .await?;
                ids.push(vid);
            }
            let codes: Vec<&str> = p
                .variants
                .iter()
                .flat_map(|v| [v.sku.as_str(), v.ean.as_str()])
                .collect();
            index_product(
                &mut tx,
                pid,
                [&p.name_en, &p.name_pl],
                [&p.description_en, &p.description_pl],
                &codes.join(" "),
            )
            .await?;
            variant_ids.push(ids);
        }
        let mut location_ids = Vec::with_capacity(catalog.locations.len());
        for l in &catalog.locations {
            let id: i64 = sqlx::query_scalar(
                "INSERT INTO locations (slug, kind, name, city, street, postcode, lat, lng,
                 timezone, phone, services)
                 VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'Europe/Warsaw', ?, ?) RETURNING id",
            )
            .bind(&l.slug)
            .bind(l.kind)
            .bind(&l.name)
            .bind(&l.city)
            .bind(&l.street)
            .bind(&l.postcode)
            .bind(l.lat)
            .bind(l.lng)
            .bind(&l.phone)
            .bind(&l.services)
            .fetch_one(&mut *tx)
            .await?;
            for (day, opens, closes) in &l.hours {
                sqlx::query(
                    "INSERT INTO opening_hours (location_id, weekday, opens, closes)
                 VALUES (?, ?, ?, ?)",
                )
                .bind(id)
                .bind(i64::from(*day))
                .bind(opens)
                .bind(closes)
                .execute(&mut *tx)
                .await?;
            }
            for (day, opens, closes, en, pl) in &l.exceptions {
                sqlx::query(
                    "INSERT INTO hours_exceptions (location_id, day, opens, closes,
                 note_en, note_pl) VALUES (?, ?, ?, ?, ?, ?)",
                )
                .bind(id)
                .bind(day)
                .bind(opens)
                .bind(closes)
                .bind(en)
                .bind(pl)
                .execute(&mut *tx)
                .await?;
            }
            location_ids.push(id);
        }
        // Multi-row inserts: tens of thousands of stock rows in seconds.
        for chunk in catalog.stock.chunks(2000) {
            let mut qb: QueryBuilder<Sqlite> =
                QueryBuilder::new("INSERT INTO stock (location_id, variant_id, on_hand) ");
            qb.push_values(chunk, |mut b, &(loc, p, v, units)| {
                b.push_bind(location_ids[loc])
                    .push_bind(variant_ids[p][v])
                    .push_bind(i64::from(units));
            });
            qb.build().execute(&mut *tx).await?;
        }
        tx.commit().await?;
        Ok(())
    }

    async fn online_location_id(&self) -> BackendResult<i64> {
        // Only a found id is kept: before seeding there is none yet.
        self.online
            .get_or_try_init(|| async {
                sqlx::query_scalar("SELECT id FROM locations WHERE slug = ?")
                    .bind(ONLINE_LOCATION)
                    .fetch_optional(&self.pool)
                    .await?
                    .ok_or_else(|| BackendError::Unavailable("no online warehouse".into()))
            })
            .await
            .copied()
    }
}

/// The catalog's text columns for `locale`. The catalog is written in
/// English and Polish; Russian pages show the English names and
/// descriptions until the catalog has Russian ones.
fn suffix(locale: Locale) -> &'static str {
    match locale {
        Locale::En | Locale::Ru => "en",
        Locale::Pl => "pl",
    }
}

/// Puts product `id` into the full-text index (what search finds it by:
/// names and descriptions in English and Polish, SKUs and EANs), in place
/// of what was there.
pub(crate) async fn index_product(
    tx: &mut sqlx::Transaction<'_, Sqlite>,
    id: i64,
    names: [&str; 2],
    descriptions: [&str; 2],
    codes: &str,
) -> Result<(), sqlx::Error> {
    sqlx::query("DELETE FROM product_search WHERE rowid = ?")
        .bind(id)
        .execute(&mut **tx)
        .await?;
    sqlx::query(
        "INSERT INTO product_search (rowid, name_en, name_pl, description_en, description_pl,
         codes) VALUES (?, ?, ?, ?, ?, ?)",
    )
    .bind(id)
    .bind(names[0])
    .bind(names[1])
    .bind(descriptions[0])
    .bind(descriptions[1])
    .bind(codes)
    .execute(&mut **tx)
    .await?;
    Ok(())
}
