//! Promotions on the built-in back end: kept in `promotions`, handed to the
//! one pricing function ([`omnistore_components::model::price`]) for every
//! cart read, and checked again, limits and all, inside the order's
//! transaction: what a page shows is a preview, what checkout charges is
//! decided under the order's locks.
//!
//! Why limits hold under concurrent checkouts: a use is taken with
//! `UPDATE promotions SET used = used + 1 WHERE id = … AND used < limit`.
//! SQLite runs one writer at a time; on PostgreSQL the UPDATE waits for the
//! row lock and checks its condition again on the row as committed, so the
//! last use goes to exactly one order. A cancelled or expired order gives
//! its uses back.

use super::{now, SqlStore};
use crate::catalog_cache::Key;
use omnistore_components::backend::{BackendError, BackendResult, CartOwner};
use omnistore_components::model::{
    in_force, parse_code, price_with_fee, Cart, CouponRefusal, Discount, Fulfilment, Offer,
    Priceable, Pricing, Problem, Promotion,
};
use sqlx::{Any, Row, Transaction};
use std::collections::HashMap;
use std::sync::Arc;

type Tx<'a> = Transaction<'a, Any>;

const COLUMNS: &str = "id, name, code, category, kind, value, pay, min_spend, starts_at, ends_at,
     per_customer, total_limit, used";

fn promotion_of(r: &sqlx::any::AnyRow) -> Option<Promotion> {
    let value: i64 = r.get("value");
    let offer = match r.get::<String, _>("kind").as_str() {
        "percent" => Offer::PercentOff {
            percent: u8::try_from(value).ok()?,
        },
        "amount" => Offer::AmountOff { minor: value },
        "buy_pay" => Offer::BuyPay {
            buy: u8::try_from(value).ok()?,
            pay: u8::try_from(r.get::<Option<i64>, _>("pay")?).ok()?,
        },
        "free_pickup" => Offer::FreePickup,
        _ => return None,
    };
    let count = |c: &str| {
        r.get::<Option<i64>, _>(c)
            .map(|n| u32::try_from(n.max(0)).unwrap_or(u32::MAX))
    };
    Some(Promotion {
        id: r.get("id"),
        name: r.get("name"),
        code: r.get("code"),
        category: r.get("category"),
        offer,
        min_spend: r.get("min_spend"),
        starts_at: r.get("starts_at"),
        ends_at: r.get("ends_at"),
        per_customer: count("per_customer"),
        limit: count("total_limit"),
        used: count("used").unwrap_or(0),
    })
}

/// The stored form of an offer: kind, value, pay.
fn offer_columns(offer: Offer) -> (&'static str, i64, Option<i64>) {
    match offer {
        Offer::PercentOff { percent } => ("percent", i64::from(percent), None),
        Offer::AmountOff { minor } => ("amount", minor, None),
        Offer::BuyPay { buy, pay } => ("buy_pay", i64::from(buy), Some(i64::from(pay))),
        Offer::FreePickup => ("free_pickup", 1, None),
    }
}

/// Who a per-customer limit counts: the account, and the e-mail address a
/// guest checks out with (so signing out does not reset a limit).
#[derive(Clone, Copy, Debug, Default)]
pub(super) struct Shopper<'a> {
    pub customer: Option<i64>,
    pub email: Option<&'a str>,
}

impl SqlStore {
    /// Every promotion not over, oldest first, from a copy at most a few
    /// seconds old (another instance, or the CLI, may add one at any time).
    async fn promotions(&self) -> BackendResult<Arc<Vec<Promotion>>> {
        self.promotions
            .read(Key::Upstream("promotions".into()), || async {
                Ok(Arc::new(Self::load_promotions(&self.pool).await?))
            })
            .await
    }

    async fn load_promotions<'c, E>(e: E) -> BackendResult<Vec<Promotion>>
    where
        E: sqlx::Executor<'c, Database = Any>,
    {
        let rows = sqlx::query(&format!("SELECT {COLUMNS} FROM promotions ORDER BY id"))
            .fetch_all(e)
            .await?;
        Ok(rows.iter().filter_map(promotion_of).collect())
    }

    /// Orders per promotion placed by this shopper and not cancelled.
    async fn uses_by<'c, E>(e: E, who: Shopper<'_>) -> BackendResult<HashMap<i64, u32>>
    where
        E: sqlx::Executor<'c, Database = Any>,
    {
        if who.customer.is_none() && who.email.is_none() {
            return Ok(HashMap::new());
        }
        let rows: Vec<(i64, i64)> = sqlx::query_as(
            "SELECT op.promotion_id, COUNT(*) FROM order_promotions op
             JOIN orders o ON o.id = op.order_id
             WHERE o.status NOT IN ('cancelled', 'expired')
               AND (o.customer_id = $1 OR LOWER(o.email) = $2)
             GROUP BY op.promotion_id",
        )
        .bind(who.customer)
        .bind(who.email.map(str::to_lowercase))
        .fetch_all(e)
        .await?;
        Ok(rows
            .into_iter()
            .map(|(id, n)| (id, n.max(0) as u32))
            .collect())
    }

    /// Prices a cart read with [`super::carts::read_cart`] (whose coupon
    /// code it carries) for its owner.
    pub(super) async fn price_cart(&self, cart: &mut Cart, owner: &CartOwner) -> BackendResult<()> {
        let code = cart.pricing.coupon.take().map(|c| c.code);
        if cart.lines.is_empty() && code.is_none() {
            return Ok(());
        }
        let all = self.promotions().await?;
        let customer = match owner {
            CartOwner::Customer(id) => Some(*id),
            CartOwner::Guest(_) => None,
        };
        // Every page of a shopper with a cart prices it: the customer's
        // uses are read only when a promotion that may apply to this cart
        // (an automatic one, or the cart's own code) limits them.
        let wanted = code.as_deref().and_then(parse_code);
        let limited = all
            .iter()
            .any(|p| p.per_customer.is_some() && (p.code.is_none() || p.code == wanted));
        let uses = if limited && customer.is_some() {
            Self::uses_by(
                &self.pool,
                Shopper {
                    customer,
                    email: None,
                },
            )
            .await?
        } else {
            HashMap::new()
        };
        let (using, refused) = in_force(&all, now(), &uses, code.as_deref());
        let fee = self.pickup_fee_of(cart).await?;
        cart.pricing = price_with_fee(
            &cart.priceable(),
            fee,
            &using,
            code.as_deref().map(|c| (c, refused)),
        );
        Ok(())
    }

    /// The fee the cart's pickup store charges, when it has pickup lines.
    async fn pickup_fee_of(&self, cart: &Cart) -> BackendResult<i64> {
        let Some(store) = cart
            .pickup_store
            .as_ref()
            .filter(|_| cart.has(Fulfilment::Pickup))
        else {
            return Ok(0);
        };
        Ok(self
            .directory()
            .await?
            .get(&store.slug)
            .map_or(0, |s| s.pickup_fee))
    }

    /// Prices an order's lines in its transaction and takes a use of each
    /// promotion it gets; refuses a coupon that cannot be used and, when the
    /// shopper was shown `expected` (minor units), any other total.
    pub(super) async fn take_promotions(
        tx: &mut Tx<'_>,
        lines: &[Priceable<'_>],
        pickup_fee: i64,
        code: Option<&str>,
        who: Shopper<'_>,
        expected: Option<i64>,
    ) -> BackendResult<Pricing> {
        let all = Self::load_promotions(&mut **tx).await?;
        let uses = Self::uses_by(&mut **tx, who).await?;
        let (using, refused) = in_force(&all, now(), &uses, code);
        if let (Some(code), Some(why)) = (code, refused.filter(|r| r.is_final())) {
            return Err(Problem::CouponRefused {
                code: code.to_string(),
                why,
            }
            .into());
        }
        let pricing = price_with_fee(lines, pickup_fee, &using, code.map(|c| (c, refused)));
        if expected.is_some_and(|e| e != pricing.total) {
            return Err(Problem::PricesChanged.into());
        }
        // In id order: two orders taking the same promotions lock their
        // rows in the same order (no deadlock on PostgreSQL).
        let mut taking: Vec<&Discount> = pricing.discounts.iter().collect();
        taking.sort_by_key(|d| d.promotion);
        for d in taking {
            let taken = sqlx::query(
                "UPDATE promotions SET used = used + 1
                 WHERE id = $1 AND (total_limit IS NULL OR used < total_limit)",
            )
            .bind(d.promotion)
            .execute(&mut **tx)
            .await?;
            if taken.rows_affected() == 0 {
                // Another order took the last use since this one read it.
                return Err(match &d.code {
                    Some(code) => Problem::CouponRefused {
                        code: code.clone(),
                        why: CouponRefusal::RanOut,
                    },
                    None => Problem::PricesChanged,
                }
                .into());
            }
        }
        Ok(pricing)
    }

    /// Records which promotions order `number` used (after it is inserted).
    pub(super) async fn note_promotions(
        tx: &mut Tx<'_>,
        number: i64,
        pricing: &Pricing,
    ) -> BackendResult<()> {
        for d in &pricing.discounts {
            sqlx::query(
                "INSERT INTO order_promotions (order_id, promotion_id, name, code, amount)
                 VALUES ($1, $2, $3, $4, $5)",
            )
            .bind(number)
            .bind(d.promotion)
            .bind(&d.name)
            .bind(&d.code)
            .bind(d.minor)
            .execute(&mut **tx)
            .await?;
        }
        Ok(())
    }

    /// A cancelled or expired order gives its promotions' uses back.
    pub(super) async fn give_back_promotions(tx: &mut Tx<'_>, order: i64) -> BackendResult<()> {
        sqlx::query(
            "UPDATE promotions SET used = used - 1
             WHERE used > 0 AND id IN (SELECT promotion_id FROM order_promotions WHERE order_id = $1)",
        )
        .bind(order)
        .execute(&mut **tx)
        .await?;
        Ok(())
    }

    /// Nothing read about promotions before counts any more.
    pub(super) fn promotions_changed(&self) {
        self.promotions.changed();
    }

    /// Puts `code` on the owner's cart (or takes it off). See
    /// [`omnistore_components::backend::CartBackend::set_coupon`].
    pub(super) async fn put_coupon(
        &self,
        owner: &CartOwner,
        code: Option<&str>,
    ) -> BackendResult<Option<String>> {
        let code = match code {
            None => None,
            Some(typed) => {
                let refuse = |why| {
                    BackendError::from(Problem::CouponRefused {
                        code: typed.trim().chars().take(40).collect(),
                        why,
                    })
                };
                let code = parse_code(typed).ok_or_else(|| refuse(CouponRefusal::Unknown))?;
                let all = self.promotions().await?;
                let customer = match owner {
                    CartOwner::Customer(id) => Some(*id),
                    CartOwner::Guest(_) => None,
                };
                let uses = Self::uses_by(
                    &self.pool,
                    Shopper {
                        customer,
                        email: None,
                    },
                )
                .await?;
                if let (_, Some(why)) = in_force(&all, now(), &uses, Some(&code)) {
                    return Err(refuse(why));
                }
                Some(code)
            }
        };
        Ok(code)
    }

    /// Adds a promotion (the CLI's `promotion add`); its id.
    pub async fn add_promotion(&self, p: &Promotion) -> BackendResult<i64> {
        let (kind, value, pay) = offer_columns(p.offer);
        let id: i64 = sqlx::query_scalar(
            "INSERT INTO promotions (name, code, category, kind, value, pay, min_spend, starts_at,
                                     ends_at, per_customer, total_limit, created_at)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) RETURNING id",
        )
        .bind(&p.name)
        .bind(&p.code)
        .bind(&p.category)
        .bind(kind)
        .bind(value)
        .bind(pay)
        .bind(p.min_spend)
        .bind(p.starts_at)
        .bind(p.ends_at)
        .bind(p.per_customer.map(i64::from))
        .bind(p.limit.map(i64::from))
        .bind(now())
        .fetch_one(&self.pool)
        .await
        .map_err(|e| match e {
            sqlx::Error::Database(d) if d.is_unique_violation() => {
                BackendError::Unavailable(format!(
                    "the code {} is taken",
                    p.code.as_deref().unwrap_or_default()
                ))
            }
            other => other.into(),
        })?;
        self.promotions_changed();
        Ok(id)
    }

    /// Every promotion, oldest first (the CLI's `promotion list`).
    pub async fn all_promotions(&self) -> BackendResult<Vec<Promotion>> {
        Self::load_promotions(&self.pool).await
    }

    /// Ends a promotion at `at` (now, or earlier than its end). False when
    /// there is no such promotion.
    pub async fn end_promotion(&self, id: i64, at: i64) -> BackendResult<bool> {
        let done = sqlx::query(
            "UPDATE promotions SET ends_at = $1 WHERE id = $2 AND (ends_at IS NULL OR ends_at > $1)",
        )
        .bind(at)
        .bind(id)
        .execute(&self.pool)
        .await?;
        self.promotions_changed();
        Ok(done.rows_affected() > 0)
    }
}
