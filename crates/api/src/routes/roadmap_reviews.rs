//! Review: decisions by the Core Support Group and the secretariat, and threaded comments on a
//! roadmap or one of its parts.

use actix_web::http::StatusCode;
use actix_web::{HttpRequest, HttpResponse, get, post, web};
use chrono::{DateTime, Utc};
use pioneer_domain::policy::RoadmapAction;
use pioneer_domain::roadmap::workflow::Transition;
use pioneer_domain::roadmap::{
    Comment, CommentAuthor, CommentTarget, Decision, NewComment, NewReview, Roadmap, RoadmapStatus,
    TargetKind,
};
use pioneer_domain::{ErrorBody, FieldError, Page};
use sea_orm::sea_query::Expr;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, PaginatorTrait, QueryFilter,
    QueryOrder, Set,
};
use serde_json::json;
use uuid::Uuid;

use super::roadmap_write::{RoadmapWrite, authorize};
use super::roadmaps::set_status;
use crate::auth::CurrentUser;
use crate::entities::{
    document_comment, roadmap, roadmap_action, roadmap_indicator, roadmap_priority, user,
};
use crate::error::{ApiError, ApiResult};
use crate::state::AppState;
use crate::store::roadmaps as store;

const MAX_COMMENT: usize = 10_000;

fn comment_body(raw: &str) -> ApiResult<String> {
    let body = raw.trim();
    if body.is_empty() {
        return Err(ApiError::field(FieldError::new(
            "body",
            "required",
            "write the comment",
        )));
    }
    if body.chars().count() > MAX_COMMENT {
        return Err(ApiError::field(FieldError::new(
            "body",
            "too_long",
            format!("a comment is at most {MAX_COMMENT} characters"),
        )));
    }
    Ok(body.to_owned())
}

async fn insert_comment(
    db: &impl ConnectionTrait,
    roadmap_id: Uuid,
    author: &CurrentUser,
    target: CommentTarget,
    parent_id: Option<Uuid>,
    body: String,
    created_at: DateTime<Utc>,
) -> ApiResult<Comment> {
    let row = document_comment::ActiveModel {
        id: Set(Uuid::now_v7()),
        document_kind: Set(store::DOCUMENT_KIND.to_owned()),
        document_id: Set(roadmap_id),
        author_id: Set(author.id),
        target_kind: Set(target.kind.as_str().to_owned()),
        target_id: Set(target.id),
        parent_id: Set(parent_id),
        body: Set(body),
        created_at: Set(created_at),
    }
    .insert(db)
    .await?;
    Ok(Comment {
        id: row.id,
        body: row.body,
        author: CommentAuthor {
            id: author.id,
            name: author.name.clone(),
        },
        target,
        parent_id,
        created_at,
    })
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
    let comment = match review
        .comment
        .as_deref()
        .map(str::trim)
        .filter(|c| !c.is_empty())
    {
        Some(text) => Some(comment_body(text)?),
        None if review.decision == Decision::RequestChanges => {
            return Err(ApiError::field(FieldError::new(
                "comment",
                "required",
                "say what must change",
            )));
        }
        None => None,
    };
    let next = write.status.apply(transition).map_err(ApiError::workflow)?;
    set_status(&write, next, false).await?;
    let comment_id = match comment {
        Some(text) => {
            let target = CommentTarget {
                kind: TargetKind::Roadmap,
                id: write.row.id,
            };
            Some(
                insert_comment(
                    &write.txn,
                    write.row.id,
                    &user,
                    target,
                    None,
                    text,
                    write.now,
                )
                .await?
                .id,
            )
        }
        None => None,
    };
    if next == RoadmapStatus::Approved {
        supersede_previous(&mut write, &user).await?;
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

/// The version approved before this one, if any, becomes superseded.
async fn supersede_previous(write: &mut RoadmapWrite, user: &CurrentUser) -> ApiResult<()> {
    let previous = roadmap::Entity::find()
        .filter(roadmap::Column::LineageId.eq(write.row.lineage_id))
        .filter(roadmap::Column::Status.eq(RoadmapStatus::Approved.as_str()))
        .filter(roadmap::Column::Id.ne(write.row.id))
        .all(&write.txn)
        .await?;
    for old in previous {
        write.forget.also(old.id);
        roadmap::Entity::update_many()
            .col_expr(
                roadmap::Column::Status,
                Expr::value(RoadmapStatus::Superseded.as_str()),
            )
            .col_expr(roadmap::Column::Revision, Expr::value(old.revision + 1))
            .col_expr(roadmap::Column::UpdatedAt, Expr::value(write.now))
            .filter(roadmap::Column::Id.eq(old.id))
            .exec(&write.txn)
            .await?;
        store::record_history(
            &write.txn,
            old.id,
            old.revision + 1,
            user.id,
            "roadmap.superseded",
            json!({"status": {"from": "approved", "to": "superseded"}, "by_version": write.row.version, "by_id": write.row.id}),
            write.now,
        )
        .await?;
    }
    Ok(())
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
    let rows = document_comment::Entity::find()
        .filter(document_comment::Column::DocumentKind.eq(store::DOCUMENT_KIND))
        .filter(document_comment::Column::DocumentId.eq(row.id))
        .order_by_asc(document_comment::Column::CreatedAt)
        .order_by_asc(document_comment::Column::Id)
        .find_also_related(user::Entity)
        .all(&state.db)
        .await?;
    let items = rows
        .into_iter()
        .map(|(c, author)| {
            let kind = match c.target_kind.as_str() {
                "priority" => TargetKind::Priority,
                "action" => TargetKind::Action,
                "indicator" => TargetKind::Indicator,
                _ => TargetKind::Roadmap,
            };
            Comment {
                id: c.id,
                body: c.body,
                author: CommentAuthor {
                    id: c.author_id,
                    name: author.map(|a| a.name).unwrap_or_default(),
                },
                target: CommentTarget {
                    kind,
                    id: c.target_id,
                },
                parent_id: c.parent_id,
                created_at: c.created_at,
            }
        })
        .collect::<Vec<_>>();
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
    let text = comment_body(&input.body)?;
    let target = input.target.unwrap_or(CommentTarget {
        kind: TargetKind::Roadmap,
        id: row.id,
    });
    let target_exists = match target.kind {
        TargetKind::Roadmap => target.id == row.id,
        TargetKind::Priority => {
            roadmap_priority::Entity::find_by_id(target.id)
                .filter(roadmap_priority::Column::RoadmapId.eq(row.id))
                .count(&state.db)
                .await?
                > 0
        }
        TargetKind::Action => {
            roadmap_action::Entity::find_by_id(target.id)
                .filter(roadmap_action::Column::RoadmapId.eq(row.id))
                .count(&state.db)
                .await?
                > 0
        }
        TargetKind::Indicator => {
            roadmap_indicator::Entity::find_by_id(target.id)
                .filter(roadmap_indicator::Column::RoadmapId.eq(row.id))
                .count(&state.db)
                .await?
                > 0
        }
    };
    if !target_exists {
        return Err(ApiError::field(FieldError::new(
            "target",
            "unknown_target",
            "this roadmap has no such part",
        )));
    }
    if let Some(parent) = input.parent_id {
        let parent_exists = document_comment::Entity::find_by_id(parent)
            .filter(document_comment::Column::DocumentKind.eq(store::DOCUMENT_KIND))
            .filter(document_comment::Column::DocumentId.eq(row.id))
            .count(&state.db)
            .await?
            > 0;
        if !parent_exists {
            return Err(ApiError::field(FieldError::new(
                "parent_id",
                "unknown_comment",
                "no comment of this roadmap has this id",
            )));
        }
    }
    let comment = insert_comment(
        &state.db,
        row.id,
        &user,
        target,
        input.parent_id,
        text,
        state.clock.now(),
    )
    .await?;
    Ok(HttpResponse::Created().json(comment))
}
