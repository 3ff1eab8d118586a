//! Checkout, orders and the staff desk.

// The checkout form's fields are the server function's arguments (so a
// plain HTML form posts to it); the generated client function repeats them.
#![allow(clippy::too_many_arguments)]

use super::ShopError;
use leptos::prelude::*;
use omnistore_components::model::{CheckoutView, OrderSummary, OrderView, StoreRef};
use serde::{Deserialize, Serialize};

/// Where a placed order can be seen.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct OrderLink {
    pub number: i64,
    /// `/orders/{number}`, with the guest's secret key for guests.
    pub href: String,
}

/// A store's order desk.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct StaffDesk {
    pub store: StoreRef,
    pub orders: Vec<OrderSummary>,
    /// A fresh key for the till form (a resent form records nothing twice).
    pub till_key: String,
    /// The return whose code staff looked up (`?return=`), or why there is
    /// none, worded.
    pub found: Option<Result<omnistore_components::model::ReturnView, String>>,
}

#[cfg(feature = "ssr")]
pub(crate) mod ssr {
    use super::super::ssr::*;
    use super::super::ShopError;

    /// Points to spend as typed into a form: a whole number, 0 when empty.
    pub fn points(raw: Option<String>) -> Result<i64, Problem> {
        match raw.as_deref().map(str::trim).filter(|s| !s.is_empty()) {
            Some(p) => p
                .parse::<i64>()
                .ok()
                .filter(|p| *p >= 0)
                .ok_or_else(|| Problem::NotANumber { value: p.into() }),
            None => Ok(0),
        }
    }

    /// The signed-in staff member of `store`: 401 for guests, 403 for others.
    pub async fn staff_of(store: &str) -> Result<i64, ShopError> {
        let (customer, _) = customer()?;
        let stores = backend()?.staff_stores(customer).await?;
        if stores.iter().any(|s| s == store) {
            Ok(customer)
        } else {
            Err(refuse(Problem::StaffOnly))
        }
    }
}

/// Everything the checkout page needs, with a fresh idempotency key.
#[server(endpoint = "checkout/view", input = server_fn::codec::GetUrl)]
pub async fn get_checkout() -> Result<CheckoutView, ShopError> {
    use super::ssr::*;
    use omnistore_components::backend::new_token;
    use omnistore_components::model::Fulfilment;
    let who = identity()?;
    let b = backend()?;
    let cart = cart_of(&who).await?;
    let pickup = b.pickup_plan(&cart).await?;
    let (customer, addresses, points_balance) = match who.customer {
        Some(c) => (
            who.profile.clone().map(|p| (p.email, p.name)),
            b.addresses(c).await?,
            b.points_balance(c).await?,
        ),
        None => (None, Vec::new(), 0),
    };
    Ok(CheckoutView {
        needs_store: cart.has(Fulfilment::Pickup) && cart.pickup_store.is_none(),
        pay_at_pickup: !cart.has(Fulfilment::Delivery),
        cart,
        pickup,
        customer,
        addresses,
        key: new_token(),
        points_balance,
    })
}

/// Places the cart as an order. A double submit (same `key`) makes one order.
#[server(endpoint = "checkout")]
pub async fn place_order(
    key: String,
    email: String,
    name: String,
    phone: String,
    slot: Option<String>,
    street: Option<String>,
    postcode: Option<String>,
    city: Option<String>,
    payment: Option<String>,
    channel: Option<String>,
    total: Option<String>,
    points: Option<String>,
) -> Result<OrderLink, ShopError> {
    use super::ssr::*;
    use http::StatusCode;
    use omnistore_components::model::{Channel, CheckoutForm};
    let who = identity()?;
    let bad = |p: Problem| back_with("/checkout", refuse(p));
    let slot = match slot.as_deref().map(str::trim).filter(|s| !s.is_empty()) {
        Some(s) => Some(s.parse::<i64>().map_err(|_| bad(Problem::BadSlot))?),
        None => None,
    };
    // The total the page showed (minor units): another one is not charged.
    let expected_total = match total.as_deref().map(str::trim).filter(|s| !s.is_empty()) {
        Some(t) => Some(
            t.parse::<i64>()
                .map_err(|_| bad(Problem::NotANumber { value: t.into() }))?,
        ),
        None => None,
    };
    let points = ssr::points(points).map_err(bad)?;
    // A kiosk's orders are the kiosk's, whatever the form says.
    let channel = match channel.as_deref().filter(|c| !c.is_empty()) {
        _ if who.kiosk.is_some() => Channel::Kiosk,
        Some(c) => {
            Channel::parse(c).ok_or_else(|| bad(Problem::UnknownChannel { channel: c.into() }))?
        }
        None => Channel::Web,
    };
    let form = CheckoutForm {
        key,
        email,
        name,
        phone,
        slot,
        street: street.unwrap_or_default(),
        postcode: postcode.unwrap_or_default(),
        city: city.unwrap_or_default(),
        payment: payment.unwrap_or_default(),
        channel,
        expected_total,
        points,
    }
    .validated()
    .map_err(|(field, error)| {
        bad(Problem::Field {
            field: field.into(),
            error,
        })
    })?;
    let placed = backend()?
        .place_order(&who.cart_owner(), who.customer, &form, locale())
        .await
        .map_err(|e| back_with("/checkout", fail(e)))?;
    let href = match &placed.guest_key {
        Some(k) => format!("/orders/{}?key={k}", placed.number),
        None => format!("/orders/{}", placed.number),
    };
    if plain_form() {
        leptos_axum::redirect(&href);
    } else if let Some(res) = use_context::<leptos_axum::ResponseOptions>() {
        res.set_status(StatusCode::CREATED);
    }
    Ok(OrderLink {
        number: placed.number,
        href,
    })
}

/// One order, for its owner (or the holder of its guest link); 404 otherwise.
#[server(endpoint = "orders/one", input = server_fn::codec::GetUrl)]
pub async fn get_order(number: i64, key: Option<String>) -> Result<OrderView, ShopError> {
    use super::ssr::*;
    use omnistore_components::backend::{hash_token, is_token, OrderViewer};
    let who = identity()?;
    let viewer = OrderViewer {
        customer: who.customer,
        guest_key_hash: key.filter(|k| is_token(k)).map(|k| hash_token(&k)),
    };
    let mut order = backend()?
        .order(number, &viewer, locale())
        .await?
        .ok_or_else(|| refuse(Problem::NoSuchOrder))?;
    order.form_key = omnistore_components::backend::new_token();
    Ok(order)
}

/// The signed-in customer's orders.
#[server(endpoint = "orders/mine", input = server_fn::codec::GetUrl)]
pub async fn get_my_orders() -> Result<Vec<OrderSummary>, ShopError> {
    use super::ssr::*;
    let (customer, _) = customer()?;
    backend()?.orders_of(customer).await.map_err(fail)
}

/// A store's orders, for its staff.
#[server(endpoint = "staff/orders", input = server_fn::codec::GetUrl)]
pub async fn get_staff_desk(store: String, code: Option<String>) -> Result<StaffDesk, ShopError> {
    use super::ssr::*;
    ssr::staff_of(&store).await?;
    let b = backend()?;
    let store_ref = b
        .store_ref(&store)
        .await?
        .ok_or_else(|| refuse(Problem::NoSuchStore))?;
    let found = match code.as_deref().map(str::trim).filter(|c| !c.is_empty()) {
        Some(code) => Some(
            b.find_return(code)
                .await?
                .ok_or_else(|| Problem::NoSuchReturn.text(locale())),
        ),
        None => None,
    };
    Ok(StaffDesk {
        store: store_ref,
        orders: b.store_orders(&store).await?,
        till_key: omnistore_components::backend::new_token(),
        found,
    })
}

/// Staff move an order along: "ready", "collected" or "cancelled".
#[server(endpoint = "staff/move")]
pub async fn staff_move_order(store: String, number: i64, to: String) -> Result<(), ShopError> {
    use super::ssr::*;
    use omnistore_components::model::OrderStatus;
    ssr::staff_of(&store).await?;
    let to = OrderStatus::parse(&to)
        .ok_or_else(|| refuse(Problem::UnknownStatus { status: to.clone() }))?;
    let back = format!("/staff/{store}/orders");
    backend()?
        .move_order(&store, number, to)
        .await
        .map_err(|e| back_with(&back, fail(e)))?;
    if plain_form() {
        leptos_axum::redirect(&back);
    }
    Ok(())
}

/// Staff record a purchase at their store's till for the customer whose
/// loyalty code they scanned: `amount` as typed ("12,50", before points),
/// `points` to spend on it, `key` the form's (a resent form changes
/// nothing). Back to the desk with what happened.
#[server(endpoint = "staff/till")]
pub async fn staff_till(
    store: String,
    code: String,
    amount: String,
    points: Option<String>,
    key: String,
) -> Result<omnistore_components::model::TillReceipt, ShopError> {
    use super::ssr::*;
    use omnistore_components::model::parse_price_input;
    ssr::staff_of(&store).await?;
    let back = format!("/staff/{store}/orders");
    let bad = |p: Problem| back_with(&back, refuse(p));
    let amount = parse_price_input(&amount).map_err(|_| bad(Problem::BadAmount))?;
    let points = ssr::points(points).map_err(bad)?;
    if !omnistore_components::model::is_valid_op_key(&key) {
        return Err(bad(Problem::FormExpired));
    }
    let receipt = backend()?
        .till_purchase(&store, &code, amount, points, &key)
        .await
        .map_err(|e| back_with(&back, fail(e)))?;
    done_to(&format!(
        "{back}?till={}.{}.{}.{}",
        receipt.earned,
        receipt.redeemed,
        receipt.balance,
        u8::from(receipt.repeated)
    ));
    Ok(receipt)
}
