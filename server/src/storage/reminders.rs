//! Reminders on the built-in back end: consent to cart reminders, the carts
//! and pickup slots due one, and writing each reminder to the outbox once
//! (a conditional update marks it in the same transaction, so two instances
//! never both write it).

use super::{now, suffix, SqlStore};
use async_trait::async_trait;
use omnistore_components::backend::{new_token, BackendResult, ReminderBackend};
use omnistore_components::i18n::Locale;
use sqlx::Row;

/// A cart left long enough by a customer who agreed to reminders.
#[derive(Clone, Debug)]
pub struct DueCart {
    pub cart: i64,
    pub email: String,
    pub name: String,
    pub locale: Locale,
    /// The customer's unsubscribe token (for the one-click link).
    pub token: String,
    /// (quantity, product name, variant label) in the customer's language.
    pub lines: Vec<(u32, String, String)>,
}

/// An open pickup order whose slot is near, not reminded yet.
#[derive(Clone, Debug)]
pub struct DueSlot {
    pub order: i64,
    pub email: String,
    pub name: String,
    pub locale: Locale,
    pub store: String,
    pub street: String,
    pub city: String,
    /// The store's time zone (IANA name).
    pub tz: String,
    pub slot: i64,
    pub created_at: i64,
    pub code: String,
}

impl SqlStore {
    /// Carts untouched since `before` whose customer agreed to reminders and
    /// got none for them yet (at most `limit`).
    pub async fn due_cart_reminders(&self, before: i64, limit: i64) -> BackendResult<Vec<DueCart>> {
        let rows = sqlx::query(
            "SELECT c.id, cu.email, cu.name, cu.locale, cu.unsubscribe_token
             FROM carts c JOIN customers cu ON cu.id = c.customer_id
             WHERE c.status = 'active' AND c.reminded_at IS NULL AND c.updated_at < $1
               AND cu.reminders = 1 AND cu.unsubscribe_token IS NOT NULL
               AND EXISTS (SELECT 1 FROM cart_lines l WHERE l.cart_id = c.id)
             ORDER BY c.updated_at LIMIT $2",
        )
        .bind(before)
        .bind(limit)
        .fetch_all(&self.pool)
        .await?;
        let mut due = Vec::with_capacity(rows.len());
        for r in rows {
            let cart: i64 = r.get("id");
            let locale = Locale::from_tag(r.get("locale")).unwrap_or_default();
            let l = suffix(locale);
            let lines: Vec<(i64, String, Option<String>, Option<String>)> =
                sqlx::query_as(&format!(
                    "SELECT cl.quantity, p.name_{l}, v.size, v.colour_{l}
                 FROM cart_lines cl JOIN variants v ON v.id = cl.variant_id
                 JOIN products p ON p.id = v.product_id
                 WHERE cl.cart_id = $1 ORDER BY cl.added_at, cl.variant_id"
                ))
                .bind(cart)
                .fetch_all(&self.pool)
                .await?;
            due.push(DueCart {
                cart,
                email: r.get("email"),
                name: r.get("name"),
                locale,
                token: r.get("unsubscribe_token"),
                lines: lines
                    .into_iter()
                    .map(|(q, name, size, colour)| {
                        let label = [size, colour].into_iter().flatten().collect::<Vec<_>>();
                        (q.max(0) as u32, name, label.join(" / "))
                    })
                    .collect(),
            });
        }
        Ok(due)
    }

    /// Writes `cart`'s reminder to the outbox unless one was written for it
    /// (then false), with the link that unsubscribes in one click.
    pub async fn send_cart_reminder(
        &self,
        cart: &DueCart,
        subject: &str,
        body: &str,
        unsubscribe: &str,
    ) -> BackendResult<bool> {
        let mut tx = self.write_tx().await?;
        let marked =
            sqlx::query("UPDATE carts SET reminded_at = $1 WHERE id = $2 AND reminded_at IS NULL")
                .bind(now())
                .bind(cart.cart)
                .execute(&mut *tx)
                .await?;
        if marked.rows_affected() == 0 {
            return Ok(false);
        }
        super::queue_mail(
            &mut tx,
            None,
            &cart.email,
            (subject, body),
            Some(unsubscribe),
        )
        .await?;
        tx.commit().await?;
        Ok(true)
    }

    /// Open pickup orders whose slot starts between `from` and `until`, not
    /// reminded yet.
    pub async fn due_slot_reminders(&self, from: i64, until: i64) -> BackendResult<Vec<DueSlot>> {
        let rows = sqlx::query(
            "SELECT o.id, o.email, o.name, o.locale, o.slot_starts_at, o.created_at,
                    o.pickup_code, l.name AS store, l.street, l.city, l.timezone AS tz
             FROM orders o JOIN locations l ON l.id = o.pickup_location_id
             WHERE o.status IN ('placed', 'ready') AND o.slot_reminded_at IS NULL
               AND o.payment != 'declined'
               AND o.slot_starts_at > $1 AND o.slot_starts_at <= $2
             ORDER BY o.slot_starts_at LIMIT 500",
        )
        .bind(from)
        .bind(until)
        .fetch_all(&self.pool)
        .await?;
        Ok(rows
            .iter()
            .map(|r| DueSlot {
                order: r.get("id"),
                email: r.get("email"),
                name: r.get("name"),
                locale: Locale::from_tag(r.get("locale")).unwrap_or_default(),
                store: r.get("store"),
                street: r.get("street"),
                city: r.get("city"),
                tz: r.get("tz"),
                slot: r.get("slot_starts_at"),
                created_at: r.get("created_at"),
                code: r.get("pickup_code"),
            })
            .collect())
    }

    /// Writes "your slot is today" for `order` once (false: written before,
    /// or `mail` is `None`: marked without a message, as for an order placed
    /// on the day itself).
    pub async fn send_slot_reminder(
        &self,
        slot: &DueSlot,
        mail: Option<(&str, &str)>,
    ) -> BackendResult<bool> {
        let mut tx = self.write_tx().await?;
        let marked = sqlx::query(
            "UPDATE orders SET slot_reminded_at = $1 WHERE id = $2 AND slot_reminded_at IS NULL",
        )
        .bind(now())
        .bind(slot.order)
        .execute(&mut *tx)
        .await?;
        if marked.rows_affected() == 0 {
            return Ok(false);
        }
        if let Some((subject, body)) = mail {
            super::queue_mail(
                &mut tx,
                Some(slot.order),
                &slot.email,
                (subject, body),
                None,
            )
            .await?;
        }
        tx.commit().await?;
        Ok(mail.is_some())
    }
}

#[async_trait]
impl ReminderBackend for SqlStore {
    async fn reminders(&self, customer: i64) -> BackendResult<bool> {
        let on: Option<i64> = sqlx::query_scalar("SELECT reminders FROM customers WHERE id = $1")
            .bind(customer)
            .fetch_optional(&self.pool)
            .await?;
        Ok(on == Some(1))
    }

    async fn set_reminders(&self, customer: i64, on: bool) -> BackendResult<()> {
        // The token is made with the first consent and kept: an old
        // reminder's link still unsubscribes.
        sqlx::query(
            "UPDATE customers SET reminders = $1,
                    unsubscribe_token = COALESCE(unsubscribe_token, $2)
             WHERE id = $3",
        )
        .bind(i64::from(on))
        .bind(new_token())
        .bind(customer)
        .execute(&self.pool)
        .await?;
        Ok(())
    }

    async fn unsubscribe(&self, token: &str) -> BackendResult<bool> {
        if !omnistore_components::backend::is_token(token) {
            return Ok(false);
        }
        let done = sqlx::query("UPDATE customers SET reminders = 0 WHERE unsubscribe_token = $1")
            .bind(token)
            .execute(&self.pool)
            .await?;
        Ok(done.rows_affected() > 0)
    }
}
