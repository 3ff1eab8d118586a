//! The in-store kiosk: its settings, staff actions behind the PIN, the reset
//! that ends a shopper's visit, and the cart handoff to a phone.

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
pub async fn get_kiosk(store: String) -> Result<Option<KioskState>, ServerFnError> {
    use super::ssr::*;
    let who = identity()?;
    let Some(settings) = backend()?.kiosk_settings(&store).await.map_err(fail)? else {
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
) -> Result<StaffOutcome, ServerFnError> {
    use super::ssr::*;
    use http::StatusCode;
    use omnistore_components::backend::cookie;
    use omnistore_components::model::{
        StaffAction, ASSIST_SECS, KIOSK_COOKIE, MAX_PIN_FAILURES, PIN_WINDOW_SECS,
    };
    let who = identity()?;
    let b = backend()?;
    let back = |code: &str| {
        if plain_form() {
            leptos_axum::redirect(&format!("/kiosk/{store}?staff={code}"));
        }
    };
    let action = StaffAction::parse(&action, idle, countdown).map_err(|e| {
        back("invalid");
        reject(StatusCode::BAD_REQUEST, e)
    })?;
    if b.kiosk_settings(&store).await.map_err(fail)?.is_none() {
        back("invalid");
        return Err(reject(
            StatusCode::NOT_FOUND,
            format!("no store \"{store}\""),
        ));
    }
    let keys = [
        format!("kiosk-pin:{store}"),
        format!("kiosk-pin-ip:{}", who.client),
    ];
    let limits = [MAX_PIN_FAILURES; 2];
    if super::ssr::too_many_guesses(&b, &keys, &limits, PIN_WINDOW_SECS).await? {
        back("throttled");
        return Err(reject(
            StatusCode::TOO_MANY_REQUESTS,
            "too many wrong PINs: try again in 15 minutes",
        ));
    }
    if !b.kiosk_pin_matches(&store, &pin).await.map_err(fail)? {
        b.note_login_failure(&keys).await.map_err(fail)?;
        back("wrong");
        return Err(reject(StatusCode::FORBIDDEN, "that PIN is not right"));
    }
    b.clear_login_failures(&keys[0]).await.map_err(fail)?;
    let outcome = match action {
        StaffAction::Start => {
            use omnistore_components::backend::{hash_token, new_token};
            // A device restarted for another store holds one binding only.
            if let Some(old) = &who.kiosk_device {
                b.unbind_kiosk(old).await.map_err(fail)?;
            }
            let secret = new_token();
            b.bind_kiosk(&store, &hash_token(&secret))
                .await
                .map_err(fail)?;
            set_cookie(&cookie(KIOSK_COOKIE, &secret, 400 * 24 * 3600, who.secure));
            StaffOutcome {
                next: format!("/kiosk/{store}"),
                pause_secs: 0,
            }
        }
        StaffAction::Exit => {
            b.end_visit(&who.guest_cart, who.session.as_deref())
                .await
                .map_err(fail)?;
            if let Some(device) = &who.kiosk_device {
                b.unbind_kiosk(device).await.map_err(fail)?;
            }
            forget_visit(who.secure);
            set_cookie(&cookie(KIOSK_COOKIE, "", 0, who.secure));
            StaffOutcome {
                next: "/".into(),
                pause_secs: 0,
            }
        }
        StaffAction::Settings { idle, countdown } => {
            b.set_kiosk_timing(&store, idle, countdown)
                .await
                .map_err(fail)?;
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
pub async fn kiosk_reset() -> Result<String, ServerFnError> {
    use super::ssr::*;
    let (who, store) = kiosk_device("this browser is not a kiosk; sign out instead")?;
    backend()?
        .end_visit(&who.guest_cart, who.session.as_deref())
        .await
        .map_err(fail)?;
    forget_visit(who.secure);
    let next = format!("/kiosk/{store}");
    if plain_form() {
        leptos_axum::redirect(&next);
    }
    Ok(next)
}

/// Offers this kiosk's cart to the shopper's phone as a one-time link.
#[server(endpoint = "kiosk/handoff")]
pub async fn start_handoff() -> Result<Handoff, ServerFnError> {
    use super::ssr::*;
    let (who, store) = kiosk_device("only a kiosk sends its cart to a phone")?;
    let base = format!("{}/handoff/", crate::seo::site_origin());
    backend()?
        .start_handoff(&store, &who.cart_owner(), &base)
        .await
        .map_err(fail)
}

/// Whether the phone has taken the cart (the kiosk asks every 2 seconds).
#[server(endpoint = "kiosk/handoff-taken", input = server_fn::codec::GetUrl)]
pub async fn handoff_taken(handle: String) -> Result<bool, ServerFnError> {
    use super::ssr::*;
    use http::StatusCode;
    backend()?
        .handoff_taken(&handle)
        .await
        .map_err(fail)?
        .ok_or_else(|| reject(StatusCode::NOT_FOUND, "no such handoff"))
}

/// What a handoff link offers, for the phone's page.
#[server(endpoint = "handoff/preview", input = server_fn::codec::GetUrl)]
pub async fn get_handoff(token: String) -> Result<Option<HandoffPreview>, ServerFnError> {
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
pub async fn accept_handoff(token: String) -> Result<MergeReport, ServerFnError> {
    use super::ssr::*;
    use http::StatusCode;
    use omnistore_components::backend::{hash_token, is_token, BackendError};
    let who = identity()?;
    let back = |e: &BackendError| {
        if plain_form() {
            let code = match e {
                BackendError::Gone(m) if m.contains("expired") => "expired",
                BackendError::Gone(_) => "used",
                _ => "invalid",
            };
            leptos_axum::redirect(&format!("/handoff/{token}?error={code}"));
        }
    };
    if !is_token(&token) {
        let e = BackendError::BadRequest("this link is not one of ours".into());
        back(&e);
        return Err(fail(e));
    }
    if who.kiosk.is_some() {
        return Err(reject(
            StatusCode::BAD_REQUEST,
            "open this link on your phone, not on the kiosk",
        ));
    }
    let report = backend()?
        .accept_handoff(&hash_token(&token), &who.cart_owner())
        .await
        .map_err(|e| {
            back(&e);
            fail(e)
        })?;
    if plain_form() {
        leptos_axum::redirect(&format!("/cart?merged={}&from=kiosk", report.to_query()));
    }
    Ok(report)
}

/// The requester and the store it is a kiosk of; 403 with `refusal` for an
/// ordinary browser.
#[cfg(feature = "ssr")]
fn kiosk_device(
    refusal: &str,
) -> Result<(omnistore_components::backend::Identity, String), ServerFnError> {
    use super::ssr::{identity, reject};
    let who = identity()?;
    match who.kiosk.clone() {
        Some(store) => Ok((who, store)),
        None => Err(reject(http::StatusCode::FORBIDDEN, refusal.to_string())),
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
