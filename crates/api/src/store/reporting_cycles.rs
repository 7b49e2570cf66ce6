//! Reporting cycles in the database: one row a year.

use chrono::{DateTime, Utc};
use pioneer_domain::Page;
use pioneer_domain::page::Paging;
use pioneer_domain::report::{CycleStatus, ReportingCycle};
use std::collections::HashMap;

use sea_orm::{
    ActiveModelTrait, ConnectionTrait, DatabaseConnection, EntityTrait, QueryOrder, Set,
};

use super::{StoreError, StoreResult, fetch_page, is_unique_violation};
use crate::entities::reporting_cycle;

pub fn cycle_dto(row: &reporting_cycle::Model) -> StoreResult<ReportingCycle> {
    Ok(ReportingCycle {
        year: row.year,
        opens_on: row.opens_on,
        due_on: row.due_on,
        status: row
            .status
            .parse::<CycleStatus>()
            .map_err(|e| StoreError::corrupt("cycle status", e))?,
    })
}

pub async fn find(db: &impl ConnectionTrait, year: i32) -> StoreResult<Option<ReportingCycle>> {
    reporting_cycle::Entity::find_by_id(year)
        .one(db)
        .await?
        .as_ref()
        .map(cycle_dto)
        .transpose()
}

/// Every cycle by year: a handful of rows, read whole to judge many reports late or overdue.
pub async fn all(db: &impl ConnectionTrait) -> StoreResult<HashMap<i32, ReportingCycle>> {
    reporting_cycle::Entity::find()
        .all(db)
        .await?
        .iter()
        .map(|row| cycle_dto(row).map(|cycle| (row.year, cycle)))
        .collect()
}

/// A page of cycles, newest first.
pub async fn page(db: &DatabaseConnection, paging: Paging) -> StoreResult<Page<ReportingCycle>> {
    let select = reporting_cycle::Entity::find().order_by_desc(reporting_cycle::Column::Year);
    let (rows, total) = fetch_page(db, select, paging).await?;
    let items = rows
        .iter()
        .map(cycle_dto)
        .collect::<StoreResult<Vec<_>>>()?;
    Ok(Page::new(items, total, paging))
}

/// Adds the cycle; `false` when the year has one already.
pub async fn insert(
    db: &impl ConnectionTrait,
    cycle: &ReportingCycle,
    now: DateTime<Utc>,
) -> StoreResult<bool> {
    let model = reporting_cycle::ActiveModel {
        year: Set(cycle.year),
        opens_on: Set(cycle.opens_on),
        due_on: Set(cycle.due_on),
        status: Set(cycle.status.as_str().to_owned()),
        created_at: Set(now),
        updated_at: Set(now),
    };
    match reporting_cycle::Entity::insert(model)
        .exec_without_returning(db)
        .await
    {
        Ok(_) => Ok(true),
        Err(err) if is_unique_violation(&err) => Ok(false),
        Err(err) => Err(err.into()),
    }
}

pub async fn update(
    db: &impl ConnectionTrait,
    cycle: &ReportingCycle,
    now: DateTime<Utc>,
) -> StoreResult<()> {
    reporting_cycle::ActiveModel {
        year: sea_orm::ActiveValue::Unchanged(cycle.year),
        opens_on: Set(cycle.opens_on),
        due_on: Set(cycle.due_on),
        status: Set(cycle.status.as_str().to_owned()),
        updated_at: Set(now),
        ..Default::default()
    }
    .update(db)
    .await?;
    Ok(())
}
