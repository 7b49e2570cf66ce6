//! Review: decisions by the Core Support Group and the secretariat, and threaded comments on a
//! roadmap or one of its parts.

use actix_web::{HttpRequest, HttpResponse, get, post, web};
use pioneer_domain::review::{DocumentAction, DocumentKind, check_comment_body};
use pioneer_domain::roadmap::workflow::{RoadmapKind, Transition};
use pioneer_domain::roadmap::{
    Comment, CommentTarget, Decision, NewComment, NewReview, Roadmap, TargetKind,
};
use pioneer_domain::{ErrorBody, FieldError, Page, PageQuery};
use uuid::Uuid;

use super::document_write::{authorize, comment_author};
use super::roadmaps::step_and_answer;
use crate::auth::CurrentUser;
use crate::error::{ApiError, ApiResult};
use crate::state::AppState;
use crate::store::comments::{self, NewCommentRow};
use crate::store::roadmaps as store;

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
    let row =
        authorize::<RoadmapKind>(&state, &user, id.into_inner(), DocumentAction::Read).await?;
    let page = comments::page(&state.db, DocumentKind::Roadmap, row.id, paging).await?;
    Ok(HttpResponse::Ok().json(page))
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
    let row =
        authorize::<RoadmapKind>(&state, &user, id.into_inner(), DocumentAction::Comment).await?;
    let input = body.into_inner();
    let text = check_comment_body(&input.body).map_err(ApiError::field)?;
    let target = input.target.unwrap_or(CommentTarget {
        kind: TargetKind::Roadmap,
        id: row.id,
    });
    if !store::has_section(&state.db, row.id, target).await? {
        return Err(ApiError::field(FieldError::new(
            "target",
            "unknown_target",
            "this roadmap has no such part",
        )));
    }
    if let Some(parent) = input.parent_id
        && !comments::exists(&state.db, DocumentKind::Roadmap, row.id, parent).await?
    {
        return Err(ApiError::field(FieldError::new(
            "parent_id",
            "unknown_comment",
            "no comment of this roadmap has this id",
        )));
    }
    let comment = NewCommentRow {
        kind: DocumentKind::Roadmap,
        document_id: row.id,
        author: comment_author(&user),
        target,
        parent_id: input.parent_id,
        body: text,
    };
    let comment = comments::insert(&state.db, comment, state.clock.now()).await?;
    Ok(HttpResponse::Created().json(comment))
}
