//! Graph stage: resolved entities as petgraph nodes, relations as edges that carry their
//! evidence, measurements beside them. Symmetric relations are stored once, in key order.

use crate::extract::{ArticleMeta, ArticleRecord, CitedSentence, Metric};
use crate::knowledge::{EntityType, Knowledge};
use crate::resolve::{Entity, Resolution};
use foldhash::{HashMap, HashMapExt};
use petgraph::graph::{DiGraph, NodeIndex};
use std::collections::BTreeMap;

/// Where a relation or measurement was read.
#[derive(Debug, Clone, PartialEq)]
pub struct Evidence<'a> {
    /// Index into [`KnowledgeGraph::articles`].
    pub article: usize,
    pub sentence: usize,
    pub rule: &'a str,
    pub confidence: f32,
}

#[derive(Debug, Clone)]
pub struct RelationEdge<'a> {
    pub property: &'a str,
    pub evidence: Vec<Evidence<'a>>,
}

#[derive(Debug, Clone)]
pub struct Measurement<'a> {
    pub about: NodeIndex,
    pub metric: Metric,
    pub value: f64,
    pub currency: Option<&'a str>,
    pub evidence: Vec<Evidence<'a>>,
    /// Character offsets of the number in the first evidence's article.
    pub span: (usize, usize),
}

/// What the export needs of an article, borrowed from its record.
#[derive(Debug, Clone)]
pub struct ArticleInfo<'a> {
    /// Unique among the build's articles: the IRI's local name.
    pub key: String,
    pub meta: &'a ArticleMeta,
    /// The sentences evidence cites, by ascending index.
    pub sentences: &'a [CitedSentence],
}

impl ArticleInfo<'_> {
    /// The cited sentence `index` (every evidence's sentence is cited).
    pub fn sentence(&self, index: usize) -> Option<&CitedSentence> {
        self.sentences
            .binary_search_by_key(&index, |s| s.index)
            .ok()
            .map(|i| &self.sentences[i])
    }
}

/// The merged graph. It borrows its texts (article metadata, cited sentences, rule
/// names) from the article records it was built from rather than copying them: at 10^6
/// articles the cited sentences alone are gigabytes.
#[derive(Debug, Default)]
pub struct KnowledgeGraph<'a> {
    pub graph: DiGraph<Entity, RelationEdge<'a>>,
    pub measurements: Vec<Measurement<'a>>,
    pub articles: Vec<ArticleInfo<'a>>,
}

impl KnowledgeGraph<'_> {
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
fn push_evidence<'a>(list: &mut Vec<Evidence<'a>>, evidence: Evidence<'a>) {
    let repeated = list
        .iter()
        .rev()
        .take_while(|e| e.article == evidence.article)
        .any(|e| e.sentence == evidence.sentence && e.rule == evidence.rule);
    if !repeated {
        list.push(evidence);
    }
}

/// A relation claim with its arguments resolved to entities.
struct ResolvedRelation<'a> {
    subject: usize,
    object: usize,
    /// Stored once for both directions, in key order.
    symmetric: bool,
    property: &'a str,
    evidence: Evidence<'a>,
}

/// A fact claim with its entity and the lexical form that identifies its value.
struct ResolvedFact<'a> {
    about: usize,
    metric: Metric,
    value: f64,
    value_key: String,
    currency: Option<&'a str>,
    span: (usize, usize),
    evidence: Evidence<'a>,
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
            // The signature's own copy of the name: a few strings shared by every edge,
            // not one read from each claim when edges are looked up.
            let (property, symmetric) = match signatures.get_key_value(&r.property) {
                Some((name, sig)) => (name.as_str(), sig.symmetric),
                None => (r.property.as_str(), false),
            };
            Some(ResolvedRelation {
                subject,
                object,
                symmetric,
                property,
                evidence: Evidence {
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
            evidence: Evidence {
                article: a,
                sentence: f.sentence,
                rule: &f.rule,
                confidence: f.confidence,
            },
        })
        .collect();
    (relations, facts)
}

/// Builds the merged graph. The resolution's entities move into the nodes. Claims are
/// resolved per article on every core, then merged in article order, so the graph does
/// not depend on the number of cores.
pub fn build_graph(records: &[ArticleRecord], resolution: Resolution) -> KnowledgeGraph<'_> {
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
    let mut edge_of: HashMap<(NodeIndex, &str, NodeIndex), petgraph::graph::EdgeIndex> =
        HashMap::new();
    let mut measurement_of: HashMap<(NodeIndex, Metric, String, Option<&str>), usize> =
        HashMap::new();
    let mut keys = article_keys(records).into_iter();
    for (round, chunk) in records.chunks(ARTICLES_PER_ROUND).enumerate() {
        let first = round * ARTICLES_PER_ROUND;
        let resolved: Vec<_> = chunk
            .par_iter()
            .enumerate()
            .map(|(i, x)| resolve_claims(first + i, x, &mention_entity[first + i]))
            .collect();
        for ((x, (relations, facts)), key) in chunk.iter().zip(resolved).zip(keys.by_ref()) {
            kg.articles.push(ArticleInfo {
                key,
                meta: &x.meta,
                sentences: &x.sentences,
            });
            for r in relations {
                let (mut s, mut o) = (node(&mut kg, r.subject), node(&mut kg, r.object));
                if r.symmetric && kg.graph[s].key > kg.graph[o].key {
                    std::mem::swap(&mut s, &mut o);
                }
                let edge = *edge_of.entry((s, r.property, o)).or_insert_with(|| {
                    kg.graph.add_edge(
                        s,
                        o,
                        RelationEdge {
                            property: r.property,
                            evidence: Vec::new(),
                        },
                    )
                });
                push_evidence(&mut kg.graph[edge].evidence, r.evidence);
            }
            for f in facts {
                let about = node(&mut kg, f.about);
                let idx = *measurement_of
                    .entry((about, f.metric, f.value_key, f.currency))
                    .or_insert_with(|| {
                        kg.measurements.push(Measurement {
                            about,
                            metric: f.metric,
                            value: f.value,
                            currency: f.currency,
                            evidence: Vec::new(),
                            span: f.span,
                        });
                        kg.measurements.len() - 1
                    });
                push_evidence(&mut kg.measurements[idx].evidence, f.evidence);
            }
        }
    }
    kg
}
