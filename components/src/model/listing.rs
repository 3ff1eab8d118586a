//! Listing state (page, sort, filters) as it lives in the URL, so every view
//! of a category is a shareable link. Parsing is strict: a link that names a
//! sort we do not have is answered with a 400 and a message, not guessed at.

use super::money::{parse_price_input, Money, PriceInputError};
use serde::{Deserialize, Serialize};

/// Products per listing page.
pub const PAGE_SIZE: u32 = 24;
/// Deepest page a link may ask for; beyond it a listing is a crawler trap.
pub const MAX_PAGE: u32 = 10_000;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
pub enum Sort {
    #[default]
    Newest,
    PriceAsc,
    PriceDesc,
    Name,
}

impl Sort {
    pub const ALL: [Sort; 4] = [Sort::Newest, Sort::PriceAsc, Sort::PriceDesc, Sort::Name];

    /// The value used in `?sort=`.
    pub fn key(self) -> &'static str {
        match self {
            Sort::Newest => "newest",
            Sort::PriceAsc => "price-asc",
            Sort::PriceDesc => "price-desc",
            Sort::Name => "name",
        }
    }

    pub fn from_key(key: &str) -> Option<Sort> {
        Sort::ALL.into_iter().find(|s| s.key() == key)
    }
}

/// Everything that selects a view of a category listing.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct ListingQuery {
    /// 1-based page number.
    pub page: u32,
    pub sort: Sort,
    /// Lowest price shown, minor units, inclusive.
    pub min_price: Option<i64>,
    /// Highest price shown, minor units, inclusive.
    pub max_price: Option<i64>,
    /// Only products with a variant in stock in the online warehouse.
    pub in_stock: bool,
    /// Only products with a variant on the shelf of the shopper's store.
    pub at_my_store: bool,
}

impl Default for ListingQuery {
    fn default() -> Self {
        ListingQuery {
            page: 1,
            sort: Sort::default(),
            min_price: None,
            max_price: None,
            in_stock: false,
            at_my_store: false,
        }
    }
}

/// A search as every back end takes it: the query trimmed, or the refusal
/// (too long, or a page out of range).
pub fn check_search(query: &str, page: u32) -> Result<&str, super::Problem> {
    let max = crate::search_box::MAX_QUERY_CHARS;
    let query = query.trim();
    if query.chars().count() > max {
        return Err(super::Problem::QueryTooLong { max: max as u32 });
    }
    if !(1..=MAX_PAGE).contains(&page) {
        return Err(super::Problem::PageOutOfRange { max: MAX_PAGE });
    }
    Ok(query)
}

/// Why a listing URL was refused; the text is shown to the shopper with a 400.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error, Serialize, Deserialize)]
pub enum QueryError {
    #[error("page must be a whole number from 1 to {max}", max = MAX_PAGE)]
    Page,
    #[error("unknown sort order \"{0}\"")]
    Sort(String),
    #[error("{field} price: {reason}")]
    Price { field: &'static str, reason: String },
    #[error("the lowest price is above the highest price")]
    PriceRange,
}

fn price(field: &'static str, raw: &str) -> Result<Option<i64>, QueryError> {
    if raw.trim().is_empty() {
        return Ok(None);
    }
    parse_price_input(raw)
        .map(Some)
        .map_err(|e: PriceInputError| QueryError::Price {
            field,
            reason: e.to_string(),
        })
}

impl ListingQuery {
    /// Reads `page`, `sort`, `min`, `max`, `stock` and `mystore` from query pairs. Unknown
    /// keys are ignored (tracking parameters must not break a link); empty
    /// values mean "not set", which is what a plain GET form sends.
    pub fn from_pairs<'a>(
        pairs: impl IntoIterator<Item = (&'a str, &'a str)>,
    ) -> Result<Self, QueryError> {
        let mut q = ListingQuery::default();
        for (k, v) in pairs {
            match k {
                "page" if !v.is_empty() => {
                    q.page = v
                        .parse()
                        .ok()
                        .filter(|p| (1..=MAX_PAGE).contains(p))
                        .ok_or(QueryError::Page)?;
                }
                "sort" if !v.is_empty() => {
                    q.sort = Sort::from_key(v)
                        .ok_or_else(|| QueryError::Sort(v.chars().take(40).collect()))?
                }
                "min" => q.min_price = price("lowest", v)?,
                "max" => q.max_price = price("highest", v)?,
                "stock" => q.in_stock = matches!(v, "1" | "on" | "true"),
                "mystore" => q.at_my_store = matches!(v, "1" | "on" | "true"),
                _ => {}
            }
        }
        if let (Some(lo), Some(hi)) = (q.min_price, q.max_price) {
            if lo > hi {
                return Err(QueryError::PriceRange);
            }
        }
        Ok(q)
    }

    /// The query string (without '?') for this view; defaults are left out so
    /// that equal views have equal links.
    pub fn to_query_string(&self) -> String {
        let mut parts = Vec::new();
        if self.sort != Sort::default() {
            parts.push(format!("sort={}", self.sort.key()));
        }
        if let Some(m) = self.min_price {
            parts.push(format!("min={}", Money::pln(m).decimal()));
        }
        if let Some(m) = self.max_price {
            parts.push(format!("max={}", Money::pln(m).decimal()));
        }
        if self.at_my_store {
            parts.push("mystore=1".to_string());
        }
        if self.in_stock {
            parts.push("stock=1".to_string());
        }
        if self.page != 1 {
            parts.push(format!("page={}", self.page));
        }
        parts.join("&")
    }

    pub fn with_page(&self, page: u32) -> Self {
        ListingQuery {
            page,
            ..self.clone()
        }
    }

    /// SQL-free offset of the first product on this page.
    pub fn offset(&self) -> u32 {
        (self.page - 1) * PAGE_SIZE
    }

    /// A price for a filter field, as typed back into it ("12.50").
    pub fn price_field(value: Option<i64>) -> String {
        value.map(|m| Money::pln(m).decimal()).unwrap_or_default()
    }
}

/// Number of pages for `total` products (at least 1, so an empty listing still has page 1).
pub fn page_count(total: u64) -> u32 {
    let pages = total.div_ceil(u64::from(PAGE_SIZE)).max(1);
    u32::try_from(pages).unwrap_or(u32::MAX)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(s: &str) -> Result<ListingQuery, QueryError> {
        ListingQuery::from_pairs(
            s.split('&')
                .filter(|p| !p.is_empty())
                .map(|p| p.split_once('=').unwrap_or((p, ""))),
        )
    }

    #[test]
    fn defaults() {
        assert_eq!(parse(""), Ok(ListingQuery::default()));
        assert_eq!(
            parse("utm_source=x&page=&sort="),
            Ok(ListingQuery::default())
        );
    }

    #[test]
    fn full_query_round_trips() {
        let q = parse("sort=price-desc&min=10,50&max=200&stock=1&page=3").unwrap();
        assert_eq!(q.sort, Sort::PriceDesc);
        assert_eq!(q.min_price, Some(1050));
        assert_eq!(q.max_price, Some(20000));
        assert!(q.in_stock);
        assert_eq!(q.page, 3);
        assert_eq!(q.offset(), 48);
        assert_eq!(
            q.to_query_string(),
            "sort=price-desc&min=10.50&max=200.00&stock=1&page=3"
        );
        assert_eq!(parse(&q.to_query_string()), Ok(q));
    }

    #[test]
    fn rejects_bad_values_with_reasons() {
        assert_eq!(parse("page=0"), Err(QueryError::Page));
        assert_eq!(parse("page=-1"), Err(QueryError::Page));
        assert_eq!(parse("page=abc"), Err(QueryError::Page));
        assert_eq!(parse("page=10001"), Err(QueryError::Page));
        assert_eq!(
            parse("sort=cheapest"),
            Err(QueryError::Sort("cheapest".into()))
        );
        assert!(matches!(
            parse("min=abc"),
            Err(QueryError::Price {
                field: "lowest",
                ..
            })
        ));
        assert_eq!(parse("min=50&max=10"), Err(QueryError::PriceRange));
        assert!(parse("sort=cheapest")
            .unwrap_err()
            .to_string()
            .contains("cheapest"));
    }

    #[test]
    fn sort_keys_are_unique_and_parse_back() {
        for s in Sort::ALL {
            assert_eq!(Sort::from_key(s.key()), Some(s));
        }
    }

    #[test]
    fn pages() {
        assert_eq!(page_count(0), 1);
        assert_eq!(page_count(24), 1);
        assert_eq!(page_count(25), 2);
        assert_eq!(page_count(600), 25);
        assert_eq!(
            ListingQuery::default().with_page(2).to_query_string(),
            "page=2"
        );
    }
}
