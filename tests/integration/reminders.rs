//! Reminders over HTTP: consent at sign-up and in the account, one cart
//! reminder a filled cart (with its lines, a link to the cart and a
//! one-click unsubscribe, header and link), none without consent, the
//! unsubscribe page and the mail client's one-click POST; "your slot is
//! today" once, on the day.

use super::accounts::{db, stocked_variants_on, unique_email, Shopper, PASSWORD};
use super::stores::{add_pickup, checkout_view, isolated_stock, place, place_delivery};
use super::{refused, server, start_server};
use chrono::TimeZone;
use omnistore_components::model::Problem;
use reqwest::StatusCode;

async fn sign_up(s: &Shopper, email: &str, reminders: bool) {
    let mut form = vec![
        ("name", "Ala Test"),
        ("email", email),
        ("password", PASSWORD),
    ];
    if reminders {
        form.push(("reminders", "on"));
    }
    let (st, body) = s.form("/api/auth/register", &form).await;
    assert!(st.is_success() || st.is_redirection(), "{st} {body}");
}

/// Reminder e-mails written for `email`: (subject, body, one-click URL).
async fn reminders_to(pool: &sqlx::AnyPool, email: &str) -> Vec<(String, String, String)> {
    sqlx::query_as(
        "SELECT subject, body, unsubscribe FROM outbox
         WHERE recipient = $1 AND unsubscribe IS NOT NULL ORDER BY id",
    )
    .bind(email)
    .fetch_all(pool)
    .await
    .unwrap()
}

#[tokio::test]
async fn a_cart_left_a_day_gets_one_reminder_with_a_one_click_unsubscribe() {
    let own = server();
    let base = &own.base;
    let pool = db(own).await;
    let (variant, _) = stocked_variants_on(own, 3, 1).await[0];
    let product: String = sqlx::query_scalar(
        "SELECT p.name_en FROM variants v JOIN products p ON p.id = v.product_id WHERE v.id = $1",
    )
    .bind(variant)
    .fetch_one(&pool)
    .await
    .unwrap();

    let (yes, no) = (unique_email("remind-yes"), unique_email("remind-no"));
    let agreed = Shopper::visit(base).await;
    sign_up(&agreed, &yes, true).await;
    let declined = Shopper::visit(base).await;
    sign_up(&declined, &no, false).await;
    let (_, page) = agreed.get("/register").await;
    assert!(
        page.contains(r#"name="reminders""#),
        "consent is asked at sign-up"
    );
    assert!(
        !page.contains(r#"name="reminders" value="on" checked"#),
        "unticked"
    );
    let (_, page) = agreed.get("/account").await;
    assert!(page.contains(r#"data-reminders="true""#));
    let (_, page) = declined.get("/account").await;
    assert!(page.contains(r#"data-reminders="false""#));

    for s in [&agreed, &declined] {
        assert!(s.add(variant, 2).await.0.is_success());
    }
    // A day passes (the carts were last touched 25 hours ago).
    sqlx::query(
        "UPDATE carts SET updated_at = updated_at - 90000 WHERE customer_id IN
         (SELECT id FROM customers WHERE email IN ($1, $2))",
    )
    .bind(&yes)
    .bind(&no)
    .execute(&pool)
    .await
    .unwrap();
    let (db, to) = (&pool, &yes);
    let sent = super::eventually(50, || async move {
        let sent = reminders_to(db, to).await;
        (!sent.is_empty()).then_some(sent)
    })
    .await
    .unwrap_or_default();
    assert_eq!(sent.len(), 1);
    let (subject, body, one_click) = &sent[0];
    assert_eq!(subject, "Your cart is waiting for you");
    assert!(body.contains(&format!("2 × {product}")), "{body}");
    assert!(body.contains(&format!("{base}/cart")), "{body}");
    let token = one_click.split("token=").nth(1).unwrap().to_string();
    assert_eq!(
        *one_click,
        format!("{base}/api/v1/unsubscribe?token={token}")
    );
    assert!(
        body.contains(&format!("{base}/unsubscribe?token={token}")),
        "{body}"
    );

    // Rounds go on: still one, and none for the customer who said no.
    tokio::time::sleep(std::time::Duration::from_millis(400)).await;
    assert_eq!(reminders_to(&pool, &yes).await.len(), 1);
    assert!(reminders_to(&pool, &no).await.is_empty());

    // The e-mail carries the headers (delivered within the outbox's rounds).
    let (mail, who) = (&own.mail, &yes);
    let headers = super::eventually(100, || async move {
        let found = std::fs::read_dir(mail).ok().and_then(|entries| {
            entries
                .filter_map(|e| std::fs::read(e.ok()?.path()).ok())
                .find_map(|raw| {
                    use mailparse::MailHeaderMap;
                    let mail = mailparse::parse_mail(&raw).ok()?;
                    let to = mail.headers.get_first_value("To")?;
                    let header = mail.headers.get_first_value("List-Unsubscribe")?;
                    let post = mail.headers.get_first_value("List-Unsubscribe-Post")?;
                    to.contains(who.as_str()).then_some((header, post))
                })
        });
        found
    })
    .await;
    assert_eq!(
        headers,
        Some((
            format!("<{one_click}>"),
            "List-Unsubscribe=One-Click".into()
        ))
    );

    // The link's page asks once; the mail client's button needs no page.
    let (st, page) = Shopper::visit(base)
        .await
        .get(&format!("/unsubscribe?token={token}"))
        .await;
    assert_eq!(st, StatusCode::OK);
    assert!(page.contains(&format!(r#"action="/api/v1/unsubscribe?token={token}""#)));
    let res = reqwest::Client::new()
        .post(one_click.as_str())
        .form(&[("List-Unsubscribe", "One-Click")])
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::OK);
    let (_, page) = agreed.get("/account").await;
    assert!(page.contains(r#"data-reminders="false""#), "unsubscribed");
    // A link nobody has: a clear 404, and the page says so.
    let res = reqwest::Client::new()
        .post(format!(
            "{base}/api/v1/unsubscribe?token={}",
            "0".repeat(64)
        ))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::NOT_FOUND);
    let res = reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap()
        .post(format!("{base}/api/v1/unsubscribe?token=nonsense"))
        .header("accept", "text/html")
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    assert_eq!(res.headers()["location"], "/unsubscribe?done=0");
    let (_, page) = agreed.get("/unsubscribe?done=0").await;
    assert!(page.contains("This unsubscribe link is not valid"));

    // The account turns them on again (a plain form), the same link works.
    let back = agreed
        .plain_form("/api/account/reminders", "/account", &[("on", "true")])
        .await;
    assert_eq!(back, "/account?done=reminders-on");
    let (_, page) = agreed.get("/account").await;
    assert!(page.contains(r#"data-reminders="true""#));
    let (st, body) = agreed
        .form("/api/account/reminders", &[("on", "maybe")])
        .await;
    assert_eq!(st, StatusCode::BAD_REQUEST, "{body}");
    assert_eq!(
        refused(&body),
        Problem::UnknownParameter { name: "on".into() }
    );
    // An order empties the cart: the next filling may be reminded of again.
    let (st, body) = place_delivery(&agreed).await;
    assert_eq!(st, StatusCode::CREATED, "{body}");
    let reminded: Option<i64> = sqlx::query_scalar(
        "SELECT reminded_at FROM carts WHERE customer_id = (SELECT id FROM customers WHERE email = $1)",
    )
    .bind(&yes)
    .fetch_one(&pool)
    .await
    .unwrap();
    assert_eq!(reminded, None);
}

#[tokio::test]
async fn your_slot_is_today_is_written_once_on_the_day() {
    let own = start_server();
    let base = &own.base;
    let pool = db(&own).await;
    let (store, variant) = isolated_stock(&own, 3, 10).await;
    let s = Shopper::visit(base).await;
    let email = unique_email("slot");
    sign_up(&s, &email, false).await;
    s.form("/api/my-store", &[("store", &store)]).await;
    add_pickup(&s, variant).await;
    let view = checkout_view(&s).await;
    let slot = view["pickup"]["slots"][0]["starts_at"].as_i64().unwrap();
    let (st, body) = place(&s, view["key"].as_str().unwrap(), Some(slot), &[]).await;
    assert_eq!(st, StatusCode::CREATED, "{body}");
    let number = serde_json::from_str::<serde_json::Value>(&body).unwrap()["number"]
        .as_i64()
        .unwrap();
    // The slot is tomorrow at 11:00 in Warsaw; the round runs at 09:00 then.
    let tz = chrono_tz::Europe::Warsaw;
    let tomorrow = (chrono::Utc::now().with_timezone(&tz) + chrono::Duration::days(1)).date_naive();
    let at = |h| {
        tz.from_local_datetime(&tomorrow.and_hms_opt(h, 0, 0).unwrap())
            .earliest()
            .unwrap()
            .timestamp()
    };
    // (A round of the server may have seen the first slot already.)
    sqlx::query("UPDATE orders SET slot_starts_at = $1, slot_reminded_at = NULL WHERE id = $2")
        .bind(at(11))
        .bind(number)
        .execute(&pool)
        .await
        .unwrap();
    let store_db = omnistore_server::storage::SqlStore::connect(&own.db)
        .await
        .unwrap();
    // Too early in the morning: nothing yet.
    omnistore_server::reminders::run_once(&store_db, base, at(5))
        .await
        .unwrap();
    let today = |pool: sqlx::AnyPool| async move {
        sqlx::query_as::<_, (String, String)>(
            "SELECT subject, body FROM outbox WHERE order_id = $1 AND subject LIKE '%today%'",
        )
        .bind(number)
        .fetch_all(&pool)
        .await
        .unwrap()
    };
    assert!(today(pool.clone()).await.is_empty());
    omnistore_server::reminders::run_once(&store_db, base, at(9))
        .await
        .unwrap();
    omnistore_server::reminders::run_once(&store_db, base, at(10))
        .await
        .unwrap();
    let sent = today(pool.clone()).await;
    assert_eq!(sent.len(), 1, "once");
    assert_eq!(sent[0].0, format!("Pick up order #{number} today"));
    assert!(sent[0].1.contains("11:00"), "{}", sent[0].1);
}
