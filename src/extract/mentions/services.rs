//! Service phrases ("mobilt bredbånd", "fibre optique") and service compounds
//! ("mobilkunder"), matched on lower-cased text.

use super::*;

/// Service phrases of one language, matched on lower-cased text.
pub(super) fn service_index(lexicon: &Lexicon) -> &'static (AhoCorasick, Vec<String>) {
    static INDEX: OnceLock<HashMap<String, (AhoCorasick, Vec<String>)>> = OnceLock::new();
    let all = INDEX.get_or_init(|| {
        Knowledge::global()
            .lexicons
            .iter()
            .map(|lex| {
                let phrases: Vec<String> = lex.services.keys().map(|p| p.to_lowercase()).collect();
                let concepts = lex.services.values().cloned().collect();
                let automaton = AhoCorasick::builder()
                    .match_kind(MatchKind::LeftmostLongest)
                    .build(&phrases)
                    .expect("service automaton");
                (lex.code.clone(), (automaton, concepts))
            })
            .collect()
    });
    &all[&lexicon.code]
}

pub(super) fn find_services(
    article: &Article,
    lower: Option<&str>,
    lexicon: &Lexicon,
    covered: &mut Coverage,
    mentions: &mut Vec<Mention>,
) {
    let (automaton, concepts) = service_index(lexicon);
    let text = &article.text;
    let Some(lower) = lower else {
        return;
    };
    for m in automaton.find_iter(lower) {
        let (start, end) = (m.start(), m.end());
        if !text.is_char_boundary(start) || !text.is_char_boundary(end) {
            continue;
        }
        let after_hyphen = char_before(text, start) == Some('-');
        // "GSM-selskapet": the compound, not its first part, is read below.
        let compound_follows = char_after(text, end) == Some('-') && {
            let word_end = lower[end..]
                .find(|c: char| !(c.is_alphanumeric() || c == '-'))
                .map_or(lower.len(), |i| end + i);
            service_compounds(lexicon)
                .concept_of(lower[start..word_end].trim_end_matches('-'))
                .is_some()
        };
        if !(starts_at_boundary(text, start) || after_hyphen)
            || char_after(text, end).is_some_and(|c| c.is_alphanumeric())
            || compound_follows
            || covered.overlaps(start, end)
        {
            continue;
        }
        push_service(
            article,
            start,
            end,
            &concepts[m.pattern().as_usize()],
            covered,
            mentions,
        );
    }
    find_list_services(article, lower, lexicon, covered, mentions);
    // Compounds of a service stem and an organisation, customer or market word
    // ("mobil-spillere", "mobilselskab", "GSM-abonnenter", "Mobilfunk-Anbieter"): the
    // service, named by a word no list can hold in every combination.
    let compounds = service_compounds(lexicon);
    if compounds.stems.is_empty() {
        return;
    }
    let mut word_start = None;
    for (i, c) in lower
        .char_indices()
        .chain(std::iter::once((lower.len(), ' ')))
    {
        let part = c.is_alphanumeric() || c == '-';
        match (part, word_start) {
            (true, None) => word_start = Some(i),
            (false, Some(start)) => {
                word_start = None;
                let end = i;
                let word = lower[start..end].trim_end_matches('-');
                let end = start + word.len();
                if word.len() < 6
                    || !text.is_char_boundary(start)
                    || !text.is_char_boundary(end)
                    || covered.overlaps(start, end)
                {
                    continue;
                }
                let Some(concept) = compounds.concept_of(word) else {
                    continue;
                };
                push_service(article, start, end, concept, covered, mentions);
            }
            _ => {}
        }
    }
}

/// The words of `lexicon.list_services` that stand next to a service in a list ("internet,
/// télévision et téléphonie fixe", "TV og internett"): a comma or a coordinator between.
fn find_list_services(
    article: &Article,
    lower: &str,
    lexicon: &Lexicon,
    covered: &mut Coverage,
    mentions: &mut Vec<Mention>,
) {
    if lexicon.list_services.is_empty() {
        return;
    }
    let text = &article.text;
    let service_at = |mentions: &[Mention], pos: usize, start: bool| {
        mentions.iter().any(|m| {
            matches!(m.reference, Reference::Service(_))
                && if start { m.start == pos } else { m.end == pos }
        })
    };
    // The position after a list separator that follows `end`, or before one that precedes
    // `start`.
    let coordinator = |w: &str| lexicon.coordinators.iter().any(|c| c == w);
    let next_item = |end: usize| -> Option<usize> {
        let rest = &text[end..];
        let rest_trim = rest.trim_start_matches(' ');
        let after = if let Some(r) = rest_trim.strip_prefix(',') {
            r.trim_start_matches(' ')
        } else {
            let (word, r) = rest_trim.split_once(' ')?;
            if !coordinator(&word.to_lowercase()) {
                return None;
            }
            r.trim_start_matches(' ')
        };
        Some(text.len() - after.len())
    };
    let previous_item = |start: usize| -> Option<usize> {
        let head = text[..start].trim_end_matches(' ');
        let before = if let Some(h) = head.strip_suffix(',') {
            h.trim_end_matches(' ')
        } else {
            let (h, word) = head.rsplit_once(' ')?;
            if !coordinator(&word.to_lowercase()) {
                return None;
            }
            h.trim_end_matches(' ')
        };
        Some(before.len())
    };
    let mut found = Vec::new();
    for (word, concept) in &lexicon.list_services {
        let word = word.to_lowercase();
        for (start, _) in lower.match_indices(word.as_str()) {
            let end = start + word.len();
            if !text.is_char_boundary(start)
                || !text.is_char_boundary(end)
                || !starts_at_boundary(text, start)
                || char_after(text, end).is_some_and(|c| c.is_alphanumeric() || c == '-')
                || covered.overlaps(start, end)
            {
                continue;
            }
            let listed = next_item(end).is_some_and(|p| service_at(mentions, p, true))
                || previous_item(start).is_some_and(|p| service_at(mentions, p, false));
            if listed {
                found.push((start, end, concept.clone()));
            }
        }
    }
    for (start, end, concept) in found {
        push_service(article, start, end, &concept, covered, mentions);
    }
}

/// Records the generic service `concept` named at `start..end` (bytes of the text).
fn push_service(
    article: &Article,
    start: usize,
    end: usize,
    concept: &str,
    covered: &mut Coverage,
    mentions: &mut Vec<Mention>,
) {
    if let Some(sentence) = sentence_of(article, start) {
        covered.add(start, end);
        mentions.push(Mention {
            sentence,
            start,
            end,
            surface: article.text[start..end].to_string(),
            etype: EntityType::Product,
            reference: Reference::Service(concept.to_string()),
            origin: Origin::Name,
        });
    }
}

/// A language's service stems and the words that may follow one in a compound.
pub(super) struct ServiceCompounds {
    /// (stem, concept), longest stem first.
    pub(super) stems: Vec<(String, String)>,
    /// Organisation, customer and market words, lower case.
    pub(super) tails: HashSet<String>,
}

impl ServiceCompounds {
    /// The service a compound names: a stem, an optional hyphen, then a tail word (or a
    /// compound ending in one, "mobilkunde" + "r" aside).
    pub(super) fn concept_of(&self, word: &str) -> Option<&str> {
        self.stems.iter().find_map(|(stem, concept)| {
            let rest = word.strip_prefix(stem.as_str())?;
            let rest = rest.strip_prefix('-').unwrap_or(rest);
            (!rest.is_empty() && self.tails.contains(rest)).then_some(concept.as_str())
        })
    }
}

pub(super) fn service_compounds(lexicon: &Lexicon) -> &'static ServiceCompounds {
    static ALL: OnceLock<HashMap<String, ServiceCompounds>> = OnceLock::new();
    let all = ALL.get_or_init(|| {
        Knowledge::global()
            .lexicons
            .iter()
            .map(|lex| {
                let mut stems: Vec<(String, String)> = lex
                    .service_stems
                    .iter()
                    .map(|(s, c)| (s.to_lowercase(), c.clone()))
                    .collect();
                stems.sort_by_key(|(s, _)| std::cmp::Reverse(s.len()));
                let tails = lex
                    .org_cues
                    .iter()
                    .chain(&lex.metrics.customers)
                    .chain(&lex.service_tails)
                    .chain(&lex.service_unit_tails)
                    .filter(|w| !w.contains(' '))
                    .map(|w| w.to_lowercase())
                    .collect();
                (lex.code.clone(), ServiceCompounds { stems, tails })
            })
            .collect()
    });
    &all[&lexicon.code]
}
