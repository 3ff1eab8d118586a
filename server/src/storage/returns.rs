//! Returns on the built-in back end (the rules: `model::returns`).
//!
//! Starting a return takes its units under the order's lock, so two forms
//! sent at once from two devices never give back the same unit; what it
//! gives back is fixed then, and shown. Accepting it is one conditional
//! UPDATE (`status = 'open'` → `'accepted'`), so a double press at the desk
//! or two desks at once accept it once: the units go back on a shelf, the
//! spent points come back and the earned ones are taken back, and the
//! e-mail is written, all in that transaction. The money goes back through
//! the payment provider after the commit (no lock held while it answers);
//! a refund it did not take stays pending, and accepting again retries it
//! with the same key, which the provider refunds once.

use super::loyalty::Move;
use super::orders::pickup_code;
use super::{now, SqlStore};
use async_trait::async_trait;
use chrono::TimeZone;
use omnistore_components::backend::{hash_token, BackendResult, OrderViewer, ReturnBackend};
use omnistore_components::i18n::{Locale, Msg};
use omnistore_components::model::{
    is_valid_op_key, parse_return_code, points_earned, points_to_reverse, refund_share,
    units_value, AcceptedReturn, Fulfilment, Money, OrderMoney, PointsKind, Problem, RefundState,
    ReturnLineView, ReturnMethod, ReturnRequest, ReturnView, ReturnableLine, RETURN_CODE_PREFIX,
    RETURN_DAYS,
};
use sqlx::{Any, Row, Transaction};

type Tx<'a> = Transaction<'a, Any>;

const DAY: i64 = 24 * 3600;

/// An order line with what returns took of it already.
struct LineLeft {
    variant: i64,
    fulfilment: Fulfilment,
    quantity: u32,
    /// Price after promotions, minor units.
    net: i64,
    name: String,
    label: String,
    /// Units in returns (started or accepted).
    returned: u32,
    /// When it reached the shopper (unix seconds), if it did.
    received: Option<i64>,
}

impl LineLeft {
    fn left(&self) -> u32 {
        self.quantity.saturating_sub(self.returned)
    }

    fn display_name(&self) -> String {
        if self.label.is_empty() {
            self.name.clone()
        } else {
            format!("{} ({})", self.name, self.label)
        }
    }
}

/// The lines of an order in the order page's order (the index a return
/// form names), with what is left of each.
async fn lines_left<'e, E>(db: E, order: i64) -> BackendResult<Vec<LineLeft>>
where
    E: sqlx::Executor<'e, Database = Any>,
{
    let rows = sqlx::query(
        "SELECT ol.variant_id, ol.fulfilment, ol.quantity, ol.unit_price, ol.discount,
                ol.product_name, ol.variant_label,
                CAST(COALESCE((SELECT SUM(rl.quantity) FROM return_lines rl
                          JOIN returns r ON r.id = rl.return_id
                          WHERE r.order_id = ol.order_id AND rl.variant_id = ol.variant_id
                            AND rl.fulfilment = ol.fulfilment), 0) AS BIGINT) AS returned,
                CASE WHEN ol.fulfilment = 'pickup'
                     THEN (CASE WHEN o.status = 'collected'
                                THEN COALESCE(o.collected_at, o.updated_at) END)
                     ELSE o.delivered_at END AS received
         FROM order_lines ol JOIN orders o ON o.id = ol.order_id
         WHERE ol.order_id = $1 AND o.payment != 'declined'
         ORDER BY ol.fulfilment, ol.product_name, ol.variant_label, ol.variant_id",
    )
    .bind(order)
    .fetch_all(db)
    .await?;
    Ok(rows
        .iter()
        .map(|r| {
            let quantity = r.get::<i64, _>("quantity") as u32;
            LineLeft {
                variant: r.get("variant_id"),
                fulfilment: Fulfilment::parse(r.get("fulfilment")).unwrap_or_default(),
                quantity,
                net: r.get::<i64, _>("unit_price") * i64::from(quantity)
                    - r.get::<i64, _>("discount"),
                name: r.get("product_name"),
                label: r.get("variant_label"),
                returned: r.get::<i64, _>("returned").max(0) as u32,
                received: r.get("received"),
            }
        })
        .collect())
}

fn open_until(received: i64, at: i64) -> bool {
    at <= received + RETURN_DAYS * DAY
}

fn warsaw(secs: i64, format: &str) -> String {
    chrono_tz::Europe::Warsaw
        .timestamp_opt(secs, 0)
        .single()
        .map(|t| t.format(format).to_string())
        .unwrap_or_default()
}

/// How an order was paid.
struct OrderPay {
    payment: String,
    /// What it charged for its goods: the total less the pickup fee it
    /// paid (a service given, not returned).
    total: i64,
    points: i64,
}

async fn order_pay(tx: &mut Tx<'_>, order: i64) -> BackendResult<OrderPay> {
    let r = sqlx::query(
        "SELECT payment, total - pickup_fee AS goods, points_redeemed FROM orders
         WHERE id = $1",
    )
    .bind(order)
    .fetch_one(&mut **tx)
    .await?;
    Ok(OrderPay {
        payment: r.get("payment"),
        total: r.get::<i64, _>("goods").max(0),
        points: r.get("points_redeemed"),
    })
}

impl SqlStore {
    /// What of order `order` can still be returned, the last day to start
    /// a return of it, and whether that must be at a store; for the order
    /// page.
    pub(super) async fn returnable(
        &self,
        order: i64,
        payment: &str,
    ) -> BackendResult<(Vec<ReturnableLine>, Option<String>, bool)> {
        let at = now();
        let lines = lines_left(&self.pool, order).await?;
        let mut until: Option<i64> = None;
        let mut out = Vec::new();
        for (i, l) in lines.iter().enumerate() {
            let Some(received) = l.received.filter(|r| open_until(*r, at)) else {
                continue;
            };
            if l.left() == 0 {
                continue;
            }
            let last = received + RETURN_DAYS * DAY;
            until = Some(until.map_or(last, |u| u.min(last)));
            out.push(ReturnableLine {
                index: i as u32,
                product_name: l.name.clone(),
                variant_label: l.label.clone(),
                left: l.left(),
            });
        }
        let at_store_only = !out.is_empty() && payment == "pay_at_pickup";
        Ok((out, until.map(|u| warsaw(u, "%Y-%m-%d")), at_store_only))
    }

    /// The returns started from order `order`, oldest first.
    pub(super) async fn returns_of(&self, order: i64) -> BackendResult<Vec<ReturnView>> {
        let codes: Vec<String> =
            sqlx::query_scalar("SELECT code FROM returns WHERE order_id = $1 ORDER BY id")
                .bind(order)
                .fetch_all(&self.pool)
                .await?;
        let mut out = Vec::with_capacity(codes.len());
        for code in codes {
            out.extend(self.return_view(&code).await?);
        }
        Ok(out)
    }

    async fn return_view(&self, code: &str) -> BackendResult<Option<ReturnView>> {
        let Some(r) = sqlx::query("SELECT * FROM returns WHERE code = $1")
            .bind(code)
            .fetch_optional(&self.pool)
            .await?
        else {
            return Ok(None);
        };
        let id: i64 = r.get("id");
        let lines = sqlx::query(
            "SELECT ol.product_name, ol.variant_label, rl.quantity FROM return_lines rl
             JOIN returns r ON r.id = rl.return_id
             JOIN order_lines ol ON ol.order_id = r.order_id AND ol.variant_id = rl.variant_id
                                AND ol.fulfilment = rl.fulfilment
             WHERE rl.return_id = $1 ORDER BY ol.product_name, ol.variant_label",
        )
        .bind(id)
        .fetch_all(&self.pool)
        .await?;
        let accepted = r.get::<String, _>("status") == "accepted";
        let refund_ref: Option<String> = r.get("refund_ref");
        let dir = self.directory().await?;
        let (qr_path, qr_size) = crate::qr::svg_path(code);
        Ok(Some(ReturnView {
            order: r.get("order_id"),
            code: code.to_string(),
            method: ReturnMethod::parse(r.get("method")).unwrap_or(ReturnMethod::Store),
            accepted,
            started_at: warsaw(r.get("created_at"), "%Y-%m-%d %H:%M"),
            lines: lines
                .iter()
                .map(|l| ReturnLineView {
                    product_name: l.get("product_name"),
                    variant_label: l.get("variant_label"),
                    quantity: l.get::<i64, _>("quantity") as u32,
                })
                .collect(),
            refund: Money::pln(r.get("refund")),
            points_back: r.get("points_back"),
            points_reversed: r.get("points_reversed"),
            refund_state: refund_state(accepted, refund_ref.as_deref()),
            accepted_at_store: r
                .get::<Option<i64>, _>("accepted_location_id")
                .and_then(|id| dir.by_id(id))
                .map(|s| s.name.clone()),
            qr_path,
            qr_size,
        }))
    }

    /// Sends an accepted return's money back through the provider, unless
    /// it went already (or was paid at the counter); the state after.
    async fn refund_through_provider(&self, code: &str) -> BackendResult<RefundState> {
        let row: Option<(i64, Option<String>, Option<String>)> = sqlx::query_as(
            "SELECT r.refund, r.refund_ref, o.payment_ref FROM returns r
             JOIN orders o ON o.id = r.order_id WHERE r.code = $1 AND r.status = 'accepted'",
        )
        .bind(code)
        .fetch_optional(&self.pool)
        .await?;
        let Some((refund, done, payment)) = row else {
            return Ok(RefundState::Waiting);
        };
        if let Some(done) = done {
            return Ok(refund_state(true, Some(&done)));
        }
        let Some(payment) = payment else {
            return Ok(RefundState::Pending);
        };
        match self
            .payments
            .refund(&payment, Money::pln(refund), code)
            .await
        {
            Ok(reference) => {
                sqlx::query(
                    "UPDATE returns SET refund_ref = $1 WHERE code = $2 AND refund_ref IS NULL",
                )
                .bind(reference)
                .bind(code)
                .execute(&self.pool)
                .await?;
                Ok(RefundState::Refunded)
            }
            Err(why) => {
                tracing::warn!(code, ?why, "refund not taken; stays pending");
                Ok(RefundState::Pending)
            }
        }
    }
}

fn refund_state(accepted: bool, refund_ref: Option<&str>) -> RefundState {
    match (accepted, refund_ref) {
        (false, _) => RefundState::Waiting,
        (true, Some("counter")) => RefundState::AtCounter,
        (true, Some(_)) => RefundState::Refunded,
        (true, None) => RefundState::Pending,
    }
}

/// The `refund_ref` an accepted return starts with: paid back at the
/// counter for an order paid at the store, nothing to send for a return
/// worth no money, else none yet (the provider's, after the commit).
const REFUND_REF_AT_ACCEPT: &str =
    "CASE WHEN (SELECT payment FROM orders WHERE id = returns.order_id)
                                        = 'pay_at_pickup' THEN 'counter'
                                   WHEN refund = 0 THEN 'nothing' END";

#[async_trait]
impl ReturnBackend for SqlStore {
    async fn start_return(
        &self,
        number: i64,
        viewer: &OrderViewer,
        req: &ReturnRequest,
    ) -> BackendResult<ReturnView> {
        if !is_valid_op_key(&req.key) {
            return Err(Problem::FormExpired.into());
        }
        let request_key = hash_token(&format!("return:{number}:{}", req.key));
        let mut tx = self.write_tx_locking(&[format!("order:{number}")]).await?;
        let mine: Option<i64> = sqlx::query_scalar(
            "SELECT id FROM orders WHERE id = $1
               AND ((customer_id IS NOT NULL AND customer_id = $2)
                 OR EXISTS (SELECT 1 FROM order_links k WHERE k.order_id = orders.id
                  AND k.token_hash = $3))",
        )
        .bind(number)
        .bind(viewer.customer)
        .bind(viewer.guest_key_hash.as_deref())
        .fetch_optional(&mut *tx)
        .await?;
        if mine.is_none() {
            return Err(Problem::NoSuchOrder.into());
        }
        let seen: Option<String> =
            sqlx::query_scalar("SELECT code FROM returns WHERE request_key = $1")
                .bind(&request_key)
                .fetch_optional(&mut *tx)
                .await?;
        if let Some(code) = seen {
            tx.commit().await?;
            return self
                .return_view(&code)
                .await?
                .ok_or_else(|| Problem::NoSuchReturn.into());
        }
        let pay = order_pay(&mut tx, number).await?;
        if req.method == ReturnMethod::Courier && pay.payment == "pay_at_pickup" {
            return Err(Problem::ReturnAtStoreOnly.into());
        }
        let lines = lines_left(&mut *tx, number).await?;
        let at = now();
        let mut chosen: Vec<(&LineLeft, u32)> = Vec::new();
        for &(index, units) in req.lines.iter().filter(|(_, u)| *u > 0) {
            let l = lines.get(index as usize).ok_or(Problem::NothingToReturn)?;
            let received = l.received.ok_or_else(|| Problem::NotReceivedYet {
                name: l.display_name(),
            })?;
            if !open_until(received, at) {
                return Err(Problem::ReturnTimeOver { days: RETURN_DAYS }.into());
            }
            let wanted = chosen
                .iter()
                .filter(|(c, _)| std::ptr::eq(*c, l))
                .map(|(_, u)| u)
                .sum::<u32>()
                + units;
            if wanted > l.left() {
                return Err(Problem::ReturnTooMany {
                    name: l.display_name(),
                    left: l.left(),
                }
                .into());
            }
            chosen.push((l, units));
        }
        if chosen.is_empty() {
            return Err(Problem::NothingToReturn.into());
        }
        let value: i64 = chosen
            .iter()
            .map(|(l, u)| units_value(l.net, l.quantity, *u))
            .sum();
        let units_left: u32 = lines.iter().map(LineLeft::left).sum();
        let units_now: u32 = chosen.iter().map(|(_, u)| u).sum();
        let before: (i64, i64) = sqlx::query_as(
            "SELECT CAST(COALESCE(SUM(refund), 0) AS BIGINT),
                    CAST(COALESCE(SUM(points_back), 0) AS BIGINT)
             FROM returns WHERE order_id = $1",
        )
        .bind(number)
        .fetch_one(&mut *tx)
        .await?;
        let order_money = OrderMoney {
            net: lines.iter().map(|l| l.net).sum(),
            charged: pay.total,
            points: pay.points,
        };
        let (refund, points_back) =
            refund_share(&order_money, value, before, units_now == units_left);
        let code = format!("{RETURN_CODE_PREFIX}{}", pickup_code());
        let id: i64 = sqlx::query_scalar(
            "INSERT INTO returns (order_id, code, method, status, request_key, refund,
                                  points_back, created_at)
             VALUES ($1, $2, $3, 'open', $4, $5, $6, $7) RETURNING id",
        )
        .bind(number)
        .bind(&code)
        .bind(req.method.as_str())
        .bind(&request_key)
        .bind(refund)
        .bind(points_back)
        .bind(at)
        .fetch_one(&mut *tx)
        .await?;
        // One row per line, however the form split it.
        let mut merged: Vec<(&LineLeft, u32)> = Vec::new();
        for (l, u) in chosen {
            match merged.iter_mut().find(|(m, _)| std::ptr::eq(*m, l)) {
                Some((_, n)) => *n += u,
                None => merged.push((l, u)),
            }
        }
        for (l, units) in merged {
            sqlx::query(
                "INSERT INTO return_lines (return_id, variant_id, fulfilment, quantity, refund)
                 VALUES ($1, $2, $3, $4, $5)",
            )
            .bind(id)
            .bind(l.variant)
            .bind(l.fulfilment.as_str())
            .bind(i64::from(units))
            .bind(units_value(l.net, l.quantity, units))
            .execute(&mut *tx)
            .await?;
        }
        tx.commit().await?;
        self.return_view(&code)
            .await?
            .ok_or_else(|| Problem::NoSuchReturn.into())
    }

    async fn find_return(&self, code: &str) -> BackendResult<Option<ReturnView>> {
        match parse_return_code(code) {
            Some(code) => self.return_view(&code).await,
            None => Ok(None),
        }
    }

    async fn accept_return(&self, store: &str, code: &str) -> BackendResult<AcceptedReturn> {
        let code = parse_return_code(code).ok_or(Problem::NoSuchReturn)?;
        let dir = self.directory().await?;
        let desk = dir
            .get(store)
            .ok_or_else(|| Problem::UnknownStore { slug: store.into() })?;
        let found: Option<(i64, Option<i64>, String)> = sqlx::query_as(
            "SELECT r.order_id, o.customer_id, r.method FROM returns r
             JOIN orders o ON o.id = r.order_id WHERE r.code = $1",
        )
        .bind(&code)
        .fetch_optional(&self.pool)
        .await?;
        let (order, customer, method) = found.ok_or(Problem::NoSuchReturn)?;
        let method = ReturnMethod::parse(&method).unwrap_or(ReturnMethod::Store);
        let mut locks = vec![format!("order:{order}")];
        locks.extend(customer.map(|c| format!("points:{c}")));
        let mut tx = self.write_tx_locking(&locks).await?;
        // Sent by courier, the items reach the online warehouse.
        let shelf = match method {
            ReturnMethod::Store => desk.id,
            ReturnMethod::Courier => self.online_location_id().await?,
        };
        let taken = sqlx::query(&format!(
            "UPDATE returns SET status = 'accepted', accepted_at = $1, accepted_location_id = $2,
                    refund_ref = {REFUND_REF_AT_ACCEPT}
             WHERE code = $3 AND status = 'open'"
        ))
        .bind(now())
        .bind(desk.id)
        .bind(&code)
        .execute(&mut *tx)
        .await?;
        let repeated = taken.rows_affected() == 0;
        if !repeated {
            let id: i64 = sqlx::query_scalar("SELECT id FROM returns WHERE code = $1")
                .bind(&code)
                .fetch_one(&mut *tx)
                .await?;
            sqlx::query(
                "INSERT INTO stock (location_id, variant_id, on_hand, reserved)
                 SELECT $1, variant_id, quantity, 0 FROM return_lines WHERE return_id = $2
                 ON CONFLICT (location_id, variant_id)
                 DO UPDATE SET on_hand = stock.on_hand + excluded.on_hand",
            )
            .bind(shelf)
            .bind(id)
            .execute(&mut *tx)
            .await?;
            if let Some(customer) = customer {
                Self::move_points_of_return(&mut tx, order, id, customer, method, store).await?;
            }
            Self::notify_return(&mut tx, &code).await?;
        }
        tx.commit().await?;
        if !repeated {
            // Units are back on sale.
            self.catalog.changed();
        }
        let state = self.refund_through_provider(&code).await?;
        let refund: i64 = sqlx::query_scalar("SELECT refund FROM returns WHERE code = $1")
            .bind(&code)
            .fetch_one(&self.pool)
            .await?;
        Ok(AcceptedReturn {
            code,
            refund: Money::pln(refund),
            refund_state: state,
            repeated,
        })
    }
}

impl SqlStore {
    /// The points of an accepted return: the spent ones it gives back, and
    /// the earned ones of what it returns taken back (down to a zero
    /// balance).
    async fn move_points_of_return(
        tx: &mut Tx<'_>,
        order: i64,
        id: i64,
        customer: i64,
        method: ReturnMethod,
        store: &str,
    ) -> BackendResult<()> {
        let (code, refund, points_back): (String, i64, i64) =
            sqlx::query_as("SELECT code, refund, points_back FROM returns WHERE id = $1")
                .bind(id)
                .fetch_one(&mut **tx)
                .await?;
        let channel = method.as_str();
        let store = (method == ReturnMethod::Store).then_some(store);
        Self::move_points(
            tx,
            Move {
                customer,
                kind: PointsKind::Returned,
                points: points_back,
                channel,
                order: Some(order),
                store,
                amount: None,
                key: format!("return-back:{code}"),
            },
        )
        .await?;
        // What the goods earned: the points of the pickup fee (kept, not
        // given back) stay.
        let earned: Option<i64> =
            sqlx::query_scalar("SELECT points FROM loyalty_entries WHERE entry_key = $1")
                .bind(format!("earn:{order}"))
                .fetch_optional(&mut **tx)
                .await?;
        let goods: i64 = sqlx::query_scalar("SELECT total - pickup_fee FROM orders WHERE id = $1")
            .bind(order)
            .fetch_one(&mut **tx)
            .await?;
        let earned = earned.map(|e| e.min(points_earned(goods)));
        // This return is accepted already, its points_reversed still 0.
        let (reversed, accepted_units, ordered): (i64, i64, i64) = sqlx::query_as(
            "SELECT
               CAST(COALESCE((SELECT SUM(points_reversed) FROM returns
                              WHERE order_id = $1 AND status = 'accepted'), 0) AS BIGINT),
               CAST(COALESCE((SELECT SUM(rl.quantity) FROM return_lines rl
                              JOIN returns r ON r.id = rl.return_id
                              WHERE r.order_id = $1 AND r.status = 'accepted'), 0) AS BIGINT),
               CAST(COALESCE((SELECT SUM(quantity) FROM order_lines WHERE order_id = $1), 0)
                    AS BIGINT)",
        )
        .bind(order)
        .fetch_one(&mut **tx)
        .await?;
        let balance = Self::balance_in(tx, customer).await?;
        let take = points_to_reverse(
            refund,
            earned.unwrap_or(0),
            reversed,
            accepted_units >= ordered,
            balance,
        );
        let moved = Self::move_points(
            tx,
            Move {
                customer,
                kind: PointsKind::Reversed,
                points: take,
                channel,
                order: Some(order),
                store,
                amount: Some(refund),
                key: format!("reverse:{code}"),
            },
        )
        .await?;
        if moved {
            sqlx::query("UPDATE returns SET points_reversed = $1 WHERE id = $2")
                .bind(take)
                .bind(id)
                .execute(&mut **tx)
                .await?;
        }
        Ok(())
    }

    /// Writes the "return accepted" e-mail, in the order's language.
    async fn notify_return(tx: &mut Tx<'_>, code: &str) -> BackendResult<()> {
        let r = sqlx::query(
            "SELECT o.id, o.email, o.name, o.locale, r.refund, r.refund_ref FROM returns r
             JOIN orders o ON o.id = r.order_id WHERE r.code = $1",
        )
        .bind(code)
        .fetch_one(&mut **tx)
        .await?;
        let locale = Locale::from_tag(r.get("locale")).unwrap_or_default();
        let amount = Money::pln(r.get("refund")).format(locale);
        let how = match r.get::<Option<String>, _>("refund_ref").as_deref() {
            Some("counter") => Msg::MailReturnCounter,
            _ => Msg::MailReturnRefunded,
        };
        let number: i64 = r.get("id");
        let (subject, body) = crate::email::return_accepted(
            &crate::email::ReturnMail {
                number,
                code: code.to_string(),
                name: r.get("name"),
                refund: how.fill(locale, &[("amount", &amount)]),
            },
            locale,
        );
        let email: String = r.get("email");
        super::queue_mail(tx, Some(number), &email, (&subject, &body), None).await?;
        Ok(())
    }
}
