//! Finding entity mentions: gazetteer names, places, service phrases, and discovery of
//! unknown organisations, people and products from cues (legal forms, titles, given
//! names, organisation words, quotes), then surnames, in-text abbreviations and anaphors.

use super::{fold, Mention, Origin, Reference};
use crate::ingest::Article;
use crate::knowledge::{EntityType, Knowledge, Lexicon};
use aho_corasick::{AhoCorasick, MatchKind};
use foldhash::{HashMap, HashMapExt, HashSet, HashSetExt};
use std::sync::OnceLock;
use unicode_segmentation::UnicodeSegmentation;

/// One automaton over every gazetteer and place name; built once.
struct NameIndex {
    automaton: AhoCorasick,
    /// Per automaton pattern: what it names and whether it is a context-only alias.
    targets: Vec<NameTarget>,
    /// Each name as written -> its pattern, for exact lookups.
    exact: HashMap<String, usize>,
    /// Further entities a context alias names (the first is in `targets`).
    others: HashMap<String, Vec<NameTarget>>,
}

#[derive(Clone)]
struct NameTarget {
    reference: Reference,
    etype: EntityType,
    context_only: bool,
    demonym: bool,
    /// A lower-case demonym capitalised: only where a sentence starts ("Norske Telenor").
    sentence_initial: bool,
}

fn name_index() -> &'static NameIndex {
    static INDEX: OnceLock<NameIndex> = OnceLock::new();
    INDEX.get_or_init(|| {
        let k = Knowledge::global();
        let mut names = Vec::new();
        let mut targets = Vec::new();
        let mut seen = HashSet::new();
        let mut others: HashMap<String, Vec<NameTarget>> = HashMap::new();
        let mut add = |name: &str, target: NameTarget| {
            if name.is_empty() {
                return;
            }
            if seen.insert(name.to_string()) {
                names.push(name.to_string());
                targets.push(target);
            } else if target.context_only {
                // A brand two entities share as a context alias ("Orange"): the article
                // decides which one it names.
                others.entry(name.to_string()).or_default().push(target);
            }
        };
        for e in &k.gazetteer {
            let target = NameTarget {
                reference: Reference::Known(e.id.clone()),
                etype: e.etype,
                context_only: false,
                demonym: false,
                sentence_initial: false,
            };
            for n in std::iter::once(&e.name).chain(&e.aliases).chain(&e.former) {
                add(n, target.clone());
            }
            for n in &e.context_aliases {
                add(
                    n,
                    NameTarget {
                        context_only: true,
                        ..target.clone()
                    },
                );
            }
        }
        for p in &k.places {
            let target = NameTarget {
                reference: Reference::Place(p.id.clone()),
                etype: EntityType::Place,
                context_only: false,
                demonym: false,
                sentence_initial: false,
            };
            for n in std::iter::once(&p.name).chain(&p.names) {
                add(n, target.clone());
            }
            for d in &p.demonyms {
                add(
                    d,
                    NameTarget {
                        demonym: true,
                        ..target.clone()
                    },
                );
            }
        }
        // Capitalised forms of lower-case demonyms, for the first word of a sentence.
        for p in &k.places {
            for d in &p.demonyms {
                let mut chars = d.chars();
                let Some(first) = chars.next().filter(|c| c.is_lowercase()) else {
                    continue;
                };
                let capitalised: String = first.to_uppercase().chain(chars).collect();
                add(
                    &capitalised,
                    NameTarget {
                        reference: Reference::Place(p.id.clone()),
                        etype: EntityType::Place,
                        context_only: false,
                        demonym: true,
                        sentence_initial: true,
                    },
                );
            }
        }
        let automaton = AhoCorasick::builder()
            .match_kind(MatchKind::LeftmostLongest)
            .build(&names)
            .expect("gazetteer automaton");
        let exact = names
            .iter()
            .enumerate()
            .map(|(i, n)| (n.clone(), i))
            .collect();
        NameIndex {
            automaton,
            targets,
            exact,
            others,
        }
    })
}

/// Service phrases of one language, matched on lower-cased text.
fn service_index(lexicon: &Lexicon) -> &'static (AhoCorasick, Vec<String>) {
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

#[derive(Debug, Clone, Copy)]
struct Token<'a> {
    start: usize,
    end: usize,
    text: &'a str,
}

impl Token<'_> {
    fn is_word(&self) -> bool {
        self.text.chars().any(|c| c.is_alphanumeric())
    }
    fn is_capitalised(&self) -> bool {
        self.text.chars().next().is_some_and(|c| c.is_uppercase())
    }
}

fn tokens(text: &str, offset: usize) -> Vec<Token<'_>> {
    let mut out = Vec::new();
    for (i, t) in text
        .split_word_bound_indices()
        .filter(|(_, t)| !t.trim().is_empty())
    {
        // An elided article glued to a name ("d'Alice", "l'Arcep") is two tokens.
        if let Some(pos) = t.find(['\'', '’']) {
            let after = t[pos..].char_indices().nth(1).map(|(j, _)| pos + j);
            if let Some(after) = after {
                if pos <= 2 && t[after..].chars().next().is_some_and(|c| c.is_uppercase()) {
                    out.push(Token {
                        start: offset + i,
                        end: offset + i + after,
                        text: &t[..after],
                    });
                    out.push(Token {
                        start: offset + i + after,
                        end: offset + i + t.len(),
                        text: &t[after..],
                    });
                    continue;
                }
            }
        }
        out.push(Token {
            start: offset + i,
            end: offset + i + t.len(),
            text: t,
        });
    }
    out
}

fn sentence_of(article: &Article, pos: usize) -> Option<usize> {
    let idx = article.sentences.partition_point(|s| s.end <= pos);
    (idx < article.sentences.len() && article.sentences[idx].start <= pos).then_some(idx)
}

fn char_before(text: &str, pos: usize) -> Option<char> {
    text[..pos].chars().next_back()
}

fn char_after(text: &str, pos: usize) -> Option<char> {
    text[pos..].chars().next()
}

/// Word boundary after a name: end, punctuation, a genitive -s / 's, or a hyphen
/// before a lower-case word ("Telenor-konsernet").
fn ends_at_boundary(text: &str, end: usize) -> bool {
    let rest = &text[end..];
    let mut chars = rest.chars();
    match chars.next() {
        None => true,
        // "Ice.net" is another name than "Ice": a dot before a letter goes on.
        Some('.') => !chars.next().is_some_and(char::is_alphabetic),
        Some(c) if !c.is_alphanumeric() && c != '-' => true,
        // "Telenor-konsernet", and a compound "Telekom-Vorstandschef", but not "T-Mobile"
        // (a longer name, matched whole).
        Some('-') => match chars.next() {
            Some(c) if c.is_lowercase() => true,
            Some(c) if c.is_uppercase() => {
                let tail: String = chars.take_while(|c| c.is_alphanumeric()).collect();
                tail.chars().count() >= 3 && tail.chars().all(|c| c.is_lowercase())
            }
            _ => false,
        },
        Some('s') => !chars.next().is_some_and(|c| c.is_alphanumeric()),
        _ => false,
    }
}

fn starts_at_boundary(text: &str, start: usize) -> bool {
    !char_before(text, start)
        .is_some_and(|c| c.is_alphanumeric() || c == '-' || c == '@' || c == '.')
}

/// Finds every mention in the article, sorted by position, without overlaps.
pub fn find_mentions(article: &Article, lexicon: &Lexicon, knowledge: &Knowledge) -> Vec<Mention> {
    let text = &article.text;
    let mut mentions: Vec<Mention> = Vec::new();
    let mut covered = Coverage::default();
    // The article in lower case, once for the stages that search it; none where folding
    // changes byte lengths (rare scripts), as its offsets would not be the text's.
    let lower_text = text.to_lowercase();
    let lower_text = (lower_text.len() == text.len()).then_some(lower_text.as_str());

    // 1. Gazetteer and places.
    let index = name_index();
    let mut context_matches = Vec::new();
    let mut named: HashSet<Reference> = HashSet::new();
    let mut skip_until = 0;
    // Matches one at a time, the next search starting right after the last match's start:
    // a match rejected below ("der Bund" inside "der Bundesnetzagentur") must not hide one
    // that overlaps it. Accepted names move `skip_until` past themselves.
    let mut at = 0;
    while at < text.len() {
        let Some(m) = index
            .automaton
            .find(aho_corasick::Input::new(text).range(at..))
        else {
            break;
        };
        let (start, end) = (m.start(), m.end());
        at = start + text[start..].chars().next().map_or(1, char::len_utf8);
        if start < skip_until {
            continue;
        }
        if !starts_at_boundary(text, start) || !ends_at_boundary(text, end) {
            continue;
        }
        let Some(sentence) = sentence_of(article, start) else {
            continue;
        };
        if article.sentences[sentence].end < end {
            continue;
        }
        let target = &index.targets[m.pattern().as_usize()];
        // A capitalised demonym: at the start of a sentence ("Norske Telenor"), or where
        // no capitalised word follows it ("l'opérateur Belge qui"); not inside a name
        // ("Svenska Dagbladet").
        if target.sentence_initial
            && next_word_capitalised(text, end, article.sentences[sentence].end)
        {
            // Before a capitalised word it is a nationality only before a known name
            // ("Norske Telenor"), not inside an unknown one ("Norsk Mobil AS").
            let next: String = text[end..]
                .trim_start()
                .chars()
                .take_while(|c| c.is_alphanumeric() || *c == '-' || *c == '.')
                .collect();
            let next = next.trim_end_matches('.');
            if !index.exact.contains_key(next) {
                continue;
            }
        }
        // A place right after a given name is a surname ("Chris Gent").
        if target.etype == EntityType::Place && !target.demonym {
            let before = text[article.sentences[sentence].start..start].trim_end();
            let prev: String = before
                .chars()
                .rev()
                .take_while(|c| c.is_alphanumeric() || *c == '-')
                .collect::<Vec<_>>()
                .into_iter()
                .rev()
                .collect();
            let prefix = lexicon
                .person_prefixes
                .iter()
                .chain(&lexicon.titles)
                .any(|p| p.trim_end_matches('.').eq_ignore_ascii_case(&prev));
            if before.len() + 1 == start - article.sentences[sentence].start
                && (name_sets(lexicon).given.contains(&prev) || prefix)
            {
                continue;
            }
        }
        // A known company and a country: its national subsidiary ("Telia Danmark").
        if target.etype == EntityType::Company && !target.context_only {
            if let Some(country_end) =
                country_after(text, end, article.sentences[sentence].end, knowledge)
            {
                // An alias led by a common noun ("groupe Orange") names the unit from its
                // first capitalised word ("Orange Belgique").
                let start = text[start..end]
                    .char_indices()
                    .find(|(i, c)| {
                        c.is_uppercase() && (*i == 0 || text[start..start + i].ends_with(' '))
                    })
                    .map_or(start, |(i, _)| start + i);
                let surface = text[start..country_end].to_string();
                skip_until = country_end;
                let country_word = &text[end + 1..country_end];
                let place = knowledge.place_by_name(country_word);
                // The gazetteer's own entry for the unit, when it has one: by its name as
                // written ("Orange Belgique"), or by the parent's id and the country's code
                // ("TeliaSonera Finland" is Telia Finland).
                let exact_unit = index
                    .exact
                    .get(surface.as_str())
                    .map(|&i| &index.targets[i])
                    .filter(|t| t.etype == EntityType::Company && !t.context_only)
                    .and_then(|t| match &t.reference {
                        Reference::Known(id) => Some(id.as_str()),
                        _ => None,
                    });
                let known_unit = exact_unit.or(match (&target.reference, place) {
                    (Reference::Known(parent), Some(p)) => {
                        knowledge.national_unit(parent, p.country.as_deref().unwrap_or(""))
                    }
                    _ => None,
                });
                // A company of that very country: the country ends its full name ("DNA
                // Finland", "Ice Communication Norge"), it names no unit.
                let home = match (&target.reference, place) {
                    (Reference::Known(parent), Some(p)) if known_unit.is_none() => {
                        let country = knowledge.entity(parent).and_then(|e| e.country.as_deref());
                        country.is_some() && country == p.country.as_deref()
                    }
                    _ => false,
                };
                mentions.push(Mention {
                    sentence,
                    start,
                    end: country_end,
                    surface: surface.clone(),
                    etype: EntityType::Company,
                    reference: match known_unit {
                        Some(id) => Reference::Known(id.to_string()),
                        None if home => target.reference.clone(),
                        None => Reference::New(surface),
                    },
                    origin: Origin::Name,
                });
                // The country, named inside it: where the unit operates.
                if let Some(p) = place {
                    mentions.push(Mention {
                        sentence,
                        start: end + 1,
                        end: country_end,
                        surface: country_word.to_string(),
                        etype: EntityType::Place,
                        reference: Reference::Place(p.id.clone()),
                        origin: Origin::NamePart,
                    });
                }
                if home {
                    continue;
                }
                // Its parent, named inside it: masked under the subsidiary, used for `owns`.
                mentions.push(Mention {
                    sentence,
                    start,
                    end,
                    surface: text[start..end].to_string(),
                    etype: EntityType::Company,
                    reference: target.reference.clone(),
                    origin: Origin::Parent,
                });
                continue;
            }
        }
        // A country right after a capitalised word that is no known name is the end of a
        // longer name ("Kabel Deutschland", "Telekom Austria"); discovery takes the span.
        if target.etype == EntityType::Place && !target.demonym {
            let before = text[article.sentences[sentence].start..start].trim_end_matches(' ');
            let prev_word: String = before
                .chars()
                .rev()
                .take_while(|c| c.is_alphanumeric())
                .collect::<Vec<_>>()
                .into_iter()
                .rev()
                .collect();
            let glued = before.len() + 1 == start - article.sentences[sentence].start;
            if glued
                && prev_word.chars().next().is_some_and(|c| c.is_uppercase())
                && !lexicon.stopwords.contains(&prev_word.to_lowercase())
                && !name_sets(lexicon).given.contains(&prev_word)
                && before.len() > prev_word.len()
                && mentions.last().is_none_or(|m| m.end < start - 1)
            {
                continue;
            }
        }
        // A place or a company followed by a capitalised word is part of a longer name
        // (Stockholm Energi, Telenor Telecom Solutions): discovery takes the whole span.
        if matches!(target.etype, EntityType::Place | EntityType::Company)
            && !target.demonym
            && next_word_capitalised(text, end, article.sentences[sentence].end)
            && !next_word_is_other_name(text, end, lexicon, knowledge)
        {
            continue;
        }
        // The legal form written after a known name is part of how the text names it.
        let end = if target.etype == EntityType::Company {
            legal_form_after(
                text,
                end,
                article.sentences[sentence].end,
                &knowledge.common.legal_forms,
            )
            .unwrap_or(end)
        } else {
            end
        };
        if end > m.end() {
            skip_until = end;
        }
        let mention = Mention {
            sentence,
            start,
            end,
            surface: text[start..end].to_string(),
            etype: target.etype,
            reference: target.reference.clone(),
            origin: if target.demonym {
                Origin::Demonym
            } else {
                Origin::Name
            },
        };
        skip_until = skip_until.max(mention.end);
        if target.context_only {
            context_matches.push(mention);
        } else {
            named.insert(mention.reference.clone());
            mentions.push(mention);
        }
    }

    // 1b. A known national unit named "<known company> <country>" ("Telia Danmark" in the
    // gazetteer): its parent and its country, hidden under it as for an unknown unit.
    let mut parts = Vec::new();
    for m in &mentions {
        if m.etype != EntityType::Company || m.origin != Origin::Name {
            continue;
        }
        if !matches!(m.reference, Reference::Known(_)) {
            continue;
        }
        let Some((head, country)) = m.surface.rsplit_once(' ') else {
            continue;
        };
        let Some(place) = knowledge
            .place_by_name(country)
            .filter(|p| p.kind.as_deref() == Some("country"))
        else {
            continue;
        };
        let parent = index
            .exact
            .get(head)
            .map(|&i| &index.targets[i])
            .filter(|t| t.etype == EntityType::Company && !t.context_only);
        let Some(parent) = parent.filter(|t| t.reference != m.reference) else {
            continue;
        };
        let head_end = m.start + head.len();
        parts.push(Mention {
            sentence: m.sentence,
            start: head_end + 1,
            end: m.end,
            surface: country.to_string(),
            etype: EntityType::Place,
            reference: Reference::Place(place.id.clone()),
            origin: Origin::NamePart,
        });
        parts.push(Mention {
            sentence: m.sentence,
            start: m.start,
            end: head_end,
            surface: head.to_string(),
            etype: EntityType::Company,
            reference: parent.reference.clone(),
            origin: Origin::Parent,
        });
    }
    mentions.extend(parts);

    // 2. City as an actor: "Stockholm by", "Stockholms stad".
    for m in mentions.iter_mut() {
        if m.etype != EntityType::Place || m.origin != Origin::Name {
            continue;
        }
        let rest = &text[m.end..article.sentences[m.sentence].end];
        let rest_trim = rest.trim_start_matches('s');
        for word in &lexicon.city_words {
            if let Some(after) = rest_trim
                .strip_prefix(' ')
                .and_then(|r| r.strip_prefix(word.as_str()))
            {
                if after.chars().next().is_none_or(|c| !c.is_alphanumeric()) {
                    let end = m.end + (rest.len() - after.len());
                    m.end = end;
                    m.surface = text[m.start..end].to_string();
                    m.etype = EntityType::PublicBody;
                    m.reference = Reference::New(m.surface.clone());
                    break;
                }
            }
        }
    }
    for m in &mentions {
        covered.add(m.start, m.end);
    }

    // 2b. State ownership: "Norway's state-owned", "den svenska statsägda".
    for m in find_state_owners(article, lower_text, lexicon, knowledge, &mut mentions) {
        covered.add(m.start, m.end);
        mentions.push(m);
    }

    // 3. Discovery from capitalised spans and cues.
    let demonyms: Vec<(usize, usize)> = mentions
        .iter()
        .filter(|m| m.origin == Origin::Demonym)
        .map(|m| (m.start, m.end))
        .collect();
    let discovered = discover(article, lexicon, knowledge, &covered, &demonyms);
    for m in discovered {
        covered.add(m.start, m.end);
        mentions.push(m);
    }

    // 4. Abbreviations defined in the text: "Full Name (ABBR)".
    let mut abbreviations: HashMap<String, (Reference, EntityType)> = HashMap::new();
    mentions.sort_by_key(|m| m.start);
    for m in &mentions {
        if m.origin != Origin::Name || m.etype == EntityType::Place {
            continue;
        }
        let rest = &text[m.end..];
        if let Some(inner) = rest.strip_prefix(" (").and_then(|r| r.split(')').next()) {
            if (2..=8).contains(&inner.len())
                && inner
                    .chars()
                    .all(|c| c.is_uppercase() || c.is_ascii_digit() || c == '&')
            {
                abbreviations.insert(inner.to_string(), (m.reference.clone(), m.etype));
                named.insert(m.reference.clone());
            }
        }
    }
    // Context-only aliases count where their entity is named, or where defined in the text,
    // or where the word stands where a company stands ("Orange rachète Jazztel", "les
    // opérateurs Bouygues Telecom, Orange et SFR"): a brand that is a common word.
    for mut m in context_matches {
        if covered.overlaps(m.start, m.end) {
            continue;
        }
        let mut candidates = vec![m.reference.clone()];
        if let Some(more) = index.others.get(&m.surface) {
            candidates.extend(more.iter().map(|t| t.reference.clone()));
        }
        // An abbreviation the text defines for another entity is that entity's
        // ("Telefonica Deutschland (O2)"), whatever the gazetteer's "O2" names.
        if abbreviations
            .get(&m.surface)
            .is_some_and(|(r, _)| !candidates.contains(r))
        {
            continue;
        }
        let defined = abbreviations
            .get(&m.surface)
            .is_some_and(|(r, _)| candidates.contains(r));
        // Of several entities the article names, the one whose name begins with the word
        // ("Orange" after "Orange plc", not France Télécom).
        let named_here: Vec<&Reference> =
            candidates.iter().filter(|r| named.contains(*r)).collect();
        // A word several entities share ("Orange": France Télécom, Orange plc) names the
        // one of the article's country where there is one, named or not.
        let home = |r: &Reference| match r {
            Reference::Known(id) => {
                knowledge.entity(id).and_then(|e| e.country.as_deref())
                    == Some(lexicon.country.as_str())
            }
            _ => false,
        };
        let shared_home = (candidates.len() > 1 && !named_here.is_empty())
            .then(|| candidates.iter().find(|r| home(r)))
            .flatten();
        let chosen = shared_home
            .cloned()
            .or_else(|| {
                named_here
                    .iter()
                    .find(|r| match r {
                        Reference::Known(id) => knowledge
                            .entity(id)
                            .is_some_and(|e| e.name.starts_with(m.surface.as_str())),
                        _ => false,
                    })
                    .or(named_here.first())
                    .map(|r| (*r).clone())
            })
            .or_else(|| {
                defined
                    .then(|| abbreviations.get(&m.surface).map(|(r, _)| r.clone()))
                    .flatten()
            })
            .or_else(|| {
                (m.etype == EntityType::Company
                    && in_company_position(article, &m, &mentions, lexicon))
                .then(|| {
                    // The entity of the article's country, else the first listed.
                    candidates
                        .iter()
                        .find(|r| match r {
                            Reference::Known(id) => {
                                knowledge.entity(id).and_then(|e| e.country.as_deref())
                                    == Some(lexicon.country.as_str())
                            }
                            _ => false,
                        })
                        .unwrap_or(&candidates[0])
                        .clone()
                })
            });
        if let Some(reference) = chosen {
            m.reference = reference;
            covered.add(m.start, m.end);
            mentions.push(m);
        }
    }
    for (abbr, (reference, etype)) in &abbreviations {
        let form = Form {
            surface: abbr,
            reference,
            etype: *etype,
            origin: Origin::Abbreviation,
        };
        add_occurrences(article, &form, 0, &mut covered, &mut mentions);
    }

    // 5. Surnames of people named in full.
    let people: Vec<(String, Reference, usize)> = mentions
        .iter()
        .filter(|m| m.etype == EntityType::Person && m.origin == Origin::Name)
        .filter_map(|m| {
            let last = m.surface.split_whitespace().last()?;
            (m.surface.split_whitespace().count() >= 2)
                .then(|| (last.to_string(), m.reference.clone(), m.start))
        })
        .collect();
    let full_names: Vec<(String, Reference)> = mentions
        .iter()
        .filter(|m| m.etype == EntityType::Person && m.origin == Origin::Name)
        .filter(|m| m.surface.contains(' '))
        .map(|m| (m.surface.clone(), m.reference.clone()))
        .collect();
    // The last names of a person named in full stand for that person, also a double
    // surname ("Sørbøe Aarsæther") and a word discovery took for a company ("Aarønæs").
    for m in mentions.iter_mut() {
        let discovered = matches!(m.reference, Reference::New(_)) && m.origin == Origin::Name;
        if m.etype != EntityType::Person && !(discovered && m.etype == EntityType::Company) {
            continue;
        }
        let person = full_names.iter().find(|(full, r)| {
            *r != m.reference
                && full.len() > m.surface.len()
                && full.ends_with(m.surface.as_str())
                && full[..full.len() - m.surface.len()].ends_with(' ')
        });
        if let Some((_, reference)) = person {
            m.reference = reference.clone();
            m.etype = EntityType::Person;
            m.origin = Origin::Surname;
        }
    }
    for (surname, reference, first_pos) in &people {
        let form = Form {
            surface: surname,
            reference,
            etype: EntityType::Person,
            origin: Origin::Surname,
        };
        add_occurrences(article, &form, *first_pos, &mut covered, &mut mentions);
    }

    // 6. Services.
    find_services(article, lower_text, lexicon, &mut covered, &mut mentions);

    mentions.sort_by_key(|m| m.start);

    // 7. Anaphors, resolved to the latest fitting mention.
    let anaphors = find_anaphors(article, lower_text, lexicon, knowledge, &mentions);
    mentions.extend(anaphors);
    mentions.sort_by_key(|m| m.start);
    mentions
}

fn next_word_capitalised(text: &str, end: usize, limit: usize) -> bool {
    let rest = &text[end..limit];
    // A genitive ends the name ("Telefónicas Übernahme", "Telenors Jon").
    if rest.starts_with("s ") || rest.starts_with("'s ") || rest.starts_with("’s ") {
        return false;
    }
    let Some(after) = rest.strip_prefix(' ') else {
        return false;
    };
    after.chars().next().is_some_and(|c| c.is_uppercase())
}

/// Whether a mention stands where a company stands: before a deal verb ("Orange
/// rachète"), after an organisation word ("l'opérateur Orange"), or in a list with a
/// company ("Bouygues Telecom, Orange et SFR").
fn in_company_position(
    article: &Article,
    m: &Mention,
    mentions: &[Mention],
    lexicon: &Lexicon,
) -> bool {
    let text = &article.text;
    let sentence = article.sentences[m.sentence];
    let after = &text[m.end..sentence.end];
    let next: String = after
        .trim_start()
        .chars()
        .take_while(|c| c.is_alphanumeric() || *c == '\'' || *c == '’')
        .collect::<String>()
        .to_lowercase();
    let before = &text[sentence.start..m.start];
    let prev: String = before
        .trim_end()
        .rsplit(|c: char| c.is_whitespace())
        .next()
        .unwrap_or("")
        .rsplit(['\'', '’'])
        .next()
        .unwrap_or("")
        .to_lowercase();
    let deal_verb = lexicon
        .company_name_cues
        .iter()
        .any(|c| !c.contains(' ') && (c.to_lowercase() == next || c.to_lowercase() == prev));
    let org_word = !prev.is_empty()
        && lexicon
            .org_cues
            .iter()
            .any(|c| super::word_has_cue(&prev, &c.to_lowercase()));
    let listed = |gap: &str| {
        let gap = gap.trim();
        gap == "," || lexicon.coordinators.iter().any(|c| c == gap)
    };
    let in_list = mentions.iter().any(|o| {
        o.sentence == m.sentence
            && o.etype == EntityType::Company
            && ((o.end <= m.start && listed(&text[o.end..m.start]))
                || (o.start >= m.end && listed(&text[m.end..o.start])))
    });
    deal_verb || org_word || in_list
}

/// The capitalised word after a name starts a name of its own (a person, a place, or a
/// function word at the start of a clause), so the two are not one name.
/// "state-owned" words become a mention of the state: of the place named right before
/// ("Norway's", "norske"), which it absorbs, or of the next company's country, or of the
/// article's country. Only states the gazetteer knows (`<place>-state`).
fn find_state_owners(
    article: &Article,
    lower: Option<&str>,
    lexicon: &Lexicon,
    knowledge: &Knowledge,
    mentions: &mut Vec<Mention>,
) -> Vec<Mention> {
    let text = &article.text;
    let Some(lower) = lower else {
        return Vec::new();
    };
    let states: HashSet<&str> = knowledge
        .gazetteer
        .iter()
        .filter(|e| e.etype == EntityType::PublicBody && e.id.ends_with("-state"))
        .map(|e| e.id.as_str())
        .collect();
    let mut out = Vec::new();
    for word in &lexicon.state_owned {
        let needle = word.to_lowercase();
        for (pos, _) in lower.match_indices(needle.as_str()) {
            let end = pos + needle.len();
            if !starts_at_boundary(text, pos)
                || char_after(text, end).is_some_and(|c| c.is_alphanumeric())
            {
                continue;
            }
            let Some(sentence) = sentence_of(article, pos) else {
                continue;
            };
            // A place right before: "Norway's state-owned", "den norske statseide".
            let before = text[..pos].trim_end();
            let before = before
                .strip_suffix("'s")
                .or_else(|| before.strip_suffix("’s"))
                .unwrap_or(before)
                .trim_end();
            let place = mentions.iter().position(|m| {
                m.etype == EntityType::Place && m.end == before.len() && m.sentence == sentence
            });
            let place_id = place.and_then(|i| match &mentions[i].reference {
                Reference::Place(id) => Some(id.clone()),
                _ => None,
            });
            let company_country = mentions
                .iter()
                .filter(|m| {
                    m.start >= end && m.sentence == sentence && m.etype == EntityType::Company
                })
                .find_map(|m| match &m.reference {
                    Reference::Known(id) => knowledge.entity(id)?.country.clone(),
                    _ => None,
                });
            let from_country = |code: &str| knowledge.country_place(code).map(String::from);
            let place_id = place_id
                .or_else(|| company_country.as_deref().and_then(from_country))
                .or_else(|| from_country(&lexicon.country));
            let Some(state) = place_id
                .map(|p| format!("{p}-state"))
                .filter(|s| states.contains(s.as_str()))
            else {
                continue;
            };
            // The place as written names the state ("Norway's state-owned" -> "Norway").
            let (start, surface, origin) = match place {
                Some(i) => {
                    let p = mentions.remove(i);
                    (p.start, p.surface, Origin::Name)
                }
                None => (pos, text[pos..end].to_string(), Origin::Anaphor),
            };
            out.push(Mention {
                sentence,
                start,
                end,
                surface,
                etype: EntityType::PublicBody,
                reference: Reference::Known(state),
                origin,
            });
        }
    }
    out
}

/// A way the article names an entity once it is known (an abbreviation, a surname).
struct Form<'a> {
    surface: &'a str,
    reference: &'a Reference,
    etype: EntityType,
    origin: Origin,
}

/// Adds every word-bounded occurrence of `form` from byte `from` on that is not yet covered.
fn add_occurrences(
    article: &Article,
    form: &Form,
    from: usize,
    covered: &mut Coverage,
    mentions: &mut Vec<Mention>,
) {
    let text = &article.text;
    for (pos, _) in text.match_indices(form.surface) {
        let end = pos + form.surface.len();
        if pos < from
            || !starts_at_boundary(text, pos)
            || !ends_at_boundary(text, end)
            || covered.overlaps(pos, end)
        {
            continue;
        }
        if let Some(sentence) = sentence_of(article, pos) {
            covered.add(pos, end);
            mentions.push(Mention {
                sentence,
                start: pos,
                end,
                surface: form.surface.to_string(),
                etype: form.etype,
                reference: form.reference.clone(),
                origin: form.origin,
            });
        }
    }
}

/// End of a country name right after `end` (one space between), if there is one.
fn country_after(text: &str, end: usize, limit: usize, knowledge: &Knowledge) -> Option<usize> {
    let rest = text[end..limit].strip_prefix(' ')?;
    let word: String = rest.chars().take_while(|c| c.is_alphanumeric()).collect();
    let after = rest[word.len()..].chars().next();
    if word.is_empty() || after.is_some_and(|c| c.is_alphanumeric() || c == '-') {
        return None;
    }
    if knowledge.is_country_name(&word) {
        return Some(end + 1 + word.len());
    }
    // In the genitive ("Telia Danmarks ejer"), the name ends before the "s".
    let bare = word.strip_suffix('s')?;
    knowledge
        .is_country_name(bare)
        .then_some(end + 1 + bare.len())
}

fn next_word_is_other_name(
    text: &str,
    end: usize,
    lexicon: &Lexicon,
    knowledge: &Knowledge,
) -> bool {
    let rest = text[end..].strip_prefix('s').unwrap_or(&text[end..]);
    let word: String = rest
        .trim_start()
        .chars()
        .take_while(|c| c.is_alphanumeric() || *c == '-')
        .collect();
    let lower = word.to_lowercase();
    // A service term as the lexicon writes it ("Telia IP-telefoni"): what the company
    // sells, not its name ("Telenor Mobile" is a name: "mobile" is written in lower case).
    let service = lexicon.services.contains_key(&word);
    // Another known name starts there ("Gisteren kocht Vodafone Tele2").
    let index = name_index();
    let known = index
        .exact
        .get(word.as_str())
        .is_some_and(|&i| !index.targets[i].context_only && !index.targets[i].demonym);
    service
        || known
        || name_sets(lexicon).given.contains(&word)
        || lexicon.stopwords.contains(&lower)
        || lexicon.titles.contains(&lower)
        || knowledge.common.legal_forms.contains(&word)
        || knowledge.is_place_name(&word)
}

#[derive(Default)]
struct Coverage {
    spans: Vec<(usize, usize)>,
}

impl Coverage {
    fn add(&mut self, start: usize, end: usize) {
        self.spans.push((start, end));
    }
    fn overlaps(&self, start: usize, end: usize) -> bool {
        self.spans.iter().any(|&(s, e)| start < e && s < end)
    }
}

fn find_services(
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
        if let Some(sentence) = sentence_of(article, start) {
            covered.add(start, end);
            mentions.push(Mention {
                sentence,
                start,
                end,
                surface: text[start..end].to_string(),
                etype: EntityType::Product,
                reference: Reference::Service(concepts[m.pattern().as_usize()].clone()),
                origin: Origin::Name,
            });
        }
    }
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
                if let Some(sentence) = sentence_of(article, start) {
                    covered.add(start, end);
                    mentions.push(Mention {
                        sentence,
                        start,
                        end,
                        surface: text[start..end].to_string(),
                        etype: EntityType::Product,
                        reference: Reference::Service(concept.to_string()),
                        origin: Origin::Name,
                    });
                }
            }
            _ => {}
        }
    }
}

/// A language's service stems and the words that may follow one in a compound.
struct ServiceCompounds {
    /// (stem, concept), longest stem first.
    stems: Vec<(String, String)>,
    /// Organisation, customer and market words, lower case.
    tails: HashSet<String>,
}

impl ServiceCompounds {
    /// The service a compound names: a stem, an optional hyphen, then a tail word (or a
    /// compound ending in one, "mobilkunde" + "r" aside).
    fn concept_of(&self, word: &str) -> Option<&str> {
        self.stems.iter().find_map(|(stem, concept)| {
            let rest = word.strip_prefix(stem.as_str())?;
            let rest = rest.strip_prefix('-').unwrap_or(rest);
            (!rest.is_empty() && self.tails.contains(rest)).then_some(concept.as_str())
        })
    }
}

fn service_compounds(lexicon: &Lexicon) -> &'static ServiceCompounds {
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
                    .filter(|w| !w.contains(' '))
                    .map(|w| w.to_lowercase())
                    .collect();
                (lex.code.clone(), ServiceCompounds { stems, tails })
            })
            .collect()
    });
    &all[&lexicon.code]
}

/// A run of capitalised words (with connectors) that is not yet a mention.
#[derive(Debug, Clone)]
struct Span {
    sentence: usize,
    start: usize,
    end: usize,
    words: usize,
    /// First word of its sentence (capitalised by grammar, not by being a name).
    sentence_initial: bool,
}

fn discover(
    article: &Article,
    lexicon: &Lexicon,
    knowledge: &Knowledge,
    covered: &Coverage,
    demonyms: &[(usize, usize)],
) -> Vec<Mention> {
    let text = &article.text;
    let common = &knowledge.common;
    let sets = name_sets(lexicon);
    let (stop, not_names, given, tech) = (&sets.stop, &sets.not_names, &sets.given, &sets.tech);
    // Each sentence's tokens, segmented once: the loop below reads them, and so does the
    // question whether the article writes a word in lower case somewhere.
    let sentence_tokens: Vec<Vec<Token>> = article
        .sentences
        .iter()
        .map(|s| tokens(&text[s.start..s.end], s.start))
        .collect();
    // Only single capitalised words ask, a few per article: a scan beats hashing every word.
    let written_in_lower_case = |lower: &str| {
        sentence_tokens
            .iter()
            .flatten()
            .any(|t| t.text == lower && t.text.chars().next().is_some_and(|c| c.is_lowercase()))
    };

    let mut found = Vec::new();
    let mut singles: Vec<(Span, bool)> = Vec::new();
    for (si, (sentence, toks)) in article.sentences.iter().zip(&sentence_tokens).enumerate() {
        let words: Vec<&Token> = toks.iter().filter(|t| t.is_word()).collect();
        // Headlines in Title Case carry no name signal.
        let caps = words.iter().filter(|t| t.is_capitalised()).count();
        if lexicon.title_case_headlines && words.len() >= 4 && caps * 10 >= words.len() * 6 {
            continue;
        }
        for span in capitalised_spans(toks, si, sets, common, covered, text) {
            let surface = &text[span.start..span.end];
            let lower_surface = surface.to_lowercase();
            let lower_surface = lower_surface
                .strip_suffix('s')
                .filter(|_| span.words == 1)
                .unwrap_or(&lower_surface)
                .to_string();
            let is_anaphor_word = sets.anaphors.contains(&lower_surface);
            if span.words == 1
                && (is_anaphor_word
                    || tech.contains(surface)
                    || not_names.contains(surface)
                    || sets.company_tails.contains(surface))
            {
                continue;
            }
            // Where every noun is capitalised, a noun the lexicon knows is no name
            // ("Bußgelder", "Übernahmeangebot").
            if span.words == 1
                && sets.capitalises_nouns
                && sets
                    .common_nouns
                    .iter()
                    .any(|n| super::word_has_cue(&lower_surface, n))
            {
                continue;
            }
            // "Datanet AG": the span already ends in its legal form.
            let ends_in_legal_form = span.words >= 2
                && surface
                    .rsplit(' ')
                    .next()
                    .is_some_and(|last| common.legal_forms.iter().any(|f| f == last));
            let first_word = surface.split_whitespace().next().unwrap_or("");
            // A dotted name is a web address or an abbreviation, unless a legal form
            // follows it ("E.ON SE").
            let legal_follows =
                legal_form_after(text, span.end, sentence.end, &common.legal_forms).is_some();
            if surface.contains('@') || surface.contains("://") || surface.starts_with("www.") {
                continue;
            }
            // A dotted word is an abbreviation or an address unless something marks it as
            // a name: a legal form ("E.ON SE") or a cue (checked below: "norske Ice.net").
            let dotted = surface.contains('.')
                && !surface.contains(". ")
                && !legal_follows
                && !ends_in_legal_form;
            let before = words_before(toks, span.start, 2);
            let prev = before.last().map(|s| s.to_lowercase()).unwrap_or_default();
            // "l'opérateur norvégien Nordwave": a nationality may stand between cue and name.
            let cue_end = toks
                .iter()
                .rev()
                .find(|t| t.end <= span.start && t.is_word())
                .filter(|t| demonyms.contains(&(t.start, t.end)))
                .map_or(span.start, |t| t.start);
            let before_cue = words_before(toks, cue_end, 2);
            let cue_word = before_cue
                .last()
                .map(|s| s.to_lowercase())
                .unwrap_or_default();
            let cue_words = before_cue.join(" ").to_lowercase();
            // A counted cue is a plural common noun, no descriptor of a name ("gegen drei
            // Telekommunikationsanbieter Bußgelder").
            let counted = before_cue.len() == 2
                && (before_cue[0].chars().all(|c| c.is_ascii_digit())
                    || lexicon
                        .numbers
                        .words
                        .contains_key(before_cue[0].to_lowercase().as_str()));
            // A nationality right before a capitalised word makes it a name ("norske
            // Phonero", "amerikanske Bell South"), where only names are capitalised.
            let demonym_cued = cue_end != span.start && !lexicon.capitalises_nouns;
            // The word after the name: a deal verb ("Arcor übernimmt"), or an apposition
            // that describes it ("Sparkle, filiale de Telecom Italia").
            let after_span = text[span.end..sentence.end].trim_start();
            let next_word: String = after_span
                .chars()
                .take_while(|c| c.is_alphanumeric())
                .collect::<String>()
                .to_lowercase();
            let verb_cued = !next_word.is_empty() && sets.deal_verbs.contains(&next_word);
            let apposition_cued = after_span.strip_prefix(',').is_some_and(|rest| {
                let mut words = rest
                    .split(|c: char| c.is_whitespace() || c == '\'' || c == '’')
                    .filter(|w| !w.is_empty())
                    .map(|w| w.to_lowercase());
                let first = words.next().unwrap_or_default();
                let word = if lexicon.articles.contains(&first) {
                    words.next().unwrap_or_default()
                } else {
                    first
                };
                sets.appositive_cues
                    .iter()
                    .any(|c| super::word_has_cue(&word, c))
            });
            // "Anbieter-Wechsel" is a compound noun, not a cue and a name.
            let glued = char_before(text, span.start) == Some('-');
            let org_cued = demonym_cued
                || verb_cued
                || apposition_cued
                || (!cue_word.is_empty()
                    && !counted
                    && !glued
                    && sets.name_cues.iter().any(|c| {
                        super::word_has_cue(&cue_word, c)
                            || (c.contains(' ') && cue_words.ends_with(c))
                    }));
            if dotted && !org_cued {
                continue;
            }
            // Where every noun is capitalised, capitalised words in a row without an
            // article before them inside a sentence are a name ("will United Internet").
            let quantity = |w: &str| {
                let w = w.to_lowercase();
                w.chars().any(|c| c.is_ascii_digit())
                    || lexicon.numbers.words.contains_key(w.as_str())
                    || lexicon.numbers.scales.keys().any(|k| k.to_lowercase() == w)
                    || lexicon.currencies.keys().any(|k| k.to_lowercase() == w)
            };
            let bare_name = lexicon.capitalises_nouns
                && span.words >= 2
                && !span.sentence_initial
                && !prev.is_empty()
                && !quantity(&prev)
                && !surface.split_whitespace().any(quantity)
                && surface
                    .split_whitespace()
                    .all(|w| w.chars().next().is_some_and(|c| !c.is_lowercase()))
                && !lexicon.articles.contains(&prev)
                && !lexicon.grammar.possessives.contains(&prev)
                && !lexicon.grammar.prepositions.contains(&prev);
            // A name the gazetteer knows as a context alias ("Orange") is left to the
            // gazetteer's rules, which know whose it is; a service compound
            // ("GSM-abonnenter") to the services.
            if (span.words == 1 && name_index().exact.contains_key(surface))
                || service_compounds(lexicon)
                    .concept_of(&lower_surface)
                    .is_some()
            {
                continue;
            }
            // A heading in capitals ("STORT NETT", "STOCK EXCHANGE RELEASE") names nothing.
            let heading_words: Vec<&str> = surface
                .split_whitespace()
                .filter(|w| w.chars().any(char::is_alphabetic))
                .filter(|w| !common.legal_forms.iter().any(|f| f == w))
                .collect();
            if heading_words.len() >= 2
                && heading_words.iter().all(|w| {
                    w.chars()
                        .filter(|c| c.is_alphabetic())
                        .all(char::is_uppercase)
                })
            {
                continue;
            }
            // "Mobilfunkbetreiber VoiceStream und Powertel": a cue types the coordinated name too.
            let coordinated_with_cued = lexicon.coordinators.contains(&prev)
                && found.last().is_some_and(|m: &Mention| {
                    m.etype == EntityType::Company
                        && text[m.end..span.start].split_whitespace().count() == 1
                });
            // "presschef på Signalwave", "says Kari Nordmann at Signalwave": the employer.
            let person_right_before = |m: &Mention| {
                m.etype == EntityType::Person
                    && m.sentence == span.sentence
                    && m.end <= span.start
                    && before.last() == Some(&text[m.end..span.start].trim())
            };
            let employer_cued = lexicon.employer_prepositions.contains(&prev)
                && ((before.len() == 2 && is_title(before[0], lexicon))
                    || found.last().is_some_and(person_right_before));
            let legal = legal_form_after(text, span.end, sentence.end, &common.legal_forms);
            let etype;
            let mut end = span.end;
            let mut span = span.clone();
            if legal.is_some() || ends_in_legal_form {
                // A name with digits or symbols before it is part of it ("1&1 Drillisch AG").
                let head_start = text[sentence.start..span.start]
                    .trim_end_matches(' ')
                    .rfind(char::is_whitespace)
                    .map_or(sentence.start, |i| sentence.start + i + 1);
                let head = &text[head_start..span.start].trim_end();
                if head_start < span.start
                    && text[head_start..span.start].ends_with(' ')
                    && !head.is_empty()
                    && head
                        .chars()
                        .all(|c| c.is_alphanumeric() || "&+./-".contains(c))
                    && head.chars().any(|c| c.is_ascii_digit() || "&+".contains(c))
                    && !covered.overlaps(head_start, span.start)
                {
                    span.start = head_start;
                }
            }
            if let Some(legal_end) = legal {
                etype = EntityType::Company;
                end = legal_end;
            } else if ends_in_legal_form {
                etype = EntityType::Company;
            } else if lexicon
                .person_prefixes
                .iter()
                .any(|p| before.last().is_some_and(|b| *b == p.trim_end_matches('.')))
                || (span.words >= 2 && given.contains(first_word))
                || (span.words >= 2
                    && (is_title(&prev, lexicon)
                        || title_after(text, span.end, sentence.end, lexicon)
                        || title_before_comma(text, sentence.start, span.start, lexicon)))
            {
                etype = EntityType::Person;
            } else if ends_with_any(surface, &lexicon.regulator_suffixes)
                && !(lexicon.capitalises_nouns
                    && !org_cued
                    && common_compound(surface, &lexicon.regulator_suffixes))
            {
                etype = EntityType::Regulator;
            } else if ends_with_any(surface, &lexicon.public_body_suffixes) {
                etype = EntityType::PublicBody;
            } else if lexicon.product_cues.contains(&prev) && is_quoted(text, span.start) {
                etype = EntityType::Product;
            } else if org_cued
                || bare_name
                || coordinated_with_cued
                || employer_cued
                || (span.words >= 2
                    && !lexicon.capitalises_nouns
                    && (!span.sentence_initial || !stop.contains(&first_word.to_lowercase())))
            {
                // An organisation word before it, or a multi-word name: a company.
                etype = EntityType::Company;
            } else {
                if span.words == 1 && !lexicon.capitalises_nouns {
                    let word = surface;
                    let acronym = word.chars().all(|c| c.is_uppercase() || c.is_ascii_digit());
                    let plausible = !not_names.contains(word)
                        && !tech.contains(word)
                        && !stop.contains(&word.to_lowercase())
                        && !written_in_lower_case(&word.to_lowercase())
                        && !acronym
                        && word.chars().count() >= 3;
                    if plausible {
                        singles.push((span.clone(), !span.sentence_initial));
                    }
                }
                continue;
            }
            let surface = text[span.start..end]
                .trim_end_matches(['.', ','])
                .to_string();
            found.push(Mention {
                sentence: span.sentence,
                start: span.start,
                end: span.start + surface.len(),
                surface: surface.clone(),
                etype,
                reference: Reference::New(surface),
                origin: Origin::Name,
            });
        }
    }
    // A name found also with an "s" glued on ("Stockholm Energis kunder" beside "Stockholm
    // Energi") is that name in the genitive: the mention ends before the "s", which then
    // marks the genitive for the relations.
    let bare: HashSet<String> = found.iter().map(|m| m.surface.clone()).collect();
    for m in &mut found {
        let stem = m.surface.strip_suffix('s').map(str::to_string);
        if let Some(stem) = stem.filter(|s| s.contains(' ') && bare.contains(s)) {
            m.end -= 1;
            m.reference = Reference::New(stem.clone());
            m.surface = stem;
        }
    }
    // A single capitalised word is a company name when it recurs mid-sentence, never in
    // lower case, or when a cue typed it elsewhere in the article.
    let mut all_counts: HashMap<String, usize> = HashMap::new();
    for (span, _) in &singles {
        *all_counts
            .entry(strip_genitive(&text[span.start..span.end]).to_string())
            .or_default() += 1;
    }
    let mut mid_counts: HashMap<String, usize> = HashMap::new();
    for (span, mid) in &singles {
        if *mid {
            *mid_counts
                .entry(strip_genitive(&text[span.start..span.end]).to_string())
                .or_default() += 1;
        }
    }
    let known: HashMap<String, (EntityType, String)> = found
        .iter()
        .map(|m| (m.surface.clone(), (m.etype, m.surface.clone())))
        .collect();
    let accepted: Vec<String> = mid_counts
        .iter()
        .filter(|(w, n)| **n >= 2 || all_counts.get(*w).copied().unwrap_or(0) >= 3)
        .map(|(w, _)| w.clone())
        .chain(found.iter().map(|m| m.surface.clone()))
        .collect();
    for (span, _) in singles {
        let mut word = strip_genitive(&text[span.start..span.end]);
        // "Glocalnets": the genitive of an accepted name.
        if let Some(base) = word.strip_suffix('s') {
            if accepted.iter().any(|a| a == base) {
                word = base;
            }
        }
        let heads_a_name = found.iter().any(|m| {
            m.etype == EntityType::Company
                && m.surface.contains(' ')
                && m.surface.split_whitespace().next() == Some(word)
        });
        let typed = known
            .get(word)
            .cloned()
            .or(heads_a_name.then(|| (EntityType::Company, word.to_string())));
        let etype = match typed {
            Some((t, _)) => t,
            None if mid_counts.get(word).copied().unwrap_or(0) >= 2
                || accepted.iter().any(|a| a == word) =>
            {
                EntityType::Company
            }
            // A misspelling one letter away from a name of the article ("Glocanet").
            None if word.chars().count() >= 7
                && accepted
                    .iter()
                    .any(|a| crate::text::one_edit_apart(a, word)) =>
            {
                EntityType::Company
            }
            None => continue,
        };
        found.push(Mention {
            sentence: span.sentence,
            start: span.start,
            end: span.start + word.len(),
            surface: word.to_string(),
            etype,
            reference: Reference::New(word.to_string()),
            origin: Origin::Name,
        });
    }
    found
}

fn strip_genitive(word: &str) -> &str {
    word.strip_suffix("'s")
        .or_else(|| word.strip_suffix("’s"))
        .unwrap_or(word)
}

/// The word sets discovery consults for every capitalised word, built once per language.
struct NameSets {
    stop: HashSet<String>,
    not_names: HashSet<String>,
    given: HashSet<String>,
    tech: HashSet<String>,
    /// First words of role titles: they end a name.
    titles: HashSet<String>,
    /// Organisation words ("Mobilfunkbetreiber", "operatøren"): they end a name and type
    /// the name after them.
    org_cues: HashSet<String>,
    /// Organisation and company-name cues, lower case, one or more words.
    name_cues: Vec<String>,
    /// Anaphor words ("selskapet", "the deal"), lower case: never names.
    anaphors: HashSet<String>,
    /// Legal forms and generic company words ("AS", "GmbH", "Group"): a name ending in
    /// one is a company, and they are never a name on their own.
    company_tails: HashSet<String>,
    /// Whether the language capitalises every noun (German), so that a capitalised word
    /// after a number is no sign of one name ("3 Millionen").
    capitalises_nouns: bool,
    /// The lexicon's own nouns (trigger nouns, relational and transfer nouns, metric
    /// words), lower case: where nouns are capitalised, never a name on their own.
    common_nouns: Vec<String>,
    /// Deal verbs (one word) after which a capitalised word is a company, and before
    /// which one is too ("Arcor übernimmt").
    deal_verbs: HashSet<String>,
    /// Organisation words and relational nouns that, in an apposition after a word, make
    /// it a name ("Sparkle, filiale de Telecom Italia").
    appositive_cues: Vec<String>,
    /// Lower-case verbs that open a clause after a name: auxiliaries, news verbs and deal
    /// verbs. A small number between a name and one of them ends the name ("Kanal 9
    /// kjøper", "TV 2 har"); a counted noun would follow a quantity instead ("Telia 3
    /// selskaper").
    clause_verbs: HashSet<String>,
    /// Function words other than coordinators ("etter", "i", "of"): after a name word
    /// within a sentence, where only names are capitalised, a small number before one of
    /// them ends the name too ("granskar Telecom 7 efter klagomål"); at the start of a
    /// sentence a common noun is capitalised as well and numbers a part ("Fase 2 av").
    /// Coordinators also join counted items ("Nordvik 4 og 5").
    function_words: HashSet<String>,
}

impl NameSets {
    /// Whether a title or an organisation word (also as a compound's tail) ends a name.
    fn breaks(&self, word: &str) -> bool {
        let lower = super::lower_case(word);
        let lower = lower.as_ref();
        // The word is a cue, or ends with one after at least three more bytes (the rule
        // of `word_has_cue`): one set lookup per suffix instead of a scan of every cue.
        self.titles.contains(lower)
            || lower
                .char_indices()
                .any(|(i, _)| (i == 0 || i > 2) && self.org_cues.contains(&lower[i..]))
    }
}

fn name_sets(lexicon: &Lexicon) -> &'static NameSets {
    static ALL: OnceLock<HashMap<String, NameSets>> = OnceLock::new();
    let all = ALL.get_or_init(|| {
        let k = Knowledge::global();
        let set = |words: &[String]| words.iter().cloned().collect::<HashSet<String>>();
        k.lexicons
            .iter()
            .map(|lex| {
                let sets = NameSets {
                    // Function words of every kind: a capitalised one starts a sentence.
                    stop: lex
                        .stopwords
                        .iter()
                        .chain(&lex.subject_pronouns)
                        .chain(&lex.coordinators)
                        .chain(&lex.grammar.subordinators)
                        .chain(&lex.grammar.relative)
                        .chain(lex.negations.iter().filter(|w| !w.contains(' ')))
                        .chain(lex.hypotheticals.iter().filter(|w| !w.contains(' ')))
                        .map(|s| s.to_lowercase())
                        .collect(),
                    not_names: set(&k.common.not_names),
                    given: set(&k.common.given_names),
                    tech: set(&k.common.tech_acronyms),
                    titles: lex
                        .titles
                        .iter()
                        .filter_map(|t| t.split_whitespace().next())
                        .map(|t| t.to_lowercase())
                        .collect(),
                    org_cues: lex
                        .org_cues
                        .iter()
                        .filter(|c| !c.contains(' ') && c.chars().count() >= 5)
                        .map(|c| c.to_lowercase())
                        .collect(),
                    name_cues: lex
                        .org_cues
                        .iter()
                        .chain(&lex.company_name_cues)
                        .map(|c| c.to_lowercase())
                        .collect(),
                    anaphors: lex
                        .company_anaphors
                        .iter()
                        .chain(&lex.regulator_anaphors)
                        .chain(&lex.deal_anaphors)
                        .map(|a| a.to_lowercase())
                        .collect(),
                    company_tails: k
                        .common
                        .legal_forms
                        .iter()
                        .chain(&k.common.generic_company_words)
                        .cloned()
                        .collect(),
                    capitalises_nouns: lex.capitalises_nouns,
                    deal_verbs: lex
                        .company_name_cues
                        .iter()
                        .filter(|c| !c.contains(' '))
                        .map(|c| c.to_lowercase())
                        .collect(),
                    appositive_cues: lex
                        .org_cues
                        .iter()
                        .chain(lex.trigger.iter().flat_map(|t| &t.relational))
                        .filter(|w| !w.contains(' ') && w.chars().count() >= 4)
                        .map(|w| w.to_lowercase())
                        .collect(),
                    common_nouns: lex
                        .trigger
                        .iter()
                        .flat_map(|t| t.nouns.iter().chain(&t.relational).chain(&t.transfer_nouns))
                        .chain(lex.metrics.customers.iter().chain(&lex.metrics.revenue))
                        .filter(|w| !w.contains(' ') && w.chars().count() >= 4)
                        .map(|w| w.to_lowercase())
                        .collect(),
                    function_words: lex
                        .stopwords
                        .iter()
                        .filter(|w| !lex.coordinators.contains(w))
                        .map(|w| w.to_lowercase())
                        .collect(),
                    clause_verbs: lex
                        .clause_verbs
                        .iter()
                        .chain(lex.company_name_cues.iter().filter(|c| !c.contains(' ')))
                        .map(|w| w.to_lowercase())
                        .collect(),
                };
                (lex.code.clone(), sets)
            })
            .collect()
    });
    &all[&lexicon.code]
}

fn capitalised_spans(
    toks: &[Token],
    sentence: usize,
    breakers: &NameSets,
    common: &crate::knowledge::Common,
    covered: &Coverage,
    text: &str,
) -> Vec<Span> {
    let (stop, given) = (&breakers.stop, &breakers.given);
    let mut spans = Vec::new();
    let first_word = toks.iter().position(|t| t.is_word());
    let mut i = 0;
    while i < toks.len() {
        let t = toks[i];
        let free = !covered.overlaps(t.start, t.end);
        if !(t.is_word() && t.is_capitalised() && free) || breakers.breaks(t.text) {
            i += 1;
            continue;
        }
        let start_index = i;
        let mut last = i;
        let mut words: usize = 1;
        let mut j = i + 1;
        while j < toks.len() {
            let n = toks[j];
            if covered.overlaps(n.start, n.end) {
                break;
            }
            // Only a plain space (not a line break) may join words of one name.
            if text[toks[j - 1].end..n.start].contains('\n') {
                break;
            }
            let glued = n.start == toks[j - 1].end;
            // A title or an organisation word (also as the tail of "US-Mobilfunkbetreiber")
            // ends the name; the cue then types the name after it.
            let word_ahead = if glued && matches!(n.text, "-" | "/") {
                toks.get(j + 1).map(|t| t.text)
            } else {
                Some(n.text)
            };
            if word_ahead.is_some_and(|w| breakers.breaks(w)) {
                break;
            }
            // An acronym glued to a lower-case word is one compound too ("EU-kommissionen").
            let acronym_before = toks[j - 1].text.chars().count() >= 2
                && toks[j - 1]
                    .text
                    .chars()
                    .all(|c| c.is_uppercase() || c.is_ascii_digit());
            if glued
                && (n.text == "-" || n.text == "/")
                && toks.get(j + 1).is_some_and(|x| {
                    x.start == n.end && x.is_word() && (x.is_capitalised() || acronym_before)
                })
            {
                // "Jean-Marc", "T-Mobile": one word.
                last = j + 1;
                j += 2;
            } else if breakers.titles.contains(&n.text.to_lowercase())
                || (given.contains(n.text) && !given.contains(toks[j - 1].text))
            {
                // A title or a new person's given name starts something else.
                break;
            } else if n.is_word()
                && (n.is_capitalised()
                    || (n.text.chars().next().is_some_and(|c| c.is_ascii_digit())
                        && n.text.chars().any(|c| c.is_alphabetic())))
            {
                last = j;
                words += 1;
                j += 1;
            } else if number_inside_name(toks, j, breakers, text, Some(start_index) != first_word) {
                // "Kanal 5 Group", "Datanet 36 AS": the number belongs to the name, and
                // counts as one of its words ("Kanal 9" is a name of two words).
                last = j;
                words += 1;
                j += 1;
            } else if (common.name_connectors.iter().any(|c| c == n.text) || n.text == "&")
                && toks.get(j + 1).is_some_and(|x| {
                    x.is_word() && x.is_capitalised() && !covered.overlaps(x.start, x.end)
                })
            {
                j += 1;
            } else {
                break;
            }
        }
        // Drop leading function words ("I Sverige", "Den").
        let mut s = start_index;
        while s <= last
            && stop.contains(&toks[s].text.to_lowercase())
            && toks.get(s + 1).is_none_or(|n| n.text != "-")
        {
            s += 1;
            words = words.saturating_sub(1);
        }
        if s <= last && words >= 1 {
            spans.push(Span {
                sentence,
                start: toks[s].start,
                end: toks[last].end,
                words: words.min(last - s + 1),
                sentence_initial: Some(s) == first_word,
            });
        }
        i = j.max(i + 1);
    }
    spans
}

/// Whether the bare number `toks[j]` (one to three digits, after a name word) joins the
/// name: the next word is a legal form or company word ("Datanet 36 AS"), or, where only
/// names are capitalised, any capitalised word ("TV 2 Danmark"), a verb that opens a
/// clause ("Kanal 9 kjøper"), or, within a sentence, a function word ("granskar Telecom 7
/// efter"). A number before another lower-case word is a quantity ("Telia 3 selskaper"),
/// and one after the first word of a sentence numbers a part ("Fase 2 av").
fn number_inside_name(
    toks: &[Token],
    j: usize,
    sets: &NameSets,
    text: &str,
    mid_sentence: bool,
) -> bool {
    let n = toks[j];
    let spaced = |a: &Token, b: &Token| &text[a.end..b.start] == " ";
    if !(1..=3).contains(&n.text.len())
        || !n.text.bytes().all(|b| b.is_ascii_digit())
        || j == 0
        || !spaced(&toks[j - 1], &n)
    {
        return false;
    }
    toks.get(j + 1).is_some_and(|next| {
        spaced(&n, next)
            && next.is_word()
            && if next.is_capitalised() {
                sets.company_tails.contains(next.text)
                    || (!sets.capitalises_nouns && !sets.breaks(next.text))
            } else {
                sets.clause_verbs.contains(next.text)
                    || (mid_sentence
                        && !sets.capitalises_nouns
                        && sets.function_words.contains(next.text))
            }
    })
}

fn words_before<'a>(toks: &'a [Token], pos: usize, n: usize) -> Vec<&'a str> {
    let mut out: Vec<&str> = toks
        .iter()
        .filter(|t| t.end <= pos && (t.is_word() || t.text == ","))
        .map(|t| t.text)
        .collect();
    // A comma right before breaks the cue ("sier X, Y").
    if out.last() == Some(&",") {
        return Vec::new();
    }
    let len = out.len();
    out.drain(..len.saturating_sub(n));
    out
}

fn legal_form_after(text: &str, end: usize, limit: usize, forms: &[String]) -> Option<usize> {
    let rest = &text[end..limit];
    let after = rest.strip_prefix(' ')?;
    forms
        .iter()
        .filter(|f| after.starts_with(f.as_str()))
        .filter(|f| {
            after[f.len()..]
                .chars()
                .next()
                .is_none_or(|c| !c.is_alphanumeric())
        })
        .map(|f| end + 1 + f.len())
        .max()
}

/// Whether `word`, in any case, is a title or a compound ending in one ("konsernsjef").
fn is_title(word: &str, lexicon: &Lexicon) -> bool {
    let word = super::lower_case(word);
    !word.is_empty() && lexicon.titles.iter().any(|t| super::word_has_cue(&word, t))
}

/// "dagleg leiar i Enivest, NAME": a title a few words before the comma that precedes
/// the name.
fn title_before_comma(text: &str, sentence_start: usize, start: usize, lexicon: &Lexicon) -> bool {
    let Some(before) = text[sentence_start..start].trim_end().strip_suffix(',') else {
        return false;
    };
    before
        .split(|c: char| c.is_whitespace() || c == ',')
        .filter(|w| !w.is_empty())
        .rev()
        .take(4)
        .any(|w| is_title(w, lexicon))
}

/// "NAME, pressechef" or "NAME, press- och kommunikationschef".
fn title_after(text: &str, end: usize, limit: usize, lexicon: &Lexicon) -> bool {
    let rest = &text[end..limit];
    let Some(after) = rest.strip_prefix(", ") else {
        return false;
    };
    after
        .split(|c: char| c.is_whitespace() || c == ',')
        .take(4)
        .any(|w| is_title(w, lexicon))
}

/// Where nouns are capitalised, a one-word authority ("Aufsichtsbehörde") or one whose last
/// word is the suffix itself ("Auffassung der Behörde") is a common noun, not a name.
fn common_compound(surface: &str, suffixes: &[String]) -> bool {
    let words: Vec<&str> = surface.split_whitespace().collect();
    let last = words.last().map(|w| w.to_lowercase()).unwrap_or_default();
    words.len() == 1 || suffixes.iter().any(|s| s.to_lowercase() == last)
}

/// The last word ends with a suffix and is longer than it ("Konkurrensverket", not "Verket").
fn ends_with_any(surface: &str, suffixes: &[String]) -> bool {
    let last = surface
        .split_whitespace()
        .last()
        .unwrap_or("")
        .to_lowercase();
    let multiword = surface.split_whitespace().count() > 1;
    suffixes.iter().any(|s| {
        // Suffixes are written in lower case; the rare capitalised one is folded.
        let s = super::lower_case(s);
        last.ends_with(s.as_ref()) && (multiword || last.len() > s.len())
    })
}

fn is_quoted(text: &str, start: usize) -> bool {
    char_before(text, start).is_some_and(|c| matches!(c, '"' | '«' | '“' | '‘' | '\'' | '„'))
}

fn find_anaphors(
    article: &Article,
    lower: Option<&str>,
    lexicon: &Lexicon,
    knowledge: &Knowledge,
    mentions: &[Mention],
) -> Vec<Mention> {
    let text = &article.text;
    let Some(lower) = lower else {
        return Vec::new();
    };
    let mut out = Vec::new();
    let focus_reference = super::focus_mention(mentions).map(|i| &mentions[i].reference);
    let groups = [
        (&lexicon.company_anaphors, EntityType::Company),
        (&lexicon.regulator_anaphors, EntityType::Regulator),
    ];
    // Demonyms of the article may sit inside a multi-word anaphor ("the German company").
    let demonyms: HashSet<String> = mentions
        .iter()
        .filter(|m| m.origin == Origin::Demonym)
        .map(|m| m.surface.to_lowercase())
        .collect();
    for (words, etype) in groups {
        let mut needles: Vec<String> = Vec::new();
        for word in words {
            let word = word.to_lowercase();
            let mut forms: Vec<String> = Vec::new();
            if let Some((head, tail)) = word.split_once(' ') {
                forms.extend(demonyms.iter().map(|d| format!("{head} {d} {tail}")));
            }
            forms.push(word);
            for form in forms {
                // "l'opérateur" is also written with a typographic apostrophe.
                if form.contains('\'') {
                    needles.push(form.replace('\'', "’"));
                }
                needles.push(form);
            }
        }
        for needle in &needles {
            for (pos, _) in lower.match_indices(needle.as_str()) {
                let end = pos + needle.len();
                if !text.is_char_boundary(pos) || !text.is_char_boundary(end) {
                    continue;
                }
                // Whole word, or the head of a compound ("energiselskapets").
                let compound_prefix = lower[..pos]
                    .rsplit(|c: char| !c.is_alphanumeric() && c != '-')
                    .next()
                    .unwrap_or("")
                    .trim_end_matches('-')
                    .to_string();
                let word_start = pos - lower[..pos].len()
                    + lower[..pos]
                        .trim_end_matches(|c: char| c.is_alphanumeric() || c == '-')
                        .len();
                if char_after(lower, end).is_some_and(|c| c.is_alphanumeric() && c != 's') {
                    continue;
                }
                // Overlapping a name is no anaphor; a demonym inside it is part of it.
                if mentions
                    .iter()
                    .any(|m| m.origin != Origin::Demonym && m.start < end && word_start < m.end)
                {
                    continue;
                }
                let Some(sentence) = sentence_of(article, pos) else {
                    continue;
                };
                // A descriptor right before a name ("nätoperatören Quadracom", "du groupe
                // norvégien Vollvik Gruppen") is no anaphor.
                let next = mentions
                    .iter()
                    .filter(|m| m.start >= end && m.origin != Origin::Demonym)
                    .min_by_key(|m| m.start);
                let between_is_blank = |m: &Mention| {
                    text[end..m.start].split_whitespace().all(|w| {
                        w == ","
                            || mentions
                                .iter()
                                .any(|d| d.origin == Origin::Demonym && text[d.start..d.end] == *w)
                    })
                };
                if next.is_some_and(|m| m.is_name() && between_is_blank(m)) {
                    continue;
                }
                // "the German company": only an antecedent of that country.
                let demonym_country = mentions
                    .iter()
                    .find(|d| d.origin == Origin::Demonym && d.start > word_start && d.end < end)
                    .and_then(|d| match &d.reference {
                        Reference::Place(id) => knowledge.place(id)?.country.clone(),
                        _ => None,
                    });
                let country_of = |m: &Mention| match &m.reference {
                    Reference::Known(id) => knowledge.entity(id).and_then(|g| g.country.clone()),
                    _ => None,
                };
                let fits = |m: &&Mention| {
                    m.start < word_start
                        && m.etype == etype
                        && !matches!(m.origin, Origin::Anaphor | Origin::Demonym | Origin::Parent)
                        && demonym_country
                            .as_ref()
                            .is_none_or(|c| country_of(m).as_ref() == Some(c))
                };
                // A compound names its antecedent ("energiselskapet" -> Stockholm Energi) ...
                let by_prefix = if compound_prefix.is_empty() {
                    None
                } else {
                    mentions
                        .iter()
                        .rev()
                        .filter(fits)
                        .filter(|m| sentence.saturating_sub(m.sentence) <= 3)
                        .find(|m| fold(&m.surface).contains(&compound_prefix))
                };
                // ... or the article's main company, when it is among the candidates (news
                // articles keep returning to it) ...
                let focus = focus_reference
                    .filter(|_| etype == EntityType::Company)
                    .and_then(|f| {
                        mentions
                            .iter()
                            .rev()
                            .filter(fits)
                            .filter(|m| sentence.saturating_sub(m.sentence) <= 2)
                            .find(|m| &m.reference == f)
                    });
                // ... otherwise the subject: the first fitting mention of the nearest sentence.
                let antecedent = by_prefix.or(focus).or_else(|| {
                    let nearest = mentions
                        .iter()
                        .rev()
                        .filter(fits)
                        .find(|m| sentence.saturating_sub(m.sentence) <= 2)?;
                    mentions
                        .iter()
                        .filter(fits)
                        .find(|m| m.sentence == nearest.sentence)
                });
                if let Some(a) = antecedent {
                    out.push(Mention {
                        sentence,
                        start: word_start,
                        end,
                        surface: text[word_start..end].to_string(),
                        etype,
                        reference: a.reference.clone(),
                        origin: Origin::Anaphor,
                    });
                }
            }
        }
    }
    out
}
