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
use oxigraph::model::{GraphName, Literal, NamedNode, Quad, Term};
use std::collections::HashSet;
use std::io::Write;
use std::path::{Path, PathBuf};

pub const TM: &str = "https://w3id.org/telekg/ontology#";
pub const TMR: &str = "https://w3id.org/telekg/id/";
pub const SKOS: &str = "http://www.w3.org/2004/02/skos/core#";
pub const PROV: &str = "http://www.w3.org/ns/prov#";
pub const DCTERMS: &str = "http://purl.org/dc/terms/";
pub const OWL: &str = "http://www.w3.org/2002/07/owl#";

pub const PREFIXES: &[(&str, &str)] = &[
    ("tm", TM),
    ("tmr", TMR),
    ("rdf", "http://www.w3.org/1999/02/22-rdf-syntax-ns#"),
    ("rdfs", "http://www.w3.org/2000/01/rdf-schema#"),
    ("skos", SKOS),
    ("xsd", "http://www.w3.org/2001/XMLSchema#"),
    ("prov", PROV),
    ("dcterms", DCTERMS),
    ("owl", OWL),
];

fn iri(s: String) -> NamedNode {
    NamedNode::new(&s).unwrap_or_else(|_| {
        NamedNode::new_unchecked(
            s.replace([' ', '<', '>', '"', '{', '}', '|', '\\', '^', '`'], "_"),
        )
    })
}
fn tm(local: &str) -> NamedNode {
    iri(format!("{TM}{local}"))
}
fn ns(base: &str, local: &str) -> NamedNode {
    iri(format!("{base}{local}"))
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

/// The whole graph as quads.
pub fn to_quads(kg: &KnowledgeGraph) -> Vec<Quad> {
    let mut quads = Vec::new();
    let default = GraphName::DefaultGraph;
    let add = |quads: &mut Vec<Quad>, s: &NamedNode, p: NamedNode, o: Term, g: &GraphName| {
        quads.push(Quad::new(s.clone(), p, o, g.clone()));
    };
    for e in kg.graph.node_weights() {
        let s = entity_iri(e);
        add(
            &mut quads,
            &s,
            rdf::TYPE.into_owned(),
            tm(e.etype.name()).into(),
            &default,
        );
        if e.service {
            add(
                &mut quads,
                &s,
                rdf::TYPE.into_owned(),
                ns(SKOS, "Concept").into(),
                &default,
            );
        }
        add(
            &mut quads,
            &s,
            rdfs::LABEL.into_owned(),
            text(&e.label),
            &default,
        );
        for alt in &e.alt_labels {
            add(&mut quads, &s, ns(SKOS, "altLabel"), text(alt), &default);
        }
        if let Some(same) = &e.same_as {
            add(
                &mut quads,
                &s,
                ns(OWL, "sameAs"),
                iri(same.clone()).into(),
                &default,
            );
        }
    }
    for a in &kg.articles {
        let s = article_iri(&a.key);
        add(
            &mut quads,
            &s,
            rdf::TYPE.into_owned(),
            tm("Article").into(),
            &default,
        );
        add(
            &mut quads,
            &s,
            rdf::TYPE.into_owned(),
            ns(PROV, "Entity").into(),
            &default,
        );
        add(
            &mut quads,
            &s,
            ns(DCTERMS, "title"),
            text(&a.title),
            &default,
        );
        add(
            &mut quads,
            &s,
            ns(DCTERMS, "language"),
            text(&a.lang),
            &default,
        );
        add(&mut quads, &s, tm("sourceFile"), text(&a.source), &default);
        add(
            &mut quads,
            &s,
            tm("contentHash"),
            text(&a.content_hash),
            &default,
        );
        if let Some(date) = &a.date {
            add(&mut quads, &s, ns(DCTERMS, "date"), text(date), &default);
        }
        if let Some(url) = &a.url {
            add(&mut quads, &s, ns(DCTERMS, "source"), text(url), &default);
        }
    }
    let evidence_node =
        |quads: &mut Vec<Quad>, owner: &NamedNode, ev: &Evidence, span: Option<(usize, usize)>| {
            let article = &kg.articles[ev.article];
            let g = GraphName::NamedNode(article_iri(&article.key));
            let (sentence, start, end) = &article.sentences[ev.sentence];
            let node = iri(format!(
                "{TMR}evidence/{}",
                short_hash(&[
                    owner.as_str(),
                    &article.key,
                    &ev.sentence.to_string(),
                    &ev.rule
                ])
            ));
            let mut push =
                |p: NamedNode, o: Term| quads.push(Quad::new(node.clone(), p, o, g.clone()));
            push(rdf::TYPE.into_owned(), tm("Evidence").into());
            push(ns(PROV, "wasQuotedFrom"), article_iri(&article.key).into());
            push(ns(PROV, "value"), text(sentence));
            push(tm("startOffset"), typed(start.to_string(), xsd::INTEGER));
            push(tm("endOffset"), typed(end.to_string(), xsd::INTEGER));
            if let Some((vs, ve)) = span {
                push(tm("valueStartOffset"), typed(vs.to_string(), xsd::INTEGER));
                push(tm("valueEndOffset"), typed(ve.to_string(), xsd::INTEGER));
            }
            push(tm("rule"), text(&ev.rule));
            push(
                tm("confidence"),
                typed(format!("{:.2}", ev.confidence), xsd::DECIMAL),
            );
            quads.push(Quad::new(
                owner.clone(),
                tm("evidence"),
                node.clone(),
                g.clone(),
            ));
            quads.push(Quad::new(
                owner.clone(),
                ns(PROV, "wasDerivedFrom"),
                article_iri(&article.key),
                g,
            ));
        };
    for edge in kg.graph.edge_indices() {
        let (s, o) = kg.graph.edge_endpoints(edge).expect("edge");
        let r = &kg.graph[edge];
        let (si, oi, p) = (
            entity_iri(&kg.graph[s]),
            entity_iri(&kg.graph[o]),
            tm(&r.property),
        );
        let mut graphs_done = HashSet::new();
        for ev in &r.evidence {
            let article = &kg.articles[ev.article];
            let g = GraphName::NamedNode(article_iri(&article.key));
            let statement = iri(format!(
                "{TMR}assertion/{}",
                short_hash(&[si.as_str(), p.as_str(), oi.as_str(), &article.key])
            ));
            if graphs_done.insert(ev.article) {
                quads.push(Quad::new(si.clone(), p.clone(), oi.clone(), g.clone()));
                quads.push(Quad::new(
                    statement.clone(),
                    rdf::TYPE.into_owned(),
                    rdf::STATEMENT.into_owned(),
                    g.clone(),
                ));
                quads.push(Quad::new(
                    statement.clone(),
                    rdf::SUBJECT.into_owned(),
                    si.clone(),
                    g.clone(),
                ));
                quads.push(Quad::new(
                    statement.clone(),
                    rdf::PREDICATE.into_owned(),
                    p.clone(),
                    g.clone(),
                ));
                quads.push(Quad::new(
                    statement.clone(),
                    rdf::OBJECT.into_owned(),
                    oi.clone(),
                    g.clone(),
                ));
            }
            evidence_node(&mut quads, &statement, ev, None);
        }
    }
    for m in &kg.measurements {
        let about = entity_iri(&kg.graph[m.about]);
        let value = decimal_lexical(m.value);
        let node = iri(format!(
            "{TMR}measurement/{}",
            short_hash(&[
                about.as_str(),
                m.metric.name(),
                &value,
                m.currency.as_deref().unwrap_or("")
            ])
        ));
        let mut graphs_done = HashSet::new();
        for (i, ev) in m.evidence.iter().enumerate() {
            let g = GraphName::NamedNode(article_iri(&kg.articles[ev.article].key));
            if graphs_done.insert(ev.article) {
                let mut push =
                    |p: NamedNode, o: Term| quads.push(Quad::new(node.clone(), p, o, g.clone()));
                push(rdf::TYPE.into_owned(), tm("Measurement").into());
                push(tm("about"), about.clone().into());
                push(tm("metric"), tm(m.metric.name()).into());
                push(tm("value"), typed(value.clone(), xsd::DECIMAL));
                if let Some(c) = &m.currency {
                    push(tm("currency"), text(c));
                }
            }
            evidence_node(&mut quads, &node, ev, (i == 0).then_some(m.span));
        }
    }
    quads
}

/// Writes `path` through a temporary file in the same folder, renamed when complete.
pub fn write_atomic(
    path: &Path,
    write: impl FnOnce(&mut dyn Write) -> std::io::Result<()>,
) -> Result<()> {
    let dir = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let wrap = |source| Error::Write {
        path: path.to_path_buf(),
        source,
    };
    let mut tmp = tempfile::Builder::new()
        .prefix(".telekg-")
        .suffix(".tmp")
        .tempfile_in(dir)
        .map_err(wrap)?;
    {
        let mut w = std::io::BufWriter::new(tmp.as_file_mut());
        write(&mut w).map_err(wrap)?;
        w.flush().map_err(wrap)?;
    }
    tmp.as_file().sync_all().map_err(wrap)?;
    tmp.persist(path).map_err(|e| wrap(e.error))?;
    Ok(())
}

fn serializer(format: RdfFormat) -> RdfSerializer {
    let mut s = RdfSerializer::from_format(format);
    for (p, i) in PREFIXES {
        s = s.with_prefix(*p, *i).expect("valid prefix");
    }
    s
}

/// Turtle of the merged graph: every quad's triple, once.
pub fn write_turtle(path: &Path, quads: &[Quad]) -> Result<()> {
    write_atomic(path, |w| {
        let mut seen = HashSet::new();
        let mut ser = serializer(RdfFormat::Turtle).for_writer(w);
        let mut triples: Vec<_> = quads
            .iter()
            .map(|q| oxigraph::model::TripleRef::from(q.as_ref()))
            .filter(|t| seen.insert(*t))
            .collect();
        // One key per triple, not one allocation per comparison.
        triples.sort_by_cached_key(|t| (t.subject.to_string(), t.predicate.as_str().to_string()));
        for t in triples {
            ser.serialize_triple(t)?;
        }
        ser.finish()?;
        Ok(())
    })
}

/// TriG or N-Quads: the default graph and one named graph per article.
pub fn write_dataset(path: &Path, quads: &[Quad], format: RdfFormat) -> Result<()> {
    write_atomic(path, |w| {
        let mut sorted: Vec<&Quad> = quads.iter().collect();
        sorted.sort_by_cached_key(|q| (q.graph_name.to_string(), q.subject.to_string()));
        sorted.dedup();
        let mut ser = serializer(format).for_writer(w);
        for q in sorted {
            ser.serialize_quad(q)?;
        }
        ser.finish()?;
        Ok(())
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
            let dir = if symmetric.get(&r.property).is_some_and(|s| s.symmetric) {
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
