//! One file per route.

pub mod account;
pub mod cart;
pub mod category;
pub mod checkout;
pub mod gallery;
pub mod handoff;
pub mod home;
pub mod kiosk;
pub mod login;
pub mod not_found;
pub mod order;
pub mod product;
pub mod search;
pub mod staff;
pub mod stores;
pub mod unsubscribe;
pub mod wishlist;

use leptos::prelude::*;
use omnistore_components::i18n::{t, Msg};
use omnistore_components::model::VariantId;

/// Sets the HTTP status of the page being rendered on the server; a no-op in
/// the browser (the status was already sent).
pub fn set_status(code: u16) {
    #[cfg(feature = "ssr")]
    if let Some(res) = use_context::<leptos_axum::ResponseOptions>() {
        if let Ok(status) = http::StatusCode::from_u16(code) {
            res.set_status(status);
        }
    }
    #[cfg(not(feature = "ssr"))]
    let _ = code;
}

/// The page for a link whose query we refuse (400), with the reason.
#[component]
pub fn BadRequest(
    /// Why the link was refused, shown to the shopper.
    #[prop(into)]
    reason: String,
) -> impl IntoView {
    set_status(400);
    view! {
        <section class="os-message" aria-labelledby="os-message-title">
            <h1 id="os-message-title">{t(Msg::BadRequestTitle)}</h1>
            <p class="os-message__reason">{reason}</p>
            <p>
                <a href="/">{t(Msg::BackHome)}</a>
            </p>
        </section>
    }
}

/// Why a form posted as a plain form (JavaScript off, or `data-swap`) was
/// refused: what the server's redirect back put in the query
/// (`?error=code&fields=…`, [`Problem::to_query`]), worded. `None` without
/// one, or for a code no refusal makes (a link edited by hand).
///
/// [`Problem::to_query`]: omnistore_components::model::Problem::to_query
pub(crate) fn refusal_from_query() -> Option<String> {
    use omnistore_components::i18n::use_locale;
    use omnistore_components::model::Problem;
    let (code, fields) =
        leptos_router::hooks::use_query_map().with_untracked(|q| (q.get("error"), q.get("fields")));
    let code = code?;
    // The server words each field; the browser's tables have no such words.
    #[cfg(feature = "ssr")]
    return Problem::query_text(&code, fields.as_deref(), use_locale());
    #[cfg(not(feature = "ssr"))]
    {
        let _ = fields;
        Problem::code_text(&code, use_locale()).map(String::from)
    }
}

/// The page shown when a back-end call failed (503).
#[component]
pub fn ErrorPage() -> impl IntoView {
    set_status(503);
    view! {
        <section class="os-message" aria-labelledby="os-message-title">
            <h1 id="os-message-title">{t(Msg::ErrorTitle)}</h1>
            <p>{t(Msg::ErrorText)}</p>
            <p>
                <a href="/">{t(Msg::BackHome)}</a>
            </p>
        </section>
    }
}

/// "Add to cart" of a product card or a product page: the one part of
/// either that changes the browser's cart, so the rest is the server's
/// markup and only this hydrates (24 small islands with a variant and a
/// name on a listing, not 24 cards with their products). Its form works
/// before the wasm; the island is hydrated when the shopper comes near it
/// (`<os-intent>`, see `islands.js`).
#[island]
pub(crate) fn AddIsland(
    /// The variant to add.
    variant_id: VariantId,
    /// Not sold now (out of stock online and at my store): the button is disabled.
    unavailable: bool,
    /// The product's name for a card's button label (a product page has its h1).
    product_name: Option<String>,
    /// A quantity field (product page); a card adds one.
    with_quantity: bool,
    /// My store's name: offers pickup there besides delivery.
    pickup_store: Option<String>,
) -> impl IntoView {
    crate::shopper::island_context(None);
    let add = crate::shopper::use_shopper().add_callback();
    view! {
        <omnistore_components::AddToCart
            variant_id
            on_add=Some(add)
            unavailable
            product_name
            with_quantity
            pickup_store
        />
    }
}

/// A grid of product cards.
#[component]
pub fn ProductGrid(
    /// The products, in display order.
    products: Vec<omnistore_components::model::ProductSummary>,
    /// Add a (visually hidden) "Products" heading, where the grid follows the h1
    /// directly: the cards' h3 headings need an h2 above them.
    #[prop(optional)]
    with_heading: bool,
) -> impl IntoView {
    let (back, saved) = wish_return();
    view! {
        {with_heading
            .then(|| view! { <h2 class="os-visually-hidden">{t(Msg::ProductsHeading)}</h2> })}
        <ul class="os-grid">
            {products
                .into_iter()
                .enumerate()
                .map(|(i, p)| {
                    view! { <li>{card(p, i < 4, &back, saved.as_ref())}</li> }
                })
                .collect_view()}
        </ul>
    }
}

/// Where a card's "Add to wishlist" comes back to (this page, without the
/// last answer's `done` and `saved`), and the variant that answer saved.
/// Both come from the address alone, so a page kept for every visitor
/// (page_cache) can carry them.
fn wish_return() -> (String, Option<VariantId>) {
    let location = leptos_router::hooks::use_location();
    let path = location.pathname.get_untracked();
    let search = location.search.get_untracked();
    let mut saved = None;
    let kept: Vec<&str> = search
        .trim_start_matches('?')
        .split('&')
        .filter(|pair| {
            let (key, value) = pair.split_once('=').unwrap_or((pair, ""));
            if key == "saved" {
                saved = value.parse::<VariantId>().ok();
            }
            !pair.is_empty() && key != "done" && key != "saved"
        })
        .collect();
    let back = if kept.is_empty() {
        path
    } else {
        format!("{path}?{}", kept.join("&"))
    };
    (back, saved)
}

/// A product card whose button, if it has one, is an island, with "Add to
/// wishlist" (a plain form) for a product with one variant.
fn card(
    product: omnistore_components::model::ProductSummary,
    eager: bool,
    back: &str,
    saved: Option<&VariantId>,
) -> impl IntoView {
    let button = product
        .single_variant
        .clone()
        .map(|variant_id| (variant_id, !product.in_stock_online, product.name.clone()));
    let wish = product.single_variant.clone().map(|variant_id| {
        let just_saved = saved == Some(&variant_id);
        view! {
            <omnistore_components::WishButton
                product_slug=product.slug.clone()
                variant_id
                wished=false
                back=back.to_string()
                saved=just_saved
                product_name=product.name.clone()
            />
        }
    });
    view! {
        <omnistore_components::ProductCard product eager>
            {button
                .map(|(variant_id, unavailable, product_name)| {
                    view! {
                        <os-intent>
                            <AddIsland
                                variant_id
                                unavailable
                                product_name=Some(product_name)
                                with_quantity=false
                                pickup_store=None
                            />
                        </os-intent>
                    }
                })}
            {wish}
        </omnistore_components::ProductCard>
    }
}
