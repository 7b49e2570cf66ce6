//! Pioneer Hub's migrations, named `mYYYYMMDD_HHMMSS_<verb>_<table>`, each reversible.
//! They use only what SQLite and PostgreSQL both understand.

pub use sea_orm_migration::prelude::*;

mod m20261123_000001_create_reference_tables;
mod m20261123_000002_create_users_and_tokens;
mod m20261123_000003_create_roadmaps;
mod m20261201_000001_create_document_comments_and_history;
mod m20261202_000001_add_reference_names_es_pt;
mod m20261204_000001_create_reports;
mod m20261205_000001_create_membership_and_jobs;
mod m20261205_000002_create_groups;
mod m20261205_000003_create_resources;
mod m20261206_000001_create_discussions_and_notifications;
mod m20261206_000002_create_events;
mod m20261206_000003_create_group_join_requests;
mod m20261206_000004_extend_document_comments;
mod m20261206_000005_create_notification_settings;
mod m20261206_000006_create_experts_and_organisations;

pub struct Migrator;

#[async_trait::async_trait]
impl MigratorTrait for Migrator {
    fn migrations() -> Vec<Box<dyn MigrationTrait>> {
        vec![
            Box::new(m20261123_000001_create_reference_tables::Migration),
            Box::new(m20261123_000002_create_users_and_tokens::Migration),
            Box::new(m20261123_000003_create_roadmaps::Migration),
            Box::new(m20261201_000001_create_document_comments_and_history::Migration),
            Box::new(m20261202_000001_add_reference_names_es_pt::Migration),
            Box::new(m20261204_000001_create_reports::Migration),
            Box::new(m20261205_000001_create_membership_and_jobs::Migration),
            Box::new(m20261205_000002_create_groups::Migration),
            Box::new(m20261205_000003_create_resources::Migration),
            Box::new(m20261206_000001_create_discussions_and_notifications::Migration),
            Box::new(m20261206_000002_create_events::Migration),
            Box::new(m20261206_000003_create_group_join_requests::Migration),
            Box::new(m20261206_000004_extend_document_comments::Migration),
            Box::new(m20261206_000005_create_notification_settings::Migration),
            Box::new(m20261206_000006_create_experts_and_organisations::Migration),
        ]
    }
}
