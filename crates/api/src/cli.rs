//! The `pioneer` command line.

use std::io::BufRead;

use anyhow::{Context, bail};
use clap::{Parser, Subcommand};
use pioneer_domain::Role;
use pioneer_domain::user::{NewUser, check_password};

use crate::config::Config;
use crate::members::{self, CreateUserError};
use crate::startup::Application;
use crate::{db, openapi, seed, telemetry};

#[derive(Debug, Parser)]
#[command(
    name = "pioneer",
    version,
    about = "Pioneer Hub: the server and its administration commands"
)]
#[command(
    after_help = "Configuration comes from the environment: DATABASE_URL (default \
    sqlite://data/pioneer.db?mode=rwc), BIND (127.0.0.1:8080), JWT_SECRET (generated beside the SQLite \
    file when absent), CORS_ORIGINS, LOG_FORMAT (text|json), SPA_DIR (frontend/dist), RUST_LOG."
)]
pub struct Cli {
    #[command(subcommand)]
    command: Option<Command>,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Serve the API and the web app (the default).
    Serve,
    /// Apply pending database migrations and exit.
    Migrate,
    /// Load data into the database.
    Seed {
        /// Create the demo accounts that do not exist yet (for trying the product, never production).
        #[arg(long)]
        demo: bool,
    },
    /// Create a user; the password is read from standard input.
    CreateUser {
        #[arg(long)]
        email: String,
        /// admin, secretariat, reviewer, country_focal_point, country_contributor or partner.
        #[arg(long)]
        role: Role,
        /// ISO 3166-1 alpha-3 code, for the two country roles.
        #[arg(long)]
        country: Option<String>,
        /// Display name (defaults to the part of the e-mail before the @).
        #[arg(long)]
        name: Option<String>,
        /// Read the password from standard input (required: passwords never go on the command line).
        #[arg(long, required = true)]
        password_stdin: bool,
    },
    /// Print the OpenAPI document (JSON). Touches no database.
    Openapi,
}

pub async fn run() -> anyhow::Result<()> {
    let cli = Cli::parse();
    let command = cli.command.unwrap_or(Command::Serve);
    if let Command::Openapi = command {
        print!("{}", openapi::spec_json());
        return Ok(());
    }
    let config = Config::from_env()?;
    telemetry::init(config.log_format);
    let database = db::connect(&config).await?;
    // The commands run outside the server: they read the same kind of clock it does.
    let clock = crate::clock::Clock::default();
    db::migrate(&database).await?;
    match command {
        Command::Serve => {
            let app = Application::build_with_db(config.clone(), database).await?;
            let host = config
                .bind
                .rsplit_once(':')
                .map_or("127.0.0.1", |(host, _)| host);
            let host = if host == "0.0.0.0" || host == "[::]" {
                "127.0.0.1"
            } else {
                host
            };
            println!("Pioneer Hub is listening on http://{host}:{}", app.port());
            db::warm_up(&app.state.db);
            app.run_until_stopped().await?;
            tracing::info!("stopped");
        }
        Command::Migrate => println!("database is up to date"),
        Command::Seed { demo } => {
            if !demo {
                bail!(
                    "say what to seed: `pioneer seed --demo` (reference data is loaded by the migrations)"
                );
            }
            let created = seed::demo(&database, clock.now()).await?;
            println!(
                "{created} demo account(s) created; password for all: {}",
                seed::DEMO_PASSWORD
            );
            if seed::demo_content(&database, clock.now()).await? {
                println!("demo roadmaps, reporting cycles and reports created");
            }
        }
        Command::CreateUser {
            email,
            role,
            country,
            name,
            password_stdin: _,
        } => {
            let mut password = String::new();
            std::io::stdin()
                .lock()
                .read_line(&mut password)
                .context("reading the password from standard input")?;
            let password = password.trim_end_matches(['\n', '\r']).to_owned();
            check_password(&password).map_err(|e| anyhow::anyhow!("{}", e.message))?;
            let name = name.unwrap_or_else(|| email.split('@').next().unwrap_or(&email).to_owned());
            let new_user = NewUser {
                email,
                name,
                role,
                country_code: country,
                password,
            };
            let created = members::create_user(&database, new_user, clock.now())
                .await
                .map_err(refusal)?;
            println!(
                "created {} ({}) with id {}",
                created.email, created.role, created.id
            );
        }
        Command::Openapi => {}
    }
    Ok(())
}

/// What `create-user` prints when the member is not created: an unknown country alone, else
/// every invalid field on a line of its own, as the API lists them in `details`.
fn refusal(err: CreateUserError) -> anyhow::Error {
    match err {
        CreateUserError::Invalid(errors) if errors.iter().all(|e| e.code == "unknown_country") => {
            let messages: Vec<_> = errors.iter().map(|e| e.message.as_str()).collect();
            anyhow::anyhow!("{}", messages.join("; "))
        }
        CreateUserError::Invalid(errors) => {
            let lines: Vec<_> = errors
                .iter()
                .map(|e| format!("{}: {}", e.field, e.message))
                .collect();
            anyhow::anyhow!("invalid user:\n  {}", lines.join("\n  "))
        }
        other => other.into(),
    }
}
