//! The roadmap workflow, as a state machine:
//! `draft → submitted → changes_requested → submitted → … → approved → superseded`.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

use crate::review::{
    self, Actor, DocumentAction, DocumentKind, Happened, HistoryEvent, Reviewed, Rule, Scope,
    Section, Workflow, can_review, is_own_team,
};
use crate::{ErrorCode, Role};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum RoadmapStatus {
    Draft,
    Submitted,
    ChangesRequested,
    Approved,
    Superseded,
}

pub use crate::review::{Transition, WorkflowError};

/// Roadmaps as a reviewed document: their workflow and who may see and act on them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RoadmapKind;

impl Workflow for RoadmapKind {
    type Status = RoadmapStatus;
    const KIND: DocumentKind = DocumentKind::Roadmap;
    const RULES: &'static [Rule<RoadmapStatus>] = &[
        Rule {
            transition: Transition::Submit,
            from: &[RoadmapStatus::Draft, RoadmapStatus::ChangesRequested],
            to: RoadmapStatus::Submitted,
            refused: ErrorCode::SubmitRequiresDraft,
        },
        Rule {
            transition: Transition::Withdraw,
            from: &[RoadmapStatus::Submitted],
            to: RoadmapStatus::Draft,
            refused: ErrorCode::WithdrawRequiresSubmitted,
        },
        Rule {
            transition: Transition::RequestChanges,
            from: &[RoadmapStatus::Submitted],
            to: RoadmapStatus::ChangesRequested,
            refused: ErrorCode::ReviewRequiresSubmitted,
        },
        Rule {
            transition: Transition::Approve,
            from: &[RoadmapStatus::Submitted],
            to: RoadmapStatus::Approved,
            refused: ErrorCode::ReviewRequiresSubmitted,
        },
        Rule {
            transition: Transition::Supersede,
            from: &[RoadmapStatus::Approved],
            to: RoadmapStatus::Superseded,
            refused: ErrorCode::SupersedeRequiresApproved,
        },
    ];
    const EDITABLE: &'static [RoadmapStatus] =
        &[RoadmapStatus::Draft, RoadmapStatus::ChangesRequested];
    const NOT_EDITABLE: ErrorCode = ErrorCode::RoadmapNotEditable;
    const REVISABLE: &'static [RoadmapStatus] = &[RoadmapStatus::Approved];
    const SECTIONS: &'static [Section] = &[
        Section::Roadmap,
        Section::Priority,
        Section::Action,
        Section::Indicator,
    ];
    const INITIAL: RoadmapStatus = RoadmapStatus::Draft;
}

impl Reviewed for RoadmapKind {
    const PRIVATE: &'static [RoadmapStatus] = &[RoadmapStatus::Draft];
    const PUBLISHED: &'static [RoadmapStatus] =
        &[RoadmapStatus::Approved, RoadmapStatus::Superseded];

    /// Drafts to their own country's team, the secretariat and admins; what has been submitted
    /// also to reviewers; what was approved to every signed-in member.
    fn visible(actor: &Actor, owner: &str, status: RoadmapStatus) -> bool {
        Scope::of(actor).admits::<Self>(owner, status)
    }

    fn allowed(actor: &Actor, action: DocumentAction, owner: &str) -> bool {
        let own_team = is_own_team(actor, owner);
        match action {
            DocumentAction::Read => true,
            DocumentAction::Edit | DocumentAction::Withdraw | DocumentAction::Revise => own_team,
            DocumentAction::Submit => own_team && actor.role == Role::CountryFocalPoint,
            DocumentAction::Review => can_review(actor.role),
            DocumentAction::Comment => own_team || can_review(actor.role),
        }
    }
}

/// Which roadmaps a member sees: the scope every reviewed document shares.
pub type RoadmapScope = Scope;

/// The history events of a roadmap of `owner` that `scope` may not read: "a revision was
/// started" names the new draft, so only those who may see that draft learn of it.
pub fn hidden_history(scope: &Scope, owner: &str) -> Vec<HistoryEvent> {
    if scope.admits::<RoadmapKind>(owner, RoadmapStatus::Draft) {
        Vec::new()
    } else {
        vec![HistoryEvent::new(Section::Roadmap, Happened::Revised)]
    }
}

impl RoadmapStatus {
    pub const ALL: [RoadmapStatus; 5] = [
        RoadmapStatus::Draft,
        RoadmapStatus::Submitted,
        RoadmapStatus::ChangesRequested,
        RoadmapStatus::Approved,
        RoadmapStatus::Superseded,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            RoadmapStatus::Draft => "draft",
            RoadmapStatus::Submitted => "submitted",
            RoadmapStatus::ChangesRequested => "changes_requested",
            RoadmapStatus::Approved => "approved",
            RoadmapStatus::Superseded => "superseded",
        }
    }

    /// Only a draft or a roadmap sent back for changes can be edited.
    pub fn is_editable(self) -> bool {
        RoadmapKind::EDITABLE.contains(&self)
    }

    /// The status after `transition`, or the rule that forbids it.
    pub fn apply(self, transition: Transition) -> Result<RoadmapStatus, WorkflowError> {
        review::next::<RoadmapKind>(self, transition)
    }

    /// Writes to the content are refused outside the editable states.
    pub fn check_editable(self) -> Result<(), WorkflowError> {
        review::check_editable::<RoadmapKind>(self)
    }

    /// A revision starts from the approved version only.
    pub fn check_revisable(self) -> Result<(), WorkflowError> {
        review::check_revisable::<RoadmapKind>(self)
    }
}

impl fmt::Display for RoadmapStatus {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for RoadmapStatus {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        RoadmapStatus::ALL
            .into_iter()
            .find(|st| st.as_str() == s)
            .ok_or_else(|| format!("unknown roadmap status `{s}`"))
    }
}

#[cfg(test)]
mod tests {
    use super::RoadmapStatus::*;
    use super::*;

    const TRANSITIONS: [Transition; 5] = [
        Transition::Submit,
        Transition::Withdraw,
        Transition::RequestChanges,
        Transition::Approve,
        Transition::Supersede,
    ];

    #[test]
    fn the_start_of_a_revision_is_hidden_from_those_who_cannot_see_its_draft() {
        let revised = vec![HistoryEvent::new(Section::Roadmap, Happened::Revised)];
        let actor = |role, country: Option<&str>| Actor {
            role,
            country_code: country.map(str::to_owned),
        };
        for (who, owner, hidden) in [
            (actor(Role::CountryFocalPoint, Some("KEN")), "KEN", false),
            (actor(Role::CountryContributor, Some("KEN")), "KEN", false),
            (actor(Role::Secretariat, None), "KEN", false),
            (actor(Role::Admin, None), "KEN", false),
            (actor(Role::CountryFocalPoint, Some("COL")), "KEN", true),
            (actor(Role::Reviewer, None), "KEN", true),
            (actor(Role::Partner, None), "KEN", true),
        ] {
            let expected = if hidden { revised.clone() } else { Vec::new() };
            assert_eq!(
                hidden_history(&RoadmapScope::of(&who), owner),
                expected,
                "{who:?} on {owner}"
            );
        }
    }

    #[test]
    fn every_transition_from_every_status() {
        for status in RoadmapStatus::ALL {
            for transition in TRANSITIONS {
                let expected = match (status, transition) {
                    (Draft, Transition::Submit) | (ChangesRequested, Transition::Submit) => {
                        Some(Submitted)
                    }
                    (Submitted, Transition::Withdraw) => Some(Draft),
                    (Submitted, Transition::RequestChanges) => Some(ChangesRequested),
                    (Submitted, Transition::Approve) => Some(Approved),
                    (Approved, Transition::Supersede) => Some(Superseded),
                    _ => None,
                };
                assert_eq!(
                    status.apply(transition).ok(),
                    expected,
                    "{status} + {transition:?}"
                );
            }
        }
    }

    #[test]
    fn refused_transitions_name_their_rule() {
        assert_eq!(
            Approved.apply(Transition::Submit).unwrap_err().code,
            ErrorCode::SubmitRequiresDraft
        );
        assert_eq!(
            Draft.apply(Transition::Withdraw).unwrap_err().code,
            ErrorCode::WithdrawRequiresSubmitted
        );
        assert_eq!(
            Draft.apply(Transition::Approve).unwrap_err().code,
            ErrorCode::ReviewRequiresSubmitted
        );
        assert_eq!(
            ChangesRequested
                .apply(Transition::RequestChanges)
                .unwrap_err()
                .code,
            ErrorCode::ReviewRequiresSubmitted
        );
        assert_eq!(
            Draft.apply(Transition::Supersede).unwrap_err().code,
            ErrorCode::SupersedeRequiresApproved
        );
    }

    #[test]
    fn only_drafts_and_changes_requested_are_editable() {
        for status in RoadmapStatus::ALL {
            assert_eq!(
                status.check_editable().is_ok(),
                matches!(status, Draft | ChangesRequested),
                "{status}"
            );
        }
        assert_eq!(
            Submitted.check_editable().unwrap_err().code,
            ErrorCode::RoadmapNotEditable
        );
    }

    #[test]
    fn only_the_approved_version_is_revised() {
        for status in RoadmapStatus::ALL {
            assert_eq!(
                status.check_revisable().is_ok(),
                status == Approved,
                "{status}"
            );
        }
    }

    #[test]
    fn members_with_the_same_scope_key_see_the_same_roadmaps() {
        use crate::policy::Actor;
        let actors: Vec<Actor> = crate::Role::ALL
            .into_iter()
            .flat_map(|role| {
                [Some("KEN"), Some("COL"), None].map(|country| Actor {
                    role,
                    country_code: role
                        .is_country_role()
                        .then_some(country)
                        .flatten()
                        .map(Into::into),
                })
            })
            .collect();
        for a in &actors {
            for b in &actors {
                let (sa, sb) = (RoadmapScope::of(a), RoadmapScope::of(b));
                let same_rows = RoadmapStatus::ALL.into_iter().all(|status| {
                    ["KEN", "COL"].into_iter().all(|owner| {
                        sa.admits::<RoadmapKind>(owner, status)
                            == sb.admits::<RoadmapKind>(owner, status)
                    })
                });
                // One key never covers two views (pages cached under it would leak); two keys
                // for one view only cost a second copy.
                assert!(sa.key() != sb.key() || same_rows, "{a:?} / {b:?}");
            }
        }
    }

    #[test]
    fn statuses_round_trip_through_their_names() {
        for status in RoadmapStatus::ALL {
            assert_eq!(status.as_str().parse::<RoadmapStatus>(), Ok(status));
            assert_eq!(
                serde_json::to_string(&status).unwrap(),
                format!("\"{status}\"")
            );
        }
    }
}
