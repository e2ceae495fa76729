//! Renames: "Telco Data heter nå Ice", "the company changed its name to Telia Company",
//! "Telia Company (formerly TeliaSonera)", "SFR Belgique, ex-Numéricable". The old and
//! the new name are one entity, so the article's mentions of one take the other's
//! reference, and the graph gets one node.

use super::*;

/// A rename's phrase between two organisations (`grammar.renames`), as the text writes it
/// after folding: lower case, white space collapsed, an opening bracket read as a comma
/// ("(formerly" as ", formerly"), quotes around the new name dropped.
pub(super) fn between_phrase(text: &str) -> String {
    let text = text.replace('(', " , ").replace('’', "'");
    let text = text.trim_end_matches(|c: char| {
        c.is_whitespace() || matches!(c, '"' | '«' | '»' | '“' | '”' | '„' | '\'' | '‘' | '’')
    });
    let mut out = String::new();
    for word in text.split_whitespace() {
        // A comma glued to the word before stands apart, as the phrases write it.
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

/// Whether `between` (folded by [`between_phrase`]) is a rename phrase of `lexicon`, after
/// at most three words of the clause (an auxiliary, an adverb: "har nå byttet navn til",
/// "has now changed its name to") and no punctuation but the phrase's own.
pub(super) fn is_rename(between: &str, lexicon: &Lexicon) -> bool {
    lexicon.grammar.renames.iter().any(|phrase| {
        let Some(rest) = between.strip_suffix(phrase.as_str()) else {
            return false;
        };
        // The phrase starts at a word ("heter nå", not "...heter nå").
        if !(rest.is_empty() || rest.ends_with(' ')) {
            return false;
        }
        let words: Vec<&str> = rest.split_whitespace().collect();
        words.len() <= 3 && words.iter().all(|w| w.chars().all(char::is_alphanumeric))
    })
}

/// Gives the two names of each renamed organisation one reference: the gazetteer's entity
/// where one name is known, else the name mentioned first. Two different known entities
/// stay apart (the gazetteer knows them as two).
pub(super) fn merge_renamed(article: &Article, lexicon: &Lexicon, mentions: &mut [Mention]) {
    if lexicon.grammar.renames.is_empty() {
        return;
    }
    let text = &article.text;
    let mut merges: Vec<(Reference, Reference, EntityType)> = Vec::new();
    for (i, a) in mentions.iter().enumerate() {
        if !a.etype.is_organisation() || matches!(a.origin, Origin::Parent | Origin::Demonym) {
            continue;
        }
        // The next mention after `a` in its sentence: of those starting first, the
        // longest (a name before the parent or country named inside it).
        let Some(start) = mentions[i + 1..]
            .iter()
            .filter(|b| b.sentence == a.sentence && b.start >= a.end)
            .map(|b| b.start)
            .min()
        else {
            continue;
        };
        let Some(b) = mentions
            .iter()
            .filter(|b| b.sentence == a.sentence && b.start == start)
            .max_by_key(|b| b.end)
        else {
            continue;
        };
        // The new name stands alone: not a genitive before a noun ("Telenors konkurrent")
        // nor the first part of a longer word.
        let after = &text[b.end..];
        if !b.etype.is_organisation()
            || b.origin == Origin::Anaphor
            || after
                .starts_with(|c: char| c.is_alphanumeric() || matches!(c, '\'' | '’' | ':' | '-'))
            || a.reference == b.reference
            || !is_rename(&between_phrase(&text[a.end..b.start]), lexicon)
        {
            continue;
        }
        let (keep, drop) = match (&a.reference, &b.reference) {
            (Reference::Known(_), Reference::Known(_)) => continue,
            (Reference::New(_), Reference::Known(_)) => (b, a),
            (Reference::Known(_) | Reference::New(_), Reference::New(_)) => (a, b),
            _ => continue,
        };
        merges.push((drop.reference.clone(), keep.reference.clone(), keep.etype));
    }
    for (from, to, etype) in merges {
        for m in mentions.iter_mut().filter(|m| m.reference == from) {
            m.reference = to.clone();
            m.etype = etype;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::between_phrase;

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
    }
}
