//! Reminders through the outbox, in the customer's language:
//! - a cart left for a day by a customer who agreed to reminders gets one
//!   e-mail with its lines, a link that opens it on any device, and a
//!   one-click unsubscribe (a `List-Unsubscribe` header and a link); one per
//!   filled cart (an order empties it, and the next filling may be reminded
//!   of once more);
//! - an open pickup order gets "your slot is today" on the day of its slot,
//!   from 07:00 in the store's time zone (not when it was placed that day:
//!   its confirmation said it all).
//!
//! "Ready for pickup" is the order's own status e-mail (the staff desk's
//! "Mark ready"). A round runs every `poll`; each reminder is marked in the
//! transaction that writes it, so two instances never both send it.

use crate::email::{cart_reminder, slot_today, CartReminderMail, PickupMail};
use crate::storage::SqlStore;
use chrono::{TimeZone, Timelike};
use std::time::Duration;

/// How long a cart stays untouched before its reminder.
pub const CART_IDLE_SECS: i64 = 24 * 3600;

/// The earliest local hour a "today" reminder goes out.
const MORNING: u32 = 7;

/// At most this many reminders of each kind in one round.
const ROUND: i64 = 500;

/// The page a reminder's link opens, and the URL mail clients' own button
/// POSTs to (RFC 8058), for the holder of `token`.
pub fn unsubscribe_urls(public_url: &str, token: &str) -> (String, String) {
    (
        format!("{public_url}/unsubscribe?token={token}"),
        format!("{public_url}/api/v1/unsubscribe?token={token}"),
    )
}

/// One round at `now` (Unix seconds): how many e-mails were written.
pub async fn run_once(store: &SqlStore, public_url: &str, now: i64) -> anyhow::Result<u32> {
    let mut written = 0;
    for cart in store
        .due_cart_reminders(now - CART_IDLE_SECS, ROUND)
        .await?
    {
        let (page, one_click) = unsubscribe_urls(public_url, &cart.token);
        let mail = CartReminderMail {
            name: cart.name.clone(),
            lines: cart.lines.clone(),
            link: format!("{public_url}/cart"),
            unsubscribe: page,
        };
        let (subject, body) = cart_reminder(&mail, cart.locale);
        if store
            .send_cart_reminder(&cart, &subject, &body, &one_click)
            .await?
        {
            written += 1;
        }
    }
    for due in store.due_slot_reminders(now, now + 24 * 3600).await? {
        let tz: chrono_tz::Tz = due.tz.parse().unwrap_or(chrono_tz::Europe::Warsaw);
        let local = |t: i64| tz.timestamp_opt(t, 0).single();
        let (Some(at), Some(slot), Some(placed)) =
            (local(now), local(due.slot), local(due.created_at))
        else {
            continue;
        };
        if slot.date_naive() != at.date_naive() || at.hour() < MORNING {
            // Not the day yet, or too early in it: a later round.
            continue;
        }
        let mail = (placed.date_naive() < slot.date_naive()).then(|| {
            let pickup = PickupMail {
                store: due.store.clone(),
                street: due.street.clone(),
                city: due.city.clone(),
                slot: slot.format("%H:%M").to_string(),
                code: due.code.clone(),
            };
            slot_today(due.order, &due.name, &pickup, due.locale)
        });
        if store
            .send_slot_reminder(&due, mail.as_ref().map(|(s, b)| (s.as_str(), b.as_str())))
            .await?
        {
            written += 1;
        }
    }
    Ok(written)
}

/// Starts the rounds for the life of the process, one every `poll`.
pub fn spawn(store: SqlStore, public_url: String, poll: Duration) {
    tokio::spawn(async move {
        loop {
            let now = chrono::Utc::now().timestamp();
            match run_once(&store, &public_url, now).await {
                Ok(0) => {}
                Ok(n) => tracing::info!(written = n, "reminders written to the outbox"),
                Err(e) => tracing::warn!(error = %e, "a reminder round failed; will retry"),
            }
            tokio::time::sleep(poll).await;
        }
    });
}
