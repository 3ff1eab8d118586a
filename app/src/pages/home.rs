//! `/`: featured categories and products.

use super::{ErrorPage, ProductGrid};
use crate::api::load::load;
use crate::api::{get_categories, get_home};
use crate::seo::PageMeta;
use leptos::prelude::*;
use omnistore_components::i18n::{t, use_locale, Msg};
use omnistore_components::model::{image_url, Category};
use omnistore_components::RecommendationBlock;

#[component]
pub fn HomePage() -> impl IntoView {
    let locale = use_locale();
    let home = load(|| (), move |_| get_home(locale));
    let categories = load(|| (), move |_| get_categories(locale));
    view! {
        <PageMeta title=t(Msg::Tagline) description=t(Msg::HomeMetaDescription) canonical="/" />
        <section class="os-hero">
            <h1 class="os-hero__title">{t(Msg::Tagline)}</h1>
        </section>
        <Suspense fallback=|| {
            view! { <p>{t(Msg::Loading)}</p> }
        }>
            {move || Suspend::new(async move {
                match (categories.await, home.await) {
                    (Ok(categories), Ok(home)) => {
                        view! {
                            <section aria-labelledby="os-home-categories">
                                <h2 id="os-home-categories">{t(Msg::FeaturedCategories)}</h2>
                                <ul class="os-category-tiles">
                                    {categories.into_iter().map(category_tile).collect_view()}
                                </ul>
                            </section>
                            {home
                                .recommendations
                                .into_iter()
                                .map(|block| view! { <RecommendationBlock block /> })
                                .collect_view()}
                            <section aria-labelledby="os-home-featured">
                                <h2 id="os-home-featured">{t(Msg::FeaturedProducts)}</h2>
                                <ProductGrid products=home.featured />
                            </section>
                        }
                            .into_any()
                    }
                    _ => view! { <ErrorPage /> }.into_any(),
                }
            })}
        </Suspense>
    }
}

/// A category on the home page: its drawing, name and how many products.
fn category_tile(c: Category) -> impl IntoView {
    view! {
        <li class="os-category-tile">
            <a href=format!("/c/{}", c.slug)>
                <img src=image_url(&c.icon, 0, "1f5f3a") alt="" width="96" height="96" />
                <span class="os-category-tile__name">{c.name}</span>
                <span class="os-category-tile__count">
                    {Msg::ProductsCount.count(c.product_count, use_locale())}
                </span>
            </a>
        </li>
    }
}
