//! What staff type to create a promotion (`omnistore promotion add …`),
//! read into the model's [`Promotion`]: amounts as shoppers write them
//! ("20", "19,99"), times as the shop's clock shows them ("2026-12-24 18:00"
//! in its time zone, so a sale that starts at midnight starts at the shop's
//! midnight, summer time or not).

use chrono::{NaiveDateTime, TimeZone};
use chrono_tz::Tz;
use clap::Args;
use omnistore_components::model::{parse_code, parse_price_input, Offer, Promotion};

/// `promotion add`'s flags.
#[derive(Args, Debug, Default)]
pub struct NewPromotionArgs {
    /// Shown on the discount line, e.g. "Winter sale".
    #[arg(long)]
    pub name: String,
    /// The code shoppers type (letters, digits, '-' and '_'); without it the
    /// promotion applies by itself.
    #[arg(long)]
    pub code: Option<String>,
    /// Percent off each unit (1-100).
    #[arg(long, conflicts_with_all = ["amount", "buy"])]
    pub percent: Option<u8>,
    /// An amount off the items it covers, once per cart ("20" or "19,99").
    #[arg(long, conflicts_with = "buy")]
    pub amount: Option<String>,
    /// "Buy N, pay for M": with --pay; the cheapest N-M of every N are free.
    #[arg(long, requires = "pay")]
    pub buy: Option<u8>,
    /// See --buy.
    #[arg(long, requires = "buy")]
    pub pay: Option<u8>,
    /// The store's pickup fee waived (with --min-spend: "free pickup from 100 zł").
    #[arg(long, conflicts_with_all = ["percent", "amount", "buy"])]
    pub free_pickup: bool,
    /// Only this category (its slug, as in /c/{slug}); everything when omitted.
    #[arg(long)]
    pub category: Option<String>,
    /// What the items it covers must cost together ("100").
    #[arg(long)]
    pub min_spend: Option<String>,
    /// From "YYYY-MM-DD HH:MM" in --time-zone; now when omitted.
    #[arg(long)]
    pub starts: Option<String>,
    /// Until "YYYY-MM-DD HH:MM" in --time-zone; no end when omitted.
    #[arg(long)]
    pub ends: Option<String>,
    /// The shop's time zone (IANA name).
    #[arg(long, default_value = "Europe/Warsaw")]
    pub time_zone: String,
    /// Orders one customer may place with it.
    #[arg(long)]
    pub per_customer: Option<u32>,
    /// Orders everyone together may place with it.
    #[arg(long)]
    pub limit: Option<u32>,
}

/// Why the flags make no promotion; the text names the flag.
#[derive(Debug, PartialEq, Eq, thiserror::Error)]
#[error("--{flag}: {why}")]
pub struct BadFlag {
    pub flag: &'static str,
    pub why: String,
}

fn bad(flag: &'static str, why: impl Into<String>) -> BadFlag {
    BadFlag {
        flag,
        why: why.into(),
    }
}

fn moment(flag: &'static str, text: &str, tz: Tz) -> Result<i64, BadFlag> {
    let naive = NaiveDateTime::parse_from_str(text.trim(), "%Y-%m-%d %H:%M")
        .map_err(|_| bad(flag, "expected \"YYYY-MM-DD HH:MM\""))?;
    // A time the clocks skip (the spring change) takes the moment after.
    tz.from_local_datetime(&naive)
        .earliest()
        .or_else(|| {
            tz.from_local_datetime(&(naive + chrono::Duration::hours(1)))
                .earliest()
        })
        .map(|t| t.timestamp())
        .ok_or_else(|| bad(flag, "not a time in that zone"))
}

impl NewPromotionArgs {
    /// The promotion these flags describe (`now`: Unix seconds, for a start
    /// left out).
    pub fn promotion(&self, now: i64) -> Result<Promotion, BadFlag> {
        let name = self.name.trim();
        if name.is_empty() || name.chars().count() > 80 {
            return Err(bad("name", "1 to 80 characters"));
        }
        let offer = match (self.percent, &self.amount, self.buy.zip(self.pay)) {
            _ if self.free_pickup => Offer::FreePickup,
            (Some(percent), None, None) => Offer::PercentOff { percent },
            (None, Some(a), None) => Offer::AmountOff {
                minor: parse_price_input(a).map_err(|e| bad("amount", e.to_string()))?,
            },
            (None, None, Some((buy, pay))) => Offer::BuyPay { buy, pay },
            _ => {
                return Err(bad(
                    "percent",
                    "give one of --percent, --amount, --buy/--pay or --free-pickup",
                ))
            }
        };
        let offer = offer.checked().ok_or_else(|| {
            bad(
                "percent",
                "nothing off (percent 1-100, an amount above 0, pay fewer than buy)",
            )
        })?;
        let tz: Tz = self
            .time_zone
            .parse()
            .map_err(|_| bad("time-zone", "not an IANA time zone"))?;
        let starts_at = match &self.starts {
            Some(s) => moment("starts", s, tz)?,
            None => now,
        };
        let ends_at = self
            .ends
            .as_deref()
            .map(|e| moment("ends", e, tz))
            .transpose()?;
        if ends_at.is_some_and(|e| e <= starts_at) {
            return Err(bad("ends", "must be after the start"));
        }
        let code = self
            .code
            .as_deref()
            .map(|c| parse_code(c).ok_or_else(|| bad("code", "1-32 letters, digits, '-' or '_'")))
            .transpose()?;
        let min_spend = self
            .min_spend
            .as_deref()
            .map(|m| parse_price_input(m).map_err(|e| bad("min-spend", e.to_string())))
            .transpose()?
            .unwrap_or(0);
        if self.per_customer == Some(0) || self.limit == Some(0) {
            return Err(bad("limit", "a limit is at least 1"));
        }
        Ok(Promotion {
            id: 0,
            name: name.to_string(),
            code,
            category: self.category.clone(),
            offer,
            min_spend,
            starts_at,
            ends_at,
            per_customer: self.per_customer,
            limit: self.limit,
            used: 0,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(name: &str) -> NewPromotionArgs {
        NewPromotionArgs {
            name: name.into(),
            time_zone: "Europe/Warsaw".into(),
            ..Default::default()
        }
    }

    #[test]
    fn a_coupon_with_dates_in_the_shops_time_zone() {
        let a = NewPromotionArgs {
            code: Some(" winter10 ".into()),
            percent: Some(10),
            category: Some("garden".into()),
            starts: Some("2026-12-01 00:00".into()),
            ends: Some("2026-07-01 00:00".into()),
            ..args("Winter")
        };
        assert_eq!(a.promotion(0).unwrap_err().flag, "ends");
        let a = NewPromotionArgs {
            ends: Some("2027-07-01 00:00".into()),
            ..a
        };
        let p = a.promotion(0).unwrap();
        assert_eq!(p.code.as_deref(), Some("WINTER10"));
        // Midnight in Warsaw is 23:00 UTC in winter, 22:00 in summer.
        assert_eq!(p.starts_at, 1_796_079_600);
        assert_eq!(p.ends_at, Some(1_814_392_800));
        assert_eq!(p.offer, Offer::PercentOff { percent: 10 });
    }

    #[test]
    fn offers_and_amounts() {
        let a = NewPromotionArgs {
            amount: Some("19,99".into()),
            min_spend: Some("100".into()),
            ..args("Twenty")
        };
        let p = a.promotion(42).unwrap();
        assert_eq!(
            (p.offer, p.min_spend, p.starts_at),
            (Offer::AmountOff { minor: 1999 }, 10_000, 42)
        );
        let a = NewPromotionArgs {
            buy: Some(3),
            pay: Some(2),
            ..args("3 for 2")
        };
        assert_eq!(
            a.promotion(0).unwrap().offer,
            Offer::BuyPay { buy: 3, pay: 2 }
        );
        assert_eq!(args("None").promotion(0).unwrap_err().flag, "percent");
        let zero = NewPromotionArgs {
            percent: Some(0),
            ..args("Zero")
        };
        assert!(zero.promotion(0).is_err());
        let bad_code = NewPromotionArgs {
            percent: Some(5),
            code: Some("two words".into()),
            ..args("x")
        };
        assert_eq!(bad_code.promotion(0).unwrap_err().flag, "code");
        let bad_zone = NewPromotionArgs {
            percent: Some(5),
            time_zone: "Mars/Olympus".into(),
            ..args("x")
        };
        assert_eq!(bad_zone.promotion(0).unwrap_err().flag, "time-zone");
    }
}
