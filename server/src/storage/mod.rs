//! The built-in back end: SQL through sqlx, on SQLite (the embedded default)
//! or PostgreSQL (many instances on one database), implementing the
//! `Commerce` interface once for both. The queries are written in the SQL
//! both understand (`$n` parameters, `ON CONFLICT`, `RETURNING`, flags as
//! integers); the few things that differ (how a write transaction starts,
//! full-text search, migrations) ask the [`Dialect`].
//!
//! SQLite: durability first: WAL with synchronous=FULL (an acknowledged
//! write survives power loss), foreign keys on, a busy timeout instead of
//! "database is locked" errors, and every write in a `BEGIN IMMEDIATE`
//! transaction so writers queue up front instead of failing at commit.
//! PostgreSQL: READ COMMITTED; every reservation is a conditional update
//! (`… WHERE on_hand - reserved >= $n`) whose row lock makes a second
//! writer re-check the condition, so no unit is sold twice.

use crate::catalog_cache::CatalogCache;
use crate::demo::Catalog;
use omnistore_components::backend::{BackendError, BackendResult, CartChanged};
use omnistore_components::i18n::Locale;
use omnistore_components::model::Problem;
use sqlx::any::AnyPoolOptions;
use sqlx::sqlite::{SqliteConnectOptions, SqliteJournalMode, SqliteSynchronous};
use sqlx::{Any, AnyPool, ConnectOptions, Connection, Executor};
use std::str::FromStr;
use std::time::Duration;

/// The longest a catalog answer is kept, whatever happens: a safety net;
/// changes reach the cache through `watch_catalog` within its poll.
pub const CATALOG_TTL: Duration = Duration::from_secs(300);

/// The oldest copy of the promotions a page prices with (checkout reads
/// them afresh in its transaction).
const PROMOTIONS_TTL: Duration = Duration::from_secs(5);

/// How long the PostgreSQL change listener waits before it connects again
/// after losing its connection.
pub const RECONNECT: Duration = Duration::from_secs(1);

/// Slug of the online warehouse: "in stock online" means stock here.
pub const ONLINE_LOCATION: &str = "online";

mod accounts;
pub use accounts::MAX_ADDRESSES;
mod carts;
mod catalog;
pub mod import;
pub mod kiosk;
mod loyalty;
pub mod orders;
pub mod platform_orders;
mod promotions;
pub mod recommend;
pub mod reminders;
mod returns;
pub mod stores;
mod wishlist;
pub use wishlist::PendingAlert;

/// Which SQL database a [`SqlStore`] talks to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Dialect {
    Sqlite,
    Postgres,
}

impl Dialect {
    /// The dialect of a database URL, or why the URL names none.
    pub fn of(url: &str) -> Result<Self, StoreError> {
        match url.split(':').next() {
            Some("sqlite") => Ok(Dialect::Sqlite),
            Some("postgres" | "postgresql") => Ok(Dialect::Postgres),
            _ => Err(StoreError::Invalid(format!(
                "{url:?} is not a database URL: use sqlite://path/to/file.db or \
                 postgres://user@host:port/database"
            ))),
        }
    }

    /// A join done in the order written. SQLite's planner otherwise drove
    /// some joins from the wrong side (see `catalog::has_stock_at`), and
    /// `CROSS JOIN` is its way to fix the order; PostgreSQL plans well and
    /// has no `CROSS JOIN … ON`.
    fn ordered_join(self) -> &'static str {
        match self {
            Dialect::Sqlite => "CROSS JOIN",
            Dialect::Postgres => "JOIN",
        }
    }

    /// How a transaction that writes starts. SQLite takes its one writer
    /// lock up front, so that concurrent writers wait their turn (busy
    /// timeout) instead of failing at commit after reading stale data;
    /// PostgreSQL locks rows as they are written.
    fn begin_write(self) -> &'static str {
        match self {
            Dialect::Sqlite => "BEGIN IMMEDIATE",
            Dialect::Postgres => "BEGIN",
        }
    }
}

/// How the pool of database connections is sized and bounded.
#[derive(Clone, Debug)]
pub struct PoolOptions {
    /// Connections at most (PostgreSQL: per instance; mind the server's
    /// `max_connections` across instances).
    pub max_connections: u32,
    /// The longest one statement may run (PostgreSQL `statement_timeout`);
    /// a stuck query then fails instead of holding a connection.
    pub statement_timeout: Duration,
}

impl Default for PoolOptions {
    fn default() -> Self {
        PoolOptions {
            max_connections: 8,
            statement_timeout: Duration::from_secs(10),
        }
    }
}

#[derive(Clone)]
pub struct SqlStore {
    pool: AnyPool,
    dialect: Dialect,
    /// Where the database is, for connections outside the pool (PostgreSQL
    /// `LISTEN`).
    url: std::sync::Arc<str>,
    /// Committed cart changes, for live updates (see `CartBackend::cart_changes`).
    changes: tokio::sync::broadcast::Sender<CartChanged>,
    /// Id of the online warehouse, read once: every page (header cart) and
    /// listing needs it, and it never changes after seeding.
    online: std::sync::Arc<tokio::sync::OnceCell<i64>>,
    /// Stores with their spatial index, loaded on first use and again after
    /// the stores change (see [`SqlStore::watch_catalog`]).
    directory: std::sync::Arc<CatalogCache>,
    /// Takes payment for orders with delivery lines.
    payments: std::sync::Arc<dyn crate::payments::PaymentProvider>,
    /// Catalog answers kept in memory; see [`SqlStore::watch_catalog`].
    catalog: std::sync::Arc<CatalogCache>,
    /// The promotions, read again after a local change or a few seconds
    /// (another instance or the CLI may add one).
    promotions: std::sync::Arc<CatalogCache>,
    /// What the orders say goes together (see `recommend`), counted in the
    /// background.
    recs: std::sync::Arc<std::sync::RwLock<std::sync::Arc<recommend::Snapshot>>>,
}

/// The lock of one shopper's cart (see [`SqlStore::write_tx_locking`]).
/// Queues an e-mail in the transaction that makes the change it tells of
/// (a transactional outbox: `outbox.rs` delivers it once committed).
/// `unsubscribe` is the one-click link a reminder carries.
pub(super) async fn queue_mail(
    tx: &mut sqlx::Transaction<'_, Any>,
    order: Option<i64>,
    recipient: &str,
    (subject, body): (&str, &str),
    unsubscribe: Option<&str>,
) -> Result<(), sqlx::Error> {
    sqlx::query(
        "INSERT INTO outbox (order_id, recipient, subject, body, created_at, unsubscribe)
         VALUES ($1, $2, $3, $4, $5, $6)",
    )
    .bind(order)
    .bind(recipient)
    .bind(subject)
    .bind(body)
    .bind(now())
    .bind(unsubscribe)
    .execute(&mut **tx)
    .await?;
    Ok(())
}

pub(crate) fn cart_lock(owner: &omnistore_components::backend::CartOwner) -> String {
    use omnistore_components::backend::CartOwner;
    match owner {
        CartOwner::Customer(id) => format!("cart:c:{id}"),
        CartOwner::Guest(hash) => format!("cart:g:{hash}"),
    }
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

impl SqlStore {
    /// Opens the database at `url` (a SQLite file is created if missing)
    /// and applies migrations, with the default pool.
    pub async fn connect(url: &str) -> Result<Self, StoreError> {
        Self::connect_with(url, &PoolOptions::default()).await
    }

    /// Opens the database at `url` and applies migrations.
    pub async fn connect_with(url: &str, options: &PoolOptions) -> Result<Self, StoreError> {
        sqlx::any::install_default_drivers();
        let dialect = Dialect::of(url)?;
        match dialect {
            Dialect::Sqlite => migrate_sqlite(url).await?,
            Dialect::Postgres => {
                let mut conn = sqlx::PgConnection::connect(url).await?;
                sqlx::migrate!("./migrations/postgres")
                    .run(&mut conn)
                    .await?;
                conn.close().await?;
            }
        }
        let timeout_ms = options.statement_timeout.as_millis();
        let pool = AnyPoolOptions::new()
            .max_connections(options.max_connections)
            // An instance that went quiet gives its PostgreSQL connections
            // back within a minute, for the others sharing the server's
            // max_connections.
            .idle_timeout(Duration::from_secs(60))
            .after_connect(move |conn, _| {
                Box::pin(async move {
                    let settings = match dialect {
                        Dialect::Sqlite => format!(
                            "PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL;
                             PRAGMA foreign_keys = ON; PRAGMA busy_timeout = {timeout_ms}"
                        ),
                        Dialect::Postgres => format!("SET statement_timeout = {timeout_ms}"),
                    };
                    conn.execute(settings.as_str()).await?;
                    Ok(())
                })
            })
            .connect(url)
            .await?;
        let (changes, _) = tokio::sync::broadcast::channel(1024);
        Ok(SqlStore {
            pool,
            dialect,
            url: url.into(),
            changes,
            online: Default::default(),
            directory: std::sync::Arc::new(CatalogCache::new(CATALOG_TTL)),
            payments: std::sync::Arc::new(crate::payments::TestPayments),
            catalog: std::sync::Arc::new(CatalogCache::new(CATALOG_TTL)),
            promotions: std::sync::Arc::new(CatalogCache::new(PROMOTIONS_TTL)),
            recs: Default::default(),
        })
    }

    /// The catalog cache, whose changes the page cache follows.
    pub fn catalog_cache(&self) -> std::sync::Arc<CatalogCache> {
        self.catalog.clone()
    }

    /// A transaction that writes, in turn with every other one that names
    /// one of `locks` (keys such as [`cart_lock`]). PostgreSQL: transaction
    /// advisory locks, taken in one order so that two transactions never
    /// wait for each other; SQLite: its one writer lock does this already.
    /// What is read-modify-write (a line's quantity, a first cart, one
    /// checkout submitted twice) is then done by one request at a time.
    async fn write_tx_locking(
        &self,
        locks: &[String],
    ) -> BackendResult<sqlx::Transaction<'static, Any>> {
        let mut tx = self.write_tx().await?;
        if self.dialect == Dialect::Postgres {
            let mut locks: Vec<&String> = locks.iter().collect();
            locks.sort();
            locks.dedup();
            for key in locks {
                sqlx::query(
                    "SELECT 1 FROM (SELECT pg_advisory_xact_lock(hashtextextended($1, 0))) l",
                )
                .bind(key.as_str())
                .execute(&mut *tx)
                .await?;
            }
        }
        Ok(tx)
    }

    /// A transaction that writes (see [`Dialect::begin_write`]).
    async fn write_tx(&self) -> BackendResult<sqlx::Transaction<'static, Any>> {
        Ok(self.begin_write().await?)
    }

    /// [`SqlStore::write_tx`] for the seeding and import commands, whose
    /// errors are the store's own.
    ///
    /// Why in a task of its own: a request whose client goes away (a closed
    /// tab, a phone that went offline) is dropped at its next await, and
    /// sqlx 0.8's begin is not safe to drop everywhere: with a `BEGIN` of
    /// our own it checks the connection after SQLite has run it, and on
    /// PostgreSQL it counts the transaction only after the round trip
    /// (sqlx#4393). Dropped in between, the connection went back to the
    /// pool inside a transaction nobody would end, holding SQLite's writer
    /// lock: every other write waited out the busy timeout ("database is
    /// locked", seen once in the browser tests). A task runs to the end,
    /// and a transaction nobody takes is rolled back when it is dropped.
    async fn begin_write(&self) -> Result<sqlx::Transaction<'static, Any>, sqlx::Error> {
        let pool = self.pool.clone();
        let begin = self.dialect.begin_write();
        tokio::spawn(async move { pool.begin_with(begin).await })
            .await
            .unwrap_or(Err(sqlx::Error::WorkerCrashed))
    }

    /// Drops the catalog cache whenever another connection or process (an
    /// import, another instance, SQL by hand) changed the catalog, stores or
    /// stock, for the life of the process. This server's own stock changes
    /// drop it at once, without waiting.
    ///
    /// SQLite: triggers move `catalog_version`, read every `poll`.
    /// PostgreSQL: triggers notify `omnistore_catalog` at commit; the
    /// listener reconnects after a lost connection (every [`RECONNECT`]
    /// while that fails) and drops the caches once listening again, since
    /// it may have missed a change meanwhile.
    /// Something changed the catalog, stock or promotions from outside
    /// this instance (another instance, a CLI command, SQL by hand).
    fn changed_elsewhere(&self) {
        self.catalog.changed();
        self.promotions.changed();
    }

    pub fn watch_catalog(&self, poll: Duration) {
        let store = self.clone();
        match self.dialect {
            Dialect::Sqlite => tokio::spawn(async move {
                let mut seen = None;
                loop {
                    match store.catalog_version().await {
                        Ok((catalog, stores)) => {
                            if let Some((seen_catalog, seen_stores)) = seen {
                                if stores != seen_stores {
                                    store.directory.changed();
                                }
                                if catalog != seen_catalog {
                                    store.changed_elsewhere();
                                }
                            }
                            seen = Some((catalog, stores));
                        }
                        Err(e) => tracing::warn!(error = %e, "reading catalog_version failed"),
                    }
                    tokio::time::sleep(poll).await;
                }
            }),
            Dialect::Postgres => tokio::spawn(async move {
                let mut first = true;
                loop {
                    if let Err(e) = store.listen(&mut first).await {
                        tracing::warn!(error = %e, "listening for changes failed");
                    }
                    tokio::time::sleep(RECONNECT).await;
                }
            }),
        };
    }

    /// Until the listening connection fails: drops the catalog cache on
    /// every `omnistore_catalog` notification, the store index too on every
    /// `omnistore_stores` one, and passes every
    /// `omnistore_carts` one on to this instance's live-update subscribers.
    async fn listen(&self, first: &mut bool) -> Result<(), sqlx::Error> {
        let mut listener = sqlx::postgres::PgListener::connect(&self.url).await?;
        listener
            .listen_all(["omnistore_catalog", "omnistore_carts", "omnistore_stores"])
            .await?;
        if !std::mem::take(first) {
            self.directory.changed();
            self.changed_elsewhere();
        }
        loop {
            match listener.try_recv().await? {
                Some(n) if n.channel() == "omnistore_carts" => {
                    if let Some(change) = carts::parse_cart_change(n.payload()) {
                        let _ = self.changes.send(change);
                    }
                }
                Some(n) if n.channel() == "omnistore_stores" => {
                    self.directory.changed();
                    self.changed_elsewhere();
                }
                Some(_) => self.changed_elsewhere(),
                // The connection was lost; the next call reconnects and
                // listens again, and what happened in between is unknown.
                None => {
                    tracing::warn!("change listener reconnecting");
                    self.directory.changed();
                    self.changed_elsewhere();
                }
            }
        }
    }

    /// SQLite: the catalog's and the stores' change counts.
    async fn catalog_version(&self) -> Result<(i64, i64), sqlx::Error> {
        sqlx::query_as(
            "SELECT (SELECT n FROM catalog_version WHERE id = 1),
                    (SELECT n FROM stores_version WHERE id = 1)",
        )
        .fetch_one(&self.pool)
        .await
    }

    pub fn pool(&self) -> &AnyPool {
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

    /// The demo's past orders (collected or delivered long ago: no desk
    /// shows them, no stock is held for them).
    async fn seed_orders(
        &self,
        tx: &mut sqlx::Transaction<'_, Any>,
        catalog: &Catalog,
        location_ids: &[i64],
        variant_ids: &[Vec<i64>],
    ) -> Result<(), StoreError> {
        let at = now();
        let rows: Vec<(String, &crate::demo::DemoOrder, i64, i64)> = catalog
            .orders
            .iter()
            .enumerate()
            .map(|(i, o)| {
                let total = o
                    .lines
                    .iter()
                    .map(|&(p, v, q)| catalog.products[p].variants[v].price * i64::from(q))
                    .sum();
                (
                    format!("demo-{i}"),
                    o,
                    total,
                    at - i64::from(o.days_ago) * 86_400,
                )
            })
            .collect();
        let made = for_rows(
            tx,
            "INSERT INTO orders (idempotency_key, channel, status, email, name, phone,
                                 pickup_location_id, pickup_code, delivery_street,
                                 delivery_postcode, delivery_city, total, payment, created_at,
                                 updated_at, delivered_at, locale, slot_starts_at)
             {} RETURNING id, idempotency_key",
            18,
            &rows,
            |query, (key, o, total, when)| {
                let store = o.store.map(|s| location_ids[s]);
                let delivered = o.store.is_none();
                query
                    .bind(key.clone())
                    .bind(o.channel)
                    .bind("collected")
                    .bind("demo-buyer@example.com")
                    .bind("Demo Buyer")
                    .bind("+48 600 000 000")
                    .bind(store)
                    .bind("DEMO2345")
                    .bind(delivered.then_some("ul. Długa 5"))
                    .bind(delivered.then_some("00-950"))
                    .bind(delivered.then_some("Warszawa"))
                    .bind(*total)
                    .bind(if delivered { "paid" } else { "pay_at_pickup" })
                    .bind(*when)
                    .bind(*when)
                    .bind(delivered.then_some(*when))
                    .bind("pl")
                    // Picked up the next day.
                    .bind(store.map(|_| *when + 86_400))
            },
        )
        .await?;
        let ids: std::collections::HashMap<String, i64> = made
            .iter()
            .map(|r| {
                use sqlx::Row;
                (r.get::<String, _>("idempotency_key"), r.get::<i64, _>("id"))
            })
            .collect();
        let mut lines = Vec::new();
        for (key, o, _, _) in &rows {
            for &(p, v, q) in &o.lines {
                lines.push((ids[key], o.store, p, v, q));
            }
        }
        for_rows(
            tx,
            "INSERT INTO order_lines (order_id, variant_id, fulfilment, source_location_id,
                                      quantity, unit_price, product_name, variant_label, sku) {}",
            9,
            &lines,
            |query, &(order, store, p, v, q)| {
                let product = &catalog.products[p];
                let variant = &product.variants[v];
                let label = [
                    variant.size.clone(),
                    variant.colour.as_ref().map(|c| c.0.clone()),
                ]
                .into_iter()
                .flatten()
                .collect::<Vec<_>>()
                .join(" / ");
                query
                    .bind(order)
                    .bind(variant_ids[p][v])
                    .bind(if store.is_some() {
                        "pickup"
                    } else {
                        "delivery"
                    })
                    .bind(location_ids[store.unwrap_or(0)])
                    .bind(i64::from(q))
                    .bind(variant.price)
                    .bind(product.name_en.clone())
                    .bind(label)
                    .bind(variant.sku.clone())
            },
        )
        .await?;
        Ok(())
    }

    /// Writes a generated catalog into an empty database, in one transaction.
    pub async fn seed(&self, catalog: &Catalog) -> Result<(), StoreError> {
        let mut tx = self.begin_write().await?;
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
                 VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id",
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
                 VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14) RETURNING id",
            )
            .bind(&p.slug)
            .bind(category_ids[p.category])
            .bind(&p.brand)
            .bind(&p.name_en)
            .bind(&p.name_pl)
            .bind(&p.description_en)
            .bind(&p.description_pl)
            .bind(&p.created_at)
            .bind(i64::from(p.featured))
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
                     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) RETURNING id",
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
            index_products(
                &mut tx,
                self.dialect,
                &[SearchEntry {
                    id: pid,
                    names: [&p.name_en, &p.name_pl],
                    descriptions: [&p.description_en, &p.description_pl],
                    codes: codes.join(" "),
                }],
            )
            .await?;
            variant_ids.push(ids);
        }
        let mut location_ids = Vec::with_capacity(catalog.locations.len());
        for l in &catalog.locations {
            let id: i64 = sqlx::query_scalar(
                "INSERT INTO locations (slug, kind, name, city, street, postcode, lat, lng,
                 timezone, phone, services, pickup_fee)
                 VALUES ($1, $2, $3, $4, $5, $6, $7, $8, 'Europe/Warsaw', $9, $10, $11)
                 RETURNING id",
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
            .bind(l.pickup_fee)
            .fetch_one(&mut *tx)
            .await?;
            for (day, opens, closes) in &l.hours {
                sqlx::query(
                    "INSERT INTO opening_hours (location_id, weekday, opens, closes)
                 VALUES ($1, $2, $3, $4)",
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
                 note_en, note_pl) VALUES ($1, $2, $3, $4, $5, $6)",
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
        for_rows(
            &mut tx,
            "INSERT INTO stock (location_id, variant_id, on_hand) {}",
            3,
            &catalog.stock,
            |query, &(loc, p, v, units)| {
                query
                    .bind(location_ids[loc])
                    .bind(variant_ids[p][v])
                    .bind(i64::from(units))
            },
        )
        .await?;
        self.seed_orders(&mut tx, catalog, &location_ids, &variant_ids)
            .await?;
        tx.commit().await?;
        for p in &catalog.promotions {
            let p = omnistore_components::model::Promotion {
                starts_at: now(),
                ..p.clone()
            };
            self.add_promotion(&p)
                .await
                .map_err(|e| StoreError::Invalid(e.to_string()))?;
        }
        Ok(())
    }

    async fn online_location_id(&self) -> BackendResult<i64> {
        // Only a found id is kept: before seeding there is none yet.
        self.online
            .get_or_try_init(|| async {
                sqlx::query_scalar("SELECT id FROM locations WHERE slug = $1")
                    .bind(ONLINE_LOCATION)
                    .fetch_optional(&self.pool)
                    .await?
                    .ok_or_else(|| BackendError::Unavailable("no online warehouse".into()))
            })
            .await
            .copied()
    }
}

/// Bound parameters in one statement at most. Far under SQLite's limit
/// (32,766) and PostgreSQL's (65,535): sqlx binds a SQLite statement's
/// parameters by name, and SQLite finds each name by a walk through all of
/// them, so binding costs the square of their number (a 100,000-product
/// import took 51 s with 30,000 a statement, most of it there).
pub(crate) const MAX_PARAMS: usize = 999;

type AnyQuery<'q> = sqlx::query::Query<'q, Any, sqlx::any::AnyArguments<'q>>;

/// `$first, $first+1, …`: `n` numbered parameters.
fn numbered(first: usize, n: usize) -> String {
    (first..first + n)
        .map(|i| format!("${i}"))
        .collect::<Vec<_>>()
        .join(", ")
}

/// `VALUES` and `rows` tuples of `columns` parameters, numbered `$1…` in
/// order. (sqlx's `QueryBuilder` writes `?` for the `Any` driver, which
/// PostgreSQL does not take.)
fn values(columns: usize, rows: usize) -> String {
    let tuples: Vec<String> = (0..rows)
        .map(|row| format!("({})", numbered(row * columns + 1, columns)))
        .collect();
    format!("VALUES {}", tuples.join(", "))
}

/// Runs `sql` for `rows`, its `{}` standing for a `VALUES` list of
/// `columns` parameters a row, with as few statements as the parameter
/// limit allows; `bind` binds one row's values in order. An insert is
/// `INSERT INTO t (a, b) {}`; an update reads the rows as `column1…`
/// (the name both SQLite and PostgreSQL give a `VALUES` column):
/// `UPDATE t SET a = u.column2 FROM ({}) AS u WHERE t.id = u.column1`.
/// The rows each statement returns, in no set order.
pub(crate) async fn for_rows<T>(
    tx: &mut sqlx::Transaction<'_, Any>,
    sql: &str,
    columns: usize,
    rows: &[T],
    bind: impl for<'q> Fn(AnyQuery<'q>, &T) -> AnyQuery<'q>,
) -> Result<Vec<sqlx::any::AnyRow>, sqlx::Error> {
    let mut out = Vec::new();
    for chunk in rows.chunks((MAX_PARAMS / columns).max(1)) {
        let sql = sql.replace("{}", &values(columns, chunk.len()));
        let query = chunk.iter().fold(sqlx::query(&sql), &bind);
        out.extend(query.fetch_all(&mut **tx).await?);
    }
    Ok(out)
}

/// Runs `sql` for every value of `keys`, its `{}` standing for an `IN`
/// list: as few statements as the parameter limit allows, none for no
/// keys. `lead` are bound first, as `$1…`. Every statement's rows.
pub(crate) async fn for_keys<K>(
    tx: &mut sqlx::Transaction<'_, Any>,
    sql: &str,
    lead: &[i64],
    keys: &[K],
) -> Result<Vec<sqlx::any::AnyRow>, sqlx::Error>
where
    K: Clone + Send + for<'q> sqlx::Encode<'q, Any> + sqlx::Type<Any> + 'static,
{
    let mut out = Vec::new();
    for chunk in keys.chunks(MAX_PARAMS - lead.len()) {
        let sql = sql.replace("{}", &numbered(lead.len() + 1, chunk.len()));
        let query = lead.iter().fold(sqlx::query(&sql), |q, l| q.bind(*l));
        let query = chunk.iter().fold(query, |q, k| q.bind(k.clone()));
        out.extend(query.fetch_all(&mut **tx).await?);
    }
    Ok(out)
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

/// What the full-text index holds of one product: names and descriptions
/// in English and Polish, and its SKUs and EANs.
pub(crate) struct SearchEntry<'a> {
    pub id: i64,
    pub names: [&'a str; 2],
    pub descriptions: [&'a str; 2],
    pub codes: String,
}

/// Puts `entries` into the full-text index (what search finds products
/// by), in place of what was there for them. SQLite's tokenizer folds
/// diacritics itself; for PostgreSQL's `simple` configuration the text is
/// folded here (and each search term likewise), so "waz" finds "wąż" on
/// both.
pub(crate) async fn index_products(
    tx: &mut sqlx::Transaction<'_, Any>,
    dialect: Dialect,
    entries: &[SearchEntry<'_>],
) -> Result<(), sqlx::Error> {
    let text = |s: &str| match dialect {
        Dialect::Sqlite => s.to_string(),
        Dialect::Postgres => omnistore_components::model::fold(s),
    };
    let ids: Vec<i64> = entries.iter().map(|e| e.id).collect();
    for_keys(
        tx,
        "DELETE FROM product_search WHERE rowid IN ({})",
        &[],
        &ids,
    )
    .await?;
    for_rows(
        tx,
        "INSERT INTO product_search (rowid, name_en, name_pl, description_en, description_pl, codes) {}",
        6,
        entries,
        |query, e| {
            query
                .bind(e.id)
                .bind(text(e.names[0]))
                .bind(text(e.names[1]))
                .bind(text(e.descriptions[0]))
                .bind(text(e.descriptions[1]))
                .bind(text(&e.codes))
        },
    )
    .await?;
    Ok(())
}

/// Creates the SQLite file (and its folder) if missing and migrates it.
/// Migrations run on a connection of their own with foreign keys off:
/// SQLite changes a table's definition only by rebuilding it, and the old
/// table's drop must not cascade (SQLite's documented procedure; sqlx runs
/// each migration in a transaction, where the pragma cannot be switched).
/// Every reference is checked afterwards.
async fn migrate_sqlite(url: &str) -> Result<(), StoreError> {
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
    let mut conn = SqliteConnectOptions::from_str(url)?
        .create_if_missing(true)
        .journal_mode(SqliteJournalMode::Wal)
        .synchronous(SqliteSynchronous::Full)
        .foreign_keys(false)
        .connect()
        .await?;
    sqlx::migrate!("./migrations/sqlite").run(&mut conn).await?;
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
    Ok(())
}
