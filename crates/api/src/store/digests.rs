//! The daily digest's reads and writes: members' settings, and the unread notifications of
//! those whose digest is due, found in a fixed number of queries however many they are.

use std::collections::{HashMap, HashSet};

use chrono::{DateTime, Utc};
use pioneer_domain::Role;
use pioneer_domain::notifications::{digest_due, digest_since, digest_time};
use pioneer_domain::policy::can_manage_users;
use sea_orm::sea_query::OnConflict;
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder, Set};
use uuid::Uuid;

use super::StoreResult;
use crate::entities::{group_member, notification, notification_setting, user};

/// Whether `user_id` gets the digest (yes, until they switch it off).
pub async fn digest_on(db: &impl ConnectionTrait, user_id: Uuid) -> StoreResult<bool> {
    Ok(notification_setting::Entity::find_by_id(user_id)
        .one(db)
        .await?
        .is_none_or(|s| s.digest))
}

/// Switches `user_id`'s digest on or off.
pub async fn set_digest(
    db: &impl ConnectionTrait,
    user_id: Uuid,
    digest: bool,
    now: DateTime<Utc>,
) -> StoreResult<()> {
    notification_setting::Entity::insert(notification_setting::ActiveModel {
        user_id: Set(user_id),
        digest: Set(digest),
        digest_sent_at: Set(None),
        updated_at: Set(now),
    })
    .on_conflict(
        OnConflict::column(notification_setting::Column::UserId)
            .update_columns([
                notification_setting::Column::Digest,
                notification_setting::Column::UpdatedAt,
            ])
            .to_owned(),
    )
    .exec_without_returning(db)
    .await?;
    Ok(())
}

/// Notes that `user_id`'s digest was written at `now`.
pub async fn mark_sent(
    db: &impl ConnectionTrait,
    user_id: Uuid,
    now: DateTime<Utc>,
) -> StoreResult<()> {
    notification_setting::Entity::insert(notification_setting::ActiveModel {
        user_id: Set(user_id),
        digest: Set(true),
        digest_sent_at: Set(Some(now)),
        updated_at: Set(now),
    })
    .on_conflict(
        OnConflict::column(notification_setting::Column::UserId)
            .update_columns([
                notification_setting::Column::DigestSentAt,
                notification_setting::Column::UpdatedAt,
            ])
            .to_owned(),
    )
    .exec_without_returning(db)
    .await?;
    Ok(())
}

/// A member whose digest is due, with what it tells (newest first).
#[derive(Debug, Clone)]
pub struct DueDigest {
    pub user: user::Model,
    pub notifications: Vec<notification::Model>,
}

/// The members whose digest is due at `now` and who have unread notifications since their last
/// one that they may still see (five queries).
pub async fn due(db: &impl ConnectionTrait, now: DateTime<Utc>) -> StoreResult<Vec<DueDigest>> {
    // Before the day's hour no digest is due: the schedule's every run until then reads nothing.
    if now < digest_time(now) {
        return Ok(Vec::new());
    }
    // Anything a digest could tell lies within the last day.
    let window = digest_since(None, now);
    let unread = notification::Entity::find()
        .filter(notification::Column::ReadAt.is_null())
        .filter(notification::Column::CreatedAt.gt(window))
        .order_by_desc(notification::Column::CreatedAt)
        .all(db)
        .await?;
    let mut candidates: Vec<Uuid> = unread.iter().map(|n| n.user_id).collect();
    candidates.sort_unstable();
    candidates.dedup();
    if candidates.is_empty() {
        return Ok(Vec::new());
    }
    let settings: HashMap<Uuid, notification_setting::Model> = notification_setting::Entity::find()
        .filter(notification_setting::Column::UserId.is_in(candidates.clone()))
        .all(db)
        .await?
        .into_iter()
        .map(|s| (s.user_id, s))
        .collect();
    let users: HashMap<Uuid, user::Model> = user::Entity::find()
        .filter(user::Column::Id.is_in(candidates.clone()))
        .filter(user::Column::Active.eq(true))
        .all(db)
        .await?
        .into_iter()
        .map(|u| (u.id, u))
        .collect();
    let memberships: HashSet<(Uuid, Uuid)> = group_member::Entity::find()
        .filter(group_member::Column::UserId.is_in(candidates))
        .all(db)
        .await?
        .into_iter()
        .map(|m| (m.user_id, m.group_id))
        .collect();
    let mut by_user: HashMap<Uuid, Vec<notification::Model>> = HashMap::new();
    for row in unread {
        by_user.entry(row.user_id).or_default().push(row);
    }
    let mut due = Vec::new();
    for (user_id, rows) in by_user {
        let Some(user) = users.get(&user_id) else {
            continue;
        };
        let setting = settings.get(&user_id);
        let last_sent = setting.and_then(|s| s.digest_sent_at);
        if setting.is_some_and(|s| !s.digest) || !digest_due(last_sent, now) {
            continue;
        }
        let since = digest_since(last_sent, now);
        let runs = user.role.parse::<Role>().is_ok_and(can_manage_users);
        let notifications: Vec<notification::Model> = rows
            .into_iter()
            .filter(|n| n.created_at > since)
            .filter(|n| {
                runs || n
                    .group_id
                    .is_none_or(|g| memberships.contains(&(user_id, g)))
            })
            .collect();
        if !notifications.is_empty() {
            due.push(DueDigest {
                user: user.clone(),
                notifications,
            });
        }
    }
    due.sort_by_key(|d| d.user.id);
    Ok(due)
}
