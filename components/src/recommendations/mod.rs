//! Recommendations: a titled row of product cards whose heading says why
//! they are shown ("Often bought together with …", "Because you bought …",
//! "Popular at …", "New in …").
//!
//! Usage:
//! ```
//! # use leptos::prelude::*;
//! # use omnistore_components::{model::{Recommendations, Why}, RecommendationBlock};
//! # fn usage() -> impl IntoView {
//! let block = Recommendations { why: Why::PopularAt { store: "Kraków Rynek".into() }, products: vec![] };
//! view! { <RecommendationBlock block /> }
//! # }
//! ```
//!
//! Server-side rendering: markup only, no island, and no "Add to cart" on
//! its cards (each leads to its product's page). Its headings are the server's words (left out
//! of the browser's tables): render it on the server.

use crate::i18n::{use_locale, Msg};
use crate::model::{Recommendations, Why};
use crate::ProductCard;
use leptos::prelude::*;

#[component]
pub fn RecommendationBlock(
    /// The products and why they are shown.
    block: Recommendations,
) -> impl IntoView {
    let locale = use_locale();
    let (kind, heading) = match &block.why {
        Why::BoughtTogether { product } => (
            "together",
            Msg::RecBoughtTogether.fill(locale, &[("product", product)]),
        ),
        Why::BecauseYouBought { product } => (
            "because",
            Msg::RecBecause.fill(locale, &[("product", product)]),
        ),
        Why::PopularAt { store } => (
            "popular",
            Msg::RecPopularAt.fill(locale, &[("store", store)]),
        ),
        Why::NewIn { category } => ("new", Msg::RecNewIn.fill(locale, &[("category", category)])),
    };
    let id = format!("os-recs-{kind}");
    let labelled_by = id.clone();
    view! {
        <section class="os-recs" aria-labelledby=labelled_by data-why=kind>
            <h2 class="os-recs__title" id=id>
                {heading}
            </h2>
            <ul class="os-grid os-recs__grid">
                {block
                    .products
                    .into_iter()
                    .map(|product| {
                        view! {
                            <li>
                                <ProductCard product links_only=true />
                            </li>
                        }
                    })
                    .collect_view()}
            </ul>
        </section>
    }
}
