use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "indicators")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub code: String,
    pub title: String,
    pub title_fr: String,
    pub title_es: String,
    pub title_pt: String,
    pub position: i32,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}

impl From<Model> for pioneer_domain::reference::Indicator {
    fn from(m: Model) -> Self {
        Self {
            code: m.code,
            title: m.title,
            title_fr: m.title_fr,
            title_es: m.title_es,
            title_pt: m.title_pt,
        }
    }
}
