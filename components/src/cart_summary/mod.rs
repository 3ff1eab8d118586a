//! CartSummary: the cart's totals — units, subtotal at today's prices, each
//! promotion's discount and what the shopper pays.
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
//! A cart with pickup lines shows its store's pickup fee (and, among the
//! discounts, the promotion that waives it).
//!
//! Server-side rendering: the totals at render time (the cart's `pricing`,
//! made by the shop's one pricing function); they follow `cart` after
//! hydration, so changes on any device show without a reload. The discount
//! and total labels are the server's words (left out of the browser's
//! tables): render it on the server, as the cart and checkout pages do.

use crate::i18n::{items, t, use_locale, Msg};
use crate::model::{Cart, Money};
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
    let discounts = move || {
        cart.with(|c| {
            let currency = c.subtotal().currency;
            c.pricing
                .discounts
                .iter()
                .map(|d| {
                    let name = match &d.code {
                        Some(code) => format!(
                            "{} ({})",
                            d.name,
                            Msg::CouponCode.fill(locale, &[("code", code)])
                        ),
                        None => d.name.clone(),
                    };
                    let off = Money {
                        minor: -d.minor,
                        currency,
                    };
                    view! {
                        <div class="os-cart-summary__row os-cart-summary__row--discount">
                            <dt>{name}</dt>
                            <dd data-minor=-d.minor>{off.format(locale)}</dd>
                        </div>
                    }
                })
                .collect_view()
        })
    };
    let fee = move || cart.with(|c| c.pricing.pickup_fee);
    let discounted = move || cart.with(|c| !c.pricing.discounts.is_empty()) || fee() > 0;
    view! {
        <section
            class="os-cart-summary"
            aria-labelledby="os-cart-summary-title"
            data-to-pay=move || cart.with(|c| c.total().minor)
        >
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
                <div
                    class="os-cart-summary__row"
                    class:os-cart-summary__row--total=move || !discounted()
                >
                    <dt>{t(Msg::Subtotal)}</dt>
                    <dd
                        class="os-cart-summary__subtotal"
                        data-minor=move || cart.with(|c| c.subtotal().minor)
                    >
                        {move || cart.with(|c| c.subtotal().format(locale))}
                    </dd>
                </div>
                {move || {
                    (fee() > 0)
                        .then(|| {
                            let currency = cart.with(|c| c.subtotal().currency);
                            let fee = Money {
                                minor: fee(),
                                currency,
                            };
                            view! {
                                <div class="os-cart-summary__row os-cart-summary__row--fee">
                                    <dt>{t(Msg::PickupFee)}</dt>
                                    <dd data-minor=fee.minor>{fee.format(locale)}</dd>
                                </div>
                            }
                        })
                }}
                {discounts}
                {move || {
                    discounted()
                        .then(|| {
                            view! {
                                <div class="os-cart-summary__row os-cart-summary__row--total">
                                    <dt>{t(Msg::CouponTotal)}</dt>
                                    <dd
                                        class="os-cart-summary__total"
                                        data-minor=move || cart.with(|c| c.total().minor)
                                    >
                                        {move || cart.with(|c| c.total().format(locale))}
                                    </dd>
                                </div>
                            }
                        })
                }}
            </dl>
            {children.map(|c| c())}
        </section>
    }
}
