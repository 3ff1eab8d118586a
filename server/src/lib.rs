#![recursion_limit = "256"]
//! omnistore's server: the Axum host, the built-in SQLite back end, the demo
//! data generator and the CLI behind the `omnistore` binary.

pub mod demo;
pub mod email;
pub mod error;
pub mod expiry;
pub mod identity;
pub mod images;
pub mod outbox;
pub mod payments;
pub mod pwa;
pub mod qr;
pub mod state;
pub mod storage;
pub mod web;

use leptos::config::{Env, LeptosOptions};
use std::net::SocketAddr;
use std::path::PathBuf;
use std::sync::Arc;
use storage::SqliteStore;
use tokio::net::TcpListener;

/// Settings of a running storefront.
#[derive(Clone, Debug)]
pub struct ServeConfig {
    pub addr: SocketAddr,
    pub database_url: String,
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
    let store = SqliteStore::connect(&config.database_url).await?;
    if config.demo && store.is_empty().await? {
        let started = std::time::Instant::now();
        store
            .seed(&demo::generate(&demo::DemoSize::default()))
            .await?;
        tracing::info!(
            elapsed_ms = started.elapsed().as_millis() as u64,
            "seeded the demo catalog"
        );
    }
    if config.demo {
        store.ensure_demo_staff().await?;
        store.ensure_demo_kiosks().await?;
    }
    let sink = match &config.smtp {
        Some(spec) => outbox::Sink::smtp(spec)?,
        None => outbox::Sink::Dir(config.mail_dir.clone()),
    };
    outbox::spawn(store.clone(), sink);
    expiry::spawn(store.clone());
    let public_url = config
        .public_url
        .clone()
        .unwrap_or_else(|| format!("http://{}", config.addr))
        .trim_end_matches('/')
        .to_string();
    let leptos = leptos_options(config);
    let pwa = Arc::new(pwa::Pwa::new(&leptos, config.release.as_deref()));
    tracing::info!(version = %pwa.version, "service worker version");
    let state = state::AppState {
        pwa,
        leptos,
        backend: Arc::new(store),
        public_url,
    };
    Ok(web::router(state))
}

/// The runtime the server runs on (the binary and the tests alike): one
/// thread runs every request. Leptos' reactive graph (0.8) can deadlock when
/// a page's resource and its Suspense run on two threads at once (lock-order
/// inversion between an effect and an async derived: leptos#4673, seen here
/// under load as a server that stops answering). On one thread that cannot
/// happen. Database work runs on sqlx's own threads and password hashing on
/// the blocking pool, so the cores are still used.
pub fn runtime() -> std::io::Result<tokio::runtime::Runtime> {
    tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
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
