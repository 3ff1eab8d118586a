//! Vendure's product photographs, served by omnistore under `/media/…`.
//!
//! Vendure's asset server sits beside its APIs, which a shopper's browser
//! never talks to; hot-linking it would also show the shop's infrastructure
//! to every page and break the page whenever that server is renamed. So a
//! photograph's URL on a page is omnistore's own, and omnistore fetches the
//! file from Vendure (in one of Vendure's built-in presets, which every
//! Vendure serves, even one that allows presets only). An asset that is not
//! on this Vendure's asset server (a third party's URL) is never linked: the
//! product keeps one of omnistore's drawings.

use super::client::{Client, VendureError};
use bytes::Bytes;
use std::sync::Arc;

/// Where omnistore serves the photographs.
pub const ROUTE: &str = "/media/";
/// Vendure's preset the pages show (fits in 500 × 500): sharp on a card of
/// 240 CSS pixels at twice the density, and on the product page.
const PRESET: &str = "medium";
/// The largest photograph relayed; a bigger answer is refused, not read.
const MOST_BYTES: u64 = 8 * 1024 * 1024;
/// The longest asset path relayed (Vendure's are well under 200).
const LONGEST_PATH: usize = 400;

/// See the module documentation.
pub struct Photos {
    /// Vendure's client: its timeouts and its rule for trying again.
    client: Arc<Client>,
    /// What Vendure puts before an asset's path (`assetUrlPrefix`).
    prefix: String,
}

/// One photograph as Vendure sent it.
pub struct Photo {
    pub content_type: String,
    pub bytes: Bytes,
}

impl Photos {
    /// Photographs whose URLs start with `prefix`, e.g.
    /// `http://127.0.0.1:3000/assets/`.
    pub fn new(client: Arc<Client>, prefix: &str) -> Self {
        let mut prefix = prefix.to_string();
        if !prefix.ends_with('/') {
            prefix.push('/');
        }
        Photos { client, prefix }
    }

    /// omnistore's URL for the asset Vendure shows at `preview`, or `None`
    /// when it is not on this Vendure's asset server.
    pub fn local_url(&self, preview: &str) -> Option<String> {
        let path = preview.strip_prefix(&self.prefix)?;
        is_asset_path(path).then(|| format!("{ROUTE}{path}"))
    }

    /// The photograph at `path` (what follows [`ROUTE`]); `None` when there
    /// is no such image.
    pub async fn fetch(&self, path: &str) -> Result<Option<Photo>, VendureError> {
        if !is_asset_path(path) {
            return Ok(None);
        }
        let url = format!("{}{path}?preset={PRESET}", self.prefix);
        let answer = self.client.get_file(&url).await?;
        let status = answer.status();
        // No such asset, or a size this Vendure does not make.
        if status.is_client_error() {
            return Ok(None);
        }
        if !status.is_success() {
            return Err(VendureError::Status(status.as_u16()));
        }
        let content_type = answer
            .headers()
            .get(reqwest::header::CONTENT_TYPE)
            .and_then(|v| v.to_str().ok())
            .unwrap_or_default()
            .to_string();
        // Only pictures: anything else on that server is not ours to relay.
        if !content_type.starts_with("image/") || content_type.contains("svg") {
            return Ok(None);
        }
        let too_big = || VendureError::Unusable(format!("{path} is over {MOST_BYTES} bytes"));
        // Said in advance, refused unread; else counted as it comes.
        if answer.content_length().is_some_and(|n| n > MOST_BYTES) {
            return Err(too_big());
        }
        let bytes = answer.bytes().await?;
        if bytes.len() as u64 > MOST_BYTES {
            return Err(too_big());
        }
        Ok(Some(Photo {
            content_type,
            bytes,
        }))
    }
}

/// Folders and a file name of letters, digits, `-`, `_` and `.` (Vendure's
/// naming strategies make no other), never `.` or `..`: the path cannot
/// leave the asset server's route, nor carry a query of its own.
fn is_asset_path(path: &str) -> bool {
    !path.is_empty()
        && path.len() <= LONGEST_PATH
        && path.split('/').all(|part| {
            !part.is_empty()
                && !part.starts_with('.')
                && part
                    .bytes()
                    .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.'))
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_this_vendures_assets_get_a_local_url() {
        let client = Client::new("http://127.0.0.1:3000", "admin", "secret").unwrap();
        let photos = Photos::new(Arc::new(client), "http://127.0.0.1:3000/assets");
        assert_eq!(
            photos
                .local_url("http://127.0.0.1:3000/assets/preview/71/tent__preview.jpg")
                .as_deref(),
            Some("/media/preview/71/tent__preview.jpg")
        );
        for other in [
            "https://images.example.com/assets/preview/71/tent__preview.jpg",
            "http://127.0.0.1:3000/assetsx/tent.jpg",
            "http://127.0.0.1:3000/assets/../admin-api",
            "http://127.0.0.1:3000/assets/preview/tent.jpg?w=1&h=1",
            "http://127.0.0.1:3000/assets/",
            "http://127.0.0.1:3000/assets/preview//tent.jpg",
            "http://127.0.0.1:3000/assets/preview/%2e%2e/tent.jpg",
        ] {
            assert_eq!(photos.local_url(other), None, "{other}");
        }
    }
}
