//! This replica's index of the published resources, the experts and the partner organisations
//! ([`Entry`]), kept current from the database's ordered log of their changes
//! (`store::search_log`).
//!
//! The index remembers, in its own commit, the schema it was built with and the last log entry
//! it applied. At start it is opened where it was left and catches up from that entry; an index
//! that is missing, unreadable or of an older schema is rebuilt from the database of record.
//! Every replica does the same on its own, so they converge, and a restart loses nothing.
//! Who may read a hit is part of the query ([`Audience`]), so that totals and facet counts are
//! those of the reader.

use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, PoisonError};

use pioneer_domain::knowledge::{Reader, SearchFacets, Visibility};
use pioneer_domain::policy::can_manage_users;
use sea_orm::ConnectionTrait;
use serde::{Deserialize, Serialize};
use tantivy::collector::{Count, FacetCollector, FacetCounts, TopDocs};
use tantivy::query::{AllQuery, BooleanQuery, Occur, Query, QueryParser, TermQuery};
use tantivy::schema::{
    FAST, Facet, FacetOptions, Field, INDEXED, IndexRecordOption, STORED, STRING, Schema,
    TextFieldIndexing, TextOptions, Value,
};
use tantivy::snippet::SnippetGenerator;
use tantivy::{
    DocAddress, Index, IndexReader, IndexWriter, Order, ReloadPolicy, TantivyDocument, Term,
};
use uuid::Uuid;

use super::analyzers::{LANGUAGES, analyzer_name, register};
use super::entries::{Entry, Subject, entries_after, entries_for};
use crate::store::search_log::{changes_since, last_change};

/// Moves when the fields or their analysis change: an index of another schema is rebuilt.
const SCHEMA_VERSION: u32 = 2;
/// Log entries (or rows, when rebuilding) read at a time.
const BATCH: u64 = 500;
/// The longest snippet, in characters.
const SNIPPET_CHARS: usize = 220;
/// The writer's memory: a single thread, the least tantivy allows it and some.
const WRITER_HEAP_BYTES: usize = 30_000_000;

/// What the index keeps in its commits.
#[derive(Debug, Serialize, Deserialize)]
struct Payload {
    schema: u32,
    /// The last log entry applied.
    seq: i32,
}

#[derive(Clone, Copy)]
struct Fields {
    id: Field,
    /// A [`Subject`] name.
    subject: Field,
    /// Per language of the UI, in the order of [`LANGUAGES`].
    title: [Field; 4],
    text: [Field; 4],
    kind: Field,
    strategy: Field,
    country: Field,
    language: Field,
    region: Field,
    /// An expert's organisation in the directory.
    organisation: Field,
    /// `public`, `members`, or `group:<id>`.
    audience: Field,
    /// The order without words, highest first ([`Entry::rank`]).
    rank: Field,
}

fn schema() -> (Schema, Fields) {
    let mut builder = Schema::builder();
    let text_options = |language: &str| {
        TextOptions::default()
            .set_indexing_options(
                TextFieldIndexing::default()
                    .set_tokenizer(&analyzer_name(language))
                    .set_index_option(IndexRecordOption::WithFreqsAndPositions),
            )
            .set_stored()
    };
    let title = LANGUAGES
        .map(|(code, _)| builder.add_text_field(&format!("title_{code}"), text_options(code)));
    let text = LANGUAGES
        .map(|(code, _)| builder.add_text_field(&format!("text_{code}"), text_options(code)));
    let facet = || FacetOptions::default();
    let fields = Fields {
        id: builder.add_text_field("id", STRING | STORED),
        subject: builder.add_text_field("subject", STRING),
        title,
        text,
        kind: builder.add_facet_field("kind", facet()),
        strategy: builder.add_facet_field("strategy", facet()),
        country: builder.add_facet_field("country", facet()),
        language: builder.add_facet_field("language", facet()),
        region: builder.add_facet_field("region", facet()),
        organisation: builder.add_text_field("organisation", STRING),
        audience: builder.add_text_field("audience", STRING),
        rank: builder.add_i64_field("rank", INDEXED | FAST),
    };
    (builder.build(), fields)
}

/// The slots of the title and text fields an entry's words go in: its language's, or all.
fn language_slots(language: Option<&str>) -> Vec<usize> {
    match language {
        Some(language) => vec![
            LANGUAGES
                .iter()
                .position(|(code, _)| *code == language)
                .unwrap_or(0),
        ],
        None => (0..LANGUAGES.len()).collect(),
    }
}

fn facet(value: &str) -> Facet {
    Facet::from_path([value])
}

/// What a search asks, beside the reader.
#[derive(Debug, Clone, Default)]
pub struct SearchQuery {
    /// What is looked for: resources, experts or organisations.
    pub subject: Subject,
    pub text: String,
    pub kind: Option<String>,
    pub strategy: Option<String>,
    pub country: Option<String>,
    pub language: Option<String>,
    pub region: Option<String>,
    pub group: Option<Uuid>,
    /// Experts who work for this organisation.
    pub organisation: Option<Uuid>,
    pub offset: usize,
    pub limit: usize,
}

/// One hit, in order.
#[derive(Debug, Clone)]
pub struct Hit {
    pub id: Uuid,
    pub score: f32,
    /// HTML: the text escaped, the matched words in `<mark>`.
    pub snippet: String,
}

#[derive(Debug)]
pub struct Found {
    pub hits: Vec<Hit>,
    pub total: u64,
    pub facets: SearchFacets,
    /// How many hits have each region (experts and organisations).
    pub regions: BTreeMap<String, u64>,
}

struct Writer {
    writer: IndexWriter,
    /// The last log entry applied; `None` until the index has been built.
    seq: Option<i32>,
}

/// This replica's search index.
pub struct SearchIndex {
    index: Index,
    reader: IndexReader,
    fields: Fields,
    writer: Arc<Mutex<Writer>>,
    /// One catch-up at a time (the others find the work done).
    syncing: tokio::sync::Mutex<()>,
    /// Whether the index was checked against the database it follows (once, at the first sync).
    verified: std::sync::atomic::AtomicBool,
    dir: Option<PathBuf>,
}

fn open_existing(dir: &Path) -> Option<(Index, i32)> {
    let index = Index::open_in_dir(dir).ok()?;
    let payload: Payload =
        serde_json::from_str(index.load_metas().ok()?.payload.as_deref()?).ok()?;
    (payload.schema == SCHEMA_VERSION).then_some((index, payload.seq))
}

impl SearchIndex {
    /// The index in `dir` (in memory when `None`), as it was left, or a new one to build.
    pub fn open(dir: Option<&Path>) -> anyhow::Result<Self> {
        let (schema, fields) = schema();
        let (index, seq) = match dir {
            None => (Index::create_in_ram(schema), None),
            Some(dir) => match open_existing(dir) {
                Some((index, seq)) => (index, Some(seq)),
                None => {
                    if dir.exists() {
                        tracing::info!(dir = %dir.display(), "search index missing or of another schema: rebuilding it");
                        std::fs::remove_dir_all(dir)?;
                    }
                    std::fs::create_dir_all(dir)?;
                    (Index::create_in_dir(dir, schema)?, None)
                }
            },
        };
        register(&index);
        let writer = index.writer_with_num_threads(1, WRITER_HEAP_BYTES)?;
        let reader = index
            .reader_builder()
            .reload_policy(ReloadPolicy::Manual)
            .try_into()?;
        Ok(Self {
            index,
            reader,
            fields,
            writer: Arc::new(Mutex::new(Writer { writer, seq })),
            syncing: tokio::sync::Mutex::new(()),
            verified: std::sync::atomic::AtomicBool::new(false),
            dir: dir.map(Path::to_path_buf),
        })
    }

    /// The last log entry the index has applied (`None`: not built yet).
    pub fn applied(&self) -> Option<i32> {
        self.writer
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .seq
    }

    pub fn is_on_disk(&self) -> bool {
        self.dir.is_some()
    }

    /// Builds the index if it has not been, then applies the log's new entries; answers how
    /// many entries it (re)indexed.
    pub async fn sync(&self, db: &impl ConnectionTrait) -> anyhow::Result<usize> {
        let _turn = self.syncing.lock().await;
        let mut indexed = 0;
        let mut start = self.applied();
        if !self
            .verified
            .swap(true, std::sync::atomic::Ordering::Relaxed)
            && start.is_some_and(|seq| seq > 0)
            && last_change(db).await? < start.unwrap_or_default()
        {
            // An index ahead of the log was built from another database: start over.
            tracing::info!("search index: built from another database; rebuilding it");
            start = None;
        }
        let mut seq = match start {
            Some(seq) => seq,
            None => {
                // Entries after `last` are applied afterwards (applying one twice is harmless).
                let last = last_change(db).await?;
                self.apply(None, Vec::new(), true).await?;
                for subject in Subject::ALL {
                    let mut after = None;
                    loop {
                        let (entries, last) = entries_after(db, subject, after, BATCH).await?;
                        let Some(last) = last else { break };
                        after = Some(last);
                        indexed += entries.len();
                        self.apply(None, entries, false).await?;
                    }
                }
                self.commit(last).await?;
                last
            }
        };
        loop {
            let changes = changes_since(db, seq, BATCH).await?;
            let Some(&(last, _)) = changes.last() else {
                break;
            };
            let mut ids: Vec<Uuid> = changes.iter().map(|(_, id)| *id).collect();
            ids.sort_unstable();
            ids.dedup();
            let entries = entries_for(db, &ids).await?;
            indexed += ids.len();
            self.apply(Some(ids), entries, false).await?;
            self.commit(last).await?;
            seq = last;
        }
        Ok(indexed)
    }

    /// Applies this replica's writes before the answer, so that the writer finds them at once;
    /// if it cannot now, the follower catches up within a second.
    pub async fn catch_up(&self, db: &impl ConnectionTrait) {
        if let Err(error) = self.sync(db).await {
            tracing::warn!(%error, "search index: applying a write failed; the follower will retry");
        }
    }

    /// Removes `removed` (or everything, with `clear`), then adds `entries`.
    async fn apply(
        &self,
        removed: Option<Vec<Uuid>>,
        entries: Vec<Entry>,
        clear: bool,
    ) -> anyhow::Result<()> {
        let documents: Vec<TantivyDocument> =
            entries.iter().map(|entry| self.document(entry)).collect();
        let writer = self.writer.clone();
        let id_field = self.fields.id;
        tokio::task::spawn_blocking(move || -> anyhow::Result<()> {
            let guard = writer.lock().unwrap_or_else(PoisonError::into_inner);
            if clear {
                guard.writer.delete_all_documents()?;
            }
            for id in removed.unwrap_or_default() {
                guard
                    .writer
                    .delete_term(Term::from_field_text(id_field, &id.to_string()));
            }
            for document in documents {
                guard.writer.add_document(document)?;
            }
            Ok(())
        })
        .await?
    }

    /// Commits what was applied, up to log entry `seq`, and shows it to the searches.
    async fn commit(&self, seq: i32) -> anyhow::Result<()> {
        let writer = self.writer.clone();
        tokio::task::spawn_blocking(move || -> anyhow::Result<()> {
            let mut guard = writer.lock().unwrap_or_else(PoisonError::into_inner);
            let payload = serde_json::to_string(&Payload {
                schema: SCHEMA_VERSION,
                seq,
            })?;
            let mut commit = guard.writer.prepare_commit()?;
            commit.set_payload(&payload);
            commit.commit()?;
            guard.seq = Some(seq);
            Ok(())
        })
        .await??;
        self.reader.reload()?;
        Ok(())
    }

    fn document(&self, entry: &Entry) -> TantivyDocument {
        let f = &self.fields;
        let mut document = TantivyDocument::default();
        document.add_text(f.id, entry.id.to_string());
        document.add_text(f.subject, entry.subject.as_str());
        for slot in language_slots(entry.language.as_deref()) {
            document.add_text(f.title[slot], &entry.title);
            document.add_text(f.text[slot], &entry.text);
        }
        if let Some(kind) = &entry.kind {
            document.add_facet(f.kind, facet(kind));
        }
        let lists = [
            (f.strategy, &entry.strategies),
            (f.country, &entry.countries),
            (f.language, &entry.languages),
            (f.region, &entry.regions),
        ];
        for (field, values) in lists {
            for value in values {
                document.add_facet(field, facet(value));
            }
        }
        if let Some(organisation) = entry.organisation {
            document.add_text(f.organisation, organisation.to_string());
        }
        document.add_text(f.audience, &entry.audience);
        document.add_i64(f.rank, entry.rank);
        document
    }

    /// Who may read what, as a clause: staff read everything published.
    fn audience_clause(&self, reader: Option<&Reader>) -> Option<Box<dyn Query>> {
        if reader.is_some_and(|r| can_manage_users(r.role)) {
            return None;
        }
        let mut allowed = vec![Visibility::Public.as_str().to_owned()];
        if let Some(reader) = reader {
            allowed.push(Visibility::Members.as_str().to_owned());
            allowed.extend(reader.groups.keys().map(|g| format!("group:{g}")));
        }
        let clauses = allowed
            .into_iter()
            .map(|value| {
                let term = Term::from_field_text(self.fields.audience, &value);
                (
                    Occur::Should,
                    Box::new(TermQuery::new(term, IndexRecordOption::Basic)) as Box<dyn Query>,
                )
            })
            .collect();
        Some(Box::new(BooleanQuery::new(clauses)))
    }

    /// The hits of `query` that `reader` may read, with their total and facet counts.
    pub fn search(&self, reader: Option<&Reader>, query: &SearchQuery) -> anyhow::Result<Found> {
        let f = self.fields;
        let searcher = self.reader.searcher();
        let words = query.text.trim();
        let mut parser = QueryParser::for_index(
            &self.index,
            f.title.iter().chain(f.text.iter()).copied().collect(),
        );
        parser.set_conjunction_by_default();
        for title in f.title {
            parser.set_field_boost(title, 3.0);
        }
        let text_query = (!words.is_empty()).then(|| parser.parse_query_lenient(words).0);
        let term = |field: Field, value: &str| -> (Occur, Box<dyn Query>) {
            let term = Term::from_field_text(field, value);
            (
                Occur::Must,
                Box::new(TermQuery::new(term, IndexRecordOption::Basic)),
            )
        };
        let mut clauses: Vec<(Occur, Box<dyn Query>)> = vec![
            (
                Occur::Must,
                text_query
                    .as_ref()
                    .map_or_else(|| Box::new(AllQuery) as Box<dyn Query>, |q| q.box_clone()),
            ),
            term(f.subject, query.subject.as_str()),
        ];
        let facet_filters = [
            (f.kind, &query.kind),
            (f.strategy, &query.strategy),
            (f.country, &query.country),
            (f.language, &query.language),
            (f.region, &query.region),
        ];
        for (field, value) in facet_filters {
            if let Some(value) = value {
                let term = Term::from_facet(field, &facet(value));
                clauses.push((
                    Occur::Must,
                    Box::new(TermQuery::new(term, IndexRecordOption::Basic)),
                ));
            }
        }
        if let Some(group) = query.group {
            clauses.push(term(f.audience, &format!("group:{group}")));
        }
        if let Some(organisation) = query.organisation {
            clauses.push(term(f.organisation, &organisation.to_string()));
        }
        if let Some(audience) = self.audience_clause(reader) {
            clauses.push((Occur::Must, audience));
        }
        let full = BooleanQuery::new(clauses);
        let facets = |name: &str| {
            let mut collector = FacetCollector::for_field(name);
            collector.add_facet(Facet::root());
            collector
        };
        let facet_collectors = (
            facets("kind"),
            facets("strategy"),
            facets("country"),
            // tantivy's collectors nest by fours.
            (facets("language"), facets("region")),
        );
        let top = TopDocs::with_limit(query.limit.max(1)).and_offset(query.offset);
        let (ranked, total, (kind, strategy, country, (language, region))): (
            Vec<(f32, DocAddress)>,
            usize,
            _,
        ) = if text_query.is_some() {
            searcher.search(&full, &(top.order_by_score(), Count, facet_collectors))?
        } else {
            let (newest, total, facets) = searcher.search(
                &full,
                &(
                    top.order_by_fast_field::<i64>("rank", Order::Desc),
                    Count,
                    facet_collectors,
                ),
            )?;
            (
                newest
                    .into_iter()
                    .map(|(_, address)| (0.0, address))
                    .collect(),
                total,
                facets,
            )
        };
        let snippets: Option<Vec<SnippetGenerator>> = match &text_query {
            Some(q) => Some(
                f.text
                    .iter()
                    .map(|field| {
                        let mut generator =
                            SnippetGenerator::create(&searcher, q.as_ref(), *field)?;
                        generator.set_max_num_chars(SNIPPET_CHARS);
                        Ok(generator)
                    })
                    .collect::<tantivy::Result<_>>()?,
            ),
            None => None,
        };
        let mut hits = Vec::with_capacity(ranked.len());
        for (score, address) in ranked {
            let document: TantivyDocument = searcher.doc(address)?;
            let Some(id) = document
                .get_first(f.id)
                .and_then(|v| v.as_str())
                .and_then(|raw| Uuid::parse_str(raw).ok())
            else {
                continue;
            };
            let snippet = match &snippets {
                Some(generators) => generators
                    .iter()
                    .map(|g| {
                        let mut snippet = g.snippet_from_doc(&document);
                        snippet.set_snippet_prefix_postfix("<mark>", "</mark>");
                        snippet.to_html()
                    })
                    .find(|html| !html.is_empty())
                    .unwrap_or_default(),
                None => String::new(),
            };
            hits.push(Hit { id, score, snippet });
        }
        Ok(Found {
            hits,
            total: u64::try_from(total).unwrap_or(u64::MAX),
            facets: SearchFacets {
                kind: counts(&kind),
                strategy: counts(&strategy),
                language: counts(&language),
                country: counts(&country),
            },
            regions: counts(&region),
        })
    }
}

fn counts(counts: &FacetCounts) -> BTreeMap<String, u64> {
    counts
        .get(Facet::root())
        .filter_map(|(facet, count)| {
            let path = facet.to_path();
            path.first().map(|value| ((*value).to_owned(), count))
        })
        .collect()
}

/// Ids in the order of the hits, with what the database holds for them.
pub fn in_order<T>(hits: &[Hit], mut found: HashMap<Uuid, T>) -> Vec<(Hit, T)> {
    hits.iter()
        .filter_map(|hit| found.remove(&hit.id).map(|row| (hit.clone(), row)))
        .collect()
}
