//! Comments in Markdown, edited by their author and removed by moderators: the rendered and
//! sanitised HTML kept beside the Markdown (empty on the rows written before, rendered on read),
//! when the author last edited, and when and by whom a comment was removed (its text is then
//! gone; the row stays so that its replies keep their thread).

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum DocumentComments {
    Table,
    BodyHtml,
    EditedAt,
    RemovedAt,
    RemovedBy,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        // SQLite adds one column per statement.
        for column in [
            text(DocumentComments::BodyHtml).default("").to_owned(),
            timestamp_with_time_zone_null(DocumentComments::EditedAt),
            timestamp_with_time_zone_null(DocumentComments::RemovedAt),
            uuid_null(DocumentComments::RemovedBy),
        ] {
            let mut column = column;
            manager
                .alter_table(
                    Table::alter()
                        .table(DocumentComments::Table)
                        .add_column(&mut column)
                        .to_owned(),
                )
                .await?;
        }
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for column in [
            DocumentComments::RemovedBy,
            DocumentComments::RemovedAt,
            DocumentComments::EditedAt,
            DocumentComments::BodyHtml,
        ] {
            manager
                .alter_table(
                    Table::alter()
                        .table(DocumentComments::Table)
                        .drop_column(column)
                        .to_owned(),
                )
                .await?;
        }
        Ok(())
    }
}
