use sea_orm::entity::prelude::*;

/// An indicator's latest value in a report; what it measures is copied from the roadmap.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "report_indicators")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub report_id: Uuid,
    #[sea_orm(primary_key, auto_increment = false)]
    pub indicator_id: Uuid,
    pub position: i32,
    pub indicator_code: Option<String>,
    pub name: String,
    pub unit: String,
    pub baseline_value: Option<String>,
    pub baseline_year: Option<i32>,
    pub target_value: Option<String>,
    pub target_year: Option<i32>,
    pub value: Option<String>,
    pub value_year: Option<i32>,
    pub source: String,
    pub carried_over: bool,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
