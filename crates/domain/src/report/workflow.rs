//! The report workflow: `draft → submitted → changes_requested → submitted → accepted`. Who sees
//! and acts on a report is the roadmaps' rule: a team drafts its own country's, reviewers and the
//! secretariat review, accepted reports are for every member.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

use crate::review::{
    Actor, DocumentAction, DocumentKind, Reviewed, Rule, Scope, Section, Transition, Workflow,
    can_review, is_own_team,
};
use crate::{ErrorCode, Role};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum ReportStatus {
    Draft,
    Submitted,
    ChangesRequested,
    Accepted,
}

impl ReportStatus {
    pub const ALL: [ReportStatus; 4] = [
        ReportStatus::Draft,
        ReportStatus::Submitted,
        ReportStatus::ChangesRequested,
        ReportStatus::Accepted,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            ReportStatus::Draft => "draft",
            ReportStatus::Submitted => "submitted",
            ReportStatus::ChangesRequested => "changes_requested",
            ReportStatus::Accepted => "accepted",
        }
    }
}

impl fmt::Display for ReportStatus {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for ReportStatus {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        ReportStatus::ALL
            .into_iter()
            .find(|st| st.as_str() == s)
            .ok_or_else(|| format!("unknown report status `{s}`"))
    }
}

/// Annual reports as a reviewed document.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ReportKind;

impl Workflow for ReportKind {
    type Status = ReportStatus;
    const KIND: DocumentKind = DocumentKind::Report;
    const RULES: &'static [Rule<ReportStatus>] = &[
        Rule {
            transition: Transition::Submit,
            from: &[ReportStatus::Draft, ReportStatus::ChangesRequested],
            to: ReportStatus::Submitted,
            refused: ErrorCode::SubmitRequiresDraft,
        },
        Rule {
            transition: Transition::Withdraw,
            from: &[ReportStatus::Submitted],
            to: ReportStatus::Draft,
            refused: ErrorCode::WithdrawRequiresSubmitted,
        },
        Rule {
            transition: Transition::RequestChanges,
            from: &[ReportStatus::Submitted],
            to: ReportStatus::ChangesRequested,
            refused: ErrorCode::ReviewRequiresSubmitted,
        },
        Rule {
            transition: Transition::Accept,
            from: &[ReportStatus::Submitted],
            to: ReportStatus::Accepted,
            refused: ErrorCode::ReviewRequiresSubmitted,
        },
    ];
    const EDITABLE: &'static [ReportStatus] =
        &[ReportStatus::Draft, ReportStatus::ChangesRequested];
    const NOT_EDITABLE: ErrorCode = ErrorCode::ReportNotEditable;
    const REVISABLE: &'static [ReportStatus] = &[];
    const SECTIONS: &'static [Section] = &[
        Section::Report,
        Section::Achievements,
        Section::Challenges,
        Section::LessonsLearned,
        Section::ChildrenParticipation,
        Section::Action,
        Section::Indicator,
        Section::SupportRequest,
    ];
    const INITIAL: ReportStatus = ReportStatus::Draft;
}

impl Reviewed for ReportKind {
    const PRIVATE: &'static [ReportStatus] = &[ReportStatus::Draft];
    const PUBLISHED: &'static [ReportStatus] = &[ReportStatus::Accepted];

    fn visible(actor: &Actor, owner: &str, status: ReportStatus) -> bool {
        Scope::of(actor).admits::<Self>(owner, status)
    }

    fn allowed(actor: &Actor, action: DocumentAction, owner: &str) -> bool {
        let own_team = is_own_team(actor, owner);
        match action {
            DocumentAction::Read => true,
            DocumentAction::Edit | DocumentAction::Withdraw => own_team,
            DocumentAction::Submit => own_team && actor.role == Role::CountryFocalPoint,
            DocumentAction::Revise => false,
            DocumentAction::Review => can_review(actor.role),
            DocumentAction::Comment => own_team || can_review(actor.role),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::ReportStatus::*;
    use super::*;
    use crate::review::{Access, access, check_editable, next};

    #[test]
    fn every_transition_from_every_status() {
        for status in ReportStatus::ALL {
            for transition in Transition::ALL {
                let expected = match (status, transition) {
                    (Draft | ChangesRequested, Transition::Submit) => Some(Submitted),
                    (Submitted, Transition::Withdraw) => Some(Draft),
                    (Submitted, Transition::RequestChanges) => Some(ChangesRequested),
                    (Submitted, Transition::Accept) => Some(Accepted),
                    _ => None,
                };
                assert_eq!(
                    next::<ReportKind>(status, transition).ok(),
                    expected,
                    "{status} + {transition:?}"
                );
            }
        }
    }

    #[test]
    fn an_accepted_report_is_read_only() {
        for status in ReportStatus::ALL {
            assert_eq!(
                check_editable::<ReportKind>(status).is_ok(),
                matches!(status, Draft | ChangesRequested),
                "{status}"
            );
        }
        assert_eq!(
            check_editable::<ReportKind>(Accepted).unwrap_err().code,
            ErrorCode::ReportNotEditable
        );
    }

    #[test]
    fn drafts_are_hidden_from_other_countries_and_reviewers() {
        let actor = |role, country: Option<&str>| Actor {
            role,
            country_code: country.map(str::to_owned),
        };
        let cases = [
            (
                actor(Role::CountryContributor, Some("KEN")),
                Draft,
                Access::Allowed,
            ),
            (
                actor(Role::CountryFocalPoint, Some("COL")),
                Draft,
                Access::Hidden,
            ),
            (actor(Role::Reviewer, None), Draft, Access::Hidden),
            (actor(Role::Reviewer, None), Submitted, Access::Forbidden),
            (actor(Role::Partner, None), Submitted, Access::Hidden),
            (actor(Role::Partner, None), Accepted, Access::Forbidden),
            (actor(Role::Secretariat, None), Draft, Access::Forbidden),
        ];
        for (who, status, expected) in cases {
            assert_eq!(
                access::<ReportKind>(&who, DocumentAction::Edit, "KEN", status),
                expected,
                "{who:?} editing a {status} report"
            );
        }
        assert_eq!(
            access::<ReportKind>(
                &actor(Role::Reviewer, None),
                DocumentAction::Review,
                "KEN",
                Submitted
            ),
            Access::Allowed
        );
        assert_eq!(
            access::<ReportKind>(
                &actor(Role::CountryContributor, Some("KEN")),
                DocumentAction::Submit,
                "KEN",
                Draft
            ),
            Access::Forbidden,
            "only the focal point submits"
        );
    }
}
