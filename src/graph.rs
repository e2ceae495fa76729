//! Graph stage: resolved entities as petgraph nodes, relations as edges that carry their
//! evidence, measurements beside them. Symmetric relations are stored once, in key order.

use crate::extract::{ArticleMeta, ArticleRecord, CitedSentence, Metric};
use crate::knowledge::{EntityType, Knowledge};
use crate::resolve::{Entity, Resolution};
use foldhash::{HashMap, HashMapExt};
use petgraph::graph::{DiGraph, NodeIndex};
use std::collections::BTreeMap;
use std::sync::Arc;

/// Where a relation or measurement was read.
#[derive(Debug, Clone, PartialEq)]
pub struct Evidence {
    /// Index into [`KnowledgeGraph::articles`].
    pub article: usize,
    pub sentence: usize,
    pub rule: Arc<str>,
    pub confidence: f32,
}

#[derive(Debug, Clone)]
pub struct RelationEdge {
    pub property: Arc<str>,
    pub evidence: Vec<Evidence>,
}

#[derive(Debug, Clone)]
pub struct Measurement {
    pub about: NodeIndex,
    pub metric: Metric,
    pub value: f64,
    pub currency: Option<Arc<str>>,
    pub evidence: Vec<Evidence>,
    /// Character offsets of the number in the first evidence's article.
    pub span: (usize, usize),
}

/// What the export needs of an article, moved out of its record.
#[derive(Debug, Clone)]
pub struct ArticleInfo {
    /// Unique among the build's articles: the IRI's local name.
    pub key: String,
    pub meta: ArticleMeta,
    /// The sentences evidence cites, by ascending index.
    pub sentences: Vec<CitedSentence>,
}

impl ArticleInfo {
    /// The cited sentence `index` (every evidence's sentence is cited).
    pub fn sentence(&self, index: usize) -> Option<&CitedSentence> {
        self.sentences
            .binary_search_by_key(&index, |s| s.index)
            .ok()
            .map(|i| &self.sentences[i])
    }
}

/// The merged graph. It takes its texts (article metadata, cited sentences) from the
/// article records it is built from, which then go: at 10^6 articles the records are
/// gigabytes, and the export no longer needs their mentions and claims.
#[derive(Debug, Default)]
pub struct KnowledgeGraph {
    pub graph: DiGraph<Entity, RelationEdge>,
    pub measurements: Vec<Measurement>,
    pub articles: Vec<ArticleInfo>,
}

impl KnowledgeGraph {
    pub fn entity_count(&self, etype: EntityType) -> usize {
        self.graph
            .node_weights()
            .filter(|e| e.etype == etype)
            .count()
    }
    pub fn relation_counts(&self) -> BTreeMap<String, usize> {
        let mut counts = BTreeMap::new();
        for e in self.graph.edge_weights() {
            *counts.entry(e.property.to_string()).or_default() += 1;
        }
        counts
    }
}

/// Unique article keys: the id's slug, with a content-hash suffix when two articles share it.
fn article_keys(records: &[ArticleRecord]) -> Vec<String> {
    use rayon::prelude::*;
    let slugs: Vec<String> = records
        .par_iter()
        .map(|x| {
            let s = crate::resolve::slug(&x.meta.id);
            if s.is_empty() {
                "article".to_string()
            } else {
                s
            }
        })
        .collect();
    let mut count: HashMap<&str, usize> = HashMap::new();
    for s in &slugs {
        *count.entry(s.as_str()).or_default() += 1;
    }
    let shared: Vec<bool> = slugs.iter().map(|s| count[s.as_str()] > 1).collect();
    slugs
        .into_iter()
        .zip(records)
        .zip(shared)
        .map(|((s, x), shared)| {
            if shared {
                format!("{s}-{}", &x.meta.content_hash[..8])
            } else {
                s
            }
        })
        .collect()
}

/// Adds evidence unless the same article's same sentence gave it by the same rule
/// (articles come in order, so only the tail can hold it: no quadratic scan on hubs).
fn push_evidence(list: &mut Vec<Evidence>, evidence: Evidence) {
    let repeated = list
        .iter()
        .rev()
        .take_while(|e| e.article == evidence.article)
        .any(|e| e.sentence == evidence.sentence && e.rule == evidence.rule);
    if !repeated {
        list.push(evidence);
    }
}

/// Where a claim was read, before its rule name is shared (see [`SharedTexts`]).
struct ClaimSource<'a> {
    article: usize,
    sentence: usize,
    rule: &'a str,
    confidence: f32,
}

/// A relation claim with its arguments resolved to entities.
struct ResolvedRelation<'a> {
    subject: usize,
    object: usize,
    /// Stored once for both directions, in key order.
    symmetric: bool,
    property: &'a str,
    source: ClaimSource<'a>,
}

/// A fact claim with its entity and the lexical form that identifies its value.
struct ResolvedFact<'a> {
    about: usize,
    metric: Metric,
    value: f64,
    value_key: String,
    currency: Option<&'a str>,
    span: (usize, usize),
    source: ClaimSource<'a>,
}

/// The few distinct texts that many claims repeat (rule names, properties, currencies),
/// one shared copy each: the graph owns its texts without one allocation per claim.
#[derive(Default)]
struct SharedTexts(HashMap<Box<str>, Arc<str>>);

impl SharedTexts {
    fn get(&mut self, text: &str) -> Arc<str> {
        if let Some(shared) = self.0.get(text) {
            return shared.clone();
        }
        let shared: Arc<str> = Arc::from(text);
        self.0.insert(text.into(), shared.clone());
        shared
    }

    fn evidence(&mut self, source: ClaimSource) -> Evidence {
        Evidence {
            article: source.article,
            sentence: source.sentence,
            rule: self.get(source.rule),
            confidence: source.confidence,
        }
    }
}

/// Articles whose claims are resolved in parallel before they are merged in order:
/// enough for every core, few enough to bound what is held.
const ARTICLES_PER_ROUND: usize = 8192;

/// Resolves one article's claims: what can be worked out apart from the shared graph
/// (entity lookups, property signatures, value keys).
fn resolve_claims<'a>(
    a: usize,
    x: &'a ArticleRecord,
    mention_entity: &[usize],
) -> (Vec<ResolvedRelation<'a>>, Vec<ResolvedFact<'a>>) {
    let signatures = &Knowledge::global().common.signatures;
    let relations = x
        .relations
        .iter()
        .filter_map(|r| {
            let (subject, object) = (mention_entity[r.subject], mention_entity[r.object]);
            if subject == object {
                return None;
            }
            let symmetric = signatures.get(&r.property).is_some_and(|sig| sig.symmetric);
            Some(ResolvedRelation {
                subject,
                object,
                symmetric,
                property: &r.property,
                source: ClaimSource {
                    article: a,
                    sentence: r.sentence,
                    rule: &r.rule,
                    confidence: r.confidence,
                },
            })
        })
        .collect();
    let facts = x
        .facts
        .iter()
        .zip(&x.fact_spans)
        .map(|(f, &span)| ResolvedFact {
            about: mention_entity[f.about],
            metric: f.metric,
            value: f.value,
            value_key: crate::extract::numbers::decimal_lexical(f.value),
            currency: f.currency.as_deref(),
            span,
            source: ClaimSource {
                article: a,
                sentence: f.sentence,
                rule: &f.rule,
                confidence: f.confidence,
            },
        })
        .collect();
    (relations, facts)
}

/// Builds the merged graph from the records, which it consumes: the resolution's
/// entities move into the nodes, and each article's description and cited sentences
/// into the graph's article list; mentions and claims go once merged. Claims are
/// resolved per article on every core, then merged in article order, so the graph does
/// not depend on the number of cores.
pub fn build_graph(records: Vec<ArticleRecord>, resolution: Resolution) -> KnowledgeGraph {
    use rayon::prelude::*;
    let mut kg = KnowledgeGraph::default();
    let Resolution {
        entities,
        mention_entity,
    } = resolution;
    let etypes: Vec<EntityType> = entities.iter().map(|e| e.etype).collect();
    // Each entity moves into its node the first time it is used.
    let mut unplaced: Vec<Option<Entity>> = entities.into_iter().map(Some).collect();
    let mut node_of: Vec<Option<NodeIndex>> = vec![None; unplaced.len()];
    let mut node = |kg: &mut KnowledgeGraph, entity: usize| -> NodeIndex {
        *node_of[entity].get_or_insert_with(|| {
            let e = unplaced[entity].take().expect("an entity becomes one node");
            kg.graph.add_node(e)
        })
    };
    // Organisations and people named anywhere are nodes; places and products only when a
    // relation or measurement uses them.
    for (x, row) in records.iter().zip(&mention_entity) {
        for (mention, &e) in x.mentions.iter().zip(row) {
            let etype = etypes[e];
            if mention.is_name() && (etype.is_organisation() || etype == EntityType::Person) {
                node(&mut kg, e);
            }
        }
    }
    let mut shared = SharedTexts::default();
    let mut edge_of: HashMap<(NodeIndex, Arc<str>, NodeIndex), petgraph::graph::EdgeIndex> =
        HashMap::new();
    // A measurement is one entity's metric at one value (lexical form) and currency.
    type MeasurementKey = (NodeIndex, Metric, String, Option<Arc<str>>);
    let mut measurement_of: HashMap<MeasurementKey, usize> = HashMap::new();
    for (round, chunk) in records.chunks(ARTICLES_PER_ROUND).enumerate() {
        let first = round * ARTICLES_PER_ROUND;
        let resolved: Vec<_> = chunk
            .par_iter()
            .enumerate()
            .map(|(i, x)| resolve_claims(first + i, x, &mention_entity[first + i]))
            .collect();
        for (relations, facts) in resolved {
            for r in relations {
                let (mut s, mut o) = (node(&mut kg, r.subject), node(&mut kg, r.object));
                if r.symmetric && kg.graph[s].key > kg.graph[o].key {
                    std::mem::swap(&mut s, &mut o);
                }
                let property = shared.get(r.property);
                let edge = *edge_of.entry((s, property.clone(), o)).or_insert_with(|| {
                    kg.graph.add_edge(
                        s,
                        o,
                        RelationEdge {
                            property,
                            evidence: Vec::new(),
                        },
                    )
                });
                let evidence = shared.evidence(r.source);
                push_evidence(&mut kg.graph[edge].evidence, evidence);
            }
            for f in facts {
                let about = node(&mut kg, f.about);
                let currency = f.currency.map(|c| shared.get(c));
                let idx = *measurement_of
                    .entry((about, f.metric, f.value_key, currency.clone()))
                    .or_insert_with(|| {
                        kg.measurements.push(Measurement {
                            about,
                            metric: f.metric,
                            value: f.value,
                            currency,
                            evidence: Vec::new(),
                            span: f.span,
                        });
                        kg.measurements.len() - 1
                    });
                let evidence = shared.evidence(f.source);
                push_evidence(&mut kg.measurements[idx].evidence, evidence);
            }
        }
    }
    drop((edge_of, measurement_of, mention_entity));
    let keys = article_keys(&records);
    kg.articles = records
        .into_iter()
        .zip(keys)
        .map(|(x, key)| ArticleInfo {
            key,
            meta: x.meta,
            sentences: x.sentences,
        })
        .collect();
    kg
}
