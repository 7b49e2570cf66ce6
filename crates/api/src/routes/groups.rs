//! `/groups`: thematic groups, their members and moderators, and members' requests to join.

use actix_web::{HttpResponse, delete, get, post, web};
use pioneer_domain::groups::{
    Group, GroupMember, JoinDecision, JoinRequest, JoinRequestStatus, NewGroup, NewGroupMember,
    NewJoinRequest,
};
use pioneer_domain::{ErrorBody, Page, PageQuery};
use serde::Deserialize;
use utoipa::IntoParams;
use uuid::Uuid;

use crate::auth::CurrentUser;
use crate::error::{ApiError, ApiResult};
use crate::groups;
use crate::state::AppState;
use crate::store;

/// The thematic groups, by name, each with its member counts and the reader's own role.
#[utoipa::path(
    tag = "groups",
    security(("bearer" = [])),
    params(PageQuery),
    responses((status = 200, body = Page<Group>), (status = 401, body = ErrorBody))
)]
#[get("/groups")]
pub async fn list_groups(
    state: web::Data<AppState>,
    user: CurrentUser,
    paging: web::Query<PageQuery>,
) -> ApiResult<HttpResponse> {
    let paging = paging.into_inner().parse().map_err(ApiError::validation)?;
    let (items, total) = store::groups::page(&state.db, user.id, paging).await?;
    Ok(HttpResponse::Ok().json(Page::new(items, total, paging)))
}

/// Creates a thematic group (the secretariat). Names are unique.
#[utoipa::path(
    tag = "groups",
    security(("bearer" = [])),
    request_body = NewGroup,
    responses(
        (status = 201, body = Group),
        (status = 403, body = ErrorBody),
        (status = 409, description = "A group has this name (`group_name_taken`)", body = ErrorBody),
        (status = 422, body = ErrorBody),
    )
)]
#[post("/groups")]
pub async fn create_group(
    state: web::Data<AppState>,
    user: CurrentUser,
    body: web::Json<NewGroup>,
) -> ApiResult<HttpResponse> {
    let created = groups::create(&state, &user, &body).await?;
    Ok(HttpResponse::Created()
        .insert_header(("Location", format!("/api/v1/groups/{}", created.id)))
        .json(created))
}

#[utoipa::path(
    tag = "groups",
    security(("bearer" = [])),
    params(("id" = Uuid, Path)),
    responses((status = 200, body = Group), (status = 404, body = ErrorBody))
)]
#[get("/groups/{id}")]
pub async fn get_group(
    state: web::Data<AppState>,
    user: CurrentUser,
    id: web::Path<Uuid>,
) -> ApiResult<HttpResponse> {
    Ok(HttpResponse::Ok().json(groups::group(&state, &user, *id).await?))
}

/// The group's members, moderators first: for its members and the secretariat.
#[utoipa::path(
    tag = "groups",
    security(("bearer" = [])),
    params(("id" = Uuid, Path), PageQuery),
    responses(
        (status = 200, body = Page<GroupMember>),
        (status = 403, body = ErrorBody),
        (status = 404, body = ErrorBody),
    )
)]
#[get("/groups/{id}/members")]
pub async fn list_group_members(
    state: web::Data<AppState>,
    user: CurrentUser,
    id: web::Path<Uuid>,
    paging: web::Query<PageQuery>,
) -> ApiResult<HttpResponse> {
    let paging = paging.into_inner().parse().map_err(ApiError::validation)?;
    let (items, total) = groups::members(&state, &user, *id, paging).await?;
    Ok(HttpResponse::Ok().json(Page::new(items, total, paging)))
}

/// Puts a member, named by e-mail, in the group as `member` or `moderator` (the secretariat);
/// a member already in it changes role. 201 when they joined, 200 when their role changed.
#[utoipa::path(
    tag = "groups",
    security(("bearer" = [])),
    params(("id" = Uuid, Path)),
    request_body = NewGroupMember,
    responses(
        (status = 201, description = "Joined", body = GroupMember),
        (status = 200, description = "Role changed", body = GroupMember),
        (status = 403, body = ErrorBody),
        (status = 404, body = ErrorBody),
        (status = 422, description = "Not an address, or no active member has it (`unknown_member`)", body = ErrorBody),
    )
)]
#[post("/groups/{id}/members")]
pub async fn put_group_member(
    state: web::Data<AppState>,
    user: CurrentUser,
    id: web::Path<Uuid>,
    body: web::Json<NewGroupMember>,
) -> ApiResult<HttpResponse> {
    let (member, joined) = groups::put_member(&state, &user, *id, &body).await?;
    Ok(if joined {
        HttpResponse::Created().json(member)
    } else {
        HttpResponse::Ok().json(member)
    })
}

/// Takes a member out of the group: the secretariat, or one of the group's moderators (who
/// take out members; only the secretariat takes out a moderator). They lose access at once.
#[utoipa::path(
    tag = "groups",
    security(("bearer" = [])),
    params(("id" = Uuid, Path), ("user_id" = Uuid, Path)),
    responses(
        (status = 204, description = "Removed"),
        (status = 403, description = "Not a moderator of the group, or a moderator taking out another moderator", body = ErrorBody),
        (status = 404, body = ErrorBody),
    )
)]
#[delete("/groups/{id}/members/{user_id}")]
pub async fn remove_group_member(
    state: web::Data<AppState>,
    user: CurrentUser,
    path: web::Path<(Uuid, Uuid)>,
) -> ApiResult<HttpResponse> {
    let (id, member_id) = path.into_inner();
    groups::remove_member(&state, &user, id, member_id).await?;
    Ok(HttpResponse::NoContent().finish())
}

/// Asks to join the group (a member not in it), with a short note for its moderators, who are
/// notified. 201 for a new request; 200 with the request already waiting when asked again.
#[utoipa::path(
    tag = "groups",
    security(("bearer" = [])),
    params(("id" = Uuid, Path)),
    request_body = NewJoinRequest,
    responses(
        (status = 201, description = "Asked", body = JoinRequest),
        (status = 200, description = "Already asked: the request waiting", body = JoinRequest),
        (status = 404, body = ErrorBody),
        (status = 409, description = "Already in the group (`already_member`)", body = ErrorBody),
        (status = 422, body = ErrorBody),
    )
)]
#[post("/groups/{id}/join")]
pub async fn create_group_join_request(
    state: web::Data<AppState>,
    user: CurrentUser,
    id: web::Path<Uuid>,
    body: web::Json<NewJoinRequest>,
) -> ApiResult<HttpResponse> {
    let (request, created) = groups::ask_to_join(&state, &user, *id, &body).await?;
    Ok(if created {
        HttpResponse::Created().json(request)
    } else {
        HttpResponse::Ok().json(request)
    })
}

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct JoinRequestFilter {
    /// `pending` when absent.
    pub status: Option<JoinRequestStatus>,
}

/// The group's requests to join in one status (`pending` by default), oldest first: for its
/// moderators and the secretariat.
#[utoipa::path(
    tag = "groups",
    security(("bearer" = [])),
    params(("id" = Uuid, Path), JoinRequestFilter, PageQuery),
    responses(
        (status = 200, body = Page<JoinRequest>),
        (status = 403, body = ErrorBody),
        (status = 404, body = ErrorBody),
        (status = 422, body = ErrorBody),
    )
)]
#[get("/groups/{id}/requests")]
pub async fn list_group_join_requests(
    state: web::Data<AppState>,
    user: CurrentUser,
    id: web::Path<Uuid>,
    filter: web::Query<JoinRequestFilter>,
    paging: web::Query<PageQuery>,
) -> ApiResult<HttpResponse> {
    let paging = paging.into_inner().parse().map_err(ApiError::validation)?;
    let status = filter.status.unwrap_or_default();
    let (items, total) = groups::requests(&state, &user, *id, status, paging).await?;
    Ok(HttpResponse::Ok().json(Page::new(items, total, paging)))
}

/// Answers a request to join (the group's moderators and the secretariat): approved, the
/// member joins as `member`; either way they are notified.
#[utoipa::path(
    tag = "groups",
    security(("bearer" = [])),
    params(("id" = Uuid, Path), ("request_id" = Uuid, Path)),
    request_body = JoinDecision,
    responses(
        (status = 200, body = JoinRequest),
        (status = 403, body = ErrorBody),
        (status = 404, body = ErrorBody),
        (status = 409, description = "Already answered (`already_decided`)", body = ErrorBody),
        (status = 422, body = ErrorBody),
    )
)]
#[post("/groups/{id}/requests/{request_id}/decision")]
pub async fn decide_group_join_request(
    state: web::Data<AppState>,
    user: CurrentUser,
    path: web::Path<(Uuid, Uuid)>,
    body: web::Json<JoinDecision>,
) -> ApiResult<HttpResponse> {
    let (id, request_id) = path.into_inner();
    let answer = groups::decide(&state, &user, id, request_id, *body).await?;
    Ok(HttpResponse::Ok().json(answer))
}
