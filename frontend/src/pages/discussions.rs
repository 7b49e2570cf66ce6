//! Discussions: `/discussions` (the general forum: its threads and the form that starts one),
//! `/discussions/<id>` (a thread: the opening post, the replies with one level of threading,
//! replying, editing one's own post, accepting an answer, following), and the list and form
//! that a thematic group's page shows for its own threads.

use std::collections::HashMap;

use leptos::ev::SubmitEvent;
use leptos::prelude::*;
use leptos::task::spawn_local;
use pioneer_domain::FieldError;
use pioneer_domain::discussions::{
    Discussion, MAX_TITLE_CHARS, NewDiscussion, NewPost, Post, check_post_body,
};
use uuid::Uuid;

use crate::api::discussions::Forum;
use crate::api::{self, ApiError, use_api};
use crate::i18n::{I18n, Key, use_i18n};
use crate::loader::Loader;
use crate::pages::form::{Errors, Pager, described_by, field_message, is_invalid};
use crate::pages::{ErrorAlert, dynamic, error_text, focus_id};
use crate::router::{Route, discussion_href, discussion_id_in, group_href, use_router};

/// A thread's posts as the page shows them: the opening post, then each reply to the thread
/// (or to the opening post) followed by the replies to it, however deep, one level in.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Arranged {
    pub opening: Option<Post>,
    pub replies: Vec<(Post, Vec<Post>)>,
}

/// Arranges `posts` (oldest first, the opening post first). The accepted answer, when it is a
/// reply to the thread, comes first among the replies, with its own replies.
pub fn arrange(posts: Vec<Post>, accepted: Option<Uuid>) -> Arranged {
    let mut posts = posts.into_iter();
    let Some(opening) = posts.next() else {
        return Arranged::default();
    };
    let rest: Vec<Post> = posts.collect();
    let parent_of: HashMap<Uuid, Option<Uuid>> =
        rest.iter().map(|post| (post.id, post.parent_id)).collect();
    // The reply to the thread that a post answers, directly or not (itself when it is one).
    let top_of = |post: &Post| {
        let mut current = post.id;
        let mut parent = post.parent_id;
        for _ in 0..rest.len() {
            match parent.and_then(|p| parent_of.get(&p).map(|above| (p, *above))) {
                Some((p, above)) => {
                    current = p;
                    parent = above;
                }
                None => break,
            }
        }
        current
    };
    let mut replies: Vec<(Post, Vec<Post>)> = Vec::new();
    let mut at: HashMap<Uuid, usize> = HashMap::new();
    for post in rest.iter().cloned() {
        let top = top_of(&post);
        match at.get(&top) {
            Some(&index) if top != post.id => replies[index].1.push(post),
            _ => {
                at.insert(post.id, replies.len());
                replies.push((post, Vec::new()));
            }
        }
    }
    if let Some(index) = accepted.and_then(|id| at.get(&id).copied()) {
        let answer = replies.remove(index);
        replies.insert(0, answer);
    }
    Arranged {
        opening: Some(opening),
        replies,
    }
}

/// The threads of a forum, with their pager; `None`: nothing to list (yet).
#[component]
pub fn DiscussionList(
    #[prop(into)] forum: Signal<Option<Forum>>,
    /// Bumped to load the list again (a thread was started).
    #[prop(optional)]
    reload: Option<RwSignal<u32>>,
) -> impl IntoView {
    let api = use_api();
    let i18n = use_i18n();
    let page = RwSignal::new(1u64);
    let list = Loader::new(move || {
        if let Some(reload) = reload {
            reload.track();
        }
        let (forum, page) = (forum.get(), page.get());
        async move {
            match forum {
                Some(forum) => api::discussions::list(api, forum, page).await.map(Some),
                None => Ok(None),
            }
        }
    });
    let total = Signal::derive(move || {
        list.get()
            .and_then(Result::ok)
            .flatten()
            .map_or(0, |p| p.total)
    });
    let items = move || {
        match list.get() {
        None => view! { <p class="muted">{i18n.tx(Key::Loading)}</p> }.into_any(),
        Some(Err(error)) => view! { <ErrorAlert message=error_text(i18n, &error) /> }.into_any(),
        Some(Ok(None)) => ().into_any(),
        Some(Ok(Some(page))) if page.items.is_empty() => {
            view! { <p class="muted" data-testid="discussions-empty">{i18n.tx(Key::DiscussionsEmpty)}</p> }
                .into_any()
        }
        Some(Ok(Some(page))) => view! {
            <ul class="results" data-testid="discussions">
                {page.items.into_iter().map(|d| discussion_item(i18n, d)).collect_view()}
            </ul>
        }
        .into_any(),
    }
    };
    view! {
        {dynamic(items)}
        <Pager page=page total=total per_page=api::discussions::PER_PAGE />
    }
}

fn discussion_item(i18n: I18n, d: Discussion) -> impl IntoView {
    let started = i18n.fmt(
        Key::DiscussionStarted,
        &[
            ("author", &d.author.name),
            ("date", &i18n.date(&d.created_at)),
        ],
    );
    let posts = i18n.fmt(
        Key::DiscussionPosts,
        &[("count", &d.posts_count.to_string())],
    );
    let last = i18n.fmt(
        Key::DiscussionLastPost,
        &[("date", &i18n.date(&d.last_post_at))],
    );
    let answered = d.accepted_post_id.is_some().then(|| {
        view! { <span class="badge badge-ok" data-testid="answered">{i18n.tx(Key::DiscussionAnswered)}</span> }
    });
    let following = d.subscribed.then(|| {
        view! { <span class="badge badge-accent">{i18n.tx(Key::DiscussionFollowing)}</span> }
    });
    let badges = (d.accepted_post_id.is_some() || d.subscribed)
        .then(|| view! { <p class="badges">{answered}{following}</p> });
    view! {
        <li class="result" data-testid="discussion-item">
            <h3 class="result-title"><a href=discussion_href(d.id)>{d.title.clone()}</a></h3>
            <p class="result-meta">{started} " · " {posts} " · " {last}</p>
            {badges}
        </li>
    }
}

/// The form that starts a thread (in `group_id`'s group, or the general forum), then opens it.
#[component]
pub fn NewDiscussionForm(#[prop(into)] group_id: Signal<Option<Uuid>>) -> impl IntoView {
    let api = use_api();
    let i18n = use_i18n();
    let router = use_router();
    let title = RwSignal::new(String::new());
    let body = RwSignal::new(String::new());
    let errors: Errors = RwSignal::new(Vec::new());
    let failure = RwSignal::new(None::<String>);
    let pending = RwSignal::new(false);

    let submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        if pending.get_untracked() {
            return;
        }
        let discussion = NewDiscussion {
            title: title.get_untracked(),
            body: body.get_untracked(),
            group_id: group_id.get_untracked(),
        };
        if let Err(problems) = discussion.validate() {
            let first = problems.first().map(|e| e.field.clone());
            errors.set(problems);
            match first.as_deref() {
                Some("title") => focus_id("discussion-title"),
                _ => focus_id("discussion-body"),
            }
            return;
        }
        errors.set(Vec::new());
        failure.set(None);
        pending.set(true);
        spawn_local(async move {
            match api::discussions::create(api, &discussion).await {
                Ok(created) => router.navigate(&discussion_href(created.id), false),
                Err(error) if !error.field_errors().is_empty() => {
                    let _ = errors.try_set(error.field_errors());
                }
                Err(error) => {
                    let _ = failure.try_set(Some(error_text(i18n, &error)));
                }
            }
            let _ = pending.try_set(false);
        });
    };

    view! {
        <form class="panel" on:submit=submit novalidate data-testid="new-discussion">
            <h2>{i18n.tx(Key::NewDiscussionTitle)}</h2>
            {dynamic(move || failure.get().map(|m| view! { <ErrorAlert message=m /> }))}
            <div class="field">
                <label for="discussion-title">{i18n.tx(Key::DiscussionTitleLabel)}</label>
                <input
                    id="discussion-title"
                    type="text"
                    maxlength=MAX_TITLE_CHARS.to_string()
                    required
                    bind:value=title
                    aria-invalid=is_invalid(errors, "title")
                    aria-describedby=described_by(errors, "title", "discussion-title-error")
                />
                {field_message(i18n, errors, "title", "discussion-title-error")}
            </div>
            <div class="field">
                <label for="discussion-body">{i18n.tx(Key::DiscussionBodyLabel)}</label>
                <textarea
                    id="discussion-body"
                    rows="6"
                    required
                    bind:value=body
                    aria-invalid=is_invalid(errors, "body")
                    aria-describedby=move || {
                        if errors.with(|e| e.iter().any(|e| e.field == "body")) {
                            "discussion-body-hint discussion-body-error"
                        } else {
                            "discussion-body-hint"
                        }
                    }
                ></textarea>
                <p class="hint" id="discussion-body-hint">{i18n.tx(Key::MarkdownHint)}</p>
                {field_message(i18n, errors, "body", "discussion-body-error")}
            </div>
            <div class="form-actions">
                <button type="submit" class="button button-primary" disabled=pending>
                    {i18n.tx(Key::StartDiscussion)}
                </button>
            </div>
        </form>
    }
}

/// `/discussions`: the general forum.
#[component]
pub fn DiscussionsPage() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <section class="page" data-testid="discussions-page">
            <h1>{i18n.tx(Key::DiscussionsTitle)}</h1>
            <p class="lead">{i18n.tx(Key::DiscussionsIntro)}</p>
            <h2>{i18n.tx(Key::GeneralForum)}</h2>
            <DiscussionList forum=Signal::derive(|| Some(Forum::General)) />
            <NewDiscussionForm group_id=Signal::derive(|| None) />
        </section>
    }
}

/// What every post of a thread page shares: the thread, the reader, and the page's state.
#[derive(Debug, Clone, Copy)]
struct Thread {
    id: Uuid,
    /// Who asked: their own replies are not offered as the answer.
    asker: Uuid,
    accepted: Option<Uuid>,
    may_accept: bool,
    me: Option<Uuid>,
    /// The post whose reply form is open.
    replying_to: RwSignal<Option<Uuid>>,
    /// The post being edited.
    editing: RwSignal<Option<Uuid>>,
    reload: RwSignal<u32>,
    notice: RwSignal<Option<Key>>,
    failure: RwSignal<Option<String>>,
    working: RwSignal<bool>,
}

impl Thread {
    /// Done: the page says so and loads the thread again.
    fn done(self, notice: Option<Key>) {
        let _ = self.replying_to.try_set(None);
        let _ = self.editing.try_set(None);
        let _ = self.notice.try_set(notice);
        let _ = self.reload.try_update(|n| *n += 1);
    }
}

/// Shows the post the address names (`#post-<id>`, the link of a notification) once the
/// thread is on the page.
fn show_post_of_address() {
    let Some(window) = web_sys::window() else {
        return;
    };
    let hash = window.location().hash().unwrap_or_default();
    if let Some(id) = hash.strip_prefix('#').filter(|id| id.starts_with("post-"))
        && let Some(element) = window.document().and_then(|d| d.get_element_by_id(id))
    {
        element.scroll_into_view();
    }
}

/// `/discussions/<id>`: one thread.
#[component]
pub fn DiscussionPage() -> impl IntoView {
    let api = use_api();
    let i18n = use_i18n();
    let path = use_router().path();
    // Kept while the page leaves, so that nothing loads for a path that is not a thread's.
    let id = Memo::new(move |previous: Option<&Option<Uuid>>| {
        path.with(|p| {
            if Route::of(p) == Route::Discussion {
                discussion_id_in(p)
            } else {
                previous.copied().flatten()
            }
        })
    });
    let reload = RwSignal::new(0u32);
    let discussion = Loader::new(move || {
        reload.track();
        let id = id.get();
        async move {
            match id {
                Some(id) => api::discussions::get(api, id).await.map(Some),
                None => Ok(None),
            }
        }
    });
    let posts = Loader::new(move || {
        reload.track();
        let id = id.get();
        async move {
            match id {
                Some(id) => api::discussions::posts(api, id).await,
                None => Ok(Vec::new()),
            }
        }
    });
    let replying_to = RwSignal::new(None::<Uuid>);
    let editing = RwSignal::new(None::<Uuid>);
    let notice = RwSignal::new(None::<Key>);
    let failure = RwSignal::new(None::<String>);
    let working = RwSignal::new(false);
    // The address's post is shown once, when the thread first arrives.
    let shown_fragment = StoredValue::new(false);
    Effect::new(move |_| {
        if posts.get().is_some_and(|p| p.is_ok()) && !shown_fragment.get_value() {
            shown_fragment.set_value(true);
            request_animation_frame(show_post_of_address);
        }
    });

    let body = move || {
        let (discussion, posts) = match (discussion.get(), posts.get()) {
            (None, _) | (_, None) => {
                return view! { <p class="muted">{i18n.tx(Key::Loading)}</p> }.into_any();
            }
            (
                Some(Err(ApiError::Status {
                    status: 403 | 404, ..
                })),
                _,
            )
            | (Some(Ok(None)), _) => {
                return view! {
                    <h1>{i18n.tx(Key::NotFoundTitle)}</h1>
                    <p>{i18n.tx(Key::NotFoundBody)}</p>
                }
                .into_any();
            }
            (Some(Err(error)), _) | (_, Some(Err(error))) => {
                return view! { <ErrorAlert message=error_text(i18n, &error) /> }.into_any();
            }
            (Some(Ok(Some(discussion))), Some(Ok(posts))) => (discussion, posts),
        };
        let thread = Thread {
            id: discussion.id,
            asker: discussion.author.id,
            accepted: discussion.accepted_post_id,
            may_accept: discussion.may_accept,
            me: api.user().with_untracked(|u| u.as_ref().map(|u| u.id)),
            replying_to,
            editing,
            reload,
            notice,
            failure,
            working,
        };
        view! { <ThreadView discussion=discussion posts=posts thread=thread /> }.into_any()
    };

    let back = move || {
        let group = discussion
            .get()
            .and_then(Result::ok)
            .flatten()
            .and_then(|d| d.group_id);
        match group {
            Some(group) => {
                view! { <a href=group_href(group)>{i18n.tx(Key::BackToGroup)}</a> }.into_any()
            }
            None => view! { <a href="/discussions">{i18n.tx(Key::AllDiscussions)}</a> }.into_any(),
        }
    };

    view! {
        <section class="page discussion" data-testid="discussion">
            <p>{dynamic(back)}</p>
            {dynamic(body)}
        </section>
    }
}

#[component]
fn ThreadView(discussion: Discussion, posts: Vec<Post>, thread: Thread) -> impl IntoView {
    let api = use_api();
    let i18n = use_i18n();
    let names: HashMap<Uuid, String> = posts
        .iter()
        .map(|p| (p.id, p.author.name.clone()))
        .collect();
    let arranged = arrange(posts, discussion.accepted_post_id);
    let replies_count: usize = arranged
        .replies
        .iter()
        .map(|(_, under)| 1 + under.len())
        .sum();
    let subscribed = discussion.subscribed;
    let toggle_follow = move |_| {
        thread.working.set(true);
        thread.failure.set(None);
        spawn_local(async move {
            match api::discussions::follow(api, thread.id, !subscribed).await {
                Ok(_) => thread.done(None),
                Err(error) => {
                    let _ = thread.failure.try_set(Some(error_text(i18n, &error)));
                }
            }
            let _ = thread.working.try_set(false);
        });
    };
    let place = discussion.group_name.clone().map(|name| {
        view! { <span>{i18n.fmt(Key::DiscussionInGroup, &[("group", &name)])}</span> " · " }
    });
    let started = i18n.fmt(
        Key::DiscussionStarted,
        &[
            ("author", &discussion.author.name),
            ("date", &i18n.date(&discussion.created_at)),
        ],
    );
    let to_answer = discussion.accepted_post_id.map(|answer| {
        view! {
            <p class="accepted-link">
                <a href=format!("#post-{answer}") data-testid="go-to-answer">{i18n.tx(Key::GoToAcceptedAnswer)}</a>
            </p>
        }
    });
    let opening = arranged.opening.map(|post| {
        view! { <PostView post=post thread=thread opening=true in_reply_to=None /> }
    });
    let replies = arranged
        .replies
        .into_iter()
        .map(|(post, under)| {
            let top = post.id;
            let nested = (!under.is_empty()).then(|| {
                view! {
                    <ul class="post-replies">
                        {under.into_iter().map(|reply| {
                            // Named only when it answers another reply than the one above.
                            let in_reply_to = reply
                                .parent_id
                                .filter(|parent| *parent != top)
                                .and_then(|parent| names.get(&parent).cloned());
                            view! { <li><PostView post=reply thread=thread opening=false in_reply_to=in_reply_to /></li> }
                        }).collect_view()}
                    </ul>
                }
            });
            view! {
                <li>
                    <PostView post=post thread=thread opening=false in_reply_to=None />
                    {nested}
                </li>
            }
        })
        .collect_view();

    view! {
        <div class="page-title">
            <h1 data-testid="discussion-title">{discussion.title.clone()}</h1>
        </div>
        <p class="muted">{place}{started}</p>
        <div class="toolbar">
            <button
                type="button"
                class="button button-quiet"
                data-testid="follow-toggle"
                aria-pressed=subscribed.to_string()
                disabled=move || thread.working.get()
                on:click=toggle_follow
            >
                {i18n.tx(if subscribed { Key::UnfollowDiscussion } else { Key::FollowDiscussion })}
            </button>
            <span class="hint">
                {i18n.tx(if subscribed { Key::FollowingHint } else { Key::NotFollowingHint })}
            </span>
        </div>
        {dynamic(move || thread.failure.get().map(|m| view! { <ErrorAlert message=m /> }))}
        {dynamic(move || thread.notice.get().map(|key| view! {
            <p class="alert alert-ok" role="status" data-testid="discussion-notice">{i18n.tx(key)}</p>
        }))}
        {opening}
        {to_answer}
        <h2>{move || i18n.fmt(Key::RepliesTitle, &[("count", &replies_count.to_string())])}</h2>
        <ul class="posts" data-testid="replies">{replies}</ul>
        <ReplyForm thread=thread parent=None />
    }
}

#[component]
fn PostView(
    post: Post,
    thread: Thread,
    /// The thread's opening post (the question).
    opening: bool,
    /// The author of the post it answers, when that is not the post above it.
    in_reply_to: Option<String>,
) -> impl IntoView {
    let api = use_api();
    let i18n = use_i18n();
    let id = post.id;
    let accepted = thread.accepted == Some(id);
    let mine = thread.me == Some(post.author.id);
    let class = match (opening, accepted) {
        (true, _) => "post post-opening",
        (false, true) => "post post-accepted",
        (false, false) => "post",
    };
    let edited = post.edited_at.map(|at| {
        view! { <span class="muted">"(" {i18n.fmt(Key::PostEdited, &[("date", &i18n.date_time(&at))])} ")"</span> }
    });
    let accepted_badge = accepted.then(|| {
        view! { <span class="badge badge-ok" data-testid="accepted-badge">"✓ " {i18n.tx(Key::AcceptedAnswer)}</span> }
    });
    let in_reply_to = in_reply_to.map(|name| {
        view! { <span class="muted">{i18n.fmt(Key::InReplyTo, &[("name", &name)])}</span> }
    });
    let author = post.author.name.clone();
    let html = post.body_html.clone();
    let markdown = post.body_markdown.clone();
    let body = move || {
        if mine && thread.editing.get() == Some(id) {
            view! { <EditForm thread=thread post_id=id markdown=markdown.clone() /> }.into_any()
        } else {
            view! { <div class="markdown post-body" inner_html=html.clone()></div> }.into_any()
        }
    };
    let accept = move |_| {
        thread.working.set(true);
        thread.failure.set(None);
        spawn_local(async move {
            match api::discussions::accept(api, thread.id, id).await {
                Ok(_) => thread.done(Some(Key::AnswerAccepted)),
                Err(error) => {
                    let _ = thread.failure.try_set(Some(error_text(i18n, &error)));
                }
            }
            let _ = thread.working.try_set(false);
        });
    };
    let can_accept = thread.may_accept && !opening && !accepted && post.author.id != thread.asker;
    let reply_label = i18n.fmt(Key::ReplyTo, &[("name", &author)]);
    let open_reply = move |_| {
        thread.editing.set(None);
        thread.replying_to.set(Some(id));
        request_animation_frame(move || focus_id(&format!("reply-{id}")));
    };
    let open_edit = move |_| {
        thread.replying_to.set(None);
        thread.editing.set(Some(id));
        request_animation_frame(move || focus_id(&format!("edit-{id}")));
    };
    view! {
        <article
            class=class
            id=format!("post-{id}")
            data-testid=if opening { "opening-post" } else { "post" }
            data-accepted=accepted.to_string()
            aria-label=move || opening.then(|| i18n.t(Key::OpeningPostLabel))
        >
            <header class="post-head">
                <strong class="post-author" data-testid="post-author">{author}</strong>
                <time datetime=post.created_at.to_rfc3339()>{i18n.date_time(&post.created_at)}</time>
                {edited}
                {in_reply_to}
                {accepted_badge}
            </header>
            {dynamic(body)}
            <div class="post-actions">
                <button
                    type="button"
                    class="button button-small button-quiet"
                    data-testid="reply-to-post"
                    aria-label=reply_label
                    aria-expanded=move || (thread.replying_to.get() == Some(id)).to_string()
                    on:click=open_reply
                >
                    {i18n.tx(Key::Reply)}
                </button>
                {mine.then(|| view! {
                    <button
                        type="button"
                        class="button button-small button-quiet"
                        data-testid="edit-post"
                        aria-expanded=move || (thread.editing.get() == Some(id)).to_string()
                        on:click=open_edit
                    >
                        {i18n.tx(Key::EditPost)}
                    </button>
                })}
                {can_accept.then(|| view! {
                    <button
                        type="button"
                        class="button button-small button-primary"
                        data-testid="accept-answer"
                        disabled=move || thread.working.get()
                        on:click=accept
                    >
                        {i18n.tx(Key::AcceptAnswer)}
                    </button>
                })}
            </div>
            {dynamic(move || (thread.replying_to.get() == Some(id)).then(|| {
                view! { <ReplyForm thread=thread parent=Some(id) /> }
            }))}
        </article>
    }
}

/// A post's Markdown checked as the server checks it; the error under the control otherwise.
fn checked_body(text: &str) -> Result<String, Vec<FieldError>> {
    check_post_body(text).map_err(|error| vec![error])
}

/// The form of a reply: to the thread (`parent` none, at the bottom of the page) or to a post
/// (inline, under it).
#[component]
fn ReplyForm(thread: Thread, parent: Option<Uuid>) -> impl IntoView {
    let api = use_api();
    let i18n = use_i18n();
    let text = RwSignal::new(String::new());
    let errors: Errors = RwSignal::new(Vec::new());
    let pending = RwSignal::new(false);
    let control = parent.map_or_else(|| "reply-thread".to_owned(), |id| format!("reply-{id}"));
    let error_id = format!("{control}-error");
    let hint_id = format!("{control}-hint");

    let submit = {
        let control = control.clone();
        move |ev: SubmitEvent| {
            ev.prevent_default();
            if pending.get_untracked() {
                return;
            }
            let body = match checked_body(&text.get_untracked()) {
                Ok(body) => body,
                Err(problems) => {
                    errors.set(problems);
                    focus_id(&control);
                    return;
                }
            };
            errors.set(Vec::new());
            thread.failure.set(None);
            pending.set(true);
            spawn_local(async move {
                let post = NewPost {
                    body,
                    parent_id: parent,
                };
                match api::discussions::reply(api, thread.id, &post).await {
                    Ok(_) => {
                        let _ = text.try_set(String::new());
                        thread.done(Some(Key::ReplyPosted));
                    }
                    Err(error) if !error.field_errors().is_empty() => {
                        let _ = errors.try_set(error.field_errors());
                    }
                    Err(error) => {
                        let _ = thread.failure.try_set(Some(error_text(i18n, &error)));
                    }
                }
                let _ = pending.try_set(false);
            });
        }
    };
    let cancel = parent.map(|_| {
        view! {
            <button type="button" class="button button-quiet" on:click=move |_| thread.replying_to.set(None)>
                {i18n.tx(Key::Cancel)}
            </button>
        }
    });
    let (class, testid) = match parent {
        Some(_) => ("reply-form reply-inline", "reply-inline"),
        None => ("panel reply-form", "reply-form"),
    };
    let described = {
        let (hint_id, error_id) = (hint_id.clone(), error_id.clone());
        move || {
            if errors.with(|e| !e.is_empty()) {
                format!("{hint_id} {error_id}")
            } else {
                hint_id.clone()
            }
        }
    };
    view! {
        <form class=class on:submit=submit novalidate data-testid=testid>
            <div class="field">
                <label for=control.clone()>{i18n.tx(Key::YourReply)}</label>
                <textarea
                    id=control.clone()
                    rows="4"
                    required
                    bind:value=text
                    aria-invalid=is_invalid(errors, "body")
                    aria-describedby=described
                ></textarea>
                <p class="hint" id=hint_id.clone()>{i18n.tx(Key::MarkdownHint)}</p>
                {field_message(i18n, errors, "body", error_id.clone())}
            </div>
            <div class="form-actions">
                <button type="submit" class="button button-primary" disabled=pending>
                    {i18n.tx(Key::SendReply)}
                </button>
                {cancel}
            </div>
        </form>
    }
}

/// Its author's form that changes a post, in its place.
#[component]
fn EditForm(thread: Thread, post_id: Uuid, markdown: String) -> impl IntoView {
    let api = use_api();
    let i18n = use_i18n();
    let text = RwSignal::new(markdown);
    let errors: Errors = RwSignal::new(Vec::new());
    let pending = RwSignal::new(false);
    let control = format!("edit-{post_id}");
    let error_id = format!("{control}-error");

    let submit = {
        let control = control.clone();
        move |ev: SubmitEvent| {
            ev.prevent_default();
            if pending.get_untracked() {
                return;
            }
            let body = match checked_body(&text.get_untracked()) {
                Ok(body) => body,
                Err(problems) => {
                    errors.set(problems);
                    focus_id(&control);
                    return;
                }
            };
            errors.set(Vec::new());
            thread.failure.set(None);
            pending.set(true);
            spawn_local(async move {
                match api::discussions::edit(api, thread.id, post_id, &body).await {
                    Ok(_) => thread.done(None),
                    Err(error) if !error.field_errors().is_empty() => {
                        let _ = errors.try_set(error.field_errors());
                    }
                    Err(error) => {
                        let _ = thread.failure.try_set(Some(error_text(i18n, &error)));
                    }
                }
                let _ = pending.try_set(false);
            });
        }
    };
    view! {
        <form class="reply-form" on:submit=submit novalidate data-testid="edit-form">
            <div class="field">
                <label for=control.clone()>{i18n.tx(Key::EditPostLabel)}</label>
                <textarea
                    id=control.clone()
                    rows="6"
                    required
                    bind:value=text
                    aria-invalid=is_invalid(errors, "body")
                    aria-describedby=described_by(errors, "body", error_id.clone())
                ></textarea>
                {field_message(i18n, errors, "body", error_id.clone())}
            </div>
            <div class="form-actions">
                <button type="submit" class="button button-primary" disabled=pending>
                    {i18n.tx(Key::SavePost)}
                </button>
                <button type="button" class="button button-quiet" on:click=move |_| thread.editing.set(None)>
                    {i18n.tx(Key::Cancel)}
                </button>
            </div>
        </form>
    }
}

/// The threads of a thematic group on its page, and, for its members, the form that starts one.
#[component]
pub fn GroupDiscussions(
    #[prop(into)] group_id: Signal<Option<Uuid>>,
    /// Whether the reader is in the group (only members start a thread there).
    #[prop(into)]
    member: Signal<bool>,
) -> impl IntoView {
    let i18n = use_i18n();
    let forum = Signal::derive(move || group_id.get().map(Forum::Group));
    view! {
        <section class="group-discussions" data-testid="group-discussions" aria-labelledby="group-discussions-title">
            <h2 id="group-discussions-title">{i18n.tx(Key::GroupDiscussions)}</h2>
            <p class="hint">{i18n.tx(Key::GroupDiscussionsIntro)}</p>
            <DiscussionList forum=forum />
            <Show when=move || member.get()>
                <NewDiscussionForm group_id=group_id />
            </Show>
        </section>
    }
}

#[cfg(test)]
mod tests {
    use chrono::{TimeZone, Utc};
    use pioneer_domain::discussions::PostAuthor;

    use super::*;

    fn post(n: u128, parent: Option<u128>) -> Post {
        Post {
            id: Uuid::from_u128(n),
            discussion_id: Uuid::from_u128(1000),
            parent_id: parent.map(Uuid::from_u128),
            body_markdown: format!("post {n}"),
            body_html: format!("<p>post {n}</p>"),
            author: PostAuthor {
                id: Uuid::from_u128(500 + n),
                name: format!("Author {n}"),
            },
            created_at: Utc.with_ymd_and_hms(2026, 1, 1, 0, 0, 0).unwrap(),
            edited_at: None,
        }
    }

    fn ids(arranged: &Arranged) -> Vec<(u128, Vec<u128>)> {
        arranged
            .replies
            .iter()
            .map(|(top, under)| {
                (
                    top.id.as_u128(),
                    under.iter().map(|p| p.id.as_u128()).collect(),
                )
            })
            .collect()
    }

    #[test]
    fn replies_are_shown_one_level_deep_under_the_reply_they_come_from() {
        // 1 opens; 2 and 3 answer the thread (3 through the opening post); 4 answers 2; 5
        // answers 4 (shown under 2 as well); 6 answers 3.
        let posts = vec![
            post(1, None),
            post(2, None),
            post(3, Some(1)),
            post(4, Some(2)),
            post(5, Some(4)),
            post(6, Some(3)),
        ];
        let arranged = arrange(posts.clone(), None);
        assert_eq!(arranged.opening.as_ref().map(|p| p.id.as_u128()), Some(1));
        assert_eq!(ids(&arranged), [(2, vec![4, 5]), (3, vec![6])]);

        let accepted = arrange(posts.clone(), Some(Uuid::from_u128(3)));
        assert_eq!(ids(&accepted), [(3, vec![6]), (2, vec![4, 5])]);
        // A nested accepted answer stays where it is (it is highlighted there).
        let nested = arrange(posts, Some(Uuid::from_u128(4)));
        assert_eq!(ids(&nested), [(2, vec![4, 5]), (3, vec![6])]);
        assert_eq!(arrange(Vec::new(), None), Arranged::default());
    }

    #[test]
    fn a_reply_to_an_unknown_post_is_a_reply_to_the_thread() {
        let arranged = arrange(vec![post(1, None), post(2, Some(99))], None);
        assert_eq!(ids(&arranged), [(2, vec![])]);
    }
}
