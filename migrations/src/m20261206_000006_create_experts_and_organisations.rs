//! The directory of experts and partner organisations, and contact requests between members.
//! The log the search index follows now names resources, experts and organisations alike: it
//! becomes `search_changes` (`subject_id`).

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum Users {
    Table,
    Id,
}

#[derive(DeriveIden)]
enum Organisations {
    Table,
    Id,
    Name,
    NameKey,
    Kind,
    Description,
    Website,
    Strategies,
    Tags,
    Languages,
    Countries,
    Regions,
    CreatedBy,
    CreatedAt,
    UpdatedAt,
}

#[derive(DeriveIden)]
enum ExpertProfiles {
    Table,
    UserId,
    Bio,
    OrganisationName,
    OrganisationId,
    Strategies,
    Tags,
    Languages,
    Countries,
    Regions,
    CreatedAt,
    UpdatedAt,
}

#[derive(DeriveIden)]
enum ContactRequests {
    Table,
    Id,
    FromUserId,
    ToUserId,
    Message,
    Status,
    CreatedAt,
    DecidedAt,
}

#[derive(DeriveIden)]
enum ResourceChanges {
    Table,
    ResourceId,
}

#[derive(DeriveIden)]
enum SearchChanges {
    Table,
    SubjectId,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(Organisations::Table)
                    .if_not_exists()
                    .col(pk_uuid(Organisations::Id))
                    .col(string_len(Organisations::Name, 200))
                    // The name folded by the server (`domain::experts::name_key`), so that both
                    // databases compare names alike: SQLite's `lower()` folds ASCII only.
                    .col(string_len(Organisations::NameKey, 800))
                    .col(string_len(Organisations::Kind, 32))
                    .col(text(Organisations::Description))
                    .col(text_null(Organisations::Website))
                    // JSON arrays of strings.
                    .col(text(Organisations::Strategies))
                    .col(text(Organisations::Tags))
                    .col(text(Organisations::Languages))
                    .col(text(Organisations::Countries))
                    .col(text(Organisations::Regions))
                    .col(uuid_null(Organisations::CreatedBy))
                    .col(timestamp_with_time_zone(Organisations::CreatedAt))
                    .col(timestamp_with_time_zone(Organisations::UpdatedAt))
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk_organisations_created_by")
                            .from(Organisations::Table, Organisations::CreatedBy)
                            .to(Users::Table, Users::Id)
                            .on_delete(ForeignKeyAction::SetNull),
                    )
                    .to_owned(),
            )
            .await?;
        // One organisation per name, whatever the case.
        manager
            .create_index(
                Index::create()
                    .if_not_exists()
                    .name("ux_organisations_name_key")
                    .table(Organisations::Table)
                    .col(Organisations::NameKey)
                    .unique()
                    .to_owned(),
            )
            .await?;

        manager
            .create_table(
                Table::create()
                    .table(ExpertProfiles::Table)
                    .if_not_exists()
                    .col(pk_uuid(ExpertProfiles::UserId))
                    .col(text(ExpertProfiles::Bio))
                    .col(string_len_null(ExpertProfiles::OrganisationName, 200))
                    .col(uuid_null(ExpertProfiles::OrganisationId))
                    .col(text(ExpertProfiles::Strategies))
                    .col(text(ExpertProfiles::Tags))
                    .col(text(ExpertProfiles::Languages))
                    .col(text(ExpertProfiles::Countries))
                    .col(text(ExpertProfiles::Regions))
                    .col(timestamp_with_time_zone(ExpertProfiles::CreatedAt))
                    .col(timestamp_with_time_zone(ExpertProfiles::UpdatedAt))
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk_expert_profiles_user")
                            .from(ExpertProfiles::Table, ExpertProfiles::UserId)
                            .to(Users::Table, Users::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk_expert_profiles_organisation")
                            .from(ExpertProfiles::Table, ExpertProfiles::OrganisationId)
                            .to(Organisations::Table, Organisations::Id)
                            .on_delete(ForeignKeyAction::SetNull),
                    )
                    .to_owned(),
            )
            .await?;
        // An organisation's experts, and their count on each organisation.
        manager
            .create_index(
                Index::create()
                    .name("idx_expert_profiles_organisation")
                    .table(ExpertProfiles::Table)
                    .col(ExpertProfiles::OrganisationId)
                    .if_not_exists()
                    .to_owned(),
            )
            .await?;

        manager
            .create_table(
                Table::create()
                    .table(ContactRequests::Table)
                    .if_not_exists()
                    .col(pk_uuid(ContactRequests::Id))
                    .col(uuid(ContactRequests::FromUserId))
                    .col(uuid(ContactRequests::ToUserId))
                    .col(text(ContactRequests::Message))
                    .col(string_len(ContactRequests::Status, 16))
                    .col(timestamp_with_time_zone(ContactRequests::CreatedAt))
                    .col(timestamp_with_time_zone_null(ContactRequests::DecidedAt))
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk_contact_requests_from")
                            .from(ContactRequests::Table, ContactRequests::FromUserId)
                            .to(Users::Table, Users::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk_contact_requests_to")
                            .from(ContactRequests::Table, ContactRequests::ToUserId)
                            .to(Users::Table, Users::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;
        // The requests a member received, and those they sent, newest first.
        for (name, column) in [
            ("idx_contact_requests_to", ContactRequests::ToUserId),
            ("idx_contact_requests_from", ContactRequests::FromUserId),
        ] {
            manager
                .create_index(
                    Index::create()
                        .name(name)
                        .table(ContactRequests::Table)
                        .col(column)
                        .col(ContactRequests::CreatedAt)
                        .if_not_exists()
                        .to_owned(),
                )
                .await?;
        }
        // At most one request waiting between a member and an expert, on both databases.
        manager
            .get_connection()
            .execute_unprepared(
                "CREATE UNIQUE INDEX IF NOT EXISTS ux_contact_requests_pending \
                 ON contact_requests (from_user_id, to_user_id) WHERE status = 'pending'",
            )
            .await?;

        manager
            .rename_table(
                Table::rename()
                    .table(ResourceChanges::Table, SearchChanges::Table)
                    .to_owned(),
            )
            .await?;
        manager
            .alter_table(
                Table::alter()
                    .table(SearchChanges::Table)
                    .rename_column(ResourceChanges::ResourceId, SearchChanges::SubjectId)
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .alter_table(
                Table::alter()
                    .table(SearchChanges::Table)
                    .rename_column(SearchChanges::SubjectId, ResourceChanges::ResourceId)
                    .to_owned(),
            )
            .await?;
        manager
            .rename_table(
                Table::rename()
                    .table(SearchChanges::Table, ResourceChanges::Table)
                    .to_owned(),
            )
            .await?;
        for table in [
            ContactRequests::Table.into_iden(),
            ExpertProfiles::Table.into_iden(),
            Organisations::Table.into_iden(),
        ] {
            manager
                .drop_table(Table::drop().table(table).to_owned())
                .await?;
        }
        Ok(())
    }
}
