//! `/wishlist`: what the shopper keeps for later, the same on every device
//! (a guest's until they sign in, then the account's). Rendered by the
//! server with no wasm of its own: "Move to cart" and "Remove" are plain
//! forms that `nav.js` posts in place (`data-swap`).

use crate::api::load::load;
use crate::api::wishlist::get_wishlist;
use crate::seo::PageMeta;
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;
use omnistore_components::i18n::{t, Msg};
use omnistore_components::WishlistItem;

#[component]
pub fn WishlistPage() -> impl IntoView {
    let items = load(|| (), |_| get_wishlist());
    let error = super::refusal_from_query();
    // What the last form did; only known words, never the link's own text.
    let done = use_query_map().with_untracked(|q| match q.get("done").as_deref() {
        Some("moved") => Some(Msg::WishMoved),
        Some("unwished") => Some(Msg::WishRemoved),
        Some("alert") => Some(Msg::WishAlertOn),
        Some("unalert") => Some(Msg::WishAlertCancelled),
        _ => None,
    });
    view! {
        <PageMeta
            title=t(Msg::WishlistTitle).to_string()
            description=t(Msg::WishlistTitle).to_string()
            canonical="/wishlist".to_string()
        />
        <h1 class="os-page-title">{t(Msg::WishlistTitle)}</h1>
        {error
            .map(|e| {
                view! {
                    <p class="os-auth-form__error" role="alert">
                        {e}
                    </p>
                }
            })}
        {done
            .map(|m| {
                view! {
                    <p class="os-notice" role="status" data-outcome="">
                        {t(m)}
                    </p>
                }
            })}
        <Suspense fallback=|| {
            view! { <p>{t(Msg::Loading)}</p> }
        }>
            {move || Suspend::new(async move {
                match items.await {
                    Ok(list) if list.items.is_empty() => {
                        view! { <p class="os-wishlist__empty">{t(Msg::WishlistEmpty)}</p> }
                            .into_any()
                    }
                    Ok(list) => {
                        let signed_in = list.signed_in;
                        view! {
                            <ul class="os-wishlist">
                                {list
                                    .items
                                    .into_iter()
                                    .map(|item| view! { <WishlistItem item signed_in /> })
                                    .collect_view()}
                            </ul>
                        }
                            .into_any()
                    }
                    Err(_) => view! { <super::ErrorPage /> }.into_any(),
                }
            })}
        </Suspense>
    }
}
