//! `/unsubscribe?token=…`: the page a cart reminder's link opens. One
//! button stops cart reminders for the holder of the token (no sign-in);
//! mail clients' own button POSTs to the same endpoint without the page.

use crate::seo::PageMeta;
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;
use omnistore_components::i18n::{t, Msg};

#[component]
pub fn UnsubscribePage() -> impl IntoView {
    let (token, done) =
        use_query_map().with_untracked(|q| (q.get("token").unwrap_or_default(), q.get("done")));
    // The token goes back to the server as it came; the server checks it.
    let token: String = token
        .chars()
        .filter(char::is_ascii_hexdigit)
        .take(64)
        .collect();
    let body = match done.as_deref() {
        Some("1") => view! {
            <p class="os-notice" role="status">
                {t(Msg::UnsubscribeDone)}
            </p>
        }
        .into_any(),
        Some(_) => view! {
            <p class="os-auth-form__error" role="alert">
                {t(Msg::UnsubscribeUnknown)}
            </p>
        }
        .into_any(),
        None => view! {
            <form method="post" action=format!("/api/v1/unsubscribe?token={token}")>
                <p>{t(Msg::UnsubscribeAsk)}</p>
                <button class="os-button" type="submit">
                    {t(Msg::UnsubscribeButton)}
                </button>
            </form>
        }
        .into_any(),
    };
    view! {
        <PageMeta
            title=t(Msg::UnsubscribeTitle).to_string()
            description=t(Msg::UnsubscribeAsk).to_string()
            canonical="/unsubscribe".to_string()
        />
        <section class="os-message" aria-labelledby="os-unsubscribe-title">
            <h1 class="os-page-title" id="os-unsubscribe-title">
                {t(Msg::UnsubscribeTitle)}
            </h1>
            {body}
        </section>
    }
}
