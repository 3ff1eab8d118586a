//! Field: a labelled text input, the one way every form here asks for a
//! name, an e-mail, a password or a part of an address. What it asks for is
//! an [`Input`], written once where a form defines its fields.
//!
//! Usage:
//! ```
//! # use leptos::prelude::*;
//! # use omnistore_components::{field::Input, i18n::Msg, Field};
//! const EMAIL: Input = Input::new("email", Msg::Email).kind("email").autocomplete("email");
//! # fn usage() -> impl IntoView {
//! view! { <Field id="os-profile-email" input=EMAIL value="ala@example.com" /> }
//! # }
//! ```
//!
//! Server-side rendering: a plain `<label for>` and `<input>`, so the field
//! works in a form posted with JavaScript off; the browser checks `required`
//! and the lengths before it posts. After hydration `node_ref` reads the
//! value.

use crate::i18n::{t, Msg};
use leptos::html;
use leptos::prelude::*;

/// What a field asks for: the name it is posted under, its label, its type
/// and the hints the browser uses to fill it in and check it.
#[derive(Clone, Copy, Debug)]
pub struct Input {
    name: &'static str,
    label: Msg,
    kind: &'static str,
    autocomplete: Option<&'static str>,
    minlength: Option<usize>,
    maxlength: Option<usize>,
    hint: Option<Msg>,
}

impl Input {
    /// A text input posted as `name`, labelled `label`.
    pub const fn new(name: &'static str, label: Msg) -> Self {
        Input {
            name,
            label,
            kind: "text",
            autocomplete: None,
            minlength: None,
            maxlength: None,
            hint: None,
        }
    }

    /// The input's `type` (email, password, tel).
    pub const fn kind(self, kind: &'static str) -> Self {
        Input { kind, ..self }
    }

    /// The `autocomplete` token that lets the browser fill it in.
    pub const fn autocomplete(self, token: &'static str) -> Self {
        Input {
            autocomplete: Some(token),
            ..self
        }
    }

    /// The fewest characters accepted.
    pub const fn min(self, chars: usize) -> Self {
        Input {
            minlength: Some(chars),
            ..self
        }
    }

    /// The most characters accepted.
    pub const fn max(self, chars: usize) -> Self {
        Input {
            maxlength: Some(chars),
            ..self
        }
    }

    /// A line under the input saying what it needs (read out with it).
    pub const fn hint(self, hint: Msg) -> Self {
        Input {
            hint: Some(hint),
            ..self
        }
    }

    /// The same rules under another name and label (a second password field).
    pub const fn posted_as(self, name: &'static str, label: Msg) -> Self {
        Input {
            name,
            label,
            ..self
        }
    }

    /// A person's name, as an account keeps it.
    pub const NAME: Input = Input::new("name", Msg::Name).autocomplete("name").max(100);

    /// An e-mail address (an account's own).
    pub const EMAIL: Input = Input::new("email", Msg::Email)
        .kind("email")
        .autocomplete("email");

    /// The name the value is posted under.
    pub const fn name(&self) -> &'static str {
        self.name
    }
}

#[component]
pub fn Field(
    /// The input's id, which the label points at (unique on the page).
    #[prop(into)]
    id: String,
    /// What the field asks for.
    input: Input,
    /// The value shown at first.
    #[prop(optional, into)]
    value: Option<String>,
    /// Reads the entered value after hydration.
    #[prop(optional)]
    node_ref: NodeRef<html::Input>,
    /// Whether the form can be sent without it.
    #[prop(default = true)]
    required: bool,
) -> impl IntoView {
    let hint_id = input.hint.map(|_| format!("{id}-hint"));
    view! {
        <div class="os-field">
            <label class="os-field__label" for=id.clone()>
                {t(input.label)}
            </label>
            <input
                class="os-field__control"
                id=id
                node_ref=node_ref
                type=input.kind
                name=input.name
                value=value
                autocomplete=input.autocomplete
                minlength=input.minlength.map(|n| n.to_string())
                maxlength=input.maxlength.map(|n| n.to_string())
                aria-describedby=hint_id.clone()
                required=required
            />
            {input
                .hint
                .map(|hint| {
                    view! {
                        <p class="os-field__hint" id=hint_id>
                            {t(hint)}
                        </p>
                    }
                })}
        </div>
    }
}
