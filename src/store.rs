//! Query stage: the persistent Oxigraph (RocksDB) store in `DIR/store`, filled by the
//! bulk loader at build time and queried with SPARQL 1.1 by later processes.

use crate::error::{Error, Result};
use oxigraph::model::{Quad, Term};
use oxigraph::sparql::results::{QueryResultsFormat, QueryResultsSerializer};
use oxigraph::sparql::{QueryResults, SparqlEvaluator};
use oxigraph::store::Store;
use std::io::Write;
use std::path::Path;

fn store_error(path: &Path, e: impl std::fmt::Display) -> Error {
    Error::Store {
        path: path.to_path_buf(),
        message: e.to_string(),
    }
}

/// What a store built by telekg holds, unit by unit: for each entity and article IRI, a
/// hash of its quads (the default-graph quads about it and its named graph). Kept in
/// the store folder, so a later build can rewrite only the units that changed.
#[derive(Debug, Default, serde::Serialize, serde::Deserialize)]
pub struct StoreUnits {
    pub hashes: std::collections::HashMap<String, [u8; 16]>,
}

/// The file in the store folder that holds its [`StoreUnits`] (RocksDB ignores it).
pub const UNITS_FILE: &str = "telekg-units.bin";

/// The unit a quad of the dataset belongs to: its named graph (an article), else its
/// subject (an entity or an article's description). Every node telekg writes is an IRI
/// minted from identity, so every quad of its dataset has one.
pub fn unit_of(quad: &Quad) -> Option<&str> {
    match &quad.graph_name {
        oxigraph::model::GraphName::NamedNode(g) => Some(g.as_str()),
        oxigraph::model::GraphName::DefaultGraph => match &quad.subject {
            oxigraph::model::NamedOrBlankNode::NamedNode(s) => Some(s.as_str()),
            _ => None,
        },
        _ => None,
    }
}

impl StoreUnits {
    /// The units of the store at `store`, if it has a readable record of them.
    pub fn load(store: &Path) -> Option<Self> {
        let bytes = std::fs::read(store.join(UNITS_FILE)).ok()?;
        postcard::from_bytes(&bytes).ok()
    }

    /// Changed units past which a rebuild is faster than updating this store in place.
    pub fn update_limit(&self) -> usize {
        ALWAYS_UPDATED_UNITS.max(self.hashes.len() * MAX_UPDATED_PERCENT / 100)
    }

    /// The units this store holds that `new` no longer has.
    pub fn removed_from(&self, new: &StoreUnits) -> Vec<String> {
        self.hashes
            .keys()
            .filter(|u| !new.hashes.contains_key(*u))
            .cloned()
            .collect()
    }

    fn save(&self, store: &Path) -> Result<()> {
        let bytes = postcard::to_allocvec(self).map_err(|e| store_error(store, e))?;
        crate::atomic::write_atomic(&store.join(UNITS_FILE), |w| w.write_all(&bytes))
    }
}

/// Above this share of rewritten units (in percent), and above [`ALWAYS_UPDATED_UNITS`],
/// a rebuild is faster than a transaction that deletes and inserts them one by one.
const MAX_UPDATED_PERCENT: usize = 10;
/// So few rewritten units are always updated in place.
const ALWAYS_UPDATED_UNITS: usize = 1000;

/// Appends a quad to the bytes a unit's hash is taken of: each term as its kind and its
/// length-prefixed text, so no two different quads give the same bytes.
fn hash_quad(bytes: &mut Vec<u8>, quad: &Quad) {
    use oxigraph::model::TermRef;
    let mut piece = |tag: u8, text: &str| {
        bytes.push(tag);
        bytes.extend_from_slice(&(text.len() as u64).to_le_bytes());
        bytes.extend_from_slice(text.as_bytes());
    };
    let mut term = |t: TermRef| match t {
        TermRef::NamedNode(n) => piece(b'<', n.as_str()),
        TermRef::BlankNode(b) => piece(b'_', b.as_str()),
        TermRef::Literal(l) => {
            piece(b'"', l.value());
            match l.language() {
                Some(lang) => piece(b'@', lang),
                None => piece(b'^', l.datatype().as_str()),
            }
        }
    };
    term(quad.subject.as_ref().into());
    term(quad.predicate.as_ref().into());
    term(quad.object.as_ref());
    match &quad.graph_name {
        oxigraph::model::GraphName::NamedNode(g) => term(g.into()),
        oxigraph::model::GraphName::BlankNode(b) => term(b.into()),
        oxigraph::model::GraphName::DefaultGraph => piece(b'.', ""),
    }
}

/// One unit of a block: its IRI, the hash of its quads, and the quads themselves when
/// they differ from the store's earlier record.
pub type BlockUnit = (String, [u8; 16], Option<Vec<Quad>>);

/// The units of a block of dataset quads with the hash of each (in the block's order),
/// and the quads of the units that differ from `previous` (none without `previous`).
pub fn units_of_block(dataset: &[&Quad], previous: Option<&StoreUnits>) -> Vec<BlockUnit> {
    let mut units: Vec<(String, Vec<&Quad>)> = Vec::new();
    let mut index: std::collections::HashMap<&str, usize> = std::collections::HashMap::new();
    for &quad in dataset {
        let Some(unit) = unit_of(quad) else {
            continue;
        };
        let at = *index.entry(unit).or_insert_with(|| {
            units.push((unit.to_string(), Vec::new()));
            units.len() - 1
        });
        units[at].1.push(quad);
    }
    // A unit's bytes are hashed in one call: fed piece by piece (a byte, a length, a
    // name), BLAKE3 compressed one 64-byte block at a time and took a fifth of the
    // CPU of writing graph.ttl; whole, it hashes many blocks at once. Same hashes.
    let mut bytes = Vec::new();
    units
        .into_iter()
        .map(|(unit, quads)| {
            bytes.clear();
            for q in &quads {
                hash_quad(&mut bytes, q);
            }
            let mut hash = [0u8; 16];
            hash.copy_from_slice(&blake3::hash(&bytes).as_bytes()[..16]);
            let same = previous.is_some_and(|p| p.hashes.get(&unit) == Some(&hash));
            let keep = (previous.is_some() && !same).then(|| quads.into_iter().cloned().collect());
            (unit, hash, keep)
        })
        .collect()
}

/// What changed between the units a store holds and the graph to store.
pub struct StoreDelta {
    /// Units to (re)write, with all their quads.
    pub changed: Vec<(String, Vec<Quad>)>,
    /// Units the graph no longer has.
    pub removed: Vec<String>,
    /// The units after the update.
    pub units: StoreUnits,
}

/// Rewrites the changed units of the store at `path` in one transaction: of each unit's
/// old quads (default-graph quads about it and its named graph) those it no longer has
/// go, and of its new ones those it did not have come. Most of a changed entity's quads
/// (its label, its other relations) stay, so only the difference is written.
/// The record of units is removed right before the commit and written after it, so an
/// interrupted update leaves either the old store with its record or a store the next
/// build rebuilds from nothing rather than trusts.
pub fn update_store(path: &Path, delta: StoreDelta) -> Result<()> {
    use oxigraph::model::{GraphName, GraphNameRef, NamedNodeRef};
    use std::collections::HashSet;
    {
        let store = Store::open(path).map_err(|e| store_error(path, e))?;
        let mut transaction = store
            .start_transaction()
            .map_err(|e| store_error(path, e))?;
        let no_quads = Vec::new();
        let units = delta
            .changed
            .iter()
            .map(|(unit, quads)| (unit, quads)) // &(unit, quads) -> (&unit, &quads)
            .chain(delta.removed.iter().map(|unit| (unit, &no_quads)));
        for (unit, quads) in units {
            let node = NamedNodeRef::new(unit).map_err(|e| store_error(path, e))?;
            let about = transaction.quads_for_pattern(
                Some(node.into()),
                None,
                None,
                Some(GraphNameRef::DefaultGraph),
            );
            let in_graph = transaction.quads_for_pattern(None, None, None, Some(node.into()));
            let old: HashSet<Quad> = about
                .chain(in_graph)
                .collect::<std::result::Result<_, _>>()
                .map_err(|e| store_error(path, e))?;
            let new: HashSet<&Quad> = quads.iter().collect();
            for quad in old.iter().filter(|q| !new.contains(q)) {
                transaction.remove(quad);
            }
            for quad in new.iter().filter(|q| !old.contains(**q)) {
                transaction.insert(*quad);
            }
            // A graph left without quads goes too, as a build from nothing has none.
            let graph_kept = quads
                .iter()
                .any(|q| matches!(&q.graph_name, GraphName::NamedNode(g) if g.as_ref() == node));
            if !graph_kept {
                transaction
                    .remove_named_graph(node)
                    .map_err(|e| store_error(path, e))?;
            }
        }
        let units_file = path.join(UNITS_FILE);
        std::fs::remove_file(&units_file).map_err(|e| store_error(&units_file, e))?;
        transaction.commit().map_err(|e| store_error(path, e))?;
        store.flush().map_err(|e| store_error(path, e))?;
    }
    delta.units.save(path)
}

/// A store filled beside its final place, waiting to be swapped in.
#[must_use = "a built store is only used once swapped in"]
pub struct BuiltStore {
    path: std::path::PathBuf,
    fresh: std::path::PathBuf,
}

/// Bulk-loads `quads` (about `expected_quads` of them) into a new store beside `path`
/// (`path.new`).
pub fn build_store(
    path: &Path,
    quads: impl IntoIterator<Item = Quad>,
    expected_quads: usize,
) -> Result<BuiltStore> {
    let fresh = path.with_extension("new");
    if fresh.exists() {
        std::fs::remove_dir_all(&fresh).map_err(|e| store_error(&fresh, e))?;
    }
    {
        let store = Store::open(&fresh).map_err(|e| store_error(&fresh, e))?;
        // The loader indexes each batch on a thread of its own while later quads still
        // arrive. Its default batch (1M quads) leaves one thread working alone after the
        // last quad on most builds; tiny batches make many small runs to merge. About
        // four batches per core, 50k to 200k quads each, measured best from 10^4 to 10^5
        // articles on 2 cores (when RocksDB still compacted the batches; not measured
        // again since the loader merges them itself).
        let threads = std::thread::available_parallelism().map_or(2, |n| n.get());
        let batch = (expected_quads / (4 * threads)).clamp(50_000, 200_000);
        let mut loader = store
            .bulk_loader()
            .with_num_threads(threads)
            // Its batch is megabytes * 1000 / threads quads.
            .with_max_memory_size_in_megabytes((batch * threads).div_ceil(1000));
        loader
            .load_quads(quads)
            .map_err(|e| store_error(&fresh, e))?;
        loader.commit().map_err(|e| store_error(&fresh, e))?;
        // The vendored Oxigraph (vendor/oxigraph) merges the batches into table files
        // that do not overlap, so the store is compact as loaded and this returns at
        // once. Oxigraph as published leaves overlapping files per batch, and until
        // they are compacted every read merges them all (the example queries ran 3 to
        // 5 times slower on 10^4 articles): then this compacts them.
        store.optimize().map_err(|e| store_error(&fresh, e))?;
        store.flush().map_err(|e| store_error(&fresh, e))?;
    }
    Ok(BuiltStore {
        path: path.to_path_buf(),
        fresh,
    })
}

impl BuiltStore {
    /// Records the units the new store holds (see [`StoreUnits`]).
    pub fn record_units(&self, units: &StoreUnits) -> Result<()> {
        units.save(&self.fresh)
    }

    /// Replaces the store at its final place, so readers never see a half-load.
    pub fn swap_in(self) -> Result<()> {
        let (path, fresh) = (&self.path, &self.fresh);
        let old = path.with_extension("old");
        if old.exists() {
            std::fs::remove_dir_all(&old).map_err(|e| store_error(&old, e))?;
        }
        if path.exists() {
            std::fs::rename(path, &old).map_err(|e| store_error(path, e))?;
        }
        std::fs::rename(fresh, path).map_err(|e| store_error(path, e))?;
        if old.exists() {
            std::fs::remove_dir_all(&old).map_err(|e| store_error(&old, e))?;
        }
        Ok(())
    }
}

/// Output formats of `telekg query`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum OutputFormat {
    Table,
    Csv,
    Tsv,
    Json,
}

/// A SPARQL evaluator that knows the prefixes every query may use without declaring them
/// (`crate::vocab::PREFIXES`; a query's own PREFIX of the same name wins). They are
/// given to the parser, not prepended to the text, so an error's line and column are
/// those of the user's query.
pub fn evaluator() -> Result<SparqlEvaluator> {
    let mut evaluator = SparqlEvaluator::new();
    for (p, iri) in crate::vocab::PREFIXES {
        evaluator = evaluator
            .with_prefix(*p, *iri)
            .map_err(|e| Error::Query(format!("prefix {p}: {e}")))?;
    }
    Ok(evaluator)
}

fn term_text(term: &Term) -> String {
    match term {
        Term::NamedNode(n) => {
            for (p, iri) in crate::vocab::PREFIXES {
                if let Some(local) = n.as_str().strip_prefix(iri) {
                    return format!("{p}:{local}");
                }
            }
            format!("<{}>", n.as_str())
        }
        Term::Literal(l) => l.value().to_string(),
        other => other.to_string(),
    }
}

/// Runs a SPARQL query against the store at `path`, writing results to `out`.
pub fn run_query(
    path: &Path,
    query: &str,
    format: OutputFormat,
    out: &mut dyn Write,
) -> Result<()> {
    if !path.join("CURRENT").exists() {
        return Err(store_error(
            path,
            "no store here; run `telekg build ... --out DIR` first",
        ));
    }
    let store = Store::open_read_only(path).map_err(|e| store_error(path, e))?;
    let mut prepared = evaluator()?
        .parse_query(query)
        .map_err(|e| Error::Query(e.to_string()))?;
    // Relations live in one named graph per article: without FROM, query them all.
    if prepared.dataset().is_default_dataset() {
        prepared.dataset_mut().set_default_graph_as_union();
    }
    let results = prepared
        .on_store(&store)
        .execute()
        .map_err(|e| Error::Query(e.to_string()))?;
    let io = |e: std::io::Error| Error::Write {
        path: "<stdout>".into(),
        source: e,
    };
    match results {
        QueryResults::Solutions(solutions) => {
            let variables = solutions.variables().to_vec();
            let mut rows = Vec::new();
            for s in solutions {
                rows.push(s.map_err(|e| Error::Query(e.to_string()))?);
            }
            if format == OutputFormat::Table {
                let header: Vec<String> =
                    variables.iter().map(|v| v.as_str().to_string()).collect();
                let cells: Vec<Vec<String>> = rows
                    .iter()
                    .map(|r| {
                        variables
                            .iter()
                            .map(|v| r.get(v).map(term_text).unwrap_or_default())
                            .collect()
                    })
                    .collect();
                write_table(out, &header, &cells).map_err(io)?;
                return Ok(());
            }
            let rf = match format {
                OutputFormat::Csv => QueryResultsFormat::Csv,
                OutputFormat::Tsv => QueryResultsFormat::Tsv,
                _ => QueryResultsFormat::Json,
            };
            let mut ser = QueryResultsSerializer::from_format(rf)
                .serialize_solutions_to_writer(&mut *out, variables.clone())
                .map_err(io)?;
            for r in &rows {
                ser.serialize(r.iter()).map_err(io)?;
            }
            ser.finish().map_err(io)?;
        }
        QueryResults::Boolean(b) => {
            if format == OutputFormat::Table {
                writeln!(out, "{b}").map_err(io)?;
            } else {
                let rf = if format == OutputFormat::Json {
                    QueryResultsFormat::Json
                } else {
                    QueryResultsFormat::Csv
                };
                QueryResultsSerializer::from_format(rf)
                    .serialize_boolean_to_writer(&mut *out, b)
                    .map_err(io)?;
            }
        }
        QueryResults::Graph(triples) => {
            let mut ser = oxigraph::io::RdfSerializer::from_format(oxigraph::io::RdfFormat::Turtle)
                .for_writer(&mut *out);
            for t in triples {
                let t = t.map_err(|e| Error::Query(e.to_string()))?;
                ser.serialize_triple(&t).map_err(io)?;
            }
            ser.finish().map_err(io)?;
        }
    }
    Ok(())
}

fn write_table(
    out: &mut dyn Write,
    header: &[String],
    rows: &[Vec<String>],
) -> std::io::Result<()> {
    let width = |i: usize| {
        rows.iter()
            .map(|r| r[i].chars().count())
            .chain(std::iter::once(header[i].chars().count()))
            .max()
            .unwrap_or(0)
            .min(80)
    };
    let widths: Vec<usize> = (0..header.len()).map(width).collect();
    let line = |cells: &[String]| {
        cells
            .iter()
            .zip(&widths)
            .map(|(c, w)| {
                let c: String = c.chars().take(*w).collect();
                format!("{c:<w$}")
            })
            .collect::<Vec<_>>()
            .join(" | ")
    };
    writeln!(out, "{}", line(header).trim_end())?;
    writeln!(
        out,
        "{}",
        widths
            .iter()
            .map(|w| "-".repeat(*w))
            .collect::<Vec<_>>()
            .join("-+-")
    )?;
    for r in rows {
        writeln!(out, "{}", line(r).trim_end())?;
    }
    writeln!(
        out,
        "({} row{})",
        rows.len(),
        if rows.len() == 1 { "" } else { "s" }
    )
}
