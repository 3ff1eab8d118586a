//! The shopper in the page: who is signed in and their cart, kept current
//! across devices and tolerant of a lost network.
//!
//! Usage:
//! ```text
//! let shopper = provide_shopper();      // once, in App
//! let shopper = use_shopper();          // anywhere below, and in islands
//! shopper.apply(CartOp::Add { variant_id, quantity: 1, fulfilment: Fulfilment::Delivery });
//! view! { <Suspense>{move || Suspend::new(async move { shopper.loaded().await.map(|s| s.cart.item_count()) })}</Suspense> }
//! ```
//!
//! Server-side rendering: the session (viewer + cart) is a resource loaded
//! with the page; await it (`loaded`) before rendering what shows it, as the
//! header does before its island. The island carries the session to the
//! browser in its props ([`SessionProp`]), where the page-wide shopper starts
//! from it, so the first paint already shows the right count and hydration
//! matches without a `Transition`. Nothing else happens on the server: the
//! live stream, the change queue and storage exist only in the browser.
//!
//! In the browser every cart change gets an idempotency key, shows at once
//! (optimistically), and goes into a queue persisted in `localStorage`; the
//! queue is sent in order, and when the network is down it waits for the
//! `online` event. The server applies each key once, so a resend after a
//! lost answer cannot double a line. A server-sent event stream tells this
//! page when the cart changed elsewhere (another tab or device).

use crate::api::account::SessionState;
use crate::api::ShopError;
#[cfg(not(feature = "hydrate"))]
use crate::api::{
    account::get_session,
    load::{load, Loaded},
};
use leptos::prelude::*;
use omnistore_components::i18n::{use_locale, Locale, Msg};
use omnistore_components::model::{
    Cart, CartNotice, CartOp, Fulfilment, StoreRef, VariantId, Viewer, MAX_LINE_QUANTITY,
};
use serde::{Deserialize, Serialize};

/// A change waiting to be confirmed by the server.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Queued {
    pub key: String,
    pub op: CartOp,
}

#[derive(Clone, Copy)]
pub struct Shopper {
    /// The session loaded with the page, on the server (`None` for a
    /// corner rendered from a session already read). The browser has no
    /// such resource, so none of its machinery is in the wasm: there
    /// `seeded` holds the session.
    #[cfg(not(feature = "hydrate"))]
    session: Option<Loaded<Result<SessionState, ShopError>>>,
    /// In the browser: the session the server put in the header island's
    /// props, replaced by each later reload.
    seeded: RwSignal<Option<SessionState>>,
    /// The newest cart the server sent after hydration; `None` until then.
    live: RwSignal<Option<Cart>>,
    /// Changes not yet confirmed, oldest first.
    pending: RwSignal<Vec<Queued>>,
    /// What the shopper should read about the last change.
    pub notice: RwSignal<Option<String>>,
    /// The mini-cart drawer.
    pub drawer: RwSignal<bool>,
    /// True while changes wait for the network.
    pub offline: RwSignal<bool>,
    locale: Locale,
}

/// The page's shopper. On the server it is the one [`provide_shopper`]
/// made; in an island in the browser it is the page-wide one the first
/// island made, because islands do not share context with each other.
pub fn use_shopper() -> Shopper {
    if let Some(shopper) = use_context::<Shopper>() {
        return shopper;
    }
    #[cfg(feature = "hydrate")]
    {
        browser::page_shopper(None)
    }
    #[cfg(not(feature = "hydrate"))]
    {
        expect_context::<Shopper>()
    }
}

/// Creates the shopper state for the page and, in the browser, starts the
/// live updates and the queue.
#[cfg(not(feature = "hydrate"))]
pub fn provide_shopper() -> Shopper {
    let shopper = Shopper {
        session: Some(load(|| (), |_| get_session())),
        ..Shopper::new(None, use_locale())
    };
    provide_context(shopper);
    shopper
}

/// The app renders on the server only (islands); in the browser, islands
/// find the page-wide shopper with [`use_shopper`].
#[cfg(feature = "hydrate")]
pub fn provide_shopper() -> Shopper {
    use_shopper()
}

/// A shopper made from a session already read (server only: see
/// [`crate::layout::lone_shopper_corner`]).
#[cfg(feature = "ssr")]
pub fn provide_seeded_shopper(session: Option<SessionState>) -> Shopper {
    let shopper = Shopper::new(session, use_locale());
    provide_context(shopper);
    shopper
}

/// The session in the header island's props, as JSON text.
///
/// Why not the `SessionState` itself: leptos decodes island props from a
/// `&str`, server functions (`get_session`) decode their answers from
/// bytes, and serde's decoders are made once per kind of input. Decoded
/// both ways, the session, its cart, lines, viewer and store would each be
/// in the first page's wasm twice. As text, the props need a string's
/// decoder only, and the session is read from bytes like every answer (as
/// [`crate::api::load`] does for resources).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct SessionProp(String);

impl SessionProp {
    /// The props for `session` (empty for none).
    pub fn new(session: Option<&SessionState>) -> Self {
        SessionProp(
            session
                .and_then(|s| serde_json::to_string(s).ok())
                .unwrap_or_default(),
        )
    }

    /// The session the props carry.
    pub fn decode(&self) -> Option<SessionState> {
        serde_json::from_slice(self.0.as_bytes()).ok()
    }
}

/// What every island calls first. In the browser an island has no context
/// from the page around it: this gives it the page's locale
/// and kiosk mode, and (with `session`, from the island's props) makes the
/// page-wide shopper. Elsewhere the context is already there and this does
/// nothing.
pub fn island_context(session: Option<SessionProp>) {
    if use_context::<Locale>().is_none() {
        omnistore_components::i18n::provide_locale(None);
    }
    if use_context::<crate::kiosk::KioskMode>().is_none() {
        crate::kiosk::provide_kiosk();
    }
    #[cfg(feature = "hydrate")]
    if use_context::<Shopper>().is_none() {
        if let Some(seed) = session.and_then(|s| s.decode()) {
            browser::page_shopper(Some(seed));
        }
    }
    #[cfg(not(feature = "hydrate"))]
    let _ = session;
}

/// Applies a change to a cart as the server will (without stock limits, which
/// only the server knows), for showing it before the answer arrives.
fn apply_locally(cart: &mut Cart, op: &CartOp) {
    let same = |l: &omnistore_components::model::CartLine, v: &VariantId, f: Fulfilment| {
        &l.variant_id == v && l.fulfilment == f
    };
    match op {
        &CartOp::Add {
            ref variant_id,
            quantity,
            fulfilment,
        } => {
            if let Some(l) = cart
                .lines
                .iter_mut()
                .find(|l| same(l, variant_id, fulfilment))
            {
                l.quantity = (l.quantity + quantity).min(MAX_LINE_QUANTITY);
            }
        }
        &CartOp::Set {
            ref variant_id,
            quantity,
            fulfilment,
        } => {
            cart.lines
                .retain(|l| quantity > 0 || !same(l, variant_id, fulfilment));
            if let Some(l) = cart
                .lines
                .iter_mut()
                .find(|l| same(l, variant_id, fulfilment))
            {
                l.quantity = quantity;
            }
        }
        &CartOp::Remove {
            ref variant_id,
            fulfilment,
        } => cart.lines.retain(|l| !same(l, variant_id, fulfilment)),
        &CartOp::Move {
            ref variant_id,
            from,
            to,
        } => {
            // Shown as switched; the server joins and clamps.
            if !cart.lines.iter().any(|l| same(l, variant_id, to)) {
                if let Some(l) = cart.lines.iter_mut().find(|l| same(l, variant_id, from)) {
                    l.fulfilment = to;
                }
            }
        }
        CartOp::PickupAt { .. } => {}
        CartOp::Clear => cart.lines.clear(),
    }
}

impl Shopper {
    fn new(seeded: Option<SessionState>, locale: Locale) -> Self {
        Shopper {
            #[cfg(not(feature = "hydrate"))]
            session: None,
            seeded: RwSignal::new(seeded),
            live: RwSignal::new(None),
            pending: RwSignal::new(Vec::new()),
            notice: RwSignal::new(None),
            drawer: RwSignal::new(false),
            offline: RwSignal::new(false),
            locale,
        }
    }

    /// The session as last loaded, `None` while loading. Reactive.
    pub fn session(&self) -> Option<SessionState> {
        #[cfg(not(feature = "hydrate"))]
        if let Some(loaded) = self.session {
            return loaded.get().and_then(Result::ok);
        }
        self.seeded.get()
    }

    /// The session, once loaded (for rendering an island's props).
    pub async fn loaded(self) -> Option<SessionState> {
        #[cfg(not(feature = "hydrate"))]
        if let Some(loaded) = self.session {
            return loaded.await.ok();
        }
        self.seeded.get_untracked()
    }

    fn server_cart(&self) -> Cart {
        self.live
            .get()
            .unwrap_or_else(|| self.session().map(|s| s.cart).unwrap_or_default())
    }

    /// The cart as the shopper should see it: the server's, with unconfirmed
    /// changes applied. Reactive.
    pub fn cart(&self) -> Cart {
        let mut cart = self.server_cart();
        for q in self.pending.get() {
            apply_locally(&mut cart, &q.op);
        }
        cart
    }

    /// Units in the cart including unconfirmed additions of new lines. Reactive.
    pub fn item_count(&self) -> u32 {
        let cart = self.cart();
        let new_units: u32 = self
            .pending
            .get()
            .iter()
            .filter_map(|q| match &q.op {
                &CartOp::Add {
                    ref variant_id,
                    quantity,
                    fulfilment,
                } if !cart
                    .lines
                    .iter()
                    .any(|l| &l.variant_id == variant_id && l.fulfilment == fulfilment) =>
                {
                    Some(quantity)
                }
                _ => None,
            })
            .sum();
        cart.item_count() + new_units
    }

    /// The signed-in customer. Reactive.
    pub fn viewer(&self) -> Option<Viewer> {
        self.session().and_then(|s| s.viewer)
    }

    /// "My store", if chosen. Reactive.
    pub fn my_store(&self) -> Option<StoreRef> {
        self.session().and_then(|s| s.my_store)
    }

    /// Reloads who is signed in and their cart (after sign-in or sign-out).
    pub fn refresh(&self) {
        self.live.set(None);
        #[cfg(not(feature = "hydrate"))]
        if let Some(loaded) = self.session {
            loaded.refetch();
        }
        #[cfg(feature = "hydrate")]
        {
            browser::reload_session(*self);
            browser::reconnect(*self);
        }
    }

    /// Changes the cart: shown at once, sent (or queued) with an idempotency key.
    pub fn apply(&self, op: CartOp) {
        #[cfg(feature = "hydrate")]
        {
            let key = browser::new_key();
            self.pending.update(|p| p.push(Queued { key, op }));
            browser::persist(self.pending.get_untracked());
            browser::flush(*self);
        }
        #[cfg(not(feature = "hydrate"))]
        let _ = op;
    }

    /// "Add to cart" from a page: applies the change and opens the mini-cart,
    /// which says how it went. The callback every AddToCart gets.
    pub fn add_callback(&self) -> Callback<(VariantId, u32, Fulfilment)> {
        let shopper = *self;
        Callback::new(move |(variant_id, quantity, fulfilment)| {
            shopper.apply(CartOp::Add {
                variant_id,
                quantity,
                fulfilment,
            });
            shopper.drawer.set(true);
        })
    }

    /// Words a server notice for the shopper.
    pub fn describe(&self, notice: &CartNotice) -> String {
        let locale = self.locale;
        match notice {
            CartNotice::Clamped { got, .. } => format!(
                "{} {got} — {}.",
                Msg::OnlyAvailable.text(locale),
                Msg::AllWeHave.text(locale)
            ),
            CartNotice::Unavailable => Msg::ItemUnavailable.text(locale).to_string(),
        }
    }
}

/// "2 items from your visit were added to your cart; quantity reduced to 3 —
/// that is all we have.", with each count's noun in its plural form.
pub fn merge_message(r: &omnistore_components::model::MergeReport, locale: Locale) -> String {
    let mut parts = Vec::new();
    if r.added_lines > 0 {
        parts.push(Msg::MergedAdded.count(r.added_lines, locale));
    }
    for l in &r.reduced {
        parts.push(format!(
            "{} {} — {}",
            Msg::ReducedTo.text(locale),
            l.quantity,
            Msg::AllWeHave.text(locale)
        ));
    }
    if r.dropped > 0 {
        parts.push(Msg::MergedDropped.count(r.dropped, locale));
    }
    let mut text = parts.join("; ");
    // Every part starts with a digit or an ASCII letter; ASCII-only keeps
    // the Unicode case tables out of the wasm.
    if let Some(first) = text.get_mut(..1) {
        first.make_ascii_uppercase();
    }
    if !text.is_empty() {
        text.push('.');
    }
    text
}

/// The message of a failed call, for the shopper.
pub fn error_text(e: &ShopError) -> String {
    e.text(use_locale())
}

#[cfg(feature = "hydrate")]
mod browser {
    use super::{Queued, Shopper};
    use crate::api::account::{get_session, SessionState};
    use crate::api::cart::{apply_cart, get_cart};
    use leptos::prelude::*;
    use leptos::task::spawn_local;
    use omnistore_components::i18n::Msg;
    use omnistore_components::model::CartOp;
    use std::cell::{Cell, RefCell};
    use wasm_bindgen::closure::Closure;
    use wasm_bindgen::JsCast;

    const QUEUE_KEY: &str = "os-cart-queue";

    thread_local! {
        /// The one shopper of the page, shared by its islands.
        static PAGE: Cell<Option<Shopper>> = const { Cell::new(None) };
        static FLUSHING: Cell<bool> = const { Cell::new(false) };
        /// A saved queue is being taken back.
        static RESTORING: Cell<bool> = const { Cell::new(false) };
        /// A saved queue is not taken back yet (in flight, or its code could
        /// not be fetched): storage keeps it untouched.
        static UNREAD: Cell<bool> = const { Cell::new(false) };
        static EVENTS: RefCell<Option<web_sys::EventSource>> = const { RefCell::new(None) };
    }

    /// The page's shopper, made on first use (from the
    /// session in the first island's props, else loaded from the server). Its
    /// signals belong to a root of their own: no island's cleanup takes them.
    pub fn page_shopper(seed: Option<SessionState>) -> Shopper {
        if let Some(shopper) = PAGE.with(Cell::get) {
            return shopper;
        }
        let locale = omnistore_components::i18n::use_locale();
        let unseeded = seed.is_none();
        let owner = Owner::new_root(None);
        let shopper = owner.with(|| Shopper::new(seed, locale));
        std::mem::forget(owner);
        PAGE.with(|p| p.set(Some(shopper)));
        if unseeded {
            reload_session(shopper);
        }
        start(shopper);
        shopper
    }

    pub fn reload_session(shopper: Shopper) {
        spawn_local(async move {
            if let Ok(session) = get_session().await {
                shopper.seeded.set(Some(session));
                follow_if_needed(shopper);
            }
        });
    }

    fn storage() -> Option<web_sys::Storage> {
        window().local_storage().ok().flatten()
    }

    pub fn new_key() -> String {
        window()
            .crypto()
            .map(|c| c.random_uuid())
            .unwrap_or_else(|_| {
                format!(
                    "k{}-{}",
                    js_sys::Date::now() as u64,
                    (js_sys::Math::random() * 1e12) as u64
                )
            })
    }

    /// Saves the queue for a later page. Not while a saved queue is being
    /// taken back (or could not be yet): it would be overwritten and lost.
    pub fn persist(queue: Vec<Queued>) {
        if UNREAD.with(Cell::get) {
            return;
        }
        if let Some(s) = storage() {
            if queue.is_empty() {
                let _ = s.remove_item(QUEUE_KEY);
            } else if let Ok(json) = serde_json::to_string(&queue) {
                let _ = s.set_item(QUEUE_KEY, &json);
            }
        }
    }

    /// The queue a page left unsent, decoded in a wasm chunk of its own:
    /// decoding needs a decoder for every kind of change, and most pages
    /// start with no queue at all. Its name starts with `omnistore_`: the
    /// service worker keeps such chunks for offline use.
    #[leptos::wasm_split::wasm_split(
        omnistore_cart_queue,
        wasm_split_path = ::leptos::wasm_split,
        fallible
    )]
    fn decode_queue(json: String) -> Result<Vec<Queued>, leptos::wasm_split::SplitLoaderError> {
        Ok(serde_json::from_slice(json.as_bytes()).unwrap_or_default())
    }

    /// Takes back the queue an earlier page saved, ahead of any change
    /// made since this page started (a change already pending is kept
    /// once), and sends it. Until it is taken back, the saved copy is left
    /// as it is (see [`persist`]); if the chunk cannot be fetched, the
    /// `online` event tries again.
    fn restore(shopper: Shopper) {
        let Some(json) = storage().and_then(|s| s.get_item(QUEUE_KEY).ok().flatten()) else {
            return;
        };
        if RESTORING.with(|r| r.replace(true)) {
            return;
        }
        UNREAD.with(|u| u.set(true));
        spawn_local(async move {
            let decoded = decode_queue(json).await;
            RESTORING.with(|r| r.set(false));
            let Ok(mut queued) = decoded else { return };
            UNREAD.with(|u| u.set(false));
            if queued.is_empty() {
                return;
            }
            shopper.pending.update(|p| {
                queued.retain(|q| p.iter().all(|mine| mine.key != q.key));
                queued.append(p);
                *p = queued;
            });
            persist(shopper.pending.get_untracked());
            flush(shopper);
        });
    }

    /// Sends queued changes in order, one at a time; stops at a network
    /// failure (the `online` event resumes).
    pub fn flush(shopper: Shopper) {
        if FLUSHING.with(|f| f.replace(true)) {
            return;
        }
        spawn_local(async move {
            while let Some(next) = shopper.pending.get_untracked().first().cloned() {
                match apply_cart(next.op.clone(), Some(next.key.clone())).await {
                    Ok(update) => {
                        // After a visitor's first change the cart (and its
                        // cookie) exists: follow it.
                        follow(shopper);
                        shopper.pending.update(|p| p.retain(|q| q.key != next.key));
                        persist(shopper.pending.get_untracked());
                        let was_offline = shopper.offline.get_untracked();
                        shopper.offline.set(false);
                        shopper.live.set(Some(update.cart));
                        let text = match (&update.notice, &next.op) {
                            (Some(n), _) => Some(shopper.describe(n)),
                            (None, _) if was_offline => {
                                Some(Msg::SyncedAfterOffline.text(shopper.locale).to_string())
                            }
                            (None, CartOp::Add { .. }) => {
                                Some(Msg::AddedToCart.text(shopper.locale).to_string())
                            }
                            _ => None,
                        };
                        shopper.notice.set(text);
                    }
                    Err(e) if e.is_offline() => {
                        shopper.offline.set(true);
                        shopper
                            .notice
                            .set(Some(Msg::OfflineQueued.text(shopper.locale).to_string()));
                        break;
                    }
                    Err(e) => {
                        // Refused (bad quantity, unknown item): drop it and say why.
                        shopper.pending.update(|p| p.retain(|q| q.key != next.key));
                        persist(shopper.pending.get_untracked());
                        shopper.notice.set(Some(super::error_text(&e)));
                        refetch(shopper);
                    }
                }
            }
            FLUSHING.with(|f| f.set(false));
        });
    }

    fn refetch(shopper: Shopper) {
        spawn_local(async move {
            if let Ok(cart) = get_cart().await {
                // Unsent changes will bring a newer cart; do not flicker back.
                if shopper.pending.get_untracked().is_empty() {
                    let version = cart.version;
                    shopper.live.set(Some(cart));
                    announce(version);
                }
            }
        });
    }

    /// Tells the page the cart's version now (`<body data-cart-version>` and
    /// an `os:cart` event): a page that shows the cart as the server
    /// rendered it brings itself again when it is older (see `nav.js`).
    fn announce(version: i64) {
        let Some(doc) = window().document() else {
            return;
        };
        if let Some(body) = doc.body() {
            let _ = body.set_attribute("data-cart-version", &version.to_string());
        }
        if let Ok(event) = web_sys::Event::new("os:cart") {
            let _ = doc.dispatch_event(&event);
        }
    }

    /// (Re)opens the event stream for the current cookies' cart.
    pub fn reconnect(shopper: Shopper) {
        EVENTS.with(|slot| {
            if let Some(old) = slot.borrow_mut().take() {
                old.close();
            }
            let Ok(es) = web_sys::EventSource::new("/api/v1/cart/events") else {
                return;
            };
            let on_change = Closure::<dyn Fn()>::new(move || refetch(shopper));
            let _ = es.add_event_listener_with_callback("cart", on_change.as_ref().unchecked_ref());
            // After a dropped connection, changes may have been missed.
            let _ = es.add_event_listener_with_callback("open", on_change.as_ref().unchecked_ref());
            on_change.forget();
            *slot.borrow_mut() = Some(es);
        });
    }

    pub fn start(shopper: Shopper) {
        restore(shopper);
        let on_online = Closure::<dyn Fn()>::new(move || {
            // Only a saved queue not taken back yet: once taken back, what is
            // saved is this page's own queue, already pending.
            if UNREAD.with(Cell::get) {
                restore(shopper);
            }
            flush(shopper);
            refetch(shopper);
        });
        let _ =
            window().add_event_listener_with_callback("online", on_online.as_ref().unchecked_ref());
        on_online.forget();
        follow_if_needed(shopper);
    }

    /// Opens the event stream when there is a cart to follow: a visitor who
    /// has neither signed in nor added anything has none (and no cookie to
    /// name one), and holds no connection open; the first change opens it.
    fn follow_if_needed(shopper: Shopper) {
        let has_cart = shopper.seeded.with_untracked(|s| {
            s.as_ref()
                .is_some_and(|s| s.viewer.is_some() || !s.cart.lines.is_empty())
        });
        if has_cart {
            follow(shopper);
        }
    }

    /// Opens the event stream unless it is open.
    fn follow(shopper: Shopper) {
        if EVENTS.with(|e| e.borrow().is_none()) {
            reconnect(shopper);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::merge_message;
    use omnistore_components::i18n::Locale;
    use omnistore_components::model::{LineQty, MergeReport};

    /// One line reduced to 3 units, besides what is added and dropped.
    fn report(added_lines: u32, dropped: u32) -> MergeReport {
        MergeReport {
            added_lines,
            reduced: vec![LineQty::new(7.into(), 3)],
            dropped,
        }
    }

    #[test]
    fn merge_message_says_what_changed_as_a_sentence() {
        let cases = [
            (
                report(2, 0),
                Locale::En,
                "2 items from your visit were added to your cart; quantity reduced to 3 — that is \
                    all we have.",
            ),
            // Starts with a word: capitalised.
            (
                report(0, 2),
                Locale::Pl,
                "Ilość zmniejszona do 3 — to wszystko, co mamy; 2 produkty z Twojej wizyty są już \
                    niedostępne.",
            ),
            // The noun agrees with the count.
            (
                report(1, 1),
                Locale::En,
                "1 item from your visit was added to your cart; quantity reduced to 3 — that is \
                    all we have; 1 item from your visit is no longer available.",
            ),
            (
                report(5, 12),
                Locale::Pl,
                "5 produktów z Twojej wizyty dodano do koszyka; ilość zmniejszona do 3 — to \
                    wszystko, co mamy; 12 produktów z Twojej wizyty jest już niedostępnych.",
            ),
            (MergeReport::default(), Locale::En, ""),
        ];
        for (report, locale, want) in cases {
            assert_eq!(merge_message(&report, locale), want);
        }
    }
}
