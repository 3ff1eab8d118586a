//! Stores, "my store", pickup checkout and orders over HTTP: the locator
//! API, contention on stock and slot capacity (no oversell), idempotent
//! checkout, expiry, order privacy, the staff desk and the outbox.

use super::accounts::{db, stocked_variants, unique_email, Shopper, PASSWORD};
use super::{server, start_server, Server};
use futures::future::join_all;
use omnistore_components::backend::is_token;
use omnistore_components::model::{Decline, Problem};
use reqwest::StatusCode;
use serde_json::Value;
use std::time::Duration;

async fn api(path: &str) -> (StatusCode, Value) {
    let res = reqwest::get(format!("{}{path}", server().base))
        .await
        .unwrap();
    let status = res.status();
    (status, res.json().await.unwrap_or(Value::Null))
}

/// A store opened by another process (an import, another instance, SQL by
/// hand) is found by the locator of a running server within its poll
/// (SQLite) or at once (PostgreSQL tells every instance), and so is a
/// change of its name.
#[tokio::test]
async fn a_store_opened_elsewhere_reaches_the_running_locator() {
    let server = start_server();
    let find = |q: &'static str| {
        let base = server.base.clone();
        async move {
            let body: Value = reqwest::get(format!("{base}/api/v1/stores?q={q}&limit=1"))
                .await
                .unwrap()
                .json()
                .await
                .unwrap();
            body["stores"][0]["name"].as_str().map(str::to_string)
        }
    };
    let wait_for = |q: &'static str, name: &'static str| async move {
        let started = std::time::Instant::now();
        while find(q).await.as_deref() != Some(name) {
            assert!(
                started.elapsed() < Duration::from_secs(10),
                "{name} never found"
            );
            tokio::time::sleep(Duration::from_millis(20)).await;
        }
    };
    assert_ne!(find("Wiktorowo").await.as_deref(), Some("Wiktorowo Rynek"));
    let pool = db(&server).await;
    let id: i64 = sqlx::query_scalar(
        "INSERT INTO locations (slug, kind, name, city, street, postcode, lat, lng, timezone,
         phone, services)
         VALUES ('wiktorowo-rynek', 'store', 'Wiktorowo Rynek', 'Wiktorowo', 'Rynek 1',
                 '99-999', 52.1, 19.1, 'Europe/Warsaw', '+48 22 000 00 00', 'pickup')
         RETURNING id",
    )
    .fetch_one(&pool)
    .await
    .unwrap();
    wait_for("Wiktorowo", "Wiktorowo Rynek").await;
    sqlx::query("UPDATE locations SET name = 'Wiktorowo Stary Rynek' WHERE id = $1")
        .bind(id)
        .execute(&pool)
        .await
        .unwrap();
    wait_for("Wiktorowo", "Wiktorowo Stary Rynek").await;
}

#[tokio::test]
async fn locator_api_nearest_first_and_by_text() {
    let (s, body) = api("/api/v1/stores?near=52.2297,21.0122&limit=3").await;
    assert_eq!(s, StatusCode::OK);
    let stores = body["stores"].as_array().unwrap();
    assert_eq!(stores.len(), 3);
    assert_eq!(stores[0]["city"], "Warszawa");
    let d: Vec<u64> = stores
        .iter()
        .map(|s| s["distance_m"].as_u64().unwrap())
        .collect();
    assert!(d.windows(2).all(|w| w[0] <= w[1]), "nearest first: {d:?}");
    // From Warszawa the Kraków Bonarka store (postcode 30-644) is ~250 km away.
    let (_, body) = api("/api/v1/stores?near=52.2297,21.0122&q=30-644&limit=1").await;
    let km = body["stores"][0]["distance_m"].as_u64().unwrap() / 1000;
    assert!((245..=260).contains(&km), "Warszawa–Kraków {km} km");
    // A city search lists that city's stores first (then other matches,
    // e.g. a street named after it).
    let (s, body) = api("/api/v1/stores?q=Krak%C3%B3w").await;
    assert_eq!(s, StatusCode::OK);
    let found = body["stores"].as_array().unwrap();
    assert!(found.len() >= 2);
    assert_eq!(found[0]["city"], "Kraków");
    let cities: Vec<&str> = found.iter().map(|s| s["city"].as_str().unwrap()).collect();
    let first_other = cities
        .iter()
        .position(|c| *c != "Kraków")
        .unwrap_or(cities.len());
    assert!(
        cities[first_other..].iter().all(|c| *c != "Kraków"),
        "{cities:?}"
    );
    // Today's hours and open-now come with every store.
    assert!(found[0]["status"].is_object());
}

#[tokio::test]
async fn locator_api_refuses_bad_input_with_400() {
    for (query, want) in [
        ("near=91,0", Problem::LatitudeOutOfRange),
        ("near=0,200", Problem::LongitudeOutOfRange),
        ("near=abc", Problem::BadNear),
        ("near=52,21&limit=0", Problem::LimitOutOfRange { max: 50 }),
        ("near=52,21&limit=51", Problem::LimitOutOfRange { max: 50 }),
        ("near=52,21&limit=x", Problem::LimitOutOfRange { max: 50 }),
        ("", Problem::NearOrQuery),
        (
            "near=52,21&radius=5",
            Problem::UnknownParameter {
                name: "radius".into(),
            },
        ),
    ] {
        let (s, body) = api(&format!("/api/v1/stores?{query}")).await;
        assert_eq!(s, StatusCode::BAD_REQUEST, "{query}");
        // The reason as data for programs, in words for people.
        let problem: Problem = serde_json::from_value(body["problem"].clone()).unwrap();
        assert_eq!(problem, want, "{query}");
        assert_eq!(body["error"], want.to_string(), "{query}");
    }
}

#[tokio::test]
async fn store_pages_and_my_store_moves_to_the_account_at_login() {
    let base = &server().base;
    let (_, body) = api("/api/v1/stores?q=krakow&limit=2").await;
    let slug = body["stores"][0]["slug"].as_str().unwrap().to_string();
    let other = body["stores"][1]["slug"].as_str().unwrap().to_string();
    let shopper = Shopper::visit(base).await;
    let (s, html) = shopper.get(&format!("/stores/{slug}")).await;
    assert_eq!(s, StatusCode::OK);
    assert!(
        html.contains("os-opening-hours__day--today"),
        "today is highlighted"
    );
    assert!(html.contains("Europe/Warsaw"));
    let (s, _) = shopper.get("/stores/no-such-store").await;
    assert_eq!(s, StatusCode::NOT_FOUND);
    let (s, html) = shopper.get("/stores?q=krakow").await;
    assert_eq!(s, StatusCode::OK);
    assert!(
        html.contains(&format!("store-{slug}")),
        "list and map anchors"
    );
    assert!(html.contains("os-store-map__marker"));
    let (s, _) = shopper.get("/stores?near=500,1").await;
    assert_eq!(s, StatusCode::BAD_REQUEST);

    // A guest's store lives in a cookie…
    let (s, body) = shopper.form("/api/my-store", &[("store", &slug)]).await;
    assert!(s.is_success(), "{s} {body}");
    assert_eq!(shopper.cookie("os_store").as_deref(), Some(slug.as_str()));
    let (s, _) = shopper.form("/api/my-store", &[("store", "nope")]).await;
    assert_eq!(s, StatusCode::BAD_REQUEST);
    let (_, session) = shopper.get("/api/session").await;
    let session: Value = serde_json::from_str(&session).unwrap();
    assert_eq!(session["my_store"]["slug"], slug.as_str());
    let (_, html) = shopper.get("/").await;
    assert!(html.contains("os-my-store__name"), "the header shows it");

    // Listings show my store's stock per card, and filter by it.
    let (s, all) = shopper.get("/c/garden-tools").await;
    assert_eq!(s, StatusCode::OK);
    assert!(
        all.contains("os-product-card__store"),
        "a stock badge per card"
    );
    let (s, mine) = shopper.get("/c/garden-tools?mystore=1").await;
    assert_eq!(s, StatusCode::OK);
    assert!(mine.contains("At my store: "));
    assert!(
        !mine.contains("Not at my store"),
        "only what is on the shelf"
    );
    assert!(
        super::total(&mine) < super::total(&all),
        "the filter narrows the list"
    );

    // …and moves to the account at login, where another device sees it.
    let email = unique_email("mystore");
    let customer = Shopper::visit(base).await;
    customer.register(&email).await;
    customer.form("/api/my-store", &[("store", &other)]).await;
    shopper.login(&email, PASSWORD).await;
    assert_eq!(shopper.cookie("os_store"), None, "the cookie is cleared");
    let (_, session) = customer.get("/api/session").await;
    let session: Value = serde_json::from_str(&session).unwrap();
    assert_eq!(session["my_store"]["slug"], slug.as_str());
}

/// A store and a variant with exactly `units` on that store's shelf and none
/// in the warehouse, the store taking `capacity` orders per slot.
pub(crate) async fn isolated_stock(server: &Server, units: i64, capacity: i64) -> (String, i64) {
    let pool = db(server).await;
    let (store, slug): (i64, String) = sqlx::query_as(
        "SELECT id, slug FROM locations WHERE kind = 'store' AND slug LIKE 'krakow%'
         ORDER BY id LIMIT 1",
    )
    .fetch_one(&pool)
    .await
    .unwrap();
    let variant: i64 = sqlx::query_scalar(
        "SELECT v.id FROM variants v WHERE NOT EXISTS (SELECT 1 FROM order_lines o
         WHERE o.variant_id = v.id)
         ORDER BY v.id DESC LIMIT 1 OFFSET $1",
    )
    .bind(units + capacity)
    .fetch_one(&pool)
    .await
    .unwrap();
    sqlx::query("DELETE FROM stock WHERE variant_id = $1")
        .bind(variant)
        .execute(&pool)
        .await
        .unwrap();
    sqlx::query("INSERT INTO stock (location_id, variant_id, on_hand) VALUES ($1, $2, $3)")
        .bind(store)
        .bind(variant)
        .bind(units)
        .execute(&pool)
        .await
        .unwrap();
    sqlx::query("UPDATE locations SET slot_capacity = $1 WHERE id = $2")
        .bind(capacity)
        .bind(store)
        .execute(&pool)
        .await
        .unwrap();
    (slug, variant)
}

pub(crate) async fn stock_of(server: &Server, variant: i64) -> (i64, i64) {
    sqlx::query_as("SELECT on_hand, reserved FROM stock WHERE variant_id = $1")
        .bind(variant)
        .fetch_one(&db(server).await)
        .await
        .unwrap()
}

/// A guest with one pickup unit of `variant` at `store` in the cart.
pub(crate) async fn pickup_guest(base: &str, store: &str, variant: i64) -> Shopper {
    let s = Shopper::visit(base).await;
    let (st, body) = s.form("/api/my-store", &[("store", store)]).await;
    assert!(st.is_success(), "{st} {body}");
    add_pickup(&s, variant).await;
    s
}

/// One unit of `variant` into the cart, for pickup at the shopper's store.
pub(crate) async fn add_pickup(s: &Shopper, variant: i64) {
    let (st, body) = s
        .form(
            "/api/cart/add",
            &[
                ("variant_id", &variant.to_string()),
                ("quantity", "1"),
                ("fulfilment", "pickup"),
            ],
        )
        .await;
    assert!(st.is_success(), "{st} {body}");
}

/// The checkout as the page gets it: a fresh key and the free slots.
pub(crate) async fn checkout_view(s: &Shopper) -> Value {
    let (st, body) = s.get("/api/checkout/view").await;
    assert_eq!(st, StatusCode::OK, "{body}");
    serde_json::from_str(&body).unwrap()
}

pub(crate) async fn place(
    s: &Shopper,
    key: &str,
    slot: Option<i64>,
    extra: &[(&str, &str)],
) -> (StatusCode, String) {
    let slot = slot.map(|t| t.to_string()).unwrap_or_default();
    let mut form = vec![
        ("key", key),
        ("email", "guest@example.com"),
        ("name", "Gość Testowy"),
        ("phone", "+48 600 100 200"),
        ("slot", slot.as_str()),
    ];
    form.extend_from_slice(extra);
    s.form("/api/checkout", &form).await
}

/// Places the shopper's cart for delivery to a Warsaw address, paid with the
/// test card that goes through.
pub(crate) async fn place_delivery(s: &Shopper) -> (StatusCode, String) {
    let view = checkout_view(s).await;
    let address = [
        ("street", "ul. Długa 5"),
        ("postcode", "00-950"),
        ("city", "Warszawa"),
        ("payment", "card-ok"),
    ];
    place(s, view["key"].as_str().unwrap(), None, &address).await
}

#[tokio::test]
async fn two_hundred_checkouts_for_ten_units_place_exactly_ten_orders() {
    let server = start_server();
    let (store, variant) = isolated_stock(&server, 10, 1000).await;
    let guests = join_all((0..200).map(|_| pickup_guest(&server.base, &store, variant))).await;
    let mut forms = Vec::new();
    for g in &guests {
        let v = checkout_view(g).await;
        let slot = v["pickup"]["slots"][0]["starts_at"]
            .as_i64()
            .expect("a free slot");
        forms.push((g.clone(), v["key"].as_str().unwrap().to_string(), slot));
    }
    let started = std::time::Instant::now();
    let results = join_all(
        forms
            .iter()
            .map(|(g, key, slot)| async move { place(g, key, Some(*slot), &[]).await }),
    )
    .await;
    let elapsed = started.elapsed();
    let placed = results
        .iter()
        .filter(|(s, _)| *s == StatusCode::CREATED)
        .count();
    let short = results
        .iter()
        .filter(|(s, b)| {
            let one_line_short =
                |p| matches!(p, Problem::NotEnoughStock { ref lines, .. } if lines.len() == 1);
            *s == StatusCode::CONFLICT && one_line_short(super::refused(b))
        })
        .count();
    let errors = results.iter().filter(|(s, _)| s.is_server_error()).count();
    println!("contention: {placed} orders placed / 200 attempts in {elapsed:?}");
    assert_eq!(
        errors,
        0,
        "no 5xx: {:?}",
        results.iter().find(|(s, _)| s.is_server_error())
    );
    assert_eq!(placed, 10);
    assert_eq!(short, 190);
    assert_eq!(
        stock_of(&server, variant).await,
        (10, 10),
        "all ten reserved, none twice"
    );
    let pool = db(&server).await;
    let ordered: i64 = sqlx::query_scalar(
        "SELECT CAST(COALESCE(SUM(quantity), 0) AS BIGINT) FROM order_lines WHERE variant_id = $1",
    )
    .bind(variant)
    .fetch_one(&pool)
    .await
    .unwrap();
    assert_eq!(ordered, 10);
    // The ten got an order each and an empty cart; the rest keep their carts.
    let empty = join_all(guests.iter().map(|g| g.cart()))
        .await
        .iter()
        .filter(|c| c["lines"].as_array().unwrap().is_empty())
        .count();
    assert_eq!(empty, 10);
}

#[tokio::test]
async fn slot_capacity_is_never_exceeded() {
    let server = start_server();
    let (store, variant) = isolated_stock(&server, 500, 7).await;
    let guests = join_all((0..40).map(|_| pickup_guest(&server.base, &store, variant))).await;
    let mut forms = Vec::new();
    for g in &guests {
        let v = checkout_view(g).await;
        let slot = v["pickup"]["slots"][0]["starts_at"].as_i64().unwrap();
        forms.push((g.clone(), v["key"].as_str().unwrap().to_string(), slot));
    }
    let slot = forms[0].2;
    assert!(
        forms.iter().all(|f| f.2 == slot),
        "everyone wants the earliest slot"
    );
    let results = join_all(
        forms
            .iter()
            .map(|(g, key, slot)| async move { place(g, key, Some(*slot), &[]).await }),
    )
    .await;
    let placed = results
        .iter()
        .filter(|(s, _)| *s == StatusCode::CREATED)
        .count();
    let full = results
        .iter()
        .filter(|(s, b)| *s == StatusCode::CONFLICT && super::refused(b) == Problem::SlotFull)
        .count();
    assert_eq!(
        results.iter().filter(|(s, _)| s.is_server_error()).count(),
        0
    );
    assert_eq!((placed, full), (7, 33));
    // Stock reserved only for the placed orders; the full slot is not offered.
    assert_eq!(stock_of(&server, variant).await, (500, 7));
    let refused = results
        .iter()
        .position(|(s, _)| *s == StatusCode::CONFLICT)
        .unwrap();
    let v = checkout_view(&guests[refused]).await;
    let offered: Vec<i64> = v["pickup"]["slots"]
        .as_array()
        .map(|a| a.iter().map(|s| s["starts_at"].as_i64().unwrap()).collect())
        .unwrap_or_default();
    assert!(!offered.contains(&slot), "a full slot is not offered");
}

#[tokio::test]
async fn one_checkout_submitted_twenty_times_makes_one_order() {
    let server = start_server();
    let (store, variant) = isolated_stock(&server, 5, 100).await;
    let g = pickup_guest(&server.base, &store, variant).await;
    let v = checkout_view(&g).await;
    let key = v["key"].as_str().unwrap().to_string();
    let slot = v["pickup"]["slots"][0]["starts_at"].as_i64().unwrap();
    let results = join_all((0..20).map(|_| place(&g, &key, Some(slot), &[]))).await;
    let numbers: std::collections::HashSet<i64> = results
        .iter()
        .map(|(s, b)| {
            assert!(s.is_success(), "{s} {b}");
            serde_json::from_str::<Value>(b).unwrap()["number"]
                .as_i64()
                .unwrap()
        })
        .collect();
    assert_eq!(numbers.len(), 1, "one order");
    assert_eq!(stock_of(&server, variant).await, (5, 1));
}

#[tokio::test]
async fn orders_are_private_expire_and_staff_move_them_along() {
    let server = start_server();
    let base = &server.base;
    let (store, variant) = isolated_stock(&server, 3, 100).await;

    // A customer orders for pickup.
    let alice = pickup_guest(base, &store, variant).await;
    alice.register(&unique_email("alice")).await;
    let v = checkout_view(&alice).await;
    assert_eq!(v["pay_at_pickup"], true);
    let slot = v["pickup"]["slots"][0]["starts_at"].as_i64().unwrap();
    let (s, body) = place(&alice, v["key"].as_str().unwrap(), Some(slot), &[]).await;
    assert_eq!(s, StatusCode::CREATED, "{body}");
    let link: Value = serde_json::from_str(&body).unwrap();
    let number = link["number"].as_i64().unwrap();
    assert_eq!(link["href"], format!("/orders/{number}"));
    let (s, html) = alice.get(&format!("/orders/{number}")).await;
    assert_eq!(s, StatusCode::OK);
    assert!(
        html.contains("os-qr-code") && html.contains("<path d=\"M"),
        "QR code"
    );
    let (_, account) = alice.get("/api/account").await;
    assert!(
        account.contains(&format!("\"number\":{number}")),
        "in the order history"
    );
    assert!(account.contains("\"channel\":\"Web\""));

    // Nobody else sees it: another customer, a guest, a wrong key.
    let bob = Shopper::visit(base).await;
    let (s, _) = bob.get(&format!("/orders/{number}")).await;
    assert_eq!(s, StatusCode::NOT_FOUND);
    bob.register(&unique_email("bob")).await;
    let (s, _) = bob.get(&format!("/api/orders/one?number={number}")).await;
    assert_eq!(s, StatusCode::NOT_FOUND);
    let (s, _) = bob
        .get(&format!("/orders/{number}?key={}", "ab".repeat(32)))
        .await;
    assert_eq!(s, StatusCode::NOT_FOUND);

    // A guest's order opens with its secret link only.
    let guest = pickup_guest(base, &store, variant).await;
    let v = checkout_view(&guest).await;
    let (s, body) = place(&guest, v["key"].as_str().unwrap(), Some(slot), &[]).await;
    assert_eq!(s, StatusCode::CREATED, "{body}");
    let glink: Value = serde_json::from_str(&body).unwrap();
    let href = glink["href"].as_str().unwrap();
    assert!(href.contains("?key="));
    let (s, _) = Shopper::visit(base).await.get(href).await;
    assert_eq!(s, StatusCode::OK, "the link works on any device");
    let gnumber = glink["number"].as_i64().unwrap();
    let (s, _) = Shopper::visit(base)
        .await
        .get(&format!("/orders/{gnumber}"))
        .await;
    assert_eq!(s, StatusCode::NOT_FOUND);
    assert_eq!(stock_of(&server, variant).await, (3, 2));

    // Staff only: shoppers get 403 at the desk.
    let (s, _) = bob.get(&format!("/api/staff/orders?store={store}")).await;
    assert_eq!(s, StatusCode::FORBIDDEN);
    let staff = Shopper::visit(base).await;
    let (s, body) = staff
        .login("staff@omnistore.test", "staff-demo-password")
        .await;
    assert!(s.is_success() || s.is_redirection(), "{s} {body}");
    let (s, html) = staff.get(&format!("/staff/{store}/orders")).await;
    assert_eq!(s, StatusCode::OK);
    assert!(html.contains(&format!("data-order=\"{number}\"")));
    let mv = |to: &'static str, n: i64| {
        let staff = staff.clone();
        let store = store.clone();
        async move {
            staff
                .form(
                    "/api/staff/move",
                    &[("store", &store), ("number", &n.to_string()), ("to", to)],
                )
                .await
        }
    };
    let (s, body) = mv("collected", number).await;
    assert_eq!(s, StatusCode::CONFLICT, "collect only when ready: {body}");
    // The desk is markup with plain forms (nav.js posts those marked
    // data-swap in place): a refused move comes back to the desk, worded.
    assert!(
        html.contains(
            r#"<form method="post" action="/api/staff/move" data-swap="" class="os-staff__form">"#
        ),
        "{html}"
    );
    assert_eq!(
        html.matches("<leptos-island ").count(),
        1,
        "the header's corner only: the desk needs no wasm of its own"
    );
    let back = staff
        .plain_form(
            "/api/staff/move",
            &format!("/staff/{store}/orders"),
            &[
                ("store", store.as_str()),
                ("number", &number.to_string()),
                ("to", "collected"),
            ],
        )
        .await;
    assert_eq!(back, format!("/staff/{store}/orders?error=status"));
    let (s, html) = staff.get(&back).await;
    assert_eq!(s, StatusCode::OK);
    assert!(
        html.contains("This order cannot make that move now"),
        "{html}"
    );
    assert_eq!(mv("ready", number).await.0, StatusCode::OK);
    assert_eq!(mv("collected", number).await.0, StatusCode::OK);
    assert_eq!(
        stock_of(&server, variant).await,
        (2, 1),
        "collected: off the shelf"
    );
    let (s, _) = mv("flying", number).await;
    assert_eq!(s, StatusCode::BAD_REQUEST);

    // The guest never comes: three days after the slot the stock returns.
    let pool = db(&server).await;
    sqlx::query("UPDATE orders SET slot_starts_at = slot_starts_at - 10 * 86400 WHERE id = $1")
        .bind(gnumber)
        .execute(&pool)
        .await
        .unwrap();
    let store_handle = omnistore_server::storage::SqlStore::connect(&server.db)
        .await
        .unwrap();
    use omnistore_components::backend::OrderBackend;
    let expired = store_handle
        .expire_orders(chrono::Utc::now().timestamp())
        .await
        .unwrap();
    assert_eq!(expired, 1);
    assert_eq!(stock_of(&server, variant).await, (2, 0), "stock returned");
    let status: String = sqlx::query_scalar("SELECT status FROM orders WHERE id = $1")
        .bind(gnumber)
        .fetch_one(&pool)
        .await
        .unwrap();
    assert_eq!(status, "expired");

    // Every status change reached the outbox and was written as an e-mail.
    let mut files = 0;
    for _ in 0..50 {
        files = std::fs::read_dir(&server.mail)
            .map(|d| d.count())
            .unwrap_or(0);
        if files >= 5 {
            break;
        }
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
    assert!(
        files >= 5,
        "placed ×2, ready, collected, expired: {files} files"
    );
}

#[tokio::test]
async fn switching_stores_releases_nothing_and_declined_payment_restores_the_cart() {
    let server = start_server();
    let base = &server.base;
    let (store, variant) = isolated_stock(&server, 4, 100).await;
    let g = pickup_guest(base, &store, variant).await;
    let v = checkout_view(&g).await;
    let slot = v["pickup"]["slots"][0]["starts_at"].as_i64().unwrap();
    let (s, _) = place(&g, v["key"].as_str().unwrap(), Some(slot), &[]).await;
    assert_eq!(s, StatusCode::CREATED);
    assert_eq!(stock_of(&server, variant).await, (4, 1));

    // The same shopper changes store and moves lines around: the placed
    // order keeps its unit, and cart changes reserve nothing.
    let other: String = sqlx::query_scalar(
        "SELECT slug FROM locations WHERE kind = 'store' AND slug <> $1 ORDER BY id LIMIT 1",
    )
    .bind(&store)
    .fetch_one(&db(&server).await)
    .await
    .unwrap();
    g.form("/api/my-store", &[("store", &other)]).await;
    let (s, body) = g
        .form(
            "/api/cart/add",
            &[
                ("variant_id", &variant.to_string()),
                ("quantity", "2"),
                ("fulfilment", "delivery"),
            ],
        )
        .await;
    assert!(s.is_success() || s.is_redirection(), "{s} {body}");
    let (_, cart) = g.get("/api/cart").await;
    assert!(
        cart.contains("\"lines\":[]"),
        "nothing in the warehouse: {cart}"
    );
    g.form("/api/my-store", &[("store", &store)]).await;
    g.form(
        "/api/cart/add",
        &[
            ("variant_id", &variant.to_string()),
            ("quantity", "2"),
            ("fulfilment", "pickup"),
        ],
    )
    .await;
    g.form(
        "/api/cart/move",
        &[
            ("variant_id", &variant.to_string()),
            ("from", "pickup"),
            ("to", "delivery"),
        ],
    )
    .await;
    g.form("/api/my-store", &[("store", &other)]).await;
    assert_eq!(stock_of(&server, variant).await, (4, 1));

    // A delivery line paid with a declined card: 409, nothing reserved,
    // the cart is as it was.
    let pool = db(&server).await;
    let online: i64 = sqlx::query_scalar("SELECT id FROM locations WHERE slug = 'online'")
        .fetch_one(&pool)
        .await
        .unwrap();
    sqlx::query("INSERT INTO stock (location_id, variant_id, on_hand) VALUES ($1, $2, 5)")
        .bind(online)
        .bind(variant)
        .execute(&pool)
        .await
        .unwrap();
    let buyer = Shopper::visit(base).await;
    buyer.add(variant, 2).await;
    let v = checkout_view(&buyer).await;
    assert_eq!(v["pay_at_pickup"], false);
    let address = [
        ("street", "ul. Długa 5"),
        ("postcode", "00-950"),
        ("city", "Warszawa"),
    ];
    let mut declined = address.to_vec();
    declined.push(("payment", "card-decline"));
    let (s, body) = place(&buyer, v["key"].as_str().unwrap(), None, &declined).await;
    assert_eq!(s, StatusCode::CONFLICT, "{body}");
    assert_eq!(
        super::refused(&body),
        Problem::PaymentDeclined {
            reason: Decline::Declined
        }
    );
    let online_stock: (i64, i64) = sqlx::query_as(
        "SELECT on_hand, reserved FROM stock WHERE variant_id = $1 AND location_id = $2",
    )
    .bind(variant)
    .bind(online)
    .fetch_one(&pool)
    .await
    .unwrap();
    assert_eq!(online_stock, (5, 0));
    let cart = buyer.cart().await;
    assert_eq!(cart["lines"][0]["quantity"], 2, "the cart is back");
    // With the same form and a good card it goes through, and is paid.
    let mut ok = address.to_vec();
    ok.push(("payment", "card-ok"));
    let (s, body) = place(&buyer, v["key"].as_str().unwrap(), None, &ok).await;
    assert_eq!(s, StatusCode::CREATED, "{body}");
    let n = serde_json::from_str::<Value>(&body).unwrap()["number"]
        .as_i64()
        .unwrap();
    let payment: String = sqlx::query_scalar("SELECT payment FROM orders WHERE id = $1")
        .bind(n)
        .fetch_one(&pool)
        .await
        .unwrap();
    assert_eq!(payment, "paid");
    // Missing address for a delivery line is a clear 400.
    buyer.add(variant, 1).await;
    let v = checkout_view(&buyer).await;
    let (s, body) = place(
        &buyer,
        v["key"].as_str().unwrap(),
        None,
        &[("payment", "card-ok")],
    )
    .await;
    assert_eq!(s, StatusCode::BAD_REQUEST, "{body}");
    assert_eq!(super::refused(&body), Problem::DeliveryAddressMissing);
}

#[tokio::test]
async fn warehouse_lines_wait_two_days_and_the_cart_offers_a_store_that_has_them() {
    let server = start_server();
    // Nothing at my store, some in the warehouse, 3 at another store.
    let (store, variant) = isolated_stock(&server, 0, 100).await;
    let pool = db(&server).await;
    let (other_id, other): (i64, String) = sqlx::query_as(
        "SELECT id, slug FROM locations WHERE kind = 'store' AND slug LIKE 'warszawa%'
         ORDER BY id LIMIT 1",
    )
    .fetch_one(&pool)
    .await
    .unwrap();
    sqlx::query(
        "INSERT INTO stock (location_id, variant_id, on_hand)
         VALUES ((SELECT id FROM locations WHERE slug = 'online'), $1, 5), ($2, $1, 3)",
    )
    .bind(variant)
    .bind(other_id)
    .execute(&pool)
    .await
    .unwrap();
    let g = pickup_guest(&server.base, &store, variant).await;
    let v = checkout_view(&g).await;
    let plan = &v["pickup"];
    assert_eq!(
        plan["missing"],
        serde_json::json!([variant.to_string()]),
        "not on my store's shelf"
    );
    assert_eq!(
        plan["alternative"][0]["slug"],
        other.as_str(),
        "the store that has it"
    );
    // The offer is on the cart and the checkout page, and on neither is it
    // a form inside another form (the checkout's "Place order" did nothing).
    for page in ["/cart", "/checkout"] {
        let (s, html) = g.get(page).await;
        assert_eq!(s, StatusCode::OK, "{page}: {html}");
        assert!(
            html.contains(&format!(
                "form=\"os-store-switch\" name=\"store\" value=\"{other}\""
            )),
            "{page} offers {other}"
        );
        assert_eq!(
            super::markup::nested_forms(&html),
            Vec::<String>::new(),
            "{page}"
        );
    }
    assert!(
        super::markup::PAGES_CHECKED.load(std::sync::atomic::Ordering::Relaxed) >= 2,
        "the test servers check every page they send"
    );
    let earliest = plan["earliest"]["starts_at"].as_i64().unwrap();
    let now = chrono::Utc::now().timestamp();
    assert!(
        earliest >= now + 2 * 86400,
        "from the warehouse: ready in 2 days"
    );
    // A slot before that is refused (409) and reserves nothing.
    let too_early = now + 3 * 3600 - (now % 3600);
    let (s, body) = place(&g, v["key"].as_str().unwrap(), Some(too_early), &[]).await;
    assert_eq!(s, StatusCode::CONFLICT, "{body}");
    assert_eq!(super::refused(&body), Problem::SlotTooEarly);
    let reserved: i64 =
        sqlx::query_scalar("SELECT CAST(SUM(reserved) AS BIGINT) FROM stock WHERE variant_id = $1")
            .bind(variant)
            .fetch_one(&pool)
            .await
            .unwrap();
    assert_eq!(reserved, 0);
    // The offered slot works, and the unit comes from the warehouse.
    let (s, body) = place(&g, v["key"].as_str().unwrap(), Some(earliest), &[]).await;
    assert_eq!(s, StatusCode::CREATED, "{body}");
    let source: String = sqlx::query_scalar(
        "SELECT l.slug FROM order_lines o JOIN locations l ON l.id = o.source_location_id
         WHERE o.variant_id = $1",
    )
    .bind(variant)
    .fetch_one(&pool)
    .await
    .unwrap();
    assert_eq!(source, "online");
}

#[tokio::test]
async fn a_guest_order_link_is_a_secret_of_the_server_and_keys_stay_with_their_cart() {
    let server = start_server();
    let base = &server.base;
    let (store, variant) = isolated_stock(&server, 5, 100).await;
    let order_of = |body: &str| -> (i64, String) {
        let link: Value = serde_json::from_str(body).unwrap();
        (
            link["number"].as_i64().unwrap(),
            link["href"].as_str().unwrap().to_string(),
        )
    };

    // The client chooses the idempotency key; the link's secret is not it.
    let chosen = "0".repeat(64);
    let g = pickup_guest(base, &store, variant).await;
    let slot = checkout_view(&g).await["pickup"]["slots"][0]["starts_at"]
        .as_i64()
        .unwrap();
    let (s, body) = place(&g, &chosen, Some(slot), &[]).await;
    assert_eq!(s, StatusCode::CREATED, "{body}");
    let (number, href) = order_of(&body);
    let secret = href.split("?key=").nth(1).unwrap().to_string();
    assert!(is_token(&secret) && secret != chosen, "{href}");
    let stranger = Shopper::visit(base).await;
    assert_eq!(
        stranger.get(&href).await.0,
        StatusCode::OK,
        "the link works anywhere"
    );
    let (s, _) = stranger
        .get(&format!("/orders/{number}?key={chosen}"))
        .await;
    assert_eq!(s, StatusCode::NOT_FOUND, "the chosen key opens nothing");

    // Another browser sending the same key gets nothing of that order: with
    // an empty cart it is told so, with a cart of its own it gets its own order.
    let (s, body) = place(&stranger, &chosen, Some(slot), &[]).await;
    assert_eq!(s, StatusCode::BAD_REQUEST, "{body}");
    assert!(!body.contains(&format!("/orders/{number}")), "{body}");
    let other = pickup_guest(base, &store, variant).await;
    let (s, body) = place(&other, &chosen, Some(slot), &[]).await;
    assert_eq!(s, StatusCode::CREATED, "{body}");
    let (their_number, their_href) = order_of(&body);
    assert_ne!(their_number, number);
    assert_eq!(other.get(&their_href).await.0, StatusCode::OK);

    // The same browser resubmitting is one order, with a working link again.
    let (s, body) = place(&g, &chosen, Some(slot), &[]).await;
    assert!(s.is_success(), "{s} {body}");
    let (again, again_href) = order_of(&body);
    assert_eq!(again, number);
    assert_ne!(again_href, href, "a fresh secret: only hashes are kept");
    assert_eq!(stranger.get(&again_href).await.0, StatusCode::OK);
    assert_eq!(stranger.get(&href).await.0, StatusCode::OK);
    let stored: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM order_links WHERE token_hash = $1")
        .bind(omnistore_components::backend::hash_token(&secret))
        .fetch_one(&db(&server).await)
        .await
        .unwrap();
    assert_eq!(stored, 1, "kept as its hash");
}

/// The listing's stock filters, from the outside: a product with no free
/// unit online leaves "in stock", one with none at my store leaves "at my
/// store", and both stay in the plain listing.
#[tokio::test]
async fn listing_stock_filters_follow_the_stock() {
    let own = start_server();
    let pool = db(&own).await;
    let (store_id, store): (i64, String) =
        sqlx::query_as("SELECT id, slug FROM locations WHERE kind = 'store' ORDER BY id LIMIT 1")
            .fetch_one(&pool)
            .await
            .unwrap();
    let shopper = Shopper::visit(&own.base).await;
    let (st, _) = shopper.form("/api/my-store", &[("store", &store)]).await;
    assert_eq!(st, StatusCode::OK);
    let slugs = |page: &str| -> Vec<String> {
        page.split("href=\"/p/")
            .skip(1)
            .filter_map(|rest| rest.split(['"', '?']).next().map(str::to_string))
            .collect()
    };
    let (_, plain) = shopper.get("/c/grills").await;
    let listed = slugs(&plain);
    let (gone_online, gone_here) = (listed[0].clone(), listed[1].clone());
    for (slug, kind) in [(&gone_online, "online"), (&gone_here, "store")] {
        let location = if kind == "online" {
            "(SELECT id FROM locations WHERE slug = 'online')".to_string()
        } else {
            store_id.to_string()
        };
        sqlx::query(&format!(
            "UPDATE stock SET on_hand = 0, reserved = 0 WHERE location_id = {location}
             AND variant_id IN (SELECT v.id FROM variants v JOIN products p
                                ON p.id = v.product_id WHERE p.slug = $1)"
        ))
        .bind(slug)
        .execute(&pool)
        .await
        .unwrap();
    }
    let (_, plain) = shopper.get("/c/grills").await;
    assert!(slugs(&plain).contains(&gone_online) && slugs(&plain).contains(&gone_here));
    let (_, in_stock) = shopper.get("/c/grills?stock=1").await;
    assert!(!slugs(&in_stock).contains(&gone_online), "sold out online");
    assert!(slugs(&in_stock).contains(&gone_here), "still online");
    let (_, here) = shopper.get("/c/grills?mystore=1").await;
    assert!(!slugs(&here).contains(&gone_here), "none at my store");
    assert!(!slugs(&here).is_empty(), "my store has other grills");
}

/// The variant's availability in its product page's JSON-LD.
async fn availability(s: &Shopper, server: &Server, variant: i64) -> String {
    let slug = product_of(server, variant).await;
    let (_, html) = s.get(&format!("/p/{slug}?variant={variant}")).await;
    let doc = super::json_ld(&html);
    let offer = doc["offers"]
        .as_array()
        .unwrap()
        .iter()
        .find(|o| o["url"].as_str().unwrap().ends_with(&format!("={variant}")))
        .expect("the variant's offer")
        .clone();
    offer["availability"].as_str().unwrap().to_string()
}

/// Catalog pages come from memory: this server's own stock changes show at
/// once, a change another process writes shows within the poll, and until
/// then the page is the one kept.
#[tokio::test]
async fn catalog_pages_are_kept_until_the_stock_changes() {
    const IN: &str = "https://schema.org/InStock";
    const OUT: &str = "https://schema.org/OutOfStock";
    // Polling once an hour: what changes now is this server's doing.
    let server = super::start_server_polling(std::time::Duration::from_secs(3600));
    let (store, variant) = isolated_stock(&server, 1, 100).await;
    let g = pickup_guest(&server.base, &store, variant).await;
    assert_eq!(availability(&g, &server, variant).await, IN);
    let v = checkout_view(&g).await;
    let slot = v["pickup"]["slots"][0]["starts_at"].as_i64();
    let (s, body) = place(&g, v["key"].as_str().unwrap(), slot, &[]).await;
    assert_eq!(s, StatusCode::CREATED, "{body}");
    assert_eq!(
        availability(&g, &server, variant).await,
        OUT,
        "the last unit is held"
    );
    // Units put on the shelf behind the server's back: on SQLite the kept
    // page stays until the poll; PostgreSQL tells every instance at commit.
    shelve_behind_the_back(&server, variant, 5).await;
    if super::on_postgres() {
        let started = std::time::Instant::now();
        while availability(&g, &server, variant).await != IN {
            assert!(started.elapsed() < Duration::from_secs(2), "not told");
            tokio::time::sleep(Duration::from_millis(20)).await;
        }
    } else {
        assert_eq!(
            availability(&g, &server, variant).await,
            OUT,
            "served from memory"
        );
    }

    // Polling every 20 ms, the same change shows within the poll.
    let server = start_server();
    let (_, variant) = isolated_stock(&server, 0, 100).await;
    let g = Shopper::visit(&server.base).await;
    assert_eq!(availability(&g, &server, variant).await, OUT);
    let pool = db(&server).await;
    sqlx::query(
        "INSERT INTO stock (location_id, variant_id, on_hand)
         VALUES ((SELECT id FROM locations WHERE slug = 'online'), $1, 3)",
    )
    .bind(variant)
    .execute(&pool)
    .await
    .unwrap();
    let started = std::time::Instant::now();
    while availability(&g, &server, variant).await != IN {
        assert!(
            started.elapsed() < std::time::Duration::from_secs(10),
            "never shown"
        );
        tokio::time::sleep(std::time::Duration::from_millis(20)).await;
    }
}

/// `units` more of `variant` on every shelf that has it, by SQL as another
/// process would: this server is not told.
async fn shelve_behind_the_back(server: &Server, variant: i64, units: i64) {
    sqlx::query("UPDATE stock SET on_hand = on_hand + $1 WHERE variant_id = $2")
        .bind(units)
        .bind(variant)
        .execute(&db(server).await)
        .await
        .unwrap();
}

/// Units free at the shopper's store, as the product page's stock box asks.
async fn units_at_my_store(s: &Shopper, variant: i64) -> u64 {
    let (st, body) = s
        .get(&format!("/api/stores/stock?variants={variant}"))
        .await;
    assert_eq!(st, StatusCode::OK, "{body}");
    let v: Value = serde_json::from_str(&body).unwrap();
    assert_eq!(
        v["variants"][0]["variant_id"],
        variant.to_string(),
        "{body}"
    );
    v["variants"][0]["units"].as_u64().unwrap()
}

#[tokio::test]
async fn stock_at_my_store_is_kept_until_it_changes() {
    let server = super::start_server_polling(Duration::from_secs(3600));
    let (store, variant) = isolated_stock(&server, 2, 100).await;
    let g = pickup_guest(&server.base, &store, variant).await;
    assert_eq!(units_at_my_store(&g, variant).await, 2);
    let v = checkout_view(&g).await;
    let slot = v["pickup"]["slots"][0]["starts_at"].as_i64();
    let (s, body) = place(&g, v["key"].as_str().unwrap(), slot, &[]).await;
    assert_eq!(s, StatusCode::CREATED, "{body}");
    assert_eq!(units_at_my_store(&g, variant).await, 1, "one unit is held");
    // A delivery behind the server's back: on SQLite the kept answer stays
    // until the poll; PostgreSQL tells every instance at commit.
    shelve_behind_the_back(&server, variant, 5).await;
    if super::on_postgres() {
        let started = std::time::Instant::now();
        while units_at_my_store(&g, variant).await != 6 {
            assert!(started.elapsed() < Duration::from_secs(2), "not told");
            tokio::time::sleep(Duration::from_millis(20)).await;
        }
    } else {
        assert_eq!(
            units_at_my_store(&g, variant).await,
            1,
            "served from memory"
        );
    }

    // Polling every 20 ms, the same kind of change shows within the poll.
    let server = start_server();
    let (store, variant) = isolated_stock(&server, 2, 100).await;
    let g = pickup_guest(&server.base, &store, variant).await;
    assert_eq!(units_at_my_store(&g, variant).await, 2);
    shelve_behind_the_back(&server, variant, 5).await;
    let started = std::time::Instant::now();
    while units_at_my_store(&g, variant).await != 7 {
        assert!(started.elapsed() < Duration::from_secs(10), "never shown");
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
}

/// A catalog page as the shopper gets it, and whether it came from memory.
async fn page_of(s: &Shopper, path: &str) -> (String, String) {
    let res = s.response(path).await;
    assert_eq!(res.status(), StatusCode::OK, "{path}");
    let kept = res.headers()["x-page-cache"].to_str().unwrap().to_string();
    (kept, res.text().await.unwrap())
}

/// What the header tells a shopper about themselves.
fn corner(html: &str) -> &str {
    let start = html
        .find("data-component=\"ShopperIsland_")
        .expect("a shopper corner");
    &html[start..start + html[start..].find("</leptos-island>").unwrap()]
}

/// The cart in the shopper corner's props (read with the session, in one
/// round trip).
fn corner_cart(html: &str) -> Value {
    let props = corner(html)
        .split("data-props=\"")
        .nth(1)
        .and_then(|p| p.split('"').next())
        .expect("props");
    let json = props
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&amp;", "&");
    // The session is JSON text inside the props (see `SessionProp`).
    let session = serde_json::from_str::<Value>(&json).unwrap()["session"]
        .as_str()
        .expect("the session as text")
        .to_string();
    serde_json::from_str::<Value>(&session).unwrap()["cart"].clone()
}

/// Catalog pages are kept without the header's shopper corner, and each
/// visitor gets the kept page with their own: the same bytes as when the
/// page is rendered for them, never another shopper's name or cart.
#[tokio::test]
async fn kept_pages_show_each_visitor_their_own_corner() {
    let server = super::start_server_polling(Duration::from_secs(3600));
    let (store, variant) = isolated_stock(&server, 4, 100).await;
    let pages = [
        "/".to_string(),
        "/c/lighting?mystore=1".to_string(),
        "/search?q=lamp".to_string(),
        format!("/p/{}", product_of(&server, variant).await),
    ];
    // A customer with a store and a cart renders each page first.
    let customer = Shopper::visit(&server.base).await;
    customer.register(&unique_email("kept")).await;
    let (st, body) = customer.form("/api/my-store", &[("store", &store)]).await;
    assert!(st.is_success(), "{st} {body}");
    add_pickup(&customer, variant).await;
    // A guest with the same store and another cart.
    let guest = pickup_guest(&server.base, &store, variant).await;
    guest.add(stocked_variants(5, 1).await[0].0, 2).await;
    for path in &pages {
        let (kept, rendered) = page_of(&customer, path).await;
        assert_eq!(kept, "miss", "{path}");
        assert!(corner(&rendered).contains("Ala Test"), "{path}");
        // The cart read with the session is the cart as the API reads it.
        assert_eq!(corner_cart(&rendered), customer.cart().await, "{path}");
        let (kept, again) = page_of(&customer, path).await;
        assert_eq!(kept, "hit", "{path}");
        assert!(again == rendered, "{path}: the corner put in differs");

        let (kept, theirs) = page_of(&guest, path).await;
        assert_eq!(kept, "hit", "{path}: same language and store");
        assert!(!theirs.contains("Ala Test"), "{path}");
        assert_eq!(corner_cart(&theirs), guest.cart().await, "{path}");
        assert!(corner(&theirs).contains("Cart, 3 items"), "{path}");
        assert!(corner(&rendered).contains("Cart, 1 item\""), "{path}");
        assert_eq!(
            theirs.replace(corner(&theirs), ""),
            rendered.replace(corner(&rendered), ""),
            "{path}"
        );

        // Nobody in particular: another key (no store); their page is kept
        // whole and compressed once.
        let nobody = Shopper::visit(&server.base).await;
        let (_, plain) = page_of(&nobody, path).await;
        assert!(!plain.contains("Ala Test") && corner(&plain).contains("Cart, 0 items"));
        let res = Shopper::client()
            .get(format!("{}{path}", server.base))
            .header("accept-encoding", "br")
            .send()
            .await
            .unwrap();
        assert_eq!(res.headers()["x-page-cache"], "hit", "{path}");
        assert_eq!(res.headers()["content-encoding"], "br", "{path}");
        let mut unpacked = String::new();
        let packed = res.bytes().await.unwrap();
        std::io::Read::read_to_string(
            &mut brotli::Decompressor::new(&packed[..], 4096),
            &mut unpacked,
        )
        .unwrap();
        assert!(unpacked == plain, "{path}: brotli of the same page");
    }
    // Corners are kept too, by what they show: the guest's next item shows
    // on the next kept page at once.
    guest.add(stocked_variants(5, 1).await[0].0, 1).await;
    for path in &pages {
        let (kept, theirs) = page_of(&guest, path).await;
        assert_eq!(kept, "hit", "{path}: a cart is not the catalog");
        assert!(corner(&theirs).contains("Cart, 4 items"), "{path}");
        assert_eq!(corner_cart(&theirs), guest.cart().await, "{path}");
    }
    // A customer's own change of store is another page.
    let (_, other) = api("/api/v1/stores?q=gdansk&limit=1").await;
    let other = other["stores"][0]["slug"].as_str().unwrap().to_string();
    customer.form("/api/my-store", &[("store", &other)]).await;
    let (kept, _) = page_of(&customer, &pages[3]).await;
    assert_eq!(kept, "miss");
}

async fn product_of(server: &Server, variant: i64) -> String {
    sqlx::query_scalar(
        "SELECT p.slug FROM products p JOIN variants v ON v.product_id = p.id WHERE v.id = $1",
    )
    .bind(variant)
    .fetch_one(&db(server).await)
    .await
    .unwrap()
}

#[tokio::test]
async fn the_locator_is_markup_and_set_as_my_store_comes_back_to_it() {
    let base = &server().base;
    let shopper = Shopper::visit(base).await;
    let (s, html) = shopper.get("/stores?q=krak%C3%B3w").await;
    assert_eq!(s, StatusCode::OK);
    assert_eq!(
        html.matches("<leptos-island ").count(),
        2,
        "the header's corner and \"Use my location\": the list and map are markup"
    );
    assert!(html.contains(r#"<os-intent><leptos-island data-component="LocateIsland"#));
    let slug = {
        let at = html.find("id=\"store-").expect("a card") + "id=\"store-".len();
        html[at..at + html[at..].find('"').unwrap()].to_string()
    };
    // A card and its marker link to each other.
    assert!(
        html.contains(&format!(r##"href="#marker-{slug}""##)),
        "{html}"
    );
    assert!(html.contains(&format!(r#"id="marker-{slug}""#)));
    assert!(html.contains(&format!(r##"href="#store-{slug}""##)));
    // "Set as my store" comes back to the same search, and says so.
    let back = "/stores?q=krak%C3%B3w&done=store";
    assert!(
        html.contains(&format!(
            r#"name="back" value="{}""#,
            back.replace('&', "&amp;")
        )),
        "{html}"
    );
    let to = shopper
        .plain_form(
            "/api/my-store",
            "/stores?q=krak%C3%B3w",
            &[("store", &slug), ("back", back)],
        )
        .await;
    assert_eq!(to, back);
    let (_, html) = shopper.get(&to).await;
    assert!(html.contains("This is now your store."));
    assert!(
        html.contains("os-store-card__mine"),
        "the card says it is mine"
    );
    assert!(html.contains("os-my-store__name"), "the header shows it");
}

#[tokio::test]
async fn the_checkout_page_is_a_plain_form_that_comes_back_worded_or_leads_to_the_order() {
    let base = &server().base;
    let (_, body) = api("/api/v1/stores?q=gdansk&limit=1").await;
    let store = body["stores"][0]["slug"].as_str().unwrap().to_string();
    let (variant, _) = stocked_variants(3, 1).await[0];
    let s = Shopper::visit(base).await;
    s.form("/api/my-store", &[("store", &store)]).await;
    s.form(
        "/api/cart/add",
        &[
            ("variant_id", &variant.to_string()),
            ("quantity", "1"),
            ("fulfilment", "delivery"),
        ],
    )
    .await;
    let (st, html) = s.get("/checkout").await;
    assert_eq!(st, StatusCode::OK);
    assert_eq!(
        html.matches("<leptos-island ").count(),
        1,
        "the header's corner only: the page needs no wasm of its own"
    );
    assert!(
        html.contains(r#"method="post" action="/api/checkout""#),
        "{html}"
    );
    // Each page has its key: a try again is a new checkout.
    let key_of = |html: &str| {
        let at =
            html.find(r#"name="key" value=""#).expect("the key") + r#"name="key" value=""#.len();
        html[at..at + 64].to_string()
    };
    let form = |key: String, payment: &'static str| {
        vec![
            ("key", key),
            ("channel", "web".into()),
            ("email", "plain@example.com".into()),
            ("name", "Ola Zwykła".into()),
            ("phone", "+48 600 100 200".into()),
            ("street", "Długa 1".into()),
            ("postcode", "80-001".into()),
            ("city", "Gdańsk".into()),
            ("payment", payment.into()),
        ]
    };
    let pairs = |f: &Vec<(&'static str, String)>| {
        f.iter().map(|(k, v)| (*k, v.clone())).collect::<Vec<_>>()
    };
    let declined = pairs(&form(key_of(&html), "card-decline"));
    let declined: Vec<(&str, &str)> = declined.iter().map(|(k, v)| (*k, v.as_str())).collect();
    let back = s.plain_form("/api/checkout", "/checkout", &declined).await;
    assert_eq!(back, "/checkout?error=payment");
    let (_, html) = s.get(&back).await;
    assert!(
        html.contains("The payment did not go through"),
        "worded on the page"
    );
    assert_eq!(
        s.cart().await["lines"].as_array().unwrap().len(),
        1,
        "the cart is as it was"
    );
    let paid = pairs(&form(key_of(&html), "card-ok"));
    let paid: Vec<(&str, &str)> = paid.iter().map(|(k, v)| (*k, v.as_str())).collect();
    let to = s.plain_form("/api/checkout", "/checkout", &paid).await;
    assert!(to.starts_with("/orders/") && to.contains("?key="), "{to}");
    let (st, html) = s.get(&to).await;
    assert_eq!(st, StatusCode::OK);
    assert!(html.contains("Order #"));
    assert!(s.cart().await["lines"].as_array().unwrap().is_empty());
}
