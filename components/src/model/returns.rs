//! Returns: a shopper gives back some units of what they received, at any
//! store or by courier, and gets back what those units cost them. The rules
//! are here so that the order page's promise and the desk's refund agree:
//!
//! - a line can be returned once it reached the shopper (a pickup line when
//!   the order was collected, a delivery line when it was delivered), for
//!   [`RETURN_DAYS`] days from then; the units of a started return are
//!   taken, so two returns never give back the same unit;
//! - a returned unit is worth its share of the line's price after
//!   promotions ([`units_value`]); of that worth, the part the order paid
//!   in money comes back as money, the part it paid in points comes back as
//!   points ([`refund_share`]); every division rounds down, and the return
//!   that gives back the order's last units gets the rest, so all returns
//!   together give back exactly what the order took;
//! - the points the returned purchase earned are taken back when staff
//!   accept it ([`points_to_reverse`]), never below a zero balance;
//! - an order paid at the store is paid back at a store's counter, so its
//!   return is made at a store.
//!
//! Usage:
//! ```
//! use omnistore_components::model::{refund_share, units_value, OrderMoney};
//! // 2 × 30 zł with 6 zł off the line: one unit is worth 27 zł.
//! assert_eq!(units_value(6_000 - 600, 2, 1), 2_700);
//! // The order's 54 zł were paid 44 zł in money and 1 000 points.
//! let order = OrderMoney { net: 5_400, charged: 4_400, points: 1_000 };
//! assert_eq!(refund_share(&order, 2_700, (0, 0), false), (2_200, 500));
//! ```

use super::money::Money;
use serde::{Deserialize, Serialize};

/// Days after an item reached the shopper in which it can be returned.
pub const RETURN_DAYS: i64 = 30;

/// What a return code starts with, so a desk's scanner tells it from a
/// loyalty code or an EAN.
pub const RETURN_CODE_PREFIX: &str = "OSR-";

/// Characters after the prefix (the pickup alphabet: read aloud, typed).
pub const RETURN_CODE_LEN: usize = 8;

/// A typed or scanned return code, tidied (case and spaces forgiven);
/// `None` when it does not have the shape of one.
pub fn parse_return_code(s: &str) -> Option<String> {
    let code = s.trim().to_ascii_uppercase();
    let body = code.strip_prefix(RETURN_CODE_PREFIX)?;
    (body.len() == RETURN_CODE_LEN && body.bytes().all(|b| super::PICKUP_ALPHABET.contains(&b)))
        .then_some(code)
}

/// How the items travel back.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum ReturnMethod {
    /// Brought to any store's desk; the units go on that store's shelf.
    Store,
    /// Sent by courier to the online warehouse.
    Courier,
}

impl ReturnMethod {
    pub fn as_str(self) -> &'static str {
        match self {
            ReturnMethod::Store => "store",
            ReturnMethod::Courier => "courier",
        }
    }

    pub fn parse(s: &str) -> Option<ReturnMethod> {
        [ReturnMethod::Store, ReturnMethod::Courier]
            .into_iter()
            .find(|m| m.as_str() == s)
    }
}

/// Where the money of an accepted return is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum RefundState {
    /// Staff have not accepted the items yet.
    Waiting,
    /// The payment provider took the refund.
    Refunded,
    /// Paid back in the store (the order was paid there).
    AtCounter,
    /// Accepted, but the provider has not taken the refund yet (staff try
    /// again from the desk).
    Pending,
}

/// An order line the shopper may still give back some units of.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReturnableLine {
    /// What the return form sends back for this line (`units[index]`).
    pub index: u32,
    pub product_name: String,
    pub variant_label: String,
    /// Units not yet given back or in a started return.
    pub left: u32,
}

/// A returned line.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReturnLineView {
    pub product_name: String,
    pub variant_label: String,
    pub quantity: u32,
}

/// A return as its shopper and the desk see it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReturnView {
    /// The order it gives back from.
    pub order: i64,
    pub code: String,
    pub method: ReturnMethod,
    pub accepted: bool,
    /// "2026-11-23 14:05", Warsaw time.
    pub started_at: String,
    pub lines: Vec<ReturnLineView>,
    /// Money that comes back.
    pub refund: Money,
    /// Spent points that come back.
    pub points_back: i64,
    /// Earned points taken back (when accepted).
    pub points_reversed: i64,
    pub refund_state: RefundState,
    /// The store whose desk accepted it.
    pub accepted_at_store: Option<String>,
    /// The QR code of the return code: SVG path data in a square of `qr_size` modules.
    pub qr_path: String,
    pub qr_size: u32,
}

/// What a return form asks: units per returnable line, and the way back.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReturnRequest {
    /// (line index, units), units ≥ 1.
    pub lines: Vec<(u32, u32)>,
    pub method: ReturnMethod,
    /// The form's key: a resent form starts one return.
    pub key: String,
}

/// What staff accepting a return are told.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AcceptedReturn {
    pub code: String,
    pub refund: Money,
    pub refund_state: RefundState,
    /// It had been accepted before (a second press, or a retried refund).
    pub repeated: bool,
}

/// An order's money: what its lines were worth after promotions (`net`),
/// and how that was paid, in money (`charged`) and in points (`points`,
/// one grosz each). `charged + points = net`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct OrderMoney {
    pub net: i64,
    pub charged: i64,
    pub points: i64,
}

/// What `units` of a line of `quantity` units, worth `line_net` after
/// promotions, are worth (rounded down).
pub fn units_value(line_net: i64, quantity: u32, units: u32) -> i64 {
    if quantity == 0 {
        return 0;
    }
    line_net.max(0) * i64::from(units.min(quantity)) / i64::from(quantity)
}

/// Money and points that returning goods worth `value` gives back, when
/// earlier returns gave back `before` (money, points). `last`: this return
/// gives back the order's last units, and so everything not given back yet.
pub fn refund_share(order: &OrderMoney, value: i64, before: (i64, i64), last: bool) -> (i64, i64) {
    let left = (
        (order.charged - before.0).max(0),
        (order.points - before.1).max(0),
    );
    if last {
        return left;
    }
    if order.net <= 0 {
        return (0, 0);
    }
    let value = value.clamp(0, order.net);
    (
        (value * order.charged / order.net).min(left.0),
        (value * order.points / order.net).min(left.1),
    )
}

/// Earned points to take back for a return refunding `refund` in money,
/// of an order that earned `earned` of which `reversed` were taken back
/// already; never more than the `balance` holds.
pub fn points_to_reverse(refund: i64, earned: i64, reversed: i64, last: bool, balance: i64) -> i64 {
    let left = (earned - reversed).max(0);
    let due = if last {
        left
    } else {
        super::points_earned(refund).min(left)
    };
    due.min(balance.max(0))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_have_one_shape() {
        assert_eq!(
            parse_return_code(" osr-ab23cd45 ").as_deref(),
            Some("OSR-AB23CD45")
        );
        assert_eq!(parse_return_code("OSR-AB23CD4O"), None, "no letter O");
        assert_eq!(parse_return_code("OSL-AB23CD45"), None, "a loyalty code");
        assert_eq!(parse_return_code("OSR-AB23"), None);
        assert_eq!(ReturnMethod::parse("courier"), Some(ReturnMethod::Courier));
        assert_eq!(ReturnMethod::parse("drone"), None);
    }

    #[test]
    fn a_unit_is_worth_its_share_after_promotions() {
        // 3 for 2 at 10 zł: the line of 3 cost 20 zł; a unit is worth 6.66.
        assert_eq!(units_value(2_000, 3, 1), 666);
        assert_eq!(units_value(2_000, 3, 3), 2_000);
        assert_eq!(units_value(2_000, 3, 5), 2_000, "never more than the line");
        assert_eq!(units_value(2_000, 0, 1), 0);
    }

    #[test]
    fn money_and_points_come_back_in_the_shares_they_paid() {
        let order = OrderMoney {
            net: 10_000,
            charged: 7_001,
            points: 2_999,
        };
        let first = refund_share(&order, 3_333, (0, 0), false);
        assert_eq!(first, (2_333, 999), "rounded down");
        let second = refund_share(&order, 3_333, first, false);
        assert_eq!(second, (2_333, 999));
        // The last return gives back everything left, to the grosz.
        let so_far = (first.0 + second.0, first.1 + second.1);
        let last = refund_share(&order, 3_334, so_far, true);
        assert_eq!(last, (2_335, 1_001));
        assert_eq!(so_far.0 + last.0, order.charged);
        assert_eq!(so_far.1 + last.1, order.points);
    }

    #[test]
    fn no_return_gives_back_more_than_the_order_took() {
        let order = OrderMoney {
            net: 999,
            charged: 999,
            points: 0,
        };
        let mut before = (0, 0);
        for _ in 0..5 {
            let got = refund_share(&order, 400, before, false);
            before = (before.0 + got.0, before.1 + got.1);
        }
        assert_eq!(before, (999, 0), "capped at what is left");
        assert_eq!(refund_share(&order, 999, before, true), (0, 0));
        let free = OrderMoney {
            net: 0,
            charged: 0,
            points: 0,
        };
        assert_eq!(refund_share(&free, 100, (0, 0), false), (0, 0));
    }

    #[test]
    fn earned_points_are_taken_back_down_to_a_zero_balance() {
        // 45.99 zł back: 45 of the order's 120 earned points.
        assert_eq!(points_to_reverse(4_599, 120, 0, false, 500), 45);
        assert_eq!(points_to_reverse(4_599, 120, 100, false, 500), 20);
        assert_eq!(points_to_reverse(100, 120, 45, true, 500), 75, "the rest");
        assert_eq!(points_to_reverse(4_599, 120, 0, false, 10), 10, "spent");
        assert_eq!(
            points_to_reverse(4_599, 0, 0, false, 500),
            0,
            "never earned"
        );
    }
}
