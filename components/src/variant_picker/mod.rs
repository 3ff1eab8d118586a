//! VariantPicker: choose size and colour. Each choice is a link to
//! `?variant={id}`, so it works with JavaScript off and every variant has a
//! shareable URL. The links carry `data-noscroll`: a client-side navigation
//! (the storefront's `nav.js`, leptos' router) follows one in place and
//! keeps the scroll position while the server renders price and stock of
//! the chosen variant. With `on_select` the page handles a choice itself
//! (no navigation at all).
//!
//! Usage:
//! ```
//! # use leptos::prelude::*;
//! # use omnistore_components::{model::{ProductDetail, VariantId}, VariantPicker};
//! # fn usage(p: ProductDetail, selected: Signal<VariantId>) -> impl IntoView {
//! let href = Callback::new(|id: VariantId| format!("?variant={id}"));
//! view! { <VariantPicker variants=p.variants selected=selected href /> }
//! # }
//! ```
//!
//! Server-side rendering: renders the selection named in the URL.

use crate::i18n::{t, Msg};
use crate::model::{pick_variant, Axis, Variant, VariantId};
use leptos::prelude::*;

#[component]
pub fn VariantPicker(
    /// All variants of the product, in catalog order.
    variants: Vec<Variant>,
    /// The id of the selected variant.
    #[prop(into)]
    selected: Signal<VariantId>,
    /// Builds the link that selects a variant id.
    #[prop(into)]
    href: Callback<VariantId, String>,
    /// Gets the chosen variant id instead of the link being followed (when JavaScript runs).
    #[prop(optional_no_strip)]
    on_select: Option<Callback<VariantId>>,
) -> impl IntoView {
    let variants = StoredValue::new(variants);
    let axis_view =
        move |axis: Axis, label: Msg| {
            let values = variants.with_value(|vs| axis.values(vs));
            (!values.is_empty()).then(|| {
            let axis_name = if axis == Axis::Size { "size" } else { "colour" };
            let group_id = format!("os-variant-picker-{axis_name}");
            let options = values
                .into_iter()
                .map(|value| {
                    let v2 = value.clone();
                    let target = Memo::new(move |_| {
                        variants.with_value(|vs| {
                            let current =
                                vs.iter().find(|v| v.id == selected.get()).or(vs.first())?;
                            pick_variant(vs, current, axis, &v2)
                        })
                    });
                    let v3 = value.clone();
                    let is_current = Memo::new(move |_| {
                        variants
                            .with_value(|vs| {
                                let current = vs.iter().find(|v| v.id == selected.get())?;
                                axis.value(current).map(|x| x == v3)
                            })
                            .unwrap_or(false)
                    });
                    let swatch = (axis == Axis::Colour)
                        .then(|| {
                            variants.with_value(|vs| {
                                let v = vs.iter().find(|v| v.colour.as_deref() == Some(&value))?;
                                v.colour_hex.clone()
                            })
                        })
                        .flatten()
                        .map(|hex| view! {
                            <span
                                class="os-variant-picker__swatch"
                                style=format!("background:{hex}")
                                aria-hidden="true"
                            ></span>
                        });
                    // With JavaScript the island swaps the variant in place.
                    let choose = move |ev: leptos::ev::MouseEvent| {
                        if let (Some(select), Some(id)) = (on_select, target.get_untracked()) {
                            ev.prevent_default();
                            select.run(id);
                        }
                    };
                    view! {
                        <li>
                            <a
                                class="os-variant-picker__option"
                                class:os-variant-picker__option--selected=is_current
                                href=move || target.get().map(|id| href.run(id)).unwrap_or_default()
                                aria-current=move || is_current.get().then_some("true")
                                data-noscroll="true"
                                on:click=choose
                            >
                                {swatch}
                                {value}
                            </a>
                        </li>
                    }
                })
                .collect_view();
            view! {
                <div class="os-variant-picker__axis" role="group" aria-labelledby=group_id.clone()>
                    <p class="os-variant-picker__label" id=group_id.clone()>
                        {t(label)}
                    </p>
                    <ul class="os-variant-picker__options">{options}</ul>
                </div>
            }
        })
        };
    view! {
        <div class="os-variant-picker">
            {axis_view(Axis::Size, Msg::Size)} {axis_view(Axis::Colour, Msg::Colour)}
        </div>
    }
}
