use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "reports")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    /// The roadmap version reported on.
    pub roadmap_id: Uuid,
    pub roadmap_version: i32,
    pub country_code: String,
    /// The reporting cycle.
    pub year: i32,
    pub status: String,
    pub revision: i64,
    pub achievements: String,
    pub challenges: String,
    pub lessons_learned: String,
    pub children_participation: String,
    /// The previous cycle's report that pre-filled this one.
    pub previous_report_id: Option<Uuid>,
    pub created_by: Uuid,
    /// Whether the report came late is judged by its first submission.
    pub first_submitted_at: Option<DateTimeUtc>,
    pub submitted_at: Option<DateTimeUtc>,
    pub decided_at: Option<DateTimeUtc>,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
