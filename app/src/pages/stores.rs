//! `/stores` (the locator) and `/stores/{store}` (one store's page).

use super::ErrorPage;
use crate::api::load::load;
use crate::api::stores::{find_stores, get_store, set_my_store};
use crate::pages::not_found::NotFound;
use crate::seo::PageMeta;
use crate::shopper::use_shopper;
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::hooks::{use_params_map, use_query_map};
use omnistore_components::i18n::{t, use_locale, Locale, Msg};
use omnistore_components::model::{encode_query_value, OpenStatus, StoreDetail};
use omnistore_components::store_card::status_text;
use omnistore_components::{OpeningHours, StoreLocator};

#[component]
pub fn StoresPage() -> impl IntoView {
    let query = use_query_map();
    let q = move || query.with(|m| m.get("q").unwrap_or_default());
    let near = move || query.with(|m| m.get("near"));
    let found = load(
        move || (q(), near()),
        |(q, near)| find_stores(Some(q), near),
    );
    view! {
        <PageMeta
            title=t(Msg::StoresTitle).to_string()
            description=t(Msg::StoresIntro).to_string()
            canonical="/stores".to_string()
        />
        <h1 class="os-page-title">{t(Msg::StoresTitle)}</h1>
        <p>{t(Msg::StoresIntro)}</p>
        <Transition fallback=|| {
            view! { <p>{t(Msg::Loading)}</p> }
        }>
            {move || Suspend::new(async move {
                match found.await {
                    Ok(stores) => locator(stores).into_any(),
                    Err(e) => {
                        view! {
                            <super::BadRequest reason=e
                                .to_string()
                                .trim_start_matches("error running server function: ")
                                .to_string() />
                        }
                            .into_any()
                    }
                }
            })}
        </Transition>
    }
}

/// The locator as the server renders it, with no wasm of its own: cards and
/// markers select each other by links, "Set as my store" is a plain form
/// that comes back here with `?done=store` (it changes the header, so the
/// browser loads the page), and only "Use my location" is an island, loaded
/// when the shopper comes near it.
fn locator(stores: Vec<omnistore_components::model::StoreCard>) -> impl IntoView {
    let shopper = use_shopper();
    let query = use_query_map();
    let (q, near, done) = query.with_untracked(|m| (m.get("q"), m.get("near"), m.get("done")));
    let back = {
        let pair = |k: &str, v: &Option<String>| {
            v.as_deref()
                .map(|v| format!("{k}={}&", encode_query_value(v)))
                .unwrap_or_default()
        };
        format!("/stores?{}{}done=store", pair("q", &q), pair("near", &near))
    };
    let message = if done.as_deref() == Some("store") {
        Some(t(Msg::MyStoreSet).to_string())
    } else if stores.is_empty() {
        Some(t(Msg::NoStoresFound).to_string())
    } else {
        None
    };
    view! {
        <StoreLocator
            stores=Signal::stored(stores)
            query=Signal::stored(q.unwrap_or_default())
            my_store=Signal::derive(move || shopper.my_store().map(|s| s.slug))
            message=Signal::stored(message)
            plain=true
            back=back
        >
            <os-intent>
                <LocateIsland />
            </os-intent>
        </StoreLocator>
    }
}

/// "Use my location" and what came of it: asks the browser where the
/// shopper is and goes to the stores nearest to it.
#[island(lazy)]
fn LocateIsland() -> impl IntoView {
    crate::shopper::island_context(None);
    let message = RwSignal::new(None::<String>);
    let go = crate::navigator();
    view! {
        <div class="os-store-locator__locate-row">
            <button
                class="os-button os-button--secondary os-store-locator__locate"
                type="button"
                on:click=move |_| locate(message, go.clone())
            >
                {t(Msg::UseMyLocation)}
            </button>
            <p class="os-store-locator__message" role="status" aria-live="polite">
                {move || message.get()}
            </p>
        </div>
    }
}

/// Asks the browser where the shopper is and lists the nearest stores.
fn locate(message: RwSignal<Option<String>>, go: crate::Navigator) {
    message.set(Some(t(Msg::Locating).to_string()));
    #[cfg(feature = "hydrate")]
    {
        use wasm_bindgen::prelude::*;
        use wasm_bindgen::JsCast;
        let Some(geo) = web_sys::window().and_then(|w| w.navigator().geolocation().ok()) else {
            message.set(Some(t(Msg::LocationUnavailable).to_string()));
            return;
        };
        let ok = Closure::once_into_js(move |pos: web_sys::Position| {
            let c = pos.coords();
            message.set(None);
            go(&format!(
                "/stores?near={:.4},{:.4}",
                c.latitude(),
                c.longitude()
            ));
        });
        let err = Closure::once_into_js(move |e: web_sys::PositionError| {
            let msg = if e.code() == web_sys::PositionError::PERMISSION_DENIED {
                Msg::LocationDenied
            } else {
                Msg::LocationUnavailable
            };
            message.set(Some(t(msg).to_string()));
        });
        if geo
            .get_current_position_with_error_callback(ok.unchecked_ref(), Some(err.unchecked_ref()))
            .is_err()
        {
            message.set(Some(t(Msg::LocationUnavailable).to_string()));
        }
    }
    #[cfg(not(feature = "hydrate"))]
    let _ = go;
}

#[component]
pub fn StorePage() -> impl IntoView {
    let params = use_params_map();
    let locale = use_locale();
    let slug = move || params.with(|p| p.get("store").unwrap_or_default());
    let store = load(slug, get_store);
    view! {
        <Suspense fallback=|| {
            view! { <p>{t(Msg::Loading)}</p> }
        }>
            {move || Suspend::new(async move {
                match store.await {
                    Ok(Some(d)) => store_view(d, locale).into_any(),
                    Ok(None) => view! { <NotFound detail=t(Msg::NoStoresFound) /> }.into_any(),
                    Err(_) => view! { <ErrorPage /> }.into_any(),
                }
            })}
        </Suspense>
    }
}

/// "Set as my store", or that it is (an island: it follows the session).
#[island(lazy)]
fn MyStoreIsland(
    /// The store's slug.
    slug: String,
) -> impl IntoView {
    crate::shopper::island_context(None);
    let shopper = use_shopper();
    let done = RwSignal::new(false);
    let mine = slug.clone();
    let is_mine = move || shopper.my_store().is_some_and(|s| s.slug == mine) || done.get();
    let choose = {
        let slug = slug.clone();
        move |ev: leptos::ev::SubmitEvent| {
            ev.prevent_default();
            let slug = slug.clone();
            spawn_local(async move {
                if set_my_store(slug, None).await.is_ok() {
                    done.set(true);
                    shopper.refresh();
                }
            });
        }
    };
    move || {
        if is_mine() {
            view! {
                <p class="os-store-page__mine" role="status">
                    {t(Msg::ThisIsMyStore)}
                </p>
            }
            .into_any()
        } else {
            view! {
                <form method="post" action="/api/my-store" on:submit=choose.clone()>
                    <input type="hidden" name="store" value=slug.clone() />
                    <button class="os-button" type="submit">
                        {t(Msg::SetAsMyStore)}
                    </button>
                </form>
            }
            .into_any()
        }
    }
}

/// A store's own page: status now, address, services, time zone and hours.
fn store_view(d: StoreDetail, locale: Locale) -> impl IntoView {
    let c = d.card.clone();
    let services: Vec<&str> = c
        .services
        .iter()
        .filter_map(|s| match s.as_str() {
            "pickup" => Some(t(Msg::ServicePickup)),
            "kiosk" => Some(t(Msg::ServiceKiosk)),
            _ => None,
        })
        .collect();
    let open = matches!(c.status, OpenStatus::Open { .. });
    let description = format!("{}, {} {}", c.street, c.postcode, c.city);
    let phone_link = format!("tel:{}", c.phone.replace(' ', ""));
    view! {
        <PageMeta
            title=c.name.clone()
            description=description
            canonical=format!("/stores/{}", c.slug)
        />
        <article class="os-store-page">
            <h1 class="os-page-title">{c.name.clone()}</h1>
            <p class="os-store-page__status" class:os-store-page__status--open=open>
                {status_text(&c.status, locale)}
            </p>
            <div class="os-store-page__grid">
                <div>
                    <h2>{t(Msg::StoreAddress)}</h2>
                    <address class="os-store-page__address">
                        {c.street.clone()}<br />{c.postcode.clone()}" " {c.city.clone()}<br />
                        <a href=phone_link>{c.phone.clone()}</a>
                    </address>
                    <h2>{t(Msg::StoreServices)}</h2>
                    <p>{services.join(" · ")}</p>
                    <p class="os-store-page__tz">{t(Msg::TimeZone)}": " {d.timezone.clone()}</p>
                    <MyStoreIsland slug=c.slug.clone() />
                </div>
                <OpeningHours week=d.week.clone() exceptions=d.exceptions.clone() />
            </div>
            <p>
                <a href="/stores">{t(Msg::FindAStore)}</a>
            </p>
        </article>
    }
}
