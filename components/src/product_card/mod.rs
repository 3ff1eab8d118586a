//! ProductCard: one product in a listing, search result or featured row —
//! image, brand, name (a link to the product), price and online stock.
//!
//! Usage:
//! ```
//! # use leptos::prelude::*;
//! # use omnistore_components::{model::ProductSummary, ProductCard};
//! # fn usage(summary: ProductSummary) -> impl IntoView {
//! view! { <ProductCard product=summary /> }
//! # }
//! ```
//!
//! A single-variant product gets an "Add to cart" form; others link to the
//! product to choose options first. An islands app passes its own button as
//! the card's children (an island holding an [`AddToCart`](crate::AddToCart)),
//! so that only the button hydrates and the rest of the card stays markup.
//!
//! Server-side rendering: plain markup with a real link, so listings work
//! with JavaScript off; after hydration the router turns the link into a
//! client-side navigation.

use crate::add_to_cart::AddToCart;
use crate::i18n::{t, Msg};
use crate::model::ProductSummary;
use crate::price::Price;
use leptos::prelude::*;

#[component]
pub fn ProductCard(
    /// The product to show.
    product: ProductSummary,
    /// Load the image eagerly (set for cards above the fold).
    #[prop(optional)]
    eager: bool,
    /// Receives (variant, quantity) from the card's "Add to cart" when JavaScript runs.
    #[prop(optional)]
    on_add: Option<Callback<(crate::model::VariantId, u32, crate::model::Fulfilment)>>,
    /// Leaves out "Add to cart" and "Choose options": the card is its links
    /// only (a row of suggestions beside the page's own button).
    #[prop(optional)]
    links_only: bool,
    /// Shown instead of the built-in "Add to cart" of a single-variant product.
    #[prop(optional)]
    children: Option<Children>,
) -> impl IntoView {
    let href = format!("/p/{}", product.slug);
    let stock = if product.in_stock_online {
        Msg::InStock
    } else {
        Msg::OutOfStock
    };
    view! {
        <article class="os-product-card">
            <img
                class="os-product-card__image"
                src=product.image.clone()
                alt=""
                width="240"
                height="240"
                loading=if eager { "eager" } else { "lazy" }
            />
            <p class="os-product-card__brand">{product.brand.clone()}</p>
            <h3 class="os-product-card__title">
                <a class="os-product-card__link" href=href>{product.name.clone()}</a>
            </h3>
            <Price price=product.price compare_at=product.compare_at from=product.price_varies />
            <p
                class="os-product-card__stock"
                class:os-product-card__stock--out=!product.in_stock_online
            >
                {t(stock)}
            </p>
            {product.store_units.map(|n| view! {
                <p class="os-product-card__store" class:os-product-card__store--out=n == 0>
                    {if n == 0 {
                        t(Msg::NotAtMyStore).to_string()
                    } else {
                        format!("{}: {n}", t(Msg::AtMyStore))
                    }}
                </p>
            })}
            {match (product.single_variant, children) {
                _ if links_only => ().into_any(),
                (Some(_), Some(button)) => button(),
                (Some(id), None) => view! {
                    <AddToCart
                        variant_id=id
                        on_add=on_add
                        unavailable=!product.in_stock_online
                        product_name=Some(product.name.clone())
                    />
                }
                    .into_any(),
                (None, _) => view! {
                    <a class="os-product-card__options" href=format!("/p/{}", product.slug)>
                        {t(Msg::ChooseOptions)}
                        <span class="os-visually-hidden">" — " {product.name.clone()}</span>
                    </a>
                }
                    .into_any(),
            }}
        </article>
    }
}
