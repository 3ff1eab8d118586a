//! `/handoff/{token}`: a kiosk's cart, opened on the shopper's phone. The
//! page only shows what is offered; taking it is a POST (a link preview or
//! a prefetch must not use up the one-time link).

use super::set_status;
use crate::api::kiosk::{get_handoff, AcceptHandoff};
use crate::api::load::load;
use crate::seo::PageMeta;
use crate::shopper::use_shopper;
use leptos::form::ActionForm;
use leptos::prelude::*;
use leptos_router::hooks::{use_params_map, use_query_map};
use omnistore_components::i18n::{items, t, use_locale, Msg};

#[component]
pub fn HandoffPage() -> impl IntoView {
    let locale = use_locale();
    let params = use_params_map();
    let query = use_query_map();
    let token = move || params.with(|p| p.get("token").unwrap_or_default());
    let preview = load(token, get_handoff);
    let take = ServerAction::<AcceptHandoff>::new();
    let shopper = use_shopper();
    Effect::new(move |_| {
        if let Some(Ok(report)) = take.value().get() {
            shopper.refresh();
            let navigate = leptos_router::hooks::use_navigate();
            navigate(
                &format!("/cart?merged={}&from=kiosk", report.to_query()),
                Default::default(),
            );
        }
    });
    let problem = move || {
        let code = match take.value().get() {
            Some(Err(e)) => {
                let m = crate::shopper::error_text(&e);
                return Some(m);
            }
            _ => query.with(|q| q.get("error")),
        };
        code.map(|c| {
            match c.as_str() {
                "used" => t(Msg::HandoffUsed),
                "expired" => t(Msg::HandoffExpired),
                _ => t(Msg::HandoffUnknown),
            }
            .to_string()
        })
    };
    view! {
        <PageMeta title=t(Msg::HandoffTitle).to_string() description=t(Msg::HandoffTitle).to_string() canonical="/".to_string() />
        <h1>{t(Msg::HandoffTitle)}</h1>
        {move || problem().map(|m| view! { <p class="os-handoff__problem" role="alert">{m}</p> })}
        <Suspense fallback=|| view! { <p>{t(Msg::Loading)}</p> }>
            {move || Suspend::new(async move {
                match preview.await {
                    Ok(Some(p)) => view! {
                        <p class="os-handoff__offer">{items(p.items, locale)}": "{t(Msg::HandoffOffer)}" "{p.store_name}"."</p>
                        <ActionForm action=take>
                            <input type="hidden" name="token" value=token() />
                            <button class="os-handoff__take" type="submit">{t(Msg::HandoffTake)}</button>
                        </ActionForm>
                    }.into_any(),
                    Ok(None) => {
                        set_status(404);
                        view! { <p role="alert">{t(Msg::HandoffUnknown)}</p> }.into_any()
                    }
                    Err(e) => {
                        // Used or expired: 410 with the reason.
                        set_status(410);
                        view! { <p class="os-handoff__problem" role="alert">{crate::shopper::error_text(&e)}</p> }.into_any()
                    }
                }
            })}
        </Suspense>
    }
}
