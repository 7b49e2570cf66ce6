//! `/outbox` (admins and the secretariat): the background jobs (mails, reminders), the failed
//! ones first, each with its last error and a way to try it again.

use leptos::prelude::*;
use leptos::task::spawn_local;
use pioneer_domain::jobs::{Job, JobStatus};
use uuid::Uuid;

use crate::api::{self, use_api};
use crate::components::{DataTable, Row, StatusBadge};
use crate::i18n::{Key, use_i18n};
use crate::loader::Loader;
use crate::pages::form::Pager;
use crate::pages::{ErrorAlert, dynamic, error_text};

pub fn job_status_key(status: JobStatus) -> Key {
    match status {
        JobStatus::Pending => Key::JobPending,
        JobStatus::Running => Key::JobRunning,
        JobStatus::Done => Key::JobDone,
        JobStatus::Failed => Key::JobFailed,
    }
}

/// The kinds of job the filter offers (empty: any).
const KINDS: [(&str, Key); 3] = [
    ("", Key::AllKinds),
    ("mail", Key::JobMail),
    ("reminder", Key::JobReminder),
];

#[component]
pub fn OutboxPage() -> impl IntoView {
    let api = use_api();
    let i18n = use_i18n();
    let status = RwSignal::new(JobStatus::Failed.as_str().to_owned());
    let kind = RwSignal::new(String::new());
    let page = RwSignal::new(1u64);
    let reload = RwSignal::new(0u32);
    let jobs = Loader::new(move || {
        reload.track();
        let (status, kind, page) = (status.get(), kind.get(), page.get());
        async move { api::membership::jobs::list(api, &status, &kind, page).await }
    });
    let total = Signal::derive(move || {
        jobs.get()
            .and_then(Result::ok)
            .map(|p| p.total)
            .unwrap_or(0)
    });
    let failure = RwSignal::new(None::<String>);
    let retried = RwSignal::new(None::<String>);
    let working = RwSignal::new(None::<Uuid>);

    let retry = move |job: Uuid, summary: String| {
        working.set(Some(job));
        failure.set(None);
        retried.set(None);
        spawn_local(async move {
            match api::membership::jobs::retry(api, job).await {
                Ok(_) => {
                    retried.set(Some(summary));
                    reload.update(|n| *n += 1);
                }
                Err(error) => failure.set(Some(error_text(i18n, &error))),
            }
            working.set(None);
        });
    };

    let table = move || {
        let items: Vec<Job> = match jobs.get() {
            None => return view! { <p class="muted">{i18n.tx(Key::Loading)}</p> }.into_any(),
            Some(Err(error)) => {
                return view! { <ErrorAlert message=error_text(i18n, &error) /> }.into_any();
            }
            Some(Ok(page)) => page.items,
        };
        if items.is_empty() {
            return view! { <p class="muted" data-testid="outbox-empty">{i18n.tx(Key::OutboxEmpty)}</p> }
                .into_any();
        }
        let rows: Vec<Row> = items
            .into_iter()
            .map(|job| {
                let id = job.id;
                let summary = job.summary.clone();
                let when = job.done_at.unwrap_or(job.run_at);
                let action = (job.status == JobStatus::Failed).then(|| {
                    let label = job.summary.clone();
                    view! {
                        <button
                            type="button"
                            class="button button-small"
                            data-testid="retry-job"
                            disabled=move || working.get().is_some()
                            on:click=move |_| retry(id, summary.clone())
                        >
                            {i18n.tx(Key::RetryJob)}
                            <span class="visually-hidden">" — " {label}</span>
                        </button>
                    }
                });
                let kind = match job.kind.as_str() {
                    "mail" => i18n.t(Key::JobMail).to_owned(),
                    "reminder" => i18n.t(Key::JobReminder).to_owned(),
                    other => other.to_owned(),
                };
                vec![
                    view! { <span class="job-summary">{job.summary}</span> }.into_any(),
                    kind.into_any(),
                    view! { <StatusBadge status=job.status.as_str() label=job_status_key(job.status) /> }
                        .into_any(),
                    job.attempts.to_string().into_any(),
                    view! { <span class="job-error">{job.last_error.unwrap_or_default()}</span> }
                        .into_any(),
                    view! { {move || i18n.date_time(&when)} }.into_any(),
                    action.into_any(),
                ]
            })
            .collect();
        view! {
            <DataTable
                testid="outbox-table"
                caption=Key::OutboxTitle
                columns=vec![Key::JobSummary, Key::JobKind, Key::Status, Key::JobAttempts, Key::JobLastError, Key::JobWhen, Key::Actions]
                rows=rows
            />
        }
        .into_any()
    };

    view! {
        <section class="page" data-testid="outbox">
            <h1>{i18n.tx(Key::OutboxTitle)}</h1>
            <p class="lead">{i18n.tx(Key::OutboxIntro)}</p>
            <div class="filters form-inline">
                <div class="field">
                    <label for="outbox-status">{i18n.tx(Key::Status)}</label>
                    <select
                        id="outbox-status"
                        on:change=move |ev| {
                            status.set(event_target_value(&ev));
                            page.set(1);
                        }
                    >
                        {[JobStatus::Failed, JobStatus::Pending, JobStatus::Running, JobStatus::Done]
                            .into_iter()
                            .map(|s| view! {
                                <option value=s.as_str() prop:selected=move || status.with(|v| v == s.as_str())>
                                    {i18n.tx(job_status_key(s))}
                                </option>
                            })
                            .collect_view()}
                    </select>
                </div>
                <div class="field">
                    <label for="outbox-kind">{i18n.tx(Key::JobKind)}</label>
                    <select
                        id="outbox-kind"
                        on:change=move |ev| {
                            kind.set(event_target_value(&ev));
                            page.set(1);
                        }
                    >
                        {KINDS
                            .into_iter()
                            .map(|(value, key)| view! {
                                <option value=value prop:selected=move || kind.with(|k| k == value)>{i18n.tx(key)}</option>
                            })
                            .collect_view()}
                    </select>
                </div>
            </div>
            {dynamic(move || failure.get().map(|m| view! { <ErrorAlert message=m /> }))}
            {dynamic(move || retried.get().map(|s| view! {
                <p class="alert alert-ok" role="status">{i18n.fmt(Key::JobRetried, &[("summary", &s)])}</p>
            }))}
            {dynamic(table)}
            <Pager page=page total=total per_page=api::membership::jobs::PER_PAGE />
        </section>
    }
}
