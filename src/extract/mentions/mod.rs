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

mod anaphors;
mod discovery;
mod gazetteer;
mod renames;
mod services;

use anaphors::find_anaphors;
use discovery::*;
use gazetteer::*;
use services::*;

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
    /// A capitalised word, or a brand written in lower case with inner dots, which only
    /// names write so ("o.tel.o", "tele.ring", "germany.net").
    fn is_capitalised(&self) -> bool {
        self.text.chars().next().is_some_and(|c| c.is_uppercase()) || dotted_name(self.text)
    }
}

/// A lower-case word of two or more dot-separated parts, one of at least three letters,
/// no web address ("www.", "e-mail"): "o.tel.o", "tele.ring"; not "z.b", "vg.no".
fn dotted_name(word: &str) -> bool {
    if !word.contains('.') || !word.chars().next().is_some_and(|c| c.is_lowercase()) {
        return false;
    }
    word.split('.')
        .all(|p| !p.is_empty() && p.chars().all(char::is_alphanumeric))
        && word
            .split('.')
            .any(|p| p.chars().filter(|c| c.is_alphabetic()).count() >= 3)
        && !word.starts_with("www.")
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

/// Whether `words` (in text order) are a noun's complement with the language's "of"
/// (grammar `of_pair`): "de fibre", "d'infrastructures", "of networks"; one elided word or
/// the preposition and one lower-case word.
fn of_complement(lexicon: &Lexicon, words: &[&str]) -> bool {
    let lower_word = |w: &str| !w.is_empty() && w.chars().all(char::is_lowercase);
    lexicon.grammar.of_pair.iter().any(|of| match words {
        [w] => {
            of.ends_with('\'')
                && crate::extract::lower_case(w)
                    .strip_prefix(of.as_str())
                    .is_some_and(lower_word)
        }
        [w1, w2] => crate::extract::lower_case(w1) == of.as_str() && lower_word(w2),
        _ => false,
    })
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
    let mut covered = Coverage::default();
    // The article in lower case, once for the stages that search it; none where folding
    // changes byte lengths (rare scripts), as its offsets would not be the text's.
    let lower_text = text.to_lowercase();
    let lower_text = (lower_text.len() == text.len()).then_some(lower_text.as_str());

    // 1-2. Gazetteer and places.
    let KnownNames {
        mut mentions,
        context_matches,
        mut named,
    } = known_names(article, lexicon, knowledge);
    let index = name_index();
    // 2c. Courts named by a court noun and their place: "Landgericht München", "Oslo
    // tingrett".
    courts_at_places(article, lexicon, &mut mentions);
    for m in &mentions {
        covered.add(m.start, m.end);
    }

    // 2b. State ownership: "Norway's state-owned", "den svenska statsägda".
    // ... and a minister's title: "Sweden's industry minister", "næringsministeren".
    for m in find_states(article, lower_text, lexicon, knowledge, &mut mentions) {
        covered.add(m.start, m.end);
        mentions.push(m);
    }

    // 3. Discovery from capitalised spans and cues.
    // Nationality words before a name: demonyms ("norske", "Danish") and place names with
    // a possessive "'s" ("Denmark's"), as words (the ending included). A glued genitive
    // ("Stockholms Energi", "Norges Bank") is left out: there the place is part of the name.
    let text = &article.text;
    let nationalities: Vec<(usize, usize)> = mentions
        .iter()
        .filter_map(|m| match m.origin {
            Origin::Demonym => Some((m.start, m.end)),
            Origin::Name if m.etype == EntityType::Place => {
                let rest = &text[m.end..];
                let ending = ["'s", "’s"].into_iter().find(|e| {
                    rest.strip_prefix(e)
                        .is_some_and(|r| !r.starts_with(char::is_alphanumeric))
                })?;
                Some((m.start, m.end + ending.len()))
            }
            _ => None,
        })
        .collect();
    // Companies already named: a capitalised word coordinated with one is a name too.
    let companies: Vec<(usize, usize)> = mentions
        .iter()
        .filter(|m| m.etype == EntityType::Company && m.origin == Origin::Name)
        .map(|m| (m.start, m.end))
        .collect();
    let discovered = discover(
        article,
        lexicon,
        knowledge,
        &covered,
        &nationalities,
        &companies,
    );
    for m in discovered {
        covered.add(m.start, m.end);
        mentions.push(m);
    }
    reclaim_from_places(article, &mut covered, &mut mentions);
    adopt_partial_names(&article.text, &mut mentions, knowledge);
    adopt_short_forms(article, lexicon, knowledge, &mut covered, &mut mentions);
    // One name, one entity in an article: a company discovered by a cue is that company
    // wherever the article writes its name again without one ("des Mobilfunk-Unternehmens
    // Drillisch ... 73 Prozent der Anteile an Drillisch").
    let discovered_names: Vec<(String, Reference, EntityType, usize)> = mentions
        .iter()
        .filter(|m| {
            // The name itself, not a short form read as another name ("United-Chef").
            m.origin == Origin::Name
                && m.etype == EntityType::Company
                && matches!(&m.reference, Reference::New(n) if *n == m.surface)
        })
        .map(|m| (m.surface.clone(), m.reference.clone(), m.etype, m.start))
        .collect();
    for (surface, reference, etype, _) in &discovered_names {
        let form = Form {
            surface,
            reference,
            etype: *etype,
            origin: Origin::Name,
        };
        add_occurrences(article, &form, 0, &mut covered, &mut mentions);
    }
    // A new name quoted as a product (after a verb of offering or a product noun) is that
    // product wherever the article writes it without quotes: a headline rarely quotes
    // ("Telia lanserer Fri Surf ... lanserer «Fri Surf»"). A brand named by a product noun
    // alone may be its company's name too ("den Markennamen o.tel.o"): no evidence.
    let products: HashSet<Reference> = mentions
        .iter()
        .filter(|m| {
            m.etype == EntityType::Product
                && matches!(m.reference, Reference::New(_))
                && discovery::is_quoted(text, m.start)
        })
        .map(|m| m.reference.clone())
        .collect();
    for m in mentions.iter_mut() {
        if m.etype == EntityType::Company
            && m.origin == Origin::Name
            && products.contains(&m.reference)
            && !m
                .surface
                .rsplit(' ')
                .next()
                .is_some_and(|last| knowledge.common.legal_forms.iter().any(|f| f == last))
        {
            m.etype = EntityType::Product;
        }
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
            // A letter at least: "(45)" after a person's name is an age.
            if (2..=8).contains(&inner.len())
                && inner.chars().any(char::is_uppercase)
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
    // opérateurs Bouygues Telecom, Orange et SFR"): a brand that is a common word; in
    // the press of the entity's own country ("PTS" in Swedish, "Free" in French); after
    // an article or a preposition ("die Telekom", "d'Orange"), or as the first part of a
    // title or organisation compound ("Telekom-Chef"). One occurrence accepted accepts
    // the others in the article.
    let mut accepted: HashMap<String, Reference> = HashMap::new();
    let mut rejected = Vec::new();
    // Until no more is accepted: one accepted may put another in a company's position
    // ("Sunrise und Salt, die beiden Herausforderer der Swisscom": Salt's apposition
    // accepts Salt, and the list with Salt then Sunrise).
    let mut pending = context_matches;
    loop {
        let named_before = mentions.len();
        for mut m in std::mem::take(&mut pending) {
            if covered.overlaps(m.start, m.end) {
                continue;
            }
            // Glued to a compound that is no title or organisation, the word is part of
            // another name or a common noun ("Telekom-Kontroll-Kommission").
            if compound_head(article, &m, lexicon) == Some(false) {
                continue;
            }
            // A brand written in digits ("3") is a number wherever a number can stand.
            let digits = m.surface.chars().all(|c| c.is_ascii_digit());
            if digits && !digit_brand_position(article, &m, lexicon) {
                continue;
            }
            let mut candidates = vec![m.reference.clone()];
            if let Some(more) = index.others.get(&m.surface) {
                candidates.extend(more.iter().map(|t| t.reference.clone()));
            }
            // A nationality right before the word names the country of the company it is
            // ("l'opérateur polonais Play", "det norske selskapet Get"): only a candidate of
            // that country, and none where no candidate is ("la société danoise Plus").
            let nationality =
                demonym_right_before(article, &mentions, &m).and_then(|d| match &d.reference {
                    Reference::Place(id) => knowledge.place(id).and_then(|p| p.country.clone()),
                    _ => None,
                });
            if let Some(country) = nationality {
                candidates.retain(|r| match r {
                    Reference::Known(id) => knowledge
                        .entity(id)
                        .is_some_and(|e| e.country.as_deref() == Some(country.as_str())),
                    _ => false,
                });
                if candidates.is_empty() {
                    continue;
                }
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
                Reference::Known(id) => knowledge
                    .entity(id)
                    .and_then(|e| e.country.as_deref())
                    .is_some_and(|c| lexicon.is_home(c)),
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
                    // A digit brand only in its home press (elsewhere the digit is a number),
                    // and there only where a company stands or in the genitive before a noun
                    // ("3's lavprisbrand"), never merely for being the home brand.
                    if digits && !candidates.iter().any(home) {
                        return None;
                    }
                    let genitive = digits
                        && ["'s ", "’s "]
                            .iter()
                            .any(|g| article.text[m.end..].starts_with(g));
                    ((m.etype == EntityType::Company
                        && (genitive || in_company_position(article, &m, &mentions, lexicon)))
                        || (!digits
                            && (candidates
                                .iter()
                                .any(|r| home_alias(article, &m, r, lexicon, knowledge))
                                || alias_in_name_position(article, &m, lexicon))))
                    .then(|| {
                        // The entity of the article's country, else the first listed.
                        candidates
                            .iter()
                            .find(|r| home(r))
                            .unwrap_or(&candidates[0])
                            .clone()
                    })
                });
            if let Some(reference) = chosen {
                accepted.insert(m.surface.clone(), reference.clone());
                m.reference = reference;
                covered.add(m.start, m.end);
                mentions.push(m);
            } else {
                rejected.push(m);
            }
        }
        if mentions.len() == named_before || rejected.is_empty() {
            break;
        }
        pending = std::mem::take(&mut rejected);
    }
    for mut m in rejected {
        if let Some(reference) = accepted.get(&m.surface) {
            if !covered.overlaps(m.start, m.end) {
                m.reference = reference.clone();
                covered.add(m.start, m.end);
                mentions.push(m);
            }
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
    // A service descriptor that is also an anaphor is masked as the company it names.
    mentions.sort_by_key(|m| (m.start, matches!(m.reference, Reference::Service(_))));

    // 8. Renames: the old and the new name are one entity.
    renames::merge_renamed(article, lexicon, &mut mentions);
    mentions
}

/// A company name found in one sentence ("Tele2 kjøper Network Norway") is the name
/// wherever it stands, also where the place inside it was taken for a place mention first
/// ("Network Norway har flere merkenavn ..."): the place mentions inside each occurrence
/// give way to the name.
fn reclaim_from_places(article: &Article, covered: &mut Coverage, mentions: &mut Vec<Mention>) {
    let names: Vec<(String, Reference)> = mentions
        .iter()
        .filter(|m| {
            m.etype == EntityType::Company
                && m.origin == Origin::Name
                && matches!(m.reference, Reference::New(_))
                && m.surface.contains(' ')
        })
        .map(|m| (m.surface.clone(), m.reference.clone()))
        .collect();
    let text = &article.text;
    for (surface, reference) in names {
        for (pos, _) in text.match_indices(surface.as_str()) {
            let end = pos + surface.len();
            if !starts_at_boundary(text, pos) || !ends_at_boundary(text, end) {
                continue;
            }
            let inside = |m: &Mention| m.start < end && pos < m.end;
            // Only places within the occurrence give way; anything else there (the name
            // itself, another company) keeps it.
            if !mentions
                .iter()
                .filter(|m| inside(m))
                .all(|m| m.etype == EntityType::Place && m.start >= pos && m.end <= end)
                || !mentions.iter().any(&inside)
            {
                continue;
            }
            let Some(sentence) = sentence_of(article, pos) else {
                continue;
            };
            mentions.retain(|m| !inside(m));
            covered.spans.retain(|&(s, e)| !(pos <= s && e <= end));
            covered.add(pos, end);
            mentions.push(Mention {
                sentence,
                start: pos,
                end,
                surface: surface.clone(),
                etype: EntityType::Company,
                reference: reference.clone(),
                origin: Origin::Name,
            });
        }
    }
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

/// A new one-word name that is the tail of exactly one organisation's one-word compound
/// name in the article refers to it ("Netzagentur-Chef" beside "Bundesnetzagentur"): the
/// short form news writes once the full name is given. A first word is such a short form
/// only as the first part of a compound ("United-Chef" beside "United Internet"): alone it
/// names the parent as often ("Bouygues" beside "Bouygues Telecom").
fn adopt_partial_names(text: &str, mentions: &mut [Mention], knowledge: &Knowledge) {
    // Each organisation's names, in lower case.
    let full_names: Vec<(String, Reference, EntityType)> = mentions
        .iter()
        .filter(|m| m.etype.is_organisation() && m.origin == Origin::Name)
        .flat_map(|m| {
            let canonical = match &m.reference {
                Reference::Known(id) => knowledge.entity(id).map(|e| e.name.clone()),
                Reference::New(n) => Some(n.clone()),
                _ => None,
            };
            [Some(m.surface.clone()), canonical]
                .into_iter()
                .flatten()
                .map(move |n| (n.to_lowercase(), m.reference.clone(), m.etype))
        })
        .collect();
    for m in mentions.iter_mut() {
        let Reference::New(name) = &m.reference else {
            continue;
        };
        if m.origin != Origin::Name || name.contains(' ') || name.chars().count() < 4 {
            continue;
        }
        let lower = name.to_lowercase();
        let in_compound = text[m.end..].starts_with('-');
        let part_of = |full_lower: &str| {
            full_lower != lower
                && (full_lower.strip_suffix(&lower).is_some_and(|head| {
                    head.chars().count() >= 3 && head.chars().all(char::is_alphabetic)
                }) || (in_compound
                    && full_lower
                        .strip_prefix(&lower)
                        .is_some_and(|rest| rest.starts_with(' '))))
        };
        let mut owners: Vec<(&Reference, EntityType)> = Vec::new();
        for (full_lower, r, t) in &full_names {
            if part_of(full_lower) && *r != m.reference && !owners.iter().any(|(o, _)| *o == r) {
                owners.push((r, *t));
            }
        }
        if let [(reference, etype)] = owners.as_slice() {
            m.reference = (*reference).clone();
            m.etype = *etype;
        }
    }
}

/// The first word of a new company's name stands for the whole name once the full name is
/// given, when the rest only says what the company does or is (common.toml
/// `company_name_words`, `generic_company_words`, legal forms): "Telco Data ... Telco er
/// historie", "Rheinlink Telekom übernimmt ... Rheinlink hat". Not where the first word
/// is written before the full name, nor where one sentence writes both ("Eviny Fiber, som
/// er eigd av Eviny"): the short form then names the parent, as it does before a
/// division's name ("Telenordia Privat") and for known companies ("Bouygues" beside
/// "Bouygues Telecom"). The bare word's occurrences become mentions of the full name, and
/// one discovered as a name of its own is taken over.
fn adopt_short_forms(
    article: &Article,
    lexicon: &Lexicon,
    knowledge: &Knowledge,
    covered: &mut Coverage,
    mentions: &mut Vec<Mention>,
) {
    let text = &article.text;
    let common = &knowledge.common;
    let is_sector_word = |w: &str| {
        common
            .company_name_words
            .iter()
            .chain(&common.generic_company_words)
            .chain(&common.legal_forms)
            .any(|c| c.eq_ignore_ascii_case(w))
    };
    let sets = discovery::name_sets(lexicon);
    // The new companies with a name of several words, at their first occurrence.
    let mut fulls: Vec<(String, Reference, usize)> = Vec::new();
    for m in mentions.iter() {
        let Reference::New(name) = &m.reference else {
            continue;
        };
        if m.origin != Origin::Name || m.etype != EntityType::Company || *name != m.surface {
            continue;
        }
        let Some((first, rest)) = name.split_once(' ') else {
            continue;
        };
        match fulls.iter_mut().find(|(_, r, _)| *r == m.reference) {
            Some(entry) => entry.2 = entry.2.min(m.start),
            None if first.chars().count() >= 4
                && first.chars().next().is_some_and(char::is_uppercase)
                && rest.split(' ').all(is_sector_word)
                && !is_sector_word(first)
                && ![&sets.stop, &sets.not_names, &sets.given, &sets.anaphors]
                    .iter()
                    .any(|set| set.contains(first) || set.contains(&first.to_lowercase())) =>
            {
                fulls.push((first.to_string(), m.reference.clone(), m.start))
            }
            None => {}
        }
    }
    for (k, (first, reference, first_full)) in fulls.iter().enumerate() {
        // One full name with that first word.
        if fulls
            .iter()
            .enumerate()
            .any(|(j, f)| j != k && f.0 == *first)
        {
            continue;
        }
        // The bare word: discovered as a name of its own, or not read yet.
        let own = Reference::New(first.to_string());
        let discovered: Vec<usize> = (0..mentions.len())
            .filter(|&i| mentions[i].reference == own && mentions[i].origin == Origin::Name)
            .collect();
        // Not a word the article also writes in lower case ("Global Telecom ... the global
        // market"); where every noun is capitalised, not after an article, where it is a
        // noun ("Stadt Telekom GmbH ... Die Stadt München").
        let written_lower = text.contains(&format!(" {}", first.to_lowercase()));
        let after_article = |s: usize| {
            lexicon.capitalises_nouns
                && text[..s]
                    .split_whitespace()
                    .next_back()
                    .is_some_and(|w| lexicon.articles.contains(&w.to_lowercase()))
        };
        let unread: Vec<(usize, usize)> = if written_lower {
            Vec::new()
        } else {
            text.match_indices(first.as_str())
                .map(|(pos, _)| (pos, pos + first.len()))
                .filter(|&(s, e)| {
                    starts_at_boundary(text, s)
                        && ends_at_boundary(text, e)
                        && !covered.overlaps(s, e)
                        && !after_article(s)
                        // Not the first word of another name ("Global Connect").
                        && !text[e..]
                            .strip_prefix(' ')
                            .is_some_and(|r| r.starts_with(char::is_uppercase))
                })
                .collect()
        };
        let bare_starts = discovered
            .iter()
            .map(|&i| mentions[i].start)
            .chain(unread.iter().map(|u| u.0));
        let full_sentences: HashSet<usize> = mentions
            .iter()
            .filter(|m| m.reference == *reference && m.origin == Origin::Name)
            .map(|m| m.sentence)
            .collect();
        let mut bare_starts = bare_starts.peekable();
        if bare_starts.peek().is_none()
            || bare_starts.any(|s| {
                s < *first_full
                    || sentence_of(article, s).is_none_or(|i| full_sentences.contains(&i))
            })
        {
            continue;
        }
        for &i in &discovered {
            mentions[i].reference = reference.clone();
        }
        let form = Form {
            surface: first,
            reference,
            etype: EntityType::Company,
            origin: Origin::Name,
        };
        add_occurrences(article, &form, *first_full, covered, mentions);
    }
}

/// A place mention with a court noun of the language right before it ("Landgericht
/// München", "tribunal de commerce de Paris") or right after it, maybe after the place's
/// genitive ("Oslo tingrett", "Stockholms tingsrätt") becomes a public body named by the
/// whole phrase. Run before anything is covered.
fn courts_at_places(article: &Article, lexicon: &Lexicon, mentions: &mut Vec<Mention>) {
    let g = &lexicon.grammar;
    if g.courts_before_place.is_empty() && g.courts_after_place.is_empty() {
        return;
    }
    let text = &article.text;
    // A place the gazetteer does not know, written as a name: "Solna tingsrätt".
    let capitalised_word = |word: &str| {
        let word = word
            .strip_suffix('s')
            .filter(|w| w.len() > 1)
            .unwrap_or(word);
        word.chars().next().is_some_and(char::is_uppercase)
            && word.chars().all(|c| c.is_alphabetic() || c == '-')
            && !lexicon.stopwords.contains(&word.to_lowercase())
    };
    let mut unknown: Vec<Mention> = Vec::new();
    for (k, sentence) in article.sentences.iter().enumerate() {
        let s = &text[sentence.start..sentence.end];
        for court in &g.courts_after_place {
            for (at, _) in s.match_indices(court.as_str()) {
                let end = sentence.start + at + court.len();
                let Some(head) = s[..at].strip_suffix(' ') else {
                    continue;
                };
                let word = head.rsplit(' ').next().unwrap_or("");
                let start = sentence.start + head.len() - word.len();
                if capitalised_word(word)
                    && ends_at_boundary(text, end)
                    && !mentions.iter().any(|m| m.start < end && start < m.end)
                {
                    let surface = text[start..end].to_string();
                    unknown.push(Mention {
                        sentence: k,
                        start,
                        end,
                        etype: EntityType::PublicBody,
                        reference: Reference::New(surface.clone()),
                        origin: Origin::Name,
                        surface,
                    });
                }
            }
        }
    }
    mentions.extend(unknown);
    for m in mentions.iter_mut() {
        if m.etype != EntityType::Place || m.origin != Origin::Name {
            continue;
        }
        let sentence = article.sentences[m.sentence];
        let before = &text[sentence.start..m.start];
        let start = g.courts_before_place.iter().find_map(|c| {
            let head = before.strip_suffix(' ')?;
            let at = head.len().checked_sub(c.len())?;
            (head.is_char_boundary(at)
                && head[at..].eq_ignore_ascii_case(c)
                && starts_at_boundary(text, sentence.start + at))
            .then_some(sentence.start + at)
        });
        let after = &text[m.end..sentence.end];
        let genitive = usize::from(after.starts_with("s "));
        let end = g.courts_after_place.iter().find_map(|c| {
            let rest = after[genitive..].strip_prefix(' ')?;
            let len = rest
                .get(..c.len())
                .filter(|w| w.eq_ignore_ascii_case(c))?
                .len();
            let end = m.end + genitive + 1 + len;
            ends_at_boundary(text, end).then_some(end)
        });
        let (start, end) = match (start, end) {
            (Some(s), _) => (s, m.end),
            (None, Some(e)) => (m.start, e),
            (None, None) => continue,
        };
        let surface = text[start..end].to_string();
        m.start = start;
        m.end = end;
        m.etype = EntityType::PublicBody;
        m.reference = Reference::New(surface.clone());
        m.surface = surface;
    }
}

/// Whether a brand written in digits ("3", Hutchison's brand in Danish press, 3 Danmark)
/// stands where no number can: not part of a figure ("3,05", "3 000", "3 %", "3. april"),
/// not counting the word after it ("3 andre selskaber", "3 procent": a lower-case word that
/// is no verb, coordinator or relative pronoun), not "3 og 4", not after an article, a
/// number or a capitalised word that names something with it ("TV 3", "Fase 3"), and not in
/// a sentence with another small number or a number word (a list of figures: "TDC købte 3
/// og Telia 2"). A verb after it counts only where a clause begins ("3 lancerer ...").
/// Whether it names the company is then decided as for any context alias.
fn digit_brand_position(article: &Article, m: &Mention, lexicon: &Lexicon) -> bool {
    let text = &article.text;
    let sentence = article.sentences[m.sentence];
    let after = &text[m.end..sentence.end];
    let mut chars = after.chars();
    match (chars.next(), chars.next()) {
        (Some(',' | '.'), Some(c)) if c.is_ascii_digit() => return false,
        // A full stop ending the sentence leaves the brand; an ordinal or a time does not.
        (Some('%' | '‰' | '.' | ':' | '/' | '-'), _)
            if !(after.starts_with('.') && after[1..].trim().is_empty()) =>
        {
            return false
        }
        _ => {}
    }
    let next = after
        .trim_start()
        .split(|c: char| c.is_whitespace() || matches!(c, ',' | '.' | ';' | ':'))
        .next()
        .unwrap_or("");
    if next.starts_with(|c: char| c.is_ascii_digit() || c == '%') {
        return false;
    }
    let prev = text[sentence.start..m.start]
        .split_whitespace()
        .next_back()
        .unwrap_or("");
    let prev_lower = crate::text::lower_case(prev);
    if prev.ends_with('.')
        || prev.ends_with(|c: char| c.is_ascii_digit())
        || prev == "§"
        || lexicon.articles.iter().any(|a| *a == prev_lower)
        || lexicon.numbers.words.contains_key(prev_lower.as_ref())
        // Part of a name before it ("TV 3", "Fase 3", "Model 3's").
        || prev.starts_with(char::is_uppercase)
    {
        return false;
    }
    let position = if next.starts_with(char::is_lowercase) {
        let lower = crate::text::lower_case(next);
        if lexicon.coordinators.iter().any(|c| *c == lower) {
            // "3 og 4 procent": a number coordinated with another.
            let rest = after.trim_start()[next.len()..].trim_start();
            !rest.starts_with(|c: char| c.is_ascii_digit())
        } else if discovery::name_sets(lexicon)
            .verb_heads
            .contains(lower.as_ref())
        {
            // The subject before its verb only where a clause begins ("3 lancerer ...",
            // "..., og 3 har ..."); after a verb it may count ("har 3 fået bøder").
            prev.is_empty()
                || prev.ends_with(',')
                || lexicon.coordinators.iter().any(|c| *c == prev_lower)
        } else {
            lexicon.grammar.relative.iter().any(|r| *r == lower)
        }
    } else {
        true
    };
    // Another small number or a number word in the sentence makes it one of a list of
    // figures ("1. Telia, 2. TDC, 3. Norlys", "7 master er i drift, 3 er under
    // opførelse"); a year or a decimal is no such number. Checked last: it reads the whole
    // sentence.
    position
        && !text[sentence.start..sentence.end]
            .split(|c: char| c.is_whitespace() || matches!(c, ',' | ';' | ':' | '(' | ')'))
            .map(|w| w.trim_end_matches('.'))
            .filter(|w| !w.is_empty() && *w != m.surface)
            .any(|w| {
                (w.len() <= 3 && w.chars().all(|c| c.is_ascii_digit()))
                    || lexicon.is_number_word(&crate::text::lower_case(w))
            })
}
