//! Carts in SQLite. Every change is one `BEGIN IMMEDIATE` transaction that
//! reads stock and writes the line together, so parallel requests queue up
//! and never lose an update; the change is published after the commit.

use super::{cart_lock, now, suffix, variant_row, Dialect, SqlStore};
use async_trait::async_trait;
use futures::StreamExt;
use omnistore_components::backend::{
    BackendError, BackendResult, CartBackend, CartChanged, CartOwner,
};
use omnistore_components::i18n::Locale;
use omnistore_components::model::Problem;
use omnistore_components::model::{
    clamp_quantity, merge_carts, Cart, CartLine, CartNotice, CartOp, CartUpdate, CouponState,
    Fulfilment, LineQty, MergeReport, Money, StoreRef, VariantId, MAX_LINE_QUANTITY,
};
use sqlx::{Any, Row, Transaction};
use std::collections::HashMap;
use tokio_stream::wrappers::BroadcastStream;

type Tx<'a> = Transaction<'a, Any>;

/// Where a cart is found: the SQL condition on `carts c` and its argument,
/// the second parameter (after the online warehouse of [`cart_columns`]).
fn owner_filter(owner: &CartOwner) -> (&'static str, OwnerArg<'_>) {
    match owner {
        CartOwner::Customer(id) => ("c.customer_id = $2", OwnerArg::Id(*id)),
        CartOwner::Guest(hash) => ("c.guest_token_hash = $2", OwnerArg::Hash(hash)),
    }
}

enum OwnerArg<'a> {
    Id(i64),
    Hash(&'a str),
}

/// A cart's columns, one row per line, for a query over [`CART_JOINS`]
/// (`c` is the cart) whose parameter `online` (`$n`) is the online
/// warehouse's id. Prices and stock are read now.
pub(super) fn cart_columns(locale: Locale, online: &str) -> String {
    let l = suffix(locale);
    format!(
        "c.version, cl.variant_id, cl.fulfilment, cl.quantity, cl.price_at_add,
         v.sku, v.price, v.size, v.colour_{l} AS colour, v.image,
         p.slug, p.name_{l} AS product_name,
         COALESCE((SELECT s.on_hand - s.reserved FROM stock s
                   WHERE s.variant_id = v.id AND s.location_id = {online}), 0) AS online_units,
         COALESCE((SELECT s.on_hand - s.reserved FROM stock s
                   WHERE s.variant_id = v.id AND s.location_id = c.pickup_location_id),
                    0) AS store_units,
         pl.slug AS pickup_slug, pl.name AS pickup_name, pl.city AS pickup_city,
         c.coupon_code, cat.slug AS category"
    )
}

/// What [`cart_columns`] reads besides the cart `c`: its pickup store and
/// its lines.
pub(super) const CART_JOINS: &str = "LEFT JOIN locations pl ON pl.id = c.pickup_location_id
     LEFT JOIN cart_lines cl ON cl.cart_id = c.id
     LEFT JOIN variants v ON v.id = cl.variant_id
     LEFT JOIN products p ON p.id = v.product_id
     LEFT JOIN categories cat ON cat.id = p.category_id";

/// The cart in rows of [`cart_columns`] (none, or rows without a cart: the
/// empty cart).
pub(super) fn read_cart(rows: &[sqlx::any::AnyRow]) -> Cart {
    let mut cart = Cart::default();
    for r in rows {
        let Some(version) = r.get::<Option<i64>, _>("version") else {
            continue;
        };
        cart.version = version;
        if cart.pricing.coupon.is_none() {
            // Priced by `SqlStore::price_cart`, which reads the code here.
            cart.pricing.coupon =
                r.get::<Option<String>, _>("coupon_code")
                    .map(|code| CouponState {
                        code,
                        refused: None,
                    });
        }
        if cart.pickup_store.is_none() {
            if let Some(slug) = r.get::<Option<String>, _>("pickup_slug") {
                cart.pickup_store = Some(StoreRef {
                    slug,
                    name: r.get("pickup_name"),
                    city: r.get("pickup_city"),
                });
            }
        }
        let Some(variant_id) = r.get::<Option<i64>, _>("variant_id") else {
            continue;
        };
        let Some(fulfilment) = Fulfilment::parse(r.get("fulfilment")) else {
            continue;
        };
        let price = Money::pln(r.get("price"));
        let online_units = r.get::<i64, _>("online_units").max(0) as u32;
        let store_units = r.get::<i64, _>("store_units").max(0) as u32;
        let was: i64 = r.get("price_at_add");
        let label = [
            r.get::<Option<String>, _>("size"),
            r.get::<Option<String>, _>("colour"),
        ]
        .into_iter()
        .flatten()
        .collect::<Vec<_>>()
        .join(" / ");
        cart.lines.push(CartLine {
            variant_id: variant_id.into(),
            fulfilment,
            quantity: r.get::<i64, _>("quantity") as u32,
            product_slug: r.get("slug"),
            product_name: r.get("product_name"),
            variant_label: label,
            sku: r.get("sku"),
            image: r.get("image"),
            unit_price: price,
            price_was: (was != price.minor).then_some(Money::pln(was)),
            available: match fulfilment {
                Fulfilment::Delivery => online_units,
                Fulfilment::Pickup => online_units + store_units,
            },
            store_units: (fulfilment == Fulfilment::Pickup).then_some(store_units),
            category: r.get::<Option<String>, _>("category").unwrap_or_default(),
        });
    }
    cart
}
impl SqlStore {
    /// The owner's active cart, created when missing. A guest token whose cart
    /// was merged at login is refused rather than silently given a new cart.
    async fn ensure_cart(tx: &mut Tx<'_>, owner: &CartOwner) -> BackendResult<i64> {
        let at = now();
        match owner {
            CartOwner::Customer(customer) => {
                let found: Option<i64> = sqlx::query_scalar(
                    "SELECT id FROM carts WHERE customer_id = $1 AND status = 'active'",
                )
                .bind(customer)
                .fetch_optional(&mut **tx)
                .await?;
                if let Some(id) = found {
                    return Ok(id);
                }
                sqlx::query_scalar(
                    "INSERT INTO carts (customer_id, created_at, updated_at) VALUES ($1, $2,
                     $3) RETURNING id",
                )
                .bind(customer)
                .bind(at)
                .bind(at)
                .fetch_one(&mut **tx)
                .await
                .map_err(BackendError::from)
            }
            CartOwner::Guest(hash) => {
                let found: Option<(i64, String)> =
                    sqlx::query_as("SELECT id, status FROM carts WHERE guest_token_hash = $1")
                        .bind(hash)
                        .fetch_optional(&mut **tx)
                        .await?;
                match found {
                    Some((id, status)) if status == "active" => Ok(id),
                    Some(_) => Err(Problem::CartMoved.into()),
                    None => sqlx::query_scalar(
                        "INSERT INTO carts (guest_token_hash, created_at, updated_at) VALUES ($1, $2,
                         $3) RETURNING id",
                    )
                    .bind(hash)
                    .bind(at)
                    .bind(at)
                    .fetch_one(&mut **tx)
                    .await
                    .map_err(BackendError::from),
                }
            }
        }
    }

    /// Units that can be promised for a fulfilment, and today's price;
    /// `None` for an unknown variant. Delivery ships from the warehouse;
    /// pickup takes the store's shelf plus what the warehouse can transfer.
    async fn available(
        tx: &mut Tx<'_>,
        online: i64,
        pickup: Option<i64>,
        variant: i64,
        fulfilment: Fulfilment,
    ) -> BackendResult<Option<(u32, i64)>> {
        let store = match fulfilment {
            Fulfilment::Delivery => None,
            Fulfilment::Pickup => Some(pickup.ok_or(Problem::ChooseStoreFirst)?),
        };
        let row: Option<(i64, i64)> = sqlx::query_as(
            "SELECT v.price, (SELECT CAST(COALESCE(SUM(s.on_hand - s.reserved), 0) AS BIGINT) FROM stock s
                              WHERE s.variant_id = v.id AND s.location_id IN ($1, $2))
             FROM variants v WHERE v.id = $3",
        )
        .bind(online)
        .bind(store.unwrap_or(online))
        .bind(variant)
        .fetch_optional(&mut **tx)
        .await?;
        Ok(row.map(|(price, units)| (units.max(0) as u32, price)))
    }

    async fn pickup_location(tx: &mut Tx<'_>, cart: i64) -> BackendResult<Option<i64>> {
        sqlx::query_scalar("SELECT pickup_location_id FROM carts WHERE id = $1")
            .bind(cart)
            .fetch_one(&mut **tx)
            .await
            .map_err(BackendError::from)
    }

    async fn line_quantity(
        tx: &mut Tx<'_>,
        cart: i64,
        variant: i64,
        fulfilment: Fulfilment,
    ) -> BackendResult<u32> {
        let q: Option<i64> = sqlx::query_scalar(
            "SELECT quantity FROM cart_lines WHERE cart_id = $1 AND variant_id = $2
             AND fulfilment = $3",
        )
        .bind(cart)
        .bind(variant)
        .bind(fulfilment.as_str())
        .fetch_optional(&mut **tx)
        .await?;
        Ok(q.unwrap_or(0) as u32)
    }

    async fn write_line(
        tx: &mut Tx<'_>,
        cart: i64,
        variant: i64,
        fulfilment: Fulfilment,
        quantity: u32,
        price: i64,
    ) -> BackendResult<()> {
        if quantity == 0 {
            sqlx::query(
                "DELETE FROM cart_lines WHERE cart_id = $1 AND variant_id = $2 AND fulfilment = $3",
            )
            .bind(cart)
            .bind(variant)
            .bind(fulfilment.as_str())
            .execute(&mut **tx)
            .await?;
            return Ok(());
        }
        // price_at_add keeps its first value: the shopper is told about
        // changes since they chose the item, not since their last click.
        sqlx::query(
            "INSERT INTO cart_lines (cart_id, variant_id, fulfilment, quantity, price_at_add,
             added_at)
             VALUES ($1, $2, $3, $4, $5, $6)
             ON CONFLICT (cart_id, variant_id, fulfilment) DO UPDATE
              SET quantity = excluded.quantity",
        )
        .bind(cart)
        .bind(variant)
        .bind(fulfilment.as_str())
        .bind(i64::from(quantity))
        .bind(price)
        .bind(now())
        .execute(&mut **tx)
        .await?;
        Ok(())
    }

    async fn bump(tx: &mut Tx<'_>, cart: i64) -> BackendResult<i64> {
        sqlx::query_scalar(
            "UPDATE carts SET version = version + 1, updated_at = $1 WHERE id = $2 RETURNING version",
        )
        .bind(now())
        .bind(cart)
        .fetch_one(&mut **tx)
        .await
        .map_err(BackendError::from)
    }

    async fn lines_of(tx: &mut Tx<'_>, cart: i64) -> BackendResult<Vec<(LineQty, i64)>> {
        let rows: Vec<(i64, String, i64, i64)> = sqlx::query_as(
            "SELECT variant_id, fulfilment, quantity, price_at_add FROM cart_lines
             WHERE cart_id = $1",
        )
        .bind(cart)
        .fetch_all(&mut **tx)
        .await?;
        Ok(rows
            .into_iter()
            .filter_map(|(v, f, q, p)| {
                Some((
                    LineQty {
                        variant_id: v.into(),
                        fulfilment: Fulfilment::parse(&f)?,
                        quantity: q as u32,
                    },
                    p,
                ))
            })
            .collect())
    }

    /// Commits `tx` and tells every device of each `(owner, version)` that
    /// their cart is now at that version. PostgreSQL: `NOTIFY
    /// omnistore_carts` inside the transaction, delivered to every
    /// instance's listener (this one's too, see `SqlStore::listen`) exactly
    /// when the change commits and never for one rolled back. SQLite: this
    /// process's subscribers after the commit (one process per database).
    pub(super) async fn commit_publishing<const N: usize>(
        &self,
        mut tx: Tx<'_>,
        changes: [(CartOwner, i64); N],
    ) -> BackendResult<()> {
        let changes = changes.map(|(owner, version)| CartChanged { owner, version });
        if self.dialect == Dialect::Postgres {
            for change in &changes {
                sqlx::query("SELECT 1 FROM (SELECT pg_notify('omnistore_carts', $1)) n")
                    .bind(cart_change_payload(change))
                    .execute(&mut *tx)
                    .await?;
            }
        }
        tx.commit().await?;
        if self.dialect == Dialect::Sqlite {
            for change in changes {
                // No subscriber is not an error: nobody has another page open.
                let _ = self.changes.send(change);
            }
        }
        Ok(())
    }

    /// Applies `op` inside `tx` and says what the shopper should be told.
    async fn apply(
        tx: &mut Tx<'_>,
        online: i64,
        cart: i64,
        op: &CartOp,
    ) -> BackendResult<Option<CartNotice>> {
        let pickup = Self::pickup_location(tx, cart).await?;
        let unknown = || Problem::UnknownVariant;
        match op {
            &CartOp::Add {
                ref variant_id,
                quantity,
                fulfilment,
            } => {
                let variant_id = variant_row(variant_id).ok_or_else(unknown)?;
                if !(1..=MAX_LINE_QUANTITY).contains(&quantity) {
                    return Err(Problem::QuantityOutOfRange {
                        min: 1,
                        max: MAX_LINE_QUANTITY,
                    }
                    .into());
                }
                let (units, price) = Self::available(tx, online, pickup, variant_id, fulfilment)
                    .await?
                    .ok_or_else(unknown)?;
                let current = Self::line_quantity(tx, cart, variant_id, fulfilment).await?;
                let wanted = current + quantity;
                let got = clamp_quantity(wanted, units);
                if got == 0 {
                    return Ok(Some(CartNotice::Unavailable));
                }
                Self::write_line(tx, cart, variant_id, fulfilment, got, price).await?;
                Ok((got < wanted).then_some(CartNotice::Clamped {
                    requested: wanted,
                    got,
                }))
            }
            &CartOp::Set {
                ref variant_id,
                quantity,
                fulfilment,
            } => {
                if quantity > MAX_LINE_QUANTITY {
                    return Err(Problem::QuantityOutOfRange {
                        min: 0,
                        max: MAX_LINE_QUANTITY,
                    }
                    .into());
                }
                let variant_id = variant_row(variant_id);
                if quantity == 0 {
                    // Text that is no id here is in no cart: nothing to remove.
                    if let Some(variant_id) = variant_id {
                        Self::write_line(tx, cart, variant_id, fulfilment, 0, 0).await?;
                    }
                    return Ok(None);
                }
                let variant_id = variant_id.ok_or_else(unknown)?;
                let (units, price) = Self::available(tx, online, pickup, variant_id, fulfilment)
                    .await?
                    .ok_or_else(unknown)?;
                let got = clamp_quantity(quantity, units);
                Self::write_line(tx, cart, variant_id, fulfilment, got, price).await?;
                Ok(if got == 0 {
                    Some(CartNotice::Unavailable)
                } else {
                    (got < quantity).then_some(CartNotice::Clamped {
                        requested: quantity,
                        got,
                    })
                })
            }
            &CartOp::Remove {
                ref variant_id,
                fulfilment,
            } => {
                if let Some(variant_id) = variant_row(variant_id) {
                    Self::write_line(tx, cart, variant_id, fulfilment, 0, 0).await?;
                }
                Ok(None)
            }
            &CartOp::Move {
                ref variant_id,
                from,
                to,
            } => {
                let Some(variant_id) = variant_row(variant_id) else {
                    return Ok(None);
                };
                let moving = Self::line_quantity(tx, cart, variant_id, from).await?;
                if moving == 0 || from == to {
                    return Ok(None);
                }
                let (units, price) = Self::available(tx, online, pickup, variant_id, to)
                    .await?
                    .ok_or_else(unknown)?;
                let wanted = moving + Self::line_quantity(tx, cart, variant_id, to).await?;
                let got = clamp_quantity(wanted, units);
                if got == 0 {
                    // Nothing there for the other way: the line stays as it was.
                    return Ok(Some(CartNotice::Unavailable));
                }
                Self::write_line(tx, cart, variant_id, from, 0, 0).await?;
                Self::write_line(tx, cart, variant_id, to, got, price).await?;
                Ok((got < wanted).then_some(CartNotice::Clamped {
                    requested: wanted,
                    got,
                }))
            }
            CartOp::PickupAt { store } => {
                let id: Option<i64> = sqlx::query_scalar(
                    "SELECT id FROM locations WHERE slug = $1 AND kind = 'store'",
                )
                .bind(store)
                .fetch_optional(&mut **tx)
                .await?;
                let id = id.ok_or_else(|| Problem::UnknownStore {
                    slug: store.clone(),
                })?;
                sqlx::query("UPDATE carts SET pickup_location_id = $1 WHERE id = $2")
                    .bind(id)
                    .bind(cart)
                    .execute(&mut **tx)
                    .await?;
                Ok(None)
            }
            CartOp::Clear => {
                sqlx::query("DELETE FROM cart_lines WHERE cart_id = $1")
                    .bind(cart)
                    .execute(&mut **tx)
                    .await?;
                Ok(None)
            }
        }
    }

    /// Merges cart `guest` (a guest's, or a kiosk's being handed off) into
    /// `owner`'s active cart by [`merge_carts`], and closes it. Returns the
    /// report and the new versions of both carts; the caller commits.
    pub(super) async fn merge_cart_into(
        tx: &mut Tx<'_>,
        online: i64,
        guest: i64,
        owner: &CartOwner,
    ) -> BackendResult<(MergeReport, i64, i64)> {
        let guest_lines = Self::lines_of(tx, guest).await?;
        let cart = Self::ensure_cart(tx, owner).await?;
        // The customer's pickup store and code win; a guest's fill a gap.
        sqlx::query(
            "UPDATE carts SET pickup_location_id = COALESCE(pickup_location_id,
                 (SELECT pickup_location_id FROM carts WHERE id = $1)),
                 coupon_code = COALESCE(coupon_code,
                 (SELECT coupon_code FROM carts WHERE id = $1)) WHERE id = $2",
        )
        .bind(guest)
        .bind(cart)
        .execute(&mut **tx)
        .await?;
        let pickup = Self::pickup_location(tx, cart).await?;
        let own_lines = Self::lines_of(tx, cart).await?;
        let mut stock: HashMap<(VariantId, Fulfilment), (u32, i64)> = HashMap::new();
        for (l, _) in guest_lines.iter().chain(&own_lines) {
            let variant = variant_row(&l.variant_id).ok_or(Problem::UnknownVariant)?;
            // A pickup line with no store anywhere can only be dropped.
            let found = Self::available(tx, online, pickup, variant, l.fulfilment)
                .await
                .or_else(|e| match e {
                    BackendError::Refused(_) => Ok(None),
                    e => Err(e),
                })?;
            if let Some(found) = found {
                stock.insert((l.variant_id.clone(), l.fulfilment), found);
            }
        }
        let own: Vec<LineQty> = own_lines.iter().map(|(l, _)| l.clone()).collect();
        let theirs: Vec<LineQty> = guest_lines.iter().map(|(l, _)| l.clone()).collect();
        let (merged, report) = merge_carts(&own, &theirs, |v, f| {
            stock
                .get(&(v.clone(), f))
                .map(|(units, _)| *units)
                .unwrap_or(0)
        });
        // Write only the lines the guest cart touched; the customer's other
        // lines stay exactly as they were.
        for (l, guest_price) in &guest_lines {
            let quantity = merged
                .iter()
                .find(|m| m.variant_id == l.variant_id && m.fulfilment == l.fulfilment)
                .map(|m| m.quantity)
                .unwrap_or(0);
            let variant = variant_row(&l.variant_id).ok_or(Problem::UnknownVariant)?;
            Self::write_line(tx, cart, variant, l.fulfilment, quantity, *guest_price).await?;
        }
        sqlx::query("UPDATE carts SET status = 'merged', updated_at = $1 WHERE id = $2")
            .bind(now())
            .bind(guest)
            .execute(&mut **tx)
            .await?;
        let guest_version = Self::bump(tx, guest).await?;
        let version = Self::bump(tx, cart).await?;
        Ok((report, guest_version, version))
    }
}

#[async_trait]
impl CartBackend for SqlStore {
    async fn cart(&self, owner: &CartOwner, locale: Locale) -> BackendResult<Cart> {
        let online = self.online_location_id().await?;
        let (cond, arg) = owner_filter(owner);
        let sql = format!(
            "SELECT {}
             FROM carts c {}
             WHERE {cond} AND c.status = 'active'
             ORDER BY cl.added_at, cl.variant_id",
            cart_columns(locale, "$1"),
            CART_JOINS,
        );
        let query = sqlx::query(&sql).bind(online);
        let query = match arg {
            OwnerArg::Id(id) => query.bind(id),
            OwnerArg::Hash(h) => query.bind(h),
        };
        let mut cart = read_cart(&query.fetch_all(&self.pool).await?);
        self.price_cart(&mut cart, owner).await?;
        Ok(cart)
    }

    async fn set_coupon(
        &self,
        owner: &CartOwner,
        code: Option<&str>,
        locale: Locale,
    ) -> BackendResult<Cart> {
        let code = self.put_coupon(owner, code).await?;
        let mut tx = self.write_tx_locking(&[cart_lock(owner)]).await?;
        let cart = Self::ensure_cart(&mut tx, owner).await?;
        sqlx::query("UPDATE carts SET coupon_code = $1 WHERE id = $2")
            .bind(code)
            .bind(cart)
            .execute(&mut *tx)
            .await?;
        let version = Self::bump(&mut tx, cart).await?;
        self.commit_publishing(tx, [(owner.clone(), version)])
            .await?;
        self.cart(owner, locale).await
    }

    async fn apply_cart_op(
        &self,
        owner: &CartOwner,
        op: &CartOp,
        key: Option<&str>,
        locale: Locale,
    ) -> BackendResult<CartUpdate> {
        let online = self.online_location_id().await?;
        let mut tx = self.write_tx_locking(&[cart_lock(owner)]).await?;
        let cart = Self::ensure_cart(&mut tx, owner).await?;
        if let Some(key) = key {
            let seen: Option<i64> =
                sqlx::query_scalar("SELECT 1 FROM cart_ops WHERE cart_id = $1 AND op_key = $2")
                    .bind(cart)
                    .bind(key)
                    .fetch_optional(&mut *tx)
                    .await?;
            if seen.is_some() {
                tx.commit().await?;
                return Ok(CartUpdate {
                    cart: self.cart(owner, locale).await?,
                    notice: None,
                });
            }
        }
        let notice = Self::apply(&mut tx, online, cart, op).await?;
        if let Some(key) = key {
            sqlx::query("INSERT INTO cart_ops (cart_id, op_key, at) VALUES ($1, $2, $3)")
                .bind(cart)
                .bind(key)
                .bind(now())
                .execute(&mut *tx)
                .await?;
        }
        let version = Self::bump(&mut tx, cart).await?;
        self.commit_publishing(tx, [(owner.clone(), version)])
            .await?;
        Ok(CartUpdate {
            cart: self.cart(owner, locale).await?,
            notice,
        })
    }

    async fn merge_guest_cart(
        &self,
        guest_hash: &str,
        customer: i64,
    ) -> BackendResult<MergeReport> {
        let online = self.online_location_id().await?;
        let owner = CartOwner::Customer(customer);
        let guest_owner = CartOwner::Guest(guest_hash.to_string());
        let mut tx = self
            .write_tx_locking(&[cart_lock(&owner), cart_lock(&guest_owner)])
            .await?;
        let guest: Option<i64> = sqlx::query_scalar(
            "SELECT id FROM carts WHERE guest_token_hash = $1 AND status = 'active'",
        )
        .bind(guest_hash)
        .fetch_optional(&mut *tx)
        .await?;
        // Closed or never created: a retried or concurrent login ends here.
        let Some(guest) = guest else {
            tx.commit().await?;
            return Ok(MergeReport::default());
        };
        let (report, guest_version, version) =
            Self::merge_cart_into(&mut tx, online, guest, &owner).await?;
        self.commit_publishing(tx, [(guest_owner, guest_version), (owner, version)])
            .await?;
        Ok(report)
    }

    fn cart_changes(&self) -> futures::stream::BoxStream<'static, CartChanged> {
        // A subscriber that falls behind skips ahead; devices refetch the cart
        // on any event, so a skipped one loses nothing.
        BroadcastStream::new(self.changes.subscribe())
            .filter_map(|e| async move { e.ok() })
            .boxed()
    }
}

/// A cart change as a notification's text: `c:<customer>:<version>` or
/// `g:<guest token hash>:<version>`.
pub(super) fn cart_change_payload(change: &CartChanged) -> String {
    match &change.owner {
        CartOwner::Customer(id) => format!("c:{id}:{}", change.version),
        CartOwner::Guest(hash) => format!("g:{hash}:{}", change.version),
    }
}

/// The cart change a notification's text names, if it is one.
pub(super) fn parse_cart_change(payload: &str) -> Option<CartChanged> {
    let (owner, version) = payload.rsplit_once(':')?;
    let version = version.parse().ok()?;
    let owner = match owner.split_once(':')? {
        ("c", id) => CartOwner::Customer(id.parse().ok()?),
        ("g", hash) if !hash.is_empty() => CartOwner::Guest(hash.to_string()),
        _ => return None,
    };
    Some(CartChanged { owner, version })
}

#[cfg(test)]
mod tests {
    use super::{cart_change_payload, parse_cart_change};
    use omnistore_components::backend::{CartChanged, CartOwner};

    #[test]
    fn cart_changes_survive_the_notification_text() {
        for owner in [CartOwner::Customer(42), CartOwner::Guest("ab12".repeat(16))] {
            let change = CartChanged { owner, version: 7 };
            let text = cart_change_payload(&change);
            assert_eq!(parse_cart_change(&text), Some(change));
        }
        for bad in ["", "c:x:1", "g::1", "c:1", "x:1:2", "c:1:v"] {
            assert_eq!(parse_cart_change(bad), None, "{bad}");
        }
    }
}
