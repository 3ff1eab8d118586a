//! Wishlists in omnistore's own database (see `WishlistBackend`). One
//! owner's changes are serialised by the owner's lock, so the limit holds
//! even when two devices add at once.

use super::{now, SqlStore};
use async_trait::async_trait;
use omnistore_components::backend::{BackendError, BackendResult, CartOwner, WishlistBackend};
use omnistore_components::model::{Problem, VariantId, Wish, MAX_WISHES};

/// Which rows are the owner's: bind [`owner_binds`] as `$1` and `$2`.
const OWNER: &str = "(customer_id = $1 OR guest_token_hash = $2)";

fn owner_binds(owner: &CartOwner) -> (Option<i64>, Option<String>) {
    match owner {
        CartOwner::Customer(id) => (Some(*id), None),
        CartOwner::Guest(hash) => (None, Some(hash.clone())),
    }
}

/// The lock of one owner's wishlist (see `SqlStore::write_tx_locking`).
fn wish_lock(owner: &CartOwner) -> String {
    match owner {
        CartOwner::Customer(id) => format!("wish:c:{id}"),
        CartOwner::Guest(hash) => format!("wish:g:{hash}"),
    }
}

#[async_trait]
impl WishlistBackend for SqlStore {
    async fn wishlist(&self, owner: &CartOwner) -> BackendResult<Vec<Wish>> {
        let (customer, guest) = owner_binds(owner);
        let rows: Vec<(String, String, i64, Option<String>)> = sqlx::query_as(&format!(
            "SELECT product_slug, variant_id, added_at, alert_store FROM wishlist_items
             WHERE {OWNER} ORDER BY added_at DESC, id DESC"
        ))
        .bind(customer)
        .bind(guest)
        .fetch_all(&self.pool)
        .await?;
        Ok(rows
            .into_iter()
            .filter_map(|(product_slug, variant, added_at, alert_store)| {
                Some(Wish {
                    product_slug,
                    variant_id: variant.parse().ok()?,
                    added_at,
                    alert_store,
                })
            })
            .collect())
    }

    async fn set_wish(
        &self,
        owner: &CartOwner,
        product_slug: &str,
        variant: &VariantId,
        on: bool,
    ) -> BackendResult<()> {
        let (customer, guest) = owner_binds(owner);
        let mut tx = self.write_tx_locking(&[wish_lock(owner)]).await?;
        if !on {
            sqlx::query(&format!(
                "DELETE FROM wishlist_items WHERE {OWNER} AND variant_id = $3"
            ))
            .bind(customer)
            .bind(guest)
            .bind(variant.as_str())
            .execute(&mut *tx)
            .await?;
            return Ok(tx.commit().await?);
        }
        let (count, has): (i64, i64) = sqlx::query_as(&format!(
            "SELECT COUNT(*), COALESCE(SUM(CASE WHEN variant_id = $3 THEN 1 ELSE 0 END), 0)
             FROM wishlist_items WHERE {OWNER}"
        ))
        .bind(customer)
        .bind(guest.clone())
        .bind(variant.as_str())
        .fetch_one(&mut *tx)
        .await?;
        if has > 0 {
            return Ok(tx.commit().await?);
        }
        if count >= i64::from(MAX_WISHES) {
            return Err(BackendError::Refused(Problem::WishlistFull {
                max: MAX_WISHES,
            }));
        }
        sqlx::query(
            "INSERT INTO wishlist_items
                 (customer_id, guest_token_hash, product_slug, variant_id, added_at)
             VALUES ($1, $2, $3, $4, $5)",
        )
        .bind(customer)
        .bind(guest)
        .bind(product_slug)
        .bind(variant.as_str())
        .bind(now())
        .execute(&mut *tx)
        .await?;
        Ok(tx.commit().await?)
    }

    async fn merge_guest_wishlist(&self, guest_hash: &str, customer: i64) -> BackendResult<()> {
        let guest = CartOwner::Guest(guest_hash.to_string());
        let mut tx = self
            .write_tx_locking(&[wish_lock(&CartOwner::Customer(customer)), wish_lock(&guest)])
            .await?;
        // A variant already on the customer's list keeps its own date.
        sqlx::query(
            "INSERT INTO wishlist_items
                 (customer_id, guest_token_hash, product_slug, variant_id, added_at)
             SELECT $1, NULL, product_slug, variant_id, added_at FROM wishlist_items
             WHERE guest_token_hash = $2
             ON CONFLICT DO NOTHING",
        )
        .bind(customer)
        .bind(guest_hash)
        .execute(&mut *tx)
        .await?;
        sqlx::query("DELETE FROM wishlist_items WHERE guest_token_hash = $1")
            .bind(guest_hash)
            .execute(&mut *tx)
            .await?;
        Ok(tx.commit().await?)
    }

    async fn set_stock_alert(
        &self,
        customer: i64,
        variant: &VariantId,
        store: Option<&str>,
    ) -> BackendResult<()> {
        let done = sqlx::query(
            "UPDATE wishlist_items SET alert_store = $1, alerted_at = NULL
             WHERE customer_id = $2 AND variant_id = $3",
        )
        .bind(store)
        .bind(customer)
        .bind(variant.as_str())
        .execute(&self.pool)
        .await?;
        if done.rows_affected() == 0 {
            return Err(BackendError::Refused(Problem::UnknownVariant));
        }
        Ok(())
    }
}

/// A "back at my store" alert waiting for the shelf (see `stock_alerts`).
#[derive(Clone, Debug, sqlx::FromRow)]
pub struct PendingAlert {
    pub id: i64,
    pub store: String,
    pub product_slug: String,
    pub variant_id: String,
    pub email: String,
    pub name: String,
    pub locale: String,
}

impl SqlStore {
    /// Alerts still waiting, by store, at most `limit`.
    pub async fn pending_stock_alerts(&self, limit: i64) -> Result<Vec<PendingAlert>, sqlx::Error> {
        sqlx::query_as(
            "SELECT w.id, w.alert_store AS store, w.product_slug, w.variant_id,
                    c.email, c.name, c.locale
             FROM wishlist_items w JOIN customers c ON c.id = w.customer_id
             WHERE w.alert_store IS NOT NULL
             ORDER BY w.alert_store, w.id LIMIT $1",
        )
        .bind(limit)
        .fetch_all(&self.pool)
        .await
    }

    /// Forgets an alert that can never be sent (its store or product is
    /// gone); the wish stays.
    pub async fn drop_stock_alert(&self, alert: &PendingAlert) -> Result<(), sqlx::Error> {
        sqlx::query(
            "UPDATE wishlist_items SET alert_store = NULL WHERE id = $1 AND alert_store = $2",
        )
        .bind(alert.id)
        .bind(&alert.store)
        .execute(&self.pool)
        .await?;
        Ok(())
    }

    /// Writes the alert's e-mail to the outbox and clears the alert, in one
    /// transaction, if it is still waiting for `store`: of two instances
    /// that found it, one writes it; a customer who said "never mind" (or
    /// chose another store) meanwhile gets none. Whether it was written.
    pub async fn send_stock_alert(
        &self,
        alert: &PendingAlert,
        subject: &str,
        body: &str,
    ) -> Result<bool, sqlx::Error> {
        let mut tx = self.begin_write().await?;
        let at = now();
        let cleared = sqlx::query(
            "UPDATE wishlist_items SET alert_store = NULL, alerted_at = $1
             WHERE id = $2 AND alert_store = $3",
        )
        .bind(at)
        .bind(alert.id)
        .bind(&alert.store)
        .execute(&mut *tx)
        .await?;
        if cleared.rows_affected() != 1 {
            return Ok(false);
        }
        super::queue_mail(&mut tx, None, &alert.email, (subject, body), None).await?;
        tx.commit().await?;
        Ok(true)
    }
}
