//! Invitations and password resets: single-use links whose tokens are stored as SHA-256.

use chrono::{DateTime, Utc};
use pioneer_domain::Role;
use pioneer_domain::membership::invitation::Invitation;
use pioneer_domain::membership::profile::PendingInvitation;
use sea_orm::sea_query::Expr;
use sea_orm::{
    ActiveValue::Set, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder,
};
use uuid::Uuid;

use super::{StoreError, StoreResult};
use crate::auth::secret::{random_token, sha256_hex};
use crate::entities::{invitation, password_reset};

fn role_of(model: &invitation::Model) -> StoreResult<Role> {
    model
        .role
        .parse::<Role>()
        .map_err(|e| StoreError::corrupt("invitation role", e))
}

pub fn to_invitation(model: &invitation::Model) -> StoreResult<Invitation> {
    Ok(Invitation {
        id: model.id,
        email: model.email.clone(),
        role: role_of(model)?,
        country_code: model.country_code.clone(),
        ministry: model.ministry.clone(),
        invited_by: model.invited_by,
        expires_at: model.expires_at,
        accepted_at: model.accepted_at,
        created_at: model.created_at,
    })
}

/// An invitation to write.
pub struct NewInvitationRow {
    pub email: String,
    pub role: Role,
    pub country_code: Option<String>,
    pub ministry: Option<String>,
    pub title: Option<String>,
    pub name: Option<String>,
    pub language: &'static str,
    pub invited_by: Option<Uuid>,
    pub application_id: Option<Uuid>,
    pub expires_at: DateTime<Utc>,
}

/// Writes an invitation in the caller's transaction; answers it and its link's token (the only
/// time the token exists in clear).
pub async fn insert(
    db: &impl ConnectionTrait,
    row: NewInvitationRow,
    now: DateTime<Utc>,
) -> StoreResult<(invitation::Model, String)> {
    let token = random_token();
    let id = Uuid::now_v7();
    let model = invitation::ActiveModel {
        id: Set(id),
        token_hash: Set(sha256_hex(&token)),
        email: Set(row.email),
        role: Set(row.role.as_str().to_owned()),
        country_code: Set(row.country_code),
        ministry: Set(row.ministry),
        title: Set(row.title),
        name: Set(row.name),
        language: Set(row.language.to_owned()),
        invited_by: Set(row.invited_by),
        application_id: Set(row.application_id),
        expires_at: Set(row.expires_at),
        accepted_at: Set(None),
        accepted_user_id: Set(None),
        created_at: Set(now),
    };
    invitation::Entity::insert(model)
        .exec_without_returning(db)
        .await?;
    let stored = invitation::Entity::find_by_id(id)
        .one(db)
        .await?
        .ok_or_else(|| StoreError::corrupt("invitation", "not found after insert"))?;
    Ok((stored, token))
}

pub async fn find_by_token(
    db: &impl ConnectionTrait,
    token: &str,
) -> StoreResult<Option<invitation::Model>> {
    Ok(invitation::Entity::find()
        .filter(invitation::Column::TokenHash.eq(sha256_hex(token.trim())))
        .one(db)
        .await?)
}

pub async fn find(db: &impl ConnectionTrait, id: Uuid) -> StoreResult<Option<invitation::Model>> {
    Ok(invitation::Entity::find_by_id(id).one(db).await?)
}

/// Marks the invitation used by `user_id`, if nobody used it first (`false`: used already).
pub async fn mark_accepted(
    db: &impl ConnectionTrait,
    id: Uuid,
    user_id: Uuid,
    now: DateTime<Utc>,
) -> StoreResult<bool> {
    let changed = invitation::Entity::update_many()
        .col_expr(invitation::Column::AcceptedAt, Expr::value(now))
        .col_expr(invitation::Column::AcceptedUserId, Expr::value(user_id))
        .filter(invitation::Column::Id.eq(id))
        .filter(invitation::Column::AcceptedAt.is_null())
        .exec(db)
        .await?;
    Ok(changed.rows_affected == 1)
}

/// Withdraws an invitation not yet accepted (`false`: none such).
pub async fn delete_pending(db: &impl ConnectionTrait, id: Uuid) -> StoreResult<bool> {
    let deleted = invitation::Entity::delete_many()
        .filter(invitation::Column::Id.eq(id))
        .filter(invitation::Column::AcceptedAt.is_null())
        .exec(db)
        .await?;
    Ok(deleted.rows_affected == 1)
}

/// The country's invitations still waiting, newest first.
pub async fn pending_of_country(
    db: &impl ConnectionTrait,
    code: &str,
    now: DateTime<Utc>,
) -> StoreResult<Vec<PendingInvitation>> {
    invitation::Entity::find()
        .filter(invitation::Column::CountryCode.eq(code))
        .filter(invitation::Column::AcceptedAt.is_null())
        .filter(invitation::Column::ExpiresAt.gt(now))
        .order_by_desc(invitation::Column::CreatedAt)
        .all(db)
        .await?
        .iter()
        .map(|m| {
            Ok(PendingInvitation {
                id: m.id,
                email: m.email.clone(),
                role: role_of(m)?,
                ministry: m.ministry.clone(),
                expires_at: m.expires_at,
            })
        })
        .collect()
}

/// Writes a password-reset link for `user_id`; answers its token.
pub async fn insert_reset(
    db: &impl ConnectionTrait,
    user_id: Uuid,
    expires_at: DateTime<Utc>,
    now: DateTime<Utc>,
) -> StoreResult<String> {
    let token = random_token();
    password_reset::Entity::insert(password_reset::ActiveModel {
        id: Set(Uuid::now_v7()),
        token_hash: Set(sha256_hex(&token)),
        user_id: Set(user_id),
        expires_at: Set(expires_at),
        used_at: Set(None),
        created_at: Set(now),
    })
    .exec_without_returning(db)
    .await?;
    Ok(token)
}

pub async fn find_reset(
    db: &impl ConnectionTrait,
    token: &str,
) -> StoreResult<Option<password_reset::Model>> {
    Ok(password_reset::Entity::find()
        .filter(password_reset::Column::TokenHash.eq(sha256_hex(token.trim())))
        .one(db)
        .await?)
}

/// Marks the reset link used, if nobody used it first; every other open link of the member is
/// used up too (`false`: it was used already).
pub async fn use_reset(
    db: &impl ConnectionTrait,
    reset: &password_reset::Model,
    now: DateTime<Utc>,
) -> StoreResult<bool> {
    let changed = password_reset::Entity::update_many()
        .col_expr(password_reset::Column::UsedAt, Expr::value(now))
        .filter(password_reset::Column::UserId.eq(reset.user_id))
        .filter(password_reset::Column::UsedAt.is_null())
        .exec(db)
        .await?;
    let this_one_was_open = reset.used_at.is_none() && changed.rows_affected >= 1;
    Ok(this_one_was_open)
}
