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
use leptos_router::hooks::use_query_map;
use omnistore_components::i18n::{t, use_locale, Msg};
use omnistore_components::model::{line_label, CheckoutView, Fulfilment, Problem};
use omnistore_components::{CartSummary, PickupSlots};

#[component]
pub fn CheckoutPage() -> impl IntoView {
    let view_data = load(|| (), |_| get_checkout());
    let query = use_query_map();
    // Worded here, on the server: the island gets the words, not the code.
    let error = move || {
        query
            .with_untracked(|q| q.get("error"))
            .and_then(|c| Problem::code_text(&c, use_locale()))
            .map(String::from)
    };
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
            {move || Suspend::new(async move {
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
                    Ok(v) => view! { <CheckoutForm data=v error=error() /> }.into_any(),
                    Err(_) => view! { <ErrorPage /> }.into_any(),
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
                    <label class="os-field">
                        {t(Msg::Email)}
                        <input
                            type="email"
                            name="email"
                            autocomplete="email"
                            required
                            value=email
                        />
                    </label>
                    <label class="os-field">
                        {t(Msg::Name)}
                        <input
                            type="text"
                            name="name"
                            autocomplete="name"
                            required
                            maxlength="100"
                            value=name
                        />
                    </label>
                    <label class="os-field">
                        {t(Msg::Phone)}
                        <input
                            type="tel"
                            name="phone"
                            autocomplete="tel"
                            required
                            value=address.phone.clone()
                        />
                    </label>
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
                                <label class="os-field">
                                    {t(Msg::Street)}
                                    <input
                                        type="text"
                                        name="street"
                                        autocomplete="street-address"
                                        required
                                        value=address.street.clone()
                                    />
                                </label>
                                <label class="os-field">
                                    {t(Msg::Postcode)}
                                    <input
                                        type="text"
                                        name="postcode"
                                        autocomplete="postal-code"
                                        required
                                        value=address.postcode.clone()
                                    />
                                </label>
                                <label class="os-field">
                                    {t(Msg::City)}
                                    <input
                                        type="text"
                                        name="city"
                                        autocomplete="address-level2"
                                        required
                                        value=address.city.clone()
                                    />
                                </label>
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
