//! Invitations into the platform, password resets, and who may invite whom.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use super::application::{parse_language, parse_line};
use crate::user::{Email, check_role_country, parse_country_code};
use crate::{FieldError, Role};

/// How long an invitation link works.
pub const INVITATION_TTL_DAYS: i64 = 14;
/// How long a password-reset link works.
pub const RESET_TTL_MINUTES: i64 = 60;

/// `POST /invitations`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct NewInvitation {
    pub email: String,
    pub role: Role,
    /// Required for the two country roles; a focal point's own country when absent.
    #[serde(default)]
    pub country_code: Option<String>,
    /// The invitee's ministry, for a country's focal points.
    #[serde(default)]
    pub ministry: Option<String>,
    /// The language of the invitation mail; the inviter's when absent.
    #[serde(default)]
    pub language: Option<String>,
}

/// An invitation whose fields have been checked (whether the inviter may send it is
/// [`can_invite`]'s question).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ValidInvitation {
    pub email: Email,
    pub role: Role,
    pub country_code: Option<String>,
    pub ministry: Option<String>,
    pub language: &'static str,
}

impl NewInvitation {
    /// `inviter_country` stands in for a missing country when the role needs one.
    pub fn validate(
        &self,
        inviter_country: Option<&str>,
        inviter_language: &'static str,
    ) -> Result<ValidInvitation, Vec<FieldError>> {
        let mut errors = Vec::new();
        let email = Email::parse(&self.email).map_err(|e| errors.push(e)).ok();
        let country_code = match self
            .country_code
            .as_deref()
            .map(str::trim)
            .filter(|c| !c.is_empty())
        {
            Some(raw) => parse_country_code(raw).map_err(|e| errors.push(e)).ok(),
            None if self.role.is_country_role() => inviter_country.map(str::to_owned),
            None => None,
        };
        if errors.iter().all(|e| e.field != "country_code")
            && let Err(e) = check_role_country(self.role, country_code.as_deref())
        {
            errors.push(e);
        }
        let ministry = match self.ministry.as_deref().map(str::trim) {
            Some(m) if !m.is_empty() => parse_line("ministry", m, 200)
                .map_err(|e| errors.push(e))
                .ok(),
            _ => None,
        };
        let language = match self.language.as_deref() {
            Some(raw) => parse_language("language", raw)
                .map_err(|e| errors.push(e))
                .unwrap_or(inviter_language),
            None => inviter_language,
        };
        match email {
            Some(email) if errors.is_empty() => Ok(ValidInvitation {
                email,
                role: self.role,
                country_code,
                ministry,
                language,
            }),
            _ => Err(errors),
        }
    }
}

/// Who may invite someone with `role` for `country`: admins anyone, the secretariat anyone but
/// an admin, a country's focal points their own country's team (contributors and other focal
/// points). Nobody else.
pub fn can_invite(
    inviter: Role,
    inviter_country: Option<&str>,
    role: Role,
    country: Option<&str>,
) -> bool {
    match inviter {
        Role::Admin => true,
        Role::Secretariat => role != Role::Admin,
        Role::CountryFocalPoint => {
            role.is_country_role() && country.is_some() && country == inviter_country
        }
        _ => false,
    }
}

/// Whether `actor` manages the team of `country`: its focal points, the secretariat, admins.
pub fn can_manage_team(actor: Role, actor_country: Option<&str>, country: &str) -> bool {
    match actor {
        Role::Admin | Role::Secretariat => true,
        Role::CountryFocalPoint => actor_country == Some(country),
        _ => false,
    }
}

/// What the invitation page shows before the invitee accepts.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct InvitationView {
    pub email: String,
    pub role: Role,
    pub country_code: Option<String>,
    pub ministry: Option<String>,
    pub language: String,
    /// Who invited (absent when the secretariat's decision on an application did).
    pub invited_by: Option<String>,
    pub expires_at: DateTime<Utc>,
}

/// An invitation as the team page and the secretariat list it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Invitation {
    pub id: Uuid,
    pub email: String,
    pub role: Role,
    pub country_code: Option<String>,
    pub ministry: Option<String>,
    pub invited_by: Option<Uuid>,
    pub expires_at: DateTime<Utc>,
    pub accepted_at: Option<DateTime<Utc>>,
    pub created_at: DateTime<Utc>,
}

/// `POST /invitations/{token}/accept`: the new member's name and password.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct AcceptInvitation {
    #[cfg_attr(feature = "openapi", schema(min_length = 10, max_length = 256))]
    pub password: String,
    #[cfg_attr(feature = "openapi", schema(min_length = 1, pattern = r"\S"))]
    pub name: String,
}

/// `POST /password-resets`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PasswordResetRequest {
    pub email: String,
    /// The language of the mail; the member's own when absent.
    #[serde(default)]
    pub language: Option<String>,
}

/// `POST /password-resets/{token}`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct NewPassword {
    #[cfg_attr(feature = "openapi", schema(min_length = 10, max_length = 256))]
    pub password: String,
}

/// Why a link from a mail does not work. Expired and used links are told apart so that the
/// page can say what to do; an unknown token is "not found".
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LinkRefused {
    Unknown,
    Expired,
    Used,
}

/// The rule every single-use link follows.
pub fn check_link(
    expires_at: DateTime<Utc>,
    used_at: Option<DateTime<Utc>>,
    now: DateTime<Utc>,
) -> Result<(), LinkRefused> {
    if used_at.is_some() {
        Err(LinkRefused::Used)
    } else if expires_at <= now {
        Err(LinkRefused::Expired)
    } else {
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::Duration;

    #[test]
    fn focal_points_invite_only_their_own_countrys_team() {
        use Role::*;
        assert!(can_invite(
            CountryFocalPoint,
            Some("KEN"),
            CountryContributor,
            Some("KEN")
        ));
        assert!(can_invite(
            CountryFocalPoint,
            Some("KEN"),
            CountryFocalPoint,
            Some("KEN")
        ));
        assert!(!can_invite(
            CountryFocalPoint,
            Some("KEN"),
            CountryContributor,
            Some("COL")
        ));
        assert!(!can_invite(CountryFocalPoint, Some("KEN"), Reviewer, None));
        assert!(!can_invite(
            CountryContributor,
            Some("KEN"),
            CountryContributor,
            Some("KEN")
        ));
        assert!(can_invite(
            Secretariat,
            None,
            CountryFocalPoint,
            Some("COL")
        ));
        assert!(!can_invite(Secretariat, None, Admin, None));
        assert!(can_invite(Admin, None, Admin, None));
        assert!(!can_invite(Partner, None, Partner, None));
    }

    #[test]
    fn a_focal_points_invitation_defaults_to_their_country() {
        let invitation = NewInvitation {
            email: "New@Example.org".into(),
            role: Role::CountryContributor,
            country_code: None,
            ministry: Some(" Justice ".into()),
            language: None,
        };
        let valid = invitation.validate(Some("KEN"), "en").expect("valid");
        assert_eq!(valid.country_code.as_deref(), Some("KEN"));
        assert_eq!(valid.ministry.as_deref(), Some("Justice"));
        assert_eq!(valid.email.as_str(), "new@example.org");
        let errors = invitation.validate(None, "en").expect_err("no country");
        assert_eq!(errors[0].field, "country_code");
    }

    #[test]
    fn a_link_works_once_and_until_it_expires() {
        let now = DateTime::<Utc>::UNIX_EPOCH + Duration::days(10_000);
        let later = now + Duration::minutes(5);
        assert_eq!(check_link(later, None, now), Ok(()));
        assert_eq!(check_link(now, None, now), Err(LinkRefused::Expired));
        assert_eq!(check_link(later, Some(now), now), Err(LinkRefused::Used));
    }
}
