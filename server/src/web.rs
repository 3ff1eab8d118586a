//! The Axum host: Leptos pages and server functions, static assets with
//! long-lived caching, and the plain HTTP endpoints (health, sitemap, robots,
//! language switch, generated images). Each group has its own `router()`.

use crate::error::AppError;
use crate::images;
pub use crate::state::AppState;
use axum::extract::{Path, Query, State};
use axum::http::{header, HeaderValue, Method, StatusCode};
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::get;
use axum::Router;
use http_body_util::BodyExt;
use leptos::prelude::*;
use leptos_axum::{generate_route_list, LeptosRoutes};
use omnistore_app::seo::SiteOrigin;
use omnistore_app::{shell, App};
use omnistore_components::i18n::{Locale, LANG_COOKIE};
use omnistore_components::model::{is_local_path, Problem};
use serde::Deserialize;
use tower_http::compression::CompressionLayer;
use tower_http::services::ServeDir;
use tower_http::set_header::SetResponseHeaderLayer;

/// The whole site.
pub fn router(state: AppState) -> Router {
    let routes = route_list();
    let context = {
        let (backend, origin) = (state.backend.clone(), state.public_url.clone());
        let files = state.pwa.build_files.clone();
        move || {
            provide_context(backend.clone());
            provide_context(SiteOrigin(origin.clone()));
            provide_context(files.clone());
        }
    };
    let render = {
        let options = state.leptos.clone();
        move || shell(LeptosOptions::clone(&options))
    };
    // Unknown paths render the app too, whose router shows the 404 page.
    let not_found = leptos_axum::render_app_to_stream_with_context(context.clone(), render.clone());
    let pages = Router::new()
        .leptos_routes_with_context(&state, routes, context, render)
        .fallback(not_found)
        .layer(axum::middleware::from_fn(bad_arguments_are_400))
        // Catalog pages from memory (an anonymous visitor's already
        // compressed, which the compression layer passes untouched).
        .layer(axum::middleware::from_fn_with_state(
            state.clone(),
            crate::page_cache::serve,
        ))
        // HTML and server-function answers are compressed on the fly; the
        // static assets below are precompressed at build time instead.
        .layer(CompressionLayer::new().br(true).gzip(true));
    // Everything that depends on who is asking (pages show the cart count)
    // goes through the identity layer; static files and health checks do not.
    let personal = Router::new()
        .merge(live::router())
        .merge(kiosk::router())
        .merge(pages)
        .layer(axum::middleware::from_fn(crate::identity::sign_in_first))
        .layer(axum::middleware::from_fn(crate::identity::private_answers))
        .layer(axum::middleware::from_fn_with_state(
            state.clone(),
            crate::identity::identify,
        ))
        .layer(axum::middleware::from_fn_with_state(
            state.clone(),
            crate::identity::refuse_cross_site,
        ));
    Router::new()
        .merge(meta::router())
        .merge(api_v1::router())
        .merge(assets::router(&state.leptos))
        .merge(crate::pwa::router())
        .merge(personal)
        .layer(axum::middleware::from_fn(limit_body))
        .layer(tower_http::trace::TraceLayer::new_for_http())
        .with_state(state)
}

/// The app's routes, worked out once per process. Working them out runs the
/// app with resource loading switched off for the whole process (a global
/// flag in leptos_server, leptos#4773): a page whose data started loading in
/// that window would wait forever. Once, before anything is served, nothing
/// can be caught in it, however many servers the process builds (the tests
/// build dozens side by side).
fn route_list() -> Vec<leptos_axum::AxumRouteListing> {
    static ROUTES: std::sync::OnceLock<Vec<leptos_axum::AxumRouteListing>> =
        std::sync::OnceLock::new();
    ROUTES.get_or_init(|| generate_route_list(App)).clone()
}

/// The largest request body taken: every form and server-function call of
/// the shop is a few kilobytes.
pub const MAX_BODY_BYTES: usize = 256 * 1024;

/// Bodies over [`MAX_BODY_BYTES`] are answered 413 before any handler runs.
/// A declared length is checked as it is (hyper holds the body to it);
/// only a streamed body of unknown length is read here, up to the limit.
/// Requests without a body (every page, asset and stream) pass untouched.
async fn limit_body(req: axum::extract::Request, next: axum::middleware::Next) -> Response {
    let too_large = || AppError::TooLarge {
        limit: MAX_BODY_BYTES,
    };
    if matches!(*req.method(), Method::GET | Method::HEAD | Method::OPTIONS) {
        return next.run(req).await;
    }
    let declared = req
        .headers()
        .get(header::CONTENT_LENGTH)
        .map(|v| v.to_str().ok().and_then(|v| v.parse::<u64>().ok()));
    match declared {
        Some(Some(n)) if n <= MAX_BODY_BYTES as u64 => return next.run(req).await,
        Some(Some(_)) => return too_large().into_response(),
        Some(None) => return AppError::from(Problem::BadContentLength).into_response(),
        None => {}
    }
    let (parts, body) = req.into_parts();
    match http_body_util::Limited::new(body, MAX_BODY_BYTES)
        .collect()
        .await
    {
        Ok(read) => {
            let body = axum::body::Body::from(read.to_bytes());
            next.run(axum::extract::Request::from_parts(parts, body))
                .await
        }
        Err(e) if e.is::<http_body_util::LengthLimitError>() => too_large().into_response(),
        Err(_) => AppError::from(Problem::IncompleteBody).into_response(),
    }
}

/// server_fn answers a call it cannot decode (a missing or malformed
/// argument) with a 500; that is the caller's mistake, so it becomes a 400
/// with the same (typed) error.
async fn bad_arguments_are_400(
    req: axum::extract::Request,
    next: axum::middleware::Next,
) -> Response {
    let api = req.uri().path().starts_with("/api/");
    let res = next.run(req).await;
    if !api || res.status() != StatusCode::INTERNAL_SERVER_ERROR {
        return res;
    }
    let (mut parts, body) = res.into_parts();
    let bytes = axum::body::to_bytes(body, 64 * 1024)
        .await
        .unwrap_or_default();
    let bad_call = serde_json::from_slice::<omnistore_app::api::ShopError>(&bytes)
        .is_ok_and(|e| e.is_bad_call());
    if bad_call {
        parts.status = StatusCode::BAD_REQUEST;
    }
    Response::from_parts(parts, axum::body::Body::from(bytes))
}

/// The public JSON API: `/api/v1/stores`, for other channels and partners.
mod api_v1 {
    use super::*;
    use omnistore_components::model::{parse_limit, parse_near};
    use std::collections::HashMap;

    pub fn router() -> Router<AppState> {
        Router::new()
            .route("/api/v1/stores", get(stores))
            .route("/api/v1/unsubscribe", axum::routing::post(unsubscribe))
    }

    #[derive(Deserialize)]
    pub struct Token {
        token: Option<String>,
    }

    /// One click, no sign-in: a mail client's own button (RFC 8058 POSTs
    /// `List-Unsubscribe=One-Click` here) or the unsubscribe page's form.
    /// The token is the credential, so it is outside the cross-site check
    /// (a mail client's POST comes from no page of ours). A browser's form
    /// goes back to the page, which says what happened.
    async fn unsubscribe(
        State(state): State<AppState>,
        Query(q): Query<Token>,
        headers: axum::http::HeaderMap,
    ) -> Result<Response, AppError> {
        let token = q.token.unwrap_or_default();
        let done = state.backend.unsubscribe(&token).await?;
        let browser = headers
            .get(header::ACCEPT)
            .and_then(|a| a.to_str().ok())
            .is_some_and(|a| a.contains("text/html"));
        Ok(match (browser, done) {
            (true, _) => {
                let to = format!("/unsubscribe?done={}", u8::from(done));
                (StatusCode::SEE_OTHER, [(header::LOCATION, to)]).into_response()
            }
            (false, true) => (StatusCode::OK, "unsubscribed\n").into_response(),
            (false, false) => AppError::from(Problem::NoSuchSession).into_response(),
        })
    }

    /// `?near=lat,lng` (nearest first), `?q=` (city, postcode, street or
    /// name), `&limit=` (1-50, default 10). Bad input is a 400 with a JSON
    /// `{"error": …}` saying what to fix.
    async fn stores(
        State(state): State<AppState>,
        Query(params): Query<HashMap<String, String>>,
    ) -> Response {
        // The reason as data for programs, and in words for people.
        let bad = |problem: Problem| {
            (
                StatusCode::BAD_REQUEST,
                axum::Json(serde_json::json!({
                    "error": problem.to_string(),
                    "problem": problem,
                })),
            )
                .into_response()
        };
        if let Some(k) = params
            .keys()
            .find(|k| !["near", "q", "limit"].contains(&k.as_str()))
        {
            return bad(Problem::UnknownParameter {
                name: k.chars().take(40).collect(),
            });
        }
        let near = match params.get("near").map(|n| parse_near(n)) {
            Some(Ok(p)) => Some(p),
            Some(Err(e)) => return bad(e),
            None => None,
        };
        let q = params.get("q").map(|q| q.trim()).filter(|q| !q.is_empty());
        if q.is_some_and(|q| q.chars().count() > 100) {
            return bad(Problem::QueryTooLong { max: 100 });
        }
        if near.is_none() && q.is_none() {
            return bad(Problem::NearOrQuery);
        }
        let limit = match parse_limit(params.get("limit").map(String::as_str)) {
            Ok(l) => l,
            Err(e) => return bad(e),
        };
        let locale = Locale::En;
        match state.backend.stores(q, near, limit, locale).await {
            Ok(stores) => (
                // Open-now changes by the minute.
                [(header::CACHE_CONTROL, "public, max-age=60")],
                axum::Json(serde_json::json!({ "stores": stores })),
            )
                .into_response(),
            Err(e) => AppError::from(e).into_response(),
        }
    }
}

mod meta {
    use super::*;

    pub fn router() -> Router<AppState> {
        Router::new()
            .route("/healthz", get(healthz))
            .route("/robots.txt", get(robots))
            .route("/sitemap.xml", get(sitemap))
            .route("/lang/{tag}", get(set_language))
            .route("/img/{name}/{file}", get(image))
            .route("/media/{*path}", get(photo))
    }

    /// Healthy means every service the back end depends on answers, not
    /// merely that the process is up; the answer names each one, so that
    /// an operator sees which failed.
    async fn healthz(State(state): State<AppState>) -> Response {
        let checks = state.backend.health().await;
        let healthy = checks.iter().all(|(_, r)| r.is_ok());
        let mut body = String::from(if healthy { "ok\n" } else { "unavailable\n" });
        for (name, result) in &checks {
            match result {
                Ok(()) => body.push_str(&format!("{name}: ok\n")),
                Err(e) => {
                    tracing::warn!(dependency = name, error = %e, "health check failed");
                    body.push_str(&format!("{name}: unavailable\n"));
                }
            }
        }
        let status = if healthy {
            StatusCode::OK
        } else {
            StatusCode::SERVICE_UNAVAILABLE
        };
        (
            status,
            [(header::CONTENT_TYPE, "text/plain; charset=utf-8")],
            body,
        )
            .into_response()
    }

    async fn robots(State(state): State<AppState>) -> impl IntoResponse {
        (
            [(header::CONTENT_TYPE, "text/plain; charset=utf-8")],
            format!(
                "User-agent: *\nDisallow: /search\nDisallow: /lang/\nDisallow: \
                /api/\n\nSitemap: {}/sitemap.xml\n",
                state.public_url
            ),
        )
    }

    async fn sitemap(State(state): State<AppState>) -> Result<Response, AppError> {
        let paths = state.backend.sitemap_paths().await?;
        let mut xml = String::from(
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset \
            xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n",
        );
        for p in paths {
            // Paths are slugs (ASCII letters, digits, '-', '/'): nothing to escape.
            xml.push_str(&format!(
                "  <url><loc>{}{}</loc></url>\n",
                state.public_url, p
            ));
        }
        xml.push_str("</urlset>\n");
        Ok((
            [(header::CONTENT_TYPE, "application/xml; charset=utf-8")],
            xml,
        )
            .into_response())
    }

    #[derive(Deserialize)]
    pub struct Back {
        back: Option<String>,
    }

    /// Only a path on this site: never an open redirect to another host.
    pub fn safe_back(back: Option<&str>) -> &str {
        back.filter(|b| is_local_path(b)).unwrap_or("/")
    }

    async fn set_language(
        Path(tag): Path<String>,
        Query(q): Query<Back>,
    ) -> Result<Response, AppError> {
        let locale = Locale::from_tag(&tag)
            .filter(|l| l.tag() == tag)
            .ok_or(Problem::UnknownLanguage)?;
        // Not HttpOnly: nothing secret, and kept for a year.
        let cookie = cookie::Cookie::build((LANG_COOKIE, locale.tag()))
            .path("/")
            .max_age(cookie::time::Duration::days(365))
            .same_site(cookie::SameSite::Lax)
            .build()
            .to_string();
        let mut res = Redirect::to(safe_back(q.back.as_deref())).into_response();
        *res.status_mut() = StatusCode::SEE_OTHER;
        res.headers_mut().insert(
            header::SET_COOKIE,
            HeaderValue::from_str(&cookie).map_err(|e| AppError::Unavailable(e.to_string()))?,
        );
        res.headers_mut()
            .insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
        Ok(res)
    }

    async fn image(Path((name, file)): Path<(String, String)>) -> Result<Response, AppError> {
        let (icon, n, hex) = images::parse(&name, &file).ok_or(AppError::NotFound)?;
        Ok((
            [
                (header::CONTENT_TYPE, "image/svg+xml"),
                (header::CACHE_CONTROL, "public, max-age=31536000, immutable"),
            ],
            images::render(icon, n, &hex),
        )
            .into_response())
    }

    /// A product photograph of the platform's, fetched from it each time:
    /// the browser keeps it for a day, and a new photograph of a product
    /// gets a new path.
    async fn photo(
        State(state): State<AppState>,
        Path(path): Path<String>,
    ) -> Result<Response, AppError> {
        let photos = state.photos.as_ref().ok_or(AppError::NotFound)?;
        let photo = photos.fetch(&path).await?.ok_or(AppError::NotFound)?;
        Ok((
            [
                (header::CONTENT_TYPE, photo.content_type),
                (header::CACHE_CONTROL, "public, max-age=86400".to_string()),
            ],
            photo.bytes,
        )
            .into_response())
    }
}

/// Live updates: a server-sent event stream per open page. Not compressed
/// (a compressor would hold events back until its buffer fills).
mod live {
    use super::*;
    use axum::response::sse::{Event, KeepAlive, Sse};
    use axum::Extension;
    use futures::{Stream, StreamExt};
    use omnistore_components::backend::Identity;
    use std::convert::Infallible;

    pub fn router() -> Router<AppState> {
        Router::new().route("/api/v1/cart/events", get(cart_events))
    }

    /// Sends `event: cart` with the new version each time the requester's cart
    /// changes (on any device); the page then fetches the cart.
    async fn cart_events(
        State(state): State<AppState>,
        Extension(identity): Extension<Identity>,
    ) -> Sse<impl Stream<Item = Result<Event, Infallible>>> {
        let owner = identity.cart_owner();
        let stream = state
            .backend
            .cart_changes()
            .filter(move |c| std::future::ready(c.owner == owner))
            .map(|c| Ok(Event::default().event("cart").data(c.version.to_string())));
        Sse::new(stream).keep_alive(KeepAlive::default())
    }
}

/// The kiosk's scan field: a plain GET form, so a keyboard-wedge scanner
/// (digits, then Enter) lands on the product with or without the wasm.
mod kiosk {
    use super::*;
    use omnistore_components::model::{encode_query_value, is_slug, parse_scan, ScanError};

    pub fn router() -> Router<AppState> {
        Router::new().route("/kiosk/{store}/scan", get(scan))
    }

    #[derive(Deserialize)]
    pub struct Scan {
        code: Option<String>,
    }

    /// 303 to the product (with the scanned variant chosen), or back to the
    /// kiosk with a message the page shows next to the field.
    async fn scan(
        State(state): State<AppState>,
        Path(store): Path<String>,
        Query(q): Query<Scan>,
    ) -> Result<Response, AppError> {
        if !is_slug(&store) {
            return Err(AppError::NotFound);
        }
        let input = q.code.unwrap_or_default();
        let back = |problem: ScanError| {
            format!(
                "/kiosk/{store}/shop?code={}&problem={}",
                encode_query_value(input.trim().get(..40).unwrap_or(input.trim())),
                problem.code()
            )
        };
        // A loyalty card: the kiosk asks before it signs the customer in.
        if let Some(card) = omnistore_components::model::parse_loyalty_code(&input) {
            let to = format!("/kiosk/{store}/shop?loyalty={card}");
            return Ok((StatusCode::SEE_OTHER, [(header::LOCATION, to)]).into_response());
        }
        let to = match parse_scan(&input) {
            Err(problem) => back(problem),
            Ok(code) => match state.backend.find_code(&code).await? {
                Some((slug, variant)) => format!("/p/{slug}?variant={variant}"),
                None => back(ScanError::Unknown),
            },
        };
        Ok((StatusCode::SEE_OTHER, [(header::LOCATION, to)]).into_response())
    }
}

mod assets {
    use super::*;

    /// `/pkg` holds hashed file names (cargo-leptos `hash-files`): a new build
    /// means new names, so browsers may keep these forever. Brotli and gzip
    /// twins made by `--precompress` are served when the client accepts them.
    pub fn router(options: &LeptosOptions) -> Router<AppState> {
        let root = options.site_root.to_string();
        let pkg = format!("{root}/{}", options.site_pkg_dir);
        let immutable = SetResponseHeaderLayer::if_not_present(
            header::CACHE_CONTROL,
            HeaderValue::from_static("public, max-age=31536000, immutable"),
        );
        let day = SetResponseHeaderLayer::if_not_present(
            header::CACHE_CONTROL,
            HeaderValue::from_static("public, max-age=86400"),
        );
        Router::new()
            .nest_service(
                &format!("/{}", options.site_pkg_dir),
                tower::ServiceBuilder::new()
                    .layer(immutable)
                    .service(ServeDir::new(pkg).precompressed_br().precompressed_gzip()),
            )
            .route_service(
                "/favicon.svg",
                tower::ServiceBuilder::new().layer(day).service(
                    tower_http::services::ServeFile::new(format!("{root}/favicon.svg")),
                ),
            )
    }
}

#[cfg(test)]
mod tests {
    use super::meta::safe_back;

    #[test]
    fn back_links_stay_on_site() {
        assert_eq!(safe_back(Some("/c/grills?page=2")), "/c/grills?page=2");
        assert_eq!(safe_back(Some("//evil.example")), "/");
        assert_eq!(safe_back(Some("https://evil.example")), "/");
        assert_eq!(safe_back(Some("/\\evil.example")), "/");
        assert_eq!(safe_back(None), "/");
    }
}
