//! Why a request was refused, as data. Each reason names what was wrong
//! (which field, which line and how many are left, which slot, why a link is
//! gone); the status code follows from the reason, and the words are made at
//! the edge, in the shopper's language ([`Problem::text`], on the server: its
//! texts are not in the browser's tables). No code branches on the words.
//!
//! Usage:
//! ```
//! use omnistore_components::i18n::Locale;
//! use omnistore_components::model::{Problem, Refusal};
//! let p = Problem::QuantityOutOfRange { min: 1, max: 99 };
//! assert_eq!(p.refusal(), Refusal::BadRequest);
//! // The words are the server's (the browser's tables leave them out).
//! #[cfg(feature = "ssr")]
//! assert_eq!(p.text(Locale::En), "The quantity must be between 1 and 99.");
//! ```

use super::{CouponRefusal, FieldError, OrderStatus};
use crate::i18n::{Locale, Msg};
use serde::{Deserialize, Serialize};

/// The kind of refusal, one per HTTP status the storefront answers with.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Refusal {
    BadRequest,
    Unauthorized,
    Forbidden,
    NotFound,
    Conflict,
    Gone,
    TooManyRequests,
}

impl Refusal {
    /// The HTTP status code.
    pub fn status(self) -> u16 {
        match self {
            Refusal::BadRequest => 400,
            Refusal::Unauthorized => 401,
            Refusal::Forbidden => 403,
            Refusal::NotFound => 404,
            Refusal::Conflict => 409,
            Refusal::Gone => 410,
            Refusal::TooManyRequests => 429,
        }
    }
}

/// One order line the shelves cannot fill.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ShortLine {
    /// Product and variant name, in the shopper's language.
    pub name: String,
    pub wanted: u32,
    /// Units left online (the warehouse).
    pub online: u32,
    /// Units left at the pickup store, for pickup lines.
    pub at_store: Option<u32>,
}

/// Why a payment provider did not take the money.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Decline {
    /// The card or account was refused.
    Declined,
    /// No method, or one the provider does not offer.
    NoMethod,
}

/// Every reason a request is refused.
// Externally tagged (`{"slot_full":null}`, `{"not_enough_stock":{…}}`):
// the cheapest form for the browser's JSON reader.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
#[serde(rename_all = "snake_case")]
#[error("{}", self.text(Locale::En))]
pub enum Problem {
    /// A form field; `field` is its name in the form.
    Field {
        field: String,
        error: FieldError,
    },
    /// Several fields of one form, each with what is wrong.
    Fields {
        errors: Vec<(String, FieldError)>,
    },
    /// `near` is not "latitude,longitude".
    BadNear,
    /// A coordinate that is not a number.
    NotANumber {
        value: String,
    },
    LatitudeOutOfRange,
    LongitudeOutOfRange,
    LimitOutOfRange {
        max: u32,
    },
    UnknownStaffAction {
        action: String,
    },
    /// Kiosk settings without both times, or times out of their ranges.
    BadKioskTiming,
    /// A pickup slot that is not a time this shop offered.
    BadSlot,
    UnknownChannel {
        channel: String,
    },
    /// A query parameter the API does not take.
    UnknownParameter {
        name: String,
    },
    /// The store API needs a place or a search.
    NearOrQuery,
    BadContentLength,
    /// The body ended before its declared length.
    IncompleteBody,
    /// A form sent from another site.
    CrossSite,
    /// A kiosk visit that was ended; its cookies are void.
    VisitEnded,
    PageOutOfRange {
        max: u32,
    },
    QueryTooLong {
        max: u32,
    },
    QuantityOutOfRange {
        min: u32,
        max: u32,
    },
    UnknownStore {
        slug: String,
    },
    UnknownVariant,
    UnknownFulfilment,
    UnknownLanguage,
    UnknownStatus {
        status: String,
    },
    /// A cart change key that is not 8-64 letters, digits, '-' or '_'.
    BadChangeKey,
    BadVariantList,
    TooManyVariants {
        max: u32,
    },
    /// The checkout form's one-time key is missing or malformed.
    FormExpired,
    CartEmpty,
    /// Pickup without a chosen store.
    ChooseStoreFirst,
    ChooseSlot,
    DeliveryAddressMissing,
    AddressLimit {
        max: u32,
    },
    /// The wishlist holds [`MAX_WISHES`](super::MAX_WISHES) items already.
    WishlistFull {
        max: u32,
    },
    /// Staff can only be made of registered customers.
    NoCustomer {
        email: String,
    },
    /// A handoff link that this shop did not make.
    NotOurLink,
    /// A handoff link opened on the kiosk that made it.
    UseYourPhone,
    /// Only a kiosk does this (resets a visit, sends its cart to a phone).
    NotAKiosk,
    SignInFirst,
    WrongCredentials,
    /// The current password, asked again before a change, is not right.
    WrongPassword,
    WrongPin,
    TooManyAttempts,
    TooManyPins {
        minutes: u32,
    },
    StaffOnly,
    AccountGone,
    NoSuchOrder,
    NoSuchStoreOrder {
        number: i64,
    },
    NoSuchAddress,
    NoSuchStore,
    NoSuchSession,
    NoSuchHandoff,
    EmailTaken,
    /// The guest cart went into the account at sign-in.
    CartMoved,
    NotEnoughStock {
        lines: Vec<ShortLine>,
        store: Option<String>,
    },
    /// The slot is before the warehouse items can reach the store.
    SlotTooEarly,
    SlotUnavailable,
    SlotFull,
    PaymentDeclined {
        reason: Decline,
    },
    StatusChange {
        number: i64,
        from: OrderStatus,
        to: OrderStatus,
    },
    HandoffUsed,
    HandoffExpired {
        minutes: u32,
    },
    /// A coupon code that cannot be used (now, by this shopper, on this cart).
    CouponRefused {
        code: String,
        why: CouponRefusal,
    },
    /// The order would cost other than the total the shopper was shown.
    PricesChanged,
    /// More points than the balance holds (spent elsewhere meanwhile).
    NotEnoughPoints {
        balance: i64,
    },
    /// More points than one purchase may take.
    TooManyPoints {
        max: i64,
    },
    /// Points are a customer's: sign in to spend them.
    PointsNeedAccount,
    /// A scanned or typed loyalty code that is nobody's.
    UnknownLoyaltyCode,
    /// An amount that is not a price ("12,50").
    BadAmount,
    /// A return form with no units chosen.
    NothingToReturn,
    /// More units of a line than can still be given back.
    ReturnTooMany {
        name: String,
        left: u32,
    },
    /// A line that has not reached the shopper yet (not collected or
    /// delivered): it is cancelled, not returned.
    NotReceivedYet {
        name: String,
    },
    /// The days in which a line could be returned are over.
    ReturnTimeOver {
        days: i64,
    },
    /// The order was paid at the store, so it is paid back at a store's
    /// counter: its return is made at a store.
    ReturnAtStoreOnly,
    /// A way back other than "store" or "courier".
    UnknownReturnMethod {
        method: String,
    },
    /// A return code that is nobody's.
    NoSuchReturn,
    /// The order was placed on a commerce platform, whose own returns
    /// process takes it back.
    ReturnsNotHere,
}

impl Problem {
    pub fn refusal(&self) -> Refusal {
        use Problem::*;
        match self {
            SignInFirst | AccountGone | WrongCredentials | VisitEnded => Refusal::Unauthorized,
            CrossSite | WrongPassword | WrongPin | StaffOnly | NotAKiosk => Refusal::Forbidden,
            TooManyAttempts | TooManyPins { .. } => Refusal::TooManyRequests,
            NoSuchOrder | NoSuchAddress | NoSuchStore | NoSuchSession | NoSuchHandoff
            | NoSuchReturn => Refusal::NotFound,
            EmailTaken
            | CartMoved
            | NotEnoughStock { .. }
            | SlotTooEarly
            | SlotUnavailable
            | SlotFull
            | PaymentDeclined { .. }
            | StatusChange { .. }
            | WishlistFull { .. }
            | CouponRefused { .. }
            | PricesChanged
            | NotEnoughPoints { .. }
            | ReturnTooMany { .. }
            | NotReceivedYet { .. }
            | ReturnTimeOver { .. }
            | ReturnAtStoreOnly
            | ReturnsNotHere => Refusal::Conflict,
            HandoffUsed | HandoffExpired { .. } => Refusal::Gone,
            _ => Refusal::BadRequest,
        }
    }

    /// A short code for a page a form without JavaScript goes back to
    /// (`?error=slot`); the page words it with [`Problem::code_text`].
    /// The `?error=` code of every refusal that is the form's fault.
    pub const INVALID_CODE: &'static str = "invalid";
    /// The `?error=` code of a form the shop could not take for its own
    /// fault (a back end down), not the form's.
    pub const UNAVAILABLE_CODE: &'static str = "unavailable";

    pub fn code(&self) -> &'static str {
        use Problem::*;
        match self {
            NotEnoughStock { .. } => "stock",
            SlotTooEarly | SlotUnavailable | SlotFull => "slot",
            PaymentDeclined { .. } => "payment",
            HandoffUsed => "used",
            HandoffExpired { .. } => "expired",
            WrongCredentials => "credentials",
            TooManyAttempts => "throttled",
            EmailTaken => "taken",
            UseYourPhone => "phone",
            StatusChange { .. } => "status",
            WrongPassword => "password",
            NoSuchAddress => "address",
            NoSuchSession => "session",
            NoSuchStore | UnknownStore { .. } => "store",
            WishlistFull { .. } => "wishlist",
            CouponRefused { why, .. } => why.code(),
            PricesChanged => "prices",
            NotEnoughPoints { .. } | TooManyPoints { .. } => "points",
            UnknownLoyaltyCode => "loyalty_code",
            NothingToReturn
            | ReturnTooMany { .. }
            | NotReceivedYet { .. }
            | ReturnTimeOver { .. }
            | ReturnAtStoreOnly
            | UnknownReturnMethod { .. }
            | ReturnsNotHere => "return",
            NoSuchReturn => "return_code",
            _ => Self::INVALID_CODE,
        }
    }

    /// The words for a `?error=` code: the general message of its kind, as
    /// the details did not travel in the link. `None` for a code no refusal
    /// makes (a link edited by hand).
    pub fn code_text(code: &str, locale: Locale) -> Option<&'static str> {
        let msg = match code {
            "stock" => Msg::ErrorStock,
            "slot" => Msg::ErrorSlot,
            "payment" => Msg::ErrorPayment,
            "used" => Msg::HandoffUsed,
            "expired" => Msg::HandoffExpired,
            "credentials" => Msg::WrongCredentials,
            "throttled" => Msg::TooManyAttempts,
            "taken" => Msg::EmailTaken,
            "phone" => Msg::PUseYourPhone,
            "status" => Msg::ErrorStatus,
            "password" => Msg::PWrongPassword,
            "address" => Msg::PNoSuchAddress,
            "session" => Msg::PNoSuchSession,
            "store" => Msg::PNoSuchStore,
            "wishlist" => Msg::ErrorWishlist,
            "prices" => Msg::PPricesChanged,
            "points" => Msg::ErrorPoints,
            "loyalty_code" => Msg::PUnknownLoyaltyCode,
            "return" => Msg::ErrorReturn,
            "return_code" => Msg::PNoSuchReturn,
            "invalid" => Msg::ErrorInvalid,
            Self::UNAVAILABLE_CODE => Msg::ErrorUnavailable,
            other => return CouponRefusal::from_code(other).map(|why| why.text(locale)),
        };
        Some(msg.text(locale))
    }

    /// The query a plain form's page is sent back with: `error=code`, and
    /// for form fields `&fields=name:why,…` (only the names and reasons, so
    /// that a link made by hand cannot put words of its own on the page).
    pub fn to_query(&self) -> String {
        let fields: Vec<String> = match self {
            Problem::Field { field, error } => vec![format!("{field}:{}", error.code())],
            Problem::Fields { errors } => errors
                .iter()
                .map(|(field, error)| format!("{field}:{}", error.code()))
                .collect(),
            _ => Vec::new(),
        };
        let mut query = format!("error={}", self.code());
        if !fields.is_empty() {
            query.push_str("&fields=");
            query.push_str(&fields.join(","));
        }
        query
    }

    /// The words for a query [`Problem::to_query`] made: each field with what
    /// is wrong with it, else the general message of the code. Fields or
    /// reasons no form has are left out (a link edited by hand).
    #[cfg(feature = "ssr")]
    pub fn query_text(code: &str, fields: Option<&str>, locale: Locale) -> Option<String> {
        let errors: Vec<(String, FieldError)> = fields
            .unwrap_or_default()
            .split(',')
            .filter_map(|f| {
                let (field, why) = f.split_once(':')?;
                let known = FIELD_NAMES.contains(&field);
                Some((
                    field.to_string(),
                    FieldError::from_code(why).filter(|_| known)?,
                ))
            })
            .collect();
        if errors.is_empty() {
            Self::code_text(code, locale).map(String::from)
        } else {
            Some(Problem::Fields { errors }.text(locale))
        }
    }

    /// The shopper's words for the refusal.
    pub fn text(&self, locale: Locale) -> String {
        use Problem::*;
        let l = locale;
        match self {
            Field { field, error } => Msg::PFieldError.fill(
                l,
                &[("field", field_name(field, l)), ("error", &error.text(l))],
            ),
            Fields { errors } => errors
                .iter()
                .map(|(field, error)| {
                    Msg::PFieldError.fill(
                        l,
                        &[("field", field_name(field, l)), ("error", &error.text(l))],
                    )
                })
                .collect::<Vec<_>>()
                .join("; "),
            NotANumber { value } => Msg::PNotANumber.fill(l, &[("value", value)]),
            LimitOutOfRange { max } => Msg::PLimitOutOfRange.fill(l, &[("max", &max.to_string())]),
            UnknownStaffAction { action } => {
                Msg::PUnknownStaffAction.fill(l, &[("action", action)])
            }
            UnknownParameter { name } => Msg::PUnknownParameter.fill(l, &[("name", name)]),
            UnknownChannel { channel } => Msg::PUnknownChannel.fill(l, &[("channel", channel)]),
            PageOutOfRange { max } => Msg::PPageOutOfRange.fill(l, &[("max", &max.to_string())]),
            QueryTooLong { max } => Msg::PQueryTooLong.fill(l, &[("max", &max.to_string())]),
            QuantityOutOfRange { min, max } => Msg::PQuantityOutOfRange
                .fill(l, &[("min", &min.to_string()), ("max", &max.to_string())]),
            UnknownStore { slug } => Msg::PUnknownStore.fill(l, &[("store", slug)]),
            UnknownStatus { status } => Msg::PUnknownStatus.fill(l, &[("status", status)]),
            TooManyVariants { max } => Msg::PTooManyVariants.fill(l, &[("max", &max.to_string())]),
            AddressLimit { max } => Msg::PAddressLimit.fill(l, &[("max", &max.to_string())]),
            WishlistFull { max } => Msg::PWishlistFull.fill(l, &[("max", &max.to_string())]),
            NotEnoughPoints { balance } => {
                Msg::PNotEnoughPoints.fill(l, &[("balance", &balance.to_string())])
            }
            TooManyPoints { max } => Msg::PTooManyPoints.fill(l, &[("max", &max.to_string())]),
            ReturnTooMany { name, left } => {
                Msg::PReturnTooMany.fill(l, &[("name", name), ("left", &left.to_string())])
            }
            NotReceivedYet { name } => Msg::PNotReceivedYet.fill(l, &[("name", name)]),
            ReturnTimeOver { days } => Msg::PReturnTimeOver.fill(l, &[("days", &days.to_string())]),
            UnknownReturnMethod { method } => {
                Msg::PUnknownReturnMethod.fill(l, &[("method", method)])
            }
            CouponRefused { code, why } => {
                Msg::PCoupon.fill(l, &[("code", code), ("why", why.words(l).as_str())])
            }
            NoCustomer { email } => Msg::PNoCustomer.fill(l, &[("email", email)]),
            TooManyPins { minutes } => {
                Msg::PTooManyPins.fill(l, &[("minutes", &minutes.to_string())])
            }
            NoSuchStoreOrder { number } => {
                Msg::PNoSuchStoreOrder.fill(l, &[("number", &number.to_string())])
            }
            HandoffExpired { minutes } => {
                Msg::PHandoffExpired.fill(l, &[("minutes", &minutes.to_string())])
            }
            StatusChange { number, from, to } => Msg::PStatusChange.fill(
                l,
                &[
                    ("number", &number.to_string()),
                    ("from", from.label().text(l)),
                    ("to", to.label().text(l)),
                ],
            ),
            NotEnoughStock { lines, store } => {
                let lines: Vec<String> = lines
                    .iter()
                    .map(|s| {
                        let wanted = s.wanted.to_string();
                        let online = s.online.to_string();
                        match (s.at_store, store) {
                            (Some(n), Some(store)) => Msg::PShortLineAtStore.fill(
                                l,
                                &[
                                    ("name", &s.name),
                                    ("wanted", &wanted),
                                    ("left", &n.to_string()),
                                    ("store", store),
                                    ("online", &online),
                                ],
                            ),
                            _ => Msg::PShortLine.fill(
                                l,
                                &[("name", &s.name), ("wanted", &wanted), ("online", &online)],
                            ),
                        }
                    })
                    .collect();
                Msg::PNotEnoughStock.fill(l, &[("lines", &lines.join("; "))])
            }
            PaymentDeclined { reason } => match reason {
                Decline::Declined => Msg::PPaymentDeclined.text(l).to_string(),
                Decline::NoMethod => Msg::PPaymentNoMethod.text(l).to_string(),
            },
            other => other.fixed().text(l).to_string(),
        }
    }

    /// The message of a reason without details.
    fn fixed(&self) -> Msg {
        use Problem::*;
        match self {
            UnknownVariant => Msg::PUnknownVariant,
            BadNear => Msg::PBadNear,
            NearOrQuery => Msg::PNearOrQuery,
            BadContentLength => Msg::PBadContentLength,
            IncompleteBody => Msg::PIncompleteBody,
            CrossSite => Msg::PCrossSite,
            VisitEnded => Msg::PVisitEnded,
            LatitudeOutOfRange => Msg::PLatitudeOutOfRange,
            LongitudeOutOfRange => Msg::PLongitudeOutOfRange,
            BadKioskTiming => Msg::PBadKioskTiming,
            BadSlot => Msg::PBadSlot,
            UnknownFulfilment => Msg::PUnknownFulfilment,
            UnknownLanguage => Msg::PUnknownLanguage,
            BadChangeKey => Msg::PBadChangeKey,
            BadVariantList => Msg::PBadVariantList,
            FormExpired => Msg::PFormExpired,
            CartEmpty => Msg::PCartEmpty,
            ChooseStoreFirst => Msg::PChooseStoreFirst,
            ChooseSlot => Msg::PChooseSlot,
            DeliveryAddressMissing => Msg::PDeliveryAddressMissing,
            NotOurLink => Msg::PNotOurLink,
            UseYourPhone => Msg::PUseYourPhone,
            NotAKiosk => Msg::PNotAKiosk,
            SignInFirst => Msg::PSignInFirst,
            WrongCredentials => Msg::WrongCredentials,
            WrongPin => Msg::PWrongPin,
            WrongPassword => Msg::PWrongPassword,
            TooManyAttempts => Msg::TooManyAttempts,
            StaffOnly => Msg::PStaffOnly,
            AccountGone => Msg::PAccountGone,
            NoSuchOrder => Msg::PNoSuchOrder,
            NoSuchAddress => Msg::PNoSuchAddress,
            NoSuchStore => Msg::PNoSuchStore,
            NoSuchSession => Msg::PNoSuchSession,
            NoSuchHandoff => Msg::PNoSuchHandoff,
            EmailTaken => Msg::EmailTaken,
            CartMoved => Msg::PCartMoved,
            SlotTooEarly => Msg::PSlotTooEarly,
            SlotUnavailable => Msg::PSlotUnavailable,
            SlotFull => Msg::PSlotFull,
            HandoffUsed => Msg::PHandoffUsed,
            PricesChanged => Msg::PPricesChanged,
            PointsNeedAccount => Msg::PPointsNeedAccount,
            UnknownLoyaltyCode => Msg::PUnknownLoyaltyCode,
            BadAmount => Msg::PBadAmount,
            NothingToReturn => Msg::PNothingToReturn,
            ReturnAtStoreOnly => Msg::PReturnAtStoreOnly,
            NoSuchReturn => Msg::PNoSuchReturn,
            ReturnsNotHere => Msg::PReturnsNotHere,
            // The rest carry details and are worded in `text`.
            _ => Msg::ErrorInvalid,
        }
    }
}

/// The form fields [`field_name`] has words for.
#[cfg(feature = "ssr")]
const FIELD_NAMES: [&str; 9] = [
    "email",
    "name",
    "password",
    "new_password",
    "phone",
    "street",
    "postcode",
    "city",
    "pin",
];

/// A form field's label in `locale`; unknown names stay as they are.
fn field_name(field: &str, locale: Locale) -> &str {
    let msg = match field {
        "email" => Msg::Email,
        "name" => Msg::Name,
        "password" => Msg::Password,
        "new_password" => Msg::NewPassword,
        "phone" => Msg::Phone,
        "street" => Msg::Street,
        "postcode" => Msg::Postcode,
        "city" => Msg::City,
        "pin" => Msg::KioskPin,
        _ => return field,
    };
    msg.text(locale)
}

#[cfg(test)]
mod tests {
    use super::*;

    // The server's tables hold the refusals' words (see build.rs).
    #[cfg(feature = "ssr")]
    #[test]
    fn every_reason_has_words_in_every_language() {
        let all = [
            Problem::NotEnoughStock {
                lines: vec![ShortLine {
                    name: "Kettle".into(),
                    wanted: 3,
                    online: 1,
                    at_store: Some(0),
                }],
                store: Some("Mokotów".into()),
            },
            Problem::SlotFull,
            Problem::PaymentDeclined {
                reason: Decline::Declined,
            },
            Problem::HandoffExpired { minutes: 10 },
            Problem::NothingToReturn,
            Problem::ReturnTooMany {
                name: "Kettle".into(),
                left: 1,
            },
            Problem::NotReceivedYet {
                name: "Kettle".into(),
            },
            Problem::ReturnTimeOver { days: 30 },
            Problem::ReturnAtStoreOnly,
            Problem::UnknownReturnMethod {
                method: "drone".into(),
            },
            Problem::NoSuchReturn,
            Problem::ReturnsNotHere,
        ];
        for p in &all {
            for l in Locale::ALL {
                let text = p.text(l);
                assert!(!text.contains('{'), "{p:?} in {l:?}: {text}");
                assert!(text.len() > 10, "{p:?} in {l:?}: {text}");
            }
        }
        let stock = all[0].text(Locale::En);
        assert!(
            stock.contains("Kettle") && stock.contains("Mokotów"),
            "{stock}"
        );
    }

    #[test]
    fn the_status_follows_the_reason() {
        assert_eq!(Problem::SlotFull.refusal().status(), 409);
        assert_eq!(Problem::HandoffUsed.refusal().status(), 410);
        assert_eq!(Problem::SignInFirst.refusal().status(), 401);
        assert_eq!(Problem::CartEmpty.refusal().status(), 400);
        assert_eq!(Problem::SlotTooEarly.code(), "slot");
    }

    #[cfg(feature = "ssr")]
    #[test]
    fn a_plain_forms_query_names_each_field_and_nothing_else() {
        let p = Problem::Fields {
            errors: vec![
                ("postcode".into(), FieldError::Postcode),
                ("phone".into(), FieldError::Phone),
            ],
        };
        let query = p.to_query();
        assert_eq!(query, "error=invalid&fields=postcode:postcode,phone:phone");
        let text =
            Problem::query_text("invalid", Some("postcode:postcode,phone:phone"), Locale::En);
        assert_eq!(text, Some(p.text(Locale::En)));
        assert!(text.unwrap().starts_with("Postcode: "));
        // A field no form has, or a made-up reason: the general words.
        let general = Problem::code_text("invalid", Locale::En).map(String::from);
        assert_eq!(
            Problem::query_text("invalid", Some("<b>hi</b>:email"), Locale::En),
            general
        );
        assert_eq!(
            Problem::query_text("invalid", Some("email:nonsense"), Locale::En),
            general
        );
        assert_eq!(Problem::query_text("made-up", None, Locale::En), None);
        assert_eq!(Problem::WrongPassword.to_query(), "error=password");
        assert!(Problem::code_text(Problem::UNAVAILABLE_CODE, Locale::En).is_some());
    }
}
