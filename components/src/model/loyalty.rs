//! Loyalty points: one balance per customer, earned in every channel and at
//! a store's till, spent at checkout or at the till. The rules are here so
//! that every side counts the same way:
//!
//! - earning: one point per full złoty paid (after discounts and points),
//!   credited when the order is collected or delivered, never when it is
//!   placed (a cancelled or expired order earns nothing);
//! - spending: 100 points take 1 zł off (a point is one grosz), on at most
//!   [`MAX_REDEEM_PERCENT`]% of what is left to pay after promotions;
//! - a cancelled, expired or declined order gives its spent points back.
//!
//! Usage:
//! ```
//! use omnistore_components::model::{points_earned, redeemable};
//! assert_eq!(points_earned(12_345), 123); // 123.45 zł paid
//! // 80 zł to pay, 10 000 points held: at most half, 40 zł = 4 000 points.
//! assert_eq!(redeemable(8_000, 10_000), 4_000);
//! ```

use serde::{Deserialize, Serialize};

/// Most of an order's price (after promotions) points may pay, in percent.
pub const MAX_REDEEM_PERCENT: i64 = 50;

/// Characters of a loyalty code (no look-alikes: it is read aloud and typed
/// at the till when a scanner fails).
pub const LOYALTY_CODE_LEN: usize = 12;

/// What a loyalty code starts with, so a scanner (the kiosk's, the staff
/// desk's) tells it from a product's EAN.
pub const LOYALTY_CODE_PREFIX: &str = "OSL-";

/// Points for `paid_minor` grosze paid: one per full złoty.
pub fn points_earned(paid_minor: i64) -> i64 {
    paid_minor.max(0) / 100
}

/// Most points an order of `to_pay_minor` (after promotions) may take, for
/// a customer holding `balance`.
pub fn redeemable(to_pay_minor: i64, balance: i64) -> i64 {
    (to_pay_minor.max(0) * MAX_REDEEM_PERCENT / 100).min(balance.max(0))
}

/// Grosze that `points` take off (a point is one grosz).
pub fn points_value(points: i64) -> i64 {
    points
}

/// Whether `s` has the shape of a loyalty code (`OSL-` and 12 characters of
/// the pickup alphabet); case and spaces around are forgiven by
/// [`parse_loyalty_code`].
pub fn parse_loyalty_code(s: &str) -> Option<String> {
    let code = s.trim().to_ascii_uppercase();
    let body = code.strip_prefix(LOYALTY_CODE_PREFIX)?;
    (body.len() == LOYALTY_CODE_LEN && body.bytes().all(|b| super::PICKUP_ALPHABET.contains(&b)))
        .then_some(code)
}

/// Why points moved.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PointsKind {
    /// An order was collected or delivered.
    Earned,
    /// A purchase at a store's till.
    Till,
    /// Spent on an order or at the till.
    Redeemed,
    /// Spent points given back (the order was cancelled, expired or
    /// declined, or its items were returned).
    Returned,
    /// Earned points taken back (the items that earned them were returned).
    Reversed,
}

impl PointsKind {
    pub fn as_str(self) -> &'static str {
        match self {
            PointsKind::Earned => "earned",
            PointsKind::Till => "till",
            PointsKind::Redeemed => "redeemed",
            PointsKind::Returned => "returned",
            PointsKind::Reversed => "reversed",
        }
    }

    pub fn parse(s: &str) -> Option<PointsKind> {
        [
            PointsKind::Earned,
            PointsKind::Till,
            PointsKind::Redeemed,
            PointsKind::Returned,
            PointsKind::Reversed,
        ]
        .into_iter()
        .find(|k| k.as_str() == s)
    }
}

/// One line of the points history.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PointsEntry {
    pub kind: PointsKind,
    /// Signed: spent points are negative.
    pub points: i64,
    /// "web", "pwa", "kiosk" or "till".
    pub channel: String,
    /// "2026-12-07 14:05" in the shop's time.
    pub at: String,
    /// The order it came from, when one did.
    pub order: Option<i64>,
    /// The store, for the till.
    pub store: Option<String>,
}

/// A customer's points: the code staff scan, the balance and the history.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct LoyaltyView {
    pub code: String,
    /// The code's QR: SVG path data in a square of `qr_size` modules.
    pub qr_path: String,
    pub qr_size: u32,
    pub balance: i64,
    /// Newest first.
    pub entries: Vec<PointsEntry>,
}

/// What staff see after a till purchase.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct TillReceipt {
    /// The customer's name, to greet them.
    pub name: String,
    pub earned: i64,
    pub redeemed: i64,
    /// The balance after it.
    pub balance: i64,
    /// The same purchase was recorded before (a resent form): nothing changed.
    pub repeated: bool,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn earning_counts_whole_zloty() {
        assert_eq!(points_earned(99), 0);
        assert_eq!(points_earned(100), 1);
        assert_eq!(points_earned(19_999), 199);
        assert_eq!(points_earned(-500), 0);
    }

    #[test]
    fn spending_is_capped_by_the_share_and_the_balance() {
        assert_eq!(redeemable(10_000, 1_000_000), 5_000);
        assert_eq!(redeemable(10_001, 1_000_000), 5_000, "rounds down");
        assert_eq!(redeemable(10_000, 1_200), 1_200);
        assert_eq!(redeemable(0, 1_200), 0);
        assert_eq!(redeemable(10_000, -5), 0);
        assert_eq!(points_value(250), 250);
    }

    #[test]
    fn codes() {
        assert_eq!(
            parse_loyalty_code(" osl-23456789abcd ").as_deref(),
            Some("OSL-23456789ABCD")
        );
        assert_eq!(parse_loyalty_code("OSL-23456789ABC"), None, "too short");
        assert_eq!(
            parse_loyalty_code("OSL-23456789ABC1"),
            None,
            "1 is not in the alphabet"
        );
        assert_eq!(parse_loyalty_code("5901234123457"), None, "an EAN");
        for k in ["earned", "till", "redeemed", "returned"] {
            assert_eq!(PointsKind::parse(k).unwrap().as_str(), k);
        }
    }
}
