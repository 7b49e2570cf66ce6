//! The demo's directory: one partner organisation of each kind, experts among the members
//! (the partner and several focal points, in their own languages), a contact request waiting
//! for the partner's answer and one accepted between two focal points.

use std::collections::BTreeSet;

use anyhow::Context;
use chrono::{DateTime, Duration, Utc};
use pioneer_domain::experts::{ContactStatus, NewExpertProfile, NewOrganisation, OrganisationKind};
use pioneer_domain::notifications::NotificationKind;
use sea_orm::DatabaseTransaction;
use uuid::Uuid;

use crate::store::experts::{self as store, OrganisationSaved};
use crate::store::notifications::{self, NewNotification};
use crate::store::search_log;

struct DemoOrganisation {
    name: &'static str,
    kind: OrganisationKind,
    description: &'static str,
    website: Option<&'static str>,
    strategies: &'static [&'static str],
    tags: &'static [&'static str],
    languages: &'static [&'static str],
    countries: &'static [&'static str],
    regions: &'static [&'static str],
}

const ORGANISATIONS: &[DemoOrganisation] = &[
    DemoOrganisation {
        name: "United Nations Child Protection Programme",
        kind: OrganisationKind::UnAgency,
        description: "Supports governments in costing, financing and monitoring national plans to end violence against children.",
        website: Some("https://example.org/child-protection"),
        strategies: &["laws", "services", "income"],
        tags: &["public finance", "data systems"],
        languages: &["en", "fr", "es"],
        countries: &["KEN", "UGA", "SEN", "COL"],
        regions: &["Africa", "Americas"],
    },
    DemoOrganisation {
        name: "Réseau ouest-africain pour la protection de l'enfant",
        kind: OrganisationKind::CivilSociety,
        description: "Un réseau d'associations qui accompagne les communautés et les écoles contre les châtiments corporels et les violences sexuelles.",
        website: Some("https://example.org/reseau-protection"),
        strategies: &["norms", "education"],
        tags: &["écoles", "mobilisation communautaire"],
        languages: &["fr"],
        countries: &["SEN", "GHA"],
        regions: &["Africa"],
    },
    DemoOrganisation {
        name: "Interfaith Council for Children",
        kind: OrganisationKind::FaithBased,
        description: "Faith leaders who bring positive parenting and the end of harsh discipline to their congregations.",
        website: None,
        strategies: &["norms", "parenting"],
        tags: &["faith leaders", "positive discipline"],
        languages: &["en"],
        countries: &["KEN", "UGA", "PHL"],
        regions: &["Africa", "Asia"],
    },
    DemoOrganisation {
        name: "Survivors' Voices Network",
        kind: OrganisationKind::SurvivorLed,
        description: "Adults who survived violence in childhood, advising services and policies so that they serve the children who need them.",
        website: None,
        strategies: &["services"],
        tags: &["survivor engagement", "helplines"],
        languages: &["en", "es"],
        countries: &["MEX", "COL"],
        regions: &["Americas"],
    },
    DemoOrganisation {
        name: "Youth Advocates Against Violence",
        kind: OrganisationKind::ChildrenYouthLed,
        description: "Young people consulting their peers and bringing their views to national roadmaps.",
        website: None,
        strategies: &["norms", "environments"],
        tags: &["child participation", "consultations"],
        languages: &["en", "pt"],
        countries: &["NPL", "PHL"],
        regions: &["Asia"],
    },
    DemoOrganisation {
        name: "Institute for Child Safety Research",
        kind: OrganisationKind::Academia,
        description: "Evaluates prevention programmes and helps countries measure violence against children.",
        website: Some("https://example.org/child-safety-research"),
        strategies: &["parenting", "education"],
        tags: &["evaluation", "surveys"],
        languages: &["en", "es"],
        countries: &["KEN", "MEX", "PHL"],
        regions: &["Africa", "Americas", "Asia"],
    },
    DemoOrganisation {
        name: "Safe Online Tech Coalition",
        kind: OrganisationKind::PrivateSector,
        description: "Technology companies working on safety by design and on reporting online abuse of children.",
        website: None,
        strategies: &["environments"],
        tags: &["online safety", "reporting tools"],
        languages: &["en"],
        countries: &["PHL", "MEX"],
        regions: &["Asia", "Americas"],
    },
];

struct DemoExpert {
    email: &'static str,
    bio: &'static str,
    /// An organisation of [`ORGANISATIONS`], or only a name.
    organisation: Option<&'static str>,
    in_directory: bool,
    strategies: &'static [&'static str],
    tags: &'static [&'static str],
    languages: &'static [&'static str],
    countries: &'static [&'static str],
    regions: &'static [&'static str],
}

const EXPERTS: &[DemoExpert] = &[
    DemoExpert {
        email: "partner@pioneer.test",
        bio: "Fifteen years designing and scaling parenting programmes with governments; I help teams cost them and train facilitators.",
        organisation: Some("United Nations Child Protection Programme"),
        in_directory: true,
        strategies: &["parenting", "income"],
        tags: &["parenting programmes", "costing"],
        languages: &["en", "fr"],
        countries: &["KEN", "UGA", "SEN"],
        regions: &["Africa"],
    },
    DemoExpert {
        email: "focal.sen@pioneer.test",
        bio: "Coordinatrice de la feuille de route nationale ; j'ai conduit l'interdiction des châtiments corporels à l'école et la formation des enseignants.",
        organisation: Some("Ministère de la Famille et des Solidarités"),
        in_directory: false,
        strategies: &["education", "laws"],
        tags: &["écoles", "formation des enseignants"],
        languages: &["fr", "en"],
        countries: &["SEN"],
        regions: &["Africa"],
    },
    DemoExpert {
        email: "focal.col@pioneer.test",
        bio: "Lideré la creación de la línea de ayuda nacional y la ruta de atención integral para niñas, niños y adolescentes víctimas de violencia.",
        organisation: Some("Instituto Colombiano de Bienestar Familiar"),
        in_directory: false,
        strategies: &["services", "laws"],
        tags: &["líneas de ayuda", "rutas de atención"],
        languages: &["es", "en"],
        countries: &["COL", "MEX"],
        regions: &["Americas"],
    },
    DemoExpert {
        email: "focal.phl@pioneer.test",
        bio: "I work on online child protection: the national response to online sexual abuse and exploitation of children, with platforms and the police.",
        organisation: Some("Safe Online Tech Coalition"),
        in_directory: true,
        strategies: &["environments", "services"],
        tags: &["online safety", "law enforcement"],
        languages: &["en"],
        countries: &["PHL"],
        regions: &["Asia"],
    },
    DemoExpert {
        email: "focal.ken@pioneer.test",
        bio: "Kenya's focal point: I brought faith leaders into our national parenting programme, which reached 120 000 families in two years.",
        organisation: Some("Interfaith Council for Children"),
        in_directory: true,
        strategies: &["parenting", "norms"],
        tags: &["faith leaders", "parenting programmes"],
        languages: &["en"],
        countries: &["KEN"],
        regions: &["Africa"],
    },
];

/// Everyone in the demo's directory and its contact requests.
pub const PEOPLE: &[&str] = &[
    "secretariat@pioneer.test",
    "partner@pioneer.test",
    "focal.sen@pioneer.test",
    "focal.col@pioneer.test",
    "focal.phl@pioneer.test",
    "focal.ken@pioneer.test",
    "focal.uga@pioneer.test",
];

fn owned(values: &[&str]) -> Vec<String> {
    values.iter().map(|v| (*v).to_owned()).collect()
}

pub async fn demo_directory(
    txn: &DatabaseTransaction,
    people: &[(&str, Uuid)],
    strategies: &BTreeSet<String>,
    now: DateTime<Utc>,
) -> anyhow::Result<()> {
    let who = |email: &str| {
        people
            .iter()
            .find(|(e, _)| *e == email)
            .map(|(_, id)| *id)
            .with_context(|| format!("the demo account {email} is missing"))
    };
    let secretariat = who("secretariat@pioneer.test")?;
    let mut logged = Vec::new();
    let mut organisations = Vec::new();
    for demo in ORGANISATIONS {
        let valid = NewOrganisation {
            name: demo.name.into(),
            kind: demo.kind,
            description: demo.description.into(),
            website: demo.website.map(str::to_owned),
            strategies: owned(demo.strategies),
            tags: owned(demo.tags),
            languages: owned(demo.languages),
            countries: owned(demo.countries),
            regions: owned(demo.regions),
        }
        .validate(strategies)
        .map_err(|e| anyhow::anyhow!("demo organisation {}: {e:?}", demo.name))?;
        let id = Uuid::now_v7();
        let saved =
            store::insert_organisation(txn, id, &valid, secretariat, now - Duration::days(60))
                .await?;
        anyhow::ensure!(
            saved == OrganisationSaved::Saved,
            "demo organisation {}: {saved:?}",
            demo.name
        );
        organisations.push((demo.name, id));
        logged.push(id);
    }
    for (days_ago, demo) in (1..).zip(EXPERTS) {
        let linked = organisations
            .iter()
            .find(|(name, _)| demo.in_directory && Some(*name) == demo.organisation)
            .map(|(_, id)| *id);
        let valid = NewExpertProfile {
            bio: demo.bio.into(),
            organisation: demo.organisation.map(str::to_owned),
            organisation_id: linked,
            strategies: owned(demo.strategies),
            tags: owned(demo.tags),
            languages: owned(demo.languages),
            countries: owned(demo.countries),
            regions: owned(demo.regions),
        }
        .validate(strategies)
        .map_err(|e| anyhow::anyhow!("demo expert {}: {e:?}", demo.email))?;
        let id = who(demo.email)?;
        store::write_profile(txn, id, &valid, now - Duration::days(days_ago * 3)).await?;
        logged.push(id);
    }
    // Uganda's focal point waits for the partner's answer (her bell says so); Colombia's and
    // Senegal's are in touch.
    let asked = now - Duration::hours(20);
    notifications::insert_many(
        txn,
        vec![NewNotification {
            user_id: who("partner@pioneer.test")?,
            kind: NotificationKind::ContactRequest,
            actor_id: Some(who("focal.uga@pioneer.test")?),
            subject: "Joseph Okello".into(),
            detail: None,
            link: "/contacts".into(),
            group_id: None,
        }],
        asked,
    )
    .await?;
    store::insert_contact(
        txn,
        Uuid::now_v7(),
        who("focal.uga@pioneer.test")?,
        who("partner@pioneer.test")?,
        "Hello, we are adapting a parenting programme for Uganda and would value your advice on costing it. Could we talk?".into(),
        asked,
    )
    .await?;
    let accepted = Uuid::now_v7();
    store::insert_contact(
        txn,
        accepted,
        who("focal.col@pioneer.test")?,
        who("focal.sen@pioneer.test")?,
        "Bonjour Awa, nous préparons la formation des enseignants en Colombie : pourriez-vous partager votre expérience ?".into(),
        now - Duration::days(9),
    )
    .await?;
    store::decide(
        txn,
        accepted,
        ContactStatus::Accepted,
        now - Duration::days(8),
    )
    .await?;
    search_log::log_changes(txn, &logged, now).await?;
    Ok(())
}
