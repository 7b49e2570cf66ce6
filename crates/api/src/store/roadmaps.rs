//! Roadmaps in the database: loading a whole roadmap in a fixed number of queries, turning rows
//! into the API's shapes, and the pieces every write shares (revision bump, history).

use std::collections::HashMap;

use bytes::Bytes;
use chrono::{DateTime, Utc};
use pioneer_domain::Page;
use pioneer_domain::money::Cents;
use pioneer_domain::page::Paging;
use pioneer_domain::review::changes::changes_between;
use pioneer_domain::review::{
    Access, Actor, ApprovedVersion, ChangesSinceApproved, CommentTarget, DocumentAction, Section,
    Transition,
};
use pioneer_domain::roadmap::sections::sections as roadmap_sections;
use pioneer_domain::roadmap::validation::{
    CheckedAction, CheckedIndicator, CheckedPriority, CheckedRoadmap,
};
use pioneer_domain::roadmap::workflow::{RoadmapKind, RoadmapScope};
use pioneer_domain::roadmap::{
    Action, Consultation, Money, NewRoadmap, Priority, Roadmap, RoadmapIndicator, RoadmapPatch,
    RoadmapStatus, RoadmapSummary, StakeholderGroup, budget,
};
use sea_orm::sea_query::Expr;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, Condition, ConnectionTrait, DatabaseConnection, DbErr,
    EntityTrait, IntoActiveModel, PaginatorTrait, QueryFilter, QueryOrder, Set,
};
use serde_json::{Map, Value, json};
use uuid::Uuid;

use super::change_feed::Changed;
use super::documents::{StoredDocument, bump_revision_of, country_access};
use super::row_cache::{RowCache, RowCaches};
use super::{StoreError, StoreResult, country_is, fetch_page, scope_condition};
use crate::entities::{roadmap, roadmap_action, roadmap_indicator, roadmap_priority};

fn stored<E: std::fmt::Display>(what: &str) -> impl FnOnce(E) -> StoreError + '_ {
    move |e| StoreError::corrupt(what, e)
}

pub fn status_of(row: &roadmap::Model) -> StoreResult<RoadmapStatus> {
    row.status
        .parse::<RoadmapStatus>()
        .map_err(stored("status"))
}

fn json_list<T: serde::de::DeserializeOwned>(raw: &str, what: &str) -> StoreResult<Vec<T>> {
    serde_json::from_str(raw).map_err(stored(what))
}

pub fn to_json_text<T: serde::Serialize>(value: &T) -> String {
    serde_json::to_string(value).unwrap_or_else(|_| "[]".into())
}

pub fn priority_dto(row: roadmap_priority::Model) -> StoreResult<Priority> {
    Ok(Priority {
        id: row.id,
        title: row.title,
        description: row.description,
        strategies: json_list(&row.strategies, "strategies")?,
    })
}

fn money(cents: Option<i64>, currency: Option<String>) -> Option<Money> {
    Some(Money::new(Cents(cents?), &currency?))
}

pub fn action_dto(row: roadmap_action::Model) -> StoreResult<Action> {
    Ok(Action {
        id: row.id,
        priority_id: row.priority_id,
        title: row.title,
        description: row.description,
        lead_institution: row.lead_institution,
        partners: json_list(&row.partners, "partners")?,
        start_month: row.start_month,
        end_month: row.end_month,
        budget: money(row.budget_cents, row.budget_currency),
        secured: money(row.secured_cents, row.secured_currency),
        funding_source: row.funding_source,
    })
}

pub fn indicator_dto(row: roadmap_indicator::Model) -> RoadmapIndicator {
    RoadmapIndicator {
        id: row.id,
        indicator_code: row.indicator_code,
        name: row.name,
        unit: row.unit,
        baseline_value: row.baseline_value,
        baseline_year: row.baseline_year,
        target_value: row.target_value,
        target_year: row.target_year,
        source: row.source,
    }
}

pub fn summary_dto(row: &roadmap::Model) -> StoreResult<RoadmapSummary> {
    Ok(RoadmapSummary {
        id: row.id,
        country_code: row.country_code.clone(),
        title: row.title.clone(),
        period_start: row.period_start,
        period_end: row.period_end,
        status: status_of(row)?,
        version: row.version,
        revision: row.revision,
        submitted_at: row.submitted_at,
        updated_at: row.updated_at,
    })
}

fn consultation(row: &roadmap::Model) -> StoreResult<Consultation> {
    Ok(Consultation {
        held_on: row.consultation_held_on,
        stakeholder_groups: json_list::<StakeholderGroup>(
            &row.consultation_groups,
            "stakeholder groups",
        )?,
        participants: row
            .consultation_participants
            .and_then(|n| u32::try_from(n).ok()),
    })
}

/// A whole roadmap in four queries, whatever its size.
pub async fn load(db: &impl ConnectionTrait, row: roadmap::Model) -> StoreResult<Roadmap> {
    Ok(load_with_origins(db, row).await?.0)
}

/// The whole roadmap, and for each part copied when its revision was started, the part of the
/// approved version it came from (read from the same rows: no query more than `load`).
pub async fn load_with_origins(
    db: &impl ConnectionTrait,
    row: roadmap::Model,
) -> StoreResult<(Roadmap, HashMap<Uuid, Uuid>)> {
    let mut origins = HashMap::new();
    let mut origin = |id: Uuid, from: Option<Uuid>| {
        if let Some(from) = from {
            origins.insert(id, from);
        }
    };
    let priorities = roadmap_priority::Entity::find()
        .filter(roadmap_priority::Column::RoadmapId.eq(row.id))
        .order_by_asc(roadmap_priority::Column::Position)
        .all(db)
        .await?
        .into_iter()
        .map(|p| {
            origin(p.id, p.origin_id);
            priority_dto(p)
        })
        .collect::<StoreResult<Vec<_>>>()?;
    let actions = roadmap_action::Entity::find()
        .filter(roadmap_action::Column::RoadmapId.eq(row.id))
        .order_by_asc(roadmap_action::Column::Position)
        .all(db)
        .await?
        .into_iter()
        .map(|a| {
            origin(a.id, a.origin_id);
            action_dto(a)
        })
        .collect::<StoreResult<Vec<_>>>()?;
    let indicators = roadmap_indicator::Entity::find()
        .filter(roadmap_indicator::Column::RoadmapId.eq(row.id))
        .order_by_asc(roadmap_indicator::Column::Position)
        .all(db)
        .await?
        .into_iter()
        .map(|i| {
            origin(i.id, i.origin_id);
            indicator_dto(i)
        })
        .collect();
    let budget = budget::summarise(&priorities, &actions);
    let roadmap = Roadmap {
        id: row.id,
        status: status_of(&row)?,
        consultation: consultation(&row)?,
        country_code: row.country_code,
        title: row.title,
        summary: row.summary,
        period_start: row.period_start,
        period_end: row.period_end,
        version: row.version,
        revision: row.revision,
        priorities,
        actions,
        indicators,
        budget,
        created_at: row.created_at,
        updated_at: row.updated_at,
    };
    Ok((roadmap, origins))
}

/// The approved version that `row` would replace: an earlier version of its lineage.
pub async fn approved_before(
    db: &impl ConnectionTrait,
    row: &roadmap::Model,
) -> StoreResult<Option<roadmap::Model>> {
    Ok(roadmap::Entity::find()
        .filter(roadmap::Column::LineageId.eq(row.lineage_id))
        .filter(roadmap::Column::Status.eq(RoadmapStatus::Approved.as_str()))
        .filter(roadmap::Column::Version.lt(row.version))
        .one(db)
        .await?)
}

/// What changed in `row` since the approved version it would replace, section by section.
pub async fn changes_since_approved(
    db: &impl ConnectionTrait,
    row: roadmap::Model,
) -> StoreResult<ChangesSinceApproved> {
    let Some(approved_row) = approved_before(db, &row).await? else {
        return Ok(ChangesSinceApproved {
            approved: None,
            sections: Vec::new(),
        });
    };
    let approved_version = ApprovedVersion {
        id: approved_row.id,
        version: approved_row.version,
        revision: approved_row.revision,
    };
    let (current, origins) = load_with_origins(db, row).await?;
    let approved = load(db, approved_row).await?;
    let sections = changes_between(
        &roadmap_sections(&approved, None, &HashMap::new()),
        &roadmap_sections(&current, Some(approved.id), &origins),
    );
    Ok(ChangesSinceApproved {
        approved: Some(approved_version),
        sections,
    })
}

/// Sets the status of a roadmap whose revision the write already bumped, with the moments it
/// was submitted or decided.
pub async fn set_status(
    db: &impl ConnectionTrait,
    id: Uuid,
    status: RoadmapStatus,
    submitted: bool,
    now: DateTime<Utc>,
) -> StoreResult<()> {
    let mut update = roadmap::Entity::update_many()
        .col_expr(roadmap::Column::Status, Expr::value(status.as_str()))
        .filter(roadmap::Column::Id.eq(id));
    if submitted {
        update = update.col_expr(roadmap::Column::SubmittedAt, Expr::value(now));
    }
    if matches!(
        status,
        RoadmapStatus::Approved | RoadmapStatus::ChangesRequested
    ) {
        update = update.col_expr(roadmap::Column::DecidedAt, Expr::value(now));
    }
    update.exec(db).await?;
    Ok(())
}

/// The version approved before `approved`, if any, becomes superseded (its revision moves on,
/// and `record` writes its history entry); answers the ids it superseded.
pub async fn supersede_previous<F, Fut>(
    db: &impl ConnectionTrait,
    approved: &roadmap::Model,
    now: DateTime<Utc>,
    record: F,
) -> StoreResult<Vec<Uuid>>
where
    F: Fn(&roadmap::Model) -> Fut,
    Fut: std::future::Future<Output = StoreResult<()>>,
{
    let previous = roadmap::Entity::find()
        .filter(roadmap::Column::LineageId.eq(approved.lineage_id))
        .filter(roadmap::Column::Status.eq(RoadmapStatus::Approved.as_str()))
        .filter(roadmap::Column::Id.ne(approved.id))
        .all(db)
        .await?;
    let mut superseded = Vec::with_capacity(previous.len());
    for old in previous {
        roadmap::Entity::update_many()
            .col_expr(
                roadmap::Column::Status,
                Expr::value(RoadmapStatus::Superseded.as_str()),
            )
            .col_expr(roadmap::Column::Revision, Expr::value(old.revision + 1))
            .col_expr(roadmap::Column::UpdatedAt, Expr::value(now))
            .filter(roadmap::Column::Id.eq(old.id))
            .exec(db)
            .await?;
        record(&old).await?;
        superseded.push(old.id);
    }
    Ok(superseded)
}

/// Copies priorities, actions and indicators with new ids, in three multi-row inserts; each copy
/// keeps the id of its source in `origin_id`, to show later what the revision changed.
pub async fn copy_parts(txn: &impl ConnectionTrait, from: Uuid, to: Uuid) -> StoreResult<()> {
    let priorities = roadmap_priority::Entity::find()
        .filter(roadmap_priority::Column::RoadmapId.eq(from))
        .all(txn)
        .await?;
    let new_ids: HashMap<Uuid, Uuid> = priorities.iter().map(|p| (p.id, Uuid::now_v7())).collect();
    let copies: Vec<_> = priorities
        .into_iter()
        .map(|p| roadmap_priority::ActiveModel {
            id: Set(new_ids[&p.id]),
            roadmap_id: Set(to),
            origin_id: Set(Some(p.id)),
            ..p.into_active_model()
        })
        .collect();
    if !copies.is_empty() {
        roadmap_priority::Entity::insert_many(copies)
            .exec_without_returning(txn)
            .await?;
    }
    let actions = roadmap_action::Entity::find()
        .filter(roadmap_action::Column::RoadmapId.eq(from))
        .all(txn)
        .await?;
    let copies: Vec<_> = actions
        .into_iter()
        .filter_map(|a| {
            let priority = *new_ids.get(&a.priority_id)?;
            Some(roadmap_action::ActiveModel {
                id: Set(Uuid::now_v7()),
                roadmap_id: Set(to),
                priority_id: Set(priority),
                origin_id: Set(Some(a.id)),
                ..a.into_active_model()
            })
        })
        .collect();
    if !copies.is_empty() {
        roadmap_action::Entity::insert_many(copies)
            .exec_without_returning(txn)
            .await?;
    }
    let indicators = roadmap_indicator::Entity::find()
        .filter(roadmap_indicator::Column::RoadmapId.eq(from))
        .all(txn)
        .await?;
    let copies: Vec<_> = indicators
        .into_iter()
        .map(|i| roadmap_indicator::ActiveModel {
            id: Set(Uuid::now_v7()),
            roadmap_id: Set(to),
            origin_id: Set(Some(i.id)),
            ..i.into_active_model()
        })
        .collect();
    if !copies.is_empty() {
        roadmap_indicator::Entity::insert_many(copies)
            .exec_without_returning(txn)
            .await?;
    }
    Ok(())
}

/// Whether the roadmap has the section `target` names (itself, or one of its parts).
pub async fn has_section(
    db: &impl ConnectionTrait,
    roadmap_id: Uuid,
    target: CommentTarget,
) -> StoreResult<bool> {
    let count = match target.kind {
        Section::Roadmap => return Ok(target.id == roadmap_id),
        Section::Priority => {
            roadmap_priority::Entity::find_by_id(target.id)
                .filter(roadmap_priority::Column::RoadmapId.eq(roadmap_id))
                .count(db)
                .await?
        }
        Section::Action => {
            roadmap_action::Entity::find_by_id(target.id)
                .filter(roadmap_action::Column::RoadmapId.eq(roadmap_id))
                .count(db)
                .await?
        }
        Section::Indicator => {
            roadmap_indicator::Entity::find_by_id(target.id)
                .filter(roadmap_indicator::Column::RoadmapId.eq(roadmap_id))
                .count(db)
                .await?
        }
        // A report's sections.
        _ => return Ok(false),
    };
    Ok(count > 0)
}

/// Whether a version after `row` exists in its lineage (a revision is under way).
pub async fn has_newer_version(
    db: &impl ConnectionTrait,
    row: &roadmap::Model,
) -> StoreResult<bool> {
    Ok(roadmap::Entity::find()
        .filter(roadmap::Column::LineageId.eq(row.lineage_id))
        .filter(roadmap::Column::Version.gt(row.version))
        .count(db)
        .await?
        > 0)
}

/// A page of the versions of `row`'s lineage that `scope` sees, oldest first.
pub async fn versions(
    db: &DatabaseConnection,
    row: &roadmap::Model,
    scope: &RoadmapScope,
    paging: Paging,
) -> StoreResult<Page<RoadmapSummary>> {
    let select = roadmap::Entity::find()
        .filter(roadmap::Column::LineageId.eq(row.lineage_id))
        .filter(in_scope(scope))
        .order_by_asc(roadmap::Column::Version);
    let (rows, total) = fetch_page(db, select, paging).await?;
    let items = rows
        .iter()
        .map(summary_dto)
        .collect::<StoreResult<Vec<_>>>()?;
    Ok(Page::new(items, total, paging))
}

/// The roadmaps of `scope`, as a query condition.
pub fn in_scope(scope: &RoadmapScope) -> Condition {
    scope_condition::<RoadmapKind, _>(scope, roadmap::Column::Status, roadmap::Column::CountryCode)
}

pub async fn find(db: &impl ConnectionTrait, id: Uuid) -> StoreResult<Option<roadmap::Model>> {
    Ok(roadmap::Entity::find_by_id(id).one(db).await?)
}

/// Moves the roadmap from `expected` to the next revision, only if nobody did first.
pub async fn bump_revision(
    db: &impl ConnectionTrait,
    id: Uuid,
    expected: i64,
    now: DateTime<Utc>,
) -> StoreResult<bool> {
    let columns = [
        roadmap::Column::Id,
        roadmap::Column::Revision,
        roadmap::Column::UpdatedAt,
    ];
    bump_revision_of::<roadmap::Entity>(db, columns, id, expected, now).await
}

/// `{field: {"from": …, "to": …}}` for the top-level fields that differ.
pub fn diff(before: &impl serde::Serialize, after: &impl serde::Serialize) -> Value {
    let (Ok(Value::Object(before)), Ok(Value::Object(after))) =
        (serde_json::to_value(before), serde_json::to_value(after))
    else {
        return json!({});
    };
    let changed: Map<String, Value> = after
        .iter()
        .filter(|(key, value)| before.get(*key) != Some(*value))
        .map(|(key, value)| {
            (
                key.clone(),
                json!({"from": before.get(key).cloned().unwrap_or(Value::Null), "to": value}),
            )
        })
        .collect();
    Value::Object(changed)
}

pub fn priority_values(p: &CheckedPriority, model: &mut roadmap_priority::ActiveModel) {
    model.title = Set(p.title.clone());
    model.description = Set(p.description.clone());
    model.strategies = Set(to_json_text(&p.strategies));
}

pub fn action_values(a: &CheckedAction, model: &mut roadmap_action::ActiveModel) {
    model.priority_id = Set(a.priority_id);
    model.title = Set(a.title.clone());
    model.description = Set(a.description.clone());
    model.lead_institution = Set(a.lead_institution.clone());
    model.partners = Set(to_json_text(&a.partners));
    model.start_month = Set(a.start_month.map(|m| m.to_string()));
    model.end_month = Set(a.end_month.map(|m| m.to_string()));
    model.budget_cents = Set(a.budget.as_ref().map(|b| b.0.0));
    model.budget_currency = Set(a.budget.as_ref().map(|b| b.1.clone()));
    model.secured_cents = Set(a.secured.as_ref().map(|s| s.0.0));
    model.secured_currency = Set(a.secured.as_ref().map(|s| s.1.clone()));
    model.funding_source = Set(a.funding_source.clone());
}

pub fn indicator_values(i: &CheckedIndicator, model: &mut roadmap_indicator::ActiveModel) {
    model.indicator_code = Set(i.indicator_code.clone());
    model.name = Set(i.name.clone());
    model.unit = Set(i.unit.clone());
    model.baseline_value = Set(i.baseline_value.clone());
    model.baseline_year = Set(i.baseline_year);
    model.target_value = Set(i.target_value.clone());
    model.target_year = Set(i.target_year);
    model.source = Set(i.source.clone());
}

impl StoredDocument for RoadmapKind {
    type Row = roadmap::Model;

    fn cache(rows: &RowCaches) -> &RowCache<roadmap::Model> {
        &rows.roadmaps
    }

    fn changed(id: Uuid) -> Changed {
        Changed::Roadmap(id)
    }

    fn id(row: &roadmap::Model) -> Uuid {
        row.id
    }

    fn revision(row: &roadmap::Model) -> i64 {
        row.revision
    }

    async fn access(
        _db: &impl ConnectionTrait,
        _user_id: Uuid,
        actor: &Actor,
        row: &roadmap::Model,
        action: DocumentAction,
    ) -> StoreResult<Access> {
        country_access::<Self>(actor, action, &row.country_code, row)
    }

    fn status(row: &roadmap::Model) -> StoreResult<RoadmapStatus> {
        status_of(row)
    }

    async fn find(db: &impl ConnectionTrait, id: Uuid) -> Result<Option<roadmap::Model>, DbErr> {
        roadmap::Entity::find_by_id(id).one(db).await
    }

    async fn bump_revision(
        db: &impl ConnectionTrait,
        id: Uuid,
        expected: i64,
        now: DateTime<Utc>,
    ) -> StoreResult<bool> {
        bump_revision(db, id, expected, now).await
    }

    async fn set_status(
        db: &impl ConnectionTrait,
        id: Uuid,
        status: RoadmapStatus,
        transition: Transition,
        now: DateTime<Utc>,
    ) -> StoreResult<()> {
        set_status(db, id, status, transition == Transition::Submit, now).await
    }

    async fn current(
        db: &impl ConnectionTrait,
        row: roadmap::Model,
        _now: DateTime<Utc>,
    ) -> StoreResult<Value> {
        let roadmap = load(db, row).await?;
        serde_json::to_value(roadmap).map_err(stored("roadmap"))
    }

    async fn has_section(
        db: &impl ConnectionTrait,
        id: Uuid,
        target: CommentTarget,
    ) -> StoreResult<bool> {
        has_section(db, id, target).await
    }
}

/// A new roadmap, checked, for `country`.
pub struct NewRoadmapRow<'a> {
    pub country: String,
    pub checked: CheckedRoadmap,
    pub input: &'a NewRoadmap,
    pub created_by: Uuid,
}

/// Inserts a new draft, at version 1 and revision 1, in a lineage of its own; answers its id.
pub async fn insert_new(
    db: &impl ConnectionTrait,
    new: NewRoadmapRow<'_>,
    now: DateTime<Utc>,
) -> StoreResult<Uuid> {
    let id = Uuid::now_v7();
    let consultation = &new.input.consultation;
    roadmap::ActiveModel {
        id: Set(id),
        lineage_id: Set(Uuid::now_v7()),
        version: Set(1),
        country_code: Set(new.country),
        title: Set(new.checked.title),
        summary: Set(new.checked.summary),
        period_start: Set(new.input.period_start),
        period_end: Set(new.input.period_end),
        status: Set(RoadmapStatus::Draft.as_str().to_owned()),
        revision: Set(1),
        consultation_held_on: Set(consultation.held_on),
        consultation_groups: Set(to_json_text(&consultation.stakeholder_groups)),
        consultation_participants: Set(consultation
            .participants
            .and_then(|n| i32::try_from(n).ok())),
        created_by: Set(new.created_by),
        submitted_at: Set(None),
        decided_at: Set(None),
        created_at: Set(now),
        updated_at: Set(now),
    }
    .insert(db)
    .await?;
    Ok(id)
}

/// Starts the next version of `source`: a draft with its content and copies of its parts.
/// Answers the new version's id.
pub async fn insert_revision(
    db: &impl ConnectionTrait,
    source: &roadmap::Model,
    created_by: Uuid,
    now: DateTime<Utc>,
) -> StoreResult<Uuid> {
    let id = Uuid::now_v7();
    roadmap::ActiveModel {
        id: Set(id),
        version: Set(source.version + 1),
        status: Set(RoadmapStatus::Draft.as_str().to_owned()),
        revision: Set(1),
        created_by: Set(created_by),
        submitted_at: Set(None),
        decided_at: Set(None),
        created_at: Set(now),
        updated_at: Set(now),
        ..source.clone().into_active_model()
    }
    .insert(db)
    .await?;
    copy_parts(db, source.id, id).await?;
    Ok(id)
}

/// Applies a checked patch to the roadmap's own fields, at the revision the write took; answers
/// what changed, as the history records it.
pub async fn update_fields(
    db: &impl ConnectionTrait,
    row: &roadmap::Model,
    patch: &RoadmapPatch,
    revision: i64,
    now: DateTime<Utc>,
) -> StoreResult<Value> {
    let before = editable_fields(row);
    let mut model = row.clone().into_active_model();
    if let Some(title) = &patch.title {
        model.title = Set(title.trim().to_owned());
    }
    if let Some(summary) = &patch.summary {
        model.summary = Set(summary.trim().to_owned());
    }
    if let Some(start) = patch.period_start {
        model.period_start = Set(start);
    }
    if let Some(end) = patch.period_end {
        model.period_end = Set(end);
    }
    if let Some(consultation) = &patch.consultation {
        model.consultation_held_on = Set(consultation.held_on);
        model.consultation_groups = Set(to_json_text(&consultation.stakeholder_groups));
        model.consultation_participants = Set(consultation
            .participants
            .and_then(|n| i32::try_from(n).ok()));
    }
    model.revision = Set(revision);
    model.updated_at = Set(now);
    let after = model.update(db).await?;
    Ok(diff(&before, &editable_fields(&after)))
}

/// The fields `PATCH /roadmaps/{id}` can change, as the history records them.
fn editable_fields(row: &roadmap::Model) -> Value {
    let groups: Value = serde_json::from_str(&row.consultation_groups).unwrap_or_default();
    json!({
        "title": row.title, "summary": row.summary,
        "period_start": row.period_start, "period_end": row.period_end,
        "consultation": {"held_on": row.consultation_held_on, "stakeholder_groups": groups, "participants": row.consultation_participants},
    })
}

/// Which list of roadmaps a page is of.
pub enum RoadmapList {
    /// What a member sees, newest change first, optionally of one country or status.
    Visible {
        scope: RoadmapScope,
        /// `Some(None)`: a country filter that names no country (no roadmap matches).
        country: Option<Option<String>>,
        status: Option<RoadmapStatus>,
    },
    /// Submitted roadmaps waiting for a decision, oldest submission first.
    ReviewQueue,
}

/// One page of roadmap summaries, as the JSON the API answers (and the caches keep).
pub async fn summaries(
    db: &DatabaseConnection,
    list: &RoadmapList,
    paging: Paging,
) -> StoreResult<Bytes> {
    let select = match list {
        RoadmapList::Visible {
            scope,
            country,
            status,
        } => {
            let mut select = roadmap::Entity::find().filter(in_scope(scope));
            if let Some(code) = country {
                select = select.filter(country_is(roadmap::Column::CountryCode, code.clone()));
            }
            if let Some(status) = status {
                select = select.filter(roadmap::Column::Status.eq(status.as_str()));
            }
            select
                .order_by_desc(roadmap::Column::UpdatedAt)
                .order_by_asc(roadmap::Column::Id)
        }
        RoadmapList::ReviewQueue => roadmap::Entity::find()
            .filter(roadmap::Column::Status.eq(RoadmapStatus::Submitted.as_str()))
            .order_by_asc(roadmap::Column::SubmittedAt)
            .order_by_asc(roadmap::Column::Id),
    };
    let (rows, total) = fetch_page(db, select, paging).await?;
    let items = rows
        .iter()
        .map(summary_dto)
        .collect::<StoreResult<Vec<_>>>()?;
    serde_json::to_vec(&Page::new(items, total, paging))
        .map(Bytes::from)
        .map_err(stored("roadmap page"))
}
