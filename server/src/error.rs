//! One error type for the HTTP layer, mapped to status codes. Clients get a
//! clear message for their mistakes (4xx, its status and words from the typed
//! [`Problem`]); internal failures are logged and answered with a generic 5xx
//! that leaks nothing.

use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use omnistore_components::backend::BackendError;
use omnistore_components::model::Problem;

#[derive(Debug, thiserror::Error)]
pub enum AppError {
    /// The request cannot be done, and why.
    #[error(transparent)]
    Refused(#[from] Problem),
    #[error("not found")]
    NotFound,
    /// A request body over [`crate::web::MAX_BODY_BYTES`].
    #[error("the request is too large (at most {limit} bytes)")]
    TooLarge { limit: usize },
    #[error("service unavailable: {0}")]
    Unavailable(String),
}

impl From<BackendError> for AppError {
    fn from(e: BackendError) -> Self {
        match e {
            BackendError::Refused(p) => AppError::Refused(p),
            BackendError::Unavailable(m) => AppError::Unavailable(m),
        }
    }
}

impl From<crate::vendure::client::VendureError> for AppError {
    fn from(e: crate::vendure::client::VendureError) -> Self {
        BackendError::from(e).into()
    }
}

impl IntoResponse for AppError {
    fn into_response(self) -> Response {
        let status = match &self {
            AppError::Refused(p) => {
                StatusCode::from_u16(p.refusal().status()).unwrap_or(StatusCode::BAD_REQUEST)
            }
            AppError::NotFound => StatusCode::NOT_FOUND,
            AppError::TooLarge { .. } => StatusCode::PAYLOAD_TOO_LARGE,
            AppError::Unavailable(detail) => {
                tracing::error!(%detail, "request failed");
                return (
                    StatusCode::SERVICE_UNAVAILABLE,
                    "temporarily unavailable, please retry",
                )
                    .into_response();
            }
        };
        (
            status,
            [(
                axum::http::header::CONTENT_TYPE,
                "text/plain; charset=utf-8",
            )],
            self.to_string(),
        )
            .into_response()
    }
}
