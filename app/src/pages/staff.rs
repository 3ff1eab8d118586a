//! `/staff/{store}/orders`: the store's pickup desk. Staff (a role on the
//! account) see open orders by slot and move them along: ready, collected,
//! or cancelled. Each move notifies the customer through the outbox.

use super::set_status;
use crate::api::checkout::{get_staff_desk, StaffMoveOrder};
use crate::api::load::load;
use crate::pages::order::status_name;
use crate::seo::PageMeta;
use crate::shopper::error_text;
use leptos::form::ActionForm;
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;
use omnistore_components::i18n::{t, use_locale, Msg};
use omnistore_components::model::OrderStatus;
use omnistore_components::store_card::moment_text;

#[component]
pub fn StaffOrdersPage() -> impl IntoView {
    let params = use_params_map();
    let store = move || params.with(|p| p.get("store").unwrap_or_default());
    // Keyed on the store only; the desk island loads it again after a move.
    let desk = load(store, get_staff_desk);
    view! {
        <PageMeta
            title=t(Msg::StaffOrdersTitle).to_string()
            description=t(Msg::StaffOrdersTitle).to_string()
            canonical="/".to_string()
        />
        <Transition fallback=|| {
            view! { <p>{t(Msg::Loading)}</p> }
        }>
            {move || Suspend::new(async move {
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
                view! { <StaffDeskIsland desk=d /> }.into_any()
            })}
        </Transition>
    }
}

/// The desk's orders and their moves; after each move the desk is loaded
/// again (an island).
#[island(lazy)]
fn StaffDeskIsland(
    /// The store and its open orders, as the page was rendered with.
    desk: crate::api::checkout::StaffDesk,
) -> impl IntoView {
    crate::shopper::island_context(None);
    let locale = use_locale();
    let moved = ServerAction::<StaffMoveOrder>::new();
    let store = desk.store.slug.clone();
    let desk = RwSignal::new(desk);
    Effect::new(move |prev: Option<usize>| {
        let version = moved.version().get();
        if prev.is_some_and(|p| p != version) {
            let store = store.clone();
            leptos::task::spawn_local(async move {
                if let Ok(now) = get_staff_desk(store).await {
                    desk.set(now);
                }
            });
        }
        version
    });
    move || {
        let d = desk.get();
        let slug = d.store.slug.clone();
        view! {
            <h1 class="os-page-title">{t(Msg::StaffOrdersTitle)}" — " {d.store.name.clone()}</h1>
            <p class="os-checkout__problem" role="alert">
                {move || moved.value().get().and_then(|r| r.err()).map(|e| error_text(&e))}
            </p>
            {d.orders.is_empty().then(|| view! { <p>{t(Msg::NoStoreOrders)}</p> })}
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
                    {d
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
                                                move_form(moved, slug.clone(), o.number, to, label)
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
}

/// One button that moves an order on (ready, collected, cancelled); a plain
/// form without JavaScript.
fn move_form(
    moved: ServerAction<StaffMoveOrder>,
    store: String,
    number: i64,
    to: OrderStatus,
    label: Msg,
) -> impl IntoView {
    view! {
        <ActionForm action=moved attr:class="os-staff__form">
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
        </ActionForm>
    }
}
