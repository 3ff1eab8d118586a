//! Kiosk mode: which store this device serves, the kiosk bar (scan field,
//! start over, send to my phone, staff), and the idle reset.
//!
//! Usage:
//! ```text
//! provide_kiosk();                         // once, in App
//! if let Some(store) = kiosk_store() { … } // anywhere below
//! view! { <KioskBar /> }                   // in the header
//! ```
//!
//! Server-side rendering: the store comes from the request (the `os_kiosk`
//! cookie, resolved by the host) and the shell marks `<body data-kiosk>`;
//! the browser reads that attribute, so both sides agree without a
//! resource. The idle timer, the handoff polling and the wipe exist only in
//! the browser; with JavaScript off the bar's forms still work.

use crate::api::kiosk::{get_kiosk, handoff_taken, kiosk_reset, start_handoff, KioskStaff};
use leptos::form::ActionForm;
use leptos::prelude::*;
use omnistore_components::i18n::{t, Msg};
use omnistore_components::model::{Handoff, COUNTDOWN_RANGE, IDLE_RANGE};
use omnistore_components::QrCode;

/// The kiosk's store, or `None` on an ordinary browser.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct KioskMode(pub Option<String>);

/// The store of this request's kiosk (server), or of the page (browser).
pub fn request_kiosk() -> Option<String> {
    #[cfg(feature = "ssr")]
    {
        use omnistore_components::backend::Identity;
        use_context::<http::request::Parts>()
            .and_then(|p| p.extensions.get::<Identity>().and_then(|i| i.kiosk.clone()))
    }
    #[cfg(not(feature = "ssr"))]
    {
        document()
            .body()
            .and_then(|b| b.get_attribute("data-kiosk"))
            .filter(|s| !s.is_empty())
    }
}

pub fn provide_kiosk() {
    provide_context(KioskMode(request_kiosk()));
}

/// This device's kiosk store, if it is a kiosk.
pub fn kiosk_store() -> Option<String> {
    use_context::<KioskMode>().and_then(|k| k.0)
}

/// Wipes what the browser holds of the shopper and shows the attract screen.
/// The server's answer to the reset also carries `Clear-Site-Data`; the
/// storage is cleared here too for browsers that ignore it.
pub fn wipe_and_restart(store: String) {
    leptos::task::spawn_local(async move {
        let next = kiosk_reset()
            .await
            .unwrap_or_else(|_| format!("/kiosk/{store}"));
        #[cfg(feature = "hydrate")]
        {
            let w = window();
            if let Ok(Some(s)) = w.local_storage() {
                let _ = s.clear();
            }
            if let Ok(Some(s)) = w.session_storage() {
                let _ = s.clear();
            }
            // A full load, replacing this entry: no page of the visit stays
            // in memory, and the next page is fetched with the new cookies.
            let _ = w.location().replace(&next);
        }
        #[cfg(not(feature = "hydrate"))]
        let _ = next;
    });
}

/// The bar a kiosk shows above every page. The home link, the scan field
/// and "Start over" are markup with plain forms (the server ends the visit
/// and answers with `Clear-Site-Data` and the attract screen); only what
/// reacts in the browser, the two dialogs and the idle reset, is the
/// island's, so a kiosk's page downloads as little as it can.
#[component]
pub fn KioskBar(
    /// The kiosk's store slug.
    store: String,
) -> impl IntoView {
    let store_home = format!("/kiosk/{store}/shop");
    let scan_action = format!("/kiosk/{store}/scan");
    view! {
        <div class="os-kiosk-bar" role="region" aria-label="Kiosk">
            <a class="os-kiosk-bar__home" href=store_home>
                "omnistore"
            </a>
            <form class="os-kiosk-bar__scan" action=scan_action method="get" role="search">
                <label class="os-kiosk-bar__scan-label" for="os-kiosk-scan">
                    {t(Msg::KioskScanLabel)}
                </label>
                <ScanInput id="os-kiosk-scan" />
                <button class=BUTTON type="submit">
                    {t(Msg::KioskFind)}
                </button>
            </form>
            <form class="os-kiosk-bar__reset" action="/api/kiosk/reset" method="post">
                <button class=BUTTON type="submit">
                    {t(Msg::KioskStartOver)}
                </button>
            </form>
            <KioskControls store />
        </div>
    }
}

/// "Send to my phone", "Staff" and the idle reset: loaded with the page on
/// a kiosk only (a lazy island). The dialogs are chunks of their own,
/// fetched on first use.
#[island(lazy)]
fn KioskControls(
    /// The kiosk's store slug.
    store: String,
) -> impl IntoView {
    crate::shopper::island_context(None);
    let staff_open = RwSignal::new(false);
    let phone_open = RwSignal::new(false);
    // Seconds left of "Are you still there?"; `None` while in use.
    let left = RwSignal::new(None::<u32>);
    // Effects run in the browser only, after hydration; the idle reset's
    // listeners and timers go with this effect's owner.
    Effect::new({
        let store = store.clone();
        move |_| idle::start(store.clone(), left)
    });
    let staff_store = store.clone();
    view! {
        <div class="os-kiosk-bar__controls">
            {bar_button(Msg::KioskSendToPhone, BUTTON, move || phone_open.set(true))}
            {bar_button(Msg::KioskStaff, QUIET_BUTTON, move || staff_open.set(true))}
        </div>
        {move || {
            left.get()
                .map(|s| {
                    view! {
                        <div
                            class="os-kiosk-idle"
                            role="alertdialog"
                            aria-modal="true"
                            aria-labelledby="os-kiosk-idle-title"
                        >
                            <div class="os-kiosk-dialog">
                                <h2 id="os-kiosk-idle-title">{t(Msg::KioskStillThere)}</h2>
                                <p>
                                    {t(Msg::KioskResetIn)}" "
                                    <strong class="os-kiosk-idle__seconds">{s}</strong>" "
                                    {t(Msg::KioskSeconds)}
                                </p>
                                <button class=BUTTON type="button">
                                    {t(Msg::KioskStillHere)}
                                </button>
                            </div>
                        </div>
                    }
                })
        }}
        <Show when=move || phone_open.get()>
            <LazyPhoneDialog store=store.clone() open=phone_open />
        </Show>
        <Show when=move || staff_open.get()>
            <LazyStaffDialog store=staff_store.clone() open=staff_open />
        </Show>
    }
}

const BUTTON: &str = "os-kiosk-bar__button";
/// Staff's and closing buttons: there, but not what a shopper looks for.
const QUIET_BUTTON: &str = "os-kiosk-bar__button os-kiosk-bar__button--quiet";

/// A button of the kiosk's bar or its dialogs (`class` is one of the above).
fn bar_button(label: Msg, class: &'static str, on_press: impl Fn() + 'static) -> impl IntoView {
    view! {
        <button class=class type="button" on:click=move |_| on_press()>
            {t(label)}
        </button>
    }
}

/// "Send to my phone", loaded on first use.
#[component]
fn LazyPhoneDialog(
    /// The kiosk's store slug.
    store: String,
    /// Whether the dialog is open; its close button clears it.
    open: RwSignal<bool>,
) -> impl IntoView {
    let dialog = move || {
        let store = store.clone();
        // Not loaded (the network failed): shut again, so that the next
        // press tries again.
        Suspend::new(send_wrapper::SendWrapper::new(async move {
            phone_dialog(store, open)
                .await
                .inspect_err(|_| open.set(false))
                .ok()
        }))
    };
    view! { <Suspense fallback=|| ()>{dialog}</Suspense> }
}

/// The staff dialog, loaded on first use.
#[component]
fn LazyStaffDialog(
    /// The kiosk's store slug.
    store: String,
    /// Whether the dialog is open; closing it clears it.
    open: RwSignal<bool>,
) -> impl IntoView {
    let close = Callback::new(move |()| open.set(false));
    let dialog = move || {
        let store = store.clone();
        Suspend::new(send_wrapper::SendWrapper::new(async move {
            staff_dialog(store, close)
                .await
                .inspect_err(|_| close.run(()))
                .ok()
        }))
    };
    view! { <Suspense fallback=|| ()>{dialog}</Suspense> }
}

// The kiosk's lazy dialogs below are wasm-split functions with `fallible`:
// a plain `#[lazy]` panics when its chunk cannot be fetched, and a panic
// aborts the whole wasm, so a kiosk would stop answering (and stop resetting)
// until someone reloads it.

/// "Send to my phone": asks for a one-time link, shows its QR code and
/// watches for the phone to take the cart.
#[leptos::wasm_split::wasm_split(kiosk_phone, wasm_split_path = ::leptos::wasm_split, fallible)]
fn phone_dialog(
    store: String,
    open: RwSignal<bool>,
) -> Result<AnyView, leptos::wasm_split::SplitLoaderError> {
    let phone = RwSignal::new(None::<Result<Handoff, String>>);
    leptos::task::spawn_local(async move {
        phone.set(Some(
            start_handoff()
                .await
                .map_err(|e| crate::shopper::error_text(&e)),
        ));
    });
    handoff_watch(store, phone);
    Ok(view! {
        <div
            class="os-kiosk-dialog"
            role="dialog"
            aria-modal="true"
            aria-label=t(Msg::KioskSendToPhone)
        >
            <h2>{t(Msg::KioskSendToPhone)}</h2>
            {move || match phone.get() {
                Some(Ok(h)) => {
                    view! {
                        <p>{t(Msg::KioskScanWithPhone)}</p>
                        <QrCode
                            path=h.qr_path.clone()
                            size=h.qr_size
                            label=t(Msg::KioskSendToPhone).to_string()
                        />
                        <p class="os-kiosk-dialog__link">
                            <a href=h.url.clone() data-handoff=h.url.clone()>
                                {t(Msg::HandoffTitle)}
                            </a>
                        </p>
                    }
                        .into_any()
                }
                Some(Err(m)) => view! { <p role="alert">{m}</p> }.into_any(),
                None => view! { <p>{t(Msg::Loading)}</p> }.into_any(),
            }}
            <button class="os-kiosk-bar__button" type="button" on:click=move |_| open.set(false)>
                {t(Msg::CloseCart)}
            </button>
        </div>
    }
    .into_any())
}

/// One of the kiosk's timings, in whole seconds within `range` (the model's
/// bounds, which the server checks too).
fn seconds_field(
    label: Msg,
    name: &'static str,
    range: std::ops::RangeInclusive<u32>,
    value: u32,
) -> impl IntoView {
    view! {
        <label class="os-kiosk-staff__field">
            <span>{t(label)}</span>
            <input
                name=name
                type="number"
                inputmode="numeric"
                min=*range.start()
                max=*range.end()
                value=value
            />
        </label>
    }
}

/// The staff PIN: digits only, asked every time, never kept by the browser.
#[component]
pub fn PinField() -> impl IntoView {
    view! {
        <label class="os-kiosk-staff__field">
            <span>{t(Msg::KioskPin)}</span>
            <input
                name="pin"
                type="password"
                inputmode="numeric"
                autocomplete="off"
                required
                minlength="4"
                maxlength="8"
            />
        </label>
    }
}

/// Why the staff's last request was refused (a wrong PIN, a bad timing).
pub fn staff_error(error: impl Fn() -> Option<String> + Send + Sync + 'static) -> impl IntoView {
    move || {
        error().map(|m| {
            view! {
                <p class="os-kiosk-staff__error" role="alert">
                    {m}
                </p>
            }
        })
    }
}

/// The field a keyboard-wedge scanner types into (digits, then Enter) and
/// shoppers type product codes into; its form goes to `/kiosk/{store}/scan`.
#[component]
pub fn ScanInput(
    /// The input's id, for its label.
    id: &'static str,
    /// Takes the focus when the page loads.
    #[prop(optional)]
    autofocus: bool,
) -> impl IntoView {
    view! {
        <input
            id=id
            class="os-kiosk-bar__scan-input"
            name="code"
            type="text"
            autocomplete="off"
            autocapitalize="characters"
            spellcheck="false"
            enterkeyhint="go"
            maxlength="40"
            autofocus=autofocus
        />
    }
}

/// The staff dialog, from the lazy chunk.
#[leptos::wasm_split::wasm_split(kiosk_staff, wasm_split_path = ::leptos::wasm_split, fallible)]
fn staff_dialog(
    store: String,
    on_close: Callback<()>,
) -> Result<AnyView, leptos::wasm_split::SplitLoaderError> {
    Ok(view! { <StaffDialog store on_close /> }.into_any())
}

/// Polls the open handoff every 2 seconds; once the phone took the cart,
/// the kiosk starts over.
fn handoff_watch(store: String, phone: RwSignal<Option<Result<Handoff, String>>>) {
    #[cfg(feature = "hydrate")]
    {
        let handle = set_interval_with_handle(
            move || {
                let Some(Ok(h)) = phone.get_untracked() else {
                    return;
                };
                let store = store.clone();
                leptos::task::spawn_local(async move {
                    if handoff_taken(h.handle).await == Ok(true) {
                        wipe_and_restart(store);
                    }
                });
            },
            std::time::Duration::from_secs(2),
        );
        if let Ok(handle) = handle {
            on_cleanup(move || handle.clear());
        }
    }
    #[cfg(not(feature = "hydrate"))]
    let _ = (store, phone, handoff_taken);
}

/// The PIN, asked every time, and what staff may do with it.
#[component]
pub fn StaffDialog(
    /// The kiosk's store slug.
    store: String,
    /// Closes the dialog.
    on_close: Callback<()>,
) -> impl IntoView {
    let act = ServerAction::<KioskStaff>::new();
    Effect::new(move |_| {
        if let Some(Ok(outcome)) = act.value().get() {
            if outcome.pause_secs > 0 {
                idle::pause(outcome.pause_secs);
                on_close.run(());
            } else {
                #[cfg(feature = "hydrate")]
                let _ = window().location().assign(&outcome.next);
            }
        }
    });
    let error = move || match act.value().get() {
        Some(Err(e)) => Some(crate::shopper::error_text(&e)),
        _ => None,
    };
    view! {
        <div class="os-kiosk-dialog" role="dialog" aria-modal="true" aria-label=t(Msg::KioskStaff)>
            <h2>{t(Msg::KioskStaff)}</h2>
            <ActionForm action=act attr:class="os-kiosk-staff">
                <input type="hidden" name="store" value=store.clone() />
                <PinField />
                {staff_error(error)}
                <div class="os-kiosk-staff__actions">
                    <button class="os-kiosk-bar__button" name="action" value="assist" type="submit">
                        {t(Msg::KioskAssist)}
                    </button>
                    <button class="os-kiosk-bar__button" name="action" value="exit" type="submit">
                        {t(Msg::KioskExit)}
                    </button>
                </div>
                <fieldset class="os-kiosk-staff__timing">
                    {seconds_field(
                        Msg::KioskIdleSeconds,
                        "idle",
                        IDLE_RANGE,
                        idle::IDLE.with(|c| c.get()),
                    )}
                    {seconds_field(
                        Msg::KioskCountdownSeconds,
                        "countdown",
                        COUNTDOWN_RANGE,
                        idle::COUNTDOWN.with(|c| c.get()),
                    )}
                    <button
                        class="os-kiosk-bar__button"
                        name="action"
                        value="settings"
                        type="submit"
                    >
                        {t(Msg::KioskSettings)}
                    </button>
                </fieldset>
            </ActionForm>
            {bar_button(Msg::CloseCart, QUIET_BUTTON, move || on_close.run(()))}
        </div>
    }
}

/// The idle reset: after the store's idle time without a touch, key or
/// scroll, "Are you still there?" counts down; at zero the visit is wiped.
mod idle {
    use super::*;
    use omnistore_components::model::{COUNTDOWN_DEFAULT_SECS, IDLE_DEFAULT_SECS};
    use std::cell::Cell;

    thread_local! {
        pub static IDLE: Cell<u32> = const { Cell::new(IDLE_DEFAULT_SECS) };
        pub static COUNTDOWN: Cell<u32> = const { Cell::new(COUNTDOWN_DEFAULT_SECS) };
        static PAUSED_UNTIL: Cell<f64> = const { Cell::new(0.0) };
    }

    /// Rests the reset for `secs` (staff assisting a customer).
    pub fn pause(secs: u32) {
        #[cfg(feature = "hydrate")]
        PAUSED_UNTIL.with(|p| p.set(js_sys::Date::now() + f64::from(secs) * 1000.0));
        #[cfg(not(feature = "hydrate"))]
        let _ = (secs, &PAUSED_UNTIL);
    }

    pub fn start(store: String, left: RwSignal<Option<u32>>) {
        #[cfg(feature = "hydrate")]
        {
            use std::rc::Rc;
            let last = Rc::new(Cell::new(js_sys::Date::now()));
            for name in ["pointerdown", "keydown", "touchstart", "wheel", "input"] {
                let last = last.clone();
                let handle = window_event_listener_untyped(name, move |_| {
                    last.set(js_sys::Date::now());
                    left.set(None);
                });
                on_cleanup(move || handle.remove());
            }
            // A page restored from the back-forward cache would show the
            // previous shopper's state: load it anew instead.
            let restored = window_event_listener_untyped("pageshow", |e| {
                let persisted = js_sys::Reflect::get(&e, &"persisted".into())
                    .ok()
                    .and_then(|v| v.as_bool())
                    .unwrap_or(false);
                if persisted {
                    let _ = window().location().reload();
                }
            });
            on_cleanup(move || restored.remove());
            // The store's timing, fetched in the browser only.
            {
                let store = store.clone();
                leptos::task::spawn_local(async move {
                    if let Ok(Some(k)) = get_kiosk(store).await {
                        IDLE.with(|c| c.set(k.settings.idle_seconds));
                        COUNTDOWN.with(|c| c.set(k.settings.countdown_seconds));
                    }
                });
            }
            let fired = Rc::new(Cell::new(false));
            let tick = move || {
                let now = js_sys::Date::now();
                if fired.get() || PAUSED_UNTIL.with(|p| p.get()) > now {
                    return;
                }
                let idle_ms = now - last.get();
                let idle = f64::from(IDLE.with(|c| c.get())) * 1000.0;
                let countdown = f64::from(COUNTDOWN.with(|c| c.get())) * 1000.0;
                if idle_ms < idle {
                    return;
                }
                let remaining = countdown - (idle_ms - idle);
                if remaining <= 0.0 {
                    fired.set(true);
                    wipe_and_restart(store.clone());
                } else {
                    left.set(Some((remaining / 1000.0).ceil() as u32));
                }
            };
            if let Ok(handle) =
                set_interval_with_handle(tick, std::time::Duration::from_millis(500))
            {
                on_cleanup(move || handle.clear());
            }
        }
        #[cfg(not(feature = "hydrate"))]
        let _ = (store, left, get_kiosk);
    }
}
