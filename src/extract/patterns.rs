//! Relation patterns: regexes with argument slots over a sentence whose mentions are
//! masked as tokens. `{X}` / `{Y}` match a mention or a coordinated list of them,
//! `{X1}` / `{Y1}` exactly one, `{_}` up to five words, `{__}` up to twelve, `{___}` up to 25, `{TITLE}` a
//! role word of the language. A pattern with `keep` is a reduction: after it fires, its
//! match is replaced by the kept slot, so "X's subsidiary Y" becomes "Y" for the patterns
//! that follow (a cascade, as in FASTUS).

use super::prefilter::Prefilter;
use super::{alternation, Mention, Origin, RelationClaim};
use crate::ingest::Article;
use crate::knowledge::{EntityType, Knowledge, Lexicon, PatternSpec};
use foldhash::{HashMap, HashSet, HashSetExt};
use regex::Regex;
use std::sync::OnceLock;

const OPEN: char = '\u{E000}';
const CLOSE: char = '\u{E001}';

pub struct CompiledPattern {
    pub spec: PatternSpec,
    /// The language's code, for the message should the regex not compile.
    lang: String,
    /// The expanded regex source (slots replaced, case-insensitive).
    source: String,
    /// Compiled on the first sentence its prefilter passes: a corpus uses few of a
    /// language's patterns, and each costs milliseconds to compile.
    regex: OnceLock<Regex>,
    /// The regex without its Unicode word boundaries, where it has any: it matches
    /// wherever the regex does (an assertion only narrows), and its lazy DFA runs on any
    /// text, where with `\b` it gives up at the first non-ASCII byte (every masked
    /// sentence has two per mention) and the search falls back to a backtracker. Asked
    /// first, it turns most sentences away at DFA speed.
    relaxed: OnceLock<Option<Regex>>,
    /// How many mentions a sentence needs before this pattern can match.
    pub min_mentions: usize,
}

impl CompiledPattern {
    /// The compiled regex. Every lexicon's patterns are compiled in the tests
    /// (`every_pattern_compiles`), so this never fails on shipped data.
    ///
    /// # Panics
    /// When the expanded source is no valid regex (a broken lexicon file).
    pub fn regex(&self) -> &Regex {
        self.regex.get_or_init(|| {
            Regex::new(&self.source)
                .unwrap_or_else(|e| panic!("lexicon {} pattern {}: {e}", self.lang, self.spec.id))
        })
    }

    /// `regex().captures_at(text, at)`, with the relaxed regex asked first: the same
    /// captures.
    ///
    /// # Panics
    /// As [`CompiledPattern::regex`].
    pub fn captures_at<'h>(&self, text: &'h str, at: usize) -> Option<regex::Captures<'h>> {
        let relaxed = self
            .relaxed
            .get_or_init(|| without_word_boundaries(&self.source));
        // No match of the regex starts before the relaxed one's first: the search starts
        // there (the text before still decides the assertions).
        let start = match relaxed {
            Some(r) => r.find_at(text, at)?.start(),
            None => at,
        };
        self.regex().captures_at(text, start)
    }
}

/// The regex `source` with its Unicode word-boundary assertions (`\b`, `\B` and their
/// start and end forms) removed, or `None` when it has none or does not parse. ASCII
/// boundaries (`(?-u:\b)`) stay: the lazy DFA handles them.
fn without_word_boundaries(source: &str) -> Option<Regex> {
    use regex_syntax::hir::{Hir, HirKind, Look};
    fn strip(hir: &Hir, found: &mut bool) -> Hir {
        match hir.kind() {
            HirKind::Look(
                Look::WordUnicode
                | Look::WordUnicodeNegate
                | Look::WordStartUnicode
                | Look::WordEndUnicode
                | Look::WordStartHalfUnicode
                | Look::WordEndHalfUnicode,
            ) => {
                *found = true;
                Hir::empty()
            }
            HirKind::Empty | HirKind::Literal(_) | HirKind::Class(_) | HirKind::Look(_) => {
                hir.clone()
            }
            HirKind::Repetition(r) => {
                let mut r = r.clone();
                r.sub = Box::new(strip(&r.sub, found));
                Hir::repetition(r)
            }
            HirKind::Capture(c) => {
                let mut c = c.clone();
                c.sub = Box::new(strip(&c.sub, found));
                Hir::capture(c)
            }
            HirKind::Concat(subs) => Hir::concat(subs.iter().map(|h| strip(h, found)).collect()),
            HirKind::Alternation(subs) => {
                Hir::alternation(subs.iter().map(|h| strip(h, found)).collect())
            }
        }
    }
    let hir = regex_syntax::Parser::new().parse(source).ok()?;
    let mut found = false;
    let relaxed = strip(&hir, &mut found);
    // Printed back as a regex (case-insensitivity is already spelled out in its classes).
    found
        .then(|| Regex::new(&relaxed.to_string()).ok())
        .flatten()
}

pub struct LanguagePatterns {
    pub reductions: Vec<CompiledPattern>,
    pub relations: Vec<CompiledPattern>,
    /// Which reductions and relation patterns can match a text at all.
    reduction_filter: Prefilter,
    relation_filter: Prefilter,
    negation: Regex,
    /// Whether the language capitalises every noun (German): a capitalised negation
    /// inside a sentence is then still one.
    capitalises_nouns: bool,
    /// Words after a deal that undo it ("fell through", "gikk i vasken").
    cancellation: Option<Regex>,
    hypothetical: Option<Regex>,
    /// Future and modal auxiliaries (grammar `conditional_consequents`), whole words.
    consequent: Option<Regex>,
    /// Where the finite verb comes second (grammar feature v2): the first words of the
    /// relation verbs, lower case. A sentence opening with one before a name and a comma
    /// is a condition ("Køber Nuuday Stofa, vil ...", "Kauft die Telekom X, wird ...").
    v1_verbs: HashSet<String>,
    /// Past markers ("tidligere", "formerly"): they void claims of past-sensitive relations.
    past: Option<Regex>,
    /// The plural anaphors of a deal's parties: a sentence that names nothing is read
    /// only when it has one.
    parties: Option<Regex>,
}

/// Every comma of the masked text stands apart (see [`mask_sentence`]); a pattern's comma
/// matches it with or without the spaces around it. Commas inside character classes and
/// repetition braces are regex syntax and stay.
fn tolerate_commas(pattern: &str) -> String {
    let chars: Vec<char> = pattern.chars().collect();
    let mut out = String::new();
    let (mut class, mut braces, mut i) = (false, 0usize, 0);
    while i < chars.len() {
        let c = chars[i];
        match c {
            '\\' => {
                out.push(c);
                if let Some(n) = chars.get(i + 1) {
                    out.push(*n);
                }
                i += 2;
                continue;
            }
            '[' if !class => class = true,
            ']' if class => class = false,
            '{' if !class => braces += 1,
            '}' if !class => braces = braces.saturating_sub(1),
            ',' if !class && braces == 0 => {
                let next = chars.get(i + 1).copied();
                if next == Some('?') {
                    out.push_str("(?: ?,)?");
                    i += 2;
                    continue;
                }
                if next == Some(' ') {
                    out.push_str(" ?, ?");
                    i += 2;
                    continue;
                }
                out.push_str(" ?,");
                i += 1;
                continue;
            }
            _ => {}
        }
        out.push(c);
        i += 1;
    }
    out
}

/// The plural anaphors of a deal's parties ("the two operators", "begge selskapene",
/// "ils"): a plural noun after its determiner, or a word that stands alone (a pronoun, a
/// definite plural). `None` for a language without the lists.
fn parties_alternation(lexicon: &Lexicon) -> Option<String> {
    (!lexicon.party_nouns.is_empty() && !lexicon.party_pronouns.is_empty()).then(|| {
        format!(
            "(?:{}) (?:{})|{}",
            alternation(&lexicon.party_determiners),
            alternation(&lexicon.party_nouns),
            alternation(&lexicon.party_pronouns)
        )
    })
}

/// Expands the slot syntax of a pattern into a regex.
pub fn expand_pattern(pattern: &str, lexicon: &Lexicon) -> String {
    // An optional article before every slot: "gegen (die) Telekom", "by (the) Commission".
    let article = if lexicon.articles.is_empty() {
        String::new()
    } else {
        format!("(?:(?:{}) )?", alternation(&lexicon.articles))
    };
    let entity = format!("{OPEN}\\d+{CLOSE}");
    let coordinators = alternation(&lexicon.coordinators);
    // "A", "A og B", "A , B og C": commas only in a list that a coordinator closes
    // ("A , B" alone is an apposition or a clause break). A serial comma before the
    // coordinator ("A , B , and C") only after a comma item: "A , and B" is two clauses.
    // A list may end in an unnamed rest ("A , B and other services"), its head noun kept.
    let closers = alternation(&lexicon.list_closers);
    // The comma items once, then the last item or the unnamed rest: one prefix in the
    // automaton instead of two.
    let last = if lexicon.list_closers.is_empty() {
        entity.clone()
    } else {
        format!("(?:{entity}|(?:{closers})(?-u:\\b)(?: [^\\s{OPEN}{CLOSE},.;:]+)?)")
    };
    let list = |name: &str| {
        format!(
            "(?P<{name}>{entity}(?:(?: , {entity})+(?: ,)? (?:{coordinators}) {last}| (?:{coordinators}) {entity})?)"
        )
    };
    let titles = alternation(&lexicon.titles);
    let org_words = alternation(&lexicon.org_cues);
    let deals = alternation(&lexicon.deal_anaphors);
    // A language without the lists: never.
    let parties = parties_alternation(lexicon).unwrap_or_else(|| "[^\\s\\S]".to_string());
    let pattern = tolerate_commas(pattern).replace("}'?s?", "}(?:'s|s)?");
    pattern
        .replace("{X1}", &format!("{article}(?P<X>{entity})"))
        .replace("{Y1}", &format!("{article}(?P<Y>{entity})"))
        .replace("{X}", &format!("{article}{}", list("X")))
        .replace("{Y}", &format!("{article}{}", list("Y")))
        .replace("{___}", "(?:\\S+ ){0,25}?")
        .replace("{__}", "(?:\\S+ ){0,12}?")
        .replace("{_}", &format!("(?:[^{OPEN}\\s]+ ){{0,5}}?"))
        .replace("{TITLE}", &format!("[\\w-]*(?:{titles})\\w{{0,3}}"))
        .replace("{ORG}", &format!("[\\w-]*(?:{org_words})"))
        .replace("{D}", &format!("(?P<D>(?:{deals}))\\b"))
        .replace("{PARTIES}", &format!("\\b(?P<D>(?:{parties}))\\b"))
}

fn compile(lexicon: &Lexicon) -> LanguagePatterns {
    let mut reductions = Vec::new();
    let mut relations = Vec::new();
    for spec in &lexicon.pattern {
        let source = format!("(?i){}", expand_pattern(&spec.re, lexicon));
        let slots = ["{X", "{Y"]
            .iter()
            .filter(|slot| spec.re.contains(*slot))
            .count();
        let compiled = CompiledPattern {
            spec: spec.clone(),
            lang: lexicon.code.clone(),
            source,
            regex: OnceLock::new(),
            relaxed: OnceLock::new(),
            min_mentions: slots,
        };
        if spec.keep.is_some() {
            reductions.push(compiled);
        } else {
            relations.push(compiled);
        }
    }
    let whole_words = |words: &[String]| {
        let (before, after) = super::whole_word_edges(words);
        format!("(?i){before}(?:{}){after}", alternation(words))
    };
    // Focus particles first, so that "not only" is matched as one and not as "not".
    let negation = {
        let focus = &lexicon.grammar.focus_particles;
        let words: Vec<String> = focus.iter().chain(&lexicon.negations).cloned().collect();
        let (before, after) = super::whole_word_edges(&words);
        let focus = if focus.is_empty() {
            "(?P<focus>[^\\s\\S])".to_string()
        } else {
            format!("(?P<focus>{})", alternation(focus))
        };
        Regex::new(&format!(
            "(?i){before}(?:{focus}|{}){after}",
            alternation(&lexicon.negations)
        ))
        .expect("negation regex")
    };
    let cancellation = (!lexicon.cancellations.is_empty())
        .then(|| Regex::new(&whole_words(&lexicon.cancellations)).expect("cancellation regex"));
    let hypothetical = (!lexicon.hypotheticals.is_empty()).then(|| {
        let (_, after) = super::whole_word_edges(&lexicon.hypotheticals);
        // The conjunction opens the sentence, or follows a coordinator ("Men hvis ..."):
        // "Avtalen om ..." is no condition.
        Regex::new(&format!(
            "(?i)^(?:(?:{}) )?(?:{}){after}",
            alternation(&lexicon.coordinators),
            alternation(&lexicon.hypotheticals)
        ))
        .expect("hypothetical regex")
    });
    let consequent = (!lexicon.grammar.conditional_consequents.is_empty()).then(|| {
        Regex::new(&whole_words(&lexicon.grammar.conditional_consequents))
            .expect("consequent regex")
    });
    let past = (!lexicon.grammar.past_markers.is_empty())
        .then(|| Regex::new(&whole_words(&lexicon.grammar.past_markers)).expect("past regex"));
    let parties = parties_alternation(lexicon)
        .map(|alt| Regex::new(&format!("(?i)\\b(?:{alt})\\b")).expect("parties regex"));
    LanguagePatterns {
        capitalises_nouns: lexicon.capitalises_nouns,
        past,
        parties,
        reduction_filter: prefilter(&reductions, lexicon),
        relation_filter: prefilter(&relations, lexicon),
        reductions,
        relations,
        negation,
        cancellation,
        hypothetical,
        consequent,
        v1_verbs: if lexicon.grammar.has("v2") {
            lexicon
                .trigger
                .iter()
                .flat_map(|t| t.verbs.iter().chain(&t.reciprocal).chain(&t.transfers))
                .filter_map(|v| v.split_whitespace().next())
                .map(|w| super::lower_case(w).into_owned())
                .collect()
        } else {
            HashSet::new()
        },
    }
}

/// The prefilter of `patterns`; a pattern that is no valid regex is a defect of the
/// lexicon, named here, when its language is first used.
fn prefilter(patterns: &[CompiledPattern], lexicon: &Lexicon) -> Prefilter {
    Prefilter::new(patterns.iter().map(|p| p.source.as_str())).unwrap_or_else(|(i, e)| {
        panic!(
            "lexicon {} pattern {}: {e}",
            lexicon.code, patterns[i].spec.id
        )
    })
}

/// A language's compiled patterns. Each language is prepared on first use, and each of
/// its patterns compiled on the first sentence that may match it:
/// a corpus in one language never pays for the other six, and threads reading articles
/// in different languages compile them at the same time.
pub fn language_patterns(code: &str) -> &'static LanguagePatterns {
    type Lazy = (&'static Lexicon, OnceLock<LanguagePatterns>);
    static ALL: OnceLock<HashMap<String, Lazy>> = OnceLock::new();
    let all = ALL.get_or_init(|| {
        Knowledge::global()
            .lexicons
            .iter()
            .map(|l| (l.code.clone(), (l, OnceLock::new())))
            .collect()
    });
    let (lexicon, patterns) = &all[code];
    patterns.get_or_init(|| compile(lexicon))
}

/// Whether a sentence opens with a cleft frame that a negator denies: a pronoun, a
/// copula and a negator among its first four words ("Det var ikke X som", "It was not X
/// that", "Ce n'est pas X qui", "Es war nicht X, die"), the negator before any name.
fn denied_cleft(sentence: &str, lexicon: &Lexicon) -> bool {
    let words: Vec<String> = sentence
        .split(|c: char| c.is_whitespace() || c == '\'' || c == '’')
        .filter(|w| !w.is_empty())
        .take(4)
        .map(|w| super::lower_case(w).into_owned())
        .collect();
    let g = &lexicon.grammar;
    words
        .first()
        .is_some_and(|w| matches!(w.as_str(), "det" | "it" | "c" | "ce" | "es" | "this"))
        && words
            .iter()
            .skip(1)
            .take(2)
            .any(|w| g.copulas.iter().any(|c| c == w))
        && words
            .iter()
            .skip(2)
            .any(|w| g.negators.iter().any(|n| n == w))
}

/// Whether a negation or hedge matched as `word` (maybe with the non-word character
/// before it) is written as a name right after a word in lower case, in a language that
/// capitalises only names and months: "joined Telia in May" has no hedge; a headline in
/// title case ("Telia May Buy Get") and one in capitals ("will NOT sell") keep theirs.
fn capitalised_inside(before: &str, word: &str, capitalises_nouns: bool) -> bool {
    let word = word.trim_start_matches(|c: char| !c.is_alphanumeric());
    let previous = before
        .trim_end()
        .rsplit(char::is_whitespace)
        .next()
        .unwrap_or("");
    !capitalises_nouns
        && crate::text::name_cased(word)
        && !previous.is_empty()
        && previous
            .chars()
            .all(|c| c.is_alphabetic() && c.is_lowercase())
}

/// The end of a bracketed aside right after `m` that names only `m`'s entity again ("SFR
/// Belgique (ex-Numericable)", "Telia Company (formerly TeliaSonera)", "Post- og
/// teletilsynet (PT)"): the sentence reads on without it. `None` for any other bracket.
fn aside_of(
    article: &Article,
    sentence_end: usize,
    m: &Mention,
    mentions: &[Mention],
) -> Option<usize> {
    let rest = &article.text[m.end..sentence_end];
    let open = m.end + rest.len() - rest.trim_start().len();
    let inner_start = open
        + article.text[open..sentence_end]
            .strip_prefix('(')
            .map(|_| 1)?;
    let close = inner_start + article.text[inner_start..sentence_end].find([')', '('])?;
    if !article.text[close..].starts_with(')') {
        return None;
    }
    let mut inside = mentions
        .iter()
        .filter(|n| n.start >= inner_start && n.end <= close)
        .peekable();
    inside.peek()?;
    inside
        .all(|n| n.reference == m.reference)
        .then_some(close + 1)
}

/// The sentence with each mention replaced by `\u{E000}index\u{E001}`, white space folded,
/// and a bracketed aside that only names the mention before it again left out (see
/// [`aside_of`]).
/// Whether the sentence, after an adversative, names the deal again and calls it off:
/// "Sunrise agreed to buy UPC Switzerland ..., but the deal collapsed after shareholders
/// rejected the financing"; "..., men handelen ble stanset". The words of `adversatives`,
/// `deal_anaphors` and `cancellations`, in that order, the last right after the deal.
fn deal_called_off_after(article: &Article, sentence: usize, lexicon: &Lexicon) -> bool {
    let s = &article.sentences[sentence];
    let lower = super::lower_case(&article.text[s.start..s.end]);
    let after = |from: usize, words: &[String]| {
        words
            .iter()
            .filter_map(|w| {
                let w = super::lower_case(w);
                crate::text::find_words(&lower[from..], &w).map(|i| from + i + w.len())
            })
            .min()
    };
    // The cancellation right after the deal, one word between at most ("the deal later
    // collapsed"); "the deal with Bredband2 collapsed" may be another deal.
    let cancelled_at = |d: usize| {
        lexicon.cancellations.iter().any(|c| {
            let c = super::lower_case(c);
            crate::text::find_words(&lower[d..], &c)
                .is_some_and(|i| lower[d..d + i].split_whitespace().count() <= 1)
        })
    };
    after(0, &lexicon.grammar.adversatives)
        .and_then(|a| after(a, &lexicon.deal_anaphors))
        .is_some_and(cancelled_at)
}

/// Whether the text after the first comma of `span` (" , skal nu lede ... ,") opens with a
/// one-word finite auxiliary, modal or copula of the language.
fn opens_with_finite_verb(span: &str, lexicon: &Lexicon) -> bool {
    let g = &lexicon.grammar;
    span.trim_start().strip_prefix(',').is_some_and(|rest| {
        first_word_in(rest, &[&g.auxiliaries, &g.passive_auxiliaries, &g.copulas])
    })
}

/// Whether the first word of `span` (lower-cased) is in one of `lists`.
fn first_word_in(span: &str, lists: &[&Vec<String>]) -> bool {
    span.split_whitespace().next().is_some_and(|w| {
        let w = w.to_lowercase();
        lists.iter().any(|list| list.contains(&w))
    })
}

pub fn mask_sentence(article: &Article, sentence: usize, mentions: &[Mention]) -> String {
    let s = article.sentences[sentence];
    let mut out = String::new();
    let mut pos = s.start;
    for (i, m) in mentions
        .iter()
        .enumerate()
        .filter(|(_, m)| m.sentence == sentence)
    {
        if m.start < pos {
            continue;
        }
        out.push_str(&article.text[pos..m.start]);
        // French elision ("d'acheminement", "l'opérateur"): keep the article a word apart.
        if out.ends_with('\'') || out.ends_with('’') {
            out.push(' ');
        }
        out.push(OPEN);
        out.push_str(&i.to_string());
        out.push(CLOSE);
        pos = m.end;
        if let Some(close) = aside_of(article, s.end, m, mentions) {
            pos = close;
        }
    }
    out.push_str(&article.text[pos..s.end]);
    // Every comma stands apart ("operator , DNA"), so gaps and appositions count it as a word.
    let out = out
        .replace(['’', '‘', '`'], "'")
        .replace(['«', '»', '“', '”', '„'], "\"");
    // A decimal comma ("17,24 %") stays inside its number.
    let mut spaced = String::with_capacity(out.len() + 16);
    let chars: Vec<char> = out.chars().collect();
    for (k, &c) in chars.iter().enumerate() {
        let decimal = c == ','
            && k > 0
            && chars[k - 1].is_ascii_digit()
            && chars.get(k + 1).is_some_and(|n| n.is_ascii_digit());
        if c == ',' && !decimal {
            spaced.push_str(" , ");
        } else {
            spaced.push(c);
        }
    }
    let out = spaced;
    out.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The byte offset of the character after the one at `i`; past the end (the text's length
/// plus one) when `i` is the end, which ends a search.
fn next_start(text: &str, i: usize) -> usize {
    text[i..]
        .chars()
        .next()
        .map_or(text.len() + 1, |c| i + c.len_utf8())
}

/// Whether a mention names a state (`<place>-state`): the owner a "state-owned" word or
/// the employer a minister's title stands for.
fn is_state(m: &Mention) -> bool {
    m.etype == EntityType::PublicBody
        && matches!(&m.reference, super::Reference::Known(id) if id.ends_with("-state"))
}

/// Mention indices named in a captured slot.
pub fn slot_mentions(slot: &str) -> Vec<usize> {
    slot.split(OPEN)
        .skip(1)
        .filter_map(|part| part.split(CLOSE).next()?.parse().ok())
        .collect()
}

pub use super::focus_mention;

/// Finds every relation claim of the article.
pub fn find_relations(
    article: &Article,
    mentions: &[Mention],
    lexicon: &Lexicon,
) -> Vec<RelationClaim> {
    find_relations_traced(article, mentions, lexicon, None)
}

/// One sentence as the patterns saw it: masked, and after the reductions.
#[derive(Debug, Clone, serde::Serialize)]
pub struct SentenceTrace {
    pub sentence: usize,
    pub masked: String,
    pub reduced: String,
    /// The clauses the constructions read, of the text as written and after the
    /// reductions (boundaries marked `|`).
    pub clauses: Vec<String>,
}

/// Renders a masked sentence with each mention as `[surface]`.
pub fn readable(masked: &str, mentions: &[Mention]) -> String {
    let mut out = String::new();
    let mut rest = masked;
    while let Some(i) = rest.find(OPEN) {
        out.push_str(&rest[..i]);
        let after = &rest[i + OPEN.len_utf8()..];
        let Some(j) = after.find(CLOSE) else { break };
        let label = after[..j]
            .parse::<usize>()
            .ok()
            .and_then(|k| mentions.get(k))
            .map(|m| m.surface.as_str())
            .unwrap_or("?");
        out.push('[');
        out.push_str(label);
        out.push(']');
        rest = &after[j + CLOSE.len_utf8()..];
    }
    out.push_str(rest);
    out
}

/// [`find_relations`], recording each sentence before and after the reductions.
/// Whether `dropped` (" , la [3] , ") holds between its commas only one name, maybe
/// after an article: an item of a list, no apposition.
fn is_list_item(dropped: &str, articles: &[String]) -> bool {
    let inner = dropped.trim().trim_start_matches(',').trim_end_matches(',');
    let mut words: Vec<&str> = inner.split_whitespace().collect();
    if words
        .first()
        .is_some_and(|w| articles.iter().any(|a| a.eq_ignore_ascii_case(w)))
    {
        words.remove(0);
    }
    match words.as_slice() {
        [name] => name.starts_with(OPEN) && name.ends_with(CLOSE),
        _ => false,
    }
}

pub fn find_relations_traced(
    article: &Article,
    mentions: &[Mention],
    lexicon: &Lexicon,
    mut trace: Option<&mut Vec<SentenceTrace>>,
) -> Vec<RelationClaim> {
    let patterns = language_patterns(&lexicon.code);
    let signatures = &Knowledge::global().common.signatures;
    let focus = focus_mention(mentions);
    let mut claims = Vec::new();
    let mut seen = HashSet::new();
    let mut push = |claims: &mut Vec<RelationClaim>, mut claim: RelationClaim| {
        if !super::offered_if_product(&mut claim, mentions) {
            return;
        }
        if seen.insert((
            claim.subject,
            claim.property.clone(),
            claim.object,
            claim.sentence,
        )) {
            claims.push(claim);
        } else if claim.implicit.is_none() {
            // The sentence names what a stand-in only supplied ("Dei to største aktørane
            // ..., Ice og Tele2, ..."): the named reading wins, so the implicit one's
            // yielding to it later does not lose the claim.
            if let Some(old) = claims.iter_mut().find(|c| {
                c.implicit.is_some()
                    && (c.subject, c.object, c.sentence)
                        == (claim.subject, claim.object, claim.sentence)
                    && c.property == claim.property
            }) {
                *old = claim;
            }
        }
    };
    for sentence in 0..article.sentences.len() {
        // A sentence that names nothing can still speak of the parties of a deal named
        // before ("The two operators remain competitors"): read it only then.
        let speaks_of_parties = || {
            claims
                .iter()
                .any(|c: &RelationClaim| c.property == "partnerOf")
                && patterns.parties.as_ref().is_some_and(|r| {
                    let s = &article.sentences[sentence];
                    r.is_match(&article.text[s.start..s.end])
                })
        };
        if !mentions.iter().any(|m| m.sentence == sentence) && !speaks_of_parties() {
            continue;
        }
        let deal = |claims: &[RelationClaim]| -> Vec<usize> {
            match claims
                .iter()
                .rev()
                .find(|c| c.property == "partnerOf" || c.property == "acquires")
            {
                Some(c) if c.property == "partnerOf" => vec![c.subject, c.object],
                Some(c) => vec![c.subject],
                None => Vec::new(),
            }
        };
        // Arguments a pattern may leave unnamed: the article's main organisation, and the
        // authority named last ("Telenor ble ilagt en bot" after the regulator's letter).
        let implicit = Implicit {
            focus,
            regulator: mentions.iter().rposition(|m| {
                m.etype == EntityType::Regulator
                    && m.sentence <= sentence
                    && sentence - m.sentence <= 3
            }),
        };
        let mut masked = mask_sentence(article, sentence, mentions);
        // Only the speaker's role is read from a clause of saying closing a hypothetical
        // sentence: what it says may be as hypothetical ("..., sier Telenor, som da ville
        // kjøpe Ice").
        let mut reporting_only = false;
        let claims_before = claims.len();
        // "Planene om at X skulle kjøpe Y, er skrinlagt": a plan the sentence opens with and
        // calls off states no deal.
        let plan_called_off = !lexicon.grammar.plan_nouns.is_empty() && {
            let s = &article.sentences[sentence];
            let text = &article.text[s.start..s.end];
            let mut words = text
                .split(|c: char| !(c.is_alphanumeric() || c == '\''))
                .filter(|w| !w.is_empty())
                .map(super::lower_case);
            let first = words.next().unwrap_or_default();
            let head = if lexicon.articles.iter().any(|a| *a == first) {
                words.next().unwrap_or_default()
            } else {
                first
            };
            lexicon.grammar.plan_nouns.iter().any(|n| *n == head) && {
                let lower = super::lower_case(text);
                lexicon
                    .cancellations
                    .iter()
                    .any(|c| crate::text::find_words(&lower, &super::lower_case(c)).is_some())
            }
        };
        // Patterns whose subject must be a state run only where one is named: they match
        // any two close names, and the types are checked only after the costly captures.
        let has_state = mentions
            .iter()
            .any(|m| m.sentence == sentence && is_state(m));
        // "If X ..., Y ...": the condition says nothing; its main clause is read unless a
        // future or modal auxiliary makes it what would follow ("Hvis styrelsen giver
        // tilladelse, vil Andel udbyde 5G"); a concessive one states a fact ("Si
        // l'opérateur historique semble hors d'atteinte, Iliad est au coude-à-coude avec SFR").
        // A verb first, then a name, then a comma: a condition (V1) where the verb comes
        // second in a statement.
        let verb_first = !patterns.v1_verbs.is_empty() && masked.contains(" , ") && {
            let mut words = masked.split(' ');
            words
                .next()
                .is_some_and(|w| patterns.v1_verbs.contains(super::lower_case(w).as_ref()))
                && words.next().is_some_and(|w| w.starts_with(OPEN))
        };
        if verb_first
            || patterns
                .hypothetical
                .as_ref()
                .is_some_and(|h| h.is_match(&masked))
        {
            // A clause of saying that closes the sentence states who says it ("..., ville
            // der kun være tre net tilbage, vurderer analytiker X fra Sydbank").
            let reporting = masked
                .match_indices(" , ")
                .map(|(comma, _)| comma)
                .filter(|&comma| {
                    masked[comma + 3..]
                        .split(' ')
                        .next()
                        .is_some_and(|w| lexicon.speech_verbs.iter().any(|v| v == w))
                })
                .last();
            match masked.find(" , ") {
                Some(comma)
                    if !patterns
                        .consequent
                        .as_ref()
                        .is_some_and(|c| c.is_match(&masked[comma + 3..])) =>
                {
                    masked = masked[comma + 3..].to_string()
                }
                _ => match reporting {
                    Some(comma) => {
                        masked = masked[comma + 3..].to_string();
                        reporting_only = true;
                    }
                    None => continue,
                },
            }
        }
        let original = masked.clone();
        let mut blocked: Vec<usize> = Vec::new();
        // Reductions, until none applies. One with a property applies only where its
        // claim holds (types, negation), so "A B" is not collapsed for just any pair.
        for _ in 0..16 {
            let mut changed = false;
            let mentions_here = masked.matches(OPEN).count();
            let candidates = patterns.reduction_filter.candidates(&masked);
            'patterns: for (p, _) in
                patterns
                    .reductions
                    .iter()
                    .zip(candidates)
                    .filter(|(p, can)| {
                        *can && p.min_mentions <= mentions_here
                            && (has_state || !(p.spec.subject_state || p.spec.object_state))
                    })
            {
                let keep = p.spec.keep.as_deref().unwrap_or("Y");
                // A match whose claim does not hold gives way to one that overlaps it
                // ("[finske] [mobiloperatøren] [Elisa]": not finske-mobiloperatøren, but
                // mobiloperatøren-Elisa), so the search goes on right after its start.
                let mut at = 0;
                while let Some(caps) = (at <= masked.len())
                    .then(|| p.captures_at(&masked, at))
                    .flatten()
                {
                    let whole = caps.get(0).expect("match");
                    at = next_start(&masked, whole.start());
                    let Some(kept) = caps.name(keep) else {
                        continue;
                    };
                    if p.spec.not_before_name
                        && masked[whole.end()..].trim_start().starts_with(OPEN)
                    {
                        continue;
                    }
                    if p.spec.not_list_item
                        && is_list_item(&masked[kept.end()..whole.end()], &lexicon.articles)
                    {
                        continue;
                    }
                    // No reduction spans a clause's predicate after an inserted clause
                    // ("Anne, der var direktør i X, skal nu lede Y, som ..."): what follows
                    // a comma after the kept slot never opens with a finite auxiliary,
                    // modal or copula.
                    if opens_with_finite_verb(&masked[kept.end()..whole.end()], lexicon) {
                        continue;
                    }
                    // A copular clause is no apposition ("Talkmore is a subsidiary of
                    // Telenor, which also owns Get"): collapsed to its subject, a relative
                    // clause or apposition after it would take the subject as its head.
                    let copula_after_kept = first_word_in(
                        &masked[kept.end()..whole.end()],
                        &[&lexicon.grammar.copulas],
                    );
                    if copula_after_kept && masked[whole.end()..].trim_start().starts_with(',') {
                        continue;
                    }
                    if p.spec.blocks_object {
                        blocked.extend(
                            caps.name("X")
                                .map(|x| slot_mentions(x.as_str()))
                                .unwrap_or_default(),
                        );
                    }
                    let parties = deal(&claims);
                    // The reduction applies where its claim holds by types, whatever the
                    // clause says of its time or truth: "X, der indtil i fjor var direktør
                    // i Telia, skal nu lede Waoo" collapses the ended role and reads on.
                    let holds = |polarity| {
                        claims_from(
                            &caps, &p.spec, article, sentence, mentions, signatures, &implicit,
                            &parties, &masked, patterns, polarity,
                        )
                    };
                    let claims_here = holds(Polarity::Checked);
                    if p.spec.p.is_some()
                        && claims_here.is_empty()
                        && holds(Polarity::Ignored).is_empty()
                    {
                        continue;
                    }
                    let mut replacement = kept.as_str().to_string();
                    // Keep the word boundary the match consumed ("X , appos , said").
                    if whole.as_str().ends_with(' ') {
                        replacement.push(' ');
                    }
                    if replacement.len() >= whole.len() {
                        continue;
                    }
                    let mut range = whole.range();
                    // An apposition opened by a comma after the kept name closes with one:
                    // it goes too, so that the clause reads on ("Y , bislang eine Tochter
                    // des Versorgers X , versorgt ..." reads "Y versorgt ..."); only where
                    // the name opens the clause ("After buying Get , a cable firm , Telia
                    // ..." keeps its comma).
                    let opens_clause = masked[..kept.start()]
                        .split_whitespace()
                        .all(|w| lexicon.articles.contains(&w.to_lowercase()));
                    if opens_clause
                        && masked[kept.end()..whole.end()]
                            .trim_start()
                            .starts_with(',')
                    {
                        let rest = &masked[range.end..];
                        if let Some(after) = rest.trim_start_matches(' ').strip_prefix(',') {
                            range.end = masked.len() - after.trim_start_matches(' ').len();
                            if !replacement.ends_with(' ') {
                                replacement.push(' ');
                            }
                        }
                    }
                    if p.spec.emit {
                        for c in claims_here {
                            push(&mut claims, c);
                        }
                    }
                    masked.replace_range(range, &replacement);
                    changed = true;
                    break 'patterns;
                }
            }
            if !changed {
                break;
            }
        }
        if let Some(trace) = trace.as_deref_mut() {
            trace.push(SentenceTrace {
                sentence,
                masked: readable(&original, mentions),
                reduced: readable(&masked, mentions),
                clauses: super::constructions::clause_texts(&original, &article.lang, mentions)
                    .into_iter()
                    .chain(
                        (masked != original)
                            .then(|| {
                                super::constructions::clause_texts(&masked, &article.lang, mentions)
                            })
                            .into_iter()
                            .flatten(),
                    )
                    .map(|c| readable(&c, mentions))
                    .collect(),
            });
        }
        // Relations are read from the sentence as written (appositions intact) and after
        // the reductions (appositions and descriptors collapsed).
        let mut texts = vec![original];
        if *texts[0] != masked {
            texts.push(masked);
        }
        for text in &texts {
            for c in super::constructions::relation_claims(text, article, sentence, mentions, focus)
            {
                if !blocked.contains(&c.object) {
                    push(&mut claims, c);
                }
            }
            let mentions_here = text.matches(OPEN).count();
            let candidates = patterns.relation_filter.candidates(text);
            for (p, _) in patterns
                .relations
                .iter()
                .zip(candidates)
                .filter(|(p, can)| {
                    *can && p.min_mentions <= mentions_here
                        && (has_state || !(p.spec.subject_state || p.spec.object_state))
                })
            {
                let mut at = 0;
                while let Some(caps) = (at <= text.len())
                    .then(|| p.captures_at(text, at))
                    .flatten()
                {
                    let whole = caps.get(0).expect("match");
                    // A subject that closes an apposition to an earlier name describes that
                    // name and is no subject of the verb after the comma ("Kabelplus , a
                    // unit of the utility EVN , supplies ... with broadband").
                    let describes = match (caps.name("X"), caps.name("Y")) {
                        (Some(x), Some(y)) => {
                            x.end() <= y.start()
                                && p.spec.p.as_deref() != Some("worksFor")
                                && closes_apposition(text, x.range(), lexicon)
                        }
                        _ => false,
                    };
                    let parties = deal(&claims);
                    let found = if describes {
                        Vec::new()
                    } else {
                        claims_from(
                            &caps,
                            &p.spec,
                            article,
                            sentence,
                            mentions,
                            signatures,
                            &implicit,
                            &parties,
                            text,
                            patterns,
                            Polarity::Checked,
                        )
                    };
                    // Past a match that held; right after the start of one that did not.
                    at = if found.is_empty() || whole.is_empty() {
                        next_start(text, whole.start())
                    } else {
                        whole.end()
                    };
                    for c in found {
                        if !blocked.contains(&c.object) {
                            push(&mut claims, c);
                        }
                    }
                }
            }
        }
        // A question asks, and a cleft that denies its focus ("Det var ikke Telenor som
        // kjøpte Ice", "It was not BT that bought EE", "Ce n'est pas Orange qui ...") says
        // the clause is not so of it: only the roles named in passing stay.
        let asks_or_denies = {
            let s = &article.sentences[sentence];
            let text = article.text[s.start..s.end]
                .trim_end()
                .trim_end_matches(['"', '»', '”', '’', '\'', ')']);
            text.ends_with('?') || denied_cleft(text, lexicon)
        };
        // A deal named again after an adversative and called off: read only where the
        // sentence gave a deal.
        let plan_called_off = plan_called_off
            || (claims[claims_before..]
                .iter()
                .any(|c| c.property == "acquires" || c.property == "partnerOf")
                && deal_called_off_after(article, sentence, lexicon));
        if reporting_only || plan_called_off || asks_or_denies {
            let mut k = 0;
            claims.retain(|c| {
                k += 1;
                k <= claims_before
                    || if reporting_only || asks_or_denies {
                        c.property == "worksFor"
                    } else {
                        c.property != "acquires" && c.property != "partnerOf"
                    }
            });
        }
    }
    // "Telia Danmark": its name says it operates in Denmark.
    for (i, m) in mentions.iter().enumerate() {
        // The same country part found twice (as a known unit and by its shape) says it once.
        let repeated = mentions[..i]
            .iter()
            .any(|o| o.origin == Origin::NamePart && (o.start, o.end) == (m.start, m.end));
        if m.origin == Origin::NamePart && !repeated {
            if let Some(unit) = mentions[..i].iter().rposition(|s| {
                s.start < m.start && s.end == m.end && s.etype == EntityType::Company
            }) {
                push(
                    &mut claims,
                    RelationClaim {
                        subject: unit,
                        property: "operatesIn".into(),
                        object: i,
                        sentence: m.sentence,
                        rule: format!("{}.name.national-unit-country", article.lang),
                        confidence: 0.7,
                        implicit: None,
                    },
                );
            }
        }
    }
    // "I Danmark samarbejder Norlys og Telenor ...", "In Finland, DNA and Elisa ...": a
    // country fronted as the clause's place is where its subjects do business.
    // So is it of those they compete with in the sentence ("I Finland konkurrerer Elisa
    // med Telia": Telia too; a partner may be a supplier from elsewhere).
    for si in 0..article.sentences.len() {
        let fronted = fronted_place_subjects(article, si, mentions, lexicon);
        let same = |a: usize, b: usize| mentions[a].reference == mentions[b].reference;
        let counterparts: Vec<(usize, usize)> = fronted
            .iter()
            .flat_map(|&(company, place)| {
                claims
                    .iter()
                    .filter(|c| c.sentence == si && c.property == "competitorOf")
                    .filter_map(move |c| {
                        if same(c.subject, company) {
                            Some(c.object)
                        } else if same(c.object, company) {
                            Some(c.subject)
                        } else {
                            None
                        }
                    })
                    .filter(|&o| mentions[o].etype == EntityType::Company)
                    // In the subject's clause: no comma or semicolon between them ("...,
                    // while Tele2 is its main rival in Sweden").
                    .filter(move |&o| {
                        let (a, b) = (mentions[company].end, mentions[o].start);
                        let (a, b) = if a <= b {
                            (a, b)
                        } else {
                            (mentions[o].end, mentions[company].start)
                        };
                        article
                            .text
                            .get(a..b)
                            .is_some_and(|t| !t.contains([',', ';']))
                    })
                    .map(move |o| (o, place))
            })
            .collect();
        for (company, place, rule) in fronted
            .into_iter()
            .map(|(c, p)| (c, p, "fronted-place-subject"))
            .chain(
                counterparts
                    .into_iter()
                    .map(|(c, p)| (c, p, "fronted-place-counterpart")),
            )
        {
            push(
                &mut claims,
                RelationClaim {
                    subject: company,
                    property: "operatesIn".into(),
                    object: place,
                    sentence: si,
                    rule: format!("{}.operatesIn.{rule}", article.lang),
                    confidence: 0.7,
                    implicit: None,
                },
            );
        }
    }
    // A description in apposition names the country and the service of what it describes
    // ("Mannesmann, the German telecoms group,", "Belgacom, l'opérateur belge,"):
    // GUIDELINES, "Descriptors count as statements".
    for (i, a) in mentions.iter().enumerate() {
        if a.origin != Origin::Anaphor || a.etype != EntityType::Company {
            continue;
        }
        // Only in apposition to the name it describes ("Mannesmann, the German telecoms
        // group,"): elsewhere the description may point to another company than the one
        // the anaphor resolution chose ("l'opérateur français" after Belgacom).
        let apposed = mentions.iter().any(|n| {
            n.sentence == a.sentence
                && n.reference == a.reference
                && n.end <= a.start
                && article.text[n.end..a.start].trim() == ","
        });
        if !apposed {
            continue;
        }
        for (j, d) in mentions.iter().enumerate() {
            // Inside it, or a nationality right after it ("l'opérateur belge").
            let after = d.start >= a.end
                && d.origin == Origin::Demonym
                && article.text[a.end..d.start].chars().all(|c| c == ' ');
            if j == i
                || d.sentence != a.sentence
                || !(after || (d.start >= a.start && d.end <= a.end))
            {
                continue;
            }
            let property = match (&d.reference, d.origin) {
                (super::Reference::Place(_), Origin::Demonym) => "operatesIn",
                (super::Reference::Service(_), _) => "offers",
                _ => continue,
            };
            push(
                &mut claims,
                RelationClaim {
                    subject: i,
                    property: property.into(),
                    object: j,
                    sentence: a.sentence,
                    rule: format!("{}.{property}.descriptor-anaphor", article.lang),
                    confidence: 0.6,
                    implicit: None,
                },
            );
        }
    }
    // "Telia Danmark": its name says Telia owns it, where the article also names Telia on
    // its own (a name alone is weak evidence: "SFR Belgique" was not SFR's).
    for (i, m) in mentions.iter().enumerate() {
        let named_alone = || {
            mentions
                .iter()
                .any(|o| o.reference == m.reference && o.origin == Origin::Name)
        };
        if m.origin == Origin::Parent && named_alone() && !changes_hands(article, m.sentence) {
            if let Some(sub) = mentions[..i]
                .iter()
                .rposition(|s| s.start == m.start && s.end > m.end)
            {
                push(
                    &mut claims,
                    RelationClaim {
                        subject: i,
                        property: "owns".into(),
                        object: sub,
                        sentence: m.sentence,
                        rule: format!("{}.name.national-subsidiary", article.lang),
                        confidence: 0.6,
                        // Read from the name, not stated: an explicit owner of it wins.
                        implicit: Some(super::Slot::Subject),
                    },
                );
            }
        }
    }
    // An implicit claim yields to an explicit one of the same property about the argument
    // the sentence did name: a person whose employer is named does not also work for the
    // focus; a company bought by a named buyer was not bought by the focus. (A possessive
    // whose one possible referent the clause names is no implicit argument: "United
    // Internet will seine Position ... ausbauen" stands beside "Drillisch offers mobile".)
    let explicit: HashSet<(&str, super::Slot, &super::Reference)> = claims
        .iter()
        .filter(|c| c.implicit.is_none())
        .flat_map(|c| {
            [
                (
                    c.property.as_str(),
                    super::Slot::Subject,
                    &mentions[c.subject].reference,
                ),
                (
                    c.property.as_str(),
                    super::Slot::Object,
                    &mentions[c.object].reference,
                ),
            ]
        })
        .collect();
    // A symmetric relation is no function of either argument: the rival a claim names
    // leaves room for the focus as another where that rival's own partner in the named
    // claim is one of the focus's too, a list of rivals read both ways ("Telenor taper
    // kunder. Konkurrentene Telia og Ice vokser": Ice is Telia's rival and Telenor's).
    // A rival named as the noun's complement still wins ("blir vi den største
    // utfordreren til Telenor": not also the focus's).
    let named_of = |c: &RelationClaim| match c.implicit {
        Some(super::Slot::Subject) => Some(c.object),
        Some(super::Slot::Object) => Some(c.subject),
        None => None,
    };
    let listed_with_focus = |c: &RelationClaim| {
        let symmetric = signatures.get(&c.property).is_some_and(|s| s.symmetric);
        let Some(named) = named_of(c).filter(|_| symmetric) else {
            return false;
        };
        let reference = &mentions[named].reference;
        let siblings: Vec<&super::Reference> = claims
            .iter()
            .filter(|o| o.property == c.property && o.sentence == c.sentence)
            .filter_map(|o| named_of(o).map(|n| &mentions[n].reference))
            .collect();
        claims
            .iter()
            .filter(|e| e.implicit.is_none() && e.property == c.property)
            .filter_map(|e| {
                let (a, b) = (
                    &mentions[e.subject].reference,
                    &mentions[e.object].reference,
                );
                if a == reference {
                    Some(b)
                } else if b == reference {
                    Some(a)
                } else {
                    None
                }
            })
            .all(|other| siblings.contains(&other))
    };
    let keep: Vec<bool> = claims
        .iter()
        .map(|c| match c.implicit {
            _ if listed_with_focus(c) => true,
            Some(super::Slot::Subject) => !explicit.contains(&(
                c.property.as_str(),
                super::Slot::Object,
                &mentions[c.object].reference,
            )),
            Some(super::Slot::Object) => {
                let named = explicit.contains(&(
                    c.property.as_str(),
                    super::Slot::Subject,
                    &mentions[c.subject].reference,
                ));
                // An analyst's employer is no company they speak about.
                let outsider = c.property == "worksFor"
                    && external_role(article, &mentions[c.subject], lexicon);
                !named && !outsider
            }
            None => true,
        })
        .collect();
    let mut keep = keep.into_iter();
    claims.retain(|_| keep.next().unwrap_or(true));
    claims
}

/// The (company, country) pairs of a sentence that opens with a place preposition and
/// countries ("I Danmark og Sverige", "In Finland,") followed by its subjects: in a V2
/// language one word (the finite verb) and maybe an article before them ("I Danmark
/// samarbejder Norlys og Telenor", "In Frankreich betreibt die Telekom"), elsewhere a
/// comma ("In Finland, DNA and Elisa ..."). Mention indices.
fn fronted_place_subjects(
    article: &Article,
    si: usize,
    mentions: &[Mention],
    lexicon: &Lexicon,
) -> Vec<(usize, usize)> {
    let text = &article.text;
    let sentence = &article.sentences[si];
    let mut ms: Vec<usize> = (0..mentions.len())
        .filter(|&i| {
            mentions[i].sentence == si
                && !matches!(
                    mentions[i].origin,
                    Origin::Parent | Origin::NamePart | Origin::Demonym
                )
        })
        .collect();
    ms.sort_by_key(|&i| (mentions[i].start, std::cmp::Reverse(mentions[i].end)));
    // The outermost mentions only: one inside another ("the Swedish company") is part of it.
    let mut outer_end = 0;
    ms.retain(|&i| {
        let keep = mentions[i].start >= outer_end;
        outer_end = outer_end.max(mentions[i].end);
        keep
    });
    let lower = |a: usize, b: usize| {
        text.get(a..b)
            .map(|s| s.trim().to_lowercase())
            .unwrap_or_default()
    };
    let country = |i: usize| mentions[i].country().is_some();
    let joined = |a: usize, b: usize| {
        let between = lower(a, b);
        between == "," || lexicon.coordinators.contains(&between)
    };
    let Some(&first) = ms.first() else {
        return Vec::new();
    };
    if !country(first)
        || !lexicon
            .grammar
            .place_prepositions
            .contains(&lower(sentence.start, mentions[first].start))
    {
        return Vec::new();
    }
    let mut k = 1;
    let mut places = vec![first];
    while k < ms.len() && country(ms[k]) && joined(mentions[ms[k - 1]].end, mentions[ms[k]].start) {
        places.push(ms[k]);
        k += 1;
    }
    let Some(&subject) = ms.get(k) else {
        return Vec::new();
    };
    let between = lower(mentions[ms[k - 1]].end, mentions[subject].start);
    let v2 = lexicon.grammar.has("v2");
    let opens = if v2 {
        let words: Vec<&str> = between.split_whitespace().collect();
        // The finite verb: a word, not a preposition or a coordinator ("I Danmark
        // ifølge Telenor ...").
        let verb = |w: &str| {
            w.chars().all(char::is_alphabetic)
                && !lexicon.grammar.prepositions.iter().any(|p| p == w)
                && !lexicon.coordinators.iter().any(|c| c == w)
        };
        match words.as_slice() {
            [v] => verb(v),
            [v, det] => verb(v) && lexicon.articles.iter().any(|a| a == det),
            _ => false,
        }
    } else {
        between == ","
    };
    if !opens {
        return Vec::new();
    }
    let mut subjects = vec![subject];
    let mut j = k + 1;
    while j < ms.len() && joined(mentions[ms[j - 1]].end, mentions[ms[j]].start) {
        subjects.push(ms[j]);
        j += 1;
    }
    subjects
        .into_iter()
        .filter(|&c| mentions[c].etype == EntityType::Company)
        .flat_map(|c| places.iter().map(move |&p| (c, p)))
        .collect()
}

/// Whether a person's role, written in the three words before their name or in an
/// apposition after it, is one outside the companies they speak about ("uavhengig analytiker Per Dahl", "Sophie Laurent,
/// analyste indépendante"): the article's focus is no employer of theirs.
fn external_role(article: &Article, person: &Mention, lexicon: &Lexicon) -> bool {
    if lexicon.external_roles.is_empty() {
        return false;
    }
    let sentence = &article.sentences[person.sentence];
    let words = |s: &str| -> Vec<String> {
        s.split(|c: char| !c.is_alphanumeric() && c != '-')
            .filter(|w| !w.is_empty())
            .map(|w| crate::extract::lower_case(w).into_owned())
            .collect()
    };
    let before = words(&article.text[sentence.start..person.start]);
    // After the name only an apposition ("Sophie Laurent, analyste indépendante,").
    let rest = &article.text[person.end..sentence.end];
    let after = rest
        .strip_prefix(',')
        .map(|r| words(r.split(',').next().unwrap_or("")))
        .unwrap_or_default();
    before
        .iter()
        .rev()
        .take(3)
        .chain(after.iter().take(4))
        .any(|w| {
            lexicon
                .external_roles
                .iter()
                .any(|r| crate::extract::word_has_cue(w, r))
        })
}

/// Arguments a pattern may take from the article instead of the sentence.
pub struct Implicit {
    pub focus: Option<usize>,
    pub regulator: Option<usize>,
}

/// Whether `claims_from` voids a match that negation, cancellation or a marker of the past
/// governs (`Checked`), or reads it as if it held (`Ignored`: whether a reduction applies).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Polarity {
    Checked,
    Ignored,
}

#[allow(clippy::too_many_arguments)]
fn claims_from(
    caps: &regex::Captures,
    spec: &PatternSpec,
    article: &Article,
    sentence: usize,
    mentions: &[Mention],
    signatures: &std::collections::BTreeMap<String, crate::knowledge::Signature>,
    implicit: &Implicit,
    deal_parties: &[usize],
    masked: &str,
    patterns: &LanguagePatterns,
    polarity: Polarity,
) -> Vec<RelationClaim> {
    let Some(property) = spec.p.as_deref() else {
        return Vec::new();
    };
    let Some(signature) = signatures.get(property) else {
        return Vec::new();
    };
    let whole = caps.get(0).expect("match");
    // A negation in or just before the match ("har ikke kjøpt") voids it.
    let window_start = masked[..whole.start()]
        .char_indices()
        .rev()
        .nth(24)
        .map(|(i, _)| i)
        .unwrap_or(0);
    // ... and so does a cancellation right after it ("fusjonen ... gikk i vasken").
    let window_end = masked[whole.end()..]
        .char_indices()
        .nth(30)
        .map(|(i, _)| whole.end() + i)
        .unwrap_or(masked.len());
    let cancelled = patterns
        .cancellation
        .as_ref()
        .is_some_and(|c| c.is_match(&masked[whole.end()..window_end]));
    if !spec.ignore_negation
        && polarity == Polarity::Checked
        && (patterns
            .negation
            .captures_iter(&masked[window_start..whole.end()])
            .any(|c| {
                let m = c.get(0).expect("match");
                c.name("focus").is_none()
                    && !capitalised_inside(
                        &masked[..window_start + m.start()],
                        m.as_str(),
                        patterns.capitalises_nouns,
                    )
            })
            || cancelled)
    {
        return Vec::new();
    }
    // A role the text marks as ended ("tidligere finansdirektør i X").
    if polarity == Polarity::Checked
        && Knowledge::global()
            .common
            .past_sensitive
            .contains(&property.to_string())
        && patterns
            .past
            .as_ref()
            .is_some_and(|p| p.is_match(&masked[window_start..whole.end()]))
    {
        return Vec::new();
    }
    let slot = |name: &str| match caps.name(name) {
        Some(m) => slot_mentions(m.as_str()),
        // "the merger" as object, "the two companies" as subject: the deal's parties.
        None if caps.name("D").is_some() => deal_parties.to_vec(),
        None if spec.focus.as_deref() == Some(name) => implicit.focus.into_iter().collect(),
        None if name == "X" && spec.focus.as_deref() == Some("regulator") => {
            implicit.regulator.into_iter().collect()
        }
        None => Vec::new(),
    };
    let (subjects, objects) = (slot("X"), slot("Y"));
    let mut out = Vec::new();
    for &s in &subjects {
        for &o in &objects {
            let (Some(sm), Some(om)) = (mentions.get(s), mentions.get(o)) else {
                continue;
            };
            if sm.reference == om.reference {
                continue;
            }
            if !signature.subject.contains(&sm.etype) || !signature.object.contains(&om.etype) {
                continue;
            }
            if (spec.subject_state && !is_state(sm)) || (spec.object_state && !is_state(om)) {
                continue;
            }
            let mut confidence = spec.conf;
            if sm.origin == Origin::Anaphor || om.origin == Origin::Anaphor {
                confidence *= 0.85;
            }
            if spec.focus.is_some() {
                confidence *= 0.75;
            }
            out.push(RelationClaim {
                subject: s,
                property: property.to_string(),
                object: o,
                sentence,
                rule: format!("{}.{}", article.lang, spec.id),
                confidence,
                implicit: match spec.focus.as_deref() {
                    Some("Y") => Some(super::Slot::Object),
                    Some(_) => Some(super::Slot::Subject),
                    None => None,
                },
            });
        }
    }
    out
}

/// Whether a sentence sells, negates or dates a holding, so that a unit's name ("Telia
/// Denmark") says nothing of who owns it now: a sale verb of the language's acquires
/// sets ("sold", "verkaufte"), a negation or a past marker ("formerly", "used to").
fn changes_hands(article: &Article, sentence: usize) -> bool {
    let Some(lexicon) = Knowledge::global().lexicon(&article.lang) else {
        return false;
    };
    let span = article.sentences[sentence];
    let text = article.text[span.start..span.end].to_lowercase();
    let has = |w: &String| crate::text::contains_words(&text, &w.to_lowercase());
    lexicon
        .trigger
        .iter()
        .filter(|t| t.relation == "acquires")
        .flat_map(|t| {
            t.transfers
                .iter()
                .chain(&t.transfers_synthetic)
                .chain(&t.transfer_nouns)
        })
        .chain(&lexicon.negations)
        .chain(&lexicon.grammar.past_markers)
        .any(has)
}

/// Whether mention `index` of the masked sentence `masked` closes an apposition to an
/// earlier mention ([`closes_apposition`]); false where it is not in the sentence.
pub(super) fn mention_closes_apposition(masked: &str, index: usize, lexicon: &Lexicon) -> bool {
    let marker = format!("{OPEN}{index}{CLOSE}");
    masked
        .find(&marker)
        .is_some_and(|at| closes_apposition(masked, at..at + marker.len(), lexicon))
}

/// Whether the mention span `x` of the masked `text` closes an apposition to what stands
/// before it: a comma follows it, and the comma before it follows a name or noun, with a
/// word between that is neither a mention nor a coordinator (so no list of names) and no
/// verb of saying opening it (", said X, ..." reports; it describes nothing); not where an
/// article after its comma opens an apposition of its own. The constructions ask the same
/// of their tokens (`constructions::ends_apposition`).
fn closes_apposition(text: &str, x: std::ops::Range<usize>, lexicon: &Lexicon) -> bool {
    let Some(after) = text[x.end..].trim_start().strip_prefix(',') else {
        return false;
    };
    // A comma and an article after it open an apposition of its own ("Altibox , owned
    // by Lyse , a utility group in Norway"): the name heads it.
    let next = after.split_whitespace().next().unwrap_or("").to_lowercase();
    if lexicon.articles.contains(&next) {
        return false;
    }
    let before = &text[..x.start];
    let Some(open) = before.rfind(',') else {
        return false;
    };
    let head = before[..open].trim_end();
    let inside = &before[open + 1..];
    let opening = inside
        .split_whitespace()
        .next()
        .unwrap_or("")
        .to_lowercase();
    !head.is_empty()
        && !lexicon.speech_verbs.contains(&opening)
        && inside.split_whitespace().any(|w| {
            !w.contains(OPEN)
                && !w.contains(CLOSE)
                && w.chars().any(char::is_alphabetic)
                && !lexicon
                    .coordinators
                    .iter()
                    .any(|c| c.eq_ignore_ascii_case(w))
        })
}

#[cfg(test)]
mod tests {
    use super::language_patterns;
    use crate::knowledge::Knowledge;

    /// Patterns compile lazily, on the first sentence that may match them: every one of
    /// every shipped language must compile, or some corpus would meet the panic.
    #[test]
    fn every_pattern_compiles() {
        for code in Knowledge::global().languages() {
            let patterns = language_patterns(code);
            for p in patterns.reductions.iter().chain(&patterns.relations) {
                assert!(
                    p.regex().as_str().starts_with("(?i)"),
                    "{code} {}",
                    p.spec.id
                );
            }
        }
    }
}
