//! Annual reports in the database: a report's row and its lines (one per key action and per
//! indicator of the roadmap version reported on, copied from it when the report starts, with
//! last cycle's values as the starting point), loaded whole in a fixed number of queries; and
//! the reads behind the tracker, the synthesis and a country's trend, whose query counts do not
//! grow with the number of countries or actions.

use std::collections::HashMap;

use chrono::{DateTime, NaiveDate, Utc};
use pioneer_domain::Page;
use pioneer_domain::money::Cents;
use pioneer_domain::page::Paging;
use pioneer_domain::report::progress::progress_to_target;
use pioneer_domain::report::tracker::{ExpectedCountry, ReportState};
use pioneer_domain::report::{
    ActionProgress, ActionStatus, IndicatorProgress, Narrative, NarrativePatch, Report, ReportKind,
    ReportStatus, ReportSummary, ReportingCycle, SupportRequest, SupportType,
};
use pioneer_domain::review::{
    Access, Actor, CommentTarget, DocumentAction, Scope, Section, Transition, WorkflowError,
};
use pioneer_domain::roadmap::RoadmapStatus;
use sea_orm::sea_query::{Expr, ExprTrait};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, Condition, ConnectionTrait, DatabaseConnection, DbErr,
    EntityTrait, IntoActiveModel, PaginatorTrait, QueryFilter, QueryOrder, QuerySelect, Set,
};
use serde_json::{Value, json};
use uuid::Uuid;

use super::change_feed::Changed;
use super::documents::{StoredDocument, bump_revision_of, country_access};
use super::roadmaps::diff;
use super::row_cache::{RowCache, RowCaches};
use super::{
    StoreError, StoreResult, country_is, fetch_page, is_unique_violation, reporting_cycles,
    scope_condition,
};
use crate::entities::{
    country, report, report_action, report_indicator, report_support_request, roadmap,
    roadmap_action, roadmap_indicator, roadmap_priority,
};

fn stored<E: std::fmt::Display>(what: &str) -> impl FnOnce(E) -> StoreError + '_ {
    move |e| StoreError::corrupt(what, e)
}

pub fn status_of(row: &report::Model) -> StoreResult<ReportStatus> {
    row.status.parse().map_err(stored("report status"))
}

fn money(cents: Option<i64>, currency: Option<&String>) -> Option<pioneer_domain::roadmap::Money> {
    Some(pioneer_domain::roadmap::Money::new(
        Cents(cents?),
        currency?,
    ))
}

pub fn action_line_dto(row: &report_action::Model) -> StoreResult<ActionProgress> {
    Ok(ActionProgress {
        action_id: row.action_id,
        priority_id: row.priority_id,
        title: row.title.clone(),
        strategies: serde_json::from_str(&row.strategies).map_err(stored("strategies"))?,
        status: row.status.parse().map_err(stored("action status"))?,
        progress_percent: u8::try_from(row.progress_percent).unwrap_or_default(),
        spent: money(row.spent_cents, row.spent_currency.as_ref()),
        budget: money(row.budget_cents, row.budget_currency.as_ref()),
        note: row.note.clone(),
        carried_over: row.carried_over,
    })
}

pub fn indicator_line_dto(row: &report_indicator::Model) -> IndicatorProgress {
    IndicatorProgress {
        indicator_id: row.indicator_id,
        indicator_code: row.indicator_code.clone(),
        name: row.name.clone(),
        unit: row.unit.clone(),
        baseline_value: row.baseline_value.clone(),
        baseline_year: row.baseline_year,
        target_value: row.target_value.clone(),
        target_year: row.target_year,
        value: row.value.clone(),
        year: row.value_year,
        source: row.source.clone(),
        progress_to_target: progress_to_target(
            row.baseline_value.as_deref(),
            row.target_value.as_deref(),
            row.value.as_deref(),
        ),
        carried_over: row.carried_over,
    }
}

pub fn support_request_dto(row: &report_support_request::Model) -> StoreResult<SupportRequest> {
    Ok(SupportRequest {
        id: row.id,
        kind: row
            .kind
            .parse::<SupportType>()
            .map_err(stored("support type"))?,
        description: row.description.clone(),
        priority_id: row.priority_id,
        action_id: row.action_id,
    })
}

/// Whether the report came late, and whether it is overdue on `today`.
fn flags(row: &report::Model, cycle: Option<&ReportingCycle>, today: NaiveDate) -> (bool, bool) {
    let Some(cycle) = cycle else {
        return (false, false);
    };
    let late = row.first_submitted_at.is_some_and(|at| cycle.is_late(at));
    (late, cycle.is_overdue(row.first_submitted_at, today))
}

pub fn summary_dto(
    row: &report::Model,
    cycle: Option<&ReportingCycle>,
    today: NaiveDate,
) -> StoreResult<ReportSummary> {
    let (late, overdue) = flags(row, cycle, today);
    Ok(ReportSummary {
        id: row.id,
        roadmap_id: row.roadmap_id,
        roadmap_version: row.roadmap_version,
        country_code: row.country_code.clone(),
        year: row.year,
        status: status_of(row)?,
        late,
        overdue,
        submitted_at: row.submitted_at,
        revision: row.revision,
        updated_at: row.updated_at,
    })
}

/// The lines of the reports `ids`, in three queries whatever their number.
struct Lines {
    actions: HashMap<Uuid, Vec<ActionProgress>>,
    indicators: HashMap<Uuid, Vec<IndicatorProgress>>,
    support: HashMap<Uuid, Vec<SupportRequest>>,
}

async fn lines(db: &impl ConnectionTrait, ids: &[Uuid]) -> StoreResult<Lines> {
    let mut found = Lines {
        actions: HashMap::new(),
        indicators: HashMap::new(),
        support: HashMap::new(),
    };
    if ids.is_empty() {
        return Ok(found);
    }
    for row in report_action::Entity::find()
        .filter(report_action::Column::ReportId.is_in(ids.iter().copied()))
        .order_by_asc(report_action::Column::ReportId)
        .order_by_asc(report_action::Column::Position)
        .all(db)
        .await?
    {
        found
            .actions
            .entry(row.report_id)
            .or_default()
            .push(action_line_dto(&row)?);
    }
    for row in report_indicator::Entity::find()
        .filter(report_indicator::Column::ReportId.is_in(ids.iter().copied()))
        .order_by_asc(report_indicator::Column::ReportId)
        .order_by_asc(report_indicator::Column::Position)
        .all(db)
        .await?
    {
        found
            .indicators
            .entry(row.report_id)
            .or_default()
            .push(indicator_line_dto(&row));
    }
    for row in report_support_request::Entity::find()
        .filter(report_support_request::Column::ReportId.is_in(ids.iter().copied()))
        .order_by_asc(report_support_request::Column::ReportId)
        .order_by_asc(report_support_request::Column::Position)
        .all(db)
        .await?
    {
        found
            .support
            .entry(row.report_id)
            .or_default()
            .push(support_request_dto(&row)?);
    }
    Ok(found)
}

fn assemble(
    row: report::Model,
    lines: &mut Lines,
    cycle: Option<&ReportingCycle>,
    today: NaiveDate,
) -> StoreResult<Report> {
    let (late, overdue) = flags(&row, cycle, today);
    Ok(Report {
        id: row.id,
        roadmap_id: row.roadmap_id,
        roadmap_version: row.roadmap_version,
        status: status_of(&row)?,
        year: row.year,
        late,
        overdue,
        submitted_at: row.submitted_at,
        revision: row.revision,
        previous_report_id: row.previous_report_id,
        narrative: Narrative {
            achievements: row.achievements,
            challenges: row.challenges,
            lessons_learned: row.lessons_learned,
            children_participation: row.children_participation,
        },
        actions: lines.actions.remove(&row.id).unwrap_or_default(),
        indicators: lines.indicators.remove(&row.id).unwrap_or_default(),
        support_requests: lines.support.remove(&row.id).unwrap_or_default(),
        country_code: row.country_code,
        created_at: row.created_at,
        updated_at: row.updated_at,
    })
}

/// A whole report, in four queries.
pub async fn load(
    db: &impl ConnectionTrait,
    row: report::Model,
    today: NaiveDate,
) -> StoreResult<Report> {
    let cycle = reporting_cycles::find(db, row.year).await?;
    let mut lines = lines(db, &[row.id]).await?;
    assemble(row, &mut lines, cycle.as_ref(), today)
}

/// Whole reports for many rows, in four queries.
pub async fn load_many(
    db: &impl ConnectionTrait,
    rows: Vec<report::Model>,
    today: NaiveDate,
) -> StoreResult<Vec<Report>> {
    let cycles = reporting_cycles::all(db).await?;
    let ids: Vec<Uuid> = rows.iter().map(|r| r.id).collect();
    let mut lines = lines(db, &ids).await?;
    rows.into_iter()
        .map(|row| {
            let cycle = cycles.get(&row.year);
            assemble(row, &mut lines, cycle, today)
        })
        .collect()
}

pub async fn find(db: &impl ConnectionTrait, id: Uuid) -> StoreResult<Option<report::Model>> {
    Ok(report::Entity::find_by_id(id).one(db).await?)
}

/// The reports of `scope`, as a query condition.
pub fn in_scope(scope: &Scope) -> Condition {
    scope_condition::<ReportKind, _>(scope, report::Column::Status, report::Column::CountryCode)
}

/// Filters of `GET /reports`.
pub struct ReportFilter {
    pub scope: Scope,
    pub year: Option<i32>,
    /// `Some(None)`: a country filter that names no country (no report matches).
    pub country: Option<Option<String>>,
    pub status: Option<ReportStatus>,
}

/// A page of the reports a member sees, newest cycle first, then by country.
pub async fn summaries(
    db: &DatabaseConnection,
    filter: &ReportFilter,
    paging: Paging,
    today: NaiveDate,
) -> StoreResult<Page<ReportSummary>> {
    let mut select = report::Entity::find().filter(in_scope(&filter.scope));
    if let Some(year) = filter.year {
        select = select.filter(report::Column::Year.eq(year));
    }
    if let Some(code) = &filter.country {
        select = select.filter(country_is(report::Column::CountryCode, code.clone()));
    }
    if let Some(status) = filter.status {
        select = select.filter(report::Column::Status.eq(status.as_str()));
    }
    let select = select
        .order_by_desc(report::Column::Year)
        .order_by_asc(report::Column::CountryCode);
    let (rows, total) = fetch_page(db, select, paging).await?;
    let cycles = reporting_cycles::all(db).await?;
    let items = rows
        .iter()
        .map(|row| summary_dto(row, cycles.get(&row.year), today))
        .collect::<StoreResult<Vec<_>>>()?;
    Ok(Page::new(items, total, paging))
}

/// What a new report starts from.
pub struct NewReportRow {
    pub roadmap: roadmap::Model,
    pub year: i32,
    pub created_by: Uuid,
}

/// Starts the report of the roadmap's country for the cycle: a line per key action and per
/// indicator of the roadmap, each with last cycle's values where the country reported then
/// (marked as carried over). Answers `None` when the country has a report for the cycle already.
/// Eight queries, whatever the size of the roadmap.
pub async fn insert_new(
    db: &impl ConnectionTrait,
    new: NewReportRow,
    now: DateTime<Utc>,
) -> StoreResult<Option<Uuid>> {
    let id = Uuid::now_v7();
    let roadmap = &new.roadmap;
    let previous = report::Entity::find()
        .filter(report::Column::CountryCode.eq(roadmap.country_code.as_str()))
        .filter(report::Column::Year.lt(new.year))
        .order_by_desc(report::Column::Year)
        .one(db)
        .await?;
    let model = report::ActiveModel {
        id: Set(id),
        roadmap_id: Set(roadmap.id),
        roadmap_version: Set(roadmap.version),
        country_code: Set(roadmap.country_code.clone()),
        year: Set(new.year),
        status: Set(ReportStatus::Draft.as_str().to_owned()),
        revision: Set(1),
        achievements: Set(String::new()),
        challenges: Set(String::new()),
        lessons_learned: Set(String::new()),
        children_participation: Set(String::new()),
        previous_report_id: Set(previous.as_ref().map(|p| p.id)),
        created_by: Set(new.created_by),
        first_submitted_at: Set(None),
        submitted_at: Set(None),
        decided_at: Set(None),
        created_at: Set(now),
        updated_at: Set(now),
    };
    match report::Entity::insert(model)
        .exec_without_returning(db)
        .await
    {
        Ok(_) => {}
        Err(err) if is_unique_violation(&err) => return Ok(None),
        Err(err) => return Err(err.into()),
    }
    let strategies: HashMap<Uuid, String> = roadmap_priority::Entity::find()
        .filter(roadmap_priority::Column::RoadmapId.eq(roadmap.id))
        .all(db)
        .await?
        .into_iter()
        .map(|p| (p.id, p.strategies))
        .collect();
    let actions = roadmap_action::Entity::find()
        .filter(roadmap_action::Column::RoadmapId.eq(roadmap.id))
        .order_by_asc(roadmap_action::Column::Position)
        .all(db)
        .await?;
    let indicators = roadmap_indicator::Entity::find()
        .filter(roadmap_indicator::Column::RoadmapId.eq(roadmap.id))
        .order_by_asc(roadmap_indicator::Column::Position)
        .all(db)
        .await?;
    let (before_actions, before_indicators) = match &previous {
        Some(previous) => (
            report_action::Entity::find()
                .filter(report_action::Column::ReportId.eq(previous.id))
                .all(db)
                .await?,
            report_indicator::Entity::find()
                .filter(report_indicator::Column::ReportId.eq(previous.id))
                .all(db)
                .await?,
        ),
        None => (Vec::new(), Vec::new()),
    };
    let lines: Vec<report_action::ActiveModel> = actions
        .into_iter()
        .zip(1..)
        .map(|(action, position)| {
            // Last year's line for the same action: the same id, the one it was copied from
            // when the roadmap was revised, or else the same title.
            let before = before_actions
                .iter()
                .find(|b| b.action_id == action.id || Some(b.action_id) == action.origin_id)
                .or_else(|| before_actions.iter().find(|b| b.title == action.title));
            let mut line = report_action::ActiveModel {
                report_id: Set(id),
                action_id: Set(action.id),
                position: Set(position),
                priority_id: Set(action.priority_id),
                title: Set(action.title),
                strategies: Set(strategies
                    .get(&action.priority_id)
                    .cloned()
                    .unwrap_or_else(|| "[]".into())),
                status: Set(ActionStatus::NotStarted.as_str().to_owned()),
                progress_percent: Set(0),
                spent_cents: Set(None),
                spent_currency: Set(None),
                budget_cents: Set(action.budget_cents),
                budget_currency: Set(action.budget_currency.clone()),
                note: Set(String::new()),
                carried_over: Set(false),
            };
            // Spending carries over only in the budget's currency (the budget may have changed).
            if let Some(before) = before {
                line.status = Set(before.status.clone());
                line.progress_percent = Set(before.progress_percent);
                if before.spent_currency == action.budget_currency
                    || action.budget_currency.is_none()
                {
                    line.spent_cents = Set(before.spent_cents);
                    line.spent_currency = Set(before.spent_currency.clone());
                }
                line.note = Set(before.note.clone());
                line.carried_over = Set(true);
            }
            line
        })
        .collect();
    if !lines.is_empty() {
        report_action::Entity::insert_many(lines)
            .exec_without_returning(db)
            .await?;
    }
    let lines: Vec<report_indicator::ActiveModel> = indicators
        .into_iter()
        .zip(1..)
        .map(|(indicator, position)| {
            let same_measure = |b: &&report_indicator::Model| match &indicator.indicator_code {
                Some(code) => b.indicator_code.as_ref() == Some(code),
                None => b.indicator_code.is_none() && b.name == indicator.name,
            };
            let before = before_indicators
                .iter()
                .find(|b| {
                    b.indicator_id == indicator.id || Some(b.indicator_id) == indicator.origin_id
                })
                .or_else(|| before_indicators.iter().find(same_measure))
                .filter(|b| b.value.is_some());
            report_indicator::ActiveModel {
                report_id: Set(id),
                indicator_id: Set(indicator.id),
                position: Set(position),
                indicator_code: Set(indicator.indicator_code),
                name: Set(indicator.name),
                unit: Set(indicator.unit),
                baseline_value: Set(indicator.baseline_value),
                baseline_year: Set(indicator.baseline_year),
                target_value: Set(indicator.target_value),
                target_year: Set(indicator.target_year),
                value: Set(before.and_then(|b| b.value.clone())),
                value_year: Set(before.and_then(|b| b.value_year)),
                source: Set(before.map(|b| b.source.clone()).unwrap_or(indicator.source)),
                carried_over: Set(before.is_some()),
            }
        })
        .collect();
    if !lines.is_empty() {
        report_indicator::Entity::insert_many(lines)
            .exec_without_returning(db)
            .await?;
    }
    Ok(Some(id))
}

/// Writes the narrative sections the checked patch sets, at the revision the write took;
/// answers what changed, as the history records it.
pub async fn update_narrative(
    db: &impl ConnectionTrait,
    row: &report::Model,
    patch: &NarrativePatch,
    revision: i64,
    now: DateTime<Utc>,
) -> StoreResult<Value> {
    let before = narrative_fields(row);
    let mut model = row.clone().into_active_model();
    if let Some(text) = &patch.achievements {
        model.achievements = Set(text.clone());
    }
    if let Some(text) = &patch.challenges {
        model.challenges = Set(text.clone());
    }
    if let Some(text) = &patch.lessons_learned {
        model.lessons_learned = Set(text.clone());
    }
    if let Some(text) = &patch.children_participation {
        model.children_participation = Set(text.clone());
    }
    model.revision = Set(revision);
    model.updated_at = Set(now);
    let after = model.update(db).await?;
    Ok(diff(&before, &narrative_fields(&after)))
}

fn narrative_fields(row: &report::Model) -> Value {
    json!({
        "achievements": row.achievements, "challenges": row.challenges,
        "lessons_learned": row.lessons_learned, "children_participation": row.children_participation,
    })
}

/// Whether the report has the section `target` names.
pub async fn has_section(
    db: &impl ConnectionTrait,
    report_id: Uuid,
    target: CommentTarget,
) -> StoreResult<bool> {
    let count = match target.kind {
        Section::Report
        | Section::Achievements
        | Section::Challenges
        | Section::LessonsLearned
        | Section::ChildrenParticipation => return Ok(target.id == report_id),
        Section::Action => {
            report_action::Entity::find()
                .filter(report_action::Column::ReportId.eq(report_id))
                .filter(report_action::Column::ActionId.eq(target.id))
                .count(db)
                .await?
        }
        Section::Indicator => {
            report_indicator::Entity::find()
                .filter(report_indicator::Column::ReportId.eq(report_id))
                .filter(report_indicator::Column::IndicatorId.eq(target.id))
                .count(db)
                .await?
        }
        Section::SupportRequest => {
            report_support_request::Entity::find_by_id(target.id)
                .filter(report_support_request::Column::ReportId.eq(report_id))
                .count(db)
                .await?
        }
        Section::Roadmap
        | Section::Priority
        | Section::Application
        | Section::Invitation
        | Section::Resource => {
            return Ok(false);
        }
    };
    Ok(count > 0)
}

/// The approved roadmaps, each with its country's region (from `regions`), the latest approval
/// last: who is expected to report, and on which roadmap.
pub async fn expected_countries(
    db: &impl ConnectionTrait,
    regions: &HashMap<String, String>,
) -> StoreResult<Vec<ExpectedCountry>> {
    let rows: Vec<(Uuid, String)> = roadmap::Entity::find()
        .select_only()
        .column(roadmap::Column::Id)
        .column(roadmap::Column::CountryCode)
        .filter(roadmap::Column::Status.eq(RoadmapStatus::Approved.as_str()))
        // A country with several approved roadmaps is expected on the latest (the tracker
        // keeps the last one it is given).
        .order_by_asc(roadmap::Column::DecidedAt)
        .order_by_asc(roadmap::Column::Id)
        .into_tuple()
        .all(db)
        .await?;
    Ok(rows
        .into_iter()
        .map(|(roadmap_id, country_code)| ExpectedCountry {
            region: regions.get(&country_code).cloned(),
            country_code,
            roadmap_id,
        })
        .collect())
}

/// Every country's region, by code.
pub async fn regions(db: &impl ConnectionTrait) -> StoreResult<HashMap<String, String>> {
    let rows: Vec<(String, String)> = country::Entity::find()
        .select_only()
        .column(country::Column::Code)
        .column(country::Column::Region)
        .into_tuple()
        .all(db)
        .await?;
    Ok(rows.into_iter().collect())
}

/// Where each report of the cycle stands, for the tracker, with its country's region (from
/// `regions`): one query.
pub async fn report_states(
    db: &impl ConnectionTrait,
    year: i32,
    regions: &HashMap<String, String>,
) -> StoreResult<Vec<ReportState>> {
    report::Entity::find()
        .filter(report::Column::Year.eq(year))
        .all(db)
        .await?
        .into_iter()
        .map(|row| {
            Ok(ReportState {
                report_id: row.id,
                region: regions.get(&row.country_code).cloned(),
                status: status_of(&row)?,
                roadmap_id: row.roadmap_id,
                first_submitted_at: row.first_submitted_at,
                submitted_at: row.submitted_at,
                country_code: row.country_code,
            })
        })
        .collect()
}

/// The whole reports of a cycle in `statuses`, with each country's region.
pub async fn reports_of_cycle(
    db: &impl ConnectionTrait,
    year: i32,
    statuses: &[ReportStatus],
    today: NaiveDate,
) -> StoreResult<(Vec<Report>, HashMap<String, String>)> {
    let rows = report::Entity::find()
        .filter(report::Column::Year.eq(year))
        .filter(report::Column::Status.is_in(statuses.iter().map(|s| s.as_str())))
        .order_by_asc(report::Column::CountryCode)
        .all(db)
        .await?;
    let reports = load_many(db, rows, today).await?;
    Ok((reports, regions(db).await?))
}

/// The reports of one country that `scope` sees, every year, whole.
pub async fn reports_of_country(
    db: &impl ConnectionTrait,
    country_code: &str,
    scope: &Scope,
    today: NaiveDate,
) -> StoreResult<Vec<Report>> {
    let rows = report::Entity::find()
        .filter(report::Column::CountryCode.eq(country_code))
        .filter(in_scope(scope))
        .order_by_asc(report::Column::Year)
        .all(db)
        .await?;
    load_many(db, rows, today).await
}

/// Whether the priority and the action a support request names are the report's (its roadmap's
/// priority; one of its action lines).
pub async fn links_of_report(
    db: &impl ConnectionTrait,
    report_id: Uuid,
    priority_id: Option<Uuid>,
    action_id: Option<Uuid>,
) -> StoreResult<(bool, bool)> {
    let priority_ok = match priority_id {
        None => true,
        Some(priority_id) => {
            let Some(report) = find(db, report_id).await? else {
                return Ok((false, false));
            };
            roadmap_priority::Entity::find_by_id(priority_id)
                .filter(roadmap_priority::Column::RoadmapId.eq(report.roadmap_id))
                .count(db)
                .await?
                > 0
        }
    };
    let action_ok = match action_id {
        None => true,
        Some(action_id) => {
            report_action::Entity::find()
                .filter(report_action::Column::ReportId.eq(report_id))
                .filter(report_action::Column::ActionId.eq(action_id))
                .count(db)
                .await?
                > 0
        }
    };
    Ok((priority_ok, action_ok))
}

/// Moves the report from `expected` to the next revision, only if nobody did first.
pub async fn bump_revision(
    db: &impl ConnectionTrait,
    id: Uuid,
    expected: i64,
    now: DateTime<Utc>,
) -> StoreResult<bool> {
    let columns = [
        report::Column::Id,
        report::Column::Revision,
        report::Column::UpdatedAt,
    ];
    bump_revision_of::<report::Entity>(db, columns, id, expected, now).await
}

impl StoredDocument for ReportKind {
    type Row = report::Model;

    fn cache(rows: &RowCaches) -> &RowCache<report::Model> {
        &rows.reports
    }

    fn changed(id: Uuid) -> Changed {
        Changed::Report(id)
    }

    fn id(row: &report::Model) -> Uuid {
        row.id
    }

    fn revision(row: &report::Model) -> i64 {
        row.revision
    }

    async fn access(
        _db: &impl ConnectionTrait,
        _user_id: Uuid,
        actor: &Actor,
        row: &report::Model,
        action: DocumentAction,
    ) -> StoreResult<Access> {
        country_access::<Self>(actor, action, &row.country_code, row)
    }

    fn status(row: &report::Model) -> StoreResult<ReportStatus> {
        status_of(row)
    }

    async fn find(db: &impl ConnectionTrait, id: Uuid) -> Result<Option<report::Model>, DbErr> {
        report::Entity::find_by_id(id).one(db).await
    }

    async fn bump_revision(
        db: &impl ConnectionTrait,
        id: Uuid,
        expected: i64,
        now: DateTime<Utc>,
    ) -> StoreResult<bool> {
        bump_revision(db, id, expected, now).await
    }

    /// A submission keeps its moment (the first one too: it tells whether the report was late);
    /// a decision keeps its own.
    async fn set_status(
        db: &impl ConnectionTrait,
        id: Uuid,
        status: ReportStatus,
        transition: Transition,
        now: DateTime<Utc>,
    ) -> StoreResult<()> {
        let mut update = report::Entity::update_many()
            .col_expr(report::Column::Status, Expr::value(status.as_str()))
            .filter(report::Column::Id.eq(id));
        if transition == Transition::Submit {
            update = update
                .col_expr(report::Column::SubmittedAt, Expr::value(now))
                .col_expr(
                    report::Column::FirstSubmittedAt,
                    Expr::col(report::Column::FirstSubmittedAt).if_null(now),
                );
        }
        if matches!(transition, Transition::Accept | Transition::RequestChanges) {
            update = update.col_expr(report::Column::DecidedAt, Expr::value(now));
        }
        update.exec(db).await?;
        Ok(())
    }

    async fn current(
        db: &impl ConnectionTrait,
        row: report::Model,
        now: DateTime<Utc>,
    ) -> StoreResult<Value> {
        let report = load(db, row, now.date_naive()).await?;
        serde_json::to_value(report).map_err(stored("report"))
    }

    async fn has_section(
        db: &impl ConnectionTrait,
        id: Uuid,
        target: CommentTarget,
    ) -> StoreResult<bool> {
        has_section(db, id, target).await
    }

    /// A closed cycle's reports are read-only.
    async fn frozen(
        db: &impl ConnectionTrait,
        row: &report::Model,
    ) -> StoreResult<Option<WorkflowError>> {
        let cycle = reporting_cycles::find(db, row.year).await?;
        Ok(cycle.and_then(|cycle| cycle.check_open().err()))
    }
}
