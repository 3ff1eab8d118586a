//! WishButton: "Add to wishlist" / "Remove from wishlist" for one variant of
//! a product, a plain form posted to `/api/wishlist/set`.
//!
//! Usage:
//! ```
//! # use leptos::prelude::*;
//! # use omnistore_components::{model::VariantId, WishButton};
//! # fn usage() -> impl IntoView {
//! view! { <WishButton product_slug="rain-jacket".to_string() variant_id=VariantId::from(7) wished=false /> }
//! # }
//! ```
//!
//! Server-side rendering: markup only, no island. It shows only what it is
//! told (`wished`, `saved`), so a page kept for every visitor can carry it. Without JavaScript the
//! form posts and the server sends the browser back to the product page (or
//! `back`); with it, `data-swap` lets the page's script post it and put the
//! answer in place. Its words are the server's (their messages are left
//! out of the browser's tables), so render it on the server.

use crate::i18n::{t, Msg};
use crate::model::VariantId;
use leptos::prelude::*;

#[component]
pub fn WishButton(
    /// The product's slug.
    product_slug: String,
    /// The variant the wish is for.
    variant_id: VariantId,
    /// Whether the variant is on the shopper's wishlist now.
    wished: bool,
    /// Where the form comes back to (a local path); the product page when absent.
    #[prop(optional, into)]
    back: Option<String>,
    /// Leaves out the "In your wishlist" line (on the wishlist itself).
    #[prop(optional)]
    quiet: bool,
    /// Says the variant was just saved, with a link to the wishlist (the
    /// answer to this form, `?done=wished`).
    #[prop(optional)]
    saved: bool,
    /// Names the product to screen readers, where many such buttons share a page.
    #[prop(optional, into)]
    product_name: Option<String>,
) -> impl IntoView {
    let (label, class) = if wished {
        (Msg::WishRemove, "os-wish__button os-wish__button--on")
    } else {
        (Msg::WishAdd, "os-wish__button")
    };
    view! {
        <form class="os-wish" method="post" action="/api/wishlist/set" data-swap>
            <input type="hidden" name="product_slug" value=product_slug />
            <input type="hidden" name="variant_id" value=variant_id.to_string() />
            <input type="hidden" name="on" value=if wished { "false" } else { "true" } />
            {back.map(|b| view! { <input type="hidden" name="back" value=b /> })}
            {(wished && !quiet && !saved)
                .then(|| {
                    view! {
                        <p class="os-wish__state">
                            <span aria-hidden="true">"♥ "</span>
                            {t(Msg::WishInList)}
                        </p>
                    }
                })}
            {saved
                .then(|| {
                    view! {
                        <p class="os-wish__state" role="status" data-outcome="">
                            <span aria-hidden="true">"♥ "</span>
                            {t(Msg::WishSaved)}
                            " "
                            <a href="/wishlist">{t(Msg::WishSee)}</a>
                        </p>
                    }
                })}
            <button class=class type="submit">
                {t(label)}
                {product_name
                    .map(|name| view! { <span class="os-visually-hidden">" — " {name}</span> })}
            </button>
        </form>
    }
}
