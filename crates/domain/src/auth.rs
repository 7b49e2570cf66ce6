//! Roles and the login/refresh exchange.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

use crate::user::User;

/// What a member of the platform is allowed to do is decided by their role.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum Role {
    Admin,
    Secretariat,
    Reviewer,
    CountryFocalPoint,
    CountryContributor,
    Partner,
}

impl Role {
    pub const ALL: [Role; 6] = [
        Role::Admin,
        Role::Secretariat,
        Role::Reviewer,
        Role::CountryFocalPoint,
        Role::CountryContributor,
        Role::Partner,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Role::Admin => "admin",
            Role::Secretariat => "secretariat",
            Role::Reviewer => "reviewer",
            Role::CountryFocalPoint => "country_focal_point",
            Role::CountryContributor => "country_contributor",
            Role::Partner => "partner",
        }
    }

    /// The two country roles act for one country and must carry its code; no other role does.
    pub fn is_country_role(self) -> bool {
        matches!(self, Role::CountryFocalPoint | Role::CountryContributor)
    }
}

impl fmt::Display for Role {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnknownRole(pub String);

impl fmt::Display for UnknownRole {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "unknown role `{}`", self.0)
    }
}

impl std::error::Error for UnknownRole {}

impl FromStr for Role {
    type Err = UnknownRole;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Role::ALL
            .into_iter()
            .find(|role| role.as_str() == s)
            .ok_or_else(|| UnknownRole(s.to_owned()))
    }
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct LoginRequest {
    #[cfg_attr(feature = "openapi", schema(example = "focal.ken@pioneer.test"))]
    pub email: String,
    pub password: String,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct RefreshRequest {
    pub refresh_token: String,
}

/// The answer to a login or a refresh.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct TokenResponse {
    /// Short-lived JWT to send as `Authorization: Bearer …`.
    pub access_token: String,
    /// Single-use token to get the next pair from `/auth/refresh`.
    pub refresh_token: String,
    /// Always `Bearer`.
    pub token_type: String,
    /// Seconds until the access token expires.
    pub expires_in: u64,
    pub user: User,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_role_round_trips_through_its_name() {
        for role in Role::ALL {
            assert_eq!(role.as_str().parse::<Role>(), Ok(role));
            let json = serde_json::to_string(&role).unwrap();
            assert_eq!(json, format!("\"{}\"", role.as_str()));
        }
    }

    #[test]
    fn an_unknown_role_is_refused() {
        assert_eq!(
            "superuser".parse::<Role>(),
            Err(UnknownRole("superuser".into()))
        );
    }

    #[test]
    fn only_the_two_country_roles_carry_a_country() {
        let country_roles: Vec<_> = Role::ALL
            .into_iter()
            .filter(|r| r.is_country_role())
            .collect();
        assert_eq!(
            country_roles,
            [Role::CountryFocalPoint, Role::CountryContributor]
        );
    }
}

/// An integrator's long-lived token, as listed (the secret itself is shown only once).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ApiToken {
    pub id: uuid::Uuid,
    pub name: String,
    /// The secret: present only in the answer that creates the token.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub token: Option<String>,
    /// What the token may do, within what its member may.
    pub scopes: Vec<ApiScope>,
    pub created_at: chrono::DateTime<chrono::Utc>,
    pub expires_at: Option<chrono::DateTime<chrono::Utc>>,
    pub last_used_at: Option<chrono::DateTime<chrono::Utc>>,
}

/// What an API token may do. A token never does more than its scopes and its member allow.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub enum ApiScope {
    /// Every `GET` its member may make.
    #[serde(rename = "read")]
    Read,
    /// Also push indicator values into the country's draft report.
    #[serde(rename = "write:indicators")]
    WriteIndicators,
}

impl ApiScope {
    pub const ALL: [ApiScope; 2] = [ApiScope::Read, ApiScope::WriteIndicators];

    pub fn as_str(self) -> &'static str {
        match self {
            ApiScope::Read => "read",
            ApiScope::WriteIndicators => "write:indicators",
        }
    }
}

/// What a request asks of the token that carries it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokenUse {
    /// A read (`GET`, `HEAD`).
    Read,
    /// An indicator value pushed into a report.
    PushIndicatorValue,
    /// Any other write: members sign in for those.
    OtherWrite,
}

/// The scope `use_` needs that `scopes` lack: `Ok` when they cover it, `Err(Some(scope))` naming
/// the one to ask for, `Err(None)` when no scope allows it.
pub fn check_scopes(scopes: &[ApiScope], use_: TokenUse) -> Result<(), Option<ApiScope>> {
    let needed = match use_ {
        TokenUse::Read => ApiScope::Read,
        TokenUse::PushIndicatorValue => ApiScope::WriteIndicators,
        TokenUse::OtherWrite => return Err(None),
    };
    // Pushing values implies reading what was pushed.
    let covered = scopes.contains(&needed)
        || (needed == ApiScope::Read && scopes.contains(&ApiScope::WriteIndicators));
    if covered { Ok(()) } else { Err(Some(needed)) }
}

/// `POST /api-tokens`.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct NewApiToken {
    /// What the token is for, e.g. "National dashboard".
    #[cfg_attr(feature = "openapi", schema(min_length = 1, pattern = r"\S"))]
    pub name: String,
    /// When the token stops working; never, when absent.
    pub expires_at: Option<chrono::DateTime<chrono::Utc>>,
    /// `["read"]` when absent.
    #[serde(default)]
    pub scopes: Option<Vec<ApiScope>>,
}

/// A new API token, checked: what the store writes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ValidNewApiToken {
    pub name: String,
    pub expires_at: Option<chrono::DateTime<chrono::Utc>>,
    /// Sorted, without repeats.
    pub scopes: Vec<ApiScope>,
}

impl NewApiToken {
    /// Checks the name (trimmed, 1 to 200 characters) and that the expiry, if any, is after
    /// `now`: a token born expired would be a secret shown once and good for nothing. Reports
    /// every problem at once. `now` comes in because the domain reads no clock.
    pub fn validate(
        &self,
        now: chrono::DateTime<chrono::Utc>,
    ) -> Result<ValidNewApiToken, Vec<crate::FieldError>> {
        let mut errors = Vec::new();
        let name = crate::user::parse_name(&self.name)
            .map_err(|e| errors.push(e))
            .ok();
        if self.expires_at.is_some_and(|at| at <= now) {
            errors.push(crate::FieldError::new(
                "expires_at",
                "in_the_past",
                "expires_at must be in the future",
            ));
        }
        let mut scopes = self.scopes.clone().unwrap_or_else(|| vec![ApiScope::Read]);
        scopes.sort();
        scopes.dedup();
        if scopes.is_empty() {
            errors.push(crate::FieldError::new(
                "scopes",
                "required",
                "a token needs at least one scope: read, write:indicators",
            ));
        }
        match name {
            Some(name) if errors.is_empty() => Ok(ValidNewApiToken {
                name,
                expires_at: self.expires_at,
                scopes,
            }),
            _ => Err(errors),
        }
    }
}

#[cfg(test)]
mod api_token_tests {
    use chrono::{Duration, TimeZone, Utc};

    use super::*;

    fn now() -> chrono::DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 3, 1, 12, 0, 0)
            .single()
            .expect("a valid instant")
    }

    fn token(name: &str, expires_in: Option<Duration>) -> NewApiToken {
        NewApiToken {
            name: name.into(),
            expires_at: expires_in.map(|d| now() + d),
            scopes: None,
        }
    }

    #[test]
    fn a_token_is_read_only_unless_it_asks_for_more() {
        let valid = token("Dashboard", None).validate(now()).expect("valid");
        assert_eq!(valid.scopes, vec![ApiScope::Read]);
        let mut feed = token("Statistics feed", None);
        feed.scopes = Some(vec![
            ApiScope::WriteIndicators,
            ApiScope::Read,
            ApiScope::WriteIndicators,
        ]);
        let valid = feed.validate(now()).expect("valid");
        assert_eq!(
            valid.scopes,
            vec![ApiScope::Read, ApiScope::WriteIndicators]
        );
        feed.scopes = Some(Vec::new());
        assert_eq!(feed.validate(now()).unwrap_err()[0].field, "scopes");
    }

    #[test]
    fn a_token_does_no_more_than_its_scopes() {
        use TokenUse::*;
        let read = [ApiScope::Read];
        let push = [ApiScope::WriteIndicators];
        assert_eq!(check_scopes(&read, Read), Ok(()));
        assert_eq!(
            check_scopes(&read, PushIndicatorValue),
            Err(Some(ApiScope::WriteIndicators))
        );
        assert_eq!(check_scopes(&push, PushIndicatorValue), Ok(()));
        assert_eq!(check_scopes(&push, Read), Ok(()));
        assert_eq!(
            check_scopes(&[ApiScope::Read, ApiScope::WriteIndicators], OtherWrite),
            Err(None)
        );
        assert_eq!(
            serde_json::to_string(&ApiScope::WriteIndicators).unwrap(),
            "\"write:indicators\""
        );
    }

    #[test]
    fn a_token_name_is_trimmed_and_an_expiry_in_the_future_is_kept() {
        let valid = token("  National dashboard ", Some(Duration::days(30)))
            .validate(now())
            .expect("valid");
        assert_eq!(valid.name, "National dashboard");
        assert_eq!(valid.expires_at, Some(now() + Duration::days(30)));
    }

    #[test]
    fn a_token_without_expiry_is_accepted() {
        let valid = token("CI", None).validate(now()).expect("valid");
        assert_eq!(valid.expires_at, None);
    }

    #[test]
    fn a_blank_token_name_is_required() {
        let errors = token("   ", None).validate(now()).unwrap_err();
        assert_eq!(
            (errors[0].field.as_str(), errors[0].code.as_str()),
            ("name", "required")
        );
    }

    #[test]
    fn a_token_name_of_201_characters_is_too_long_and_200_is_not() {
        let errors = token(&"x".repeat(201), None).validate(now()).unwrap_err();
        assert_eq!(errors[0].code, "too_long");
        assert!(token(&"é".repeat(200), None).validate(now()).is_ok());
    }

    #[test]
    fn an_expiry_now_or_earlier_is_refused_with_the_name_problem_too() {
        for past in [Duration::zero(), Duration::seconds(-1)] {
            let errors = token("", Some(past)).validate(now()).unwrap_err();
            let fields: Vec<_> = errors.iter().map(|e| e.field.as_str()).collect();
            assert_eq!(fields, ["name", "expires_at"]);
            assert_eq!(errors[1].code, "in_the_past");
        }
    }
}
