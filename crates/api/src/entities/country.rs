use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "countries")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub code: String,
    pub name: String,
    pub name_fr: String,
    pub name_es: String,
    pub name_pt: String,
    pub region: String,
    pub pioneer: bool,
    /// The day its expression of interest was accepted.
    pub joined_on: Option<Date>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}

impl From<Model> for pioneer_domain::reference::Country {
    fn from(m: Model) -> Self {
        Self {
            code: m.code,
            name: m.name,
            name_fr: m.name_fr,
            name_es: m.name_es,
            name_pt: m.name_pt,
            region: m.region,
            pioneer: m.pioneer,
        }
    }
}
