//! Money in integer minor units. Never a float: a price is a count of grosze.

use crate::i18n::Locale;
use serde::{Deserialize, Serialize};

/// The currencies a catalog can price in: the built-in back end prices in
/// złoty, an external platform in its channel's currency. All have two
/// decimal places, which `Money` assumes. The type keeps amounts of
/// different currencies from being added by mistake.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
pub enum Currency {
    #[default]
    Pln,
    Usd,
    Eur,
    Gbp,
    Chf,
    Czk,
    Sek,
    Nok,
    Dkk,
    Cad,
    Aud,
}

impl Currency {
    /// ISO 4217 code, as used in schema.org offers.
    pub fn code(self) -> &'static str {
        match self {
            Currency::Pln => "PLN",
            Currency::Usd => "USD",
            Currency::Eur => "EUR",
            Currency::Gbp => "GBP",
            Currency::Chf => "CHF",
            Currency::Czk => "CZK",
            Currency::Sek => "SEK",
            Currency::Nok => "NOK",
            Currency::Dkk => "DKK",
            Currency::Cad => "CAD",
            Currency::Aud => "AUD",
        }
    }

    pub const ALL: [Currency; 11] = [
        Currency::Pln,
        Currency::Usd,
        Currency::Eur,
        Currency::Gbp,
        Currency::Chf,
        Currency::Czk,
        Currency::Sek,
        Currency::Nok,
        Currency::Dkk,
        Currency::Cad,
        Currency::Aud,
    ];

    /// The currency of an ISO 4217 code; `None` for one the shop cannot
    /// price in (other than two decimal places, or not listed).
    pub fn from_code(code: &str) -> Option<Currency> {
        Currency::ALL
            .into_iter()
            .find(|c| c.code().eq_ignore_ascii_case(code))
    }

    /// The sign English puts before the amount ("$1,299.00"), where CLDR's
    /// English has one; other currencies show their code.
    fn english_symbol(self) -> Option<&'static str> {
        match self {
            Currency::Usd => Some("$"),
            Currency::Eur => Some("€"),
            Currency::Gbp => Some("£"),
            _ => None,
        }
    }
}

/// An amount in minor units (1/100) of a currency.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Money {
    pub minor: i64,
    pub currency: Currency,
}

/// U+00A0: keeps "1 299,00 zł" on one line.
const NBSP: char = '\u{a0}';

impl Money {
    pub const fn pln(minor: i64) -> Self {
        Money {
            minor,
            currency: Currency::Pln,
        }
    }

    /// The amount as a plain decimal string with a dot ("1299.00"), for
    /// machine-readable places such as JSON-LD.
    pub fn decimal(&self) -> String {
        let sign = if self.minor < 0 { "-" } else { "" };
        let abs = self.minor.unsigned_abs();
        format!("{sign}{}.{:02}", abs / 100, abs % 100)
    }

    /// Formats for people, as CLDR does for each language: "1 299,00 zł" in
    /// Polish, "PLN 1,299.00" and "$1,299.00" in English, "1 299,00 PLN" in
    /// Russian.
    pub fn format(&self, locale: Locale) -> String {
        let abs = self.minor.unsigned_abs();
        let (sep, dec) = match locale {
            Locale::Pl | Locale::Ru => (NBSP, ','),
            Locale::En => (',', '.'),
        };
        let whole = group_thousands(abs / 100, sep);
        let sign = if self.minor < 0 { "-" } else { "" };
        let cents = abs % 100;
        match (locale, self.currency) {
            (Locale::Pl, Currency::Pln) => format!("{sign}{whole}{dec}{cents:02}{NBSP}zł"),
            (Locale::Pl | Locale::Ru, c) => {
                format!("{sign}{whole}{dec}{cents:02}{NBSP}{}", c.code())
            }
            (Locale::En, c) => match c.english_symbol() {
                Some(symbol) => format!("{sign}{symbol}{whole}{dec}{cents:02}"),
                None => format!("{sign}{}{NBSP}{whole}{dec}{cents:02}", c.code()),
            },
        }
    }

    /// Whole percent saved against a higher compare-at price, rounded down.
    pub fn percent_off(&self, compare_at: &Money) -> Option<u32> {
        if compare_at.currency != self.currency
            || compare_at.minor <= self.minor
            || compare_at.minor <= 0
        {
            return None;
        }
        let off = (compare_at.minor - self.minor) * 100 / compare_at.minor;
        u32::try_from(off).ok().filter(|p| *p > 0)
    }
}

fn group_thousands(mut n: u64, sep: char) -> String {
    let mut groups = Vec::new();
    loop {
        groups.push(n % 1000);
        n /= 1000;
        if n == 0 {
            break;
        }
    }
    let mut out = groups.pop().map(|g| g.to_string()).unwrap_or_default();
    while let Some(g) = groups.pop() {
        out.push(sep);
        out.push_str(&format!("{g:03}"));
    }
    out
}

/// Why a price typed by a shopper (filter fields) was refused.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum PriceInputError {
    #[error("not a price")]
    NotANumber,
    #[error("more than two decimal places")]
    TooPrecise,
    #[error("too large")]
    TooLarge,
}

/// Parses a price as shoppers type it, in major units: "12", "12.5", "12,50",
/// "1 299,00". Negative amounts are not prices.
pub fn parse_price_input(input: &str) -> Result<i64, PriceInputError> {
    let cleaned: String = input
        .trim()
        .chars()
        .filter(|c| !matches!(*c, ' ' | NBSP | '\u{202f}'))
        .map(|c| if c == ',' { '.' } else { c })
        .collect();
    let (whole, frac) = match cleaned.split_once('.') {
        Some((w, f)) => (w, f),
        None => (cleaned.as_str(), ""),
    };
    if whole.is_empty() && frac.is_empty() {
        return Err(PriceInputError::NotANumber);
    }
    if !whole.chars().all(|c| c.is_ascii_digit()) || !frac.chars().all(|c| c.is_ascii_digit()) {
        return Err(PriceInputError::NotANumber);
    }
    if frac.len() > 2 {
        return Err(PriceInputError::TooPrecise);
    }
    if whole.len() > 9 {
        return Err(PriceInputError::TooLarge);
    }
    let whole: i64 = if whole.is_empty() {
        0
    } else {
        whole.parse().map_err(|_| PriceInputError::NotANumber)?
    };
    let frac_minor: i64 = match frac.len() {
        0 => 0,
        1 => {
            frac.parse::<i64>()
                .map_err(|_| PriceInputError::NotANumber)?
                * 10
        }
        _ => frac.parse().map_err(|_| PriceInputError::NotANumber)?,
    };
    Ok(whole * 100 + frac_minor)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn polish_format_groups_thousands_with_nbsp() {
        assert_eq!(
            Money::pln(129900).format(Locale::Pl),
            "1\u{a0}299,00\u{a0}zł"
        );
        assert_eq!(Money::pln(5).format(Locale::Pl), "0,05\u{a0}zł");
        assert_eq!(
            Money::pln(123456789).format(Locale::Pl),
            "1\u{a0}234\u{a0}567,89\u{a0}zł"
        );
    }

    #[test]
    fn english_format() {
        assert_eq!(Money::pln(129900).format(Locale::En), "PLN\u{a0}1,299.00");
        assert_eq!(
            Money::pln(129900).format(Locale::Ru),
            "1\u{a0}299,00\u{a0}PLN"
        );
        assert_eq!(
            Money::pln(100000099).format(Locale::En),
            "PLN\u{a0}1,000,000.99"
        );
        assert_eq!(Money::pln(-250).format(Locale::En), "-PLN\u{a0}2.50");
    }

    #[test]
    fn other_currencies_use_their_symbol_or_code() {
        let usd = |minor| Money {
            minor,
            currency: Currency::Usd,
        };
        assert_eq!(usd(129900).format(Locale::En), "$1,299.00");
        assert_eq!(usd(-250).format(Locale::En), "-$2.50");
        assert_eq!(usd(129900).format(Locale::Pl), "1\u{a0}299,00\u{a0}USD");
        let chf = Money {
            minor: 1050,
            currency: Currency::Chf,
        };
        assert_eq!(chf.format(Locale::En), "CHF\u{a0}10.50");
        assert_eq!(Currency::from_code("usd"), Some(Currency::Usd));
        assert_eq!(Currency::from_code("JPY"), None);
    }

    #[test]
    fn decimal_for_machines() {
        assert_eq!(Money::pln(129900).decimal(), "1299.00");
        assert_eq!(Money::pln(7).decimal(), "0.07");
    }

    #[test]
    fn percent_off() {
        assert_eq!(Money::pln(7500).percent_off(&Money::pln(10000)), Some(25));
        assert_eq!(Money::pln(10000).percent_off(&Money::pln(10000)), None);
        assert_eq!(Money::pln(10000).percent_off(&Money::pln(9000)), None);
    }

    #[test]
    fn parses_prices_as_typed() {
        assert_eq!(parse_price_input("12"), Ok(1200));
        assert_eq!(parse_price_input("12.5"), Ok(1250));
        assert_eq!(parse_price_input("12,05"), Ok(1205));
        assert_eq!(parse_price_input(" 1 299,00 "), Ok(129900));
        assert_eq!(parse_price_input(",5"), Ok(50));
        assert_eq!(parse_price_input("-3"), Err(PriceInputError::NotANumber));
        assert_eq!(parse_price_input("1e5"), Err(PriceInputError::NotANumber));
        assert_eq!(parse_price_input("1.234"), Err(PriceInputError::TooPrecise));
        assert_eq!(parse_price_input(""), Err(PriceInputError::NotANumber));
        assert_eq!(
            parse_price_input("9999999999"),
            Err(PriceInputError::TooLarge)
        );
    }
}
