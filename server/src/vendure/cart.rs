//! Carts on Vendure: a shopper's cart is the active order of a Vendure
//! session that omnistore holds for them (guests too, against their cart
//! cookie; the Vendure token never reaches the browser).
//!
//! Vendure knows lines and quantities; omnistore adds what it does not
//! have: how many of a variant's units are for pickup at the shopper's
//! store (the rest is delivered), the change count devices compare, and the
//! idempotency keys of the changes already applied, so that a change the
//! offline queue sends twice is applied once. Stock comes from the Admin
//! API's stock locations, as on the product page; Vendure's own refusal
//! (not enough stock) is the last word.

use super::catalog::{platform_id, Asset};
use super::Vendure;
use omnistore_components::backend::{
    BackendError, BackendResult, CartChanged, CartOwner, StoreBackend,
};
use omnistore_components::i18n::Locale;
use omnistore_components::model::{
    clamp_quantity, merge_carts, Cart, CartLine, CartNotice, CartOp, CartUpdate, Currency,
    Fulfilment, LineQty, MergeReport, Money, Problem, VariantId, MAX_LINE_QUANTITY,
};
use serde::Deserialize;
use serde_json::json;
use sqlx::Row;
use std::collections::HashMap;
use std::sync::{Arc, Mutex, Weak};

const ORDER: &str = "id currencyCode lines { id quantity
    productVariant { id sku priceWithTax options { name } featuredAsset { preview }
                     product { slug name featuredAsset { preview } } } }";

#[derive(Clone, Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
pub(super) struct Order {
    currency_code: String,
    lines: Vec<OrderLine>,
}

#[derive(Clone, Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
struct OrderLine {
    id: String,
    quantity: u32,
    product_variant: LineVariant,
}

#[derive(Clone, Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
struct LineVariant {
    id: String,
    sku: String,
    /// Today's price: Vendure keeps an order line's price from when it was
    /// added until the order is recalculated, but the shopper sees today's.
    price_with_tax: i64,
    options: Vec<Named>,
    product: ProductName,
    featured_asset: Option<Asset>,
}

#[derive(Clone, Debug, Deserialize)]
struct Named {
    name: String,
}

#[derive(Clone, Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
struct ProductName {
    slug: String,
    name: String,
    featured_asset: Option<Asset>,
}

/// omnistore's row of a cart.
#[derive(Default)]
pub(super) struct Row_ {
    pub(super) token: Option<String>,
    version: i64,
    pickup_store: Option<String>,
    pub(super) merged: bool,
}

/// What omnistore keeps of one variant's line.
#[derive(Clone, Copy)]
struct Split {
    pickup: u32,
    price_at_add: i64,
}

pub(super) fn owner_key(owner: &CartOwner) -> String {
    match owner {
        CartOwner::Customer(id) => format!("c:{id}"),
        CartOwner::Guest(hash) => format!("g:{hash}"),
    }
}

/// One lock per cart: a cart's changes are read-modify-write on Vendure's
/// order, so they run one at a time (other carts are not held up).
#[derive(Default)]
pub(super) struct CartLocks(Mutex<HashMap<String, Weak<tokio::sync::Mutex<()>>>>);

impl CartLocks {
    pub(super) fn of(&self, key: &str) -> Arc<tokio::sync::Mutex<()>> {
        let mut map = self.0.lock().unwrap_or_else(|e| e.into_inner());
        if let Some(lock) = map.get(key).and_then(Weak::upgrade) {
            return lock;
        }
        map.retain(|_, w| w.strong_count() > 0);
        let lock = Arc::new(tokio::sync::Mutex::new(()));
        map.insert(key.to_string(), Arc::downgrade(&lock));
        lock
    }
}

pub(super) fn now() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_secs() as i64)
        .unwrap_or(0)
}

impl Vendure {
    pub(super) async fn cart_row(&self, key: &str) -> BackendResult<Row_> {
        let row = sqlx::query(
            "SELECT token, version, pickup_store, status FROM vendure_carts WHERE owner = $1",
        )
        .bind(key)
        .fetch_optional(self.own.pool())
        .await?;
        Ok(row
            .map(|r| Row_ {
                token: r.get("token"),
                version: r.get("version"),
                pickup_store: r.get("pickup_store"),
                merged: r.get::<String, _>("status") == "merged",
            })
            .unwrap_or_default())
    }

    async fn splits(&self, key: &str) -> BackendResult<Vec<(String, Split)>> {
        let rows = sqlx::query(
            "SELECT variant, pickup, price_at_add FROM vendure_cart_lines WHERE owner = $1
             ORDER BY added_at, variant",
        )
        .bind(key)
        .fetch_all(self.own.pool())
        .await?;
        Ok(rows
            .iter()
            .map(|r| {
                (
                    r.get("variant"),
                    Split {
                        pickup: r.get::<i64, _>("pickup").max(0) as u32,
                        price_at_add: r.get("price_at_add"),
                    },
                )
            })
            .collect())
    }

    /// The session's active order; `None` without a session or an order.
    pub(super) async fn active_order(
        &self,
        token: Option<&str>,
        locale: Locale,
    ) -> BackendResult<Option<Order>> {
        #[derive(Deserialize)]
        #[serde(rename_all = "camelCase")]
        struct Data {
            active_order: Option<Order>,
        }
        let Some(token) = token else {
            return Ok(None);
        };
        let (data, _): (Data, _) = self
            .client
            .shop_session(
                &format!("{{ activeOrder {{ {ORDER} }} }}"),
                json!({}),
                locale,
                Some(token),
            )
            .await?;
        Ok(data.active_order)
    }

    /// Units free for each fulfilment of each variant: (online, on the
    /// shelf of `store`). Delivery takes the online units; pickup the
    /// shelf's plus what the online shop can send there (as on the built-in
    /// back end).
    async fn availability(
        &self,
        variants: &[String],
        store: Option<&str>,
    ) -> BackendResult<HashMap<String, (u32, u32)>> {
        Ok(self
            .stock(variants)
            .await?
            .into_iter()
            .map(|(variant, s)| {
                let shelf = store.map_or(0, |store| s.at(store));
                (variant, (s.online, shelf))
            })
            .collect())
    }

    pub(super) async fn build_cart(
        &self,
        key: &str,
        row: &Row_,
        order: Option<Order>,
    ) -> BackendResult<Cart> {
        let mut cart = Cart {
            version: row.version,
            ..Cart::default()
        };
        if let Some(slug) = &row.pickup_store {
            cart.pickup_store = self.own.store_ref(slug).await?;
        }
        let Some(order) = order else {
            return Ok(cart);
        };
        let currency = Currency::from_code(&order.currency_code).ok_or_else(|| {
            BackendError::Unavailable(format!("orders in {}", order.currency_code))
        })?;
        let kept = self.splits(key).await?;
        let order_of: HashMap<String, usize> = kept
            .iter()
            .enumerate()
            .map(|(i, (v, _))| (v.clone(), i))
            .collect();
        let splits: HashMap<String, Split> = kept.into_iter().collect();
        let ids: Vec<String> = order
            .lines
            .iter()
            .map(|l| l.product_variant.id.clone())
            .collect();
        let free = self.availability(&ids, row.pickup_store.as_deref()).await?;
        let mut lines = order.lines;
        lines.sort_by_key(|l| {
            order_of
                .get(&l.product_variant.id)
                .copied()
                .unwrap_or(usize::MAX)
        });
        for l in lines {
            let v = &l.product_variant;
            let split = splits.get(&v.id).copied();
            let pickup = split.map_or(0, |s| s.pickup).min(l.quantity);
            let (online, shelf) = free.get(&v.id).copied().unwrap_or((0, 0));
            let unit_price = Money {
                minor: v.price_with_tax,
                currency,
            };
            let price_was = split
                .map(|s| s.price_at_add)
                .filter(|p| *p != unit_price.minor)
                .map(|minor| Money { minor, currency });
            let label = v
                .options
                .iter()
                .map(|o| o.name.as_str())
                .collect::<Vec<_>>()
                .join(" / ");
            for (fulfilment, quantity) in [
                (Fulfilment::Delivery, l.quantity - pickup),
                (Fulfilment::Pickup, pickup),
            ] {
                if quantity == 0 {
                    continue;
                }
                cart.lines.push(CartLine {
                    variant_id: platform_id(&v.id)?,
                    fulfilment,
                    quantity,
                    product_slug: v.product.slug.clone(),
                    product_name: v.product.name.clone(),
                    variant_label: label.clone(),
                    sku: v.sku.clone(),
                    image: self.picture(
                        v.featured_asset
                            .as_ref()
                            .or(v.product.featured_asset.as_ref()),
                        &v.product.slug,
                    ),
                    unit_price,
                    price_was,
                    available: match fulfilment {
                        Fulfilment::Delivery => online,
                        Fulfilment::Pickup => online + shelf,
                    },
                    store_units: (fulfilment == Fulfilment::Pickup).then_some(shelf),
                    // Vendure prices its own orders (its promotions).
                    category: String::new(),
                });
            }
        }
        Ok(cart)
    }

    /// Units of `variants` on each store's shelf: its stock location's.
    pub(super) async fn shelves(
        &self,
        variants: Vec<VariantId>,
    ) -> BackendResult<crate::storage::orders::Shelves> {
        let ids: Vec<String> = variants.iter().map(VariantId::to_string).collect();
        let mut held = crate::storage::orders::Shelves::new();
        for (variant, stock) in self.stock(&ids).await? {
            let variant: VariantId = platform_id(&variant)?;
            for (store, units) in stock.stores {
                held.entry(store)
                    .or_default()
                    .insert(variant.clone(), units);
            }
        }
        Ok(held)
    }

    /// After the order is placed: Vendure's next active order starts empty,
    /// and so does omnistore's half. The cart's new version.
    pub(super) async fn cart_emptied(&self, key: &str) -> BackendResult<i64> {
        let pool = self.own.pool();
        sqlx::query("DELETE FROM vendure_cart_lines WHERE owner = $1")
            .bind(key)
            .execute(pool)
            .await?;
        self.bump_version(key).await
    }

    /// Counts one more change of the cart (devices compare the count); the
    /// new count.
    async fn bump_version(&self, key: &str) -> BackendResult<i64> {
        Ok(sqlx::query_scalar(
            "UPDATE vendure_carts SET version = version + 1 WHERE owner = $1 RETURNING version",
        )
        .bind(key)
        .fetch_one(self.own.pool())
        .await?)
    }

    /// The owner's cart (empty when there is none).
    pub(super) async fn read_cart(&self, owner: &CartOwner, locale: Locale) -> BackendResult<Cart> {
        let key = owner_key(owner);
        let row = self.cart_row(&key).await?;
        if row.merged {
            return Ok(Cart::default());
        }
        let order = self.active_order(row.token.as_deref(), locale).await?;
        self.build_cart(&key, &row, order).await
    }

    /// Applies one change (see `CartBackend::apply_cart_op`).
    pub(super) async fn apply_op(
        &self,
        owner: &CartOwner,
        op: &CartOp,
        idempotency: Option<&str>,
        locale: Locale,
    ) -> BackendResult<CartUpdate> {
        let key = owner_key(owner);
        let lock = self.carts.of(&key);
        let _held = lock.lock().await;
        let pool = self.own.pool();
        sqlx::query("INSERT INTO vendure_carts (owner) VALUES ($1) ON CONFLICT DO NOTHING")
            .bind(&key)
            .execute(pool)
            .await?;
        let mut row = self.cart_row(&key).await?;
        if row.merged {
            return Err(Problem::CartMoved.into());
        }
        if let Some(k) = idempotency {
            let seen: Option<i64> =
                sqlx::query_scalar("SELECT 1 FROM vendure_cart_keys WHERE owner = $1 AND key = $2")
                    .bind(&key)
                    .bind(k)
                    .fetch_optional(pool)
                    .await?;
            if seen.is_some() {
                let order = self.active_order(row.token.as_deref(), locale).await?;
                return Ok(CartUpdate {
                    cart: self.build_cart(&key, &row, order).await?,
                    notice: None,
                });
            }
        }
        let order = self.active_order(row.token.as_deref(), locale).await?;
        // The order after the change: Vendure answers each change with it.
        let mut after = order.clone();
        let splits: HashMap<String, Split> = self.splits(&key).await?.into_iter().collect();
        // Units of a variant now: (delivery, pickup), and its order line.
        let current = |variant: &str| -> ((u32, u32), Option<String>) {
            let line = order
                .as_ref()
                .and_then(|o| o.lines.iter().find(|l| l.product_variant.id == variant));
            let total = line.map_or(0, |l| l.quantity);
            let pickup = splits.get(variant).map_or(0, |s| s.pickup).min(total);
            ((total - pickup, pickup), line.map(|l| l.id.clone()))
        };
        let mut notice = None;
        match op {
            CartOp::PickupAt { store } => {
                if self.own.store_ref(store).await?.is_none() {
                    return Err(Problem::UnknownStore {
                        slug: store.clone(),
                    }
                    .into());
                }
                sqlx::query("UPDATE vendure_carts SET pickup_store = $1 WHERE owner = $2")
                    .bind(store)
                    .bind(&key)
                    .execute(pool)
                    .await?;
                row.pickup_store = Some(store.clone());
            }
            CartOp::Clear => {
                if row.token.is_some() {
                    let _: (serde_json::Value, _) = self
                        .client
                        .shop_session(
                            "mutation { removeAllOrderLines { __typename } }",
                            json!({}),
                            locale,
                            row.token.as_deref(),
                        )
                        .await?;
                }
                sqlx::query("DELETE FROM vendure_cart_lines WHERE owner = $1")
                    .bind(&key)
                    .execute(pool)
                    .await?;
                after = None;
            }
            &CartOp::Add {
                ref variant_id,
                quantity,
                fulfilment,
            }
            | &CartOp::Set {
                ref variant_id,
                quantity,
                fulfilment,
            } => {
                let adding = matches!(op, CartOp::Add { .. });
                let min = u32::from(adding);
                if !(min..=MAX_LINE_QUANTITY).contains(&quantity) {
                    return Err(Problem::QuantityOutOfRange {
                        min,
                        max: MAX_LINE_QUANTITY,
                    }
                    .into());
                }
                let variant = variant_id.to_string();
                let ((delivery, pickup), line) = current(&variant);
                let mine = match fulfilment {
                    Fulfilment::Delivery => delivery,
                    Fulfilment::Pickup => pickup,
                };
                let wanted = if adding { mine + quantity } else { quantity };
                let got = if wanted == 0 {
                    0
                } else {
                    let free = self
                        .free_for(&variant, fulfilment, row.pickup_store.as_deref())
                        .await?;
                    clamp_quantity(wanted, free)
                };
                if got == 0 && wanted > 0 && adding {
                    // Nothing to add: the line stays as it was.
                    notice = Some(CartNotice::Unavailable);
                } else {
                    if got == 0 && wanted > 0 {
                        notice = Some(CartNotice::Unavailable);
                    } else if got < wanted {
                        notice = Some(CartNotice::Clamped {
                            requested: wanted,
                            got,
                        });
                    }
                    let (d, p) = match fulfilment {
                        Fulfilment::Delivery => (got, pickup),
                        Fulfilment::Pickup => (delivery, got),
                    };
                    let (cut, order) = self
                        .set_line(&key, &mut row, &variant, line, d, p, locale)
                        .await?;
                    after = order.or(after);
                    if let Some(got) = cut {
                        notice = Some(CartNotice::Clamped {
                            requested: wanted,
                            got,
                        });
                    }
                }
            }
            &CartOp::Remove {
                ref variant_id,
                fulfilment,
            } => {
                let variant = variant_id.to_string();
                let ((delivery, pickup), line) = current(&variant);
                let (d, p) = match fulfilment {
                    Fulfilment::Delivery => (0, pickup),
                    Fulfilment::Pickup => (delivery, 0),
                };
                let (_, order) = self
                    .set_line(&key, &mut row, &variant, line, d, p, locale)
                    .await?;
                after = order.or(after);
            }
            &CartOp::Move {
                ref variant_id,
                from,
                to,
            } => {
                let variant = variant_id.to_string();
                let ((delivery, pickup), line) = current(&variant);
                let (moving, staying) = match from {
                    Fulfilment::Delivery => (delivery, pickup),
                    Fulfilment::Pickup => (pickup, delivery),
                };
                if moving > 0 && from != to {
                    let wanted = moving + staying;
                    let free = self
                        .free_for(&variant, to, row.pickup_store.as_deref())
                        .await?;
                    let got = clamp_quantity(wanted, free);
                    if got == 0 {
                        notice = Some(CartNotice::Unavailable);
                    } else {
                        if got < wanted {
                            notice = Some(CartNotice::Clamped {
                                requested: wanted,
                                got,
                            });
                        }
                        let (d, p) = match to {
                            Fulfilment::Delivery => (got, 0),
                            Fulfilment::Pickup => (0, got),
                        };
                        let (_, order) = self
                            .set_line(&key, &mut row, &variant, line, d, p, locale)
                            .await?;
                        after = order.or(after);
                    }
                }
            }
        }
        let version = self.bump_version(&key).await?;
        row.version = version;
        if let Some(k) = idempotency {
            sqlx::query(
                "INSERT INTO vendure_cart_keys (owner, key) VALUES ($1, $2) ON CONFLICT DO NOTHING",
            )
            .bind(&key)
            .bind(k)
            .execute(pool)
            .await?;
        }
        // Nobody listening is not an error: no other page is open.
        let _ = self.changes.send(CartChanged {
            owner: owner.clone(),
            version,
        });
        Ok(CartUpdate {
            cart: self.build_cart(&key, &row, after).await?,
            notice,
        })
    }

    /// Units of `variant` that can be promised for `fulfilment`; an unknown
    /// variant is refused.
    async fn free_for(
        &self,
        variant: &str,
        fulfilment: Fulfilment,
        store: Option<&str>,
    ) -> BackendResult<u32> {
        let store = match fulfilment {
            Fulfilment::Delivery => None,
            Fulfilment::Pickup => Some(store.ok_or(Problem::ChooseStoreFirst)?),
        };
        let free = self.availability(&[variant.to_string()], store).await?;
        let (online, shelf) = free.get(variant).copied().ok_or(Problem::UnknownVariant)?;
        Ok(match fulfilment {
            Fulfilment::Delivery => online,
            Fulfilment::Pickup => online + shelf,
        })
    }

    /// Makes Vendure's line of `variant` hold `delivery + pickup` units and
    /// records the split. When Vendure has fewer units than that, the line
    /// gets what it has (pickup kept first) and that total is returned, with
    /// the order as Vendure answered the change (none when nothing was sent).
    #[allow(clippy::too_many_arguments)]
    async fn set_line(
        &self,
        key: &str,
        row: &mut Row_,
        variant: &str,
        line: Option<String>,
        delivery: u32,
        pickup: u32,
        locale: Locale,
    ) -> BackendResult<(Option<u32>, Option<Order>)> {
        let total = delivery + pickup;
        // GraphQL refuses a declared variable that is not used: each call
        // declares its own.
        let answer = |call: &str, short_of_stock: bool| {
            // Only the calls that add units can be short of stock.
            let short = if short_of_stock {
                format!("... on InsufficientStockError {{ quantityAvailable order {{ {ORDER} }} }}")
            } else {
                String::new()
            };
            format!(
                "mutation{call} {{
                   ... on Order {{ {ORDER} }}
                   ... on ErrorResult {{ errorCode message }} {short} }} }}"
            )
        };
        let call = match (&line, total) {
            (None, 0) => None,
            (Some(l), 0) => Some((
                answer("($l: ID!) { removeOrderLine(orderLineId: $l)", false),
                json!({ "l": l }),
            )),
            (Some(l), q) => Some((
                answer(
                    "($l: ID!, $q: Int!) { adjustOrderLine(orderLineId: $l, quantity: $q)",
                    true,
                ),
                json!({ "l": l, "q": q }),
            )),
            (None, q) => Some((
                answer(
                    "($v: ID!, $q: Int!) { addItemToOrder(productVariantId: $v, quantity: $q)",
                    true,
                ),
                json!({ "v": variant, "q": q }),
            )),
        };
        let mut cut = None;
        let (mut delivery, mut pickup) = (delivery, pickup);
        let mut price = None;
        let mut after = None;
        if let Some((query, variables)) = call {
            let (data, token): (HashMap<String, serde_json::Value>, _) = self
                .client
                .shop_session(&query, variables, locale, row.token.as_deref())
                .await?;
            if token.is_some() && token != row.token {
                sqlx::query("UPDATE vendure_carts SET token = $1 WHERE owner = $2")
                    .bind(&token)
                    .bind(key)
                    .execute(self.own.pool())
                    .await?;
                row.token = token;
            }
            let changed = data.into_values().next().unwrap_or_default();
            let order = match changed.get("errorCode").and_then(|c| c.as_str()) {
                None => changed.clone(),
                Some("INSUFFICIENT_STOCK_ERROR") => {
                    // Vendure added what it had.
                    let got = changed
                        .get("quantityAvailable")
                        .and_then(|q| q.as_u64())
                        .unwrap_or(0) as u32;
                    pickup = pickup.min(got);
                    delivery = got - pickup;
                    cut = Some(got);
                    changed.get("order").cloned().unwrap_or_default()
                }
                Some(code) => {
                    return Err(BackendError::Unavailable(format!(
                        "Vendure refused the cart change ({code}): {}",
                        changed
                            .get("message")
                            .and_then(|m| m.as_str())
                            .unwrap_or("")
                    )))
                }
            };
            let order: Order = serde_json::from_value(order).map_err(|e| {
                BackendError::Unavailable(format!("Vendure's order after a change: {e}"))
            })?;
            price = order
                .lines
                .iter()
                .find(|l| l.product_variant.id == variant)
                .map(|l| l.product_variant.price_with_tax);
            after = Some(order);
        }
        let pool = self.own.pool();
        if delivery + pickup == 0 {
            sqlx::query("DELETE FROM vendure_cart_lines WHERE owner = $1 AND variant = $2")
                .bind(key)
                .bind(variant)
                .execute(pool)
                .await?;
        } else {
            sqlx::query(
                "INSERT INTO vendure_cart_lines (owner, variant, pickup, price_at_add, added_at)
                 VALUES ($1, $2, $3, $4, $5)
                 ON CONFLICT (owner, variant) DO UPDATE SET pickup = excluded.pickup",
            )
            .bind(key)
            .bind(variant)
            .bind(i64::from(pickup))
            .bind(price.unwrap_or(0))
            .bind(now())
            .execute(pool)
            .await?;
        }
        Ok((cut, after))
    }

    /// Merges a guest's cart into the customer's, once (see
    /// `CartBackend::merge_guest_cart`).
    pub(super) async fn merge(
        &self,
        guest_hash: &str,
        customer: i64,
    ) -> BackendResult<MergeReport> {
        self.move_cart(
            &CartOwner::Guest(guest_hash.to_string()),
            &CartOwner::Customer(customer),
        )
        .await
    }

    /// Moves `from`'s cart into `into`'s, merged line by line as at sign-in
    /// (sign-in, and a kiosk handing its cart to a phone). A guest's cart is
    /// done with afterwards; a customer's is emptied, ready for their next
    /// visit.
    pub(super) async fn move_cart(
        &self,
        from: &CartOwner,
        into: &CartOwner,
    ) -> BackendResult<MergeReport> {
        let from_key = owner_key(from);
        let row = self.cart_row(&from_key).await?;
        if row.merged || row.token.is_none() {
            return Ok(MergeReport::default());
        }
        let locale = Locale::default();
        let theirs = self.read_cart(from, locale).await?;
        let mine = self.read_cart(into, locale).await?;
        let qty = |c: &Cart| -> Vec<LineQty> {
            c.lines
                .iter()
                .map(|l| LineQty {
                    variant_id: l.variant_id.clone(),
                    fulfilment: l.fulfilment,
                    quantity: l.quantity,
                })
                .collect()
        };
        let free: HashMap<(VariantId, Fulfilment), u32> = theirs
            .lines
            .iter()
            .chain(mine.lines.iter())
            .map(|l| ((l.variant_id.clone(), l.fulfilment), l.available))
            .collect();
        let (merged, report) = merge_carts(&qty(&mine), &qty(&theirs), |v, f| {
            free.get(&(v.clone(), f)).copied().unwrap_or(0)
        });
        if mine.pickup_store.is_none() {
            if let Some(store) = &theirs.pickup_store {
                self.apply_op(
                    into,
                    &CartOp::PickupAt {
                        store: store.slug.clone(),
                    },
                    None,
                    locale,
                )
                .await?;
            }
        }
        for l in merged {
            self.apply_op(
                into,
                &CartOp::Set {
                    variant_id: l.variant_id,
                    quantity: l.quantity,
                    fulfilment: l.fulfilment,
                },
                None,
                locale,
            )
            .await?;
        }
        match from {
            CartOwner::Guest(_) => {
                sqlx::query("UPDATE vendure_carts SET status = 'merged' WHERE owner = $1")
                    .bind(&from_key)
                    .execute(self.own.pool())
                    .await?;
            }
            CartOwner::Customer(_) => {
                self.apply_op(from, &CartOp::Clear, None, locale).await?;
            }
        }
        Ok(report)
    }
}
