//! "Tell me when it is back at my store": a timer looks at the shelves that
//! customers wait for and, for each wish whose store has the variant again,
//! writes one e-mail to the outbox (which delivers it) in the customer's
//! language, clearing the alert in the same transaction.
//!
//! Stock is asked of the back end (on Vendure, its Admin API), one request
//! per store per round, so the round is not run on every stock change but
//! every `poll` (a minute by default).

use crate::email::{back_in_stock, BackInStockMail};
use crate::storage::SqlStore;
use omnistore_components::backend::Backend;
use omnistore_components::i18n::Locale;
use omnistore_components::model::VariantId;
use std::time::Duration;

/// At most this many alerts in one round; the rest wait for the next.
const ROUND: i64 = 500;

/// One round: how many e-mails were written. `public_url` makes the link
/// (the product page, on any device). A store whose stock cannot be read
/// now is left for the next round; the other stores' alerts go on.
pub async fn run_once(
    store: &SqlStore,
    backend: &Backend,
    public_url: &str,
) -> anyhow::Result<u32> {
    let pending = store.pending_stock_alerts(ROUND).await?;
    let mut written = 0;
    for group in pending.chunk_by(|a, b| a.store == b.store) {
        match store_round(store, backend, public_url, group).await {
            Ok(n) => written += n,
            Err(e) => tracing::warn!(store = %group[0].store, error = %e,
                "back-in-stock alerts of a store wait for the next round"),
        }
    }
    Ok(written)
}

/// The alerts of one store (`group`, all naming it).
async fn store_round(
    store: &SqlStore,
    backend: &Backend,
    public_url: &str,
    group: &[crate::storage::PendingAlert],
) -> anyhow::Result<u32> {
    let shop = &group[0].store;
    let Some(place) = backend.store_ref(shop).await? else {
        // A store that closed: nobody will see it come back there.
        for alert in group {
            store.drop_stock_alert(alert).await?;
        }
        return Ok(0);
    };
    let mut ids: Vec<VariantId> = Vec::with_capacity(group.len());
    for alert in group {
        match alert.variant_id.parse() {
            Ok(id) => ids.push(id),
            // No variant can ever have it: it would wait forever.
            Err(_) => store.drop_stock_alert(alert).await?,
        }
    }
    let stock = backend.store_stock(shop, &ids).await?;
    let mut written = 0;
    for alert in group {
        let back = stock
            .iter()
            .any(|(id, units)| id.as_str() == alert.variant_id && *units > 0);
        if !back {
            continue;
        }
        let locale = Locale::from_tag(&alert.locale).unwrap_or_default();
        let Some(product) = backend.product(locale, &alert.product_slug).await? else {
            // Gone from the catalog: it will not be back.
            store.drop_stock_alert(alert).await?;
            continue;
        };
        let mail = BackInStockMail {
            name: alert.name.clone(),
            product: product.name,
            store: place.name.clone(),
            city: place.city.clone(),
            link: format!(
                "{public_url}/p/{}?variant={}",
                alert.product_slug, alert.variant_id
            ),
        };
        let (subject, body) = back_in_stock(&mail, locale);
        if store.send_stock_alert(alert, &subject, &body).await? {
            written += 1;
        }
    }
    Ok(written)
}

/// Starts the rounds for the life of the process, one every `poll`.
pub fn spawn(store: SqlStore, backend: Backend, public_url: String, poll: Duration) {
    tokio::spawn(async move {
        loop {
            match run_once(&store, &backend, &public_url).await {
                Ok(0) => {}
                Ok(n) => tracing::info!(written = n, "back-in-stock e-mails written"),
                Err(e) => tracing::warn!(error = %e, "back-in-stock round failed; will retry"),
            }
            tokio::time::sleep(poll).await;
        }
    });
}
