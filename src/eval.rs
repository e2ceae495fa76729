//! `telekg eval GOLD_DIR`: the metrics of `shared/eval/score.py`, computed in-process, per
//! article, per language and overall, with the missing and wrong triples listed, so that
//! whoever adds a language or a rule can measure it.
//!
//! Gold is `<id>.txt` + `<id>.json` (see the corpus guidelines). Graph nodes are matched to
//! gold entities by their labels, normalised as score.py does.

use crate::error::{Error, Result};
use crate::extract::numbers::decimal_lexical;
use crate::graph::KnowledgeGraph;
use crate::ingest::{load, IngestOptions, InputFile};
use crate::knowledge::Knowledge;
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::path::{Path, PathBuf};

#[derive(Debug, Deserialize)]
pub struct GoldEntity {
    pub key: String,
    #[serde(rename = "type")]
    pub etype: String,
    pub names: Vec<String>,
}

#[derive(Debug, Deserialize)]
pub struct GoldRelation {
    pub s: String,
    pub p: String,
    pub o: String,
}

#[derive(Debug, Deserialize)]
pub struct GoldFact {
    pub s: String,
    pub metric: String,
    pub value: f64,
    #[serde(default)]
    pub unit: Option<String>,
    #[serde(default)]
    pub alt: Vec<serde_json::Value>,
}

#[derive(Debug, Deserialize)]
pub struct GoldDoc {
    pub id: String,
    pub lang: String,
    pub entities: Vec<GoldEntity>,
    pub relations: Vec<GoldRelation>,
    #[serde(default)]
    pub facts: Vec<GoldFact>,
}

/// Counts of one article, a language or the whole set.
#[derive(Debug, Default, Clone, Serialize)]
pub struct Counts {
    pub ent_tp: usize,
    pub ent_fp: usize,
    pub ent_gold: usize,
    pub ent_found: usize,
    pub rel_tp: usize,
    pub rel_fp: usize,
    pub rel_gold: usize,
    pub fact_tp: usize,
    pub fact_fp: usize,
    pub fact_gold: usize,
}

impl Counts {
    fn add(&mut self, o: &Counts) {
        self.ent_tp += o.ent_tp;
        self.ent_fp += o.ent_fp;
        self.ent_gold += o.ent_gold;
        self.ent_found += o.ent_found;
        self.rel_tp += o.rel_tp;
        self.rel_fp += o.rel_fp;
        self.rel_gold += o.rel_gold;
        self.fact_tp += o.fact_tp;
        self.fact_fp += o.fact_fp;
        self.fact_gold += o.fact_gold;
    }
    fn f1(p: f64, r: f64) -> f64 {
        if p + r > 0.0 {
            2.0 * p * r / (p + r)
        } else {
            0.0
        }
    }
    fn ratio(a: usize, b: usize) -> f64 {
        if b > 0 {
            a as f64 / b as f64
        } else {
            0.0
        }
    }
    /// (precision, recall, F1) for entities, relations and facts.
    pub fn scores(&self) -> [(f64, f64, f64); 3] {
        let ep = Self::ratio(self.ent_tp, self.ent_tp + self.ent_fp);
        let er = Self::ratio(self.ent_found, self.ent_gold);
        let rp = Self::ratio(self.rel_tp, self.rel_tp + self.rel_fp);
        let rr = Self::ratio(self.rel_tp, self.rel_gold);
        let fp = Self::ratio(self.fact_tp, self.fact_tp + self.fact_fp);
        let fr = Self::ratio(self.fact_tp, self.fact_gold);
        [
            (ep, er, Self::f1(ep, er)),
            (rp, rr, Self::f1(rp, rr)),
            (fp, fr, Self::f1(fp, fr)),
        ]
    }
}

#[derive(Debug, Serialize)]
pub struct ArticleReport {
    pub id: String,
    pub lang: String,
    pub counts: Counts,
    pub missing: Vec<String>,
    pub wrong: Vec<String>,
}

#[derive(Debug, Serialize)]
pub struct EvalReport {
    pub articles: Vec<ArticleReport>,
    pub per_language: BTreeMap<String, Counts>,
    pub overall: Counts,
    /// Gold entities (by unique name) spread over several nodes in the merged build.
    pub split: Vec<String>,
    /// Nodes of the merged build that carry names of several gold entities.
    pub conflated: Vec<String>,
    pub errors: Vec<String>,
}

/// score.py's name normalisation.
///
/// ```
/// assert_eq!(telekg::eval::normalise("France Télécom"), "france telecom");
/// assert_eq!(telekg::eval::normalise("Post- og teletilsynet"), "post og teletilsynet");
/// ```
pub fn normalise(name: &str) -> String {
    let folded = crate::extract::fold(name).replace('’', "'");
    let mut spaced = String::new();
    for c in folded.chars() {
        if c.is_whitespace() || matches!(c, '-' | '‐' | '–' | '—' | '_') {
            if !spaced.ends_with(' ') {
                spaced.push(' ');
            }
        } else {
            spaced.push(c);
        }
    }
    let kept: String = spaced
        .chars()
        .filter(|c| c.is_alphanumeric() || matches!(c, '\'' | ' ' | '&' | '.' | '+' | '_'))
        .collect();
    kept.trim_matches(|c| c == ' ' || c == '.').to_string()
}

const SERVICES: &[(&str, &str)] = &[
    ("VoIP", "svc-voip"),
    ("MobileService", "svc-mobile"),
    ("FixedVoice", "svc-fixed-voice"),
    ("Broadband", "svc-broadband"),
    ("FiberBroadband", "svc-fiber"),
    ("TV", "svc-tv"),
    ("Wholesale", "svc-wholesale"),
    ("FiveG", "svc-5g"),
];

fn canon(s: &str, p: &str, o: &str) -> (String, String, String) {
    if matches!(p, "partnerOf" | "competitorOf") && s > o {
        (p.into(), o.into(), s.into())
    } else {
        (p.into(), s.into(), o.into())
    }
}

/// Gold keys a node's labels name.
fn keys_of(
    kg: &KnowledgeGraph,
    node: petgraph::graph::NodeIndex,
    by_name: &HashMap<String, BTreeSet<String>>,
) -> BTreeSet<String> {
    let e = &kg.graph[node];
    if e.service {
        let key = SERVICES
            .iter()
            .find(|(c, _)| *c == e.key)
            .map(|(_, k)| k.to_string());
        return key.into_iter().collect();
    }
    std::iter::once(&e.label)
        .chain(&e.alt_labels)
        .filter_map(|l| by_name.get(&normalise(l)))
        .flatten()
        .cloned()
        .collect()
}

fn fact_matches(metric: &str, value: f64, currency: Option<&str>, gold: &GoldFact) -> bool {
    if metric != gold.metric {
        return false;
    }
    let close = |v: f64| (value - v).abs() <= 0.02 * v.abs().max(1e-9);
    let unit_ok =
        |u: Option<&str>| u.is_none_or(|u| currency.is_some_and(|c| c.eq_ignore_ascii_case(u)));
    let mut options = vec![(gold.value, gold.unit.clone())];
    for alt in &gold.alt {
        match alt {
            serde_json::Value::Array(a) => {
                if let Some(v) = a.first().and_then(|v| v.as_f64()) {
                    options.push((v, a.get(1).and_then(|u| u.as_str()).map(String::from)));
                }
            }
            v => {
                if let Some(v) = v.as_f64() {
                    options.push((v, gold.unit.clone()));
                }
            }
        }
    }
    options
        .iter()
        .any(|(v, u)| close(*v) && unit_ok(u.as_deref()))
}

/// Normalised name -> the gold keys that carry it.
fn keys_by_name<'a>(
    entities: impl IntoIterator<Item = &'a GoldEntity>,
) -> HashMap<String, BTreeSet<String>> {
    let mut by_name: HashMap<String, BTreeSet<String>> = HashMap::new();
    for e in entities {
        for n in &e.names {
            by_name
                .entry(normalise(n))
                .or_default()
                .insert(e.key.clone());
        }
    }
    by_name
}

fn score_article(gold: &GoldDoc, kg: &KnowledgeGraph) -> ArticleReport {
    let by_name = keys_by_name(&gold.entities);
    let gold_rels: BTreeSet<(String, String, String)> = gold
        .relations
        .iter()
        .map(|r| canon(&r.s, &r.p, &r.o))
        .collect();
    let mut core: BTreeSet<&str> = gold
        .relations
        .iter()
        .flat_map(|r| [r.s.as_str(), r.o.as_str()])
        .collect();
    core.extend(gold.facts.iter().map(|f| f.s.as_str()));
    let mut c = Counts::default();
    let mut matched = BTreeSet::new();
    for node in kg.graph.node_indices() {
        let keys = keys_of(kg, node, &by_name);
        if keys.is_empty() {
            c.ent_fp += 1;
        } else {
            c.ent_tp += 1;
            matched.extend(keys);
        }
    }
    c.ent_gold = core.len();
    c.ent_found = core.iter().filter(|k| matched.contains(**k)).count();
    let mut found_rels = BTreeSet::new();
    let mut wrong = Vec::new();
    for edge in kg.graph.edge_indices() {
        let (s, o) = kg.graph.edge_endpoints(edge).expect("edge");
        let p = &kg.graph[edge].property;
        let (ks, ko) = (keys_of(kg, s, &by_name), keys_of(kg, o, &by_name));
        let hit = ks
            .iter()
            .flat_map(|a| ko.iter().map(move |b| canon(a, p, b)))
            .find(|t| gold_rels.contains(t));
        match hit {
            Some(t) => {
                found_rels.insert(t);
            }
            None => wrong.push(format!("{} {p} {}", kg.graph[s].label, kg.graph[o].label)),
        }
    }
    c.rel_tp = found_rels.len();
    c.rel_fp = wrong.len();
    c.rel_gold = gold_rels.len();
    let mut used = BTreeSet::new();
    for m in &kg.measurements {
        let keys = keys_of(kg, m.about, &by_name);
        let hit = gold.facts.iter().enumerate().find(|(_, g)| {
            keys.contains(&g.s) && fact_matches(m.metric.name(), m.value, m.currency.as_deref(), g)
        });
        match hit {
            Some((i, _)) => {
                used.insert(i);
            }
            None => wrong.push(format!(
                "fact {} {} {} {}",
                kg.graph[m.about].label,
                m.metric.name(),
                decimal_lexical(m.value),
                m.currency.as_deref().unwrap_or("")
            )),
        }
    }
    c.fact_tp = used.len();
    c.fact_fp = wrong.len() - c.rel_fp;
    c.fact_gold = gold.facts.len();
    let mut missing: Vec<String> = gold_rels
        .difference(&found_rels)
        .map(|(p, s, o)| format!("{s} {p} {o}"))
        .collect();
    for (i, f) in gold.facts.iter().enumerate() {
        if !used.contains(&i) {
            missing.push(format!(
                "fact {} {} {} {}",
                f.s,
                f.metric,
                f.value,
                f.unit.as_deref().unwrap_or("")
            ));
        }
    }
    ArticleReport {
        id: gold.id.clone(),
        lang: gold.lang.clone(),
        counts: c,
        missing,
        wrong,
    }
}

fn gold_files(dir: &Path) -> Result<Vec<PathBuf>> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        let entries =
            std::fs::read_dir(&d).map_err(|e| Error::Other(format!("{}: {e}", d.display())))?;
        for entry in entries.flatten() {
            let p = entry.path();
            if p.is_dir() {
                stack.push(p);
            } else if p.extension().is_some_and(|e| e == "json") && p.with_extension("txt").exists()
            {
                out.push(p);
            }
        }
    }
    out.sort();
    Ok(out)
}

/// Evaluates every `<id>.txt` with gold `<id>.json` under `dir`.
pub fn evaluate(dir: &Path) -> Result<EvalReport> {
    let files = gold_files(dir)?;
    if files.is_empty() {
        return Err(Error::Other(format!(
            "{}: no <id>.txt + <id>.json gold pairs",
            dir.display()
        )));
    }
    let _ = Knowledge::global();
    let mut report = EvalReport {
        articles: Vec::new(),
        per_language: BTreeMap::new(),
        overall: Counts::default(),
        split: Vec::new(),
        conflated: Vec::new(),
        errors: Vec::new(),
    };
    let mut golds = Vec::new();
    let mut extractions = Vec::new();
    for json in &files {
        let gold: GoldDoc = match std::fs::read_to_string(json)
            .map_err(|e| e.to_string())
            .and_then(|t| serde_json::from_str(&t).map_err(|e| e.to_string()))
        {
            Ok(g) => g,
            Err(e) => {
                report.errors.push(format!("{}: {e}", json.display()));
                continue;
            }
        };
        let input = InputFile::Path(json.with_extension("txt"));
        let mut articles = load(&input, &IngestOptions::default());
        let article = match articles.pop() {
            Some(Ok(a)) => a,
            Some(Err(e)) => {
                report.errors.push(e.to_string());
                continue;
            }
            None => continue,
        };
        let x = crate::extract::extract(article).into_record();
        let kg = crate::pipeline::graph_of(vec![x.clone()]);
        let a = score_article(&gold, &kg);
        report.overall.add(&a.counts);
        report
            .per_language
            .entry(a.lang.clone())
            .or_default()
            .add(&a.counts);
        report.articles.push(a);
        extractions.push(x);
        golds.push(gold);
    }
    // The merged build: every gold entity one node, no node two entities.
    let kg = crate::pipeline::graph_of(extractions);
    let owners = keys_by_name(golds.iter().flat_map(|g| &g.entities));
    let unique: HashMap<String, BTreeSet<String>> =
        owners.into_iter().filter(|(_, ks)| ks.len() == 1).collect();
    let mut nodes_of: BTreeMap<String, BTreeSet<usize>> = BTreeMap::new();
    for node in kg.graph.node_indices() {
        for k in keys_of(&kg, node, &unique) {
            nodes_of.entry(k).or_default().insert(node.index());
        }
    }
    let mut keys_per_node: BTreeMap<usize, BTreeSet<String>> = BTreeMap::new();
    for (k, nodes) in &nodes_of {
        if nodes.len() > 1 {
            report.split.push(k.clone());
        }
        for n in nodes {
            keys_per_node.entry(*n).or_default().insert(k.clone());
        }
    }
    report.conflated = keys_per_node
        .into_iter()
        .filter(|(_, ks)| ks.len() > 1)
        .map(|(n, ks)| {
            format!(
                "{} = {}",
                kg.graph[petgraph::graph::NodeIndex::new(n)].label,
                ks.into_iter().collect::<Vec<_>>().join(" + ")
            )
        })
        .collect();
    Ok(report)
}

fn line(name: &str, c: &Counts) -> String {
    let [e, r, f] = c.scores();
    format!(
        "{name:<40} ent P {:.2} R {:.2} F1 {:.2} | rel P {:.2} R {:.2} F1 {:.2} ({}/{}, {} wrong) | fact P {:.2} R {:.2} F1 {:.2} ({}/{}, {} wrong)",
        e.0, e.1, e.2, r.0, r.1, r.2, c.rel_tp, c.rel_gold, c.rel_fp, f.0, f.1, f.2, c.fact_tp, c.fact_gold, c.fact_fp
    )
}

/// The report as text: articles (with missing and wrong triples when `details`), languages,
/// overall, merging.
pub fn render(report: &EvalReport, details: bool) -> String {
    let mut out = String::new();
    for a in &report.articles {
        out.push_str(&line(&a.id, &a.counts));
        out.push('\n');
        if details {
            for m in &a.missing {
                out.push_str(&format!("    missing  {m}\n"));
            }
            for w in &a.wrong {
                out.push_str(&format!("    wrong    {w}\n"));
            }
        }
    }
    out.push('\n');
    for (lang, c) in &report.per_language {
        out.push_str(&line(&format!("language {lang}"), c));
        out.push('\n');
    }
    out.push_str(&line("overall", &report.overall));
    out.push('\n');
    out.push_str(&format!(
        "merging: {} gold entities split over several nodes {:?}; {} nodes conflating entities {:?}\n",
        report.split.len(),
        report.split,
        report.conflated.len(),
        report.conflated
    ));
    for e in &report.errors {
        out.push_str(&format!("error: {e}\n"));
    }
    out
}
