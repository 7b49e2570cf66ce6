//! The directory of experts and partner organisations as members use it: finding them (through
//! the search index, like resources), keeping one's own expert profile, the secretariat keeping
//! the organisations, and contact requests, which show an address only once accepted.

use pioneer_domain::classification::region_named;
use pioneer_domain::experts::{
    ContactDecision, ContactFilter, ContactOutcome, ContactRequest, ContactStatus, DirectoryFacets,
    DirectoryQuery, Expert, ExpertResults, NewContactRequest, NewExpertProfile, NewOrganisation,
    Organisation, OrganisationResults, ValidOrganisation, next_request,
};
use pioneer_domain::notifications::NotificationKind;
use pioneer_domain::page::Paging;
use pioneer_domain::{ErrorCode, FieldError};
use uuid::Uuid;

use crate::auth::CurrentUser;
use crate::discussions::reader;
use crate::error::{ApiError, ApiResult};
use crate::search::entries::Subject;
use crate::search::index::{Found, SearchQuery, in_order};
use crate::state::AppState;
use crate::store::change_feed::Changed;
use crate::store::experts::{self as store, OrganisationSaved};
use crate::store::notifications::{self as notifications_store, NewNotification};
use crate::store::write::Write;

/// The longest words a directory search takes.
const MAX_QUERY_CHARS: usize = 500;

/// Where a contact request is read.
const CONTACTS_LINK: &str = "/contacts";

/// Finds `subject`s for `user` through the search index.
async fn find(
    state: &AppState,
    user: &CurrentUser,
    subject: Subject,
    query: DirectoryQuery,
    paging: Paging,
) -> ApiResult<Found> {
    let text = query.q.unwrap_or_default();
    if text.chars().count() > MAX_QUERY_CHARS {
        return Err(ApiError::field(FieldError::new(
            "q",
            "too_long",
            format!("at most {MAX_QUERY_CHARS} characters"),
        )));
    }
    let reader = reader(state, user).await?;
    let search = SearchQuery {
        subject,
        text,
        kind: query.kind.map(|k| k.as_str().to_owned()),
        strategy: query.strategy.map(|s| s.trim().to_owned()),
        country: query.country.map(|c| c.trim().to_uppercase()),
        language: query.language.map(|l| l.trim().to_lowercase()),
        // An unknown region finds nothing, as an unknown code of the other filters does.
        region: query
            .region
            .map(|r| region_named(&r).map_or_else(|| r.trim().to_owned(), str::to_owned)),
        organisation: query.organisation_id,
        offset: usize::try_from(paging.offset()).unwrap_or(usize::MAX),
        limit: usize::try_from(paging.per_page).unwrap_or(20),
        ..SearchQuery::default()
    };
    state
        .search
        .search(Some(&reader), &search)
        .map_err(ApiError::internal)
}

fn facets(found: &Found) -> DirectoryFacets {
    DirectoryFacets {
        kind: found.facets.kind.clone(),
        strategy: found.facets.strategy.clone(),
        language: found.facets.language.clone(),
        country: found.facets.country.clone(),
        region: found.regions.clone(),
    }
}

/// `GET /experts`.
pub async fn experts(
    state: &AppState,
    user: &CurrentUser,
    query: DirectoryQuery,
    paging: Paging,
) -> ApiResult<ExpertResults> {
    let found = find(state, user, Subject::Expert, query, paging).await?;
    let ids: Vec<_> = found.hits.iter().map(|hit| hit.id).collect();
    let rows = store::experts(&state.db, &ids).await?;
    let experts = store::to_experts(&state.db, rows, user.id).await?;
    let by_id = experts.into_iter().map(|e| (e.id, e)).collect();
    // The index may be a moment behind: who left the directory since is left out.
    let items = in_order(&found.hits, by_id)
        .into_iter()
        .map(|(_, expert)| expert)
        .collect();
    Ok(ExpertResults {
        items,
        total: found.total,
        page: paging.page,
        per_page: paging.per_page,
        facets: facets(&found),
    })
}

/// An expert of the directory: an active member with a profile; 404 otherwise.
pub async fn expert(state: &AppState, user: &CurrentUser, id: Uuid) -> ApiResult<Expert> {
    let rows = store::experts(&state.db, &[id]).await?;
    store::to_experts(&state.db, rows, user.id)
        .await?
        .pop()
        .ok_or_else(|| ApiError::not_found("expert"))
}

/// The caller's own profile; 404 while they have none.
pub async fn my_profile(state: &AppState, user: &CurrentUser) -> ApiResult<Expert> {
    expert(state, user, user.id).await
}

/// Writes the caller's profile (creating it the first time): they are in the directory.
pub async fn save_my_profile(
    state: &AppState,
    user: &CurrentUser,
    input: &NewExpertProfile,
) -> ApiResult<Expert> {
    let valid = input
        .validate(&state.reference.strategies)
        .map_err(ApiError::validation)?;
    if let Some(organisation) = valid.organisation_id
        && store::find_organisation(&state.db, organisation)
            .await?
            .is_none()
    {
        return Err(ApiError::field(FieldError::new(
            "organisation_id",
            "unknown_organisation",
            "no organisation of the directory has this id",
        )));
    }
    let mut write = state.write(user.id).await?;
    store::save_profile(&mut write, user.id, &valid).await?;
    write.commit().await?;
    state.search.catch_up(&state.db).await;
    my_profile(state, user).await
}

/// Takes the caller out of the directory. Requests already made stay with their two sides.
pub async fn delete_my_profile(state: &AppState, user: &CurrentUser) -> ApiResult<()> {
    let mut write = state.write(user.id).await?;
    if !store::delete_profile(&mut write, user.id).await? {
        return Err(ApiError::not_found("expert profile"));
    }
    write.commit().await?;
    state.search.catch_up(&state.db).await;
    Ok(())
}

/// `GET /organisations`.
pub async fn organisations(
    state: &AppState,
    user: &CurrentUser,
    query: DirectoryQuery,
    paging: Paging,
) -> ApiResult<OrganisationResults> {
    let found = find(state, user, Subject::Organisation, query, paging).await?;
    let rows = store::organisations(&state.db, found.hits.iter().map(|hit| hit.id)).await?;
    let organisations = store::to_organisations(&state.db, rows.into_values().collect()).await?;
    let by_id = organisations.into_iter().map(|o| (o.id, o)).collect();
    let items = in_order(&found.hits, by_id)
        .into_iter()
        .map(|(_, organisation)| organisation)
        .collect();
    Ok(OrganisationResults {
        items,
        total: found.total,
        page: paging.page,
        per_page: paging.per_page,
        facets: facets(&found),
    })
}

pub async fn organisation(state: &AppState, id: Uuid) -> ApiResult<Organisation> {
    let row = store::find_organisation(&state.db, id)
        .await?
        .ok_or_else(|| ApiError::not_found("organisation"))?;
    store::to_organisations(&state.db, vec![row])
        .await?
        .pop()
        .ok_or_else(|| ApiError::not_found("organisation"))
}

fn name_taken(valid: &ValidOrganisation) -> ApiError {
    ApiError::conflict(
        ErrorCode::OrganisationNameTaken,
        format!("an organisation named “{}” is in the directory", valid.name),
    )
    .with_details(vec![FieldError::new(
        "name",
        ErrorCode::OrganisationNameTaken.as_str(),
        "an organisation has this name already",
    )])
}

/// The secretariat adds an organisation to the directory.
pub async fn create_organisation(
    state: &AppState,
    user: &CurrentUser,
    input: &NewOrganisation,
) -> ApiResult<Organisation> {
    user.require_secretariat("partner organisations")?;
    let valid = input
        .validate(&state.reference.strategies)
        .map_err(ApiError::validation)?;
    let id = Uuid::now_v7();
    let mut write = state.write(user.id).await?;
    let saved = store::insert_organisation(&write.txn, id, &valid, user.id, write.now).await?;
    write.touched(Changed::Organisation(id));
    match saved {
        OrganisationSaved::Saved => {}
        OrganisationSaved::NameTaken | OrganisationSaved::Missing => {
            return Err(name_taken(&valid));
        }
    }
    write.commit().await?;
    state.search.catch_up(&state.db).await;
    tracing::info!(organisation_id = %id, "organisation added");
    organisation(state, id).await
}

pub async fn update_organisation(
    state: &AppState,
    user: &CurrentUser,
    id: Uuid,
    input: &NewOrganisation,
) -> ApiResult<Organisation> {
    user.require_secretariat("partner organisations")?;
    let valid = input
        .validate(&state.reference.strategies)
        .map_err(ApiError::validation)?;
    let mut write = state.write(user.id).await?;
    match store::update_organisation(&mut write, id, &valid).await? {
        OrganisationSaved::Saved => {}
        OrganisationSaved::NameTaken => return Err(name_taken(&valid)),
        OrganisationSaved::Missing => return Err(ApiError::not_found("organisation")),
    }
    write.commit().await?;
    state.search.catch_up(&state.db).await;
    organisation(state, id).await
}

async fn contact_answer(
    state: &AppState,
    row: crate::entities::contact_request::Model,
) -> ApiResult<ContactRequest> {
    store::to_contact_requests(&state.db, vec![row])
        .await?
        .pop()
        .ok_or_else(|| ApiError::not_found("contact request"))
}

/// Tells `whom`, in the write, what `actor` did about a contact request.
async fn tell(
    write: &Write,
    whom: Uuid,
    kind: NotificationKind,
    actor: &CurrentUser,
) -> ApiResult<()> {
    let notice = NewNotification {
        user_id: whom,
        kind,
        actor_id: Some(actor.id),
        subject: actor.name.clone(),
        detail: None,
        link: CONTACTS_LINK.to_owned(),
        group_id: None,
    };
    Ok(notifications_store::insert_many(&write.txn, vec![notice], write.now).await?)
}

/// A member asks an expert to be in touch; answers the request and whether it is new (a
/// request still waiting is the answer to asking again).
pub async fn send_contact_request(
    state: &AppState,
    user: &CurrentUser,
    input: &NewContactRequest,
) -> ApiResult<(ContactRequest, bool)> {
    let message = input.validate().map_err(ApiError::validation)?;
    if input.expert_id == user.id {
        return Err(ApiError::field(FieldError::new(
            "expert_id",
            "yourself",
            "you cannot send a contact request to yourself",
        )));
    }
    let unknown = || {
        ApiError::field(FieldError::new(
            "expert_id",
            "unknown_expert",
            "no expert of the directory has this id",
        ))
    };
    let write = state.write(user.id).await?;
    if !store::lock_expert(&write.txn, input.expert_id).await? {
        return Err(unknown());
    }
    let previous = store::previous_request(&write.txn, user.id, input.expert_id).await?;
    match next_request(previous.as_ref().map(|(_, p)| *p), write.now) {
        ContactOutcome::Send => {}
        ContactOutcome::StillWaiting => {
            let (row, _) = previous.ok_or_else(unknown)?;
            drop(write);
            return Ok((contact_answer(state, row).await?, false));
        }
        ContactOutcome::AlreadyAccepted => {
            return Err(ApiError::conflict(
                ErrorCode::AlreadyInContact,
                "this expert accepted your request already: their address is on their profile",
            ));
        }
        ContactOutcome::DeclinedUntil(until) => {
            return Err(ApiError::conflict(
                ErrorCode::RecentlyDeclined,
                format!(
                    "this expert declined your last request; you may ask again from {}",
                    until.format("%Y-%m-%d")
                ),
            ));
        }
    }
    let id = Uuid::now_v7();
    store::insert_contact(&write.txn, id, user.id, input.expert_id, message, write.now).await?;
    tell(
        &write,
        input.expert_id,
        NotificationKind::ContactRequest,
        user,
    )
    .await?;
    let row = store::find_contact(&write.txn, id)
        .await?
        .ok_or_else(|| ApiError::not_found("contact request"))?;
    write.commit().await?;
    tracing::info!(contact_request_id = %id, "contact request sent");
    Ok((contact_answer(state, row).await?, true))
}

/// The caller's requests, received or sent, newest first.
pub async fn contact_requests(
    state: &AppState,
    user: &CurrentUser,
    filter: ContactFilter,
    paging: Paging,
) -> ApiResult<(Vec<ContactRequest>, u64)> {
    let (rows, total) = store::contact_page(&state.db, user.id, filter, paging).await?;
    Ok((store::to_contact_requests(&state.db, rows).await?, total))
}

/// A request the caller sent or received; 404 for anyone else.
async fn own_request(
    state: &AppState,
    user: &CurrentUser,
    id: Uuid,
) -> ApiResult<crate::entities::contact_request::Model> {
    store::find_contact(&state.db, id)
        .await?
        .filter(|row| row.from_user_id == user.id || row.to_user_id == user.id)
        .ok_or_else(|| ApiError::not_found("contact request"))
}

pub async fn contact_request(
    state: &AppState,
    user: &CurrentUser,
    id: Uuid,
) -> ApiResult<ContactRequest> {
    let row = own_request(state, user, id).await?;
    contact_answer(state, row).await
}

/// The expert accepts (their address is shown to the asker, and the asker's to them) or
/// declines; the asker is told either way.
pub async fn decide(
    state: &AppState,
    user: &CurrentUser,
    id: Uuid,
    decision: ContactDecision,
) -> ApiResult<ContactRequest> {
    let row = own_request(state, user, id).await?;
    if row.to_user_id != user.id {
        return Err(ApiError::forbidden(
            "only the expert it was sent to answers a contact request",
        ));
    }
    let (status, kind) = if decision.accept {
        (ContactStatus::Accepted, NotificationKind::ContactAccepted)
    } else {
        (ContactStatus::Declined, NotificationKind::ContactDeclined)
    };
    let write = state.write(user.id).await?;
    if !store::decide(&write.txn, id, status, write.now).await? {
        return Err(ApiError::conflict(
            ErrorCode::AlreadyDecided,
            "this request has been answered already",
        ));
    }
    tell(&write, row.from_user_id, kind, user).await?;
    let row = store::find_contact(&write.txn, id)
        .await?
        .ok_or_else(|| ApiError::not_found("contact request"))?;
    write.commit().await?;
    tracing::info!(contact_request_id = %id, status = status.as_str(), "contact request answered");
    contact_answer(state, row).await
}
