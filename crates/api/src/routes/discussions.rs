//! `/discussions`: forum threads in the general forum and in thematic groups, their posts,
//! accepted answers and followers.

use actix_web::{HttpResponse, delete, get, post, put, web};
use pioneer_domain::discussions::{
    AcceptAnswer, Discussion, EditedPost, NewDiscussion, NewPost, Post,
};
use pioneer_domain::{ErrorBody, Page, PageQuery};
use serde::Deserialize;
use utoipa::IntoParams;
use uuid::Uuid;

use crate::auth::CurrentUser;
use crate::discussions;
use crate::error::{ApiError, ApiResult};
use crate::state::AppState;
use crate::store::discussions::Forum;

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ForumQuery {
    /// A thematic group's id: its threads only.
    pub group_id: Option<Uuid>,
    /// `general`: the general forum's threads only (without `group_id`).
    pub forum: Option<ForumName>,
}

#[derive(Debug, Clone, Copy, Deserialize, utoipa::ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum ForumName {
    General,
}

/// The threads the caller may read (the general forum's and their groups'), the most recently
/// active first.
#[utoipa::path(
    tag = "discussions",
    security(("bearer" = [])),
    params(ForumQuery, PageQuery),
    responses((status = 200, body = Page<Discussion>), (status = 401, body = ErrorBody), (status = 422, body = ErrorBody))
)]
#[get("/discussions")]
pub async fn list_discussions(
    state: web::Data<AppState>,
    user: CurrentUser,
    forum: web::Query<ForumQuery>,
    paging: web::Query<PageQuery>,
) -> ApiResult<HttpResponse> {
    let paging = paging.into_inner().parse().map_err(ApiError::validation)?;
    let forum = match (forum.group_id, forum.forum) {
        (Some(group), _) => Forum::Group(group),
        (None, Some(ForumName::General)) => Forum::General,
        (None, None) => Forum::All,
    };
    let (items, total) = discussions::list(&state, &user, forum, paging).await?;
    Ok(HttpResponse::Ok().json(Page::new(items, total, paging)))
}

/// Starts a thread with its opening post (Markdown), in the general forum or, with
/// `group_id`, in a group the caller belongs to. Members it `@mentions` (by e-mail address)
/// who may read it are notified; the author follows it.
#[utoipa::path(
    tag = "discussions",
    security(("bearer" = [])),
    request_body = NewDiscussion,
    responses(
        (status = 201, body = Discussion),
        (status = 403, description = "Not a member of the group", body = ErrorBody),
        (status = 422, body = ErrorBody),
    )
)]
#[post("/discussions")]
pub async fn create_discussion(
    state: web::Data<AppState>,
    user: CurrentUser,
    body: web::Json<NewDiscussion>,
) -> ApiResult<HttpResponse> {
    let created = discussions::create(&state, &user, &body).await?;
    Ok(HttpResponse::Created()
        .insert_header(("Location", format!("/api/v1/discussions/{}", created.id)))
        .json(created))
}

#[utoipa::path(
    tag = "discussions",
    security(("bearer" = [])),
    params(("id" = Uuid, Path)),
    responses((status = 200, body = Discussion), (status = 404, body = ErrorBody))
)]
#[get("/discussions/{id}")]
pub async fn get_discussion(
    state: web::Data<AppState>,
    user: CurrentUser,
    id: web::Path<Uuid>,
) -> ApiResult<HttpResponse> {
    Ok(HttpResponse::Ok().json(discussions::discussion(&state, &user, *id).await?))
}

/// The thread's posts, oldest first: the opening post, then the replies.
#[utoipa::path(
    tag = "discussions",
    security(("bearer" = [])),
    params(("id" = Uuid, Path), PageQuery),
    responses((status = 200, body = Page<Post>), (status = 404, body = ErrorBody))
)]
#[get("/discussions/{id}/posts")]
pub async fn list_discussion_posts(
    state: web::Data<AppState>,
    user: CurrentUser,
    id: web::Path<Uuid>,
    paging: web::Query<PageQuery>,
) -> ApiResult<HttpResponse> {
    let paging = paging.into_inner().parse().map_err(ApiError::validation)?;
    let (items, total) = discussions::posts(&state, &user, *id, paging).await?;
    Ok(HttpResponse::Ok().json(Page::new(items, total, paging)))
}

/// Replies in the thread, or to one of its posts (`parent_id`). The thread's followers and the
/// members it mentions hear of it; the replier follows the thread.
#[utoipa::path(
    tag = "discussions",
    security(("bearer" = [])),
    params(("id" = Uuid, Path)),
    request_body = NewPost,
    responses((status = 201, body = Post), (status = 404, body = ErrorBody), (status = 422, body = ErrorBody))
)]
#[post("/discussions/{id}/posts")]
pub async fn create_discussion_post(
    state: web::Data<AppState>,
    user: CurrentUser,
    id: web::Path<Uuid>,
    body: web::Json<NewPost>,
) -> ApiResult<HttpResponse> {
    let id = id.into_inner();
    let created = discussions::reply(&state, &user, id, &body).await?;
    Ok(HttpResponse::Created()
        .insert_header((
            "Location",
            format!("/api/v1/discussions/{id}/posts/{}", created.id),
        ))
        .json(created))
}

/// Its author changes a post's text (`edited_at` says when).
#[utoipa::path(
    tag = "discussions",
    security(("bearer" = [])),
    params(("id" = Uuid, Path), ("post_id" = Uuid, Path)),
    request_body = EditedPost,
    responses(
        (status = 200, body = Post),
        (status = 403, body = ErrorBody),
        (status = 404, body = ErrorBody),
        (status = 422, body = ErrorBody),
    )
)]
#[put("/discussions/{id}/posts/{post_id}")]
pub async fn update_discussion_post(
    state: web::Data<AppState>,
    user: CurrentUser,
    path: web::Path<(Uuid, Uuid)>,
    body: web::Json<EditedPost>,
) -> ApiResult<HttpResponse> {
    let (id, post_id) = path.into_inner();
    Ok(HttpResponse::Ok().json(discussions::edit(&state, &user, id, post_id, &body).await?))
}

/// Marks a reply as the accepted answer (the one who asked, or a moderator); its author is
/// notified. Accepting another reply replaces it.
#[utoipa::path(
    tag = "discussions",
    security(("bearer" = [])),
    params(("id" = Uuid, Path)),
    request_body = AcceptAnswer,
    responses(
        (status = 200, body = Discussion),
        (status = 403, body = ErrorBody),
        (status = 404, body = ErrorBody),
        (status = 422, body = ErrorBody),
    )
)]
#[post("/discussions/{id}/accept")]
pub async fn accept_discussion_answer(
    state: web::Data<AppState>,
    user: CurrentUser,
    id: web::Path<Uuid>,
    body: web::Json<AcceptAnswer>,
) -> ApiResult<HttpResponse> {
    Ok(HttpResponse::Ok().json(discussions::accept(&state, &user, *id, &body).await?))
}

/// Follows the thread: its new posts notify the caller.
#[utoipa::path(
    tag = "discussions",
    security(("bearer" = [])),
    params(("id" = Uuid, Path)),
    responses((status = 200, body = Discussion), (status = 404, body = ErrorBody))
)]
#[post("/discussions/{id}/subscribe")]
pub async fn subscribe_discussion(
    state: web::Data<AppState>,
    user: CurrentUser,
    id: web::Path<Uuid>,
) -> ApiResult<HttpResponse> {
    Ok(HttpResponse::Ok().json(discussions::follow(&state, &user, *id, true).await?))
}

/// Stops following the thread.
#[utoipa::path(
    tag = "discussions",
    security(("bearer" = [])),
    params(("id" = Uuid, Path)),
    responses((status = 200, body = Discussion), (status = 404, body = ErrorBody))
)]
#[delete("/discussions/{id}/subscribe")]
pub async fn unsubscribe_discussion(
    state: web::Data<AppState>,
    user: CurrentUser,
    id: web::Path<Uuid>,
) -> ApiResult<HttpResponse> {
    Ok(HttpResponse::Ok().json(discussions::follow(&state, &user, *id, false).await?))
}
