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

/// True for a path on this site ("/cart?x=1"): never another host
/// ("//evil.example", "https://…", "/\\evil"), never a header break. Used
/// for every "go back to" and "next" parameter (no open redirects).
pub fn is_local_path(p: &str) -> bool {
    p.starts_with('/')
        && !p.starts_with("//")
        && !p.contains('\\')
        && !p.contains('\r')
        && !p.contains('\n')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn local_paths_only() {
        assert!(is_local_path("/c/grills?page=2"));
        for bad in [
            "//evil.example",
            "https://evil.example",
            "/\\evil.example",
            "/a\r\nSet-Cookie: x",
            "",
            "cart",
        ] {
            assert!(!is_local_path(bad), "{bad:?}");
        }
    }

    #[test]
    fn encodes_reserved_and_non_ascii() {
        assert_eq!(
            encode_query_value("/c/garden?page=2&sort=name"),
            "/c/garden%3Fpage%3D2%26sort%3Dname"
        );
        assert_eq!(encode_query_value("wąż 25"), "w%C4%85%C5%BC%2025");
    }
}
