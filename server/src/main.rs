#![recursion_limit = "256"]
//! `omnistore`: run the storefront, or generate demo data (here or in a Vendure).

// Pages are built from many small strings and views: mimalloc's per-thread
// free lists beat glibc's malloc there (measured in docs/figures.md).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

use clap::{Args, Parser, Subcommand};
use omnistore_server::demo::{generate, DemoSize};
use omnistore_server::storage::SqlStore;
use omnistore_server::vendure::VendureConfig;
use omnistore_server::{build, ServeConfig};
use std::net::SocketAddr;
use std::path::PathBuf;
use tracing_subscriber::EnvFilter;

/// omnistore: an omnichannel storefront (web, PWA, kiosk) rendered by Rust.
#[derive(Parser)]
#[command(version, about, long_about = None)]
struct Cli {
    /// Log as JSON lines (for log collectors) instead of human-readable text.
    #[arg(long, global = true, env = "OMNISTORE_LOG_JSON")]
    log_json: bool,
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Run the storefront.
    Serve(Box<ServeArgs>),
    /// Write a generated demo catalog into an empty database.
    Demo(DemoArgs),
    /// Import a catalog from a Shopify product CSV (and stock per store from
    /// a `sku,store,quantity` CSV): products by handle and variants by SKU
    /// are added or updated; all or nothing, every bad row reported.
    Import(ImportArgs),
    /// Fill a fresh Vendure with the demo shop (catalog, prices, EANs, a
    /// stock location per store), so that `serve --backend vendure --demo`
    /// shows the same shop as the built-in back end.
    VendureSeed(VendureSeedArgs),
    /// Make a registered customer store staff (the pickup desk at /staff/{store}/orders).
    Staff(StaffArgs),
    /// Sets a store's kiosk staff PIN (4-8 digits): staff enter it to start
    /// kiosk mode on a device, exit it, change the idle timing or assist.
    KioskPin(KioskPinArgs),
    /// Promotions of the built-in back end: automatic ones and coupon codes.
    Promotion(PromotionArgs),
    /// Mark a delivery order delivered (the courier's word): it earns its
    /// customer's loyalty points.
    Delivered(DeliveredArgs),
}

#[derive(Args)]
struct DeliveredArgs {
    #[command(flatten)]
    db: Database,
    /// The order's number.
    number: i64,
}

#[derive(Args)]
struct PromotionArgs {
    #[command(flatten)]
    db: Database,
    #[command(subcommand)]
    action: PromotionAction,
}

#[derive(Subcommand)]
enum PromotionAction {
    /// Add one (percent or an amount off, or "buy N pay M"; a category, a
    /// code, dates in the shop's time zone and limits are optional).
    Add(Box<omnistore_server::promotion_args::NewPromotionArgs>),
    /// Every promotion with its id, dates, limits and uses.
    List,
    /// End a promotion now (its id from `list`).
    End {
        /// The promotion's id.
        id: i64,
    },
}

#[derive(Args)]
struct KioskPinArgs {
    #[command(flatten)]
    db: Database,
    /// The store's slug (as in /stores/{store} and /kiosk/{store}).
    #[arg(long)]
    store: String,
    /// The new PIN (read from OMNISTORE_KIOSK_PIN when omitted, so it need
    /// not appear in the shell history).
    #[arg(long, env = "OMNISTORE_KIOSK_PIN", hide_env_values = true)]
    pin: String,
}

#[derive(Args)]
struct ImportArgs {
    #[command(flatten)]
    db: Database,
    /// The products: Shopify's product export format (see the README for
    /// the columns read).
    products: PathBuf,
    /// Units per store: a CSV with the columns sku, store (its slug) and quantity.
    #[arg(long)]
    stock: Option<PathBuf>,
}

#[derive(Args)]
struct StaffArgs {
    #[command(flatten)]
    db: Database,
    /// E-mail of the (already registered) account.
    #[arg(long)]
    email: String,
    /// The store's slug (as in /stores/{store}); every store when omitted.
    #[arg(long)]
    store: Option<String>,
}

#[derive(Args)]
struct Database {
    /// The database: `sqlite://path/file.db` (the file and its folder are
    /// created if missing) or `postgres://user:password@host:port/database`
    /// (an existing database; omnistore creates its tables).
    #[arg(
        long,
        env = "OMNISTORE_DATABASE_URL",
        default_value = "sqlite://data/omnistore.db"
    )]
    database_url: String,
    /// Database connections at most, per process.
    #[arg(long, env = "OMNISTORE_DATABASE_POOL", default_value_t = 8)]
    database_pool: u32,
    /// The longest one SQL statement may take, in milliseconds (PostgreSQL's
    /// statement_timeout; SQLite's wait for the write lock).
    #[arg(long, env = "OMNISTORE_STATEMENT_TIMEOUT_MS", default_value_t = 10_000)]
    statement_timeout_ms: u64,
}

impl Database {
    fn pool(&self) -> omnistore_server::storage::PoolOptions {
        omnistore_server::storage::PoolOptions {
            max_connections: self.database_pool.max(1),
            statement_timeout: std::time::Duration::from_millis(self.statement_timeout_ms),
        }
    }

    async fn open(&self) -> Result<SqlStore, omnistore_server::storage::StoreError> {
        SqlStore::connect_with(&self.database_url, &self.pool()).await
    }
}

#[derive(Args)]
struct ServeArgs {
    /// Address to listen on.
    #[arg(long, env = "OMNISTORE_ADDR", default_value = "127.0.0.1:3000")]
    addr: SocketAddr,
    #[command(flatten)]
    db: Database,
    /// Serving threads, each a single-threaded runtime with its own listener
    /// on the port [default: one per core].
    #[arg(long, env = "OMNISTORE_THREADS")]
    threads: Option<std::num::NonZeroUsize>,
    /// How often, in milliseconds, to look for catalog and stock changes that
    /// another process made (an import, another instance): catalog pages are
    /// served from memory until then. This server's own changes show at once.
    #[arg(long, env = "OMNISTORE_CATALOG_POLL_MS", default_value_t = 1000)]
    catalog_poll_ms: u64,
    /// How often, in seconds, to look for wished items back on the shelf of
    /// a store whose customers asked to be told (one e-mail each).
    #[arg(long, env = "OMNISTORE_STOCK_ALERT_POLL_SECS", default_value_t = 60)]
    stock_alert_poll_secs: u64,
    /// How often, in seconds, to look for carts left a day by customers who
    /// agreed to reminders, and pickup slots that are today (one e-mail each).
    #[arg(long, env = "OMNISTORE_REMINDER_POLL_SECS", default_value_t = 60)]
    reminder_poll_secs: u64,
    /// How often, in seconds, to count "bought together" and "popular at a
    /// store" again from the orders.
    #[arg(long, env = "OMNISTORE_RECOMMEND_REFRESH_SECS", default_value_t = 300)]
    recommend_refresh_secs: u64,
    /// Keep catalog pages (home, listings, search, products) as rendered,
    /// without the shopper's own header corner, until the catalog or stock
    /// changes; `false` renders every page.
    #[arg(long, env = "OMNISTORE_PAGE_CACHE", default_value_t = true, action = clap::ArgAction::Set)]
    page_cache: bool,
    /// Seed the demo catalog into the database if it is empty.
    #[arg(long, env = "OMNISTORE_DEMO")]
    demo: bool,
    /// Public origin for canonical links and the sitemap (default: http://ADDR).
    #[arg(long, env = "OMNISTORE_PUBLIC_URL")]
    public_url: Option<String>,
    /// Folder with the built site (wasm, JS, CSS) made by `cargo leptos build`.
    #[arg(long, env = "LEPTOS_SITE_ROOT", default_value = "target/site")]
    site_root: PathBuf,
    /// Folder the order e-mails are written to (one .eml file each).
    #[arg(long, env = "OMNISTORE_MAIL_DIR", default_value = "data/mail")]
    mail_dir: PathBuf,
    /// Send order e-mails by SMTP instead of files: `smtp://user:pass@host:587?tls=required`
    /// (STARTTLS with authentication), `smtps://…`, or a local relay's `host:port`.
    #[arg(long, env = "OMNISTORE_SMTP")]
    smtp: Option<String>,
    /// Where the catalog comes from: `builtin` (this server's database) or
    /// `vendure` (an external Vendure server, see --vendure-url).
    #[arg(long, env = "OMNISTORE_BACKEND", value_enum, default_value_t = BackendKind::Builtin)]
    backend: BackendKind,
    #[command(flatten)]
    vendure: VendureArgs,
    /// Seconds a catalog answer read from Vendure is kept (at most 30 is advised:
    /// a change made in Vendure shows within this time).
    #[arg(long, env = "OMNISTORE_VENDURE_CACHE_TTL", default_value_t = 30)]
    vendure_cache_ttl: u64,
    /// Names this deployment (e.g. a git tag). Installed apps offer "A new
    /// version is available" when it changes; by default the hashes of the
    /// built assets name it, so every new build is noticed.
    #[arg(long, env = "OMNISTORE_RELEASE")]
    release_tag: Option<String>,
    /// A reverse proxy (address or network, e.g. 10.0.0.0/8), repeatable or
    /// comma-separated: requests from it are counted by the client in its
    /// `X-Forwarded-For` for per-client limits (failed sign-ins, kiosk PINs).
    #[arg(long = "trusted-proxy", env = "OMNISTORE_TRUSTED_PROXIES", value_delimiter = ',', value_parser = parse_proxy)]
    trusted_proxies: Vec<ipnet::IpNet>,
}

/// A network, or one address (a network of one).
fn parse_proxy(s: &str) -> Result<ipnet::IpNet, String> {
    let s = s.trim();
    s.parse::<ipnet::IpNet>()
        .or_else(|_| s.parse::<std::net::IpAddr>().map(ipnet::IpNet::from))
        .map_err(|_| format!("{s:?} is not an address or a network like 10.0.0.0/8"))
}

/// Where Vendure is and who omnistore signs in to its Admin API as.
#[derive(Args)]
struct VendureArgs {
    /// The Vendure server's base URL (Shop API at /shop-api, Admin API at /admin-api).
    #[arg(long, env = "OMNISTORE_VENDURE_URL")]
    vendure_url: Option<String>,
    /// A Vendure administrator, for the reads the Shop API lacks (stock per location).
    #[arg(
        long,
        env = "OMNISTORE_VENDURE_ADMIN_USER",
        default_value = "superadmin"
    )]
    vendure_admin_user: String,
    #[arg(
        long,
        env = "OMNISTORE_VENDURE_ADMIN_PASSWORD",
        default_value = "superadmin",
        hide_default_value = true
    )]
    vendure_admin_password: String,
    /// What Vendure's asset server puts before an asset's path (its
    /// assetUrlPrefix), when not the Vendure URL's /assets/; omnistore
    /// serves those photographs under /media/ (other URLs are never linked).
    #[arg(long, env = "OMNISTORE_VENDURE_ASSET_URL")]
    vendure_asset_url: Option<String>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
enum BackendKind {
    Builtin,
    Vendure,
}

#[derive(Args)]
struct DemoArgs {
    #[command(flatten)]
    db: Database,
    #[command(flatten)]
    shape: DemoShape,
}

/// The generated demo shop's size (the same on both back ends).
#[derive(Args)]
struct DemoShape {
    /// Number of products.
    #[arg(long, default_value_t = DemoSize::default().products)]
    products: usize,
    /// Number of physical stores (beyond the real list, more are placed around the same cities).
    #[arg(long, default_value_t = DemoSize::default().stores)]
    stores: usize,
    /// Generator seed: the same seed gives the same shop.
    #[arg(long, default_value_t = DemoSize::default().seed)]
    seed: u64,
}

impl DemoShape {
    fn size(&self) -> anyhow::Result<DemoSize> {
        if self.products == 0 || self.stores == 0 {
            anyhow::bail!("--products and --stores must be at least 1");
        }
        Ok(DemoSize {
            products: self.products,
            stores: self.stores,
            seed: self.seed,
        })
    }
}

#[derive(Args)]
struct VendureSeedArgs {
    #[command(flatten)]
    vendure: VendureArgs,
    #[command(flatten)]
    shape: DemoShape,
}

async fn shutdown_signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let term = async {
        if let Ok(mut s) = tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate())
        {
            s.recv().await;
        }
    };
    #[cfg(not(unix))]
    let term = std::future::pending::<()>();
    tokio::select! { _ = ctrl_c => {}, _ = term => {} }
    tracing::info!("shutting down: finishing requests in flight");
}

impl VendureArgs {
    fn config(self, cache_ttl: std::time::Duration) -> anyhow::Result<VendureConfig> {
        Ok(VendureConfig {
            url: self.vendure_url.ok_or_else(|| {
                anyhow::anyhow!("--vendure-url (OMNISTORE_VENDURE_URL) is needed")
            })?,
            admin_user: self.vendure_admin_user,
            admin_password: self.vendure_admin_password,
            cache_ttl,
            asset_url: self.vendure_asset_url,
        })
    }
}

/// `omnistore import`: reads both files whole before writing anything, so
/// that every bad row is reported at once; a progress bar on a terminal,
/// plain lines otherwise.
async fn import(args: ImportArgs) -> anyhow::Result<()> {
    use omnistore_server::import::{read_products, read_stock, RowError};
    use omnistore_server::storage::import::ImportError;
    let refuse = |file: &std::path::Path, errors: Vec<RowError>| {
        for e in &errors {
            eprintln!("{}: {e}", file.display());
        }
        anyhow::anyhow!(
            "nothing was imported: {} rows of {} cannot be imported",
            errors.len(),
            file.display()
        )
    };
    let open = |file: &std::path::Path| {
        std::fs::File::open(file)
            .map(std::io::BufReader::new)
            .map_err(|e| anyhow::anyhow!("{}: {e}", file.display()))
    };
    let started = std::time::Instant::now();
    let file = read_products(open(&args.products)?).map_err(|e| refuse(&args.products, e))?;
    let products = file.products;
    let stock = match &args.stock {
        Some(file) => read_stock(open(file)?).map_err(|e| refuse(file, e))?,
        None => Vec::new(),
    };
    let store = args.db.open().await?;
    let bar = indicatif::ProgressBar::new(products.len() as u64);
    bar.set_style(indicatif::ProgressStyle::with_template(
        "{bar:30} {pos}/{len} products, {per_sec}, {eta} left",
    )?);
    let terminal = !bar.is_hidden();
    let mut said = 0;
    let result = store
        .import_catalog(&products, &stock, |done, total| {
            bar.set_position(done as u64);
            // Not a terminal (a log, CI): a plain line every tenth.
            if !terminal && (done >= said + total / 10 || done == total) && done > 0 {
                said = done;
                let secs = started.elapsed().as_secs_f64();
                let rate = done as f64 / secs.max(0.001);
                eprintln!(
                    "{done} of {total} products, {rate:.0}/s, {:.0} s left",
                    (total - done) as f64 / rate.max(0.001)
                );
            }
        })
        .await;
    bar.finish_and_clear();
    let report = match result {
        Ok(report) => report,
        Err(ImportError::Rows { products, stock }) => {
            for e in &products {
                eprintln!("{}: {e}", args.products.display());
            }
            let stock_file = args.stock.as_deref().unwrap_or(&args.products);
            for e in &stock {
                eprintln!("{}: {e}", stock_file.display());
            }
            anyhow::bail!(
                "nothing was imported: {} rows cannot be imported",
                products.len() + stock.len()
            );
        }
        Err(ImportError::Store(e)) => return Err(e.into()),
    };
    println!(
        "imported in {:.1} s: {} products new, {} updated; {} variants new, {} updated; \
         {} categories new; {} store stock rows; {} drafts or archived products skipped",
        started.elapsed().as_secs_f64(),
        report.products_new,
        report.products_updated,
        report.variants_new,
        report.variants_updated,
        report.categories_new,
        report.store_stock_rows,
        file.not_active.len()
    );
    Ok(())
}

fn main() -> anyhow::Result<()> {
    omnistore_server::runtime()?.block_on(run())
}

async fn run() -> anyhow::Result<()> {
    let cli = Cli::parse();
    let filter =
        EnvFilter::try_from_default_env().unwrap_or_else(|_| EnvFilter::new("info,sqlx=warn"));
    if cli.log_json {
        tracing_subscriber::fmt()
            .json()
            .with_env_filter(filter)
            .init();
    } else {
        tracing_subscriber::fmt().with_env_filter(filter).init();
    }
    match cli.command {
        Command::Serve(args) => {
            let args = *args;
            let config = ServeConfig {
                addr: args.addr,
                pool: args.db.pool(),
                database_url: args.db.database_url,
                demo: args.demo,
                public_url: args.public_url,
                site_root: args.site_root,
                mail_dir: args.mail_dir,
                smtp: args.smtp,
                release: args.release_tag,
                catalog_poll: std::time::Duration::from_millis(args.catalog_poll_ms),
                stock_alert_poll: std::time::Duration::from_secs(args.stock_alert_poll_secs),
                reminder_poll: std::time::Duration::from_secs(args.reminder_poll_secs),
                recommend_refresh: std::time::Duration::from_secs(args.recommend_refresh_secs),
                page_cache: args.page_cache,
                trusted_proxies: args.trusted_proxies,
                vendure: match args.backend {
                    BackendKind::Builtin => None,
                    BackendKind::Vendure => Some(
                        args.vendure
                            .config(std::time::Duration::from_secs(args.vendure_cache_ttl))?,
                    ),
                },
            };
            let app = build(&config).await?;
            let listener = omnistore_server::shared_listener(config.addr)?;
            let threads = args
                .threads
                .map_or_else(omnistore_server::default_threads, |n| n.get());
            tracing::info!(addr = %listener.local_addr()?, threads, "omnistore is serving");
            omnistore_server::serve_on_threads(listener, threads, app, shutdown_signal()).await?;
        }
        Command::Demo(args) => {
            let size = args.shape.size()?;
            let store = args.db.open().await?;
            let started = std::time::Instant::now();
            let catalog = generate(&size);
            store.seed(&catalog).await?;
            tracing::info!(
                products = catalog.products.len(),
                locations = catalog.locations.len(),
                stock_rows = catalog.stock.len(),
                elapsed_ms = started.elapsed().as_millis() as u64,
                "demo catalog written"
            );
        }
        Command::Import(args) => import(args).await?,
        Command::VendureSeed(args) => {
            let size = args.shape.size()?;
            let config = args.vendure.config(std::time::Duration::ZERO)?;
            let client = omnistore_server::vendure::client::Client::new(
                &config.url,
                &config.admin_user,
                &config.admin_password,
            )?;
            let started = std::time::Instant::now();
            let catalog = generate(&size);
            let step = (catalog.products.len() / 10).max(1);
            let report = omnistore_server::vendure::seed::seed(&client, &catalog, |done, total| {
                if done % step == 0 || done == total {
                    tracing::info!("{done} of {total} products are in Vendure");
                }
            })
            .await?;
            tracing::info!(
                products = report.products,
                variants = report.variants,
                stock_locations = report.stock_locations,
                collections = report.collections,
                eans = report.eans,
                elapsed_s = started.elapsed().as_secs(),
                "Vendure is seeded with the demo shop"
            );
        }
        Command::Staff(args) => {
            let store = args.db.open().await?;
            let email = omnistore_components::model::normalize_email(&args.email)
                .map_err(|e| anyhow::anyhow!("--email: {e}"))?;
            store.grant_staff(&email, args.store.as_deref()).await?;
            println!(
                "{email} is now staff of {}",
                args.store.as_deref().unwrap_or("every store")
            );
        }
        Command::KioskPin(args) => {
            use omnistore_components::backend::KioskBackend;
            let store = args.db.open().await?;
            store
                .set_kiosk_pin(&args.store, &args.pin)
                .await
                .map_err(|e| anyhow::anyhow!("{e}"))?;
            println!("the kiosk PIN of {} is set", args.store);
        }
        Command::Promotion(args) => promotion(args).await?,
        Command::Delivered(args) => {
            let store = args.db.open().await?;
            let done = store
                .mark_delivered(args.number)
                .await
                .map_err(|e| anyhow::anyhow!("{e}"))?;
            if !done {
                anyhow::bail!("no paid, open delivery order {}", args.number);
            }
            println!("order {} delivered", args.number);
        }
    }
    Ok(())
}

async fn promotion(args: PromotionArgs) -> anyhow::Result<()> {
    let store = args.db.open().await?;
    let now = chrono::Utc::now().timestamp();
    match args.action {
        PromotionAction::Add(new) => {
            let p = new.promotion(now)?;
            if let Some(slug) = &p.category {
                use omnistore_components::backend::CatalogBackend;
                let categories = store
                    .categories(omnistore_components::i18n::Locale::En)
                    .await
                    .map_err(|e| anyhow::anyhow!("{e}"))?;
                if !categories.iter().any(|c| &c.slug == slug) {
                    anyhow::bail!("--category: no category {slug:?}");
                }
            }
            let id = store
                .add_promotion(&p)
                .await
                .map_err(|e| anyhow::anyhow!("{e}"))?;
            println!("promotion {id} added: {}", p.name);
        }
        PromotionAction::List => {
            let all = store
                .all_promotions()
                .await
                .map_err(|e| anyhow::anyhow!("{e}"))?;
            let when = |t: i64| {
                chrono::DateTime::from_timestamp(t, 0)
                    .map(|d| d.format("%Y-%m-%d %H:%M UTC").to_string())
                    .unwrap_or_default()
            };
            for p in all {
                println!(
                    "{}\t{}\t{}\t{:?}\t{}\tfrom {}{}\tused {}{}{}",
                    p.id,
                    p.name,
                    p.code.as_deref().unwrap_or("(automatic)"),
                    p.offer,
                    p.category.as_deref().unwrap_or("everything"),
                    when(p.starts_at),
                    p.ends_at
                        .map(|e| format!(" until {}", when(e)))
                        .unwrap_or_default(),
                    p.used,
                    p.limit.map(|l| format!(" of {l}")).unwrap_or_default(),
                    p.per_customer
                        .map(|l| format!(", {l} per customer"))
                        .unwrap_or_default(),
                );
            }
        }
        PromotionAction::End { id } => {
            let ended = store
                .end_promotion(id, now)
                .await
                .map_err(|e| anyhow::anyhow!("{e}"))?;
            if !ended {
                anyhow::bail!("no running promotion {id}");
            }
            println!("promotion {id} ended");
        }
    }
    Ok(())
}
