//! Demo accounts and content, for trying the product locally. Never created on PostgreSQL
//! unless asked for with `pioneer seed --demo`.

mod content;
mod discussions;
mod events;
mod experts;
mod knowledge;

pub use content::demo_content;

use chrono::{DateTime, Utc};
use pioneer_domain::Role;
use pioneer_domain::user::NewUser;

use crate::members::{self, CreateUserError, MemberDetails};
use crate::store::DatabaseConnection;

pub const DEMO_PASSWORD: &str = "pioneer-demo-2026";

pub struct DemoAccount {
    pub email: &'static str,
    pub name: &'static str,
    pub role: Role,
    pub country: Option<&'static str>,
    /// A country team member's ministry.
    pub ministry: Option<&'static str>,
    /// The language of their mails.
    pub language: &'static str,
}

pub const DEMO_ACCOUNTS: &[DemoAccount] = &[
    DemoAccount {
        email: "admin@pioneer.test",
        name: "Ada Lindqvist",
        role: Role::Admin,
        country: None,
        ministry: None,
        language: "en",
    },
    DemoAccount {
        email: "secretariat@pioneer.test",
        name: "Sofía Herrera",
        role: Role::Secretariat,
        country: None,
        ministry: None,
        language: "es",
    },
    DemoAccount {
        email: "reviewer@pioneer.test",
        name: "Rahul Mehta",
        role: Role::Reviewer,
        country: None,
        ministry: None,
        language: "en",
    },
    DemoAccount {
        email: "partner@pioneer.test",
        name: "Paula Santos",
        role: Role::Partner,
        country: None,
        ministry: None,
        language: "pt",
    },
    DemoAccount {
        email: "focal.ken@pioneer.test",
        name: "Amina Otieno",
        role: Role::CountryFocalPoint,
        country: Some("KEN"),
        ministry: Some("Ministry of Labour and Social Protection"),
        language: "en",
    },
    DemoAccount {
        email: "contributor.ken@pioneer.test",
        name: "Brian Mwangi",
        role: Role::CountryContributor,
        country: Some("KEN"),
        ministry: Some("Ministry of Education"),
        language: "en",
    },
    DemoAccount {
        email: "focal.col@pioneer.test",
        name: "Camilo Rojas",
        role: Role::CountryFocalPoint,
        country: Some("COL"),
        ministry: Some("Instituto Colombiano de Bienestar Familiar"),
        language: "es",
    },
    DemoAccount {
        email: "focal.mex@pioneer.test",
        name: "Lucía Ramírez",
        role: Role::CountryFocalPoint,
        country: Some("MEX"),
        ministry: Some("Secretaría de Gobernación"),
        language: "es",
    },
    DemoAccount {
        email: "focal.gha@pioneer.test",
        name: "Kwame Mensah",
        role: Role::CountryFocalPoint,
        country: Some("GHA"),
        ministry: Some("Ministry of Gender, Children and Social Protection"),
        language: "en",
    },
    DemoAccount {
        email: "focal.npl@pioneer.test",
        name: "Sita Sharma",
        role: Role::CountryFocalPoint,
        country: Some("NPL"),
        ministry: Some("Ministry of Women, Children and Senior Citizens"),
        language: "en",
    },
    DemoAccount {
        email: "focal.phl@pioneer.test",
        name: "Maria Santos Reyes",
        role: Role::CountryFocalPoint,
        country: Some("PHL"),
        ministry: Some("Council for the Welfare of Children"),
        language: "en",
    },
    DemoAccount {
        email: "focal.sen@pioneer.test",
        name: "Awa Diop",
        role: Role::CountryFocalPoint,
        country: Some("SEN"),
        ministry: Some("Ministère de la Famille et des Solidarités"),
        language: "fr",
    },
    DemoAccount {
        email: "focal.uga@pioneer.test",
        name: "Joseph Okello",
        role: Role::CountryFocalPoint,
        country: Some("UGA"),
        ministry: Some("Ministry of Gender, Labour and Social Development"),
        language: "en",
    },
];

/// Creates the demo accounts that do not exist yet, in one transaction; answers how many. Each
/// goes through the same checks as any member (`members::create_user`); an account that exists
/// is skipped before its password is hashed.
pub async fn demo(db: &DatabaseConnection, now: DateTime<Utc>) -> anyhow::Result<usize> {
    let (_turn, txn) = crate::db::begin_write(db).await?;
    let mut created = 0;
    for account in DEMO_ACCOUNTS {
        let new_user = NewUser {
            email: account.email.into(),
            name: account.name.into(),
            role: account.role,
            country_code: account.country.map(Into::into),
            password: DEMO_PASSWORD.into(),
        };
        let details = MemberDetails {
            ministry: account.ministry.map(Into::into),
            title: None,
            language: account.language,
        };
        match members::create_member(&txn, new_user, details, now).await {
            Ok(_) => created += 1,
            Err(CreateUserError::EmailTaken(_)) => {}
            Err(err) => anyhow::bail!("creating demo account {}: {err}", account.email),
        }
    }
    txn.commit().await?;
    Ok(created)
}
