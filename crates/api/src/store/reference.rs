//! Reference data: countries, WHO INSPIRE strategies, SDG indicators (loaded by the migrations).

use pioneer_domain::page::Paging;
use pioneer_domain::reference::{Country, Indicator, Strategy};
use pioneer_domain::roadmap::validation::ReferenceCodes;
use sea_orm::sea_query::{Expr, ExprTrait, Func};
use sea_orm::{
    ColumnTrait, Condition, ConnectionTrait, DatabaseConnection, EntityTrait, QueryFilter,
    QueryOrder,
};

use super::{StoreResult, fetch_page};
use crate::entities::{country, indicator, strategy};

/// Filters of the country list; both must hold.
#[derive(Debug, Clone, Default)]
pub struct CountryFilter {
    pub pioneer: Option<bool>,
    /// A UN region in any case; blank means any region.
    pub region: Option<String>,
}

/// One page of countries, sorted by code, and how many match.
pub async fn list_countries(
    db: &DatabaseConnection,
    filter: &CountryFilter,
    paging: Paging,
) -> StoreResult<(Vec<Country>, u64)> {
    let mut select = country::Entity::find().order_by_asc(country::Column::Code);
    if let Some(pioneer) = filter.pioneer {
        select = select.filter(country::Column::Pioneer.eq(pioneer));
    }
    let region = filter
        .region
        .as_deref()
        .map(str::trim)
        .filter(|r| !r.is_empty());
    if let Some(region) = region {
        if region.contains('\0') {
            // No region holds a NUL, and PostgreSQL would refuse the text rather than find no
            // row: match none, on both backends alike.
            select = select.filter(Condition::any());
        } else {
            // Region names are ASCII: LOWER folds them alike on SQLite and PostgreSQL.
            let lower_region = Expr::expr(Func::lower(Expr::col(country::Column::Region)));
            select = select.filter(ExprTrait::eq(lower_region, region.to_ascii_lowercase()));
        }
    }
    let (rows, total) = fetch_page(db, select, paging).await?;
    Ok((rows.into_iter().map(Country::from).collect(), total))
}

/// The country with this ISO alpha-3 code, in upper case.
pub async fn find_country(db: &impl ConnectionTrait, code: &str) -> StoreResult<Option<Country>> {
    Ok(country::Entity::find_by_id(code.to_owned())
        .one(db)
        .await?
        .map(Country::from))
}

/// The countries of `codes`, by code (one query).
pub async fn countries_by_code(
    db: &impl ConnectionTrait,
    codes: &[String],
) -> StoreResult<std::collections::HashMap<String, Country>> {
    Ok(country::Entity::find()
        .filter(country::Column::Code.is_in(codes.iter().cloned()))
        .all(db)
        .await?
        .into_iter()
        .map(|m| (m.code.clone(), Country::from(m)))
        .collect())
}

pub async fn country_exists(db: &impl ConnectionTrait, code: &str) -> StoreResult<bool> {
    Ok(country::Entity::find_by_id(code.to_owned())
        .one(db)
        .await?
        .is_some())
}

/// One page of the INSPIRE strategies, in INSPIRE order.
pub async fn list_strategies(
    db: &DatabaseConnection,
    paging: Paging,
) -> StoreResult<(Vec<Strategy>, u64)> {
    let select = strategy::Entity::find().order_by_asc(strategy::Column::Position);
    let (rows, total) = fetch_page(db, select, paging).await?;
    Ok((rows.into_iter().map(Strategy::from).collect(), total))
}

/// One page of the SDG indicators, in their published order.
pub async fn list_indicators(
    db: &DatabaseConnection,
    paging: Paging,
) -> StoreResult<(Vec<Indicator>, u64)> {
    let select = indicator::Entity::find().order_by_asc(indicator::Column::Position);
    let (rows, total) = fetch_page(db, select, paging).await?;
    Ok((rows.into_iter().map(Indicator::from).collect(), total))
}

/// The INSPIRE strategy and SDG indicator codes that roadmaps may name.
pub async fn reference_codes(db: &DatabaseConnection) -> StoreResult<ReferenceCodes> {
    Ok(ReferenceCodes {
        strategies: strategy::Entity::find()
            .all(db)
            .await?
            .into_iter()
            .map(|s| s.code)
            .collect(),
        indicators: indicator::Entity::find()
            .all(db)
            .await?
            .into_iter()
            .map(|i| i.code)
            .collect(),
    })
}
