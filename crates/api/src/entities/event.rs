use sea_orm::entity::prelude::*;

/// An event (webinar, training, workshop…), for every member or one thematic group.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "events")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub kind: String,
    pub title: String,
    pub description: String,
    pub description_html: String,
    pub starts_at: DateTimeUtc,
    pub ends_at: DateTimeUtc,
    /// The organiser's IANA time zone.
    pub timezone: String,
    /// JSON arrays of language codes.
    pub languages: String,
    pub interpretation: String,
    pub capacity: Option<i32>,
    pub online_url: Option<String>,
    pub location: Option<String>,
    pub group_id: Option<Uuid>,
    pub organiser_id: Uuid,
    pub registered_count: i32,
    pub waitlisted_count: i32,
    pub recording_resource_id: Option<Uuid>,
    /// Grows with each change (the iCalendar `SEQUENCE`).
    pub sequence: i32,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
