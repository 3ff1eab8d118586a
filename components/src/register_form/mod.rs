//! RegisterForm: name, e-mail and a password of at least 10 characters. The
//! browser checks the length first; the server enforces the same rules.
//!
//! Usage:
//! ```
//! # use leptos::prelude::*;
//! # use omnistore_components::RegisterForm;
//! # fn usage(
//! #     register: Callback<(String, String, String)>,
//! #     register_error: Signal<Option<String>>,
//! # ) -> impl IntoView {
//! view! { <RegisterForm on_submit=register error=register_error /> }
//! # }
//! ```
//!
//! Server-side rendering: a real form posting to `action` (the account is
//! created and signed in, then a redirect), so it works with JavaScript off.
//! After hydration `on_submit` receives (name, e-mail, password).

use crate::enhance::{enhance, input_value};
use crate::i18n::{t, Msg};
use crate::login_form::form_error;
use crate::model::{MAX_PASSWORD_LEN, MIN_PASSWORD_LEN};
use leptos::html;
use leptos::prelude::*;

#[component]
pub fn RegisterForm(
    /// Form endpoint used when JavaScript is off.
    #[prop(default = "/api/auth/register")]
    action: &'static str,
    /// Local path to go to after signing up.
    #[prop(optional_no_strip)]
    next: Option<String>,
    /// Receives (name, e-mail, password) when JavaScript runs.
    #[prop(optional)]
    on_submit: Option<Callback<(String, String, String)>>,
    /// The last error to show.
    #[prop(into, optional)]
    error: Signal<Option<String>>,
    /// True while the request is in flight.
    #[prop(into, optional)]
    pending: Signal<bool>,
) -> impl IntoView {
    let name: NodeRef<html::Input> = NodeRef::new();
    let email: NodeRef<html::Input> = NodeRef::new();
    let password: NodeRef<html::Input> = NodeRef::new();
    view! {
        <form
            class="os-auth-form"
            method="post"
            action=action
            on:submit=enhance(
                on_submit,
                move || { (input_value(name), input_value(email), input_value(password)) },
            )
        >
            {form_error(error)}
            {next.map(|n| view! { <input type="hidden" name="next" value=n /> })}
            <div class="os-field">
                <label class="os-field__label" for="os-register-name">
                    {t(Msg::Name)}
                </label>
                <input
                    class="os-field__control"
                    id="os-register-name"
                    node_ref=name
                    name="name"
                    autocomplete="name"
                    maxlength="100"
                    required
                />
            </div>
            <div class="os-field">
                <label class="os-field__label" for="os-register-email">
                    {t(Msg::Email)}
                </label>
                <input
                    class="os-field__control"
                    id="os-register-email"
                    node_ref=email
                    type="email"
                    name="email"
                    autocomplete="email"
                    required
                />
            </div>
            <div class="os-field">
                <label class="os-field__label" for="os-register-password">
                    {t(Msg::Password)}
                </label>
                <input
                    class="os-field__control"
                    id="os-register-password"
                    node_ref=password
                    type="password"
                    name="password"
                    autocomplete="new-password"
                    minlength=MIN_PASSWORD_LEN.to_string()
                    maxlength=MAX_PASSWORD_LEN.to_string()
                    aria-describedby="os-register-password-hint"
                    required
                />
                <p class="os-auth-form__hint" id="os-register-password-hint">
                    {t(Msg::PasswordHint)}
                </p>
            </div>
            <button class="os-button" type="submit" disabled=move || pending.get()>
                {t(Msg::Register)}
            </button>
        </form>
    }
}
