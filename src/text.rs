//! Text helpers shared by the stages: folding for matching and identity, literal
//! alternations, whole-word edges, edit distance one. A leaf module.

/// Lower-cases and strips diacritics: the folding used for matching and identity.
pub fn fold(text: &str) -> String {
    use unicode_normalization::UnicodeNormalization;
    text.nfkd()
        .filter(|c| !unicode_normalization::char::is_combining_mark(*c))
        .collect::<String>()
        .to_lowercase()
        .replace(['’', '`'], "'")
}

/// A regex alternation of literal words, longest first so the longest form wins.
pub fn alternation<S: AsRef<str>>(words: impl IntoIterator<Item = S>) -> String {
    let mut words: Vec<String> = words.into_iter().map(|w| w.as_ref().to_string()).collect();
    words.sort_by(|a, b| b.len().cmp(&a.len()).then_with(|| a.cmp(b)));
    words.dedup();
    words
        .iter()
        .map(|w| regex::escape(w))
        .collect::<Vec<_>>()
        .join("|")
}

/// The edges that make an alternation of `words` match only whole words, for `is_match`.
///
/// `\b` would do, but with it the regex crate's lazy DFA gives up at the first non-ASCII
/// byte and the search falls back to a backtracker, which is most sentences outside
/// English. When every word starts and ends in a word character, "a non-word character
/// or the edge of the text" on each side accepts exactly the same texts.
///
/// ```
/// use telekg::text::whole_word_edges;
/// let (before, after) = whole_word_edges(&["ikke", "aldri"]);
/// let edged = regex::Regex::new(&format!("(?i){before}(?:ikke|aldri){after}")).unwrap();
/// let bounded = regex::Regex::new(r"(?i)\b(?:ikke|aldri)\b").unwrap();
/// for text in ["har ikke kjøpt", "Ikke.", "ikke", "tikke", "ikkeø", "øikke", "å ikke_", "–aldri–"] {
///     assert_eq!(edged.is_match(text), bounded.is_match(text), "{text}");
/// }
/// // A word that starts with a non-word character keeps `\b`.
/// assert_eq!(whole_word_edges(&["-ikke"]), (r"\b", r"\b"));
/// ```
pub fn whole_word_edges<S: AsRef<str>>(words: &[S]) -> (&'static str, &'static str) {
    let word_char = |c: Option<char>| c.is_some_and(regex_syntax::is_word_character);
    let all_wordy = words.iter().all(|w| {
        let w = w.as_ref();
        word_char(w.chars().next()) && word_char(w.chars().next_back())
    });
    if all_wordy {
        (r"(?:^|\W)", r"(?:\W|$)")
    } else {
        (r"\b", r"\b")
    }
}

/// The last `n` characters of `text`, as a slice.
///
/// ```
/// use telekg::text::last_chars;
/// assert_eq!(last_chars("Télécom", 3), "com");
/// assert_eq!(last_chars("tap på é", 1), "é");
/// assert_eq!(last_chars("ab", 5), "ab");
/// assert_eq!(last_chars("ab", 0), "");
/// ```
pub fn last_chars(text: &str, n: usize) -> &str {
    match text.char_indices().rev().nth(n.saturating_sub(1)) {
        Some((i, _)) if n > 0 => &text[i..],
        _ if n == 0 => "",
        _ => text,
    }
}

/// Whether `word`, in lower case, is `cue` or a compound ending in it ("el-kunder",
/// "mobilkunder"). Callers fold the word once for all the cues they try.
pub fn word_has_cue(word: &str, cue: &str) -> bool {
    word == cue || (word.ends_with(cue) && word.len() > cue.len() + 2)
}

/// The suffixes of `word` that `word_has_cue` accepts as a cue: the word itself and every
/// ending after at least three bytes ("mobiloperatøren" -> "operatøren", ...), each at a
/// character boundary. One set lookup per suffix replaces a scan of every cue.
pub fn cue_suffixes(word: &str) -> impl Iterator<Item = &str> {
    word.char_indices()
        .filter(|&(i, _)| i == 0 || i > 2)
        .map(move |(i, _)| &word[i..])
}

/// A set of cue words (lower case) read as `word_has_cue` reads a cue: a word that is one,
/// or a compound ending in one ([`cue_suffixes`]). Every suffix of a word ends in the
/// word's last two bytes, so one bit per two-byte ending (8 KiB) rejects most words
/// before any suffix is hashed. Dereferences to the plain set for whole-word lookups.
#[derive(Debug, Clone)]
pub struct CueSet {
    words: foldhash::HashSet<String>,
    /// Bit `b0 << 8 | b1` set where a cue ends in the bytes `b0 b1`; `None` where a cue
    /// is shorter than two bytes (its ending says nothing about the word's second-last).
    endings: Option<Box<[u64; 1024]>>,
}

impl Default for CueSet {
    fn default() -> CueSet {
        CueSet::from_iter(std::iter::empty::<String>())
    }
}

impl<S: Into<String>> FromIterator<S> for CueSet {
    fn from_iter<I: IntoIterator<Item = S>>(iter: I) -> CueSet {
        let words: foldhash::HashSet<String> = iter.into_iter().map(Into::into).collect();
        let mut endings = Some(Box::new([0u64; 1024]));
        for w in &words {
            match (w.as_bytes(), endings.as_mut()) {
                ([.., a, b], Some(bits)) => {
                    let i = usize::from(*a) << 8 | usize::from(*b);
                    bits[i / 64] |= 1 << (i % 64);
                }
                (_, Some(_)) => endings = None,
                _ => {}
            }
        }
        CueSet { words, endings }
    }
}

impl std::ops::Deref for CueSet {
    type Target = foldhash::HashSet<String>;
    fn deref(&self) -> &Self::Target {
        &self.words
    }
}

impl CueSet {
    /// Whether `word` (lower case) is a cue or a compound ending in one: the same answer
    /// as `cue_suffixes(word).any(|s| self.contains(s))`.
    pub fn has_cue(&self, word: &str) -> bool {
        if let (Some(bits), [.., a, b]) = (&self.endings, word.as_bytes()) {
            let i = usize::from(*a) << 8 | usize::from(*b);
            if bits[i / 64] & (1 << (i % 64)) == 0 {
                return false;
            }
        }
        cue_suffixes(word).any(|s| self.words.contains(s))
    }
}

/// Whether `word` is written as a name or a month is in a language that capitalises only
/// those: a capital, then a lower-case letter ("May", "Will"; not "may", "NOT").
///
/// ```
/// use telekg::text::name_cased;
/// assert!(name_cased("May"));
/// assert!(!name_cased("may") && !name_cased("NOT"));
/// ```
pub fn name_cased(word: &str) -> bool {
    let mut letters = word.chars().filter(|c| c.is_alphabetic());
    letters.next().is_some_and(char::is_uppercase) && letters.any(char::is_lowercase)
}

/// `text` in lower case, allocating only when it has an upper-case letter (most words on
/// the hot paths come lower-cased already).
pub fn lower_case(text: &str) -> std::borrow::Cow<'_, str> {
    if text.chars().any(char::is_uppercase) {
        std::borrow::Cow::Owned(text.to_lowercase())
    } else {
        std::borrow::Cow::Borrowed(text)
    }
}

/// A name and each of its one-letter deletions: two names one edit apart share one (the
/// index key of a symmetric-deletion search).
///
/// ```
/// use telekg::text::deletion_keys;
/// assert_eq!(deletion_keys("abc").collect::<Vec<_>>(), ["abc", "bc", "ac", "ab"]);
/// ```
pub fn deletion_keys(name: &str) -> impl Iterator<Item = String> + '_ {
    std::iter::once(name.to_string()).chain(
        name.char_indices()
            .map(move |(i, c)| format!("{}{}", &name[..i], &name[i + c.len_utf8()..])),
    )
}

/// Whether `a` and `b` are exactly one edit (insertion, deletion, substitution of a
/// character) apart: a linear walk, where the full distance would fill a table.
///
/// ```
/// use telekg::text::one_edit_apart;
/// assert!(one_edit_apart("Glocalnet", "Glocanet"));
/// assert!(one_edit_apart("Telenør", "Telenor"));
/// assert!(!one_edit_apart("Telenor", "Telenor"));
/// assert!(!one_edit_apart("Telenor", "Telnro"));
/// ```
pub fn one_edit_apart(a: &str, b: &str) -> bool {
    let (a_len, b_len) = (a.chars().count(), b.chars().count());
    let (long, short) = if a_len >= b_len { (a, b) } else { (b, a) };
    let length_gap = a_len.abs_diff(b_len);
    if length_gap > 1 {
        return false;
    }
    let (mut long_chars, mut short_chars) = (long.chars(), short.chars());
    loop {
        match (long_chars.next(), short_chars.next()) {
            (Some(x), Some(y)) if x == y => continue,
            (None, None) => return false,
            // The first difference: the rests must then be equal, either both after it
            // (substitution) or the longer one's after it against the shorter one's from it.
            (Some(_), y) => {
                return if length_gap == 0 {
                    long_chars.eq(short_chars)
                } else {
                    y.into_iter().chain(short_chars).eq(long_chars)
                };
            }
            (None, Some(_)) => unreachable!("the first string is the longer"),
        }
    }
}

/// Whether `needle` occurs in `hay` as whole words: no letter or digit right before or
/// after it ("mot" in "mot 91 millioner", not in "motor"). Both in the same case.
pub fn contains_words(hay: &str, needle: &str) -> bool {
    find_words(hay, needle).is_some()
}

/// Byte offset in `hay` of the last occurrence of `needle` as whole words, if any.
///
/// ```
/// use telekg::text::find_words;
/// assert_eq!(find_words("said that X said", "said"), Some(12));
/// assert_eq!(find_words("unsaid", "said"), None);
/// ```
pub fn find_words(hay: &str, needle: &str) -> Option<usize> {
    let (bytes, wanted) = (hay.as_bytes(), needle.as_bytes());
    let &first = wanted.first()?;
    // The occurrences from the right, found by their first byte: the callers try many
    // short needles on short texts, where building a substring searcher for each costs
    // more than the search.
    let mut end = bytes.len();
    while let Some(i) = memchr::memrchr(first, &bytes[..end]) {
        end = i;
        if bytes[i..].starts_with(wanted)
            && !hay[..i]
                .chars()
                .next_back()
                .is_some_and(char::is_alphanumeric)
            && !hay[i + needle.len()..]
                .chars()
                .next()
                .is_some_and(char::is_alphanumeric)
        {
            return Some(i);
        }
    }
    None
}

/// A year of the last or this century, as news write one ("2023", "1998").
pub fn is_year(word: &str) -> bool {
    word.len() == 4
        && word.bytes().all(|b| b.is_ascii_digit())
        && (word.starts_with("19") || word.starts_with("20"))
}

#[cfg(test)]
mod tests {
    use super::contains_words;

    #[test]
    fn whole_words_only() {
        assert!(contains_words("mot 91 millioner i fjor", "mot"));
        assert!(contains_words("jämfört med 1 558", "jämfört med"));
        assert!(!contains_words("motoren går", "mot"));
        assert!(!contains_words("anyone", "one"));
        assert!(!contains_words("text", ""));
        // Overlapping occurrences: the whole-word one counts.
        assert!(!contains_words("aa-a", "a-a") && contains_words("a-a-a", "a-a"));
        assert_eq!(super::find_words("né, né", "né"), Some(5));
    }

    /// The ending filter never changes an answer: `has_cue` is the plain suffix scan.
    #[test]
    fn cue_set_answers_as_the_suffix_scan() {
        let words = [
            "mobiloperatøren",
            "operatøren",
            "teleselskapet",
            "selskapet",
            "konsernsjef",
            "sjef",
            "opérateur",
            "x",
            "ab",
            "",
            "mobilfunkanbieter",
            "anbieter",
            "øre",
            "konsernet",
        ];
        for cues in [
            vec!["operatøren", "selskapet", "sjef", "anbieter"],
            // A one-byte cue turns the filter off: any word may end in it.
            vec!["sjef", "e"],
            vec!["opérateur", "ab"],
            vec![],
        ] {
            let set: super::CueSet = cues.iter().map(|c| c.to_string()).collect();
            for w in words {
                let scan = super::cue_suffixes(w).any(|s| cues.contains(&s));
                assert_eq!(set.has_cue(w), scan, "{w:?} with {cues:?}");
            }
        }
        let set: super::CueSet = ["sjef"].into_iter().collect();
        assert!(set.has_cue("konsernsjef") && set.contains("sjef") && !set.has_cue("sjefen"));
    }
}
