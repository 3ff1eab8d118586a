//! Who is asking, decided once per request before any page or server
//! function runs. Four layers, one job each, outermost first:
//! [`refuse_cross_site`] (CSRF), [`identify`] (session, guest cart and kiosk
//! cookies to an [`Identity`]), [`private_answers`] (cache headers) and
//! [`sign_in_first`] (customers' pages).

use crate::error::AppError;
use crate::state::AppState;
use axum::extract::{ConnectInfo, Request, State};
use axum::http::{header, HeaderMap, HeaderName, HeaderValue, Method};
use axum::middleware::Next;
use axum::response::{IntoResponse, Redirect, Response};
use omnistore_components::backend::{
    cookie, hash_token, is_token, new_token, Identity, CART_COOKIE, CART_COOKIE_MAX_AGE,
    SESSION_COOKIE, STORE_COOKIE,
};
use omnistore_components::i18n::{cookie_value, negotiate};
use omnistore_components::model::{encode_query_value, Problem, KIOSK_COOKIE};
use std::net::{IpAddr, SocketAddr};

/// Paths whose answers are about one shopper and must never be stored by any
/// cache (the browser's included).
pub const PRIVATE_PREFIXES: &[&str] = &[
    "/cart",
    "/account",
    "/login",
    "/register",
    "/checkout",
    "/orders",
    "/wishlist",
    "/staff",
    "/kiosk",
    "/handoff",
    "/api/",
];

/// Refuses a state-changing request another site made a browser send.
pub async fn refuse_cross_site(
    State(state): State<AppState>,
    req: Request,
    next: Next,
) -> Response {
    match same_origin_write(req.method(), req.headers(), &state.public_url) {
        Ok(()) => next.run(req).await,
        Err(e) => e.into_response(),
    }
}

/// Resolves the request's cookies to an [`Identity`] (put in the request's
/// extensions): the session's customer, the guest cart (a new token when
/// there is none), the kiosk the device is bound to. Stale cookies are
/// dropped; the cookies of a kiosk visit that ended are refused.
pub async fn identify(State(state): State<AppState>, mut req: Request, next: Next) -> Response {
    let cookies = req
        .headers()
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .collect::<Vec<_>>()
        .join("; ");
    let secure = state.public_url.starts_with("https://")
        || req
            .headers()
            .get("x-forwarded-proto")
            .is_some_and(|v| v.as_bytes() == b"https");

    let mut identity = Identity {
        secure,
        client: client_address(
            req.extensions()
                .get::<ConnectInfo<SocketAddr>>()
                .map(|c| c.0.ip()),
            req.headers(),
            &state.trusted_proxies,
        )
        .map_or_else(|| "unknown".into(), |ip| ip.to_string()),
        user_agent: req
            .headers()
            .get(header::USER_AGENT)
            .and_then(|v| v.to_str().ok())
            .unwrap_or("")
            .to_string(),
        locale: {
            let header = |name| req.headers().get(name).and_then(|v| v.to_str().ok());
            negotiate(header(header::COOKIE), header(header::ACCEPT_LANGUAGE))
        },
        ..Identity::default()
    };
    // A guest's "my store"; a customer's is on the account (see `my_store`).
    identity.store = cookie_value(&cookies, STORE_COOKIE)
        .filter(|s| omnistore_components::model::is_slug(s))
        .map(str::to_string);
    // A kiosk is a device holding a secret that staff started with the PIN;
    // any other value (forged, or unbound by "exit") makes an ordinary
    // browser, and the cookie is dropped.
    let mut stale_kiosk = false;
    if let Some(value) = cookie_value(&cookies, KIOSK_COOKIE) {
        let bound = if is_token(value) {
            let device = hash_token(value);
            match state.backend.kiosk_of(&device).await {
                Ok(store) => store.map(|s| (s, device)),
                Err(e) => return AppError::from(e).into_response(),
            }
        } else {
            None
        };
        match bound {
            // A kiosk serves its own store, whoever is signed in.
            Some((store, device)) => {
                identity.store = Some(store.clone());
                identity.kiosk = Some(store);
                identity.kiosk_device = Some(device);
            }
            None => stale_kiosk = true,
        }
    }
    // Cookies of a kiosk visit that was reset are refused, not quietly
    // replaced: whoever replays them gets nothing of that shopper. The same
    // query finds the session's customer and their profile.
    let token_hash = |name| {
        cookie_value(&cookies, name)
            .filter(|t| is_token(t))
            .map(hash_token)
    };
    let session = token_hash(SESSION_COOKIE);
    let cart = token_hash(CART_COOKIE);
    let presented: Vec<&str> = [&session, &cart]
        .into_iter()
        .flatten()
        .map(String::as_str)
        .collect();
    // A catalog page shows the cart in its header and changes nothing: its
    // cart is read with the session, in the same round trip.
    let for_page = (req.method() == Method::GET
        && crate::page_cache::is_catalog_page(req.uri().path()))
    .then(|| (cart.as_deref().unwrap_or(""), identity.locale));
    let who = match state
        .backend
        .who(&presented, session.as_deref(), for_page)
        .await
    {
        Ok(who) => who,
        Err(e) => return AppError::from(e).into_response(),
    };
    if who.ended {
        let mut res = AppError::from(Problem::VisitEnded).into_response();
        for name in [SESSION_COOKIE, CART_COOKIE] {
            if let Ok(v) = HeaderValue::from_str(&cookie(name, "", 0, secure)) {
                res.headers_mut().append(header::SET_COOKIE, v);
            }
        }
        return res;
    }
    let stale_session = session.is_some() && who.profile.is_none();
    identity.cart = who.cart;
    if let Some(profile) = who.profile {
        identity.customer = Some(profile.id);
        identity.session = session;
        identity.profile = Some(profile);
    }
    // Reading never needs the cookie (no cookie, an empty cart); a request
    // that may write gets one, as its cart may start here.
    let may_write = !matches!(*req.method(), Method::GET | Method::HEAD | Method::OPTIONS);
    let new_cart_token = match cart {
        Some(hash) => {
            identity.guest_cart = hash;
            None
        }
        None => {
            let token = new_token();
            identity.guest_cart = hash_token(&token);
            identity.fresh_cart = true;
            may_write.then_some(token)
        }
    };
    req.extensions_mut().insert(identity);

    let mut res = next.run(req).await;
    let headers = res.headers_mut();
    // A cookie set by the handler (sign-in, sign-out) wins over ours.
    let handler_set = |name: &str| {
        headers
            .get_all(header::SET_COOKIE)
            .iter()
            .any(|v| v.as_bytes().starts_with(format!("{name}=").as_bytes()))
    };
    let mut add = Vec::new();
    if let Some(token) = new_cart_token.filter(|_| !handler_set(CART_COOKIE)) {
        add.push(cookie(CART_COOKIE, &token, CART_COOKIE_MAX_AGE, secure));
    }
    if stale_session && !handler_set(SESSION_COOKIE) {
        add.push(cookie(SESSION_COOKIE, "", 0, secure));
    }
    if stale_kiosk && !handler_set(KIOSK_COOKIE) {
        add.push(cookie(KIOSK_COOKIE, "", 0, secure));
    }
    if !add.is_empty()
        && headers
            .get(header::CACHE_CONTROL)
            .is_some_and(|v| v == SHARED_PAGE_CACHE)
    {
        // An answer that sets a cookie is that browser's alone.
        headers.insert(
            header::CACHE_CONTROL,
            HeaderValue::from_static("private, no-cache"),
        );
        headers.remove(CDN_CACHE_CONTROL);
    }
    for c in add {
        if let Ok(v) = HeaderValue::from_str(&c) {
            headers.append(header::SET_COOKIE, v);
        }
    }
    res
}

/// How long a shared cache (a CDN, a reverse proxy) may serve an anonymous
/// visitor's page without asking: stock and prices shown are at most this
/// old for visitors without a cart. Browsers keep nothing (`max-age=0`).
pub const SHARED_PAGE_CACHE: &str = "public, max-age=0, s-maxage=30";

/// RFC 9213's header, which CDNs read and browsers ignore (http has no
/// constant for it).
const CDN_CACHE_CONTROL: HeaderName = HeaderName::from_static("cdn-cache-control");

/// The same for CDNs (RFC 9213 `CDN-Cache-Control`, which browsers ignore),
/// with a minute more in which a stale copy is served while it is fetched
/// anew. Not in `Cache-Control`: browsers apply `stale-while-revalidate` to
/// pages too, and would show a stale page offline as if it were fresh (the
/// service worker's "saved copy" banner never came).
pub const CDN_PAGE_CACHE: &str = "public, max-age=30, stale-while-revalidate=60";

/// Marks answers that are about one shopper so that no cache keeps them, and
/// lets shared caches keep the pages of visitors who are nobody in
/// particular. Runs inside [`identify`].
pub async fn private_answers(req: Request, next: Next) -> Response {
    let path = req.uri().path().to_string();
    let who = req.extensions().get::<Identity>();
    // Nothing a kiosk shows may be kept by its browser for the next shopper.
    let kiosk = who.is_some_and(|w| w.kiosk.is_some());
    // Nor anything shown to a signed-in customer (their name is in the header).
    let customer = who.is_some_and(|w| w.customer.is_some());
    let anonymous = who.is_some_and(Identity::is_anonymous);
    let mut res = next.run(req).await;
    let ok = res.status().is_success();
    let headers = res.headers_mut();
    let html = headers
        .get(header::CONTENT_TYPE)
        .is_some_and(|v| v.as_bytes().starts_with(b"text/html"));
    if kiosk || customer || PRIVATE_PREFIXES.iter().any(|p| path.starts_with(p)) {
        headers.insert(
            header::CACHE_CONTROL,
            HeaderValue::from_static("private, no-store"),
        );
    } else if html && anonymous && ok && !headers.contains_key(header::SET_COOKIE) {
        headers.insert(
            header::CACHE_CONTROL,
            HeaderValue::from_static(SHARED_PAGE_CACHE),
        );
        headers.insert(CDN_CACHE_CONTROL, HeaderValue::from_static(CDN_PAGE_CACHE));
        // The language comes from Accept-Language or the lang cookie; any
        // cookie (a cart, a store) makes the page someone's.
        headers.append(
            header::VARY,
            HeaderValue::from_static("Accept-Language, Cookie"),
        );
    } else if html {
        // Pages show the shopper's cart count: revalidate, never share.
        headers.insert(
            header::CACHE_CONTROL,
            HeaderValue::from_static("private, no-cache"),
        );
    }
    res
}

/// Pages that are only a customer's: a visitor without a session is sent
/// to the sign-in form, which brings them back (a bookmark keeps working).
const SIGN_IN_FIRST: &[&str] = &["/account", "/staff/"];

/// Sends a visitor who is not signed in from a customer's page to
/// `/login?next=<that page>`. Runs after [`identify`]; only page loads
/// (GET), never the API.
pub async fn sign_in_first(req: Request, next: Next) -> Response {
    let path = req.uri().path();
    let wants_sign_in = req.method() == Method::GET
        && SIGN_IN_FIRST
            .iter()
            .any(|p| path == p.trim_end_matches('/') || path.starts_with(p))
        && req
            .extensions()
            .get::<Identity>()
            .is_some_and(|who| who.customer.is_none());
    if !wants_sign_in {
        return next.run(req).await;
    }
    let here = req.uri().path_and_query().map_or(path, |p| p.as_str());
    let to = format!("/login?next={}", encode_query_value(here));
    let mut res = Redirect::to(&to).into_response();
    res.headers_mut().insert(
        header::CACHE_CONTROL,
        HeaderValue::from_static("private, no-store"),
    );
    res
}

/// Refuses state-changing requests that another site made a browser send
/// (CSRF). Browsers mark them with `Sec-Fetch-Site` (all current ones) and
/// `Origin` (on every POST); either one naming another site is enough to
/// refuse. Safe methods never change anything here, so they pass.
pub fn same_origin_write(
    method: &Method,
    headers: &HeaderMap,
    public_url: &str,
) -> Result<(), AppError> {
    if matches!(*method, Method::GET | Method::HEAD | Method::OPTIONS) {
        return Ok(());
    }
    let refuse = || AppError::from(Problem::CrossSite);
    if let Some(site) = headers.get("sec-fetch-site") {
        if !matches!(site.as_bytes(), b"same-origin" | b"none") {
            return Err(refuse());
        }
    }
    if let Some(origin) = headers.get(header::ORIGIN) {
        let origin = origin.to_str().map_err(|_| refuse())?;
        let host = headers.get(header::HOST).and_then(|h| h.to_str().ok());
        let matches_host = host.is_some_and(|h| {
            origin
                .strip_prefix("http://")
                .or_else(|| origin.strip_prefix("https://"))
                == Some(h)
        });
        if !(matches_host || origin == public_url) {
            return Err(refuse());
        }
    }
    Ok(())
}

/// The address a request came from, what per-client limits count by: the
/// peer's, unless the peer is one of the `trusted` proxies; then the last
/// address in `X-Forwarded-For` that is not a trusted proxy's (each proxy
/// appends the address it was reached from, so the ones left of the first
/// untrusted entry could have been written by the client itself). An entry
/// that is not an address ends the walk at the proxy that passed it on.
pub fn client_address(
    peer: Option<IpAddr>,
    headers: &axum::http::HeaderMap,
    trusted: &[ipnet::IpNet],
) -> Option<IpAddr> {
    let is_trusted = |ip: &IpAddr| trusted.iter().any(|net| net.contains(ip));
    let mut client = peer?;
    if !is_trusted(&client) {
        return Some(client);
    }
    let forwarded: Vec<&str> = headers
        .get_all("x-forwarded-for")
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(','))
        .collect();
    for entry in forwarded.iter().rev() {
        match entry.trim().parse::<IpAddr>() {
            Ok(ip) => {
                client = ip;
                if !is_trusted(&ip) {
                    break;
                }
            }
            Err(_) => break,
        }
    }
    Some(client)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn headers(pairs: &[(&'static str, &'static str)]) -> HeaderMap {
        let mut h = HeaderMap::new();
        for (k, v) in pairs {
            h.insert(*k, HeaderValue::from_static(v));
        }
        h
    }

    #[test]
    fn cross_site_writes_are_refused() {
        let url = "https://shop.example";
        let post = Method::POST;
        let ok =
            |h: &[(&'static str, &'static str)]| same_origin_write(&post, &headers(h), url).is_ok();
        assert!(ok(&[("origin", "https://shop.example")]));
        assert!(ok(&[
            ("host", "127.0.0.1:3000"),
            ("origin", "http://127.0.0.1:3000")
        ]));
        assert!(ok(&[("sec-fetch-site", "same-origin")]));
        // No browser markers at all: a non-browser client (curl, a server)
        // cannot carry a victim's cookies.
        assert!(ok(&[]));
        assert!(!ok(&[("origin", "https://evil.example")]));
        assert!(!ok(&[
            ("host", "127.0.0.1:3000"),
            ("origin", "http://127.0.0.1:3000.evil.example")
        ]));
        assert!(!ok(&[("sec-fetch-site", "cross-site")]));
        assert!(!ok(&[
            ("sec-fetch-site", "same-site"),
            ("origin", "https://shop.example")
        ]));
        assert!(!ok(&[("origin", "null")]));
        // Reads are never refused.
        assert!(same_origin_write(
            &Method::GET,
            &headers(&[("origin", "https://evil.example")]),
            url
        )
        .is_ok());
    }

    fn client(peer: &str, forwarded: &[&str], trusted: &[&str]) -> String {
        let mut headers = HeaderMap::new();
        for f in forwarded {
            headers.append("x-forwarded-for", f.parse().unwrap());
        }
        let trusted: Vec<ipnet::IpNet> = trusted.iter().map(|t| t.parse().unwrap()).collect();
        client_address(Some(peer.parse::<IpAddr>().unwrap()), &headers, &trusted)
            .unwrap()
            .to_string()
    }

    #[test]
    fn the_peer_is_the_client_unless_it_is_a_trusted_proxy() {
        assert_eq!(
            client("198.51.100.7", &["203.0.113.5"], &[]),
            "198.51.100.7"
        );
        assert_eq!(
            client("198.51.100.7", &["203.0.113.5"], &["10.0.0.0/8"]),
            "198.51.100.7"
        );
        assert_eq!(
            client("10.0.0.2", &["203.0.113.5"], &["10.0.0.0/8"]),
            "203.0.113.5"
        );
        // No header: the proxy itself.
        assert_eq!(client("10.0.0.2", &[], &["10.0.0.0/8"]), "10.0.0.2");
    }

    #[test]
    fn what_the_client_wrote_itself_is_not_believed() {
        // The client claimed 1.2.3.4; the proxy appended the real address.
        assert_eq!(
            client("10.0.0.2", &["1.2.3.4, 203.0.113.5"], &["10.0.0.0/8"]),
            "203.0.113.5"
        );
        // Two proxies, each header line counted, trusted hops skipped.
        assert_eq!(
            client(
                "10.0.0.2",
                &["1.2.3.4", "203.0.113.5, 10.0.0.9"],
                &["10.0.0.0/8"]
            ),
            "203.0.113.5"
        );
        // Garbage stops the walk at the last trusted hop.
        assert_eq!(
            client("10.0.0.2", &["203.0.113.5, not-an-ip"], &["10.0.0.0/8"]),
            "10.0.0.2"
        );
        assert_eq!(client("::1", &["2001:db8::1"], &["::1/128"]), "2001:db8::1");
    }
}
