//! The country team's editor: every field is saved on change, part by part, through the
//! [`Drafts`] queue. Each edit is first checked with the domain's own rules (`check_*`); the
//! problems, and those the server answers, show next to their fields by path.

use std::collections::BTreeSet;

use leptos::ev::SubmitEvent;
use leptos::prelude::*;
use pioneer_domain::FieldError;
use pioneer_domain::currency::CURRENCIES;
use pioneer_domain::roadmap::validation::{
    Reference, check_action, check_complete, check_indicator, check_priority, check_roadmap_patch,
};
use pioneer_domain::roadmap::{
    Action, ActionPatch, Consultation, IndicatorPatch, NewPriority, Priority, Roadmap,
    RoadmapIndicator, RoadmapPatch, StakeholderGroup,
};
use serde_json::{Value, json};
use uuid::Uuid;

use super::{PartKind, use_refs, use_sync};
use crate::api::{from_value, to_value};
use crate::document::{CommentThread, Drafts, OpMethod, PendingOp, one_field};
use crate::i18n::{I18n, Key, use_i18n};
use crate::pages::dynamic;
use crate::pages::focus_id;
use pioneer_domain::roadmap::TargetKind;

/// Puts the problems of a local check at their paths; true when there are none.
fn checked(
    sync: Drafts<Roadmap>,
    prefix: &str,
    fields: &[&str],
    result: Result<(), Vec<FieldError>>,
) -> bool {
    let paths: Vec<String> = fields.iter().map(|f| format!("{prefix}{f}")).collect();
    sync.errors.update(|errors| {
        errors.retain(|e| {
            !paths
                .iter()
                .any(|p| e.field == *p || e.field.starts_with(&format!("{p}.")))
        });
    });
    match result {
        Ok(()) => true,
        Err(problems) => {
            sync.errors.update(|errors| {
                errors.extend(problems.into_iter().map(|mut e| {
                    e.field = format!("{prefix}{}", e.field);
                    e
                }));
            });
            false
        }
    }
}

fn reference_sets(sync: Drafts<Roadmap>) -> (BTreeSet<String>, BTreeSet<String>) {
    let refs = use_refs();
    let _ = sync;
    refs.with_value(|r| {
        (
            r.strategies.iter().map(|s| s.code.clone()).collect(),
            r.indicators.iter().map(|i| i.code.clone()).collect(),
        )
    })
}

/// The field errors at `path`, in the current language.
#[component]
fn FieldErrors(#[prop(into)] path: String, #[prop(into)] id: String) -> impl IntoView {
    let sync = use_sync();
    let i18n = use_i18n();
    dynamic(move || {
        let errors = sync.errors_at(&path);
        (!errors.is_empty()).then(|| {
            view! {
                <div id=id.clone()>
                    {errors
                        .iter()
                        .map(|e| view! { <p class="field-error">{i18n.field_error(e)}</p> })
                        .collect_view()}
                </div>
            }
        })
    })
}

/// A labelled input (or textarea) saved on change.
#[component]
fn Field(
    /// The element id, unique in the page.
    #[prop(into)]
    id: String,
    label: Key,
    /// The error path, e.g. `actions.<id>.end_month`.
    #[prop(into)]
    path: String,
    #[prop(into)] value: Signal<String>,
    on_commit: Callback<String>,
    #[prop(default = "text")] kind: &'static str,
    #[prop(optional)] multiline: bool,
    #[prop(optional)] wide: bool,
    #[prop(optional, into)] inputmode: Option<&'static str>,
) -> impl IntoView {
    let i18n = use_i18n();
    let sync = use_sync();
    let error_id = format!("{id}-error");
    let invalid = {
        let path = path.clone();
        move || (!sync.errors_at(&path).is_empty()).then_some("true")
    };
    let described = {
        let path = path.clone();
        let error_id = error_id.clone();
        move || (!sync.errors_at(&path).is_empty()).then(|| error_id.clone())
    };
    let control = if multiline {
        view! {
            <textarea
                id=id.clone()
                rows="4"
                prop:value=move || value.get()
                aria-invalid=invalid
                aria-describedby=described
                on:change=move |ev| on_commit.run(event_target_value(&ev))
            ></textarea>
        }
        .into_any()
    } else {
        view! {
            <input
                id=id.clone()
                type=kind
                inputmode=inputmode
                prop:value=move || value.get()
                aria-invalid=invalid
                aria-describedby=described
                on:change=move |ev| on_commit.run(event_target_value(&ev))
            />
        }
        .into_any()
    };
    view! {
        <div class=if wide { "field field-wide" } else { "field" }>
            <label for=id.clone()>{i18n.tx(label)}</label>
            {control}
            <FieldErrors path=path id=error_id />
        </div>
    }
}

fn text_or_null(raw: &str) -> Value {
    let raw = raw.trim();
    if raw.is_empty() {
        Value::Null
    } else {
        Value::String(raw.to_owned())
    }
}

fn year_or_null(raw: &str) -> Result<Value, ()> {
    let raw = raw.trim();
    if raw.is_empty() {
        return Ok(Value::Null);
    }
    raw.parse::<i32>().map(Value::from).map_err(drop)
}

fn invalid_number(field: &str) -> Vec<FieldError> {
    vec![FieldError::new(field, "invalid_number", "not a number")]
}

#[component]
pub fn Editor() -> impl IntoView {
    let sync = use_sync();
    let i18n = use_i18n();
    let view_rm = sync.view;

    let text_memo = move |f: fn(&Roadmap) -> String| {
        Signal::<String>::from(Memo::new(move |_| view_rm.with(f)))
    };

    // A roadmap-level edit, checked against the current period.
    let commit_roadmap = move |field: &'static str, value: Value| {
        let Some(patch) = from_value::<RoadmapPatch>(&one_field(field, value.clone())) else {
            return;
        };
        let period = view_rm.with_untracked(|r| (r.period_start, r.period_end));
        if checked(sync, "", &[field], check_roadmap_patch(&patch, period)) {
            sync.push(PendingOp::patch(
                PartKind::Roadmap,
                None,
                one_field(field, value),
            ));
        }
    };
    let commit_year = move |field: &'static str, raw: String| match raw.trim().parse::<i32>() {
        Ok(year) => commit_roadmap(field, year.into()),
        Err(_) => {
            checked(sync, "", &[field], Err(invalid_number(field)));
        }
    };
    let commit_consultation = move |change: Box<dyn Fn(&mut Consultation)>| {
        let mut consultation = view_rm.with_untracked(|r| r.consultation.clone());
        change(&mut consultation);
        if let Some(value) = to_value(&consultation) {
            commit_roadmap("consultation", value);
        }
    };

    let held_on = Signal::<String>::from(Memo::new(move |_| {
        view_rm.with(|r| {
            r.consultation
                .held_on
                .map(|d| d.to_string())
                .unwrap_or_default()
        })
    }));
    let participants = Signal::<String>::from(Memo::new(move |_| {
        view_rm.with(|r| {
            r.consultation
                .participants
                .map(|n| n.to_string())
                .unwrap_or_default()
        })
    }));
    let groups = Memo::new(move |_| view_rm.with(|r| r.consultation.stakeholder_groups.clone()));

    view! {
        <div class="editor" data-testid="editor">
            <div class="panel with-comments">
                <div class="section-body">
                    <h2>{i18n.tx(Key::Summary)}</h2>
                    <div class="form-grid">
                        <Field
                            id="rm-title"
                            label=Key::Title
                            path="title"
                            wide=true
                            value=text_memo(|r| r.title.clone())
                            on_commit=Callback::new(move |v: String| commit_roadmap("title", v.into()))
                        />
                        <Field
                            id="rm-period-start"
                            label=Key::PeriodStart
                            path="period_start"
                            kind="number"
                            value=text_memo(|r| r.period_start.to_string())
                            on_commit=Callback::new(move |v| commit_year("period_start", v))
                        />
                        <Field
                            id="rm-period-end"
                            label=Key::PeriodEnd
                            path="period_end"
                            kind="number"
                            value=text_memo(|r| r.period_end.to_string())
                            on_commit=Callback::new(move |v| commit_year("period_end", v))
                        />
                        <Field
                            id="rm-summary"
                            label=Key::Summary
                            path="summary"
                            multiline=true
                            wide=true
                            value=text_memo(|r| r.summary.clone())
                            on_commit=Callback::new(move |v: String| commit_roadmap("summary", v.into()))
                        />
                    </div>
                    <h3>{i18n.tx(Key::Consultation)}</h3>
                    <div class="form-grid">
                        <Field
                            id="rm-held-on"
                            label=Key::HeldOn
                            path="consultation.held_on"
                            kind="date"
                            value=held_on
                            on_commit=Callback::new(move |v: String| {
                                let date = v.trim().parse().ok();
                                commit_consultation(Box::new(move |c| c.held_on = date));
                            })
                        />
                        <Field
                            id="rm-participants"
                            label=Key::Participants
                            path="consultation.participants"
                            kind="number"
                            value=participants
                            on_commit=Callback::new(move |v: String| {
                                let raw = v.trim().to_owned();
                                if raw.is_empty() {
                                    commit_consultation(Box::new(|c| c.participants = None));
                                } else if let Ok(n) = raw.parse::<u32>() {
                                    commit_consultation(Box::new(move |c| c.participants = Some(n)));
                                } else {
                                    checked(
                                        sync,
                                        "",
                                        &["consultation.participants"],
                                        Err(invalid_number("consultation.participants")),
                                    );
                                }
                            })
                        />
                        <fieldset class="field field-wide checkbox-group">
                            <legend>{i18n.tx(Key::StakeholderGroups)}</legend>
                            <div class="checkbox-grid">
                                {StakeholderGroup::ALL
                                    .into_iter()
                                    .map(|group| {
                                        view! {
                                            <label class="checkbox">
                                                <input
                                                    type="checkbox"
                                                    prop:checked=move || groups.with(|g| g.contains(&group))
                                                    on:change=move |ev| {
                                                        let on = event_target_checked(&ev);
                                                        commit_consultation(Box::new(move |c| {
                                                            c.stakeholder_groups.retain(|g| *g != group);
                                                            if on {
                                                                c.stakeholder_groups.push(group);
                                                                c.stakeholder_groups.sort();
                                                            }
                                                        }));
                                                    }
                                                />
                                                {dynamic(move || i18n.stakeholder_group(group))}
                                            </label>
                                        }
                                    })
                                    .collect_view()}
                            </div>
                            <FieldErrors path="consultation.stakeholder_groups" id="rm-groups-error" />
                        </fieldset>
                    </div>
                </div>
                <CommentThread kind=TargetKind::Roadmap id=sync.doc.id />
            </div>
            <Completeness />
            <PrioritiesEditor />
            <IndicatorsEditor />
        </div>
    }
}

/// What `check_complete` still finds, as a list that leads to each field.
#[component]
fn Completeness() -> impl IntoView {
    let sync = use_sync();
    let i18n = use_i18n();
    let problems = Memo::new(move |_| sync.view.with(check_complete));
    view! {
        <div class="panel panel-check" id="completeness" tabindex="-1" data-testid="completeness">
            <h2>{i18n.tx(Key::Completeness)}</h2>
            {dynamic(move || {
                let problems = problems.get();
                if problems.is_empty() {
                    return view! { <p class="alert alert-ok">{i18n.tx(Key::ReadyToSubmit)}</p> }.into_any();
                }
                view! {
                    <ul class="check-list">
                        {problems
                            .into_iter()
                            .map(|problem| {
                                let label = sync.view.with(|r| describe_path(i18n, r, &problem.field));
                                let target = element_for_path(&problem.field);
                                view! {
                                    <li>
                                        <button
                                            type="button"
                                            class="link-button"
                                            on:click=move |_| focus_id(&target)
                                        >
                                            {label}
                                        </button>
                                        " — "
                                        {i18n.field_error(&problem)}
                                    </li>
                                }
                            })
                            .collect_view()}
                    </ul>
                }
                .into_any()
            })}
        </div>
    }
}

/// The id of the input that a completeness path names.
fn element_for_path(path: &str) -> String {
    let parts: Vec<&str> = path.split('.').collect();
    match parts.as_slice() {
        ["summary"] => "rm-summary".into(),
        ["consultation", "held_on"] => "rm-held-on".into(),
        ["consultation", "participants"] => "rm-participants".into(),
        ["consultation", _] => "rm-held-on".into(),
        ["priorities"] => "new-priority".into(),
        ["indicators"] => "new-indicator".into(),
        ["priorities", id, "actions"] => format!("new-action-{id}"),
        ["priorities", id, "strategies"] => format!("{id}-title"),
        ["actions", id, "budget", ..] => format!("{id}-budget"),
        ["actions", id, "secured", ..] => format!("{id}-secured"),
        [_, id, field, ..] => format!("{id}-{}", field.replace('_', "-")),
        _ => "rm-title".into(),
    }
}

fn field_key(field: &str) -> Option<Key> {
    Some(match field {
        "title" => Key::Title,
        "summary" => Key::Summary,
        "period_start" => Key::PeriodStart,
        "period_end" => Key::PeriodEnd,
        "consultation" => Key::Consultation,
        "held_on" => Key::HeldOn,
        "participants" => Key::Participants,
        "stakeholder_groups" => Key::StakeholderGroups,
        "priorities" => Key::Priorities,
        "indicators" => Key::Indicators,
        "strategies" => Key::Strategies,
        "actions" => Key::ActionsHeading,
        "description" => Key::Description,
        "lead_institution" => Key::LeadInstitution,
        "partners" => Key::Partners,
        "start_month" => Key::StartMonth,
        "end_month" => Key::EndMonth,
        "budget" => Key::BudgetAmount,
        "secured" => Key::Secured,
        "funding_source" => Key::FundingSource,
        "indicator_code" => Key::SdgIndicator,
        "name" => Key::Name,
        "unit" => Key::Unit,
        "baseline_value" => Key::BaselineValue,
        "baseline_year" => Key::BaselineYear,
        "target_value" => Key::TargetValue,
        "target_year" => Key::TargetYear,
        "source" => Key::Source,
        _ => return None,
    })
}

/// A field path in words: "Key action “Train teachers” — End month".
pub fn describe_path(i18n: I18n, roadmap: &Roadmap, path: &str) -> String {
    let parts: Vec<&str> = path.split('.').collect();
    let word = |f: &str| {
        field_key(f)
            .map(|k| i18n.t(k).to_owned())
            .unwrap_or_else(|| f.to_owned())
    };
    let part_name = |kind: &str, id: &str| -> Option<String> {
        let id = Uuid::parse_str(id).ok()?;
        Some(match kind {
            "priorities" => {
                let name = roadmap
                    .priorities
                    .iter()
                    .find(|p| p.id == id)?
                    .title
                    .clone();
                i18n.fmt(Key::PriorityNamed, &[("name", &name)])
            }
            "actions" => {
                let name = roadmap.actions.iter().find(|a| a.id == id)?.title.clone();
                i18n.fmt(Key::ActionNamed, &[("name", &name)])
            }
            "indicators" => {
                let name = roadmap.indicators.iter().find(|i| i.id == id)?.name.clone();
                i18n.fmt(Key::IndicatorNamed, &[("name", &name)])
            }
            _ => return None,
        })
    };
    match parts.as_slice() {
        [
            kind @ ("priorities" | "actions" | "indicators"),
            id,
            field,
            ..,
        ] => match part_name(kind, id) {
            Some(name) => format!("{name} — {}", word(field)),
            None => word(field),
        },
        ["consultation", field] => format!("{} — {}", i18n.t(Key::Consultation), word(field)),
        [field, ..] => word(field),
        [] => String::new(),
    }
}

/// The one-field form that adds a part (a priority, a key action, an indicator); its problems
/// show at `path`, under the input.
#[component]
fn AddPartForm(
    class: &'static str,
    /// The input's id; its errors are `<id>-error`.
    #[prop(into)]
    id: String,
    label: Key,
    #[prop(into)] path: String,
    button: Key,
    value: RwSignal<String>,
    on_submit: Callback<SubmitEvent>,
) -> impl IntoView {
    let i18n = use_i18n();
    let error_id = format!("{id}-error");
    view! {
        <form class=class on:submit=move |ev| on_submit.run(ev)>
            <div class="field">
                <label for=id.clone()>{i18n.tx(label)}</label>
                <input id=id type="text" bind:value=value />
                <FieldErrors path=path id=error_id />
            </div>
            <div class="form-actions">
                <button type="submit" class="button">{i18n.tx(button)}</button>
            </div>
        </form>
    }
}

/// The editors of a roadmap's parts, keyed by id so that an edit elsewhere keeps them. Every
/// list goes through this one function: one instantiation of `For` instead of one per list.
fn keyed_parts(ids: Memo<Vec<Uuid>>, part: fn(Uuid) -> AnyView) -> impl IntoView {
    view! { <For each=move || ids.get() key=|id| *id let:id>{part(id)}</For> }
}

#[component]
fn PrioritiesEditor() -> impl IntoView {
    let sync = use_sync();
    let i18n = use_i18n();
    let new_title = RwSignal::new(String::new());
    let ids = Memo::new(move |_| {
        sync.view
            .with(|r| r.priorities.iter().map(|p| p.id).collect::<Vec<_>>())
    });
    let add = move |ev: SubmitEvent| {
        ev.prevent_default();
        let (strategies, indicators) = reference_sets(sync);
        let input = NewPriority {
            title: new_title.get_untracked(),
            description: String::new(),
            strategies: Vec::new(),
        };
        let reference = Reference {
            strategies: &strategies,
            indicators: &indicators,
        };
        let ok = checked(
            sync,
            "new_priority.",
            &["title"],
            check_priority(&input, &reference).map(drop),
        );
        if ok && let Some(body) = to_value(&input) {
            sync.push(PendingOp {
                kind: PartKind::Priorities,
                part_id: None,
                method: OpMethod::Post,
                body: Some(body),
            });
            new_title.set(String::new());
        }
    };
    view! {
        <h2>{i18n.tx(Key::Priorities)}</h2>
        <FieldErrors path="priorities" id="priorities-error" />
        {keyed_parts(ids, |id| view! { <PriorityEditor id=id /> }.into_any())}
        <AddPartForm
            class="panel add-form no-print"
            id="new-priority"
            label=Key::NewPriorityTitle
            path="new_priority.title"
            button=Key::AddPriority
            value=new_title
            on_submit=Callback::new(add)
        />
    }
}

fn priority_memo<T: Clone + PartialEq + Send + Sync + 'static>(
    sync: Drafts<Roadmap>,
    id: Uuid,
    f: impl Fn(&Priority) -> T + Send + Sync + 'static,
    default: T,
) -> Memo<T> {
    Memo::new(move |_| {
        sync.view.with(|r| {
            r.priorities
                .iter()
                .find(|p| p.id == id)
                .map(&f)
                .unwrap_or_else(|| default.clone())
        })
    })
}

fn confirm(text: &str) -> bool {
    web_sys::window()
        .and_then(|w| w.confirm_with_message(text).ok())
        .unwrap_or(false)
}

#[component]
fn PriorityEditor(id: Uuid) -> impl IntoView {
    let sync = use_sync();
    let i18n = use_i18n();
    let refs = use_refs();
    let prefix = format!("priorities.{id}.");
    let title = priority_memo(sync, id, |p| p.title.clone(), String::new());
    let description = priority_memo(sync, id, |p| p.description.clone(), String::new());
    let strategies = priority_memo(sync, id, |p| p.strategies.clone(), Vec::new());

    let commit = {
        let prefix = prefix.clone();
        move |field: &'static str, value: Value| {
            let Some(current) = sync
                .view
                .with_untracked(|r| r.priorities.iter().find(|p| p.id == id).cloned())
            else {
                return;
            };
            let mut input = NewPriority {
                title: current.title,
                description: current.description,
                strategies: current.strategies,
            };
            match (field, &value) {
                ("title", Value::String(s)) => input.title = s.clone(),
                ("description", Value::String(s)) => input.description = s.clone(),
                ("strategies", v) => input.strategies = from_value(v).unwrap_or_default(),
                _ => {}
            }
            let (codes, indicators) = reference_sets(sync);
            let reference = Reference {
                strategies: &codes,
                indicators: &indicators,
            };
            if checked(
                sync,
                &prefix,
                &[field],
                check_priority(&input, &reference).map(drop),
            ) {
                sync.push(PendingOp::patch(
                    PartKind::Priorities,
                    Some(id),
                    one_field(field, value),
                ));
            }
        }
    };
    let commit_title = commit.clone();
    let commit_description = commit.clone();
    let strategy_list = refs.with_value(|r| r.strategies.clone());
    let delete = move |_| {
        let name = title.get_untracked();
        if confirm(&i18n.fmt(Key::ConfirmDelete, &[("name", &name)])) {
            sync.push(PendingOp {
                kind: PartKind::Priorities,
                part_id: Some(id),
                method: OpMethod::Delete,
                body: None,
            });
        }
    };
    let action_ids = Memo::new(move |_| {
        sync.view.with(|r| {
            r.actions
                .iter()
                .filter(|a| a.priority_id == id)
                .map(|a| a.id)
                .collect::<Vec<_>>()
        })
    });
    let new_action = RwSignal::new(String::new());
    let add_action = move |ev: SubmitEvent| {
        ev.prevent_default();
        let input = pioneer_domain::roadmap::NewAction {
            priority_id: id,
            title: new_action.get_untracked(),
            ..Default::default()
        };
        let at = format!("new_action.{id}.");
        if checked(sync, &at, &["title"], check_action(&input).map(drop))
            && let Some(body) = to_value(&input)
        {
            sync.push(PendingOp {
                kind: PartKind::Actions,
                part_id: None,
                method: OpMethod::Post,
                body: Some(body),
            });
            new_action.set(String::new());
        }
    };
    let heading = move || i18n.fmt(Key::PriorityNamed, &[("name", &title.get())]);

    view! {
        <article class="panel priority" data-testid="priority" aria-label=heading>
            <div class="with-comments">
                <div class="section-body" data-testid="priority-fields">
                    <div class="part-head">
                        <h3>{heading}</h3>
                        <button
                            type="button"
                            class="button button-danger button-small no-print"
                            aria-label=move || i18n.fmt(Key::DeleteNamed, &[("name", &title.get())])
                            on:click=delete
                        >
                            {i18n.tx(Key::Delete)}
                        </button>
                    </div>
                    <div class="form-grid">
                        <Field
                            id=format!("{id}-title")
                            label=Key::Title
                            path=format!("{prefix}title")
                            wide=true
                            value=title
                            on_commit=Callback::new(move |v: String| commit_title("title", v.into()))
                        />
                        <Field
                            id=format!("{id}-description")
                            label=Key::Description
                            path=format!("{prefix}description")
                            multiline=true
                            wide=true
                            value=description
                            on_commit=Callback::new(move |v: String| commit_description("description", v.into()))
                        />
                        <fieldset class="field field-wide checkbox-group">
                            <legend>{i18n.tx(Key::Strategies)}</legend>
                            <div class="checkbox-grid">
                                {strategy_list
                                    .into_iter()
                                    .map(|strategy| {
                                        let code = strategy.code.clone();
                                        let code_check = code.clone();
                                        let commit = commit.clone();
                                        view! {
                                            <label class="checkbox">
                                                <input
                                                    type="checkbox"
                                                    value=code.clone()
                                                    prop:checked=move || strategies.with(|s| s.contains(&code_check))
                                                    on:change=move |ev| {
                                                        let on = event_target_checked(&ev);
                                                        let mut list = strategies.get_untracked();
                                                        list.retain(|c| *c != code);
                                                        if on {
                                                            list.push(code.clone());
                                                        }
                                                        commit("strategies", json!(list));
                                                    }
                                                />
                                                {dynamic(move || i18n.pick(&strategy.name, &strategy.name_fr).to_owned())}
                                            </label>
                                        }
                                    })
                                    .collect_view()}
                            </div>
                            <FieldErrors path=format!("{prefix}strategies") id=format!("{id}-strategies-error") />
                        </fieldset>
                    </div>
                </div>
                <CommentThread kind=TargetKind::Priority id=id />
            </div>
            <h4>{i18n.tx(Key::ActionsHeading)}</h4>
            <FieldErrors path=format!("{prefix}actions") id=format!("{id}-actions-error") />
            {keyed_parts(action_ids, |id| view! { <ActionEditor id=id /> }.into_any())}
            <AddPartForm
                class="add-form no-print"
                id=format!("new-action-{id}")
                label=Key::NewActionTitle
                path=format!("new_action.{id}.title")
                button=Key::AddAction
                value=new_action
                on_submit=Callback::new(add_action)
            />
        </article>
    }
}

fn action_memo<T: Clone + PartialEq + Send + Sync + 'static>(
    sync: Drafts<Roadmap>,
    id: Uuid,
    f: impl Fn(&Action) -> T + Send + Sync + 'static,
    default: T,
) -> Memo<T> {
    Memo::new(move |_| {
        sync.view.with(|r| {
            r.actions
                .iter()
                .find(|a| a.id == id)
                .map(&f)
                .unwrap_or_else(|| default.clone())
        })
    })
}

#[component]
fn ActionEditor(id: Uuid) -> impl IntoView {
    let sync = use_sync();
    let i18n = use_i18n();
    let prefix = format!("actions.{id}.");
    let text =
        |f: fn(&Action) -> String| Signal::<String>::from(action_memo(sync, id, f, String::new()));
    let title = action_memo(sync, id, |a| a.title.clone(), String::new());
    let budget_currency = action_memo(
        sync,
        id,
        |a| a.budget.as_ref().map(|b| b.currency.clone()),
        None,
    );
    let chosen_currency = RwSignal::new(
        budget_currency
            .get_untracked()
            .unwrap_or_else(|| "USD".into()),
    );

    // One edit of the action, as a JSON patch; checked as the action it makes.
    let commit = {
        let prefix = prefix.clone();
        move |body: Value| {
            let Some(current) = sync
                .view
                .with_untracked(|r| r.actions.iter().find(|a| a.id == id).cloned())
            else {
                return;
            };
            let Some(patch) = from_value::<ActionPatch>(&body) else {
                return;
            };
            let fields: Vec<&str> = body
                .as_object()
                .map(|o| o.keys().map(String::as_str).collect())
                .unwrap_or_default();
            let next = patch.apply(&current);
            if checked(sync, &prefix, &fields, check_action(&next).map(drop)) {
                sync.push(PendingOp::patch(PartKind::Actions, Some(id), body));
            }
        }
    };
    let on = {
        let commit = commit.clone();
        move |field: &'static str, to_value: fn(&str) -> Value| {
            let commit = commit.clone();
            Callback::new(move |raw: String| commit(one_field(field, to_value(&raw))))
        }
    };
    let money = move |amount: &str, currency: &str| {
        if amount.trim().is_empty() {
            Value::Null
        } else {
            json!({"amount": amount.trim(), "currency": currency})
        }
    };
    let commit_budget = {
        let commit = commit.clone();
        Callback::new(move |raw: String| {
            commit(one_field(
                "budget",
                money(&raw, &chosen_currency.get_untracked()),
            ));
        })
    };
    let commit_secured = {
        let commit = commit.clone();
        Callback::new(move |raw: String| {
            commit(one_field(
                "secured",
                money(&raw, &chosen_currency.get_untracked()),
            ));
        })
    };
    let commit_currency = {
        let commit = commit.clone();
        move |currency: String| {
            chosen_currency.set(currency.clone());
            let Some(action) = sync
                .view
                .with_untracked(|r| r.actions.iter().find(|a| a.id == id).cloned())
            else {
                return;
            };
            let mut body = serde_json::Map::new();
            if let Some(budget) = action.budget {
                body.insert("budget".into(), money(&budget.amount, &currency));
            }
            if let Some(secured) = action.secured {
                body.insert("secured".into(), money(&secured.amount, &currency));
            }
            if !body.is_empty() {
                commit(Value::Object(body));
            }
        }
    };
    let delete = move |_| {
        let name = title.get_untracked();
        if confirm(&i18n.fmt(Key::ConfirmDelete, &[("name", &name)])) {
            sync.push(PendingOp {
                kind: PartKind::Actions,
                part_id: Some(id),
                method: OpMethod::Delete,
                body: None,
            });
        }
    };
    let heading = move || i18n.fmt(Key::ActionNamed, &[("name", &title.get())]);
    let partners_to_value: fn(&str) -> Value = |raw| {
        json!(
            raw.split(',')
                .map(str::trim)
                .filter(|p| !p.is_empty())
                .collect::<Vec<_>>()
        )
    };
    let string_value: fn(&str) -> Value = |raw| Value::String(raw.to_owned());

    view! {
        <div class="action with-comments" data-testid="action" aria-label=heading>
            <div class="section-body">
                <div class="part-head">
                    <h5>{heading}</h5>
                    <button
                        type="button"
                        class="button button-danger button-small no-print"
                        aria-label=move || i18n.fmt(Key::DeleteNamed, &[("name", &title.get())])
                        on:click=delete
                    >
                        {i18n.tx(Key::Delete)}
                    </button>
                </div>
                <div class="form-grid">
                    <Field id=format!("{id}-title") label=Key::Title path=format!("{prefix}title") wide=true
                        value=title on_commit=on("title", string_value) />
                    <Field id=format!("{id}-description") label=Key::Description path=format!("{prefix}description")
                        multiline=true wide=true value=text(|a| a.description.clone()) on_commit=on("description", string_value) />
                    <Field id=format!("{id}-lead-institution") label=Key::LeadInstitution path=format!("{prefix}lead_institution")
                        value=text(|a| a.lead_institution.clone().unwrap_or_default()) on_commit=on("lead_institution", text_or_null) />
                    <Field id=format!("{id}-partners") label=Key::Partners path=format!("{prefix}partners")
                        value=text(|a| a.partners.join(", ")) on_commit=on("partners", partners_to_value) />
                    <Field id=format!("{id}-start-month") label=Key::StartMonth path=format!("{prefix}start_month") kind="month"
                        value=text(|a| a.start_month.clone().unwrap_or_default()) on_commit=on("start_month", text_or_null) />
                    <Field id=format!("{id}-end-month") label=Key::EndMonth path=format!("{prefix}end_month") kind="month"
                        value=text(|a| a.end_month.clone().unwrap_or_default()) on_commit=on("end_month", text_or_null) />
                    <Field id=format!("{id}-budget") label=Key::BudgetAmount path=format!("{prefix}budget") inputmode="decimal"
                        value=text(|a| a.budget.as_ref().map(|m| m.amount.clone()).unwrap_or_default()) on_commit=commit_budget />
                    <div class="field">
                        <label for=format!("{id}-currency")>{i18n.tx(Key::Currency)}</label>
                        <select
                            id=format!("{id}-currency")
                            on:change=move |ev| commit_currency(event_target_value(&ev))
                        >
                            {CURRENCIES
                                .iter()
                                .map(|code| {
                                    let code = *code;
                                    view! {
                                        <option value=code prop:selected=move || chosen_currency.with(|c| c == code)>
                                            {code}
                                        </option>
                                    }
                                })
                                .collect_view()}
                        </select>
                    </div>
                    <Field id=format!("{id}-secured") label=Key::Secured path=format!("{prefix}secured") inputmode="decimal"
                        value=text(|a| a.secured.as_ref().map(|m| m.amount.clone()).unwrap_or_default()) on_commit=commit_secured />
                    <Field id=format!("{id}-funding-source") label=Key::FundingSource path=format!("{prefix}funding_source")
                        value=text(|a| a.funding_source.clone().unwrap_or_default()) on_commit=on("funding_source", text_or_null) />
                </div>
            </div>
            <CommentThread kind=TargetKind::Action id=id />
        </div>
    }
}

#[component]
fn IndicatorsEditor() -> impl IntoView {
    let sync = use_sync();
    let i18n = use_i18n();
    let ids = Memo::new(move |_| {
        sync.view
            .with(|r| r.indicators.iter().map(|i| i.id).collect::<Vec<_>>())
    });
    let new_name = RwSignal::new(String::new());
    let add = move |ev: SubmitEvent| {
        ev.prevent_default();
        let (strategies, indicators) = reference_sets(sync);
        let input = pioneer_domain::roadmap::NewIndicator {
            name: new_name.get_untracked(),
            ..Default::default()
        };
        let reference = Reference {
            strategies: &strategies,
            indicators: &indicators,
        };
        if checked(
            sync,
            "new_indicator.",
            &["name"],
            check_indicator(&input, &reference).map(drop),
        ) && let Some(body) = to_value(&input)
        {
            sync.push(PendingOp {
                kind: PartKind::Indicators,
                part_id: None,
                method: OpMethod::Post,
                body: Some(body),
            });
            new_name.set(String::new());
        }
    };
    view! {
        <h2>{i18n.tx(Key::Indicators)}</h2>
        <FieldErrors path="indicators" id="indicators-error" />
        {keyed_parts(ids, |id| view! { <IndicatorEditor id=id /> }.into_any())}
        <AddPartForm
            class="panel add-form no-print"
            id="new-indicator"
            label=Key::NewIndicatorName
            path="new_indicator.name"
            button=Key::AddIndicator
            value=new_name
            on_submit=Callback::new(add)
        />
    }
}

#[component]
fn IndicatorEditor(id: Uuid) -> impl IntoView {
    let sync = use_sync();
    let i18n = use_i18n();
    let refs = use_refs();
    let prefix = format!("indicators.{id}.");
    let memo = move |f: fn(&RoadmapIndicator) -> String| {
        Memo::new(move |_| {
            sync.view.with(|r| {
                r.indicators
                    .iter()
                    .find(|i| i.id == id)
                    .map(f)
                    .unwrap_or_default()
            })
        })
    };
    let name = memo(|i| i.name.clone());
    let code = memo(|i| i.indicator_code.clone().unwrap_or_default());
    let commit = {
        let prefix = prefix.clone();
        move |body: Value| {
            let Some(current) = sync
                .view
                .with_untracked(|r| r.indicators.iter().find(|i| i.id == id).cloned())
            else {
                return;
            };
            let Some(patch) = from_value::<IndicatorPatch>(&body) else {
                return;
            };
            let fields: Vec<&str> = body
                .as_object()
                .map(|o| o.keys().map(String::as_str).collect())
                .unwrap_or_default();
            let (strategies, indicators) = reference_sets(sync);
            let reference = Reference {
                strategies: &strategies,
                indicators: &indicators,
            };
            if checked(
                sync,
                &prefix,
                &fields,
                check_indicator(&patch.apply(&current), &reference).map(drop),
            ) {
                sync.push(PendingOp::patch(PartKind::Indicators, Some(id), body));
            }
        }
    };
    let on = {
        let commit = commit.clone();
        move |field: &'static str, to_value: fn(&str) -> Value| {
            let commit = commit.clone();
            Callback::new(move |raw: String| commit(one_field(field, to_value(&raw))))
        }
    };
    let on_year = {
        let commit = commit.clone();
        let prefix = prefix.clone();
        move |field: &'static str| {
            let commit = commit.clone();
            let prefix = prefix.clone();
            Callback::new(move |raw: String| match year_or_null(&raw) {
                Ok(value) => commit(one_field(field, value)),
                Err(()) => {
                    checked(sync, &prefix, &[field], Err(invalid_number(field)));
                }
            })
        }
    };
    let string_value: fn(&str) -> Value = |raw| Value::String(raw.to_owned());
    let indicators = refs.with_value(|r| r.indicators.clone());
    let commit_code = commit.clone();
    let delete = move |_| {
        let label = name.get_untracked();
        if confirm(&i18n.fmt(Key::ConfirmDelete, &[("name", &label)])) {
            sync.push(PendingOp {
                kind: PartKind::Indicators,
                part_id: Some(id),
                method: OpMethod::Delete,
                body: None,
            });
        }
    };
    let heading = move || i18n.fmt(Key::IndicatorNamed, &[("name", &name.get())]);
    view! {
        <article class="panel indicator with-comments" data-testid="indicator" aria-label=heading>
            <div class="section-body">
                <div class="part-head">
                    <h3>{heading}</h3>
                    <button
                        type="button"
                        class="button button-danger button-small no-print"
                        aria-label=move || i18n.fmt(Key::DeleteNamed, &[("name", &name.get())])
                        on:click=delete
                    >
                        {i18n.tx(Key::Delete)}
                    </button>
                </div>
                <div class="form-grid">
                    <div class="field field-wide">
                        <label for=format!("{id}-indicator-code")>{i18n.tx(Key::SdgIndicator)}</label>
                        <select
                            id=format!("{id}-indicator-code")
                            on:change=move |ev| commit_code(one_field("indicator_code", text_or_null(&event_target_value(&ev))))
                        >
                            <option value="" prop:selected=move || code.with(String::is_empty)>
                                {i18n.tx(Key::NationalIndicator)}
                            </option>
                            {indicators
                                .into_iter()
                                .map(|indicator| {
                                    let value = indicator.code.clone();
                                    let selected = indicator.code.clone();
                                    view! {
                                        <option value=value prop:selected=move || code.with(|c| *c == selected)>
                                            {dynamic(move || format!("{} — {}", indicator.code, i18n.pick(&indicator.title, &indicator.title_fr)))}
                                        </option>
                                    }
                                })
                                .collect_view()}
                        </select>
                        <FieldErrors path=format!("{prefix}indicator_code") id=format!("{id}-indicator-code-error") />
                    </div>
                    <Field id=format!("{id}-name") label=Key::Name path=format!("{prefix}name") wide=true
                        value=name on_commit=on("name", string_value) />
                    <Field id=format!("{id}-unit") label=Key::Unit path=format!("{prefix}unit")
                        value=memo(|i| i.unit.clone()) on_commit=on("unit", string_value) />
                    <Field id=format!("{id}-source") label=Key::Source path=format!("{prefix}source")
                        value=memo(|i| i.source.clone()) on_commit=on("source", string_value) />
                    <Field id=format!("{id}-baseline-value") label=Key::BaselineValue path=format!("{prefix}baseline_value") inputmode="decimal"
                        value=memo(|i| i.baseline_value.clone().unwrap_or_default()) on_commit=on("baseline_value", text_or_null) />
                    <Field id=format!("{id}-baseline-year") label=Key::BaselineYear path=format!("{prefix}baseline_year") kind="number"
                        value=memo(|i| i.baseline_year.map(|y| y.to_string()).unwrap_or_default()) on_commit=on_year("baseline_year") />
                    <Field id=format!("{id}-target-value") label=Key::TargetValue path=format!("{prefix}target_value") inputmode="decimal"
                        value=memo(|i| i.target_value.clone().unwrap_or_default()) on_commit=on("target_value", text_or_null) />
                    <Field id=format!("{id}-target-year") label=Key::TargetYear path=format!("{prefix}target_year") kind="number"
                        value=memo(|i| i.target_year.map(|y| y.to_string()).unwrap_or_default()) on_commit=on_year("target_year") />
                </div>
            </div>
            <CommentThread kind=TargetKind::Indicator id=id />
        </article>
    }
}
