//! National roadmaps: their shape, workflow, validation and budget arithmetic.

pub mod budget;
pub mod month;
pub mod parts;
pub mod sections;
pub mod validation;
pub mod workflow;

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Deserializer, Serialize};
use uuid::Uuid;

pub use crate::money::Money;
pub use budget::BudgetSummary;
pub use month::YearMonth;
pub use workflow::{RoadmapStatus, WorkflowError};

/// Who took part in the national multi-stakeholder consultation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum StakeholderGroup {
    Government,
    CivilSociety,
    FaithBasedOrganisations,
    Un,
    ChildrenAndYoungPeople,
    Survivors,
    PrivateSector,
    Academia,
}

impl StakeholderGroup {
    pub const ALL: [StakeholderGroup; 8] = [
        StakeholderGroup::Government,
        StakeholderGroup::CivilSociety,
        StakeholderGroup::FaithBasedOrganisations,
        StakeholderGroup::Un,
        StakeholderGroup::ChildrenAndYoungPeople,
        StakeholderGroup::Survivors,
        StakeholderGroup::PrivateSector,
        StakeholderGroup::Academia,
    ];
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Consultation {
    pub held_on: Option<NaiveDate>,
    #[serde(default)]
    pub stakeholder_groups: Vec<StakeholderGroup>,
    #[cfg_attr(feature = "openapi", schema(maximum = 10_000_000))]
    pub participants: Option<u32>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Priority {
    pub id: Uuid,
    pub title: String,
    pub description: String,
    /// INSPIRE strategy codes.
    pub strategies: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Action {
    pub id: Uuid,
    pub priority_id: Uuid,
    pub title: String,
    pub description: String,
    /// The institution responsible.
    pub lead_institution: Option<String>,
    pub partners: Vec<String>,
    /// `YYYY-MM`.
    #[cfg_attr(feature = "openapi", schema(example = "2025-03"))]
    pub start_month: Option<String>,
    #[cfg_attr(feature = "openapi", schema(example = "2026-12"))]
    pub end_month: Option<String>,
    pub budget: Option<Money>,
    /// Amount already secured, in the budget's currency.
    pub secured: Option<Money>,
    pub funding_source: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct RoadmapIndicator {
    pub id: Uuid,
    /// An SDG indicator code from `/indicators`, or null for a national indicator.
    #[cfg_attr(feature = "openapi", schema(example = "16.2.1"))]
    pub indicator_code: Option<String>,
    pub name: String,
    pub unit: String,
    /// Decimal string.
    pub baseline_value: Option<String>,
    pub baseline_year: Option<i32>,
    pub target_value: Option<String>,
    pub target_year: Option<i32>,
    pub source: String,
}

/// A roadmap with all its parts.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Roadmap {
    pub id: Uuid,
    pub country_code: String,
    pub title: String,
    pub summary: String,
    pub period_start: i32,
    pub period_end: i32,
    pub status: RoadmapStatus,
    /// 1 for the first version; each revision adds one.
    pub version: i32,
    /// Changes with every write; sent back in `If-Match` (as the `ETag`).
    pub revision: i64,
    pub consultation: Consultation,
    pub priorities: Vec<Priority>,
    pub actions: Vec<Action>,
    pub indicators: Vec<RoadmapIndicator>,
    pub budget: BudgetSummary,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

/// A roadmap in a list: no parts.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct RoadmapSummary {
    pub id: Uuid,
    pub country_code: String,
    pub title: String,
    pub period_start: i32,
    pub period_end: i32,
    pub status: RoadmapStatus,
    pub version: i32,
    pub revision: i64,
    pub submitted_at: Option<DateTime<Utc>>,
    pub updated_at: DateTime<Utc>,
}

/// Tells a field that is absent (`None`) from one set to null (`Some(None)`).
pub(crate) fn present_or_null<'de, D, T>(deserializer: D) -> Result<Option<Option<T>>, D::Error>
where
    D: Deserializer<'de>,
    T: Deserialize<'de>,
{
    Option::<T>::deserialize(deserializer).map(Some)
}

/// `POST /roadmaps`.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct NewRoadmap {
    /// Defaults to the caller's country.
    pub country_code: Option<String>,
    #[cfg_attr(feature = "openapi", schema(min_length = 1, pattern = r"\S"))]
    pub title: String,
    #[serde(default)]
    pub summary: String,
    #[cfg_attr(feature = "openapi", schema(minimum = 2000, maximum = 2100))]
    pub period_start: i32,
    #[cfg_attr(feature = "openapi", schema(minimum = 2000, maximum = 2100))]
    pub period_end: i32,
    #[serde(default)]
    pub consultation: Consultation,
}

/// `PATCH /roadmaps/{id}`: the fields present change.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct RoadmapPatch {
    #[cfg_attr(feature = "openapi", schema(min_length = 1, pattern = r"\S"))]
    pub title: Option<String>,
    pub summary: Option<String>,
    #[cfg_attr(feature = "openapi", schema(minimum = 2000, maximum = 2100))]
    pub period_start: Option<i32>,
    #[cfg_attr(feature = "openapi", schema(minimum = 2000, maximum = 2100))]
    pub period_end: Option<i32>,
    pub consultation: Option<Consultation>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct NewPriority {
    #[cfg_attr(feature = "openapi", schema(min_length = 1, pattern = r"\S"))]
    pub title: String,
    #[serde(default)]
    pub description: String,
    #[serde(default)]
    pub strategies: Vec<String>,
}

#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PriorityPatch {
    #[cfg_attr(feature = "openapi", schema(min_length = 1, pattern = r"\S"))]
    pub title: Option<String>,
    pub description: Option<String>,
    pub strategies: Option<Vec<String>>,
}

/// `POST /roadmaps/{id}/actions`; also the shape of a full action edit.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct NewAction {
    pub priority_id: Uuid,
    #[cfg_attr(feature = "openapi", schema(min_length = 1, pattern = r"\S"))]
    pub title: String,
    #[serde(default)]
    pub description: String,
    pub lead_institution: Option<String>,
    #[serde(default)]
    pub partners: Vec<String>,
    pub start_month: Option<String>,
    pub end_month: Option<String>,
    pub budget: Option<Money>,
    pub secured: Option<Money>,
    pub funding_source: Option<String>,
}

/// `PATCH /roadmaps/{id}/actions/{aid}`: absent fields stay, `null` clears.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ActionPatch {
    pub priority_id: Option<Uuid>,
    #[cfg_attr(feature = "openapi", schema(min_length = 1, pattern = r"\S"))]
    pub title: Option<String>,
    pub description: Option<String>,
    #[serde(
        default,
        deserialize_with = "present_or_null",
        skip_serializing_if = "Option::is_none"
    )]
    #[cfg_attr(feature = "openapi", schema(value_type = Option<String>))]
    pub lead_institution: Option<Option<String>>,
    pub partners: Option<Vec<String>>,
    #[serde(
        default,
        deserialize_with = "present_or_null",
        skip_serializing_if = "Option::is_none"
    )]
    #[cfg_attr(feature = "openapi", schema(value_type = Option<String>))]
    pub start_month: Option<Option<String>>,
    #[serde(
        default,
        deserialize_with = "present_or_null",
        skip_serializing_if = "Option::is_none"
    )]
    #[cfg_attr(feature = "openapi", schema(value_type = Option<String>))]
    pub end_month: Option<Option<String>>,
    #[serde(
        default,
        deserialize_with = "present_or_null",
        skip_serializing_if = "Option::is_none"
    )]
    #[cfg_attr(feature = "openapi", schema(value_type = Option<Money>))]
    pub budget: Option<Option<Money>>,
    #[serde(
        default,
        deserialize_with = "present_or_null",
        skip_serializing_if = "Option::is_none"
    )]
    #[cfg_attr(feature = "openapi", schema(value_type = Option<Money>))]
    pub secured: Option<Option<Money>>,
    #[serde(
        default,
        deserialize_with = "present_or_null",
        skip_serializing_if = "Option::is_none"
    )]
    #[cfg_attr(feature = "openapi", schema(value_type = Option<String>))]
    pub funding_source: Option<Option<String>>,
}

impl ActionPatch {
    /// The action as it will be after this patch.
    pub fn apply(self, current: &Action) -> NewAction {
        NewAction {
            priority_id: self.priority_id.unwrap_or(current.priority_id),
            title: self.title.unwrap_or_else(|| current.title.clone()),
            description: self
                .description
                .unwrap_or_else(|| current.description.clone()),
            lead_institution: self
                .lead_institution
                .unwrap_or_else(|| current.lead_institution.clone()),
            partners: self.partners.unwrap_or_else(|| current.partners.clone()),
            start_month: self
                .start_month
                .unwrap_or_else(|| current.start_month.clone()),
            end_month: self.end_month.unwrap_or_else(|| current.end_month.clone()),
            budget: self.budget.unwrap_or_else(|| current.budget.clone()),
            secured: self.secured.unwrap_or_else(|| current.secured.clone()),
            funding_source: self
                .funding_source
                .unwrap_or_else(|| current.funding_source.clone()),
        }
    }
}

/// `POST /roadmaps/{id}/indicators`; also the shape of a full indicator edit.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct NewIndicator {
    pub indicator_code: Option<String>,
    #[cfg_attr(feature = "openapi", schema(min_length = 1, pattern = r"\S"))]
    pub name: String,
    #[serde(default)]
    pub unit: String,
    pub baseline_value: Option<String>,
    #[cfg_attr(feature = "openapi", schema(minimum = 1950, maximum = 2100))]
    pub baseline_year: Option<i32>,
    pub target_value: Option<String>,
    #[cfg_attr(feature = "openapi", schema(minimum = 1950, maximum = 2100))]
    pub target_year: Option<i32>,
    #[serde(default)]
    pub source: String,
}

/// `PATCH /roadmaps/{id}/indicators/{iid}`: absent fields stay, `null` clears.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct IndicatorPatch {
    #[serde(
        default,
        deserialize_with = "present_or_null",
        skip_serializing_if = "Option::is_none"
    )]
    #[cfg_attr(feature = "openapi", schema(value_type = Option<String>))]
    pub indicator_code: Option<Option<String>>,
    #[cfg_attr(feature = "openapi", schema(min_length = 1, pattern = r"\S"))]
    pub name: Option<String>,
    pub unit: Option<String>,
    #[serde(
        default,
        deserialize_with = "present_or_null",
        skip_serializing_if = "Option::is_none"
    )]
    #[cfg_attr(feature = "openapi", schema(value_type = Option<String>))]
    pub baseline_value: Option<Option<String>>,
    #[serde(
        default,
        deserialize_with = "present_or_null",
        skip_serializing_if = "Option::is_none"
    )]
    #[cfg_attr(feature = "openapi", schema(value_type = Option<i32>, minimum = 1950, maximum = 2100))]
    pub baseline_year: Option<Option<i32>>,
    #[serde(
        default,
        deserialize_with = "present_or_null",
        skip_serializing_if = "Option::is_none"
    )]
    #[cfg_attr(feature = "openapi", schema(value_type = Option<String>))]
    pub target_value: Option<Option<String>>,
    #[serde(
        default,
        deserialize_with = "present_or_null",
        skip_serializing_if = "Option::is_none"
    )]
    #[cfg_attr(feature = "openapi", schema(value_type = Option<i32>, minimum = 1950, maximum = 2100))]
    pub target_year: Option<Option<i32>>,
    pub source: Option<String>,
}

impl IndicatorPatch {
    pub fn apply(self, current: &RoadmapIndicator) -> NewIndicator {
        NewIndicator {
            indicator_code: self
                .indicator_code
                .unwrap_or_else(|| current.indicator_code.clone()),
            name: self.name.unwrap_or_else(|| current.name.clone()),
            unit: self.unit.unwrap_or_else(|| current.unit.clone()),
            baseline_value: self
                .baseline_value
                .unwrap_or_else(|| current.baseline_value.clone()),
            baseline_year: self.baseline_year.unwrap_or(current.baseline_year),
            target_value: self
                .target_value
                .unwrap_or_else(|| current.target_value.clone()),
            target_year: self.target_year.unwrap_or(current.target_year),
            source: self.source.unwrap_or_else(|| current.source.clone()),
        }
    }
}

pub use crate::review::{
    Comment, CommentAuthor, CommentTarget, Decision, HistoryEntry, NewComment, NewReview,
    Section as TargetKind,
};
