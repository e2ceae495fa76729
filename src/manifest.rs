//! The knowledge's own examples as a test manifest, the way Oxigraph runs the W3C test
//! manifests: every `[[example]]` of a language folder (`ontology/lang/<code>/*.toml`)
//! is extracted and its expected and absent claims are checked, and every construction a
//! language instantiates must be exercised by one of its examples.
//!
//! `telekg examples` runs it from the command line, so that whoever edits a lexicon sees
//! what broke without rebuilding (with `TELEKG_KNOWLEDGE`, on the edited files).

use crate::extract::{constructions, extract, Extraction, Reference};
use crate::ingest::article_from_text;
use crate::knowledge::{Example, Knowledge};

/// Relation properties an example claim may name.
const PROPERTIES: [&str; 8] = [
    "owns",
    "acquires",
    "partnerOf",
    "investigates",
    "competitorOf",
    "offers",
    "worksFor",
    "operatesIn",
];

/// One example that did not behave as its manifest entry says.
#[derive(Debug, Clone)]
pub struct Failure {
    pub lang: String,
    pub text: String,
    pub problem: String,
}

/// The outcome of a manifest run.
#[derive(Debug, Default)]
pub struct Report {
    /// Examples run.
    pub examples: usize,
    pub failures: Vec<Failure>,
    /// (language, construction id) pairs the language instantiates but no example of it
    /// exercises.
    pub uncovered: Vec<(String, String)>,
    /// Examples marked pending, with what still fails (empty when they now pass).
    pub pending: Vec<Failure>,
}

/// An example's claim that two names are one entity in the article ("Telco Data sameAs
/// Ice"): not a relation, but how the graph merges a renamed company's names.
const SAME_AS: &str = "sameAs";

/// A claim as an example states it: subject, property, object ("*" for any), or "NAME *":
/// any relation of NAME, as subject or object (property "*").
fn parse_claim(spec: &str) -> Option<(&str, &str, &str)> {
    PROPERTIES
        .iter()
        .chain(&[SAME_AS])
        .find_map(|p| {
            let sep = format!(" {p} ");
            let (s, o) = spec.split_once(&sep)?;
            Some((s.trim(), *p, o.trim()))
        })
        .or_else(|| {
            let name = spec.strip_suffix(" *")?.trim();
            (!name.is_empty() && name != "*").then_some((name, "*", "*"))
        })
}

/// Whether mention `i` answers to `name`: its surface, or the canonical name of the
/// known entity or place it refers to.
fn names(x: &Extraction, i: usize, name: &str) -> bool {
    if name == "*" {
        return true;
    }
    let m = &x.mentions[i];
    if m.surface == name {
        return true;
    }
    let k = Knowledge::global();
    match &m.reference {
        Reference::Known(id) => k.entity(id).is_some_and(|e| {
            e.name == name
                || e.aliases
                    .iter()
                    .chain(&e.former)
                    .chain(&e.context_aliases)
                    .any(|a| a == name)
        }),
        Reference::Place(id) => k
            .place(id)
            .is_some_and(|p| p.name == name || p.names.iter().any(|n| n == name)),
        Reference::Service(s) => s == name,
        Reference::New(n) => n == name,
    }
}

/// Whether mentions named `s` and `o` refer to one entity.
fn same_entity(x: &Extraction, s: &str, o: &str) -> bool {
    let refs = |name: &str| -> Vec<&Reference> {
        (0..x.mentions.len())
            .filter(|&i| names(x, i, name))
            .map(|i| &x.mentions[i].reference)
            .collect()
    };
    let (a, b) = (refs(s), refs(o));
    a.iter().any(|r| b.contains(r))
}

/// Whether the article bears out `spec`: a relation claim found, or one entity.
fn holds(x: &Extraction, spec: &str) -> Option<String> {
    match parse_claim(spec) {
        // "*" would find the name's own mentions: one entity with anything.
        Some((s, SAME_AS, o)) if s != "*" && o != "*" => {
            same_entity(x, s, o).then(|| "one entity".to_string())
        }
        Some((_, SAME_AS, _)) => None,
        _ => found(x, spec).first().map(|c| c.rule.clone()),
    }
}

fn found<'x>(x: &'x Extraction, spec: &str) -> Vec<&'x crate::extract::RelationClaim> {
    let Some((s, p, o)) = parse_claim(spec) else {
        return Vec::new();
    };
    x.relations
        .iter()
        .filter(|r| {
            if p == "*" {
                return names(x, r.subject, s) || names(x, r.object, s);
            }
            let direct = names(x, r.subject, s) && names(x, r.object, o);
            let symmetric = matches!(p, "partnerOf" | "competitorOf")
                && names(x, r.subject, o)
                && names(x, r.object, s);
            r.property == p && (direct || symmetric)
        })
        .collect()
}

fn check_example(lang: &str, index: usize, ex: &Example, covered: &mut Vec<String>) -> Vec<String> {
    let mut problems = Vec::new();
    // A neutral title line: the example is the body.
    let text = format!("[example]\n\n{}", ex.text);
    let article = match article_from_text(&format!("{lang}-example-{index}"), &text, Some(lang)) {
        Ok(a) => a,
        Err(e) => return vec![e.to_string()],
    };
    let x = extract(article);
    let got = || {
        x.relations
            .iter()
            .map(|r| {
                format!(
                    "{} {} {} [{}]",
                    x.mentions[r.subject].surface, r.property, x.mentions[r.object].surface, r.rule
                )
            })
            .collect::<Vec<_>>()
            .join("; ")
    };
    for spec in &ex.expect {
        if parse_claim(spec).is_none() {
            problems.push(format!("cannot read expected claim {spec:?}"));
        } else if holds(&x, spec).is_none() {
            problems.push(format!("missing {spec} (got: {})", got()));
        }
    }
    for spec in &ex.absent {
        // An unreadable claim is never found: it would pass without testing anything.
        if parse_claim(spec).is_none() {
            problems.push(format!("cannot read absent claim {spec:?}"));
        } else if let Some(rule) = holds(&x, spec) {
            problems.push(format!("unwanted {spec} by {rule}"));
        }
    }
    // An example covers a construction when the construction reads one of its expected
    // claims (another rule may have read it first).
    let focus = crate::extract::patterns::focus_mention(&x.mentions);
    let all: Vec<crate::extract::RelationClaim> = (0..x.article.sentences.len())
        .flat_map(|s| {
            let masked = crate::extract::patterns::mask_sentence(&x.article, s, &x.mentions);
            constructions::relation_claims(&masked, &x.article, s, &x.mentions, focus)
        })
        .collect();
    let by_rules = Extraction {
        article: x.article.clone(),
        mentions: x.mentions.clone(),
        relations: all,
        facts: Vec::new(),
    };
    for id in &ex.covers {
        let suffix = format!(".{id}");
        let hit = ex
            .expect
            .iter()
            .flat_map(|spec| found(&by_rules, spec))
            .any(|r| r.rule.ends_with(&suffix));
        if hit {
            covered.push(id.clone());
        } else {
            problems.push(format!(
                "does not exercise construction {id} (got: {})",
                got()
            ));
        }
    }
    problems
}

/// Runs the examples of one language, or of every language.
pub fn run(lang: Option<&str>) -> Report {
    let knowledge = Knowledge::global();
    let mut report = Report::default();
    for lexicon in &knowledge.lexicons {
        if lang.is_some_and(|l| l != lexicon.code) {
            continue;
        }
        let mut covered = Vec::new();
        for (i, ex) in lexicon.example.iter().enumerate() {
            report.examples += 1;
            let problems = check_example(&lexicon.code, i, ex, &mut covered);
            if let Some(why) = &ex.pending {
                report.pending.push(Failure {
                    lang: lexicon.code.clone(),
                    text: ex.text.clone(),
                    problem: if problems.is_empty() {
                        format!("passes now: remove `pending = {why:?}`")
                    } else {
                        format!("{why}: {}", problems.join("; "))
                    },
                });
                continue;
            }
            for problem in problems {
                report.failures.push(Failure {
                    lang: lexicon.code.clone(),
                    text: ex.text.clone(),
                    problem,
                });
            }
        }
        let mut instantiated: Vec<String> = Vec::new();
        for t in &lexicon.trigger {
            instantiated.extend(constructions::construction_ids(&lexicon.code, &t.relation));
        }
        instantiated.sort();
        instantiated.dedup();
        for id in instantiated {
            if !covered.contains(&id) {
                report.uncovered.push((lexicon.code.clone(), id));
            }
        }
    }
    report
}

#[cfg(test)]
mod tests {
    use super::parse_claim;

    #[test]
    fn claims_are_read_or_refused() {
        assert_eq!(
            parse_claim("Telia acquires Get"),
            Some(("Telia", "acquires", "Get"))
        );
        assert_eq!(parse_claim("* owns Get"), Some(("*", "owns", "Get")));
        assert_eq!(parse_claim("Hi3G *"), Some(("Hi3G", "*", "*")));
        // Nothing to test: refused, so an `absent` list cannot pass without looking.
        assert_eq!(parse_claim("*"), None);
        assert_eq!(parse_claim("Telia buys Get"), None);
    }
}
