//! `omnistore import`: a merchant's own catalog, from the product CSV they
//! already have (Shopify's product export), and stock per store from a
//! small second CSV (`sku,store,quantity`).
//!
//! Column mapping (Shopify's names; others are ignored):
//!
//! | column | becomes |
//! |---|---|
//! | Handle | the product's slug (`/p/{handle}`); rows with one handle are one product |
//! | Title | its name (first row of a handle; both languages) |
//! | Body (HTML) | its description: sanitised HTML on the page, its text in search |
//! | Vendor | its brand |
//! | Type, else the last part of Product Category | its category (made when new, by slug) |
//! | Option1/2/3 Name and Value | a colour ("Color", "Colour", "Kolor") or the size axis (any other option; several are joined "13 inch / 8GB") |
//! | Variant SKU | the variant (required: the import updates by SKU) |
//! | Variant Barcode | its EAN-13 (a 12-digit UPC-A gets a leading 0); empty: an in-store number (prefix 20) |
//! | Variant Price, Variant Compare At Price | price and "was" price, in major units (PLN) |
//! | Variant Inventory Qty | units in the online warehouse (empty: unchanged; below 0: 0) |
//!
//! Products whose Status is `draft` or `archived` are skipped (and
//! counted). Rows with a handle and nothing else but an image are Shopify's extra
//! image rows and are skipped; product photographs are not imported (a
//! product gets one of omnistore's drawings).
//!
//! Reading checks every row before anything is written: the import is all
//! or nothing per run, and every bad row is reported with its line.

use omnistore_components::model::{
    is_slug, is_valid_ean13, parse_price_input, slugify, PriceInputError,
};
use std::collections::HashMap;
use std::io::Read;

/// A product as the file describes it.
#[derive(Clone, Debug, PartialEq)]
pub struct ImportedProduct {
    /// The line of its first row.
    pub line: u64,
    pub handle: String,
    pub title: String,
    pub brand: String,
    /// Sanitised HTML.
    pub description_html: String,
    /// The description's words.
    pub description: String,
    pub category_slug: String,
    pub category_name: String,
    pub variants: Vec<ImportedVariant>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct ImportedVariant {
    pub line: u64,
    pub sku: String,
    /// `None`: keep the variant's number, or give a new one an in-store number.
    pub ean: Option<String>,
    pub price: i64,
    pub compare_at: Option<i64>,
    pub size: Option<String>,
    pub colour: Option<String>,
    /// Units in the online warehouse; `None`: unchanged.
    pub online: Option<u32>,
}

/// What a product file holds.
#[derive(Clone, Debug, PartialEq)]
pub struct ProductFile {
    pub products: Vec<ImportedProduct>,
    /// Handles whose Status is `draft` or `archived`: not for sale, so
    /// not imported.
    pub not_active: Vec<String>,
}

/// One row of the stock file.
#[derive(Clone, Debug, PartialEq)]
pub struct StoreStock {
    pub line: u64,
    pub sku: String,
    pub store: String,
    pub quantity: u32,
}

/// Why a row cannot be imported.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum RowProblem {
    #[error("the file has no {0} column")]
    MissingColumn(&'static str),
    #[error("this is not CSV: {0}")]
    NotCsv(String),
    #[error("no handle")]
    MissingHandle,
    #[error("handle {0:?} is not usable in a link (lowercase letters, digits and '-')")]
    BadHandle(String),
    #[error("missing title (the first row of handle {0:?} must have one)")]
    MissingTitle(String),
    #[error("missing SKU (every variant needs one)")]
    MissingSku,
    #[error("SKU {sku:?} is already on line {first}")]
    DuplicateSku { sku: String, first: u64 },
    #[error("bad {column}: {value:?} ({why})")]
    BadPrice {
        column: &'static str,
        value: String,
        why: PriceInputError,
    },
    #[error("invalid EAN {0:?} (13 digits with a right check digit, or a 12-digit UPC)")]
    InvalidEan(String),
    #[error("EAN {ean:?} is already on line {first}")]
    DuplicateEan { ean: String, first: u64 },
    #[error("HTML that is not allowed in a description: {0}")]
    HtmlNotAllowed(String),
    #[error("bad quantity {0:?} (a whole number)")]
    BadQuantity(String),
    #[error("SKU {sku:?} belongs to another product ({product}) in the shop")]
    SkuOfAnotherProduct { sku: String, product: String },
    #[error("EAN {0:?} belongs to another variant in the shop")]
    EanTaken(String),
    #[error("no variant with SKU {0:?} (in the shop or this import)")]
    UnknownSku(String),
    #[error("no store {0:?}")]
    UnknownStore(String),
    #[error("{reserved} units of {sku:?} are reserved for orders, more than {quantity}")]
    BelowReserved {
        sku: String,
        quantity: u32,
        reserved: i64,
    },
}

/// A bad row and its line in the file (1 is the header).
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("line {line}: {problem}")]
pub struct RowError {
    pub line: u64,
    pub problem: RowProblem,
}

/// The columns read, by Shopify's names.
struct Columns {
    index: HashMap<String, usize>,
}

impl Columns {
    fn new(headers: &csv::StringRecord) -> Self {
        let index = headers
            .iter()
            .enumerate()
            .map(|(i, h)| (h.trim_start_matches('\u{feff}').trim().to_string(), i))
            .collect();
        Columns { index }
    }

    fn has(&self, name: &str) -> bool {
        self.index.contains_key(name)
    }

    fn get<'r>(&self, row: &'r csv::StringRecord, name: &str) -> &'r str {
        self.index
            .get(name)
            .and_then(|i| row.get(*i))
            .map(str::trim)
            .unwrap_or("")
    }
}

fn line_of(row: &csv::StringRecord) -> u64 {
    row.position().map_or(0, |p| p.line())
}

/// A reader of `input` and its columns, refused when one of `required` is
/// missing (every missing one named).
#[allow(clippy::type_complexity)]
fn open(
    input: impl Read,
    required: &[&'static str],
) -> Result<(csv::Reader<impl Read>, Columns), Vec<RowError>> {
    let mut reader = csv::ReaderBuilder::new().flexible(true).from_reader(input);
    let headers = reader.headers().map_err(|e| {
        vec![RowError {
            line: 1,
            problem: RowProblem::NotCsv(e.to_string()),
        }]
    })?;
    let cols = Columns::new(headers);
    let missing: Vec<RowError> = required
        .iter()
        .filter(|c| !cols.has(c))
        .map(|c| RowError {
            line: 1,
            problem: RowProblem::MissingColumn(c),
        })
        .collect();
    if missing.is_empty() {
        Ok((reader, cols))
    } else {
        Err(missing)
    }
}

/// The products of a Shopify product CSV, or every bad row.
pub fn read_products(input: impl Read) -> Result<ProductFile, Vec<RowError>> {
    let (mut reader, cols) = open(input, &["Handle", "Variant SKU", "Variant Price"])?;
    let mut errors = Vec::new();
    let mut products: Vec<ImportedProduct> = Vec::new();
    let mut by_handle: HashMap<String, usize> = HashMap::new();
    let mut skus: HashMap<String, u64> = HashMap::new();
    let mut eans: HashMap<String, u64> = HashMap::new();
    // A handle's option names are on its first row only.
    let mut option_names: HashMap<String, [String; 3]> = HashMap::new();
    let mut variant_failed = std::collections::HashSet::new();
    let mut not_active: Vec<String> = Vec::new();
    let mut skipped = std::collections::HashSet::new();
    for row in reader.records() {
        let row = match row {
            Ok(row) => row,
            Err(e) => {
                let line = e.position().map_or(0, |p| p.line());
                errors.push(RowError {
                    line,
                    problem: RowProblem::NotCsv(e.to_string()),
                });
                continue;
            }
        };
        let line = line_of(&row);
        let mut bad = |problem| errors.push(RowError { line, problem });
        let handle = cols.get(&row, "Handle");
        if handle.is_empty() {
            if row.iter().any(|v| !v.trim().is_empty()) {
                bad(RowProblem::MissingHandle);
            }
            continue;
        }
        if !is_slug(handle) {
            bad(RowProblem::BadHandle(handle.to_string()));
            continue;
        }
        if skipped.contains(handle) {
            continue;
        }
        let product = match by_handle.get(handle) {
            Some(&i) => i,
            None if matches!(
                cols.get(&row, "Status").to_ascii_lowercase().as_str(),
                "draft" | "archived"
            ) =>
            {
                not_active.push(handle.to_string());
                skipped.insert(handle.to_string());
                continue;
            }
            None => {
                let title = cols.get(&row, "Title");
                if title.is_empty() {
                    bad(RowProblem::MissingTitle(handle.to_string()));
                    continue;
                }
                let body = cols.get(&row, "Body (HTML)");
                if let Some(what) = crate::html::not_allowed(body) {
                    bad(RowProblem::HtmlNotAllowed(what));
                }
                let kind = match cols.get(&row, "Type") {
                    "" => cols
                        .get(&row, "Product Category")
                        .rsplit('>')
                        .next()
                        .unwrap_or("")
                        .trim(),
                    t => t,
                };
                let (category_slug, category_name) = match slugify(kind) {
                    s if s.is_empty() => ("other".to_string(), "Other".to_string()),
                    s => (s, kind.to_string()),
                };
                option_names.insert(
                    handle.to_string(),
                    ["Option1 Name", "Option2 Name", "Option3 Name"]
                        .map(|c| cols.get(&row, c).to_string()),
                );
                products.push(ImportedProduct {
                    line,
                    handle: handle.to_string(),
                    title: title.to_string(),
                    brand: cols.get(&row, "Vendor").to_string(),
                    description_html: crate::html::sanitize(body),
                    description: crate::html::text(body),
                    category_slug,
                    category_name,
                    variants: Vec::new(),
                });
                by_handle.insert(handle.to_string(), products.len() - 1);
                products.len() - 1
            }
        };
        // From here on a bad row is a variant the product lacks: said once.
        let mut bad = |problem| {
            variant_failed.insert(product);
            errors.push(RowError { line, problem });
        };
        let sku = cols.get(&row, "Variant SKU");
        let price = cols.get(&row, "Variant Price");
        let has_variant =
            !sku.is_empty() || !price.is_empty() || !cols.get(&row, "Option1 Value").is_empty();
        if !has_variant {
            // An extra image row of Shopify's.
            continue;
        }
        if sku.is_empty() {
            bad(RowProblem::MissingSku);
            continue;
        }
        let key = sku.to_lowercase();
        if let Some(&first) = skus.get(&key) {
            bad(RowProblem::DuplicateSku {
                sku: sku.to_string(),
                first,
            });
            continue;
        }
        skus.insert(key, line);
        let money = |column: &'static str, value: &str| {
            parse_price_input(value).map_err(|why| RowProblem::BadPrice {
                column,
                value: value.to_string(),
                why,
            })
        };
        let price = match money("Variant Price", price) {
            Ok(p) => p,
            Err(p) => {
                bad(p);
                continue;
            }
        };
        let compare_at = match cols.get(&row, "Variant Compare At Price") {
            "" => None,
            v => match money("Variant Compare At Price", v) {
                // Shopify keeps a "compare at" that is not above the price;
                // it is no sale, so no "was" price.
                Ok(c) => (c > price).then_some(c),
                Err(p) => {
                    bad(p);
                    continue;
                }
            },
        };
        let ean = match cols.get(&row, "Variant Barcode") {
            "" => None,
            code => {
                let code = if code.len() == 12 {
                    format!("0{code}")
                } else {
                    code.to_string()
                };
                if !is_valid_ean13(&code) {
                    bad(RowProblem::InvalidEan(
                        cols.get(&row, "Variant Barcode").into(),
                    ));
                    continue;
                }
                if let Some(&first) = eans.get(&code) {
                    bad(RowProblem::DuplicateEan { ean: code, first });
                    continue;
                }
                eans.insert(code.clone(), line);
                Some(code)
            }
        };
        let online = match cols.get(&row, "Variant Inventory Qty") {
            "" => None,
            q => match q.parse::<i64>() {
                Ok(n) => Some(n.clamp(0, i64::from(u32::MAX)) as u32),
                Err(_) => {
                    bad(RowProblem::BadQuantity(q.to_string()));
                    continue;
                }
            },
        };
        let names = &option_names[handle];
        let mut colour = None;
        let mut sizes = Vec::new();
        for (n, name) in names.iter().enumerate() {
            let value = cols.get(&row, &format!("Option{} Value", n + 1));
            // Shopify's "Default Title" is a product without options.
            if value.is_empty() || value == "Default Title" {
                continue;
            }
            let lower = name.to_lowercase();
            if lower.contains("colo") || lower.contains("kolor") {
                colour = Some(value.to_string());
            } else {
                sizes.push(value);
            }
        }
        products[product].variants.push(ImportedVariant {
            line,
            sku: sku.to_string(),
            ean,
            price,
            compare_at,
            size: (!sizes.is_empty()).then(|| sizes.join(" / ")),
            colour,
            online,
        });
    }
    for (i, p) in products.iter().enumerate() {
        if p.variants.is_empty() && !variant_failed.contains(&i) {
            errors.push(RowError {
                line: p.line,
                problem: RowProblem::MissingSku,
            });
        }
    }
    if errors.is_empty() {
        Ok(ProductFile {
            products,
            not_active,
        })
    } else {
        errors.sort_by_key(|e| e.line);
        Err(errors)
    }
}

/// The rows of a stock file (`sku,store,quantity`), or every bad row.
pub fn read_stock(input: impl Read) -> Result<Vec<StoreStock>, Vec<RowError>> {
    let (mut reader, cols) = open(input, &["sku", "store", "quantity"])?;
    let mut errors = Vec::new();
    let mut rows = Vec::new();
    for row in reader.records() {
        let row = match row {
            Ok(row) => row,
            Err(e) => {
                errors.push(RowError {
                    line: e.position().map_or(0, |p| p.line()),
                    problem: RowProblem::NotCsv(e.to_string()),
                });
                continue;
            }
        };
        let line = line_of(&row);
        let (sku, store, quantity) = (
            cols.get(&row, "sku"),
            cols.get(&row, "store"),
            cols.get(&row, "quantity"),
        );
        if sku.is_empty() {
            errors.push(RowError {
                line,
                problem: RowProblem::MissingSku,
            });
            continue;
        }
        match quantity.parse::<u32>() {
            Ok(quantity) => rows.push(StoreStock {
                line,
                sku: sku.to_string(),
                store: store.to_string(),
                quantity,
            }),
            Err(_) => errors.push(RowError {
                line,
                problem: RowProblem::BadQuantity(quantity.to_string()),
            }),
        }
    }
    if errors.is_empty() {
        Ok(rows)
    } else {
        Err(errors)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const HEAD: &str = "Handle,Title,Body (HTML),Vendor,Type,Option1 Name,Option1 Value,Option2 Name,Option2 Value,Variant SKU,Variant Barcode,Variant Price,Variant Compare At Price,Variant Inventory Qty,Image Src\n";

    #[test]
    fn rows_of_one_handle_are_one_product_with_its_variants() {
        let csv = format!(
            "{HEAD}oak-chair,Oak chair,<p>Solid <b>oak</b></p>,Nordwood,Garden Furniture,Size,S,Color,Green,OC-S-G,5901234123457,199.00,249.00,7,https://cdn.example/a.jpg\n\
             oak-chair,,,,,,M,,Green,OC-M-G,036000291452,219.00,,-2,\n\
             oak-chair,,,,,,,,,,,,,,https://cdn.example/b.jpg\n\
             lamp,Lamp,,,,Title,Default Title,,,L-1,,12.5,10,,\n"
        );
        let products = read_products(csv.as_bytes()).unwrap().products;
        assert_eq!(products.len(), 2);
        let chair = &products[0];
        assert_eq!(
            (
                chair.handle.as_str(),
                chair.brand.as_str(),
                chair.category_slug.as_str()
            ),
            ("oak-chair", "Nordwood", "garden-furniture")
        );
        assert_eq!(chair.description, "Solid oak");
        assert_eq!(chair.variants.len(), 2);
        let s = &chair.variants[0];
        assert_eq!(
            (
                s.size.as_deref(),
                s.colour.as_deref(),
                s.price,
                s.compare_at,
                s.online
            ),
            (Some("S"), Some("Green"), 19_900, Some(24_900), Some(7))
        );
        // A UPC-A gets its leading zero; a negative count is none left.
        let m = &chair.variants[1];
        assert_eq!(
            (m.ean.as_deref(), m.online),
            (Some("0036000291452"), Some(0))
        );
        // No options, no category, a "compare at" below the price: no sale.
        let lamp = &products[1];
        assert_eq!(lamp.category_slug, "other");
        assert_eq!(
            (
                lamp.variants[0].size.clone(),
                lamp.variants[0].compare_at,
                lamp.variants[0].ean.clone()
            ),
            (None, None, None)
        );
    }

    #[test]
    fn every_bad_row_is_reported_with_its_line() {
        let csv = format!(
            "{HEAD}a,,,,,,,,,A-1,,1.00,,,\n\
             b,B,<script>x()</script>,,,,,,,B-1,,1.00,,,\n\
             c,C,,,,,,,,,,1.00,,,\n\
             d,D,,,,,,,,B-1,,1.00,,,\n\
             e,E,,,,,,,,E-1,,1.999,,,\n\
             f,F,,,,,,,,F-1,1234567890123,1.00,,,\n\
             G g,G,,,,,,,,G-1,,1.00,,,\n\
             h,H,,,,,,,,H-1,,1.00,,lots,\n"
        );
        let errors = read_products(csv.as_bytes()).unwrap_err();
        let got: Vec<(u64, String)> = errors
            .iter()
            .map(|e| (e.line, e.problem.to_string()))
            .collect();
        assert_eq!(
            got,
            [
                (2, "missing title (the first row of handle \"a\" must have one)".to_string()),
                (3, "HTML that is not allowed in a description: <script>".into()),
                (4, "missing SKU (every variant needs one)".into()),
                (5, "SKU \"B-1\" is already on line 3".into()),
                (6, "bad Variant Price: \"1.999\" (more than two decimal places)".into()),
                (7, "invalid EAN \"1234567890123\" (13 digits with a right check digit, or a 12-digit UPC)".into()),
                (8, "handle \"G g\" is not usable in a link (lowercase letters, digits and '-')".into()),
                (9, "bad quantity \"lots\" (a whole number)".into()),
            ]
        );
    }

    #[test]
    fn a_file_without_the_columns_is_refused_whole() {
        let errors = read_products("name,price\nx,1\n".as_bytes()).unwrap_err();
        assert_eq!(errors.len(), 3);
        assert_eq!(errors[0].problem, RowProblem::MissingColumn("Handle"));
        let errors = read_stock("sku,store\nx,y\n".as_bytes()).unwrap_err();
        assert_eq!(errors[0].problem, RowProblem::MissingColumn("quantity"));
    }
}
