//! The one interface through which pages and server functions reach commerce
//! data. The built-in SQLite back end implements it in `omnistore-server`; a
//! PostgreSQL back end or an adapter to an external commerce API implements
//! the same trait and nothing above it changes.
//!
//! Server only: the browser never sees this trait, it calls server functions.

use crate::i18n::Locale;
use crate::model::{
    AcceptedReturn, Address, AddressId, Cart, CartOp, CartUpdate, Category, CheckoutForm, Handoff,
    HandoffPreview, KioskSettings, Listing, ListingQuery, LoyaltyView, MergeReport, OrderStatus,
    OrderSummary, OrderView, PickupPlan, Problem, ProductDetail, ProductSummary, Profile,
    Recommendations, ReturnRequest, ReturnView, ScanCode, SearchOutcome, SessionInfo, StockAt,
    StoreCard, StoreDetail, StoreRef, TillReceipt, VariantId, Wish,
};
use futures::stream::BoxStream;
use sha2::{Digest, Sha256};
use std::sync::Arc;

/// Failures a back end reports: a refusal with its typed reason, which the
/// edge words for the shopper and maps to a status code, or an outage.
#[derive(Debug, thiserror::Error)]
pub enum BackendError {
    /// The request cannot be done, and [`Problem`] says why.
    #[error(transparent)]
    Refused(#[from] Problem),
    /// Storage or upstream failed; details are logged, not shown.
    #[error("back end unavailable: {0}")]
    Unavailable(String),
}

// Storage code uses `?` on its queries; any database failure is an outage
// unless the caller names the constraint it expects (see the server's
// `OnConstraint`).
#[cfg(feature = "ssr")]
impl From<sqlx::Error> for BackendError {
    fn from(e: sqlx::Error) -> Self {
        BackendError::Unavailable(e.to_string())
    }
}

pub type BackendResult<T> = Result<T, BackendError>;

/// The whole back end: catalog, customers, carts, stores and orders.
/// Implement the parts; `Commerce` follows. Callers import the parts to call them.
pub trait Commerce:
    CatalogBackend
    + AccountBackend
    + CartBackend
    + StoreBackend
    + OrderBackend
    + KioskBackend
    + WishlistBackend
    + LoyaltyBackend
    + ReminderBackend
    + RecommendBackend
    + ReturnBackend
    + Send
    + Sync
    + 'static
{
}

impl<T> Commerce for T where
    T: CatalogBackend
        + AccountBackend
        + CartBackend
        + StoreBackend
        + OrderBackend
        + KioskBackend
        + WishlistBackend
        + LoyaltyBackend
        + ReminderBackend
        + RecommendBackend
        + ReturnBackend
        + Send
        + Sync
        + 'static
{
}

/// Catalog and stock reads. Every text comes back in `locale`.
#[async_trait::async_trait]
pub trait CatalogBackend: Send + Sync {
    /// All categories in menu order.
    async fn categories(&self, locale: Locale) -> BackendResult<Vec<Category>>;
    /// Products to feature on the home page.
    async fn featured(&self, locale: Locale, limit: u32) -> BackendResult<Vec<ProductSummary>>;
    /// One page of a category; `None` when the category does not exist.
    /// With `store` (the shopper's store slug) each card carries that store's
    /// stock, and `query.at_my_store` keeps only what is on its shelf.
    async fn listing(
        &self,
        locale: Locale,
        category: &str,
        query: &ListingQuery,
        store: Option<&str>,
    ) -> BackendResult<Option<Listing>>;
    /// Full-text search over name, description, SKU and EAN; an exact SKU or
    /// EAN is an [`SearchOutcome::Exact`] hit.
    async fn search(&self, locale: Locale, query: &str, page: u32) -> BackendResult<SearchOutcome>;
    /// A product with its variants and stock; `None` when unknown.
    async fn product(&self, locale: Locale, slug: &str) -> BackendResult<Option<ProductDetail>>;
    /// Paths of every indexable page (categories and products), for sitemap.xml.
    async fn sitemap_paths(&self) -> BackendResult<Vec<String>>;
    /// Every store as (slug, "City — Name"), by city, for choosing "my store".
    async fn store_choices(&self) -> BackendResult<Vec<(String, String)>>;
    /// Each service the back end depends on, asked now (never from a
    /// cache): its name and whether it answered (with the reason if not).
    async fn health(&self) -> Vec<(&'static str, Result<(), String>)>;
}

/// Customers, sessions and login throttling. Passwords are hashed by the back
/// end (argon2id in the built-in one): an adapter to an external platform
/// delegates to it instead.
#[async_trait::async_trait]
pub trait AccountBackend: Send + Sync {
    /// Creates a customer; `Conflict` when the e-mail is taken. Inputs are
    /// already validated by the model's rules.
    async fn register(
        &self,
        email: &str,
        name: &str,
        password: &str,
        locale: Locale,
    ) -> BackendResult<i64>;
    /// The customer whose e-mail and password match.
    async fn authenticate(&self, email: &str, password: &str) -> BackendResult<Option<i64>>;
    /// True when `password` is the customer's current one.
    async fn verify_password(&self, customer: i64, password: &str) -> BackendResult<bool>;
    /// Replaces the password (`current`, already checked, is for back ends
    /// that need it to make the change) and ends every session but `keep`
    /// (a token hash).
    async fn set_password(
        &self,
        customer: i64,
        current: &str,
        password: &str,
        keep: &str,
    ) -> BackendResult<()>;
    async fn profile(&self, customer: i64) -> BackendResult<Option<Profile>>;
    /// Name, e-mail, language and "my store" (a store slug, `None` for none),
    /// all or nothing: `Conflict` when the e-mail belongs to someone else,
    /// `BadRequest` for an unknown store.
    async fn update_profile(
        &self,
        customer: i64,
        name: &str,
        email: &str,
        locale: Locale,
        store: Option<&str>,
    ) -> BackendResult<()>;
    /// Sets or clears "my store" (a store slug); `BadRequest` for an unknown store.
    async fn set_preferred_store(&self, customer: i64, store: Option<&str>) -> BackendResult<()>;
    /// Deletes the customer with their sessions, addresses and carts.
    async fn delete_customer(&self, customer: i64) -> BackendResult<()>;
    async fn addresses(&self, customer: i64) -> BackendResult<Vec<Address>>;
    /// Inserts (no `id`) or updates one of the customer's own addresses;
    /// `Ok(None)` when `id` is not theirs. Returns the id.
    async fn save_address(
        &self,
        customer: i64,
        address: &Address,
    ) -> BackendResult<Option<AddressId>>;
    /// False when the address is not theirs (or gone).
    async fn delete_address(&self, customer: i64, id: &AddressId) -> BackendResult<bool>;

    // --- Login throttling: failures per key ("email:…", "ip:…").

    /// Failures of each key within the last `window_secs`.
    async fn login_failures(&self, keys: &[String], window_secs: i64) -> BackendResult<Vec<u32>>;
    async fn note_login_failure(&self, keys: &[String]) -> BackendResult<()>;
    async fn clear_login_failures(&self, key: &str) -> BackendResult<()>;

    // --- Sessions, stored server-side; the browser holds only a random token.

    /// Starts a session and returns its secret token (for the cookie).
    async fn start_session(&self, customer: i64, user_agent: &str) -> BackendResult<String>;
    /// Who presents these cookies, in one round trip: whether any token hash
    /// in `presented` is of an ended kiosk visit, and the customer of the
    /// live session `session` with their profile. Refreshes the session's
    /// last use. With `cart` (the guest cart's token hash and a language),
    /// also the cart of whoever is asking (the customer's, else that guest
    /// cart), read with the rest where the back end can.
    async fn who(
        &self,
        presented: &[&str],
        session: Option<&str>,
        cart: Option<(&str, Locale)>,
    ) -> BackendResult<Who>;
    async fn end_session(&self, token_hash: &str) -> BackendResult<()>;
    /// Ends the customer's sessions except `keep` (a token hash), if given.
    async fn end_sessions(&self, customer: i64, keep: Option<&str>) -> BackendResult<()>;
    /// Ends one of the customer's sessions by its public handle.
    async fn end_session_by_handle(&self, customer: i64, handle: &str) -> BackendResult<bool>;
    async fn sessions(&self, customer: i64, current: &str) -> BackendResult<Vec<SessionInfo>>;
}

/// Carts. Prices are computed at read time from the catalog.
#[async_trait::async_trait]
pub trait CartBackend: Send + Sync {
    /// The owner's active cart (empty when there is none).
    async fn cart(&self, owner: &CartOwner, locale: Locale) -> BackendResult<Cart>;
    /// Applies one change atomically. With a `key`, a change already applied
    /// under that key is not applied again (the current cart is returned).
    async fn apply_cart_op(
        &self,
        owner: &CartOwner,
        op: &CartOp,
        key: Option<&str>,
        locale: Locale,
    ) -> BackendResult<CartUpdate>;
    /// Merges the guest cart into the customer's active cart and closes it,
    /// once: a closed or unknown guest cart merges nothing.
    async fn merge_guest_cart(&self, guest_hash: &str, customer: i64)
        -> BackendResult<MergeReport>;
    /// Every cart change from now on, for live updates on other devices.
    fn cart_changes(&self) -> BoxStream<'static, CartChanged>;
    /// Puts a coupon code on the owner's cart (`None` takes it off) and
    /// answers the cart priced with it. A code that cannot be used now
    /// whatever the cart holds (unknown, not started, over, used up) is
    /// refused with `CouponRefused`; one that only does not apply to these
    /// items is kept, and the cart's pricing says why.
    async fn set_coupon(
        &self,
        owner: &CartOwner,
        code: Option<&str>,
        locale: Locale,
    ) -> BackendResult<Cart>;
}

/// Stores and stock per store.
#[async_trait::async_trait]
pub trait StoreBackend: Send + Sync {
    /// The locator: stores matching `q` (name, city, street, postcode),
    /// nearest first from `near` when given, at most `limit`.
    async fn stores(
        &self,
        q: Option<&str>,
        near: Option<(f64, f64)>,
        limit: usize,
        locale: Locale,
    ) -> BackendResult<Vec<StoreCard>>;
    /// One store's page; `None` when unknown.
    async fn store(&self, slug: &str, locale: Locale) -> BackendResult<Option<StoreDetail>>;
    /// A store by slug, for badges; `None` when unknown.
    async fn store_ref(&self, slug: &str) -> BackendResult<Option<StoreRef>>;
    /// Units of each variant free to sell at a store (on hand minus reserved).
    async fn store_stock(
        &self,
        store: &str,
        variants: &[VariantId],
    ) -> BackendResult<Vec<(VariantId, u32)>>;
    /// The stores nearest to `store` that hold at least one unit of the
    /// variant (the store itself excluded), with distances.
    async fn nearby_stock(
        &self,
        store: &str,
        variant: &VariantId,
        limit: usize,
    ) -> BackendResult<Vec<StockAt>>;
}

/// Pickup, checkout and orders.
#[async_trait::async_trait]
pub trait OrderBackend: Send + Sync {
    /// Where and when the cart's pickup lines can be collected.
    async fn pickup_plan(&self, cart: &Cart) -> BackendResult<Option<PickupPlan>>;
    /// Places the owner's cart as an order, once per `form.key`: stock and
    /// the slot are reserved atomically, payment is taken after (no lock held
    /// across it), and the cart is emptied. `Conflict` says which line or slot
    /// is short and what is still possible; nothing is reserved then.
    async fn place_order(
        &self,
        owner: &CartOwner,
        customer: Option<i64>,
        form: &CheckoutForm,
        locale: Locale,
    ) -> BackendResult<PlacedOrder>;
    /// An order for its viewer: the customer who placed it, the holder of
    /// its guest key, or staff of its store. `None` for anyone else.
    async fn order(
        &self,
        number: i64,
        viewer: &OrderViewer,
        locale: Locale,
    ) -> BackendResult<Option<OrderView>>;
    /// A customer's orders, newest first.
    async fn orders_of(&self, customer: i64) -> BackendResult<Vec<OrderSummary>>;
    /// The stores a customer may work at as staff (empty for shoppers).
    async fn staff_stores(&self, customer: i64) -> BackendResult<Vec<String>>;
    /// A store's pickup orders that are still open, then the last week's others.
    async fn store_orders(&self, store: &str) -> BackendResult<Vec<OrderSummary>>;
    /// Moves an order of `store` along its lifecycle; `Conflict` when the
    /// move is not allowed from its current status.
    async fn move_order(&self, store: &str, number: i64, to: OrderStatus) -> BackendResult<()>;
    /// Expires open pickup orders whose slot ended long enough ago and
    /// returns their stock; how many expired.
    async fn expire_orders(&self, now: i64) -> BackendResult<u32>;
}

/// In-store kiosks: settings and staff PIN, scanning, aisles, the reset
/// that ends a shopper's visit and the cart handoff to a phone.
#[async_trait::async_trait]
pub trait KioskBackend: Send + Sync {
    /// A store's kiosk settings; `None` for an unknown store.
    async fn kiosk_settings(&self, store: &str) -> BackendResult<Option<KioskSettings>>;
    /// Sets (or replaces) a store's staff PIN.
    async fn set_kiosk_pin(&self, store: &str, pin: &str) -> BackendResult<()>;
    /// True when `pin` is the store's PIN (false without one).
    async fn kiosk_pin_matches(&self, store: &str, pin: &str) -> BackendResult<bool>;
    async fn set_kiosk_timing(&self, store: &str, idle: u32, countdown: u32) -> BackendResult<()>;
    /// Makes the device holding the secret whose hash is `device` a kiosk
    /// of `store` (staff started it with the PIN).
    async fn bind_kiosk(&self, store: &str, device: &str) -> BackendResult<()>;
    /// The store the device is a kiosk of; `None` for a secret never
    /// issued or unbound since.
    async fn kiosk_of(&self, device: &str) -> BackendResult<Option<String>>;
    /// Staff "exit": the device is an ordinary browser again.
    async fn unbind_kiosk(&self, device: &str) -> BackendResult<()>;
    /// The product page of a scanned code: (product slug, variant id).
    async fn find_code(&self, code: &ScanCode) -> BackendResult<Option<(String, VariantId)>>;
    /// Where a product's category is in a store ("Aisle 4"), if known.
    async fn aisle(&self, store: &str, product_slug: &str) -> BackendResult<Option<String>>;
    /// Ends a kiosk visit: the guest cart and the session (if any) are ended
    /// on the server and their tokens refused from now on.
    async fn end_visit(&self, guest_cart: &str, session: Option<&str>) -> BackendResult<()>;
    /// Offers the owner's cart to a phone with a one-time link under
    /// `link_base` (e.g. `https://shop.example/handoff/`) and its QR code.
    /// `BadRequest` when the cart is empty.
    async fn start_handoff(
        &self,
        store: &str,
        owner: &CartOwner,
        link_base: &str,
    ) -> BackendResult<Handoff>;
    /// Whether the phone has taken the cart of this handoff (`None`: unknown).
    async fn handoff_taken(&self, handle: &str) -> BackendResult<Option<bool>>;
    /// What a handoff link offers; `Gone` when used or expired, `None` when unknown.
    async fn handoff_preview(&self, token_hash: &str) -> BackendResult<Option<HandoffPreview>>;
    /// Takes the kiosk cart into `owner`'s cart (merged as at login), once.
    async fn accept_handoff(
        &self,
        token_hash: &str,
        owner: &CartOwner,
    ) -> BackendResult<MergeReport>;
}

/// Wishlists, kept by omnistore whatever the catalog's platform: a wish
/// names a product and a variant, which pages price and stock from the
/// catalog when they show it (a wish whose product is gone is not shown).
#[async_trait::async_trait]
pub trait WishlistBackend: Send + Sync {
    /// The owner's wishes, newest first.
    async fn wishlist(&self, owner: &CartOwner) -> BackendResult<Vec<Wish>>;
    /// Adds a wish (again: nothing changes) or, with `on` false, removes it
    /// (absent: nothing changes). `WishlistFull` past
    /// [`MAX_WISHES`](crate::model::MAX_WISHES).
    async fn set_wish(
        &self,
        owner: &CartOwner,
        product_slug: &str,
        variant: &VariantId,
        on: bool,
    ) -> BackendResult<()>;
    /// A guest's wishes join the customer's at sign-in, all of them (the
    /// limit stops new wishes; it never drops one), and the guest's list is
    /// emptied.
    async fn merge_guest_wishlist(&self, guest_hash: &str, customer: i64) -> BackendResult<()>;
    /// "Tell me when it is back at `store`" for a variant on the customer's
    /// list (`None`: never mind). `UnknownVariant` when it is not on it.
    /// The e-mail goes once, through the outbox, when that store's shelf
    /// has it again (see the server's `stock_alerts`).
    async fn set_stock_alert(
        &self,
        customer: i64,
        variant: &VariantId,
        store: Option<&str>,
    ) -> BackendResult<()>;
}

/// Loyalty points (see [`crate::model::loyalty`] for the rules). Orders
/// earn and spend them through [`OrderBackend`]; this is the rest.
#[async_trait::async_trait]
pub trait LoyaltyBackend: Send + Sync {
    /// The customer's code, balance and latest history.
    async fn loyalty(&self, customer: i64) -> BackendResult<LoyaltyView>;
    /// The balance alone (what checkout offers to spend).
    async fn points_balance(&self, customer: i64) -> BackendResult<i64>;
    /// The customer a scanned loyalty code belongs to.
    async fn loyalty_customer(&self, code: &str) -> BackendResult<Option<i64>>;
    /// A purchase of `amount` (minor units, before points) at `store`'s
    /// till, paid in part with `points`; `key` (the form's) makes a resent
    /// form change nothing. `UnknownLoyaltyCode`, `TooManyPoints`.
    async fn till_purchase(
        &self,
        store: &str,
        code: &str,
        amount: i64,
        points: i64,
        key: &str,
    ) -> BackendResult<TillReceipt>;
}

/// A customer's consent to cart reminders (asked at sign-up, changed in
/// the account or with the one-click link every reminder carries).
#[async_trait::async_trait]
pub trait ReminderBackend: Send + Sync {
    async fn reminders(&self, customer: i64) -> BackendResult<bool>;
    async fn set_reminders(&self, customer: i64, on: bool) -> BackendResult<()>;
    /// Turns reminders off for the holder of an unsubscribe link's token;
    /// false when the token is nobody's.
    async fn unsubscribe(&self, token: &str) -> BackendResult<bool>;
}

/// Recommendations from the shop's own orders, each saying why (see
/// [`crate::model::recommend`]). `None`: nothing to recommend.
#[async_trait::async_trait]
pub trait RecommendBackend: Send + Sync {
    /// Often bought together with a product (else its category's newest).
    async fn bought_together(
        &self,
        locale: Locale,
        product_slug: &str,
    ) -> BackendResult<Option<Recommendations>>;
    /// What shoppers bought with what this customer bought last.
    async fn because_you_bought(
        &self,
        locale: Locale,
        customer: i64,
    ) -> BackendResult<Option<Recommendations>>;
    /// Bought most for pickup at a store lately.
    async fn popular_at(
        &self,
        locale: Locale,
        store: &str,
    ) -> BackendResult<Option<Recommendations>>;
}

/// Returns (see [`crate::model::returns`] for the rules). The order page
/// shows what can be returned ([`OrderView::returnable`]) and the returns
/// started ([`OrderView::returns`]).
#[async_trait::async_trait]
pub trait ReturnBackend: Send + Sync {
    /// Starts a return of some units of order `number` for its viewer (the
    /// customer, or the holder of its guest link; `NoSuchOrder` for anyone
    /// else), once per `req.key`. `NothingToReturn`, `ReturnTooMany`,
    /// `NotReceivedYet`, `ReturnTimeOver`, `ReturnAtStoreOnly`.
    async fn start_return(
        &self,
        number: i64,
        viewer: &OrderViewer,
        req: &ReturnRequest,
    ) -> BackendResult<ReturnView>;
    /// A return by its code (typed or scanned), for staff at a desk.
    async fn find_return(&self, code: &str) -> BackendResult<Option<ReturnView>>;
    /// Staff at `store` accept a return: the units go back on that store's
    /// shelf (the warehouse's, for one sent by courier), the points move,
    /// the money goes back through the payment provider. Once: a second
    /// call says `repeated` and only retries a refund the provider did not
    /// take. `NoSuchReturn`.
    async fn accept_return(&self, store: &str, code: &str) -> BackendResult<AcceptedReturn>;
}

/// Who is asking for an order.
#[derive(Clone, Debug, Default)]
pub struct OrderViewer {
    pub customer: Option<i64>,
    /// Hash of the guest key from the order's secret link.
    pub guest_key_hash: Option<String>,
}

/// The answer to placing an order.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PlacedOrder {
    pub number: i64,
    /// The secret of a guest's order link (only when it was just created).
    pub guest_key: Option<String>,
}

/// Whose cart a request means. Guests are known by the hash of their cart
/// cookie; customers by id, so that every device of theirs shares one cart.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum CartOwner {
    Customer(i64),
    Guest(String),
}

/// Published after each committed cart change.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CartChanged {
    pub owner: CartOwner,
    pub version: i64,
}

/// The shopper behind a request, resolved from cookies by the host before
/// any page or server function runs (put in the request's extensions).
#[derive(Clone, Debug, Default)]
pub struct Identity {
    /// The signed-in customer, if the session cookie is live.
    pub customer: Option<i64>,
    /// Their profile as it was when the request came in (read with the
    /// session, so pages need not read it again).
    pub profile: Option<Profile>,
    /// Hash of the session token, when a live session was presented.
    pub session: Option<String>,
    /// Hash of the guest-cart token: the cookie's, or a new one's when the
    /// request brought none (see `fresh_cart`).
    pub guest_cart: String,
    /// No cart cookie came: the guest's cart is empty. The host issues the
    /// cookie only with an answer to a request that may write (the first
    /// item added), so that browsing sets no cookie and shared caches can
    /// keep the pages.
    pub fresh_cart: bool,
    /// The client's address, for login throttling.
    pub client: String,
    /// Whether cookies must be `Secure` (served over HTTPS).
    pub secure: bool,
    pub user_agent: String,
    /// The shopper's language (the `lang` cookie, else `Accept-Language`),
    /// worked out once for the whole request.
    pub locale: Locale,
    /// "My store": the customer's, else the guest's cookie (a known slug).
    pub store: Option<String>,
    /// The cart as read with the session, for a catalog page (which shows
    /// it in the header and never changes it), so the page need not read it
    /// again: one database round trip for who is asking.
    pub cart: Option<Cart>,
    /// The store this device is a kiosk of (set by staff with the PIN).
    pub kiosk: Option<String>,
    /// Hash of the kiosk device's secret, while it is a bound kiosk.
    pub kiosk_device: Option<String>,
}

impl Identity {
    /// True when the cart is certainly empty (a guest without a cart cookie),
    /// so it need not be read.
    pub fn has_no_cart(&self) -> bool {
        self.customer.is_none() && self.fresh_cart
    }

    /// No cart, no store, no session, not a kiosk: a page for this visitor is
    /// everybody's (shared caches may keep it; the page cache keeps it whole).
    pub fn is_anonymous(&self) -> bool {
        self.has_no_cart() && self.store.is_none() && self.kiosk.is_none()
    }

    /// "My store": a kiosk's own, else the customer's (on the account, read
    /// with the session), else the guest's cookie.
    pub fn my_store(&self) -> Option<&str> {
        if let Some(kiosk) = &self.kiosk {
            return Some(kiosk);
        }
        match &self.profile {
            Some(p) => p.preferred_store.as_deref(),
            None => self.store.as_deref(),
        }
    }

    /// The cart this request works on.
    pub fn cart_owner(&self) -> CartOwner {
        match self.customer {
            Some(id) => CartOwner::Customer(id),
            None => CartOwner::Guest(self.guest_cart.clone()),
        }
    }
}

/// What [`AccountBackend::who`] found.
#[derive(Clone, Debug, Default)]
pub struct Who {
    /// A presented token was ended by [`KioskBackend::end_visit`].
    pub ended: bool,
    /// The live session's customer.
    pub profile: Option<Profile>,
    /// The cart, when asked for.
    pub cart: Option<Cart>,
}

/// Session cookie: HttpOnly, SameSite=Lax, a browser-session lifetime bounded
/// by the server-side expiry.
pub const SESSION_COOKIE: &str = "os_sid";
/// Guest cart cookie: 30 days.
pub const CART_COOKIE: &str = "os_cart";
/// A guest's "my store" (a store slug), 1 year.
pub const STORE_COOKIE: &str = "os_store";
/// Lifetime of the guest cart cookie and of a session, in seconds.
pub const CART_COOKIE_MAX_AGE: i64 = 30 * 24 * 3600;
pub const SESSION_MAX_AGE: i64 = 30 * 24 * 3600;

/// A fresh secret: 256 random bits from the OS, hex-encoded.
pub fn new_token() -> String {
    let mut bytes = [0u8; 32];
    getrandom::fill(&mut bytes).expect("the OS random source failed");
    hex(&bytes)
}

/// What the server stores in place of a token.
pub fn hash_token(token: &str) -> String {
    hex(&Sha256::digest(token.as_bytes()))
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// A `Set-Cookie` value for one of our HttpOnly cookies; `max_age` 0 deletes it.
pub fn cookie(name: &str, value: &str, max_age: i64, secure: bool) -> String {
    cookie::Cookie::build((name, value))
        .path("/")
        .max_age(cookie::time::Duration::seconds(max_age))
        .http_only(true)
        .same_site(cookie::SameSite::Lax)
        .secure(secure)
        .build()
        .to_string()
}

/// Token values are 64 hex characters; anything else is ignored, not looked up.
pub fn is_token(value: &str) -> bool {
    value.len() == 64 && value.bytes().all(|b| b.is_ascii_hexdigit())
}

/// How the back end is shared: one instance, put in Leptos context and Axum state.
pub type Backend = Arc<dyn Commerce>;
