//! What every read and write of a reviewed document goes through, for every kind alike:
//! finding it, asking the policy (404/403), optimistic concurrency (`If-Match` → 428/412), the
//! workflow (409), and the write that bumps the revision, records the history and forgets what
//! it touched (`store::write`).

use std::future::Future;
use std::marker::PhantomData;
use std::sync::Arc;

use actix_web::http::StatusCode;
use actix_web::http::header::{self, HeaderValue};
use actix_web::{HttpRequest, HttpResponseBuilder};
use chrono::{DateTime, Utc};
use pioneer_domain::ErrorCode;
use pioneer_domain::FieldError;
use pioneer_domain::review::{
    Access, Actor, CommentAuthor, CommentTarget, DocumentAction, Happened, HistoryEvent, Section,
    Transition, WorkflowError, next,
};
use sea_orm::DatabaseTransaction;
use serde_json::{Value, json};
use uuid::Uuid;

use crate::auth::CurrentUser;
use crate::error::{ApiError, ApiResult};
use crate::state::AppState;
use crate::store::StoreResult;
use crate::store::comments::{self, NewCommentRow};
use crate::store::documents::StoredDocument;
use crate::store::history::HistoryRecord;
use crate::store::write::Write;

pub fn actor(user: &CurrentUser) -> Actor {
    Actor {
        role: user.role,
        country_code: user.country_code.clone(),
    }
}

/// The author of what `user` writes (a comment, a review).
pub fn comment_author(user: &CurrentUser) -> CommentAuthor {
    CommentAuthor {
        id: user.id,
        name: user.name.clone(),
    }
}

pub fn etag(revision: i64) -> HeaderValue {
    HeaderValue::from_str(&format!("\"{revision}\"")).unwrap_or(HeaderValue::from_static("\"0\""))
}

pub fn with_etag(mut response: HttpResponseBuilder, revision: i64) -> HttpResponseBuilder {
    response.insert_header((header::ETAG, etag(revision)));
    response
}

/// Whether the request's `If-None-Match` names this revision (or `*`): the client's copy is
/// current, so a 304 without a body will do.
pub fn not_modified(req: &HttpRequest, revision: i64) -> bool {
    let current = etag(revision);
    req.headers()
        .get_all(header::IF_NONE_MATCH)
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(','))
        .map(|tag| tag.trim().trim_start_matches("W/"))
        .any(|tag| tag == "*" || tag == current)
}

/// The document's row, from memory when this replica read it recently (see `store::row_cache`).
pub async fn cached_row<K: StoredDocument>(state: &AppState, id: Uuid) -> ApiResult<Arc<K::Row>> {
    K::cache(&state.rows)
        .get(id, K::find(&state.db, id))
        .await?
        .ok_or_else(|| ApiError::not_found(K::KIND.as_str()))
}

/// The document if `user` may do `action` on it: 404 when they may not even see it, 403 when
/// they see it but may not act.
pub async fn authorize<K: StoredDocument>(
    state: &AppState,
    user: &CurrentUser,
    id: Uuid,
    action: DocumentAction,
) -> ApiResult<K::Row> {
    let row = cached_row::<K>(state, id).await?;
    match K::access(&state.db, user.id, &actor(user), &row, action).await? {
        Access::Allowed => Ok(Arc::unwrap_or_clone(row)),
        Access::Hidden => Err(ApiError::not_found(K::KIND.as_str())),
        Access::Forbidden => Err(ApiError::forbidden(format!(
            "your role cannot do this on this {}",
            K::KIND
        ))),
    }
}

/// The revision named by `If-Match` (`"7"`, `W/"7"` or `7`).
fn if_match<K: StoredDocument>(req: &HttpRequest) -> ApiResult<Option<i64>> {
    let Some(value) = req.headers().get(header::IF_MATCH) else {
        return Err(ApiError::new(
            StatusCode::PRECONDITION_REQUIRED,
            ErrorCode::IfMatchRequired,
            format!(
                "send `If-Match` with the {}'s ETag (its revision) so that no change is lost",
                K::KIND
            ),
        ));
    };
    let raw = value.to_str().unwrap_or_default().trim();
    let raw = raw.strip_prefix("W/").unwrap_or(raw).trim_matches('"');
    Ok(raw.parse::<i64>().ok())
}

/// A document that passed `precheck`. Only `precheck` makes one, so no write can start without
/// the checks.
pub struct Prechecked<K: StoredDocument> {
    row: K::Row,
    status: K::Status,
}

impl<K: StoredDocument> Prechecked<K> {
    pub fn row(&self) -> &K::Row {
        &self.row
    }
}

/// Access, `If-Match` and workflow checks, without writing anything.
pub async fn precheck<K: StoredDocument>(
    state: &AppState,
    user: &CurrentUser,
    req: &HttpRequest,
    id: Uuid,
    action: DocumentAction,
    workflow: impl FnOnce(K::Status) -> Result<(), WorkflowError>,
) -> ApiResult<Prechecked<K>> {
    let mut row = authorize::<K>(state, user, id, action).await?;
    let expected = if_match::<K>(req)?;
    if expected != Some(K::revision(&row)) {
        // The cached row may be what is behind (another replica wrote): ask the database.
        K::cache(&state.rows).forget(id);
        row = authorize::<K>(state, user, id, action).await?;
        if expected != Some(K::revision(&row)) {
            return Err(stale::<K>(state, id).await);
        }
    }
    let status = K::status(&row)?;
    workflow(status).map_err(ApiError::workflow)?;
    if action != DocumentAction::Comment
        && let Some(frozen) = K::frozen(&state.db, &row).await?
    {
        return Err(ApiError::workflow(frozen));
    }
    Ok(Prechecked { row, status })
}

/// A 412 carrying the document as the database has it now. The cached row may be what was
/// stale (another replica moved it on): it is forgotten, and the answer is read afresh.
async fn stale<K: StoredDocument>(state: &AppState, id: Uuid) -> ApiError {
    K::cache(&state.rows).forget(id);
    let current = match K::find(&state.db, id).await {
        Ok(Some(row)) => K::current(&state.db, row, state.clock.now()).await,
        Ok(None) => return ApiError::not_found(K::KIND.as_str()),
        Err(e) => return e.into(),
    };
    match current {
        Ok(current) => ApiError::stale(current),
        Err(e) => e.into(),
    }
}

/// An open write on one document: the revision is already taken, inside a transaction that
/// forgets the document (and whatever else it is told it touched) once it ends.
pub struct DocumentWrite<K: StoredDocument> {
    pub row: K::Row,
    pub status: K::Status,
    /// The revision this write produces.
    pub revision: i64,
    write: Write,
    kind: PhantomData<K>,
}

impl<K: StoredDocument> DocumentWrite<K> {
    /// Checks access, `If-Match` and the workflow, then bumps the revision in a transaction.
    pub async fn begin(
        state: &AppState,
        user: &CurrentUser,
        req: &HttpRequest,
        id: Uuid,
        action: DocumentAction,
        workflow: impl FnOnce(K::Status) -> Result<(), WorkflowError>,
    ) -> ApiResult<Self> {
        let checked = precheck::<K>(state, user, req, id, action, workflow).await?;
        Self::start(state, user, checked).await
    }

    /// Bumps the revision in a transaction, after `precheck` passed. Whatever the caller read
    /// between the two is still current once this succeeds: the bump only matches the revision
    /// that `If-Match` named, and every change moves it. Reading before keeps the write short.
    pub async fn start(
        state: &AppState,
        user: &CurrentUser,
        checked: Prechecked<K>,
    ) -> ApiResult<Self> {
        let Prechecked { row, status } = checked;
        let id = K::id(&row);
        let mut write = state.write(user.id).await?;
        write.touched(K::changed(id));
        if !K::bump_revision(&write.txn, id, K::revision(&row), write.now).await? {
            drop(write);
            return Err(stale::<K>(state, id).await);
        }
        let revision = K::revision(&row) + 1;
        Ok(Self {
            row,
            status,
            revision,
            write,
            kind: PhantomData,
        })
    }

    pub fn txn(&self) -> &DatabaseTransaction {
        &self.write.txn
    }

    pub fn now(&self) -> DateTime<Utc> {
        self.write.now
    }

    /// Who takes the step.
    pub fn actor_id(&self) -> Uuid {
        self.write.actor_id
    }

    /// Another document of the kind changed in the same transaction (e.g. a version superseded).
    pub fn also_touched(&mut self, id: Uuid) {
        self.write.touched(K::changed(id));
    }

    /// A history entry on another document of the kind, in this write.
    pub async fn record_on(
        &self,
        document_id: Uuid,
        revision: i64,
        event: HistoryEvent,
        changes: Value,
    ) -> StoreResult<()> {
        let entry = HistoryRecord {
            kind: K::KIND,
            document_id,
            revision,
            event,
            changes,
        };
        self.write.record(entry).await
    }

    /// Records `section.happened` in the document's history and commits.
    pub async fn commit(
        self,
        section: Section,
        happened: Happened,
        changes: Value,
    ) -> ApiResult<i64> {
        let event = HistoryEvent::new(section, happened);
        self.record_on(K::id(&self.row), self.revision, event, changes)
            .await?;
        self.write.commit().await?;
        Ok(self.revision)
    }
}

/// What a kind does around a step of its workflow beyond moving the status: a check that can
/// refuse it, and its consequences. Both default to nothing.
pub trait Steps: StoredDocument + Sized {
    /// What refuses the step, one detail per problem (answered 422), e.g. an incomplete
    /// submission.
    fn refusal(
        _write: &DocumentWrite<Self>,
        _transition: Transition,
    ) -> impl Future<Output = ApiResult<Vec<FieldError>>> {
        async { Ok(Vec::new()) }
    }

    /// What else the step changes, in the same write (e.g. an approval supersedes the
    /// version approved before).
    fn consequences(
        _write: &mut DocumentWrite<Self>,
        _next: Self::Status,
    ) -> impl Future<Output = ApiResult<()>> {
        async { Ok(()) }
    }
}

/// One step of a document's workflow — submit, withdraw, approve, request changes — taken the
/// same way for every kind: the policy and the workflow decide, the kind may refuse, the status
/// moves, a reviewer's comment is kept, the kind's consequences follow and the history records
/// the step. Answers the document's id once committed.
pub async fn take_step<K: Steps>(
    state: &AppState,
    user: &CurrentUser,
    req: &HttpRequest,
    id: Uuid,
    transition: Transition,
    comment: Option<String>,
) -> ApiResult<Uuid> {
    let action = DocumentAction::of_transition(transition);
    let mut write = DocumentWrite::<K>::begin(state, user, req, id, action, |status| {
        next::<K>(status, transition).map(drop)
    })
    .await?;
    let from = write.status;
    let to = next::<K>(from, transition).map_err(ApiError::workflow)?;
    let problems = K::refusal(&write, transition).await?;
    if !problems.is_empty() {
        return Err(ApiError::validation(problems));
    }
    K::set_status(write.txn(), id, to, transition, write.now()).await?;
    let mut changes = json!({"status": {"from": from.to_string(), "to": to.to_string()}});
    let document = K::SECTIONS[0];
    if action == DocumentAction::Review {
        let comment_id = match comment {
            Some(body) => {
                let comment = NewCommentRow {
                    kind: K::KIND,
                    document_id: id,
                    author: comment_author(user),
                    target: CommentTarget { kind: document, id },
                    parent_id: None,
                    body,
                };
                Some(
                    comments::insert(write.txn(), comment, write.now())
                        .await?
                        .id,
                )
            }
            None => None,
        };
        changes["comment_id"] = json!(comment_id);
    }
    K::consequences(&mut write, to).await?;
    write.commit(document, transition.into(), changes).await?;
    Ok(id)
}
