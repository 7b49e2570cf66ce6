//! Every migration goes down as cleanly as it came up, on both backends, and the move of the
//! roadmap comments and history into the tables every document kind shares loses nothing.
//!
//! The schema is compared as the database describes it (columns, keys, indexes), so a `down`
//! that forgets a column, an index or a key fails here rather than on an operator's database.

use chrono::{DateTime, Duration, SubsecRound, Utc};
use migration::{Migrator, MigratorTrait};
use pioneer_api::config::Config;
use pioneer_api::entities::{
    api_token, country, document_comment, document_history, indicator, refresh_token, roadmap,
    roadmap_action, roadmap_indicator, roadmap_priority, strategy, user,
};
use sea_orm::sea_query::{Query, Value};
use sea_orm::{
    ConnectionTrait, DatabaseBackend, DatabaseConnection, EntityTrait, FromQueryResult, QueryOrder,
    QuerySelect, Statement,
};
use uuid::Uuid;

use crate::helpers::fresh_database_url;

const DOCUMENT_TABLES: &str = "m20261201_000001_create_document_comments_and_history";

async fn fresh_database() -> DatabaseConnection {
    let config = Config {
        database_url: fresh_database_url().await,
        ..Config::default()
    };
    pioneer_api::db::connect(&config)
        .await
        .expect("test database")
}

fn migration_names() -> Vec<String> {
    Migrator::migrations()
        .iter()
        .map(|m| m.name().to_owned())
        .collect()
}

async fn lines(db: &DatabaseConnection, sql: &str) -> Vec<String> {
    let rows = db
        .query_all_raw(Statement::from_string(db.get_database_backend(), sql))
        .await
        .unwrap_or_else(|e| panic!("{sql}: {e}"));
    rows.iter()
        .map(|row| row.try_get::<String>("", "line").expect("a text line"))
        .collect()
}

/// Tables with their columns (position, declared type, nullability, default), foreign keys and
/// indexes, one line each, sorted.
/// The schema as the migrations make it (`sqlite_sequence`, SQLite's own record of
/// `AUTOINCREMENT` counters, stays once made: it is SQLite's, not the migrations').
async fn schema(db: &DatabaseConnection) -> Vec<String> {
    let queries: &[&str] = match db.get_database_backend() {
        DatabaseBackend::Sqlite => &[
            "SELECT m.name || '.' || p.cid || ' ' || p.name || ' ' || p.type \
                || CASE WHEN p.\"notnull\" THEN ' not null' ELSE ' null' END \
                || CASE WHEN p.pk > 0 THEN ' pk' ELSE '' END \
                || ' default ' || IFNULL(p.dflt_value, '-') AS line \
             FROM sqlite_master AS m, pragma_table_info(m.name) AS p WHERE m.type = 'table' \
             AND m.name <> 'sqlite_sequence'",
            "SELECT m.name || ' fk ' || f.\"from\" || ' -> ' || f.\"table\" || '.' \
                || IFNULL(f.\"to\", '?') || ' on delete ' || f.on_delete AS line \
             FROM sqlite_master AS m, pragma_foreign_key_list(m.name) AS f \
             WHERE m.type = 'table'",
            "SELECT 'index ' || name || ' on ' || tbl_name || ' ' || IFNULL(sql, '(automatic)') \
                AS line FROM sqlite_master WHERE type = 'index'",
        ],
        _ => &[
            "SELECT table_name || '.' || ordinal_position || ' ' || column_name || ' ' \
                || data_type || COALESCE('(' || character_maximum_length || ')', '') \
                || CASE WHEN is_nullable = 'NO' THEN ' not null' ELSE ' null' END \
                || ' default ' || COALESCE(column_default, '-') AS line \
             FROM information_schema.columns WHERE table_schema = current_schema()",
            "SELECT conrelid::regclass::text || ' ' || conname || ' ' \
                || pg_get_constraintdef(oid) AS line \
             FROM pg_constraint WHERE connamespace = current_schema()::regnamespace",
            "SELECT 'index ' || indexname || ' on ' || tablename || ' ' || indexdef AS line \
             FROM pg_indexes WHERE schemaname = current_schema()",
        ],
    };
    let mut schema = Vec::new();
    for sql in queries {
        schema.extend(lines(db, sql).await);
    }
    schema.sort();
    schema
}

/// Fails with the lines one schema has and the other lacks, rather than two walls of text.
#[track_caller]
fn assert_same_schema(actual: &[String], expected: &[String], what: &str) {
    let missing: Vec<&String> = expected.iter().filter(|l| !actual.contains(l)).collect();
    let extra: Vec<&String> = actual.iter().filter(|l| !expected.contains(l)).collect();
    assert!(
        missing.is_empty() && extra.is_empty() && actual.len() == expected.len(),
        "{what}: missing {missing:#?}, unexpected {extra:#?}"
    );
}

/// A query through the server's own entity on every table: each reads every column it maps.
async fn every_table_answers(db: &DatabaseConnection) {
    country::Entity::find().all(db).await.expect("countries");
    strategy::Entity::find().all(db).await.expect("strategies");
    indicator::Entity::find().all(db).await.expect("indicators");
    user::Entity::find().all(db).await.expect("users");
    refresh_token::Entity::find()
        .all(db)
        .await
        .expect("refresh tokens");
    api_token::Entity::find().all(db).await.expect("api tokens");
    roadmap::Entity::find().all(db).await.expect("roadmaps");
    roadmap_priority::Entity::find()
        .all(db)
        .await
        .expect("priorities");
    roadmap_action::Entity::find()
        .all(db)
        .await
        .expect("actions");
    roadmap_indicator::Entity::find()
        .all(db)
        .await
        .expect("roadmap indicators");
    document_comment::Entity::find()
        .all(db)
        .await
        .expect("document comments");
    document_history::Entity::find()
        .all(db)
        .await
        .expect("document history");
}

type ReferenceData = (
    Vec<country::Model>,
    Vec<strategy::Model>,
    Vec<indicator::Model>,
);

async fn reference_data(db: &DatabaseConnection) -> ReferenceData {
    (
        country::Entity::find()
            .order_by_asc(country::Column::Code)
            .all(db)
            .await
            .expect("countries"),
        strategy::Entity::find()
            .order_by_asc(strategy::Column::Code)
            .all(db)
            .await
            .expect("strategies"),
        indicator::Entity::find()
            .order_by_asc(indicator::Column::Code)
            .all(db)
            .await
            .expect("indicators"),
    )
}

#[tokio::test]
async fn every_migration_goes_down_and_up_again() {
    let db = fresh_database().await;
    let names = migration_names();
    Migrator::install(&db).await.expect("migration table");
    // The schema after each migration, in order: `schemas[k]` once k migrations are applied.
    let mut schemas = vec![schema(&db).await];
    for name in &names {
        Migrator::up(&db, Some(1))
            .await
            .unwrap_or_else(|e| panic!("{name} goes up: {e}"));
        let after = schema(&db).await;
        assert_ne!(schemas.last(), Some(&after), "{name} changes the schema");
        schemas.push(after);
    }
    let reference = reference_data(&db).await;
    assert_eq!(reference.0.len(), 249, "ISO countries");
    assert_eq!(reference.1.len(), 7, "INSPIRE strategies");

    for (applied, name) in names.iter().enumerate().rev() {
        Migrator::down(&db, Some(1))
            .await
            .unwrap_or_else(|e| panic!("{name} goes down: {e}"));
        assert_same_schema(
            &schema(&db).await,
            &schemas[applied],
            &format!("{name} goes down to the schema it found"),
        );
        let still_applied: Vec<String> = Migrator::get_applied_migrations(&db)
            .await
            .expect("applied migrations")
            .iter()
            .map(|m| m.name().to_owned())
            .collect();
        assert_eq!(still_applied, names[..applied], "after {name} went down");
    }

    Migrator::up(&db, None).await.expect("all migrations again");
    assert_same_schema(
        &schema(&db).await,
        &schemas[names.len()],
        "the whole schema",
    );
    every_table_answers(&db).await;
    assert_eq!(reference_data(&db).await, reference, "the reference data");
}

/// A roadmap comment as m20261123_000003 stored it.
#[derive(Clone, Debug, PartialEq, FromQueryResult)]
struct OldComment {
    id: Uuid,
    roadmap_id: Uuid,
    author_id: Uuid,
    target_kind: String,
    target_id: Uuid,
    parent_id: Option<Uuid>,
    body: String,
    created_at: DateTime<Utc>,
}

/// A roadmap history entry as m20261123_000003 stored it.
#[derive(Clone, Debug, PartialEq, FromQueryResult)]
struct OldHistory {
    id: Uuid,
    roadmap_id: Uuid,
    revision: i64,
    actor_id: Uuid,
    event: String,
    changes: String,
    created_at: DateTime<Utc>,
}

/// Plain inserts by table and column name: the test writes the old schema, whatever shape the
/// server's entities have since taken.
async fn insert(db: &DatabaseConnection, table: &'static str, row: Vec<(&'static str, Value)>) {
    let (columns, values): (Vec<_>, Vec<_>) = row.into_iter().unzip();
    let statement = Query::insert()
        .into_table(table)
        .columns(columns)
        .values_panic(values.into_iter().map(Into::into))
        .to_owned();
    db.execute(&statement)
        .await
        .unwrap_or_else(|e| panic!("insert into {table}: {e}"));
}

async fn old_comments(db: &DatabaseConnection) -> Vec<OldComment> {
    OldComment::find_by_statement(Statement::from_string(
        db.get_database_backend(),
        "SELECT id, roadmap_id, author_id, target_kind, target_id, parent_id, body, created_at \
         FROM roadmap_comments ORDER BY id",
    ))
    .all(db)
    .await
    .expect("roadmap comments")
}

async fn old_history(db: &DatabaseConnection) -> Vec<OldHistory> {
    OldHistory::find_by_statement(Statement::from_string(
        db.get_database_backend(),
        "SELECT id, roadmap_id, revision, actor_id, event, changes, created_at \
         FROM roadmap_history ORDER BY id",
    ))
    .all(db)
    .await
    .expect("roadmap history")
}

#[tokio::test]
async fn roadmap_comments_and_history_survive_the_move_to_document_tables_and_back() {
    let db = fresh_database().await;
    let names = migration_names();
    let before = names
        .iter()
        .position(|name| name == DOCUMENT_TABLES)
        .unwrap_or_else(|| panic!("{DOCUMENT_TABLES} is among {names:?}"));
    assert_eq!(
        names[before - 1],
        "m20261123_000003_create_roadmaps",
        "it follows the roadmaps"
    );
    Migrator::up(&db, Some(u32::try_from(before).expect("few migrations")))
        .await
        .expect("migrations up to the roadmaps");
    let old_schema = schema(&db).await;

    // PostgreSQL keeps microseconds: stored at that precision, every timestamp reads back equal.
    let t0 = Utc::now().trunc_subsecs(6) - Duration::days(3);
    let at = |minutes: i64| t0 + Duration::minutes(minutes) + Duration::microseconds(123_457);
    let member = Uuid::now_v7();
    let reviewer = Uuid::now_v7();
    for (id, role) in [(member, "focal_point"), (reviewer, "reviewer")] {
        insert(
            &db,
            "users",
            vec![
                ("id", id.into()),
                ("email", format!("{id}@example.org").into()),
                ("name", format!("Member {role}").into()),
                ("role", role.into()),
                ("password_hash", "not a real hash".into()),
                ("active", true.into()),
                ("created_at", t0.into()),
                ("updated_at", t0.into()),
            ],
        )
        .await;
    }
    let (colombia, sweden) = (Uuid::now_v7(), Uuid::now_v7());
    for (id, country) in [(colombia, "COL"), (sweden, "SWE")] {
        insert(
            &db,
            "roadmaps",
            vec![
                ("id", id.into()),
                ("lineage_id", id.into()),
                ("version", 1_i32.into()),
                ("country_code", country.into()),
                ("title", format!("Feuille de route {country}").into()),
                ("summary", "".into()),
                ("period_start", 2025_i32.into()),
                ("period_end", 2027_i32.into()),
                ("status", "submitted".into()),
                ("revision", 4_i64.into()),
                ("consultation_groups", "[]".into()),
                ("created_by", member.into()),
                ("created_at", t0.into()),
                ("updated_at", at(30).into()),
            ],
        )
        .await;
    }
    let priority = Uuid::now_v7();
    insert(
        &db,
        "roadmap_priorities",
        vec![
            ("id", priority.into()),
            ("roadmap_id", colombia.into()),
            ("position", 0_i32.into()),
            ("title", "Écoles sûres".into()),
            ("description", "".into()),
            ("strategies", r#"["safe_environments"]"#.into()),
        ],
    )
    .await;

    let history = vec![
        OldHistory {
            id: Uuid::now_v7(),
            roadmap_id: colombia,
            revision: 1,
            actor_id: member,
            event: "roadmap.created".into(),
            changes: r#"{"title":{"from":null,"to":"Feuille de route COL"}}"#.into(),
            created_at: at(0),
        },
        OldHistory {
            id: Uuid::now_v7(),
            roadmap_id: colombia,
            revision: 2,
            actor_id: member,
            event: "priority.created".into(),
            changes: r#"{"priority":{"title":"Écoles sûres — \"prioritaire\"\n"}}"#.into(),
            created_at: at(1),
        },
        OldHistory {
            id: Uuid::now_v7(),
            roadmap_id: sweden,
            revision: 1,
            actor_id: member,
            event: "roadmap.created".into(),
            changes: "{}".into(),
            created_at: at(2),
        },
        OldHistory {
            id: Uuid::now_v7(),
            roadmap_id: colombia,
            revision: 3,
            actor_id: reviewer,
            event: "roadmap.submitted".into(),
            changes: r#"{"status":{"from":"draft","to":"submitted"}}"#.into(),
            created_at: at(3),
        },
    ];
    let question = Uuid::now_v7();
    let comments = vec![
        OldComment {
            id: question,
            roadmap_id: colombia,
            author_id: reviewer,
            target_kind: "roadmap".into(),
            target_id: colombia,
            parent_id: None,
            body: "Quel budget pour 2026 ?".into(),
            created_at: at(10),
        },
        OldComment {
            id: Uuid::now_v7(),
            roadmap_id: colombia,
            author_id: member,
            target_kind: "roadmap".into(),
            target_id: colombia,
            parent_id: Some(question),
            body: "Voir l'action 2.\nMontant en pesos.".into(),
            created_at: at(11),
        },
        OldComment {
            id: Uuid::now_v7(),
            roadmap_id: colombia,
            author_id: reviewer,
            target_kind: "priority".into(),
            target_id: priority,
            parent_id: None,
            body: "Préciser l'indicateur.".into(),
            created_at: at(12),
        },
        OldComment {
            id: Uuid::now_v7(),
            roadmap_id: sweden,
            author_id: reviewer,
            target_kind: "roadmap".into(),
            target_id: sweden,
            parent_id: None,
            body: "Looks good.".into(),
            created_at: at(13),
        },
    ];
    for h in &history {
        insert(
            &db,
            "roadmap_history",
            vec![
                ("id", h.id.into()),
                ("roadmap_id", h.roadmap_id.into()),
                ("revision", h.revision.into()),
                ("actor_id", h.actor_id.into()),
                ("event", h.event.clone().into()),
                ("changes", h.changes.clone().into()),
                ("created_at", h.created_at.into()),
            ],
        )
        .await;
    }
    for c in &comments {
        insert(
            &db,
            "roadmap_comments",
            vec![
                ("id", c.id.into()),
                ("roadmap_id", c.roadmap_id.into()),
                ("author_id", c.author_id.into()),
                ("target_kind", c.target_kind.clone().into()),
                ("target_id", c.target_id.into()),
                ("parent_id", c.parent_id.into()),
                ("body", c.body.clone().into()),
                ("created_at", c.created_at.into()),
            ],
        )
        .await;
    }
    let mut history = history;
    history.sort_by_key(|h| h.id);
    let mut comments = comments;
    comments.sort_by_key(|c| c.id);
    assert_eq!(old_history(&db).await, history, "the history as written");
    assert_eq!(old_comments(&db).await, comments, "the comments as written");

    Migrator::up(&db, Some(1))
        .await
        .expect("document tables up");

    // Read through the server's entities: what the API will see.
    let moved_history: Vec<(String, OldHistory)> = document_history::Entity::find()
        .order_by_asc(document_history::Column::Id)
        .all(&db)
        .await
        .expect("document history")
        .into_iter()
        .map(|h| {
            (
                h.document_kind,
                OldHistory {
                    id: h.id,
                    roadmap_id: h.document_id,
                    revision: h.revision,
                    actor_id: h.actor_id,
                    event: h.event,
                    changes: h.changes,
                    created_at: h.created_at,
                },
            )
        })
        .collect();
    let expected: Vec<_> = history
        .iter()
        .map(|h| ("roadmap".into(), h.clone()))
        .collect();
    assert_eq!(moved_history, expected, "every history entry, as it was");
    // The columns of this migration only (the later ones add `body_html`, `edited_at`, …).
    type CommentColumns = (
        Uuid,
        String,
        Uuid,
        Uuid,
        String,
        Uuid,
        Option<Uuid>,
        String,
        DateTime<Utc>,
    );
    use document_comment::Column as C;
    let moved_comments: Vec<(String, OldComment)> = document_comment::Entity::find()
        .select_only()
        .columns([
            C::Id,
            C::DocumentKind,
            C::DocumentId,
            C::AuthorId,
            C::TargetKind,
            C::TargetId,
            C::ParentId,
            C::Body,
            C::CreatedAt,
        ])
        .order_by_asc(C::Id)
        .into_tuple::<CommentColumns>()
        .all(&db)
        .await
        .expect("document comments")
        .into_iter()
        .map(
            |(
                id,
                document_kind,
                document_id,
                author_id,
                target_kind,
                target_id,
                parent_id,
                body,
                created_at,
            )| {
                (
                    document_kind,
                    OldComment {
                        id,
                        roadmap_id: document_id,
                        author_id,
                        target_kind,
                        target_id,
                        parent_id,
                        body,
                        created_at,
                    },
                )
            },
        )
        .collect();
    let expected: Vec<_> = comments
        .iter()
        .map(|c| ("roadmap".into(), c.clone()))
        .collect();
    assert_eq!(moved_comments, expected, "every comment, as it was");
    let parts = roadmap_priority::Entity::find()
        .all(&db)
        .await
        .expect("priorities with an origin");
    assert_eq!(parts.len(), 1);
    assert_eq!(parts[0].origin_id, None, "no origin is made up");
    let old_tables = db
        .query_all_raw(Statement::from_string(
            db.get_database_backend(),
            "SELECT id FROM roadmap_comments",
        ))
        .await;
    assert!(old_tables.is_err(), "the roadmap-only comments are gone");

    Migrator::down(&db, Some(1))
        .await
        .expect("document tables down");
    assert_eq!(old_history(&db).await, history, "the history is back");
    assert_eq!(old_comments(&db).await, comments, "the comments are back");
    assert_same_schema(
        &schema(&db).await,
        &old_schema,
        "the roadmaps' schema is back",
    );
}
