//! CartBadge: the header's link to the cart with the number of units in it.
//! Its accessible name says the count ("Cart, 3 items"), not just a number,
//! and contains its visible text (WCAG 2.5.3).
//!
//! Usage:
//! ```
//! # use leptos::prelude::*;
//! # use omnistore_components::{model::Cart, CartBadge};
//! # fn usage(cart: Signal<Cart>) -> impl IntoView {
//! view! { <CartBadge count=Signal::derive(move || cart.get().item_count()) /> }
//! # }
//! ```
//!
//! Server-side rendering: a plain link with the count at render time; when
//! `count` is a signal the badge follows it after hydration (live updates
//! from other devices included).

use crate::i18n::{items, t, use_locale, Msg};
use leptos::prelude::*;

#[component]
pub fn CartBadge(
    /// Units in the cart.
    #[prop(into)]
    count: Signal<u32>,
    /// The cart page the link leads to.
    #[prop(default = "/cart")]
    href: &'static str,
    /// Called instead of following the link once JavaScript runs (e.g. to open a mini-cart).
    #[prop(optional)]
    on_open: Option<Callback<()>>,
) -> impl IntoView {
    let locale = use_locale();
    view! {
        <a
            class="os-cart-badge"
            href=href
            aria-label=move || format!("{}, {}", t(Msg::Cart), items(count.get(), locale))
            on:click=move |ev| {
                if let Some(cb) = on_open {
                    ev.prevent_default();
                    cb.run(());
                }
            }
        >
            <svg
                class="os-cart-badge__icon"
                viewBox="0 0 24 24"
                width="24"
                height="24"
                aria-hidden="true"
            >
                <path
                    d="M3 4h2l2.4 10.2a2 2 0 0 0 2 1.6h7.2a2 2 0 0 0 2-1.5L21 8H7"
                    fill="none"
                    stroke="currentColor"
                    stroke-width="2"
                    stroke-linecap="round"
                    stroke-linejoin="round"
                />
                <circle cx="10" cy="20" r="1.5" fill="currentColor" />
                <circle cx="17" cy="20" r="1.5" fill="currentColor" />
            </svg>
            // The name is the aria-label; the only visible text node is "Cart",
            // which the label starts with (WCAG 2.5.3). The number is drawn
            // from data-count by CSS, so it adds no text of its own.
            <span class="os-cart-badge__text">{t(Msg::Cart)}</span>
            <span
                class="os-cart-badge__count"
                class:os-cart-badge__count--empty=move || count.get() == 0
                data-count=move || count.get()
                aria-hidden="true"
            ></span>
        </a>
    }
}
