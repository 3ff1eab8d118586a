//! What every handler and middleware shares, in a module of its own so
//! that neither the router (`web`) nor the layers (`identity`, `pwa`) import
//! each other for it.

use leptos::config::LeptosOptions;
use omnistore_components::backend::Backend;

/// Everything a request handler may need.
#[derive(Clone)]
pub struct AppState {
    /// Shared, as the state is cloned into every layer of every request.
    pub leptos: std::sync::Arc<LeptosOptions>,
    pub backend: Backend,
    /// Public origin without a trailing slash, for canonical links and the sitemap.
    pub public_url: String,
    /// The installable app's files (manifest, icons, service worker).
    pub pwa: std::sync::Arc<crate::pwa::Pwa>,
    /// Catalog pages kept as rendered (`None`: every page is rendered).
    pub pages: Option<std::sync::Arc<crate::page_cache::PageCache>>,
    /// The platform's product photographs (`None`: the back end has none).
    pub photos: Option<std::sync::Arc<crate::vendure::photos::Photos>>,
    /// Reverse proxies whose `X-Forwarded-For` is believed.
    pub trusted_proxies: std::sync::Arc<[ipnet::IpNet]>,
}

impl axum::extract::FromRef<AppState> for LeptosOptions {
    fn from_ref(state: &AppState) -> Self {
        LeptosOptions::clone(&state.leptos)
    }
}

impl axum::extract::FromRef<AppState> for std::sync::Arc<crate::pwa::Pwa> {
    fn from_ref(state: &AppState) -> Self {
        state.pwa.clone()
    }
}
