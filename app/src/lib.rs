#![recursion_limit = "256"]
//! The omnistore storefront: routes, pages, the HTML shell, and the hydrate
//! entry point of the browser build.
//!
//! Features: `ssr` (server build, used by `omnistore-server`) and `hydrate`
//! (the wasm build made by cargo-leptos).

pub mod api;
pub mod kiosk;
pub mod layout;
pub mod pages;
pub mod root;
pub mod seo;
pub mod shopper;

pub use root::{shell, App};

/// Entry point of the wasm: attach the reactive system to the server's HTML.
#[cfg(all(feature = "hydrate", not(feature = "islands")))]
#[wasm_bindgen::prelude::wasm_bindgen]
pub fn hydrate() {
    // No panic hook: the wasm is built with -Cpanic=immediate-abort, so a
    // panic traps at once and a hook would only add formatting code.
    // Asynchronous: the wasm chunk of a lazy route must arrive before its
    // server HTML can be hydrated.
    wasm_bindgen_futures::spawn_local(async {
        let body = leptos::prelude::document().body().expect("a body");
        leptos::mount::hydrate_from_async(body.clone(), App)
            .await
            .forget();
        // Lets tests (and monitoring) see that the page is interactive.
        let _ = body.set_attribute("data-hydrated", "true");
    });
}

/// Entry point of the wasm in islands mode: only the `<leptos-island>`
/// elements become interactive (leptos' island script hydrates them right
/// after this returns); the rest of the page stays the server's HTML.
#[cfg(all(feature = "hydrate", feature = "islands"))]
#[wasm_bindgen::prelude::wasm_bindgen]
pub fn hydrate() {
    leptos::mount::hydrate_islands();
    // The island script hydrates every island in microtasks that follow
    // this call; a task queued now runs after the last of them.
    let mark = wasm_bindgen::closure::Closure::once_into_js(|| {
        if let Some(body) = leptos::prelude::document().body() {
            let _ = body.set_attribute("data-hydrated", "true");
        }
    });
    let _ = leptos::prelude::window()
        .set_timeout_with_callback(wasm_bindgen::JsCast::unchecked_ref(&mark));
}
