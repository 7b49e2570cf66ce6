//! Review: decisions by the Core Support Group and the secretariat, and threaded comments on a
//! roadmap or one of its parts.

use actix_web::http::StatusCode;
use actix_web::{HttpRequest, HttpResponse, get, post, web};
use pioneer_domain::policy::RoadmapAction;
use pioneer_domain::review::{DocumentKind, check_comment_body};
use pioneer_domain::roadmap::workflow::Transition;
use pioneer_domain::roadmap::{
    Comment, CommentAuthor, CommentTarget, Decision, NewComment, NewReview, Roadmap, RoadmapStatus,
    TargetKind,
};
use pioneer_domain::{ErrorBody, FieldError, Page};
use serde_json::json;
use uuid::Uuid;

use super::roadmap_write::{RoadmapWrite, authorize};
use crate::auth::CurrentUser;
use crate::error::{ApiError, ApiResult};
use crate::state::AppState;
use crate::store::comments::{self, NewCommentRow};
use crate::store::roadmaps as store;

/// The author of what `user` writes.
fn author(user: &CurrentUser) -> CommentAuthor {
    CommentAuthor {
        id: user.id,
        name: user.name.clone(),
    }
}

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
    let mut write = RoadmapWrite::begin(
        &state,
        &user,
        &req,
        id.into_inner(),
        RoadmapAction::Review,
        |s| s.apply(transition).map(drop),
    )
    .await?;
    let comment = review.checked_comment().map_err(ApiError::field)?;
    let next = write.status.apply(transition).map_err(ApiError::workflow)?;
    store::set_status(&write.txn, write.row.id, next, false, write.now).await?;
    let comment_id = match comment {
        Some(text) => {
            let target = CommentTarget {
                kind: TargetKind::Roadmap,
                id: write.row.id,
            };
            let comment = NewCommentRow {
                kind: DocumentKind::Roadmap,
                document_id: write.row.id,
                author: author(&user),
                target,
                parent_id: None,
                body: text,
            };
            Some(comments::insert(&write.txn, comment, write.now).await?.id)
        }
        None => None,
    };
    if next == RoadmapStatus::Approved {
        let superseded = store::supersede_previous(&write.txn, &write.row, write.now, |old| {
            let changes = json!({"status": {"from": "approved", "to": "superseded"}, "by_version": write.row.version, "by_id": write.row.id});
            store::record_history(
                &write.txn,
                old.id,
                old.revision + 1,
                user.id,
                "roadmap.superseded",
                changes,
                write.now,
            )
        })
        .await?;
        for id in superseded {
            write.forget.also(id);
        }
    }
    let event = if next == RoadmapStatus::Approved {
        "roadmap.approved"
    } else {
        "roadmap.changes_requested"
    };
    let changes = json!({"status": {"from": "submitted", "to": next}, "comment_id": comment_id});
    write
        .commit_with_roadmap(&state, event, changes, StatusCode::OK)
        .await
}

/// All comments on the roadmap, oldest first; `parent_id` makes the threads.
#[utoipa::path(
    tag = "reviews",
    security(("bearer" = [])),
    params(("id" = Uuid, Path)),
    responses((status = 200, body = Page<Comment>), (status = 404, body = ErrorBody))
)]
#[get("/roadmaps/{id}/comments")]
pub async fn list_roadmap_comments(
    state: web::Data<AppState>,
    user: CurrentUser,
    id: web::Path<Uuid>,
) -> ApiResult<HttpResponse> {
    let row = authorize(&state, &user, id.into_inner(), RoadmapAction::Read).await?;
    let items = comments::list(&state.db, DocumentKind::Roadmap, row.id).await?;
    Ok(HttpResponse::Ok().json(Page::whole(items)))
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
    let row = authorize(&state, &user, id.into_inner(), RoadmapAction::Comment).await?;
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
        author: author(&user),
        target,
        parent_id: input.parent_id,
        body: text,
    };
    let comment = comments::insert(&state.db, comment, state.clock.now()).await?;
    Ok(HttpResponse::Created().json(comment))
}
