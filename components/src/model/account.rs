//! Customers, their addresses and sessions, and the validation every form
//! shares (the browser shows the same messages the server enforces).

use crate::i18n::Locale;
use serde::{Deserialize, Serialize};

/// Shortest password we accept. Length beats composition rules (NIST 800-63B).
pub const MIN_PASSWORD_LEN: usize = 10;
/// Longest password: argon2 could hash more, but nobody types more.
pub const MAX_PASSWORD_LEN: usize = 256;

/// The customer as shown on their own account pages.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Profile {
    pub id: i64,
    pub email: String,
    pub name: String,
    pub locale: Locale,
    /// Slug of the preferred store ("my store"), when one is chosen.
    pub preferred_store: Option<String>,
}

/// The signed-in customer, as far as the header needs to know.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Viewer {
    pub name: String,
    pub email: String,
}

/// A saved delivery address.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct Address {
    /// The platform's id; `None` for an address not saved yet.
    pub id: Option<super::id::AddressId>,
    pub name: String,
    pub street: String,
    pub postcode: String,
    pub city: String,
    pub phone: String,
}

/// One signed-in device, for "active sessions".
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SessionInfo {
    /// A public handle (never the secret cookie value).
    pub handle: String,
    /// Browser description from its User-Agent, shortened.
    pub device: String,
    /// Unix seconds.
    pub created_at: i64,
    pub last_seen: i64,
    /// `last_seen` as "2026-11-23 06:55 UTC", written by the server (with
    /// chrono), so the browser needs no calendar code.
    pub last_seen_utc: String,
    pub current: bool,
}

/// What is wrong with a form field; the UI words it per locale.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
#[error("{}", self.text(crate::i18n::Locale::En))]
pub enum FieldError {
    Email,
    PasswordTooShort,
    PasswordTooLong,
    Required,
    TooLong,
    ControlCharacter,
    Postcode,
    Phone,
    Pin,
}

impl FieldError {
    pub const ALL: [FieldError; 9] = [
        FieldError::Email,
        FieldError::PasswordTooShort,
        FieldError::PasswordTooLong,
        FieldError::Required,
        FieldError::TooLong,
        FieldError::ControlCharacter,
        FieldError::Postcode,
        FieldError::Phone,
        FieldError::Pin,
    ];

    /// Its name in a redirect's query ([`Problem::to_query`](crate::model::Problem::to_query)).
    pub fn code(self) -> &'static str {
        match self {
            FieldError::Email => "email",
            FieldError::PasswordTooShort => "short",
            FieldError::PasswordTooLong => "long",
            FieldError::Required => "required",
            FieldError::TooLong => "too-long",
            FieldError::ControlCharacter => "control",
            FieldError::Postcode => "postcode",
            FieldError::Phone => "phone",
            FieldError::Pin => "pin",
        }
    }

    /// The reason a code names; `None` for one no field gives.
    pub fn from_code(code: &str) -> Option<FieldError> {
        Self::ALL.into_iter().find(|e| e.code() == code)
    }

    /// What is wrong, in `locale`.
    pub fn text(self, locale: crate::i18n::Locale) -> String {
        use crate::i18n::Msg;
        let msg = match self {
            FieldError::Email => Msg::FEmail,
            FieldError::PasswordTooShort => {
                return Msg::FPasswordTooShort
                    .fill(locale, &[("min", &MIN_PASSWORD_LEN.to_string())])
            }
            FieldError::PasswordTooLong => Msg::FPasswordTooLong,
            FieldError::Required => Msg::FRequired,
            FieldError::TooLong => Msg::FTooLong,
            FieldError::ControlCharacter => Msg::FControlCharacter,
            FieldError::Postcode => Msg::FPostcode,
            FieldError::Phone => Msg::FPhone,
            FieldError::Pin => Msg::FPin,
        };
        msg.text(locale).to_string()
    }
}

/// Lower-cases and trims an e-mail address and checks its shape: one `@`, a
/// non-empty local part and a dotted domain, no spaces or control characters.
/// Deliverability is proven by mail, not by a pattern.
pub fn normalize_email(input: &str) -> Result<String, FieldError> {
    let email = input.trim().to_lowercase();
    let ok = email.len() <= 254
        && !email
            .chars()
            .any(|c| c.is_whitespace() || c.is_control() || c == '<' || c == '>')
        && match email.split_once('@') {
            Some((local, domain)) => {
                !local.is_empty()
                    && !domain.contains('@')
                    && domain.contains('.')
                    && !domain.starts_with('.')
                    && !domain.ends_with('.')
                    && !domain.contains("..")
            }
            None => false,
        };
    if ok {
        Ok(email)
    } else {
        Err(FieldError::Email)
    }
}

/// Length rules only, counted in characters.
pub fn check_password(password: &str) -> Result<(), FieldError> {
    let n = password.chars().count();
    if n < MIN_PASSWORD_LEN {
        Err(FieldError::PasswordTooShort)
    } else if n > MAX_PASSWORD_LEN {
        Err(FieldError::PasswordTooLong)
    } else {
        Ok(())
    }
}

/// A required single-line text of at most `max` characters, trimmed.
pub fn required_text(input: &str, max: usize) -> Result<String, FieldError> {
    let s = input.trim();
    if s.is_empty() {
        Err(FieldError::Required)
    } else if s.chars().any(char::is_control) {
        Err(FieldError::ControlCharacter)
    } else if s.chars().count() > max {
        Err(FieldError::TooLong)
    } else {
        Ok(s.to_string())
    }
}

/// Polish postcode "NN-NNN" (a bare "NNNNN" is accepted and formatted).
pub fn normalize_postcode(input: &str) -> Result<String, FieldError> {
    let digits: String = input.chars().filter(|c| !c.is_whitespace()).collect();
    let bytes = digits.as_bytes();
    let ok_dash = bytes.len() == 6
        && bytes[2] == b'-'
        && bytes[..2].iter().chain(&bytes[3..]).all(u8::is_ascii_digit);
    let ok_plain = bytes.len() == 5 && bytes.iter().all(u8::is_ascii_digit);
    if ok_dash {
        Ok(digits)
    } else if ok_plain {
        Ok(format!("{}-{}", &digits[..2], &digits[2..]))
    } else {
        Err(FieldError::Postcode)
    }
}

/// Keeps a leading `+` and the digits; 9 to 15 digits (E.164 length).
pub fn normalize_phone(input: &str) -> Result<String, FieldError> {
    let s = input.trim();
    let plus = s.starts_with('+');
    if s.chars()
        .skip(usize::from(plus))
        .any(|c| !(c.is_ascii_digit() || c == ' ' || c == '-' || c == '(' || c == ')'))
    {
        return Err(FieldError::Phone);
    }
    let digits: String = s.chars().filter(char::is_ascii_digit).collect();
    if !(9..=15).contains(&digits.len()) {
        return Err(FieldError::Phone);
    }
    Ok(if plus { format!("+{digits}") } else { digits })
}

impl Address {
    /// Validates and normalises every field; the first error per field.
    pub fn validated(&self) -> Result<Address, Vec<(&'static str, FieldError)>> {
        let mut errors = Vec::new();
        let mut take = |field: &'static str, r: Result<String, FieldError>| match r {
            Ok(v) => v,
            Err(e) => {
                errors.push((field, e));
                String::new()
            }
        };
        let out = Address {
            id: self.id.clone(),
            name: take("name", required_text(&self.name, 100)),
            street: take("street", required_text(&self.street, 200)),
            postcode: take("postcode", normalize_postcode(&self.postcode)),
            city: take("city", required_text(&self.city, 100)),
            phone: take("phone", normalize_phone(&self.phone)),
        };
        if errors.is_empty() {
            Ok(out)
        } else {
            Err(errors)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn emails() {
        assert_eq!(
            normalize_email("  Ala@Example.COM "),
            Ok("ala@example.com".into())
        );
        for bad in [
            "", "ala", "ala@", "@x.pl", "a@b", "a@@b.pl", "a b@c.pl", "a@.pl", "a@b..pl",
            "<a@b.pl>",
        ] {
            assert_eq!(normalize_email(bad), Err(FieldError::Email), "{bad:?}");
        }
    }

    #[test]
    fn passwords_count_characters_not_bytes() {
        assert_eq!(check_password("short"), Err(FieldError::PasswordTooShort));
        assert_eq!(
            check_password("żółćżółćż"),
            Err(FieldError::PasswordTooShort)
        );
        assert_eq!(check_password("żółćżółćżó"), Ok(()));
        assert_eq!(
            check_password(&"x".repeat(257)),
            Err(FieldError::PasswordTooLong)
        );
    }

    #[test]
    fn texts_say_what_is_wrong() {
        assert_eq!(required_text("  Ala  ", 10), Ok("Ala".into()));
        assert_eq!(required_text(" ", 10), Err(FieldError::Required));
        assert_eq!(
            required_text("Ala\u{7}", 10),
            Err(FieldError::ControlCharacter)
        );
        assert_eq!(
            required_text("A\nla", 100),
            Err(FieldError::ControlCharacter)
        );
        assert_eq!(
            required_text("ż".repeat(11).as_str(), 10),
            Err(FieldError::TooLong)
        );
    }

    #[test]
    fn addresses() {
        let a = Address {
            id: None,
            name: " Jan Kowalski ".into(),
            street: "ul. Długa 5/3".into(),
            postcode: "00950".into(),
            city: "Warszawa".into(),
            phone: "+48 600 100 200".into(),
        };
        let v = a.validated().unwrap();
        assert_eq!(v.name, "Jan Kowalski");
        assert_eq!(v.postcode, "00-950");
        assert_eq!(v.phone, "+48600100200");
        let bad = Address {
            postcode: "0-0950".into(),
            phone: "call me".into(),
            city: String::new(),
            ..a
        };
        let errs = bad.validated().unwrap_err();
        assert_eq!(
            errs,
            vec![
                ("postcode", FieldError::Postcode),
                ("city", FieldError::Required),
                ("phone", FieldError::Phone)
            ]
        );
    }
}
