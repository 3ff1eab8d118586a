//! The pickup fee and "free pickup from 100 zł": a cart with pickup lines
//! pays its store's fee once, in every view of it and at checkout; the
//! demo's automatic promotion waives it when the items cost 100 zł after
//! the other promotions; the order keeps the fee it paid, which a return
//! does not give back; staff make such promotions with the CLI.

use super::accounts::{db, Shopper};
use super::stores::{add_pickup, checkout_view, place};
use super::{omnistore, start_server, Server};
use omnistore_server::demo::{DEMO_PICKUP_FEE, FREE_PICKUP_FROM};
use reqwest::StatusCode;
use serde_json::Value;

/// A store and a variant priced 20-45 zł that no demo promotion covers,
/// with 20 units on that store's shelf: (store slug, variant, unit price).
async fn plain_item(server: &Server) -> (String, i64, i64) {
    let pool = db(server).await;
    let (store, slug): (i64, String) =
        sqlx::query_as("SELECT id, slug FROM locations WHERE kind = 'store' ORDER BY id LIMIT 1")
            .fetch_one(&pool)
            .await
            .unwrap();
    let (variant, price): (i64, i64) = sqlx::query_as(
        "SELECT v.id, v.price FROM variants v JOIN products p ON p.id = v.product_id
         JOIN categories c ON c.id = p.category_id
         WHERE c.slug NOT IN ('plants-seeds', 'garden-tools') AND v.price BETWEEN 2000 AND 4500
         ORDER BY v.id LIMIT 1",
    )
    .fetch_one(&pool)
    .await
    .unwrap();
    sqlx::query("DELETE FROM stock WHERE variant_id = $1 AND location_id = $2")
        .bind(variant)
        .bind(store)
        .execute(&pool)
        .await
        .unwrap();
    sqlx::query("INSERT INTO stock (location_id, variant_id, on_hand) VALUES ($1, $2, 20)")
        .bind(store)
        .bind(variant)
        .execute(&pool)
        .await
        .unwrap();
    (slug, variant, price)
}

/// An order's total and the pickup fee in it.
async fn paid(server: &Server, number: i64) -> (i64, i64) {
    sqlx::query_as("SELECT total, pickup_fee FROM orders WHERE id = $1")
        .bind(number)
        .fetch_one(&db(server).await)
        .await
        .unwrap()
}

fn n(v: &Value) -> i64 {
    v.as_i64().unwrap_or_else(|| panic!("a number: {v}"))
}

async fn pickup_cart(base: &str, store: &str, variant: i64, units: i64) -> Shopper {
    let s = Shopper::visit(base).await;
    assert!(s
        .form("/api/my-store", &[("store", store)])
        .await
        .0
        .is_success());
    for _ in 0..units {
        add_pickup(&s, variant).await;
    }
    s
}

async fn place_pickup(s: &Shopper) -> (i64, Value) {
    let view = checkout_view(s).await;
    let slot = view["pickup"]["slots"][0]["starts_at"].as_i64().unwrap();
    let shown = n(&view["cart"]["pricing"]["total"]).to_string();
    let (st, body) = place(
        s,
        view["key"].as_str().unwrap(),
        Some(slot),
        &[("total", shown.as_str())],
    )
    .await;
    assert_eq!(st, StatusCode::CREATED, "{body}");
    (
        serde_json::from_str::<Value>(&body).unwrap()["number"]
            .as_i64()
            .unwrap(),
        view,
    )
}

#[tokio::test]
async fn pickup_costs_the_stores_fee_until_the_items_reach_the_free_pickup_minimum() {
    let own = start_server();
    let (store, variant, price) = plain_item(&own).await;

    // One unit, under 100 zł: the fee is paid, once, and shown.
    let small = pickup_cart(&own.base, &store, variant, 1).await;
    let cart = small.cart().await;
    assert_eq!(n(&cart["pricing"]["pickup_fee"]), DEMO_PICKUP_FEE);
    assert_eq!(n(&cart["pricing"]["total"]), price + DEMO_PICKUP_FEE);
    assert_eq!(cart["pricing"]["discounts"], Value::Array(vec![]));
    let (_, page) = small.get("/cart").await;
    assert!(page.contains("Pickup at the store"), "the fee's line");
    assert!(page.contains(&format!(r#"data-to-pay="{}""#, price + DEMO_PICKUP_FEE)));
    let (number, _) = place_pickup(&small).await;
    let (total, fee) = paid(&own, number).await;
    assert_eq!((total, fee), (price + DEMO_PICKUP_FEE, DEMO_PICKUP_FEE));

    // Enough units for 100 zł: the demo's promotion waives it, by name.
    let units = (FREE_PICKUP_FROM + price - 1) / price;
    let big = pickup_cart(&own.base, &store, variant, units).await;
    let cart = big.cart().await;
    let subtotal = price * units;
    assert_eq!(n(&cart["pricing"]["total"]), subtotal, "{cart}");
    assert_eq!(
        cart["pricing"]["discounts"][0]["name"],
        "Free pickup from 100 zł"
    );
    assert_eq!(
        n(&cart["pricing"]["discounts"][0]["minor"]),
        DEMO_PICKUP_FEE
    );
    let (number, view) = place_pickup(&big).await;
    assert_eq!(n(&view["cart"]["pricing"]["total"]), subtotal);
    let (total, fee) = paid(&own, number).await;
    assert_eq!((total, fee), (subtotal, 0));

    // The same items delivered: no pickup, no fee.
    let home = Shopper::visit(&own.base).await;
    assert!(home.add(variant, 1).await.0.is_success());
    let cart = home.cart().await;
    assert_eq!(n(&cart["pricing"]["pickup_fee"]), 0);
    assert_eq!(n(&cart["pricing"]["total"]), price);
}

#[tokio::test]
async fn a_return_gives_back_the_items_not_the_pickup_fee() {
    let own = start_server();
    let (store, variant, price) = plain_item(&own).await;
    let s = Shopper::visit(&own.base).await;
    s.register(&super::accounts::unique_email("fee-return"))
        .await;
    assert!(s
        .form("/api/my-store", &[("store", &store)])
        .await
        .0
        .is_success());
    add_pickup(&s, variant).await;
    let (number, _) = place_pickup(&s).await;
    let staff = super::returns::staff(&own.base).await;
    super::returns::hand_over(&staff, &store, number).await;
    let (st, body) = s
        .form(
            "/api/orders/return",
            &[
                ("number", &number.to_string()),
                ("key", "return-form-fee-000001"),
                ("method", "store"),
                ("units[0]", "1"),
            ],
        )
        .await;
    assert_eq!(st, StatusCode::OK, "{body}");
    let ret: Value = serde_json::from_str(&body).unwrap();
    assert_eq!(n(&ret["refund"]["minor"]), price, "the fee stays paid");
}

#[tokio::test]
async fn staff_make_a_free_pickup_code_with_the_cli() {
    let own = start_server();
    let out = omnistore(&[
        "promotion",
        "--database-url",
        &own.db,
        "add",
        "--name",
        "Free pickup this weekend",
        "--code",
        "PICKUPFREE",
        "--free-pickup",
    ]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let out = omnistore(&[
        "promotion",
        "--database-url",
        &own.db,
        "add",
        "--name",
        "x",
        "--free-pickup",
        "--percent",
        "10",
    ]);
    assert!(!out.status.success(), "one offer per promotion");
    let (store, variant, price) = plain_item(&own).await;
    let s = pickup_cart(&own.base, &store, variant, 1).await;
    let applied = super::eventually(50, || {
        let s = &s;
        async move {
            let (st, body) = s.form("/api/cart/coupon", &[("code", "pickupfree")]).await;
            (st == StatusCode::OK).then_some(body)
        }
    })
    .await
    .expect("the server sees the new code");
    assert!(applied.contains("PICKUPFREE"), "{applied}");
    let cart = s.cart().await;
    assert_eq!(n(&cart["pricing"]["total"]), price, "{cart}");
    assert_eq!(cart["pricing"]["discounts"][0]["code"], "PICKUPFREE");
}
