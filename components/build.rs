//! Compiles the translations in `locales/*.ftl` (Project Fluent syntax,
//! read with the `fluent-syntax` parser) into the `Msg` enum and one table
//! of texts per language. A message missing from a language, an extra one,
//! a placeholder that differs or a plural form a language lacks stops the
//! build: keys are checked at compile time, and the browser gets plain
//! strings instead of a Fluent runtime. Messages under a group comment
//! (`##`) that starts with "Server only" are empty in the browser's build,
//! so e-mails and refusals cost the wasm nothing.

use fluent_syntax::ast::{
    Entry, Expression, InlineExpression, Pattern, PatternElement, VariantKey,
};
use std::collections::BTreeSet;
use std::fmt::Write;

/// The languages, in `Locale` order; the first is the source.
const LANGUAGES: [&str; 3] = ["en", "pl", "ru"];

/// CLDR plural categories a message may select on, in table order.
const CATEGORIES: [&str; 4] = ["one", "few", "many", "other"];

/// The group comment that marks the messages after it as server-only.
const SERVER_ONLY: &str = "Server only";

/// One message of one language: its text, or its plural forms by category.
#[derive(Debug)]
enum Text {
    Plain(String),
    Plural([String; 4]),
}

fn main() {
    println!("cargo:rerun-if-changed=locales");
    let mut tables: Vec<Vec<(String, Text)>> = Vec::new();
    let mut server_only: Vec<String> = Vec::new();
    for lang in LANGUAGES {
        let path = format!("locales/{lang}.ftl");
        println!("cargo:rerun-if-changed={path}");
        let source = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
        let resource = fluent_syntax::parser::parse(source.as_str())
            .unwrap_or_else(|(_, errors)| panic!("{path}: {errors:?}"));
        let mut table = Vec::new();
        let mut in_server_group = false;
        for entry in resource.body {
            match entry {
                Entry::GroupComment(c) => {
                    in_server_group = c
                        .content
                        .first()
                        .is_some_and(|l| l.starts_with(SERVER_ONLY));
                }
                Entry::Message(m) => {
                    let id = m.id.name.to_string();
                    if lang == LANGUAGES[0] && in_server_group {
                        server_only.push(id.clone());
                    }
                    let value = m
                        .value
                        .unwrap_or_else(|| panic!("{path}: {id} has no value"));
                    table.push((id.clone(), text(&value, &format!("{path}: {id}"))));
                }
                Entry::Junk { content } => panic!("{path}: cannot read {content:?}"),
                _ => {}
            }
        }
        tables.push(table);
    }
    check(&tables);
    std::fs::write(
        std::path::Path::new(&std::env::var("OUT_DIR").unwrap()).join("messages.rs"),
        generate(&tables, &server_only),
    )
    .unwrap();
}

/// A pattern as text with `{name}` placeholders; a pattern that is one
/// select on `$count` becomes plural forms.
fn text(pattern: &Pattern<&str>, at: &str) -> Text {
    if let [PatternElement::Placeable {
        expression: Expression::Select { selector, variants },
    }] = pattern.elements.as_slice()
    {
        assert!(
            matches!(selector, InlineExpression::VariableReference { id } if id.name == "count"),
            "{at}: only plural selection on $count is supported"
        );
        let default = variants
            .iter()
            .find(|v| v.default)
            .map(|v| plain(&v.value, at))
            .unwrap_or_else(|| panic!("{at}: no default variant"));
        let mut forms: [String; 4] = std::array::from_fn(|_| default.clone());
        for v in variants {
            let VariantKey::Identifier { name } = v.key else {
                panic!("{at}: variants are plural categories, not numbers")
            };
            let i = CATEGORIES
                .iter()
                .position(|c| *c == name)
                .unwrap_or_else(|| panic!("{at}: unknown plural category [{name}]"));
            forms[i] = plain(&v.value, at);
        }
        return Text::Plural(forms);
    }
    Text::Plain(plain(pattern, at))
}

fn plain(pattern: &Pattern<&str>, at: &str) -> String {
    let mut out = String::new();
    for element in &pattern.elements {
        match element {
            PatternElement::TextElement { value } => out.push_str(value),
            PatternElement::Placeable {
                expression: Expression::Inline(InlineExpression::VariableReference { id }),
            } => write!(out, "{{{}}}", id.name).unwrap(),
            PatternElement::Placeable {
                expression: Expression::Inline(InlineExpression::StringLiteral { value }),
            } => out.push_str(value),
            other => panic!("{at}: unsupported {other:?}"),
        }
    }
    out
}

fn placeholders(text: &Text) -> BTreeSet<String> {
    let all = match text {
        Text::Plain(t) => t.clone(),
        Text::Plural(forms) => forms.join(" "),
    };
    all.split('{')
        .skip(1)
        .filter_map(|p| p.split_once('}').map(|(name, _)| name.to_string()))
        .collect()
}

/// Every language has exactly the source's messages, each with the same
/// placeholders and the same kind (plain or plural).
fn check(tables: &[Vec<(String, Text)>]) {
    let source = &tables[0];
    for (lang, table) in LANGUAGES.iter().zip(tables).skip(1) {
        let ids: Vec<&String> = table.iter().map(|(id, _)| id).collect();
        for (id, text) in source {
            let Some((_, t)) = table.iter().find(|(i, _)| i == id) else {
                panic!("{lang}.ftl has no translation of {id}");
            };
            assert_eq!(
                placeholders(t),
                placeholders(text),
                "{lang}.ftl: {id} takes other placeholders than en.ftl"
            );
            assert_eq!(
                matches!(t, Text::Plural(_)),
                matches!(text, Text::Plural(_)),
                "{lang}.ftl: {id} is plural in one language only"
            );
        }
        for id in ids {
            assert!(
                source.iter().any(|(i, _)| i == id),
                "{lang}.ftl: {id} is not in en.ftl"
            );
        }
    }
}

fn camel(id: &str) -> String {
    id.split('-')
        .map(|part| {
            let mut c = part.chars();
            c.next()
                .map(|f| f.to_ascii_uppercase().to_string() + c.as_str())
                .unwrap_or_default()
        })
        .collect()
}

fn generate(tables: &[Vec<(String, Text)>], server_only: &[String]) -> String {
    let source = &tables[0];
    let mut out = String::new();
    // Each message is a constant holding its texts, not an enum indexing
    // shared tables: a constant's texts reach the wasm only if an island's
    // code names it, so messages that only server-rendered pages use cost
    // the browser nothing. Plural forms are kept in one string, split at run
    // time. The server has every text; the browser's constants leave the
    // server-only ones empty, in case a shared function names them.
    out.push_str("#[allow(non_upper_case_globals)]\nimpl Msg {\n");
    for (id, _) in source {
        writeln!(out, "    /// `{id}` in `locales/*.ftl`.").unwrap();
        for (cfg, browser) in [
            ("feature = \"ssr\"", false),
            ("not(feature = \"ssr\")", true),
        ] {
            if browser && !server_only.contains(id) {
                continue;
            }
            if server_only.contains(id) {
                writeln!(out, "    #[cfg({cfg})]").unwrap();
            }
            write!(out, "    pub const {}: Msg = Msg(&[", camel(id)).unwrap();
            for table in tables {
                let (_, t) = table.iter().find(|(i, _)| i == id).unwrap();
                let s = match t {
                    _ if browser => String::new(),
                    Text::Plain(s) => s.clone(),
                    Text::Plural(forms) => forms.join("\u{1f}"),
                };
                write!(out, "{s:?}, ").unwrap();
            }
            out.push_str("]);\n");
        }
    }
    out.push_str("\n    /// Every message, in `locales/en.ftl` order.\n");
    out.push_str("    pub const ALL: &'static [Msg] = &[\n");
    for (id, _) in source {
        writeln!(out, "        Msg::{},", camel(id)).unwrap();
    }
    out.push_str("    ];\n}\n");
    out
}
