//! Discussion threads, their posts and who follows them. A page of threads or of posts is a
//! fixed number of queries whatever its length: the rows, then their authors' names, their
//! groups' names and the reader's subscriptions, each in one query.

use std::collections::{HashMap, HashSet};

use chrono::{DateTime, Utc};
use pioneer_domain::Role;
use pioneer_domain::discussions::{
    Discussion, Place, Post, PostAuthor, ValidDiscussion, may_accept,
};
use pioneer_domain::knowledge::Reader;
use pioneer_domain::page::Paging;
use pioneer_domain::policy::can_manage_users;
use sea_orm::sea_query::{Expr, ExprTrait, OnConflict};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, Condition, ConnectionTrait, DatabaseConnection, EntityTrait,
    QueryFilter, QueryOrder, Set,
};
use uuid::Uuid;

use super::{StoreError, StoreResult, fetch_page, names};
use crate::entities::{discussion, discussion_post, discussion_subscription, group_member, user};

/// A post to write, its Markdown checked and its HTML made.
pub struct NewPostRow<'a> {
    pub discussion_id: Uuid,
    pub parent_id: Option<Uuid>,
    pub author_id: Uuid,
    pub body: &'a str,
    pub body_html: String,
}

/// Writes a thread with its opening post; its author follows it. Answers the opening post's id.
pub async fn create(
    db: &impl ConnectionTrait,
    id: Uuid,
    valid: &ValidDiscussion,
    author_id: Uuid,
    body_html: String,
    now: DateTime<Utc>,
) -> StoreResult<Uuid> {
    discussion::ActiveModel {
        id: Set(id),
        title: Set(valid.title.clone()),
        group_id: Set(valid.group_id),
        author_id: Set(author_id),
        posts_count: Set(0),
        accepted_post_id: Set(None),
        created_at: Set(now),
        last_post_at: Set(now),
    }
    .insert(db)
    .await?;
    let post = add_post(
        db,
        NewPostRow {
            discussion_id: id,
            parent_id: None,
            author_id,
            body: &valid.body,
            body_html,
        },
        now,
    )
    .await?;
    Ok(post.id)
}

pub async fn find(db: &impl ConnectionTrait, id: Uuid) -> StoreResult<Option<discussion::Model>> {
    Ok(discussion::Entity::find_by_id(id).one(db).await?)
}

/// Where the thread lives (which decides who reads it).
pub fn place(row: &discussion::Model) -> Place {
    Place {
        group_id: row.group_id,
    }
}

/// The threads `reader` may read, as a condition: the general forum's, and those of their
/// groups (every group's, for the secretariat). The same rule as `discussions::may_read`.
fn readable_by(reader: &Reader) -> Condition {
    if can_manage_users(reader.role) {
        return Condition::all();
    }
    Condition::any()
        .add(discussion::Column::GroupId.is_null())
        .add(discussion::Column::GroupId.is_in(reader.groups.keys().copied()))
}

/// Which threads to list.
#[derive(Debug, Clone, Copy, Default)]
pub enum Forum {
    /// Every thread the reader may read.
    #[default]
    All,
    /// The general forum's.
    General,
    /// One group's.
    Group(Uuid),
}

/// A page of the threads `reader` may read, the most recently active first.
pub async fn page(
    db: &DatabaseConnection,
    reader: &Reader,
    forum: Forum,
    paging: Paging,
) -> StoreResult<(Vec<Discussion>, u64)> {
    let mut select = discussion::Entity::find().filter(readable_by(reader));
    select = match forum {
        Forum::All => select,
        Forum::General => select.filter(discussion::Column::GroupId.is_null()),
        Forum::Group(id) => select.filter(discussion::Column::GroupId.eq(id)),
    };
    let select = select
        .order_by_desc(discussion::Column::LastPostAt)
        .order_by_desc(discussion::Column::Id);
    let (rows, total) = fetch_page(db, select, paging).await?;
    Ok((to_discussions(db, rows, reader).await?, total))
}

/// The threads as `reader` sees them (three queries for any number).
pub async fn to_discussions(
    db: &impl ConnectionTrait,
    rows: Vec<discussion::Model>,
    reader: &Reader,
) -> StoreResult<Vec<Discussion>> {
    let authors = names::names(db, rows.iter().map(|d| d.author_id)).await?;
    let group_ids: HashSet<Uuid> = rows.iter().filter_map(|d| d.group_id).collect();
    let groups = super::groups::names(db, group_ids).await?;
    let followed: HashSet<Uuid> = discussion_subscription::Entity::find()
        .filter(discussion_subscription::Column::UserId.eq(reader.user_id))
        .filter(discussion_subscription::Column::DiscussionId.is_in(rows.iter().map(|d| d.id)))
        .all(db)
        .await?
        .into_iter()
        .map(|s| s.discussion_id)
        .collect();
    Ok(rows
        .into_iter()
        .map(|d| Discussion {
            may_accept: may_accept(reader, d.author_id, place(&d)),
            subscribed: followed.contains(&d.id),
            author: PostAuthor {
                id: d.author_id,
                name: authors.get(&d.author_id).cloned().unwrap_or_default(),
            },
            group_name: d.group_id.and_then(|g| groups.get(&g).cloned()),
            id: d.id,
            title: d.title,
            group_id: d.group_id,
            created_at: d.created_at,
            last_post_at: d.last_post_at,
            posts_count: u32::try_from(d.posts_count).unwrap_or(0),
            accepted_post_id: d.accepted_post_id,
        })
        .collect())
}

fn to_post(row: discussion_post::Model, names: &HashMap<Uuid, String>) -> Post {
    Post {
        author: PostAuthor {
            id: row.author_id,
            name: names.get(&row.author_id).cloned().unwrap_or_default(),
        },
        id: row.id,
        discussion_id: row.discussion_id,
        parent_id: row.parent_id,
        body_markdown: row.body,
        body_html: row.body_html,
        created_at: row.created_at,
        edited_at: row.edited_at,
    }
}

/// A page of the thread's posts, oldest first (the opening post first).
pub async fn posts(
    db: &DatabaseConnection,
    discussion_id: Uuid,
    paging: Paging,
) -> StoreResult<(Vec<Post>, u64)> {
    let select = discussion_post::Entity::find()
        .filter(discussion_post::Column::DiscussionId.eq(discussion_id))
        .order_by_asc(discussion_post::Column::CreatedAt)
        .order_by_asc(discussion_post::Column::Id);
    let (rows, total) = fetch_page(db, select, paging).await?;
    let names = names::names(db, rows.iter().map(|p| p.author_id)).await?;
    Ok((
        rows.into_iter().map(|p| to_post(p, &names)).collect(),
        total,
    ))
}

/// Post `id` of thread `discussion_id`.
pub async fn find_post(
    db: &impl ConnectionTrait,
    discussion_id: Uuid,
    id: Uuid,
) -> StoreResult<Option<discussion_post::Model>> {
    Ok(discussion_post::Entity::find_by_id(id)
        .filter(discussion_post::Column::DiscussionId.eq(discussion_id))
        .one(db)
        .await?)
}

/// The opening post of the thread (the one with the earliest time).
pub async fn opening_post_id(
    db: &impl ConnectionTrait,
    discussion_id: Uuid,
) -> StoreResult<Option<Uuid>> {
    Ok(discussion_post::Entity::find()
        .filter(discussion_post::Column::DiscussionId.eq(discussion_id))
        .filter(discussion_post::Column::ParentId.is_null())
        .order_by_asc(discussion_post::Column::CreatedAt)
        .order_by_asc(discussion_post::Column::Id)
        .one(db)
        .await?
        .map(|p| p.id))
}

/// Writes a post and counts it on its thread (one update, so that concurrent posts all count).
pub async fn add_post(
    db: &impl ConnectionTrait,
    post: NewPostRow<'_>,
    now: DateTime<Utc>,
) -> StoreResult<Post> {
    let row = discussion_post::ActiveModel {
        id: Set(Uuid::now_v7()),
        discussion_id: Set(post.discussion_id),
        parent_id: Set(post.parent_id),
        author_id: Set(post.author_id),
        body: Set(post.body.to_owned()),
        body_html: Set(post.body_html),
        created_at: Set(now),
        edited_at: Set(None),
    }
    .insert(db)
    .await?;
    discussion::Entity::update_many()
        .col_expr(
            discussion::Column::PostsCount,
            Expr::col(discussion::Column::PostsCount).add(1),
        )
        .col_expr(discussion::Column::LastPostAt, Expr::value(now))
        .filter(discussion::Column::Id.eq(post.discussion_id))
        .exec(db)
        .await?;
    let names = names::names(db, [row.author_id]).await?;
    Ok(to_post(row, &names))
}

/// Replaces a post's text.
pub async fn edit_post(
    db: &impl ConnectionTrait,
    row: discussion_post::Model,
    body: &str,
    body_html: String,
    now: DateTime<Utc>,
) -> StoreResult<Post> {
    let mut model: discussion_post::ActiveModel = row.into();
    model.body = Set(body.to_owned());
    model.body_html = Set(body_html);
    model.edited_at = Set(Some(now));
    let row = model.update(db).await?;
    let names = names::names(db, [row.author_id]).await?;
    Ok(to_post(row, &names))
}

pub async fn accept(
    db: &impl ConnectionTrait,
    discussion_id: Uuid,
    post_id: Uuid,
) -> StoreResult<()> {
    discussion::Entity::update_many()
        .col_expr(discussion::Column::AcceptedPostId, Expr::value(post_id))
        .filter(discussion::Column::Id.eq(discussion_id))
        .exec(db)
        .await?;
    Ok(())
}

/// `user_id` follows the thread (again: nothing changes).
pub async fn subscribe(
    db: &impl ConnectionTrait,
    discussion_id: Uuid,
    user_id: Uuid,
    now: DateTime<Utc>,
) -> StoreResult<()> {
    let model = discussion_subscription::ActiveModel {
        discussion_id: Set(discussion_id),
        user_id: Set(user_id),
        created_at: Set(now),
    };
    discussion_subscription::Entity::insert(model)
        .on_conflict(
            OnConflict::columns([
                discussion_subscription::Column::DiscussionId,
                discussion_subscription::Column::UserId,
            ])
            .do_nothing()
            .to_owned(),
        )
        .exec_without_returning(db)
        .await?;
    Ok(())
}

pub async fn unsubscribe(
    db: &impl ConnectionTrait,
    discussion_id: Uuid,
    user_id: Uuid,
) -> StoreResult<()> {
    discussion_subscription::Entity::delete_by_id((discussion_id, user_id))
        .exec(db)
        .await?;
    Ok(())
}

/// Who follows the thread.
pub async fn subscribers(db: &impl ConnectionTrait, discussion_id: Uuid) -> StoreResult<Vec<Uuid>> {
    Ok(discussion_subscription::Entity::find()
        .filter(discussion_subscription::Column::DiscussionId.eq(discussion_id))
        .all(db)
        .await?
        .into_iter()
        .map(|s| s.user_id)
        .collect())
}

/// The active members with these addresses (lower-cased), as readers: with their role and
/// their places in `group` (two queries).
pub async fn readers_by_email(
    db: &impl ConnectionTrait,
    emails: &[String],
    group: Option<Uuid>,
) -> StoreResult<Vec<Reader>> {
    let users = user::Entity::find()
        .filter(user::Column::Email.is_in(emails.iter().cloned()))
        .filter(user::Column::Active.eq(true))
        .all(db)
        .await?;
    readers_of(db, users, group).await
}

/// The active members among `ids`, as readers with their places in `group` (two queries).
pub async fn readers_by_id(
    db: &impl ConnectionTrait,
    ids: &[Uuid],
    group: Option<Uuid>,
) -> StoreResult<Vec<Reader>> {
    let users = user::Entity::find()
        .filter(user::Column::Id.is_in(ids.iter().copied()))
        .filter(user::Column::Active.eq(true))
        .all(db)
        .await?;
    readers_of(db, users, group).await
}

async fn readers_of(
    db: &impl ConnectionTrait,
    users: Vec<user::Model>,
    group: Option<Uuid>,
) -> StoreResult<Vec<Reader>> {
    let places: HashMap<Uuid, String> = match group {
        Some(group) if !users.is_empty() => group_member::Entity::find()
            .filter(group_member::Column::GroupId.eq(group))
            .filter(group_member::Column::UserId.is_in(users.iter().map(|u| u.id)))
            .all(db)
            .await?
            .into_iter()
            .map(|m| (m.user_id, m.role))
            .collect(),
        _ => HashMap::new(),
    };
    users
        .into_iter()
        .map(|u| {
            let role = u
                .role
                .parse::<Role>()
                .map_err(|e| StoreError::corrupt("user role", e))?;
            let mut groups = std::collections::BTreeMap::new();
            if let (Some(group), Some(raw)) = (group, places.get(&u.id)) {
                let place = pioneer_domain::groups::GroupRole::parse(raw)
                    .ok_or_else(|| StoreError::corrupt("group role", raw))?;
                groups.insert(group, place);
            }
            Ok(Reader {
                user_id: u.id,
                role,
                groups,
            })
        })
        .collect()
}
