//! `/c/{category}`: 24 products a page, sort and filters, all in the URL.

use super::{BadRequest, ErrorPage, ProductGrid};
use crate::api::get_listing;
use crate::api::load::load;
use crate::pages::not_found::NotFound;
use crate::seo::PageMeta;
use crate::shopper::use_shopper;
use leptos::prelude::*;
use leptos_router::components::Form;
use leptos_router::hooks::{use_params_map, use_query_map};
use omnistore_components::i18n::{t, use_locale, Msg};
use omnistore_components::model::{page_count, ListingQuery, Sort};
use omnistore_components::{Breadcrumbs, Crumb, Pagination};

#[component]
pub fn CategoryPage() -> impl IntoView {
    let locale = use_locale();
    let params = use_params_map();
    let query_map = use_query_map();
    let slug = move || params.with(|p| p.get("category").unwrap_or_default());
    let query = Memo::new(move |_| {
        query_map.with(|q| ListingQuery::from_pairs(q.into_iter().map(|(k, v)| (k.as_ref(), v))))
    });
    let listing = load(
        move || (slug(), query.get()),
        move |(slug, query)| async move {
            match query {
                Ok(q) => get_listing(locale, slug, q).await.map(|l| l.map(Ok)),
                Err(e) => Ok(Some(Err(e.to_string()))),
            }
        },
    );
    view! {
        <Suspense fallback=|| {
            view! { <p>{t(Msg::Loading)}</p> }
        }>
            {move || Suspend::new(async move {
                match listing.await {
                    Ok(Some(Ok(listing))) => {
                        let q = query.get_untracked().unwrap_or_default();
                        let slug = listing.category.slug.clone();
                        let pages = page_count(listing.total);
                        let base = format!("/c/{slug}");
                        let canonical = {
                            let qs = q.to_query_string();
                            if qs.is_empty() { base.clone() } else { format!("{base}?{qs}") }
                        };
                        let href = {
                            let (base, q) = (base.clone(), q.clone());
                            Callback::new(move |p: u32| {
                                let qs = q.with_page(p).to_query_string();
                                if qs.is_empty() { base.clone() } else { format!("{base}?{qs}") }
                            })
                        };
                        let empty = listing.products.is_empty();
                        view! {
                            <PageMeta
                                title=listing.category.name.clone()
                                description=listing.category.description.clone()
                                canonical
                            />
                            <Breadcrumbs items=vec![
                                Crumb::link(t(Msg::Home), "/"),
                                Crumb::here(listing.category.name.clone()),
                            ] />
                            <h1>{listing.category.name.clone()}</h1>
                            <p class="os-listing__count" data-total=listing.total>
                                {Msg::ProductsCount.count(listing.total, use_locale())}
                                {(pages > 1)
                                    .then(|| {
                                        format!(
                                            " · {} {} {} {}",
                                            t(Msg::Page),
                                            q.page,
                                            t(Msg::Of),
                                            pages,
                                        )
                                    })}
                            </p>
                            <Filters action=base.clone() query=q.clone() />
                            {if empty {
                                view! {
                                    <p class="os-listing__empty">{t(Msg::NoProductsInView)}</p>
                                }
                                    .into_any()
                            } else {
                                view! {
                                    <ProductGrid products=listing.products with_heading=true />
                                }
                                    .into_any()
                            }}
                            <Pagination page=q.page pages href />
                        }
                            .into_any()
                    }
                    Ok(Some(Err(reason))) => view! { <BadRequest reason /> }.into_any(),
                    Ok(None) => view! { <NotFound /> }.into_any(),
                    Err(_) => view! { <ErrorPage /> }.into_any(),
                }
            })}
        </Suspense>
    }
}

/// Sort and filter form: a GET form to the listing itself, so it works with
/// JavaScript off and its result is a shareable link. The page resets to 1.
#[component]
fn Filters(
    /// The listing's path.
    action: String,
    /// The view being shown (prefills the fields).
    query: ListingQuery,
) -> impl IntoView {
    let sort_label = |s: Sort| match s {
        Sort::Newest => t(Msg::SortNewest),
        Sort::PriceAsc => t(Msg::SortPriceAsc),
        Sort::PriceDesc => t(Msg::SortPriceDesc),
        Sort::Name => t(Msg::SortName),
    };
    let clear = action.clone();
    view! {
        <section class="os-filters" aria-label=t(Msg::Filters)>
            <Form method="get" action=action>
                <div class="os-filters__row">
                    <label class="os-field">
                        <span class="os-field__label">{t(Msg::SortBy)}</span>
                        <select name="sort" class="os-field__control">
                            {Sort::ALL
                                .into_iter()
                                .map(|s| {
                                    view! {
                                        <option value=s.key() selected=s == query.sort>
                                            {sort_label(s)}
                                        </option>
                                    }
                                })
                                .collect_view()}
                        </select>
                    </label>
                    {price_bound(Msg::PriceFrom, "min", query.min_price)}
                    {price_bound(Msg::PriceTo, "max", query.max_price)}
                    {check_box("stock", query.in_stock, t(Msg::InStockOnline))}
                    {move || {
                        use_shopper()
                            .my_store()
                            .map(|s| {
                                check_box(
                                    "mystore",
                                    query.at_my_store,
                                    format!("{} ({})", t(Msg::AvailableAtMyStoreFilter), s.name),
                                )
                            })
                    }}
                    <button class="os-button" type="submit">
                        {t(Msg::Apply)}
                    </button>
                    <a class="os-filters__clear" href=clear>
                        {t(Msg::ClearFilters)}
                    </a>
                </div>
            </Form>
        </section>
    }
}

/// A price bound of the filters, typed in złoty ("49.99").
fn price_bound(label: Msg, name: &'static str, value: Option<i64>) -> impl IntoView {
    view! {
        <label class="os-field">
            <span class="os-field__label">{t(label)}</span>
            <input
                class="os-field__control"
                name=name
                inputmode="decimal"
                size="8"
                value=ListingQuery::price_field(value)
            />
        </label>
    }
}

/// A yes-or-no filter: sent as `name=1` when ticked.
fn check_box(name: &'static str, checked: bool, label: impl IntoView) -> impl IntoView {
    view! {
        <label class="os-field os-field--check">
            <input type="checkbox" name=name value="1" checked=checked />
            <span>{label}</span>
        </label>
    }
}
