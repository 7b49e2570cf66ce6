//! Spanish and Portuguese names of the reference data (countries, INSPIRE strategies, SDG
//! indicators), from the same data files; `migrations/data/README.md` says where they come from.

use sea_orm_migration::{prelude::*, schema::*};
use serde::Deserialize;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden, Clone, Copy)]
enum Countries {
    Table,
    Code,
    Name,
    NameFr,
    NameEs,
    NamePt,
    Region,
    Pioneer,
}

#[derive(DeriveIden, Clone, Copy)]
enum Strategies {
    Table,
    Code,
    Name,
    NameFr,
    NameEs,
    NamePt,
    Position,
}

#[derive(DeriveIden, Clone, Copy)]
enum Indicators {
    Table,
    Code,
    Title,
    TitleFr,
    TitleEs,
    TitlePt,
    Position,
}

#[derive(Deserialize)]
struct CountryRow {
    code: String,
    name: String,
    name_fr: String,
    name_es: String,
    name_pt: String,
    region: String,
    pioneer: bool,
}

#[derive(Deserialize)]
struct NamedRow {
    code: String,
    #[serde(alias = "title")]
    name: String,
    #[serde(alias = "title_fr")]
    name_fr: String,
    #[serde(alias = "title_es")]
    name_es: String,
    #[serde(alias = "title_pt")]
    name_pt: String,
}

fn parse<T: for<'de> Deserialize<'de>>(name: &str, json: &str) -> Result<Vec<T>, DbErr> {
    serde_json::from_str(json).map_err(|e| DbErr::Migration(format!("reference data {name}: {e}")))
}

async fn add_columns(
    manager: &SchemaManager<'_>,
    table: impl IntoIden + Copy,
    columns: [impl IntoIden + Copy; 2],
) -> Result<(), DbErr> {
    // One column per statement: SQLite adds one at a time.
    for column in columns {
        manager
            .alter_table(
                Table::alter()
                    .table(table)
                    .add_column(string(column).default(""))
                    .to_owned(),
            )
            .await?;
    }
    Ok(())
}

async fn drop_columns(
    manager: &SchemaManager<'_>,
    table: impl IntoIden + Copy,
    columns: [impl IntoIden + Copy; 2],
) -> Result<(), DbErr> {
    for column in columns {
        manager
            .alter_table(Table::alter().table(table).drop_column(column).to_owned())
            .await?;
    }
    Ok(())
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        add_columns(
            manager,
            Countries::Table,
            [Countries::NameEs, Countries::NamePt],
        )
        .await?;
        add_columns(
            manager,
            Strategies::Table,
            [Strategies::NameEs, Strategies::NamePt],
        )
        .await?;
        add_columns(
            manager,
            Indicators::Table,
            [Indicators::TitleEs, Indicators::TitlePt],
        )
        .await?;
        load_names(manager).await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        drop_columns(
            manager,
            Indicators::Table,
            [Indicators::TitleEs, Indicators::TitlePt],
        )
        .await?;
        drop_columns(
            manager,
            Strategies::Table,
            [Strategies::NameEs, Strategies::NamePt],
        )
        .await?;
        drop_columns(
            manager,
            Countries::Table,
            [Countries::NameEs, Countries::NamePt],
        )
        .await
    }
}

/// One upserting statement per table, as the first reference migration loads its data: each row
/// comes whole from the file, and only the new names change on a row that is there.
async fn load_names(manager: &SchemaManager<'_>) -> Result<(), DbErr> {
    let countries: Vec<CountryRow> = parse("countries", include_str!("../data/countries.json"))?;
    let mut insert = Query::insert();
    insert
        .into_table(Countries::Table)
        .columns([
            Countries::Code,
            Countries::Name,
            Countries::NameFr,
            Countries::NameEs,
            Countries::NamePt,
            Countries::Region,
            Countries::Pioneer,
        ])
        .on_conflict(
            OnConflict::column(Countries::Code)
                .update_columns([Countries::NameEs, Countries::NamePt])
                .to_owned(),
        );
    for c in countries {
        insert.values_panic([
            c.code.into(),
            c.name.into(),
            c.name_fr.into(),
            c.name_es.into(),
            c.name_pt.into(),
            c.region.into(),
            c.pioneer.into(),
        ]);
    }
    manager.exec_stmt(insert).await?;

    let strategies: Vec<NamedRow> = parse("strategies", include_str!("../data/strategies.json"))?;
    let mut insert = Query::insert();
    insert
        .into_table(Strategies::Table)
        .columns([
            Strategies::Code,
            Strategies::Name,
            Strategies::NameFr,
            Strategies::NameEs,
            Strategies::NamePt,
            Strategies::Position,
        ])
        .on_conflict(
            OnConflict::column(Strategies::Code)
                .update_columns([Strategies::NameEs, Strategies::NamePt])
                .to_owned(),
        );
    for (position, s) in (1..).zip(strategies) {
        insert.values_panic([
            s.code.into(),
            s.name.into(),
            s.name_fr.into(),
            s.name_es.into(),
            s.name_pt.into(),
            position.into(),
        ]);
    }
    manager.exec_stmt(insert).await?;

    let indicators: Vec<NamedRow> = parse("indicators", include_str!("../data/indicators.json"))?;
    let mut insert = Query::insert();
    insert
        .into_table(Indicators::Table)
        .columns([
            Indicators::Code,
            Indicators::Title,
            Indicators::TitleFr,
            Indicators::TitleEs,
            Indicators::TitlePt,
            Indicators::Position,
        ])
        .on_conflict(
            OnConflict::column(Indicators::Code)
                .update_columns([Indicators::TitleEs, Indicators::TitlePt])
                .to_owned(),
        );
    for (position, i) in (1..).zip(indicators) {
        insert.values_panic([
            i.code.into(),
            i.name.into(),
            i.name_fr.into(),
            i.name_es.into(),
            i.name_pt.into(),
            position.into(),
        ]);
    }
    manager.exec_stmt(insert).await?;
    Ok(())
}
