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
    let mut count: HashMap<String, usize> = HashMap::new();
    let slugs: Vec<String> = records
        .iter()
        .map(|x| {
            let s = crate::resolve::slug(&x.meta.id);
            if s.is_empty() {
                "article".to_string()
            } else {
                s
            }
        })
        .collect();
    for s in &slugs {
        *count.entry(s.clone()).or_default() += 1;
    }
    slugs
        .into_iter()
        .zip(records)
        .map(|(s, x)| {
            if count[&s] > 1 {
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

/// Builds the merged graph. The resolution's entities move into the nodes.
pub fn build_graph(records: &[ArticleRecord], resolution: Resolution) -> KnowledgeGraph<'_> {
    let signatures = &Knowledge::global().common.signatures;
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
    let keys = article_keys(records);
    // Organisations and people named anywhere are nodes; places and products only when a
    // relation or measurement uses them.
    for (a, x) in records.iter().enumerate() {
        for (m, mention) in x.mentions.iter().enumerate() {
            let e = mention_entity[a][m];
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
    for ((a, x), key) in records.iter().enumerate().zip(keys) {
        kg.articles.push(ArticleInfo {
            key,
            meta: &x.meta,
            sentences: &x.sentences,
        });
        for r in &x.relations {
            let (se, oe) = (mention_entity[a][r.subject], mention_entity[a][r.object]);
            if se == oe {
                continue;
            }
            let (mut s, mut o) = (node(&mut kg, se), node(&mut kg, oe));
            if signatures.get(&r.property).is_some_and(|sig| sig.symmetric)
                && kg.graph[s].key > kg.graph[o].key
            {
                std::mem::swap(&mut s, &mut o);
            }
            let evidence = Evidence {
                article: a,
                sentence: r.sentence,
                rule: &r.rule,
                confidence: r.confidence,
            };
            let edge = *edge_of
                .entry((s, r.property.as_str(), o))
                .or_insert_with(|| {
                    kg.graph.add_edge(
                        s,
                        o,
                        RelationEdge {
                            property: &r.property,
                            evidence: Vec::new(),
                        },
                    )
                });
            push_evidence(&mut kg.graph[edge].evidence, evidence);
        }
        for (f, &span) in x.facts.iter().zip(&x.fact_spans) {
            let about = node(&mut kg, mention_entity[a][f.about]);
            let value_key = crate::extract::numbers::decimal_lexical(f.value);
            let evidence = Evidence {
                article: a,
                sentence: f.sentence,
                rule: &f.rule,
                confidence: f.confidence,
            };
            let idx = *measurement_of
                .entry((about, f.metric, value_key, f.currency.as_deref()))
                .or_insert_with(|| {
                    kg.measurements.push(Measurement {
                        about,
                        metric: f.metric,
                        value: f.value,
                        currency: f.currency.as_deref(),
                        evidence: Vec::new(),
                        span,
                    });
                    kg.measurements.len() - 1
                });
            push_evidence(&mut kg.measurements[idx].evidence, evidence);
        }
    }
    kg
}
