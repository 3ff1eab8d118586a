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
    /// Page title, without the shop name. Plain text, not a signal: leptos_meta
    /// reads it after the page's reactive owner may be gone. Pages whose title
    /// depends on data render PageMeta inside their Suspense.
    #[prop(into)]
    title: String,
    /// One-sentence description for search engines.
    #[prop(into)]
    description: String,
    /// Canonical path with its significant query ("/c/garden?page=2").
    #[prop(into)]
    canonical: String,
) -> impl IntoView {
    let href = format!("{}{}", site_origin(), canonical);
    view! {
        <Title text=title_text(&title) />
        <Meta name="description" content=description />
        <Link rel="canonical" href=href />
    }
}

/// The document title. leptos_meta 0.8 writes `<title>` text unescaped during
/// server rendering, so a search for `</title><script>` would inject markup:
/// escape it on the server. The browser sets `document.title` as plain text,
/// where entities would show literally, so it gets the raw text.
fn title_text(title: &str) -> String {
    let text = format!("{title} | omnistore");
    #[cfg(feature = "ssr")]
    let text = text
        .replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;");
    text
}
