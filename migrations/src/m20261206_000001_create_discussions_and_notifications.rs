//! Communities of practice: discussion threads (in the general forum or one thematic group),
//! their posts, who follows each thread, and members' in-app notifications.

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
enum Discussions {
    Table,
    Id,
    Title,
    GroupId,
    AuthorId,
    PostsCount,
    AcceptedPostId,
    CreatedAt,
    LastPostAt,
}

#[derive(DeriveIden)]
enum DiscussionPosts {
    Table,
    Id,
    DiscussionId,
    ParentId,
    AuthorId,
    Body,
    BodyHtml,
    CreatedAt,
    EditedAt,
}

#[derive(DeriveIden)]
enum DiscussionSubscriptions {
    Table,
    DiscussionId,
    UserId,
    CreatedAt,
}

#[derive(DeriveIden)]
enum Notifications {
    Table,
    Id,
    UserId,
    Kind,
    ActorId,
    Subject,
    Detail,
    Link,
    GroupId,
    ReadAt,
    CreatedAt,
}

fn cascade(
    name: &str,
    from: (impl IntoIden, impl IntoIden),
    to: (impl IntoIden, impl IntoIden),
) -> ForeignKeyCreateStatement {
    ForeignKey::create()
        .name(name)
        .from(from.0, from.1)
        .to(to.0, to.1)
        .on_delete(ForeignKeyAction::Cascade)
        .to_owned()
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(Discussions::Table)
                    .if_not_exists()
                    .col(pk_uuid(Discussions::Id))
                    .col(string_len(Discussions::Title, 200))
                    .col(uuid_null(Discussions::GroupId))
                    .col(uuid(Discussions::AuthorId))
                    .col(integer(Discussions::PostsCount))
                    .col(uuid_null(Discussions::AcceptedPostId))
                    .col(timestamp_with_time_zone(Discussions::CreatedAt))
                    .col(timestamp_with_time_zone(Discussions::LastPostAt))
                    .foreign_key(&mut cascade(
                        "fk_discussions_group",
                        (Discussions::Table, Discussions::GroupId),
                        (Groups::Table, Groups::Id),
                    ))
                    .foreign_key(&mut cascade(
                        "fk_discussions_author",
                        (Discussions::Table, Discussions::AuthorId),
                        (Users::Table, Users::Id),
                    ))
                    .to_owned(),
            )
            .await?;
        // The forum and each group list their threads by last activity.
        manager
            .create_index(
                Index::create()
                    .name("idx_discussions_group_activity")
                    .table(Discussions::Table)
                    .col(Discussions::GroupId)
                    .col(Discussions::LastPostAt)
                    .if_not_exists()
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(DiscussionPosts::Table)
                    .if_not_exists()
                    .col(pk_uuid(DiscussionPosts::Id))
                    .col(uuid(DiscussionPosts::DiscussionId))
                    .col(uuid_null(DiscussionPosts::ParentId))
                    .col(uuid(DiscussionPosts::AuthorId))
                    .col(text(DiscussionPosts::Body))
                    .col(text(DiscussionPosts::BodyHtml))
                    .col(timestamp_with_time_zone(DiscussionPosts::CreatedAt))
                    .col(timestamp_with_time_zone_null(DiscussionPosts::EditedAt))
                    .foreign_key(&mut cascade(
                        "fk_discussion_posts_discussion",
                        (DiscussionPosts::Table, DiscussionPosts::DiscussionId),
                        (Discussions::Table, Discussions::Id),
                    ))
                    .foreign_key(&mut cascade(
                        "fk_discussion_posts_author",
                        (DiscussionPosts::Table, DiscussionPosts::AuthorId),
                        (Users::Table, Users::Id),
                    ))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_discussion_posts_thread")
                    .table(DiscussionPosts::Table)
                    .col(DiscussionPosts::DiscussionId)
                    .col(DiscussionPosts::CreatedAt)
                    .if_not_exists()
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(DiscussionSubscriptions::Table)
                    .if_not_exists()
                    .col(uuid(DiscussionSubscriptions::DiscussionId))
                    .col(uuid(DiscussionSubscriptions::UserId))
                    .col(timestamp_with_time_zone(DiscussionSubscriptions::CreatedAt))
                    .primary_key(
                        Index::create()
                            .col(DiscussionSubscriptions::DiscussionId)
                            .col(DiscussionSubscriptions::UserId),
                    )
                    .foreign_key(&mut cascade(
                        "fk_discussion_subscriptions_discussion",
                        (
                            DiscussionSubscriptions::Table,
                            DiscussionSubscriptions::DiscussionId,
                        ),
                        (Discussions::Table, Discussions::Id),
                    ))
                    .foreign_key(&mut cascade(
                        "fk_discussion_subscriptions_user",
                        (
                            DiscussionSubscriptions::Table,
                            DiscussionSubscriptions::UserId,
                        ),
                        (Users::Table, Users::Id),
                    ))
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(Notifications::Table)
                    .if_not_exists()
                    .col(pk_uuid(Notifications::Id))
                    .col(uuid(Notifications::UserId))
                    .col(string_len(Notifications::Kind, 32))
                    .col(uuid_null(Notifications::ActorId))
                    .col(string_len(Notifications::Subject, 200))
                    .col(string_len_null(Notifications::Detail, 32))
                    .col(string_len(Notifications::Link, 300))
                    .col(uuid_null(Notifications::GroupId))
                    .col(timestamp_with_time_zone_null(Notifications::ReadAt))
                    .col(timestamp_with_time_zone(Notifications::CreatedAt))
                    .foreign_key(&mut cascade(
                        "fk_notifications_user",
                        (Notifications::Table, Notifications::UserId),
                        (Users::Table, Users::Id),
                    ))
                    .foreign_key(&mut cascade(
                        "fk_notifications_group",
                        (Notifications::Table, Notifications::GroupId),
                        (Groups::Table, Groups::Id),
                    ))
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk_notifications_actor")
                            .from(Notifications::Table, Notifications::ActorId)
                            .to(Users::Table, Users::Id)
                            .on_delete(ForeignKeyAction::SetNull),
                    )
                    .to_owned(),
            )
            .await?;
        // A member's notifications, newest first, and the unread count of the header.
        manager
            .create_index(
                Index::create()
                    .name("idx_notifications_user_created")
                    .table(Notifications::Table)
                    .col(Notifications::UserId)
                    .col(Notifications::CreatedAt)
                    .if_not_exists()
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for table in [
            Notifications::Table.into_iden(),
            DiscussionSubscriptions::Table.into_iden(),
            DiscussionPosts::Table.into_iden(),
            Discussions::Table.into_iden(),
        ] {
            manager
                .drop_table(Table::drop().table(table).to_owned())
                .await?;
        }
        Ok(())
    }
}
