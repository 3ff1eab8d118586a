//! Customers on Vendure: the account (password, name, e-mail, addresses)
//! is a Vendure customer; omnistore keeps the row its sessions, "my store",
//! language and staff roles hang on, linked to that customer. omnistore's
//! own accounts (the staff desk's) still sign in with omnistore's password.
//!
//! A customer's cart session in Vendure is signed in as that customer (at
//! registration and at every sign-in, where omnistore has the password), so
//! their active order is their Vendure customer's on every device, and the
//! orders they place are theirs in Vendure.

use super::cart::owner_key;
use super::catalog::platform_id;
use super::client::VendureError;
use super::Vendure;
use crate::storage::MAX_ADDRESSES;
use async_trait::async_trait;
use omnistore_components::backend::{AccountBackend, BackendResult, CartOwner, StoreBackend, Who};
use omnistore_components::i18n::Locale;
use omnistore_components::model::{Address, AddressId, Problem, Profile, SessionInfo};
use serde::Deserialize;
use serde_json::{json, Value};

/// A Vendure address, as the Admin API gives it.
#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct VendureAddress {
    id: String,
    full_name: Option<String>,
    street_line1: String,
    postal_code: Option<String>,
    city: Option<String>,
    phone_number: Option<String>,
}

impl VendureAddress {
    fn address(self) -> BackendResult<Address> {
        Ok(Address {
            id: Some(platform_id(&self.id)?),
            name: self.full_name.unwrap_or_default(),
            street: self.street_line1,
            postcode: self.postal_code.unwrap_or_default(),
            city: self.city.unwrap_or_default(),
            phone: self.phone_number.unwrap_or_default(),
        })
    }
}

/// Vendure wants a first and a last name; omnistore asks for one name.
pub(super) fn split_name(name: &str) -> (&str, &str) {
    match name.trim().rsplit_once(' ') {
        Some((first, last)) => (first.trim(), last),
        None => (name.trim(), ""),
    }
}

impl Vendure {
    /// Signs in to Vendure's Shop API in a new session: its token, or
    /// `None` for a wrong password.
    async fn vendure_sign_in(&self, email: &str, password: &str) -> BackendResult<Option<String>> {
        let (answer, token): (Value, _) = self
            .client
            .shop_session(
                "mutation($u: String!, $p: String!) { r: authenticate(input: { native: {
                    username: $u, password: $p } }) {
                    ... on CurrentUser { id } ... on ErrorResult { errorCode message } } }",
                json!({ "u": email, "p": password }),
                Locale::default(),
                None,
            )
            .await?;
        match answer["r"]["errorCode"].as_str() {
            None => Ok(token),
            Some("INVALID_CREDENTIALS_ERROR") => Ok(None),
            Some(code) => Err(VendureError::Refused {
                code: code.to_string(),
                message: answer["r"]["message"].as_str().unwrap_or("").to_string(),
            }
            .into()),
        }
    }

    /// The customer's cart is the active order of this signed-in session.
    async fn cart_session(&self, customer: i64, token: &str) -> BackendResult<()> {
        sqlx::query(
            "INSERT INTO vendure_carts (owner, token) VALUES ($1, $2)
             ON CONFLICT (owner) DO UPDATE SET token = excluded.token",
        )
        .bind(owner_key(&CartOwner::Customer(customer)))
        .bind(token)
        .execute(self.own.pool())
        .await?;
        Ok(())
    }

    /// The Vendure customer id and e-mail of an omnistore customer.
    async fn linked(&self, customer: i64) -> BackendResult<Option<(String, String)>> {
        self.own.platform_customer_of(customer).await
    }

    /// An Admin API change whose answer is a success type or an error
    /// result; Vendure's e-mail conflict is the shopper's.
    async fn customer_change(&self, query: &str, variables: Value) -> BackendResult<Value> {
        let answer: Value = self.client.admin_write(query, variables).await?;
        let r = answer["r"].clone();
        match r["errorCode"].as_str() {
            None => Ok(r),
            Some("EMAIL_ADDRESS_CONFLICT_ERROR") => Err(Problem::EmailTaken.into()),
            Some(code) => Err(VendureError::Refused {
                code: code.to_string(),
                message: r["message"].as_str().unwrap_or("").to_string(),
            }
            .into()),
        }
    }

    async fn vendure_addresses(&self, platform: &str) -> BackendResult<Vec<VendureAddress>> {
        #[derive(Deserialize)]
        struct Found {
            customer: Option<Addresses>,
        }
        #[derive(Deserialize)]
        struct Addresses {
            addresses: Option<Vec<VendureAddress>>,
        }
        let found: Found = self
            .client
            .admin_read(
                "query($id: ID!) { customer(id: $id) { addresses {
                    id fullName streetLine1 postalCode city phoneNumber } } }",
                json!({ "id": platform }),
            )
            .await?;
        Ok(found.customer.and_then(|c| c.addresses).unwrap_or_default())
    }
}

#[async_trait]
impl AccountBackend for Vendure {
    async fn register(
        &self,
        email: &str,
        name: &str,
        password: &str,
        locale: Locale,
    ) -> BackendResult<i64> {
        if self.own.own_account(email).await? {
            return Err(Problem::EmailTaken.into());
        }
        // Created by the Admin API with its password, the customer is
        // verified at once (the Shop API's registration would wait for an
        // e-mail omnistore does not send).
        let (first, last) = split_name(name);
        let created = self
            .customer_change(
                "mutation($i: CreateCustomerInput!, $p: String!) { r: createCustomer(input: $i, password: $p) {
                    ... on Customer { id } ... on ErrorResult { errorCode message } } }",
                json!({ "i": { "emailAddress": email, "firstName": first, "lastName": last },
                        "p": password }),
            )
            .await?;
        let platform = created["id"]
            .as_str()
            .ok_or_else(|| VendureError::Unusable("the new customer has no id".into()))?;
        let id = self
            .own
            .platform_customer_row(platform, email, name, locale)
            .await?;
        if let Some(token) = self.vendure_sign_in(email, password).await? {
            self.cart_session(id, &token).await?;
        }
        Ok(id)
    }

    async fn authenticate(&self, email: &str, password: &str) -> BackendResult<Option<i64>> {
        if self.own.own_account(email).await? {
            return self.own.authenticate(email, password).await;
        }
        let Some(token) = self.vendure_sign_in(email, password).await? else {
            return Ok(None);
        };
        #[derive(Deserialize)]
        #[serde(rename_all = "camelCase")]
        struct Me {
            active_customer: Option<Customer>,
        }
        #[derive(Deserialize)]
        #[serde(rename_all = "camelCase")]
        struct Customer {
            id: String,
            first_name: String,
            last_name: String,
        }
        let (me, _): (Me, _) = self
            .client
            .shop_session(
                "{ activeCustomer { id firstName lastName } }",
                json!({}),
                Locale::default(),
                Some(&token),
            )
            .await?;
        let Some(c) = me.active_customer else {
            // A Vendure administrator, not a customer.
            return Ok(None);
        };
        let name = format!("{} {}", c.first_name, c.last_name);
        let id = self
            .own
            .platform_customer_row(&c.id, email, name.trim(), Locale::default())
            .await?;
        self.cart_session(id, &token).await?;
        Ok(Some(id))
    }

    async fn verify_password(&self, customer: i64, password: &str) -> BackendResult<bool> {
        match self.linked(customer).await? {
            Some((_, email)) => Ok(self.vendure_sign_in(&email, password).await?.is_some()),
            None => self.own.verify_password(customer, password).await,
        }
    }

    async fn set_password(
        &self,
        customer: i64,
        current: &str,
        password: &str,
        keep: &str,
    ) -> BackendResult<()> {
        let Some((_, email)) = self.linked(customer).await? else {
            return self
                .own
                .set_password(customer, current, password, keep)
                .await;
        };
        // Vendure changes a password in the customer's own session, with
        // the current one.
        let token = self
            .vendure_sign_in(&email, current)
            .await?
            .ok_or(Problem::WrongPassword)?;
        let (answer, _): (Value, _) = self
            .client
            .shop_session(
                "mutation($c: String!, $n: String!) { r: updateCustomerPassword(
                    currentPassword: $c, newPassword: $n) {
                    ... on Success { success } ... on ErrorResult { errorCode message } } }",
                json!({ "c": current, "n": password }),
                Locale::default(),
                Some(&token),
            )
            .await?;
        if let Some(code) = answer["r"]["errorCode"].as_str() {
            return Err(VendureError::Refused {
                code: code.to_string(),
                message: answer["r"]["message"].as_str().unwrap_or("").to_string(),
            }
            .into());
        }
        self.own.end_sessions(customer, Some(keep)).await
    }

    async fn profile(&self, customer: i64) -> BackendResult<Option<Profile>> {
        self.own.profile(customer).await
    }

    async fn update_profile(
        &self,
        customer: i64,
        name: &str,
        email: &str,
        locale: Locale,
        store: Option<&str>,
    ) -> BackendResult<()> {
        if let Some(slug) = store {
            if self.own.store_ref(slug).await?.is_none() {
                return Err(Problem::UnknownStore { slug: slug.into() }.into());
            }
        }
        if let Some((platform, _)) = self.linked(customer).await? {
            let (first, last) = split_name(name);
            self.customer_change(
                "mutation($i: UpdateCustomerInput!) { r: updateCustomer(input: $i) {
                    ... on Customer { id } ... on ErrorResult { errorCode message } } }",
                json!({ "i": { "id": platform, "firstName": first, "lastName": last,
                               "emailAddress": email } }),
            )
            .await?;
        }
        self.own
            .update_profile(customer, name, email, locale, store)
            .await
    }

    async fn set_preferred_store(&self, customer: i64, store: Option<&str>) -> BackendResult<()> {
        self.own.set_preferred_store(customer, store).await
    }

    async fn delete_customer(&self, customer: i64) -> BackendResult<()> {
        if let Some((platform, _)) = self.linked(customer).await? {
            let _: Value = self
                .client
                .admin_write(
                    "mutation($id: ID!) { deleteCustomer(id: $id) { result } }",
                    json!({ "id": platform }),
                )
                .await?;
        }
        self.own.delete_customer(customer).await
    }

    async fn addresses(&self, customer: i64) -> BackendResult<Vec<Address>> {
        match self.linked(customer).await? {
            Some((platform, _)) => self
                .vendure_addresses(&platform)
                .await?
                .into_iter()
                .map(VendureAddress::address)
                .collect(),
            None => self.own.addresses(customer).await,
        }
    }

    async fn save_address(
        &self,
        customer: i64,
        address: &Address,
    ) -> BackendResult<Option<AddressId>> {
        let Some((platform, _)) = self.linked(customer).await? else {
            return self.own.save_address(customer, address).await;
        };
        let held = self.vendure_addresses(&platform).await?;
        let fields = json!({ "fullName": address.name, "streetLine1": address.street,
            "postalCode": address.postcode, "city": address.city, "phoneNumber": address.phone });
        let saved = if let Some(id) = &address.id {
            // Only one of their own: someone else's id changes nothing.
            let id = id.to_string();
            if !held.iter().any(|a| a.id == id) {
                return Ok(None);
            }
            let mut input = fields;
            input["id"] = json!(id);
            let _: Value = self
                .client
                .admin_write(
                    "mutation($i: UpdateAddressInput!) { r: updateCustomerAddress(input: $i) { id } }",
                    json!({ "i": input }),
                )
                .await?;
            Some(id)
        } else {
            if held.len() as i64 >= MAX_ADDRESSES {
                return Err(Problem::AddressLimit {
                    max: MAX_ADDRESSES as u32,
                }
                .into());
            }
            let mut input = fields;
            input["countryCode"] = json!(self.country(Locale::default()).await?);
            let created: Value = self
                .client
                .admin_write(
                    "mutation($c: ID!, $i: CreateAddressInput!) {
                        r: createCustomerAddress(customerId: $c, input: $i) { id } }",
                    json!({ "c": platform, "i": input }),
                )
                .await?;
            created["r"]["id"].as_str().map(str::to_string)
        };
        Ok(saved.map(|id| platform_id(&id)).transpose()?)
    }

    async fn delete_address(&self, customer: i64, id: &AddressId) -> BackendResult<bool> {
        let Some((platform, _)) = self.linked(customer).await? else {
            return self.own.delete_address(customer, id).await;
        };
        let id = id.to_string();
        if !self
            .vendure_addresses(&platform)
            .await?
            .iter()
            .any(|a| a.id == id)
        {
            return Ok(false);
        }
        let deleted: Value = self
            .client
            .admin_write(
                "mutation($id: ID!) { r: deleteCustomerAddress(id: $id) { success } }",
                json!({ "id": id }),
            )
            .await?;
        Ok(deleted["r"]["success"].as_bool().unwrap_or(false))
    }

    async fn login_failures(&self, keys: &[String], window_secs: i64) -> BackendResult<Vec<u32>> {
        self.own.login_failures(keys, window_secs).await
    }
    async fn note_login_failure(&self, keys: &[String]) -> BackendResult<()> {
        self.own.note_login_failure(keys).await
    }
    async fn clear_login_failures(&self, key: &str) -> BackendResult<()> {
        self.own.clear_login_failures(key).await
    }
    async fn start_session(&self, customer: i64, user_agent: &str) -> BackendResult<String> {
        self.own.start_session(customer, user_agent).await
    }
    async fn who(
        &self,
        presented: &[&str],
        session: Option<&str>,
        cart: Option<(&str, Locale)>,
    ) -> BackendResult<Who> {
        // Who is asking is omnistore's; their cart is Vendure's.
        let mut who = self.own.who(presented, session, None).await?;
        if let Some((guest, locale)) = cart {
            let owner = match &who.profile {
                Some(p) => CartOwner::Customer(p.id),
                None => CartOwner::Guest(guest.to_string()),
            };
            who.cart = Some(self.read_cart(&owner, locale).await?);
        }
        Ok(who)
    }
    async fn end_session(&self, token_hash: &str) -> BackendResult<()> {
        self.own.end_session(token_hash).await
    }
    async fn end_sessions(&self, customer: i64, keep: Option<&str>) -> BackendResult<()> {
        self.own.end_sessions(customer, keep).await
    }
    async fn end_session_by_handle(&self, customer: i64, handle: &str) -> BackendResult<bool> {
        self.own.end_session_by_handle(customer, handle).await
    }
    async fn sessions(&self, customer: i64, current: &str) -> BackendResult<Vec<SessionInfo>> {
        self.own.sessions(customer, current).await
    }
}
