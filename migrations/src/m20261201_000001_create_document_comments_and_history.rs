//! One comment table and one history table for every reviewed document kind (roadmaps first;
//! annual reports, action plans and knowledge resources plug in with their own `document_kind`).
//! The roadmap-only tables are copied over, row for row, and dropped.
//!
//! Roadmap parts also learn which part of the approved version they were copied from
//! (`origin_id`), to show later what a revision changed.
//!
//! `down` restores the roadmap-only tables exactly as m20261123_000003 created them, with the
//! roadmap rows; comments and history of other kinds have nowhere to go and are dropped.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

/// The kind the roadmap rows get; the API writes the same string.
const ROADMAP: &str = "roadmap";

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
enum DocumentHistory {
    Table,
    Id,
    DocumentKind,
    DocumentId,
    Revision,
    ActorId,
    Event,
    Changes,
    CreatedAt,
}

#[derive(DeriveIden)]
enum DocumentComments {
    Table,
    Id,
    DocumentKind,
    DocumentId,
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
enum RoadmapPriorities {
    Table,
}

#[derive(DeriveIden)]
enum RoadmapActions {
    Table,
}

#[derive(DeriveIden)]
enum RoadmapIndicators {
    Table,
}

#[derive(DeriveIden)]
enum Parts {
    OriginId,
}

fn parts() -> [DynIden; 3] {
    [
        RoadmapPriorities::Table.into_iden(),
        RoadmapActions::Table.into_iden(),
        RoadmapIndicators::Table.into_iden(),
    ]
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

fn by_author(
    name: &str,
    table: impl IntoIden + 'static,
    column: impl IntoIden + 'static,
) -> ForeignKeyCreateStatement {
    ForeignKey::create()
        .name(name)
        .from(table, column)
        .to(Users::Table, Users::Id)
        .to_owned()
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

/// `INSERT INTO into (columns) SELECT …`: copies on the server, both backends alike.
async fn copy_rows(
    manager: &SchemaManager<'_>,
    into: impl IntoIden,
    columns: Vec<DynIden>,
    select: SelectStatement,
) -> Result<(), DbErr> {
    let insert = Query::insert()
        .into_table(into)
        .columns(columns)
        .select_from(select)
        .map_err(|e| DbErr::Migration(format!("copy statement: {e}")))?
        .to_owned();
    manager.exec_stmt(insert).await
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    // PostgreSQL wraps every migration in a transaction already; SQLite's DDL is transactional
    // too, so a failure halfway leaves the old tables and their rows in place there as well.
    fn use_transaction(&self) -> Option<bool> {
        Some(true)
    }

    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        // Same column types as the roadmap tables, so that every row copies without a cast
        // and sea-orm reads the copies as it read the originals.
        manager
            .create_table(
                Table::create()
                    .table(DocumentHistory::Table)
                    .if_not_exists()
                    .col(pk_uuid(DocumentHistory::Id))
                    .col(string_len(DocumentHistory::DocumentKind, 32))
                    .col(uuid(DocumentHistory::DocumentId))
                    .col(big_integer(DocumentHistory::Revision))
                    .col(uuid(DocumentHistory::ActorId))
                    .col(string_len(DocumentHistory::Event, 64))
                    .col(text(DocumentHistory::Changes))
                    .col(timestamp_with_time_zone(DocumentHistory::CreatedAt))
                    .foreign_key(&mut by_author(
                        "fk_document_history_actor",
                        DocumentHistory::Table,
                        DocumentHistory::ActorId,
                    ))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(index(
                "idx_document_history_document",
                DocumentHistory::Table,
                vec![
                    DocumentHistory::DocumentKind.into_iden(),
                    DocumentHistory::DocumentId.into_iden(),
                    DocumentHistory::Revision.into_iden(),
                    DocumentHistory::Id.into_iden(),
                ],
            ))
            .await?;

        manager
            .create_table(
                Table::create()
                    .table(DocumentComments::Table)
                    .if_not_exists()
                    .col(pk_uuid(DocumentComments::Id))
                    .col(string_len(DocumentComments::DocumentKind, 32))
                    .col(uuid(DocumentComments::DocumentId))
                    .col(uuid(DocumentComments::AuthorId))
                    .col(string_len(DocumentComments::TargetKind, 16))
                    .col(uuid(DocumentComments::TargetId))
                    .col(uuid_null(DocumentComments::ParentId))
                    .col(text(DocumentComments::Body))
                    .col(timestamp_with_time_zone(DocumentComments::CreatedAt))
                    .foreign_key(&mut by_author(
                        "fk_document_comments_author",
                        DocumentComments::Table,
                        DocumentComments::AuthorId,
                    ))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(index(
                "idx_document_comments_document",
                DocumentComments::Table,
                vec![
                    DocumentComments::DocumentKind.into_iden(),
                    DocumentComments::DocumentId.into_iden(),
                    DocumentComments::CreatedAt.into_iden(),
                    DocumentComments::Id.into_iden(),
                ],
            ))
            .await?;

        copy_rows(
            manager,
            DocumentHistory::Table,
            vec![
                DocumentHistory::Id.into_iden(),
                DocumentHistory::DocumentKind.into_iden(),
                DocumentHistory::DocumentId.into_iden(),
                DocumentHistory::Revision.into_iden(),
                DocumentHistory::ActorId.into_iden(),
                DocumentHistory::Event.into_iden(),
                DocumentHistory::Changes.into_iden(),
                DocumentHistory::CreatedAt.into_iden(),
            ],
            Query::select()
                .column(RoadmapHistory::Id)
                .expr(Expr::val(ROADMAP))
                .columns([
                    RoadmapHistory::RoadmapId,
                    RoadmapHistory::Revision,
                    RoadmapHistory::ActorId,
                    RoadmapHistory::Event,
                    RoadmapHistory::Changes,
                    RoadmapHistory::CreatedAt,
                ])
                .from(RoadmapHistory::Table)
                .to_owned(),
        )
        .await?;
        copy_rows(
            manager,
            DocumentComments::Table,
            vec![
                DocumentComments::Id.into_iden(),
                DocumentComments::DocumentKind.into_iden(),
                DocumentComments::DocumentId.into_iden(),
                DocumentComments::AuthorId.into_iden(),
                DocumentComments::TargetKind.into_iden(),
                DocumentComments::TargetId.into_iden(),
                DocumentComments::ParentId.into_iden(),
                DocumentComments::Body.into_iden(),
                DocumentComments::CreatedAt.into_iden(),
            ],
            Query::select()
                .column(RoadmapComments::Id)
                .expr(Expr::val(ROADMAP))
                .columns([
                    RoadmapComments::RoadmapId,
                    RoadmapComments::AuthorId,
                    RoadmapComments::TargetKind,
                    RoadmapComments::TargetId,
                    RoadmapComments::ParentId,
                    RoadmapComments::Body,
                    RoadmapComments::CreatedAt,
                ])
                .from(RoadmapComments::Table)
                .to_owned(),
        )
        .await?;
        for table in [
            RoadmapHistory::Table.into_iden(),
            RoadmapComments::Table.into_iden(),
        ] {
            manager
                .drop_table(Table::drop().table(table).to_owned())
                .await?;
        }

        // One column per statement: SQLite alters one thing at a time.
        for table in parts() {
            manager
                .alter_table(
                    Table::alter()
                        .table(table)
                        .add_column(uuid_null(Parts::OriginId))
                        .to_owned(),
                )
                .await?;
        }
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        // As m20261123_000003 created them: same columns, keys and indexes.
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
                    .foreign_key(&mut by_author(
                        "fk_comments_author",
                        RoadmapComments::Table,
                        RoadmapComments::AuthorId,
                    ))
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
                    .foreign_key(&mut by_author(
                        "fk_history_actor",
                        RoadmapHistory::Table,
                        RoadmapHistory::ActorId,
                    ))
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
            .await?;

        copy_rows(
            manager,
            RoadmapHistory::Table,
            vec![
                RoadmapHistory::Id.into_iden(),
                RoadmapHistory::RoadmapId.into_iden(),
                RoadmapHistory::Revision.into_iden(),
                RoadmapHistory::ActorId.into_iden(),
                RoadmapHistory::Event.into_iden(),
                RoadmapHistory::Changes.into_iden(),
                RoadmapHistory::CreatedAt.into_iden(),
            ],
            Query::select()
                .columns([
                    DocumentHistory::Id,
                    DocumentHistory::DocumentId,
                    DocumentHistory::Revision,
                    DocumentHistory::ActorId,
                    DocumentHistory::Event,
                    DocumentHistory::Changes,
                    DocumentHistory::CreatedAt,
                ])
                .from(DocumentHistory::Table)
                .and_where(Expr::col(DocumentHistory::DocumentKind).eq(ROADMAP))
                .to_owned(),
        )
        .await?;
        copy_rows(
            manager,
            RoadmapComments::Table,
            vec![
                RoadmapComments::Id.into_iden(),
                RoadmapComments::RoadmapId.into_iden(),
                RoadmapComments::AuthorId.into_iden(),
                RoadmapComments::TargetKind.into_iden(),
                RoadmapComments::TargetId.into_iden(),
                RoadmapComments::ParentId.into_iden(),
                RoadmapComments::Body.into_iden(),
                RoadmapComments::CreatedAt.into_iden(),
            ],
            Query::select()
                .columns([
                    DocumentComments::Id,
                    DocumentComments::DocumentId,
                    DocumentComments::AuthorId,
                    DocumentComments::TargetKind,
                    DocumentComments::TargetId,
                    DocumentComments::ParentId,
                    DocumentComments::Body,
                    DocumentComments::CreatedAt,
                ])
                .from(DocumentComments::Table)
                .and_where(Expr::col(DocumentComments::DocumentKind).eq(ROADMAP))
                .to_owned(),
        )
        .await?;
        for table in [
            DocumentHistory::Table.into_iden(),
            DocumentComments::Table.into_iden(),
        ] {
            manager
                .drop_table(Table::drop().table(table).to_owned())
                .await?;
        }

        for table in parts() {
            manager
                .alter_table(
                    Table::alter()
                        .table(table)
                        .drop_column(Parts::OriginId)
                        .to_owned(),
                )
                .await?;
        }
        Ok(())
    }
}
