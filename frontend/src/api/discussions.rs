//! Discussions: forum threads of the general forum and of the thematic groups, their posts,
//! accepted answers and followers.

use pioneer_domain::Page;
use pioneer_domain::discussions::{
    AcceptAnswer, Discussion, EditedPost, NewDiscussion, NewPost, Post,
};
use pioneer_domain::page::MAX_PER_PAGE;
use serde::de::DeserializeOwned;
use uuid::Uuid;

use super::{Api, ApiError, JSON, Method, read_json, to_json, with_query};

/// Threads shown per page.
pub const PER_PAGE: u64 = 20;

/// Which threads a list shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Forum {
    /// The general forum, every member's.
    General,
    /// One thematic group's.
    Group(Uuid),
}

pub fn list_path(forum: Forum, page: u64) -> String {
    let base = format!("/discussions?per_page={PER_PAGE}");
    match forum {
        Forum::General => with_query(&base, &[("forum", "general"), ("page", &page.to_string())]),
        Forum::Group(id) => with_query(
            &base,
            &[("group_id", &id.to_string()), ("page", &page.to_string())],
        ),
    }
}

/// A read past the browser's HTTP cache: what these answers say depends on their reader
/// (`subscribed`, `may_accept`) and changes with every post.
async fn fresh<T: DeserializeOwned>(api: Api, path: &str) -> Result<T, ApiError> {
    read_json(
        api.send_with(Method::GET, path, None, None, (JSON, true))
            .await?,
    )
    .await
}

/// The threads of `forum`, the most recently active first.
pub async fn list(api: Api, forum: Forum, page: u64) -> Result<Page<Discussion>, ApiError> {
    fresh(api, &list_path(forum, page)).await
}

pub async fn create(api: Api, discussion: &NewDiscussion) -> Result<Discussion, ApiError> {
    api.post("/discussions", discussion).await
}

pub async fn get(api: Api, id: Uuid) -> Result<Discussion, ApiError> {
    fresh(api, &format!("/discussions/{id}")).await
}

/// Every post of a thread, oldest first (page after page of the largest size).
pub async fn posts(api: Api, id: Uuid) -> Result<Vec<Post>, ApiError> {
    let mut items = Vec::new();
    let mut page = 1;
    loop {
        let path = format!("/discussions/{id}/posts?per_page={MAX_PER_PAGE}&page={page}");
        let answer: Page<Post> = fresh(api, &path).await?;
        let done = answer.items.is_empty();
        items.extend(answer.items);
        if done || items.len() as u64 >= answer.total {
            return Ok(items);
        }
        page += 1;
    }
}

pub async fn reply(api: Api, id: Uuid, post: &NewPost) -> Result<Post, ApiError> {
    api.post(&format!("/discussions/{id}/posts"), post).await
}

/// Its author's new text of a post.
pub async fn edit(api: Api, id: Uuid, post_id: Uuid, body: &str) -> Result<Post, ApiError> {
    let edited = EditedPost {
        body: body.to_owned(),
    };
    let path = format!("/discussions/{id}/posts/{post_id}");
    read_json(
        api.send(Method::PUT, &path, Some(to_json(&edited)?))
            .await?,
    )
    .await
}

/// The asker accepts `post_id` as the answer.
pub async fn accept(api: Api, id: Uuid, post_id: Uuid) -> Result<Discussion, ApiError> {
    api.post(
        &format!("/discussions/{id}/accept"),
        &AcceptAnswer { post_id },
    )
    .await
}

/// Follows the thread (its new posts notify the reader), or stops following it.
pub async fn follow(api: Api, id: Uuid, on: bool) -> Result<Discussion, ApiError> {
    let method = if on { Method::POST } else { Method::DELETE };
    let path = format!("/discussions/{id}/subscribe");
    read_json(api.send(method, &path, None).await?).await
}
