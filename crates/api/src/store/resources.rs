//! Knowledge resources, their files and the ordered log of their changes. Who may read what is
//! part of every query that lists them (see [`readable_by`]), never a filter after paging.

use std::collections::{BTreeMap, HashMap};

use chrono::{DateTime, Utc};
use pioneer_domain::groups::GroupRole;
use pioneer_domain::knowledge::{
    ModeratedResource, Reader, Resource, ResourceAuthor, ResourceFacts, ResourceFile, ResourceKind,
    ResourcePermissions, ResourceStatus, ValidResource, Visibility, may_edit, may_moderate,
    may_read,
};
use pioneer_domain::page::Paging;
use pioneer_domain::policy::can_manage_users;
use pioneer_domain::review::{Access, Actor, CommentTarget, DocumentAction, Section, Transition};
use sea_orm::sea_query::{Expr, ExprTrait};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, Condition, ConnectionTrait, DatabaseConnection, DbErr,
    EntityTrait, QueryFilter, QueryOrder, QuerySelect, Set,
};
use serde_json::Value;
use uuid::Uuid;

use super::change_feed::Changed;
use super::documents::{StoredDocument, bump_revision_of};
use super::row_cache::{RowCache, RowCaches};
use super::{StoreError, StoreResult, fetch_page, json_list, list_json};
use crate::entities::{group_member, resource, resource_file};
use crate::markdown::Markdown;

/// The resource as the API answers it to `reader` (none: signed out, or a 412's copy).
pub fn to_resource(stored: StoredResource, reader: Option<&Reader>) -> StoreResult<Resource> {
    let StoredResource {
        row,
        author_name,
        files,
        group_name,
        pending_revision,
    } = stored;
    let facts = facts(&row)?;
    let permissions = reader.map_or(ResourcePermissions::default(), |reader| {
        ResourcePermissions {
            edit: may_edit(reader, &facts),
            moderate: may_moderate(reader, facts.group_id),
        }
    });
    Ok(Resource {
        id: row.id,
        kind: kind_of(&row)?,
        body_html: Markdown::shared().to_html(&row.body),
        strategies: strategies_of(&row)?,
        countries: countries_of(&row)?,
        tags: tags_of(&row)?,
        links: links_of(&row)?,
        files: files
            .into_iter()
            .map(|f| ResourceFile {
                id: f.id,
                name: f.name,
                size: u64::try_from(f.size).unwrap_or_default(),
                content_type: f.content_type,
            })
            .collect(),
        visibility: facts.visibility,
        group_id: row.group_id,
        group_name,
        status: facts.status,
        author: ResourceAuthor {
            id: facts.author_id,
            name: author_name,
        },
        created_at: row.created_at,
        published_at: row.published_at,
        revision: row.revision,
        revision_of: row.revision_of,
        pending_revision,
        views: row.views,
        permissions,
        title: row.title,
        summary: row.summary,
        body_markdown: row.body,
        language: row.language,
    })
}

/// A resource row with what its answer needs from other tables.
#[derive(Debug, Clone)]
pub struct StoredResource {
    pub row: resource::Model,
    pub author_name: String,
    pub files: Vec<resource_file::Model>,
    pub group_name: Option<String>,
    /// A proposed change waiting for moderation, for a published resource.
    pub pending_revision: Option<Uuid>,
}

pub fn status_of(row: &resource::Model) -> StoreResult<ResourceStatus> {
    ResourceStatus::parse(&row.status)
        .ok_or_else(|| StoreError::corrupt("resource status", &row.status))
}

pub fn kind_of(row: &resource::Model) -> StoreResult<ResourceKind> {
    ResourceKind::parse(&row.kind).ok_or_else(|| StoreError::corrupt("resource kind", &row.kind))
}

pub fn visibility_of(row: &resource::Model) -> StoreResult<Visibility> {
    Visibility::parse(&row.visibility)
        .ok_or_else(|| StoreError::corrupt("resource visibility", &row.visibility))
}

pub fn strategies_of(row: &resource::Model) -> StoreResult<Vec<String>> {
    json_list("resource strategies", &row.strategies)
}

pub fn countries_of(row: &resource::Model) -> StoreResult<Vec<String>> {
    json_list("resource countries", &row.countries)
}

pub fn tags_of(row: &resource::Model) -> StoreResult<Vec<String>> {
    json_list("resource tags", &row.tags)
}

pub fn links_of(row: &resource::Model) -> StoreResult<Vec<String>> {
    json_list("resource links", &row.links)
}

/// What access to the resource depends on.
pub fn facts(row: &resource::Model) -> StoreResult<ResourceFacts> {
    Ok(ResourceFacts {
        author_id: row.author_id.unwrap_or(Uuid::nil()),
        visibility: visibility_of(row)?,
        group_id: row.group_id,
        status: status_of(row)?,
    })
}

/// Member `user_id`'s thematic groups and their role in each (one query).
pub async fn groups_of(
    db: &impl ConnectionTrait,
    user_id: Uuid,
) -> StoreResult<BTreeMap<Uuid, GroupRole>> {
    group_member::Entity::find()
        .filter(group_member::Column::UserId.eq(user_id))
        .all(db)
        .await?
        .into_iter()
        .map(|m| {
            let role = GroupRole::parse(&m.role)
                .ok_or_else(|| StoreError::corrupt("group role", &m.role))?;
            Ok((m.group_id, role))
        })
        .collect()
}

/// The reader `actor` (member `user_id`) is, with their groups.
pub async fn reader(
    db: &impl ConnectionTrait,
    user_id: Uuid,
    actor: &Actor,
) -> StoreResult<Reader> {
    Ok(Reader {
        user_id,
        role: actor.role,
        groups: groups_of(db, user_id).await?,
    })
}

/// The published resources `reader` may read, as a condition on `resources`: the same rule as
/// [`may_read`] for published ones.
pub fn readable_by(reader: Option<&Reader>) -> Condition {
    let published = Condition::all()
        .add(resource::Column::Status.eq(ResourceStatus::Published.as_str()))
        .add(resource::Column::RevisionOf.is_null());
    let Some(reader) = reader else {
        return published.add(resource::Column::Visibility.eq(Visibility::Public.as_str()));
    };
    if can_manage_users(reader.role) {
        return published;
    }
    let mut tiers = Condition::any().add(
        resource::Column::Visibility
            .is_in([Visibility::Public.as_str(), Visibility::Members.as_str()]),
    );
    if !reader.groups.is_empty() {
        tiers = tiers.add(resource::Column::GroupId.is_in(reader.groups.keys().copied()));
    }
    published.add(tiers)
}

/// How a list of published resources is ordered.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ResourceOrder {
    Latest,
    MostViewed,
}

/// A page of the published resources `reader` may read.
pub async fn page_published(
    db: &DatabaseConnection,
    reader: Option<&Reader>,
    order: ResourceOrder,
    paging: Paging,
) -> StoreResult<(Vec<StoredResource>, u64)> {
    let mut select = resource::Entity::find().filter(readable_by(reader));
    select = match order {
        ResourceOrder::Latest => select.order_by_desc(resource::Column::PublishedAt),
        ResourceOrder::MostViewed => select
            .order_by_desc(resource::Column::Views)
            .order_by_desc(resource::Column::PublishedAt),
    };
    let (rows, total) = fetch_page(db, select.order_by_desc(resource::Column::Id), paging).await?;
    Ok((with_details(db, rows, Some(reader)).await?, total))
}

/// The resources waiting for a moderator that `reader` moderates, oldest first.
pub async fn moderation_queue(
    db: &DatabaseConnection,
    reader: &Reader,
    paging: Paging,
) -> StoreResult<(Vec<StoredResource>, u64)> {
    let mut select = resource::Entity::find()
        .filter(resource::Column::Status.eq(ResourceStatus::Pending.as_str()));
    if !can_manage_users(reader.role) {
        let moderated: Vec<Uuid> = reader
            .groups
            .iter()
            .filter(|(_, role)| **role == GroupRole::Moderator)
            .map(|(id, _)| *id)
            .collect();
        if moderated.is_empty() {
            return Ok((Vec::new(), 0));
        }
        select = select.filter(resource::Column::GroupId.is_in(moderated));
    }
    let select = select
        .order_by_asc(resource::Column::SubmittedAt)
        .order_by_asc(resource::Column::Id);
    let (rows, total) = fetch_page(db, select, paging).await?;
    Ok((with_details(db, rows, Some(Some(reader))).await?, total))
}

/// The author's names, files, group names and pending revisions of `rows`: four queries
/// whatever their number. `pending_for`: whose proposed changes to name (`None`: nobody's).
pub async fn with_details(
    db: &impl ConnectionTrait,
    rows: Vec<resource::Model>,
    pending_for: Option<Option<&Reader>>,
) -> StoreResult<Vec<StoredResource>> {
    if rows.is_empty() {
        return Ok(Vec::new());
    }
    let ids: Vec<Uuid> = rows.iter().map(|r| r.id).collect();
    let names = super::names::names(db, rows.iter().filter_map(|r| r.author_id)).await?;
    let mut files: HashMap<Uuid, Vec<resource_file::Model>> = HashMap::new();
    for file in resource_file::Entity::find()
        .filter(resource_file::Column::ResourceId.is_in(ids.clone()))
        .order_by_asc(resource_file::Column::CreatedAt)
        .order_by_asc(resource_file::Column::Id)
        .all(db)
        .await?
    {
        files.entry(file.resource_id).or_default().push(file);
    }
    let group_names = super::groups::names(db, rows.iter().filter_map(|r| r.group_id)).await?;
    let mut pending: HashMap<Uuid, resource::Model> = HashMap::new();
    if let Some(reader) = pending_for {
        for revision in resource::Entity::find()
            .filter(resource::Column::RevisionOf.is_in(ids))
            .filter(resource::Column::Status.is_in([
                ResourceStatus::Pending.as_str(),
                ResourceStatus::Returned.as_str(),
            ]))
            .all(db)
            .await?
        {
            if may_read(reader, &facts(&revision)?)
                && let Some(of) = revision.revision_of
            {
                pending.insert(of, revision);
            }
        }
    }
    Ok(rows
        .into_iter()
        .map(|row| StoredResource {
            author_name: row
                .author_id
                .and_then(|id| names.get(&id).cloned())
                .unwrap_or_default(),
            files: files.remove(&row.id).unwrap_or_default(),
            group_name: row.group_id.and_then(|g| group_names.get(&g).cloned()),
            pending_revision: pending.get(&row.id).map(|r| r.id),
            row,
        })
        .collect())
}

/// Resources `ids` as they are now (published or not; the caller decides who sees them).
pub async fn find_many(
    db: &impl ConnectionTrait,
    ids: &[Uuid],
) -> StoreResult<Vec<resource::Model>> {
    Ok(resource::Entity::find()
        .filter(resource::Column::Id.is_in(ids.iter().copied()))
        .all(db)
        .await?)
}

fn content(model: &mut resource::ActiveModel, valid: &ValidResource) {
    model.kind = Set(valid.kind.as_str().to_owned());
    model.title = Set(valid.title.clone());
    model.summary = Set(valid.summary.clone());
    model.body = Set(valid.body.clone());
    model.language = Set(valid.language.to_owned());
    model.strategies = Set(list_json(&valid.strategies));
    model.countries = Set(list_json(&valid.countries));
    model.tags = Set(list_json(&valid.tags));
    model.links = Set(list_json(&valid.links));
    model.visibility = Set(valid.visibility.as_str().to_owned());
    model.group_id = Set(valid.group_id);
}

/// A new resource, waiting for moderation; `revision_of`: the published one it would change.
pub async fn insert(
    db: &impl ConnectionTrait,
    valid: &ValidResource,
    author: Uuid,
    revision_of: Option<Uuid>,
    now: DateTime<Utc>,
) -> StoreResult<resource::Model> {
    let mut model = resource::ActiveModel {
        id: Set(Uuid::now_v7()),
        revision_of: Set(revision_of),
        author_id: Set(Some(author)),
        status: Set(ResourceStatus::Pending.as_str().to_owned()),
        revision: Set(1),
        views: Set(0),
        created_at: Set(now),
        updated_at: Set(now),
        submitted_at: Set(now),
        published_at: Set(None),
        ..Default::default()
    };
    content(&mut model, valid);
    Ok(model.insert(db).await?)
}

/// Writes the content of a resource whose revision the write already bumped.
pub async fn update_content(
    db: &impl ConnectionTrait,
    id: Uuid,
    valid: &ValidResource,
) -> StoreResult<()> {
    let mut model = resource::ActiveModel {
        id: sea_orm::Unchanged(id),
        ..Default::default()
    };
    content(&mut model, valid);
    model.update(db).await?;
    Ok(())
}

/// Copies the content of the published revision `from` onto the resource it changes, and moves
/// its files there: the resource keeps its id, its address and its history.
pub async fn merge_revision(
    db: &impl ConnectionTrait,
    from: &resource::Model,
    into: Uuid,
) -> StoreResult<()> {
    let model = resource::ActiveModel {
        id: sea_orm::Unchanged(into),
        kind: Set(from.kind.clone()),
        title: Set(from.title.clone()),
        summary: Set(from.summary.clone()),
        body: Set(from.body.clone()),
        language: Set(from.language.clone()),
        strategies: Set(from.strategies.clone()),
        countries: Set(from.countries.clone()),
        tags: Set(from.tags.clone()),
        links: Set(from.links.clone()),
        visibility: Set(from.visibility.clone()),
        group_id: Set(from.group_id),
        ..Default::default()
    };
    model.update(db).await?;
    resource_file::Entity::update_many()
        .col_expr(resource_file::Column::ResourceId, Expr::value(into))
        .filter(resource_file::Column::ResourceId.eq(from.id))
        .exec(db)
        .await?;
    Ok(())
}

/// The proposed change of published resource `id` that is still open, if any.
pub async fn open_revision_of(db: &impl ConnectionTrait, id: Uuid) -> StoreResult<Option<Uuid>> {
    Ok(resource::Entity::find()
        .select_only()
        .column(resource::Column::Id)
        .filter(resource::Column::RevisionOf.eq(id))
        .filter(resource::Column::Status.is_in([
            ResourceStatus::Pending.as_str(),
            ResourceStatus::Returned.as_str(),
        ]))
        .into_tuple()
        .one(db)
        .await?)
}

/// Moves resource `id` to its next revision, whoever wrote last (for changes that need no
/// `If-Match`: a file attached, a revision published onto it); answers the new revision.
pub async fn bump(db: &impl ConnectionTrait, id: Uuid, now: DateTime<Utc>) -> StoreResult<i64> {
    resource::Entity::update_many()
        .col_expr(
            resource::Column::Revision,
            Expr::col(resource::Column::Revision).add(1),
        )
        .col_expr(resource::Column::UpdatedAt, Expr::value(now))
        .filter(resource::Column::Id.eq(id))
        .exec(db)
        .await?;
    let revision: Option<i64> = resource::Entity::find_by_id(id)
        .select_only()
        .column(resource::Column::Revision)
        .into_tuple()
        .one(db)
        .await?;
    revision
        .ok_or_else(|| StoreError::corrupt("resource", format!("{id} vanished in its own write")))
}

/// Page views counted in memory and written now and then in one transaction: a reader's visit
/// takes no write turn. Views being written stay counted here until their transaction has
/// committed, so that no answer meanwhile shows fewer than before.
#[derive(Default)]
pub struct ViewCounts(std::sync::Mutex<PendingViews>);

#[derive(Default)]
struct PendingViews {
    counted: std::collections::HashMap<Uuid, i64>,
    /// Taken by a flush whose transaction has not committed yet.
    writing: std::collections::HashMap<Uuid, i64>,
}

impl ViewCounts {
    fn lock(&self) -> std::sync::MutexGuard<'_, PendingViews> {
        self.0
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
    }

    /// One more view of `id`; answers those not yet written.
    pub fn add(&self, id: Uuid) -> i64 {
        let mut views = self.lock();
        let count = views.counted.entry(id).or_default();
        *count += 1;
        let counted = *count;
        counted + views.writing.get(&id).copied().unwrap_or(0)
    }

    /// What to write: the views counted, with those of a flush that failed.
    pub fn take(&self) -> Vec<(Uuid, i64)> {
        let mut views = self.lock();
        let counted: Vec<(Uuid, i64)> = views.counted.drain().collect();
        for (id, count) in counted {
            *views.writing.entry(id).or_default() += count;
        }
        views.writing.iter().map(|(id, n)| (*id, *n)).collect()
    }

    /// What [`ViewCounts::take`] gave is in the database now.
    pub fn written(&self) {
        self.lock().writing.clear();
    }
}

/// Adds views to resources (not a change: their revisions do not move).
pub async fn add_views(db: &impl ConnectionTrait, views: &[(Uuid, i64)]) -> StoreResult<()> {
    for (id, count) in views {
        resource::Entity::update_many()
            .col_expr(
                resource::Column::Views,
                Expr::col(resource::Column::Views).add(*count),
            )
            .filter(resource::Column::Id.eq(*id))
            .exec(db)
            .await?;
    }
    Ok(())
}

/// The files of resource `id`.
pub async fn files_of(
    db: &impl ConnectionTrait,
    id: Uuid,
) -> StoreResult<Vec<resource_file::Model>> {
    Ok(resource_file::Entity::find()
        .filter(resource_file::Column::ResourceId.eq(id))
        .all(db)
        .await?)
}

/// File `file_id` of resource `id`.
pub async fn find_file(
    db: &impl ConnectionTrait,
    id: Uuid,
    file_id: Uuid,
) -> StoreResult<Option<resource_file::Model>> {
    Ok(resource_file::Entity::find_by_id(file_id)
        .filter(resource_file::Column::ResourceId.eq(id))
        .one(db)
        .await?)
}

pub struct NewFile<'a> {
    pub id: Uuid,
    pub resource_id: Uuid,
    pub name: &'a str,
    pub size: usize,
    pub content_type: &'a str,
    pub storage_key: &'a str,
    pub uploaded_by: Uuid,
}

pub async fn insert_file(
    db: &impl ConnectionTrait,
    file: NewFile<'_>,
    now: DateTime<Utc>,
) -> StoreResult<resource_file::Model> {
    Ok(resource_file::ActiveModel {
        id: Set(file.id),
        resource_id: Set(file.resource_id),
        name: Set(file.name.to_owned()),
        size: Set(i64::try_from(file.size).unwrap_or(i64::MAX)),
        content_type: Set(file.content_type.to_owned()),
        storage_key: Set(file.storage_key.to_owned()),
        uploaded_by: Set(Some(file.uploaded_by)),
        created_at: Set(now),
    }
    .insert(db)
    .await?)
}

pub async fn delete_file(db: &impl ConnectionTrait, file_id: Uuid) -> StoreResult<()> {
    resource_file::Entity::delete_by_id(file_id)
        .exec(db)
        .await?;
    Ok(())
}

/// The resources after `after` (by id), `limit` of them, whatever their status: for rebuilding
/// an index, which keeps the published ones. By the primary key alone, so that each batch is a
/// range of it (a filter on the status would have SQLite sort every published row per batch).
pub async fn batch_after(
    db: &impl ConnectionTrait,
    after: Option<Uuid>,
    limit: u64,
) -> StoreResult<Vec<resource::Model>> {
    let mut select = resource::Entity::find();
    if let Some(after) = after {
        select = select.filter(resource::Column::Id.gt(after));
    }
    Ok(select
        .order_by_asc(resource::Column::Id)
        .limit(limit)
        .all(db)
        .await?)
}

/// Sets the moderation status of a resource whose revision the write already bumped.
async fn set_status(
    db: &impl ConnectionTrait,
    id: Uuid,
    status: ResourceStatus,
    transition: Transition,
    now: DateTime<Utc>,
) -> StoreResult<()> {
    let mut update = resource::Entity::update_many()
        .col_expr(resource::Column::Status, Expr::value(status.as_str()))
        .filter(resource::Column::Id.eq(id));
    match transition {
        Transition::Submit => {
            update = update.col_expr(resource::Column::SubmittedAt, Expr::value(now));
        }
        Transition::Approve => {
            update = update.col_expr(resource::Column::PublishedAt, Expr::value(Some(now)));
        }
        _ => {}
    }
    update.exec(db).await?;
    Ok(())
}

/// A resource's moderation, on the write path every reviewed document shares.
impl StoredDocument for ModeratedResource {
    type Row = resource::Model;

    fn cache(rows: &RowCaches) -> &RowCache<resource::Model> {
        &rows.resources
    }

    fn changed(id: Uuid) -> Changed {
        Changed::Resource(id)
    }

    fn id(row: &resource::Model) -> Uuid {
        row.id
    }

    fn revision(row: &resource::Model) -> i64 {
        row.revision
    }

    fn status(row: &resource::Model) -> StoreResult<ResourceStatus> {
        status_of(row)
    }

    /// Hidden from whoever may not read it; its author edits, submits and comments; its
    /// moderators decide and comment.
    async fn access(
        db: &impl ConnectionTrait,
        user_id: Uuid,
        actor: &Actor,
        row: &resource::Model,
        action: DocumentAction,
    ) -> StoreResult<Access> {
        let reader = reader(db, user_id, actor).await?;
        let facts = facts(row)?;
        if !may_read(Some(&reader), &facts) {
            return Ok(Access::Hidden);
        }
        let allowed = match action {
            DocumentAction::Read | DocumentAction::Comment => true,
            DocumentAction::Edit
            | DocumentAction::Submit
            | DocumentAction::Withdraw
            | DocumentAction::Revise => may_edit(&reader, &facts),
            DocumentAction::Review => may_moderate(&reader, facts.group_id),
        };
        Ok(if allowed {
            Access::Allowed
        } else {
            Access::Forbidden
        })
    }

    async fn find(db: &impl ConnectionTrait, id: Uuid) -> Result<Option<resource::Model>, DbErr> {
        resource::Entity::find_by_id(id).one(db).await
    }

    async fn bump_revision(
        db: &impl ConnectionTrait,
        id: Uuid,
        expected: i64,
        now: DateTime<Utc>,
    ) -> StoreResult<bool> {
        bump_revision_of::<resource::Entity>(
            db,
            [
                resource::Column::Id,
                resource::Column::Revision,
                resource::Column::UpdatedAt,
            ],
            id,
            expected,
            now,
        )
        .await
    }

    async fn set_status(
        db: &impl ConnectionTrait,
        id: Uuid,
        status: ResourceStatus,
        transition: Transition,
        now: DateTime<Utc>,
    ) -> StoreResult<()> {
        set_status(db, id, status, transition, now).await
    }

    async fn current(
        db: &impl ConnectionTrait,
        row: resource::Model,
        _now: DateTime<Utc>,
    ) -> StoreResult<Value> {
        let stored = with_details(db, vec![row], None).await?;
        let Some(stored) = stored.into_iter().next() else {
            return Ok(Value::Null);
        };
        Ok(serde_json::to_value(to_resource(stored, None)?).unwrap_or(Value::Null))
    }

    async fn has_section(
        _db: &impl ConnectionTrait,
        _id: Uuid,
        target: CommentTarget,
    ) -> StoreResult<bool> {
        Ok(target.kind == Section::Resource)
    }
}

#[cfg(test)]
mod view_tests {
    use super::ViewCounts;
    use uuid::Uuid;

    #[test]
    fn views_being_written_stay_counted_until_written_and_a_failed_flush_is_retried() {
        let views = ViewCounts::default();
        let id = Uuid::nil();
        assert_eq!(views.add(id), 1);
        assert_eq!(views.take(), vec![(id, 1)]);
        assert_eq!(views.add(id), 2, "the one being written still counts");
        // The first flush failed: the next writes both.
        assert_eq!(views.take(), vec![(id, 2)]);
        views.written();
        assert_eq!(views.add(id), 1, "written: only the new one is pending");
    }
}
