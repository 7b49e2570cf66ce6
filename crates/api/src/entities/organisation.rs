use sea_orm::entity::prelude::*;

/// A partner organisation of the directory; `kind` is a
/// `pioneer_domain::experts::OrganisationKind` name.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "organisations")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub name: String,
    /// `pioneer_domain::experts::name_key` of the name: unique.
    pub name_key: String,
    pub kind: String,
    pub description: String,
    pub website: Option<String>,
    /// JSON arrays of strings.
    pub strategies: String,
    pub tags: String,
    pub languages: String,
    pub countries: String,
    pub regions: String,
    pub created_by: Option<Uuid>,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
