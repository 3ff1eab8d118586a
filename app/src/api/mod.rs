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
    /// "Because you bought …" for a customer, "Popular at …" for a shopper
    /// with a store; none for an anonymous visitor (whose page is everybody's).
    pub recommendations: Vec<omnistore_components::model::Recommendations>,
}

pub mod account;
pub mod cart;
pub mod checkout;
pub mod error;
pub use error::ShopError;
pub mod kiosk;
pub mod load;
pub mod returns;
pub mod stores;
pub mod wishlist;

#[cfg(feature = "ssr")]
pub(crate) mod ssr {
    use super::ShopError;
    use http::header::{HeaderValue, SET_COOKIE};
    use http::StatusCode;
    use leptos::prelude::*;
    use omnistore_components::backend::{Backend, BackendError, Identity};
    use omnistore_components::i18n::{negotiate, Locale};
    use omnistore_components::model::Cart;
    pub use omnistore_components::model::Problem;

    pub fn backend() -> Result<Backend, ShopError> {
        use_context::<Backend>().ok_or_else(|| outage("no back end in context"))
    }

    fn set_status(status: StatusCode) {
        if let Some(res) = use_context::<leptos_axum::ResponseOptions>() {
            res.set_status(status);
        }
    }

    /// Refuses the request: the status follows from the reason, so bad
    /// input is a 4xx over the wire too, never a 500.
    pub fn refuse(problem: Problem) -> ShopError {
        set_status(
            StatusCode::from_u16(problem.refusal().status()).unwrap_or(StatusCode::BAD_REQUEST),
        );
        let text = problem.text(locale());
        ShopError::Refused { problem, text }
    }

    /// Our side failed: logged here, a bare 503 for the caller.
    pub fn outage(detail: &str) -> ShopError {
        tracing::error!(%detail, "server function failed");
        set_status(StatusCode::SERVICE_UNAVAILABLE);
        ShopError::Unavailable
    }

    /// Maps a back-end failure to the server function's error.
    pub fn fail(e: BackendError) -> ShopError {
        match e {
            BackendError::Refused(problem) => refuse(problem),
            BackendError::Unavailable(detail) => outage(&detail),
        }
    }

    impl From<BackendError> for ShopError {
        fn from(e: BackendError) -> Self {
            fail(e)
        }
    }

    /// Guessing (passwords, PINs) is limited: `keys[i]` (an account, a
    /// store, a client address) may fail `limits[i]` times in `window_secs`.
    /// When one is over, the answer says when to come back (`Retry-After`)
    /// and this returns true; the caller says why, in its own words.
    pub async fn too_many_guesses(
        b: &Backend,
        keys: &[String],
        limits: &[u32],
        window_secs: i64,
    ) -> Result<bool, ShopError> {
        let failures = b.login_failures(keys, window_secs).await?;
        let over = failures.iter().zip(limits).any(|(n, max)| n >= max);
        if over {
            if let Some(res) = use_context::<leptos_axum::ResponseOptions>() {
                res.insert_header(http::header::RETRY_AFTER, HeaderValue::from(window_secs));
            }
        }
        Ok(over)
    }

    fn parts() -> Option<http::request::Parts> {
        use_context::<http::request::Parts>()
    }

    /// Who is asking, as resolved by the host from the request's cookies.
    pub fn identity() -> Result<Identity, ShopError> {
        parts()
            .and_then(|p| p.extensions.get::<Identity>().cloned())
            .ok_or_else(|| outage("no identity: the host did not resolve the request"))
    }

    /// The signed-in customer, or a 401.
    pub fn customer() -> Result<(i64, Identity), ShopError> {
        let id = identity()?;
        match id.customer {
            Some(c) => Ok((c, id)),
            None => Err(refuse(Problem::SignInFirst)),
        }
    }

    /// "My store" (see [`Identity::my_store`]).
    pub fn my_store(who: &Identity) -> Option<String> {
        who.my_store().map(str::to_string)
    }

    /// The requester's cart, priced now. A guest without a cart cookie has
    /// none yet: the empty cart is answered without asking the back end.
    pub async fn cart_of(who: &Identity) -> Result<Cart, ShopError> {
        if who.has_no_cart() {
            return Ok(Cart::default());
        }
        if let Some(cart) = &who.cart {
            return Ok(cart.clone());
        }
        Ok(backend()?.cart(&who.cart_owner(), locale()).await?)
    }

    /// The shopper's language for texts in answers (cookie, then Accept-Language).
    pub fn locale() -> Locale {
        parts().map(|p| locale_of(&p)).unwrap_or_default()
    }

    /// The language the identity layer worked out for the request; from
    /// its headers for a request that did not pass that layer.
    pub fn locale_of(parts: &http::request::Parts) -> Locale {
        match parts.extensions.get::<Identity>() {
            Some(who) => who.locale,
            None => {
                let h = |n| {
                    parts
                        .headers
                        .get(n)
                        .and_then(|v: &HeaderValue| v.to_str().ok())
                };
                negotiate(h(http::header::COOKIE), h(http::header::ACCEPT_LANGUAGE))
            }
        }
    }

    pub fn set_cookie(value: &str) {
        if let (Some(res), Ok(v)) = (
            use_context::<leptos_axum::ResponseOptions>(),
            HeaderValue::from_str(value),
        ) {
            res.append_header(SET_COOKIE, v);
        }
    }

    /// A plain form goes back to `page` with the refusal in its query
    /// ([`Problem::to_query`]), which the page words; the server-function
    /// client reads the typed refusal itself. For `map_err` after the refusal
    /// is made, so that the redirect wins over its status.
    ///
    /// [`Problem::to_query`]: omnistore_components::model::Problem::to_query
    pub fn back_with(page: &str, e: ShopError) -> ShopError {
        if plain_form() {
            let query = match &e {
                ShopError::Refused { problem, .. } => problem.to_query(),
                _ => format!("error={}", Problem::UNAVAILABLE_CODE),
            };
            leptos_axum::redirect(&with_query(page, &query));
        }
        e
    }

    /// `page` with `query` (`key=value`, already encoded) added to its own.
    pub fn with_query(page: &str, query: &str) -> String {
        let sep = if page.contains('?') { '&' } else { '?' };
        format!("{page}{sep}{query}")
    }

    /// `next` when it is a path of this shop (never another site: an open
    /// redirect), else `default`.
    pub fn local_path(next: Option<String>, default: &str) -> String {
        next.filter(|p| omnistore_components::model::is_local_path(p))
            .unwrap_or_else(|| default.to_string())
    }

    /// A plain form that did what it asked goes to `page` (whose query says
    /// what was done); the server-function client gets the answer itself.
    pub fn done_to(page: &str) {
        if plain_form() {
            leptos_axum::redirect(page);
        }
    }

    /// True for a form posted by the browser itself (JavaScript off): it asks
    /// for HTML, while the server-function client asks for data.
    pub fn plain_form() -> bool {
        parts()
            .and_then(|p| p.headers.get(http::header::ACCEPT).cloned())
            .is_some_and(|v| v.to_str().is_ok_and(|a| a.contains("text/html")))
    }
}

#[server]
pub async fn get_categories(locale: Locale) -> Result<Vec<Category>, ShopError> {
    ssr::backend()?.categories(locale).await.map_err(ssr::fail)
}

/// The categories for the header's menu and the kiosk's shelves. Unlike
/// [`get_categories`], an outage gives an empty menu (logged) and leaves the
/// page's status alone: a page of omnistore's own (stores, account) must
/// not go down with an external catalog.
#[server]
pub async fn get_menu(locale: Locale) -> Result<Vec<Category>, ShopError> {
    match ssr::backend()?.categories(locale).await {
        Ok(list) => Ok(list),
        Err(omnistore_components::backend::BackendError::Unavailable(detail)) => {
            tracing::warn!(%detail, "the menu's categories are unavailable");
            Ok(Vec::new())
        }
        Err(e) => Err(ssr::fail(e)),
    }
}

#[server]
pub async fn get_home(locale: Locale) -> Result<HomeData, ShopError> {
    let b = ssr::backend()?;
    let featured = b.featured(locale, 12).await?;
    let who = ssr::identity()?;
    let mut recommendations = Vec::new();
    // Extras: the page works without them.
    if let Some(customer) = who.customer {
        if let Ok(Some(r)) = b.because_you_bought(locale, customer).await {
            recommendations.push(r);
        }
    }
    if let Some(store) = ssr::my_store(&who) {
        if let Ok(Some(r)) = b.popular_at(locale, &store).await {
            recommendations.push(r);
        }
    }
    Ok(HomeData {
        featured,
        recommendations,
    })
}

/// "Often bought together" with a product (else its category's newest).
#[server(endpoint = "recommendations/together", input = server_fn::codec::GetUrl)]
pub async fn get_bought_together(
    locale: Locale,
    slug: String,
) -> Result<Option<omnistore_components::model::Recommendations>, ShopError> {
    ssr::backend()?
        .bought_together(locale, &slug)
        .await
        .map_err(ssr::fail)
}

#[server]
pub async fn get_listing(
    locale: Locale,
    category: String,
    query: ListingQuery,
) -> Result<Option<Listing>, ShopError> {
    let store = ssr::my_store(&ssr::identity()?);
    ssr::backend()?
        .listing(locale, &category, &query, store.as_deref())
        .await
        .map_err(ssr::fail)
}

#[server]
pub async fn search_catalog(
    locale: Locale,
    q: String,
    page: u32,
) -> Result<SearchOutcome, ShopError> {
    ssr::backend()?
        .search(locale, &q, page)
        .await
        .map_err(ssr::fail)
}

#[server]
pub async fn get_product(locale: Locale, slug: String) -> Result<Option<ProductDetail>, ShopError> {
    ssr::backend()?
        .product(locale, &slug)
        .await
        .map_err(ssr::fail)
}
