//! omnistore's reusable storefront components and the shared model.
//!
//! Each component lives in a folder of its own with its CSS (`style.css`,
//! BEM classes with the `os-` prefix, themed only through the CSS custom
//! properties of `style/tokens.css`). The model (`model`, `i18n`) is pure
//! Rust compiled by both the server and the browser.
//!
//! Features: `ssr` for the server build (adds the [`backend`] interface),
//! `hydrate` for the browser build.

pub mod enhance;
pub mod i18n;
pub mod model;

pub mod account_menu;
pub mod add_to_cart;
pub mod address_form;
pub mod breadcrumbs;
pub mod cart_badge;
pub mod cart_line;
pub mod cart_summary;
pub mod coupon_form;
pub mod field;
pub mod login_form;
pub mod mini_cart;
pub mod my_store_badge;
pub mod opening_hours;
pub mod pagination;
pub mod pickup_slots;
pub mod price;
pub mod product_card;
pub mod qr_code;
pub mod recommendations;
pub mod register_form;
pub mod return_card;
pub mod return_form;
pub mod search_box;
pub mod store_card;
pub mod store_locator;
pub mod store_map;
pub mod variant_picker;
pub mod wish_button;
pub mod wishlist_item;

#[cfg(feature = "ssr")]
pub mod backend;

pub use account_menu::AccountMenu;
pub use add_to_cart::AddToCart;
pub use address_form::AddressForm;
pub use breadcrumbs::{Breadcrumbs, Crumb};
pub use cart_badge::CartBadge;
pub use cart_line::CartLine;
pub use cart_summary::CartSummary;
pub use coupon_form::CouponForm;
pub use field::Field;
pub use login_form::LoginForm;
pub use mini_cart::MiniCart;
pub use my_store_badge::MyStoreBadge;
pub use opening_hours::OpeningHours;
pub use pagination::Pagination;
pub use pickup_slots::PickupSlots;
pub use price::Price;
pub use product_card::ProductCard;
pub use qr_code::QrCode;
pub use recommendations::RecommendationBlock;
pub use register_form::RegisterForm;
pub use return_card::ReturnCard;
pub use return_form::ReturnForm;
pub use search_box::SearchBox;
pub use store_card::StoreCard;
pub use store_locator::StoreLocator;
pub use store_map::StoreMap;
pub use variant_picker::VariantPicker;
pub use wish_button::WishButton;
pub use wishlist_item::WishlistItem;
