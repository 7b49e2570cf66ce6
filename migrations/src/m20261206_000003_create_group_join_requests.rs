//! Members' requests to join a thematic group, answered by its moderators or the secretariat.
//! One row per member and group: a member declined who asks again reuses it (back to
//! `pending`), so that a member has at most one pending request per group on both databases.

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
enum GroupJoinRequests {
    Table,
    Id,
    GroupId,
    UserId,
    Message,
    Status,
    CreatedAt,
    DecidedAt,
    DecidedBy,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(GroupJoinRequests::Table)
                    .if_not_exists()
                    .col(pk_uuid(GroupJoinRequests::Id))
                    .col(uuid(GroupJoinRequests::GroupId))
                    .col(uuid(GroupJoinRequests::UserId))
                    .col(text(GroupJoinRequests::Message))
                    .col(string_len(GroupJoinRequests::Status, 16))
                    // When they (last) asked: the list's order.
                    .col(timestamp_with_time_zone(GroupJoinRequests::CreatedAt))
                    .col(timestamp_with_time_zone_null(GroupJoinRequests::DecidedAt))
                    .col(uuid_null(GroupJoinRequests::DecidedBy))
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk_group_join_requests_group")
                            .from(GroupJoinRequests::Table, GroupJoinRequests::GroupId)
                            .to(Groups::Table, Groups::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk_group_join_requests_user")
                            .from(GroupJoinRequests::Table, GroupJoinRequests::UserId)
                            .to(Users::Table, Users::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk_group_join_requests_decided_by")
                            .from(GroupJoinRequests::Table, GroupJoinRequests::DecidedBy)
                            .to(Users::Table, Users::Id)
                            .on_delete(ForeignKeyAction::SetNull),
                    )
                    .to_owned(),
            )
            .await?;
        // One request per member and group (asking again reuses it).
        manager
            .create_index(
                Index::create()
                    .name("ux_group_join_requests_group_user")
                    .table(GroupJoinRequests::Table)
                    .col(GroupJoinRequests::GroupId)
                    .col(GroupJoinRequests::UserId)
                    .unique()
                    .if_not_exists()
                    .to_owned(),
            )
            .await?;
        // A group's requests in one status, oldest first.
        manager
            .create_index(
                Index::create()
                    .name("idx_group_join_requests_queue")
                    .table(GroupJoinRequests::Table)
                    .col(GroupJoinRequests::GroupId)
                    .col(GroupJoinRequests::Status)
                    .col(GroupJoinRequests::CreatedAt)
                    .if_not_exists()
                    .to_owned(),
            )
            .await?;
        // A member's own requests, read with every list of groups.
        manager
            .create_index(
                Index::create()
                    .name("idx_group_join_requests_user")
                    .table(GroupJoinRequests::Table)
                    .col(GroupJoinRequests::UserId)
                    .if_not_exists()
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(Table::drop().table(GroupJoinRequests::Table).to_owned())
            .await
    }
}
