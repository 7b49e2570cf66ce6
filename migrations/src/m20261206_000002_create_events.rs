//! Events (webinars, trainings, workshops…) and members' registrations for them. An event keeps
//! how many hold a place and how many wait, updated in the transaction of each registration:
//! lists need no count per row, and the row is what concurrent registrations queue on.

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
enum Events {
    Table,
    Id,
    Kind,
    Title,
    Description,
    DescriptionHtml,
    StartsAt,
    EndsAt,
    Timezone,
    Languages,
    Interpretation,
    Capacity,
    OnlineUrl,
    Location,
    GroupId,
    OrganiserId,
    RegisteredCount,
    WaitlistedCount,
    RecordingResourceId,
    Sequence,
    CreatedAt,
    UpdatedAt,
}

#[derive(DeriveIden)]
enum EventRegistrations {
    Table,
    Id,
    EventId,
    UserId,
    Status,
    CreatedAt,
    UpdatedAt,
    RemindedAt,
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
                    .table(Events::Table)
                    .if_not_exists()
                    .col(pk_uuid(Events::Id))
                    .col(string_len(Events::Kind, 32))
                    .col(string_len(Events::Title, 200))
                    .col(text(Events::Description))
                    .col(text(Events::DescriptionHtml))
                    .col(timestamp_with_time_zone(Events::StartsAt))
                    .col(timestamp_with_time_zone(Events::EndsAt))
                    .col(string_len(Events::Timezone, 64))
                    // JSON arrays of language codes.
                    .col(text(Events::Languages))
                    .col(text(Events::Interpretation))
                    .col(integer_null(Events::Capacity))
                    .col(text_null(Events::OnlineUrl))
                    .col(string_len_null(Events::Location, 300))
                    .col(uuid_null(Events::GroupId))
                    .col(uuid(Events::OrganiserId))
                    .col(integer(Events::RegisteredCount))
                    .col(integer(Events::WaitlistedCount))
                    .col(uuid_null(Events::RecordingResourceId))
                    .col(integer(Events::Sequence))
                    .col(timestamp_with_time_zone(Events::CreatedAt))
                    .col(timestamp_with_time_zone(Events::UpdatedAt))
                    .foreign_key(&mut cascade(
                        "fk_events_group",
                        (Events::Table, Events::GroupId),
                        (Groups::Table, Groups::Id),
                    ))
                    .foreign_key(&mut cascade(
                        "fk_events_organiser",
                        (Events::Table, Events::OrganiserId),
                        (Users::Table, Users::Id),
                    ))
                    .to_owned(),
            )
            .await?;
        // Upcoming and past events, all or one group's, by start.
        manager
            .create_index(
                Index::create()
                    .name("idx_events_starts_at")
                    .table(Events::Table)
                    .col(Events::StartsAt)
                    .if_not_exists()
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_events_group_starts_at")
                    .table(Events::Table)
                    .col(Events::GroupId)
                    .col(Events::StartsAt)
                    .if_not_exists()
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(EventRegistrations::Table)
                    .if_not_exists()
                    .col(pk_uuid(EventRegistrations::Id))
                    .col(uuid(EventRegistrations::EventId))
                    .col(uuid(EventRegistrations::UserId))
                    .col(string_len(EventRegistrations::Status, 16))
                    // When they (last) registered: the waiting list's order.
                    .col(timestamp_with_time_zone(EventRegistrations::CreatedAt))
                    .col(timestamp_with_time_zone(EventRegistrations::UpdatedAt))
                    .col(timestamp_with_time_zone_null(
                        EventRegistrations::RemindedAt,
                    ))
                    .foreign_key(&mut cascade(
                        "fk_event_registrations_event",
                        (EventRegistrations::Table, EventRegistrations::EventId),
                        (Events::Table, Events::Id),
                    ))
                    .foreign_key(&mut cascade(
                        "fk_event_registrations_user",
                        (EventRegistrations::Table, EventRegistrations::UserId),
                        (Users::Table, Users::Id),
                    ))
                    .to_owned(),
            )
            .await?;
        // One registration per member and event; cancelling and registering again reuses it.
        manager
            .create_index(
                Index::create()
                    .name("ux_event_registrations_event_user")
                    .table(EventRegistrations::Table)
                    .col(EventRegistrations::EventId)
                    .col(EventRegistrations::UserId)
                    .unique()
                    .if_not_exists()
                    .to_owned(),
            )
            .await?;
        // The waiting list, in order; a member's calendar.
        manager
            .create_index(
                Index::create()
                    .name("idx_event_registrations_queue")
                    .table(EventRegistrations::Table)
                    .col(EventRegistrations::EventId)
                    .col(EventRegistrations::Status)
                    .col(EventRegistrations::CreatedAt)
                    .if_not_exists()
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_event_registrations_user")
                    .table(EventRegistrations::Table)
                    .col(EventRegistrations::UserId)
                    .if_not_exists()
                    .to_owned(),
            )
            .await?;
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for table in [
            EventRegistrations::Table.into_iden(),
            Events::Table.into_iden(),
        ] {
            manager
                .drop_table(Table::drop().table(table).to_owned())
                .await?;
        }
        Ok(())
    }
}
