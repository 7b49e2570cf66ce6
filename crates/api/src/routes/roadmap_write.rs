//! What every read and write of a roadmap goes through: finding it, asking the policy,
//! optimistic concurrency (`If-Match` → 428/412), the workflow (409), and the history entry.

use std::sync::Arc;

use actix_web::http::header::{self, ContentType, HeaderValue};
use actix_web::{HttpRequest, HttpResponse, HttpResponseBuilder};
use chrono::{DateTime, Utc};
use pioneer_domain::policy::{Access, Actor, RoadmapAction, roadmap_access};
use pioneer_domain::roadmap::{RoadmapStatus, WorkflowError};
use sea_orm::{DatabaseConnection, DatabaseTransaction, EntityTrait};
use serde_json::Value;
use uuid::Uuid;

use crate::auth::CurrentUser;
use crate::db::{WriteTurn, begin_write};
use crate::entities::roadmap;
use crate::error::{ApiError, ApiResult};
use crate::state::AppState;
use crate::store::change_feed::{ChangeFeed, Changed};
use crate::store::roadmaps as store;
use crate::store::row_cache::ForgetRoadmaps;
use pioneer_domain::ErrorCode;

pub fn actor(user: &CurrentUser) -> Actor {
    Actor {
        role: user.role,
        country_code: user.country_code.clone(),
    }
}

pub fn etag(revision: i64) -> HeaderValue {
    HeaderValue::from_str(&format!("\"{revision}\"")).unwrap_or(HeaderValue::from_static("\"0\""))
}

pub fn with_etag(mut response: HttpResponseBuilder, revision: i64) -> HttpResponseBuilder {
    response.insert_header((header::ETAG, etag(revision)));
    response
}

/// The roadmap row, from memory when this replica read it recently (see `store::row_cache`).
async fn cached_row(state: &AppState, id: Uuid) -> ApiResult<Arc<roadmap::Model>> {
    state
        .rows
        .roadmaps
        .get(id, roadmap::Entity::find_by_id(id).one(&state.db))
        .await?
        .ok_or_else(|| ApiError::not_found("roadmap"))
}

/// The roadmap if `user` may do `action` on it: 404 when they may not even see it, 403 when
/// they see it but may not act.
pub async fn authorize(
    state: &AppState,
    user: &CurrentUser,
    id: Uuid,
    action: RoadmapAction,
) -> ApiResult<roadmap::Model> {
    let row = cached_row(state, id).await?;
    match roadmap_access(
        &actor(user),
        action,
        &row.country_code,
        store::status_of(&row)?,
    ) {
        Access::Allowed => Ok(Arc::unwrap_or_clone(row)),
        Access::Hidden => Err(ApiError::not_found("roadmap")),
        Access::Forbidden => Err(ApiError::forbidden(
            "your role cannot do this on this roadmap",
        )),
    }
}

/// The revision named by `If-Match` (`"7"`, `W/"7"` or `7`).
fn if_match(req: &HttpRequest) -> ApiResult<Option<i64>> {
    let Some(value) = req.headers().get(header::IF_MATCH) else {
        return Err(ApiError::new(
            actix_web::http::StatusCode::PRECONDITION_REQUIRED,
            ErrorCode::IfMatchRequired,
            "send `If-Match` with the roadmap's ETag (its revision) so that no change is lost",
        ));
    };
    let raw = value.to_str().unwrap_or_default().trim();
    let raw = raw.strip_prefix("W/").unwrap_or(raw).trim_matches('"');
    Ok(raw.parse::<i64>().ok())
}

/// An open write on one roadmap: the revision is already taken, inside a transaction.
pub struct RoadmapWrite {
    pub row: roadmap::Model,
    pub status: RoadmapStatus,
    pub txn: DatabaseTransaction,
    /// The revision this write produces.
    pub revision: i64,
    pub now: DateTime<Utc>,
    actor_id: Uuid,
    /// Declared after `txn`, so that the cached rows are forgotten once it has ended.
    pub forget: ForgetRoadmaps,
    /// Declared after `txn`, so that it is released once the transaction has ended.
    _turn: WriteTurn,
    /// To tell the other replicas, after the commit, what `forget` forgets here.
    announce: (ChangeFeed, DatabaseConnection),
}

impl RoadmapWrite {
    /// Checks access, `If-Match` and the workflow, then bumps the revision in a transaction.
    pub async fn begin(
        state: &AppState,
        user: &CurrentUser,
        req: &HttpRequest,
        id: Uuid,
        action: RoadmapAction,
        workflow: impl FnOnce(RoadmapStatus) -> Result<(), WorkflowError>,
    ) -> ApiResult<Self> {
        let checked = precheck(state, user, req, id, action, workflow).await?;
        Self::start(state, user, checked).await
    }

    /// Bumps the revision in a transaction, after `precheck` passed. Whatever the caller read
    /// between the two is still current once this succeeds: the bump only matches the revision
    /// that `If-Match` named, and every change moves it. Reading before keeps the write short.
    pub async fn start(
        state: &AppState,
        user: &CurrentUser,
        checked: Prechecked,
    ) -> ApiResult<Self> {
        let Prechecked { row, status } = checked;
        let id = row.id;
        let now = state.clock.now();
        let (turn, txn) = begin_write(&state.db).await?;
        if !store::bump_revision(&txn, id, row.revision, now).await? {
            txn.rollback().await?;
            drop(turn);
            return Err(stale(state, id).await);
        }
        let revision = row.revision + 1;
        Ok(Self {
            row,
            status,
            txn,
            revision,
            now,
            actor_id: user.id,
            forget: ForgetRoadmaps::new(state.rows.clone(), id),
            _turn: turn,
            announce: (state.changes.clone(), state.db.clone()),
        })
    }

    /// Records the change in the history and commits.
    pub async fn commit(self, event: &str, changes: Value) -> ApiResult<i64> {
        store::record_history(
            &self.txn,
            self.row.id,
            self.revision,
            self.actor_id,
            event,
            changes,
            self.now,
        )
        .await?;
        self.txn.commit().await?;
        let changes: Vec<_> = self
            .forget
            .ids()
            .iter()
            .copied()
            .map(Changed::Roadmap)
            .collect();
        let (feed, db) = &self.announce;
        feed.announce(db, &changes).await;
        Ok(self.revision)
    }

    /// Commits, then answers the whole roadmap with its new ETag.
    pub async fn commit_with_roadmap(
        self,
        state: &AppState,
        event: &str,
        changes: Value,
        status: actix_web::http::StatusCode,
    ) -> ApiResult<HttpResponse> {
        let id = self.row.id;
        self.commit(event, changes).await?;
        roadmap_response(state, id, HttpResponse::build(status)).await
    }
}

/// A roadmap that passed `precheck`. Only `precheck` makes one, so no write can start without
/// the checks.
pub struct Prechecked {
    row: roadmap::Model,
    status: RoadmapStatus,
}

impl Prechecked {
    pub fn row(&self) -> &roadmap::Model {
        &self.row
    }
}

/// Access, `If-Match` and workflow checks, without writing anything.
pub async fn precheck(
    state: &AppState,
    user: &CurrentUser,
    req: &HttpRequest,
    id: Uuid,
    action: RoadmapAction,
    workflow: impl FnOnce(RoadmapStatus) -> Result<(), WorkflowError>,
) -> ApiResult<Prechecked> {
    let mut row = authorize(state, user, id, action).await?;
    let expected = if_match(req)?;
    if expected != Some(row.revision) {
        // The cached row may be what is behind (another replica wrote): ask the database.
        state.rows.roadmaps.forget(id);
        row = authorize(state, user, id, action).await?;
        if expected != Some(row.revision) {
            return Err(stale(state, id).await);
        }
    }
    let status = store::status_of(&row)?;
    workflow(status).map_err(ApiError::workflow)?;
    Ok(Prechecked { row, status })
}

/// A 412 carrying the roadmap as the database has it now. The cached row may be what was stale
/// (another replica moved the roadmap on): it is forgotten, and the answer is read afresh.
async fn stale(state: &AppState, id: Uuid) -> ApiError {
    state.rows.roadmaps.forget(id);
    let current = match store::find(&state.db, id).await {
        Ok(Some(row)) => store::load(&state.db, row).await,
        Ok(None) => return ApiError::not_found("roadmap"),
        Err(e) => return e.into(),
    };
    match current {
        Ok(current) => ApiError::stale(serde_json::to_value(current).unwrap_or(Value::Null)),
        Err(e) => e.into(),
    }
}

/// The whole roadmap, with its ETag.
pub async fn roadmap_response(
    state: &AppState,
    id: Uuid,
    builder: HttpResponseBuilder,
) -> ApiResult<HttpResponse> {
    let row = Arc::unwrap_or_clone(cached_row(state, id).await?);
    let revision = row.revision;
    let json = state.roadmap_cache.json(&state.db, row).await?;
    Ok(with_etag(builder, revision)
        .content_type(ContentType::json())
        .body(json))
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
