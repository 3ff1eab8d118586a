//! What the catalog looks like to pages and components, already localised by
//! the back end for the shopper's language.

use super::id::VariantId;
use super::money::Money;
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Category {
    pub slug: String,
    pub name: String,
    pub description: String,
    /// Key of the generated illustration (see `image_url`).
    pub icon: String,
    pub product_count: u32,
}

/// A product as a card in a listing.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProductSummary {
    pub slug: String,
    pub name: String,
    pub brand: String,
    pub category_slug: String,
    /// The lowest variant price ("from").
    pub price: Money,
    /// Compare-at price of that variant, when it is on sale.
    pub compare_at: Option<Money>,
    /// True when variants differ in price.
    pub price_varies: bool,
    pub image: String,
    pub in_stock_online: bool,
    pub variant_count: u32,
    /// The variant id when the product has exactly one (a card can add it
    /// to the cart directly; otherwise the shopper picks options first).
    pub single_variant: Option<VariantId>,
    /// Units on the shelf of the shopper's store (listings, when one is chosen).
    #[serde(default)]
    pub store_units: Option<u32>,
}

/// One sellable item: a size and/or colour of a product.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Variant {
    pub id: VariantId,
    pub sku: String,
    pub ean: String,
    pub price: Money,
    pub compare_at: Option<Money>,
    pub size: Option<String>,
    /// Localised colour name.
    pub colour: Option<String>,
    pub colour_hex: Option<String>,
    pub image: String,
    /// Units available to ship from the online warehouse.
    pub online_stock: u32,
    /// Stores holding at least one unit.
    pub stores_with_stock: u32,
}

impl Variant {
    /// "M / Green", for labels and order lines.
    pub fn label(&self) -> String {
        [self.size.as_deref(), self.colour.as_deref()]
            .into_iter()
            .flatten()
            .collect::<Vec<_>>()
            .join(" / ")
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProductDetail {
    pub slug: String,
    pub name: String,
    pub brand: String,
    /// Plain text (search, meta description, JSON-LD).
    pub description: String,
    /// The description as sanitised HTML, where the catalog has one (an
    /// imported file's); pages show it instead of `description`.
    #[serde(default)]
    pub description_html: Option<String>,
    pub category: Category,
    pub variants: Vec<Variant>,
}

impl ProductDetail {
    /// The variant named in the URL, or the first one that can be bought, or the first.
    pub fn variant_or_default(&self, id: Option<&VariantId>) -> Option<&Variant> {
        id.and_then(|id| self.variants.iter().find(|v| &v.id == id))
            .or_else(|| {
                self.variants
                    .iter()
                    .find(|v| v.online_stock > 0 || v.stores_with_stock > 0)
            })
            .or_else(|| self.variants.first())
    }
}

/// One page of a category.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Listing {
    pub category: Category,
    pub products: Vec<ProductSummary>,
    pub total: u64,
}

/// What a search query leads to.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum SearchOutcome {
    /// The query was an exact SKU or EAN: go straight to that product and variant.
    Exact { slug: String, variant: VariantId },
    Results {
        products: Vec<ProductSummary>,
        total: u64,
    },
}

/// Stock as shoppers see it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum StockState {
    InStock(u32),
    Low(u32),
    Out,
}

/// At or below this many units a shelf is "low".
pub const LOW_STOCK: u32 = 3;

impl StockState {
    pub fn from_units(units: u32) -> Self {
        match units {
            0 => StockState::Out,
            n if n <= LOW_STOCK => StockState::Low(n),
            n => StockState::InStock(n),
        }
    }
}

/// URL of the generated illustration for a product drawing and colour.
pub fn image_url(icon: &str, variant_seed: u32, colour_hex: &str) -> String {
    format!(
        "/img/{icon}-{}/{}.svg",
        variant_seed % 4,
        colour_hex.trim_start_matches('#')
    )
}

/// Picks the variant a shopper means when they choose `value` on one axis
/// (size or colour) while another variant is selected: keep the other axis if
/// some variant has both, else take the first variant with that value.
pub fn pick_variant(
    variants: &[Variant],
    current: &Variant,
    axis: Axis,
    value: &str,
) -> Option<VariantId> {
    let matches_axis = |v: &Variant| axis.value(v) == Some(value);
    let other = axis.other();
    variants
        .iter()
        .find(|v| matches_axis(v) && other.value(v) == other.value(current))
        .or_else(|| variants.iter().find(|v| matches_axis(v)))
        .map(|v| v.id.clone())
}

/// The two ways variants differ.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Axis {
    Size,
    Colour,
}

impl Axis {
    pub fn value(self, v: &Variant) -> Option<&str> {
        match self {
            Axis::Size => v.size.as_deref(),
            Axis::Colour => v.colour.as_deref(),
        }
    }

    fn other(self) -> Axis {
        match self {
            Axis::Size => Axis::Colour,
            Axis::Colour => Axis::Size,
        }
    }

    /// Distinct values on this axis, in catalog order.
    pub fn values(self, variants: &[Variant]) -> Vec<String> {
        let mut out: Vec<String> = Vec::new();
        for v in variants {
            if let Some(val) = self.value(v) {
                if !out.iter().any(|o| o == val) {
                    out.push(val.to_string());
                }
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn v(id: i64, size: &str, colour: &str, online: u32) -> Variant {
        Variant {
            id: id.into(),
            sku: format!("SKU-{id}"),
            ean: String::new(),
            price: Money::pln(1000 * id),
            compare_at: None,
            size: Some(size.into()),
            colour: Some(colour.into()),
            colour_hex: None,
            image: String::new(),
            online_stock: online,
            stores_with_stock: 0,
        }
    }

    #[test]
    fn picking_keeps_the_other_axis_when_possible() {
        let vs = vec![
            v(1, "S", "Green", 1),
            v(2, "M", "Green", 1),
            v(3, "S", "Red", 1),
            v(4, "L", "Red", 0),
        ];
        assert_eq!(pick_variant(&vs, &vs[0], Axis::Size, "M"), Some(2.into()));
        assert_eq!(
            pick_variant(&vs, &vs[0], Axis::Colour, "Red"),
            Some(3.into())
        );
        // No L in green: the first L.
        assert_eq!(pick_variant(&vs, &vs[0], Axis::Size, "L"), Some(4.into()));
        assert_eq!(pick_variant(&vs, &vs[0], Axis::Size, "XXL"), None);
        assert_eq!(Axis::Size.values(&vs), vec!["S", "M", "L"]);
        assert_eq!(Axis::Colour.values(&vs), vec!["Green", "Red"]);
        assert_eq!(vs[0].label(), "S / Green");
    }

    #[test]
    fn default_variant_prefers_buyable() {
        let p = ProductDetail {
            slug: "p".into(),
            name: "P".into(),
            brand: "B".into(),
            description: String::new(),
            description_html: None,
            category: Category {
                slug: "c".into(),
                name: "C".into(),
                description: String::new(),
                icon: "x".into(),
                product_count: 1,
            },
            variants: vec![v(1, "S", "Green", 0), v(2, "M", "Green", 5)],
        };
        let id = |v: &Variant| v.id.to_string();
        assert_eq!(p.variant_or_default(None).map(id).as_deref(), Some("2"));
        assert_eq!(
            p.variant_or_default(Some(&1.into())).map(id).as_deref(),
            Some("1")
        );
        assert_eq!(
            p.variant_or_default(Some(&99.into())).map(id).as_deref(),
            Some("2")
        );
    }

    #[test]
    fn stock_states() {
        assert_eq!(StockState::from_units(0), StockState::Out);
        assert_eq!(StockState::from_units(3), StockState::Low(3));
        assert_eq!(StockState::from_units(4), StockState::InStock(4));
    }

    #[test]
    fn image_urls_are_ours() {
        assert_eq!(image_url("hose", 6, "#2e7d32"), "/img/hose-2/2e7d32.svg");
    }
}
