//! Each replica's worker: runs due jobs one at a time, and writes the automatic reminders when
//! a cycle's due date comes near.

use std::time::Duration;

use actix_web::web;
use chrono::Duration as ChronoDuration;
use pioneer_domain::jobs::after_failure;
use tokio::task::JoinHandle;
use uuid::Uuid;

use super::{MAIL, REMINDER, ReminderJob};
use crate::db::begin_write;
use crate::entities::job;
use crate::mail::OutgoingMail;
use crate::reminders;
use crate::state::AppState;
use crate::store::{self, StoreError};

/// The worker's tasks; they stop when this is dropped (with the server).
pub struct Worker {
    tasks: Vec<JoinHandle<()>>,
}

impl Drop for Worker {
    fn drop(&mut self) {
        for task in &self.tasks {
            task.abort();
        }
    }
}

/// Starts the job loop and the reminder schedule, unless `JOBS_WORKER=off`.
pub fn spawn(state: web::Data<AppState>) -> Worker {
    if !state.config.jobs.worker {
        tracing::info!("JOBS_WORKER=off: this replica runs no background jobs");
        return Worker { tasks: Vec::new() };
    }
    let worker_id = format!("{}-{}", std::process::id(), Uuid::now_v7().simple());
    let jobs = tokio::spawn(job_loop(state.clone(), worker_id));
    let schedule = tokio::spawn(reminder_schedule(state));
    Worker {
        tasks: vec![jobs, schedule],
    }
}

async fn job_loop(state: web::Data<AppState>, worker_id: String) {
    let poll = state.config.jobs.poll_interval;
    loop {
        match run_next(&state, &worker_id).await {
            Ok(true) => continue,
            Ok(false) => {}
            Err(err) => tracing::warn!(error = %err, "the job worker could not reach the database"),
        }
        tokio::select! {
            () = state.job_wake.notified() => {}
            () = tokio::time::sleep(poll) => {}
        }
    }
}

/// Claims and runs the next due job; `false` when none is due.
async fn run_next(state: &AppState, worker_id: &str) -> Result<bool, StoreError> {
    let lease =
        ChronoDuration::from_std(state.config.jobs.lease).unwrap_or(ChronoDuration::minutes(2));
    let claimed = {
        let (_turn, txn) = begin_write(&state.db).await?;
        let claimed = store::jobs::claim_next(&txn, worker_id, state.clock.now(), lease).await?;
        txn.commit().await?;
        claimed
    };
    let Some(job) = claimed else {
        return Ok(false);
    };
    let outcome = run(state, &job).await;
    let now = state.clock.now();
    match outcome {
        Ok(()) => {
            crate::metrics::job_done(&job.kind, true);
            store::jobs::finish(&state.db, job.id, worker_id, now).await?;
        }
        Err(failure) => {
            crate::metrics::job_done(&job.kind, false);
            let retry_at = if failure.permanent {
                None
            } else {
                after_failure(job.attempts, job.max_attempts, now)
            };
            tracing::warn!(job_id = %job.id, kind = %job.kind, attempt = job.attempts, error = %failure.message, retry = retry_at.is_some(), "job failed");
            store::jobs::fail(
                &state.db,
                job.id,
                worker_id,
                &failure.message,
                retry_at,
                now,
            )
            .await?;
        }
    }
    Ok(true)
}

struct Failure {
    message: String,
    /// Retrying cannot help (a payload this build cannot read, an address that cannot be used).
    permanent: bool,
}

impl Failure {
    fn permanent(message: impl std::fmt::Display) -> Self {
        Self {
            message: message.to_string(),
            permanent: true,
        }
    }

    fn transient(message: impl std::fmt::Display) -> Self {
        Self {
            message: message.to_string(),
            permanent: false,
        }
    }
}

async fn run(state: &AppState, job: &job::Model) -> Result<(), Failure> {
    match job.kind.as_str() {
        MAIL => {
            let mail: OutgoingMail =
                serde_json::from_str(&job.payload).map_err(Failure::permanent)?;
            state
                .mailer
                .send(&mail, job.id, state.clock.now())
                .await
                .map_err(|e| Failure {
                    permanent: e.is_permanent(),
                    message: e.to_string(),
                })
        }
        REMINDER => {
            let reminder: ReminderJob =
                serde_json::from_str(&job.payload).map_err(Failure::permanent)?;
            reminders::write_mails(state, &reminder, job.id)
                .await
                .map_err(Failure::transient)?;
            state.job_wake.notify_one();
            Ok(())
        }
        other => Err(Failure::permanent(format!("unknown job kind `{other}`"))),
    }
}

/// Every `REMINDER_CHECK_SECS`, writes the automatic reminders that are due (once per country and
/// cycle: every replica may try, the unique key lets one through).
async fn reminder_schedule(state: web::Data<AppState>) {
    let every = state.config.jobs.reminder_check_interval;
    // Not all replicas at the same instant after a deployment.
    tokio::time::sleep(Duration::from_millis(u64::from(std::process::id() % 1000))).await;
    loop {
        if let Err(err) = reminders::write_automatic(&state).await {
            tracing::warn!(error = %err, "automatic reminders could not be written");
        }
        match crate::digests::write_due(&state).await {
            Ok(0) => {}
            Ok(written) => tracing::info!(written, "daily digests written"),
            Err(err) => tracing::warn!(error = %err, "daily digests could not be written"),
        }
        match crate::events::write_reminders(&state).await {
            Ok(0) => {}
            Ok(written) => tracing::info!(written, "event reminders written"),
            Err(err) => tracing::warn!(error = %err, "event reminders could not be written"),
        }
        tokio::time::sleep(every).await;
    }
}
