//! Server functions: the only way pages reach commerce data. Their bodies run
//! on the server (called directly during SSR, over HTTP after hydration) and
//! go through the `Commerce` back end in context, never to storage directly.

use leptos::prelude::*;
use omnistore_components::i18n::Locale;
use omnistore_components::model::{
    Category, Listing, ListingQuery, ProductDetail, ProductSummary, SearchOutcome,
};
use serde::{Deserialize, Serialize};

/// What the home page shows.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct HomeData {
    pub featured: Vec<ProductSummary>,
}

#[cfg(feature = "ssr")]
mod ssr {
    use leptos::prelude::*;
    use omnistore_components::backend::{Backend, BackendError};

    pub fn backend() -> Result<Backend, ServerFnError> {
        use_context::<Backend>().ok_or_else(|| ServerFnError::new("no back end in context"))
    }

    /// Maps a back-end failure to a server-function error and sets the HTTP
    /// status, so bad input is a 4xx over the wire too, never a 500.
    pub fn fail(e: BackendError) -> ServerFnError {
        let status = match &e {
            BackendError::BadRequest(_) => http::StatusCode::BAD_REQUEST,
            BackendError::Unavailable(detail) => {
                tracing::error!(%detail, "back end failure");
                http::StatusCode::SERVICE_UNAVAILABLE
            }
        };
        if let Some(res) = use_context::<leptos_axum::ResponseOptions>() {
            res.set_status(status);
        }
        ServerFnError::new(e.to_string())
    }
}

#[server]
pub async fn get_categories(locale: Locale) -> Result<Vec<Category>, ServerFnError> {
    ssr::backend()?.categories(locale).await.map_err(ssr::fail)
}

#[server]
pub async fn get_home(locale: Locale) -> Result<HomeData, ServerFnError> {
    let featured = ssr::backend()?
        .featured(locale, 12)
        .await
        .map_err(ssr::fail)?;
    Ok(HomeData { featured })
}

#[server]
pub async fn get_listing(
    locale: Locale,
    category: String,
    query: ListingQuery,
) -> Result<Option<Listing>, ServerFnError> {
    ssr::backend()?
        .listing(locale, &category, &query)
        .await
        .map_err(ssr::fail)
}

#[server]
pub async fn search_catalog(
    locale: Locale,
    q: String,
    page: u32,
) -> Result<SearchOutcome, ServerFnError> {
    ssr::backend()?
        .search(locale, &q, page)
        .await
        .map_err(ssr::fail)
}

#[server]
pub async fn get_product(
    locale: Locale,
    slug: String,
) -> Result<Option<ProductDetail>, ServerFnError> {
    ssr::backend()?
        .product(locale, &slug)
        .await
        .map_err(ssr::fail)
}
