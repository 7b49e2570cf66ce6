//! Thematic groups as the secretariat runs them: creating one, naming its members and
//! moderators, taking a member out; members asking to join and the group's moderators (or the
//! secretariat) answering; and what a member may see of them.

use pioneer_domain::groups::{
    Group, GroupMember, GroupRole, JoinDecision, JoinRequest, JoinRequestStatus, NewGroup,
    NewGroupMember, NewJoinRequest, can_see_members, may_moderate_members, may_remove_member,
};
use pioneer_domain::notifications::NotificationKind;
use pioneer_domain::page::Paging;
use pioneer_domain::{ErrorCode, FieldError};
use uuid::Uuid;

use crate::auth::CurrentUser;
use crate::error::{ApiError, ApiResult};
use crate::state::AppState;
use crate::store;
use crate::store::notifications::NewNotification;

/// The group as `user` sees it; 404 when there is none.
pub async fn group(state: &AppState, user: &CurrentUser, id: Uuid) -> ApiResult<Group> {
    store::groups::find(&state.db, id, user.id)
        .await?
        .ok_or_else(|| ApiError::not_found("group"))
}

pub async fn create(state: &AppState, user: &CurrentUser, input: &NewGroup) -> ApiResult<Group> {
    user.require_secretariat("thematic groups")?;
    let valid = input.validate().map_err(ApiError::validation)?;
    let write = state.write(user.id).await?;
    let Some(id) = store::groups::create(&write.txn, &valid, user.id, write.now).await? else {
        return Err(ApiError::conflict(
            ErrorCode::GroupNameTaken,
            format!("a group named “{}” exists already", valid.name),
        )
        .with_details(vec![FieldError::new(
            "name",
            ErrorCode::GroupNameTaken.as_str(),
            "a group has this name already",
        )]));
    };
    write.commit().await?;
    tracing::info!(group_id = %id, "thematic group created");
    group(state, user, id).await
}

/// The group's members, for those who run the platform and for its own members.
pub async fn members(
    state: &AppState,
    user: &CurrentUser,
    id: Uuid,
    paging: Paging,
) -> ApiResult<(Vec<GroupMember>, u64)> {
    let found = group(state, user, id).await?;
    if !can_see_members(user.role, found.my_role) {
        return Err(ApiError::forbidden(
            "a group's members are shown to its members and the secretariat",
        ));
    }
    Ok(store::groups::members(&state.db, id, paging).await?)
}

/// Puts a member (named by e-mail) in the group with a role, or changes their role. `true`:
/// they were not in it before.
pub async fn put_member(
    state: &AppState,
    user: &CurrentUser,
    id: Uuid,
    input: &NewGroupMember,
) -> ApiResult<(GroupMember, bool)> {
    user.require_secretariat("thematic groups")?;
    let email = input.email().map_err(ApiError::validation)?;
    let found = group(state, user, id).await?;
    let unknown = || {
        ApiError::validation(vec![FieldError::new(
            "user_email",
            "unknown_member",
            "no active member has this e-mail address",
        )])
    };
    let member = store::users::find_by_email(&state.db, email.as_str())
        .await?
        .filter(|m| m.active)
        .ok_or_else(unknown)?;
    let write = state.write(user.id).await?;
    let added =
        store::groups::put_member(&write.txn, id, member.id, input.role, user.id, write.now)
            .await?;
    if added {
        // A request they had waiting is answered by this.
        store::groups::settle_request(&write.txn, id, member.id, user.id, write.now).await?;
    }
    if added && member.id != user.id {
        let notice = NewNotification {
            user_id: member.id,
            kind: NotificationKind::GroupInvitation,
            actor_id: Some(user.id),
            subject: found.name.clone(),
            detail: None,
            link: format!("/groups/{id}"),
            group_id: Some(id),
        };
        store::notifications::insert_many(&write.txn, vec![notice], write.now).await?;
    }
    write.commit().await?;
    tracing::info!(group_id = %id, user_id = %member.id, role = input.role.as_str(), "group member set");
    let entry = GroupMember {
        user_id: member.id,
        name: member.name,
        email: member.email,
        country_code: member.country_code,
        role: input.role,
        added_at: state.clock.now(),
    };
    Ok((entry, added))
}

/// Takes a member out of the group: the secretariat, or one of the group's moderators (who
/// takes out members, not other moderators). Every read checks membership, so the member loses
/// access at once.
pub async fn remove_member(
    state: &AppState,
    user: &CurrentUser,
    id: Uuid,
    member_id: Uuid,
) -> ApiResult<()> {
    let found = group(state, user, id).await?;
    if !may_moderate_members(user.role, found.my_role) {
        return Err(ApiError::forbidden(
            "members are taken out of a group by its moderators and the secretariat",
        ));
    }
    let write = state.write(user.id).await?;
    // Read again in the transaction: what counts is their role when they are taken out.
    let mine = store::groups::role_in(&write.txn, id, user.id).await?;
    let their_role = store::groups::role_in(&write.txn, id, member_id)
        .await?
        .ok_or_else(|| ApiError::not_found("group member"))?;
    if !may_remove_member(user.role, mine, their_role) {
        return Err(ApiError::forbidden(
            "only the secretariat takes a moderator out of a group",
        ));
    }
    if !store::groups::remove_member(&write.txn, id, member_id).await? {
        return Err(ApiError::not_found("group member"));
    }
    write.commit().await?;
    tracing::info!(group_id = %id, user_id = %member_id, "group member removed");
    Ok(())
}

/// Asks to join the group (a member not in it). Asking again while the request waits answers
/// that request (`false`: nothing new). The group's moderators are told.
pub async fn ask_to_join(
    state: &AppState,
    user: &CurrentUser,
    id: Uuid,
    input: &NewJoinRequest,
) -> ApiResult<(JoinRequest, bool)> {
    let message = input.validate().map_err(ApiError::validation)?;
    let found = group(state, user, id).await?;
    let already = || {
        ApiError::conflict(
            ErrorCode::AlreadyMember,
            format!("you are already in the group “{}”", found.name),
        )
    };
    if found.my_role.is_some() {
        return Err(already());
    }
    let write = state.write(user.id).await?;
    if !store::groups::lock(&write.txn, id).await? {
        return Err(ApiError::not_found("group"));
    }
    if store::groups::role_in(&write.txn, id, user.id)
        .await?
        .is_some()
    {
        return Err(already());
    }
    let previous = store::groups::request_of(&write.txn, id, user.id).await?;
    if let Some(pending) = previous
        .as_ref()
        .filter(|r| r.status == JoinRequestStatus::Pending.as_str())
    {
        let answer = one_request(&write.txn, pending.clone()).await?;
        return Ok((answer, false));
    }
    let saved = store::groups::ask(&write.txn, id, user.id, previous, message, write.now).await?;
    let moderators = store::groups::moderators(&write.txn, id).await?;
    let notices = moderators
        .into_iter()
        .filter(|moderator| *moderator != user.id)
        .map(|moderator| NewNotification {
            user_id: moderator,
            kind: NotificationKind::JoinRequest,
            actor_id: Some(user.id),
            subject: found.name.clone(),
            detail: None,
            link: format!("/groups/{id}"),
            group_id: Some(id),
        })
        .collect();
    store::notifications::insert_many(&write.txn, notices, write.now).await?;
    let answer = one_request(&write.txn, saved).await?;
    write.commit().await?;
    tracing::info!(group_id = %id, request_id = %answer.id, "asked to join a group");
    Ok((answer, true))
}

async fn one_request(
    db: &impl sea_orm::ConnectionTrait,
    row: crate::entities::group_join_request::Model,
) -> ApiResult<JoinRequest> {
    store::groups::to_requests(db, vec![row])
        .await?
        .pop()
        .ok_or_else(|| ApiError::not_found("join request"))
}

/// The group `id` for one who answers its requests: 404 when there is none, 403 for others.
async fn moderated(state: &AppState, user: &CurrentUser, id: Uuid) -> ApiResult<Group> {
    let found = group(state, user, id).await?;
    if !may_moderate_members(user.role, found.my_role) {
        return Err(ApiError::forbidden(
            "requests to join a group are answered by its moderators and the secretariat",
        ));
    }
    Ok(found)
}

/// The group's requests to join in one status, oldest first: for its moderators and the
/// secretariat.
pub async fn requests(
    state: &AppState,
    user: &CurrentUser,
    id: Uuid,
    status: JoinRequestStatus,
    paging: Paging,
) -> ApiResult<(Vec<JoinRequest>, u64)> {
    moderated(state, user, id).await?;
    Ok(store::groups::requests(&state.db, id, status, paging).await?)
}

/// Answers a request to join: approved, the member joins the group as `member`; either way
/// they are told.
pub async fn decide(
    state: &AppState,
    user: &CurrentUser,
    id: Uuid,
    request_id: Uuid,
    decision: JoinDecision,
) -> ApiResult<JoinRequest> {
    let found = moderated(state, user, id).await?;
    let write = state.write(user.id).await?;
    if !store::groups::lock(&write.txn, id).await? {
        return Err(ApiError::not_found("group"));
    }
    // Read again in the transaction: a moderator taken out meanwhile answers nothing.
    let mine = store::groups::role_in(&write.txn, id, user.id).await?;
    if !may_moderate_members(user.role, mine) {
        return Err(ApiError::forbidden(
            "requests to join a group are answered by its moderators and the secretariat",
        ));
    }
    let row = store::groups::find_request(&write.txn, id, request_id)
        .await?
        .ok_or_else(|| ApiError::not_found("join request"))?;
    if row.status != JoinRequestStatus::Pending.as_str() {
        return Err(ApiError::conflict(
            ErrorCode::AlreadyDecided,
            "this request to join was already answered",
        ));
    }
    let member_id = row.user_id;
    let (status, kind, group_id) = if decision.approve {
        (
            JoinRequestStatus::Approved,
            NotificationKind::JoinApproved,
            Some(id),
        )
    } else {
        // Not in the group: a notification tied to it would stay hidden from them.
        (
            JoinRequestStatus::Declined,
            NotificationKind::JoinDeclined,
            None,
        )
    };
    let saved = store::groups::decide(&write.txn, row, status, user.id, write.now).await?;
    // One put in the group another way meanwhile keeps the role they have.
    if decision.approve
        && store::groups::role_in(&write.txn, id, member_id)
            .await?
            .is_none()
    {
        store::groups::put_member(
            &write.txn,
            id,
            member_id,
            GroupRole::Member,
            user.id,
            write.now,
        )
        .await?;
    }
    if member_id != user.id {
        let notice = NewNotification {
            user_id: member_id,
            kind,
            actor_id: Some(user.id),
            subject: found.name.clone(),
            detail: None,
            link: format!("/groups/{id}"),
            group_id,
        };
        store::notifications::insert_many(&write.txn, vec![notice], write.now).await?;
    }
    let answer = one_request(&write.txn, saved).await?;
    write.commit().await?;
    tracing::info!(group_id = %id, request_id = %request_id, status = status.as_str(), "request to join answered");
    Ok(answer)
}
