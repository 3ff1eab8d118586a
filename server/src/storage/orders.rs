//! Pickup plans, checkout and orders in SQLite.
//!
//! No oversell, by construction: placing an order reserves each line with a
//! conditional `UPDATE stock SET reserved = reserved + q WHERE … AND on_hand -
//! reserved >= q` and books the slot with `UPDATE … SET booked = booked + 1
//! WHERE … AND booked < capacity`, all inside one `BEGIN IMMEDIATE`
//! transaction. An update that matches no row reserved nothing, and the whole
//! transaction is rolled back. There is no read-then-write to race, and the
//! same statements are race-free on PostgreSQL (the row lock is taken by the
//! UPDATE itself). Payment happens after the commit, holding no lock; a
//! declined payment releases the reservation and restores the cart.

use super::promotions::Shopper;
use super::stores::StoreRecord;
use super::{cart_lock, now, suffix, variant_row, SqlStore};
use crate::email::{OrderMail, PickupMail};
use chrono::{DateTime, Duration, TimeZone, Utc};
use omnistore_components::backend::{
    hash_token, is_token, new_token, BackendResult, CartOwner, OrderBackend, OrderViewer,
    PlacedOrder,
};
use omnistore_components::i18n::Locale;
use omnistore_components::model::hours::{hhmm, local_moment, SLOT_MINUTES};
use omnistore_components::model::{
    points_value, redeemable, Address, Cart, CheckoutForm, Fulfilment, Money, OrderLine,
    OrderStatus, OrderSummary, OrderView, PickupPlan, PickupSlot, Priceable, VariantId,
    PICKUP_ALPHABET, READY_FROM_STORE_SECS, READY_FROM_WAREHOUSE_SECS,
};
use omnistore_components::model::{Channel, Currency};
use omnistore_components::model::{Problem, ShortLine};
use sqlx::{Any, Row, Transaction};
use std::collections::HashMap;

type Tx<'a> = Transaction<'a, Any>;

/// The key only makes a resubmitted form one order: it is the client's, so
/// it counts within the cart that sent it and never opens an order (guests
/// get a secret of the server's for that).
pub(super) fn order_key_hash(owner: &CartOwner, key: &str) -> String {
    let scope = match owner {
        CartOwner::Customer(id) => format!("customer:{id}"),
        CartOwner::Guest(hash) => format!("guest:{hash}"),
    };
    hash_token(&format!("{scope}:{key}"))
}

/// An order's total in its own currency (built-in orders are in złoty).
fn total_of(r: &sqlx::any::AnyRow) -> Money {
    Money {
        minor: r.get("total"),
        currency: Currency::from_code(r.get("currency")).unwrap_or(Currency::Pln),
    }
}

fn utc(secs: i64) -> DateTime<Utc> {
    Utc.timestamp_opt(secs, 0).single().unwrap_or_default()
}

/// A slot as offered: its local day and times at the store.
fn slot_view(
    start: DateTime<Utc>,
    now: DateTime<Utc>,
    store: &StoreRecord,
    left: u32,
) -> PickupSlot {
    let end = (start + Duration::minutes(SLOT_MINUTES)).with_timezone(&store.tz);
    let minutes = chrono::Timelike::hour(&end) * 60 + chrono::Timelike::minute(&end);
    PickupSlot {
        starts_at: start.timestamp(),
        at: local_moment(start, now, store.tz),
        until: hhmm(minutes as u16),
        left,
    }
}

/// "2026-11-23 14:05" in a zone.
fn local_text(secs: i64, tz: chrono_tz::Tz) -> String {
    utc(secs)
        .with_timezone(&tz)
        .format("%Y-%m-%d %H:%M")
        .to_string()
}

pub(super) fn pickup_code() -> String {
    // Two hex digits of a fresh OS-random token per character.
    let token = omnistore_components::backend::new_token();
    token
        .as_bytes()
        .chunks(2)
        .take(8)
        .map(|pair| {
            let b = u8::from_str_radix(std::str::from_utf8(pair).unwrap_or("0"), 16).unwrap_or(0);
            PICKUP_ALPHABET[b as usize % PICKUP_ALPHABET.len()] as char
        })
        .collect()
}

/// What a QR code of an order says: enough for staff to find it and check it.
pub fn qr_text(number: i64, code: &str) -> String {
    format!("OMNISTORE-ORDER:{number}:{code}")
}

struct CartRow {
    variant: i64,
    fulfilment: Fulfilment,
    quantity: u32,
    price: i64,
    sku: String,
    name: String,
    label: String,
    category: String,
}

impl SqlStore {
    /// Free places of a store's slots from `from` on: the store's capacity
    /// (for slots nobody booked yet) and the booked ones by start.
    async fn slot_places(&self, store: i64, from: i64) -> BackendResult<(u32, HashMap<i64, u32>)> {
        let capacity: i64 = sqlx::query_scalar("SELECT slot_capacity FROM locations WHERE id = $1")
            .bind(store)
            .fetch_one(&self.pool)
            .await?;
        let booked: Vec<(i64, i64, i64)> = sqlx::query_as(
            "SELECT starts_at, capacity, booked FROM pickup_slots WHERE location_id = $1
             AND starts_at >= $2",
        )
        .bind(store)
        .bind(from)
        .fetch_all(&self.pool)
        .await?;
        let places = booked
            .into_iter()
            .map(|(at, cap, used)| (at, (cap - used).max(0) as u32))
            .collect();
        Ok((capacity.max(0) as u32, places))
    }

    /// Books a place in the slot at `at` of `store` for an order whose
    /// goods can be there `lead` seconds from now; nothing is booked on an
    /// error (the caller rolls the transaction back).
    pub(super) async fn book_slot(
        tx: &mut Tx<'_>,
        store: &StoreRecord,
        at: i64,
        lead: i64,
    ) -> BackendResult<()> {
        let possible = store
            .hours
            .slots(store.tz, Utc::now() + Duration::seconds(lead))
            .iter()
            .any(|t| t.timestamp() == at);
        if !possible {
            return Err(if lead == READY_FROM_WAREHOUSE_SECS {
                Problem::SlotTooEarly
            } else {
                Problem::SlotUnavailable
            }
            .into());
        }
        sqlx::query(
            "INSERT INTO pickup_slots (location_id, starts_at, capacity)
             SELECT id, $1, slot_capacity FROM locations WHERE id = $2
             ON CONFLICT (location_id, starts_at) DO NOTHING",
        )
        .bind(at)
        .bind(store.id)
        .execute(&mut **tx)
        .await?;
        let booked = sqlx::query(
            "UPDATE pickup_slots SET booked = booked + 1
             WHERE location_id = $1 AND starts_at = $2 AND booked < capacity",
        )
        .bind(store.id)
        .bind(at)
        .execute(&mut **tx)
        .await?;
        if booked.rows_affected() == 0 {
            return Err(Problem::SlotFull.into());
        }
        Ok(())
    }

    async fn lines_for_order(
        tx: &mut Tx<'_>,
        cart: i64,
        locale: Locale,
    ) -> BackendResult<Vec<CartRow>> {
        let l = suffix(locale);
        let rows = sqlx::query(&format!(
            "SELECT cl.variant_id, cl.fulfilment, cl.quantity, v.price, v.sku, v.size,
                    v.colour_{l} AS colour, p.name_{l} AS name, cat.slug AS category
             FROM cart_lines cl JOIN variants v ON v.id = cl.variant_id
             JOIN products p ON p.id = v.product_id
             JOIN categories cat ON cat.id = p.category_id
             WHERE cl.cart_id = $1 ORDER BY cl.added_at, cl.variant_id"
        ))
        .bind(cart)
        .fetch_all(&mut **tx)
        .await?;
        Ok(rows
            .into_iter()
            .filter_map(|r| {
                Some(CartRow {
                    variant: r.get("variant_id"),
                    fulfilment: Fulfilment::parse(r.get("fulfilment"))?,
                    quantity: r.get::<i64, _>("quantity") as u32,
                    price: r.get("price"),
                    sku: r.get("sku"),
                    name: r.get("name"),
                    category: r.get("category"),
                    label: [
                        r.get::<Option<String>, _>("size"),
                        r.get::<Option<String>, _>("colour"),
                    ]
                    .into_iter()
                    .flatten()
                    .collect::<Vec<_>>()
                    .join(" / "),
                })
            })
            .collect())
    }

    /// Reserves `q` units at a location if they are free; false reserves nothing.
    async fn reserve(tx: &mut Tx<'_>, location: i64, variant: i64, q: u32) -> BackendResult<bool> {
        let done = sqlx::query(
            "UPDATE stock SET reserved = reserved + $1
             WHERE location_id = $2 AND variant_id = $3 AND on_hand - reserved >= $1",
        )
        .bind(i64::from(q))
        .bind(location)
        .bind(variant)
        .execute(&mut **tx)
        .await?;
        Ok(done.rows_affected() == 1)
    }

    async fn free_units(tx: &mut Tx<'_>, location: i64, variant: i64) -> BackendResult<u32> {
        let n: Option<i64> = sqlx::query_scalar(
            "SELECT on_hand - reserved FROM stock WHERE location_id = $1 AND variant_id = $2",
        )
        .bind(location)
        .bind(variant)
        .fetch_optional(&mut **tx)
        .await?;
        Ok(n.unwrap_or(0).max(0) as u32)
    }

    /// Gives back what an order holds: `pickup_only` for expiry and
    /// collection (delivery lines leave from the warehouse on their own
    /// schedule); `consume` takes the units off the shelf (collected).
    pub(super) async fn release(
        tx: &mut Tx<'_>,
        order: i64,
        pickup_only: bool,
        consume: bool,
    ) -> BackendResult<()> {
        let sql = if consume {
            "UPDATE stock SET on_hand = on_hand - ol.quantity, reserved = reserved - ol.quantity
             FROM order_lines ol
             WHERE ol.order_id = $1 AND stock.location_id = ol.source_location_id
               AND stock.variant_id = ol.variant_id AND ($2 = 0 OR ol.fulfilment = 'pickup')"
        } else {
            "UPDATE stock SET reserved = reserved - ol.quantity
             FROM order_lines ol
             WHERE ol.order_id = $1 AND stock.location_id = ol.source_location_id
               AND stock.variant_id = ol.variant_id AND ($2 = 0 OR ol.fulfilment = 'pickup')"
        };
        sqlx::query(sql)
            .bind(order)
            .bind(i64::from(pickup_only))
            .execute(&mut **tx)
            .await?;
        if !consume {
            Self::give_back_promotions(tx, order).await?;
            Self::return_points(tx, order).await?;
            // The slot's place frees up for someone else.
            sqlx::query(
                "UPDATE pickup_slots SET booked = booked - 1
                 WHERE (location_id, starts_at) = (SELECT pickup_location_id, slot_starts_at
                  FROM orders WHERE id = $1)
                   AND booked > 0",
            )
            .bind(order)
            .execute(&mut **tx)
            .await?;
        }
        Ok(())
    }

    /// Queues the message that tells the shopper about their order's status.
    pub(super) async fn notify(
        tx: &mut Tx<'_>,
        order: i64,
        dir: &super::stores::StoreDirectory,
    ) -> BackendResult<()> {
        let r = sqlx::query(
            "SELECT email, name, status, pickup_code, pickup_location_id, slot_starts_at, total,
             currency, locale FROM orders WHERE id = $1",
        )
        .bind(order)
        .fetch_one(&mut **tx)
        .await?;
        let status = OrderStatus::parse(r.get("status")).unwrap_or(OrderStatus::Placed);
        let store = r
            .get::<Option<i64>, _>("pickup_location_id")
            .and_then(|id| dir.by_id(id));
        let pickup = match (store, r.get::<Option<i64>, _>("slot_starts_at")) {
            (Some(store), Some(slot)) if status.is_open() => Some(PickupMail {
                store: store.name.clone(),
                street: store.street.clone(),
                city: store.city.clone(),
                slot: local_text(slot, store.tz),
                code: r.get("pickup_code"),
            }),
            _ => None,
        };
        let mail = OrderMail {
            number: order,
            name: r.get("name"),
            status,
            pickup,
            total: total_of(&r),
        };
        let locale = Locale::from_tag(r.get("locale")).unwrap_or_default();
        let (subject, body) = crate::email::order_status(&mail, locale);
        let email: String = r.get("email");
        super::queue_mail(tx, Some(order), &email, (&subject, &body), None).await?;
        Ok(())
    }

    /// Lets the holder of `secret` (a guest's order link) see the order.
    pub(super) async fn add_order_link(
        tx: &mut Tx<'_>,
        order: i64,
        secret: Option<&str>,
    ) -> BackendResult<()> {
        if let Some(secret) = secret {
            sqlx::query("INSERT INTO order_links (token_hash, order_id) VALUES ($1, $2)")
                .bind(hash_token(secret))
                .bind(order)
                .execute(&mut **tx)
                .await?;
        }
        Ok(())
    }

    /// Takes back an order that was never placed (its payment was declined,
    /// or the commerce platform refused it): its hold and its slot's place
    /// are freed, its key too (so that trying again places anew), and
    /// nobody can open it.
    pub(super) async fn abandon(tx: &mut Tx<'_>, order: i64) -> BackendResult<()> {
        Self::release(tx, order, false, false).await?;
        sqlx::query(
            "UPDATE orders SET status = 'cancelled', payment = 'declined', updated_at = $1,
                    idempotency_key = idempotency_key || ':declined:' || id
             WHERE id = $2",
        )
        .bind(now())
        .bind(order)
        .execute(&mut **tx)
        .await?;
        sqlx::query("DELETE FROM order_links WHERE order_id = $1")
            .bind(order)
            .execute(&mut **tx)
            .await?;
        Ok(())
    }

    /// Frees a declined order's hold and puts its lines back in `owner`'s
    /// cart.
    async fn undo_order(&self, order: i64, cart: i64, owner: &CartOwner) -> BackendResult<()> {
        let mut tx = self.write_tx().await?;
        sqlx::query(
            "INSERT INTO cart_lines (cart_id, variant_id, fulfilment, quantity,
             price_at_add, added_at)
             SELECT $1, variant_id, fulfilment, quantity, unit_price, $2 FROM order_lines
              WHERE order_id = $3
             ON CONFLICT DO NOTHING",
        )
        .bind(cart)
        .bind(now())
        .bind(order)
        .execute(&mut *tx)
        .await?;
        // The coupon goes back on the cart with its lines.
        sqlx::query(
            "UPDATE carts SET coupon_code = (SELECT MAX(code) FROM order_promotions
                                             WHERE order_id = $1)
             WHERE id = $2",
        )
        .bind(order)
        .bind(cart)
        .execute(&mut *tx)
        .await?;
        Self::abandon(&mut tx, order).await?;
        let version = sqlx::query_scalar(
            "UPDATE carts SET version = version + 1 WHERE id = $1 RETURNING version",
        )
        .bind(cart)
        .fetch_one(&mut *tx)
        .await?;
        self.commit_publishing(tx, [(owner.clone(), version)])
            .await?;
        // The reserved units are back on sale.
        self.catalog.changed();
        Ok(())
    }

    fn summary_of(
        r: &sqlx::any::AnyRow,
        dir: &super::stores::StoreDirectory,
        href: String,
    ) -> OrderSummary {
        let store = r
            .get::<Option<i64>, _>("pickup_location_id")
            .and_then(|id| dir.by_id(id));
        let created: i64 = r.get("created_at");
        let now = Utc::now();
        OrderSummary {
            number: r.get("id"),
            status: OrderStatus::parse(r.get("status")).unwrap_or(OrderStatus::Placed),
            channel: Channel::parse(r.get("channel")).unwrap_or_default(),
            placed_at: local_text(
                created,
                store.map(|s| s.tz).unwrap_or(chrono_tz::Europe::Warsaw),
            ),
            total: total_of(r),
            name: r.get("name"),
            pickup_code: r.get("pickup_code"),
            pickup_store: store.map(StoreRecord::store_ref),
            slot: store
                .zip(r.get::<Option<i64>, _>("slot_starts_at"))
                .map(|(s, at)| {
                    let v = slot_view(utc(at), now, s, 0);
                    (v.at, v.until)
                }),
            href,
        }
    }
}

const ORDER_COLUMNS: &str =
    "id, status, channel, created_at, total, currency, name, pickup_code, pickup_location_id,
     slot_starts_at";

/// Units of some variants on each store's shelf: store slug → variant → units.
pub type Shelves = HashMap<String, HashMap<VariantId, u32>>;

impl SqlStore {
    /// Units of `variants` on each store's shelf, from the stock table.
    async fn shelves(&self, variants: Vec<VariantId>) -> BackendResult<Shelves> {
        // Numbers only (ids that are not are on no shelf here), so the list
        // is safe to write into the query.
        let ids: Vec<String> = variants
            .iter()
            .filter_map(variant_row)
            .map(|v| v.to_string())
            .collect();
        let rows: Vec<(i64, i64, i64)> = sqlx::query_as(&format!(
            "SELECT location_id, variant_id, on_hand - reserved FROM stock
             WHERE variant_id IN ({}) AND on_hand - reserved > 0",
            ids.join(",")
        ))
        .fetch_all(&self.pool)
        .await?;
        let dir = self.directory().await?;
        let mut held = Shelves::new();
        for (loc, v, n) in rows {
            if let Some(store) = dir.by_id(loc) {
                held.entry(store.slug.clone())
                    .or_default()
                    .insert(v.into(), n as u32);
            }
        }
        Ok(held)
    }

    /// The pickup plan of a cart (see `OrderBackend::pickup_plan`), with the
    /// stores' shelves read by `shelves` (the stock table here, stock
    /// locations on a commerce platform) when the chosen store lacks a line.
    pub(crate) async fn plan_pickup<F, Fut>(
        &self,
        cart: &Cart,
        shelves: F,
    ) -> BackendResult<Option<PickupPlan>>
    where
        F: FnOnce(Vec<VariantId>) -> Fut,
        Fut: std::future::Future<Output = BackendResult<Shelves>>,
    {
        let pickup: Vec<_> = cart
            .lines
            .iter()
            .filter(|l| l.fulfilment == Fulfilment::Pickup)
            .collect();
        let Some(chosen) = cart.pickup_store.as_ref().filter(|_| !pickup.is_empty()) else {
            return Ok(None);
        };
        let dir = self.directory().await?;
        let Some(store) = dir.get(&chosen.slug) else {
            return Ok(None);
        };
        let missing: Vec<VariantId> = pickup
            .iter()
            .filter(|l| l.store_units.unwrap_or(0) < l.quantity)
            .map(|l| l.variant_id.clone())
            .collect();
        let lead = if missing.is_empty() {
            READY_FROM_STORE_SECS
        } else {
            READY_FROM_WAREHOUSE_SECS
        };
        let now = Utc::now();
        let starts = store.hours.slots(store.tz, now + Duration::seconds(lead));
        let (default, places) = self
            .slot_places(store.id, starts.first().map(|s| s.timestamp()).unwrap_or(0))
            .await?;
        let slots: Vec<PickupSlot> = starts
            .into_iter()
            .filter_map(|s| {
                let left = places.get(&s.timestamp()).copied().unwrap_or(default);
                (left > 0).then(|| slot_view(s, now, store, left))
            })
            .collect();
        let alternative = if missing.is_empty() {
            None
        } else {
            // The nearest store that has every pickup line on its shelf.
            let held = shelves(pickup.iter().map(|l| l.variant_id.clone()).collect()).await?;
            dir.nearest((store.lat, store.lng))
                .filter(|s| s.id != store.id)
                .find(|s| {
                    held.get(&s.slug).is_some_and(|h| {
                        pickup
                            .iter()
                            .all(|l| h.get(&l.variant_id).copied().unwrap_or(0) >= l.quantity)
                    })
                })
                .map(|s| {
                    let d = omnistore_components::model::distance_m(
                        (store.lat, store.lng),
                        (s.lat, s.lng),
                    );
                    (s.store_ref(), d.round() as u32)
                })
        };
        Ok(Some(PickupPlan {
            store: store.store_ref(),
            missing,
            earliest: slots.first().cloned(),
            slots,
            alternative,
        }))
    }
}

#[async_trait::async_trait]
impl OrderBackend for SqlStore {
    async fn pickup_plan(&self, cart: &Cart) -> BackendResult<Option<PickupPlan>> {
        self.plan_pickup(cart, |variants| self.shelves(variants))
            .await
    }

    async fn place_order(
        &self,
        owner: &CartOwner,
        customer: Option<i64>,
        form: &CheckoutForm,
        locale: Locale,
    ) -> BackendResult<PlacedOrder> {
        if !is_token(&form.key) {
            return Err(Problem::FormExpired.into());
        }
        let key_hash = order_key_hash(owner, &form.key);
        let guest_key = customer.is_none().then(new_token);
        let dir = self.directory().await?;
        let online = self.online_location_id().await?;
        let mut tx = self.write_tx_locking(&[cart_lock(owner)]).await?;
        let seen: Option<i64> =
            sqlx::query_scalar("SELECT id FROM orders WHERE idempotency_key = $1")
                .bind(&key_hash)
                .fetch_optional(&mut *tx)
                .await?;
        if let Some(number) = seen {
            // Only hashes are kept, so the resubmitting browser gets a link
            // of its own (the first answer may never have reached it).
            Self::add_order_link(&mut tx, number, guest_key.as_deref()).await?;
            tx.commit().await?;
            return Ok(PlacedOrder { number, guest_key });
        }
        let (cart, pickup_location, coupon): (i64, Option<i64>, Option<String>) = match owner {
            CartOwner::Customer(id) => sqlx::query_as(
                "SELECT id, pickup_location_id, coupon_code FROM carts WHERE customer_id = $1
                 AND status = 'active'",
            )
            .bind(id),
            CartOwner::Guest(hash) => sqlx::query_as(
                "SELECT id, pickup_location_id, coupon_code FROM carts WHERE guest_token_hash = $1
                 AND status = 'active'",
            )
            .bind(hash),
        }
        .fetch_optional(&mut *tx)
        .await?
        .ok_or(Problem::CartEmpty)?;
        let lines = Self::lines_for_order(&mut tx, cart, locale).await?;
        if lines.is_empty() {
            return Err(Problem::CartEmpty.into());
        }
        let has_pickup = lines.iter().any(|l| l.fulfilment == Fulfilment::Pickup);
        let has_delivery = lines.iter().any(|l| l.fulfilment == Fulfilment::Delivery);
        let store = form.check_for(
            has_pickup,
            has_delivery,
            pickup_location.and_then(|id| dir.by_id(id)),
        )?;
        let slot = store.and(form.slot);

        // Reserve every line, or nothing.
        let mut short = Vec::new();
        let mut sources = Vec::with_capacity(lines.len());
        let mut lead = READY_FROM_STORE_SECS;
        for l in &lines {
            let at_store = match (l.fulfilment, store) {
                (Fulfilment::Pickup, Some(s)) => {
                    if Self::reserve(&mut tx, s.id, l.variant, l.quantity).await? {
                        sources.push(s.id);
                        continue;
                    }
                    Some(Self::free_units(&mut tx, s.id, l.variant).await?)
                }
                _ => None,
            };
            if Self::reserve(&mut tx, online, l.variant, l.quantity).await? {
                sources.push(online);
                if l.fulfilment == Fulfilment::Pickup {
                    lead = READY_FROM_WAREHOUSE_SECS;
                }
                continue;
            }
            short.push(ShortLine {
                name: if l.label.is_empty() {
                    l.name.clone()
                } else {
                    format!("{} ({})", l.name, l.label)
                },
                wanted: l.quantity,
                at_store,
                online: Self::free_units(&mut tx, online, l.variant).await?,
            });
        }
        if !short.is_empty() {
            tx.rollback().await?;
            return Err(Problem::NotEnoughStock {
                lines: short,
                store: store.map(|s| s.name.clone()),
            }
            .into());
        }

        if let (Some(s), Some(at)) = (store, slot) {
            Self::book_slot(&mut tx, s, at, lead).await?;
        }

        // The same pricing as every page showed, decided here under the
        // order's locks (the pages' was a preview).
        let priceable: Vec<Priceable> = lines
            .iter()
            .map(|l| Priceable {
                category: &l.category,
                unit: l.price,
                quantity: l.quantity,
            })
            .collect();
        let pickup_fee = store.map_or(0, |s| s.pickup_fee);
        let pricing = Self::take_promotions(
            &mut tx,
            &priceable,
            pickup_fee,
            coupon.as_deref(),
            Shopper {
                customer,
                email: Some(&form.email),
            },
            form.expected_total,
        )
        .await?;
        // Points pay part of what is left; spent below, once the order has
        // its number (the balance is checked again there, under its lock).
        let points = form.points.max(0);
        if points > 0 {
            let customer = customer.ok_or(Problem::PointsNeedAccount)?;
            let max = redeemable(pricing.total, Self::balance_in(&mut tx, customer).await?);
            if points > max {
                return Err(Problem::TooManyPoints { max }.into());
            }
        }
        let total = pricing.total - points_value(points);
        let at = now();
        let number: i64 = sqlx::query_scalar(
            "INSERT INTO orders (idempotency_key, customer_id, channel, status, email, name, phone,
                                 pickup_location_id, slot_starts_at, pickup_code, \
                                     delivery_street, delivery_postcode,
                                 delivery_city, total, payment, created_at, updated_at, locale,
                                 discount, points_redeemed, pickup_fee)
             VALUES ($1, $2, $3, 'placed', $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16,
                     COALESCE((SELECT locale FROM customers WHERE id = $17), $18), $19, $20, $21)
             RETURNING id",
        )
        .bind(&key_hash)
        .bind(customer)
        .bind(form.channel.as_str())
        .bind(&form.email)
        .bind(&form.name)
        .bind(&form.phone)
        .bind(store.map(|s| s.id))
        .bind(slot)
        .bind(pickup_code())
        .bind(has_delivery.then_some(&form.street))
        .bind(has_delivery.then_some(&form.postcode))
        .bind(has_delivery.then_some(&form.city))
        .bind(total)
        .bind(if has_delivery {
            "pending"
        } else {
            "pay_at_pickup"
        })
        .bind(at)
        .bind(at)
        // E-mails speak the account's language, else the one checked out in.
        .bind(customer)
        .bind(locale.tag())
        .bind(pricing.discount())
        .bind(points)
        // What pickup cost this order (a return does not give it back).
        .bind(pricing.pickup_fee - pricing.pickup_waived())
        .fetch_one(&mut *tx)
        .await?;
        if let (Some(customer), true) = (customer, points > 0) {
            Self::redeem_for_order(
                &mut tx,
                customer,
                number,
                form.channel.as_str(),
                pricing.total,
                points,
            )
            .await?;
        }
        Self::add_order_link(&mut tx, number, guest_key.as_deref()).await?;
        Self::note_promotions(&mut tx, number, &pricing).await?;
        for ((l, source), discount) in lines.iter().zip(&sources).zip(&pricing.line_discounts) {
            sqlx::query(
                "INSERT INTO order_lines (order_id, variant_id, fulfilment, source_location_id,
                                          quantity, unit_price, product_name, variant_label, sku,
                                          discount)
                 VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)",
            )
            .bind(number)
            .bind(l.variant)
            .bind(l.fulfilment.as_str())
            .bind(source)
            .bind(i64::from(l.quantity))
            .bind(l.price)
            .bind(&l.name)
            .bind(&l.label)
            .bind(&l.sku)
            .bind(discount)
            .execute(&mut *tx)
            .await?;
        }
        sqlx::query("DELETE FROM cart_lines WHERE cart_id = $1")
            .bind(cart)
            .execute(&mut *tx)
            .await?;
        // The code was for this order; the next cart starts without it (and
        // may be reminded of once, again).
        let version: i64 = sqlx::query_scalar(
            "UPDATE carts SET version = version + 1, updated_at = $1, coupon_code = NULL,
                    reminded_at = NULL
             WHERE id = $2 RETURNING version",
        )
        .bind(at)
        .bind(cart)
        .fetch_one(&mut *tx)
        .await?;
        Self::notify(&mut tx, number, &dir).await?;
        self.commit_publishing(tx, [(owner.clone(), version)])
            .await?;
        // Units were reserved: stock on every page that shows them changed.
        self.catalog.changed();
        if !pricing.discounts.is_empty() {
            self.promotions_changed();
        }

        if has_delivery {
            // After the commit: no lock is held while the provider answers.
            let charged = self
                .payments
                .charge(&format!("order-{number}"), Money::pln(total), &form.payment)
                .await;
            match charged {
                Ok(reference) => {
                    sqlx::query(
                        "UPDATE orders SET payment = 'paid', payment_ref = $1,
                     updated_at = $2 WHERE id = $3",
                    )
                    .bind(reference)
                    .bind(now())
                    .bind(number)
                    .execute(&self.pool)
                    .await?;
                }
                Err(reason) => {
                    self.undo_order(number, cart, owner).await?;
                    return Err(Problem::PaymentDeclined { reason }.into());
                }
            }
        }
        Ok(PlacedOrder { number, guest_key })
    }

    async fn order(
        &self,
        number: i64,
        viewer: &OrderViewer,
        locale: Locale,
    ) -> BackendResult<Option<OrderView>> {
        let _ = locale;
        let row = sqlx::query(
            "SELECT * FROM orders WHERE id = $1
               AND ((customer_id IS NOT NULL AND customer_id = $2)
                 OR EXISTS (SELECT 1 FROM order_links k WHERE k.order_id = orders.id
                  AND k.token_hash = $3))",
        )
        .bind(number)
        .bind(viewer.customer)
        .bind(viewer.guest_key_hash.as_deref())
        .fetch_optional(&self.pool)
        .await?;
        let Some(r) = row else {
            return Ok(None);
        };
        let dir = self.directory().await?;
        let store = r
            .get::<Option<i64>, _>("pickup_location_id")
            .and_then(|id| dir.by_id(id));
        let lines = sqlx::query(
            "SELECT fulfilment, source_location_id, quantity, unit_price, product_name,
             variant_label, sku, discount
             FROM order_lines WHERE order_id = $1
             ORDER BY fulfilment, product_name, variant_label, variant_id",
        )
        .bind(number)
        .fetch_all(&self.pool)
        .await?;
        let discounts: Vec<(String, i64)> = sqlx::query_as(
            "SELECT name, amount FROM order_promotions WHERE order_id = $1 ORDER BY amount DESC",
        )
        .bind(number)
        .fetch_all(&self.pool)
        .await?;
        let online = self.online_location_id().await?;
        let code: String = r.get("pickup_code");
        let (qr_path, qr_size) = crate::qr::svg_path(&qr_text(number, &code));
        let now_at = Utc::now();
        let tz = store.map(|s| s.tz).unwrap_or(chrono_tz::Europe::Warsaw);
        let (returnable, return_until, return_at_store_only) =
            self.returnable(number, r.get("payment")).await?;
        let returns = self.returns_of(number).await?;
        Ok(Some(OrderView {
            number,
            status: OrderStatus::parse(r.get("status")).unwrap_or(OrderStatus::Placed),
            channel: Channel::parse(r.get("channel")).unwrap_or_default(),
            placed_at: local_text(r.get("created_at"), tz),
            email: r.get("email"),
            name: r.get("name"),
            phone: r.get("phone"),
            pickup_store: store.map(StoreRecord::store_ref),
            slot: store
                .zip(r.get::<Option<i64>, _>("slot_starts_at"))
                .map(|(s, at)| {
                    let v = slot_view(utc(at), now_at, s, 0);
                    (v.at, v.until)
                }),
            pickup_code: code,
            qr_path,
            qr_size,
            lines: lines
                .iter()
                .map(|l| OrderLine {
                    product_name: l.get("product_name"),
                    variant_label: l.get("variant_label"),
                    sku: l.get("sku"),
                    quantity: l.get::<i64, _>("quantity") as u32,
                    unit_price: Money::pln(l.get("unit_price")),
                    fulfilment: Fulfilment::parse(l.get("fulfilment")).unwrap_or_default(),
                    from_warehouse: l.get::<i64, _>("source_location_id") == online,
                    discount: l.get("discount"),
                })
                .collect(),
            discounts,
            points_redeemed: r.get("points_redeemed"),
            total: total_of(&r),
            payment: r.get("payment"),
            delivery_address: r
                .get::<Option<String>, _>("delivery_street")
                .map(|street| Address {
                    id: None,
                    name: r.get("name"),
                    street,
                    postcode: r
                        .get::<Option<String>, _>("delivery_postcode")
                        .unwrap_or_default(),
                    city: r
                        .get::<Option<String>, _>("delivery_city")
                        .unwrap_or_default(),
                    phone: r.get("phone"),
                }),
            returnable,
            return_until,
            return_at_store_only,
            returns,
            form_key: String::new(),
        }))
    }

    async fn orders_of(&self, customer: i64) -> BackendResult<Vec<OrderSummary>> {
        let dir = self.directory().await?;
        let rows = sqlx::query(&format!(
            "SELECT {ORDER_COLUMNS} FROM orders WHERE customer_id = $1
             AND payment != 'declined' ORDER BY id DESC LIMIT 100"
        ))
        .bind(customer)
        .fetch_all(&self.pool)
        .await?;
        Ok(rows
            .iter()
            .map(|r| Self::summary_of(r, &dir, format!("/orders/{}", r.get::<i64, _>("id"))))
            .collect())
    }

    async fn staff_stores(&self, customer: i64) -> BackendResult<Vec<String>> {
        let row: Option<(String, Option<i64>)> =
            sqlx::query_as("SELECT role, staff_store_id FROM customers WHERE id = $1")
                .bind(customer)
                .fetch_optional(&self.pool)
                .await?;
        let dir = self.directory().await?;
        Ok(match row {
            Some((role, Some(store))) if role == "staff" => dir
                .by_id(store)
                .map(|s| s.slug.clone())
                .into_iter()
                .collect(),
            Some((role, None)) if role == "staff" => dir.slugs(),
            _ => Vec::new(),
        })
    }

    async fn store_orders(&self, store: &str) -> BackendResult<Vec<OrderSummary>> {
        let dir = self.directory().await?;
        let Some(s) = dir.get(store) else {
            return Ok(Vec::new());
        };
        let rows = sqlx::query(&format!(
            "SELECT {ORDER_COLUMNS} FROM orders
             WHERE pickup_location_id = $1 AND payment != 'declined'
               AND (status IN ('placed', 'ready') OR updated_at > $2)
             ORDER BY status IN ('placed', 'ready') DESC, slot_starts_at, id LIMIT 500"
        ))
        .bind(s.id)
        .bind(now() - 7 * 24 * 3600)
        .fetch_all(&self.pool)
        .await?;
        Ok(rows
            .iter()
            .map(|r| Self::summary_of(r, &dir, String::new()))
            .collect())
    }

    async fn move_order(&self, store: &str, number: i64, to: OrderStatus) -> BackendResult<()> {
        let dir = self.directory().await?;
        let s = dir
            .get(store)
            .ok_or_else(|| Problem::UnknownStore { slug: store.into() })?;
        let mut tx = self.write_tx().await?;
        let status: Option<String> = sqlx::query_scalar(
            "SELECT status FROM orders WHERE id = $1 AND pickup_location_id = $2
             AND payment != 'declined'",
        )
        .bind(number)
        .bind(s.id)
        .fetch_optional(&mut *tx)
        .await?;
        let from = status
            .as_deref()
            .and_then(OrderStatus::parse)
            .ok_or(Problem::NoSuchStoreOrder { number })?;
        if !from.can_move_to(to) {
            return Err(Problem::StatusChange { number, from, to }.into());
        }
        match to {
            OrderStatus::Collected => {
                Self::release(&mut tx, number, true, true).await?;
                Self::earn_for_order(&mut tx, number).await?;
            }
            OrderStatus::Cancelled => Self::release(&mut tx, number, false, false).await?,
            _ => {}
        }
        // The return window counts from collection.
        sqlx::query(
            "UPDATE orders SET status = $1, updated_at = $2,
                    collected_at = CASE WHEN $1 = 'collected' THEN $2 ELSE collected_at END
             WHERE id = $3",
        )
        .bind(to.as_str())
        .bind(now())
        .bind(number)
        .execute(&mut *tx)
        .await?;
        Self::notify(&mut tx, number, &dir).await?;
        tx.commit().await?;
        if matches!(to, OrderStatus::Collected | OrderStatus::Cancelled) {
            self.catalog.changed();
        }
        Ok(())
    }

    async fn expire_orders(&self, now_secs: i64) -> BackendResult<u32> {
        let due: Vec<i64> = self
            .orders_due(now_secs)
            .await?
            .into_iter()
            .map(|(id, _)| id)
            .collect();
        self.expire(&due, now_secs).await
    }
}
