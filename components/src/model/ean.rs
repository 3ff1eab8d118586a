//! EAN-13 barcodes: what a till, a kiosk scanner and the search box accept.

/// The check digit of the 12 leading digits (GS1: weights 1 and 3 from the left).
pub fn ean13_check_digit(first12: &[u8; 12]) -> u8 {
    let sum: u32 = first12
        .iter()
        .enumerate()
        .map(|(i, d)| u32::from(*d) * if i % 2 == 0 { 1 } else { 3 })
        .sum();
    ((10 - sum % 10) % 10) as u8
}

/// True for 13 ASCII digits whose last one is the right check digit.
pub fn is_valid_ean13(code: &str) -> bool {
    let bytes = code.as_bytes();
    if bytes.len() != 13 || !bytes.iter().all(u8::is_ascii_digit) {
        return false;
    }
    let mut first = [0u8; 12];
    for (slot, b) in first.iter_mut().zip(bytes) {
        *slot = b - b'0';
    }
    ean13_check_digit(&first) == bytes[12] - b'0'
}

/// Builds a valid EAN-13 from a 12-digit number (taken modulo 10^12).
pub fn make_ean13(body: u64) -> String {
    let body = body % 1_000_000_000_000;
    let digits = format!("{body:012}");
    let mut first = [0u8; 12];
    for (slot, b) in first.iter_mut().zip(digits.bytes()) {
        *slot = b - b'0';
    }
    format!("{digits}{}", ean13_check_digit(&first))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn known_codes() {
        // Real EAN-13s printed on products.
        assert!(is_valid_ean13("4006381333931"));
        assert!(is_valid_ean13("5901234123457"));
        assert!(!is_valid_ean13("5901234123458"));
        assert!(!is_valid_ean13("590123412345"));
        assert!(!is_valid_ean13("59012341234a7"));
    }

    #[test]
    fn made_codes_are_valid() {
        for n in [
            0u64,
            590_000_000_001,
            590_123_412_345,
            999_999_999_999,
            1_590_000_000_001,
        ] {
            let code = make_ean13(n);
            assert_eq!(code.len(), 13);
            assert!(is_valid_ean13(&code), "{code}");
        }
        assert_eq!(make_ean13(590_123_412_345), "5901234123457");
    }
}
