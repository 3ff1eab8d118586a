//! Page data loaded through server functions: [`load`] is `Resource::new`
//! with one JSON reader for both ways a value reaches the browser.
//!
//! Why: leptos' default resource codec reads the value the server embedded
//! in the page with `serde_json::from_str`, while server functions read
//! their answers with `serde_json::from_slice`. Each reader is a separate
//! copy of every type's deserialiser in the wasm; reading both from bytes
//! keeps one copy.
//!
//! Usage:
//! ```text
//! let home = load(|| (), move |_| get_home(locale));   // as Resource::new
//! view! { <Suspense>{move || Suspend::new(async move { home.await.map(...) })}</Suspense> }
//! ```
//!
//! Server-side rendering: exactly `Resource::new`: the server awaits the
//! value, renders with it and writes it into the page as JSON; the browser
//! hydrates from that copy and only calls the server again when `source`
//! changes.

use leptos::prelude::*;
use leptos::server::codee::{Decoder, Encoder};
use serde::{de::DeserializeOwned, Serialize};

/// JSON written as a string and read back from its bytes.
pub struct SliceJson;

impl<T: Serialize> Encoder<T> for SliceJson {
    type Error = serde_json::Error;
    type Encoded = String;

    fn encode(val: &T) -> Result<String, serde_json::Error> {
        serde_json::to_string(val)
    }
}

impl<T: DeserializeOwned> Decoder<T> for SliceJson {
    type Error = serde_json::Error;
    type Encoded = str;

    fn decode(val: &str) -> Result<T, serde_json::Error> {
        serde_json::from_slice(val.as_bytes())
    }
}

/// A resource read with [`SliceJson`].
pub type Loaded<T> = Resource<T, SliceJson>;

/// `Resource::new` with [`SliceJson`]: `fetcher` runs again whenever
/// `source` changes.
pub fn load<S, T, Fut>(
    source: impl Fn() -> S + Send + Sync + 'static,
    fetcher: impl Fn(S) -> Fut + Send + Sync + 'static,
) -> Loaded<T>
where
    S: Send + Sync + Clone + PartialEq + 'static,
    T: Serialize + DeserializeOwned + Send + Sync + 'static,
    Fut: std::future::Future<Output = T> + Send + 'static,
{
    Resource::new_with_options(source, fetcher, false)
}
