//! Header (logo, search, categories, language) and footer, on every page.

use crate::api::account::logout;
use crate::api::get_menu;
use crate::api::load::load;
use crate::shopper::use_shopper;
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::hooks::use_location;
use omnistore_components::i18n::{t, use_locale, Locale, Msg};
use omnistore_components::model::{encode_query_value, Cart, Category};
use omnistore_components::{AccountMenu, CartBadge, MiniCart, MyStoreBadge, SearchBox};

/// The catalog's categories in the page's language, each drawn by `item`
/// once they have loaded (inside a `Suspense`): the header's links, the
/// kiosk's shelves.
pub fn categories<V: IntoView + 'static>(
    item: impl Fn(Category) -> V + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let locale = use_locale();
    let list = load(|| (), move |_| get_menu(locale));
    move || {
        Suspend::new(async move {
            list.await
                .unwrap_or_default()
                .into_iter()
                .map(item)
                .collect_view()
        })
    }
}

#[component]
pub fn Header() -> impl IntoView {
    let kiosk = crate::kiosk::kiosk_store();
    view! {
        <a class="os-skip-link" href="#main">
            {t(Msg::SkipToContent)}
        </a>
        {kiosk.map(|store| view! { <crate::kiosk::KioskBar store /> })}
        <AppNotices />
        <header class="os-header">
            <div class="os-header__bar">
                <a
                    class="os-header__logo"
                    href="/"
                    aria-label=format!("omnistore — {}", t(Msg::Home))
                >
                    <img src="/favicon.svg" alt="" width="32" height="32" />
                    <span>"omnistore"</span>
                </a>
                <div class="os-header__search">
                    <SearchBox />
                </div>
                <LanguageSwitcher />
                <a class="os-header__wishlist" href="/wishlist">
                    <span aria-hidden="true">"♡ "</span>
                    {t(Msg::Wishlist)}
                </a>
                {shopper_corner()}
            </div>
            <nav class="os-header__nav" aria-label=t(Msg::MainNavigation)>
                <Suspense fallback=|| ()>
                    <ul class="os-header__categories">
                        {categories(|c| {
                            view! {
                                <li>
                                    <a href=format!("/c/{}", c.slug)>{c.name}</a>
                                </li>
                            }
                        })}
                    </ul>
                </Suspense>
            </nav>
        </header>
    }
}

/// The installed app's notices, shown by `/pwa.js` (plain script, so they
/// work before and without the wasm): the offline banner (CSS shows it when
/// `<html>` is `.os-offline` or a saved copy) and the update offer.
#[component]
fn AppNotices() -> impl IntoView {
    view! {
        <p class="os-offline-banner" role="status">
            {t(Msg::OfflineBanner)}
        </p>
        <div class="os-update" role="alert" hidden>
            <span>{t(Msg::UpdateAvailable)}" — "</span>
            <button type="button" class="os-update__reload">
                {t(Msg::UpdateReload)}
            </button>
        </div>
    }
}

/// The shopper's corner of the header (an island). In islands mode the
/// server puts the session into its props and the browser's page-wide
/// shopper starts from it; otherwise `session` is unused.
#[island]
fn ShopperIsland(
    /// The session the page was rendered with (islands mode).
    session: crate::shopper::SessionProp,
) -> impl IntoView {
    crate::shopper::island_context(Some(session));
    view! { <ShopperLinks /> }
}

/// Account menu, cart badge and the mini-cart drawer. The server renders
/// them with the session's state; after hydration they follow every change.
/// No `Transition`: the session is already there when the island renders
/// (read before it, on the server; in its props, in the browser).
#[component]
fn ShopperLinks() -> impl IntoView {
    let shopper = use_shopper();
    let sign_out = Callback::new(move |()| {
        spawn_local(async move {
            // The server answers with a redirect home, which the router follows.
            let _ = logout().await;
            shopper.refresh();
        });
    });
    let open = Callback::new(move |()| shopper.drawer.set(true));
    view! {
        <div class="os-header__shopper">
            <MyStoreBadge store=Signal::derive(move || shopper.my_store()) />
            <AccountMenu viewer=Signal::derive(move || shopper.viewer()) on_sign_out=sign_out />
            <CartBadge count=Signal::derive(move || shopper.item_count()) on_open=open />
        </div>
        <LazyMiniCart
            cart=Signal::derive(move || shopper.cart())
            open=shopper.drawer
            message=Signal::derive(move || shopper.notice.get())
            cart_href="/cart"
            offline=shopper.offline
        />
    }
}

/// The mini-cart drawer, loaded the first time it opens.
///
/// Why: it is closed on every page the server sends, and most visits never
/// open it, so its views, the lines' money formatting and the subtotal are
/// not in the first page's wasm. Once loaded it stays, and closes and
/// opens by the shopper's `drawer` signal. If its code cannot be fetched
/// (offline before it was ever cached), the drawer stays shut, the badge
/// still counts, and the next opening or the network's return tries again:
/// a failed load never takes the page's wasm down with it, as a plain
/// `#[lazy]` would.
#[component]
pub(crate) fn LazyMiniCart(
    /// The cart shown.
    #[prop(into)]
    cart: Signal<Cart>,
    /// Open or closed.
    open: RwSignal<bool>,
    /// A line about the last change.
    #[prop(into)]
    message: Signal<Option<String>>,
    /// The "View cart" link.
    cart_href: &'static str,
    /// Whether the network is down: its return tries a failed load again.
    #[prop(into)]
    offline: Signal<bool>,
) -> impl IntoView {
    let loaded = RwSignal::new(false);
    Effect::new(move || {
        let wanted = open.get();
        // Tracked so that a load that failed offline is tried again when
        // the network is back, with the drawer still open.
        offline.track();
        if wanted && !loaded.get_untracked() {
            spawn_local(async move {
                if mini_cart_preload().await.is_ok() {
                    loaded.set(true);
                }
            });
        }
    });
    // Loaded, the call below completes at once: a bare `Suspend` (no
    // `Suspense`) renders it in the same pass.
    move || {
        loaded.get().then(|| {
            Suspend::new(send_wrapper::SendWrapper::new(async move {
                mini_cart(Drawer {
                    cart,
                    open,
                    message,
                    cart_href,
                })
                .await
                .ok()
            }))
        })
    }
}

/// What a mini-cart drawer shows: the header's (the shopper's cart), or the
/// gallery's (a demo cart).
struct Drawer {
    cart: Signal<Cart>,
    open: RwSignal<bool>,
    message: Signal<Option<String>>,
    cart_href: &'static str,
}

/// The drawer itself, in a wasm chunk of its own, which the gallery's
/// example shares. Its name starts with `omnistore_`: the service worker
/// keeps such chunks for offline use.
#[leptos::wasm_split::wasm_split(
    omnistore_mini_cart,
    wasm_split_path = ::leptos::wasm_split,
    preload(mini_cart_preload),
    fallible
)]
fn mini_cart(d: Drawer) -> Result<AnyView, leptos::wasm_split::SplitLoaderError> {
    let Drawer {
        cart,
        open,
        message,
        cart_href,
    } = d;
    Ok(view! { <MiniCart cart open message cart_href /> }.into_any())
}

/// Links to `/lang/{tag}`, a plain server route that sets the cookie and
/// comes back to this page: a full reload, so every string and price is
/// rendered anew in the chosen language (rel="external" keeps the router out).
#[component]
fn LanguageSwitcher() -> impl IntoView {
    let current = use_locale();
    let location = use_location();
    let back = move || {
        let search = location.search.get();
        let path = location.pathname.get();
        let full = if search.is_empty() {
            path
        } else {
            format!("{path}?{search}")
        };
        encode_query_value(&full)
    };
    view! {
        <nav class="os-lang" aria-label=t(Msg::Language)>
            <ul class="os-lang__list">
                {Locale::ALL
                    .into_iter()
                    .map(|l| {
                        view! {
                            <li>
                                <a
                                    class="os-lang__link"
                                    class:os-lang__link--current=l == current
                                    href=move || format!("/lang/{}?back={}", l.tag(), back())
                                    hreflang=l.tag()
                                    lang=l.tag()
                                    rel="external nofollow"
                                    aria-current=(l == current).then_some("true")
                                >
                                    {l.native_name()}
                                </a>
                            </li>
                        }
                    })
                    .collect_view()}
            </ul>
        </nav>
    }
}

/// The header's shopper corner alone, as a page renders it for `session`
/// (server only): the page cache keeps a catalog page without it and puts
/// in each visitor's own. Render it inside an owner that holds the
/// request's `Parts`, as a page's owner does. Outside a kiosk, what it
/// shows depends on the language and `session` only, so the page cache
/// also keeps corners by those two.
#[cfg(feature = "ssr")]
pub fn lone_shopper_corner(session: Option<crate::api::account::SessionState>) -> impl IntoView {
    omnistore_components::i18n::provide_locale(crate::root::request_locale());
    crate::kiosk::provide_kiosk();
    let props = crate::shopper::SessionProp::new(session.as_ref());
    let follows = follows(session.as_ref());
    crate::shopper::provide_seeded_shopper(session);
    shopper_island(follows, props)
}

/// Whether the corner has something to follow from the start: a
/// customer, a cart with lines, a kiosk (or a session that failed to load).
fn follows(session: Option<&crate::api::account::SessionState>) -> bool {
    crate::kiosk::kiosk_store().is_some()
        || session.is_none_or(|s| s.viewer.is_some() || !s.cart.lines.is_empty())
}

/// The corner's island, hydrated with the page when it `follows`
/// something, else when the shopper first comes near it or any other
/// island that waits (`<os-intent data-lead>`, see `islands.js`).
///
/// Why: a first visit's header has nothing live in it (the live cart
/// stream opens only for a cart) and its links work without the wasm, so
/// a page whose islands all wait downloads no wasm until the shopper comes
/// near one.
fn shopper_island(follows: bool, props: crate::shopper::SessionProp) -> impl IntoView {
    if follows {
        view! { <ShopperIsland session=props /> }.into_any()
    } else {
        view! {
            <os-intent data-lead="">
                <ShopperIsland session=props />
            </os-intent>
        }
        .into_any()
    }
}

/// The header's shopper island: the server waits for the session and hands
/// it to the island in its props.
fn shopper_corner() -> impl IntoView {
    let shopper = use_shopper();
    view! {
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                let session = shopper.loaded().await;
                let props = crate::shopper::SessionProp::new(session.as_ref());
                shopper_island(follows(session.as_ref()), props)
            })}
        </Suspense>
    }
}

#[component]
pub fn Footer() -> impl IntoView {
    view! {
        <footer class="os-footer">
            <p>{t(Msg::Footer)}</p>
            <p>
                <a href="/stores">{t(Msg::StoresTitle)}</a>
                " · "
                <a href="/components">{t(Msg::ComponentsTitle)}</a>
            </p>
        </footer>
    }
}
