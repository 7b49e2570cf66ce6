//! Review decisions and comments, anchored to a section of any reviewed document and threaded.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use super::Section;
use crate::FieldError;

/// The longest comment, in characters.
pub const MAX_COMMENT: usize = 10_000;

/// What a reviewer decides.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum Decision {
    Approve,
    RequestChanges,
}

/// `POST /{documents}/{id}/reviews`.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct NewReview {
    pub decision: Decision,
    /// Required when requesting changes.
    pub comment: Option<String>,
}

impl NewReview {
    /// The decision's comment, trimmed: required when changes are requested.
    pub fn checked_comment(&self) -> Result<Option<String>, FieldError> {
        match self
            .comment
            .as_deref()
            .map(str::trim)
            .filter(|c| !c.is_empty())
        {
            Some(text) => check_comment_body(text).map(Some),
            None if self.decision == Decision::RequestChanges => Err(FieldError::new(
                "comment",
                "required",
                "say what must change",
            )),
            None => Ok(None),
        }
    }
}

/// The section a comment is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CommentTarget {
    pub kind: Section,
    pub id: Uuid,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CommentAuthor {
    pub id: Uuid,
    pub name: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Comment {
    pub id: Uuid,
    pub body: String,
    pub author: CommentAuthor,
    pub target: CommentTarget,
    /// The comment this one answers, in a thread.
    pub parent_id: Option<Uuid>,
    pub created_at: DateTime<Utc>,
}

/// `POST /{documents}/{id}/comments`: on the whole document when `target` is absent.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct NewComment {
    #[cfg_attr(
        feature = "openapi",
        schema(min_length = 1, max_length = 10_000, pattern = r"\S")
    )]
    pub body: String,
    pub target: Option<CommentTarget>,
    pub parent_id: Option<Uuid>,
}

/// A comment's text, trimmed: not empty, at most [`MAX_COMMENT`] characters.
pub fn check_comment_body(raw: &str) -> Result<String, FieldError> {
    let body = raw.trim();
    if body.is_empty() {
        return Err(FieldError::new("body", "required", "write the comment"));
    }
    if body.chars().count() > MAX_COMMENT {
        return Err(FieldError::new(
            "body",
            "too_long",
            format!("a comment is at most {MAX_COMMENT} characters"),
        ));
    }
    Ok(body.to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_comment_is_trimmed_and_neither_empty_nor_too_long() {
        assert_eq!(check_comment_body("  ok \n").unwrap(), "ok");
        assert_eq!(check_comment_body(" \n ").unwrap_err().code, "required");
        let long = "é".repeat(MAX_COMMENT + 1);
        assert_eq!(check_comment_body(&long).unwrap_err().code, "too_long");
        assert!(check_comment_body(&"é".repeat(MAX_COMMENT)).is_ok());
    }

    #[test]
    fn a_request_for_changes_needs_a_comment_and_an_approval_does_not() {
        let review = |decision, comment: Option<&str>| NewReview {
            decision,
            comment: comment.map(Into::into),
        };
        assert_eq!(
            review(Decision::RequestChanges, Some("  "))
                .checked_comment()
                .unwrap_err()
                .field,
            "comment"
        );
        assert_eq!(review(Decision::Approve, None).checked_comment(), Ok(None));
        assert_eq!(
            review(Decision::Approve, Some(" fine ")).checked_comment(),
            Ok(Some("fine".into()))
        );
    }
}
