//! The knowledge base: `/knowledge` (search, filters, the latest and the most viewed resources;
//! public), `/knowledge/<id>` (one resource; public when it is), `/knowledge/new` and
//! `/knowledge/<id>/edit` (the form, with its files' upload), `/moderation` (what waits for a
//! moderator).

pub mod country_picker;
pub mod form;
pub mod home;
mod markdown;
pub mod moderation;
pub mod resource;
mod upload;

use leptos::prelude::*;
use pioneer_domain::knowledge::{Resource, ResourceKind, ResourceStatus, Visibility};
use pioneer_domain::reference::Strategy;
use uuid::Uuid;

use crate::api::knowledge::{SHORT_LIST, SearchQuery};
use crate::api::{self, Api, use_api};
use crate::components::StatusBadge;
use crate::i18n::{I18n, Key, Lang, use_i18n};
use crate::loader::Loader;
use crate::pages::{ErrorAlert, error_text};
use crate::router::{knowledge_href, resource_href};

pub fn kind_key(kind: ResourceKind) -> Key {
    match kind {
        ResourceKind::GoodPractice => Key::KindGoodPractice,
        ResourceKind::Evidence => Key::KindEvidence,
        ResourceKind::Tool => Key::KindTool,
        ResourceKind::Guidance => Key::KindGuidance,
        ResourceKind::Video => Key::KindVideo,
        ResourceKind::Tutorial => Key::KindTutorial,
        ResourceKind::CaseStudy => Key::KindCaseStudy,
        ResourceKind::WebinarRecording => Key::KindWebinarRecording,
        ResourceKind::Qa => Key::KindQa,
    }
}

pub fn status_key(status: ResourceStatus) -> Key {
    match status {
        ResourceStatus::Pending => Key::ResourceStatusPending,
        ResourceStatus::Published => Key::ResourceStatusPublished,
        ResourceStatus::Returned => Key::ResourceStatusReturned,
        ResourceStatus::Archived => Key::ResourceStatusArchived,
    }
}

pub fn visibility_key(visibility: Visibility) -> Key {
    match visibility {
        Visibility::Public => Key::VisibilityPublic,
        Visibility::Members => Key::VisibilityMembers,
        Visibility::Group => Key::VisibilityGroup,
    }
}

/// The name of a language in that language ("Français", "Kiswahili"), or its code: the UI's
/// own languages by their names, any other through the browser's `Intl.DisplayNames`.
pub fn language_name(code: &str) -> String {
    Lang::from_tag(code).map_or_else(
        || crate::intl::native_language_name(code).unwrap_or_else(|| code.to_owned()),
        |lang| lang.native_name().to_owned(),
    )
}

/// The name of a kind as the API writes it (`case_study`), or the code when it is unknown.
pub fn kind_name(i18n: I18n, code: &str) -> String {
    ResourceKind::parse(code).map_or_else(|| code.to_owned(), |k| i18n.t(kind_key(k)).to_owned())
}

/// The INSPIRE strategies (each read once a day at most), empty when they cannot be read.
pub async fn load_strategies(api: Api) -> Vec<Strategy> {
    api::reference::strategies(api)
        .await
        .map(|page| page.items)
        .unwrap_or_default()
}

/// A strategy's name in the current language, or its code.
pub fn strategy_name(strategies: &[Strategy], i18n: I18n, code: &str) -> String {
    strategies
        .iter()
        .find(|s| s.code == code)
        .map(|s| i18n.name(s).to_owned())
        .unwrap_or_else(|| code.to_owned())
}

/// A resource's moderation status as a badge (the published ones show none).
#[component]
pub fn ResourceBadge(
    status: ResourceStatus,
    #[prop(default = "status")] testid: &'static str,
) -> impl IntoView {
    view! { <StatusBadge status=status.as_str() label=status_key(status) testid=testid /> }
}

/// One resource in a list: its title (a link to its page), its type, language and author, and
/// what else the list gives (a search's snippet).
#[component]
pub fn ResourceItem(
    resource: Resource,
    /// HTML where only `<mark>` is markup (a search's snippet), or nothing.
    #[prop(optional)]
    snippet: Option<String>,
    #[prop(default = "resource-item")] testid: &'static str,
) -> impl IntoView {
    let i18n = use_i18n();
    let kind = kind_key(resource.kind);
    let language = language_name(&resource.language);
    let when = resource.published_at.unwrap_or(resource.created_at);
    let summary =
        (snippet.is_none() && !resource.summary.is_empty()).then(|| resource.summary.clone());
    let group = resource.group_name.clone();
    view! {
        <li class="result" data-testid=testid>
            <h3 class="result-title">
                <a href=resource_href(resource.id) lang=resource.language.clone()>{resource.title.clone()}</a>
            </h3>
            <p class="result-meta">
                <span class="badge badge-accent">{i18n.tx(kind)}</span>
                " " <span>{language}</span>
                " · " <span>{resource.author.name.clone()}</span>
                " · " <time datetime=when.to_rfc3339()>{move || i18n.date(&when)}</time>
                {group.map(|g| view! { " · " <span class="badge">{g}</span> })}
            </p>
            {snippet.map(|html| view! { <p class="snippet" lang=resource.language.clone() inner_html=html></p> })}
            {summary.map(|text| view! { <p class="snippet" lang=resource.language.clone()>{text}</p> })}
        </li>
    }
}

/// A thematic group's resources, on its page: the newest few, the way to all of them in the
/// knowledge base, and, for those who may share there, a resource shared with the group.
#[component]
pub fn GroupResources(
    #[prop(into)] group_id: Signal<Option<Uuid>>,
    /// Whether the reader may share with the group (its members; the secretariat).
    #[prop(into)]
    shares: Signal<bool>,
) -> impl IntoView {
    let api = use_api();
    let i18n = use_i18n();
    let found = Loader::new(move || {
        let query = group_id.get().map(|id| SearchQuery {
            group: id.to_string(),
            ..SearchQuery::default()
        });
        async move {
            match query {
                Some(query) => api::knowledge::search(api, &query).await.map(Some),
                None => Ok(None),
            }
        }
    });
    let list = move || {
        match found.get() {
            None => view! { <p class="muted">{i18n.tx(Key::Loading)}</p> }.into_any(),
            Some(Err(error)) => view! { <ErrorAlert message=error_text(i18n, &error) /> }.into_any(),
            Some(Ok(None)) => ().into_any(),
            Some(Ok(Some(results))) if results.items.is_empty() => {
                view! { <p class="muted" data-testid="group-no-resource">{i18n.tx(Key::NoGroupResource)}</p> }
                    .into_any()
            }
            Some(Ok(Some(results))) => {
                let all = (results.total > SHORT_LIST).then(|| {
                    let href = group_id
                        .get_untracked()
                        .map(|id| knowledge_href(&format!("group={id}")))
                        .unwrap_or_default();
                    let count = results.total.to_string();
                    view! {
                        <p><a href=href data-testid="all-group-resources">
                            {move || i18n.fmt(Key::AllGroupResources, &[("count", &count)])}
                        </a></p>
                    }
                });
                view! {
                    <ul class="results" data-testid="group-resources-list">
                        {results
                            .items
                            .into_iter()
                            .take(SHORT_LIST as usize)
                            .map(|hit| view! { <ResourceItem resource=hit.resource testid="group-resource" /> })
                            .collect_view()}
                    </ul>
                    {all}
                }
                .into_any()
            }
        }
    };
    view! {
        <section class="group-resources" data-testid="group-resources" aria-labelledby="group-resources-title">
            <h2 id="group-resources-title">{i18n.tx(Key::GroupResources)}</h2>
            <p class="hint">{i18n.tx(Key::GroupResourcesIntro)}</p>
            {list}
            <Show when=move || shares.get()>
                <p>
                    <a class="button" data-testid="share-with-group"
                        href=move || format!("/knowledge/new?group={}", group_id.get().unwrap_or_default())>
                        {i18n.tx(Key::ShareWithGroup)}
                    </a>
                </p>
            </Show>
        </section>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_kind_has_its_words_and_languages_their_own_names() {
        let i18n = I18n::for_tests();
        for kind in ResourceKind::ALL {
            assert_ne!(i18n.t(kind_key(kind)), kind.as_str());
        }
        assert_eq!(kind_name(i18n, "case_study"), "Case study");
        assert_eq!(kind_name(i18n, "poem"), "poem");
        assert_eq!(language_name("fr"), "Français");
        assert_eq!(language_name("xx"), "xx");
    }
}
