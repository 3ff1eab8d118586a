//! `/staff/{store}/orders`: the store's pickup desk. Staff (a role on the
//! account) see open orders by slot and move them along: ready, collected,
//! or cancelled. Each move notifies the customer through the outbox.
//!
//! The desk is the server's markup and each move a plain form: the server
//! answers it with the desk as it is now (with `?error=` when refused), and
//! `nav.js` posts the forms marked `data-swap` and shows that page in place,
//! so the desk needs no wasm of its own.

use super::set_status;
use crate::api::checkout::{get_staff_desk, StaffDesk, StaffMoveOrder, StaffTill};
use crate::api::load::load;
use crate::api::returns::StaffAcceptReturn;
use crate::pages::order::status_name;
use crate::seo::PageMeta;
use leptos::prelude::*;
use leptos::server_fn::ServerFn;
use leptos_router::hooks::use_params_map;
use omnistore_components::i18n::{t, use_locale, Msg};
use omnistore_components::model::OrderStatus;
use omnistore_components::store_card::moment_text;

#[component]
pub fn StaffOrdersPage() -> impl IntoView {
    let params = use_params_map();
    let query = leptos_router::hooks::use_query_map();
    let store = move || params.with(|p| p.get("store").unwrap_or_default());
    let desk = load(
        move || (store(), query.with(|q| q.get("return"))),
        |(store, code)| get_staff_desk(store, code),
    );
    let error = super::refusal_from_query();
    view! {
        <PageMeta
            title=t(Msg::StaffOrdersTitle).to_string()
            description=t(Msg::StaffOrdersTitle).to_string()
            canonical="/".to_string()
        />
        <Transition fallback=|| {
            view! { <p>{t(Msg::Loading)}</p> }
        }>
            {move || Suspend::new({
                let error = error.clone();
                async move {
                    let d = match desk.await {
                        Ok(d) => d,
                        Err(_) => {
                            set_status(403);
                            return view! {
                                <h1 class="os-page-title">{t(Msg::StaffOrdersTitle)}</h1>
                                <p>{t(Msg::StaffOnly)}</p>
                                <p>
                                    <a href=format!(
                                        "/login?next=/staff/{}/orders",
                                        store(),
                                    )>{t(Msg::SignIn)}</a>
                                </p>
                            }
                                .into_any();
                        }
                    };
                    view! { <Desk desk=d error /> }.into_any()
                }
            })}
        </Transition>
    }
}

/// The desk's orders and their moves.
#[component]
fn Desk(
    /// The store and its open orders.
    desk: StaffDesk,
    /// Why the last move was refused, worded.
    error: Option<String>,
) -> impl IntoView {
    let locale = use_locale();
    let slug = desk.store.slug.clone();
    view! {
        <h1 class="os-page-title">{t(Msg::StaffOrdersTitle)}" — " {desk.store.name.clone()}</h1>
        {error
            .map(|e| {
                view! {
                    <p class="os-checkout__problem" role="alert">
                        {e}
                    </p>
                }
            })}
        {till_form(slug.clone(), desk.till_key.clone())}
        <DeskReturns store=slug.clone() found=desk.found.clone() />
        {desk.orders.is_empty().then(|| view! { <p>{t(Msg::NoStoreOrders)}</p> })}
        <table class="os-staff">
            <thead>
                <tr>
                    <th scope="col">"#"</th>
                    <th scope="col">{t(Msg::Slot)}</th>
                    <th scope="col">{t(Msg::Customer)}</th>
                    <th scope="col">{t(Msg::PickupCode)}</th>
                    <th scope="col">{t(Msg::OrderStatusLabel)}</th>
                    <th scope="col">{t(Msg::Total)}</th>
                    <th scope="col">
                        <span class="os-visually-hidden">"Actions"</span>
                    </th>
                </tr>
            </thead>
            <tbody>
                {desk
                    .orders
                    .into_iter()
                    .map(|o| {
                        let actions: Vec<(OrderStatus, Msg)> = [
                            (OrderStatus::Ready, Msg::MarkReady),
                            (OrderStatus::Collected, Msg::MarkCollected),
                            (OrderStatus::Cancelled, Msg::CancelOrder),
                        ]
                            .into_iter()
                            .filter(|(to, _)| o.status.can_move_to(*to))
                            .collect();
                        let slug = slug.clone();
                        view! {
                            <tr data-order=o.number>
                                <td>{o.number}</td>
                                <td>
                                    {o
                                        .slot
                                        .clone()
                                        .map(|(at, until)| {
                                            format!("{}–{until}", moment_text(&at, locale))
                                        })}
                                </td>
                                <td>{o.name.clone()}</td>
                                <td class="os-staff__code">{o.pickup_code.clone()}</td>
                                <td>{status_name(o.status, locale)}</td>
                                <td>{o.total.format(locale)}</td>
                                <td class="os-staff__actions">
                                    {actions
                                        .into_iter()
                                        .map(|(to, label)| {
                                            move_form(slug.clone(), o.number, to, label)
                                        })
                                        .collect_view()}
                                </td>
                            </tr>
                        }
                    })
                    .collect_view()}
            </tbody>
        </table>
    }
}

/// One button that moves an order on (ready, collected, cancelled): a plain
/// form that `nav.js` posts in place (`data-swap`).
fn move_form(store: String, number: i64, to: OrderStatus, label: Msg) -> impl IntoView {
    view! {
        <form class="os-staff__form" method="post" action=StaffMoveOrder::url() data-swap="">
            <input type="hidden" name="store" value=store />
            <input type="hidden" name="number" value=number />
            <input type="hidden" name="to" value=to.as_str() />
            <button
                class="os-button os-button--secondary"
                type="submit"
                aria-label=format!("{} #{}", t(label), number)
            >
                {t(label)}
            </button>
        </form>
    }
}

/// A purchase at the till, for the customer whose loyalty code is scanned
/// (a scanner types it into the focused field and presses Enter). What
/// happened comes back in the address (`?till=earned.spent.balance.repeated`).
fn till_form(store: String, key: String) -> impl IntoView {
    let locale = use_locale();
    let done = leptos_router::hooks::use_query_map()
        .with_untracked(|q| q.get("till"))
        .and_then(|t| {
            let n: Vec<i64> = t
                .split('.')
                .map(|x| x.parse().ok())
                .collect::<Option<_>>()?;
            match n[..] {
                [_, _, _, 1] => Some(Msg::TillRepeated.text(locale).to_string()),
                [earned, spent, balance, 0] => Some(Msg::TillDone.fill(
                    locale,
                    &[
                        ("earned", &earned.to_string()),
                        ("redeemed", &spent.to_string()),
                        ("balance", &balance.to_string()),
                    ],
                )),
                _ => None,
            }
        });
    view! {
        <section class="os-staff__till" aria-labelledby="os-staff-till">
            <h2 id="os-staff-till">{t(Msg::TillTitle)}</h2>
            {done
                .map(|d| {
                    view! {
                        <p class="os-notice" role="status">
                            {d}
                        </p>
                    }
                })}
            <form class="os-staff__till-form" method="post" action=StaffTill::url()>
                <input type="hidden" name="store" value=store />
                <input type="hidden" name="key" value=key />
                <label class="os-field" for="os-till-code">
                    <span class="os-field__label">{t(Msg::TillCode)}</span>
                    <input
                        class="os-field__control"
                        id="os-till-code"
                        name="code"
                        autocomplete="off"
                        required
                    />
                </label>
                <label class="os-field" for="os-till-amount">
                    <span class="os-field__label">{t(Msg::TillAmount)}</span>
                    <input
                        class="os-field__control"
                        id="os-till-amount"
                        name="amount"
                        inputmode="decimal"
                        required
                    />
                </label>
                <label class="os-field" for="os-till-points">
                    <span class="os-field__label">{t(Msg::TillPoints)}</span>
                    <input
                        class="os-field__control"
                        id="os-till-points"
                        name="points"
                        type="number"
                        min="0"
                        value="0"
                    />
                </label>
                <button class="os-button" type="submit">
                    {t(Msg::TillRecord)}
                </button>
            </form>
        </section>
    }
}

/// Returns at the desk: scan or type a return code, see what comes back,
/// accept it (a plain form). What happened comes back in the address
/// (`?accepted=code&refund=minor&state=…&again=0|1`).
#[component]
fn DeskReturns(
    /// The desk's store slug.
    store: String,
    /// The return looked up, or why there is none.
    found: Option<Result<omnistore_components::model::ReturnView, String>>,
) -> impl IntoView {
    use omnistore_components::model::Money;
    let locale = use_locale();
    let query = leptos_router::hooks::use_query_map();
    let done = query.with_untracked(|q| {
        let code = q.get("accepted")?;
        let refund = Money::pln(q.get("refund")?.parse().ok()?).format(locale);
        let state = q.get("state")?;
        let again = q.get("again").as_deref() == Some("1");
        let mut lines = vec![if again {
            Msg::DeskReturnAgain.text(locale).to_string()
        } else {
            Msg::DeskReturnDone.fill(locale, &[("code", &code)])
        }];
        let money = match state.as_str() {
            "counter" => Some(Msg::DeskReturnPay),
            "refunded" => Some(Msg::DeskReturnRefunded),
            "pending" => Some(Msg::DeskReturnPending),
            _ => None,
        };
        lines.extend(money.map(|m| m.fill(locale, &[("amount", &refund)])));
        Some(lines.join(" "))
    });
    let action = format!("/staff/{store}/orders");
    view! {
        <section class="os-staff__returns" aria-labelledby="os-staff-returns">
            <h2 id="os-staff-returns">{t(Msg::DeskReturnsTitle)}</h2>
            {done
                .map(|d| {
                    view! {
                        <p class="os-notice" role="status">
                            {d}
                        </p>
                    }
                })}
            <form class="os-staff__return-find" method="get" action=action>
                <label class="os-field" for="os-return-code">
                    <span class="os-field__label">{t(Msg::DeskReturnCode)}</span>
                    <input
                        class="os-field__control"
                        id="os-return-code"
                        name="return"
                        autocomplete="off"
                        autocapitalize="characters"
                        required
                    />
                </label>
                <button class="os-button os-button--secondary" type="submit">
                    {t(Msg::DeskReturnFind)}
                </button>
            </form>
            {found
                .map(|found| match found {
                    Err(e) => {
                        view! {
                            <p class="os-checkout__problem" role="alert">
                                {e}
                            </p>
                        }
                            .into_any()
                    }
                    Ok(r) => found_return(store.clone(), r).into_any(),
                })}
        </section>
    }
}

/// A looked-up return: its lines and, unless it was accepted and refunded,
/// the button that accepts it (again: retries a pending refund).
fn found_return(store: String, r: omnistore_components::model::ReturnView) -> impl IntoView {
    use omnistore_components::model::ReturnMethod;
    let locale = use_locale();
    let heading = Msg::DeskReturnOf.fill(
        locale,
        &[("code", &r.code), ("number", &r.order.to_string())],
    );
    let accept = Msg::DeskReturnAccept.fill(locale, &[("amount", &r.refund.format(locale))]);
    let retry = !r.accepted || r.refund_state == omnistore_components::model::RefundState::Pending;
    view! {
        <article class="os-staff__return" data-return=r.code.clone()>
            <h3>{heading}</h3>
            <ul>
                {r
                    .lines
                    .iter()
                    .map(|l| {
                        view! {
                            <li>
                                {omnistore_components::model::line_label(
                                    l.quantity,
                                    &l.product_name,
                                    &l.variant_label,
                                )}
                            </li>
                        }
                    })
                    .collect_view()}
            </ul>
            {(r.method == ReturnMethod::Courier)
                .then(|| view! { <p>{t(Msg::DeskReturnCourier)}</p> })}
            {r.accepted.then(|| view! { <p>{t(Msg::DeskReturnAgain)}</p> })}
            {retry
                .then(|| {
                    view! {
                        <form method="post" action=StaffAcceptReturn::url()>
                            <input type="hidden" name="store" value=store />
                            <input type="hidden" name="code" value=r.code.clone() />
                            <button class="os-button" type="submit">
                                {accept}
                            </button>
                        </form>
                    }
                })}
        </article>
    }
}
