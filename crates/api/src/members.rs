//! Creating a member: the one path that `POST /users`, `pioneer create-user` and the demo seed
//! all take, so that a member made any of these ways passed the same checks.

use chrono::{DateTime, Utc};
use pioneer_domain::FieldError;
use pioneer_domain::user::{NewUser, User, unknown_country};

use crate::auth::password;
use crate::store::users::NewUserRow;
use crate::store::{self, Connection, StoreError};

/// Why a member was not created.
#[derive(Debug, thiserror::Error)]
pub enum CreateUserError {
    /// Fields the domain refuses, or a country code that names no country.
    #[error("invalid user: {}", describe(.0))]
    Invalid(Vec<FieldError>),
    #[error("a user with the e-mail {0} already exists")]
    EmailTaken(String),
    #[error(transparent)]
    Store(#[from] StoreError),
    /// The password could not be hashed (the hashing threads failed): a bug, never the caller's.
    #[error("hashing the password: {0:#}")]
    Hashing(anyhow::Error),
}

fn describe(errors: &[FieldError]) -> String {
    errors
        .iter()
        .map(|e| format!("{}: {}", e.field, e.message))
        .collect::<Vec<_>>()
        .join("; ")
}

/// Checks `new_user` (the domain's rules, then that its country exists), hashes the password on
/// the hashing threads (slow on purpose: never on the async workers), and inserts the member.
/// A taken e-mail is found before hashing, so a duplicate costs no hash; a race for the same
/// e-mail is still decided by the unique index.
pub async fn create_user(
    db: &impl Connection,
    new_user: NewUser,
    now: DateTime<Utc>,
) -> Result<User, CreateUserError> {
    create_member(db, new_user, MemberDetails::default(), now).await
}

/// What an account may carry beyond [`NewUser`]: a country team member's ministry and title,
/// and the language of their mails.
#[derive(Debug, Clone)]
pub struct MemberDetails {
    pub ministry: Option<String>,
    pub title: Option<String>,
    pub language: &'static str,
}

impl Default for MemberDetails {
    fn default() -> Self {
        Self {
            ministry: None,
            title: None,
            language: "en",
        }
    }
}

/// [`create_user`] with the account's details (an invitation knows them).
pub async fn create_member(
    db: &impl Connection,
    new_user: NewUser,
    details: MemberDetails,
    now: DateTime<Utc>,
) -> Result<User, CreateUserError> {
    let valid = new_user.validate().map_err(CreateUserError::Invalid)?;
    if let Some(code) = valid.country_code.as_deref()
        && !store::reference::country_exists(db, code).await?
    {
        return Err(CreateUserError::Invalid(vec![unknown_country(code)]));
    }
    let email = valid.email.as_str();
    let taken = || CreateUserError::EmailTaken(email.to_owned());
    if store::users::email_taken(db, email).await? {
        return Err(taken());
    }
    let password_hash = password::hash_blocking(new_user.password)
        .await
        .map_err(CreateUserError::Hashing)?;
    let row = NewUserRow {
        email,
        name: &valid.name,
        role: valid.role,
        country_code: valid.country_code.clone(),
        password_hash,
        ministry: details.ministry,
        title: details.title,
        language: details.language,
    };
    store::users::insert(db, row, now).await?.ok_or_else(taken)
}
