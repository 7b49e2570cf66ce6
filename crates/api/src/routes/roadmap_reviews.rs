//! Review: decisions by the Core Support Group and the secretariat, and threaded comments on a
//! roadmap or one of its parts.

use actix_web::{HttpRequest, HttpResponse, get, post, web};
use pioneer_domain::roadmap::workflow::{RoadmapKind, Transition};
use pioneer_domain::roadmap::{Comment, Decision, NewComment, NewReview, Roadmap};
use pioneer_domain::{ErrorBody, Page, PageQuery};
use uuid::Uuid;

use super::document_review::{create_comment, list_comments};
use super::roadmaps::step_and_answer;
use crate::auth::CurrentUser;
use crate::error::{ApiError, ApiResult};
use crate::state::AppState;

/// Approves the roadmap or sends it back for changes (a comment is required then). Approving
/// a revision supersedes the version approved before it.
#[utoipa::path(
    tag = "reviews",
    security(("bearer" = [])),
    params(("id" = Uuid, Path), ("If-Match" = String, Header)),
    request_body = NewReview,
    responses(
        (status = 200, body = Roadmap),
        (status = 403, body = ErrorBody),
        (status = 409, description = "Not submitted", body = ErrorBody),
        (status = 412, body = ErrorBody),
        (status = 422, description = "A request for changes without a comment", body = ErrorBody),
        (status = 428, body = ErrorBody),
    )
)]
#[post("/roadmaps/{id}/reviews")]
pub async fn create_roadmap_review(
    state: web::Data<AppState>,
    user: CurrentUser,
    req: HttpRequest,
    id: web::Path<Uuid>,
    body: web::Json<NewReview>,
) -> ApiResult<HttpResponse> {
    let review = body.into_inner();
    let transition = match review.decision {
        Decision::Approve => Transition::Approve,
        Decision::RequestChanges => Transition::RequestChanges,
    };
    let comment = review.checked_comment().map_err(ApiError::field)?;
    step_and_answer(&state, &user, &req, id.into_inner(), transition, comment).await
}

/// All comments on the roadmap, oldest first; `parent_id` makes the threads.
#[utoipa::path(
    tag = "reviews",
    security(("bearer" = [])),
    params(("id" = Uuid, Path), PageQuery),
    responses((status = 200, body = Page<Comment>), (status = 404, body = ErrorBody), (status = 422, body = ErrorBody))
)]
#[get("/roadmaps/{id}/comments")]
pub async fn list_roadmap_comments(
    state: web::Data<AppState>,
    user: CurrentUser,
    id: web::Path<Uuid>,
    paging: web::Query<PageQuery>,
) -> ApiResult<HttpResponse> {
    let paging = paging.into_inner().parse().map_err(ApiError::validation)?;
    list_comments::<RoadmapKind>(&state, &user, id.into_inner(), paging).await
}

/// Comments on the roadmap or on one priority, action or indicator, or answers a comment.
/// Reviewers, the secretariat and the country team take part.
#[utoipa::path(
    tag = "reviews",
    security(("bearer" = [])),
    params(("id" = Uuid, Path)),
    request_body = NewComment,
    responses((status = 201, body = Comment), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody), (status = 422, body = ErrorBody))
)]
#[post("/roadmaps/{id}/comments")]
pub async fn create_roadmap_comment(
    state: web::Data<AppState>,
    user: CurrentUser,
    id: web::Path<Uuid>,
    body: web::Json<NewComment>,
) -> ApiResult<HttpResponse> {
    create_comment::<RoadmapKind>(&state, &user, id.into_inner(), body.into_inner()).await
}
