//! AddToCart: a form that adds a variant to the cart. Without JavaScript it
//! posts to `action` (the server answers with a redirect back to the page);
//! with JavaScript `on_add` gets the variant and quantity and the page stays.
//!
//! Usage:
//! ```
//! # use leptos::prelude::*;
//! # use omnistore_components::{model::{Fulfilment, VariantId}, AddToCart};
//! # fn usage(
//! #     selected_id: Signal<VariantId>,
//! #     cart_add: Callback<(VariantId, u32, Fulfilment)>,
//! # ) -> impl IntoView {
//! view! { <AddToCart variant_id=selected_id with_quantity=true on_add=Some(cart_add) /> }
//! # }
//! ```
//!
//! With `pickup_store` (the shopper's store) the form offers "Delivery" or
//! "Pick up at {store}" (radio buttons, delivery first).
//!
//! Server-side rendering: a real `<form method="post">` with the variant in a
//! hidden field, so it works before (or without) hydration.

use crate::enhance::{enhance, input_value};
use crate::i18n::{t, Msg};
use crate::model::{Fulfilment, VariantId, MAX_LINE_QUANTITY};
use leptos::html;
use leptos::prelude::*;

#[component]
pub fn AddToCart(
    /// The variant to add.
    #[prop(into)]
    variant_id: Signal<VariantId>,
    /// Form endpoint used when JavaScript is off.
    #[prop(default = "/api/cart/add")]
    action: &'static str,
    /// Receives (variant, quantity, fulfilment) when JavaScript runs; the form is then not posted.
    #[prop(optional_no_strip)]
    on_add: Option<Callback<(VariantId, u32, Fulfilment)>>,
    /// Name of the shopper's store: offers pickup there besides delivery.
    #[prop(into, optional)]
    pickup_store: Signal<Option<String>>,
    /// True when the variant cannot be sold now; the button is disabled.
    #[prop(into, optional)]
    unavailable: Signal<bool>,
    /// Show a quantity field (product page); otherwise one unit is added (cards).
    #[prop(optional)]
    with_quantity: bool,
    /// Product name, so that a card's button is "Add Teak chair to cart" to screen readers.
    #[prop(optional_no_strip)]
    product_name: Option<String>,
) -> impl IntoView {
    let quantity: NodeRef<html::Input> = NodeRef::new();
    let pickup: NodeRef<html::Input> = NodeRef::new();
    let label = product_name.map(|n| format!("{} — {n}", t(Msg::AddToCart)));
    let field_id = move || format!("os-add-to-cart-qty-{}", variant_id.get());
    view! {
        <form
            class="os-add-to-cart"
            method="post"
            action=action
            on:submit=enhance(
                on_add,
                move || {
                    let n = input_value(quantity)
                        .parse::<u32>()
                        .unwrap_or(1)
                        .clamp(1, MAX_LINE_QUANTITY);
                    let how = if pickup.get_untracked().is_some_and(|p| p.checked()) {
                        Fulfilment::Pickup
                    } else {
                        Fulfilment::Delivery
                    };
                    (variant_id.get_untracked(), n, how)
                },
            )
        >
            {move || {
                pickup_store
                    .get()
                    .map(|store| {
                        view! {
                            <fieldset class="os-add-to-cart__how">
                                <legend class="os-visually-hidden">{t(Msg::HowToGetIt)}</legend>
                                {how_option(Fulfilment::Delivery, t(Msg::Delivery).into(), None)}
                                {how_option(
                                    Fulfilment::Pickup,
                                    format!("{} {store}", t(Msg::PickUpAt)),
                                    Some(pickup),
                                )}
                            </fieldset>
                        }
                    })
            }}
            <input
                type="hidden"
                name="variant_id"
                prop:value=move || variant_id.get().to_string()
                value=move || variant_id.get().to_string()
            />
            {if with_quantity {
                view! {
                    <label class="os-add-to-cart__label" for=field_id>
                        {t(Msg::Quantity)}
                    </label>
                    <input
                        class="os-add-to-cart__quantity"
                        id=field_id
                        node_ref=quantity
                        type="number"
                        name="quantity"
                        inputmode="numeric"
                        min="1"
                        max=MAX_LINE_QUANTITY.to_string()
                        value="1"
                        required
                    />
                }
                    .into_any()
            } else {
                view! { <input type="hidden" name="quantity" value="1" /> }.into_any()
            }}
            <button
                class="os-button os-add-to-cart__button"
                type="submit"
                disabled=move || unavailable.get()
                aria-label=label
            >
                {t(Msg::AddToCart)}
            </button>
        </form>
    }
}

/// One way to get the item: delivery (chosen at first) or pickup, whose
/// input `node_ref` lets the browser read the choice.
fn how_option(
    how: Fulfilment,
    label: String,
    node_ref: Option<NodeRef<html::Input>>,
) -> impl IntoView {
    view! {
        <label class="os-add-to-cart__option">
            <input
                type="radio"
                name="fulfilment"
                value=how.as_str()
                checked=how == Fulfilment::Delivery
                node_ref=node_ref.unwrap_or_default()
            />
            {label}
        </label>
    }
}
