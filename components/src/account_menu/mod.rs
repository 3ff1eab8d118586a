//! AccountMenu: in the header, "Sign in" for guests; for a signed-in
//! customer their name (a link to the account) and "Sign out".
//!
//! Usage:
//! ```
//! # use leptos::prelude::*;
//! # use omnistore_components::{model::Viewer, AccountMenu};
//! # fn usage(viewer_signal: Signal<Option<Viewer>>, sign_out: Callback<()>) -> impl IntoView {
//! view! { <AccountMenu viewer=viewer_signal on_sign_out=sign_out /> }
//! # }
//! ```
//!
//! Server-side rendering: links and a plain sign-out form (a POST: signing
//! out changes state, so it is never a link). After hydration `on_sign_out`
//! runs instead of the post.

use crate::enhance::enhance;
use crate::i18n::{t, Msg};
use crate::model::Viewer;
use leptos::either::Either;
use leptos::prelude::*;

#[component]
pub fn AccountMenu(
    /// The signed-in customer, if any.
    #[prop(into)]
    viewer: Signal<Option<Viewer>>,
    /// Sign-out endpoint used when JavaScript is off.
    #[prop(default = "/api/auth/logout")]
    sign_out_action: &'static str,
    /// Runs instead of the form post when JavaScript runs.
    #[prop(optional)]
    on_sign_out: Option<Callback<()>>,
) -> impl IntoView {
    let menu = move || match viewer.get() {
        Some(v) => Either::Left(view! {
            <a class="os-account-menu__link" href="/account">
                <span class="os-visually-hidden">{t(Msg::MyAccount)}": "</span>
                {v.name}
            </a>
            <form
                class="os-account-menu__sign-out"
                method="post"
                action=sign_out_action
                on:submit=enhance(on_sign_out, || ())
            >
                <button class="os-account-menu__button" type="submit">
                    {t(Msg::SignOut)}
                </button>
            </form>
        }),
        None => Either::Right(view! {
            <a class="os-account-menu__link" href="/login">
                {t(Msg::SignIn)}
            </a>
        }),
    };
    view! { <div class="os-account-menu">{menu}</div> }
}
