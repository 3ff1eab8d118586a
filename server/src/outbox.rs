//! Delivers the notifications that order changes write to the outbox table
//! (in the same transaction as the change). Runs as a background task next to
//! the web server.
//!
//! Messages are built and sent with lettre: to an SMTP server when one is
//! configured (`--smtp`, see [`Sink::smtp`]), else as `.eml` files in the
//! mail directory. A message is marked sent only after the server accepted
//! it or its file is written, so a crash delivers it again, never loses it.

use crate::storage::SqlStore;
use lettre::message::header::{ContentType, HeaderName, HeaderValue};
use lettre::message::Mailbox;
use lettre::{AsyncFileTransport, AsyncSmtpTransport, AsyncTransport, Message, Tokio1Executor};
use std::path::PathBuf;
use std::time::{Duration, SystemTime};

/// Where messages go.
#[derive(Clone, Debug)]
pub enum Sink {
    /// One `.eml` file per message in this folder.
    Dir(PathBuf),
    /// An SMTP server.
    Smtp(AsyncSmtpTransport<Tokio1Executor>),
}

/// The outbox's sender.
pub const FROM: &str = "omnistore <orders@omnistore.invalid>";

impl Sink {
    /// An SMTP server from `--smtp`: a URL as lettre reads it
    /// (`smtp://user:pass@host:587?tls=required` for STARTTLS with
    /// authentication, `smtps://…` for TLS from the start), or a bare
    /// `host:port` for a local relay taking plain SMTP.
    pub fn smtp(spec: &str) -> anyhow::Result<Sink> {
        let url = if spec.contains("://") {
            spec.to_string()
        } else {
            format!("smtp://{spec}")
        };
        let transport = AsyncSmtpTransport::<Tokio1Executor>::from_url(&url)?
            .timeout(Some(Duration::from_secs(20)))
            .build();
        Ok(Sink::Smtp(transport))
    }

    async fn send(&self, message: Message) -> anyhow::Result<()> {
        match self {
            Sink::Dir(dir) => {
                tokio::fs::create_dir_all(dir).await?;
                AsyncFileTransport::<Tokio1Executor>::new(dir)
                    .send(message)
                    .await?;
            }
            Sink::Smtp(smtp) => {
                smtp.send(message).await?;
            }
        }
        Ok(())
    }
}

/// The message for one outbox row. Names and subjects in any language are
/// encoded by lettre (RFC 2047 words in headers, a transfer encoding for
/// the body).
pub fn message(
    id: i64,
    to: &str,
    name: Option<&str>,
    subject: &str,
    body: &str,
    at: i64,
    unsubscribe: Option<&str>,
) -> anyhow::Result<Message> {
    let date = SystemTime::UNIX_EPOCH + Duration::from_secs(u64::try_from(at).unwrap_or(0));
    let mut builder = Message::builder();
    if let Some(url) = unsubscribe {
        // RFC 2369 and RFC 8058: mail clients offer their own button, which
        // POSTs `List-Unsubscribe=One-Click` to the URL.
        builder = builder
            .raw_header(HeaderValue::new(
                HeaderName::new_from_ascii_str("List-Unsubscribe"),
                format!("<{url}>"),
            ))
            .raw_header(HeaderValue::new(
                HeaderName::new_from_ascii_str("List-Unsubscribe-Post"),
                "List-Unsubscribe=One-Click".into(),
            ));
    }
    Ok(builder
        .from(FROM.parse()?)
        .to(Mailbox::new(name.map(str::to_string), to.parse()?))
        .subject(subject)
        .date(date)
        .message_id(Some(format!("<outbox-{id}@omnistore.invalid>")))
        .header(ContentType::TEXT_PLAIN)
        .body(body.to_string())?)
}

/// How long an instance's claim on a message lasts: longer than any send
/// takes, so a claim this old is of an instance that died mid-send.
const CLAIM_SECS: i64 = 60;

/// Delivers every unsent message that no other instance is sending; how
/// many were delivered. A message is claimed (a conditional update: one
/// instance wins) before it is sent, so each is sent once, unless an
/// instance dies between sending and marking it sent (then once more).
pub async fn deliver(store: &SqlStore, sink: &Sink) -> anyhow::Result<u32> {
    type Row = (
        i64,
        String,
        Option<String>,
        String,
        String,
        i64,
        Option<String>,
    );
    let now = chrono::Utc::now().timestamp();
    let pending: Vec<Row> = sqlx::query_as(
        "SELECT m.id, m.recipient, o.name, m.subject, m.body, m.created_at, m.unsubscribe
         FROM outbox m LEFT JOIN orders o ON o.id = m.order_id
         WHERE m.sent_at IS NULL AND (m.claimed_at IS NULL OR m.claimed_at < $1)
         ORDER BY m.id LIMIT 100",
    )
    .bind(now - CLAIM_SECS)
    .fetch_all(store.pool())
    .await?;
    let mut sent = 0;
    for (id, to, name, subject, body, at, unsubscribe) in pending {
        let claimed = sqlx::query(
            "UPDATE outbox SET claimed_at = $1
             WHERE id = $2 AND sent_at IS NULL AND (claimed_at IS NULL OR claimed_at < $3)",
        )
        .bind(chrono::Utc::now().timestamp())
        .bind(id)
        .bind(now - CLAIM_SECS)
        .execute(store.pool())
        .await?;
        if claimed.rows_affected() != 1 {
            continue;
        }
        let outcome = match message(
            id,
            &to,
            name.as_deref(),
            &subject,
            &body,
            at,
            unsubscribe.as_deref(),
        ) {
            Ok(m) => sink.send(m).await,
            Err(e) => Err(e),
        };
        match outcome {
            Ok(()) => {
                sqlx::query(
                    "UPDATE outbox SET sent_at = $1, attempts = attempts + 1 WHERE id = $2",
                )
                .bind(chrono::Utc::now().timestamp())
                .bind(id)
                .execute(store.pool())
                .await?;
                sent += 1;
            }
            Err(e) => {
                sqlx::query(
                    "UPDATE outbox SET attempts = attempts + 1, last_error = $1, claimed_at = NULL
                     WHERE id = $2",
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

/// Starts the delivery loop for the life of the process.
pub fn spawn(store: SqlStore, sink: Sink) {
    tokio::spawn(async move {
        loop {
            if let Err(e) = deliver(&store, &sink).await {
                tracing::warn!(error = %e, "outbox delivery failed; will retry");
            }
            tokio::time::sleep(Duration::from_secs(2)).await;
        }
    });
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::email::{order_status, OrderMail};
    use mailparse::MailHeaderMap;
    use omnistore_components::i18n::Locale;
    use omnistore_components::model::{Money, OrderStatus};
    use tokio::io::{AsyncBufReadExt, AsyncWriteExt, BufReader};

    /// A relay that accepts one message and returns the recipient and the
    /// DATA it got.
    async fn fake_relay(
        reply_to_mail: &'static str,
    ) -> (String, tokio::task::JoinHandle<(String, String)>) {
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let addr = listener.local_addr().unwrap().to_string();
        let task = tokio::spawn(async move {
            let (stream, _) = listener.accept().await.unwrap();
            let (read, mut write) = stream.into_split();
            let mut lines = BufReader::new(read).lines();
            write.write_all(b"220 fake ESMTP\r\n").await.unwrap();
            let (mut rcpt, mut data, mut in_data) = (String::new(), String::new(), false);
            while let Ok(Some(line)) = lines.next_line().await {
                if in_data {
                    if line == "." {
                        in_data = false;
                        write.write_all(b"250 queued\r\n").await.unwrap();
                    } else {
                        data.push_str(&line);
                        data.push_str("\r\n");
                    }
                } else if line.starts_with("EHLO") {
                    write
                        .write_all(b"250-fake\r\n250 8BITMIME\r\n")
                        .await
                        .unwrap();
                } else if line.starts_with("MAIL FROM") {
                    write.write_all(reply_to_mail.as_bytes()).await.unwrap();
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

    fn order_mail(locale: Locale) -> Message {
        let mail = OrderMail {
            number: 7,
            name: "Zofia Łukasiewicz".into(),
            status: OrderStatus::Placed,
            pickup: None,
            total: Money::pln(4_999),
        };
        let (subject, body) = order_status(&mail, locale);
        message(
            7,
            "zofia@example.com",
            Some(&mail.name),
            &subject,
            &body,
            0,
            None,
        )
        .unwrap()
    }

    #[test]
    fn a_reminder_carries_one_click_unsubscribe_headers() {
        let url = "https://shop.example/unsubscribe?token=abc";
        let m = message(8, "zofia@example.com", None, "s", "b", 0, Some(url)).unwrap();
        let raw = m.formatted();
        let parsed = mailparse::parse_mail(&raw).unwrap();
        assert_eq!(
            parsed.headers.get_first_value("List-Unsubscribe").unwrap(),
            format!("<{url}>")
        );
        assert_eq!(
            parsed
                .headers
                .get_first_value("List-Unsubscribe-Post")
                .unwrap(),
            "List-Unsubscribe=One-Click"
        );
        let plain = message(9, "zofia@example.com", None, "s", "b", 0, None).unwrap();
        let raw = plain.formatted();
        let parsed = mailparse::parse_mail(&raw).unwrap();
        assert!(parsed.headers.get_first_value("List-Unsubscribe").is_none());
    }

    #[tokio::test]
    async fn an_smtp_server_gets_the_message_with_its_subject_encoded() {
        let (addr, relay) = fake_relay("250 ok\r\n").await;
        Sink::smtp(&addr)
            .unwrap()
            .send(order_mail(Locale::Pl))
            .await
            .unwrap();
        let (rcpt, data) = relay.await.unwrap();
        assert_eq!(rcpt, "<zofia@example.com>");
        // Encoded on the wire, decoded by a mail reader.
        assert!(data.is_ascii(), "{data}");
        let parsed = mailparse::parse_mail(data.as_bytes()).unwrap();
        assert_eq!(
            parsed.headers.get_first_value("Subject").unwrap(),
            "Zamówienie nr 7 zostało złożone"
        );
        assert!(parsed
            .get_body()
            .unwrap()
            .starts_with("Dzień dobry, Zofia Łukasiewicz,"));
    }

    #[tokio::test]
    async fn a_refusing_server_is_an_error() {
        let (addr, _relay) = fake_relay("554 no service\r\n").await;
        let e = Sink::smtp(&addr)
            .unwrap()
            .send(order_mail(Locale::En))
            .await
            .unwrap_err();
        assert!(
            e.to_string().contains("554") || e.to_string().contains("permanent"),
            "{e}"
        );
    }

    #[tokio::test]
    async fn the_mail_folder_gets_files_a_reader_decodes() {
        let dir = std::env::temp_dir().join(format!("omnistore-mail-{}", std::process::id()));
        let sink = Sink::Dir(dir.clone());
        for l in Locale::ALL {
            sink.send(order_mail(l)).await.unwrap();
        }
        let mut subjects = Vec::new();
        for entry in std::fs::read_dir(&dir).unwrap() {
            let raw = std::fs::read(entry.unwrap().path()).unwrap();
            let parsed = mailparse::parse_mail(&raw).unwrap();
            subjects.push(parsed.headers.get_first_value("Subject").unwrap());
            let to = parsed.headers.get_first_value("To").unwrap();
            assert!(to.contains("Zofia Łukasiewicz"), "{to}");
        }
        std::fs::remove_dir_all(&dir).unwrap();
        subjects.sort();
        let mut want: Vec<String> = Locale::ALL
            .iter()
            .map(|&l| {
                let m = OrderMail {
                    number: 7,
                    name: String::new(),
                    status: OrderStatus::Placed,
                    pickup: None,
                    total: Money::pln(0),
                };
                order_status(&m, l).0
            })
            .collect();
        want.sort();
        assert_eq!(subjects, want);
    }
}
