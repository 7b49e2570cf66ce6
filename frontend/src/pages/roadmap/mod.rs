//! `/roadmaps/:id`: one roadmap. The country team edits a draft (or one sent back for changes)
//! in place; everyone who may see it gets the read view with the budget chart and the
//! timeline; reviewers comment, compare with the previous version and decide.

mod editor;
mod read;
mod review;
pub mod sync;

use leptos::prelude::*;
use leptos::task::spawn_local;
use pioneer_domain::policy::{Access, Actor, RoadmapAction, roadmap_access};
use pioneer_domain::reference::{Country, Indicator, Strategy};
use pioneer_domain::roadmap::validation::check_complete;
use pioneer_domain::roadmap::{Roadmap, RoadmapStatus};
use pioneer_domain::{ErrorCode, FieldError, Page};
use serde_json::Value;
use uuid::Uuid;

use self::sync::Drafts;
use super::{ErrorAlert, error_text};
use crate::api::{ApiError, Method, use_api};
use crate::i18n::{I18n, Key, use_i18n};
use crate::router::use_router;

/// Reference data the roadmap pages name things with.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Refs {
    pub strategies: Vec<Strategy>,
    pub indicators: Vec<Indicator>,
    pub countries: Vec<Country>,
}

impl Refs {
    pub fn strategy_name(&self, i18n: I18n, code: &str) -> String {
        self.strategies
            .iter()
            .find(|s| s.code == code)
            .map(|s| i18n.pick(&s.name, &s.name_fr).to_owned())
            .unwrap_or_else(|| code.to_owned())
    }

    pub fn country_name(&self, i18n: I18n, code: &str) -> String {
        self.countries
            .iter()
            .find(|c| c.code == code)
            .map(|c| i18n.pick(&c.name, &c.name_fr).to_owned())
            .unwrap_or_else(|| code.to_owned())
    }
}

/// Loads the strategies, indicators and countries (each failing alone to an empty list).
pub async fn load_refs(api: crate::api::Api) -> Refs {
    let (strategies, indicators, countries) = futures::join!(
        api.get::<Page<Strategy>>("/strategies"),
        api.get::<Page<Indicator>>("/indicators"),
        api.get::<Page<Country>>("/countries"),
    );
    Refs {
        strategies: strategies.map(|p| p.items).unwrap_or_default(),
        indicators: indicators.map(|p| p.items).unwrap_or_default(),
        countries: countries.map(|p| p.items).unwrap_or_default(),
    }
}

/// The status as a badge: a colour and the word.
#[component]
pub fn StatusBadge(
    status: RoadmapStatus,
    /// The test id; the roadmap page's own badge is `status-badge`.
    #[prop(default = "status")]
    testid: &'static str,
) -> impl IntoView {
    let i18n = use_i18n();
    let class = format!("badge status status-{}", status.as_str());
    view! {
        <span class=class data-testid=testid data-status=status.as_str()>
            {dynamic(move || i18n.status(status))}
        </span>
    }
}

/// What the signed-in member may do with the roadmap shown, in its current status.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Perms {
    pub edit: bool,
    pub submit: bool,
    pub withdraw: bool,
    pub revise: bool,
    pub review: bool,
    pub comment: bool,
}

fn perms(actor: Option<&Actor>, roadmap: &Roadmap) -> Perms {
    let Some(actor) = actor else {
        return Perms::default();
    };
    let allowed = |action| {
        roadmap_access(actor, action, &roadmap.country_code, roadmap.status) == Access::Allowed
    };
    let status = roadmap.status;
    Perms {
        edit: allowed(RoadmapAction::Edit) && status.is_editable(),
        submit: allowed(RoadmapAction::Submit) && status.is_editable(),
        withdraw: allowed(RoadmapAction::Withdraw) && status == RoadmapStatus::Submitted,
        revise: allowed(RoadmapAction::Revise) && status == RoadmapStatus::Approved,
        review: allowed(RoadmapAction::Review) && status == RoadmapStatus::Submitted,
        comment: allowed(RoadmapAction::Comment),
    }
}

#[component]
pub fn RoadmapPage() -> impl IntoView {
    let api = use_api();
    let i18n = use_i18n();
    let path = use_router().path();
    // Kept while the page goes away, so that leaving it does not ask for another roadmap.
    let id = Memo::new(move |previous: Option<&Option<Uuid>>| {
        path.with(|p| match p.strip_prefix("/roadmaps/") {
            Some(raw) => Uuid::parse_str(raw.trim_end_matches('/')).ok(),
            None => previous.copied().flatten(),
        })
    });
    let data = Loader::new(move || {
        let id = id.get();
        async move {
            let Some(id) = id else {
                return Err(ApiError::Status {
                    status: 404,
                    code: ErrorCode::NotFound,
                    message: String::new(),
                    details: Vec::new(),
                    retry_after: None,
                    current: None,
                });
            };
            let path = format!("/roadmaps/{id}");
            let (roadmap, refs) = futures::join!(api.get_tagged::<Roadmap>(&path), load_refs(api));
            let tagged = roadmap?;
            let mut roadmap = tagged.value;
            if let Some(revision) = tagged.revision {
                roadmap.revision = revision;
            }
            Ok((roadmap, refs))
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
        Some(Ok((roadmap, refs))) => {
            view! { <RoadmapScreen roadmap=roadmap refs=refs /> }.into_any()
        }
    })
}

/// Something a workflow step left to say.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Notice {
    Submitted,
    StaleReloaded,
}

#[component]
fn RoadmapScreen(roadmap: Roadmap, refs: Refs) -> impl IntoView {
    let api = use_api();
    let i18n = use_i18n();
    let router = use_router();
    let user = api.user();
    let sync = Drafts::new(api, roadmap);
    provide_context(sync);
    let refs = StoredValue::new(refs);
    provide_context(refs);
    let view_rm = sync.view;

    let actor = Memo::new(move |_| {
        user.with(|u| {
            u.as_ref().map(|u| Actor {
                role: u.role,
                country_code: u.country_code.clone(),
            })
        })
    });
    let perms = Memo::new(move |_| actor.with(|a| view_rm.with(|r| perms(a.as_ref(), r))));
    provide_context(perms);
    let editing = Memo::new(move |_| perms.get().edit);
    let notice = RwSignal::new(None::<Notice>);
    let step_error = RwSignal::new(None::<ApiError>);
    let working = RwSignal::new(false);
    let comments = review::Comments::load(api, sync.roadmap_id);
    provide_context(comments);

    let status = Memo::new(move |_| view_rm.with(|r| r.status));
    let version = Memo::new(move |_| view_rm.with(|r| r.version));
    let title = Memo::new(move |_| view_rm.with(|r| r.title.clone()));
    let subtitle = move || {
        view_rm.with(|r| {
            format!(
                "{} · {}–{}",
                refs.with_value(|refs| refs.country_name(i18n, &r.country_code)),
                r.period_start,
                r.period_end
            )
        })
    };

    // A workflow step: POST with If-Match, answered with the whole roadmap.
    let step = move |action: &'static str, body: Option<Value>, then: Option<Notice>| {
        if working.get_untracked() {
            return;
        }
        working.set(true);
        step_error.set(None);
        notice.set(None);
        spawn_local(async move {
            let revision = sync.server.with_untracked(|s| s.revision);
            let path = format!("/roadmaps/{}/{action}", sync.roadmap_id);
            match api
                .write_tagged::<Roadmap>(Method::POST, &path, body.as_ref(), revision)
                .await
            {
                Ok(tagged) => {
                    if let Some(roadmap) = tagged.value {
                        sync.replace(roadmap, tagged.revision);
                    }
                    notice.set(then);
                }
                Err(error) if error.status() == Some(422) => {
                    sync.errors.set(error.field_errors());
                    step_error.set(Some(error));
                }
                Err(error) if error.status() == Some(412) => {
                    sync.reload().await;
                    notice.set(Some(Notice::StaleReloaded));
                }
                Err(error) => {
                    if error.status() == Some(409) {
                        sync.reload().await;
                    }
                    step_error.set(Some(error));
                }
            }
            working.set(false);
        });
    };

    let submit = move |_| {
        if !sync.settled() {
            sync.flush();
            return;
        }
        let problems: Vec<FieldError> = view_rm.with_untracked(check_complete);
        if !problems.is_empty() {
            sync.errors.set(problems);
            focus_id("completeness");
            return;
        }
        step("submit", None, Some(Notice::Submitted));
    };
    let withdraw = move |_| step("withdraw", None, None);
    let revise = move |_| {
        if working.get_untracked() {
            return;
        }
        working.set(true);
        step_error.set(None);
        spawn_local(async move {
            let revision = sync.server.with_untracked(|s| s.revision);
            let path = format!("/roadmaps/{}/revise", sync.roadmap_id);
            match api
                .write_tagged::<Roadmap>(Method::POST, &path, None, revision)
                .await
            {
                Ok(Tagged {
                    value: Some(draft), ..
                }) => router.navigate(&format!("/roadmaps/{}", draft.id), false),
                Ok(_) => {}
                Err(error) => step_error.set(Some(error)),
            }
            working.set(false);
        });
    };
    let print = move |_| {
        if let Some(window) = web_sys::window() {
            let _ = window.print();
        }
    };

    let notice_view = move || {
        notice.get().map(|n| {
            let key = match n {
                Notice::Submitted => Key::Submitted,
                Notice::StaleReloaded => Key::StaleReloaded,
            };
            view! { <p class="alert alert-ok" role="status">{i18n.tx(key)}</p> }
        })
    };
    let error_view = move || {
        step_error
            .get()
            .or_else(|| sync.failure.get())
            .map(|error| {
                let message = match error.code() {
                    Some(ErrorCode::ValidationFailed) => i18n.t(Key::FormHasErrors).to_owned(),
                    Some(ErrorCode::RoadmapNotEditable) => i18n.t(Key::NotEditable).to_owned(),
                    _ => error_text(i18n, &error),
                };
                view! { <ErrorAlert message=message /> }
            })
    };

    view! {
        <section class="page roadmap" data-testid="roadmap">
            <div class="page-head roadmap-head">
                <div>
                    <p class="muted eyebrow">{subtitle}</p>
                    <h1 data-testid="roadmap-title">{dynamic(move || title.get())}</h1>
                </div>
                <div class="badges">
                    {dynamic(move || view! { <StatusBadge status=status.get() testid="status-badge" /> })}
                    <a class="badge badge-accent" href="#versions" data-testid="version-badge">
                        {dynamic(move || i18n.fmt(Key::VersionN, &[("n", &version.get().to_string())]))}
                    </a>
                </div>
            </div>
            <div class="toolbar no-print">
                <button type="button" class="button button-quiet" on:click=print>
                    {i18n.tx(Key::Print)}
                </button>
                <Show when=move || perms.get().submit>
                    <button
                        type="button"
                        class="button button-primary"
                        data-testid="submit-roadmap"
                        disabled=move || working.get()
                        on:click=submit
                    >
                        {i18n.tx(Key::Submit)}
                    </button>
                </Show>
                <Show when=move || perms.get().withdraw>
                    <button type="button" class="button" disabled=move || working.get() on:click=withdraw>
                        {i18n.tx(Key::Withdraw)}
                    </button>
                </Show>
                <Show when=move || perms.get().revise>
                    <button type="button" class="button" disabled=move || working.get() on:click=revise>
                        {i18n.tx(Key::Revise)}
                    </button>
                </Show>
                <Show when=move || editing.get()>
                    <editor::SaveStatus />
                </Show>
            </div>
            {dynamic(notice_view)}
            {dynamic(error_view)}
            <editor::ConflictView />
            {dynamic(move || {
                if editing.get() {
                    view! { <editor::Editor /> }.into_any()
                } else {
                    view! { <read::ReadView /> }.into_any()
                }
            })}
            <read::BudgetChart />
            <read::Timeline />
            <Show when=move || perms.get().review>
                <review::VersionDiff />
                <review::DecisionPanel />
            </Show>
            <review::HistoryAndVersions />
        </section>
    }
}

use crate::api::Tagged;
use crate::loader::Loader;
use crate::pages::dynamic;

/// Moves the keyboard focus to the element with `id`, if it is there.
pub fn focus_id(id: &str) {
    use wasm_bindgen::JsCast;
    if let Some(element) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id(id))
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
    {
        let _ = element.focus();
    }
}

/// The sync and the member's rights, for the parts of the page.
pub fn use_sync() -> Drafts {
    expect_context::<Drafts>()
}

pub fn use_perms() -> Memo<Perms> {
    expect_context::<Memo<Perms>>()
}

pub fn use_refs() -> StoredValue<Refs> {
    expect_context::<StoredValue<Refs>>()
}

/// Formats a decimal string with the current language's separators: 150,000.00 / 150 000,00.
pub fn format_amount(i18n: I18n, raw: &str) -> String {
    let (negative, raw) = match raw.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, raw),
    };
    let (int, frac) = raw.split_once('.').unwrap_or((raw, ""));
    let fr = i18n.lang() == crate::i18n::Lang::Fr;
    let group = if fr { '\u{202f}' } else { ',' };
    let mut grouped = String::new();
    for (i, c) in int.chars().enumerate() {
        if i > 0 && (int.len() - i) % 3 == 0 {
            grouped.push(group);
        }
        grouped.push(c);
    }
    let mut out = String::new();
    if negative {
        out.push('-');
    }
    out.push_str(&grouped);
    if !frac.is_empty() {
        out.push(if fr { ',' } else { '.' });
        out.push_str(frac);
    }
    out
}
