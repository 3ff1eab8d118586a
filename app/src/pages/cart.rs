//! `/cart`: the lines, totals and what happened to the cart (a merge at
//! sign-in, a reduced quantity, changes waiting for the network). Works as
//! plain forms without JavaScript; with it, changes apply without reloads.

use crate::seo::PageMeta;
use crate::shopper::{merge_message, use_shopper};
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;
use omnistore_components::i18n::{t, use_locale, Msg};
use omnistore_components::model::{CartOp, MergeReport};
use omnistore_components::{CartLine, CartSummary};

#[component]
pub fn CartPage() -> impl IntoView {
    let shopper = use_shopper();
    let locale = use_locale();
    let query = use_query_map();
    let merged = move || {
        query
            .with(|q| q.get("merged"))
            .and_then(|m| MergeReport::from_query(&m))
            .map(|r| merge_message(&r, locale))
    };
    let set = Callback::new(move |(variant_id, quantity)| {
        shopper.apply(CartOp::Set {
            variant_id,
            quantity,
        })
    });
    let remove = Callback::new(move |variant_id| shopper.apply(CartOp::Remove { variant_id }));
    view! {
        <PageMeta title=t(Msg::CartTitle).to_string() description=t(Msg::CartTitle).to_string() canonical="/cart".to_string() />
        <h1 class="os-page-title">{t(Msg::CartTitle)}</h1>
        {move || merged().map(|m| view! { <p class="os-notice" role="status">{m}</p> })}
        <p class="os-notice" role="status" aria-live="polite" hidden=move || shopper.notice.get().is_none() || shopper.drawer.get()>
            {move || shopper.notice.get()}
        </p>
        <Transition fallback=|| view! { <p>{t(Msg::Loading)}</p> }>
            {move || {
                let cart = shopper.cart();
                if cart.lines.is_empty() && shopper.item_count() == 0 {
                    return view! {
                        <p class="os-cart__empty">{t(Msg::CartEmpty)}</p>
                        <p><a href="/">{t(Msg::ContinueShopping)}</a></p>
                    }
                        .into_any();
                }
                view! {
                    <div class="os-cart">
                        <div>
                            <ul class="os-cart__lines" aria-label=t(Msg::CartTitle)>
                                {cart
                                    .lines
                                    .into_iter()
                                    .map(|line| view! { <CartLine line on_set=set on_remove=remove /> })
                                    .collect_view()}
                            </ul>
                            <div class="os-cart__actions">
                                <form
                                    method="post"
                                    action="/api/cart/clear"
                                    on:submit=move |ev| {
                                        ev.prevent_default();
                                        shopper.apply(CartOp::Clear);
                                    }
                                >
                                    <button class="os-button os-button--secondary" type="submit">{t(Msg::ClearCart)}</button>
                                </form>
                                <a href="/">{t(Msg::ContinueShopping)}</a>
                            </div>
                        </div>
                        <CartSummary cart=Signal::derive(move || shopper.cart()) />
                    </div>
                }
                    .into_any()
            }}
        </Transition>
    }
}
