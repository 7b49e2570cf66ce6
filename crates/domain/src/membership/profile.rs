//! A country's public face in the alliance, and its team as its focal points manage it.

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use crate::Role;
use crate::report::ReportStatus;
use crate::roadmap::RoadmapStatus;

/// One of a country's focal points. Names are shown to signed-in members only.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct FocalPointEntry {
    /// The ministry or body they work in, when known.
    pub ministry: Option<String>,
    pub name: Option<String>,
    pub title: Option<String>,
}

/// The country's current roadmap, as far as the reader may know it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ProfileRoadmap {
    pub id: Uuid,
    pub title: String,
    pub status: RoadmapStatus,
    pub version: i32,
}

/// One annual report, by year.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ProfileReport {
    pub id: Uuid,
    pub year: i32,
    pub status: ReportStatus,
}

/// `GET /countries/{code}/profile`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CountryProfile {
    pub code: String,
    pub name: String,
    pub region: String,
    pub pioneer: bool,
    /// The day the country's expression of interest was accepted.
    pub joined_on: Option<NaiveDate>,
    pub focal_points: Vec<FocalPointEntry>,
    /// The newest roadmap the reader may see (none for anonymous readers before approval).
    pub roadmap: Option<ProfileRoadmap>,
    /// Reports the reader may see, newest year first.
    pub reports: Vec<ProfileReport>,
}

/// A member of a country's team, as its focal points see it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct TeamMember {
    pub id: Uuid,
    pub name: String,
    pub email: String,
    pub role: Role,
    pub ministry: Option<String>,
    pub title: Option<String>,
    pub active: bool,
    pub two_factor: bool,
}

/// Someone invited who has not accepted yet.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PendingInvitation {
    pub id: Uuid,
    pub email: String,
    pub role: Role,
    pub ministry: Option<String>,
    pub expires_at: DateTime<Utc>,
}

/// `GET /countries/{code}/team`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Team {
    pub country_code: String,
    pub members: Vec<TeamMember>,
    pub invitations: Vec<PendingInvitation>,
}

/// `POST /countries/{code}/team/{user_id}/handover`: the member becomes a focal point; the one
/// handing over stays in the team as a contributor unless `keep_role`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Handover {
    #[serde(default)]
    pub keep_role: bool,
}

/// Whether a member of a team may be handed the focal-point role: an active contributor of
/// the same country.
pub fn can_take_over(
    member_role: Role,
    member_country: Option<&str>,
    member_active: bool,
    country: &str,
) -> bool {
    member_active && member_role == Role::CountryContributor && member_country == Some(country)
}
