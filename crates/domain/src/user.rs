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
    // A name goes into mail headers, where a line break could start a header of its own.
    if name.chars().any(char::is_control) {
        return Err(FieldError::new(
            "name",
            "invalid_characters",
            "name must be one line without control characters",
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

/// The answer, for the `country_code` field, when no country has that code (a question only
/// the store can answer).
pub fn unknown_country(code: &str) -> FieldError {
    FieldError::new(
        "country_code",
        "unknown_country",
        format!("no country has the code {code}"),
    )
}

/// A patch refused because it touches the member's own role or activity.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct OwnAccountChangeRefused;

impl std::fmt::Display for OwnAccountChangeRefused {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("you cannot change your own role or deactivate your own account")
    }
}

impl std::error::Error for OwnAccountChangeRefused {}

/// Nobody changes their own role or deactivates their own account: the last admin could
/// otherwise lock the platform out of administration by a slip of the hand, and nobody would
/// be left with the right to undo it. Changing one's own name or country stays allowed, and so
/// does a patch that repeats the current role or `active: true`.
pub fn check_own_account_change(
    actor_id: Uuid,
    member: &User,
    patch: &UserPatch,
) -> Result<(), OwnAccountChangeRefused> {
    let own_account = actor_id == member.id;
    let changes_role = patch.role.is_some_and(|role| role != member.role);
    let deactivates = patch.active == Some(false);
    if own_account && (changes_role || deactivates) {
        Err(OwnAccountChangeRefused)
    } else {
        Ok(())
    }
}

/// What a checked patch writes: every field as it will be.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UserChange {
    /// `None`: the name stays.
    pub name: Option<String>,
    pub role: Role,
    pub country_code: Option<String>,
    /// `None`: whether the account is active stays.
    pub active: Option<bool>,
}

impl UserChange {
    /// Whether this change ends the sessions of an account that is active now.
    pub fn deactivates(&self, member: &User) -> bool {
        member.active && self.active == Some(false)
    }
}

impl UserPatch {
    /// The role the member has after the patch.
    pub fn role_after(&self, member: &User) -> Role {
        self.role.unwrap_or(member.role)
    }

    /// Checks the patch against the member as they are, and reports every problem at once. An
    /// absent country stays, unless the new role carries none (a focal point made reviewer
    /// loses their country rather than being refused for keeping it).
    pub fn resolve(&self, member: &User) -> Result<UserChange, Vec<FieldError>> {
        let role = self.role_after(member);
        let mut errors = Vec::new();
        let name = match &self.name {
            Some(raw) => parse_name(raw).map_err(|e| errors.push(e)).ok(),
            None => None,
        };
        let country_code = match &self.country_code {
            None if !role.is_country_role() => None,
            None => member.country_code.clone(),
            Some(None) => None,
            Some(Some(raw)) => parse_country_code(raw).map_err(|e| errors.push(e)).ok(),
        };
        if errors.is_empty()
            && let Err(e) = check_role_country(role, country_code.as_deref())
        {
            errors.push(e);
        }
        if errors.is_empty() {
            Ok(UserChange {
                name,
                role,
                country_code,
                active: self.active,
            })
        } else {
            Err(errors)
        }
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_name_is_one_line() {
        let refused = parse_name("Ama\r\nBcc: someone@example.org").expect_err("refused");
        assert_eq!(
            (refused.field.as_str(), refused.code.as_str()),
            ("name", "invalid_characters")
        );
        assert!(parse_name("Ama\tOwusu").is_err());
        assert_eq!(parse_name("  Ama Owusu ").expect("one line"), "Ama Owusu");
    }

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

    fn member(role: Role, country: Option<&str>) -> User {
        User {
            id: Uuid::from_u128(7),
            email: "member@example.org".into(),
            name: "Member".into(),
            role,
            country_code: country.map(Into::into),
            active: true,
        }
    }

    #[test]
    fn nobody_changes_their_own_role() {
        let me = member(Role::Admin, None);
        let patch = UserPatch {
            role: Some(Role::Partner),
            ..UserPatch::default()
        };
        assert_eq!(
            check_own_account_change(me.id, &me, &patch),
            Err(OwnAccountChangeRefused)
        );
        let other = Uuid::from_u128(8);
        assert_eq!(check_own_account_change(other, &me, &patch), Ok(()));
    }

    #[test]
    fn nobody_deactivates_their_own_account_but_may_repeat_what_they_are() {
        let me = member(Role::Secretariat, None);
        let deactivate = UserPatch {
            active: Some(false),
            ..UserPatch::default()
        };
        assert!(check_own_account_change(me.id, &me, &deactivate).is_err());
        let same = UserPatch {
            role: Some(Role::Secretariat),
            active: Some(true),
            name: Some("New name".into()),
            ..UserPatch::default()
        };
        assert_eq!(check_own_account_change(me.id, &me, &same), Ok(()));
    }

    #[test]
    fn a_patch_that_leaves_the_country_roles_drops_the_country() {
        let focal = member(Role::CountryFocalPoint, Some("KEN"));
        let patch = UserPatch {
            role: Some(Role::Reviewer),
            ..UserPatch::default()
        };
        let change = patch.resolve(&focal).expect("valid");
        assert_eq!((change.role, change.country_code), (Role::Reviewer, None));
    }

    #[test]
    fn a_patch_without_country_keeps_a_country_role_s_country() {
        let focal = member(Role::CountryFocalPoint, Some("KEN"));
        let patch = UserPatch {
            role: Some(Role::CountryContributor),
            name: Some("  Amina  ".into()),
            ..UserPatch::default()
        };
        let change = patch.resolve(&focal).expect("valid");
        assert_eq!(change.country_code.as_deref(), Some("KEN"));
        assert_eq!(change.name.as_deref(), Some("Amina"));
    }

    #[test]
    fn a_patch_reports_a_blank_name_and_a_malformed_country_together() {
        let focal = member(Role::CountryFocalPoint, Some("KEN"));
        let patch = UserPatch {
            name: Some(" ".into()),
            country_code: Some(Some("K3N".into())),
            ..UserPatch::default()
        };
        let fields: Vec<_> = patch
            .resolve(&focal)
            .unwrap_err()
            .into_iter()
            .map(|e| e.field)
            .collect();
        assert_eq!(fields, ["name", "country_code"]);
    }

    #[test]
    fn clearing_the_country_of_a_country_role_is_refused() {
        let focal = member(Role::CountryFocalPoint, Some("KEN"));
        let patch = UserPatch {
            country_code: Some(None),
            ..UserPatch::default()
        };
        assert_eq!(patch.resolve(&focal).unwrap_err()[0].code, "required");
    }

    #[test]
    fn only_deactivating_an_active_account_ends_its_sessions() {
        let mut partner = member(Role::Partner, None);
        let change = UserPatch {
            active: Some(false),
            ..UserPatch::default()
        }
        .resolve(&partner)
        .expect("valid");
        assert!(change.deactivates(&partner));
        partner.active = false;
        assert!(!change.deactivates(&partner));
    }
}
