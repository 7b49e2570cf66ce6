//! Who may do what: the one place where access is decided.
//!
//! The server enforces these answers; the SPA uses them to show only what a member can use.

use crate::Role;

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
    Countries,
    Users,
    ApiTokens,
}

pub fn sections(role: Role) -> Vec<Section> {
    let mut sections = vec![Section::Home, Section::Countries];
    if can_manage_users(role) {
        sections.push(Section::Users);
    }
    sections.push(Section::ApiTokens);
    sections
}

#[cfg(test)]
mod tests {
    use super::*;

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
    fn the_users_section_is_shown_to_user_managers_only() {
        for role in Role::ALL {
            assert_eq!(
                sections(role).contains(&Section::Users),
                can_manage_users(role),
                "{role}"
            );
        }
    }
}
