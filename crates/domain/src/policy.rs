//! Who may do what: the one place where access is decided.
//!
//! The server enforces these answers; the SPA uses them to show only what a member can use.

use crate::Role;
use crate::review::{self, is_own_team};
pub use crate::review::{Access, Actor, can_review};
use crate::roadmap::RoadmapStatus;
use crate::roadmap::workflow::RoadmapKind;

/// Admins and the secretariat run the membership.
pub fn can_manage_users(actor: Role) -> bool {
    matches!(actor, Role::Admin | Role::Secretariat)
}

/// Whether `actor` may create a user with `role`, or change a user who has `role`
/// (or give a user that role). Only an admin touches admins.
pub fn can_manage_role(actor: Role, role: Role) -> bool {
    match actor {
        Role::Admin => true,
        Role::Secretariat => role != Role::Admin,
        _ => false,
    }
}

/// The sections of the app a member sees, in navigation order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Section {
    Home,
    Roadmaps,
    Reports,
    ReviewQueue,
    /// Reporting cycles, with each one's tracker and synthesis.
    ReportingCycles,
    Countries,
    /// Thematic groups: every member sees them, the secretariat staffs them.
    Groups,
    Users,
    /// Countries' expressions of interest, and the secretariat's decisions on them.
    MembershipApplications,
    /// The background jobs (mails, reminders): the failed ones to retry.
    Outbox,
    ApiTokens,
}

pub fn sections(role: Role) -> Vec<Section> {
    let mut sections = vec![Section::Home, Section::Roadmaps, Section::Reports];
    if can_review(role) {
        sections.push(Section::ReviewQueue);
    }
    if crate::report::can_follow_reporting(role) {
        sections.push(Section::ReportingCycles);
    }
    sections.push(Section::Countries);
    sections.push(Section::Groups);
    if can_manage_users(role) {
        sections.push(Section::Users);
        sections.push(Section::MembershipApplications);
        sections.push(Section::Outbox);
    }
    sections.push(Section::ApiTokens);
    sections
}

/// What a member wants to do with a roadmap: the same actions as every reviewed document.
pub use crate::review::DocumentAction as RoadmapAction;

/// The access decision for roadmaps: the reviewed documents' one decision, for this kind.
pub fn roadmap_access(
    actor: &Actor,
    action: RoadmapAction,
    country_code: &str,
    status: RoadmapStatus,
) -> Access {
    review::access::<RoadmapKind>(actor, action, country_code, status)
}

/// Creating a roadmap: a country team, for its own country.
pub fn can_create_roadmap(actor: &Actor, country_code: &str) -> bool {
    is_own_team(actor, country_code)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn actor(role: Role, country: Option<&str>) -> Actor {
        Actor {
            role,
            country_code: country.map(Into::into),
        }
    }

    /// Every cell: role × own/other country × status × action.
    #[test]
    fn roadmap_access_matrix() {
        use RoadmapAction::*;
        use RoadmapStatus::*;
        for role in Role::ALL {
            for own in [true, false] {
                let who = actor(
                    role,
                    role.is_country_role()
                        .then_some(if own { "KEN" } else { "COL" }),
                );
                let own_team = role.is_country_role() && own;
                for status in RoadmapStatus::ALL {
                    let visible = match status {
                        Draft => own_team || matches!(role, Role::Admin | Role::Secretariat),
                        Submitted | ChangesRequested => {
                            own_team
                                || matches!(role, Role::Admin | Role::Secretariat | Role::Reviewer)
                        }
                        Approved | Superseded => true,
                    };
                    for action in RoadmapAction::ALL {
                        let expected = if !visible {
                            Access::Hidden
                        } else {
                            let allowed = match action {
                                Read => true,
                                Edit | Withdraw | Revise => own_team,
                                Submit => own_team && role == Role::CountryFocalPoint,
                                Review => matches!(role, Role::Reviewer | Role::Secretariat),
                                Comment => {
                                    own_team || matches!(role, Role::Reviewer | Role::Secretariat)
                                }
                            };
                            if allowed {
                                Access::Allowed
                            } else {
                                Access::Forbidden
                            }
                        };
                        assert_eq!(
                            roadmap_access(&who, action, "KEN", status),
                            expected,
                            "{role} (own country: {own}) {action:?} a {status} roadmap"
                        );
                    }
                }
            }
        }
    }

    #[test]
    fn a_country_team_never_sees_another_countrys_draft() {
        for role in [Role::CountryFocalPoint, Role::CountryContributor] {
            let colombia = actor(role, Some("COL"));
            assert_eq!(
                roadmap_access(&colombia, RoadmapAction::Read, "KEN", RoadmapStatus::Draft),
                Access::Hidden
            );
            assert_eq!(
                roadmap_access(
                    &colombia,
                    RoadmapAction::Read,
                    "KEN",
                    RoadmapStatus::Submitted
                ),
                Access::Hidden
            );
            assert_eq!(
                roadmap_access(
                    &colombia,
                    RoadmapAction::Edit,
                    "KEN",
                    RoadmapStatus::Approved
                ),
                Access::Forbidden
            );
        }
    }

    #[test]
    fn only_country_teams_create_roadmaps_for_their_own_country() {
        assert!(can_create_roadmap(
            &actor(Role::CountryContributor, Some("KEN")),
            "KEN"
        ));
        assert!(!can_create_roadmap(
            &actor(Role::CountryFocalPoint, Some("COL")),
            "KEN"
        ));
        for role in [
            Role::Admin,
            Role::Secretariat,
            Role::Reviewer,
            Role::Partner,
        ] {
            assert!(!can_create_roadmap(&actor(role, None), "KEN"), "{role}");
        }
    }

    #[test]
    fn only_admins_and_the_secretariat_manage_users() {
        let managers: Vec<_> = Role::ALL
            .into_iter()
            .filter(|r| can_manage_users(*r))
            .collect();
        assert_eq!(managers, [Role::Admin, Role::Secretariat]);
    }

    #[test]
    fn role_management_matrix() {
        for actor in Role::ALL {
            for role in Role::ALL {
                let expected = match actor {
                    Role::Admin => true,
                    Role::Secretariat => role != Role::Admin,
                    _ => false,
                };
                assert_eq!(
                    can_manage_role(actor, role),
                    expected,
                    "{actor} managing {role}"
                );
            }
        }
    }

    #[test]
    fn roadmaps_are_shown_to_everyone_and_the_review_queue_to_reviewers() {
        for role in Role::ALL {
            assert!(sections(role).contains(&Section::Roadmaps), "{role}");
            assert_eq!(
                sections(role).contains(&Section::ReviewQueue),
                can_review(role),
                "{role}"
            );
        }
    }

    #[test]
    fn reports_are_shown_to_everyone_and_reporting_cycles_to_those_who_follow_them() {
        for role in Role::ALL {
            assert!(sections(role).contains(&Section::Reports), "{role}");
            assert_eq!(
                sections(role).contains(&Section::ReportingCycles),
                matches!(role, Role::Admin | Role::Secretariat | Role::Reviewer),
                "{role}"
            );
        }
    }

    #[test]
    fn the_users_section_is_shown_to_user_managers_only() {
        for role in Role::ALL {
            assert_eq!(
                sections(role).contains(&Section::Users),
                can_manage_users(role),
                "{role}"
            );
        }
    }

    #[test]
    fn membership_applications_and_the_outbox_are_for_those_who_run_the_membership() {
        for role in Role::ALL {
            let sections = sections(role);
            for section in [Section::MembershipApplications, Section::Outbox] {
                assert_eq!(
                    sections.contains(&section),
                    can_manage_users(role),
                    "{role} {section:?}"
                );
            }
            if can_manage_users(role) {
                let users = sections.iter().position(|s| *s == Section::Users);
                let applications = sections
                    .iter()
                    .position(|s| *s == Section::MembershipApplications);
                assert_eq!(applications, users.map(|at| at + 1), "{role}");
            }
        }
    }
}
