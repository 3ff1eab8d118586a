//! OpeningHours: a store's usual week as a table with today highlighted, and
//! the upcoming dates that differ (holidays).
//!
//! Usage:
//! ```
//! # use leptos::prelude::*;
//! # use omnistore_components::{model::StoreDetail, OpeningHours};
//! # fn usage(detail: StoreDetail) -> impl IntoView {
//! view! { <OpeningHours week=detail.week exceptions=detail.exceptions /> }
//! # }
//! ```
//!
//! Server-side rendering: static markup; "today" is the store's today, in
//! its own time zone, as computed by the server.

use crate::i18n::{t, use_locale, Msg};
use crate::model::{HoursException, WeekDay};
use crate::store_card::weekday_name;
use leptos::prelude::*;

#[component]
pub fn OpeningHours(
    /// Monday to Sunday.
    week: Vec<WeekDay>,
    /// Upcoming dates with other hours.
    #[prop(optional)]
    exceptions: Vec<HoursException>,
) -> impl IntoView {
    let locale = use_locale();
    let hours = move |h: &Option<(String, String)>| match h {
        Some((o, c)) => format!("{o}–{c}"),
        None => t(Msg::ClosedAllDay).to_string(),
    };
    view! {
        <div class="os-opening-hours">
            <table class="os-opening-hours__week">
                <caption class="os-opening-hours__caption">{t(Msg::OpeningHours)}</caption>
                <tbody>
                    {week
                        .into_iter()
                        .map(|d| {
                            let text = hours(&d.hours);
                            view! {
                                <tr
                                    class="os-opening-hours__day"
                                    class:os-opening-hours__day--today=d.today
                                    aria-current=d.today.then_some("date")
                                >
                                    <th scope="row">
                                        {weekday_name(d.weekday, locale)}
                                        {d
                                            .today
                                            .then(|| {
                                                view! {
                                                    <span class="os-opening-hours__today">
                                                        " (" {t(Msg::Today)} ")"
                                                    </span>
                                                }
                                            })}
                                    </th>
                                    <td>{text}</td>
                                </tr>
                            }
                        })
                        .collect_view()}
                </tbody>
            </table>
            {(!exceptions.is_empty())
                .then(|| {
                    view! {
                        <h3 class="os-opening-hours__subheading">{t(Msg::SpecialHours)}</h3>
                        <ul class="os-opening-hours__exceptions">
                            {exceptions
                                .into_iter()
                                .map(|e| {
                                    let text = hours(&e.hours);
                                    view! {
                                        <li>
                                            <time datetime=e.date.clone()>{e.date.clone()}</time>
                                            " — "
                                            {e.note}
                                            ": "
                                            {text}
                                        </li>
                                    }
                                })
                                .collect_view()}
                        </ul>
                    }
                })}
        </div>
    }
}
