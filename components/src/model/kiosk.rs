//! The in-store kiosk: what a scanner may type, the idle timing, the staff
//! PIN rules and the cart handoff to a phone.

use super::ean::is_valid_ean13;
use super::store::StoreRef;
use serde::{Deserialize, Serialize};

/// Seconds without input before the kiosk asks "Are you still there?".
pub const IDLE_DEFAULT_SECS: u32 = 90;
/// Seconds the question stays up before everything is wiped.
pub const COUNTDOWN_DEFAULT_SECS: u32 = 20;
/// What staff may set: short enough to test, long enough for a slow shopper.
pub const IDLE_RANGE: std::ops::RangeInclusive<u32> = 5..=3600;
pub const COUNTDOWN_RANGE: std::ops::RangeInclusive<u32> = 3..=120;
/// How long the idle reset rests while staff assist a customer.
pub const ASSIST_SECS: u32 = 15 * 60;
/// A handoff link works this long, once.
pub const HANDOFF_SECS: i64 = 10 * 60;
/// Wrong PINs allowed per store (and per client) in [`PIN_WINDOW_SECS`].
pub const MAX_PIN_FAILURES: u32 = 5;
pub const PIN_WINDOW_SECS: i64 = 15 * 60;
/// The kiosk binding: a device secret (256 bits) that staff started with the
/// PIN; the server keeps its hash and the store it serves.
pub const KIOSK_COOKIE: &str = "os_kiosk";

/// A kiosk's store and timing, as the kiosk page needs them.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct KioskSettings {
    pub store: StoreRef,
    pub idle_seconds: u32,
    pub countdown_seconds: u32,
    /// False until staff set a PIN: such a store cannot start a kiosk.
    pub has_pin: bool,
}

/// What the scan field received, once understood.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ScanCode {
    /// A valid EAN-13 (a 12-digit UPC-A is read as EAN-13 with a leading 0).
    Ean(String),
    /// A SKU such as `GAR-00453-01`, upper-cased.
    Sku(String),
}

/// Why a scan found nothing. It travels in the kiosk's `?problem=` as its
/// [`code`](ScanError::code), and the page words it in the kiosk's language.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ScanError {
    /// Nothing was scanned or typed.
    Empty,
    /// Digits, but not 12 or 13 of them.
    BarcodeLength,
    /// 13 digits whose check digit is wrong: a misread, scan again.
    CheckDigit,
    /// Neither a barcode nor a product code.
    NotACode,
    /// A well-formed code that no product has.
    Unknown,
}

impl ScanError {
    const ALL: [ScanError; 5] = [
        ScanError::Empty,
        ScanError::BarcodeLength,
        ScanError::CheckDigit,
        ScanError::NotACode,
        ScanError::Unknown,
    ];

    /// The word for `?problem=`.
    pub fn code(self) -> &'static str {
        match self {
            ScanError::Empty => "empty",
            ScanError::BarcodeLength => "length",
            ScanError::CheckDigit => "check-digit",
            ScanError::NotACode => "not-a-code",
            ScanError::Unknown => "unknown",
        }
    }

    /// The reason a `?problem=` names; `None` for a word no scan gives.
    pub fn from_code(code: &str) -> Option<ScanError> {
        Self::ALL.into_iter().find(|e| e.code() == code)
    }

    /// What the shopper reads next to the scan field, in `locale`.
    pub fn text(self, locale: crate::i18n::Locale) -> &'static str {
        use crate::i18n::Msg;
        match self {
            ScanError::Empty => Msg::ScanEmpty,
            ScanError::BarcodeLength => Msg::ScanLength,
            ScanError::CheckDigit => Msg::ScanCheckDigit,
            ScanError::NotACode => Msg::ScanNotACode,
            ScanError::Unknown => Msg::ScanUnknown,
        }
        .text(locale)
    }
}

/// Reads what a keyboard-wedge scanner or a shopper typed. Scanners send
/// digits then Enter; people type SKUs with any case and stray spaces.
pub fn parse_scan(input: &str) -> Result<ScanCode, ScanError> {
    let code = input.trim();
    if code.is_empty() {
        return Err(ScanError::Empty);
    }
    if code.bytes().all(|b| b.is_ascii_digit()) {
        let ean = match code.len() {
            12 => format!("0{code}"),
            13 => code.to_string(),
            _ => return Err(ScanError::BarcodeLength),
        };
        return if is_valid_ean13(&ean) {
            Ok(ScanCode::Ean(ean))
        } else {
            Err(ScanError::CheckDigit)
        };
    }
    let sku_char = |b: u8| b.is_ascii_alphanumeric() || b == b'-';
    if (3..=40).contains(&code.len()) && code.bytes().all(sku_char) {
        return Ok(ScanCode::Sku(code.to_ascii_uppercase()));
    }
    Err(ScanError::NotACode)
}

/// A staff PIN: 4 to 8 digits.
pub fn validate_pin(pin: &str) -> Result<(), super::FieldError> {
    if (4..=8).contains(&pin.len()) && pin.bytes().all(|b| b.is_ascii_digit()) {
        Ok(())
    } else {
        Err(super::FieldError::Pin)
    }
}

/// Checks staff's new timing against [`IDLE_RANGE`] and [`COUNTDOWN_RANGE`].
pub fn validate_timing(idle: u32, countdown: u32) -> Result<(), super::Problem> {
    if !IDLE_RANGE.contains(&idle) || !COUNTDOWN_RANGE.contains(&countdown) {
        return Err(super::Problem::BadKioskTiming);
    }
    Ok(())
}

/// What staff asked for after entering the PIN.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum StaffAction {
    /// Bind this device to the store (start kiosk mode).
    Start,
    /// Leave kiosk mode on this device.
    Exit,
    /// Change the idle timing.
    Settings { idle: u32, countdown: u32 },
    /// Pause the idle reset while helping a customer.
    Assist,
}

impl StaffAction {
    /// Reads the form's `action` (and timing fields for `settings`).
    pub fn parse(
        action: &str,
        idle: Option<u32>,
        countdown: Option<u32>,
    ) -> Result<Self, super::Problem> {
        match action {
            "start" => Ok(StaffAction::Start),
            "exit" => Ok(StaffAction::Exit),
            "assist" => Ok(StaffAction::Assist),
            "settings" => {
                let (Some(idle), Some(countdown)) = (idle, countdown) else {
                    return Err(super::Problem::BadKioskTiming);
                };
                validate_timing(idle, countdown)?;
                Ok(StaffAction::Settings { idle, countdown })
            }
            other => Err(super::Problem::UnknownStaffAction {
                action: other.into(),
            }),
        }
    }
}

/// A handoff the kiosk shows as a QR code.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Handoff {
    /// The link for the phone (carries the secret token).
    pub url: String,
    /// What the kiosk polls to learn that the phone took the cart.
    pub handle: String,
    /// The QR code of `url`: SVG path data and its size in modules.
    pub qr_path: String,
    pub qr_size: u32,
    pub expires_in_secs: i64,
}

/// What the phone sees before taking the cart.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct HandoffPreview {
    pub store_name: String,
    pub items: u32,
    pub expires_in_secs: i64,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scanner_input_is_understood() {
        assert_eq!(
            parse_scan("5900000000015\n"),
            Ok(ScanCode::Ean("5900000000015".into()))
        );
        // UPC-A is an EAN-13 with a leading zero.
        assert_eq!(
            parse_scan("036000291452"),
            Ok(ScanCode::Ean("0036000291452".into()))
        );
        assert_eq!(parse_scan("5900000000018"), Err(ScanError::CheckDigit));
        assert_eq!(parse_scan("12345"), Err(ScanError::BarcodeLength));
        assert_eq!(
            parse_scan(" gar-00453-01 "),
            Ok(ScanCode::Sku("GAR-00453-01".into()))
        );
        assert_eq!(parse_scan(""), Err(ScanError::Empty));
        assert_eq!(parse_scan("DROP TABLE;"), Err(ScanError::NotACode));
        assert_eq!(parse_scan(&"A".repeat(41)), Err(ScanError::NotACode));
        for e in ScanError::ALL {
            assert_eq!(ScanError::from_code(e.code()), Some(e));
        }
        assert_eq!(ScanError::from_code("anything you like"), None);
    }

    #[test]
    fn pins_and_timing_are_checked() {
        assert!(validate_pin("2468").is_ok());
        assert!(validate_pin("12345678").is_ok());
        assert!(validate_pin("123").is_err());
        assert!(validate_pin("12a4").is_err());
        assert!(validate_timing(5, 3).is_ok());
        assert!(validate_timing(4, 3).is_err());
        assert!(validate_timing(90, 121).is_err());
        assert_eq!(
            StaffAction::parse("settings", Some(30), Some(10)),
            Ok(StaffAction::Settings {
                idle: 30,
                countdown: 10
            })
        );
        assert!(StaffAction::parse("settings", None, Some(10)).is_err());
        assert!(StaffAction::parse("format-disk", None, None).is_err());
    }
}
