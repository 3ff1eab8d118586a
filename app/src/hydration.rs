//! How the browser gets the wasm: [`IslandScripts`] in the shell's
//! `<head>`.

use leptos::config::LeptosOptions;
use leptos::prelude::*;

/// The built script and wasm of this release, by the names the build gave
/// them (hashed), as paths on the site. The server provides it (it reads
/// the names once, for the service worker too).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BuildFiles {
    /// The wasm-bindgen script, e.g. `/pkg/omnistore.<hash>.js`.
    pub js: String,
    /// The main wasm module, e.g. `/pkg/omnistore.<hash>.wasm`.
    pub wasm: String,
}

/// Loads the wasm and hydrates the page's islands once the browser is idle
/// (`islands.js`), without preloading either file.
///
/// It takes the place of leptos' `<HydrationScripts islands=true />`, which
/// does the same steps but also preloads the script and the wasm in
/// `<head>`. Why: a preload starts the wasm (about 150 KB brotli) with the
/// page, where on a slow network it takes the bandwidth the first paint
/// needs (Lighthouse counted it into the largest paint: 2.3 s on the home
/// page). omnistore's islands take no children, so they hydrate one after
/// another in document order, each in a task of its own. An island inside
/// `<os-intent>` waits until the shopper comes near it (a page whose
/// islands all wait fetches no wasm until then), and a press before its
/// code arrives is held and then given to it. `window.__hydrateIslands` is
/// what nav.js uses for the islands of a page it brings in.
///
/// Usage: in the shell's `<head>`, with the server providing
/// [`BuildFiles`] as context. Without that context it falls back to
/// leptos' `<HydrationScripts islands=true />` (which also preloads).
///
/// During server-side rendering it writes one inline module script; in the
/// browser it is never rendered (the shell is server-only).
#[component]
pub fn IslandScripts(
    /// The site's options, for the fallback.
    options: LeptosOptions,
) -> impl IntoView {
    match use_context::<BuildFiles>() {
        Some(files) => {
            // As <HydrationScripts islands=true> does: an islands page is
            // rendered as not hydrating (only islands are).
            if let Some(shared) = Owner::current_shared_context() {
                shared.set_is_hydrating(false);
            }
            // JSON string literals are JavaScript string literals.
            let literal = |s: &str| serde_json::to_string(s).unwrap_or_default();
            let call = format!(
                "{}({}, {});",
                include_str!("islands.js").trim_end(),
                literal(&files.js),
                literal(&files.wasm)
            );
            view! { <script type="module">{call}</script> }.into_any()
        }
        None => view! { <HydrationScripts options islands=true /> }.into_any(),
    }
}
