//! The installable shop (PWA): the web app manifest, icons drawn here, the
//! service worker with this build's version and asset list filled in, the
//! script that installs it, and the page shown offline for a page never
//! visited. None of these are about a shopper, so they sit outside the
//! identity layer and every browser may keep them.

mod icon;

use axum::extract::FromRef;
use axum::extract::State;
use axum::http::{header, HeaderMap, HeaderValue};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::Router;
use leptos::config::LeptosOptions;
use omnistore_components::i18n::{negotiate, Locale, Msg};
use std::sync::Arc;

/// Everything this module serves, made once at start-up.
pub struct Pwa {
    /// Names this build: a new one makes browsers install a new worker.
    pub version: String,
    service_worker: String,
    manifest: String,
    icons: Vec<(&'static str, Vec<u8>)>,
    offline: [(Locale, String); 3],
    /// `/card`: where the installed app shows the loyalty card it keeps.
    card: [(Locale, String); 3],
    /// The script and wasm every page loads (the shell's island loader).
    pub build_files: omnistore_app::hydration::BuildFiles,
}

const PWA_JS: &str = include_str!("pwa.js");
/// Client-side navigation in islands mode (the shell links it only then).
/// Client-side navigation: the app's browser code, served as a script.
const NAV_JS: &str = omnistore_app::NAV_SCRIPT;

impl Pwa {
    /// `release` (`--release-tag`) names the build when given; otherwise the
    /// hashes of the built assets do, so each new wasm/CSS is a new version.
    pub fn new(options: &LeptosOptions, release: Option<&str>) -> Self {
        let assets = Assets::of(options);
        let version = match release {
            Some(tag) => tag.to_string(),
            None => assets.fingerprint(),
        };
        let mut precache = vec![
            "/offline".to_string(),
            "/card".into(),
            "/pwa.js".into(),
            "/nav.js".into(),
            "/manifest.webmanifest".into(),
            "/favicon.svg".into(),
            "/icons/icon-192.png".into(),
        ];
        precache.extend(assets.files.iter().cloned());
        let mut private: Vec<&str> = crate::identity::PRIVATE_PREFIXES.to_vec();
        private.extend(["/lang/", "/offline"]);
        let service_worker = include_str!("sw.js")
            .replace("__VERSION__", &js_literal(&version))
            .replace("__PRECACHE__", &js_literal(&precache))
            .replace("__PRIVATE__", &js_literal(&private));
        let icons = vec![
            ("icon-192.png", icon::png(192, false)),
            ("icon-512.png", icon::png(512, false)),
            ("maskable-512.png", icon::png(512, true)),
        ];
        Pwa {
            version,
            service_worker,
            manifest: manifest(),
            icons,
            offline: Locale::ALL.map(|l| (l, offline_page(l, &assets.css))),
            card: Locale::ALL.map(|l| (l, card_page(l, &assets.css))),
            build_files: assets.entry,
        }
    }
}

/// A value written into the worker's source as a JavaScript literal (JSON is
/// one), so a release tag or a path cannot break out of its string.
fn js_literal<T: serde::Serialize + ?Sized>(value: &T) -> String {
    serde_json::to_string(value).expect("strings and lists of strings serialise")
}

/// The app's routes, for any state that holds the [`Pwa`] (the host's
/// `AppState` does): this module needs nothing else of it.
pub fn router<S>() -> Router<S>
where
    S: Clone + Send + Sync + 'static,
    Arc<Pwa>: FromRef<S>,
{
    Router::new()
        .route("/sw.js", get(service_worker))
        .route("/pwa.js", get(|| script(PWA_JS)))
        .route("/nav.js", get(|| script(NAV_JS)))
        .route("/manifest.webmanifest", get(manifest_file))
        .route("/icons/{name}", get(icon_file))
        .route("/offline", get(offline))
        .route("/card", get(card))
}

/// Browsers check the worker on every visit: `no-cache` makes them ask us,
/// so a deployment is noticed at once.
async fn service_worker(State(pwa): State<Arc<Pwa>>) -> Response {
    (
        [
            (header::CONTENT_TYPE, "text/javascript; charset=utf-8"),
            (header::CACHE_CONTROL, "no-cache"),
        ],
        pwa.service_worker.clone(),
    )
        .into_response()
}

async fn script(source: &'static str) -> Response {
    (
        [
            (header::CONTENT_TYPE, "text/javascript; charset=utf-8"),
            (header::CACHE_CONTROL, "no-cache"),
        ],
        source,
    )
        .into_response()
}

async fn manifest_file(State(pwa): State<Arc<Pwa>>) -> Response {
    (
        [
            (header::CONTENT_TYPE, "application/manifest+json"),
            (header::CACHE_CONTROL, "public, max-age=86400"),
        ],
        pwa.manifest.clone(),
    )
        .into_response()
}

async fn icon_file(
    State(pwa): State<Arc<Pwa>>,
    axum::extract::Path(name): axum::extract::Path<String>,
) -> Response {
    match pwa.icons.iter().find(|(n, _)| *n == name) {
        Some((_, png)) => (
            [
                (header::CONTENT_TYPE, "image/png"),
                (header::CACHE_CONTROL, "public, max-age=86400"),
            ],
            png.clone(),
        )
            .into_response(),
        None => crate::error::AppError::NotFound.into_response(),
    }
}

/// In the shopper's language (cookie, else `Accept-Language`); the worker
/// stores the one it was installed with.
async fn offline(State(pwa): State<Arc<Pwa>>, headers: HeaderMap) -> Response {
    shell_page(&pwa.offline, &headers)
}

/// The same for everyone: pwa.js fills in the card this device keeps.
async fn card(State(pwa): State<Arc<Pwa>>, headers: HeaderMap) -> Response {
    shell_page(&pwa.card, &headers)
}

/// One of the worker's own pages, in the shopper's language.
fn shell_page(pages: &[(Locale, String); 3], headers: &HeaderMap) -> Response {
    let text = |name: header::HeaderName| headers.get(name).and_then(|v| v.to_str().ok());
    let locale = negotiate(text(header::COOKIE), text(header::ACCEPT_LANGUAGE));
    let page = pages
        .iter()
        .find(|(l, _)| *l == locale)
        .map(|(_, html)| html.clone())
        .unwrap_or_default();
    let mut res = axum::response::Html(page).into_response();
    res.headers_mut()
        .insert(header::CACHE_CONTROL, HeaderValue::from_static("no-cache"));
    res.headers_mut().insert(
        header::VARY,
        HeaderValue::from_static("cookie, accept-language"),
    );
    res
}

/// The built files every page needs (script, wasm, styles, the lazy-route
/// loader and its manifest), by the names this build gave them.
struct Assets {
    files: Vec<String>,
    css: String,
    hashes: String,
    entry: omnistore_app::hydration::BuildFiles,
}

/// The packs of the shell's own wasm chunks (`scripts/pack-chunks.mjs`
/// names a pack after its split module; ours are `omnistore_…`): the
/// mini-cart drawer and the offline queue's decoder. They load on first
/// use, not with the page, and must work offline like the rest of the
/// shell, so the service worker keeps them at install. Other page islands'
/// packs are kept as they are fetched.
const SHELL_PACKS: [&str; 1] = ["pack_omnistore_"];

fn shell_packs(options: &LeptosOptions) -> Vec<String> {
    let pkg = &*options.site_pkg_dir;
    let mut packs: Vec<String> =
        std::fs::read_dir(std::path::Path::new(&*options.site_root).join(pkg))
            .into_iter()
            .flatten()
            .flatten()
            .filter_map(|entry| entry.file_name().into_string().ok())
            .filter(|name| {
                SHELL_PACKS.iter().any(|p| name.starts_with(p)) && name.ends_with(".bin")
            })
            .map(|name| format!("/{pkg}/{name}"))
            .collect();
    packs.sort();
    packs
}

impl Assets {
    fn of(options: &LeptosOptions) -> Self {
        // cargo-leptos writes `hash.txt` beside the server binary (`js: …`,
        // `wasm: …`); leptos' own <HydrationScripts> reads it the same way.
        let hashes = if options.hash_files {
            std::env::current_exe()
                .ok()
                .and_then(|exe| {
                    std::fs::read_to_string(exe.with_file_name(options.hash_file.as_ref())).ok()
                })
                .unwrap_or_default()
        } else {
            String::new()
        };
        let hash = |kind: &str| {
            hashes.lines().find_map(|line| {
                let (k, v) = line.split_once(':')?;
                (k.trim() == kind).then(|| format!(".{}", v.trim()))
            })
        };
        let h = |kind: &str| hash(kind).unwrap_or_default();
        let name = &options.output_name;
        let pkg = &options.site_pkg_dir;
        let css = format!("/{pkg}/{name}{}.css", h("css"));
        let entry = omnistore_app::hydration::BuildFiles {
            js: format!("/{pkg}/{name}{}.js", h("js")),
            wasm: format!("/{pkg}/{name}{}.wasm", h("wasm")),
        };
        let candidates = [
            entry.js.clone(),
            entry.wasm.clone(),
            css.clone(),
            format!("/{pkg}/__wasm_split{}.js", h("split")),
            format!("/{pkg}/__wasm_split_manifest{}.json", h("manifest")),
        ];
        // Only what was built: a development build has no split files.
        let mut files: Vec<String> = candidates
            .into_iter()
            .filter(|f| {
                std::path::Path::new(&*options.site_root)
                    .join(&f[1..])
                    .exists()
            })
            .collect();
        files.extend(shell_packs(options));
        Assets {
            files,
            css,
            hashes,
            entry,
        }
    }

    /// A short name for this build's assets (FNV-1a of their hashes).
    fn fingerprint(&self) -> String {
        if self.hashes.is_empty() {
            return format!("dev-{}", env!("CARGO_PKG_VERSION"));
        }
        let mut h: u64 = 0xcbf2_9ce4_8422_2325;
        for b in self.hashes.bytes() {
            h ^= u64::from(b);
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
        format!("{h:016x}")
    }
}

fn manifest() -> String {
    serde_json::json!({
        "name": "omnistore",
        "short_name": "omnistore",
        "description": Msg::PwaDescription.text(Locale::En),
        "id": "/",
        "start_url": "/",
        "scope": "/",
        "display": "standalone",
        "orientation": "any",
        "background_color": "#ffffff",
        "theme_color": "#1f5f3a",
        "lang": "en",
        "categories": ["shopping"],
        "icons": [
            { "src": "/icons/icon-192.png", "sizes": "192x192", "type": "image/png",
              "purpose": "any" },
            { "src": "/icons/icon-512.png", "sizes": "512x512", "type": "image/png",
              "purpose": "any" },
            { "src": "/icons/maskable-512.png", "sizes": "512x512", "type": "image/png",
              "purpose": "maskable" },
        ],
        "shortcuts": [
            { "name": Msg::Cart.text(Locale::En), "url": "/cart" },
            { "name": Msg::FindAStore.text(Locale::En), "url": "/stores" },
            { "name": Msg::CardTitle.text(Locale::En), "url": "/card" },
        ],
    })
    .to_string()
}

/// One of the worker's own pages: no header with a cart or an account in
/// it, as it is stored by the worker and must not carry anyone's details.
/// `main` is its content (trusted markup of this module), `script` a
/// script of this shop it runs.
fn shell_html(locale: Locale, css: &str, title: &str, main: &str, script: Option<&str>) -> String {
    let script = script
        .map(|src| format!("<script src=\"{src}\"></script>\n"))
        .unwrap_or_default();
    format!(
        r##"<!DOCTYPE html>
<html lang="{lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="theme-color" content="#1f5f3a">
<title>{title} — omnistore</title>
<link rel="stylesheet" href="{css}">
<link rel="icon" href="/favicon.svg" type="image/svg+xml">
</head>
<body>
<header class="os-header"><div class="os-header__bar">
<a class="os-header__logo" href="/">
<img src="/favicon.svg" alt="" width="32" height="32"><span>omnistore</span></a></div></header>
{main}{script}</body>
</html>
"##,
        lang = locale.tag(),
    )
}

/// Shown for a page never visited while offline.
fn offline_page(locale: Locale, css: &str) -> String {
    let t = |m: Msg| m.text(locale);
    let main = format!(
        r#"<main id="main" class="os-main os-offline-page">
<h1>{title}</h1>
<p>{body}</p>
<p><a href="/">{home}</a></p>
</main>
"#,
        title = t(Msg::OfflineTitle),
        body = t(Msg::OfflineBody),
        home = t(Msg::OfflineHome),
    );
    shell_html(locale, css, t(Msg::OfflineTitle), &main, None)
}

/// The loyalty card's page: nobody's until pwa.js puts in the card this
/// device keeps (or says how to keep it).
fn card_page(locale: Locale, css: &str) -> String {
    let t = |m: Msg| m.text(locale);
    let main = format!(
        r#"<main id="main" class="os-main os-card-page">
<h1>{title}</h1>
<div class="os-card" data-os-card-slot hidden>
<div class="os-card__qr"></div>
<p class="os-card__code"></p>
<p>{help}</p>
</div>
<p class="os-card__none">{none}</p>
<p><a href="/">{home}</a></p>
</main>
"#,
        title = t(Msg::CardTitle),
        help = t(Msg::CardHelp),
        none = t(Msg::CardNone),
        home = t(Msg::OfflineHome),
    );
    shell_html(locale, css, t(Msg::CardTitle), &main, Some("/pwa.js"))
}
