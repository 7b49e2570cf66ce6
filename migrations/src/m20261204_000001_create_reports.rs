//! Annual progress reports: reporting cycles, reports and their parts (a line per key action and
//! per indicator of the roadmap version reported on, support requests), and scopes on API tokens.
//!
//! A report's lines copy what they report on from the roadmap (title, strategies, budget,
//! baseline and target), so that the report reads, and the synthesis adds up, without joining
//! back to roadmaps. Comments and history go in the tables every reviewed document shares.

use sea_orm_migration::{prelude::*, schema::*};

use crate::m20261123_000001_create_reference_tables::Countries;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum Users {
    Table,
    Id,
}

#[derive(DeriveIden)]
enum Roadmaps {
    Table,
    Id,
}

#[derive(DeriveIden)]
enum ApiTokens {
    Table,
    Scopes,
}

#[derive(DeriveIden)]
enum ReportingCycles {
    Table,
    Year,
    OpensOn,
    DueOn,
    Status,
    CreatedAt,
    UpdatedAt,
}

#[derive(DeriveIden)]
enum Reports {
    Table,
    Id,
    RoadmapId,
    RoadmapVersion,
    CountryCode,
    Year,
    Status,
    Revision,
    Achievements,
    Challenges,
    LessonsLearned,
    ChildrenParticipation,
    PreviousReportId,
    CreatedBy,
    FirstSubmittedAt,
    SubmittedAt,
    DecidedAt,
    CreatedAt,
    UpdatedAt,
}

#[derive(DeriveIden)]
enum ReportActions {
    Table,
    ReportId,
    ActionId,
    Position,
    PriorityId,
    Title,
    Strategies,
    Status,
    ProgressPercent,
    SpentCents,
    SpentCurrency,
    BudgetCents,
    BudgetCurrency,
    Note,
    CarriedOver,
}

#[derive(DeriveIden)]
enum ReportIndicators {
    Table,
    ReportId,
    IndicatorId,
    Position,
    IndicatorCode,
    Name,
    Unit,
    BaselineValue,
    BaselineYear,
    TargetValue,
    TargetYear,
    Value,
    ValueYear,
    Source,
    CarriedOver,
}

#[derive(DeriveIden)]
enum ReportSupportRequests {
    Table,
    Id,
    ReportId,
    Position,
    Kind,
    Description,
    PriorityId,
    ActionId,
}

fn child_of_report(
    name: &str,
    table: impl IntoIden + 'static,
    column: impl IntoIden + 'static,
) -> ForeignKeyCreateStatement {
    ForeignKey::create()
        .name(name)
        .from(table, column)
        .to(Reports::Table, Reports::Id)
        .on_delete(ForeignKeyAction::Cascade)
        .to_owned()
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(ReportingCycles::Table)
                    .if_not_exists()
                    .col(integer(ReportingCycles::Year).primary_key())
                    .col(date(ReportingCycles::OpensOn))
                    .col(date(ReportingCycles::DueOn))
                    .col(string_len(ReportingCycles::Status, 16))
                    .col(timestamp_with_time_zone(ReportingCycles::CreatedAt))
                    .col(timestamp_with_time_zone(ReportingCycles::UpdatedAt))
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(Reports::Table)
                    .if_not_exists()
                    .col(pk_uuid(Reports::Id))
                    .col(uuid(Reports::RoadmapId))
                    .col(integer(Reports::RoadmapVersion))
                    .col(char_len(Reports::CountryCode, 3))
                    .col(integer(Reports::Year))
                    .col(string_len(Reports::Status, 32))
                    .col(big_integer(Reports::Revision))
                    .col(text(Reports::Achievements))
                    .col(text(Reports::Challenges))
                    .col(text(Reports::LessonsLearned))
                    .col(text(Reports::ChildrenParticipation))
                    .col(uuid_null(Reports::PreviousReportId))
                    .col(uuid(Reports::CreatedBy))
                    .col(timestamp_with_time_zone_null(Reports::FirstSubmittedAt))
                    .col(timestamp_with_time_zone_null(Reports::SubmittedAt))
                    .col(timestamp_with_time_zone_null(Reports::DecidedAt))
                    .col(timestamp_with_time_zone(Reports::CreatedAt))
                    .col(timestamp_with_time_zone(Reports::UpdatedAt))
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk_reports_roadmap")
                            .from(Reports::Table, Reports::RoadmapId)
                            .to(Roadmaps::Table, Roadmaps::Id),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk_reports_country")
                            .from(Reports::Table, Reports::CountryCode)
                            .to(Countries::Table, Countries::Code),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk_reports_cycle")
                            .from(Reports::Table, Reports::Year)
                            .to(ReportingCycles::Table, ReportingCycles::Year),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk_reports_created_by")
                            .from(Reports::Table, Reports::CreatedBy)
                            .to(Users::Table, Users::Id),
                    )
                    .to_owned(),
            )
            .await?;
        // One report per country and cycle.
        manager
            .create_index(
                Index::create()
                    .name("idx_reports_country_year")
                    .table(Reports::Table)
                    .col(Reports::CountryCode)
                    .col(Reports::Year)
                    .unique()
                    .if_not_exists()
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_reports_year_status")
                    .table(Reports::Table)
                    .col(Reports::Year)
                    .col(Reports::Status)
                    .if_not_exists()
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(ReportActions::Table)
                    .if_not_exists()
                    .col(uuid(ReportActions::ReportId))
                    .col(uuid(ReportActions::ActionId))
                    .col(integer(ReportActions::Position))
                    .col(uuid(ReportActions::PriorityId))
                    .col(string_len(ReportActions::Title, 300))
                    .col(text(ReportActions::Strategies))
                    .col(string_len(ReportActions::Status, 16))
                    .col(small_integer(ReportActions::ProgressPercent))
                    .col(big_integer_null(ReportActions::SpentCents))
                    .col(string_len_null(ReportActions::SpentCurrency, 3))
                    .col(big_integer_null(ReportActions::BudgetCents))
                    .col(string_len_null(ReportActions::BudgetCurrency, 3))
                    .col(text(ReportActions::Note))
                    .col(boolean(ReportActions::CarriedOver))
                    .primary_key(
                        Index::create()
                            .col(ReportActions::ReportId)
                            .col(ReportActions::ActionId),
                    )
                    .foreign_key(&mut child_of_report(
                        "fk_report_actions_report",
                        ReportActions::Table,
                        ReportActions::ReportId,
                    ))
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(ReportIndicators::Table)
                    .if_not_exists()
                    .col(uuid(ReportIndicators::ReportId))
                    .col(uuid(ReportIndicators::IndicatorId))
                    .col(integer(ReportIndicators::Position))
                    .col(string_len_null(ReportIndicators::IndicatorCode, 16))
                    .col(string_len(ReportIndicators::Name, 300))
                    .col(string_len(ReportIndicators::Unit, 100))
                    .col(string_len_null(ReportIndicators::BaselineValue, 64))
                    .col(integer_null(ReportIndicators::BaselineYear))
                    .col(string_len_null(ReportIndicators::TargetValue, 64))
                    .col(integer_null(ReportIndicators::TargetYear))
                    .col(string_len_null(ReportIndicators::Value, 64))
                    .col(integer_null(ReportIndicators::ValueYear))
                    .col(text(ReportIndicators::Source))
                    .col(boolean(ReportIndicators::CarriedOver))
                    .primary_key(
                        Index::create()
                            .col(ReportIndicators::ReportId)
                            .col(ReportIndicators::IndicatorId),
                    )
                    .foreign_key(&mut child_of_report(
                        "fk_report_indicators_report",
                        ReportIndicators::Table,
                        ReportIndicators::ReportId,
                    ))
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(ReportSupportRequests::Table)
                    .if_not_exists()
                    .col(pk_uuid(ReportSupportRequests::Id))
                    .col(uuid(ReportSupportRequests::ReportId))
                    .col(integer(ReportSupportRequests::Position))
                    .col(string_len(ReportSupportRequests::Kind, 32))
                    .col(text(ReportSupportRequests::Description))
                    .col(uuid_null(ReportSupportRequests::PriorityId))
                    .col(uuid_null(ReportSupportRequests::ActionId))
                    .foreign_key(&mut child_of_report(
                        "fk_report_support_requests_report",
                        ReportSupportRequests::Table,
                        ReportSupportRequests::ReportId,
                    ))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_report_support_requests_report")
                    .table(ReportSupportRequests::Table)
                    .col(ReportSupportRequests::ReportId)
                    .if_not_exists()
                    .to_owned(),
            )
            .await?;
        // Tokens made before scopes existed may read, as they could.
        manager
            .alter_table(
                Table::alter()
                    .table(ApiTokens::Table)
                    .add_column(text(ApiTokens::Scopes).default("[\"read\"]"))
                    .to_owned(),
            )
            .await?;
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .alter_table(
                Table::alter()
                    .table(ApiTokens::Table)
                    .drop_column(ApiTokens::Scopes)
                    .to_owned(),
            )
            .await?;
        for table in [
            ReportSupportRequests::Table.into_iden(),
            ReportIndicators::Table.into_iden(),
            ReportActions::Table.into_iden(),
            Reports::Table.into_iden(),
            ReportingCycles::Table.into_iden(),
        ] {
            manager
                .drop_table(Table::drop().table(table).to_owned())
                .await?;
        }
        Ok(())
    }
}
