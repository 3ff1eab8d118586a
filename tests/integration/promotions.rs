//! Promotions over HTTP: codes and automatic promotions made with the CLI,
//! one price for the same cart on the web, the kiosk, the installed app and
//! the JSON API, re-priced at checkout; refusals that say why in the
//! shopper's language; a code's limit under 50 concurrent checkouts; a
//! declined payment giving its use back.

use super::accounts::{db, stocked_variants_on, unique_email, Shopper};
use super::stores::checkout_view;
use super::{omnistore, refused, server, start_server, Server};
use futures::future::join_all;
use omnistore_components::model::{CouponRefusal, Problem};
use reqwest::StatusCode;
use serde_json::Value;

const ADDRESS: [(&str, &str); 4] = [
    ("street", "ul. Długa 5"),
    ("postcode", "00-950"),
    ("city", "Warszawa"),
    ("payment", "card-ok"),
];

/// `omnistore promotion add` on `server`'s database; its id.
fn add_promotion(server: &Server, flags: &[&str]) -> i64 {
    let mut args = vec!["promotion", "--database-url", &server.db, "add"];
    args.extend_from_slice(flags);
    let out = omnistore(&args);
    let said = String::from_utf8_lossy(&out.stdout).to_string();
    assert!(
        out.status.success(),
        "{said} {}",
        String::from_utf8_lossy(&out.stderr)
    );
    said.split_whitespace()
        .nth(1)
        .and_then(|n| n.parse().ok())
        .unwrap_or_else(|| panic!("an id in {said:?}"))
}

/// A unique code for one test.
fn code(tag: &str) -> String {
    unique_email(tag)
        .split('@')
        .next()
        .unwrap()
        .to_ascii_uppercase()
}

/// Puts `code` on the shopper's cart (`None`: takes it off).
async fn apply(s: &Shopper, code: Option<&str>) -> (StatusCode, String) {
    match code {
        Some(c) => s.form("/api/cart/coupon", &[("code", c)]).await,
        None => s.form("/api/cart/coupon", &[("remove", "1")]).await,
    }
}

/// Applies `code`, waiting for the server to see a promotion the CLI just
/// made (it hears of changes made outside it within its poll).
async fn apply_new(s: &Shopper, code: &str) -> Value {
    for _ in 0..100 {
        let (st, body) = apply(s, Some(code)).await;
        if st == StatusCode::OK {
            return serde_json::from_str(&body).unwrap();
        }
        assert_eq!(
            refused(&body),
            Problem::CouponRefused {
                code: code.into(),
                why: CouponRefusal::Unknown
            }
        );
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    }
    panic!("the server never saw code {code}");
}

/// Variant, unit price and category slug of well-stocked variants, each of
/// another category (and not the demo's 3 for 2 on plants and seeds).
async fn goods(server: &Server, n: usize) -> Vec<(i64, i64, String)> {
    let pool = db(server).await;
    let mut out: Vec<(i64, i64, String)> = Vec::new();
    for (variant, _) in stocked_variants_on(server, 10, 50).await {
        let (price, category): (i64, String) = sqlx::query_as(
            "SELECT v.price, c.slug FROM variants v JOIN products p ON p.id = v.product_id
             JOIN categories c ON c.id = p.category_id WHERE v.id = $1",
        )
        .bind(variant)
        .fetch_one(&pool)
        .await
        .unwrap();
        if category != "plants-seeds" && out.iter().all(|(_, _, c)| c != &category) {
            out.push((variant, price, category));
        }
        if out.len() == n {
            break;
        }
    }
    assert_eq!(out.len(), n);
    out
}

fn minor(v: &Value) -> i64 {
    v.as_i64().unwrap_or_else(|| panic!("a number: {v}"))
}

/// What the cart page says the shopper pays.
fn to_pay(html: &str) -> i64 {
    html.split("data-to-pay=\"")
        .nth(1)
        .and_then(|rest| rest.split('"').next())
        .and_then(|n| n.parse().ok())
        .expect("data-to-pay on the cart summary")
}

#[tokio::test]
async fn a_code_prices_the_same_cart_the_same_in_every_channel_and_at_checkout() {
    let own = start_server();
    let goods = goods(&own, 2).await;
    let ((a, price_a, cat_a), (b, price_b, _)) = (&goods[0], &goods[1]);
    let code = code("same");
    add_promotion(
        &own,
        &[
            "--name",
            "Fifteen off",
            "--code",
            &code.to_lowercase(),
            "--percent",
            "15",
            "--category",
            cat_a,
        ],
    );
    let expected_off = 2 * price_a * 15 / 100;
    let expected_total = 2 * price_a + price_b - expected_off;

    let kiosk_store = super::kiosk::store(&own.base, "Kraków").await;
    let web = Shopper::visit(&own.base).await;
    let pwa = Shopper::visit(&own.base).await;
    let kiosk = super::kiosk::start(&own.base, &kiosk_store).await;
    for s in [&web, &pwa, &kiosk] {
        assert!(s.add(*a, 2).await.0.is_success());
        assert!(s.add(*b, 1).await.0.is_success());
        let cart = apply_new(s, &code.to_lowercase()).await;
        assert_eq!(minor(&cart["pricing"]["total"]), expected_total, "{cart}");
        assert_eq!(
            minor(&cart["pricing"]["discounts"][0]["minor"]),
            expected_off
        );
        assert_eq!(cart["pricing"]["discounts"][0]["code"], code.as_str());
        assert_eq!(cart["pricing"]["coupon"]["refused"], Value::Null);
        // The line of the other category keeps its price.
        assert_eq!(cart["pricing"]["line_discounts"][1], 0);
        // The JSON API, the cart page and the checkout page agree.
        assert_eq!(minor(&s.cart().await["pricing"]["total"]), expected_total);
        let (_, page) = s.get("/cart").await;
        assert_eq!(to_pay(&page), expected_total);
        assert!(page.contains("Fifteen off"), "the discount line is named");
        let (_, page) = s.get("/checkout").await;
        assert_eq!(to_pay(&page), expected_total);
        assert!(page.contains(&format!(r#"name="total" value="{expected_total}""#)));
    }

    // Checkout re-prices: a total the shopper was not shown is refused.
    let view = checkout_view(&web).await;
    assert_eq!(minor(&view["cart"]["pricing"]["total"]), expected_total);
    let wrong = (expected_total + 1).to_string();
    let mut form = ADDRESS.to_vec();
    form.push(("total", &wrong));
    let (s, body) = super::stores::place(&web, view["key"].as_str().unwrap(), None, &form).await;
    assert_eq!(s, StatusCode::CONFLICT, "{body}");
    assert_eq!(refused(&body), Problem::PricesChanged);

    let total = expected_total.to_string();
    let mut numbers = Vec::new();
    for (s, channel) in [(&web, "web"), (&pwa, "pwa"), (&kiosk, "")] {
        let view = checkout_view(s).await;
        let mut form = ADDRESS.to_vec();
        form.push(("total", &total));
        form.push(("channel", channel));
        let (st, body) = super::stores::place(s, view["key"].as_str().unwrap(), None, &form).await;
        assert_eq!(st, StatusCode::CREATED, "{body}");
        let placed: Value = serde_json::from_str(&body).unwrap();
        let number = minor(&placed["number"]);
        let key = placed["href"]
            .as_str()
            .unwrap()
            .split("key=")
            .nth(1)
            .unwrap();
        let (_, order) = s
            .get(&format!("/api/orders/one?number={number}&key={key}"))
            .await;
        let order: Value = serde_json::from_str(&order).unwrap();
        assert_eq!(minor(&order["total"]["minor"]), expected_total, "{order}");
        assert_eq!(order["discounts"][0][0], "Fifteen off");
        assert_eq!(minor(&order["discounts"][0][1]), expected_off);
        // The next cart starts without the code.
        assert_eq!(s.cart().await["pricing"]["coupon"], Value::Null);
        numbers.push(number);
    }
    let pool = db(&own).await;
    for n in numbers {
        let (total, discount, lines_off, channel): (i64, i64, i64, String) = sqlx::query_as(
            "SELECT o.total, o.discount,
                    (SELECT CAST(SUM(discount) AS BIGINT) FROM order_lines WHERE order_id = o.id),
                    o.channel
             FROM orders o WHERE o.id = $1",
        )
        .bind(n)
        .fetch_one(&pool)
        .await
        .unwrap();
        assert_eq!(
            (total, discount, lines_off),
            (expected_total, expected_off, expected_off)
        );
        assert!(["web", "pwa", "kiosk"].contains(&channel.as_str()));
    }
    let used: i64 = sqlx::query_scalar("SELECT used FROM promotions WHERE code = $1")
        .bind(&code)
        .fetch_one(&pool)
        .await
        .unwrap();
    assert_eq!(used, 3);
}

#[tokio::test]
async fn codes_that_cannot_be_used_say_why_in_the_shoppers_language() {
    let server = server();
    let goods = goods(server, 1).await;
    let (variant, _, category) = &goods[0];
    let s = Shopper::visit(&server.base).await;
    // No cart yet: nothing to put a code on.
    let (st, body) = apply(&s, Some("WELCOME10")).await;
    assert_eq!(st, StatusCode::BAD_REQUEST, "{body}");
    assert_eq!(refused(&body), Problem::CartEmpty);
    assert!(s.add(*variant, 1).await.0.is_success());

    let (ended, later) = (code("ended"), code("later"));
    add_promotion(
        server,
        &[
            "--name",
            "Old",
            "--code",
            &ended,
            "--percent",
            "5",
            "--starts",
            "2020-01-01 00:00",
            "--ends",
            "2020-02-01 00:00",
        ],
    );
    add_promotion(
        server,
        &[
            "--name",
            "Later",
            "--code",
            &later,
            "--percent",
            "5",
            "--starts",
            "2099-01-01 00:00",
        ],
    );
    // The CLI refuses what makes no promotion, naming the flag.
    let out = omnistore(&[
        "promotion",
        "--database-url",
        &server.db,
        "add",
        "--name",
        "x",
        "--percent",
        "0",
    ]);
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("--percent"));

    let long = "A".repeat(200);
    for (typed, why) in [
        ("NO-SUCH-CODE", CouponRefusal::Unknown),
        ("two words", CouponRefusal::Unknown),
        (long.as_str(), CouponRefusal::Unknown),
        (ended.as_str(), CouponRefusal::Expired),
        (later.as_str(), CouponRefusal::NotYet),
    ] {
        let mut tries = 0;
        loop {
            let (st, body) = apply(&s, Some(typed)).await;
            assert_eq!(st, StatusCode::CONFLICT, "{typed}: {body}");
            let Problem::CouponRefused { why: got, .. } = refused(&body) else {
                panic!("{body}");
            };
            // A promotion just made may take the server a poll to see.
            if got == why || tries > 100 {
                assert_eq!(got, why, "{typed}");
                break;
            }
            tries += 1;
            tokio::time::sleep(std::time::Duration::from_millis(50)).await;
        }
    }
    assert_eq!(
        s.cart().await["pricing"]["coupon"],
        Value::Null,
        "none kept"
    );

    // Without JavaScript the form comes back to the cart, which says why in
    // the shopper's language.
    s.set_cookie("lang", "pl");
    let back = s
        .plain_form("/api/cart/coupon", "/cart", &[("code", &ended)])
        .await;
    assert_eq!(back, "/cart?error=coupon_expired");
    let (_, page) = s.get(&back).await;
    assert!(page.contains("Ten kod wygasł."), "Polish reason");
    s.set_cookie("lang", "en");

    // A code that only does not apply to this cart is kept, and says so.
    let small = code("small");
    add_promotion(
        server,
        &[
            "--name",
            "Big spender",
            "--code",
            &small,
            "--amount",
            "10",
            "--category",
            category,
            "--min-spend",
            "100000",
        ],
    );
    let cart = apply_new(&s, &small).await;
    assert_eq!(
        cart["pricing"]["coupon"]["refused"],
        serde_json::json!({ "below_minimum": { "min": 10_000_000 } })
    );
    assert_eq!(cart["pricing"]["discounts"], serde_json::json!([]));
    let (_, page) = s.get("/cart").await;
    assert!(
        page.contains("This code applies once the items it covers cost"),
        "the cart says why"
    );
    assert!(page.contains("Remove code"));
    let (st, body) = apply(&s, None).await;
    assert_eq!(st, StatusCode::OK, "{body}");
    assert_eq!(s.cart().await["pricing"]["coupon"], Value::Null);

    // One use per customer: the second order is refused the code.
    let buyer = Shopper::visit(&server.base).await;
    buyer.register(&unique_email("welcome")).await;
    for round in 0..2 {
        assert!(buyer.add(*variant, 1).await.0.is_success());
        let (st, body) = apply(&buyer, Some("welcome10")).await;
        if round == 1 {
            assert_eq!(st, StatusCode::CONFLICT, "{body}");
            assert_eq!(
                refused(&body),
                Problem::CouponRefused {
                    code: "welcome10".into(),
                    why: CouponRefusal::UsedUp
                }
            );
            break;
        }
        assert_eq!(st, StatusCode::OK, "{body}");
        let view = checkout_view(&buyer).await;
        let (st, body) =
            super::stores::place(&buyer, view["key"].as_str().unwrap(), None, &ADDRESS).await;
        assert_eq!(st, StatusCode::CREATED, "{body}");
    }
}

#[tokio::test]
async fn fifty_concurrent_checkouts_cannot_pass_a_codes_limit() {
    let own = start_server();
    let limited = code("limited");
    add_promotion(
        &own,
        &[
            "--name",
            "First five",
            "--code",
            &limited,
            "--percent",
            "10",
            "--limit",
            "5",
        ],
    );
    let goods = stocked_variants_on(&own, 2, 50).await;
    let shoppers = join_all(goods.iter().map(|(variant, _)| {
        let base = own.base.clone();
        let limited = limited.clone();
        async move {
            let s = Shopper::visit(&base).await;
            assert!(s.add(*variant, 1).await.0.is_success());
            apply_new(&s, &limited).await;
            let view = checkout_view(&s).await;
            (s, view["key"].as_str().unwrap().to_string())
        }
    }))
    .await;
    let results = join_all(
        shoppers
            .iter()
            .map(|(s, key)| super::stores::place(s, key, None, &ADDRESS)),
    )
    .await;
    let placed = results
        .iter()
        .filter(|(st, _)| *st == StatusCode::CREATED)
        .count();
    let ran_out = results
        .iter()
        .filter(|(st, body)| {
            *st == StatusCode::CONFLICT
                && refused(body)
                    == Problem::CouponRefused {
                        code: limited.clone(),
                        why: CouponRefusal::RanOut,
                    }
        })
        .count();
    assert_eq!((placed, ran_out), (5, 45), "{results:?}");
    let pool = db(&own).await;
    let (used, orders): (i64, i64) = sqlx::query_as(
        "SELECT used, (SELECT COUNT(*) FROM order_promotions op WHERE op.promotion_id = p.id)
         FROM promotions p WHERE code = $1",
    )
    .bind(&limited)
    .fetch_one(&pool)
    .await
    .unwrap();
    assert_eq!((used, orders), (5, 5));

    // A declined payment gives the use back, and the code goes back on the
    // cart with its lines.
    let more = code("declined");
    add_promotion(
        &own,
        &[
            "--name",
            "Just one",
            "--code",
            &more,
            "--percent",
            "10",
            "--limit",
            "1",
        ],
    );
    let (s, _) = &shoppers[0];
    let (variant, _) = goods[0];
    assert!(s.add(variant, 1).await.0.is_success());
    apply_new(s, &more).await;
    let view = checkout_view(s).await;
    let mut declined = ADDRESS.to_vec();
    declined[3] = ("payment", "card-decline");
    let (st, body) = super::stores::place(s, view["key"].as_str().unwrap(), None, &declined).await;
    assert_eq!(st, StatusCode::CONFLICT, "{body}");
    let cart = s.cart().await;
    assert_eq!(cart["pricing"]["coupon"]["code"], more.as_str());
    assert_eq!(cart["pricing"]["coupon"]["refused"], Value::Null, "{cart}");
    let used: i64 = sqlx::query_scalar("SELECT used FROM promotions WHERE code = $1")
        .bind(&more)
        .fetch_one(&pool)
        .await
        .unwrap();
    assert_eq!(used, 0);
}

#[tokio::test]
async fn automatic_promotions_apply_by_themselves_and_end_when_told() {
    let own = start_server();
    let goods = goods(&own, 1).await;
    let (variant, price, category) = &goods[0];
    let id = add_promotion(
        &own,
        &[
            "--name",
            "Buy 2 pay 1",
            "--buy",
            "2",
            "--pay",
            "1",
            "--category",
            category,
        ],
    );
    let s = Shopper::visit(&own.base).await;
    assert!(s.add(*variant, 3).await.0.is_success());
    let shopper = &s;
    let cart = super::eventually(50, || async move {
        let cart = shopper.cart().await;
        (minor(&cart["pricing"]["total"]) == 2 * price).then_some(cart)
    })
    .await
    .unwrap_or_default();
    // Three units: one pair, one paid for; the third is in no pair.
    assert_eq!(minor(&cart["pricing"]["total"]), 2 * price, "{cart}");
    assert_eq!(cart["pricing"]["discounts"][0]["name"], "Buy 2 pay 1");
    let out = omnistore(&["promotion", "--database-url", &own.db, "list"]);
    assert!(String::from_utf8_lossy(&out.stdout).contains("Buy 2 pay 1"));
    let out = omnistore(&[
        "promotion",
        "--database-url",
        &own.db,
        "end",
        &id.to_string(),
    ]);
    assert!(out.status.success());
    let out = omnistore(&["promotion", "--database-url", &own.db, "end", "999999"]);
    assert!(!out.status.success(), "no such promotion");
    super::eventually(50, || async move {
        let cart = shopper.cart().await;
        (minor(&cart["pricing"]["total"]) == 3 * price).then_some(())
    })
    .await
    .unwrap_or_else(|| panic!("the promotion never ended"));
}
