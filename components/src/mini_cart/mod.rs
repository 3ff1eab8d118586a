//! MiniCart: a drawer that shows the cart without leaving the page — opened
//! after "Add to cart" or from the header badge. Lists the lines, the
//! subtotal, a link to the cart page and an optional message (what was just
//! added, or a quantity that had to be reduced).
//!
//! Usage:
//! ```
//! # use leptos::prelude::*;
//! # use omnistore_components::{model::Cart, MiniCart};
//! # fn usage(
//! #     cart_signal: Signal<Cart>,
//! #     drawer_open: RwSignal<bool>,
//! #     notice_text: Signal<Option<String>>,
//! # ) -> impl IntoView {
//! view! { <MiniCart cart=cart_signal open=drawer_open message=notice_text /> }
//! # }
//! ```
//!
//! Server-side rendering: renders nothing while closed (it is always closed
//! on the server); it exists only after hydration, because only JavaScript
//! opens it. Escape and the close button close it; focus moves into it.

use crate::i18n::Locale;
use crate::i18n::{items, t, use_locale, Msg};
use crate::model::{Cart, CartLine};
use leptos::html;
use leptos::prelude::*;

#[component]
pub fn MiniCart(
    /// The cart to show.
    #[prop(into)]
    cart: Signal<Cart>,
    /// Open state; the drawer sets it to false when closed.
    open: RwSignal<bool>,
    /// A message at the top (e.g. "Added to your cart").
    #[prop(into, optional)]
    message: Signal<Option<String>>,
    /// The full cart page.
    #[prop(default = "/cart")]
    cart_href: &'static str,
) -> impl IntoView {
    let locale = use_locale();
    let heading: NodeRef<html::H2> = NodeRef::new();
    Effect::new(move |_| {
        if open.get() {
            if let Some(h) = heading.get() {
                let _ = h.focus();
            }
        }
    });
    view! {
        <Show when=move || open.get()>
            <div class="os-mini-cart__backdrop" on:click=move |_| open.set(false)></div>
            <div
                class="os-mini-cart"
                role="dialog"
                aria-modal="false"
                aria-labelledby="os-mini-cart-title"
                on:keydown=move |ev| {
                    if ev.key() == "Escape" {
                        open.set(false);
                    }
                }
            >
                <div class="os-mini-cart__head">
                    <h2
                        class="os-mini-cart__title"
                        id="os-mini-cart-title"
                        tabindex="-1"
                        node_ref=heading
                    >
                        {t(Msg::CartTitle)}
                    </h2>
                    <button
                        class="os-mini-cart__close"
                        type="button"
                        on:click=move |_| open.set(false)
                    >
                        {t(Msg::CloseCart)}
                    </button>
                </div>
                {move || {
                    message
                        .get()
                        .map(|m| {
                            view! {
                                <p class="os-mini-cart__message" role="status">
                                    {m}
                                </p>
                            }
                        })
                }}
                {move || {
                    let c = cart.get();
                    if c.lines.is_empty() {
                        view! { <p class="os-mini-cart__empty">{t(Msg::CartEmpty)}</p> }.into_any()
                    } else {
                        view! {
                            <ul class="os-mini-cart__lines">
                                {c.lines.iter().map(|l| line_view(l, locale)).collect_view()}
                            </ul>
                            <p class="os-mini-cart__subtotal">
                                {t(Msg::Subtotal)} " (" {items(c.item_count(), locale)} "): "
                                <strong>{c.subtotal().format(locale)}</strong>
                            </p>
                        }
                            .into_any()
                    }
                }}
                <a
                    class="os-button os-mini-cart__view"
                    href=cart_href
                    on:click=move |_| open.set(false)
                >
                    {t(Msg::ViewCart)}
                </a>
            </div>
        </Show>
    }
}

/// One line of the drawer: picture, name and variant, quantity, total.
fn line_view(l: &CartLine, locale: Locale) -> impl IntoView {
    view! {
        <li class="os-mini-cart__line">
            <img class="os-mini-cart__image" src=l.image.clone() alt="" width="48" height="48" />
            <span class="os-mini-cart__name">
                {l.product_name.clone()}
                {(!l.variant_label.is_empty()).then(|| format!(" ({})", l.variant_label))}
            </span>
            <span class="os-mini-cart__qty">"× " {l.quantity}</span>
            <span class="os-mini-cart__price">{l.line_total().format(locale)}</span>
        </li>
    }
}
