//! LoginForm: e-mail and password, with the server's answer (wrong password,
//! too many attempts) shown in an alert.
//!
//! Usage:
//! ```
//! # use leptos::prelude::*;
//! # use omnistore_components::LoginForm;
//! # fn usage(
//! #     sign_in: Callback<(String, String)>,
//! #     login_error: Signal<Option<String>>,
//! #     signing_in: Signal<bool>,
//! # ) -> impl IntoView {
//! view! { <LoginForm on_submit=sign_in error=login_error pending=signing_in /> }
//! # }
//! ```
//!
//! Server-side rendering: a real form posting to `action`; the server signs
//! in and redirects, so it works with JavaScript off. After hydration
//! `on_submit` receives (e-mail, password) and the form is not posted.

use crate::enhance::{enhance, input_value};
use crate::field::{Field, Input};
use crate::i18n::{t, Msg};
use leptos::html;
use leptos::prelude::*;

/// The alert above an account form: why the last attempt failed.
pub(crate) fn form_error(error: Signal<Option<String>>) -> impl IntoView {
    move || {
        error.get().map(|e| {
            view! {
                <p class="os-auth-form__error" role="alert">
                    {e}
                </p>
            }
        })
    }
}

/// The account's e-mail, which password managers call the username.
const EMAIL: Input = Input::EMAIL.autocomplete("username");
const PASSWORD: Input = Input::new("password", Msg::Password)
    .kind("password")
    .autocomplete("current-password");

#[component]
pub fn LoginForm(
    /// Form endpoint used when JavaScript is off.
    #[prop(default = "/api/auth/login")]
    action: &'static str,
    /// Local path to go to after signing in.
    #[prop(optional_no_strip)]
    next: Option<String>,
    /// Receives (e-mail, password) when JavaScript runs.
    #[prop(optional)]
    on_submit: Option<Callback<(String, String)>>,
    /// The last error to show.
    #[prop(into, optional)]
    error: Signal<Option<String>>,
    /// True while a sign-in is in flight (disables the button).
    #[prop(into, optional)]
    pending: Signal<bool>,
) -> impl IntoView {
    let email: NodeRef<html::Input> = NodeRef::new();
    let password: NodeRef<html::Input> = NodeRef::new();
    view! {
        <form
            class="os-auth-form"
            method="post"
            action=action
            on:submit=enhance(on_submit, move || (input_value(email), input_value(password)))
        >
            {form_error(error)}
            {next.map(|n| view! { <input type="hidden" name="next" value=n /> })}
            <Field id="os-login-email" input=EMAIL node_ref=email />
            <Field id="os-login-password" input=PASSWORD node_ref=password />
            <button class="os-button" type="submit" disabled=move || pending.get()>
                {t(Msg::SignIn)}
            </button>
        </form>
    }
}
