//! A country's profile (joining date, focal points, roadmap and reports as the reader may see
//! them) and its team (as its focal points manage it).

use chrono::{DateTime, Utc};
use pioneer_domain::Role;
use pioneer_domain::membership::profile::{
    CountryProfile, FocalPointEntry, ProfileReport, ProfileRoadmap, TeamMember,
};
use pioneer_domain::report::ReportKind;
use pioneer_domain::review::Scope;
use pioneer_domain::roadmap::workflow::RoadmapKind;
use sea_orm::sea_query::Expr;
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder};
use uuid::Uuid;

use super::{StoreError, StoreResult, scope_condition};
use crate::entities::{country, report, roadmap, user};

/// The profile of `code` for a reader of `scope`; `with_names`: the reader is a member, who may
/// see the focal points' names (four queries).
pub async fn profile(
    db: &impl ConnectionTrait,
    code: &str,
    scope: &Scope,
    with_names: bool,
) -> StoreResult<Option<CountryProfile>> {
    let Some(country) = country::Entity::find_by_id(code.to_owned()).one(db).await? else {
        return Ok(None);
    };
    let focal_points = user::Entity::find()
        .filter(user::Column::CountryCode.eq(code))
        .filter(user::Column::Role.eq(Role::CountryFocalPoint.as_str()))
        .filter(user::Column::Active.eq(true))
        .order_by_asc(user::Column::Ministry)
        .order_by_asc(user::Column::Name)
        .all(db)
        .await?
        .into_iter()
        .map(|m| FocalPointEntry {
            ministry: m.ministry,
            name: with_names.then_some(m.name),
            title: if with_names { m.title } else { None },
        })
        .collect();
    let roadmap = roadmap::Entity::find()
        .filter(roadmap::Column::CountryCode.eq(code))
        .filter(scope_condition::<RoadmapKind, _>(
            scope,
            roadmap::Column::Status,
            roadmap::Column::CountryCode,
        ))
        .order_by_desc(roadmap::Column::Version)
        .order_by_desc(roadmap::Column::CreatedAt)
        .one(db)
        .await?
        .map(|r| {
            Ok::<_, StoreError>(ProfileRoadmap {
                status: r
                    .status
                    .parse()
                    .map_err(|e| StoreError::corrupt("roadmap status", e))?,
                id: r.id,
                title: r.title,
                version: r.version,
            })
        })
        .transpose()?;
    let reports = report::Entity::find()
        .filter(report::Column::CountryCode.eq(code))
        .filter(scope_condition::<ReportKind, _>(
            scope,
            report::Column::Status,
            report::Column::CountryCode,
        ))
        .order_by_desc(report::Column::Year)
        .all(db)
        .await?
        .into_iter()
        .map(|r| {
            Ok(ProfileReport {
                status: r
                    .status
                    .parse()
                    .map_err(|e| StoreError::corrupt("report status", e))?,
                id: r.id,
                year: r.year,
            })
        })
        .collect::<StoreResult<_>>()?;
    Ok(Some(CountryProfile {
        code: country.code,
        name: country.name,
        region: country.region,
        pioneer: country.pioneer,
        joined_on: country.joined_on,
        focal_points,
        roadmap,
        reports,
    }))
}

/// The members of the country's team (its two roles), focal points first.
pub async fn team(db: &impl ConnectionTrait, code: &str) -> StoreResult<Vec<TeamMember>> {
    let mut members = user::Entity::find()
        .filter(user::Column::CountryCode.eq(code))
        .filter(user::Column::Role.is_in([
            Role::CountryFocalPoint.as_str(),
            Role::CountryContributor.as_str(),
        ]))
        .order_by_asc(user::Column::Name)
        .all(db)
        .await?
        .into_iter()
        .map(|m| {
            Ok(TeamMember {
                role: m.role.parse().map_err(|e| StoreError::corrupt("role", e))?,
                id: m.id,
                name: m.name,
                email: m.email,
                ministry: m.ministry,
                title: m.title,
                active: m.active,
                two_factor: m.totp_enabled_at.is_some(),
            })
        })
        .collect::<StoreResult<Vec<_>>>()?;
    members.sort_by_key(|m| (m.role != Role::CountryFocalPoint, !m.active));
    Ok(members)
}

/// Gives `member_id` the role `role` (a handover), in the caller's transaction.
pub async fn set_role(
    db: &impl ConnectionTrait,
    member_id: Uuid,
    role: Role,
    now: DateTime<Utc>,
) -> StoreResult<()> {
    user::Entity::update_many()
        .col_expr(user::Column::Role, Expr::value(role.as_str()))
        .col_expr(user::Column::UpdatedAt, Expr::value(now))
        .filter(user::Column::Id.eq(member_id))
        .exec(db)
        .await?;
    Ok(())
}
