//! The table: figures, the ceiling, and the targets beside them, as Markdown (printed, written
//! to `bench/results/latest.md` and into the README between its bench markers).

use std::fmt::Write;
use std::path::Path;
use std::process::Command;

use crate::generate::{REPORT_YEARS, SYNTHESIS_YEAR};
use crate::load::LoadResult;
use crate::spa::{Interactive, SpaFile};
use crate::{BackendRun, SYNTHESIS_NO_CACHE, SYNTHESIS_SCENARIO, TREND_SCENARIO, WRITE_SCENARIO};

const README_BEGIN: &str = "<!-- bench:begin -->";
const README_END: &str = "<!-- bench:end -->";

pub struct RunOptions {
    pub seconds: u32,
    pub connections: u32,
    pub countries: usize,
}

pub struct Report<'a> {
    pub options: RunOptions,
    pub runs: &'a [BackendRun],
    pub ceiling: &'a [(&'static str, LoadResult)],
    pub spa_files: &'a [SpaFile],
    /// `None` when the run was limited with `--only`.
    pub interactive: Option<&'a Interactive>,
}

pub fn mb(bytes: u64) -> f64 {
    bytes as f64 / (1024.0 * 1024.0)
}

fn kb(bytes: u64) -> String {
    format!("{:.1} KB", bytes as f64 / 1000.0)
}

fn ms(us: u64) -> String {
    format!("{:.2}", us as f64 / 1000.0)
}

fn pretty_backend(backend: &str) -> &str {
    match backend {
        "sqlite" => "SQLite",
        "postgres" => "PostgreSQL",
        other => other,
    }
}

fn check(met: bool) -> &'static str {
    if met { "✅ met" } else { "❌ missed" }
}

/// CPU, cores, memory and OS of this machine, and today's date.
fn machine() -> String {
    let cpuinfo = std::fs::read_to_string("/proc/cpuinfo").unwrap_or_default();
    let cpu = cpuinfo
        .lines()
        .find_map(|l| l.strip_prefix("model name"))
        .map(|l| l.trim_start_matches([' ', '\t', ':']).to_owned())
        .unwrap_or_else(|| "unknown CPU".into());
    let cores = std::thread::available_parallelism().map_or(0, |n| n.get());
    let memory = std::fs::read_to_string("/proc/meminfo")
        .ok()
        .and_then(|m| {
            m.lines()
                .find_map(|l| l.strip_prefix("MemTotal:"))
                .and_then(|kb| kb.trim().trim_end_matches("kB").trim().parse::<u64>().ok())
        })
        .map_or_else(String::new, |kb| {
            format!(", {:.0} GiB RAM", kb as f64 / 1024.0 / 1024.0)
        });
    let os = std::fs::read_to_string("/etc/os-release")
        .ok()
        .and_then(|o| {
            o.lines()
                .find_map(|l| l.strip_prefix("PRETTY_NAME="))
                .map(|n| n.trim_matches('"').to_owned())
        })
        .unwrap_or_default();
    let command_line = |program: &str, args: &[&str]| {
        Command::new(program)
            .args(args)
            .output()
            .map(|o| {
                let text = [o.stdout, o.stderr].concat();
                String::from_utf8_lossy(&text)
                    .lines()
                    .next()
                    .unwrap_or_default()
                    .trim()
                    .to_owned()
            })
            .unwrap_or_default()
    };
    let date = command_line("date", &["-u", "+%Y-%m-%d %H:%M UTC"]);
    let wrk = command_line("wrk", &["--version"]);
    let wrk = wrk.split(" [").next().unwrap_or_default().to_owned();
    format!("{date} on {cpu}, {cores} cores{memory}, {os}; load by {wrk}")
}

impl Report<'_> {
    fn ceiling_of(&self, scenario: &str) -> Option<&LoadResult> {
        self.ceiling
            .iter()
            .find(|(name, _)| *name == scenario)
            .map(|(_, r)| r)
    }

    pub fn render(&self) -> String {
        let mut out = String::new();
        let o = &self.options;
        let _ = writeln!(out, "Measured {}.", machine());
        let _ = writeln!(
            out,
            "Release build on 127.0.0.1, wrk with 2 threads and {} connections for {} s per \
             scenario; server and load generator share the machine. Dataset, written through the \
             API: {} countries, each with a complete roadmap (5 priorities, 25 actions, 8 \
             indicators) approved as version 1, then for half of them a draft version 2, for a \
             quarter a submitted version 2, the last quarter left at the approved version; and \
             {} years of annual reports per country ({}–{}, each pre-filled from the year before, \
             with 5 action lines and 2 indicator values updated and the narrative written, \
             submitted and accepted).\n",
            o.connections,
            o.seconds,
            o.countries,
            REPORT_YEARS.count(),
            REPORT_YEARS.start(),
            REPORT_YEARS.end()
        );
        self.load_table(&mut out);
        self.targets_table(&mut out);
        self.spa_table(&mut out);
        self.notes(&mut out);
        out
    }

    fn load_table(&self, out: &mut String) {
        let _ = writeln!(
            out,
            "| scenario | backend | req/s | ceiling req/s | of ceiling | p50 ms | p99 ms | errors | 412 conflicts | peak RSS |"
        );
        let _ = writeln!(out, "|---|---|--:|--:|--:|--:|--:|--:|--:|--:|");
        let Some(first) = self.runs.first() else {
            return;
        };
        for (index, (scenario, _)) in first.results.iter().enumerate() {
            let ceiling = self.ceiling_of(scenario);
            for run in self.runs {
                let backend = pretty_backend(run.backend);
                match run.results.get(index).and_then(|(_, r)| r.as_ref()) {
                    Some((result, peak)) => {
                        let rps = result.requests_per_second();
                        let (ceiling_rps, ratio) =
                            ceiling.map_or(("–".to_owned(), "–".to_owned()), |c| {
                                let c = c.requests_per_second();
                                (format!("{c:.0}"), format!("{:.0} %", 100.0 * rps / c))
                            });
                        let _ = writeln!(
                            out,
                            "| {scenario} | {backend} | {rps:.0} | {ceiling_rps} | {ratio} | {} | {} | {} | {} | {:.1} MB |",
                            ms(result.p50_us),
                            ms(result.p99_us),
                            result.errors(),
                            result.conflicts(),
                            mb(*peak)
                        );
                    }
                    None => {
                        let _ = writeln!(
                            out,
                            "| {scenario} | {backend} | not built yet | | | | | | | |"
                        );
                    }
                }
            }
        }
        for run in self.runs {
            if let Some(alone) = &run.database_writes {
                let _ = writeln!(
                    out,
                    "| write: its database work alone, no HTTP | {} | {:.0} | – | – | {} | {} | 0 | – | – |",
                    pretty_backend(run.backend),
                    alone.per_second(),
                    ms(alone.p50.as_micros() as u64),
                    ms(alone.p99.as_micros() as u64)
                );
            }
        }
        for run in self.runs.iter().filter(|r| r.backend == "postgres") {
            if let Some(floor) = &run.floor {
                let _ = writeln!(
                    out,
                    "| pgbench -N (simple updates), the database alone | {} | {:.0} | – | – | {} | {} | 0 | – | – |",
                    pretty_backend(run.backend),
                    floor.per_second(),
                    ms(floor.p50.as_micros() as u64),
                    ms(floor.p99.as_micros() as u64)
                );
            }
        }
        let _ = writeln!(out);
    }

    fn targets_table(&self, out: &mut String) {
        let _ = writeln!(out, "| target | figure | |");
        let _ = writeln!(out, "|---|---|---|");
        let per_backend = |f: &dyn Fn(&BackendRun) -> String| {
            self.runs
                .iter()
                .map(|run| format!("{} {}", pretty_backend(run.backend), f(run)))
                .collect::<Vec<_>>()
                .join(", ")
        };
        let loads = |run: &BackendRun| -> Vec<(&'static str, LoadResult, u64)> {
            run.results
                .iter()
                .filter_map(|(name, r)| r.as_ref().map(|(l, p)| (*name, l.clone(), *p)))
                .collect()
        };

        // A scenario's figures, when it ran.
        let load_of = |run: &BackendRun, scenario: &str| {
            loads(run)
                .into_iter()
                .find(|(n, _, _)| *n == scenario)
                .map(|(_, l, _)| l)
        };
        let ratio = |run: &BackendRun, scenario: &str| -> Option<f64> {
            let rps = load_of(run, scenario)?.requests_per_second();
            let ceiling = self.ceiling_of(scenario)?.requests_per_second();
            Some(100.0 * rps / ceiling)
        };
        let percent = |value: Option<f64>| value.map_or("–".into(), |v| format!("{v:.0} %"));
        let read = "read a full roadmap";
        let _ = writeln!(
            out,
            "| reading a full roadmap ≥ 25 % of the ceiling | {} | {} |",
            per_backend(&|r| percent(ratio(r, read))),
            check(
                self.runs
                    .iter()
                    .all(|r| ratio(r, read).is_some_and(|v| v >= 25.0))
            )
        );
        let _ = writeln!(
            out,
            "| a cycle's synthesis (cached) ≥ 25 % of the ceiling | {} | {} |",
            per_backend(&|r| percent(ratio(r, SYNTHESIS_SCENARIO))),
            check(
                self.runs
                    .iter()
                    .all(|r| ratio(r, SYNTHESIS_SCENARIO).is_some_and(|v| v >= 25.0))
            )
        );

        // Reads and writes apart: SQLite takes one writer at a time, so the writes' tail is
        // the queue of 64 writers, whatever a read costs. The uncached synthesis runs at one
        // connection, against its own target.
        let is_write = |name: &str| name.starts_with("write");
        let worst_p99 = |run: &BackendRun, writes: bool| {
            loads(run)
                .into_iter()
                .filter(|(n, _, _)| is_write(n) == writes && *n != SYNTHESIS_NO_CACHE)
                .max_by_key(|(_, l, _)| l.p99_us)
                .map(|(n, l, _)| (n, l.p99_us))
        };
        let _ = writeln!(
            out,
            "| p99 under 20 ms at {} connections, reads | worst: {} | {} |",
            self.options.connections,
            per_backend(&|r| worst_p99(r, false)
                .map_or("–".into(), |(n, p)| format!("{} ms ({n})", ms(p)))),
            check(
                self.runs
                    .iter()
                    .all(|r| worst_p99(r, false).is_none_or(|(_, p)| p < 20_000))
            )
        );
        let p99_of = |run: &BackendRun, scenario: &str| load_of(run, scenario).map(|l| l.p99_us);
        let p99_text = |p99: Option<u64>| p99.map_or("–".into(), |p| format!("{} ms", ms(p)));
        let _ = writeln!(
            out,
            "| a cycle's synthesis from the database (no cache) p99 under 50 ms | {} | {} |",
            per_backend(&|r| p99_text(p99_of(r, SYNTHESIS_NO_CACHE))),
            check(
                self.runs
                    .iter()
                    .all(|r| p99_of(r, SYNTHESIS_NO_CACHE).is_some_and(|p| p < 50_000))
            )
        );
        let _ = writeln!(
            out,
            "| a country's ten-year trend p99 under 20 ms at {} connections | {} | {} |",
            self.options.connections,
            per_backend(&|r| p99_text(p99_of(r, TREND_SCENARIO))),
            check(
                self.runs
                    .iter()
                    .all(|r| p99_of(r, TREND_SCENARIO).is_some_and(|p| p < 20_000))
            )
        );
        // Writes against what the database alone does here, at the same connections.
        let share = |run: &BackendRun| -> Option<(f64, f64)> {
            let (load, floor) = (load_of(run, WRITE_SCENARIO)?, run.floor.as_ref()?);
            let rate = 100.0 * load.requests_per_second() / floor.per_second().max(1e-9);
            let tail = load.p99_us as f64 / (floor.p99.as_micros() as f64).max(1.0);
            Some((rate, tail))
        };
        let floor_name = |run: &BackendRun| match run.backend {
            "postgres" => "pgbench -N",
            _ => "its statements alone",
        };
        let _ = writeln!(
            out,
            "| writes ≥ 50 % of the database's floor at {} connections, p99 ≤ 2 × the floor's | {} | {} |",
            self.options.connections,
            per_backend(&|r| share(r).map_or("–".into(), |(rate, tail)| format!(
                "{rate:.0} % of {}, p99 {tail:.1} ×",
                floor_name(r)
            ))),
            check(
                self.runs
                    .iter()
                    .all(|r| share(r).is_some_and(|(rate, tail)| rate >= 50.0 && tail <= 2.0))
            )
        );

        let errors = |run: &BackendRun| loads(run).iter().map(|(_, l, _)| l.errors()).sum::<u64>();
        let _ = writeln!(
            out,
            "| zero errors | {} | {} |",
            per_backend(&|r| errors(r).to_string()),
            check(self.runs.iter().all(|r| errors(r) == 0))
        );

        // The scenarios' peaks, and the data generation's (a load of writes and sign-ins).
        let peak = |run: &BackendRun| {
            loads(run)
                .iter()
                .map(|(_, _, p)| *p)
                .chain([run.dataset.peak_rss])
                .max()
                .unwrap_or(0)
        };
        let _ = writeln!(
            out,
            "| server RSS under 100 MB under load (the scenarios and the data generation) | {} | {} |",
            per_backend(&|r| format!("{:.1} MB", mb(peak(r)))),
            check(self.runs.iter().all(|r| mb(peak(r)) < 100.0))
        );
        let _ = writeln!(
            out,
            "| server RSS under 30 MB idle (after start; after the load) | {} | {} |",
            per_backend(&|r| format!("{:.1} MB; {:.1} MB", mb(r.idle_rss), mb(r.rss_after_load))),
            check(self.runs.iter().all(|r| mb(r.idle_rss) < 30.0))
        );
        let _ = writeln!(
            out,
            "| ready under 1 s after start on an existing database | {} | {} |",
            per_backend(&|r| format!("{} ms", r.ready.as_millis())),
            check(self.runs.iter().all(|r| r.ready.as_millis() < 1000))
        );
        if let Some(slow) = self.interactive.and_then(|i| i.slow.as_ref()) {
            let link = "1.6 Mbps down, 750 kbps up, 150 ms";
            for (what, cold_ms, budget_ms) in [
                (
                    "the sign-in page ready for input",
                    slow.signin_cold_ms,
                    2_500.0,
                ),
                (
                    "a signed-in member's roadmap page showing its content",
                    slow.roadmap_cold_ms,
                    3_500.0,
                ),
            ] {
                let _ = writeln!(
                    out,
                    "| {what} under {:.1} s on a slow link ({link}), empty cache | {cold_ms:.0} ms | {} |",
                    budget_ms / 1000.0,
                    check(cold_ms < budget_ms)
                );
            }
            let warm = slow.signin_warm_ms.max(slow.roadmap_warm_ms);
            let _ = writeln!(
                out,
                "| both under 0.5 s warm (cached) on the same link | sign-in {:.0} ms, roadmap {:.0} ms | {} |",
                slow.signin_warm_ms,
                slow.roadmap_warm_ms,
                check(warm < 500.0)
            );
        }
        let _ = writeln!(out);
    }

    fn spa_table(&self, out: &mut String) {
        let brotli = |size: Option<u64>| size.map_or_else(|| "–".to_owned(), kb);
        let _ = writeln!(
            out,
            "| SPA file | raw | gzip -9 | brotli -11 (sent to browsers that accept it) |"
        );
        let _ = writeln!(out, "|---|--:|--:|--:|");
        for file in self.spa_files {
            let _ = writeln!(
                out,
                "| `{}` | {} | {} | {} |",
                file.name,
                kb(file.raw),
                kb(file.gzip),
                brotli(file.brotli)
            );
        }
        let raw: u64 = self.spa_files.iter().map(|f| f.raw).sum();
        let gzip: u64 = self.spa_files.iter().map(|f| f.gzip).sum();
        let all_brotli = self.spa_files.iter().map(|f| f.brotli).sum::<Option<u64>>();
        let _ = writeln!(
            out,
            "| **total** | {} | {} | {} |",
            kb(raw),
            kb(gzip),
            brotli(all_brotli)
        );
        let Some(i) = self.interactive else {
            let _ = writeln!(out, "\nTime to interactive: not measured (`--only`).\n");
            return;
        };
        let _ = writeln!(
            out,
            "\nHeadless Chromium, from navigation to the sign-in form ready for input (median of 7): \
             {:.0} ms cold (empty cache; {} downloaded, compressed as served), {:.0} ms warm \
             (reload, hashed files from the cache).\n",
            i.cold_ms,
            kb(i.transfer_bytes),
            i.warm_ms
        );
        let Some(slow) = &i.slow else { return };
        let _ = writeln!(
            out,
            "On the slow link, every file the browser fetched for the roadmap page, empty cache \
             (as sent: what crossed the link, compressed):\n\n| file | raw | as sent |\n|---|--:|--:|"
        );
        for file in &slow.files {
            let _ = writeln!(
                out,
                "| `{}` | {} | {} |",
                file.path,
                kb(file.raw),
                kb(file.sent)
            );
        }
        let raw: u64 = slow.files.iter().map(|f| f.raw).sum();
        let sent: u64 = slow.files.iter().map(|f| f.sent).sum();
        let _ = writeln!(out, "| **total** | {} | {} |\n", kb(raw), kb(sent));
    }

    fn notes(&self, out: &mut String) {
        for run in self.runs {
            let d = &run.dataset;
            let _ = writeln!(
                out,
                "- Data generation on {}: {} roadmaps with their focal points and {} reports, {} \
                 API requests in {:.1} s ({:.0} requests/s, 8 countries at a time); the server's \
                 peak RSS meanwhile {:.1} MB ({} passwords hashed or checked).",
                pretty_backend(run.backend),
                d.roadmaps.len(),
                d.reports,
                d.requests,
                d.elapsed.as_secs_f64(),
                d.requests as f64 / d.elapsed.as_secs_f64().max(0.001),
                mb(d.peak_rss),
                2 * d.roadmaps.len()
            );
        }
        let _ = writeln!(
            out,
            "- The ceiling is a minimal actix-web handler answering the same document (a \
             sample answer of each scenario) to the same wrk script; 412 conflicts are two \
             connections writing one roadmap at once, answered as designed, not errors.\n\
             - A write's database work alone: the statements of the PATCH (the roadmap and the \
             action read, then `BEGIN`, the revision bump, the update, the history entry and \
             `COMMIT`) run by as many tasks as wrk has connections, each on its own action, \
             through the server's own pool and SQLite writer queue, in the bench's process with \
             the server stopped. It is SQLite's floor for the writes target (SQLite takes one \
             writer at a time: the statements cannot go faster here); PostgreSQL's is pgbench's \
             simple-update script (`-N`) at the same connections, on the same server.\n\
             - The slow link is Chromium's network emulation (1.6 Mbps down, 750 kbps up, 150 ms \
             added to each request), a common mobile link in several pioneer countries; \
             \"showing its content\" is the roadmap's title on screen, for a member whose session \
             is stored, with nothing in the cache.\n\
             - A cycle's synthesis is the secretariat's `GET /reporting-cycles/{SYNTHESIS_YEAR}/synthesis` \
             over the year's accepted reports, one per country (every one late: they were \
             submitted now, after the historical cycles' due dates, so the synthesis's list of \
             late reports is at its longest); the server keeps it until a report or a roadmap \
             changes. \"From the database (no cache)\" is the same request to the server \
             restarted on the same database with `ROW_CACHE_MAX_AGE_MS=0` (every cache off: the \
             reports read and the synthesis computed on each request), by one connection for \
             {} s, after one untimed request (the first after a start waits for the pool's \
             connections to open). A country's ten-year trend is the reviewer's `GET /countries/{{code}}/trend` \
             over every country in turn, computed on each request.\n\
             - The search has a benchmark of its own, over 50 000 resources (`cargo xtask bench \
             search`, above).",
            self.options.seconds
        );
    }
}

/// Replaces the README's section between the bench markers with `report`.
pub fn update_readme(readme: &Path, report: &str) -> anyhow::Result<()> {
    let text = std::fs::read_to_string(readme)?;
    let (Some(begin), Some(end)) = (text.find(README_BEGIN), text.find(README_END)) else {
        anyhow::bail!(
            "README.md has no {README_BEGIN} … {README_END} section for the bench results"
        );
    };
    let updated = format!("{}{README_BEGIN}\n{report}{}", &text[..begin], &text[end..]);
    std::fs::write(readme, updated)?;
    Ok(())
}
