//! Refresh tokens (single use, in families) and integrators' API tokens. Only hashes are stored.

use std::sync::Arc;

use chrono::{DateTime, Utc};
use pioneer_domain::auth::{ApiToken, ValidNewApiToken};
use pioneer_domain::page::Paging;
use sea_orm::sea_query::Expr;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait, ModelTrait,
    QueryFilter, QueryOrder, Set,
};
use uuid::Uuid;

use super::change_feed::Changed;
use super::row_cache::RowCaches;
use super::write::Write;
use super::{StoreResult, fetch_page};
use crate::auth::secret::{API_TOKEN_PREFIX, api_token_key, random_token, sha256_hex};
use crate::entities::{api_token, refresh_token};

pub use crate::entities::api_token::Model as ApiTokenRow;
pub use crate::entities::refresh_token::Model as RefreshTokenRow;

/// Starts a new refresh-token family (at login) or continues one (at refresh); answers the token.
pub async fn issue_refresh(
    db: &impl ConnectionTrait,
    user_id: Uuid,
    family_id: Uuid,
    ttl: std::time::Duration,
    now: DateTime<Utc>,
) -> StoreResult<String> {
    let token = random_token();
    let ttl = chrono::Duration::from_std(ttl).unwrap_or(chrono::Duration::MAX);
    refresh_token::ActiveModel {
        id: Set(Uuid::now_v7()),
        user_id: Set(user_id),
        family_id: Set(family_id),
        token_hash: Set(sha256_hex(&token)),
        expires_at: Set(now + ttl),
        used_at: Set(None),
        revoked_at: Set(None),
        created_at: Set(now),
    }
    .insert(db)
    .await?;
    Ok(token)
}

/// The refresh token whose secret is `token`, whatever its state.
pub async fn find_refresh(
    db: &DatabaseConnection,
    token: &str,
) -> StoreResult<Option<RefreshTokenRow>> {
    Ok(refresh_token::Entity::find()
        .filter(refresh_token::Column::TokenHash.eq(sha256_hex(token)))
        .one(db)
        .await?)
}

/// Marks a refresh token used, only if nobody used it first; `false` when somebody did.
async fn consume_refresh(
    db: &impl ConnectionTrait,
    id: Uuid,
    now: DateTime<Utc>,
) -> StoreResult<bool> {
    let result = refresh_token::Entity::update_many()
        .col_expr(refresh_token::Column::UsedAt, Expr::value(now))
        .filter(refresh_token::Column::Id.eq(id))
        .filter(refresh_token::Column::UsedAt.is_null())
        .filter(refresh_token::Column::RevokedAt.is_null())
        .exec(db)
        .await?;
    Ok(result.rows_affected == 1)
}

/// Rotates a refresh token in one transaction: the old one is consumed and a new one of the
/// same family issued. `None` when the old one had already been used (the caller revokes).
pub async fn rotate_refresh(
    db: &DatabaseConnection,
    old: &RefreshTokenRow,
    ttl: std::time::Duration,
    now: DateTime<Utc>,
) -> StoreResult<Option<String>> {
    let (_turn, txn) = crate::db::begin_write(db).await?;
    if !consume_refresh(&txn, old.id, now).await? {
        txn.rollback().await?;
        return Ok(None);
    }
    let token = issue_refresh(&txn, old.user_id, old.family_id, ttl, now).await?;
    txn.commit().await?;
    Ok(Some(token))
}

pub async fn revoke_refresh_family(
    db: &impl ConnectionTrait,
    family_id: Uuid,
    now: DateTime<Utc>,
) -> StoreResult<()> {
    refresh_token::Entity::update_many()
        .col_expr(refresh_token::Column::RevokedAt, Expr::value(now))
        .filter(refresh_token::Column::FamilyId.eq(family_id))
        .filter(refresh_token::Column::RevokedAt.is_null())
        .exec(db)
        .await?;
    Ok(())
}

/// Ends every session of a member (their account was deactivated).
pub async fn revoke_refresh_of_user(
    db: &impl ConnectionTrait,
    user_id: Uuid,
    now: DateTime<Utc>,
) -> StoreResult<()> {
    refresh_token::Entity::update_many()
        .col_expr(refresh_token::Column::RevokedAt, Expr::value(now))
        .filter(refresh_token::Column::UserId.eq(user_id))
        .filter(refresh_token::Column::RevokedAt.is_null())
        .exec(db)
        .await?;
    Ok(())
}

/// One page of a member's API tokens, newest first, without their secrets.
pub async fn list_api_tokens(
    db: &DatabaseConnection,
    user_id: Uuid,
    paging: Paging,
) -> StoreResult<(Vec<ApiToken>, u64)> {
    let select = api_token::Entity::find()
        .filter(api_token::Column::UserId.eq(user_id))
        .order_by_desc(api_token::Column::CreatedAt);
    let (rows, total) = fetch_page(db, select, paging).await?;
    Ok((rows.into_iter().map(ApiToken::from).collect(), total))
}

/// Creates an API token for `user_id`; the answer carries the secret, which is stored only as
/// its hash and so can never be shown again.
pub async fn create_api_token(
    db: &DatabaseConnection,
    user_id: Uuid,
    token: ValidNewApiToken,
    now: DateTime<Utc>,
) -> StoreResult<ApiToken> {
    let secret = format!("{API_TOKEN_PREFIX}{}", random_token());
    let created = api_token::ActiveModel {
        id: Set(Uuid::now_v7()),
        user_id: Set(user_id),
        name: Set(token.name),
        token_hash: Set(sha256_hex(&secret)),
        created_at: Set(now),
        expires_at: Set(token.expires_at),
        last_used_at: Set(None),
        scopes: Set(serde_json::to_string(&token.scopes).unwrap_or_else(|_| "[]".into())),
    }
    .insert(db)
    .await?;
    Ok(ApiToken {
        token: Some(secret),
        ..ApiToken::from(created)
    })
}

/// Deletes the API token `id` if its writer's member owns it; `false` otherwise (another
/// member's token is as good as missing). The write forgets the cached token, so it stops
/// working at once, here and on the other replicas.
pub async fn delete_api_token(mut write: Write, id: Uuid) -> StoreResult<bool> {
    let Some(token) = api_token::Entity::find_by_id(id)
        .filter(api_token::Column::UserId.eq(write.actor_id))
        .one(&write.txn)
        .await?
    else {
        return Ok(false);
    };
    write.touched(Changed::ApiToken(api_token_key(&token.token_hash)));
    token.delete(&write.txn).await?;
    write.commit().await?;
    Ok(true)
}

/// The API token whose secret is `secret`, through the row cache (an integrator's requests then
/// cost no query for it).
pub async fn find_api_token_cached(
    rows: &RowCaches,
    db: &DatabaseConnection,
    secret: &str,
) -> StoreResult<Option<Arc<ApiTokenRow>>> {
    let hash = sha256_hex(secret);
    let row = rows
        .api_tokens
        .get(
            api_token_key(&hash),
            api_token::Entity::find()
                .filter(api_token::Column::TokenHash.eq(hash.as_str()))
                .one(db),
        )
        .await?;
    // The cache's key is half the hash: a row that agrees on it only is another token.
    Ok(row.filter(|row| row.token_hash == hash))
}

/// Records that an API token was used at the write's moment; the write forgets the old
/// `last_used_at`.
pub async fn touch_api_token(mut write: Write, token: &ApiTokenRow) -> StoreResult<()> {
    api_token::Entity::update_many()
        .col_expr(api_token::Column::LastUsedAt, Expr::value(write.now))
        .filter(api_token::Column::Id.eq(token.id))
        .exec(&write.txn)
        .await?;
    write.touched(Changed::ApiToken(api_token_key(&token.token_hash)));
    write.commit().await
}
