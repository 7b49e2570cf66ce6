use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "roadmaps")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    /// Shared by all versions of one roadmap.
    pub lineage_id: Uuid,
    pub version: i32,
    pub country_code: String,
    pub title: String,
    pub summary: String,
    pub period_start: i32,
    pub period_end: i32,
    /// A `RoadmapStatus` name.
    pub status: String,
    pub revision: i64,
    pub consultation_held_on: Option<Date>,
    /// JSON array of stakeholder group names.
    pub consultation_groups: String,
    pub consultation_participants: Option<i32>,
    pub created_by: Uuid,
    pub submitted_at: Option<DateTimeUtc>,
    pub decided_at: Option<DateTimeUtc>,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
