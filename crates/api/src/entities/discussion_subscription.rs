use sea_orm::entity::prelude::*;

/// A member who follows a thread: its new posts notify them.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "discussion_subscriptions")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub discussion_id: Uuid,
    #[sea_orm(primary_key, auto_increment = false)]
    pub user_id: Uuid,
    pub created_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
