//! Accounts, sessions and the cart over HTTP, as browsers would use them:
//! cookies carried between requests, form posts and JSON calls with the
//! shop's own Origin, and many at once where concurrency matters.

use super::{server, start_server, Server};
use futures::future::join_all;
use omnistore_components::backend::hash_token;
use omnistore_components::model::{FieldError, Problem};
use reqwest::StatusCode;
use serde_json::{json, Value};
use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use std::time::Duration;

/// A browser: keeps cookies, sends the shop's Origin on writes.
#[derive(Clone)]
pub(crate) struct Shopper {
    base: String,
    cookies: Arc<Mutex<HashMap<String, String>>>,
    origin: String,
}

impl Shopper {
    /// Opens the home page, as a visitor does, and keeps the cookies it gets.
    pub(crate) async fn visit(base: &str) -> Shopper {
        let s = Shopper {
            base: base.to_string(),
            cookies: Arc::default(),
            origin: base.to_string(),
        };
        let (status, _) = s.get("/").await;
        assert_eq!(status, StatusCode::OK);
        assert!(
            s.cookies.lock().unwrap().is_empty(),
            "browsing sets no cookie"
        );
        s
    }

    /// A guest whose browser already holds a cart cookie (from an earlier
    /// write) but no cart yet.
    pub(crate) async fn with_cart_cookie(base: &str) -> Shopper {
        let s = Shopper::visit(base).await;
        s.set_cookie("os_cart", &omnistore_components::backend::new_token());
        s
    }

    /// The server this browser talks to.
    pub(crate) fn base(&self) -> &str {
        &self.base
    }

    /// The same browser (its cookies) talking to another instance at `base`.
    pub(crate) fn at(&self, base: &str) -> Shopper {
        Shopper {
            base: base.to_string(),
            cookies: self.cookies.clone(),
            origin: base.to_string(),
        }
    }

    pub(crate) fn cookie(&self, name: &str) -> Option<String> {
        self.cookies.lock().unwrap().get(name).cloned()
    }

    pub(crate) fn set_cookie(&self, name: &str, value: &str) {
        self.cookies
            .lock()
            .unwrap()
            .insert(name.to_string(), value.to_string());
    }

    pub(crate) fn header(&self) -> String {
        self.cookies
            .lock()
            .unwrap()
            .iter()
            .map(|(k, v)| format!("{k}={v}"))
            .collect::<Vec<_>>()
            .join("; ")
    }

    pub(crate) fn absorb(&self, res: &reqwest::Response) {
        for v in res.headers().get_all("set-cookie") {
            let v = v.to_str().unwrap();
            let (pair, attrs) = v.split_once(';').unwrap_or((v, ""));
            let (name, value) = pair.split_once('=').unwrap();
            let mut jar = self.cookies.lock().unwrap();
            if attrs.contains("Max-Age=0") {
                jar.remove(name);
            } else {
                jar.insert(name.to_string(), value.to_string());
            }
        }
    }

    pub(crate) fn client() -> reqwest::Client {
        crate::client()
    }

    pub(crate) async fn finish(&self, res: reqwest::Response) -> (StatusCode, String) {
        self.absorb(&res);
        let status = res.status();
        (status, res.text().await.unwrap())
    }

    pub(crate) async fn get(&self, path: &str) -> (StatusCode, String) {
        let res = self.response(path).await;
        self.finish(res).await
    }

    /// A GET with this browser's cookies, answered as it came (headers, a
    /// redirect not followed, a stream); its cookies are not kept.
    pub(crate) async fn response(&self, path: &str) -> reqwest::Response {
        Self::client()
            .get(format!("{}{path}", self.base))
            .header("cookie", self.header())
            .send()
            .await
            .unwrap()
    }

    /// A server-function call with a form body, as the page's JavaScript makes it.
    pub(crate) async fn form(&self, path: &str, form: &[(&str, &str)]) -> (StatusCode, String) {
        let res = self.post(path).form(form).send().await.unwrap();
        self.finish(res).await
    }

    /// A form posted by the browser itself (no script) from the page at
    /// `referer`: where the server's redirect sends it (a plain form is
    /// always answered with one). Its cookies are kept.
    pub(crate) async fn plain_form(
        &self,
        path: &str,
        referer: &str,
        form: &[(&str, &str)],
    ) -> String {
        let res = Self::client()
            .post(format!("{}{path}", self.base))
            .header("cookie", self.header())
            .header("origin", &self.origin)
            .header("accept", "text/html,application/xhtml+xml")
            .header("referer", format!("{}{referer}", self.base))
            .form(form)
            .send()
            .await
            .unwrap();
        self.absorb(&res);
        assert_eq!(res.status(), StatusCode::FOUND, "{path}");
        res.headers()["location"].to_str().unwrap().to_string()
    }

    /// A POST as the page's JavaScript makes it, to add a body to.
    pub(crate) fn post(&self, path: &str) -> reqwest::RequestBuilder {
        Self::client()
            .post(format!("{}{path}", self.base))
            .header("cookie", self.header())
            .header("origin", &self.origin)
            .header("sec-fetch-site", "same-origin")
            .header("accept", "application/json")
    }

    pub(crate) async fn json(&self, path: &str, body: Value) -> (StatusCode, String) {
        let res = Self::client()
            .post(format!("{}{path}", self.base))
            .header("cookie", self.header())
            .header("origin", &self.origin)
            .header("accept", "application/json")
            .json(&body)
            .send()
            .await
            .unwrap();
        self.finish(res).await
    }

    pub(crate) async fn register(&self, email: &str) {
        let (s, body) = self
            .form(
                "/api/auth/register",
                &[
                    ("name", "Ala Test"),
                    ("email", email),
                    ("password", PASSWORD),
                ],
            )
            .await;
        assert!(s.is_success() || s.is_redirection(), "{s} {body}");
        assert!(self.cookie("os_sid").is_some());
    }

    /// A visitor with an account who has signed out again, and its e-mail.
    pub(crate) async fn signed_out(base: &str, tag: &str) -> (Shopper, String) {
        let s = Shopper::visit(base).await;
        let email = unique_email(tag);
        s.register(&email).await;
        s.form("/api/auth/logout", &[]).await;
        (s, email)
    }

    /// Sends the password form of the account page.
    pub(crate) async fn change_password(&self, current: &str, new: &str) -> (StatusCode, String) {
        self.form(
            "/api/account/password",
            &[("current", current), ("new_password", new)],
        )
        .await
    }

    /// Saves an address in Warsaw at `street` (`id` "": a new one).
    pub(crate) async fn save_address(&self, id: &str, street: &str) -> (StatusCode, String) {
        self.form(
            "/api/account/address",
            &[
                ("id", id),
                ("name", "Ala"),
                ("street", street),
                ("postcode", "00-950"),
                ("city", "Warszawa"),
                ("phone", "600100200"),
            ],
        )
        .await
    }

    pub(crate) async fn login(&self, email: &str, password: &str) -> (StatusCode, String) {
        self.form(
            "/api/auth/login",
            &[("email", email), ("password", password)],
        )
        .await
    }

    pub(crate) async fn add(&self, variant: i64, quantity: i64) -> (StatusCode, Value) {
        let (s, body) = self
            .form(
                "/api/cart/add",
                &[
                    ("variant_id", &variant.to_string()),
                    ("quantity", &quantity.to_string()),
                ],
            )
            .await;
        (
            s,
            serde_json::from_str(&body).unwrap_or(Value::String(body)),
        )
    }

    pub(crate) async fn cart(&self) -> Value {
        let (s, body) = self.get("/api/cart").await;
        assert_eq!(s, StatusCode::OK, "{body}");
        serde_json::from_str(&body).unwrap()
    }
}

pub(crate) const PASSWORD: &str = "correct horse battery";

fn quantities(cart: &Value) -> HashMap<i64, i64> {
    cart["lines"]
        .as_array()
        .unwrap()
        .iter()
        .map(|l| {
            (
                // Ids are text in JSON; the built-in back end's are numbers.
                l["variant_id"].as_str().unwrap().parse().unwrap(),
                l["quantity"].as_i64().unwrap(),
            )
        })
        .collect()
}

pub(crate) fn unique_email(tag: &str) -> String {
    use std::sync::atomic::{AtomicU32, Ordering};
    static N: AtomicU32 = AtomicU32::new(0);
    format!("{tag}-{}@example.com", N.fetch_add(1, Ordering::Relaxed))
}

pub(crate) async fn db(server: &Server) -> sqlx::AnyPool {
    sqlx::any::install_default_drivers();
    sqlx::AnyPool::connect(&server.db).await.unwrap()
}

/// Variants with at least `min` units online, most stocked first.
pub(crate) async fn stocked_variants(min: i64, n: usize) -> Vec<(i64, i64)> {
    stocked_variants_on(server(), min, n).await
}

/// [`stocked_variants`] of `server`'s database.
pub(crate) async fn stocked_variants_on(server: &Server, min: i64, n: usize) -> Vec<(i64, i64)> {
    let pool = db(server).await;
    let rows: Vec<(i64, i64)> = sqlx::query_as(
        "SELECT s.variant_id, s.on_hand - s.reserved AS units FROM stock s
         JOIN locations l ON l.id = s.location_id
         WHERE l.slug = 'online' AND s.on_hand - s.reserved >= $1
         ORDER BY units DESC, s.variant_id LIMIT $2",
    )
    .bind(min)
    .bind(n as i64)
    .fetch_all(&pool)
    .await
    .unwrap();
    assert_eq!(
        rows.len(),
        n,
        "demo data has {n} variants with {min}+ units online"
    );
    rows
}

#[tokio::test]
async fn cart_add_change_remove_clear_with_server_prices() {
    let shopper = Shopper::visit(&server().base).await;
    let v = stocked_variants(20, 2).await;
    let (s, update) = shopper.add(v[0].0, 2).await;
    assert_eq!(s, StatusCode::OK, "{update}");
    assert_eq!(update["notice"], Value::Null);
    let line = &update["cart"]["lines"][0];
    assert_eq!(line["quantity"], 2);
    let pool = db(server()).await;
    let price: i64 = sqlx::query_scalar("SELECT price FROM variants WHERE id = $1")
        .bind(v[0].0)
        .fetch_one(&pool)
        .await
        .unwrap();
    assert_eq!(
        line["unit_price"]["minor"], price,
        "priced from the catalog"
    );

    shopper.add(v[1].0, 1).await;
    let (s, _) = shopper
        .form(
            "/api/cart/set",
            &[("variant_id", &v[0].0.to_string()), ("quantity", "5")],
        )
        .await;
    assert_eq!(s, StatusCode::OK);
    assert_eq!(
        quantities(&shopper.cart().await),
        HashMap::from([(v[0].0, 5), (v[1].0, 1)])
    );
    shopper
        .form("/api/cart/remove", &[("variant_id", &v[1].0.to_string())])
        .await;
    assert_eq!(
        quantities(&shopper.cart().await),
        HashMap::from([(v[0].0, 5)])
    );

    // A price change since the line was added is shown on the line.
    sqlx::query("UPDATE variants SET price = price + 100 WHERE id = $1")
        .bind(v[0].0)
        .execute(&pool)
        .await
        .unwrap();
    let cart = shopper.cart().await;
    assert_eq!(cart["lines"][0]["unit_price"]["minor"], price + 100);
    assert_eq!(cart["lines"][0]["price_was"]["minor"], price);
    sqlx::query("UPDATE variants SET price = price - 100 WHERE id = $1")
        .bind(v[0].0)
        .execute(&pool)
        .await
        .unwrap();

    let (s, _) = shopper.form("/api/cart/clear", &[]).await;
    assert_eq!(s, StatusCode::OK);
    assert!(quantities(&shopper.cart().await).is_empty());
}

#[tokio::test]
async fn quantities_are_validated_and_clamped_to_stock() {
    let shopper = Shopper::visit(&server().base).await;
    let (variant, _) = stocked_variants(1, 1).await[0];
    for bad in ["0", "-1", "100", "abc", "99999999999999999999"] {
        let (s, body) = shopper
            .form(
                "/api/cart/add",
                &[("variant_id", &variant.to_string()), ("quantity", bad)],
            )
            .await;
        assert_eq!(s, StatusCode::BAD_REQUEST, "quantity {bad}: {body}");
    }
    let (s, body) = shopper.add(987_654_321, 1).await;
    assert_eq!(s, StatusCode::BAD_REQUEST, "unknown variant: {body}");

    // A variant with few units: asking for more gets all there is, and says so.
    let pool = db(server()).await;
    let (few, units): (i64, i64) = sqlx::query_as(
        "SELECT s.variant_id, s.on_hand - s.reserved FROM stock s
         JOIN locations l ON l.id = s.location_id
         WHERE l.slug = 'online' AND s.on_hand - s.reserved BETWEEN 1 AND 10 LIMIT 1",
    )
    .fetch_one(&pool)
    .await
    .unwrap();
    let (s, update) = shopper.add(few, units + 5).await;
    assert_eq!(s, StatusCode::OK);
    assert_eq!(update["notice"]["Clamped"]["got"], units);
    assert_eq!(quantities(&update["cart"])[&few], units);

    // Sold out online: nothing is added, and the shopper is told.
    let sold_out: i64 = sqlx::query_scalar(
        "SELECT v.id FROM variants v WHERE NOT EXISTS (
           SELECT 1 FROM stock s JOIN locations l ON l.id = s.location_id
           WHERE s.variant_id = v.id AND l.slug = 'online' AND s.on_hand - s.reserved > 0) LIMIT 1",
    )
    .fetch_one(&pool)
    .await
    .unwrap();
    let (s, update) = shopper.add(sold_out, 1).await;
    assert_eq!(s, StatusCode::OK);
    assert_eq!(update["notice"], "Unavailable");
    assert!(!quantities(&update["cart"]).contains_key(&sold_out));
}

#[tokio::test]
async fn parallel_adds_of_one_variant_make_one_line() {
    let shopper = Shopper::with_cart_cookie(&server().base).await;
    let (variant, _) = stocked_variants(50, 1).await[0];
    let results = join_all((0..50).map(|_| {
        let s = shopper.clone();
        async move { s.add(variant, 1).await.0 }
    }))
    .await;
    assert!(results.iter().all(|s| *s == StatusCode::OK), "{results:?}");
    let cart = shopper.cart().await;
    assert_eq!(cart["lines"].as_array().unwrap().len(), 1);
    assert_eq!(quantities(&cart)[&variant], 50);
}

#[tokio::test]
async fn parallel_adds_of_fifty_variants_make_fifty_lines() {
    let shopper = Shopper::with_cart_cookie(&server().base).await;
    let variants = stocked_variants(1, 50).await;
    join_all(variants.iter().map(|(v, _)| {
        let s = shopper.clone();
        let v = *v;
        async move { assert_eq!(s.add(v, 1).await.0, StatusCode::OK) }
    }))
    .await;
    let q = quantities(&shopper.cart().await);
    assert_eq!(q.len(), 50);
    assert!(q.values().all(|n| *n == 1));
}

#[tokio::test]
async fn parallel_first_adds_of_a_new_guest_create_one_cart() {
    let shopper = Shopper::with_cart_cookie(&server().base).await;
    let variants = stocked_variants(10, 10).await;
    join_all(variants.iter().map(|(v, _)| {
        let s = shopper.clone();
        let v = *v;
        async move { s.add(v, 1).await }
    }))
    .await;
    let hash = hash_token(&shopper.cookie("os_cart").unwrap());
    let pool = db(server()).await;
    let carts: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM carts WHERE guest_token_hash = $1")
        .bind(&hash)
        .fetch_one(&pool)
        .await
        .unwrap();
    assert_eq!(carts, 1);
    assert_eq!(quantities(&shopper.cart().await).len(), 10);
}

#[tokio::test]
async fn offline_queue_keys_apply_once() {
    let shopper = Shopper::visit(&server().base).await;
    let (variant, _) = stocked_variants(10, 1).await[0];
    let body = json!({
        "op": { "Add": { "variant_id": variant, "quantity": 2 } },
        "key": "3f1c0a9e-retry-key-0001",
    });
    // The queue resends after a lost answer: the same key, twice and in parallel.
    let results = join_all((0..3).map(|_| {
        let s = shopper.clone();
        let b = body.clone();
        async move { s.json("/api/cart/apply", b).await }
    }))
    .await;
    assert!(
        results.iter().all(|(s, _)| *s == StatusCode::OK),
        "{results:?}"
    );
    assert_eq!(quantities(&shopper.cart().await)[&variant], 2);
    let (s, _) = shopper
        .json(
            "/api/cart/apply",
            json!({ "op": { "Add": { "variant_id": variant, "quantity": 1 } }, "key": "bad key!" }),
        )
        .await;
    assert_eq!(s, StatusCode::BAD_REQUEST);
}

#[tokio::test]
async fn login_merges_the_guest_cart_once_even_when_concurrent() {
    let base = &server().base;
    let email = unique_email("merge");
    let v = stocked_variants(30, 3).await;
    let (a, b, c) = (v[0].0, v[1].0, v[2].0);
    // The customer's cart, from another device: A×1, C×1.
    let laptop = Shopper::visit(base).await;
    laptop.register(&email).await;
    laptop.add(a, 1).await;
    laptop.add(c, 1).await;

    // On the phone, as a guest: A×2, B×1; then five sign-ins at once.
    let phone = Shopper::visit(base).await;
    phone.add(a, 2).await;
    phone.add(b, 1).await;
    let guest_hash = hash_token(&phone.cookie("os_cart").unwrap());
    let results = join_all((0..5).map(|_| {
        let p = phone.clone();
        let e = email.clone();
        async move { p.login(&e, PASSWORD).await }
    }))
    .await;
    for (s, body) in &results {
        assert!(s.is_success() || s.is_redirection(), "{s} {body}");
    }
    assert_eq!(
        quantities(&laptop.cart().await),
        HashMap::from([(a, 3), (b, 1), (c, 1)]),
        "summed once, not five times"
    );
    // Exactly one of the sign-ins reported the merge.
    let reports: Vec<Value> = results
        .iter()
        .map(|(_, body)| serde_json::from_str(body).unwrap())
        .collect();
    assert_eq!(
        reports.iter().filter(|r| r["added_lines"] == 2).count(),
        1,
        "{reports:?}"
    );
    let pool = db(server()).await;
    let status: String = sqlx::query_scalar("SELECT status FROM carts WHERE guest_token_hash = $1")
        .bind(guest_hash)
        .fetch_one(&pool)
        .await
        .unwrap();
    assert_eq!(status, "merged");
    // The phone now shares the customer's cart.
    assert_eq!(quantities(&phone.cart().await).len(), 3);
}

#[tokio::test]
async fn sessions_rotate_at_login_and_die_at_logout() {
    let base = &server().base;
    let email = unique_email("session");
    let s = Shopper::visit(base).await;
    s.register(&email).await;
    s.form("/api/auth/logout", &[]).await;
    assert!(s.cookie("os_sid").is_none());

    // A planted session id is never adopted: sign-in issues a new one.
    let planted = "ab".repeat(32);
    s.set_cookie("os_sid", &planted);
    let (st, body) = s.login(&email, PASSWORD).await;
    assert!(st.is_success() || st.is_redirection(), "{st} {body}");
    let first = s.cookie("os_sid").unwrap();
    assert_ne!(first, planted);
    let (st, _) = s.get("/api/account").await;
    assert_eq!(st, StatusCode::OK);
    s.login(&email, PASSWORD).await;
    let second = s.cookie("os_sid").unwrap();
    assert_ne!(first, second, "signing in again rotates the id");
    // The rotated-out id is dead.
    let old = Shopper {
        cookies: Arc::default(),
        ..s.clone()
    };
    old.set_cookie("os_sid", &first);
    assert_eq!(old.get("/api/account").await.0, StatusCode::UNAUTHORIZED);

    // Logout ends the session on the server: replaying the cookie gets 401.
    let (st, _) = s.form("/api/auth/logout", &[]).await;
    assert!(st.is_success() || st.is_redirection());
    let replay = Shopper {
        cookies: Arc::default(),
        ..s.clone()
    };
    replay.set_cookie("os_sid", &second);
    let (st, body) = replay.get("/api/account").await;
    assert_eq!(st, StatusCode::UNAUTHORIZED, "{body}");
}

#[tokio::test]
async fn session_cookie_is_httponly_samesite_and_random() {
    let base = &server().base;
    let res = Shopper::client()
        .post(format!("{base}/api/auth/register"))
        .header("origin", base)
        .form(&[
            ("name", "Cookie Test"),
            ("email", &unique_email("cookie")),
            ("password", PASSWORD),
        ])
        .send()
        .await
        .unwrap();
    let cookies: Vec<String> = res
        .headers()
        .get_all("set-cookie")
        .iter()
        .map(|v| v.to_str().unwrap().to_string())
        .collect();
    let sid = cookies.iter().find(|c| c.starts_with("os_sid=")).unwrap();
    assert!(
        sid.contains("HttpOnly") && sid.contains("SameSite=Lax"),
        "{sid}"
    );
    assert!(!sid.contains("Secure"), "plain http on loopback");
    let value = sid["os_sid=".len()..].split(';').next().unwrap();
    assert_eq!(value.len(), 64, "256 bits, hex");
    let cart = cookies.iter().find(|c| c.starts_with("os_cart=")).unwrap();
    assert!(
        cart.contains("Max-Age=2592000") && cart.contains("HttpOnly"),
        "{cart}"
    );
}

#[tokio::test]
async fn password_change_ends_other_sessions_and_delete_ends_the_account() {
    let base = &server().base;
    let email = unique_email("pw");
    let one = Shopper::visit(base).await;
    one.register(&email).await;
    let two = Shopper::visit(base).await;
    two.login(&email, PASSWORD).await;
    assert_eq!(two.get("/api/account").await.0, StatusCode::OK);

    let (s, _) = one
        .change_password("wrong password!", "another long one")
        .await;
    assert_eq!(s, StatusCode::FORBIDDEN);
    let (s, _) = one.change_password(PASSWORD, "short").await;
    assert_eq!(s, StatusCode::BAD_REQUEST);
    let (s, body) = one.change_password(PASSWORD, "another long one").await;
    assert_eq!(s, StatusCode::OK, "{body}");
    assert_eq!(
        one.get("/api/account").await.0,
        StatusCode::OK,
        "this device stays"
    );
    assert_eq!(
        two.get("/api/account").await.0,
        StatusCode::UNAUTHORIZED,
        "others end"
    );
    assert_eq!(
        two.login(&email, PASSWORD).await.0,
        StatusCode::UNAUTHORIZED
    );

    let (s, _) = one
        .form("/api/account/delete", &[("password", "another long one")])
        .await;
    assert!(s.is_success() || s.is_redirection());
    assert_eq!(
        one.login(&email, "another long one").await.0,
        StatusCode::UNAUTHORIZED
    );
}

#[tokio::test]
async fn registration_is_validated() {
    let s = Shopper::visit(&server().base).await;
    let email = unique_email("dup");
    s.register(&email).await;
    let other = Shopper::visit(&server().base).await;
    let (st, body) = other
        .form(
            "/api/auth/register",
            &[
                ("name", "X"),
                ("email", &email.to_uppercase()),
                ("password", PASSWORD),
            ],
        )
        .await;
    assert_eq!(st, StatusCode::CONFLICT, "{body}");
    for (name, email, password) in [
        ("", "a@example.com", PASSWORD),
        ("Ala", "not-an-email", PASSWORD),
        ("Ala", "a2@example.com", "short"),
    ] {
        let (st, _) = other
            .form(
                "/api/auth/register",
                &[("name", name), ("email", email), ("password", password)],
            )
            .await;
        assert_eq!(st, StatusCode::BAD_REQUEST, "{name:?} {email:?}");
    }
}

#[tokio::test]
async fn failed_logins_are_throttled_per_account() {
    let (s, email) = Shopper::signed_out(&server().base, "throttle").await;
    for _ in 0..5 {
        assert_eq!(
            s.login(&email, "wrong password").await.0,
            StatusCode::UNAUTHORIZED
        );
    }
    let (st, body) = s.login(&email, PASSWORD).await;
    assert_eq!(
        st,
        StatusCode::TOO_MANY_REQUESTS,
        "even the right password waits: {body}"
    );
    assert_eq!(super::refused(&body), Problem::TooManyAttempts);
}

#[tokio::test]
async fn forms_posted_without_javascript_come_back_with_the_error() {
    let base = &server().base;
    let (s, email) = Shopper::signed_out(base, "nojs").await;
    let back = s
        .plain_form(
            "/api/auth/login",
            "/login",
            &[
                ("email", &email),
                ("password", "wrong password"),
                ("next", "/cart"),
            ],
        )
        .await;
    assert_eq!(back, "/login?next=/cart&error=credentials");
    let back = s
        .plain_form(
            "/api/auth/register",
            "/register",
            &[("name", "X"), ("email", &email), ("password", PASSWORD)],
        )
        .await;
    assert_eq!(back, "/register?error=taken");
    let (_, page) = s.get("/login?error=credentials").await;
    assert!(
        page.contains("Wrong e-mail or password."),
        "the page words the code"
    );
}

#[tokio::test]
async fn failed_logins_are_throttled_per_client() {
    // Its own server: this blocks every sign-in from 127.0.0.1 for a while.
    let own = start_server();
    let s = Shopper::visit(&own.base).await;
    for i in 0..30 {
        let (st, _) = s
            .login(&format!("nobody{i}@example.com"), "whatever pass")
            .await;
        assert_eq!(st, StatusCode::UNAUTHORIZED);
    }
    let (st, _) = s.login("someone-else@example.com", "whatever pass").await;
    assert_eq!(st, StatusCode::TOO_MANY_REQUESTS);
}

#[tokio::test]
async fn behind_a_trusted_proxy_failed_logins_count_per_forwarded_client() {
    // Its own server, behind a "proxy" at 127.0.0.1 (the test itself).
    let own = crate::start_server_configured(|config| {
        config.trusted_proxies = vec!["127.0.0.1/32".parse().unwrap()];
    });
    let login = |forwarded: &'static str, i: usize| {
        let base = own.base.clone();
        async move {
            Shopper::visit(&base)
                .await
                .post("/api/auth/login")
                .header("x-forwarded-for", forwarded)
                .form(&[
                    ("email", format!("nobody{i}@example.com")),
                    ("password", "whatever pass".into()),
                ])
                .send()
                .await
                .unwrap()
                .status()
        }
    };
    for i in 0..30 {
        assert_eq!(login("203.0.113.5", i).await, StatusCode::UNAUTHORIZED);
    }
    assert_eq!(
        login("203.0.113.5", 30).await,
        StatusCode::TOO_MANY_REQUESTS
    );
    // An address the client writes itself before the proxy's is not believed.
    assert_eq!(
        login("203.0.113.6, 203.0.113.5", 31).await,
        StatusCode::TOO_MANY_REQUESTS
    );
    // Another shopper behind the same proxy is not locked out.
    assert_eq!(login("203.0.113.6", 32).await, StatusCode::UNAUTHORIZED);
}

#[tokio::test]
async fn cross_site_and_get_requests_change_nothing() {
    let shopper = Shopper::visit(&server().base).await;
    let (variant, _) = stocked_variants(5, 1).await[0];
    let evil = Shopper {
        origin: "https://evil.example".into(),
        ..shopper.clone()
    };
    let (s, body) = evil.add(variant, 1).await;
    assert_eq!(s, StatusCode::FORBIDDEN, "{body}");
    let res = Shopper::client()
        .post(format!("{}/api/cart/add", shopper.base))
        .header("cookie", shopper.header())
        .header("sec-fetch-site", "cross-site")
        .form(&[
            ("variant_id", variant.to_string()),
            ("quantity", "1".into()),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::FORBIDDEN);
    let (s, _) = evil.form("/api/auth/logout", &[]).await;
    assert_eq!(s, StatusCode::FORBIDDEN);
    // A mutating endpoint does not answer GET.
    let (s, _) = shopper
        .get(&format!("/api/cart/add?variant_id={variant}&quantity=1"))
        .await;
    assert!(s.is_client_error(), "{s}");
    assert!(quantities(&shopper.cart().await).is_empty());
}

#[tokio::test]
async fn nobody_reaches_another_customers_cart_addresses_or_sessions() {
    let base = &server().base;
    let victim = Shopper::visit(base).await;
    victim.register(&unique_email("victim")).await;
    let (variant, _) = stocked_variants(5, 1).await[0];
    victim.add(variant, 2).await;
    let (s, id) = victim.save_address("", "Długa 1").await;
    assert_eq!(s, StatusCode::OK, "{id}");
    let address_id: i64 = serde_json::from_str::<String>(&id)
        .unwrap()
        .parse()
        .unwrap();

    let attacker = Shopper::visit(base).await;
    attacker.register(&unique_email("attacker")).await;
    let mut rng = 0x9e37_79b9_7f4a_7c15_u64;
    let mut next = move || {
        rng ^= rng << 13;
        rng ^= rng >> 7;
        rng ^= rng << 17;
        rng
    };
    let mut attempts = Vec::new();
    for i in 0..1000 {
        let n = next();
        // Around the victim's real ids as well as anywhere.
        let id = if i % 2 == 0 {
            address_id + (n % 50) as i64 - 25
        } else {
            (n % 1_000_000) as i64
        };
        attempts.push((i % 4, id, format!("{:064x}", n as u128 * 31 + i as u128)));
    }
    let outcomes = join_all(attempts.into_iter().map(|(kind, id, token)| {
        let a = attacker.clone();
        async move {
            match kind {
                0 => {
                    a.form(
                        "/api/account/address",
                        &[
                            ("id", &id.to_string()),
                            ("name", "X"),
                            ("street", "Y 1"),
                            ("postcode", "00-001"),
                            ("city", "Z"),
                            ("phone", "600000000"),
                        ],
                    )
                    .await
                    .0
                }
                1 => {
                    a.form("/api/account/address/delete", &[("id", &id.to_string())])
                        .await
                        .0
                }
                2 => {
                    a.form("/api/account/end-session", &[("handle", &token[..16])])
                        .await
                        .0
                }
                _ => {
                    // A guessed guest-cart token reads an empty cart of its own.
                    let guest = Shopper {
                        cookies: Arc::default(),
                        ..a.clone()
                    };
                    guest.set_cookie("os_cart", &token);
                    let cart = guest.cart().await;
                    assert!(cart["lines"].as_array().unwrap().is_empty());
                    StatusCode::NOT_FOUND
                }
            }
        }
    }))
    .await;
    assert!(
        outcomes.iter().all(|s| *s == StatusCode::NOT_FOUND),
        "{:?}",
        outcomes
            .iter()
            .filter(|s| **s != StatusCode::NOT_FOUND)
            .collect::<Vec<_>>()
    );
    let (s, account) = victim.get("/api/account").await;
    assert_eq!(s, StatusCode::OK);
    let account: Value = serde_json::from_str(&account).unwrap();
    assert_eq!(account["addresses"][0]["street"], "Długa 1");
    assert_eq!(account["addresses"].as_array().unwrap().len(), 1);
    assert_eq!(quantities(&victim.cart().await)[&variant], 2);
}

/// Waits for a cart event on a live-update stream; fails after 2 s.
pub(crate) async fn expect_cart_event(events: &mut reqwest::Response) {
    let mut seen = String::new();
    let deadline = tokio::time::Instant::now() + Duration::from_secs(2);
    while !seen.contains("event: cart") {
        let chunk = tokio::time::timeout_at(deadline, events.chunk())
            .await
            .expect("an event within 2 s")
            .unwrap()
            .expect("stream open");
        seen.push_str(&String::from_utf8_lossy(&chunk));
    }
}

#[tokio::test]
async fn other_devices_hear_about_cart_changes() {
    let base = &server().base;
    let email = unique_email("live");
    let phone = Shopper::visit(base).await;
    phone.register(&email).await;
    let laptop = Shopper::visit(base).await;
    laptop.login(&email, PASSWORD).await;
    let mut events = laptop.response("/api/v1/cart/events").await;
    assert_eq!(events.status(), StatusCode::OK);
    assert_eq!(events.headers()["content-type"], "text/event-stream");
    let (variant, _) = stocked_variants(5, 1).await[0];
    phone.add(variant, 1).await;
    expect_cart_event(&mut events).await;
    // A stranger's stream hears nothing of it.
    let stranger = Shopper::visit(base).await;
    let mut theirs = stranger.response("/api/v1/cart/events").await;
    phone.add(variant, 1).await;
    let heard = tokio::time::timeout(Duration::from_millis(700), theirs.chunk()).await;
    assert!(
        heard.is_err()
            || !String::from_utf8_lossy(&heard.unwrap().unwrap().unwrap_or_default())
                .contains("event: cart"),
        "a stranger must not be told"
    );
}

#[tokio::test]
async fn profile_addresses_and_devices_are_managed_from_the_account() {
    let base = &server().base;
    let email = unique_email("manage");
    let phone = Shopper::visit(base).await;
    phone.register(&email).await;
    let laptop = Shopper::visit(base).await;
    laptop.login(&email, PASSWORD).await;

    let new_email = unique_email("renamed");
    let (s, body) = phone
        .form(
            "/api/account/profile",
            &[
                ("name", "Ala Nowak"),
                ("email", &new_email),
                ("language", "pl"),
                ("store", ""),
            ],
        )
        .await;
    assert_eq!(s, StatusCode::OK, "{body}");
    let (_, account) = phone.get("/api/account").await;
    let account: Value = serde_json::from_str(&account).unwrap();
    let store = account["stores"][0][0].as_str().unwrap().to_string();
    let (s, _) = phone
        .form(
            "/api/account/profile",
            &[
                ("name", "Ala Nowak"),
                ("email", &new_email),
                ("language", "pl"),
                ("store", &store),
            ],
        )
        .await;
    assert_eq!(s, StatusCode::OK);
    let (s, _) = phone
        .form(
            "/api/account/profile",
            &[
                ("name", "Ala"),
                ("email", &new_email),
                ("language", "pl"),
                ("store", "no-such-store"),
            ],
        )
        .await;
    assert_eq!(s, StatusCode::BAD_REQUEST);
    let (_, account) = phone.get("/api/account").await;
    let account: Value = serde_json::from_str(&account).unwrap();
    assert_eq!(account["profile"]["name"], "Ala Nowak");
    assert_eq!(account["profile"]["email"], new_email.as_str());
    assert_eq!(account["profile"]["locale"], "Pl");
    assert_eq!(account["profile"]["preferred_store"], store.as_str());

    // Add, edit, delete an address.
    let address = |id: &str, street: &str| {
        vec![
            ("id", id.to_string()),
            ("name", "Ala".into()),
            ("street", street.into()),
            ("postcode", "31042".into()),
            ("city", "Kraków".into()),
            ("phone", "+48 600 100 200".into()),
        ]
    };
    let form = |v: &Vec<(&'static str, String)>| {
        v.iter().map(|(k, v)| (*k, v.clone())).collect::<Vec<_>>()
    };
    let add = form(&address("", "Rynek 1"));
    let (s, id) = phone
        .form(
            "/api/account/address",
            &add.iter()
                .map(|(k, v)| (*k, v.as_str()))
                .collect::<Vec<_>>(),
        )
        .await;
    assert_eq!(s, StatusCode::OK);
    let id = serde_json::from_str::<String>(&id).expect("the id, as text");
    let edit = form(&address(&id, "Rynek 2"));
    let (s, _) = phone
        .form(
            "/api/account/address",
            &edit
                .iter()
                .map(|(k, v)| (*k, v.as_str()))
                .collect::<Vec<_>>(),
        )
        .await;
    assert_eq!(s, StatusCode::OK);
    let (_, account) = phone.get("/api/account").await;
    let account: Value = serde_json::from_str(&account).unwrap();
    assert_eq!(account["addresses"][0]["street"], "Rynek 2");
    assert_eq!(
        account["addresses"][0]["postcode"], "31-042",
        "normalised by the model"
    );
    let bad = form(&address("", ""));
    let (s, _) = phone
        .form(
            "/api/account/address",
            &bad.iter()
                .map(|(k, v)| (*k, v.as_str()))
                .collect::<Vec<_>>(),
        )
        .await;
    assert_eq!(s, StatusCode::BAD_REQUEST);
    let (s, _) = phone
        .form("/api/account/address/delete", &[("id", &id)])
        .await;
    assert_eq!(s, StatusCode::OK);

    // Sign the laptop out from the phone, then everything out.
    let sessions = account["sessions"].as_array().unwrap();
    assert_eq!(sessions.len(), 2);
    let other = sessions.iter().find(|s| s["current"] == false).unwrap()["handle"]
        .as_str()
        .unwrap();
    let (s, _) = phone
        .form("/api/account/end-session", &[("handle", other)])
        .await;
    assert_eq!(s, StatusCode::OK);
    assert_eq!(laptop.get("/api/account").await.0, StatusCode::UNAUTHORIZED);
    laptop.login(&new_email, PASSWORD).await;
    let (s, _) = phone.form("/api/account/logout-everywhere", &[]).await;
    assert!(s.is_success() || s.is_redirection());
    assert_eq!(phone.get("/api/account").await.0, StatusCode::UNAUTHORIZED);
    assert_eq!(laptop.get("/api/account").await.0, StatusCode::UNAUTHORIZED);
}

#[tokio::test]
async fn cookies_are_secure_behind_https() {
    let base = &server().base;
    let (variant, _) = stocked_variants(5, 1).await[0];
    // The cart cookie comes with the first item (a form, as with JavaScript off).
    let res = Shopper::client()
        .post(format!("{base}/api/cart/add"))
        .header("x-forwarded-proto", "https")
        .header("origin", base)
        .form(&[
            ("variant_id", variant.to_string()),
            ("quantity", "1".into()),
        ])
        .send()
        .await
        .unwrap();
    let cart = res.headers()["set-cookie"].to_str().unwrap();
    assert!(
        cart.starts_with("os_cart=") && cart.contains("; Secure"),
        "{cart}"
    );
    assert_eq!(res.headers()["cache-control"], "private, no-store");
    let res = Shopper::client()
        .get(format!("{base}/api/cart"))
        .send()
        .await
        .unwrap();
    assert_eq!(res.headers()["cache-control"], "private, no-store");
}

#[tokio::test]
async fn password_checks_of_a_held_session_are_limited_like_sign_in() {
    // Its own server: the wrong guesses count against 127.0.0.1 as well.
    let own = start_server();
    let s = Shopper::visit(&own.base).await;
    let email = unique_email("guess");
    s.register(&email).await;
    for i in 0..5 {
        let (st, body) = s
            .form(
                "/api/account/password",
                &[
                    ("current", &format!("guess number {i}")),
                    ("new_password", "a new long password"),
                ],
            )
            .await;
        assert_eq!(st, StatusCode::FORBIDDEN, "{body}");
    }
    // Now even the right password waits, for changing it, for deleting
    // the account, and for signing in anywhere.
    let (st, body) = s.change_password(PASSWORD, "a new long password").await;
    assert_eq!(st, StatusCode::TOO_MANY_REQUESTS, "{body}");
    assert_eq!(super::refused(&body), Problem::TooManyAttempts);
    let (st, _) = s
        .form("/api/account/delete", &[("password", PASSWORD)])
        .await;
    assert_eq!(st, StatusCode::TOO_MANY_REQUESTS);
    let elsewhere = Shopper::visit(&own.base).await;
    assert_eq!(
        elsewhere.login(&email, PASSWORD).await.0,
        StatusCode::TOO_MANY_REQUESTS
    );
    assert_eq!(
        s.get("/api/account").await.0,
        StatusCode::OK,
        "the account and its session are untouched"
    );
}

#[tokio::test]
async fn a_bookmarked_account_page_goes_through_sign_in_and_back() {
    let base = &server().base;
    let (s, email) = Shopper::signed_out(base, "bookmark").await;
    let res = s.response("/account").await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    assert_eq!(res.headers()["location"], "/login?next=/account");
    let (st, page) = s.get("/login?next=/account").await;
    assert_eq!(st, StatusCode::OK);
    assert!(
        page.contains("name=\"next\" value=\"/account\""),
        "the form carries it"
    );

    // Signing in (a plain form, as without JavaScript) comes back; a `next`
    // that leaves the site is ignored.
    for (next, lands) in [
        ("/account", "/account"),
        ("//evil.example/account", "/account"),
        ("https://evil.example/", "/account"),
    ] {
        // Another browser each time: `s` stays signed out.
        let to = Shopper::visit(base)
            .await
            .plain_form(
                "/api/auth/login",
                "/login",
                &[("email", &email), ("password", PASSWORD), ("next", next)],
            )
            .await;
        assert!(
            to == lands || to.starts_with(&format!("{lands}?")),
            "{next} -> {to}"
        );
    }
    // Signed in, the page is simply there.
    let res = s.response("/account").await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER, "still signed out");
    s.login(&email, PASSWORD).await;
    assert_eq!(s.get("/account").await.0, StatusCode::OK);
}

#[tokio::test]
async fn a_control_character_is_named_and_an_oversized_body_is_413() {
    let s = Shopper::visit(&server().base).await;
    let (st, body) = s
        .form(
            "/api/auth/register",
            &[
                ("name", "Ala\u{7}Kowalska"),
                ("email", &unique_email("bell")),
                ("password", PASSWORD),
            ],
        )
        .await;
    assert_eq!(st, StatusCode::BAD_REQUEST);
    assert_eq!(
        super::refused(&body),
        Problem::Field {
            field: "name".into(),
            error: FieldError::ControlCharacter
        }
    );

    let huge = "x".repeat(300 * 1024);
    let (st, body) = s
        .form("/api/cart/add", &[("variant_id", "1"), ("quantity", &huge)])
        .await;
    assert_eq!(st, StatusCode::PAYLOAD_TOO_LARGE, "{body}");
    assert!(body.contains("too large"), "{body}");
    // A streamed body, of no declared length, is cut off at the limit too.
    let addr = server().base.trim_start_matches("http://").to_string();
    let answer = std::thread::spawn(move || {
        use std::io::{Read, Write};
        let mut tcp = std::net::TcpStream::connect(&addr).unwrap();
        let chunk = "x".repeat(64 * 1024);
        let mut req = format!(
            "POST /api/cart/add HTTP/1.1\r\nHost: {addr}\r\nContent-Type: \
                application/x-www-form-urlencoded\r\nTransfer-Encoding: chunked\r\nConnection: \
                close\r\n\r\n"
        );
        for _ in 0..5 {
            req += &format!("{:x}\r\n{chunk}\r\n", chunk.len());
        }
        req += "0\r\n\r\n";
        // The server may answer and close before it has read everything.
        let _ = tcp.write_all(req.as_bytes());
        let mut answer = String::new();
        let _ = tcp.read_to_string(&mut answer);
        answer
    })
    .join()
    .unwrap();
    assert!(answer.starts_with("HTTP/1.1 413"), "{answer}");
    // A form of ordinary size still works.
    let (st, body) = s.add(stocked_variants(1, 1).await[0].0, 1).await;
    assert!(st.is_success(), "{st} {body}");
}

#[tokio::test]
async fn the_account_page_is_plain_forms_that_come_back_with_what_came_of_each() {
    use omnistore_components::i18n::Locale::En;
    let html_escape = |t: &str| {
        t.replace('&', "&amp;")
            .replace('<', "&lt;")
            .replace('>', "&gt;")
            .replace('"', "&quot;")
    };
    let base = &server().base;
    let s = Shopper::visit(base).await;
    s.register(&unique_email("plainacct")).await;
    let (st, page) = s.get("/account").await;
    assert_eq!(st, StatusCode::OK);
    assert_eq!(
        page.matches("<leptos-island ").count(),
        1,
        "the header's corner only: the page needs no wasm of its own"
    );
    for action in [
        "/api/account/profile",
        "/api/account/address",
        "/api/account/password",
        "/api/account/delete",
        "/api/account/logout-everywhere",
        "/api/account/reminders",
    ] {
        assert!(page.contains(&format!(r#"action="{action}""#)), "{action}");
    }
    assert_eq!(
        page.matches("data-swap").count(),
        3,
        "a new address, the password and cart reminders: the forms that change only this page"
    );

    // A refused address: back with each field named, its form open.
    let address = |postcode: &'static str, phone: &'static str| {
        [
            ("id", ""),
            ("name", "Ala"),
            ("street", "Rynek 1"),
            ("postcode", postcode),
            ("city", "Kraków"),
            ("phone", phone),
        ]
    };
    let back = s
        .plain_form("/api/account/address", "/account", &address("31", "12"))
        .await;
    assert_eq!(
        back,
        "/account?form=address-new&error=invalid&fields=postcode:postcode,phone:phone"
    );
    let (st, page) = s.get(&back).await;
    assert_eq!(st, StatusCode::OK);
    let refused = Problem::Fields {
        errors: vec![
            ("postcode".into(), FieldError::Postcode),
            ("phone".into(), FieldError::Phone),
        ],
    };
    let alert = format!(
        "<p role=\"alert\" class=\"os-address-form__error\">{}</p>",
        html_escape(&refused.text(En))
    );
    assert!(page.contains(&alert), "{alert} in {page}");
    assert!(page.contains("<details open"), "the refused form is open");

    // Saved: back with the words, the address listed, its edit and delete forms.
    let back = s
        .plain_form(
            "/api/account/address",
            "/account",
            &address("31042", "600100200"),
        )
        .await;
    assert_eq!(back, "/account?done=address");
    let (_, page) = s.get(&back).await;
    assert!(page.contains(">Saved.</p>"), "{page}");
    assert_eq!(
        page.matches("data-outcome").count(),
        1,
        "one form's outcome"
    );
    assert!(page.contains("Ala, Rynek 1, 31-042 Kraków"));
    assert_eq!(page.matches("data-swap").count(), 5);
    let (_, account) = s.get("/api/account").await;
    let account: Value = serde_json::from_str(&account).unwrap();
    let id = account["addresses"][0]["id"].to_string();
    let id = id.trim_matches('"');

    // The wrong current password, then the right one.
    let change =
        |current: &'static str| [("current", current), ("new_password", "a new long one!")];
    let back = s
        .plain_form(
            "/api/account/password",
            "/account",
            &change("not mine at all"),
        )
        .await;
    assert_eq!(back, "/account?form=password&error=password");
    let (_, page) = s.get(&back).await;
    assert!(page.contains("That is not your current password."));
    let back = s
        .plain_form("/api/account/password", "/account", &change(PASSWORD))
        .await;
    assert_eq!(back, "/account?done=password");
    assert!(s.get(&back).await.1.contains("Password changed."));

    // Another device's session that is not there; the profile; the address gone.
    let back = s
        .plain_form(
            "/api/account/end-session",
            "/account",
            &[("handle", "0123456789abcdef")],
        )
        .await;
    assert_eq!(back, "/account?form=sessions&error=session");
    assert!(s.get(&back).await.1.contains("There is no such session."));
    let profile = [
        ("name", "Ala Nowak"),
        ("email", ""),
        ("language", "en"),
        ("store", ""),
    ];
    let back = s
        .plain_form("/api/account/profile", "/account", &profile)
        .await;
    assert_eq!(
        back,
        "/account?form=profile&error=invalid&fields=email:email"
    );
    let refused = Problem::Field {
        field: "email".into(),
        error: FieldError::Email,
    };
    assert!(s
        .get(&back)
        .await
        .1
        .contains(&html_escape(&refused.text(En))));
    let back = s
        .plain_form("/api/account/address/delete", "/account", &[("id", id)])
        .await;
    assert_eq!(back, "/account?done=address-deleted");
    let (_, page) = s.get(&back).await;
    assert!(page.contains("Address deleted."));
    assert!(!page.contains("Rynek 1"));

    // A link made by hand puts no words of its own on the page.
    let (st, page) = s
        .get("/account?form=profile&error=invalid&fields=%3Cb%3Ehi%3C/b%3E:email")
        .await;
    assert_eq!(st, StatusCode::OK);
    assert!(!page.contains("hi</b>") && !page.contains("&lt;b&gt;hi"));
}

#[tokio::test]
async fn the_cart_page_is_markup_whose_plain_forms_come_back_to_it() {
    let base = &server().base;
    let shopper = Shopper::visit(base).await;
    let v = stocked_variants(20, 2).await;
    shopper.add(v[0].0, 2).await;
    shopper.add(v[1].0, 1).await;
    let (s, page) = shopper.get("/cart").await;
    assert_eq!(s, StatusCode::OK);
    assert_eq!(
        page.matches("<leptos-island ").count(),
        1,
        "the header's corner only: the page needs no wasm of its own"
    );
    let version = shopper.cart().await["version"].to_string();
    assert!(
        page.contains(&format!(r#"data-cart-version="{version}""#)),
        "the page says which cart it shows"
    );
    // Three forms a line (switch, quantity, remove), "Clear the cart" and
    // the coupon code.
    assert_eq!(page.matches("data-swap").count(), 2 * 3 + 2, "{page}");

    let a = v[0].0.to_string();
    let to = shopper
        .plain_form(
            "/api/cart/set",
            "/cart",
            &[
                ("variant_id", &a),
                ("quantity", "4"),
                ("fulfilment", "delivery"),
            ],
        )
        .await;
    assert_eq!(to, "/cart");
    assert_eq!(quantities(&shopper.cart().await)[&v[0].0], 4);
    let to = shopper
        .plain_form(
            "/api/cart/set",
            "/cart",
            &[
                ("variant_id", &a),
                ("quantity", "500"),
                ("fulfilment", "delivery"),
            ],
        )
        .await;
    assert_eq!(to, "/cart?error=invalid");
    assert!(shopper
        .get(&to)
        .await
        .1
        .contains(r#"<p role="alert" class="os-auth-form__error">Please check the form"#));
    assert_eq!(
        quantities(&shopper.cart().await)[&v[0].0],
        4,
        "nothing lost"
    );
    let to = shopper
        .plain_form("/api/cart/remove", "/cart", &[("variant_id", &a)])
        .await;
    assert_eq!(to, "/cart");
    let to = shopper.plain_form("/api/cart/clear", "/cart", &[]).await;
    assert_eq!(to, "/cart");
    let (_, page) = shopper.get("/cart").await;
    assert!(page.contains("Your cart is empty."));
}

#[tokio::test]
async fn the_gallery_index_is_markup_and_each_component_has_a_live_page() {
    let base = &server().base;
    let s = Shopper::visit(base).await;
    let (st, page) = s.get("/components").await;
    assert_eq!(st, StatusCode::OK);
    assert_eq!(
        page.matches("<leptos-island ").count(),
        2,
        "the header's corner and the locator's \"Use my location\", both waiting for the shopper"
    );
    assert!(page.contains(r#"<os-intent><leptos-island data-component="LocateLive"#));
    let entries: Vec<String> = page
        .match_indices(r#"<a href="/components/"#)
        .map(|(at, _)| {
            let rest = &page[at + r#"<a href=""#.len()..];
            rest[..rest.find('"').unwrap()].to_string()
        })
        .collect();
    assert!(entries.len() >= 20, "{entries:?}");
    let mut live = 0;
    for path in &entries {
        let (st, page) = s.get(path).await;
        assert_eq!(st, StatusCode::OK, "{path}");
        // The header's corner, and its own island if it reacts in the browser.
        let islands = page.matches("<leptos-island ").count();
        assert!((1..=2).contains(&islands), "{path}: {islands}");
        live += islands - 1;
    }
    assert!(live >= 10, "the interactive ones are live: {live}");
    assert_eq!(
        s.get("/components/price")
            .await
            .1
            .matches("<leptos-island ")
            .count(),
        1
    );
    let (_, cart_line) = s.get("/components/cartline").await;
    assert!(
        cart_line.contains("os-cart-line"),
        "the example is there before hydration"
    );
    assert_eq!(s.get("/components/nothing").await.0, StatusCode::NOT_FOUND);
}
