//! CouponForm: the cart's coupon code — a field and "Apply", or the code in
//! use with "Remove code" and, when it takes nothing off, why. A plain form
//! posted to `/api/cart/coupon`.
//!
//! Usage:
//! ```
//! # use leptos::prelude::*;
//! # use omnistore_components::CouponForm;
//! # fn usage() -> impl IntoView {
//! view! { <CouponForm coupon=None /> }
//! # }
//! ```
//!
//! Server-side rendering: markup only, no island. Without JavaScript the
//! form posts and the server sends the browser back to the cart (with
//! `?error=coupon_…` when the code cannot be used); with it, `data-swap`
//! lets the page's script post it and put the answer in place. Its words
//! are the server's (left out of the browser's tables): render it on the
//! server.

use crate::i18n::{t, use_locale, Msg};
use crate::model::CouponState;
use leptos::prelude::*;

#[component]
pub fn CouponForm(
    /// The cart's code and, when it takes nothing off, why (`cart.pricing.coupon`).
    coupon: Option<CouponState>,
) -> impl IntoView {
    let locale = use_locale();
    let body = match coupon {
        Some(c) => view! {
            <p class="os-coupon__code">
                <strong>{Msg::CouponCode.fill(locale, &[("code", &c.code)])}</strong>
            </p>
            {c
                .refused
                .map(|why| {
                    view! {
                        <p class="os-coupon__why" role="status">
                            {why.words(locale)}
                        </p>
                    }
                })}
            <input type="hidden" name="remove" value="1" />
            <button class="os-button os-button--secondary" type="submit">
                {t(Msg::CouponRemove)}
            </button>
        }
        .into_any(),
        None => view! {
            <label class="os-coupon__label" for="os-coupon-code">
                {t(Msg::CouponLabel)}
            </label>
            <div class="os-coupon__row">
                <input
                    class="os-field__control os-coupon__input"
                    id="os-coupon-code"
                    name="code"
                    autocomplete="off"
                    autocapitalize="characters"
                    spellcheck="false"
                    maxlength="32"
                    required
                />
                <button class="os-button os-button--secondary" type="submit">
                    {t(Msg::CouponApply)}
                </button>
            </div>
        }
        .into_any(),
    };
    view! {
        <form class="os-coupon" method="post" action="/api/cart/coupon" data-swap>
            {body}
        </form>
    }
}
