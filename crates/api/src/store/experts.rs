//! The directory's rows: partner organisations, members' expert profiles, and the contact
//! requests between members. The directory is searched through the search index
//! (`search::entries` reads what it indexes from here); these read and write the rows.

use std::collections::HashMap;

use chrono::{DateTime, Utc};
use pioneer_domain::experts::{
    ContactBox, ContactFilter, ContactPerson, ContactRequest, ContactStatus, ContactSummary,
    Expert, ExpertOrganisation, Expertise, Organisation, OrganisationKind, PreviousRequest,
    ValidExpertProfile, ValidOrganisation, name_key,
};
use pioneer_domain::page::Paging;
use sea_orm::sea_query::{Expr, ExprTrait, Query};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, Condition, ConnectionTrait, DatabaseConnection, EntityTrait,
    QueryFilter, QueryOrder, QuerySelect, Set,
};
use uuid::Uuid;

use super::change_feed::Changed;
use super::write::Write;
use super::{StoreError, StoreResult, fetch_page, is_unique_violation, json_list, list_json};
use crate::entities::{contact_request, expert_profile, organisation, user};

fn expertise(
    strategies: &str,
    tags: &str,
    languages: &str,
    countries: &str,
    regions: &str,
) -> StoreResult<Expertise> {
    Ok(Expertise {
        strategies: json_list("strategies", strategies)?,
        tags: json_list("tags", tags)?,
        languages: json_list("languages", languages)?,
        countries: json_list("countries", countries)?,
        regions: json_list("regions", regions)?,
    })
}

pub fn organisation_expertise(row: &organisation::Model) -> StoreResult<Expertise> {
    expertise(
        &row.strategies,
        &row.tags,
        &row.languages,
        &row.countries,
        &row.regions,
    )
}

pub fn profile_expertise(row: &expert_profile::Model) -> StoreResult<Expertise> {
    expertise(
        &row.strategies,
        &row.tags,
        &row.languages,
        &row.countries,
        &row.regions,
    )
}

pub fn kind_of(row: &organisation::Model) -> StoreResult<OrganisationKind> {
    OrganisationKind::parse(&row.kind)
        .ok_or_else(|| StoreError::corrupt("organisation kind", &row.kind))
}

// ---- Organisations ----

pub async fn find_organisation(
    db: &impl ConnectionTrait,
    id: Uuid,
) -> StoreResult<Option<organisation::Model>> {
    Ok(organisation::Entity::find_by_id(id).one(db).await?)
}

pub async fn organisations(
    db: &impl ConnectionTrait,
    ids: impl IntoIterator<Item = Uuid>,
) -> StoreResult<HashMap<Uuid, organisation::Model>> {
    let ids: Vec<Uuid> = ids.into_iter().collect();
    if ids.is_empty() {
        return Ok(HashMap::new());
    }
    let rows = organisation::Entity::find()
        .filter(organisation::Column::Id.is_in(ids))
        .all(db)
        .await?;
    Ok(rows.into_iter().map(|row| (row.id, row)).collect())
}

/// The organisations after `after` in the order of their ids, `limit` of them (to index them).
pub async fn organisations_after(
    db: &impl ConnectionTrait,
    after: Option<Uuid>,
    limit: u64,
) -> StoreResult<Vec<organisation::Model>> {
    let mut select = organisation::Entity::find().order_by_asc(organisation::Column::Id);
    if let Some(after) = after {
        select = select.filter(organisation::Column::Id.gt(after));
    }
    Ok(select.limit(limit).all(db).await?)
}

/// Whether another organisation (than `except`) has this name, whatever the case.
pub async fn organisation_name_taken(
    db: &impl ConnectionTrait,
    name: &str,
    except: Option<Uuid>,
) -> StoreResult<bool> {
    let mut select =
        organisation::Entity::find().filter(organisation::Column::NameKey.eq(name_key(name)));
    if let Some(except) = except {
        select = select.filter(organisation::Column::Id.ne(except));
    }
    Ok(select.one(db).await?.is_some())
}

/// How many active members' profiles name each of `ids` as their organisation.
pub async fn expert_counts(
    db: &impl ConnectionTrait,
    ids: &[Uuid],
) -> StoreResult<HashMap<Uuid, u64>> {
    if ids.is_empty() {
        return Ok(HashMap::new());
    }
    let rows: Vec<(Option<Uuid>, i64)> = expert_profile::Entity::find()
        .select_only()
        .column(expert_profile::Column::OrganisationId)
        .column_as(expert_profile::Column::UserId.count(), "experts")
        .filter(expert_profile::Column::UserId.in_subquery(active_members()))
        .filter(expert_profile::Column::OrganisationId.is_in(ids.iter().copied()))
        .group_by(expert_profile::Column::OrganisationId)
        .into_tuple()
        .all(db)
        .await?;
    Ok(rows
        .into_iter()
        .filter_map(|(id, count)| Some((id?, u64::try_from(count).unwrap_or(0))))
        .collect())
}

/// The organisations as the directory shows them (two queries for any number).
pub async fn to_organisations(
    db: &impl ConnectionTrait,
    rows: Vec<organisation::Model>,
) -> StoreResult<Vec<Organisation>> {
    let ids: Vec<Uuid> = rows.iter().map(|row| row.id).collect();
    let counts = expert_counts(db, &ids).await?;
    rows.into_iter()
        .map(|row| {
            Ok(Organisation {
                id: row.id,
                kind: kind_of(&row)?,
                expertise: organisation_expertise(&row)?,
                experts_count: counts.get(&row.id).copied().unwrap_or(0),
                name: row.name,
                description: row.description,
                website: row.website,
                created_at: row.created_at,
                updated_at: row.updated_at,
            })
        })
        .collect()
}

fn organisation_content(model: &mut organisation::ActiveModel, valid: &ValidOrganisation) {
    let e = &valid.expertise;
    model.name = Set(valid.name.clone());
    model.name_key = Set(name_key(&valid.name));
    model.kind = Set(valid.kind.as_str().to_owned());
    model.description = Set(valid.description.clone());
    model.website = Set(valid.website.clone());
    model.strategies = Set(list_json(&e.strategies));
    model.tags = Set(list_json(&e.tags));
    model.languages = Set(list_json(&e.languages));
    model.countries = Set(list_json(&e.countries));
    model.regions = Set(list_json(&e.regions));
}

/// What writing an organisation came to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OrganisationSaved {
    Saved,
    /// Another organisation has this name (whatever the case).
    NameTaken,
    /// There is no such organisation.
    Missing,
}

async fn save_organisation(
    db: &impl ConnectionTrait,
    model: organisation::ActiveModel,
    insert: bool,
) -> StoreResult<OrganisationSaved> {
    let saved = if insert {
        model.insert(db).await.map(|_| ())
    } else {
        model.update(db).await.map(|_| ())
    };
    match saved {
        Ok(()) => Ok(OrganisationSaved::Saved),
        Err(err) if is_unique_violation(&err) => Ok(OrganisationSaved::NameTaken),
        Err(err) => Err(err.into()),
    }
}

/// Adds an organisation; `actor` and `now` say who and when.
pub async fn insert_organisation(
    db: &impl ConnectionTrait,
    id: Uuid,
    valid: &ValidOrganisation,
    actor: Uuid,
    now: DateTime<Utc>,
) -> StoreResult<OrganisationSaved> {
    if organisation_name_taken(db, &valid.name, None).await? {
        return Ok(OrganisationSaved::NameTaken);
    }
    let mut model = organisation::ActiveModel {
        id: Set(id),
        created_by: Set(Some(actor)),
        created_at: Set(now),
        updated_at: Set(now),
        ..Default::default()
    };
    organisation_content(&mut model, valid);
    save_organisation(db, model, true).await
}

pub async fn update_organisation(
    write: &mut Write,
    id: Uuid,
    valid: &ValidOrganisation,
) -> StoreResult<OrganisationSaved> {
    let Some(row) = find_organisation(&write.txn, id).await? else {
        return Ok(OrganisationSaved::Missing);
    };
    if organisation_name_taken(&write.txn, &valid.name, Some(id)).await? {
        return Ok(OrganisationSaved::NameTaken);
    }
    let mut model: organisation::ActiveModel = row.into();
    organisation_content(&mut model, valid);
    model.updated_at = Set(write.now);
    let saved = save_organisation(&write.txn, model, false).await?;
    write.touched(Changed::Organisation(id));
    // Its experts show its name and kind: their entries follow.
    let experts: Vec<Uuid> = expert_profile::Entity::find()
        .select_only()
        .column(expert_profile::Column::UserId)
        .filter(expert_profile::Column::OrganisationId.eq(id))
        .into_tuple()
        .all(&write.txn)
        .await?;
    for expert in experts {
        write.touched(Changed::Expert(expert));
    }
    Ok(saved)
}

// ---- Expert profiles ----

/// A profile with what the directory shows of its member.
#[derive(Debug, Clone)]
pub struct ExpertRow {
    pub profile: expert_profile::Model,
    pub name: String,
    pub email: String,
    pub country_code: Option<String>,
}

/// The ids of active members, as a subquery (a deactivated member leaves the directory).
fn active_members() -> sea_orm::sea_query::SelectStatement {
    Query::select()
        .column(user::Column::Id)
        .from(user::Entity)
        .and_where(Expr::col(user::Column::Active).eq(true))
        .to_owned()
}

/// Profiles of active members, with their names.
async fn expert_rows(
    db: &impl ConnectionTrait,
    condition: Condition,
    after: Option<Uuid>,
    limit: Option<u64>,
) -> StoreResult<Vec<ExpertRow>> {
    let mut select = expert_profile::Entity::find()
        .filter(expert_profile::Column::UserId.in_subquery(active_members()))
        .filter(condition)
        .order_by_asc(expert_profile::Column::UserId);
    if let Some(after) = after {
        select = select.filter(expert_profile::Column::UserId.gt(after));
    }
    if let Some(limit) = limit {
        select = select.limit(limit);
    }
    let profiles = select.all(db).await?;
    let mut people = people(db, profiles.iter().map(|p| p.user_id)).await?;
    Ok(profiles
        .into_iter()
        .filter_map(|profile| {
            let member = people.remove(&profile.user_id)?;
            Some(ExpertRow {
                profile,
                name: member.name,
                email: member.email,
                country_code: member.country_code,
            })
        })
        .collect())
}

/// What the directory shows of members.
struct Person {
    name: String,
    email: String,
    country_code: Option<String>,
}

/// Members' names, addresses and countries (one query).
async fn people(
    db: &impl ConnectionTrait,
    ids: impl IntoIterator<Item = Uuid>,
) -> StoreResult<HashMap<Uuid, Person>> {
    let mut ids: Vec<Uuid> = ids.into_iter().collect();
    ids.sort_unstable();
    ids.dedup();
    if ids.is_empty() {
        return Ok(HashMap::new());
    }
    let found: Vec<(Uuid, String, String, Option<String>)> = user::Entity::find()
        .select_only()
        .column(user::Column::Id)
        .column(user::Column::Name)
        .column(user::Column::Email)
        .column(user::Column::CountryCode)
        .filter(user::Column::Id.is_in(ids))
        .into_tuple()
        .all(db)
        .await?;
    Ok(found
        .into_iter()
        .map(|(id, name, email, country_code)| {
            (
                id,
                Person {
                    name,
                    email,
                    country_code,
                },
            )
        })
        .collect())
}

/// The experts `ids` who are active members with a profile.
pub async fn experts(db: &impl ConnectionTrait, ids: &[Uuid]) -> StoreResult<Vec<ExpertRow>> {
    if ids.is_empty() {
        return Ok(Vec::new());
    }
    let condition = Condition::all().add(expert_profile::Column::UserId.is_in(ids.iter().copied()));
    expert_rows(db, condition, None, None).await
}

/// The experts after `after` in the order of their ids, `limit` of them (to index them).
pub async fn experts_after(
    db: &impl ConnectionTrait,
    after: Option<Uuid>,
    limit: u64,
) -> StoreResult<Vec<ExpertRow>> {
    expert_rows(db, Condition::all(), after, Some(limit)).await
}

pub async fn find_profile(
    db: &impl ConnectionTrait,
    user_id: Uuid,
) -> StoreResult<Option<expert_profile::Model>> {
    Ok(expert_profile::Entity::find_by_id(user_id).one(db).await?)
}

/// Takes the expert's profile row for this transaction, so that two requests to the same
/// expert are weighed one after the other; `false`: they have no profile (or left).
pub async fn lock_expert(db: &impl ConnectionTrait, user_id: Uuid) -> StoreResult<bool> {
    let touched = expert_profile::Entity::update_many()
        .col_expr(
            expert_profile::Column::UpdatedAt,
            Expr::col(expert_profile::Column::UpdatedAt),
        )
        .filter(expert_profile::Column::UserId.eq(user_id))
        .filter(expert_profile::Column::UserId.in_subquery(active_members()))
        .exec(db)
        .await?;
    Ok(touched.rows_affected == 1)
}

/// Writes `user_id`'s profile, whether they had one or not.
pub async fn save_profile(
    write: &mut Write,
    user_id: Uuid,
    valid: &ValidExpertProfile,
) -> StoreResult<()> {
    write_profile(&write.txn, user_id, valid, write.now).await?;
    write.touched(Changed::Expert(user_id));
    Ok(())
}

/// The profile's row written, in `db`'s transaction (the demo's, or a [`Write`]'s).
pub async fn write_profile(
    db: &impl ConnectionTrait,
    user_id: Uuid,
    valid: &ValidExpertProfile,
    now: DateTime<Utc>,
) -> StoreResult<()> {
    let e = &valid.expertise;
    let existing = find_profile(db, user_id).await?;
    let new = existing.is_none();
    let mut model = match existing {
        Some(row) => row.into(),
        None => expert_profile::ActiveModel {
            user_id: Set(user_id),
            created_at: Set(now),
            ..Default::default()
        },
    };
    model.bio = Set(valid.bio.clone());
    model.organisation_name = Set(valid.organisation.clone());
    model.organisation_id = Set(valid.organisation_id);
    model.strategies = Set(list_json(&e.strategies));
    model.tags = Set(list_json(&e.tags));
    model.languages = Set(list_json(&e.languages));
    model.countries = Set(list_json(&e.countries));
    model.regions = Set(list_json(&e.regions));
    model.updated_at = Set(now);
    // `save` would update a row whose key is set, new or not.
    if new {
        model.insert(db).await?;
    } else {
        model.update(db).await?;
    }
    Ok(())
}

/// `false`: they had none.
pub async fn delete_profile(write: &mut Write, user_id: Uuid) -> StoreResult<bool> {
    let deleted = expert_profile::Entity::delete_by_id(user_id)
        .exec(&write.txn)
        .await?;
    write.touched(Changed::Expert(user_id));
    Ok(deleted.rows_affected == 1)
}

/// The experts as `reader_id` sees them: their organisation, the latest contact request
/// between them, and their address once a request between them was accepted (three queries
/// for any number).
pub async fn to_experts(
    db: &impl ConnectionTrait,
    rows: Vec<ExpertRow>,
    reader_id: Uuid,
) -> StoreResult<Vec<Expert>> {
    let organisations = organisations(
        db,
        rows.iter().filter_map(|row| row.profile.organisation_id),
    )
    .await?;
    let contacts = between(db, reader_id, rows.iter().map(|row| row.profile.user_id)).await?;
    rows.into_iter()
        .map(|row| {
            let id = row.profile.user_id;
            let linked = row
                .profile
                .organisation_id
                .and_then(|org| organisations.get(&org));
            let organisation = match (linked, &row.profile.organisation_name) {
                (Some(org), _) => Some(ExpertOrganisation {
                    id: Some(org.id),
                    name: org.name.clone(),
                    kind: Some(kind_of(org)?),
                }),
                (None, Some(name)) => Some(ExpertOrganisation {
                    id: None,
                    name: name.clone(),
                    kind: None,
                }),
                (None, None) => None,
            };
            let between = contacts.get(&id);
            let accepted = between.is_some_and(|b| b.accepted);
            Ok(Expert {
                id,
                expertise: profile_expertise(&row.profile)?,
                name: row.name,
                country_code: row.country_code,
                bio: row.profile.bio,
                organisation,
                updated_at: row.profile.updated_at,
                email: (id == reader_id || accepted).then_some(row.email),
                contact: between.and_then(|b| b.latest),
            })
        })
        .collect()
}

// ---- Contact requests ----

/// What passed between a reader and one other member.
#[derive(Debug, Clone, Copy, Default)]
struct Between {
    /// The latest request, either way.
    latest: Option<ContactSummary>,
    /// Whether either accepted a request of the other.
    accepted: bool,
}

/// For each of `others`, what passed between them and `reader_id` (one query).
async fn between(
    db: &impl ConnectionTrait,
    reader_id: Uuid,
    others: impl IntoIterator<Item = Uuid>,
) -> StoreResult<HashMap<Uuid, Between>> {
    let others: Vec<Uuid> = others.into_iter().filter(|id| *id != reader_id).collect();
    if others.is_empty() {
        return Ok(HashMap::new());
    }
    let rows = contact_request::Entity::find()
        .filter(
            Condition::any()
                .add(
                    Condition::all()
                        .add(contact_request::Column::FromUserId.eq(reader_id))
                        .add(contact_request::Column::ToUserId.is_in(others.iter().copied())),
                )
                .add(
                    Condition::all()
                        .add(contact_request::Column::ToUserId.eq(reader_id))
                        .add(contact_request::Column::FromUserId.is_in(others.iter().copied())),
                ),
        )
        .order_by_asc(contact_request::Column::CreatedAt)
        .order_by_asc(contact_request::Column::Id)
        .all(db)
        .await?;
    let mut found: HashMap<Uuid, Between> = HashMap::new();
    for row in rows {
        let sent = row.from_user_id == reader_id;
        let other = if sent {
            row.to_user_id
        } else {
            row.from_user_id
        };
        let status = status_of(&row)?;
        let entry = found.entry(other).or_default();
        entry.accepted |= status == ContactStatus::Accepted;
        entry.latest = Some(ContactSummary {
            id: row.id,
            status,
            sent,
        });
    }
    Ok(found)
}

pub fn status_of(row: &contact_request::Model) -> StoreResult<ContactStatus> {
    ContactStatus::parse(&row.status)
        .ok_or_else(|| StoreError::corrupt("contact status", &row.status))
}

/// The last request `from` sent `to`.
pub async fn previous_request(
    db: &impl ConnectionTrait,
    from: Uuid,
    to: Uuid,
) -> StoreResult<Option<(contact_request::Model, PreviousRequest)>> {
    let row = contact_request::Entity::find()
        .filter(contact_request::Column::FromUserId.eq(from))
        .filter(contact_request::Column::ToUserId.eq(to))
        .order_by_desc(contact_request::Column::CreatedAt)
        .order_by_desc(contact_request::Column::Id)
        .one(db)
        .await?;
    row.map(|row| {
        let previous = PreviousRequest {
            status: status_of(&row)?,
            decided_at: row.decided_at,
        };
        Ok((row, previous))
    })
    .transpose()
}

pub async fn find_contact(
    db: &impl ConnectionTrait,
    id: Uuid,
) -> StoreResult<Option<contact_request::Model>> {
    Ok(contact_request::Entity::find_by_id(id).one(db).await?)
}

pub async fn insert_contact(
    db: &impl ConnectionTrait,
    id: Uuid,
    from: Uuid,
    to: Uuid,
    message: String,
    now: DateTime<Utc>,
) -> StoreResult<()> {
    contact_request::ActiveModel {
        id: Set(id),
        from_user_id: Set(from),
        to_user_id: Set(to),
        message: Set(message),
        status: Set(ContactStatus::Pending.as_str().to_owned()),
        created_at: Set(now),
        decided_at: Set(None),
    }
    .insert(db)
    .await?;
    Ok(())
}

/// Records the expert's answer if the request still waits for one; `false`: it did not.
pub async fn decide(
    db: &impl ConnectionTrait,
    id: Uuid,
    status: ContactStatus,
    now: DateTime<Utc>,
) -> StoreResult<bool> {
    let updated = contact_request::Entity::update_many()
        .col_expr(
            contact_request::Column::Status,
            Expr::value(status.as_str()),
        )
        .col_expr(contact_request::Column::DecidedAt, Expr::value(now))
        .filter(contact_request::Column::Id.eq(id))
        .filter(contact_request::Column::Status.eq(ContactStatus::Pending.as_str()))
        .exec(db)
        .await?;
    Ok(updated.rows_affected == 1)
}

/// A page of `user_id`'s requests, received or sent, newest first.
pub async fn contact_page(
    db: &DatabaseConnection,
    user_id: Uuid,
    filter: ContactFilter,
    paging: Paging,
) -> StoreResult<(Vec<contact_request::Model>, u64)> {
    let mut select = contact_request::Entity::find().filter(match filter.mailbox {
        ContactBox::Received => contact_request::Column::ToUserId.eq(user_id),
        ContactBox::Sent => contact_request::Column::FromUserId.eq(user_id),
    });
    if let Some(status) = filter.status {
        select = select.filter(contact_request::Column::Status.eq(status.as_str()));
    }
    let select = select
        .order_by_desc(contact_request::Column::CreatedAt)
        .order_by_desc(contact_request::Column::Id);
    fetch_page(db, select, paging).await
}

/// The requests as their two sides see them: names always, addresses once accepted (one
/// query for any number).
pub async fn to_contact_requests(
    db: &impl ConnectionTrait,
    rows: Vec<contact_request::Model>,
) -> StoreResult<Vec<ContactRequest>> {
    let people = people(
        db,
        rows.iter()
            .flat_map(|row| [row.from_user_id, row.to_user_id]),
    )
    .await?;
    rows.into_iter()
        .map(|row| {
            let status = status_of(&row)?;
            let person = |id: Uuid| {
                let found = people.get(&id);
                ContactPerson {
                    id,
                    name: found.map(|p| p.name.clone()).unwrap_or_default(),
                    email: found
                        .filter(|_| status == ContactStatus::Accepted)
                        .map(|p| p.email.clone()),
                }
            };
            Ok(ContactRequest {
                id: row.id,
                from: person(row.from_user_id),
                to: person(row.to_user_id),
                message: row.message,
                status,
                created_at: row.created_at,
                decided_at: row.decided_at,
            })
        })
        .collect()
}
