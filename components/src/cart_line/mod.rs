//! CartLine: one line of the cart — picture, name, option, unit price (with a
//! note when it changed since the item was added), how it reaches the shopper
//! (delivery, or pickup with the store's stock) and a switch between the two,
//! a quantity form, a remove button and the line total.
//!
//! Usage:
//! ```
//! # use leptos::prelude::*;
//! # use omnistore_components::{model::{CartLine as Line, Fulfilment, VariantId}, CartLine};
//! # fn usage(
//! #     line: Line,
//! #     set_quantity: Callback<(VariantId, Fulfilment, u32)>,
//! #     remove: Callback<(VariantId, Fulfilment)>,
//! # ) -> impl IntoView {
//! view! { <CartLine line=line on_set=set_quantity on_remove=remove /> }
//! # }
//! ```
//!
//! Server-side rendering: plain forms (quantity, remove, switch) that post to
//! the cart endpoints, so the cart is editable with JavaScript off; after
//! hydration `on_set` / `on_remove` / `on_move` take over and the page does
//! not reload.

use crate::enhance::{enhance, input_value};
use crate::i18n::{t, use_locale, Msg};
use crate::model::{CartLine as Line, Fulfilment, VariantId, MAX_LINE_QUANTITY};
use crate::price::Price;
use leptos::html;
use leptos::prelude::*;

#[component]
pub fn CartLine(
    /// The line to show, priced by the server.
    line: Line,
    /// Receives (variant, fulfilment, new quantity) when JavaScript runs; 0 removes.
    #[prop(optional)]
    on_set: Option<Callback<(VariantId, Fulfilment, u32)>>,
    /// Receives (variant, fulfilment) to remove when JavaScript runs.
    #[prop(optional)]
    on_remove: Option<Callback<(VariantId, Fulfilment)>>,
    /// Receives (variant, from, to) to switch delivery/pickup when JavaScript runs.
    #[prop(optional)]
    on_move: Option<Callback<(VariantId, Fulfilment, Fulfilment)>>,
    /// Name of the cart's pickup store; without one a line cannot switch to pickup.
    #[prop(optional)]
    pickup_store: Option<String>,
    /// Form endpoint for a new quantity without JavaScript.
    #[prop(default = "/api/cart/set")]
    set_action: &'static str,
    /// Form endpoint for removal without JavaScript.
    #[prop(default = "/api/cart/remove")]
    remove_action: &'static str,
    /// Form endpoint for switching delivery/pickup without JavaScript.
    #[prop(default = "/api/cart/move")]
    move_action: &'static str,
    /// Marks the forms `data-swap`, for a page whose script posts them and
    /// shows the answer in place (omnistore's `nav.js`).
    #[prop(optional)]
    swap: bool,
) -> impl IntoView {
    let swap = swap.then_some("");
    let locale = use_locale();
    let quantity: NodeRef<html::Input> = NodeRef::new();
    let id = line.variant_id.clone();
    let how = line.fulfilment;
    let other = match how {
        Fulfilment::Delivery => Fulfilment::Pickup,
        Fulfilment::Pickup => Fulfilment::Delivery,
    };
    let current = line.quantity;
    let key = format!("{id}-{}", how.as_str());
    let field_id = format!("os-cart-line-qty-{key}");
    let name_id = format!("os-cart-line-name-{key}");
    let short_at_store = line.store_units.is_some_and(|n| n < line.quantity);
    let how_text = match (how, &pickup_store) {
        (Fulfilment::Delivery, _) => t(Msg::Delivery).to_string(),
        (Fulfilment::Pickup, Some(store)) => format!("{} {store}", t(Msg::PickUpAt)),
        (Fulfilment::Pickup, None) => t(Msg::PickUpChooseStore).to_string(),
    };
    let switch_text = match (other, &pickup_store) {
        (Fulfilment::Pickup, Some(store)) => Some(format!("{} {store}", t(Msg::PickUpAt))),
        (Fulfilment::Pickup, None) => None,
        (Fulfilment::Delivery, _) => Some(t(Msg::DeliverInstead).to_string()),
    };
    let labelled_by = name_id.clone();
    let at_limit = line.at_stock_limit() && line.available > 0;
    let unavailable = line.available == 0;
    view! {
        <li
            class="os-cart-line"
            data-variant=id.clone()
            data-fulfilment=how.as_str()
            aria-labelledby=labelled_by
        >
            <img
                class="os-cart-line__image"
                src=line.image.clone()
                alt=""
                width="96"
                height="96"
                loading="lazy"
            />
            <div class="os-cart-line__info">
                <a
                    class="os-cart-line__name"
                    id=name_id
                    href=format!("/p/{}?variant={id}", line.product_slug)
                >
                    {line.product_name.clone()}
                </a>
                {(!line.variant_label.is_empty())
                    .then(|| {
                        view! { <p class="os-cart-line__option">{line.variant_label.clone()}</p> }
                    })}
                <p class="os-cart-line__sku">{t(Msg::Sku)}" " {line.sku.clone()}</p>
                <p class="os-cart-line__unit">
                    <Price price=line.unit_price />
                </p>
                {line
                    .price_was
                    .map(|was| note(
                        format!("{} {}.", t(Msg::PriceChangedFrom), was.format(locale)),
                    ))}
                {at_limit
                    .then(|| {
                        let (only, all) = (t(Msg::OnlyAvailable), t(Msg::AllWeHave));
                        note(format!("{only} {} — {all}.", line.available))
                    })}
                {unavailable
                    .then(|| {
                        view! {
                            <p class="os-cart-line__note os-cart-line__note--error" role="note">
                                {t(Msg::ItemUnavailable)}
                            </p>
                        }
                    })}
                <p class="os-cart-line__fulfilment">{how_text}</p>
                {short_at_store.then(|| note(t(Msg::NotOnShelfTransfer).to_string()))}
                {switch_text
                    .map(|text| {
                        let id = id.clone();
                        let sent = id.clone();
                        view! {
                            <form
                                class="os-cart-line__switch"
                                method="post"
                                action=move_action
                                data-swap=swap
                                on:submit=enhance(on_move, move || (sent.clone(), how, other))
                            >
                                <input type="hidden" name="variant_id" value=id.clone() />
                                <input type="hidden" name="from" value=how.as_str() />
                                <input type="hidden" name="to" value=other.as_str() />
                                <button class="os-cart-line__switch-button" type="submit">
                                    {text}
                                </button>
                            </form>
                        }
                    })}
            </div>
            <form
                class="os-cart-line__quantity"
                method="post"
                action=set_action
                data-swap=swap
                on:submit=enhance(
                    on_set,
                    {
                        let id = id.clone();
                        move || {
                            let n = input_value(quantity).parse::<u32>().unwrap_or(current);
                            (id.clone(), how, n.min(MAX_LINE_QUANTITY))
                        }
                    },
                )
            >
                <input type="hidden" name="variant_id" value=id.clone() />
                <input type="hidden" name="fulfilment" value=how.as_str() />
                <label class="os-visually-hidden" for=field_id.clone()>
                    {t(Msg::Quantity)}
                </label>
                <input
                    class="os-cart-line__input"
                    id=field_id
                    node_ref=quantity
                    type="number"
                    name="quantity"
                    inputmode="numeric"
                    min="0"
                    max=MAX_LINE_QUANTITY.to_string()
                    value=line.quantity
                    required
                />
                <button class="os-cart-line__update" type="submit">
                    {t(Msg::Update)}
                </button>
            </form>
            <form
                class="os-cart-line__remove"
                method="post"
                action=remove_action
                data-swap=swap
                on:submit=enhance(
                    on_remove,
                    {
                        let id = id.clone();
                        move || (id.clone(), how)
                    },
                )
            >
                <input type="hidden" name="variant_id" value=id.clone() />
                <input type="hidden" name="fulfilment" value=how.as_str() />
                <button
                    class="os-cart-line__remove-button"
                    type="submit"
                    aria-label=format!("{} — {}", t(Msg::Remove), line.product_name)
                >
                    {t(Msg::Remove)}
                </button>
            </form>
            <p class="os-cart-line__total">
                <span class="os-visually-hidden">{t(Msg::LineTotal)}" "</span>
                {line.line_total().format(locale)}
            </p>
        </li>
    }
}

/// A note under the line: what changed since it was added, or what the
/// shopper should know before checking out.
fn note(text: String) -> impl IntoView {
    view! {
        <p class="os-cart-line__note" role="note">
            {text}
        </p>
    }
}
