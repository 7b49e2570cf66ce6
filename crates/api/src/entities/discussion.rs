use sea_orm::entity::prelude::*;

/// A discussion thread, in the general forum (`group_id` none) or one thematic group.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "discussions")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub title: String,
    pub group_id: Option<Uuid>,
    pub author_id: Uuid,
    /// The opening post included.
    pub posts_count: i32,
    pub accepted_post_id: Option<Uuid>,
    pub created_at: DateTimeUtc,
    pub last_post_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
