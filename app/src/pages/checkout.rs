//! `/checkout`: contact, pickup slot for pickup lines, address for delivery
//! lines, payment, and "Place order". One form that works without
//! JavaScript; its hidden idempotency key makes a double submit one order.

use super::ErrorPage;
use crate::api::checkout::{get_checkout, PlaceOrder};
use crate::api::load::load;
use crate::pages::cart::{PickupPromise, StoreSwitchForm};
use crate::seo::PageMeta;
use crate::shopper::{error_text, use_shopper};
use leptos::form::ActionForm;
use leptos::prelude::*;
use omnistore_components::address_form::{CITY, PHONE, POSTCODE, STREET};
use omnistore_components::field::Input;
use omnistore_components::i18n::{t, Msg};
use omnistore_components::model::{line_label, CheckoutView, Fulfilment};
use omnistore_components::{CartSummary, Field, PickupSlots};

#[component]
pub fn CheckoutPage() -> impl IntoView {
    let view_data = load(|| (), |_| get_checkout());
    // Worded here, on the server: the island gets the words, not the code.
    let error = super::refusal_from_query();
    view! {
        <PageMeta
            title=t(Msg::CheckoutTitle).to_string()
            description=t(Msg::CheckoutTitle).to_string()
            canonical="/checkout".to_string()
        />
        <h1 class="os-page-title">{t(Msg::CheckoutTitle)}</h1>
        <Suspense fallback=|| {
            view! { <p>{t(Msg::Loading)}</p> }
        }>
            {move || Suspend::new({
                let error = error.clone();
                async move {
                    match view_data.await {
                        Ok(v) if v.cart.lines.is_empty() => {
                            view! {
                                <p>{t(Msg::CartEmpty)}</p>
                                <p>
                                    <a href="/">{t(Msg::ContinueShopping)}</a>
                                </p>
                            }
                                .into_any()
                        }
                        Ok(v) => view! { <CheckoutForm data=v error /> }.into_any(),
                        Err(_) => view! { <ErrorPage /> }.into_any(),
                    }
                }
            })}
        </Suspense>
    }
}

/// The checkout form; placing the order leads to the order's page (an
/// island).
#[island(lazy)]
fn CheckoutForm(
    /// Cart, pickup plan, customer and a fresh key.
    data: CheckoutView,
    /// Why a checkout posted without JavaScript came back (`?error=`, worded).
    error: Option<String>,
) -> impl IntoView {
    crate::shopper::island_context(None);
    let shopper = use_shopper();
    let place = ServerAction::<PlaceOrder>::new();
    let go = crate::navigator();
    Effect::new(move |_| {
        if let Some(Ok(link)) = place.value().get() {
            shopper.refresh();
            go(&link.href);
        }
    });
    let problem = move || {
        place
            .value()
            .get()
            .and_then(|r| r.err())
            .map(|e| error_text(&e))
            .or_else(|| error.clone())
    };
    let has_pickup = data.cart.has(Fulfilment::Pickup);
    let has_delivery = data.cart.has(Fulfilment::Delivery);
    let (email, name) = data.customer.clone().unwrap_or_default();
    let address = data.addresses.first().cloned().unwrap_or_default();
    let cart = data.cart.clone();
    view! {
        <div class="os-checkout">
            <ActionForm action=place attr:class="os-checkout__form">
                <input type="hidden" name="key" value=data.key.clone() />
                <input type="hidden" name="channel" value="web" />
                <p class="os-checkout__problem" role="alert">
                    {problem}
                </p>
                <fieldset class="os-checkout__section">
                    <legend>{t(Msg::Contact)}</legend>
                    {fields([
                        (Input::EMAIL, email),
                        (Input::NAME, name),
                        (PHONE, address.phone.clone()),
                    ])}
                </fieldset>
                {has_pickup
                    .then(|| match data.pickup.clone() {
                        Some(plan) => {
                            let slots = plan.slots.clone();
                            view! {
                                <section
                                    class="os-checkout__section"
                                    aria-labelledby="os-checkout-pickup"
                                >
                                    <h2 id="os-checkout-pickup">
                                        {t(Msg::PickupAtStore)}" " {plan.store.name.clone()}
                                    </h2>
                                    <PickupPromise plan />
                                    <PickupSlots slots />
                                </section>
                            }
                                .into_any()
                        }
                        None => {
                            view! {
                                <p class="os-checkout__problem" role="alert">
                                    {t(Msg::ChooseStoreFirst)}
                                    " "
                                    <a href="/stores">{t(Msg::FindAStore)}</a>
                                </p>
                            }
                                .into_any()
                        }
                    })}
                {has_delivery
                    .then(|| {
                        view! {
                            <fieldset class="os-checkout__section">
                                <legend>{t(Msg::DeliveryAddress)}</legend>
                                {fields([
                                    (STREET, address.street.clone()),
                                    (POSTCODE, address.postcode.clone()),
                                    (CITY, address.city.clone()),
                                ])}
                            </fieldset>
                        }
                    })}
                <fieldset class="os-checkout__section">
                    <legend>{t(Msg::Payment)}</legend>
                    {if data.pay_at_pickup {
                        view! { <p>{t(Msg::PayAtPickup)}</p> }.into_any()
                    } else {
                        view! {
                            <label class="os-checkout__option">
                                <input type="radio" name="payment" value="card-ok" checked />
                                {t(Msg::TestCardOk)}
                            </label>
                            <label class="os-checkout__option">
                                <input type="radio" name="payment" value="card-decline" />
                                {t(Msg::TestCardDecline)}
                            </label>
                        }
                            .into_any()
                    }}
                </fieldset>
                <button
                    class="os-button os-checkout__place"
                    type="submit"
                    disabled=move || place.pending().get()
                >
                    {move || {
                        if place.pending().get() {
                            t(Msg::PlacingOrder)
                        } else {
                            t(Msg::PlaceOrder)
                        }
                    }}
                </button>
            </ActionForm>
            <StoreSwitchForm back="/checkout" />
            <aside class="os-checkout__summary">
                <ul class="os-checkout__lines">
                    {cart
                        .lines
                        .iter()
                        .map(|l| {
                            view! {
                                <li>
                                    {line_label(l.quantity, &l.product_name, &l.variant_label)}
                                    " — "
                                    {match l.fulfilment {
                                        Fulfilment::Delivery => t(Msg::Delivery),
                                        Fulfilment::Pickup => t(Msg::PickUpAt),
                                    }}
                                </li>
                            }
                        })
                        .collect_view()}
                </ul>
                <CartSummary cart=Signal::stored(cart.clone()) />
            </aside>
        </div>
    }
}

/// The form's text fields, prefilled from the account and its last address.
fn fields(list: [(Input, String); 3]) -> impl IntoView {
    list.map(|(input, value)| {
        let id = format!("os-checkout-{}", input.name());
        view! { <Field id input value /> }
    })
}
