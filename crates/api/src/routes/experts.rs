//! `/experts`, `/me/expert-profile`, `/organisations` and `/contact-requests`: the directory
//! of experts and partner organisations, and members' requests to be in touch.

use actix_web::{HttpResponse, delete, get, post, put, web};
use pioneer_domain::experts::{
    ContactDecision, ContactFilter, ContactRequest, DirectoryQuery, Expert, ExpertResults,
    NewContactRequest, NewExpertProfile, NewOrganisation, Organisation, OrganisationResults,
};
use pioneer_domain::{ErrorBody, Page, PageQuery};
use uuid::Uuid;

use crate::auth::CurrentUser;
use crate::error::{ApiError, ApiResult};
use crate::experts;
use crate::state::AppState;

/// Finds experts: words (stemmed in the four languages) over their names, bios, organisations
/// and tags, and filters; facet counts for each filter. Without words, by name.
#[utoipa::path(
    tag = "experts",
    security(("bearer" = [])),
    params(DirectoryQuery, PageQuery),
    responses((status = 200, body = ExpertResults), (status = 401, body = ErrorBody), (status = 422, body = ErrorBody))
)]
#[get("/experts")]
pub async fn list_experts(
    state: web::Data<AppState>,
    user: CurrentUser,
    query: web::Query<DirectoryQuery>,
    paging: web::Query<PageQuery>,
) -> ApiResult<HttpResponse> {
    let paging = paging.into_inner().parse().map_err(ApiError::validation)?;
    let found = experts::experts(&state, &user, query.into_inner(), paging).await?;
    Ok(HttpResponse::Ok().json(found))
}

/// An expert's profile. `email` is there once a contact request between the caller and them
/// was accepted; `contact` is the latest request between them.
#[utoipa::path(
    tag = "experts",
    security(("bearer" = [])),
    params(("id" = Uuid, Path, description = "The member's id")),
    responses((status = 200, body = Expert), (status = 404, body = ErrorBody))
)]
#[get("/experts/{id}")]
pub async fn get_expert(
    state: web::Data<AppState>,
    user: CurrentUser,
    id: web::Path<Uuid>,
) -> ApiResult<HttpResponse> {
    Ok(HttpResponse::Ok().json(experts::expert(&state, &user, *id).await?))
}

/// The caller's own expert profile (404 until they write one).
#[utoipa::path(
    tag = "experts",
    security(("bearer" = [])),
    responses((status = 200, body = Expert), (status = 404, body = ErrorBody))
)]
#[get("/me/expert-profile")]
pub async fn get_my_expert_profile(
    state: web::Data<AppState>,
    user: CurrentUser,
) -> ApiResult<HttpResponse> {
    Ok(HttpResponse::Ok().json(experts::my_profile(&state, &user).await?))
}

/// Writes the caller's expert profile, the first time or again: they are in the directory.
#[utoipa::path(
    tag = "experts",
    security(("bearer" = [])),
    request_body = NewExpertProfile,
    responses(
        (status = 200, body = Expert),
        (status = 422, description = "A field is invalid, or `organisation_id` names no organisation (`unknown_organisation`)", body = ErrorBody),
    )
)]
#[put("/me/expert-profile")]
pub async fn put_my_expert_profile(
    state: web::Data<AppState>,
    user: CurrentUser,
    body: web::Json<NewExpertProfile>,
) -> ApiResult<HttpResponse> {
    Ok(HttpResponse::Ok().json(experts::save_my_profile(&state, &user, &body).await?))
}

/// Takes the caller out of the directory.
#[utoipa::path(
    tag = "experts",
    security(("bearer" = [])),
    responses((status = 204), (status = 404, body = ErrorBody))
)]
#[delete("/me/expert-profile")]
pub async fn delete_my_expert_profile(
    state: web::Data<AppState>,
    user: CurrentUser,
) -> ApiResult<HttpResponse> {
    experts::delete_my_profile(&state, &user).await?;
    Ok(HttpResponse::NoContent().finish())
}

/// Finds partner organisations (UN agencies, civil society, faith-based, survivor-led,
/// children- and youth-led networks, academia, private sector). Without words, by name.
#[utoipa::path(
    tag = "experts",
    security(("bearer" = [])),
    params(DirectoryQuery, PageQuery),
    responses((status = 200, body = OrganisationResults), (status = 401, body = ErrorBody), (status = 422, body = ErrorBody))
)]
#[get("/organisations")]
pub async fn list_organisations(
    state: web::Data<AppState>,
    user: CurrentUser,
    query: web::Query<DirectoryQuery>,
    paging: web::Query<PageQuery>,
) -> ApiResult<HttpResponse> {
    let paging = paging.into_inner().parse().map_err(ApiError::validation)?;
    let found = experts::organisations(&state, &user, query.into_inner(), paging).await?;
    Ok(HttpResponse::Ok().json(found))
}

/// Adds an organisation to the directory (the secretariat). Names are unique.
#[utoipa::path(
    tag = "experts",
    security(("bearer" = [])),
    request_body = NewOrganisation,
    responses(
        (status = 201, body = Organisation),
        (status = 403, body = ErrorBody),
        (status = 409, description = "An organisation has this name (`organisation_name_taken`)", body = ErrorBody),
        (status = 422, body = ErrorBody),
    )
)]
#[post("/organisations")]
pub async fn create_organisation(
    state: web::Data<AppState>,
    user: CurrentUser,
    body: web::Json<NewOrganisation>,
) -> ApiResult<HttpResponse> {
    let created = experts::create_organisation(&state, &user, &body).await?;
    Ok(HttpResponse::Created()
        .insert_header(("Location", format!("/api/v1/organisations/{}", created.id)))
        .json(created))
}

#[utoipa::path(
    tag = "experts",
    security(("bearer" = [])),
    params(("id" = Uuid, Path)),
    responses((status = 200, body = Organisation), (status = 404, body = ErrorBody))
)]
#[get("/organisations/{id}")]
pub async fn get_organisation(
    state: web::Data<AppState>,
    _user: CurrentUser,
    id: web::Path<Uuid>,
) -> ApiResult<HttpResponse> {
    Ok(HttpResponse::Ok().json(experts::organisation(&state, *id).await?))
}

/// Changes an organisation (the secretariat).
#[utoipa::path(
    tag = "experts",
    security(("bearer" = [])),
    params(("id" = Uuid, Path)),
    request_body = NewOrganisation,
    responses(
        (status = 200, body = Organisation),
        (status = 403, body = ErrorBody),
        (status = 404, body = ErrorBody),
        (status = 409, description = "An organisation has this name (`organisation_name_taken`)", body = ErrorBody),
        (status = 422, body = ErrorBody),
    )
)]
#[put("/organisations/{id}")]
pub async fn update_organisation(
    state: web::Data<AppState>,
    user: CurrentUser,
    id: web::Path<Uuid>,
    body: web::Json<NewOrganisation>,
) -> ApiResult<HttpResponse> {
    Ok(HttpResponse::Ok().json(experts::update_organisation(&state, &user, *id, &body).await?))
}

/// The caller's contact requests: received (default) or sent, newest first. Addresses are
/// there once accepted.
#[utoipa::path(
    tag = "experts",
    security(("bearer" = [])),
    params(ContactFilter, PageQuery),
    responses((status = 200, body = Page<ContactRequest>), (status = 401, body = ErrorBody), (status = 422, body = ErrorBody))
)]
#[get("/contact-requests")]
pub async fn list_contact_requests(
    state: web::Data<AppState>,
    user: CurrentUser,
    filter: web::Query<ContactFilter>,
    paging: web::Query<PageQuery>,
) -> ApiResult<HttpResponse> {
    let paging = paging.into_inner().parse().map_err(ApiError::validation)?;
    let (items, total) = experts::contact_requests(&state, &user, *filter, paging).await?;
    Ok(HttpResponse::Ok().json(Page::new(items, total, paging)))
}

/// Asks an expert to be in touch: they are notified, and accept or decline. 201 for a new
/// request; 200 with the one still waiting, when there is one.
#[utoipa::path(
    tag = "experts",
    security(("bearer" = [])),
    request_body = NewContactRequest,
    responses(
        (status = 201, description = "Sent", body = ContactRequest),
        (status = 200, description = "The request sent before still waits", body = ContactRequest),
        (status = 409, description = "They accepted already (`already_in_contact`), or declined lately (`recently_declined`)", body = ErrorBody),
        (status = 422, description = "A field is invalid; the expert is unknown (`unknown_expert`) or the caller (`yourself`)", body = ErrorBody),
    )
)]
#[post("/contact-requests")]
pub async fn create_contact_request(
    state: web::Data<AppState>,
    user: CurrentUser,
    body: web::Json<NewContactRequest>,
) -> ApiResult<HttpResponse> {
    let (request, created) = experts::send_contact_request(&state, &user, &body).await?;
    Ok(if created {
        HttpResponse::Created()
            .insert_header((
                "Location",
                format!("/api/v1/contact-requests/{}", request.id),
            ))
            .json(request)
    } else {
        HttpResponse::Ok().json(request)
    })
}

/// A request the caller sent or received.
#[utoipa::path(
    tag = "experts",
    security(("bearer" = [])),
    params(("id" = Uuid, Path)),
    responses((status = 200, body = ContactRequest), (status = 404, body = ErrorBody))
)]
#[get("/contact-requests/{id}")]
pub async fn get_contact_request(
    state: web::Data<AppState>,
    user: CurrentUser,
    id: web::Path<Uuid>,
) -> ApiResult<HttpResponse> {
    Ok(HttpResponse::Ok().json(experts::contact_request(&state, &user, *id).await?))
}

/// The expert accepts (each then sees the other's address) or declines.
#[utoipa::path(
    tag = "experts",
    security(("bearer" = [])),
    params(("id" = Uuid, Path)),
    request_body = ContactDecision,
    responses(
        (status = 200, body = ContactRequest),
        (status = 403, description = "The caller sent it", body = ErrorBody),
        (status = 404, body = ErrorBody),
        (status = 409, description = "Answered already (`already_decided`)", body = ErrorBody),
    )
)]
#[post("/contact-requests/{id}/decision")]
pub async fn decide_contact_request(
    state: web::Data<AppState>,
    user: CurrentUser,
    id: web::Path<Uuid>,
    body: web::Json<ContactDecision>,
) -> ApiResult<HttpResponse> {
    Ok(HttpResponse::Ok().json(experts::decide(&state, &user, *id, *body).await?))
}
