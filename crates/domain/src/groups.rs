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
/// Longest note a member writes when asking to join.
pub const MAX_JOIN_MESSAGE_CHARS: usize = 1_000;

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
    /// The reader asked to join and awaits a moderator's answer.
    pub join_requested: bool,
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

/// Where a member's request to join a group stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum JoinRequestStatus {
    /// Awaits a moderator's answer.
    #[default]
    Pending,
    /// Accepted: the member is in the group.
    Approved,
    Declined,
}

impl JoinRequestStatus {
    pub const ALL: [JoinRequestStatus; 3] = [
        JoinRequestStatus::Pending,
        JoinRequestStatus::Approved,
        JoinRequestStatus::Declined,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            JoinRequestStatus::Pending => "pending",
            JoinRequestStatus::Approved => "approved",
            JoinRequestStatus::Declined => "declined",
        }
    }

    pub fn parse(raw: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|status| status.as_str() == raw)
    }
}

/// `POST /groups/{id}/join`: a member asks to join, with a short note for the moderators.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(try_from = "serde_json::Map<String, serde_json::Value>")]
pub struct NewJoinRequest {
    /// At most 1000 characters; may be empty.
    #[serde(default)]
    pub message: String,
}

/// Read from a JSON object only: with every field optional, serde would also take an array.
impl TryFrom<serde_json::Map<String, serde_json::Value>> for NewJoinRequest {
    type Error = String;

    fn try_from(object: serde_json::Map<String, serde_json::Value>) -> Result<Self, String> {
        match object.get("message") {
            None => Ok(Self::default()),
            Some(serde_json::Value::String(message)) => Ok(Self {
                message: message.clone(),
            }),
            Some(_) => Err("`message` is a string".to_owned()),
        }
    }
}

impl NewJoinRequest {
    /// The note, trimmed.
    pub fn validate(&self) -> Result<String, Vec<FieldError>> {
        let message = self.message.trim();
        if message.chars().count() > MAX_JOIN_MESSAGE_CHARS {
            return Err(vec![FieldError::new(
                "message",
                "too_long",
                format!("message is at most {MAX_JOIN_MESSAGE_CHARS} characters"),
            )]);
        }
        Ok(message.to_owned())
    }
}

/// A member's request to join a group.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct JoinRequest {
    pub id: Uuid,
    pub group_id: Uuid,
    /// Who asks.
    pub user_id: Uuid,
    pub name: String,
    pub country_code: Option<String>,
    pub message: String,
    pub status: JoinRequestStatus,
    /// When they (last) asked.
    pub created_at: DateTime<Utc>,
    /// When a moderator answered.
    pub decided_at: Option<DateTime<Utc>>,
}

/// `POST /groups/{id}/requests/{request_id}/decision`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct JoinDecision {
    /// `true`: the member joins the group; `false`: the request is declined.
    pub approve: bool,
}

/// The secretariat (and admins) create groups and name their members and moderators.
pub fn can_manage_groups(role: Role) -> bool {
    can_manage_users(role)
}

/// Who sees a group's members: those who run the platform, and the group's own members.
pub fn can_see_members(role: Role, my_role: Option<GroupRole>) -> bool {
    can_manage_groups(role) || my_role.is_some()
}

/// Who answers requests to join a group and takes members out of it: the secretariat, and the
/// group's own moderators.
pub fn may_moderate_members(role: Role, my_role: Option<GroupRole>) -> bool {
    can_manage_groups(role) || my_role == Some(GroupRole::Moderator)
}

/// Whether one who moderates members may take out a member with `their_role`: only the
/// secretariat takes a moderator out.
pub fn may_remove_member(role: Role, my_role: Option<GroupRole>, their_role: GroupRole) -> bool {
    can_manage_groups(role)
        || (may_moderate_members(role, my_role) && their_role == GroupRole::Member)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_join_request_is_read_from_an_object_only() {
        let read = |raw: &str| serde_json::from_str::<NewJoinRequest>(raw);
        assert_eq!(read("{}").expect("empty object").message, "");
        assert_eq!(read(r#"{"message":"hi"}"#).expect("object").message, "hi");
        assert!(read("[]").is_err());
        assert!(read(r#"{"message":3}"#).is_err());
        // The schema says string: a null is refused, as it is everywhere else.
        assert!(read(r#"{"message":null}"#).is_err());
    }

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

    #[test]
    fn moderators_and_the_secretariat_answer_requests_and_take_members_out() {
        for role in Role::ALL {
            let runs = matches!(role, Role::Admin | Role::Secretariat);
            assert_eq!(may_moderate_members(role, None), runs, "{role}");
            assert_eq!(
                may_moderate_members(role, Some(GroupRole::Member)),
                runs,
                "{role}"
            );
            assert!(may_moderate_members(role, Some(GroupRole::Moderator)));
            assert!(may_remove_member(
                role,
                Some(GroupRole::Moderator),
                GroupRole::Member
            ));
            assert_eq!(
                may_remove_member(role, Some(GroupRole::Moderator), GroupRole::Moderator),
                runs,
                "{role}"
            );
            assert_eq!(
                may_remove_member(role, Some(GroupRole::Member), GroupRole::Member),
                runs,
                "{role}"
            );
        }
    }

    #[test]
    fn a_join_request_has_a_short_optional_note() {
        let empty: NewJoinRequest = serde_json::from_str("{}").expect("json");
        assert_eq!(empty.validate().expect("valid"), "");
        let note = NewJoinRequest {
            message: "  I run the parenting programme in Nairobi.  ".into(),
        };
        assert_eq!(
            note.validate().expect("valid"),
            "I run the parenting programme in Nairobi."
        );
        let longest = NewJoinRequest {
            message: format!(" {} ", "é".repeat(MAX_JOIN_MESSAGE_CHARS)),
        };
        assert!(longest.validate().is_ok());
        let errors = NewJoinRequest {
            message: "x".repeat(MAX_JOIN_MESSAGE_CHARS + 1),
        }
        .validate()
        .expect_err("refused");
        assert_eq!(errors[0].field, "message");
        assert_eq!(errors[0].code, "too_long");
        for status in JoinRequestStatus::ALL {
            assert_eq!(JoinRequestStatus::parse(status.as_str()), Some(status));
            assert_eq!(
                serde_json::to_value(status).expect("json"),
                serde_json::json!(status.as_str())
            );
        }
        assert_eq!(JoinRequestStatus::parse("maybe"), None);
    }
}
