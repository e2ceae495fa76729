//! Names the gazetteer and the place list know: one automaton over all of them, with
//! the checks that tell a known name from a word inside a longer one, national units
//! ("Telia Danmark"), companies in a company's position and state owners.

use super::*;

/// One automaton over every gazetteer and place name; built once.
pub(super) struct NameIndex {
    pub(super) automaton: AhoCorasick,
    /// Per automaton pattern: what it names and whether it is a context-only alias.
    pub(super) targets: Vec<NameTarget>,
    /// Each name as written -> its pattern, for exact lookups.
    pub(super) exact: HashMap<String, usize>,
    /// Further entities a context alias names (the first is in `targets`).
    pub(super) others: HashMap<String, Vec<NameTarget>>,
    /// Further entities a full name names: bodies of two countries with one name
    /// ("Datatilsynet"); the article's country chooses (the first is in `targets`).
    pub(super) shared: HashMap<String, Vec<NameTarget>>,
}

#[derive(Clone)]
pub(super) struct NameTarget {
    pub(super) reference: Reference,
    pub(super) etype: EntityType,
    pub(super) context_only: bool,
    pub(super) demonym: bool,
    /// A lower-case demonym capitalised: only where a sentence starts ("Norske Telenor").
    pub(super) sentence_initial: bool,
}

pub(super) fn name_index() -> &'static NameIndex {
    static INDEX: OnceLock<NameIndex> = OnceLock::new();
    INDEX.get_or_init(|| {
        let k = Knowledge::global();
        let mut names = Vec::new();
        let mut targets = Vec::new();
        let mut seen = HashSet::new();
        let mut others: HashMap<String, Vec<NameTarget>> = HashMap::new();
        let mut shared: HashMap<String, Vec<NameTarget>> = HashMap::new();
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
            } else if matches!(target.reference, Reference::Known(_)) {
                shared.entry(name.to_string()).or_default().push(target);
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
            // A name of several words as the first part of a compound is hyphenated
            // throughout ("Deutsche-Telekom-Chef", "United-Internet-Aktie", "Telia-Company-sjefen").
            for n in std::iter::once(&e.name).chain(&e.aliases).chain(&e.former) {
                let words: Vec<&str> = n.split(' ').collect();
                if (2..=3).contains(&words.len())
                    && words
                        .iter()
                        .all(|w| !w.is_empty() && w.chars().all(char::is_alphanumeric))
                {
                    add(&words.join("-"), target.clone());
                }
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
        // Capitalised forms of lower-case demonyms and names ("the US"), for the first word
        // of a sentence.
        for p in &k.places {
            for d in p.demonyms.iter().chain(&p.names) {
                let demonym = p.demonyms.contains(d);
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
                        demonym,
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
            shared,
        }
    })
}

/// The end (byte offset) of the words after `end`, each after one space, that `keep`
/// accepts, up to `limit`: where a name read from a known word goes on over them.
fn words_while(text: &str, end: usize, limit: usize, keep: impl Fn(&str) -> bool) -> usize {
    let mut name_end = end;
    while let Some(word) = text[name_end..limit]
        .strip_prefix(' ')
        .and_then(|rest| rest.split([' ', ',', '.', ';', ':']).next())
        .filter(|w| keep(w))
    {
        name_end += 1 + word.len();
    }
    name_end
}

pub(super) fn next_word_capitalised(text: &str, end: usize, limit: usize) -> bool {
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
/// The last word of `before`, after any elided article ("l'opérateur" gives "opérateur"),
/// lower case; empty where there is none.
fn last_word_lower(before: &str) -> String {
    before
        .trim_end()
        .rsplit(|c: char| c.is_whitespace())
        .next()
        .unwrap_or("")
        .rsplit(['\'', '’'])
        .next()
        .unwrap_or("")
        .to_lowercase()
}

/// The nationality adjective right before `m` in its sentence, only spaces between
/// ("l'opérateur polonais Play"), if any.
pub(super) fn demonym_right_before<'a>(
    article: &Article,
    mentions: &'a [Mention],
    m: &Mention,
) -> Option<&'a Mention> {
    mentions.iter().find(|d| {
        d.sentence == m.sentence
            && d.origin == Origin::Demonym
            && d.end <= m.start
            && article.text[d.end..m.start].trim().is_empty()
    })
}

pub(super) fn in_company_position(
    article: &Article,
    m: &Mention,
    mentions: &[Mention],
    lexicon: &Lexicon,
) -> bool {
    let text = &article.text;
    let sentence = article.sentences[m.sentence];
    let after = &text[m.end..sentence.end];
    let word_at = |rest: &str| -> String {
        rest.trim_start()
            .chars()
            .take_while(|c| c.is_alphanumeric() || *c == '\'' || *c == '’')
            .collect::<String>()
            .to_lowercase()
    };
    let mut next = word_at(after);
    // A negation particle before the verb ("Orange ne propose pas", "Orange n'a pas"):
    // the verb after it.
    if let Some(p) = lexicon
        .grammar
        .restrictive_particles
        .iter()
        .find(|p| **p == next || (p.ends_with('\'') && next.starts_with(p.as_str())))
    {
        let skip = after.trim_start();
        next = if p.ends_with('\'') {
            next[p.len()..].to_string()
        } else {
            word_at(&skip[p.len()..])
        };
    }
    let prev = last_word_lower(&text[sentence.start..m.start]);
    let deal_verb = lexicon
        .company_name_cues
        .iter()
        .any(|c| !c.contains(' ') && (c.to_lowercase() == next || c.to_lowercase() == prev));
    let is_org_cue = |w: &str| {
        !w.is_empty()
            && lexicon
                .org_cues
                .iter()
                .any(|c| crate::extract::word_has_cue(w, &c.to_lowercase()))
    };
    // An organisation word before it, maybe with a nationality between ("l'opérateur
    // polonais Play", "det svenske selskapet Tre").
    let org_word = is_org_cue(&prev)
        || demonym_right_before(article, mentions, m)
            .is_some_and(|d| is_org_cue(&last_word_lower(&text[sentence.start..d.start])));
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
    // An apposition that describes a company follows it ("Free, un opérateur français,",
    // "Three, the mobile operator,", "Eir, Ireland's largest telecoms company,"): an
    // organisation word in its first six words, before any comma.
    let apposition = after.trim_start().strip_prefix(',').is_some_and(|rest| {
        let phrase = rest.split([',', ';', '(', ')']).next().unwrap_or("");
        // A list or a count is no description ("Three, four or five operators", "Ice,
        // snow and wind damaged the operator's masts"): the noun phrase ends at a
        // coordinator and opens with no number.
        let first = phrase
            .split_whitespace()
            .next()
            .unwrap_or("")
            .to_lowercase();
        if lexicon.is_number_word(&first) || first.starts_with(|c: char| c.is_ascii_digit()) {
            return false;
        }
        phrase
            .split_whitespace()
            .take(6)
            .take_while(|w| {
                !lexicon
                    .coordinators
                    .iter()
                    .any(|c| c.eq_ignore_ascii_case(w))
            })
            .any(|w| {
                let w = w
                    .trim_matches(|c: char| !c.is_alphanumeric())
                    .rsplit(['\'', '’'])
                    .next()
                    .unwrap_or("")
                    .to_lowercase();
                // An organisation word, or a brand noun ("Relish, the wireless broadband
                // brand,").
                !w.is_empty()
                    && lexicon
                        .org_cues
                        .iter()
                        .chain(&lexicon.brand_nouns)
                        .any(|c| crate::extract::word_has_cue(&w, &c.to_lowercase()))
            })
    });
    // Right before a trigger verb, an auxiliary or a copula: the subject of a clause about
    // the market ("Orange a lancé", "Free propose", "Orange is the market leader"). Not
    // in a headline, where any word is capitalised.
    let verb_next = !next.is_empty()
        && super::discovery::name_sets(lexicon)
            .verb_heads
            .contains(&next)
        && !headline(article, m.sentence, lexicon);
    // Right before a verb of saying, the speaker ("Orange dément", "Telia says"): a
    // company; not a brand that is a number word ("Three said" may count people).
    let speaks_next = !next.is_empty()
        && !lexicon.is_number_word(&m.surface.to_lowercase())
        && !m.surface.chars().all(|c| c.is_ascii_digit())
        && lexicon
            .speech_verbs
            .iter()
            .any(|v| v.split_whitespace().next() == Some(next.as_str()))
        && !headline(article, m.sentence, lexicon);
    // Before a relative pronoun after a comma ("Free, which has been undercutting ...").
    let relative_next = after
        .trim_start()
        .strip_prefix(',')
        .and_then(|rest| rest.split_whitespace().next())
        .is_some_and(|w| {
            let w = w.to_lowercase();
            lexicon
                .grammar
                .relative
                .iter()
                .any(|r| r.to_lowercase() == w)
        });
    deal_verb || org_word || in_list || apposition || verb_next || speaks_next || relative_next
}

/// Whether a context-only alias names `reference` in the press of that entity's own
/// country (`Lexicon::countries`): an abbreviation ("PTS", "EE") anywhere, a brand that is
/// a common word ("Free", "Telekom") anywhere but at the start of a sentence or in a
/// headline, where any word is capitalised.
pub(super) fn home_alias(
    article: &Article,
    m: &Mention,
    reference: &Reference,
    lexicon: &Lexicon,
    knowledge: &Knowledge,
) -> bool {
    let Reference::Known(id) = reference else {
        return false;
    };
    let Some(country) = knowledge.entity(id).and_then(|e| e.country.as_deref()) else {
        return false;
    };
    if !lexicon.is_home(country) {
        return false;
    }
    let abbreviation = m.surface.chars().filter(|c| c.is_alphabetic()).count() >= 2
        && m.surface
            .chars()
            .all(|c| c.is_uppercase() || c.is_ascii_digit());
    abbreviation || (!sentence_initial(article, m) && !headline(article, m.sentence, lexicon))
}

/// Whether a context-only alias stands where only a name can: right after an article or a
/// preposition ("die Telekom", "by Orange", "d'Orange"), or as the first part of a
/// compound whose head is a title or an organisation word ("Telekom-Chef",
/// "Orange-gruppen"). Not in a headline, where any word is capitalised.
pub(super) fn alias_in_name_position(article: &Article, m: &Mention, lexicon: &Lexicon) -> bool {
    if !m.surface.chars().next().is_some_and(char::is_uppercase)
        || headline(article, m.sentence, lexicon)
    {
        return false;
    }
    let text = &article.text;
    let sentence = article.sentences[m.sentence];
    let before = &text[sentence.start..m.start];
    // The word before, with an elided article or preposition kept whole ("d'", "l'").
    let prev = if let Some(elided) = before.strip_suffix(['\'', '’']) {
        let word = elided
            .rsplit(|c: char| !c.is_alphabetic())
            .next()
            .unwrap_or("");
        format!("{}'", word.to_lowercase())
    } else if let Some(spaced) = before.strip_suffix(' ') {
        spaced.rsplit(' ').next().unwrap_or("").to_lowercase()
    } else {
        String::new()
    };
    let function_word = !prev.is_empty()
        && (lexicon.articles.contains(&prev)
            || lexicon.grammar.prepositions.contains(&prev)
            || lexicon
                .grammar
                .prepositions
                .iter()
                .any(|p| p.trim_end_matches(['\'', '’']) == prev.trim_end_matches('\'')));
    function_word || compound_head(article, m, lexicon) == Some(true)
}

/// For a mention glued to a compound ("Telekom-Chef", "Telekom-Kontroll-Kommission"):
/// whether the compound's head is a title or an organisation word and the compound ends
/// there, so the mention names its entity as a modifier. `None` when it is not glued.
pub(super) fn compound_head(article: &Article, m: &Mention, lexicon: &Lexicon) -> Option<bool> {
    let sentence = article.sentences[m.sentence];
    let rest = article.text[m.end..sentence.end].strip_prefix('-')?;
    let head: String = rest.chars().take_while(|c| c.is_alphanumeric()).collect();
    if head.is_empty() {
        return None;
    }
    if rest[head.len()..].starts_with('-') {
        return Some(false);
    }
    let head = head.to_lowercase();
    let cue = |list: &[String]| {
        list.iter()
            .any(|t| crate::extract::word_has_cue(&head, &t.to_lowercase()))
    };
    Some(cue(&lexicon.titles) || cue(&lexicon.org_cues))
}

/// Whether the mention opens its sentence (after any quote or dash).
fn sentence_initial(article: &Article, m: &Mention) -> bool {
    let sentence = article.sentences[m.sentence];
    article.text[sentence.start..m.start]
        .chars()
        .all(|c| !c.is_alphanumeric())
}

/// Whether a sentence is a headline in title case: most of its words of three letters or
/// more capitalised (English "Orange Wins Free Licence"). A sentence after the first (the
/// title) closed by sentence-final punctuation is running text, never one. Where every
/// noun is capitalised (German) a sentence of nouns looks the same, and headlines are in
/// sentence case anyway: there only a sentence without any lower-case word counts.
fn headline(article: &Article, sentence: usize, lexicon: &Lexicon) -> bool {
    let s = article.sentences[sentence];
    let text = &article.text[s.start..s.end];
    // A sentence closed by a full stop, question or exclamation mark (maybe inside a
    // quote or bracket) is running text, however many names it holds ("Orange est
    // présent en France, en Espagne, en Belgique et en Pologne.").
    let closed = text
        .trim_end()
        .trim_end_matches(['"', '»', '”', '’', '\'', ')'])
        .ends_with(['.', '!', '?']);
    if sentence > 0 && closed {
        return false;
    }
    let words: Vec<&str> = text
        .split_whitespace()
        .filter(|w| w.chars().filter(|c| c.is_alphabetic()).count() >= 3)
        .collect();
    let capitalised = words
        .iter()
        .filter(|w| w.chars().next().is_some_and(char::is_uppercase))
        .count();
    if lexicon.capitalises_nouns {
        return words.len() >= 3 && capitalised == words.len();
    }
    words.len() >= 3 && capitalised * 3 > words.len() * 2
}

/// The place mention that names the owner of what follows `before` (a byte offset) in
/// `sentence`: a place in the genitive ("Norway's", "Norges") or a nationality adjective
/// ("norske") ending there.
fn place_before(text: &str, before: usize, sentence: usize, mentions: &[Mention]) -> Option<usize> {
    let head = text[..before].trim_end();
    let possessor = head
        .strip_suffix("'s")
        .or_else(|| head.strip_suffix("’s"))
        .or_else(|| head.strip_suffix('s'));
    mentions.iter().position(|m| {
        m.etype == EntityType::Place
            && m.sentence == sentence
            && ((m.origin == Origin::Demonym && m.end == head.len())
                || possessor.is_some_and(|p| m.end == p.len()))
    })
}

/// The state (`<place>-state`, only one the knowledge has) of the place mention `place`;
/// without one, of the next company's country in `sentence` after `end`, else of the
/// country of the article's language.
fn state_for(
    place: Option<usize>,
    end: usize,
    sentence: usize,
    mentions: &[Mention],
    lexicon: &Lexicon,
    knowledge: &Knowledge,
) -> Option<String> {
    let from_country = |code: &str| knowledge.country_place(code).map(String::from);
    let place_id = match place {
        Some(i) => match &mentions[i].reference {
            Reference::Place(id) => Some(id.clone()),
            _ => None,
        },
        None => mentions
            .iter()
            .filter(|m| m.start >= end && m.sentence == sentence && m.etype == EntityType::Company)
            .find_map(|m| match &m.reference {
                Reference::Known(id) => knowledge.entity(id)?.country.clone(),
                _ => None,
            })
            .as_deref()
            .and_then(from_country)
            .or_else(|| from_country(&lexicon.country)),
    };
    place_id.map(|p| format!("{p}-state")).filter(|s| {
        knowledge
            .entity(s)
            .is_some_and(|e| e.etype == EntityType::PublicBody)
    })
}

/// A mention of `state` over `start..end`, absorbing the place mention `place` that names
/// it ("Norway's state-owned" -> "Norway"); `origin` when there is none.
fn state_mention(
    text: &str,
    (start, end, sentence): (usize, usize, usize),
    state: String,
    place: Option<usize>,
    origin: Origin,
    mentions: &mut Vec<Mention>,
) -> Mention {
    let (start, surface, origin) = match place {
        Some(i) => {
            let p = mentions.remove(i);
            (p.start, p.surface, Origin::Name)
        }
        None => (start, text[start..end].to_string(), origin),
    };
    Mention {
        sentence,
        start,
        end,
        surface,
        etype: EntityType::PublicBody,
        reference: Reference::Known(state),
        origin,
    }
}

/// Mentions of a state: "state-owned" words ("Norway's state-owned", "statseide") and
/// ministers' titles ("Sweden's industry minister", "næringsministeren"), each of the
/// place named right before, which it absorbs, or of the next company's country, or of
/// the article's country (`state_for`). `lower`: the article's text in lower case, byte
/// for byte (None where lower-casing changes lengths).
pub(super) fn find_states(
    article: &Article,
    lower: Option<&str>,
    lexicon: &Lexicon,
    knowledge: &Knowledge,
    mentions: &mut Vec<Mention>,
) -> Vec<Mention> {
    let Some(lower) = lower else {
        return Vec::new();
    };
    let text = &article.text;
    let mut out: Vec<Mention> = Vec::new();
    // A "state-owned" word stands alone, right after its place; a minister's title may
    // end a compound ("næringsministeren") and stand two words after it ("Sweden's
    // industry minister").
    let kinds = [
        (&lexicon.state_owned, false),
        (&lexicon.minister_titles, true),
    ];
    for (words, title) in kinds {
        for word in words {
            let needle = word.to_lowercase();
            for (at, _) in lower.match_indices(needle.as_str()) {
                let Some((start, end)) = state_word(text, lower, at, needle.len(), title) else {
                    continue;
                };
                if mentions.iter().any(|m| m.start < end && start < m.end)
                    || out.iter().any(|m| m.start <= start && start < m.end)
                {
                    continue;
                }
                let Some(sentence) = sentence_of(article, start) else {
                    continue;
                };
                // A place or nationality right before, or up to two lower-case words
                // before a title ("Sweden's industry minister"); "Sweden told the
                // minister" names no Swedish minister.
                let mut place = place_before(text, start, sentence, mentions);
                let mut before = start;
                for _ in 0..if title { 2 } else { 0 } {
                    let head = text[..before].trim_end();
                    let Some(space) = head.rfind(char::is_whitespace) else {
                        break;
                    };
                    let modifier = head[space..].trim_start();
                    if place.is_some() || !modifier.chars().all(|c| c.is_lowercase() || c == '-') {
                        break;
                    }
                    before = space;
                    place = place_before(text, before, sentence, mentions);
                }
                let Some(state) = state_for(place, end, sentence, mentions, lexicon, knowledge)
                else {
                    continue;
                };
                out.push(state_mention(
                    text,
                    (start, end, sentence),
                    state,
                    place,
                    Origin::Anaphor,
                    mentions,
                ));
            }
        }
    }
    out
}

/// The word a state cue found at `at` (`len` bytes of `lower`) stands in: itself, where
/// it is a whole word; for a minister's `title` also a compound ending in it (three
/// letters before it at least: "næringsminister", not "administer") with at most an
/// inflection after ("-en", "-n", "-in", "-s"), never a ministry ("Ministerium",
/// "ministeriet"). Byte offsets.
fn state_word(
    text: &str,
    lower: &str,
    at: usize,
    len: usize,
    title: bool,
) -> Option<(usize, usize)> {
    if !title {
        let end = at + len;
        let whole = starts_at_boundary(text, at)
            && !char_after(text, end).is_some_and(|c| c.is_alphanumeric());
        return whole.then_some((at, end));
    }
    let start = lower[..at]
        .rfind(|c: char| !c.is_alphanumeric() && c != '-')
        .map_or(0, |i| {
            i + lower[i..].chars().next().map_or(1, char::len_utf8)
        });
    // The end of the word the title's last word is in (a title may have several words:
    // "secretary of state").
    let end = lower[at + len..]
        .find(|c: char| !c.is_alphanumeric())
        .map_or(lower.len(), |i| at + len + i);
    let prefix = at - start;
    let suffix = &lower[at + len..end];
    let inflection = suffix.chars().count() <= 2 && (!suffix.starts_with('i') || suffix == "in");
    (!(prefix > 0 && prefix < 3) && inflection).then_some((start, end))
}

/// End of a country name right after `end` (one space between), if there is one.
pub(super) fn country_after(
    text: &str,
    end: usize,
    limit: usize,
    knowledge: &Knowledge,
) -> Option<usize> {
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

/// A unit's parent named inside the unit's name ("Telia" in "Telia Danmark", "TDC" in
/// "TDC Oy"), bytes `start..end`: masked under the unit, read for `owns`.
fn parent_mention(
    text: &str,
    sentence: usize,
    start: usize,
    end: usize,
    parent: &Reference,
) -> Mention {
    company_mention(text, sentence, start, end, parent.clone(), Origin::Parent)
}

/// A company mention of the text's bytes `start..end` in a sentence.
fn company_mention(
    text: &str,
    sentence: usize,
    start: usize,
    end: usize,
    reference: Reference,
    origin: Origin,
) -> Mention {
    Mention {
        sentence,
        start,
        end,
        surface: text[start..end].to_string(),
        etype: EntityType::Company,
        reference,
        origin,
    }
}

/// The capitalised word after a name starts a name of its own (a person, a place, or a
/// function word at the start of a clause), so the two are not one name.
pub(super) fn next_word_is_other_name(
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

/// Mentions of names the gazetteer and the place list know (steps 1-2 of
/// [`find_mentions`](super::find_mentions)): known names with their legal forms, national units
/// ("Telia Danmark", with the parent and the country hidden under the unit), cities
/// acting as bodies ("Stockholm by"). Context-only aliases come apart, to be kept only
/// where the article supports them; `named` holds every entity named outright.
pub(super) struct KnownNames {
    pub(super) mentions: Vec<Mention>,
    pub(super) context_matches: Vec<Mention>,
    pub(super) named: HashSet<Reference>,
}

/// Finds the known names of the article (see [`KnownNames`]).
pub(super) fn known_names(
    article: &Article,
    lexicon: &Lexicon,
    knowledge: &Knowledge,
) -> KnownNames {
    let text = &article.text;
    let mut mentions: Vec<Mention> = Vec::new();
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
        let mut target = &index.targets[m.pattern().as_usize()];
        // A name two countries' bodies bear: the one of the article's country.
        if let Some(more) = index.shared.get(&text[start..end]) {
            let home = |t: &&NameTarget| match &t.reference {
                Reference::Known(id) => knowledge
                    .entity(id)
                    .and_then(|e| e.country.as_deref())
                    .is_some_and(|c| lexicon.is_home(c)),
                _ => false,
            };
            if !home(&target) {
                target = more.iter().find(home).unwrap_or(target);
            }
        }
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
        // A place right after a given name is a surname ("Chris Gent"), and so is a
        // capitalised adjective ("Thierry Breton", "Thomas Berner").
        let capitalised = text[start..end].starts_with(char::is_uppercase);
        if target.etype == EntityType::Place && (!target.demonym || capitalised) {
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
                let unit = match known_unit {
                    Some(id) => Reference::Known(id.to_string()),
                    None if home => target.reference.clone(),
                    None => Reference::New(surface),
                };
                mentions.push(company_mention(
                    text,
                    sentence,
                    start,
                    country_end,
                    unit,
                    Origin::Name,
                ));
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
                mentions.push(parent_mention(
                    text,
                    sentence,
                    start,
                    end,
                    &target.reference,
                ));
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
            // A country in the genitive after a noun with its article or an adjective is
            // that noun's possessor ("der Marktführer Deutschlands", "zum größten
            // Kabelnetzbetreiber Deutschlands"), no end of a name ("Kunden Kabel
            // Deutschlands").
            let postposed_genitive = text[end..].starts_with('s') && {
                let head = before[..before.len() - prev_word.len()].trim_end();
                let word = head.rsplit(' ').next().unwrap_or("");
                let lower = word.to_lowercase();
                // An article or an adjective, no preposition ("bei Kabel Deutschlands").
                word.chars().next().is_some_and(char::is_lowercase)
                    && (lexicon.articles.contains(&lower)
                        || !lexicon.grammar.prepositions.contains(&lower))
            };
            if glued
                && !postposed_genitive
                && prev_word.chars().next().is_some_and(|c| c.is_uppercase())
                && !lexicon.stopwords.contains(&prev_word.to_lowercase())
                && !name_sets(lexicon).given.contains(&prev_word)
                // "Landgericht München": a court and its place, read as such later.
                && !lexicon
                    .grammar
                    .courts_before_place
                    .iter()
                    .any(|c| c.eq_ignore_ascii_case(&prev_word))
                // Not the sentence's first word, unless a service word, which names no one
                // before a place: "Fibre Normandie a été rachetée", "Fiber Sør kjøper"; or
                // unless a legal form follows the country, which no place takes
                // ("Kustnät Sverige AB förvärvas", "Northgate Scotland Ltd has been ...").
                && (before.len() > prev_word.len()
                    || (!lexicon.capitalises_nouns
                        && lexicon.services.contains_key(&prev_word.to_lowercase()))
                    || super::discovery::legal_form_after(
                        text,
                        end,
                        article.sentences[sentence].end,
                        &knowledge.common.legal_forms,
                    )
                    .is_some())
                && mentions.last().is_none_or(|m| m.end < start - 1)
            {
                continue;
            }
        }
        // A place or a company followed by a capitalised word is part of a longer name
        // (Stockholm Energi, Telenor Telecom Solutions): discovery takes the whole span.
        // So is a place in the genitive before one, where the genitive is glued ("Bornholms
        // Energi & Forsyning", "Halmstads Energi och Miljö AB", "Sveriges Radio").
        let genitive_place = target.etype == EntityType::Place
            && lexicon.grammar.has("v2")
            && !lexicon.capitalises_nouns
            && text[end..].starts_with('s')
            && next_word_capitalised(text, end + 1, article.sentences[sentence].end)
            && !next_word_is_other_name(text, end + 1, lexicon, knowledge);
        if genitive_place
            || matches!(target.etype, EntityType::Place | EntityType::Company)
                && !target.demonym
                && next_word_capitalised(text, end, article.sentences[sentence].end)
                && !next_word_is_other_name(text, end, lexicon, knowledge)
        {
            // Discovery reads only spans that open with a capital: a name opening with a
            // digit ("1&1 Communications", "3 Sverige AB") is read here, over the company
            // words and legal forms after it.
            let limit = article.sentences[sentence].end;
            let name_end = if target.etype == EntityType::Company
                && text[start..end].starts_with(|c: char| c.is_ascii_digit())
            {
                let common = &knowledge.common;
                Some(words_while(text, end, limit, |w| {
                    common
                        .generic_company_words
                        .iter()
                        .chain(&common.company_name_words)
                        .chain(&common.legal_forms)
                        .any(|c| c == w)
                }))
                .filter(|&e| e > end)
            } else if target.etype == EntityType::Place
                && text[start..end]
                    .split(' ')
                    .any(|w| lexicon.coordinators.iter().any(|c| c == w))
            {
                // Discovery ends a name at a coordinator: a place with one inside ("Sogn og
                // Fjordane Energi", "Vestfold og Telemark Energi") opens the name here, over
                // the capitalised words after it.
                Some(words_while(text, end, limit, |w| {
                    w.starts_with(char::is_uppercase)
                }))
            } else {
                None
            };
            if let Some(name_end) = name_end {
                mentions.push(company_mention(
                    text,
                    sentence,
                    start,
                    name_end,
                    Reference::New(text[start..name_end].to_string()),
                    Origin::Name,
                ));
            }
            continue;
        }
        // The legal form written after a known name is part of how the text names it.
        let form_end = (target.etype == EntityType::Company)
            .then(|| {
                legal_form_after(
                    text,
                    end,
                    article.sentences[sentence].end,
                    &knowledge.common.legal_forms,
                )
            })
            .flatten();
        // A form of another country's law names the company's unit there ("TDC Oy" is
        // TDC's Finnish company): the unit, and its parent hidden under it for `owns`.
        if let (Some(form_end), Reference::Known(parent), false) =
            (form_end, &target.reference, target.context_only)
        {
            if let Some(countries) = knowledge.foreign_legal_form(parent, &text[end + 1..form_end])
            {
                let unit = match countries {
                    [country] => knowledge.national_unit(parent, country),
                    _ => None,
                };
                let unit = match unit {
                    Some(id) => Reference::Known(id.to_string()),
                    None => Reference::New(text[start..form_end].to_string()),
                };
                mentions.push(company_mention(
                    text,
                    sentence,
                    start,
                    form_end,
                    unit,
                    Origin::Name,
                ));
                mentions.push(parent_mention(
                    text,
                    sentence,
                    start,
                    end,
                    &target.reference,
                ));
                skip_until = form_end;
                continue;
            }
        }
        let end = form_end.unwrap_or(end);
        if end > m.end() {
            skip_until = end;
        }
        // "the US carrier", "a UK operator": a country's name before an organisation word
        // is its nationality, where the language lets a noun qualify a noun.
        let adjunct = target.etype == EntityType::Place
            && !target.demonym
            && lexicon.grammar.has("place_adjuncts")
            && {
                let next: String = text[end..article.sentences[sentence].end]
                    .strip_prefix(' ')
                    .unwrap_or("")
                    .chars()
                    .take_while(|c| c.is_alphanumeric() || *c == '-')
                    .collect::<String>()
                    .to_lowercase();
                !next.is_empty() && lexicon.org_cues.contains(&next)
            };
        let mention = Mention {
            sentence,
            start,
            end,
            surface: text[start..end].to_string(),
            etype: target.etype,
            reference: target.reference.clone(),
            origin: if target.demonym || adjunct {
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
        let Some(place) = knowledge.place_by_name(country).filter(|p| p.is_country()) else {
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
        parts.push(parent_mention(
            text,
            m.sentence,
            m.start,
            head_end,
            &parent.reference,
        ));
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
    KnownNames {
        mentions,
        context_matches,
        named,
    }
}
