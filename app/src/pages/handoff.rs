//! `/handoff/{token}`: a kiosk's cart, opened on the shopper's phone. The
//! page only shows what is offered; taking it is a POST (a link preview or
//! a prefetch must not use up the one-time link): a plain form, no island,
//! since the answer is another page anyway (the cart, or this page with
//! the reason it was refused), so the page needs no wasm.

use super::set_status;
use crate::api::kiosk::{get_handoff, AcceptHandoff};
use crate::api::load::load;
use crate::seo::PageMeta;
use leptos::prelude::*;
use leptos::server_fn::ServerFn;
use leptos_router::hooks::use_params_map;
use omnistore_components::i18n::{items, t, use_locale, Msg};

#[component]
pub fn HandoffPage() -> impl IntoView {
    let locale = use_locale();
    let params = use_params_map();
    let token = move || params.with(|p| p.get("token").unwrap_or_default());
    let preview = load(token, get_handoff);
    let error = super::refusal_from_query();
    view! {
        <PageMeta
            title=t(Msg::HandoffTitle).to_string()
            description=t(Msg::HandoffTitle).to_string()
            canonical="/".to_string()
        />
        <h1>{t(Msg::HandoffTitle)}</h1>
        <Suspense fallback=|| {
            view! { <p>{t(Msg::Loading)}</p> }
        }>
            {move || Suspend::new({
                let error = error.clone();
                async move {
                    match preview.await {
                        Ok(Some(p)) => {
                            let offer = format!(
                                "{}: {} {}.",
                                items(p.items, locale),
                                t(Msg::HandoffOffer),
                                p.store_name,
                            );
                            view! { <HandoffOffer token=token() error offer /> }.into_any()
                        }
                        Ok(None) => {
                            set_status(404);
                            view! { <p role="alert">{t(Msg::HandoffUnknown)}</p> }.into_any()
                        }
                        Err(e) => {
                            set_status(410);
                            // Used or expired: 410 with the reason.
                            view! {
                                <p class="os-handoff__problem" role="alert">
                                    {crate::shopper::error_text(&e)}
                                </p>
                            }
                                .into_any()
                        }
                    }
                }
            })}
        </Suspense>
    }
}

/// What the kiosk offers and the button that takes it; the server answers
/// the post with the cart and what was added, or with this page and why not.
#[component]
fn HandoffOffer(
    /// The one-time token from the QR code.
    token: String,
    /// Why taking it failed (`?error=`, worded).
    error: Option<String>,
    /// "3 items: from the kiosk at …", as the server worded it.
    offer: String,
) -> impl IntoView {
    view! {
        {error
            .map(|m| {
                view! {
                    <p class="os-handoff__problem" role="alert">
                        {m}
                    </p>
                }
            })}
        <p class="os-handoff__offer">{offer}</p>
        <form method="post" action=AcceptHandoff::url()>
            <input type="hidden" name="token" value=token />
            <button class="os-handoff__take" type="submit">
                {t(Msg::HandoffTake)}
            </button>
        </form>
    }
}
