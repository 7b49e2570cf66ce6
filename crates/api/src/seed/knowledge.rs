//! The demo's knowledge base: resources in the four languages, of several kinds and tiers, most
//! published (some viewed often), one waiting for the secretariat, one for a group's moderator,
//! one returned to its author with the moderator's comment.

use anyhow::Context;
use chrono::{DateTime, Duration, Utc};
use pioneer_domain::knowledge::{NewResource, ResourceKind, ResourceStatus, Visibility};
use pioneer_domain::reference::ReferenceCodes;
use pioneer_domain::review::{
    CommentAuthor, CommentTarget, DocumentKind, Happened, HistoryEvent, Section,
};
use sea_orm::sea_query::Expr;
use sea_orm::{ColumnTrait, DatabaseTransaction, EntityTrait, QueryFilter};
use serde_json::json;
use uuid::Uuid;

use crate::entities::resource;
use crate::store::comments::{self, NewCommentRow};
use crate::store::history::{self, HistoryRecord};
use crate::store::resources;

struct DemoResource {
    author: &'static str,
    kind: ResourceKind,
    title: &'static str,
    summary: &'static str,
    body: &'static str,
    language: &'static str,
    strategies: &'static [&'static str],
    countries: &'static [&'static str],
    tags: &'static [&'static str],
    /// A group's name for group-only resources.
    group: Option<&'static str>,
    visibility: Visibility,
    status: ResourceStatus,
    views: i64,
    days_ago: i64,
}

/// The demo resources' authors.
pub const AUTHORS: &[&str] = &[
    "focal.ken@pioneer.test",
    "partner@pioneer.test",
    "focal.col@pioneer.test",
    "focal.phl@pioneer.test",
    "focal.mex@pioneer.test",
    "focal.gha@pioneer.test",
    "focal.sen@pioneer.test",
    "focal.uga@pioneer.test",
    "focal.npl@pioneer.test",
];

const RESOURCES: &[DemoResource] = &[
    DemoResource {
        author: "focal.ken@pioneer.test",
        kind: ResourceKind::GoodPractice,
        title: "Écoles sûres : prévenir les violences entre élèves",
        summary: "Comment 400 écoles du Kenya ont réduit le harcèlement de moitié en deux ans, avec des clubs d'élèves et des enseignants formés.",
        body: "## Ce qui a été fait\n\n- Des **clubs d'élèves** qui repèrent et signalent le harcèlement ;\n- une formation de trois jours pour les enseignants à la discipline positive ;\n- une boîte à suggestions anonyme dans chaque école.\n\n## Résultats\n\nLe harcèlement signalé a baissé de **48 %** en deux ans. Voir l'[évaluation](https://example.org/evaluation-ecoles-sures).",
        language: "fr",
        strategies: &["education", "norms"],
        countries: &["KEN"],
        tags: &["écoles", "harcèlement"],
        group: None,
        visibility: Visibility::Public,
        status: ResourceStatus::Published,
        views: 214,
        days_ago: 40,
    },
    DemoResource {
        author: "partner@pioneer.test",
        kind: ResourceKind::Evidence,
        title: "Parenting programmes: what the evidence says",
        summary: "A review of 120 trials: group-based parenting programmes reduce harsh discipline by a third.",
        body: "Parenting programmes that combine **home visits** and group sessions have the strongest evidence.\n\n| Programme type | Effect on harsh discipline |\n| --- | --- |\n| Group sessions | −28 % |\n| Home visits | −35 % |\n\nSee the [full review](https://example.org/parenting-review).",
        language: "en",
        strategies: &["parenting"],
        countries: &[],
        tags: &["parenting", "evidence"],
        group: None,
        visibility: Visibility::Members,
        status: ResourceStatus::Published,
        views: 389,
        days_ago: 75,
    },
    DemoResource {
        author: "focal.col@pioneer.test",
        kind: ResourceKind::Tool,
        title: "Guía para líneas de ayuda a niños y niñas",
        summary: "Protocolos, guiones y formación para las personas que atienden una línea de ayuda infantil.",
        body: "Esta guía reúne los **protocolos** de la línea 141 de Colombia: cómo escuchar, cuándo derivar a los servicios y cómo cuidar a quienes atienden.",
        language: "es",
        strategies: &["services"],
        countries: &["COL", "MEX"],
        tags: &["línea de ayuda"],
        group: None,
        visibility: Visibility::Public,
        status: ResourceStatus::Published,
        views: 97,
        days_ago: 20,
    },
    DemoResource {
        author: "focal.phl@pioneer.test",
        kind: ResourceKind::Tutorial,
        title: "Como montar um programa de visitas domiciliares",
        summary: "Passo a passo para planejar, formar visitadores e acompanhar as famílias.",
        body: "1. Escolher as famílias com os serviços de saúde;\n2. formar os visitadores (cinco dias);\n3. acompanhar cada visita com uma ficha simples.\n\nAs crianças e as famílias participam da avaliação.",
        language: "pt",
        strategies: &["parenting", "services"],
        countries: &["PHL"],
        tags: &["visitas domiciliares"],
        group: None,
        visibility: Visibility::Members,
        status: ResourceStatus::Published,
        views: 51,
        days_ago: 12,
    },
    DemoResource {
        author: "focal.mex@pioneer.test",
        kind: ResourceKind::WebinarRecording,
        title: "Webinar: making platforms answer for children's safety online",
        summary: "Recording of the alliance's webinar with regulators from three countries.",
        body: "Regulators explain how they made platforms **report** and **remove** abusive content, and what children told them.",
        language: "en",
        strategies: &["laws", "environments"],
        countries: &["MEX", "NPL"],
        tags: &["online", "regulation"],
        group: Some("Online child protection"),
        visibility: Visibility::Group,
        status: ResourceStatus::Published,
        views: 33,
        days_ago: 8,
    },
    DemoResource {
        author: "partner@pioneer.test",
        kind: ResourceKind::Tool,
        title: "Toolkit: bringing fathers into parenting programmes",
        summary: "Session plans, invitation scripts and a checklist for adapting a parenting programme to fathers.",
        body: "Fathers come when they are **asked by name**, when sessions fit working hours and when another father leads them.\n\n- Session plans for six evening meetings;\n- invitation scripts for health workers and employers;\n- a checklist to adapt the programme's examples.",
        language: "en",
        strategies: &["parenting"],
        countries: &["KEN", "COL", "PHL"],
        tags: &["fathers", "parenting"],
        group: Some("Parenting support"),
        visibility: Visibility::Group,
        status: ResourceStatus::Published,
        views: 12,
        days_ago: 6,
    },
    DemoResource {
        author: "focal.gha@pioneer.test",
        kind: ResourceKind::CaseStudy,
        title: "Ending corporal punishment in Ghana's schools",
        summary: "How a ban became practice: training, reporting and a helpline for pupils.",
        body: "The ban passed in 2019; practice changed once **head teachers** were trained and pupils could report anonymously.",
        language: "en",
        strategies: &["laws", "education"],
        countries: &["GHA"],
        tags: &["corporal punishment", "schools"],
        group: None,
        visibility: Visibility::Public,
        status: ResourceStatus::Published,
        views: 140,
        days_ago: 30,
    },
    DemoResource {
        author: "focal.sen@pioneer.test",
        kind: ResourceKind::Guidance,
        title: "Signaler les violences à l'école : le circuit au Sénégal",
        summary: "Qui fait quoi quand un élève signale une violence : école, inspection, services sociaux.",
        body: "Le circuit tient en **trois étapes** : recueillir la parole de l'enfant, informer l'inspection, orienter vers les services.",
        language: "fr",
        strategies: &["education", "services"],
        countries: &["SEN"],
        tags: &["signalement"],
        group: Some("Safe schools"),
        visibility: Visibility::Group,
        status: ResourceStatus::Pending,
        views: 0,
        days_ago: 2,
    },
    DemoResource {
        author: "focal.uga@pioneer.test",
        kind: ResourceKind::Qa,
        title: "How do you involve children in writing a national plan?",
        summary: "Uganda asks the alliance: what worked for you to hear children's views?",
        body: "We plan consultations in ten districts. **How did you reach out-of-school children?**",
        language: "en",
        strategies: &["norms"],
        countries: &["UGA"],
        tags: &["children's participation"],
        group: None,
        visibility: Visibility::Members,
        status: ResourceStatus::Pending,
        views: 0,
        days_ago: 1,
    },
    DemoResource {
        author: "focal.npl@pioneer.test",
        kind: ResourceKind::Video,
        title: "Video: cash transfers and child protection in Nepal",
        summary: "Ten minutes on how the child grant reduced child labour and early marriage.",
        body: "A short film made with the families of two districts.",
        language: "en",
        strategies: &["income"],
        countries: &["NPL"],
        tags: &["cash transfers"],
        group: None,
        visibility: Visibility::Public,
        status: ResourceStatus::Returned,
        views: 0,
        days_ago: 5,
    },
];

/// The return comment on the returned demo resource.
const RETURN_COMMENT: &str =
    "Thank you! Please add the video's link and say who made it, then send it again.";

pub async fn demo_resources(
    txn: &DatabaseTransaction,
    member: &[(&str, Uuid)],
    groups: &[(&str, Uuid)],
    secretariat: &CommentAuthor,
    codes: &ReferenceCodes,
    now: DateTime<Utc>,
) -> anyhow::Result<()> {
    let mut ids = Vec::new();
    for demo in RESOURCES {
        let (_, author) = member
            .iter()
            .find(|(email, _)| *email == demo.author)
            .with_context(|| format!("the demo account {} is missing", demo.author))?;
        let group_id = match demo.group {
            Some(name) => Some(
                groups
                    .iter()
                    .find(|(n, _)| *n == name)
                    .map(|(_, id)| *id)
                    .with_context(|| format!("the demo group {name} is missing"))?,
            ),
            None => None,
        };
        let valid = NewResource {
            kind: demo.kind,
            title: demo.title.into(),
            summary: demo.summary.into(),
            body: demo.body.into(),
            language: demo.language.into(),
            strategies: demo.strategies.iter().map(|s| (*s).into()).collect(),
            countries: demo.countries.iter().map(|s| (*s).into()).collect(),
            tags: demo.tags.iter().map(|s| (*s).into()).collect(),
            links: Vec::new(),
            visibility: demo.visibility,
            group_id,
        }
        .validate(&codes.strategies)
        .map_err(|e| anyhow::anyhow!("demo resource {}: {e:?}", demo.title))?;
        let submitted = now - Duration::days(demo.days_ago);
        let row = resources::insert(txn, &valid, *author, None, submitted).await?;
        let record = |revision: i64, happened: Happened, who: Uuid, at: DateTime<Utc>| {
            let entry = HistoryRecord {
                kind: DocumentKind::Resource,
                document_id: row.id,
                revision,
                event: HistoryEvent::new(Section::Resource, happened),
                changes: json!({}),
            };
            history::record(txn, entry, who, at)
        };
        record(1, Happened::Submitted, *author, submitted).await?;
        let decided = submitted + Duration::hours(20);
        let mut revision = 1;
        match demo.status {
            ResourceStatus::Published => {
                revision = 2;
                record(2, Happened::Approved, secretariat.id, decided).await?;
            }
            ResourceStatus::Returned => {
                revision = 2;
                record(2, Happened::ChangesRequested, secretariat.id, decided).await?;
                comments::insert(
                    txn,
                    NewCommentRow {
                        kind: DocumentKind::Resource,
                        document_id: row.id,
                        author: secretariat.clone(),
                        target: CommentTarget {
                            kind: Section::Resource,
                            id: row.id,
                        },
                        parent_id: None,
                        body: RETURN_COMMENT.into(),
                    },
                    decided,
                )
                .await?;
            }
            _ => {}
        }
        resource::Entity::update_many()
            .col_expr(resource::Column::Status, Expr::value(demo.status.as_str()))
            .col_expr(resource::Column::Revision, Expr::value(revision))
            .col_expr(resource::Column::Views, Expr::value(demo.views))
            .col_expr(
                resource::Column::PublishedAt,
                Expr::value((demo.status == ResourceStatus::Published).then_some(decided)),
            )
            .filter(resource::Column::Id.eq(row.id))
            .exec(txn)
            .await?;
        ids.push(row.id);
    }
    crate::store::search_log::log_changes(txn, &ids, now).await?;
    Ok(())
}
