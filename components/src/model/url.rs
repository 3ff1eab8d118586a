//! Query-string encoding without a URL crate (the wasm stays small).

/// Percent-encodes `s` for use as a query value. Unreserved characters and
/// '/' stay as they are (paths passed in `?back=` stay readable).
pub fn encode_query_value(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' | b'/' => {
                out.push(b as char)
            }
            _ => out.push_str(&format!("%{b:02X}")),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn encodes_reserved_and_non_ascii() {
        assert_eq!(
            encode_query_value("/c/garden?page=2&sort=name"),
            "/c/garden%3Fpage%3D2%26sort%3Dname"
        );
        assert_eq!(encode_query_value("wąż 25"), "w%C4%85%C5%BC%2025");
    }
}
