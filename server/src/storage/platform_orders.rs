//! omnistore's half of orders that a commerce platform places (the Vendure
//! back end): the platform holds lines, prices, payment and shipping;
//! omnistore keeps the number the shopper sees, who may open it, the pickup
//! store, slot and code, the pickup status and its e-mails, exactly as for
//! its own orders, so the order page, history and staff desk read the same
//! rows whichever back end placed them.
//!
//! Placing is two steps around the platform's calls: `open_platform_order`
//! books the slot and writes the row (so two shoppers cannot both take the
//! last place while the platform is asked), then `confirm_platform_order`
//! or `drop_platform_order` settles it.

use super::orders::order_key_hash;
use super::{cart_lock, now, SqlStore};
use omnistore_components::backend::{BackendResult, CartOwner};
use omnistore_components::i18n::Locale;
use omnistore_components::model::hours::SLOT_MINUTES;
use omnistore_components::model::{
    CheckoutForm, Money, OrderStatus, Problem, READY_FROM_STORE_SECS, READY_FROM_WAREHOUSE_SECS,
    UNCOLLECTED_EXPIRY_SECS,
};
use sqlx::Row;
use std::collections::HashMap;

/// An order a platform is about to place, as omnistore keeps it.
pub struct PlatformOrder<'a> {
    pub owner: &'a CartOwner,
    pub customer: Option<i64>,
    pub form: &'a CheckoutForm,
    pub locale: Locale,
    /// The pickup store's slug, when the order has pickup lines.
    pub store: Option<&'a str>,
    /// Some of the pickup units come from the warehouse (a later slot).
    pub from_warehouse: bool,
    pub delivery: bool,
    /// The cart's total as the shopper saw it; the platform's replaces it.
    pub total: Money,
    pub lines: Vec<PlatformLine>,
}

/// One variant of a platform order: how many of its units are collected
/// at the store.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PlatformLine {
    /// The platform's variant id.
    pub variant: String,
    pub pickup: u32,
    /// Those pickup units come from the warehouse.
    pub from_warehouse: bool,
}

/// What omnistore knows of a platform order.
#[derive(Clone, Debug)]
pub struct PlatformRef {
    /// The platform's order id.
    pub id: String,
    pub status: OrderStatus,
    /// The pickup store's slug.
    pub store: Option<String>,
    pub pickup_code: String,
    /// Pickup units and where from, by the platform's variant id.
    pub lines: HashMap<String, PlatformLine>,
}

impl SqlStore {
    /// The order this form already placed, if any; the asking browser gets
    /// a link of its own to it (`guest_key`).
    pub async fn placed_before(
        &self,
        owner: &CartOwner,
        key: &str,
        guest_key: Option<&str>,
    ) -> BackendResult<Option<i64>> {
        let mut tx = self.write_tx_locking(&[cart_lock(owner)]).await?;
        let seen: Option<i64> =
            sqlx::query_scalar("SELECT id FROM orders WHERE idempotency_key = $1")
                .bind(order_key_hash(owner, key))
                .fetch_optional(&mut *tx)
                .await?;
        if let Some(number) = seen {
            Self::add_order_link(&mut tx, number, guest_key).await?;
        }
        tx.commit().await?;
        Ok(seen)
    }

    /// Books the slot and writes the order's row, not yet paid; the order's
    /// number. Refused (nothing kept) when the slot is not possible or full.
    pub async fn open_platform_order(
        &self,
        order: &PlatformOrder<'_>,
        guest_key: Option<&str>,
    ) -> BackendResult<i64> {
        let form = order.form;
        let dir = self.directory().await?;
        let store = match order.store {
            Some(slug) => Some(dir.get(slug).ok_or(Problem::ChooseStoreFirst)?),
            None => None,
        };
        let mut tx = self.write_tx().await?;
        if let (Some(s), Some(at)) = (store, form.slot) {
            let lead = if order.from_warehouse {
                READY_FROM_WAREHOUSE_SECS
            } else {
                READY_FROM_STORE_SECS
            };
            Self::book_slot(&mut tx, s, at, lead).await?;
        }
        let at = now();
        let number: i64 = sqlx::query_scalar(
            "INSERT INTO orders (idempotency_key, customer_id, channel, status, email, name, phone,
                                 pickup_location_id, slot_starts_at, pickup_code,
                                 delivery_street, delivery_postcode, delivery_city, total,
                                 currency, payment, created_at, updated_at, locale)
             VALUES ($1, $2, $3, 'placed', $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, 'pending', $15, $16,
                     COALESCE((SELECT locale FROM customers WHERE id = $17), $18)) RETURNING id",
        )
        .bind(order_key_hash(order.owner, &form.key))
        .bind(order.customer)
        .bind(form.channel.as_str())
        .bind(&form.email)
        .bind(&form.name)
        .bind(&form.phone)
        .bind(store.map(|s| s.id))
        .bind(store.and(form.slot))
        .bind(super::orders::pickup_code())
        .bind(order.delivery.then_some(&form.street))
        .bind(order.delivery.then_some(&form.postcode))
        .bind(order.delivery.then_some(&form.city))
        .bind(order.total.minor)
        .bind(order.total.currency.code())
        .bind(at)
        .bind(at)
        .bind(order.customer)
        .bind(order.locale.tag())
        .fetch_one(&mut *tx)
        .await?;
        Self::add_order_link(&mut tx, number, guest_key).await?;
        for l in &order.lines {
            sqlx::query(
                "INSERT INTO platform_order_lines (order_id, variant, pickup, from_warehouse)
                 VALUES ($1, $2, $3, $4)",
            )
            .bind(number)
            .bind(&l.variant)
            .bind(i64::from(l.pickup))
            .bind(i64::from(l.from_warehouse))
            .execute(&mut *tx)
            .await?;
        }
        tx.commit().await?;
        Ok(number)
    }

    /// The platform placed the order: which of its orders it is, its total
    /// and whether it is paid; the shopper's e-mail is queued.
    pub async fn confirm_platform_order(
        &self,
        number: i64,
        platform_id: &str,
        platform_code: &str,
        total: Money,
        paid: bool,
    ) -> BackendResult<()> {
        let dir = self.directory().await?;
        let mut tx = self.write_tx().await?;
        sqlx::query(
            "UPDATE orders SET platform_order = $1, platform_code = $2, total = $3, currency = $4,
                    payment = $5, updated_at = $6 WHERE id = $7",
        )
        .bind(platform_id)
        .bind(platform_code)
        .bind(total.minor)
        .bind(total.currency.code())
        .bind(if paid { "paid" } else { "pay_at_pickup" })
        .bind(now())
        .bind(number)
        .execute(&mut *tx)
        .await?;
        Self::notify(&mut tx, number, &dir).await?;
        tx.commit().await?;
        Ok(())
    }

    /// The platform refused the order: its slot place is freed, the form
    /// can be sent again, and nobody can open it.
    pub async fn drop_platform_order(&self, number: i64) -> BackendResult<()> {
        let mut tx = self.write_tx().await?;
        Self::abandon(&mut tx, number).await?;
        tx.commit().await?;
        Ok(())
    }

    /// The platform's side of order `number`; `None` for one of omnistore's
    /// own orders (or none at all).
    pub async fn platform_order(&self, number: i64) -> BackendResult<Option<PlatformRef>> {
        let row = sqlx::query(
            "SELECT o.platform_order, o.status, o.pickup_code, l.slug
             FROM orders o LEFT JOIN locations l ON l.id = o.pickup_location_id
             WHERE o.id = $1 AND o.platform_order IS NOT NULL",
        )
        .bind(number)
        .fetch_optional(&self.pool)
        .await?;
        let Some(r) = row else {
            return Ok(None);
        };
        let lines = sqlx::query(
            "SELECT variant, pickup, from_warehouse FROM platform_order_lines WHERE order_id = $1",
        )
        .bind(number)
        .fetch_all(&self.pool)
        .await?
        .iter()
        .map(|l| {
            let line = PlatformLine {
                variant: l.get("variant"),
                pickup: l.get::<i64, _>("pickup").max(0) as u32,
                from_warehouse: l.get::<i64, _>("from_warehouse") != 0,
            };
            (line.variant.clone(), line)
        })
        .collect();
        Ok(Some(PlatformRef {
            id: r.get("platform_order"),
            status: OrderStatus::parse(r.get("status")).unwrap_or(OrderStatus::Placed),
            store: r.get("slug"),
            pickup_code: r.get("pickup_code"),
            lines,
        }))
    }

    /// Open pickup orders whose slot ended long enough ago, with their
    /// platform order if they have one.
    pub async fn orders_due(&self, now_secs: i64) -> BackendResult<Vec<(i64, Option<String>)>> {
        Ok(sqlx::query_as(
            "SELECT id, platform_order FROM orders WHERE status IN ('placed', 'ready')
             AND slot_starts_at IS NOT NULL AND slot_starts_at + $1 + $2 < $3",
        )
        .bind(SLOT_MINUTES * 60)
        .bind(UNCOLLECTED_EXPIRY_SECS)
        .bind(now_secs)
        .fetch_all(&self.pool)
        .await?)
    }

    /// Expires those of `orders` that are still open: their stock and slot
    /// place come back and the shopper is told. How many expired.
    pub async fn expire(&self, orders: &[i64], now_secs: i64) -> BackendResult<u32> {
        let dir = self.directory().await?;
        let mut tx = self.write_tx().await?;
        let mut expired = 0;
        for &id in orders {
            let done = sqlx::query(
                "UPDATE orders SET status = 'expired', updated_at = $1
                 WHERE id = $2 AND status IN ('placed', 'ready')",
            )
            .bind(now_secs)
            .bind(id)
            .execute(&mut *tx)
            .await?;
            if done.rows_affected() == 0 {
                continue;
            }
            Self::release(&mut tx, id, true, false).await?;
            Self::notify(&mut tx, id, &dir).await?;
            expired += 1;
        }
        tx.commit().await?;
        if expired > 0 {
            self.catalog.changed();
        }
        Ok(expired)
    }
}
