//! One pricing function for the whole shop: the same cart gives the same
//! lines, discounts and total on the web, the kiosk, the installed app, the
//! JSON API and at checkout, because all of them call [`price`] with the
//! cart's lines and the promotions in force.
//!
//! The rules, in the order they are applied:
//! - a unit gets at most one promotion (promotions never stack on a unit);
//! - of the promotions that could apply, the one that saves the shopper most
//!   on its own goes first and takes its units; the next best is then worked
//!   out on the units left, and so on (ties: the older promotion first);
//! - amounts are integer minor units and every division rounds down, so a
//!   discount is never more than its rule says; an amount off the order is
//!   spread over its lines in proportion, the last grosz to the earliest
//!   lines, so line discounts always add up to the discount;
//! - a cart carries at most one coupon code; a code whose promotion saves
//!   nothing (nothing of its category, below its minimum, or a better offer
//!   took those units) is kept and says why;
//! - a cart with pickup lines pays its store's pickup fee, once; a "free
//!   pickup" promotion waives it when what its items cost after the other
//!   promotions reaches its minimum (see [`price_with_fee`]).
//!
//! Usage:
//! ```
//! use omnistore_components::model::{price, Offer, Priceable, Promotion};
//! let three_for_two = Promotion::automatic(1, "3 for 2 on seeds", Offer::BuyPay { buy: 3, pay: 2 })
//!     .in_category("seeds");
//! let lines = [Priceable { category: "seeds", unit: 900, quantity: 3 }];
//! let priced = price(&lines, &[&three_for_two], None);
//! assert_eq!(priced.total, 1800);
//! assert_eq!(priced.line_discounts, vec![900]);
//! ```

use serde::{Deserialize, Serialize};

/// Longest coupon code accepted (codes are stored upper-case).
pub const MAX_CODE_LEN: usize = 32;

/// What a promotion takes off.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Offer {
    /// `percent` (1-100) off every unit it applies to.
    PercentOff { percent: u8 },
    /// An amount (minor units) off the units it applies to together, once
    /// per cart, never more than they cost.
    AmountOff { minor: i64 },
    /// Of every `buy` units it applies to, the cheapest `buy - pay` are
    /// free ("3 for 2" is `buy: 3, pay: 2`).
    BuyPay { buy: u8, pay: u8 },
    /// The pickup fee waived ("free pickup from 100 zł" with a minimum).
    FreePickup,
}

impl Offer {
    /// `None` when the numbers make no offer (0%, over 100%, nothing off,
    /// "3 for 3").
    pub fn checked(self) -> Option<Offer> {
        let ok = match self {
            Offer::PercentOff { percent } => (1..=100).contains(&percent),
            Offer::AmountOff { minor } => minor > 0,
            Offer::BuyPay { buy, pay } => buy >= 2 && pay >= 1 && pay < buy,
            Offer::FreePickup => true,
        };
        ok.then_some(self)
    }
}

/// A promotion as the pricing function needs it. Whether it may be used now
/// (its dates, its limits) is [`Promotion::check`]'s question, asked before.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Promotion {
    pub id: i64,
    /// Shown on the discount line ("Winter sale", "3 for 2 on seeds").
    pub name: String,
    /// Upper-case code the shopper types; `None` for an automatic promotion.
    pub code: Option<String>,
    /// The category slug it applies to; `None` for everything.
    pub category: Option<String>,
    pub offer: Offer,
    /// What the units it applies to must cost together before it applies.
    pub min_spend: i64,
    /// Unix seconds; it applies from this moment…
    pub starts_at: i64,
    /// …until this one (exclusive), or for ever.
    pub ends_at: Option<i64>,
    /// Orders one customer may place with it.
    pub per_customer: Option<u32>,
    /// Orders everyone together may place with it.
    pub limit: Option<u32>,
    /// Orders placed with it so far (cancelled ones give their use back).
    pub used: u32,
}

/// Why a coupon code takes nothing off. Worded in the shopper's language
/// where it is shown ([`super::Problem::CouponRefused`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CouponRefusal {
    /// No promotion has this code.
    Unknown,
    /// Its promotion has not started.
    NotYet,
    /// Its promotion has ended.
    Expired,
    /// Everyone together used it as often as it may be used.
    RanOut,
    /// This customer used it as often as one customer may.
    UsedUp,
    /// Nothing in the cart is of its category, or a better offer already
    /// applies to those items.
    NotApplicable,
    /// The items it applies to cost less than its minimum (minor units).
    BelowMinimum { min: i64 },
}

impl Promotion {
    /// An automatic promotion for everything, from the beginning of time,
    /// with no limits: the builder's starting point.
    pub fn automatic(id: i64, name: &str, offer: Offer) -> Promotion {
        Promotion {
            id,
            name: name.to_string(),
            code: None,
            category: None,
            offer,
            min_spend: 0,
            starts_at: 0,
            ends_at: None,
            per_customer: None,
            limit: None,
            used: 0,
        }
    }

    /// The same promotion, for one category only.
    pub fn in_category(mut self, slug: &str) -> Promotion {
        self.category = Some(slug.to_string());
        self
    }

    /// The same promotion, given by a code.
    pub fn with_code(mut self, code: &str) -> Promotion {
        self.code = Some(normalize_code(code));
        self
    }

    /// May it be used at `now` by a shopper who has used it `used_by_them`
    /// times? Dates first, then the total limit, then the shopper's.
    pub fn check(&self, now: i64, used_by_them: u32) -> Result<(), CouponRefusal> {
        if now < self.starts_at {
            return Err(CouponRefusal::NotYet);
        }
        if self.ends_at.is_some_and(|end| now >= end) {
            return Err(CouponRefusal::Expired);
        }
        if self.limit.is_some_and(|l| self.used >= l) {
            return Err(CouponRefusal::RanOut);
        }
        if self.per_customer.is_some_and(|l| used_by_them >= l) {
            return Err(CouponRefusal::UsedUp);
        }
        Ok(())
    }

    fn covers(&self, category: &str) -> bool {
        self.category.as_deref().is_none_or(|c| c == category)
    }
}

/// A code as typed, trimmed and upper-case; `None` when empty, too long or
/// not letters, digits, '-' and '_'.
pub fn parse_code(typed: &str) -> Option<String> {
    let code = normalize_code(typed);
    let ok = !code.is_empty()
        && code.len() <= MAX_CODE_LEN
        && code
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_');
    ok.then_some(code)
}

fn normalize_code(typed: &str) -> String {
    typed.trim().to_ascii_uppercase()
}

/// The promotions that apply to one shopper at `now`, out of `all`: the
/// automatic ones they may use, and the coupon `code`'s when they may use it
/// (else why not). `used_by_them` counts their orders per promotion id.
pub fn in_force<'a>(
    all: &'a [Promotion],
    now: i64,
    used_by_them: &std::collections::HashMap<i64, u32>,
    code: Option<&str>,
) -> (Vec<&'a Promotion>, Option<CouponRefusal>) {
    let theirs = |p: &Promotion| used_by_them.get(&p.id).copied().unwrap_or(0);
    let mut using: Vec<&Promotion> = all
        .iter()
        .filter(|p| p.code.is_none() && p.check(now, theirs(p)).is_ok())
        .collect();
    let refused = code.and_then(|code| {
        let code = normalize_code(code);
        match all.iter().find(|p| p.code.as_deref() == Some(&code)) {
            None => Some(CouponRefusal::Unknown),
            Some(p) => match p.check(now, theirs(p)) {
                Ok(()) => {
                    using.push(p);
                    None
                }
                Err(why) => Some(why),
            },
        }
    });
    (using, refused)
}

impl CouponRefusal {
    /// The `?error=` code of a plain form sent back with this refusal.
    pub fn code(self) -> &'static str {
        match self {
            CouponRefusal::Unknown => "coupon_unknown",
            CouponRefusal::NotYet => "coupon_not_yet",
            CouponRefusal::Expired => "coupon_expired",
            CouponRefusal::RanOut => "coupon_ran_out",
            CouponRefusal::UsedUp => "coupon_used_up",
            CouponRefusal::NotApplicable | CouponRefusal::BelowMinimum { .. } => {
                "coupon_not_applicable"
            }
        }
    }

    /// Reads [`CouponRefusal::code`] (the minimum does not travel).
    pub fn from_code(code: &str) -> Option<CouponRefusal> {
        Some(match code {
            "coupon_unknown" => CouponRefusal::Unknown,
            "coupon_not_yet" => CouponRefusal::NotYet,
            "coupon_expired" => CouponRefusal::Expired,
            "coupon_ran_out" => CouponRefusal::RanOut,
            "coupon_used_up" => CouponRefusal::UsedUp,
            "coupon_not_applicable" => CouponRefusal::NotApplicable,
            _ => return None,
        })
    }

    /// The words without the minimum (for a link's code).
    pub fn text(self, locale: crate::i18n::Locale) -> &'static str {
        use crate::i18n::Msg;
        match self {
            CouponRefusal::Unknown => Msg::CouponUnknown,
            CouponRefusal::NotYet => Msg::CouponNotYet,
            CouponRefusal::Expired => Msg::CouponExpired,
            CouponRefusal::RanOut => Msg::CouponRanOut,
            CouponRefusal::UsedUp => Msg::CouponUsedUp,
            CouponRefusal::NotApplicable | CouponRefusal::BelowMinimum { .. } => {
                Msg::CouponNotApplicable
            }
        }
        .text(locale)
    }

    /// The shopper's words, with the minimum when there is one.
    pub fn words(self, locale: crate::i18n::Locale) -> String {
        match self {
            CouponRefusal::BelowMinimum { min } => crate::i18n::Msg::CouponBelowMinimum
                .fill(locale, &[("min", &super::Money::pln(min).format(locale))]),
            other => other.text(locale).to_string(),
        }
    }

    /// True when the code cannot be used now whatever is in the cart (it
    /// is unknown, not started, over, or used up): checkout stops on it.
    pub fn is_final(self) -> bool {
        !matches!(
            self,
            CouponRefusal::NotApplicable | CouponRefusal::BelowMinimum { .. }
        )
    }
}

/// One cart line as the pricing function reads it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Priceable<'a> {
    /// Its product's category slug.
    pub category: &'a str,
    /// Price of one unit, minor units.
    pub unit: i64,
    pub quantity: u32,
}

/// One promotion's part of a cart's price.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Discount {
    pub promotion: i64,
    pub name: String,
    /// The code that brought it, for a coupon.
    pub code: Option<String>,
    /// Minor units off (more than 0).
    pub minor: i64,
}

/// The cart's coupon code and, when it takes nothing off, why.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CouponState {
    pub code: String,
    pub refused: Option<CouponRefusal>,
}

/// A cart's price: what [`price`] returns, carried by the cart.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Pricing {
    /// The lines at their prices, before discounts.
    pub subtotal: i64,
    /// One entry per promotion that takes something off, biggest first.
    pub discounts: Vec<Discount>,
    /// Minor units off each line, in the lines' order.
    pub line_discounts: Vec<i64>,
    /// What the shopper pays.
    pub total: i64,
    pub coupon: Option<CouponState>,
    /// The pickup fee the cart pays before a free-pickup promotion (0: no
    /// pickup lines, or a store that charges none); in `total`, less its
    /// waiver (which is among `discounts`).
    #[serde(default)]
    pub pickup_fee: i64,
}

impl Pricing {
    /// Minor units off the whole cart (the pickup fee's waiver too).
    pub fn discount(&self) -> i64 {
        self.subtotal + self.pickup_fee - self.total
    }

    /// The waived pickup fee (0 when it is paid or there is none).
    pub fn pickup_waived(&self) -> i64 {
        self.pickup_fee - (self.total - self.subtotal + self.line_discounts.iter().sum::<i64>())
    }
}

/// One unit of one line, while promotions are handed out.
struct Unit {
    line: usize,
    price: i64,
    taken: bool,
}

/// What one promotion would take off the units still free: per line, and
/// which units it takes.
struct Outcome {
    saving: i64,
    per_line: Vec<i64>,
    units: Vec<usize>,
}

/// Prices `lines` with the `promotions` in force (automatic ones and the
/// coupon's, already checked with [`Promotion::check`]). `coupon` is the
/// cart's code and, when it was refused before pricing, why: a refused
/// code's promotion must not be among `promotions`.
pub fn price(
    lines: &[Priceable],
    promotions: &[&Promotion],
    coupon: Option<(&str, Option<CouponRefusal>)>,
) -> Pricing {
    price_with_fee(lines, 0, promotions, coupon)
}

/// [`price`] for a cart that pays `pickup_fee` (minor units) for its pickup
/// lines. The fee is not a unit: no promotion takes it off but a
/// [`Offer::FreePickup`] one, which waives all of it when what its items
/// (its category's, or all) cost after the other promotions reaches its
/// `min_spend`. Of several, the oldest waives it.
pub fn price_with_fee(
    lines: &[Priceable],
    pickup_fee: i64,
    promotions: &[&Promotion],
    coupon: Option<(&str, Option<CouponRefusal>)>,
) -> Pricing {
    let pickup_fee = pickup_fee.max(0);
    let mut units: Vec<Unit> = lines
        .iter()
        .enumerate()
        .flat_map(|(line, l)| {
            (0..l.quantity).map(move |_| Unit {
                line,
                price: l.unit,
                taken: false,
            })
        })
        .collect();
    let subtotal: i64 = units.iter().map(|u| u.price).sum();
    let mut line_discounts = vec![0; lines.len()];
    let mut discounts = Vec::new();
    let mut left: Vec<&Promotion> = promotions.to_vec();
    left.sort_by_key(|p| p.id);
    loop {
        let best = left
            .iter()
            .enumerate()
            .map(|(i, p)| (i, outcome(p, lines, &units)))
            .filter(|(_, o)| o.saving > 0)
            // max_by_key keeps the last of equals: reversed, the oldest wins.
            .rev()
            .max_by_key(|(_, o)| o.saving);
        let Some((i, o)) = best else { break };
        let p = left.remove(i);
        for u in o.units {
            units[u].taken = true;
        }
        for (sum, off) in line_discounts.iter_mut().zip(&o.per_line) {
            *sum += off;
        }
        discounts.push(Discount {
            promotion: p.id,
            name: p.name.clone(),
            code: p.code.clone(),
            minor: o.saving,
        });
    }
    // The fee's waiver, on what the items cost after the promotions above.
    let waiver = left.iter().find(|p| {
        p.offer == Offer::FreePickup && {
            let paid: i64 = lines
                .iter()
                .zip(&line_discounts)
                .filter(|(l, _)| p.covers(l.category))
                .map(|(l, off)| l.unit * i64::from(l.quantity) - off)
                .sum();
            paid > 0 && paid >= p.min_spend
        }
    });
    let waived = match waiver {
        Some(p) if pickup_fee > 0 => {
            discounts.push(Discount {
                promotion: p.id,
                name: p.name.clone(),
                code: p.code.clone(),
                minor: pickup_fee,
            });
            pickup_fee
        }
        _ => 0,
    };
    let coupon = coupon.map(|(code, refused)| {
        let code = normalize_code(code);
        let refused = refused.or_else(|| {
            if discounts.iter().any(|d| d.code.as_deref() == Some(&code)) {
                return None;
            }
            let p = promotions
                .iter()
                .find(|p| p.code.as_deref() == Some(&code))?;
            let theirs: i64 = lines
                .iter()
                .filter(|l| p.covers(l.category))
                .map(|l| l.unit * i64::from(l.quantity))
                .sum();
            Some(if theirs > 0 && theirs < p.min_spend {
                CouponRefusal::BelowMinimum { min: p.min_spend }
            } else {
                CouponRefusal::NotApplicable
            })
        });
        CouponState { code, refused }
    });
    let total = subtotal - line_discounts.iter().sum::<i64>() + pickup_fee - waived;
    Pricing {
        subtotal,
        discounts,
        line_discounts,
        total,
        coupon,
        pickup_fee,
    }
}

fn outcome(p: &Promotion, lines: &[Priceable], units: &[Unit]) -> Outcome {
    let mut per_line = vec![0; lines.len()];
    let free: Vec<usize> = (0..units.len())
        .filter(|&u| !units[u].taken && p.covers(lines[units[u].line].category))
        .collect();
    let spend: i64 = free.iter().map(|&u| units[u].price).sum();
    if free.is_empty() || spend < p.min_spend {
        return Outcome {
            saving: 0,
            per_line,
            units: Vec::new(),
        };
    }
    let mut taken = free.clone();
    match p.offer {
        Offer::PercentOff { percent } => {
            for &u in &free {
                per_line[units[u].line] += units[u].price;
            }
            for off in per_line.iter_mut() {
                *off = *off * i64::from(percent.min(100)) / 100;
            }
        }
        Offer::AmountOff { minor } => {
            let off = minor.clamp(0, spend);
            let mut spent = vec![0; lines.len()];
            for &u in &free {
                spent[units[u].line] += units[u].price;
            }
            let mut given = 0;
            for (share, part) in per_line.iter_mut().zip(&spent) {
                *share = off * part / spend;
                given += *share;
            }
            // What rounding down left over, a grosz at a time from the top.
            for (share, part) in per_line.iter_mut().zip(&spent) {
                if given < off && *share < *part {
                    *share += 1;
                    given += 1;
                }
            }
        }
        Offer::BuyPay { buy, pay } => {
            let (buy, pay) = (usize::from(buy.max(1)), usize::from(pay));
            let mut by_price = free;
            by_price.sort_by_key(|&u| std::cmp::Reverse(units[u].price));
            let whole = by_price.len() / buy * buy;
            by_price.truncate(whole);
            for group in by_price.chunks(buy) {
                for &u in group.iter().skip(pay) {
                    per_line[units[u].line] += units[u].price;
                }
            }
            taken = by_price;
        }
        // Takes nothing off the items (see `price_with_fee`).
        Offer::FreePickup => taken.clear(),
    }
    Outcome {
        saving: per_line.iter().sum(),
        per_line,
        units: taken,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn line(category: &str, unit: i64, quantity: u32) -> Priceable<'_> {
        Priceable {
            category,
            unit,
            quantity,
        }
    }

    fn pct(id: i64, percent: u8) -> Promotion {
        Promotion::automatic(id, "pct", Offer::PercentOff { percent })
    }

    #[test]
    fn no_promotions_is_the_subtotal() {
        let p = price(&[line("a", 1999, 2), line("b", 1, 1)], &[], None);
        assert_eq!((p.subtotal, p.total), (3999, 3999));
        assert_eq!(p.line_discounts, vec![0, 0]);
        assert!(p.discounts.is_empty());
    }

    #[test]
    fn percent_rounds_down_per_line_in_minor_units() {
        // 15% of 3 × 3.33 = 1.4985 → 1.49; of 0.99 → 0.14.
        let p = price(&[line("a", 333, 3), line("a", 99, 1)], &[&pct(1, 15)], None);
        assert_eq!(p.line_discounts, vec![149, 14]);
        assert_eq!(p.total, 999 + 99 - 163);
        assert_eq!(p.discounts[0].minor, 163);
    }

    #[test]
    fn category_promotions_leave_other_lines_alone() {
        let promo = pct(1, 50).in_category("seeds");
        let p = price(
            &[line("seeds", 400, 1), line("tools", 1000, 1)],
            &[&promo],
            None,
        );
        assert_eq!(p.line_discounts, vec![200, 0]);
        assert_eq!(p.total, 1200);
    }

    #[test]
    fn free_pickup_waives_the_fee_from_its_minimum_after_other_promotions() {
        let free = Promotion {
            min_spend: 10_000,
            ..Promotion::automatic(7, "Free pickup from 100 zł", Offer::FreePickup)
        };
        // 90 zł of items: the fee is paid.
        let p = price_with_fee(&[line("a", 4_500, 2)], 499, &[&free], None);
        assert_eq!((p.total, p.pickup_fee, p.pickup_waived()), (9_499, 499, 0));
        assert_eq!(p.discount(), 0);
        assert!(p.discounts.is_empty());
        // 100 zł: waived, and it says by which promotion.
        let p = price_with_fee(&[line("a", 5_000, 2)], 499, &[&free], None);
        assert_eq!((p.total, p.pickup_waived()), (10_000, 499));
        assert_eq!(p.discounts[0].promotion, 7);
        assert_eq!(p.discounts[0].minor, 499);
        assert_eq!(p.discount(), 499);
        assert_eq!(p.line_discounts, vec![0], "not a unit's discount");
        // 110 zł less 20% is 88 zł: below the minimum after the other.
        let p = price_with_fee(&[line("a", 5_500, 2)], 499, &[&free, &pct(1, 20)], None);
        assert_eq!(p.total, 8_800 + 499);
        // No pickup, no fee to waive; as a code it takes nothing off then.
        let code = free.clone().with_code("PICKUP");
        let p = price_with_fee(&[line("a", 5_000, 2)], 0, &[&code], Some(("pickup", None)));
        assert_eq!(p.total, 10_000);
        assert_eq!(
            p.coupon.unwrap().refused,
            Some(CouponRefusal::NotApplicable)
        );
        // Of a category: only its items count towards the minimum.
        let seeds = free.clone().in_category("seeds");
        let p = price_with_fee(
            &[line("seeds", 2_000, 1), line("tools", 9_000, 1)],
            499,
            &[&seeds],
            None,
        );
        assert_eq!(p.total, 11_499);
    }

    #[test]
    fn three_for_two_frees_the_cheapest_of_each_three() {
        let promo = Promotion::automatic(1, "3 for 2", Offer::BuyPay { buy: 3, pay: 2 });
        // Units by price: 10, 10, 8 | 5, 5, 2 | 1 (the 1 is in no group of 3).
        let p = price(
            &[
                line("a", 1000, 2),
                line("a", 800, 1),
                line("a", 500, 2),
                line("a", 200, 1),
                line("a", 100, 1),
            ],
            &[&promo],
            None,
        );
        assert_eq!(p.line_discounts, vec![0, 800, 0, 200, 0]);
        assert_eq!(p.total, 2000 + 800 + 1000 + 200 + 100 - 1000);
        // Two units are not a group of three.
        let p = price(&[line("a", 1000, 2)], &[&promo], None);
        assert_eq!(p.total, 2000);
    }

    #[test]
    fn amount_off_is_spread_and_adds_up_exactly() {
        let promo = Promotion::automatic(1, "10 off", Offer::AmountOff { minor: 1000 });
        let p = price(
            &[line("a", 333, 1), line("a", 333, 1), line("a", 334, 1)],
            &[&promo],
            None,
        );
        assert_eq!(p.line_discounts.iter().sum::<i64>(), 1000);
        assert_eq!(p.total, 0);
        let p = price(&[line("a", 300, 1), line("a", 700, 2)], &[&promo], None);
        assert_eq!(p.line_discounts, vec![177, 823]);
        assert_eq!(p.total, 700);
        // Never more than the items cost.
        let p = price(&[line("a", 250, 1)], &[&promo], None);
        assert_eq!((p.line_discounts[0], p.total), (250, 0));
    }

    #[test]
    fn a_unit_gets_one_promotion_the_best_first() {
        let ten = pct(1, 10);
        let seeds_half = pct(2, 50).in_category("seeds");
        let p = price(
            &[line("seeds", 1000, 1), line("tools", 1000, 1)],
            &[&ten, &seeds_half],
            None,
        );
        // Half off the seeds (5.00) beats 10% of both (2.00); 10% then
        // applies to what is left (the tools).
        assert_eq!(p.line_discounts, vec![500, 100]);
        assert_eq!(
            p.discounts.iter().map(|d| d.promotion).collect::<Vec<_>>(),
            vec![2, 1]
        );
        assert_eq!(p.total, 1400);
    }

    #[test]
    fn ties_go_to_the_older_promotion() {
        let (a, b) = (pct(7, 10), pct(3, 10));
        let p = price(&[line("x", 1000, 1)], &[&a, &b], None);
        assert_eq!(p.discounts.len(), 1);
        assert_eq!(p.discounts[0].promotion, 3);
    }

    #[test]
    fn minimum_spend_counts_the_units_it_applies_to() {
        let mut promo = Promotion::automatic(1, "20 off 100", Offer::AmountOff { minor: 2000 })
            .in_category("tools")
            .with_code("tools20");
        promo.min_spend = 10_000;
        let lines = [line("tools", 6000, 1), line("seeds", 9000, 1)];
        let p = price(&lines, &[&promo], Some(("Tools20", None)));
        assert_eq!(p.total, 15_000);
        assert_eq!(
            p.coupon,
            Some(CouponState {
                code: "TOOLS20".into(),
                refused: Some(CouponRefusal::BelowMinimum { min: 10_000 })
            })
        );
        let lines = [line("tools", 6000, 2)];
        let p = price(&lines, &[&promo], Some(("TOOLS20", None)));
        assert_eq!(p.total, 10_000);
        assert_eq!(p.coupon.unwrap().refused, None);
        assert_eq!(p.discounts[0].code.as_deref(), Some("TOOLS20"));
    }

    #[test]
    fn a_coupon_beaten_by_a_better_offer_says_so() {
        let auto = pct(1, 50);
        let coupon = pct(2, 10).with_code("TEN");
        let p = price(
            &[line("a", 1000, 1)],
            &[&auto, &coupon],
            Some(("ten", None)),
        );
        assert_eq!(p.total, 500);
        assert_eq!(
            p.coupon.unwrap().refused,
            Some(CouponRefusal::NotApplicable)
        );
        // A code refused before pricing keeps its reason.
        let p = price(
            &[line("a", 1000, 1)],
            &[],
            Some(("OLD", Some(CouponRefusal::Expired))),
        );
        assert_eq!(p.coupon.unwrap().refused, Some(CouponRefusal::Expired));
    }

    #[test]
    fn dates_and_limits() {
        let mut p = pct(1, 10).with_code("X");
        p.starts_at = 100;
        p.ends_at = Some(200);
        p.limit = Some(5);
        p.per_customer = Some(1);
        assert_eq!(p.check(99, 0), Err(CouponRefusal::NotYet));
        assert_eq!(p.check(100, 0), Ok(()));
        assert_eq!(p.check(199, 1), Err(CouponRefusal::UsedUp));
        assert_eq!(p.check(200, 0), Err(CouponRefusal::Expired));
        p.used = 5;
        assert_eq!(p.check(150, 0), Err(CouponRefusal::RanOut));
    }

    #[test]
    fn what_is_in_force_for_a_shopper() {
        let auto = pct(1, 10);
        let mut once = pct(2, 20);
        once.per_customer = Some(1);
        let mut later = pct(3, 30);
        later.starts_at = 1000;
        let coupon = pct(4, 40).with_code("FORTY");
        let all = [auto, once, later, coupon];
        let none = std::collections::HashMap::new();
        let (using, refused) = in_force(&all, 10, &none, None);
        assert_eq!(using.iter().map(|p| p.id).collect::<Vec<_>>(), vec![1, 2]);
        assert_eq!(refused, None);
        let used = std::collections::HashMap::from([(2, 1)]);
        let (using, refused) = in_force(&all, 10, &used, Some(" forty"));
        assert_eq!(using.iter().map(|p| p.id).collect::<Vec<_>>(), vec![1, 4]);
        assert_eq!(refused, None);
        let (_, refused) = in_force(&all, 10, &none, Some("NOPE"));
        assert_eq!(refused, Some(CouponRefusal::Unknown));
        assert!(CouponRefusal::Unknown.is_final());
        assert!(!CouponRefusal::NotApplicable.is_final());
    }

    #[test]
    fn codes_and_offers_are_checked() {
        assert_eq!(parse_code("  spring-10 ").as_deref(), Some("SPRING-10"));
        assert_eq!(parse_code(""), None);
        assert_eq!(parse_code("two words"), None);
        assert_eq!(parse_code(&"A".repeat(MAX_CODE_LEN + 1)), None);
        assert!(Offer::PercentOff { percent: 0 }.checked().is_none());
        assert!(Offer::PercentOff { percent: 101 }.checked().is_none());
        assert!(Offer::AmountOff { minor: 0 }.checked().is_none());
        assert!(Offer::BuyPay { buy: 3, pay: 3 }.checked().is_none());
        assert!(Offer::BuyPay { buy: 3, pay: 2 }.checked().is_some());
    }
}
