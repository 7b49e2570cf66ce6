//! A reviewed document kind, and the parts of one, as the store keeps them. The write path, the access checks and the
//! stale-write answer (`routes::document_write`) are written once against this trait; a new
//! kind implements it beside its tables and gets them all, with its caching.

use std::future::Future;

use chrono::{DateTime, Utc};
use pioneer_domain::FieldError;
use pioneer_domain::review::parts::Part;
use pioneer_domain::review::{
    Access, Actor, CommentTarget, DocumentAction, Reviewed, Transition, Workflow, WorkflowError,
    access,
};
use sea_orm::sea_query::Expr;
use sea_orm::{
    ColumnTrait, ConnectionTrait, DbErr, EntityTrait, PaginatorTrait, PrimaryKeyTrait, QueryFilter,
};
use serde_json::Value;
use uuid::Uuid;

use super::StoreResult;
use super::change_feed::Changed;
use super::row_cache::{RowCache, RowCaches};

pub trait StoredDocument: Workflow {
    /// The document's own row (not its parts).
    type Row: Clone + 'static;

    /// Where this replica keeps recently read rows of the kind.
    fn cache(rows: &RowCaches) -> &RowCache<Self::Row>;
    /// How a change to one document is named, to forget it here and on other replicas.
    fn changed(id: Uuid) -> Changed;

    fn id(row: &Self::Row) -> Uuid;
    /// Moves with every change: the document's ETag.
    fn revision(row: &Self::Row) -> i64;
    fn status(row: &Self::Row) -> StoreResult<Self::Status>;
    /// Whether `actor` (member `user_id`) may take `action` on the document: the kind's policy,
    /// asked the same way for every kind (a country team's documents answer with
    /// [`country_access`]).
    fn access(
        db: &impl ConnectionTrait,
        user_id: Uuid,
        actor: &Actor,
        row: &Self::Row,
        action: DocumentAction,
    ) -> impl Future<Output = StoreResult<Access>>;

    fn find(
        db: &impl ConnectionTrait,
        id: Uuid,
    ) -> impl Future<Output = Result<Option<Self::Row>, DbErr>>;
    /// Moves the document from revision `expected` to the next, only if nobody did first.
    fn bump_revision(
        db: &impl ConnectionTrait,
        id: Uuid,
        expected: i64,
        now: DateTime<Utc>,
    ) -> impl Future<Output = StoreResult<bool>>;
    /// Sets the status of a document whose revision the write already bumped, with the moment
    /// of a submission or a decision as the kind keeps them.
    fn set_status(
        db: &impl ConnectionTrait,
        id: Uuid,
        status: Self::Status,
        transition: Transition,
        now: DateTime<Utc>,
    ) -> impl Future<Output = StoreResult<()>>;
    /// The whole document as the API answers it (what a 412 carries as `current`) at `now`.
    fn current(
        db: &impl ConnectionTrait,
        row: Self::Row,
        now: DateTime<Utc>,
    ) -> impl Future<Output = StoreResult<Value>>;
    /// Whether the document has the section `target` names (itself, or one of its parts).
    fn has_section(
        db: &impl ConnectionTrait,
        id: Uuid,
        target: CommentTarget,
    ) -> impl Future<Output = StoreResult<bool>>;
    /// Why the document is read-only whatever its status (a report of a closed cycle), if it is.
    fn frozen(
        _db: &impl ConnectionTrait,
        _row: &Self::Row,
    ) -> impl Future<Output = StoreResult<Option<WorkflowError>>> {
        async { Ok(None) }
    }
}

/// The policy of a kind that a country team owns (`owner`, a country code): see [`access`].
pub fn country_access<K: Reviewed + StoredDocument>(
    actor: &Actor,
    action: DocumentAction,
    owner: &str,
    row: &K::Row,
) -> StoreResult<Access> {
    Ok(access::<K>(actor, action, owner, K::status(row)?))
}

/// A part of a reviewed document (a roadmap's priority, say) as the store keeps it.
pub trait StoredPart: Part {
    /// The kind of document the part belongs to.
    type Document: StoredDocument;

    /// The part `id` of roadmap `roadmap_id`, if it has one.
    fn find(
        db: &impl ConnectionTrait,
        roadmap_id: Uuid,
        id: Uuid,
    ) -> impl Future<Output = StoreResult<Option<Self>>>;
    /// What the checked part points to that this roadmap lacks (`before`: the part as it was).
    fn check_links(
        _db: &impl ConnectionTrait,
        _roadmap_id: Uuid,
        _checked: &Self::Checked,
        _before: Option<&Self>,
    ) -> impl Future<Output = StoreResult<Option<FieldError>>> {
        async { Ok(None) }
    }
    /// One statement: the part was found (and the roadmap's revision checked) before the write
    /// began, and the revision bump of the write proves that nothing changed since.
    fn update(
        db: &impl ConnectionTrait,
        document_id: Uuid,
        id: Uuid,
        checked: &Self::Checked,
    ) -> impl Future<Output = StoreResult<Option<Self>>>;
}

/// A part that members add and delete (a roadmap's priorities; a report's support requests),
/// beside those that exist with the document (a report's line per key action).
pub trait StoredListPart: StoredPart {
    /// Adds the part at the end of the roadmap's list.
    fn insert(
        db: &impl ConnectionTrait,
        roadmap_id: Uuid,
        checked: &Self::Checked,
    ) -> impl Future<Output = StoreResult<Self>>;
    /// Deletes the part (and what hangs on it); answers what was deleted, for the history.
    fn delete(
        db: &impl ConnectionTrait,
        roadmap_id: Uuid,
        id: Uuid,
    ) -> impl Future<Output = StoreResult<Option<Value>>>;
}

/// The updated row, or `None` when there was none to update.
pub fn updated<M>(result: Result<M, DbErr>) -> StoreResult<Option<M>> {
    match result {
        Ok(row) => Ok(Some(row)),
        Err(DbErr::RecordNotUpdated) => Ok(None),
        Err(e) => Err(e.into()),
    }
}

/// The position after the last of document `roadmap_id`'s rows of `E` (`roadmap` names the
/// column that points to the document).
pub async fn next_position<E>(
    db: &impl ConnectionTrait,
    roadmap: E::Column,
    roadmap_id: Uuid,
) -> StoreResult<i32>
where
    E: EntityTrait,
    E::Model: Sync,
{
    let count = E::find().filter(roadmap.eq(roadmap_id)).count(db).await?;
    Ok(i32::try_from(count).unwrap_or(i32::MAX - 1) + 1)
}

/// Row `id` of `E`, if it belongs to document `roadmap_id`.
pub async fn row_of<E>(
    db: &impl ConnectionTrait,
    roadmap: E::Column,
    roadmap_id: Uuid,
    id: Uuid,
) -> StoreResult<Option<E::Model>>
where
    E: EntityTrait,
    <E::PrimaryKey as PrimaryKeyTrait>::ValueType: From<Uuid>,
{
    Ok(E::find_by_id(id)
        .filter(roadmap.eq(roadmap_id))
        .one(db)
        .await?)
}

/// Moves document `id` (a row of `E`) from revision `expected` to the next, only if nobody did
/// first: one statement, whatever the kind.
pub async fn bump_revision_of<E: EntityTrait>(
    db: &impl ConnectionTrait,
    [id_column, revision, updated_at]: [E::Column; 3],
    id: Uuid,
    expected: i64,
    now: DateTime<Utc>,
) -> StoreResult<bool> {
    let result = E::update_many()
        .col_expr(revision, Expr::value(expected + 1))
        .col_expr(updated_at, Expr::value(now))
        .filter(id_column.eq(id))
        .filter(revision.eq(expected))
        .exec(db)
        .await?;
    Ok(result.rows_affected == 1)
}
