#![recursion_limit = "256"]
//! The omnistore storefront: routes, pages, the HTML shell, and the hydrate
//! entry point of the browser build.
//!
//! Features: `ssr` (server build, used by `omnistore-server`) and `hydrate`
//! (the wasm build made by cargo-leptos).

pub mod api;
pub mod hydration;
pub mod kiosk;
pub mod layout;
pub mod pages;
pub mod root;
pub mod seo;
pub mod shopper;

pub use root::{shell, App};

/// Moves the page to a path on this site, from a callback.
pub type Navigator = std::sync::Arc<dyn Fn(&str) + Send + Sync>;

/// The client-side navigation script (`app/src/nav.js`): it fetches the
/// next page, swaps `<main>` and hydrates the new islands. The host serves
/// it as `/nav.js`; every page loads it (see `root.rs`).
#[cfg(feature = "ssr")]
pub const NAV_SCRIPT: &str = include_str!("nav.js");

/// Goes to a path on this site with nav.js's client-side navigation (there
/// is no router in the browser). Call it while the component is set up,
/// and the result later; on the server it does nothing.
pub fn navigator() -> Navigator {
    #[cfg(feature = "hydrate")]
    {
        std::sync::Arc::new(go_to)
    }
    #[cfg(not(feature = "hydrate"))]
    {
        std::sync::Arc::new(|_: &str| {})
    }
}

/// Entry point of the wasm: only the `<leptos-island>`
/// elements become interactive (leptos' island script hydrates them right
/// after this returns); the rest of the page stays the server's HTML.
#[cfg(feature = "hydrate")]
#[wasm_bindgen::prelude::wasm_bindgen]
pub fn hydrate() {
    leptos::mount::hydrate_islands();
    // A server function that answers with a redirect (sign-in, sign-out)
    // moves the page on: through nav.js when it is there, else a page load.
    let _ = leptos::server_fn::redirect::set_redirect_hook(|to: &str| go_to(to));
    // `data-hydrated` (for tests and monitoring) waits for every island,
    // the lazily loaded ones too: see `island_hydrated`.
    let islands = leptos::prelude::document()
        .query_selector_all("leptos-island")
        .map(|l| l.length())
        .unwrap_or(0);
    ISLANDS_LEFT.with(|left| left.set(islands));
    if islands == 0 {
        mark_hydrated();
    }
}

/// Room in the wasm's read-only data for wasm-split to lay it out again.
///
/// Why: `cargo leptos build --split` gives each module the data only its
/// code reads, regrouping the data module by module. The regrouping pads
/// each group to its alignment; when that makes the data a few bytes longer
/// than the linker's layout (it was 4 bytes once), wasm-split gives up and
/// leaves *all* of it, every lazy page's texts in every language, in the
/// first page's module: about 58 KB raw, 6.5 KB brotli. This unused block
/// is kept by the linker (`#[used]`) and read by no code, so no module
/// gets it, and its bytes are the slack the regrouping may fill.
#[cfg(feature = "hydrate")]
#[used]
static SPLIT_SLACK: [u8; 4096] = [0x5a; 4096];

#[cfg(feature = "hydrate")]
thread_local! {
    static ISLANDS_LEFT: std::cell::Cell<u32> = const { std::cell::Cell::new(0) };
}

/// Called by every island as it hydrates; after the loaded
/// page's last one, marks the body `data-hydrated` (in a task of its own,
/// so that the island has finished attaching to its HTML). Islands that
/// arrive by client-side navigation do not count: nav.js marks that page
/// once all of them are in.
#[cfg(feature = "hydrate")]
pub fn island_hydrated() {
    let last = ISLANDS_LEFT.with(|left| match left.get() {
        0 => false,
        n => {
            left.set(n - 1);
            n == 1
        }
    });
    if last {
        mark_hydrated();
    }
}

#[cfg(feature = "hydrate")]
fn mark_hydrated() {
    let mark = wasm_bindgen::closure::Closure::once_into_js(|| {
        if let Some(body) = leptos::prelude::document().body() {
            let _ = body.set_attribute("data-hydrated", "true");
        }
    });
    let _ = leptos::prelude::window()
        .set_timeout_with_callback(wasm_bindgen::JsCast::unchecked_ref(&mark));
}

/// Goes to `to` with nav.js's client-side navigation, or with
/// a page load where that script is missing.
#[cfg(feature = "hydrate")]
pub fn go_to(to: &str) {
    use wasm_bindgen::JsCast;
    let window = leptos::prelude::window();
    let nav = js_sys::Reflect::get(&window, &"osNavigate".into())
        .ok()
        .and_then(|f| f.dyn_into::<js_sys::Function>().ok());
    match nav {
        Some(nav) => {
            let _ = nav.call1(&wasm_bindgen::JsValue::NULL, &to.into());
        }
        None => {
            let _ = window.location().set_href(to);
        }
    }
}
