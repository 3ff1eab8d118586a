//! `/cart`: the lines, totals and what happened to the cart (a merge at
//! sign-in, a reduced quantity, changes waiting for the network). Works as
//! plain forms without JavaScript; with it, changes apply without reloads.

use crate::api::load::load;
use crate::seo::PageMeta;
use crate::shopper::{merge_message, use_shopper};
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;
use omnistore_components::i18n::{t, use_locale, Msg};
use omnistore_components::model::{format_distance, PickupPlan};
use omnistore_components::model::{CartOp, MergeReport};
use omnistore_components::store_card::ready_text;
use omnistore_components::{CartLine, CartSummary};

/// The id of the form that "Pick up there" submits. Its button sits in the
/// pickup promise, which on the checkout page is inside the checkout form;
/// HTML has no nested forms, so the switch form lives outside and the
/// button names it (`form=`).
const STORE_SWITCH_FORM: &str = "os-store-switch";

/// "Ready tomorrow from 10:00 at …", and the nearest store with everything
/// when ours lacks something. A page showing it also renders
/// [`StoreSwitchForm`], outside any other form.
#[component]
pub fn PickupPromise(
    /// The cart's pickup plan.
    plan: PickupPlan,
) -> impl IntoView {
    let locale = use_locale();
    let promise = match &plan.earliest {
        Some(s) => format!(
            "{} — {} {}",
            ready_text(&s.at, locale),
            t(Msg::PickupAtStore),
            plan.store.name
        ),
        None => t(Msg::NoSlots).to_string(),
    };
    view! {
        <div class="os-pickup-promise" role="status">
            <p class="os-pickup-promise__when">{promise}</p>
            {(!plan.missing.is_empty()).then(|| view! { <p>{t(Msg::StoreLacks)}</p> })}
            {plan
                .alternative
                .map(|(store, d)| {
                    view! {
                        <p class="os-pickup-promise__switch">
                            <span>
                                {format!(
                                    "{} ({}) {}.",
                                    store.name,
                                    format_distance(d),
                                    t(Msg::HasEverything),
                                )}
                            </span>
                            " "
                            <button
                                class="os-button os-button--secondary"
                                type="submit"
                                form=STORE_SWITCH_FORM
                                name="store"
                                value=store.slug.clone()
                            >
                                {t(Msg::SwitchStore)}
                            </button>
                        </p>
                    }
                })}
        </div>
    }
}

/// The form a [`PickupPromise`]'s "Pick up there" button submits (a plain
/// post: the page comes back with the new store's plan).
#[component]
pub fn StoreSwitchForm(
    /// The page to come back to.
    back: &'static str,
) -> impl IntoView {
    view! {
        <form id=STORE_SWITCH_FORM method="post" action="/api/my-store" hidden>
            <input type="hidden" name="back" value=back />
        </form>
    }
}

#[component]
pub fn CartPage() -> impl IntoView {
    let locale = use_locale();
    let query = use_query_map();
    let merged = move || {
        query
            .with(|q| q.get("merged"))
            .and_then(|m| MergeReport::from_query(&m))
            .map(|r| merge_message(&r, locale))
    };
    // The pickup promise and a better store: loaded with the page and handed
    // to the island, which asks again when the cart changes. Keyed on
    // nothing (a resource whose source reads the session resource
    // deadlocks SSR).
    let plan = load(|| (), |_| crate::api::checkout::get_checkout());
    view! {
        <PageMeta
            title=t(Msg::CartTitle).to_string()
            description=t(Msg::CartTitle).to_string()
            canonical="/cart".to_string()
        />
        <h1 class="os-page-title">{t(Msg::CartTitle)}</h1>
        {move || {
            merged()
                .map(|m| {
                    view! {
                        <p class="os-notice" role="status">
                            {m}
                        </p>
                    }
                })
        }}
        <Suspense fallback=|| {
            view! { <p>{t(Msg::Loading)}</p> }
        }>
            {move || Suspend::new(async move {
                let plan = plan.await.ok().and_then(|v| v.pickup);
                view! { <CartIsland plan /> }
            })}
        </Suspense>
    }
}

/// The lines, the pickup promise and the totals, following every change
/// (an island).
#[island(lazy)]
fn CartIsland(
    /// The pickup plan the page was rendered with.
    plan: Option<PickupPlan>,
) -> impl IntoView {
    crate::shopper::island_context(None);
    let shopper = use_shopper();
    let set = Callback::new(move |(variant_id, fulfilment, quantity)| {
        shopper.apply(CartOp::Set {
            variant_id,
            quantity,
            fulfilment,
        })
    });
    let remove = Callback::new(move |(variant_id, fulfilment)| {
        shopper.apply(CartOp::Remove {
            variant_id,
            fulfilment,
        })
    });
    let switch = Callback::new(move |(variant_id, from, to)| {
        shopper.apply(CartOp::Move {
            variant_id,
            from,
            to,
        })
    });
    let plan = RwSignal::new(plan);
    // A changed cart may change the promise (browser only: effects do not
    // run on the server).
    Effect::new(move |prev: Option<i64>| {
        let version = shopper.cart().version;
        if prev.is_some_and(|p| p != version) {
            leptos::task::spawn_local(async move {
                if let Ok(view) = crate::api::checkout::get_checkout().await {
                    plan.set(view.pickup);
                }
            });
        }
        version
    });
    view! {
        <p
            class="os-notice"
            role="status"
            aria-live="polite"
            hidden=move || shopper.notice.get().is_none() || shopper.drawer.get()
        >
            {move || shopper.notice.get()}
        </p>
        <Transition fallback=|| {
            view! { <p>{t(Msg::Loading)}</p> }
        }>
            {move || {
                let cart = shopper.cart();
                if cart.lines.is_empty() && shopper.item_count() == 0 {
                    return view! {
                        <p class="os-cart__empty">{t(Msg::CartEmpty)}</p>
                        <p>
                            <a href="/">{t(Msg::ContinueShopping)}</a>
                        </p>
                    }
                        .into_any();
                }
                let store_name = cart
                    .pickup_store
                    .as_ref()
                    .map(|s| s.name.clone())
                    .or_else(|| shopper.my_store().map(|s| s.name));
                view! {
                    <div class="os-cart">
                        <div>
                            <ul class="os-cart__lines" aria-label=t(Msg::CartTitle)>
                                {cart
                                    .lines
                                    .into_iter()
                                    .map(|line| {
                                        let pickup_store = store_name.clone();
                                        view! {
                                            <CartLine
                                                line
                                                on_set=set
                                                on_remove=remove
                                                on_move=switch
                                                pickup_store=pickup_store.unwrap_or_default()
                                            />
                                        }
                                    })
                                    .collect_view()}
                            </ul>
                            {move || plan.get().map(|p| view! { <PickupPromise plan=p /> })}
                            <StoreSwitchForm back="/cart" />
                            <div class="os-cart__actions">
                                <form
                                    method="post"
                                    action="/api/cart/clear"
                                    on:submit=move |ev| {
                                        ev.prevent_default();
                                        shopper.apply(CartOp::Clear);
                                    }
                                >
                                    <button class="os-button os-button--secondary" type="submit">
                                        {t(Msg::ClearCart)}
                                    </button>
                                </form>
                                <a href="/">{t(Msg::ContinueShopping)}</a>
                            </div>
                        </div>
                        <div class="os-cart__side">
                            <CartSummary cart=Signal::derive(move || shopper.cart()) />
                            <a class="os-button os-cart__checkout" href="/checkout">
                                {t(Msg::GoToCheckout)}
                            </a>
                        </div>
                    </div>
                }
                    .into_any()
            }}
        </Transition>
    }
}
