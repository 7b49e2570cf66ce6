use sea_orm::entity::prelude::*;

/// A country's expression of interest (its signed letter is in `membership_letters`).
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "membership_applications")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    /// A `pioneer_domain::membership::application::ApplicationStatus` name.
    pub status: String,
    pub country_code: String,
    pub entity: String,
    pub signatory_name: String,
    pub signatory_title: String,
    pub commitment: String,
    pub language: String,
    pub focal_point_name: String,
    pub focal_point_title: String,
    pub focal_point_ministry: String,
    pub focal_point_email: String,
    pub letter_name: String,
    pub letter_size: i64,
    pub decision_message: Option<String>,
    pub decided_by: Option<Uuid>,
    pub decided_at: Option<DateTimeUtc>,
    pub focal_point_user_id: Option<Uuid>,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
