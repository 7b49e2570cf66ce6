//! `/roadmaps/:id`: one roadmap. The country team edits a draft (or one sent back for changes)
//! in place; everyone who may see it gets the read view with the budget chart and the
//! timeline; reviewers comment, compare with the previous version and decide.

mod editor;
mod read;
mod versions;

use leptos::prelude::*;
use leptos::task::spawn_local;
use pioneer_domain::ErrorCode;
use pioneer_domain::FieldError;
use pioneer_domain::policy::{Access, Actor, RoadmapAction, roadmap_access};
use pioneer_domain::reference::{Country, Indicator, Strategy};
use pioneer_domain::roadmap::validation::check_complete;
use pioneer_domain::roadmap::{Roadmap, RoadmapStatus};
use uuid::Uuid;

use super::{ErrorAlert, error_text, focus_id};
use crate::api::{self, ApiError, DocumentRef, Step, Verdict, use_api};
use crate::document::{
    ChangesSinceApprovedView, Comments, ConflictView, DecisionPanel, Document, DocumentPart,
    Drafts, HistoryPanel, Notice, SaveStatus, Steps, error_message, has_approved_before,
    notice_text, print_page,
};
use crate::i18n::{I18n, Key, use_i18n};
use crate::router::{Route, roadmap_href, roadmap_id_in, use_router};

/// Reference data that a roadmap's parts name: its strategies and indicators.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Refs {
    pub strategies: Vec<Strategy>,
    pub indicators: Vec<Indicator>,
}

impl Refs {
    pub fn strategy_name(&self, i18n: I18n, code: &str) -> String {
        self.strategies
            .iter()
            .find(|s| s.code == code)
            .map(|s| i18n.name(s).to_owned())
            .unwrap_or_else(|| code.to_owned())
    }
}

/// Loads the strategies and indicators (each failing alone to an empty list), from the
/// browser's storage when they were read recently.
async fn load_refs(api: crate::api::Api) -> Refs {
    let (strategies, indicators) = futures::join!(
        api::reference::strategies(api),
        api::reference::indicators(api),
    );
    Refs {
        strategies: strategies.map(|p| p.items).unwrap_or_default(),
        indicators: indicators.map(|p| p.items).unwrap_or_default(),
    }
}

/// Every country (an empty list when they cannot be read), from the browser's storage when
/// they were read recently: apart from [`Refs`], so that a page waits for their three pages
/// only where it lists them.
pub async fn load_countries(api: crate::api::Api) -> Vec<Country> {
    api::reference::countries_kept(api)
        .await
        .map(|page| page.items)
        .unwrap_or_default()
}

/// The name of country `code` in the current language, or the code when `countries` lacks it.
pub fn country_name(countries: &[Country], i18n: I18n, code: &str) -> String {
    countries
        .iter()
        .find(|c| c.code == code)
        .map(|c| i18n.name(c).to_owned())
        .unwrap_or_else(|| code.to_owned())
}

/// A country's name in the current language, from the kept list of countries; its code until
/// the list has come (in a transition of its own: the page around it does not wait for it).
#[component]
pub fn CountryName(#[prop(into)] code: Signal<String>) -> impl IntoView {
    let api = use_api();
    let i18n = use_i18n();
    let countries = Loader::new(move || load_countries(api));
    let name = move || {
        let countries = countries.get().unwrap_or_default();
        code.with(|code| country_name(&countries, i18n, code))
    };
    view! { <Transition fallback=move || code.get()>{dynamic(name)}</Transition> }
}

/// The status as a badge: a colour and the word.
#[component]
pub fn StatusBadge(
    status: RoadmapStatus,
    /// The test id; the roadmap page's own badge is `status-badge`.
    #[prop(default = "status")]
    testid: &'static str,
) -> impl IntoView {
    view! {
        <crate::components::StatusBadge
            status=status.as_str()
            label=I18n::roadmap_status_key(status)
            testid=testid
        />
    }
}

/// Which part of a roadmap a write is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PartKind {
    Roadmap,
    Priorities,
    Actions,
    Indicators,
}

impl DocumentPart for PartKind {
    fn segment(self) -> Option<&'static str> {
        match self {
            PartKind::Roadmap => None,
            PartKind::Priorities => Some("priorities"),
            PartKind::Actions => Some("actions"),
            PartKind::Indicators => Some("indicators"),
        }
    }
}

impl Document for Roadmap {
    type Part = PartKind;

    const CONFLICT_TITLE: Key = Key::ConflictTitle;
    const APPROVAL: (Verdict, Key) = (Verdict::Approve, Key::Approve);
    const SUBMITTED: Key = Key::Submitted;
    const STALE_RELOADED: Key = Key::StaleReloaded;
    const NOT_EDITABLE: (ErrorCode, Key) = (ErrorCode::RoadmapNotEditable, Key::NotEditable);

    fn doc_ref(&self) -> DocumentRef {
        DocumentRef::roadmap(self.id)
    }

    fn revision(&self) -> i64 {
        self.revision
    }

    fn set_revision(&mut self, revision: i64) {
        self.revision = revision;
    }

    fn describe_path(&self, i18n: I18n, path: &str) -> String {
        editor::describe_path(i18n, self, path)
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
        path.with(|p| match Route::of(p) {
            Route::Roadmap => roadmap_id_in(p),
            _ => previous.copied().flatten(),
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
            let (roadmap, refs) = futures::join!(api::roadmaps::get(api, id), load_refs(api));
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
    let editing = Memo::new(move |_| perms.get().edit);
    let steps = Steps::default();
    let Steps {
        working,
        error: step_error,
        notice,
    } = steps;
    Comments::provide(api, sync.doc, Signal::derive(move || perms.get().comment));

    // What changed since the approved version, for the reviewers and for the team writing a
    // revision; read again after every save.
    let compare = Memo::new(move |_| {
        let perms = perms.get();
        has_approved_before(view_rm.with(|r| r.version)) && (perms.review || perms.edit)
    });
    let revision = Memo::new(move |_| sync.server.with(Document::revision));
    let changes = Loader::new(move || {
        let wanted = compare.get();
        revision.track();
        async move {
            if wanted {
                Some(api::documents::changes_since_approved(api, sync.doc).await)
            } else {
                None
            }
        }
    });
    let changes_view = move || {
        match changes.get().flatten() {
        Some(Ok(changes)) => Some(
            view! { <ChangesSinceApprovedView changes=changes field_label=editor::field_heading /> }
                .into_any(),
        ),
        _ => None,
    }
    };

    let status = Memo::new(move |_| view_rm.with(|r| r.status));
    let version = Memo::new(move |_| view_rm.with(|r| r.version));
    let title = Memo::new(move |_| view_rm.with(|r| r.title.clone()));
    let country = Signal::derive(move || view_rm.with(|r| r.country_code.clone()));
    let period = move || view_rm.with(|r| format!(" · {}–{}", r.period_start, r.period_end));

    // A workflow step: POST with If-Match, answered with the whole roadmap.
    let step = move |step: Step, then: Option<Notice>| steps.take(sync, step, then, |_| {});

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
        step(Step::Submit, Some(Notice::Submitted));
    };
    let withdraw = move |_| step(Step::Withdraw, None);
    let revise = move |_| {
        if working.get_untracked() {
            return;
        }
        working.set(true);
        step_error.set(None);
        spawn_local(async move {
            match api::roadmaps::revise(api, sync.doc.id, sync.revision()).await {
                Ok(Tagged {
                    value: Some(draft), ..
                }) => router.navigate(&roadmap_href(draft.id), false),
                Ok(_) => {}
                Err(error) => step_error.set(Some(error)),
            }
            working.set(false);
        });
    };
    let print = move |_| print_page();

    let notice_view = move || {
        notice.get().map(|n| {
            let key = notice_text::<Roadmap>(n);
            view! { <p class="alert alert-ok" role="status">{i18n.tx(key)}</p> }
        })
    };
    let error_view = move || {
        step_error
            .get()
            .or_else(|| sync.failure.get())
            .map(|error| {
                let message = error_message::<Roadmap>(i18n, &error);
                view! { <ErrorAlert message=message /> }
            })
    };

    view! {
        <section class="page roadmap" data-testid="roadmap">
            <div class="page-head roadmap-head">
                <div>
                    <p class="muted eyebrow"><CountryName code=country />{period}</p>
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
                    <SaveStatus sync=sync />
                </Show>
            </div>
            {dynamic(notice_view)}
            {dynamic(error_view)}
            <ConflictView sync=sync />
            {dynamic(move || {
                if editing.get() {
                    view! { <editor::Editor /> }.into_any()
                } else {
                    view! { <read::ReadView /> }.into_any()
                }
            })}
            <read::BudgetChart />
            <read::Timeline />
            // The panels below load on their own: the page shows without waiting for them.
            <Transition fallback=|| ()>{dynamic(changes_view)}</Transition>
            <Show when=move || perms.get().review>
                <DecisionPanel sync=sync />
            </Show>
            <versions::Versions />
            <HistoryPanel doc=sync.doc revision=revision />
        </section>
    }
}

use crate::api::Tagged;
use crate::loader::Loader;
use crate::pages::dynamic;

/// The sync and the member's rights, for the parts of the page.
pub fn use_sync() -> Drafts<Roadmap> {
    expect_context::<Drafts<Roadmap>>()
}

pub fn use_refs() -> StoredValue<Refs> {
    expect_context::<StoredValue<Refs>>()
}
