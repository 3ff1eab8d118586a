//! Kiosks in SQLite: settings and the staff PIN, scanning, aisles, ending a
//! shopper's visit, and handing a kiosk cart to a phone.

use super::accounts::{hash_password, password_matches};
use super::{cart_lock, now, SqlStore};
use crate::catalog_cache::Key;
use async_trait::async_trait;
use omnistore_components::backend::{
    hash_token, new_token, BackendError, BackendResult, CartOwner, KioskBackend,
};
use omnistore_components::model::Problem;
use omnistore_components::model::{
    Handoff, HandoffPreview, KioskSettings, MergeReport, ScanCode, VariantId, HANDOFF_SECS,
};

/// How long an ended token stays refused: as long as the cookies that carry
/// them live (then nothing can present them any more).
const ENDED_KEEP_SECS: i64 = 31 * 24 * 3600;

/// Idle and countdown seconds of a kiosk nobody has tuned: the shared
/// model's defaults, written explicitly (the SQL column defaults only mirror
/// them).
const DEFAULT_TIMING: (i64, i64) = (
    omnistore_components::model::IDLE_DEFAULT_SECS as i64,
    omnistore_components::model::COUNTDOWN_DEFAULT_SECS as i64,
);

/// The staff PIN of every demo store (README); real stores set their own
/// with `omnistore kiosk-pin`.
pub const DEMO_KIOSK_PIN: &str = "2468";

impl SqlStore {
    /// What a phone shows before taking a handoff: the store it comes from,
    /// how many items, and how long the link still works.
    pub(crate) async fn preview(
        &self,
        location: i64,
        items: u32,
        expires: i64,
    ) -> BackendResult<HandoffPreview> {
        let store_name = self
            .directory()
            .await?
            .by_id(location)
            .map(|s| s.name.clone())
            .unwrap_or_default();
        Ok(HandoffPreview {
            store_name,
            items,
            expires_in_secs: expires - now(),
        })
    }

    pub(crate) async fn location_id(&self, store: &str) -> BackendResult<i64> {
        self.directory()
            .await?
            .get(store)
            .map(|s| s.id)
            .ok_or_else(|| Problem::UnknownStore { slug: store.into() }.into())
    }

    /// Drops ended-token records older than any cookie that could carry them.
    pub async fn forget_ended_tokens(&self) -> BackendResult<u64> {
        sqlx::query("DELETE FROM ended_tokens WHERE ended_at < $1")
            .bind(now() - ENDED_KEEP_SECS)
            .execute(&self.pool)
            .await
            .map(|r| r.rows_affected())
            .map_err(BackendError::from)
    }

    /// Demo kiosks: every store gets aisles per category (as a store plan
    /// would) and the staff PIN [`DEMO_KIOSK_PIN`], unless it has one.
    pub async fn ensure_demo_kiosks(&self) -> BackendResult<()> {
        let missing: Option<i64> = sqlx::query_scalar(
            "SELECT 1 FROM locations l WHERE l.kind = 'store'
             AND NOT EXISTS (SELECT 1 FROM kiosk_settings k WHERE k.location_id = l.id) LIMIT 1",
        )
        .fetch_optional(&self.pool)
        .await?;
        // Hashing is deliberately slow (argon2id): only when a store needs it.
        if missing.is_some() {
            let hash = hash_password(DEMO_KIOSK_PIN).await?;
            // The timing comes from the shared model, not the column defaults.
            sqlx::query(
                "INSERT INTO kiosk_settings
                 (location_id, pin_hash, idle_seconds, countdown_seconds)
                 SELECT id, $1, $2, $3 FROM locations WHERE kind = 'store'
             ON CONFLICT DO NOTHING",
            )
            .bind(hash)
            .bind(DEFAULT_TIMING.0)
            .bind(DEFAULT_TIMING.1)
            .execute(&self.pool)
            .await?;
        }
        sqlx::query(
            "INSERT INTO aisles (location_id, category_id, aisle)
             SELECT l.id, c.id, 'Aisle ' || (((c.position + l.id) % 12) + 1)
             FROM locations l, categories c WHERE l.kind = 'store'
             ON CONFLICT DO NOTHING",
        )
        .execute(&self.pool)
        .await?;
        Ok(())
    }

    async fn load_aisle(&self, store: &str, product_slug: &str) -> BackendResult<Option<String>> {
        let Some(location) = self.directory().await?.get(store).map(|s| s.id) else {
            return Ok(None);
        };
        sqlx::query_scalar(
            "SELECT a.aisle FROM aisles a JOIN products p ON p.category_id = a.category_id
             WHERE a.location_id = $1 AND p.slug = $2",
        )
        .bind(location)
        .bind(product_slug)
        .fetch_optional(&self.pool)
        .await
        .map_err(BackendError::from)
    }
}

#[async_trait]
impl KioskBackend for SqlStore {
    async fn kiosk_settings(&self, store: &str) -> BackendResult<Option<KioskSettings>> {
        let dir = self.directory().await?;
        let Some(record) = dir.get(store) else {
            return Ok(None);
        };
        let row: Option<(Option<String>, i64, i64)> = sqlx::query_as(
            "SELECT pin_hash, idle_seconds, countdown_seconds FROM kiosk_settings
             WHERE location_id = $1",
        )
        .bind(record.id)
        .fetch_optional(&self.pool)
        .await?;
        let (pin, idle, countdown) = row.unwrap_or((None, DEFAULT_TIMING.0, DEFAULT_TIMING.1));
        Ok(Some(KioskSettings {
            store: record.store_ref(),
            idle_seconds: idle as u32,
            countdown_seconds: countdown as u32,
            has_pin: pin.is_some(),
        }))
    }

    async fn set_kiosk_pin(&self, store: &str, pin: &str) -> BackendResult<()> {
        omnistore_components::model::validate_pin(pin).map_err(|error| Problem::Field {
            field: "pin".into(),
            error,
        })?;
        let location = self.location_id(store).await?;
        let hash = hash_password(pin).await?;
        sqlx::query(
            "INSERT INTO kiosk_settings (location_id, pin_hash, idle_seconds, countdown_seconds)
             VALUES ($1, $2, $3, $4)
             ON CONFLICT (location_id) DO UPDATE SET pin_hash = excluded.pin_hash",
        )
        .bind(location)
        .bind(hash)
        .bind(DEFAULT_TIMING.0)
        .bind(DEFAULT_TIMING.1)
        .execute(&self.pool)
        .await?;
        Ok(())
    }

    async fn kiosk_pin_matches(&self, store: &str, pin: &str) -> BackendResult<bool> {
        let location = self.location_id(store).await?;
        let hash: Option<Option<String>> =
            sqlx::query_scalar("SELECT pin_hash FROM kiosk_settings WHERE location_id = $1")
                .bind(location)
                .fetch_optional(&self.pool)
                .await?;
        match hash.flatten() {
            Some(hash) => password_matches(pin, hash).await,
            None => Ok(false),
        }
    }

    async fn set_kiosk_timing(&self, store: &str, idle: u32, countdown: u32) -> BackendResult<()> {
        omnistore_components::model::validate_timing(idle, countdown)?;
        let location = self.location_id(store).await?;
        sqlx::query(
            "INSERT INTO kiosk_settings (location_id, idle_seconds, countdown_seconds) VALUES ($1,
             $2, $3)
             ON CONFLICT (location_id) DO UPDATE
             SET idle_seconds = excluded.idle_seconds,
              countdown_seconds = excluded.countdown_seconds",
        )
        .bind(location)
        .bind(i64::from(idle))
        .bind(i64::from(countdown))
        .execute(&self.pool)
        .await?;
        Ok(())
    }

    async fn bind_kiosk(&self, store: &str, device: &str) -> BackendResult<()> {
        let location = self.location_id(store).await?;
        sqlx::query(
            "INSERT INTO kiosk_devices (token_hash, location_id, started_at) VALUES ($1, $2, $3)",
        )
        .bind(device)
        .bind(location)
        .bind(now())
        .execute(&self.pool)
        .await?;
        Ok(())
    }

    async fn kiosk_of(&self, device: &str) -> BackendResult<Option<String>> {
        sqlx::query_scalar(
            "SELECT l.slug FROM kiosk_devices d JOIN locations l ON l.id = d.location_id
             WHERE d.token_hash = $1",
        )
        .bind(device)
        .fetch_optional(&self.pool)
        .await
        .map_err(BackendError::from)
    }

    async fn unbind_kiosk(&self, device: &str) -> BackendResult<()> {
        sqlx::query("DELETE FROM kiosk_devices WHERE token_hash = $1")
            .bind(device)
            .execute(&self.pool)
            .await?;
        Ok(())
    }

    async fn find_code(&self, code: &ScanCode) -> BackendResult<Option<(String, VariantId)>> {
        let (column, value) = match code {
            ScanCode::Ean(ean) => ("v.ean = $1", ean),
            ScanCode::Sku(sku) => ("LOWER(v.sku) = LOWER($1)", sku),
        };
        let found: Option<(String, i64)> = sqlx::query_as(&format!(
            "SELECT p.slug, v.id FROM variants v JOIN products p ON p.id = v.product_id
             WHERE {column}"
        ))
        .bind(value)
        .fetch_optional(&self.pool)
        .await?;
        Ok(found.map(|(slug, id)| (slug, id.into())))
    }

    async fn aisle(&self, store: &str, product_slug: &str) -> BackendResult<Option<String>> {
        let key = Key::Aisle(store.into(), product_slug.into());
        self.catalog
            .read(key, || self.load_aisle(store, product_slug))
            .await
    }

    async fn end_visit(&self, guest_cart: &str, session: Option<&str>) -> BackendResult<()> {
        let at = now();
        let owner = CartOwner::Guest(guest_cart.to_string());
        let mut tx = self.write_tx_locking(&[cart_lock(&owner)]).await?;
        for hash in std::iter::once(guest_cart).chain(session) {
            sqlx::query("INSERT INTO ended_tokens (token_hash, ended_at) VALUES ($1, $2) ON CONFLICT DO NOTHING")
                .bind(hash)
                .bind(at)
                .execute(&mut *tx)
                .await?;
        }
        // The guest cart goes with its lines; an order placed from it keeps
        // its own copy of the lines.
        sqlx::query("DELETE FROM carts WHERE guest_token_hash = $1 AND status = 'active'")
            .bind(guest_cart)
            .execute(&mut *tx)
            .await?;
        // So do the shopper's wishes made at the kiosk: nothing of them stays.
        sqlx::query("DELETE FROM wishlist_items WHERE guest_token_hash = $1")
            .bind(guest_cart)
            .execute(&mut *tx)
            .await?;
        if let Some(session) = session {
            sqlx::query("DELETE FROM sessions WHERE token_hash = $1")
                .bind(session)
                .execute(&mut *tx)
                .await?;
        }
        Ok(tx.commit().await?)
    }

    async fn start_handoff(
        &self,
        store: &str,
        owner: &CartOwner,
        link_base: &str,
    ) -> BackendResult<Handoff> {
        let location = self.location_id(store).await?;
        let (id, hash) = match owner {
            CartOwner::Customer(id) => (Some(*id), None),
            CartOwner::Guest(hash) => (None, Some(hash.as_str())),
        };
        let cart: Option<i64> = sqlx::query_scalar(
            "SELECT id FROM carts
             WHERE (customer_id = $1 OR guest_token_hash = $2) AND status = 'active'
               AND EXISTS (SELECT 1 FROM cart_lines l WHERE l.cart_id = carts.id)",
        )
        .bind(id)
        .bind(hash)
        .fetch_optional(&self.pool)
        .await?;
        let Some(cart) = cart else {
            return Err(Problem::CartEmpty.into());
        };
        save_handoff(&self.pool, "handoffs", "cart_id", cart, location, link_base).await
    }

    async fn handoff_taken(&self, handle: &str) -> BackendResult<Option<bool>> {
        let used: Option<Option<i64>> =
            sqlx::query_scalar("SELECT used_at FROM handoffs WHERE handle = $1")
                .bind(handle)
                .fetch_optional(&self.pool)
                .await?;
        Ok(used.map(|u| u.is_some()))
    }

    async fn handoff_preview(&self, token_hash: &str) -> BackendResult<Option<HandoffPreview>> {
        let row: Option<(i64, i64, Option<i64>, i64)> = sqlx::query_as(
            "SELECT h.location_id, h.expires_at, h.used_at,
                    (SELECT CAST(COALESCE(SUM(quantity), 0) AS BIGINT) FROM cart_lines WHERE cart_id = h.cart_id)
             FROM handoffs h WHERE h.token_hash = $1",
        )
        .bind(token_hash)
        .fetch_optional(&self.pool)
        .await?;
        let Some((location, expires, used, items)) = row else {
            return Ok(None);
        };
        usable(expires, used)?;
        Ok(Some(self.preview(location, items as u32, expires).await?))
    }

    async fn accept_handoff(
        &self,
        token_hash: &str,
        owner: &CartOwner,
    ) -> BackendResult<MergeReport> {
        let online = self.online_location_id().await?;
        let mut tx = self.write_tx_locking(&[cart_lock(owner)]).await?;
        let row: Option<(i64, i64, Option<i64>)> = sqlx::query_as(
            "SELECT cart_id, expires_at, used_at FROM handoffs WHERE token_hash = $1",
        )
        .bind(token_hash)
        .fetch_optional(&mut *tx)
        .await?;
        let Some((cart, expires, used)) = row else {
            return Err(Problem::NotOurLink.into());
        };
        usable(expires, used)?;
        // Single use: the first request that marks it wins.
        let marked = sqlx::query(
            "UPDATE handoffs SET used_at = $1 WHERE token_hash = $2 AND used_at IS NULL",
        )
        .bind(now())
        .bind(token_hash)
        .execute(&mut *tx)
        .await?;
        // PostgreSQL: a concurrent second request waited for this row and
        // found it used.
        if marked.rows_affected() != 1 {
            return Err(Problem::HandoffUsed.into());
        }
        let source: Option<(Option<String>, Option<i64>, String)> =
            sqlx::query_as("SELECT guest_token_hash, customer_id, status FROM carts WHERE id = $1")
                .bind(cart)
                .fetch_optional(&mut *tx)
                .await?;
        let source_owner = match source {
            Some((_, _, status)) if status != "active" => None,
            Some((Some(hash), _, _)) => Some(CartOwner::Guest(hash)),
            Some((None, Some(id), _)) => Some(CartOwner::Customer(id)),
            _ => None,
        };
        // The kiosk's shopper may already be this phone's shopper (same
        // account): their cart is here already.
        let Some(source_owner) = source_owner.filter(|o| o != owner) else {
            tx.commit().await?;
            return Ok(MergeReport::default());
        };
        let (report, source_version, version) =
            Self::merge_cart_into(&mut tx, online, cart, owner).await?;
        self.commit_publishing(
            tx,
            [(source_owner, source_version), (owner.clone(), version)],
        )
        .await?;
        Ok(report)
    }
}

/// Records a new handoff of what `owner` names (a column of `table`) at a
/// store, and returns the link for the kiosk to show. Only the token's hash
/// is kept: the link is the one secret, and it leaves on the screen.
pub(crate) async fn save_handoff<O>(
    pool: &sqlx::AnyPool,
    table: &str,
    owner_column: &str,
    owner: O,
    location: i64,
    link_base: &str,
) -> BackendResult<Handoff>
where
    O: 'static + Send + for<'q> sqlx::Encode<'q, sqlx::Any> + sqlx::Type<sqlx::Any>,
{
    let token = new_token();
    let handle = new_token();
    let at = now();
    sqlx::query(&format!(
        "INSERT INTO {table} (token_hash, handle, {owner_column}, location_id, created_at, expires_at)
         VALUES ($1, $2, $3, $4, $5, $6)"
    ))
    .bind(hash_token(&token))
    .bind(&handle)
    .bind(owner)
    .bind(location)
    .bind(at)
    .bind(at + HANDOFF_SECS)
    .execute(pool)
    .await?;
    Ok(handoff_link(link_base, &token, handle))
}

/// The link (and its QR code) a kiosk shows for a new handoff.
fn handoff_link(link_base: &str, token: &str, handle: String) -> Handoff {
    let url = format!("{link_base}{token}");
    let (qr_path, qr_size) = crate::qr::svg_path(&url);
    Handoff {
        url,
        handle,
        qr_path,
        qr_size,
        expires_in_secs: HANDOFF_SECS,
    }
}

/// A handoff may be taken once, within its ten minutes.
pub(crate) fn usable(expires: i64, used: Option<i64>) -> BackendResult<()> {
    if used.is_some() {
        return Err(Problem::HandoffUsed.into());
    }
    if expires <= now() {
        return Err(Problem::HandoffExpired {
            minutes: (HANDOFF_SECS / 60) as u32,
        }
        .into());
    }
    Ok(())
}
