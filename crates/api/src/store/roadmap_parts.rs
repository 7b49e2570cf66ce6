//! Priorities, key actions and indicators in the database: each part's table behind
//! `StoredPart`, so that the handlers add, edit and delete any of them with the same code.

use pioneer_domain::FieldError;
use pioneer_domain::roadmap::workflow::RoadmapKind;
use pioneer_domain::roadmap::{Action, Priority, RoadmapIndicator};
use sea_orm::ActiveValue::Unchanged;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, ModelTrait, QueryFilter, Set,
};
use serde_json::{Value, json};
use uuid::Uuid;

use super::StoreResult;
use super::documents::{StoredListPart, StoredPart, next_position, row_of, updated};
use super::roadmaps::{
    action_dto, action_values, indicator_dto, indicator_values, priority_dto, priority_values,
};
use crate::entities::{roadmap_action, roadmap_indicator, roadmap_priority};

async fn priority_row(
    db: &impl ConnectionTrait,
    roadmap_id: Uuid,
    id: Uuid,
) -> StoreResult<Option<roadmap_priority::Model>> {
    row_of::<roadmap_priority::Entity>(db, roadmap_priority::Column::RoadmapId, roadmap_id, id)
        .await
}

impl StoredPart for Priority {
    type Document = RoadmapKind;

    async fn find(
        db: &impl ConnectionTrait,
        roadmap_id: Uuid,
        id: Uuid,
    ) -> StoreResult<Option<Self>> {
        priority_row(db, roadmap_id, id)
            .await?
            .map(priority_dto)
            .transpose()
    }

    async fn update(
        db: &impl ConnectionTrait,
        _roadmap_id: Uuid,
        id: Uuid,
        checked: &Self::Checked,
    ) -> StoreResult<Option<Self>> {
        let mut model = roadmap_priority::ActiveModel {
            id: Unchanged(id),
            ..Default::default()
        };
        priority_values(checked, &mut model);
        updated(model.update(db).await)?
            .map(priority_dto)
            .transpose()
    }
}

impl StoredListPart for Priority {
    async fn insert(
        db: &impl ConnectionTrait,
        roadmap_id: Uuid,
        checked: &Self::Checked,
    ) -> StoreResult<Self> {
        let position = next_position::<roadmap_priority::Entity>(
            db,
            roadmap_priority::Column::RoadmapId,
            roadmap_id,
        )
        .await?;
        let mut model = roadmap_priority::ActiveModel {
            id: Set(Uuid::now_v7()),
            roadmap_id: Set(roadmap_id),
            position: Set(position),
            ..Default::default()
        };
        priority_values(checked, &mut model);
        priority_dto(model.insert(db).await?)
    }

    /// Its key actions go with it.
    async fn delete(
        db: &impl ConnectionTrait,
        roadmap_id: Uuid,
        id: Uuid,
    ) -> StoreResult<Option<Value>> {
        let Some(row) = priority_row(db, roadmap_id, id).await? else {
            return Ok(None);
        };
        let actions = roadmap_action::Entity::find()
            .filter(roadmap_action::Column::PriorityId.eq(id))
            .all(db)
            .await?;
        let deleted = json!({
            "priority": priority_dto(row.clone())?,
            "actions": actions.into_iter().map(action_dto).collect::<StoreResult<Vec<_>>>()?,
        });
        roadmap_action::Entity::delete_many()
            .filter(roadmap_action::Column::PriorityId.eq(id))
            .exec(db)
            .await?;
        row.delete(db).await?;
        Ok(Some(deleted))
    }
}

async fn action_row(
    db: &impl ConnectionTrait,
    roadmap_id: Uuid,
    id: Uuid,
) -> StoreResult<Option<roadmap_action::Model>> {
    row_of::<roadmap_action::Entity>(db, roadmap_action::Column::RoadmapId, roadmap_id, id).await
}

impl StoredPart for Action {
    type Document = RoadmapKind;

    async fn find(
        db: &impl ConnectionTrait,
        roadmap_id: Uuid,
        id: Uuid,
    ) -> StoreResult<Option<Self>> {
        action_row(db, roadmap_id, id)
            .await?
            .map(action_dto)
            .transpose()
    }

    /// Its priority must belong to the same roadmap (asked only when it changes).
    async fn check_links(
        db: &impl ConnectionTrait,
        roadmap_id: Uuid,
        checked: &Self::Checked,
        before: Option<&Self>,
    ) -> StoreResult<Option<FieldError>> {
        if before.is_some_and(|b| b.priority_id == checked.priority_id)
            || priority_row(db, roadmap_id, checked.priority_id)
                .await?
                .is_some()
        {
            return Ok(None);
        }
        Ok(Some(FieldError::new(
            "priority_id",
            "unknown_priority",
            "no priority of this roadmap has this id",
        )))
    }

    async fn update(
        db: &impl ConnectionTrait,
        _roadmap_id: Uuid,
        id: Uuid,
        checked: &Self::Checked,
    ) -> StoreResult<Option<Self>> {
        let mut model = roadmap_action::ActiveModel {
            id: Unchanged(id),
            ..Default::default()
        };
        action_values(checked, &mut model);
        updated(model.update(db).await)?.map(action_dto).transpose()
    }
}

impl StoredListPart for Action {
    async fn insert(
        db: &impl ConnectionTrait,
        roadmap_id: Uuid,
        checked: &Self::Checked,
    ) -> StoreResult<Self> {
        let position = next_position::<roadmap_action::Entity>(
            db,
            roadmap_action::Column::RoadmapId,
            roadmap_id,
        )
        .await?;
        let mut model = roadmap_action::ActiveModel {
            id: Set(Uuid::now_v7()),
            roadmap_id: Set(roadmap_id),
            position: Set(position),
            ..Default::default()
        };
        action_values(checked, &mut model);
        action_dto(model.insert(db).await?)
    }

    async fn delete(
        db: &impl ConnectionTrait,
        roadmap_id: Uuid,
        id: Uuid,
    ) -> StoreResult<Option<Value>> {
        let Some(row) = action_row(db, roadmap_id, id).await? else {
            return Ok(None);
        };
        let deleted = json!({"action": action_dto(row.clone())?});
        row.delete(db).await?;
        Ok(Some(deleted))
    }
}

async fn indicator_row(
    db: &impl ConnectionTrait,
    roadmap_id: Uuid,
    id: Uuid,
) -> StoreResult<Option<roadmap_indicator::Model>> {
    row_of::<roadmap_indicator::Entity>(db, roadmap_indicator::Column::RoadmapId, roadmap_id, id)
        .await
}

impl StoredPart for RoadmapIndicator {
    type Document = RoadmapKind;

    async fn find(
        db: &impl ConnectionTrait,
        roadmap_id: Uuid,
        id: Uuid,
    ) -> StoreResult<Option<Self>> {
        Ok(indicator_row(db, roadmap_id, id).await?.map(indicator_dto))
    }

    async fn update(
        db: &impl ConnectionTrait,
        _roadmap_id: Uuid,
        id: Uuid,
        checked: &Self::Checked,
    ) -> StoreResult<Option<Self>> {
        let mut model = roadmap_indicator::ActiveModel {
            id: Unchanged(id),
            ..Default::default()
        };
        indicator_values(checked, &mut model);
        Ok(updated(model.update(db).await)?.map(indicator_dto))
    }
}

impl StoredListPart for RoadmapIndicator {
    async fn insert(
        db: &impl ConnectionTrait,
        roadmap_id: Uuid,
        checked: &Self::Checked,
    ) -> StoreResult<Self> {
        let position = next_position::<roadmap_indicator::Entity>(
            db,
            roadmap_indicator::Column::RoadmapId,
            roadmap_id,
        )
        .await?;
        let mut model = roadmap_indicator::ActiveModel {
            id: Set(Uuid::now_v7()),
            roadmap_id: Set(roadmap_id),
            position: Set(position),
            ..Default::default()
        };
        indicator_values(checked, &mut model);
        Ok(indicator_dto(model.insert(db).await?))
    }

    async fn delete(
        db: &impl ConnectionTrait,
        roadmap_id: Uuid,
        id: Uuid,
    ) -> StoreResult<Option<Value>> {
        let Some(row) = indicator_row(db, roadmap_id, id).await? else {
            return Ok(None);
        };
        let deleted = json!({"indicator": indicator_dto(row.clone())});
        row.delete(db).await?;
        Ok(Some(deleted))
    }
}
