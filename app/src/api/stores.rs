//! Store locator, "my store" and stock per store.

use super::ShopError;
use leptos::prelude::*;
use omnistore_components::model::{StockAt, StoreCard, StoreDetail, StoreRef, VariantId};
use serde::{Deserialize, Serialize};

/// Stock of a product's variants at "my store", and where else they are.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct LocalStock {
    pub store: StoreRef,
    /// Where the product is in the store ("Aisle 4"), when asked and known.
    pub aisle: Option<String>,
    pub variants: Vec<VariantStock>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct VariantStock {
    pub variant_id: VariantId,
    /// Free units on my store's shelf.
    pub units: u32,
    /// The nearest other stores that have it.
    pub nearby: Vec<StockAt>,
}

/// Most variants one stock question may name.
pub const MAX_STOCK_VARIANTS: usize = 50;

/// The locator: `q` (city, postcode or any text) and/or `near` ("lat,lng").
#[server(endpoint = "stores/find", input = server_fn::codec::GetUrl)]
pub async fn find_stores(
    q: Option<String>,
    near: Option<String>,
) -> Result<Vec<StoreCard>, ShopError> {
    use super::ssr::*;
    use omnistore_components::model::{parse_near, DEFAULT_STORE_RESULTS, MAX_STORE_RESULTS};
    let near = match near.as_deref().map(str::trim).filter(|s| !s.is_empty()) {
        Some(n) => Some(parse_near(n).map_err(refuse)?),
        None => None,
    };
    let q = q.as_deref().map(str::trim).filter(|s| !s.is_empty());
    if q.is_some_and(|q| q.chars().count() > 100) {
        return Err(refuse(Problem::QueryTooLong { max: 100 }));
    }
    // Nearest to a position: the closest few; a search or the plain list:
    // every match, up to the cap.
    let limit = if near.is_some() && q.is_none() {
        DEFAULT_STORE_RESULTS
    } else {
        MAX_STORE_RESULTS
    };
    backend()?
        .stores(q, near, limit, locale())
        .await
        .map_err(fail)
}

#[server(endpoint = "stores/one", input = server_fn::codec::GetUrl)]
pub async fn get_store(slug: String) -> Result<Option<StoreDetail>, ShopError> {
    use super::ssr::*;
    backend()?.store(&slug, locale()).await.map_err(fail)
}

/// Sets "my store": on the account for customers, in a cookie for guests;
/// the cart's pickup lines follow. `back` is where a plain form returns.
#[server(endpoint = "my-store")]
pub async fn set_my_store(store: String, back: Option<String>) -> Result<StoreRef, ShopError> {
    use super::ssr::*;
    use omnistore_components::backend::{cookie, STORE_COOKIE};
    use omnistore_components::model::{is_local_path, CartOp};
    let who = identity()?;
    let b = backend()?;
    let found = b.store_ref(&store).await?.ok_or_else(|| {
        refuse(Problem::UnknownStore {
            slug: store.clone(),
        })
    })?;
    match who.customer {
        Some(c) => b.set_preferred_store(c, Some(&store)).await?,
        None => set_cookie(&cookie(STORE_COOKIE, &store, 365 * 24 * 3600, who.secure)),
    }
    b.apply_cart_op(
        &who.cart_owner(),
        &CartOp::PickupAt {
            store: store.clone(),
        },
        None,
        locale(),
    )
    .await?;
    if plain_form() {
        let to = back
            .filter(|p| is_local_path(p))
            .unwrap_or_else(|| format!("/stores/{store}"));
        leptos_axum::redirect(&to);
    }
    Ok(found)
}

/// Stock at "my store" for the given variants ("1,2,3"); `None` without a store.
#[server(endpoint = "stores/stock", input = server_fn::codec::GetUrl)]
pub async fn get_local_stock(
    variants: String,
    product: Option<String>,
) -> Result<Option<LocalStock>, ShopError> {
    use super::ssr::*;
    let ids = variants
        .split(',')
        .filter(|s| !s.is_empty())
        .map(|s| s.trim().parse::<VariantId>())
        .collect::<Result<Vec<_>, _>>()
        .map_err(|_| refuse(Problem::BadVariantList))?;
    if ids.len() > MAX_STOCK_VARIANTS {
        return Err(refuse(Problem::TooManyVariants {
            max: MAX_STOCK_VARIANTS as u32,
        }));
    }
    let who = identity()?;
    let b = backend()?;
    let Some(slug) = my_store(&who) else {
        return Ok(None);
    };
    let Some(store) = b.store_ref(&slug).await? else {
        return Ok(None);
    };
    let units = b.store_stock(&slug, &ids).await?;
    let mut out = Vec::with_capacity(units.len());
    for (variant_id, units) in units {
        let nearby = b.nearby_stock(&slug, &variant_id, 3).await?;
        out.push(VariantStock {
            variant_id,
            units,
            nearby,
        });
    }
    let aisle = match product.as_deref() {
        Some(p) => b.aisle(&slug, p).await?,
        None => None,
    };
    Ok(Some(LocalStock {
        store,
        aisle,
        variants: out,
    }))
}
