//! The demo's discussions: a question in the general forum answered and accepted, and threads in
//! two thematic groups, one with a mention; those they concern have their notifications, some
//! still unread, so that the bell has something to show on a first run.

use anyhow::Context;
use chrono::{DateTime, Duration, Utc};
use pioneer_domain::discussions::NewDiscussion;
use pioneer_domain::notifications::NotificationKind;
use sea_orm::DatabaseTransaction;
use uuid::Uuid;

use crate::markdown::Markdown;
use crate::store::discussions::{self as threads, NewPostRow};
use crate::store::notifications::{self, NewNotification};

struct DemoThread {
    group: Option<&'static str>,
    title: &'static str,
    author: &'static str,
    body: &'static str,
    /// Replies in order: who, what, and the index of the reply answered (none: the thread).
    replies: &'static [(&'static str, &'static str, Option<usize>)],
    /// The reply the asker accepted.
    accepted: Option<usize>,
    days_ago: i64,
}

/// Everyone who writes in the demo's threads.
pub const AUTHORS: &[&str] = &[
    "focal.sen@pioneer.test",
    "focal.ken@pioneer.test",
    "focal.uga@pioneer.test",
    "focal.col@pioneer.test",
    "partner@pioneer.test",
    "focal.phl@pioneer.test",
    "focal.gha@pioneer.test",
];

const THREADS: &[DemoThread] = &[
    DemoThread {
        group: None,
        title: "Comment budgétiser la feuille de route quand le budget national n'est pas encore voté ?",
        author: "focal.sen@pioneer.test",
        body: "Notre feuille de route doit être soumise en mars, mais la loi de finances ne sera votée qu'en juin. Avez-vous indiqué des **fourchettes** ou des montants provisoires ?",
        replies: &[
            (
                "focal.ken@pioneer.test",
                "Nous avons mis des montants provisoires, marqués comme tels dans la colonne *source*, puis nous les avons corrigés au premier rapport annuel. Le Groupe de soutien l'a accepté sans difficulté.",
                None,
            ),
            (
                "focal.uga@pioneer.test",
                "Same here, in Uganda. The reviewers asked us to name the ministry that would carry each line, even provisionally.",
                Some(0),
            ),
        ],
        accepted: Some(0),
        days_ago: 12,
    },
    DemoThread {
        group: Some("Parenting support"),
        title: "Reaching fathers in parenting programmes",
        author: "focal.col@pioneer.test",
        body: "Our sessions reach mothers almost only. What has worked to bring **fathers** in: timing, places, who runs the sessions?",
        replies: &[
            (
                "partner@pioneer.test",
                "Evening sessions run by fathers who took part before doubled attendance in two pilots. See the guide in this group's resources.",
                None,
            ),
            (
                "focal.phl@pioneer.test",
                "We hold them at workplaces, with the employers' agreement. @focal.col@pioneer.test I can share our agreement template.",
                None,
            ),
        ],
        accepted: None,
        days_ago: 3,
    },
    DemoThread {
        group: Some("Safe schools"),
        title: "Teacher training on positive discipline: how many days?",
        author: "focal.gha@pioneer.test",
        body: "We are planning the national roll-out. Three days, or five with follow-up visits?",
        replies: &[],
        accepted: None,
        days_ago: 1,
    },
];

pub async fn demo_discussions(
    txn: &DatabaseTransaction,
    member: &[(&str, Uuid)],
    groups: &[(&str, Uuid)],
    now: DateTime<Utc>,
) -> anyhow::Result<()> {
    let who = |email: &str| {
        member
            .iter()
            .find(|(e, _)| *e == email)
            .map(|(_, id)| *id)
            .with_context(|| format!("the demo account {email} is missing"))
    };
    let markdown = Markdown::shared();
    let mut heard = Vec::new();
    for demo in THREADS {
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
        let valid = NewDiscussion {
            title: demo.title.into(),
            body: demo.body.into(),
            group_id,
        }
        .validate()
        .map_err(|e| anyhow::anyhow!("demo discussion {}: {e:?}", demo.title))?;
        let asker = who(demo.author)?;
        let id = Uuid::now_v7();
        let mut at = now - Duration::days(demo.days_ago);
        let html = markdown.to_html(&valid.body);
        threads::create(txn, id, &valid, asker, html, at).await?;
        threads::subscribe(txn, id, asker, at).await?;
        // Each reply's id and author.
        let mut replies: Vec<(Uuid, Uuid)> = Vec::new();
        for (email, body, parent) in demo.replies {
            at += Duration::hours(5);
            let author = who(email)?;
            let parent_id = parent.and_then(|i| replies.get(i)).map(|(post, _)| *post);
            let post = NewPostRow {
                discussion_id: id,
                parent_id,
                author_id: author,
                body,
                body_html: markdown.to_html(body),
            };
            let post = threads::add_post(txn, post, at).await?;
            threads::subscribe(txn, id, author, at).await?;
            let link = format!("/discussions/{id}#post-{}", post.id);
            let mentioned = body.contains(&format!("@{}", demo.author));
            let kind = if mentioned {
                NotificationKind::Mention
            } else {
                NotificationKind::Reply
            };
            heard.push((notice(asker, kind, author, demo.title, link, group_id), at));
            replies.push((post.id, author));
        }
        if let Some(&(accepted, answerer)) = demo.accepted.and_then(|i| replies.get(i)) {
            threads::accept(txn, id, accepted).await?;
            let link = format!("/discussions/{id}#post-{accepted}");
            let accepted_at = at + Duration::hours(2);
            let accepted = notice(
                answerer,
                NotificationKind::AcceptedAnswer,
                asker,
                demo.title,
                link,
                group_id,
            );
            heard.push((accepted, accepted_at));
        }
    }
    // Each at the time of what it tells (a handful: one statement each).
    for (notice, at) in heard {
        notifications::insert_many(txn, vec![notice], at).await?;
    }
    Ok(())
}

fn notice(
    user_id: Uuid,
    kind: NotificationKind,
    actor_id: Uuid,
    subject: &str,
    link: String,
    group_id: Option<Uuid>,
) -> NewNotification {
    NewNotification {
        user_id,
        kind,
        actor_id: Some(actor_id),
        subject: subject.into(),
        detail: None,
        link,
        group_id,
    }
}
