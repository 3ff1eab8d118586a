//! The one interface through which pages and server functions reach commerce
//! data. The built-in SQLite back end implements it in `omnistore-server`; a
//! PostgreSQL back end or an adapter to an external commerce API implements
//! the same trait and nothing above it changes.
//!
//! Server only: the browser never sees this trait, it calls server functions.

use crate::i18n::Locale;
use crate::model::{Category, Listing, ListingQuery, ProductDetail, ProductSummary, SearchOutcome};
use std::sync::Arc;

/// Failures a back end reports; pages turn them into status codes.
#[derive(Debug, thiserror::Error)]
pub enum BackendError {
    /// The caller asked for something invalid; the message is for the shopper.
    #[error("{0}")]
    BadRequest(String),
    /// Storage or upstream failed; details are logged, not shown.
    #[error("back end unavailable: {0}")]
    Unavailable(String),
}

pub type BackendResult<T> = Result<T, BackendError>;

/// Catalog and stock reads. Every text comes back in `locale`.
#[async_trait::async_trait]
pub trait Commerce: Send + Sync + 'static {
    /// All categories in menu order.
    async fn categories(&self, locale: Locale) -> BackendResult<Vec<Category>>;
    /// Products to feature on the home page.
    async fn featured(&self, locale: Locale, limit: u32) -> BackendResult<Vec<ProductSummary>>;
    /// One page of a category; `None` when the category does not exist.
    async fn listing(
        &self,
        locale: Locale,
        category: &str,
        query: &ListingQuery,
    ) -> BackendResult<Option<Listing>>;
    /// Full-text search over name, description, SKU and EAN; an exact SKU or
    /// EAN is an [`SearchOutcome::Exact`] hit.
    async fn search(&self, locale: Locale, query: &str, page: u32) -> BackendResult<SearchOutcome>;
    /// A product with its variants and stock; `None` when unknown.
    async fn product(&self, locale: Locale, slug: &str) -> BackendResult<Option<ProductDetail>>;
    /// Paths of every indexable page (categories and products), for sitemap.xml.
    async fn sitemap_paths(&self) -> BackendResult<Vec<String>>;
}

/// How the back end is shared: one instance, put in Leptos context and Axum state.
pub type Backend = Arc<dyn Commerce>;
