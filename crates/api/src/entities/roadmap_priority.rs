use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "roadmap_priorities")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub roadmap_id: Uuid,
    pub position: i32,
    pub title: String,
    pub description: String,
    /// JSON array of INSPIRE codes.
    pub strategies: String,
    /// The part of the approved version this one was copied from when a revision started.
    pub origin_id: Option<Uuid>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
