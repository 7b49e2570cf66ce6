use sea_orm::entity::prelude::*;

/// A key action's progress in a report; what it reports on is copied from the roadmap.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "report_actions")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub report_id: Uuid,
    #[sea_orm(primary_key, auto_increment = false)]
    pub action_id: Uuid,
    pub position: i32,
    pub priority_id: Uuid,
    pub title: String,
    /// JSON list of INSPIRE strategy codes (the priority's).
    pub strategies: String,
    pub status: String,
    pub progress_percent: i16,
    pub spent_cents: Option<i64>,
    pub spent_currency: Option<String>,
    pub budget_cents: Option<i64>,
    pub budget_currency: Option<String>,
    pub note: String,
    pub carried_over: bool,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
