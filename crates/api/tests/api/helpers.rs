//! `spawn_app()` and one helper per endpoint.

use std::time::Duration;

use pioneer_api::config::{Config, FilesConfig, JobsConfig, LoginLimits, MailConfig};
use pioneer_api::startup::Application;
use pioneer_api::{auth, db, store};
use pioneer_domain::Role;
use pioneer_domain::auth::TokenResponse;
use reqwest::{RequestBuilder, Response, StatusCode};
use sea_orm::{ConnectionTrait, Database, DatabaseConnection};
use serde_json::{Value, json};
use uuid::Uuid;

pub const JWT_SECRET: &str = "integration-tests-secret-0123456789abcdef";
pub const PASSWORD: &str = "a long enough password";

pub struct TestApp {
    pub address: String,
    pub db: DatabaseConnection,
    pub client: reqwest::Client,
    /// The server's state: its clock, which a test moves instead of sleeping.
    pub state: actix_web::web::Data<pioneer_api::state::AppState>,
    /// Where its mails are written (`.eml` files).
    pub outbox: std::path::PathBuf,
}

/// Which database the tests run on: SQLite unless `TEST_DATABASE=postgres`.
pub fn on_postgres() -> bool {
    std::env::var("TEST_DATABASE").is_ok_and(|v| v == "postgres")
}

/// A fresh outbox directory for one server's mails.
pub fn outbox_dir() -> std::path::PathBuf {
    std::env::temp_dir()
        .join("pioneer-tests-outbox")
        .join(Uuid::now_v7().simple().to_string())
}

/// A fresh directory for one server's files.
pub fn files_dir() -> std::path::PathBuf {
    std::env::temp_dir()
        .join("pioneer-tests-files")
        .join(Uuid::now_v7().simple().to_string())
}

/// A fresh, empty database URL for one test.
pub async fn fresh_database_url() -> String {
    if on_postgres() {
        let admin_url = std::env::var("TEST_POSTGRES_URL")
            .unwrap_or_else(|_| "postgres://postgres@127.0.0.1:5432/postgres".into());
        let name = format!("pioneer_test_{}", Uuid::now_v7().simple());
        let admin = Database::connect(&admin_url)
            .await
            .expect("PostgreSQL is reachable for tests");
        admin
            .execute_unprepared(&format!("CREATE DATABASE {name}"))
            .await
            .expect("create test database");
        admin.close().await.ok();
        let base = admin_url
            .rsplit_once('/')
            .map_or(admin_url.as_str(), |(base, _)| base)
            .to_owned();
        format!("{base}/{name}")
    } else {
        let dir = std::env::temp_dir().join("pioneer-tests");
        std::fs::create_dir_all(&dir).expect("temp dir");
        format!("sqlite://{}/{}.db?mode=rwc", dir.display(), Uuid::now_v7())
    }
}

pub async fn spawn_app() -> TestApp {
    spawn_app_with(|_| {}).await
}

pub async fn spawn_app_with(customise: impl FnOnce(&mut Config)) -> TestApp {
    spawn_app_on(fresh_database_url().await, customise).await
}

/// A server on the database at `database_url`, e.g. another replica of a test's server.
pub async fn spawn_app_on(database_url: String, customise: impl FnOnce(&mut Config)) -> TestApp {
    let mut config = Config {
        database_url,
        bind: "127.0.0.1:0".into(),
        jwt_secret: Some(JWT_SECRET.into()),
        spa_dir: std::env::temp_dir().join("pioneer-tests-no-spa"),
        login_limits: LoginLimits {
            ip_burst: 1000,
            ..LoginLimits::default()
        },
        expose_query_count: true,
        mail: MailConfig {
            outbox_dir: outbox_dir(),
            ..MailConfig::default()
        },
        jobs: JobsConfig {
            poll_interval: Duration::from_millis(50),
            ..JobsConfig::default()
        },
        application_limits: LoginLimits {
            account_burst: 1000,
            ip_burst: 1000,
            ..Config::default().application_limits
        },
        files: FilesConfig {
            dir: files_dir(),
            s3: None,
        },
        // In memory: each server of a test builds its own from the database.
        search_index_dir: None,
        ..Config::default()
    };
    customise(&mut config);
    let app = Application::build(config.clone())
        .await
        .expect("server builds");
    let address = format!("http://127.0.0.1:{}", app.port());
    let state = app.state.clone();
    let db = db::connect(&config).await.expect("test connection");
    tokio::spawn(app.run_until_stopped());
    let client = reqwest::Client::builder()
        .timeout(Duration::from_secs(30))
        .build()
        .expect("client");
    TestApp {
        address,
        db,
        client,
        state,
        outbox: config.mail.outbox_dir.clone(),
    }
}

/// The mails in `outbox`, oldest first (file names are time-ordered UUIDs).
pub fn mails_in(outbox: &std::path::Path) -> Vec<String> {
    let Ok(entries) = std::fs::read_dir(outbox) else {
        return Vec::new();
    };
    let mut paths: Vec<_> = entries
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "eml"))
        .collect();
    paths.sort();
    paths
        .iter()
        .filter_map(|p| std::fs::read_to_string(p).ok())
        .collect()
}

/// Waits until `count` mails whose text contains `needle` are in `outbox`; answers them.
pub async fn wait_for_mails(outbox: &std::path::Path, needle: &str, count: usize) -> Vec<String> {
    wait_for_mails_with(outbox, &[needle], count).await
}

/// Waits until `count` mails containing every one of `needles` are in `outbox`; answers them.
/// The limit is generous (30 s) because the whole suite shares two cores with the database: it
/// is only reached when the mail never comes.
pub async fn wait_for_mails_with(
    outbox: &std::path::Path,
    needles: &[&str],
    count: usize,
) -> Vec<String> {
    for _ in 0..600 {
        let found: Vec<String> = mails_in(outbox)
            .into_iter()
            .filter(|m| needles.iter().all(|needle| m.contains(needle)))
            .collect();
        if found.len() >= count {
            return found;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    panic!(
        "no {count} mail(s) with {needles:?} in {}",
        outbox.display()
    );
}

/// The link to `{PUBLIC_URL}/<path>/<token>` in a mail: the token.
pub fn token_in(mail: &str, path: &str) -> String {
    let start = mail
        .find(&format!("/{path}/"))
        .unwrap_or_else(|| panic!("a /{path}/ link in {mail}"))
        + path.len()
        + 2;
    mail[start..]
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric() || *c == '-' || *c == '_')
        .collect()
}

/// A member created straight in the database, with [`PASSWORD`].
pub struct TestUser {
    pub id: Uuid,
    pub email: String,
}

impl TestApp {
    /// Another replica: a second server on the same database, configured by `customise`.
    pub async fn spawn_replica(&self, customise: impl FnOnce(&mut Config)) -> TestApp {
        spawn_app_on(self.state.config.database_url.clone(), customise).await
    }

    pub fn url(&self, path: &str) -> String {
        format!("{}{path}", self.address)
    }

    pub fn get(&self, path: &str) -> RequestBuilder {
        self.client.get(self.url(path))
    }

    pub fn post(&self, path: &str) -> RequestBuilder {
        self.client.post(self.url(path))
    }

    pub fn put(&self, path: &str) -> RequestBuilder {
        self.client.put(self.url(path))
    }

    pub fn patch(&self, path: &str) -> RequestBuilder {
        self.client.patch(self.url(path))
    }

    pub fn delete(&self, path: &str) -> RequestBuilder {
        self.client.delete(self.url(path))
    }

    pub async fn create_user(&self, role: Role, country: Option<&str>) -> TestUser {
        let email = format!(
            "{}-{}@example.org",
            role.as_str().replace('_', "-"),
            Uuid::now_v7().simple()
        );
        let hash = auth::password::hash(PASSWORD).expect("hash");
        let row = store::users::NewUserRow {
            email: &email,
            name: "Test Member",
            role,
            country_code: country.map(Into::into),
            password_hash: hash,
            ministry: None,
            title: None,
            language: "en",
        };
        let model = store::users::insert(&self.db, row, self.state.clock.now())
            .await
            .expect("insert user")
            .expect("e-mail is new");
        TestUser {
            id: model.id,
            email,
        }
    }

    pub async fn login_response(&self, email: &str, password: &str) -> Response {
        self.post("/api/v1/auth/login")
            .json(&json!({"email": email, "password": password}))
            .send()
            .await
            .expect("request")
    }

    pub async fn login(&self, user: &TestUser) -> TokenResponse {
        let response = self.login_response(&user.email, PASSWORD).await;
        assert_eq!(response.status(), StatusCode::OK, "login of {}", user.email);
        response.json().await.expect("token response")
    }

    /// Creates a member of `role` and signs them in; answers their access token.
    pub async fn signed_in(&self, role: Role, country: Option<&str>) -> (TestUser, String) {
        let user = self.create_user(role, country).await;
        let tokens = self.login(&user).await;
        (user, tokens.access_token)
    }

    pub async fn refresh(&self, refresh_token: &str) -> Response {
        self.post("/api/v1/auth/refresh")
            .json(&json!({"refresh_token": refresh_token}))
            .send()
            .await
            .expect("request")
    }

    pub async fn me(&self, token: &str) -> Response {
        self.get("/api/v1/me")
            .bearer_auth(token)
            .send()
            .await
            .expect("request")
    }
}

/// Reads an error envelope and checks its shape; answers its code.
pub async fn error_code(response: Response) -> String {
    let body: Value = response.json().await.expect("JSON error body");
    let error = &body["error"];
    assert!(error["message"].is_string(), "error has a message: {body}");
    assert!(error["details"].is_array(), "error has details: {body}");
    error["code"].as_str().expect("error has a code").to_owned()
}

/// How many database queries the server made for this request (its `x-query-count` header).
pub fn query_count(response: &Response) -> u32 {
    response.headers()["x-query-count"]
        .to_str()
        .ok()
        .and_then(|count| count.parse().ok())
        .expect("a numeric x-query-count header")
}

/// A reviewed document (a roadmap, a report) as a client holds it: every write sends the last
/// ETag seen, as a client must.
pub struct DocumentClient<'a> {
    pub app: &'a TestApp,
    pub token: String,
    /// Where the kind's documents are, e.g. `/api/v1/roadmaps`.
    pub base: &'static str,
    pub id: String,
    pub etag: String,
}

pub type RoadmapClient<'a> = DocumentClient<'a>;

impl<'a> DocumentClient<'a> {
    /// Creates a document of `base` (`/api/v1/roadmaps`) from `body` as the holder of `token`.
    pub async fn create_at(
        app: &'a TestApp,
        token: &str,
        base: &'static str,
        body: Value,
    ) -> DocumentClient<'a> {
        let response = app
            .post(base)
            .bearer_auth(token)
            .json(&body)
            .send()
            .await
            .expect("request");
        let status = response.status();
        let etag = response
            .headers()
            .get("etag")
            .and_then(|v| v.to_str().ok())
            .unwrap_or_default()
            .to_owned();
        let body: Value = response.json().await.expect("document");
        assert_eq!(status, StatusCode::CREATED, "create at {base}: {body}");
        DocumentClient {
            app,
            token: token.to_owned(),
            base,
            id: body["id"].as_str().expect("id").to_owned(),
            etag,
        }
    }

    /// The same document as the holder of another token sees it (with its current ETag).
    pub async fn as_member(&self, token: &str) -> DocumentClient<'a> {
        let mut other = DocumentClient {
            app: self.app,
            token: token.to_owned(),
            base: self.base,
            id: self.id.clone(),
            etag: String::new(),
        };
        other.refresh().await;
        other
    }

    /// Reads the document again, to take its current ETag.
    pub async fn refresh(&mut self) -> Value {
        let response = self
            .app
            .get(&self.path(""))
            .bearer_auth(&self.token)
            .send()
            .await
            .expect("request");
        if let Some(etag) = response.headers().get("etag") {
            self.etag = etag.to_str().expect("etag").to_owned();
        }
        response.json().await.unwrap_or(Value::Null)
    }

    pub async fn put(&mut self, rest: &str, body: Value) -> (StatusCode, Value) {
        self.write(reqwest::Method::PUT, rest, Some(body)).await
    }

    /// Creates a draft (2025–2030) as the holder of `token`.
    pub async fn create(app: &'a TestApp, token: &str) -> RoadmapClient<'a> {
        Self::create_at(
            app,
            token,
            "/api/v1/roadmaps",
            json!({"title": "National roadmap to end violence against children", "period_start": 2025, "period_end": 2030}),
        )
        .await
    }

    pub fn path(&self, rest: &str) -> String {
        format!("{}/{}{rest}", self.base, self.id)
    }

    /// Sends a write with `If-Match`, remembers the new ETag; answers status and body.
    pub async fn write(
        &mut self,
        method: reqwest::Method,
        rest: &str,
        body: Option<Value>,
    ) -> (StatusCode, Value) {
        let mut request = self
            .app
            .client
            .request(method, self.app.url(&self.path(rest)))
            .bearer_auth(&self.token)
            .header("if-match", &self.etag);
        if let Some(body) = body {
            request = request.json(&body);
        }
        let response = request.send().await.expect("request");
        let status = response.status();
        if let Some(etag) = response.headers().get("etag") {
            self.etag = etag.to_str().expect("etag").to_owned();
        }
        let body = response.json::<Value>().await.unwrap_or(Value::Null);
        (status, body)
    }

    pub async fn post(&mut self, rest: &str, body: Value) -> (StatusCode, Value) {
        self.write(reqwest::Method::POST, rest, Some(body)).await
    }

    pub async fn patch(&mut self, rest: &str, body: Value) -> (StatusCode, Value) {
        self.write(reqwest::Method::PATCH, rest, Some(body)).await
    }

    pub async fn get(&self, rest: &str) -> (StatusCode, Value) {
        let response = self
            .app
            .get(&self.path(rest))
            .bearer_auth(&self.token)
            .send()
            .await
            .expect("request");
        let status = response.status();
        (
            status,
            response.json::<Value>().await.unwrap_or(Value::Null),
        )
    }

    /// Fills the roadmap so that it can be submitted: consultation, two priorities, three
    /// actions, one indicator. Answers the ids of the priorities and actions.
    pub async fn fill(&mut self) -> (Vec<String>, Vec<String>) {
        let (status, _) = self
            .patch(
                "",
                json!({"summary": "Every child safe at home, at school and online by 2030.",
                       "consultation": {"held_on": "2025-02-14", "stakeholder_groups": ["government", "civil_society", "children_and_young_people"], "participants": 120}}),
            )
            .await;
        assert_eq!(status, StatusCode::OK, "patch roadmap");
        let mut priorities = Vec::new();
        for (title, strategies) in [
            ("Laws that protect every child", json!(["laws"])),
            ("Safe schools", json!(["environments", "education"])),
        ] {
            let (status, body) = self
                .post(
                    "/priorities",
                    json!({"title": title, "strategies": strategies}),
                )
                .await;
            assert_eq!(status, StatusCode::CREATED, "priority: {body}");
            priorities.push(body["id"].as_str().expect("id").to_owned());
        }
        let mut actions = Vec::new();
        for (priority, title, amount, secured) in [
            (
                &priorities[0],
                "Ban corporal punishment in all settings",
                "150000.00",
                "50000.00",
            ),
            (
                &priorities[1],
                "Train 5,000 teachers in positive discipline",
                "300000.50",
                "300000.50",
            ),
            (&priorities[1], "Safe school transport pilots", "80000", "0"),
        ] {
            let (status, body) = self
                .post(
                    "/actions",
                    json!({"priority_id": priority, "title": title, "lead_institution": "Ministry of Education",
                           "partners": ["UNICEF"], "start_month": "2025-03", "end_month": "2026-12",
                           "budget": {"amount": amount, "currency": "USD"}, "secured": {"amount": secured, "currency": "USD"},
                           "funding_source": "National budget"}),
                )
                .await;
            assert_eq!(status, StatusCode::CREATED, "action: {body}");
            actions.push(body["id"].as_str().expect("id").to_owned());
        }
        let (status, body) = self
            .post(
                "/indicators",
                json!({"indicator_code": "16.2.1", "name": "Violent discipline at home", "unit": "%",
                       "baseline_value": "64.5", "baseline_year": 2022, "target_value": "40", "target_year": 2030, "source": "MICS"}),
            )
            .await;
        assert_eq!(status, StatusCode::CREATED, "indicator: {body}");
        (priorities, actions)
    }
}

/// The real `pioneer` binary, run as an operator would, on its own port and database.
pub struct Binary {
    pub base: String,
    pub database_url: String,
    /// Where its mails go (no SMTP server in these tests unless `env` names one).
    pub outbox: std::path::PathBuf,
    port: u16,
    env: Vec<(&'static str, String)>,
}

impl Binary {
    pub async fn new(env: &[(&'static str, &str)]) -> Binary {
        Self::on(fresh_database_url().await, env)
    }

    /// The binary on a database of the caller's.
    pub fn on(database_url: String, env_vars: &[(&'static str, &str)]) -> Binary {
        let port = std::net::TcpListener::bind("127.0.0.1:0")
            .expect("free port")
            .local_addr()
            .expect("addr")
            .port();
        // Its own files and search index, kept across its restarts, as a replica's disk.
        let data = files_dir();
        let mut env: Vec<(&'static str, String)> = vec![
            ("FILES_DIR", data.join("files").display().to_string()),
            (
                "SEARCH_INDEX_DIR",
                data.join("search-index").display().to_string(),
            ),
        ];
        env.extend(env_vars.iter().map(|(k, v)| (*k, (*v).to_owned())));
        Binary {
            base: format!("http://127.0.0.1:{port}"),
            database_url,
            outbox: outbox_dir(),
            port,
            env,
        }
    }

    pub fn command(&self, args: &[&str], stderr: std::process::Stdio) -> std::process::Child {
        std::process::Command::new(env!("CARGO_BIN_EXE_pioneer"))
            .args(args)
            .env("DATABASE_URL", &self.database_url)
            .env("BIND", format!("127.0.0.1:{}", self.port))
            .env("JWT_SECRET", JWT_SECRET)
            .env("MAIL_OUTBOX", &self.outbox)
            .envs(self.env.iter().map(|(k, v)| (*k, v.as_str())))
            .stdout(std::process::Stdio::null())
            .stderr(stderr)
            .spawn()
            .expect("the pioneer binary starts")
    }

    /// Runs `pioneer <args>` with `stdin` as its standard input; answers what it did and said.
    pub fn run(&self, args: &[&str], stdin: &str) -> std::process::Output {
        use std::io::Write;
        use std::process::Stdio;
        let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_pioneer"))
            .args(args)
            .env("DATABASE_URL", &self.database_url)
            .env("JWT_SECRET", JWT_SECRET)
            .env("MAIL_OUTBOX", &self.outbox)
            .envs(self.env.iter().map(|(k, v)| (*k, v.as_str())))
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("the pioneer binary starts");
        child
            .stdin
            .take()
            .expect("a piped stdin")
            .write_all(stdin.as_bytes())
            .expect("stdin takes the input");
        child.wait_with_output().expect("the command ends")
    }

    pub fn seed_demo(&self) {
        let status = self
            .command(&["seed", "--demo"], std::process::Stdio::null())
            .wait()
            .expect("seed runs");
        assert!(status.success(), "pioneer seed --demo");
    }

    /// Starts `pioneer serve`; answers once `/ready` says so, with how long that took.
    #[expect(
        clippy::zombie_processes,
        reason = "the child is handed to the caller, who kills and waits for it"
    )]
    pub async fn serve(&self, stderr: std::process::Stdio) -> (std::process::Child, Duration) {
        let started = std::time::Instant::now();
        let mut child = self.command(&["serve"], stderr);
        let client = reqwest::Client::new();
        loop {
            let ready = client.get(format!("{}/ready", self.base)).send().await;
            if ready.is_ok_and(|r| r.status().is_success()) {
                return (child, started.elapsed());
            }
            if started.elapsed() > Duration::from_secs(20) {
                let _ = child.kill();
                let _ = child.wait();
                panic!("the server did not start within 20 s");
            }
            tokio::time::sleep(Duration::from_millis(20)).await;
        }
    }
}

/// Sends a request: its status and its JSON body (`null` when it has none).
pub async fn send(request: RequestBuilder) -> (StatusCode, Value) {
    let response = request.send().await.expect("request");
    let status = response.status();
    (status, response.json().await.unwrap_or(Value::Null))
}

impl TestApp {
    /// `GET path` as the holder of `token`: the status and the JSON body.
    pub async fn get_json(&self, token: &str, path: &str) -> (StatusCode, Value) {
        send(self.get(path).bearer_auth(token)).await
    }

    /// `POST path` with a JSON `body` as the holder of `token`: the status and the JSON body.
    pub async fn post_json(&self, token: &str, path: &str, body: Value) -> (StatusCode, Value) {
        send(self.post(path).bearer_auth(token).json(&body)).await
    }
}
