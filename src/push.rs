//! Export to a remote store: sends a build's dataset (`graph.nq`) to any SPARQL 1.1 Graph
//! Store Protocol endpoint. Each article's named graph is replaced (HTTP PUT), so pushing
//! a rebuilt article again leaves no stale triples; the default graph (entities and
//! article descriptions) is merged (HTTP POST), so shards built on different machines add
//! up to their union on one server.

use crate::error::{Error, Result};
use oxigraph::io::{RdfFormat, RdfParser, RdfSerializer};
use oxigraph::model::{GraphName, Quad, Triple};
use std::collections::HashSet;
use std::path::Path;

/// Default-graph triples sent per request.
const DEFAULT_GRAPH_BATCH: usize = 50_000;

/// What a push sent.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct PushReport {
    pub named_graphs: usize,
    pub triples: usize,
    pub requests: usize,
}

struct Sender {
    agent: ureq::Agent,
    endpoint: String,
    report: PushReport,
}

impl Sender {
    /// Sends `triples` to one graph: PUT replaces it, POST adds to it.
    fn send(&mut self, graph: &GraphName, triples: &[Triple], replace: bool) -> Result<()> {
        if triples.is_empty() && !replace {
            return Ok(());
        }
        let mut body = RdfSerializer::from_format(RdfFormat::NTriples).for_writer(Vec::new());
        for t in triples {
            body.serialize_triple(t)
                .map_err(|e| Error::Other(format!("serializing for {}: {e}", self.endpoint)))?;
        }
        let body = body
            .finish()
            .map_err(|e| Error::Other(format!("serializing for {}: {e}", self.endpoint)))?;
        let request = if replace {
            self.agent.put(&self.endpoint)
        } else {
            self.agent.post(&self.endpoint)
        };
        let request = match graph {
            GraphName::NamedNode(g) => request.query("graph", g.as_str()),
            _ => request.query("default", ""),
        };
        let what = match graph {
            GraphName::NamedNode(g) => format!("graph <{}>", g.as_str()),
            _ => "the default graph".to_string(),
        };
        let response = request
            .header("Content-Type", "application/n-triples")
            .send(&body[..])
            .map_err(|e| Error::Push {
                endpoint: self.endpoint.clone(),
                message: format!("{what}: {e}"),
            })?;
        let status = response.status();
        if !status.is_success() {
            let detail = response
                .into_body()
                .read_to_string()
                .unwrap_or_default()
                .chars()
                .take(300)
                .collect::<String>();
            return Err(Error::Push {
                endpoint: self.endpoint.clone(),
                message: format!("{what}: HTTP {status}: {}", detail.trim()),
            });
        }
        self.report.requests += 1;
        self.report.triples += triples.len();
        Ok(())
    }
}

/// Pushes the dataset in `nquads` (a build's `graph.nq`) to the Graph Store Protocol
/// endpoint `endpoint` (e.g. `http://localhost:7878/store` for `oxigraph serve`,
/// `http://localhost:3030/ds/data` for Fuseki). Reads the file as a stream; each named
/// graph is held only while it is sent.
pub fn push_dataset(nquads: &Path, endpoint: &str) -> Result<PushReport> {
    let file = std::fs::File::open(nquads)
        .map_err(|e| Error::Other(format!("{}: cannot read: {e}", nquads.display())))?;
    let agent: ureq::Agent = ureq::Agent::config_builder()
        .http_status_as_error(false)
        .build()
        .into();
    let mut sender = Sender {
        agent,
        endpoint: endpoint.to_string(),
        report: PushReport::default(),
    };
    let mut default_batch: Vec<Triple> = Vec::new();
    let mut current: Option<(GraphName, Vec<Triple>)> = None;
    let mut sent_graphs: HashSet<GraphName> = HashSet::new();
    let mut flush_named = |sender: &mut Sender, graph: GraphName, triples: Vec<Triple>| {
        // A graph met again later in the file is added to, not replaced.
        let replace = sent_graphs.insert(graph.clone());
        if replace {
            sender.report.named_graphs += 1;
        }
        sender.send(&graph, &triples, replace)
    };
    let parser =
        RdfParser::from_format(RdfFormat::NQuads).for_reader(std::io::BufReader::new(file));
    for quad in parser {
        let Quad {
            subject,
            predicate,
            object,
            graph_name,
        } = quad.map_err(|e| Error::Other(format!("{}: {e}", nquads.display())))?;
        let triple = Triple::new(subject, predicate, object);
        if graph_name.is_default_graph() {
            default_batch.push(triple);
            if default_batch.len() >= DEFAULT_GRAPH_BATCH {
                sender.send(&GraphName::DefaultGraph, &default_batch, false)?;
                default_batch.clear();
            }
            continue;
        }
        match &mut current {
            Some((g, triples)) if *g == graph_name => triples.push(triple),
            _ => {
                if let Some((g, triples)) = current.take() {
                    flush_named(&mut sender, g, triples)?;
                }
                current = Some((graph_name, vec![triple]));
            }
        }
    }
    if let Some((g, triples)) = current.take() {
        flush_named(&mut sender, g, triples)?;
    }
    sender.send(&GraphName::DefaultGraph, &default_batch, false)?;
    Ok(sender.report)
}
