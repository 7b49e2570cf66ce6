//! Reference data: open to anyone, it holds nothing private.

use actix_web::{HttpResponse, get, web};
use pioneer_domain::reference::{Country, CountryQuery, Indicator, Strategy};
use pioneer_domain::{ErrorBody, Page, PageQuery};

use crate::error::{ApiError, ApiResult};
use crate::state::AppState;
use crate::store;
use crate::store::reference::CountryFilter;

/// ISO 3166-1 countries, sorted by code, paged like every list (there are 249: a client that
/// wants them all reads `?per_page=100` pages until it has `total`).
#[utoipa::path(
    tag = "reference",
    params(PageQuery, CountryQuery),
    responses((status = 200, body = Page<Country>), (status = 400, body = ErrorBody), (status = 422, body = ErrorBody))
)]
#[get("/countries")]
pub async fn list_countries(
    state: web::Data<AppState>,
    paging: web::Query<PageQuery>,
    query: web::Query<CountryQuery>,
) -> ApiResult<HttpResponse> {
    let paging = paging.into_inner().parse().map_err(ApiError::validation)?;
    let CountryQuery { pioneer, region } = query.into_inner();
    let filter = CountryFilter { pioneer, region };
    let (items, total) = store::reference::list_countries(&state.db, &filter, paging).await?;
    Ok(HttpResponse::Ok().json(Page::new(items, total, paging)))
}

/// One country by its ISO 3166-1 alpha-3 code (any case).
#[utoipa::path(
    tag = "reference",
    params(("code" = String, Path, description = "ISO 3166-1 alpha-3 code", example = "KEN")),
    responses((status = 200, body = Country), (status = 404, body = ErrorBody))
)]
#[get("/countries/{code}")]
pub async fn get_country(
    state: web::Data<AppState>,
    code: web::Path<String>,
) -> ApiResult<HttpResponse> {
    let code = code.into_inner().to_uppercase();
    let country = store::reference::find_country(&state.db, &code)
        .await?
        .ok_or_else(|| ApiError::not_found("country"))?;
    Ok(HttpResponse::Ok().json(country))
}

/// The seven WHO INSPIRE strategies, in INSPIRE order (one page at the default size).
#[utoipa::path(
    tag = "reference",
    params(PageQuery),
    responses((status = 200, body = Page<Strategy>), (status = 422, body = ErrorBody))
)]
#[get("/strategies")]
pub async fn list_strategies(
    state: web::Data<AppState>,
    paging: web::Query<PageQuery>,
) -> ApiResult<HttpResponse> {
    let paging = paging.into_inner().parse().map_err(ApiError::validation)?;
    let (items, total) = store::reference::list_strategies(&state.db, paging).await?;
    Ok(HttpResponse::Ok().json(Page::new(items, total, paging)))
}

/// SDG indicators on violence against children, in their published order.
#[utoipa::path(
    tag = "reference",
    params(PageQuery),
    responses((status = 200, body = Page<Indicator>), (status = 422, body = ErrorBody))
)]
#[get("/indicators")]
pub async fn list_indicators(
    state: web::Data<AppState>,
    paging: web::Query<PageQuery>,
) -> ApiResult<HttpResponse> {
    let paging = paging.into_inner().parse().map_err(ApiError::validation)?;
    let (items, total) = store::reference::list_indicators(&state.db, paging).await?;
    Ok(HttpResponse::Ok().json(Page::new(items, total, paging)))
}
