//! CartSummary: the cart's totals — units and subtotal at today's prices.
//!
//! Usage:
//! ```
//! # use leptos::prelude::*;
//! # use omnistore_components::{model::Cart, CartSummary};
//! # fn usage(cart: Signal<Cart>) -> impl IntoView {
//! view! { <CartSummary cart=cart /> }
//! # }
//! ```
//!
//! Server-side rendering: the totals at render time; they follow `cart` after
//! hydration, so changes on any device show without a reload.

use crate::i18n::{items, t, use_locale, Msg};
use crate::model::Cart;
use leptos::prelude::*;

#[component]
pub fn CartSummary(
    /// The cart to sum up.
    #[prop(into)]
    cart: Signal<Cart>,
    /// Extra content under the totals (e.g. a checkout button).
    #[prop(optional)]
    children: Option<Children>,
) -> impl IntoView {
    let locale = use_locale();
    view! {
        <section class="os-cart-summary" aria-labelledby="os-cart-summary-title">
            <h2 class="os-cart-summary__title" id="os-cart-summary-title">
                {t(Msg::Subtotal)}
            </h2>
            <dl class="os-cart-summary__rows">
                <div class="os-cart-summary__row">
                    <dt>{t(Msg::Quantity)}</dt>
                    <dd data-testid="cart-count">
                        {move || items(cart.with(Cart::item_count), locale)}
                    </dd>
                </div>
                <div class="os-cart-summary__row os-cart-summary__row--total">
                    <dt>{t(Msg::Subtotal)}</dt>
                    <dd
                        class="os-cart-summary__subtotal"
                        data-minor=move || cart.with(|c| c.subtotal().minor)
                    >
                        {move || cart.with(|c| c.subtotal().format(locale))}
                    </dd>
                </div>
            </dl>
            {children.map(|c| c())}
        </section>
    }
}
