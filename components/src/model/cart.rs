//! The cart as every channel sees it, and the rules that keep it honest:
//! quantity limits, clamping to stock, and merging a guest cart into a
//! customer's cart at login.

use super::id::VariantId;
use super::money::Money;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// Most units of one (variant, fulfilment) a cart line may hold.
pub const MAX_LINE_QUANTITY: u32 = 99;

/// How a line reaches the shopper: delivered home, or picked up at the cart's
/// pickup store. A cart may mix both.
#[derive(
    Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, Default,
)]
pub enum Fulfilment {
    #[default]
    Delivery,
    Pickup,
}

impl Fulfilment {
    /// The stored and URL form.
    pub fn as_str(self) -> &'static str {
        match self {
            Fulfilment::Delivery => "delivery",
            Fulfilment::Pickup => "pickup",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        match s {
            "delivery" => Some(Fulfilment::Delivery),
            "pickup" => Some(Fulfilment::Pickup),
            _ => None,
        }
    }
}

/// Why a requested quantity is refused outright (as opposed to clamped).
#[derive(Clone, Copy, Debug, PartialEq, Eq, thiserror::Error)]
pub enum QuantityError {
    #[error("quantity must be at least 1")]
    TooSmall,
    #[error("at most {MAX_LINE_QUANTITY} of one item per order")]
    TooLarge,
}

/// Accepts 1..=[`MAX_LINE_QUANTITY`]. Forms send whatever the shopper typed,
/// so the input is a wide signed integer.
pub fn validate_quantity(requested: i64) -> Result<u32, QuantityError> {
    if requested < 1 {
        Err(QuantityError::TooSmall)
    } else if requested > i64::from(MAX_LINE_QUANTITY) {
        Err(QuantityError::TooLarge)
    } else {
        Ok(requested as u32)
    }
}

/// The quantity a line may really hold: the request, limited by the per-line
/// maximum and by what is available. 0 means the item cannot be sold now.
pub fn clamp_quantity(requested: u32, available: u32) -> u32 {
    requested.min(MAX_LINE_QUANTITY).min(available)
}

/// A line reduced to what the merge rule needs.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct LineQty {
    pub variant_id: VariantId,
    pub fulfilment: Fulfilment,
    pub quantity: u32,
}

impl LineQty {
    pub fn new(variant_id: VariantId, quantity: u32) -> Self {
        LineQty {
            variant_id,
            fulfilment: Fulfilment::Delivery,
            quantity,
        }
    }
}

/// What a merge did, for the message shown after login.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct MergeReport {
    /// Guest lines whose units reached the customer's cart (in full or in part).
    pub added_lines: u32,
    /// Lines that ended below what the two carts held together, with the
    /// quantity they got (all that is available, or the per-line limit).
    pub reduced: Vec<LineQty>,
    /// Guest lines that could not be kept at all (nothing available).
    pub dropped: u32,
}

impl MergeReport {
    /// True when the shopper has nothing to be told.
    pub fn is_empty(&self) -> bool {
        self.added_lines == 0 && self.reduced.is_empty() && self.dropped == 0
    }

    /// Compact form for a URL after sign-in: `added.dropped.q1_q2` (the
    /// quantities the reduced lines got). Enough to word the message.
    pub fn to_query(&self) -> String {
        let reduced: Vec<String> = self
            .reduced
            .iter()
            .map(|l| l.quantity.to_string())
            .collect();
        format!(
            "{}.{}.{}",
            self.added_lines,
            self.dropped,
            reduced.join("_")
        )
    }

    /// Reads [`MergeReport::to_query`]; `None` for anything malformed.
    pub fn from_query(s: &str) -> Option<MergeReport> {
        let mut parts = s.splitn(3, '.');
        let added_lines = parts.next()?.parse().ok()?;
        let dropped = parts.next()?.parse().ok()?;
        let rest = parts.next()?;
        let reduced = if rest.is_empty() {
            Vec::new()
        } else {
            rest.split('_')
                .take(MAX_LINE_QUANTITY as usize)
                // The URL carries only the quantities (the message needs no more).
                .map(|q| {
                    q.parse()
                        .ok()
                        .map(|quantity| LineQty::new(VariantId::from(0), quantity))
                })
                .collect::<Option<Vec<_>>>()?
        };
        Some(MergeReport {
            added_lines,
            reduced,
            dropped,
        })
    }
}

/// Merges a guest cart into a customer's cart at login.
///
/// The rule: lines are keyed by (variant, fulfilment). Quantities of the same
/// key are summed, then clamped to the per-line limit and to `available(key)`
/// units. Lines only the customer had are kept as they are (the customer did
/// not ask for anything new there). A guest line with nothing available is
/// dropped. The result is in (variant, fulfilment) order, so applying it is
/// deterministic.
///
/// The function is pure; idempotency across retried or concurrent logins is
/// the storage's job (the guest cart is closed in the same transaction that
/// writes the result, and a closed cart is never merged again).
pub fn merge_carts(
    customer: &[LineQty],
    guest: &[LineQty],
    available: impl Fn(&VariantId, Fulfilment) -> u32,
) -> (Vec<LineQty>, MergeReport) {
    let mut merged: BTreeMap<(VariantId, Fulfilment), u32> = BTreeMap::new();
    for l in customer {
        *merged
            .entry((l.variant_id.clone(), l.fulfilment))
            .or_default() += l.quantity;
    }
    let mut report = MergeReport::default();
    let mut guest_sum: BTreeMap<(VariantId, Fulfilment), u32> = BTreeMap::new();
    for l in guest.iter().filter(|l| l.quantity > 0) {
        *guest_sum
            .entry((l.variant_id.clone(), l.fulfilment))
            .or_default() += l.quantity;
    }
    for ((variant_id, fulfilment), extra) in guest_sum {
        let own = merged
            .get(&(variant_id.clone(), fulfilment))
            .copied()
            .unwrap_or(0);
        let wanted = own.saturating_add(extra);
        let got = clamp_quantity(wanted, available(&variant_id, fulfilment));
        let key = (variant_id, fulfilment);
        if got == 0 {
            merged.remove(&key);
            report.dropped += 1;
            continue;
        }
        if got > own {
            report.added_lines += 1;
        }
        if got < wanted {
            report.reduced.push(LineQty {
                variant_id: key.0.clone(),
                fulfilment,
                quantity: got,
            });
        }
        merged.insert(key, got);
    }
    let lines = merged
        .into_iter()
        .map(|((variant_id, fulfilment), quantity)| LineQty {
            variant_id,
            fulfilment,
            quantity,
        })
        .collect();
    (lines, report)
}

/// One line of the cart as shown, priced by the server at read time.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CartLine {
    pub variant_id: VariantId,
    pub fulfilment: Fulfilment,
    pub quantity: u32,
    pub product_slug: String,
    pub product_name: String,
    /// "M / Green", empty for single-variant products.
    pub variant_label: String,
    pub sku: String,
    pub image: String,
    /// Today's catalog price of one unit.
    pub unit_price: Money,
    /// The unit price when the line was added, when it differs from today's.
    pub price_was: Option<Money>,
    /// Units available for this fulfilment right now (for pickup: on the
    /// store's shelf plus what the warehouse can transfer).
    pub available: u32,
    /// Pickup lines: units on the pickup store's own shelf.
    pub store_units: Option<u32>,
    /// Its product's category slug (what category promotions apply to).
    #[serde(default)]
    pub category: String,
}

impl CartLine {
    pub fn line_total(&self) -> Money {
        Money {
            minor: self.unit_price.minor * i64::from(self.quantity),
            currency: self.unit_price.currency,
        }
    }

    /// The line holds all there is: the shopper should know they cannot add more.
    pub fn at_stock_limit(&self) -> bool {
        self.quantity >= self.available
    }
}

/// The whole cart: what the cart page, the mini-cart and the badge render.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Cart {
    pub lines: Vec<CartLine>,
    /// Bumped by every change; devices use it to skip stale updates.
    pub version: i64,
    /// Where the pickup lines are collected (the shopper's store when chosen).
    pub pickup_store: Option<super::store::StoreRef>,
    /// Its price by the shop's one pricing function: discounts and total.
    /// Empty (no discounts) on a back end whose platform prices the cart.
    #[serde(default)]
    pub pricing: super::pricing::Pricing,
}

impl Cart {
    /// Units in the cart (what the header badge counts).
    pub fn item_count(&self) -> u32 {
        self.lines.iter().map(|l| l.quantity).sum()
    }

    pub fn subtotal(&self) -> Money {
        // One cart, one currency: the catalog's (the lines'), złoty when empty.
        Money {
            minor: self.lines.iter().map(|l| l.line_total().minor).sum(),
            currency: self
                .lines
                .first()
                .map_or_else(Default::default, |l| l.unit_price.currency),
        }
    }

    /// What the shopper pays: the subtotal less the discounts.
    pub fn total(&self) -> Money {
        Money {
            minor: self.subtotal().minor + self.pricing.pickup_fee - self.pricing.discount(),
            ..self.subtotal()
        }
    }

    /// Minor units off line `index`.
    pub fn line_discount(&self, index: usize) -> i64 {
        self.pricing.line_discounts.get(index).copied().unwrap_or(0)
    }

    /// The lines as [`super::pricing::price`] reads them.
    pub fn priceable(&self) -> Vec<super::pricing::Priceable<'_>> {
        self.lines
            .iter()
            .map(|l| super::pricing::Priceable {
                category: &l.category,
                unit: l.unit_price.minor,
                quantity: l.quantity,
            })
            .collect()
    }

    pub fn has(&self, fulfilment: Fulfilment) -> bool {
        self.lines.iter().any(|l| l.fulfilment == fulfilment)
    }

    pub fn line(&self, variant_id: &VariantId, fulfilment: Fulfilment) -> Option<&CartLine> {
        self.lines
            .iter()
            .find(|l| &l.variant_id == variant_id && l.fulfilment == fulfilment)
    }
}

/// What the shopper is told after a change that did not go exactly as asked.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum CartNotice {
    /// Fewer units than asked for: `got` is all there is.
    Clamped { requested: u32, got: u32 },
    /// The item cannot be sold now (no stock, or no longer in the catalog).
    Unavailable,
}

/// The answer to every cart change: the cart after it, and a notice when the
/// change was adjusted.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct CartUpdate {
    pub cart: Cart,
    pub notice: Option<CartNotice>,
}

/// A cart change, as queued by a browser that may be offline. Each carries an
/// idempotency key so that a retried send is applied once.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum CartOp {
    /// Add units to a line (creating it).
    Add {
        variant_id: VariantId,
        quantity: u32,
        #[serde(default)]
        fulfilment: Fulfilment,
    },
    /// Set a line's quantity; 0 removes it.
    Set {
        variant_id: VariantId,
        quantity: u32,
        #[serde(default)]
        fulfilment: Fulfilment,
    },
    /// Remove a line.
    Remove {
        variant_id: VariantId,
        #[serde(default)]
        fulfilment: Fulfilment,
    },
    /// Switch a line between delivery and pickup (joining a line of the same
    /// variant that is already there).
    Move {
        variant_id: VariantId,
        from: Fulfilment,
        to: Fulfilment,
    },
    /// Collect the pickup lines at this store (a store slug).
    PickupAt { store: String },
    /// Empty the cart.
    Clear,
}

/// Checks an idempotency key sent by a browser: 8 to 64 characters of
/// `[A-Za-z0-9_-]` (a UUID or a random token).
pub fn is_valid_op_key(key: &str) -> bool {
    (8..=64).contains(&key.len())
        && key
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
}

#[cfg(test)]
mod tests {
    use super::*;

    // Ids as a platform may write them: not numbers.
    const A: &str = "a1f0";
    const B: &str = "b7c2";
    const C: &str = "c9d4";

    fn lq(variant: &str, quantity: u32) -> LineQty {
        LineQty::new(variant.parse().unwrap(), quantity)
    }

    fn plenty(_: &VariantId, _: Fulfilment) -> u32 {
        1000
    }

    fn q(lines: &[LineQty], v: &str) -> Option<u32> {
        lines
            .iter()
            .find(|l| l.variant_id.as_str() == v)
            .map(|l| l.quantity)
    }

    #[test]
    fn merge_sums_same_lines_and_keeps_the_rest() {
        let guest = [lq(A, 2), lq(B, 1)];
        let customer = [lq(A, 1), lq(C, 1)];
        let (lines, report) = merge_carts(&customer, &guest, plenty);
        assert_eq!(lines, vec![lq(A, 3), lq(B, 1), lq(C, 1)]);
        assert_eq!(report.added_lines, 2);
        assert!(report.reduced.is_empty());
        assert_eq!(report.dropped, 0);
    }

    #[test]
    fn merge_clamps_to_stock_and_reports_it() {
        let guest = [lq(A, 2), lq(B, 5)];
        let customer = [lq(A, 2)];
        let stock = |v: &VariantId, _| if v.as_str() == A { 3 } else { 10 };
        let (lines, report) = merge_carts(&customer, &guest, stock);
        assert_eq!(q(&lines, A), Some(3));
        assert_eq!(q(&lines, B), Some(5));
        assert_eq!(report.reduced, vec![lq(A, 3)]);
        assert_eq!(report.added_lines, 2);
    }

    #[test]
    fn merge_clamps_to_the_line_limit() {
        let (lines, report) = merge_carts(&[lq(A, 60)], &[lq(A, 60)], plenty);
        assert_eq!(q(&lines, A), Some(MAX_LINE_QUANTITY));
        assert_eq!(report.reduced, vec![lq(A, MAX_LINE_QUANTITY)]);
    }

    #[test]
    fn merge_drops_what_is_sold_out() {
        let stock = |v: &VariantId, _| if v.as_str() == B { 0 } else { 5 };
        let (lines, report) = merge_carts(&[lq(A, 1)], &[lq(B, 2)], stock);
        assert_eq!(lines, vec![lq(A, 1)]);
        assert_eq!(report.dropped, 1);
        assert_eq!(report.added_lines, 0);
    }

    #[test]
    fn merge_of_empty_carts() {
        let (lines, report) = merge_carts(&[], &[], plenty);
        assert!(lines.is_empty());
        assert!(report.is_empty());
        // Empty guest: the customer's cart is untouched, nothing to say.
        let customer = [lq(C, 4)];
        let (lines, report) = merge_carts(&customer, &[], |_, _| 0);
        assert_eq!(lines, customer.to_vec());
        assert!(report.is_empty());
        // Empty customer: the guest cart becomes the cart.
        let (lines, report) = merge_carts(&[], &[lq(B, 2)], plenty);
        assert_eq!(lines, vec![lq(B, 2)]);
        assert_eq!(report.added_lines, 1);
    }

    #[test]
    fn merge_is_stable_when_applied_to_its_own_result() {
        // Merging an empty guest cart into the result changes nothing: a retried
        // login whose guest cart was already closed (and so reads as empty) is a no-op.
        let guest = [lq(A, 2), lq(B, 1)];
        let (once, _) = merge_carts(&[lq(A, 1)], &guest, plenty);
        let (twice, report) = merge_carts(&once, &[], plenty);
        assert_eq!(once, twice);
        assert!(report.is_empty());
    }

    #[test]
    fn guest_line_already_at_stock_is_not_counted_as_added() {
        let stock = |_: &VariantId, _| 2;
        let (lines, report) = merge_carts(&[lq(A, 2)], &[lq(A, 1)], stock);
        assert_eq!(q(&lines, A), Some(2));
        assert_eq!(report.added_lines, 0);
        assert_eq!(report.reduced, vec![lq(A, 2)]);
    }

    #[test]
    fn quantity_validation() {
        assert_eq!(validate_quantity(0), Err(QuantityError::TooSmall));
        assert_eq!(validate_quantity(-5), Err(QuantityError::TooSmall));
        assert_eq!(validate_quantity(1), Ok(1));
        assert_eq!(validate_quantity(99), Ok(99));
        assert_eq!(validate_quantity(100), Err(QuantityError::TooLarge));
        assert_eq!(validate_quantity(i64::MAX), Err(QuantityError::TooLarge));
        assert_eq!(clamp_quantity(10, 3), 3);
        assert_eq!(clamp_quantity(150, 1000), MAX_LINE_QUANTITY);
        assert_eq!(clamp_quantity(4, 0), 0);
    }

    #[test]
    fn totals_and_counts() {
        let line = |v: &str, qty, price| CartLine {
            variant_id: v.parse().unwrap(),
            fulfilment: Fulfilment::Delivery,
            quantity: qty,
            product_slug: "p".into(),
            product_name: "P".into(),
            variant_label: String::new(),
            sku: "S".into(),
            image: String::new(),
            unit_price: Money::pln(price),
            price_was: None,
            available: 10,
            store_units: None,
            category: "c".into(),
        };
        let mut cart = Cart {
            lines: vec![line(A, 2, 1999), line(B, 3, 500)],
            version: 1,
            pickup_store: None,
            pricing: Default::default(),
        };
        assert_eq!(cart.item_count(), 5);
        assert_eq!(cart.subtotal(), Money::pln(2 * 1999 + 3 * 500));
        assert!(cart
            .line(&B.parse().unwrap(), Fulfilment::Delivery)
            .is_some());
        assert!(cart
            .line(&C.parse().unwrap(), Fulfilment::Delivery)
            .is_none());
        // Unpriced (a platform that prices its own carts): no discount.
        assert_eq!(cart.total(), cart.subtotal());
        let half = super::super::pricing::Promotion::automatic(
            1,
            "half",
            super::super::pricing::Offer::PercentOff { percent: 50 },
        );
        cart.pricing = super::super::pricing::price(&cart.priceable(), &[&half], None);
        assert_eq!(cart.total(), Money::pln((2 * 1999 + 3 * 500) / 2));
        assert_eq!(cart.line_discount(0), 1999);
        assert_eq!(cart.line_discount(1), 750);
        assert_eq!(cart.line_discount(2), 0);
    }

    #[test]
    fn merge_report_round_trips_through_a_url() {
        let r = MergeReport {
            added_lines: 2,
            reduced: vec![lq("0", 3), lq("0", 99)],
            dropped: 1,
        };
        assert_eq!(r.to_query(), "2.1.3_99");
        assert_eq!(MergeReport::from_query(&r.to_query()), Some(r));
        let empty = MergeReport::default();
        assert_eq!(MergeReport::from_query(&empty.to_query()), Some(empty));
        assert_eq!(MergeReport::from_query("2.x."), None);
        assert_eq!(MergeReport::from_query("<script>"), None);
    }

    #[test]
    fn op_keys() {
        assert!(is_valid_op_key("0b5a7c1e-2f44-4b1a-9d0e-5c3b2a1f0e9d"));
        assert!(!is_valid_op_key("short"));
        assert!(!is_valid_op_key("has space in it"));
        assert!(!is_valid_op_key(&"x".repeat(65)));
    }
}

/// "2 × Garden chair (Green)": how a cart or order line is named in lists.
pub fn line_label(quantity: u32, product_name: &str, variant_label: &str) -> String {
    if variant_label.is_empty() {
        format!("{quantity} × {product_name}")
    } else {
        format!("{quantity} × {product_name} ({variant_label})")
    }
}
