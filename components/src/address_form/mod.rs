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
//! hidden (0 = new), so addresses can be edited with JavaScript off. After
//! hydration `on_save` receives the address and the form is not posted.

use crate::enhance::{enhance, input_value};
use crate::i18n::{t, Msg};
use crate::model::Address;
use leptos::html;
use leptos::prelude::*;

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
    let prefix = format!("os-address-{}", address.id);
    let refs: [NodeRef<html::Input>; 5] = std::array::from_fn(|_| NodeRef::new());
    let id = address.id;
    let fields = [
        ("name", Msg::Name, address.name, "name"),
        ("street", Msg::Street, address.street, "street-address"),
        ("postcode", Msg::Postcode, address.postcode, "postal-code"),
        ("city", Msg::City, address.city, "address-level2"),
        ("phone", Msg::Phone, address.phone, "tel"),
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
                        id,
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
            <input type="hidden" name="id" value=id />
            {fields
                .into_iter()
                .enumerate()
                .map(|(i, (name, label, value, autocomplete))| {
                    let field = format!("{prefix}-{name}");
                    view! {
                        <div class="os-field">
                            <label class="os-field__label" for=field.clone()>
                                {t(label)}
                            </label>
                            <input
                                class="os-field__control"
                                id=field
                                node_ref=refs[i]
                                name=name
                                value=value
                                autocomplete=autocomplete
                                type=if name == "phone" { "tel" } else { "text" }
                                required
                            />
                        </div>
                    }
                })
                .collect_view()}
            <button class="os-button" type="submit">
                {t(Msg::Save)}
            </button>
        </form>
    }
}
