//! RegisterForm: name, e-mail and a password of at least 10 characters. The
//! browser checks the length first; the server enforces the same rules.
//!
//! Usage:
//! ```
//! # use leptos::prelude::*;
//! # use omnistore_components::RegisterForm;
//! # fn usage(
//! #     register: Callback<(String, String, String, bool)>,
//! #     register_error: Signal<Option<String>>,
//! # ) -> impl IntoView {
//! view! { <RegisterForm on_submit=register error=register_error /> }
//! # }
//! ```
//!
//! Server-side rendering: a real form posting to `action` (the account is
//! created and signed in, then a redirect), so it works with JavaScript off.
//! After hydration `on_submit` receives (name, e-mail, password, and whether
//! the shopper agreed to cart reminders; unticked by default).

use crate::enhance::{enhance, input_value};
use crate::field::{Field, Input};
use crate::i18n::{t, Msg};
use crate::login_form::form_error;
use crate::model::{MAX_PASSWORD_LEN, MIN_PASSWORD_LEN};
use leptos::html;
use leptos::prelude::*;

/// A password being chosen: the length rules are the server's, and the hint
/// says them before the first try.
pub const NEW_PASSWORD: Input = Input::new("password", Msg::Password)
    .kind("password")
    .autocomplete("new-password")
    .min(MIN_PASSWORD_LEN)
    .max(MAX_PASSWORD_LEN)
    .hint(Msg::PasswordHint);

#[component]
pub fn RegisterForm(
    /// Form endpoint used when JavaScript is off.
    #[prop(default = "/api/auth/register")]
    action: &'static str,
    /// Local path to go to after signing up.
    #[prop(optional_no_strip)]
    next: Option<String>,
    /// Receives (name, e-mail, password, cart-reminder consent) when JavaScript runs.
    #[prop(optional)]
    on_submit: Option<Callback<(String, String, String, bool)>>,
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
    let reminders: NodeRef<html::Input> = NodeRef::new();
    view! {
        <form
            class="os-auth-form"
            method="post"
            action=action
            on:submit=enhance(
                on_submit,
                move || {
                    (
                        input_value(name),
                        input_value(email),
                        input_value(password),
                        reminders.get().is_some_and(|i| i.checked()),
                    )
                },
            )
        >
            {form_error(error)}
            {next.map(|n| view! { <input type="hidden" name="next" value=n /> })}
            <Field id="os-register-name" input=Input::NAME node_ref=name />
            <Field id="os-register-email" input=Input::EMAIL node_ref=email />
            <Field id="os-register-password" input=NEW_PASSWORD node_ref=password />
            <label class="os-auth-form__consent">
                <input type="checkbox" name="reminders" value="on" node_ref=reminders />
                " "
                {t(Msg::RemindersConsent)}
            </label>
            <button class="os-button" type="submit" disabled=move || pending.get()>
                {t(Msg::Register)}
            </button>
        </form>
    }
}
