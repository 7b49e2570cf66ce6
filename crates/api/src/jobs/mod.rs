//! Background work that must happen, once, even if the server stops: mails and reminders.
//!
//! A job is a row of `jobs` written in the same transaction as the change that causes it
//! ([`enqueue_mail`], [`enqueue_reminder`]), so that a change is never saved without its mail nor
//! a mail sent for a change that was rolled back. Each replica runs a worker ([`worker`]) that
//! claims due jobs one at a time (a compare-and-set in the database: two replicas never run the
//! same job at once), retries failures with a growing delay, and leaves a job `failed` for the
//! secretariat to retry after its last attempt.
//!
//! Why not `apalis`: its SQLite and PostgreSQL storages push jobs through their own `sqlx` pool,
//! outside the `sea-orm` transaction of the change that causes them; writing a job in that
//! transaction, which is what makes a job exist exactly when its change does, would mean writing
//! to apalis's private tables by hand. The queue here is one table and four statements.

pub mod worker;

use chrono::{DateTime, Utc};
use pioneer_domain::jobs::MAX_ATTEMPTS;
use serde::{Deserialize, Serialize};

use crate::mail::OutgoingMail;
use crate::store::jobs::{NewJob, enqueue};
use crate::store::{Connection, StoreError, StoreResult};

pub const MAIL: &str = "mail";
pub const REMINDER: &str = "reminder";

/// A reminder job: when run, it writes one mail per focal point of the country.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReminderJob {
    pub year: i32,
    pub country_code: String,
    /// Sent by the schedule rather than by a person.
    pub automatic: bool,
}

fn json<T: Serialize>(value: &T) -> StoreResult<String> {
    serde_json::to_string(value).map_err(|e| StoreError::corrupt("job payload", e))
}

/// Writes a mail job on `db` (the transaction of the change it tells about). `dedupe_key`: a mail
/// that must go once, whatever writes it again.
pub async fn enqueue_mail(
    db: &impl Connection,
    mail: &OutgoingMail,
    dedupe_key: Option<String>,
    now: DateTime<Utc>,
) -> StoreResult<bool> {
    enqueue(
        db,
        NewJob {
            kind: MAIL,
            payload: json(mail)?,
            summary: mail.summary(),
            run_at: now,
            max_attempts: MAX_ATTEMPTS,
            dedupe_key,
        },
        now,
    )
    .await
}

/// Writes a reminder job; an automatic one is written once per country and cycle (`false`:
/// it already was).
pub async fn enqueue_reminder(
    db: &impl Connection,
    reminder: &ReminderJob,
    now: DateTime<Utc>,
) -> StoreResult<bool> {
    let dedupe_key = reminder
        .automatic
        .then(|| format!("reminder:{}:{}", reminder.year, reminder.country_code));
    enqueue(
        db,
        NewJob {
            kind: REMINDER,
            payload: json(reminder)?,
            summary: format!(
                "{} {} — {}",
                reminder.country_code,
                reminder.year,
                if reminder.automatic {
                    "automatic reminder"
                } else {
                    "reminder"
                }
            ),
            run_at: now,
            max_attempts: MAX_ATTEMPTS,
            dedupe_key,
        },
        now,
    )
    .await
}
