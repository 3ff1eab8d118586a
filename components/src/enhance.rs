//! Progressive enhancement for forms: every form component renders a real
//! `<form method="post">` that works without JavaScript, and takes an
//! optional callback that replaces the post once the page is hydrated.
//!
//! Usage:
//! ```
//! # use leptos::prelude::*;
//! # use omnistore_components::enhance::enhance;
//! # fn usage(on_add: Option<Callback<(i64, u32)>>, id: i64) -> impl IntoView {
//! view! {
//!     <form method="post" action="/api/cart/add" on:submit=enhance(on_add, move || (id, 1))>
//!     </form>
//! }
//! # }
//! ```
//!
//! Server-side rendering: nothing (event handlers exist only in the browser).

use leptos::ev::SubmitEvent;
use leptos::html;
use leptos::prelude::*;

/// A submit handler: with `callback`, the post is stopped and the callback
/// gets `value()` (read at submit time); without one the browser posts.
pub fn enhance<T: 'static>(
    callback: Option<Callback<T>>,
    value: impl Fn() -> T + 'static,
) -> impl Fn(SubmitEvent) + 'static {
    move |ev: SubmitEvent| {
        if let Some(cb) = callback {
            ev.prevent_default();
            cb.run(value());
        }
    }
}

/// The current text of an input (empty before it is mounted).
pub fn input_value(input: NodeRef<html::Input>) -> String {
    input.get().map(|i| i.value()).unwrap_or_default()
}
