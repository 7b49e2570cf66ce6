//! Thematic groups and their members. A list is three queries whatever its length: the
//! groups, their members counted per role, and the reader's own places.

use std::collections::HashMap;

use chrono::{DateTime, Utc};
use pioneer_domain::groups::{Group, GroupMember, GroupRole, ValidGroup};
use sea_orm::sea_query::OnConflict;
use sea_orm::{
    ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait, FromQueryResult, QueryFilter,
    QueryOrder, QuerySelect, Set,
};
use uuid::Uuid;

use super::{Paging, StoreError, StoreResult, fetch_page, is_unique_violation};
use crate::entities::{group, group_member, user};

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

async fn with_counts(
    db: &impl ConnectionTrait,
    rows: Vec<group::Model>,
    reader: Uuid,
) -> StoreResult<Vec<Group>> {
    let ids: Vec<Uuid> = rows.iter().map(|g| g.id).collect();
    let (counts, mine) = counts_and_roles(db, &ids, reader).await?;
    Ok(rows
        .into_iter()
        .map(|g| {
            let (members_count, moderators_count) = counts.get(&g.id).copied().unwrap_or_default();
            Group {
                my_role: mine.get(&g.id).copied(),
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
