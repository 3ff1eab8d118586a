//! `/checkout`: contact, pickup slot for pickup lines, address for delivery
//! lines, payment, and "Place order". One plain form, rendered by the server
//! with no wasm of its own: placing the order leads to the order's page (the
//! header's cart with it, so the browser loads it), a refusal comes back here
//! with `?error=`, worded. Its hidden idempotency key makes a double submit
//! one order.

use super::ErrorPage;
use crate::api::checkout::{get_checkout, PlaceOrder};
use crate::api::load::load;
use crate::pages::cart::{PickupPromise, StoreSwitchForm};
use crate::seo::PageMeta;
use leptos::prelude::*;
use leptos::server_fn::ServerFn;
use omnistore_components::address_form::{CITY, PHONE, POSTCODE, STREET};
use omnistore_components::field::Input;
use omnistore_components::i18n::{t, Msg};
use omnistore_components::model::{line_label, CheckoutView, Fulfilment};
use omnistore_components::{CartSummary, CouponForm, Field, PickupSlots};

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
                        Ok(v) => checkout_form(v, error).into_any(),
                        Err(_) => view! { <ErrorPage /> }.into_any(),
                    }
                }
            })}
        </Suspense>
    }
}

/// The checkout form (`data`: cart, pickup plan, customer and a fresh key;
/// `error`: why the last try came back, worded).
fn checkout_form(data: CheckoutView, error: Option<String>) -> impl IntoView {
    let has_pickup = data.cart.has(Fulfilment::Pickup);
    let has_delivery = data.cart.has(Fulfilment::Delivery);
    let (email, name) = data.customer.clone().unwrap_or_default();
    let address = data.addresses.first().cloned().unwrap_or_default();
    let cart = data.cart.clone();
    view! {
        <div class="os-checkout">
            <form class="os-checkout__form" method="post" action=PlaceOrder::url()>
                <input type="hidden" name="key" value=data.key.clone() />
                <input type="hidden" name="channel" value="web" />
                // What the shopper was shown: another total is not charged.
                <input type="hidden" name="total" value=data.cart.total().minor.to_string() />
                <p class="os-checkout__problem" role="alert">
                    {error}
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
                {points_field(data.points_balance, data.cart.total().minor)}
                <button class="os-button os-checkout__place" type="submit">
                    {t(Msg::PlaceOrder)}
                </button>
            </form>
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
                {cart.pricing.coupon.clone().map(|c| view! { <CouponForm coupon=Some(c) /> })}
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

/// "Use points": for a customer holding some, at most what the rules let
/// this order take (the server checks again).
fn points_field(balance: i64, to_pay: i64) -> Option<impl IntoView> {
    let max = omnistore_components::model::redeemable(to_pay, balance);
    let locale = omnistore_components::i18n::use_locale();
    (max > 0).then(|| {
        view! {
            <fieldset class="os-checkout__section">
                <legend>{t(Msg::PointsTitle)}</legend>
                <label class="os-field" for="os-checkout-points">
                    <span class="os-field__label">
                        {Msg::PointsUse
                            .fill(
                                locale,
                                &[("points", &balance.to_string()), ("max", &max.to_string())],
                            )}
                    </span>
                    <input
                        class="os-field__control"
                        id="os-checkout-points"
                        name="points"
                        type="number"
                        inputmode="numeric"
                        min="0"
                        max=max.to_string()
                        value="0"
                    />
                </label>
            </fieldset>
        }
    })
}
