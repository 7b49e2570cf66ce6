//! Members: reading, listing, creating and changing user rows.

use chrono::{DateTime, Utc};
use pioneer_domain::Role;
use pioneer_domain::page::Paging;
use pioneer_domain::user::{User, UserChange};
use sea_orm::{
    ActiveModelTrait, ActiveValue::Unchanged, ColumnTrait, ConnectionTrait, DatabaseConnection,
    EntityTrait, QueryFilter, QueryOrder, Set,
};
use uuid::Uuid;

use super::change_feed::Changed;
use super::row_cache::RowCaches;
use super::write::Write;
use super::{StoreError, StoreResult, country_code, country_is, fetch_page, tokens};
use crate::entities::user;

/// A stored member as the API shows it; a role name that does not parse is a corrupt row.
pub fn to_user(model: &user::Model) -> StoreResult<User> {
    let role = model
        .role
        .parse::<Role>()
        .map_err(|e| StoreError::corrupt("role", e))?;
    Ok(User {
        id: model.id,
        email: model.email.clone(),
        name: model.name.clone(),
        role,
        country_code: model.country_code.clone(),
        active: model.active,
    })
}

/// A member and the hash their password must match: what signing in needs.
pub struct Credentials {
    pub user: User,
    pub password_hash: String,
    /// Two-factor sign-in is on: the password alone does not sign in.
    pub totp_enabled: bool,
}

/// Filters of the member list; all of them must hold.
#[derive(Debug, Clone, Default)]
pub struct UserFilter {
    pub role: Option<Role>,
    /// A country code as the client wrote it (any case); one that cannot be a code finds nobody.
    pub country: Option<String>,
    pub active: Option<bool>,
}

/// One page of members, sorted by e-mail, and how many match.
pub async fn list(
    db: &DatabaseConnection,
    filter: &UserFilter,
    paging: Paging,
) -> StoreResult<(Vec<User>, u64)> {
    let mut select = user::Entity::find();
    if let Some(role) = filter.role {
        select = select.filter(user::Column::Role.eq(role.as_str()));
    }
    if let Some(country) = &filter.country {
        select = select.filter(country_is(user::Column::CountryCode, country_code(country)));
    }
    if let Some(active) = filter.active {
        select = select.filter(user::Column::Active.eq(active));
    }
    let (rows, total) = fetch_page(db, select.order_by_asc(user::Column::Email), paging).await?;
    let users = rows.iter().map(to_user).collect::<StoreResult<Vec<_>>>()?;
    Ok((users, total))
}

pub async fn find(db: &DatabaseConnection, id: Uuid) -> StoreResult<Option<User>> {
    user::Entity::find_by_id(id)
        .one(db)
        .await?
        .as_ref()
        .map(to_user)
        .transpose()
}

/// The member `id` if the account is active.
pub async fn find_active(db: &DatabaseConnection, id: Uuid) -> StoreResult<Option<User>> {
    Ok(find(db, id).await?.filter(|user| user.active))
}

/// The member `id` through the row cache (see `row_cache`): nearly every request asks.
pub async fn find_cached(
    rows: &RowCaches,
    db: &DatabaseConnection,
    id: Uuid,
) -> StoreResult<Option<User>> {
    let row = rows
        .users
        .get(id, user::Entity::find_by_id(id).one(db))
        .await?;
    row.as_deref().map(to_user).transpose()
}

/// The active focal points of the countries `codes`, by country then name (one query).
pub async fn focal_points_of(
    db: &impl ConnectionTrait,
    codes: &[String],
) -> StoreResult<Vec<user::Model>> {
    Ok(user::Entity::find()
        .filter(user::Column::Role.eq(Role::CountryFocalPoint.as_str()))
        .filter(user::Column::CountryCode.is_in(codes.iter().cloned()))
        .filter(user::Column::Active.eq(true))
        .order_by_asc(user::Column::CountryCode)
        .order_by_asc(user::Column::Name)
        .all(db)
        .await?)
}

/// The member with this e-mail (already normalised) and their password hash.
pub async fn credentials(db: &DatabaseConnection, email: &str) -> StoreResult<Option<Credentials>> {
    let Some(model) = user::Entity::find()
        .filter(user::Column::Email.eq(email))
        .one(db)
        .await?
    else {
        return Ok(None);
    };
    Ok(Some(Credentials {
        user: to_user(&model)?,
        totp_enabled: model.totp_secret.is_some(),
        password_hash: model.password_hash,
    }))
}

pub async fn email_taken(db: &impl ConnectionTrait, email: &str) -> StoreResult<bool> {
    Ok(user::Entity::find()
        .filter(user::Column::Email.eq(email))
        .one(db)
        .await?
        .is_some())
}

/// A member's row before it is written, its fields already checked.
pub struct NewUserRow<'a> {
    pub email: &'a str,
    pub name: &'a str,
    pub role: Role,
    pub country_code: Option<String>,
    pub password_hash: String,
    pub ministry: Option<String>,
    pub title: Option<String>,
    /// The language of their mails.
    pub language: &'static str,
}

/// Inserts a member; `None` when the e-mail is taken.
pub async fn insert(
    db: &impl ConnectionTrait,
    row: NewUserRow<'_>,
    now: DateTime<Utc>,
) -> StoreResult<Option<User>> {
    if email_taken(db, row.email).await? {
        return Ok(None);
    }
    let model = user::ActiveModel {
        id: Set(Uuid::now_v7()),
        email: Set(row.email.to_owned()),
        name: Set(row.name.to_owned()),
        role: Set(row.role.as_str().to_owned()),
        country_code: Set(row.country_code),
        password_hash: Set(row.password_hash),
        active: Set(true),
        ministry: Set(row.ministry),
        title: Set(row.title),
        language: Set(row.language.to_owned()),
        created_at: Set(now),
        updated_at: Set(now),
        ..Default::default()
    };
    match model.insert(db).await {
        Ok(model) => Ok(Some(to_user(&model)?)),
        // Two requests raced for the same e-mail: the unique index decided.
        Err(err)
            if matches!(
                err.sql_err(),
                Some(sea_orm::SqlErr::UniqueConstraintViolation(_))
            ) =>
        {
            Ok(None)
        }
        Err(err) => Err(err.into()),
    }
}

/// Writes a checked change to `member`, in one transaction with ending their sessions when it
/// deactivates them; the write forgets the cached member (here and on the other replicas).
pub async fn update(mut write: Write, member: &User, change: &UserChange) -> StoreResult<User> {
    let now = write.now;
    let mut model = user::ActiveModel {
        id: Unchanged(member.id),
        role: Set(change.role.as_str().to_owned()),
        country_code: Set(change.country_code.clone()),
        updated_at: Set(now),
        ..Default::default()
    };
    if let Some(name) = &change.name {
        model.name = Set(name.clone());
    }
    if let Some(active) = change.active {
        model.active = Set(active);
    }
    let updated = model.update(&write.txn).await?;
    if change.deactivates(member) {
        tokens::revoke_refresh_of_user(&write.txn, member.id, now).await?;
    }
    write.touched(Changed::User(member.id));
    // Their entry in the directory of experts shows their name, and only while they are active.
    if change.name.is_some() || change.active.is_some() {
        write.touched(Changed::Expert(member.id));
    }
    write.commit().await?;
    to_user(&updated)
}

/// The member row with this e-mail (already normalised).
pub async fn find_by_email(
    db: &impl ConnectionTrait,
    email: &str,
) -> StoreResult<Option<user::Model>> {
    Ok(user::Entity::find()
        .filter(user::Column::Email.eq(email))
        .one(db)
        .await?)
}

/// A new password for `member_id`, in the write's transaction; their sessions end with it (a
/// reset is what someone does who fears their password is known).
pub async fn set_password(
    write: &mut Write,
    member_id: Uuid,
    password_hash: String,
) -> StoreResult<()> {
    let now = write.now;
    user::ActiveModel {
        id: Unchanged(member_id),
        password_hash: Set(password_hash),
        updated_at: Set(now),
        ..Default::default()
    }
    .update(&write.txn)
    .await?;
    tokens::revoke_refresh_of_user(&write.txn, member_id, now).await?;
    write.touched(Changed::User(member_id));
    Ok(())
}

/// Makes `member` a focal point of `country`, with their ministry and title, in the write's
/// transaction.
pub async fn make_focal_point(
    write: &mut Write,
    member_id: Uuid,
    country: &str,
    ministry: &str,
    title: &str,
) -> StoreResult<()> {
    user::ActiveModel {
        id: Unchanged(member_id),
        role: Set(Role::CountryFocalPoint.as_str().to_owned()),
        country_code: Set(Some(country.to_owned())),
        ministry: Set(Some(ministry.to_owned())),
        title: Set(Some(title.to_owned())),
        updated_at: Set(write.now),
        ..Default::default()
    }
    .update(&write.txn)
    .await?;
    write.touched(Changed::User(member_id));
    Ok(())
}
