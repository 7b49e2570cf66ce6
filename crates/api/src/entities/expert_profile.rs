use sea_orm::entity::prelude::*;

/// A member's expert profile: one per member, keyed by their id.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "expert_profiles")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub user_id: Uuid,
    pub bio: String,
    /// The organisation as they name it.
    pub organisation_name: Option<String>,
    /// The organisation in the directory, if it is there.
    pub organisation_id: Option<Uuid>,
    /// JSON arrays of strings.
    pub strategies: String,
    pub tags: String,
    pub languages: String,
    pub countries: String,
    pub regions: String,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
