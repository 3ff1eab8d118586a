//! Breadcrumbs: where the page sits in the catalog, as an ordered list of
//! links; the last crumb is the current page (`aria-current="page"`).
//!
//! Usage:
//! ```
//! # use leptos::prelude::*;
//! # use omnistore_components::{Breadcrumbs, Crumb};
//! # fn usage() -> impl IntoView {
//! view! { <Breadcrumbs items=vec![Crumb::link("Home", "/"), Crumb::here("Garden")] /> }
//! # }
//! ```
//!
//! Server-side rendering: static markup.

use crate::i18n::{t, Msg};
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

/// One step of the trail.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Crumb {
    pub label: String,
    /// Link target; `None` for the current page.
    pub href: Option<String>,
}

impl Crumb {
    pub fn link(label: impl Into<String>, href: impl Into<String>) -> Self {
        Crumb {
            label: label.into(),
            href: Some(href.into()),
        }
    }

    pub fn here(label: impl Into<String>) -> Self {
        Crumb {
            label: label.into(),
            href: None,
        }
    }
}

#[component]
pub fn Breadcrumbs(
    /// The trail from the home page to the current page.
    items: Vec<Crumb>,
) -> impl IntoView {
    view! {
        <nav class="os-breadcrumbs" aria-label=t(Msg::Breadcrumbs)>
            <ol class="os-breadcrumbs__list">
                {items
                    .into_iter()
                    .map(|c| match c.href {
                        Some(href) => {
                            view! {
                                <li class="os-breadcrumbs__item">
                                    <a href=href>{c.label}</a>
                                </li>
                            }
                                .into_any()
                        }
                        None => {
                            view! {
                                <li class="os-breadcrumbs__item">
                                    <span aria-current="page">{c.label}</span>
                                </li>
                            }
                                .into_any()
                        }
                    })
                    .collect_view()}
            </ol>
        </nav>
    }
}
