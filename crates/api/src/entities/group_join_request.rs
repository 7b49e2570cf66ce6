use sea_orm::entity::prelude::*;

/// A member's request to join a thematic group: `pending`, `approved` or `declined` (a
/// `pioneer_domain::groups::JoinRequestStatus` name). One per member and group.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "group_join_requests")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub group_id: Uuid,
    pub user_id: Uuid,
    /// The member's note to the moderators (may be empty).
    pub message: String,
    pub status: String,
    /// When they (last) asked.
    pub created_at: DateTimeUtc,
    pub decided_at: Option<DateTimeUtc>,
    pub decided_by: Option<Uuid>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
