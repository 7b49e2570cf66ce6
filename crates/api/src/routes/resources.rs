//! `/resources`, `/search`, `/moderation-queue`, `/markdown-preview`: the knowledge base.
//! Public resources are read without signing in; everything else needs a member.

use actix_multipart::Multipart;
use actix_web::http::header;
use actix_web::{HttpRequest, HttpResponse, HttpResponseBuilder, delete, get, post, put, web};
use futures_util::StreamExt;
use pioneer_domain::knowledge::files::MAX_FILE_BYTES;
use pioneer_domain::knowledge::{
    MarkdownPreview, ModeratedResource, NewResource, RenderedMarkdown, Resource, ResourceFile,
    ResourceKind, ReturnResource, SearchResults,
};
use pioneer_domain::review::{Comment, EditedComment, HistoryEntry, NewComment, Transition};
use pioneer_domain::{ErrorBody, FieldError, Page, PageQuery};
use serde::Deserialize;
use utoipa::IntoParams;
use uuid::Uuid;

use super::document_review::{
    create_comment, edit_comment, list_comments, list_history, remove_comment,
};
use super::document_write::with_etag;
use super::uploads::{attachment, clean_file_name, missing, multipart_error, read_part};
use crate::auth::CurrentUser;
use crate::error::{ApiError, ApiResult};
use crate::knowledge;
use crate::markdown::Markdown;
use crate::search::index::SearchQuery;
use crate::state::AppState;
use crate::store::resources::ResourceOrder;

/// The most a part other than `file` may weigh (it is read and left aside).
const MAX_OTHER_PART: usize = 64 * 1024;

/// The longest Markdown a preview renders (a resource's body is at most 100 000 characters).
const MAX_PREVIEW_BYTES: usize = 400_000;

#[derive(Debug, Clone, Copy, Default, Deserialize, utoipa::ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum ResourceSort {
    /// The latest published first (the default).
    #[default]
    Latest,
    MostViewed,
}

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ResourceListQuery {
    pub sort: Option<ResourceSort>,
}

/// The resource with its revision as the ETag.
fn resource_answer(builder: HttpResponseBuilder, resource: &Resource) -> HttpResponse {
    with_etag(builder, resource.revision).json(resource)
}

/// The published resources the caller may read (public ones without signing in).
#[utoipa::path(
    tag = "knowledge",
    security((), ("bearer" = [])),
    params(PageQuery, ResourceListQuery),
    responses((status = 200, body = Page<Resource>), (status = 422, body = ErrorBody))
)]
#[get("/resources")]
pub async fn list_resources(
    state: web::Data<AppState>,
    user: Option<CurrentUser>,
    paging: web::Query<PageQuery>,
    query: web::Query<ResourceListQuery>,
) -> ApiResult<HttpResponse> {
    let paging = paging.into_inner().parse().map_err(ApiError::validation)?;
    let order = match query.sort.unwrap_or_default() {
        ResourceSort::Latest => ResourceOrder::Latest,
        ResourceSort::MostViewed => ResourceOrder::MostViewed,
    };
    let reader = knowledge::reader(&state, user.as_ref()).await?;
    let (items, total) = knowledge::list(&state, reader.as_ref(), order, paging).await?;
    Ok(HttpResponse::Ok().json(Page::new(items, total, paging)))
}

/// Shares a resource with the alliance (or one of the caller's groups): it waits for a
/// moderator (`pending`).
#[utoipa::path(
    tag = "knowledge",
    security(("bearer" = [])),
    request_body = NewResource,
    responses(
        (status = 201, body = Resource, headers(("ETag" = String, description = "The revision, for If-Match"))),
        (status = 403, description = "Group-only content from outside the group", body = ErrorBody),
        (status = 422, body = ErrorBody),
    )
)]
#[post("/resources")]
pub async fn create_resource(
    state: web::Data<AppState>,
    user: CurrentUser,
    body: web::Json<NewResource>,
) -> ApiResult<HttpResponse> {
    let created = knowledge::create(&state, &user, &body).await?;
    let mut builder = HttpResponse::Created();
    builder.insert_header((
        header::LOCATION,
        format!("/api/v1/resources/{}", created.id),
    ));
    Ok(resource_answer(builder, &created))
}

/// The resource, if the caller may read it (public ones without signing in). Counts a view.
#[utoipa::path(
    tag = "knowledge",
    security((), ("bearer" = [])),
    params(("id" = Uuid, Path)),
    responses(
        (status = 200, body = Resource, headers(("ETag" = String, description = "The revision, for If-Match"))),
        (status = 404, description = "No such resource, or not for the caller's eyes", body = ErrorBody),
    )
)]
#[get("/resources/{id}")]
pub async fn get_resource(
    state: web::Data<AppState>,
    user: Option<CurrentUser>,
    id: web::Path<Uuid>,
) -> ApiResult<HttpResponse> {
    let reader = knowledge::reader(&state, user.as_ref()).await?;
    let found = knowledge::open(&state, reader.as_ref(), id.into_inner()).await?;
    // No 304 on the revision alone: the answer also says what this reader may do and whether
    // a change is waiting, which move without it. Caches keep it per reader, and ask again.
    let mut builder = HttpResponse::Ok();
    builder
        .insert_header((header::CACHE_CONTROL, "private, no-cache"))
        .insert_header((header::VARY, "Authorization"));
    Ok(resource_answer(builder, &found))
}

/// Changes a resource (its author; `If-Match`). A waiting or returned one changes in place
/// (200). A published one stays as it is: the change becomes a new resource waiting for
/// moderation (201, `revision_of` naming this one), published in its place once approved.
#[utoipa::path(
    tag = "knowledge",
    security(("bearer" = [])),
    params(("id" = Uuid, Path), ("If-Match" = String, Header)),
    request_body = NewResource,
    responses(
        (status = 200, body = Resource),
        (status = 201, description = "A published resource: the proposed revision", body = Resource),
        (status = 403, body = ErrorBody),
        (status = 404, body = ErrorBody),
        (status = 409, description = "Archived (`resource_not_editable`), or a change is waiting already (`revision_pending`)", body = ErrorBody),
        (status = 412, body = ErrorBody),
        (status = 422, body = ErrorBody),
        (status = 428, body = ErrorBody),
    )
)]
#[put("/resources/{id}")]
pub async fn update_resource(
    state: web::Data<AppState>,
    user: CurrentUser,
    req: HttpRequest,
    id: web::Path<Uuid>,
    body: web::Json<NewResource>,
) -> ApiResult<HttpResponse> {
    let (is_revision, changed) =
        knowledge::update(&state, &user, &req, id.into_inner(), &body).await?;
    if is_revision {
        let mut builder = HttpResponse::Created();
        builder.insert_header((
            header::LOCATION,
            format!("/api/v1/resources/{}", changed.id),
        ));
        return Ok(resource_answer(builder, &changed));
    }
    Ok(resource_answer(HttpResponse::Ok(), &changed))
}

async fn step(
    state: &AppState,
    user: &CurrentUser,
    req: &HttpRequest,
    id: Uuid,
    transition: Transition,
    comment: Option<&str>,
) -> ApiResult<HttpResponse> {
    let resource = knowledge::step(state, user, req, id, transition, comment).await?;
    Ok(resource_answer(HttpResponse::Ok(), &resource))
}

/// Sends a returned resource back to moderation (its author; `If-Match`).
#[utoipa::path(
    tag = "knowledge",
    security(("bearer" = [])),
    params(("id" = Uuid, Path), ("If-Match" = String, Header)),
    responses((status = 200, body = Resource), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody), (status = 409, body = ErrorBody), (status = 412, body = ErrorBody), (status = 428, body = ErrorBody))
)]
#[post("/resources/{id}/submit")]
pub async fn submit_resource(
    state: web::Data<AppState>,
    user: CurrentUser,
    req: HttpRequest,
    id: web::Path<Uuid>,
) -> ApiResult<HttpResponse> {
    step(
        &state,
        &user,
        &req,
        id.into_inner(),
        Transition::Submit,
        None,
    )
    .await
}

/// Publishes a waiting resource (the secretariat, or the group's moderators; `If-Match`). A
/// proposed revision is published onto the resource it changes, which is answered.
#[utoipa::path(
    tag = "knowledge",
    security(("bearer" = [])),
    params(("id" = Uuid, Path), ("If-Match" = String, Header)),
    responses((status = 200, body = Resource), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody), (status = 409, body = ErrorBody), (status = 412, body = ErrorBody), (status = 428, body = ErrorBody))
)]
#[post("/resources/{id}/publish")]
pub async fn publish_resource(
    state: web::Data<AppState>,
    user: CurrentUser,
    req: HttpRequest,
    id: web::Path<Uuid>,
) -> ApiResult<HttpResponse> {
    step(
        &state,
        &user,
        &req,
        id.into_inner(),
        Transition::Approve,
        None,
    )
    .await
}

/// Returns a waiting resource to its author with a comment (moderators; `If-Match`).
#[utoipa::path(
    tag = "knowledge",
    security(("bearer" = [])),
    params(("id" = Uuid, Path), ("If-Match" = String, Header)),
    request_body = ReturnResource,
    responses((status = 200, body = Resource), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody), (status = 409, body = ErrorBody), (status = 412, body = ErrorBody), (status = 422, description = "The comment is missing or too long", body = ErrorBody), (status = 428, body = ErrorBody))
)]
#[post("/resources/{id}/return")]
pub async fn return_resource(
    state: web::Data<AppState>,
    user: CurrentUser,
    req: HttpRequest,
    id: web::Path<Uuid>,
    body: web::Json<ReturnResource>,
) -> ApiResult<HttpResponse> {
    step(
        &state,
        &user,
        &req,
        id.into_inner(),
        Transition::RequestChanges,
        Some(&body.comment),
    )
    .await
}

/// Takes a resource out of circulation (moderators; `If-Match`).
#[utoipa::path(
    tag = "knowledge",
    security(("bearer" = [])),
    params(("id" = Uuid, Path), ("If-Match" = String, Header)),
    responses((status = 200, body = Resource), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody), (status = 409, description = "Archived already (`already_archived`)", body = ErrorBody), (status = 412, body = ErrorBody), (status = 428, body = ErrorBody))
)]
#[post("/resources/{id}/archive")]
pub async fn archive_resource(
    state: web::Data<AppState>,
    user: CurrentUser,
    req: HttpRequest,
    id: web::Path<Uuid>,
) -> ApiResult<HttpResponse> {
    step(
        &state,
        &user,
        &req,
        id.into_inner(),
        Transition::Archive,
        None,
    )
    .await
}

/// Who did what to the resource and when, oldest first.
#[utoipa::path(
    tag = "knowledge",
    security(("bearer" = [])),
    params(("id" = Uuid, Path), PageQuery),
    responses((status = 200, body = Page<HistoryEntry>), (status = 404, body = ErrorBody), (status = 422, body = ErrorBody))
)]
#[get("/resources/{id}/history")]
pub async fn list_resource_history(
    state: web::Data<AppState>,
    user: CurrentUser,
    id: web::Path<Uuid>,
    paging: web::Query<PageQuery>,
) -> ApiResult<HttpResponse> {
    let paging = paging.into_inner().parse().map_err(ApiError::validation)?;
    list_history::<ModeratedResource>(&state, &user, id.into_inner(), paging, |_| Vec::new()).await
}

/// The comments on the resource (a moderator's return comment among them), oldest first.
#[utoipa::path(
    tag = "knowledge",
    security(("bearer" = [])),
    params(("id" = Uuid, Path), PageQuery),
    responses((status = 200, body = Page<Comment>), (status = 404, body = ErrorBody), (status = 422, body = ErrorBody))
)]
#[get("/resources/{id}/comments")]
pub async fn list_resource_comments(
    state: web::Data<AppState>,
    user: CurrentUser,
    id: web::Path<Uuid>,
    paging: web::Query<PageQuery>,
) -> ApiResult<HttpResponse> {
    let paging = paging.into_inner().parse().map_err(ApiError::validation)?;
    list_comments::<ModeratedResource>(&state, &user, id.into_inner(), paging).await
}

/// Comments on a resource the caller may read, or answers a comment.
#[utoipa::path(
    tag = "knowledge",
    security(("bearer" = [])),
    params(("id" = Uuid, Path)),
    request_body = NewComment,
    responses((status = 201, body = Comment), (status = 404, body = ErrorBody), (status = 422, body = ErrorBody))
)]
#[post("/resources/{id}/comments")]
pub async fn create_resource_comment(
    state: web::Data<AppState>,
    user: CurrentUser,
    id: web::Path<Uuid>,
    body: web::Json<NewComment>,
) -> ApiResult<HttpResponse> {
    create_comment::<ModeratedResource>(&state, &user, id.into_inner(), body.into_inner()).await
}

/// Its author's new text (Markdown) for a comment on a resource they may still read.
#[utoipa::path(
    tag = "knowledge",
    security(("bearer" = [])),
    params(("id" = Uuid, Path), ("comment_id" = Uuid, Path)),
    request_body = EditedComment,
    responses(
        (status = 200, description = "The comment, `edited_at` set", body = Comment),
        (status = 403, description = "Not the comment's author", body = ErrorBody),
        (status = 404, description = "No such resource, or no such comment on it", body = ErrorBody),
        (status = 409, description = "The comment was removed (`comment_removed`)", body = ErrorBody),
        (status = 422, description = "The text is empty or too long", body = ErrorBody),
    )
)]
#[put("/resources/{id}/comments/{comment_id}")]
pub async fn update_resource_comment(
    state: web::Data<AppState>,
    user: CurrentUser,
    path: web::Path<(Uuid, Uuid)>,
    body: web::Json<EditedComment>,
) -> ApiResult<HttpResponse> {
    let (id, comment_id) = path.into_inner();
    edit_comment::<ModeratedResource>(&state, &user, id, comment_id, body.into_inner()).await
}

/// Removes a comment on a resource (the resource's moderators, or the comment's author): its
/// text is gone from every answer, its replies stay, the resource's history records
/// `resource.comment_removed`. Removing it again answers the same.
#[utoipa::path(
    tag = "knowledge",
    security(("bearer" = [])),
    params(("id" = Uuid, Path), ("comment_id" = Uuid, Path)),
    responses(
        (status = 200, description = "The comment, `removed` and without its text", body = Comment),
        (status = 403, description = "Neither a moderator of the resource nor the comment's author", body = ErrorBody),
        (status = 404, description = "No such resource, or no such comment on it", body = ErrorBody),
    )
)]
#[delete("/resources/{id}/comments/{comment_id}")]
pub async fn delete_resource_comment(
    state: web::Data<AppState>,
    user: CurrentUser,
    path: web::Path<(Uuid, Uuid)>,
) -> ApiResult<HttpResponse> {
    let (id, comment_id) = path.into_inner();
    remove_comment::<ModeratedResource>(&state, &user, id, comment_id).await
}

/// Attaches a file (`multipart/form-data`, one part `file`) to a resource its author may still
/// change. Its type is read from its bytes.
#[utoipa::path(
    tag = "knowledge",
    security(("bearer" = [])),
    params(("id" = Uuid, Path)),
    request_body(content = crate::schemas::FileUpload, content_type = "multipart/form-data"),
    responses(
        (status = 201, body = ResourceFile),
        (status = 400, description = "The part `file` is missing, or the body does not parse", body = ErrorBody),
        (status = 403, body = ErrorBody),
        (status = 404, body = ErrorBody),
        (status = 409, description = "The resource can no longer change", body = ErrorBody),
        (status = 413, description = "Over 25 MB", body = ErrorBody),
        (status = 415, description = "Not multipart, or not an accepted type (`unsupported_type`)", body = ErrorBody),
        (status = 422, description = "Empty, cut off (`truncated`) or one file too many", body = ErrorBody),
    )
)]
#[post("/resources/{id}/files")]
pub async fn create_resource_file(
    state: web::Data<AppState>,
    user: CurrentUser,
    id: web::Path<Uuid>,
    mut body: Multipart,
) -> ApiResult<HttpResponse> {
    const PARTS: &str = "one part `file`";
    let mut upload = None;
    while let Some(field) = body.next().await {
        let mut field = field.map_err(|e| multipart_error(&e, PARTS))?;
        if field.name() != Some("file") || upload.is_some() {
            // Another part (a form's other fields, a second file): read and left aside.
            let limit = if upload.is_some() {
                MAX_FILE_BYTES
            } else {
                MAX_OTHER_PART
            };
            read_part(&mut field, "other", limit).await?;
            continue;
        }
        let name = clean_file_name(
            field.content_disposition().and_then(|d| d.get_filename()),
            "file",
        );
        let bytes = read_part(&mut field, "file", MAX_FILE_BYTES).await?;
        upload = Some((name, bytes));
    }
    let (name, bytes) = upload.ok_or_else(|| missing("file"))?;
    let id = id.into_inner();
    let file = knowledge::attach(&state, &user, id, &name, bytes).await?;
    Ok(HttpResponse::Created()
        .insert_header((
            header::LOCATION,
            format!("/api/v1/resources/{id}/files/{}", file.id),
        ))
        .json(file))
}

/// A file's bytes, for whoever may read the resource, as an attachment of the type its bytes
/// showed (never one that runs in a page).
#[utoipa::path(
    tag = "knowledge",
    security((), ("bearer" = [])),
    params(("id" = Uuid, Path), ("file_id" = Uuid, Path)),
    responses(
        (status = 200, description = "The file, of the type its bytes showed (its `content_type`)", content(
            (inline(crate::schemas::Binary) = "application/pdf"),
            (inline(crate::schemas::Binary) = "image/png"),
            (inline(crate::schemas::Binary) = "image/jpeg"),
            (inline(crate::schemas::Binary) = "image/gif"),
            (inline(crate::schemas::Binary) = "image/webp"),
            (inline(crate::schemas::Binary) = "video/mp4"),
            (inline(crate::schemas::Binary) = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
            (inline(crate::schemas::Binary) = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
            (inline(crate::schemas::Binary) = "application/vnd.openxmlformats-officedocument.presentationml.presentation"),
            (inline(crate::schemas::Binary) = "application/vnd.oasis.opendocument.text"),
            (inline(crate::schemas::Binary) = "text/plain; charset=utf-8")
        )),
        (status = 404, body = ErrorBody),
    )
)]
#[get("/resources/{id}/files/{file_id}")]
pub async fn get_resource_file(
    state: web::Data<AppState>,
    user: Option<CurrentUser>,
    path: web::Path<(Uuid, Uuid)>,
) -> ApiResult<HttpResponse> {
    let (id, file_id) = path.into_inner();
    let reader = knowledge::reader(&state, user.as_ref()).await?;
    let (file, bytes) = knowledge::download(&state, reader.as_ref(), id, file_id).await?;
    Ok(HttpResponse::Ok()
        .insert_header((header::CONTENT_TYPE, file.content_type.as_str()))
        .insert_header(attachment(&file.name))
        .insert_header((header::X_CONTENT_TYPE_OPTIONS, "nosniff"))
        .insert_header((header::CACHE_CONTROL, "private, no-cache"))
        .insert_header((
            header::CONTENT_SECURITY_POLICY,
            "default-src 'none'; sandbox",
        ))
        .body(bytes))
}

/// Takes a file off a resource its author may still change.
#[utoipa::path(
    tag = "knowledge",
    security(("bearer" = [])),
    params(("id" = Uuid, Path), ("file_id" = Uuid, Path)),
    responses((status = 204), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody), (status = 409, body = ErrorBody))
)]
#[delete("/resources/{id}/files/{file_id}")]
pub async fn delete_resource_file(
    state: web::Data<AppState>,
    user: CurrentUser,
    path: web::Path<(Uuid, Uuid)>,
) -> ApiResult<HttpResponse> {
    let (id, file_id) = path.into_inner();
    knowledge::detach(&state, &user, id, file_id).await?;
    Ok(HttpResponse::NoContent().finish())
}

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct SearchParams {
    /// Words to find, in any of the platform's languages, accents and endings optional. Empty:
    /// every resource the caller may read, newest first.
    pub q: Option<String>,
    pub kind: Option<ResourceKind>,
    /// An INSPIRE strategy code.
    pub strategy: Option<String>,
    /// ISO 3166-1 alpha-3.
    pub country: Option<String>,
    /// `fr`, `en`, `es` or `pt`.
    pub language: Option<String>,
    /// A thematic group's id: its group-only resources.
    pub group: Option<Uuid>,
}

/// Full-text search over the resources the caller may read, ranked, with filters, the facet
/// counts of the caller's results, highlighted snippets and paging.
#[utoipa::path(
    tag = "knowledge",
    security((), ("bearer" = [])),
    params(SearchParams, PageQuery),
    responses((status = 200, body = SearchResults), (status = 422, body = ErrorBody))
)]
#[get("/search")]
pub async fn search(
    state: web::Data<AppState>,
    user: Option<CurrentUser>,
    params: web::Query<SearchParams>,
    paging: web::Query<PageQuery>,
) -> ApiResult<HttpResponse> {
    let paging = paging.into_inner().parse().map_err(ApiError::validation)?;
    let params = params.into_inner();
    let text = params.q.unwrap_or_default();
    if text.chars().count() > 500 {
        return Err(ApiError::field(FieldError::new(
            "q",
            "too_long",
            "at most 500 characters",
        )));
    }
    let query = SearchQuery {
        text,
        kind: params.kind.map(|k| k.as_str().to_owned()),
        strategy: params.strategy.map(|s| s.trim().to_owned()),
        country: params.country.map(|c| c.trim().to_uppercase()),
        language: params.language.map(|l| l.trim().to_lowercase()),
        group: params.group,
        offset: usize::try_from(paging.offset()).unwrap_or(usize::MAX),
        limit: usize::try_from(paging.per_page).unwrap_or(20),
        ..SearchQuery::default()
    };
    let reader = knowledge::reader(&state, user.as_ref()).await?;
    let results = knowledge::search(&state, reader.as_ref(), query, paging).await?;
    Ok(HttpResponse::Ok().json(results))
}

/// The resources waiting for a moderator that the caller moderates, oldest first (the
/// secretariat: all; a group's moderators: their group's).
#[utoipa::path(
    tag = "knowledge",
    security(("bearer" = [])),
    params(PageQuery),
    responses((status = 200, body = Page<Resource>), (status = 422, body = ErrorBody))
)]
#[get("/moderation-queue")]
pub async fn moderation_queue(
    state: web::Data<AppState>,
    user: CurrentUser,
    paging: web::Query<PageQuery>,
) -> ApiResult<HttpResponse> {
    let paging = paging.into_inner().parse().map_err(ApiError::validation)?;
    let reader = knowledge::reader(&state, Some(&user))
        .await?
        .ok_or_else(|| ApiError::forbidden("sign in"))?;
    let (items, total) = knowledge::moderation_queue(&state, &reader, paging).await?;
    Ok(HttpResponse::Ok().json(Page::new(items, total, paging)))
}

/// Markdown as a resource's body shows it: rendered and sanitised (for the form's preview).
#[utoipa::path(
    tag = "knowledge",
    security(("bearer" = [])),
    request_body = MarkdownPreview,
    responses((status = 200, body = RenderedMarkdown), (status = 422, body = ErrorBody))
)]
#[post("/markdown-preview")]
pub async fn markdown_preview(
    _user: CurrentUser,
    body: web::Json<MarkdownPreview>,
) -> ApiResult<HttpResponse> {
    if body.markdown.len() > MAX_PREVIEW_BYTES {
        return Err(ApiError::field(FieldError::new(
            "markdown",
            "too_long",
            format!("at most {MAX_PREVIEW_BYTES} bytes"),
        )));
    }
    let html = Markdown::shared().to_html(&body.markdown);
    Ok(HttpResponse::Ok().json(RenderedMarkdown { html }))
}
