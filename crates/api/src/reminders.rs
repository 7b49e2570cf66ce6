//! Reminders to the countries that have not submitted their report: sent by the secretariat
//! (`POST /reporting-cycles/{year}/reminders`) or, a set number of days before the due date, by
//! the schedule. Either way a `reminder` job per country is written; when it runs it writes one
//! mail per focal point, in each one's language (see `jobs::worker`).

use std::collections::HashMap;

use pioneer_domain::report::ReportingCycle;
use pioneer_domain::report::reminders::{
    RemindedCountry, Reminders, automatic_reminder_due, countries_to_remind,
};
use pioneer_domain::report::tracker::{TrackerFilter, tracker};
use pioneer_domain::roadmap::WorkflowError;
use uuid::Uuid;

use crate::jobs::{ReminderJob, enqueue_mail, enqueue_reminder};
use crate::mail::compose::{self, ReminderMail};
use crate::state::AppState;
use crate::store::{self, StoreError, StoreResult};

/// Why reminders were not sent.
#[derive(Debug, thiserror::Error)]
pub enum RemindError {
    #[error("no reporting cycle for {0}")]
    NoCycle(i32),
    #[error("{}", .0.message)]
    Closed(WorkflowError),
    #[error(transparent)]
    Store(#[from] StoreError),
}

/// The countries of the cycle `year` that still owe their report.
async fn owing(state: &AppState, cycle: &ReportingCycle) -> StoreResult<Vec<String>> {
    let regions = store::reports::regions(&state.db).await?;
    let expected = store::reports::expected_countries(&state.db, &regions).await?;
    let reports = store::reports::report_states(&state.db, cycle.year, &regions).await?;
    let today = state.clock.now().date_naive();
    let tracker = tracker(cycle, &expected, &reports, today, &TrackerFilter::default());
    Ok(countries_to_remind(&tracker))
}

/// Writes a reminder job for each country of the open cycle `year` that has not submitted, by
/// `actor` (a person), in one transaction; answers who is reminded and how many focal points
/// each has.
pub async fn remind(state: &AppState, year: i32, actor: Uuid) -> Result<Reminders, RemindError> {
    let cycle = store::reporting_cycles::find(&state.db, year)
        .await?
        .ok_or(RemindError::NoCycle(year))?;
    cycle.check_open().map_err(RemindError::Closed)?;
    let codes = owing(state, &cycle).await?;
    let names = store::reference::countries_by_code(&state.db, &codes).await?;
    let mut recipients: HashMap<String, u32> = HashMap::new();
    for focal_point in store::users::focal_points_of(&state.db, &codes).await? {
        if let Some(code) = focal_point.country_code {
            *recipients.entry(code).or_default() += 1;
        }
    }
    let write = state.write(actor).await?;
    for code in &codes {
        let job = ReminderJob {
            year,
            country_code: code.clone(),
            automatic: false,
        };
        enqueue_reminder(&write.txn, &job, write.now).await?;
    }
    write.commit().await?;
    state.job_wake.notify_one();
    tracing::info!(year, countries = codes.len(), "reminders written");
    Ok(Reminders {
        year,
        countries: codes
            .iter()
            .map(|code| RemindedCountry {
                name: names
                    .get(code)
                    .map_or_else(|| code.clone(), |c| c.name.clone()),
                recipients: recipients.get(code).copied().unwrap_or(0),
                country_code: code.clone(),
            })
            .collect(),
    })
}

/// Writes the automatic reminders that are due today: once per country and cycle, however many
/// replicas try (the job's unique key).
pub async fn write_automatic(state: &AppState) -> StoreResult<()> {
    let days = state.config.jobs.reminder_days_before;
    let today = state.clock.now().date_naive();
    let cycles = store::reporting_cycles::all(&state.db).await?;
    for cycle in cycles.values() {
        if !automatic_reminder_due(cycle, today, days) {
            continue;
        }
        let codes = owing(state, cycle).await?;
        if codes.is_empty() {
            continue;
        }
        let write = state.write(Uuid::nil()).await?;
        let mut written = 0;
        for code in codes {
            let job = ReminderJob {
                year: cycle.year,
                country_code: code,
                automatic: true,
            };
            written += u32::from(enqueue_reminder(&write.txn, &job, write.now).await?);
        }
        write.commit().await?;
        if written > 0 {
            tracing::info!(
                year = cycle.year,
                countries = written,
                "automatic reminders written"
            );
            state.job_wake.notify_one();
        }
    }
    Ok(())
}

/// Runs a reminder job: one mail per focal point of its country, in their language, unless the
/// country has submitted meanwhile. Each mail's key is the job's and the member's, so that a
/// reminder job run again writes no mail twice.
pub async fn write_mails(state: &AppState, job: &ReminderJob, job_id: Uuid) -> StoreResult<()> {
    let Some(cycle) = store::reporting_cycles::find(&state.db, job.year).await? else {
        return Ok(());
    };
    if !owing(state, &cycle).await?.contains(&job.country_code) {
        tracing::info!(year = job.year, country = %job.country_code, "submitted meanwhile: no reminder");
        return Ok(());
    }
    let codes = [job.country_code.clone()];
    let country = store::reference::countries_by_code(&state.db, &codes).await?;
    let focal_points = store::users::focal_points_of(&state.db, &codes).await?;
    let due = cycle.due_on.format("%Y-%m-%d").to_string();
    let link = format!("{}/reports", state.config.public_url);
    let write = state.write(Uuid::nil()).await?;
    for member in &focal_points {
        let country_name = country
            .get(&job.country_code)
            .map_or(job.country_code.as_str(), |c| c.name_in(&member.language));
        let mail = compose::reminder(
            &state.texts,
            &ReminderMail {
                language: &member.language,
                email: &member.email,
                name: &member.name,
                country: country_name,
                year: job.year,
                due: &due,
                link: &link,
            },
        );
        let key = format!("reminder-mail:{job_id}:{}", member.id);
        enqueue_mail(&write.txn, &mail, Some(key), write.now).await?;
    }
    write.commit().await
}
