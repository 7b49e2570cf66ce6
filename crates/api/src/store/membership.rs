//! Membership applications and their letters.

use chrono::{DateTime, NaiveDate, Utc};
use pioneer_domain::membership::application::{
    ApplicationStatus, LetterInfo, MembershipApplication, NominatedFocalPoint, ValidApplication,
};
use pioneer_domain::page::Paging;
use sea_orm::sea_query::Expr;
use sea_orm::{
    ActiveValue::Set, ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait, QueryFilter,
    QueryOrder,
};
use uuid::Uuid;

use super::{StoreError, StoreResult, fetch_page, reference};
use crate::entities::{country, membership_application, membership_letter};

/// An application as the API shows it, with its country's name.
pub fn to_application(
    model: membership_application::Model,
    country_name: String,
) -> StoreResult<MembershipApplication> {
    let status = ApplicationStatus::parse(&model.status)
        .ok_or_else(|| StoreError::corrupt("application status", &model.status))?;
    Ok(MembershipApplication {
        id: model.id,
        status,
        country_code: model.country_code,
        country_name,
        entity: model.entity,
        signatory_name: model.signatory_name,
        signatory_title: model.signatory_title,
        commitment: model.commitment,
        language: model.language,
        focal_point: NominatedFocalPoint {
            name: model.focal_point_name,
            title: model.focal_point_title,
            ministry: model.focal_point_ministry,
            email: model.focal_point_email,
        },
        letter: LetterInfo {
            name: model.letter_name,
            size: u64::try_from(model.letter_size).unwrap_or_default(),
        },
        decision_message: model.decision_message,
        decided_at: model.decided_at,
        decided_by: model.decided_by,
        focal_point_user_id: model.focal_point_user_id,
        created_at: model.created_at,
    })
}

/// Writes an application and its letter, in the caller's transaction.
pub async fn insert(
    db: &impl ConnectionTrait,
    valid: &ValidApplication,
    letter_name: &str,
    letter: Vec<u8>,
    now: DateTime<Utc>,
) -> StoreResult<membership_application::Model> {
    let id = Uuid::now_v7();
    let model = membership_application::ActiveModel {
        id: Set(id),
        status: Set(ApplicationStatus::Received.as_str().to_owned()),
        country_code: Set(valid.country_code.clone()),
        entity: Set(valid.entity.clone()),
        signatory_name: Set(valid.signatory_name.clone()),
        signatory_title: Set(valid.signatory_title.clone()),
        commitment: Set(valid.commitment.clone()),
        language: Set(valid.language.to_owned()),
        focal_point_name: Set(valid.focal_point_name.clone()),
        focal_point_title: Set(valid.focal_point_title.clone()),
        focal_point_ministry: Set(valid.focal_point_ministry.clone()),
        focal_point_email: Set(valid.focal_point_email.as_str().to_owned()),
        letter_name: Set(letter_name.to_owned()),
        letter_size: Set(i64::try_from(letter.len()).unwrap_or(i64::MAX)),
        decision_message: Set(None),
        decided_by: Set(None),
        decided_at: Set(None),
        focal_point_user_id: Set(None),
        created_at: Set(now),
        updated_at: Set(now),
    };
    membership_application::Entity::insert(model)
        .exec_without_returning(db)
        .await?;
    membership_letter::Entity::insert(membership_letter::ActiveModel {
        application_id: Set(id),
        content: Set(letter),
    })
    .exec_without_returning(db)
    .await?;
    membership_application::Entity::find_by_id(id)
        .one(db)
        .await?
        .ok_or_else(|| StoreError::corrupt("application", "not found after insert"))
}

pub async fn find(
    db: &impl ConnectionTrait,
    id: Uuid,
) -> StoreResult<Option<membership_application::Model>> {
    Ok(membership_application::Entity::find_by_id(id)
        .one(db)
        .await?)
}

/// The application `id` as the API shows it.
pub async fn find_view(
    db: &DatabaseConnection,
    id: Uuid,
) -> StoreResult<Option<MembershipApplication>> {
    let Some(model) = find(db, id).await? else {
        return Ok(None);
    };
    let name = reference::find_country(db, &model.country_code)
        .await?
        .map_or_else(|| model.country_code.clone(), |c| c.name);
    to_application(model, name).map(Some)
}

/// One page of applications, oldest first among those received, newest first otherwise (two
/// queries: the page, and its countries' names).
pub async fn page(
    db: &DatabaseConnection,
    status: Option<ApplicationStatus>,
    paging: Paging,
) -> StoreResult<(Vec<MembershipApplication>, u64)> {
    let mut select = membership_application::Entity::find();
    if let Some(status) = status {
        select = select.filter(membership_application::Column::Status.eq(status.as_str()));
    }
    let select = if status == Some(ApplicationStatus::Received) {
        select.order_by_asc(membership_application::Column::CreatedAt)
    } else {
        select.order_by_desc(membership_application::Column::CreatedAt)
    };
    let (rows, total) = fetch_page(db, select, paging).await?;
    let codes: Vec<String> = rows.iter().map(|r| r.country_code.clone()).collect();
    let names = reference::countries_by_code(db, &codes).await?;
    let items = rows
        .into_iter()
        .map(|row| {
            let name = names
                .get(&row.country_code)
                .map_or_else(|| row.country_code.clone(), |c| c.name.clone());
            to_application(row, name)
        })
        .collect::<StoreResult<_>>()?;
    Ok((items, total))
}

/// The letter's bytes.
pub async fn letter(db: &DatabaseConnection, id: Uuid) -> StoreResult<Option<Vec<u8>>> {
    Ok(membership_letter::Entity::find_by_id(id)
        .one(db)
        .await?
        .map(|l| l.content))
}

/// The decision, if the application is still `received` (`false`: another decision came
/// first).
pub async fn decide(
    db: &impl ConnectionTrait,
    id: Uuid,
    status: ApplicationStatus,
    message: &str,
    actor: Uuid,
    now: DateTime<Utc>,
) -> StoreResult<bool> {
    let changed = membership_application::Entity::update_many()
        .col_expr(
            membership_application::Column::Status,
            Expr::value(status.as_str()),
        )
        .col_expr(
            membership_application::Column::DecisionMessage,
            Expr::value((!message.is_empty()).then(|| message.to_owned())),
        )
        .col_expr(
            membership_application::Column::DecidedBy,
            Expr::value(actor),
        )
        .col_expr(membership_application::Column::DecidedAt, Expr::value(now))
        .col_expr(membership_application::Column::UpdatedAt, Expr::value(now))
        .filter(membership_application::Column::Id.eq(id))
        .filter(membership_application::Column::Status.eq(ApplicationStatus::Received.as_str()))
        .exec(db)
        .await?;
    Ok(changed.rows_affected == 1)
}

/// Records the focal point's account on the application.
pub async fn link_focal_point(
    db: &impl ConnectionTrait,
    id: Uuid,
    user_id: Uuid,
    now: DateTime<Utc>,
) -> StoreResult<()> {
    membership_application::Entity::update_many()
        .col_expr(
            membership_application::Column::FocalPointUserId,
            Expr::value(user_id),
        )
        .col_expr(membership_application::Column::UpdatedAt, Expr::value(now))
        .filter(membership_application::Column::Id.eq(id))
        .exec(db)
        .await?;
    Ok(())
}

/// The country is a pioneer since `joined_on` (kept if it already had a date).
pub async fn mark_joined(
    db: &impl ConnectionTrait,
    code: &str,
    joined_on: NaiveDate,
) -> StoreResult<()> {
    country::Entity::update_many()
        .col_expr(country::Column::Pioneer, Expr::value(true))
        .col_expr(
            country::Column::JoinedOn,
            Expr::expr(sea_orm::sea_query::Func::coalesce([
                Expr::col(country::Column::JoinedOn),
                Expr::value(joined_on),
            ])),
        )
        .filter(country::Column::Code.eq(code))
        .exec(db)
        .await?;
    Ok(())
}
