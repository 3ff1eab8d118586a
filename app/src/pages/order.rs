//! `/orders/{number}`: an order for its owner (or the holder of its guest
//! link): status, pickup store and slot, the pickup code with its QR code,
//! lines and total. Anyone else gets 404, never a hint that it exists.

use super::set_status;
use crate::api::checkout::get_order;
use crate::api::load::load;
use crate::seo::PageMeta;
use leptos::prelude::*;
use leptos_router::hooks::{use_params_map, use_query_map};
use omnistore_components::i18n::{t, use_locale, Locale, Msg};
use omnistore_components::model::{line_label, Fulfilment, Money, OrderStatus};
use omnistore_components::store_card::moment_text;
use omnistore_components::{QrCode, ReturnCard, ReturnForm};

/// The shopper's words for a status.
pub fn status_name(s: OrderStatus, locale: Locale) -> &'static str {
    s.label().text(locale)
}

#[component]
pub fn OrderPage() -> impl IntoView {
    let locale = use_locale();
    let params = use_params_map();
    let query = use_query_map();
    let number = move || params.with(|p| p.get("number").and_then(|n| n.parse::<i64>().ok()));
    let key = move || query.with(|q| q.get("key"));
    let error = super::refusal_from_query();
    let order = load(
        move || (number(), key()),
        |(n, key)| async move {
            match n {
                Some(n) => get_order(n, key).await.ok(),
                None => None,
            }
        },
    );
    view! {
        <Suspense fallback=|| {
            view! { <p>{t(Msg::Loading)}</p> }
        }>
            {move || Suspend::new({
                let error = error.clone();
                async move {
                    let Some(o) = order.await else {
                        set_status(404);
                        return view! {
                            <PageMeta
                                title=t(Msg::OrderTitle).to_string()
                                description=t(Msg::OrderTitle).to_string()
                                canonical="/".to_string()
                            />
                            <h1 class="os-page-title">{t(Msg::OrderTitle)}</h1>
                            <p>{t(Msg::OrderNotFound)}</p>
                            <p>
                                <a href="/login">{t(Msg::SignIn)}</a>
                            </p>
                        }
                            .into_any();
                    };
                    let title = format!("{} #{}", t(Msg::OrderTitle), o.number);
                    let code_label = format!("{} {}", t(Msg::PickupCode), o.pickup_code);
                    let slot = o
                        .slot
                        .clone()
                        .map(|(at, until)| format!("{}–{until}", moment_text(&at, locale)));
                    let code = o.pickup_code.clone();
                    view! {
                        <PageMeta
                            title=title.clone()
                            description=title.clone()
                            canonical=format!("/orders/{}", o.number)
                        />
                        <article class="os-order">
                            <h1 class="os-page-title">{title}</h1>
                            {(o.status == OrderStatus::Placed)
                                .then(|| {
                                    view! {
                                        <p class="os-notice" role="status">
                                            {t(Msg::OrderPlacedThanks)}
                                        </p>
                                    }
                                })}
                            <dl class="os-order__facts">
                                <div>
                                    <dt>{t(Msg::OrderStatusLabel)}</dt>
                                    <dd class="os-order__status" data-status=o.status.as_str()>
                                        {status_name(o.status, locale)}
                                    </dd>
                                </div>
                                <div>
                                    <dt>{t(Msg::PlacedAt)}</dt>
                                    <dd>{o.placed_at.clone()}</dd>
                                </div>
                                <div>
                                    <dt>{t(Msg::Channel)}</dt>
                                    <dd>{o.channel.as_str()}</dd>
                                </div>
                                {o
                                    .pickup_store
                                    .clone()
                                    .map(|s| {
                                        view! {
                                            <div>
                                                <dt>{t(Msg::PickupAtStore)}</dt>
                                                <dd>
                                                    <a href=format!("/stores/{}", s.slug)>{s.name}</a>
                                                </dd>
                                            </div>
                                        }
                                    })}
                                {slot
                                    .map(|slot| {
                                        view! {
                                            <div>
                                                <dt>{t(Msg::Slot)}</dt>
                                                <dd>{slot}</dd>
                                            </div>
                                        }
                                    })}
                                <div>
                                    <dt>{t(Msg::Payment)}</dt>
                                    <dd>
                                        {if o.payment == "paid" {
                                            t(Msg::PaymentPaid)
                                        } else {
                                            t(Msg::PayAtPickup)
                                        }}
                                    </dd>
                                </div>
                            </dl>
                            {(o.pickup_store.is_some() && o.status.is_open())
                                .then(|| {
                                    view! {
                                        <section
                                            class="os-order__pickup"
                                            aria-labelledby="os-order-code"
                                        >
                                            <h2 id="os-order-code">
                                                {t(Msg::PickupCode)}": "
                                                <span class="os-order__code">{code}</span>
                                            </h2>
                                            <p>{t(Msg::ShowCodeAtCounter)}</p>
                                            <QrCode
                                                path=o.qr_path.clone()
                                                size=o.qr_size
                                                label=code_label
                                            />
                                        </section>
                                    }
                                })}
                            <ul class="os-order__lines">
                                {o
                                    .lines
                                    .iter()
                                    .map(|l| {
                                        let label = line_label(
                                            l.quantity,
                                            &l.product_name,
                                            &l.variant_label,
                                        );
                                        view! {
                                            <li>
                                                {label} " — "
                                                {match l.fulfilment {
                                                    Fulfilment::Delivery => t(Msg::Delivery),
                                                    Fulfilment::Pickup => t(Msg::PickupAtStore),
                                                }} " · " {l.unit_price.format(locale)}
                                            </li>
                                        }
                                    })
                                    .collect_view()}
                            </ul>
                            {o
                                .delivery_address
                                .clone()
                                .map(|a| {
                                    view! {
                                        <p>
                                            {t(Msg::DeliveryAddress)}": " {a.street}", " {a.postcode}" "
                                            {a.city}
                                        </p>
                                    }
                                })}
                            {o
                                .discounts
                                .iter()
                                .map(|(name, minor)| {
                                    let off = Money {
                                        minor: -minor,
                                        currency: o.total.currency,
                                    };
                                    view! {
                                        <p class="os-order__discount">
                                            {name.clone()}": " {off.format(locale)}
                                        </p>
                                    }
                                })
                                .collect_view()}
                            {(o.points_redeemed > 0)
                                .then(|| {
                                    view! {
                                        <p class="os-order__points">
                                            {t(Msg::PointsUsed)}": " {o.points_redeemed}
                                        </p>
                                    }
                                })}
                            <p class="os-order__total">
                                {t(Msg::Total)}": " {o.total.format(locale)}
                            </p>
                            {returns_section(&o, key(), error)}
                        </article>
                    }
                        .into_any()
                }
            })}
        </Suspense>
    }
}

/// The order's returns, and the form that starts one while some lines can
/// still be returned; `error` is why the last one was refused.
fn returns_section(
    o: &omnistore_components::model::OrderView,
    order_key: Option<String>,
    error: Option<String>,
) -> impl IntoView {
    let form = (!o.returnable.is_empty()).then(|| {
        view! {
            <section class="os-order__return" aria-labelledby="os-return-title">
                <h2 id="os-return-title">{t(Msg::ReturnTitle)}</h2>
                {error
                    .map(|e| {
                        view! {
                            <p class="os-checkout__problem" role="alert">
                                {e}
                            </p>
                        }
                    })}
                <ReturnForm
                    number=o.number
                    lines=o.returnable.clone()
                    until=o.return_until.clone().unwrap_or_default()
                    at_store_only=o.return_at_store_only
                    form_key=o.form_key.clone()
                    order_key
                />
            </section>
        }
    });
    let list = (!o.returns.is_empty()).then(|| {
        view! {
            <section class="os-order__returns" aria-labelledby="os-returns-title">
                <h2 id="os-returns-title">{t(Msg::ReturnsTitle)}</h2>
                {o.returns.iter().map(|r| view! { <ReturnCard ret=r.clone() /> }).collect_view()}
            </section>
        }
    });
    view! {
        {list}
        {form}
    }
}
