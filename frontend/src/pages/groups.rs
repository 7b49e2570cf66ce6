//! `/groups`: the thematic groups (the secretariat creates them), and `/groups/<id>`: a group
//! with its members and moderators (the secretariat names and removes them).

use leptos::ev::SubmitEvent;
use leptos::prelude::*;
use leptos::task::spawn_local;
use pioneer_domain::FieldError;
use pioneer_domain::groups::{
    Group, GroupRole, MAX_JOIN_MESSAGE_CHARS, NewGroup, NewGroupMember, can_manage_groups,
    can_see_members, may_moderate_members, may_remove_member,
};
use uuid::Uuid;

use crate::api::{self, use_api};
use crate::components::{DataTable, Row};
use crate::i18n::{I18n, Key, use_i18n};
use crate::loader::Loader;
use crate::pages::discussions::GroupDiscussions;
use crate::pages::events::GroupEvents;
use crate::pages::form::{Errors, Pager, described_by, field_message, is_invalid};
use crate::pages::knowledge::GroupResources;
use crate::pages::{ErrorAlert, confirm, dynamic, error_text};
use crate::router::{A, Route, group_href, group_id_in, use_router};

fn role_key(role: GroupRole) -> Key {
    match role {
        GroupRole::Member => Key::GroupMember,
        GroupRole::Moderator => Key::GroupModerator,
    }
}

/// Whether the signed-in member runs groups (the secretariat, admins).
fn runs_groups(api: api::Api) -> bool {
    api.user()
        .with(|u| u.as_ref().is_some_and(|u| can_manage_groups(u.role)))
}

fn counts(i18n: I18n, group: &Group) -> String {
    i18n.fmt(
        Key::GroupCounts,
        &[
            ("members", &group.members_count.to_string()),
            ("moderators", &group.moderators_count.to_string()),
        ],
    )
}

#[component]
pub fn GroupsPage() -> impl IntoView {
    let api = use_api();
    let i18n = use_i18n();
    let page = RwSignal::new(1u64);
    let reload = RwSignal::new(0u32);
    let groups = Loader::new(move || {
        reload.track();
        let page = page.get();
        async move { api::groups::list(api, page).await }
    });
    let total = Signal::derive(move || {
        groups
            .get()
            .and_then(Result::ok)
            .map(|p| p.total)
            .unwrap_or(0)
    });

    let list = move || match groups.get() {
        None => view! { <p class="muted">{i18n.tx(Key::Loading)}</p> }.into_any(),
        Some(Err(error)) => view! { <ErrorAlert message=error_text(i18n, &error) /> }.into_any(),
        Some(Ok(page)) if page.items.is_empty() => {
            view! { <p class="muted" data-testid="groups-empty">{i18n.tx(Key::GroupsEmpty)}</p> }
                .into_any()
        }
        Some(Ok(page)) => view! {
            <ul class="cards" data-testid="groups-list">
                {page.items.into_iter().map(|group| {
                    let mine = group.my_role.map(|role| view! {
                        <span class="badge badge-accent">{i18n.tx(role_key(role))}</span>
                    });
                    let summary = counts(i18n, &group);
                    view! {
                        <li class="card" data-testid="group-card">
                            <h3><A href=group_href(group.id)>{group.name.clone()}</A></h3>
                            <p>{group.description.clone()}</p>
                            <p class="muted">{summary} " " {mine}</p>
                        </li>
                    }
                }).collect_view()}
            </ul>
        }
        .into_any(),
    };

    view! {
        <section class="page" data-testid="groups">
            <h1>{i18n.tx(Key::GroupsTitle)}</h1>
            <p class="lead">{i18n.tx(Key::GroupsIntro)}</p>
            {dynamic(list)}
            <Pager page=page total=total per_page=api::groups::PER_PAGE />
            <Show when=move || runs_groups(api)>
                <NewGroupForm on_created=Callback::new(move |_| reload.update(|n| *n += 1)) />
            </Show>
        </section>
    }
}

#[component]
fn NewGroupForm(on_created: Callback<Group>) -> impl IntoView {
    let api = use_api();
    let i18n = use_i18n();
    let name = RwSignal::new(String::new());
    let description = RwSignal::new(String::new());
    let errors: Errors = RwSignal::new(Vec::new());
    let failure = RwSignal::new(None::<String>);
    let created = RwSignal::new(None::<String>);
    let pending = RwSignal::new(false);

    let submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        if pending.get_untracked() {
            return;
        }
        let group = NewGroup {
            name: name.get_untracked(),
            description: description.get_untracked(),
        };
        if let Err(problems) = group.validate() {
            errors.set(problems);
            return;
        }
        errors.set(Vec::new());
        failure.set(None);
        created.set(None);
        pending.set(true);
        spawn_local(async move {
            match api::groups::create(api, &group).await {
                Ok(group) => {
                    created.set(Some(group.name.clone()));
                    name.set(String::new());
                    description.set(String::new());
                    on_created.run(group);
                }
                Err(error) if !error.field_errors().is_empty() => errors.set(error.field_errors()),
                Err(error) => failure.set(Some(error_text(i18n, &error))),
            }
            pending.set(false);
        });
    };

    view! {
        <form class="panel" on:submit=submit novalidate data-testid="new-group">
            <h2>{i18n.tx(Key::NewGroupTitle)}</h2>
            {dynamic(move || failure.get().map(|m| view! { <ErrorAlert message=m /> }))}
            {dynamic(move || created.get().map(|n| view! {
                <p class="alert alert-ok" role="status">{i18n.fmt(Key::GroupCreated, &[("name", &n)])}</p>
            }))}
            <div class="field">
                <label for="group-name">{i18n.tx(Key::GroupName)}</label>
                <input
                    id="group-name"
                    type="text"
                    maxlength="120"
                    required
                    bind:value=name
                    aria-invalid=is_invalid(errors, "name")
                    aria-describedby=described_by(errors, "name", "group-name-error")
                />
                {field_message(i18n, errors, "name", "group-name-error")}
            </div>
            <div class="field">
                <label for="group-description">{i18n.tx(Key::GroupDescription)}</label>
                <textarea
                    id="group-description"
                    rows="3"
                    maxlength="2000"
                    bind:value=description
                    aria-invalid=is_invalid(errors, "description")
                    aria-describedby=described_by(errors, "description", "group-description-error")
                ></textarea>
                {field_message(i18n, errors, "description", "group-description-error")}
            </div>
            <div class="form-actions">
                <button type="submit" class="button button-primary" disabled=pending>
                    {i18n.tx(Key::CreateGroup)}
                </button>
            </div>
        </form>
    }
}

#[component]
pub fn GroupPage() -> impl IntoView {
    let api = use_api();
    let i18n = use_i18n();
    let path = use_router().path();
    // Kept while the page leaves, so that nothing loads for a path that is not a group's.
    let id = Memo::new(move |previous: Option<&Option<Uuid>>| {
        path.with(|p| {
            if Route::of(p) == Route::Group {
                group_id_in(p)
            } else {
                previous.copied().flatten()
            }
        })
    });
    let reload = RwSignal::new(0u32);
    let page = RwSignal::new(1u64);
    let group = Loader::new(move || {
        reload.track();
        let id = id.get();
        async move {
            match id {
                Some(id) => api::groups::get(api, id).await.map(Some),
                None => Ok(None),
            }
        }
    });
    let members = Loader::new(move || {
        reload.track();
        let (id, page) = (id.get(), page.get());
        let visible = group.get().and_then(Result::ok).flatten().is_some_and(|g| {
            api.user().with_untracked(|u| {
                u.as_ref()
                    .is_some_and(|u| can_see_members(u.role, g.my_role))
            })
        });
        async move {
            match id {
                Some(id) if visible => api::groups::members(api, id, page).await.map(Some),
                _ => Ok(None),
            }
        }
    });
    let total = Signal::derive(move || {
        members
            .get()
            .and_then(Result::ok)
            .flatten()
            .map(|p| p.total)
            .unwrap_or(0)
    });
    let failure = RwSignal::new(None::<String>);
    let working = RwSignal::new(None::<Uuid>);
    // Its members take part in its discussions; the secretariat reads them too.
    let my_role = Signal::derive(move || {
        group
            .get()
            .and_then(Result::ok)
            .flatten()
            .and_then(|g| g.my_role)
    });
    let loaded_id =
        Signal::derive(move || group.get().and_then(Result::ok).flatten().map(|g| g.id));
    let reads_discussions =
        move || loaded_id.get().is_some() && (my_role.get().is_some() || runs_groups(api));

    let remove = move |user_id: Uuid, name: String| {
        let Some(group_id) = id.get_untracked() else {
            return;
        };
        if !confirm(&i18n.fmt(Key::RemoveFromGroupConfirm, &[("name", &name)])) {
            return;
        }
        working.set(Some(user_id));
        failure.set(None);
        spawn_local(async move {
            match api::groups::remove_member(api, group_id, user_id).await {
                Ok(()) => reload.update(|n| *n += 1),
                Err(error) => failure.set(Some(error_text(i18n, &error))),
            }
            working.set(None);
        });
    };

    let member_table = move || {
        let page = match members.get() {
            None => return view! { <p class="muted">{i18n.tx(Key::Loading)}</p> }.into_any(),
            Some(Err(error)) => {
                return view! { <ErrorAlert message=error_text(i18n, &error) /> }.into_any();
            }
            Some(Ok(None)) => return ().into_any(),
            Some(Ok(Some(page))) => page,
        };
        if page.items.is_empty() {
            return view! {
                <h2>{i18n.tx(Key::GroupMembers)}</h2>
                <p class="muted" data-testid="group-no-member">{i18n.tx(Key::GroupNoMember)}</p>
            }
            .into_any();
        }
        let (role, mine) = (
            api.user().with_untracked(|u| u.as_ref().map(|u| u.role)),
            my_role.get_untracked(),
        );
        let rows: Vec<Row> = page
            .items
            .into_iter()
            .map(|member| {
                let (user_id, name) = (member.user_id, member.name.clone());
                let manage = role.is_some_and(|role| may_remove_member(role, mine, member.role));
                let action = manage.then(|| {
                    let label = member.name.clone();
                    view! {
                        <button
                            type="button"
                            class="button button-small button-danger"
                            data-testid="remove-member"
                            disabled=move || working.get().is_some()
                            on:click=move |_| remove(user_id, name.clone())
                        >
                            {i18n.tx(Key::RemoveFromGroup)}
                            <span class="visually-hidden">" — " {label}</span>
                        </button>
                    }
                });
                vec![
                    view! { <strong>{member.name}</strong> }.into_any(),
                    view! { <a href=format!("mailto:{}", member.email)>{member.email.clone()}</a> }
                        .into_any(),
                    member.country_code.unwrap_or_default().into_any(),
                    i18n.t(role_key(member.role)).to_owned().into_any(),
                    action.into_any(),
                ]
            })
            .collect();
        view! {
            <h2>{i18n.tx(Key::GroupMembers)}</h2>
            <DataTable
                testid="group-members"
                caption=Key::GroupMembers
                columns=vec![Key::Name, Key::Email, Key::Country, Key::GroupRoleLabel, Key::Actions]
                rows=rows
            />
        }
        .into_any()
    };

    let header = move || match group.get() {
        None => view! { <p class="muted">{i18n.tx(Key::Loading)}</p> }.into_any(),
        Some(Err(error)) => view! { <ErrorAlert message=error_text(i18n, &error) /> }.into_any(),
        Some(Ok(None)) => view! { <p>{i18n.tx(Key::NotFoundBody)}</p> }.into_any(),
        Some(Ok(Some(g))) => {
            let mine = g.my_role.map(|role| view! {
                <span class="badge badge-accent" data-testid="my-group-role">{i18n.tx(role_key(role))}</span>
            });
            let summary = counts(i18n, &g);
            view! {
                <div class="page-title">
                    <h1 data-testid="group-name">{g.name.clone()}</h1>
                    {mine}
                </div>
                <p class="lead">{g.description.clone()}</p>
                <p class="muted" data-testid="group-counts">{summary}</p>
            }
            .into_any()
        }
    };

    view! {
        <section class="page" data-testid="group">
            <p><A href="/groups">{i18n.tx(Key::AllGroups)}</A></p>
            {dynamic(header)}
            {dynamic(move || failure.get().map(|m| view! { <ErrorAlert message=m /> }))}
            {dynamic(move || group.get().and_then(Result::ok).flatten().map(|g| view! {
                <JoinPanel group=g reload=reload />
            }))}
            <Show when=move || {
                loaded_id.get().is_some()
                    && api.user().with(|u| u.as_ref().is_some_and(|u| may_moderate_members(u.role, my_role.get())))
            }>
                <JoinRequests group_id=loaded_id reload=reload />
            </Show>
            <Show when=reads_discussions>
                <GroupDiscussions
                    group_id=loaded_id
                    member=Signal::derive(move || my_role.get().is_some())
                />
                <GroupResources
                    group_id=loaded_id
                    shares=Signal::derive(move || my_role.get().is_some() || runs_groups(api))
                />
                <GroupEvents group_id=loaded_id my_role=my_role />
            </Show>
            {dynamic(member_table)}
            <Pager page=page total=total per_page=api::groups::PER_PAGE />
            <Show when=move || runs_groups(api) && id.get().is_some()>
                <AddMemberForm
                    group_id=Signal::derive(move || id.get())
                    on_added=Callback::new(move |()| reload.update(|n| *n += 1))
                />
            </Show>
        </section>
    }
}

#[component]
fn AddMemberForm(group_id: Signal<Option<Uuid>>, on_added: Callback<()>) -> impl IntoView {
    let api = use_api();
    let i18n = use_i18n();
    let email = RwSignal::new(String::new());
    let role = RwSignal::new(GroupRole::Member);
    let errors: Errors = RwSignal::new(Vec::new());
    let failure = RwSignal::new(None::<String>);
    let added = RwSignal::new(None::<String>);
    let pending = RwSignal::new(false);

    let submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        let Some(id) = group_id.get_untracked() else {
            return;
        };
        if pending.get_untracked() {
            return;
        }
        let member = NewGroupMember {
            user_email: email.get_untracked().trim().to_owned(),
            role: role.get_untracked(),
        };
        if member.user_email.is_empty() {
            errors.set(vec![FieldError::new("user_email", "required", "required")]);
            return;
        }
        if let Err(problems) = member.email() {
            errors.set(problems);
            return;
        }
        errors.set(Vec::new());
        failure.set(None);
        added.set(None);
        pending.set(true);
        spawn_local(async move {
            match api::groups::put_member(api, id, &member).await {
                Ok(entry) => {
                    added.set(Some(entry.name));
                    email.set(String::new());
                    on_added.run(());
                }
                Err(error) if !error.field_errors().is_empty() => errors.set(error.field_errors()),
                Err(error) => failure.set(Some(error_text(i18n, &error))),
            }
            pending.set(false);
        });
    };

    view! {
        <form class="panel" on:submit=submit novalidate data-testid="add-member">
            <h2>{i18n.tx(Key::AddToGroup)}</h2>
            <p class="hint">{i18n.tx(Key::AddToGroupHint)}</p>
            {dynamic(move || failure.get().map(|m| view! { <ErrorAlert message=m /> }))}
            {dynamic(move || added.get().map(|n| view! {
                <p class="alert alert-ok" role="status">{i18n.fmt(Key::AddedToGroup, &[("name", &n)])}</p>
            }))}
            <div class="form-grid">
                <div class="field">
                    <label for="member-email">{i18n.tx(Key::Email)}</label>
                    <input
                        id="member-email"
                        type="email"
                        autocomplete="off"
                        required
                        bind:value=email
                        aria-invalid=is_invalid(errors, "user_email")
                        aria-describedby=described_by(errors, "user_email", "member-email-error")
                    />
                    {field_message(i18n, errors, "user_email", "member-email-error")}
                </div>
                <div class="field">
                    <label for="member-role">{i18n.tx(Key::GroupRoleLabel)}</label>
                    <select
                        id="member-role"
                        on:change=move |ev| {
                            if let Some(r) = GroupRole::parse(&event_target_value(&ev)) {
                                role.set(r);
                            }
                        }
                    >
                        {GroupRole::ALL
                            .into_iter()
                            .map(|r| view! {
                                <option value=r.as_str() prop:selected=move || role.get() == r>{i18n.tx(role_key(r))}</option>
                            })
                            .collect_view()}
                    </select>
                </div>
            </div>
            <div class="form-actions">
                <button type="submit" class="button button-primary" disabled=pending>
                    {i18n.tx(Key::AddToGroup)}
                </button>
            </div>
        </form>
    }
}

/// For one who is not in the group: ask to join (with a note for its moderators), or see that
/// the request waits.
#[component]
fn JoinPanel(group: Group, reload: RwSignal<u32>) -> impl IntoView {
    let api = use_api();
    let i18n = use_i18n();
    let message = RwSignal::new(String::new());
    let errors: Errors = RwSignal::new(Vec::new());
    let failure = RwSignal::new(None::<String>);
    let pending = RwSignal::new(false);
    let runs = runs_groups(api);
    if group.my_role.is_some() || runs {
        return ().into_any();
    }
    if group.join_requested {
        return view! {
            <p class="alert alert-info" data-testid="join-requested">{i18n.tx(Key::JoinRequestWaiting)}</p>
        }
        .into_any();
    }
    let id = group.id;
    let submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        if pending.get_untracked() {
            return;
        }
        pending.set(true);
        errors.set(Vec::new());
        failure.set(None);
        spawn_local(async move {
            match api::groups::ask_to_join(api, id, &message.get_untracked()).await {
                Ok(_) => {
                    let _ = reload.try_update(|n| *n += 1);
                }
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
        <form class="panel" on:submit=submit novalidate data-testid="join-form">
            <h2>{i18n.tx(Key::JoinGroupTitle)}</h2>
            <p class="hint">{i18n.tx(Key::JoinGroupIntro)}</p>
            {dynamic(move || failure.get().map(|m| view! { <ErrorAlert message=m /> }))}
            <div class="field">
                <label for="join-message">{i18n.tx(Key::JoinMessageLabel)}</label>
                <textarea id="join-message" rows="3" maxlength=MAX_JOIN_MESSAGE_CHARS.to_string()
                    bind:value=message
                    aria-invalid=is_invalid(errors, "message")
                    aria-describedby=described_by(errors, "message", "join-message-error")></textarea>
                {field_message(i18n, errors, "message", "join-message-error")}
            </div>
            <div class="form-actions">
                <button type="submit" class="button button-primary" disabled=pending data-testid="ask-to-join">
                    {i18n.tx(Key::AskToJoin)}
                </button>
            </div>
        </form>
    }
    .into_any()
}

/// The requests to join waiting for an answer, for the group's moderators and the secretariat.
#[component]
fn JoinRequests(
    #[prop(into)] group_id: Signal<Option<Uuid>>,
    reload: RwSignal<u32>,
) -> impl IntoView {
    let api = use_api();
    let i18n = use_i18n();
    let working = RwSignal::new(None::<Uuid>);
    let failure = RwSignal::new(None::<String>);
    let requests = Loader::new(move || {
        reload.track();
        let id = group_id.get();
        async move {
            match id {
                Some(id) => api::groups::pending_requests(api, id).await.map(Some),
                None => Ok(None),
            }
        }
    });
    let decide = move |request_id: Uuid, approve: bool| {
        let Some(id) = group_id.get_untracked() else {
            return;
        };
        working.set(Some(request_id));
        failure.set(None);
        spawn_local(async move {
            match api::groups::decide(api, id, request_id, approve).await {
                Ok(_) => {
                    let _ = reload.try_update(|n| *n += 1);
                }
                Err(error) => {
                    let _ = failure.try_set(Some(error_text(i18n, &error)));
                }
            }
            let _ = working.try_set(None);
        });
    };
    let list = move || match requests.get() {
        Some(Ok(Some(page))) if !page.items.is_empty() => {
            let items = page
                .items
                .into_iter()
                .map(|request| {
                    let rid = request.id;
                    let note = (!request.message.is_empty()).then(|| view! { <p class="prose">{request.message.clone()}</p> });
                    let asked = i18n.fmt(Key::JoinAskedOn, &[("date", &i18n.date(&request.created_at))]);
                    view! {
                        <li class="result" data-testid="join-request">
                            <p class="result-title"><strong>{request.name.clone()}</strong>
                                {request.country_code.clone().map(|c| view! { " · " {c} })}</p>
                            <p class="result-meta">{asked}</p>
                            {note}
                            <div class="row-actions">
                                <button type="button" class="button button-small button-primary" data-testid="approve-request"
                                    disabled=move || working.get() == Some(rid) on:click=move |_| decide(rid, true)>
                                    {i18n.tx(Key::ApproveRequest)}
                                </button>
                                <button type="button" class="button button-small button-quiet" data-testid="decline-request"
                                    disabled=move || working.get() == Some(rid) on:click=move |_| decide(rid, false)>
                                    {i18n.tx(Key::DeclineRequest)}
                                </button>
                            </div>
                        </li>
                    }
                })
                .collect_view();
            view! {
                <section class="panel" data-testid="join-requests" aria-labelledby="join-requests-title">
                    <h2 id="join-requests-title">{i18n.tx(Key::JoinRequestsTitle)}</h2>
                    {dynamic(move || failure.get().map(|m| view! { <ErrorAlert message=m /> }))}
                    <ul class="results">{items}</ul>
                </section>
            }
            .into_any()
        }
        Some(Err(error)) => view! { <ErrorAlert message=error_text(i18n, &error) /> }.into_any(),
        _ => ().into_any(),
    };
    dynamic(list)
}
