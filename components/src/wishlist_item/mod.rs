//! WishlistItem: one wished item on the wishlist page: picture, name, the
//! variant, today's price and stock, "Move to cart" and "Remove".
//!
//! Usage:
//! ```
//! # use leptos::prelude::*;
//! # use omnistore_components::{model::WishedItem, WishlistItem};
//! # fn usage(item: WishedItem) -> impl IntoView {
//! view! { <ul class="os-wishlist"><WishlistItem item /></ul> }
//! # }
//! ```
//!
//! Server-side rendering: markup only, no island; both buttons are plain
//! forms marked `data-swap` (posted in place by the page's script, or by the
//! browser without it) that come back to `/wishlist`. Its words are the
//! server's, so render it on the server.

use crate::i18n::{t, use_locale, Msg};
use crate::model::WishedItem;
use crate::{Price, WishButton};
use leptos::prelude::*;

/// The page the wishlist's forms come back to.
const WISHLIST: &str = "/wishlist";

#[component]
pub fn WishlistItem(
    /// The wished item, priced and stocked now.
    item: WishedItem,
    /// Whether the shopper is signed in (else "tell me when it is back"
    /// offers to sign in).
    #[prop(optional)]
    signed_in: bool,
) -> impl IntoView {
    let href = item.href();
    let stock = match item.store_units {
        Some(units) if units > 0 => {
            Msg::WishStoreUnits.fill(use_locale(), &[("units", &units.to_string())])
        }
        _ if item.online_stock > 0 => t(Msg::DeliveryAvailable).to_string(),
        _ => t(Msg::WishSoldOut).to_string(),
    };
    let available = item.available();
    let name = item.name.clone();
    let alert = item.can_alert().then(|| alert_view(&item, signed_in));
    view! {
        <li class="os-wishlist-item">
            <a class="os-wishlist-item__media" href=href.clone() tabindex="-1" aria-hidden="true">
                <img
                    class="os-wishlist-item__image"
                    src=item.image
                    alt=""
                    width="96"
                    height="96"
                    loading="lazy"
                />
            </a>
            <div class="os-wishlist-item__info">
                <p class="os-wishlist-item__brand">{item.brand}</p>
                <h2 class="os-wishlist-item__name">
                    <a href=href>{name.clone()}</a>
                </h2>
                {(!item.variant_label.is_empty())
                    .then(|| {
                        view! { <p class="os-wishlist-item__option">{item.variant_label}</p> }
                    })}
                <Price price=item.price compare_at=item.compare_at />
                <p class="os-wishlist-item__stock">{stock}</p>
                {alert}
            </div>
            <div class="os-wishlist-item__actions">
                <form method="post" action="/api/wishlist/to-cart" data-swap>
                    <input type="hidden" name="product_slug" value=item.product_slug.clone() />
                    <input type="hidden" name="variant_id" value=item.variant_id.to_string() />
                    <button class="os-button" type="submit" disabled=!available>
                        {t(Msg::WishMoveToCart)}
                        <span class="os-visually-hidden">" — " {name.clone()}</span>
                    </button>
                </form>
                <WishButton
                    product_slug=item.product_slug
                    variant_id=item.variant_id
                    wished=true
                    back=WISHLIST
                    quiet=true
                    product_name=name.clone()
                />
            </div>
        </li>
    }
}

/// "Tell me when it is back at my store" for an item my store lacks: the
/// form, the promise and a way to take it back, or a link to sign in.
fn alert_view(item: &WishedItem, signed_in: bool) -> AnyView {
    if !signed_in {
        let next = format!("/login?next={WISHLIST}");
        return view! {
            <p class="os-wishlist-item__alert">
                <a href=next>{t(Msg::WishAlertSignIn)}</a>
            </p>
        }
        .into_any();
    }
    let (text, label, on) = if item.alert {
        (Some(t(Msg::WishAlertOn)), Msg::WishAlertOff, "false")
    } else {
        (None, Msg::WishAlert, "true")
    };
    view! {
        <form class="os-wishlist-item__alert" method="post" action="/api/wishlist/alert" data-swap>
            <input type="hidden" name="variant_id" value=item.variant_id.to_string() />
            <input type="hidden" name="on" value=on />
            {text.map(|text| view! { <p>{text}</p> })}
            <button class="os-wish__button" type="submit">
                {t(label)}
            </button>
        </form>
    }
    .into_any()
}
