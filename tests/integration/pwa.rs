//! The installable app's files, and what browsers and the service worker may
//! keep: nothing a signed-in customer sees, nothing after sign-out.

use crate::accounts::{unique_email, Shopper};
use crate::{client, server};
use omnistore_server::identity::{CDN_PAGE_CACHE, SHARED_PAGE_CACHE};
use reqwest::StatusCode;

async fn raw(path: &str, cookie: &str) -> reqwest::Response {
    client()
        .get(format!("{}{path}", server().base))
        .header("cookie", cookie)
        .send()
        .await
        .unwrap()
}

fn cache_control(res: &reqwest::Response) -> String {
    res.headers()
        .get("cache-control")
        .map(|v| v.to_str().unwrap().to_string())
        .unwrap_or_default()
}

/// A visitor who is nobody in particular (no cart, no store, not signed
/// in) gets no cookie, and catalog pages a shared cache may keep, varying
/// with the language; the first item in a cart, a chosen store or a
/// sign-in makes every page that visitor's own.
#[tokio::test]
async fn anonymous_pages_are_shared_until_the_visitor_is_someone() {
    for path in ["/", "/c/lighting", "/stores", "/search?q=lamp"] {
        let res = raw(path, "").await;
        assert_eq!(res.status(), StatusCode::OK, "{path}");
        assert!(res.headers().get("set-cookie").is_none(), "{path}");
        assert_eq!(cache_control(&res), SHARED_PAGE_CACHE, "{path}");
        assert_eq!(res.headers()["cdn-cache-control"], CDN_PAGE_CACHE, "{path}");
        let vary: Vec<&str> = res
            .headers()
            .get_all("vary")
            .iter()
            .map(|v| v.to_str().unwrap())
            .collect();
        let vary = vary.join(", ").to_ascii_lowercase();
        assert!(
            vary.contains("accept-language") && vary.contains("cookie"),
            "{path}: {vary}"
        );
    }
    // Only the language cookie: still everybody's page in that language.
    let res = raw("/c/lighting", "lang=pl").await;
    assert_eq!(cache_control(&res), SHARED_PAGE_CACHE);
    // A cart's own pages (and the wishlist) are never kept, and reading
    // them sets no cookie.
    for path in ["/cart", "/checkout", "/wishlist"] {
        let res = raw(path, "").await;
        assert_eq!(cache_control(&res), "private, no-store", "{path}");
        assert!(res.headers().get("set-cookie").is_none(), "{path}");
    }
    // A chosen store shows its stock: that visitor's page.
    let res = raw("/c/lighting", "os_store=krakow-rynek").await;
    assert_eq!(cache_control(&res), "private, no-cache");
    assert!(res.headers().get("cdn-cache-control").is_none());

    let shopper = Shopper::visit(&server().base).await;
    let (variant, _) = crate::accounts::stocked_variants(5, 1).await[0];
    let (s, _) = shopper.add(variant, 1).await;
    assert_eq!(s, StatusCode::OK);
    assert!(
        shopper.cookie("os_cart").is_some(),
        "the first item brings the cookie"
    );
    let res = raw("/c/lighting", &shopper.header()).await;
    assert_eq!(cache_control(&res), "private, no-cache");
    assert_eq!(shopper.cart().await["lines"].as_array().unwrap().len(), 1);
}

#[tokio::test]
async fn manifest_icons_and_worker_are_served() {
    let res = raw("/manifest.webmanifest", "").await;
    assert_eq!(res.headers()["content-type"], "application/manifest+json");
    let manifest: serde_json::Value = res.json().await.unwrap();
    assert_eq!(manifest["display"], "standalone");
    assert_eq!(manifest["start_url"], "/");
    let icons = manifest["icons"].as_array().unwrap();
    for icon in icons {
        let res = raw(icon["src"].as_str().unwrap(), "").await;
        assert_eq!(res.status(), StatusCode::OK);
        assert_eq!(res.headers()["content-type"], "image/png");
        let png = res.bytes().await.unwrap();
        let size: u32 = icon["sizes"]
            .as_str()
            .unwrap()
            .split('x')
            .next()
            .unwrap()
            .parse()
            .unwrap();
        assert_eq!(&png[1..4], b"PNG");
        assert_eq!(u32::from_be_bytes(png[16..20].try_into().unwrap()), size);
    }
    assert_eq!(
        raw("/icons/nope.png", "").await.status(),
        StatusCode::NOT_FOUND
    );

    let res = raw("/sw.js", "").await;
    assert_eq!(
        cache_control(&res),
        "no-cache",
        "browsers must ask for updates"
    );
    let sw = res.text().await.unwrap();
    assert!(!sw.contains("__"), "every placeholder is filled");
    // The worker never stores what the server calls private.
    let private = sw
        .lines()
        .find_map(|l| l.strip_prefix("const PRIVATE = "))
        .expect("the private list");
    let private: Vec<String> = serde_json::from_str(private.trim_end_matches(';')).unwrap();
    for prefix in omnistore_server::identity::PRIVATE_PREFIXES {
        assert!(private.iter().any(|p| p == prefix), "{prefix}");
    }
    assert!(
        sw.contains(r#"const PRECACHE = ["/offline","#),
        "{}",
        &sw[..400]
    );

    // Every page links the manifest and the script that installs the worker.
    let home = raw("/", "").await.text().await.unwrap();
    assert!(home.contains(r#"<link rel="manifest" href="/manifest.webmanifest""#));
    assert!(home.contains(r#"<script src="/pwa.js" defer"#));
    assert_eq!(raw("/pwa.js", "").await.status(), StatusCode::OK);
}

#[tokio::test]
async fn islands_mode_pages_carry_islands_and_the_navigation_script() {
    let home = raw("/", "").await.text().await.unwrap();
    // The header's shopper corner is an island whose props carry the
    // session (the cart the badge starts from), not a resource of its own.
    let header = home
        .find(r#"<leptos-island data-component="ShopperIsland"#)
        .expect("the header's island");
    let props = &home[header..home[header..].find('>').unwrap() + header];
    assert!(props.contains("data-props="), "{props}");
    // As JSON text (`SessionProp`): its quotes are escaped inside the props.
    assert!(props.contains(r"\&quot;cart\&quot;"), "{props}");
    assert!(home.contains(r#"<script src="/nav.js" defer"#));
    let nav = raw("/nav.js", "").await;
    assert_eq!(nav.status(), StatusCode::OK);
    assert!(nav.headers()["content-type"]
        .to_str()
        .unwrap()
        .starts_with("text/javascript"));
    assert!(nav.text().await.unwrap().contains("osNavigate"));

    // The wasm comes when the browser is idle, by the loader's own call:
    // nothing preloads it with the page, where it would take the bandwidth
    // of the first paint.
    assert!(!home.contains("preload"), "no preload in the page");
    let call = home
        .find(r#"})("/pkg/omnistore"#)
        .map(|at| &home[at + 2..at + home[at..].find(");").unwrap()])
        .expect("the island loader's call");
    let files: Vec<&str> = call.trim_matches(['(', ')']).split(", ").collect();
    assert_eq!(files.len(), 2, "{call}");
    assert!(
        files[0].starts_with(r#""/pkg/omnistore"#) && files[0].ends_with(r#".js""#),
        "{call}"
    );
    assert!(files[1].ends_with(r#".wasm""#), "{call}");
}

#[tokio::test]
async fn the_offline_page_is_nobodys_and_speaks_the_shoppers_language() {
    let shopper = Shopper::visit(&server().base).await;
    shopper.register(&unique_email("offline")).await;
    let res = raw("/offline", &format!("{}; lang=pl", shopper.header())).await;
    assert_eq!(res.status(), StatusCode::OK);
    assert!(
        res.headers().get("set-cookie").is_none(),
        "outside the identity layer"
    );
    let html = res.text().await.unwrap();
    assert!(html.contains("<html lang=\"pl\""));
    assert!(html.contains("Jesteś offline"));
    assert!(
        !html.contains("Ala Test"),
        "no account details in a stored page"
    );
    assert!(!html.contains("os-cart-badge"), "no cart in a stored page");
}

#[tokio::test]
async fn the_card_page_is_nobodys_and_the_account_page_offers_the_card_to_keep() {
    let shopper = Shopper::visit(&server().base).await;
    shopper.register(&unique_email("card")).await;
    let res = raw("/card", &format!("{}; lang=pl", shopper.header())).await;
    assert_eq!(res.status(), StatusCode::OK);
    assert!(res.headers().get("set-cookie").is_none());
    let html = res.text().await.unwrap();
    assert!(html.contains("Twoja karta lojalnościowa"));
    assert!(
        html.contains("data-os-card-slot hidden"),
        "filled in by pwa.js"
    );
    assert!(html.contains(r#"<script src="/pwa.js">"#));
    assert!(
        !html.contains("OSL-") && !html.contains("Ala Test"),
        "nobody's"
    );
    // The worker keeps it at install, and the app has a shortcut to it.
    let sw = raw("/sw.js", "").await.text().await.unwrap();
    assert!(sw.contains(r#"const PRECACHE = ["/offline","/card","#));
    let manifest: serde_json::Value = raw("/manifest.webmanifest", "").await.json().await.unwrap();
    assert!(manifest["shortcuts"]
        .as_array()
        .unwrap()
        .iter()
        .any(|s| s["url"] == "/card"));
    // The account page marks the card for pwa.js to keep.
    let (_, account) = shopper.get("/account").await;
    let at = account
        .find("data-os-card=\"OSL-")
        .expect("the card is marked");
    assert!(account[at..].contains("<svg"), "with its QR code");
    assert!(account.contains(r#"<a href="/card">"#));
}

#[tokio::test]
async fn signed_in_answers_are_never_stored_and_sign_out_clears_the_cache() {
    let guest = raw("/c/lighting", "").await;
    assert_eq!(cache_control(&guest), SHARED_PAGE_CACHE);

    let shopper = Shopper::visit(&server().base).await;
    shopper.register(&unique_email("nostore")).await;
    for path in ["/", "/c/lighting", "/stores", "/search?q=lamp"] {
        let res = raw(path, &shopper.header()).await;
        assert_eq!(res.status(), StatusCode::OK, "{path}");
        assert_eq!(cache_control(&res), "private, no-store", "{path}");
    }
    for path in ["/cart", "/checkout", "/api/cart"] {
        assert_eq!(
            cache_control(&raw(path, "").await),
            "private, no-store",
            "{path} for a guest too"
        );
    }

    let res = client()
        .post(format!("{}/api/auth/logout", server().base))
        .header("cookie", shopper.header())
        .header("origin", &server().base)
        .header("accept", "application/json")
        .send()
        .await
        .unwrap();
    assert!(res.status().is_success() || res.status().is_redirection());
    assert_eq!(res.headers()["clear-site-data"], "\"cache\"");
}
