//! Threaded comments beside each section of a document.

use leptos::ev::SubmitEvent;
use leptos::prelude::*;
use leptos::task::spawn_local;
use pioneer_domain::roadmap::{Comment, CommentTarget, NewComment, TargetKind};
use uuid::Uuid;

use crate::api::{self, Api, DocumentRef};
use crate::i18n::{Key, use_i18n};
use crate::pages::{dynamic, error_text};

/// The comments of the document shown, loaded once and grown as members write; provided as a
/// context to every [`CommentThread`] of the page.
#[derive(Debug, Clone, Copy)]
pub struct Comments {
    api: Api,
    doc: DocumentRef,
    /// Whether the member may write (tracked: it follows the document's status).
    can_comment: Signal<bool>,
    /// Whether the member moderates the document (removes others' comments); `None`: the
    /// document's kind has no editing or removal of comments.
    moderates: Option<Signal<bool>>,
    pub list: RwSignal<Vec<Comment>>,
}

impl Comments {
    pub fn provide(api: Api, doc: DocumentRef, can_comment: Signal<bool>) -> Self {
        Self::provide_with(api, doc, can_comment, None)
    }

    /// As [`Comments::provide`], for a kind whose comments their authors edit and remove, and
    /// its moderators remove (`moderates`).
    pub fn provide_editable(
        api: Api,
        doc: DocumentRef,
        can_comment: Signal<bool>,
        moderates: Signal<bool>,
    ) -> Self {
        Self::provide_with(api, doc, can_comment, Some(moderates))
    }

    fn provide_with(
        api: Api,
        doc: DocumentRef,
        can_comment: Signal<bool>,
        moderates: Option<Signal<bool>>,
    ) -> Self {
        let comments = Comments {
            api,
            doc,
            can_comment,
            moderates,
            list: RwSignal::new(Vec::new()),
        };
        comments.reload();
        provide_context(comments);
        comments
    }

    /// Puts the server's answer in place of the comment it is about.
    fn replace(self, updated: Comment) {
        self.list.update(|all| {
            if let Some(found) = all.iter_mut().find(|c| c.id == updated.id) {
                *found = updated;
            }
        });
    }

    /// Reads the comments again (a reviewer's decision adds one).
    pub fn reload(self) {
        spawn_local(async move {
            if let Ok(all) = api::documents::comments(self.api, self.doc).await {
                self.list.set(all);
            }
        });
    }
}

/// The comments on one section, their replies, and the forms to write.
#[component]
pub fn CommentThread(kind: TargetKind, id: Uuid) -> impl IntoView {
    let comments = expect_context::<Comments>();
    let can_comment = comments.can_comment;
    let i18n = use_i18n();
    let (api, doc) = (comments.api, comments.doc);
    let target = CommentTarget { kind, id };
    let on_target = Memo::new(move |_| {
        comments.list.with(|all| {
            all.iter()
                .filter(|c| c.target == target)
                .cloned()
                .collect::<Vec<_>>()
        })
    });
    let error = RwSignal::new(None::<String>);

    let post = move |body: String, parent_id: Option<Uuid>, done: RwSignal<String>| {
        if body.trim().is_empty() {
            error.set(Some(i18n.t(Key::ErrRequired).to_owned()));
            return;
        }
        error.set(None);
        spawn_local(async move {
            let new = NewComment {
                body,
                target: Some(target),
                parent_id,
            };
            match api::documents::post_comment(api, doc, &new).await {
                Ok(comment) => {
                    comments.list.update(|l| l.push(comment));
                    done.set(String::new());
                }
                Err(e) => error.set(Some(error_text(i18n, &e))),
            }
        });
    };

    let base = format!("comment-{}-{id}", kind.as_str());
    let new_body = RwSignal::new(String::new());
    let new_id = StoredValue::new(format!("{base}-new"));
    let thread = move || {
        let all = on_target.get();
        let roots: Vec<Comment> = all
            .iter()
            .filter(|c| c.parent_id.is_none())
            .cloned()
            .collect();
        roots
            .into_iter()
            .map(|root| {
                let replies: Vec<Comment> = all
                    .iter()
                    .filter(|c| c.parent_id == Some(root.id))
                    .cloned()
                    .collect();
                let reply_open = RwSignal::new(false);
                let reply_body = RwSignal::new(String::new());
                let reply_id = format!("reply-{}", root.id);
                let root_id = root.id;
                let author = root.author.name.clone();
                let send_reply = move |ev: SubmitEvent| {
                    ev.prevent_default();
                    post(reply_body.get_untracked(), Some(root_id), reply_body);
                    reply_open.set(false);
                };
                view! {
                    <li class="comment" data-testid="comment">
                        <CommentBody comment=root comments=comments />
                        <ul class="replies">
                            {replies
                                .into_iter()
                                .map(|r| view! { <li class="comment reply" data-testid="comment-reply"><CommentBody comment=r comments=comments /></li> })
                                .collect_view()}
                        </ul>
                        <Show when=move || can_comment.get()>
                            <button
                                type="button"
                                class="link-button no-print"
                                aria-expanded=move || reply_open.get().to_string()
                                aria-label=i18n.fmt(Key::ReplyTo, &[("name", &author)])
                                on:click=move |_| reply_open.update(|o| *o = !*o)
                            >
                                {i18n.tx(Key::Reply)}
                            </button>
                        </Show>
                        <Show when=move || reply_open.get()>
                            <form class="comment-form no-print" on:submit=send_reply>
                                <label for=reply_id.clone()>{i18n.tx(Key::YourReply)}</label>
                                <textarea id=reply_id.clone() rows="2" bind:value=reply_body></textarea>
                                <button type="submit" class="button button-small">{i18n.tx(Key::Send)}</button>
                            </form>
                        </Show>
                    </li>
                }
            })
            .collect_view()
    };
    let send_new = move |ev: SubmitEvent| {
        ev.prevent_default();
        post(new_body.get_untracked(), None, new_body);
    };
    let visible = move || can_comment.get() || on_target.with(|c| !c.is_empty());

    view! {
        <Show when=visible>
            <aside class="comments" data-testid=format!("comments-{}", kind.as_str()) aria-label=i18n.t(Key::Comments)>
                <h4 class="comments-title">{i18n.tx(Key::Comments)}</h4>
                <ul class="thread">{dynamic(thread)}</ul>
                {dynamic(move || error.get().map(|e| view! { <p class="field-error">{e}</p> }))}
                <Show when=move || can_comment.get()>
                    <form class="comment-form no-print" on:submit=send_new>
                        <label for=new_id.get_value()>{i18n.tx(Key::NewComment)}</label>
                        <textarea id=new_id.get_value() rows="2" bind:value=new_body></textarea>
                        <button type="submit" class="button button-small">{i18n.tx(Key::Send)}</button>
                    </form>
                </Show>
            </aside>
        </Show>
    }
}

/// One comment: its author, when, its text (rendered Markdown), and, where the document's
/// kind allows, editing (its author) and removing (its author, a moderator).
#[component]
fn CommentBody(comment: Comment, comments: Comments) -> impl IntoView {
    let i18n = use_i18n();
    let at = comment.created_at;
    let when = move || i18n.date_time(&at);
    let edited = comment
        .edited_at
        .filter(|_| !comment.removed)
        .map(|_| view! { " · " <span class="muted">{i18n.tx(Key::CommentEdited)}</span> });
    let me = comments
        .api
        .user()
        .with_untracked(|u| u.as_ref().map(|u| u.id));
    let mine = me == Some(comment.author.id);
    let editable = comments.moderates.is_some() && !comment.removed;
    let may_edit = editable && mine;
    let may_remove =
        move || editable && (mine || comments.moderates.is_some_and(|moderates| moderates.get()));
    let editing = RwSignal::new(false);
    let draft = RwSignal::new(comment.body_markdown.clone());
    let problem = RwSignal::new(None::<String>);
    let (api, doc, id) = (comments.api, comments.doc, comment.id);
    let save = move |ev: SubmitEvent| {
        ev.prevent_default();
        let body = draft.get_untracked();
        if body.trim().is_empty() {
            problem.set(Some(i18n.t(Key::ErrRequired).to_owned()));
            return;
        }
        spawn_local(async move {
            match api::documents::edit_comment(api, doc, id, &body).await {
                Ok(updated) => {
                    comments.replace(updated);
                }
                Err(e) => {
                    let _ = problem.try_set(Some(error_text(i18n, &e)));
                }
            }
        });
    };
    let remove = move |_| {
        if !crate::pages::confirm(i18n.t(Key::RemoveCommentConfirm)) {
            return;
        }
        spawn_local(async move {
            match api::documents::remove_comment(api, doc, id).await {
                Ok(updated) => comments.replace(updated),
                Err(e) => {
                    let _ = problem.try_set(Some(error_text(i18n, &e)));
                }
            }
        });
    };
    let (removed, html, plain) = (
        comment.removed,
        comment.body_html.clone(),
        comment.body.clone(),
    );
    let body = move || {
        if removed {
            view! { <p class="comment-body muted" data-testid="comment-removed">{i18n.tx(Key::CommentRemovedNote)}</p> }.into_any()
        } else if html.is_empty() {
            view! { <p class="comment-body">{plain.clone()}</p> }.into_any()
        } else {
            view! { <div class="comment-html markdown" data-testid="comment-body" inner_html=html.clone()></div> }.into_any()
        }
    };
    let edit_id = format!("edit-comment-{id}");
    view! {
        <p class="comment-meta">
            <strong>{comment.author.name}</strong>
            " · "
            <time datetime=comment.created_at.to_rfc3339()>{when}</time>
            {edited}
        </p>
        <Show when=move || !editing.get() fallback=move || view! {
            <form class="comment-form no-print" on:submit=save>
                <label for=edit_id.clone()>{i18n.tx(Key::EditComment)}</label>
                <textarea id=edit_id.clone() rows="3" bind:value=draft></textarea>
                <div class="row-actions">
                    <button type="submit" class="button button-small">{i18n.tx(Key::SavePost)}</button>
                    <button type="button" class="button button-small button-quiet" on:click=move |_| editing.set(false)>
                        {i18n.tx(Key::Cancel)}
                    </button>
                </div>
            </form>
        }>
            {body.clone()()}
        </Show>
        {dynamic(move || problem.get().map(|e| view! { <p class="field-error">{e}</p> }))}
        <p class="row-actions no-print">
            {may_edit.then(|| view! {
                <button type="button" class="link-button" data-testid="edit-comment" on:click=move |_| editing.set(true)>
                    {i18n.tx(Key::EditComment)}
                </button>
            })}
            <Show when=may_remove>
                <button type="button" class="link-button" data-testid="remove-comment" on:click=remove>
                    {i18n.tx(Key::RemoveComment)}
                </button>
            </Show>
        </p>
    }
}
