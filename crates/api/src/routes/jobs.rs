//! The background jobs, for the secretariat: what was sent, what failed, and retrying it.

use actix_web::{HttpResponse, get, post, web};
use pioneer_domain::jobs::{Job, JobStatus};
use pioneer_domain::{ErrorBody, Page, PageQuery};
use serde::Deserialize;
use uuid::Uuid;

use crate::auth::CurrentUser;
use crate::error::{ApiError, ApiResult};
use crate::state::AppState;
use crate::store;

#[derive(Debug, Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct JobQuery {
    pub status: Option<JobStatus>,
    /// `mail` or `reminder`.
    pub kind: Option<String>,
}

/// Jobs, newest first: `?status=failed` lists the mails that could not be sent.
#[utoipa::path(
    tag = "jobs",
    security(("bearer" = [])),
    params(JobQuery, PageQuery),
    responses((status = 200, body = Page<Job>), (status = 403, body = ErrorBody))
)]
#[get("/jobs")]
pub async fn list_jobs(
    state: web::Data<AppState>,
    user: CurrentUser,
    query: web::Query<JobQuery>,
    paging: web::Query<PageQuery>,
) -> ApiResult<HttpResponse> {
    user.require_secretariat("background jobs")?;
    let paging = paging.into_inner().parse().map_err(ApiError::validation)?;
    let (items, total) =
        store::jobs::list(&state.db, query.status, query.kind.as_deref(), paging).await?;
    Ok(HttpResponse::Ok().json(Page::new(items, total, paging)))
}

/// Tries a failed job again now, with its attempts counted afresh.
#[utoipa::path(
    tag = "jobs",
    security(("bearer" = [])),
    params(("id" = Uuid, Path)),
    responses(
        (status = 200, body = Job),
        (status = 403, body = ErrorBody),
        (status = 404, body = ErrorBody),
        (status = 409, description = "The job has not failed", body = ErrorBody)
    )
)]
#[post("/jobs/{id}/retry")]
pub async fn retry_job(
    state: web::Data<AppState>,
    user: CurrentUser,
    id: web::Path<Uuid>,
) -> ApiResult<HttpResponse> {
    user.require_secretariat("background jobs")?;
    let id = id.into_inner();
    match store::jobs::retry(&state.db, id, state.clock.now()).await? {
        Some(job) => {
            state.job_wake.notify_one();
            tracing::info!(job_id = %id, user_id = %user.id, "job retried");
            Ok(HttpResponse::Ok().json(job))
        }
        None if store::jobs::find(&state.db, id).await?.is_some() => Err(ApiError::conflict(
            pioneer_domain::ErrorCode::Other,
            "only a failed job can be retried",
        )),
        None => Err(ApiError::not_found("job")),
    }
}
