//! The way into the alliance and the work done in the background: membership applications
//! (with their signed letter), invitations, password resets, two-factor sign-in (a secret on the
//! member, recovery codes), focal points' ministries, countries' joining dates, and the durable
//! job queue that sends mail and reminders.
//!
//! A job is a row written in the same transaction as the change that causes it; `dedupe_key`
//! is unique so that a job meant to happen once (a reminder per country and cycle) is written
//! once, whatever the number of replicas that try.

use sea_orm_migration::{prelude::*, schema::*};

use crate::m20261123_000001_create_reference_tables::Countries;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum CountriesJoined {
    #[sea_orm(iden = "countries")]
    Table,
    JoinedOn,
}

#[derive(DeriveIden)]
enum Users {
    Table,
    Id,
    Ministry,
    Title,
    Language,
    TotpSecret,
    TotpPendingSecret,
    TotpEnabledAt,
    TotpLastStep,
}

#[derive(DeriveIden)]
enum RecoveryCodes {
    Table,
    Id,
    UserId,
    CodeHash,
    UsedAt,
    CreatedAt,
}

#[derive(DeriveIden)]
enum MembershipApplications {
    Table,
    Id,
    Status,
    CountryCode,
    Entity,
    SignatoryName,
    SignatoryTitle,
    Commitment,
    Language,
    FocalPointName,
    FocalPointTitle,
    FocalPointMinistry,
    FocalPointEmail,
    LetterName,
    LetterSize,
    DecisionMessage,
    DecidedBy,
    DecidedAt,
    FocalPointUserId,
    CreatedAt,
    UpdatedAt,
}

/// The signed letters, apart so that listing applications never reads them.
#[derive(DeriveIden)]
enum MembershipLetters {
    Table,
    ApplicationId,
    Content,
}

#[derive(DeriveIden)]
enum Invitations {
    Table,
    Id,
    TokenHash,
    Email,
    Role,
    CountryCode,
    Ministry,
    Title,
    Name,
    Language,
    InvitedBy,
    ApplicationId,
    ExpiresAt,
    AcceptedAt,
    AcceptedUserId,
    CreatedAt,
}

#[derive(DeriveIden)]
enum PasswordResets {
    Table,
    Id,
    TokenHash,
    UserId,
    ExpiresAt,
    UsedAt,
    CreatedAt,
}

#[derive(DeriveIden)]
enum Jobs {
    Table,
    Id,
    Kind,
    Payload,
    Summary,
    Status,
    Attempts,
    MaxAttempts,
    RunAt,
    LockedBy,
    LockedUntil,
    LastError,
    DedupeKey,
    CreatedAt,
    UpdatedAt,
    DoneAt,
}

fn to_user(
    name: &str,
    table: impl IntoIden + 'static,
    column: impl IntoIden + 'static,
) -> ForeignKeyCreateStatement {
    ForeignKey::create()
        .name(name)
        .from(table, column)
        .to(Users::Table, Users::Id)
        .on_delete(ForeignKeyAction::Cascade)
        .to_owned()
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .alter_table(
                Table::alter()
                    .table(CountriesJoined::Table)
                    .add_column(date_null(CountriesJoined::JoinedOn))
                    .to_owned(),
            )
            .await?;
        // SQLite adds one column per statement.
        for column in [
            string_len_null(Users::Ministry, 200),
            string_len_null(Users::Title, 200),
            string_len(Users::Language, 2).default("en").to_owned(),
            text_null(Users::TotpSecret),
            text_null(Users::TotpPendingSecret),
            timestamp_with_time_zone_null(Users::TotpEnabledAt),
            big_integer_null(Users::TotpLastStep),
        ] {
            let mut column = column;
            manager
                .alter_table(
                    Table::alter()
                        .table(Users::Table)
                        .add_column(&mut column)
                        .to_owned(),
                )
                .await?;
        }
        manager
            .create_table(
                Table::create()
                    .table(RecoveryCodes::Table)
                    .if_not_exists()
                    .col(pk_uuid(RecoveryCodes::Id))
                    .col(uuid(RecoveryCodes::UserId))
                    .col(string_len(RecoveryCodes::CodeHash, 64))
                    .col(timestamp_with_time_zone_null(RecoveryCodes::UsedAt))
                    .col(timestamp_with_time_zone(RecoveryCodes::CreatedAt))
                    .foreign_key(&mut to_user(
                        "fk_recovery_codes_user",
                        RecoveryCodes::Table,
                        RecoveryCodes::UserId,
                    ))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_recovery_codes_user")
                    .table(RecoveryCodes::Table)
                    .col(RecoveryCodes::UserId)
                    .if_not_exists()
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(MembershipApplications::Table)
                    .if_not_exists()
                    .col(pk_uuid(MembershipApplications::Id))
                    .col(string_len(MembershipApplications::Status, 16))
                    .col(char_len(MembershipApplications::CountryCode, 3))
                    .col(string_len(MembershipApplications::Entity, 200))
                    .col(string_len(MembershipApplications::SignatoryName, 200))
                    .col(string_len(MembershipApplications::SignatoryTitle, 200))
                    .col(text(MembershipApplications::Commitment))
                    .col(string_len(MembershipApplications::Language, 2))
                    .col(string_len(MembershipApplications::FocalPointName, 200))
                    .col(string_len(MembershipApplications::FocalPointTitle, 200))
                    .col(string_len(MembershipApplications::FocalPointMinistry, 200))
                    .col(string_len(MembershipApplications::FocalPointEmail, 254))
                    .col(string_len(MembershipApplications::LetterName, 200))
                    .col(big_integer(MembershipApplications::LetterSize))
                    .col(text_null(MembershipApplications::DecisionMessage))
                    .col(uuid_null(MembershipApplications::DecidedBy))
                    .col(timestamp_with_time_zone_null(
                        MembershipApplications::DecidedAt,
                    ))
                    .col(uuid_null(MembershipApplications::FocalPointUserId))
                    .col(timestamp_with_time_zone(MembershipApplications::CreatedAt))
                    .col(timestamp_with_time_zone(MembershipApplications::UpdatedAt))
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk_membership_applications_country")
                            .from(
                                MembershipApplications::Table,
                                MembershipApplications::CountryCode,
                            )
                            .to(Countries::Table, Countries::Code),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_membership_applications_status")
                    .table(MembershipApplications::Table)
                    .col(MembershipApplications::Status)
                    .col(MembershipApplications::CreatedAt)
                    .if_not_exists()
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(MembershipLetters::Table)
                    .if_not_exists()
                    .col(pk_uuid(MembershipLetters::ApplicationId))
                    .col(blob(MembershipLetters::Content))
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk_membership_letters_application")
                            .from(MembershipLetters::Table, MembershipLetters::ApplicationId)
                            .to(MembershipApplications::Table, MembershipApplications::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(Invitations::Table)
                    .if_not_exists()
                    .col(pk_uuid(Invitations::Id))
                    .col(string_len(Invitations::TokenHash, 64).unique_key())
                    .col(string_len(Invitations::Email, 254))
                    .col(string_len(Invitations::Role, 32))
                    .col(char_len_null(Invitations::CountryCode, 3))
                    .col(string_len_null(Invitations::Ministry, 200))
                    .col(string_len_null(Invitations::Title, 200))
                    .col(string_len_null(Invitations::Name, 200))
                    .col(string_len(Invitations::Language, 2))
                    .col(uuid_null(Invitations::InvitedBy))
                    .col(uuid_null(Invitations::ApplicationId))
                    .col(timestamp_with_time_zone(Invitations::ExpiresAt))
                    .col(timestamp_with_time_zone_null(Invitations::AcceptedAt))
                    .col(uuid_null(Invitations::AcceptedUserId))
                    .col(timestamp_with_time_zone(Invitations::CreatedAt))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_invitations_country")
                    .table(Invitations::Table)
                    .col(Invitations::CountryCode)
                    .if_not_exists()
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(PasswordResets::Table)
                    .if_not_exists()
                    .col(pk_uuid(PasswordResets::Id))
                    .col(string_len(PasswordResets::TokenHash, 64).unique_key())
                    .col(uuid(PasswordResets::UserId))
                    .col(timestamp_with_time_zone(PasswordResets::ExpiresAt))
                    .col(timestamp_with_time_zone_null(PasswordResets::UsedAt))
                    .col(timestamp_with_time_zone(PasswordResets::CreatedAt))
                    .foreign_key(&mut to_user(
                        "fk_password_resets_user",
                        PasswordResets::Table,
                        PasswordResets::UserId,
                    ))
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(Jobs::Table)
                    .if_not_exists()
                    .col(pk_uuid(Jobs::Id))
                    .col(string_len(Jobs::Kind, 32))
                    .col(text(Jobs::Payload))
                    .col(string_len(Jobs::Summary, 400))
                    .col(string_len(Jobs::Status, 16))
                    .col(integer(Jobs::Attempts))
                    .col(integer(Jobs::MaxAttempts))
                    .col(timestamp_with_time_zone(Jobs::RunAt))
                    .col(string_len_null(Jobs::LockedBy, 64))
                    .col(timestamp_with_time_zone_null(Jobs::LockedUntil))
                    .col(text_null(Jobs::LastError))
                    .col(string_len_null(Jobs::DedupeKey, 200).unique_key())
                    .col(timestamp_with_time_zone(Jobs::CreatedAt))
                    .col(timestamp_with_time_zone(Jobs::UpdatedAt))
                    .col(timestamp_with_time_zone_null(Jobs::DoneAt))
                    .to_owned(),
            )
            .await?;
        // What a worker asks for: the next due job.
        manager
            .create_index(
                Index::create()
                    .name("idx_jobs_status_run_at")
                    .table(Jobs::Table)
                    .col(Jobs::Status)
                    .col(Jobs::RunAt)
                    .if_not_exists()
                    .to_owned(),
            )
            .await?;
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for table in [
            Jobs::Table.into_iden(),
            PasswordResets::Table.into_iden(),
            Invitations::Table.into_iden(),
            MembershipLetters::Table.into_iden(),
            MembershipApplications::Table.into_iden(),
            RecoveryCodes::Table.into_iden(),
        ] {
            manager
                .drop_table(Table::drop().table(table).to_owned())
                .await?;
        }
        for column in [
            Users::TotpLastStep,
            Users::TotpEnabledAt,
            Users::TotpPendingSecret,
            Users::TotpSecret,
            Users::Language,
            Users::Title,
            Users::Ministry,
        ] {
            manager
                .alter_table(
                    Table::alter()
                        .table(Users::Table)
                        .drop_column(column)
                        .to_owned(),
                )
                .await?;
        }
        manager
            .alter_table(
                Table::alter()
                    .table(CountriesJoined::Table)
                    .drop_column(CountriesJoined::JoinedOn)
                    .to_owned(),
            )
            .await?;
        Ok(())
    }
}
