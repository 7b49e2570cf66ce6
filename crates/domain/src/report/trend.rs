//! A country's trend over the years: how its key actions stood at each cycle, and each
//! indicator's values over time against its baseline and target.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use uuid::Uuid;

use super::synthesis::ActionStatusCounts;
use super::{Report, ReportStatus};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct TrendYear {
    pub year: i32,
    pub report_id: Uuid,
    pub status: ReportStatus,
    pub actions: ActionStatusCounts,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct TrendPoint {
    /// The cycle's year.
    pub year: i32,
    /// The year the value is of.
    pub value_year: Option<i32>,
    pub value: String,
    pub report_id: Uuid,
}

/// One indicator across the years: matched by its SDG code, or by its name for a national one.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct IndicatorSeries {
    pub indicator_code: Option<String>,
    pub name: String,
    pub unit: String,
    /// From the latest report.
    pub baseline_value: Option<String>,
    pub baseline_year: Option<i32>,
    pub target_value: Option<String>,
    pub target_year: Option<i32>,
    /// Oldest first.
    pub points: Vec<TrendPoint>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CountryTrend {
    pub country_code: String,
    /// Oldest first.
    pub years: Vec<TrendYear>,
    pub indicators: Vec<IndicatorSeries>,
}

/// The trend of `country_code` from its `reports` (any order, one per year).
pub fn trend(country_code: &str, reports: &[Report]) -> CountryTrend {
    let mut reports: Vec<&Report> = reports
        .iter()
        .filter(|r| r.country_code == country_code)
        .collect();
    reports.sort_by_key(|r| (r.year, r.id));

    let years = reports
        .iter()
        .map(|r| TrendYear {
            year: r.year,
            report_id: r.id,
            status: r.status,
            actions: ActionStatusCounts::of(&r.actions),
        })
        .collect();

    // Oldest report first: each later report's line overwrites the series' description.
    let mut series: BTreeMap<SeriesKey<'_>, IndicatorSeries> = BTreeMap::new();
    for report in &reports {
        for line in &report.indicators {
            let key = match &line.indicator_code {
                Some(code) => SeriesKey::Code(code),
                None => SeriesKey::Name(&line.name),
            };
            let entry = series.entry(key).or_insert_with(|| IndicatorSeries {
                indicator_code: None,
                name: String::new(),
                unit: String::new(),
                baseline_value: None,
                baseline_year: None,
                target_value: None,
                target_year: None,
                points: Vec::new(),
            });
            entry.indicator_code.clone_from(&line.indicator_code);
            entry.name.clone_from(&line.name);
            entry.unit.clone_from(&line.unit);
            entry.baseline_value.clone_from(&line.baseline_value);
            entry.baseline_year = line.baseline_year;
            entry.target_value.clone_from(&line.target_value);
            entry.target_year = line.target_year;
            if let Some(value) = line.value.as_deref().filter(|v| !v.trim().is_empty()) {
                entry.points.push(TrendPoint {
                    year: report.year,
                    value_year: line.year,
                    value: value.to_owned(),
                    report_id: report.id,
                });
            }
        }
    }
    let mut indicators: Vec<IndicatorSeries> = series.into_values().collect();
    indicators.sort_by(|a, b| (&a.indicator_code, &a.name).cmp(&(&b.indicator_code, &b.name)));

    CountryTrend {
        country_code: country_code.to_owned(),
        years,
        indicators,
    }
}

/// How an indicator is recognised from one year to the next: its SDG code, or for a national
/// indicator (no code) its name.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum SeriesKey<'a> {
    Code(&'a str),
    Name(&'a str),
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::{ActionProgress, ActionStatus, IndicatorProgress, Narrative};
    use chrono::{DateTime, TimeZone, Utc};

    fn id(n: u128) -> Uuid {
        Uuid::from_u128(n)
    }

    fn at(y: i32) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(y + 1, 3, 1, 12, 0, 0).unwrap()
    }

    fn action(n: u128, status: ActionStatus) -> ActionProgress {
        ActionProgress {
            action_id: id(100 + n),
            priority_id: id(200),
            title: format!("Action {n}"),
            strategies: vec!["N".into()],
            status,
            progress_percent: 0,
            spent: None,
            budget: None,
            note: String::new(),
            carried_over: false,
        }
    }

    struct Line {
        code: Option<&'static str>,
        name: &'static str,
        target: &'static str,
        value: Option<&'static str>,
        value_year: Option<i32>,
    }

    fn line(
        code: Option<&'static str>,
        name: &'static str,
        value: Option<&'static str>,
        value_year: Option<i32>,
    ) -> Line {
        Line {
            code,
            name,
            target: "10",
            value,
            value_year,
        }
    }

    fn indicator(n: u128, line: Line) -> IndicatorProgress {
        IndicatorProgress {
            indicator_id: id(300 + n),
            indicator_code: line.code.map(str::to_owned),
            name: line.name.into(),
            unit: "%".into(),
            baseline_value: Some("50".into()),
            baseline_year: Some(2020),
            target_value: Some(line.target.into()),
            target_year: Some(2030),
            value: line.value.map(str::to_owned),
            year: line.value_year,
            source: "MICS".into(),
            progress_to_target: None,
            carried_over: false,
        }
    }

    fn report(
        n: u128,
        country: &str,
        year: i32,
        status: ReportStatus,
        actions: &[ActionStatus],
        lines: Vec<Line>,
    ) -> Report {
        Report {
            id: id(n),
            roadmap_id: id(50),
            roadmap_version: 1,
            country_code: country.into(),
            year,
            status,
            late: false,
            overdue: false,
            submitted_at: Some(at(year)),
            revision: 3,
            previous_report_id: None,
            narrative: Narrative::default(),
            actions: actions
                .iter()
                .enumerate()
                .map(|(i, s)| action(n * 10 + i as u128, *s))
                .collect(),
            indicators: lines
                .into_iter()
                .enumerate()
                .map(|(i, l)| indicator(n * 10 + i as u128, l))
                .collect(),
            support_requests: Vec::new(),
            created_at: at(year),
            updated_at: at(year),
        }
    }

    const DISCIPLINE: Option<&str> = Some("16.2.1");
    const TRAFFICKING: Option<&str> = Some("16.2.2");
    const CARE: &str = "Children in alternative care";

    /// KEN's reports of 2023 (1), 2024 (2) and 2025 (3), given out of order, and COL's of 2024.
    ///
    /// | indicator                 | 2023        | 2024            | 2025                    |
    /// |---------------------------|-------------|-----------------|-------------------------|
    /// | 16.2.1 violent discipline | 45 (2022)   | 40 (2023)       | 31 (2025), target 15    |
    /// | national: alternative care| 12 (2023)   | no value        | 9.5 (no year)           |
    /// | 16.2.2 trafficking        | 3 (2021)    | —               | —                       |
    ///
    /// Actions: 2023 not started ×2, on track; 2024 on track, delayed, completed;
    /// 2025 completed ×2, cancelled, on track.
    fn fixture() -> Vec<Report> {
        use ActionStatus::*;
        let y2023 = report(
            1,
            "KEN",
            2023,
            ReportStatus::Accepted,
            &[NotStarted, NotStarted, OnTrack],
            vec![
                line(DISCIPLINE, "Violent discipline", Some("45"), Some(2022)),
                line(None, CARE, Some("12"), Some(2023)),
                line(TRAFFICKING, "Trafficking victims", Some("3"), Some(2021)),
            ],
        );
        let y2024 = report(
            2,
            "KEN",
            2024,
            ReportStatus::Accepted,
            &[OnTrack, Delayed, Completed],
            vec![
                line(None, CARE, None, None),
                line(DISCIPLINE, "Violent discipline", Some("40"), Some(2023)),
            ],
        );
        let mut revised = line(
            DISCIPLINE,
            "Violent discipline (1–14 years)",
            Some("31"),
            Some(2025),
        );
        revised.target = "15";
        let y2025 = report(
            3,
            "KEN",
            2025,
            ReportStatus::Submitted,
            &[Completed, Completed, Cancelled, OnTrack],
            vec![revised, line(None, CARE, Some("9.5"), None)],
        );
        let other = report(
            4,
            "COL",
            2024,
            ReportStatus::Accepted,
            &[Delayed],
            vec![line(
                DISCIPLINE,
                "Violent discipline",
                Some("60"),
                Some(2024),
            )],
        );
        vec![y2025, other, y2023, y2024]
    }

    fn counts(
        not_started: u32,
        on_track: u32,
        delayed: u32,
        completed: u32,
        cancelled: u32,
    ) -> ActionStatusCounts {
        ActionStatusCounts {
            not_started,
            on_track,
            delayed,
            completed,
            cancelled,
            total: not_started + on_track + delayed + completed + cancelled,
        }
    }

    fn point(year: i32, value_year: Option<i32>, value: &str, report: u128) -> TrendPoint {
        TrendPoint {
            year,
            value_year,
            value: value.into(),
            report_id: id(report),
        }
    }

    #[test]
    fn one_year_per_report_of_the_country_oldest_first() {
        let t = trend("KEN", &fixture());
        assert_eq!(t.country_code, "KEN");
        assert_eq!(
            t.years,
            [
                TrendYear {
                    year: 2023,
                    report_id: id(1),
                    status: ReportStatus::Accepted,
                    actions: counts(2, 1, 0, 0, 0),
                },
                TrendYear {
                    year: 2024,
                    report_id: id(2),
                    status: ReportStatus::Accepted,
                    actions: counts(0, 1, 1, 1, 0),
                },
                TrendYear {
                    year: 2025,
                    report_id: id(3),
                    status: ReportStatus::Submitted,
                    actions: counts(0, 1, 0, 2, 1),
                },
            ]
        );
        assert_eq!(t.years[2].actions.total, 4);
    }

    #[test]
    fn indicators_are_matched_by_code_or_national_ones_by_name() {
        let t = trend("KEN", &fixture());
        let keys: Vec<_> = t
            .indicators
            .iter()
            .map(|s| (s.indicator_code.as_deref(), s.name.as_str()))
            .collect();
        assert_eq!(
            keys,
            [
                (None, CARE),
                (DISCIPLINE, "Violent discipline (1–14 years)"),
                (TRAFFICKING, "Trafficking victims"),
            ],
            "by (code, name): the national one (no code) first"
        );
    }

    #[test]
    fn an_indicator_reported_every_year_has_a_point_a_year() {
        let t = trend("KEN", &fixture());
        let discipline = &t.indicators[1];
        assert_eq!(
            discipline.points,
            [
                point(2023, Some(2022), "45", 1),
                point(2024, Some(2023), "40", 2),
                point(2025, Some(2025), "31", 3),
            ]
        );
        // Renamed and re-targeted in 2025: still the same series, described by the latest.
        assert_eq!(discipline.name, "Violent discipline (1–14 years)");
        assert_eq!(discipline.unit, "%");
        assert_eq!(discipline.baseline_value.as_deref(), Some("50"));
        assert_eq!(discipline.baseline_year, Some(2020));
        assert_eq!(discipline.target_value.as_deref(), Some("15"));
        assert_eq!(discipline.target_year, Some(2030));
    }

    #[test]
    fn a_national_indicator_without_a_value_one_year_has_no_point_that_year() {
        let t = trend("KEN", &fixture());
        let care = &t.indicators[0];
        assert_eq!(care.indicator_code, None);
        assert_eq!(
            care.points,
            [
                point(2023, Some(2023), "12", 1),
                point(2025, None, "9.5", 3)
            ]
        );
    }

    #[test]
    fn an_indicator_dropped_later_keeps_the_description_of_its_last_report() {
        let t = trend("KEN", &fixture());
        let trafficking = &t.indicators[2];
        assert_eq!(trafficking.points, [point(2023, Some(2021), "3", 1)]);
        assert_eq!(trafficking.target_value.as_deref(), Some("10"));
    }

    #[test]
    fn other_countries_reports_are_ignored() {
        let t = trend("KEN", &fixture());
        let read: Vec<Uuid> = t.years.iter().map(|y| y.report_id).collect();
        assert!(!read.contains(&id(4)));
        assert!(
            t.indicators
                .iter()
                .flat_map(|s| &s.points)
                .all(|p| p.report_id != id(4))
        );

        let col = trend("COL", &fixture());
        assert_eq!(col.years.len(), 1);
        assert_eq!(col.years[0].actions, counts(0, 0, 1, 0, 0));
        assert_eq!(col.indicators.len(), 1);
        assert_eq!(col.indicators[0].points, [point(2024, Some(2024), "60", 4)]);

        let none = trend("PHL", &fixture());
        assert_eq!(none.country_code, "PHL");
        assert!(none.years.is_empty() && none.indicators.is_empty());
    }

    #[test]
    fn a_code_and_a_name_are_different_series_and_blank_values_are_no_points() {
        // A national indicator named like an SDG one is not that SDG indicator.
        let r = report(
            5,
            "KEN",
            2025,
            ReportStatus::Accepted,
            &[],
            vec![
                line(DISCIPLINE, "Violent discipline", Some("30"), Some(2025)),
                line(None, "Violent discipline", Some("  "), Some(2025)),
            ],
        );
        let t = trend("KEN", &[r]);
        assert_eq!(t.years[0].actions, ActionStatusCounts::default());
        assert_eq!(t.indicators.len(), 2);
        assert_eq!(t.indicators[0].indicator_code, None);
        assert!(t.indicators[0].points.is_empty());
        assert_eq!(t.indicators[1].indicator_code.as_deref(), DISCIPLINE);
        assert_eq!(t.indicators[1].points, [point(2025, Some(2025), "30", 5)]);
    }
}
