//! Thematic groups: members who work on one theme together, with moderators who look after
//! what the group shares. The secretariat creates them and names their members and moderators;
//! what is shared with one group only reaches its members.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use crate::membership::application::parse_line;
use crate::policy::can_manage_users;
use crate::user::Email;
use crate::{FieldError, Role};

pub const MAX_NAME_CHARS: usize = 120;
pub const MAX_DESCRIPTION_CHARS: usize = 2_000;

/// A member's place in a group.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum GroupRole {
    Member,
    /// Also moderates what is shared with the group.
    Moderator,
}

impl GroupRole {
    pub const ALL: [GroupRole; 2] = [GroupRole::Member, GroupRole::Moderator];

    pub fn as_str(self) -> &'static str {
        match self {
            GroupRole::Member => "member",
            GroupRole::Moderator => "moderator",
        }
    }

    pub fn parse(raw: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|role| role.as_str() == raw)
    }
}

/// `POST /groups`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct NewGroup {
    pub name: String,
    #[serde(default)]
    pub description: String,
}

/// A group's name and description, checked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ValidGroup {
    pub name: String,
    pub description: String,
}

impl NewGroup {
    pub fn validate(&self) -> Result<ValidGroup, Vec<FieldError>> {
        let mut errors = Vec::new();
        let name = parse_line("name", &self.name, MAX_NAME_CHARS)
            .map_err(|e| errors.push(e))
            .ok();
        let description = self.description.trim().to_owned();
        if description.chars().count() > MAX_DESCRIPTION_CHARS {
            errors.push(FieldError::new(
                "description",
                "too_long",
                format!("description is at most {MAX_DESCRIPTION_CHARS} characters"),
            ));
        }
        match name {
            Some(name) if errors.is_empty() => Ok(ValidGroup { name, description }),
            _ => Err(errors),
        }
    }
}

/// A thematic group, with how many members it has.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Group {
    pub id: Uuid,
    pub name: String,
    pub description: String,
    pub members_count: u32,
    pub moderators_count: u32,
    /// The reader's own place in it, if any.
    pub my_role: Option<GroupRole>,
    pub created_at: DateTime<Utc>,
}

/// `POST /groups/{id}/members`: a member, named by e-mail, joins or changes role.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct NewGroupMember {
    pub user_email: String,
    pub role: GroupRole,
}

impl NewGroupMember {
    pub fn email(&self) -> Result<Email, Vec<FieldError>> {
        Email::parse(&self.user_email)
            .map_err(|e| vec![FieldError::new("user_email", e.code, e.message)])
    }
}

/// One member of a group.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct GroupMember {
    pub user_id: Uuid,
    pub name: String,
    pub email: String,
    pub country_code: Option<String>,
    pub role: GroupRole,
    pub added_at: DateTime<Utc>,
}

/// The secretariat (and admins) create groups and name their members and moderators.
pub fn can_manage_groups(role: Role) -> bool {
    can_manage_users(role)
}

/// Who sees a group's members: those who run the platform, and the group's own members.
pub fn can_see_members(role: Role, my_role: Option<GroupRole>) -> bool {
    can_manage_groups(role) || my_role.is_some()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_group_needs_a_short_one_line_name() {
        let ok = NewGroup {
            name: "  Parenting support  ".into(),
            description: " Positive parenting programmes. ".into(),
        }
        .validate()
        .expect("valid");
        assert_eq!(ok.name, "Parenting support");
        assert_eq!(ok.description, "Positive parenting programmes.");

        for (name, code) in [
            ("", "required"),
            ("Line\nbreak", "invalid_characters"),
            (&"x".repeat(MAX_NAME_CHARS + 1), "too_long"),
        ] {
            let errors = NewGroup {
                name: name.into(),
                description: String::new(),
            }
            .validate()
            .expect_err("refused");
            assert_eq!(errors[0].field, "name");
            assert_eq!(errors[0].code, code);
        }
        let errors = NewGroup {
            name: "Ok".into(),
            description: "d".repeat(MAX_DESCRIPTION_CHARS + 1),
        }
        .validate()
        .expect_err("refused");
        assert_eq!(errors[0].field, "description");
    }

    #[test]
    fn the_secretariat_runs_groups_and_members_see_their_own() {
        for role in Role::ALL {
            let runs = matches!(role, Role::Admin | Role::Secretariat);
            assert_eq!(can_manage_groups(role), runs, "{role}");
            assert_eq!(can_see_members(role, None), runs, "{role}");
            assert!(can_see_members(role, Some(GroupRole::Member)), "{role}");
        }
    }

    #[test]
    fn a_member_is_named_by_a_valid_email() {
        let member = NewGroupMember {
            user_email: " Amina@Example.org ".into(),
            role: GroupRole::Moderator,
        };
        assert_eq!(member.email().expect("valid").as_str(), "amina@example.org");
        let errors = NewGroupMember {
            user_email: "not an address".into(),
            role: GroupRole::Member,
        }
        .email()
        .expect_err("refused");
        assert_eq!(errors[0].field, "user_email");
        assert_eq!(GroupRole::parse("moderator"), Some(GroupRole::Moderator));
        assert_eq!(GroupRole::parse("owner"), None);
    }
}
