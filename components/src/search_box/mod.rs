//! SearchBox: a labelled search field that submits `GET /search?q=`.
//! An exact SKU or EAN typed (or scanned) here goes straight to the product.
//!
//! Usage:
//! ```text
//! view! { <SearchBox value=current_query /> }
//! ```
//!
//! Server-side rendering: a plain `<form method="get">`, so search works with
//! JavaScript off; after hydration the router submits it as a client-side
//! navigation (no reload).

use crate::i18n::{t, Msg};
use leptos::prelude::*;
use leptos_router::components::Form;

/// Longest query accepted; the server answers longer ones with a 400.
pub const MAX_QUERY_CHARS: usize = 200;

#[component]
pub fn SearchBox(
    /// Text to prefill (the current query on the results page).
    #[prop(into, optional)]
    value: String,
    /// `id` of the input, unique on the page (two boxes may coexist).
    #[prop(default = "os-search-q")]
    id: &'static str,
) -> impl IntoView {
    view! {
        <div class="os-search-box">
            <Form method="get" action="/search">
                <label class="os-visually-hidden" for=id>{t(Msg::SearchLabel)}</label>
                <input
                    class="os-search-box__input"
                    id=id
                    type="search"
                    name="q"
                    value=value
                    placeholder=t(Msg::SearchPlaceholder)
                    maxlength=MAX_QUERY_CHARS.to_string()
                    autocomplete="off"
                    enterkeyhint="search"
                />
                <button class="os-search-box__button" type="submit">{t(Msg::Search)}</button>
            </Form>
        </div>
    }
}
