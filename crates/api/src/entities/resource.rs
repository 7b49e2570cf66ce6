use sea_orm::entity::prelude::*;

/// A knowledge resource, or a proposed change of a published one (`revision_of`).
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "resources")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub revision_of: Option<Uuid>,
    pub author_id: Option<Uuid>,
    pub kind: String,
    pub title: String,
    pub summary: String,
    pub body: String,
    pub language: String,
    /// JSON arrays of strings.
    pub strategies: String,
    pub countries: String,
    pub tags: String,
    pub links: String,
    pub visibility: String,
    pub group_id: Option<Uuid>,
    pub status: String,
    pub revision: i64,
    pub views: i64,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
    pub submitted_at: DateTimeUtc,
    pub published_at: Option<DateTimeUtc>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
