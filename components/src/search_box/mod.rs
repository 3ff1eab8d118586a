//! SearchBox: a labelled search field that submits `GET /search?q=`.
//! An exact SKU or EAN typed (or scanned) here goes straight to the product.
//!
//! Usage:
//! ```
//! # use leptos::prelude::*;
//! # use omnistore_components::SearchBox;
//! # fn usage(current_query: String) -> impl IntoView {
//! view! { <SearchBox value=current_query /> }
//! # }
//! ```
//!
//! Server-side rendering: a plain `<form method="get">`, so search works with
//! JavaScript off. Hydrated under the router, a submit becomes the router's
//! client-side navigation to the same URL (no reload); without a router in
//! the browser (islands mode) the form is left to the page's own navigation.

use crate::i18n::{t, Msg};
use crate::model::encode_query_value;
use leptos::prelude::*;
use leptos_router::hooks::use_navigate;

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
    let field = NodeRef::<leptos::html::Input>::new();
    // Without a router (an island, or a page that has none) the plain form
    // is submitted; the page's own navigation, if any, takes it from there.
    // (The router puts the browser's URL into the context; the server never
    // runs this handler.)
    let navigate = use_context::<leptos_router::location::BrowserUrl>().map(|_| use_navigate());
    // The URL a plain GET submit would load, navigated to in place: the
    // router's own <Form> does the same for any form, at several times the
    // wasm size.
    let submit = move |ev: leptos::ev::SubmitEvent| {
        if let (Some(navigate), Some(input)) = (&navigate, field.get_untracked()) {
            ev.prevent_default();
            let url = format!("/search?q={}", encode_query_value(&input.value()));
            navigate(&url, Default::default());
        }
    };
    view! {
        <div class="os-search-box">
            <form method="get" action="/search" on:submit=submit>
                <label class="os-visually-hidden" for=id>
                    {t(Msg::SearchLabel)}
                </label>
                <input
                    node_ref=field
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
                <button class="os-search-box__button" type="submit">
                    {t(Msg::Search)}
                </button>
            </form>
        </div>
    }
}
