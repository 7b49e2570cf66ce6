//! National roadmaps and their parts, review comments and decisions, and the audit history.
//!
//! Lists of strings (strategies, partners, stakeholder groups) and history changes are JSON
//! text, which both SQLite and PostgreSQL store alike. Amounts are integer hundredths.

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
    LineageId,
    Version,
    CountryCode,
    Title,
    Summary,
    PeriodStart,
    PeriodEnd,
    Status,
    Revision,
    ConsultationHeldOn,
    ConsultationGroups,
    ConsultationParticipants,
    CreatedBy,
    SubmittedAt,
    DecidedAt,
    CreatedAt,
    UpdatedAt,
}

#[derive(DeriveIden)]
enum RoadmapPriorities {
    Table,
    Id,
    RoadmapId,
    Position,
    Title,
    Description,
    Strategies,
}

#[derive(DeriveIden)]
enum RoadmapActions {
    Table,
    Id,
    RoadmapId,
    PriorityId,
    Position,
    Title,
    Description,
    LeadInstitution,
    Partners,
    StartMonth,
    EndMonth,
    BudgetCents,
    BudgetCurrency,
    SecuredCents,
    SecuredCurrency,
    FundingSource,
}

#[derive(DeriveIden)]
enum RoadmapIndicators {
    Table,
    Id,
    RoadmapId,
    Position,
    IndicatorCode,
    Name,
    Unit,
    BaselineValue,
    BaselineYear,
    TargetValue,
    TargetYear,
    Source,
}

#[derive(DeriveIden)]
enum RoadmapComments {
    Table,
    Id,
    RoadmapId,
    AuthorId,
    TargetKind,
    TargetId,
    ParentId,
    Body,
    CreatedAt,
}

#[derive(DeriveIden)]
enum RoadmapHistory {
    Table,
    Id,
    RoadmapId,
    Revision,
    ActorId,
    Event,
    Changes,
    CreatedAt,
}

fn child_of_roadmap(
    name: &str,
    table: impl IntoIden + 'static,
    column: impl IntoIden + 'static,
) -> ForeignKeyCreateStatement {
    ForeignKey::create()
        .name(name)
        .from(table, column)
        .to(Roadmaps::Table, Roadmaps::Id)
        .on_delete(ForeignKeyAction::Cascade)
        .to_owned()
}

fn index(
    name: &str,
    table: impl IntoIden + 'static,
    columns: Vec<DynIden>,
) -> IndexCreateStatement {
    let mut index = Index::create();
    index.name(name).table(table).if_not_exists();
    for column in columns {
        index.col(column);
    }
    index.to_owned()
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(Roadmaps::Table)
                    .if_not_exists()
                    .col(pk_uuid(Roadmaps::Id))
                    .col(uuid(Roadmaps::LineageId))
                    .col(integer(Roadmaps::Version))
                    .col(char_len(Roadmaps::CountryCode, 3))
                    .col(string_len(Roadmaps::Title, 300))
                    .col(text(Roadmaps::Summary))
                    .col(integer(Roadmaps::PeriodStart))
                    .col(integer(Roadmaps::PeriodEnd))
                    .col(string_len(Roadmaps::Status, 32))
                    .col(big_integer(Roadmaps::Revision))
                    .col(date_null(Roadmaps::ConsultationHeldOn))
                    .col(text(Roadmaps::ConsultationGroups))
                    .col(integer_null(Roadmaps::ConsultationParticipants))
                    .col(uuid(Roadmaps::CreatedBy))
                    .col(timestamp_with_time_zone_null(Roadmaps::SubmittedAt))
                    .col(timestamp_with_time_zone_null(Roadmaps::DecidedAt))
                    .col(timestamp_with_time_zone(Roadmaps::CreatedAt))
                    .col(timestamp_with_time_zone(Roadmaps::UpdatedAt))
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk_roadmaps_country")
                            .from(Roadmaps::Table, Roadmaps::CountryCode)
                            .to(Countries::Table, Countries::Code),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk_roadmaps_created_by")
                            .from(Roadmaps::Table, Roadmaps::CreatedBy)
                            .to(Users::Table, Users::Id),
                    )
                    .to_owned(),
            )
            .await?;
        let mut lineage_version = index(
            "idx_roadmaps_lineage_version",
            Roadmaps::Table,
            vec![
                Roadmaps::LineageId.into_iden(),
                Roadmaps::Version.into_iden(),
            ],
        );
        manager
            .create_index(lineage_version.unique().to_owned())
            .await?;
        manager
            .create_index(index(
                "idx_roadmaps_status",
                Roadmaps::Table,
                vec![
                    Roadmaps::Status.into_iden(),
                    Roadmaps::SubmittedAt.into_iden(),
                ],
            ))
            .await?;
        manager
            .create_index(index(
                "idx_roadmaps_country",
                Roadmaps::Table,
                vec![Roadmaps::CountryCode.into_iden()],
            ))
            .await?;

        manager
            .create_table(
                Table::create()
                    .table(RoadmapPriorities::Table)
                    .if_not_exists()
                    .col(pk_uuid(RoadmapPriorities::Id))
                    .col(uuid(RoadmapPriorities::RoadmapId))
                    .col(integer(RoadmapPriorities::Position))
                    .col(string_len(RoadmapPriorities::Title, 300))
                    .col(text(RoadmapPriorities::Description))
                    .col(text(RoadmapPriorities::Strategies))
                    .foreign_key(&mut child_of_roadmap(
                        "fk_priorities_roadmap",
                        RoadmapPriorities::Table,
                        RoadmapPriorities::RoadmapId,
                    ))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(index(
                "idx_priorities_roadmap",
                RoadmapPriorities::Table,
                vec![RoadmapPriorities::RoadmapId.into_iden()],
            ))
            .await?;

        manager
            .create_table(
                Table::create()
                    .table(RoadmapActions::Table)
                    .if_not_exists()
                    .col(pk_uuid(RoadmapActions::Id))
                    .col(uuid(RoadmapActions::RoadmapId))
                    .col(uuid(RoadmapActions::PriorityId))
                    .col(integer(RoadmapActions::Position))
                    .col(string_len(RoadmapActions::Title, 300))
                    .col(text(RoadmapActions::Description))
                    .col(string_len_null(RoadmapActions::LeadInstitution, 300))
                    .col(text(RoadmapActions::Partners))
                    .col(string_len_null(RoadmapActions::StartMonth, 7))
                    .col(string_len_null(RoadmapActions::EndMonth, 7))
                    .col(big_integer_null(RoadmapActions::BudgetCents))
                    .col(string_len_null(RoadmapActions::BudgetCurrency, 3))
                    .col(big_integer_null(RoadmapActions::SecuredCents))
                    .col(string_len_null(RoadmapActions::SecuredCurrency, 3))
                    .col(string_len_null(RoadmapActions::FundingSource, 300))
                    .foreign_key(&mut child_of_roadmap(
                        "fk_actions_roadmap",
                        RoadmapActions::Table,
                        RoadmapActions::RoadmapId,
                    ))
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk_actions_priority")
                            .from(RoadmapActions::Table, RoadmapActions::PriorityId)
                            .to(RoadmapPriorities::Table, RoadmapPriorities::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(index(
                "idx_actions_roadmap",
                RoadmapActions::Table,
                vec![RoadmapActions::RoadmapId.into_iden()],
            ))
            .await?;

        manager
            .create_table(
                Table::create()
                    .table(RoadmapIndicators::Table)
                    .if_not_exists()
                    .col(pk_uuid(RoadmapIndicators::Id))
                    .col(uuid(RoadmapIndicators::RoadmapId))
                    .col(integer(RoadmapIndicators::Position))
                    .col(string_len_null(RoadmapIndicators::IndicatorCode, 16))
                    .col(string_len(RoadmapIndicators::Name, 300))
                    .col(string_len(RoadmapIndicators::Unit, 100))
                    .col(string_len_null(RoadmapIndicators::BaselineValue, 40))
                    .col(integer_null(RoadmapIndicators::BaselineYear))
                    .col(string_len_null(RoadmapIndicators::TargetValue, 40))
                    .col(integer_null(RoadmapIndicators::TargetYear))
                    .col(string_len(RoadmapIndicators::Source, 300))
                    .foreign_key(&mut child_of_roadmap(
                        "fk_indicators_roadmap",
                        RoadmapIndicators::Table,
                        RoadmapIndicators::RoadmapId,
                    ))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(index(
                "idx_indicators_roadmap",
                RoadmapIndicators::Table,
                vec![RoadmapIndicators::RoadmapId.into_iden()],
            ))
            .await?;

        manager
            .create_table(
                Table::create()
                    .table(RoadmapComments::Table)
                    .if_not_exists()
                    .col(pk_uuid(RoadmapComments::Id))
                    .col(uuid(RoadmapComments::RoadmapId))
                    .col(uuid(RoadmapComments::AuthorId))
                    .col(string_len(RoadmapComments::TargetKind, 16))
                    .col(uuid(RoadmapComments::TargetId))
                    .col(uuid_null(RoadmapComments::ParentId))
                    .col(text(RoadmapComments::Body))
                    .col(timestamp_with_time_zone(RoadmapComments::CreatedAt))
                    .foreign_key(&mut child_of_roadmap(
                        "fk_comments_roadmap",
                        RoadmapComments::Table,
                        RoadmapComments::RoadmapId,
                    ))
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk_comments_author")
                            .from(RoadmapComments::Table, RoadmapComments::AuthorId)
                            .to(Users::Table, Users::Id),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(index(
                "idx_comments_roadmap",
                RoadmapComments::Table,
                vec![RoadmapComments::RoadmapId.into_iden()],
            ))
            .await?;

        manager
            .create_table(
                Table::create()
                    .table(RoadmapHistory::Table)
                    .if_not_exists()
                    .col(pk_uuid(RoadmapHistory::Id))
                    .col(uuid(RoadmapHistory::RoadmapId))
                    .col(big_integer(RoadmapHistory::Revision))
                    .col(uuid(RoadmapHistory::ActorId))
                    .col(string_len(RoadmapHistory::Event, 64))
                    .col(text(RoadmapHistory::Changes))
                    .col(timestamp_with_time_zone(RoadmapHistory::CreatedAt))
                    .foreign_key(&mut child_of_roadmap(
                        "fk_history_roadmap",
                        RoadmapHistory::Table,
                        RoadmapHistory::RoadmapId,
                    ))
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk_history_actor")
                            .from(RoadmapHistory::Table, RoadmapHistory::ActorId)
                            .to(Users::Table, Users::Id),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(index(
                "idx_history_roadmap",
                RoadmapHistory::Table,
                vec![
                    RoadmapHistory::RoadmapId.into_iden(),
                    RoadmapHistory::Revision.into_iden(),
                ],
            ))
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for table in [
            RoadmapHistory::Table.into_iden(),
            RoadmapComments::Table.into_iden(),
            RoadmapIndicators::Table.into_iden(),
            RoadmapActions::Table.into_iden(),
            RoadmapPriorities::Table.into_iden(),
            Roadmaps::Table.into_iden(),
        ] {
            manager
                .drop_table(Table::drop().table(table).if_exists().to_owned())
                .await?;
        }
        Ok(())
    }
}
