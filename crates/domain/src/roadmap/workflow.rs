//! The roadmap workflow, as a state machine:
//! `draft → submitted → changes_requested → submitted → … → approved → superseded`.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

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

/// A step of the workflow.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Transition {
    /// The focal point sends the roadmap for review.
    Submit,
    /// The country team takes a submission back to draft.
    Withdraw,
    /// A reviewer sends it back to the team.
    RequestChanges,
    /// A reviewer approves it.
    Approve,
    /// A newer version was approved.
    Supersede,
}

/// A transition the current status does not allow; `code` names the rule.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WorkflowError {
    pub code: &'static str,
    pub message: String,
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
        matches!(self, RoadmapStatus::Draft | RoadmapStatus::ChangesRequested)
    }

    /// The status after `transition`, or the rule that forbids it.
    pub fn apply(self, transition: Transition) -> Result<RoadmapStatus, WorkflowError> {
        use RoadmapStatus::*;
        match (self, transition) {
            (Draft | ChangesRequested, Transition::Submit) => Ok(Submitted),
            (Submitted, Transition::Withdraw) => Ok(Draft),
            (Submitted, Transition::RequestChanges) => Ok(ChangesRequested),
            (Submitted, Transition::Approve) => Ok(Approved),
            (Approved, Transition::Supersede) => Ok(Superseded),
            (status, Transition::Submit) => Err(WorkflowError {
                code: "submit_requires_draft",
                message: format!(
                    "only a draft or a roadmap with changes requested can be submitted; this one is {status}"
                ),
            }),
            (status, Transition::Withdraw) => Err(WorkflowError {
                code: "withdraw_requires_submitted",
                message: format!("only a submitted roadmap can be withdrawn; this one is {status}"),
            }),
            (status, Transition::RequestChanges | Transition::Approve) => Err(WorkflowError {
                code: "review_requires_submitted",
                message: format!("only a submitted roadmap can be reviewed; this one is {status}"),
            }),
            (status, Transition::Supersede) => Err(WorkflowError {
                code: "supersede_requires_approved",
                message: format!(
                    "only an approved roadmap can be superseded; this one is {status}"
                ),
            }),
        }
    }

    /// Writes to the content are refused outside the editable states.
    pub fn check_editable(self) -> Result<(), WorkflowError> {
        if self.is_editable() {
            Ok(())
        } else {
            Err(WorkflowError {
                code: "roadmap_not_editable",
                message: format!(
                    "a {self} roadmap cannot be edited; only a draft or a roadmap with changes requested can{}",
                    if self == RoadmapStatus::Approved {
                        " (start a revision to change it)"
                    } else {
                        ""
                    }
                ),
            })
        }
    }

    /// A revision starts from the approved version only.
    pub fn check_revisable(self) -> Result<(), WorkflowError> {
        if self == RoadmapStatus::Approved {
            Ok(())
        } else {
            Err(WorkflowError {
                code: "revise_requires_approved",
                message: format!("only the approved version can be revised; this one is {self}"),
            })
        }
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
            "submit_requires_draft"
        );
        assert_eq!(
            Draft.apply(Transition::Withdraw).unwrap_err().code,
            "withdraw_requires_submitted"
        );
        assert_eq!(
            Draft.apply(Transition::Approve).unwrap_err().code,
            "review_requires_submitted"
        );
        assert_eq!(
            ChangesRequested
                .apply(Transition::RequestChanges)
                .unwrap_err()
                .code,
            "review_requires_submitted"
        );
        assert_eq!(
            Draft.apply(Transition::Supersede).unwrap_err().code,
            "supersede_requires_approved"
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
            "roadmap_not_editable"
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
