//! `/membership-applications` (admins and the secretariat): the countries' expressions of
//! interest, by status; `/membership-applications/<id>`: one of them whole, its signed letter,
//! its history, and the decision (accepting invites the nominated focal point).

use chrono::NaiveDate;
use leptos::ev::SubmitEvent;
use leptos::prelude::*;
use leptos::task::spawn_local;
use pioneer_domain::membership::application::{
    ApplicationStatus, Decision, DecisionRequest, MembershipApplication,
};
use pioneer_domain::{ErrorCode, FieldError};
use uuid::Uuid;

use crate::api::{self, DocumentRef, use_api};
use crate::components::{DataTable, Row, StatusBadge};
use crate::document::HistoryPanel;
use crate::i18n::{Key, use_i18n};
use crate::loader::Loader;
use crate::pages::form::{Errors, Pager, described_by, field_message, is_invalid};
use crate::pages::{ErrorAlert, dynamic, error_text};
use crate::router::{Route, application_href, application_id_in, country_href, use_router};

pub fn status_key(status: ApplicationStatus) -> Key {
    match status {
        ApplicationStatus::Received => Key::ApplicationReceived,
        ApplicationStatus::Accepted => Key::StatusAccepted,
        ApplicationStatus::Declined => Key::ApplicationDeclined,
    }
}

fn badge(status: ApplicationStatus) -> impl IntoView {
    view! { <StatusBadge status=status.as_str() label=status_key(status) /> }
}

/// A size in bytes as people read it: `812 KB`, `1.4 MB`.
pub fn file_size(bytes: u64) -> String {
    if bytes < 1024 * 1024 {
        format!("{} KB", bytes.div_ceil(1024).max(1))
    } else {
        let tenths = (bytes * 10).div_ceil(1024 * 1024);
        format!("{}.{} MB", tenths / 10, tenths % 10)
    }
}

/// A date input's value (`YYYY-MM-DD`) as a day; `None` when empty or not a date.
fn parse_day(raw: &str) -> Option<NaiveDate> {
    let mut parts = raw.trim().splitn(3, '-');
    let mut number = || -> Option<u32> {
        let part = parts.next()?;
        (!part.is_empty() && part.bytes().all(|b| b.is_ascii_digit()))
            .then(|| part.parse().ok())
            .flatten()
    };
    let (year, month, day) = (number()?, number()?, number()?);
    NaiveDate::from_ymd_opt(i32::try_from(year).ok()?, month, day)
}

#[component]
pub fn ApplicationsPage() -> impl IntoView {
    let api = use_api();
    let i18n = use_i18n();
    let status = RwSignal::new(ApplicationStatus::Received.as_str().to_owned());
    let page = RwSignal::new(1u64);
    let list = Loader::new(move || {
        let (status, page) = (status.get(), page.get());
        async move { api::membership::applications::list(api, &status, page).await }
    });
    let total = Signal::derive(move || {
        list.get()
            .and_then(Result::ok)
            .map(|p| p.total)
            .unwrap_or(0)
    });

    let table = move || {
        let items = match list.get() {
            None => return view! { <p class="muted">{i18n.tx(Key::Loading)}</p> }.into_any(),
            Some(Err(error)) => {
                return view! { <ErrorAlert message=error_text(i18n, &error) /> }.into_any();
            }
            Some(Ok(page)) => page.items,
        };
        if items.is_empty() {
            return view! { <p class="muted" data-testid="applications-empty">{i18n.tx(Key::ApplicationsEmpty)}</p> }
                .into_any();
        }
        let rows: Vec<Row> = items
            .into_iter()
            .map(|a| {
                vec![
                    view! { <a href=application_href(a.id)>{a.country_name}</a> }.into_any(),
                    a.entity.into_any(),
                    view! { {a.signatory_name} <br /> <span class="muted">{a.signatory_title}</span> }
                        .into_any(),
                    i18n.date(&a.created_at).into_any(),
                    badge(a.status).into_any(),
                ]
            })
            .collect();
        view! {
            <DataTable
                testid="applications-table"
                caption=Key::ApplicationsTitle
                columns=vec![Key::Country, Key::JoinEntity, Key::JoinSignatory, Key::ReceivedOn, Key::Status]
                rows=rows
            />
        }
        .into_any()
    };

    view! {
        <section class="page" data-testid="applications">
            <h1>{i18n.tx(Key::ApplicationsTitle)}</h1>
            <p class="lead">{i18n.tx(Key::ApplicationsIntro)}</p>
            <div class="filters form-inline">
                <div class="field">
                    <label for="applications-status">{i18n.tx(Key::Status)}</label>
                    <select
                        id="applications-status"
                        on:change=move |ev| {
                            status.set(event_target_value(&ev));
                            page.set(1);
                        }
                    >
                        {ApplicationStatus::ALL
                            .into_iter()
                            .map(|s| {
                                view! {
                                    <option value=s.as_str() prop:selected=move || status.with(|v| v == s.as_str())>
                                        {i18n.tx(status_key(s))}
                                    </option>
                                }
                            })
                            .collect_view()}
                        <option value="" prop:selected=move || status.with(String::is_empty)>
                            {i18n.tx(Key::AllStatuses)}
                        </option>
                    </select>
                </div>
            </div>
            {dynamic(table)}
            <Pager page=page total=total per_page=api::membership::applications::PER_PAGE />
        </section>
    }
}

/// The application of the page shown (kept while the page goes away).
fn use_application_id() -> Memo<Option<Uuid>> {
    let path = use_router().path();
    Memo::new(move |previous: Option<&Option<Uuid>>| {
        path.with(|p| {
            if Route::of(p) == Route::MembershipApplication {
                application_id_in(p)
            } else {
                previous.copied().flatten()
            }
        })
    })
}

#[component]
pub fn ApplicationPage() -> impl IntoView {
    let api = use_api();
    let i18n = use_i18n();
    let id = use_application_id();
    // Set by the decision: the page shows the decided application without asking again.
    let decided = RwSignal::new(None::<MembershipApplication>);
    let loaded = Loader::new(move || {
        let id = id.get();
        async move {
            match id {
                Some(id) => api::membership::applications::get(api, id).await.map(Some),
                None => Ok(None),
            }
        }
    });
    let revision = RwSignal::new(0i64);

    let body = move || {
        if let Some(application) = decided.get() {
            return view! { <ApplicationView application=application decided=decided revision=revision /> }
                .into_any();
        }
        match loaded.get() {
            None => view! { <p class="muted">{i18n.tx(Key::Loading)}</p> }.into_any(),
            Some(Err(error)) => view! { <ErrorAlert message=error_text(i18n, &error) /> }.into_any(),
            Some(Ok(None)) => view! { <p>{i18n.tx(Key::NotFoundBody)}</p> }.into_any(),
            Some(Ok(Some(application))) => {
                view! { <ApplicationView application=application decided=decided revision=revision /> }
                    .into_any()
            }
        }
    };

    view! {
        <section class="page" data-testid="application">
            <p><a href="/membership-applications">{i18n.tx(Key::BackToApplications)}</a></p>
            {dynamic(body)}
        </section>
    }
}

#[component]
fn ApplicationView(
    application: MembershipApplication,
    decided: RwSignal<Option<MembershipApplication>>,
    revision: RwSignal<i64>,
) -> impl IntoView {
    let api = use_api();
    let i18n = use_i18n();
    let id = application.id;
    let letter = application.letter.clone();
    let download_failure = RwSignal::new(None::<String>);
    let downloading = RwSignal::new(false);
    let download = {
        let name = letter.name.clone();
        move |_| {
            let name = name.clone();
            downloading.set(true);
            download_failure.set(None);
            spawn_local(async move {
                if let Err(error) =
                    api::membership::applications::download_letter(api, id, &name).await
                {
                    download_failure.set(Some(error_text(i18n, &error)));
                }
                downloading.set(false);
            });
        }
    };
    let fp = application.focal_point.clone();
    let language = crate::i18n::Lang::from_tag(&application.language).map_or_else(
        || application.language.clone(),
        |l| l.native_name().to_owned(),
    );
    let received = application.created_at;
    let decided_at = application.decided_at;
    let status = application.status;

    view! {
        <div class="page-head">
            <h1 data-testid="application-title">
                {move || i18n.fmt(Key::ApplicationOf, &[("country", &application.country_name)])}
            </h1>
            {badge(status)}
        </div>
        <p class="muted">
            {move || i18n.fmt(Key::ApplicationReceivedOn, &[("date", &i18n.date_time(&received))])}
            " · " <a href=country_href(&application.country_code)>{application.country_code.clone()}</a>
        </p>
        <section class="panel">
            <h2>{i18n.tx(Key::JoinSignatorySection)}</h2>
            <dl class="details">
                <dt>{i18n.tx(Key::JoinEntity)}</dt>
                <dd>{application.entity.clone()}</dd>
                <dt>{i18n.tx(Key::JoinSignatoryName)}</dt>
                <dd>{application.signatory_name.clone()}</dd>
                <dt>{i18n.tx(Key::JoinSignatoryTitle)}</dt>
                <dd>{application.signatory_title.clone()}</dd>
                <dt>{i18n.tx(Key::JoinLanguage)}</dt>
                <dd>{language}</dd>
                <dt>{i18n.tx(Key::Reference)}</dt>
                <dd><code>{id.to_string()}</code></dd>
            </dl>
        </section>
        <section class="panel">
            <h2>{i18n.tx(Key::JoinFocalPointSection)}</h2>
            <dl class="details">
                <dt>{i18n.tx(Key::Name)}</dt>
                <dd>{fp.name}</dd>
                <dt>{i18n.tx(Key::JoinTitle)}</dt>
                <dd>{fp.title}</dd>
                <dt>{i18n.tx(Key::JoinMinistry)}</dt>
                <dd>{fp.ministry}</dd>
                <dt>{i18n.tx(Key::Email)}</dt>
                <dd><a href=format!("mailto:{}", fp.email)>{fp.email.clone()}</a></dd>
            </dl>
        </section>
        <section class="panel">
            <h2>{i18n.tx(Key::JoinCommitment)}</h2>
            <p class="prose" lang=application.language.clone()>{application.commitment.clone()}</p>
        </section>
        <section class="panel">
            <h2>{i18n.tx(Key::JoinLetterSection)}</h2>
            <p>
                <button
                    type="button"
                    class="button"
                    data-testid="download-letter"
                    disabled=move || downloading.get()
                    on:click=download
                >
                    {move || i18n.fmt(Key::DownloadLetter, &[("name", &letter.name)])}
                </button>
                " " <span class="muted">{file_size(letter.size)}</span>
            </p>
            {dynamic(move || download_failure.get().map(|m| view! { <ErrorAlert message=m /> }))}
        </section>
        {match status {
            ApplicationStatus::Received => {
                view! { <DecisionForm id=id decided=decided revision=revision /> }.into_any()
            }
            _ => {
                let message = application.decision_message.clone().unwrap_or_default();
                view! {
                    <section class="panel" data-testid="decision">
                        <h2>{i18n.tx(Key::ApplicationDecision)}</h2>
                        <p>
                            {badge(status)} " "
                            {move || decided_at.map(|at| i18n.date_time(&at)).unwrap_or_default()}
                        </p>
                        {(!message.is_empty()).then(|| view! { <p class="prose">{message}</p> })}
                    </section>
                }
                .into_any()
            }
        }}
        <HistoryPanel doc=DocumentRef::membership_application(id) revision=revision />
    }
}

#[component]
fn DecisionForm(
    id: Uuid,
    decided: RwSignal<Option<MembershipApplication>>,
    revision: RwSignal<i64>,
) -> impl IntoView {
    let api = use_api();
    let i18n = use_i18n();
    let decision = RwSignal::new(Decision::Accept);
    let message = RwSignal::new(String::new());
    let joined_on = RwSignal::new(String::new());
    let errors: Errors = RwSignal::new(Vec::new());
    let failure = RwSignal::new(None::<String>);
    let pending = RwSignal::new(false);

    let submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        if pending.get_untracked() {
            return;
        }
        let decision = decision.get_untracked();
        let text = message.get_untracked();
        let mut problems = Vec::new();
        if decision == Decision::Decline && text.trim().is_empty() {
            problems.push(FieldError::new("message", "required", "required"));
        }
        let raw_day = joined_on.get_untracked();
        let day = parse_day(&raw_day);
        if decision == Decision::Accept && !raw_day.trim().is_empty() && day.is_none() {
            problems.push(FieldError::new("joined_on", "invalid_format", "not a date"));
        }
        if !problems.is_empty() {
            errors.set(problems);
            return;
        }
        errors.set(Vec::new());
        failure.set(None);
        pending.set(true);
        let request = DecisionRequest {
            decision,
            message: text.trim().to_owned(),
            joined_on: if decision == Decision::Accept {
                day
            } else {
                None
            },
        };
        spawn_local(async move {
            match api::membership::applications::decide(api, id, &request).await {
                Ok(application) => {
                    decided.set(Some(application));
                    revision.update(|r| *r += 1);
                }
                Err(error) if error.code() == Some(ErrorCode::AlreadyDecided) => {
                    failure.set(Some(i18n.t(Key::AlreadyDecided).to_owned()));
                }
                Err(error) if !error.field_errors().is_empty() => {
                    errors.set(error.field_errors());
                }
                Err(error) => failure.set(Some(error_text(i18n, &error))),
            }
            pending.set(false);
        });
    };

    let choice = move |value: Decision, label: Key, testid: &'static str| {
        view! {
            <label class="checkbox">
                <input
                    type="radio"
                    name="decision"
                    data-testid=testid
                    prop:checked=move || decision.get() == value
                    on:change=move |_| decision.set(value)
                />
                {i18n.tx(label)}
            </label>
        }
    };

    view! {
        <form class="panel panel-decision" on:submit=submit novalidate data-testid="decision-form">
            <h2>{i18n.tx(Key::ApplicationDecision)}</h2>
            {dynamic(move || failure.get().map(|m| view! { <ErrorAlert message=m /> }))}
            <fieldset class="checkbox-group">
                <legend>{i18n.tx(Key::ApplicationDecisionChoice)}</legend>
                {choice(Decision::Accept, Key::AcceptApplication, "decision-accept")}
                {choice(Decision::Decline, Key::DeclineApplication, "decision-decline")}
            </fieldset>
            <div class="field">
                <label for="decision-message">{i18n.tx(Key::DecisionMessage)}</label>
                <textarea
                    id="decision-message"
                    rows="4"
                    bind:value=message
                    aria-invalid=is_invalid(errors, "message")
                    aria-describedby="decision-message-hint"
                ></textarea>
                <p class="hint" id="decision-message-hint">{i18n.tx(Key::DecisionMessageHint)}</p>
                {field_message(i18n, errors, "message", "decision-message-error")}
            </div>
            <Show when=move || decision.get() == Decision::Accept>
                <div class="field">
                    <label for="decision-joined-on">{i18n.tx(Key::JoinedOnOptional)}</label>
                    <input
                        id="decision-joined-on"
                        type="date"
                        bind:value=joined_on
                        aria-invalid=is_invalid(errors, "joined_on")
                        aria-describedby=described_by(errors, "joined_on", "decision-joined-on-error")
                    />
                    {field_message(i18n, errors, "joined_on", "decision-joined-on-error")}
                </div>
            </Show>
            <div class="form-actions">
                <button type="submit" class="button button-primary" disabled=move || pending.get() data-testid="decision-submit">
                    {move || i18n.t(if decision.get() == Decision::Accept { Key::AcceptApplication } else { Key::DeclineApplication })}
                </button>
            </div>
        </form>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes_read_in_kilobytes_then_megabytes() {
        assert_eq!(file_size(10), "1 KB");
        assert_eq!(file_size(812 * 1024), "812 KB");
        assert_eq!(file_size(1024 * 1024), "1.0 MB");
        assert_eq!(file_size(1_468_006), "1.4 MB");
        assert_eq!(
            parse_day("2026-05-01").map(|d| d.to_string()).as_deref(),
            Some("2026-05-01")
        );
        assert_eq!(parse_day("01/05/2026"), None);
    }
}
