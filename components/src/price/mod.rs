//! Price: an amount formatted for the shopper's locale, with the compare-at
//! price struck through and the saving when the item is on sale.
//!
//! Usage:
//! ```
//! # use leptos::prelude::*;
//! # use omnistore_components::{model::Money, Price};
//! # fn usage() -> impl IntoView {
//! view! { <Price price=Money::pln(12999) compare_at=Some(Money::pln(15999)) /> }
//! # }
//! ```
//!
//! Server-side rendering: renders the final text; nothing happens on hydration
//! unless `price` is a changing signal (the variant picker feeds it one).

use crate::i18n::{t, use_locale, Msg};
use crate::model::Money;
use leptos::prelude::*;

/// "-20% off", in the current language.
fn off_text(percent: u32) -> String {
    format!("-{percent}% {}", t(Msg::Off))
}

#[component]
pub fn Price(
    /// The amount to pay, in minor units.
    #[prop(into)]
    price: Signal<Money>,
    /// Former price shown struck through when higher than `price`.
    #[prop(into, optional)]
    compare_at: Signal<Option<Money>>,
    /// Prefix with "from" (the product has variants at other prices).
    #[prop(optional)]
    from: bool,
) -> impl IntoView {
    let locale = use_locale();
    let sale = move || compare_at.get().filter(|c| c.minor > price.get().minor);
    view! {
        <span class="os-price" class:os-price--sale=move || sale().is_some()>
            {from.then(|| view! { <span class="os-price__from">{t(Msg::From)}" "</span> })}
            <span class="os-price__amount" data-price-minor=move || price.get().minor>
                {move || price.get().format(locale)}
            </span>
            {move || {
                sale()
                    .map(|c| {
                        let off = price.get().percent_off(&c);
                        view! {
                            " "
                            <s class="os-price__was">
                                <span class="os-visually-hidden">{t(Msg::WasPrice)}" "</span>
                                {c.format(locale)}
                            </s>
                            {off
                                .map(|p| {
                                    view! { " " <span class="os-price__badge">{off_text(p)}</span> }
                                })}
                        }
                    })
            }}
        </span>
    }
}
