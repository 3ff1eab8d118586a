//! The Vendure back end: the shop on an external Vendure server, over
//! HTTP with `reqwest` (`omnistore serve --backend vendure`).
//!
//! What a commerce platform owns comes from Vendure: the catalog
//! (collections, products, variants, prices in the channel's currency,
//! stock per location) and the cart (the active order of a Vendure session
//! omnistore holds for each shopper). What no platform has stays
//! omnistore's own, in its database: stores, opening hours, pickup slots,
//! "my store", sessions, kiosks and the staff desk.
//!
//! Checkout places a Vendure order (see `checkout`); omnistore keeps its
//! half of it (number, pickup slot and code, who may see it). Accounts are
//! Vendure customers (see `customers`).
//!
//! Catalog answers are kept in memory for at most the configured time to
//! live (`--vendure-cache-ttl`): Vendure can change behind omnistore's
//! back, and a listing should cost no round trip when warm.

mod cart;
mod catalog;
mod checkout;
pub mod client;
mod customers;
mod handoff;
pub mod photos;
pub mod seed;

use crate::catalog_cache::CatalogCache;
use crate::storage::SqlStore;
use async_trait::async_trait;
use client::Client;
use futures::stream::BoxStream;
use omnistore_components::backend::{
    BackendResult, CartBackend, CartChanged, CartOwner, CatalogBackend, KioskBackend,
    LoyaltyBackend, ReminderBackend, StoreBackend, WishlistBackend,
};
use omnistore_components::i18n::Locale;
use omnistore_components::model::{
    Cart, CartOp, CartUpdate, Category, Handoff, HandoffPreview, KioskSettings, Listing,
    ListingQuery, MergeReport, ProductDetail, ProductSummary, ScanCode, SearchOutcome, StockAt,
    StoreCard, StoreDetail, StoreRef, VariantId,
};
use std::sync::Arc;
use std::time::Duration;

/// Where Vendure is and how omnistore signs in to its Admin API.
#[derive(Clone, Debug)]
pub struct VendureConfig {
    /// Base URL, e.g. `http://127.0.0.1:3000` (Shop API at `/shop-api`,
    /// Admin API at `/admin-api`).
    pub url: String,
    pub admin_user: String,
    pub admin_password: String,
    /// The longest a catalog answer is kept.
    pub cache_ttl: Duration,
    /// What Vendure's asset server puts before an asset's path
    /// (`assetUrlPrefix`); `None`: `{url}/assets/`.
    pub asset_url: Option<String>,
}

impl VendureConfig {
    /// See [`VendureConfig::asset_url`].
    pub fn asset_prefix(&self) -> String {
        self.asset_url
            .clone()
            .unwrap_or_else(|| format!("{}/assets/", self.url.trim_end_matches('/')))
    }
}

/// See the module documentation.
pub struct Vendure {
    client: Arc<Client>,
    cache: Arc<CatalogCache>,
    /// omnistore's own data: stores, sessions, kiosks, what it keeps of
    /// each cart (and, for now, customers and orders).
    own: SqlStore,
    carts: cart::CartLocks,
    /// Committed cart changes, for live updates on other devices.
    changes: tokio::sync::broadcast::Sender<CartChanged>,
    /// Vendure's id of omnistore's pickup shipping method, once known.
    pickup_method: tokio::sync::Mutex<Option<String>>,
    photos: Arc<photos::Photos>,
}

impl Vendure {
    pub fn new(config: &VendureConfig, own: SqlStore) -> Result<Self, client::VendureError> {
        let client = Arc::new(Client::new(
            &config.url,
            &config.admin_user,
            &config.admin_password,
        )?);
        Ok(Vendure {
            photos: Arc::new(photos::Photos::new(client.clone(), &config.asset_prefix())),
            client,
            cache: Arc::new(CatalogCache::new(config.cache_ttl)),
            own,
            carts: Default::default(),
            changes: tokio::sync::broadcast::channel(1024).0,
            pickup_method: Default::default(),
        })
    }

    /// The product photographs, which omnistore serves (see [`photos`]).
    pub fn photos(&self) -> Arc<photos::Photos> {
        self.photos.clone()
    }

    /// The catalog cache, whose changes the page cache follows.
    pub fn catalog_cache(&self) -> Arc<CatalogCache> {
        self.cache.clone()
    }
}

#[async_trait]
impl CatalogBackend for Vendure {
    async fn categories(&self, locale: Locale) -> BackendResult<Vec<Category>> {
        Vendure::categories(self, locale).await
    }
    async fn featured(&self, locale: Locale, limit: u32) -> BackendResult<Vec<ProductSummary>> {
        Vendure::featured(self, locale, limit).await
    }
    async fn listing(
        &self,
        locale: Locale,
        category: &str,
        query: &ListingQuery,
        store: Option<&str>,
    ) -> BackendResult<Option<Listing>> {
        Vendure::listing(self, locale, category, query, store).await
    }
    async fn search(&self, locale: Locale, query: &str, page: u32) -> BackendResult<SearchOutcome> {
        Vendure::search(self, locale, query, page).await
    }
    async fn product(&self, locale: Locale, slug: &str) -> BackendResult<Option<ProductDetail>> {
        Vendure::product(self, locale, slug).await
    }
    async fn sitemap_paths(&self) -> BackendResult<Vec<String>> {
        Vendure::sitemap_paths(self).await
    }
    async fn store_choices(&self) -> BackendResult<Vec<(String, String)>> {
        self.own.store_choices().await
    }
    async fn health(&self) -> Vec<(&'static str, Result<(), String>)> {
        let mut checks = self.own.health().await;
        let vendure = self
            .client
            .shop_read::<serde_json::Value>(
                "{ activeChannel { code } }",
                serde_json::json!({}),
                Locale::En,
            )
            .await
            .map(|_| ())
            .map_err(|e| e.to_string());
        checks.push(("vendure", vendure));
        checks
    }
}

#[async_trait]
impl CartBackend for Vendure {
    async fn cart(&self, owner: &CartOwner, locale: Locale) -> BackendResult<Cart> {
        self.read_cart(owner, locale).await
    }
    async fn set_coupon(
        &self,
        owner: &CartOwner,
        code: Option<&str>,
        locale: Locale,
    ) -> BackendResult<Cart> {
        // Vendure prices its orders with its own promotions, which this
        // storefront does not manage yet: no code here is one of ours.
        match code {
            Some(code) => Err(omnistore_components::model::Problem::CouponRefused {
                code: code.trim().chars().take(40).collect(),
                why: omnistore_components::model::CouponRefusal::Unknown,
            }
            .into()),
            None => self.read_cart(owner, locale).await,
        }
    }
    async fn apply_cart_op(
        &self,
        owner: &CartOwner,
        op: &CartOp,
        key: Option<&str>,
        locale: Locale,
    ) -> BackendResult<CartUpdate> {
        self.apply_op(owner, op, key, locale).await
    }
    async fn merge_guest_cart(
        &self,
        guest_hash: &str,
        customer: i64,
    ) -> BackendResult<MergeReport> {
        self.merge(guest_hash, customer).await
    }
    fn cart_changes(&self) -> BoxStream<'static, CartChanged> {
        use futures::StreamExt;
        tokio_stream::wrappers::BroadcastStream::new(self.changes.subscribe())
            .filter_map(|c| async move { c.ok() })
            .boxed()
    }
}

#[async_trait]
impl StoreBackend for Vendure {
    async fn stores(
        &self,
        q: Option<&str>,
        near: Option<(f64, f64)>,
        limit: usize,
        locale: Locale,
    ) -> BackendResult<Vec<StoreCard>> {
        self.own.stores(q, near, limit, locale).await
    }
    async fn store(&self, slug: &str, locale: Locale) -> BackendResult<Option<StoreDetail>> {
        self.own.store(slug, locale).await
    }
    async fn store_ref(&self, slug: &str) -> BackendResult<Option<StoreRef>> {
        self.own.store_ref(slug).await
    }
    /// A store's shelf is its Vendure stock location's (the Admin API's count).
    async fn store_stock(
        &self,
        store: &str,
        variants: &[VariantId],
    ) -> BackendResult<Vec<(VariantId, u32)>> {
        let ids: Vec<String> = variants.iter().map(|v| v.to_string()).collect();
        let stock = self.stock(&ids).await?;
        Ok(variants
            .iter()
            .map(|v| (v.clone(), stock.get(v.as_str()).map_or(0, |s| s.at(store))))
            .collect())
    }
    async fn nearby_stock(
        &self,
        store: &str,
        variant: &VariantId,
        limit: usize,
    ) -> BackendResult<Vec<StockAt>> {
        let dir = self.own.directory().await?;
        let Some(home) = dir.get(store) else {
            return Ok(Vec::new());
        };
        let stock = self.stock(&[variant.to_string()]).await?;
        let Some(stock) = stock.get(variant.as_str()) else {
            return Ok(Vec::new());
        };
        Ok(dir.nearby_holding(home, limit, |s| Some(stock.at(&s.slug))))
    }
}

#[async_trait]
impl KioskBackend for Vendure {
    async fn kiosk_settings(&self, store: &str) -> BackendResult<Option<KioskSettings>> {
        self.own.kiosk_settings(store).await
    }
    async fn set_kiosk_pin(&self, store: &str, pin: &str) -> BackendResult<()> {
        self.own.set_kiosk_pin(store, pin).await
    }
    async fn kiosk_pin_matches(&self, store: &str, pin: &str) -> BackendResult<bool> {
        self.own.kiosk_pin_matches(store, pin).await
    }
    async fn set_kiosk_timing(&self, store: &str, idle: u32, countdown: u32) -> BackendResult<()> {
        self.own.set_kiosk_timing(store, idle, countdown).await
    }
    async fn bind_kiosk(&self, store: &str, device: &str) -> BackendResult<()> {
        self.own.bind_kiosk(store, device).await
    }
    async fn kiosk_of(&self, device: &str) -> BackendResult<Option<String>> {
        self.own.kiosk_of(device).await
    }
    async fn unbind_kiosk(&self, device: &str) -> BackendResult<()> {
        self.own.unbind_kiosk(device).await
    }
    async fn find_code(&self, code: &ScanCode) -> BackendResult<Option<(String, VariantId)>> {
        match code {
            ScanCode::Sku(sku) => self.exact_sku(sku, Locale::default()).await,
            ScanCode::Ean(ean) => self.exact_ean(ean, Locale::default()).await,
        }
    }
    async fn aisle(&self, store: &str, product_slug: &str) -> BackendResult<Option<String>> {
        self.own.aisle(store, product_slug).await
    }
    async fn end_visit(&self, guest_cart: &str, session: Option<&str>) -> BackendResult<()> {
        self.own.end_visit(guest_cart, session).await
    }
    async fn start_handoff(
        &self,
        store: &str,
        owner: &CartOwner,
        link_base: &str,
    ) -> BackendResult<Handoff> {
        self.start_vendure_handoff(store, owner, link_base).await
    }
    async fn handoff_taken(&self, handle: &str) -> BackendResult<Option<bool>> {
        self.vendure_handoff_taken(handle).await
    }
    async fn handoff_preview(&self, token_hash: &str) -> BackendResult<Option<HandoffPreview>> {
        self.vendure_handoff_preview(token_hash).await
    }
    async fn accept_handoff(
        &self,
        token_hash: &str,
        owner: &CartOwner,
    ) -> BackendResult<MergeReport> {
        self.accept_vendure_handoff(token_hash, owner).await
    }
}

/// Vendure has no wishlist in its Shop API: the wishes are omnistore's own,
/// naming Vendure's products and variants (priced from Vendure when shown).
#[async_trait::async_trait]
impl omnistore_components::backend::RecommendBackend for Vendure {
    // The orders are Vendure's and not counted here yet: no blocks.
    async fn bought_together(
        &self,
        _locale: Locale,
        _product_slug: &str,
    ) -> BackendResult<Option<omnistore_components::model::Recommendations>> {
        Ok(None)
    }
    async fn because_you_bought(
        &self,
        _locale: Locale,
        _customer: i64,
    ) -> BackendResult<Option<omnistore_components::model::Recommendations>> {
        Ok(None)
    }
    async fn popular_at(
        &self,
        _locale: Locale,
        _store: &str,
    ) -> BackendResult<Option<omnistore_components::model::Recommendations>> {
        Ok(None)
    }
}

/// Vendure's orders are paid, shipped and refunded by Vendure: a return of
/// one goes through its own returns process (its Admin API's
/// `refundOrder`), not omnistore's desk.
#[async_trait::async_trait]
impl omnistore_components::backend::ReturnBackend for Vendure {
    async fn start_return(
        &self,
        _number: i64,
        _viewer: &omnistore_components::backend::OrderViewer,
        _req: &omnistore_components::model::ReturnRequest,
    ) -> BackendResult<omnistore_components::model::ReturnView> {
        Err(omnistore_components::model::Problem::ReturnsNotHere.into())
    }
    async fn find_return(
        &self,
        _code: &str,
    ) -> BackendResult<Option<omnistore_components::model::ReturnView>> {
        Ok(None)
    }
    async fn accept_return(
        &self,
        _store: &str,
        _code: &str,
    ) -> BackendResult<omnistore_components::model::AcceptedReturn> {
        Err(omnistore_components::model::Problem::ReturnsNotHere.into())
    }
}

#[async_trait::async_trait]
impl ReminderBackend for Vendure {
    // Consent is the storefront's, kept in its own database.
    async fn reminders(&self, customer: i64) -> BackendResult<bool> {
        self.own.reminders(customer).await
    }
    async fn set_reminders(&self, customer: i64, on: bool) -> BackendResult<()> {
        self.own.set_reminders(customer, on).await
    }
    async fn unsubscribe(&self, token: &str) -> BackendResult<bool> {
        self.own.unsubscribe(token).await
    }
}

#[async_trait::async_trait]
impl LoyaltyBackend for Vendure {
    // Points are the storefront's, kept in its own database.
    async fn loyalty(
        &self,
        customer: i64,
    ) -> BackendResult<omnistore_components::model::LoyaltyView> {
        self.own.loyalty(customer).await
    }
    async fn points_balance(&self, customer: i64) -> BackendResult<i64> {
        self.own.points_balance(customer).await
    }
    async fn loyalty_customer(&self, code: &str) -> BackendResult<Option<i64>> {
        self.own.loyalty_customer(code).await
    }
    async fn till_purchase(
        &self,
        store: &str,
        code: &str,
        amount: i64,
        points: i64,
        key: &str,
    ) -> BackendResult<omnistore_components::model::TillReceipt> {
        self.own
            .till_purchase(store, code, amount, points, key)
            .await
    }
}

#[async_trait]
impl WishlistBackend for Vendure {
    async fn wishlist(
        &self,
        owner: &CartOwner,
    ) -> BackendResult<Vec<omnistore_components::model::Wish>> {
        self.own.wishlist(owner).await
    }
    async fn set_wish(
        &self,
        owner: &CartOwner,
        product_slug: &str,
        variant: &VariantId,
        on: bool,
    ) -> BackendResult<()> {
        self.own.set_wish(owner, product_slug, variant, on).await
    }
    async fn merge_guest_wishlist(&self, guest_hash: &str, customer: i64) -> BackendResult<()> {
        self.own.merge_guest_wishlist(guest_hash, customer).await
    }
    async fn set_stock_alert(
        &self,
        customer: i64,
        variant: &VariantId,
        store: Option<&str>,
    ) -> BackendResult<()> {
        self.own.set_stock_alert(customer, variant, store).await
    }
}
