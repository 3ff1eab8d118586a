//! Kiosk handoffs on Vendure: the kiosk's cart (a Vendure active order)
//! moves into the phone's cart, merged as at sign-in, once.
//!
//! The link, its QR code, its ten minutes and its single use are the same as
//! on the built-in back end; only what names the cart differs (its owner, as
//! `vendure_carts` knows it, since a Vendure cart has no row in `carts`).

use super::cart::{now, owner_key};
use super::Vendure;
use crate::storage::kiosk::{save_handoff, usable};
use omnistore_components::backend::{BackendResult, CartOwner};
use omnistore_components::i18n::Locale;
use omnistore_components::model::{Handoff, HandoffPreview, MergeReport, Problem};

/// The owner a `vendure_carts` key names (see `owner_key`).
fn owner_of_key(key: &str) -> Option<CartOwner> {
    match key.split_once(':')? {
        ("c", id) => id.parse().ok().map(CartOwner::Customer),
        ("g", hash) => Some(CartOwner::Guest(hash.to_string())),
        _ => None,
    }
}

impl Vendure {
    pub(super) async fn start_vendure_handoff(
        &self,
        store: &str,
        owner: &CartOwner,
        link_base: &str,
    ) -> BackendResult<Handoff> {
        let location = self.own.location_id(store).await?;
        if self
            .read_cart(owner, Locale::default())
            .await?
            .lines
            .is_empty()
        {
            return Err(Problem::CartEmpty.into());
        }
        save_handoff(
            self.own.pool(),
            "vendure_handoffs",
            "owner",
            owner_key(owner),
            location,
            link_base,
        )
        .await
    }

    pub(super) async fn vendure_handoff_taken(&self, handle: &str) -> BackendResult<Option<bool>> {
        let used: Option<Option<i64>> =
            sqlx::query_scalar("SELECT used_at FROM vendure_handoffs WHERE handle = $1")
                .bind(handle)
                .fetch_optional(self.own.pool())
                .await?;
        Ok(used.map(|u| u.is_some()))
    }

    /// The handoff's cart owner, location, expiry and use.
    async fn handoff_row(
        &self,
        token_hash: &str,
    ) -> BackendResult<Option<(String, i64, i64, Option<i64>)>> {
        Ok(sqlx::query_as(
            "SELECT owner, location_id, expires_at, used_at FROM vendure_handoffs WHERE token_hash = $1",
        )
        .bind(token_hash)
        .fetch_optional(self.own.pool())
        .await?)
    }

    pub(super) async fn vendure_handoff_preview(
        &self,
        token_hash: &str,
    ) -> BackendResult<Option<HandoffPreview>> {
        let Some((owner, location, expires, used)) = self.handoff_row(token_hash).await? else {
            return Ok(None);
        };
        usable(expires, used)?;
        let items = match owner_of_key(&owner) {
            Some(owner) => self
                .read_cart(&owner, Locale::default())
                .await?
                .lines
                .iter()
                .map(|l| l.quantity)
                .sum(),
            None => 0,
        };
        Ok(Some(self.own.preview(location, items, expires).await?))
    }

    pub(super) async fn accept_vendure_handoff(
        &self,
        token_hash: &str,
        owner: &CartOwner,
    ) -> BackendResult<MergeReport> {
        let Some((source, _, expires, used)) = self.handoff_row(token_hash).await? else {
            return Err(Problem::NotOurLink.into());
        };
        usable(expires, used)?;
        // Single use: only the request whose update claims it goes on (a
        // second phone at the same moment finds it taken).
        let claimed = sqlx::query(
            "UPDATE vendure_handoffs SET used_at = $1 WHERE token_hash = $2 AND used_at IS NULL",
        )
        .bind(now())
        .bind(token_hash)
        .execute(self.own.pool())
        .await?
        .rows_affected();
        if claimed == 0 {
            return Err(Problem::HandoffUsed.into());
        }
        // The kiosk's shopper may already be this phone's shopper (same
        // account): their cart is here already.
        let Some(source) = owner_of_key(&source).filter(|s| s != owner) else {
            return Ok(MergeReport::default());
        };
        match self.move_cart(&source, owner).await {
            Ok(report) => Ok(report),
            Err(e) => {
                // Vendure failed part-way: the kiosk's cart still has its
                // lines (it is emptied last), so the link may be used again.
                sqlx::query("UPDATE vendure_handoffs SET used_at = NULL WHERE token_hash = $1")
                    .bind(token_hash)
                    .execute(self.own.pool())
                    .await?;
                Err(e)
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_owner_key_names_its_owner_again() {
        for owner in [CartOwner::Customer(42), CartOwner::Guest("ab12".into())] {
            assert_eq!(owner_of_key(&owner_key(&owner)), Some(owner));
        }
        assert_eq!(owner_of_key("x:1"), None);
        assert_eq!(owner_of_key("c:one"), None);
    }
}
