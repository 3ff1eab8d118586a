//! `/kiosk/{store}`: the kiosk's attract screen (or, on a device not yet
//! started, the staff PIN that starts it), and `/kiosk/{store}/shop`: the
//! store-first catalog with the scan field.

use super::set_status;
use crate::api::kiosk::{get_kiosk, KioskStaff};
use crate::api::load::load;
use crate::kiosk::{staff_error, PinField, ScanInput};
use crate::layout::categories;
use crate::seo::PageMeta;
use leptos::prelude::*;
use leptos::server_fn::ServerFn;
use leptos_router::hooks::{use_params_map, use_query_map};
use omnistore_components::i18n::{t, use_locale, Msg};
use omnistore_components::model::ScanError;

#[component]
pub fn KioskPage() -> impl IntoView {
    let params = use_params_map();
    let query = use_query_map();
    let store = move || params.with(|p| p.get("store").unwrap_or_default());
    let state = load(store, get_kiosk);
    let staff_problem = move || {
        query.with(|q| match q.get("staff").as_deref() {
            Some("wrong") => Some(t(Msg::KioskWrongPin)),
            Some("throttled") => Some(t(Msg::KioskThrottled)),
            _ => None,
        })
    };
    view! {
        <PageMeta
            title="Kiosk".to_string()
            description=t(Msg::KioskWelcome).to_string()
            canonical="/".to_string()
        />
        <Suspense fallback=|| {
            view! { <p>{t(Msg::Loading)}</p> }
        }>
            {move || Suspend::new(async move {
                match state.await {
                    Ok(Some(k)) if k.bound => {
                        view! {
                            <section
                                class="os-kiosk-attract"
                                aria-labelledby="os-kiosk-attract-title"
                            >
                                <h1 id="os-kiosk-attract-title" class="os-kiosk-attract__title">
                                    {k.settings.store.name.clone()}
                                </h1>
                                <p class="os-kiosk-attract__text">{t(Msg::KioskWelcome)}</p>
                                <a
                                    class="os-kiosk-attract__start"
                                    href=format!("/kiosk/{}/shop", k.settings.store.slug)
                                >
                                    {t(Msg::KioskTouchToStart)}
                                </a>
                            </section>
                        }
                            .into_any()
                    }
                    Ok(Some(k)) => {
                        view! {
                            <section class="os-kiosk-start">
                                <h1>{k.settings.store.name.clone()}</h1>
                                {if k.settings.has_pin {
                                    start_form(
                                            k.settings.store.slug.clone(),
                                            staff_problem().map(str::to_string),
                                        )
                                        .into_any()
                                } else {
                                    view! {
                                        <p>
                                            {t(Msg::KioskNoPin)}" "{k.settings.store.slug.clone()}
                                        </p>
                                    }
                                        .into_any()
                                }}
                            </section>
                        }
                            .into_any()
                    }
                    Ok(None) => {
                        set_status(404);
                        view! { <super::not_found::NotFound detail=t(Msg::NoStoresFound) /> }
                            .into_any()
                    }
                    Err(_) => view! { <super::ErrorPage /> }.into_any(),
                }
            })}
        </Suspense>
    }
}

/// Staff start kiosk mode on this device with the store's PIN: a plain
/// form (the page must be loaded anew as the kiosk's anyway), which a wrong
/// PIN sends back here with `?staff=`, worded as `problem`.
fn start_form(store: String, problem: Option<String>) -> impl IntoView {
    view! {
        <p>{t(Msg::KioskNotStarted)}</p>
        <form class="os-kiosk-staff" method="post" action=KioskStaff::url()>
            <input type="hidden" name="store" value=store />
            <input type="hidden" name="action" value="start" />
            <PinField />
            {staff_error(move || problem.clone())}
            <button class="os-kiosk-bar__button" type="submit">
                {t(Msg::KioskStartKiosk)}
            </button>
        </form>
    }
}

/// The store-first catalog: scan, then the store's shelves by category, or
/// everything (the endless aisle) for pickup later or delivery.
#[component]
pub fn KioskShopPage() -> impl IntoView {
    let locale = use_locale();
    let params = use_params_map();
    let query = use_query_map();
    let store = move || params.with(|p| p.get("store").unwrap_or_default());
    // Only a reason a scan gives is shown: a link cannot make the kiosk say
    // words of its own.
    let problem = move || {
        query.with(|q| {
            let p = ScanError::from_code(&q.get("problem")?)?.text(locale);
            Some(match q.get("code").filter(|c| !c.is_empty()) {
                Some(code) => format!("{code}: {p}"),
                None => p.to_string(),
            })
        })
    };
    view! {
        <PageMeta
            title="Kiosk".to_string()
            description=t(Msg::KioskWelcome).to_string()
            canonical="/".to_string()
        />
        <h1 class="os-kiosk-shop__title">{t(Msg::KioskOnShelf)}</h1>
        <form
            class="os-kiosk-shop__scan"
            action=move || format!("/kiosk/{}/scan", store())
            method="get"
        >
            <label for="os-kiosk-shop-scan">{t(Msg::KioskScanLabel)}</label>
            <ScanInput id="os-kiosk-shop-scan" autofocus=true />
            <button class="os-kiosk-bar__button" type="submit">
                {t(Msg::KioskFind)}
            </button>
        </form>
        {loyalty_card(query.with_untracked(|q| q.get("loyalty")), super::refusal_from_query())}
        {move || {
            problem()
                .map(|p| {
                    view! {
                        <p class="os-kiosk-shop__problem" role="alert">
                            {p}
                        </p>
                    }
                })
        }}
        <Suspense fallback=|| view! { <p>{t(Msg::Loading)}</p> }>
            <ul class="os-kiosk-shop__categories">
                {categories(|c| {
                    view! {
                        <li class="os-kiosk-shop__category">
                            <a class="os-kiosk-shop__shelf" href=format!("/c/{}?mystore=1", c.slug)>
                                <span class="os-kiosk-shop__name">{c.name.clone()}</span>
                                <span class="os-kiosk-shop__hint">{t(Msg::KioskOnShelf)}</span>
                            </a>
                            <a class="os-kiosk-shop__all" href=format!("/c/{}", c.slug)>
                                {t(Msg::KioskEverything)}
                            </a>
                        </li>
                    }
                })}
            </ul>
        </Suspense>
    }
}

/// A scanned loyalty card (`?loyalty=`): one button signs its customer in
/// and shows their points; a code nobody has comes back with `?error=`.
fn loyalty_card(card: Option<String>, error: Option<String>) -> impl IntoView {
    let card = card.and_then(|c| omnistore_components::model::parse_loyalty_code(&c));
    view! {
        {error
            .map(|e| {
                view! {
                    <p class="os-kiosk-shop__problem" role="alert">
                        {e}
                    </p>
                }
            })}
        {card
            .map(|code| {
                view! {
                    <form
                        class="os-kiosk-shop__loyalty"
                        method="post"
                        action=crate::api::kiosk::KioskLoyalty::url()
                    >
                        <p>{t(Msg::KioskLoyaltyFound)}</p>
                        <input type="hidden" name="code" value=code />
                        <button class="os-kiosk-bar__button" type="submit">
                            {t(Msg::KioskLoyaltySignIn)}
                        </button>
                    </form>
                }
            })}
    }
}
