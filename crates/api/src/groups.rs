//! Thematic groups as the secretariat runs them: creating one, naming its members and
//! moderators, taking a member out; and what a member may see of them.

use pioneer_domain::groups::{Group, GroupMember, NewGroup, NewGroupMember, can_see_members};
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

pub async fn remove_member(
    state: &AppState,
    user: &CurrentUser,
    id: Uuid,
    member_id: Uuid,
) -> ApiResult<()> {
    user.require_secretariat("thematic groups")?;
    group(state, user, id).await?;
    let write = state.write(user.id).await?;
    if !store::groups::remove_member(&write.txn, id, member_id).await? {
        return Err(ApiError::not_found("group member"));
    }
    write.commit().await?;
    tracing::info!(group_id = %id, user_id = %member_id, "group member removed");
    Ok(())
}
