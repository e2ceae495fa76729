//! Renames: "Telco Data heter nå Ice", "the company changed its name to Telia Company",
//! "Telia Company (formerly TeliaSonera)", "SFR Belgique, ex-Numéricable". The old and
//! the new name are one entity, so the article's mentions of one take the other's
//! reference, and the graph gets one node.

use super::*;

/// Most words of the clause that may stand between the first name and a rename phrase
/// ("har nå byttet navn til": "har", "nå").
const MAX_CLAUSE_WORDS: usize = 3;

/// Longest text between two names that may hold a rename phrase and the clause words
/// before it, in bytes: the longest phrase has 35 (", anciennement connu sous le nom de"),
/// a German phrase with three clause words about 67.
pub(super) const MAX_BETWEEN_BYTES: usize = 80;

/// One language's rename phrases and the clause words allowed before them; built once
/// per language with the discovery's word sets ([`name_sets`]).
pub(super) struct RenameGrammar {
    /// `grammar.renames`, folded as [`between_phrase`] folds a text.
    phrases: Vec<String>,
    /// Words of the auxiliaries and passive auxiliaries, and the one-word transparent
    /// adverbs.
    clause_words: HashSet<String>,
}

impl RenameGrammar {
    pub(super) fn new(lexicon: &Lexicon) -> Self {
        let g = &lexicon.grammar;
        RenameGrammar {
            phrases: g.renames.iter().map(|p| between_phrase(p)).collect(),
            clause_words: g
                .auxiliaries
                .iter()
                .chain(&g.passive_auxiliaries)
                .flat_map(|w| w.split_whitespace())
                // Adverbs of one word only: "i" of "i dag" is no clause word.
                .chain(
                    g.transparent_adverbs
                        .iter()
                        .map(String::as_str)
                        .filter(|w| !w.contains(' ')),
                )
                .map(str::to_lowercase)
                .collect(),
        }
    }
}

/// Quotes and brackets around a name, dropped at either end of the text between two.
fn is_quote_or_bracket(c: char) -> bool {
    c.is_whitespace()
        || matches!(
            c,
            '"' | '«' | '»' | '“' | '”' | '„' | '\'' | '‘' | '’' | ')'
        )
}

/// The text between two names as the rename phrases are written: lower case, white
/// space collapsed, a comma a word of its own, an opening bracket read as a comma
/// ("(formerly" as ", formerly"), the quotes and closing brackets around either name
/// dropped ("«Fibernett» har byttet navn til «Vestfiber»").
pub(super) fn between_phrase(text: &str) -> String {
    let text = text.replace('(', " , ").replace('’', "'");
    let text = text.trim_matches(is_quote_or_bracket);
    let mut out = String::new();
    for word in text.split_whitespace() {
        let (word, comma) = match word.strip_suffix(',') {
            Some(w) => (w, true),
            None => (word, false),
        };
        for piece in [word, if comma { "," } else { "" }] {
            if piece.is_empty() {
                continue;
            }
            if !out.is_empty() {
                out.push(' ');
            }
            out.push_str(&piece.to_lowercase());
        }
    }
    out
}

/// The rename phrase that `between` (folded by [`between_phrase`]) ends in, when what
/// comes before it is at most [`MAX_CLAUSE_WORDS`] auxiliaries and adverbs ("har nå
/// byttet navn til", "a été rebaptisé"); an appositive phrase (", formerly", ",
/// tidligere") stands right after the name. `None` for any other text.
fn rename_phrase<'g>(between: &str, grammar: &'g RenameGrammar) -> Option<&'g str> {
    grammar
        .phrases
        .iter()
        .find(|phrase| {
            let Some(rest) = between.strip_suffix(phrase.as_str()) else {
                return false;
            };
            if phrase.starts_with(',') {
                return rest.is_empty();
            }
            // The phrase starts at a word ("heter nå", not "...heter nå").
            if !(rest.is_empty() || rest.ends_with(' ')) {
                return false;
            }
            let words: Vec<&str> = rest.split_whitespace().collect();
            words.len() <= MAX_CLAUSE_WORDS
                && words.iter().all(|w| grammar.clause_words.contains(*w))
        })
        .map(String::as_str)
}

/// Whether a name after `between` is the other name of the organisation before it:
/// `between` is a rename phrase of `lexicon`, and after an appositive one (", formerly")
/// the name ends the apposition (`after`, the text after the name, opens with a comma, a
/// bracket or the sentence's end), so "X, formerly Altibox partner" merges nothing.
pub(super) fn renames_between(between: &str, after: &str, lexicon: &Lexicon) -> bool {
    let grammar = &name_sets(lexicon).renames;
    if grammar.phrases.is_empty() {
        return false;
    }
    match rename_phrase(&between_phrase(between), grammar) {
        Some(phrase) if phrase.starts_with(',') => {
            let after = after.trim_start();
            after.is_empty() || after.starts_with([',', ')', '.', ';', ':', '!', '?'])
        }
        Some(_) => true,
        None => false,
    }
}

/// Whether the text right after a name makes it a genitive or part of a longer word
/// ("Telias enhet", "Telenor's", "Tele2:s", "Telenor-sjef"): then it names no company in
/// a rename.
fn glued_on(after: &str) -> bool {
    after.starts_with(|c: char| c.is_alphanumeric() || matches!(c, '\'' | '’' | ':' | '-'))
}

/// Gives the two names of each renamed organisation one reference: the gazetteer's entity
/// where one name is known, else the name mentioned first. Two different known entities
/// stay apart (the gazetteer knows them as two). Renames chain ("A became B; B, formerly
/// C"): each merge reads the references as earlier merges left them. `mentions` must be
/// sorted by start.
pub(super) fn merge_renamed(article: &Article, lexicon: &Lexicon, mentions: &mut [Mention]) {
    debug_assert!(mentions.is_sorted_by_key(|m| m.start));
    if lexicon.grammar.renames.is_empty() {
        return;
    }
    let text = &article.text;
    let mut pairs: Vec<(usize, usize)> = Vec::new();
    for (i, a) in mentions.iter().enumerate() {
        if !a.etype.is_organisation()
            || matches!(a.origin, Origin::Parent | Origin::Demonym)
            || glued_on(&text[a.end..])
        {
            continue;
        }
        // Not the second of two coordinated names: "the joint venture of Telia and
        // Telenor will be called Nordnett" renames neither.
        let sentence_start = article.sentences[a.sentence].start;
        let word_before = text[sentence_start..a.start]
            .split_whitespace()
            .next_back()
            .map(str::to_lowercase);
        if word_before.is_some_and(|w| lexicon.coordinators.contains(&w)) {
            continue;
        }
        // The next mention after `a` in its sentence: of those starting first, the
        // longest (a name before the parent or country named inside it). Mentions come
        // sorted by start: the walk skips those nested in `a` and stops at the first
        // later start, or at the sentence's end.
        let mut next = mentions[i + 1..]
            .iter()
            .enumerate()
            .map(|(k, b)| (i + 1 + k, b))
            .skip_while(|(_, b)| b.start < a.end)
            .take_while(|(_, b)| b.sentence == a.sentence);
        let Some((first, b)) = next.next() else {
            continue;
        };
        let (j, b) =
            next.take_while(|(_, n)| n.start == b.start)
                .fold(
                    (first, b),
                    |best, (k, n)| if n.end > best.1.end { (k, n) } else { best },
                );
        let sentence_end = article.sentences[a.sentence].end;
        let between = &text[a.end..b.start];
        // The cheap tests first: most neighbouring names are no rename.
        if !b.etype.is_organisation()
            || b.origin == Origin::Anaphor
            || a.reference == b.reference
            || between.len() > MAX_BETWEEN_BYTES
            || glued_on(&text[b.end..])
            || !renames_between(between, &text[b.end..sentence_end], lexicon)
        {
            continue;
        }
        // A description before an apposition describes the name after it ("Telenor
        // kjøper fiberselskapet, tidligere Fjordnett"), whatever it was read to point to.
        if a.origin == Origin::Anaphor && between_phrase(between).starts_with(',') {
            continue;
        }
        pairs.push((i, j));
    }
    for (i, j) in pairs {
        let (a, b) = (&mentions[i], &mentions[j]);
        let (keep, drop) = match (&a.reference, &b.reference) {
            (x, y) if x == y => continue,
            (Reference::Known(_), Reference::Known(_)) => continue,
            (Reference::New(_), Reference::Known(_)) => (b, a),
            (Reference::Known(_) | Reference::New(_), Reference::New(_)) => (a, b),
            _ => continue,
        };
        let (from, to, etype) = (drop.reference.clone(), keep.reference.clone(), keep.etype);
        for m in mentions.iter_mut().filter(|m| m.reference == from) {
            m.reference = to.clone();
            m.etype = etype;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::{between_phrase, rename_phrase, RenameGrammar};

    #[test]
    fn phrases_are_folded() {
        assert_eq!(
            between_phrase(" har nå  byttet navn til «"),
            "har nå byttet navn til"
        );
        assert_eq!(between_phrase(" (formerly "), ", formerly");
        assert_eq!(
            between_phrase(", tidligere kjent som "),
            ", tidligere kjent som"
        );
        assert_eq!(between_phrase(" Heißt jetzt „"), "heißt jetzt");
        assert_eq!(
            between_phrase("» har byttet navn til «"),
            "har byttet navn til"
        );
        assert_eq!(between_phrase(""), "");
    }

    #[test]
    fn only_auxiliaries_and_adverbs_come_before() {
        let grammar = RenameGrammar {
            phrases: vec![
                "byttet navn til".into(),
                ", tidligere".into(),
                "heter nå".into(),
            ],
            clause_words: ["har", "nå", "også"]
                .into_iter()
                .map(String::from)
                .collect(),
        };
        let phrase = |s: &str| rename_phrase(s, &grammar);
        assert_eq!(phrase("har nå byttet navn til"), Some("byttet navn til"));
        assert_eq!(phrase("byttet navn til"), Some("byttet navn til"));
        // A noun or a verb before the phrase: another subject.
        assert_eq!(phrase("s fiberenhet har byttet navn til"), None);
        assert_eq!(phrase("kjøper fiberenhet som har byttet navn til"), None);
        // An appositive phrase right after the name only.
        assert_eq!(phrase(", tidligere"), Some(", tidligere"));
        assert_eq!(phrase("har , tidligere"), None);
        // Whole words: "heter nå", not a word ending in it.
        assert_eq!(phrase("xheter nå"), None);
        assert_eq!(phrase("har også nå har byttet navn til"), None);
    }
}
