//! Annual progress reports: a module per page, as the roadmaps have.
//!
//! - [`list`]: `/reports`, the reports a member sees, and the way a country team starts the
//!   report of an open cycle;
//! - [`page`]: `/reports/:id`, the country team's form, and the same report read-only with the
//!   reviewer's decision, comments and history (the `document` machinery, as for roadmaps);
//! - [`cycles`]: `/reporting-cycles`, the secretariat opens, dates and closes the cycles;
//! - [`tracker`]: `/reporting-cycles/:year/tracker`, who reported;
//! - [`synthesis`]: `/reporting-cycles/:year/synthesis`, the alliance's figures of a cycle;
//! - [`trend`]: `/countries/:code/trend`, a country's progress over the years;
//! - [`charts`]: the inline SVG drawings these pages share.

pub mod charts;
pub mod cycles;
pub mod list;
pub mod page;
pub mod synthesis;
pub mod tracker;
pub mod trend;

use leptos::prelude::*;
use pioneer_domain::report::ReportStatus;
use pioneer_domain::report::tracker::TrackerStatus;

use crate::components::StatusBadge;
use crate::i18n::{I18n, Key, use_i18n};

/// A report's status as a badge.
#[component]
pub fn ReportBadge(
    status: ReportStatus,
    #[prop(default = "status")] testid: &'static str,
) -> impl IntoView {
    view! { <StatusBadge status=status.as_str() label=I18n::report_status_key(status) testid=testid /> }
}

/// The code of a tracker status, as the API writes it.
pub fn tracker_status_code(status: TrackerStatus) -> &'static str {
    match status {
        TrackerStatus::NotStarted => "not_started",
        TrackerStatus::Draft => "draft",
        TrackerStatus::Submitted => "submitted",
        TrackerStatus::ChangesRequested => "changes_requested",
        TrackerStatus::Accepted => "accepted",
    }
}

pub const TRACKER_STATUSES: [TrackerStatus; 5] = [
    TrackerStatus::NotStarted,
    TrackerStatus::Draft,
    TrackerStatus::Submitted,
    TrackerStatus::ChangesRequested,
    TrackerStatus::Accepted,
];

/// "Late" and "Overdue" as badges, or "—" when neither.
#[component]
pub fn DeadlineFlags(late: bool, overdue: bool) -> impl IntoView {
    let i18n = use_i18n();
    if !late && !overdue {
        return view! { <span class="muted">{i18n.tx(Key::OnTime)}</span> }.into_any();
    }
    view! {
        {late.then(|| view! { <span class="badge badge-warn" data-testid="late">{i18n.tx(Key::Late)}</span> })}
        {overdue.then(|| view! { <span class="badge badge-danger" data-testid="overdue">{i18n.tx(Key::Overdue)}</span> })}
    }
    .into_any()
}

/// UN regions as the server names them (`Country::region`).
pub const REGIONS: [&str; 5] = ["Africa", "Americas", "Asia", "Europe", "Oceania"];

/// A region of the synthesis in words: its name, or "unknown region".
pub fn region_name(i18n: I18n, key: &str) -> String {
    if key == pioneer_domain::report::synthesis::UNKNOWN_REGION {
        i18n.t(Key::UnknownRegion).to_owned()
    } else {
        i18n.region(key)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tracker_statuses_are_written_as_the_api_writes_them() {
        for status in TRACKER_STATUSES {
            let json = serde_json::to_string(&status).expect("serializable");
            assert_eq!(json, format!("\"{}\"", tracker_status_code(status)));
        }
    }
}
