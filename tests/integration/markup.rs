//! Every HTML page the test servers send is read with html5ever's tokenizer
//! before it reaches a test: a `<form>` inside another `<form>` (which
//! browsers silently drop, moving the inner form's fields into the outer
//! one) turns the answer into a 500 that names the page, so whichever test
//! rendered it fails.

use axum::body::Body;
use axum::extract::Request;
use axum::http::{header, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use html5ever::tokenizer::states::RawKind;
use html5ever::tokenizer::{
    BufferQueue, TagKind, Token, TokenSink, TokenSinkResult, Tokenizer, TokenizerOpts,
};
use std::cell::{Cell, RefCell};

/// Pages checked so far (a test asserts the check really ran).
pub static PAGES_CHECKED: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);

#[derive(Default)]
struct FormNesting {
    open: Cell<u32>,
    /// The `action` of each form opened while another one was open.
    nested: RefCell<Vec<String>>,
}

impl TokenSink for FormNesting {
    type Handle = ();

    fn process_token(&self, token: Token, _line: u64) -> TokenSinkResult<()> {
        let Token::TagToken(tag) = token else {
            return TokenSinkResult::Continue;
        };
        match (tag.kind, &*tag.name) {
            (TagKind::StartTag, "form") => {
                if self.open.get() > 0 {
                    let action = tag
                        .attrs
                        .iter()
                        .find(|a| &*a.name.local == "action")
                        .map(|a| a.value.to_string())
                        .unwrap_or_default();
                    self.nested.borrow_mut().push(action);
                }
                self.open.set(self.open.get() + 1);
            }
            (TagKind::EndTag, "form") => self.open.set(self.open.get().saturating_sub(1)),
            // Tags inside scripts and styles are text, as a browser reads them.
            (TagKind::StartTag, "script") if !tag.self_closing => {
                return TokenSinkResult::RawData(RawKind::ScriptData)
            }
            (TagKind::StartTag, "style") => return TokenSinkResult::RawData(RawKind::Rawtext),
            _ => {}
        }
        TokenSinkResult::Continue
    }
}

/// The actions of forms that stand inside another form in `html`.
pub fn nested_forms(html: &str) -> Vec<String> {
    let tokenizer = Tokenizer::new(FormNesting::default(), TokenizerOpts::default());
    let input = BufferQueue::default();
    input.push_back(html5ever::tendril::StrTendril::from_slice(html));
    let _ = tokenizer.feed(&input);
    tokenizer.end();
    tokenizer.sink.nested.take()
}

/// The middleware the test servers run behind.
pub async fn no_nested_forms(req: Request, next: Next) -> Response {
    let page = req.uri().to_string();
    let res = next.run(req).await;
    let html = res
        .headers()
        .get(header::CONTENT_TYPE)
        .is_some_and(|v| v.as_bytes().starts_with(b"text/html"));
    // Compressed answers are only for clients that ask; the tests do not.
    if !html || res.headers().contains_key(header::CONTENT_ENCODING) {
        return res;
    }
    let (parts, body) = res.into_parts();
    let bytes = axum::body::to_bytes(body, usize::MAX)
        .await
        .expect("page body");
    let nested = nested_forms(&String::from_utf8_lossy(&bytes));
    PAGES_CHECKED.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    if !nested.is_empty() {
        return (
            StatusCode::INTERNAL_SERVER_ERROR,
            format!("{page}: a form inside a form (actions {nested:?})"),
        )
            .into_response();
    }
    Response::from_parts(parts, Body::from(bytes))
}

#[test]
fn the_check_finds_nesting_and_reads_scripts_as_text() {
    assert_eq!(
        nested_forms(r#"<form action="/a"><p><form action="/b"></form></p></form>"#),
        vec!["/b".to_string()]
    );
    assert!(nested_forms(r#"<form action="/a"></form><form action="/b"></form>"#).is_empty());
    assert!(nested_forms(
        r#"<form action="/a"><script>let s = "<form action='/x'>";</script></form>"#
    )
    .is_empty());
    // A button may belong to a form elsewhere on the page.
    assert!(nested_forms(
        r#"<form action="/a"><button form="b">Go</button></form><form id="b" action="/b"></form>"#
    )
    .is_empty());
}
