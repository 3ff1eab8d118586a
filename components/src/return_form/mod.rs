//! ReturnForm: "Return items" on an order page — how many units of each
//! line that can still be returned, and how they come back (at any store,
//! or by courier). A plain form posted to `/api/orders/return`.
//!
//! Usage:
//! ```
//! # use leptos::prelude::*;
//! # use omnistore_components::ReturnForm;
//! # use omnistore_components::model::ReturnableLine;
//! # fn usage() -> impl IntoView {
//! let lines = vec![ReturnableLine {
//!     index: 0,
//!     product_name: "Garden hose".into(),
//!     variant_label: "25 m".into(),
//!     left: 2,
//! }];
//! view! {
//!     <ReturnForm
//!         number=1042
//!         lines
//!         until="2026-12-23".to_string()
//!         at_store_only=false
//!         form_key="a-fresh-form-key".to_string()
//!         order_key=None
//!     />
//! }
//! # }
//! ```
//!
//! Server-side rendering: markup only, no island. The server answers the
//! post by sending the browser back to the order page, with the return's
//! code (`?returned=`) or why not (`?error=return`). Its words are the
//! server's (left out of the browser's tables): render it on the server.

use crate::i18n::{t, use_locale, Msg};
use crate::model::{ReturnableLine, RETURN_DAYS};
use leptos::prelude::*;

#[component]
pub fn ReturnForm(
    /// The order's number.
    number: i64,
    /// Lines with units that can still be returned (`order.returnable`).
    lines: Vec<ReturnableLine>,
    /// The last day a return can be started, "2026-12-23".
    until: String,
    /// The order was paid at the store: no courier, the money comes back at a counter.
    at_store_only: bool,
    /// A fresh key: a resent form starts one return.
    form_key: String,
    /// A guest's order link key, so that the link's holder may return.
    order_key: Option<String>,
) -> impl IntoView {
    let locale = use_locale();
    let days = RETURN_DAYS.to_string();
    let intro = if at_store_only {
        Msg::ReturnIntroStore
    } else {
        Msg::ReturnIntro
    }
    .fill(locale, &[("days", &days), ("date", &until)]);
    view! {
        <form class="os-return-form" method="post" action="/api/orders/return">
            <input type="hidden" name="number" value=number />
            <input type="hidden" name="key" value=form_key />
            {order_key.map(|k| view! { <input type="hidden" name="order_key" value=k /> })}
            <p class="os-return-form__intro">{intro}</p>
            {lines
                .into_iter()
                .map(|l| {
                    let id = format!("os-return-units-{}", l.index);
                    let name = if l.variant_label.is_empty() {
                        l.product_name.clone()
                    } else {
                        format!("{} ({})", l.product_name, l.variant_label)
                    };
                    let label = Msg::ReturnUnits
                        .fill(locale, &[("name", &name), ("left", &l.left.to_string())]);
                    view! {
                        <div class="os-return-form__line">
                            <label class="os-return-form__label" for=id.clone()>
                                {label}
                            </label>
                            <input
                                class="os-field__control os-return-form__units"
                                id=id
                                name=format!("units[{}]", l.index)
                                type="number"
                                inputmode="numeric"
                                min="0"
                                max=l.left
                                value="0"
                            />
                        </div>
                    }
                })
                .collect_view()}
            <fieldset class="os-return-form__method">
                <legend>{t(Msg::ReturnMethod)}</legend>
                <label>
                    <input type="radio" name="method" value="store" checked />
                    " "
                    {t(Msg::ReturnMethodStore)}
                </label>
                {(!at_store_only)
                    .then(|| {
                        view! {
                            <label>
                                <input type="radio" name="method" value="courier" />
                                " "
                                {t(Msg::ReturnMethodCourier)}
                            </label>
                        }
                    })}
            </fieldset>
            <button class="os-button" type="submit">
                {t(Msg::ReturnStart)}
            </button>
        </form>
    }
}
