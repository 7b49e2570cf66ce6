//! Reference data: open to anyone, it holds nothing private.

use actix_web::{HttpResponse, get, web};
use pioneer_domain::Page;
use pioneer_domain::reference::{Country, CountryQuery, Indicator, Strategy};
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, QueryOrder};

use crate::entities::{country, indicator, strategy};
use crate::error::{ApiError, ApiResult};
use crate::state::AppState;

/// All ISO 3166-1 countries (not paged: there are 249), sorted by code.
#[utoipa::path(
    tag = "reference",
    params(CountryQuery),
    responses((status = 200, body = Page<Country>), (status = 400, body = pioneer_domain::ErrorBody))
)]
#[get("/countries")]
pub async fn list_countries(
    state: web::Data<AppState>,
    query: web::Query<CountryQuery>,
) -> ApiResult<HttpResponse> {
    let query = query.into_inner();
    let mut select = country::Entity::find().order_by_asc(country::Column::Code);
    if let Some(pioneer) = query.pioneer {
        select = select.filter(country::Column::Pioneer.eq(pioneer));
    }
    let rows = select.all(&state.db).await?;
    let region = query
        .region
        .as_deref()
        .map(str::trim)
        .filter(|r| !r.is_empty());
    let items: Vec<Country> = rows
        .into_iter()
        .filter(|c| region.is_none_or(|r| c.region.eq_ignore_ascii_case(r)))
        .map(Country::from)
        .collect();
    Ok(HttpResponse::Ok().json(Page::whole(items)))
}

/// One country by its ISO 3166-1 alpha-3 code (any case).
#[utoipa::path(
    tag = "reference",
    params(("code" = String, Path, description = "ISO 3166-1 alpha-3 code", example = "KEN")),
    responses((status = 200, body = Country), (status = 404, body = pioneer_domain::ErrorBody))
)]
#[get("/countries/{code}")]
pub async fn get_country(
    state: web::Data<AppState>,
    code: web::Path<String>,
) -> ApiResult<HttpResponse> {
    let code = code.into_inner().to_uppercase();
    let found = country::Entity::find_by_id(code)
        .one(&state.db)
        .await?
        .ok_or_else(|| ApiError::not_found("country"))?;
    Ok(HttpResponse::Ok().json(Country::from(found)))
}

/// The seven WHO INSPIRE strategies, in INSPIRE order.
#[utoipa::path(tag = "reference", responses((status = 200, body = Page<Strategy>)))]
#[get("/strategies")]
pub async fn list_strategies(state: web::Data<AppState>) -> ApiResult<HttpResponse> {
    let rows = strategy::Entity::find()
        .order_by_asc(strategy::Column::Position)
        .all(&state.db)
        .await?;
    Ok(HttpResponse::Ok().json(Page::whole(rows.into_iter().map(Strategy::from).collect())))
}

/// SDG indicators on violence against children.
#[utoipa::path(tag = "reference", responses((status = 200, body = Page<Indicator>)))]
#[get("/indicators")]
pub async fn list_indicators(state: web::Data<AppState>) -> ApiResult<HttpResponse> {
    let rows = indicator::Entity::find()
        .order_by_asc(indicator::Column::Position)
        .all(&state.db)
        .await?;
    Ok(HttpResponse::Ok().json(Page::whole(rows.into_iter().map(Indicator::from).collect())))
}
