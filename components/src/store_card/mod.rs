//! StoreCard: one store in the locator — name (a link to its page), address,
//! distance, today's hours and whether it is open now ("closes in 45 min",
//! "opens tomorrow at 10:00"), services, and "Set as my store".
//!
//! Usage:
//! ```
//! # use leptos::prelude::*;
//! # use omnistore_components::{model::StoreCard as Card, StoreCard};
//! # fn usage(card: Card, sel: Signal<Option<String>>) -> impl IntoView {
//! # let slug = card.slug.clone();
//! let selected = Signal::derive(move || sel.get().as_ref() == Some(&slug));
//! view! { <StoreCard store=card mine=false selected /> }
//! # }
//! ```
//!
//! Server-side rendering: the open/closed text is computed on the server in
//! the store's time zone; "Set as my store" is a plain form posting to
//! `/api/my-store`, enhanced by `on_choose` after hydration. "Show on map" is
//! a button for `on_select`, or with `map_link` a plain link to the marker.

use crate::enhance::enhance;
use crate::i18n::{t, use_locale, Locale, Msg};
use crate::model::{format_distance, LocalMoment, OpenStatus, StoreCard as Card};
use leptos::prelude::*;

/// The weekday's name, 0 = Monday.
pub fn weekday_name(day: u8, locale: Locale) -> &'static str {
    const DAYS: [Msg; 7] = [
        Msg::Monday,
        Msg::Tuesday,
        Msg::Wednesday,
        Msg::Thursday,
        Msg::Friday,
        Msg::Saturday,
        Msg::Sunday,
    ];
    DAYS[day as usize % 7].text(locale)
}

/// "today at 10:00", "tomorrow at 10:00", "Monday at 10:00".
pub fn moment_text(m: &LocalMoment, locale: Locale) -> String {
    let day = match m.days_ahead {
        0 => Msg::Today.text(locale).to_string(),
        1 => Msg::Tomorrow.text(locale).to_string(),
        _ => weekday_name(m.weekday, locale).to_string(),
    };
    format!("{day} {} {}", Msg::At.text(locale), m.time)
}

/// "Ready today from 14:00", "Ready tomorrow from 10:00", "Ready Wednesday from 10:00".
pub fn ready_text(m: &LocalMoment, locale: Locale) -> String {
    let day = match m.days_ahead {
        0 => Msg::Today.text(locale),
        1 => Msg::Tomorrow.text(locale),
        _ => weekday_name(m.weekday, locale),
    };
    format!(
        "{} {day} {} {}",
        Msg::ReadyFrom.text(locale),
        Msg::From.text(locale),
        m.time
    )
}

/// "Open · closes at 21:00", "Open · closes in 45 min", "Closed · opens tomorrow at 10:00".
pub fn status_text(status: &OpenStatus, locale: Locale) -> String {
    match status {
        OpenStatus::Open {
            minutes_left,
            closes,
        } if *minutes_left <= 60 => format!(
            "{} · {} {minutes_left} min",
            Msg::OpenNow.text(locale),
            Msg::ClosesIn.text(locale)
        ),
        OpenStatus::Open { closes, .. } => format!(
            "{} · {} {closes}",
            Msg::OpenNow.text(locale),
            Msg::ClosesAt.text(locale)
        ),
        OpenStatus::Closed { next: Some(m) } => format!(
            "{} · {} {}",
            Msg::ClosedNow.text(locale),
            Msg::Opens.text(locale),
            moment_text(m, locale)
        ),
        OpenStatus::Closed { next: None } => Msg::ClosedNow.text(locale).to_string(),
    }
}

#[component]
pub fn StoreCard(
    /// The store, as the server computed it for now.
    store: Card,
    /// True when this is the shopper's store (shows a badge instead of the button).
    #[prop(optional)]
    mine: bool,
    /// True when selected in the locator (highlighted, in sync with the map).
    #[prop(into, optional)]
    selected: Signal<bool>,
    /// Called when the shopper selects this card (to highlight its marker).
    #[prop(optional)]
    on_select: Option<Callback<String>>,
    /// "Show on map" links to the store's marker of a StoreMap on the page,
    /// which CSS highlights (`:target`, no script), instead of `on_select`.
    #[prop(optional)]
    map_link: bool,
    /// Receives the store slug for "Set as my store" when JavaScript runs.
    #[prop(optional)]
    on_choose: Option<Callback<String>>,
    /// Where the plain form returns after "Set as my store".
    #[prop(into, optional_no_strip)]
    back: Option<String>,
) -> impl IntoView {
    let locale = use_locale();
    let slug = store.slug.clone();
    let choose_slug = slug.clone();
    let select_slug = slug.clone();
    let open = matches!(store.status, OpenStatus::Open { .. });
    let heading_id = format!("os-store-card-{}", store.slug);
    let services: Vec<&'static str> = store
        .services
        .iter()
        .filter_map(|s| match s.as_str() {
            "pickup" => Some(Msg::ServicePickup.text(locale)),
            "kiosk" => Some(Msg::ServiceKiosk.text(locale)),
            _ => None,
        })
        .collect();
    view! {
        <article
            class="os-store-card"
            class:os-store-card--selected=move || selected.get()
            id=format!("store-{slug}")
            aria-labelledby=heading_id.clone()
        >
            <h3 class="os-store-card__name" id=heading_id.clone()>
                <a href=format!("/stores/{slug}")>{store.name.clone()}</a>
            </h3>
            {store
                .distance_m
                .map(|d| view! { <p class="os-store-card__distance">{format_distance(d)}</p> })}
            <p class="os-store-card__address">
                {store.street.clone()}", " {store.postcode.clone()}" " {store.city.clone()}
            </p>
            <p class="os-store-card__status" class:os-store-card__status--open=open>
                {status_text(&store.status, locale)}
            </p>
            <p class="os-store-card__today">
                {t(Msg::TodayHours)}": "
                {match &store.today {
                    Some((o, c)) => format!("{o}–{c}"),
                    None => t(Msg::ClosedAllDay).to_string(),
                }}
                {store.today_note.clone().map(|n| format!(" ({n})"))}
            </p>
            {(!services.is_empty())
                .then(|| view! { <p class="os-store-card__services">{services.join(" · ")}</p> })}
            <div class="os-store-card__actions">
                {match on_select.filter(|_| !map_link) {
                    Some(cb) => Some(view! {
                        <button
                            class="os-store-card__show"
                            type="button"
                            aria-pressed=move || selected.get().to_string()
                            on:click=move |_| cb.run(select_slug.clone())
                        >
                            {t(Msg::ShowOnMap)}
                        </button>
                    }.into_any()),
                    None if map_link => Some(view! {
                        <a class="os-store-card__show" href=format!("#marker-{select_slug}")>
                            {t(Msg::ShowOnMap)}
                        </a>
                    }.into_any()),
                    None => None,
                }}
                {if mine {
                    view! { <p class="os-store-card__mine">{t(Msg::ThisIsMyStore)}</p> }.into_any()
                } else {
                    view! {
                        <form
                            class="os-store-card__choose"
                            method="post"
                            action="/api/my-store"
                            on:submit=enhance(on_choose, move || choose_slug.clone())
                        >
                            <input type="hidden" name="store" value=slug.clone() />
                            {back.map(|b| view! { <input type="hidden" name="back" value=b /> })}
                            <button class="os-button os-button--secondary" type="submit">
                                {t(Msg::SetAsMyStore)}
                                <span class="os-visually-hidden">" — " {store.name.clone()}</span>
                            </button>
                        </form>
                    }
                        .into_any()
                }}
            </div>
        </article>
    }
}
