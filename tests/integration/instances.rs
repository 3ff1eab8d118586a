//! Two omnistore instances on one PostgreSQL database, as a shop runs them
//! behind a reverse proxy: no unit is sold twice, a cart change made on one
//! reaches the live updates of the other, and what one instance ends (a
//! session, a kiosk visit, a handoff) is ended on the other.
//!
//! The database is in the test command's cluster (`OMNISTORE_TEST_POSTGRES`)
//! or, when the tests run on SQLite, in a cluster these tests start for
//! themselves (`scripts/postgres.sh`): many instances need PostgreSQL.

use crate::accounts::{expect_cart_event, unique_email, Shopper, PASSWORD};
use crate::stores::{checkout_view, isolated_stock, pickup_guest, place, stock_of};
use crate::{serve, Server};
use futures::future::join_all;
use omnistore_components::model::Problem;
use omnistore_server::ServeConfig;
use reqwest::StatusCode;
use serde_json::Value;
use std::io::BufRead;
use std::sync::OnceLock;
use std::time::{Duration, Instant};

/// The administrative URL of a PostgreSQL cluster for these tests.
fn cluster() -> &'static str {
    static URL: OnceLock<String> = OnceLock::new();
    URL.get_or_init(|| std::env::var("OMNISTORE_TEST_POSTGRES").unwrap_or_else(|_| start_cluster()))
}

/// A cluster of our own, which stops and removes itself once this test
/// process has ended.
// Never waited for: the script outlives every test and ends by itself when
// it sees this process gone.
#[allow(clippy::zombie_processes)]
fn start_cluster() -> String {
    let dir = tempfile::tempdir().unwrap().keep();
    let mut child = std::process::Command::new("bash")
        .arg(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../scripts/postgres.sh"
        ))
        .arg("serve")
        .arg(dir.join("data"))
        .env("POSTGRES_PARENT_PID", std::process::id().to_string())
        .env("POSTGRES_REMOVE", "1")
        .stdout(std::process::Stdio::piped())
        .spawn()
        .expect("scripts/postgres.sh");
    let mut line = String::new();
    std::io::BufReader::new(child.stdout.take().unwrap())
        .read_line(&mut line)
        .unwrap();
    line.trim()
        .strip_prefix("url ")
        .unwrap_or_else(|| panic!("PostgreSQL did not start: {line:?}"))
        .to_string()
}

/// Two instances (`a` seeded the demo data; the second's base URL) on one
/// new database.
struct Pair {
    a: Server,
    b: String,
    /// Where B writes e-mails (A's are in `a.mail`).
    b_mail: std::path::PathBuf,
}

fn config(db: &str, demo: bool, mail: std::path::PathBuf) -> ServeConfig {
    ServeConfig {
        addr: "127.0.0.1:0".parse().unwrap(),
        database_url: db.to_string(),
        pool: Default::default(),
        demo,
        public_url: None,
        site_root: "target/site".into(),
        mail_dir: mail,
        smtp: None,
        release: None,
        // An hour: what instance B learns of A's changes comes by
        // notification, not by polling.
        catalog_poll: Duration::from_secs(3600),
        stock_alert_poll: Duration::from_millis(100),
        reminder_poll: std::time::Duration::from_millis(100),
        recommend_refresh: std::time::Duration::from_secs(3600),
        page_cache: true,
        vendure: None,
        trusted_proxies: Vec::new(),
    }
}

/// The pair the tests share.
fn pair() -> &'static Pair {
    static PAIR: OnceLock<Pair> = OnceLock::new();
    PAIR.get_or_init(new_pair)
}

/// A pair of its own, for a test that would disturb the shared one.
fn new_pair() -> Pair {
    {
        let dir = tempfile::tempdir().unwrap();
        let db = crate::postgres_database(cluster(), "pair");
        let a = serve(config(&db, true, dir.path().join("mail-a")));
        let b = serve(config(&db, false, dir.path().join("mail-b")));
        let dir_b_mail = dir.path().join("mail-b");
        Pair {
            a: Server {
                base: a,
                mail: dir.path().join("mail-a"),
                db,
                _dir: dir,
            },
            b,
            b_mail: dir_b_mail,
        }
    }
}

#[tokio::test]
async fn two_hundred_checkouts_on_two_instances_place_exactly_ten_orders() {
    let Pair { a, b, b_mail } = pair();
    let (store, variant) = isolated_stock(a, 10, 1000).await;
    // Every other shopper filled the cart on A and checks out on B.
    let guests = join_all((0..200).map(|i| {
        let base = if i % 2 == 0 { &a.base } else { b };
        pickup_guest(base, &store, variant)
    }))
    .await;
    let mut forms = Vec::new();
    for (i, g) in guests.iter().enumerate() {
        let g = if i % 2 == 0 { g.at(b) } else { g.at(&a.base) };
        let v = checkout_view(&g).await;
        let slot = v["pickup"]["slots"][0]["starts_at"].as_i64().unwrap();
        forms.push((g, v["key"].as_str().unwrap().to_string(), slot));
    }
    let results = join_all(
        forms
            .iter()
            .map(|(g, key, slot)| async move { place(g, key, Some(*slot), &[]).await }),
    )
    .await;
    let count = |f: &dyn Fn(&(StatusCode, String)) -> bool| results.iter().filter(|r| f(r)).count();
    assert_eq!(
        count(&|(s, _)| s.is_server_error()),
        0,
        "no 5xx: {:?}",
        results.iter().find(|(s, _)| s.is_server_error())
    );
    assert_eq!(count(&|(s, _)| *s == StatusCode::CREATED), 10);
    assert_eq!(
        count(&|(s, b)| *s == StatusCode::CONFLICT
            && matches!(crate::refused(b), Problem::NotEnoughStock { .. })),
        190
    );
    assert_eq!(stock_of(a, variant).await, (10, 10), "none sold twice");

    // Both instances deliver from the one outbox: every message is sent
    // once, by one of them.
    let pool = crate::accounts::db(a).await;
    let started = Instant::now();
    loop {
        let unsent: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM outbox WHERE sent_at IS NULL")
            .fetch_one(&pool)
            .await
            .unwrap();
        if unsent == 0 {
            break;
        }
        assert!(
            started.elapsed() < Duration::from_secs(20),
            "{unsent} never sent"
        );
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    let messages: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM outbox")
        .fetch_one(&pool)
        .await
        .unwrap();
    let files = |dir: &std::path::Path| std::fs::read_dir(dir).map_or(0, |d| d.count());
    assert!(messages >= 10, "an e-mail per order");
    assert_eq!(files(&a.mail) + files(b_mail), messages as usize);
}

/// One customer on two devices: a phone signed in on A, and the live
/// cart updates of a laptop signed in on B.
async fn phone_on_a_laptop_listening_on_b(pair: &Pair, tag: &str) -> (Shopper, reqwest::Response) {
    let email = unique_email(tag);
    let phone = Shopper::visit(&pair.a.base).await;
    phone.register(&email).await;
    let laptop = Shopper::visit(&pair.b).await;
    laptop.login(&email, PASSWORD).await;
    let events = laptop.response("/api/v1/cart/events").await;
    assert_eq!(events.status(), StatusCode::OK);
    (phone, events)
}

#[tokio::test]
async fn a_cart_change_on_one_instance_reaches_a_device_listening_on_the_other() {
    let (phone, mut events) = phone_on_a_laptop_listening_on_b(pair(), "two-instances").await;
    let (variant, _) = crate::accounts::stocked_variants_on(&pair().a, 5, 1).await[0];
    let started = Instant::now();
    let (s, body) = phone.add(variant, 1).await;
    assert_eq!(s, StatusCode::OK, "{body}");
    tokio::time::timeout(Duration::from_secs(2), expect_cart_event(&mut events))
        .await
        .expect("heard on B within 2 s");
    println!("cart change A -> B: {:?}", started.elapsed());
}

#[tokio::test]
async fn a_session_ended_on_one_instance_is_refused_on_the_other() {
    let Pair { a, b, .. } = pair();
    let s = Shopper::visit(&a.base).await;
    s.register(&unique_email("ended")).await;
    assert_eq!(s.at(b).get("/api/account").await.0, StatusCode::OK);
    let sid = s.cookie("os_sid").expect("signed in");
    let (st, _) = s.form("/api/auth/logout", &[]).await;
    assert!(st.is_success() || st.is_redirection());
    // The ended session's cookie, replayed on B.
    let replay = Shopper::visit(b).await;
    replay.set_cookie("os_sid", &sid);
    assert_eq!(replay.get("/api/account").await.0, StatusCode::UNAUTHORIZED);
}

#[tokio::test]
async fn a_handoff_taken_on_one_instance_ends_the_kiosks_visit_on_the_other() {
    let Pair { a, b, .. } = pair();
    let slug = crate::kiosk::store(b, "Gdańsk").await;
    let kiosk = crate::kiosk::start(b, &slug).await;
    let (variant, _) = crate::accounts::stocked_variants_on(a, 5, 1).await[0];
    let (st, body) = kiosk.add(variant, 1).await;
    assert_eq!(st, StatusCode::OK, "{body}");
    let crate::kiosk::Handed { token, taken } = crate::kiosk::hand_off(&kiosk).await;
    assert_eq!(kiosk.get(&taken).await.1, "false");
    // The phone's request lands on A.
    let phone = Shopper::visit(&a.base).await;
    let (st, body) = phone
        .form("/api/handoff/accept", &[("token", &token)])
        .await;
    assert_eq!(st, StatusCode::OK, "{body}");
    assert_eq!(kiosk.get(&taken).await.1, "true", "B's kiosk sees it taken");
    // The kiosk starts over on A; its old cart cookie is refused on B.
    let old_cart = kiosk.cookie("os_cart").unwrap();
    let (st, _) = kiosk.at(&a.base).form("/api/kiosk/reset", &[]).await;
    assert_eq!(st, StatusCode::OK);
    let replay = Shopper::visit(b).await;
    replay.set_cookie("os_cart", &old_cart);
    assert_eq!(replay.get("/api/cart").await.0, StatusCode::UNAUTHORIZED);
}

/// An `omnistore serve` process of its own on a free port.
struct Process {
    child: std::process::Child,
    base: String,
}

impl Process {
    fn start(db: &str, demo: bool, dir: &std::path::Path, name: &str) -> Process {
        let port = std::net::TcpListener::bind("127.0.0.1:0")
            .unwrap()
            .local_addr()
            .unwrap()
            .port();
        let log = std::fs::File::create(dir.join(format!("{name}.log"))).unwrap();
        let mut command = std::process::Command::new(env!("CARGO_BIN_EXE_omnistore"));
        command
            .args(["serve", "--addr", &format!("127.0.0.1:{port}")])
            .args(["--database-url", db, "--site-root", "target/site"])
            .arg("--mail-dir")
            .arg(dir.join(format!("{name}-mail")))
            .env("RUST_LOG", "warn")
            .stdout(log.try_clone().unwrap())
            .stderr(log);
        if demo {
            command.arg("--demo");
        }
        let child = command.spawn().expect("omnistore serve");
        let base = format!("http://127.0.0.1:{port}");
        let started = Instant::now();
        while std::net::TcpStream::connect(("127.0.0.1", port)).is_err() {
            assert!(
                started.elapsed() < Duration::from_secs(60),
                "{name} never listened"
            );
            std::thread::sleep(Duration::from_millis(50));
        }
        Process { child, base }
    }
}

impl Drop for Process {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// A checkout that may find its server gone (`None`).
async fn try_place(s: &Shopper, key: &str, slot: i64) -> Option<(StatusCode, String)> {
    let slot = slot.to_string();
    let res = Shopper::client()
        .post(format!("{}/api/checkout", s.base()))
        .header("cookie", s.header())
        .header("origin", s.base())
        .header("sec-fetch-site", "same-origin")
        .header("accept", "application/json")
        .form(&[
            ("key", key),
            ("email", "guest@example.com"),
            ("name", "Gość Testowy"),
            ("phone", "+48 600 100 200"),
            ("slot", slot.as_str()),
        ])
        .send()
        .await
        .ok()?;
    let status = res.status();
    Some((status, res.text().await.ok()?))
}

#[tokio::test]
async fn killing_one_instance_loses_no_acknowledged_order() {
    let dir = tempfile::tempdir().unwrap();
    let db = crate::postgres_database(cluster(), "kill");
    let mut a = Process::start(&db, true, dir.path(), "a");
    let b = Process::start(&db, false, dir.path(), "b");
    let server = Server {
        base: b.base.clone(),
        mail: dir.path().join("b-mail"),
        db: db.clone(),
        _dir: tempfile::tempdir().unwrap(),
    };
    let (store, variant) = isolated_stock(&server, 200, 200).await;
    let guests = join_all((0..80).map(|_| pickup_guest(&b.base, &store, variant))).await;
    let mut forms = Vec::new();
    for (i, g) in guests.iter().enumerate() {
        let g = if i % 2 == 0 { g.at(&a.base) } else { g.clone() };
        let v = checkout_view(&g).await;
        let slot = v["pickup"]["slots"][0]["starts_at"].as_i64().unwrap();
        forms.push((g, v["key"].as_str().unwrap().to_string(), slot));
    }
    let orders = || async {
        sqlx::query_scalar::<_, i64>("SELECT COUNT(*) FROM orders WHERE status = 'placed'")
            .fetch_one(&crate::accounts::db(&server).await)
            .await
            .unwrap()
    };
    let stream = tokio::spawn(async move {
        join_all(forms.into_iter().map(|(g, key, slot)| async move {
            (g.base().to_string(), try_place(&g, &key, slot).await)
        }))
        .await
    });
    // Mid-stream: some orders are in, others in flight on A.
    let started = Instant::now();
    while orders().await < 4 && started.elapsed() < Duration::from_secs(10) {
        tokio::time::sleep(Duration::from_millis(5)).await;
    }
    a.child.kill().unwrap();
    a.child.wait().unwrap();
    let results = stream.await.unwrap();

    let pool = crate::accounts::db(&server).await;
    let mut acknowledged = 0;
    for (base, result) in &results {
        match result {
            Some((status, body)) if status.is_success() => {
                acknowledged += 1;
                let number = serde_json::from_str::<Value>(body).unwrap()["number"]
                    .as_i64()
                    .unwrap();
                let kept: Option<i64> = sqlx::query_scalar("SELECT id FROM orders WHERE id = $1")
                    .bind(number)
                    .fetch_optional(&pool)
                    .await
                    .unwrap();
                assert_eq!(
                    kept,
                    Some(number),
                    "order {number} from {base} was acknowledged"
                );
            }
            // B was never stopped: each of its checkouts went through.
            other if base == &b.base => panic!("B answered {other:?}"),
            _ => {}
        }
    }
    let lost_to_the_kill = results.iter().filter(|(_, r)| r.is_none()).count();
    println!(
        "kill -9: {acknowledged} of {} orders acknowledged, {lost_to_the_kill} cut off with A",
        results.len()
    );
    assert!(acknowledged >= 40, "B's forty at least");
    // B keeps serving after A is gone: a new checkout goes through.
    let g = pickup_guest(&b.base, &store, variant).await;
    let v = checkout_view(&g).await;
    let slot = v["pickup"]["slots"][0]["starts_at"].as_i64().unwrap();
    let (status, body) = place(&g, v["key"].as_str().unwrap(), Some(slot), &[]).await;
    assert_eq!(status, StatusCode::CREATED, "{body}");
}

#[tokio::test]
async fn failed_sign_ins_count_across_instances() {
    let Pair { a, b, .. } = pair();
    let (s, email) = Shopper::signed_out(&a.base, "throttle-two").await;
    // Five wrong passwords, alternately on A and B: the limit of one
    // account, counted once for both.
    for i in 0..5 {
        let at = if i % 2 == 0 { s.clone() } else { s.at(b) };
        assert_eq!(
            at.login(&email, "wrong password").await.0,
            StatusCode::UNAUTHORIZED
        );
    }
    for at in [s.clone(), s.at(b)] {
        let (st, body) = at.login(&email, PASSWORD).await;
        assert_eq!(st, StatusCode::TOO_MANY_REQUESTS, "{body}");
        assert_eq!(crate::refused(&body), Problem::TooManyAttempts);
    }
}

/// The listening connections are cut (a database restart, a proxy or
/// failover dropping them): each instance connects again by itself, and a
/// cart change on A is heard on B again.
#[tokio::test]
async fn live_updates_come_back_after_the_listening_connections_are_cut() {
    // Its own pair: cutting the shared pair's listeners would make other
    // tests miss their notifications.
    let pair = new_pair();
    let (phone, mut events) = phone_on_a_laptop_listening_on_b(&pair, "reconnect").await;
    let a = &pair.a;
    let (variant, _) = crate::accounts::stocked_variants_on(a, 50, 1).await[0];
    let pool = crate::accounts::db(a).await;
    let listeners = "SELECT pid FROM pg_stat_activity
         WHERE datname = current_database() AND query LIKE 'LISTEN%'";
    let cut: Vec<i64> = sqlx::query_scalar(&format!(
        "SELECT CAST(pid AS BIGINT) FROM ({listeners}) l WHERE pg_terminate_backend(pid)"
    ))
    .fetch_all(&pool)
    .await
    .unwrap();
    assert_eq!(cut.len(), 2, "one listener per instance");
    // Both instances listen again, on new connections.
    let started = Instant::now();
    loop {
        let now: Vec<i64> =
            sqlx::query_scalar(&format!("SELECT CAST(pid AS BIGINT) FROM ({listeners}) l"))
                .fetch_all(&pool)
                .await
                .unwrap();
        if now.len() == 2 && now.iter().all(|pid| !cut.contains(pid)) {
            break;
        }
        assert!(
            started.elapsed() < Duration::from_secs(10),
            "not listening again: {now:?}"
        );
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    println!("listening again after {:?}", started.elapsed());
    // A change now travels through the new connections only.
    let started = Instant::now();
    loop {
        let (s, body) = phone.add(variant, 1).await;
        assert_eq!(s, StatusCode::OK, "{body}");
        let heard =
            tokio::time::timeout(Duration::from_millis(500), expect_cart_event(&mut events)).await;
        if heard.is_ok() {
            break;
        }
        assert!(
            started.elapsed() < Duration::from_secs(10),
            "B never heard again"
        );
    }
    println!("heard again after {:?}", started.elapsed());
}
