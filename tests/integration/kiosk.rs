//! The kiosk over HTTP: starting it with the PIN (and the PIN's rate limit),
//! the other staff actions (assist, timing, exit), scanning, the reset that
//! refuses replayed cookies, the one-time handoff to a phone.

use super::accounts::{db, stocked_variants, Shopper};
use super::{server, start_server};
use omnistore_components::backend::is_token;
use omnistore_components::model::Problem;
use reqwest::StatusCode;
use serde_json::Value;

pub(crate) const PIN: &str = "2468";

pub(crate) async fn store(base: &str, city: &str) -> String {
    let body: Value = reqwest::get(format!("{base}/api/v1/stores?q={city}&limit=1"))
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    body["stores"][0]["slug"].as_str().unwrap().to_string()
}

pub(crate) async fn start(base: &str, slug: &str) -> Shopper {
    let kiosk = Shopper::visit(base).await;
    let (s, body) = kiosk
        .form(
            "/api/kiosk/staff",
            &[("store", slug), ("pin", PIN), ("action", "start")],
        )
        .await;
    assert_eq!(s, StatusCode::OK, "{body}");
    let secret = kiosk.cookie("os_kiosk").expect("a kiosk cookie");
    assert!(
        is_token(&secret),
        "a device secret, not the store: {secret}"
    );
    kiosk
}

/// A handoff the kiosk starts from its cart: the token of its link and
/// the path the kiosk polls to learn whether it was taken.
pub(crate) struct Handed {
    pub token: String,
    pub taken: String,
}

pub(crate) async fn hand_off(kiosk: &Shopper) -> Handed {
    let (s, body) = kiosk.form("/api/kiosk/handoff", &[]).await;
    assert_eq!(s, StatusCode::OK, "{body}");
    let handoff: Value = serde_json::from_str(&body).unwrap();
    let token = handoff["url"].as_str().unwrap().rsplit('/').next().unwrap();
    let handle = handoff["handle"].as_str().unwrap();
    Handed {
        token: token.to_string(),
        taken: format!("/api/kiosk/handoff-taken?handle={handle}"),
    }
}

/// What `/api/kiosk/state` says of the browser.
async fn bound(browser: &Shopper, slug: &str) -> bool {
    let (s, body) = browser.get(&format!("/api/kiosk/state?store={slug}")).await;
    assert_eq!(s, StatusCode::OK, "{body}");
    serde_json::from_str::<Value>(&body).unwrap()["bound"]
        .as_bool()
        .unwrap()
}

/// The status of `path` for a browser that sends only an old cart cookie.
async fn replayed_cart(base: &str, path: &str, cart_token: &str) -> StatusCode {
    Shopper::client()
        .get(format!("{base}{path}"))
        .header("cookie", format!("os_cart={cart_token}"))
        .send()
        .await
        .unwrap()
        .status()
}

#[tokio::test]
async fn scanning_goes_to_the_product_or_says_what_is_wrong() {
    let base = &server().base;
    let slug = store(base, "Szczecin").await;
    let kiosk = start(base, &slug).await;
    let pool = db(server()).await;
    let (variant, ean, sku, product): (i64, String, String, String) = sqlx::query_as(
        "SELECT v.id, v.ean, v.sku, p.slug FROM variants v JOIN products p ON p.id = v.product_id
         LIMIT 1",
    )
    .fetch_one(&pool)
    .await
    .unwrap();
    let location =
        |res: &reqwest::Response| res.headers()["location"].to_str().unwrap().to_string();
    for code in [ean.clone(), sku.to_lowercase(), format!(" {ean}\n")] {
        let res = Shopper::client()
            .get(format!("{base}/kiosk/{slug}/scan"))
            .query(&[("code", &code)])
            .header("cookie", kiosk.header())
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), StatusCode::SEE_OTHER, "{code}");
        assert_eq!(location(&res), format!("/p/{product}?variant={variant}"));
    }
    // The link names the reason; the page words it in the kiosk's language.
    for (code, reason, english, polish) in [
        (
            "0000000000000",
            "unknown",
            "no product has this code",
            "żaden produkt nie ma tego kodu",
        ),
        (
            "5900000000018",
            "check-digit",
            "wrong check digit",
            "zła cyfra kontrolna",
        ),
        ("12345", "length", "12 or 13 digits", "12 lub 13 cyfr"),
        (
            "<script>",
            "not-a-code",
            "letters, digits and dashes",
            "litery, cyfry i myślniki",
        ),
    ] {
        let res = Shopper::client()
            .get(format!("{base}/kiosk/{slug}/scan"))
            .query(&[("code", code)])
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), StatusCode::SEE_OTHER);
        let to = location(&res);
        assert!(to.starts_with(&format!("/kiosk/{slug}/shop?code=")), "{to}");
        assert!(to.ends_with(&format!("&problem={reason}")), "{code}: {to}");
        for (lang, words) in [("en", english), ("pl", polish)] {
            kiosk.set_cookie("lang", lang);
            let (status, page) = kiosk.get(&to).await;
            assert_eq!(status, StatusCode::OK, "{to}");
            assert!(page.contains(words), "{lang} {code}: {to}");
        }
    }
    // A reason no scan gives is not shown: a link cannot put words on the kiosk.
    let (status, page) = kiosk
        .get(&format!(
            "/kiosk/{slug}/shop?code=1&problem=Call+0700+for+a+prize"
        ))
        .await;
    assert_eq!(status, StatusCode::OK);
    assert!(!page.contains("for a prize"));
    assert!(!page.contains("os-kiosk-shop__problem"));
}

#[tokio::test]
async fn a_reset_ends_the_visit_and_replayed_cookies_get_401() {
    let base = &server().base;
    let slug = store(base, "Lublin").await;
    let kiosk = start(base, &slug).await;
    let (variant, _) = stocked_variants(5, 1).await[0];
    let (s, _) = kiosk.add(variant, 2).await;
    assert_eq!(s, StatusCode::OK);
    let old_cart = kiosk.cookie("os_cart").unwrap();
    let res = Shopper::client()
        .post(format!("{base}/api/kiosk/reset"))
        .header("cookie", kiosk.header())
        .header("origin", base)
        .header("accept", "application/json")
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::OK);
    assert_eq!(
        res.headers()["clear-site-data"],
        "\"cache\", \"storage\"",
        "the browser drops storage and caches too"
    );
    kiosk.finish(res).await;
    assert!(
        kiosk.cookie("os_cart").is_none(),
        "the cart cookie is cleared"
    );
    assert!(bound(&kiosk, &slug).await, "still the store's kiosk");
    // Replaying the old cookie is refused, on pages and the API alike.
    for path in ["/api/cart", "/cart", "/"] {
        assert_eq!(
            replayed_cart(base, path, &old_cart).await,
            StatusCode::UNAUTHORIZED,
            "{path}"
        );
    }
    // The kiosk itself starts afresh with an empty cart.
    let (s, body) = kiosk.get("/api/cart").await;
    assert_eq!(s, StatusCode::OK);
    assert!(body.contains("\"lines\":[]"), "{body}");
    // Only a kiosk resets: an ordinary browser is told to sign out instead.
    let web = Shopper::visit(base).await;
    let (s, _) = web.form("/api/kiosk/reset", &[]).await;
    assert_eq!(s, StatusCode::FORBIDDEN);
}

#[tokio::test]
async fn the_handoff_page_is_a_plain_form_and_says_why_a_kiosk_cannot_take_it() {
    let base = &server().base;
    let slug = store(base, "Katowice").await;
    let kiosk = start(base, &slug).await;
    let (variant, _) = stocked_variants(5, 1).await[0];
    kiosk.add(variant, 1).await;
    let handed = hand_off(&kiosk).await;
    let token = handed.token.as_str();

    let phone = Shopper::visit(base).await;
    let (s, page) = phone.get(&format!("/handoff/{token}")).await;
    assert_eq!(s, StatusCode::OK);
    assert!(
        page.contains(r#"<form method="post" action="/api/handoff/accept">"#),
        "{page}"
    );
    assert!(page.contains(&format!(r#"name="token" value="{token}""#)));
    assert_eq!(
        page.matches("<leptos-island ").count(),
        1,
        "the header's corner only: the page needs no wasm of its own"
    );

    // Opened on the kiosk itself, the post comes back to the page, worded.
    let take = [("token", token)];
    let link = format!("/handoff/{token}");
    let back = kiosk.plain_form("/api/handoff/accept", &link, &take).await;
    assert_eq!(back, format!("/handoff/{token}?error=phone"));
    let (s, page) = kiosk.get(&back).await;
    assert_eq!(s, StatusCode::OK);
    assert!(
        page.contains("Open this link on your phone, not on the kiosk."),
        "{page}"
    );

    // The phone's post lands on its cart, with what was added.
    let to = phone.plain_form("/api/handoff/accept", &link, &take).await;
    assert!(
        to.starts_with("/cart?merged=") && to.ends_with("&from=kiosk"),
        "{to}"
    );
    assert_eq!(phone.cart().await["lines"][0]["quantity"], 1);
}

#[tokio::test]
async fn a_handoff_moves_the_cart_to_the_phone_once() {
    let base = &server().base;
    let slug = store(base, "Katowice").await;
    let kiosk = start(base, &slug).await;
    // An empty cart has nothing to send.
    let (s, body) = kiosk.form("/api/kiosk/handoff", &[]).await;
    assert_eq!(s, StatusCode::BAD_REQUEST, "{body}");
    let (variant, _) = stocked_variants(5, 1).await[0];
    kiosk.add(variant, 2).await;
    let (s, body) = kiosk.form("/api/kiosk/handoff", &[]).await;
    assert_eq!(s, StatusCode::OK, "{body}");
    let handoff: Value = serde_json::from_str(&body).unwrap();
    let url = handoff["url"].as_str().unwrap();
    let token = url.rsplit('/').next().unwrap();
    assert_eq!(token.len(), 64, "256-bit token");
    assert!(handoff["qr_path"].as_str().unwrap().starts_with('M'));
    let handle = handoff["handle"].as_str().unwrap();
    let taken_path = format!("/api/kiosk/handoff-taken?handle={handle}");
    assert_eq!(kiosk.get(&taken_path).await.1, "false");

    let phone = Shopper::visit(base).await;
    let (s, page) = phone.get(&format!("/handoff/{token}")).await;
    assert_eq!(s, StatusCode::OK);
    assert!(
        page.contains("2 items") && page.contains("waiting for you at the kiosk"),
        "the phone sees what waits; a look does not use it up"
    );
    let (s, body) = phone.form("/api/handoff/accept", &[("token", token)]).await;
    assert_eq!(s, StatusCode::OK, "{body}");
    let (_, cart) = phone.get("/api/cart").await;
    let cart: Value = serde_json::from_str(&cart).unwrap();
    assert_eq!(cart["lines"][0]["variant_id"], variant.to_string());
    assert_eq!(cart["lines"][0]["quantity"], 2);
    assert_eq!(kiosk.get(&taken_path).await.1, "true");

    // Once only: a second phone (or the same one) is refused with 410.
    let other = Shopper::visit(base).await;
    let (s, body) = other.form("/api/handoff/accept", &[("token", token)]).await;
    assert_eq!(s, StatusCode::GONE, "{body}");
    assert_eq!(super::refused(&body), Problem::HandoffUsed);
    let (s, _) = other.get(&format!("/handoff/{token}")).await;
    assert_eq!(s, StatusCode::GONE);
    let (s, _) = other
        .form("/api/handoff/accept", &[("token", &"ab".repeat(32))])
        .await;
    assert_eq!(s, StatusCode::BAD_REQUEST);
    // An expired link says so. (The kiosk starts over after a handoff, as
    // its page does when it sees the cart taken.)
    let (s, _) = kiosk.form("/api/kiosk/reset", &[]).await;
    assert_eq!(s, StatusCode::OK);
    kiosk.add(variant, 1).await;
    let (_, body) = kiosk.form("/api/kiosk/handoff", &[]).await;
    let late: Value = serde_json::from_str(&body).unwrap();
    let late_token = late["url"]
        .as_str()
        .unwrap()
        .rsplit('/')
        .next()
        .unwrap()
        .to_string();
    sqlx::query("UPDATE handoffs SET expires_at = 0 WHERE handle = $1")
        .bind(late["handle"].as_str().unwrap())
        .execute(&db(server()).await)
        .await
        .unwrap();
    let (s, body) = other
        .form("/api/handoff/accept", &[("token", &late_token)])
        .await;
    assert_eq!(s, StatusCode::GONE);
    assert_eq!(
        super::refused(&body),
        Problem::HandoffExpired { minutes: 10 }
    );
}

#[tokio::test]
async fn wrong_pins_are_limited_per_store_and_client() {
    // A server of its own: the limit counts per client address too.
    let own = start_server();
    let base = &own.base;
    let slug = store(base, "Gdynia").await;
    let device = Shopper::visit(base).await;
    for _ in 0..5 {
        let (s, _) = device
            .form(
                "/api/kiosk/staff",
                &[("store", &slug), ("pin", "0000"), ("action", "exit")],
            )
            .await;
        assert_eq!(s, StatusCode::FORBIDDEN);
    }
    let (s, body) = device
        .form(
            "/api/kiosk/staff",
            &[("store", &slug), ("pin", PIN), ("action", "start")],
        )
        .await;
    assert_eq!(s, StatusCode::TOO_MANY_REQUESTS, "{body}");
    assert_eq!(super::refused(&body), Problem::TooManyPins { minutes: 15 });
    assert!(device.cookie("os_kiosk").is_none());
    let (s, _) = device
        .form(
            "/api/kiosk/staff",
            &[
                ("store", &slug),
                ("pin", PIN),
                ("action", "settings"),
                ("idle", "1"),
            ],
        )
        .await;
    assert_eq!(
        s,
        StatusCode::BAD_REQUEST,
        "a bad action is refused before the PIN"
    );
}

#[tokio::test]
async fn a_shopper_signed_in_at_a_kiosk_orders_as_kiosk_and_the_reset_signs_them_out() {
    let own = start_server();
    let (slug, variant) = super::stores::isolated_stock(&own, 3, 10).await;
    let kiosk = start(&own.base, &slug).await;
    let email = super::accounts::unique_email("kiosk-order");
    kiosk.register(&email).await;
    let session = kiosk.cookie("os_sid").unwrap();
    // The kiosk's store is "my store", whatever the account says.
    super::stores::add_pickup(&kiosk, variant).await;
    let view = super::stores::checkout_view(&kiosk).await;
    let slot = view["pickup"]["slots"][0]["starts_at"].as_i64().unwrap();
    let (s, body) =
        super::stores::place(&kiosk, view["key"].as_str().unwrap(), Some(slot), &[]).await;
    assert_eq!(s, StatusCode::CREATED, "{body}");
    let (channel, store): (String, String) = sqlx::query_as(
        "SELECT o.channel, l.slug FROM orders o JOIN customers c ON c.id = o.customer_id
         JOIN locations l ON l.id = o.pickup_location_id WHERE c.email = $1",
    )
    .bind(&email)
    .fetch_one(&db(&own).await)
    .await
    .unwrap();
    assert_eq!((channel.as_str(), store.as_str()), ("kiosk", slug.as_str()));

    let res = Shopper::client()
        .post(format!("{}/api/kiosk/reset", own.base))
        .header("cookie", kiosk.header())
        .header("origin", &own.base)
        .header("accept", "application/json")
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::OK);
    kiosk.finish(res).await;
    assert!(kiosk.cookie("os_sid").is_none(), "signed out on the kiosk");
    let res = Shopper::client()
        .get(format!("{}/api/session", own.base))
        .header("cookie", format!("os_sid={session}"))
        .send()
        .await
        .unwrap();
    assert_eq!(
        res.status(),
        StatusCode::UNAUTHORIZED,
        "the session ended on the server"
    );
}

#[tokio::test]
async fn staff_assist_settings_and_exit_behind_the_pin() {
    let base = &server().base;
    let slug = store(base, "Poznań").await;
    let kiosk = start(base, &slug).await;
    let staff = |action: &'static str, extra: &'static [(&'static str, &'static str)]| {
        let mut form = vec![("store", slug.as_str()), ("pin", PIN), ("action", action)];
        form.extend_from_slice(extra);
        form
    };

    // Assist: the idle reset rests for a quarter of an hour; still a kiosk.
    let (s, body) = kiosk.form("/api/kiosk/staff", &staff("assist", &[])).await;
    assert_eq!(s, StatusCode::OK, "{body}");
    let outcome: Value = serde_json::from_str(&body).unwrap();
    assert_eq!(outcome["pause_secs"], 15 * 60);
    assert_eq!(outcome["next"], format!("/kiosk/{slug}/shop"));
    assert!(bound(&kiosk, &slug).await);

    // Settings: new timing is what the kiosk reads back; nonsense is a 400.
    let (s, body) = kiosk
        .form(
            "/api/kiosk/staff",
            &staff("settings", &[("idle", "240"), ("countdown", "45")]),
        )
        .await;
    assert_eq!(s, StatusCode::OK, "{body}");
    let (s, body) = kiosk.get(&format!("/api/kiosk/state?store={slug}")).await;
    assert_eq!(s, StatusCode::OK, "{body}");
    let state: Value = serde_json::from_str(&body).unwrap();
    assert_eq!(state["settings"]["idle_seconds"], 240);
    assert_eq!(state["settings"]["countdown_seconds"], 45);
    assert_eq!(state["bound"], true);
    let (s, _) = kiosk
        .form(
            "/api/kiosk/staff",
            &staff("settings", &[("idle", "0"), ("countdown", "45")]),
        )
        .await;
    assert_eq!(s, StatusCode::BAD_REQUEST);

    // Exit: the visit ends (its cart is gone for good) and the device is an
    // ordinary browser again.
    let (variant, _) = stocked_variants(6, 1).await[0];
    let (s, _) = kiosk.add(variant, 1).await;
    assert_eq!(s, StatusCode::OK);
    let old_cart = kiosk.cookie("os_cart").unwrap();
    let (s, body) = kiosk.form("/api/kiosk/staff", &staff("exit", &[])).await;
    assert_eq!(s, StatusCode::OK, "{body}");
    let outcome: Value = serde_json::from_str(&body).unwrap();
    assert_eq!(outcome["next"], "/");
    assert!(kiosk.cookie("os_kiosk").is_none(), "kiosk mode is left");
    assert!(
        kiosk.cookie("os_cart").is_none(),
        "the visit's cart is let go"
    );
    assert_eq!(
        replayed_cart(base, "/api/cart", &old_cart).await,
        StatusCode::UNAUTHORIZED
    );
    let (s, body) = kiosk.get(&format!("/api/kiosk/state?store={slug}")).await;
    assert_eq!(s, StatusCode::OK);
    assert!(body.contains("\"bound\":false"), "{body}");
}

#[tokio::test]
async fn only_the_pin_makes_a_kiosk_and_exit_unbinds_the_device() {
    let own = start_server();
    let (slug, variant) = super::stores::isolated_stock(&own, 3, 10).await;
    let base = &own.base;

    // A forged cookie (the store's slug, a made-up secret) is an ordinary
    // shopper: not bound, the cookie dropped, and an order is a web order.
    for forged in [slug.clone(), "ab".repeat(32)] {
        let browser = Shopper::visit(base).await;
        browser.set_cookie("os_kiosk", &forged);
        assert!(!bound(&browser, &slug).await, "{forged}");
        assert!(browser.cookie("os_kiosk").is_none(), "dropped: {forged}");
        let (s, _) = browser.form("/api/my-store", &[("store", &slug)]).await;
        assert!(s.is_success());
        super::stores::add_pickup(&browser, variant).await;
        let view = super::stores::checkout_view(&browser).await;
        let slot = view["pickup"]["slots"][0]["starts_at"].as_i64().unwrap();
        browser.set_cookie("os_kiosk", &forged);
        let (s, body) =
            super::stores::place(&browser, view["key"].as_str().unwrap(), Some(slot), &[]).await;
        assert_eq!(s, StatusCode::CREATED, "{body}");
        let number = serde_json::from_str::<Value>(&body).unwrap()["number"]
            .as_i64()
            .unwrap();
        let channel: String = sqlx::query_scalar("SELECT channel FROM orders WHERE id = $1")
            .bind(number)
            .fetch_one(&db(&own).await)
            .await
            .unwrap();
        assert_eq!(channel, "web", "{forged}");
    }

    // The PIN makes a secret for this device, bound to this store only.
    let kiosk = start(base, &slug).await;
    let secret = kiosk.cookie("os_kiosk").unwrap();
    assert!(bound(&kiosk, &slug).await);
    let elsewhere = store(base, "Gdańsk").await;
    assert!(!bound(&kiosk, &elsewhere).await);
    let stored: i64 =
        sqlx::query_scalar("SELECT COUNT(*) FROM kiosk_devices WHERE token_hash = $1")
            .bind(omnistore_components::backend::hash_token(&secret))
            .fetch_one(&db(&own).await)
            .await
            .unwrap();
    assert_eq!(stored, 1, "kept only as its hash");

    // Staff exit revokes it: the same cookie replayed is an ordinary browser.
    let (s, body) = kiosk
        .form(
            "/api/kiosk/staff",
            &[("store", slug.as_str()), ("pin", PIN), ("action", "exit")],
        )
        .await;
    assert_eq!(s, StatusCode::OK, "{body}");
    let replay = Shopper::visit(base).await;
    replay.set_cookie("os_kiosk", &secret);
    assert!(!bound(&replay, &slug).await, "revoked");
    assert!(replay.cookie("os_kiosk").is_none());
    let (s, body) = replay.form("/api/kiosk/reset", &[]).await;
    assert_eq!(s, StatusCode::FORBIDDEN, "not a kiosk: {body}");
}

#[tokio::test]
async fn the_kiosk_start_page_is_a_plain_form_that_comes_back_with_the_reason() {
    let base = &server().base;
    let slug = store(base, "Katowice").await;
    let device = Shopper::visit(base).await;
    let (s, page) = device.get(&format!("/kiosk/{slug}")).await;
    assert_eq!(s, StatusCode::OK);
    assert!(
        page.contains(r#"method="post" action="/api/kiosk/staff""#),
        "{page}"
    );
    assert!(
        !page.contains("data-component=\"StartForm"),
        "no island of its own"
    );
    let start = |pin: &'static str| {
        [
            ("store", slug.clone()),
            ("pin", pin.to_string()),
            ("action", "start".to_string()),
        ]
    };
    let wrong = start("0000");
    let wrong: Vec<(&str, &str)> = wrong.iter().map(|(k, v)| (*k, v.as_str())).collect();
    let back = device
        .plain_form("/api/kiosk/staff", &format!("/kiosk/{slug}"), &wrong)
        .await;
    assert_eq!(back, format!("/kiosk/{slug}?staff=wrong"));
    assert!(device.get(&back).await.1.contains("role=\"alert\""));
    let right = start(PIN);
    let right: Vec<(&str, &str)> = right.iter().map(|(k, v)| (*k, v.as_str())).collect();
    let to = device
        .plain_form("/api/kiosk/staff", &format!("/kiosk/{slug}"), &right)
        .await;
    assert_eq!(to, format!("/kiosk/{slug}"));
    assert!(
        device.cookie("os_kiosk").is_some(),
        "this device is the kiosk now"
    );
}

#[tokio::test]
async fn the_kiosk_bar_is_markup_and_start_over_is_a_plain_form() {
    let base = &server().base;
    let slug = store(base, "Gdańsk").await;
    let kiosk = start(base, &slug).await;
    let (variant, _) = stocked_variants(5, 1).await[0];
    kiosk.add(variant, 1).await;
    let old_cart = kiosk.cookie("os_cart").unwrap();
    let (s, page) = kiosk.get(&format!("/kiosk/{slug}/shop")).await;
    assert_eq!(s, StatusCode::OK);
    let bar = &page[page.find("class=\"os-kiosk-bar\"").expect("the bar")..];
    let island = bar
        .find("data-component=\"KioskControls")
        .expect("the bar's island");
    for markup in [
        "class=\"os-kiosk-bar__scan\"",
        r#"<form action="/api/kiosk/reset" method="post" class="os-kiosk-bar__reset">"#,
    ] {
        let at = bar
            .find(markup)
            .unwrap_or_else(|| panic!("{markup} in {}", &bar[..bar.len().min(3000)]));
        assert!(at < island, "{markup} is markup, outside the island");
    }
    // "Start over" without JavaScript: the visit ends, the browser is told
    // to drop what it kept, and the kiosk shows its attract screen.
    let res = Shopper::client()
        .post(format!("{base}/api/kiosk/reset"))
        .header("cookie", kiosk.header())
        .header("origin", base)
        .header("accept", "text/html")
        .header("referer", format!("{base}/kiosk/{slug}/shop"))
        .form(&[] as &[(&str, &str)])
        .send()
        .await
        .unwrap();
    kiosk.absorb(&res);
    assert_eq!(res.status(), StatusCode::FOUND);
    assert_eq!(res.headers()["location"], format!("/kiosk/{slug}"));
    assert_eq!(res.headers()["clear-site-data"], "\"cache\", \"storage\"");
    assert!(
        kiosk.cookie("os_cart").is_none(),
        "the cart cookie is cleared"
    );
    let (s, page) = kiosk.get(&format!("/kiosk/{slug}")).await;
    assert_eq!(s, StatusCode::OK);
    assert!(page.contains("Touch to start"), "the attract screen");
    assert_eq!(
        replayed_cart(base, "/api/cart", &old_cart).await,
        StatusCode::UNAUTHORIZED,
        "the old cart is gone"
    );
}
