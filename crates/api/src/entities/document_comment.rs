use sea_orm::entity::prelude::*;

/// Review comments on every reviewed document, threaded by `parent_id`.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "document_comments")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    /// `roadmap` (annual reports, action plans and resources come next).
    pub document_kind: String,
    pub document_id: Uuid,
    pub author_id: Uuid,
    /// The document itself or one of its parts (for a roadmap: roadmap, priority, action or
    /// indicator).
    pub target_kind: String,
    pub target_id: Uuid,
    pub parent_id: Option<Uuid>,
    /// Markdown; emptied when the comment is removed.
    pub body: String,
    /// `body` rendered and sanitised when written; empty on the rows written before it was
    /// kept (rendered on read) and on removed comments.
    pub body_html: String,
    pub created_at: DateTimeUtc,
    /// When its author last edited it.
    pub edited_at: Option<DateTimeUtc>,
    /// When it was removed (by a moderator or its author): its text is gone, its replies stay.
    pub removed_at: Option<DateTimeUtc>,
    pub removed_by: Option<Uuid>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {
    #[sea_orm(
        belongs_to = "super::user::Entity",
        from = "Column::AuthorId",
        to = "super::user::Column::Id"
    )]
    Author,
}

impl Related<super::user::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::Author.def()
    }
}

impl ActiveModelBehavior for ActiveModel {}
