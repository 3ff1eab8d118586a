#![recursion_limit = "256"]
//! omnistore's server: the Axum host, the built-in SQLite back end, the demo
//! data generator and the CLI behind the `omnistore` binary.

pub mod catalog_cache;
pub mod demo;
pub mod email;
pub mod error;
pub mod expiry;
pub mod html;
pub mod identity;
pub mod images;
pub mod import;
pub mod outbox;
pub mod page_cache;
pub mod payments;
pub mod promotion_args;
pub mod pwa;
pub mod qr;
pub mod reminders;
pub mod state;
pub mod stock_alerts;
pub mod storage;
pub mod vendure;
pub mod web;

use leptos::config::{Env, LeptosOptions};
use std::net::SocketAddr;
use std::path::PathBuf;
use std::sync::Arc;
use storage::SqlStore;
use tokio::net::TcpListener;

/// Settings of a running storefront.
#[derive(Clone, Debug)]
pub struct ServeConfig {
    pub addr: SocketAddr,
    /// `sqlite://…` or `postgres://…`.
    pub database_url: String,
    /// The database connection pool's size and statement timeout.
    pub pool: storage::PoolOptions,
    /// Seed the demo catalog when the database is empty.
    pub demo: bool,
    /// Public origin for canonical links and the sitemap; defaults to http://{addr}.
    pub public_url: Option<String>,
    /// Where cargo-leptos put the site (`/pkg`, favicon).
    pub site_root: PathBuf,
    /// Where order e-mails are written (see `outbox`).
    pub mail_dir: PathBuf,
    /// An SMTP relay ("host:port") to send order e-mails through instead.
    pub smtp: Option<String>,
    /// Names this deployment for installed apps (the service worker's
    /// version); the built assets' hashes when not given.
    pub release: Option<String>,
    /// How often to look for catalog changes made outside this process.
    pub catalog_poll: std::time::Duration,
    /// How often to look for wished items back on a store's shelf (see
    /// `stock_alerts`).
    pub stock_alert_poll: std::time::Duration,
    /// How often to look for carts and pickup slots due a reminder (see
    /// `reminders`).
    pub reminder_poll: std::time::Duration,
    /// How often to count recommendations from the orders again.
    pub recommend_refresh: std::time::Duration,
    /// Keep catalog pages as rendered (see `page_cache`).
    pub page_cache: bool,
    /// The catalog on an external Vendure instead of the built-in one.
    pub vendure: Option<vendure::VendureConfig>,
    /// Reverse proxies whose `X-Forwarded-For` names the client (see
    /// `identity::client_address`); none: the peer is the client.
    pub trusted_proxies: Vec<ipnet::IpNet>,
}

/// Leptos settings for a server started outside cargo-leptos. File hashing is
/// on when the build left its hash file next to the binary (release builds).
pub fn leptos_options(config: &ServeConfig) -> LeptosOptions {
    let hash_file = "hash.txt";
    let hashed = std::env::current_exe()
        .ok()
        .and_then(|p| p.parent().map(|d| d.join(hash_file).exists()))
        .unwrap_or(false);
    LeptosOptions::builder()
        .output_name("omnistore")
        .site_root(config.site_root.to_string_lossy().to_string())
        .site_pkg_dir("pkg")
        .site_addr(config.addr)
        .env(Env::PROD)
        .hash_files(hashed)
        .hash_file(Arc::from(hash_file))
        .build()
}

/// Opens the store (seeding the demo catalog if asked and empty) and builds the site.
pub async fn build(config: &ServeConfig) -> anyhow::Result<axum::Router> {
    let store = SqlStore::connect_with(&config.database_url, &config.pool).await?;
    if config.demo {
        // On Vendure the catalog is Vendure's: the demo brings only the
        // stores, kiosks and staff, which are omnistore's own.
        let demo_wanted = match &config.vendure {
            None => store.is_empty().await?,
            Some(_) => !store.has_locations().await?,
        };
        if demo_wanted {
            let started = std::time::Instant::now();
            let mut catalog = demo::generate(&demo::DemoSize::default());
            if config.vendure.is_some() {
                catalog.categories.clear();
                catalog.products.clear();
                catalog.stock.clear();
                // Vendure prices its orders with its own promotions.
                catalog.promotions.clear();
                catalog.orders.clear();
            }
            store.seed(&catalog).await?;
            tracing::info!(
                elapsed_ms = started.elapsed().as_millis() as u64,
                "seeded the demo data"
            );
        }
        store.ensure_demo_staff().await?;
        store.ensure_demo_kiosks().await?;
    }
    let sink = match &config.smtp {
        Some(spec) => outbox::Sink::smtp(spec)?,
        None => outbox::Sink::Dir(config.mail_dir.clone()),
    };
    outbox::spawn(store.clone(), sink);
    store.watch_catalog(config.catalog_poll);
    let public_url = config
        .public_url
        .clone()
        .unwrap_or_else(|| format!("http://{}", config.addr))
        .trim_end_matches('/')
        .to_string();
    let leptos = leptos_options(config);
    let pwa = Arc::new(pwa::Pwa::new(&leptos, config.release.as_deref()));
    tracing::info!(version = %pwa.version, "service worker version");
    let (backend, catalog, ttl, photos): (omnistore_components::backend::Backend, _, _, _) =
        match &config.vendure {
            None => (
                Arc::new(store.clone()),
                store.catalog_cache(),
                storage::CATALOG_TTL,
                None,
            ),
            Some(v) => {
                let vendure = vendure::Vendure::new(v, store.clone())?;
                tracing::info!(url = %v.url, "the catalog is Vendure's");
                let cache = vendure.catalog_cache();
                let photos = vendure.photos();
                (Arc::new(vendure), cache, v.cache_ttl, Some(photos))
            }
        };
    expiry::spawn(store.clone(), backend.clone());
    stock_alerts::spawn(
        store.clone(),
        backend.clone(),
        public_url.clone(),
        config.stock_alert_poll,
    );
    reminders::spawn(store.clone(), public_url.clone(), config.reminder_poll);
    // The first pages already show what the orders say.
    if let Err(e) = store.refresh_recommendations().await {
        tracing::warn!(error = %e, "counting recommendations failed; will retry");
    }
    storage::recommend::spawn(store.clone(), config.recommend_refresh);
    let pages = config
        .page_cache
        .then(|| Arc::new(page_cache::PageCache::new(catalog, ttl)));
    let state = state::AppState {
        pages,
        pwa,
        leptos: Arc::new(leptos),
        backend,
        public_url,
        photos,
        trusted_proxies: config.trusted_proxies.clone().into(),
    };
    Ok(web::router(state))
}

/// The runtime of one serving thread (the binary and the tests alike): a
/// single-threaded one. Leptos' reactive graph (0.8) can deadlock when a
/// page's resource and its Suspense run on two threads at once (lock-order
/// inversion between an effect and an async derived: leptos#4673, seen here
/// under load as a server that stops answering). A work-stealing runtime
/// moves a request's tasks between threads; on a runtime of one thread they
/// stay where the request arrived, so the inversion cannot happen. The cores
/// are used by running one such runtime per core (see [`serve_on_threads`]).
pub fn runtime() -> std::io::Result<tokio::runtime::Runtime> {
    tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
}

/// One serving thread per core.
pub fn default_threads() -> usize {
    std::thread::available_parallelism().map_or(1, |n| n.get())
}

/// A listener on `addr` that other listeners may share (`SO_REUSEPORT`): the
/// kernel spreads new connections among them. Port 0 picks a free port;
/// bind the others to the port this one got.
pub fn shared_listener(addr: SocketAddr) -> std::io::Result<TcpListener> {
    let socket = if addr.is_ipv4() {
        tokio::net::TcpSocket::new_v4()?
    } else {
        tokio::net::TcpSocket::new_v6()?
    };
    socket.set_reuseaddr(true)?;
    #[cfg(all(unix, not(target_os = "solaris"), not(target_os = "illumos")))]
    socket.set_reuseport(true)?;
    socket.bind(addr)?;
    socket.listen(1024)
}

/// Serves `app` on `threads` threads: this one (call it on a [`runtime`])
/// and `threads - 1` more, each with a runtime and a listener of its own on
/// `listener`'s port (made with [`shared_listener`]). Nothing is shared
/// between threads but the app's state (the database pool, caches), which
/// is thread-safe: a request lives and dies on the thread that accepted it.
/// When `shutdown` resolves, every thread finishes its requests in flight.
pub async fn serve_on_threads(
    listener: TcpListener,
    threads: usize,
    app: axum::Router,
    shutdown: impl std::future::Future<Output = ()> + Send + 'static,
) -> std::io::Result<()> {
    let addr = listener.local_addr()?;
    let (stop_tx, stop_rx) = tokio::sync::watch::channel(false);
    let stopped = |mut rx: tokio::sync::watch::Receiver<bool>| async move {
        let _ = rx.wait_for(|stop| *stop).await;
    };
    let mut workers = Vec::new();
    for n in 1..threads.max(1) {
        // Bound here, so that a port that cannot be shared fails the start.
        let own = shared_listener(addr)?.into_std()?;
        let app = app.clone();
        let stop = stopped(stop_rx.clone());
        let worker = std::thread::Builder::new()
            .name(format!("omnistore-serve-{n}"))
            .spawn(move || -> std::io::Result<()> {
                runtime()?
                    .block_on(async move { serve(TcpListener::from_std(own)?, app, stop).await })
            })?;
        workers.push(worker);
    }
    let signal = async move {
        shutdown.await;
        let _ = stop_tx.send(true);
    };
    let (served, ()) = tokio::join!(serve(listener, app, stopped(stop_rx)), signal);
    let joined = tokio::task::spawn_blocking(move || {
        workers
            .into_iter()
            .map(|w| {
                w.join()
                    .unwrap_or_else(|_| Err(std::io::Error::other("a serving thread panicked")))
            })
            .collect::<std::io::Result<Vec<()>>>()
    })
    .await
    .map_err(std::io::Error::other)?;
    served.and(joined.map(drop))
}

/// How long requests in flight may take to finish after a shutdown signal.
/// Live-update streams never finish on their own, so without a deadline a
/// page left open would keep the process alive forever.
pub const SHUTDOWN_GRACE: std::time::Duration = std::time::Duration::from_secs(10);

/// Serves until `shutdown` resolves, then finishes the requests in flight
/// (for at most [`SHUTDOWN_GRACE`]).
pub async fn serve(
    listener: TcpListener,
    app: axum::Router,
    shutdown: impl std::future::Future<Output = ()> + Send + 'static,
) -> std::io::Result<()> {
    let (stop_tx, stop_rx) = tokio::sync::oneshot::channel::<()>();
    let shutdown = async move {
        shutdown.await;
        let _ = stop_tx.send(());
    };
    use axum::serve::ListenerExt;
    use std::future::IntoFuture;
    // Without TCP_NODELAY, small responses on keep-alive connections wait ~40 ms for Nagle.
    let listener = listener.tap_io(|tcp| {
        let _ = tcp.set_nodelay(true);
    });
    // The peer address feeds login throttling per client.
    let server = axum::serve(
        listener,
        app.into_make_service_with_connect_info::<SocketAddr>(),
    )
    .with_graceful_shutdown(shutdown)
    .into_future();
    tokio::pin!(server);
    tokio::select! {
        done = &mut server => done,
        _ = async {
            if stop_rx.await.is_ok() {
                tokio::time::sleep(SHUTDOWN_GRACE).await;
            } else {
                std::future::pending::<()>().await;
            }
        } => {
            tracing::warn!("requests still open after {SHUTDOWN_GRACE:?}; stopping anyway");
            Ok(())
        }
    }
}
