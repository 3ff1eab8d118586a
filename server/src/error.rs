//! One error type for the HTTP layer, mapped to status codes. Clients get a
//! clear message for their mistakes (4xx); internal failures are logged and
//! answered with a generic 5xx that leaks nothing.

use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use omnistore_components::backend::BackendError;

#[derive(Debug, thiserror::Error)]
pub enum AppError {
    #[error("{0}")]
    BadRequest(String),
    #[error("not found")]
    NotFound,
    #[error("{0}")]
    Unauthorized(String),
    #[error("{0}")]
    Forbidden(String),
    #[error("{0}")]
    Conflict(String),
    #[error("{0}")]
    Gone(String),
    /// A request body over [`crate::web::MAX_BODY_BYTES`].
    #[error("the request is too large (at most {limit} bytes)")]
    TooLarge { limit: usize },
    #[error("service unavailable: {0}")]
    Unavailable(String),
}

impl From<BackendError> for AppError {
    fn from(e: BackendError) -> Self {
        match e {
            BackendError::BadRequest(m) => AppError::BadRequest(m),
            BackendError::Conflict(m) => AppError::Conflict(m),
            BackendError::Gone(m) => AppError::Gone(m),
            BackendError::Unavailable(m) => AppError::Unavailable(m),
        }
    }
}

impl IntoResponse for AppError {
    fn into_response(self) -> Response {
        let (status, body) = match &self {
            AppError::BadRequest(m) => (StatusCode::BAD_REQUEST, m.clone()),
            AppError::NotFound => (StatusCode::NOT_FOUND, "not found".to_string()),
            AppError::Unauthorized(m) => (StatusCode::UNAUTHORIZED, m.clone()),
            AppError::Forbidden(m) => (StatusCode::FORBIDDEN, m.clone()),
            AppError::Conflict(m) => (StatusCode::CONFLICT, m.clone()),
            AppError::Gone(m) => (StatusCode::GONE, m.clone()),
            AppError::TooLarge { .. } => (StatusCode::PAYLOAD_TOO_LARGE, self.to_string()),
            AppError::Unavailable(detail) => {
                tracing::error!(%detail, "request failed");
                (
                    StatusCode::SERVICE_UNAVAILABLE,
                    "temporarily unavailable, please retry".to_string(),
                )
            }
        };
        (
            status,
            [(
                axum::http::header::CONTENT_TYPE,
                "text/plain; charset=utf-8",
            )],
            body,
        )
            .into_response()
    }
}
