//! Countries (ISO 3166-1), WHO INSPIRE strategies and SDG indicators, with their data.
//!
//! The data files in `migrations/data/` say where they come from. Loading upserts, so
//! running it again changes nothing.

use sea_orm_migration::{prelude::*, schema::*};
use serde::Deserialize;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
pub enum Countries {
    Table,
    Code,
    Name,
    NameFr,
    Region,
    Pioneer,
}

#[derive(DeriveIden)]
enum Strategies {
    Table,
    Code,
    Name,
    NameFr,
    Position,
}

#[derive(DeriveIden)]
enum Indicators {
    Table,
    Code,
    Title,
    TitleFr,
    Position,
}

#[derive(Deserialize)]
struct CountryRow {
    code: String,
    name: String,
    name_fr: String,
    region: String,
    pioneer: bool,
}

#[derive(Deserialize)]
struct StrategyRow {
    code: String,
    name: String,
    name_fr: String,
}

#[derive(Deserialize)]
struct IndicatorRow {
    code: String,
    title: String,
    title_fr: String,
}

fn parse<T: for<'de> Deserialize<'de>>(name: &str, json: &str) -> Result<Vec<T>, DbErr> {
    serde_json::from_str(json).map_err(|e| DbErr::Migration(format!("reference data {name}: {e}")))
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(Countries::Table)
                    .if_not_exists()
                    .col(char_len(Countries::Code, 3).primary_key())
                    .col(string(Countries::Name))
                    .col(string(Countries::NameFr))
                    .col(string(Countries::Region))
                    .col(boolean(Countries::Pioneer).default(false))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_countries_pioneer_region")
                    .table(Countries::Table)
                    .col(Countries::Pioneer)
                    .col(Countries::Region)
                    .if_not_exists()
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(Strategies::Table)
                    .if_not_exists()
                    .col(string_len(Strategies::Code, 32).primary_key())
                    .col(string(Strategies::Name))
                    .col(string(Strategies::NameFr))
                    .col(integer(Strategies::Position))
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(Indicators::Table)
                    .if_not_exists()
                    .col(string_len(Indicators::Code, 16).primary_key())
                    .col(text(Indicators::Title))
                    .col(text(Indicators::TitleFr))
                    .col(integer(Indicators::Position))
                    .to_owned(),
            )
            .await?;
        load_reference_data(manager).await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for table in [
            Indicators::Table.into_iden(),
            Strategies::Table.into_iden(),
            Countries::Table.into_iden(),
        ] {
            manager
                .drop_table(Table::drop().table(table).if_exists().to_owned())
                .await?;
        }
        Ok(())
    }
}

/// One upserting statement per table: atomic, and idempotent.
async fn load_reference_data(manager: &SchemaManager<'_>) -> Result<(), DbErr> {
    let countries: Vec<CountryRow> = parse("countries", include_str!("../data/countries.json"))?;
    let mut insert = Query::insert();
    insert
        .into_table(Countries::Table)
        .columns([
            Countries::Code,
            Countries::Name,
            Countries::NameFr,
            Countries::Region,
            Countries::Pioneer,
        ])
        .on_conflict(
            OnConflict::column(Countries::Code)
                .update_columns([
                    Countries::Name,
                    Countries::NameFr,
                    Countries::Region,
                    Countries::Pioneer,
                ])
                .to_owned(),
        );
    for c in countries {
        insert.values_panic([
            c.code.into(),
            c.name.into(),
            c.name_fr.into(),
            c.region.into(),
            c.pioneer.into(),
        ]);
    }
    manager.exec_stmt(insert).await?;

    let strategies: Vec<StrategyRow> =
        parse("strategies", include_str!("../data/strategies.json"))?;
    let mut insert = Query::insert();
    insert
        .into_table(Strategies::Table)
        .columns([
            Strategies::Code,
            Strategies::Name,
            Strategies::NameFr,
            Strategies::Position,
        ])
        .on_conflict(
            OnConflict::column(Strategies::Code)
                .update_columns([Strategies::Name, Strategies::NameFr, Strategies::Position])
                .to_owned(),
        );
    for (position, s) in (1..).zip(strategies) {
        insert.values_panic([
            s.code.into(),
            s.name.into(),
            s.name_fr.into(),
            position.into(),
        ]);
    }
    manager.exec_stmt(insert).await?;

    let indicators: Vec<IndicatorRow> =
        parse("indicators", include_str!("../data/indicators.json"))?;
    let mut insert = Query::insert();
    insert
        .into_table(Indicators::Table)
        .columns([
            Indicators::Code,
            Indicators::Title,
            Indicators::TitleFr,
            Indicators::Position,
        ])
        .on_conflict(
            OnConflict::column(Indicators::Code)
                .update_columns([Indicators::Title, Indicators::TitleFr, Indicators::Position])
                .to_owned(),
        );
    for (position, i) in (1..).zip(indicators) {
        insert.values_panic([
            i.code.into(),
            i.title.into(),
            i.title_fr.into(),
            position.into(),
        ]);
    }
    manager.exec_stmt(insert).await?;
    Ok(())
}
