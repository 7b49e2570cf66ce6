//! Demo accounts, for trying the product locally. Never created on PostgreSQL unless asked for
//! with `pioneer seed --demo`.

use chrono::{DateTime, Utc};
use pioneer_domain::Role;
use sea_orm::DatabaseConnection;

use crate::auth::password;
use crate::store;

pub const DEMO_PASSWORD: &str = "pioneer-demo-2026";

pub struct DemoAccount {
    pub email: &'static str,
    pub name: &'static str,
    pub role: Role,
    pub country: Option<&'static str>,
}

pub const DEMO_ACCOUNTS: &[DemoAccount] = &[
    DemoAccount {
        email: "admin@pioneer.test",
        name: "Ada Admin",
        role: Role::Admin,
        country: None,
    },
    DemoAccount {
        email: "secretariat@pioneer.test",
        name: "Sofia Secretariat",
        role: Role::Secretariat,
        country: None,
    },
    DemoAccount {
        email: "reviewer@pioneer.test",
        name: "Rahul Reviewer",
        role: Role::Reviewer,
        country: None,
    },
    DemoAccount {
        email: "partner@pioneer.test",
        name: "Paula Partner",
        role: Role::Partner,
        country: None,
    },
    DemoAccount {
        email: "focal.ken@pioneer.test",
        name: "Amina Otieno",
        role: Role::CountryFocalPoint,
        country: Some("KEN"),
    },
    DemoAccount {
        email: "contributor.ken@pioneer.test",
        name: "Brian Mwangi",
        role: Role::CountryContributor,
        country: Some("KEN"),
    },
    DemoAccount {
        email: "focal.col@pioneer.test",
        name: "Camilo Rojas",
        role: Role::CountryFocalPoint,
        country: Some("COL"),
    },
];

/// Creates the demo accounts that do not exist yet, in one transaction; answers how many.
pub async fn demo(db: &DatabaseConnection, now: DateTime<Utc>) -> anyhow::Result<usize> {
    // One hash for all: hashing is slow on purpose, and they share the password anyway.
    let hash = tokio::task::spawn_blocking(|| password::hash(DEMO_PASSWORD)).await??;
    let (_turn, txn) = crate::db::begin_write(db).await?;
    let mut created = 0;
    for account in DEMO_ACCOUNTS {
        let inserted = store::insert_user(
            &txn,
            account.email,
            account.name,
            account.role,
            account.country.map(Into::into),
            hash.clone(),
            now,
        )
        .await
        .map_err(|e| anyhow::anyhow!("creating demo account {}: {e}", account.email))?;
        created += usize::from(inserted.is_some());
    }
    txn.commit().await?;
    Ok(created)
}
