//! The support a country asks the alliance for: its type, what it is about, and the priority
//! or key action it concerns. Added, edited and deleted like any part of a document.

use leptos::ev::SubmitEvent;
use leptos::prelude::*;
use pioneer_domain::report::validation::check_support_request;
use pioneer_domain::report::{NewSupportRequest, SupportRequest, SupportType};
use pioneer_domain::review::Section;
use serde_json::{Map, Value};
use uuid::Uuid;

use super::{ReportCtx, ReportPart, use_report};
use crate::api::to_value;
use crate::document::{
    CommentThread, Field, FieldErrors, OpMethod, PendingOp, invalid_attrs, one_field,
};
use crate::i18n::{I18n, Key, use_i18n};
use crate::pages::{confirm, dynamic};

/// What a request concerns, as its select writes it: `priority:<id>`, `action:<id>`, or
/// nothing (the whole roadmap).
fn concerns_value(priority: Option<Uuid>, action: Option<Uuid>) -> String {
    match (action, priority) {
        (Some(action), _) => format!("action:{action}"),
        (None, Some(priority)) => format!("priority:{priority}"),
        (None, None) => String::new(),
    }
}

/// The priority and the key action a select's value names.
fn concerns_of(value: &str) -> (Option<Uuid>, Option<Uuid>) {
    let id = |raw: &str| Uuid::parse_str(raw).ok();
    match value.split_once(':') {
        Some(("priority", raw)) => (id(raw), None),
        Some(("action", raw)) => (None, id(raw)),
        _ => (None, None),
    }
}

/// The options of the "what it concerns" select: the whole roadmap, each priority, each key
/// action.
fn concerns_options(ctx: ReportCtx, i18n: I18n) -> Vec<(String, String)> {
    let mut options = vec![(String::new(), i18n.t(Key::ConcernsNothing).to_owned())];
    options.extend(ctx.priorities.with(|all| {
        all.iter()
            .map(|p| {
                (
                    concerns_value(Some(p.id), None),
                    i18n.fmt(Key::PriorityNamed, &[("name", &p.title)]),
                )
            })
            .collect::<Vec<_>>()
    }));
    options.extend(ctx.sync.view.with(|r| {
        r.actions
            .iter()
            .map(|a| {
                (
                    concerns_value(None, Some(a.action_id)),
                    i18n.fmt(Key::ActionNamed, &[("name", &a.title)]),
                )
            })
            .collect::<Vec<_>>()
    }));
    options
}

/// What a request concerns, in words.
fn concerns_text(ctx: ReportCtx, i18n: I18n, request: &SupportRequest) -> String {
    let value = concerns_value(request.priority_id, request.action_id);
    concerns_options(ctx, i18n)
        .into_iter()
        .find(|(v, _)| *v == value)
        .map(|(_, label)| label)
        .unwrap_or_else(|| i18n.t(Key::ConcernsNothing).to_owned())
}

/// A labelled select of the support types.
#[component]
fn TypeSelect(
    id: String,
    #[prop(into)] selected: Signal<SupportType>,
    on_change: Callback<SupportType>,
) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <div class="field">
            <label for=id.clone()>{i18n.tx(Key::SupportType)}</label>
            <select
                id=id
                on:change=move |ev| {
                    if let Ok(kind) = event_target_value(&ev).parse::<SupportType>() {
                        on_change.run(kind);
                    }
                }
            >
                {SupportType::ALL
                    .iter()
                    .map(|kind| {
                        let kind = *kind;
                        view! {
                            <option value=kind.as_str() prop:selected=move || selected.get() == kind>
                                {i18n.tx(I18n::support_type_key(kind))}
                            </option>
                        }
                    })
                    .collect_view()}
            </select>
        </div>
    }
}

/// A labelled select of what a request concerns.
#[component]
fn ConcernsSelect(
    id: String,
    #[prop(into)] selected: Signal<String>,
    on_change: Callback<String>,
) -> impl IntoView {
    let ctx = use_report();
    let i18n = use_i18n();
    let options = move || {
        concerns_options(ctx, i18n)
            .into_iter()
            .map(|(value, label)| {
                let chosen = value.clone();
                view! { <option value=value prop:selected=move || selected.with(|s| *s == chosen)>{label}</option> }
            })
            .collect_view()
    };
    view! {
        <div class="field field-wide">
            <label for=id.clone()>{i18n.tx(Key::Concerns)}</label>
            <select id=id on:change=move |ev| on_change.run(event_target_value(&ev))>
                {dynamic(options)}
            </select>
        </div>
    }
}

#[component]
pub fn SupportRequests() -> impl IntoView {
    let ctx = use_report();
    let i18n = use_i18n();
    let ids = Memo::new(move |_| {
        ctx.sync
            .view
            .with(|r| r.support_requests.iter().map(|s| s.id).collect::<Vec<_>>())
    });
    view! {
        <section class="report-section" aria-labelledby="support-heading">
            <h2 id="support-heading">{i18n.tx(Key::SupportRequests)}</h2>
            <Show when=move || ids.with(Vec::is_empty)>
                <p class="muted">{i18n.tx(Key::NoSupportRequests)}</p>
            </Show>
            <For each=move || ids.get() key=|id| *id let:id>
                <SupportRequestItem id=id />
            </For>
            <Show when=move || ctx.editing.get()>
                <NewSupportRequestForm />
            </Show>
        </section>
    }
}

#[component]
fn SupportRequestItem(id: Uuid) -> impl IntoView {
    let ctx = use_report();
    let sync = ctx.sync;
    let i18n = use_i18n();
    let request = Memo::new(move |_| {
        sync.view
            .with(|r| r.support_requests.iter().find(|s| s.id == id).cloned())
    });
    let prefix = format!("support_requests.{id}.");
    // Queues a patch of the request once the domain finds the result valid.
    let commit = move |body: Value| {
        let Some(current) = request.get_untracked() else {
            return;
        };
        let mut patched = NewSupportRequest {
            kind: current.kind,
            description: current.description.clone(),
            priority_id: current.priority_id,
            action_id: current.action_id,
        };
        if let Some(kind) = body
            .get("type")
            .and_then(Value::as_str)
            .and_then(|k| k.parse().ok())
        {
            patched.kind = kind;
        }
        if let Some(description) = body.get("description").and_then(Value::as_str) {
            patched.description = description.to_owned();
        }
        let fields: Vec<&str> = body
            .as_object()
            .map(|o| o.keys().map(String::as_str).collect())
            .unwrap_or_default();
        let result = check_support_request(&patched).map(drop);
        if sync.check(&format!("support_requests.{id}."), &fields, result) {
            sync.push(PendingOp::patch(
                ReportPart::SupportRequests,
                Some(id),
                body,
            ));
        }
    };
    let delete = move |_| {
        let name = request
            .get_untracked()
            .map(|r| i18n.t(I18n::support_type_key(r.kind)).to_owned())
            .unwrap_or_default();
        if confirm(&i18n.fmt(Key::ConfirmDelete, &[("name", &name)])) {
            sync.push(PendingOp {
                kind: ReportPart::SupportRequests,
                part_id: Some(id),
                method: OpMethod::Delete,
                body: None,
            });
        }
    };
    let kind = Signal::derive(move || {
        request.with(|r| r.as_ref().map_or(SupportType::Technical, |r| r.kind))
    });
    let heading = move || i18n.t(I18n::support_type_key(kind.get())).to_owned();
    let editor = {
        let prefix = prefix.clone();
        move || {
            let description = Signal::derive(move || {
                request.with(|r| {
                    r.as_ref()
                        .map(|r| r.description.clone())
                        .unwrap_or_default()
                })
            });
            let concerns = Signal::derive(move || {
                request.with(|r| {
                    r.as_ref()
                        .map(|r| concerns_value(r.priority_id, r.action_id))
                        .unwrap_or_default()
                })
            });
            view! {
                <div class="form-grid">
                    <TypeSelect
                        id=format!("{id}-type")
                        selected=kind
                        on_change=Callback::new(move |kind: SupportType| commit(one_field("type", kind.as_str().into())))
                    />
                    <ConcernsSelect
                        id=format!("{id}-concerns")
                        selected=concerns
                        on_change=Callback::new(move |value: String| {
                            let (priority, action) = concerns_of(&value);
                            let mut body = Map::new();
                            body.insert("priority_id".into(), to_value(&priority).unwrap_or(Value::Null));
                            body.insert("action_id".into(), to_value(&action).unwrap_or(Value::Null));
                            commit(Value::Object(body));
                        })
                    />
                    <Field
                        id=format!("{id}-description")
                        label=Key::Description
                        path=format!("{prefix}description")
                        multiline=true
                        wide=true
                        value=description
                        on_commit=Callback::new(move |text: String| commit(one_field("description", text.into())))
                    />
                </div>
            }
            .into_any()
        }
    };
    let values = move || {
        let Some(r) = request.get() else {
            return ().into_any();
        };
        let concerns = concerns_text(ctx, i18n, &r);
        view! {
            <p class="prose" data-testid="support-description">{r.description}</p>
            <p class="muted">{i18n.tx(Key::Concerns)} ": " {concerns}</p>
        }
        .into_any()
    };
    view! {
        <article class="panel report-line support-request" data-testid="support-request">
            <div class="with-comments">
                <div class="section-body">
                    <div class="part-head">
                        <h3>{heading}</h3>
                        <Show when=move || ctx.editing.get()>
                            <button
                                type="button"
                                class="button button-danger button-small no-print"
                                aria-label=move || i18n.fmt(Key::DeleteNamed, &[("name", &heading())])
                                on:click=delete
                            >
                                {i18n.tx(Key::Delete)}
                            </button>
                        </Show>
                    </div>
                    {dynamic({
                        let editor = editor.clone();
                        move || if ctx.editing.get() { editor() } else { values() }
                    })}
                </div>
                <CommentThread kind=Section::SupportRequest id=id />
            </div>
        </article>
    }
}

#[component]
fn NewSupportRequestForm() -> impl IntoView {
    let ctx = use_report();
    let sync = ctx.sync;
    let i18n = use_i18n();
    let kind = RwSignal::new(SupportType::Technical);
    let concerns = RwSignal::new(String::new());
    let description = RwSignal::new(String::new());
    let prefix = "new_support_request.";
    let add = move |ev: SubmitEvent| {
        ev.prevent_default();
        let (priority_id, action_id) = concerns_of(&concerns.get_untracked());
        let new = NewSupportRequest {
            kind: kind.get_untracked(),
            description: description.get_untracked(),
            priority_id,
            action_id,
        };
        let result = check_support_request(&new).map(drop);
        if sync.check(prefix, &["description"], result)
            && let Some(body) = to_value(&new)
        {
            sync.push(PendingOp {
                kind: ReportPart::SupportRequests,
                part_id: None,
                method: OpMethod::Post,
                body: Some(body),
            });
            description.set(String::new());
            concerns.set(String::new());
        }
    };
    let error_id = "new-support-description-error";
    let (aria_invalid, described) =
        invalid_attrs(format!("{prefix}description"), error_id.to_owned());
    view! {
        <form class="panel add-form-grid no-print" on:submit=add data-testid="new-support-request">
            <h3>{i18n.tx(Key::NewSupportRequest)}</h3>
            <div class="form-grid">
                <TypeSelect
                    id="new-support-type".to_owned()
                    selected=kind
                    on_change=Callback::new(move |k| kind.set(k))
                />
                <ConcernsSelect
                    id="new-support-concerns".to_owned()
                    selected=concerns
                    on_change=Callback::new(move |v| concerns.set(v))
                />
                <div class="field field-wide">
                    <label for="new-support-description">{i18n.tx(Key::Description)}</label>
                    <textarea
                        id="new-support-description"
                        rows="3"
                        bind:value=description
                        aria-invalid=aria_invalid
                        aria-describedby=described
                    ></textarea>
                    <FieldErrors path=format!("{prefix}description") id=error_id />
                </div>
                <div class="form-actions">
                    <button type="submit" class="button">{i18n.tx(Key::AddSupportRequest)}</button>
                </div>
            </div>
        </form>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn what_a_request_concerns_goes_through_its_select_and_back() {
        let p = Uuid::from_u128(1);
        let a = Uuid::from_u128(2);
        assert_eq!(concerns_of(&concerns_value(Some(p), None)), (Some(p), None));
        assert_eq!(concerns_of(&concerns_value(None, Some(a))), (None, Some(a)));
        assert_eq!(concerns_of(&concerns_value(None, None)), (None, None));
        assert_eq!(concerns_of("action:nonsense"), (None, None));
    }
}
