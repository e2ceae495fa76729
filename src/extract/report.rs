//! Human- and machine-readable views of one article's extraction (`telekg extract`).

use super::{numbers::decimal_lexical, Extraction};
use serde_json::json;
use std::fmt::Write;

pub fn to_json(x: &Extraction) -> serde_json::Value {
    let a = &x.article;
    json!({
        "id": a.id,
        "source": a.source,
        "title": a.title,
        "lang": a.lang,
        "entities": x.mentions.iter().map(|m| json!({
            "surface": m.surface, "type": m.etype.name(), "reference": m.reference,
            "origin": m.origin, "sentence": m.sentence,
        })).collect::<Vec<_>>(),
        "relations": x.relations.iter().map(|r| json!({
            "subject": x.mentions[r.subject].surface, "property": r.property,
            "object": x.mentions[r.object].surface, "rule": r.rule, "confidence": r.confidence,
            "sentence": a.sentence_text(r.sentence),
        })).collect::<Vec<_>>(),
        "facts": x.facts.iter().map(|f| json!({
            "about": x.mentions[f.about].surface, "metric": f.metric.name(),
            "value": decimal_lexical(f.value), "currency": f.currency, "rule": f.rule,
            "confidence": f.confidence, "sentence": a.sentence_text(f.sentence),
        })).collect::<Vec<_>>(),
    })
}

/// Each sentence with mentions as the patterns saw it, before and after reductions.
pub fn trace_text(x: &Extraction) -> String {
    let knowledge = crate::knowledge::Knowledge::global();
    let Some(lexicon) = knowledge.lexicon(&x.article.lang) else {
        return String::new();
    };
    let mut trace = Vec::new();
    super::patterns::find_relations_traced(&x.article, &x.mentions, lexicon, Some(&mut trace));
    let mut out = String::from("\ntrace:\n");
    for t in trace {
        let _ = writeln!(out, "  #{} {}", t.sentence, t.masked);
        if t.reduced != t.masked {
            let _ = writeln!(out, "  #{} => {}", t.sentence, t.reduced);
        }
        if t.clauses.len() > 1 {
            for c in &t.clauses {
                let _ = writeln!(out, "  #{} :: {}", t.sentence, c);
            }
        }
    }
    out
}

pub fn to_text(x: &Extraction) -> String {
    let a = &x.article;
    let mut out = String::new();
    let _ = writeln!(
        out,
        "# {} ({}, {}, {} sentences)",
        a.title,
        a.source,
        a.lang,
        a.sentences.len()
    );
    let _ = writeln!(out, "\nentities:");
    let mut seen = std::collections::BTreeSet::new();
    for m in &x.mentions {
        if seen.insert((m.etype, format!("{:?}", m.reference), m.surface.clone())) {
            let _ = writeln!(
                out,
                "  {:<10} {:<30} {:?} ({:?})",
                m.etype.name(),
                m.surface,
                m.reference,
                m.origin
            );
        }
    }
    let _ = writeln!(out, "\nrelations:");
    for r in &x.relations {
        let _ = writeln!(
            out,
            "  {} --{}--> {}   [{} {:.2}]\n      \"{}\"",
            x.mentions[r.subject].surface,
            r.property,
            x.mentions[r.object].surface,
            r.rule,
            r.confidence,
            a.sentence_text(r.sentence)
        );
    }
    let _ = writeln!(out, "\nfacts:");
    for f in &x.facts {
        let _ = writeln!(
            out,
            "  {} {} = {} {}   [{} {:.2}]\n      \"{}\"",
            x.mentions[f.about].surface,
            f.metric.name(),
            decimal_lexical(f.value),
            f.currency.as_deref().unwrap_or(""),
            f.rule,
            f.confidence,
            a.sentence_text(f.sentence)
        );
    }
    out
}
