//! `/reports/:id`: one annual progress report. The country team fills it in place while it is a
//! draft (or sent back for changes): per key action its status, progress and spending, per
//! indicator its latest value, the narrative and the support it asks for, each saved on change
//! through the document's [`Drafts`] (autosave, `If-Match`, conflicts), checked first by the
//! domain's rules. Everyone else who may see it reads the same page; reviewers comment on its
//! sections and accept it or send it back.
//!
//! A report is the second [`Document`] kind: it shares the roadmap's queue, fields, comments,
//! decision and history (`crate::document`), and only declares its parts here.

mod lines;
mod narrative;
mod support;

use leptos::prelude::*;
use pioneer_domain::report::validation::{check_action_progress, check_indicator_value};
use pioneer_domain::report::workflow::ReportKind;
use pioneer_domain::report::{
    ActionProgressInput, CycleStatus, IndicatorValueInput, Report, ReportStatus,
};
use pioneer_domain::review::{Access, Actor, DocumentAction, Section, access};
use pioneer_domain::roadmap::Priority;
use pioneer_domain::{ErrorCode, FieldError};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use super::DeadlineFlags;
use super::ReportBadge;
use crate::api::{self, ApiError, DocumentRef, Step, Verdict, use_api};
use crate::document::{
    CommentThread, Comments, ConflictView, DecisionPanel, Document, DocumentPart, Drafts,
    HistoryPanel, Notice, SaveStatus, Steps, error_message, notice_text, print_page,
};
use crate::i18n::{I18n, Key, use_i18n};
use crate::loader::Loader;
use crate::pages::roadmap::CountryName;
use crate::pages::{ErrorAlert, dynamic, error_text, focus_id};
use crate::router::{Route, report_id_in, roadmap_href, trend_href, use_router};

/// Which part of a report a write is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ReportPart {
    /// The narrative sections: `PATCH /reports/{id}` with `{"narrative": {…}}`.
    Narrative,
    /// A key action's line, replaced whole: `PUT /reports/{id}/actions/{action_id}`.
    Actions,
    /// An indicator's value, replaced whole: `PUT /reports/{id}/indicators/{indicator_id}`.
    Indicators,
    SupportRequests,
}

impl DocumentPart for ReportPart {
    fn segment(self) -> Option<&'static str> {
        match self {
            ReportPart::Narrative => None,
            ReportPart::Actions => Some("actions"),
            ReportPart::Indicators => Some("indicators"),
            ReportPart::SupportRequests => Some("support-requests"),
        }
    }

    fn field(self) -> Option<&'static str> {
        match self {
            ReportPart::SupportRequests => Some("support_requests"),
            other => other.segment(),
        }
    }

    fn id_field(self) -> &'static str {
        match self {
            ReportPart::Actions => "action_id",
            ReportPart::Indicators => "indicator_id",
            ReportPart::Narrative | ReportPart::SupportRequests => "id",
        }
    }

    fn within(self) -> Option<&'static str> {
        match self {
            ReportPart::Narrative => Some("narrative"),
            _ => None,
        }
    }
}

impl Document for Report {
    type Part = ReportPart;

    const CONFLICT_TITLE: Key = Key::ReportConflictTitle;
    const APPROVAL: (Verdict, Key) = (Verdict::Accept, Key::AcceptReport);
    const SUBMITTED: Key = Key::ReportSubmitted;
    const STALE_RELOADED: Key = Key::ReportStaleReloaded;
    const NOT_EDITABLE: (ErrorCode, Key) = (ErrorCode::ReportNotEditable, Key::ReportNotEditable);

    fn doc_ref(&self) -> DocumentRef {
        DocumentRef::report(self.id)
    }

    fn revision(&self) -> i64 {
        self.revision
    }

    fn set_revision(&mut self, revision: i64) {
        self.revision = revision;
    }

    fn describe_path(&self, i18n: I18n, path: &str) -> String {
        describe_path(i18n, self, path)
    }
}

/// A field's name in words (`progress_percent` → "Progress (%)").
pub fn field_label(i18n: I18n, field: &str) -> String {
    let key = match field {
        "status" => Key::ActionStatus,
        "progress_percent" => Key::ProgressPercent,
        "spent" | "amount" => Key::Spent,
        "note" => Key::Note,
        "value" => Key::Value,
        "year" => Key::ValueYear,
        "source" => Key::Source,
        "type" => Key::SupportType,
        "description" => Key::Description,
        "priority_id" | "action_id" => Key::Concerns,
        "achievements" => Key::Achievements,
        "challenges" => Key::Challenges,
        "lessons_learned" => Key::LessonsLearned,
        "children_participation" => Key::ChildrenParticipation,
        other => return other.to_owned(),
    };
    i18n.t(key).to_owned()
}

/// A field path in words: "Key action “Helpline” — Progress (%)".
pub fn describe_path(i18n: I18n, report: &Report, path: &str) -> String {
    let parts: Vec<&str> = path.split('.').collect();
    let named = |kind: &str, id: &str| -> Option<String> {
        let id = Uuid::parse_str(id).ok()?;
        Some(match kind {
            "actions" => {
                let line = report.actions.iter().find(|a| a.action_id == id)?;
                i18n.fmt(Key::ActionNamed, &[("name", &line.title)])
            }
            "indicators" => {
                let line = report.indicators.iter().find(|i| i.indicator_id == id)?;
                i18n.fmt(Key::IndicatorNamed, &[("name", &line.name)])
            }
            "support_requests" => i18n.t(Key::SectionSupportRequest).to_owned(),
            _ => return None,
        })
    };
    match parts.as_slice() {
        [kind, id, field, ..] => match named(kind, id) {
            Some(name) => format!("{name} — {}", field_label(i18n, field)),
            None => field_label(i18n, field),
        },
        ["narrative", field] => field_label(i18n, field),
        [field, ..] => field_label(i18n, field),
        [] => String::new(),
    }
}

/// The id of the control that a field path leads to (`<id>-progress-percent`).
pub fn element_for_path(path: &str) -> String {
    let parts: Vec<&str> = path.split('.').collect();
    match parts.as_slice() {
        ["narrative", field] => format!("narrative-{}", field.replace('_', "-")),
        [_, id, field, ..] => format!("{id}-{}", field.replace('_', "-")),
        _ => "report-title".into(),
    }
}

/// What the local checks find in the report as it stands: each key action's line and each
/// indicator value entered, by the domain's rules, at their paths.
pub fn check_report(report: &Report) -> Vec<FieldError> {
    let mut problems = Vec::new();
    for line in &report.actions {
        let input = ActionProgressInput {
            status: line.status,
            progress_percent: i64::from(line.progress_percent),
            spent: line.spent.clone(),
            note: line.note.clone(),
            budget_currency: line.budget.as_ref().map(|b| b.currency.clone()),
        };
        if let Err(errors) = check_action_progress(&input) {
            problems.extend(errors.into_iter().map(|mut e| {
                e.field = format!("actions.{}.{}", line.action_id, e.field);
                e
            }));
        }
    }
    for line in &report.indicators {
        let (Some(value), Some(year)) = (&line.value, line.year) else {
            continue;
        };
        let input = IndicatorValueInput {
            value: value.clone(),
            year,
            source: line.source.clone(),
        };
        if let Err(errors) = check_indicator_value(&input) {
            problems.extend(errors.into_iter().map(|mut e| {
                e.field = format!("indicators.{}.{}", line.indicator_id, e.field);
                e
            }));
        }
    }
    problems
}

/// What the signed-in member may do with the report shown, in its current status and while
/// its cycle is open (a closed cycle's reports are read-only).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Perms {
    pub edit: bool,
    pub submit: bool,
    pub withdraw: bool,
    pub review: bool,
    pub comment: bool,
}

pub fn perms(actor: Option<&Actor>, report: &Report, cycle_open: bool) -> Perms {
    let Some(actor) = actor else {
        return Perms::default();
    };
    let allowed = |action| {
        access::<ReportKind>(actor, action, &report.country_code, report.status) == Access::Allowed
    };
    let editable = cycle_open
        && matches!(
            report.status,
            ReportStatus::Draft | ReportStatus::ChangesRequested
        );
    let submitted = cycle_open && report.status == ReportStatus::Submitted;
    Perms {
        edit: allowed(DocumentAction::Edit) && editable,
        submit: allowed(DocumentAction::Submit) && editable,
        withdraw: allowed(DocumentAction::Withdraw) && submitted,
        review: allowed(DocumentAction::Review) && submitted,
        comment: allowed(DocumentAction::Comment),
    }
}

/// What the parts of the page share: the sync, whether the member edits, and the names the
/// report's lines refer to (the roadmap's priorities, the strategies).
#[derive(Clone, Copy)]
pub struct ReportCtx {
    pub sync: Drafts<Report>,
    pub editing: Memo<bool>,
    /// The roadmap's priorities once loaded (empty until then, or if it cannot be read).
    pub priorities: Signal<Vec<Priority>>,
    pub strategies: StoredValue<Vec<pioneer_domain::reference::Strategy>>,
}

impl ReportCtx {
    pub fn strategy_name(self, i18n: I18n, code: &str) -> String {
        self.strategies.with_value(|all| {
            all.iter()
                .find(|s| s.code == code)
                .map(|s| i18n.name(s).to_owned())
                .unwrap_or_else(|| code.to_owned())
        })
    }
}

pub fn use_report() -> ReportCtx {
    expect_context::<ReportCtx>()
}

#[component]
pub fn ReportPage() -> impl IntoView {
    let api = use_api();
    let i18n = use_i18n();
    let path = use_router().path();
    // Kept while the page goes away, so that leaving it does not ask for another report.
    let id = Memo::new(move |previous: Option<&Option<Uuid>>| {
        path.with(|p| match Route::of(p) {
            Route::Report => report_id_in(p),
            _ => previous.copied().flatten(),
        })
    });
    let data = Loader::new(move || {
        let id = id.get();
        async move {
            let Some(id) = id else {
                return Err(ApiError::Status {
                    status: 404,
                    code: ErrorCode::NotFound,
                    message: String::new(),
                    details: Vec::new(),
                    retry_after: None,
                    current: None,
                });
            };
            let (report, strategies) =
                futures::join!(api::reports::get(api, id), api::reference::strategies(api));
            let tagged = report?;
            let mut report = tagged.value;
            if let Some(revision) = tagged.revision {
                report.revision = revision;
            }
            Ok((report, strategies.map(|p| p.items).unwrap_or_default()))
        }
    });

    dynamic(move || match data.get() {
        None => view! { <p class="muted">{i18n.tx(Key::Loading)}</p> }.into_any(),
        Some(Err(ApiError::Status { status: 404, .. })) => view! {
            <section class="page">
                <h1>{i18n.tx(Key::NotFoundTitle)}</h1>
                <p>{i18n.tx(Key::NotFoundBody)}</p>
            </section>
        }
        .into_any(),
        Some(Err(error)) => view! { <ErrorAlert message=error_text(i18n, &error) /> }.into_any(),
        Some(Ok((report, strategies))) => {
            view! { <ReportScreen report=report strategies=strategies /> }.into_any()
        }
    })
}

/// Something a workflow step left to say.

#[component]
fn ReportScreen(
    report: Report,
    strategies: Vec<pioneer_domain::reference::Strategy>,
) -> impl IntoView {
    let api = use_api();
    let i18n = use_i18n();
    let user = api.user();
    let roadmap_id = report.roadmap_id;
    let sync = Drafts::new(api, report);
    let view_rp = sync.view;

    let actor = Memo::new(move |_| {
        user.with(|u| {
            u.as_ref().map(|u| Actor {
                role: u.role,
                country_code: u.country_code.clone(),
            })
        })
    });
    // A closed cycle's reports are read-only, whatever their status (open until known).
    let year_reported = view_rp.with_untracked(|r| r.year);
    let cycle = Loader::new(move || api::cycles::get(api, year_reported));
    let cycle_open =
        Memo::new(move |_| !matches!(cycle.get(), Some(Ok(c)) if c.status == CycleStatus::Closed));
    let perms = Memo::new(move |_| {
        let open = cycle_open.get();
        actor.with(|a| view_rp.with(|r| perms(a.as_ref(), r, open)))
    });
    let editing = Memo::new(move |_| perms.get().edit);
    // The names of the roadmap's priorities, on their own: the page does not wait for them.
    let roadmap = Loader::new(move || api::reports::roadmap(api, roadmap_id));
    let priorities = Signal::derive(move || {
        roadmap
            .get()
            .and_then(Result::ok)
            .map(|r| r.priorities)
            .unwrap_or_default()
    });
    provide_context(ReportCtx {
        sync,
        editing,
        priorities,
        strategies: StoredValue::new(strategies),
    });
    Comments::provide(api, sync.doc, Signal::derive(move || perms.get().comment));

    let steps = Steps::default();
    let Steps {
        working,
        error: step_error,
        notice,
    } = steps;
    let revision = Memo::new(move |_| sync.server.with(Document::revision));
    let status = Memo::new(move |_| view_rp.with(|r| r.status));
    let year = Memo::new(move |_| view_rp.with(|r| r.year));
    let country = Signal::derive(move || view_rp.with(|r| r.country_code.clone()));
    let flags = Memo::new(move |_| view_rp.with(|r| (r.late, r.overdue)));

    // A refusal focuses the first field it names.
    let step = move |step: Step, then: Option<Notice>| {
        steps.take(sync, step, then, |error| {
            if let Some(first) = error.field_errors().first() {
                focus_id(&element_for_path(&first.field));
            }
        });
    };
    // Checked here first: what the member typed and the domain refuses never leaves the page.
    let submit = move |_| {
        if !sync.settled() {
            sync.flush();
            return;
        }
        let problems = view_rp.with_untracked(check_report);
        if !problems.is_empty() {
            sync.errors.update(|errors| {
                for problem in problems {
                    if !errors.contains(&problem) {
                        errors.push(problem);
                    }
                }
            });
        }
        let first = sync
            .errors
            .with_untracked(|e| e.first().map(|e| e.field.clone()));
        if let Some(first) = first {
            step_error.set(Some(ApiError::Status {
                status: 422,
                code: ErrorCode::ValidationFailed,
                message: String::new(),
                details: Vec::new(),
                retry_after: None,
                current: None,
            }));
            focus_id(&element_for_path(&first));
            return;
        }
        step(Step::Submit, Some(Notice::Submitted));
    };
    let withdraw = move |_| step(Step::Withdraw, None);
    let print = move |_| print_page();

    let notice_view = move || {
        notice.get().map(|n| {
            let key = notice_text::<Report>(n);
            view! { <p class="alert alert-ok" role="status">{i18n.tx(key)}</p> }
        })
    };
    let error_view = move || {
        step_error
            .get()
            .or_else(|| sync.failure.get())
            .map(|error| {
                let message = error_message::<Report>(i18n, &error);
                view! { <ErrorAlert message=message /> }
            })
    };

    view! {
        <section class="page report" data-testid="report">
            <div class="page-head">
                <div>
                    <p class="muted eyebrow"><CountryName code=country /></p>
                    <h1 id="report-title" tabindex="-1" data-testid="report-title">
                        {move || i18n.fmt(Key::ReportTitle, &[("year", &year.get().to_string())])}
                    </h1>
                </div>
                <div class="badges">
                    {dynamic(move || view! { <ReportBadge status=status.get() testid="status-badge" /> })}
                    {dynamic(move || {
                        let (late, overdue) = flags.get();
                        (late || overdue).then(|| view! { <DeadlineFlags late=late overdue=overdue /> })
                    })}
                </div>
            </div>
            <p class="report-links">
                <a href=roadmap_href(roadmap_id)>
                    {move || i18n.fmt(Key::RoadmapVersionLink, &[("n", &view_rp.with(|r| r.roadmap_version).to_string())])}
                </a>
                " · "
                {move || {
                    let href = trend_href(&country.get());
                    view! { <a href=href>{i18n.tx(Key::TrendLink)}</a> }
                }}
            </p>
            <div class="toolbar no-print">
                <button type="button" class="button button-quiet" on:click=print>
                    {i18n.tx(Key::Print)}
                </button>
                <Show when=move || perms.get().submit>
                    <button
                        type="button"
                        class="button button-primary"
                        data-testid="submit-report"
                        disabled=move || working.get()
                        on:click=submit
                    >
                        {i18n.tx(Key::Submit)}
                    </button>
                </Show>
                <Show when=move || perms.get().withdraw>
                    <button
                        type="button"
                        class="button"
                        data-testid="withdraw-report"
                        disabled=move || working.get()
                        on:click=withdraw
                    >
                        {i18n.tx(Key::Withdraw)}
                    </button>
                </Show>
                <Show when=move || editing.get()>
                    <SaveStatus sync=sync />
                </Show>
            </div>
            {dynamic(notice_view)}
            {dynamic(error_view)}
            <ConflictView sync=sync />
            <div class="panel with-comments">
                <div class="section-body">
                    <h2>{i18n.tx(Key::GeneralComments)}</h2>
                    <p class="muted">{i18n.tx(Key::GeneralCommentsHint)}</p>
                </div>
                <CommentThread kind=Section::Report id=sync.doc.id />
            </div>
            <lines::ActionLines />
            <lines::IndicatorLines />
            <narrative::Narrative />
            <support::SupportRequests />
            <Show when=move || perms.get().review>
                <DecisionPanel sync=sync />
            </Show>
            <HistoryPanel doc=sync.doc revision=revision />
        </section>
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::drafts::apply_pending;
    use crate::document::{OpMethod, PendingOp, one_field, part_json};
    use serde_json::json;

    const REPORT: &str = "0190a000-0000-7000-8000-0000000000aa";
    const ACTION: &str = "0190a000-0000-7000-8000-000000000001";
    const INDICATOR: &str = "0190a000-0000-7000-8000-000000000002";
    const REQUEST: &str = "0190a000-0000-7000-8000-000000000003";

    fn report() -> Report {
        serde_json::from_value(json!({
            "id": REPORT, "roadmap_id": "0190a000-0000-7000-8000-0000000000bb",
            "roadmap_version": 1, "country_code": "KEN", "year": 2025, "status": "draft",
            "late": false, "overdue": false, "submitted_at": null, "revision": 4,
            "previous_report_id": null,
            "narrative": {"achievements": "", "challenges": "", "lessons_learned": "",
                          "children_participation": ""},
            "actions": [{"action_id": ACTION, "priority_id": "0190a000-0000-7000-8000-0000000000cc",
                "title": "Helpline", "strategies": ["response"], "status": "not_started",
                "progress_percent": 0, "spent": null,
                "budget": {"amount": "1000.00", "currency": "KES"}, "note": "",
                "carried_over": false}],
            "indicators": [{"indicator_id": INDICATOR, "indicator_code": "16.2.1",
                "name": "Violent discipline", "unit": "%", "baseline_value": "40",
                "baseline_year": 2020, "target_value": "10", "target_year": 2030,
                "value": "31", "year": 2024, "source": "MICS", "progress_to_target": 30,
                "carried_over": true}],
            "support_requests": [{"id": REQUEST, "type": "technical",
                "description": "Data system", "priority_id": null, "action_id": null}],
            "created_at": "2026-01-20T00:00:00Z", "updated_at": "2026-01-20T00:00:00Z"
        }))
        .expect("a report as the server sends it")
    }

    fn id(raw: &str) -> Uuid {
        Uuid::parse_str(raw).expect("an id")
    }

    #[test]
    fn a_report_s_parts_are_addressed_by_their_own_ids_and_fields() {
        let op = PendingOp::put(
            ReportPart::Actions,
            id(ACTION),
            json!({"status": "on_track", "progress_percent": 40,
                   "spent": {"amount": "250.00", "currency": "KES"}, "note": "Started"}),
        );
        assert_eq!(op.field_prefix(), format!("actions.{ACTION}."));
        let shown = apply_pending(&report(), &[op]);
        assert_eq!(shown.actions[0].progress_percent, 40);
        assert_eq!(
            shown.actions[0].budget.as_ref().map(|b| b.amount.as_str()),
            Some("1000.00"),
            "what the line does not send stays"
        );
        let request = PendingOp::patch(
            ReportPart::SupportRequests,
            Some(id(REQUEST)),
            one_field("description", "Case management".into()),
        );
        assert_eq!(
            request.field_prefix(),
            format!("support_requests.{REQUEST}.")
        );
        let shown = apply_pending(&report(), &[request]);
        assert_eq!(shown.support_requests[0].description, "Case management");
        let delete = PendingOp {
            kind: ReportPart::SupportRequests,
            part_id: Some(id(REQUEST)),
            method: OpMethod::Delete,
            body: None,
        };
        assert!(
            apply_pending(&report(), &[delete])
                .support_requests
                .is_empty()
        );
    }

    #[test]
    fn the_narrative_is_written_inside_its_object() {
        let op = PendingOp::patch(
            ReportPart::Narrative,
            None,
            one_field("achievements", "A helpline in every county".into()),
        );
        assert_eq!(op.field_prefix(), "narrative.");
        let shown = apply_pending(&report(), std::slice::from_ref(&op));
        assert_eq!(shown.narrative.achievements, "A helpline in every county");
        assert_eq!(
            part_json(&report(), ReportPart::Narrative, None)
                .and_then(|n| n.get("challenges").cloned()),
            Some(json!(""))
        );
        assert_eq!(
            report().describe_path(I18n::for_tests(), "narrative.achievements"),
            "Achievements"
        );
    }

    #[test]
    fn field_paths_lead_to_their_controls_and_read_in_words() {
        assert_eq!(
            element_for_path(&format!("actions.{ACTION}.progress_percent")),
            format!("{ACTION}-progress-percent")
        );
        assert_eq!(
            element_for_path(&format!("actions.{ACTION}.spent.amount")),
            format!("{ACTION}-spent")
        );
        assert_eq!(
            element_for_path("narrative.lessons_learned"),
            "narrative-lessons-learned"
        );
        assert_eq!(
            describe_path(
                I18n::for_tests(),
                &report(),
                &format!("actions.{ACTION}.progress_percent")
            ),
            "Key action “Helpline” — Progress (%)"
        );
    }

    #[test]
    fn the_local_check_finds_a_spending_in_another_currency() {
        let mut report = report();
        assert!(check_report(&report).is_empty());
        report.actions[0].spent = Some(pioneer_domain::roadmap::Money {
            amount: "10".into(),
            currency: "USD".into(),
        });
        let problems = check_report(&report);
        assert_eq!(problems.len(), 1);
        assert_eq!(
            problems[0].field,
            format!("actions.{ACTION}.spent.currency")
        );
    }

    #[test]
    fn only_the_own_team_edits_and_only_reviewers_decide() {
        use pioneer_domain::Role;
        let report = report();
        let who = |role, country: Option<&str>| Actor {
            role,
            country_code: country.map(str::to_owned),
        };
        let focal = perms(
            Some(&who(Role::CountryFocalPoint, Some("KEN"))),
            &report,
            true,
        );
        assert!(focal.edit && focal.submit && !focal.review);
        let contributor = perms(
            Some(&who(Role::CountryContributor, Some("KEN"))),
            &report,
            true,
        );
        assert!(contributor.edit && !contributor.submit);
        let other = perms(
            Some(&who(Role::CountryFocalPoint, Some("COL"))),
            &report,
            true,
        );
        assert_eq!(other, Perms::default());
        let mut submitted = report.clone();
        submitted.status = ReportStatus::Submitted;
        let reviewer = perms(Some(&who(Role::Reviewer, None)), &submitted, true);
        assert!(reviewer.review && reviewer.comment && !reviewer.edit);
        let focal = perms(
            Some(&who(Role::CountryFocalPoint, Some("KEN"))),
            &submitted,
            true,
        );
        assert!(focal.withdraw && !focal.edit);
        let closed = perms(
            Some(&who(Role::CountryFocalPoint, Some("KEN"))),
            &report,
            false,
        );
        assert!(!closed.edit && !closed.submit && closed.comment);
    }
}
