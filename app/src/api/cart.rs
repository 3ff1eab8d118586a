//! Cart server functions. The cart is always the requester's own: the owner
//! comes from the request's cookies (resolved by the host), never from an id
//! in the arguments, so no argument can reach another shopper's cart.
//!
//! Two doors, one behaviour: `apply_cart` takes JSON with an idempotency key
//! (the browser's queue uses it, online or after being offline); the form
//! endpoints (`cart/add`, `cart/set`, `cart/remove`, `cart/move`,
//! `cart/clear`) take plain form posts, so the cart works with JavaScript
//! off: an add goes back to the page it came from, the others to the cart.

use super::ShopError;
use leptos::prelude::*;
use omnistore_components::model::{Cart, CartOp, CartUpdate, VariantId};

#[cfg(feature = "ssr")]
pub(crate) mod ssr {
    use super::super::ssr::*;
    use super::super::ShopError;
    use omnistore_components::model::{
        is_valid_op_key, validate_quantity, CartOp, CartUpdate, Fulfilment, MAX_LINE_QUANTITY,
    };

    pub async fn run(op: CartOp, key: Option<String>) -> Result<CartUpdate, ShopError> {
        if let Some(k) = &key {
            if !is_valid_op_key(k) {
                return Err(refuse(Problem::BadChangeKey));
            }
        }
        let who = identity()?;
        let b = backend()?;
        let pickup = matches!(
            op,
            CartOp::Add {
                fulfilment: Fulfilment::Pickup,
                ..
            } | CartOp::Set {
                fulfilment: Fulfilment::Pickup,
                ..
            } | CartOp::Move {
                to: Fulfilment::Pickup,
                ..
            }
        );
        if pickup {
            // Pickup happens at "my store": the cart learns it first.
            let store = my_store(&who).ok_or_else(|| refuse(Problem::ChooseStoreFirst))?;
            b.apply_cart_op(
                &who.cart_owner(),
                &CartOp::PickupAt { store },
                None,
                locale(),
            )
            .await?;
        }
        b.apply_cart_op(&who.cart_owner(), &op, key.as_deref(), locale())
            .await
            .map_err(fail)
    }

    /// A change posted from the cart page as a plain form (JavaScript off,
    /// or `nav.js`'s `data-swap`): back to the cart, with the refusal in its
    /// query when refused. The line itself says when fewer units were
    /// available than asked for.
    pub async fn from_cart_page(
        change: impl std::future::Future<Output = Result<CartUpdate, ShopError>>,
    ) -> Result<CartUpdate, ShopError> {
        let update = change.await.map_err(|e| back_with("/cart", e))?;
        done_to("/cart");
        Ok(update)
    }

    /// "pickup" or "delivery" from a form; delivery when absent.
    pub fn fulfilment(raw: Option<String>) -> Result<Fulfilment, ShopError> {
        match raw.as_deref() {
            None | Some("") => Ok(Fulfilment::Delivery),
            Some(s) => Fulfilment::parse(s).ok_or_else(|| refuse(Problem::UnknownFulfilment)),
        }
    }

    /// A quantity typed into a form: 1..=99 (0..=99 when 0 means "remove").
    pub fn quantity(raw: i64, zero_ok: bool) -> Result<u32, ShopError> {
        if zero_ok && raw == 0 {
            return Ok(0);
        }
        validate_quantity(raw).map_err(|_| {
            refuse(Problem::QuantityOutOfRange {
                min: u32::from(!zero_ok),
                max: MAX_LINE_QUANTITY,
            })
        })
    }
}

/// The requester's cart, priced now.
#[server(endpoint = "cart", input = server_fn::codec::GetUrl)]
pub async fn get_cart() -> Result<Cart, ShopError> {
    super::ssr::cart_of(&super::ssr::identity()?).await
}

/// Applies one change, once per `key`.
#[server(endpoint = "cart/apply", input = server_fn::codec::Json)]
pub async fn apply_cart(op: CartOp, key: Option<String>) -> Result<CartUpdate, ShopError> {
    if let CartOp::Add { quantity, .. } | CartOp::Set { quantity, .. } = op {
        ssr::quantity(i64::from(quantity), matches!(op, CartOp::Set { .. }))?;
    }
    ssr::run(op, key).await
}

/// Form post: add `quantity` units of a variant.
#[server(endpoint = "cart/add")]
pub async fn add_to_cart(
    variant_id: VariantId,
    quantity: i64,
    fulfilment: Option<String>,
) -> Result<CartUpdate, ShopError> {
    let quantity = ssr::quantity(quantity, false)?;
    let fulfilment = ssr::fulfilment(fulfilment)?;
    ssr::run(
        CartOp::Add {
            variant_id,
            quantity,
            fulfilment,
        },
        None,
    )
    .await
}

/// Form post: set a line's quantity (0 removes it).
#[server(endpoint = "cart/set")]
pub async fn set_cart_quantity(
    variant_id: VariantId,
    quantity: i64,
    fulfilment: Option<String>,
) -> Result<CartUpdate, ShopError> {
    ssr::from_cart_page(async {
        let quantity = ssr::quantity(quantity, true)?;
        let fulfilment = ssr::fulfilment(fulfilment)?;
        let op = CartOp::Set {
            variant_id,
            quantity,
            fulfilment,
        };
        ssr::run(op, None).await
    })
    .await
}

/// Form post: remove a line.
#[server(endpoint = "cart/remove")]
pub async fn remove_from_cart(
    variant_id: VariantId,
    fulfilment: Option<String>,
) -> Result<CartUpdate, ShopError> {
    ssr::from_cart_page(async {
        let fulfilment = ssr::fulfilment(fulfilment)?;
        let op = CartOp::Remove {
            variant_id,
            fulfilment,
        };
        ssr::run(op, None).await
    })
    .await
}

/// Form post: switch a line between delivery and pickup.
#[server(endpoint = "cart/move")]
pub async fn move_cart_line(
    variant_id: VariantId,
    from: String,
    to: String,
) -> Result<CartUpdate, ShopError> {
    ssr::from_cart_page(async {
        let (from, to) = (ssr::fulfilment(Some(from))?, ssr::fulfilment(Some(to))?);
        let op = CartOp::Move {
            variant_id,
            from,
            to,
        };
        ssr::run(op, None).await
    })
    .await
}

/// Form post: empty the cart.
#[server(endpoint = "cart/clear")]
pub async fn clear_cart() -> Result<CartUpdate, ShopError> {
    ssr::from_cart_page(ssr::run(CartOp::Clear, None)).await
}

/// Form post: put a coupon code on the cart (`code`), or take it off
/// (`remove`, or an empty code). Back to the cart; a code that cannot be
/// used comes back with why (`?error=coupon_…`).
#[server(endpoint = "cart/coupon")]
pub async fn set_coupon(code: Option<String>, remove: Option<String>) -> Result<Cart, ShopError> {
    use super::ssr::*;
    ssr::from_cart_page(async {
        let who = identity()?;
        let code = code.filter(|c| !c.trim().is_empty() && remove.is_none());
        if who.has_no_cart() {
            return Err(refuse(Problem::CartEmpty));
        }
        let cart = backend()?
            .set_coupon(&who.cart_owner(), code.as_deref(), locale())
            .await
            .map_err(fail)?;
        Ok(CartUpdate { cart, notice: None })
    })
    .await
    .map(|u| u.cart)
}
