//! Checkout and orders: what the shopper chooses, what an order looks like
//! to its owner and to store staff, and the rules of its life.

use super::account::{
    normalize_email, normalize_phone, normalize_postcode, required_text, Address, FieldError,
};
use super::cart::{Cart, Fulfilment};
use super::money::Money;
use super::store::{LocalMoment, StoreRef};
use serde::{Deserialize, Serialize};

/// Lead time when every pickup line is on the store's shelf, seconds.
pub const READY_FROM_STORE_SECS: i64 = 2 * 3600;
/// Lead time when a pickup line comes from the online warehouse, seconds.
pub const READY_FROM_WAREHOUSE_SECS: i64 = 2 * 24 * 3600;
/// An order not collected this long after its slot expires, seconds.
pub const UNCOLLECTED_EXPIRY_SECS: i64 = 3 * 24 * 3600;

/// Where an order was placed.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, Default)]
pub enum Channel {
    #[default]
    Web,
    Pwa,
    Kiosk,
}

impl Channel {
    pub fn as_str(self) -> &'static str {
        match self {
            Channel::Web => "web",
            Channel::Pwa => "pwa",
            Channel::Kiosk => "kiosk",
        }
    }

    pub fn parse(s: &str) -> Option<Channel> {
        [Channel::Web, Channel::Pwa, Channel::Kiosk]
            .into_iter()
            .find(|c| c.as_str() == s)
    }
}

/// placed → ready → collected; placed or ready → cancelled; ready or placed
/// past its slot by [`UNCOLLECTED_EXPIRY_SECS`] → expired.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum OrderStatus {
    Placed,
    Ready,
    Collected,
    Cancelled,
    Expired,
}

impl OrderStatus {
    /// The shopper's words for the status.
    pub fn label(self) -> crate::i18n::Msg {
        use crate::i18n::Msg;
        match self {
            OrderStatus::Placed => Msg::StatusPlaced,
            OrderStatus::Ready => Msg::StatusReady,
            OrderStatus::Collected => Msg::StatusCollected,
            OrderStatus::Cancelled => Msg::StatusCancelled,
            OrderStatus::Expired => Msg::StatusExpired,
        }
    }
}

impl OrderStatus {
    pub const ALL: [OrderStatus; 5] = [
        OrderStatus::Placed,
        OrderStatus::Ready,
        OrderStatus::Collected,
        OrderStatus::Cancelled,
        OrderStatus::Expired,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            OrderStatus::Placed => "placed",
            OrderStatus::Ready => "ready",
            OrderStatus::Collected => "collected",
            OrderStatus::Cancelled => "cancelled",
            OrderStatus::Expired => "expired",
        }
    }

    pub fn parse(s: &str) -> Option<OrderStatus> {
        Self::ALL.into_iter().find(|o| o.as_str() == s)
    }

    /// Whether staff may move an order from `self` to `to`.
    pub fn can_move_to(self, to: OrderStatus) -> bool {
        use OrderStatus::*;
        matches!(
            (self, to),
            (Placed, Ready) | (Ready, Collected) | (Placed, Cancelled) | (Ready, Cancelled)
        )
    }

    /// Still holding stock and a slot.
    pub fn is_open(self) -> bool {
        matches!(self, OrderStatus::Placed | OrderStatus::Ready)
    }
}

/// A pickup slot offered at checkout.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PickupSlot {
    /// Unix seconds; what the form sends back.
    pub starts_at: i64,
    pub at: LocalMoment,
    /// Local "HH:MM" end.
    pub until: String,
    /// Places left in this slot.
    pub left: u32,
}

/// Pickup of the cart's pickup lines at one store.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PickupPlan {
    pub store: StoreRef,
    /// Variants that are not on this store's shelf in the quantity wanted
    /// (they come from the warehouse, later).
    pub missing: Vec<super::id::VariantId>,
    /// The earliest free slot, for "Ready tomorrow from 10:00".
    pub earliest: Option<PickupSlot>,
    /// Free slots from the earliest possible on.
    pub slots: Vec<PickupSlot>,
    /// The nearest store holding every pickup line, when this one does not.
    pub alternative: Option<(StoreRef, u32)>,
}

/// What the checkout page needs.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct CheckoutView {
    pub cart: Cart,
    /// Present when the cart has pickup lines.
    pub pickup: Option<PickupPlan>,
    /// True when a pickup line has no store chosen yet.
    pub needs_store: bool,
    /// "Pay at pickup" only when every line is picked up.
    pub pay_at_pickup: bool,
    /// The signed-in customer's e-mail, name, and saved addresses.
    pub customer: Option<(String, String)>,
    pub addresses: Vec<Address>,
    /// A fresh idempotency key for this checkout form.
    pub key: String,
    /// The signed-in customer's loyalty points (0 for guests).
    #[serde(default)]
    pub points_balance: i64,
}

/// The shopper's checkout form, checked by [`CheckoutForm::validate`].
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct CheckoutForm {
    pub key: String,
    pub email: String,
    pub name: String,
    pub phone: String,
    /// Unix seconds of the chosen slot (pickup lines).
    pub slot: Option<i64>,
    /// Delivery address (delivery lines).
    pub street: String,
    pub postcode: String,
    pub city: String,
    /// The test payment provider's method: "card-ok" or "card-decline".
    pub payment: String,
    pub channel: Channel,
    /// The total the shopper was shown (minor units): the order is refused
    /// with `PricesChanged` when re-pricing on the server gives another.
    #[serde(default)]
    pub expected_total: Option<i64>,
    /// Loyalty points to spend on the order (a customer's; 0: none).
    #[serde(default)]
    pub points: i64,
}

impl CheckoutForm {
    /// The form with contact and address fields checked and tidied; the
    /// error names the field. The address is checked when any part of it is
    /// given (the back end requires it when the cart has delivery lines).
    pub fn validated(&self) -> Result<CheckoutForm, (&'static str, FieldError)> {
        let mut f = self.clone();
        f.email = normalize_email(&f.email).map_err(|e| ("email", e))?;
        f.name = required_text(&f.name, 100).map_err(|e| ("name", e))?;
        f.phone = normalize_phone(&f.phone).map_err(|e| ("phone", e))?;
        if [&f.street, &f.postcode, &f.city]
            .iter()
            .any(|s| !s.trim().is_empty())
        {
            f.street = required_text(&f.street, 200).map_err(|e| ("street", e))?;
            f.postcode = normalize_postcode(&f.postcode).map_err(|e| ("postcode", e))?;
            f.city = required_text(&f.city, 100).map_err(|e| ("city", e))?;
        }
        Ok(f)
    }

    /// What a cart with pickup and/or delivery lines needs from this form,
    /// whatever the back end: a pickup store (`store`, which it returns)
    /// and a slot for pickup lines, an address for delivery lines.
    pub fn check_for<S>(
        &self,
        pickup: bool,
        delivery: bool,
        store: Option<S>,
    ) -> Result<Option<S>, super::Problem> {
        use super::Problem;
        let store = match (pickup, store) {
            (false, _) => None,
            (true, Some(s)) => Some(s),
            (true, None) => return Err(Problem::ChooseStoreFirst),
        };
        if store.is_some() && self.slot.is_none() {
            return Err(Problem::ChooseSlot);
        }
        if delivery
            && [&self.street, &self.postcode, &self.city]
                .iter()
                .any(|f| f.trim().is_empty())
        {
            return Err(Problem::DeliveryAddressMissing);
        }
        Ok(store)
    }
}

/// A line of a placed order, priced when it was placed.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct OrderLine {
    pub product_name: String,
    pub variant_label: String,
    pub sku: String,
    pub quantity: u32,
    pub unit_price: Money,
    pub fulfilment: Fulfilment,
    /// Reserved in the online warehouse (a transfer for pickup lines).
    pub from_warehouse: bool,
    /// Minor units the promotions took off this line.
    #[serde(default)]
    pub discount: i64,
}

/// An order as its owner (and store staff) see it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct OrderView {
    pub number: i64,
    pub status: OrderStatus,
    pub channel: Channel,
    /// "2026-11-23 14:05" in the store's (or Warsaw's) time.
    pub placed_at: String,
    pub email: String,
    pub name: String,
    pub phone: String,
    pub pickup_store: Option<StoreRef>,
    pub slot: Option<(LocalMoment, String)>,
    /// What the shopper shows at the counter.
    pub pickup_code: String,
    /// The QR code of the pickup code: SVG path data in a square of `qr_size` modules.
    pub qr_path: String,
    pub qr_size: u32,
    pub lines: Vec<OrderLine>,
    /// The promotions it got: name and minor units off.
    #[serde(default)]
    pub discounts: Vec<(String, i64)>,
    /// Loyalty points spent on it (each took a grosz off).
    #[serde(default)]
    pub points_redeemed: i64,
    /// What was charged (after the discounts and points).
    pub total: Money,
    /// "pay_at_pickup", "paid".
    pub payment: String,
    pub delivery_address: Option<Address>,
    /// Lines with units the shopper may still give back (empty: nothing
    /// can be returned now).
    #[serde(default)]
    pub returnable: Vec<super::ReturnableLine>,
    /// The last day a return can be started ("2026-12-23"), when some can.
    #[serde(default)]
    pub return_until: Option<String>,
    /// Whether a return must go through a store (the order was paid there).
    #[serde(default)]
    pub return_at_store_only: bool,
    /// Returns started from it, oldest first.
    #[serde(default)]
    pub returns: Vec<super::ReturnView>,
    /// A fresh key for the page's return form (a resent form starts one
    /// return); the page's server function sets it.
    #[serde(default)]
    pub form_key: String,
}

/// A row of the order history or the staff list.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct OrderSummary {
    pub number: i64,
    pub status: OrderStatus,
    pub channel: Channel,
    pub placed_at: String,
    pub total: Money,
    pub name: String,
    pub pickup_code: String,
    pub pickup_store: Option<StoreRef>,
    pub slot: Option<(LocalMoment, String)>,
    /// The link that opens it (with the guest key for guests' own links).
    pub href: String,
}

/// A pickup code: 8 characters from an alphabet without look-alikes.
pub fn is_pickup_code(s: &str) -> bool {
    s.len() == 8 && s.bytes().all(|b| PICKUP_ALPHABET.contains(&b))
}

/// Letters and digits a person reads aloud without confusion (no 0/O, 1/I/L).
pub const PICKUP_ALPHABET: &[u8] = b"23456789ABCDEFGHJKMNPQRSTUVWXYZ";

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lifecycle_moves_only_forward() {
        use OrderStatus::*;
        assert!(Placed.can_move_to(Ready));
        assert!(Ready.can_move_to(Collected));
        assert!(Placed.can_move_to(Cancelled));
        assert!(!Placed.can_move_to(Collected), "collect only when ready");
        assert!(!Collected.can_move_to(Cancelled));
        assert!(!Expired.can_move_to(Ready));
        assert!(!Cancelled.can_move_to(Placed));
        for s in OrderStatus::ALL {
            assert_eq!(OrderStatus::parse(s.as_str()), Some(s));
            assert!(
                !s.can_move_to(Expired),
                "expiry is the clock's, not staff's"
            );
        }
        assert_eq!(Channel::parse("kiosk"), Some(Channel::Kiosk));
        assert_eq!(Channel::parse("fax"), None);
    }

    #[test]
    fn pickup_codes() {
        assert!(is_pickup_code("AB23CD45"));
        assert!(!is_pickup_code("AB23CD4O"), "no letter O");
        assert!(!is_pickup_code("AB23CD4"));
    }

    #[test]
    fn a_checkout_needs_a_store_and_slot_for_pickup_and_an_address_for_delivery() {
        use crate::model::Problem;
        let form = CheckoutForm::default();
        assert_eq!(
            form.check_for(true, false, None::<&str>),
            Err(Problem::ChooseStoreFirst)
        );
        assert_eq!(
            form.check_for(true, false, Some("krakow")),
            Err(Problem::ChooseSlot)
        );
        let with_slot = CheckoutForm {
            slot: Some(1_800_000_000),
            ..form.clone()
        };
        assert_eq!(
            with_slot.check_for(true, false, Some("krakow")),
            Ok(Some("krakow"))
        );
        assert_eq!(
            with_slot.check_for(true, true, Some("krakow")),
            Err(Problem::DeliveryAddressMissing)
        );
        // A store chosen for a cart without pickup lines is not this order's.
        let addressed = CheckoutForm {
            street: "ul. Długa 5".into(),
            postcode: "00-950".into(),
            city: "Warszawa".into(),
            ..form
        };
        assert_eq!(addressed.check_for(false, true, Some("krakow")), Ok(None));
    }
}
