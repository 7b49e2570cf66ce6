//! The knowledge base: resources under moderation (a proposed change of a published resource
//! is a resource of its own that names it), their files, and the ordered log of changes that
//! each replica's search index follows.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum Users {
    Table,
    Id,
}

#[derive(DeriveIden)]
enum Groups {
    Table,
    Id,
}

#[derive(DeriveIden)]
enum Resources {
    Table,
    Id,
    RevisionOf,
    AuthorId,
    Kind,
    Title,
    Summary,
    Body,
    Language,
    Strategies,
    Countries,
    Tags,
    Links,
    Visibility,
    GroupId,
    Status,
    Revision,
    Views,
    CreatedAt,
    UpdatedAt,
    SubmittedAt,
    PublishedAt,
}

#[derive(DeriveIden)]
enum ResourceFiles {
    Table,
    Id,
    ResourceId,
    Name,
    Size,
    ContentType,
    StorageKey,
    UploadedBy,
    CreatedAt,
}

#[derive(DeriveIden)]
enum ResourceChanges {
    Table,
    Seq,
    ResourceId,
    ChangedAt,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(Resources::Table)
                    .if_not_exists()
                    .col(pk_uuid(Resources::Id))
                    .col(uuid_null(Resources::RevisionOf))
                    .col(uuid_null(Resources::AuthorId))
                    .col(string_len(Resources::Kind, 24))
                    .col(string_len(Resources::Title, 400))
                    .col(text(Resources::Summary))
                    .col(text(Resources::Body))
                    .col(string_len(Resources::Language, 8))
                    // JSON arrays of strings.
                    .col(text(Resources::Strategies))
                    .col(text(Resources::Countries))
                    .col(text(Resources::Tags))
                    .col(text(Resources::Links))
                    .col(string_len(Resources::Visibility, 16))
                    .col(uuid_null(Resources::GroupId))
                    .col(string_len(Resources::Status, 16))
                    .col(big_integer(Resources::Revision))
                    .col(big_integer(Resources::Views).default(0))
                    .col(timestamp_with_time_zone(Resources::CreatedAt))
                    .col(timestamp_with_time_zone(Resources::UpdatedAt))
                    .col(timestamp_with_time_zone(Resources::SubmittedAt))
                    .col(timestamp_with_time_zone_null(Resources::PublishedAt))
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk_resources_revision_of")
                            .from(Resources::Table, Resources::RevisionOf)
                            .to(Resources::Table, Resources::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk_resources_author")
                            .from(Resources::Table, Resources::AuthorId)
                            .to(Users::Table, Users::Id)
                            .on_delete(ForeignKeyAction::SetNull),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk_resources_group")
                            .from(Resources::Table, Resources::GroupId)
                            .to(Groups::Table, Groups::Id)
                            .on_delete(ForeignKeyAction::SetNull),
                    )
                    .to_owned(),
            )
            .await?;
        // The lists: the latest published, the moderation queue, an author's own.
        for (name, columns) in [
            (
                "idx_resources_status_published",
                vec![Resources::Status, Resources::PublishedAt],
            ),
            ("idx_resources_revision_of", vec![Resources::RevisionOf]),
            ("idx_resources_author", vec![Resources::AuthorId]),
        ] {
            let mut index = Index::create();
            index.name(name).table(Resources::Table).if_not_exists();
            for column in columns {
                index.col(column);
            }
            manager.create_index(index.to_owned()).await?;
        }
        manager
            .create_table(
                Table::create()
                    .table(ResourceFiles::Table)
                    .if_not_exists()
                    .col(pk_uuid(ResourceFiles::Id))
                    .col(uuid(ResourceFiles::ResourceId))
                    .col(string_len(ResourceFiles::Name, 255))
                    .col(big_integer(ResourceFiles::Size))
                    .col(string_len(ResourceFiles::ContentType, 120))
                    .col(string_len(ResourceFiles::StorageKey, 200))
                    .col(uuid_null(ResourceFiles::UploadedBy))
                    .col(timestamp_with_time_zone(ResourceFiles::CreatedAt))
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk_resource_files_resource")
                            .from(ResourceFiles::Table, ResourceFiles::ResourceId)
                            .to(Resources::Table, Resources::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk_resource_files_uploaded_by")
                            .from(ResourceFiles::Table, ResourceFiles::UploadedBy)
                            .to(Users::Table, Users::Id)
                            .on_delete(ForeignKeyAction::SetNull),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_resource_files_resource")
                    .table(ResourceFiles::Table)
                    .col(ResourceFiles::ResourceId)
                    .if_not_exists()
                    .to_owned(),
            )
            .await?;
        // No foreign key: a change may name a resource that is gone.
        manager
            .create_table(
                Table::create()
                    .table(ResourceChanges::Table)
                    .if_not_exists()
                    .col(pk_auto(ResourceChanges::Seq))
                    .col(uuid(ResourceChanges::ResourceId))
                    .col(timestamp_with_time_zone(ResourceChanges::ChangedAt))
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for table in [
            ResourceChanges::Table.into_iden(),
            ResourceFiles::Table.into_iden(),
            Resources::Table.into_iden(),
        ] {
            manager
                .drop_table(Table::drop().table(table).to_owned())
                .await?;
        }
        Ok(())
    }
}
