//! Demo content, so that a newcomer who signs in sees the product at work: eight countries'
//! roadmaps in every status of the workflow (with the reviewers' comments), two reporting cycles
//! (last year's closed, this year's open) and reports in every status, with last year's values
//! carried over. Written through the store, with the history every change leaves, and only into
//! a database that has no roadmap yet.

use anyhow::{Context, bail};
use chrono::{DateTime, Datelike, Duration, Utc};
use pioneer_domain::report::validation::{
    check_action_progress, check_indicator_value, check_support_request,
};
use pioneer_domain::report::{
    ActionProgress, ActionProgressInput, ActionStatus, CycleStatus, IndicatorProgress,
    IndicatorValueInput, NarrativePatch, NewSupportRequest, ReportKind, ReportStatus,
    ReportingCycle, SupportRequest, SupportType,
};
use pioneer_domain::review::parts::Part;
use pioneer_domain::review::{
    CommentAuthor, CommentTarget, DocumentKind, Happened, HistoryEvent, Section, Transition,
};
use pioneer_domain::roadmap::validation::{check_new_roadmap, check_priority};
use pioneer_domain::roadmap::{
    Action, Consultation, Money, NewAction, NewIndicator, NewPriority, NewRoadmap, Priority,
    RoadmapIndicator, RoadmapStatus, StakeholderGroup,
};
use sea_orm::sea_query::Expr;
use sea_orm::{
    ColumnTrait, ConnectionTrait, DatabaseConnection, DatabaseTransaction, EntityTrait,
    PaginatorTrait, QueryFilter,
};
use serde_json::json;
use uuid::Uuid;

use crate::entities::{job, report, roadmap};
use crate::jobs::enqueue_mail;
use crate::mail::compose::{self, ApplicationMail};
use crate::store::comments::{self, NewCommentRow};
use crate::store::documents::{StoredDocument, StoredListPart, StoredPart};
use crate::store::history::{self, HistoryRecord};
use crate::store::reports::{self, NewReportRow};
use crate::store::{groups, membership, reference, reporting_cycles, roadmaps, users};
use crate::texts::Texts;
use pioneer_domain::groups::{GroupRole, NewGroup};
use pioneer_domain::jobs::{JobStatus, MAX_ATTEMPTS};
use pioneer_domain::membership::application::{
    ApplicationForm, ApplicationStatus, NominatedFocalPoint,
};

/// A country of the demo: who writes for it, in which currency, and how far it has come.
struct DemoCountry {
    code: &'static str,
    focal: &'static str,
    name: &'static str,
    currency: &'static str,
    roadmap: RoadmapStatus,
    /// The report of last year's (closed) cycle, and of this year's.
    reports: [Option<ReportStatus>; 2],
}

const COUNTRIES: &[DemoCountry] = &[
    DemoCountry {
        code: "KEN",
        focal: "focal.ken@pioneer.test",
        name: "Kenya",
        currency: "KES",
        roadmap: RoadmapStatus::Approved,
        // This year's is for the team to start.
        reports: [Some(ReportStatus::Accepted), None],
    },
    DemoCountry {
        code: "COL",
        focal: "focal.col@pioneer.test",
        name: "Colombia",
        currency: "COP",
        roadmap: RoadmapStatus::Approved,
        reports: [None, Some(ReportStatus::Draft)],
    },
    DemoCountry {
        code: "MEX",
        focal: "focal.mex@pioneer.test",
        name: "Mexico",
        currency: "MXN",
        roadmap: RoadmapStatus::Approved,
        reports: [Some(ReportStatus::Accepted), Some(ReportStatus::Submitted)],
    },
    DemoCountry {
        code: "GHA",
        focal: "focal.gha@pioneer.test",
        name: "Ghana",
        currency: "GHS",
        roadmap: RoadmapStatus::Approved,
        reports: [None, Some(ReportStatus::ChangesRequested)],
    },
    DemoCountry {
        code: "NPL",
        focal: "focal.npl@pioneer.test",
        name: "Nepal",
        currency: "NPR",
        roadmap: RoadmapStatus::Approved,
        reports: [Some(ReportStatus::Accepted), Some(ReportStatus::Accepted)],
    },
    DemoCountry {
        code: "PHL",
        focal: "focal.phl@pioneer.test",
        name: "the Philippines",
        currency: "PHP",
        roadmap: RoadmapStatus::Submitted,
        reports: [None, None],
    },
    DemoCountry {
        code: "SEN",
        focal: "focal.sen@pioneer.test",
        name: "Senegal",
        currency: "XOF",
        roadmap: RoadmapStatus::ChangesRequested,
        reports: [None, None],
    },
    DemoCountry {
        code: "UGA",
        focal: "focal.uga@pioneer.test",
        name: "Uganda",
        currency: "UGX",
        roadmap: RoadmapStatus::Draft,
        reports: [None, None],
    },
];

/// A key action: its title, its budget in thousands of the country's currency (or of US dollars
/// when development partners fund it), and whether they do.
type DemoAction = (&'static str, u32, bool);

/// Priorities with their INSPIRE strategies and key actions.
const PRIORITIES: &[(&str, &[&str], &[DemoAction])] = &[
    (
        "Laws that protect every child",
        &["laws"],
        &[
            ("Ban corporal punishment in all settings", 1_500, false),
            (
                "Train judges and prosecutors on child-friendly justice",
                120,
                true,
            ),
        ],
    ),
    (
        "Safe schools and communities",
        &["environments", "education"],
        &[
            ("Train 5,000 teachers in positive discipline", 3_000, false),
            ("Safe school transport pilots", 80, true),
        ],
    ),
    (
        "Help for every child who reports violence",
        &["services", "parenting"],
        &[
            ("A free 24-hour child helpline", 2_400, false),
            ("Parenting programmes in 40 districts", 250, true),
        ],
    ),
];

/// Indicators: SDG code, name, unit, baseline, target.
const INDICATORS: &[(&str, &str, &str, &str, &str)] = &[
    (
        "16.2.1",
        "Children who experienced violent discipline at home",
        "%",
        "64.5",
        "40",
    ),
    (
        "16.2.3",
        "Young adults who experienced sexual violence by age 18",
        "%",
        "11.2",
        "6",
    ),
];

/// Creates the demo content unless the database has roadmaps already; answers whether it did.
/// The demo accounts must exist (`seed::demo`).
pub async fn demo_content(db: &DatabaseConnection, now: DateTime<Utc>) -> anyhow::Result<bool> {
    if roadmap::Entity::find().count(db).await? > 0 {
        return Ok(false);
    }
    let member = |email: &'static str| async move {
        users::credentials(db, email)
            .await?
            .map(|c| CommentAuthor {
                id: c.user.id,
                name: c.user.name,
            })
            .with_context(|| format!("the demo account {email} is missing"))
    };
    let reviewer = member("reviewer@pioneer.test").await?;
    let secretariat = member("secretariat@pioneer.test").await?;
    let codes = reference::reference_codes(db).await?;
    let (_turn, txn) = crate::db::begin_write(db).await?;
    let this_year = now.year() - 1;
    let cycles = [
        ReportingCycle {
            year: this_year - 1,
            opens_on: (now - Duration::days(420)).date_naive(),
            due_on: (now - Duration::days(340)).date_naive(),
            status: CycleStatus::Closed,
        },
        ReportingCycle {
            year: this_year,
            opens_on: (now - Duration::days(50)).date_naive(),
            due_on: (now + Duration::days(40)).date_naive(),
            status: CycleStatus::Open,
        },
    ];
    for cycle in &cycles {
        reporting_cycles::insert(&txn, cycle, now - Duration::days(430)).await?;
    }
    let demo = Demo {
        txn: &txn,
        reviewer,
        secretariat,
    };
    for country in COUNTRIES {
        let focal = member(country.focal).await?;
        let started = now - Duration::days(500);
        let roadmap_id = demo
            .roadmap(country, &focal, &codes.reference(), started)
            .await?;
        for (cycle, status) in cycles.iter().zip(country.reports) {
            if let Some(status) = status {
                demo.report(country, &focal, roadmap_id, cycle, status)
                    .await?;
            }
        }
    }
    demo_membership(&txn, &demo.secretariat, now).await?;
    let mut people = Vec::new();
    for (email, _) in GROUPS.iter().flat_map(|g| g.2) {
        people.push((*email, member(email).await?.id));
    }
    let groups = demo_groups(&txn, demo.secretariat.id, &people, now).await?;
    let mut authors = Vec::new();
    for email in super::knowledge::AUTHORS {
        authors.push((*email, member(email).await?.id));
    }
    super::knowledge::demo_resources(&txn, &authors, &groups, &demo.secretariat, &codes, now)
        .await?;
    let mut speakers = Vec::new();
    for email in super::discussions::AUTHORS {
        speakers.push((*email, member(email).await?.id));
    }
    super::discussions::demo_discussions(&txn, &speakers, &groups, now).await?;
    let mut attendees = Vec::new();
    for email in super::events::PEOPLE {
        attendees.push((*email, member(email).await?.id));
    }
    super::events::demo_events(&txn, &attendees, &groups, now).await?;
    let mut directory = Vec::new();
    for email in super::experts::PEOPLE {
        directory.push((*email, member(email).await?.id));
    }
    super::experts::demo_directory(&txn, &directory, &codes.strategies, now).await?;
    txn.commit().await?;
    Ok(true)
}

/// A demo group's members, by e-mail, with their role.
type DemoMembers = &'static [(&'static str, GroupRole)];

/// The demo's thematic groups: name, description, and members.
const GROUPS: [(&str, &str, DemoMembers); 3] = [
    (
        "Parenting support",
        "Parenting programmes that prevent violence at home: what works, how to adapt it, and how to reach fathers.",
        &[
            ("partner@pioneer.test", GroupRole::Moderator),
            ("focal.ken@pioneer.test", GroupRole::Member),
            ("focal.col@pioneer.test", GroupRole::Member),
            ("focal.phl@pioneer.test", GroupRole::Member),
        ],
    ),
    (
        "Safe schools",
        "Ending corporal punishment, bullying and sexual violence at school: policies, teacher training and reporting.",
        &[
            ("focal.gha@pioneer.test", GroupRole::Moderator),
            ("focal.sen@pioneer.test", GroupRole::Member),
            ("focal.uga@pioneer.test", GroupRole::Member),
        ],
    ),
    (
        "Online child protection",
        "Keeping children safe online: platforms' duties, helplines, and the evidence on what protects.",
        &[
            ("focal.mex@pioneer.test", GroupRole::Member),
            ("focal.npl@pioneer.test", GroupRole::Member),
        ],
    ),
];

/// Answers each group's name and id.
async fn demo_groups(
    txn: &DatabaseTransaction,
    secretariat: Uuid,
    people: &[(&str, Uuid)],
    now: DateTime<Utc>,
) -> anyhow::Result<Vec<(&'static str, Uuid)>> {
    let mut created = Vec::new();
    for (name, description, members) in GROUPS {
        let valid = NewGroup {
            name: name.into(),
            description: description.into(),
        }
        .validate()
        .map_err(|e| anyhow::anyhow!("demo group {name}: {e:?}"))?;
        let id = groups::create(txn, &valid, secretariat, now - Duration::days(60))
            .await?
            .with_context(|| format!("the demo group {name} exists already"))?;
        created.push((name, id));
        for (email, role) in members {
            let (_, user_id) = people
                .iter()
                .find(|(e, _)| e == email)
                .with_context(|| format!("the demo account {email} is missing"))?;
            groups::put_member(
                txn,
                id,
                *user_id,
                *role,
                secretariat,
                now - Duration::days(55),
            )
            .await?;
        }
    }
    Ok(created)
}

struct Demo<'a> {
    txn: &'a DatabaseTransaction,
    reviewer: CommentAuthor,
    secretariat: CommentAuthor,
}

/// A document's history as the demo writes it: each entry moves the revision by one.
struct Story {
    kind: DocumentKind,
    id: Uuid,
    revision: i64,
}

impl Story {
    async fn tell(
        &mut self,
        db: &impl ConnectionTrait,
        who: &CommentAuthor,
        at: DateTime<Utc>,
        event: (Section, Happened),
        changes: serde_json::Value,
    ) -> anyhow::Result<()> {
        self.revision += 1;
        let entry = HistoryRecord {
            kind: self.kind,
            document_id: self.id,
            revision: self.revision,
            event: HistoryEvent::new(event.0, event.1),
            changes,
        };
        history::record(db, entry, who.id, at).await?;
        Ok(())
    }
}

fn money(thousands: u32, currency: &str) -> Money {
    Money {
        amount: format!("{thousands}000.00"),
        currency: currency.into(),
    }
}

impl Demo<'_> {
    /// The country's roadmap, taken through the workflow to `country.roadmap`.
    async fn roadmap(
        &self,
        country: &DemoCountry,
        focal: &CommentAuthor,
        reference: &pioneer_domain::reference::Reference<'_>,
        at: DateTime<Utc>,
    ) -> anyhow::Result<Uuid> {
        let db = self.txn;
        let input = NewRoadmap {
            country_code: Some(country.code.into()),
            title: format!(
                "National roadmap to end violence against children in {}",
                country.name
            ),
            summary: format!(
                "How {} will protect its children at home, at school, online and in the community by 2030.",
                country.name
            ),
            period_start: 2025,
            period_end: 2030,
            consultation: Consultation {
                held_on: Some((at - Duration::days(30)).date_naive()),
                stakeholder_groups: vec![
                    StakeholderGroup::Government,
                    StakeholderGroup::CivilSociety,
                    StakeholderGroup::ChildrenAndYoungPeople,
                ],
                participants: Some(140),
            },
        };
        let checked = check_new_roadmap(&input).map_err(problems)?;
        let row = roadmaps::NewRoadmapRow {
            country: country.code.into(),
            checked,
            input: &input,
            created_by: focal.id,
        };
        let id = roadmaps::insert_new(db, row, at).await?;
        let mut story = Story {
            kind: DocumentKind::Roadmap,
            id,
            revision: 0,
        };
        story
            .tell(
                db,
                focal,
                at,
                (Section::Roadmap, Happened::Created),
                json!({"title": input.title}),
            )
            .await?;
        for (title, strategies, actions) in PRIORITIES {
            let new = NewPriority {
                title: (*title).into(),
                description: String::new(),
                strategies: strategies.iter().map(|s| (*s).into()).collect(),
            };
            let priority =
                Priority::insert(db, id, &check_priority(&new, reference).map_err(problems)?)
                    .await?;
            for (title, thousands, in_dollars) in *actions {
                let currency = if *in_dollars { "USD" } else { country.currency };
                let new = NewAction {
                    priority_id: priority.id,
                    title: (*title).into(),
                    description: String::new(),
                    lead_institution: Some("Ministry of Gender and Social Protection".into()),
                    partners: vec!["UNICEF".into(), "Civil society coalition".into()],
                    start_month: Some("2025-03".into()),
                    end_month: Some("2027-12".into()),
                    budget: Some(money(*thousands, currency)),
                    secured: Some(money(thousands / 2, currency)),
                    funding_source: Some(
                        if *in_dollars {
                            "Development partners"
                        } else {
                            "National budget"
                        }
                        .into(),
                    ),
                };
                let checked = Action::check(&new, reference).map_err(problems)?;
                Action::insert(db, id, &checked).await?;
            }
        }
        for (code, name, unit, baseline, target) in INDICATORS {
            let new = NewIndicator {
                indicator_code: Some((*code).into()),
                name: (*name).into(),
                unit: (*unit).into(),
                baseline_value: Some((*baseline).into()),
                baseline_year: Some(2022),
                target_value: Some((*target).into()),
                target_year: Some(2030),
                source: "National survey on violence against children".into(),
            };
            let checked = RoadmapIndicator::check(&new, reference).map_err(problems)?;
            RoadmapIndicator::insert(db, id, &checked).await?;
        }
        let step = |status: RoadmapStatus| json!({"status": {"to": status.as_str()}});
        if country.roadmap != RoadmapStatus::Draft {
            let submitted = at + Duration::days(20);
            roadmaps::set_status(db, id, RoadmapStatus::Submitted, true, submitted).await?;
            story
                .tell(
                    db,
                    focal,
                    submitted,
                    (Section::Roadmap, Happened::Submitted),
                    step(RoadmapStatus::Submitted),
                )
                .await?;
            let decided = submitted + Duration::days(10);
            match country.roadmap {
                RoadmapStatus::ChangesRequested => {
                    let comment = self
                        .comment(
                            DocumentKind::Roadmap,
                            id,
                            "Please add a line for monitoring and evaluation, and say who leads the helpline.",
                            decided,
                        )
                        .await?;
                    roadmaps::set_status(db, id, RoadmapStatus::ChangesRequested, false, decided)
                        .await?;
                    let mut changes = step(RoadmapStatus::ChangesRequested);
                    changes["comment_id"] = json!(comment);
                    story
                        .tell(
                            db,
                            &self.reviewer,
                            decided,
                            (Section::Roadmap, Happened::ChangesRequested),
                            changes,
                        )
                        .await?;
                }
                RoadmapStatus::Approved => {
                    roadmaps::set_status(db, id, RoadmapStatus::Approved, false, decided).await?;
                    story
                        .tell(
                            db,
                            &self.reviewer,
                            decided,
                            (Section::Roadmap, Happened::Approved),
                            step(RoadmapStatus::Approved),
                        )
                        .await?;
                }
                _ => {}
            }
        }
        set_revision(
            db,
            roadmap::Entity::update_many().filter(roadmap::Column::Id.eq(id)),
            roadmap::Column::Revision,
            story.revision,
        )
        .await?;
        Ok(id)
    }

    async fn comment(
        &self,
        kind: DocumentKind,
        id: Uuid,
        body: &str,
        at: DateTime<Utc>,
    ) -> anyhow::Result<Uuid> {
        let section = match kind {
            DocumentKind::Roadmap => Section::Roadmap,
            DocumentKind::Report => Section::Report,
            DocumentKind::MembershipApplication => Section::Application,
            DocumentKind::Resource => Section::Resource,
        };
        let comment = NewCommentRow {
            kind,
            document_id: id,
            author: self.reviewer.clone(),
            target: CommentTarget { kind: section, id },
            parent_id: None,
            body: body.into(),
        };
        Ok(comments::insert(self.txn, comment, at).await?.id)
    }

    /// The country's report for `cycle`, filled and taken through the workflow to `status`.
    async fn report(
        &self,
        country: &DemoCountry,
        focal: &CommentAuthor,
        roadmap_id: Uuid,
        cycle: &ReportingCycle,
        status: ReportStatus,
    ) -> anyhow::Result<()> {
        let db = self.txn;
        let Some(roadmap_row) = roadmaps::find(db, roadmap_id).await? else {
            bail!("the demo roadmap of {} is missing", country.code);
        };
        let at = cycle
            .opens_on
            .and_hms_opt(9, 0, 0)
            .unwrap_or_default()
            .and_utc()
            + Duration::days(5);
        let new = NewReportRow {
            roadmap: roadmap_row,
            year: cycle.year,
            created_by: focal.id,
        };
        let Some(id) = reports::insert_new(db, new, at).await? else {
            bail!("{} has a {} report already", country.code, cycle.year);
        };
        let mut story = Story {
            kind: DocumentKind::Report,
            id,
            revision: 0,
        };
        story
            .tell(
                db,
                focal,
                at,
                (Section::Report, Happened::Created),
                json!({"year": cycle.year}),
            )
            .await?;
        let late_year = cycle.status == CycleStatus::Closed;
        let Some(row) = reports::find(db, id).await? else {
            bail!("the demo report of {} is missing", country.code);
        };
        let report = reports::load(db, row.clone(), at.date_naive()).await?;
        // Progress: further along in the later cycle.
        let statuses = if late_year {
            [
                ActionStatus::OnTrack,
                ActionStatus::NotStarted,
                ActionStatus::OnTrack,
                ActionStatus::Delayed,
                ActionStatus::OnTrack,
                ActionStatus::NotStarted,
            ]
        } else {
            [
                ActionStatus::Completed,
                ActionStatus::OnTrack,
                ActionStatus::OnTrack,
                ActionStatus::Delayed,
                ActionStatus::Completed,
                ActionStatus::Cancelled,
            ]
        };
        for (line, status) in report.actions.iter().zip(statuses) {
            let progress: i64 = match status {
                ActionStatus::Completed => 100,
                ActionStatus::OnTrack => {
                    if late_year {
                        30
                    } else {
                        60
                    }
                }
                ActionStatus::Delayed => 15,
                ActionStatus::NotStarted | ActionStatus::Cancelled => 0,
            };
            let spent = line.budget.as_ref().map(|budget| {
                let cents = pioneer_domain::money::parse_amount(&budget.amount, "")
                    .map(|c| c.0)
                    .unwrap_or(0);
                Money::new(
                    pioneer_domain::money::Cents(cents * progress / 100 * 9 / 10),
                    &budget.currency,
                )
            });
            let input = ActionProgressInput {
                status,
                progress_percent: progress,
                spent,
                note: match status {
                    ActionStatus::Delayed => "Procurement took longer than planned.".into(),
                    ActionStatus::Cancelled => "Merged into the national helpline.".into(),
                    _ => String::new(),
                },
                budget_currency: line.budget.as_ref().map(|b| b.currency.clone()),
            };
            let checked = check_action_progress(&input).map_err(problems)?;
            ActionProgress::update(db, id, line.action_id, &checked).await?;
            story
                .tell(
                    db,
                    focal,
                    at,
                    (Section::Action, Happened::Updated),
                    json!({"id": line.action_id}),
                )
                .await?;
        }
        for (line, (_, _, _, baseline, _)) in report.indicators.iter().zip(INDICATORS) {
            let baseline: f64 = baseline.parse().unwrap_or(0.0);
            let value = if late_year {
                baseline * 0.93
            } else {
                baseline * 0.82
            };
            let input = IndicatorValueInput {
                value: format!("{value:.1}"),
                year: cycle.year,
                source: format!("National survey {}", cycle.year),
            };
            let checked = check_indicator_value(&input).map_err(problems)?;
            IndicatorProgress::update(db, id, line.indicator_id, &checked).await?;
            story
                .tell(
                    db,
                    focal,
                    at,
                    (Section::Indicator, Happened::Updated),
                    json!({"id": line.indicator_id}),
                )
                .await?;
        }
        let request = NewSupportRequest {
            kind: if late_year {
                SupportType::Technical
            } else {
                SupportType::PeerExchange
            },
            description: if late_year {
                "Help to set up case management for the helpline.".into()
            } else {
                "A study visit to a country with a national parenting programme.".into()
            },
            priority_id: report.actions.get(4).map(|a| a.priority_id),
            action_id: None,
        };
        let checked = check_support_request(&request).map_err(problems)?;
        SupportRequest::insert(db, id, &checked).await?;
        story
            .tell(
                db,
                focal,
                at,
                (Section::SupportRequest, Happened::Created),
                json!({"type": request.kind}),
            )
            .await?;
        if status != ReportStatus::Draft {
            let narrative = NarrativePatch {
                achievements: Some(format!("{}'s parliament banned corporal punishment in all settings; 2,300 teachers trained in positive discipline.", country.name)),
                challenges: Some("Recruiting social workers for rural districts; data on online violence is scarce.".into()),
                lessons_learned: Some("Working through the teachers' unions made training faster.".into()),
                children_participation: Some("A children's advisory group of 24 members reviewed the helpline's design.".into()),
            };
            reports::update_narrative(db, &row, &narrative, story.revision + 1, at).await?;
            story
                .tell(
                    db,
                    focal,
                    at,
                    (Section::Report, Happened::Updated),
                    json!({"narrative": "written"}),
                )
                .await?;
            // Mexico reported last year's cycle three days late.
            let submitted = if late_year && country.code == "MEX" {
                cycle
                    .due_on
                    .and_hms_opt(12, 0, 0)
                    .unwrap_or_default()
                    .and_utc()
                    + Duration::days(3)
            } else {
                at + Duration::days(20)
            };
            ReportKind::set_status(
                db,
                id,
                ReportStatus::Submitted,
                Transition::Submit,
                submitted,
            )
            .await?;
            story
                .tell(
                    db,
                    focal,
                    submitted,
                    (Section::Report, Happened::Submitted),
                    json!({"status": {"to": "submitted"}}),
                )
                .await?;
            let decided = submitted + Duration::days(7);
            match status {
                ReportStatus::ChangesRequested => {
                    let comment = self
                        .comment(DocumentKind::Report, id, "Please give the number of children the helpline reached, by sex and age.", decided)
                        .await?;
                    ReportKind::set_status(db, id, status, Transition::RequestChanges, decided)
                        .await?;
                    story
                        .tell(
                            db,
                            &self.reviewer,
                            decided,
                            (Section::Report, Happened::ChangesRequested),
                            json!({"status": {"to": status.as_str()}, "comment_id": comment}),
                        )
                        .await?;
                }
                ReportStatus::Accepted => {
                    ReportKind::set_status(db, id, status, Transition::Accept, decided).await?;
                    story
                        .tell(
                            db,
                            &self.secretariat,
                            decided,
                            (Section::Report, Happened::Accepted),
                            json!({"status": {"to": status.as_str()}}),
                        )
                        .await?;
                }
                _ => {}
            }
        }
        set_revision(
            db,
            report::Entity::update_many().filter(report::Column::Id.eq(id)),
            report::Column::Revision,
            story.revision,
        )
        .await?;
        Ok(())
    }
}

/// Sets the revision the story reached (each history entry names the revision it produced).
async fn set_revision<E: EntityTrait>(
    db: &impl ConnectionTrait,
    update: sea_orm::UpdateMany<E>,
    column: E::Column,
    revision: i64,
) -> anyhow::Result<()> {
    update
        .col_expr(column, Expr::value(revision))
        .exec(db)
        .await?;
    Ok(())
}

fn problems(errors: Vec<pioneer_domain::FieldError>) -> anyhow::Error {
    let problems: Vec<String> = errors
        .iter()
        .map(|e| format!("{}: {}", e.field, e.message))
        .collect();
    anyhow::anyhow!("demo content is invalid: {}", problems.join("; "))
}

/// The day each demo country joined: the alliance was launched in Bogotá in November 2024.
const JOINED: &[(&str, &str)] = &[
    ("COL", "2024-11-07"),
    ("MEX", "2024-11-07"),
    ("KEN", "2024-11-07"),
    ("PHL", "2024-11-07"),
    ("SEN", "2025-02-14"),
    ("GHA", "2025-03-03"),
    ("NPL", "2025-05-20"),
    ("UGA", "2025-06-11"),
];

/// A one-page PDF that says `text`, as a signed letter would be scanned (the demo has no
/// scanner): a real PDF that readers open, with its cross-reference table.
fn demo_letter(text: &str) -> Vec<u8> {
    let stream = format!("BT /F1 14 Tf 72 720 Td ({text}) Tj ET");
    let objects = [
        "<< /Type /Catalog /Pages 2 0 R >>".to_owned(),
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>".to_owned(),
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>".to_owned(),
        format!("<< /Length {} >>\nstream\n{stream}\nendstream", stream.len()),
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>".to_owned(),
    ];
    let mut pdf = b"%PDF-1.4\n".to_vec();
    let mut offsets = Vec::new();
    for (n, object) in objects.iter().enumerate() {
        offsets.push(pdf.len());
        pdf.extend_from_slice(format!("{} 0 obj\n{object}\nendobj\n", n + 1).as_bytes());
    }
    let xref = pdf.len();
    pdf.extend_from_slice(
        format!("xref\n0 {}\n0000000000 65535 f \n", objects.len() + 1).as_bytes(),
    );
    for offset in offsets {
        pdf.extend_from_slice(format!("{offset:010} 00000 n \n").as_bytes());
    }
    pdf.extend_from_slice(
        format!(
            "trailer\n<< /Size {} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n",
            objects.len() + 1
        )
        .as_bytes(),
    );
    pdf
}

/// The demo's membership: the countries' joining dates, two expressions of interest waiting for
/// the secretariat and one it declined.
async fn demo_membership(
    txn: &DatabaseTransaction,
    secretariat: &CommentAuthor,
    now: DateTime<Utc>,
) -> anyhow::Result<()> {
    for (code, day) in JOINED {
        membership::mark_joined(txn, code, day.parse()?).await?;
    }
    let applications = [
        (
            "TGO",
            "Ministère de l'Action sociale, de la Solidarité et de la Promotion de la Femme",
            "Kossiwa Zinsou",
            "Ministre",
            "fr",
            (
                "Yawa Akakpo",
                "Directrice générale de la Protection de l'enfant",
                "Action sociale",
                "y.akakpo@gouv.tg.example",
            ),
            Duration::days(6),
        ),
        (
            "ECU",
            "Ministerio de Inclusión Económica y Social",
            "Ana María Vásconez",
            "Ministra",
            "es",
            (
                "Jorge Quishpe",
                "Subsecretario de Protección Especial",
                "Inclusión Económica y Social",
                "j.quishpe@inclusion.gob.ec.example",
            ),
            Duration::days(2),
        ),
        (
            "FJI",
            "Ministry of Education",
            "Litia Naivalu",
            "Minister",
            "en",
            (
                "Mere Tuisawau",
                "Director, Child Protection",
                "Education",
                "m.tuisawau@education.gov.fj.example",
            ),
            Duration::days(30),
        ),
    ];
    for (code, entity, signatory, title, language, (name, fp_title, ministry, email), ago) in
        applications
    {
        let form = ApplicationForm {
            country_code: code.into(),
            entity: entity.into(),
            signatory_name: signatory.into(),
            signatory_title: title.into(),
            commitment: COMMITMENT.into(),
            language: language.into(),
            focal_point: NominatedFocalPoint {
                name: name.into(),
                title: fp_title.into(),
                ministry: ministry.into(),
                email: email.into(),
            },
            website: None,
        };
        let valid = form
            .validate()
            .map_err(|e| anyhow::anyhow!("demo application {code}: {e:?}"))?;
        let letter = demo_letter(&format!(
            "Expression of interest - {code} - signed by {signatory}"
        ));
        let stored = membership::insert(
            txn,
            &valid,
            &format!("expression-of-interest-{code}.pdf"),
            letter,
            now - ago,
        )
        .await?;
        if code == "FJI" {
            let message = "The letter is signed by the Minister of Education only: the alliance asks for the endorsement of the ministry that coordinates child protection. Please send a new expression of interest co-signed by it.";
            membership::decide(
                txn,
                stored.id,
                ApplicationStatus::Declined,
                message,
                secretariat.id,
                now - Duration::days(25),
            )
            .await?;
            history::record(
                txn,
                HistoryRecord {
                    kind: DocumentKind::MembershipApplication,
                    document_id: stored.id,
                    revision: 1,
                    event: HistoryEvent::new(Section::Application, Happened::Declined),
                    changes: json!({ "message": message }),
                },
                secretariat.id,
                now - Duration::days(25),
            )
            .await?;
            demo_failed_mail(txn, email, name, message, now).await?;
        }
    }
    Ok(())
}

/// The decline of the demo's declined application, as a mail that kept failing (the address
/// bounced): the secretariat's outbox shows it, with its error and the retry button.
async fn demo_failed_mail(
    txn: &DatabaseTransaction,
    email: &str,
    name: &str,
    message: &str,
    now: DateTime<Utc>,
) -> anyhow::Result<()> {
    let texts = Texts::load()?;
    let mail = compose::application_decided(
        &texts,
        &ApplicationMail {
            language: "en",
            focal_point_email: email,
            focal_point_name: name,
            country: "Fiji",
            signatory: "",
            id: "",
        },
        false,
        message,
    );
    let key = "demo:declined-mail";
    enqueue_mail(txn, &mail, Some(key.into()), now - Duration::days(25)).await?;
    let error = format!(
        "550 5.1.1 <{email}>: Recipient address rejected: User unknown in virtual mailbox table"
    );
    job::Entity::update_many()
        .col_expr(job::Column::Status, Expr::value(JobStatus::Failed.as_str()))
        .col_expr(job::Column::Attempts, Expr::value(MAX_ATTEMPTS))
        .col_expr(job::Column::LastError, Expr::value(error))
        .col_expr(
            job::Column::UpdatedAt,
            Expr::value(now - Duration::days(24)),
        )
        .filter(job::Column::DedupeKey.eq(key))
        .exec(txn)
        .await?;
    Ok(())
}

/// The commitment statement of the demo's applications (the annex, in short).
const COMMITMENT: &str = "We express our interest in joining the Pathfinding Global Alliance to end violence against children, and commit to a national roadmap with priorities, key actions, responsibilities, timelines, budgets and indicators, to reporting on its progress every year, and to sharing what we learn with the other pioneer countries.";
