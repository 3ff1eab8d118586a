//! Catalog pages from memory: the home page, listings, search results and
//! product pages are kept as rendered, without the header's shopper corner,
//! and every visitor gets the kept page with their own corner put in.
//!
//! Why: rendering a page is most of its cost once the catalog is in memory
//! (the catalog cache), and what a catalog page shows depends only on the
//! address, the language and "my store"; the rest (name, cart, store badge)
//! is the shopper corner, an island of its own (`ShopperIsland`). Rendering
//! that corner alone is a small part of a page. A visitor who is nobody in
//! particular gets the whole page as kept, compressed once.
//!
//! A page is kept until the catalog cache is emptied (every stock or catalog
//! change: see [`CatalogCache::changed`]), and never longer than that cache's
//! time to live. A page rendered while a change was committed is not kept.
//! Only a complete `200` answer with no cookie set is kept; kiosks never use
//! the cache (their pages carry the kiosk's own state).
//!
//! Usage: `web::router` puts [`serve`] in front of the pages when
//! [`AppState::pages`] is set (`omnistore serve --page-cache true`, the
//! default).

use crate::catalog_cache::CatalogCache;
use crate::state::AppState;
use axum::body::{Body, Bytes};
use axum::extract::{Request, State};
use axum::http::{header, request::Parts, HeaderMap, HeaderName, HeaderValue, Method, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use futures::StreamExt;
use leptos::prelude::*;
use leptos::reactive::computed::ScopedFuture;
use omnistore_app::seo::SiteOrigin;
use omnistore_components::backend::Identity;
use omnistore_components::i18n::Locale;
use std::io::Write;
use std::sync::Arc;
use std::time::Duration;

/// Memory for kept pages (a listing is about 30 KB, a product page 15 KB).
const CAPACITY_BYTES: u64 = 64 * 1024 * 1024;

/// The island that is each visitor's own (its name carries a hash).
const CORNER: &str = "<leptos-island data-component=\"ShopperIsland_";
const ISLAND_END: &str = "</leptos-island>";
/// The wrapper of a corner that waits for the shopper (see the app's
/// `islands.js`): part of the corner, since whether it is there depends on
/// the visitor.
const LEAD_OPEN: &str = "<os-intent data-lead=\"\">";
const LEAD_CLOSE: &str = "</os-intent>";

/// Says whether a catalog page came from memory (`hit`) or was rendered
/// (`miss`), as reverse proxies' cache-status headers do.
pub const PAGE_CACHE: HeaderName = HeaderName::from_static("x-page-cache");

/// A kept page: what the cache holds for one address, language and store.
struct Page {
    /// The catalog cache's change count when the render began.
    generation: u64,
    /// The page's own headers (content type and any the page set).
    headers: HeaderMap,
    /// The page up to the shopper corner, and after it.
    before: Bytes,
    after: Bytes,
    /// The whole page as a visitor with no cart, store or session sees it,
    /// made on the first such visit: plain, brotli, gzip.
    anonymous: [tokio::sync::OnceCell<Bytes>; 3],
}

#[derive(Clone, PartialEq, Eq, Hash)]
struct Key {
    path_and_query: String,
    locale: Locale,
    store: Option<String>,
}

/// A rendered shopper corner, known by the language and the session's
/// state as the corner's props carry it (JSON).
type CornerKey = (Locale, String);

/// Memory for rendered corners (one is 1-3 KB, its key about as much).
const CORNER_CAPACITY_BYTES: u64 = 16 * 1024 * 1024;

/// See the module documentation.
pub struct PageCache {
    pages: moka::sync::Cache<Key, Arc<Page>>,
    /// Why: after the page itself, rendering the corner is most of a kept
    /// page's cost, and a shopper browsing sees the same corner on every
    /// page until their cart, name or store changes. Keyed by everything
    /// the corner shows, so a change makes another key and nothing has to
    /// be dropped (an unused corner goes when idle or for room).
    corners: moka::sync::Cache<CornerKey, Arc<str>>,
    catalog: Arc<CatalogCache>,
}

impl PageCache {
    /// Pages that follow `catalog`'s changes, kept at most `ttl`.
    pub fn new(catalog: Arc<CatalogCache>, ttl: Duration) -> Self {
        PageCache {
            pages: moka::sync::Cache::builder()
                .max_capacity(CAPACITY_BYTES)
                .weigher(|_, p: &Arc<Page>| {
                    let size = p.before.len() + p.after.len();
                    u32::try_from(size).unwrap_or(u32::MAX)
                })
                .time_to_live(ttl)
                .build(),
            corners: moka::sync::Cache::builder()
                .max_capacity(CORNER_CAPACITY_BYTES)
                .weigher(|(_, session): &CornerKey, html: &Arc<str>| {
                    u32::try_from(session.len() + html.len()).unwrap_or(u32::MAX)
                })
                .time_to_idle(Duration::from_secs(15 * 60))
                .build(),
            catalog,
        }
    }

    fn fresh(&self, key: &Key) -> Option<Arc<Page>> {
        let page = self.pages.get(key)?;
        if page.generation < self.catalog.generation() {
            self.pages.invalidate(key);
            return None;
        }
        Some(page)
    }
}

/// Catalog pages: what they show depends on the address, the language and
/// the shopper's store only (besides the shopper corner).
pub fn is_catalog_page(path: &str) -> bool {
    path == "/" || path == "/search" || path.starts_with("/c/") || path.starts_with("/p/")
}

fn key_of(parts: &Parts) -> Option<Key> {
    let who = parts.extensions.get::<Identity>()?;
    if parts.method != Method::GET || who.kiosk.is_some() || !is_catalog_page(parts.uri.path()) {
        return None;
    }
    Some(Key {
        path_and_query: parts.uri.path_and_query()?.as_str().to_string(),
        locale: who.locale,
        store: who.my_store().map(str::to_string),
    })
}

/// Answers catalog pages from the cache, and keeps what it renders. Runs
/// inside `identity::identify` and outside the compression layer, which
/// passes a page already compressed here untouched.
pub async fn serve(State(state): State<AppState>, req: Request, next: Next) -> Response {
    let Some(cache) = state.pages.clone() else {
        return next.run(req).await;
    };
    let (parts, body) = req.into_parts();
    let Some(key) = key_of(&parts) else {
        return next.run(Request::from_parts(parts, body)).await;
    };
    if let Some(page) = cache.fresh(&key) {
        let mut res = answer(&page, parts, &state, &cache, key.locale).await;
        res.headers_mut()
            .insert(PAGE_CACHE, HeaderValue::from_static("hit"));
        return res;
    }
    let generation = cache.catalog.generation();
    let res = next.run(Request::from_parts(parts, body)).await;
    if res.status() != StatusCode::OK
        || res.headers().contains_key(header::SET_COOKIE)
        || res.headers().contains_key(header::CONTENT_ENCODING)
    {
        return res;
    }
    let (res_parts, body) = res.into_parts();
    // A page is a few tens of kilobytes; one that is not complete (the
    // render failed half-way) is neither kept nor cut short.
    let html = match axum::body::to_bytes(body, 16 * 1024 * 1024).await {
        Ok(html) => html,
        Err(_) => return StatusCode::INTERNAL_SERVER_ERROR.into_response(),
    };
    if let Some((before, after)) = split_at_corner(&html) {
        let mut headers = res_parts.headers.clone();
        headers.remove(header::CONTENT_LENGTH);
        headers.remove(header::TRANSFER_ENCODING);
        cache.pages.insert(
            key,
            Arc::new(Page {
                generation,
                headers,
                before: html.slice(..before),
                after: html.slice(after..),
                anonymous: Default::default(),
            }),
        );
    }
    let mut res = Response::from_parts(res_parts, Body::from(html));
    res.headers_mut()
        .insert(PAGE_CACHE, HeaderValue::from_static("miss"));
    res
}

/// Where the shopper corner starts and where it ends, when the page has
/// exactly one (and no island inside it).
fn split_at_corner(html: &[u8]) -> Option<(usize, usize)> {
    let text = std::str::from_utf8(html).ok()?;
    let start = text.find(CORNER)?;
    if text[start + CORNER.len()..].contains(CORNER) {
        return None;
    }
    let inner = start + CORNER.len();
    let end = inner + text[inner..].find(ISLAND_END)?;
    if text[inner..end].contains("<leptos-island") {
        return None;
    }
    let end = end + ISLAND_END.len();
    if text[..start].ends_with(LEAD_OPEN) && text[end..].starts_with(LEAD_CLOSE) {
        return Some((start - LEAD_OPEN.len(), end + LEAD_CLOSE.len()));
    }
    Some((start, end))
}

/// The kept page with this visitor's shopper corner.
async fn answer(
    page: &Page,
    parts: Parts,
    state: &AppState,
    cache: &PageCache,
    locale: Locale,
) -> Response {
    let anonymous = parts
        .extensions
        .get::<Identity>()
        .is_some_and(Identity::is_anonymous);
    let mut headers = page.headers.clone();
    let body = if anonymous {
        let encoding = Encoding::preferred(&parts.headers);
        let cell = &page.anonymous[encoding as usize];
        let body = cell
            .get_or_init(|| async {
                let plain = assemble(page, &corner(parts, state, cache, locale).await);
                encoding.encode(&plain)
            })
            .await
            .clone();
        if let Some(name) = encoding.name() {
            headers.insert(header::CONTENT_ENCODING, HeaderValue::from_static(name));
            headers.append(header::VARY, HeaderValue::from_static("accept-encoding"));
        }
        body
    } else {
        assemble(page, &corner(parts, state, cache, locale).await)
    };
    let mut res = Response::new(Body::from(body));
    *res.headers_mut() = headers;
    res
}

fn assemble(page: &Page, corner: &str) -> Bytes {
    let mut whole = Vec::with_capacity(page.before.len() + corner.len() + page.after.len());
    whole.extend_from_slice(&page.before);
    whole.extend_from_slice(corner.as_bytes());
    whole.extend_from_slice(&page.after);
    Bytes::from(whole)
}

/// The shopper corner for the request: kept, or rendered with the contexts
/// a page's render has (the request and the back end).
async fn corner(parts: Parts, state: &AppState, cache: &PageCache, locale: Locale) -> Arc<str> {
    let owner = Owner::new();
    owner
        .with(|| {
            provide_context(parts);
            provide_context(state.backend.clone());
            provide_context(SiteOrigin(state.public_url.clone()));
            ScopedFuture::new(async {
                let session = omnistore_app::api::account::get_session().await.ok();
                // No session (the back end failed): rendered as a page
                // would, and not kept.
                let key = session
                    .as_ref()
                    .and_then(|s| serde_json::to_string(s).ok())
                    .map(|json| (locale, json));
                if let Some(html) = key.as_ref().and_then(|k| cache.corners.get(k)) {
                    return html;
                }
                let html: Arc<str> = omnistore_app::layout::lone_shopper_corner(session)
                    .to_html_stream_in_order()
                    .collect::<String>()
                    .await
                    .into();
                if let Some(key) = key {
                    cache.corners.insert(key, html.clone());
                }
                html
            })
        })
        .await
}

/// How a kept anonymous page goes out.
#[derive(Clone, Copy)]
enum Encoding {
    Identity = 0,
    Brotli = 1,
    Gzip = 2,
}

impl Encoding {
    /// Brotli when the client takes it, else gzip, else none (a `q=0`
    /// refuses an encoding).
    fn preferred(headers: &HeaderMap) -> Encoding {
        let accepted = |name: &str| {
            headers
                .get_all(header::ACCEPT_ENCODING)
                .iter()
                .filter_map(|v| v.to_str().ok())
                .flat_map(|v| v.split(','))
                .any(|item| {
                    let mut fields = item.split(';').map(str::trim);
                    fields.next().is_some_and(|n| n.eq_ignore_ascii_case(name))
                        && fields.all(|f| {
                            f.strip_prefix("q=")
                                .is_none_or(|q| q.parse::<f32>().is_ok_and(|q| q > 0.0))
                        })
                })
        };
        if accepted("br") {
            Encoding::Brotli
        } else if accepted("gzip") {
            Encoding::Gzip
        } else {
            Encoding::Identity
        }
    }

    fn name(self) -> Option<&'static str> {
        match self {
            Encoding::Identity => None,
            Encoding::Brotli => Some("br"),
            Encoding::Gzip => Some("gzip"),
        }
    }

    /// Compressed once per kept page, a little harder than on the fly (brotli 4).
    fn encode(self, plain: &[u8]) -> Bytes {
        match self {
            Encoding::Identity => Bytes::copy_from_slice(plain),
            Encoding::Brotli => {
                let mut out = Vec::with_capacity(plain.len() / 4);
                {
                    let mut w = brotli::CompressorWriter::new(&mut out, 4096, BROTLI_QUALITY, 22);
                    // Writing to memory cannot fail.
                    let _ = w.write_all(plain);
                }
                Bytes::from(out)
            }
            Encoding::Gzip => {
                let mut w = flate2::write::GzEncoder::new(
                    Vec::with_capacity(plain.len() / 3),
                    flate2::Compression::best(),
                );
                let _ = w.write_all(plain);
                Bytes::from(w.finish().unwrap_or_default())
            }
        }
    }
}

/// Brotli quality for kept pages. On a listing (28 KB), C brotli: quality 5
/// takes about 1.5 ms for 4,555 B, 9 about 4 ms for 4,510 B, 11 about 70 ms
/// for 4,038 B. Every stock change drops the kept pages, so a busy shop pays
/// this often: 5 (docs/figures.md, issue 14).
const BROTLI_QUALITY: u32 = 5;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_corner_is_found_once_and_whole() {
        let page = format!("<p>a</p>{CORNER}1\" data-props=\"{{}}\"><b>x</b>{ISLAND_END}<p>b</p>");
        let (s, e) = split_at_corner(page.as_bytes()).unwrap();
        assert_eq!(&page[..s], "<p>a</p>");
        assert_eq!(&page[e..], "<p>b</p>");
        // Two corners, a corner with an island inside, no corner: not kept.
        let twice = format!("{page}{page}");
        assert!(split_at_corner(twice.as_bytes()).is_none());
        let nested =
            format!("{CORNER}1\"><leptos-island data-component=\"X\">{ISLAND_END}{ISLAND_END}");
        assert!(split_at_corner(nested.as_bytes()).is_none());
        assert!(split_at_corner(b"<p>no island</p>").is_none());
        // A corner that waits for the shopper: its wrapper is the visitor's
        // too (another visitor's corner may have none).
        let waiting = format!(
            "<p>a</p>{LEAD_OPEN}{CORNER}1\" data-props=\"{{}}\"><b>x</b>{ISLAND_END}{LEAD_CLOSE}<p>b</p>"
        );
        let (s, e) = split_at_corner(waiting.as_bytes()).unwrap();
        assert_eq!(&waiting[..s], "<p>a</p>");
        assert_eq!(&waiting[e..], "<p>b</p>");
    }

    #[test]
    fn the_encoding_is_the_clients_choice() {
        let with = |v: &'static str| {
            let mut h = HeaderMap::new();
            h.insert(header::ACCEPT_ENCODING, HeaderValue::from_static(v));
            Encoding::preferred(&h) as usize
        };
        assert_eq!(with("gzip, deflate, br, zstd"), Encoding::Brotli as usize);
        assert_eq!(with("gzip"), Encoding::Gzip as usize);
        assert_eq!(with("br;q=0, gzip;q=0.5"), Encoding::Gzip as usize);
        assert_eq!(with("identity"), Encoding::Identity as usize);
        assert_eq!(Encoding::preferred(&HeaderMap::new()) as usize, 0);
    }
}
