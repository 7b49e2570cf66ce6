//! Reminders to the countries that have not submitted their report in a cycle.

use chrono::{Duration, NaiveDate};
use serde::{Deserialize, Serialize};

use super::tracker::{Tracker, TrackerStatus};
use super::{CycleStatus, ReportingCycle};

/// Whether a country in this state still owes its report: not started, a draft, or sent back
/// for changes (a submitted or accepted report is with the reviewers or done).
pub fn awaits_submission(status: TrackerStatus) -> bool {
    matches!(
        status,
        TrackerStatus::NotStarted | TrackerStatus::Draft | TrackerStatus::ChangesRequested
    )
}

/// The countries of the tracker that still owe their report, by code.
pub fn countries_to_remind(tracker: &Tracker) -> Vec<String> {
    tracker
        .rows
        .iter()
        .filter(|row| awaits_submission(row.status))
        .map(|row| row.country_code.clone())
        .collect()
}

/// Whether the automatic reminder of `cycle` goes out on `today`: the cycle is open and its due
/// date is at most `days_before` days away (and not past). Zero days: never.
pub fn automatic_reminder_due(cycle: &ReportingCycle, today: NaiveDate, days_before: u32) -> bool {
    days_before > 0
        && cycle.status == CycleStatus::Open
        && today <= cycle.due_on
        && cycle.due_on - Duration::days(i64::from(days_before)) <= today
}

/// A country a reminder went to.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct RemindedCountry {
    pub country_code: String,
    pub name: String,
    /// How many of its focal points the mail goes to (0: the country has no focal point account
    /// yet; the secretariat must reach it another way).
    pub recipients: u32,
}

/// `POST /reporting-cycles/{year}/reminders`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Reminders {
    pub year: i32,
    pub countries: Vec<RemindedCountry>,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cycle(status: CycleStatus) -> ReportingCycle {
        ReportingCycle {
            year: 2025,
            opens_on: NaiveDate::from_ymd_opt(2026, 1, 15).expect("date"),
            due_on: NaiveDate::from_ymd_opt(2026, 3, 31).expect("date"),
            status,
        }
    }

    #[test]
    fn the_automatic_reminder_is_due_in_the_days_before_the_due_date() {
        let day = |m, d| NaiveDate::from_ymd_opt(2026, m, d).expect("date");
        let open = cycle(CycleStatus::Open);
        assert!(!automatic_reminder_due(&open, day(3, 16), 14));
        assert!(automatic_reminder_due(&open, day(3, 17), 14));
        assert!(automatic_reminder_due(&open, day(3, 31), 14));
        assert!(
            !automatic_reminder_due(&open, day(4, 1), 14),
            "past the due date"
        );
        assert!(!automatic_reminder_due(&open, day(3, 20), 0), "turned off");
        assert!(!automatic_reminder_due(
            &cycle(CycleStatus::Closed),
            day(3, 20),
            14
        ));
    }

    #[test]
    fn only_countries_that_owe_their_report_are_reminded() {
        use TrackerStatus::*;
        let owed: Vec<_> = [NotStarted, Draft, Submitted, ChangesRequested, Accepted]
            .into_iter()
            .filter(|s| awaits_submission(*s))
            .collect();
        assert_eq!(owed, [NotStarted, Draft, ChangesRequested]);
    }
}
