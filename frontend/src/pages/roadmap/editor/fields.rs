//! The controls every editor of the roadmap is made of: a labelled field saved on change, its
//! errors by path, the one-field form that adds a part, and the local checks.

use std::collections::BTreeSet;

use leptos::ev::SubmitEvent;
use leptos::prelude::*;
use pioneer_domain::FieldError;
use pioneer_domain::roadmap::Roadmap;
use serde_json::Value;
use uuid::Uuid;

use super::super::{Refs, use_sync};
use crate::document::Drafts;
use crate::i18n::{Key, use_i18n};
use crate::pages::dynamic;

/// Puts the problems of a local check at their paths; true when there are none.
pub(super) fn checked(
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

/// The strategy and indicator codes that the domain's checks accept.
pub(super) fn reference_sets(refs: StoredValue<Refs>) -> (BTreeSet<String>, BTreeSet<String>) {
    refs.with_value(|r| {
        (
            r.strategies.iter().map(|s| s.code.clone()).collect(),
            r.indicators.iter().map(|i| i.code.clone()).collect(),
        )
    })
}

/// The field errors at `path`, in the current language.
#[component]
pub(super) fn FieldErrors(#[prop(into)] path: String, #[prop(into)] id: String) -> impl IntoView {
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
pub(super) fn Field(
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
    #[prop(optional_no_strip)] inputmode: Option<&'static str>,
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

pub(super) fn text_or_null(raw: &str) -> Value {
    let raw = raw.trim();
    if raw.is_empty() {
        Value::Null
    } else {
        Value::String(raw.to_owned())
    }
}

pub(super) fn year_or_null(raw: &str) -> Result<Value, ()> {
    let raw = raw.trim();
    if raw.is_empty() {
        return Ok(Value::Null);
    }
    raw.parse::<i32>().map(Value::from).map_err(drop)
}

pub(super) fn invalid_number(field: &str) -> Vec<FieldError> {
    vec![FieldError::new(field, "invalid_number", "not a number")]
}

/// The one-field form that adds a part (a priority, a key action, an indicator); its problems
/// show at `path`, under the input.
#[component]
pub(super) fn AddPartForm(
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
pub(super) fn keyed_parts(ids: Memo<Vec<Uuid>>, part: fn(Uuid) -> AnyView) -> impl IntoView {
    view! { <For each=move || ids.get() key=|id| *id let:id>{part(id)}</For> }
}

pub(super) fn confirm(text: &str) -> bool {
    web_sys::window()
        .and_then(|w| w.confirm_with_message(text).ok())
        .unwrap_or(false)
}
