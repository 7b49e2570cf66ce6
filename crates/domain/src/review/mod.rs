//! What every reviewed document shares — roadmaps first, then annual reports, action plans and
//! knowledge resources under moderation: a workflow each kind declares (its statuses, its
//! transitions and who may take them), decided by the same code for every kind; comments
//! anchored to a section of the document; a history of typed events; and what changed since the
//! approved version.
//!
//! A new kind implements [`Workflow`] (a status enum, a table of [`Rule`]s) and, when a country
//! team owns it, [`Reviewed`] (its visibility and who may act) and names its sections in [`Section`]; nothing here is copied for it.

pub mod changes;
pub mod comments;
pub mod history;
pub mod parts;

use std::fmt;

use serde::{Deserialize, Serialize};

use crate::{ErrorCode, Role};

pub use changes::{ApprovedVersion, ChangeKind, ChangesSinceApproved, FieldChange, SectionChange};
pub use comments::{
    Comment, CommentAuthor, CommentTarget, Decision, EditRefused, EditedComment, NewComment,
    NewReview, check_comment_body, may_edit_comment, may_remove_comment,
};
pub use history::{Happened, HistoryEntry, HistoryEvent};

/// The kinds of reviewed document. The name is what the store records beside each comment and
/// history entry.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum DocumentKind {
    Roadmap,
    Report,
    /// A country's expression of interest: it has a history, not a review workflow.
    MembershipApplication,
    /// A knowledge resource, moderated before it is published.
    Resource,
}

impl DocumentKind {
    pub const ALL: [DocumentKind; 4] = [
        DocumentKind::Roadmap,
        DocumentKind::Report,
        DocumentKind::MembershipApplication,
        DocumentKind::Resource,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            DocumentKind::Roadmap => "roadmap",
            DocumentKind::Report => "report",
            DocumentKind::MembershipApplication => "membership_application",
            DocumentKind::Resource => "resource",
        }
    }
}

impl fmt::Display for DocumentKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl std::str::FromStr for DocumentKind {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        DocumentKind::ALL
            .into_iter()
            .find(|kind| kind.as_str() == s)
            .ok_or_else(|| format!("unknown document kind `{s}`"))
    }
}

/// A part of a document that a comment can be anchored to, and that a history entry is about:
/// the document as a whole, or one of its parts. Each kind names the sections it has
/// ([`Reviewed::SECTIONS`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum Section {
    Roadmap,
    Priority,
    Action,
    Indicator,
    Report,
    Achievements,
    Challenges,
    LessonsLearned,
    ChildrenParticipation,
    SupportRequest,
    /// A membership application as a whole.
    Application,
    /// An invitation sent because of it.
    Invitation,
    /// A knowledge resource as a whole.
    Resource,
}

impl Section {
    pub const ALL: [Section; 13] = [
        Section::Roadmap,
        Section::Priority,
        Section::Action,
        Section::Indicator,
        Section::Report,
        Section::Achievements,
        Section::Challenges,
        Section::LessonsLearned,
        Section::ChildrenParticipation,
        Section::SupportRequest,
        Section::Application,
        Section::Invitation,
        Section::Resource,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Section::Roadmap => "roadmap",
            Section::Priority => "priority",
            Section::Action => "action",
            Section::Indicator => "indicator",
            Section::Report => "report",
            Section::Achievements => "achievements",
            Section::Challenges => "challenges",
            Section::LessonsLearned => "lessons_learned",
            Section::ChildrenParticipation => "children_participation",
            Section::SupportRequest => "support_request",
            Section::Application => "application",
            Section::Invitation => "invitation",
            Section::Resource => "resource",
        }
    }
}

impl fmt::Display for Section {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl std::str::FromStr for Section {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Section::ALL
            .into_iter()
            .find(|section| section.as_str() == s)
            .ok_or_else(|| format!("unknown section `{s}`"))
    }
}

/// A step of a review workflow. A kind uses the ones its rules name.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Transition {
    /// The authors send the document for review.
    Submit,
    /// The authors take a submission back to draft.
    Withdraw,
    /// A reviewer sends it back to the authors.
    RequestChanges,
    /// A reviewer approves (publishes) it.
    Approve,
    /// A reviewer accepts it (a report).
    Accept,
    /// A newer version was approved.
    Supersede,
    /// A moderator takes it out of circulation (a knowledge resource).
    Archive,
}

impl Transition {
    pub const ALL: [Transition; 7] = [
        Transition::Submit,
        Transition::Withdraw,
        Transition::RequestChanges,
        Transition::Approve,
        Transition::Accept,
        Transition::Supersede,
        Transition::Archive,
    ];

    fn done(self) -> &'static str {
        match self {
            Transition::Submit => "submitted",
            Transition::Withdraw => "withdrawn",
            Transition::RequestChanges | Transition::Approve | Transition::Accept => "reviewed",
            Transition::Supersede => "superseded",
            Transition::Archive => "archived",
        }
    }
}

/// What a member wants to do with a reviewed document.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum DocumentAction {
    Read,
    /// Create the document, or write to a draft's content.
    Edit,
    Submit,
    Withdraw,
    /// Start a new version of an approved document.
    Revise,
    Review,
    Comment,
}

impl DocumentAction {
    pub const ALL: [DocumentAction; 7] = [
        DocumentAction::Read,
        DocumentAction::Edit,
        DocumentAction::Submit,
        DocumentAction::Withdraw,
        DocumentAction::Revise,
        DocumentAction::Review,
        DocumentAction::Comment,
    ];

    /// The workflow step a decision of this action takes, for the actions that are one.
    pub fn of_transition(transition: Transition) -> DocumentAction {
        match transition {
            Transition::Submit => DocumentAction::Submit,
            Transition::Withdraw => DocumentAction::Withdraw,
            Transition::RequestChanges
            | Transition::Approve
            | Transition::Accept
            | Transition::Supersede
            | Transition::Archive => DocumentAction::Review,
        }
    }
}

/// One line of a kind's workflow: `transition` leads from any of `from` to `to`; from any
/// other status it is refused with `refused`.
#[derive(Debug)]
pub struct Rule<S: 'static> {
    pub transition: Transition,
    pub from: &'static [S],
    pub to: S,
    pub refused: ErrorCode,
}

/// A transition, an edit or a revision that the current status does not allow (answered 409).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WorkflowError {
    pub code: ErrorCode,
    pub message: String,
}

/// A kind of document that goes through a workflow: its statuses, the transitions between them
/// and in which statuses its content may change. Roadmaps, reports and knowledge resources under
/// moderation each declare one; [`next`], [`check_editable`] and [`check_revisable`] decide for
/// all of them.
pub trait Workflow {
    type Status: Copy + Eq + fmt::Display + 'static;
    const KIND: DocumentKind;
    /// Every transition the kind allows, and from where.
    const RULES: &'static [Rule<Self::Status>];
    /// The statuses in which the content may change.
    const EDITABLE: &'static [Self::Status];
    const NOT_EDITABLE: ErrorCode;
    /// The statuses a new version may start from (none: the kind has no versions).
    const REVISABLE: &'static [Self::Status];
    /// The sections comments may be anchored to; the first is the document itself.
    const SECTIONS: &'static [Section];
    /// The status a new document, or a new version, starts in.
    const INITIAL: Self::Status;
}

/// A kind of reviewed document that a country team owns: its workflow, and its access policy
/// (who sees it in which status, who may act on it).
pub trait Reviewed: Workflow {
    /// The statuses only the authors' team and the platform's staff see (drafts).
    const PRIVATE: &'static [Self::Status];
    /// The statuses every signed-in member sees.
    const PUBLISHED: &'static [Self::Status];

    /// Whether `actor` may see a document of `owner` (a country code) in `status`.
    fn visible(actor: &Actor, owner: &str, status: Self::Status) -> bool;
    /// Whether `actor`, who sees the document, may take `action` on it.
    fn allowed(actor: &Actor, action: DocumentAction, owner: &str) -> bool;
}

fn names<S: fmt::Display>(statuses: &[S]) -> String {
    let names: Vec<String> = statuses.iter().map(ToString::to_string).collect();
    names.join(" or ")
}

/// The status after `transition`, or the rule that forbids it.
pub fn next<K: Workflow>(
    status: K::Status,
    transition: Transition,
) -> Result<K::Status, WorkflowError> {
    let rules = K::RULES.iter().filter(|rule| rule.transition == transition);
    let mut refused = None;
    for rule in rules {
        if rule.from.contains(&status) {
            return Ok(rule.to);
        }
        refused = Some(rule);
    }
    Err(match refused {
        Some(rule) => WorkflowError {
            code: rule.refused,
            message: format!(
                "only a {} {} can be {}; this one is {status}",
                names(rule.from),
                K::KIND,
                transition.done()
            ),
        },
        None => WorkflowError {
            code: ErrorCode::Forbidden,
            message: format!("a {} has no such step", K::KIND),
        },
    })
}

/// Writes to the content are refused outside the editable statuses.
pub fn check_editable<K: Workflow>(status: K::Status) -> Result<(), WorkflowError> {
    if K::EDITABLE.contains(&status) {
        return Ok(());
    }
    let hint = if K::REVISABLE.contains(&status) {
        " (start a revision to change it)"
    } else {
        ""
    };
    Err(WorkflowError {
        code: K::NOT_EDITABLE,
        message: format!(
            "a {status} {kind} cannot be edited; only a {editable} {kind} can{hint}",
            kind = K::KIND,
            editable = names(K::EDITABLE),
        ),
    })
}

/// A new version starts from a revisable status only.
pub fn check_revisable<K: Workflow>(status: K::Status) -> Result<(), WorkflowError> {
    if K::REVISABLE.contains(&status) {
        Ok(())
    } else {
        Err(WorkflowError {
            code: ErrorCode::ReviseRequiresApproved,
            message: format!(
                "only a {} {} can be revised; this one is {status}",
                names(K::REVISABLE),
                K::KIND
            ),
        })
    }
}

/// The one access decision for every reviewed document. `Hidden` is answered 404: a caller who
/// may not see a document does not learn that it exists. Whether the *status* allows the step
/// is the workflow's question ([`next`], [`check_editable`]), answered 409.
pub fn access<K: Reviewed>(
    actor: &Actor,
    action: DocumentAction,
    owner: &str,
    status: K::Status,
) -> Access {
    if !K::visible(actor, owner, status) {
        Access::Hidden
    } else if K::allowed(actor, action, owner) {
        Access::Allowed
    } else {
        Access::Forbidden
    }
}

/// Who is asking: their role, and their country for the two country roles.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Actor {
    pub role: Role,
    pub country_code: Option<String>,
}

/// The answer of the policy. `Hidden` is answered 404: a caller who may not see a document
/// does not learn that it exists.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Access {
    Allowed,
    Forbidden,
    Hidden,
}

/// Reviewers (the Core Support Group) and the secretariat decide on submitted roadmaps.
pub fn can_review(role: Role) -> bool {
    matches!(role, Role::Reviewer | Role::Secretariat)
}

/// Whether `actor` belongs to the team of country `owner`.
pub fn is_own_team(actor: &Actor, owner: &str) -> bool {
    actor.role.is_country_role() && actor.country_code.as_deref() == Some(owner)
}

/// Admins and the secretariat run the platform and see every document.
pub fn runs_platform(role: Role) -> bool {
    matches!(role, Role::Admin | Role::Secretariat)
}

/// Which documents of a kind a member sees — the one rule, read by the policy for one document,
/// by the store as a query for a list, and by the caches to tell who shares the same pages.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Scope {
    /// Admins and the secretariat.
    All,
    /// Reviewers: everything but drafts.
    NotDrafts,
    /// A country team: its own country's, and what was published elsewhere.
    CountryOrPublished(String),
    /// Partners: what was published.
    Published,
}

impl Scope {
    pub fn of(actor: &Actor) -> Self {
        match actor.role {
            role if runs_platform(role) => Scope::All,
            Role::Reviewer => Scope::NotDrafts,
            role if role.is_country_role() => {
                Scope::CountryOrPublished(actor.country_code.clone().unwrap_or_default())
            }
            _ => Scope::Published,
        }
    }

    /// Whether a document of kind `K`, of `owner`, in `status`, is in the scope.
    pub fn admits<K: Reviewed>(&self, owner: &str, status: K::Status) -> bool {
        let published = K::PUBLISHED.contains(&status);
        match self {
            Scope::All => true,
            Scope::NotDrafts => !K::PRIVATE.contains(&status),
            Scope::CountryOrPublished(country) => {
                published || (!country.is_empty() && country == owner)
            }
            Scope::Published => published,
        }
    }

    /// Names the scope: members with the same key see the same rows.
    pub fn key(&self) -> String {
        match self {
            Scope::All => "all".into(),
            Scope::NotDrafts => "not-drafts".into(),
            Scope::CountryOrPublished(country) => format!("country:{country}"),
            Scope::Published => "published".into(),
        }
    }
}
