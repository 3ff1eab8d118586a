//! Delivers the notifications that order changes write to the outbox table
//! (in the same transaction as the change), and expires uncollected orders.
//! Runs as background tasks next to the web server.
//!
//! Delivery sends each message to an SMTP relay when one is configured
//! (`--smtp host:port`: plain SMTP to a local relay such as Postfix, which
//! does TLS and authentication onwards), else writes it as an `.eml` file
//! into the mail directory. A message is marked sent only after the relay
//! accepted it or its file is written, so a crash delivers it again, never
//! loses it.

use crate::storage::SqliteStore;
use omnistore_components::backend::OrderBackend;
use std::path::PathBuf;
use std::time::Duration;

/// Where messages go.
#[derive(Clone, Debug)]
pub enum Sink {
    /// One `.eml` file per message in this folder.
    Dir(PathBuf),
    /// An SMTP relay ("host:port").
    Smtp(String),
}

const FROM: &str = "orders@omnistore.invalid";

/// Delivers every unsent message; how many were delivered.
pub async fn deliver(store: &SqliteStore, sink: &Sink) -> anyhow::Result<u32> {
    let pending: Vec<(i64, String, String, String, i64)> = sqlx::query_as(
        "SELECT id, recipient, subject, body, created_at FROM outbox WHERE sent_at IS NULL ORDER BY id LIMIT 100",
    )
    .fetch_all(store.pool())
    .await?;
    if pending.is_empty() {
        return Ok(0);
    }
    if let Sink::Dir(dir) = sink {
        tokio::fs::create_dir_all(dir).await?;
    }
    let mut sent = 0;
    for (id, to, subject, body, at) in pending {
        let date = chrono::DateTime::from_timestamp(at, 0)
            .unwrap_or_default()
            .to_rfc2822();
        // Header values come from our own templates and validated e-mail
        // addresses; line breaks are removed all the same.
        let clean = |s: &str| s.replace(['\r', '\n'], " ");
        let message = format!(
            "From: omnistore <{FROM}>\r\nTo: {}\r\nSubject: {}\r\nDate: {date}\r\nMessage-ID: <outbox-{id}@omnistore.invalid>\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n{}",
            clean(&to),
            clean(&subject),
            body.replace('\n', "\r\n")
        );
        let outcome = match sink {
            Sink::Dir(dir) => tokio::fs::write(dir.join(format!("{id:08}.eml")), message).await,
            Sink::Smtp(relay) => tokio::time::timeout(
                Duration::from_secs(20),
                smtp_send(relay, &clean(&to), &message),
            )
            .await
            .unwrap_or_else(|_| Err(std::io::Error::other("SMTP relay timed out"))),
        };
        match outcome {
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

/// Sends one message through an SMTP relay (RFC 5321, no extensions used).
pub async fn smtp_send(relay: &str, to: &str, message: &str) -> std::io::Result<()> {
    use tokio::io::{AsyncBufReadExt, AsyncWriteExt, BufReader};
    let stream = tokio::net::TcpStream::connect(relay).await?;
    let (read, mut write) = stream.into_split();
    let mut lines = BufReader::new(read).lines();
    // A reply is one or more lines; "250-…" continues, "250 …" ends it.
    async fn expect(
        lines: &mut tokio::io::Lines<BufReader<tokio::net::tcp::OwnedReadHalf>>,
        ok: &[&str],
    ) -> std::io::Result<()> {
        loop {
            let line = lines
                .next_line()
                .await?
                .ok_or_else(|| std::io::Error::other("SMTP relay closed the connection"))?;
            if line.len() >= 4 && &line[3..4] == "-" {
                continue;
            }
            return if ok.iter().any(|c| line.starts_with(c)) {
                Ok(())
            } else {
                Err(std::io::Error::other(format!("SMTP relay refused: {line}")))
            };
        }
    }
    expect(&mut lines, &["220"]).await?;
    for (command, ok) in [
        ("EHLO omnistore\r\n".to_string(), &["250"][..]),
        (format!("MAIL FROM:<{FROM}>\r\n"), &["250"][..]),
        (format!("RCPT TO:<{to}>\r\n"), &["250", "251"][..]),
        ("DATA\r\n".to_string(), &["354"][..]),
    ] {
        write.write_all(command.as_bytes()).await?;
        expect(&mut lines, ok).await?;
    }
    // Dot-stuffing: a line starting with "." gets another one.
    let body = message.replace("\r\n.", "\r\n..");
    write.write_all(body.as_bytes()).await?;
    write.write_all(b"\r\n.\r\n").await?;
    expect(&mut lines, &["250"]).await?;
    write.write_all(b"QUIT\r\n").await?;
    let _ = expect(&mut lines, &["221"]).await;
    Ok(())
}

/// Starts the outbox and expiry loops for the life of the process.
pub fn spawn(store: SqliteStore, sink: Sink) {
    let s = store.clone();
    tokio::spawn(async move {
        loop {
            if let Err(e) = deliver(&s, &sink).await {
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
            if let Err(e) = store.forget_ended_tokens().await {
                tracing::warn!(error = %e, "forgetting ended kiosk tokens failed; will retry");
            }
            tokio::time::sleep(Duration::from_secs(60)).await;
        }
    });
}

#[cfg(test)]
mod tests {
    use super::*;
    use tokio::io::{AsyncBufReadExt, AsyncWriteExt, BufReader};

    /// A relay that accepts one message and returns the DATA it got.
    async fn fake_relay() -> (String, tokio::task::JoinHandle<(String, String)>) {
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let addr = listener.local_addr().unwrap().to_string();
        let task = tokio::spawn(async move {
            let (stream, _) = listener.accept().await.unwrap();
            let (read, mut write) = stream.into_split();
            let mut lines = BufReader::new(read).lines();
            write.write_all(b"220 fake ESMTP\r\n").await.unwrap();
            let (mut rcpt, mut data, mut in_data) = (String::new(), String::new(), false);
            while let Some(line) = lines.next_line().await.unwrap() {
                if in_data {
                    if line == "." {
                        in_data = false;
                        write.write_all(b"250 queued\r\n").await.unwrap();
                    } else {
                        data.push_str(&line);
                        data.push('\n');
                    }
                } else if line.starts_with("EHLO") {
                    write
                        .write_all(b"250-fake\r\n250 8BITMIME\r\n")
                        .await
                        .unwrap();
                } else if let Some(to) = line.strip_prefix("RCPT TO:") {
                    rcpt = to.to_string();
                    write.write_all(b"250 ok\r\n").await.unwrap();
                } else if line == "DATA" {
                    in_data = true;
                    write.write_all(b"354 go on\r\n").await.unwrap();
                } else if line == "QUIT" {
                    write.write_all(b"221 bye\r\n").await.unwrap();
                    break;
                } else {
                    write.write_all(b"250 ok\r\n").await.unwrap();
                }
            }
            (rcpt, data)
        });
        (addr, task)
    }

    #[tokio::test]
    async fn smtp_relay_gets_the_message_dot_stuffed() {
        let (addr, relay) = fake_relay().await;
        let message = "Subject: Hi\r\n\r\nline one\r\n.hidden dot\r\nend";
        smtp_send(&addr, "ala@example.com", message).await.unwrap();
        let (rcpt, data) = relay.await.unwrap();
        assert_eq!(rcpt, "<ala@example.com>");
        assert!(data.contains("Subject: Hi"));
        assert!(data.contains("..hidden dot"), "{data}");
    }

    #[tokio::test]
    async fn a_refusing_relay_is_an_error() {
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let addr = listener.local_addr().unwrap().to_string();
        tokio::spawn(async move {
            let (mut s, _) = listener.accept().await.unwrap();
            s.write_all(b"554 no service\r\n").await.unwrap();
        });
        let e = smtp_send(&addr, "a@b.c", "x").await.unwrap_err();
        assert!(e.to_string().contains("554"));
    }
}
