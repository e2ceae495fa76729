//! The one place that wires the stages: ingest -> extract -> resolve -> graph -> export
//! (and the store of the query stage). Extraction runs in parallel over articles.

use crate::error::{InputError, Result};
use crate::extract::{extract, Extraction};
use crate::graph::{build_graph, KnowledgeGraph};
use crate::ingest::{expand_inputs, load, IngestOptions};
use crate::knowledge::EntityType;
use rayon::prelude::*;
use std::path::{Path, PathBuf};

#[derive(Debug, Clone)]
pub struct BuildOptions {
    pub ingest: IngestOptions,
    pub out: PathBuf,
    /// Fill the Oxigraph store in `out/store`.
    pub store: bool,
    /// Render `graph.svg` when Graphviz is installed.
    pub svg: bool,
    /// Show a progress bar (the CLI sets it when standard error is a terminal).
    pub progress: bool,
}

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
    pub svg_skipped: bool,
}

/// Reads and extracts every input; failures are collected, never fatal.
pub fn read_and_extract(
    inputs: &[String],
    options: &IngestOptions,
    progress: bool,
) -> (Vec<Extraction>, Vec<InputError>, Vec<String>) {
    let files = expand_inputs(inputs);
    let mut errors = Vec::new();
    let mut ok_files = Vec::new();
    for f in files {
        match f {
            Ok(f) => ok_files.push(f),
            Err(e) => errors.push(e),
        }
    }
    // A bar on long builds in a terminal; nothing when output goes to a file or a pipe.
    let bar = if progress && ok_files.len() > 1 {
        indicatif::ProgressBar::with_draw_target(
            Some(ok_files.len() as u64),
            indicatif::ProgressDrawTarget::stderr(),
        )
    } else {
        indicatif::ProgressBar::hidden()
    };
    bar.set_style(
        indicatif::ProgressStyle::with_template(
            "{spinner} extracting {pos}/{len} files [{elapsed_precise}, {per_sec}]",
        )
        .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar()),
    );
    // Files are read in parallel, then every article is extracted in parallel, so one
    // JSON Lines archive uses every core too.
    let articles: Vec<std::result::Result<crate::ingest::Article, InputError>> = ok_files
        .par_iter()
        .flat_map_iter(|f| {
            let out = load(f, options);
            bar.inc(1);
            out
        })
        .collect();
    let results: Vec<std::result::Result<Extraction, InputError>> =
        articles.into_par_iter().map(|a| a.map(extract)).collect();
    bar.finish_and_clear();
    let mut extractions = Vec::new();
    let mut notes = Vec::new();
    for r in results {
        match r {
            Ok(x) => {
                notes.extend(x.article.notes.iter().cloned());
                extractions.push(x);
            }
            Err(e) => errors.push(e),
        }
    }
    (extractions, errors, notes)
}

/// Builds the graph from extractions (resolve + graph stages).
pub fn graph_of(extractions: &[Extraction]) -> KnowledgeGraph {
    let resolution = crate::resolve::resolve(extractions);
    build_graph(extractions, &resolution)
}

/// `telekg build`: everything, written into `options.out`.
pub fn build(inputs: &[String], options: &BuildOptions) -> Result<BuildReport> {
    let (extractions, errors, notes) = read_and_extract(inputs, &options.ingest, options.progress);
    let kg = graph_of(&extractions);
    let mut report = BuildReport {
        articles_read: extractions.len(),
        failures: errors.iter().map(|e| e.to_string()).collect(),
        notes,
        ..Default::default()
    };
    write_outputs(&kg, &options.out, options, &mut report)?;
    report.entities_per_type = EntityType::ALL
        .iter()
        .map(|t| (*t, kg.entity_count(*t)))
        .collect();
    report.relations_per_property = kg.relation_counts().into_iter().collect();
    report.measurements = kg.measurements.len();
    Ok(report)
}

fn write_outputs(
    kg: &KnowledgeGraph,
    out: &Path,
    options: &BuildOptions,
    report: &mut BuildReport,
) -> Result<()> {
    std::fs::create_dir_all(out).map_err(|source| crate::error::Error::Write {
        path: out.to_path_buf(),
        source,
    })?;
    let quads = crate::export::to_quads(kg);
    let ttl = out.join("graph.ttl");
    crate::export::write_turtle(&ttl, &quads)?;
    let trig = out.join("graph.trig");
    crate::export::write_dataset(&trig, &quads, oxigraph::io::RdfFormat::TriG)?;
    let nq = out.join("graph.nq");
    crate::export::write_dataset(&nq, &quads, oxigraph::io::RdfFormat::NQuads)?;
    let dot = out.join("graph.dot");
    crate::export::write_dot(&dot, kg)?;
    report.files.extend([ttl, trig, nq, dot.clone()]);
    if options.svg {
        let svg = out.join("graph.svg");
        if crate::export::render_svg(&dot, &svg)? {
            report.files.push(svg);
        } else {
            report.svg_skipped = true;
        }
    }
    if options.store {
        let store = out.join("store");
        crate::store::replace_store(&store, &quads)?;
        report.files.push(store);
    }
    Ok(())
}
