//! Discussions: forum threads where members ask and answer, in the general forum (every member)
//! or in one thematic group (its members only). Posts are Markdown; a reply may answer another
//! post; the one who asked may accept an answer; `@mentions` name members by e-mail address.

use std::collections::BTreeSet;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use crate::FieldError;
use crate::groups::GroupRole;
use crate::knowledge::Reader;
use crate::membership::application::parse_line;
use crate::policy::can_manage_users;

pub const MAX_TITLE_CHARS: usize = 200;
pub const MAX_POST_CHARS: usize = 20_000;
/// More names than this in one post is a mailing, not a mention.
pub const MAX_MENTIONS: usize = 20;

/// `POST /discussions`: a thread and its opening post.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct NewDiscussion {
    pub title: String,
    /// Markdown.
    pub body: String,
    /// The thematic group it belongs to; none: the general forum.
    #[serde(default)]
    pub group_id: Option<Uuid>,
}

/// A discussion's title and opening post, checked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ValidDiscussion {
    pub title: String,
    pub body: String,
    pub group_id: Option<Uuid>,
}

impl NewDiscussion {
    pub fn validate(&self) -> Result<ValidDiscussion, Vec<FieldError>> {
        let mut errors = Vec::new();
        let title = parse_line("title", &self.title, MAX_TITLE_CHARS)
            .map_err(|e| errors.push(e))
            .ok();
        let body = check_post_body(&self.body).map_err(|e| errors.push(e)).ok();
        match (title, body) {
            (Some(title), Some(body)) if errors.is_empty() => Ok(ValidDiscussion {
                title,
                body,
                group_id: self.group_id,
            }),
            _ => Err(errors),
        }
    }
}

/// `POST /discussions/{id}/posts`: a reply, to the thread or to one of its posts.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct NewPost {
    /// Markdown.
    pub body: String,
    #[serde(default)]
    pub parent_id: Option<Uuid>,
}

/// `PUT /discussions/{id}/posts/{post_id}`: the author's new text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct EditedPost {
    /// Markdown.
    pub body: String,
}

/// `POST /discussions/{id}/accept`: the reply that answers the question.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct AcceptAnswer {
    pub post_id: Uuid,
}

/// A post's Markdown, trimmed, neither empty nor too long.
pub fn check_post_body(raw: &str) -> Result<String, FieldError> {
    let body = raw.trim();
    if body.is_empty() {
        return Err(FieldError::new("body", "required", "write the post"));
    }
    if body.chars().count() > MAX_POST_CHARS {
        return Err(FieldError::new(
            "body",
            "too_long",
            format!("a post is at most {MAX_POST_CHARS} characters"),
        ));
    }
    Ok(body.to_owned())
}

/// Who wrote a discussion or a post.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PostAuthor {
    pub id: Uuid,
    pub name: String,
}

/// A thread, as listed and shown.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Discussion {
    pub id: Uuid,
    pub title: String,
    pub group_id: Option<Uuid>,
    /// The group's name, when it belongs to one.
    pub group_name: Option<String>,
    pub author: PostAuthor,
    pub created_at: DateTime<Utc>,
    /// When the last post was written.
    pub last_post_at: DateTime<Utc>,
    /// The opening post included.
    pub posts_count: u32,
    pub accepted_post_id: Option<Uuid>,
    /// Whether the reader follows it (new posts notify them).
    pub subscribed: bool,
    /// Whether the reader may accept an answer.
    pub may_accept: bool,
}

/// One post of a thread: the opening post has no parent and comes first.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Post {
    pub id: Uuid,
    pub discussion_id: Uuid,
    pub parent_id: Option<Uuid>,
    pub body_markdown: String,
    /// Rendered and sanitised.
    pub body_html: String,
    pub author: PostAuthor,
    pub created_at: DateTime<Utc>,
    pub edited_at: Option<DateTime<Utc>>,
}

/// Where a thread lives, which decides who reads it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Place {
    pub group_id: Option<Uuid>,
}

/// The one reading rule for threads: the general forum is every member's; a group's threads are
/// its members' and the secretariat's. Posting follows reading.
pub fn may_read(reader: &Reader, place: Place) -> bool {
    match place.group_id {
        None => true,
        Some(group) => can_manage_users(reader.role) || reader.groups.contains_key(&group),
    }
}

/// Accepting an answer: the one who asked, or whoever moderates the place.
pub fn may_accept(reader: &Reader, author_id: Uuid, place: Place) -> bool {
    reader.user_id == author_id
        || can_manage_users(reader.role)
        || place
            .group_id
            .is_some_and(|g| reader.groups.get(&g) == Some(&GroupRole::Moderator))
}

/// The e-mail addresses `@mentioned` in a post's Markdown, lower-cased, at most
/// [`MAX_MENTIONS`]. A mention is `@` at the start of a word followed by an address:
/// `@amina.njoroge@education.go.ke`.
pub fn mentions(body: &str) -> BTreeSet<String> {
    let mut found = BTreeSet::new();
    let chars: Vec<(usize, char)> = body.char_indices().collect();
    for (index, &(at, c)) in chars.iter().enumerate() {
        let starts_word = index == 0 || !is_address_char(chars[index - 1].1);
        if c != '@' || !starts_word {
            continue;
        }
        let rest = &body[at + 1..];
        let end = rest
            .char_indices()
            .find(|&(_, c)| !is_address_char(c) && c != '@')
            .map_or(rest.len(), |(i, _)| i);
        let candidate = rest[..end].trim_end_matches(['.', '-', '_']);
        if looks_like_address(candidate) {
            found.insert(candidate.to_lowercase());
            if found.len() == MAX_MENTIONS {
                break;
            }
        }
    }
    found
}

fn is_address_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || matches!(c, '.' | '_' | '-' | '+' | '%')
}

fn looks_like_address(candidate: &str) -> bool {
    let Some((local, domain)) = candidate.split_once('@') else {
        return false;
    };
    !local.is_empty()
        && !domain.contains('@')
        && domain.contains('.')
        && !domain.starts_with('.')
        && domain.rsplit('.').next().is_some_and(|tld| tld.len() >= 2)
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeMap;

    use super::*;
    use crate::Role;

    fn reader(role: Role, groups: &[(Uuid, GroupRole)]) -> Reader {
        Reader {
            user_id: Uuid::from_u128(1),
            role,
            groups: groups.iter().copied().collect::<BTreeMap<_, _>>(),
        }
    }

    #[test]
    fn a_discussion_needs_a_one_line_title_and_a_body() {
        let valid = NewDiscussion {
            title: "  How do you train teachers?  ".into(),
            body: " We are starting **now**. ".into(),
            group_id: None,
        }
        .validate()
        .unwrap();
        assert_eq!(valid.title, "How do you train teachers?");
        assert_eq!(valid.body, "We are starting **now**.");

        let errors = NewDiscussion {
            title: "two\nlines".into(),
            body: "  ".into(),
            group_id: None,
        }
        .validate()
        .unwrap_err();
        let codes: Vec<_> = errors
            .iter()
            .map(|e| (e.field.as_str(), e.code.as_str()))
            .collect();
        assert_eq!(
            codes,
            [("title", "invalid_characters"), ("body", "required")]
        );
        let long = check_post_body(&"a".repeat(MAX_POST_CHARS + 1)).unwrap_err();
        assert_eq!(long.code, "too_long");
    }

    #[test]
    fn a_groups_threads_are_for_its_members_and_the_secretariat() {
        let group = Uuid::from_u128(7);
        let in_group = Place {
            group_id: Some(group),
        };
        let general = Place { group_id: None };
        let outsider = reader(Role::CountryFocalPoint, &[]);
        let member = reader(Role::CountryFocalPoint, &[(group, GroupRole::Member)]);
        let secretariat = reader(Role::Secretariat, &[]);
        assert!(may_read(&outsider, general));
        assert!(!may_read(&outsider, in_group));
        assert!(may_read(&member, in_group));
        assert!(may_read(&secretariat, in_group));
    }

    #[test]
    fn the_asker_or_a_moderator_accepts_an_answer() {
        let group = Uuid::from_u128(7);
        let place = Place {
            group_id: Some(group),
        };
        let asker = reader(Role::CountryFocalPoint, &[(group, GroupRole::Member)]);
        let other = Uuid::from_u128(99);
        assert!(may_accept(&asker, asker.user_id, place));
        assert!(!may_accept(&asker, other, place));
        let moderator = reader(Role::Partner, &[(group, GroupRole::Moderator)]);
        assert!(may_accept(&moderator, other, place));
        assert!(!may_accept(&moderator, other, Place { group_id: None }));
    }

    #[test]
    fn mentions_are_addresses_after_an_at_sign_at_the_start_of_a_word() {
        let body = "Thanks @Amina.Njoroge@education.go.ke, and @juan@mineduc.gov.co.\n\
                    Write to team@example.org (not a mention) or @nobody or @bad@host.";
        let found: Vec<_> = mentions(body).into_iter().collect();
        assert_eq!(
            found,
            ["amina.njoroge@education.go.ke", "juan@mineduc.gov.co"]
        );
        let many: String = (0..30).map(|i| format!("@m{i}@x.org ")).collect();
        assert_eq!(mentions(&many).len(), MAX_MENTIONS);
    }
}
