//! The knowledge base as members use it: sharing a resource (it waits for a moderator),
//! changing it (a published one through a proposed revision, while it stays visible), its
//! moderation on the workflow every reviewed document shares, its files, and search. Who may
//! read what is the domain's one rule (`knowledge::may_read`), asked on every path.

use actix_web::HttpRequest;
use pioneer_domain::knowledge::files::{FileCheck, MAX_FILES, check_file};
use pioneer_domain::knowledge::{
    ModeratedResource, NewResource, Reader, Resource, ResourceStatus, SearchHit, SearchResults,
    ValidResource, may_read, may_submit,
};
use pioneer_domain::notifications::NotificationKind;
use pioneer_domain::page::Paging;
use pioneer_domain::review::{
    DocumentAction, DocumentKind, Happened, HistoryEvent, Section, Transition, check_comment_body,
    check_editable,
};
use pioneer_domain::{ErrorCode, FieldError};
use serde_json::json;
use uuid::Uuid;

use crate::auth::CurrentUser;
use crate::entities::resource;
use crate::error::{ApiError, ApiResult};
use crate::routes::document_write::{DocumentWrite, Steps, actor, precheck, take_step};
use crate::search::index::{SearchQuery, in_order};
use crate::state::AppState;
use crate::store::change_feed::Changed;
use crate::store::history::HistoryRecord;
use crate::store::notifications::NewNotification;
use crate::store::resources::{self as store, NewFile, ResourceOrder, StoredResource};

/// Publishing a proposed revision publishes its content on the resource it changes: same id,
/// same address, its history going on, the files moved over.
impl Steps for ModeratedResource {
    async fn consequences(write: &mut DocumentWrite<Self>, next: ResourceStatus) -> ApiResult<()> {
        notify_author(write, next).await?;
        let (Some(original), ResourceStatus::Published) = (write.row.revision_of, next) else {
            return Ok(());
        };
        store::merge_revision(write.txn(), &write.row, original).await?;
        let revision = store::bump(write.txn(), original, write.now()).await?;
        write.also_touched(original);
        let event = HistoryEvent::new(Section::Resource, Happened::Updated);
        let changes = json!({"published_revision": write.row.id, "title": write.row.title});
        write.record_on(original, revision, event, changes).await?;
        Ok(())
    }
}

/// A moderator's decision (publish, return, archive) reaches the resource's author, unless
/// they took it themselves.
async fn notify_author(
    write: &DocumentWrite<ModeratedResource>,
    next: ResourceStatus,
) -> ApiResult<()> {
    let outcome = match next {
        ResourceStatus::Published => "published",
        ResourceStatus::Returned => "returned",
        ResourceStatus::Archived => "archived",
        ResourceStatus::Pending => return Ok(()),
    };
    let row = &write.row;
    let Some(author) = row.author_id.filter(|&author| author != write.actor_id()) else {
        return Ok(());
    };
    let shown = row.revision_of.unwrap_or(row.id);
    let notice = NewNotification {
        user_id: author,
        kind: NotificationKind::ModerationDecision,
        actor_id: Some(write.actor_id()),
        subject: row.title.clone(),
        detail: Some(outcome),
        link: format!("/knowledge/{shown}"),
        group_id: row.group_id,
    };
    crate::store::notifications::insert_many(write.txn(), vec![notice], write.now()).await?;
    Ok(())
}

/// The reader `user` is, with their groups (one query); none when signed out.
pub async fn reader(state: &AppState, user: Option<&CurrentUser>) -> ApiResult<Option<Reader>> {
    Ok(match user {
        Some(user) => Some(store::reader(&state.db, user.id, &actor(user)).await?),
        None => None,
    })
}

fn answer(stored: StoredResource, reader: Option<&Reader>) -> ApiResult<Resource> {
    Ok(store::to_resource(stored, reader)?)
}

/// Resource `id` with what its answer needs, if `reader` may read it (404 otherwise: a reader
/// who may not see it does not learn that it exists).
async fn readable(
    state: &AppState,
    reader: Option<&Reader>,
    id: Uuid,
) -> ApiResult<StoredResource> {
    let rows = store::find_many(&state.db, &[id]).await?;
    let Some(row) = rows.into_iter().next() else {
        return Err(ApiError::not_found("resource"));
    };
    if !may_read(reader, &store::facts(&row)?) {
        return Err(ApiError::not_found("resource"));
    }
    let stored = store::with_details(&state.db, vec![row], Some(reader)).await?;
    stored
        .into_iter()
        .next()
        .ok_or_else(|| ApiError::not_found("resource"))
}

/// The resource as `reader` sees it.
pub async fn resource(state: &AppState, reader: Option<&Reader>, id: Uuid) -> ApiResult<Resource> {
    answer(readable(state, reader, id).await?, reader)
}

/// The resource, counted as one more view.
pub async fn open(state: &AppState, reader: Option<&Reader>, id: Uuid) -> ApiResult<Resource> {
    let mut found = resource(state, reader, id).await?;
    found.views += state.views.add(id);
    Ok(found)
}

/// A page of the published resources `reader` may read.
pub async fn list(
    state: &AppState,
    reader: Option<&Reader>,
    order: ResourceOrder,
    paging: Paging,
) -> ApiResult<(Vec<Resource>, u64)> {
    let (rows, total) = store::page_published(&state.db, reader, order, paging).await?;
    let items = rows
        .into_iter()
        .map(|stored| answer(stored, reader))
        .collect::<ApiResult<_>>()?;
    Ok((items, total))
}

/// What `reader` has to moderate.
pub async fn moderation_queue(
    state: &AppState,
    reader: &Reader,
    paging: Paging,
) -> ApiResult<(Vec<Resource>, u64)> {
    let (rows, total) = store::moderation_queue(&state.db, reader, paging).await?;
    let items = rows
        .into_iter()
        .map(|stored| answer(stored, Some(reader)))
        .collect::<ApiResult<_>>()?;
    Ok((items, total))
}

/// The fields checked, and the group (if any) one `reader` may share with.
async fn check(state: &AppState, reader: &Reader, input: &NewResource) -> ApiResult<ValidResource> {
    let valid = input
        .validate(&state.reference.strategies)
        .map_err(ApiError::validation)?;
    if let Some(group) = valid.group_id
        && crate::store::groups::find(&state.db, group, reader.user_id)
            .await?
            .is_none()
    {
        return Err(ApiError::field(FieldError::new(
            "group_id",
            "unknown_group",
            "no thematic group has this id",
        )));
    }
    if !may_submit(reader, valid.visibility, valid.group_id) {
        return Err(ApiError::forbidden(
            "only a group's members share resources with the group",
        ));
    }
    Ok(valid)
}

/// A member shares a resource: it waits for a moderator.
pub async fn create(
    state: &AppState,
    user: &CurrentUser,
    input: &NewResource,
) -> ApiResult<Resource> {
    let reader = store::reader(&state.db, user.id, &actor(user)).await?;
    let valid = check(state, &reader, input).await?;
    let mut write = state.write(user.id).await?;
    let row = store::insert(&write.txn, &valid, user.id, None, write.now).await?;
    write.touched(Changed::Resource(row.id));
    write
        .record(HistoryRecord {
            kind: DocumentKind::Resource,
            document_id: row.id,
            revision: row.revision,
            event: HistoryEvent::new(Section::Resource, Happened::Submitted),
            changes: json!({"status": {"from": null, "to": ResourceStatus::Pending.as_str()}}),
        })
        .await?;
    write.commit().await?;
    tracing::info!(resource_id = %row.id, "resource shared, waiting for moderation");
    resource(state, Some(&reader), row.id).await
}

/// What the author changes: a waiting or returned resource in place (`false`), a published
/// one through a new proposed revision (`true`, with the revision).
pub async fn update(
    state: &AppState,
    user: &CurrentUser,
    req: &HttpRequest,
    id: Uuid,
    input: &NewResource,
) -> ApiResult<(bool, Resource)> {
    let reader = store::reader(&state.db, user.id, &actor(user)).await?;
    let valid = check(state, &reader, input).await?;
    let checked =
        precheck::<ModeratedResource>(state, user, req, id, DocumentAction::Edit, |status| {
            if status == ResourceStatus::Published {
                Ok(())
            } else {
                check_editable::<ModeratedResource>(status)
            }
        })
        .await?;
    let published = checked.row().clone();
    if store::status_of(&published)? == ResourceStatus::Published {
        if let Some(open) = store::open_revision_of(&state.db, id).await? {
            return Err(ApiError::conflict(
                ErrorCode::RevisionPending,
                format!(
                    "a change of this resource is waiting for moderation already: edit it ({open})"
                ),
            ));
        }
        let mut write = state.write(user.id).await?;
        let revision = store::insert(&write.txn, &valid, user.id, Some(id), write.now).await?;
        write.touched(Changed::Resource(revision.id));
        write
            .record(HistoryRecord {
                kind: DocumentKind::Resource,
                document_id: revision.id,
                revision: revision.revision,
                event: HistoryEvent::new(Section::Resource, Happened::RevisionStarted),
                changes: json!({"revision_of": id}),
            })
            .await?;
        write.commit().await?;
        return Ok((true, resource(state, Some(&reader), revision.id).await?));
    }
    let write = DocumentWrite::<ModeratedResource>::start(state, user, checked).await?;
    store::update_content(write.txn(), id, &valid).await?;
    write
        .commit(
            Section::Resource,
            Happened::Updated,
            json!({"title": valid.title}),
        )
        .await?;
    state.search.catch_up(&state.db).await;
    Ok((false, resource(state, Some(&reader), id).await?))
}

/// A step of the resource's moderation: the author submits a returned one again; a moderator
/// publishes, returns (with a comment, required) or archives.
pub async fn step(
    state: &AppState,
    user: &CurrentUser,
    req: &HttpRequest,
    id: Uuid,
    transition: Transition,
    comment: Option<&str>,
) -> ApiResult<Resource> {
    let comment = match (transition, comment) {
        (Transition::RequestChanges, comment) => Some(
            check_comment_body(comment.unwrap_or_default())
                .map_err(|e| ApiError::field(FieldError::new("comment", e.code, e.message)))?,
        ),
        _ => None,
    };
    take_step::<ModeratedResource>(state, user, req, id, transition, comment).await?;
    state.search.catch_up(&state.db).await;
    let reader = store::reader(&state.db, user.id, &actor(user)).await?;
    // A published revision lives on in the resource it changed: answer that one.
    let row = store::find_many(&state.db, &[id]).await?;
    let shown = match row.first() {
        Some(resource::Model {
            revision_of: Some(of),
            status,
            ..
        }) if status == ResourceStatus::Published.as_str() => *of,
        _ => id,
    };
    resource(state, Some(&reader), shown).await
}

/// Attaches a file to a resource its author may still change; the type is read from the bytes.
/// The bytes are stored before the row is written, and removed again if the row is not: a
/// file is listed only once it is whole, and no row names a missing file.
pub async fn attach(
    state: &AppState,
    user: &CurrentUser,
    id: Uuid,
    name: &str,
    bytes: Vec<u8>,
) -> ApiResult<pioneer_domain::knowledge::ResourceFile> {
    let row = crate::routes::document_write::authorize::<ModeratedResource>(
        state,
        user,
        id,
        DocumentAction::Edit,
    )
    .await?;
    check_editable::<ModeratedResource>(store::status_of(&row)?).map_err(ApiError::workflow)?;
    if store::files_of(&state.db, id).await?.len() >= MAX_FILES {
        return Err(ApiError::field(FieldError::new(
            "file",
            "too_many",
            format!("a resource carries at most {MAX_FILES} files"),
        )));
    }
    let kind = match check_file(&bytes) {
        FileCheck::Accepted(kind) => kind,
        FileCheck::Empty => {
            return Err(ApiError::field(FieldError::new(
                "file",
                "required",
                "the file is empty",
            )));
        }
        FileCheck::TooLarge => {
            return Err(crate::routes::uploads::too_large(
                "file",
                pioneer_domain::knowledge::files::MAX_FILE_BYTES,
            ));
        }
        FileCheck::Truncated(_) => {
            return Err(ApiError::field(FieldError::new(
                "file",
                "truncated",
                "the file is cut off: its end is missing; send it again",
            )));
        }
        FileCheck::Refused => return Err(unsupported_file()),
    };
    let file_id = Uuid::now_v7();
    let key = format!("resources/{id}/{file_id}");
    let size = bytes.len();
    state
        .files
        .put(&key, bytes)
        .await
        .map_err(ApiError::internal)?;
    let written = async {
        let mut write = state.write(user.id).await?;
        write.touched(Changed::Resource(id));
        store::bump(&write.txn, id, write.now).await?;
        let file = store::insert_file(
            &write.txn,
            NewFile {
                id: file_id,
                resource_id: id,
                name,
                size,
                content_type: kind.content_type(),
                storage_key: &key,
                uploaded_by: user.id,
            },
            write.now,
        )
        .await?;
        write.commit().await?;
        Ok::<_, ApiError>(file)
    }
    .await;
    match written {
        Ok(file) => Ok(pioneer_domain::knowledge::ResourceFile {
            id: file.id,
            name: file.name,
            size: u64::try_from(file.size).unwrap_or_default(),
            content_type: file.content_type,
        }),
        Err(error) => {
            if let Err(e) = state.files.delete(&key).await {
                tracing::warn!(error = %e, key, "an uploaded file whose row failed could not be removed");
            }
            Err(error)
        }
    }
}

pub fn unsupported_file() -> ApiError {
    ApiError::new(
        actix_web::http::StatusCode::UNSUPPORTED_MEDIA_TYPE,
        ErrorCode::UnsupportedMediaType,
        "the file is none of the accepted types (PDF, image, MP4 video, Word, Excel, PowerPoint, OpenDocument text, plain text or CSV), whatever its name says",
    )
    .with_details(vec![FieldError::new(
        "file",
        "unsupported_type",
        "this kind of file is not accepted",
    )])
}

/// A file's bytes, for whoever may read the resource.
pub async fn download(
    state: &AppState,
    reader: Option<&Reader>,
    id: Uuid,
    file_id: Uuid,
) -> ApiResult<(crate::entities::resource_file::Model, bytes::Bytes)> {
    readable(state, reader, id).await?;
    let file = store::find_file(&state.db, id, file_id)
        .await?
        .ok_or_else(|| ApiError::not_found("file"))?;
    let bytes = state
        .files
        .get(&file.storage_key)
        .await
        .map_err(ApiError::internal)?;
    Ok((file, bytes))
}

/// Takes a file off a resource its author may still change.
pub async fn detach(
    state: &AppState,
    user: &CurrentUser,
    id: Uuid,
    file_id: Uuid,
) -> ApiResult<()> {
    let row = crate::routes::document_write::authorize::<ModeratedResource>(
        state,
        user,
        id,
        DocumentAction::Edit,
    )
    .await?;
    check_editable::<ModeratedResource>(store::status_of(&row)?).map_err(ApiError::workflow)?;
    let file = store::find_file(&state.db, id, file_id)
        .await?
        .ok_or_else(|| ApiError::not_found("file"))?;
    let mut write = state.write(user.id).await?;
    write.touched(Changed::Resource(id));
    store::bump(&write.txn, id, write.now).await?;
    store::delete_file(&write.txn, file_id).await?;
    write.commit().await?;
    if let Err(error) = state.files.delete(&file.storage_key).await {
        tracing::warn!(%error, key = file.storage_key, "a removed file's bytes could not be deleted");
    }
    Ok(())
}

/// Full-text search over what `reader` may read.
pub async fn search(
    state: &AppState,
    reader: Option<&Reader>,
    query: SearchQuery,
    paging: Paging,
) -> ApiResult<SearchResults> {
    let found = state
        .search
        .search(reader, &query)
        .map_err(ApiError::internal)?;
    let ids: Vec<Uuid> = found.hits.iter().map(|hit| hit.id).collect();
    let rows = store::find_many(&state.db, &ids).await?;
    let stored = store::with_details(&state.db, rows, Some(reader)).await?;
    let by_id = stored.into_iter().map(|s| (s.row.id, s)).collect();
    let mut items = Vec::with_capacity(ids.len());
    for (hit, stored) in in_order(&found.hits, by_id) {
        // The index may be a moment behind the database: what is no longer readable is left out.
        if !may_read(reader, &store::facts(&stored.row)?) {
            continue;
        }
        items.push(SearchHit {
            snippet: if hit.snippet.is_empty() {
                html_escape(&stored.row.summary)
            } else {
                hit.snippet
            },
            score: hit.score,
            resource: answer(stored, reader)?,
        });
    }
    Ok(SearchResults {
        items,
        total: found.total,
        page: paging.page,
        per_page: paging.per_page,
        facets: found.facets,
    })
}

fn html_escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars().take(220) {
        match c {
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '&' => out.push_str("&amp;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// Writes the views counted since the last time.
pub async fn flush_views(state: &AppState) -> ApiResult<()> {
    let views = state.views.take();
    if views.is_empty() {
        return Ok(());
    }
    let write = state.write(Uuid::nil()).await?;
    store::add_views(&write.txn, &views).await?;
    write.commit().await?;
    state.views.written();
    Ok(())
}

/// The knowledge base's background work on this replica, until dropped: following the other
/// replicas' writes into the search index, and writing the views counted.
pub struct Background(tokio::task::JoinHandle<()>);

impl Drop for Background {
    fn drop(&mut self) {
        self.0.abort();
    }
}

/// How often a replica reads the log for what the others wrote (its own writes it applies at
/// once, before answering) and writes its views.
const EVERY: std::time::Duration = std::time::Duration::from_secs(1);

pub fn background(state: actix_web::web::Data<AppState>) -> Background {
    Background(tokio::spawn(async move {
        let mut tick = tokio::time::interval(EVERY);
        tick.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
        loop {
            tick.tick().await;
            if let Err(error) = state.search.sync(&state.db).await {
                tracing::warn!(%error, "search index: catching up with the log failed; trying again");
            }
            if let Err(error) = flush_views(&state).await {
                tracing::warn!(%error, "resource views could not be written; they are lost");
            }
        }
    }))
}
