//! Members of the platform: the user resource and its checked inputs.

use serde::{Deserialize, Deserializer, Serialize};
use uuid::Uuid;

use crate::{FieldError, Role};

pub const MIN_PASSWORD_CHARS: usize = 10;
pub const MAX_PASSWORD_CHARS: usize = 256;

/// A member as the API shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct User {
    pub id: Uuid,
    pub email: String,
    pub name: String,
    pub role: Role,
    /// ISO 3166-1 alpha-3 code; set for the two country roles only.
    pub country_code: Option<String>,
    pub active: bool,
}

/// `POST /users`.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct NewUser {
    pub email: String,
    #[cfg_attr(feature = "openapi", schema(min_length = 1, pattern = r"\S"))]
    pub name: String,
    pub role: Role,
    pub country_code: Option<String>,
    /// At least 10 characters.
    #[cfg_attr(feature = "openapi", schema(min_length = 10, max_length = 256))]
    pub password: String,
}

/// `PATCH /users/{id}`: only the fields present change; `country_code: null` clears it.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct UserPatch {
    #[cfg_attr(feature = "openapi", schema(min_length = 1, pattern = r"\S"))]
    pub name: Option<String>,
    pub role: Option<Role>,
    #[serde(
        default,
        deserialize_with = "present_or_null",
        skip_serializing_if = "Option::is_none"
    )]
    #[cfg_attr(feature = "openapi", schema(value_type = Option<String>))]
    pub country_code: Option<Option<String>>,
    pub active: Option<bool>,
}

/// Tells a field that is absent (`None`) from one set to null (`Some(None)`).
fn present_or_null<'de, D, T>(deserializer: D) -> Result<Option<Option<T>>, D::Error>
where
    D: Deserializer<'de>,
    T: Deserialize<'de>,
{
    Option::<T>::deserialize(deserializer).map(Some)
}

/// A lower-cased, plausibly well-formed e-mail address.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Email(String);

impl Email {
    pub fn parse(raw: &str) -> Result<Self, FieldError> {
        let email = raw.trim().to_lowercase();
        let invalid = || FieldError::new("email", "invalid_format", "not a valid e-mail address");
        if email.is_empty() {
            return Err(FieldError::new("email", "required", "e-mail is required"));
        }
        if email.len() > 254 || email.chars().any(char::is_whitespace) {
            return Err(invalid());
        }
        let (local, domain) = email.split_once('@').ok_or_else(invalid)?;
        let domain_ok = domain.contains('.')
            && !domain.starts_with('.')
            && !domain.ends_with('.')
            && !domain.contains('@');
        if local.is_empty() || !domain_ok {
            return Err(invalid());
        }
        Ok(Self(email))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// A display name: trimmed, 1 to 200 characters.
pub fn parse_name(raw: &str) -> Result<String, FieldError> {
    let name = raw.trim();
    if name.is_empty() {
        return Err(FieldError::new("name", "required", "name is required"));
    }
    if name.chars().count() > 200 {
        return Err(FieldError::new(
            "name",
            "too_long",
            "name is at most 200 characters",
        ));
    }
    Ok(name.to_owned())
}

pub fn check_password(password: &str) -> Result<(), FieldError> {
    let chars = password.chars().count();
    if chars < MIN_PASSWORD_CHARS {
        return Err(FieldError::new(
            "password",
            "too_short",
            format!("password must have at least {MIN_PASSWORD_CHARS} characters"),
        ));
    }
    if chars > MAX_PASSWORD_CHARS {
        return Err(FieldError::new(
            "password",
            "too_long",
            format!("password must have at most {MAX_PASSWORD_CHARS} characters"),
        ));
    }
    Ok(())
}

/// An ISO 3166-1 alpha-3 code in upper case (whether the country exists is the store's question).
pub fn parse_country_code(raw: &str) -> Result<String, FieldError> {
    let code = raw.trim().to_uppercase();
    if code.len() == 3 && code.chars().all(|c| c.is_ascii_uppercase()) {
        Ok(code)
    } else {
        Err(FieldError::new(
            "country_code",
            "invalid_format",
            "country_code is an ISO 3166-1 alpha-3 code",
        ))
    }
}

/// A country role needs a country and every other role must have none.
pub fn check_role_country(role: Role, country_code: Option<&str>) -> Result<(), FieldError> {
    match (role.is_country_role(), country_code) {
        (true, None) => Err(FieldError::new(
            "country_code",
            "required",
            format!("role {role} acts for a country: country_code is required"),
        )),
        (false, Some(_)) => Err(FieldError::new(
            "country_code",
            "not_allowed",
            format!("role {role} does not act for a country: country_code must be empty"),
        )),
        _ => Ok(()),
    }
}

/// A new user, checked field by field.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ValidNewUser {
    pub email: Email,
    pub name: String,
    pub role: Role,
    pub country_code: Option<String>,
}

impl NewUser {
    /// Checks every field and reports every problem at once.
    pub fn validate(&self) -> Result<ValidNewUser, Vec<FieldError>> {
        let mut errors = Vec::new();
        let email = Email::parse(&self.email).map_err(|e| errors.push(e)).ok();
        let name = parse_name(&self.name).map_err(|e| errors.push(e)).ok();
        let _ = check_password(&self.password).map_err(|e| errors.push(e));
        let country_code = match self
            .country_code
            .as_deref()
            .map(str::trim)
            .filter(|c| !c.is_empty())
        {
            Some(raw) => parse_country_code(raw).map_err(|e| errors.push(e)).ok(),
            None => None,
        };
        let country_ok = errors.iter().all(|e| e.field != "country_code");
        if country_ok && let Err(e) = check_role_country(self.role, country_code.as_deref()) {
            errors.push(e);
        }
        match (email, name) {
            (Some(email), Some(name)) if errors.is_empty() => Ok(ValidNewUser {
                email,
                name,
                role: self.role,
                country_code,
            }),
            _ => Err(errors),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn new_user(role: Role, country: Option<&str>) -> NewUser {
        NewUser {
            email: " Focal.KEN@Example.org ".into(),
            name: " Amina Otieno ".into(),
            role,
            country_code: country.map(Into::into),
            password: "correct horse battery".into(),
        }
    }

    #[test]
    fn emails_are_trimmed_and_lower_cased() {
        assert_eq!(
            Email::parse(" A.B@Example.ORG ").unwrap().as_str(),
            "a.b@example.org"
        );
    }

    #[test]
    fn malformed_emails_are_refused() {
        for raw in [
            "",
            "no-at-sign",
            "@example.org",
            "a@b",
            "a@.org",
            "a b@example.org",
            "a@b@c.org",
        ] {
            assert!(Email::parse(raw).is_err(), "{raw:?} should be refused");
        }
    }

    #[test]
    fn a_valid_focal_point_is_accepted_with_normalised_fields() {
        let valid = new_user(Role::CountryFocalPoint, Some("ken"))
            .validate()
            .unwrap();
        assert_eq!(valid.email.as_str(), "focal.ken@example.org");
        assert_eq!(valid.name, "Amina Otieno");
        assert_eq!(valid.country_code.as_deref(), Some("KEN"));
    }

    #[test]
    fn a_country_role_without_country_is_refused() {
        let errors = new_user(Role::CountryContributor, None)
            .validate()
            .unwrap_err();
        assert_eq!(errors[0].field, "country_code");
        assert_eq!(errors[0].code, "required");
    }

    #[test]
    fn a_reviewer_with_a_country_is_refused() {
        let errors = new_user(Role::Reviewer, Some("KEN"))
            .validate()
            .unwrap_err();
        assert_eq!(errors[0].code, "not_allowed");
    }

    #[test]
    fn every_problem_is_reported_at_once() {
        let mut user = new_user(Role::Partner, Some("K3N"));
        user.email = "nope".into();
        user.name = "   ".into();
        user.password = "short".into();
        let fields: Vec<_> = user
            .validate()
            .unwrap_err()
            .into_iter()
            .map(|e| e.field)
            .collect();
        assert_eq!(fields, ["email", "name", "password", "country_code"]);
    }

    #[test]
    fn a_patch_tells_absent_country_from_null_country() {
        let absent: UserPatch = serde_json::from_str(r#"{"active": false}"#).unwrap();
        assert_eq!(absent.country_code, None);
        let cleared: UserPatch = serde_json::from_str(r#"{"country_code": null}"#).unwrap();
        assert_eq!(cleared.country_code, Some(None));
    }
}
