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
    /// A thematic group of that name exists already.
    GroupNameTaken,
    OrganisationNameTaken,
    /// The expert already accepted a request of the asker's: their address is on their profile.
    AlreadyInContact,
    /// The expert declined the asker's last request lately (see `experts::next_request`).
    RecentlyDeclined,
    /// Asking to join a thematic group one is already in.
    AlreadyMember,
    /// A knowledge resource in a status its author may not edit.
    ResourceNotEditable,
    /// A removed comment cannot be edited.
    CommentRemoved,
    /// A knowledge resource that was archived already.
    AlreadyArchived,
    /// A published resource already has a proposed change waiting for moderation.
    RevisionPending,
    CycleExists,
    ReportExists,
    /// A membership application, or a request to join a group, already has its decision.
    AlreadyDecided,
    /// A link from a mail (invitation, password reset) has expired.
    LinkExpired,
    /// A link from a mail was already used: it works once.
    LinkUsed,
    /// A two-factor code that is wrong, expired or already used.
    InvalidTotpCode,
    /// The sign-in challenge is invalid or expired: sign in again.
    InvalidChallenge,
    /// The member's role requires two-factor sign-in, and it is not on yet.
    TotpEnrolmentRequired,
    /// `POST /me/totp` while two-factor sign-in is already on (turn it off first).
    TotpAlreadyEnabled,
    /// Turning off two-factor sign-in that is not on.
    TotpNotEnabled,
    /// A confirmation without a secret to confirm: start with `POST /me/totp`.
    TotpNotStarted,
    /// The member's role requires two-factor sign-in: it cannot be turned off.
    TotpRequired,
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
    // Events
    /// Registration closes when the event starts.
    RegistrationClosed,
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
            GroupNameTaken => "group_name_taken",
            OrganisationNameTaken => "organisation_name_taken",
            AlreadyInContact => "already_in_contact",
            RecentlyDeclined => "recently_declined",
            AlreadyMember => "already_member",
            ResourceNotEditable => "resource_not_editable",
            CommentRemoved => "comment_removed",
            AlreadyArchived => "already_archived",
            RevisionPending => "revision_pending",
            CycleExists => "cycle_exists",
            ReportExists => "report_exists",
            AlreadyDecided => "already_decided",
            LinkExpired => "link_expired",
            LinkUsed => "link_used",
            InvalidTotpCode => "invalid_totp_code",
            InvalidChallenge => "invalid_challenge",
            TotpEnrolmentRequired => "totp_enrolment_required",
            TotpAlreadyEnabled => "totp_already_enabled",
            TotpNotEnabled => "totp_not_enabled",
            TotpNotStarted => "totp_not_started",
            TotpRequired => "totp_required",
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
            RegistrationClosed => "registration_closed",
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
