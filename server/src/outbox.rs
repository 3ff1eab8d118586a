//! Delivers the notifications that order changes write to the outbox table
//! (in the same transaction as the change), and expires uncollected orders.
//! Runs as background tasks next to the web server.
//!
//! Delivery writes each message as an `.eml` file into the mail directory;
//! a mail relay or a test reads them there. A message is marked sent only
//! after its file is written, so a crash delivers it again, never loses it.

use crate::storage::SqliteStore;
use omnistore_components::backend::OrderBackend;
use std::path::{Path, PathBuf};
use std::time::Duration;

/// Writes every unsent message to `dir`; how many were delivered.
pub async fn deliver(store: &SqliteStore, dir: &Path) -> anyhow::Result<u32> {
    let pending: Vec<(i64, String, String, String, i64)> = sqlx::query_as(
        "SELECT id, recipient, subject, body, created_at FROM outbox WHERE sent_at IS NULL ORDER BY id LIMIT 100",
    )
    .fetch_all(store.pool())
    .await?;
    if pending.is_empty() {
        return Ok(0);
    }
    tokio::fs::create_dir_all(dir).await?;
    let mut sent = 0;
    for (id, to, subject, body, at) in pending {
        let date = chrono::DateTime::from_timestamp(at, 0)
            .unwrap_or_default()
            .to_rfc2822();
        // Header values come from our own templates and validated e-mail
        // addresses; line breaks are removed all the same.
        let clean = |s: &str| s.replace(['\r', '\n'], " ");
        let message = format!(
            "From: omnistore <orders@omnistore.invalid>\r\nTo: {}\r\nSubject: {}\r\nDate: {date}\r\nMessage-ID: <outbox-{id}@omnistore.invalid>\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n{}",
            clean(&to),
            clean(&subject),
            body.replace('\n', "\r\n")
        );
        let path = dir.join(format!("{id:08}.eml"));
        match tokio::fs::write(&path, message).await {
            Ok(()) => {
                sqlx::query("UPDATE outbox SET sent_at = ?, attempts = attempts + 1 WHERE id = ?")
                    .bind(chrono::Utc::now().timestamp())
                    .bind(id)
                    .execute(store.pool())
                    .await?;
                sent += 1;
            }
            Err(e) => {
                sqlx::query(
                    "UPDATE outbox SET attempts = attempts + 1, last_error = ? WHERE id = ?",
                )
                .bind(e.to_string())
                .bind(id)
                .execute(store.pool())
                .await?;
            }
        }
    }
    Ok(sent)
}

/// Starts the outbox and expiry loops for the life of the process.
pub fn spawn(store: SqliteStore, mail_dir: PathBuf) {
    let s = store.clone();
    tokio::spawn(async move {
        loop {
            if let Err(e) = deliver(&s, &mail_dir).await {
                tracing::warn!(error = %e, "outbox delivery failed; will retry");
            }
            tokio::time::sleep(Duration::from_secs(2)).await;
        }
    });
    tokio::spawn(async move {
        loop {
            match store.expire_orders(chrono::Utc::now().timestamp()).await {
                Ok(0) => {}
                Ok(n) => tracing::info!(expired = n, "expired uncollected orders"),
                Err(e) => tracing::warn!(error = %e, "order expiry failed; will retry"),
            }
            tokio::time::sleep(Duration::from_secs(60)).await;
        }
    });
}
