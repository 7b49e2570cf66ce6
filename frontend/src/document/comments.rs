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
    pub list: RwSignal<Vec<Comment>>,
}

impl Comments {
    pub fn provide(api: Api, doc: DocumentRef, can_comment: Signal<bool>) -> Self {
        let comments = Comments {
            api,
            doc,
            can_comment,
            list: RwSignal::new(Vec::new()),
        };
        comments.reload();
        provide_context(comments);
        comments
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
                        <CommentBody comment=root />
                        <ul class="replies">
                            {replies
                                .into_iter()
                                .map(|r| view! { <li class="comment reply"><CommentBody comment=r /></li> })
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

#[component]
fn CommentBody(comment: Comment) -> impl IntoView {
    let i18n = use_i18n();
    let at = comment.created_at;
    let when = move || i18n.date_time(&at);
    view! {
        <p class="comment-meta">
            <strong>{comment.author.name}</strong>
            " · "
            <time datetime=comment.created_at.to_rfc3339()>{when}</time>
        </p>
        <p class="comment-body">{comment.body}</p>
    }
}
