//! ProductCard: one product in a listing, search result or featured row —
//! image, brand, name (a link to the product), price and online stock.
//!
//! Usage:
//! ```text
//! view! { <ProductCard product=summary /> }
//! ```
//!
//! Server-side rendering: plain markup with a real link, so listings work
//! with JavaScript off; after hydration the router turns the link into a
//! client-side navigation.

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
        </article>
    }
}
