//! Housekeeping on a timer: uncollected pickup orders expire (releasing
//! their stock and telling the customer), and ended kiosk tokens are
//! forgotten once no cookie can carry them.

use crate::storage::SqlStore;
use omnistore_components::backend::Backend;
use std::time::Duration;

/// Starts the loop for the life of the process; it runs once a minute.
/// Orders expire through the back end (on Vendure, the Vendure order is
/// cancelled too); kiosk tokens are omnistore's own.
pub fn spawn(store: SqlStore, orders: Backend) {
    tokio::spawn(async move {
        loop {
            match orders.expire_orders(chrono::Utc::now().timestamp()).await {
                Ok(0) => {}
                Ok(n) => tracing::info!(expired = n, "expired uncollected orders"),
                Err(e) => tracing::warn!(error = %e, "order expiry failed; will retry"),
            }
            if let Err(e) = store.forget_ended_tokens().await {
                tracing::warn!(error = %e, "forgetting ended kiosk tokens failed; will retry");
            }
            tokio::time::sleep(Duration::from_secs(60)).await;
        }
    });
}
