//! Annual progress reports: each year a country team tells the Core Support Group how far it has
//! come against its approved roadmap, per key action, per indicator and in its own words. A
//! report is the second reviewed document (`workflow::ReportKind`); the secretariat follows who
//! reported (`tracker`) and compiles the alliance's synthesis (`synthesis`).

pub mod cycle;
pub mod parts;
pub mod progress;
pub mod reminders;
pub mod synthesis;
pub mod tracker;
pub mod trend;
pub mod validation;
pub mod workflow;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use crate::money::Money;
use crate::review;

pub use cycle::{CycleStatus, NewReportingCycle, ReportingCycle, ReportingCyclePatch};
pub use workflow::{ReportKind, ReportStatus};

/// Where a key action stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum ActionStatus {
    NotStarted,
    OnTrack,
    Delayed,
    Completed,
    Cancelled,
}

/// The kinds of support a country may ask the alliance for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum SupportType {
    Technical,
    Financial,
    PeerExchange,
    CapacityBuilding,
}

macro_rules! names {
    ($ty:ident { $($variant:ident => $name:literal),+ $(,)? }) => {
        impl $ty {
            pub const ALL: &'static [$ty] = &[$($ty::$variant),+];

            pub fn as_str(self) -> &'static str {
                match self {
                    $($ty::$variant => $name),+
                }
            }
        }

        impl std::fmt::Display for $ty {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.as_str())
            }
        }

        impl std::str::FromStr for $ty {
            type Err = String;

            fn from_str(s: &str) -> Result<Self, Self::Err> {
                $ty::ALL
                    .iter()
                    .copied()
                    .find(|v| v.as_str() == s)
                    .ok_or_else(|| format!("unknown {} `{s}`", stringify!($ty)))
            }
        }
    };
}
pub(crate) use names;

names!(ActionStatus {
    NotStarted => "not_started",
    OnTrack => "on_track",
    Delayed => "delayed",
    Completed => "completed",
    Cancelled => "cancelled",
});

names!(SupportType {
    Technical => "technical",
    Financial => "financial",
    PeerExchange => "peer_exchange",
    CapacityBuilding => "capacity_building",
});

/// The report's narrative sections, in the team's own words.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Narrative {
    pub achievements: String,
    pub challenges: String,
    pub lessons_learned: String,
    /// How children and young people took part.
    pub children_participation: String,
}

/// `PATCH /reports/{id}`: the narrative sections present change.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct NarrativePatch {
    pub achievements: Option<String>,
    pub challenges: Option<String>,
    pub lessons_learned: Option<String>,
    pub children_participation: Option<String>,
}

#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ReportPatch {
    #[serde(default)]
    pub narrative: NarrativePatch,
}

/// How far one key action of the roadmap has come.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ActionProgress {
    /// The key action of the roadmap version reported on.
    pub action_id: Uuid,
    pub priority_id: Uuid,
    pub title: String,
    /// The INSPIRE strategies of the action's priority.
    pub strategies: Vec<String>,
    pub status: ActionStatus,
    /// 0 to 100.
    pub progress_percent: u8,
    /// Spent to date, in the budget's currency.
    pub spent: Option<Money>,
    /// The action's budget in the roadmap.
    pub budget: Option<Money>,
    pub note: String,
    /// The values were copied from the previous cycle's report and not changed since.
    pub carried_over: bool,
}

/// `PUT /reports/{id}/actions/{action_id}`.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ActionProgressInput {
    pub status: ActionStatus,
    /// 0 to 100.
    #[cfg_attr(feature = "openapi", schema(minimum = 0, maximum = 100))]
    pub progress_percent: i64,
    /// In the currency of the action's budget.
    pub spent: Option<Money>,
    #[serde(default)]
    pub note: String,
    /// The budget's currency, from the line being replaced (not part of the request).
    #[serde(skip)]
    pub budget_currency: Option<String>,
}

/// The latest value of one indicator of the roadmap, and how far it has come toward the target.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct IndicatorProgress {
    /// The indicator of the roadmap version reported on.
    pub indicator_id: Uuid,
    pub indicator_code: Option<String>,
    pub name: String,
    pub unit: String,
    pub baseline_value: Option<String>,
    pub baseline_year: Option<i32>,
    pub target_value: Option<String>,
    pub target_year: Option<i32>,
    /// Decimal string.
    pub value: Option<String>,
    pub year: Option<i32>,
    pub source: String,
    /// Percent of the way from baseline to target (negative: moved away from it); null when a
    /// value, the baseline or the target is missing.
    pub progress_to_target: Option<i32>,
    /// The value was copied from the previous cycle's report and not changed since.
    pub carried_over: bool,
}

/// `PUT /reports/{id}/indicators/{indicator_id}`: also what integrators push.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct IndicatorValueInput {
    /// Decimal string, e.g. `"12.5"`.
    #[cfg_attr(feature = "openapi", schema(example = "12.5"))]
    pub value: String,
    pub year: i32,
    pub source: String,
}

/// Support a country asks the alliance for.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct SupportRequest {
    pub id: Uuid,
    #[serde(rename = "type")]
    pub kind: SupportType,
    pub description: String,
    /// The roadmap priority it concerns.
    pub priority_id: Option<Uuid>,
    /// The key action it concerns.
    pub action_id: Option<Uuid>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct NewSupportRequest {
    #[serde(rename = "type")]
    pub kind: SupportType,
    pub description: String,
    pub priority_id: Option<Uuid>,
    pub action_id: Option<Uuid>,
}

/// Absent fields stay; `null` clears the priority or the action.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct SupportRequestPatch {
    #[serde(rename = "type")]
    pub kind: Option<SupportType>,
    pub description: Option<String>,
    #[serde(
        default,
        deserialize_with = "crate::roadmap::present_or_null",
        skip_serializing_if = "Option::is_none"
    )]
    #[cfg_attr(feature = "openapi", schema(value_type = Option<Uuid>))]
    pub priority_id: Option<Option<Uuid>>,
    #[serde(
        default,
        deserialize_with = "crate::roadmap::present_or_null",
        skip_serializing_if = "Option::is_none"
    )]
    #[cfg_attr(feature = "openapi", schema(value_type = Option<Uuid>))]
    pub action_id: Option<Option<Uuid>>,
}

/// A report with all its parts.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Report {
    pub id: Uuid,
    pub roadmap_id: Uuid,
    pub roadmap_version: i32,
    pub country_code: String,
    /// The reporting cycle's year.
    pub year: i32,
    pub status: ReportStatus,
    /// First submitted after the cycle's due date.
    pub late: bool,
    /// Not submitted, and the due date has passed.
    pub overdue: bool,
    /// The latest submission.
    pub submitted_at: Option<DateTime<Utc>>,
    /// Changes with every write; sent back in `If-Match` (as the `ETag`).
    pub revision: i64,
    /// The report of the previous cycle that pre-filled this one.
    pub previous_report_id: Option<Uuid>,
    pub narrative: Narrative,
    pub actions: Vec<ActionProgress>,
    pub indicators: Vec<IndicatorProgress>,
    pub support_requests: Vec<SupportRequest>,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

/// A report in a list: no parts.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ReportSummary {
    pub id: Uuid,
    pub roadmap_id: Uuid,
    pub roadmap_version: i32,
    pub country_code: String,
    pub year: i32,
    pub status: ReportStatus,
    pub late: bool,
    pub overdue: bool,
    pub submitted_at: Option<DateTime<Utc>>,
    pub revision: i64,
    pub updated_at: DateTime<Utc>,
}

/// `POST /reports`: the team's report for a cycle, on its approved roadmap.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct NewReport {
    pub roadmap_id: Uuid,
    pub year: i32,
}

/// What a reviewer decides on a report.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum ReportDecision {
    Accept,
    RequestChanges,
}

/// `POST /reports/{id}/reviews`.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct NewReportReview {
    pub decision: ReportDecision,
    /// Required when requesting changes.
    pub comment: Option<String>,
}

impl NewReportReview {
    /// The workflow step, and the decision's comment (required when changes are requested).
    pub fn checked(&self) -> Result<(review::Transition, Option<String>), crate::FieldError> {
        let (transition, decision) = match self.decision {
            ReportDecision::Accept => (review::Transition::Accept, review::Decision::Approve),
            ReportDecision::RequestChanges => (
                review::Transition::RequestChanges,
                review::Decision::RequestChanges,
            ),
        };
        let comment = review::NewReview {
            decision,
            comment: self.comment.clone(),
        }
        .checked_comment()?;
        Ok((transition, comment))
    }
}

/// The secretariat and admins open, change and close reporting cycles.
pub fn can_manage_cycles(role: crate::Role) -> bool {
    review::runs_platform(role)
}

/// Who follows the reporting of the whole alliance (the tracker, the synthesis): the
/// secretariat, admins and the Core Support Group's reviewers.
pub fn can_follow_reporting(role: crate::Role) -> bool {
    review::runs_platform(role) || role == crate::Role::Reviewer
}
