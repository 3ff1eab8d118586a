//! Recommendations that say why they show what they show, computed by the
//! back end from the shop's own orders (no third party):
//! - often bought together with a product (orders holding both);
//! - because you bought a product (the same, for a customer's last order);
//! - popular at a store (its pickup orders of the last weeks);
//! - for a shop without orders yet: the product's category, newest first.
//!
//! Usage:
//! ```
//! use omnistore_components::model::{Recommendations, Why};
//! let r = Recommendations { why: Why::PopularAt { store: "Kraków Rynek".into() }, products: vec![] };
//! assert!(r.products.is_empty());
//! ```

use super::ProductSummary;
use serde::{Deserialize, Serialize};

/// Products a block shows at most.
pub const RECOMMENDED: usize = 4;

/// Why a block shows what it shows (its heading says it).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Why {
    /// Shoppers who bought this product (named) also bought these.
    BoughtTogether { product: String },
    /// The customer bought this product (named); shoppers who did also
    /// bought these.
    BecauseYouBought { product: String },
    /// Bought most for pickup at this store (named) lately.
    PopularAt { store: String },
    /// No orders to go by yet: the newest of this category (named).
    NewIn { category: String },
}

/// One block of recommendations.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Recommendations {
    pub why: Why,
    pub products: Vec<ProductSummary>,
}
