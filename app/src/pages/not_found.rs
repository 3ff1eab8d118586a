//! 404: unknown routes and unknown products or categories.

use crate::seo::PageMeta;
use leptos::prelude::*;
use omnistore_components::i18n::{t, Msg};

#[component]
pub fn NotFound(
    /// A more specific explanation than "page not found".
    #[prop(optional, into)]
    detail: Option<String>,
) -> impl IntoView {
    super::set_status(404);
    view! {
        <PageMeta title=t(Msg::NotFoundTitle) description=t(Msg::NotFoundText) canonical="/" />
        <section class="os-message" aria-labelledby="os-message-title">
            <h1 id="os-message-title">{t(Msg::NotFoundTitle)}</h1>
            <p>{detail.unwrap_or_else(|| t(Msg::NotFoundText).to_string())}</p>
            <p>
                <a href="/">{t(Msg::BackHome)}</a>
            </p>
        </section>
    }
}
