//! `/countries/<code>` (public): a country's profile: whether it is a pioneer and since when, its
//! focal points (their names for members only), its roadmap and its reports.
//! `/countries/<code>/team` (its focal points, the secretariat, admins): the team, the pending
//! invitations, inviting, handing over the focal-point role, deactivating a member.

use leptos::ev::SubmitEvent;
use leptos::prelude::*;
use leptos::task::spawn_local;
use pioneer_domain::membership::invitation::{NewInvitation, can_manage_team};
use pioneer_domain::membership::profile::{CountryProfile, Team, TeamMember, can_take_over};
use pioneer_domain::{ErrorCode, FieldError, Role};
use uuid::Uuid;

use crate::api::{self, ApiError, use_api};
use crate::components::{DataTable, Row, StatusBadge};
use crate::i18n::{I18n, Key, Lang, use_i18n};
use crate::loader::Loader;
use crate::pages::form::{Errors, described_by, field_message, is_invalid};
use crate::pages::roadmap::{country_name, load_countries};
use crate::pages::{ErrorAlert, confirm, dynamic, error_text};
use crate::router::{
    Route, country_code_in, country_href, report_href, roadmap_href, team_href, trend_href,
    use_router,
};

/// The country of the page shown (kept while the page goes away).
fn use_country_code(route: Route) -> Memo<Option<String>> {
    let path = use_router().path();
    Memo::new(move |previous: Option<&Option<String>>| {
        path.with(|p| {
            if Route::of(p) == route {
                country_code_in(p)
            } else {
                previous.cloned().flatten()
            }
        })
    })
}

/// The country's name in the current language, else as the server wrote it.
fn localized_name(
    countries: &[pioneer_domain::reference::Country],
    i18n: I18n,
    code: &str,
    fallback: &str,
) -> String {
    let name = country_name(countries, i18n, code);
    if name == code {
        fallback.to_owned()
    } else {
        name
    }
}

#[component]
pub fn CountryProfilePage() -> impl IntoView {
    let api = use_api();
    let i18n = use_i18n();
    let code = use_country_code(Route::CountryProfile);
    let profile = Loader::new(move || {
        let code = code.get();
        async move {
            match code {
                Some(code) => api::membership::teams::profile(api, &code).await.map(Some),
                None => Ok(None),
            }
        }
    });
    let body = move || match profile.get() {
        None => view! { <p class="muted">{i18n.tx(Key::Loading)}</p> }.into_any(),
        Some(Err(ApiError::Status { status: 404, .. })) | Some(Ok(None)) => {
            view! { <p>{i18n.tx(Key::NotFoundBody)}</p> }.into_any()
        }
        Some(Err(error)) => view! { <ErrorAlert message=error_text(i18n, &error) /> }.into_any(),
        Some(Ok(Some(profile))) => view! { <ProfileView profile=profile /> }.into_any(),
    };
    view! { <section class="page" data-testid="country-profile">{dynamic(body)}</section> }
}

#[component]
fn ProfileView(profile: CountryProfile) -> impl IntoView {
    let api = use_api();
    let i18n = use_i18n();
    let user = api.user();
    let countries = Loader::new(move || load_countries(api));
    let code = profile.code.clone();
    let manages = {
        let code = code.clone();
        move || {
            user.with(|u| {
                u.as_ref()
                    .is_some_and(|u| can_manage_team(u.role, u.country_code.as_deref(), &code))
            })
        }
    };
    let name = {
        let (code, fallback) = (code.clone(), profile.name.clone());
        move || localized_name(&countries.get().unwrap_or_default(), i18n, &code, &fallback)
    };
    let region = profile.region.clone();
    let joined = profile.joined_on;
    let focal_points = if profile.focal_points.is_empty() {
        view! { <p class="muted">{i18n.tx(Key::NoFocalPoint)}</p> }.into_any()
    } else {
        view! {
            <ul class="people" data-testid="focal-points">
                {profile
                    .focal_points
                    .into_iter()
                    .map(|fp| {
                        let who = match (fp.name, fp.title) {
                            (Some(name), Some(title)) => Some(format!("{name}, {title}")),
                            (Some(name), None) => Some(name),
                            (None, Some(title)) => Some(title),
                            (None, None) => None,
                        };
                        let ministry = fp.ministry;
                        view! {
                            <li>
                                {who.map(|w| view! { <strong>{w}</strong> })}
                                {ministry.map(|m| view! { <span class="muted">{m}</span> })}
                            </li>
                        }
                    })
                    .collect_view()}
            </ul>
        }
        .into_any()
    };
    let roadmap = match profile.roadmap {
        Some(roadmap) => {
            let version = roadmap.version.to_string();
            view! {
                <p>
                    <a href=roadmap_href(roadmap.id) data-testid="profile-roadmap">{roadmap.title}</a>
                    " · " {move || i18n.fmt(Key::VersionN, &[("n", &version)])} " "
                    <StatusBadge status=roadmap.status.as_str() label=I18n::roadmap_status_key(roadmap.status) />
                </p>
            }
            .into_any()
        }
        None => view! { <p class="muted">{i18n.tx(Key::NoRoadmapYet)}</p> }.into_any(),
    };
    let reports = if profile.reports.is_empty() {
        view! { <p class="muted">{i18n.tx(Key::NoReportYet)}</p> }.into_any()
    } else {
        view! {
            <ul class="inline-list" data-testid="profile-reports">
                {profile
                    .reports
                    .into_iter()
                    .map(|r| {
                        let year = r.year.to_string();
                        view! {
                            <li>
                                <a href=report_href(r.id)>{move || i18n.fmt(Key::ReportTitle, &[("year", &year)])}</a>
                                " "
                                <StatusBadge status=r.status.as_str() label=I18n::report_status_key(r.status) />
                            </li>
                        }
                    })
                    .collect_view()}
            </ul>
        }
        .into_any()
    };
    let pioneer = profile.pioneer;
    view! {
        <div class="page-head">
            <h1 data-testid="country-name">{name}</h1>
            {pioneer.then(|| view! { <span class="badge badge-accent">{i18n.tx(Key::PioneerCountry)}</span> })}
        </div>
        <dl class="details">
            <dt>{i18n.tx(Key::Code)}</dt>
            <dd><code>{code.clone()}</code></dd>
            <dt>{i18n.tx(Key::Region)}</dt>
            <dd>{move || i18n.region(&region)}</dd>
            <dt>{i18n.tx(Key::JoinedOn)}</dt>
            <dd>{move || joined.map(|d| i18n.day(&d)).unwrap_or_else(|| "—".into())}</dd>
        </dl>
        <p class="cycle-links">
            {pioneer.then(|| view! { <a href=trend_href(&code)>{i18n.tx(Key::TrendLink)}</a> })}
            {
                let code = code.clone();
                move || manages().then(|| view! {
                    " " <a href=team_href(&code) data-testid="team-link">{i18n.tx(Key::ManageTeam)}</a>
                })
            }
        </p>
        <section class="panel">
            <h2>{i18n.tx(Key::FocalPoints)}</h2>
            {focal_points}
        </section>
        <section class="panel">
            <h2>{i18n.tx(Key::NavRoadmaps)}</h2>
            {roadmap}
        </section>
        <section class="panel">
            <h2>{i18n.tx(Key::NavReports)}</h2>
            {reports}
        </section>
    }
}

#[component]
pub fn TeamPage() -> impl IntoView {
    let api = use_api();
    let i18n = use_i18n();
    let code = use_country_code(Route::CountryTeam);
    let countries = Loader::new(move || load_countries(api));
    let reload = RwSignal::new(0u32);
    let loaded = Loader::new(move || {
        reload.track();
        let code = code.get();
        async move {
            match code {
                Some(code) => api::membership::teams::team(api, &code).await.map(Some),
                None => Ok(None),
            }
        }
    });
    // What the last action answered (a handover answers the team), else what was loaded.
    let answered = RwSignal::new(None::<Team>);
    let on_change = Callback::new(move |team: Option<Team>| match team {
        Some(team) => answered.set(Some(team)),
        None => {
            answered.set(None);
            reload.update(|n| *n += 1);
        }
    });

    let title = move || {
        let code = code.get().unwrap_or_default();
        let name = country_name(&countries.get().unwrap_or_default(), i18n, &code);
        i18n.fmt(Key::TeamTitle, &[("country", &name)])
    };

    let body = move || {
        if let Some(team) = answered.get() {
            return view! { <TeamView team=team on_change=on_change /> }.into_any();
        }
        match loaded.get() {
            None => view! { <p class="muted">{i18n.tx(Key::Loading)}</p> }.into_any(),
            Some(Err(error)) => {
                view! { <ErrorAlert message=error_text(i18n, &error) /> }.into_any()
            }
            Some(Ok(None)) => view! { <p>{i18n.tx(Key::NotFoundBody)}</p> }.into_any(),
            Some(Ok(Some(team))) => view! { <TeamView team=team on_change=on_change /> }.into_any(),
        }
    };

    view! {
        <section class="page" data-testid="team">
            <div class="page-head">
                <h1>{title}</h1>
                {move || code.get().map(|c| view! { <a href=country_href(&c)>{i18n.tx(Key::CountryProfile)}</a> })}
            </div>
            <p class="lead">{i18n.tx(Key::TeamIntro)}</p>
            {dynamic(body)}
            {move || {
                let code = code.get()?;
                let manages = api.user().with(|u| {
                    u.as_ref()
                        .is_some_and(|u| can_manage_team(u.role, u.country_code.as_deref(), &code))
                });
                manages.then(|| view! { <InviteForm code=code on_change=on_change /> })
            }}
        </section>
    }
}

#[component]
fn TeamView(team: Team, on_change: Callback<Option<Team>>) -> impl IntoView {
    let api = use_api();
    let i18n = use_i18n();
    let user = api.user();
    let me = user.get_untracked();
    let code = team.country_code.clone();
    let my_id = me.as_ref().map(|u| u.id);
    // A focal point who hands over may stay one.
    let own_team = me.as_ref().is_some_and(|u| {
        u.role == Role::CountryFocalPoint && u.country_code.as_deref() == Some(code.as_str())
    });
    let keep_role = RwSignal::new(false);
    let failure = RwSignal::new(None::<String>);
    let working = RwSignal::new(false);

    let handover = {
        let code = code.clone();
        move |member: Uuid, name: String| {
            if !confirm(&i18n.fmt(Key::HandoverConfirm, &[("name", &name)])) {
                return;
            }
            let code = code.clone();
            let keep = keep_role.get_untracked();
            working.set(true);
            failure.set(None);
            spawn_local(async move {
                match api::membership::teams::handover(api, &code, member, keep).await {
                    Ok(team) => {
                        // The member's own role may have changed.
                        api.reload_user().await;
                        on_change.run(Some(team));
                    }
                    Err(error) => failure.set(Some(team_error(i18n, &error))),
                }
                working.set(false);
            });
        }
    };
    let deactivate = {
        let code = code.clone();
        move |member: Uuid, name: String| {
            if !confirm(&i18n.fmt(Key::DeactivateConfirm, &[("name", &name)])) {
                return;
            }
            let code = code.clone();
            working.set(true);
            failure.set(None);
            spawn_local(async move {
                match api::membership::teams::deactivate(api, &code, member).await {
                    Ok(()) => on_change.run(None),
                    Err(error) => failure.set(Some(team_error(i18n, &error))),
                }
                working.set(false);
            });
        }
    };
    let cancel = move |invitation: Uuid, email: String| {
        if !confirm(&i18n.fmt(Key::CancelInvitationConfirm, &[("email", &email)])) {
            return;
        }
        working.set(true);
        failure.set(None);
        spawn_local(async move {
            match api::membership::invitations::cancel(api, invitation).await {
                Ok(()) => on_change.run(None),
                Err(error) => failure.set(Some(team_error(i18n, &error))),
            }
            working.set(false);
        });
    };

    let can_hand_over = team
        .members
        .iter()
        .any(|m| can_take_over(m.role, Some(code.as_str()), m.active, &code));
    let rows: Vec<Row> =
        team.members
            .into_iter()
            .map(|member: TeamMember| {
                let TeamMember {
                    id,
                    name,
                    email,
                    role,
                    ministry,
                    title,
                    active,
                    two_factor,
                } = member;
                let is_me = my_id == Some(id);
                let takes_over = can_take_over(role, Some(code.as_str()), active, &code);
                let handover = handover.clone();
                let deactivate = deactivate.clone();
                let (hand_name, off_name) = (name.clone(), name.clone());
                let actions = view! {
                    <div class="row-actions">
                        {takes_over.then(|| view! {
                            <button
                                type="button"
                                class="button button-small"
                                data-testid="handover"
                                disabled=move || working.get()
                                on:click=move |_| handover(id, hand_name.clone())
                            >
                                {i18n.tx(Key::MakeFocalPoint)}
                                <span class="visually-hidden">" — " {name.clone()}</span>
                            </button>
                        })}
                        {(active && !is_me).then(|| view! {
                            <button
                                type="button"
                                class="button button-small button-danger"
                                data-testid="deactivate"
                                disabled=move || working.get()
                                on:click=move |_| deactivate(id, off_name.clone())
                            >
                                {i18n.tx(Key::Deactivate)}
                                <span class="visually-hidden">" — " {name.clone()}</span>
                            </button>
                        })}
                    </div>
                };
                let status = if active {
                    view! { <span class="badge badge-ok">{i18n.tx(Key::Active)}</span> }.into_any()
                } else {
                    view! { <span class="badge">{i18n.tx(Key::Inactive)}</span> }.into_any()
                };
                let job = [title, ministry]
                    .into_iter()
                    .flatten()
                    .collect::<Vec<_>>()
                    .join(" · ");
                vec![
                view! {
                    {name.clone()}
                    {is_me.then(|| view! { " " <span class="muted">{i18n.tx(Key::You)}</span> })}
                }
                .into_any(),
                view! { <a href=format!("mailto:{email}")>{email.clone()}</a> }.into_any(),
                view! { {move || i18n.role(role)} }.into_any(),
                job.into_any(),
                status.into_any(),
                i18n.t(if two_factor { Key::Yes } else { Key::No }).into_any(),
                actions.into_any(),
            ]
            })
            .collect();
    let members = if rows.is_empty() {
        view! { <p class="muted">{i18n.tx(Key::TeamEmpty)}</p> }.into_any()
    } else {
        view! {
            <DataTable
                testid="team-members"
                caption=Key::TeamMembers
                columns=vec![Key::Name, Key::Email, Key::Role, Key::JoinMinistry, Key::Status, Key::TwoFactor, Key::Actions]
                rows=rows
            />
        }
        .into_any()
    };
    let invitations = if team.invitations.is_empty() {
        view! { <p class="muted">{i18n.tx(Key::NoPendingInvitation)}</p> }.into_any()
    } else {
        let rows: Vec<Row> = team
            .invitations
            .into_iter()
            .map(|inv| {
                let (id, email) = (inv.id, inv.email.clone());
                let expires = inv.expires_at;
                vec![
                    inv.email.clone().into_any(),
                    view! { {move || i18n.role(inv.role)} }.into_any(),
                    inv.ministry.unwrap_or_default().into_any(),
                    view! { {move || i18n.date(&expires)} }.into_any(),
                    view! {
                        <button
                            type="button"
                            class="button button-small"
                            data-testid="cancel-invitation"
                            disabled=move || working.get()
                            on:click=move |_| cancel(id, email.clone())
                        >
                            {i18n.tx(Key::CancelInvitation)}
                            <span class="visually-hidden">" — " {inv.email.clone()}</span>
                        </button>
                    }
                    .into_any(),
                ]
            })
            .collect();
        view! {
            <DataTable
                testid="pending-invitations"
                caption=Key::PendingInvitations
                columns=vec![Key::Email, Key::Role, Key::JoinMinistry, Key::Expires, Key::Actions]
                rows=rows
            />
        }
        .into_any()
    };

    view! {
        {dynamic(move || failure.get().map(|m| view! { <ErrorAlert message=m /> }))}
        <h2 class="table-title">{i18n.tx(Key::TeamMembers)}</h2>
        {(own_team && can_hand_over).then(|| view! {
            <label class="checkbox">
                <input type="checkbox" data-testid="keep-role" bind:checked=keep_role />
                {i18n.tx(Key::KeepMyRole)}
            </label>
        })}
        {members}
        <h2 class="table-title">{i18n.tx(Key::PendingInvitations)}</h2>
        {invitations}
    }
}

/// What a refused team action says.
fn team_error(i18n: I18n, error: &ApiError) -> String {
    match error.status() {
        Some(409) => error_message_or(i18n, error, Key::TeamConflict),
        _ => error_text(i18n, error),
    }
}

fn error_message_or(i18n: I18n, error: &ApiError, key: Key) -> String {
    match error {
        ApiError::Status {
            code: ErrorCode::EmailTaken,
            ..
        } => i18n.t(Key::ErrEmailTaken).to_owned(),
        _ => i18n.t(key).to_owned(),
    }
}

#[component]
fn InviteForm(code: String, on_change: Callback<Option<Team>>) -> impl IntoView {
    let api = use_api();
    let i18n = use_i18n();
    let email = RwSignal::new(String::new());
    let role = RwSignal::new(Role::CountryContributor);
    let ministry = RwSignal::new(String::new());
    let language = RwSignal::new(i18n.lang().code().to_owned());
    let errors: Errors = RwSignal::new(Vec::new());
    let failure = RwSignal::new(None::<String>);
    let sent = RwSignal::new(None::<String>);
    let pending = RwSignal::new(false);
    let code = StoredValue::new(code);

    let submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        if pending.get_untracked() {
            return;
        }
        let address = email.get_untracked().trim().to_owned();
        if address.is_empty() {
            errors.set(vec![FieldError::new("email", "required", "required")]);
            return;
        }
        errors.set(Vec::new());
        failure.set(None);
        sent.set(None);
        pending.set(true);
        let ministry_text = ministry.get_untracked().trim().to_owned();
        let invitation = NewInvitation {
            email: address.clone(),
            role: role.get_untracked(),
            country_code: Some(code.get_value()),
            ministry: (!ministry_text.is_empty()).then_some(ministry_text),
            language: Some(language.get_untracked()),
        };
        spawn_local(async move {
            match api::membership::invitations::create(api, &invitation).await {
                Ok(_) => {
                    sent.set(Some(address));
                    email.set(String::new());
                    ministry.set(String::new());
                    on_change.run(None);
                }
                Err(error) if error.code() == Some(ErrorCode::EmailTaken) => {
                    errors.set(vec![FieldError::new("email", "email_taken", "taken")]);
                }
                Err(error) if !error.field_errors().is_empty() => errors.set(error.field_errors()),
                Err(error) => failure.set(Some(error_text(i18n, &error))),
            }
            pending.set(false);
        });
    };

    let roles = [Role::CountryContributor, Role::CountryFocalPoint];
    view! {
        <form class="panel" on:submit=submit novalidate data-testid="invite-form">
            <h2>{i18n.tx(Key::InviteTitle)}</h2>
            <div class="form-grid">
                {dynamic(move || failure.get().map(|m| view! { <ErrorAlert message=m /> }))}
                {dynamic(move || sent.get().map(|to| view! {
                    <p class="alert alert-ok" role="status">{i18n.fmt(Key::InvitationSent, &[("email", &to)])}</p>
                }))}
                <div class="field">
                    <label for="invite-email">{i18n.tx(Key::Email)}</label>
                    <input
                        id="invite-email"
                        type="email"
                        autocomplete="off"
                        required
                        bind:value=email
                        aria-invalid=is_invalid(errors, "email")
                        aria-describedby=described_by(errors, "email", "invite-email-error")
                    />
                    {field_message(i18n, errors, "email", "invite-email-error")}
                </div>
                <div class="field">
                    <label for="invite-role">{i18n.tx(Key::Role)}</label>
                    <select
                        id="invite-role"
                        on:change=move |ev| {
                            let value = event_target_value(&ev);
                            if let Some(r) = roles.into_iter().find(|r| r.as_str() == value) {
                                role.set(r);
                            }
                        }
                        aria-invalid=is_invalid(errors, "role")
                    >
                        {roles
                            .into_iter()
                            .map(|r| view! {
                                <option value=r.as_str() prop:selected=move || role.get() == r>{move || i18n.role(r)}</option>
                            })
                            .collect_view()}
                    </select>
                    {field_message(i18n, errors, "role", "invite-role-error")}
                </div>
                <div class="field">
                    <label for="invite-ministry">{i18n.tx(Key::JoinMinistry)}</label>
                    <input
                        id="invite-ministry"
                        type="text"
                        bind:value=ministry
                        aria-invalid=is_invalid(errors, "ministry")
                        aria-describedby=described_by(errors, "ministry", "invite-ministry-error")
                    />
                    {field_message(i18n, errors, "ministry", "invite-ministry-error")}
                </div>
                <div class="field">
                    <label for="invite-language">{i18n.tx(Key::MailLanguage)}</label>
                    <select id="invite-language" on:change=move |ev| language.set(event_target_value(&ev))>
                        {Lang::all()
                            .map(|lang| view! {
                                <option value=lang.code() lang=lang.code() prop:selected=move || language.with(|l| l == lang.code())>
                                    {lang.native_name()}
                                </option>
                            })
                            .collect_view()}
                    </select>
                    {field_message(i18n, errors, "language", "invite-language-error")}
                </div>
                <div class="form-actions">
                    <button type="submit" class="button button-primary" disabled=move || pending.get() data-testid="invite-submit">
                        {i18n.tx(Key::SendInvitation)}
                    </button>
                </div>
            </div>
        </form>
    }
}
