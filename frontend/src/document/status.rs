//! How the autosave is doing, and the view that settles a stale write.

use leptos::prelude::*;
use serde_json::Value;

use super::{Document, DocumentPart, Drafts, part_json};
use crate::i18n::{Key, use_i18n};
use crate::pages::dynamic;

/// Saved, saving, waiting for the connection.
#[component]
pub fn SaveStatus<D: Document>(sync: Drafts<D>) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <p class="save-status" role="status" aria-live="polite" data-testid="save-status">
            {dynamic(move || {
                let waiting = sync.queue.with(Vec::len);
                if sync.offline.get() && waiting > 0 {
                    i18n.fmt(Key::PendingChanges, &[("count", &waiting.to_string())])
                } else if waiting > 0 || sync.busy.get() {
                    i18n.t(Key::Saving).to_owned()
                } else {
                    i18n.t(Key::AllSaved).to_owned()
                }
            })}
        </p>
        <Show when=move || sync.offline.get()>
            <p class="alert alert-info offline" data-testid="offline-notice">
                {i18n.tx(Key::OfflineKept)} " "
                <button type="button" class="button button-small" on:click=move |_| sync.flush()>
                    {i18n.tx(Key::RetryNow)}
                </button>
            </p>
        </Show>
    }
}

/// Shows a value of a document's JSON in words (the conflict table, the changes).
pub fn show_value(value: Option<&Value>) -> String {
    match value {
        None | Some(Value::Null) => "—".into(),
        Some(Value::String(s)) if s.is_empty() => "—".into(),
        Some(Value::String(s)) => s.clone(),
        Some(Value::Array(items)) => items
            .iter()
            .map(|v| show_value(Some(v)))
            .collect::<Vec<_>>()
            .join(", "),
        Some(Value::Object(map)) if map.contains_key("amount") => format!(
            "{} {}",
            show_value(map.get("amount")),
            show_value(map.get("currency"))
        ),
        Some(Value::Object(map)) => map
            .iter()
            .map(|(k, v)| format!("{k}: {}", show_value(Some(v))))
            .collect::<Vec<_>>()
            .join("; "),
        Some(other) => other.to_string(),
    }
}

/// A stale write: the member's value beside the current one, and the two ways out.
#[component]
pub fn ConflictView<D: Document>(sync: Drafts<D>) -> impl IntoView {
    let i18n = use_i18n();
    move || {
        let conflict = sync.conflict.get()?;
        let op = conflict.op.clone();
        let current = part_json(&conflict.current, op.kind, op.part_id);
        let gone = current.is_none() && op.kind.segment().is_some();
        let rows: Vec<(String, String, String)> = op
            .body
            .as_ref()
            .and_then(Value::as_object)
            .map(|fields| {
                fields
                    .iter()
                    .map(|(field, mine)| {
                        let path = format!("{}{field}", op.field_prefix());
                        (
                            conflict.current.describe_path(i18n, &path),
                            show_value(Some(mine)),
                            show_value(current.as_ref().and_then(|c| c.get(field))),
                        )
                    })
                    .collect()
            })
            .unwrap_or_default();
        Some(view! {
            <div class="panel panel-conflict" role="alert" data-testid="conflict">
                <h2>{i18n.tx(D::CONFLICT_TITLE)}</h2>
                <p>{i18n.tx(Key::ConflictIntro)}</p>
                {gone.then(|| view! { <p class="alert alert-info">{i18n.tx(Key::PartGone)}</p> })}
                <div class="table-wrap">
                    <table>
                        <thead>
                            <tr>
                                <th scope="col">{i18n.tx(Key::Field)}</th>
                                <th scope="col">{i18n.tx(Key::YourValue)}</th>
                                <th scope="col">{i18n.tx(Key::CurrentValue)}</th>
                            </tr>
                        </thead>
                        <tbody>
                            {rows
                                .into_iter()
                                .map(|(field, mine, theirs)| {
                                    view! {
                                        <tr>
                                            <th scope="row">{field}</th>
                                            <td data-testid="conflict-mine">{mine}</td>
                                            <td data-testid="conflict-theirs">{theirs}</td>
                                        </tr>
                                    }
                                })
                                .collect_view()}
                        </tbody>
                    </table>
                </div>
                <div class="form-actions">
                    {(!gone).then(|| view! {
                        <button type="button" class="button button-primary" on:click=move |_| sync.keep_mine()>
                            {i18n.tx(Key::KeepMine)}
                        </button>
                    })}
                    <button type="button" class="button" on:click=move |_| sync.take_theirs()>
                        {i18n.tx(Key::TakeTheirs)}
                    </button>
                </div>
            </div>
        })
    }
}
