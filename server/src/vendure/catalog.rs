//! The catalog read from Vendure: collections are categories, products and
//! their variants come from the Shop API in the shopper's language, stock per
//! location from the Admin API (the Shop API only says in or out of stock).
//!
//! Vendure's default search has no price filter, no "newest" order and no
//! stock per location, so a listing is made here from the collection's
//! variants, read once per time to live and kept: filters, sort orders and
//! pages are then served from memory, like the built-in back end's.

use super::client::VendureError;
use super::Vendure;
use crate::catalog_cache::Key;
use omnistore_components::backend::{BackendResult, CatalogBackend};
use omnistore_components::i18n::Locale;
use omnistore_components::model::{
    check_search, image_url, is_slug, Category, Currency, Listing, ListingQuery, Money, Problem,
    ProductDetail, ProductSummary, SearchOutcome, Sort, Variant, VariantId, MAX_PAGE, PAGE_SIZE,
};
use serde::Deserialize;
use serde_json::json;
use std::collections::HashMap;
use std::sync::Arc;

/// Vendure's Shop API gives at most this many items per list by default.
const PAGE: usize = 100;
/// A collection larger than this is listed from its first variants only
/// (and a warning is logged): a safety net, not a limit shops reach.
const MOST_VARIANTS: usize = 20_000;
/// Where Vendure does not track a variant's stock, it can always be sold;
/// pages show it as this many units.
const UNTRACKED_UNITS: u32 = 999;
/// The drawing of a collection (Vendure's have none omnistore can show).
const GENERAL_ICON: &str = "box";

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct Collection {
    id: String,
    slug: String,
    name: String,
    #[serde(default)]
    description: String,
    #[serde(default)]
    parent_id: Option<String>,
}

#[derive(Deserialize)]
struct FacetValue {
    name: String,
    facet: Facet,
}

#[derive(Deserialize)]
struct Facet {
    code: String,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct ProductRef {
    id: String,
    slug: String,
    name: String,
    created_at: String,
    #[serde(default)]
    facet_values: Vec<FacetValue>,
    #[serde(default)]
    featured_asset: Option<Asset>,
}

/// A photograph in Vendure (`preview`: its URL on Vendure's asset server).
#[derive(Clone, Debug, Deserialize)]
pub(super) struct Asset {
    pub preview: String,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct VariantRow {
    id: String,
    price_with_tax: i64,
    currency_code: String,
    stock_level: String,
}

/// Units free to sell of a variant (or summed over a product's variants):
/// what the online shop holds and what is on each store's shelf.
#[derive(Clone, Debug, Default)]
pub(super) struct Stock {
    pub online: u32,
    /// By store slug; stores without a stock location are not listed.
    pub stores: HashMap<String, u32>,
}

impl Stock {
    /// Units on the shelf of `store`.
    pub fn at(&self, store: &str) -> u32 {
        self.stores.get(store).copied().unwrap_or(0)
    }

    fn add(&mut self, other: &Stock) {
        self.online += other.online;
        for (store, n) in &other.stores {
            *self.stores.entry(store.clone()).or_default() += n;
        }
    }
}

/// One product of a collection, with the variants the collection holds.
#[derive(Clone, Debug)]
struct Card {
    summary: ProductSummary,
    created_at: String,
    /// Vendure's product id, for ties: see [`Card::order`].
    id: String,
    /// Units free to sell, over the listed variants.
    stock: Stock,
}

impl Card {
    /// A fixed order for ties: numeric ids in number order (shorter first),
    /// other ids (UUIDs, all of one length) in text order.
    fn order(&self) -> (usize, &str) {
        (self.id.len(), &self.id)
    }
}

/// Every product of one collection, in Vendure's order.
#[derive(Clone, Debug)]
struct Shelf {
    category: Category,
    cards: Vec<Card>,
}

/// A Vendure id as omnistore's (opaque text, whatever Vendure's id strategy).
pub(super) fn platform_id<T: std::str::FromStr>(id: &str) -> Result<T, VendureError> {
    id.parse()
        .map_err(|_| VendureError::Unusable(format!("id {id:?} cannot be used in a link")))
}

fn money(minor: i64, code: &str) -> Result<Money, VendureError> {
    let currency = Currency::from_code(code).ok_or_else(|| {
        VendureError::Unusable(format!("prices are in {code}, which omnistore cannot show"))
    })?;
    Ok(Money { minor, currency })
}

fn brand(facets: &[FacetValue]) -> String {
    facets
        .iter()
        .find(|f| f.facet.code == "brand")
        .map(|f| f.name.clone())
        .unwrap_or_default()
}

/// A product without a photograph (or with one elsewhere than Vendure's
/// asset server, which is never linked) gets one of omnistore's drawings,
/// the same one every time.
fn drawing(slug: &str) -> String {
    let h = crate::images::seed(slug);
    let icons = crate::images::ICONS;
    image_url(icons[h as usize % icons.len()], h, "#5b6b7a")
}

impl Vendure {
    /// The picture of a product (`slug`): its photograph `asset`, served by
    /// omnistore, or a drawing.
    pub(super) fn picture(&self, asset: Option<&Asset>, slug: &str) -> String {
        asset
            .and_then(|a| self.photos.local_url(&a.preview))
            .unwrap_or_else(|| drawing(slug))
    }
}

/// The card of a product from its variants (those in the listed
/// collection, or all of them), with its `image`.
fn card(
    product: &ProductRef,
    variants: &[VariantRow],
    category: &str,
    image: String,
) -> Result<Card, VendureError> {
    let mut prices = Vec::with_capacity(variants.len());
    for v in variants {
        prices.push(money(v.price_with_tax, &v.currency_code)?);
    }
    let cheapest = prices.iter().min_by_key(|m| m.minor).copied();
    let price = cheapest.ok_or_else(|| {
        VendureError::Unusable(format!("product {} has no variants", product.slug))
    })?;
    let single = match variants {
        [only] => Some(platform_id(&only.id)?),
        _ => None,
    };
    Ok(Card {
        summary: ProductSummary {
            slug: product.slug.clone(),
            name: product.name.clone(),
            brand: brand(&product.facet_values),
            category_slug: category.to_string(),
            price,
            compare_at: None,
            price_varies: prices.iter().any(|p| p.minor != price.minor),
            image,
            in_stock_online: variants.iter().any(|v| v.stock_level != "OUT_OF_STOCK"),
            variant_count: variants.len() as u32,
            single_variant: single,
            store_units: None,
        },
        created_at: product.created_at.clone(),
        id: product.id.clone(),
        stock: Stock::default(),
    })
}

/// Reads `fields` of the channel's global settings (Admin API).
async fn global_settings<T: serde::de::DeserializeOwned>(
    client: &super::client::Client,
    fields: &str,
) -> Result<T, VendureError> {
    #[derive(Deserialize)]
    #[serde(rename_all = "camelCase")]
    struct Data<T> {
        global_settings: T,
    }
    let data: Data<T> = client
        .admin_read(&format!("{{ globalSettings {{ {fields} }} }}"), json!({}))
        .await?;
    Ok(data.global_settings)
}

/// Whether variants have the `ean` custom field (omnistore's Vendure
/// configuration adds it; Vendure itself has no barcode field).
pub(super) async fn has_ean_field(client: &super::client::Client) -> Result<bool, VendureError> {
    #[derive(Deserialize)]
    #[serde(rename_all = "camelCase")]
    struct Settings {
        server_config: ServerConfig,
    }
    #[derive(Deserialize)]
    #[serde(rename_all = "camelCase")]
    struct ServerConfig {
        entity_custom_fields: Vec<Entity>,
    }
    #[derive(Deserialize)]
    #[serde(rename_all = "camelCase")]
    struct Entity {
        entity_name: String,
        custom_fields: Vec<Field>,
    }
    #[derive(Deserialize)]
    struct Field {
        name: String,
    }
    let settings: Settings = global_settings(
        client,
        "serverConfig { entityCustomFields { entityName customFields { ... on CustomField { name } } } }",
    )
    .await?;
    Ok(settings.server_config.entity_custom_fields.iter().any(|e| {
        e.entity_name == "ProductVariant" && e.custom_fields.iter().any(|f| f.name == "ean")
    }))
}

impl Vendure {
    /// Collections as categories, parents before their children, with the
    /// number of products in each.
    async fn load_categories(&self, locale: Locale) -> BackendResult<Vec<Category>> {
        #[derive(Deserialize)]
        struct Data {
            collections: Items<Collection>,
            search: Counts,
        }
        #[derive(Deserialize)]
        struct Counts {
            collections: Vec<CollectionCount>,
        }
        #[derive(Deserialize)]
        struct CollectionCount {
            collection: Id,
            count: u32,
        }
        let data: Data = self
            .client
            .shop_read(
                "{ collections(options: { take: 100 }) {
                     items { id slug name description parentId } }
                   search(input: { groupByProduct: true, take: 0 }) {
                     collections { collection { id } count } } }",
                json!({}),
                locale,
            )
            .await?;
        let counts: HashMap<String, u32> = data
            .search
            .collections
            .into_iter()
            .map(|c| (c.collection.id, c.count))
            .collect();
        let known: Vec<&str> = data
            .collections
            .items
            .iter()
            .map(|c| c.id.as_str())
            .collect();
        // Depth first: a menu lists a parent's children right after it.
        let mut ordered = Vec::new();
        let mut stack: Vec<&Collection> = data
            .collections
            .items
            .iter()
            .filter(|c| c.parent_id.as_deref().is_none_or(|p| !known.contains(&p)))
            .rev()
            .collect();
        while let Some(c) = stack.pop() {
            ordered.push(Category {
                slug: c.slug.clone(),
                name: c.name.clone(),
                description: c.description.clone(),
                icon: GENERAL_ICON.into(),
                product_count: counts.get(&c.id).copied().unwrap_or(0),
            });
            stack.extend(
                data.collections
                    .items
                    .iter()
                    .filter(|k| k.parent_id.as_deref() == Some(c.id.as_str()))
                    .rev(),
            );
        }
        Ok(ordered)
    }

    /// Every product of a collection, read page by page.
    async fn load_shelf(&self, locale: Locale, slug: &str) -> BackendResult<Option<Shelf>> {
        #[derive(Deserialize)]
        struct Data {
            collection: Option<CollectionPage>,
        }
        #[derive(Deserialize)]
        #[serde(rename_all = "camelCase")]
        struct CollectionPage {
            product_variants: VariantPage,
        }
        #[derive(Deserialize)]
        #[serde(rename_all = "camelCase")]
        struct VariantPage {
            total_items: usize,
            items: Vec<VariantWithProduct>,
        }
        #[derive(Deserialize)]
        struct VariantWithProduct {
            #[serde(flatten)]
            row: VariantRow,
            product: ProductRef,
        }
        let Some(category) = self
            .categories_cached(locale)
            .await?
            .into_iter()
            .find(|c| c.slug == slug)
        else {
            return Ok(None);
        };
        let mut rows: Vec<VariantWithProduct> = Vec::new();
        loop {
            let data: Data = self
                .client
                .shop_read(
                    "query($slug: String!, $skip: Int!, $take: Int!) {
                       collection(slug: $slug) { productVariants(options: { skip: $skip, take: $take }) {
                         totalItems
                         items { id priceWithTax currencyCode stockLevel
                                 product { id slug name createdAt featuredAsset { preview }
                                           facetValues { name facet { code } } } } } } }",
                    json!({ "slug": slug, "skip": rows.len(), "take": PAGE }),
                    locale,
                )
                .await?;
            let Some(page) = data.collection else {
                return Ok(None);
            };
            let total = page.product_variants.total_items;
            let got = page.product_variants.items.len();
            rows.extend(page.product_variants.items);
            if got == 0 || rows.len() >= total {
                break;
            }
            if rows.len() >= MOST_VARIANTS {
                tracing::warn!(
                    collection = slug,
                    total,
                    "listing the first {MOST_VARIANTS} variants only"
                );
                break;
            }
        }
        // Group by product, in the order Vendure listed them.
        let mut order: Vec<String> = Vec::new();
        let mut groups: HashMap<String, (ProductRef, Vec<VariantRow>)> = HashMap::new();
        for VariantWithProduct { row, product } in rows {
            match groups.get_mut(&product.id) {
                Some((_, variants)) => variants.push(row),
                None => {
                    order.push(product.id.clone());
                    groups.insert(product.id.clone(), (product, vec![row]));
                }
            }
        }
        let ids: Vec<String> = groups
            .values()
            .flat_map(|(_, variants)| variants.iter().map(|v| v.id.clone()))
            .collect();
        let stock = self.stock(&ids).await?;
        let mut cards = Vec::with_capacity(order.len());
        for id in order {
            if let Some((product, variants)) = groups.remove(&id) {
                let image = self.picture(product.featured_asset.as_ref(), &product.slug);
                let mut card = card(&product, &variants, slug, image)?;
                for v in &variants {
                    if let Some(s) = stock.get(&v.id) {
                        card.stock.add(s);
                    }
                }
                // The Admin API's count is the truth about online stock.
                card.summary.in_stock_online = card.stock.online > 0;
                cards.push(card);
            }
        }
        Ok(Some(Shelf { category, cards }))
    }

    async fn categories_cached(&self, locale: Locale) -> BackendResult<Vec<Category>> {
        self.cache
            .read(Key::Categories(locale), || self.load_categories(locale))
            .await
    }

    /// Cards of the products with these slugs, in this order (search hits,
    /// the home page's picks), each with all its variants.
    async fn cards(&self, locale: Locale, slugs: &[String]) -> BackendResult<Vec<ProductSummary>> {
        #[derive(Deserialize)]
        struct Data {
            products: Items<FullProduct>,
        }
        #[derive(Deserialize)]
        struct FullProduct {
            #[serde(flatten)]
            product: ProductRef,
            variants: Vec<VariantRow>,
            collections: Vec<Slug>,
        }
        if slugs.is_empty() {
            return Ok(Vec::new());
        }
        let data: Data = self
            .client
            .shop_read(
                "query($slugs: [String!]!, $take: Int!) {
                   products(options: { filter: { slug: { in: $slugs } }, take: $take }) {
                     items { id slug name createdAt featuredAsset { preview }
                             facetValues { name facet { code } }
                             variants { id priceWithTax currencyCode stockLevel }
                             collections { slug } } } }",
                json!({ "slugs": slugs, "take": slugs.len() }),
                locale,
            )
            .await?;
        let mut by_slug: HashMap<String, ProductSummary> = HashMap::new();
        for p in data.products.items {
            if p.variants.is_empty() {
                continue;
            }
            let category = p
                .collections
                .first()
                .map(|c| c.slug.clone())
                .unwrap_or_default();
            let image = self.picture(p.product.featured_asset.as_ref(), &p.product.slug);
            let card = card(&p.product, &p.variants, &category, image)?;
            by_slug.insert(p.product.slug, card.summary);
        }
        Ok(slugs.iter().filter_map(|s| by_slug.remove(s)).collect())
    }

    async fn load_featured(
        &self,
        locale: Locale,
        limit: u32,
    ) -> BackendResult<Vec<ProductSummary>> {
        #[derive(Deserialize)]
        struct Data {
            products: Items<Slug>,
        }
        let data: Data = self
            .client
            .shop_read(
                "query($take: Int!) { products(options: { take: $take, sort: { createdAt: DESC } }) {
                   items { slug } } }",
                json!({ "take": limit.min(PAGE as u32) }),
                locale,
            )
            .await?;
        let slugs: Vec<String> = data.products.items.into_iter().map(|s| s.slug).collect();
        self.cards(locale, &slugs).await
    }

    /// The product and variant whose SKU is exactly `code` (any case).
    /// Vendure has no barcode field of its own; a shop that puts the EAN in
    /// the SKU is found by its barcode too.
    pub(super) async fn exact_sku(
        &self,
        code: &str,
        locale: Locale,
    ) -> BackendResult<Option<(String, VariantId)>> {
        #[derive(Deserialize)]
        struct Data {
            search: Hits,
        }
        #[derive(Deserialize)]
        struct Hits {
            items: Vec<Hit>,
        }
        #[derive(Deserialize)]
        #[serde(rename_all = "camelCase")]
        struct Hit {
            slug: String,
            sku: String,
            product_variant_id: String,
        }
        let found: Data = self
            .client
            .shop_read(
                "query($term: String!) { search(input: { term: $term, groupByProduct: false, take: 5 }) {
                   items { slug sku productVariantId } } }",
                json!({ "term": code }),
                locale,
            )
            .await?;
        match found
            .search
            .items
            .into_iter()
            .find(|h| h.sku.eq_ignore_ascii_case(code))
        {
            Some(hit) => Ok(Some((hit.slug, platform_id(&hit.product_variant_id)?))),
            None => Ok(None),
        }
    }

    /// The product and variant whose `ean` custom field is `code`, where
    /// the Vendure has that field; else the SKU `code` (a shop that keeps
    /// its barcodes as SKUs).
    pub(super) async fn exact_ean(
        &self,
        code: &str,
        locale: Locale,
    ) -> BackendResult<Option<(String, VariantId)>> {
        if !self.ean_field().await? {
            return self.exact_sku(code, locale).await;
        }
        #[derive(Deserialize)]
        #[serde(rename_all = "camelCase")]
        struct Data {
            product_variants: Items<Found>,
        }
        #[derive(Deserialize)]
        struct Found {
            id: String,
            product: Slug,
        }
        let data: Data = self
            .client
            .admin_read(
                "query($code: String!) { productVariants(options: { filter: { ean: { eq: $code } }, take: 1 }) {
                   items { id product { slug } } } }",
                json!({ "code": code }),
            )
            .await?;
        match data.product_variants.items.into_iter().next() {
            Some(v) => Ok(Some((v.product.slug, platform_id(&v.id)?))),
            None => Ok(None),
        }
    }

    /// Whether this Vendure's variants have an `ean` field (kept like the
    /// catalog: the field comes with Vendure's configuration).
    async fn ean_field(&self) -> BackendResult<bool> {
        let has = self
            .cache
            .read(Key::Upstream("eanField".into()), || async {
                Ok(has_ean_field(&self.client).await?)
            })
            .await?;
        Ok(has)
    }

    async fn load_search(
        &self,
        locale: Locale,
        query: &str,
        page: u32,
    ) -> BackendResult<SearchOutcome> {
        let query = check_search(query, page)?;
        if query.is_empty() {
            return Ok(SearchOutcome::Results {
                products: Vec::new(),
                total: 0,
            });
        }
        #[derive(Deserialize)]
        struct Data {
            search: Hits,
        }
        #[derive(Deserialize)]
        #[serde(rename_all = "camelCase")]
        struct Hits {
            total_items: u64,
            items: Vec<Hit>,
        }
        #[derive(Deserialize)]
        struct Hit {
            slug: String,
        }
        // A typed or scanned SKU is a request for that exact item.
        if let Some((slug, variant)) = self.exact_sku(query, locale).await? {
            return Ok(SearchOutcome::Exact { slug, variant });
        }
        let data: Data = self
            .client
            .shop_read(
                "query($term: String!, $skip: Int!, $take: Int!) {
                   search(input: { term: $term, groupByProduct: true, skip: $skip, take: $take }) {
                     totalItems items { slug } } }",
                json!({ "term": query, "skip": (page - 1) * PAGE_SIZE, "take": PAGE_SIZE }),
                locale,
            )
            .await?;
        let slugs: Vec<String> = data.search.items.into_iter().map(|h| h.slug).collect();
        Ok(SearchOutcome::Results {
            products: self.cards(locale, &slugs).await?,
            total: data.search.total_items,
        })
    }

    async fn load_product(
        &self,
        locale: Locale,
        slug: &str,
    ) -> BackendResult<Option<ProductDetail>> {
        if !is_slug(slug) {
            return Ok(None);
        }
        #[derive(Deserialize)]
        struct Data {
            product: Option<Product>,
        }
        #[derive(Deserialize)]
        #[serde(rename_all = "camelCase")]
        struct Product {
            slug: String,
            name: String,
            description: String,
            facet_values: Vec<FacetValue>,
            collections: Vec<Slug>,
            variants: Vec<FullVariant>,
            featured_asset: Option<Asset>,
        }
        #[derive(Deserialize)]
        #[serde(rename_all = "camelCase")]
        struct FullVariant {
            id: String,
            sku: String,
            price_with_tax: i64,
            currency_code: String,
            options: Vec<VariantOption>,
            #[serde(default)]
            custom_fields: Option<Barcode>,
            featured_asset: Option<Asset>,
        }
        #[derive(Deserialize)]
        struct Barcode {
            ean: Option<String>,
        }
        #[derive(Deserialize)]
        struct VariantOption {
            name: String,
            group: OptionGroup,
        }
        #[derive(Deserialize)]
        struct OptionGroup {
            code: String,
            name: String,
        }
        let ean = match self.ean_field().await? {
            true => "customFields { ean }",
            false => "",
        };
        let query = format!(
            "query($slug: String!) {{ product(slug: $slug) {{
               slug name description facetValues {{ name facet {{ code }} }}
               collections {{ slug }} featuredAsset {{ preview }}
               variants {{ id sku priceWithTax currencyCode {ean} featuredAsset {{ preview }}
                          options {{ name group {{ code name }} }} }} }} }}"
        );
        let data: Data = self
            .client
            .shop_read(&query, json!({ "slug": slug }), locale)
            .await?;
        let Some(p) = data.product else {
            return Ok(None);
        };
        if p.variants.is_empty() {
            return Ok(None);
        }
        let categories = self.categories_cached(locale).await?;
        // The most specific of its collections: the last one the menu lists.
        let category = categories
            .iter()
            .rev()
            .find(|c| p.collections.iter().any(|k| k.slug == c.slug))
            .cloned()
            .unwrap_or_else(|| Category {
                slug: String::new(),
                name: String::new(),
                description: String::new(),
                icon: GENERAL_ICON.into(),
                product_count: 0,
            });
        let ids: Vec<String> = p.variants.iter().map(|v| v.id.clone()).collect();
        let stock = self.stock(&ids).await?;
        let image = self.picture(p.featured_asset.as_ref(), &p.slug);
        let mut variants = Vec::with_capacity(p.variants.len());
        for v in p.variants {
            let colour_group = |g: &OptionGroup| {
                let n = format!("{} {}", g.code, g.name).to_lowercase();
                n.contains("colour") || n.contains("color")
            };
            let colour = v
                .options
                .iter()
                .find(|o| colour_group(&o.group))
                .map(|o| o.name.clone());
            // omnistore picks variants on two axes, size and colour; every
            // option that is not a colour is shown on the first ("13 inch / 8GB").
            let others: Vec<&str> = v
                .options
                .iter()
                .filter(|o| !colour_group(&o.group))
                .map(|o| o.name.as_str())
                .collect();
            let free = stock.get(&v.id).cloned().unwrap_or_default();
            variants.push(Variant {
                id: platform_id(&v.id)?,
                sku: v.sku,
                ean: v.custom_fields.and_then(|f| f.ean).unwrap_or_default(),
                price: money(v.price_with_tax, &v.currency_code)?,
                compare_at: None,
                size: (!others.is_empty()).then(|| others.join(" / ")),
                colour,
                colour_hex: None,
                // A variant's own photograph (its colour), else the product's.
                image: match &v.featured_asset {
                    Some(asset) => self.picture(Some(asset), &p.slug),
                    None => image.clone(),
                },
                online_stock: free.online,
                stores_with_stock: free.stores.values().filter(|n| **n > 0).count() as u32,
            });
        }
        Ok(Some(ProductDetail {
            slug: p.slug,
            name: p.name,
            brand: brand(&p.facet_values),
            // Vendure's descriptions are rich text (HTML), made safe here.
            description: crate::html::text(&p.description),
            description_html: Some(crate::html::sanitize(&p.description)),
            category,
            variants,
        }))
    }

    /// Units free to sell of each variant (the Admin API's count: the Shop
    /// API says only in or out of stock). omnistore's stores are the stock
    /// locations named by their slug; every other location stocks the
    /// online shop.
    pub(super) async fn stock(
        &self,
        variant_ids: &[String],
    ) -> BackendResult<HashMap<String, Stock>> {
        #[derive(Deserialize)]
        #[serde(rename_all = "camelCase")]
        struct Data {
            product_variants: Items<Levels>,
        }
        #[derive(Deserialize)]
        #[serde(rename_all = "camelCase")]
        struct Levels {
            id: String,
            track_inventory: String,
            stock_levels: Vec<Level>,
        }
        #[derive(Deserialize)]
        #[serde(rename_all = "camelCase")]
        struct Level {
            stock_on_hand: i64,
            stock_allocated: i64,
            stock_location: Named,
        }
        #[derive(Deserialize)]
        struct Named {
            name: String,
        }
        let tracked_by_default = self.tracks_inventory().await?;
        let stores = self.store_slugs().await?;
        let mut out = HashMap::with_capacity(variant_ids.len());
        for chunk in variant_ids.chunks(PAGE) {
            let data: Data = self
                .client
                .admin_read(
                    "query($ids: [String!]!, $take: Int!) {
                       productVariants(options: { filter: { id: { in: $ids } }, take: $take }) {
                         items { id trackInventory
                                 stockLevels { stockOnHand stockAllocated stockLocation { name } } } } }",
                    json!({ "ids": chunk, "take": chunk.len() }),
                )
                .await?;
            for v in data.product_variants.items {
                let tracked = match v.track_inventory.as_str() {
                    "TRUE" => true,
                    "FALSE" => false,
                    _ => tracked_by_default,
                };
                let mut free = Stock::default();
                for l in v.stock_levels {
                    let n = if tracked {
                        (l.stock_on_hand - l.stock_allocated).clamp(0, i64::from(u32::MAX)) as u32
                    } else {
                        UNTRACKED_UNITS
                    };
                    match stores.contains(&l.stock_location.name) {
                        true => *free.stores.entry(l.stock_location.name).or_default() += n,
                        false => free.online += n,
                    }
                }
                out.insert(v.id, free);
            }
        }
        Ok(out)
    }

    /// The slugs of omnistore's stores (stock locations named so are theirs).
    async fn store_slugs(&self) -> BackendResult<std::collections::HashSet<String>> {
        Ok(self
            .own
            .store_choices()
            .await?
            .into_iter()
            .map(|(slug, _)| slug)
            .collect())
    }

    /// The channel's default for variants that "inherit" stock tracking.
    async fn tracks_inventory(&self) -> BackendResult<bool> {
        #[derive(Deserialize)]
        #[serde(rename_all = "camelCase")]
        struct Settings {
            track_inventory: bool,
        }
        let tracks = self
            .cache
            .read(Key::Upstream("trackInventory".into()), || async {
                let settings: Settings = global_settings(&self.client, "trackInventory").await?;
                Ok(settings.track_inventory)
            })
            .await?;
        Ok(tracks)
    }

    async fn load_sitemap_paths(&self) -> BackendResult<Vec<String>> {
        #[derive(Deserialize)]
        struct Data {
            products: Page<Slug>,
        }
        #[derive(Deserialize)]
        #[serde(rename_all = "camelCase")]
        struct Page<T> {
            total_items: usize,
            items: Vec<T>,
        }
        let mut paths = vec!["/".to_string()];
        let categories = self.categories_cached(Locale::default()).await?;
        paths.extend(categories.into_iter().map(|c| format!("/c/{}", c.slug)));
        let mut seen = 0;
        loop {
            let data: Data = self
                .client
                .shop_read(
                    "query($skip: Int!, $take: Int!) { products(options: { skip: $skip, take: $take }) {
                       totalItems items { slug } } }",
                    json!({ "skip": seen, "take": PAGE }),
                    Locale::default(),
                )
                .await?;
            let got = data.products.items.len();
            seen += got;
            paths.extend(
                data.products
                    .items
                    .into_iter()
                    .map(|p| format!("/p/{}", p.slug)),
            );
            if got == 0 || seen >= data.products.total_items || seen >= MOST_VARIANTS {
                break;
            }
        }
        Ok(paths)
    }

    pub(super) async fn categories(&self, locale: Locale) -> BackendResult<Vec<Category>> {
        self.categories_cached(locale).await
    }

    pub(super) async fn featured(
        &self,
        locale: Locale,
        limit: u32,
    ) -> BackendResult<Vec<ProductSummary>> {
        self.cache
            .read(Key::Featured(locale, limit), || {
                self.load_featured(locale, limit)
            })
            .await
    }

    pub(super) async fn listing(
        &self,
        locale: Locale,
        category: &str,
        q: &ListingQuery,
        store: Option<&str>,
    ) -> BackendResult<Option<Listing>> {
        if !is_slug(category) {
            return Ok(None);
        }
        if !(1..=MAX_PAGE).contains(&q.page) {
            return Err(Problem::PageOutOfRange { max: MAX_PAGE }.into());
        }
        let key = Key::Upstream(format!("shelf:{}:{category}", locale.tag()));
        let shelf: Option<Arc<Shelf>> = self
            .cache
            .read(key, || async {
                Ok(self.load_shelf(locale, category).await?.map(Arc::new))
            })
            .await?;
        let Some(shelf) = shelf else {
            return Ok(None);
        };
        let at_store = |c: &Card| store.map(|s| c.stock.at(s));
        let mut cards: Vec<&Card> = shelf
            .cards
            .iter()
            .filter(|c| q.min_price.is_none_or(|m| c.summary.price.minor >= m))
            .filter(|c| q.max_price.is_none_or(|m| c.summary.price.minor <= m))
            .filter(|c| !q.in_stock || c.summary.in_stock_online)
            .filter(|c| !q.at_my_store || at_store(c).is_none_or(|n| n > 0))
            .collect();
        match q.sort {
            Sort::Newest => cards.sort_by(|a, b| {
                b.created_at
                    .cmp(&a.created_at)
                    .then(b.order().cmp(&a.order()))
            }),
            Sort::PriceAsc => cards.sort_by_key(|c| (c.summary.price.minor, c.order())),
            Sort::PriceDesc => {
                cards.sort_by_key(|c| (std::cmp::Reverse(c.summary.price.minor), c.order()))
            }
            Sort::Name => cards
                .sort_by_cached_key(|c| (c.summary.name.to_lowercase(), c.id.len(), c.id.clone())),
        }
        let total = cards.len() as u64;
        Ok(Some(Listing {
            category: shelf.category.clone(),
            products: cards
                .into_iter()
                .skip(q.offset() as usize)
                .take(PAGE_SIZE as usize)
                .map(|c| ProductSummary {
                    store_units: at_store(c),
                    ..c.summary.clone()
                })
                .collect(),
            total,
        }))
    }

    pub(super) async fn search(
        &self,
        locale: Locale,
        query: &str,
        page: u32,
    ) -> BackendResult<SearchOutcome> {
        self.cache
            .read(Key::Search(locale, query.into(), page), || {
                self.load_search(locale, query, page)
            })
            .await
    }

    pub(super) async fn product(
        &self,
        locale: Locale,
        slug: &str,
    ) -> BackendResult<Option<ProductDetail>> {
        self.cache
            .read(Key::Product(locale, slug.into()), || {
                self.load_product(locale, slug)
            })
            .await
    }

    pub(super) async fn sitemap_paths(&self) -> BackendResult<Vec<String>> {
        self.cache
            .read(Key::SitemapPaths, || self.load_sitemap_paths())
            .await
    }
}

#[derive(Deserialize)]
struct Items<T> {
    items: Vec<T>,
}

#[derive(Deserialize)]
struct Id {
    id: String,
}

#[derive(Deserialize)]
struct Slug {
    slug: String,
}
