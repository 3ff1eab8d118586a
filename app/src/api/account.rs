//! Account server functions: sign-up, sign-in (with the guest-cart merge),
//! sign-out, profile, addresses and sessions. Every function acts on the
//! customer of the request's own session; ids in arguments are only ever
//! looked up together with that customer.

use super::ShopError;
use leptos::prelude::*;
use omnistore_components::model::{
    Address, AddressId, Cart, MergeReport, OrderSummary, Profile, SessionInfo, StoreRef, Viewer,
};
use serde::{Deserialize, Serialize};

/// What every page's header needs: who is signed in, and their cart.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct SessionState {
    pub viewer: Option<Viewer>,
    pub cart: Cart,
    /// "My store", shown in the header.
    pub my_store: Option<StoreRef>,
}

/// The account page's data.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AccountData {
    pub profile: Profile,
    pub addresses: Vec<Address>,
    pub sessions: Vec<SessionInfo>,
    /// (slug, "City — Name") of every store, for "my store".
    pub stores: Vec<(String, String)>,
    /// Order history, newest first.
    pub orders: Vec<OrderSummary>,
    /// Stores whose pickup desk this account may work (staff only).
    pub staff_stores: Vec<String>,
    /// Loyalty code, balance and history.
    pub loyalty: omnistore_components::model::LoyaltyView,
    /// Whether the customer agreed to cart reminders.
    pub reminders: bool,
}

#[cfg(feature = "ssr")]
pub(crate) mod ssr {
    use super::super::ssr::*;
    use super::super::ShopError;
    use leptos::prelude::*;
    use omnistore_components::backend::{
        cookie, new_token, BackendError, BackendResult, Identity, CART_COOKIE, CART_COOKIE_MAX_AGE,
        SESSION_COOKIE, SESSION_MAX_AGE, STORE_COOKIE,
    };
    use omnistore_components::model::{encode_query_value, FieldError, MergeReport};

    /// Failed sign-ins allowed per account, and per client address, in the window.
    pub const MAX_FAILURES_PER_ACCOUNT: u32 = 5;
    pub const MAX_FAILURES_PER_CLIENT: u32 = 30;
    pub const FAILURE_WINDOW_SECS: i64 = 15 * 60;

    /// What a password check under the sign-in limit found.
    pub enum Guess<T> {
        Right(T),
        Wrong,
        /// Over the limit: not checked at all (the caller answers 429).
        TooMany,
    }

    /// Checks a password as sign-in does: the account (by e-mail) and the
    /// client address may each fail so many times in the window; a wrong
    /// password counts against both, a right one clears the account's count.
    /// Every place that checks a password goes through here, so a held
    /// session cannot guess the password without limit.
    pub async fn password_guess<T>(
        who: &Identity,
        email: &str,
        check: impl std::future::Future<Output = BackendResult<Option<T>>>,
    ) -> Result<Guess<T>, ShopError> {
        let b = backend()?;
        let keys = [format!("email:{email}"), format!("ip:{}", who.client)];
        let limits = [MAX_FAILURES_PER_ACCOUNT, MAX_FAILURES_PER_CLIENT];
        if too_many_guesses(&b, &keys, &limits, FAILURE_WINDOW_SECS).await? {
            return Ok(Guess::TooMany);
        }
        match check.await? {
            Some(found) => {
                b.clear_login_failures(&keys[0]).await?;
                Ok(Guess::Right(found))
            }
            None => {
                b.note_login_failure(&keys).await?;
                Ok(Guess::Wrong)
            }
        }
    }

    /// The signed-in customer's password, checked under the sign-in limit:
    /// 429 over it, 403 when wrong.
    pub async fn check_own_password(
        customer: i64,
        who: &Identity,
        password: &str,
    ) -> Result<(), ShopError> {
        let b = backend()?;
        let email = b
            .profile(customer)
            .await?
            .map(|p| p.email)
            .unwrap_or_default();
        let check = async { Ok(b.verify_password(customer, password).await?.then_some(())) };
        match password_guess(who, &email, check).await? {
            Guess::Right(()) => Ok(()),
            Guess::Wrong => Err(refuse(Problem::WrongPassword)),
            Guess::TooMany => Err(refuse(Problem::TooManyAttempts)),
        }
    }

    /// The refusal of one form field.
    pub fn field(name: &str) -> impl Fn(FieldError) -> ShopError + '_ {
        move |error| {
            refuse(Problem::Field {
                field: name.into(),
                error,
            })
        }
    }

    /// Starts a new session (the presented one, if any, ends: the id is never
    /// reused across a sign-in), merges the guest cart, and gives the browser
    /// a fresh guest-cart token for whenever it signs out.
    pub async fn sign_in(customer: i64, who: &Identity) -> Result<MergeReport, ShopError> {
        let b = backend()?;
        if let Some(old) = &who.session {
            b.end_session(old).await?;
        }
        let token = b.start_session(customer, &who.user_agent).await?;
        set_cookie(&cookie(SESSION_COOKIE, &token, SESSION_MAX_AGE, who.secure));
        // "My store" chosen as a guest moves to the account.
        if let Some(store) = &who.store {
            match b.set_preferred_store(customer, Some(store)).await {
                // A store closed since it was chosen is simply not carried over.
                Ok(()) | Err(BackendError::Refused(Problem::UnknownStore { .. })) => {}
                Err(e) => return Err(fail(e)),
            }
            set_cookie(&cookie(STORE_COOKIE, "", 0, who.secure));
        }
        let report = b.merge_guest_cart(&who.guest_cart, customer).await?;
        // So do the guest's wishes (the guest token is replaced below).
        b.merge_guest_wishlist(&who.guest_cart, customer).await?;
        // The cart's pickup store follows "my store".
        if let Some(store) = b.profile(customer).await?.and_then(|p| p.preferred_store) {
            let op = omnistore_components::model::CartOp::PickupAt { store };
            b.apply_cart_op(
                &omnistore_components::backend::CartOwner::Customer(customer),
                &op,
                None,
                locale(),
            )
            .await?;
        }
        set_cookie(&cookie(
            CART_COOKIE,
            &new_token(),
            CART_COOKIE_MAX_AGE,
            who.secure,
        ));
        Ok(report)
    }

    /// Forgets the session cookie and starts an empty guest cart, so nothing of
    /// the customer stays visible on this browser.
    pub fn clear_cookies(who: &Identity) {
        set_cookie(&cookie(SESSION_COOKIE, "", 0, who.secure));
        set_cookie(&cookie(
            CART_COOKIE,
            &new_token(),
            CART_COOKIE_MAX_AGE,
            who.secure,
        ));
        // Pages the browser kept while signed in go with the session (the
        // service worker drops its own copies when it sees this request).
        if let Some(res) = use_context::<leptos_axum::ResponseOptions>() {
            res.insert_header(
                http::HeaderName::from_static("clear-site-data"),
                http::HeaderValue::from_static("\"cache\""),
            );
        }
    }

    /// A sign-in or sign-up form posted without JavaScript goes back to its
    /// page with the refusal (and where to go after it) in the query.
    pub fn back_to_form<'a>(
        page: &'a str,
        next: &'a Option<String>,
    ) -> impl Fn(ShopError) -> ShopError + 'a {
        move |e| {
            let next = next
                .as_deref()
                .map(|n| format!("?next={}", encode_query_value(n)))
                .unwrap_or_default();
            back_with(&format!("{page}{next}"), e)
        }
    }

    /// Where to land after sign-in; the merge outcome rides along in the query
    /// so that the page (with or without JavaScript) can say what happened.
    pub fn after_sign_in(next: Option<String>, report: &MergeReport) -> String {
        let path = local_path(next, "/account");
        if report.is_empty() {
            return path;
        }
        with_query(&path, &format!("merged={}", report.to_query()))
    }
}

/// Header state for the current request. Never cached.
#[server(endpoint = "session", input = leptos::server_fn::codec::GetUrl)]
pub async fn get_session() -> Result<SessionState, ShopError> {
    let who = super::ssr::identity()?;
    let b = super::ssr::backend()?;
    // The profile was read with the session by the identity layer.
    let viewer = who.profile.clone().map(|p| Viewer {
        name: p.name,
        email: p.email,
    });
    let cart = super::ssr::cart_of(&who).await?;
    let my_store = match super::ssr::my_store(&who) {
        Some(s) => b.store_ref(&s).await?,
        None => None,
    };
    Ok(SessionState {
        viewer,
        cart,
        my_store,
    })
}

/// Creates an account and signs in.
#[server(endpoint = "auth/register")]
pub async fn register(
    name: String,
    email: String,
    password: String,
    next: Option<String>,
    reminders: Option<String>,
) -> Result<MergeReport, ShopError> {
    use super::ssr::*;
    use omnistore_components::model::{check_password, normalize_email, required_text};
    use ssr::*;
    let who = identity()?;
    let back = back_to_form("/register", &next);
    let name = required_text(&name, 100).map_err(|e| back(field("name")(e)))?;
    let email = normalize_email(&email).map_err(|e| back(field("email")(e)))?;
    check_password(&password).map_err(|e| back(field("password")(e)))?;
    let customer = backend()?
        .register(&email, &name, &password, locale())
        .await
        .map_err(|e| back(fail(e)))?;
    // Consent is asked, unticked, at sign-up; the account page changes it.
    if reminders.is_some_and(|r| !r.is_empty()) {
        backend()?.set_reminders(customer, true).await?;
    }
    let report = sign_in(customer, &who).await?;
    leptos_axum::redirect(&after_sign_in(next.clone(), &report));
    Ok(report)
}

/// Signs in; rate-limited per account and per client address.
#[server(endpoint = "auth/login")]
pub async fn login(
    email: String,
    password: String,
    next: Option<String>,
) -> Result<MergeReport, ShopError> {
    use super::ssr::*;
    use omnistore_components::model::normalize_email;
    use ssr::*;
    let who = identity()?;
    let b = backend()?;
    let back = back_to_form("/login", &next);
    let wrong = || back(refuse(Problem::WrongCredentials));
    let email = normalize_email(&email).map_err(|_| wrong())?;
    let customer = match password_guess(&who, &email, b.authenticate(&email, &password)).await? {
        Guess::Right(customer) => customer,
        Guess::Wrong => return Err(wrong()),
        Guess::TooMany => return Err(back(refuse(Problem::TooManyAttempts))),
    };
    let report = sign_in(customer, &who).await?;
    leptos_axum::redirect(&after_sign_in(next.clone(), &report));
    Ok(report)
}

/// Ends this session on the server and forgets it in the browser.
#[server(endpoint = "auth/logout")]
pub async fn logout() -> Result<(), ShopError> {
    let who = super::ssr::identity()?;
    if let Some(s) = &who.session {
        super::ssr::backend()?.end_session(s).await?;
    }
    ssr::clear_cookies(&who);
    leptos_axum::redirect("/");
    Ok(())
}

/// Ends every session of the customer, this one included.
#[server(endpoint = "account/logout-everywhere")]
pub async fn logout_everywhere() -> Result<(), ShopError> {
    let (customer, who) = super::ssr::customer()?;
    super::ssr::backend()?.end_sessions(customer, None).await?;
    ssr::clear_cookies(&who);
    leptos_axum::redirect("/");
    Ok(())
}

/// Ends one of the customer's other sessions.
#[server(endpoint = "account/end-session")]
pub async fn end_session(handle: String) -> Result<(), ShopError> {
    use super::ssr::*;
    let ended = async {
        let (customer, _) = customer()?;
        Ok::<_, ShopError>(backend()?.end_session_by_handle(customer, &handle).await?)
    };
    let back = |e| back_with("/account?form=sessions", e);
    if !ended.await.map_err(back)? {
        return Err(back(refuse(Problem::NoSuchSession)));
    }
    done_to("/account?done=session");
    Ok(())
}

/// The account page's data; 401 without a live session.
#[server(endpoint = "account", input = leptos::server_fn::codec::GetUrl)]
pub async fn get_account() -> Result<AccountData, ShopError> {
    let (customer, who) = super::ssr::customer()?;
    let b = super::ssr::backend()?;
    let profile = b
        .profile(customer)
        .await?
        .ok_or_else(|| super::ssr::refuse(super::ssr::Problem::AccountGone))?;
    Ok(AccountData {
        profile,
        addresses: b.addresses(customer).await?,
        sessions: b
            .sessions(customer, who.session.as_deref().unwrap_or(""))
            .await?,
        stores: b.store_choices().await?,
        orders: b.orders_of(customer).await?,
        staff_stores: b.staff_stores(customer).await?,
        loyalty: b.loyalty(customer).await?,
        reminders: b.reminders(customer).await?,
    })
}

/// Name, e-mail, language and "my store" (empty for none).
#[server(endpoint = "account/profile")]
pub async fn update_profile(
    name: String,
    email: String,
    language: String,
    store: String,
) -> Result<(), ShopError> {
    use super::ssr::*;
    use omnistore_components::i18n::Locale;
    use omnistore_components::model::{normalize_email, required_text};
    use ssr::*;
    let update = async {
        let (customer, _) = customer()?;
        let name = required_text(&name, 100).map_err(field("name"))?;
        let email = normalize_email(&email).map_err(field("email"))?;
        let locale = Locale::from_tag(&language).ok_or_else(|| refuse(Problem::UnknownLanguage))?;
        let store = store.trim();
        backend()?
            .update_profile(
                customer,
                &name,
                &email,
                locale,
                (!store.is_empty()).then_some(store),
            )
            .await
            .map_err(fail)
    };
    update
        .await
        .map_err(|e| back_with("/account?form=profile", e))?;
    done_to("/account?done=profile");
    Ok(())
}

/// Checks the current password, sets the new one, ends the other sessions.
#[server(endpoint = "account/password")]
pub async fn change_password(current: String, new_password: String) -> Result<(), ShopError> {
    use super::ssr::*;
    use omnistore_components::model::check_password;
    use ssr::*;
    let change = async {
        let (customer, who) = customer()?;
        let b = backend()?;
        check_own_password(customer, &who, &current).await?;
        check_password(&new_password).map_err(field("new_password"))?;
        b.set_password(
            customer,
            &current,
            &new_password,
            who.session.as_deref().unwrap_or(""),
        )
        .await
        .map_err(fail)
    };
    change
        .await
        .map_err(|e| back_with("/account?form=password", e))?;
    done_to("/account?done=password");
    Ok(())
}

/// Deletes the account after checking the password.
#[server(endpoint = "account/delete")]
pub async fn delete_account(password: String) -> Result<(), ShopError> {
    use super::ssr::*;
    use ssr::*;
    let back = |e| back_with("/account?form=delete", e);
    let (customer, who) = customer()?;
    let b = backend()?;
    check_own_password(customer, &who, &password)
        .await
        .map_err(back)?;
    b.delete_customer(customer)
        .await
        .map_err(|e| back(e.into()))?;
    clear_cookies(&who);
    leptos_axum::redirect("/");
    Ok(())
}

/// Adds (`id` empty) or edits one of the customer's addresses; answers its id.
#[server(endpoint = "account/address")]
pub async fn save_address(
    id: Option<String>,
    name: String,
    street: String,
    postcode: String,
    city: String,
    phone: String,
) -> Result<AddressId, ShopError> {
    use super::ssr::*;
    let (customer, _) = customer()?;
    let id: Option<AddressId> =
        match id.as_deref().map(str::trim) {
            None | Some("") => None,
            Some(id) => Some(id.parse().map_err(|_| {
                back_with("/account?form=addresses", refuse(Problem::NoSuchAddress))
            })?),
        };
    // The form's own key, so that the page opens it again with the refusal.
    let form = match &id {
        Some(id) => format!("/account?form=address-{id}"),
        None => "/account?form=address-new".to_string(),
    };
    let back = |e| back_with(&form, e);
    let address = Address {
        id,
        name,
        street,
        postcode,
        city,
        phone,
    }
    .validated()
    .map_err(|errors| {
        back(refuse(Problem::Fields {
            errors: errors.into_iter().map(|(f, e)| (f.into(), e)).collect(),
        }))
    })?;
    let saved = backend()?
        .save_address(customer, &address)
        .await
        .map_err(|e| back(e.into()))?
        .ok_or_else(|| back(refuse(Problem::NoSuchAddress)))?;
    done_to("/account?done=address");
    Ok(saved)
}

/// Deletes one of the customer's addresses.
#[server(endpoint = "account/address/delete")]
pub async fn delete_address(id: AddressId) -> Result<(), ShopError> {
    use super::ssr::*;
    let back = |e| back_with("/account?form=addresses", e);
    let (customer, _) = customer()?;
    if backend()?
        .delete_address(customer, &id)
        .await
        .map_err(|e| back(e.into()))?
    {
        done_to("/account?done=address-deleted");
        Ok(())
    } else {
        Err(back(refuse(Problem::NoSuchAddress)))
    }
}

/// Cart reminders on or off (`on`: "true" or "false").
#[server(endpoint = "account/reminders")]
pub async fn set_reminders(on: String) -> Result<(), ShopError> {
    use super::ssr::*;
    let back = |e| back_with("/account?form=reminders", e);
    let (customer, _) = customer().map_err(back)?;
    let on = match on.as_str() {
        "true" => true,
        "false" => false,
        _ => {
            return Err(back(refuse(Problem::UnknownParameter {
                name: "on".into(),
            })))
        }
    };
    backend()?
        .set_reminders(customer, on)
        .await
        .map_err(|e| back(fail(e)))?;
    done_to(if on {
        "/account?done=reminders-on"
    } else {
        "/account?done=reminders-off"
    });
    Ok(())
}
