//! `/reporting-cycles` (those who follow the reporting): the annual reporting cycles, the
//! newest first, each leading to its tracker and its synthesis. The secretariat and admins
//! open a cycle for a year with its opening and due dates, change its dates while it is open,
//! close it (its reports become read-only) and reopen it.

use chrono::NaiveDate;
use leptos::ev::SubmitEvent;
use leptos::prelude::*;
use leptos::task::spawn_local;
use pioneer_domain::report::can_manage_cycles;
use pioneer_domain::report::cycle::check_new;
use pioneer_domain::report::{CycleStatus, NewReportingCycle, ReportingCycle, ReportingCyclePatch};
use pioneer_domain::{ErrorCode, FieldError};

use crate::api::{self, ApiError, use_api};
use crate::components::StatusBadge;
use crate::i18n::{I18n, Key, use_i18n};
use crate::loader::Loader;
use crate::pages::{ErrorAlert, dynamic, error_text};
use crate::router::{synthesis_href, tracker_href};

/// A date input's value (`YYYY-MM-DD`) as a day; `None` when empty or not a date. Read by
/// hand: chrono's format parser would weigh 7 KB of wasm for this one use.
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

/// What a refused cycle write says, when no field explains it.
fn cycle_error(i18n: I18n, error: &ApiError) -> String {
    match error.code() {
        Some(ErrorCode::CycleExists) => i18n.t(Key::CycleExists).to_owned(),
        Some(ErrorCode::ValidationFailed) => i18n.t(Key::FormHasErrors).to_owned(),
        _ => error_text(i18n, error),
    }
}

/// The error of `field` among `errors`, under its control.
fn field_message(
    i18n: I18n,
    errors: RwSignal<Vec<FieldError>>,
    field: &'static str,
    id: String,
) -> impl Fn() -> Option<AnyView> + Send + Sync + 'static {
    move || {
        errors.with(|errs| {
            errs.iter().find(|e| e.field == field).map(|e| {
                view! { <p class="field-error" id=id.clone()>{i18n.field_error(e)}</p> }.into_any()
            })
        })
    }
}

fn is_invalid(
    errors: RwSignal<Vec<FieldError>>,
    field: &'static str,
) -> impl Fn() -> Option<&'static str> + Send + Sync + 'static {
    move || {
        errors
            .with(|e| e.iter().any(|e| e.field == field))
            .then_some("true")
    }
}

#[component]
pub fn CyclesPage() -> impl IntoView {
    let api = use_api();
    let i18n = use_i18n();
    let user = api.user();
    let manage =
        Memo::new(move |_| user.with(|u| u.as_ref().is_some_and(|u| can_manage_cycles(u.role))));
    let reload = RwSignal::new(0u32);
    let cycles = Loader::new(move || {
        reload.track();
        api::cycles::list(api)
    });
    let on_change = Callback::new(move |()| reload.update(|n| *n += 1));

    let list = move || {
        let items = match cycles.get() {
            None => return view! { <p class="muted">{i18n.tx(Key::Loading)}</p> }.into_any(),
            Some(Err(error)) => {
                return view! { <ErrorAlert message=error_text(i18n, &error) /> }.into_any();
            }
            Some(Ok(page)) => page.items,
        };
        if items.is_empty() {
            return view! { <p class="muted">{i18n.tx(Key::CyclesEmpty)}</p> }.into_any();
        }
        items
            .into_iter()
            .map(
                |cycle| view! { <CycleCard cycle=cycle manage=manage.get() on_change=on_change /> },
            )
            .collect_view()
            .into_any()
    };

    view! {
        <section class="page">
            <h1>{i18n.tx(Key::CyclesTitle)}</h1>
            <p class="lead">{i18n.tx(Key::CyclesIntro)}</p>
            <Show when=move || manage.get()>
                <NewCycleForm on_created=on_change />
            </Show>
            <div class="cycles" data-testid="cycles">{dynamic(list)}</div>
        </section>
    }
}

#[component]
fn NewCycleForm(on_created: Callback<()>) -> impl IntoView {
    let api = use_api();
    let i18n = use_i18n();
    let year = RwSignal::new(String::new());
    let opens = RwSignal::new(String::new());
    let due = RwSignal::new(String::new());
    let errors = RwSignal::new(Vec::<FieldError>::new());
    let failure = RwSignal::new(None::<String>);
    let done = RwSignal::new(None::<String>);

    let submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        failure.set(None);
        done.set(None);
        let mut problems = Vec::new();
        let parsed_year = year.get_untracked().trim().parse::<i32>().ok();
        if parsed_year.is_none() {
            problems.push(FieldError::new("year", "invalid_number", "not a number"));
        }
        let opens_on = parse_day(&opens.get_untracked());
        if opens_on.is_none() {
            problems.push(FieldError::new("opens_on", "required", "required"));
        }
        let due_on = parse_day(&due.get_untracked());
        if due_on.is_none() {
            problems.push(FieldError::new("due_on", "required", "required"));
        }
        let (Some(year_value), Some(opens_on), Some(due_on)) = (parsed_year, opens_on, due_on)
        else {
            errors.set(problems);
            return;
        };
        let input = NewReportingCycle {
            year: year_value,
            opens_on,
            due_on,
        };
        if let Err(problems) = check_new(&input) {
            errors.set(problems);
            return;
        }
        errors.set(Vec::new());
        spawn_local(async move {
            match api::cycles::create(api, &input).await {
                Ok(cycle) => {
                    done.set(Some(
                        i18n.fmt(Key::CycleCreated, &[("year", &cycle.year.to_string())]),
                    ));
                    year.set(String::new());
                    opens.set(String::new());
                    due.set(String::new());
                    on_created.run(());
                }
                Err(error) if !error.field_errors().is_empty() => {
                    errors.set(error.field_errors());
                }
                Err(error) => failure.set(Some(cycle_error(i18n, &error))),
            }
        });
    };

    view! {
        <form class="panel" on:submit=submit data-testid="new-cycle" novalidate>
            <h2>{i18n.tx(Key::NewCycle)}</h2>
            <div class="form-grid">
                {dynamic(move || failure.get().map(|m| view! { <ErrorAlert message=m /> }))}
                {dynamic(move || done.get().map(|m| view! { <p class="alert alert-ok" role="status">{m}</p> }))}
                <div class="field">
                    <label for="new-cycle-year">{i18n.tx(Key::CycleYear)}</label>
                    <input
                        id="new-cycle-year"
                        type="number"
                        inputmode="numeric"
                        min="2000"
                        max="2100"
                        bind:value=year
                        aria-invalid=is_invalid(errors, "year")
                    />
                    {field_message(i18n, errors, "year", "new-cycle-year-error".into())}
                </div>
                <div class="field">
                    <label for="new-cycle-opens">{i18n.tx(Key::OpensOn)}</label>
                    <input id="new-cycle-opens" type="date" bind:value=opens aria-invalid=is_invalid(errors, "opens_on") />
                    {field_message(i18n, errors, "opens_on", "new-cycle-opens-error".into())}
                </div>
                <div class="field">
                    <label for="new-cycle-due">{i18n.tx(Key::DueOn)}</label>
                    <input id="new-cycle-due" type="date" bind:value=due aria-invalid=is_invalid(errors, "due_on") />
                    {field_message(i18n, errors, "due_on", "new-cycle-due-error".into())}
                </div>
                <div class="form-actions">
                    <button type="submit" class="button button-primary">{i18n.tx(Key::OpenCycle)}</button>
                </div>
            </div>
        </form>
    }
}

/// One cycle: its status, its dates (editable while open), close or reopen, and its pages.
#[component]
fn CycleCard(
    cycle: ReportingCycle,
    /// Whether the member opens, dates and closes cycles (else the card only reads).
    manage: bool,
    on_change: Callback<()>,
) -> impl IntoView {
    let api = use_api();
    let i18n = use_i18n();
    let year = cycle.year;
    let open = cycle.status == CycleStatus::Open;
    let opens = RwSignal::new(cycle.opens_on.to_string());
    let due = RwSignal::new(cycle.due_on.to_string());
    let errors = RwSignal::new(Vec::<FieldError>::new());
    let failure = RwSignal::new(None::<String>);
    let saved = RwSignal::new(false);
    let working = RwSignal::new(false);

    let send = move |patch: ReportingCyclePatch| {
        working.set(true);
        failure.set(None);
        saved.set(false);
        spawn_local(async move {
            match api::cycles::update(api, year, &patch).await {
                Ok(_) => {
                    errors.set(Vec::new());
                    if patch.status.is_some() {
                        on_change.run(());
                    } else {
                        saved.set(true);
                    }
                }
                Err(error) if !error.field_errors().is_empty() => errors.set(error.field_errors()),
                Err(error) => failure.set(Some(cycle_error(i18n, &error))),
            }
            working.set(false);
        });
    };
    let save_dates = move |ev: SubmitEvent| {
        ev.prevent_default();
        let mut problems = Vec::new();
        let opens_on = parse_day(&opens.get_untracked());
        let due_on = parse_day(&due.get_untracked());
        if opens_on.is_none() {
            problems.push(FieldError::new("opens_on", "required", "required"));
        }
        if due_on.is_none() {
            problems.push(FieldError::new("due_on", "required", "required"));
        }
        if let (Some(o), Some(d)) = (opens_on, due_on)
            && d < o
        {
            problems.push(FieldError::new(
                "due_on",
                "before_opening",
                "before opening",
            ));
        }
        if !problems.is_empty() {
            errors.set(problems);
            return;
        }
        send(ReportingCyclePatch {
            opens_on,
            due_on,
            status: None,
        });
    };
    let toggle = move |_| {
        send(ReportingCyclePatch {
            status: Some(if open {
                CycleStatus::Closed
            } else {
                CycleStatus::Open
            }),
            ..Default::default()
        })
    };
    let heading_id = format!("cycle-{year}");
    let labelled_by = heading_id.clone();
    let opens_id = format!("cycle-{year}-opens");
    let due_id = format!("cycle-{year}-due");

    view! {
        <article class="panel cycle" data-testid="cycle" data-year=year aria-labelledby=labelled_by>
            <div class="part-head">
                <h2 id=heading_id>{move || i18n.fmt(Key::CycleN, &[("year", &year.to_string())])}</h2>
                <StatusBadge status=cycle.status.as_str() label=I18n::cycle_status_key(cycle.status) />
            </div>
            <p class="cycle-links">
                <a href=tracker_href(year)>{i18n.tx(Key::Tracker)}</a>
                " · "
                <a href=synthesis_href(year)>{i18n.tx(Key::Synthesis)}</a>
            </p>
            {dynamic(move || failure.get().map(|m| view! { <ErrorAlert message=m /> }))}
            {if open && manage {
                view! {
                    <form class="form-inline" on:submit=save_dates novalidate>
                        <div class="field">
                            <label for=opens_id.clone()>{i18n.tx(Key::OpensOn)}</label>
                            <input id=opens_id.clone() type="date" bind:value=opens aria-invalid=is_invalid(errors, "opens_on") />
                            {field_message(i18n, errors, "opens_on", format!("{opens_id}-error"))}
                        </div>
                        <div class="field">
                            <label for=due_id.clone()>{i18n.tx(Key::DueOn)}</label>
                            <input id=due_id.clone() type="date" bind:value=due aria-invalid=is_invalid(errors, "due_on") />
                            {field_message(i18n, errors, "due_on", format!("{due_id}-error"))}
                        </div>
                        <div class="form-actions">
                            <button type="submit" class="button" disabled=move || working.get()>
                                {i18n.tx(Key::SaveDates)}
                            </button>
                        </div>
                    </form>
                    <Show when=move || saved.get()>
                        <p class="alert alert-ok" role="status">{i18n.tx(Key::DatesSaved)}</p>
                    </Show>
                }
                .into_any()
            } else {
                view! {
                    <dl class="facts">
                        <div class="fact">
                            <dt>{i18n.tx(Key::OpensOn)}</dt>
                            <dd>{move || i18n.day(&cycle.opens_on)}</dd>
                        </div>
                        <div class="fact">
                            <dt>{i18n.tx(Key::DueOn)}</dt>
                            <dd>{move || i18n.day(&cycle.due_on)}</dd>
                        </div>
                    </dl>
                }
                .into_any()
            }}
            {manage.then(|| view! {
                <div class="form-actions">
                    <button
                        type="button"
                        class=if open { "button button-danger" } else { "button" }
                        data-testid="toggle-cycle"
                        disabled=move || working.get()
                        on:click=toggle
                    >
                        {i18n.tx(if open { Key::CloseCycle } else { Key::ReopenCycle })}
                    </button>
                </div>
            })}
        </article>
    }
}

#[cfg(test)]
mod tests {
    use super::parse_day;

    #[test]
    fn a_date_input_s_value_is_a_day() {
        assert_eq!(
            parse_day("2026-03-31").map(|d| d.to_string()).as_deref(),
            Some("2026-03-31")
        );
        assert_eq!(parse_day(""), None);
        assert_eq!(parse_day("31/03/2026"), None);
        assert_eq!(parse_day("2026-02-30"), None);
        assert_eq!(parse_day("2026-+2-01"), None);
    }
}
