//! The one error every server function returns. It travels to the browser
//! as data (JSON), so a page words the typed reason in the shopper's
//! language instead of showing, or parsing, a sentence made on the server.

use leptos::server_fn::codec::JsonEncoding;
use leptos::server_fn::error::{FromServerFnError, ServerFnErrorErr};
use omnistore_components::i18n::{Locale, Msg};
#[cfg(feature = "ssr")]
use omnistore_components::model::Problem;
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
pub enum ShopError {
    /// The request cannot be done: why, and the server's words for it in
    /// the shopper's language (the browser shows them; it has no copy of
    /// the server's texts).
    #[error("{text}")]
    Refused {
        /// The typed reason. It is in every answer; the wasm build leaves
        /// it unread (nothing in the browser branches on it, and its reader
        /// cost the first page 7.7 KB of brotli): an island that needs it drops
        /// this `cfg`.
        #[cfg(feature = "ssr")]
        problem: Problem,
        text: String,
    },
    /// Our side failed; the details are in the server's log only.
    #[error("temporarily unavailable")]
    Unavailable,
    /// The call itself failed: no connection, or arguments or an answer
    /// that could not be read.
    #[error(transparent)]
    Call(ServerFnErrorErr),
}

impl FromServerFnError for ShopError {
    type Encoder = JsonEncoding;

    fn from_server_fn_error(value: ServerFnErrorErr) -> Self {
        ShopError::Call(value)
    }
}

impl ShopError {
    /// True when the call never reached the server (offline).
    pub fn is_offline(&self) -> bool {
        matches!(self, ShopError::Call(ServerFnErrorErr::Request(_)))
    }

    /// True when the caller sent arguments the function could not read.
    pub fn is_bad_call(&self) -> bool {
        matches!(
            self,
            ShopError::Call(
                ServerFnErrorErr::Args(_)
                    | ServerFnErrorErr::MissingArg(_)
                    | ServerFnErrorErr::Deserialization(_)
            )
        )
    }

    /// The shopper's words for the failure.
    pub fn text(&self, locale: Locale) -> String {
        match self {
            ShopError::Refused { text, .. } => text.clone(),
            e if e.is_offline() => Msg::OfflineQueued.text(locale).to_string(),
            _ => Msg::ErrorUnavailable.text(locale).to_string(),
        }
    }
}
