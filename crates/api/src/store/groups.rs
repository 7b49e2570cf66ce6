//! Thematic groups, their members, and members' requests to join them. A list is four queries
//! whatever its length: the groups, their members counted per role, the reader's own places,
//! and the reader's pending requests.
//!
//! A change to a group's requests starts by touching the group's row ([`lock`]): on PostgreSQL
//! that row lock queues concurrent requests and decisions for one group, on SQLite the write
//! lock does; so a request is answered once.

use std::collections::{HashMap, HashSet};

use chrono::{DateTime, Utc};
use pioneer_domain::groups::{
    Group, GroupMember, GroupRole, JoinRequest, JoinRequestStatus, ValidGroup,
};
use sea_orm::sea_query::{Expr, OnConflict};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait,
    FromQueryResult, QueryFilter, QueryOrder, QuerySelect, Set,
};
use uuid::Uuid;

use super::{Paging, StoreError, StoreResult, fetch_page, is_unique_violation};
use crate::entities::{group, group_join_request, group_member, user};

fn role_of(raw: &str) -> StoreResult<GroupRole> {
    GroupRole::parse(raw).ok_or_else(|| StoreError::corrupt("group role", raw))
}

#[derive(Debug, FromQueryResult)]
struct RoleCount {
    group_id: Uuid,
    role: String,
    count: i64,
}

/// The groups' member and moderator counts, and `reader`'s role in each.
async fn counts_and_roles(
    db: &impl ConnectionTrait,
    ids: &[Uuid],
    reader: Uuid,
) -> StoreResult<(HashMap<Uuid, (u32, u32)>, HashMap<Uuid, GroupRole>)> {
    let rows = group_member::Entity::find()
        .select_only()
        .column(group_member::Column::GroupId)
        .column(group_member::Column::Role)
        .column_as(group_member::Column::UserId.count(), "count")
        .filter(group_member::Column::GroupId.is_in(ids.iter().copied()))
        .group_by(group_member::Column::GroupId)
        .group_by(group_member::Column::Role)
        .into_model::<RoleCount>()
        .all(db)
        .await?;
    let mut counts: HashMap<Uuid, (u32, u32)> = HashMap::new();
    for row in rows {
        let count = u32::try_from(row.count).unwrap_or(u32::MAX);
        let entry = counts.entry(row.group_id).or_default();
        match role_of(&row.role)? {
            GroupRole::Member => entry.0 += count,
            GroupRole::Moderator => {
                entry.0 += count;
                entry.1 += count;
            }
        }
    }
    let mine = group_member::Entity::find()
        .filter(group_member::Column::UserId.eq(reader))
        .filter(group_member::Column::GroupId.is_in(ids.iter().copied()))
        .all(db)
        .await?
        .into_iter()
        .map(|m| Ok((m.group_id, role_of(&m.role)?)))
        .collect::<StoreResult<_>>()?;
    Ok((counts, mine))
}

/// Which of these groups `reader` asked to join and awaits an answer from (one query).
async fn pending_of(
    db: &impl ConnectionTrait,
    ids: &[Uuid],
    reader: Uuid,
) -> StoreResult<HashSet<Uuid>> {
    if ids.is_empty() {
        return Ok(HashSet::new());
    }
    Ok(group_join_request::Entity::find()
        .filter(group_join_request::Column::UserId.eq(reader))
        .filter(group_join_request::Column::GroupId.is_in(ids.iter().copied()))
        .filter(group_join_request::Column::Status.eq(JoinRequestStatus::Pending.as_str()))
        .all(db)
        .await?
        .into_iter()
        .map(|r| r.group_id)
        .collect())
}

async fn with_counts(
    db: &impl ConnectionTrait,
    rows: Vec<group::Model>,
    reader: Uuid,
) -> StoreResult<Vec<Group>> {
    let ids: Vec<Uuid> = rows.iter().map(|g| g.id).collect();
    let (counts, mine) = counts_and_roles(db, &ids, reader).await?;
    let requested = pending_of(db, &ids, reader).await?;
    Ok(rows
        .into_iter()
        .map(|g| {
            let (members_count, moderators_count) = counts.get(&g.id).copied().unwrap_or_default();
            Group {
                my_role: mine.get(&g.id).copied(),
                join_requested: requested.contains(&g.id),
                id: g.id,
                name: g.name,
                description: g.description,
                members_count,
                moderators_count,
                created_at: g.created_at,
            }
        })
        .collect())
}

/// A page of the groups, by name, as `reader` sees them (with their own role).
pub async fn page(
    db: &DatabaseConnection,
    reader: Uuid,
    paging: Paging,
) -> StoreResult<(Vec<Group>, u64)> {
    let select = group::Entity::find().order_by_asc(group::Column::Name);
    let (rows, total) = fetch_page(db, select, paging).await?;
    Ok((with_counts(db, rows, reader).await?, total))
}

/// The names of these groups, by id (one query; none for no ids).
pub async fn names(
    db: &impl ConnectionTrait,
    ids: impl IntoIterator<Item = Uuid>,
) -> StoreResult<HashMap<Uuid, String>> {
    let ids: Vec<Uuid> = ids.into_iter().collect();
    if ids.is_empty() {
        return Ok(HashMap::new());
    }
    Ok(group::Entity::find()
        .filter(group::Column::Id.is_in(ids))
        .all(db)
        .await?
        .into_iter()
        .map(|g| (g.id, g.name))
        .collect())
}

pub async fn find(db: &impl ConnectionTrait, id: Uuid, reader: Uuid) -> StoreResult<Option<Group>> {
    let Some(row) = group::Entity::find_by_id(id).one(db).await? else {
        return Ok(None);
    };
    Ok(with_counts(db, vec![row], reader).await?.pop())
}

/// Creates the group; `None` when a group already has that name (then the transaction must
/// not be committed).
pub async fn create(
    db: &impl ConnectionTrait,
    valid: &ValidGroup,
    created_by: Uuid,
    now: DateTime<Utc>,
) -> StoreResult<Option<Uuid>> {
    let id = Uuid::now_v7();
    let model = group::ActiveModel {
        id: Set(id),
        name: Set(valid.name.clone()),
        description: Set(valid.description.clone()),
        created_by: Set(Some(created_by)),
        created_at: Set(now),
        updated_at: Set(now),
    };
    match group::Entity::insert(model)
        .exec_without_returning(db)
        .await
    {
        Ok(_) => Ok(Some(id)),
        Err(err) if is_unique_violation(&err) => Ok(None),
        Err(err) => Err(err.into()),
    }
}

/// `user_id`'s role in the group, if a member.
pub async fn role_in(
    db: &impl ConnectionTrait,
    group_id: Uuid,
    user_id: Uuid,
) -> StoreResult<Option<GroupRole>> {
    group_member::Entity::find_by_id((group_id, user_id))
        .one(db)
        .await?
        .map(|m| role_of(&m.role))
        .transpose()
}

/// Puts `user_id` in the group with `role` (a member already there changes role). `true`: they
/// were not a member before.
pub async fn put_member(
    db: &impl ConnectionTrait,
    group_id: Uuid,
    user_id: Uuid,
    role: GroupRole,
    added_by: Uuid,
    now: DateTime<Utc>,
) -> StoreResult<bool> {
    let before = role_in(db, group_id, user_id).await?;
    let model = group_member::ActiveModel {
        group_id: Set(group_id),
        user_id: Set(user_id),
        role: Set(role.as_str().to_owned()),
        added_by: Set(Some(added_by)),
        added_at: Set(now),
    };
    group_member::Entity::insert(model)
        .on_conflict(
            OnConflict::columns([group_member::Column::GroupId, group_member::Column::UserId])
                .update_column(group_member::Column::Role)
                .to_owned(),
        )
        .exec_without_returning(db)
        .await?;
    Ok(before.is_none())
}

/// Takes `user_id` out of the group; `false`: they were not in it.
pub async fn remove_member(
    db: &impl ConnectionTrait,
    group_id: Uuid,
    user_id: Uuid,
) -> StoreResult<bool> {
    let removed = group_member::Entity::delete_by_id((group_id, user_id))
        .exec(db)
        .await?;
    Ok(removed.rows_affected > 0)
}

/// A page of the group's members, moderators first, then in the order they joined (two
/// queries).
pub async fn members(
    db: &DatabaseConnection,
    group_id: Uuid,
    paging: Paging,
) -> StoreResult<(Vec<GroupMember>, u64)> {
    // "moderator" sorts after "member": descending puts the moderators first.
    let select = group_member::Entity::find()
        .filter(group_member::Column::GroupId.eq(group_id))
        .order_by_desc(group_member::Column::Role)
        .order_by_asc(group_member::Column::AddedAt)
        .order_by_asc(group_member::Column::UserId);
    let (rows, total) = fetch_page(db, select, paging).await?;
    let people: HashMap<Uuid, user::Model> = user::Entity::find()
        .filter(user::Column::Id.is_in(rows.iter().map(|m| m.user_id)))
        .all(db)
        .await?
        .into_iter()
        .map(|u| (u.id, u))
        .collect();
    let members = rows
        .into_iter()
        .filter_map(|m| {
            let person = people.get(&m.user_id)?;
            Some(role_of(&m.role).map(|role| GroupMember {
                user_id: m.user_id,
                name: person.name.clone(),
                email: person.email.clone(),
                country_code: person.country_code.clone(),
                role,
                added_at: m.added_at,
            }))
        })
        .collect::<StoreResult<Vec<_>>>()?;
    Ok((members, total))
}

/// Takes the group's row for this transaction (see the module's note); `false`: no such group.
pub async fn lock(db: &impl ConnectionTrait, id: Uuid) -> StoreResult<bool> {
    let touched = group::Entity::update_many()
        .col_expr(
            group::Column::UpdatedAt,
            Expr::col(group::Column::UpdatedAt),
        )
        .filter(group::Column::Id.eq(id))
        .exec(db)
        .await?;
    Ok(touched.rows_affected == 1)
}

fn status_of(raw: &str) -> StoreResult<JoinRequestStatus> {
    JoinRequestStatus::parse(raw).ok_or_else(|| StoreError::corrupt("join request status", raw))
}

/// `user_id`'s request to join the group, whatever its status.
pub async fn request_of(
    db: &impl ConnectionTrait,
    group_id: Uuid,
    user_id: Uuid,
) -> StoreResult<Option<group_join_request::Model>> {
    Ok(group_join_request::Entity::find()
        .filter(group_join_request::Column::GroupId.eq(group_id))
        .filter(group_join_request::Column::UserId.eq(user_id))
        .one(db)
        .await?)
}

/// Request `id` to join the group `group_id`.
pub async fn find_request(
    db: &impl ConnectionTrait,
    group_id: Uuid,
    id: Uuid,
) -> StoreResult<Option<group_join_request::Model>> {
    Ok(group_join_request::Entity::find_by_id(id)
        .filter(group_join_request::Column::GroupId.eq(group_id))
        .one(db)
        .await?)
}

/// Writes `user_id`'s pending request to join with `message`: a new row, or their earlier
/// (answered) one asked again. The caller holds the group's [`lock`].
pub async fn ask(
    db: &impl ConnectionTrait,
    group_id: Uuid,
    user_id: Uuid,
    previous: Option<group_join_request::Model>,
    message: String,
    now: DateTime<Utc>,
) -> StoreResult<group_join_request::Model> {
    let pending = JoinRequestStatus::Pending.as_str().to_owned();
    Ok(match previous {
        Some(row) => {
            let mut model: group_join_request::ActiveModel = row.into();
            model.message = Set(message);
            model.status = Set(pending);
            model.created_at = Set(now);
            model.decided_at = Set(None);
            model.decided_by = Set(None);
            model.update(db).await?
        }
        None => {
            group_join_request::ActiveModel {
                id: Set(Uuid::now_v7()),
                group_id: Set(group_id),
                user_id: Set(user_id),
                message: Set(message),
                status: Set(pending),
                created_at: Set(now),
                decided_at: Set(None),
                decided_by: Set(None),
            }
            .insert(db)
            .await?
        }
    })
}

/// Answers the request. The caller holds the group's [`lock`].
pub async fn decide(
    db: &impl ConnectionTrait,
    row: group_join_request::Model,
    status: JoinRequestStatus,
    decided_by: Uuid,
    now: DateTime<Utc>,
) -> StoreResult<group_join_request::Model> {
    let mut model: group_join_request::ActiveModel = row.into();
    model.status = Set(status.as_str().to_owned());
    model.decided_at = Set(Some(now));
    model.decided_by = Set(Some(decided_by));
    Ok(model.update(db).await?)
}

/// Marks `user_id`'s pending request to join as approved, if they have one (they were put in
/// the group another way).
pub async fn settle_request(
    db: &impl ConnectionTrait,
    group_id: Uuid,
    user_id: Uuid,
    decided_by: Uuid,
    now: DateTime<Utc>,
) -> StoreResult<()> {
    group_join_request::Entity::update_many()
        .col_expr(
            group_join_request::Column::Status,
            Expr::value(JoinRequestStatus::Approved.as_str()),
        )
        .col_expr(group_join_request::Column::DecidedAt, Expr::value(now))
        .col_expr(
            group_join_request::Column::DecidedBy,
            Expr::value(decided_by),
        )
        .filter(group_join_request::Column::GroupId.eq(group_id))
        .filter(group_join_request::Column::UserId.eq(user_id))
        .filter(group_join_request::Column::Status.eq(JoinRequestStatus::Pending.as_str()))
        .exec(db)
        .await?;
    Ok(())
}

/// The requests as read, with who asks (one query for the people).
pub async fn to_requests(
    db: &impl ConnectionTrait,
    rows: Vec<group_join_request::Model>,
) -> StoreResult<Vec<JoinRequest>> {
    if rows.is_empty() {
        return Ok(Vec::new());
    }
    let people: HashMap<Uuid, user::Model> = user::Entity::find()
        .filter(user::Column::Id.is_in(rows.iter().map(|r| r.user_id)))
        .all(db)
        .await?
        .into_iter()
        .map(|u| (u.id, u))
        .collect();
    rows.into_iter()
        .map(|r| {
            let person = people.get(&r.user_id);
            Ok(JoinRequest {
                status: status_of(&r.status)?,
                id: r.id,
                group_id: r.group_id,
                user_id: r.user_id,
                name: person.map(|p| p.name.clone()).unwrap_or_default(),
                country_code: person.and_then(|p| p.country_code.clone()),
                message: r.message,
                created_at: r.created_at,
                decided_at: r.decided_at,
            })
        })
        .collect()
}

/// A page of the group's requests in `status`, oldest first (two queries).
pub async fn requests(
    db: &DatabaseConnection,
    group_id: Uuid,
    status: JoinRequestStatus,
    paging: Paging,
) -> StoreResult<(Vec<JoinRequest>, u64)> {
    let select = group_join_request::Entity::find()
        .filter(group_join_request::Column::GroupId.eq(group_id))
        .filter(group_join_request::Column::Status.eq(status.as_str()))
        .order_by_asc(group_join_request::Column::CreatedAt)
        .order_by_asc(group_join_request::Column::Id);
    let (rows, total) = fetch_page(db, select, paging).await?;
    Ok((to_requests(db, rows).await?, total))
}

/// The group's moderators (one query).
pub async fn moderators(db: &impl ConnectionTrait, group_id: Uuid) -> StoreResult<Vec<Uuid>> {
    Ok(group_member::Entity::find()
        .filter(group_member::Column::GroupId.eq(group_id))
        .filter(group_member::Column::Role.eq(GroupRole::Moderator.as_str()))
        .all(db)
        .await?
        .into_iter()
        .map(|m| m.user_id)
        .collect())
}
