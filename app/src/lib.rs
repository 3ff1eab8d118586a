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
/// elements become interactive (`islands.js` hydrates them after this
/// returns, and marks the body `data-hydrated` once the page's eager ones
/// are); the rest of the page stays the server's HTML.
#[cfg(feature = "hydrate")]
#[wasm_bindgen::prelude::wasm_bindgen]
pub fn hydrate() {
    leptos::mount::hydrate_islands();
    // A server function that answers with a redirect (sign-in, sign-out)
    // moves the page on: through nav.js when it is there, else a page load.
    let _ = leptos::server_fn::redirect::set_redirect_hook(|to: &str| go_to(to));
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
