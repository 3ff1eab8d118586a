//! The document shell and the route table.

use crate::layout::{Footer, Header};
use crate::pages::{
    account, cart, category, checkout, gallery, handoff, home::HomePage, kiosk, login,
    not_found::NotFound, order, product, search, staff, stores, unsubscribe, wishlist,
};
use crate::shopper::provide_shopper;
use leptos::prelude::*;
use leptos_meta::{provide_meta_context, HashedStylesheet, Meta, MetaTags};
use leptos_router::{
    components::{Route, Router, Routes},
    path, SsrMode,
};
use omnistore_components::i18n::{provide_locale, Locale};

/// The HTML document around the app; rendered on the server only.
pub fn shell(options: LeptosOptions) -> impl IntoView {
    let locale = request_locale().unwrap_or_default();
    // The kiosk theme is chosen here, by the server, for the whole page: the
    // same components, other tokens (style/tokens.css `.os-kiosk`).
    let kiosk = crate::kiosk::request_kiosk();
    view! {
        <!DOCTYPE html>
        <html lang=locale.tag()>
            <head>
                <meta charset="utf-8" />
                <meta name="viewport" content="width=device-width, initial-scale=1" />
                <meta name="theme-color" content="#1f5f3a" />
                <link rel="icon" href="/favicon.svg" type="image/svg+xml" />
                <link rel="manifest" href="/manifest.webmanifest" />
                <link rel="apple-touch-icon" href="/icons/icon-192.png" />
                <script src="/pwa.js" defer></script>
                <script src="/nav.js" defer></script>
                <HashedStylesheet options=options.clone() id="leptos" />
                <crate::hydration::IslandScripts options />
                <MetaTags />
            </head>
            <body class=kiosk.is_some().then_some("os-kiosk") data-kiosk=kiosk>
                <App />
            </body>
        </html>
    }
}

/// The shopper's locale for this request (server only): `lang` cookie, else
/// `Accept-Language`.
pub(crate) fn request_locale() -> Option<Locale> {
    #[cfg(feature = "ssr")]
    {
        use_context::<http::request::Parts>().map(|p| crate::api::ssr::locale_of(&p))
    }
    #[cfg(not(feature = "ssr"))]
    None
}

#[component]
pub fn App() -> impl IntoView {
    provide_meta_context();
    provide_locale(request_locale());
    provide_shopper();
    crate::kiosk::provide_kiosk();
    view! {
        <Meta name="color-scheme" content="light" />
        <Router>
            <Header />
            <main id="main" class="os-main" tabindex="-1">
                <Routes fallback=|| view! { <NotFound /> }>
                    <Route path=path!("/") view=HomePage ssr=SsrMode::Async />
                    <Route
                        path=path!("/c/:category")
                        view=category::CategoryPage
                        ssr=SsrMode::Async
                    />
                    <Route path=path!("/search") view=search::SearchPage ssr=SsrMode::Async />
                    <Route path=path!("/p/:product") view=product::ProductPage ssr=SsrMode::Async />
                    <Route path=path!("/components") view=gallery::GalleryPage ssr=SsrMode::Async />
                    <Route
                        path=path!("/components/:name")
                        view=gallery::GalleryEntryPage
                        ssr=SsrMode::Async
                    />
                    <Route path=path!("/cart") view=cart::CartPage ssr=SsrMode::Async />
                    <Route path=path!("/wishlist") view=wishlist::WishlistPage ssr=SsrMode::Async />
                    <Route path=path!("/login") view=login::LoginPage ssr=SsrMode::Async />
                    <Route path=path!("/register") view=login::RegisterPage ssr=SsrMode::Async />
                    <Route path=path!("/account") view=account::AccountPage ssr=SsrMode::Async />
                    <Route
                        path=path!("/unsubscribe")
                        view=unsubscribe::UnsubscribePage
                        ssr=SsrMode::Async
                    />
                    <Route path=path!("/stores") view=stores::StoresPage ssr=SsrMode::Async />
                    <Route path=path!("/stores/:store") view=stores::StorePage ssr=SsrMode::Async />
                    <Route path=path!("/checkout") view=checkout::CheckoutPage ssr=SsrMode::Async />
                    <Route path=path!("/orders/:number") view=order::OrderPage ssr=SsrMode::Async />
                    <Route
                        path=path!("/staff/:store/orders")
                        view=staff::StaffOrdersPage
                        ssr=SsrMode::Async
                    />
                    <Route path=path!("/kiosk/:store") view=kiosk::KioskPage ssr=SsrMode::Async />
                    <Route
                        path=path!("/kiosk/:store/shop")
                        view=kiosk::KioskShopPage
                        ssr=SsrMode::Async
                    />
                    <Route
                        path=path!("/handoff/:token")
                        view=handoff::HandoffPage
                        ssr=SsrMode::Async
                    />
                </Routes>
            </main>
            <Footer />
        </Router>
    }
}
