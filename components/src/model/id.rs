//! Identifiers that come from the commerce platform.
//!
//! Pages and components treat them as opaque text: they show them in links
//! and forms, compare them and send them back, and never do arithmetic on
//! them. The built-in back end's ids are numbers, Vendure's are whatever its
//! id strategy makes (numbers by default, UUIDs with another strategy).
//!
//! Usage:
//! ```
//! use omnistore_components::model::VariantId;
//! let id: VariantId = "8f14e45f-ceea-467f-a0e6-0a0f0a1f2b3c".parse().unwrap();
//! assert_eq!(format!("/p/shirt?variant={id}"), "/p/shirt?variant=8f14e45f-ceea-467f-a0e6-0a0f0a1f2b3c");
//! // JSON written before ids were text (numbers) still reads.
//! let old: VariantId = serde_json::from_str("12").unwrap();
//! assert_eq!(old, VariantId::from(12));
//! assert!("".parse::<VariantId>().is_err());
//! ```

use serde::{Deserialize, Serialize};
use std::fmt;

/// The longest identifier accepted (a UUID is 36 characters).
pub const MAX_ID_LEN: usize = 100;

/// Why text is not an identifier.
#[derive(Clone, Copy, Debug, PartialEq, Eq, thiserror::Error)]
pub enum IdError {
    #[error("the id is empty")]
    Empty,
    #[error("the id is longer than {MAX_ID_LEN} characters")]
    TooLong,
    /// Ids go into links unencoded, so only characters that mean nothing
    /// there are accepted: letters, digits and `- _ . : / ~ @` (numbers,
    /// UUIDs and `gid://platform/Variant/1` all fit).
    #[error("an id may hold only letters, digits and - _ . : / ~ @")]
    BadCharacter,
}

fn check(raw: &str) -> Result<(), IdError> {
    if raw.is_empty() {
        Err(IdError::Empty)
    } else if raw.len() > MAX_ID_LEN {
        Err(IdError::TooLong)
    } else if !raw
        .bytes()
        .all(|b| b.is_ascii_alphanumeric() || b"-_.:/~@".contains(&b))
    {
        Err(IdError::BadCharacter)
    } else {
        Ok(())
    }
}

macro_rules! platform_id {
    ($(#[$doc:meta])* $name:ident) => {
        $(#[$doc])*
        #[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
        #[serde(transparent)]
        pub struct $name(String);

        impl $name {
            /// The id as the platform wrote it.
            pub fn as_str(&self) -> &str {
                &self.0
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(&self.0)
            }
        }

        impl std::str::FromStr for $name {
            type Err = IdError;
            fn from_str(raw: &str) -> Result<Self, IdError> {
                check(raw)?;
                Ok($name(raw.to_string()))
            }
        }

        impl TryFrom<String> for $name {
            type Error = IdError;
            fn try_from(raw: String) -> Result<Self, IdError> {
                check(&raw)?;
                Ok($name(raw))
            }
        }

        /// A numeric id (the built-in back end's rows).
        impl From<i64> for $name {
            fn from(n: i64) -> Self {
                $name(n.to_string())
            }
        }

        /// Written into links and forms as its text.
        impl leptos::attr::IntoAttributeValue for $name {
            type Output = String;
            fn into_attribute_value(self) -> String {
                self.0
            }
        }

        impl<'de> Deserialize<'de> for $name {
            fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                d.deserialize_any(IdVisitor)?.try_into().map_err(serde::de::Error::custom)
            }
        }
    };
}

/// Reads an id written as text, or as a number (as ids were written before
/// they were opaque: old JSON and queued offline changes still read).
struct IdVisitor;

impl serde::de::Visitor<'_> for IdVisitor {
    type Value = String;
    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("an id (text or a whole number)")
    }
    fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<String, E> {
        Ok(v.to_string())
    }
    fn visit_string<E: serde::de::Error>(self, v: String) -> Result<String, E> {
        Ok(v)
    }
    fn visit_i64<E: serde::de::Error>(self, v: i64) -> Result<String, E> {
        Ok(v.to_string())
    }
    fn visit_u64<E: serde::de::Error>(self, v: u64) -> Result<String, E> {
        Ok(v.to_string())
    }
}

platform_id!(
    /// A sellable variant (a size and/or colour of a product).
    VariantId
);

platform_id!(
    /// A customer's saved delivery address.
    AddressId
);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_text_in_json_and_read_from_text_or_numbers() {
        let id: VariantId = "T-shirt_1".parse().unwrap();
        assert_eq!(serde_json::to_string(&id).unwrap(), "\"T-shirt_1\"");
        assert_eq!(
            serde_json::from_str::<VariantId>("\"T-shirt_1\"").unwrap(),
            id
        );
        assert_eq!(
            serde_json::from_str::<VariantId>("7").unwrap().as_str(),
            "7"
        );
        assert!(serde_json::from_str::<VariantId>("\"\"").is_err());
        assert!(serde_json::from_str::<VariantId>("1.5").is_err());
        assert!(serde_json::from_str::<VariantId>("null").is_err());
    }

    #[test]
    fn text_that_cannot_be_an_id_is_refused() {
        assert_eq!("".parse::<AddressId>(), Err(IdError::Empty));
        assert_eq!("a b".parse::<AddressId>(), Err(IdError::BadCharacter));
        assert_eq!("x\n".parse::<AddressId>(), Err(IdError::BadCharacter));
        assert_eq!("1&x=2".parse::<AddressId>(), Err(IdError::BadCharacter));
        assert_eq!("ż".parse::<AddressId>(), Err(IdError::BadCharacter));
        assert!("gid://shop/Variant/12".parse::<AddressId>().is_ok());
        assert_eq!(
            "9".repeat(MAX_ID_LEN + 1).parse::<AddressId>(),
            Err(IdError::TooLong)
        );
        assert!("9".repeat(MAX_ID_LEN).parse::<AddressId>().is_ok());
    }
}
