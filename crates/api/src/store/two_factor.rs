//! Two-factor sign-in's rows: a member's TOTP secret (pending until confirmed), the last time
//! step accepted (a code works once), and recovery codes (stored as SHA-256, each used once).

use chrono::{DateTime, Utc};
use sea_orm::sea_query::Expr;
use sea_orm::{
    ActiveValue::Set, ColumnTrait, Condition, ConnectionTrait, DatabaseConnection, EntityTrait,
    PaginatorTrait, QueryFilter,
};
use uuid::Uuid;

use super::StoreResult;
use super::change_feed::Changed;
use super::row_cache::RowCaches;
use super::write::Write;
use crate::auth::totp::recovery_code_hash;
use crate::entities::{recovery_code, user};

/// A member's two-factor state.
pub struct TotpState {
    pub user: user::Model,
    pub recovery_codes_left: u64,
}

pub async fn state_of(db: &impl ConnectionTrait, user_id: Uuid) -> StoreResult<Option<TotpState>> {
    let Some(user) = user::Entity::find_by_id(user_id).one(db).await? else {
        return Ok(None);
    };
    let recovery_codes_left = recovery_code::Entity::find()
        .filter(recovery_code::Column::UserId.eq(user_id))
        .filter(recovery_code::Column::UsedAt.is_null())
        .count(db)
        .await?;
    Ok(Some(TotpState {
        user,
        recovery_codes_left,
    }))
}

/// Keeps a secret handed out for enrolment, until a code confirms it.
pub async fn set_pending(write: &mut Write, user_id: Uuid, secret: &str) -> StoreResult<()> {
    user::Entity::update_many()
        .col_expr(user::Column::TotpPendingSecret, Expr::value(secret))
        .col_expr(user::Column::UpdatedAt, Expr::value(write.now))
        .filter(user::Column::Id.eq(user_id))
        .exec(&write.txn)
        .await?;
    write.touched(Changed::User(user_id));
    Ok(())
}

/// Puts the pending secret `secret` in force, with `step` as the last one used and new recovery
/// codes (the old ones are gone), in the write's transaction. `false` (and nothing written) when
/// the secret is no longer the pending one or two-factor sign-in is already on: of two
/// confirmations at once, one wins.
pub async fn enable(
    write: &mut Write,
    user_id: Uuid,
    secret: &str,
    step: i64,
    recovery_codes: &[String],
) -> StoreResult<bool> {
    let now = write.now;
    let changed = user::Entity::update_many()
        .col_expr(user::Column::TotpSecret, Expr::value(secret))
        .col_expr(
            user::Column::TotpPendingSecret,
            Expr::value(Option::<String>::None),
        )
        .col_expr(user::Column::TotpEnabledAt, Expr::value(now))
        .col_expr(user::Column::TotpLastStep, Expr::value(step))
        .col_expr(user::Column::UpdatedAt, Expr::value(now))
        .filter(user::Column::Id.eq(user_id))
        .filter(user::Column::TotpSecret.is_null())
        .filter(user::Column::TotpPendingSecret.eq(secret))
        .exec(&write.txn)
        .await?;
    if changed.rows_affected != 1 {
        return Ok(false);
    }
    recovery_code::Entity::delete_many()
        .filter(recovery_code::Column::UserId.eq(user_id))
        .exec(&write.txn)
        .await?;
    let rows = recovery_codes
        .iter()
        .map(|code| recovery_code::ActiveModel {
            id: Set(Uuid::now_v7()),
            user_id: Set(user_id),
            code_hash: Set(recovery_code_hash(code)),
            used_at: Set(None),
            created_at: Set(now),
        });
    recovery_code::Entity::insert_many(rows)
        .exec_without_returning(&write.txn)
        .await?;
    write.touched(Changed::User(user_id));
    Ok(true)
}

/// Turns two-factor sign-in off: the secret and the recovery codes are gone.
pub async fn disable(write: &mut Write, user_id: Uuid) -> StoreResult<()> {
    user::Entity::update_many()
        .col_expr(
            user::Column::TotpSecret,
            Expr::value(Option::<String>::None),
        )
        .col_expr(
            user::Column::TotpPendingSecret,
            Expr::value(Option::<String>::None),
        )
        .col_expr(
            user::Column::TotpEnabledAt,
            Expr::value(Option::<DateTime<Utc>>::None),
        )
        .col_expr(user::Column::TotpLastStep, Expr::value(Option::<i64>::None))
        .col_expr(user::Column::UpdatedAt, Expr::value(write.now))
        .filter(user::Column::Id.eq(user_id))
        .exec(&write.txn)
        .await?;
    recovery_code::Entity::delete_many()
        .filter(recovery_code::Column::UserId.eq(user_id))
        .exec(&write.txn)
        .await?;
    write.touched(Changed::User(user_id));
    Ok(())
}

/// Accepts the time step `step` for the member if it is later than the last one accepted (and
/// two-factor sign-in is on): of two sign-ins with the same code, only one changes the row.
pub async fn accept_step(write: &mut Write, user_id: Uuid, step: i64) -> StoreResult<bool> {
    let changed = user::Entity::update_many()
        .col_expr(user::Column::TotpLastStep, Expr::value(step))
        .filter(user::Column::Id.eq(user_id))
        .filter(user::Column::TotpSecret.is_not_null())
        .filter(
            Condition::any()
                .add(user::Column::TotpLastStep.is_null())
                .add(user::Column::TotpLastStep.lt(step)),
        )
        .exec(&write.txn)
        .await?;
    write.touched(Changed::User(user_id));
    Ok(changed.rows_affected == 1)
}

/// Uses up one of the member's recovery codes, if `code` is one not used yet.
pub async fn use_recovery_code(write: &mut Write, user_id: Uuid, code: &str) -> StoreResult<bool> {
    let changed = recovery_code::Entity::update_many()
        .col_expr(recovery_code::Column::UsedAt, Expr::value(write.now))
        .filter(recovery_code::Column::UserId.eq(user_id))
        .filter(recovery_code::Column::CodeHash.eq(recovery_code_hash(code)))
        .filter(recovery_code::Column::UsedAt.is_null())
        .exec(&write.txn)
        .await?;
    Ok(changed.rows_affected == 1)
}

/// Whether the member has two-factor sign-in on, from the row cache (the request's extractor
/// has just read the same row, so this costs no query).
pub async fn enabled_cached(
    rows: &RowCaches,
    db: &DatabaseConnection,
    user_id: Uuid,
) -> StoreResult<bool> {
    let row = rows
        .users
        .get(user_id, user::Entity::find_by_id(user_id).one(db))
        .await?;
    Ok(row.is_some_and(|row| row.totp_secret.is_some()))
}
