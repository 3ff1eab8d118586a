//! Loyalty points over HTTP: earned when an order is collected or delivered
//! (never when placed or cancelled), at a store's till by scanning the
//! customer's code, spent at checkout and at the till within the rules,
//! given back when an order is not paid; the ledger never spends the same
//! points twice, even under 20 concurrent redemptions.

use super::accounts::{db, stocked_variants_on, unique_email, Shopper};
use super::returns::staff;
use super::stores::{add_pickup, checkout_view, isolated_stock, place};
use super::{omnistore, refused, start_server, Server};
use futures::future::join_all;
use omnistore_components::model::{points_earned, redeemable, Problem};
use reqwest::StatusCode;
use serde_json::Value;

const ADDRESS: [(&str, &str); 3] = [
    ("street", "ul. Długa 5"),
    ("postcode", "00-950"),
    ("city", "Warszawa"),
];

async fn account(s: &Shopper) -> Value {
    let (st, body) = s.get("/api/account").await;
    assert_eq!(st, StatusCode::OK, "{body}");
    serde_json::from_str(&body).unwrap()
}

async fn balance(s: &Shopper) -> i64 {
    account(s).await["loyalty"]["balance"].as_i64().unwrap()
}

async fn till(
    staff: &Shopper,
    store: &str,
    code: &str,
    amount: &str,
    points: i64,
    key: &str,
) -> (StatusCode, String) {
    staff
        .form(
            "/api/staff/till",
            &[
                ("store", store),
                ("code", code),
                ("amount", amount),
                ("points", &points.to_string()),
                ("key", key),
            ],
        )
        .await
}

fn key(n: usize) -> String {
    format!("{n:0>32}")
}

/// Places the shopper's cart for delivery, paid with the test card
/// `payment` and `points`.
async fn order_delivery(s: &Shopper, payment: &str, points: &str) -> (StatusCode, Value) {
    let view = checkout_view(s).await;
    let mut form = ADDRESS.to_vec();
    form.push(("payment", payment));
    form.push(("points", points));
    let (st, body) = place(s, view["key"].as_str().unwrap(), None, &form).await;
    (st, serde_json::from_str(&body).unwrap())
}

async fn order_total(server: &Server, number: i64) -> (i64, i64) {
    sqlx::query_as("SELECT total, points_redeemed FROM orders WHERE id = $1")
        .bind(number)
        .fetch_one(&db(server).await)
        .await
        .unwrap()
}

#[tokio::test]
async fn points_are_earned_when_collected_or_delivered_and_spent_at_the_next_checkout() {
    let own = start_server();
    let base = &own.base;
    let (store, variant) = isolated_stock(&own, 5, 10).await;
    let customer = Shopper::visit(base).await;
    customer.register(&unique_email("points")).await;
    let (st, body) = customer.form("/api/my-store", &[("store", &store)]).await;
    assert!(st.is_success(), "{body}");
    let code = account(&customer).await["loyalty"]["code"]
        .as_str()
        .unwrap()
        .to_string();
    assert!(code.starts_with("OSL-"), "{code}");
    assert_eq!(balance(&customer).await, 0);
    let (_, page) = customer.get("/account").await;
    assert!(
        page.contains(&code) && page.contains("<svg"),
        "the code and its QR"
    );

    // A pickup order earns nothing when placed, its points when collected.
    add_pickup(&customer, variant).await;
    let view = checkout_view(&customer).await;
    let slot = view["pickup"]["slots"][0]["starts_at"].as_i64().unwrap();
    let (st, body) = place(&customer, view["key"].as_str().unwrap(), Some(slot), &[]).await;
    assert_eq!(st, StatusCode::CREATED, "{body}");
    let collected: i64 = serde_json::from_str::<Value>(&body).unwrap()["number"]
        .as_i64()
        .unwrap();
    assert_eq!(balance(&customer).await, 0, "not when placed");
    let staff = staff(base).await;
    let mv = |to: &'static str, n: i64| {
        let (staff, store) = (staff.clone(), store.clone());
        async move {
            staff
                .form(
                    "/api/staff/move",
                    &[("store", &store), ("number", &n.to_string()), ("to", to)],
                )
                .await
        }
    };
    // A cancelled order earns nothing.
    add_pickup(&customer, variant).await;
    let view = checkout_view(&customer).await;
    let (st, body) = place(&customer, view["key"].as_str().unwrap(), Some(slot), &[]).await;
    assert_eq!(st, StatusCode::CREATED, "{body}");
    let cancelled = serde_json::from_str::<Value>(&body).unwrap()["number"]
        .as_i64()
        .unwrap();
    assert!(mv("cancelled", cancelled).await.0.is_success());
    assert!(mv("ready", collected).await.0.is_success());
    assert_eq!(balance(&customer).await, 0, "not when ready");
    assert!(mv("collected", collected).await.0.is_success());
    let (paid, _) = order_total(&own, collected).await;
    let earned = points_earned(paid);
    assert!(earned > 0);
    assert_eq!(balance(&customer).await, earned);
    // Collected again (a resent form) changes nothing.
    assert!(!mv("collected", collected).await.0.is_success());
    assert_eq!(balance(&customer).await, earned);

    // The till: staff scan the code; a resent form records nothing twice.
    let (st, body) = till(&staff, &store, &code.to_lowercase(), "250,00", 0, &key(1)).await;
    assert_eq!(st, StatusCode::OK, "{body}");
    let receipt: Value = serde_json::from_str(&body).unwrap();
    assert_eq!(receipt["earned"], 250);
    let (_, body) = till(&staff, &store, &code, "250,00", 0, &key(1)).await;
    assert_eq!(
        serde_json::from_str::<Value>(&body).unwrap()["repeated"],
        true
    );
    let held = earned + 250;
    assert_eq!(balance(&customer).await, held);
    let history = account(&customer).await["loyalty"]["entries"].clone();
    assert_eq!(history[0]["kind"], "till");
    assert_eq!(history[0]["channel"], "till");
    assert_eq!(history[0]["store"], store.as_str());
    assert_eq!(history[1]["kind"], "earned");
    assert_eq!(history[1]["order"], collected);
    assert_eq!(
        history.as_array().unwrap().len(),
        2,
        "the cancelled order is not there"
    );
    // Without JavaScript the desk comes back saying what happened.
    let back = staff
        .plain_form(
            "/api/staff/till",
            &format!("/staff/{store}/orders"),
            &[
                ("store", &store),
                ("code", &code),
                ("amount", "1,00"),
                ("key", &key(2)),
            ],
        )
        .await;
    assert_eq!(
        back,
        format!("/staff/{store}/orders?till=1.0.{}.0", held + 1)
    );
    let (_, desk) = staff.get(&back).await;
    assert!(desk.contains("1 points earned, 0 spent; balance"));
    let held = held + 1;

    // Spending at checkout: within the rules, else refused with why.
    let goods = stocked_variants_on(&own, 5, 1).await;
    assert!(customer.add(goods[0].0, 2).await.0.is_success());
    let cart = customer.cart().await;
    let to_pay = cart["pricing"]["total"].as_i64().unwrap();
    let max = redeemable(to_pay, held);
    assert!(max > 0);
    let (_, page) = customer.get("/checkout").await;
    assert!(
        page.contains(&format!(r#"max="{max}""#)),
        "the field offers the most it may take"
    );
    let too_many = (max + 1).to_string();
    let (st, body) = order_delivery(&customer, "card-ok", &too_many).await;
    assert_eq!(st, StatusCode::BAD_REQUEST, "{body}");
    assert_eq!(refused(&body.to_string()), Problem::TooManyPoints { max });
    // A declined payment gives the points back.
    let spend = max.to_string();
    let (st, _) = order_delivery(&customer, "card-decline", &spend).await;
    assert_eq!(st, StatusCode::CONFLICT);
    assert_eq!(balance(&customer).await, held, "given back");
    let (st, placed) = order_delivery(&customer, "card-ok", &spend).await;
    assert_eq!(st, StatusCode::CREATED, "{placed}");
    let number = placed["number"].as_i64().unwrap();
    assert_eq!(order_total(&own, number).await, (to_pay - max, max));
    assert_eq!(balance(&customer).await, held - max);
    let (_, order) = customer
        .get(&format!("/api/orders/one?number={number}"))
        .await;
    let order: Value = serde_json::from_str(&order).unwrap();
    assert_eq!(order["points_redeemed"], max);
    assert_eq!(order["total"]["minor"], to_pay - max);

    // Delivered (the courier's word, through the CLI): it earns then.
    let out = omnistore(&["delivered", "--database-url", &own.db, &number.to_string()]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(
        balance(&customer).await,
        held - max + points_earned(to_pay - max)
    );
    let out = omnistore(&["delivered", "--database-url", &own.db, &number.to_string()]);
    assert!(!out.status.success(), "once");

    // A guest has no points to spend.
    let guest = Shopper::visit(base).await;
    assert!(guest.add(goods[0].0, 1).await.0.is_success());
    let (st, body) = order_delivery(&guest, "card-ok", "100").await;
    assert_eq!(st, StatusCode::BAD_REQUEST);
    assert_eq!(refused(&body.to_string()), Problem::PointsNeedAccount);
}

#[tokio::test]
async fn twenty_concurrent_redemptions_spend_a_balance_once() {
    let own = start_server();
    let base = &own.base;
    let (store, _) = isolated_stock(&own, 1, 1).await;
    let customer = Shopper::visit(base).await;
    customer.register(&unique_email("twenty")).await;
    let code = account(&customer).await["loyalty"]["code"]
        .as_str()
        .unwrap()
        .to_string();
    let staff = staff(base).await;
    let (st, body) = till(&staff, &store, &code, "10,00", 0, &key(100)).await;
    assert_eq!(st, StatusCode::OK, "{body}");
    assert_eq!(balance(&customer).await, 10);
    // Twenty tills at once, each spending all ten points on 0.20 zł (which
    // earns nothing back).
    let results = join_all((0..20).map(|i| {
        let (staff, store, code) = (staff.clone(), store.clone(), code.clone());
        async move { till(&staff, &store, &code, "0,20", 10, &key(200 + i)).await }
    }))
    .await;
    let spent = results.iter().filter(|(st, _)| st.is_success()).count();
    assert_eq!(spent, 1, "{results:?}");
    for (st, body) in results.iter().filter(|(st, _)| !st.is_success()) {
        assert!(st.is_client_error(), "{st} {body}");
        assert!(
            matches!(
                refused(body),
                Problem::NotEnoughPoints { .. } | Problem::TooManyPoints { .. }
            ),
            "{body}"
        );
    }
    assert_eq!(balance(&customer).await, 0);
    let (n, sum): (i64, i64) = sqlx::query_as(
        "SELECT COUNT(*), CAST(COALESCE(SUM(points), 0) AS BIGINT) FROM loyalty_entries
         WHERE kind = 'redeemed' AND customer_id = (SELECT id FROM customers WHERE loyalty_code = $1)",
    )
    .bind(&code)
    .fetch_one(&db(&own).await)
    .await
    .unwrap();
    assert_eq!((n, sum), (1, -10));

    // Bad input: a clear 4xx, nothing recorded.
    for (code, amount, want) in [
        ("OSL-AAAAAAAAAAAA", "10", Problem::UnknownLoyaltyCode),
        ("not a code", "10", Problem::UnknownLoyaltyCode),
        (code.as_str(), "ten", Problem::BadAmount),
    ] {
        let (st, body) = till(&staff, &store, code, amount, 0, &key(300)).await;
        assert!(st.is_client_error(), "{st} {body}");
        assert_eq!(refused(&body), want);
    }
    let (st, _) = till(&customer, &store, &code, "10", 0, &key(301)).await;
    assert_eq!(st, StatusCode::FORBIDDEN, "staff only");
    assert_eq!(balance(&customer).await, 0);
}

#[tokio::test]
async fn a_loyalty_card_scanned_at_a_kiosk_signs_in_and_shows_the_points() {
    let own = super::server();
    let base = &own.base;
    let store = super::kiosk::store(base, "Poznań").await;
    let customer = Shopper::visit(base).await;
    customer.register(&unique_email("kiosk-card")).await;
    let code = account(&customer).await["loyalty"]["code"]
        .as_str()
        .unwrap()
        .to_string();
    let staff = staff(base).await;
    let (st, body) = till(&staff, &store, &code, "42,00", 0, &key(7)).await;
    assert_eq!(st, StatusCode::OK, "{body}");

    let kiosk = super::kiosk::start(base, &store).await;
    // The scan field takes the card and the kiosk asks first.
    let res = kiosk
        .response(&format!("/kiosk/{store}/scan?code={}", code.to_lowercase()))
        .await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    let to = res.headers()["location"].to_str().unwrap().to_string();
    assert_eq!(to, format!("/kiosk/{store}/shop?loyalty={code}"));
    let (_, page) = kiosk.get(&to).await;
    assert!(page.contains("Sign in with this card and see my points"));
    assert!(page.contains(r#"action="/api/kiosk/loyalty""#));
    // A card nobody has comes back with why.
    let back = kiosk
        .plain_form("/api/kiosk/loyalty", &to, &[("code", "OSL-AAAAAAAAAAAA")])
        .await;
    assert_eq!(back, format!("/kiosk/{store}/shop?error=loyalty_code"));
    let (_, page) = kiosk.get(&back).await;
    assert!(page.contains("That loyalty code is not anyone"));
    let back = kiosk
        .plain_form("/api/kiosk/loyalty", &to, &[("code", &code)])
        .await;
    assert_eq!(back, "/account#os-account-points");
    let (_, page) = kiosk.get("/account").await;
    assert!(page.contains(r#"data-points="42""#), "the balance is shown");
    assert!(page.contains("Till purchase"));

    // Anywhere but a kiosk the card is no way in.
    let phone = Shopper::visit(base).await;
    let (st, body) = phone.form("/api/kiosk/loyalty", &[("code", &code)]).await;
    assert_eq!(st, StatusCode::FORBIDDEN, "{body}");
    assert_eq!(refused(&body), Problem::NotAKiosk);
    assert!(phone.cookie("os_sid").is_none());
}
