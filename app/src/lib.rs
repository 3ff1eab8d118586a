//! The omnistore storefront: routes, pages, the HTML shell, and the hydrate
//! entry point of the browser build.
//!
//! Features: `ssr` (server build, used by `omnistore-server`) and `hydrate`
//! (the wasm build made by cargo-leptos).

pub mod api;
pub mod layout;
pub mod pages;
pub mod root;
pub mod seo;

pub use root::{shell, App};

/// Entry point of the wasm: attach the reactive system to the server's HTML.
#[cfg(feature = "hydrate")]
#[wasm_bindgen::prelude::wasm_bindgen]
pub fn hydrate() {
    console_error_panic_hook::set_once();
    leptos::mount::hydrate_body(App);
    // Lets tests (and monitoring) see that the page is interactive.
    if let Some(body) = leptos::prelude::document().body() {
        let _ = body.set_attribute("data-hydrated", "true");
    }
}
