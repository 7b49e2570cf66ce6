//! The one error type of the API, mapped to a status and the JSON envelope in one place.

use actix_web::http::StatusCode;
use actix_web::http::header::{self, HeaderValue};
use actix_web::{HttpResponse, ResponseError};
use pioneer_domain::{ErrorBody, ErrorDetail, FieldError};

use crate::telemetry;

#[derive(Debug)]
pub struct ApiError {
    status: StatusCode,
    code: &'static str,
    message: String,
    details: Vec<FieldError>,
    retry_after: Option<u64>,
    /// With a 412: the resource as it is now.
    current: Option<serde_json::Value>,
    /// The cause of a 500 or 503, logged and never shown to the client.
    source: Option<anyhow::Error>,
}

impl ApiError {
    pub fn new(status: StatusCode, code: &'static str, message: impl Into<String>) -> Self {
        Self {
            status,
            code,
            message: message.into(),
            details: Vec::new(),
            retry_after: None,
            current: None,
            source: None,
        }
    }

    pub fn validation(details: Vec<FieldError>) -> Self {
        Self {
            details,
            ..Self::new(
                StatusCode::UNPROCESSABLE_ENTITY,
                "validation_failed",
                "the request has invalid fields",
            )
        }
    }

    pub fn field(error: FieldError) -> Self {
        Self::validation(vec![error])
    }

    pub fn bad_request(code: &'static str, message: impl Into<String>) -> Self {
        Self::new(StatusCode::BAD_REQUEST, code, message)
    }

    pub fn unauthorized(code: &'static str, message: impl Into<String>) -> Self {
        Self::new(StatusCode::UNAUTHORIZED, code, message)
    }

    pub fn forbidden(message: impl Into<String>) -> Self {
        Self::new(StatusCode::FORBIDDEN, "forbidden", message)
    }

    pub fn not_found(what: &str) -> Self {
        Self::new(
            StatusCode::NOT_FOUND,
            "not_found",
            format!("{what} not found"),
        )
    }

    pub fn conflict(code: &'static str, message: impl Into<String>) -> Self {
        Self::new(StatusCode::CONFLICT, code, message)
    }

    /// 412: the write was based on an old revision; the client gets the current state.
    pub fn stale(current: serde_json::Value) -> Self {
        Self {
            current: Some(current),
            ..Self::new(
                StatusCode::PRECONDITION_FAILED,
                "stale_revision",
                "the resource changed since you read it; merge your change into `current` and try again",
            )
        }
    }

    pub fn workflow(error: pioneer_domain::roadmap::WorkflowError) -> Self {
        Self::new(StatusCode::CONFLICT, error.code, error.message)
    }

    pub fn rate_limited(retry_after_secs: u64) -> Self {
        Self {
            retry_after: Some(retry_after_secs.max(1)),
            ..Self::new(
                StatusCode::TOO_MANY_REQUESTS,
                "rate_limited",
                "too many attempts; try again later",
            )
        }
    }

    pub fn internal(source: impl Into<anyhow::Error>) -> Self {
        Self {
            source: Some(source.into()),
            ..Self::new(StatusCode::INTERNAL_SERVER_ERROR, "internal_error", "")
        }
    }

    pub fn status(&self) -> StatusCode {
        self.status
    }

    pub fn code(&self) -> &'static str {
        self.code
    }
}

impl std::fmt::Display for ApiError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "{} {}: {}",
            self.status.as_u16(),
            self.code,
            self.message
        )
    }
}

impl From<sea_orm::DbErr> for ApiError {
    /// A database that cannot be reached is a 503 the client may retry; anything else is a bug.
    fn from(err: sea_orm::DbErr) -> Self {
        use sea_orm::DbErr;
        match err {
            DbErr::ConnectionAcquire(_) | DbErr::Conn(_) => Self {
                source: Some(err.into()),
                retry_after: Some(2),
                ..Self::new(
                    StatusCode::SERVICE_UNAVAILABLE,
                    "database_unavailable",
                    "the database is not available",
                )
            },
            other => Self::internal(other),
        }
    }
}

impl From<actix_web::error::BlockingError> for ApiError {
    fn from(err: actix_web::error::BlockingError) -> Self {
        Self::internal(anyhow::anyhow!("blocking task failed: {err}"))
    }
}

impl ResponseError for ApiError {
    fn status_code(&self) -> StatusCode {
        self.status
    }

    fn error_response(&self) -> HttpResponse {
        let request_id = telemetry::current_request_id();
        let message = if let Some(source) = &self.source {
            if self.status.is_server_error() {
                tracing::error!(
                    code = self.code,
                    error = format!("{source:#}"),
                    "request failed"
                );
            }
            if self.message.is_empty() {
                format!(
                    "internal error; quote request id {} when reporting it",
                    request_id.as_deref().unwrap_or("-")
                )
            } else {
                self.message.clone()
            }
        } else {
            self.message.clone()
        };
        let body = ErrorBody {
            error: ErrorDetail {
                code: self.code.to_owned(),
                message,
                details: self.details.clone(),
            },
            current: self.current.clone(),
        };
        let mut response = HttpResponse::build(self.status);
        if let Some(secs) = self.retry_after {
            response.insert_header((header::RETRY_AFTER, HeaderValue::from(secs)));
        }
        if self.status == StatusCode::UNAUTHORIZED {
            response.insert_header((header::WWW_AUTHENTICATE, HeaderValue::from_static("Bearer")));
        }
        response.json(body)
    }
}

pub type ApiResult<T> = Result<T, ApiError>;
