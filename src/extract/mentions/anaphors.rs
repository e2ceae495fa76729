//! Anaphors ("selskapet", "l'opérateur public") resolved to the latest fitting mention.

use super::*;

pub(super) fn find_anaphors(
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
    let focus_reference = crate::extract::focus_mention(mentions).map(|i| &mentions[i].reference);
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
    // Every occurrence of an anaphor: (group, word, demonym form first, position, length),
    // in the order of the lexicon's lists, the plain words found in one pass.
    let index = anaphor_index(lexicon);
    let mut found: Vec<(usize, usize, bool, usize, usize)> = index
        .automaton
        .find_overlapping_iter(lower)
        .map(|m| {
            let (group, word) = index.words[m.pattern().as_usize()];
            (group, word, false, m.start(), m.len())
        })
        .collect();
    if !demonyms.is_empty() {
        for (group, (words, _)) in groups.iter().enumerate() {
            for (w, word) in words.iter().enumerate() {
                let word = word.to_lowercase();
                let Some((head, tail)) = word.split_once(' ') else {
                    continue;
                };
                for d in &demonyms {
                    let form = format!("{head} {d} {tail}");
                    let mut forms = vec![form.replace('\'', "’")];
                    if form.contains('\'') {
                        forms.push(form);
                    }
                    for form in forms {
                        for (pos, _) in lower.match_indices(form.as_str()) {
                            found.push((group, w, true, pos, form.len()));
                        }
                    }
                }
            }
        }
    }
    found.sort_by_key(|&(group, word, demonym, pos, _)| (group, word, !demonym, pos));
    found.dedup();
    for (group, _, _, pos, len) in found {
        let etype = groups[group].1;
        let end = pos + len;
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
        // Only a one-word anaphor heads a compound: "den Anbieter" inside "beiden
        // Anbieter" is none.
        if !compound_prefix.is_empty() && lower[pos..end].contains(' ') {
            continue;
        }
        // Overlapping a name is no anaphor; a demonym inside it is part of it. A service
        // descriptor standing alone is one ("... aksjemajoriteten i fiberselskapet"): it
        // names the antecedent and what it sells (`descriptor_anaphor_offers`).
        if mentions.iter().any(|m| {
            m.origin != Origin::Demonym
                && m.start < end
                && word_start < m.end
                && !(etype == EntityType::Company
                    && matches!(m.reference, Reference::Service(_))
                    && m.start == word_start
                    && m.end == end
                    && !predicative(lexicon, &lower[..word_start]))
        }) {
            continue;
        }
        let Some(sentence) = sentence_of(article, pos) else {
            continue;
        };
        // A descriptor right before a name ("nätoperatören Quadracom", "du groupe
        // norvégien Vollvik Gruppen", "l'opérateur d'infrastructures Axione", "the
        // operator of networks X") is no anaphor.
        let next = mentions
            .iter()
            .filter(|m| {
                m.start >= end
                    && m.origin != Origin::Demonym
                    && !matches!(m.reference, Reference::Service(_))
            })
            .min_by_key(|m| m.start);
        let between_is_blank = |m: &Mention| {
            let between: Vec<&str> = text[end..m.start].split_whitespace().collect();
            super::of_complement(lexicon, &between)
                || text[end..m.start].split_whitespace().all(|w| {
                    w == ","
                        || mentions.iter().any(|d| {
                            (d.origin == Origin::Demonym
                                || matches!(d.reference, Reference::Service(_)))
                                && d.start >= end
                                && text[d.start..d.end] == *w
                        })
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
        // A definite noun inside a clause names no one the clause's subject binds
        // (binding principle C): "Telenor Sverige, som tog över Zitius, äger nu alla aktier
        // i stadsnätsoperatören" is Zitius, "X köps av Kinnevik, som blir ensam ägare till
        // fiberbolaget" is X.
        let bound = (etype == EntityType::Company)
            .then(|| clause_subject(article, lexicon, mentions, sentence, word_start, etype))
            .flatten();
        let fits = |m: &&Mention| {
            m.start < word_start
                && bound.is_none_or(|b| !std::ptr::eq(*m, b))
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
        // ... or a company the sentence before introduced, named there for the first time
        // with its legal form ("Telenor kjøper fiberselskapet Vestnett AS. Selskapet har
        // 48 000 kunder."): a new entity is what the next sentence describes ...
        // Only an anaphor that opens its sentence: the subject, which continues the
        // topic the sentence before ended on.
        let opens_sentence = text[article.sentences[sentence].start..word_start]
            .chars()
            .all(|c| !c.is_alphanumeric());
        let introduced = (etype == EntityType::Company && sentence > 0 && opens_sentence)
            .then(|| {
                mentions.iter().filter(fits).find(|m| {
                    m.sentence + 1 == sentence
                        && m.origin == Origin::Name
                        && Some(&m.reference) != focus_reference
                        && introduced_here(m, mentions, knowledge)
                })
            })
            .flatten();
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
                    .find(|m| same_entity(&m.reference, f, knowledge))
            });
        // ... otherwise the subject: the first fitting mention of the nearest sentence.
        // Inside a clause whose subject binds it, the nearest other name of the sentence
        // ("... af TDC, mens Macquarie har den bestemmende indflydelse i selskabet").
        let same_sentence = bound.and_then(|_| {
            mentions
                .iter()
                .rev()
                .filter(fits)
                .find(|m| m.sentence == sentence)
        });
        let antecedent = by_prefix
            .or(same_sentence)
            .or(introduced)
            .or(focus)
            .or_else(|| {
                let nearest = mentions
                    .iter()
                    .rev()
                    .filter(fits)
                    .find(|m| sentence.saturating_sub(m.sentence) <= 2)?;
                mentions
                    .iter()
                    .filter(fits)
                    .find(|m| m.sentence == nearest.sentence)
            })
            // "the Danish operator" where no company of that country is near: a company
            // named in the article whose country nothing says, within the last two
            // sentences (the latest).
            .or_else(|| {
                demonym_country.as_ref()?;
                mentions.iter().rev().find(|m| {
                    m.start < word_start
                        && sentence.saturating_sub(m.sentence) <= 2
                        && bound.is_none_or(|b| !std::ptr::eq(*m, b))
                        && m.etype == etype
                        && m.origin == Origin::Name
                        && country_of(m).is_none()
                })
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
    out
}

/// The subject of the clause in which a definite noun at `at` stands, when the noun is
/// not that subject itself: the antecedent of a relative pronoun opening the clause, else
/// an organisation opening the clause, else (the main clause resumed after a relative
/// clause on it) the one opening the sentence. Clauses end at commas, semicolons, colons and dashes; a
/// coordinator opening one is no word of it.
fn clause_subject<'m>(
    article: &Article,
    lexicon: &Lexicon,
    mentions: &'m [Mention],
    sentence: usize,
    at: usize,
    etype: EntityType,
) -> Option<&'m Mention> {
    let text = &article.text;
    let s = article.sentences[sentence];
    let g = &lexicon.grammar;
    // A clause opens after a punctuation mark, or after a complementizer or subordinator
    // ("sier at konsernet ...").
    // After the mark, whatever its width in bytes (a dash is three).
    let mut clause_start = text[s.start..at]
        .char_indices()
        .rfind(|(_, c)| [',', ';', ':', '–', '—'].contains(c))
        .map_or(s.start, |(i, c)| s.start + i + c.len_utf8());
    let mut pos = clause_start;
    for w in text[clause_start..at].split(' ') {
        pos += w.len() + 1;
        let w = w.to_lowercase();
        if g.complementizers.contains(&w) || g.subordinators.contains(&w) {
            clause_start = pos.min(at);
        }
    }
    let words: Vec<String> = text[clause_start..at]
        .split_whitespace()
        .map(|w| w.to_lowercase())
        .collect();
    let first = words
        .iter()
        .position(|w| !lexicon.coordinators.contains(w))?;
    // A reporting clause's subject is its speaker ("..., opplyser direktør X i selskapet").
    if lexicon.speech_verbs.contains(&words[first]) {
        return None;
    }
    let candidate = |m: &&Mention| {
        m.sentence == sentence
            && m.etype == etype
            && !matches!(m.origin, Origin::Anaphor | Origin::Demonym | Origin::Parent)
    };
    // A clause opening with an anaphor of its own continues the sentence's subject:
    // "Eviny kjøpte Hallingnett, og konsernet sitter nå med aksjemajoriteten i
    // fiberselskapet" binds Eviny.
    if lexicon
        .company_anaphors
        .iter()
        .any(|a| !a.contains(' ') && words[first].ends_with(&a.to_lowercase()))
    {
        return mentions.iter().find(|m| candidate(m) && m.end <= at);
    }
    if lexicon.grammar.relative.contains(&words[first]) {
        return mentions
            .iter()
            .filter(candidate)
            .rfind(|m| m.end <= clause_start);
    }
    // The main clause resumed after a relative clause on its subject, which opens the
    // sentence ("Telenor Sverige, som tog över Zitius, äger ..."); not after a fronted
    // subordinate clause ("Wie United Internet mitteilte, kauft der Konzern ...").
    let resumed_subject = || {
        let m = mentions.iter().find(|m| candidate(m) && m.end <= at)?;
        let opens = text[s.start..m.start].split_whitespace().count() <= 1;
        let relative_after = text[m.end..]
            .trim_start()
            .strip_prefix(',')
            .and_then(|rest| rest.split_whitespace().next())
            .is_some_and(|w| g.relative.contains(&w.to_lowercase()));
        (opens && relative_after && clause_start > s.start).then_some(m)
    };
    // A subject that opens the clause (maybe after its article): "Telia eier 40 prosent
    // av selskapet". One after the verb may be an object or agent ("is owned by
    // Mannesmann AG but ... the German company"), and is left alone.
    mentions
        .iter()
        .filter(candidate)
        .find(|m| m.start >= clause_start && m.end <= at)
        .filter(|m| {
            text[clause_start..m.start]
                .split_whitespace()
                .all(|w| lexicon.articles.contains(&w.to_lowercase()))
        })
        .or_else(resumed_subject)
}

/// Whether a service descriptor after `before` (lower case) describes rather than
/// refers: after an article or determiner among the three words before it ("den største
/// mobiloperatøren", "des Mobilfunkanbieters") or right after a copula or auxiliary
/// ("blir TV-leverandøren"). Only a bare definite noun ("fiberselskapet") refers.
fn predicative(lexicon: &Lexicon, before: &str) -> bool {
    let g = &lexicon.grammar;
    // The last three words, read from the end: the text before is the whole article.
    let last_words: Vec<&str> = before
        .rsplit(|c: char| c.is_whitespace() || c == '\'' || c == '’')
        .filter(|w| !w.is_empty())
        .take(3)
        .collect();
    let last = last_words.first().copied().unwrap_or("");
    last_words
        .iter()
        .any(|w| lexicon.articles.iter().any(|a| a == w))
        || g.copulas
            .iter()
            .chain(&g.auxiliaries)
            .chain(&g.passive_auxiliaries)
            .any(|a| a == last)
}

/// Whether two references name one entity: equal, or two new names that differ only by
/// a legal form ("Vestjysk Bredbånd" and "Vestjysk Bredbånd A/S", which resolution
/// merges later).
fn same_entity(a: &Reference, b: &Reference, knowledge: &Knowledge) -> bool {
    match (a, b) {
        (Reference::New(x), Reference::New(y)) => {
            x == y || without_legal_form(x, knowledge) == without_legal_form(y, knowledge)
        }
        _ => a == b,
    }
}

/// A name without a final legal-form word ("Vestnett AS" -> "Vestnett").
fn without_legal_form<'a>(name: &'a str, knowledge: &Knowledge) -> &'a str {
    match name.rsplit_once(' ') {
        Some((head, last)) if knowledge.common.legal_forms.iter().any(|f| f == last) => head,
        _ => name,
    }
}

/// Whether `m` is the first mention of its entity in the article's body (no mention of
/// the same entity, nor of its name without a legal form, before it) and written as a new
/// entity is introduced, with its legal form ("Vestnett AS").
fn introduced_here(m: &Mention, mentions: &[Mention], knowledge: &Knowledge) -> bool {
    let bare = |s| without_legal_form(s, knowledge);
    let name = bare(&m.surface);
    // The title announces what the body introduces: it does not count.
    let earlier = mentions.iter().any(|o| {
        o.sentence > 0
            && o.start < m.start
            && (o.reference == m.reference || bare(&o.surface) == name)
    });
    let with_legal_form = name.len() < m.surface.len();
    !earlier && with_legal_form
}

/// The company and regulator anaphors of a language, lower case and with either
/// apostrophe ("l'opérateur", "l’opérateur"), in one automaton; built once per language.
struct AnaphorIndex {
    automaton: AhoCorasick,
    /// For each pattern: (0 company / 1 regulator, index in that lexicon list).
    words: Vec<(usize, usize)>,
}

fn anaphor_index(lexicon: &Lexicon) -> &'static AnaphorIndex {
    static INDEX: OnceLock<HashMap<String, AnaphorIndex>> = OnceLock::new();
    let all = INDEX.get_or_init(|| {
        crate::knowledge::Knowledge::global()
            .lexicons
            .iter()
            .map(|lexicon| {
                let mut patterns = Vec::new();
                let mut words = Vec::new();
                for (group, list) in [&lexicon.company_anaphors, &lexicon.regulator_anaphors]
                    .into_iter()
                    .enumerate()
                {
                    for (w, word) in list.iter().enumerate() {
                        let word = word.to_lowercase();
                        if word.contains('\'') {
                            patterns.push(word.replace('\'', "’"));
                            words.push((group, w));
                        }
                        patterns.push(word);
                        words.push((group, w));
                    }
                }
                let automaton = AhoCorasick::builder()
                    .match_kind(MatchKind::Standard)
                    .build(&patterns)
                    .expect("anaphor automaton");
                (lexicon.code.clone(), AnaphorIndex { automaton, words })
            })
            .collect()
    });
    &all[&lexicon.code]
}
