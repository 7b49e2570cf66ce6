//! Background jobs: a job written before a SIGKILL is sent after the restart, once; two replicas
//! never send a mail twice; a real SMTP server that fails and then recovers gets the mail once;
//! a failed mail is shown to the secretariat, who retries it; reminders reach exactly the
//! countries that have not submitted, and the automatic one goes once per country and cycle.

use std::process::Stdio;
use std::time::Duration;

use chrono::Duration as ChronoDuration;
use pioneer_api::config::{SmtpConfig, SmtpTls};
use pioneer_api::entities::job;
use pioneer_domain::Role;
use reqwest::StatusCode;
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};
use serde_json::{Value, json};

use crate::helpers::{Binary, TestApp, mails_in, spawn_app_with, wait_for_mails};
use crate::membership::{PDF, application, form};

async fn jobs_of(app: &TestApp) -> Vec<job::Model> {
    job::Entity::find().all(&app.db).await.expect("jobs")
}

async fn invite(app: &TestApp, token: &str, email: &str) {
    let response = app
        .post("/api/v1/invitations")
        .bearer_auth(token)
        .json(&json!({"email": email, "role": "partner"}))
        .send()
        .await
        .expect("request");
    assert_eq!(response.status(), StatusCode::CREATED);
}

/// Waits until `done` holds of the jobs (up to 20 s).
async fn wait_for_jobs(
    app: &TestApp,
    what: &str,
    done: impl Fn(&[job::Model]) -> bool,
) -> Vec<job::Model> {
    for _ in 0..400 {
        let jobs = jobs_of(app).await;
        if done(&jobs) {
            return jobs;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    panic!("jobs never reached: {what}: {:#?}", jobs_of(app).await);
}

#[tokio::test]
async fn a_job_written_before_a_sigkill_is_sent_after_the_restart_once() {
    // A replica that runs no worker takes the application: its mail is only a row.
    let quiet = Binary::new(&[("JOBS_WORKER", "off")]).await;
    let (mut server, _) = quiet.serve(Stdio::null()).await;
    let client = reqwest::Client::new();
    let response = client
        .post(format!("{}/api/v1/membership-applications", quiet.base))
        .multipart(form(&application("BEN", "fp@example.org"), PDF))
        .send()
        .await
        .expect("request");
    assert_eq!(response.status(), StatusCode::CREATED);
    let id = response.json::<Value>().await.expect("json")["id"]
        .as_str()
        .expect("id")
        .to_owned();
    server.kill().expect("SIGKILL");
    server.wait().expect("reaped");
    assert!(mails_in(&quiet.outbox).is_empty());

    // Restarted with its worker, on the same database and outbox: the mail goes, once.
    let mut restarted = Binary::on(quiet.database_url.clone(), &[("JOB_POLL_MS", "50")]);
    restarted.outbox = quiet.outbox.clone();
    let (mut server, _) = restarted.serve(Stdio::null()).await;
    wait_for_mails(&restarted.outbox, &id, 1).await;
    tokio::time::sleep(Duration::from_millis(500)).await;
    let sent = mails_in(&restarted.outbox);
    server.kill().expect("kill");
    server.wait().expect("reaped");
    assert_eq!(sent.len(), 1, "sent once");
}

#[tokio::test]
async fn two_replicas_never_send_a_mail_twice() {
    let writer = spawn_app_with(|config| config.jobs.worker = false).await;
    let (_, secretariat) = writer.signed_in(Role::Secretariat, None).await;
    for n in 0..30 {
        invite(&writer, &secretariat, &format!("guest{n}@example.org")).await;
    }
    assert_eq!(jobs_of(&writer).await.len(), 30);
    let outbox = writer.outbox.clone();
    let replica = |outbox: std::path::PathBuf| {
        writer.spawn_replica(move |config| {
            config.mail.outbox_dir = outbox;
            config.jobs.poll_interval = Duration::from_millis(10);
        })
    };
    let _a = replica(outbox.clone()).await;
    let _b = replica(outbox.clone()).await;
    let jobs = wait_for_jobs(&writer, "all done", |jobs| {
        jobs.iter().all(|j| j.status == "done")
    })
    .await;
    assert!(jobs.iter().all(|j| j.attempts == 1), "each job ran once");
    let mails = mails_in(&outbox);
    assert_eq!(mails.len(), 30);
    for n in 0..30 {
        let to = format!("To: guest{n}@example.org");
        assert_eq!(mails.iter().filter(|m| m.contains(&to)).count(), 1, "{to}");
    }
}

/// A free port on loopback.
fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .expect("bind")
        .local_addr()
        .expect("addr")
        .port()
}

/// Kills the SMTP server when the test ends, however it ends.
struct SmtpServer(std::process::Child);

impl Drop for SmtpServer {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

/// Starts aiosmtpd (tools/smtp/server) on `port`, writing to `maildir`; waits until it listens
/// (the first run installs it, which may take a minute).
async fn start_smtp(port: u16, maildir: &std::path::Path) -> SmtpServer {
    let script = concat!(env!("CARGO_MANIFEST_DIR"), "/../../tools/smtp/server");
    let child = std::process::Command::new(script)
        .arg(port.to_string())
        .arg(maildir)
        .stdout(Stdio::null())
        .stderr(Stdio::inherit())
        .spawn()
        .expect("tools/smtp/server starts");
    let server = SmtpServer(child);
    for _ in 0..1200 {
        if std::net::TcpStream::connect(("127.0.0.1", port)).is_ok() {
            return server;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    panic!("the SMTP server did not listen on {port} within 120 s");
}

fn messages_in(maildir: &std::path::Path) -> Vec<String> {
    std::fs::read_dir(maildir.join("new"))
        .map(|entries| {
            entries
                .filter_map(Result::ok)
                .filter_map(|e| std::fs::read_to_string(e.path()).ok())
                .collect()
        })
        .unwrap_or_default()
}

#[tokio::test]
async fn a_mail_that_fails_is_retried_shown_to_the_secretariat_and_arrives_once() {
    let port = free_port();
    let app = spawn_app_with(|config| {
        config.mail.smtp = Some(SmtpConfig {
            host: "127.0.0.1".into(),
            port,
            tls: SmtpTls::None,
            username: None,
            password: None,
            timeout: Duration::from_secs(5),
        });
    })
    .await;
    let (_, secretariat) = app.signed_in(Role::Secretariat, None).await;
    invite(&app, &secretariat, "guest@example.org").await;

    // No SMTP server: every attempt fails, each later than the one before, until the last.
    for attempt in 1..=8 {
        wait_for_jobs(&app, &format!("attempt {attempt} failed"), |jobs| {
            jobs[0].attempts == attempt
                && jobs[0].status != "running"
                && jobs[0].last_error.is_some()
        })
        .await;
        app.state.clock.advance(ChronoDuration::hours(2));
    }
    let failed = wait_for_jobs(&app, "failed", |jobs| jobs[0].status == "failed").await;
    assert_eq!(failed[0].attempts, 8);

    let (_, secretariat) = app.signed_in(Role::Secretariat, None).await;
    let listed: Value = app
        .get("/api/v1/jobs?status=failed")
        .bearer_auth(&secretariat)
        .send()
        .await
        .expect("request")
        .json()
        .await
        .expect("json");
    assert_eq!(listed["total"], 1);
    assert!(
        listed["items"][0]["summary"]
            .as_str()
            .expect("summary")
            .contains("guest@example.org")
    );
    assert!(listed["items"][0]["last_error"].is_string());
    let (_, focal) = app.signed_in(Role::CountryFocalPoint, Some("KEN")).await;
    let forbidden = app
        .get("/api/v1/jobs")
        .bearer_auth(&focal)
        .send()
        .await
        .expect("request");
    assert_eq!(forbidden.status(), StatusCode::FORBIDDEN);

    // The SMTP server comes back; the secretariat retries; the mail arrives, once.
    let maildir = std::env::temp_dir().join(format!("pioneer-smtp-{port}"));
    let _smtp = start_smtp(port, &maildir).await;
    let id = failed[0].id;
    let retried = app
        .post(&format!("/api/v1/jobs/{id}/retry"))
        .bearer_auth(&secretariat)
        .send()
        .await
        .expect("request");
    assert_eq!(retried.status(), StatusCode::OK);
    wait_for_jobs(&app, "sent", |jobs| jobs[0].status == "done").await;
    tokio::time::sleep(Duration::from_millis(300)).await;
    let received = messages_in(&maildir);
    assert_eq!(received.len(), 1, "the mail arrived once");
    assert!(received[0].contains("guest@example.org"));
    assert!(
        received[0].contains(&format!("Message-ID: <{id}@")),
        "{}",
        received[0]
    );
    let again = app
        .post(&format!("/api/v1/jobs/{id}/retry"))
        .bearer_auth(&secretariat)
        .send()
        .await
        .expect("request");
    assert_eq!(
        again.status(),
        StatusCode::CONFLICT,
        "only a failed job is retried"
    );
}

#[tokio::test]
async fn reminders_reach_exactly_the_countries_that_have_not_submitted() {
    let app = spawn_app_with(|config| {
        config.jobs.reminder_check_interval = Duration::from_millis(100);
    })
    .await;
    let now = app.state.clock.now();
    pioneer_api::seed::demo(&app.db, now)
        .await
        .expect("demo accounts");
    pioneer_api::seed::demo_content(&app.db, now)
        .await
        .expect("demo content");
    let (_, secretariat) = app.signed_in(Role::Secretariat, None).await;
    let cycles: Value = app
        .get("/api/v1/reporting-cycles")
        .bearer_auth(&secretariat)
        .send()
        .await
        .expect("request")
        .json()
        .await
        .expect("json");
    let open = cycles["items"]
        .as_array()
        .expect("items")
        .iter()
        .find(|c| c["status"] == "open")
        .expect("an open cycle")
        .clone();
    let year = open["year"].as_i64().expect("year");
    let tracker: Value = app
        .get(&format!("/api/v1/reporting-cycles/{year}/tracker"))
        .bearer_auth(&secretariat)
        .send()
        .await
        .expect("request")
        .json()
        .await
        .expect("json");
    let owing: Vec<String> = tracker["rows"]
        .as_array()
        .expect("rows")
        .iter()
        .filter(|r| {
            ["not_started", "draft", "changes_requested"]
                .contains(&r["status"].as_str().expect("status"))
        })
        .map(|r| r["country_code"].as_str().expect("code").to_owned())
        .collect();
    let submitted: Vec<String> = tracker["rows"]
        .as_array()
        .expect("rows")
        .iter()
        .filter(|r| ["submitted", "accepted"].contains(&r["status"].as_str().expect("status")))
        .map(|r| r["country_code"].as_str().expect("code").to_owned())
        .collect();
    assert!(
        !owing.is_empty() && !submitted.is_empty(),
        "the demo has both: {tracker}"
    );

    let reminded: Value = app
        .post(&format!("/api/v1/reporting-cycles/{year}/reminders"))
        .bearer_auth(&secretariat)
        .send()
        .await
        .expect("request")
        .json()
        .await
        .expect("json");
    let mut codes: Vec<String> = reminded["countries"]
        .as_array()
        .expect("countries")
        .iter()
        .map(|c| c["country_code"].as_str().expect("code").to_owned())
        .collect();
    codes.sort();
    let mut expected = owing.clone();
    expected.sort();
    assert_eq!(codes, expected);

    // One mail per focal point of those countries, and none to the others.
    wait_for_mails(&app.outbox, "/reports", owing.len()).await;
    tokio::time::sleep(Duration::from_millis(300)).await;
    let mails: Vec<String> = mails_in(&app.outbox)
        .into_iter()
        .filter(|m| m.contains("/reports"))
        .collect();
    assert_eq!(mails.len(), owing.len());
    for code in &owing {
        let to = format!("focal.{}@pioneer.test", code.to_lowercase());
        assert_eq!(mails.iter().filter(|m| m.contains(&to)).count(), 1, "{to}");
    }
    for code in &submitted {
        let to = format!("focal.{}@pioneer.test", code.to_lowercase());
        assert!(mails.iter().all(|m| !m.contains(&to)), "{to} submitted");
    }

    // The automatic reminder, days before the due date: once per country and cycle, however
    // many replicas check.
    let _replica = app
        .spawn_replica(|config| {
            config.mail.outbox_dir = app.outbox.clone();
            config.jobs.reminder_check_interval = Duration::from_millis(100);
        })
        .await;
    let due: chrono::NaiveDate = open["due_on"].as_str().expect("due").parse().expect("date");
    let days_to_go = (due - app.state.clock.now().date_naive()).num_days() - 3;
    app.state.clock.advance(ChronoDuration::days(days_to_go));
    _replica
        .state
        .clock
        .advance(ChronoDuration::days(days_to_go));
    wait_for_mails(&app.outbox, "/reports", owing.len() * 2).await;
    tokio::time::sleep(Duration::from_millis(1000)).await;
    let automatic = job::Entity::find()
        .filter(job::Column::DedupeKey.starts_with(format!("reminder:{year}:")))
        .all(&app.db)
        .await
        .expect("jobs");
    assert_eq!(
        automatic.len(),
        owing.len(),
        "one automatic reminder per country"
    );
    let all: Vec<String> = mails_in(&app.outbox)
        .into_iter()
        .filter(|m| m.contains("/reports"))
        .collect();
    assert_eq!(
        all.len(),
        owing.len() * 2,
        "the manual and the automatic one, no more"
    );
}
