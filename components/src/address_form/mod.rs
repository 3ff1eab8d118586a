//! AddressForm: a delivery address (name, street, postcode, city, phone).
//! Field rules are the model's (`Address::validated`): Polish postcode
//! "00-950", phone of 9-15 digits; the server applies the same rules.
//!
//! Usage:
//! ```
//! # use leptos::prelude::*;
//! # use omnistore_components::{model::Address, AddressForm};
//! # fn usage(save: Callback<Address>, save_error: Signal<Option<String>>) -> impl IntoView {
//! view! { <AddressForm address=Address::default() on_save=save error=save_error /> }
//! # }
//! ```
//!
//! Server-side rendering: a real form posting to `action` with the address id
//! hidden (empty for a new one), so addresses can be edited with JavaScript off. After
//! hydration `on_save` receives the address and the form is not posted.

use crate::enhance::{enhance, input_value};
use crate::field::{Field, Input};
use crate::i18n::{t, Msg};
use crate::model::Address;
use leptos::html;
use leptos::prelude::*;

/// The street line of an address.
pub const STREET: Input = Input::new("street", Msg::Street).autocomplete("street-address");
/// A Polish postcode ("00-950").
pub const POSTCODE: Input = Input::new("postcode", Msg::Postcode).autocomplete("postal-code");
/// The town or city.
pub const CITY: Input = Input::new("city", Msg::City).autocomplete("address-level2");

/// A phone number of 9 to 15 digits.
pub const PHONE: Input = Input::new("phone", Msg::Phone)
    .kind("tel")
    .autocomplete("tel");

/// The form's fields, in the order it asks for them and `Address` keeps them.
const FIELDS: [Input; 5] = [
    Input::new("name", Msg::Name).autocomplete("name"),
    STREET,
    POSTCODE,
    CITY,
    Input::new("phone", Msg::Phone)
        .kind("tel")
        .autocomplete("tel"),
];

#[component]
pub fn AddressForm(
    /// Initial values; `id` 0 adds a new address.
    address: Address,
    /// Form endpoint used when JavaScript is off.
    #[prop(default = "/api/account/address")]
    action: &'static str,
    /// Receives the entered address when JavaScript runs.
    #[prop(optional)]
    on_save: Option<Callback<Address>>,
    /// The last error to show.
    #[prop(into, optional)]
    error: Signal<Option<String>>,
) -> impl IntoView {
    // A new address's form has no id (the hidden field is empty).
    let id_text = address
        .id
        .as_ref()
        .map(|id| id.to_string())
        .unwrap_or_default();
    let prefix = format!(
        "os-address-{}",
        if id_text.is_empty() { "new" } else { &id_text }
    );
    let refs: [NodeRef<html::Input>; 5] = std::array::from_fn(|_| NodeRef::new());
    let id = address.id;
    let values = [
        address.name,
        address.street,
        address.postcode,
        address.city,
        address.phone,
    ];
    view! {
        <form
            class="os-address-form"
            method="post"
            action=action
            on:submit=enhance(
                on_save,
                move || {
                    let v = |i: usize| input_value(refs[i]);
                    Address {
                        id: id.clone(),
                        name: v(0),
                        street: v(1),
                        postcode: v(2),
                        city: v(3),
                        phone: v(4),
                    }
                },
            )
        >
            {move || {
                error
                    .get()
                    .map(|e| {
                        view! {
                            <p class="os-address-form__error" role="alert">
                                {e}
                            </p>
                        }
                    })
            }}
            <input type="hidden" name="id" value=id_text />
            {FIELDS
                .into_iter()
                .zip(values)
                .enumerate()
                .map(|(i, (input, value))| {
                    let id = format!("{prefix}-{}", input.name());
                    view! { <Field id input value node_ref=refs[i] /> }
                })
                .collect_view()}
            <button class="os-button" type="submit">
                {t(Msg::Save)}
            </button>
        </form>
    }
}
