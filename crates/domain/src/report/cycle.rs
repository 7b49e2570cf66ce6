//! Reporting cycles: the secretariat opens one a year; every country with an approved roadmap is
//! then expected to report by its due date. Closing a cycle makes its reports read-only.

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

use super::names;
use crate::review::WorkflowError;
use crate::roadmap::RoadmapStatus;
use crate::{ErrorCode, FieldError};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum CycleStatus {
    Open,
    Closed,
}

names!(CycleStatus {
    Open => "open",
    Closed => "closed",
});

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ReportingCycle {
    #[cfg_attr(feature = "openapi", schema(example = 2025))]
    pub year: i32,
    #[cfg_attr(feature = "openapi", schema(example = "2026-01-15"))]
    pub opens_on: NaiveDate,
    #[cfg_attr(feature = "openapi", schema(example = "2026-03-31"))]
    pub due_on: NaiveDate,
    pub status: CycleStatus,
}

/// `POST /reporting-cycles`.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct NewReportingCycle {
    /// The year reported on.
    #[cfg_attr(feature = "openapi", schema(minimum = 2000, maximum = 2100))]
    pub year: i32,
    pub opens_on: NaiveDate,
    pub due_on: NaiveDate,
}

/// `PATCH /reporting-cycles/{year}`: the dates while the cycle is open; `status` closes or
/// reopens it.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ReportingCyclePatch {
    pub opens_on: Option<NaiveDate>,
    pub due_on: Option<NaiveDate>,
    pub status: Option<CycleStatus>,
}

pub const FIRST_YEAR: i32 = 2000;
pub const LAST_YEAR: i32 = 2100;

/// A report is written against the approved version of a roadmap.
pub fn check_reported_on(roadmap: RoadmapStatus) -> Result<(), WorkflowError> {
    if roadmap == RoadmapStatus::Approved {
        Ok(())
    } else {
        Err(WorkflowError {
            code: ErrorCode::RoadmapNotApproved,
            message: "a report is written against the approved version of the roadmap".into(),
        })
    }
}

/// Checks a new cycle: a plausible year, and a due date on or after the opening.
pub fn check_new(input: &NewReportingCycle) -> Result<ReportingCycle, Vec<FieldError>> {
    let mut errors = Vec::new();
    if !(FIRST_YEAR..=LAST_YEAR).contains(&input.year) {
        errors.push(FieldError::new(
            "year",
            "out_of_range",
            format!("the year must be between {FIRST_YEAR} and {LAST_YEAR}"),
        ));
    }
    if input.due_on < input.opens_on {
        errors.push(due_before_opening());
    }
    if errors.is_empty() {
        Ok(ReportingCycle {
            year: input.year,
            opens_on: input.opens_on,
            due_on: input.due_on,
            status: CycleStatus::Open,
        })
    } else {
        Err(errors)
    }
}

fn due_before_opening() -> FieldError {
    FieldError::new(
        "due_on",
        "before_opening",
        "the due date cannot come before the opening date",
    )
}

/// The cycle after `patch`, or why not. Dates change only while the cycle is open (or in the
/// same patch that reopens it); `Err(None)`: the cycle is closed.
pub fn patched(
    current: &ReportingCycle,
    patch: &ReportingCyclePatch,
) -> Result<ReportingCycle, Option<Vec<FieldError>>> {
    let status = patch.status.unwrap_or(current.status);
    let dates_change = patch.opens_on.is_some() || patch.due_on.is_some();
    if dates_change && status == CycleStatus::Closed {
        return Err(None);
    }
    let cycle = ReportingCycle {
        year: current.year,
        opens_on: patch.opens_on.unwrap_or(current.opens_on),
        due_on: patch.due_on.unwrap_or(current.due_on),
        status,
    };
    if cycle.due_on < cycle.opens_on {
        return Err(Some(vec![due_before_opening()]));
    }
    Ok(cycle)
}

impl ReportingCycle {
    /// Reports are started and written only while their cycle is open.
    pub fn check_open(&self) -> Result<(), WorkflowError> {
        match self.status {
            CycleStatus::Open => Ok(()),
            CycleStatus::Closed => Err(WorkflowError {
                code: ErrorCode::CycleClosed,
                message: format!(
                    "the {} reporting cycle is closed: its reports are read-only",
                    self.year
                ),
            }),
        }
    }

    /// Submitted after the end of the due date (UTC).
    pub fn is_late(&self, first_submitted_at: DateTime<Utc>) -> bool {
        first_submitted_at.date_naive() > self.due_on
    }

    /// Never submitted, and the due date is behind us.
    pub fn is_overdue(&self, first_submitted_at: Option<DateTime<Utc>>, today: NaiveDate) -> bool {
        first_submitted_at.is_none() && today > self.due_on
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    fn cycle() -> ReportingCycle {
        check_new(&NewReportingCycle {
            year: 2025,
            opens_on: NaiveDate::from_ymd_opt(2026, 1, 15).unwrap(),
            due_on: NaiveDate::from_ymd_opt(2026, 3, 31).unwrap(),
        })
        .unwrap()
    }

    #[test]
    fn a_due_date_before_the_opening_and_an_odd_year_are_refused_together() {
        let errors = check_new(&NewReportingCycle {
            year: 1850,
            opens_on: NaiveDate::from_ymd_opt(2026, 3, 1).unwrap(),
            due_on: NaiveDate::from_ymd_opt(2026, 2, 1).unwrap(),
        })
        .unwrap_err();
        let fields: Vec<_> = errors.iter().map(|e| e.field.as_str()).collect();
        assert_eq!(fields, ["year", "due_on"]);
    }

    #[test]
    fn late_is_after_the_whole_due_day_and_overdue_is_never_submitted_after_it() {
        let c = cycle();
        let at = |d, h| Utc.with_ymd_and_hms(2026, 3, d, h, 0, 0).unwrap();
        assert!(!c.is_late(at(31, 23)));
        assert!(c.is_late(Utc.with_ymd_and_hms(2026, 4, 1, 0, 0, 1).unwrap()));
        let (due, after) = (c.due_on, c.due_on.succ_opt().unwrap());
        assert!(!c.is_overdue(None, due));
        assert!(c.is_overdue(None, after));
        assert!(!c.is_overdue(Some(at(2, 9)), after));
    }

    #[test]
    fn reports_are_written_in_an_open_cycle_on_an_approved_roadmap() {
        let mut c = cycle();
        assert!(c.check_open().is_ok());
        c.status = CycleStatus::Closed;
        assert_eq!(c.check_open().unwrap_err().code, ErrorCode::CycleClosed);
        assert!(check_reported_on(RoadmapStatus::Approved).is_ok());
        for status in [
            RoadmapStatus::Draft,
            RoadmapStatus::Submitted,
            RoadmapStatus::Superseded,
        ] {
            assert_eq!(
                check_reported_on(status).unwrap_err().code,
                ErrorCode::RoadmapNotApproved
            );
        }
    }

    #[test]
    fn dates_change_only_while_the_cycle_is_open() {
        let mut c = cycle();
        let later = NaiveDate::from_ymd_opt(2026, 4, 30).unwrap();
        let moved = patched(
            &c,
            &ReportingCyclePatch {
                due_on: Some(later),
                ..Default::default()
            },
        )
        .unwrap();
        assert_eq!(moved.due_on, later);
        c.status = CycleStatus::Closed;
        assert_eq!(
            patched(
                &c,
                &ReportingCyclePatch {
                    due_on: Some(later),
                    ..Default::default()
                }
            ),
            Err(None)
        );
        let reopened = patched(
            &c,
            &ReportingCyclePatch {
                due_on: Some(later),
                status: Some(CycleStatus::Open),
                ..Default::default()
            },
        )
        .unwrap();
        assert_eq!(
            (reopened.status, reopened.due_on),
            (CycleStatus::Open, later)
        );
        let early = NaiveDate::from_ymd_opt(2025, 1, 1).unwrap();
        assert!(matches!(
            patched(
                &reopened,
                &ReportingCyclePatch {
                    due_on: Some(early),
                    ..Default::default()
                }
            ),
            Err(Some(_))
        ));
    }
}
