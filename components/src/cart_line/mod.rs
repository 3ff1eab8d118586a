//! CartLine: one line of the cart — picture, name, option, unit price (with a
//! note when it changed since the item was added), a quantity form, a remove
//! button and the line total.
//!
//! Usage:
//! ```text
//! view! { <CartLine line=line on_set=set_quantity on_remove=remove /> }
//! ```
//!
//! Server-side rendering: two plain forms (quantity, remove) that post to the
//! cart endpoints, so the cart is editable with JavaScript off; after
//! hydration `on_set` / `on_remove` take over and the page does not reload.

use crate::enhance::{enhance, input_value};
use crate::i18n::{t, use_locale, Msg};
use crate::model::{CartLine as Line, MAX_LINE_QUANTITY};
use crate::price::Price;
use leptos::html;
use leptos::prelude::*;

#[component]
pub fn CartLine(
    /// The line to show, priced by the server.
    line: Line,
    /// Receives (variant, new quantity) when JavaScript runs; 0 removes.
    #[prop(optional)]
    on_set: Option<Callback<(i64, u32)>>,
    /// Receives the variant to remove when JavaScript runs.
    #[prop(optional)]
    on_remove: Option<Callback<i64>>,
    /// Form endpoint for a new quantity without JavaScript.
    #[prop(default = "/api/cart/set")]
    set_action: &'static str,
    /// Form endpoint for removal without JavaScript.
    #[prop(default = "/api/cart/remove")]
    remove_action: &'static str,
) -> impl IntoView {
    let locale = use_locale();
    let quantity: NodeRef<html::Input> = NodeRef::new();
    let id = line.variant_id;
    let current = line.quantity;
    let field_id = format!("os-cart-line-qty-{id}");
    let name_id = format!("os-cart-line-name-{id}");
    let labelled_by = name_id.clone();
    let at_limit = line.at_stock_limit() && line.available > 0;
    let unavailable = line.available == 0;
    view! {
        <li class="os-cart-line" data-variant=id aria-labelledby=labelled_by>
            <img class="os-cart-line__image" src=line.image.clone() alt="" width="96" height="96" loading="lazy" />
            <div class="os-cart-line__info">
                <a class="os-cart-line__name" id=name_id href=format!("/p/{}?variant={id}", line.product_slug)>
                    {line.product_name.clone()}
                </a>
                {(!line.variant_label.is_empty()).then(|| view! { <p class="os-cart-line__option">{line.variant_label.clone()}</p> })}
                <p class="os-cart-line__sku">{t(Msg::Sku)}" " {line.sku.clone()}</p>
                <p class="os-cart-line__unit"><Price price=line.unit_price /></p>
                {line.price_was.map(|was| view! {
                    <p class="os-cart-line__note" role="note">{t(Msg::PriceChangedFrom)}" " {was.format(locale)}"."</p>
                })}
                {at_limit.then(|| view! {
                    <p class="os-cart-line__note" role="note">{t(Msg::OnlyAvailable)}" " {line.available}" — " {t(Msg::AllWeHave)}"."</p>
                })}
                {unavailable.then(|| view! { <p class="os-cart-line__note os-cart-line__note--error" role="note">{t(Msg::ItemUnavailable)}</p> })}
            </div>
            <form
                class="os-cart-line__quantity"
                method="post"
                action=set_action
                on:submit=enhance(on_set, move || {
                    // The field is `required` and numeric; anything else keeps the quantity.
                    let n = input_value(quantity).parse::<u32>().unwrap_or(current);
                    (id, n.min(MAX_LINE_QUANTITY))
                })
            >
                <input type="hidden" name="variant_id" value=id />
                <label class="os-visually-hidden" for=field_id.clone()>{t(Msg::Quantity)}</label>
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
                <button class="os-cart-line__update" type="submit">{t(Msg::Update)}</button>
            </form>
            <form
                class="os-cart-line__remove"
                method="post"
                action=remove_action
                on:submit=enhance(on_remove, move || id)
            >
                <input type="hidden" name="variant_id" value=id />
                <button class="os-cart-line__remove-button" type="submit" aria-label=format!("{} — {}", t(Msg::Remove), line.product_name)>
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
