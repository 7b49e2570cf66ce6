//! The knowledge base: resources that members share (good practices, evidence, tools, videos…),
//! who may read each one (its confidentiality tier), and their moderation.
//!
//! Moderation is a [`Workflow`] like every reviewed document's: a member submits (`pending`); a
//! moderator publishes, returns it with a comment, or archives it; the author edits a returned
//! resource and submits it again. Who may read is decided here once ([`may_read`]) for every path
//! by which a resource can leave: list, search, page, file, comments, exports.

pub mod files;

use std::collections::{BTreeMap, BTreeSet};
use std::fmt;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use crate::classification::{check_countries, check_strategies, check_tags};
use crate::groups::GroupRole;
use crate::membership::application::{parse_language, parse_line};
use crate::policy::can_manage_users;
use crate::review::{DocumentKind, Rule, Section, Transition, Workflow};
use crate::{ErrorCode, FieldError, Role};

pub const MAX_TITLE_CHARS: usize = 200;
pub const MAX_SUMMARY_CHARS: usize = 600;
pub const MAX_BODY_CHARS: usize = 100_000;
pub const MAX_LINKS: usize = 20;
pub const MAX_LINK_CHARS: usize = 2_000;

/// What a resource is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum ResourceKind {
    GoodPractice,
    /// Evidence and research.
    #[serde(alias = "research")]
    Evidence,
    Tool,
    Guidance,
    Video,
    Tutorial,
    CaseStudy,
    WebinarRecording,
    /// A question and its answers.
    Qa,
}

impl ResourceKind {
    pub const ALL: [ResourceKind; 9] = [
        ResourceKind::GoodPractice,
        ResourceKind::Evidence,
        ResourceKind::Tool,
        ResourceKind::Guidance,
        ResourceKind::Video,
        ResourceKind::Tutorial,
        ResourceKind::CaseStudy,
        ResourceKind::WebinarRecording,
        ResourceKind::Qa,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            ResourceKind::GoodPractice => "good_practice",
            ResourceKind::Evidence => "evidence",
            ResourceKind::Tool => "tool",
            ResourceKind::Guidance => "guidance",
            ResourceKind::Video => "video",
            ResourceKind::Tutorial => "tutorial",
            ResourceKind::CaseStudy => "case_study",
            ResourceKind::WebinarRecording => "webinar_recording",
            ResourceKind::Qa => "qa",
        }
    }

    pub fn parse(raw: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|kind| kind.as_str() == raw)
    }
}

/// Who may read a resource once it is published.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum Visibility {
    /// Anyone, signed in or not.
    Public,
    /// Every signed-in member.
    Members,
    /// The members of one thematic group.
    Group,
}

impl Visibility {
    pub const ALL: [Visibility; 3] = [Visibility::Public, Visibility::Members, Visibility::Group];

    pub fn as_str(self) -> &'static str {
        match self {
            Visibility::Public => "public",
            Visibility::Members => "members",
            Visibility::Group => "group",
        }
    }

    pub fn parse(raw: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|v| v.as_str() == raw)
    }
}

/// Where a resource stands in moderation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum ResourceStatus {
    /// Submitted, waiting for a moderator.
    Pending,
    Published,
    /// Sent back to the author with a comment.
    Returned,
    Archived,
}

impl ResourceStatus {
    pub const ALL: [ResourceStatus; 4] = [
        ResourceStatus::Pending,
        ResourceStatus::Published,
        ResourceStatus::Returned,
        ResourceStatus::Archived,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            ResourceStatus::Pending => "pending",
            ResourceStatus::Published => "published",
            ResourceStatus::Returned => "returned",
            ResourceStatus::Archived => "archived",
        }
    }

    pub fn parse(raw: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|s| s.as_str() == raw)
    }
}

impl fmt::Display for ResourceStatus {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Knowledge resources under moderation, on the workflow every reviewed document shares.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ModeratedResource;

impl Workflow for ModeratedResource {
    type Status = ResourceStatus;
    const KIND: DocumentKind = DocumentKind::Resource;
    const RULES: &'static [Rule<ResourceStatus>] = &[
        // The author sends a returned resource back to moderation.
        Rule {
            transition: Transition::Submit,
            from: &[ResourceStatus::Returned],
            to: ResourceStatus::Pending,
            refused: ErrorCode::SubmitRequiresDraft,
        },
        // Publish.
        Rule {
            transition: Transition::Approve,
            from: &[ResourceStatus::Pending],
            to: ResourceStatus::Published,
            refused: ErrorCode::ReviewRequiresSubmitted,
        },
        // Return to the author with a comment.
        Rule {
            transition: Transition::RequestChanges,
            from: &[ResourceStatus::Pending],
            to: ResourceStatus::Returned,
            refused: ErrorCode::ReviewRequiresSubmitted,
        },
        Rule {
            transition: Transition::Archive,
            from: &[
                ResourceStatus::Pending,
                ResourceStatus::Published,
                ResourceStatus::Returned,
            ],
            to: ResourceStatus::Archived,
            refused: ErrorCode::AlreadyArchived,
        },
    ];
    /// The author edits what is waiting or was returned; an edit of a published resource is a
    /// new revision that goes to moderation while the published one stays visible.
    const EDITABLE: &'static [ResourceStatus] =
        &[ResourceStatus::Pending, ResourceStatus::Returned];
    const NOT_EDITABLE: ErrorCode = ErrorCode::ResourceNotEditable;
    const REVISABLE: &'static [ResourceStatus] = &[ResourceStatus::Published];
    const SECTIONS: &'static [Section] = &[Section::Resource];
    const INITIAL: ResourceStatus = ResourceStatus::Pending;
}

/// `POST /resources` and edits: what a member writes.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct NewResource {
    pub kind: ResourceKind,
    pub title: String,
    #[serde(default)]
    pub summary: String,
    /// Markdown.
    #[serde(default)]
    pub body: String,
    pub language: String,
    /// INSPIRE strategy codes.
    #[serde(default)]
    pub strategies: Vec<String>,
    /// ISO 3166-1 alpha-3 codes.
    #[serde(default)]
    pub countries: Vec<String>,
    #[serde(default)]
    pub tags: Vec<String>,
    /// `http` or `https` addresses.
    #[serde(default)]
    pub links: Vec<String>,
    pub visibility: Visibility,
    /// Required when `visibility` is `group`, refused otherwise.
    #[serde(default)]
    pub group_id: Option<Uuid>,
}

/// A resource's fields, checked: strategies, countries and tags sorted and without repeats.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ValidResource {
    pub kind: ResourceKind,
    pub title: String,
    pub summary: String,
    pub body: String,
    pub language: &'static str,
    pub strategies: Vec<String>,
    pub countries: Vec<String>,
    pub tags: Vec<String>,
    pub links: Vec<String>,
    pub visibility: Visibility,
    pub group_id: Option<Uuid>,
}

fn too_long(field: &str, max: usize) -> FieldError {
    FieldError::new(
        field,
        "too_long",
        format!("{field} is at most {max} characters"),
    )
}

fn check_link(field: &str, raw: &str) -> Result<String, FieldError> {
    let link = raw.trim();
    let lower = link.to_ascii_lowercase();
    let scheme_ok = lower.starts_with("https://") || lower.starts_with("http://");
    let host_ok = link
        .split_once("://")
        .map(|(_, rest)| rest.split(['/', '?', '#']).next().unwrap_or_default())
        .is_some_and(|host| !host.is_empty());
    if link.chars().count() > MAX_LINK_CHARS {
        Err(too_long(field, MAX_LINK_CHARS))
    } else if !scheme_ok || !host_ok || link.chars().any(|c| c.is_whitespace() || c.is_control()) {
        Err(FieldError::new(
            field,
            "invalid_url",
            "a link is an http:// or https:// address",
        ))
    } else {
        Ok(link.to_owned())
    }
}

impl NewResource {
    /// Checks every field; `strategies` are the INSPIRE codes the platform knows.
    pub fn validate(
        &self,
        strategies: &BTreeSet<String>,
    ) -> Result<ValidResource, Vec<FieldError>> {
        let mut errors = Vec::new();
        let title = parse_line("title", &self.title, MAX_TITLE_CHARS)
            .map_err(|e| errors.push(e))
            .ok();
        let summary = self.summary.trim().to_owned();
        if summary.chars().count() > MAX_SUMMARY_CHARS {
            errors.push(too_long("summary", MAX_SUMMARY_CHARS));
        }
        let body = self.body.trim_end().to_owned();
        if body.chars().count() > MAX_BODY_CHARS {
            errors.push(too_long("body", MAX_BODY_CHARS));
        }
        let language = parse_language("language", &self.language)
            .map_err(|e| errors.push(e))
            .ok();

        let strategies = check_strategies(&self.strategies, strategies, &mut errors);
        let countries = check_countries(&self.countries, &mut errors);
        let tags = check_tags(&self.tags, &mut errors);
        if self.links.len() > MAX_LINKS {
            errors.push(FieldError::new(
                "links",
                "too_many",
                format!("at most {MAX_LINKS} links"),
            ));
        }
        let links: Vec<String> = self
            .links
            .iter()
            .enumerate()
            .filter_map(|(i, link)| {
                check_link(&format!("links[{i}]"), link)
                    .map_err(|e| errors.push(e))
                    .ok()
            })
            .collect();
        match (self.visibility, self.group_id) {
            (Visibility::Group, None) => errors.push(FieldError::new(
                "group_id",
                "required",
                "a resource for one group names the group",
            )),
            (Visibility::Public | Visibility::Members, Some(_)) => errors.push(FieldError::new(
                "group_id",
                "not_allowed",
                "only a resource for one group names a group",
            )),
            _ => {}
        }
        match (title, language) {
            (Some(title), Some(language)) if errors.is_empty() => Ok(ValidResource {
                kind: self.kind,
                title,
                summary,
                body,
                language,
                strategies,
                countries,
                tags,
                links,
                visibility: self.visibility,
                group_id: self.group_id,
            }),
            _ => Err(errors),
        }
    }
}

/// Who is reading: a signed-in member with their groups.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reader {
    pub user_id: Uuid,
    pub role: Role,
    pub groups: BTreeMap<Uuid, GroupRole>,
}

/// What access to a resource depends on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ResourceFacts {
    pub author_id: Uuid,
    pub visibility: Visibility,
    pub group_id: Option<Uuid>,
    pub status: ResourceStatus,
}

/// Whether `reader` moderates resources of `group_id` (none: the alliance-wide ones): the
/// secretariat and admins moderate everything, a group's moderators their group's.
pub fn may_moderate(reader: &Reader, group_id: Option<Uuid>) -> bool {
    can_manage_users(reader.role)
        || group_id.is_some_and(|g| reader.groups.get(&g) == Some(&GroupRole::Moderator))
}

/// The one reading rule. Published: public to anyone, members-only to any signed-in member,
/// group-only to that group's members (and the secretariat). Not published (pending, returned,
/// archived): its author and its moderators only.
pub fn may_read(reader: Option<&Reader>, resource: &ResourceFacts) -> bool {
    if resource.status == ResourceStatus::Published {
        match resource.visibility {
            Visibility::Public => return true,
            Visibility::Members => return reader.is_some(),
            Visibility::Group => {}
        }
    }
    let Some(reader) = reader else {
        return false;
    };
    if resource.status != ResourceStatus::Published {
        return reader.user_id == resource.author_id || may_moderate(reader, resource.group_id);
    }
    // A published group-only resource.
    can_manage_users(reader.role)
        || resource
            .group_id
            .is_some_and(|g| reader.groups.contains_key(&g))
}

/// Whether `reader` may submit a resource for `group_id` (none: the whole alliance): every
/// member may share with the alliance; only a group's members with their group.
pub fn may_submit(reader: &Reader, visibility: Visibility, group_id: Option<Uuid>) -> bool {
    match (visibility, group_id) {
        (Visibility::Group, Some(group)) => {
            can_manage_users(reader.role) || reader.groups.contains_key(&group)
        }
        (Visibility::Group, None) => false,
        _ => true,
    }
}

/// Whether `reader` may edit the resource: its author, while the status allows it (see
/// [`ModeratedResource`]'s `EDITABLE` and `REVISABLE`).
pub fn may_edit(reader: &Reader, resource: &ResourceFacts) -> bool {
    reader.user_id == resource.author_id && resource.status != ResourceStatus::Archived
}

/// Who wrote a resource.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ResourceAuthor {
    pub id: Uuid,
    pub name: String,
}

/// A file attached to a resource; its bytes are at `/resources/{id}/files/{file_id}`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ResourceFile {
    pub id: Uuid,
    pub name: String,
    /// Bytes.
    pub size: u64,
    pub content_type: String,
}

/// What the reader may do with a resource, so that a client shows only the buttons that work.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ResourcePermissions {
    /// Change it (a published one: propose a new revision) and attach files.
    pub edit: bool,
    /// Publish, return or archive it.
    pub moderate: bool,
}

/// A knowledge resource as the API answers it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Resource {
    pub id: Uuid,
    pub kind: ResourceKind,
    pub title: String,
    pub summary: String,
    pub body_markdown: String,
    /// `body_markdown` rendered and sanitised: safe to put in a page as it is.
    pub body_html: String,
    pub language: String,
    pub strategies: Vec<String>,
    pub countries: Vec<String>,
    pub tags: Vec<String>,
    pub links: Vec<String>,
    pub files: Vec<ResourceFile>,
    pub visibility: Visibility,
    pub group_id: Option<Uuid>,
    /// The group's name, for a group-only resource.
    pub group_name: Option<String>,
    pub status: ResourceStatus,
    pub author: ResourceAuthor,
    pub created_at: DateTime<Utc>,
    pub published_at: Option<DateTime<Utc>>,
    /// Moves with every change: the resource's ETag.
    pub revision: i64,
    /// For a proposed change of a published resource: the resource it will replace once
    /// published.
    pub revision_of: Option<Uuid>,
    /// For a published resource: its proposed change waiting for moderation, if the reader may
    /// see it.
    pub pending_revision: Option<Uuid>,
    /// How many times its page was opened.
    pub views: i64,
    pub permissions: ResourcePermissions,
}

/// One search result: the resource, a snippet with the matched words in `<mark>` (the rest
/// escaped), and its score.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct SearchHit {
    pub resource: Resource,
    pub snippet: String,
    pub score: f32,
}

/// How many of the reader's results have each value, per filter.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct SearchFacets {
    pub kind: BTreeMap<String, u64>,
    pub strategy: BTreeMap<String, u64>,
    pub language: BTreeMap<String, u64>,
    pub country: BTreeMap<String, u64>,
}

/// `GET /search`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct SearchResults {
    pub items: Vec<SearchHit>,
    pub total: u64,
    pub page: u64,
    pub per_page: u64,
    pub facets: SearchFacets,
}

/// `POST /resources/{id}/return`: why the resource goes back to its author.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ReturnResource {
    pub comment: String,
}

/// `POST /markdown-preview`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct MarkdownPreview {
    pub markdown: String,
}

/// What `POST /markdown-preview` answers: the HTML a resource's body would show.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct RenderedMarkdown {
    pub html: String,
}

#[cfg(test)]
mod tests;
