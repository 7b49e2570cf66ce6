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

/// A comment, in Markdown and rendered. A removed comment keeps its place in its thread (its
/// replies stay) but none of its text: `body`, `body_markdown` and `body_html` are empty.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Comment {
    pub id: Uuid,
    /// The Markdown, as `body_markdown` (kept for the clients that read it).
    pub body: String,
    /// The Markdown as written.
    pub body_markdown: String,
    /// The Markdown rendered and sanitised.
    pub body_html: String,
    pub author: CommentAuthor,
    pub target: CommentTarget,
    /// The comment this one answers, in a thread.
    pub parent_id: Option<Uuid>,
    pub created_at: DateTime<Utc>,
    /// When its author last edited it.
    pub edited_at: Option<DateTime<Utc>>,
    /// Removed by a moderator or its author: its text is gone.
    pub removed: bool,
}

impl Comment {
    /// The comment as every answer shows it once removed: in its place, without its text.
    pub fn without_text(self) -> Self {
        Self {
            body: String::new(),
            body_markdown: String::new(),
            body_html: String::new(),
            removed: true,
            ..self
        }
    }
}

/// `PUT /{documents}/{id}/comments/{comment_id}`: the author's new text, in Markdown.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct EditedComment {
    #[cfg_attr(
        feature = "openapi",
        schema(min_length = 1, max_length = 10_000, pattern = r"\S")
    )]
    pub body: String,
}

/// Why a comment may not be edited.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EditRefused {
    /// Only its author edits a comment.
    NotTheAuthor,
    /// A removed comment stays removed.
    Removed,
}

/// Whether `user_id` may edit the comment: its author, while it is not removed.
pub fn may_edit_comment(user_id: Uuid, author_id: Uuid, removed: bool) -> Result<(), EditRefused> {
    if user_id != author_id {
        return Err(EditRefused::NotTheAuthor);
    }
    if removed {
        return Err(EditRefused::Removed);
    }
    Ok(())
}

/// Whether `user_id` may remove the comment: its author, or whoever moderates the document.
pub fn may_remove_comment(user_id: Uuid, author_id: Uuid, moderates: bool) -> bool {
    moderates || user_id == author_id
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
    fn only_the_author_edits_a_comment_and_not_once_removed() {
        let (author, other) = (Uuid::from_u128(1), Uuid::from_u128(2));
        assert_eq!(may_edit_comment(author, author, false), Ok(()));
        assert_eq!(
            may_edit_comment(other, author, false),
            Err(EditRefused::NotTheAuthor)
        );
        assert_eq!(
            may_edit_comment(author, author, true),
            Err(EditRefused::Removed)
        );
        // Not the author comes first: a stranger learns nothing of the removal.
        assert_eq!(
            may_edit_comment(other, author, true),
            Err(EditRefused::NotTheAuthor)
        );
    }

    #[test]
    fn moderators_and_the_author_remove_a_comment_and_nobody_else() {
        let (author, other) = (Uuid::from_u128(1), Uuid::from_u128(2));
        assert!(may_remove_comment(author, author, false));
        assert!(may_remove_comment(other, author, true));
        assert!(!may_remove_comment(other, author, false));
    }

    #[test]
    fn a_removed_comment_keeps_its_place_but_not_its_text() {
        let id = Uuid::from_u128(7);
        let parent = Uuid::from_u128(6);
        let comment = Comment {
            id,
            body: "**secret**".into(),
            body_markdown: "**secret**".into(),
            body_html: "<p><strong>secret</strong></p>".into(),
            author: CommentAuthor {
                id: Uuid::from_u128(1),
                name: "Ana".into(),
            },
            target: CommentTarget {
                kind: Section::Resource,
                id: Uuid::from_u128(9),
            },
            parent_id: Some(parent),
            created_at: DateTime::UNIX_EPOCH,
            edited_at: None,
            removed: false,
        };
        let removed = comment.clone().without_text();
        assert!(removed.removed);
        assert_eq!(
            (
                removed.body.as_str(),
                removed.body_markdown.as_str(),
                removed.body_html.as_str()
            ),
            ("", "", "")
        );
        assert_eq!(
            (removed.id, removed.parent_id, &removed.author),
            (id, Some(parent), &comment.author)
        );
        assert!(!serde_json::to_string(&removed).unwrap().contains("secret"));
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
