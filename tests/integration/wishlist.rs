//! The wishlist over HTTP: kept on the server and the same on every device,
//! a guest's joining the account at sign-in, "Move to cart", the limit
//! (under concurrent adds too) and bad input.

use super::accounts::{db, stocked_variants, unique_email, Shopper, PASSWORD};
use super::{refused, server};
use omnistore_components::model::{Problem, MAX_WISHES};
use reqwest::StatusCode;

/// `(variant id, product slug, product name)` of well-stocked variants of
/// different products.
async fn wishable(n: usize) -> Vec<(String, String, String)> {
    let pool = db(server()).await;
    let mut out: Vec<(String, String, String)> = Vec::new();
    for (variant, _) in stocked_variants(3, 200).await {
        let (slug, name) = product_of(&pool, variant, "en").await;
        if !out.iter().any(|(_, s, _)| s == &slug) {
            out.push((variant.to_string(), slug, name));
        }
        if out.len() == n {
            break;
        }
    }
    assert_eq!(out.len(), n, "enough products");
    out
}

/// The slug and the name (in `lang`, "en" or "pl") of a variant's product.
async fn product_of(pool: &sqlx::AnyPool, variant: i64, lang: &str) -> (String, String) {
    sqlx::query_as(&format!(
        "SELECT p.slug, p.name_{lang} FROM variants v JOIN products p ON p.id = v.product_id
         WHERE v.id = $1"
    ))
    .bind(variant)
    .fetch_one(pool)
    .await
    .unwrap()
}

async fn wish(s: &Shopper, variant: &str, slug: &str, on: bool) -> (StatusCode, String) {
    let on = if on { "true" } else { "false" };
    s.form(
        "/api/wishlist/set",
        &[("product_slug", slug), ("variant_id", variant), ("on", on)],
    )
    .await
}

#[tokio::test]
async fn a_guests_wishes_join_the_account_and_every_device_shows_the_same_list() {
    let base = &server().base;
    let items = wishable(2).await;
    let (v1, slug1, name1) = &items[0];
    let (v2, slug2, name2) = &items[1];
    let phone = Shopper::visit(base).await;
    let (s, page) = phone.get(&format!("/p/{slug1}?variant={v1}")).await;
    assert_eq!(s, StatusCode::OK);
    assert!(
        page.contains(r#"action="/api/wishlist/set""#),
        "the product page offers it"
    );
    assert!(page.contains("Add to wishlist"));
    // A guest's first wish gets the cart cookie, like a first add to the cart.
    let (s, body) = wish(&phone, v1, slug1, true).await;
    assert_eq!(s, StatusCode::OK, "{body}");
    assert!(phone.cookie("os_cart").is_some());
    let (s, body) = wish(&phone, v1, slug1, true).await;
    assert_eq!(s, StatusCode::OK, "again: still one wish ({body})");
    // The answer's page says so; the product page itself, kept for every
    // visitor, only offers to add.
    let (_, page) = phone
        .get(&format!("/p/{slug1}?variant={v1}&done=wished"))
        .await;
    assert!(page.contains("Saved to your wishlist.") && page.contains(r#"href="/wishlist""#));
    let (_, page) = phone.get(&format!("/p/{slug1}?variant={v1}")).await;
    assert!(!page.contains("Saved to your wishlist."));
    let (_, list) = phone.get("/wishlist").await;
    assert_eq!(
        list.matches("class=\"os-wishlist-item\"").count(),
        1,
        "{list}"
    );
    assert!(list.contains(&html_escape(name1)));

    // Signing up takes the guest's wish into the account.
    let email = unique_email("wish");
    phone.register(&email).await;
    let (_, list) = phone.get("/wishlist").await;
    assert!(list.contains(&html_escape(name1)), "{list}");

    // The laptop signs in to the same account: the same list; its own
    // wish shows on the phone.
    let laptop = Shopper::visit(base).await;
    let (s, body) = laptop.login(&email, PASSWORD).await;
    assert!(s.is_success() || s.is_redirection(), "{s} {body}");
    let (_, list) = laptop.get("/wishlist").await;
    assert!(list.contains(&html_escape(name1)));
    let (s, _) = wish(&laptop, v2, slug2, true).await;
    assert_eq!(s, StatusCode::OK);
    let (_, list) = phone.get("/wishlist").await;
    assert_eq!(list.matches("class=\"os-wishlist-item\"").count(), 2);
    let newest = list.find(&html_escape(name2)).unwrap();
    assert!(
        newest < list.find(&html_escape(name1)).unwrap(),
        "newest first"
    );

    // Removed on the phone: gone on the laptop.
    let (s, _) = wish(&phone, v1, slug1, false).await;
    assert_eq!(s, StatusCode::OK);
    let (_, list) = laptop.get("/wishlist").await;
    assert!(!list.contains(&html_escape(name1)));
    assert!(list.contains(&html_escape(name2)));
    // Signed out, the browser shows nobody's wishes.
    laptop.form("/api/auth/logout", &[]).await;
    let (_, list) = laptop.get("/wishlist").await;
    assert!(list.contains("Your wishlist is empty"), "{list}");
}

#[tokio::test]
async fn move_to_cart_and_remove_work_as_plain_forms() {
    let base = &server().base;
    let items = wishable(2).await;
    let (v1, slug1, _) = &items[0];
    let (v2, slug2, name2) = &items[1];
    let s = Shopper::visit(base).await;
    // Without JavaScript, from the product page: back to it, now wished.
    let back = s
        .plain_form(
            "/api/wishlist/set",
            &format!("/p/{slug1}"),
            &[("product_slug", slug1), ("variant_id", v1), ("on", "true")],
        )
        .await;
    assert_eq!(
        back,
        format!("/p/{slug1}?variant={v1}&done=wished&saved={v1}")
    );
    assert!(s.get(&back).await.1.contains("Saved to your wishlist."));
    wish(&s, v2, slug2, true).await;

    let back = s
        .plain_form(
            "/api/wishlist/to-cart",
            "/wishlist",
            &[("product_slug", slug1), ("variant_id", v1)],
        )
        .await;
    assert_eq!(back, "/wishlist?done=moved");
    let (_, page) = s.get(&back).await;
    assert!(page.contains("Moved to your cart."), "{page}");
    assert_eq!(
        page.matches("class=\"os-wishlist-item\"").count(),
        1,
        "off the wishlist"
    );
    assert!(page.contains(&html_escape(name2)));
    let cart = s.cart().await;
    let lines = cart["lines"].as_array().unwrap();
    assert_eq!(lines.len(), 1, "{cart}");
    assert_eq!(lines[0]["variant_id"].as_str().unwrap(), v1);
    assert_eq!(lines[0]["quantity"], 1);

    let back = s
        .plain_form(
            "/api/wishlist/set",
            "/wishlist",
            &[
                ("product_slug", slug2),
                ("variant_id", v2),
                ("on", "false"),
                ("back", "/wishlist"),
            ],
        )
        .await;
    assert_eq!(back, "/wishlist?done=unwished");
    let (_, page) = s.get(&back).await;
    assert!(page.contains("Removed from your wishlist."));
    assert!(page.contains("Your wishlist is empty"), "{page}");
    // `back` elsewhere than this shop is ignored.
    let back = s
        .plain_form(
            "/api/wishlist/set",
            "/wishlist",
            &[
                ("product_slug", slug2),
                ("variant_id", v2),
                ("on", "true"),
                ("back", "//evil.example/"),
            ],
        )
        .await;
    assert_eq!(
        back,
        format!("/p/{slug2}?variant={v2}&done=wished&saved={v2}")
    );
}

#[tokio::test]
async fn bad_wishes_are_refused_with_a_reason_and_nothing_is_kept() {
    let base = &server().base;
    let items = wishable(2).await;
    let (v1, slug1, _) = &items[0];
    let (_, slug2, _) = &items[1];
    let s = Shopper::visit(base).await;
    for (slug, variant) in [
        (slug2.as_str(), v1.as_str()),
        ("no-such-product", v1.as_str()),
        ("../etc", v1.as_str()),
        (slug1.as_str(), "999999999"),
    ] {
        let (st, body) = wish(&s, variant, slug, true).await;
        assert_eq!(st, StatusCode::BAD_REQUEST, "{slug} {variant}: {body}");
        assert_eq!(refused(&body), Problem::UnknownVariant);
    }
    for bad in [
        vec![
            ("product_slug", slug1.as_str()),
            ("variant_id", v1.as_str()),
            ("on", "maybe"),
        ],
        vec![("product_slug", slug1.as_str()), ("on", "true")],
        vec![
            ("product_slug", slug1.as_str()),
            ("variant_id", "<script>"),
            ("on", "true"),
        ],
    ] {
        let (st, body) = s.form("/api/wishlist/set", &bad).await;
        assert!(st.is_client_error(), "{bad:?}: {st} {body}");
    }
    let back = s
        .plain_form(
            "/api/wishlist/set",
            &format!("/p/{slug2}"),
            &[("product_slug", slug2), ("variant_id", v1), ("on", "true")],
        )
        .await;
    assert_eq!(back, format!("/p/{slug2}?variant={v1}&error=invalid"));
    let (_, list) = s.get("/wishlist").await;
    assert!(list.contains("Your wishlist is empty"), "{list}");
}

#[tokio::test]
async fn the_limit_holds_under_concurrent_adds_from_many_devices() {
    let base = &server().base;
    let s = Shopper::visit(base).await;
    let email = unique_email("wish-limit");
    s.register(&email).await;
    let pool = db(server()).await;
    let customer: i64 = sqlx::query_scalar("SELECT id FROM customers WHERE email = $1")
        .bind(&email)
        .fetch_one(&pool)
        .await
        .unwrap();
    // All but five places taken (by wishes for variants no page shows).
    for i in 0..i64::from(MAX_WISHES) - 5 {
        sqlx::query(
            "INSERT INTO wishlist_items (customer_id, product_slug, variant_id, added_at)
             VALUES ($1, 'gone', $2, 0)",
        )
        .bind(customer)
        .bind(format!("gone-{i}"))
        .execute(&pool)
        .await
        .unwrap();
    }
    // Twenty devices of the customer add twenty different wishes at once.
    let items = wishable(20).await;
    let mut devices = Vec::new();
    for _ in 0..20 {
        let d = Shopper::visit(base).await;
        let (st, _) = d.login(&email, PASSWORD).await;
        assert!(st.is_success() || st.is_redirection());
        devices.push(d);
    }
    let answers = futures::future::join_all(
        devices
            .iter()
            .zip(&items)
            .map(|(d, (v, slug, _))| wish(d, v, slug, true)),
    )
    .await;
    let taken = answers
        .iter()
        .filter(|(st, _)| *st == StatusCode::OK)
        .count();
    assert_eq!(taken, 5, "{answers:?}");
    for (st, body) in answers.iter().filter(|(st, _)| *st != StatusCode::OK) {
        assert_eq!(*st, StatusCode::CONFLICT);
        assert_eq!(refused(body), Problem::WishlistFull { max: MAX_WISHES });
    }
    let count: i64 =
        sqlx::query_scalar("SELECT COUNT(*) FROM wishlist_items WHERE customer_id = $1")
            .bind(customer)
            .fetch_one(&pool)
            .await
            .unwrap();
    assert_eq!(count, i64::from(MAX_WISHES));
    // The page shows what is still in the catalog, and says why one is refused.
    let (_, list) = s.get("/wishlist").await;
    assert_eq!(list.matches("class=\"os-wishlist-item\"").count(), 5);
    let (v, slug, _) = &items[19];
    let (st, _) = wish(&s, v, slug, false).await;
    assert_eq!(st, StatusCode::OK, "taking off is always possible");
}

/// Text as the page's HTML carries it.
fn html_escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// The `.eml` files in `dir` whose decoded subject contains `needle`, as
/// (subject, recipient, body).
fn mails_about(dir: &std::path::Path, needle: &str) -> Vec<(String, String, String)> {
    use mailparse::MailHeaderMap;
    let Ok(entries) = std::fs::read_dir(dir) else {
        return Vec::new();
    };
    entries
        .filter_map(|e| std::fs::read(e.ok()?.path()).ok())
        .filter_map(|raw| {
            let mail = mailparse::parse_mail(&raw).ok()?;
            let subject = mail.headers.get_first_value("Subject")?;
            let to = mail.headers.get_first_value("To")?;
            let body = mail.get_body().ok()?;
            subject.contains(needle).then_some((subject, to, body))
        })
        .collect()
}

#[tokio::test]
async fn back_at_my_store_is_told_once_by_e_mail_in_the_customers_language() {
    let server = crate::start_server();
    let base = &server.base;
    let pool = db(&server).await;
    let (variant, _) = crate::accounts::stocked_variants_on(&server, 3, 1).await[0];
    let (slug, name_pl) = product_of(&pool, variant, "pl").await;
    // A store whose shelf has none of it.
    let (store_id, store, store_name): (i64, String, String) = sqlx::query_as(
        "SELECT id, slug, name FROM locations WHERE kind = 'store' ORDER BY id LIMIT 1",
    )
    .fetch_one(&pool)
    .await
    .unwrap();
    sqlx::query("DELETE FROM stock WHERE location_id = $1 AND variant_id = $2")
        .bind(store_id)
        .bind(variant)
        .execute(&pool)
        .await
        .unwrap();
    let v = variant.to_string();

    // A guest is asked to sign in first.
    let guest = Shopper::visit(base).await;
    guest.form("/api/my-store", &[("store", &store)]).await;
    wish(&guest, &v, &slug, true).await;
    let (_, list) = guest.get("/wishlist").await;
    assert!(list.contains("href=\"/login?next=/wishlist\""), "{list}");
    let (st, body) = guest
        .form("/api/wishlist/alert", &[("variant_id", &v), ("on", "true")])
        .await;
    assert_eq!(st, StatusCode::UNAUTHORIZED, "{body}");
    assert_eq!(refused(&body), Problem::SignInFirst);

    // A customer writing in Polish, no store chosen yet.
    let s = Shopper::visit(base).await;
    let email = unique_email("back");
    s.register(&email).await;
    sqlx::query("UPDATE customers SET locale = 'pl' WHERE email = $1")
        .bind(&email)
        .execute(&pool)
        .await
        .unwrap();
    wish(&s, &v, &slug, true).await;
    let (st, body) = s
        .form("/api/wishlist/alert", &[("variant_id", &v), ("on", "true")])
        .await;
    assert!(st.is_client_error(), "{st} {body}");
    assert_eq!(refused(&body), Problem::ChooseStoreFirst);
    s.form("/api/my-store", &[("store", &store)]).await;
    // Not on the list: refused, nothing kept.
    let (st, body) = s
        .form(
            "/api/wishlist/alert",
            &[("variant_id", "999999999"), ("on", "true")],
        )
        .await;
    assert_eq!(st, StatusCode::BAD_REQUEST, "{body}");
    assert_eq!(refused(&body), Problem::UnknownVariant);

    let (_, list) = s.get("/wishlist").await;
    assert!(
        list.contains("Tell me when it is back at my store"),
        "{list}"
    );
    let back = s
        .plain_form(
            "/api/wishlist/alert",
            "/wishlist",
            &[("variant_id", &v), ("on", "true")],
        )
        .await;
    assert_eq!(back, "/wishlist?done=alert");
    let (_, list) = s.get(&back).await;
    assert!(list.contains("We will e-mail you once"), "{list}");
    assert!(list.contains("Never mind"));

    // Rounds go by with the shelf empty: nothing is sent.
    tokio::time::sleep(std::time::Duration::from_millis(500)).await;
    assert!(mails_about(&server.mail, &store_name).is_empty());

    // The delivery arrives at the store.
    sqlx::query(
        "INSERT INTO stock (location_id, variant_id, on_hand, reserved) VALUES ($1, $2, 4, 0)",
    )
    .bind(store_id)
    .bind(variant)
    .execute(&pool)
    .await
    .unwrap();
    let mut mails = Vec::new();
    for _ in 0..100 {
        mails = mails_about(&server.mail, &store_name);
        if !mails.is_empty() {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    assert_eq!(mails.len(), 1, "{mails:?}");
    let (subject, to, body) = &mails[0];
    assert_eq!(subject, &format!("{name_pl} znów w sklepie {store_name}"));
    assert!(to.contains(&email), "{to}");
    assert!(body.starts_with("Dzień dobry,"), "{body}");
    assert!(
        body.contains(&format!("{base}/p/{slug}?variant={v}")),
        "{body}"
    );

    // Once: more rounds, and the shelf emptied and refilled, send no more.
    sqlx::query("UPDATE stock SET on_hand = 0 WHERE location_id = $1 AND variant_id = $2")
        .bind(store_id)
        .bind(variant)
        .execute(&pool)
        .await
        .unwrap();
    tokio::time::sleep(std::time::Duration::from_millis(300)).await;
    sqlx::query("UPDATE stock SET on_hand = 5 WHERE location_id = $1 AND variant_id = $2")
        .bind(store_id)
        .bind(variant)
        .execute(&pool)
        .await
        .unwrap();
    tokio::time::sleep(std::time::Duration::from_millis(600)).await;
    assert_eq!(mails_about(&server.mail, &store_name).len(), 1);
    let waiting: i64 = sqlx::query_scalar(
        "SELECT COUNT(*) FROM wishlist_items WHERE alert_store IS NOT NULL AND variant_id = $1",
    )
    .bind(&v)
    .fetch_one(&pool)
    .await
    .unwrap();
    assert_eq!(waiting, 0, "the alert is spent; the wish stays");
    let (_, list) = s.get("/wishlist").await;
    assert!(list.contains("os-wishlist-item"));
}

/// `name="{field}" value="…"` of the first form after `from` in `html`.
fn hidden(html: &str, from: usize, field: &str) -> String {
    let needle = format!(r#"name="{field}" value=""#);
    let start = html[from..].find(&needle).expect(field) + from + needle.len();
    html[start..start + html[start..].find('"').unwrap()].to_string()
}

#[tokio::test]
async fn a_card_adds_to_the_wishlist_and_the_listing_says_which() {
    let base = &server().base;
    let s = Shopper::visit(base).await;
    // A listing (sorted: its address has a query) with a one-variant product.
    let mut found = None;
    for category in ["lighting", "garden-tools", "kitchen", "camping", "watering"] {
        let listing = format!("/c/{category}?sort=price-desc");
        let (_, page) = s.get(&listing).await;
        if let Some(at) = page.find(r#"action="/api/wishlist/set""#) {
            found = Some((listing, page, at));
            break;
        }
    }
    let (listing, page, at) = found.expect("a listing with a one-variant product");
    let (slug, variant) = (
        hidden(&page, at, "product_slug"),
        hidden(&page, at, "variant_id"),
    );
    assert_eq!(
        hidden(&page, at, "back"),
        listing,
        "the card comes back here"
    );
    assert!(!page.contains("Saved to your wishlist."));

    let back = s
        .plain_form(
            "/api/wishlist/set",
            &listing,
            &[
                ("product_slug", &slug),
                ("variant_id", &variant),
                ("on", "true"),
                ("back", &listing),
            ],
        )
        .await;
    assert_eq!(back, format!("{listing}&done=wished&saved={variant}"));
    let (st, page) = s.get(&back).await;
    assert_eq!(st, StatusCode::OK);
    assert_eq!(
        page.matches("Saved to your wishlist.").count(),
        1,
        "on its card only"
    );
    // Its forms still come back to the listing, not to the answer.
    let at = page.find(r#"action="/api/wishlist/set""#).unwrap();
    assert_eq!(hidden(&page, at, "back"), listing);
    let (_, list) = s.get("/wishlist").await;
    assert_eq!(list.matches("class=\"os-wishlist-item\"").count(), 1);
    assert!(list.contains(&format!("/p/{slug}?variant={variant}")));
}
