//! The wishlist: products a shopper keeps for later, on the server, so that
//! every device of theirs (and the kiosk they sign in at) shows the same.
//!
//! Usage:
//! ```
//! use omnistore_components::model::{Wish, VariantId, MAX_WISHES};
//! let w = Wish {
//!     product_slug: "rain-jacket".into(),
//!     variant_id: VariantId::from(7),
//!     added_at: 0,
//!     alert_store: None,
//! };
//! assert_eq!(w.href(), "/p/rain-jacket?variant=7");
//! assert!(MAX_WISHES >= 50);
//! ```

use super::{Money, VariantId};
use serde::{Deserialize, Serialize};

/// How many items one wishlist holds: plenty for a shopper, and a bound on
/// what one page of it costs to render.
pub const MAX_WISHES: u32 = 100;

/// One wished item as the back end keeps it: a variant of a product.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Wish {
    pub product_slug: String,
    pub variant_id: VariantId,
    /// Unix seconds.
    pub added_at: i64,
    /// The store whose shelf the customer waits for ("tell me when it is
    /// back"), until the e-mail has gone.
    pub alert_store: Option<String>,
}

impl Wish {
    /// The product page of this variant.
    pub fn href(&self) -> String {
        format!("/p/{}?variant={}", self.product_slug, self.variant_id)
    }
}

/// A wished item as pages show it, priced and stocked now from the catalog.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct WishedItem {
    pub product_slug: String,
    pub variant_id: VariantId,
    pub name: String,
    pub brand: String,
    /// "M / Green"; empty for a product with one variant and no options.
    pub variant_label: String,
    pub image: String,
    pub price: Money,
    pub compare_at: Option<Money>,
    /// Units to ship from the online warehouse.
    pub online_stock: u32,
    /// Units on the shelf of the shopper's store, when one is chosen.
    pub store_units: Option<u32>,
    /// Whether the customer asked to be told when it is back at that store.
    pub alert: bool,
}

impl WishedItem {
    /// The product page of this variant.
    pub fn href(&self) -> String {
        format!("/p/{}?variant={}", self.product_slug, self.variant_id)
    }

    /// Whether it can go into the cart now (online, or on my store's shelf).
    pub fn available(&self) -> bool {
        self.online_stock > 0 || self.store_units.is_some_and(|u| u > 0)
    }

    /// Whether "tell me when it is back at my store" makes sense: a store
    /// is chosen and its shelf has none.
    pub fn can_alert(&self) -> bool {
        self.store_units == Some(0)
    }
}

/// The wishlist as its page shows it.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct WishlistView {
    /// Newest first.
    pub items: Vec<WishedItem>,
    /// Whether the shopper is signed in ("tell me when it is back" needs an
    /// address to write to).
    pub signed_in: bool,
}
