//! Product illustrations, drawn here as SVG: no image files to ship or
//! download, and every URL is a pure function of its path, so responses are
//! cached forever.

/// The drawings we have, one per category.
/// `box` is the general one, for a category that has no drawing of its own
/// (an external platform's collections).
pub const ICONS: &[&str] = &[
    "chair", "grill", "spade", "hose", "plant", "lamp", "tent", "pan", "towel", "paint", "box",
];

/// A number from a product's slug that picks its drawing's variation (and,
/// where it has no category drawing, the drawing): the same every time.
pub fn seed(slug: &str) -> u32 {
    slug.bytes()
        .fold(0u32, |h, b| h.wrapping_mul(31).wrapping_add(u32::from(b)))
}

/// Parses `{icon}-{n}` and `{hex}.svg` from an image URL; `None` for anything else.
pub fn parse(name: &str, file: &str) -> Option<(&'static str, u8, String)> {
    let (icon, n) = name.rsplit_once('-')?;
    let icon = ICONS.iter().find(|i| **i == icon)?;
    let n: u8 = n.parse().ok().filter(|n| *n < 4)?;
    let hex = file.strip_suffix(".svg")?;
    (hex.len() == 6 && hex.bytes().all(|b| b.is_ascii_hexdigit()))
        .then(|| (*icon, n, hex.to_ascii_lowercase()))
}

fn shape(icon: &str, c: &str) -> String {
    match icon {
        "chair" => format!(
            r##"<rect x="70" y="40" width="20" height="110" rx="4" fill="{c}"/>
            <rect x="70" y="110" width="90" height="18" rx="4" fill="{c}"/>
            <rect x="140" y="110" width="18" height="60" rx="4" fill="{c}"/>
            <rect x="70" y="128" width="18" height="42" rx="4" fill="{c}"/>"##
        ),
        "grill" => format!(
            r##"<path d="M50 90 h140 a70 70 0 0 1 -140 0z" fill="{c}"/>
            <rect x="60" y="80" width="120" height="8" fill="{c}" opacity=".6"/>
            <path d="M90 150 l-20 40 M150 150 l20 40 M120 160 v30" stroke="{c}" stroke-width="8"
                stroke-linecap="round"/>"##
        ),
        "spade" => format!(
            r##"<rect x="112" y="30" width="16" height="110" rx="4" fill="{c}" opacity=".7"/>
            <rect x="95" y="25" width="50" height="14" rx="7" fill="{c}"/>
            <path d="M90 140 h60 v30 a30 30 0 0 1 -60 0z" fill="{c}"/>"##
        ),
        "hose" => format!(
            r##"<circle cx="120" cy="115" r="62" fill="none" stroke="{c}" stroke-width="14"/>
            <circle cx="120" cy="115" r="34" fill="none" stroke="{c}" stroke-width="14"
                opacity=".7"/>
            <rect x="170" y="160" width="40" height="16" rx="6" fill="{c}"/>"##
        ),
        "plant" => format!(
            r##"<path d="M85 140 h70 l-10 50 h-50z" fill="{c}"/>
            <path d="M120 140 C120 100 90 80 70 70 C90 100 100 120 120 140
                C120 100 150 70 175 60 C150 95 135 120 120 140z" fill="{c}" opacity=".75"/>"##
        ),
        "lamp" => format!(
            r##"<path d="M85 50 h70 l20 60 h-110z" fill="{c}"/>
            <rect x="116" y="110" width="8" height="70" fill="{c}" opacity=".7"/>
            <rect x="90" y="180" width="60" height="10" rx="5" fill="{c}"/>"##
        ),
        "tent" => format!(
            r##"<path d="M30 180 L120 50 L210 180z" fill="{c}"/>
            <path d="M105 180 L120 120 L135 180z" fill="#fff" opacity=".6"/>"##
        ),
        "pan" => format!(
            r##"<ellipse cx="100" cy="120" rx="65" ry="45" fill="{c}"/>
            <rect x="160" y="112" width="60" height="16" rx="8" fill="{c}" opacity=".8"/>"##
        ),
        "towel" => format!(
            r##"<rect x="60" y="50" width="120" height="140" rx="10" fill="{c}"/>
            <rect x="60" y="160" width="120" height="10" fill="#fff" opacity=".5"/>
            <rect x="60" y="175" width="120" height="6" fill="#fff" opacity=".5"/>"##
        ),
        _ => format!(
            r##"<rect x="70" y="70" width="100" height="110" rx="10" fill="{c}"/>
            <rect x="70" y="55" width="100" height="20" rx="6" fill="{c}" opacity=".7"/>
            <path d="M95 55 q25 -35 50 0" fill="none" stroke="{c}" stroke-width="6"/>"##
        ),
    }
}

/// The SVG document for a drawing, a variation (background tint) and a colour.
pub fn render(icon: &str, n: u8, hex: &str) -> String {
    const BACKGROUNDS: [&str; 4] = ["#f1f5f2", "#f5f1ec", "#eef2f7", "#f7f4ea"];
    let bg = BACKGROUNDS[usize::from(n) % 4];
    format!(
        r##"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 240 240" width="240" height="240"
            role="img" aria-hidden="true"><rect width="240" height="240" fill="{bg}"/>{}</svg>"##,
        shape(icon, &format!("#{hex}"))
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_only_our_urls() {
        assert_eq!(
            parse("hose-2", "2e7d32.svg"),
            Some(("hose", 2, "2e7d32".into()))
        );
        assert_eq!(parse("hose-4", "2e7d32.svg"), None);
        assert_eq!(parse("boat-1", "2e7d32.svg"), None);
        assert_eq!(parse("hose-1", "2e7d3z.svg"), None);
        assert_eq!(parse("hose-1", "2e7d32.png"), None);
        assert_eq!(parse("hose-1", "<script>.svg"), None);
    }

    #[test]
    fn every_icon_renders_svg() {
        for icon in ICONS {
            let svg = render(icon, 1, "123abc");
            assert!(
                svg.starts_with("<svg") && svg.ends_with("</svg>") && svg.contains("#123abc"),
                "{icon}"
            );
        }
    }
}
