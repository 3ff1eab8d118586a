//! `/search?q=`: full-text results; an exact SKU or EAN goes straight to the product.

use super::{BadRequest, ErrorPage, ProductGrid};
use crate::api::load::load;
use crate::api::{search_catalog, ShopError};
use crate::seo::PageMeta;
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;
use omnistore_components::i18n::{t, use_locale, Msg};
use omnistore_components::model::{
    encode_query_value, page_count, Problem, SearchOutcome, MAX_PAGE,
};
use omnistore_components::search_box::MAX_QUERY_CHARS;
use omnistore_components::{Pagination, SearchBox};

#[component]
pub fn SearchPage() -> impl IntoView {
    let locale = use_locale();
    let query_map = use_query_map();
    let q =
        Memo::new(move |_| query_map.with(|m| m.get("q").unwrap_or_default().trim().to_string()));
    let page = Memo::new(move |_| {
        query_map.with(|m| {
            m.get("page")
                .map(|p| p.parse::<u32>().ok().filter(|p| (1..=MAX_PAGE).contains(p)))
                .unwrap_or(Some(1))
        })
    });
    let results = load(
        move || (q.get(), page.get()),
        move |(q, page)| async move {
            match page {
                Some(page) if !q.is_empty() && q.chars().count() <= MAX_QUERY_CHARS => {
                    search_catalog(locale, q, page).await.map(Some)
                }
                _ => Ok(None),
            }
        },
    );
    view! {
        <h1>{t(Msg::SearchResultsFor)}" “"{move || q.get()}"”"</h1>
        <div class="os-search-page__box">
            <SearchBox value=q.get_untracked() id="os-search-page-q" />
        </div>
        <Suspense fallback=|| {
            view! { <p>{t(Msg::Loading)}</p> }
        }>
            {move || Suspend::new(async move {
                let query = q.get_untracked();
                let result = results.await;
                let meta = view! {
                    <PageMeta
                        title=format!("{}: {query}", t(Msg::Search))
                        description=t(Msg::SearchLabel)
                        canonical="/search"
                    />
                };
                if query.chars().count() > MAX_QUERY_CHARS {
                    return view! {
                        {meta}
                        <BadRequest reason=t(Msg::SearchTooLong) />
                    }
                        .into_any();
                }
                let body = search_body(query, page.get_untracked(), result);
                view! {
                    {meta}
                    {body}
                }
                    .into_any()
            })}
        </Suspense>
    }
}

/// Results, the exact-match redirect, or the reason a query was refused.
fn search_body(
    query: String,
    page: Option<u32>,
    result: Result<Option<SearchOutcome>, ShopError>,
) -> AnyView {
    let Some(page) = page else {
        let reason = Problem::PageOutOfRange { max: MAX_PAGE }.text(use_locale());
        return view! { <BadRequest reason /> }.into_any();
    };
    match result {
        Ok(None) => view! { <p>{t(Msg::SearchEmpty)}</p> }.into_any(),
        Ok(Some(SearchOutcome::Exact { slug, variant })) => {
            let target = format!("/p/{slug}?variant={variant}");
            go_to(&target);
            view! {
                <p>
                    <a href=target>{t(Msg::ViewProduct)}</a>
                </p>
            }
            .into_any()
        }
        Ok(Some(SearchOutcome::Results { products, total })) => {
            let pages = page_count(total);
            let href = Callback::new(move |p: u32| {
                format!("/search?q={}&page={p}", encode_query_value(&query))
            });
            view! {
                <p class="os-listing__count" data-total=total>
                    {Msg::ResultsCount.count(total, use_locale())}
                </p>
                {if products.is_empty() {
                    view! { <p>{t(Msg::NoResults)}</p> }.into_any()
                } else {
                    view! { <ProductGrid products with_heading=true /> }.into_any()
                }}
                <Pagination page pages href />
            }
            .into_any()
        }
        // The server answers bad input with a 400 and its reason.
        Err(ShopError::Refused { text, .. }) => view! { <BadRequest reason=text /> }.into_any(),
        Err(_) => view! { <ErrorPage /> }.into_any(),
    }
}

/// Sends the shopper to an exact match: a 302 while rendering on the server,
/// a client-side navigation in the browser.
fn go_to(target: &str) {
    #[cfg(feature = "ssr")]
    {
        leptos_axum::redirect(target);
        // redirect() only sets Location on a page render; make it a real 302.
        super::set_status(302);
    }
    #[cfg(not(feature = "ssr"))]
    {
        let navigate = leptos_router::hooks::use_navigate();
        let target = target.to_string();
        request_animation_frame(move || {
            navigate(
                &target,
                leptos_router::NavigateOptions {
                    replace: true,
                    ..Default::default()
                },
            )
        });
    }
}
