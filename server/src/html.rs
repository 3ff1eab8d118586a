//! Product descriptions that arrive as HTML (a merchant's catalog file):
//! what may reach a page, and their words as plain text (search, the page's
//! meta description, JSON-LD).
//!
//! Sanitising is `ammonia`'s (a whitelist of tags and attributes, links
//! made `rel="noopener noreferrer"`). An import refuses HTML that needs it
//! to remove something ([`not_allowed`]), so that a merchant learns of it
//! instead of seeing part of a description vanish; what is stored is
//! sanitised all the same.

use std::collections::HashSet;
use std::sync::LazyLock;

/// Tags whose content is dropped with them (not shown as text either).
const DROPPED_WITH_CONTENT: &[&str] = &["script", "style"];

/// The description as it may be put into a page.
pub fn sanitize(html: &str) -> String {
    ammonia::clean(html)
}

/// What in `html` is not allowed on a page (the first thing found): a tag
/// outside ammonia's whitelist, an event handler attribute or a
/// `javascript:` link. `None` when it is clean.
pub fn not_allowed(html: &str) -> Option<String> {
    static ALLOWED: LazyLock<HashSet<&'static str>> =
        LazyLock::new(|| ammonia::Builder::default().clone_tags());
    let lower = html.to_ascii_lowercase();
    let mut rest = lower.as_str();
    while let Some(start) = rest.find('<') {
        let tag = &rest[start + 1..];
        let end = tag.find('>').unwrap_or(tag.len());
        let inside = &tag[..end];
        rest = &tag[end..];
        let name: String = inside
            .trim_start_matches('/')
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric())
            .collect();
        if name.is_empty() {
            // "a < b" or a comment: text to ammonia, nothing to run.
            continue;
        }
        if !ALLOWED.contains(name.as_str()) {
            return Some(format!("<{name}>"));
        }
        if let Some(handler) = event_handler(inside) {
            return Some(format!("the {handler} attribute"));
        }
        if inside.contains("javascript:") {
            return Some("a javascript: link".into());
        }
    }
    None
}

/// An `on…=` attribute inside a tag, e.g. `onerror`.
fn event_handler(inside: &str) -> Option<String> {
    inside
        .split(|c: char| c.is_ascii_whitespace() || c == '/' || c == '"' || c == '\'')
        .find_map(|word| {
            let (name, _) = word.split_once('=')?;
            (name.starts_with("on") && name.len() > 2).then(|| name.to_string())
        })
}

/// The words of `html`, as plain text on one line.
pub fn text(html: &str) -> String {
    // Block ends become spaces, or "<p>a</p><p>b</p>" would read "ab".
    let spaced = html
        .replace("</p>", "</p> ")
        .replace("</li>", "</li> ")
        .replace("</div>", "</div> ")
        .replace("<br", " <br");
    let bare = ammonia::Builder::empty()
        .clean_content_tags(DROPPED_WITH_CONTENT.iter().copied().collect())
        .clean(&spaced)
        .to_string();
    let unescaped = bare
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&nbsp;", " ")
        .replace("&amp;", "&");
    unescaped.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formatting_is_allowed_and_kept() {
        let html = "<p>Solid <strong>oak</strong>.</p><ul><li>2 m</li><li>4 kg</li></ul>";
        assert_eq!(not_allowed(html), None);
        assert_eq!(sanitize(html), html);
        assert_eq!(text(html), "Solid oak. 2 m 4 kg");
    }

    #[test]
    fn scripts_and_handlers_are_named_and_never_kept() {
        for (html, what) in [
            ("<p>Hi<script>alert(1)</script></p>", "<script>"),
            ("<img src=x onerror=alert(1)>", "the onerror attribute"),
            ("<p onclick=\"x()\">Hi</p>", "the onclick attribute"),
            (
                "<a href=\"javascript:alert(1)\">x</a>",
                "a javascript: link",
            ),
            ("<iframe src=//evil></iframe>", "<iframe>"),
            ("<STYLE>p{}</STYLE>", "<style>"),
        ] {
            assert_eq!(not_allowed(html).as_deref(), Some(what), "{html}");
            let clean = sanitize(html).to_ascii_lowercase();
            assert!(
                !clean.contains("script")
                    && !clean.contains("onerror")
                    && !clean.contains("onclick"),
                "{clean}"
            );
        }
        assert_eq!(text("<p>Hi<script>alert(1)</script></p>"), "Hi");
    }

    #[test]
    fn plain_text_and_comparisons_are_text() {
        assert_eq!(not_allowed("3 < 4 & 5 > 2"), None);
        assert_eq!(text("3 < 4 &amp; 5 > 2"), "3 < 4 & 5 > 2");
    }
}
