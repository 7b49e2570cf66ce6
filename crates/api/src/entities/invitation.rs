use sea_orm::entity::prelude::*;

/// An invitation by e-mail; the link's token is stored as SHA-256 and works once.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "invitations")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    #[sea_orm(unique)]
    pub token_hash: String,
    pub email: String,
    /// A `pioneer_domain::Role` name.
    pub role: String,
    pub country_code: Option<String>,
    pub ministry: Option<String>,
    pub title: Option<String>,
    /// The name the inviter knew (a nominated focal point's), offered on the page.
    pub name: Option<String>,
    pub language: String,
    pub invited_by: Option<Uuid>,
    /// The membership application whose acceptance sent it.
    pub application_id: Option<Uuid>,
    pub expires_at: DateTimeUtc,
    pub accepted_at: Option<DateTimeUtc>,
    pub accepted_user_id: Option<Uuid>,
    pub created_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
