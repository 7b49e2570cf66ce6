use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "users")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    #[sea_orm(unique)]
    pub email: String,
    pub name: String,
    /// A `pioneer_domain::Role` name.
    pub role: String,
    pub country_code: Option<String>,
    pub password_hash: String,
    pub active: bool,
    /// The ministry or body a country's focal point or contributor works in.
    pub ministry: Option<String>,
    /// Their job title.
    pub title: Option<String>,
    /// The language of the mails they receive (`en`, `fr`, `es`, `pt`).
    pub language: String,
    /// Base32 TOTP secret, once two-factor sign-in is on.
    pub totp_secret: Option<String>,
    /// A secret handed out by `POST /me/totp`, in force once a code confirms it.
    pub totp_pending_secret: Option<String>,
    pub totp_enabled_at: Option<DateTimeUtc>,
    /// The last TOTP time step accepted: a code works once.
    pub totp_last_step: Option<i64>,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
