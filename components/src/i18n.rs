//! The i18n layer: every string a shopper sees is a [`Msg`], in English,
//! Polish and Russian. The texts live in `components/locales/*.ftl` (Project
//! Fluent syntax, one file per language, for translators to edit); build.rs
//! turns them into one `Msg` constant per message, so a missing translation
//! is a compile error, not a blank on the page; the browser carries no
//! translation runtime and only the messages its islands name.
//!
//! Usage:
//! ```
//! use omnistore_components::i18n::{Locale, Msg};
//! assert_eq!(Msg::Search.text(Locale::Pl), "Szukaj");
//! ```
//!
//! During server-side rendering the locale comes from the `lang` cookie, else
//! from `Accept-Language` (see [`negotiate`]); the page's `<html lang>` carries
//! it to the browser, which reads it back when hydrating (see [`provide_locale`]).

use leptos::prelude::*;
use serde::{Deserialize, Serialize};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
pub enum Locale {
    #[default]
    En,
    Pl,
    Ru,
}

impl Locale {
    pub const ALL: [Locale; 3] = [Locale::En, Locale::Pl, Locale::Ru];

    /// BCP 47 tag, as in `<html lang>` and the `lang` cookie.
    pub fn tag(self) -> &'static str {
        match self {
            Locale::En => "en",
            Locale::Pl => "pl",
            Locale::Ru => "ru",
        }
    }

    pub fn from_tag(tag: &str) -> Option<Locale> {
        let primary = tag.split(['-', '_']).next()?.trim().to_ascii_lowercase();
        Locale::ALL.into_iter().find(|l| l.tag() == primary)
    }

    /// The language's own name, for the switcher.
    pub fn native_name(self) -> &'static str {
        match self {
            Locale::En => "English",
            Locale::Pl => "Polski",
            Locale::Ru => "Русский",
        }
    }
}

/// Name of the cookie that keeps the shopper's language choice.
pub const LANG_COOKIE: &str = "lang";

/// Chooses the locale from the `lang` cookie, else the best `Accept-Language`
/// entry we speak (by q-value), else English. Server only.
#[cfg(feature = "ssr")]
pub fn negotiate(cookie_header: Option<&str>, accept_language: Option<&str>) -> Locale {
    if let Some(l) = cookie_header
        .and_then(|c| cookie_value(c, LANG_COOKIE))
        .and_then(Locale::from_tag)
    {
        return l;
    }
    let mut best: Option<(u16, Locale)> = None;
    for entry in accept_language.unwrap_or("").split(',') {
        let mut parts = entry.split(';');
        let Some(locale) = parts.next().and_then(Locale::from_tag) else {
            continue;
        };
        let q = parts
            .find_map(|p| p.trim().strip_prefix("q="))
            .and_then(|q| q.trim().parse::<f32>().ok())
            .unwrap_or(1.0);
        // q-values have at most three decimals: compare them as integers.
        let q = (q.clamp(0.0, 1.0) * 1000.0) as u16;
        if q > 0 && best.is_none_or(|(bq, _)| q > bq) {
            best = Some((q, locale));
        }
    }
    best.map(|(_, l)| l).unwrap_or_default()
}

/// The value of one cookie in a `Cookie` request header, read with the
/// `cookie` crate. Server only.
#[cfg(feature = "ssr")]
pub fn cookie_value<'a>(header: &'a str, name: &str) -> Option<&'a str> {
    cookie::Cookie::split_parse(header)
        .filter_map(Result::ok)
        .find(|c| c.name() == name)
        .and_then(|c| c.value_raw())
        .map(|v| v.trim_matches('"'))
}

/// Puts the locale in context for every component below. On the server the
/// caller passes the negotiated locale; in the browser pass `None` and it is
/// read from `<html lang>`, which the server wrote, so hydration matches.
pub fn provide_locale(server_side: Option<Locale>) -> Locale {
    let locale = server_side.unwrap_or_else(document_locale);
    provide_context(locale);
    locale
}

fn document_locale() -> Locale {
    #[cfg(feature = "hydrate")]
    {
        if let Some(lang) = leptos::prelude::document()
            .document_element()
            .and_then(|e| e.get_attribute("lang"))
        {
            return Locale::from_tag(&lang).unwrap_or_default();
        }
    }
    Locale::default()
}

/// The locale in context. Where there is none, the page's `<html lang>` in
/// the browser (an island's component can be made where the island's
/// context does not reach, e.g. when a `<Transition>` renders its children
/// again), and English on the server (e.g. in a gallery test).
pub fn use_locale() -> Locale {
    use_context::<Locale>().unwrap_or_else(document_locale)
}

/// Shorthand used by components: the text of `msg` in the current locale.
pub fn t(msg: Msg) -> &'static str {
    msg.text(use_locale())
}

/// "3 items" / "3 produkty" / "3 товара": a count with its noun in the
/// plural form the language wants.
pub fn items(n: u32, locale: Locale) -> String {
    Msg::CartItems.count(n, locale)
}

/// The CLDR plural category of a whole number in `locale`, as the index of
/// a plural message's form (one, few, many, other: the order `build.rs`
/// writes them in). These are CLDR's integer rules for the three languages:
/// English has one (1) and other; Polish one (1), few (2-4, 22-24, … but
/// not 12-14) and many; Russian one (1, 21, 31, … but not 11), few (as
/// Polish) and many.
pub fn plural_category(n: u64, locale: Locale) -> usize {
    const ONE: usize = 0;
    const FEW: usize = 1;
    const MANY: usize = 2;
    const OTHER: usize = 3;
    let few = (2..=4).contains(&(n % 10)) && !(12..=14).contains(&(n % 100));
    match locale {
        Locale::En if n == 1 => ONE,
        Locale::En => OTHER,
        Locale::Pl if n == 1 => ONE,
        Locale::Ru if n % 10 == 1 && n % 100 != 11 => ONE,
        Locale::Pl | Locale::Ru if few => FEW,
        Locale::Pl | Locale::Ru => MANY,
    }
}

/// Every fixed text of the storefront: one constant per message in
/// `locales/en.ftl` (e.g. `Msg::CartItems` for `cart-items`), holding its
/// text in each language in [`Locale`] order.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Msg(&'static [&'static str; 3]);

// The constants, compiled from `locales/*.ftl` by build.rs.
include!(concat!(env!("OUT_DIR"), "/messages.rs"));

/// Separates the forms of a plural message in its text.
const FORMS: char = '\u{1f}';

impl Msg {
    fn entry(self, locale: Locale) -> &'static str {
        self.0[locale as usize]
    }

    /// The message's text in `locale`; a plural message gives its last
    /// form (use [`Msg::count`] for it).
    pub fn text(self, locale: Locale) -> &'static str {
        let text = self.entry(locale);
        text.rsplit(FORMS).next().unwrap_or(text)
    }

    /// A plural message for the count `n`: its form for `n` in `locale`,
    /// with `{ $count }` filled in.
    pub fn count(self, n: impl Into<u64>, locale: Locale) -> String {
        let n = n.into();
        let text = self.entry(locale);
        let form = text
            .split(FORMS)
            .nth(plural_category(n, locale))
            .unwrap_or(text);
        form.replace("{count}", &n.to_string())
    }

    /// The text with each `{ $name }` placeholder replaced by its value, so
    /// a translation puts the values where its grammar wants them.
    pub fn fill(self, locale: Locale, args: &[(&str, &str)]) -> String {
        let mut text = self.text(locale).to_string();
        for (name, value) in args {
            text = text.replace(&format!("{{{name}}}"), value);
        }
        text
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    // The server's tables are complete; the browser's leave server-only texts out.
    #[cfg(feature = "ssr")]
    #[test]
    fn every_message_is_in_every_language() {
        for m in Msg::ALL {
            for l in Locale::ALL {
                assert!(!m.text(l).trim().is_empty(), "{m:?} is empty in {l:?}");
            }
        }
        // A copy-pasted English string is a missing translation.
        let same: Vec<_> = Msg::ALL
            .iter()
            .flat_map(|m| [(m, Locale::Pl), (m, Locale::Ru)])
            .filter(|(m, l)| m.text(Locale::En) == m.text(*l))
            .map(|(m, l)| (*m, l))
            .filter(|(m, _)| {
                !matches!(
                    *m,
                    Msg::ShopName | Msg::Sku | Msg::Ean | Msg::Email | Msg::PFieldError
                )
            })
            .collect();
        assert!(same.is_empty(), "untranslated: {same:?}");
        // Every translation takes the same placeholders.
        let names = |text: &str| {
            let mut v: Vec<String> = text
                .split('{')
                .skip(1)
                .filter_map(|p| p.split_once('}').map(|(n, _)| n.to_string()))
                .collect();
            v.sort();
            v
        };
        for m in Msg::ALL {
            for l in Locale::ALL {
                assert_eq!(
                    names(m.text(l)),
                    names(m.text(Locale::En)),
                    "{m:?} in {l:?}"
                );
            }
        }
    }

    #[cfg(feature = "ssr")]
    #[test]
    fn negotiation() {
        assert_eq!(negotiate(None, None), Locale::En);
        assert_eq!(negotiate(None, Some("pl-PL,pl;q=0.9,en;q=0.8")), Locale::Pl);
        assert_eq!(
            negotiate(None, Some("de-DE, en;q=0.5, pl;q=0.7")),
            Locale::Pl
        );
        assert_eq!(negotiate(None, Some("de-DE")), Locale::En);
        assert_eq!(negotiate(None, Some("pl;q=0")), Locale::En);
        assert_eq!(negotiate(Some("a=b; lang=en"), Some("pl")), Locale::En);
        assert_eq!(negotiate(Some("lang=pl"), None), Locale::Pl);
        assert_eq!(negotiate(Some("lang=xx"), Some("pl")), Locale::Pl);
    }

    #[test]
    fn plural_items() {
        assert_eq!(items(1, Locale::En), "1 item");
        assert_eq!(items(0, Locale::En), "0 items");
        assert_eq!(items(3, Locale::En), "3 items");
        assert_eq!(items(1, Locale::Pl), "1 produkt");
        assert_eq!(items(3, Locale::Pl), "3 produkty");
        assert_eq!(items(5, Locale::Pl), "5 produktów");
        assert_eq!(items(12, Locale::Pl), "12 produktów");
        assert_eq!(items(22, Locale::Pl), "22 produkty");
        assert_eq!(items(0, Locale::Pl), "0 produktów");
        assert_eq!(items(1, Locale::Ru), "1 товар");
        assert_eq!(items(2, Locale::Ru), "2 товара");
        assert_eq!(items(5, Locale::Ru), "5 товаров");
        assert_eq!(items(11, Locale::Ru), "11 товаров");
        assert_eq!(items(21, Locale::Ru), "21 товар");
        assert_eq!(items(24, Locale::Ru), "24 товара");
    }

    #[cfg(feature = "ssr")]
    #[test]
    fn cookies() {
        assert_eq!(cookie_value("a=1; lang=pl; b=2", "lang"), Some("pl"));
        assert_eq!(cookie_value("xlang=pl", "lang"), None);
    }
}
