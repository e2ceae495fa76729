//! Extract stage: one article -> entity mentions, relation claims and measurements,
//! each tied to its sentence and the rule that produced it.
//!
//! Mentions come from the gazetteer, places, service phrases and discovery from cues
//! ([`mentions`]); relations from per-language slot patterns over the sentence with its
//! mentions masked ([`patterns`]); numbers from [`numbers`] and their attachment to an
//! entity and metric from [`facts`].

pub mod facts;
pub mod mentions;
pub mod numbers;
pub mod patterns;
pub mod report;

use crate::ingest::Article;
use crate::knowledge::{EntityType, Knowledge};
use serde::Serialize;

/// What a mention refers to, before cross-article resolution.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
pub enum Reference {
    /// A gazetteer entity by id.
    Known(String),
    /// A place of `places.toml` by id.
    Place(String),
    /// A generic service concept (VoIP, MobileService ...).
    Service(String),
    /// An entity discovered in the text, by its name as written.
    New(String),
}

/// How a mention names its entity.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub enum Origin {
    /// The entity's name or an alias.
    Name,
    /// A surname standing for a person named in full before.
    Surname,
    /// An abbreviation defined in the text ("Post- og teletilsynet (PT)").
    Abbreviation,
    /// A description that points back ("selskapet", "l'opérateur public").
    Anaphor,
    /// An adjective of a place ("svenske", "French").
    Demonym,
    /// The parent named inside a national subsidiary's name ("Telia" in "Telia Danmark").
    Parent,
}

#[derive(Debug, Clone, Serialize)]
pub struct Mention {
    pub sentence: usize,
    /// Byte offsets into the article text.
    pub start: usize,
    pub end: usize,
    pub surface: String,
    pub etype: EntityType,
    pub reference: Reference,
    pub origin: Origin,
}

impl Mention {
    /// Whether the surface names the entity (and so is kept as a label).
    pub fn is_name(&self) -> bool {
        matches!(self.origin, Origin::Name | Origin::Abbreviation)
    }
}

/// A relation between two mentions, with its evidence.
#[derive(Debug, Clone, Serialize)]
pub struct RelationClaim {
    pub subject: usize,
    pub property: String,
    pub object: usize,
    pub sentence: usize,
    pub rule: String,
    pub confidence: f32,
    /// The argument taken from the article, not named in the sentence (the main
    /// organisation or the last authority): `subject` or `object`.
    pub implicit: Option<Slot>,
}

/// An argument position of a relation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
pub enum Slot {
    Subject,
    Object,
}

/// Metrics of the graph contract.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
pub enum Metric {
    CustomerCount,
    Revenue,
    NetIncome,
    Employees,
    Price,
}

impl Metric {
    pub fn name(self) -> &'static str {
        match self {
            Metric::CustomerCount => "CustomerCount",
            Metric::Revenue => "Revenue",
            Metric::NetIncome => "NetIncome",
            Metric::Employees => "Employees",
            Metric::Price => "Price",
        }
    }
}

/// A number about an entity, with its evidence.
#[derive(Debug, Clone, Serialize)]
pub struct FactClaim {
    pub about: usize,
    pub metric: Metric,
    pub value: f64,
    pub currency: Option<String>,
    pub sentence: usize,
    /// Byte offsets of the number expression in the article text.
    pub start: usize,
    pub end: usize,
    pub rule: String,
    pub confidence: f32,
}

/// Everything extracted from one article.
#[derive(Debug, Clone)]
pub struct Extraction {
    pub article: Article,
    pub mentions: Vec<Mention>,
    pub relations: Vec<RelationClaim>,
    pub facts: Vec<FactClaim>,
}

/// Runs the whole extract stage on one article.
pub fn extract(article: Article) -> Extraction {
    let knowledge = Knowledge::global();
    let lexicon = knowledge.lexicon(&article.lang).unwrap_or_else(|| {
        knowledge
            .lexicon("en")
            .expect("English lexicon is built in")
    });
    let mentions = mentions::find_mentions(&article, lexicon, knowledge);
    let relations = patterns::find_relations(&article, &mentions, lexicon);
    let facts = facts::find_facts(&article, &mentions, &relations, lexicon, knowledge);
    Extraction {
        article,
        mentions,
        relations,
        facts,
    }
}

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

/// The last `n` characters of `text`, as a slice.
///
/// ```
/// use telekg::extract::last_chars;
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

/// Whether `word` is `cue` or a compound ending in it ("el-kunder", "mobilkunder").
pub fn word_has_cue(word: &str, cue: &str) -> bool {
    let w = word.to_lowercase();
    w == cue || (w.ends_with(cue) && w.len() > cue.len() + 2)
}
