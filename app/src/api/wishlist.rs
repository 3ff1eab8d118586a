//! The wishlist's server functions: its page, the product page's button and
//! "Move to cart". Whose list it is follows the cart: a signed-in customer's
//! on every device, else the guest's (the cart cookie, issued with the first
//! wish), which joins the account at sign-in.
//!
//! Forms without JavaScript come back to the page they were posted from
//! with `?done=wished|unwished|moved` or `?error=` (see `api::ssr::back_with`).

use super::ShopError;
use leptos::prelude::*;
use omnistore_components::model::{CartUpdate, VariantId, WishlistView};

#[cfg(feature = "ssr")]
mod ssr {
    pub use super::super::ssr::*;
    use super::ShopError;
    use omnistore_components::model::{is_slug, ProductDetail, VariantId};

    /// The product and the variant a form names; `UnknownVariant` for
    /// anything the catalog does not have.
    pub async fn wished_variant(
        product_slug: &str,
        variant: &VariantId,
    ) -> Result<ProductDetail, ShopError> {
        if !is_slug(product_slug) {
            return Err(refuse(Problem::UnknownVariant));
        }
        let product = backend()?.product(locale(), product_slug).await?;
        product
            .filter(|p| p.variants.iter().any(|v| &v.id == variant))
            .ok_or_else(|| refuse(Problem::UnknownVariant))
    }
}

/// The shopper's wishlist, newest first, priced and stocked now (at "my
/// store" too, when one is chosen). A wish whose product left the catalog
/// is not shown.
#[server(endpoint = "wishlist", input = server_fn::codec::GetUrl)]
pub async fn get_wishlist() -> Result<WishlistView, ShopError> {
    use ssr::*;
    let who = identity()?;
    let signed_in = who.customer.is_some();
    if who.has_no_cart() {
        return Ok(WishlistView {
            items: Vec::new(),
            signed_in,
        });
    }
    let b = backend()?;
    let store = my_store(&who);
    let wishes = b.wishlist(&who.cart_owner()).await?;
    let mut items = Vec::with_capacity(wishes.len());
    // Each product once, a missing one too (many wishes may name it).
    let mut products = std::collections::HashMap::new();
    for w in wishes {
        if !products.contains_key(&w.product_slug) {
            let p = b.product(locale(), &w.product_slug).await?;
            products.insert(w.product_slug.clone(), p);
        }
        let Some(Some(p)) = products.get(&w.product_slug) else {
            continue;
        };
        let Some(v) = p.variants.iter().find(|v| v.id == w.variant_id) else {
            continue;
        };
        items.push(omnistore_components::model::WishedItem {
            product_slug: p.slug.clone(),
            variant_id: v.id.clone(),
            name: p.name.clone(),
            brand: p.brand.clone(),
            variant_label: v.label(),
            image: v.image.clone(),
            price: v.price,
            compare_at: v.compare_at,
            online_stock: v.online_stock,
            store_units: None,
            alert: store.is_some() && w.alert_store == store,
        });
    }
    if let Some(store) = store {
        let ids: Vec<VariantId> = items.iter().map(|i| i.variant_id.clone()).collect();
        let stock = b.store_stock(&store, &ids).await?;
        for item in &mut items {
            item.store_units = Some(
                stock
                    .iter()
                    .find(|(id, _)| id == &item.variant_id)
                    .map_or(0, |(_, units)| *units),
            );
        }
    }
    Ok(WishlistView { items, signed_in })
}

/// Form post: puts a variant on the wishlist (`on` true) or takes it off.
/// A plain form comes back to `back` (a path of this shop) or the
/// variant's page, with `?done=wished&saved={variant}` or `?done=unwished`.
#[server(endpoint = "wishlist/set")]
pub async fn set_wish(
    product_slug: String,
    variant_id: VariantId,
    on: bool,
    back: Option<String>,
) -> Result<(), ShopError> {
    use ssr::*;
    let page = local_path(back, &format!("/p/{product_slug}?variant={variant_id}"));
    async {
        // Taking off needs no catalog: a wish for a product gone since can go.
        if on {
            wished_variant(&product_slug, &variant_id).await?;
        }
        let who = identity()?;
        backend()?
            .set_wish(&who.cart_owner(), &product_slug, &variant_id, on)
            .await?;
        Ok::<_, ShopError>(())
    }
    .await
    .map_err(|e| back_with(&page, e))?;
    // `saved` names the variant for a page of many (a listing's cards).
    done_to(&if on {
        with_query(&page, &format!("done=wished&saved={variant_id}"))
    } else {
        with_query(&page, "done=unwished")
    });
    Ok(())
}

/// Form post: one unit of a wished variant into the cart (delivered when
/// the warehouse has it, else picked up at "my store"), and off the
/// wishlist. Refused (and kept on the list) when neither has it.
#[server(endpoint = "wishlist/to-cart")]
pub async fn wish_to_cart(
    product_slug: String,
    variant_id: VariantId,
) -> Result<CartUpdate, ShopError> {
    use omnistore_components::model::{CartOp, Fulfilment};
    use ssr::*;
    const PAGE: &str = "/wishlist";
    let update = async {
        let product = wished_variant(&product_slug, &variant_id).await?;
        let online = product
            .variants
            .iter()
            .find(|v| v.id == variant_id)
            .is_some_and(|v| v.online_stock > 0);
        let who = identity()?;
        let fulfilment = match my_store(&who) {
            Some(store) if !online => {
                let b = backend()?;
                let units = b
                    .store_stock(&store, std::slice::from_ref(&variant_id))
                    .await?;
                if units.iter().any(|(_, u)| *u > 0) {
                    Fulfilment::Pickup
                } else {
                    Fulfilment::Delivery
                }
            }
            _ => Fulfilment::Delivery,
        };
        let op = CartOp::Add {
            variant_id: variant_id.clone(),
            quantity: 1,
            fulfilment,
        };
        let update = super::cart::ssr::run(op, None).await?;
        backend()?
            .set_wish(&who.cart_owner(), &product_slug, &variant_id, false)
            .await?;
        Ok::<_, ShopError>(update)
    }
    .await
    .map_err(|e| back_with(PAGE, e))?;
    done_to(&with_query(PAGE, "done=moved"));
    Ok(update)
}

/// Form post: "Tell me when it is back at my store" (`on` true) for a
/// wished variant, or never mind. One e-mail, in the customer's language,
/// when the shelf of "my store" has it again; so the customer must be
/// signed in and have chosen a store. Comes back to `/wishlist` with
/// `?done=alert|unalert`.
#[server(endpoint = "wishlist/alert")]
pub async fn set_stock_alert(variant_id: VariantId, on: bool) -> Result<(), ShopError> {
    use ssr::*;
    const PAGE: &str = "/wishlist";
    async {
        let (customer, who) = customer()?;
        let store = match my_store(&who) {
            Some(store) => Some(store),
            None if on => return Err(refuse(Problem::ChooseStoreFirst)),
            None => None,
        };
        backend()?
            .set_stock_alert(customer, &variant_id, store.filter(|_| on).as_deref())
            .await?;
        Ok::<_, ShopError>(())
    }
    .await
    .map_err(|e| back_with(PAGE, e))?;
    done_to(&with_query(
        PAGE,
        if on { "done=alert" } else { "done=unalert" },
    ));
    Ok(())
}
