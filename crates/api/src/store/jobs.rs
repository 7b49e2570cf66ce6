//! The durable job queue's rows: writing a job (in the caller's transaction), claiming the next
//! due one, and recording how it went.
//!
//! A worker claims a job with a compare-and-set `UPDATE … WHERE id = ? AND <still claimable>`:
//! of two replicas that pick the same row, one changes it and the other changes nothing and
//! moves on. A claim is a lease: a worker killed mid-job leaves the row `running` until
//! `locked_until`, after which any worker takes it again.

use chrono::{DateTime, Duration, Utc};
use pioneer_domain::jobs::{Job, JobStatus};
use pioneer_domain::page::Paging;
use sea_orm::sea_query::{Expr, ExprTrait, OnConflict};
use sea_orm::{
    ActiveValue::Set, ColumnTrait, Condition, ConnectionTrait, EntityTrait, QueryFilter,
    QueryOrder, QuerySelect,
};
use uuid::Uuid;

use super::{StoreError, StoreResult, fetch_page};
use crate::entities::job;

/// A job to write.
pub struct NewJob {
    pub kind: &'static str,
    /// JSON.
    pub payload: String,
    pub summary: String,
    pub run_at: DateTime<Utc>,
    pub max_attempts: i32,
    /// A job with a key is written once: a second one with the same key is not written.
    pub dedupe_key: Option<String>,
}

/// Writes `new` on `db` (a transaction, so that the job exists if and only if the change that
/// causes it does). `false`: a job with its `dedupe_key` already exists.
pub async fn enqueue(
    db: &impl ConnectionTrait,
    new: NewJob,
    now: DateTime<Utc>,
) -> StoreResult<bool> {
    let summary: String = new.summary.chars().take(400).collect();
    let model = job::ActiveModel {
        id: Set(Uuid::now_v7()),
        kind: Set(new.kind.to_owned()),
        payload: Set(new.payload),
        summary: Set(summary),
        status: Set(JobStatus::Pending.as_str().to_owned()),
        attempts: Set(0),
        max_attempts: Set(new.max_attempts),
        run_at: Set(new.run_at),
        locked_by: Set(None),
        locked_until: Set(None),
        last_error: Set(None),
        dedupe_key: Set(new.dedupe_key),
        created_at: Set(now),
        updated_at: Set(now),
        done_at: Set(None),
    };
    let inserted = job::Entity::insert(model)
        .on_conflict(
            OnConflict::column(job::Column::DedupeKey)
                .do_nothing()
                .to_owned(),
        )
        .exec_without_returning(db)
        .await?;
    Ok(inserted > 0)
}

/// Claims the next due job for `worker` until `now + lease`, counting the attempt. Jobs whose
/// worker's lease ran out (it crashed) are due again.
pub async fn claim_next(
    db: &impl ConnectionTrait,
    worker: &str,
    now: DateTime<Utc>,
    lease: Duration,
) -> StoreResult<Option<job::Model>> {
    let claimable = || {
        Condition::any()
            .add(
                Condition::all()
                    .add(job::Column::Status.eq(JobStatus::Pending.as_str()))
                    .add(job::Column::RunAt.lte(now)),
            )
            .add(
                Condition::all()
                    .add(job::Column::Status.eq(JobStatus::Running.as_str()))
                    .add(job::Column::LockedUntil.lt(now)),
            )
    };
    let candidates: Vec<Uuid> = job::Entity::find()
        .select_only()
        .column(job::Column::Id)
        .filter(claimable())
        .order_by_asc(job::Column::RunAt)
        .limit(8)
        .into_tuple()
        .all(db)
        .await?;
    for id in candidates {
        let claimed = job::Entity::update_many()
            .col_expr(
                job::Column::Status,
                Expr::value(JobStatus::Running.as_str()),
            )
            .col_expr(job::Column::LockedBy, Expr::value(worker))
            .col_expr(job::Column::LockedUntil, Expr::value(now + lease))
            .col_expr(
                job::Column::Attempts,
                Expr::col(job::Column::Attempts).add(1),
            )
            .col_expr(job::Column::UpdatedAt, Expr::value(now))
            .filter(job::Column::Id.eq(id))
            .filter(claimable())
            .exec(db)
            .await?;
        if claimed.rows_affected == 1 {
            return Ok(job::Entity::find_by_id(id).one(db).await?);
        }
    }
    Ok(None)
}

/// The job ran: it is done (if `worker` still held it).
pub async fn finish(
    db: &impl ConnectionTrait,
    id: Uuid,
    worker: &str,
    now: DateTime<Utc>,
) -> StoreResult<()> {
    job::Entity::update_many()
        .col_expr(job::Column::Status, Expr::value(JobStatus::Done.as_str()))
        .col_expr(job::Column::DoneAt, Expr::value(now))
        .col_expr(job::Column::LockedBy, Expr::value(Option::<String>::None))
        .col_expr(
            job::Column::LockedUntil,
            Expr::value(Option::<DateTime<Utc>>::None),
        )
        .col_expr(job::Column::LastError, Expr::value(Option::<String>::None))
        .col_expr(job::Column::UpdatedAt, Expr::value(now))
        .filter(job::Column::Id.eq(id))
        .filter(job::Column::LockedBy.eq(worker))
        .exec(db)
        .await?;
    Ok(())
}

/// The attempt failed with `error`: tried again at `retry_at`, or left failed when `None`.
pub async fn fail(
    db: &impl ConnectionTrait,
    id: Uuid,
    worker: &str,
    error: &str,
    retry_at: Option<DateTime<Utc>>,
    now: DateTime<Utc>,
) -> StoreResult<()> {
    let (status, run_at) = match retry_at {
        Some(at) => (JobStatus::Pending, at),
        None => (JobStatus::Failed, now),
    };
    let error: String = error.chars().take(2000).collect();
    job::Entity::update_many()
        .col_expr(job::Column::Status, Expr::value(status.as_str()))
        .col_expr(job::Column::RunAt, Expr::value(run_at))
        .col_expr(job::Column::LastError, Expr::value(error))
        .col_expr(job::Column::LockedBy, Expr::value(Option::<String>::None))
        .col_expr(
            job::Column::LockedUntil,
            Expr::value(Option::<DateTime<Utc>>::None),
        )
        .col_expr(job::Column::UpdatedAt, Expr::value(now))
        .filter(job::Column::Id.eq(id))
        .filter(job::Column::LockedBy.eq(worker))
        .exec(db)
        .await?;
    Ok(())
}

/// A failed job is tried again now, with its attempts counted afresh. `None`: no such job, or
/// it has not failed.
pub async fn retry(
    db: &impl ConnectionTrait,
    id: Uuid,
    now: DateTime<Utc>,
) -> StoreResult<Option<Job>> {
    let changed = job::Entity::update_many()
        .col_expr(
            job::Column::Status,
            Expr::value(JobStatus::Pending.as_str()),
        )
        .col_expr(job::Column::Attempts, Expr::value(0))
        .col_expr(job::Column::RunAt, Expr::value(now))
        .col_expr(job::Column::UpdatedAt, Expr::value(now))
        .filter(job::Column::Id.eq(id))
        .filter(job::Column::Status.eq(JobStatus::Failed.as_str()))
        .exec(db)
        .await?;
    if changed.rows_affected == 0 {
        return Ok(None);
    }
    job::Entity::find_by_id(id)
        .one(db)
        .await?
        .as_ref()
        .map(to_job)
        .transpose()
}

pub async fn find(db: &impl ConnectionTrait, id: Uuid) -> StoreResult<Option<Job>> {
    job::Entity::find_by_id(id)
        .one(db)
        .await?
        .as_ref()
        .map(to_job)
        .transpose()
}

/// One page of jobs, newest first, of a status and kind when given.
pub async fn list(
    db: &sea_orm::DatabaseConnection,
    status: Option<JobStatus>,
    kind: Option<&str>,
    paging: Paging,
) -> StoreResult<(Vec<Job>, u64)> {
    let mut select = job::Entity::find();
    if let Some(status) = status {
        select = select.filter(job::Column::Status.eq(status.as_str()));
    }
    if let Some(kind) = kind {
        select = select.filter(job::Column::Kind.eq(kind));
    }
    let (rows, total) =
        fetch_page(db, select.order_by_desc(job::Column::CreatedAt), paging).await?;
    let jobs = rows.iter().map(to_job).collect::<StoreResult<Vec<_>>>()?;
    Ok((jobs, total))
}

pub fn to_job(model: &job::Model) -> StoreResult<Job> {
    let status = JobStatus::parse(&model.status)
        .ok_or_else(|| StoreError::corrupt("job status", model.status.clone()))?;
    Ok(Job {
        id: model.id,
        kind: model.kind.clone(),
        status,
        summary: model.summary.clone(),
        attempts: model.attempts,
        last_error: model.last_error.clone(),
        run_at: model.run_at,
        created_at: model.created_at,
        done_at: model.done_at,
    })
}
