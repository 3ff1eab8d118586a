//! URL slugs: lowercase ASCII, words joined by '-', Polish letters transliterated.

/// "Wąż ogrodowy 25 m" -> "waz-ogrodowy-25-m".
pub fn slugify(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut dash = false;
    for c in text.chars().flat_map(char::to_lowercase) {
        let mapped = match c {
            'ą' => Some('a'),
            'ć' => Some('c'),
            'ę' => Some('e'),
            'ł' => Some('l'),
            'ń' => Some('n'),
            'ó' => Some('o'),
            'ś' => Some('s'),
            'ź' | 'ż' => Some('z'),
            c if c.is_ascii_alphanumeric() => Some(c),
            _ => None,
        };
        match mapped {
            Some(c) => {
                if dash && !out.is_empty() {
                    out.push('-');
                }
                dash = false;
                out.push(c);
            }
            None => dash = true,
        }
    }
    out
}

/// True when `s` is already in slug form (what routes accept).
pub fn is_slug(s: &str) -> bool {
    !s.is_empty()
        && s.len() <= 200
        && s.bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
        && !s.starts_with('-')
        && !s.ends_with('-')
        && !s.contains("--")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn transliterates_polish() {
        assert_eq!(slugify("Wąż ogrodowy 25 m"), "waz-ogrodowy-25-m");
        assert_eq!(slugify("Źdźbło ŻÓŁĆ"), "zdzblo-zolc");
        assert_eq!(slugify("  --Garden & Patio!! "), "garden-patio");
        assert_eq!(slugify("ĄĘ"), "ae");
        assert_eq!(slugify("!!!"), "");
    }

    #[test]
    fn slug_form() {
        assert!(is_slug("garden-hose-25"));
        assert!(!is_slug("Garden"));
        assert!(!is_slug("a--b"));
        assert!(!is_slug("-a"));
        assert!(!is_slug(""));
        assert!(!is_slug("a/b"));
        for s in ["Wąż ogrodowy 25 m", "Grill 3000 XL", "a b c"] {
            assert!(is_slug(&slugify(s)));
        }
    }
}
