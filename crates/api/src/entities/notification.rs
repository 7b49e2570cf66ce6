use sea_orm::entity::prelude::*;

/// A member's notification. Its sentence is made in the reader's language when read, from the
/// kind, the actor's name and the subject (the title of what it points to).
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "notifications")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub user_id: Uuid,
    /// A `pioneer_domain::notifications::NotificationKind` name.
    pub kind: String,
    pub actor_id: Option<Uuid>,
    pub subject: String,
    /// What the kind needs besides: a moderation decision's outcome (`published`, …).
    pub detail: Option<String>,
    pub link: String,
    /// Set when it points to a group's content: it is shown only while they are in the group.
    pub group_id: Option<Uuid>,
    pub read_at: Option<DateTimeUtc>,
    pub created_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
