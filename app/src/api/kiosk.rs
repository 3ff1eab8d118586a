//! The in-store kiosk: its settings, staff actions behind the PIN, the reset
//! that ends a shopper's visit, and the cart handoff to a phone.

use super::ShopError;
use leptos::prelude::*;
use omnistore_components::model::{Handoff, HandoffPreview, KioskSettings, MergeReport};
use serde::{Deserialize, Serialize};

/// What the kiosk page needs: the store's settings and whether this device
/// is bound to it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct KioskState {
    pub settings: KioskSettings,
    /// True when this browser is the store's kiosk (staff started it).
    pub bound: bool,
}

/// The answer to a staff action.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct StaffOutcome {
    /// Where the kiosk goes next.
    pub next: String,
    /// Seconds the idle reset rests (assisting a customer); 0 otherwise.
    pub pause_secs: u32,
}

#[server(endpoint = "kiosk/state", input = server_fn::codec::GetUrl)]
pub async fn get_kiosk(store: String) -> Result<Option<KioskState>, ShopError> {
    use super::ssr::*;
    let who = identity()?;
    let Some(settings) = backend()?.kiosk_settings(&store).await? else {
        return Ok(None);
    };
    Ok(Some(KioskState {
        bound: who.kiosk.as_deref() == Some(store.as_str()),
        settings,
    }))
}

/// Staff actions: the PIN is asked every time, and wrong PINs are limited
/// per store and per client (429 after five in 15 minutes).
#[server(endpoint = "kiosk/staff")]
pub async fn kiosk_staff(
    store: String,
    pin: String,
    action: String,
    idle: Option<u32>,
    countdown: Option<u32>,
) -> Result<StaffOutcome, ShopError> {
    use super::ssr::*;
    use omnistore_components::backend::cookie;
    use omnistore_components::model::{
        Problem, StaffAction, ASSIST_SECS, KIOSK_COOKIE, MAX_PIN_FAILURES, PIN_WINDOW_SECS,
    };
    let who = identity()?;
    let b = backend()?;
    // A plain form goes back to the kiosk's page, which words `staff=`.
    // After the refusal is made, so that the redirect wins over its status.
    let back = |code: &str, e: ShopError| {
        if plain_form() {
            leptos_axum::redirect(&format!("/kiosk/{store}?staff={code}"));
        }
        e
    };
    let action =
        StaffAction::parse(&action, idle, countdown).map_err(|e| back("invalid", refuse(e)))?;
    if b.kiosk_settings(&store).await?.is_none() {
        return Err(back(
            "invalid",
            refuse(Problem::UnknownStore {
                slug: store.clone(),
            }),
        ));
    }
    let keys = [
        format!("kiosk-pin:{store}"),
        format!("kiosk-pin-ip:{}", who.client),
    ];
    let limits = [MAX_PIN_FAILURES; 2];
    if super::ssr::too_many_guesses(&b, &keys, &limits, PIN_WINDOW_SECS).await? {
        return Err(back(
            "throttled",
            refuse(Problem::TooManyPins {
                minutes: (PIN_WINDOW_SECS / 60) as u32,
            }),
        ));
    }
    if !b.kiosk_pin_matches(&store, &pin).await? {
        b.note_login_failure(&keys).await?;
        return Err(back("wrong", refuse(Problem::WrongPin)));
    }
    b.clear_login_failures(&keys[0]).await?;
    let outcome = match action {
        StaffAction::Start => {
            use omnistore_components::backend::{hash_token, new_token};
            // A device restarted for another store holds one binding only.
            if let Some(old) = &who.kiosk_device {
                b.unbind_kiosk(old).await?;
            }
            let secret = new_token();
            b.bind_kiosk(&store, &hash_token(&secret)).await?;
            set_cookie(&cookie(KIOSK_COOKIE, &secret, 400 * 24 * 3600, who.secure));
            StaffOutcome {
                next: format!("/kiosk/{store}"),
                pause_secs: 0,
            }
        }
        StaffAction::Exit => {
            b.end_visit(&who.guest_cart, who.session.as_deref()).await?;
            if let Some(device) = &who.kiosk_device {
                b.unbind_kiosk(device).await?;
            }
            forget_visit(who.secure);
            set_cookie(&cookie(KIOSK_COOKIE, "", 0, who.secure));
            StaffOutcome {
                next: "/".into(),
                pause_secs: 0,
            }
        }
        StaffAction::Settings { idle, countdown } => {
            b.set_kiosk_timing(&store, idle, countdown).await?;
            StaffOutcome {
                next: format!("/kiosk/{store}/shop"),
                pause_secs: 0,
            }
        }
        StaffAction::Assist => StaffOutcome {
            next: format!("/kiosk/{store}/shop"),
            pause_secs: ASSIST_SECS,
        },
    };
    if plain_form() {
        leptos_axum::redirect(&outcome.next);
    }
    Ok(outcome)
}

/// Ends the shopper's visit at this kiosk: the server forgets their cart
/// and session for good, and the browser is told to drop cookies, storage
/// and caches. The kiosk then shows its attract screen.
#[server(endpoint = "kiosk/reset")]
pub async fn kiosk_reset() -> Result<String, ShopError> {
    use super::ssr::*;
    let (who, store) = kiosk_device()?;
    backend()?
        .end_visit(&who.guest_cart, who.session.as_deref())
        .await?;
    forget_visit(who.secure);
    let next = format!("/kiosk/{store}");
    if plain_form() {
        leptos_axum::redirect(&next);
    }
    Ok(next)
}

/// Offers this kiosk's cart to the shopper's phone as a one-time link.
/// A customer scans their loyalty card at a kiosk (`code`): they are
/// signed in there, as with their password (the kiosk's reset signs them
/// out), and see their points. Only a kiosk takes it: elsewhere the code
/// is not a way in.
#[server(endpoint = "kiosk/loyalty")]
pub async fn kiosk_loyalty(code: String) -> Result<MergeReport, ShopError> {
    use super::ssr::*;
    let (who, store) = kiosk_device()?;
    let back = format!("/kiosk/{store}/shop");
    let customer = backend()?
        .loyalty_customer(&code)
        .await
        .map_err(|e| back_with(&back, fail(e)))?
        .ok_or_else(|| back_with(&back, refuse(Problem::UnknownLoyaltyCode)))?;
    let report = super::account::ssr::sign_in(customer, &who).await?;
    done_to(&super::account::ssr::after_sign_in(
        Some("/account#os-account-points".into()),
        &report,
    ));
    Ok(report)
}

#[server(endpoint = "kiosk/handoff")]
pub async fn start_handoff() -> Result<Handoff, ShopError> {
    use super::ssr::*;
    let (who, store) = kiosk_device()?;
    let base = format!("{}/handoff/", crate::seo::site_origin());
    backend()?
        .start_handoff(&store, &who.cart_owner(), &base)
        .await
        .map_err(fail)
}

/// Whether the phone has taken the cart (the kiosk asks every 2 seconds).
#[server(endpoint = "kiosk/handoff-taken", input = server_fn::codec::GetUrl)]
pub async fn handoff_taken(handle: String) -> Result<bool, ShopError> {
    use super::ssr::*;
    backend()?
        .handoff_taken(&handle)
        .await?
        .ok_or_else(|| refuse(Problem::NoSuchHandoff))
}

/// What a handoff link offers, for the phone's page.
#[server(endpoint = "handoff/preview", input = server_fn::codec::GetUrl)]
pub async fn get_handoff(token: String) -> Result<Option<HandoffPreview>, ShopError> {
    use super::ssr::*;
    use omnistore_components::backend::{hash_token, is_token};
    if !is_token(&token) {
        return Ok(None);
    }
    backend()?
        .handoff_preview(&hash_token(&token))
        .await
        .map_err(fail)
}

/// Takes the kiosk's cart into this phone's cart (merged as at login), once.
#[server(endpoint = "handoff/accept")]
pub async fn accept_handoff(token: String) -> Result<MergeReport, ShopError> {
    use super::ssr::*;
    use omnistore_components::backend::{hash_token, is_token};
    use omnistore_components::model::Problem;
    let who = identity()?;
    let page = format!("/handoff/{token}");
    let back = |e: ShopError| back_with(&page, e);
    if !is_token(&token) {
        return Err(back(refuse(Problem::NotOurLink)));
    }
    if who.kiosk.is_some() {
        return Err(back(refuse(Problem::UseYourPhone)));
    }
    let report = backend()?
        .accept_handoff(&hash_token(&token), &who.cart_owner())
        .await
        .map_err(|e| back(fail(e)))?;
    if plain_form() {
        leptos_axum::redirect(&format!("/cart?merged={}&from=kiosk", report.to_query()));
    }
    Ok(report)
}

/// The requester and the store it is a kiosk of; 403 for an ordinary
/// browser.
#[cfg(feature = "ssr")]
fn kiosk_device() -> Result<(omnistore_components::backend::Identity, String), ShopError> {
    use super::ssr::{identity, refuse};
    let who = identity()?;
    match who.kiosk.clone() {
        Some(store) => Ok((who, store)),
        None => Err(refuse(omnistore_components::model::Problem::NotAKiosk)),
    }
}

/// Tells the browser to drop the visit's cookies, and everything the origin
/// stored (`Clear-Site-Data`: Cache Storage, localStorage, IndexedDB and
/// service workers); the kiosk binding cookie is set again by the caller
/// when it must stay.
#[cfg(feature = "ssr")]
fn forget_visit(secure: bool) {
    use super::ssr::set_cookie;
    use omnistore_components::backend::{cookie, CART_COOKIE, SESSION_COOKIE};
    set_cookie(&cookie(SESSION_COOKIE, "", 0, secure));
    set_cookie(&cookie(CART_COOKIE, "", 0, secure));
    if let Some(res) = use_context::<leptos_axum::ResponseOptions>() {
        res.insert_header(
            http::HeaderName::from_static("clear-site-data"),
            http::HeaderValue::from_static("\"cache\", \"storage\""),
        );
    }
}
