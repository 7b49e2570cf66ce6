//! What the roadmap's editors add to the document's fields (`document::fields`): the
//! one-field form that adds a part, and the local checks.

use std::collections::BTreeSet;

use leptos::ev::SubmitEvent;
use leptos::prelude::*;
use pioneer_domain::FieldError;
use pioneer_domain::roadmap::Roadmap;
use serde_json::Value;
use uuid::Uuid;

use super::super::Refs;
use crate::document::{Drafts, FieldErrorList};
pub(super) use crate::document::{Field, FieldErrors};
use crate::i18n::{Key, use_i18n};

/// Puts the problems of a local check at their paths; true when there are none.
pub(super) fn checked(
    sync: Drafts<Roadmap>,
    prefix: &str,
    fields: &[&str],
    result: Result<(), Vec<FieldError>>,
) -> bool {
    FieldErrorList(sync.errors).check(prefix, fields, result)
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

pub(super) use crate::pages::confirm;
