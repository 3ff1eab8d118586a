//! `/cart`: the lines, totals and what happened to the cart (a merge at
//! sign-in, a reduced quantity). Rendered by the server with no wasm of its
//! own: plain forms, which `nav.js` posts in place (`data-swap`), and the
//! page follows changes made elsewhere through the header's live cart.

use crate::api::cart::ClearCart;
use crate::api::load::load;
use crate::seo::PageMeta;
use crate::shopper::{merge_message, use_shopper};
use leptos::prelude::*;
use leptos::server_fn::ServerFn;
use leptos_router::hooks::use_query_map;
use omnistore_components::i18n::{t, use_locale, Msg};
use omnistore_components::model::{format_distance, Cart, MergeReport, PickupPlan, StoreRef};
use omnistore_components::store_card::ready_text;
use omnistore_components::{CartLine, CartSummary, CouponForm};

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
    // The pickup promise and a better store. Keyed on nothing (a resource
    // whose source reads the session resource deadlocks SSR).
    let plan = load(|| (), |_| crate::api::checkout::get_checkout());
    let shopper = use_shopper();
    let error = super::refusal_from_query();
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
            {move || Suspend::new({
                let error = error.clone();
                async move {
                    let plan = plan.await.ok().and_then(|v| v.pickup);
                    let session = shopper.loaded().await;
                    match session {
                        Some(s) => cart_view(s.cart, s.my_store, plan, error).into_any(),
                        None => view! { <super::ErrorPage /> }.into_any(),
                    }
                }
            })}
        </Suspense>
    }
}

/// The lines, the pickup promise and the totals, as the server has them.
/// Their forms change nothing but the cart, so they are marked `data-swap`
/// (`nav.js` posts them and shows this page again in place); the header's
/// count follows through the live cart stream, whose changes (from this
/// page, another tab or another device) also bring this page again
/// (`data-cart-version`, see `nav.js`).
fn cart_view(
    cart: Cart,
    my_store: Option<StoreRef>,
    plan: Option<PickupPlan>,
    error: Option<String>,
) -> impl IntoView {
    let version = cart.version.to_string();
    let alert = view! {
        <p class="os-auth-form__error" role="alert">
            {error}
        </p>
    };
    if cart.lines.is_empty() {
        return view! {
            <div class="os-cart-page" data-cart-version=version>
                {alert}
                <p class="os-cart__empty">{t(Msg::CartEmpty)}</p>
                <p>
                    <a href="/">{t(Msg::ContinueShopping)}</a>
                </p>
            </div>
        }
        .into_any();
    }
    let store_name = cart
        .pickup_store
        .as_ref()
        .map(|s| s.name.clone())
        .or_else(|| my_store.map(|s| s.name));
    view! {
        <div class="os-cart-page" data-cart-version=version>
            {alert}
            <div class="os-cart">
                <div>
                    <ul class="os-cart__lines" aria-label=t(Msg::CartTitle)>
                        {cart
                            .lines
                            .iter()
                            .cloned()
                            .map(|line| {
                                view! {
                                    <CartLine
                                        line
                                        pickup_store=store_name.clone().unwrap_or_default()
                                        swap=true
                                    />
                                }
                            })
                            .collect_view()}
                    </ul>
                    {plan.map(|p| view! { <PickupPromise plan=p /> })}
                    <StoreSwitchForm back="/cart" />
                    <div class="os-cart__actions">
                        <form method="post" action=ClearCart::url() data-swap="">
                            <button class="os-button os-button--secondary" type="submit">
                                {t(Msg::ClearCart)}
                            </button>
                        </form>
                        <a href="/">{t(Msg::ContinueShopping)}</a>
                    </div>
                </div>
                <div class="os-cart__side">
                    <CouponForm coupon=cart.pricing.coupon.clone() />
                    <CartSummary cart=Signal::stored(cart) />
                    <a class="os-button os-cart__checkout" href="/checkout">
                        {t(Msg::GoToCheckout)}
                    </a>
                </div>
            </div>
        </div>
    }
    .into_any()
}
