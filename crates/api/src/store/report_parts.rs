//! A report's parts in the database: the line of each key action and indicator (replaced whole,
//! never added or deleted: they come with the report) and support requests.

use pioneer_domain::FieldError;
use pioneer_domain::report::validation::{
    CheckedActionProgress, CheckedIndicatorValue, CheckedSupportRequest,
};
use pioneer_domain::report::{ActionProgress, IndicatorProgress, ReportKind, SupportRequest};
use sea_orm::ActiveValue::Unchanged;
use sea_orm::{ActiveModelTrait, ConnectionTrait, EntityTrait, ModelTrait, Set};
use serde_json::{Value, json};
use uuid::Uuid;

use super::StoreResult;
use super::documents::{StoredListPart, StoredPart, next_position, row_of, updated};
use super::reports::{action_line_dto, indicator_line_dto, links_of_report, support_request_dto};
use crate::entities::{report_action, report_indicator, report_support_request};

async fn action_line(
    db: &impl ConnectionTrait,
    report_id: Uuid,
    action_id: Uuid,
) -> StoreResult<Option<report_action::Model>> {
    Ok(report_action::Entity::find_by_id((report_id, action_id))
        .one(db)
        .await?)
}

impl StoredPart for ActionProgress {
    type Document = ReportKind;

    async fn find(
        db: &impl ConnectionTrait,
        report_id: Uuid,
        action_id: Uuid,
    ) -> StoreResult<Option<Self>> {
        action_line(db, report_id, action_id)
            .await?
            .as_ref()
            .map(action_line_dto)
            .transpose()
    }

    async fn update(
        db: &impl ConnectionTrait,
        report_id: Uuid,
        action_id: Uuid,
        checked: &CheckedActionProgress,
    ) -> StoreResult<Option<Self>> {
        let model = report_action::ActiveModel {
            report_id: Unchanged(report_id),
            action_id: Unchanged(action_id),
            status: Set(checked.status.as_str().to_owned()),
            progress_percent: Set(i16::from(checked.progress_percent)),
            spent_cents: Set(checked.spent.as_ref().map(|s| s.0.0)),
            spent_currency: Set(checked.spent.as_ref().map(|s| s.1.clone())),
            note: Set(checked.note.clone()),
            carried_over: Set(false),
            ..Default::default()
        };
        updated(model.update(db).await)?
            .as_ref()
            .map(action_line_dto)
            .transpose()
    }
}

impl StoredPart for IndicatorProgress {
    type Document = ReportKind;

    async fn find(
        db: &impl ConnectionTrait,
        report_id: Uuid,
        indicator_id: Uuid,
    ) -> StoreResult<Option<Self>> {
        Ok(
            report_indicator::Entity::find_by_id((report_id, indicator_id))
                .one(db)
                .await?
                .as_ref()
                .map(indicator_line_dto),
        )
    }

    async fn update(
        db: &impl ConnectionTrait,
        report_id: Uuid,
        indicator_id: Uuid,
        checked: &CheckedIndicatorValue,
    ) -> StoreResult<Option<Self>> {
        let model = report_indicator::ActiveModel {
            report_id: Unchanged(report_id),
            indicator_id: Unchanged(indicator_id),
            value: Set(Some(checked.value.clone())),
            value_year: Set(Some(checked.year)),
            source: Set(checked.source.clone()),
            carried_over: Set(false),
            ..Default::default()
        };
        Ok(updated(model.update(db).await)?
            .as_ref()
            .map(indicator_line_dto))
    }
}

async fn support_row(
    db: &impl ConnectionTrait,
    report_id: Uuid,
    id: Uuid,
) -> StoreResult<Option<report_support_request::Model>> {
    row_of::<report_support_request::Entity>(
        db,
        report_support_request::Column::ReportId,
        report_id,
        id,
    )
    .await
}

fn support_values(
    checked: &CheckedSupportRequest,
    model: &mut report_support_request::ActiveModel,
) {
    model.kind = Set(checked.kind.as_str().to_owned());
    model.description = Set(checked.description.clone());
    model.priority_id = Set(checked.priority_id);
    model.action_id = Set(checked.action_id);
}

impl StoredPart for SupportRequest {
    type Document = ReportKind;

    async fn find(
        db: &impl ConnectionTrait,
        report_id: Uuid,
        id: Uuid,
    ) -> StoreResult<Option<Self>> {
        support_row(db, report_id, id)
            .await?
            .as_ref()
            .map(support_request_dto)
            .transpose()
    }

    /// The priority must be one of the roadmap's, the action one of the report's lines.
    async fn check_links(
        db: &impl ConnectionTrait,
        report_id: Uuid,
        checked: &CheckedSupportRequest,
        _before: Option<&Self>,
    ) -> StoreResult<Option<FieldError>> {
        let (priority_ok, action_ok) =
            links_of_report(db, report_id, checked.priority_id, checked.action_id).await?;
        Ok(if !priority_ok {
            Some(FieldError::new(
                "priority_id",
                "unknown_priority",
                "the roadmap reported on has no such priority",
            ))
        } else if !action_ok {
            Some(FieldError::new(
                "action_id",
                "unknown_action",
                "the report has no such key action",
            ))
        } else {
            None
        })
    }

    async fn update(
        db: &impl ConnectionTrait,
        _report_id: Uuid,
        id: Uuid,
        checked: &CheckedSupportRequest,
    ) -> StoreResult<Option<Self>> {
        let mut model = report_support_request::ActiveModel {
            id: Unchanged(id),
            ..Default::default()
        };
        support_values(checked, &mut model);
        updated(model.update(db).await)?
            .as_ref()
            .map(support_request_dto)
            .transpose()
    }
}

impl StoredListPart for SupportRequest {
    async fn insert(
        db: &impl ConnectionTrait,
        report_id: Uuid,
        checked: &CheckedSupportRequest,
    ) -> StoreResult<Self> {
        let position = next_position::<report_support_request::Entity>(
            db,
            report_support_request::Column::ReportId,
            report_id,
        )
        .await?;
        let mut model = report_support_request::ActiveModel {
            id: Set(Uuid::now_v7()),
            report_id: Set(report_id),
            position: Set(position),
            ..Default::default()
        };
        support_values(checked, &mut model);
        support_request_dto(&model.insert(db).await?)
    }

    async fn delete(
        db: &impl ConnectionTrait,
        report_id: Uuid,
        id: Uuid,
    ) -> StoreResult<Option<Value>> {
        let Some(row) = support_row(db, report_id, id).await? else {
            return Ok(None);
        };
        let deleted = json!({ "support_request": support_request_dto(&row)? });
        row.delete(db).await?;
        Ok(Some(deleted))
    }
}
