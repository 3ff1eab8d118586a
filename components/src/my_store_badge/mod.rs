//! MyStoreBadge: the header's "my store" — its name linking to its page, or
//! "Choose your store" linking to the locator.
//!
//! Usage:
//! ```
//! # use leptos::prelude::*;
//! # use omnistore_components::{model::StoreRef, MyStoreBadge};
//! # fn usage(my_store: Signal<Option<StoreRef>>) -> impl IntoView {
//! view! { <MyStoreBadge store=my_store /> }
//! # }
//! ```
//!
//! Server-side rendering: a plain link; it follows `store` after hydration.

use crate::i18n::{t, Msg};
use crate::model::StoreRef;
use leptos::either::Either;
use leptos::prelude::*;

#[component]
pub fn MyStoreBadge(
    /// The shopper's store, if chosen.
    #[prop(into)]
    store: Signal<Option<StoreRef>>,
) -> impl IntoView {
    move || match store.get() {
        Some(s) => Either::Left(view! {
            <a class="os-my-store" href=format!("/stores/{}", s.slug)>
                <span class="os-my-store__label">{t(Msg::PreferredStore)}": "</span>
                <span class="os-my-store__name">{s.name}</span>
            </a>
        }),
        None => Either::Right(view! {
            <a class="os-my-store os-my-store--none" href="/stores">
                {t(Msg::ChooseYourStore)}
            </a>
        }),
    }
}
