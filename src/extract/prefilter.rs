//! A literal prefilter for the relation patterns: most patterns need a word the sentence
//! lacks ("kjøpt", "gransker"), so one Aho-Corasick pass over the sentence decides which
//! of a language's patterns can match at all, instead of running every regex.
//!
//! For each pattern a set of literals is derived from its syntax tree such that every
//! match contains one of them (case folded); a pattern without such a set always runs.

use aho_corasick::{AhoCorasick, MatchKind};
use regex_syntax::hir::{Class, Hir, HirKind};

/// Shortest literal worth filtering on: shorter ones are in almost every sentence.
const MIN_LITERAL_CHARS: usize = 3;

/// Lower case of one character when it is one character, else the character itself; the
/// same mapping is applied to literals and to the text.
fn fold_char(c: char) -> char {
    if c.is_ascii() {
        return c.to_ascii_lowercase();
    }
    // Case-insensitive regexes fold these with their plain letters too.
    match c {
        'ſ' => return 's',
        'ς' => return 'σ',
        _ => {}
    }
    let mut lower = c.to_lowercase();
    match (lower.next(), lower.next()) {
        (Some(l), None) => l,
        _ => c,
    }
}

/// The text as the prefilter reads it.
pub fn fold_text(text: &str) -> String {
    if text.is_ascii() {
        return text.to_ascii_lowercase();
    }
    let mut out = String::with_capacity(text.len());
    out.extend(text.chars().map(fold_char));
    out
}

/// A factor of a concatenation: literals one of which every match contains.
#[derive(Debug, Clone)]
enum Required {
    /// Zero-width (look-around, empty): transparent in a concatenation.
    Nothing,
    /// Exactly this text (folded), contiguous with its neighbours' literals.
    Exact(String),
    /// One of these texts.
    AnyOf(Vec<String>),
    /// Nothing known.
    Unknown,
}

fn class_char(class: &Class) -> Option<char> {
    let chars: Vec<char> = match class {
        Class::Unicode(u) => {
            let mut out = Vec::new();
            for r in u.ranges() {
                let n = u32::from(r.end()) - u32::from(r.start()) + 1;
                if out.len() as u32 + n > 4 {
                    return None;
                }
                out.extend((u32::from(r.start())..=u32::from(r.end())).filter_map(char::from_u32));
            }
            out
        }
        Class::Bytes(_) => return None,
    };
    let first = fold_char(*chars.first()?);
    chars
        .iter()
        .all(|&c| fold_char(c) == first)
        .then_some(first)
}

fn best(factors: Vec<Vec<String>>) -> Required {
    factors
        .into_iter()
        .filter(|set| set.iter().all(|s| s.chars().count() >= MIN_LITERAL_CHARS))
        .max_by_key(|set| set.iter().map(|s| s.chars().count()).min().unwrap_or(0))
        .map(Required::AnyOf)
        .unwrap_or(Required::Unknown)
}

fn required(hir: &Hir) -> Required {
    match hir.kind() {
        HirKind::Empty | HirKind::Look(_) => Required::Nothing,
        HirKind::Literal(lit) => match std::str::from_utf8(&lit.0) {
            Ok(s) => Required::Exact(fold_text(s)),
            Err(_) => Required::Unknown,
        },
        HirKind::Class(class) => match class_char(class) {
            Some(c) => Required::Exact(c.to_string()),
            None => Required::Unknown,
        },
        HirKind::Capture(cap) => required(&cap.sub),
        HirKind::Repetition(rep) if rep.min >= 1 => match required(&rep.sub) {
            // One copy is certain, not two in a row.
            Required::Exact(s) if rep.max != Some(1) => Required::AnyOf(vec![s]),
            other => other,
        },
        HirKind::Repetition(_) => Required::Unknown,
        HirKind::Alternation(alts) => {
            let mut all = Vec::new();
            for alt in alts {
                match required(alt) {
                    Required::Exact(s) => all.push(s),
                    Required::AnyOf(v) => all.extend(v),
                    Required::Nothing | Required::Unknown => return Required::Unknown,
                }
            }
            best(vec![all])
        }
        HirKind::Concat(parts) => {
            // Adjacent exact pieces join into one literal; any other piece ends the run.
            let mut factors: Vec<Vec<String>> = Vec::new();
            let mut run = String::new();
            let mut all_exact = true;
            for part in parts {
                match required(part) {
                    Required::Nothing => {}
                    Required::Exact(s) => run.push_str(&s),
                    other => {
                        all_exact = false;
                        if !run.is_empty() {
                            factors.push(vec![std::mem::take(&mut run)]);
                        }
                        if let Required::AnyOf(v) = other {
                            factors.push(v);
                        }
                    }
                }
            }
            if all_exact {
                return Required::Exact(run);
            }
            if !run.is_empty() {
                factors.push(vec![run]);
            }
            best(factors)
        }
    }
}

/// The literals one of which every match of `pattern` contains, if there are such.
pub fn required_literals(pattern: &str) -> Option<Vec<String>> {
    literals_of(&regex_syntax::Parser::new().parse(pattern).ok()?)
}

fn literals_of(hir: &Hir) -> Option<Vec<String>> {
    match required(hir) {
        Required::Exact(s) if s.chars().count() >= MIN_LITERAL_CHARS => Some(vec![s]),
        Required::AnyOf(v) => Some(v),
        _ => None,
    }
}

/// The prefilter of one language's patterns.
pub struct Prefilter {
    automaton: Option<AhoCorasick>,
    /// Per pattern: the literal ids it needs (one of), or `None` to always run.
    needs: Vec<Option<Vec<usize>>>,
    literal_count: usize,
}

impl Prefilter {
    /// The prefilter of `patterns` (regex sources, in order).
    ///
    /// # Errors
    /// The index of the first pattern that is no valid regex, with the parser's message:
    /// it would never compile either.
    pub fn new<'a>(patterns: impl IntoIterator<Item = &'a str>) -> Result<Self, (usize, String)> {
        let mut literals: Vec<String> = Vec::new();
        let mut index = std::collections::HashMap::new();
        let mut needs = Vec::new();
        for (i, p) in patterns.into_iter().enumerate() {
            let hir = regex_syntax::Parser::new()
                .parse(p)
                .map_err(|e| (i, e.to_string()))?;
            needs.push(literals_of(&hir).map(|lits| {
                lits.into_iter()
                    .map(|l| {
                        *index.entry(l.clone()).or_insert_with(|| {
                            literals.push(l);
                            literals.len() - 1
                        })
                    })
                    .collect()
            }));
        }
        let automaton = AhoCorasick::builder()
            .match_kind(MatchKind::Standard)
            .build(&literals)
            .ok();
        Ok(Prefilter {
            needs,
            literal_count: literals.len(),
            automaton: if literals.is_empty() { None } else { automaton },
        })
    }

    /// Which patterns can match `text`, by pattern index.
    pub fn candidates(&self, text: &str) -> Vec<bool> {
        let mut present = vec![false; self.literal_count];
        if let Some(ac) = &self.automaton {
            for m in ac.find_overlapping_iter(&fold_text(text)) {
                present[m.pattern().as_usize()] = true;
            }
        }
        self.needs
            .iter()
            .map(|need| match need {
                None => true,
                Some(ids) => ids.iter().any(|&i| present[i]),
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn literals_every_match_contains() {
        assert_eq!(
            required_literals("(?i)x (?:har )?kjøpt y"),
            Some(vec!["kjøpt y".to_string()])
        );
        let set = required_literals("(?i)a (?:kauft|übernimmt) b").unwrap();
        assert!(set.contains(&"kauft b".to_string()) || set.contains(&"kauft".to_string()));
        // An optional word is never required; a pattern of only short pieces runs always.
        assert_eq!(required_literals("(?i)(?:owns)? a"), None);
        assert_eq!(required_literals("\\d+"), None);
    }

    #[test]
    fn prefilter_never_drops_a_match() {
        let patterns = [
            "(?i)(?P<X>\\d+) (?:has )?acquired (?P<Y>\\d+)",
            "(?i)(?P<X>\\d+) (?:gransker|undersøker) (?P<Y>\\d+)",
            "(?i)(?P<X>\\d+) ØKER (?P<Y>\\d+)",
            "(?i)\\d+ , \\d+",
        ];
        let filter = Prefilter::new(patterns).expect("valid patterns");
        for text in [
            "1 has ACQUIRED 2",
            "1 Gransker 2",
            "1 økeR 2",
            "3 , 4",
            "nothing here",
            "1 undersøker 2 and 5 acquired 6",
        ] {
            let candidates = filter.candidates(text);
            for (p, pattern) in patterns.iter().enumerate() {
                if regex::Regex::new(pattern).unwrap().is_match(text) {
                    assert!(candidates[p], "{pattern} matches {text:?} but was filtered");
                }
            }
        }
        assert_eq!(filter.candidates("nothing here"), vec![false; 4]);
    }

    #[test]
    fn most_lexicon_patterns_are_filtered() {
        for lexicon in &crate::knowledge::Knowledge::global().lexicons {
            let sources: Vec<String> = lexicon
                .pattern
                .iter()
                .map(|p| {
                    format!(
                        "(?i){}",
                        crate::extract::patterns::expand_pattern(&p.re, lexicon)
                    )
                })
                .collect();
            let with = sources
                .iter()
                .filter(|s| required_literals(s).is_some())
                .count();
            eprintln!(
                "{}: {with}/{} patterns have required literals",
                lexicon.code,
                sources.len()
            );
            assert!(
                with * 2 > sources.len(),
                "{}: {with}/{}",
                lexicon.code,
                sources.len()
            );
        }
    }
}
