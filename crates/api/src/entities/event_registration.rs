use sea_orm::entity::prelude::*;

/// A member's registration for an event: `registered`, `waitlisted` or `cancelled`.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "event_registrations")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub event_id: Uuid,
    pub user_id: Uuid,
    pub status: String,
    /// When they (last) registered: the waiting list's order.
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
    /// When the reminder of the day before was written.
    pub reminded_at: Option<DateTimeUtc>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
