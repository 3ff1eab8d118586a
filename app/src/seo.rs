//! `<title>`, meta description and canonical link for every page.

use leptos::prelude::*;
use leptos_meta::{Link, Meta, Title};

/// The public origin ("https://shop.example"), used for canonical links.
/// Server: the configured public URL, put in context by the host. Browser:
/// the page's own origin, which is the same when served at its public URL.
#[derive(Clone, Debug)]
pub struct SiteOrigin(pub String);

pub fn site_origin() -> String {
    #[cfg(feature = "hydrate")]
    {
        if let Ok(origin) = leptos::prelude::window().location().origin() {
            return origin;
        }
    }
    use_context::<SiteOrigin>().map(|o| o.0).unwrap_or_default()
}

/// Title ("… | omnistore"), description and canonical URL of a page.
#[component]
pub fn PageMeta(
    /// Page title, without the shop name (may change with the URL's query).
    #[prop(into)]
    title: Signal<String>,
    /// One-sentence description for search engines.
    #[prop(into)]
    description: String,
    /// Canonical path with its significant query ("/c/garden?page=2").
    #[prop(into)]
    canonical: String,
) -> impl IntoView {
    let href = format!("{}{}", site_origin(), canonical);
    view! {
        <Title text=move || format!("{} | omnistore", title.get()) />
        <Meta name="description" content=description />
        <Link rel="canonical" href=href />
    }
}
