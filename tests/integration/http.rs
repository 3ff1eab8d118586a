//! HTTP integration tests: the real router, the real SQLite back end seeded
//! with the demo catalog, served on a random 127.0.0.1 port.

use omnistore_app::api::ShopError;
use omnistore_components::model::Problem;
use omnistore_server::{build, serve_on_threads, shared_listener, ServeConfig};
use reqwest::redirect::Policy;
use reqwest::StatusCode;
use std::sync::OnceLock;

mod accounts;
mod fees;
mod import;
mod instances;
mod kiosk;
mod loyalty;
mod markup;
mod promotions;
mod pwa;
mod recommend;
mod reminders;
mod returns;
mod stores;
mod vendure;
mod wishlist;

struct Server {
    base: String,
    /// Where the server writes order e-mails.
    mail: std::path::PathBuf,
    /// The server's database, for tests that check what was stored.
    db: String,
    _dir: tempfile::TempDir,
}

/// One server for the whole test binary, on its own runtime thread (each
/// #[tokio::test] has a runtime of its own that ends with the test).
fn server() -> &'static Server {
    static SERVER: OnceLock<Server> = OnceLock::new();
    SERVER.get_or_init(start_server)
}

/// A server of its own, for tests that would disturb the shared one (e.g.
/// throttling every login from 127.0.0.1).
fn start_server() -> Server {
    start_server_polling(std::time::Duration::from_millis(20))
}

/// A server of its own that looks for catalog changes made outside it every
/// `catalog_poll`.
fn start_server_polling(catalog_poll: std::time::Duration) -> Server {
    start_server_configured(|config| config.catalog_poll = catalog_poll)
}

/// A server of its own, its configuration changed by `change`.
fn start_server_configured(change: impl FnOnce(&mut ServeConfig)) -> Server {
    {
        trace_to_file();
        let dir = tempfile::tempdir().expect("temp dir");
        let db = test_database(dir.path(), "test");
        let db_url = db.clone();
        let mail = dir.path().join("mail");
        let mut config = ServeConfig {
            addr: "127.0.0.1:0".parse().unwrap(),
            database_url: db,
            pool: Default::default(),
            demo: true,
            public_url: None,
            site_root: "target/site".into(),
            mail_dir: mail,
            smtp: None,
            release: None,
            catalog_poll: std::time::Duration::from_millis(20),
            stock_alert_poll: std::time::Duration::from_millis(100),
            reminder_poll: std::time::Duration::from_millis(100),
            recommend_refresh: std::time::Duration::from_secs(3600),
            page_cache: true,
            vendure: None,
            trusted_proxies: Vec::new(),
        };
        change(&mut config);
        let base = serve(config);
        Server {
            base,
            mail: dir.path().join("mail"),
            db: db_url,
            _dir: dir,
        }
    }
}

/// Serves the app built from `config` (its `addr` is replaced by a free
/// port) on a runtime thread of its own, with two serving threads as the
/// binary runs on two cores, so that what a request shares with another
/// thread is tested too. Every page is checked for nested forms. Returns
/// the base URL.
fn serve(mut config: ServeConfig) -> String {
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let rt = omnistore_server::runtime().unwrap();
        rt.block_on(async move {
            let listener = shared_listener("127.0.0.1:0".parse().unwrap()).unwrap();
            config.addr = listener.local_addr().unwrap();
            let app = build(&config)
                .await
                .expect("build app")
                .layer(axum::middleware::from_fn(markup::no_nested_forms));
            tx.send(format!("http://{}", config.addr)).unwrap();
            serve_on_threads(listener, 2, app, std::future::pending())
                .await
                .unwrap();
        });
    });
    rx.recv().expect("server started")
}

/// A new, empty database for one test server or CLI run: a SQLite file
/// `name.db` in `dir`, or, when `OMNISTORE_TEST_POSTGRES` holds the URL of
/// a PostgreSQL cluster (the test command sets it for its second run of
/// these tests), a database of its own there.
fn test_database(dir: &std::path::Path, name: &str) -> String {
    let Ok(cluster) = std::env::var("OMNISTORE_TEST_POSTGRES") else {
        return format!("sqlite://{}", dir.join(format!("{name}.db")).display());
    };
    postgres_database(&cluster, name)
}

/// A new database named after `name` in the PostgreSQL cluster whose
/// administrative URL is `cluster`; its URL.
fn postgres_database(cluster: &str, name: &str) -> String {
    static N: std::sync::atomic::AtomicU32 = std::sync::atomic::AtomicU32::new(0);
    let db = format!(
        "{name}_{}_{}",
        std::process::id(),
        N.fetch_add(1, std::sync::atomic::Ordering::Relaxed)
    );
    // On a thread of its own: the caller may be inside a test's runtime.
    let create = format!("CREATE DATABASE {db}");
    let admin = cluster.to_string();
    std::thread::spawn(move || {
        omnistore_server::runtime().unwrap().block_on(async move {
            use sqlx::{Connection, Executor};
            let mut conn = sqlx::PgConnection::connect(&admin).await.unwrap();
            conn.execute(create.as_str()).await.unwrap();
        })
    })
    .join()
    .expect("database created");
    let (base, _) = cluster.rsplit_once('/').expect("a URL ending in /database");
    format!("{base}/{db}")
}

/// Whether this run's databases are PostgreSQL ones (see [`test_database`]).
fn on_postgres() -> bool {
    std::env::var_os("OMNISTORE_TEST_POSTGRES").is_some()
}

/// With `OMNISTORE_TEST_LOG=<file>` every test server logs each request
/// (and the identity layer's steps) there: the way to see which request a
/// stuck test is waiting for.
fn trace_to_file() {
    static ONCE: OnceLock<()> = OnceLock::new();
    ONCE.get_or_init(|| {
        if let Some(path) = std::env::var_os("OMNISTORE_TEST_LOG") {
            let file = std::fs::File::create(path).expect("log file");
            tracing_subscriber::fmt()
                .with_env_filter("tower_http=debug,omnistore_server=debug,omnistore_app=debug")
                .with_writer(std::sync::Mutex::new(file))
                .with_thread_names(true)
                .with_ansi(false)
                .init();
        }
    });
}

/// Runs the `omnistore` binary (a CLI command) and waits for it.
fn omnistore(args: &[&str]) -> std::process::Output {
    std::process::Command::new(env!("CARGO_BIN_EXE_omnistore"))
        .args(args)
        .env_remove("RUST_BACKTRACE")
        .env("RUST_LOG", "warn")
        .output()
        .expect("the omnistore binary")
}

/// No redirects followed (tests check them), and an answer that has not come
/// within a minute fails the test instead of holding the whole run.
fn client() -> reqwest::Client {
    reqwest::Client::builder()
        .redirect(Policy::none())
        .timeout(std::time::Duration::from_secs(60))
        .build()
        .unwrap()
}

/// The typed reason of a refused server-function call, as the browser reads
/// it; panics (failing the test) on any other answer.
fn refused(body: &str) -> Problem {
    match serde_json::from_str::<ShopError>(body) {
        Ok(ShopError::Refused { problem, .. }) => problem,
        other => panic!("not a refusal: {other:?} from {body}"),
    }
}

/// What the server does in the background (a poll, a round, a count),
/// seen from outside: asks `probe` every `every_ms` until it answers, at
/// most 100 times; `None` when it never did.
async fn eventually<T, F, Fut>(every_ms: u64, mut probe: F) -> Option<T>
where
    F: FnMut() -> Fut,
    Fut: std::future::Future<Output = Option<T>>,
{
    for _ in 0..100 {
        if let Some(found) = probe().await {
            return Some(found);
        }
        tokio::time::sleep(std::time::Duration::from_millis(every_ms)).await;
    }
    None
}

async fn get(path: &str) -> (StatusCode, String) {
    get_with(path, &[]).await
}

async fn get_with(path: &str, headers: &[(&str, &str)]) -> (StatusCode, String) {
    let mut req = client().get(format!("{}{}", server().base, path));
    for (k, v) in headers {
        req = req.header(*k, *v);
    }
    let res = req.send().await.unwrap();
    let status = res.status();
    (status, res.text().await.unwrap())
}

fn count(haystack: &str, needle: &str) -> usize {
    haystack.matches(needle).count()
}

/// Prices shown on product cards, in minor units, in page order.
fn card_prices(html: &str) -> Vec<i64> {
    html.split("data-price-minor=\"")
        .skip(1)
        .filter_map(|s| s.split('"').next()?.parse().ok())
        .collect()
}

fn total(html: &str) -> u64 {
    html.split("data-total=\"")
        .nth(1)
        .and_then(|s| s.split('"').next())
        .and_then(|s| s.parse().ok())
        .expect("data-total")
}

#[tokio::test]
async fn health_and_home() {
    let (s, body) = get("/healthz").await;
    assert_eq!(s, StatusCode::OK);
    assert_eq!(body, "ok\ndatabase: ok\n");
    let (s, html) = get("/").await;
    assert_eq!(s, StatusCode::OK);
    assert!(html.contains("<html lang=\"en\""));
    assert!(html.contains("<title>") && html.contains("| omnistore</title>"));
    assert!(html.contains("<meta name=\"description\""));
    assert!(html.contains("rel=\"canonical\""));
    assert!(
        count(&html, "class=\"os-product-card\"") >= 8,
        "featured products"
    );
    assert!(count(&html, "href=\"/c/") >= 10, "category navigation");
}

#[tokio::test]
async fn listing_pages_sorts_and_filters() {
    let (s, html) = get("/c/garden-furniture").await;
    assert_eq!(s, StatusCode::OK);
    assert_eq!(count(&html, "class=\"os-product-card\""), 24);
    let all = total(&html);
    assert!(all >= 60, "{all}");
    assert!(html.contains("rel=\"next\""));
    assert!(html.contains("href=\"/c/garden-furniture?page=2\""));

    // The last page holds the remainder.
    let pages = all.div_ceil(24);
    let (_, last) = get(&format!("/c/garden-furniture?page={pages}")).await;
    assert_eq!(
        count(&last, "class=\"os-product-card\"") as u64,
        all - 24 * (pages - 1)
    );

    let (_, asc) = get("/c/garden-furniture?sort=price-asc").await;
    let prices = card_prices(&asc);
    assert_eq!(prices.len(), 24);
    assert!(prices.windows(2).all(|w| w[0] <= w[1]), "{prices:?}");
    let (_, desc) = get("/c/garden-furniture?sort=price-desc").await;
    let prices = card_prices(&desc);
    assert!(prices.windows(2).all(|w| w[0] >= w[1]), "{prices:?}");

    let (s, ranged) = get("/c/garden-furniture?min=100&max=300&sort=price-asc").await;
    assert_eq!(s, StatusCode::OK);
    let prices = card_prices(&ranged);
    assert!(!prices.is_empty());
    assert!(
        prices.iter().all(|p| (10_000..=30_000).contains(p)),
        "{prices:?}"
    );
    assert!(total(&ranged) < all);

    let (_, stocked) = get("/c/garden-furniture?stock=1").await;
    assert!(total(&stocked) <= all);
    assert!(!stocked.contains("os-product-card__stock--out"));
    // Across the catalog the filter hides the products sold out online.
    let (mut with, mut without) = (0, 0);
    for c in [
        "garden-furniture",
        "grills",
        "garden-tools",
        "watering",
        "plants-seeds",
        "lighting",
        "camping",
        "kitchen",
        "bathroom",
        "paint-diy",
    ] {
        without += total(&get(&format!("/c/{c}")).await.1);
        with += total(&get(&format!("/c/{c}?stock=1")).await.1);
    }
    assert!(with < without, "{with} < {without}");
}

#[tokio::test]
async fn a_cards_only_island_is_its_button() {
    // The card is markup; what hydrates is the "Add to cart" of a product
    // with one variant, whose props are that variant and the product's name
    // (not the whole product, as when the card was the island).
    let (_, html) = get("/c/garden-furniture").await;
    let cards = html
        .split("class=\"os-product-card\"")
        .skip(1)
        .collect::<Vec<_>>();
    assert_eq!(cards.len(), 24);
    let with_button = cards
        .iter()
        .filter(|c| {
            c.split("</article>")
                .next()
                .unwrap()
                .contains("os-add-to-cart__button")
        })
        .count();
    let choose = count(&html, "class=\"os-product-card__options\"");
    assert!(with_button > 0 && choose > 0, "{with_button} {choose}");
    assert_eq!(with_button + choose, 24);
    let islands = html
        .split("<leptos-island ")
        .skip(1)
        .map(|i| i.split('>').next().unwrap())
        .collect::<Vec<_>>();
    let buttons = islands
        .iter()
        .filter(|i| i.contains("AddIsland"))
        .collect::<Vec<_>>();
    assert_eq!(buttons.len(), with_button, "one island per button");
    for props in &buttons {
        assert!(props.contains("&quot;variant_id&quot;:"), "{props}");
        assert!(!props.contains("&quot;slug&quot;"), "{props}");
    }
    assert_eq!(islands.len(), with_button + 1, "the buttons and the header");
}

#[tokio::test]
async fn bad_listing_links_get_400_with_reason() {
    for (q, reason) in [
        ("sort=cheapest", "unknown sort order"),
        ("page=0", "page must be"),
        ("page=abc", "page must be"),
        ("min=abc", "lowest price"),
        ("min=500&max=100", "lowest price is above"),
    ] {
        let (s, html) = get(&format!("/c/grills?{q}")).await;
        assert_eq!(s, StatusCode::BAD_REQUEST, "{q}");
        assert!(html.contains(reason), "{q}: {reason}");
    }
}

#[tokio::test]
async fn unknown_things_are_404() {
    for path in [
        "/c/no-such-category",
        "/p/no-such-product",
        "/nothing/here",
        "/c/Bad%20Slug",
        "/img/boat-1/ffffff.svg",
        // Photographs are a platform's; the built-in shop draws its own.
        "/media/preview/71/photo__preview.jpg",
    ] {
        let (s, _) = get(path).await;
        assert_eq!(s, StatusCode::NOT_FOUND, "{path}");
    }
    let (_, html) = get("/p/no-such-product").await;
    assert!(html.contains("This product does not exist"));
}

/// The schema.org JSON-LD document of a product page, parsed.
fn json_ld(html: &str) -> serde_json::Value {
    let ld = html
        .split("<script type=\"application/ld+json\">")
        .nth(1)
        .and_then(|s| s.split("</script>").next())
        .expect("a JSON-LD script");
    serde_json::from_str(ld).expect("valid JSON-LD")
}

async fn first_product_slug() -> String {
    let (_, html) = get("/c/camping").await;
    let href = html.split("href=\"/p/").nth(1).expect("a product link");
    href.split('"').next().unwrap().to_string()
}

#[tokio::test]
async fn product_page_with_json_ld_and_variants() {
    let slug = first_product_slug().await;
    let (s, html) = get(&format!("/p/{slug}")).await;
    assert_eq!(s, StatusCode::OK);
    let doc = json_ld(&html);
    assert_eq!(doc["@type"], "Product");
    let offers = doc["offers"].as_array().unwrap();
    assert!(!offers.is_empty());
    for o in offers {
        assert_eq!(o["priceCurrency"], "PLN");
        let gtin = o["gtin13"].as_str().unwrap();
        assert!(omnistore_components::model::is_valid_ean13(gtin));
    }
    assert!(html.contains("os-breadcrumbs"));
    // Each variant has its own URL; the page shows that variant's SKU.
    let variant_links: Vec<&str> = html
        .split(&format!("href=\"/p/{slug}?variant="))
        .skip(1)
        .map(|s| s.split('"').next().unwrap())
        .collect();
    if let Some(id) = variant_links.last() {
        let (s, v) = get(&format!("/p/{slug}?variant={id}")).await;
        assert_eq!(s, StatusCode::OK);
        let sku = offers
            .iter()
            .find(|o| {
                o["url"]
                    .as_str()
                    .unwrap()
                    .ends_with(&format!("variant={id}"))
            })
            .unwrap()["sku"]
            .as_str()
            .unwrap();
        assert!(
            v.contains(&format!("class=\"os-product__sku\">{sku}<")),
            "{sku}"
        );
    }
}

#[tokio::test]
async fn search_finds_and_jumps_to_exact_codes() {
    let (s, html) = get("/search?q=garden+hose").await;
    assert_eq!(s, StatusCode::OK);
    assert!(total(&html) > 0);
    // Polish names, diacritics folded: "waz" finds "Wąż".
    let (_, html) = get("/search?q=waz+ogrodowy").await;
    assert!(total(&html) > 0);

    let slug = first_product_slug().await;
    let doc = json_ld(&get(&format!("/p/{slug}")).await.1);
    let offer = &doc["offers"][0];
    for code in [
        offer["gtin13"].as_str().unwrap(),
        offer["sku"].as_str().unwrap(),
    ] {
        let res = client()
            .get(format!("{}/search?q={code}", server().base))
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), StatusCode::FOUND, "{code}");
        let location = res.headers()["location"].to_str().unwrap();
        assert!(
            location.starts_with(&format!("/p/{slug}?variant=")),
            "{location}"
        );
    }
}

#[tokio::test]
async fn hostile_search_input_never_500s() {
    let long = "a".repeat(2000);
    let inputs = [
        "\"",
        "\"\"\"",
        "*",
        "NEAR(a b)",
        "a OR b NOT c",
        "-garden",
        "^hose",
        "name:hose",
        "(((",
        "')--",
        "%",
        "%00",
        "<script>alert(1)</script>",
        "</title><script>alert(1)</script>",
        "\"><img src=x onerror=alert(1)>",
        "ąęśćż",
        "🌲🔥",
        &long,
    ];
    for q in inputs {
        let res = client()
            .get(format!("{}/search", server().base))
            .query(&[("q", q)])
            .send()
            .await
            .unwrap();
        let s = res.status();
        assert!(
            s == StatusCode::OK || s == StatusCode::BAD_REQUEST,
            "{q:.40}: {s}"
        );
        let body = res.text().await.unwrap();
        assert!(
            !body.contains("<script>alert(1)</script>"),
            "query text is escaped: {q}"
        );
        assert!(!body.contains("<img src=x"), "query text is escaped: {q}");
    }
    let (s, html) = get(&format!("/search?q={long}")).await;
    assert_eq!(s, StatusCode::BAD_REQUEST);
    assert!(html.contains("too long"));
    let (s, _) = get("/search?q=hose&page=0").await;
    assert_eq!(s, StatusCode::BAD_REQUEST);
}

/// The watering listing for a browser that prefers `accept_language`,
/// checked to be in `lang`.
async fn watering_in(accept_language: &str, lang: &str) -> String {
    let (_, html) = get_with("/c/watering", &[("accept-language", accept_language)]).await;
    assert!(
        html.contains(&format!("<html lang=\"{lang}\"")),
        "{accept_language}"
    );
    html
}

/// Russian pages: chosen from Accept-Language or the cookie, every count in
/// its CLDR plural form, prices in złoty the Russian way.
#[tokio::test]
async fn russian_pages_count_in_russian() {
    let html = watering_in("ru-RU,ru;q=0.9,en;q=0.5", "ru").await;
    assert!(html.contains("\u{a0}PLN<"), "Russian price format");
    let shopper = accounts::Shopper::visit(&server().base).await;
    shopper.set_cookie("lang", "ru");
    let (variant, _) = accounts::stocked_variants(30, 1).await[0];
    let mut quantity = 0;
    for (add, words) in [
        (1, "1 товар"),
        (1, "2 товара"),
        (3, "5 товаров"),
        (6, "11 товаров"),
        (10, "21 товар"),
        (1, "22 товара"),
    ] {
        let (s, body) = shopper.add(variant, add).await;
        assert_eq!(s, StatusCode::OK, "{body}");
        quantity += add;
        let (_, page) = shopper.get("/cart").await;
        assert!(page.contains("<html lang=\"ru\""));
        assert!(
            page.contains(&format!("data-testid=\"cart-count\">{words}<")),
            "{quantity}: {words}"
        );
    }
}

#[tokio::test]
async fn polish_from_accept_language_and_cookie() {
    let html = watering_in("pl-PL,pl;q=0.9,en;q=0.5", "pl").await;
    assert!(html.contains("Nawadnianie"));
    assert!(html.contains("\u{a0}zł<"), "Polish price format");
    let (_, html) = get_with("/c/watering", &[("cookie", "lang=pl")]).await;
    assert!(html.contains("<html lang=\"pl\""));
    let (_, html) = get_with(
        "/c/watering",
        &[("cookie", "lang=en"), ("accept-language", "pl")],
    )
    .await;
    assert!(html.contains("<html lang=\"en\"") && html.contains("PLN\u{a0}"));

    let res = client()
        .get(format!(
            "{}/lang/pl?back=/c/watering%3Fpage%3D2",
            server().base
        ))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    assert_eq!(res.headers()["location"], "/c/watering?page=2");
    assert!(res.headers()["set-cookie"]
        .to_str()
        .unwrap()
        .starts_with("lang=pl;"));
    let res = client()
        .get(format!("{}/lang/pl?back=//evil.example", server().base))
        .send()
        .await
        .unwrap();
    assert_eq!(res.headers()["location"], "/");
    let (s, body) = get("/lang/xx").await;
    assert_eq!(s, StatusCode::BAD_REQUEST);
    assert_eq!(body, Problem::UnknownLanguage.to_string());
}

#[tokio::test]
async fn sitemap_robots_images_compression() {
    let (s, xml) = get("/sitemap.xml").await;
    assert_eq!(s, StatusCode::OK);
    assert!(count(&xml, "<loc>") >= 610);
    assert!(xml.contains("/c/grills</loc>"));
    let (_, robots) = get("/robots.txt").await;
    assert!(robots.contains("Sitemap: http://127.0.0.1:"));

    let res = client()
        .get(format!("{}/img/hose-1/2e7d32.svg", server().base))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::OK);
    assert_eq!(res.headers()["content-type"], "image/svg+xml");
    assert!(res.headers()["cache-control"]
        .to_str()
        .unwrap()
        .contains("immutable"));

    let res = client()
        .get(format!("{}/c/grills", server().base))
        .header("accept-encoding", "br")
        .send()
        .await
        .unwrap();
    assert_eq!(res.headers()["content-encoding"], "br");
    let res = client()
        .get(format!("{}/c/grills", server().base))
        .header("accept-encoding", "gzip")
        .send()
        .await
        .unwrap();
    assert_eq!(res.headers()["content-encoding"], "gzip");
}
