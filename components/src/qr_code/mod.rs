//! QrCode: a QR code drawn as SVG from module data made on the server (so
//! the browser ships no encoder). Black on white with its quiet zone; the
//! text it encodes is given as the accessible name.
//!
//! Usage:
//! ```
//! # use leptos::prelude::*;
//! # use omnistore_components::{model::OrderView, QrCode};
//! # fn usage(order: OrderView) -> impl IntoView {
//! view! { <QrCode path=order.qr_path size=order.qr_size label="Pickup code AB23CD45" /> }
//! # }
//! ```
//!
//! Server-side rendering: complete SVG.

use leptos::prelude::*;

#[component]
pub fn QrCode(
    /// SVG path data of the dark modules, in module units.
    path: String,
    /// Side of the code in modules, quiet zone included.
    size: u32,
    /// What the code says, for screen readers.
    #[prop(into)]
    label: String,
) -> impl IntoView {
    view! {
        <svg
            class="os-qr-code"
            viewBox=format!("0 0 {size} {size}")
            role="img"
            aria-label=label
            shape-rendering="crispEdges"
        >
            <rect width=size.to_string() height=size.to_string() fill="#fff" />
            <path d=path fill="#000" />
        </svg>
    }
}
