//! Queries and writes that handlers share (the repository layer).

pub mod change_feed;
pub mod error;
pub mod roadmap_cache;
pub mod roadmaps;
pub mod row_cache;
pub mod single_flight;

use chrono::{DateTime, Utc};
use pioneer_domain::Role;
use pioneer_domain::page::Paging;
use pioneer_domain::user::User;
use sea_orm::sea_query::Expr;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, Condition, ConnectionTrait, DatabaseConnection, DbErr,
    EntityTrait, FromQueryResult, PaginatorTrait, QueryFilter, QueryResult, QuerySelect, Select,
    Set,
};
use uuid::Uuid;

use crate::auth::secret::{random_token, sha256_hex};
use crate::entities::{api_token, country, refresh_token, user};
pub use error::{StoreError, StoreResult};

pub fn user_dto(model: user::Model) -> StoreResult<User> {
    let role = model
        .role
        .parse::<Role>()
        .map_err(|e| StoreError::corrupt("role", e))?;
    Ok(User {
        id: model.id,
        email: model.email,
        name: model.name,
        role,
        country_code: model.country_code,
        active: model.active,
    })
}

pub async fn country_exists(db: &impl ConnectionTrait, code: &str) -> StoreResult<bool> {
    Ok(country::Entity::find_by_id(code.to_owned())
        .one(db)
        .await?
        .is_some())
}

pub async fn find_user_by_email(
    db: &DatabaseConnection,
    email: &str,
) -> StoreResult<Option<user::Model>> {
    Ok(user::Entity::find()
        .filter(user::Column::Email.eq(email))
        .one(db)
        .await?)
}

/// Inserts a user whose fields are already checked; `None` when the e-mail is taken.
pub async fn insert_user(
    db: &impl ConnectionTrait,
    email: &str,
    name: &str,
    role: Role,
    country_code: Option<String>,
    password_hash: String,
    now: DateTime<Utc>,
) -> StoreResult<Option<user::Model>> {
    if user::Entity::find()
        .filter(user::Column::Email.eq(email))
        .one(db)
        .await?
        .is_some()
    {
        return Ok(None);
    }
    let model = user::ActiveModel {
        id: Set(Uuid::now_v7()),
        email: Set(email.to_owned()),
        name: Set(name.to_owned()),
        role: Set(role.as_str().to_owned()),
        country_code: Set(country_code),
        password_hash: Set(password_hash),
        active: Set(true),
        created_at: Set(now),
        updated_at: Set(now),
    };
    match model.insert(db).await {
        Ok(model) => Ok(Some(model)),
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

/// Starts a new refresh-token family (at login) or continues one (at refresh); answers the token.
pub async fn issue_refresh_token(
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

pub async fn find_refresh_token(
    db: &DatabaseConnection,
    token: &str,
) -> StoreResult<Option<refresh_token::Model>> {
    Ok(refresh_token::Entity::find()
        .filter(refresh_token::Column::TokenHash.eq(sha256_hex(token)))
        .one(db)
        .await?)
}

/// Marks a refresh token used, only if nobody used it first; `false` when somebody did.
pub async fn consume_refresh_token(
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

pub async fn revoke_user_refresh_tokens(
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

/// Rotates a refresh token in one transaction: the old one is consumed and a new one of the
/// same family issued. `None` when the old one had already been used (the caller revokes).
pub async fn rotate_refresh_token(
    db: &DatabaseConnection,
    old: &refresh_token::Model,
    ttl: std::time::Duration,
    now: DateTime<Utc>,
) -> StoreResult<Option<String>> {
    let (_turn, txn) = crate::db::begin_write(db).await?;
    if !consume_refresh_token(&txn, old.id, now).await? {
        txn.rollback().await?;
        return Ok(None);
    }
    let token = issue_refresh_token(&txn, old.user_id, old.family_id, ttl, now).await?;
    txn.commit().await?;
    Ok(Some(token))
}

/// The ISO alpha-3 code that `raw` names (any case, spaces around), or `None` if it cannot be one.
pub fn country_code(raw: &str) -> Option<String> {
    let code = raw.trim().to_ascii_uppercase();
    (code.len() == 3 && code.bytes().all(|b| b.is_ascii_uppercase())).then_some(code)
}

/// The rows whose country `column` is `code`; no row when a filter named no code (see
/// [`country_code`]), on both backends alike: PostgreSQL would otherwise refuse some such values
/// (a NUL) where SQLite finds no row.
pub fn country_is(column: impl ColumnTrait, code: Option<String>) -> Condition {
    match code {
        Some(code) => Condition::all().add(column.eq(code)),
        // An empty "any of" is false.
        None => Condition::any(),
    }
}

pub async fn touch_api_token(
    db: &DatabaseConnection,
    id: Uuid,
    now: DateTime<Utc>,
) -> StoreResult<()> {
    api_token::Entity::update_many()
        .col_expr(api_token::Column::LastUsedAt, Expr::value(now))
        .filter(api_token::Column::Id.eq(id))
        .exec(db)
        .await?;
    Ok(())
}

pub async fn find_active_user(
    db: &DatabaseConnection,
    id: Uuid,
) -> StoreResult<Option<user::Model>> {
    Ok(user::Entity::find_by_id(id)
        .one(db)
        .await?
        .filter(|u| u.active))
}

/// The INSPIRE strategy and SDG indicator codes that roadmaps may name.
pub async fn reference_codes(
    db: &DatabaseConnection,
) -> anyhow::Result<pioneer_domain::roadmap::validation::ReferenceCodes> {
    use crate::entities::{indicator, strategy};
    Ok(pioneer_domain::roadmap::validation::ReferenceCodes {
        strategies: strategy::Entity::find()
            .all(db)
            .await?
            .into_iter()
            .map(|s| s.code)
            .collect(),
        indicators: indicator::Entity::find()
            .all(db)
            .await?
            .into_iter()
            .map(|i| i.code)
            .collect(),
    })
}

/// One page of `select` (filtered and ordered by the caller), and how many rows it pages through.
pub async fn fetch_page<E>(
    db: &DatabaseConnection,
    select: Select<E>,
    paging: Paging,
) -> StoreResult<(Vec<E::Model>, u64)>
where
    E: EntityTrait,
    E::Model: Sync,
{
    // One query: each row carries the total (a window over the whole filtered set).
    let rows = select
        .clone()
        .column_as(Expr::cust("COUNT(*) OVER ()"), PAGE_TOTAL)
        .offset(paging.offset())
        .limit(paging.per_page)
        .into_model::<WithTotal<E::Model>>()
        .all(db)
        .await?;
    let total = match rows.first() {
        Some(first) => u64::try_from(first.total).unwrap_or_default(),
        // Past the last page (or nothing at all): the rows cannot tell how many there are.
        None if paging.offset() > 0 => select.count(db).await?,
        None => 0,
    };
    Ok((rows.into_iter().map(|r| r.row).collect(), total))
}

const PAGE_TOTAL: &str = "page_total";

/// A row of a page and the number of rows of all pages.
struct WithTotal<M> {
    row: M,
    total: i64,
}

impl<M: FromQueryResult> FromQueryResult for WithTotal<M> {
    fn from_query_result(result: &QueryResult, prefix: &str) -> Result<Self, DbErr> {
        Ok(Self {
            row: M::from_query_result(result, prefix)?,
            total: result.try_get(prefix, PAGE_TOTAL)?,
        })
    }
}
