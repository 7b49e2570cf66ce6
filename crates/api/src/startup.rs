//! Building the server: shared state, middleware, routes, the SPA.

use std::net::TcpListener;
use std::time::Duration;

use actix_cors::Cors;
use actix_web::dev::{Server, ServiceRequest, fn_service};
use actix_web::error::{JsonPayloadError, PathError, QueryPayloadError};
use actix_web::http::header::ContentType;
use actix_web::http::{Method, StatusCode, header};
use actix_web::middleware::{Compress, DefaultHeaders, from_fn};
use actix_web::{App, HttpRequest, HttpResponse, HttpServer, web};
use anyhow::Context;
use sea_orm::DatabaseConnection;
use utoipa_swagger_ui::SwaggerUi;

use crate::auth::jwt::JwtKeys;
use crate::auth::password;
use crate::auth::rate_limit::LoginRateLimiter;
use crate::config::{Config, redact_url};
use crate::error::ApiError;
use crate::method_table::MethodTable;
use crate::state::AppState;
use crate::store::change_feed::{ChangeFeed, Listener};
use crate::store::row_cache::RowCaches;
use crate::{db, routes, spa, telemetry};
use pioneer_domain::ErrorCode;

pub struct Application {
    port: u16,
    server: Server,
    pub state: web::Data<AppState>,
    /// Hears the changes other replicas make; stops with the server.
    _changes: Listener,
    /// Runs the background jobs; stops with the server.
    _worker: crate::jobs::worker::Worker,
    _indexer: crate::knowledge::Background,
}

impl Application {
    /// Connects, migrates and binds `config.bind` (port 0 picks a free port: see [`Self::port`]).
    pub async fn build(config: Config) -> anyhow::Result<Self> {
        let db = db::connect(&config).await?;
        db::migrate(&db).await?;
        Self::build_with_db(config, db).await
    }

    pub async fn build_with_db(config: Config, db: DatabaseConnection) -> anyhow::Result<Self> {
        crate::metrics::handle();
        let reference = crate::store::reference::reference_codes(&db).await?;
        let jwt = JwtKeys::new(&config.jwt_secret()?, config.access_token_ttl);
        let listener =
            TcpListener::bind(&config.bind).with_context(|| format!("binding {}", config.bind))?;
        let port = listener.local_addr()?.port();
        let decoy_password_hash = password::hash(&crate::auth::secret::random_token())?;
        let row_cache_max_age = config.row_cache_max_age;
        let changes = ChangeFeed::new(db.get_database_backend());
        let state = web::Data::new(AppState {
            login_limiter: LoginRateLimiter::new(config.login_limits),
            application_limiter: LoginRateLimiter::new(config.application_limits),
            mailer: crate::mail::Mailer::new(&config.mail).context("setting up mail")?,
            job_wake: tokio::sync::Notify::new(),
            reference,
            spa_csp: spa::content_security_policy(&config.spa_dir),
            db,
            jwt,
            config: config.clone(),
            decoy_password_hash,
            roadmap_cache: Default::default(),
            rows: std::sync::Arc::new(RowCaches::new(row_cache_max_age)),
            clock: Default::default(),
            changes,
            texts: crate::texts::Texts::load()?,
            files: crate::files::FileStore::open(&config.files)
                .context("opening the files' store")?,
            search: crate::search::index::SearchIndex::open(config.search_index_dir.as_deref())
                .context("opening the search index")?,
            views: Default::default(),
        });
        // Before the first request: built when missing, caught up with the log otherwise.
        let indexed = state
            .search
            .sync(&state.db)
            .await
            .context("catching the search index up")?;
        tracing::info!(indexed, files = %state.files.describe, "knowledge base ready");
        tracing::info!(database = %redact_url(&state.config.database_url), spa = %state.config.spa_dir.display(), "configured");

        // Built and serialised once: each worker shares the bytes.
        let spec = crate::openapi::spec();
        let methods = web::Data::new(MethodTable::from_spec(&spec));
        let spec_json =
            web::Bytes::from(serde_json::to_vec(&spec).context("serialising the spec")?);
        let app_state = state.clone();
        let compressed_copies = spa::Precompressed::scan(&state.config.spa_dir);
        let server = HttpServer::new(move || {
            let state = app_state.clone();
            let swagger = SwaggerUi::new("/api/docs/{_:.*}")
                .config(utoipa_swagger_ui::Config::new(["/api/v1/openapi.json"]));
            let spec_json = spec_json.clone();
            let spa_dir = state.config.spa_dir.clone();
            let json = web::JsonConfig::default()
                .limit(state.config.json_limit)
                .error_handler(json_error);
            let app = App::new()
                .app_data(state.clone())
                .app_data(methods.clone())
                .app_data(telemetry::ExposeQueryCount(state.config.expose_query_count))
                .app_data(json)
                .app_data(web::QueryConfig::default().error_handler(query_error))
                .app_data(web::PathConfig::default().error_handler(path_error))
                .service(swagger)
                // The docs live under `/api/docs/`; the address without its slash is how people
                // type it, and matched nothing.
                .service(web::redirect("/api/docs", "/api/docs/").permanent())
                // Registered before the /api/v1 scope, which would otherwise swallow its path.
                .service(
                    web::resource("/api/v1/openapi.json")
                        .guard(actix_web::guard::Get())
                        .to(move || {
                            let spec = spec_json.clone();
                            async move {
                                HttpResponse::Ok()
                                    .content_type(ContentType::json())
                                    .body(spec)
                            }
                        }),
                )
                .configure(routes::probe_routes)
                .route("/metrics", web::get().to(routes::health::metrics))
                .service(web::scope("/api/v1").configure(routes::api_v1_routes));
            app.wrap(cors(&state.config.cors_origins))
                .wrap(security_headers())
                .wrap(from_fn(spa::headers))
                .wrap(Compress::default())
                .wrap(from_fn(crate::metrics::record_requests))
                .wrap(from_fn(telemetry::request_id))
                .service(spa::precompressed(compressed_copies.clone()))
                .service(spa::files(spa_dir.clone()))
                .default_service(fn_service(move |req: ServiceRequest| {
                    spa::fallback(req, spa_dir.clone())
                }))
        })
        .listen(listener)?
        .shutdown_timeout(10)
        .run();

        // Forget idle rate-limit keys now and then so memory stays flat.
        let limiter_state = state.clone();
        tokio::spawn(async move {
            let mut tick = tokio::time::interval(Duration::from_secs(60));
            loop {
                tick.tick().await;
                limiter_state.login_limiter.forget_idle();
                limiter_state.application_limiter.forget_idle();
            }
        });

        let listener =
            state
                .changes
                .listen(&state.db, &state.config.database_url, state.rows.clone());
        let worker = crate::jobs::worker::spawn(state.clone());
        let indexer = crate::knowledge::background(state.clone());
        Ok(Self {
            _indexer: indexer,
            port,
            server,
            state,
            _changes: listener,
            _worker: worker,
        })
    }

    pub fn port(&self) -> u16 {
        self.port
    }

    /// Serves until SIGINT/SIGTERM, then finishes the requests in flight (graceful shutdown).
    pub async fn run_until_stopped(self) -> std::io::Result<()> {
        let Self {
            server,
            _changes,
            _worker,
            _indexer,
            ..
        } = self;
        server.await
        // `_changes` and `_worker` are dropped here: they stop with the server.
    }
}

fn cors(origins: &[String]) -> Cors {
    origins
        .iter()
        .fold(Cors::default(), |cors, origin| cors.allowed_origin(origin))
        .allowed_methods([
            Method::GET,
            Method::POST,
            Method::PATCH,
            Method::PUT,
            Method::DELETE,
        ])
        .allowed_headers([
            header::AUTHORIZATION,
            header::CONTENT_TYPE,
            header::IF_MATCH,
            header::ACCEPT,
        ])
        .expose_headers([
            header::ETAG,
            header::RETRY_AFTER,
            telemetry::REQUEST_ID_HEADER,
        ])
        .max_age(3600)
}

fn security_headers() -> DefaultHeaders {
    DefaultHeaders::new()
        .add((header::X_CONTENT_TYPE_OPTIONS, "nosniff"))
        .add((header::REFERRER_POLICY, "strict-origin-when-cross-origin"))
        .add((header::X_FRAME_OPTIONS, "DENY"))
}

fn json_error(err: JsonPayloadError, _: &HttpRequest) -> actix_web::Error {
    let api_error = match &err {
        JsonPayloadError::OverflowKnownLength { limit, .. }
        | JsonPayloadError::Overflow { limit } => ApiError::new(
            StatusCode::PAYLOAD_TOO_LARGE,
            ErrorCode::PayloadTooLarge,
            format!("the body is larger than {limit} bytes"),
        ),
        JsonPayloadError::ContentType => ApiError::new(
            StatusCode::UNSUPPORTED_MEDIA_TYPE,
            ErrorCode::UnsupportedMediaType,
            "send the body as JSON with `Content-Type: application/json`",
        ),
        JsonPayloadError::Deserialize(e) if e.is_data() => ApiError::new(
            StatusCode::UNPROCESSABLE_ENTITY,
            ErrorCode::InvalidBody,
            format!("the body does not fit: {e}"),
        ),
        other => ApiError::bad_request(
            ErrorCode::MalformedJson,
            format!("the body is not valid JSON: {other}"),
        ),
    };
    api_error.into()
}

fn query_error(err: QueryPayloadError, _: &HttpRequest) -> actix_web::Error {
    ApiError::bad_request(
        ErrorCode::InvalidQuery,
        format!("invalid query string: {err}"),
    )
    .into()
}

/// A path that does not parse (say, a malformed id) names nothing that exists.
fn path_error(_: PathError, _: &HttpRequest) -> actix_web::Error {
    ApiError::not_found("resource").into()
}
