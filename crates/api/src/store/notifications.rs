//! Members' notifications. One pointing to a group's content is shown only while its recipient
//! is in that group (or runs the platform): a member taken out of a group stops seeing them at
//! once, with nothing to delete.

use chrono::{DateTime, Utc};
use pioneer_domain::Role;
use pioneer_domain::notifications::NotificationKind;
use pioneer_domain::page::Paging;
use pioneer_domain::policy::can_manage_users;
use sea_orm::sea_query::{Expr, ExprTrait, Query};
use sea_orm::{
    ColumnTrait, Condition, ConnectionTrait, DatabaseConnection, EntityTrait, PaginatorTrait,
    QueryFilter, QueryOrder, Set,
};
use uuid::Uuid;

use super::{StoreResult, fetch_page};
use crate::entities::{group_member, notification};

/// Longest subject kept (a title is cut there).
const MAX_SUBJECT_CHARS: usize = 200;

/// A notification to write.
#[derive(Debug, Clone)]
pub struct NewNotification {
    pub user_id: Uuid,
    pub kind: NotificationKind,
    pub actor_id: Option<Uuid>,
    /// The title of what it points to.
    pub subject: String,
    /// What the kind needs besides (a moderation decision's outcome).
    pub detail: Option<&'static str>,
    pub link: String,
    /// The group whose content it points to, if any.
    pub group_id: Option<Uuid>,
}

/// Writes them all in one statement.
pub async fn insert_many(
    db: &impl ConnectionTrait,
    notifications: Vec<NewNotification>,
    now: DateTime<Utc>,
) -> StoreResult<()> {
    if notifications.is_empty() {
        return Ok(());
    }
    let rows = notifications
        .into_iter()
        .map(|n| notification::ActiveModel {
            id: Set(Uuid::now_v7()),
            user_id: Set(n.user_id),
            kind: Set(n.kind.as_str().to_owned()),
            actor_id: Set(n.actor_id),
            subject: Set(n.subject.chars().take(MAX_SUBJECT_CHARS).collect()),
            detail: Set(n.detail.map(str::to_owned)),
            link: Set(n.link),
            group_id: Set(n.group_id),
            read_at: Set(None),
            created_at: Set(now),
        });
    notification::Entity::insert_many(rows)
        .exec_without_returning(db)
        .await?;
    Ok(())
}

/// `user_id`'s notifications that they may still see.
fn visible_to(user_id: Uuid, role: Role) -> Condition {
    let mine = Condition::all().add(notification::Column::UserId.eq(user_id));
    if can_manage_users(role) {
        return mine;
    }
    let their_groups = Query::select()
        .column(group_member::Column::GroupId)
        .from(group_member::Entity)
        .and_where(ExprTrait::eq(
            Expr::col(group_member::Column::UserId),
            user_id,
        ))
        .to_owned();
    mine.add(
        Condition::any()
            .add(notification::Column::GroupId.is_null())
            .add(notification::Column::GroupId.in_subquery(their_groups)),
    )
}

/// A page of them, newest first.
pub async fn page(
    db: &DatabaseConnection,
    user_id: Uuid,
    role: Role,
    unread_only: bool,
    paging: Paging,
) -> StoreResult<(Vec<notification::Model>, u64)> {
    let mut select = notification::Entity::find().filter(visible_to(user_id, role));
    if unread_only {
        select = select.filter(notification::Column::ReadAt.is_null());
    }
    let select = select
        .order_by_desc(notification::Column::CreatedAt)
        .order_by_desc(notification::Column::Id);
    fetch_page(db, select, paging).await
}

/// How many they have not read.
pub async fn unread_count(db: &DatabaseConnection, user_id: Uuid, role: Role) -> StoreResult<u64> {
    Ok(notification::Entity::find()
        .filter(visible_to(user_id, role))
        .filter(notification::Column::ReadAt.is_null())
        .count(db)
        .await?)
}

/// Marks one as read; `false`: they have none with this id.
pub async fn mark_read(
    db: &impl ConnectionTrait,
    user_id: Uuid,
    role: Role,
    id: Uuid,
    now: DateTime<Utc>,
) -> StoreResult<bool> {
    let found = notification::Entity::find_by_id(id)
        .filter(visible_to(user_id, role))
        .count(db)
        .await?
        > 0;
    if found {
        notification::Entity::update_many()
            .col_expr(notification::Column::ReadAt, Expr::value(now))
            .filter(notification::Column::Id.eq(id))
            .filter(notification::Column::ReadAt.is_null())
            .exec(db)
            .await?;
    }
    Ok(found)
}

/// Marks all of theirs as read; answers how many were unread.
pub async fn mark_all_read(
    db: &impl ConnectionTrait,
    user_id: Uuid,
    now: DateTime<Utc>,
) -> StoreResult<u64> {
    let done = notification::Entity::update_many()
        .col_expr(notification::Column::ReadAt, Expr::value(now))
        .filter(notification::Column::UserId.eq(user_id))
        .filter(notification::Column::ReadAt.is_null())
        .exec(db)
        .await?;
    Ok(done.rows_affected)
}
