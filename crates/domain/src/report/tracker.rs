//! The secretariat's tracker for one cycle: every country expected to report, where its report
//! stands, whether it came late or is overdue, and how many are at each stage.

use std::collections::BTreeMap;

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use super::{ReportStatus, ReportingCycle};

/// Where a country stands in a cycle: its report's status, or not started.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum TrackerStatus {
    NotStarted,
    Draft,
    Submitted,
    ChangesRequested,
    Accepted,
}

/// A country expected to report: it has an approved roadmap.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExpectedCountry {
    pub country_code: String,
    pub region: Option<String>,
    pub roadmap_id: Uuid,
}

/// A report of the cycle, as far as the tracker needs it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReportState {
    pub report_id: Uuid,
    pub country_code: String,
    pub region: Option<String>,
    pub roadmap_id: Uuid,
    pub status: ReportStatus,
    /// The first submission: whether the report came late.
    pub first_submitted_at: Option<DateTime<Utc>>,
    /// The latest submission.
    pub submitted_at: Option<DateTime<Utc>>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct TrackerRow {
    pub country_code: String,
    pub region: Option<String>,
    pub roadmap_id: Uuid,
    pub report_id: Option<Uuid>,
    pub status: TrackerStatus,
    pub submitted_at: Option<DateTime<Utc>>,
    pub late: bool,
    pub overdue: bool,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct TrackerCounts {
    /// Countries expected to report (in the region, when filtered by one).
    pub expected: u32,
    pub not_started: u32,
    pub draft: u32,
    pub submitted: u32,
    pub changes_requested: u32,
    pub accepted: u32,
    pub late: u32,
    pub overdue: u32,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Tracker {
    pub cycle: ReportingCycle,
    /// Counted over the region filter, before the status filter.
    pub counts: TrackerCounts,
    /// By country code.
    pub rows: Vec<TrackerRow>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TrackerFilter {
    pub region: Option<String>,
    pub status: Option<TrackerStatus>,
}

/// The tracker of `cycle` on `today`: the expected countries and those that started a report
/// (a country whose roadmap is no longer approved still shows its report).
pub fn tracker(
    cycle: &ReportingCycle,
    expected: &[ExpectedCountry],
    reports: &[ReportState],
    today: NaiveDate,
    filter: &TrackerFilter,
) -> Tracker {
    // One row per country, by country code: the expected ones first, then each report takes its
    // country's row (or adds one when its country is no longer expected).
    let mut rows: BTreeMap<&str, TrackerRow> = BTreeMap::new();
    for country in expected {
        rows.insert(
            &country.country_code,
            TrackerRow {
                country_code: country.country_code.clone(),
                region: country.region.clone(),
                roadmap_id: country.roadmap_id,
                report_id: None,
                status: TrackerStatus::NotStarted,
                submitted_at: None,
                late: false,
                overdue: cycle.is_overdue(None, today),
            },
        );
    }
    for report in reports {
        let expected_region = rows
            .get(report.country_code.as_str())
            .and_then(|row| row.region.clone());
        rows.insert(
            &report.country_code,
            TrackerRow {
                country_code: report.country_code.clone(),
                region: report.region.clone().or(expected_region),
                roadmap_id: report.roadmap_id,
                report_id: Some(report.report_id),
                status: report.status.into(),
                submitted_at: report.submitted_at,
                late: report
                    .first_submitted_at
                    .is_some_and(|first| cycle.is_late(first)),
                overdue: cycle.is_overdue(report.first_submitted_at, today),
            },
        );
    }

    let rows: Vec<TrackerRow> = rows
        .into_values()
        .filter(|row| filter.region.is_none() || row.region == filter.region)
        .collect();
    let mut counts = TrackerCounts::default();
    for row in &rows {
        counts.add(row);
    }
    let rows = rows
        .into_iter()
        .filter(|row| filter.status.is_none_or(|status| row.status == status))
        .collect();
    Tracker {
        cycle: cycle.clone(),
        counts,
        rows,
    }
}

impl From<ReportStatus> for TrackerStatus {
    fn from(status: ReportStatus) -> Self {
        match status {
            ReportStatus::Draft => TrackerStatus::Draft,
            ReportStatus::Submitted => TrackerStatus::Submitted,
            ReportStatus::ChangesRequested => TrackerStatus::ChangesRequested,
            ReportStatus::Accepted => TrackerStatus::Accepted,
        }
    }
}

impl TrackerCounts {
    /// Counts one row: expected, its status, late, overdue.
    pub fn add(&mut self, row: &TrackerRow) {
        self.expected += 1;
        *match row.status {
            TrackerStatus::NotStarted => &mut self.not_started,
            TrackerStatus::Draft => &mut self.draft,
            TrackerStatus::Submitted => &mut self.submitted,
            TrackerStatus::ChangesRequested => &mut self.changes_requested,
            TrackerStatus::Accepted => &mut self.accepted,
        } += 1;
        self.late += u32::from(row.late);
        self.overdue += u32::from(row.overdue);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::CycleStatus;
    use chrono::TimeZone;

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    fn at(y: i32, m: u32, d: u32) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(y, m, d, 10, 0, 0).unwrap()
    }

    /// Cycle 2025, open 15 January 2026, due 31 March 2026.
    fn cycle() -> ReportingCycle {
        ReportingCycle {
            year: 2025,
            opens_on: day(2026, 1, 15),
            due_on: day(2026, 3, 31),
            status: CycleStatus::Open,
        }
    }

    fn expected(code: &str, region: &str, n: u128) -> ExpectedCountry {
        ExpectedCountry {
            country_code: code.into(),
            region: Some(region.into()),
            roadmap_id: Uuid::from_u128(n),
        }
    }

    fn report(
        code: &str,
        region: Option<&str>,
        n: u128,
        status: ReportStatus,
        first: Option<DateTime<Utc>>,
        latest: Option<DateTime<Utc>>,
    ) -> ReportState {
        ReportState {
            report_id: Uuid::from_u128(1000 + n),
            country_code: code.into(),
            region: region.map(str::to_owned),
            roadmap_id: Uuid::from_u128(n),
            status,
            first_submitted_at: first,
            submitted_at: latest,
        }
    }

    /// Seven expected countries in two regions, one report per status, and a report of a
    /// country (UGA) whose roadmap is no longer approved:
    ///
    /// | country | region   | status            | first submitted | late | overdue on 10 April |
    /// |---------|----------|-------------------|-----------------|------|---------------------|
    /// | BRA     | Americas | not started       | —               |      | yes                 |
    /// | COL     | Americas | accepted          | 20 March        |      |                     |
    /// | KEN     | Africa   | submitted         | 2 April         | yes  |                     |
    /// | MEX     | Americas | changes requested | 25 March        |      |                     |
    /// | PHL     | Asia     | draft             | —               |      | yes                 |
    /// | TZA     | Africa   | not started       | —               |      | yes                 |
    /// | UGA     | Africa   | draft (withdrawn) | 30 March        |      |                     |
    /// | ZAF     | Africa   | submitted         | 31 March 23:00  |      |                     |
    fn fixture() -> (Vec<ExpectedCountry>, Vec<ReportState>) {
        let expected = vec![
            expected("ZAF", "Africa", 8),
            expected("KEN", "Africa", 1),
            expected("TZA", "Africa", 2),
            expected("COL", "Americas", 3),
            expected("MEX", "Americas", 4),
            expected("BRA", "Americas", 5),
            expected("PHL", "Asia", 6),
        ];
        let last_minute = Utc.with_ymd_and_hms(2026, 3, 31, 23, 0, 0).unwrap();
        let reports = vec![
            report(
                "KEN",
                Some("Africa"),
                1,
                ReportStatus::Submitted,
                Some(at(2026, 4, 2)),
                Some(at(2026, 4, 2)),
            ),
            report(
                "COL",
                Some("Americas"),
                3,
                ReportStatus::Accepted,
                Some(at(2026, 3, 20)),
                Some(at(2026, 4, 5)),
            ),
            report(
                "MEX",
                Some("Americas"),
                4,
                ReportStatus::ChangesRequested,
                Some(at(2026, 3, 25)),
                Some(at(2026, 3, 25)),
            ),
            report("PHL", Some("Asia"), 6, ReportStatus::Draft, None, None),
            report(
                "UGA",
                Some("Africa"),
                7,
                ReportStatus::Draft,
                Some(at(2026, 3, 30)),
                Some(at(2026, 3, 30)),
            ),
            report(
                "ZAF",
                Some("Africa"),
                8,
                ReportStatus::Submitted,
                Some(last_minute),
                Some(last_minute),
            ),
        ];
        (expected, reports)
    }

    fn codes(tracker: &Tracker) -> Vec<&str> {
        tracker
            .rows
            .iter()
            .map(|r| r.country_code.as_str())
            .collect()
    }

    fn row<'a>(tracker: &'a Tracker, code: &str) -> &'a TrackerRow {
        tracker
            .rows
            .iter()
            .find(|r| r.country_code == code)
            .unwrap()
    }

    #[test]
    fn every_expected_country_and_every_report_has_a_row_by_country_code() {
        let (expected, reports) = fixture();
        let t = tracker(
            &cycle(),
            &expected,
            &reports,
            day(2026, 4, 10),
            &TrackerFilter::default(),
        );
        assert_eq!(t.cycle, cycle());
        assert_eq!(
            codes(&t),
            ["BRA", "COL", "KEN", "MEX", "PHL", "TZA", "UGA", "ZAF"]
        );

        let statuses: Vec<_> = t.rows.iter().map(|r| r.status).collect();
        use TrackerStatus::*;
        assert_eq!(
            statuses,
            [
                NotStarted,
                Accepted,
                Submitted,
                ChangesRequested,
                Draft,
                NotStarted,
                Draft,
                Submitted
            ]
        );

        let bra = row(&t, "BRA");
        assert_eq!(bra.report_id, None);
        assert_eq!(bra.submitted_at, None);
        assert_eq!(bra.roadmap_id, Uuid::from_u128(5));
        assert_eq!(bra.region.as_deref(), Some("Americas"));

        let col = row(&t, "COL");
        assert_eq!(col.report_id, Some(Uuid::from_u128(1003)));
        assert_eq!(
            col.submitted_at,
            Some(at(2026, 4, 5)),
            "the latest submission"
        );
        assert!(
            !col.late,
            "first submitted on time, resubmitted after the due date"
        );
    }

    #[test]
    fn late_is_a_first_submission_after_the_due_day_and_overdue_never_submitted() {
        let (expected, reports) = fixture();
        let t = tracker(
            &cycle(),
            &expected,
            &reports,
            day(2026, 4, 10),
            &TrackerFilter::default(),
        );
        let flagged = |pick: fn(&TrackerRow) -> bool| -> Vec<&str> {
            t.rows
                .iter()
                .filter(|r| pick(r))
                .map(|r| r.country_code.as_str())
                .collect()
        };
        assert_eq!(flagged(|r| r.late), ["KEN"]);
        // PHL's draft was never submitted; UGA's was withdrawn after a submission on time.
        assert_eq!(flagged(|r| r.overdue), ["BRA", "PHL", "TZA"]);
        assert!(!row(&t, "ZAF").late, "23:00 on the due day is on time");
    }

    #[test]
    fn nothing_is_overdue_until_the_due_day_is_over() {
        let (expected, reports) = fixture();
        for today in [day(2026, 2, 1), day(2026, 3, 31)] {
            let t = tracker(
                &cycle(),
                &expected,
                &reports,
                today,
                &TrackerFilter::default(),
            );
            assert_eq!(t.counts.overdue, 0, "{today}");
            assert!(t.rows.iter().all(|r| !r.overdue), "{today}");
        }
    }

    #[test]
    fn counts_cover_every_row() {
        let (expected, reports) = fixture();
        let t = tracker(
            &cycle(),
            &expected,
            &reports,
            day(2026, 4, 10),
            &TrackerFilter::default(),
        );
        assert_eq!(
            t.counts,
            TrackerCounts {
                expected: 8,
                not_started: 2,       // BRA, TZA
                draft: 2,             // PHL, UGA
                submitted: 2,         // KEN, ZAF
                changes_requested: 1, // MEX
                accepted: 1,          // COL
                late: 1,              // KEN
                overdue: 3,           // BRA, PHL, TZA
            }
        );
    }

    #[test]
    fn the_region_filter_keeps_its_rows_and_counts_only_them() {
        let (expected, reports) = fixture();
        let africa = TrackerFilter {
            region: Some("Africa".into()),
            status: None,
        };
        let t = tracker(&cycle(), &expected, &reports, day(2026, 4, 10), &africa);
        assert_eq!(codes(&t), ["KEN", "TZA", "UGA", "ZAF"]);
        assert_eq!(
            t.counts,
            TrackerCounts {
                expected: 4,
                not_started: 1, // TZA
                draft: 1,       // UGA
                submitted: 2,   // KEN, ZAF
                changes_requested: 0,
                accepted: 0,
                late: 1,    // KEN
                overdue: 1, // TZA
            }
        );

        let americas = TrackerFilter {
            region: Some("Americas".into()),
            status: None,
        };
        let t = tracker(&cycle(), &expected, &reports, day(2026, 4, 10), &americas);
        assert_eq!(codes(&t), ["BRA", "COL", "MEX"]);
        assert_eq!(
            (t.counts.expected, t.counts.not_started, t.counts.accepted),
            (3, 1, 1)
        );
        assert_eq!(
            (t.counts.changes_requested, t.counts.late, t.counts.overdue),
            (1, 0, 1)
        );

        let exact = TrackerFilter {
            region: Some("africa".into()),
            status: None,
        };
        let t = tracker(&cycle(), &expected, &reports, day(2026, 4, 10), &exact);
        assert!(t.rows.is_empty(), "the region must match exactly");
        assert_eq!(t.counts, TrackerCounts::default());
    }

    #[test]
    fn the_status_filter_keeps_its_rows_but_not_the_counts() {
        let (expected, reports) = fixture();
        let today = day(2026, 4, 10);
        let all = tracker(
            &cycle(),
            &expected,
            &reports,
            today,
            &TrackerFilter::default(),
        );

        let submitted = TrackerFilter {
            region: None,
            status: Some(TrackerStatus::Submitted),
        };
        let t = tracker(&cycle(), &expected, &reports, today, &submitted);
        assert_eq!(codes(&t), ["KEN", "ZAF"]);
        assert_eq!(t.counts, all.counts);

        let not_started = TrackerFilter {
            region: None,
            status: Some(TrackerStatus::NotStarted),
        };
        let t = tracker(&cycle(), &expected, &reports, today, &not_started);
        assert_eq!(codes(&t), ["BRA", "TZA"]);
        assert_eq!(t.counts, all.counts);

        // Both: counted over Africa, listed only Africa's not started.
        let both = TrackerFilter {
            region: Some("Africa".into()),
            status: Some(TrackerStatus::NotStarted),
        };
        let t = tracker(&cycle(), &expected, &reports, today, &both);
        assert_eq!(codes(&t), ["TZA"]);
        assert_eq!((t.counts.expected, t.counts.submitted), (4, 2));
    }

    #[test]
    fn a_report_of_a_country_no_longer_expected_still_shows() {
        let (expected, reports) = fixture();
        assert!(!expected.iter().any(|e| e.country_code == "UGA"));
        let t = tracker(
            &cycle(),
            &expected,
            &reports,
            day(2026, 4, 10),
            &TrackerFilter::default(),
        );
        let uga = row(&t, "UGA");
        assert_eq!(uga.status, TrackerStatus::Draft);
        assert_eq!(uga.report_id, Some(Uuid::from_u128(1007)));
        assert_eq!(uga.roadmap_id, Uuid::from_u128(7));
        assert_eq!(uga.region.as_deref(), Some("Africa"));
        assert_eq!(uga.submitted_at, Some(at(2026, 3, 30)));
        assert!(!uga.late && !uga.overdue);
    }

    #[test]
    fn the_report_names_the_roadmap_and_region_it_was_written_on() {
        // The roadmap was revised since the report was started: the report's roadmap shows.
        let expected = vec![expected("KEN", "Africa", 1)];
        let mut moved = report(
            "KEN",
            Some("East Africa"),
            9,
            ReportStatus::Draft,
            None,
            None,
        );
        let t = tracker(
            &cycle(),
            &expected,
            std::slice::from_ref(&moved),
            day(2026, 3, 1),
            &TrackerFilter::default(),
        );
        assert_eq!(t.rows.len(), 1);
        assert_eq!(t.rows[0].roadmap_id, Uuid::from_u128(9));
        assert_eq!(t.rows[0].region.as_deref(), Some("East Africa"));
        assert!(!t.rows[0].overdue, "before the due date");

        // A report without a region keeps the expected country's.
        moved.region = None;
        let t = tracker(
            &cycle(),
            &expected,
            &[moved],
            day(2026, 3, 1),
            &TrackerFilter::default(),
        );
        assert_eq!(t.rows[0].region.as_deref(), Some("Africa"));
    }

    #[test]
    fn an_empty_cycle_has_no_rows() {
        let t = tracker(
            &cycle(),
            &[],
            &[],
            day(2026, 4, 10),
            &TrackerFilter::default(),
        );
        assert!(t.rows.is_empty());
        assert_eq!(t.counts, TrackerCounts::default());
    }
}
