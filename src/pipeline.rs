//! The one place that wires the stages: ingest -> extract -> resolve -> graph -> export
//! (and the store of the query stage). Extraction runs in parallel over articles.

use crate::cache::ExtractionCache;
use crate::error::{InputError, Result};
use crate::extract::{extract, ArticleRecord};
use crate::graph::{build_graph, KnowledgeGraph};
use crate::ingest::{describe, expand_inputs, read_batches, split_into_sentences, IngestOptions};
use crate::knowledge::EntityType;
use rayon::prelude::*;
use std::path::{Path, PathBuf};
use std::time::Instant;

#[derive(Debug, Clone)]
pub struct BuildOptions {
    pub ingest: IngestOptions,
    pub out: PathBuf,
    /// Fill the Oxigraph store in `out/store`.
    pub store: bool,
    /// The files written beside `graph.ttl`, which is always written.
    pub exports: Exports,
    /// Render `graph.svg` when Graphviz is installed.
    pub svg: bool,
    /// Show a progress bar (the CLI sets it when standard error is a terminal).
    pub progress: bool,
    /// Reuse the extractions an earlier build cached in `out` (only new or changed
    /// articles are extracted).
    pub reuse_cache: bool,
    /// Keep this build's extractions in `out` for the next build.
    pub write_cache: bool,
}

/// The exports a build may write beside `graph.ttl` (always written: the graph contract).
/// An archive build may skip the ones it has no use for: N-Quads repeat TriG line by
/// line and are the largest file by far.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Exports {
    /// `graph.trig`: one named graph per article.
    pub trig: bool,
    /// `graph.nq`: the same dataset as N-Quads (what `telekg push` sends).
    pub nquads: bool,
    /// `graph.dot`, and `graph.svg` when asked for and Graphviz is there.
    pub dot: bool,
}

impl Default for Exports {
    fn default() -> Self {
        Exports {
            trig: true,
            nquads: true,
            dot: true,
        }
    }
}

/// The outputs a build with these options leaves in its folder (graph.svg aside: it
/// depends on Graphviz and the graph's size).
fn output_names(options: &BuildOptions) -> Vec<&'static str> {
    let exports = &options.exports;
    [
        (true, "graph.ttl"),
        (exports.trig, "graph.trig"),
        (exports.nquads, "graph.nq"),
        (exports.dot, "graph.dot"),
        (options.store, "store"),
    ]
    .into_iter()
    .filter_map(|(written, name)| written.then_some(name))
    .collect()
}

/// Outputs an earlier build may have left that this one does not write: they would
/// describe another graph than graph.ttl, so they go.
fn stale_names(options: &BuildOptions) -> Vec<&'static str> {
    let written = output_names(options);
    let mut stale: Vec<&'static str> = ["graph.trig", "graph.nq", "graph.dot", "store"]
        .into_iter()
        .filter(|name| !written.contains(name))
        .collect();
    if !(options.svg && options.exports.dot) {
        stale.push("graph.svg");
    }
    stale
}

/// Largest graph rendered as graph.svg.
pub const MAX_SVG_ENTITIES: usize = 400;

/// What a build did, for the summary and the exit code.
#[derive(Debug, Default)]
pub struct BuildReport {
    pub articles_read: usize,
    pub failures: Vec<String>,
    pub notes: Vec<String>,
    pub entities_per_type: Vec<(EntityType, usize)>,
    pub relations_per_property: Vec<(String, usize)>,
    pub measurements: usize,
    pub files: Vec<PathBuf>,
    /// Why graph.svg was not rendered, if it was not.
    pub svg_skipped: Option<String>,
    /// Articles whose extraction was reused from the incremental cache.
    pub articles_reused: usize,
    /// Articles of an earlier build kept from inputs this build could not read (not
    /// counted in `articles_read`).
    pub articles_kept: usize,
    /// Nothing changed since the last build into the folder: no file was rewritten.
    pub up_to_date: bool,
    /// How the store was written, if it was.
    pub store_write: Option<crate::export::StoreWrite>,
    /// Seconds per stage, in order, and in all.
    pub timings: Vec<(&'static str, f64)>,
    pub seconds: f64,
}

/// The articles of a build as records, in input order, and what went wrong on the way.
#[derive(Debug, Default)]
pub struct Extracted {
    /// The record of every article read.
    pub records: Vec<ArticleRecord>,
    /// Their cache keys, parallel to `records`.
    pub keys: Vec<String>,
    /// The inputs as read, in order: every file of a folder, and the inputs lost whole.
    pub inputs: Vec<String>,
    pub errors: Vec<InputError>,
    pub notes: Vec<String>,
    /// Articles whose record came from the incremental cache.
    pub reused: usize,
    /// Of those, articles of an earlier build kept because their input could not be read
    /// this time.
    pub kept: usize,
}

/// Articles read from one file before they are prepared and extracted together: enough
/// to keep every core busy, few enough that an archive is never held whole.
const ARTICLES_PER_BATCH: usize = 2048;

/// A progress bar on standard error, or a hidden one when `visible` is false.
fn progress_bar(visible: bool, what: &str) -> indicatif::ProgressBar {
    if !visible {
        return indicatif::ProgressBar::hidden();
    }
    let bar =
        indicatif::ProgressBar::with_draw_target(None, indicatif::ProgressDrawTarget::stderr());
    bar.set_style(
        indicatif::ProgressStyle::with_template(&format!(
            "{{spinner}} {what} [{{elapsed_precise}}, {{eta}} left] {{msg}}"
        ))
        .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar()),
    );
    // Redrawn on its own, so long silent phases (indexing the store) still show life.
    bar.enable_steady_tick(std::time::Duration::from_millis(250));
    bar
}

/// Reads and extracts every input; failures are collected, never fatal. Files are read
/// one at a time per core and every article is reduced to its record as soon as it is
/// extracted, so the corpus text is never held whole. Articles found in `cache` are not
/// extracted again.
pub fn read_and_extract(
    inputs: &[String],
    options: &IngestOptions,
    progress: bool,
    cache: Option<&ExtractionCache>,
) -> Extracted {
    let files = expand_inputs(inputs);
    let mut out = Extracted::default();
    let mut ok_files = Vec::new();
    for f in files {
        match f {
            Ok(f) => {
                out.inputs.push(f.display());
                ok_files.push(f)
            }
            Err(e) => {
                out.inputs.extend(e.failed_input().map(str::to_string));
                out.errors.push(e)
            }
        }
    }
    // A bar on long builds in a terminal; nothing when output goes to a file or a pipe.
    // It counts articles as they are read (a JSON Lines archive is one file of many).
    let bar = progress_bar(progress, "extracting {pos}/{len} articles");
    bar.set_length(0);
    type Processed = std::result::Result<(String, ArticleRecord, Vec<String>, bool), InputError>;
    // Files in parallel, and the articles of one file in parallel too, so one JSON Lines
    // archive uses every core.
    let per_file: Vec<Vec<Processed>> = ok_files
        .par_iter()
        .map(|f| {
            let mut done: Vec<Processed> = Vec::new();
            read_batches(f, options, ARTICLES_PER_BATCH, &mut |batch| {
                bar.inc_length(batch.len() as u64);
                let processed: Vec<Processed> = batch
                    .into_par_iter()
                    .map(|raw| {
                        // Sentences are split only for articles extracted now.
                        let done = raw.and_then(describe).map(|mut a| {
                            let key = crate::cache::article_key(&a);
                            let notes = std::mem::take(&mut a.notes);
                            match cache.and_then(|c| c.take(&key)) {
                                Some(record) => (key, record, notes, true),
                                None => {
                                    let a = split_into_sentences(a);
                                    (key, extract(a).into_record(), notes, false)
                                }
                            }
                        });
                        bar.inc(1);
                        done
                    })
                    .collect();
                done.extend(processed);
            });
            done
        })
        .collect();
    bar.finish_and_clear();
    for r in per_file.into_iter().flatten() {
        match r {
            Ok((key, record, notes, reused)) => {
                out.notes.extend(notes);
                out.reused += usize::from(reused);
                out.keys.push(key);
                out.records.push(record);
            }
            Err(e) => out.errors.push(e),
        }
    }
    out
}

/// Puts the records in the order of the inputs they came from (as a build that read all
/// of them would have them), the records of a JSON Lines file by line; the order within
/// an input is kept.
fn in_input_order(extracted: &mut Extracted) {
    // The first place of each input; a file under a folder lost whole ranks with it.
    let mut exact: std::collections::HashMap<&str, usize> = std::collections::HashMap::new();
    for (i, input) in extracted.inputs.iter().enumerate() {
        exact.entry(input.as_str()).or_insert(i);
    }
    let rank = |source: &str| -> (usize, usize) {
        let (file, line) = match source.rsplit_once(':') {
            Some((file, n)) if !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()) => {
                (file, n.parse().unwrap_or(0))
            }
            _ => (source, 0),
        };
        let input = exact.get(file).copied().unwrap_or_else(|| {
            extracted
                .inputs
                .iter()
                .position(|i| {
                    file.strip_prefix(i.as_str())
                        .is_some_and(|r| r.starts_with('/'))
                })
                .unwrap_or(usize::MAX)
        });
        (input, line)
    };
    let mut order: Vec<usize> = (0..extracted.records.len()).collect();
    order.sort_by_cached_key(|&i| rank(&extracted.records[i].meta.source));
    let mut records: Vec<Option<ArticleRecord>> = std::mem::take(&mut extracted.records)
        .into_iter()
        .map(Some)
        .collect();
    let mut keys: Vec<Option<String>> = std::mem::take(&mut extracted.keys)
        .into_iter()
        .map(Some)
        .collect();
    for i in order {
        extracted.records.extend(records[i].take());
        extracted.keys.extend(keys[i].take());
    }
}

/// Builds the graph from article records (resolve + graph stages).
pub fn graph_of(records: Vec<ArticleRecord>) -> KnowledgeGraph {
    let resolution = crate::resolve::resolve(&records);
    build_graph(records, resolution)
}

/// Wall-clock seconds per stage of a build.
#[derive(Debug)]
struct Stopwatch {
    since: Instant,
    laps: Vec<(&'static str, f64)>,
}

impl Stopwatch {
    fn lap(&mut self, name: &'static str) {
        self.laps.push((name, self.since.elapsed().as_secs_f64()));
        self.since = Instant::now();
    }
}

/// `telekg build`: everything, written into `options.out`.
pub fn build(inputs: &[String], options: &BuildOptions) -> Result<BuildReport> {
    let started = Instant::now();
    let mut watch = Stopwatch {
        since: started,
        laps: Vec::new(),
    };
    let (cache, cache_note) = ExtractionCache::open(
        &options.out,
        options.reuse_cache,
        options.reuse_cache || options.write_cache,
    );
    let mut extracted = read_and_extract(inputs, &options.ingest, options.progress, Some(&cache));
    // A build that read nothing replaces nothing: a typo on the command line must not
    // empty a finished graph, its store and its cache.
    if extracted.records.is_empty() {
        return Err(crate::error::Error::NothingRead {
            failures: extracted.errors.iter().map(|e| e.to_string()).collect(),
        });
    }
    // An input lost whole (missing, unreadable, empty, binary) keeps the articles an
    // earlier build read from it, from the cache: nothing built is lost to a file moved
    // away. An article read again under its id is this build's.
    let failed: Vec<&str> = extracted
        .errors
        .iter()
        .filter_map(InputError::failed_input)
        .collect();
    if !failed.is_empty() {
        let read: std::collections::HashSet<&str> = extracted
            .records
            .iter()
            .map(|r| r.meta.id.as_str())
            .collect();
        let kept = cache.take_from_inputs(&failed, &read);
        if !kept.is_empty() {
            extracted.notes.push(format!(
                "kept {} article(s) of an earlier build from input(s) this build could not read ({})",
                kept.len(),
                failed.join(", ")
            ));
            extracted.kept += kept.len();
            for (key, record) in kept {
                extracted.keys.push(key);
                extracted.records.push(record);
            }
            in_input_order(&mut extracted);
        }
    }
    cache.forget_unused();
    std::fs::create_dir_all(&options.out).map_err(|source| crate::error::Error::Write {
        path: options.out.clone(),
        source,
    })?;
    watch.lap("read+extract");
    // A build of the very same articles with the same binary into a folder that has all
    // its outputs would write the same bytes again: skip it, as make would.
    let build_key = cache.build_key(
        &extracted.keys,
        &format!(
            "store={} svg={} exports={:?}",
            options.store, options.svg, options.exports
        ),
    );
    let up_to_date = options.reuse_cache
        && cache.previous_build_was(&build_key)
        && output_names(options)
            .iter()
            .all(|f| options.out.join(f).exists());
    // The records go into the graph, so the next build's cache of them is written first,
    // under a temporary name, and put in place only once the outputs it describes are.
    let pending_cache = if options.write_cache && !up_to_date {
        let pending = cache.write_pending(&build_key, &extracted.keys, &extracted.records)?;
        watch.lap("cache");
        pending
    } else {
        None
    };
    let Extracted {
        records,
        errors,
        notes,
        reused,
        kept,
        ..
    } = extracted;
    let mut report = BuildReport {
        articles_read: records.len() - kept,
        articles_reused: reused,
        articles_kept: kept,
        failures: errors.iter().map(|e| e.to_string()).collect(),
        notes: cache_note.into_iter().chain(notes).collect(),
        ..Default::default()
    };
    let kg = graph_of(records);
    watch.lap("resolve+graph");
    if up_to_date {
        report.up_to_date = true;
        report.files = output_names(options)
            .iter()
            .map(|f| options.out.join(f))
            .collect();
    } else {
        // The old cache describes the old outputs: it goes before they change, so an
        // interrupted build never leaves a cache that vouches for other files.
        let stale = options.out.join(crate::cache::CACHE_FILE);
        if stale.exists() {
            std::fs::remove_file(&stale).map_err(|source| crate::error::Error::Write {
                path: stale.clone(),
                source,
            })?;
        }
        write_outputs(&kg, &options.out, options, &mut report, &mut watch)?;
        // Only once the new outputs are in place: a failed build leaves the old ones
        // as they were, together.
        remove_stale_outputs(&options.out, options, &mut report)?;
    }
    // The cache goes last, once the outputs it describes are in place.
    if let Some(pending) = pending_cache {
        pending.persist()?;
        report
            .files
            .push(options.out.join(crate::cache::CACHE_FILE));
    }
    report.entities_per_type = EntityType::ALL
        .iter()
        .map(|t| (*t, kg.entity_count(*t)))
        .collect();
    report.relations_per_property = kg.relation_counts().into_iter().collect();
    report.measurements = kg.measurements.len();
    report.timings = watch.laps;
    report.seconds = started.elapsed().as_secs_f64();
    Ok(report)
}

/// Removes the outputs of an earlier build that this build does not write, with a note.
fn remove_stale_outputs(
    out: &Path,
    options: &BuildOptions,
    report: &mut BuildReport,
) -> Result<()> {
    for name in stale_names(options) {
        let path = out.join(name);
        let removed = if path.is_dir() {
            std::fs::remove_dir_all(&path)
        } else if path.exists() {
            std::fs::remove_file(&path)
        } else {
            continue;
        };
        removed.map_err(|source| crate::error::Error::Write {
            path: path.clone(),
            source,
        })?;
        report.notes.push(format!(
            "removed {} of an earlier build: this build does not write it",
            path.display()
        ));
    }
    Ok(())
}

fn write_outputs(
    kg: &KnowledgeGraph,
    out: &Path,
    options: &BuildOptions,
    report: &mut BuildReport,
    watch: &mut Stopwatch,
) -> Result<()> {
    let exports = &options.exports;
    let targets = crate::export::RdfTargets {
        turtle: Some(out.join("graph.ttl")),
        trig: exports.trig.then(|| out.join("graph.trig")),
        nquads: exports.nquads.then(|| out.join("graph.nq")),
        store: options.store.then(|| out.join("store")),
        update_store: options.reuse_cache,
    };
    let bar = progress_bar(options.progress, "writing the graph: {pos}/{len} blocks");
    report.store_write = crate::export::write_rdf(kg, &targets, &bar)?;
    bar.finish_and_clear();
    report.files.extend(
        [&targets.turtle, &targets.trig, &targets.nquads]
            .into_iter()
            .flatten()
            .cloned(),
    );
    if let Some(store) = &targets.store {
        report.files.push(store.clone());
    }
    watch.lap("export+store");
    if !exports.dot {
        return Ok(());
    }
    let dot = out.join("graph.dot");
    crate::export::write_dot(&dot, kg)?;
    report.files.push(dot.clone());
    if options.svg {
        let svg = out.join("graph.svg");
        let entities = kg.graph.node_count();
        // A picture of an earlier build would mislead, so a build that draws none
        // removes it.
        if entities > MAX_SVG_ENTITIES {
            // Graphviz needs minutes on such graphs and nobody can read the picture.
            let _ = std::fs::remove_file(&svg);
            report.svg_skipped = Some(format!(
                "{entities} entities are too many for one picture (limit {MAX_SVG_ENTITIES})"
            ));
        } else if crate::export::render_svg(&dot, &svg)? {
            report.files.push(svg);
        } else {
            let _ = std::fs::remove_file(&svg);
            report.svg_skipped = Some("Graphviz `dot` not found".into());
        }
    }
    watch.lap("diagram");
    Ok(())
}
