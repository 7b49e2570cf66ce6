//! Discussions as members use them: starting a thread in the general forum or a group,
//! replying, editing one's post, accepting an answer, following a thread; and who hears of it.
//! Who may read a thread is the domain's one rule (`discussions::may_read`), asked on every
//! path; notifications go only to those it lets in.

use std::collections::HashSet;

use pioneer_domain::FieldError;
use pioneer_domain::discussions::{
    AcceptAnswer, Discussion, EditedPost, NewDiscussion, NewPost, Post, check_post_body,
    may_accept, may_read, mentions,
};
use pioneer_domain::knowledge::Reader;
use pioneer_domain::notifications::NotificationKind;
use pioneer_domain::page::Paging;
use uuid::Uuid;

use crate::auth::CurrentUser;
use crate::entities::discussion;
use crate::error::{ApiError, ApiResult};
use crate::markdown::Markdown;
use crate::routes::document_write::actor;
use crate::state::AppState;
use crate::store;
use crate::store::discussions::{self as threads, Forum, NewPostRow, place};
use crate::store::notifications::NewNotification;

/// The signed-in member as a reader, with their groups (one query).
pub async fn reader(state: &AppState, user: &CurrentUser) -> ApiResult<Reader> {
    Ok(store::resources::reader(&state.db, user.id, &actor(user)).await?)
}

/// Thread `id` if `reader` may read it; 404 otherwise (a reader kept out does not learn that
/// it exists).
async fn readable(state: &AppState, reader: &Reader, id: Uuid) -> ApiResult<discussion::Model> {
    threads::find(&state.db, id)
        .await?
        .filter(|row| may_read(reader, place(row)))
        .ok_or_else(|| ApiError::not_found("discussion"))
}

async fn answer(
    state: &AppState,
    reader: &Reader,
    row: discussion::Model,
) -> ApiResult<Discussion> {
    threads::to_discussions(&state.db, vec![row], reader)
        .await?
        .pop()
        .ok_or_else(|| ApiError::not_found("discussion"))
}

pub async fn list(
    state: &AppState,
    user: &CurrentUser,
    forum: Forum,
    paging: Paging,
) -> ApiResult<(Vec<Discussion>, u64)> {
    let reader = reader(state, user).await?;
    Ok(threads::page(&state.db, &reader, forum, paging).await?)
}

pub async fn discussion(state: &AppState, user: &CurrentUser, id: Uuid) -> ApiResult<Discussion> {
    let reader = reader(state, user).await?;
    let row = readable(state, &reader, id).await?;
    answer(state, &reader, row).await
}

pub async fn posts(
    state: &AppState,
    user: &CurrentUser,
    id: Uuid,
    paging: Paging,
) -> ApiResult<(Vec<Post>, u64)> {
    let reader = reader(state, user).await?;
    readable(state, &reader, id).await?;
    Ok(threads::posts(&state.db, id, paging).await?)
}

/// Starts a thread; those it mentions and may read it hear of it.
pub async fn create(
    state: &AppState,
    user: &CurrentUser,
    input: &NewDiscussion,
) -> ApiResult<Discussion> {
    let valid = input.validate().map_err(ApiError::validation)?;
    let reader = reader(state, user).await?;
    if let Some(group) = valid.group_id {
        if store::groups::find(&state.db, group, user.id)
            .await?
            .is_none()
        {
            return Err(ApiError::validation(vec![FieldError::new(
                "group_id",
                "unknown_group",
                "no thematic group has this id",
            )]));
        }
        if !may_read(
            &reader,
            pioneer_domain::discussions::Place {
                group_id: Some(group),
            },
        ) {
            return Err(ApiError::forbidden(
                "a group's discussions are started by its members",
            ));
        }
    }
    let html = Markdown::shared().to_html(&valid.body);
    let id = Uuid::now_v7();
    let write = state.write(user.id).await?;
    let opening = threads::create(&write.txn, id, &valid, user.id, html, write.now).await?;
    threads::subscribe(&write.txn, id, user.id, write.now).await?;
    let row = threads::find(&write.txn, id)
        .await?
        .ok_or_else(|| ApiError::not_found("discussion"))?;
    let heard = audience(&write.txn, &row, user.id, &valid.body, &[]).await?;
    store::notifications::insert_many(
        &write.txn,
        notices(&row, opening, user.id, heard),
        write.now,
    )
    .await?;
    write.commit().await?;
    tracing::info!(discussion_id = %id, "discussion started");
    answer(state, &reader, row).await
}

/// Replies in a thread (to it, or to one of its posts); the replier follows it from then on.
pub async fn reply(
    state: &AppState,
    user: &CurrentUser,
    id: Uuid,
    input: &NewPost,
) -> ApiResult<Post> {
    let body = check_post_body(&input.body).map_err(|e| ApiError::validation(vec![e]))?;
    let reader = reader(state, user).await?;
    let row = readable(state, &reader, id).await?;
    if let Some(parent) = input.parent_id
        && threads::find_post(&state.db, id, parent).await?.is_none()
    {
        return Err(ApiError::validation(vec![FieldError::new(
            "parent_id",
            "unknown_post",
            "the post replied to is not part of this discussion",
        )]));
    }
    let html = Markdown::shared().to_html(&body);
    let write = state.write(user.id).await?;
    let post = NewPostRow {
        discussion_id: id,
        parent_id: input.parent_id,
        author_id: user.id,
        body: &body,
        body_html: html,
    };
    let post = threads::add_post(&write.txn, post, write.now).await?;
    let followers = threads::subscribers(&write.txn, id).await?;
    threads::subscribe(&write.txn, id, user.id, write.now).await?;
    let heard = audience(&write.txn, &row, user.id, &body, &followers).await?;
    store::notifications::insert_many(
        &write.txn,
        notices(&row, post.id, user.id, heard),
        write.now,
    )
    .await?;
    write.commit().await?;
    Ok(post)
}

/// Who hears of a new post: those it mentions, and the thread's followers, if they may read
/// the thread; never its author. A mention wins over a reply.
async fn audience(
    db: &impl sea_orm::ConnectionTrait,
    row: &discussion::Model,
    author: Uuid,
    body: &str,
    followers: &[Uuid],
) -> ApiResult<Vec<(Uuid, NotificationKind)>> {
    let emails: Vec<String> = mentions(body).into_iter().collect();
    let mentioned = if emails.is_empty() {
        Vec::new()
    } else {
        threads::readers_by_email(db, &emails, row.group_id).await?
    };
    let following = if followers.is_empty() {
        Vec::new()
    } else {
        threads::readers_by_id(db, followers, row.group_id).await?
    };
    let mut seen = HashSet::from([author]);
    let mut heard = Vec::new();
    for (readers, kind) in [
        (mentioned, NotificationKind::Mention),
        (following, NotificationKind::Reply),
    ] {
        for reader in readers {
            if may_read(&reader, place(row)) && seen.insert(reader.user_id) {
                heard.push((reader.user_id, kind));
            }
        }
    }
    Ok(heard)
}

fn post_link(discussion_id: Uuid, post_id: Uuid) -> String {
    format!("/discussions/{discussion_id}#post-{post_id}")
}

fn notices(
    row: &discussion::Model,
    post_id: Uuid,
    actor_id: Uuid,
    heard: Vec<(Uuid, NotificationKind)>,
) -> Vec<NewNotification> {
    heard
        .into_iter()
        .map(|(user_id, kind)| NewNotification {
            user_id,
            kind,
            actor_id: Some(actor_id),
            subject: row.title.clone(),
            detail: None,
            link: post_link(row.id, post_id),
            group_id: row.group_id,
        })
        .collect()
}

/// The author changes their post's text.
pub async fn edit(
    state: &AppState,
    user: &CurrentUser,
    id: Uuid,
    post_id: Uuid,
    input: &EditedPost,
) -> ApiResult<Post> {
    let body = check_post_body(&input.body).map_err(|e| ApiError::validation(vec![e]))?;
    let reader = reader(state, user).await?;
    readable(state, &reader, id).await?;
    let post = threads::find_post(&state.db, id, post_id)
        .await?
        .ok_or_else(|| ApiError::not_found("post"))?;
    if post.author_id != user.id {
        return Err(ApiError::forbidden("a post is edited by its author only"));
    }
    let html = Markdown::shared().to_html(&body);
    let write = state.write(user.id).await?;
    let edited = threads::edit_post(&write.txn, post, &body, html, write.now).await?;
    write.commit().await?;
    Ok(edited)
}

/// The asker (or a moderator) marks a reply as the answer; its author hears of it.
pub async fn accept(
    state: &AppState,
    user: &CurrentUser,
    id: Uuid,
    input: &AcceptAnswer,
) -> ApiResult<Discussion> {
    let reader = reader(state, user).await?;
    let row = readable(state, &reader, id).await?;
    if !may_accept(&reader, row.author_id, place(&row)) {
        return Err(ApiError::forbidden(
            "the answer is accepted by the one who asked, or a moderator",
        ));
    }
    let unknown = |message: &str| {
        ApiError::validation(vec![FieldError::new("post_id", "unknown_post", message)])
    };
    let post = threads::find_post(&state.db, id, input.post_id)
        .await?
        .ok_or_else(|| unknown("the post is not part of this discussion"))?;
    if threads::opening_post_id(&state.db, id).await? == Some(post.id) {
        return Err(unknown("the question cannot answer itself: accept a reply"));
    }
    if row.accepted_post_id == Some(post.id) {
        return answer(state, &reader, row).await;
    }
    let write = state.write(user.id).await?;
    threads::accept(&write.txn, id, post.id).await?;
    if post.author_id != user.id {
        let author = threads::readers_by_id(&write.txn, &[post.author_id], row.group_id).await?;
        if author.iter().any(|r| may_read(r, place(&row))) {
            let heard = vec![(post.author_id, NotificationKind::AcceptedAnswer)];
            store::notifications::insert_many(
                &write.txn,
                notices(&row, post.id, user.id, heard),
                write.now,
            )
            .await?;
        }
    }
    let row = threads::find(&write.txn, id)
        .await?
        .ok_or_else(|| ApiError::not_found("discussion"))?;
    write.commit().await?;
    answer(state, &reader, row).await
}

/// Follows (`true`) or stops following the thread.
pub async fn follow(
    state: &AppState,
    user: &CurrentUser,
    id: Uuid,
    on: bool,
) -> ApiResult<Discussion> {
    let reader = reader(state, user).await?;
    readable(state, &reader, id).await?;
    let write = state.write(user.id).await?;
    if on {
        threads::subscribe(&write.txn, id, user.id, write.now).await?;
    } else {
        threads::unsubscribe(&write.txn, id, user.id).await?;
    }
    let row = threads::find(&write.txn, id)
        .await?
        .ok_or_else(|| ApiError::not_found("discussion"))?;
    write.commit().await?;
    answer(state, &reader, row).await
}
