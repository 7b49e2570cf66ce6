//! `/knowledge/new` and `/knowledge/<id>/edit`: a resource's form. It is checked here by the
//! domain's own validation, then saved (a new resource waits for a moderator; an edit of a
//! published one is a proposed change), then its files are sent one by one with their
//! progress; then the page of the resource opens.

use std::collections::BTreeSet;
use std::time::Duration;

use leptos::ev::SubmitEvent;
use leptos::prelude::*;
use leptos::task::spawn_local;
use pioneer_domain::groups::Group;
use pioneer_domain::knowledge::{NewResource, Resource, ResourceKind, ResourceStatus, Visibility};
use pioneer_domain::policy::can_manage_users;
use pioneer_domain::reference::Strategy;
use pioneer_domain::{ErrorCode, FieldError};
use uuid::Uuid;

use super::country_picker::CountryPicker;
use super::markdown::MarkdownField;
use super::upload::{FileField, Uploads};
use super::{kind_key, load_strategies, visibility_key};
use crate::api::{self, Api, ApiError, from_value, use_api};
use crate::i18n::{I18n, Key, Lang, use_i18n};
use crate::loader::Loader;
use crate::pages::applications::file_size;
use crate::pages::form::Errors;
use crate::pages::{ErrorAlert, dynamic, error_text, focus_id};
use crate::router::{Route, query_param, resource_href, resource_id_in, use_router};

/// The fields of the form in the page's order: the name in the errors, and the control.
const FIELDS: [(&str, &str); 12] = [
    ("kind", "rf-kind"),
    ("title", "rf-title"),
    ("summary", "rf-summary"),
    ("body", "rf-body"),
    ("language", "rf-language"),
    ("strategies", "rf-strategy-0"),
    ("countries", "rf-country-add"),
    ("tags", "rf-tags"),
    ("links", "rf-links"),
    ("visibility", "rf-visibility-public"),
    ("group_id", "rf-group"),
    ("files", "rf-files"),
];

/// The field an error's path names: `links[2]` → `links`.
pub fn base_field(path: &str) -> &str {
    path.split(['[', '.']).next().unwrap_or(path)
}

/// The item an error's path names: `links[2]` → 2.
fn item_index(path: &str) -> Option<usize> {
    let (_, rest) = path.split_once('[')?;
    rest.split_once(']')?.0.parse().ok()
}

/// The items of a list typed as text: split at `separator`, trimmed, without empty ones.
pub fn split_list(raw: &str, separator: char) -> Vec<String> {
    raw.split(separator)
        .map(str::trim)
        .filter(|item| !item.is_empty())
        .map(str::to_owned)
        .collect()
}

fn focus_first_error(errors: &[FieldError]) {
    if let Some((_, id)) = FIELDS
        .iter()
        .find(|(field, _)| errors.iter().any(|e| base_field(&e.field) == *field))
    {
        focus_id(id);
    }
}

/// The error messages of a field (and of its items, each with the item it is about).
fn messages(
    i18n: I18n,
    errors: &[FieldError],
    sent: Option<&NewResource>,
    field: &str,
) -> Vec<String> {
    errors
        .iter()
        .filter(|e| base_field(&e.field) == field)
        .map(|e| {
            let message = i18n.field_error(e);
            let item = item_index(&e.field).and_then(|at| {
                let sent = sent?;
                let list = match field {
                    "strategies" => &sent.strategies,
                    "countries" => &sent.countries,
                    "tags" => &sent.tags,
                    "links" => &sent.links,
                    _ => return None,
                };
                list.get(at).cloned()
            });
            match item {
                Some(item) => format!("{item} — {message}"),
                None => message,
            }
        })
        .collect()
}

/// The groups a member may share with: theirs (every group for the secretariat).
async fn writable_groups(api: Api) -> Vec<Group> {
    let runs = api
        .user()
        .with_untracked(|u| u.as_ref().is_some_and(|u| can_manage_users(u.role)));
    api::groups::list(api, 1)
        .await
        .map(|page| {
            page.items
                .into_iter()
                .filter(|g| runs || g.my_role.is_some())
                .collect()
        })
        .unwrap_or_default()
}

#[component]
pub fn ResourceFormPage() -> impl IntoView {
    let api = use_api();
    let i18n = use_i18n();
    let path = use_router().path();
    // Kept while the page goes away, so that leaving it loads nothing.
    let editing = Memo::new(move |previous: Option<&Option<Uuid>>| {
        path.with(|p| match Route::of(p) {
            Route::EditResource => resource_id_in(p),
            Route::NewResource => None,
            _ => previous.copied().flatten(),
        })
    });
    let data = Loader::new(move || {
        let id = editing.get();
        async move {
            let resource = async move {
                match id {
                    Some(id) => api::knowledge::get(api, id).await.map(Some),
                    None => Ok(None),
                }
            };
            let (resource, strategies, groups) =
                futures::join!(resource, load_strategies(api), writable_groups(api));
            resource.map(|resource| (resource, strategies, groups))
        }
    });
    dynamic(move || match data.get() {
        None => view! { <p class="muted">{i18n.tx(Key::Loading)}</p> }.into_any(),
        Some(Err(ApiError::Status { status: 404, .. })) => view! {
            <section class="page">
                <h1>{i18n.tx(Key::NotFoundTitle)}</h1>
                <p>{i18n.tx(Key::NotFoundBody)}</p>
            </section>
        }
        .into_any(),
        Some(Err(error)) => view! { <ErrorAlert message=error_text(i18n, &error) /> }.into_any(),
        Some(Ok((existing, strategies, groups))) => {
            view! { <ResourceForm existing=existing strategies=strategies groups=groups /> }
                .into_any()
        }
    })
}

/// The errors of `field` under its control (`id`: what its `aria-describedby` names).
fn field_errors(
    i18n: I18n,
    errors: Errors,
    sent: StoredValue<Option<NewResource>>,
    field: &'static str,
    id: &'static str,
) -> AnyView {
    (move || {
        let found = errors.with(|e| sent.with_value(|s| messages(i18n, e, s.as_ref(), field)));
        (!found.is_empty()).then(|| {
            view! {
                <div id=id>
                    {found.into_iter().map(|m| view! { <p class="field-error">{m}</p> }).collect_view()}
                </div>
            }
        })
    })
    .into_any()
}

#[component]
fn ResourceForm(
    existing: Option<Resource>,
    strategies: Vec<Strategy>,
    groups: Vec<Group>,
) -> impl IntoView {
    let api = use_api();
    let i18n = use_i18n();
    let router = use_router();
    let from = existing.clone();
    let from = from.as_ref();
    let text = |get: fn(&Resource) -> String| from.map(get).unwrap_or_default();
    let kind = RwSignal::new(from.map_or(ResourceKind::GoodPractice, |r| r.kind));
    let title = RwSignal::new(text(|r| r.title.clone()));
    let summary = RwSignal::new(text(|r| r.summary.clone()));
    let body = RwSignal::new(text(|r| r.body_markdown.clone()));
    let language = RwSignal::new(
        from.map(|r| r.language.clone())
            .unwrap_or_else(|| untrack(|| i18n.lang().code().to_owned())),
    );
    let chosen_strategies = RwSignal::new(from.map(|r| r.strategies.clone()).unwrap_or_default());
    let countries = RwSignal::new(from.map(|r| r.countries.clone()).unwrap_or_default());
    let tags = RwSignal::new(text(|r| r.tags.join(", ")));
    let links = RwSignal::new(text(|r| r.links.join("\n")));
    // From a group's page (`/knowledge/new?group=<id>`): shared with that group, if the member
    // may share there.
    let preset_group = from
        .is_none()
        .then(|| query_param("group").and_then(|raw| Uuid::parse_str(&raw).ok()))
        .flatten()
        .filter(|id| groups.iter().any(|g| g.id == *id));
    let visibility = RwSignal::new(match (from, preset_group) {
        (Some(r), _) => r.visibility,
        (None, Some(_)) => Visibility::Group,
        (None, None) => Visibility::Members,
    });
    let group_id = RwSignal::new(from.and_then(|r| r.group_id).or(preset_group));
    let is_new = existing.is_none();
    // The resource as the server last answered: what a save writes over.
    let saved = RwSignal::new(existing);
    let errors: Errors = RwSignal::new(Vec::new());
    let sent = StoredValue::new(None::<NewResource>);
    let failure = RwSignal::new(None::<String>);
    let files_failed = RwSignal::new(false);
    let pending = RwSignal::new(false);
    let uploads = Uploads::new();
    let strategies = StoredValue::new(strategies);
    let groups = StoredValue::new(groups);

    let status = Memo::new(move |_| saved.with(|r| r.as_ref().map(|r| r.status)));
    let invalid = move |field: &'static str| {
        Signal::derive(move || errors.with(|e| e.iter().any(|e| base_field(&e.field) == field)))
    };
    let aria_invalid = move |field: &'static str| {
        let invalid = invalid(field);
        move || invalid.get().then_some("true")
    };
    let shown_errors =
        move |field: &'static str, id: &'static str| field_errors(i18n, errors, sent, field, id);

    let report = move |error: ApiError| {
        let details = error.field_errors();
        if !details.is_empty() {
            focus_first_error(&details);
            errors.set(details);
            failure.set(Some(i18n.t(Key::FormHasErrors).to_owned()));
            return;
        }
        let message = match &error {
            ApiError::Status {
                status: 412,
                current,
                ..
            } => {
                // Saving again writes over what is there now, knowingly.
                if let Some(now) = current.as_ref().and_then(from_value::<Resource>) {
                    saved.set(Some(now));
                }
                i18n.t(Key::ResourceStaleForm).to_owned()
            }
            ApiError::Status {
                code: ErrorCode::RevisionPending,
                ..
            } => i18n.t(Key::RevisionPendingError).to_owned(),
            ApiError::Status { status: 409, .. } => i18n.t(Key::ResourceNotEditable).to_owned(),
            other => error_text(i18n, other),
        };
        failure.set(Some(message));
    };

    let submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        if pending.get_untracked() {
            return;
        }
        let visibility_now = visibility.get_untracked();
        let resource = NewResource {
            kind: kind.get_untracked(),
            title: title.get_untracked(),
            summary: summary.get_untracked(),
            body: body.get_untracked(),
            language: language.get_untracked(),
            strategies: chosen_strategies.get_untracked(),
            countries: countries.get_untracked(),
            tags: split_list(&tags.get_untracked(), ','),
            links: split_list(&links.get_untracked(), '\n'),
            visibility: visibility_now,
            group_id: if visibility_now == Visibility::Group {
                group_id.get_untracked()
            } else {
                None
            },
        };
        let known: BTreeSet<String> =
            strategies.with_value(|all| all.iter().map(|s| s.code.clone()).collect());
        let mut problems = resource.validate(&known).err().unwrap_or_default();
        if uploads.has_problem() {
            problems.push(FieldError::new("files", "too_large", "a file is too large"));
        }
        sent.set_value(Some(resource.clone()));
        failure.set(None);
        files_failed.set(false);
        if !problems.is_empty() {
            focus_first_error(&problems);
            errors.set(problems);
            failure.set(Some(i18n.t(Key::FormHasErrors).to_owned()));
            return;
        }
        errors.set(Vec::new());
        pending.set(true);
        spawn_local(async move {
            let answer = match saved.get_untracked() {
                Some(current) => {
                    api::knowledge::update(api, current.id, current.revision, &resource).await
                }
                None => api::knowledge::create(api, &resource).await,
            };
            let id = match answer {
                Ok(resource) => {
                    let id = resource.id;
                    saved.set(Some(resource));
                    id
                }
                Err(error) => {
                    report(error);
                    pending.set(false);
                    return;
                }
            };
            if uploads.send_all(api, id, i18n).await {
                // A moment with every bar full, then the resource's page.
                set_timeout(
                    move || router.navigate(&resource_href(id), false),
                    Duration::from_millis(400),
                );
            } else {
                // The files sent may have moved its revision.
                if let Ok(now) = api::knowledge::get(api, id).await {
                    saved.set(Some(now));
                }
                failure.set(Some(i18n.t(Key::FilesNotSent).to_owned()));
                files_failed.set(true);
                pending.set(false);
            }
        });
    };

    let heading = if is_new {
        Key::NewResourceTitle
    } else {
        Key::EditResourceTitle
    };
    let submit_label = move || {
        i18n.t(match status.get() {
            None => Key::SendForModeration,
            Some(ResourceStatus::Published) => Key::ProposeChange,
            Some(_) => Key::SaveResource,
        })
    };
    let cancel_href = move || {
        saved.with(|r| {
            r.as_ref()
                .map_or_else(|| "/knowledge".to_owned(), |r| resource_href(r.id))
        })
    };
    let failure_view = move || {
        failure.get().map(|message| {
            let link = files_failed.get().then(|| {
                view! { <a href=cancel_href()>{i18n.tx(Key::OpenResource)}</a> }
            });
            view! { <p class="alert alert-error" role="alert">{message} " " {link}</p> }
        })
    };
    let published_hint = move || {
        (status.get() == Some(ResourceStatus::Published)).then(|| {
            view! { <p class="alert alert-info">{i18n.tx(Key::EditPublishedHint)}</p> }
        })
    };

    view! {
        <section class="page resource-form-page">
            <p><a href=cancel_href>{i18n.tx(Key::BackToKnowledge)}</a></p>
            <h1>{i18n.tx(heading)}</h1>
            <p class="lead">{i18n.tx(Key::NewResourceIntro)}</p>
            {dynamic(published_hint)}
            <form class="panel resource-form" on:submit=submit novalidate data-testid="resource-form">
                {dynamic(failure_view)}
                <div class="form-grid">
                    <div class="field">
                        <label for="rf-kind">{i18n.tx(Key::ResourceKind)}</label>
                        <select
                            id="rf-kind"
                            on:change=move |ev| {
                                if let Some(k) = ResourceKind::parse(&event_target_value(&ev)) {
                                    kind.set(k);
                                }
                            }
                        >
                            {ResourceKind::ALL
                                .into_iter()
                                .map(|k| view! {
                                    <option value=k.as_str() prop:selected=move || kind.get() == k>
                                        {i18n.tx(kind_key(k))}
                                    </option>
                                })
                                .collect_view()}
                        </select>
                    </div>
                    <div class="field">
                        <label for="rf-language">{i18n.tx(Key::ResourceLanguage)}</label>
                        <select
                            id="rf-language"
                            on:change=move |ev| language.set(event_target_value(&ev))
                            aria-invalid=aria_invalid("language")
                        >
                            {Lang::all()
                                .map(|lang| view! {
                                    <option value=lang.code() lang=lang.code() prop:selected=move || language.with(|l| l == lang.code())>
                                        {lang.native_name()}
                                    </option>
                                })
                                .collect_view()}
                        </select>
                        {shown_errors("language", "rf-language-error")}
                    </div>
                    <div class="field field-wide">
                        <label for="rf-title">{i18n.tx(Key::ResourceTitle)}</label>
                        <input
                            id="rf-title"
                            type="text"
                            maxlength="200"
                            required
                            bind:value=title
                            aria-invalid=aria_invalid("title")
                            aria-describedby="rf-title-error"
                        />
                        {shown_errors("title", "rf-title-error")}
                    </div>
                    <div class="field field-wide">
                        <label for="rf-summary">{i18n.tx(Key::ResourceSummary)}</label>
                        <textarea
                            id="rf-summary"
                            rows="3"
                            maxlength="600"
                            bind:value=summary
                            aria-invalid=aria_invalid("summary")
                            aria-describedby="rf-summary-error"
                        ></textarea>
                        {shown_errors("summary", "rf-summary-error")}
                    </div>
                    <MarkdownField
                        value=body
                        id="rf-body"
                        label=Key::ResourceBody
                        invalid=invalid("body")
                        errors=shown_errors("body", "rf-body-error")
                    />
                    <fieldset class="checkbox-group field-wide">
                        <legend>{i18n.tx(Key::ResourceStrategies)}</legend>
                        <div class="checkbox-grid">
                            {strategies
                                .get_value()
                                .into_iter()
                                .enumerate()
                                .map(|(at, strategy)| {
                                    let code = strategy.code.clone();
                                    let value = code.clone();
                                    let checked = {
                                        let code = code.clone();
                                        move || chosen_strategies.with(|s| s.contains(&code))
                                    };
                                    let toggle = move |_| {
                                        chosen_strategies.update(|s| {
                                            if let Some(found) = s.iter().position(|c| *c == code) {
                                                s.remove(found);
                                            } else {
                                                s.push(code.clone());
                                            }
                                        })
                                    };
                                    view! {
                                        <label class="checkbox">
                                            <input
                                                type="checkbox"
                                                id=format!("rf-strategy-{at}")
                                                value=value
                                                prop:checked=checked
                                                on:change=toggle
                                            />
                                            {move || i18n.name(&strategy).to_owned()}
                                        </label>
                                    }
                                })
                                .collect_view()}
                        </div>
                        {shown_errors("strategies", "rf-strategies-error")}
                    </fieldset>
                    <CountryPicker
                        chosen=countries
                        invalid=invalid("countries")
                        errors=shown_errors("countries", "rf-countries-error")
                    />
                    <div class="field">
                        <label for="rf-tags">{i18n.tx(Key::ResourceTags)}</label>
                        <input
                            id="rf-tags"
                            type="text"
                            bind:value=tags
                            aria-invalid=aria_invalid("tags")
                            aria-describedby="rf-tags-hint rf-tags-error"
                        />
                        <p class="hint" id="rf-tags-hint">{i18n.tx(Key::TagsHint)}</p>
                        {shown_errors("tags", "rf-tags-error")}
                    </div>
                    <div class="field field-wide">
                        <label for="rf-links">{i18n.tx(Key::ResourceLinks)}</label>
                        <textarea
                            id="rf-links"
                            rows="3"
                            bind:value=links
                            aria-invalid=aria_invalid("links")
                            aria-describedby="rf-links-hint rf-links-error"
                        ></textarea>
                        <p class="hint" id="rf-links-hint">{i18n.tx(Key::LinksHint)}</p>
                        {shown_errors("links", "rf-links-error")}
                    </div>
                    <VisibilityField visibility=visibility group_id=group_id groups=groups invalid=invalid("group_id") errors=shown_errors("group_id", "rf-group-error") />
                    <div class="field-wide">
                        <ExistingFiles saved=saved />
                        <FileField uploads=uploads busy=pending />
                    </div>
                </div>
                <div class="form-actions">
                    <button type="submit" class="button button-primary" data-testid="submit-resource" disabled=move || pending.get()>
                        {submit_label}
                    </button>
                    <a class="button button-quiet" href=cancel_href>{i18n.tx(Key::Cancel)}</a>
                </div>
            </form>
        </section>
    }
}

/// Who may read the resource: everyone, the members, or one group (chosen among the member's).
#[component]
fn VisibilityField(
    visibility: RwSignal<Visibility>,
    group_id: RwSignal<Option<Uuid>>,
    groups: StoredValue<Vec<Group>>,
    invalid: Signal<bool>,
    errors: AnyView,
) -> impl IntoView {
    let i18n = use_i18n();
    let has_groups = groups.with_value(|g| !g.is_empty());
    let choice = move |value: Visibility| {
        let disabled = value == Visibility::Group && !has_groups;
        view! {
            <label class="checkbox">
                <input
                    type="radio"
                    name="rf-visibility"
                    id=format!("rf-visibility-{}", value.as_str())
                    value=value.as_str()
                    disabled=disabled
                    prop:checked=move || visibility.get() == value
                    on:change=move |_| visibility.set(value)
                />
                {i18n.tx(visibility_key(value))}
            </label>
        }
    };
    view! {
        <fieldset class="checkbox-group field-wide visibility">
            <legend>{i18n.tx(Key::ResourceVisibility)}</legend>
            {Visibility::ALL.into_iter().map(choice).collect_view()}
            {(!has_groups).then(|| view! { <p class="hint">{i18n.tx(Key::NoGroupToShare)}</p> })}
            <Show when=move || visibility.get() == Visibility::Group>
                <div class="field">
                    <label for="rf-group">{i18n.tx(Key::ResourceGroup)}</label>
                    <select
                        id="rf-group"
                        on:change=move |ev| group_id.set(Uuid::parse_str(&event_target_value(&ev)).ok())
                        aria-invalid=move || invalid.get().then_some("true")
                        aria-describedby="rf-group-error"
                    >
                        <option value="" prop:selected=move || group_id.get().is_none()>{i18n.tx(Key::ChooseGroup)}</option>
                        {groups
                            .get_value()
                            .into_iter()
                            .map(|g| view! {
                                <option value=g.id.to_string() prop:selected=move || group_id.get() == Some(g.id)>{g.name}</option>
                            })
                            .collect_view()}
                    </select>
                </div>
            </Show>
            {errors}
        </fieldset>
    }
}

/// The files already attached (on an edit): removable while the resource waits or was
/// returned; a published resource keeps its own.
#[component]
fn ExistingFiles(saved: RwSignal<Option<Resource>>) -> impl IntoView {
    let api = use_api();
    let i18n = use_i18n();
    let failure = RwSignal::new(None::<String>);
    let working = RwSignal::new(false);
    let remove = move |id: Uuid, file_id: Uuid| {
        working.set(true);
        failure.set(None);
        spawn_local(async move {
            match api::knowledge::delete_file(api, id, file_id).await {
                // Read again: the removal may have moved its revision.
                Ok(()) => match api::knowledge::get(api, id).await {
                    Ok(now) => saved.set(Some(now)),
                    Err(_) => saved.update(|r| {
                        if let Some(r) = r {
                            r.files.retain(|f| f.id != file_id);
                        }
                    }),
                },
                Err(error) => failure.set(Some(error_text(i18n, &error))),
            }
            working.set(false);
        });
    };
    let list = move || {
        let resource = saved.get()?;
        if resource.files.is_empty() {
            return None;
        }
        let removable = matches!(
            resource.status,
            ResourceStatus::Pending | ResourceStatus::Returned
        );
        let id = resource.id;
        Some(view! {
            <h3 class="table-title">{i18n.tx(Key::AttachedFiles)}</h3>
            <ul class="files">
                {resource
                    .files
                    .into_iter()
                    .map(|file| {
                        let label = i18n.fmt(Key::RemoveNamed, &[("name", &file.name)]);
                        let file_id = file.id;
                        view! {
                            <li>
                                <span class="upload-name">{file.name.clone()}</span>
                                " " <span class="muted">{file_size(file.size)}</span>
                                {removable.then(|| view! {
                                    " "
                                    <button
                                        type="button"
                                        class="button button-small button-quiet"
                                        aria-label=label
                                        disabled=move || working.get()
                                        on:click=move |_| remove(id, file_id)
                                    >
                                        {i18n.tx(Key::RemoveFile)}
                                    </button>
                                })}
                            </li>
                        }
                    })
                    .collect_view()}
            </ul>
        })
    };
    view! {
        {dynamic(list)}
        {dynamic(move || failure.get().map(|m| view! { <ErrorAlert message=m /> }))}
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_typed_as_text_lose_their_blanks() {
        assert_eq!(
            split_list(" écoles, sécurité ,, ", ','),
            ["écoles", "sécurité"]
        );
        assert_eq!(
            split_list("https://a.example\n\n  https://b.example  \r\n", '\n'),
            ["https://a.example", "https://b.example"]
        );
        assert!(split_list("  ", ',').is_empty());
    }

    #[test]
    fn errors_land_at_their_field_with_the_item_they_are_about() {
        assert_eq!(base_field("links[2]"), "links");
        assert_eq!(base_field("title"), "title");
        assert_eq!(item_index("links[2]"), Some(2));
        assert_eq!(item_index("links"), None);
        let i18n = I18n::for_tests();
        let sent = NewResource {
            kind: ResourceKind::Tool,
            title: "A tool".into(),
            summary: String::new(),
            body: String::new(),
            language: "en".into(),
            strategies: Vec::new(),
            countries: Vec::new(),
            tags: Vec::new(),
            links: vec!["https://ok.example".into(), "ftp://old.example".into()],
            visibility: Visibility::Members,
            group_id: None,
        };
        let known = BTreeSet::new();
        let errors = sent.validate(&known).err().unwrap_or_default();
        assert_eq!(
            messages(i18n, &errors, Some(&sent), "links"),
            ["ftp://old.example — A link is an address starting with http:// or https://."]
        );
        assert!(messages(i18n, &errors, Some(&sent), "title").is_empty());
        let missing = vec![FieldError::new("title", "required", "required")];
        assert_eq!(
            messages(i18n, &missing, None, "title"),
            ["This field is required."]
        );
    }
}
