//! omnistore's reusable storefront components and the shared model.
//!
//! Each component lives in a folder of its own with its CSS (`style.css`,
//! BEM classes with the `os-` prefix, themed only through the CSS custom
//! properties of `style/tokens.css`). The model (`model`, `i18n`) is pure
//! Rust compiled by both the server and the browser.
//!
//! Features: `ssr` for the server build (adds the [`backend`] interface),
//! `hydrate` for the browser build.

pub mod i18n;
pub mod model;

pub mod breadcrumbs;
pub mod pagination;
pub mod price;
pub mod product_card;
pub mod search_box;
pub mod variant_picker;

#[cfg(feature = "ssr")]
pub mod backend;

pub use breadcrumbs::{Breadcrumbs, Crumb};
pub use pagination::Pagination;
pub use price::Price;
pub use product_card::ProductCard;
pub use search_box::SearchBox;
pub use variant_picker::VariantPicker;
