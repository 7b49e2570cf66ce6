//! Background jobs (mails, reminders): their states, and when a failed one is tried again.

use chrono::{DateTime, Duration, Utc};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

/// Tries before a job is left failed for a person to retry.
pub const MAX_ATTEMPTS: i32 = 8;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum JobStatus {
    /// Waiting for its time (`run_at`), or to be tried again.
    Pending,
    /// Taken by a worker, which holds it until `locked_until`.
    Running,
    Done,
    /// Every attempt failed; the secretariat may retry it.
    Failed,
}

impl JobStatus {
    pub const ALL: [Self; 4] = [Self::Pending, Self::Running, Self::Done, Self::Failed];

    pub fn as_str(self) -> &'static str {
        match self {
            Self::Pending => "pending",
            Self::Running => "running",
            Self::Done => "done",
            Self::Failed => "failed",
        }
    }

    pub fn parse(raw: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|s| s.as_str() == raw)
    }
}

/// What happens after attempt number `attempts` (counted from 1) failed: tried again after a
/// delay that doubles from 30 s up to an hour, or given up.
pub fn after_failure(
    attempts: i32,
    max_attempts: i32,
    now: DateTime<Utc>,
) -> Option<DateTime<Utc>> {
    if attempts >= max_attempts {
        return None;
    }
    let exponent = u32::try_from(attempts.clamp(1, 12) - 1).unwrap_or(0);
    let seconds = (30_i64 << exponent).min(3600);
    Some(now + Duration::seconds(seconds))
}

/// A job as the secretariat's outbox lists it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Job {
    pub id: Uuid,
    /// `mail`, `reminder`…
    pub kind: String,
    pub status: JobStatus,
    /// Who or what it is for (a mail's recipient and subject).
    pub summary: String,
    pub attempts: i32,
    pub last_error: Option<String>,
    pub run_at: DateTime<Utc>,
    pub created_at: DateTime<Utc>,
    pub done_at: Option<DateTime<Utc>>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn retries_back_off_then_stop() {
        let now = DateTime::<Utc>::UNIX_EPOCH;
        assert_eq!(after_failure(1, 8, now), Some(now + Duration::seconds(30)));
        assert_eq!(after_failure(2, 8, now), Some(now + Duration::seconds(60)));
        assert_eq!(
            after_failure(7, 8, now),
            Some(now + Duration::seconds(1920))
        );
        assert_eq!(after_failure(8, 8, now), None);
        assert_eq!(
            after_failure(7, 20, now + Duration::zero()).map(|t| t - now),
            Some(Duration::seconds(1920))
        );
        assert_eq!(
            after_failure(12, 20, now).map(|t| t - now),
            Some(Duration::seconds(3600))
        );
    }
}
