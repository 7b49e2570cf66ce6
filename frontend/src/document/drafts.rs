//! Nothing lost: every edit to a document waits in a queue that is kept in localStorage (one key
//! per document) until the server has accepted it. The queue is sent one write at a time, each
//! with `If-Match` on the revision of the previous answer's `ETag`. Without a connection the
//! queue stays (and survives a reload) and is sent again on the browser's `online` event or
//! after a pause; a stale revision (412) stops it on a conflict that the member settles.
//!
//! What the editor shows is the server's document with the queued edits applied over it. The
//! queue knows a document only through [`Document`]: its address, its revision and the JSON
//! fields of its part lists. A part is patched (`PATCH` with the fields that change), replaced
//! whole (`PUT`, a report's line of a key action), added (`POST`) or deleted.

use gloo_storage::{LocalStorage, Storage};
use leptos::prelude::*;
use leptos::task::spawn_local;
use pioneer_domain::FieldError;
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};
use uuid::Uuid;

use super::{Document, DocumentPart, FieldErrorList};
use crate::api::{self, Api, ApiError, DocumentRef, Method, Step, from_value, to_value};

/// Seconds between two attempts while the server cannot be reached.
const RETRY_MS: u64 = 5_000;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum OpMethod {
    Post,
    Patch,
    /// The part replaced whole: the body holds every field.
    Put,
    Delete,
}

impl OpMethod {
    /// A write that changes fields of a part that exists (and shows over it while it waits).
    fn edits(self) -> bool {
        matches!(self, OpMethod::Patch | OpMethod::Put)
    }
}

/// One write that the server has not accepted yet.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PendingOp<P> {
    pub kind: P,
    /// The part written to; `None` for the document itself and for a creation.
    pub part_id: Option<Uuid>,
    pub method: OpMethod,
    pub body: Option<Value>,
}

impl<P: DocumentPart> PendingOp<P> {
    pub fn patch(kind: P, part_id: Option<Uuid>, body: Value) -> Self {
        Self {
            kind,
            part_id,
            method: OpMethod::Patch,
            body: Some(body),
        }
    }

    pub fn put(kind: P, part_id: Uuid, body: Value) -> Self {
        Self {
            kind,
            part_id: Some(part_id),
            method: OpMethod::Put,
            body: Some(body),
        }
    }

    /// The part list and the part it writes to (see [`DocumentRef::part_path`]).
    fn target(&self) -> (Option<&'static str>, Option<Uuid>) {
        match self.kind.segment() {
            None => (None, None),
            segment => (segment, self.part_id),
        }
    }

    /// What the request sends: the body, wrapped in the object its fields belong to.
    fn request_body(&self) -> Option<Value> {
        match (self.kind.within(), &self.body) {
            (Some(within), Some(body)) if self.kind.segment().is_none() => {
                Some(one_field(within, body.clone()))
            }
            (_, body) => body.clone(),
        }
    }

    /// The path of the body's fields in the document's error paths: `actions.<id>.` for a
    /// part, `narrative.` for the fields of an object of the document, else nothing.
    pub fn field_prefix(&self) -> String {
        match (self.kind.field(), self.part_id, self.kind.within()) {
            (Some(field), Some(id), _) => format!("{field}.{id}."),
            (None, _, Some(within)) => format!("{within}."),
            _ => String::new(),
        }
    }

    /// What the server's field errors about this write are prefixed with to be paths of the
    /// document: it names a part's fields without the part, the document's with their path.
    fn answer_prefix(&self) -> String {
        match (self.kind.field(), self.part_id) {
            (Some(field), Some(id)) => format!("{field}.{id}."),
            _ => String::new(),
        }
    }

    fn same_target(&self, other: &Self) -> bool {
        self.kind == other.kind && self.part_id == other.part_id
    }
}

/// localStorage key of a document's unsaved edits (`pioneer.roadmap.<id>.pending`).
pub fn storage_key(doc: DocumentRef) -> String {
    format!("pioneer.{}.{}.pending", doc.kind.as_str(), doc.id)
}

/// Whether `part` is the one with `id` in a list identified by `id_field`.
fn is_part(part: &Value, id_field: &str, id: Option<&str>) -> bool {
    id.is_some() && part.get(id_field).and_then(Value::as_str) == id
}

fn part_mut(root: &mut Value, kind: impl DocumentPart, id: Option<Uuid>) -> Option<&mut Value> {
    let Some(field) = kind.field() else {
        return match kind.within() {
            Some(within) => root.get_mut(within),
            None => Some(root),
        };
    };
    let id = id?.to_string();
    root.get_mut(field)?
        .as_array_mut()?
        .iter_mut()
        .find(|part| is_part(part, kind.id_field(), Some(&id)))
}

/// The part of `doc` (as JSON) that `kind`/`id` names.
pub fn part_json<D: Document>(doc: &D, kind: D::Part, id: Option<Uuid>) -> Option<Value> {
    let mut root = to_value(doc)?;
    part_mut(&mut root, kind, id).map(|v| v.take())
}

/// Puts the fields of `patch` into `target` (each replaced whole).
fn merge(target: &mut Value, patch: &Value) {
    if let (Some(target), Some(patch)) = (target.as_object_mut(), patch.as_object()) {
        for (key, value) in patch {
            target.insert(key.clone(), value.clone());
        }
    }
}

fn apply_op<P: DocumentPart>(root: &mut Value, op: &PendingOp<P>) {
    match op.method {
        OpMethod::Patch | OpMethod::Put => {
            if let (Some(part), Some(body)) = (part_mut(root, op.kind, op.part_id), &op.body) {
                merge(part, body);
            }
        }
        OpMethod::Delete => {
            let id = op.part_id.map(|id| id.to_string());
            if let Some(parts) = op
                .kind
                .field()
                .and_then(|field| root.get_mut(field))
                .and_then(Value::as_array_mut)
            {
                parts.retain(|p| !is_part(p, op.kind.id_field(), id.as_deref()));
            }
        }
        // A new part shows once the server has given it an id.
        OpMethod::Post => {}
    }
}

/// The server's document with the unsaved edits applied over it.
pub fn apply_pending<D: Document>(server: &D, ops: &[PendingOp<D::Part>]) -> D {
    if ops.is_empty() {
        return server.clone();
    }
    let Some(mut root) = to_value(server) else {
        return server.clone();
    };
    for op in ops {
        apply_op(&mut root, op);
    }
    from_value(&root).unwrap_or_else(|| server.clone())
}

/// Puts the server's answer to `op` into `server`.
fn accept<D: Document>(server: &D, op: &PendingOp<D::Part>, answer: Option<Value>) -> D {
    let Some(field) = op.kind.field() else {
        return answer
            .and_then(|v| from_value(&v))
            .unwrap_or_else(|| server.clone());
    };
    let Some(mut root) = to_value(server) else {
        return server.clone();
    };
    match (op.method, answer) {
        (OpMethod::Delete, _) => apply_op(&mut root, op),
        (_, Some(part)) => {
            let id_field = op.kind.id_field();
            let id = part
                .get(id_field)
                .and_then(Value::as_str)
                .map(str::to_owned);
            let parts = root.get_mut(field).and_then(Value::as_array_mut);
            if let Some(parts) = parts {
                match parts
                    .iter_mut()
                    .find(|p| is_part(p, id_field, id.as_deref()))
                {
                    Some(existing) => *existing = part,
                    None => parts.push(part),
                }
            }
        }
        (_, None) => {}
    }
    from_value(&root).unwrap_or_else(|| server.clone())
}

/// Stops showing the refused values of the fields that `op` writes again.
fn forget_refused<P: DocumentPart>(rejected: &mut Vec<PendingOp<P>>, op: &PendingOp<P>) {
    rejected.retain_mut(|refused| {
        if !refused.same_target(op) {
            return true;
        }
        match (&mut refused.body, &op.body) {
            (Some(Value::Object(fields)), Some(Value::Object(written))) => {
                fields.retain(|name, _| !written.contains_key(name));
                !fields.is_empty()
            }
            _ => false,
        }
    });
}

/// A write refused as stale, with the document as it is now.
#[derive(Debug, Clone, PartialEq)]
pub struct Conflict<D: Document> {
    pub op: PendingOp<D::Part>,
    pub current: D,
}

/// What became of a workflow step (submit, withdraw).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum StepOutcome {
    Done,
    /// The document had changed meanwhile; it has been read again.
    Reloaded,
    /// Refused; for a 422 the field problems are in [`Drafts::errors`].
    Failed(ApiError),
}

/// The editing session of one document: server state, queue, and what went wrong.
pub struct Drafts<D: Document> {
    api: Api,
    pub doc: DocumentRef,
    /// The document as the server last answered it (its revision is the `If-Match` to send).
    pub server: RwSignal<D>,
    pub queue: RwSignal<Vec<PendingOp<D::Part>>>,
    pub busy: RwSignal<bool>,
    pub offline: RwSignal<bool>,
    pub conflict: RwSignal<Option<Conflict<D>>>,
    /// Field problems by full path (`summary`, `actions.<id>.end_month`).
    pub errors: RwSignal<Vec<FieldError>>,
    /// The last failure that no field explains.
    pub failure: RwSignal<Option<ApiError>>,
    /// Edits the server refused (422): still shown, beside their errors, so that what the
    /// member typed stays there to correct; never sent again.
    rejected: RwSignal<Vec<PendingOp<D::Part>>>,
    /// What the member sees: the server's document with the refused edits and the queue applied.
    pub view: Memo<D>,
    retry_scheduled: StoredValue<bool>,
}

// Copy for every `D`, as signals are: derives would ask `D: Copy`.
impl<D: Document> Clone for Drafts<D> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<D: Document> Copy for Drafts<D> {}

impl<D: Document> Drafts<D> {
    /// Starts editing `document` with the edits this device still holds for it; its field
    /// errors are provided to the page as a [`FieldErrorList`].
    pub fn new(api: Api, document: D) -> Self {
        let doc = document.doc_ref();
        let stored =
            LocalStorage::get::<Vec<PendingOp<D::Part>>>(storage_key(doc)).unwrap_or_default();
        let server = RwSignal::new(document);
        let queue = RwSignal::new(stored);
        let rejected = RwSignal::new(Vec::<PendingOp<D::Part>>::new());
        let errors = RwSignal::new(Vec::new());
        provide_context(FieldErrorList(errors));
        let sync = Drafts {
            api,
            doc,
            server,
            queue,
            busy: RwSignal::new(false),
            offline: RwSignal::new(false),
            conflict: RwSignal::new(None),
            errors,
            failure: RwSignal::new(None),
            rejected,
            view: Memo::new(move |_| {
                let ops: Vec<PendingOp<D::Part>> =
                    rejected.with(|r| queue.with(|q| [&r[..], q].concat()));
                server.with(|s| apply_pending(s, &ops))
            }),
            retry_scheduled: StoredValue::new(false),
        };
        let online = window_event_listener(leptos::ev::online, move |_| sync.flush());
        on_cleanup(move || online.remove());
        sync.flush();
        sync
    }

    fn persist(self) {
        let key = storage_key(self.doc);
        self.queue.with_untracked(|q| {
            if q.is_empty() {
                LocalStorage::delete(&key);
            } else {
                let _ = LocalStorage::set(&key, q);
            }
        });
    }

    /// Whether everything has been saved.
    pub fn settled(self) -> bool {
        self.queue.with(Vec::is_empty) && !self.busy.get()
    }

    /// Queues a write (merged into a waiting edit of the same part) and sends the queue.
    pub fn push(self, op: PendingOp<D::Part>) {
        self.failure.set(None);
        let prefix = op.field_prefix();
        if let Some(Value::Object(fields)) = &op.body {
            let touched: Vec<String> = fields.keys().map(|k| format!("{prefix}{k}")).collect();
            self.errors.update(|errors| {
                errors.retain(|e| {
                    !touched
                        .iter()
                        .any(|t| e.field == *t || e.field.starts_with(&format!("{t}.")))
                });
            });
        }
        self.rejected
            .update(|rejected| forget_refused(rejected, &op));
        let busy = self.busy.get_untracked();
        self.queue.update(|queue| {
            // The head is on its way when busy: it cannot change any more.
            let from = usize::from(busy && !queue.is_empty());
            let waiting = queue
                .iter_mut()
                .skip(from)
                .rev()
                .take(1)
                .find(|q| q.method.edits() && q.method == op.method && q.same_target(&op));
            match (waiting, &op.body) {
                (Some(waiting), Some(body)) => match &mut waiting.body {
                    Some(existing) => merge(existing, body),
                    None => waiting.body = Some(body.clone()),
                },
                _ => queue.push(op),
            }
        });
        self.persist();
        self.flush();
    }

    /// Sends the queue, one write at a time, until it is empty or something stops it.
    pub fn flush(self) {
        if self.busy.get_untracked() || self.conflict.with_untracked(Option::is_some) {
            return;
        }
        self.busy.set(true);
        spawn_local(async move {
            while let Some(op) = self.queue.with_untracked(|q| q.first().cloned()) {
                let revision = self.server.with_untracked(Document::revision);
                let method = match op.method {
                    OpMethod::Post => Method::POST,
                    OpMethod::Patch => Method::PATCH,
                    OpMethod::Put => Method::PUT,
                    OpMethod::Delete => Method::DELETE,
                };
                let answer = api::documents::write_part(
                    self.api,
                    self.doc,
                    op.target(),
                    method,
                    op.request_body().as_ref(),
                    revision,
                )
                .await;
                match answer {
                    Ok(tagged) => {
                        self.offline.set(false);
                        self.server.update(|server| {
                            *server = accept(server, &op, tagged.value);
                            if let Some(revision) = tagged.revision {
                                server.set_revision(revision);
                            }
                        });
                        self.pop();
                    }
                    Err(ApiError::Network(_)) => {
                        self.offline.set(true);
                        self.retry_later();
                        break;
                    }
                    Err(ApiError::SessionEnded) => break,
                    Err(ApiError::Status {
                        status: 412,
                        current,
                        ..
                    }) => {
                        match current.and_then(|c| from_value::<D>(&c)) {
                            Some(current) => self.conflict.set(Some(Conflict { op, current })),
                            None => self.pop(),
                        }
                        break;
                    }
                    Err(error) if error.status() == Some(422) => {
                        let prefix = op.answer_prefix();
                        self.errors.update(|errors| {
                            errors.extend(error.field_errors().into_iter().map(|mut e| {
                                e.field = format!("{prefix}{}", e.field);
                                e
                            }));
                        });
                        if op.method.edits() {
                            self.rejected.update(|rejected| rejected.push(op));
                        }
                        self.pop();
                    }
                    Err(error) => {
                        let status = error.status();
                        self.failure.set(Some(error));
                        self.pop();
                        // Not editable any more, or gone: show the document as it is.
                        if matches!(status, Some(404 | 409)) {
                            self.reload().await;
                        }
                    }
                }
            }
            self.busy.set(false);
        });
    }

    fn pop(self) {
        self.queue.update(|q| {
            if !q.is_empty() {
                q.remove(0);
            }
        });
        self.persist();
    }

    fn retry_later(self) {
        if self.retry_scheduled.get_value() {
            return;
        }
        self.retry_scheduled.set_value(true);
        set_timeout(
            move || {
                self.retry_scheduled.set_value(false);
                self.flush();
            },
            std::time::Duration::from_millis(RETRY_MS),
        );
    }

    /// Reads the document again from the server.
    pub async fn reload(self) {
        if let Ok(tagged) = api::documents::get::<D>(self.api, self.doc).await {
            self.replace(tagged.value, tagged.revision);
        }
    }

    /// Settles a conflict with the member's value, re-applied on the current revision.
    pub fn keep_mine(self) {
        if let Some(conflict) = self.conflict.get_untracked() {
            self.server.set(conflict.current);
            self.conflict.set(None);
            self.flush();
        }
    }

    /// Settles a conflict with the server's value: the member's edit is dropped.
    pub fn take_theirs(self) {
        if let Some(conflict) = self.conflict.get_untracked() {
            self.server.set(conflict.current);
            self.pop();
            self.conflict.set(None);
            self.flush();
        }
    }

    /// Puts the problems of a local check at their paths (see [`FieldErrorList::check`]);
    /// true when there are none.
    pub fn check(self, prefix: &str, fields: &[&str], result: Result<(), Vec<FieldError>>) -> bool {
        FieldErrorList(self.errors).check(prefix, fields, result)
    }

    /// Replaces the server state after a workflow step answered the whole document.
    pub fn replace(self, document: D, revision: Option<i64>) {
        let mut document = document;
        if let Some(revision) = revision {
            document.set_revision(revision);
        }
        self.rejected.set(Vec::new());
        self.server.set(document);
    }

    /// The revision that the next write must name in `If-Match`.
    pub fn revision(self) -> i64 {
        self.server.with_untracked(Document::revision)
    }

    /// Takes a workflow step on the current revision; a stale revision (412) or a conflicting
    /// status (409) reads the document again.
    pub async fn take_step(self, step: Step) -> StepOutcome {
        match api::documents::step::<D>(self.api, self.doc, step, self.revision()).await {
            Ok(tagged) => {
                if let Some(document) = tagged.value {
                    self.replace(document, tagged.revision);
                }
                StepOutcome::Done
            }
            Err(error) if error.status() == Some(422) => {
                self.errors.set(error.field_errors());
                StepOutcome::Failed(error)
            }
            Err(error) if error.status() == Some(412) => {
                self.reload().await;
                StepOutcome::Reloaded
            }
            Err(error) => {
                if error.status() == Some(409) {
                    self.reload().await;
                }
                StepOutcome::Failed(error)
            }
        }
    }

    pub fn api(self) -> Api {
        self.api
    }
}

/// A JSON object with one field, for a one-field edit.
pub fn one_field(name: &str, value: Value) -> Value {
    let mut map = Map::new();
    map.insert(name.to_owned(), value);
    Value::Object(map)
}

#[cfg(test)]
mod tests {
    use pioneer_domain::roadmap::Roadmap;

    use super::*;
    use crate::pages::roadmap::PartKind;

    fn roadmap() -> Roadmap {
        serde_json::from_value(serde_json::json!({
            "id": "0190a000-0000-7000-8000-000000000001",
            "country_code": "KEN", "title": "T", "summary": "", "period_start": 2025,
            "period_end": 2027, "status": "draft", "version": 1, "revision": 3,
            "consultation": {"held_on": null, "stakeholder_groups": [], "participants": null},
            "priorities": [{"id": "0190a000-0000-7000-8000-000000000002", "title": "P",
                "description": "", "strategies": []}],
            "actions": [], "indicators": [], "budget": {"currencies": []},
            "created_at": "2025-01-01T00:00:00Z", "updated_at": "2025-01-01T00:00:00Z"
        }))
        .expect("a valid roadmap")
    }

    #[test]
    fn pending_edits_show_over_the_server_state() {
        let server = roadmap();
        let pid = server.priorities[0].id;
        let ops = [
            PendingOp::patch(
                PartKind::Roadmap,
                None,
                one_field("summary", "Vision".into()),
            ),
            PendingOp::patch(
                PartKind::Priorities,
                Some(pid),
                serde_json::json!({"strategies": ["laws"]}),
            ),
        ];
        let shown = apply_pending(&server, &ops);
        assert_eq!(shown.summary, "Vision");
        assert_eq!(shown.priorities[0].strategies, ["laws"]);
        assert_eq!(shown.priorities[0].title, "P");
    }

    #[test]
    fn a_deleted_part_disappears_and_an_answered_part_replaces_the_old_one() {
        let server = roadmap();
        let pid = server.priorities[0].id;
        let delete = PendingOp {
            kind: PartKind::Priorities,
            part_id: Some(pid),
            method: OpMethod::Delete,
            body: None,
        };
        assert!(apply_pending(&server, &[delete]).priorities.is_empty());
        let op = PendingOp::patch(
            PartKind::Priorities,
            Some(pid),
            one_field("title", "Q".into()),
        );
        let answer =
            serde_json::json!({"id": pid, "title": "Q", "description": "", "strategies": []});
        assert_eq!(accept(&server, &op, Some(answer)).priorities[0].title, "Q");
        assert_eq!(op.field_prefix(), format!("priorities.{pid}."));
    }

    #[test]
    fn a_refused_value_stays_shown_until_its_field_is_written_again() {
        let action = Some(Uuid::from_u128(1));
        let refused = PendingOp::patch(
            PartKind::Actions,
            action,
            serde_json::json!({"title": "Typed", "end_month": "2031-13"}),
        );
        let mut rejected = vec![refused];
        let other_part = PendingOp::patch(
            PartKind::Actions,
            Some(Uuid::from_u128(2)),
            serde_json::json!({"end_month": "2030-01"}),
        );
        forget_refused(&mut rejected, &other_part);
        assert_eq!(rejected.len(), 1, "another action's edit changes nothing");
        let fix = PendingOp::patch(
            PartKind::Actions,
            action,
            serde_json::json!({"end_month": "2030-12"}),
        );
        forget_refused(&mut rejected, &fix);
        assert_eq!(
            rejected[0].body,
            Some(serde_json::json!({"title": "Typed"})),
            "the corrected field is no longer the refused one; the other stays"
        );
        let retitle = PendingOp::patch(
            PartKind::Actions,
            action,
            serde_json::json!({"title": "New"}),
        );
        forget_refused(&mut rejected, &retitle);
        assert!(rejected.is_empty());
    }
}
