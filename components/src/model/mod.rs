//! The shared model: types and pure logic compiled by the server and the browser alike.

pub mod account;
pub mod cart;
pub mod catalog;
pub mod ean;
#[cfg(feature = "ssr")]
pub mod hours;
pub mod id;
pub mod kiosk;
pub mod listing;
pub mod loyalty;
pub mod money;
pub mod order;
pub mod pricing;
pub mod problem;
pub mod recommend;
pub mod returns;
pub mod slug;
pub mod store;
pub mod url;
pub mod wishlist;

pub use account::*;
pub use cart::*;
pub use catalog::*;
pub use ean::{ean13_check_digit, is_valid_ean13, make_ean13};
pub use id::{AddressId, IdError, VariantId, MAX_ID_LEN};
pub use kiosk::*;
pub use listing::{check_search, page_count, ListingQuery, QueryError, Sort, MAX_PAGE, PAGE_SIZE};
pub use loyalty::{
    parse_loyalty_code, points_earned, points_value, redeemable, LoyaltyView, PointsEntry,
    PointsKind, TillReceipt, LOYALTY_CODE_LEN, LOYALTY_CODE_PREFIX, MAX_REDEEM_PERCENT,
};
pub use money::{parse_price_input, Currency, Money, PriceInputError};
pub use order::*;
pub use pricing::{
    in_force, parse_code, price, price_with_fee, CouponRefusal, CouponState, Discount, Offer,
    Priceable, Pricing, Promotion, MAX_CODE_LEN,
};
pub use problem::{Decline, Problem, Refusal, ShortLine};
pub use recommend::{Recommendations, Why, RECOMMENDED};
pub use returns::{
    parse_return_code, points_to_reverse, refund_share, units_value, AcceptedReturn, OrderMoney,
    RefundState, ReturnLineView, ReturnMethod, ReturnRequest, ReturnView, ReturnableLine,
    RETURN_CODE_LEN, RETURN_CODE_PREFIX, RETURN_DAYS,
};
pub use slug::{is_slug, slugify};
pub use store::*;
pub use url::{encode_query_value, is_local_path};
pub use wishlist::{Wish, WishedItem, WishlistView, MAX_WISHES};
