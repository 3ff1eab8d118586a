//! Returns over HTTP: started from the order page by the customer or the
//! holder of a guest's order link, only for what reached them and within
//! the window, never for the same unit twice (also under concurrency);
//! accepted once at any store's desk, with the stock back on that shelf (the
//! warehouse's for a courier parcel), the money back through the payment
//! provider or at the counter, and the points moved; all returns of an
//! order together give back exactly what it took.

use super::accounts::{db, stocked_variants_on, unique_email, Shopper};
use super::stores::{add_pickup, checkout_view, isolated_stock, place, place_delivery};
use super::{omnistore, refused, start_server, Server};
use futures::future::join_all;
use omnistore_components::model::{points_earned, Problem, RETURN_DAYS};
use reqwest::StatusCode;
use serde_json::Value;

/// Staff mark a pickup order ready, then collected.
pub(crate) async fn hand_over(staff: &Shopper, store: &str, number: i64) {
    for to in ["ready", "collected"] {
        let (st, body) = staff
            .form(
                "/api/staff/move",
                &[
                    ("store", store),
                    ("number", &number.to_string()),
                    ("to", to),
                ],
            )
            .await;
        assert!(st.is_success(), "{body}");
    }
}

pub(crate) async fn staff(base: &str) -> Shopper {
    let staff = Shopper::visit(base).await;
    let (s, body) = staff
        .login("staff@omnistore.test", "staff-demo-password")
        .await;
    assert!(s.is_success() || s.is_redirection(), "{s} {body}");
    staff
}

async fn order(s: &Shopper, number: i64, key: Option<&str>) -> Value {
    let path = match key {
        Some(k) => format!("/api/orders/one?number={number}&key={k}"),
        None => format!("/api/orders/one?number={number}"),
    };
    let (st, body) = s.get(&path).await;
    assert_eq!(st, StatusCode::OK, "{body}");
    serde_json::from_str(&body).unwrap()
}

/// Starts a return of `units` (line index, units) with the form key `key`.
async fn start(
    s: &Shopper,
    number: i64,
    key: &str,
    method: &str,
    order_key: Option<&str>,
    units: &[(u32, &str)],
) -> (StatusCode, String) {
    let number = number.to_string();
    let names: Vec<String> = units.iter().map(|(i, _)| format!("units[{i}]")).collect();
    let mut form = vec![
        ("number", number.as_str()),
        ("key", key),
        ("method", method),
    ];
    if let Some(k) = order_key {
        form.push(("order_key", k));
    }
    for (name, (_, n)) in names.iter().zip(units) {
        form.push((name, n));
    }
    s.form("/api/orders/return", &form).await
}

async fn accept(staff: &Shopper, store: &str, code: &str) -> (StatusCode, Value) {
    let (st, body) = staff
        .form(
            "/api/staff/return/accept",
            &[("store", store), ("code", code)],
        )
        .await;
    (st, serde_json::from_str(&body).unwrap_or(Value::Null))
}

fn key(n: usize) -> String {
    format!("return-form-{n:0>20}")
}

async fn balance(s: &Shopper) -> i64 {
    let (_, body) = s.get("/api/account").await;
    serde_json::from_str::<Value>(&body).unwrap()["loyalty"]["balance"]
        .as_i64()
        .unwrap()
}

async fn on_hand(server: &Server, store: &str, variant: i64) -> i64 {
    sqlx::query_scalar(
        "SELECT COALESCE(MAX(s.on_hand), 0) FROM stock s JOIN locations l ON l.id = s.location_id
         WHERE l.slug = $1 AND s.variant_id = $2",
    )
    .bind(store)
    .bind(variant)
    .fetch_one(&db(server).await)
    .await
    .unwrap()
}

#[tokio::test]
async fn a_collected_order_is_returned_at_any_store_with_its_stock_money_and_points() {
    let own = start_server();
    let base = &own.base;
    let (store, variant) = isolated_stock(&own, 5, 10).await;
    let other: String = sqlx::query_scalar(
        "SELECT slug FROM locations WHERE kind = 'store' AND slug != $1 ORDER BY id LIMIT 1",
    )
    .bind(&store)
    .fetch_one(&db(&own).await)
    .await
    .unwrap();
    let staff = staff(base).await;
    let customer = Shopper::visit(base).await;
    customer.register(&unique_email("returns")).await;
    assert!(customer
        .form("/api/my-store", &[("store", &store)])
        .await
        .0
        .is_success());
    // Points to spend on the order: a purchase at the till.
    let (_, account) = customer.get("/api/account").await;
    let code = serde_json::from_str::<Value>(&account).unwrap()["loyalty"]["code"]
        .as_str()
        .unwrap()
        .to_string();
    let (st, body) = staff
        .form(
            "/api/staff/till",
            &[
                ("store", &store),
                ("code", &code),
                ("amount", "300,00"),
                ("key", &key(900)),
            ],
        )
        .await;
    assert_eq!(st, StatusCode::OK, "{body}");
    assert_eq!(balance(&customer).await, 300);

    for _ in 0..3 {
        add_pickup(&customer, variant).await;
    }
    let view = checkout_view(&customer).await;
    let slot = view["pickup"]["slots"][0]["starts_at"].as_i64().unwrap();
    let (st, body) = place(
        &customer,
        view["key"].as_str().unwrap(),
        Some(slot),
        &[("points", "101")],
    )
    .await;
    assert_eq!(st, StatusCode::CREATED, "{body}");
    let number = serde_json::from_str::<Value>(&body).unwrap()["number"]
        .as_i64()
        .unwrap();
    let placed = order(&customer, number, None).await;
    assert_eq!(placed["lines"][0]["quantity"], 3);
    assert_eq!(placed["returnable"], Value::Array(vec![]), "not yet");
    let total = placed["total"]["minor"].as_i64().unwrap();
    // The pickup fee it paid is not given back: the goods are the rest.
    let fee: i64 = sqlx::query_scalar("SELECT pickup_fee FROM orders WHERE id = $1")
        .bind(number)
        .fetch_one(&db(&own).await)
        .await
        .unwrap();
    let goods = total - fee;

    // Not collected yet: it is cancelled, not returned.
    let (st, body) = start(&customer, number, &key(1), "store", None, &[(0, "1")]).await;
    assert_eq!(st, StatusCode::CONFLICT, "{body}");
    assert!(matches!(refused(&body), Problem::NotReceivedYet { .. }));

    hand_over(&staff, &store, number).await;
    let earned = points_earned(total);
    assert_eq!(balance(&customer).await, 300 - 101 + earned);
    assert_eq!(on_hand(&own, &store, variant).await, 2, "3 of 5 collected");

    let collected = order(&customer, number, None).await;
    assert_eq!(collected["returnable"][0]["left"], 3);
    assert_eq!(collected["returnable"][0]["index"], 0);
    assert_eq!(collected["return_at_store_only"], true, "paid at the store");
    assert!(collected["return_until"]
        .as_str()
        .unwrap()
        .starts_with("20"));

    // Refusals, each with why.
    let one: &[(u32, &str)] = &[(0, "1")];
    let cases = [
        ("courier", one, StatusCode::CONFLICT),
        ("store", &[(0, "4")], StatusCode::CONFLICT),
        ("store", &[(0, "0")], StatusCode::BAD_REQUEST),
        ("drone", one, StatusCode::BAD_REQUEST),
    ];
    let want = [
        Problem::ReturnAtStoreOnly,
        Problem::ReturnTooMany {
            name: collected["lines"][0]["product_name"]
                .as_str()
                .map(|n| match collected["lines"][0]["variant_label"].as_str() {
                    Some(l) if !l.is_empty() => format!("{n} ({l})"),
                    _ => n.to_string(),
                })
                .unwrap(),
            left: 3,
        },
        Problem::NothingToReturn,
        Problem::UnknownReturnMethod {
            method: "drone".into(),
        },
    ];
    for ((method, units, status), want) in cases.iter().zip(want) {
        let (st, body) = start(&customer, number, &key(2), method, None, units).await;
        assert_eq!(st, *status, "{method} {units:?}: {body}");
        assert_eq!(refused(&body), want);
    }
    let (st, _) = start(&customer, number, &key(2), "store", None, &[(0, "x")]).await;
    assert_eq!(st, StatusCode::BAD_REQUEST);
    // Somebody else's order does not exist for them.
    let stranger = Shopper::visit(base).await;
    let (st, body) = start(&stranger, number, &key(2), "store", None, &[(0, "1")]).await;
    assert_eq!(st, StatusCode::NOT_FOUND, "{body}");

    // One unit; the same form sent again starts nothing new.
    let (st, body) = start(&customer, number, &key(3), "store", None, &[(0, "1")]).await;
    assert_eq!(st, StatusCode::OK, "{body}");
    let first: Value = serde_json::from_str(&body).unwrap();
    let first_code = first["code"].as_str().unwrap().to_string();
    assert!(first_code.starts_with("OSR-"), "{first_code}");
    assert_eq!(first["accepted"], false);
    let (_, again) = start(&customer, number, &key(3), "store", None, &[(0, "1")]).await;
    assert_eq!(
        serde_json::from_str::<Value>(&again).unwrap()["code"],
        first_code.as_str()
    );
    // The money and the points come back in the shares they paid.
    let first_money = first["refund"]["minor"].as_i64().unwrap();
    let first_points = first["points_back"].as_i64().unwrap();
    let net = goods + 101;
    let value = net / 3;
    assert_eq!(first_money, value * goods / net);
    assert_eq!(first_points, value * 101 / net);

    // Ten devices try to return the last two units at once: one does.
    let tries = join_all((0..10).map(|i| {
        let customer = customer.clone();
        async move { start(&customer, number, &key(10 + i), "store", None, &[(0, "2")]).await }
    }))
    .await;
    let ok: Vec<&(StatusCode, String)> = tries.iter().filter(|(st, _)| st.is_success()).collect();
    assert_eq!(ok.len(), 1, "{tries:?}");
    for (st, body) in tries.iter().filter(|(st, _)| !st.is_success()) {
        assert_eq!(*st, StatusCode::CONFLICT, "{body}");
        assert!(matches!(
            refused(body),
            Problem::ReturnTooMany { left: 0, .. }
        ));
    }
    let second: Value = serde_json::from_str(&ok[0].1).unwrap();
    let second_code = second["code"].as_str().unwrap().to_string();
    // The last units get the rest: together, exactly what the order took.
    assert_eq!(
        first_money + second["refund"]["minor"].as_i64().unwrap(),
        goods
    );
    assert_eq!(first_points + second["points_back"].as_i64().unwrap(), 101);
    assert_eq!(
        order(&customer, number, None).await["returnable"],
        Value::Array(vec![]),
        "nothing left to return"
    );

    // The desk finds a return by its code, typed in lower case.
    let (st, desk) = staff
        .get(&format!(
            "/staff/{other}/orders?return={}",
            first_code.to_lowercase()
        ))
        .await;
    assert_eq!(st, StatusCode::OK);
    assert!(
        desk.contains(&format!("Return {first_code} of order #{number}")),
        "{desk}"
    );
    assert!(desk.contains("Accept the return and refund"));
    let (_, desk) = staff
        .get(&format!("/staff/{other}/orders?return=OSR-22222222"))
        .await;
    assert!(desk.contains("No return has this code."));
    // Customers have no desk.
    let (st, _) = customer
        .form(
            "/api/staff/return/accept",
            &[("store", &other), ("code", &first_code)],
        )
        .await;
    assert_eq!(st, StatusCode::FORBIDDEN);

    // Accepted at another store, five presses at once: once.
    let before = balance(&customer).await;
    let presses = join_all((0..5).map(|_| accept(&staff, &other, &first_code))).await;
    let fresh: Vec<&Value> = presses
        .iter()
        .inspect(|(st, body)| assert_eq!(*st, StatusCode::OK, "{body}"))
        .map(|(_, body)| body)
        .filter(|b| b["repeated"] == false)
        .collect();
    assert_eq!(fresh.len(), 1, "{presses:?}");
    assert_eq!(fresh[0]["refund_state"], "AtCounter", "paid at the store");
    assert_eq!(
        on_hand(&own, &other, variant).await,
        1,
        "on that store's shelf"
    );
    assert_eq!(on_hand(&own, &store, variant).await, 2);
    let reversed_first = points_earned(first_money).min(earned);
    assert_eq!(
        balance(&customer).await,
        before + first_points - reversed_first
    );
    let (_, account) = customer.get("/api/account").await;
    let entries = serde_json::from_str::<Value>(&account).unwrap()["loyalty"]["entries"].clone();
    assert_eq!(entries[0]["kind"], "reversed");
    assert_eq!(entries[0]["channel"], "store");
    assert_eq!(entries[0]["points"], -reversed_first);
    assert_eq!(entries[1]["kind"], "returned");
    assert_eq!(entries[1]["points"], first_points);

    // The second, without JavaScript at the order's own store.
    let back = staff
        .plain_form(
            "/api/staff/return/accept",
            &format!("/staff/{store}/orders"),
            &[("store", &store), ("code", &second_code)],
        )
        .await;
    let refund_second = goods - first_money;
    assert_eq!(
        back,
        format!(
            "/staff/{store}/orders?accepted={second_code}&refund={refund_second}&state=counter&again=0"
        )
    );
    let (_, desk) = staff.get(&back).await;
    assert!(
        desk.contains(&format!("Return {second_code} accepted")),
        "{desk}"
    );
    assert!(desk.contains("at the counter now"));
    assert_eq!(on_hand(&own, &store, variant).await, 4);
    // Everything returned: every point the goods earned is taken back (the
    // pickup fee's stay, as the fee does), every point it spent given back.
    assert_eq!(
        balance(&customer).await,
        300 + earned - points_earned(goods).min(earned)
    );

    // The order page shows both returns, accepted; each got its e-mail.
    let (_, page) = customer.get(&format!("/orders/{number}")).await;
    assert!(
        page.contains("Your returns") && page.contains(&first_code) && page.contains(&second_code)
    );
    assert_eq!(page.matches(r#"data-accepted="true""#).count(), 2);
    assert!(!page.contains("Start the return"));
    let mails: i64 = sqlx::query_scalar(
        "SELECT COUNT(*) FROM outbox WHERE order_id = $1 AND subject LIKE 'Return %accepted'",
    )
    .bind(number)
    .fetch_one(&db(&own).await)
    .await
    .unwrap();
    assert_eq!(mails, 2);
}

#[tokio::test]
async fn a_guest_returns_a_delivered_order_by_courier_and_the_provider_refunds_it() {
    let own = start_server();
    let base = &own.base;
    let goods = stocked_variants_on(&own, 5, 1).await;
    let variant = goods[0].0;
    let guest = Shopper::visit(base).await;
    assert!(guest.add(variant, 2).await.0.is_success());
    let (st, body) = place_delivery(&guest).await;
    assert_eq!(st, StatusCode::CREATED, "{body}");
    let placed: Value = serde_json::from_str(&body).unwrap();
    let number = placed["number"].as_i64().unwrap();
    let href = placed["href"].as_str().unwrap().to_string();
    let order_key = href.split("key=").nth(1).unwrap().to_string();
    let online_before = on_hand(&own, "online", variant).await;

    let (st, body) = start(
        &guest,
        number,
        &key(1),
        "courier",
        Some(&order_key),
        &[(0, "1")],
    )
    .await;
    assert_eq!(st, StatusCode::CONFLICT, "{body}");
    assert!(matches!(refused(&body), Problem::NotReceivedYet { .. }));
    let out = omnistore(&["delivered", "--database-url", &own.db, &number.to_string()]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );

    // The link's holder may return it, from any browser; nobody else.
    let phone = Shopper::visit(base).await;
    let (st, _) = start(&phone, number, &key(1), "courier", None, &[(0, "1")]).await;
    assert_eq!(st, StatusCode::NOT_FOUND);
    let view = order(&phone, number, Some(&order_key)).await;
    assert_eq!(view["return_at_store_only"], false);
    assert_eq!(view["returnable"][0]["left"], 2);
    let (st, body) = start(
        &phone,
        number,
        &key(1),
        "courier",
        Some(&order_key),
        &[(0, "1")],
    )
    .await;
    assert_eq!(st, StatusCode::OK, "{body}");
    let first: Value = serde_json::from_str(&body).unwrap();
    let code = first["code"].as_str().unwrap().to_string();

    // Without JavaScript: a refusal comes back to the order page in words,
    // then the return's code.
    let page = format!("/orders/{number}?key={order_key}");
    let back = guest
        .plain_form(
            "/api/orders/return",
            &page,
            &[
                ("number", &number.to_string()),
                ("key", &key(2)),
                ("method", "courier"),
                ("order_key", &order_key),
                ("units[0]", "5"),
            ],
        )
        .await;
    assert_eq!(back, format!("{page}&error=return"));
    let (_, html) = guest.get(&back).await;
    assert!(
        html.contains("These items cannot be returned as asked."),
        "{html}"
    );
    assert!(html.contains("Start the return"));
    let back = guest
        .plain_form(
            "/api/orders/return",
            &page,
            &[
                ("number", &number.to_string()),
                ("key", &key(3)),
                ("method", "courier"),
                ("order_key", &order_key),
                ("units[0]", "1"),
            ],
        )
        .await;
    let (before, fragment) = back.split_once('#').unwrap();
    let second = before.split("returned=").nth(1).unwrap().to_string();
    assert!(second.starts_with("OSR-") && second != code, "{back}");
    assert_eq!(fragment, format!("return-{second}"));
    let (_, html) = guest.get(before).await;
    assert!(html.contains(&format!(r#"id="return-{second}""#)));
    assert!(html.contains("send them to"), "the courier's instructions");

    // The window: 30 days from delivery.
    let pool = db(&own).await;
    sqlx::query("UPDATE orders SET delivered_at = delivered_at - $1 WHERE id = $2")
        .bind((RETURN_DAYS + 1) * 24 * 3600)
        .bind(number)
        .execute(&pool)
        .await
        .unwrap();
    sqlx::query("DELETE FROM returns WHERE code = $1")
        .bind(&second)
        .execute(&pool)
        .await
        .unwrap();
    let (st, body) = start(
        &guest,
        number,
        &key(4),
        "courier",
        Some(&order_key),
        &[(0, "1")],
    )
    .await;
    assert_eq!(st, StatusCode::CONFLICT, "{body}");
    assert_eq!(
        refused(&body),
        Problem::ReturnTimeOver { days: RETURN_DAYS }
    );
    assert_eq!(
        order(&guest, number, Some(&order_key)).await["returnable"],
        Value::Array(vec![])
    );

    // A courier parcel goes to the warehouse, whichever desk books it in;
    // the provider refunds the card.
    let staff = staff(base).await;
    let store: String =
        sqlx::query_scalar("SELECT slug FROM locations WHERE kind = 'store' ORDER BY id LIMIT 1")
            .fetch_one(&pool)
            .await
            .unwrap();
    let (st, done) = accept(&staff, &store, &code).await;
    assert_eq!(st, StatusCode::OK, "{done}");
    assert_eq!(done["refund_state"], "Refunded");
    assert_eq!(done["refund"]["minor"], first["refund"]["minor"]);
    assert_eq!(on_hand(&own, "online", variant).await, online_before + 1);
    let refund_ref: String = sqlx::query_scalar("SELECT refund_ref FROM returns WHERE code = $1")
        .bind(&code)
        .fetch_one(&pool)
        .await
        .unwrap();
    assert_eq!(
        refund_ref,
        format!("test-refund-{code}-{}", first["refund"]["minor"])
    );
    let view = order(&guest, number, Some(&order_key)).await;
    assert_eq!(view["returns"][0]["refund_state"], "Refunded");
    assert_eq!(view["returns"][0]["accepted"], true);
    // An unknown code is a 404 with why.
    let (st, body) = staff
        .form(
            "/api/staff/return/accept",
            &[("store", &store), ("code", "OSR-22222222")],
        )
        .await;
    assert_eq!(st, StatusCode::NOT_FOUND, "{body}");
    assert_eq!(refused(&body), Problem::NoSuchReturn);
}
