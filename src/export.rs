//! Export stage: the graph as RDF quads (entities and article descriptions in the default
//! graph, each article's relations, measurements and evidence in a named graph of its
//! own), serialized as Turtle (`graph.ttl`, all graphs merged), TriG and N-Quads, and as a
//! Graphviz diagram (`graph.dot`, `graph.svg` when `dot` is installed). Every file is
//! written to a temporary file beside its target and renamed into place.

use crate::error::{Error, Result};
use crate::extract::numbers::decimal_lexical;
use crate::graph::{Evidence, KnowledgeGraph};
use crate::knowledge::EntityType;
use oxigraph::io::{RdfFormat, RdfSerializer};
use oxigraph::model::vocab::{rdf, rdfs, xsd};
use oxigraph::model::{GraphName, Literal, NamedNode, NamedNodeRef, Quad, Term};
use petgraph::graph::{EdgeIndex, NodeIndex};
use petgraph::visit::EdgeRef;
use std::cell::RefCell;
use std::collections::HashMap;
use std::io::Write;
use std::path::{Path, PathBuf};

use crate::atomic::{write_atomic, PendingFile};
use crate::vocab::{DCTERMS, OWL, PREFIXES, PROV, SKOS, TM, TMR};

fn iri(s: String) -> NamedNode {
    // Checked in place, then moved: no copy of the string.
    if NamedNodeRef::new(&s).is_ok() {
        NamedNode::new_unchecked(s)
    } else {
        NamedNode::new_unchecked(
            s.replace([' ', '<', '>', '"', '{', '}', '|', '\\', '^', '`'], "_"),
        )
    }
}
/// A vocabulary IRI. The same few dozen recur in nearly every quad, so each is checked
/// once per thread and then cloned: parsing every IRI was 3% of a 10^5 build's CPU.
fn vocabulary(base: &str, local: &str) -> NamedNode {
    thread_local! {
        static CHECKED: RefCell<HashMap<String, NamedNode>> = RefCell::default();
    }
    let full = format!("{base}{local}");
    CHECKED.with_borrow_mut(|checked| match checked.get(&full) {
        Some(node) => node.clone(),
        None => {
            let node = iri(full.clone());
            checked.insert(full, node.clone());
            node
        }
    })
}
fn tm(local: &str) -> NamedNode {
    vocabulary(TM, local)
}
fn ns(base: &str, local: &str) -> NamedNode {
    vocabulary(base, local)
}
fn text(s: &str) -> Term {
    Literal::new_simple_literal(s).into()
}
fn typed(value: String, datatype: oxigraph::model::NamedNodeRef) -> Term {
    Literal::new_typed_literal(value, datatype).into()
}
fn short_hash(parts: &[&str]) -> String {
    blake3::hash(parts.join("\u{1f}").as_bytes()).to_hex()[..16].to_string()
}

/// IRI of an entity node: a service concept of the ontology, or a minted `tmr:` IRI.
pub fn entity_iri(entity: &crate::resolve::Entity) -> NamedNode {
    if entity.service {
        tm(&entity.key)
    } else {
        iri(format!("{TMR}{}", entity.key))
    }
}

pub fn article_iri(key: &str) -> NamedNode {
    iri(format!("{TMR}article/{key}"))
}

/// What one article's graph cites: relations and measurements, each with the indexes of
/// its evidence read in that article.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Owner {
    Relation(EdgeIndex),
    Measurement(usize),
}

/// Turns a [`KnowledgeGraph`] into quads one block at a time, so exports stream and run
/// in parallel: the entities, then per article its description (default graph) and its
/// named graph (relations, statements, measurements, evidence). Every block comes out
/// grouped by subject, in an order fixed by the graph alone.
pub struct QuadBlocks<'a> {
    kg: &'a KnowledgeGraph,
    entity_iris: Vec<NamedNode>,
    article_iris: Vec<NamedNode>,
    /// Per article: what its graph cites, with the evidence indexes read there.
    cited: Vec<Vec<(Owner, Vec<usize>)>>,
}

/// The views of the graph a quad belongs to: the dataset (TriG, N-Quads, the store: one
/// named graph per article) and the merged graph of `graph.ttl`, where relation triples
/// stand under their subject entity instead of in each article graph that states them,
/// and a measurement is described once, where first cited.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum View {
    Both,
    Dataset,
    Merged,
}

impl View {
    /// Whether a quad tagged `tag` belongs to this view.
    fn holds(self, tag: View) -> bool {
        tag == View::Both || tag == self
    }

    /// The quads of this view, moved out of a block.
    pub fn take(self, block: Vec<(Quad, View)>) -> impl Iterator<Item = Quad> {
        block
            .into_iter()
            .filter(move |(_, tag)| self.holds(*tag))
            .map(|(q, _)| q)
    }
}

/// One unit of export.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Block {
    /// Entities `start..end` (node indexes) in the default graph.
    Entities(usize, usize),
    /// One article: its description and its named graph.
    Article(usize),
}

/// Entities per block: enough to keep a core busy, few enough to bound memory.
const ENTITIES_PER_BLOCK: usize = 512;

impl<'a> QuadBlocks<'a> {
    pub fn new(kg: &'a KnowledgeGraph) -> Self {
        let mut cited: Vec<Vec<(Owner, Vec<usize>)>> = vec![Vec::new(); kg.articles.len()];
        let mut add = |owner: Owner, article: usize, i: usize| {
            let list = &mut cited[article];
            match list.last_mut() {
                Some((o, evs)) if *o == owner => evs.push(i),
                _ => list.push((owner, vec![i])),
            }
        };
        for edge in kg.graph.edge_indices() {
            for (i, ev) in kg.graph[edge].evidence.iter().enumerate() {
                add(Owner::Relation(edge), ev.article, i);
            }
        }
        for (m, measurement) in kg.measurements.iter().enumerate() {
            for (i, ev) in measurement.evidence.iter().enumerate() {
                add(Owner::Measurement(m), ev.article, i);
            }
        }
        QuadBlocks {
            kg,
            entity_iris: kg.graph.node_weights().map(entity_iri).collect(),
            article_iris: kg.articles.iter().map(|a| article_iri(&a.key)).collect(),
            cited,
        }
    }

    /// About how many quads the dataset view has (sizes the store's load batches).
    pub fn estimated_quads(&self) -> usize {
        // Per evidence: its node (8) and links (2); per cited owner: a statement (5);
        // per article: its description (7); per entity: type and labels (4).
        let cited: usize = self
            .cited
            .iter()
            .flatten()
            .map(|(_, evs)| 5 + 10 * evs.len())
            .sum();
        cited + 7 * self.kg.articles.len() + 4 * self.kg.graph.node_count()
    }

    /// Every block, in output order.
    pub fn blocks(&self) -> Vec<Block> {
        let n = self.kg.graph.node_count();
        (0..n)
            .step_by(ENTITIES_PER_BLOCK)
            .map(|s| Block::Entities(s, (s + ENTITIES_PER_BLOCK).min(n)))
            .chain((0..self.kg.articles.len()).map(Block::Article))
            .collect()
    }

    /// The quads of one block, made once, each tagged with the views it belongs to.
    pub fn quads(&self, block: Block) -> Vec<(Quad, View)> {
        let mut out = Vec::new();
        match block {
            Block::Entities(start, end) => {
                for n in start..end {
                    self.entity(NodeIndex::new(n), &mut out);
                }
            }
            Block::Article(a) => {
                self.article_description(a, &mut out);
                self.article_graph(a, &mut out);
            }
        }
        out
    }

    fn entity(&self, node: NodeIndex, out: &mut Vec<(Quad, View)>) {
        let e = &self.kg.graph[node];
        let s = &self.entity_iris[node.index()];
        let g = GraphName::DefaultGraph;
        let mut add = |p: NamedNode, o: Term, view: View| {
            out.push((Quad::new(s.clone(), p, o, g.clone()), view))
        };
        add(
            rdf::TYPE.into_owned(),
            tm(e.etype.name()).into(),
            View::Both,
        );
        if e.service {
            add(
                rdf::TYPE.into_owned(),
                ns(SKOS, "Concept").into(),
                View::Both,
            );
        }
        add(rdfs::LABEL.into_owned(), text(&e.label), View::Both);
        for alt in &e.alt_labels {
            add(ns(SKOS, "altLabel"), text(alt), View::Both);
        }
        if let Some(same) = &e.same_as {
            add(ns(OWL, "sameAs"), iri(same.clone()).into(), View::Both);
        }
        // In the merged view relations stand under their subject; the dataset states them
        // in each article's graph.
        {
            let mut relations: Vec<(NamedNode, &NamedNode)> = self
                .kg
                .graph
                .edges(node)
                .map(|edge| {
                    (
                        tm(&edge.weight().property),
                        &self.entity_iris[edge.target().index()],
                    )
                })
                .collect();
            relations
                .sort_by(|a, b| (a.0.as_str(), a.1.as_str()).cmp(&(b.0.as_str(), b.1.as_str())));
            for (p, o) in relations {
                add(p, o.clone().into(), View::Merged);
            }
        }
    }

    fn article_description(&self, a: usize, out: &mut Vec<(Quad, View)>) {
        let article = &self.kg.articles[a].meta;
        let s = &self.article_iris[a];
        let g = GraphName::DefaultGraph;
        let mut add =
            |p: NamedNode, o: Term| out.push((Quad::new(s.clone(), p, o, g.clone()), View::Both));
        add(rdf::TYPE.into_owned(), tm("Article").into());
        add(rdf::TYPE.into_owned(), ns(PROV, "Entity").into());
        add(ns(DCTERMS, "title"), text(&article.title));
        add(ns(DCTERMS, "language"), text(&article.lang));
        add(tm("sourceFile"), text(&article.source));
        add(tm("contentHash"), text(&article.content_hash));
        if let Some(date) = &article.date {
            add(ns(DCTERMS, "date"), text(date));
        }
        if let Some(url) = &article.url {
            add(ns(DCTERMS, "source"), text(url));
        }
    }

    fn article_graph(&self, a: usize, out: &mut Vec<(Quad, View)>) {
        let kg = self.kg;
        let article = &kg.articles[a];
        let article_node = &self.article_iris[a];
        let g = GraphName::NamedNode(article_node.clone());
        // The relation triples first, grouped by subject (the merged view lists them
        // under their subject entity).
        {
            let mut stated: Vec<(&NamedNode, NamedNode, &NamedNode)> = self.cited[a]
                .iter()
                .filter_map(|(owner, _)| match owner {
                    Owner::Relation(edge) => {
                        let (s, o) = kg.graph.edge_endpoints(*edge)?;
                        Some((
                            &self.entity_iris[s.index()],
                            tm(&kg.graph[*edge].property),
                            &self.entity_iris[o.index()],
                        ))
                    }
                    Owner::Measurement(_) => None,
                })
                .collect();
            stated.sort_by(|x, y| {
                (x.0.as_str(), x.1.as_str(), x.2.as_str()).cmp(&(
                    y.0.as_str(),
                    y.1.as_str(),
                    y.2.as_str(),
                ))
            });
            for (s, p, o) in stated {
                out.push((Quad::new(s.clone(), p, o.clone(), g.clone()), View::Dataset));
            }
        }
        for (owner, evidence) in &self.cited[a] {
            let (node, evs) = match *owner {
                Owner::Relation(edge) => {
                    let Some((s, o)) = kg.graph.edge_endpoints(edge) else {
                        continue;
                    };
                    let (si, oi) = (&self.entity_iris[s.index()], &self.entity_iris[o.index()]);
                    let p = tm(&kg.graph[edge].property);
                    let statement = iri(format!(
                        "{TMR}assertion/{}",
                        short_hash(&[si.as_str(), p.as_str(), oi.as_str(), &article.key])
                    ));
                    let mut add = |p: NamedNode, o: Term| {
                        out.push((Quad::new(statement.clone(), p, o, g.clone()), View::Both))
                    };
                    add(rdf::TYPE.into_owned(), rdf::STATEMENT.into_owned().into());
                    add(rdf::SUBJECT.into_owned(), si.clone().into());
                    add(rdf::PREDICATE.into_owned(), p.into());
                    add(rdf::OBJECT.into_owned(), oi.clone().into());
                    (statement, &kg.graph[edge].evidence)
                }
                Owner::Measurement(m) => {
                    let measurement = &kg.measurements[m];
                    let about = &self.entity_iris[measurement.about.index()];
                    let value = decimal_lexical(measurement.value);
                    let node = iri(format!(
                        "{TMR}measurement/{}",
                        short_hash(&[
                            about.as_str(),
                            measurement.metric.name(),
                            &value,
                            measurement.currency.as_deref().unwrap_or("")
                        ])
                    ));
                    // Described in every citing article's graph; in the merged view once,
                    // where first cited.
                    let view = if measurement.evidence[0].article == a {
                        View::Both
                    } else {
                        View::Dataset
                    };
                    let mut add = |p: NamedNode, o: Term| {
                        out.push((Quad::new(node.clone(), p, o, g.clone()), view))
                    };
                    add(rdf::TYPE.into_owned(), tm("Measurement").into());
                    add(tm("about"), about.clone().into());
                    add(tm("metric"), tm(measurement.metric.name()).into());
                    add(tm("value"), typed(value, xsd::DECIMAL));
                    if let Some(c) = &measurement.currency {
                        add(tm("currency"), text(c));
                    }
                    (node, &measurement.evidence)
                }
            };
            let evidence_nodes: Vec<NamedNode> = evidence
                .iter()
                .map(|&i| {
                    iri(format!(
                        "{TMR}evidence/{}",
                        short_hash(&[
                            node.as_str(),
                            &article.key,
                            &evs[i].sentence.to_string(),
                            &evs[i].rule
                        ])
                    ))
                })
                .collect();
            for ev_node in &evidence_nodes {
                out.push((
                    Quad::new(node.clone(), tm("evidence"), ev_node.clone(), g.clone()),
                    View::Both,
                ));
            }
            out.push((
                Quad::new(
                    node.clone(),
                    ns(PROV, "wasDerivedFrom"),
                    article_node.clone(),
                    g.clone(),
                ),
                View::Both,
            ));
            for (&i, ev_node) in evidence.iter().zip(evidence_nodes) {
                let ev = &evs[i];
                // The number's own span is given on a measurement's first evidence.
                let span = match owner {
                    Owner::Measurement(m) if i == 0 => Some(kg.measurements[*m].span),
                    _ => None,
                };
                self.evidence_node(article, article_node, ev, span, ev_node, &g, out);
            }
        }
    }

    #[allow(clippy::too_many_arguments)]
    fn evidence_node(
        &self,
        article: &crate::graph::ArticleInfo,
        article_node: &NamedNode,
        ev: &Evidence,
        span: Option<(usize, usize)>,
        node: NamedNode,
        g: &GraphName,
        out: &mut Vec<(Quad, View)>,
    ) {
        let mut add = |p: NamedNode, o: Term| {
            out.push((Quad::new(node.clone(), p, o, g.clone()), View::Both))
        };
        add(rdf::TYPE.into_owned(), tm("Evidence").into());
        add(ns(PROV, "wasQuotedFrom"), article_node.clone().into());
        // Every evidence cites its sentence (the record keeps them); a missing one would
        // be a bug upstream, so it loses its text rather than the build.
        if let Some(cited) = article.sentence(ev.sentence) {
            add(ns(PROV, "value"), text(&cited.text));
            add(
                tm("startOffset"),
                typed(cited.start.to_string(), xsd::INTEGER),
            );
            add(tm("endOffset"), typed(cited.end.to_string(), xsd::INTEGER));
        }
        if let Some((vs, ve)) = span {
            add(tm("valueStartOffset"), typed(vs.to_string(), xsd::INTEGER));
            add(tm("valueEndOffset"), typed(ve.to_string(), xsd::INTEGER));
        }
        add(tm("rule"), text(&ev.rule));
        add(
            tm("confidence"),
            // Canonical xsd:decimal ("0.9", not "0.90"): stores that normalise literals
            // then hold the very triples of the files.
            typed(
                decimal_lexical((f64::from(ev.confidence) * 100.0).round() / 100.0),
                xsd::DECIMAL,
            ),
        );
    }
}

fn serializer(format: RdfFormat) -> RdfSerializer {
    let mut s = RdfSerializer::from_format(format);
    for (p, i) in PREFIXES {
        s = s.with_prefix(*p, *i).expect("valid prefix");
    }
    s
}

/// The prefix lines a Turtle or TriG serializer writes first, as it writes them.
fn prefix_header() -> String {
    let probe = Quad::new(
        tm("Article"),
        rdf::TYPE.into_owned(),
        tm("Article"),
        GraphName::DefaultGraph,
    );
    let mut w = serializer(RdfFormat::Turtle).for_writer(Vec::new());
    let bytes = w
        .serialize_triple(oxigraph::model::TripleRef::from(probe.as_ref()))
        .and_then(|()| w.finish())
        .unwrap_or_default();
    let text = String::from_utf8_lossy(&bytes);
    text[..prelude_len(&text)].to_string()
}

/// Length of the leading `@prefix` lines of a serialization.
fn prelude_len(text: &str) -> usize {
    let mut end = 0;
    for line in text.split_inclusive('\n') {
        if !line.starts_with("@prefix ") {
            break;
        }
        end += line.len();
    }
    end
}

/// Serializes one block on its own. Blocks are self-contained (each ends its statements
/// and graphs), so their bytes concatenate; the prefix lines are written once per file.
fn serialize_block(quads: &[&Quad], format: RdfFormat, header: &str) -> std::io::Result<Vec<u8>> {
    let write = |ser: RdfSerializer| -> std::io::Result<Vec<u8>> {
        let mut w = ser.for_writer(Vec::new());
        for q in quads {
            if format == RdfFormat::Turtle {
                w.serialize_triple(oxigraph::model::TripleRef::from(q.as_ref()))?;
            } else {
                w.serialize_quad(*q)?;
            }
        }
        w.finish()
    };
    if matches!(format, RdfFormat::NQuads | RdfFormat::NTriples) {
        return write(RdfSerializer::from_format(format));
    }
    let bytes = write(serializer(format))?;
    match bytes.strip_prefix(header.as_bytes()) {
        Some(rest) => Ok(rest.to_vec()),
        None if quads.is_empty() => Ok(bytes),
        // Should the serializer ever declare prefixes differently, full IRIs are right.
        None => write(RdfSerializer::from_format(format)),
    }
}

/// Where [`write_rdf`] writes: any of the three files and the store.
#[derive(Debug, Clone, Default)]
pub struct RdfTargets {
    /// Turtle of the merged graph.
    pub turtle: Option<PathBuf>,
    /// TriG: the default graph and one named graph per article.
    pub trig: Option<PathBuf>,
    /// N-Quads of the same dataset.
    pub nquads: Option<PathBuf>,
    /// The Oxigraph store folder: updated in place when it records what it holds and
    /// little changed, else rebuilt with the bulk loader and swapped in.
    pub store: Option<PathBuf>,
    /// Whether an existing store may be updated in place (false: always rebuild it).
    pub update_store: bool,
}

/// How the store was written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StoreWrite {
    /// Rebuilt from nothing with the bulk loader.
    Rebuilt,
    /// Updated in place: this many units (entities, articles) rewritten or removed, of
    /// this many.
    Updated { rewritten: usize, units: usize },
}

impl std::fmt::Display for StoreWrite {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            StoreWrite::Rebuilt => write!(f, "rebuilt"),
            StoreWrite::Updated { rewritten, units } => write!(
                f,
                "updated in place: {rewritten} of {units} entities and articles rewritten"
            ),
        }
    }
}

/// Blocks serialized in parallel per round; bounds what is held between writes.
const BLOCKS_PER_ROUND: usize = 1024;

/// One pass of [`write_rdf`] over the blocks: into a new store's loader, into the files,
/// or into the files while comparing an existing store's units.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Pass {
    Store,
    Files,
    Both,
}

impl Pass {
    fn feeds_loader(self) -> bool {
        self == Pass::Store
    }

    fn serializes(self) -> bool {
        self != Pass::Store
    }
}

/// What one block gives a pass: its bytes per file format, its dataset quads for the
/// loader, and its store units (each with its quads when it changed).
type BlockOutput = (
    Vec<std::io::Result<Vec<u8>>>,
    Vec<Quad>,
    Vec<crate::store::BlockUnit>,
);

/// Makes one block's quads and what `pass` needs of them. With `units_against`, the
/// block's store units are hashed and compared with that earlier record, if any.
fn block_output(
    blocks: &QuadBlocks,
    block: Block,
    pass: Pass,
    formats: &[RdfFormat],
    header: &str,
    units_against: Option<Option<&crate::store::StoreUnits>>,
) -> BlockOutput {
    let quads = blocks.quads(block);
    let view = |view: View| -> Vec<&Quad> {
        quads
            .iter()
            .filter(|(_, tag)| view.holds(*tag))
            .map(|(q, _)| q)
            .collect()
    };
    let in_dataset = view(View::Dataset);
    let bytes = if pass.serializes() {
        let merged = view(View::Merged);
        formats
            .iter()
            .map(|&f| {
                let shown = if f == RdfFormat::Turtle {
                    &merged
                } else {
                    &in_dataset
                };
                serialize_block(shown, f, header)
            })
            .collect()
    } else {
        Vec::new()
    };
    let units = match units_against {
        Some(previous) => crate::store::units_of_block(&in_dataset, previous),
        None => Vec::new(),
    };
    let dataset = if pass.feeds_loader() {
        View::Dataset.take(quads).collect()
    } else {
        Vec::new()
    };
    (bytes, dataset, units)
}

/// Streams the graph into Turtle, TriG, N-Quads and the store: blocks of quads are made
/// and serialized in parallel and written in order; a new store's bulk loader, on other
/// threads, gets them in a pass of their own before the files. No file or store is
/// replaced unless all of them succeed.
pub fn write_rdf(
    kg: &KnowledgeGraph,
    targets: &RdfTargets,
    progress: &indicatif::ProgressBar,
) -> Result<Option<StoreWrite>> {
    use rayon::prelude::*;
    let header = prefix_header();
    let blocks = QuadBlocks::new(kg);
    let order = blocks.blocks();
    let mut files = Vec::new();
    for (path, format) in [
        (&targets.turtle, RdfFormat::Turtle),
        (&targets.trig, RdfFormat::TriG),
        (&targets.nquads, RdfFormat::NQuads),
    ] {
        if let Some(path) = path {
            let mut file = PendingFile::create(path)?;
            if format != RdfFormat::NQuads {
                file.file
                    .write_all(header.as_bytes())
                    .map_err(|e| file.error(e))?;
            }
            files.push((file, format));
        }
    }
    let formats: Vec<RdfFormat> = files.iter().map(|(_, format)| *format).collect();
    let want_store = targets.store.is_some();
    // A store that records its units is updated in place when little changed: the
    // blocks are compared unit by unit as they are written, instead of fed to a loader.
    let previous = targets
        .store
        .as_deref()
        .filter(|_| targets.update_store)
        .and_then(crate::store::StoreUnits::load);
    let feed_loader = want_store && previous.is_none();
    let mut units = crate::store::StoreUnits::default();
    let mut changed: Vec<(String, Vec<Quad>)> = Vec::new();
    // Past this many changed units the store is rebuilt, so their quads are not held.
    let update_limit = previous.as_ref().map_or(0, |p| p.update_limit());
    let mut too_many_changes = false;
    std::thread::scope(|scope| -> Result<Option<StoreWrite>> {
        let (to_store, from_blocks) = std::sync::mpsc::sync_channel::<Vec<Quad>>(4);
        let loader = targets.store.as_ref().filter(|_| feed_loader).map(|path| {
            let expected = blocks.estimated_quads();
            scope.spawn(move || {
                crate::store::build_store(path, from_blocks.into_iter().flatten(), expected)
            })
        });
        // A store built from nothing gets every quad first and the files come after:
        // the loader then merges its batches into the store's tables while the files
        // are serialized, instead of the files competing with its indexing and the
        // cores idling through its merge. Otherwise one pass does both.
        let passes: &[Pass] = if feed_loader {
            &[Pass::Store, Pass::Files]
        } else {
            &[Pass::Both]
        };
        progress.set_length((order.len() * passes.len()) as u64);
        let mut to_store = Some(to_store);
        for &pass in passes {
            // Units are hashed once: for a new store in the files' pass, which runs during
            // its compaction with a core to spare, not in the loader's, which has none.
            let units_against = (want_store && pass != Pass::Store).then_some(previous.as_ref());
            for round in order.chunks(BLOCKS_PER_ROUND) {
                let done: Vec<BlockOutput> = round
                    .par_iter()
                    .map(|&block| {
                        block_output(&blocks, block, pass, &formats, &header, units_against)
                    })
                    .collect();
                for (bytes, dataset, block_units) in done {
                    for (unit, hash, quads) in block_units {
                        if let Some(quads) = quads.filter(|_| !too_many_changes) {
                            changed.push((unit.clone(), quads));
                            if changed.len() > update_limit {
                                too_many_changes = true;
                                changed = Vec::new();
                            }
                        }
                        units.hashes.insert(unit, hash);
                    }
                    for ((file, _), b) in files.iter_mut().zip(bytes) {
                        b.and_then(|b| file.file.write_all(&b))
                            .map_err(|e| file.error(e))?;
                    }
                    if let Some(sender) = to_store.as_ref().filter(|_| pass.feeds_loader()) {
                        // A closed channel means the loader failed; its error is
                        // reported below.
                        if sender.send(dataset).is_err() {
                            to_store = None;
                        }
                    }
                    progress.inc(1);
                }
            }
            if pass.feeds_loader() {
                // The loader merges and commits while the files are written.
                to_store = None;
                progress.set_message("indexing the store");
            }
        }
        drop(to_store);
        let built = match loader {
            Some(handle) => Some(
                handle
                    .join()
                    .map_err(|_| Error::Other("the store loader thread panicked".into()))??,
            ),
            None => None,
        };
        // The store's new content: a fresh store to swap in once the files are in place,
        // or the old one updated in place first.
        let (built, write) = match (&targets.store, &previous) {
            (None, _) => (None, None),
            (Some(_), None) => (built, Some(StoreWrite::Rebuilt)),
            (Some(path), Some(previous)) => {
                let removed = previous.removed_from(&units);
                let rewritten = changed.len() + removed.len();
                if too_many_changes || rewritten > update_limit {
                    // Too much changed: a rebuild from nothing, with the quads made again.
                    progress.set_message("rebuilding the store");
                    let quads = order
                        .iter()
                        .flat_map(|&b| View::Dataset.take(blocks.quads(b)));
                    let built = crate::store::build_store(path, quads, blocks.estimated_quads())?;
                    (Some(built), Some(StoreWrite::Rebuilt))
                } else {
                    progress.set_message("updating the store");
                    let total = units.hashes.len().max(previous.hashes.len());
                    if rewritten > 0 {
                        let delta = crate::store::StoreDelta {
                            changed: std::mem::take(&mut changed),
                            removed,
                            units: std::mem::take(&mut units),
                        };
                        crate::store::update_store(path, delta)?;
                    }
                    let write = StoreWrite::Updated {
                        rewritten,
                        units: total,
                    };
                    (None, Some(write))
                }
            }
        };
        for (f, _) in files.drain(..) {
            f.persist()?;
        }
        if let Some(built) = built {
            built.record_units(&units)?;
            built.swap_in()?;
        }
        Ok(write)
    })
}

fn dot_escape(s: &str) -> String {
    s.replace('\\', "\\\\")
        .replace('"', "\\\"")
        .replace('\n', " ")
}

fn dot_style(etype: EntityType) -> (&'static str, &'static str) {
    match etype {
        EntityType::Company => ("box", "#cfe2ff"),
        EntityType::Regulator => ("hexagon", "#f8d7da"),
        EntityType::PublicBody => ("house", "#fff3cd"),
        EntityType::Person => ("ellipse", "#d1e7dd"),
        EntityType::Product => ("component", "#e2d9f3"),
        EntityType::Place => ("octagon", "#e9ecef"),
    }
}

/// The diagram: entities styled by type, edges labelled by relation, numbers as notes.
pub fn write_dot(path: &Path, kg: &KnowledgeGraph) -> Result<()> {
    let symmetric = &crate::knowledge::Knowledge::global().common.signatures;
    write_atomic(path, |w| {
        writeln!(w, "digraph telekg {{")?;
        writeln!(w, "  rankdir=LR; bgcolor=\"white\"; node [fontname=\"Helvetica\", style=filled]; edge [fontname=\"Helvetica\", fontsize=10];")?;
        for idx in kg.graph.node_indices() {
            let e = &kg.graph[idx];
            let (shape, color) = dot_style(e.etype);
            writeln!(
                w,
                "  n{} [label=\"{}\\n({})\", shape={shape}, fillcolor=\"{color}\"];",
                idx.index(),
                dot_escape(&e.label),
                e.etype.name()
            )?;
        }
        for edge in kg.graph.edge_indices() {
            let (s, o) = kg.graph.edge_endpoints(edge).expect("edge");
            let r = &kg.graph[edge];
            let dir = if symmetric.get(&*r.property).is_some_and(|s| s.symmetric) {
                ", dir=both"
            } else {
                ""
            };
            writeln!(
                w,
                "  n{} -> n{} [label=\"{}\"{dir}];",
                s.index(),
                o.index(),
                dot_escape(&r.property)
            )?;
        }
        for (i, m) in kg.measurements.iter().enumerate() {
            let value = format!(
                "{} {}",
                decimal_lexical(m.value),
                m.currency.as_deref().unwrap_or("")
            );
            writeln!(
                w,
                "  m{i} [label=\"{}\\n{}\", shape=note, fillcolor=\"#fefefe\", fontsize=9];",
                m.metric.name(),
                dot_escape(value.trim())
            )?;
            writeln!(
                w,
                "  n{} -> m{i} [style=dashed, arrowhead=none];",
                m.about.index()
            )?;
        }
        writeln!(w, "}}")
    })
}

/// Renders the diagram with Graphviz; `Ok(false)` when `dot` is not installed.
pub fn render_svg(dot: &Path, svg: &Path) -> Result<bool> {
    let dir = svg.parent().unwrap_or(Path::new("."));
    let tmp: PathBuf = dir.join(".telekg-graph.svg.tmp");
    let status = std::process::Command::new("dot")
        .arg("-Tsvg")
        .arg("-o")
        .arg(&tmp)
        .arg(dot)
        .status();
    match status {
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(false),
        Err(source) => Err(Error::Write {
            path: svg.to_path_buf(),
            source,
        }),
        Ok(s) if !s.success() => {
            let _ = std::fs::remove_file(&tmp);
            Err(Error::Other(format!(
                "{}: Graphviz dot failed ({s})",
                dot.display()
            )))
        }
        Ok(_) => {
            std::fs::rename(&tmp, svg).map_err(|source| Error::Write {
                path: svg.to_path_buf(),
                source,
            })?;
            Ok(true)
        }
    }
}
