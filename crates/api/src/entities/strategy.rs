use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "strategies")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub code: String,
    pub name: String,
    pub name_fr: String,
    pub name_es: String,
    pub name_pt: String,
    pub position: i32,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}

impl From<Model> for pioneer_domain::reference::Strategy {
    fn from(m: Model) -> Self {
        Self {
            code: m.code,
            name: m.name,
            name_fr: m.name_fr,
            name_es: m.name_es,
            name_pt: m.name_pt,
        }
    }
}
