//! Two-factor sign-in (TOTP, RFC 6238): what the API exchanges, and which roles must use it.

use serde::{Deserialize, Serialize};

use crate::Role;
use crate::auth::TokenResponse;

/// How many recovery codes a member gets when turning two-factor sign-in on.
pub const RECOVERY_CODES: usize = 10;

/// `POST /me/totp`: a new secret, not yet in force until confirmed with a code.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct TotpSetup {
    /// Base32, for typing into an authenticator app.
    pub secret: String,
    /// `otpauth://totp/…`, for a QR code.
    pub otpauth_url: String,
    /// The QR code of `otpauth_url`, as an SVG document (made by the server, so that the app
    /// carries no QR encoder).
    pub qr_svg: String,
}

/// `POST /me/totp/confirm` and `POST /auth/login/totp`'s code.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct TotpCode {
    /// Six digits from the app, or one of the recovery codes.
    pub code: String,
}

/// Shown once, when two-factor sign-in is switched on; stored hashed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct RecoveryCodes {
    pub recovery_codes: Vec<String>,
}

/// The answer to a password that was right for an account with two-factor sign-in on (or a role
/// that requires it): the sign-in goes on at `POST /auth/login/totp`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct TotpChallenge {
    /// Always `true`.
    pub totp_required: bool,
    /// Short-lived; sent back with the code.
    pub challenge: String,
}

/// `POST /auth/login` answers tokens, or a challenge when a second factor is needed.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(untagged)]
pub enum LoginAnswer {
    Tokens(TokenResponse),
    TotpRequired(TotpChallenge),
}

/// `POST /auth/login/totp`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct TotpLogin {
    pub challenge: String,
    pub code: String,
}

/// Where a member stands with two-factor sign-in (`GET /me/totp`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct TotpStatus {
    pub enabled: bool,
    /// Their role requires it (`REQUIRE_TOTP_ROLES`): they cannot turn it off.
    pub required: bool,
    pub recovery_codes_left: u32,
}

/// A code as typed: six digits (spaces ignored) or a recovery code (letters, digits, dashes).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TypedCode {
    Totp(String),
    Recovery(String),
}

impl TypedCode {
    pub fn parse(raw: &str) -> Option<Self> {
        let compact: String = raw.chars().filter(|c| !c.is_whitespace()).collect();
        if compact.len() == 6 && compact.chars().all(|c| c.is_ascii_digit()) {
            Some(Self::Totp(compact))
        } else if (8..=32).contains(&compact.len())
            && compact
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '-')
        {
            Some(Self::Recovery(compact.to_ascii_lowercase()))
        } else {
            None
        }
    }
}

/// Whether a member with `role` must sign in with a second factor, given the operator's list.
pub fn required_for(role: Role, required_roles: &[Role]) -> bool {
    required_roles.contains(&role)
}

/// Whether a member must turn two-factor sign-in on before doing anything else: their role
/// requires it and it is not on yet. Until then a session opens only their account and the
/// enrolment itself.
pub fn must_enrol(role: Role, required_roles: &[Role], enabled: bool) -> bool {
    !enabled && required_for(role, required_roles)
}

/// Whether a member may turn two-factor sign-in off: not when their role requires it.
pub fn may_turn_off(role: Role, required_roles: &[Role]) -> bool {
    !required_for(role, required_roles)
}

/// Reads `REQUIRE_TOTP_ROLES`: role names separated by commas (spaces and empty items
/// ignored). An unknown name is an error that names it.
pub fn parse_required_roles(raw: &str) -> Result<Vec<Role>, crate::auth::UnknownRole> {
    let mut roles = Vec::new();
    for name in raw.split(',').map(str::trim).filter(|n| !n.is_empty()) {
        let role = name.parse::<Role>()?;
        if !roles.contains(&role) {
            roles.push(role);
        }
    }
    Ok(roles)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_told_apart_by_their_shape() {
        assert_eq!(
            TypedCode::parse("123 456"),
            Some(TypedCode::Totp("123456".into()))
        );
        assert_eq!(
            TypedCode::parse("ABCD-EFGH-JK"),
            Some(TypedCode::Recovery("abcd-efgh-jk".into()))
        );
        assert_eq!(TypedCode::parse("12345"), None);
        assert_eq!(TypedCode::parse("drop table;"), None);
    }

    #[test]
    fn only_listed_roles_require_it() {
        assert!(required_for(Role::Admin, &[Role::Admin, Role::Secretariat]));
        assert!(!required_for(Role::CountryFocalPoint, &[Role::Admin]));
        assert!(!required_for(Role::Admin, &[]));
    }

    #[test]
    fn a_required_role_must_enrol_and_cannot_turn_it_off() {
        let required = [Role::Admin, Role::Secretariat];
        assert!(must_enrol(Role::Admin, &required, false));
        assert!(!must_enrol(Role::Admin, &required, true));
        assert!(!must_enrol(Role::Reviewer, &required, false));
        assert!(!may_turn_off(Role::Secretariat, &required));
        assert!(may_turn_off(Role::Partner, &required));
        assert!(may_turn_off(Role::Admin, &[]));
    }

    #[test]
    fn required_roles_are_read_from_a_comma_separated_list() {
        assert_eq!(parse_required_roles(""), Ok(vec![]));
        assert_eq!(
            parse_required_roles(" admin, secretariat,,admin "),
            Ok(vec![Role::Admin, Role::Secretariat])
        );
        let unknown = parse_required_roles("admin,root").unwrap_err();
        assert!(unknown.to_string().contains("root"), "{unknown}");
    }
}
