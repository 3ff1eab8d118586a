//! PickupSlots: choose a pickup slot — radio buttons grouped by day, the
//! earliest chosen; full slots are never offered.
//!
//! Usage:
//! ```
//! # use leptos::prelude::*;
//! # use omnistore_components::{model::PickupPlan, PickupSlots};
//! # fn usage(plan: PickupPlan) -> impl IntoView {
//! view! { <PickupSlots slots=plan.slots /> }
//! # }
//! ```
//!
//! Server-side rendering: plain radio inputs named `slot` (unix seconds), so
//! a checkout form works without JavaScript.

use crate::i18n::{t, use_locale, Msg};
use crate::model::PickupSlot;
use crate::store_card::moment_text;
use leptos::prelude::*;

#[component]
pub fn PickupSlots(
    /// Free slots, earliest first.
    slots: Vec<PickupSlot>,
    /// Form field name.
    #[prop(default = "slot")]
    name: &'static str,
) -> impl IntoView {
    let locale = use_locale();
    let first = slots.first().map(|s| s.starts_at);
    let mut days: Vec<(String, Vec<PickupSlot>)> = Vec::new();
    for s in slots {
        let day = moment_text(&s.at, locale);
        let day = day
            .rsplit_once(' ')
            .and_then(|(d, _)| d.rsplit_once(' '))
            .map(|(d, _)| d.to_string())
            .unwrap_or(day);
        match days.last_mut() {
            Some((d, list)) if *d == day => list.push(s),
            _ => days.push((day, vec![s])),
        }
    }
    view! {
        <fieldset class="os-pickup-slots">
            <legend class="os-pickup-slots__legend">{t(Msg::PickupTime)}</legend>
            {days
                .into_iter()
                .map(|(day, list)| {
                    view! {
                        <fieldset class="os-pickup-slots__day">
                            <legend class="os-pickup-slots__day-name">{day}</legend>
                            {list
                                .into_iter()
                                .map(|s| {
                                    view! {
                                        <label class="os-pickup-slots__slot">
                                            <input
                                                type="radio"
                                                name=name
                                                value=s.starts_at.to_string()
                                                checked=first == Some(s.starts_at)
                                                required
                                            />
                                            {format!("{}–{}", s.at.time, s.until)}
                                        </label>
                                    }
                                })
                                .collect_view()}
                        </fieldset>
                    }
                })
                .collect_view()}
        </fieldset>
    }
}
