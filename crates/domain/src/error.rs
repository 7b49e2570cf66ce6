//! The one error envelope every endpoint answers with.

use serde::{Deserialize, Serialize};

/// `{"error": {"code", "message", "details"}}`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ErrorBody {
    pub error: ErrorDetail,
    /// With a 412 (stale write): the resource as it is now, so the client can merge.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "openapi", schema(value_type = Option<Object>))]
    pub current: Option<serde_json::Value>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ErrorDetail {
    /// Stable snake_case machine code, e.g. `invalid_credentials`.
    pub code: ErrorCode,
    /// Human-readable explanation, in English.
    pub message: String,
    /// One entry per offending field, when the error is about input.
    #[serde(default)]
    pub details: Vec<FieldError>,
}

/// Every code the API answers with, so that the server and the SPA match on the same names.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum ErrorCode {
    // Input
    ValidationFailed,
    MalformedJson,
    InvalidBody,
    InvalidQuery,
    InvalidText,
    PayloadTooLarge,
    UnsupportedMediaType,
    // Who is asking
    MissingToken,
    InvalidToken,
    TokenExpired,
    AccountDisabled,
    InvalidCredentials,
    InvalidRefreshToken,
    RefreshTokenReused,
    Forbidden,
    /// An API token used for something its scopes do not cover.
    InsufficientScope,
    RateLimited,
    // What is asked for
    NotFound,
    MethodNotAllowed,
    EmailTaken,
    CycleExists,
    ReportExists,
    // Concurrent writes
    IfMatchRequired,
    StaleRevision,
    // The review workflow
    SubmitRequiresDraft,
    WithdrawRequiresSubmitted,
    ReviewRequiresSubmitted,
    SupersedeRequiresApproved,
    ReviseRequiresApproved,
    RevisionInProgress,
    RoadmapNotEditable,
    ReportNotEditable,
    /// A report needs an approved roadmap.
    RoadmapNotApproved,
    /// The reporting cycle is closed: its reports are read-only.
    CycleClosed,
    // The server
    DatabaseUnavailable,
    InternalError,
    /// A code this build does not know (a newer server): the message still explains it.
    #[serde(other)]
    Other,
}

impl ErrorCode {
    pub fn as_str(self) -> &'static str {
        use ErrorCode::*;
        match self {
            ValidationFailed => "validation_failed",
            MalformedJson => "malformed_json",
            InvalidBody => "invalid_body",
            InvalidQuery => "invalid_query",
            InvalidText => "invalid_text",
            PayloadTooLarge => "payload_too_large",
            UnsupportedMediaType => "unsupported_media_type",
            MissingToken => "missing_token",
            InvalidToken => "invalid_token",
            TokenExpired => "token_expired",
            AccountDisabled => "account_disabled",
            InvalidCredentials => "invalid_credentials",
            InvalidRefreshToken => "invalid_refresh_token",
            RefreshTokenReused => "refresh_token_reused",
            Forbidden => "forbidden",
            InsufficientScope => "insufficient_scope",
            RateLimited => "rate_limited",
            NotFound => "not_found",
            MethodNotAllowed => "method_not_allowed",
            EmailTaken => "email_taken",
            CycleExists => "cycle_exists",
            ReportExists => "report_exists",
            IfMatchRequired => "if_match_required",
            StaleRevision => "stale_revision",
            SubmitRequiresDraft => "submit_requires_draft",
            WithdrawRequiresSubmitted => "withdraw_requires_submitted",
            ReviewRequiresSubmitted => "review_requires_submitted",
            SupersedeRequiresApproved => "supersede_requires_approved",
            ReviseRequiresApproved => "revise_requires_approved",
            RevisionInProgress => "revision_in_progress",
            RoadmapNotEditable => "roadmap_not_editable",
            ReportNotEditable => "report_not_editable",
            RoadmapNotApproved => "roadmap_not_approved",
            CycleClosed => "cycle_closed",
            DatabaseUnavailable => "database_unavailable",
            InternalError => "internal_error",
            Other => "other",
        }
    }
}

impl std::fmt::Display for ErrorCode {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A problem with one field of the input.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct FieldError {
    /// The field's path in the request, e.g. `email` or `actions[2].end_month`.
    pub field: String,
    /// snake_case code of the rule broken, e.g. `required`, `invalid_format`.
    pub code: String,
    pub message: String,
}

impl FieldError {
    pub fn new(
        field: impl Into<String>,
        code: impl Into<String>,
        message: impl Into<String>,
    ) -> Self {
        Self {
            field: field.into(),
            code: code.into(),
            message: message.into(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_serialise_as_their_names_and_unknown_ones_read_as_other() {
        for code in [
            ErrorCode::ValidationFailed,
            ErrorCode::SubmitRequiresDraft,
            ErrorCode::RoadmapNotEditable,
            ErrorCode::DatabaseUnavailable,
        ] {
            assert_eq!(
                serde_json::to_string(&code).unwrap(),
                format!("\"{}\"", code.as_str())
            );
        }
        let unknown: ErrorCode = serde_json::from_str("\"a_code_from_the_future\"").unwrap();
        assert_eq!(unknown, ErrorCode::Other);
    }
}
