//! Loyalty points on the built-in back end: a ledger (`loyalty_entries`,
//! one row per earn, till purchase, redemption or return, each with a key
//! that makes a retried request change nothing) and the balance it adds up
//! to (`loyalty_accounts`).
//!
//! Why the balance has a row of its own: points are spent with
//! `UPDATE loyalty_accounts SET balance = balance - n WHERE … AND balance
//! >= n`, in the transaction that writes the entry. SQLite runs one writer
//! at a time; on PostgreSQL the UPDATE waits for the row lock and checks its
//! condition again on the committed row; so two devices spending the same
//! points at once get one yes and one `NotEnoughPoints`, never two yeses.

use super::{now, SqlStore};
use async_trait::async_trait;
use chrono::TimeZone;
use omnistore_components::backend::{BackendResult, LoyaltyBackend};
use omnistore_components::model::TillReceipt;
use omnistore_components::model::{
    parse_loyalty_code, points_earned, points_value, redeemable, LoyaltyView, PointsEntry,
    PointsKind, Problem, LOYALTY_CODE_LEN, LOYALTY_CODE_PREFIX, PICKUP_ALPHABET,
};
use sqlx::{Any, Row, Transaction};

type Tx<'a> = Transaction<'a, Any>;

/// Entries shown on the account page.
const HISTORY: i64 = 50;

/// One change of a customer's points.
pub(super) struct Move<'a> {
    pub customer: i64,
    pub kind: PointsKind,
    /// Positive; the kind says which way.
    pub points: i64,
    pub channel: &'a str,
    pub order: Option<i64>,
    pub store: Option<&'a str>,
    /// What the purchase cost (minor units), for the history.
    pub amount: Option<i64>,
    /// Makes the move once: a second move with the same key does nothing.
    pub key: String,
}

/// A fresh code: each character from two hex digits of an OS-random token.
fn new_code() -> String {
    let token = omnistore_components::backend::new_token();
    let body: String = token
        .as_bytes()
        .chunks(2)
        .take(LOYALTY_CODE_LEN)
        .map(|pair| {
            let b = u8::from_str_radix(std::str::from_utf8(pair).unwrap_or("0"), 16).unwrap_or(0);
            PICKUP_ALPHABET[b as usize % PICKUP_ALPHABET.len()] as char
        })
        .collect();
    format!("{LOYALTY_CODE_PREFIX}{body}")
}

impl SqlStore {
    /// Applies `m` unless its key was applied before (then false). A spend
    /// the balance cannot cover is refused with `NotEnoughPoints`.
    pub(super) async fn move_points(tx: &mut Tx<'_>, m: Move<'_>) -> BackendResult<bool> {
        if m.points <= 0 {
            return Ok(false);
        }
        let seen: Option<i64> =
            sqlx::query_scalar("SELECT 1 FROM loyalty_entries WHERE entry_key = $1")
                .bind(&m.key)
                .fetch_optional(&mut **tx)
                .await?;
        if seen.is_some() {
            return Ok(false);
        }
        let signed = match m.kind {
            PointsKind::Redeemed | PointsKind::Reversed => -m.points,
            PointsKind::Earned | PointsKind::Till | PointsKind::Returned => m.points,
        };
        if signed < 0 {
            let spent = sqlx::query(
                "UPDATE loyalty_accounts SET balance = balance - $1
                 WHERE customer_id = $2 AND balance >= $1",
            )
            .bind(m.points)
            .bind(m.customer)
            .execute(&mut **tx)
            .await?;
            if spent.rows_affected() == 0 {
                let balance = Self::balance_in(tx, m.customer).await?;
                return Err(Problem::NotEnoughPoints { balance }.into());
            }
        } else {
            sqlx::query(
                "INSERT INTO loyalty_accounts (customer_id, balance) VALUES ($1, $2)
                 ON CONFLICT (customer_id) DO UPDATE SET balance = loyalty_accounts.balance + $2",
            )
            .bind(m.customer)
            .bind(signed)
            .execute(&mut **tx)
            .await?;
        }
        sqlx::query(
            "INSERT INTO loyalty_entries (customer_id, kind, points, channel, order_id, store,
                                          amount, entry_key, created_at)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)",
        )
        .bind(m.customer)
        .bind(m.kind.as_str())
        .bind(signed)
        .bind(m.channel)
        .bind(m.order)
        .bind(m.store)
        .bind(m.amount)
        .bind(&m.key)
        .bind(now())
        .execute(&mut **tx)
        .await?;
        Ok(true)
    }

    pub(super) async fn balance_in(tx: &mut Tx<'_>, customer: i64) -> BackendResult<i64> {
        let b: Option<i64> =
            sqlx::query_scalar("SELECT balance FROM loyalty_accounts WHERE customer_id = $1")
                .bind(customer)
                .fetch_optional(&mut **tx)
                .await?;
        Ok(b.unwrap_or(0))
    }

    /// Credits a collected or delivered order's points to its customer
    /// (once, whatever calls it again).
    pub(super) async fn earn_for_order(tx: &mut Tx<'_>, order: i64) -> BackendResult<()> {
        let row: Option<(Option<i64>, i64, String)> =
            sqlx::query_as("SELECT customer_id, total, channel FROM orders WHERE id = $1")
                .bind(order)
                .fetch_optional(&mut **tx)
                .await?;
        if let Some((Some(customer), total, channel)) = row {
            Self::move_points(
                tx,
                Move {
                    customer,
                    kind: PointsKind::Earned,
                    points: points_earned(total),
                    channel: &channel,
                    order: Some(order),
                    store: None,
                    amount: Some(total),
                    key: format!("earn:{order}"),
                },
            )
            .await?;
        }
        Ok(())
    }

    /// Gives back the points an order that will not be paid spent.
    pub(super) async fn return_points(tx: &mut Tx<'_>, order: i64) -> BackendResult<()> {
        let row: Option<(Option<i64>, i64, String)> = sqlx::query_as(
            "SELECT customer_id, points_redeemed, channel FROM orders WHERE id = $1",
        )
        .bind(order)
        .fetch_optional(&mut **tx)
        .await?;
        if let Some((Some(customer), points, channel)) = row {
            Self::move_points(
                tx,
                Move {
                    customer,
                    kind: PointsKind::Returned,
                    points,
                    channel: &channel,
                    order: Some(order),
                    store: None,
                    amount: None,
                    key: format!("return:{order}"),
                },
            )
            .await?;
        }
        Ok(())
    }

    /// Spends `points` on order `order` (inserted in `tx`, its total not yet
    /// lowered): refused past [`redeemable`] of `to_pay`.
    pub(super) async fn redeem_for_order(
        tx: &mut Tx<'_>,
        customer: i64,
        order: i64,
        channel: &str,
        to_pay: i64,
        points: i64,
    ) -> BackendResult<()> {
        let balance = Self::balance_in(tx, customer).await?;
        let max = redeemable(to_pay, balance);
        if points > max {
            return Err(Problem::TooManyPoints { max }.into());
        }
        Self::move_points(
            tx,
            Move {
                customer,
                kind: PointsKind::Redeemed,
                points,
                channel,
                order: Some(order),
                store: None,
                amount: Some(to_pay),
                key: format!("redeem:{order}"),
            },
        )
        .await?;
        Ok(())
    }

    /// The customer's loyalty code, made on first use.
    async fn loyalty_code(&self, customer: i64) -> BackendResult<String> {
        loop {
            let code: Option<Option<String>> =
                sqlx::query_scalar("SELECT loyalty_code FROM customers WHERE id = $1")
                    .bind(customer)
                    .fetch_optional(&self.pool)
                    .await?;
            match code {
                None => return Err(Problem::AccountGone.into()),
                Some(Some(code)) => return Ok(code),
                Some(None) => {
                    // Another request may make one at the same time: the
                    // first wins, and both read it back.
                    let _ = sqlx::query(
                        "UPDATE customers SET loyalty_code = $1
                         WHERE id = $2 AND loyalty_code IS NULL",
                    )
                    .bind(new_code())
                    .bind(customer)
                    .execute(&self.pool)
                    .await;
                }
            }
        }
    }
}

#[async_trait]
impl LoyaltyBackend for SqlStore {
    async fn loyalty(&self, customer: i64) -> BackendResult<LoyaltyView> {
        let code = self.loyalty_code(customer).await?;
        let balance = self.points_balance(customer).await?;
        let rows = sqlx::query(
            "SELECT kind, points, channel, order_id, store, created_at FROM loyalty_entries
             WHERE customer_id = $1 ORDER BY id DESC LIMIT $2",
        )
        .bind(customer)
        .bind(HISTORY)
        .fetch_all(&self.pool)
        .await?;
        let tz = chrono_tz::Europe::Warsaw;
        let (qr_path, qr_size) = crate::qr::svg_path(&code);
        Ok(LoyaltyView {
            qr_path,
            qr_size,
            code,
            balance,
            entries: rows
                .iter()
                .filter_map(|r| {
                    Some(PointsEntry {
                        kind: PointsKind::parse(r.get("kind"))?,
                        points: r.get("points"),
                        channel: r.get("channel"),
                        at: tz
                            .timestamp_opt(r.get("created_at"), 0)
                            .single()?
                            .format("%Y-%m-%d %H:%M")
                            .to_string(),
                        order: r.get("order_id"),
                        store: r.get("store"),
                    })
                })
                .collect(),
        })
    }

    async fn points_balance(&self, customer: i64) -> BackendResult<i64> {
        let b: Option<i64> =
            sqlx::query_scalar("SELECT balance FROM loyalty_accounts WHERE customer_id = $1")
                .bind(customer)
                .fetch_optional(&self.pool)
                .await?;
        Ok(b.unwrap_or(0))
    }

    async fn loyalty_customer(&self, code: &str) -> BackendResult<Option<i64>> {
        let Some(code) = parse_loyalty_code(code) else {
            return Ok(None);
        };
        Ok(
            sqlx::query_scalar("SELECT id FROM customers WHERE loyalty_code = $1")
                .bind(code)
                .fetch_optional(&self.pool)
                .await?,
        )
    }

    async fn till_purchase(
        &self,
        store: &str,
        code: &str,
        amount: i64,
        points: i64,
        key: &str,
    ) -> BackendResult<TillReceipt> {
        let customer = self
            .loyalty_customer(code)
            .await?
            .ok_or(Problem::UnknownLoyaltyCode)?;
        let mut tx = self
            .write_tx_locking(&[format!("points:{customer}")])
            .await?;
        let balance = Self::balance_in(&mut tx, customer).await?;
        let name: String = sqlx::query_scalar("SELECT name FROM customers WHERE id = $1")
            .bind(customer)
            .fetch_one(&mut *tx)
            .await?;
        let seen: Option<i64> =
            sqlx::query_scalar("SELECT 1 FROM loyalty_entries WHERE entry_key IN ($1, $2)")
                .bind(format!("till:{store}:{key}"))
                .bind(format!("till-redeem:{store}:{key}"))
                .fetch_optional(&mut *tx)
                .await?;
        if seen.is_some() {
            tx.commit().await?;
            return Ok(TillReceipt {
                name,
                earned: 0,
                redeemed: 0,
                balance,
                repeated: true,
            });
        }
        let max = redeemable(amount, balance);
        if points > max {
            return Err(Problem::TooManyPoints { max }.into());
        }
        let paid = amount - points_value(points);
        Self::move_points(
            &mut tx,
            Move {
                customer,
                kind: PointsKind::Redeemed,
                points,
                channel: "till",
                order: None,
                store: Some(store),
                amount: Some(amount),
                key: format!("till-redeem:{store}:{key}"),
            },
        )
        .await?;
        Self::move_points(
            &mut tx,
            Move {
                customer,
                kind: PointsKind::Till,
                points: points_earned(paid),
                channel: "till",
                order: None,
                store: Some(store),
                amount: Some(paid),
                key: format!("till:{store}:{key}"),
            },
        )
        .await?;
        let balance = Self::balance_in(&mut tx, customer).await?;
        tx.commit().await?;
        Ok(TillReceipt {
            name,
            earned: points_earned(paid),
            redeemed: points,
            balance,
            repeated: false,
        })
    }
}

impl SqlStore {
    /// The courier handed over order `number`'s parcel: a paid order with
    /// delivery lines and no pickup (a mixed order earns at collection)
    /// earns its points now. False when there is no such order still open.
    pub async fn mark_delivered(&self, number: i64) -> BackendResult<bool> {
        let mut tx = self.write_tx().await?;
        let done = sqlx::query(
            "UPDATE orders SET delivered_at = $1, updated_at = $1
             WHERE id = $2 AND delivered_at IS NULL AND payment = 'paid'
               AND delivery_street IS NOT NULL AND status NOT IN ('cancelled', 'expired')",
        )
        .bind(now())
        .bind(number)
        .execute(&mut *tx)
        .await?;
        if done.rows_affected() == 0 {
            return Ok(false);
        }
        let pickup: Option<i64> =
            sqlx::query_scalar("SELECT pickup_location_id FROM orders WHERE id = $1")
                .bind(number)
                .fetch_one(&mut *tx)
                .await?;
        if pickup.is_none() {
            Self::earn_for_order(&mut tx, number).await?;
        }
        tx.commit().await?;
        Ok(true)
    }
}
