//! Customers, sessions, addresses and login throttling in SQLite.

use super::{now, OnConstraint, SqlStore};
use argon2::password_hash::{rand_core::OsRng, PasswordHash, SaltString};
use argon2::{Argon2, PasswordHasher, PasswordVerifier};
use async_trait::async_trait;
use omnistore_components::backend::{
    hash_token, new_token, AccountBackend, BackendError, BackendResult, CartOwner, Who,
    SESSION_MAX_AGE,
};
use omnistore_components::i18n::Locale;
use omnistore_components::model::Problem;
use omnistore_components::model::{Address, AddressId, Profile, SessionInfo};
use sqlx::Row;
use std::sync::OnceLock;

/// argon2id with the crate's defaults (19 MiB, 2 passes, 1 lane: the OWASP
/// minimum), on the blocking pool: a hash takes tens of milliseconds of CPU,
/// which must not stall the async workers serving pages.
pub(super) async fn hash_password(password: &str) -> BackendResult<String> {
    let password = password.to_owned();
    tokio::task::spawn_blocking(move || {
        let salt = SaltString::generate(&mut OsRng);
        Argon2::default()
            .hash_password(password.as_bytes(), &salt)
            .map(|h| h.to_string())
            .map_err(|e| BackendError::Unavailable(format!("password hashing: {e}")))
    })
    .await
    .map_err(|e| BackendError::Unavailable(e.to_string()))?
}

pub(super) async fn password_matches(password: &str, stored: String) -> BackendResult<bool> {
    let password = password.to_owned();
    tokio::task::spawn_blocking(move || {
        PasswordHash::new(&stored)
            .map(|parsed| {
                Argon2::default()
                    .verify_password(password.as_bytes(), &parsed)
                    .is_ok()
            })
            .unwrap_or(false)
    })
    .await
    .map_err(|e| BackendError::Unavailable(e.to_string()))
}

/// A real hash of nothing in particular: verified against when the e-mail is
/// unknown, so that a login for a missing account takes as long as one for
/// an existing account (no account discovery by timing).
fn decoy_hash() -> String {
    static DECOY: OnceLock<String> = OnceLock::new();
    DECOY
        .get_or_init(|| {
            let salt = SaltString::generate(&mut OsRng);
            Argon2::default()
                .hash_password(b"decoy password for timing", &salt)
                .map(|h| h.to_string())
                .unwrap_or_default()
        })
        .clone()
}

/// "Firefox on Linux"-style label from a User-Agent, for the sessions list.
fn device_label(ua: &str) -> String {
    let browser = [
        ("Edg/", "Edge"),
        ("OPR/", "Opera"),
        ("Firefox/", "Firefox"),
        ("Chrome/", "Chrome"),
        ("Safari/", "Safari"),
        ("curl/", "curl"),
    ]
    .iter()
    .find(|(k, _)| ua.contains(k))
    .map(|(_, v)| *v);
    let os = [
        ("Android", "Android"),
        ("iPhone", "iPhone"),
        ("iPad", "iPad"),
        ("Windows", "Windows"),
        ("Mac OS", "macOS"),
        ("Linux", "Linux"),
    ]
    .iter()
    .find(|(k, _)| ua.contains(k))
    .map(|(_, v)| *v);
    match (browser, os) {
        (Some(b), Some(o)) => format!("{b} · {o}"),
        (Some(b), None) => b.to_string(),
        (None, Some(o)) => o.to_string(),
        (None, None) => ua.chars().take(40).collect(),
    }
}

impl SqlStore {
    /// The id of a store by slug; `BadRequest` for an unknown one.
    async fn store_id(&self, slug: Option<&str>) -> BackendResult<Option<i64>> {
        let Some(slug) = slug else {
            return Ok(None);
        };
        sqlx::query_scalar("SELECT id FROM locations WHERE slug = $1 AND kind = 'store'")
            .bind(slug)
            .fetch_optional(&self.pool)
            .await?
            .map(Some)
            .ok_or_else(|| Problem::UnknownStore { slug: slug.into() }.into())
    }
}

/// Most addresses a customer keeps.
pub const MAX_ADDRESSES: i64 = 20;

impl SqlStore {
    /// omnistore's row of a commerce platform's customer: the one linked to
    /// it, else the row with its e-mail (now linked), else a new one. Its
    /// password is the platform's to check: the row's is a random secret.
    pub async fn platform_customer_row(
        &self,
        platform_id: &str,
        email: &str,
        name: &str,
        locale: Locale,
    ) -> BackendResult<i64> {
        let linked: Option<i64> =
            sqlx::query_scalar("SELECT id FROM customers WHERE platform_customer = $1")
                .bind(platform_id)
                .fetch_optional(&self.pool)
                .await?;
        if let Some(id) = linked {
            return Ok(id);
        }
        let hash = hash_password(&omnistore_components::backend::new_token()).await?;
        let mut tx = self.write_tx().await?;
        let by_email: Option<i64> = sqlx::query_scalar(
            "UPDATE customers SET platform_customer = $1 WHERE email = $2 AND platform_customer IS NULL
             RETURNING id",
        )
        .bind(platform_id)
        .bind(email)
        .fetch_optional(&mut *tx)
        .await?;
        let id = match by_email {
            Some(id) => id,
            None => sqlx::query_scalar(
                "INSERT INTO customers (email, name, password_hash, locale, created_at,
                                        platform_customer)
                 VALUES ($1, $2, $3, $4, $5, $6) RETURNING id",
            )
            .bind(email)
            .bind(name)
            .bind(hash)
            .bind(locale.tag())
            .bind(now())
            .bind(platform_id)
            .fetch_one(&mut *tx)
            .await
            .on_unique(|| Problem::EmailTaken)?,
        };
        tx.commit().await?;
        Ok(id)
    }

    /// The platform customer (id, e-mail) behind an omnistore customer;
    /// `None` for one of omnistore's own accounts (staff, say).
    pub async fn platform_customer_of(
        &self,
        customer: i64,
    ) -> BackendResult<Option<(String, String)>> {
        Ok(sqlx::query_as(
            "SELECT platform_customer, email FROM customers
             WHERE id = $1 AND platform_customer IS NOT NULL",
        )
        .bind(customer)
        .fetch_optional(&self.pool)
        .await?)
    }

    /// Whether `email` is one of omnistore's own accounts.
    pub async fn own_account(&self, email: &str) -> BackendResult<bool> {
        let found: Option<i64> = sqlx::query_scalar(
            "SELECT id FROM customers WHERE email = $1 AND platform_customer IS NULL",
        )
        .bind(email)
        .fetch_optional(&self.pool)
        .await?;
        Ok(found.is_some())
    }
}

#[async_trait]
impl AccountBackend for SqlStore {
    async fn register(
        &self,
        email: &str,
        name: &str,
        password: &str,
        locale: Locale,
    ) -> BackendResult<i64> {
        let hash = hash_password(password).await?;
        let mut tx = self.write_tx().await?;
        let id = sqlx::query_scalar(
            "INSERT INTO customers (email, name, password_hash, locale, created_at)
             VALUES ($1, $2, $3, $4, $5) RETURNING id",
        )
        .bind(email)
        .bind(name)
        .bind(hash)
        .bind(locale.tag())
        .bind(now())
        .fetch_one(&mut *tx)
        .await
        .on_unique(|| Problem::EmailTaken)?;
        tx.commit().await?;
        Ok(id)
    }

    async fn authenticate(&self, email: &str, password: &str) -> BackendResult<Option<i64>> {
        let row: Option<(i64, String)> =
            sqlx::query_as("SELECT id, password_hash FROM customers WHERE email = $1")
                .bind(email)
                .fetch_optional(&self.pool)
                .await?;
        match row {
            Some((id, hash)) => Ok(password_matches(password, hash).await?.then_some(id)),
            None => {
                password_matches(password, decoy_hash()).await?;
                Ok(None)
            }
        }
    }

    async fn verify_password(&self, customer: i64, password: &str) -> BackendResult<bool> {
        let hash: Option<String> =
            sqlx::query_scalar("SELECT password_hash FROM customers WHERE id = $1")
                .bind(customer)
                .fetch_optional(&self.pool)
                .await?;
        match hash {
            Some(h) => password_matches(password, h).await,
            None => Ok(false),
        }
    }

    async fn set_password(
        &self,
        customer: i64,
        _current: &str,
        password: &str,
        keep: &str,
    ) -> BackendResult<()> {
        let hash = hash_password(password).await?;
        let mut tx = self.write_tx().await?;
        sqlx::query("UPDATE customers SET password_hash = $1 WHERE id = $2")
            .bind(hash)
            .bind(customer)
            .execute(&mut *tx)
            .await?;
        sqlx::query("DELETE FROM sessions WHERE customer_id = $1 AND token_hash <> $2")
            .bind(customer)
            .bind(keep)
            .execute(&mut *tx)
            .await?;
        Ok(tx.commit().await?)
    }

    async fn profile(&self, customer: i64) -> BackendResult<Option<Profile>> {
        let row = sqlx::query(
            "SELECT c.id, c.email, c.name, c.locale, l.slug AS store
             FROM customers c LEFT JOIN locations l ON l.id = c.preferred_store_id
             WHERE c.id = $1",
        )
        .bind(customer)
        .fetch_optional(&self.pool)
        .await?;
        Ok(row.as_ref().and_then(profile_of))
    }

    async fn update_profile(
        &self,
        customer: i64,
        name: &str,
        email: &str,
        locale: Locale,
        store: Option<&str>,
    ) -> BackendResult<()> {
        // The store is checked first and everything is written by one
        // statement: a refused field leaves the whole profile as it was.
        let store = self.store_id(store).await?;
        sqlx::query(
            "UPDATE customers SET name = $1, email = $2, locale = $3, preferred_store_id = $4
             WHERE id = $5",
        )
        .bind(name)
        .bind(email)
        .bind(locale.tag())
        .bind(store)
        .bind(customer)
        .execute(&self.pool)
        .await
        .on_unique(|| Problem::EmailTaken)?;
        Ok(())
    }

    async fn set_preferred_store(&self, customer: i64, store: Option<&str>) -> BackendResult<()> {
        let id = self.store_id(store).await?;
        sqlx::query("UPDATE customers SET preferred_store_id = $1 WHERE id = $2")
            .bind(id)
            .bind(customer)
            .execute(&self.pool)
            .await?;
        Ok(())
    }

    async fn delete_customer(&self, customer: i64) -> BackendResult<()> {
        // Sessions, addresses, carts and their lines go by ON DELETE CASCADE.
        sqlx::query("DELETE FROM customers WHERE id = $1")
            .bind(customer)
            .execute(&self.pool)
            .await?;
        Ok(())
    }

    async fn addresses(&self, customer: i64) -> BackendResult<Vec<Address>> {
        sqlx::query_as::<_, (i64, String, String, String, String, String)>(
            "SELECT id, name, street, postcode, city, phone FROM addresses
             WHERE customer_id = $1 ORDER BY id",
        )
        .bind(customer)
        .fetch_all(&self.pool)
        .await
        .map_err(BackendError::from)
        .map(|rows| {
            rows.into_iter()
                .map(|(id, name, street, postcode, city, phone)| Address {
                    id: Some(AddressId::from(id)),
                    name,
                    street,
                    postcode,
                    city,
                    phone,
                })
                .collect()
        })
    }

    async fn save_address(&self, customer: i64, a: &Address) -> BackendResult<Option<AddressId>> {
        let Some(id) = &a.id else {
            let n: i64 =
                sqlx::query_scalar("SELECT COUNT(*) FROM addresses WHERE customer_id = $1")
                    .bind(customer)
                    .fetch_one(&self.pool)
                    .await?;
            if n >= MAX_ADDRESSES {
                return Err(Problem::AddressLimit {
                    max: MAX_ADDRESSES as u32,
                }
                .into());
            }
            let id: i64 = sqlx::query_scalar(
                "INSERT INTO addresses (customer_id, name, street, postcode, city, phone)
                 VALUES ($1, $2, $3, $4, $5, $6) RETURNING id",
            )
            .bind(customer)
            .bind(&a.name)
            .bind(&a.street)
            .bind(&a.postcode)
            .bind(&a.city)
            .bind(&a.phone)
            .fetch_one(&self.pool)
            .await?;
            return Ok(Some(AddressId::from(id)));
        };
        // This back end's ids are numbers: other text is no address of theirs.
        let Ok(row) = id.as_str().parse::<i64>() else {
            return Ok(None);
        };
        // The customer id is part of the WHERE: someone else's id updates nothing.
        let done = sqlx::query(
            "UPDATE addresses SET name = $1, street = $2, postcode = $3, city = $4, phone = $5
             WHERE id = $6 AND customer_id = $7",
        )
        .bind(&a.name)
        .bind(&a.street)
        .bind(&a.postcode)
        .bind(&a.city)
        .bind(&a.phone)
        .bind(row)
        .bind(customer)
        .execute(&self.pool)
        .await?;
        Ok((done.rows_affected() == 1).then(|| id.clone()))
    }

    async fn delete_address(&self, customer: i64, id: &AddressId) -> BackendResult<bool> {
        let Ok(id) = id.as_str().parse::<i64>() else {
            return Ok(false);
        };
        let done = sqlx::query("DELETE FROM addresses WHERE id = $1 AND customer_id = $2")
            .bind(id)
            .bind(customer)
            .execute(&self.pool)
            .await?;
        Ok(done.rows_affected() == 1)
    }

    async fn login_failures(&self, keys: &[String], window_secs: i64) -> BackendResult<Vec<u32>> {
        let since = now() - window_secs;
        let mut out = Vec::with_capacity(keys.len());
        for key in keys {
            let n: i64 = sqlx::query_scalar(
                "SELECT COUNT(*) FROM login_failures WHERE key = $1 AND at > $2",
            )
            .bind(key)
            .bind(since)
            .fetch_one(&self.pool)
            .await?;
            out.push(n as u32);
        }
        Ok(out)
    }

    async fn note_login_failure(&self, keys: &[String]) -> BackendResult<()> {
        let at = now();
        let mut tx = self.write_tx().await?;
        for key in keys {
            sqlx::query("INSERT INTO login_failures (key, at) VALUES ($1, $2)")
                .bind(key)
                .bind(at)
                .execute(&mut *tx)
                .await?;
        }
        // Nothing older than a day matters to any window we use.
        sqlx::query("DELETE FROM login_failures WHERE at < $1")
            .bind(at - 86_400)
            .execute(&mut *tx)
            .await?;
        Ok(tx.commit().await?)
    }

    async fn clear_login_failures(&self, key: &str) -> BackendResult<()> {
        sqlx::query("DELETE FROM login_failures WHERE key = $1")
            .bind(key)
            .execute(&self.pool)
            .await?;
        Ok(())
    }

    async fn start_session(&self, customer: i64, user_agent: &str) -> BackendResult<String> {
        let token = new_token();
        let handle = new_token()[..16].to_string();
        let at = now();
        let ua: String = user_agent.chars().take(300).collect();
        sqlx::query(
            "INSERT INTO sessions (token_hash, handle, customer_id, user_agent, created_at,
             last_seen, expires_at)
             VALUES ($1, $2, $3, $4, $5, $6, $7)",
        )
        .bind(hash_token(&token))
        .bind(handle)
        .bind(customer)
        .bind(ua)
        .bind(at)
        .bind(at)
        .bind(at + SESSION_MAX_AGE)
        .execute(&self.pool)
        .await?;
        Ok(token)
    }

    async fn who(
        &self,
        presented: &[&str],
        session: Option<&str>,
        cart: Option<(&str, Locale)>,
    ) -> BackendResult<Who> {
        if presented.is_empty() && session.is_none() {
            return Ok(Who::default());
        }
        let at = now();
        // Every personal request asks this: one query for all its tokens,
        // and for a catalog page the cart too (the customer's, else the
        // guest's), one row per line.
        // Parameters: the presented tokens, then the session and the time,
        // then the online warehouse and the guest cart's token.
        let n = presented.len();
        let ended = if presented.is_empty() {
            "0".to_string()
        } else {
            let marks: Vec<String> = (1..=n).map(|i| format!("${i}")).collect();
            format!(
                "CASE WHEN EXISTS(SELECT 1 FROM ended_tokens WHERE token_hash IN ({}))
                 THEN 1 ELSE 0 END",
                marks.join(", ")
            )
        };
        let who = format!(
            "SELECT {ended} AS ended,
                    s.last_seen, cu.id, cu.email, cu.name, cu.locale, ps.slug AS store
             FROM (SELECT 1) one LEFT JOIN sessions s ON s.token_hash = ${} AND s.expires_at > ${}
             LEFT JOIN customers cu ON cu.id = s.customer_id
             LEFT JOIN locations ps ON ps.id = cu.preferred_store_id",
            n + 1,
            n + 2
        );
        let sql = match cart {
            None => who,
            Some((_, locale)) => format!(
                "WITH who AS ({who})
                 SELECT who.*, {}
                 FROM who LEFT JOIN carts c ON c.id = CASE
                     WHEN who.id IS NULL THEN (SELECT id FROM carts
                         WHERE guest_token_hash = ${} AND status = 'active')
                     ELSE (SELECT id FROM carts WHERE customer_id = who.id AND status = 'active')
                 END
                 {}
                 ORDER BY cl.added_at, cl.variant_id",
                super::carts::cart_columns(locale, &format!("${}", n + 3)),
                n + 4,
                super::carts::CART_JOINS,
            ),
        };
        let mut query = sqlx::query(&sql);
        for hash in presented {
            query = query.bind(*hash);
        }
        query = query.bind(session).bind(at);
        if let Some((guest, _)) = cart {
            query = query.bind(self.online_location_id().await?).bind(guest);
        }
        let rows = query.fetch_all(&self.pool).await?;
        let row = rows
            .first()
            .ok_or_else(|| BackendError::Unavailable("who: no row".into()))?;
        let profile = profile_of(row);
        if let (Some(hash), Some(last_seen)) = (session, row.get::<Option<i64>, _>("last_seen")) {
            // A write per request would serialise all readers behind the
            // writer lock; a minute's precision is plenty for "last seen".
            if at - last_seen > 60 {
                sqlx::query("UPDATE sessions SET last_seen = $1 WHERE token_hash = $2")
                    .bind(at)
                    .bind(hash)
                    .execute(&self.pool)
                    .await?;
            }
        }
        let cart = match cart {
            Some((guest, _)) => {
                let mut read = super::carts::read_cart(&rows);
                let owner = match &profile {
                    Some(p) => CartOwner::Customer(p.id),
                    None => CartOwner::Guest(guest.to_string()),
                };
                self.price_cart(&mut read, &owner).await?;
                Some(read)
            }
            None => None,
        };
        Ok(Who {
            ended: row.get::<i64, _>("ended") != 0,
            profile,
            cart,
        })
    }

    async fn end_session(&self, token_hash: &str) -> BackendResult<()> {
        sqlx::query("DELETE FROM sessions WHERE token_hash = $1")
            .bind(token_hash)
            .execute(&self.pool)
            .await?;
        Ok(())
    }

    async fn end_sessions(&self, customer: i64, keep: Option<&str>) -> BackendResult<()> {
        sqlx::query("DELETE FROM sessions WHERE customer_id = $1 AND token_hash <> $2")
            .bind(customer)
            .bind(keep.unwrap_or(""))
            .execute(&self.pool)
            .await?;
        Ok(())
    }

    async fn end_session_by_handle(&self, customer: i64, handle: &str) -> BackendResult<bool> {
        let done = sqlx::query("DELETE FROM sessions WHERE customer_id = $1 AND handle = $2")
            .bind(customer)
            .bind(handle)
            .execute(&self.pool)
            .await?;
        Ok(done.rows_affected() == 1)
    }

    async fn sessions(&self, customer: i64, current: &str) -> BackendResult<Vec<SessionInfo>> {
        let rows: Vec<(String, String, String, i64, i64)> = sqlx::query_as(
            "SELECT token_hash, handle, user_agent, created_at, last_seen FROM sessions
             WHERE customer_id = $1 AND expires_at > $2 ORDER BY last_seen DESC",
        )
        .bind(customer)
        .bind(now())
        .fetch_all(&self.pool)
        .await?;
        Ok(rows
            .into_iter()
            .map(|(hash, handle, ua, created_at, last_seen)| SessionInfo {
                handle,
                device: device_label(&ua),
                created_at,
                last_seen,
                last_seen_utc: chrono::DateTime::from_timestamp(last_seen, 0)
                    .unwrap_or_default()
                    .format("%Y-%m-%d %H:%M UTC")
                    .to_string(),
                current: hash == current,
            })
            .collect())
    }
}

/// The demo's staff account (documented in the README; demo data only).
pub const DEMO_STAFF_EMAIL: &str = "staff@omnistore.test";
pub const DEMO_STAFF_PASSWORD: &str = "staff-demo-password";

impl SqlStore {
    /// Makes `email` staff of `store` (a slug), or of every store with `None`.
    /// `BadRequest` when there is no such customer or store.
    pub async fn grant_staff(&self, email: &str, store: Option<&str>) -> BackendResult<()> {
        let store_id: Option<i64> = match store {
            Some(slug) => Some(
                sqlx::query_scalar("SELECT id FROM locations WHERE slug = $1 AND kind = 'store'")
                    .bind(slug)
                    .fetch_optional(&self.pool)
                    .await?
                    .ok_or_else(|| Problem::UnknownStore { slug: slug.into() })?,
            ),
            None => None,
        };
        let done = sqlx::query(
            "UPDATE customers SET role = 'staff', staff_store_id = $1 WHERE email = $2",
        )
        .bind(store_id)
        .bind(email)
        .execute(&self.pool)
        .await?;
        if done.rows_affected() == 0 {
            return Err(Problem::NoCustomer {
                email: email.into(),
            }
            .into());
        }
        Ok(())
    }

    /// The demo staff account, working at every store.
    pub async fn ensure_demo_staff(&self) -> BackendResult<()> {
        let exists: Option<i64> = sqlx::query_scalar("SELECT id FROM customers WHERE email = $1")
            .bind(DEMO_STAFF_EMAIL)
            .fetch_optional(&self.pool)
            .await?;
        if exists.is_none() {
            self.register(
                DEMO_STAFF_EMAIL,
                "Store staff (demo)",
                DEMO_STAFF_PASSWORD,
                Locale::En,
            )
            .await?;
        }
        self.grant_staff(DEMO_STAFF_EMAIL, None).await
    }
}

/// A profile from a row with the customer's `id`, `email`, `name` and
/// `locale` and their store's slug as `store` (`id` NULL: nobody).
fn profile_of(row: &sqlx::any::AnyRow) -> Option<Profile> {
    Some(Profile {
        id: row.get::<Option<i64>, _>("id")?,
        email: row.get("email"),
        name: row.get("name"),
        locale: Locale::from_tag(row.get("locale")).unwrap_or_default(),
        preferred_store: row.get("store"),
    })
}

#[cfg(test)]
mod tests {
    use super::device_label;

    #[test]
    fn device_labels() {
        let chrome = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) \
            Chrome/120.0 Safari/537.36";
        assert_eq!(device_label(chrome), "Chrome · Linux");
        assert_eq!(device_label("curl/8.0"), "curl");
        assert_eq!(device_label(""), "");
    }
}
