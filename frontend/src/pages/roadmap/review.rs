//! Review: threaded comments beside each section, the reviewer's decision, the changes since
//! the previous version, and the roadmap's history and versions.

use leptos::ev::SubmitEvent;
use leptos::prelude::*;
use leptos::task::spawn_local;
use pioneer_domain::Page;
use pioneer_domain::roadmap::{
    Comment, CommentTarget, Decision, HistoryEntry, NewComment, NewReview, Roadmap, RoadmapSummary,
    TargetKind,
};
use uuid::Uuid;

use super::{StatusBadge, use_perms, use_sync};
use crate::api::{Api, Method, get_resource};
use crate::i18n::{Key, use_i18n};
use crate::loader::Loader;
use crate::pages::dynamic;
use crate::pages::{ErrorAlert, error_text};
use crate::router::A;

/// The comments of the roadmap shown, loaded once and grown as members write.
#[derive(Debug, Clone, Copy)]
pub struct Comments {
    pub list: RwSignal<Vec<Comment>>,
}

impl Comments {
    pub fn load(api: Api, roadmap_id: Uuid) -> Self {
        let list = RwSignal::new(Vec::new());
        spawn_local(async move {
            if let Ok(page) = api
                .get::<Page<Comment>>(&format!("/roadmaps/{roadmap_id}/comments?per_page=100"))
                .await
            {
                list.set(page.items);
            }
        });
        Comments { list }
    }
}

/// The comments on one section, their replies, and the forms to write.
#[component]
pub fn CommentThread(kind: TargetKind, id: Uuid) -> impl IntoView {
    let comments = expect_context::<Comments>();
    let perms = use_perms();
    let sync = use_sync();
    let i18n = use_i18n();
    let api = sync.api();
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
            match api
                .post::<_, Comment>(&format!("/roadmaps/{}/comments", sync.roadmap_id), &new)
                .await
            {
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
                        <Show when=move || perms.get().comment>
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
    let visible = move || perms.get().comment || on_target.with(|c| !c.is_empty());

    view! {
        <Show when=visible>
            <aside class="comments" data-testid=format!("comments-{}", kind.as_str()) aria-label=i18n.t(Key::Comments)>
                <h4 class="comments-title">{i18n.tx(Key::Comments)}</h4>
                <ul class="thread">{dynamic(thread)}</ul>
                {dynamic(move || error.get().map(|e| view! { <p class="field-error">{e}</p> }))}
                <Show when=move || perms.get().comment>
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
    let when = crate::pages::ymd_hm(&comment.created_at);
    view! {
        <p class="comment-meta">
            <strong>{comment.author.name}</strong>
            " · "
            <time datetime=comment.created_at.to_rfc3339()>{when}</time>
        </p>
        <p class="comment-body">{comment.body}</p>
    }
}

/// Approve, or request changes with a comment.
#[component]
pub fn DecisionPanel() -> impl IntoView {
    let sync = use_sync();
    let i18n = use_i18n();
    let comments = expect_context::<Comments>();
    let api = sync.api();
    let comment = RwSignal::new(String::new());
    let missing = RwSignal::new(false);
    let failure = RwSignal::new(None::<String>);
    let working = RwSignal::new(false);

    let decide = move |decision: Decision| {
        let text = comment.get_untracked().trim().to_owned();
        if decision == Decision::RequestChanges && text.is_empty() {
            missing.set(true);
            crate::pages::roadmap::focus_id("decision-comment");
            return;
        }
        missing.set(false);
        failure.set(None);
        working.set(true);
        spawn_local(async move {
            let review = NewReview {
                decision,
                comment: (!text.is_empty()).then_some(text),
            };
            let body = crate::api::to_value(&review);
            let revision = sync.server.with_untracked(|s| s.revision);
            match api
                .write_tagged::<Roadmap>(
                    Method::POST,
                    &format!("/roadmaps/{}/reviews", sync.roadmap_id),
                    body.as_ref(),
                    revision,
                )
                .await
            {
                Ok(tagged) => {
                    if let Some(roadmap) = tagged.value {
                        sync.replace(roadmap, tagged.revision);
                    }
                    comment.set(String::new());
                    // The decision's comment is now one of the roadmap's comments.
                    if let Ok(page) = api
                        .get::<Page<Comment>>(&format!(
                            "/roadmaps/{}/comments?per_page=100",
                            sync.roadmap_id
                        ))
                        .await
                    {
                        comments.list.set(page.items);
                    }
                }
                Err(error) => {
                    if error.status() == Some(412) {
                        sync.reload().await;
                    }
                    failure.set(Some(error_text(i18n, &error)));
                }
            }
            working.set(false);
        });
    };

    view! {
        <section class="panel panel-decision no-print" aria-labelledby="decision-heading" data-testid="decision">
            <h2 id="decision-heading">{i18n.tx(Key::Decision)}</h2>
            <div class="field">
                <label for="decision-comment">{i18n.tx(Key::DecisionComment)}</label>
                <textarea
                    id="decision-comment"
                    rows="3"
                    bind:value=comment
                    on:input=move |_| missing.set(false)
                    aria-invalid=move || missing.get().then_some("true")
                    aria-describedby="decision-hint"
                ></textarea>
                <p class="hint" id="decision-hint">{i18n.tx(Key::DecisionHint)}</p>
                <Show when=move || missing.get()>
                    <p class="field-error">{i18n.tx(Key::ErrRequired)}</p>
                </Show>
            </div>
            {dynamic(move || failure.get().map(|m| view! { <ErrorAlert message=m /> }))}
            <div class="form-actions">
                <button
                    type="button"
                    class="button button-primary"
                    disabled=move || working.get()
                    on:click=move |_| decide(Decision::Approve)
                >
                    {i18n.tx(Key::Approve)}
                </button>
                <button
                    type="button"
                    class="button button-danger"
                    disabled=move || working.get()
                    on:click=move |_| decide(Decision::RequestChanges)
                >
                    {i18n.tx(Key::RequestChanges)}
                </button>
            </div>
        </section>
    }
}

/// Added, removed and changed items between two lists, matched by title.
pub fn diff_by_title<T>(
    before: &[T],
    after: &[T],
    title: impl Fn(&T) -> &str,
    same: impl Fn(&T, &T) -> bool,
) -> (Vec<String>, Vec<String>, Vec<String>) {
    let find = |list: &[T], t: &str| list.iter().position(|x| title(x) == t);
    let added = after
        .iter()
        .filter(|a| find(before, title(a)).is_none())
        .map(|a| title(a).to_owned())
        .collect();
    let removed = before
        .iter()
        .filter(|b| find(after, title(b)).is_none())
        .map(|b| title(b).to_owned())
        .collect();
    let changed = after
        .iter()
        .filter_map(|a| {
            let b = &before[find(before, title(a))?];
            (!same(a, b)).then(|| title(a).to_owned())
        })
        .collect();
    (added, removed, changed)
}

/// The priorities and actions added, removed or changed since the previous version.
#[component]
pub fn VersionDiff() -> impl IntoView {
    let sync = use_sync();
    let i18n = use_i18n();
    let api = sync.api();
    let id = sync.roadmap_id;
    let previous = Loader::new(move || async move {
        let versions = api
            .get::<Page<RoadmapSummary>>(&format!("/roadmaps/{id}/versions?per_page=100"))
            .await
            .ok()?;
        let at = versions.items.iter().position(|v| v.id == id)?;
        let before = versions.items.get(at.checked_sub(1)?)?;
        api.get::<Roadmap>(&format!("/roadmaps/{}", before.id))
            .await
            .ok()
    });
    dynamic(move || {
        let before = previous.get().flatten()?;
        let now = sync.view.get();
        let (pa, pr, pc) = diff_by_title(
            &before.priorities,
            &now.priorities,
            |p| p.title.as_str(),
            |a, b| a.description == b.description && a.strategies == b.strategies,
        );
        let same_action = |a: &pioneer_domain::roadmap::Action,
                           b: &pioneer_domain::roadmap::Action| {
            let mut b = b.clone();
            b.id = a.id;
            b.priority_id = a.priority_id;
            *a == b
        };
        let (aa, ar, ac) = diff_by_title(
            &before.actions,
            &now.actions,
            |a| a.title.as_str(),
            same_action,
        );
        let groups = [
            (Key::Priorities, pa, pr, pc),
            (Key::ActionsHeading, aa, ar, ac),
        ];
        let nothing = groups
            .iter()
            .all(|(_, a, r, c)| a.is_empty() && r.is_empty() && c.is_empty());
        let list = move |key: Key, class: &'static str, items: Vec<String>| {
            (!items.is_empty()).then(|| {
                items
                    .into_iter()
                    .map(|t| view! { <li class=class><span class="badge">{i18n.t(key)}</span> " " {t}</li> })
                    .collect_view()
            })
        };
        Some(view! {
            <section class="panel" data-testid="version-diff">
                <h2>{i18n.fmt(Key::ChangesSince, &[("n", &before.version.to_string())])}</h2>
                {if nothing {
                    view! { <p class="muted">{i18n.tx(Key::NoChanges)}</p> }.into_any()
                } else {
                    groups
                        .into_iter()
                        .map(|(heading, added, removed, changed)| {
                            view! {
                                <h3>{i18n.t(heading)}</h3>
                                <ul class="diff">
                                    {list(Key::Added, "diff-added", added)}
                                    {list(Key::Removed, "diff-removed", removed)}
                                    {list(Key::Changed, "diff-changed", changed)}
                                </ul>
                            }
                        })
                        .collect_view()
                        .into_any()
                }}
            </section>
        })
    })
}

/// The history of changes and the versions of the roadmap, folded.
#[component]
pub fn HistoryAndVersions() -> impl IntoView {
    let sync = use_sync();
    let i18n = use_i18n();
    let api = sync.api();
    let id = sync.roadmap_id;
    let revision = Memo::new(move |_| sync.server.with(|s| s.revision));
    let history = get_resource::<Page<HistoryEntry>>(api, move || {
        revision.track();
        format!("/roadmaps/{id}/history?per_page=100")
    });
    let versions = get_resource::<Page<RoadmapSummary>>(api, move || {
        format!("/roadmaps/{id}/versions?per_page=100")
    });
    view! {
        <details class="panel" id="versions" data-testid="versions">
            <summary><h2>{i18n.tx(Key::Versions)}</h2></summary>
            {dynamic(move || match versions.get() {
                None => view! { <p class="muted">{i18n.tx(Key::Loading)}</p> }.into_any(),
                Some(Err(e)) => view! { <ErrorAlert message=error_text(i18n, &e) /> }.into_any(),
                Some(Ok(page)) => view! {
                    <ul class="versions">
                        {page
                            .items
                            .into_iter()
                            .map(|v| {
                                let label = i18n.fmt(Key::VersionN, &[("n", &v.version.to_string())]);
                                let current = v.id == id;
                                view! {
                                    <li>
                                        <A href=format!("/roadmaps/{}", v.id) attr:aria-current=current.then_some("page")>
                                            {label}
                                        </A>
                                        " "
                                        <StatusBadge status=v.status />
                                    </li>
                                }
                            })
                            .collect_view()}
                    </ul>
                }
                .into_any(),
            })}
        </details>
        <details class="panel" data-testid="history">
            <summary><h2>{i18n.tx(Key::History)}</h2></summary>
            {dynamic(move || match history.get() {
                None => view! { <p class="muted">{i18n.tx(Key::Loading)}</p> }.into_any(),
                Some(Err(e)) => view! { <ErrorAlert message=error_text(i18n, &e) /> }.into_any(),
                Some(Ok(page)) => view! {
                    <ol class="history">
                        {page
                            .items
                            .into_iter()
                            .map(|h| {
                                let when = crate::pages::ymd_hm(&h.created_at);
                                view! {
                                    <li>
                                        <time datetime=h.created_at.to_rfc3339()>{when}</time>
                                        " · " <strong>{h.actor.name}</strong> " · " <code>{h.event.to_string()}</code>
                                    </li>
                                }
                            })
                            .collect_view()}
                    </ol>
                }
                .into_any(),
            })}
        </details>
    }
}

#[cfg(test)]
mod tests {
    use super::diff_by_title;

    #[test]
    fn items_are_matched_by_title() {
        let before = [("A", 1), ("B", 2), ("C", 3)];
        let after = [("A", 1), ("B", 5), ("D", 4)];
        let (added, removed, changed) = diff_by_title(&before, &after, |x| x.0, |a, b| a.1 == b.1);
        assert_eq!(added, ["D"]);
        assert_eq!(removed, ["C"]);
        assert_eq!(changed, ["B"]);
    }
}
