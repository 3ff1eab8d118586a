//! The shop on a real Vendure (`--backend vendure`): Vendure 3.7 started by
//! `scripts/vendure.sh` on a free 127.0.0.1 port with a fresh copy of its
//! own sample catalog, and an omnistore server in front of it.

use super::accounts::{expect_cart_event, Shopper, PASSWORD};
use super::{client, count, omnistore, serve, trace_to_file};
use omnistore_components::model::Problem;
use omnistore_server::vendure::VendureConfig;
use omnistore_server::ServeConfig;
use reqwest::StatusCode;
use serde_json::{json, Value};
use std::process::{Child, Command, Stdio};
use std::sync::OnceLock;
use std::time::{Duration, Instant};

/// How long omnistore keeps what it read from Vendure, in these tests.
const TTL: Duration = Duration::from_secs(2);

struct VendureShop {
    /// omnistore, on Vendure.
    base: String,
    /// Vendure itself.
    vendure: String,
    port: u16,
    process: Child,
    dir: tempfile::TempDir,
    /// omnistore's own database.
    db: String,
}

fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

/// Vendure and omnistore in front of it, once for the test binary.
fn shop() -> &'static VendureShop {
    static SHOP: OnceLock<VendureShop> = OnceLock::new();
    SHOP.get_or_init(|| start_shop(TTL))
}

/// Runs `scripts/vendure.sh` on `port` with the data in `dir` (the first
/// time: a fresh copy of the sample catalog with `sample`, else an empty
/// Vendure). Vendure exits by itself when this process is gone
/// (`VENDURE_PARENT_PID`).
fn start_vendure(port: u16, dir: &std::path::Path, sample: bool) -> Child {
    start_vendure_with(port, dir, sample, &[])
}

/// [`start_vendure`] with more of scripts/vendure/server.js's settings
/// (e.g. `VENDURE_IDS=uuid`).
fn start_vendure_with(
    port: u16,
    dir: &std::path::Path,
    sample: bool,
    env: &[(&str, &str)],
) -> Child {
    let script = concat!(env!("CARGO_MANIFEST_DIR"), "/../scripts/vendure.sh");
    let log = std::fs::File::options()
        .create(true)
        .append(true)
        .open(dir.join("vendure.log"))
        .unwrap();
    let process = Command::new("bash")
        .arg(script)
        .arg("serve")
        .args(sample.then_some("--sample"))
        .args(["--port", &port.to_string(), "--data"])
        .arg(dir.join("vendure"))
        .env("VENDURE_PARENT_PID", std::process::id().to_string())
        .envs(env.iter().copied())
        .stdout(log.try_clone().unwrap())
        .stderr(log)
        .stdin(Stdio::null())
        .spawn()
        .expect("scripts/vendure.sh");
    wait_for_vendure(
        &format!("http://127.0.0.1:{port}"),
        &dir.join("vendure.log"),
    );
    process
}

/// A pair whose catalog answers are kept for `ttl`.
fn start_shop(ttl: Duration) -> VendureShop {
    trace_to_file();
    let dir = tempfile::tempdir().expect("temp dir");
    let port = free_port();
    let process = start_vendure(port, dir.path(), true);
    let vendure = format!("http://127.0.0.1:{port}");
    let db = crate::test_database(dir.path(), "omnistore");
    let mail = dir.path().join("mail");
    let base = serve(ServeConfig {
        addr: "127.0.0.1:0".parse().unwrap(),
        database_url: db.clone(),
        pool: Default::default(),
        demo: true,
        public_url: None,
        site_root: "target/site".into(),
        mail_dir: mail,
        smtp: None,
        release: None,
        catalog_poll: Duration::from_millis(50),
        stock_alert_poll: Duration::from_secs(3600),
        reminder_poll: std::time::Duration::from_secs(3600),
        recommend_refresh: std::time::Duration::from_secs(3600),
        page_cache: true,
        vendure: Some(VendureConfig {
            url: vendure.clone(),
            admin_user: "superadmin".into(),
            admin_password: "superadmin".into(),
            cache_ttl: ttl,
            asset_url: None,
        }),
        trusted_proxies: Vec::new(),
    });
    VendureShop {
        base,
        vendure,
        port,
        process,
        dir,
        db,
    }
}

/// Vendure answers its Shop API; a first run installs it (minutes), so
/// the wait is long, and the log is shown if it never comes up. (On a
/// thread of its own: the caller may be inside a test's runtime.)
fn wait_for_vendure(url: &str, log: &std::path::Path) {
    let url = url.to_string();
    let up = std::thread::spawn(move || {
        let rt = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .unwrap();
        rt.block_on(async {
            let probe = reqwest::Client::builder()
                .timeout(Duration::from_secs(2))
                .build()
                .unwrap();
            let started = Instant::now();
            while started.elapsed() < Duration::from_secs(900) {
                let answer = probe
                    .post(format!("{url}/shop-api"))
                    .json(&json!({ "query": "{ activeChannel { code } }" }))
                    .send()
                    .await;
                if answer.is_ok_and(|r| r.status().is_success()) {
                    return true;
                }
                tokio::time::sleep(Duration::from_millis(250)).await;
            }
            false
        })
    })
    .join()
    .unwrap();
    assert!(
        up,
        "Vendure did not start: {}",
        std::fs::read_to_string(log).unwrap_or_default()
    );
}

async fn get(path: &str) -> (StatusCode, String) {
    get_from(&shop().base, path).await
}

async fn get_from(base: &str, path: &str) -> (StatusCode, String) {
    let res = client().get(format!("{base}{path}")).send().await.unwrap();
    let status = res.status();
    (status, res.text().await.unwrap())
}

/// The Admin API as the superadmin, for changing the shop behind
/// omnistore's back.
async fn admin(query: &str, variables: Value) -> Value {
    let http = client();
    let url = format!("{}/admin-api", shop().vendure);
    let login = http
        .post(&url)
        .json(&json!({ "query": "mutation { login(username: \"superadmin\", password: \"superadmin\") { ... on CurrentUser { id } } }" }))
        .send()
        .await
        .unwrap();
    let token = login.headers()["vendure-auth-token"]
        .to_str()
        .unwrap()
        .to_string();
    let answer: Value = http
        .post(&url)
        .bearer_auth(token)
        .json(&json!({ "query": query, "variables": variables }))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert!(answer.get("errors").is_none(), "{answer}");
    answer["data"].clone()
}

/// Polls `path` until its page contains one of `needles`, for at most a
/// few times the cache's time to live.
async fn eventually_contains(path: &str, needles: &[&str]) -> String {
    let started = Instant::now();
    loop {
        let (status, body) = get(path).await;
        if status == StatusCode::OK && needles.iter().any(|n| body.contains(n)) {
            return body;
        }
        assert!(
            started.elapsed() < TTL * 5,
            "{path} never showed {needles:?} (last: {status})"
        );
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
}

#[tokio::test]
async fn home_and_menu_show_vendures_catalog() {
    let (status, body) = get("/").await;
    assert_eq!(status, StatusCode::OK);
    // Vendure's collections are the menu, parents before their children.
    let electronics = body
        .find("/c/electronics")
        .expect("Electronics in the menu");
    let computers = body.find("/c/computers").expect("Computers in the menu");
    assert!(electronics < computers);
    assert!(body.contains("/c/home-garden"), "Home & Garden in the menu");
    // None of the built-in demo catalog is there.
    assert!(!body.contains("/c/lighting"));
    // Every picture on the page is one omnistore draws (collections too).
    let images: Vec<&str> = body
        .match_indices("src=\"/img/")
        .map(|(i, _)| {
            let rest = &body[i + 5..];
            &rest[..rest.find('"').unwrap()]
        })
        .collect();
    assert!(!images.is_empty());
    for src in images {
        assert_eq!(get(src).await.0, StatusCode::OK, "{src}");
    }
}

#[tokio::test]
async fn a_listing_is_a_collection_with_filters_sorts_and_pages() {
    let (status, body) = get("/c/electronics?sort=price-asc").await;
    assert_eq!(status, StatusCode::OK);
    // Vendure's sample shop prices in US dollars, with tax as shown.
    assert!(body.contains("$"), "dollar prices");
    let cards = count(&body, "href=\"/p/");
    assert!(cards >= 20, "{cards} cards");
    // Cheapest first: the first card's price is not above the second's.
    let prices: Vec<i64> = body
        .match_indices("$")
        .filter_map(|(i, _)| {
            let digits: String = body[i + 1..]
                .chars()
                .take_while(|c| c.is_ascii_digit() || *c == ',' || *c == '.')
                .filter(|c| c.is_ascii_digit())
                .collect();
            digits.parse().ok()
        })
        .collect();
    assert!(prices.len() >= 2, "{prices:?}");
    assert!(
        prices.windows(2).take(5).all(|w| w[0] <= w[1]),
        "{prices:?}"
    );

    // A price filter (major units) keeps only what is within it.
    let (_, cheap) = get("/c/electronics?max=50").await;
    let (_, all) = get("/c/electronics").await;
    let n_cheap = count(&cheap, "href=\"/p/");
    let n_all = count(&all, "href=\"/p/");
    assert!(n_cheap < n_all, "{n_cheap} of {n_all}");

    // An unknown collection is a 404, a page out of range a 400.
    assert_eq!(get("/c/no-such-collection").await.0, StatusCode::NOT_FOUND);
    assert_eq!(
        get("/c/electronics?page=0").await.0,
        StatusCode::BAD_REQUEST
    );
}

#[tokio::test]
async fn a_product_page_shows_vendures_variants_prices_and_stock() {
    let (status, body) = get("/p/laptop").await;
    assert_eq!(status, StatusCode::OK);
    assert!(body.contains("Laptop"));
    // Options other than colour are one axis: "13 inch / 8GB".
    assert!(body.contains("13 inch / 8GB"), "variant labels");
    // Price with tax, formatted for English: $1,558.80.
    assert!(body.contains("$1,558.80"), "price");
    // Vendure's sample has 100 units of each variant in its default
    // location, which stocks the online shop.
    assert!(!body.contains("Out of stock"), "in stock online");
    assert_eq!(get("/p/no-such-product").await.0, StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn search_finds_products_and_a_sku_goes_to_its_variant() {
    let (status, body) = get("/search?q=laptop").await;
    assert_eq!(status, StatusCode::OK);
    assert!(body.contains("href=\"/p/laptop"), "the laptop is found");
    let res = client()
        .get(format!("{}/search?q=L2201508", shop().base))
        .send()
        .await
        .unwrap();
    assert!(res.status().is_redirection(), "{}", res.status());
    let to = res.headers()["location"].to_str().unwrap();
    assert!(to.starts_with("/p/laptop"), "{to}");
    assert!(to.contains("variant=2"), "{to}");
}

#[tokio::test]
async fn changes_made_in_vendure_show_within_the_cache_time() {
    // A product created through Vendure's Admin API, in a collection the
    // sample's filters put it in (facet "Electronics").
    let facet: Value = admin(
        "{ facetValues(options: { filter: { name: { eq: \"Electronics\" } } }) { items { id } } }",
        json!({}),
    )
    .await;
    let facet_id = facet["facetValues"]["items"][0]["id"].clone();
    let product = admin(
        "mutation($f: [ID!]) { createProduct(input: { facetValueIds: $f, translations: [{
            languageCode: en, name: \"Omnistore Test Radio\", slug: \"omnistore-test-radio\",
            description: \"A radio made by a test\" }] }) { id } }",
        json!({ "f": [facet_id] }),
    )
    .await;
    let product_id = product["createProduct"]["id"].clone();
    let variants = admin(
        "mutation($p: ID!) { createProductVariants(input: [{ productId: $p, sku: \"OT-RADIO-1\",
            price: 4200, stockOnHand: 5, translations: [{ languageCode: en, name: \"Radio\" }] }]) { id } }",
        json!({ "p": product_id }),
    )
    .await;
    let variant_id = variants["createProductVariants"][0]["id"].clone();

    eventually_contains("/c/electronics?sort=name", &["omnistore-test-radio"]).await;
    eventually_contains("/search?q=Omnistore+Test+Radio", &["omnistore-test-radio"]).await;
    // 42.00 before tax; the sample's standard rate is 20%.
    let page = eventually_contains("/p/omnistore-test-radio", &["Omnistore Test Radio"]).await;
    assert!(page.contains("$50.40"), "the price with tax");

    // Its price changed in Vendure changes on the page.
    admin(
        "mutation($v: ID!) { updateProductVariants(input: [{ id: $v, price: 9900 }]) { id } }",
        json!({ "v": variant_id }),
    )
    .await;
    let page = eventually_contains("/p/omnistore-test-radio", &["$118.80"]).await;
    assert!(!page.contains("$50.40"));
}

/// The `src` of every `<img>` with `class` on `page`.
fn image_sources<'a>(page: &'a str, class: &str) -> Vec<&'a str> {
    page.match_indices("<img")
        .map(|(i, _)| &page[i..i + page[i..].find('>').unwrap()])
        .filter(|tag| tag.contains(&format!("class=\"{class}\"")))
        .map(|tag| {
            let src = &tag[tag.find("src=\"").expect("a src") + 5..];
            &src[..src.find('"').unwrap()]
        })
        .collect()
}

/// Fetches a photograph omnistore serves and checks it is a picture.
async fn assert_photo(base: &str, src: &str) {
    assert!(src.starts_with("/media/"), "{src}");
    let res = client().get(format!("{base}{src}")).send().await.unwrap();
    assert_eq!(res.status(), StatusCode::OK, "{src}");
    let kind = res.headers()["content-type"].to_str().unwrap().to_string();
    assert!(kind.starts_with("image/"), "{src}: {kind}");
    assert_eq!(res.headers()["cache-control"], "public, max-age=86400");
    let bytes = res.bytes().await.unwrap();
    // JPEG, PNG or WebP, by their first bytes.
    assert!(
        bytes.starts_with(&[0xff, 0xd8, 0xff])
            || bytes.starts_with(b"\x89PNG")
            || (bytes.starts_with(b"RIFF") && &bytes[8..12] == b"WEBP"),
        "{src}: {} bytes that are no picture",
        bytes.len()
    );
}

#[tokio::test]
async fn vendures_photographs_are_served_by_omnistore_and_never_linked() {
    let shop = shop();
    let vendure_assets = format!("{}/assets", shop.vendure);
    // The sample's products have photographs: cards show them.
    let (status, listing) = get("/c/electronics").await;
    assert_eq!(status, StatusCode::OK);
    let (cards, drawn): (Vec<&str>, Vec<&str>) = image_sources(&listing, "os-product-card__image")
        .into_iter()
        .partition(|src| src.starts_with("/media/"));
    assert!(cards.len() >= 20, "{cards:?}");
    // A product without one (another test creates such) keeps a drawing.
    assert!(
        drawn.iter().all(|src| src.starts_with("/img/")),
        "{drawn:?}"
    );
    // Each product its own.
    let mut distinct = cards.clone();
    distinct.sort();
    distinct.dedup();
    assert_eq!(distinct.len(), cards.len(), "{cards:?}");
    for src in cards.iter().take(3) {
        assert_photo(&shop.base, src).await;
    }
    // The product page and search results too; no page names Vendure's
    // asset server.
    let (_, product) = get("/p/laptop").await;
    let main = image_sources(&product, "os-product__image");
    assert_eq!(main.len(), 1, "{main:?}");
    assert_photo(&shop.base, main[0]).await;
    let (_, search) = get("/search?q=camera").await;
    assert!(!image_sources(&search, "os-product-card__image").is_empty());
    for page in [&listing, &product, &search] {
        assert!(
            !page.contains(&vendure_assets),
            "a page links Vendure's assets"
        );
        assert!(!page.contains(&format!(":{}/", shop.port)));
    }

    // A cart line shows the photograph of what was added.
    let found = admin(
        "{ products(options: { filter: { slug: { eq: \"laptop\" } } }) { items { variants { id } } } }",
        json!({}),
    )
    .await;
    let laptop: i64 = found["products"]["items"][0]["variants"][0]["id"]
        .as_str()
        .unwrap()
        .parse()
        .unwrap();
    let shopper = Shopper::visit(&shop.base).await;
    assert_eq!(shopper.add(laptop, 1).await.0, StatusCode::OK);
    let cart = shopper.cart().await;
    let line_image = cart["lines"][0]["image"].as_str().unwrap().to_string();
    assert_photo(&shop.base, &line_image).await;
    let (_, cart_page) = shopper.get("/cart").await;
    assert_eq!(
        image_sources(&cart_page, "os-cart-line__image"),
        [line_image.as_str()]
    );

    // Only pictures on Vendure's asset server, by a plain path: anything
    // else is a 404, never a request elsewhere.
    for path in [
        "/media/preview/no-such-photo__preview.jpg",
        "/media/..%2Fshop-api",
        "/media/preview/%2e%2e/%2e%2e/shop-api",
        "/media/preview/x.jpg%3Fpreset%3Dlarge",
        "/media/",
    ] {
        assert_eq!(get(path).await.0, StatusCode::NOT_FOUND, "{path}");
    }
}

#[tokio::test]
async fn vendure_down_is_a_clear_503_and_the_shop_comes_back_by_itself() {
    // A pair of its own: this test stops its Vendure.
    // Kept long enough that a slow machine still reads the listing warm.
    let ttl = Duration::from_secs(5);
    let mut own = start_shop(ttl);
    assert_eq!(get_from(&own.base, "/c/computers").await.0, StatusCode::OK);
    let (status, body) = get_from(&own.base, "/healthz").await;
    assert_eq!(
        (status, body.as_str()),
        (StatusCode::OK, "ok\ndatabase: ok\nvendure: ok\n")
    );
    let (_, laptop) = get_from(&own.base, "/p/laptop").await;
    let photo = image_sources(&laptop, "os-product__image")[0].to_string();
    assert_photo(&own.base, &photo).await;
    own.process.kill().unwrap();
    own.process.wait().unwrap();
    // Warm, the listing costs no round trip: it is served without Vendure.
    assert_eq!(get_from(&own.base, "/c/computers").await.0, StatusCode::OK);
    // What was read before is kept for the time to live; after it, every
    // page that needs Vendure says the shop is unavailable.
    tokio::time::sleep(ttl + Duration::from_millis(500)).await;
    for path in ["/c/computers", "/p/laptop", "/search?q=tablet", "/"] {
        let (status, body) = get_from(&own.base, path).await;
        assert_eq!(status, StatusCode::SERVICE_UNAVAILABLE, "{path}");
        assert!(
            body.contains("temporarily unavailable") && body.contains("Your cart is safe"),
            "{path}: {body}"
        );
    }
    // The health check names what failed.
    let (status, body) = get_from(&own.base, "/healthz").await;
    assert_eq!(status, StatusCode::SERVICE_UNAVAILABLE);
    assert!(
        body.contains("vendure: unavailable") && body.contains("database: ok"),
        "{body}"
    );
    // A photograph cannot be fetched either: 503, not a broken 404.
    assert_eq!(
        get_from(&own.base, &photo).await.0,
        StatusCode::SERVICE_UNAVAILABLE
    );
    // omnistore's own parts do not need Vendure: the store locator works.
    assert_eq!(get_from(&own.base, "/stores").await.0, StatusCode::OK);

    // Vendure back on the same port and data: the shop works again by itself.
    own.process = start_vendure(own.port, own.dir.path(), true);
    let started = Instant::now();
    loop {
        if get_from(&own.base, "/c/computers").await.0 == StatusCode::OK {
            break;
        }
        assert!(
            started.elapsed() < Duration::from_secs(30),
            "the shop did not come back"
        );
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
}

/// The quantity of `sku` in a cart's JSON, over its lines.
fn units_of(cart: &Value, sku: &str) -> u64 {
    cart["lines"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|l| l["sku"] == sku)
        .map(|l| l["quantity"].as_u64().unwrap())
        .sum()
}

/// Vendure's id of the variant with `sku`, and sets its stock on hand.
async fn variant_with_stock(sku: &str, on_hand: i64) -> i64 {
    let found = admin(
        "query($s: String!) { productVariants(options: { filter: { sku: { eq: $s } } }) { items { id } } }",
        json!({ "s": sku }),
    )
    .await;
    let id = found["productVariants"]["items"][0]["id"]
        .as_str()
        .unwrap()
        .to_string();
    admin(
        "mutation($v: ID!, $n: Int!) { updateProductVariants(input: [{ id: $v, stockOnHand: $n }]) { id } }",
        json!({ "v": id, "n": on_hand }),
    )
    .await;
    id.parse().unwrap()
}

#[tokio::test]
async fn the_cart_is_vendures_active_order() {
    let base = &shop().base;
    // The sample's "Cruiser Skateboard" (SKU 799872520), used by this test only.
    let board = variant_with_stock("799872520", 100).await;
    let shopper = Shopper::visit(base).await;
    let (s, update) = shopper.add(board, 2).await;
    assert_eq!(s, StatusCode::OK, "{update}");
    let cart = shopper.cart().await;
    assert_eq!(units_of(&cart, "799872520"), 2, "{cart}");
    assert_eq!(cart["lines"][0]["unit_price"]["currency"], "Usd");

    // Vendure holds it: an active order with those units.
    let orders = admin(
        "{ orders(options: { filter: { active: { eq: true } }, take: 100 }) {
             items { lines { quantity productVariant { sku } } } } }",
        json!({}),
    )
    .await;
    let held: u64 = orders["orders"]["items"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|o| o["lines"].as_array().unwrap().clone())
        .filter(|l| l["productVariant"]["sku"] == "799872520")
        .map(|l| l["quantity"].as_u64().unwrap())
        .sum();
    assert_eq!(held, 2, "{orders}");

    // The header counts it on every page.
    let (_, home) = shopper.get("/").await;
    assert!(home.contains("data-count=\"2\""), "the badge counts 2");

    // Set, an idempotent change sent twice, and remove.
    let (s, _) = shopper
        .json(
            "/api/cart/apply",
            json!({ "op": { "Set": { "variant_id": board, "quantity": 5 } }, "key": "vendure-set-5" }),
        )
        .await;
    assert_eq!(s, StatusCode::OK);
    let again =
        json!({ "op": { "Add": { "variant_id": board, "quantity": 1 } }, "key": "vendure-add-1" });
    assert_eq!(
        shopper.json("/api/cart/apply", again.clone()).await.0,
        StatusCode::OK
    );
    assert_eq!(
        shopper.json("/api/cart/apply", again).await.0,
        StatusCode::OK
    );
    assert_eq!(units_of(&shopper.cart().await, "799872520"), 6);
    let (s, _) = shopper
        .form("/api/cart/remove", &[("variant_id", &board.to_string())])
        .await;
    assert_eq!(s, StatusCode::OK);
    assert_eq!(units_of(&shopper.cart().await, "799872520"), 0);

    // The 1-99 rule is omnistore's, whatever the platform.
    let (s, body) = shopper.add(board, 120).await;
    assert_eq!(s, StatusCode::BAD_REQUEST, "{body}");
}

#[tokio::test]
async fn stock_clamps_the_cart_and_a_price_change_reaches_it() {
    let base = &shop().base;
    // The sample's "Tent", with 3 units left.
    let tent = variant_with_stock("2000023510", 3).await;
    let shopper = Shopper::visit(base).await;
    let (s, update) = shopper.add(tent, 5).await;
    assert_eq!(s, StatusCode::OK, "{update}");
    assert_eq!(
        update["notice"],
        json!({ "Clamped": { "requested": 5, "got": 3 } }),
        "{update}"
    );
    assert_eq!(units_of(&shopper.cart().await, "2000023510"), 3);

    // The price changed in Vendure is the cart's price (carts are never cached).
    admin(
        "mutation($v: ID!) { updateProductVariants(input: [{ id: $v, price: 10000 }]) { id } }",
        json!({ "v": tent.to_string() }),
    )
    .await;
    let cart = shopper.cart().await;
    assert_eq!(cart["lines"][0]["unit_price"]["minor"], 12000, "{cart}");
    assert!(cart["lines"][0]["price_was"]["minor"].is_number(), "{cart}");
}

#[tokio::test]
async fn the_guest_cart_merges_at_sign_in_and_other_devices_hear_of_changes() {
    let base = &shop().base;
    let ball = variant_with_stock("WTB1418XB06", 100).await;
    let email = super::accounts::unique_email("vendure-merge");
    let laptop = Shopper::visit(base).await;
    laptop.register(&email).await;
    let mut events = laptop.response("/api/v1/cart/events").await;
    assert_eq!(events.status(), StatusCode::OK);

    // On the phone, as a guest, then signed in: the guest's units move over.
    let phone = Shopper::visit(base).await;
    phone.add(ball, 2).await;
    let (s, body) = phone.login(&email, PASSWORD).await;
    assert!(s.is_success() || s.is_redirection(), "{s} {body}");
    assert_eq!(units_of(&phone.cart().await, "WTB1418XB06"), 2);
    assert_eq!(units_of(&laptop.cart().await, "WTB1418XB06"), 2);
    expect_cart_event(&mut events).await;
}

#[tokio::test]
async fn pickup_lines_are_kept_apart_from_delivery() {
    let base = &shop().base;
    let shoe = variant_with_stock("RS0044", 50).await;
    let shopper = Shopper::visit(base).await;
    shopper.add(shoe, 3).await;
    // Pickup is at "my store": none chosen yet, so the units stay.
    let (s, body) = shopper
        .json(
            "/api/cart/apply",
            json!({ "op": { "Move": { "variant_id": shoe, "from": "Delivery", "to": "Pickup" } } }),
        )
        .await;
    assert_eq!(s, StatusCode::BAD_REQUEST, "{body}");
    let store = choose_store(&shopper, "Krak%C3%B3w").await;
    let (s, body) = shopper
        .json(
            "/api/cart/apply",
            json!({ "op": { "Move": { "variant_id": shoe, "from": "Delivery", "to": "Pickup" } } }),
        )
        .await;
    assert_eq!(s, StatusCode::OK, "{body}");
    shopper.add(shoe, 1).await;
    let cart = shopper.cart().await;
    let lines = cart["lines"].as_array().unwrap();
    let by = |f: &str| {
        lines
            .iter()
            .find(|l| l["fulfilment"] == f)
            .map(|l| l["quantity"].as_u64().unwrap())
    };
    assert_eq!((by("Pickup"), by("Delivery")), (Some(3), Some(1)), "{cart}");
    assert_eq!(cart["pickup_store"]["slug"], store);
}

#[tokio::test]
async fn a_kiosk_scan_finds_a_vendure_sku() {
    let res = client()
        .get(format!(
            "{}/kiosk/krakow-bonarka/scan?code=l2201508",
            shop().base
        ))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    assert_eq!(res.headers()["location"], "/p/laptop?variant=2");
    // A code no variant has goes back to the kiosk with the reason.
    let res = client()
        .get(format!(
            "{}/kiosk/krakow-bonarka/scan?code=NO-SUCH-SKU",
            shop().base
        ))
        .send()
        .await
        .unwrap();
    let to = res.headers()["location"].to_str().unwrap();
    assert!(
        to.starts_with("/kiosk/krakow-bonarka/shop?") && to.contains("problem="),
        "{to}"
    );
}

#[tokio::test]
async fn a_stock_location_named_as_a_store_is_that_stores_shelf() {
    let base = &shop().base;
    let shopper = Shopper::visit(base).await;
    let (_, stores) = shopper.get("/api/v1/stores?q=Pozna%C5%84&limit=1").await;
    let stores: Value = serde_json::from_str(&stores).unwrap();
    let store = stores["stores"][0]["slug"].as_str().unwrap().to_string();
    // In Vendure: a stock location named as the store, 7 cacti on its shelf.
    let location = admin(
        "mutation($n: String!) { createStockLocation(input: { name: $n }) { id } }",
        json!({ "n": store }),
    )
    .await;
    let cactus = variant_with_stock("SC011001", 100).await;
    admin(
        "mutation($v: ID!, $l: ID!) { updateProductVariants(input: [{ id: $v,
            stockLevels: [{ stockLocationId: $l, stockOnHand: 7 }] }]) { id } }",
        json!({ "v": cactus.to_string(), "l": location["createStockLocation"]["id"] }),
    )
    .await;
    eventually_contains("/p/spiky-cactus", &["In stock in 1 store"]).await;

    // With it as "my store", the listing shows the shelf, and "only at my
    // store" keeps what is on it.
    let (s, body) = shopper.form("/api/my-store", &[("store", &store)]).await;
    assert!(s.is_success() || s.is_redirection(), "{s} {body}");
    let started = Instant::now();
    loop {
        let (s, page) = shopper.get("/c/plants?mystore=1").await;
        assert_eq!(s, StatusCode::OK);
        if page.contains("At my store: 7") {
            assert!(page.contains("href=\"/p/spiky-cactus"));
            assert_eq!(
                count(&page, "href=\"/p/"),
                1,
                "only the cactus is on the shelf"
            );
            break;
        }
        assert!(started.elapsed() < TTL * 5, "the shelf never showed");
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
}

/// A last name no other test uses: Vendure's Admin API finds orders by it.
fn unique_last_name(tag: &str) -> String {
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_nanos();
    format!("{tag}{nanos}")
}

/// Vendure's orders of the customer with this last name.
async fn vendure_orders(last: &str) -> Vec<Value> {
    let found = admin(
        "query($n: String!) { orders(options: { filter: { customerLastName: { eq: $n } } }) {
            items { id code state active totalWithTax
                    customer { emailAddress }
                    lines { quantity productVariant { sku } }
                    shippingLines { shippingMethod { code } }
                    payments { state } fulfillments { state trackingCode } } } }",
        json!({ "n": last }),
    )
    .await;
    found["orders"]["items"].as_array().unwrap().clone()
}

/// Sends the checkout form as `Ola <last>`.
async fn place_as(
    s: &Shopper,
    key: &str,
    last: &str,
    slot: Option<i64>,
    extra: &[(&str, &str)],
) -> (StatusCode, String) {
    let name = format!("Ola {last}");
    let email = format!("{}@example.com", last.to_lowercase());
    let slot = slot.map(|t| t.to_string()).unwrap_or_default();
    let mut form = vec![
        ("key", key),
        ("email", email.as_str()),
        ("name", name.as_str()),
        ("phone", "+48 600 100 200"),
        ("slot", slot.as_str()),
    ];
    form.extend_from_slice(extra);
    s.form("/api/checkout", &form).await
}

/// Makes the first store found for `city` (URL-encoded) the shopper's
/// store; its slug.
async fn choose_store(shopper: &Shopper, city: &str) -> String {
    let (_, stores) = shopper
        .get(&format!("/api/v1/stores?q={city}&limit=1"))
        .await;
    let stores: Value = serde_json::from_str(&stores).unwrap();
    let store = stores["stores"][0]["slug"].as_str().unwrap().to_string();
    let (s, body) = shopper.form("/api/my-store", &[("store", &store)]).await;
    assert!(s.is_success() || s.is_redirection(), "{s} {body}");
    store
}

/// A shopper whose store is the first found for `city`, with `quantity`
/// units of `variant` in the cart for pickup there.
async fn pickup_shopper(city: &str, variant: i64, quantity: u32) -> (Shopper, String) {
    let shopper = Shopper::visit(&shop().base).await;
    let store = choose_store(&shopper, city).await;
    let (s, body) = shopper
        .form(
            "/api/cart/add",
            &[
                ("variant_id", &variant.to_string()),
                ("quantity", &quantity.to_string()),
                ("fulfilment", "pickup"),
            ],
        )
        .await;
    assert!(s.is_success(), "{s} {body}");
    (shopper, store)
}

/// Places the shopper's pickup cart in the first free slot: the order's
/// number and link.
async fn place_pickup(shopper: &Shopper, last: &str) -> (i64, String) {
    let v = super::stores::checkout_view(shopper).await;
    let slot = v["pickup"]["slots"][0]["starts_at"].as_i64();
    assert!(slot.is_some(), "a free slot: {v}");
    let (s, body) = place_as(shopper, v["key"].as_str().unwrap(), last, slot, &[]).await;
    assert_eq!(s, StatusCode::CREATED, "{body}");
    let placed: Value = serde_json::from_str(&body).unwrap();
    (
        placed["number"].as_i64().unwrap(),
        placed["href"].as_str().unwrap().to_string(),
    )
}

/// The order at `href` (a guest's link carries its key) as JSON.
async fn order_json(s: &Shopper, href: &str) -> (StatusCode, Value) {
    let (path, key) = href.split_once("?key=").unwrap_or((href, ""));
    let number = path.trim_start_matches("/orders/");
    let (status, body) = s
        .get(&format!("/api/orders/one?number={number}&key={key}"))
        .await;
    (status, serde_json::from_str(&body).unwrap_or_default())
}

async fn staff_move(staff: &Shopper, store: &str, number: i64, to: &str) -> (StatusCode, String) {
    staff
        .form(
            "/api/staff/move",
            &[
                ("store", store),
                ("number", &number.to_string()),
                ("to", to),
            ],
        )
        .await
}

async fn staff() -> Shopper {
    let staff = Shopper::visit(&shop().base).await;
    let (s, body) = staff
        .login("staff@omnistore.test", "staff-demo-password")
        .await;
    assert!(s.is_success() || s.is_redirection(), "{s} {body}");
    staff
}

#[tokio::test]
async fn a_pickup_order_is_a_vendure_order_that_staff_hand_over() {
    let bonsai = variant_with_stock("B01MXFLUSV", 40).await;
    let (shopper, store) = pickup_shopper("Krak%C3%B3w", bonsai, 2).await;
    let last = unique_last_name("Pickup");
    let v = super::stores::checkout_view(&shopper).await;
    let key = v["key"].as_str().unwrap().to_string();
    let slot = v["pickup"]["slots"][0]["starts_at"].as_i64();
    let (s, body) = place_as(&shopper, &key, &last, slot, &[]).await;
    assert_eq!(s, StatusCode::CREATED, "{body}");
    let placed: Value = serde_json::from_str(&body).unwrap();
    let number = placed["number"].as_i64().unwrap();
    let href = placed["href"].as_str().unwrap().to_string();
    // The same form sent again is the same order, in omnistore and in Vendure.
    let (s, again) = place_as(&shopper, &key, &last, slot, &[]).await;
    assert_eq!(s, StatusCode::CREATED, "{again}");
    assert_eq!(
        serde_json::from_str::<Value>(&again).unwrap()["number"],
        number
    );
    let orders = vendure_orders(&last).await;
    assert_eq!(orders.len(), 1, "{orders:?}");
    let placed = &orders[0];
    assert_eq!(placed["active"], false, "{placed}");
    assert_eq!(placed["state"], "PaymentAuthorized", "{placed}");
    assert_eq!(
        placed["shippingLines"][0]["shippingMethod"]["code"],
        "omnistore-pickup"
    );
    assert_eq!(placed["lines"][0]["productVariant"]["sku"], "B01MXFLUSV");
    assert_eq!(placed["lines"][0]["quantity"], 2);
    assert_eq!(
        placed["customer"]["emailAddress"],
        format!("{}@example.com", last.to_lowercase())
    );

    // The cart is empty, on Vendure too.
    assert_eq!(shopper.cart().await["lines"], json!([]));

    // The order, for its owner only: Vendure's lines and total, with the
    // store, slot and pickup code that are omnistore's.
    let (s, view) = order_json(&shopper, &href).await;
    assert_eq!(s, StatusCode::OK, "{view}");
    assert_eq!(view["total"]["minor"], placed["totalWithTax"], "{view}");
    assert_eq!(view["total"]["currency"], "Usd");
    assert_eq!(view["lines"][0]["sku"], "B01MXFLUSV");
    assert_eq!(view["lines"][0]["quantity"], 2);
    assert_eq!(view["lines"][0]["fulfilment"], "Pickup");
    assert_eq!(view["pickup_store"]["slug"], store);
    assert_eq!(view["payment"], "pay_at_pickup");
    let code = view["pickup_code"].as_str().unwrap().to_string();
    let (s, page) = shopper.get(&href).await;
    assert_eq!(s, StatusCode::OK);
    assert!(
        page.contains("Bonsai Tree") && page.contains(&code),
        "{page}"
    );
    let stranger = Shopper::visit(&shop().base).await;
    assert_eq!(
        stranger.get(&format!("/orders/{number}")).await.0,
        StatusCode::NOT_FOUND
    );

    // The staff desk: "ready" is a Vendure fulfilment with the pickup code;
    // "collected" settles the payment and delivers it.
    let staff = staff().await;
    let (s, desk) = staff.get(&format!("/staff/{store}/orders")).await;
    assert_eq!(s, StatusCode::OK);
    assert!(desk.contains(&format!("data-order=\"{number}\"")));
    let (s, body) = staff_move(&staff, &store, number, "collected").await;
    assert_eq!(s, StatusCode::CONFLICT, "collected only when ready: {body}");
    assert_eq!(vendure_orders(&last).await[0]["fulfillments"], json!([]));
    let (s, body) = staff_move(&staff, &store, number, "ready").await;
    assert_eq!(s, StatusCode::OK, "{body}");
    let ready = &vendure_orders(&last).await[0];
    assert_eq!(ready["fulfillments"][0]["trackingCode"], code.as_str());
    let (s, body) = staff_move(&staff, &store, number, "collected").await;
    assert_eq!(s, StatusCode::OK, "{body}");
    let collected = &vendure_orders(&last).await[0];
    assert_eq!(collected["state"], "Delivered", "{collected}");
    assert_eq!(collected["payments"][0]["state"], "Settled");
    let view = order_json(&shopper, &href).await.1;
    assert_eq!(view["status"], "Collected");

    // Vendure refunds its own orders: no return form here, and a return
    // sent anyway is refused with why.
    assert_eq!(view["returnable"], json!([]), "{view}");
    let mut form = vec![
        ("number", number.to_string()),
        ("key", "return-form-vendure-01".to_string()),
        ("method", "store".to_string()),
        ("units[0]", "1".to_string()),
    ];
    if let Some(key) = href.split("key=").nth(1) {
        form.push(("order_key", key.to_string()));
    }
    let form: Vec<(&str, &str)> = form.iter().map(|(k, v)| (*k, v.as_str())).collect();
    let (s, body) = shopper.form("/api/orders/return", &form).await;
    assert_eq!(s, StatusCode::CONFLICT, "{body}");
    assert_eq!(
        super::refused(&body),
        omnistore_components::model::Problem::ReturnsNotHere
    );
}

#[tokio::test]
async fn a_delivery_order_pays_through_vendure_and_a_declined_card_keeps_the_cart() {
    use omnistore_components::model::{Decline, Problem};
    let tripod = variant_with_stock("B00XI87KV8", 40).await;
    let shopper = Shopper::visit(&shop().base).await;
    shopper.add(tripod, 1).await;
    let last = unique_last_name("Delivery");
    let v = super::stores::checkout_view(&shopper).await;
    let key = v["key"].as_str().unwrap().to_string();
    let address = [
        ("street", "ul. Długa 5"),
        ("postcode", "00-950"),
        ("city", "Warszawa"),
    ];
    let mut declined = address.to_vec();
    declined.push(("payment", "card-decline"));
    let (s, body) = place_as(&shopper, &key, &last, None, &declined).await;
    assert_eq!(s, StatusCode::CONFLICT, "{body}");
    assert_eq!(
        super::refused(&body),
        Problem::PaymentDeclined {
            reason: Decline::Declined
        }
    );
    // Nothing was placed; the cart is as it was, and can still change.
    let orders = vendure_orders(&last).await;
    assert_eq!(orders.len(), 1, "{orders:?}");
    assert_eq!(orders[0]["active"], true, "{orders:?}");
    assert_eq!(orders[0]["state"], "AddingItems");
    let (s, body) = shopper.add(tripod, 1).await;
    assert_eq!(s, StatusCode::OK, "{body}");
    assert_eq!(units_of(&shopper.cart().await, "B00XI87KV8"), 2);

    // With a good card it is placed and paid, with Vendure's delivery.
    let mut ok = address.to_vec();
    ok.push(("payment", "card-ok"));
    let (s, body) = place_as(&shopper, &key, &last, None, &ok).await;
    assert_eq!(s, StatusCode::CREATED, "{body}");
    let href = serde_json::from_str::<Value>(&body).unwrap()["href"]
        .as_str()
        .unwrap()
        .to_string();
    let placed = &vendure_orders(&last).await[0];
    assert_eq!(placed["active"], false, "{placed}");
    assert_eq!(placed["lines"][0]["quantity"], 2);
    assert_ne!(
        placed["shippingLines"][0]["shippingMethod"]["code"],
        "omnistore-pickup"
    );
    let (s, view) = order_json(&shopper, &href).await;
    assert_eq!(s, StatusCode::OK, "{view}");
    assert_eq!(view["payment"], "paid");
    assert_eq!(view["total"]["minor"], placed["totalWithTax"]);
    let lines: i64 = view["lines"]
        .as_array()
        .unwrap()
        .iter()
        .map(|l| l["unit_price"]["minor"].as_i64().unwrap() * l["quantity"].as_i64().unwrap())
        .sum();
    assert!(
        view["total"]["minor"].as_i64().unwrap() > lines,
        "Vendure's total includes its delivery: {view}"
    );
    assert_eq!(view["delivery_address"]["city"], "Warszawa");
}

#[tokio::test]
async fn cancelled_and_uncollected_pickups_are_cancelled_in_vendure() {
    use omnistore_components::backend::OrderBackend;
    let pot = variant_with_stock("A58477", 40).await;
    let (first, store) = pickup_shopper("Krak%C3%B3w", pot, 1).await;
    let cancelled = unique_last_name("Cancelled");
    let (number, _) = place_pickup(&first, &cancelled).await;
    let (second, _) = pickup_shopper("Krak%C3%B3w", pot, 1).await;
    let uncollected = unique_last_name("Uncollected");
    let (late, late_href) = place_pickup(&second, &uncollected).await;

    let staff = staff().await;
    let (s, body) = staff_move(&staff, &store, number, "cancelled").await;
    assert_eq!(s, StatusCode::OK, "{body}");
    assert_eq!(vendure_orders(&cancelled).await[0]["state"], "Cancelled");

    // Three days after its slot, the other one expires: cancelled in
    // Vendure (its stock goes back there), expired in omnistore.
    let own = omnistore_server::storage::SqlStore::connect(&shop().db)
        .await
        .unwrap();
    sqlx::query("UPDATE orders SET slot_starts_at = slot_starts_at - 10 * 86400 WHERE id = $1")
        .bind(late)
        .execute(own.pool())
        .await
        .unwrap();
    let vendure = omnistore_server::vendure::Vendure::new(
        &VendureConfig {
            url: shop().vendure.clone(),
            admin_user: "superadmin".into(),
            admin_password: "superadmin".into(),
            cache_ttl: TTL,
            asset_url: None,
        },
        own,
    )
    .unwrap();
    let expired = vendure
        .expire_orders(chrono::Utc::now().timestamp())
        .await
        .unwrap();
    assert_eq!(expired, 1);
    assert_eq!(vendure_orders(&uncollected).await[0]["state"], "Cancelled");
    assert_eq!(order_json(&second, &late_href).await.1["status"], "Expired");
}

/// Vendure's customer with this e-mail: name, verification, addresses and orders.
async fn vendure_customer(email: &str) -> Value {
    let found = admin(
        "query($e: String!) { customers(options: { filter: { emailAddress: { eq: $e } } }) {
            items { id firstName lastName user { verified }
                    addresses { streetLine1 city }
                    orders { items { code state active } } } } }",
        json!({ "e": email }),
    )
    .await;
    found["customers"]["items"][0].clone()
}

/// Whether Vendure's own Shop API takes this e-mail and password.
async fn vendure_accepts(email: &str, password: &str) -> bool {
    let answer: Value = client()
        .post(format!("{}/shop-api", shop().vendure))
        .json(&json!({
            "query": "mutation($u: String!, $p: String!) { authenticate(input: { native: { username: $u, password: $p } }) { __typename } }",
            "variables": { "u": email, "p": password },
        }))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    answer["data"]["authenticate"]["__typename"] == "CurrentUser"
}

#[tokio::test]
async fn accounts_are_vendure_customers() {
    let base = &shop().base;
    let email = super::accounts::unique_email("vendure-account");
    let phone = Shopper::visit(base).await;
    phone.register(&email).await;
    let customer = vendure_customer(&email).await;
    assert_eq!(
        (&customer["firstName"], &customer["lastName"]),
        (&json!("Ala"), &json!("Test")),
        "{customer}"
    );
    assert_eq!(customer["user"]["verified"], true);
    assert!(vendure_accepts(&email, PASSWORD).await);

    // Signing in is Vendure's check.
    let laptop = Shopper::visit(base).await;
    assert_eq!(
        laptop.login(&email, "wrong password!").await.0,
        StatusCode::UNAUTHORIZED
    );
    let (s, body) = laptop.login(&email, PASSWORD).await;
    assert!(s.is_success() || s.is_redirection(), "{s} {body}");

    // A new password is Vendure's, and the other sessions end.
    let (s, _) = phone
        .change_password("wrong password!", "another long one")
        .await;
    assert_eq!(s, StatusCode::FORBIDDEN);
    let (s, body) = phone.change_password(PASSWORD, "another long one").await;
    assert_eq!(s, StatusCode::OK, "{body}");
    assert!(vendure_accepts(&email, "another long one").await);
    assert!(!vendure_accepts(&email, PASSWORD).await);
    assert_eq!(laptop.get("/api/account").await.0, StatusCode::UNAUTHORIZED);

    // The address book is Vendure's; another customer's id changes nothing.
    let (s, id) = phone.save_address("", "Długa 1").await;
    assert_eq!(s, StatusCode::OK, "{id}");
    let id: String = serde_json::from_str(&id).expect("Vendure's id, as text");
    assert_eq!(
        vendure_customer(&email).await["addresses"],
        json!([{ "streetLine1": "Długa 1", "city": "Warszawa" }])
    );
    let stranger = Shopper::visit(base).await;
    stranger
        .register(&super::accounts::unique_email("vendure-stranger"))
        .await;
    let (s, _) = stranger
        .form("/api/account/address/delete", &[("id", &id.to_string())])
        .await;
    assert!(s.is_client_error(), "{s}");
    let (s, body) = phone
        .form("/api/account/address/delete", &[("id", &id.to_string())])
        .await;
    assert_eq!(s, StatusCode::OK, "{body}");
    assert_eq!(vendure_customer(&email).await["addresses"], json!([]));

    // A new name and e-mail are Vendure's too.
    let renamed = super::accounts::unique_email("vendure-renamed");
    let (s, body) = phone
        .form(
            "/api/account/profile",
            &[
                ("name", "Ala Nowak"),
                ("email", &renamed),
                ("language", "pl"),
                ("store", ""),
            ],
        )
        .await;
    assert_eq!(s, StatusCode::OK, "{body}");
    assert_eq!(vendure_customer(&renamed).await["lastName"], "Nowak");
}

#[tokio::test]
async fn a_signed_in_customer_orders_as_their_vendure_customer() {
    let base = &shop().base;
    let rope = variant_with_stock("B07CNGXVXT", 40).await;
    let email = super::accounts::unique_email("vendure-buyer");
    let shopper = Shopper::visit(base).await;
    shopper.register(&email).await;
    shopper.add(rope, 2).await;
    let v = super::stores::checkout_view(&shopper).await;
    // The form's e-mail is not the account's: the order is the signed-in
    // customer's all the same.
    let (s, body) = place_as(
        &shopper,
        v["key"].as_str().unwrap(),
        &unique_last_name("Buyer"),
        None,
        &[
            ("street", "ul. Długa 5"),
            ("postcode", "00-950"),
            ("city", "Warszawa"),
            ("payment", "card-ok"),
        ],
    )
    .await;
    assert_eq!(s, StatusCode::CREATED, "{body}");
    let number = serde_json::from_str::<Value>(&body).unwrap()["number"]
        .as_i64()
        .unwrap();
    let customer = vendure_customer(&email).await;
    let placed: Vec<&Value> = customer["orders"]["items"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|o| o["active"] == false)
        .collect();
    assert_eq!(placed.len(), 1, "{customer}");
    assert_eq!(placed[0]["state"], "PaymentAuthorized");
    let (s, mine) = shopper.get("/api/orders/mine").await;
    assert_eq!(s, StatusCode::OK);
    let mine: Value = serde_json::from_str(&mine).unwrap();
    assert_eq!(mine[0]["number"], number, "{mine}");
}

#[tokio::test]
async fn a_kiosk_hands_its_vendure_cart_to_a_phone_once() {
    let base = &shop().base;
    // A sample variant no other test uses: the 40th.
    let found = admin(
        "{ productVariants(options: { skip: 40, take: 1, sort: { id: ASC } }) { items { sku } } }",
        json!({}),
    )
    .await;
    let sku = found["productVariants"]["items"][0]["sku"]
        .as_str()
        .unwrap()
        .to_string();
    let variant = variant_with_stock(&sku, 100).await;

    let kiosk = super::kiosk::start(base, "krakow-bonarka").await;
    let (s, body) = kiosk.form("/api/kiosk/handoff", &[]).await;
    assert_eq!(
        s,
        StatusCode::BAD_REQUEST,
        "an empty cart has nothing to send: {body}"
    );
    kiosk.add(variant, 2).await;
    let crate::kiosk::Handed { token, taken } = crate::kiosk::hand_off(&kiosk).await;
    let token = token.as_str();
    assert_eq!(kiosk.get(&taken).await.1, "false");

    // A signed-in customer's phone: the kiosk's units join their cart,
    // which Vendure holds as their active order.
    let email = super::accounts::unique_email("vendure-handoff");
    let phone = Shopper::visit(base).await;
    phone.register(&email).await;
    let (s, page) = phone.get(&format!("/handoff/{token}")).await;
    assert_eq!(s, StatusCode::OK);
    assert!(page.contains("2 items"), "the phone sees what waits");
    let (s, body) = phone.form("/api/handoff/accept", &[("token", token)]).await;
    assert_eq!(s, StatusCode::OK, "{body}");
    assert_eq!(units_of(&phone.cart().await, &sku), 2);
    assert_eq!(kiosk.get(&taken).await.1, "true");
    assert_eq!(
        units_of(&kiosk.cart().await, &sku),
        0,
        "the kiosk's cart is done with"
    );
    let customer = vendure_customer(&email).await;
    assert!(
        customer["orders"]["items"]
            .as_array()
            .unwrap()
            .iter()
            .any(|o| o["active"] == true),
        "{customer}"
    );

    // Once only.
    let other = Shopper::visit(base).await;
    let (s, body) = other.form("/api/handoff/accept", &[("token", token)]).await;
    assert_eq!(s, StatusCode::GONE, "{body}");
    assert_eq!(super::refused(&body), Problem::HandoffUsed);
    assert_eq!(units_of(&other.cart().await, &sku), 0);

    // A customer signed in at the kiosk hands over to a guest's phone: the
    // units move, and the customer's own cart is emptied for their next visit.
    let kiosk = super::kiosk::start(base, "krakow-bonarka").await;
    let (s, body) = kiosk.login(&email, PASSWORD).await;
    assert!(s.is_success() || s.is_redirection(), "{s} {body}");
    assert_eq!(
        units_of(&kiosk.cart().await, &sku),
        2,
        "their cart, on every device"
    );
    let token = crate::kiosk::hand_off(&kiosk).await.token;
    let token = token.as_str();
    let guest = Shopper::visit(base).await;
    let (s, body) = guest.form("/api/handoff/accept", &[("token", token)]).await;
    assert_eq!(s, StatusCode::OK, "{body}");
    assert_eq!(units_of(&guest.cart().await, &sku), 2);
    assert_eq!(units_of(&phone.cart().await, &sku), 0);
}

/// Stops a Vendure of a test's own when the test ends, passed or not.
struct Stopped(Child);

impl Drop for Stopped {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

/// The schema.org Product of a product page, without what names this
/// server (its origin, the drawing, the variant ids in the offers' links).
fn product_facts(page: &str) -> Value {
    let start = page
        .find("{\"@context\":\"https://schema.org\",\"@type\":\"Product\"")
        .unwrap_or_else(|| panic!("no Product JSON-LD in {page}"));
    let mut facts: Value = serde_json::Deserializer::from_str(&page[start..])
        .into_iter::<Value>()
        .next()
        .unwrap()
        .unwrap();
    facts.as_object_mut().unwrap().remove("image");
    for offer in facts["offers"].as_array_mut().unwrap() {
        offer.as_object_mut().unwrap().remove("url");
    }
    facts
}

/// A demo shop twice: on the built-in back end, and on a fresh Vendure of
/// its own (started with `env`) filled by `vendure-seed`, each with its own
/// copy of the same stores. Vendure stops when the guard is dropped.
struct SeededPair {
    builtin: String,
    on_vendure: String,
    vendure_url: String,
    _vendure: Stopped,
    _dir: tempfile::TempDir,
}

const SEED_SHAPE: [&str; 4] = ["--products", "24", "--stores", "3"];

fn seeded_pair(env: &[(&str, &str)]) -> SeededPair {
    let dir = tempfile::tempdir().unwrap();
    let port = free_port();
    let vendure = Stopped(start_vendure_with(port, dir.path(), false, env));
    let url = format!("http://127.0.0.1:{port}");
    let seeded = omnistore(
        &[
            &["vendure-seed", "--vendure-url", url.as_str()][..],
            &SEED_SHAPE,
        ]
        .concat(),
    );
    assert!(
        seeded.status.success(),
        "{}",
        String::from_utf8_lossy(&seeded.stderr)
    );
    // (Made twice rather than copied: a copy could miss what is still in the WAL.)
    let demo = |url: &str| {
        let made = omnistore(&[&["demo", "--database-url", url][..], &SEED_SHAPE].concat());
        assert!(
            made.status.success(),
            "{}",
            String::from_utf8_lossy(&made.stderr)
        );
    };
    let builtin_db = crate::test_database(dir.path(), "builtin");
    let vendure_db = crate::test_database(dir.path(), "on_vendure");
    demo(&builtin_db);
    demo(&vendure_db);
    let config = |db: &str, vendure: Option<VendureConfig>| ServeConfig {
        addr: "127.0.0.1:0".parse().unwrap(),
        database_url: db.to_string(),
        pool: Default::default(),
        demo: false,
        public_url: None,
        site_root: "target/site".into(),
        mail_dir: dir.path().join("mail"),
        smtp: None,
        release: None,
        catalog_poll: Duration::from_millis(50),
        stock_alert_poll: Duration::from_secs(3600),
        reminder_poll: std::time::Duration::from_secs(3600),
        recommend_refresh: std::time::Duration::from_secs(3600),
        page_cache: true,
        vendure,
        trusted_proxies: Vec::new(),
    };
    let builtin = serve(config(&builtin_db, None));
    let on_vendure = serve(config(
        &vendure_db,
        Some(VendureConfig {
            url: url.clone(),
            admin_user: "superadmin".into(),
            admin_password: "superadmin".into(),
            cache_ttl: TTL,
            asset_url: None,
        }),
    ));
    SeededPair {
        builtin,
        on_vendure,
        vendure_url: url,
        _vendure: vendure,
        _dir: dir,
    }
}

#[tokio::test]
async fn vendure_seed_makes_a_fresh_vendure_the_same_shop_as_the_built_in_one() {
    let pair = seeded_pair(&[]);
    let (builtin, on_vendure) = (pair.builtin.clone(), pair.on_vendure.clone());
    // A Vendure with a catalog is not seeded over.
    let again = omnistore(
        &[
            &["vendure-seed", "--vendure-url", pair.vendure_url.as_str()][..],
            &SEED_SHAPE,
        ]
        .concat(),
    );
    let said = String::from_utf8_lossy(&again.stderr);
    assert!(!again.status.success());
    assert!(said.contains("already has 24 products"), "{said}");

    // What `demo` and `vendure-seed` both made (their default seed).
    let catalog = omnistore_server::demo::generate(&omnistore_server::demo::DemoSize {
        products: 24,
        stores: 3,
        seed: omnistore_server::demo::DemoSize::default().seed,
    });

    // The same menu, the same products in each category, and every product
    // page the same: names, brand, description, category, and each
    // variant's SKU, EAN, price and availability (in English and Polish).
    let links = |page: &str, prefix: &str| -> Vec<String> {
        page.split(&format!("href=\"{prefix}"))
            .skip(1)
            .map(|rest| rest[..rest.find('"').unwrap()].to_string())
            .collect()
    };
    let (_, home) = get_from(&builtin, "/").await;
    let (_, vendure_home) = get_from(&on_vendure, "/").await;
    let categories = links(&home, "/c/");
    assert_eq!(links(&vendure_home, "/c/"), categories);
    let mut categories = categories;
    categories.sort();
    categories.dedup();
    assert_eq!(categories.len(), catalog.categories.len());
    let mut products = Vec::new();
    for category in &categories {
        let (s, page) = get_from(&builtin, &format!("/c/{category}")).await;
        assert_eq!(s, StatusCode::OK);
        let (s, vendure_page) = get_from(&on_vendure, &format!("/c/{category}")).await;
        assert_eq!(s, StatusCode::OK, "{category}: {vendure_page}");
        let mut listed = links(&page, "/p/");
        let mut vendure_listed = links(&vendure_page, "/p/");
        listed.sort();
        listed.dedup();
        vendure_listed.sort();
        vendure_listed.dedup();
        assert_eq!(vendure_listed, listed, "{category}");
        products.extend(listed);
    }
    assert_eq!(products.len(), catalog.products.len());
    for language in ["en", "pl"] {
        for product in &products {
            let read = |base: String| async move {
                let res = client()
                    .get(format!("{base}/p/{product}"))
                    .header("accept-language", language)
                    .send()
                    .await
                    .unwrap();
                assert_eq!(res.status(), StatusCode::OK, "{base}/p/{product}");
                product_facts(&res.text().await.unwrap())
            };
            assert_eq!(
                read(on_vendure.clone()).await,
                read(builtin.clone()).await,
                "{product} in {language}"
            );
        }
    }

    // Each store's shelf is its stock location: "only at my store" lists the
    // same products with the same units on both back ends.
    let mine = &catalog.locations[1];
    assert_eq!(mine.kind, "store");
    let at_mine = |shopper: Shopper| async move {
        let (s, body) = shopper
            .form("/api/my-store", &[("store", &mine.slug)])
            .await;
        assert!(s.is_success() || s.is_redirection(), "{s} {body}");
        shopper
    };
    let all_categories = &categories;
    let shelf = |base: String| async move {
        let shopper = at_mine(Shopper::visit(&base).await).await;
        let mut seen = Vec::new();
        for category in all_categories {
            let (_, page) = shopper.get(&format!("/c/{category}?mystore=1")).await;
            let mut listed = links(&page, "/p/");
            listed.sort();
            seen.push((listed, count(&page, "At my store: ")));
        }
        seen
    };
    let builtin_shelf = shelf(builtin.clone()).await;
    assert!(builtin_shelf.iter().any(|(listed, _)| !listed.is_empty()));
    assert_eq!(shelf(on_vendure.clone()).await, builtin_shelf);

    // A variant that is not on my store's shelf but is on another store's:
    // both back ends offer that store for the pickup (the nearest that has it).
    let mine_at = 1;
    let on_shelf = |at: usize, p: usize, v: usize| {
        catalog
            .stock
            .iter()
            .any(|&(l, sp, sv, n)| (l, sp, sv) == (at, p, v) && n > 0)
    };
    let (p, v) = catalog
        .stock
        .iter()
        .find(|&&(l, p, v, n)| {
            l != mine_at
                && catalog.locations[l].kind == "store"
                && n > 0
                && !on_shelf(mine_at, p, v)
        })
        .map(|&(_, p, v, _)| (p, v))
        .expect("a variant on another store's shelf only");
    let ean = &catalog.products[p].variants[v].ean;
    let plan = |base: String| async move {
        let shopper = at_mine(Shopper::visit(&base).await).await;
        let res = client()
            .get(format!("{base}/kiosk/{}/scan?code={ean}", mine.slug))
            .send()
            .await
            .unwrap();
        let to = res.headers()["location"].to_str().unwrap().to_string();
        let variant = to.rsplit("variant=").next().unwrap().to_string();
        let (s, body) = shopper
            .form(
                "/api/cart/add",
                &[
                    ("variant_id", &variant),
                    ("quantity", "1"),
                    ("fulfilment", "pickup"),
                ],
            )
            .await;
        assert!(s.is_success(), "{s} {body}");
        let view = super::stores::checkout_view(&shopper).await;
        let pickup = &view["pickup"];
        assert_eq!(pickup["missing"], json!([variant]), "{view}");
        pickup["alternative"][0]["slug"].clone()
    };
    let builtin_offer = plan(builtin.clone()).await;
    assert!(builtin_offer.is_string(), "another store is offered");
    assert_eq!(plan(on_vendure.clone()).await, builtin_offer);

    // The kiosk finds a variant by its EAN (Vendure's `ean` field).
    let wanted = &catalog.products[5];
    let res = client()
        .get(format!(
            "{on_vendure}/kiosk/{}/scan?code={}",
            mine.slug, wanted.variants[0].ean
        ))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    let to = res.headers()["location"].to_str().unwrap();
    assert!(
        to.starts_with(&format!("/p/{}?variant=", wanted.slug)),
        "{to}"
    );
}

/// The variant a kiosk's scan of `ean` at `store` leads to (its `?variant=`).
async fn scanned_variant(base: &str, store: &str, ean: &str) -> String {
    let res = client()
        .get(format!("{base}/kiosk/{store}/scan?code={ean}"))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    let to = res.headers()["location"].to_str().unwrap();
    to.rsplit_once("variant=").expect("a variant").1.to_string()
}

#[tokio::test]
async fn ids_are_opaque_text_so_a_vendure_with_uuids_is_the_same_shop() {
    let pair = seeded_pair(&[("VENDURE_IDS", "uuid")]);
    let catalog = omnistore_server::demo::generate(&omnistore_server::demo::DemoSize {
        products: 24,
        stores: 3,
        seed: omnistore_server::demo::DemoSize::default().seed,
    });
    // A variant on my store's shelf (and, most likely, on others').
    let mine_at = 1;
    let mine = &catalog.locations[mine_at].slug;
    let &(_, p, v, _) = catalog
        .stock
        .iter()
        .find(|&&(l, _, _, n)| l == mine_at && n > 0)
        .expect("something on my store's shelf");
    let product = &catalog.products[p];
    let ean = &product.variants[v].ean;
    let uuid = scanned_variant(&pair.on_vendure, mine, ean).await;
    assert_eq!(uuid.len(), 36, "Vendure's id is a UUID: {uuid}");
    assert!(uuid.parse::<i64>().is_err());
    let number = scanned_variant(&pair.builtin, mine, ean).await;
    assert!(number.parse::<i64>().is_ok(), "{number}");

    // The product page links each variant by its UUID.
    let (s, page) = get_from(&pair.on_vendure, &format!("/p/{}", product.slug)).await;
    assert_eq!(s, StatusCode::OK);
    assert!(page.contains(&format!("?variant={uuid}")), "{page}");
    let (s, page) = get_from(
        &pair.on_vendure,
        &format!("/p/{}?variant={uuid}", product.slug),
    )
    .await;
    assert_eq!(s, StatusCode::OK);
    assert_eq!(
        product_facts(&page),
        product_facts(
            &get_from(
                &pair.builtin,
                &format!("/p/{}?variant={number}", product.slug)
            )
            .await
            .1
        )
    );

    // The cart holds it by its UUID, which comes back as text; stock at my
    // store and the nearest other stores that have it are Vendure's stock
    // locations, and the same as the built-in shop's.
    let shopper = Shopper::visit(&pair.on_vendure).await;
    let (s, body) = shopper.form("/api/my-store", &[("store", mine)]).await;
    assert!(s.is_success() || s.is_redirection(), "{s} {body}");
    let (s, body) = shopper
        .form("/api/cart/add", &[("variant_id", &uuid), ("quantity", "2")])
        .await;
    assert_eq!(s, StatusCode::OK, "{body}");
    let cart = shopper.cart().await;
    assert_eq!(cart["lines"][0]["variant_id"], uuid.as_str(), "{cart}");
    assert_eq!(cart["lines"][0]["quantity"], 2);
    let local = |base: String, id: String| async move {
        let shopper = Shopper::visit(&base).await;
        let (s, body) = shopper.form("/api/my-store", &[("store", mine)]).await;
        assert!(s.is_success() || s.is_redirection(), "{s} {body}");
        let (s, body) = shopper
            .get(&format!("/api/stores/stock?variants={id}"))
            .await;
        assert_eq!(s, StatusCode::OK, "{body}");
        let mut v: Value = serde_json::from_str(&body).unwrap();
        assert_eq!(v["variants"][0]["variant_id"], id.as_str(), "{body}");
        v["variants"][0]["variant_id"].take();
        v["variants"][0].clone()
    };
    let on_vendure = local(pair.on_vendure.clone(), uuid.clone()).await;
    assert!(on_vendure["units"].as_u64().unwrap() > 0, "{on_vendure}");
    assert_eq!(
        on_vendure,
        local(pair.builtin.clone(), number.clone()).await
    );
    let (s, body) = shopper
        .form("/api/cart/remove", &[("variant_id", &uuid)])
        .await;
    assert_eq!(s, StatusCode::OK, "{body}");
    assert_eq!(shopper.cart().await["lines"], json!([]));

    // A saved address's id is Vendure's UUID too.
    shopper
        .register(&super::accounts::unique_email("vendure-uuid"))
        .await;
    let (s, id) = shopper.save_address("", "Długa 1").await;
    assert_eq!(s, StatusCode::OK, "{id}");
    let id: String = serde_json::from_str(&id).expect("the id, as text");
    assert_eq!(id.len(), 36, "{id}");
    let (s, body) = shopper
        .form("/api/account/address/delete", &[("id", &id)])
        .await;
    assert_eq!(s, StatusCode::OK, "{body}");

    // Text that cannot be an id is a 400 on either back end, and an id of
    // another platform names nothing in the built-in shop.
    for base in [&pair.on_vendure, &pair.builtin] {
        let shopper = Shopper::visit(base).await;
        for bad in ["", "a b", "1&x=2"] {
            let (s, body) = shopper
                .form("/api/cart/add", &[("variant_id", bad), ("quantity", "1")])
                .await;
            assert_eq!(s, StatusCode::BAD_REQUEST, "{bad:?}: {body}");
        }
    }
    let shopper = Shopper::visit(&pair.builtin).await;
    let (s, body) = shopper
        .form("/api/cart/add", &[("variant_id", &uuid), ("quantity", "1")])
        .await;
    assert_eq!(s, StatusCode::BAD_REQUEST, "{body}");
    assert!(body.contains("unknown_variant"), "{body}");
}
