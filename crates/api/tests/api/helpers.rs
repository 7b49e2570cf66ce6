//! `spawn_app()` and one helper per endpoint.

use std::time::Duration;

use chrono::Utc;
use pioneer_api::config::{Config, LoginLimits};
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
}

/// Which database the tests run on: SQLite unless `TEST_DATABASE=postgres`.
fn on_postgres() -> bool {
    std::env::var("TEST_DATABASE").is_ok_and(|v| v == "postgres")
}

/// A fresh, empty database URL for one test.
async fn fresh_database_url() -> String {
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
    let mut config = Config {
        database_url: fresh_database_url().await,
        bind: "127.0.0.1:0".into(),
        jwt_secret: Some(JWT_SECRET.into()),
        spa_dir: std::env::temp_dir().join("pioneer-tests-no-spa"),
        login_limits: LoginLimits {
            ip_burst: 1000,
            ..LoginLimits::default()
        },
        ..Config::default()
    };
    customise(&mut config);
    let app = Application::build(config.clone())
        .await
        .expect("server builds");
    let address = format!("http://127.0.0.1:{}", app.port());
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
    }
}

/// A member created straight in the database, with [`PASSWORD`].
pub struct TestUser {
    pub id: Uuid,
    pub email: String,
}

impl TestApp {
    pub fn url(&self, path: &str) -> String {
        format!("{}{path}", self.address)
    }

    pub fn get(&self, path: &str) -> RequestBuilder {
        self.client.get(self.url(path))
    }

    pub fn post(&self, path: &str) -> RequestBuilder {
        self.client.post(self.url(path))
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
        let model = store::insert_user(
            &self.db,
            &email,
            "Test Member",
            role,
            country.map(Into::into),
            hash,
            Utc::now(),
        )
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
