//! The one error type of the API, mapped to a status and the JSON envelope in one place.

use actix_web::http::StatusCode;
use actix_web::http::header::{self, HeaderValue};
use actix_web::{HttpResponse, ResponseError};
use pioneer_domain::{ErrorBody, ErrorCode, ErrorDetail, FieldError};

use crate::telemetry;

/// Boxed: handlers return `Result<_, ApiError>` everywhere, and the error is rare.
#[derive(Debug)]
pub struct ApiError(Box<Problem>);

#[derive(Debug)]
struct Problem {
    status: StatusCode,
    code: ErrorCode,
    message: String,
    details: Vec<FieldError>,
    retry_after: Option<u64>,
    /// With a 412: the resource as it is now.
    current: Option<serde_json::Value>,
    /// With a 405: the methods the path has, for `Allow`.
    allow: Option<String>,
    /// The cause of a 500 or 503, logged and never shown to the client.
    source: Option<anyhow::Error>,
}

impl ApiError {
    pub fn new(status: StatusCode, code: ErrorCode, message: impl Into<String>) -> Self {
        Self(Box::new(Problem {
            status,
            code,
            message: message.into(),
            details: Vec::new(),
            retry_after: None,
            current: None,
            allow: None,
            source: None,
        }))
    }

    fn with(mut self, change: impl FnOnce(&mut Problem)) -> Self {
        change(&mut self.0);
        self
    }

    pub fn validation(details: Vec<FieldError>) -> Self {
        Self::new(
            StatusCode::UNPROCESSABLE_ENTITY,
            ErrorCode::ValidationFailed,
            "the request has invalid fields",
        )
        .with(|p| p.details = details)
    }

    /// One detail per problem, beside the code and message.
    pub fn with_details(self, details: Vec<FieldError>) -> Self {
        self.with(|p| p.details = details)
    }

    pub fn field(error: FieldError) -> Self {
        Self::validation(vec![error])
    }

    pub fn bad_request(code: ErrorCode, message: impl Into<String>) -> Self {
        Self::new(StatusCode::BAD_REQUEST, code, message)
    }

    pub fn unauthorized(code: ErrorCode, message: impl Into<String>) -> Self {
        Self::new(StatusCode::UNAUTHORIZED, code, message)
    }

    pub fn forbidden(message: impl Into<String>) -> Self {
        Self::new(StatusCode::FORBIDDEN, ErrorCode::Forbidden, message)
    }

    pub fn not_found(what: &str) -> Self {
        Self::new(
            StatusCode::NOT_FOUND,
            ErrorCode::NotFound,
            format!("{what} not found"),
        )
    }

    pub fn conflict(code: ErrorCode, message: impl Into<String>) -> Self {
        Self::new(StatusCode::CONFLICT, code, message)
    }

    /// 412: the write was based on an old revision; the client gets the current state.
    pub fn stale(current: serde_json::Value) -> Self {
        Self::new(StatusCode::PRECONDITION_FAILED,
                ErrorCode::StaleRevision,
                "the resource changed since you read it; merge your change into `current` and try again",).with(|p| p.current = Some(current))
    }

    /// A link from a mail that does not work: unknown (404), expired or used (410).
    pub fn link(refused: pioneer_domain::membership::invitation::LinkRefused) -> Self {
        use pioneer_domain::membership::invitation::LinkRefused;
        match refused {
            LinkRefused::Unknown => Self::not_found("link"),
            LinkRefused::Expired => Self::new(
                StatusCode::GONE,
                ErrorCode::LinkExpired,
                "this link has expired: ask for a new one",
            ),
            LinkRefused::Used => Self::new(
                StatusCode::GONE,
                ErrorCode::LinkUsed,
                "this link was already used: it works once",
            ),
        }
    }

    pub fn workflow(error: pioneer_domain::roadmap::WorkflowError) -> Self {
        Self::new(StatusCode::CONFLICT, error.code, error.message)
    }

    /// 405: the path exists but not with this method; `Allow` lists the ones it has.
    pub fn method_not_allowed(method: &str, allowed: &[&str]) -> Self {
        let allow = allowed.join(", ");
        Self::new(
            StatusCode::METHOD_NOT_ALLOWED,
            ErrorCode::MethodNotAllowed,
            format!("{method} is not allowed here; use one of: {allow}"),
        )
        .with(|p| p.allow = Some(allow))
    }

    pub fn rate_limited(retry_after_secs: u64) -> Self {
        Self::new(
            StatusCode::TOO_MANY_REQUESTS,
            ErrorCode::RateLimited,
            "too many attempts; try again later",
        )
        .with(|p| p.retry_after = Some(retry_after_secs.max(1)))
    }

    pub fn internal(source: impl Into<anyhow::Error>) -> Self {
        Self::new(
            StatusCode::INTERNAL_SERVER_ERROR,
            ErrorCode::InternalError,
            "",
        )
        .with(|p| p.source = Some(source.into()))
    }

    /// The answer when the database cannot be reached, as a query that failed would give it.
    pub fn database_unavailable() -> Self {
        sea_orm::DbErr::ConnectionAcquire(sea_orm::ConnAcquireErr::Timeout).into()
    }

    /// Whether this is a 503: the database could not serve.
    pub fn is_unavailable(&self) -> bool {
        self.0.status == StatusCode::SERVICE_UNAVAILABLE
    }

    pub fn status(&self) -> StatusCode {
        self.0.status
    }

    pub fn code(&self) -> ErrorCode {
        self.0.code
    }
}

impl std::fmt::Display for ApiError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "{} {}: {}",
            self.0.status.as_u16(),
            self.0.code,
            self.0.message
        )
    }
}

impl From<sea_orm::DbErr> for ApiError {
    /// A database that cannot be reached is a 503 the client may retry; anything else is a bug.
    fn from(err: sea_orm::DbErr) -> Self {
        if crate::db::is_unavailable(&err) {
            Self::new(
                StatusCode::SERVICE_UNAVAILABLE,
                ErrorCode::DatabaseUnavailable,
                "the database is not available",
            )
            .with(|p| {
                p.source = Some(err.into());
                p.retry_after = Some(2);
            })
        } else if crate::db::is_unstorable_text(&err) {
            Self::new(
                StatusCode::UNPROCESSABLE_ENTITY,
                ErrorCode::InvalidText,
                "a text contains a character that cannot be stored (such as NUL)",
            )
        } else {
            Self::internal(err)
        }
    }
}

impl From<crate::store::StoreError> for ApiError {
    /// The one place where the store's failures become HTTP answers.
    fn from(err: crate::store::StoreError) -> Self {
        match err {
            crate::store::StoreError::Database(err) => err.into(),
            corrupt @ crate::store::StoreError::Corrupt { .. } => Self::internal(corrupt),
        }
    }
}

impl From<crate::members::CreateUserError> for ApiError {
    fn from(err: crate::members::CreateUserError) -> Self {
        use crate::members::CreateUserError;
        match err {
            CreateUserError::Invalid(errors) => Self::validation(errors),
            CreateUserError::EmailTaken(_) => Self::conflict(
                ErrorCode::EmailTaken,
                "a user with this e-mail already exists",
            ),
            CreateUserError::Store(err) => err.into(),
            CreateUserError::Hashing(err) => Self::internal(err),
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
        self.0.status
    }

    fn error_response(&self) -> HttpResponse {
        let request_id = telemetry::current_request_id();
        let message = if let Some(source) = &self.0.source {
            if self.0.status.is_server_error() {
                tracing::error!(
                    code = self.0.code.as_str(),
                    error = format!("{source:#}"),
                    "request failed"
                );
            }
            if self.0.message.is_empty() {
                format!(
                    "internal error; quote request id {} when reporting it",
                    request_id.as_deref().unwrap_or("-")
                )
            } else {
                self.0.message.clone()
            }
        } else {
            self.0.message.clone()
        };
        let body = ErrorBody {
            error: ErrorDetail {
                code: self.0.code,
                message,
                details: self.0.details.clone(),
            },
            current: self.0.current.clone(),
        };
        let mut response = HttpResponse::build(self.0.status);
        if let Some(secs) = self.0.retry_after {
            response.insert_header((header::RETRY_AFTER, HeaderValue::from(secs)));
        }
        if let Some(allow) = self
            .0
            .allow
            .as_deref()
            .and_then(|a| HeaderValue::from_str(a).ok())
        {
            response.insert_header((header::ALLOW, allow));
        }
        if self.0.status == StatusCode::UNAUTHORIZED {
            response.insert_header((header::WWW_AUTHENTICATE, HeaderValue::from_static("Bearer")));
        }
        response.json(body)
    }
}

pub type ApiResult<T> = Result<T, ApiError>;
