//! `pioneer-bench`: generates a realistic dataset through the API, loads the release server
//! with wrk on SQLite and PostgreSQL, loads a minimal actix-web handler the same way (the
//! machine's ceiling), measures memory, start-up and the SPA, and prints one table with the
//! targets beside the figures. `pioneer-bench soak` runs the mixed load for minutes and
//! watches memory. Run it through `cargo xtask bench` (which builds everything first).

mod database_alone;
mod generate;
mod load;
mod pgbench;
mod report;
mod search;
mod server;
mod spa;

use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use anyhow::{Context, bail};
use database_alone::{ActionRef, DatabaseWrites};
use reqwest::{Method, StatusCode};

use generate::{Api, CountryRoadmap, DEMO_PASSWORD, Dataset, Outcome, SYNTHESIS_YEAR};
use load::{LoadParams, LoadResult, Target};
use server::{Process, ServerSetup};

const USAGE: &str =
    "usage: pioneer-bench [--seconds N] [--connections N] [--countries N] [--no-postgres] [--only TEXT]
       pioneer-bench soak [--minutes N] [--postgres]
       pioneer-bench search [--resources N] [--no-postgres]

--only TEXT runs just the scenarios whose name contains TEXT (for profiling); it prints the
table but leaves the README and bench/results alone.";

struct Options {
    soak: bool,
    search: bool,
    resources: usize,
    seconds: u32,
    connections: u32,
    countries: usize,
    postgres: bool,
    minutes: u32,
    only: Option<String>,
}

fn options() -> anyhow::Result<Options> {
    let mut args = std::env::args().skip(1).peekable();
    let soak = args.peek().is_some_and(|a| a == "soak");
    let search = args.peek().is_some_and(|a| a == "search");
    if soak || search {
        args.next();
    }
    let mut options = Options {
        soak,
        search,
        resources: 50_000,
        seconds: 10,
        connections: 64,
        countries: 200,
        postgres: !soak,
        minutes: 10,
        only: None,
    };
    while let Some(arg) = args.next() {
        let mut number = |name: &str| -> anyhow::Result<u32> {
            let value = args
                .next()
                .with_context(|| format!("{name} needs a value"))?;
            value
                .parse()
                .ok()
                .filter(|&n| n > 0)
                .with_context(|| format!("{name} must be a positive number, not `{value}`"))
        };
        match arg.as_str() {
            "--seconds" => options.seconds = number("--seconds")?,
            "--connections" => options.connections = number("--connections")?,
            "--countries" => options.countries = number("--countries")? as usize,
            "--resources" => options.resources = number("--resources")? as usize,
            "--minutes" => options.minutes = number("--minutes")?,
            "--no-postgres" => options.postgres = false,
            "--postgres" => options.postgres = true,
            "--only" => options.only = Some(args.next().context("--only needs a value")?),
            "-h" | "--help" => {
                println!("{USAGE}");
                std::process::exit(0);
            }
            other => bail!("unknown argument `{other}`\n{USAGE}"),
        }
    }
    Ok(options)
}

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    let options = options()?;
    if options.search {
        if !server::release_binary("pioneer").exists() {
            bail!(
                "target/release/pioneer is missing: run `cargo xtask bench search`, which builds it"
            );
        }
        return search_bench(&options).await;
    }
    for tool in ["wrk"] {
        if Command::new(tool).arg("--version").output().is_err() {
            bail!(
                "`{tool}` is not installed (apt-get install {tool}); `cargo xtask bench` installs it"
            );
        }
    }
    for binary in ["pioneer", "ceiling"] {
        if !server::release_binary(binary).exists() {
            bail!("target/release/{binary} is missing: run `cargo xtask bench`, which builds it");
        }
    }
    if options.soak {
        soak(&options).await
    } else {
        bench(&options).await
    }
}

/// `pioneer-bench search`: the knowledge base's search on each backend; prints the table and
/// keeps it in `bench/results/search.md`.
async fn search_bench(options: &Options) -> anyhow::Result<()> {
    let mut backends = vec!["sqlite"];
    if options.postgres {
        backends.push("postgres");
    }
    let mut runs = Vec::new();
    for backend in backends {
        runs.push(search::run(backend, fresh_setup(backend)?, options.resources).await?);
    }
    let table = search::table(&runs);
    println!("{table}");
    let path = server::root().join("bench/results/search.md");
    std::fs::write(
        &path,
        format!(
            "{table}\nMachine: {} cores.\n",
            std::thread::available_parallelism().map_or(0, usize::from)
        ),
    )?;
    eprintln!("written to {}", path.display());
    Ok(())
}

/// The scenarios, named as in the table; `None` where the feature does not exist yet.
pub struct Scenario {
    pub name: &'static str,
    pub targets: Option<Vec<Target>>,
}

/// What one backend measured.
pub struct BackendRun {
    pub backend: &'static str,
    pub dataset: Dataset,
    pub ready: Duration,
    pub idle_rss: u64,
    pub rss_after_load: u64,
    pub results: Vec<(&'static str, Option<(LoadResult, u64)>)>,
    /// The write scenario's database work without the server (`None` when it did not run).
    pub database_writes: Option<DatabaseWrites>,
    /// What the database alone does on this machine, that the writes are held against:
    /// pgbench's simple updates on PostgreSQL; on SQLite, the write's own statements through
    /// the SQLite library, one writer at a time (`database_writes`).
    pub floor: Option<DatabaseWrites>,
    /// A sample answer of each scenario, for the ceiling.
    pub samples: Vec<(&'static str, Vec<u8>)>,
}

fn postgres_base() -> String {
    std::env::var("BENCH_POSTGRES_URL")
        .unwrap_or_else(|_| "postgres://postgres@127.0.0.1:5432".into())
        .trim_end_matches('/')
        .to_owned()
}

/// A fresh database and work folder for `backend`.
fn fresh_setup(backend: &str) -> anyhow::Result<ServerSetup> {
    let work_dir = server::root().join("target/bench").join(backend);
    let _ = std::fs::remove_dir_all(&work_dir);
    std::fs::create_dir_all(&work_dir)?;
    let database_url = if backend == "sqlite" {
        format!("sqlite://{}/pioneer.db?mode=rwc", work_dir.display())
    } else {
        let base = postgres_base();
        server::psql(&base, "DROP DATABASE IF EXISTS pioneer_bench WITH (FORCE)")?;
        server::psql(&base, "CREATE DATABASE pioneer_bench")?;
        format!("{base}/pioneer_bench")
    };
    Ok(ServerSetup {
        database_url,
        work_dir,
        port: server::free_port()?,
    })
}

/// Seeds, generates the dataset, and restarts the server on the existing database (timing
/// it); answers the running server and what was generated.
async fn prepare(
    backend: &'static str,
    countries: usize,
) -> anyhow::Result<(ServerSetup, Process, Duration, Dataset)> {
    let setup = fresh_setup(backend)?;
    setup.seed()?;
    let (server, _) = setup.start()?;
    let api = Api::new(setup.base())?;
    eprintln!(
        "[{backend}] generating {countries} countries' roadmaps and {} years of reports through the API…",
        generate::REPORT_YEARS.count()
    );
    let sampler = server.sample_rss();
    let mut dataset = generate::generate(&api, countries).await?;
    dataset.peak_rss = sampler.finish();
    eprintln!(
        "[{backend}] {} roadmaps, {} reports, {} requests in {:.1} s",
        dataset.roadmaps.len(),
        dataset.reports,
        dataset.requests,
        dataset.elapsed.as_secs_f64()
    );
    drop(server);
    let (server, ready) = setup.start()?;
    Ok((setup, server, ready, dataset))
}

pub const WRITE_SCENARIO: &str = "write: PATCH an action";
pub const SYNTHESIS_SCENARIO: &str = "a cycle's synthesis";
pub const TREND_SCENARIO: &str = "a country's ten-year trend";
/// The synthesis computed on every request: the server restarted with its caches off, one
/// connection (its own row, with no ceiling).
pub const SYNTHESIS_NO_CACHE: &str = "a cycle's synthesis, from the database (no cache)";

/// The readers' access tokens that the scenarios send.
pub struct Readers {
    /// The Core Support Group's reviewer: roadmaps, lists, the queue, trends.
    pub reviewer: String,
    /// The secretariat: the cycle's synthesis.
    pub secretariat: String,
}

impl Readers {
    async fn sign_in(api: &Api) -> anyhow::Result<Self> {
        Ok(Self {
            reviewer: api.login("reviewer@pioneer.test", DEMO_PASSWORD).await?,
            secretariat: api.login("secretariat@pioneer.test", DEMO_PASSWORD).await?,
        })
    }

    /// For the ceiling, which reads no token.
    fn anyone() -> Self {
        Self {
            reviewer: "ceiling".into(),
            secretariat: "ceiling".into(),
        }
    }
}

/// The actions that the write scenario edits (each draft roadmap's first).
fn draft_actions(roadmaps: &[CountryRoadmap]) -> anyhow::Result<Vec<ActionRef>> {
    roadmaps
        .iter()
        .filter(|r| r.outcome == Outcome::Draft)
        .map(|r| {
            Ok(ActionRef {
                roadmap_id: r.roadmap_id.parse().context("a roadmap id")?,
                action_id: r.first_action_id.parse().context("an action id")?,
            })
        })
        .collect()
}

fn scenarios(roadmaps: &[CountryRoadmap], readers: &Readers) -> Vec<Scenario> {
    let get = |path: String| Target::Get {
        path,
        token: readers.reviewer.clone(),
    };
    // The quarter of the countries whose latest version is the approved one.
    let approved = roadmaps
        .iter()
        .filter(|r| r.outcome == Outcome::Approved)
        .map(|r| get(format!("/api/v1/roadmaps/{}", r.roadmap_id)))
        .collect();
    let writes = roadmaps
        .iter()
        .filter(|r| r.outcome == Outcome::Draft)
        .map(|r| Target::PatchAction {
            path: format!(
                "/api/v1/roadmaps/{}/actions/{}",
                r.roadmap_id, r.first_action_id
            ),
            token: r.token.clone(),
            action_id: r.first_action_id.clone(),
            etag: r.etag.clone(),
        })
        .collect();
    vec![
        Scenario {
            name: "read a full roadmap",
            targets: Some(approved),
        },
        Scenario {
            name: "list roadmaps by status",
            targets: Some(vec![get("/api/v1/roadmaps?status=approved".into())]),
        },
        Scenario {
            name: "review queue",
            targets: Some(vec![get("/api/v1/review-queue".into())]),
        },
        Scenario {
            name: SYNTHESIS_SCENARIO,
            targets: Some(vec![Target::Get {
                path: format!("/api/v1/reporting-cycles/{SYNTHESIS_YEAR}/synthesis"),
                token: readers.secretariat.clone(),
            }]),
        },
        Scenario {
            name: TREND_SCENARIO,
            targets: Some(
                roadmaps
                    .iter()
                    .map(|r| get(format!("/api/v1/countries/{}/trend", r.country)))
                    .collect(),
            ),
        },
        Scenario {
            name: WRITE_SCENARIO,
            targets: Some(writes),
        },
    ]
}

/// The roadmap an action's path belongs to, with its ETag.
async fn roadmap_of_action(
    api: &Api,
    action_path: &str,
    token: &str,
) -> anyhow::Result<(serde_json::Value, Option<String>)> {
    let roadmap = action_path.split("/actions/").next().unwrap_or(action_path);
    api.call(
        Method::GET,
        roadmap,
        Some(token),
        None,
        None,
        StatusCode::OK,
    )
    .await
}

/// Brings each write target's `If-Match` up to date (earlier runs moved the revisions on).
async fn refresh_etags(api: &Api, targets: &mut [Target]) -> anyhow::Result<()> {
    for target in targets {
        if let Target::PatchAction {
            path, token, etag, ..
        } = target
        {
            let (_, current) = roadmap_of_action(api, path, token).await?;
            *etag = current.context("no ETag on a roadmap")?;
        }
    }
    Ok(())
}

/// One answer of the scenario's first target, as the ceiling will send it.
async fn sample(api: &Api, targets: &[Target]) -> anyhow::Result<Vec<u8>> {
    let (path, token) = match targets.first().context("no targets")? {
        Target::Get { path, token } => (path.clone(), token),
        // A PATCH answers the action: take it from the roadmap, as compact JSON.
        Target::PatchAction {
            path,
            token,
            action_id,
            ..
        } => {
            let (body, _) = roadmap_of_action(api, path, token).await?;
            let action = body["actions"]
                .as_array()
                .and_then(|a| a.iter().find(|x| x["id"] == action_id.as_str()))
                .context("the action is not in its roadmap")?;
            return Ok(serde_json::to_vec(action)?);
        }
    };
    let response = api
        .client
        .get(format!("{}{path}", api.base))
        .bearer_auth(token)
        .send()
        .await?;
    Ok(response.bytes().await?.to_vec())
}

async fn run_backend(backend: &'static str, options: &Options) -> anyhow::Result<BackendRun> {
    let (setup, server, ready, dataset) = prepare(backend, options.countries).await?;
    std::thread::sleep(Duration::from_secs(1));
    let idle_rss = server.rss();
    let api = Api::new(setup.base())?;
    let readers = Readers::sign_in(&api).await?;
    let params = LoadParams {
        connections: options.connections,
        threads: 2,
        seconds: options.seconds,
    };
    let wanted = |name: &str| {
        options
            .only
            .as_ref()
            .is_none_or(|only| name.contains(only.as_str()))
    };
    let mut results = Vec::new();
    let mut samples = Vec::new();
    let mut synthesis_targets = None;
    for scenario in scenarios(&dataset.roadmaps, &readers) {
        if scenario.name == SYNTHESIS_SCENARIO {
            synthesis_targets.clone_from(&scenario.targets);
        }
        if !wanted(scenario.name) {
            continue;
        }
        let Some(mut targets) = scenario.targets else {
            results.push((scenario.name, None));
            continue;
        };
        samples.push((scenario.name, sample(&api, &targets).await?));
        refresh_etags(&api, &mut targets).await?;
        eprintln!("[{backend}] {} …", scenario.name);
        let sampler = server.sample_rss();
        let result = load::run(&setup.base(), &targets, &params, &setup.work_dir)?;
        let peak = sampler.finish();
        results.push((scenario.name, Some((result, peak))));
    }
    std::thread::sleep(Duration::from_secs(2));
    let rss_after_load = server.rss();
    drop(server);
    if let Some(targets) = synthesis_targets.filter(|_| wanted(SYNTHESIS_NO_CACHE)) {
        eprintln!("[{backend}] {SYNTHESIS_NO_CACHE}, 1 connection …");
        let (server, _) = setup.start_with_env(&[("ROW_CACHE_MAX_AGE_MS", "0")])?;
        // As the scenarios above, on a server up for a second, past its first request (which
        // waits for the pool's connections to open: half a second on PostgreSQL), so that the
        // p99 is the synthesis computed, not the start.
        std::thread::sleep(Duration::from_secs(1));
        sample(&api, &targets).await?;
        let one = LoadParams {
            connections: 1,
            threads: 1,
            seconds: options.seconds,
        };
        let sampler = server.sample_rss();
        let result = load::run(&setup.base(), &targets, &one, &setup.work_dir)?;
        let peak = sampler.finish();
        drop(server);
        // Beside the cached synthesis in the table.
        let at = results
            .iter()
            .position(|(name, _)| *name == SYNTHESIS_SCENARIO)
            .map_or(results.len(), |i| i + 1);
        results.insert(at, (SYNTHESIS_NO_CACHE, Some((result, peak))));
    }
    let database_writes = if results.iter().any(|(name, _)| *name == WRITE_SCENARIO) {
        eprintln!("[{backend}] the writes' database work alone …");
        let actions = draft_actions(&dataset.roadmaps)?;
        Some(
            database_alone::run(
                &setup.database_url,
                &actions,
                options.connections,
                options.seconds,
            )
            .await?,
        )
    } else {
        None
    };
    let floor = match (backend, &database_writes) {
        (_, None) => None,
        ("postgres", Some(_)) => {
            eprintln!("[{backend}] pgbench -N, the database's own floor …");
            Some(pgbench::floor(
                &postgres_base(),
                options.connections,
                options.seconds,
                &setup.work_dir,
            )?)
        }
        (_, Some(alone)) => Some(alone.clone()),
    };
    Ok(BackendRun {
        backend,
        dataset,
        ready,
        idle_rss,
        rss_after_load,
        results,
        database_writes,
        floor,
        samples,
    })
}

/// The same load against the minimal handler, answering each scenario's sample document.
fn run_ceiling(
    samples: &[(&'static str, Vec<u8>)],
    params: &LoadParams,
    targets_of: impl Fn(&str) -> Vec<Target>,
) -> anyhow::Result<Vec<(&'static str, LoadResult)>> {
    let work_dir = server::root().join("target/bench/ceiling");
    std::fs::create_dir_all(&work_dir)?;
    let mut results = Vec::new();
    for (name, body) in samples {
        let body_file = work_dir.join("body.json");
        std::fs::write(&body_file, body)?;
        let port = server::free_port()?;
        let mut cmd = Command::new(server::release_binary("ceiling"));
        cmd.arg(format!("127.0.0.1:{port}"))
            .arg(&body_file)
            .stdout(Stdio::null());
        let ceiling = Process::spawn(cmd)?;
        let base = format!("http://127.0.0.1:{port}");
        server::wait_ready(&format!("{base}/"), Instant::now())?;
        eprintln!("[ceiling] {name} ({} bytes) …", body.len());
        let result = load::run(&base, &targets_of(name), params, &work_dir)?;
        drop(ceiling);
        results.push((*name, result));
    }
    Ok(results)
}

async fn bench(options: &Options) -> anyhow::Result<()> {
    let root = server::root();
    let params = LoadParams {
        connections: options.connections,
        threads: 2,
        seconds: options.seconds,
    };
    let mut runs = vec![run_backend("sqlite", options).await?];
    // The ceiling answers the SQLite run's samples; wrk sends it the same requests.
    let ceiling = {
        let sqlite = &runs[0];
        let all = scenarios(&sqlite.dataset.roadmaps, &Readers::anyone());
        run_ceiling(&sqlite.samples, &params, |name| {
            all.iter()
                .find(|s| s.name == name)
                .and_then(|s| s.targets.clone())
                .unwrap_or_default()
        })?
    };
    // A profiling run (`--only`) skips the SPA.
    let (spa_files, interactive) = if options.only.is_some() {
        (Vec::new(), None)
    } else {
        let setup = fresh_setup("spa")?;
        setup.seed()?;
        let (_server, _) = setup.start()?;
        eprintln!("[spa] time to interactive in headless Chromium …");
        (
            spa::files(&root.join("frontend/dist"))?,
            Some(spa::time_to_interactive(&root, &setup.base())?),
        )
    };
    if options.postgres {
        runs.push(run_backend("postgres", options).await?);
    }
    let report = report::Report {
        options: report::RunOptions {
            seconds: options.seconds,
            connections: options.connections,
            countries: options.countries,
        },
        runs: &runs,
        ceiling: &ceiling,
        spa_files: &spa_files,
        interactive: interactive.as_ref(),
    }
    .render();
    println!("{report}");
    if options.only.is_some() {
        return Ok(());
    }
    let results = root.join("bench/results/latest.md");
    std::fs::create_dir_all(root.join("bench/results"))?;
    std::fs::write(&results, &report)?;
    report::update_readme(&root.join("README.md"), &report)?;
    eprintln!("written to {} and README.md", results.display());
    Ok(())
}

/// Mixed load (reads, lists, the queue, the synthesis, trends and writes) for `minutes`, in
/// 30-second rounds, with the server's memory after each: it must stay flat.
async fn soak(options: &Options) -> anyhow::Result<()> {
    let backend = if options.postgres {
        "postgres"
    } else {
        "sqlite"
    };
    let (setup, server, _, dataset) = prepare(backend, options.countries).await?;
    let api = Api::new(setup.base())?;
    let readers = Readers::sign_in(&api).await?;
    let mut mixed: Vec<Target> = Vec::new();
    for scenario in scenarios(&dataset.roadmaps, &readers) {
        mixed.extend(scenario.targets.unwrap_or_default());
    }
    let params = LoadParams {
        connections: options.connections,
        threads: 2,
        seconds: 30,
    };
    let rounds = (options.minutes * 2).max(2);
    let mut rss = Vec::new();
    let started = Instant::now();
    println!("round  elapsed  req/s   p99 ms  errors  RSS MB");
    for round in 1..=rounds {
        refresh_etags(&api, &mut mixed).await?;
        let result = load::run(&setup.base(), &mixed, &params, &setup.work_dir)?;
        let now = server.rss();
        rss.push(now);
        println!(
            "{round:>5}  {:>6.0}s  {:>6.0}  {:>6.1}  {:>6}  {:>6.1}",
            started.elapsed().as_secs_f64(),
            result.requests_per_second(),
            result.p99_us as f64 / 1000.0,
            result.errors(),
            report::mb(now)
        );
        if result.errors() > 0 {
            bail!("round {round}: {} errors", result.errors());
        }
    }
    // Flat: after the first third (caches and pools warm up), memory grows by under 10 %.
    let settled = rss[rss.len() / 3];
    let last = rss.last().copied().unwrap_or(settled);
    let growth = last as f64 / settled.max(1) as f64 - 1.0;
    println!(
        "memory after warm-up {:.1} MB, at the end {:.1} MB: {:+.1} % ({})",
        report::mb(settled),
        report::mb(last),
        growth * 100.0,
        if growth < 0.10 { "flat" } else { "GROWING" }
    );
    if growth >= 0.10 {
        bail!("memory grew by {:.1} % during the soak", growth * 100.0);
    }
    Ok(())
}
