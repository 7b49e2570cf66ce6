use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "roadmap_actions")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub roadmap_id: Uuid,
    pub priority_id: Uuid,
    pub position: i32,
    pub title: String,
    pub description: String,
    pub lead_institution: Option<String>,
    /// JSON array of names.
    pub partners: String,
    pub start_month: Option<String>,
    pub end_month: Option<String>,
    /// Hundredths of the currency's unit.
    pub budget_cents: Option<i64>,
    pub budget_currency: Option<String>,
    pub secured_cents: Option<i64>,
    pub secured_currency: Option<String>,
    pub funding_source: Option<String>,
    /// The part of the approved version this one was copied from when a revision started.
    pub origin_id: Option<Uuid>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
