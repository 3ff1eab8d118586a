//! `omnistore vendure-seed`: fills a fresh Vendure with omnistore's demo
//! shop through the Admin API, so that both back ends show the same shop.
//!
//! What it makes, in the Vendure's default channel:
//! - Polish and English, prices in PLN with tax included (VAT 23 % in a
//!   "Poland" zone), free courier delivery, a card payment method (Vendure's
//!   test handler);
//! - a stock location per demo location, named by its slug: omnistore reads
//!   the stores' shelves from the locations named as its stores, and counts
//!   the rest (the online warehouse) as online stock;
//! - facets `category` and `brand`, a collection per category (filtered by
//!   its category facet value, so a product added later lands in it too);
//! - every product with its translations, its size and colour option
//!   groups, and its variants with SKU, price, EAN (the `ean` custom field
//!   of `scripts/vendure/server.js`, where the Vendure has it) and stock per
//!   location.
//!
//! A Vendure that already has products is left alone: this seeds, it does
//! not merge. It ends when Vendure's job queue has put every product in its
//! search index and collections.

use super::client::{Client, VendureError};
use crate::demo::{Catalog, Product};
use omnistore_components::model::slugify;
use serde::Deserialize;
use serde_json::{json, Value};
use std::collections::HashMap;
use std::time::{Duration, Instant};

/// The channel's tax rate (Poland's standard VAT).
const VAT_PERCENT: f64 = 23.0;
/// The longest to wait for Vendure's jobs (search index, collections).
const JOBS_TIMEOUT: Duration = Duration::from_secs(900);

/// Why the seed stopped.
#[derive(Debug, thiserror::Error)]
pub enum SeedError {
    #[error(transparent)]
    Vendure(#[from] VendureError),
    #[error("Vendure already has {0} products: vendure-seed fills an empty Vendure")]
    NotEmpty(u64),
    /// One of Vendure's error results (`errorCode`), for the named step.
    #[error("Vendure refused to {step} ({code}): {message}")]
    Refused {
        step: &'static str,
        code: String,
        message: String,
    },
    #[error("Vendure's jobs were still running after {0:?}")]
    JobsUnfinished(Duration),
}

/// What was made.
#[derive(Debug, Default)]
pub struct SeedReport {
    pub products: usize,
    pub variants: usize,
    pub stock_locations: usize,
    pub collections: usize,
    /// Whether the EANs were written (the Vendure has an `ean` field).
    pub eans: bool,
}

#[derive(Deserialize)]
struct Id {
    id: String,
}

/// An answer that is either the thing asked for or one of Vendure's error
/// results (`... on ErrorResult { errorCode message }`).
#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct Outcome {
    #[serde(default)]
    error_code: Option<String>,
    #[serde(default)]
    message: Option<String>,
}

impl Outcome {
    fn check(self, step: &'static str) -> Result<(), SeedError> {
        match self.error_code {
            Some(code) => Err(SeedError::Refused {
                step,
                code,
                message: self.message.unwrap_or_default(),
            }),
            None => Ok(()),
        }
    }
}

fn en_pl(en: &str, pl: &str, field: &str) -> Value {
    json!([
        { "languageCode": "en", (field): en },
        { "languageCode": "pl", (field): pl },
    ])
}

/// Seeds `catalog` into the Vendure behind `client`; `progress` hears how
/// many products of how many are in.
pub async fn seed(
    client: &Client,
    catalog: &Catalog,
    progress: impl Fn(usize, usize),
) -> Result<SeedReport, SeedError> {
    let existing = product_count(client).await?;
    if existing > 0 {
        return Err(SeedError::NotEmpty(existing));
    }
    let eans = super::catalog::has_ean_field(client).await?;
    let tax_category = settings(client).await?;
    let locations = stock_locations(client, catalog).await?;
    let (categories, brands) = facets(client, catalog).await?;
    for (i, category) in catalog.categories.iter().enumerate() {
        let filter = json!([{
            "code": "facet-value-filter",
            "arguments": [
                { "name": "facetValueIds", "value": json!([categories[i]]).to_string() },
                { "name": "containsAny", "value": "false" },
                { "name": "combineWithAnd", "value": "true" },
            ],
        }]);
        let translations = translations(
            &category.slug,
            [&category.name_en, &category.name_pl],
            [&category.description_en, &category.description_pl],
        );
        let _: Value = client
            .admin_write(
                "mutation($input: CreateCollectionInput!) { createCollection(input: $input) { id } }",
                json!({ "input": { "filters": filter, "translations": translations } }),
            )
            .await?;
    }
    let mut shelves: HashMap<(usize, usize), Vec<Value>> = HashMap::new();
    for &(location, product, variant, units) in &catalog.stock {
        shelves
            .entry((product, variant))
            .or_default()
            .push(json!({ "stockLocationId": locations[location], "stockOnHand": units }));
    }
    let mut report = SeedReport {
        stock_locations: locations.len(),
        collections: catalog.categories.len(),
        eans,
        ..SeedReport::default()
    };
    let total = catalog.products.len();
    for (index, product) in catalog.products.iter().enumerate() {
        let facet_values = [
            categories[product.category].clone(),
            brands[&product.brand].clone(),
        ];
        let shelf = |v: usize| shelves.remove(&(index, v)).unwrap_or_default();
        report.variants +=
            seed_product(client, product, &facet_values, &tax_category, eans, shelf).await?;
        report.products += 1;
        progress(index + 1, total);
    }
    wait_for_jobs(client).await?;
    Ok(report)
}

async fn product_count(client: &Client) -> Result<u64, SeedError> {
    #[derive(Deserialize)]
    struct Data {
        products: Total,
    }
    #[derive(Deserialize)]
    #[serde(rename_all = "camelCase")]
    struct Total {
        total_items: u64,
    }
    let data: Data = client
        .admin_read(
            "{ products(options: { take: 0 }) { totalItems } }",
            json!({}),
        )
        .await?;
    Ok(data.products.total_items)
}

/// Languages, Poland, its VAT, the channel's currency and zones, delivery
/// and payment. Returns the tax category's id.
async fn settings(client: &Client) -> Result<String, SeedError> {
    #[derive(Deserialize)]
    #[serde(rename_all = "camelCase")]
    struct Global {
        update_global_settings: Outcome,
    }
    let global: Global = client
        .admin_write(
            "mutation { updateGlobalSettings(input: { availableLanguages: [en, pl], trackInventory: true }) {
                 ... on ErrorResult { errorCode message } } }",
            json!({}),
        )
        .await?;
    global.update_global_settings.check("add Polish")?;

    #[derive(Deserialize)]
    #[serde(rename_all = "camelCase")]
    struct Countries {
        countries: Items,
    }
    #[derive(Deserialize)]
    struct Items {
        items: Vec<Id>,
    }
    let found: Countries = client
        .admin_read(
            "{ countries(options: { filter: { code: { eq: \"PL\" } } }) { items { id } } }",
            json!({}),
        )
        .await?;
    let country = match found.countries.items.into_iter().next() {
        Some(c) => c.id,
        None => {
            #[derive(Deserialize)]
            #[serde(rename_all = "camelCase")]
            struct Made {
                create_country: Id,
            }
            let made: Made = client
                .admin_write(
                    "mutation($t: [CountryTranslationInput!]!) {
                       createCountry(input: { code: \"PL\", enabled: true, translations: $t }) { id } }",
                    json!({ "t": en_pl("Poland", "Polska", "name") }),
                )
                .await?;
            made.create_country.id
        }
    };

    #[derive(Deserialize)]
    #[serde(rename_all = "camelCase")]
    struct Zone {
        create_zone: Id,
    }
    let zone: Zone = client
        .admin_write(
            "mutation($m: [ID!]!) { createZone(input: { name: \"Poland\", memberIds: $m }) { id } }",
            json!({ "m": [country] }),
        )
        .await?;
    let zone = zone.create_zone.id;

    #[derive(Deserialize)]
    #[serde(rename_all = "camelCase")]
    struct TaxCategory {
        create_tax_category: Id,
    }
    let category: TaxCategory = client
        .admin_write(
            "mutation { createTaxCategory(input: { name: \"Standard rate\", isDefault: true }) { id } }",
            json!({}),
        )
        .await?;
    let category = category.create_tax_category.id;
    let _: Value = client
        .admin_write(
            "mutation($c: ID!, $z: ID!, $v: Float!) { createTaxRate(input: {
                 name: \"VAT 23%\", enabled: true, value: $v, categoryId: $c, zoneId: $z }) { id } }",
            json!({ "c": category, "z": zone, "v": VAT_PERCENT }),
        )
        .await?;

    #[derive(Deserialize)]
    #[serde(rename_all = "camelCase")]
    struct Active {
        active_channel: Id,
    }
    let channel: Active = client
        .admin_read("{ activeChannel { id } }", json!({}))
        .await?;
    #[derive(Deserialize)]
    #[serde(rename_all = "camelCase")]
    struct Channel {
        update_channel: Outcome,
    }
    let updated: Channel = client
        .admin_write(
            "mutation($id: ID!, $z: ID!) { updateChannel(input: {
                 id: $id, defaultLanguageCode: pl, availableLanguageCodes: [pl, en],
                 defaultCurrencyCode: PLN, availableCurrencyCodes: [PLN], pricesIncludeTax: true,
                 defaultTaxZoneId: $z, defaultShippingZoneId: $z }) {
                   ... on ErrorResult { errorCode message } } }",
            json!({ "id": channel.active_channel.id, "z": zone }),
        )
        .await?;
    updated
        .update_channel
        .check("set the channel to PLN and Poland")?;

    // omnistore charges nothing for delivery; pickup is the free method
    // omnistore makes itself on the first pickup order.
    let _: Value = client
        .admin_write(
            "mutation($t: [ShippingMethodTranslationInput!]!) { createShippingMethod(input: {
                 code: \"courier\", fulfillmentHandler: \"manual-fulfillment\", translations: $t,
                 checker: { code: \"default-shipping-eligibility-checker\",
                            arguments: [{ name: \"orderMinimum\", value: \"0\" }] },
                 calculator: { code: \"default-shipping-calculator\",
                               arguments: [{ name: \"rate\", value: \"0\" },
                                           { name: \"includesTax\", value: \"include\" },
                                           { name: \"taxRate\", value: \"23\" }] } }) { id } }",
            json!({ "t": [
                { "languageCode": "en", "name": "Courier delivery", "description": "" },
                { "languageCode": "pl", "name": "Dostawa kurierem", "description": "" },
            ] }),
        )
        .await?;
    let _: Value = client
        .admin_write(
            "mutation($t: [PaymentMethodTranslationInput!]!) { createPaymentMethod(input: {
                 code: \"card\", enabled: true, translations: $t,
                 handler: { code: \"dummy-payment-handler\",
                            arguments: [{ name: \"automaticSettle\", value: \"false\" }] } }) { id } }",
            json!({ "t": [
                { "languageCode": "en", "name": "Card", "description": "" },
                { "languageCode": "pl", "name": "Karta", "description": "" },
            ] }),
        )
        .await?;
    Ok(category)
}

/// A stock location per demo location, named by its slug; the ids by the
/// location's index. An existing location of that name is used as it is.
async fn stock_locations(client: &Client, catalog: &Catalog) -> Result<Vec<String>, SeedError> {
    #[derive(Deserialize)]
    #[serde(rename_all = "camelCase")]
    struct Data {
        stock_locations: Named,
    }
    #[derive(Deserialize)]
    struct Named {
        items: Vec<NamedId>,
    }
    #[derive(Deserialize)]
    struct NamedId {
        id: String,
        name: String,
    }
    let data: Data = client
        .admin_read(
            "{ stockLocations(options: { take: 1000 }) { items { id name } } }",
            json!({}),
        )
        .await?;
    let mut ids = Vec::with_capacity(catalog.locations.len());
    for location in &catalog.locations {
        if let Some(found) = data
            .stock_locations
            .items
            .iter()
            .find(|l| l.name == location.slug)
        {
            ids.push(found.id.clone());
            continue;
        }
        #[derive(Deserialize)]
        #[serde(rename_all = "camelCase")]
        struct Made {
            create_stock_location: Id,
        }
        let made: Made = client
            .admin_write(
                "mutation($name: String!, $about: String!) {
                   createStockLocation(input: { name: $name, description: $about }) { id } }",
                json!({ "name": location.slug, "about": location.name }),
            )
            .await?;
        ids.push(made.create_stock_location.id);
    }
    Ok(ids)
}

/// The `category` facet (a value per category, by index) and the `brand`
/// facet (a value per brand, by name).
async fn facets(
    client: &Client,
    catalog: &Catalog,
) -> Result<(Vec<String>, HashMap<String, String>), SeedError> {
    #[derive(Deserialize)]
    #[serde(rename_all = "camelCase")]
    struct Made {
        create_facet: Facet,
    }
    #[derive(Deserialize)]
    struct Facet {
        values: Vec<FacetValue>,
    }
    #[derive(Deserialize)]
    struct FacetValue {
        id: String,
        code: String,
    }
    async fn make(
        client: &Client,
        code: &str,
        names: (&str, &str),
        values: Vec<Value>,
    ) -> Result<HashMap<String, String>, SeedError> {
        let made: Made = client
            .admin_write(
                "mutation($input: CreateFacetInput!) { createFacet(input: $input) { values { id code } } }",
                json!({ "input": {
                    "code": code, "isPrivate": false,
                    "translations": en_pl(names.0, names.1, "name"),
                    "values": values,
                } }),
            )
            .await?;
        Ok(made
            .create_facet
            .values
            .into_iter()
            .map(|v| (v.code, v.id))
            .collect())
    }
    let category_values = catalog
        .categories
        .iter()
        .map(|c| json!({ "code": c.slug, "translations": en_pl(&c.name_en, &c.name_pl, "name") }))
        .collect();
    let by_code = make(
        client,
        "category",
        ("Category", "Kategoria"),
        category_values,
    )
    .await?;
    let categories = catalog
        .categories
        .iter()
        .map(|c| by_code.get(&c.slug).cloned())
        .collect::<Option<Vec<_>>>()
        .ok_or_else(|| VendureError::Unusable("a category facet value is missing".into()))?;

    let mut names: Vec<&str> = catalog.products.iter().map(|p| p.brand.as_str()).collect();
    names.sort_unstable();
    names.dedup();
    let brand_values = names
        .iter()
        .map(|b| json!({ "code": slugify(b), "translations": en_pl(b, b, "name") }))
        .collect();
    let by_code = make(client, "brand", ("Brand", "Marka"), brand_values).await?;
    let brands = names
        .iter()
        .map(|b| {
            by_code
                .get(&slugify(b))
                .map(|id| (b.to_string(), id.clone()))
        })
        .collect::<Option<HashMap<_, _>>>()
        .ok_or_else(|| VendureError::Unusable("a brand facet value is missing".into()))?;
    Ok((categories, brands))
}

/// One product: the product, its option groups, its variants with their
/// stock (`shelf(variant index)`). Returns the number of variants.
async fn seed_product(
    client: &Client,
    product: &Product,
    facet_values: &[String],
    tax_category: &str,
    eans: bool,
    mut shelf: impl FnMut(usize) -> Vec<Value>,
) -> Result<usize, SeedError> {
    #[derive(Deserialize)]
    #[serde(rename_all = "camelCase")]
    struct Made {
        create_product: Id,
    }
    let translations = translations(
        &product.slug,
        [&product.name_en, &product.name_pl],
        [&product.description_en, &product.description_pl],
    );
    let made: Made = client
        .admin_write(
            "mutation($input: CreateProductInput!) { createProduct(input: $input) { id } }",
            json!({ "input": { "translations": translations, "facetValueIds": facet_values } }),
        )
        .await?;
    let product_id = made.create_product.id;

    // The option values in the order the variants use them: (en, pl).
    let mut sizes: Vec<(String, String)> = Vec::new();
    let mut colours: Vec<(String, String)> = Vec::new();
    for v in &product.variants {
        if let Some(s) = &v.size {
            if !sizes.iter().any(|(en, _)| en == s) {
                sizes.push((s.clone(), s.clone()));
            }
        }
        if let Some((en, pl, _)) = &v.colour {
            if !colours.iter().any(|(e, _)| e == en) {
                colours.push((en.clone(), pl.clone()));
            }
        }
    }
    let size_ids = option_group(
        client,
        &product_id,
        &product.slug,
        "size",
        ("Size", "Rozmiar"),
        &sizes,
    )
    .await?;
    let colour_ids = option_group(
        client,
        &product_id,
        &product.slug,
        "colour",
        ("Colour", "Kolor"),
        &colours,
    )
    .await?;

    let mut inputs = Vec::with_capacity(product.variants.len());
    for (i, v) in product.variants.iter().enumerate() {
        let mut option_ids = Vec::new();
        let mut label_en = Vec::new();
        let mut label_pl = Vec::new();
        if let Some(s) = &v.size {
            if let Some(k) = sizes.iter().position(|(en, _)| en == s) {
                option_ids.push(size_ids[k].clone());
            }
            label_en.push(s.clone());
            label_pl.push(s.clone());
        }
        if let Some((en, pl, _)) = &v.colour {
            if let Some(k) = colours.iter().position(|(e, _)| e == en) {
                option_ids.push(colour_ids[k].clone());
            }
            label_en.push(en.clone());
            label_pl.push(pl.clone());
        }
        let name = |base: &str, label: &[String]| match label.is_empty() {
            true => base.to_string(),
            false => format!("{base} {}", label.join(" / ")),
        };
        let mut input = json!({
            "productId": product_id,
            "sku": v.sku,
            "price": v.price,
            "taxCategoryId": tax_category,
            "optionIds": option_ids,
            "trackInventory": "TRUE",
            "stockLevels": shelf(i),
            "translations": [
                { "languageCode": "en", "name": name(&product.name_en, &label_en) },
                { "languageCode": "pl", "name": name(&product.name_pl, &label_pl) },
            ],
        });
        if eans {
            input["customFields"] = json!({ "ean": v.ean });
        }
        inputs.push(input);
    }
    let _: Value = client
        .admin_write(
            "mutation($input: [CreateProductVariantInput!]!) { createProductVariants(input: $input) { id } }",
            json!({ "input": inputs }),
        )
        .await?;
    Ok(product.variants.len())
}

/// A product's option group with `values` (en, pl) as its options; the
/// options' ids in the same order. No values, no group.
async fn option_group(
    client: &Client,
    product_id: &str,
    product_slug: &str,
    axis: &str,
    names: (&str, &str),
    values: &[(String, String)],
) -> Result<Vec<String>, SeedError> {
    if values.is_empty() {
        return Ok(Vec::new());
    }
    #[derive(Deserialize)]
    #[serde(rename_all = "camelCase")]
    struct Made {
        create_product_option_group: Group,
    }
    #[derive(Deserialize)]
    struct Group {
        id: String,
        options: Vec<Coded>,
    }
    #[derive(Deserialize)]
    struct Coded {
        id: String,
        code: String,
    }
    let code = |en: &str| slugify(en);
    let options: Vec<Value> = values
        .iter()
        .map(|(en, pl)| json!({ "code": code(en), "translations": en_pl(en, pl, "name") }))
        .collect();
    let made: Made = client
        .admin_write(
            "mutation($input: CreateProductOptionGroupInput!) {
               createProductOptionGroup(input: $input) { id options { id code } } }",
            json!({ "input": {
                "code": format!("{product_slug}-{axis}"),
                "translations": en_pl(names.0, names.1, "name"),
                "options": options,
            } }),
        )
        .await?;
    let group = made.create_product_option_group;
    let _: Value = client
        .admin_write(
            "mutation($p: ID!, $g: ID!) { addOptionGroupToProduct(productId: $p, optionGroupId: $g) { id } }",
            json!({ "p": product_id, "g": group.id }),
        )
        .await?;
    values
        .iter()
        .map(|(en, _)| {
            let c = code(en);
            group
                .options
                .iter()
                .find(|o| o.code == c)
                .map(|o| o.id.clone())
                .ok_or_else(|| {
                    SeedError::from(VendureError::Unusable(format!("option {c} is missing")))
                })
        })
        .collect()
}

/// Waits until Vendure's job queue is idle: the search index and the
/// collections' contents are made by jobs after the products.
async fn wait_for_jobs(client: &Client) -> Result<(), SeedError> {
    #[derive(Deserialize)]
    struct Data {
        jobs: Total,
    }
    #[derive(Deserialize)]
    #[serde(rename_all = "camelCase")]
    struct Total {
        total_items: u64,
    }
    let started = Instant::now();
    loop {
        let data: Data = client
            .admin_read(
                "{ jobs(options: { take: 0, filter: { isSettled: { eq: false } } }) { totalItems } }",
                json!({}),
            )
            .await?;
        if data.jobs.total_items == 0 {
            return Ok(());
        }
        if started.elapsed() > JOBS_TIMEOUT {
            return Err(SeedError::JobsUnfinished(JOBS_TIMEOUT));
        }
        tokio::time::sleep(Duration::from_millis(250)).await;
    }
}

/// A name and description in English and Polish (the demo's languages),
/// under one slug: Vendure's translations input.
fn translations(slug: &str, name: [&str; 2], description: [&str; 2]) -> Value {
    json!([
        { "languageCode": "en", "name": name[0], "slug": slug, "description": description[0] },
        { "languageCode": "pl", "name": name[1], "slug": slug, "description": description[1] },
    ])
}
