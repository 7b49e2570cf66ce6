//! `/knowledge/<id>`: one resource — its text, what it is about, its links and files — and what
//! the reader may do with it: its author edits it (a published one through a proposed change)
//! and submits a returned one again; a moderator publishes, returns (with a comment) or
//! archives it. Its comments and history are the ones every reviewed document has.

use leptos::ev::SubmitEvent;
use leptos::prelude::*;
use leptos::task::spawn_local;
use pioneer_domain::knowledge::{Resource, ResourceFile, ResourceStatus, Visibility};
use pioneer_domain::review::Section;
use uuid::Uuid;

use super::{
    ResourceBadge, kind_key, language_name, load_strategies, strategy_name, visibility_key,
};
use crate::api::knowledge::{Facet, SearchQuery, Step};
use crate::api::{self, ApiError, DocumentRef, from_value, use_api};
use crate::document::{CommentThread, Comments, HistoryPanel};
use crate::i18n::{I18n, Key, use_i18n};
use crate::loader::Loader;
use crate::pages::applications::file_size;
use crate::pages::roadmap::{country_name, load_countries};
use crate::pages::{ErrorAlert, confirm, dynamic, error_text, focus_id};
use crate::router::{
    Route, knowledge_href, resource_edit_href, resource_href, resource_id_in, use_router,
};

/// The knowledge base filtered by one value of `facet`.
fn filtered_href(facet: Facet, value: &str) -> String {
    knowledge_href(&SearchQuery::default().toggled(facet, value).to_query())
}

/// The knowledge base searching for `words`.
fn words_href(words: &str) -> String {
    knowledge_href(&SearchQuery::default().with_words(words).to_query())
}

/// Whether a link may be shown as one: an `http` or `https` address (the server checks it
/// too; a `javascript:` address must never become a link).
pub fn is_web_address(link: &str) -> bool {
    let lower = link.trim().to_ascii_lowercase();
    lower.starts_with("https://") || lower.starts_with("http://")
}

#[component]
pub fn ResourcePage() -> impl IntoView {
    let api = use_api();
    let i18n = use_i18n();
    let router = use_router();
    let path = router.path();
    // Kept while the page goes away, so that leaving it does not ask for anything.
    let id = Memo::new(move |previous: Option<&Option<Uuid>>| {
        path.with(|p| match Route::of(p) {
            Route::Resource => resource_id_in(p),
            _ => previous.copied().flatten(),
        })
    });
    let loaded = Loader::new(move || {
        let id = id.get();
        async move {
            match id {
                Some(id) => api::knowledge::get(api, id).await.map(Some),
                None => Ok(None),
            }
        }
    });
    let not_found = move || {
        view! {
            <h1>{i18n.tx(Key::NotFoundTitle)}</h1>
            <p>{i18n.tx(Key::NotFoundBody)}</p>
        }
        .into_any()
    };
    let body = move || match loaded.get() {
        None => view! { <p class="muted">{i18n.tx(Key::Loading)}</p> }.into_any(),
        Some(Err(ApiError::Status {
            status: 401 | 403 | 404,
            ..
        })) if !api.signed_in() => view! {
            <p class="alert alert-info">{i18n.tx(Key::SignInToRead)}</p>
            <button type="button" class="button button-primary" on:click=move |_| router.to_login()>
                {i18n.tx(Key::SignIn)}
            </button>
        }
        .into_any(),
        Some(Err(ApiError::Status {
            status: 403 | 404, ..
        }))
        | Some(Ok(None)) => not_found(),
        Some(Err(error)) => view! { <ErrorAlert message=error_text(i18n, &error) /> }.into_any(),
        Some(Ok(Some(resource))) => view! { <ResourceView resource=resource /> }.into_any(),
    };
    view! {
        <section class="page resource" data-testid="resource">
            <p class="no-print"><a href="/knowledge">{i18n.tx(Key::BackToKnowledge)}</a></p>
            {dynamic(body)}
        </section>
    }
}

/// What a moderator or the author asks for.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Action {
    Step(Step),
    Return(String),
}

impl Action {
    /// What the page says once it is done.
    fn done(&self) -> Key {
        match self {
            Action::Step(Step::Submit) => Key::ResourceSubmittedNotice,
            Action::Step(Step::Publish) => Key::ResourcePublishedNotice,
            Action::Step(Step::Archive) => Key::ResourceArchivedNotice,
            Action::Return(_) => Key::ResourceReturnedNotice,
        }
    }
}

/// A refused action in the reader's words; with a 412, the resource as it is now.
fn refusal(i18n: I18n, error: &ApiError) -> (String, Option<Resource>) {
    match error {
        ApiError::Status {
            status: 412,
            current,
            ..
        } => (
            i18n.t(Key::ResourceStale).to_owned(),
            current.as_ref().and_then(from_value),
        ),
        ApiError::Status { status: 409, .. } => (i18n.t(Key::ResourceStepRefused).to_owned(), None),
        other => (error_text(i18n, other), None),
    }
}

#[component]
fn ResourceView(resource: Resource) -> impl IntoView {
    let api = use_api();
    let i18n = use_i18n();
    let router = use_router();
    let id = resource.id;
    let current = RwSignal::new(resource);
    let working = RwSignal::new(false);
    let notice = RwSignal::new(None::<Key>);
    let failure = RwSignal::new(None::<String>);
    let returning = RwSignal::new(false);
    let return_comment = RwSignal::new(String::new());
    let return_error = RwSignal::new(None::<String>);

    let perms = Memo::new(move |_| current.with(|r| r.permissions));
    let status = Memo::new(move |_| current.with(|r| r.status));
    let revision = Memo::new(move |_| current.with(|r| r.revision));
    let involved = Memo::new(move |_| {
        let perms = perms.get();
        perms.edit || perms.moderate
    });
    // Members who may read the resource comment on it (a moderator's return comment among
    // them) and follow its history.
    let signed_in = untrack(|| api.signed_in());
    let comments = signed_in.then(|| {
        Comments::provide_editable(
            api,
            DocumentRef::resource(id),
            Signal::derive(move || api.signed_in()),
            Signal::derive(move || perms.get().moderate),
        )
    });

    let act = move |action: Action| {
        if working.get_untracked() {
            return;
        }
        let revision = current.with_untracked(|r| r.revision);
        working.set(true);
        failure.set(None);
        notice.set(None);
        spawn_local(async move {
            let done = action.done();
            let answer = match &action {
                Action::Step(step) => api::knowledge::step(api, id, *step, revision).await,
                Action::Return(comment) => {
                    api::knowledge::return_to_author(api, id, revision, comment).await
                }
            };
            match answer {
                // A published change lives on as the resource it changed.
                Ok(now) if now.id != id => router.navigate(&resource_href(now.id), false),
                Ok(now) => {
                    current.set(now);
                    notice.set(Some(done));
                    returning.set(false);
                    return_comment.set(String::new());
                    if let Some(comments) = comments {
                        comments.reload();
                    }
                }
                Err(error)
                    if matches!(action, Action::Return(_)) && !error.field_errors().is_empty() =>
                {
                    let message = error
                        .field_errors()
                        .iter()
                        .map(|e| i18n.field_error(e))
                        .collect::<Vec<_>>()
                        .join(" ");
                    return_error.set(Some(message));
                }
                Err(error) => {
                    let (message, now) = refusal(i18n, &error);
                    if let Some(now) = now {
                        current.set(now);
                    }
                    failure.set(Some(message));
                }
            }
            working.set(false);
        });
    };
    let send_return = move |ev: SubmitEvent| {
        ev.prevent_default();
        let comment = return_comment.get_untracked();
        if comment.trim().is_empty() {
            return_error.set(Some(i18n.t(Key::ErrRequired).to_owned()));
            focus_id("return-comment");
            return;
        }
        return_error.set(None);
        act(Action::Return(comment));
    };
    let archive = move |_| {
        if confirm(i18n.t(Key::ArchiveConfirm)) {
            act(Action::Step(Step::Archive));
        }
    };

    let can_edit = move || perms.get().edit && status.get() != ResourceStatus::Archived;
    // A published resource with a change waiting: editing goes on in that change.
    let edit_href =
        move || current.with(|r| resource_edit_href(r.pending_revision.unwrap_or(r.id)));
    let can_submit = move || perms.get().edit && status.get() == ResourceStatus::Returned;
    let can_review = move || perms.get().moderate && status.get() == ResourceStatus::Pending;
    let can_archive = move || perms.get().moderate && status.get() != ResourceStatus::Archived;

    let status_alert = move || {
        let key = match (status.get(), involved.get()) {
            (ResourceStatus::Returned, true) => Key::ResourceReturnedAlert,
            (ResourceStatus::Pending, true) => Key::ResourcePendingAlert,
            _ => return None,
        };
        Some(view! { <p class="alert alert-info" data-testid="status-alert">{i18n.tx(key)}</p> })
    };
    let revision_links = move || {
        current.with(|r| {
            let of = r.revision_of.map(|published| {
                view! {
                    <p class="alert alert-info" data-testid="revision-of">
                        {i18n.tx(Key::RevisionOfNote)} " "
                        <a href=resource_href(published)>{i18n.tx(Key::SeePublishedVersion)}</a>
                    </p>
                }
            });
            let waiting = r.pending_revision.map(|change| {
                view! {
                    <p class="alert alert-info">
                        <a href=resource_href(change) data-testid="pending-revision">{i18n.tx(Key::PendingRevisionLink)}</a>
                    </p>
                }
            });
            (of, waiting)
        })
    };

    view! {
        {dynamic(move || view! { <ResourceHead resource=current.get() /> })}
        {dynamic(revision_links)}
        {dynamic(status_alert)}
        {dynamic(move || notice.get().map(|key| view! { <p class="alert alert-ok" role="status" data-testid="resource-notice">{i18n.tx(key)}</p> }))}
        {dynamic(move || failure.get().map(|m| view! { <ErrorAlert message=m /> }))}
        <div class="toolbar no-print">
            <Show when=can_edit>
                <a class="button" href=edit_href data-testid="edit-resource">{i18n.tx(Key::EditResource)}</a>
            </Show>
            <Show when=can_submit>
                <button type="button" class="button button-primary" data-testid="submit-again" disabled=move || working.get() on:click=move |_| act(Action::Step(Step::Submit))>
                    {i18n.tx(Key::SubmitAgain)}
                </button>
            </Show>
            <Show when=can_review>
                <button type="button" class="button button-primary" data-testid="publish-resource" disabled=move || working.get() on:click=move |_| act(Action::Step(Step::Publish))>
                    {i18n.tx(Key::PublishResource)}
                </button>
                <button
                    type="button"
                    class="button"
                    data-testid="return-resource"
                    aria-expanded=move || returning.get().to_string()
                    aria-controls="return-form"
                    disabled=move || working.get()
                    on:click=move |_| {
                        returning.update(|open| *open = !*open);
                        if returning.get_untracked() {
                            request_animation_frame(|| focus_id("return-comment"));
                        }
                    }
                >
                    {i18n.tx(Key::ReturnResource)}
                </button>
            </Show>
            <Show when=can_archive>
                <button type="button" class="button button-danger" data-testid="archive-resource" disabled=move || working.get() on:click=archive>
                    {i18n.tx(Key::ArchiveResource)}
                </button>
            </Show>
        </div>
        <Show when=move || {
            can_edit()
                && status.get() == ResourceStatus::Published
                && current.with(|r| r.pending_revision.is_none())
        }>
            <p class="hint no-print">{i18n.tx(Key::EditPublishedHint)}</p>
        </Show>
        <Show when=move || returning.get() && can_review()>
            <form id="return-form" class="panel panel-decision no-print" on:submit=send_return novalidate>
                <div class="field">
                    <label for="return-comment">{i18n.tx(Key::ReturnComment)}</label>
                    <textarea
                        id="return-comment"
                        rows="4"
                        required
                        bind:value=return_comment
                        aria-invalid=move || return_error.with(Option::is_some).then_some("true")
                        aria-describedby="return-comment-hint"
                    ></textarea>
                    <p class="hint" id="return-comment-hint">{i18n.tx(Key::ReturnCommentHint)}</p>
                    {move || return_error.get().map(|m| view! { <p class="field-error" role="alert">{m}</p> })}
                </div>
                <div class="form-actions">
                    <button type="submit" class="button button-primary" data-testid="send-return" disabled=move || working.get()>
                        {i18n.tx(Key::ReturnResource)}
                    </button>
                    <button type="button" class="button button-quiet" on:click=move |_| returning.set(false)>
                        {i18n.tx(Key::Cancel)}
                    </button>
                </div>
            </form>
        </Show>
        <div class="with-comments">
            <div class="section-body">
                {dynamic(move || view! { <ResourceContent resource=current.get() /> })}
            </div>
            {comments.map(|_| view! { <CommentThread kind=Section::Resource id=id /> })}
        </div>
        {signed_in.then(|| view! {
            <HistoryPanel doc=DocumentRef::resource(id) revision=Signal::derive(move || revision.get()) />
        })}
    }
}

/// The title, what the resource is, who shared it and when.
#[component]
fn ResourceHead(resource: Resource) -> impl IntoView {
    let i18n = use_i18n();
    let when = resource.published_at;
    let created = resource.created_at;
    let badge = (resource.status != ResourceStatus::Published)
        .then(|| view! { <ResourceBadge status=resource.status testid="status-badge" /> });
    let date = move || match when {
        Some(at) => i18n.fmt(Key::ResourcePublishedOn, &[("date", &i18n.date(&at))]),
        None => i18n.fmt(Key::ResourceSubmittedOn, &[("date", &i18n.date(&created))]),
    };
    let views = resource.views.max(0).to_string();
    let author = resource.author.name.clone();
    let group = resource
        .group_name
        .clone()
        .filter(|_| resource.visibility == Visibility::Group);
    view! {
        <div class="page-head">
            <div>
                <p class="muted eyebrow">
                    {i18n.tx(kind_key(resource.kind))} " · " {language_name(&resource.language)}
                </p>
                <h1 data-testid="resource-title" lang=resource.language.clone()>{resource.title.clone()}</h1>
            </div>
            <div class="badges">{badge}</div>
        </div>
        <p class="muted resource-meta">
            {move || i18n.fmt(Key::ResourceBy, &[("name", &author)])}
            " · " {date}
            " · " {move || i18n.fmt(Key::ResourceViews, &[("count", &views)])}
            {group.map(|name| view! {
                " · " <span class="badge" data-testid="resource-group">{move || i18n.fmt(Key::ResourceForGroup, &[("group", &name)])}</span>
            })}
        </p>
    }
}

/// The summary, the text, what it is about, its links and its files.
#[component]
fn ResourceContent(resource: Resource) -> impl IntoView {
    let api = use_api();
    let i18n = use_i18n();
    let id = resource.id;
    let has_countries = !resource.countries.is_empty();
    let strategies = Loader::new(move || load_strategies(api));
    let countries = Loader::new(move || async move {
        if has_countries {
            load_countries(api).await
        } else {
            Vec::new()
        }
    });
    let lang = resource.language.clone();
    let summary = (!resource.summary.is_empty()).then(|| {
        view! { <p class="lead" lang=lang.clone()>{resource.summary.clone()}</p> }
    });
    let strategy_list = {
        let codes = resource.strategies.clone();
        move || {
            let all = strategies.get().unwrap_or_default();
            codes
                .iter()
                .map(|code| {
                    let name = strategy_name(&all, i18n, code);
                    view! { <li><a class="badge badge-accent" href=filtered_href(Facet::Strategy, code)>{name}</a></li> }
                })
                .collect_view()
        }
    };
    let country_list = {
        let codes = resource.countries.clone();
        move || {
            let all = countries.get().unwrap_or_default();
            codes
                .iter()
                .map(|code| {
                    let name = country_name(&all, i18n, code);
                    view! { <li><a class="badge" href=filtered_href(Facet::Country, code)>{name}</a></li> }
                })
                .collect_view()
        }
    };
    let tags = resource
        .tags
        .iter()
        .map(|tag| view! { <li><a class="badge" href=words_href(tag)>{format!("#{tag}")}</a></li> })
        .collect_view();
    let links = resource
        .links
        .iter()
        .map(|link| {
            if is_web_address(link) {
                view! { <li><a href=link.clone() target="_blank" rel="noopener noreferrer">{link.clone()}</a></li> }
                    .into_any()
            } else {
                view! { <li>{link.clone()}</li> }.into_any()
            }
        })
        .collect_view();
    let row = |key: Key, shown: bool, items: AnyView| {
        shown.then(|| {
            view! {
                <dt>{i18n.tx(key)}</dt>
                <dd><ul class="tags">{items}</ul></dd>
            }
        })
    };
    let visibility = resource.visibility;
    view! {
        {summary}
        <div class="markdown" data-testid="resource-body" lang=resource.language.clone() inner_html=resource.body_html.clone()></div>
        <section class="panel">
            <h2>{i18n.tx(Key::ResourceDetails)}</h2>
            <dl class="details resource-details">
                {row(Key::ResourceStrategies, !resource.strategies.is_empty(), dynamic(strategy_list).into_any())}
                {row(Key::ResourceCountries, has_countries, dynamic(country_list).into_any())}
                {row(Key::ResourceTags, !resource.tags.is_empty(), tags.into_any())}
                <dt>{i18n.tx(Key::ResourceVisibility)}</dt>
                <dd>{i18n.tx(visibility_key(visibility))}</dd>
            </dl>
            {(!resource.links.is_empty()).then(|| view! {
                <h3 class="table-title">{i18n.tx(Key::ResourceLinks)}</h3>
                <ul class="links">{links}</ul>
            })}
        </section>
        {(!resource.files.is_empty()).then(|| view! { <Files id=id files=resource.files.clone() /> })}
    }
}

/// The files, each with its size and a button that downloads it through the session (a plain
/// link would not carry the token that a resource for members needs).
#[component]
fn Files(id: Uuid, files: Vec<ResourceFile>) -> impl IntoView {
    let api = use_api();
    let i18n = use_i18n();
    let failure = RwSignal::new(None::<String>);
    let working = RwSignal::new(None::<Uuid>);
    let download = move |file: ResourceFile| {
        working.set(Some(file.id));
        failure.set(None);
        spawn_local(async move {
            if let Err(error) = api::knowledge::download(api, id, &file).await {
                failure.set(Some(error_text(i18n, &error)));
            }
            working.set(None);
        });
    };
    view! {
        <section class="panel" data-testid="resource-files">
            <h2>{i18n.tx(Key::ResourceFiles)}</h2>
            <ul class="files">
                {files
                    .into_iter()
                    .map(|file| {
                        let file_id = file.id;
                        let label = i18n.fmt(Key::DownloadFileNamed, &[("name", &file.name)]);
                        let name = file.name.clone();
                        let size = file_size(file.size);
                        view! {
                            <li class="file">
                                <span class="upload-name">{name}</span>
                                " " <span class="muted">{size}</span>
                                " "
                                <button
                                    type="button"
                                    class="button button-small"
                                    data-testid="download-file"
                                    aria-label=label
                                    disabled=move || working.get() == Some(file_id)
                                    on:click=move |_| download(file.clone())
                                >
                                    {i18n.tx(Key::DownloadFile)}
                                </button>
                            </li>
                        }
                    })
                    .collect_view()}
            </ul>
            {dynamic(move || failure.get().map(|m| view! { <ErrorAlert message=m /> }))}
        </section>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_web_addresses_become_links() {
        assert!(is_web_address("https://www.unicef.org/"));
        assert!(is_web_address(" HTTP://example.org"));
        assert!(!is_web_address("javascript:alert(1)"));
        assert!(!is_web_address("ftp://example.org"));
    }

    #[test]
    fn a_resource_s_strategies_countries_and_tags_lead_to_the_search() {
        assert_eq!(
            filtered_href(Facet::Strategy, "environments"),
            "/knowledge?strategy=environments"
        );
        assert_eq!(
            filtered_href(Facet::Country, "KEN"),
            "/knowledge?country=KEN"
        );
        assert_eq!(words_href("écoles"), "/knowledge?q=%C3%A9coles");
    }
}
