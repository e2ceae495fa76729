//! Constructions × trigger lexicons: how relations are read from the grammar of a
//! language rather than from sentences seen.
//!
//! A *construction* (`ontology/constructions.toml`, shared by every language) is a
//! template such as `X G V O Y` (active), `Y PASS? G P BY X` (passive) or
//! `X's A N PREP O Y` (nominalisation). Its letters are filled per language: trigger
//! parts from the language's `triggers.toml` (`V` verbs, `P` passive forms, `N` action
//! nouns, `S` support verbs, `R` reciprocal verbs, `RN` relational nouns, `T` role
//! titles), function-word classes from its `grammar.toml` (`AUX`, `PASS`, `BY`, `REL`
//! ...), and gaps that stay inside one clause. A relation is read wherever a trigger of
//! its set stands and the template matches around it: the left part is matched leftwards
//! from the trigger and the right part rightwards, each gap as short as possible, so a
//! slot takes the nearest fitting mention.
//!
//! Sentences are first cut into clauses: relative clauses become clauses of their own
//! with their antecedent in front ("Y , som eies av X , kjøper Z" gives "Y kjøper Z" and
//! "Y som eies av X"), and subordinating conjunctions and semicolons end gaps.
//!
//! Template syntax (elements separated by spaces):
//! - `X`, `Y`: a mention or a coordinated list of them ("A , B og C"); `X1`, `Y1`: one
//!   mention. `X's`: the slot in the genitive ("Telenors", "BT's", "Tele2:s"), or a
//!   possessive determiner standing for the article's focus ("sa", "its"). `X1adj`: a
//!   nationality adjective ("German", "norske", "belge"). `Y-N`,
//!   `Y-T`: the mention as the first part of a hyphenated compound whose last part is
//!   that trigger part ("E-Plus-Übernahme", "Telia-sjef").
//! - `V P N S R RN T`: trigger parts of the relation's set (`T`: the language's titles);
//!   `SV SO`: a sharing verb and what is shared ("deler nett", "share their masts").
//! - `AUX PASS BY NBY PREP TO WITH BETWEEN OF REL RELS RELO COP AND EMP BOTH GEN HL RELP`: function
//!   words.
//! - `G`: a gap of any words inside the clause (no mention, no clause boundary).
//!   `O`: a gap before an object (no preposition but the language's object
//!   prepositions, no coordinator). `A`: a modifier gap (no preposition, no comma).
//!   `D`: nationality adjectives only (after a noun).
//!   `F`: the fronted constituent of a V2 clause (everything from the clause start,
//!   not a bare subject).
//! - `,` `(` `)` `-` or `'word'`: literal tokens; `^` and `$`: clause start and end.
//! - A trailing `?` makes an element optional.

use super::{Mention, Origin, RelationClaim, Slot};
use crate::ingest::Article;
use crate::knowledge::{Construction, Knowledge, Lexicon, TriggerSet};
use foldhash::{HashMap, HashMapExt, HashSet};
use std::sync::OnceLock;

const OPEN: char = '\u{E000}';
const CLOSE: char = '\u{E001}';

pub use crate::template::{Class, Elem, Gap, Part, Role, Template};

/// Phrases of one word list, indexed by their first word for matching at a token.
#[derive(Debug, Default, Clone)]
struct Phrases {
    by_first: HashMap<String, Vec<Vec<String>>>,
    /// Single words, for compound heads ("bredbåndsoppkjøpet" ends in "oppkjøpet").
    singles: HashSet<String>,
    /// Shortest single word, to bound the compound search.
    min_len: usize,
    /// The last two bytes of every single word: a compound can only end in one whose
    /// tail is here (a cheap test before the suffix lookups).
    tails: HashSet<[u8; 2]>,
    /// One bit per (first byte, length up to 63) of the first words: most tokens start
    /// no phrase of a list, and this says so without hashing the token.
    starts: StartFilter,
}

/// Bits over a word's first byte and its length (capped at 63): a necessary condition
/// for the word to be in the set built from.
#[derive(Debug, Clone)]
struct StartFilter(Box<[u64; 256]>);

impl Default for StartFilter {
    fn default() -> StartFilter {
        StartFilter(Box::new([0; 256]))
    }
}

impl StartFilter {
    fn insert(&mut self, word: &str) {
        if let Some(&b) = word.as_bytes().first() {
            self.0[usize::from(b)] |= 1 << word.len().min(63);
        }
    }

    fn may_contain(&self, word: &str) -> bool {
        word.as_bytes()
            .first()
            .is_some_and(|&b| self.0[usize::from(b)] & (1 << word.len().min(63)) != 0)
    }
}

/// The last two bytes of a word (a shorter word padded), for suffix prefilters.
fn tail2(word: &str) -> [u8; 2] {
    let b = word.as_bytes();
    match b.len() {
        0 => [0, 0],
        1 => [0, b[0]],
        n => [b[n - 2], b[n - 1]],
    }
}

impl Phrases {
    fn new<S: AsRef<str>>(list: impl IntoIterator<Item = S>) -> Phrases {
        let mut p = Phrases {
            min_len: usize::MAX,
            ..Default::default()
        };
        for entry in list {
            let words: Vec<String> = split_words(&entry.as_ref().to_lowercase());
            if words.is_empty() {
                continue;
            }
            if words.len() == 1 {
                p.min_len = p.min_len.min(words[0].len());
                p.tails.insert(tail2(&words[0]));
                p.singles.insert(words[0].clone());
            }
            p.starts.insert(&words[0]);
            p.by_first.entry(words[0].clone()).or_default().push(words);
        }
        for list in p.by_first.values_mut() {
            list.sort_by_key(|w| std::cmp::Reverse(w.len()));
        }
        p
    }

    fn is_empty(&self) -> bool {
        self.by_first.is_empty()
    }

    /// Lengths (in tokens) of the phrases starting at `toks[i]`, longest first.
    fn forward(&self, toks: &[Tok], i: usize) -> Vec<usize> {
        let Some(first) = toks.get(i) else {
            return Vec::new();
        };
        if !self.starts.may_contain(&first.lower) {
            return Vec::new();
        }
        let Some(list) = self.by_first.get(first.lower.as_str()) else {
            return Vec::new();
        };
        list.iter()
            .filter(|words| {
                words.iter().enumerate().all(|(k, w)| {
                    toks.get(i + k)
                        .is_some_and(|t| word_like(t) && t.lower == *w)
                })
            })
            .map(|w| w.len())
            .collect()
    }

    /// Lengths of the phrases ending right before `toks[end]`, longest first.
    fn backward(&self, toks: &[Tok], end: usize) -> Vec<usize> {
        let mut out: Vec<usize> = Vec::new();
        for start in end.saturating_sub(6)..end {
            for len in self.forward(toks, start) {
                if start + len == end {
                    out.push(len);
                }
            }
        }
        out.sort_by_key(|l| std::cmp::Reverse(*l));
        out
    }

    /// Whether a word is a listed single word or a compound ending in one (at least
    /// three more bytes before it: "bredbåndsoppkjøpet", not "kjøp" in "tilkjøp").
    fn compound_head(&self, word: &str) -> bool {
        self.head_start(word).is_some()
    }

    /// Where the shortest one-word phrase that `word` ends in after at least three bytes
    /// starts, or 0 where only the word itself is one: the compound's head
    /// ("mobilfunkanbieter" -> "anbieter").
    fn head_start(&self, word: &str) -> Option<usize> {
        let inner = (word.len() >= self.min_len.saturating_add(3)
            && self.tails.contains(&tail2(word)))
        .then(|| {
            word.char_indices()
                .map(|(i, _)| i)
                .filter(|&i| i >= 3)
                .rfind(|&i| self.singles.contains(&word[i..]))
        })
        .flatten();
        inner.or_else(|| self.singles.contains(word).then_some(0))
    }
}

/// A title, or a compound ending in one, with up to three letters of ending.
fn inflected_title(titles: &Phrases, word: &str) -> bool {
    word.char_indices()
        .rev()
        .take(3)
        .any(|(i, _)| titles.compound_head(&word[..i]))
}

/// Splits a phrase or text into lower-case words the way the tokenizer does.
fn split_words(text: &str) -> Vec<String> {
    tokenize_plain(text).into_iter().map(|(w, _)| w).collect()
}

/// One relation's trigger parts, compiled.
struct CompiledSet {
    relation: String,
    inverse: bool,
    kind: Option<String>,
    /// `kind` is "market" or "service-market": a possessive in a clause gap is the market's
    /// possessor, read by the possessive constructions.
    market: bool,
    /// `kind` is "service-market" (a service's market names what a company offers).
    service_market: bool,
    /// The only constructions the set is read with (`TriggerSet::constructions`).
    only: Vec<String>,
    bare_object: bool,
    prep_object: bool,
    parts: HashMap<Part, Phrases>,
    /// Separable verbs: stem phrases and, per stem, its particle.
    separable: Vec<(Phrases, String)>,
    preps: Phrases,
    recipients: Phrases,
    /// The relation is in common.toml `past_sensitive`: a past marker voids its claims.
    past_sensitive: bool,
    /// The relation is in common.toml `exit_sensitive`: a verb of leaving voids its claims.
    exit_sensitive: bool,
    /// The relation is in common.toml `states`: no fronted subordinate clause before it.
    state: bool,
}

/// A construction instantiated for one trigger set of a language.
struct Instance {
    construction: usize,
    set: usize,
    template: Template,
    anchor: usize,
    /// Function-word classes the template needs (not optional): a clause without one of
    /// them cannot match, which is tested before the matcher runs.
    required_classes: Vec<Class>,
    /// Literal tokens the template needs (not optional): ",", "(".
    required_literals: Vec<String>,
    /// Slots (not optional) before the anchor and from it on: each needs a token of its
    /// own that can fill a slot (a mention, pronoun or possessive), so a clause with fewer
    /// such tokens on a side cannot match, which is tested before the matcher runs.
    slots_before: usize,
    slots_after: usize,
    /// The slot the template opens with, if it opens with one: the clause's subject (X,
    /// or Y before a passive), which no fronted phrase or apposition may hold.
    opening_slot: Option<Role>,
}

/// A language's constructions, triggers and function words, compiled once.
pub struct LanguageConstructions {
    /// Customer nouns (lexicon metrics), lower case: a compound they open is about
    /// customers, no trigger of its head ("Kundenverträge" are no agreement between the
    /// subjects).
    customer_words: Vec<String>,
    sets: Vec<CompiledSet>,
    instances: Vec<Instance>,
    classes: HashMap<Class, Phrases>,
    titles: Phrases,
    subordinators: Phrases,
    relative: Phrases,
    prepositions: HashSet<String>,
    object_prepositions: HashSet<String>,
    relative_object: HashSet<String>,
    /// Articles that may stand before a name in a slot ("die Telekom", "the Commission").
    articles: HashSet<String>,
    /// Indefinite articles ("et", "a", "eine"): one opens an apposition that describes
    /// the name before it.
    indefinite_articles: HashSet<String>,
    /// Nouns are written with a capital (German).
    capitalises_nouns: bool,
    /// Organisation words that may describe a name before it.
    org_cues: Phrases,
    /// Phrases that introduce the members of a group subject ("bestående af", "consisting
    /// of"): a slot after one may still be a subject.
    member_prepositions: Phrases,
    /// Company words a name may be compounded with and still name the company
    /// ("Telenor-konsernet"), lower case.
    company_words: HashSet<String>,
    partitive_prepositions: HashSet<String>,
    genitive_articles: HashSet<String>,
    partitives: Phrases,
    transparent_adverbs: HashSet<String>,
    /// Adverbials of several words ("i dag", "at present", "à ce jour"), dropped alike.
    transparent_phrases: Phrases,
    infinitive_markers: HashSet<String>,
    complementizers: HashSet<String>,
    /// Modals of ability that are also hedges (grammar `ability_modals`: "kan").
    ability_modals: HashSet<String>,
    restrictive_particles: HashSet<String>,
    restrictive_markers: HashSet<String>,
    place_prepositions: HashSet<String>,
    /// grammar `place_parts`, lower-case words each.
    place_parts: Vec<Vec<String>>,
    /// lexicon `service_unit_tails`, lower case.
    unit_tails: Vec<String>,
    /// One-word auxiliaries, passive auxiliaries and copulas: verbs, which no modifier gap
    /// holds.
    verb_words: HashSet<String>,
    /// Endings of superlatives and ranks ("største", "största", "largest"; grammar
    /// `superlative_endings`): a predicative's modifiers.
    superlative_endings: Vec<String>,
    /// Prepositions that also open a clause (grammar `clause_prepositions`).
    clause_prepositions: HashSet<String>,
    /// Lower-case stems of minority-holding words (grammar `minority_stems`).
    minority_stems: Vec<String>,
    large_holder_words: HashSet<String>,
    /// Words that make an ownership partial (grammar `partial_words`).
    partial_words: Phrases,
    /// Every action noun of the language's trigger sets (single words), lower case.
    action_nouns: Phrases,
    /// Words of approximation ("over", "rundt", "more than"): prepositions that qualify a
    /// number, not a noun phrase.
    approx: HashSet<String>,
    stake_words: Phrases,
    /// The rest of a company's shares (grammar `remainder`), and the adjectives of it that
    /// need its share after them (`remainder_share`).
    remainder: Phrases,
    remainder_share: Phrases,
    cancellations: Phrases,
    coordinators: HashSet<String>,
    /// The lexicon's first coordinator ("og", "and", "und"), lower case.
    coordinator: String,
    /// Grammar `correlatives`: (first word, words of the second phrase), lower case.
    correlatives: Vec<(String, Vec<String>)>,
    /// "other", "andre", "weitere": after a coordinator, an unnamed rest ends a list.
    list_closers: Phrases,
    pronouns: HashSet<String>,
    possessives: HashSet<String>,
    /// The possessives are reflexive: they stand for the clause's subject (grammar
    /// feature `reflexive_possessive`).
    reflexive_possessives: bool,
    /// The finite verb stands second in a main clause (grammar feature "v2").
    v2: bool,
    /// Subordinate clauses end in their finite verb (grammar feature "verb_final").
    verb_final: bool,
    /// Prepositions naming a statement's source (grammar `source_prepositions`).
    sources: Phrases,
    /// Adverbs of doing something together ("sammen", "jointly"), reciprocal triggers of
    /// partnering.
    together: Phrases,
    /// Number words above one and scales ("tre", "millioner", "billion"), lower case.
    number_words: HashSet<String>,
    /// Nouns of the market trigger sets ("markedet", "market"), also as compound heads.
    market_nouns: Phrases,
    negations: Phrases,
    focus_particles: Phrases,
    /// "such as", "wie", "bland annat": examples of the noun before them follow.
    exemplifiers: Phrases,
    /// "whether", "ob", "om": an indirect question's conjunction.
    interrogatives: Phrases,
    /// Verbs of saying (one word), lower case: a subject pronoun of the clause they report
    /// is their subject ("X said it would ...").
    speech_verbs: HashSet<String>,
    /// "we", "vi", "wir", "nous": in a quote, the speaker's organisation.
    speaker_subjects: HashSet<String>,
    /// First-person plural possessives: the speaker's organisation's genitive in a quote.
    speaker_possessives: HashSet<String>,
    /// "would", "würde", "ville": the future of the past after a verb of saying.
    reported_future: HashSet<String>,
    percent_words: Phrases,
    /// Last words of the investigating verbs, nouns and prepositions: an indirect
    /// question after one names the company investigated.
    inquiry_ends: HashSet<String>,
    /// Verb particles that are no prepositions: last words of the language's multi-word
    /// trigger verbs ("opp" of "kjøpt opp", "up" of "bought up").
    particles: HashSet<String>,
    past_markers: Phrases,
    /// Verbs of leaving a market or closing a business (grammar `exits`).
    exits: Phrases,
    /// Prepositions of several words (grammar `complex_prepositions`), and the set of
    /// their last words: only a token among those is looked up.
    complex_prepositions: Phrases,
    complex_preposition_tails: HashSet<String>,
    /// Adversative conjunctions (grammar `adversatives`).
    adversatives: Phrases,
    /// Nouns of what a party asks or argues (grammar `petitions`).
    petitions: Phrases,
    /// Instances by the trigger set and part they are anchored on.
    by_set_part: HashMap<(usize, Part), Vec<usize>>,
    /// First words of every trigger phrase (titles for the worksFor sets): (set, part).
    index: HashMap<String, Vec<(usize, Part)>>,
    /// Single-word nouns, relational nouns and titles, as compound heads.
    compound_index: HashMap<String, Vec<(usize, Part)>>,
    /// Shortest word that can be a compound (a head and three more bytes).
    compound_min: usize,
    /// `tail2` of every key of `compound_index`.
    compound_tails2: HashSet<[u8; 2]>,
    /// Stems of separable verbs: (set, index into its `separable`).
    separable_index: HashMap<String, Vec<(usize, usize)>>,
}

impl LanguageConstructions {
    /// The (set, part) pairs whose noun, relational noun or title is `tail`, or whose
    /// compound head it is ("Übernahme", "sjef", "topchef").
    fn compound_tails(&self, tail: &str) -> Vec<(usize, Part)> {
        let tail = tail.to_lowercase();
        let mut out: Vec<(usize, Part)> = Vec::new();
        if let Some(e) = self.compound_index.get(tail.as_str()) {
            out.extend(e);
        }
        for (i, _) in tail.char_indices().filter(|(i, _)| *i >= 3) {
            if let Some(e) = self.compound_index.get(&tail[i..]) {
                out.extend(e);
            }
        }
        out
    }
}

fn compile(lexicon: &Lexicon, constructions: &[Construction]) -> LanguageConstructions {
    let g = &lexicon.grammar;
    let sets: Vec<CompiledSet> = lexicon
        .trigger
        .iter()
        .map(|t: &TriggerSet| {
            let mut parts = HashMap::new();
            // Passive participles also as inflected adjectives ("übernommene").
            let passives: Vec<String> = t
                .passives
                .iter()
                .cloned()
                .chain(
                    t.passives
                        .iter()
                        .filter(|p| !p.contains(' '))
                        .flat_map(|p| g.participle_endings.iter().map(move |e| format!("{p}{e}"))),
                )
                .collect();
            let nouns: Vec<String> = if t.customer_nouns {
                t.nouns
                    .iter()
                    .chain(&lexicon.metrics.customers)
                    .cloned()
                    .collect()
            } else {
                t.nouns.clone()
            };
            let relational: Vec<String> = if t.relational_org_cues {
                t.relational
                    .iter()
                    .chain(&lexicon.org_cues)
                    .cloned()
                    .collect()
            } else {
                t.relational.clone()
            };
            // Doing something together is a partnership ("A og B bygger sammen").
            let reciprocal: Vec<String> = if t.relation == "partnerOf" && !t.reciprocal.is_empty() {
                t.reciprocal.iter().chain(&g.together).cloned().collect()
            } else {
                t.reciprocal.clone()
            };
            // A verb written with its preposition of place ("har kunder i") takes the
            // set's other prepositions as well ("har kunder rundt om i", "over (hele)").
            let verbs: Vec<String> = if t.relation == "operatesIn" {
                let extents: Vec<&String> = t
                    .preps
                    .iter()
                    .filter(|p| !g.place_prepositions.contains(p))
                    .collect();
                // ... and a part of the place after its preposition ("opererer i store
                // deler av", "operates in large parts of").
                t.verbs
                    .iter()
                    .flat_map(|v| {
                        let stem = v
                            .rsplit_once(' ')
                            .filter(|(_, last)| g.place_prepositions.iter().any(|p| p == last))
                            .map(|(stem, _)| stem);
                        let parts = stem
                            .map(|_| g.place_parts.iter().map(move |p| format!("{v} {p}")))
                            .into_iter()
                            .flatten();
                        std::iter::once(v.clone())
                            .chain(stem.into_iter().flat_map(|stem| {
                                extents.iter().map(move |e| format!("{stem} {e}"))
                            }))
                            .chain(parts)
                    })
                    .collect()
            } else {
                t.verbs.clone()
            };
            for (part, list) in [
                (Part::Verb, &verbs),
                (Part::Passive, &passives),
                (Part::Noun, &nouns),
                (Part::Support, &t.support),
                (Part::Reciprocal, &reciprocal),
                (Part::Relational, &relational),
                (Part::SyntheticPassive, &t.passives_synthetic),
                (Part::Transfer, &t.transfers),
                (Part::TransferSynthetic, &t.transfers_synthetic),
                (Part::TransferNoun, &t.transfer_nouns),
                (Part::Sharing, &t.sharing_verbs),
                (Part::Shared, &t.shared_objects),
            ] {
                if !list.is_empty() {
                    parts.insert(part, Phrases::new(list));
                }
            }
            let separable: Vec<(Phrases, String)> = t
                .separable
                .iter()
                .filter_map(|s| {
                    let words = split_words(s);
                    let (particle, stem) = words.split_last()?;
                    (!stem.is_empty()).then(|| (Phrases::new([stem.join(" ")]), particle.clone()))
                })
                .collect();
            if !separable.is_empty() {
                parts.insert(Part::Separable, Phrases::default());
            }
            let common = &Knowledge::global().common;
            CompiledSet {
                past_sensitive: common.past_sensitive.contains(&t.relation),
                exit_sensitive: common.exit_sensitive.contains(&t.relation),
                state: common.states.contains(&t.relation),
                relation: t.relation.clone(),
                inverse: t.inverse,
                kind: t.kind.clone(),
                market: matches!(t.kind.as_deref(), Some("market" | "service-market")),
                service_market: t.kind.as_deref() == Some("service-market"),
                only: t.constructions.clone(),
                bare_object: t.bare_object,
                prep_object: t.prep_object,
                parts,
                separable,
                preps: Phrases::new(&t.preps),
                recipients: Phrases::new(&t.recipients),
            }
        })
        .collect();
    let classes: HashMap<Class, Phrases> = [
        (Class::Aux, &g.auxiliaries),
        (Class::Pass, &g.passive_auxiliaries),
        (Class::By, &g.agent),
        (Class::NounBy, &g.noun_agent),
        (Class::With, &g.with),
        (Class::Between, &g.between),
        (Class::Of, &g.of_pair),
        (Class::Genitive, &g.genitive_articles),
        (Class::AnyPrep, &g.prepositions),
        (Class::Rel, &g.relative),
        (Class::RelSubject, &g.relative_subject),
        (Class::RelObject, &g.relative_object),
        (Class::Copula, &g.copulas),
        (Class::And, &lexicon.coordinators),
        (Class::Both, &g.distributives),
        (Class::Headline, &g.headline_prepositions),
        (Class::RelPossessive, &g.relative_possessives),
        (Class::As, &g.predicative_as),
        (Class::ObjectPredicative, &g.object_predicative_verbs),
        (
            Class::Employer,
            if g.employer.is_empty() {
                &lexicon.employer_prepositions
            } else {
                &g.employer
            },
        ),
    ]
    .into_iter()
    .map(|(c, list)| (c, Phrases::new(list)))
    .collect();
    let mut instances = Vec::new();
    for (ci, c) in constructions.iter().enumerate() {
        if !c.requires.iter().all(|f| g.features.contains(f))
            || c.unless.iter().any(|f| g.features.contains(f))
        {
            continue;
        }
        let Ok(template) = Template::parse(&c.template) else {
            continue;
        };
        let needed = template.parts();
        for (si, set) in sets.iter().enumerate() {
            if !c.relations.is_empty() && !c.relations.contains(&set.relation) {
                continue;
            }
            if (c.kind.is_some() && c.kind != set.kind)
                || (!set.only.is_empty() && !set.only.contains(&c.id))
            {
                continue;
            }
            let has = |p: &Part| *p == Part::Title || set.parts.contains_key(p);
            if !needed.iter().all(has) {
                continue;
            }
            // A template with only titles applies to the worksFor sets alone.
            if needed.iter().all(|p| *p == Part::Title) && set.relation != "worksFor" {
                continue;
            }
            let uses = |class: Class| template.elems.iter().any(|(e, _)| *e == Elem::Class(class));
            if (uses(Class::Prep) && set.preps.is_empty())
                || (uses(Class::To) && set.recipients.is_empty())
            {
                continue;
            }
            let anchor = template.anchor();
            let required_classes = template
                .elems
                .iter()
                .filter_map(|(e, optional)| match e {
                    Elem::Class(c) if !optional && !matches!(c, Class::Prep | Class::To) => {
                        Some(*c)
                    }
                    _ => None,
                })
                .collect();
            let required_literals = template
                .elems
                .iter()
                .filter_map(|(e, optional)| match e {
                    Elem::Literal(l) if !optional => Some(l.to_lowercase()),
                    _ => None,
                })
                .collect();
            let slots = |elems: &[(Elem, bool)]| {
                elems
                    .iter()
                    .filter(|(e, optional)| !optional && matches!(e, Elem::Slot { .. }))
                    .count()
            };
            let (before, after) = template.elems.split_at(anchor);
            instances.push(Instance {
                construction: ci,
                set: si,
                template: template.clone(),
                anchor,
                required_classes,
                required_literals,
                slots_before: slots(before),
                slots_after: slots(after),
                opening_slot: match template.elems.first() {
                    Some((Elem::Slot { role, .. }, _)) => Some(*role),
                    _ => None,
                },
            });
        }
    }
    let mut by_set_part: HashMap<(usize, Part), Vec<usize>> = HashMap::new();
    for (i, inst) in instances.iter().enumerate() {
        let part = match &inst.template.elems[inst.anchor].0 {
            Elem::Part(p) | Elem::SplitHead(p) => *p,
            Elem::Slot {
                compound: Some(p), ..
            } => *p,
            _ => continue,
        };
        by_set_part.entry((inst.set, part)).or_default().push(i);
    }
    let titles = Phrases::new(&lexicon.titles);
    let mut index: HashMap<String, Vec<(usize, Part)>> = HashMap::new();
    let mut compound_index: HashMap<String, Vec<(usize, Part)>> = HashMap::new();
    let mut separable_index: HashMap<String, Vec<(usize, usize)>> = HashMap::new();
    let mut compound_min = usize::MAX;
    for (si, set) in sets.iter().enumerate() {
        let mut parts: Vec<(Part, &Phrases)> = set.parts.iter().map(|(p, ph)| (*p, ph)).collect();
        if set.relation == "worksFor" {
            parts.push((Part::Title, &titles));
        }
        for (part, phrases) in parts {
            if !by_set_part.contains_key(&(si, part)) {
                continue;
            }
            for first in phrases.by_first.keys() {
                index.entry(first.clone()).or_default().push((si, part));
            }
            // Noun-like parts, and passive participles as the tail of a hyphenated
            // compound ("Tele2-ägda", "Telia-owned").
            if matches!(
                part,
                Part::Noun | Part::Relational | Part::Title | Part::TransferNoun | Part::Passive
            ) {
                for single in &phrases.singles {
                    compound_min = compound_min.min(single.len() + 3);
                    compound_index
                        .entry(single.clone())
                        .or_default()
                        .push((si, part));
                }
            }
        }
        if by_set_part.contains_key(&(si, Part::Separable)) {
            for (k, (stem, _)) in set.separable.iter().enumerate() {
                for first in stem.by_first.keys() {
                    separable_index
                        .entry(first.clone())
                        .or_default()
                        .push((si, k));
                }
            }
        }
    }
    let lower_set = |list: &[String]| list.iter().map(|w| w.to_lowercase()).collect();
    // The one-word entries of a list, lower case (phrases are matched elsewhere).
    let one_words = |list: &[String]| -> HashSet<String> {
        list.iter()
            .filter(|w| !w.contains(' '))
            .map(|w| w.to_lowercase())
            .collect()
    };
    let compound_tails2: HashSet<[u8; 2]> = compound_index.keys().map(|k| tail2(k)).collect();
    LanguageConstructions {
        customer_words: lexicon
            .metrics
            .customers
            .iter()
            .map(|w| w.to_lowercase())
            .filter(|w| !w.contains(' '))
            .collect(),
        sets,
        instances,
        classes,
        titles,
        subordinators: Phrases::new(&g.subordinators),
        relative: Phrases::new(&g.relative),
        prepositions: lower_set(&g.prepositions),
        object_prepositions: lower_set(&g.object_prepositions),
        relative_object: lower_set(&g.relative_object),
        partitive_prepositions: lower_set(&g.partitive_prepositions),
        genitive_articles: lower_set(&g.genitive_articles),
        articles: lower_set(&lexicon.articles),
        indefinite_articles: lower_set(&g.indefinite_articles),
        capitalises_nouns: lexicon.capitalises_nouns,
        org_cues: Phrases::new(lexicon.org_cues.iter().filter(|c| !c.contains(' '))),
        member_prepositions: Phrases::new(&g.member_prepositions),
        // A name before one of these is the company itself ("Telenor-konsernet"); not
        // before a relational noun, which names another ("Telekom-Tochter", "Telia-sjefen").
        company_words: lexicon
            .org_cues
            .iter()
            .flat_map(|w| w.split_whitespace().last().map(str::to_lowercase))
            .filter(|w| {
                !lexicon
                    .trigger
                    .iter()
                    .any(|t| t.relational.iter().any(|r| r.to_lowercase() == *w))
            })
            .chain(
                lexicon
                    .company_anaphors
                    .iter()
                    .chain(&Knowledge::global().common.generic_company_words)
                    .flat_map(|w| w.split_whitespace().last().map(str::to_lowercase)),
            )
            .collect(),
        partitives: Phrases::new(&g.partitives),
        transparent_adverbs: one_words(&g.transparent_adverbs),
        transparent_phrases: Phrases::new(g.transparent_adverbs.iter().filter(|w| w.contains(' '))),
        infinitive_markers: lower_set(&g.infinitive_markers),
        complementizers: lower_set(&g.complementizers),
        ability_modals: lower_set(&g.ability_modals),
        restrictive_particles: lower_set(&g.restrictive_particles),
        restrictive_markers: lower_set(&g.restrictive_markers),
        place_prepositions: lower_set(&g.place_prepositions),
        unit_tails: lexicon
            .service_unit_tails
            .iter()
            .map(|u| u.to_lowercase())
            .collect(),
        place_parts: g
            .place_parts
            .iter()
            .map(|p| {
                p.split_whitespace()
                    .map(crate::text::lower_case)
                    .map(String::from)
                    .collect()
            })
            .collect(),
        large_holder_words: lower_set(&g.large_holder_words),
        partial_words: Phrases::new(&g.partial_words),
        action_nouns: Phrases::new(lexicon.trigger.iter().flat_map(|t| &t.nouns)),
        approx: lexicon
            .numbers
            .approx
            .iter()
            .flat_map(|a| a.split_whitespace())
            .map(str::to_lowercase)
            .collect(),
        stake_words: Phrases::new(&g.stake_words),
        remainder: Phrases::new(&g.remainder),
        remainder_share: Phrases::new(&g.remainder_share),
        cancellations: Phrases::new(&lexicon.cancellations),
        minority_stems: g.minority_stems.iter().map(|w| w.to_lowercase()).collect(),
        clause_prepositions: lower_set(&g.clause_prepositions),
        verb_words: g
            .auxiliaries
            .iter()
            .chain(&g.passive_auxiliaries)
            .chain(&g.copulas)
            .filter(|w| !w.contains(' '))
            .map(|w| w.to_lowercase())
            .collect(),
        superlative_endings: g.superlative_endings.clone(),
        coordinators: lower_set(&lexicon.coordinators),
        coordinator: lexicon
            .coordinators
            .first()
            .map(|c| c.to_lowercase())
            .unwrap_or_default(),
        correlatives: g
            .correlatives
            .iter()
            .map(|(a, b)| (a.to_lowercase(), split_words(b)))
            .collect(),
        list_closers: Phrases::new(&lexicon.list_closers),
        pronouns: lower_set(&lexicon.subject_pronouns),
        possessives: lower_set(&g.possessives),
        reflexive_possessives: g.features.iter().any(|f| f == "reflexive_possessive"),
        v2: g.features.iter().any(|f| f == "v2"),
        verb_final: g.features.iter().any(|f| f == "verb_final"),
        sources: Phrases::new(&g.source_prepositions),
        together: Phrases::new(&g.together),
        // Above one: "et", "un", "ein" are articles too.
        number_words: lexicon
            .numbers
            .words
            .iter()
            .filter(|(_, &v)| v > 1.0)
            .map(|(w, _)| w)
            .chain(lexicon.numbers.scales.keys())
            .map(|w| w.to_lowercase())
            .collect(),
        market_nouns: Phrases::new(
            lexicon
                .trigger
                .iter()
                .filter(|t| t.kind.as_deref() == Some("market"))
                .flat_map(|t| &t.nouns),
        ),
        negations: Phrases::new(&lexicon.negations),
        focus_particles: Phrases::new(&g.focus_particles),
        exemplifiers: Phrases::new(&g.exemplifiers),
        interrogatives: Phrases::new(&g.interrogatives),
        reported_future: lower_set(&g.reported_future),
        percent_words: Phrases::new(&g.percent_words),
        speaker_subjects: lower_set(&lexicon.speaker_subjects),
        speaker_possessives: lower_set(&lexicon.speaker_possessives),
        speech_verbs: one_words(&lexicon.speech_verbs),
        inquiry_ends: lexicon
            .trigger
            .iter()
            .filter(|t| t.relation == "investigates" && !t.inverse)
            .flat_map(|t| t.verbs.iter().chain(&t.nouns).chain(&t.preps))
            .filter_map(|w| w.split_whitespace().last())
            .map(str::to_lowercase)
            .collect(),
        particles: lexicon
            .trigger
            .iter()
            .flat_map(|t| t.verbs.iter().chain(&t.passives))
            .filter_map(|v| {
                let mut words = v.split_whitespace();
                words.next()?;
                words.last()
            })
            .filter(|w| {
                w.chars().all(char::is_lowercase)
                    && !g.prepositions.iter().any(|p| p == w)
                    && !g.agent.iter().any(|a| a == w)
            })
            .map(str::to_string)
            .collect(),
        past_markers: Phrases::new(&g.past_markers),
        exits: Phrases::new(&g.exits),
        complex_prepositions: Phrases::new(&g.complex_prepositions),
        complex_preposition_tails: g
            .complex_prepositions
            .iter()
            .filter_map(|p| p.split_whitespace().last().map(str::to_lowercase))
            .collect(),
        adversatives: Phrases::new(&g.adversatives),
        petitions: Phrases::new(&g.petitions),
        by_set_part,
        index,
        compound_index,
        compound_tails2,
        compound_min,
        separable_index,
    }
}

/// A language's compiled constructions, built on first use.
pub fn language_constructions(code: &str) -> &'static LanguageConstructions {
    type Lazy = (&'static Lexicon, OnceLock<LanguageConstructions>);
    static ALL: OnceLock<HashMap<String, Lazy>> = OnceLock::new();
    let all = ALL.get_or_init(|| {
        Knowledge::global()
            .lexicons
            .iter()
            .map(|l| (l.code.clone(), (l, OnceLock::new())))
            .collect()
    });
    let (lexicon, compiled) = &all[code];
    compiled.get_or_init(|| compile(lexicon, &Knowledge::global().constructions))
}

/// How many trigger phrases and constructions a language has, per relation: (relation,
/// trigger phrases, construction instances).
pub fn coverage(code: &str) -> Vec<(String, usize, usize)> {
    let lc = language_constructions(code);
    let mut out: Vec<(String, usize, usize)> = Vec::new();
    for (si, set) in lc.sets.iter().enumerate() {
        let phrases: usize = set
            .parts
            .values()
            .map(|p| p.by_first.values().map(Vec::len).sum::<usize>())
            .sum::<usize>()
            + set.separable.len();
        let instances = lc.instances.iter().filter(|i| i.set == si).count();
        match out.iter_mut().find(|(r, _, _)| *r == set.relation) {
            Some(entry) => {
                entry.1 += phrases;
                entry.2 += instances;
            }
            None => out.push((set.relation.clone(), phrases, instances)),
        }
    }
    out
}

/// The ids of the constructions a language instantiates for a relation.
pub fn construction_ids(code: &str, relation: &str) -> Vec<String> {
    let lc = language_constructions(code);
    let all = &Knowledge::global().constructions;
    let mut ids: Vec<String> = lc
        .instances
        .iter()
        .filter(|i| lc.sets[i.set].relation == relation)
        .map(|i| all[i.construction].id.clone())
        .collect();
    ids.sort();
    ids.dedup();
    ids
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum TokKind {
    Mention(usize),
    Word,
    Punct,
}

#[derive(Debug, Clone)]
struct Tok {
    kind: TokKind,
    lower: String,
    /// What is glued after a mention ("s", "'s", ":s", "-sjef"), lower case.
    suffix: String,
    /// A clause boundary no gap crosses (a subordinating conjunction, ";").
    boundary: bool,
    /// A relative pronoun opening a relative clause of its own.
    relative: bool,
    /// A mention that is a nationality adjective ("norske", "svensk-finske"): it may
    /// stand among the modifiers of a gap.
    demonym: bool,
    /// A mention of a generic service ("mobiltelefoni"): a common noun in a gap.
    service: bool,
    /// A word written with a capital (a German noun after an article).
    capitalised: bool,
    /// A word written as a name: a capital, then lower case ("May", not "NOT").
    name_cased: bool,
    /// Part of a partitive phrase ("one of the"): a modifier, though a preposition.
    partitive: bool,
    /// A place after a place preposition ("in Deutschland"): an adjunct that gaps may
    /// cross, though a mention.
    adjunct: bool,
    /// A mention of a place or of a generic service (a market): what a fronted phrase
    /// repeated in a gapped conjunct names.
    setting: bool,
}

/// Whether a negation starts at token `i`, not counting focus particles ("not only").
fn negation_at(lc: &LanguageConstructions, toks: &[Tok], i: usize) -> bool {
    !lc.negations.forward(toks, i).is_empty()
        && lc.focus_particles.forward(toks, i).is_empty()
        && !capitalised_inside(lc, toks, i)
}

/// Whether `toks[i]` is written as a name right after a word in lower case, in a
/// language that capitalises only names and months: "joined Telia in May" has no hedge;
/// a headline in title case and a word in capitals ("will NOT sell") keep theirs.
fn capitalised_inside(lc: &LanguageConstructions, toks: &[Tok], i: usize) -> bool {
    !lc.capitalises_nouns
        && i > 0
        && toks[i].name_cased
        && toks[i - 1].kind == TokKind::Word
        && !toks[i - 1].capitalised
        && toks[i - 1].lower.chars().all(char::is_alphabetic)
}

/// The tokens without a restrictive "ne ... que" ("only"): the particle negates nothing
/// and "que" opens no clause ("n'a lancé son offre que le 3 mai" states the launch). Not
/// where another negation stands between them ("n'a pas dit que").
fn drop_restrictive(mut toks: Vec<Tok>, lc: &LanguageConstructions) -> Vec<Tok> {
    if lc.restrictive_particles.is_empty() {
        return toks;
    }
    let mut i = 0;
    while i < toks.len() {
        if toks[i].kind == TokKind::Word && lc.restrictive_particles.contains(&toks[i].lower) {
            let marker = (i + 1..toks.len())
                .take_while(|&j| toks[j].lower != "," && !toks[j].boundary)
                .take_while(|&j| !negation_at(lc, &toks, j))
                .find(|&j| lc.restrictive_markers.contains(&toks[j].lower));
            if let Some(j) = marker {
                toks.remove(j);
                toks.remove(i);
                continue;
            }
        }
        i += 1;
    }
    toks
}

/// The tokens without a general noun that examples follow: "in several countries, such
/// as Germany, Italy and Spain" reads "in Germany, Italy and Spain", "plusieurs
/// opérateurs, dont Orange et SFR, ..." reads "Orange et SFR". The noun phrase (at most
/// five words, no name) starts the clause or follows a preposition; the examples are
/// names (each maybe after an article); after a word that is also a relative pronoun,
/// the clause's punctuation or a preposition must end them ("i selskapet som Telia eier"
/// is a relative clause).
fn drop_exemplifying(mut toks: Vec<Tok>, lc: &LanguageConstructions) -> Vec<Tok> {
    if lc.exemplifiers.is_empty() {
        return toks;
    }
    let article = |t: Option<&Tok>| {
        t.is_some_and(|t| t.kind == TokKind::Word && lc.articles.contains(&t.lower))
    };
    let mut i = 1;
    while i < toks.len() {
        let Some(len) = lc.exemplifiers.forward(&toks, i).into_iter().max() else {
            i += 1;
            continue;
        };
        // "bl.a.", "t.ex.": the abbreviation's last dot is a token of its own.
        let mut after = i + len;
        if toks[after - 1].lower.contains('.') && toks.get(after).is_some_and(|t| t.lower == ".") {
            after += 1;
        }
        // The examples: names joined by commas and coordinators.
        let mut j = after;
        let mut names = 0;
        loop {
            if article(toks.get(j)) {
                j += 1;
            }
            if !toks.get(j).is_some_and(|t| is_mention(t) && !t.demonym) {
                break;
            }
            names += 1;
            j += 1;
            let joins = toks
                .get(j)
                .is_some_and(|t| t.lower == "," || lc.coordinators.contains(&t.lower));
            let k = if article(toks.get(j + 1)) {
                j + 2
            } else {
                j + 1
            };
            if joins && toks.get(k).is_some_and(|t| is_mention(t) && !t.demonym) {
                j += 1;
            } else {
                break;
            }
        }
        // Where the word is also a relative pronoun ("som", "dont"), the list must end
        // there: "i selskapet som Telia eier" is a relative clause.
        let closed = lc.relative.forward(&toks, i).is_empty()
            || toks.get(j).is_none_or(|t| {
                t.kind == TokKind::Punct || t.boundary || lc.prepositions.contains(&t.lower)
            });
        // The general noun phrase before, back to a preposition or the clause start.
        let mut start = i;
        if toks[start - 1].lower == "," {
            start -= 1;
        }
        let mut words = 0;
        while start > 0
            && words < 5
            && (toks[start - 1].kind == TokKind::Word || toks[start - 1].demonym)
            && !lc.prepositions.contains(&toks[start - 1].lower)
            && !lc.coordinators.contains(&toks[start - 1].lower)
            && !toks[start - 1].boundary
        {
            start -= 1;
            words += 1;
        }
        let opens = start == 0
            || toks[start - 1].kind == TokKind::Punct
            || lc.prepositions.contains(&toks[start - 1].lower);
        if names == 0 || !closed || words == 0 || !opens {
            i += 1;
            continue;
        }
        toks.drain(start..after);
        i = start + 1;
    }
    toks
}

/// The tokens without the conjunction of an indirect question after a word of
/// investigating: "examines whether Orange abused its position" reads "examines Orange
/// abused ...", "prüft, ob die Telekom ..." reads "prüft die Telekom ...". The question
/// must start with a name (maybe after an article), the company it is about.
/// A statement's source inside a clause, after a word or a name ("som ifølge tilsynet har
/// priset ...", "which according to Ofcom overcharged ..."): the source preposition, maybe
/// an article, and the name it governs are dropped, so the clause's subject reaches its
/// verb. Not at a clause's start nor after a comma, where "ifølge Nkom" may be what a
/// reporting construction reads.
fn drop_sources(mut toks: Vec<Tok>, lc: &LanguageConstructions) -> Vec<Tok> {
    if lc.sources.is_empty() {
        return toks;
    }
    let mut i = 1;
    while i < toks.len() {
        let Some(len) = lc.sources.forward(&toks, i).into_iter().max() else {
            i += 1;
            continue;
        };
        let mut j = i + len;
        if toks
            .get(j)
            .is_some_and(|t| t.kind == TokKind::Word && lc.articles.contains(&t.lower))
        {
            j += 1;
        }
        let before_ok = toks[i - 1].kind == TokKind::Word || is_mention(&toks[i - 1]);
        if !(before_ok && toks.get(j).is_some_and(is_mention) && j + 1 < toks.len()) {
            i += 1;
            continue;
        }
        toks.drain(i..=j);
    }
    toks
}

fn drop_interrogative(mut toks: Vec<Tok>, lc: &LanguageConstructions) -> Vec<Tok> {
    if lc.interrogatives.is_empty() || lc.inquiry_ends.is_empty() {
        return toks;
    }
    let mut i = 1;
    while i < toks.len() {
        let Some(len) = lc.interrogatives.forward(&toks, i).into_iter().max() else {
            i += 1;
            continue;
        };
        let comma = toks[i - 1].lower == ",";
        let head = if comma { i.checked_sub(2) } else { Some(i - 1) };
        let inquiry =
            |h: usize| toks[h].kind == TokKind::Word && lc.inquiry_ends.contains(&toks[h].lower);
        // Or the inverted subject after it: "Seit März prüft das Bundeskartellamt, ob ...".
        let inverted = |h: usize| {
            is_mention(&toks[h])
                && (h.checked_sub(1).is_some_and(inquiry)
                    || h.checked_sub(2).is_some_and(|v| {
                        inquiry(v)
                            && toks[v + 1].kind == TokKind::Word
                            && lc.articles.contains(&toks[v + 1].lower)
                    }))
        };
        let after_inquiry = head.is_some_and(|h| inquiry(h) || inverted(h));
        let mut j = i + len;
        if toks
            .get(j)
            .is_some_and(|t| t.kind == TokKind::Word && lc.articles.contains(&t.lower))
        {
            j += 1;
        }
        let names = toks.get(j).is_some_and(|t| is_mention(t) && !t.demonym);
        if after_inquiry && names {
            let from = if comma { i - 1 } else { i };
            toks.drain(from..i + len);
            i = from + 1;
        } else {
            i += 1;
        }
    }
    toks
}

/// A subject pronoun of a reported clause stands for the speaker: "The Commission said
/// on Monday it would examine ..." reads "... the Commission would examine ...". The
/// speaker is a name right before the verb of saying (maybe after an auxiliary); between
/// the verb and the pronoun stand at most four words (no name, no comma but one right
/// after the verb); a conditional right after the pronoun is the future of the past.
fn resolve_reported_subject(mut toks: Vec<Tok>, lc: &LanguageConstructions) -> Vec<Tok> {
    if lc.speech_verbs.is_empty() || lc.pronouns.is_empty() {
        return toks;
    }
    let mut futures = Vec::new();
    for i in 2..toks.len() {
        if toks[i].kind != TokKind::Word || !lc.pronouns.contains(&toks[i].lower) {
            continue;
        }
        let Some(verb) = (i.saturating_sub(5)..i)
            .rev()
            .find(|&v| toks[v].kind == TokKind::Word && lc.speech_verbs.contains(&toks[v].lower))
        else {
            continue;
        };
        // A comma may follow the verb ("sagte, es würde ...").
        let between_ok = toks[verb + 1..i].iter().enumerate().all(|(j, t)| {
            (t.kind == TokKind::Word && (lc.complementizers.contains(&t.lower) || !t.boundary))
                || (j == 0 && t.lower == ",")
        });
        let mut s = verb;
        if s > 0
            && toks[s - 1].kind == TokKind::Word
            && lc
                .classes
                .get(&Class::Aux)
                .is_some_and(|c| c.forward(&toks, s - 1).contains(&1))
        {
            s -= 1;
        }
        // One speaker only: after a list ("BT and EE said they ...") the pronoun is all
        // of them.
        let speaker = s.checked_sub(1).filter(|&k| {
            is_mention(&toks[k])
                && !toks[k].demonym
                && toks[k].suffix.is_empty()
                && !(k > 0
                    && (toks[k - 1].lower == "," || lc.coordinators.contains(&toks[k - 1].lower)))
        });
        if let (true, Some(k)) = (between_ok, speaker) {
            let mut t = toks[k].clone();
            t.adjunct = false;
            toks[i] = t;
            // "said it would buy": an announced deal, not a hedge.
            if toks
                .get(i + 1)
                .is_some_and(|n| lc.reported_future.contains(&n.lower))
            {
                futures.push(i + 1);
            }
        }
    }
    for i in futures.into_iter().rev() {
        toks.remove(i);
    }
    toks
}

/// The tokens of a masked sentence after every reduction, in order: transparent adverbs,
/// the comma of a fronted subordinate clause put back, correlative coordination made
/// plain, restrictive "ne ... que", exemplifying nouns, reported-speech pronouns, a quoted
/// "we" and the conjunction of an indirect question.
fn reduced(masked: &str, mentions: &[Mention], lc: &LanguageConstructions) -> Vec<Tok> {
    let toks = drop_dateline(tokenize(masked, mentions), mentions);
    let toks = drop_adverbs(toks, lc);
    let toks = close_fronted_subordinate(toks, lc);
    let toks = plain_coordination(toks, lc);
    let toks = drop_restrictive(toks, lc);
    let toks = drop_exemplifying(toks, lc);
    let toks = drop_sources(toks, lc);
    let toks = resolve_reported_subject(toks, lc);
    let toks = resolve_quoted_we(toks, mentions, lc);
    let toks = resolve_remainder(toks, mentions, lc);
    drop_interrogative(toks, lc)
}

/// A dateline opening a body sentence of wire copy or a press release ("Malmö, 3 mars
/// 2020 – X meddelar ...", "Bonn (dpa) - Die Behörde ...", "OSLO (NTB): ..."): a place,
/// then a date or an agency in brackets, then a dash or a colon. It says where the text
/// was written, not where anyone runs a business: the sentence is read without it.
fn drop_dateline(mut toks: Vec<Tok>, mentions: &[Mention]) -> Vec<Tok> {
    /// Tokens a dateline may have between its place and its dash.
    const MAX_INSIDE: usize = 8;
    let place = |t: &Tok| {
        matches!(t.kind, TokKind::Mention(k) if mentions.get(k)
            .is_some_and(|m| m.etype == crate::knowledge::EntityType::Place))
    };
    if !toks.first().is_some_and(|t| place(t) && !t.demonym) {
        return toks;
    }
    let Some(dash) = toks.iter().take(MAX_INSIDE + 2).position(|t| {
        t.kind == TokKind::Punct && matches!(t.lower.as_str(), "–" | "—" | "-" | ":")
    }) else {
        return toks;
    };
    let inside = &toks[1..dash];
    // Digits of a date, not of a name ("Tele2").
    let dated = inside
        .iter()
        .any(|t| !is_mention(t) && (t.lower.chars().any(|c| c.is_ascii_digit()) || t.lower == "("));
    let opened = inside
        .first()
        .is_some_and(|t| t.kind == TokKind::Punct && matches!(t.lower.as_str(), "," | "("));
    if dated && opened && dash + 1 < toks.len() {
        toks.drain(..=dash);
    }
    toks
}

/// Correlative coordination as plain coordination (grammar `correlatives`): "Sowohl A als
/// auch B wollen ..." reads "A und B wollen ...", "Såväl A som B ..." reads "A och B ...".
/// Only between two names, the first word right before the first.
fn plain_coordination(mut toks: Vec<Tok>, lc: &LanguageConstructions) -> Vec<Tok> {
    if lc.correlatives.is_empty() || lc.coordinator.is_empty() {
        return toks;
    }
    let mut i = 0;
    while i + 3 < toks.len() {
        let at = i + 2;
        let second_at = |second: &[String]| {
            second.iter().enumerate().all(|(k, w)| {
                toks.get(at + k)
                    .is_some_and(|t| t.kind == TokKind::Word && t.lower == *w)
            }) && toks.get(at + second.len()).is_some_and(is_mention)
        };
        let pair = lc.correlatives.iter().find(|(first, second)| {
            toks[i].kind == TokKind::Word
                && toks[i].lower == *first
                && is_mention(&toks[i + 1])
                && second_at(second)
        });
        if let Some((_, second)) = pair {
            let mut and = toks[at].clone();
            and.lower = lc.coordinator.clone();
            and.capitalised = false;
            and.name_cased = false;
            toks.splice(at..at + second.len(), [and]);
            toks.remove(i);
            continue;
        }
        i += 1;
    }
    toks
}

/// Where the finite verb comes second, a subordinate clause opening the sentence ends
/// right before the main clause's verb, which its subject follows: "Efter att PTS gett
/// klartecken köper Tele2 ...", "Etter at avtalen ble godkjent kjøper Telenor ...". Many
/// writers leave out the comma there; it is put back before the first verb that stands
/// two words or more into the clause, after a word that is neither a name nor an
/// auxiliary ("efter att Telia köpt Get", "etter at selskapet har kjøpt Get" are the
/// clause's own verb) and before a name, so the main clause reads as after a comma.
fn close_fronted_subordinate(mut toks: Vec<Tok>, lc: &LanguageConstructions) -> Vec<Tok> {
    if !lc.v2 {
        return toks;
    }
    let Some(len) = lc.subordinators.forward(&toks, 0).into_iter().max() else {
        return toks;
    };
    let mention_at = |toks: &[Tok], k: usize| {
        toks.get(past_word_of(toks, k, &lc.articles))
            .is_some_and(|t| is_mention(t) && !t.demonym)
    };
    let mut j = len + 1;
    while j < toks.len() {
        let t = &toks[j];
        if t.kind == TokKind::Punct {
            return toks;
        }
        // The subordinate clause has its subject and at least one word more (its verb)
        // before the candidate, and, where the auxiliary comes before its verb, the word
        // before is no auxiliary of that verb ("etter at selskapet har kjøpt Get", "mens
        // konkurrentene kjøper Get"); a verb-final clause ends in its auxiliary ("nachdem
        // ... zugestimmt hatte übernahm Vodafone").
        if t.kind == TokKind::Word
            && j >= len + 2
            && toks[j - 1].kind == TokKind::Word
            && (lc.verb_final
                || lc
                    .classes
                    .get(&Class::Aux)
                    .is_none_or(|c| c.forward(&toks, j - 1).is_empty()))
            && verb_starts(&toks, j, lc)
            && mention_at(&toks, j + 1)
        {
            let mut comma = toks[j - 1].clone();
            comma.kind = TokKind::Punct;
            comma.lower = ",".to_string();
            comma.suffix = String::new();
            comma.capitalised = false;
            comma.name_cased = false;
            toks.insert(j, comma);
            return toks;
        }
        j += 1;
    }
    toks
}

/// "Eviny har 25 prosent i Nettfiber, medan Telia eig resten av aksjane": the rest of the
/// shares (grammar `remainder`, maybe with its number and percent word: "the remaining 51
/// per cent") is the organisation a stake named before it is in: the first one after the
/// sentence's first stake word, within seven tokens.
fn resolve_remainder(
    mut toks: Vec<Tok>,
    mentions: &[Mention],
    lc: &LanguageConstructions,
) -> Vec<Tok> {
    let number_at = |k: usize| {
        toks.get(k)
            .is_some_and(|t| t.lower.replace(',', ".").parse::<f64>().is_ok())
    };
    let Some((at, len)) = (0..toks.len()).find_map(|i| {
        lc.remainder
            .forward(&toks, i)
            .into_iter()
            .max()
            .or_else(|| {
                lc.remainder_share
                    .forward(&toks, i)
                    .into_iter()
                    .max()
                    .filter(|&len| number_at(i + len))
            })
            .map(|len| (i, len))
    }) else {
        return toks;
    };
    let Some(stake) = (0..at).find(|&i| {
        toks[i].lower == "%"
            || (toks[i].kind == TokKind::Word
                && (!lc.percent_words.forward(&toks, i).is_empty()
                    || lc.stake_words.compound_head(&toks[i].lower)))
    }) else {
        return toks;
    };
    let organisation = |t: &Tok| !t.demonym && is_org_mention(t, mentions);
    let Some(held) = (stake + 1..at.min(stake + 8)).find(|&k| organisation(&toks[k])) else {
        return toks;
    };
    // The stake is in the company named, by name: a partitive preposition right before it
    // (maybe a descriptor between: "20 prosent i fiberselskapet Vestnett") after a stake
    // or percent word; not its customers or its rival ("30 prosent av kundene til Ice",
    // "30 per cent of Digi's customers"), not a company it is a pronoun or noun for.
    let named = matches!(toks[held].kind, TokKind::Mention(m)
        if mentions.get(m).is_some_and(|m| m.origin != Origin::Anaphor));
    let mut k = held - 1;
    if k > stake
        && (toks[k].service
            || (toks[k].kind == TokKind::Word && !lc.prepositions.contains(&toks[k].lower)))
    {
        k -= 1;
    }
    let in_it = k > stake
        && toks[k].kind == TokKind::Word
        && lc.partitive_prepositions.contains(&toks[k].lower)
        && (toks[k - 1].lower == "%"
            || !lc.percent_words.backward(&toks, k).is_empty()
            || lc.stake_words.compound_head(&toks[k - 1].lower));
    if !named || !toks[held].suffix.is_empty() || !in_it {
        return toks;
    }
    // The rest is a majority only after a minority stake; it is none where a part of it
    // is held ("halvparten av resten") or where several share it ("resten eies av Tele2,
    // Ice og Lyse", "Axiata and EPF own the rest").
    let part_of_it = at > 0
        && lc
            .classes
            .get(&Class::Of)
            .is_some_and(|of| !of.backward(&toks, at).is_empty());
    let clause_start = toks[..at]
        .iter()
        .rposition(|t| {
            matches!(t.lower.as_str(), "," | ";")
                || t.boundary
                || t.relative
                || (t.kind == TokKind::Word && lc.coordinators.contains(&t.lower))
        })
        .map_or(0, |c| c + 1);
    // A holder coordinated before the clause's start ("Axiata and EPF own the rest").
    let coordinated_before = clause_start >= 2
        && lc.coordinators.contains(&toks[clause_start - 1].lower)
        && clause_start - 2 != held
        && organisation(&toks[clause_start - 2]);
    let holders = usize::from(coordinated_before)
        + toks[clause_start..]
            .iter()
            .enumerate()
            .filter(|&(i, t)| !(at..at + len).contains(&(clause_start + i)) && organisation(t))
            .count();
    if !minority_share(&toks[..held], lc) || part_of_it || holders > 1 {
        return toks;
    }
    // Where the verb comes second, a remainder opening its clause may be the fronted
    // object ("den Rest besitzt Liberty Global"): read only as a passive's subject, with
    // its agent after it ("resten av aksjene eies av Eviny").
    let opens_clause = at == 0
        || matches!(toks[at - 1].lower.as_str(), "," | ";")
        || lc.coordinators.contains(&toks[at - 1].lower)
        || toks[at - 1].relative
        || toks[at - 1].boundary;
    let agent_follows = lc.classes.get(&Class::By).is_some_and(|by| {
        (at + len..(at + len + 4).min(toks.len())).any(|k| !by.forward(&toks, k).is_empty())
    });
    if lc.v2 && opens_clause && !agent_follows {
        return toks;
    }
    // The remainder's own number and percent word ("the remaining 51 per cent"): a
    // majority, or no owner ("de resterende 30 prosentene" after another minority).
    let mut end = at + len;
    if let Some(share) = toks
        .get(end)
        .and_then(|t| t.lower.replace(',', ".").parse::<f64>().ok())
    {
        if share <= 50.0 {
            return toks;
        }
        if let Some(&p) = lc.percent_words.forward(&toks, end + 1).first() {
            end += 1 + p;
        }
    }
    // "resten av markedet", "the rest of Europe": the rest of something else.
    if lc
        .classes
        .get(&Class::Of)
        .is_some_and(|of| !of.forward(&toks, end).is_empty())
    {
        return toks;
    }
    let mut company = toks[held].clone();
    company.suffix.clear();
    company.adjunct = false;
    toks.splice(at..end, [company]);
    toks
}

/// "We" in a quote is the speaker's organisation, named after the verb of saying: "– Vi
/// bygger ut fiber i fylket, sier daglig leder i Enivest, Kari Nordmann" reads "Enivest
/// bygger ut fiber ...", "“We will launch 5G,” said Telenor's chief executive" reads
/// "Telenor will launch 5G". The first organisation after the verb is the speaker's.
fn resolve_quoted_we(
    mut toks: Vec<Tok>,
    mentions: &[Mention],
    lc: &LanguageConstructions,
) -> Vec<Tok> {
    if lc.speaker_subjects.is_empty() {
        return toks;
    }
    let first_person = |t: &Tok| {
        t.kind == TokKind::Word
            && (lc.speaker_subjects.contains(&t.lower) || lc.speaker_possessives.contains(&t.lower))
    };
    let Some(first_we) = toks.iter().position(first_person) else {
        return toks;
    };
    // The verb of saying closes the quote: punctuation stands right before it ("…,” said
    // X", "…, sier X").
    let Some(verb) = (first_we + 1..toks.len()).find(|&v| {
        toks[v].kind == TokKind::Word
            && lc.speech_verbs.contains(&toks[v].lower)
            && toks[v - 1].kind == TokKind::Punct
    }) else {
        return toks;
    };
    let organisation =
        (verb + 1..toks.len()).find(|&k| !toks[k].demonym && is_org_mention(&toks[k], mentions));
    let Some(k) = organisation else {
        return toks;
    };
    let mut speaker = toks[k].clone();
    speaker.suffix.clear();
    speaker.adjunct = false;
    let mut genitive = speaker.clone();
    genitive.suffix = "s".to_string();
    for t in &mut toks[first_we..verb] {
        if t.kind == TokKind::Word && lc.speaker_subjects.contains(&t.lower) {
            *t = speaker.clone();
        } else if t.kind == TokKind::Word && lc.speaker_possessives.contains(&t.lower) {
            *t = genitive.clone();
        }
    }
    toks
}

/// Whether the tokens name a share below half: a number under 50 right before a word of
/// a percentage (grammar `percent_words`: "30 prosent", "49,9 %", "30 per cent"); "12
/// million shares" is no share of the company.
fn minority_share(toks: &[Tok], lc: &LanguageConstructions) -> bool {
    toks.iter().enumerate().any(|(i, t)| {
        // "en minoritetspost i", "a minority stake in", "eine Minderheitsbeteiligung an".
        if t.kind == TokKind::Word
            && lc
                .minority_stems
                .iter()
                .any(|m| t.lower.contains(m.as_str()))
        {
            return true;
        }
        let below_half = t
            .lower
            .trim_end_matches('%')
            .replace(',', ".")
            .parse::<f64>()
            .is_ok_and(|v| v < 50.0);
        // "%" stands as punctuation: it is matched as it is written.
        let percent = t.lower.ends_with('%')
            || toks.get(i + 1).is_some_and(|n| n.lower == "%")
            || !lc.percent_words.forward(toks, i + 1).is_empty();
        below_half && percent
    })
}

/// The tokens without the language's transparent adverbs, except where one opens the
/// sentence or follows punctuation (a fronted adverb is the V2 clause's first constituent);
/// adverbials of several words and a year after a place preposition ("i 2019") likewise
/// inside the clause, and not next to a coordinator.
fn drop_adverbs(toks: Vec<Tok>, lc: &LanguageConstructions) -> Vec<Tok> {
    // An adverb inside a coordinator ("but also", "sondern auch", "men også") stays.
    let and = lc.classes.get(&Class::And);
    let keep: Vec<bool> = (0..toks.len())
        .map(|i| i > 0 && and.is_some_and(|c| c.forward(&toks, i - 1).iter().any(|&l| l >= 2)))
        .collect();
    // Tokens of adverbials of several words ("i dag"), where one stands inside the clause.
    // So is a year after a place preposition ("ble i 2013 kjøpt av", "was sold in 2019 to").
    let year = |t: &Tok| t.kind == TokKind::Word && crate::text::is_year(&t.lower);
    // Next to a coordinator the adverbial closes or opens a clause of its own ("Telia
    // bought Get in 2018 and Telenor bought DNA"): it stays, so no list is read across.
    let coordinator = |k: usize| {
        toks.get(k)
            .is_some_and(|t| t.kind == TokKind::Word && lc.coordinators.contains(&t.lower))
    };
    let mut phrase = vec![false; toks.len()];
    let mut i = 1;
    while i < toks.len() {
        let inside = toks[i - 1].kind != TokKind::Punct && toks[i].kind == TokKind::Word;
        let len = lc
            .transparent_phrases
            .forward(&toks, i)
            .first()
            .copied()
            .or_else(|| {
                (lc.place_prepositions.contains(&toks[i].lower)
                    && toks.get(i + 1).is_some_and(year))
                .then_some(2)
            });
        match len {
            Some(len) if inside && !coordinator(i - 1) && !coordinator(i + len) => {
                phrase[i..i + len].iter_mut().for_each(|p| *p = true);
                i += len;
            }
            _ => i += 1,
        }
    }
    let mut out: Vec<Tok> = Vec::with_capacity(toks.len());
    for ((t, keep), phrase) in toks.into_iter().zip(keep).zip(phrase) {
        let opens = out.last().is_none_or(|p| p.kind == TokKind::Punct);
        if phrase
            || (t.kind == TokKind::Word
                && !opens
                && !keep
                && lc.transparent_adverbs.contains(&t.lower))
        {
            continue;
        }
        out.push(t);
    }
    out
}

/// Splits plain text into (lower-case word, is punctuation) tokens: words keep inner
/// hyphens, apostrophes, dots and digits ("e.on", "1&1", "d'affaires" stays one);
/// punctuation around them stands apart.
fn tokenize_plain(text: &str) -> Vec<(String, bool)> {
    let mut out = Vec::new();
    for raw in text.split_whitespace() {
        let is_edge = |c: char| {
            matches!(
                c,
                '.' | ','
                    | ';'
                    | ':'
                    | '!'
                    | '?'
                    | '('
                    | ')'
                    | '"'
                    | '«'
                    | '»'
                    | '“'
                    | '”'
                    | '„'
                    | '['
                    | ']'
                    | '–'
                    | '—'
            )
        };
        let lead: Vec<char> = raw.chars().take_while(|c| is_edge(*c)).collect();
        let rest = &raw[lead.iter().map(|c| c.len_utf8()).sum::<usize>()..];
        let core = rest.trim_end_matches(is_edge);
        let trail = &rest[core.len()..];
        for c in lead {
            out.push((c.to_string(), true));
        }
        if !core.is_empty() {
            let punct = core.chars().all(|c| !c.is_alphanumeric());
            let mut lower = core.to_lowercase();
            if lower.contains('’') {
                lower = lower.replace('’', "'");
            }
            // An elided article or pronoun is a word of its own ("l'acquisition",
            // "d'acquérir", "qu'il"): one or two letters, an apostrophe, then a word, or
            // one of the one-letter words elision meets ("qu'a racheté", "l'a", "s'y"; not
            // the English "it's", "don't").
            let elided = lower.find('\'').filter(|&i| {
                let rest = &lower[i + 1..];
                (1..=3).contains(&i)
                    && lower[..i].chars().all(char::is_alphabetic)
                    && (rest.chars().filter(|c| c.is_alphabetic()).count() >= 2
                        || matches!(rest, "a" | "y" | "à"))
            });
            match elided {
                Some(i) if !punct => {
                    out.push((lower[..=i].to_string(), false));
                    out.push((lower[i + 1..].to_string(), false));
                }
                _ => out.push((lower, punct)),
            }
        }
        for c in trail.chars() {
            out.push((c.to_string(), true));
        }
    }
    out
}

/// Tokens of a masked sentence (mentions as `\u{E000}i\u{E001}`).
fn tokenize(masked: &str, mentions: &[Mention]) -> Vec<Tok> {
    let mut out = Vec::new();
    for raw in masked.split(' ').filter(|w| !w.is_empty()) {
        if let Some(open) = raw.find(OPEN) {
            // Punctuation before the mention ("(Telenor").
            for (w, _) in tokenize_plain(&raw[..open]) {
                out.push(Tok {
                    kind: TokKind::Punct,
                    lower: w,
                    suffix: String::new(),
                    boundary: false,
                    relative: false,
                    demonym: false,
                    service: false,
                    capitalised: false,
                    name_cased: false,
                    partitive: false,
                    adjunct: false,
                    setting: false,
                });
            }
            let after = &raw[open + OPEN.len_utf8()..];
            let Some(close) = after.find(CLOSE) else {
                continue;
            };
            let Ok(index) = after[..close].parse::<usize>() else {
                continue;
            };
            let glued = &after[close + CLOSE.len_utf8()..];
            // "s", "'s", ":s", "-sjef" stay with the mention; punctuation after it stands apart.
            let trimmed = glued.trim_end_matches(|c: char| {
                matches!(
                    c,
                    '.' | ',' | ';' | ':' | '!' | '?' | ')' | '"' | '»' | '”' | ']'
                )
            });
            let (suffix, trail) =
                if trimmed.is_empty() || trimmed.starts_with(['s', '\'', '’', ':', '-']) {
                    (trimmed, &glued[trimmed.len()..])
                } else {
                    ("", glued)
                };
            // An anaphor ("operatøren") or a service compound ("mobil-spillerne") is also the
            // noun it is made of, for the parts.
            let anaphor = mentions
                .get(index)
                .filter(|m| {
                    m.origin == Origin::Anaphor
                        || matches!(m.reference, super::Reference::Service(_))
                })
                .map(|m| m.surface.to_lowercase())
                .unwrap_or_default();
            // A service glued to a noun is that noun's compound ("Roaming-Abkommen",
            // "5G-Netz"): the parts see the whole word, its head last.
            let is_service = mentions
                .get(index)
                .is_some_and(|m| matches!(m.reference, super::Reference::Service(_)));
            let anaphor = match suffix.strip_prefix('-') {
                Some(head)
                    if is_service
                        && head.chars().next().is_some_and(char::is_alphabetic)
                        && head.chars().all(|c| c.is_alphabetic() || c == '-') =>
                {
                    format!("{anaphor}-{}", head.to_lowercase())
                }
                _ => anaphor,
            };
            out.push(Tok {
                kind: TokKind::Mention(index),
                lower: anaphor,
                suffix: {
                    // A service compound ("5G-utbygging") keeps its last part as the
                    // compound tail, as a name glued to a noun does ("E-Plus-Übernahme").
                    let service_tail = mentions
                        .get(index)
                        .filter(|m| matches!(m.reference, super::Reference::Service(_)))
                        .and_then(|m| m.surface.rsplit_once('-'))
                        .filter(|(head, tail)| {
                            !head.is_empty()
                                && !tail.is_empty()
                                && tail.chars().all(char::is_alphabetic)
                        })
                        .map(|(_, tail)| format!("-{}", tail.to_lowercase()));
                    match service_tail {
                        Some(tail) if suffix.is_empty() => tail,
                        _ => suffix.to_lowercase().replace('’', "'"),
                    }
                },
                boundary: false,
                relative: false,
                // A place glued to a participle or adjective is a nationality-like
                // modifier ("Hong Kong-based", "Oslo-baserte", "Kiel-ansässige").
                demonym: mentions.get(index).is_some_and(|m| {
                    m.origin == Origin::Demonym
                        || (m.etype == crate::knowledge::EntityType::Place
                            && suffix.strip_prefix('-').is_some_and(|w| {
                                w.len() >= 4 && w.chars().all(|c| c.is_lowercase())
                            }))
                }),
                service: mentions
                    .get(index)
                    .is_some_and(|m| matches!(m.reference, super::Reference::Service(_))),
                capitalised: false,
                name_cased: false,
                partitive: false,
                adjunct: false,
                setting: mentions.get(index).is_some_and(|m| {
                    m.etype == crate::knowledge::EntityType::Place
                        || matches!(m.reference, super::Reference::Service(_))
                }),
            });
            for (w, punct) in tokenize_plain(trail) {
                out.push(Tok {
                    kind: if punct { TokKind::Punct } else { TokKind::Word },
                    lower: w,
                    suffix: String::new(),
                    boundary: false,
                    relative: false,
                    demonym: false,
                    service: false,
                    capitalised: false,
                    name_cased: false,
                    partitive: false,
                    adjunct: false,
                    setting: false,
                });
            }
        } else {
            let capitalised = raw
                .chars()
                .find(|c| c.is_alphabetic())
                .is_some_and(char::is_uppercase);
            for (w, punct) in tokenize_plain(raw) {
                out.push(Tok {
                    kind: if punct { TokKind::Punct } else { TokKind::Word },
                    // tokenize_plain has made typographic apostrophes plain.
                    lower: w,
                    suffix: String::new(),
                    boundary: false,
                    relative: false,
                    demonym: false,
                    service: false,
                    capitalised: capitalised && !punct,
                    name_cased: !punct && crate::text::name_cased(raw),
                    partitive: false,
                    adjunct: false,
                    setting: false,
                });
            }
        }
    }
    out
}

/// Cuts a sentence's tokens into clauses: relative clauses after a mention become
/// clauses of their own, headed by their antecedent; subordinating conjunctions and
/// semicolons are marked as boundaries.
/// Whether the word of `len` tokens at `i` is the predicative "som"/"as" of an object
/// ("har Telenor som største eier"): up to three modifiers, then a relational noun that
/// ends the clause or stands before a preposition ("som eier GlobalConnect" is a relative
/// clause with the verb "eier").
fn predicative_at(lc: &LanguageConstructions, toks: &[Tok], i: usize, len: usize) -> bool {
    let is_as = lc
        .classes
        .get(&Class::As)
        .is_some_and(|p| p.forward(toks, i).contains(&len));
    if !is_as {
        return false;
    }
    // After a comitative phrase, before a word that is no verb, it opens that name's
    // predicative ("Med Ericsson som partner kan vi ...", "with Ericsson as partner"); a
    // verb after it opens a relative clause ("avtale med Ericsson som skal levere ...").
    if i >= 1
        && is_mention(&toks[i - 1])
        && !verb_starts(toks, i + len, lc)
        && lc
            .classes
            .get(&Class::With)
            .is_some_and(|w| !w.backward(toks, i - 1).is_empty())
    {
        return true;
    }
    let relational = |t: &Tok| {
        t.kind == TokKind::Word
            && (lc
                .index
                .get(t.lower.as_str())
                .is_some_and(|parts| parts.iter().any(|&(_, p)| p == Part::Relational))
                || lc
                    .compound_tails(&t.lower)
                    .iter()
                    .any(|&(_, p)| p == Part::Relational))
    };
    let ends = |k: usize| {
        toks.get(k).is_none_or(|t| {
            t.kind == TokKind::Punct || t.boundary || lc.prepositions.contains(&t.lower)
        })
    };
    // "tillträdde X som (ny) vd för Y": a role title right after it, or after one
    // modifier, is the predicative, unless the word is also a verb ("som leder Y").
    let title_at = |k: usize| {
        toks.get(k)
            .filter(|t| t.kind == TokKind::Word && !verb_starts(toks, k, lc))
            .and_then(|t| {
                lc.titles
                    .forward(toks, k)
                    .into_iter()
                    .max()
                    .or_else(|| lc.titles.compound_head(&t.lower).then_some(1))
            })
            .is_some_and(|len| ends(k + len))
    };
    let modifier_at = |j: usize| {
        toks.get(j).is_some_and(|t| {
            t.kind == TokKind::Word
                && !t.capitalised
                && !verb_starts(toks, j, lc)
                && !lc.prepositions.contains(&t.lower)
        })
    };
    if title_at(i + len) || (modifier_at(i + len) && title_at(i + len + 1)) {
        return true;
    }
    (i + len..(i + len + 4).min(toks.len())).any(|k| {
        relational(&toks[k])
            && ends(k + 1)
            && (i + len..k).all(|j| {
                // Only determiners and adjectives of rank between: any other word may be
                // the relative clause's verb ("som forblir et datterselskap av").
                let w = toks[j].lower.as_str();
                toks[j].kind == TokKind::Word
                    && !verb_starts(toks, j, lc)
                    && (lc.articles.contains(w)
                        || lc.indefinite_articles.contains(w)
                        || lc.possessives.contains(w)
                        || lc.large_holder_words.contains(w)
                        || lc.number_words.contains(w)
                        || lc
                            .superlative_endings
                            .iter()
                            .any(|e| w.ends_with(e.as_str())))
            })
    })
}

fn clauses(mut toks: Vec<Tok>, lc: &LanguageConstructions) -> Vec<Vec<Tok>> {
    // A name followed by a possessive is a genitive ("Telenor sin konsernsjef"): the
    // possessive goes and the name takes the genitive's place.
    let mut k = 0;
    while k + 1 < toks.len() {
        if is_mention(&toks[k])
            && toks[k].suffix.is_empty()
            && toks[k + 1].kind == TokKind::Word
            && lc.possessives.contains(&toks[k + 1].lower)
        {
            toks[k].suffix = "s".into();
            toks.remove(k + 1);
        }
        k += 1;
    }
    let mut i = 0;
    while i < toks.len() {
        if toks[i].kind == TokKind::Punct && toks[i].lower == ";" {
            toks[i].boundary = true;
        }
        if let Some(len) = lc.subordinators.forward(&toks, i).first().copied() {
            for t in &mut toks[i..i + len] {
                t.boundary = true;
            }
            i += len;
            continue;
        }
        i += 1;
    }
    let mut out = Vec::new();
    let mut main: Vec<Tok> = Vec::new();
    let mut i = 0;
    while i < toks.len() {
        let rel_len = if toks[i].kind == TokKind::Word {
            lc.relative.forward(&toks, i).first().copied()
        } else {
            None
        };
        // The antecedent: a mention list right before (a comma or dash between).
        let mut ante_end = main.len();
        let after_comma =
            ante_end > 0 && matches!(main[ante_end - 1].lower.as_str(), "," | "-" | "–" | "—");
        if after_comma {
            ante_end -= 1;
        }
        let mut antecedent = ante_end > 0 && matches!(main[ante_end - 1].kind, TokKind::Mention(_));
        // The noun of an apposition stands for the name it describes: "Netcom, et
        // mobilselskap som Telia eier" and "Y, a budget brand that X owns" relate Y.
        // So does an apposition's service descriptor ("EE, the mobile operator that BT
        // Group has owned since 2016" relates EE).
        let mut described = None;
        let descriptor_last = ante_end > 0 && main[ante_end - 1].service;
        if !after_comma && rel_len.is_some() && (!antecedent || descriptor_last) {
            if let Some(name) = apposition_name(&main, lc) {
                antecedent = true;
                described = Some(name);
            }
        }
        // A relative pronoun that is also an article ("die", "das") opens a relative clause
        // only after a comma, as German writes it; elsewhere it is an article, and so it is
        // before a noun where nouns are capitalised ("T-Mobile, die Tochter der Telekom").
        let is_article = lc.articles.contains(&toks[i].lower);
        // Before a noun, maybe after lower-case modifiers ("die beiden Konkurrenten der
        // Swisscom"), in a stretch that does not end in a lower-case word: a relative
        // clause ends in its verb ("die bereits 300.000 Haushalte versorgt").
        let rest = toks.get(i + 1..).unwrap_or(&[]);
        let stretch_end = rest
            .iter()
            .position(|t| t.lower == "," || t.boundary || t.kind == TokKind::Punct)
            .unwrap_or(rest.len());
        let ends_in_verb = rest[..stretch_end]
            .last()
            .is_some_and(|t| t.kind == TokKind::Word && !t.capitalised);
        let before_noun = lc.capitalises_nouns
            && !ends_in_verb
            && rest
                .iter()
                .filter(|t| !t.demonym)
                .take(3)
                .find(|t| {
                    !(t.kind == TokKind::Word
                        && !t.capitalised
                        && !lc.verb_words.contains(&t.lower)
                        && !lc.prepositions.contains(&t.lower))
                })
                .is_some_and(|t| t.kind == TokKind::Word && t.capitalised);
        let rel_len = rel_len.filter(|_| !is_article || (after_comma && !before_noun));
        // "har Telenor som største eier": a relative pronoun that also introduces an object's
        // predicative does so before a relational noun (maybe after modifiers) that ends
        // the clause or stands before a preposition; no verb comes between.
        let rel_len = rel_len.filter(|&len| !predicative_at(lc, &toks, i, len));
        match rel_len {
            Some(len) if antecedent => {
                let mut action_head: Option<Vec<Tok>> = None;
                let mut clause: Vec<Tok> = match described {
                    Some(name) => vec![main[name].clone()],
                    None => {
                        let mut ante_start = ante_end - 1;
                        while ante_start >= 2
                            && (lc.coordinators.contains(&main[ante_start - 1].lower)
                                || main[ante_start - 1].lower == ",")
                            && matches!(main[ante_start - 2].kind, TokKind::Mention(_))
                        {
                            ante_start -= 2;
                        }
                        // An object relative clause after the object of an action noun may
                        // be about the action ("Oppkjøpet av Phonero, som Ice gjennomførte i
                        // fjor": Ice carried out the takeover): it is read a second time with
                        // the noun and its preposition before it, for the support verb's
                        // templates.
                        if ante_start >= 2
                            && main[ante_start - 1].kind == TokKind::Word
                            && lc.prepositions.contains(&main[ante_start - 1].lower)
                            && main[ante_start - 2].kind == TokKind::Word
                            && lc.action_nouns.compound_head(&main[ante_start - 2].lower)
                            && toks.get(i + len).is_some_and(is_mention)
                        {
                            action_head = Some(main[ante_start - 2..ante_start].to_vec());
                        }
                        main[ante_start..ante_end].to_vec()
                    }
                };
                for t in &mut toks[i..i + len] {
                    t.relative = true;
                }
                clause.extend(toks[i..i + len].iter().cloned());
                let mut j = i + len;
                while j < toks.len()
                    && !(toks[j].kind == TokKind::Punct
                        && matches!(
                            toks[j].lower.as_str(),
                            "," | ";" | "-" | "–" | "—" | "(" | ")"
                        )
                        && !list_comma(&toks, j, lc))
                    && !toks[j].boundary
                {
                    clause.push(toks[j].clone());
                    j += 1;
                }
                // A predicate coordinated inside the relative clause has its antecedent too
                // ("Kari Østby, som tidligere ledet Phonero og nå er direktør i Ice": Ice is
                // hers now, the past marker stays with Phonero): the first predicate's phrase
                // has words of its own, the second opens with a verb, or ends in one where
                // subordinate clauses end in their verb ("der früher 1&1 leitete und jetzt
                // Vorstandschef von M-net ist").
                let rel_end = clause.iter().rposition(|t| t.relative).map_or(0, |r| r + 1);
                let ends_in_verb = |clause: &[Tok]| {
                    let last = clause
                        .iter()
                        .rposition(|t| t.kind == TokKind::Word)
                        .unwrap_or(0);
                    lc.verb_final && last > 0 && verb_starts(clause, last, lc)
                };
                if rel_end > 0 {
                    if let Some(c) = (rel_end + 2..clause.len()).find(|&c| {
                        clause[c].kind == TokKind::Word
                            && !clause[c].boundary
                            && lc.coordinators.contains(&clause[c].lower)
                            && (verb_starts(&clause, c + 1, lc)
                                || (ends_in_verb(&clause[c..])
                                    && !clause.get(c + 1).is_some_and(is_mention)
                                    && verb_starts(&clause, c - 1, lc)))
                    }) {
                        let mut second = clause[..rel_end].to_vec();
                        second.extend(clause[c + 1..].iter().cloned());
                        clause.truncate(c);
                        out.push(second);
                    }
                }
                if let Some(mut head) = action_head {
                    head.extend(clause.iter().cloned());
                    out.push(head);
                }
                out.push(clause);
                // The main clause goes on after the relative clause and its closing comma.
                main.truncate(ante_end);
                i = if j < toks.len() && matches!(toks[j].lower.as_str(), "," | "-" | "–" | "—")
                {
                    j + 1
                } else {
                    j
                };
            }
            Some(len) if !is_article => {
                for t in &mut toks[i..i + len] {
                    t.boundary = true;
                }
                main.extend(toks[i..i + len].iter().cloned());
                i += len;
            }
            Some(len) => {
                main.extend(toks[i..i + len].iter().cloned());
                i += len;
            }
            None => {
                main.push(toks[i].clone());
                i += 1;
            }
        }
    }
    gapped_conjuncts(&mut main, &mut out, lc);
    adversative_objects(&mut main, &mut out, lc);
    coordinated_predicates(&mut main, &mut out, lc);
    out.insert(0, main);
    out
}

/// `i`, or the token after it where `toks[i]` is a word of `words` (an article, a
/// coordinator).
fn past_word_of(toks: &[Tok], i: usize, words: &HashSet<String>) -> usize {
    i + usize::from(
        toks.get(i)
            .is_some_and(|t| t.kind == TokKind::Word && words.contains(&t.lower)),
    )
}

/// A conjunct that repeats the fronted phrase with another name and leaves the verb out
/// (gapping) says with it what the first clause says: "I Stockholm konkurrerar Bahnhof
/// främst med Telia, i Göteborg med Tele2" also reads "i Göteborg konkurrerar Bahnhof med
/// Tele2"; "In Köln konkurriert NetCologne mit Vodafone, in Hamburg Wilhelm.Tel mit der
/// Telekom"; "I Rogaland utfordres Telenor av Lyse, i Oslo Telia av Ice"; "På
/// mobilmarkedet er TDCs største rival Telenor, på bredbåndsmarkedet Norlys". The clause
/// opens with a preposition and a mention (maybe a comma after it); after a comma or
/// semicolon (maybe a coordinator) the same shape comes back with no verb after it. The
/// rest of the conjunct replaces the first clause's part from the same preposition on, its
/// subject, or its last name; the main clause ends before the conjunct.
fn gapped_conjuncts(main: &mut Vec<Tok>, out: &mut Vec<Vec<Tok>>, lc: &LanguageConstructions) {
    // A preposition and a mention, maybe an article between, maybe a comma after: the end.
    let fronted = |i: usize| -> Option<usize> {
        let t = main.get(i)?;
        if t.kind != TokKind::Word || !lc.prepositions.contains(&t.lower) {
            return None;
        }
        let k = past_word_of(main, i + 1, &lc.articles);
        main.get(k).filter(|m| is_mention(m) && m.setting)?;
        Some(if main.get(k + 1).is_some_and(|c| c.lower == ",") {
            k + 2
        } else {
            k + 1
        })
    };
    let Some(first_end) = fronted(0) else {
        return;
    };
    // The conjunct: a comma or semicolon, maybe a coordinator, then the fronted shape.
    let Some((cut, second, second_end)) = (first_end + 2..main.len()).find_map(|c| {
        if !matches!(main[c].lower.as_str(), "," | ";") {
            return None;
        }
        let at = past_word_of(main, c + 1, &lc.coordinators);
        fronted(at).map(|e| (c, at, e))
    }) else {
        return;
    };
    let rest1 = &main[first_end..cut];
    let rest2: Vec<Tok> = main[second_end..]
        .iter()
        .take_while(|t| t.lower != "." && !t.boundary)
        .cloned()
        .collect();
    // No verb of its own, and a name to say something of.
    if rest2.is_empty()
        || !rest2.iter().any(is_mention)
        || (0..rest2.len()).any(|i| verb_starts(&rest2, i, lc))
        || rest2
            .iter()
            .any(|t| t.kind == TokKind::Word && lc.verb_words.contains(&t.lower))
    {
        return;
    }
    let mentions1: Vec<usize> = (0..rest1.len())
        .filter(|&i| is_mention(&rest1[i]))
        .collect();
    let Some(&last1) = mentions1.last() else {
        return;
    };
    let mut clause: Vec<Tok> = main[second..second_end].to_vec();
    if rest2.len() == 1 {
        // Only a name: it stands where the first clause's last name stood.
        clause.extend(rest1[..last1].iter().cloned());
        clause.extend(rest2.iter().cloned());
        clause.extend(rest1[last1 + 1..].iter().cloned());
    } else if rest2[0].kind == TokKind::Word {
        // "med Tele2": from the same word of the first clause on.
        let Some(j) = (0..rest1.len())
            .rev()
            .find(|&j| rest1[j].lower == rest2[0].lower)
        else {
            return;
        };
        clause.extend(rest1[..j].iter().cloned());
        clause.extend(rest2.iter().cloned());
    } else {
        // "Wilhelm.Tel mit der Telekom": a subject of its own, then the word it keeps.
        let first_mention = mentions1[0];
        let Some(w) = rest2.get(1).filter(|t| t.kind == TokKind::Word) else {
            return;
        };
        let Some(j) = (first_mention + 1..rest1.len())
            .rev()
            .find(|&j| rest1[j].lower == w.lower)
        else {
            return;
        };
        clause.extend(rest1[..first_mention].iter().cloned());
        clause.push(rest2[0].clone());
        clause.extend(rest1[first_mention + 1..j].iter().cloned());
        clause.extend(rest2[1..].iter().cloned());
    }
    main.truncate(cut);
    out.push(clause);
}

/// Whether the match's object is a service named by a business unit ("mobilforretningen",
/// "Kabelgeschäft"; lexicon `service_unit_tails`).
fn unit_object(
    lc: &LanguageConstructions,
    clause: &[Tok],
    b: &Bindings,
    mentions: &[Mention],
) -> bool {
    let Some((ys, ye)) = b.y else {
        return false;
    };
    clause[ys..ye].iter().any(|t| match t.kind {
        TokKind::Mention(k) if t.service => mentions.get(k).is_some_and(|m| {
            let surface = crate::text::lower_case(&m.surface);
            lc.unit_tails
                .iter()
                .any(|u| surface.len() > u.len() && surface.ends_with(u.as_str()))
        }),
        _ => false,
    })
}

/// The mention or coordinated list that opens a clause (maybe after an article): its token
/// range, `None` where the clause opens otherwise.
fn opening_subject(main: &[Tok], lc: &LanguageConstructions) -> Option<(usize, usize)> {
    let start = usize::from(
        main.first()
            .is_some_and(|t| t.kind == TokKind::Word && lc.articles.contains(&t.lower)),
    );
    if !main.get(start).is_some_and(is_mention) {
        return None;
    }
    let mut end = start + 1;
    while end + 1 < main.len()
        && (lc.coordinators.contains(&main[end].lower) || main[end].lower == ",")
        && is_mention(&main[end + 1])
    {
        end += 2;
    }
    Some((start, end))
}

/// The positive object after a denied one takes the clause's subject and verb: "Bahnhof
/// säljer varken tv-paket eller fast telefoni utan satsar ..." aside, "Sosh ne propose
/// aucune offre de télévision, mais uniquement des forfaits mobiles", "Sky Mobile sells
/// SIM-only plans but no broadband" keep "Sosh propose des forfaits mobiles". The clause
/// opens with its subject (a mention or list) and a verb; a negation stands after the
/// verb and before an adversative ("men", "but", "mais", "utan", "sondern"), which no verb
/// follows. The part after the adversative becomes subject + verb + that part; the main
/// clause ends before it.
fn adversative_objects(main: &mut Vec<Tok>, out: &mut Vec<Vec<Tok>>, lc: &LanguageConstructions) {
    let Some((start, end)) = opening_subject(main, lc) else {
        return;
    };
    // Auxiliaries and negations before the verb go with it ("har aldri tilbudt", "does
    // not sell"); the verb is one of a relation's.
    let mut verb = end;
    while verb < main.len()
        && main[verb].kind == TokKind::Word
        && (lc.verb_words.contains(&main[verb].lower)
            || negation_at(lc, main, verb)
            || lc.restrictive_particles.contains(&main[verb].lower))
    {
        verb += 1;
    }
    if !verb_starts(main, verb, lc) || lc.verb_words.contains(&main[verb].lower) {
        return;
    }
    let verb_end = verb + 1;
    let Some(negation) = (end..main.len())
        .take_while(|&i| !main[i].boundary)
        .find(|&i| negation_at(lc, main, i))
    else {
        return;
    };
    let Some((a, len)) = (negation + 1..main.len())
        .take_while(|&i| !main[i].boundary)
        .filter(|&i| main[i].kind == TokKind::Word)
        .find_map(|i| {
            let len = lc
                .adversatives
                .forward(main, i)
                .into_iter()
                .max()
                .unwrap_or(0);
            (len > 0).then_some((i, len))
        })
    else {
        return;
    };
    // A verb after the adversative is a predicate of its own (coordinated_predicates), and
    // a name after it with a word of its own after it is another clause's subject ("but
    // Orange did", "men Telenor har gjort det"): only names, their articles, modifiers
    // and prepositions may stand there ("men mobilabonnementer", "mais uniquement des
    // forfaits mobiles").
    let tail: Vec<usize> = (a + len..main.len())
        .take_while(|&i| !main[i].boundary && main[i].lower != "." && main[i].lower != ";")
        .collect();
    let Some(&first_name) = tail.iter().find(|&&i| is_mention(&main[i])) else {
        return;
    };
    let own_word = |i: usize| {
        let t = &main[i];
        t.kind == TokKind::Word
            && !lc.prepositions.contains(&t.lower)
            && !lc.articles.contains(&t.lower)
            && !lc.coordinators.contains(&t.lower)
    };
    if tail.iter().any(|&i| {
        verb_starts(main, i, lc)
            || (main[i].kind == TokKind::Word && lc.verb_words.contains(&main[i].lower))
            // A service's own noun may follow it ("mobile plans").
            || (i > first_name && own_word(i) && !main[first_name].service)
    }) {
        return;
    }
    let mut clause = main[start..end].to_vec();
    clause.extend(
        (end..verb_end)
            .filter(|&i| !negation_at(lc, main, i))
            .map(|i| main[i].clone()),
    );
    clause.extend(main[a + len..].iter().cloned());
    let cut = if a > 0 && main[a - 1].lower == "," {
        a - 1
    } else {
        a
    };
    main.truncate(cut);
    out.push(clause);
}

/// Whether the comma at `toks[comma]` separates members of a list of names that a
/// coordinator closes ("i Norge , Sverige , Danmark og Finland"): a relative clause goes
/// on past it.
fn list_comma(toks: &[Tok], comma: usize, lc: &LanguageConstructions) -> bool {
    if toks[comma].lower != "," || comma == 0 || !is_mention(&toks[comma - 1]) {
        return false;
    }
    // An item may repeat the list's preposition ("i Norge , i Sverige og i Danmark") or
    // take an article ("l'ADSL , la téléphonie sur IP et la télévision").
    let item_len = |i: usize| -> Option<usize> {
        let t = toks.get(i)?;
        if is_mention(t) {
            Some(1)
        } else if t.kind == TokKind::Word
            && (lc.prepositions.contains(&t.lower) || lc.articles.contains(&t.lower))
            && toks.get(i + 1).is_some_and(is_mention)
        {
            Some(2)
        } else {
            None
        }
    };
    let mut k = comma;
    while toks[k].lower == "," {
        match item_len(k + 1) {
            Some(len) => k += 1 + len,
            None => break,
        }
        if k >= toks.len() {
            return false;
        }
    }
    // The list closes the relative clause: a comma, a boundary or the end after it
    // ("Tele2, which owns Comviq, Telia and Telenor all raised prices" is no list).
    let Some(last) = (k > comma && lc.coordinators.contains(&toks[k].lower))
        .then(|| item_len(k + 1))
        .flatten()
    else {
        return false;
    };
    toks.get(k + 1 + last)
        .is_none_or(|t| t.boundary || matches!(t.lower.as_str(), "," | "." | ";"))
}

/// The name an apposition right before a relative pronoun describes: "NAME , INDEF
/// modifiers noun" with one to four tokens after the indefinite article: words that are
/// no preposition, coordinator or complementizer, nationality adjectives, and a service
/// descriptor as the noun ("et norsk mobilselskap"). Returns the index of the name in
/// `main`.
fn apposition_name(main: &[Tok], lc: &LanguageConstructions) -> Option<usize> {
    let article = (main.len().saturating_sub(5)..main.len())
        .rev()
        .find(|&k| {
            main[k].kind == TokKind::Word
                && (lc.indefinite_articles.contains(&main[k].lower)
                    || lc.articles.contains(&main[k].lower))
        })?;
    let words = &main[article + 1..];
    let plain = !words.is_empty()
        && words.iter().all(|t| match t.kind {
            TokKind::Word => {
                !lc.prepositions.contains(&t.lower)
                    && !lc.coordinators.contains(&t.lower)
                    && !lc.complementizers.contains(&t.lower)
            }
            TokKind::Mention(_) => t.service || t.demonym,
            TokKind::Punct => false,
        });
    (plain
        && article >= 2
        && main[article - 1].lower == ","
        && is_mention(&main[article - 2])
        && !main[article - 2].service
        && !main[article - 2].demonym)
        .then_some(article - 2)
}

/// Whether a verb phrase starts at token `i`: an auxiliary, a copula, or a verb of some
/// relation's set.
fn verb_starts(toks: &[Tok], i: usize, lc: &LanguageConstructions) -> bool {
    let Some(t) = toks
        .get(i)
        .filter(|t| t.kind == TokKind::Word && !t.boundary)
    else {
        return false;
    };
    let class = |c: Class| {
        lc.classes
            .get(&c)
            .is_some_and(|p| !p.forward(toks, i).is_empty())
    };
    class(Class::Aux) || class(Class::Copula) || trigger_verb_at(toks, i, t, lc)
}

/// Whether a trigger verb phrase of some relation (verb, support, separable or transfer
/// verb) stands at `toks[i]` (`t`): the whole phrase, not only its first word ("au" opens
/// "au poste de" but is no verb in "en Suède et au Danemark"). No auxiliary or copula.
fn trigger_verb_at(toks: &[Tok], i: usize, t: &Tok, lc: &LanguageConstructions) -> bool {
    lc.index.get(&t.lower).is_some_and(|parts| {
        parts.iter().any(|&(set, part)| {
            matches!(
                part,
                Part::Verb | Part::Support | Part::Separable | Part::Transfer
            ) && lc.sets[set]
                .parts
                .get(&part)
                .is_none_or(|p| !p.forward(toks, i).is_empty())
        })
    })
}

/// A verb phrase coordinated with the main clause's takes the clause's subject: "Lyse
/// owns Altibox and holds a stake in Ice" also reads "Lyse holds a stake in Ice", "Lyse
/// eier Altibox og er største aksjonær i Ice" "Lyse er største aksjonær i Ice". The
/// subject is the mention or list opening the clause, right before its verb; the
/// coordinated phrase starts with a verb, an auxiliary or a copula.
fn coordinated_predicates(
    main: &mut Vec<Tok>,
    out: &mut Vec<Vec<Tok>>,
    lc: &LanguageConstructions,
) {
    let Some((start, end)) = opening_subject(main, lc) else {
        return;
    };
    // The subject's verb: one of a relation, or of leaving a market or of saying
    // ("Tele2 trakk seg ut av Norge, men har fortsatt virksomhet i Sverige").
    if !(verb_starts(main, end, lc)
        || !lc.exits.forward(main, end).is_empty()
        || main
            .get(end)
            .is_some_and(|t| t.kind == TokKind::Word && lc.speech_verbs.contains(&t.lower)))
    {
        return;
    }
    // The first verb's phrase has words of its own ("Telia kjøper og driver nettet" shares
    // one object), and no subordinate clause stands between ("Nkom is concerned that
    // Telenor bought Get and owns ...").
    // An adversative joins one too ("Telia solgte Get, men har fortsatt virksomhet i
    // Sverige": Telia has it, not Get).
    let Some((c, len)) = (end + 2..main.len())
        .take_while(|&c| !main[c].boundary)
        .filter(|&c| main[c].kind == TokKind::Word)
        .find_map(|c| {
            let len = if lc.coordinators.contains(&main[c].lower) {
                1
            } else {
                lc.adversatives
                    .forward(main, c)
                    .into_iter()
                    .max()
                    .unwrap_or(0)
            };
            (len > 0 && verb_starts(main, c + len, lc)).then_some((c, len))
        })
    else {
        return;
    };
    let mut clause = main[start..end].to_vec();
    clause.extend(main[c + len..].iter().cloned());
    // The comma before an adversative goes with it.
    let cut = if c > 0 && main[c - 1].lower == "," {
        c - 1
    } else {
        c
    };
    main.truncate(cut);
    out.push(clause);
}

/// What a match bound: the token ranges of X and Y, and whether either was filled by a
/// pronoun or possessive standing for the article's focus.
#[derive(Debug, Clone, Default)]
struct Bindings {
    /// The rest of a split phrase, still to be matched by `V>`.
    split_tail: Vec<String>,
    x: Option<(usize, usize)>,
    y: Option<(usize, usize)>,
    x_implicit: bool,
    y_implicit: bool,
    /// The implicit slot is a pronoun or possessive in the text (not a missing argument).
    pronoun: bool,
    start: usize,
    end: usize,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Dir {
    Forward,
    Backward,
}

struct Matcher<'a> {
    lc: &'a LanguageConstructions,
    set: &'a CompiledSet,
    toks: &'a [Tok],
    /// The separable verb's particle, for the `SEP` element's clause end.
    particle: Option<&'a str>,
    mentions: &'a [Mention],
    /// Entity types the X and Y slots accept (the relation's signature, swapped for an
    /// inverse set), so a slot passes over a mention that cannot fill it.
    x_types: &'a [crate::knowledge::EntityType],
    y_types: &'a [crate::knowledge::EntityType],
    /// The template's first slot heads an apposition (`X1 , ...`): it may stand after a
    /// preposition ("welcomed by X, chief executive of Y").
    apposition_head: bool,
}

/// A word, or an anaphor mention read as the noun it is ("operatøren").
fn word_like(t: &Tok) -> bool {
    t.kind == TokKind::Word || (is_mention(t) && !t.lower.is_empty())
}

fn is_mention(t: &Tok) -> bool {
    matches!(t.kind, TokKind::Mention(_))
}

/// Whether the token is a mention of an organisation (company, regulator, public body).
fn is_org_mention(t: &Tok, mentions: &[Mention]) -> bool {
    matches!(t.kind, TokKind::Mention(m)
        if mentions.get(m).is_some_and(|m| m.etype.is_organisation()))
}

fn is_genitive(t: &Tok) -> bool {
    is_mention(t) && matches!(t.suffix.as_str(), "s" | "'s" | "'" | ":s")
}

/// Whether the word at `i` is an attributive adjective of the name after it, where only
/// nouns are capitalised: lower-case words between an article and a mention ("von der
/// mexikanischen América Movil", "von der 1998 gegründeten Nordnetz"), at most three.
/// The nationalities the places list knows are mentions already; this reads the rest.
fn attributive_adjective(lc: &LanguageConstructions, toks: &[Tok], i: usize) -> bool {
    const MAX_WORDS: usize = 3;
    let lower_word = |t: &Tok| {
        t.kind == TokKind::Word
            && !t.capitalised
            && !t.relative
            && (t.lower.chars().all(char::is_alphabetic)
                || t.lower.chars().all(|c| c.is_ascii_digit()))
            && !lc.articles.contains(&t.lower)
            && !lc.prepositions.contains(&t.lower)
            && !lc.coordinators.contains(&t.lower)
    };
    if !lc.capitalises_nouns || !toks.get(i).is_some_and(lower_word) {
        return false;
    }
    let first = (i.saturating_sub(MAX_WORDS)..=i)
        .rev()
        .take_while(|&k| lower_word(&toks[k]))
        .last()
        .unwrap_or(i);
    let last = (i..toks.len().min(i + MAX_WORDS))
        .take_while(|&k| lower_word(&toks[k]))
        .last()
        .unwrap_or(i);
    // Not an adverb before a participle phrase's object ("die mehrheitlich Vodafone
    // gehörende Kabel Deutschland"): a lower-case word and a noun after the name.
    let participle_phrase = toks
        .get(last + 2)
        .is_some_and(|t| t.kind == TokKind::Word && !t.capitalised)
        && toks
            .get(last + 3)
            .is_some_and(|t| is_mention(t) || t.capitalised);
    last - first < MAX_WORDS
        && !participle_phrase
        && first > 0
        && toks[first - 1].kind == TokKind::Word
        && !toks[first - 1].relative
        && lc.articles.contains(&toks[first - 1].lower)
        && toks
            .get(last + 1)
            .is_some_and(|t| is_mention(t) && !t.demonym)
}
impl Matcher<'_> {
    /// Phrase lengths of a part at a position, in the direction of matching.
    fn part_lengths(&self, part: Part, pos: usize, dir: Dir) -> Vec<usize> {
        let phrases = match part {
            Part::Title => &self.lc.titles,
            Part::Separable => {
                let mut lens: Vec<usize> = Vec::new();
                for (stem, particle) in &self.set.separable {
                    if Some(particle.as_str()) == self.particle {
                        lens.extend(match dir {
                            Dir::Forward => stem.forward(self.toks, pos),
                            Dir::Backward => stem.backward(self.toks, pos),
                        });
                    }
                }
                return lens;
            }
            p => match self.set.parts.get(&p) {
                Some(ph) => ph,
                None => return Vec::new(),
            },
        };
        let mut lens = match dir {
            Dir::Forward => phrases.forward(self.toks, pos),
            Dir::Backward => phrases.backward(self.toks, pos),
        };
        // A noun in the genitive is a possessor, no head ("a Swedish mobile operator's
        // subsidiary"): a phrase may not end in one.
        if part == Part::Relational {
            lens.retain(|&len| {
                let last = match dir {
                    Dir::Forward => (pos + len).checked_sub(1),
                    Dir::Backward => pos.checked_sub(1),
                };
                !last.and_then(|i| self.toks.get(i)).is_some_and(is_genitive)
            });
        }
        // Titles also with an inflectional ending of up to three letters ("sjefen",
        // "direktøren"), as the title patterns always allowed.
        if part == Part::Title && lens.is_empty() {
            let at = match dir {
                Dir::Forward => Some(pos),
                Dir::Backward => pos.checked_sub(1),
            };
            if let Some(t) = at.and_then(|i| self.toks.get(i)) {
                if t.kind == TokKind::Word && inflected_title(&self.lc.titles, &t.lower) {
                    lens.push(1);
                }
            }
        }
        // A service is a shared object ("deler mobilnettet", "share their mobile network").
        if part == Part::Shared && lens.is_empty() {
            let at = match dir {
                Dir::Forward => Some(pos),
                Dir::Backward => pos.checked_sub(1),
            };
            // Only a network's service ("mobilnettet", "mobile network"), no market
            // ("deler mobilmarkedet mellom seg").
            let shared = self.set.parts.get(&Part::Shared);
            if at.and_then(|i| self.toks.get(i)).is_some_and(|t| {
                is_mention(t)
                    && t.service
                    && t.lower
                        .rsplit(' ')
                        .next()
                        .is_some_and(|w| shared.is_some_and(|p| p.compound_head(w)))
            }) {
                lens.push(1);
            }
        }
        // Nouns and titles also as the head of a compound ("bredbåndsoppkjøpet", "konsernsjef").
        if matches!(
            part,
            Part::Noun | Part::Relational | Part::Title | Part::TransferNoun | Part::Shared
        ) && lens.is_empty()
        {
            let at = match dir {
                Dir::Forward => Some(pos),
                Dir::Backward => pos.checked_sub(1),
            };
            if let Some(t) = at.and_then(|i| self.toks.get(i)) {
                // An anaphor or a service compound is the noun it is made of
                // ("teleselskapet", "Mobilfunk-Anbieter"); not a shorter noun inside a
                // longer organisation word that heads it ("Mobilfunkanbieter" is no
                // "Bieter").
                let shadowed = || {
                    let org = self.lc.org_cues.head_start(&t.lower);
                    let own = phrases.head_start(&t.lower);
                    matches!((org, own), (Some(o), Some(p)) if o < p)
                };
                // A noun in the genitive is a possessor, no head ("a Swedish operator's
                // subsidiary").
                if word_like(t) && !is_genitive(t) && phrases.compound_head(&t.lower) && !shadowed()
                {
                    lens.push(1);
                }
            }
        }
        lens
    }

    /// The rests of the multi-word phrases of a part whose first word is `toks[pos]`.
    /// The ways a multi-word phrase of `part` may start at `pos` and be split by the
    /// subject: how many of its words stand here (one or more: "konzentriert sich 1&1 auf")
    /// and the rest.
    fn split_tails(&self, part: Part, pos: usize) -> Vec<(usize, Vec<String>)> {
        let Some(first) = self.toks.get(pos).filter(|t| t.kind == TokKind::Word) else {
            return Vec::new();
        };
        let Some(phrases) = self.set.parts.get(&part) else {
            return Vec::new();
        };
        let mut out = Vec::new();
        for w in phrases
            .by_first
            .get(first.lower.as_str())
            .into_iter()
            .flatten()
        {
            for k in 1..w.len() {
                let here = w[..k].iter().enumerate().all(|(j, word)| {
                    self.toks
                        .get(pos + j)
                        .is_some_and(|t| t.kind == TokKind::Word && t.lower == *word)
                });
                if !here {
                    break;
                }
                out.push((k, w[k..].to_vec()));
            }
        }
        out
    }

    fn class_lengths(&self, class: Class, pos: usize, dir: Dir) -> Vec<usize> {
        let phrases = if class == Class::Prep {
            &self.set.preps
        } else if class == Class::To {
            &self.set.recipients
        } else {
            match self.lc.classes.get(&class) {
                Some(p) => p,
                None => return Vec::new(),
            }
        };
        let lens = match dir {
            Dir::Forward => phrases.forward(self.toks, pos),
            Dir::Backward => phrases.backward(self.toks, pos),
        };
        // A relative pronoun is only one where the clause cutter found one.
        if matches!(class, Class::Rel | Class::RelSubject | Class::RelObject) {
            return lens
                .into_iter()
                .filter(|&l| {
                    let i = if dir == Dir::Forward { pos } else { pos - l };
                    self.toks[i].relative
                })
                .collect();
        }
        lens
    }

    /// Whether the partitive preposition at `prep` closes a stake phrase whose part of the
    /// name after it is what a deal's passive is about: a stake word among the four words
    /// before it ("Aksjeposten på 54 prosent i DNA selges til Telenor", "A 30% stake in DNA
    /// was bought by Telenor"). For acquiring only: a stake held is no ownership.
    fn stake_subject(&self, prep: usize) -> bool {
        let toks = self.toks;
        self.set.relation == "acquires"
            && self.lc.partitive_prepositions.contains(&toks[prep].lower)
            && (prep.saturating_sub(4)..prep).any(|k| {
                toks[k].kind == TokKind::Word && self.lc.stake_words.compound_head(&toks[k].lower)
            })
    }

    /// Whether a token may stand in a gap of this kind.
    fn gap_allows(&self, gap: Gap, t: &Tok) -> bool {
        if gap == Gap::Adjective {
            return t.demonym;
        }
        // A possessor among the modifiers ("Bell Souths andel av Sonofon", "Norges
        // største leverandør").
        if gap != Gap::Clause && is_genitive(t) {
            return true;
        }
        // Nationality adjectives are modifiers ("i svensk-finske Telia").
        if t.demonym && gap != Gap::Clause {
            return true;
        }
        // A generic service is a common noun ("tritt im Mobilfunk gegen X an").
        if t.service {
            return true;
        }
        // A place adjunct in a clause or object gap ("hat in Deutschland Glasfaser ...").
        if t.adjunct && gap != Gap::Modifier {
            return true;
        }
        if is_mention(t) || t.boundary {
            return false;
        }
        // A market is the possessor's where a possessive stands before it ("Telia bought
        // Get, strengthening its position in the Norwegian market" is Telia's, not Get's):
        // the possessive constructions read it.
        if gap == Gap::Clause
            && self.set.market
            && t.kind == TokKind::Word
            && self.lc.possessives.contains(&t.lower)
        {
            return false;
        }
        // A relative pronoun right after its antecedent is transparent, unless it can
        // only be an object (then the object-relative constructions read it).
        if t.relative {
            return !self.lc.relative_object.contains(&t.lower);
        }
        match gap {
            Gap::Clause => true,
            // Prepositions may stand inside ("har i dag kjøpt", "im Jahr 2000"); the one
            // that governs the object is checked on the whole gap (`object_gap_ok`).
            // A coordinator only inside an object's own list of nouns (checked on the
            // whole gap: `object_gap_ok`).
            Gap::Object => t.lower != ",",
            Gap::Adjective => false,
            // An auxiliary or a copula is a verb, never inside a noun phrase ("the
            // acquisition of EE was criticised by Vodafone" has no agent of the noun).
            Gap::Modifier => {
                t.partitive
                    || (t.lower != ","
                        && !self.lc.prepositions.contains(&t.lower)
                        && !self.lc.coordinators.contains(&t.lower)
                        && !self.lc.verb_words.contains(&t.lower))
            }
        }
    }

    /// Whether a gap before an object leaves it the object: the preposition that governs
    /// the object (the gap's last word, articles and nationality adjectives aside) must be
    /// one that introduces objects, and a partitive one needs a stake word ("30 prosent
    /// av aksjene i Y" names a part of Y, "kundebaser i Y" and "utstyr fra Y" do not);
    /// likewise a noun with the name in the genitive after it ("das Geschäft der Telekom").
    fn object_gap_ok(&self, pos: usize, len: usize, dir: Dir) -> bool {
        let range = match dir {
            Dir::Forward => pos..pos + len,
            Dir::Backward => pos - len..pos,
        };
        let gap = &self.toks[range];
        // A coordinator joins the object to a noun before it ("provide IT solutions and
        // wholesale services"), never to another predicate ("buys equipment and sells
        // Get"): only for offers, with a noun before it and no verb after it.
        if let Some(c) = gap
            .iter()
            .position(|t| t.kind == TokKind::Word && self.lc.coordinators.contains(&t.lower))
        {
            let verb_after = gap[c + 1..]
                .iter()
                .any(|t| t.kind == TokKind::Word && self.lc.verb_words.contains(&t.lower));
            if self.set.relation != "offers" || self.set.bare_object || verb_after || c == 0 {
                return false;
            }
        }
        // An agent preposition in the gap makes the name after it the agent ("est détenu
        // à 90 % par le groupe Bouygues"), never the object; not one that also takes a
        // part of the object ("30 prosent av aksjene i").
        if let Some(by) = self.lc.classes.get(&Class::By) {
            if (0..gap.len()).any(|i| {
                gap[i].kind == TokKind::Word
                    && !self.lc.partitive_prepositions.contains(&gap[i].lower)
                    && !self.lc.object_prepositions.contains(&gap[i].lower)
                    && !by.forward(gap, i).is_empty()
            }) {
                return false;
            }
            // Owning is holding all or a controlling part: a share below half named in the
            // gap ("eier 30 prosent av aksjene i Y", "owns 30 percent of Y") is a stake.
            if self.set.relation == "owns" && !self.set.inverse && minority_share(gap, self.lc) {
                return false;
            }
            // Right after the verb (and its particle: "ble kjøpt opp av") it is the agent,
            // also where it could take a part ("er eid av energiselskapet Lyse"; not "kjøpt
            // 30 prosent av aksjene i").
            let first = gap
                .iter()
                .position(|t| !(t.kind == TokKind::Word && self.lc.particles.contains(&t.lower)))
                .unwrap_or(gap.len());
            if dir == Dir::Forward
                && gap.get(first).is_some_and(|t| t.kind == TokKind::Word)
                && !by.forward(gap, first).is_empty()
                && !gap
                    .iter()
                    .any(|t| t.kind == TokKind::Word && self.lc.stake_words.compound_head(&t.lower))
            {
                return false;
            }
        }
        if self.set.bare_object
            && gap.iter().any(|t| {
                t.kind == TokKind::Word
                    && ((self.lc.prepositions.contains(&t.lower)
                        && !self.lc.approx.contains(&t.lower))
                        || self.lc.action_nouns.compound_head(&t.lower))
            })
        {
            return false;
        }
        let stake = || {
            gap.iter().any(|t| {
                t.kind == TokKind::Word && self.lc.stake_words.compound_head(&t.lower)
                    || t.lower == "%"
                    || t.lower.ends_with('%')
            })
        };
        // A noun with the name in the genitive after it ("übernimmt das österreichische
        // Geschäft der Telekom") is the object; the name only when the noun is a stake.
        // The article may end the gap or open the object's slot.
        let genitive_article =
            |t: &Tok| t.kind == TokKind::Word && self.lc.genitive_articles.contains(&t.lower);
        let noun = |t: &Tok| t.kind == TokKind::Word && t.capitalised;
        let genitive_after_noun = match gap {
            [.., n, a] if dir == Dir::Forward && noun(n) && genitive_article(a) => true,
            [.., n] if dir == Dir::Forward && noun(n) => {
                self.toks.get(pos + len).is_some_and(genitive_article)
            }
            _ => false,
        };
        if genitive_after_noun && !stake() {
            return false;
        }
        let governor = gap.iter().rev().find(|t| {
            !(t.demonym
                || is_genitive(t)
                || (t.kind == TokKind::Word && self.lc.articles.contains(&t.lower)))
        });
        let Some(governor) =
            governor.filter(|t| t.kind == TokKind::Word && self.lc.prepositions.contains(&t.lower))
        else {
            return !self.set.prep_object;
        };
        let introduces_objects = self.lc.object_prepositions.contains(&governor.lower)
            || self.set.preps.singles.contains(&governor.lower);
        if !introduces_objects {
            return false;
        }
        !self.lc.partitive_prepositions.contains(&governor.lower) || stake()
    }

    /// Candidate extents of a mention slot at `pos`: the full coordinated list first,
    /// then the single mention next to the trigger side.
    fn slot_lengths(
        &self,
        role: Role,
        single: bool,
        genitive: bool,
        pos: usize,
        dir: Dir,
    ) -> Vec<usize> {
        let toks = self.toks;
        let types = match role {
            Role::X => self.x_types,
            Role::Y => self.y_types,
        };
        // The mention can fill the slot's role in this relation, and names its entity:
        // not a possessor ("kjøpt Bell Souths andel av Sonofon") unless the slot is
        // genitive, not the first part of a compound ("E-Plus-Kunden") unless the compound
        // is a company word ("Telenor-konsernet").
        let fits = |t: &Tok| match t.kind {
            TokKind::Mention(i) => {
                self.mentions
                    .get(i)
                    .is_none_or(|m| types.contains(&m.etype))
                    && (!t.suffix.starts_with('-')
                        || t.service
                        || self.lc.company_words.contains(&t.suffix[1..]))
            }
            _ => false,
        };
        // A service compound that describes the name right after it ("kjøpt
        // fiberselskapet Fibernett AS") is that name's descriptor, no argument itself.
        let descriptor_of_name = |i: usize| {
            toks[i].service
                && toks.get(i + 1).is_some_and(|n| match n.kind {
                    TokKind::Mention(k) => self
                        .mentions
                        .get(k)
                        .is_some_and(|m| m.etype.is_organisation()),
                    _ => false,
                })
                && self.lc.org_cues.compound_head(&toks[i].lower)
        };
        let gen_ok = |t: &Tok| genitive == is_genitive(t);
        // A service glued into a compound is a whole item of a list ("Glasfaser-Internet,
        // Telefonie und Fernsehen").
        let plain = |t: &Tok| {
            is_mention(t) && (t.suffix.is_empty() || (t.service && t.suffix.starts_with('-')))
        };
        // An article (not one the clause cutter found to be a relative pronoun).
        let article = |i: usize| {
            toks.get(i).is_some_and(|t| {
                t.kind == TokKind::Word && !t.relative && self.lc.articles.contains(&t.lower)
            })
        };
        // A word describing the name after it: a nationality or an organisation word
        // ("det canadiske ejendomsselskab Brookfield").
        let descriptor = |i: usize| {
            toks.get(i).is_some_and(|t| {
                t.demonym
                    || (t.kind == TokKind::Word && self.lc.org_cues.compound_head(&t.lower))
                    || attributive_adjective(self.lc, toks, i)
            })
        };
        let mut out = Vec::new();
        match dir {
            Dir::Forward => {
                // An item: a mention, maybe after an article and descriptors ("gegen die
                // Telekom", "og den svenske pensionskasse Alecta"); its end.
                // A place in the genitive before the descriptor is part of it
                // ("gegen Deutschlands Handynetzbetreiber Deutsche Telekom, ...").
                let place_genitive = |t: &Tok| {
                    is_genitive(t)
                        && matches!(t.kind, TokKind::Mention(k) if self.mentions.get(k)
                            .is_some_and(|m| m.etype == crate::knowledge::EntityType::Place))
                };
                let item = |i: usize| -> Option<usize> {
                    let mut j = i;
                    // ... or right before the name ("owned by Hong Kong's CK Hutchison").
                    if toks.get(j).is_some_and(place_genitive)
                        && toks.get(j + 1).is_some_and(|t| {
                            t.service || descriptor(j + 1) || (is_mention(t) && !t.demonym)
                        })
                    {
                        j += 1;
                    }
                    // A generic service names what the company is ("der Mobilfunkanbieter
                    // X", "Handynetzbetreiber X"): a descriptor too. An article after an
                    // organisation word makes the name its genitive ("die Konkurrenten der
                    // Telekom"), no item.
                    let mut after_descriptor = false;
                    while toks
                        .get(j)
                        .is_some_and(|t| !is_mention(t) || t.demonym || t.service)
                        && (article(j) || descriptor(j) || toks[j].service)
                    {
                        if after_descriptor && article(j) {
                            return None;
                        }
                        after_descriptor = descriptor(j) && !toks[j].demonym;
                        j += 1;
                    }
                    if toks.get(j).is_some_and(is_mention) {
                        Some(j + 1)
                    } else {
                        // A nationality is itself the place ("på det danske marked").
                        let k = if article(i) { i + 1 } else { i };
                        toks.get(k).is_some_and(is_mention).then_some(k + 1)
                    }
                };
                let Some(first_end) = item(pos) else {
                    return out;
                };
                let first = &toks[first_end - 1];
                if !fits(first) || descriptor_of_name(first_end - 1) {
                    return out;
                }
                // A preposition before the list may come back in it ("de KPN et de X"), a
                // place preposition as any other ("en Norvège et au Danemark").
                let lead = pos
                    .checked_sub(1)
                    .map(|i| &toks[i])
                    .filter(|t| t.kind == TokKind::Word && self.lc.prepositions.contains(&t.lower));
                let returns = |t: &Tok| {
                    lead.is_some_and(|l| {
                        t.lower == l.lower
                            || (self.lc.place_prepositions.contains(&l.lower)
                                && self.lc.place_prepositions.contains(&t.lower))
                            // One preposition, elided or contracted ("d'Orange et de SFR").
                            || (self.lc.genitive_articles.contains(&l.lower)
                                && self.lc.genitive_articles.contains(&t.lower))
                    })
                };
                // "mellom Glocalnets datterselskap A og B": the pair belongs to the "between"
                // before the noun, not to the noun's slot.
                // (A possessor stands between: "Between 2019 and 2021 Telia bought C and D"
                // keeps its list.)
                let between_before = || {
                    self.lc.classes.get(&Class::Between).is_some_and(|bw| {
                        (pos.saturating_sub(6)..pos.saturating_sub(1)).any(|i| {
                            bw.forward(toks, i)
                                .into_iter()
                                .any(|len| (i + len..pos).any(|k| is_genitive(&toks[k])))
                        })
                    })
                };
                // "A , B og C": commas only in a list a coordinator closes.
                if !single && plain(first) && !between_before() {
                    let correlative = (pos.saturating_sub(3)..pos)
                        .any(|i| !self.lc.focus_particles.forward(toks, i).is_empty());
                    let mut end = first_end;
                    let mut closed = false;
                    loop {
                        // An alias in brackets after an item stays with it ("Telefónica
                        // (O2) und Vodafone").
                        let at = if toks.get(end).is_some_and(|t| t.lower == "(")
                            && toks.get(end + 1).is_some_and(is_mention)
                            && toks.get(end + 2).is_some_and(|t| t.lower == ")")
                        {
                            end + 3
                        } else {
                            end
                        };
                        // A coordinator may be a phrase ("as well as", "als auch").
                        let coordinator_at = |k: usize| {
                            self.lc
                                .classes
                                .get(&Class::And)
                                .and_then(|c| c.forward(toks, k).into_iter().max())
                                .unwrap_or(0)
                        };
                        // A serial comma ("A , B , and C"), only after a comma item:
                        // "A , and B" is two clauses.
                        let at = if end > first_end
                            && toks.get(at).is_some_and(|t| t.lower == ",")
                            && coordinator_at(at + 1) > 0
                        {
                            at + 1
                        } else {
                            at
                        };
                        let Some(sep) = toks.get(at) else { break };
                        let coordinator_len = coordinator_at(at);
                        let coordinator = coordinator_len > 0;
                        if sep.lower != "," && !coordinator {
                            break;
                        }
                        let mut next = at + coordinator_len.max(1);
                        // "nicht nur X, sondern auch Y", "ikke bare X, men også Y": a comma
                        // before a coordinator, after a focus particle before the list.
                        let mut coordinator = coordinator;
                        if !coordinator && correlative {
                            let after = coordinator_at(next);
                            if after > 1 {
                                next += after;
                                coordinator = true;
                            }
                        }
                        if toks.get(next).is_some_and(returns) {
                            next += 1;
                        }
                        let Some(item_end) = item(next) else {
                            // "A , B and other services": the named items are the list; so
                            // are places before any last conjunct ("i Noreg, Sverige,
                            // Danmark og dei tre baltiske landa").
                            let places = || {
                                (pos..end).filter(|&k| is_mention(&toks[k])).all(|k| {
                                    matches!(toks[k].kind, TokKind::Mention(m)
                                    if self.mentions.get(m).is_some_and(|m| {
                                        m.etype == crate::knowledge::EntityType::Place
                                    }))
                                })
                            };
                            if coordinator
                                && end > first_end
                                && (!self.lc.list_closers.forward(toks, next).is_empty()
                                    || places())
                            {
                                closed = true;
                            }
                            break;
                        };
                        end = item_end;
                        if coordinator {
                            closed = true;
                            break;
                        }
                        if !plain(&toks[end - 1]) {
                            break;
                        }
                    }
                    if closed && gen_ok(&toks[end - 1]) && fits(&toks[end - 1]) {
                        out.push(end - pos);
                    }
                }
                if gen_ok(first) {
                    out.push(first_end - pos);
                }
            }
            Dir::Backward => {
                // An item ending at `e`: its start.
                let item = |e: usize| -> Option<usize> {
                    let m = e.checked_sub(1)?;
                    if !is_mention(&toks[m]) {
                        return None;
                    }
                    if toks[m].demonym {
                        return Some(if m > 0 && article(m - 1) { m - 1 } else { m });
                    }
                    let mut start = m;
                    while start > 0 && (article(start - 1) || descriptor(start - 1)) {
                        // An organisation word before the name's article governs it as a
                        // genitive ("die Konkurrenten der Telekom"): the item is the name.
                        if article(start - 1)
                            && start >= 2
                            && descriptor(start - 2)
                            && !toks[start - 2].demonym
                        {
                            break;
                        }
                        start -= 1;
                    }
                    Some(start)
                };
                let Some(last_start) = item(pos) else {
                    return out;
                };
                let last = &toks[pos - 1];
                if !fits(last) || !gen_ok(last) || descriptor_of_name(pos - 1) {
                    return out;
                }
                if !single {
                    // Each item may repeat the preposition the list stands after ("in
                    // Spanien , in Deutschland und in Großbritannien", "en Norvège et au
                    // Danemark"): the repeated ones are skipped, and the list holds only if
                    // one of them stands before its first item too.
                    let mut repeated: Option<&str> = None;
                    let mut skip_prep = |s: usize| -> usize {
                        let Some(p) = s.checked_sub(1).map(|i| &toks[i]) else {
                            return s;
                        };
                        let coordinated = s >= 2
                            && (toks[s - 2].lower == ","
                                || self.lc.coordinators.contains(&toks[s - 2].lower));
                        if coordinated
                            && p.kind == TokKind::Word
                            && self.lc.prepositions.contains(&p.lower)
                            && repeated.is_none_or(|r| r == p.lower)
                        {
                            repeated = Some(p.lower.as_str());
                            s - 1
                        } else {
                            s
                        }
                    };
                    let mut start = skip_prep(last_start);
                    let mut closed = false;
                    if start >= 1 && self.lc.coordinators.contains(&toks[start - 1].lower) {
                        // A serial comma ("A , B , and C"), only after a comma item.
                        let mut before = start - 1;
                        if before >= 1 && toks[before - 1].lower == "," {
                            // The comma item itself follows a comma after another item
                            // ("Yesterday , Telia , and Tele2" has none).
                            let serial = item(before - 1).is_some_and(|s| {
                                plain(&toks[before - 2])
                                    && s >= 2
                                    && toks[s - 1].lower == ","
                                    && item(s - 1).is_some()
                            });
                            if serial {
                                before -= 1;
                            }
                        }
                        if let Some(s2) = item(before).filter(|_| plain(&toks[before - 1])) {
                            start = s2;
                            closed = true;
                            // (The first item's own preposition is the template's.)
                            let mut at = skip_prep(start);
                            while at >= 1 && toks[at - 1].lower == "," {
                                match item(at - 1).filter(|_| plain(&toks[at - 2])) {
                                    Some(s3) => {
                                        start = s3;
                                        at = skip_prep(s3);
                                    }
                                    None => break,
                                }
                            }
                        }
                    }
                    // Repeated prepositions need one before the first item as well, the
                    // same word or (places) another place preposition.
                    let lead_fits = repeated.is_none_or(|r| {
                        start >= 1 && {
                            let l = &toks[start - 1];
                            l.kind == TokKind::Word
                                && (l.lower == r
                                    || (self.lc.place_prepositions.contains(&l.lower)
                                        && self.lc.place_prepositions.contains(r)))
                        }
                    });
                    if closed && lead_fits {
                        out.push(pos - start);
                    }
                }
                out.push(pos - last_start);
            }
        }
        out
    }

    /// Matches `elems` from `pos` in `dir`; on success the bindings hold the slots and
    /// the far end of the match.
    fn run(&self, elems: &[(Elem, bool)], pos: usize, dir: Dir, b: &mut Bindings) -> bool {
        let Some(((elem, optional), rest)) = (match dir {
            Dir::Forward => elems.split_first(),
            Dir::Backward => elems.split_last(),
        }) else {
            match dir {
                Dir::Forward => b.end = pos,
                Dir::Backward => b.start = pos,
            }
            return true;
        };
        let toks = self.toks;
        // Tries each candidate length in order; `bind` records a slot.
        let try_lengths = |lens: &[usize], b: &mut Bindings, slot: Option<Role>| -> bool {
            for &len in lens {
                let next = match dir {
                    Dir::Forward => pos + len,
                    Dir::Backward => match pos.checked_sub(len) {
                        Some(n) => n,
                        None => continue,
                    },
                };
                let saved = b.clone();
                if let Some(role) = slot {
                    let range = match dir {
                        Dir::Forward => (pos, next),
                        Dir::Backward => (next, pos),
                    };
                    // The leftmost slot of a template is a subject: one governed by a
                    // preposition ("Sammen med X kjøper Y Z") is not, unless genitive
                    // ("known for its brands A and B"), or the preposition also opens a
                    // clause whose subject it is ("rose after Zegona agreed to buy Y").
                    if dir == Dir::Backward
                        && rest.is_empty()
                        && !self.apposition_head
                        && next > 0
                        && !is_genitive(&toks[pos - 1])
                        && !(toks[pos - 1].kind == TokKind::Word
                            && self.lc.possessives.contains(&toks[pos - 1].lower))
                        && self.lc.prepositions.contains(&toks[next - 1].lower)
                        && !(role == Role::X
                            && self.lc.clause_prepositions.contains(&toks[next - 1].lower))
                        && self.lc.member_prepositions.backward(toks, next).is_empty()
                        && !(role == Role::Y && self.stake_subject(next - 1))
                    {
                        continue;
                    }
                    match role {
                        Role::X => b.x = Some(range),
                        Role::Y => b.y = Some(range),
                    }
                }
                if self.run(rest, next, dir, b) {
                    return true;
                }
                *b = saved;
            }
            false
        };
        let here = match dir {
            Dir::Forward => toks.get(pos),
            Dir::Backward => pos.checked_sub(1).and_then(|i| toks.get(i)),
        };
        let matched = match elem {
            Elem::Start => dir == Dir::Backward && pos == 0 && self.run(rest, pos, dir, b),
            Elem::End => {
                // The clause's end, or a comma: one that closes a subordinate clause opened
                // before it ("Nachdem X Y übernommen hatte, wurde ..."), or one after the
                // verbs that close the clause, before what follows the bracket ("hat die
                // Telekom angewiesen, die Entgelte zu senken"). Only verb-final templates
                // end in `$`.
                let closes_subordinate = toks.get(pos).is_some_and(|t| t.lower == ",")
                    && (toks[..pos].iter().any(|t| t.boundary)
                        || pos
                            .checked_sub(1)
                            .is_some_and(|p| toks[p].kind == TokKind::Word));
                dir == Dir::Forward
                    && (closes_subordinate
                        || toks[pos..]
                            .iter()
                            .all(|t| t.kind == TokKind::Punct && t.lower != ","))
                    && self.run(rest, pos, dir, b)
            }
            Elem::Literal(lit) => {
                here.is_some_and(|t| t.lower == *lit) && try_lengths(&[1], b, None)
            }
            Elem::Part(part) => {
                let lens = self.part_lengths(*part, pos, dir);
                try_lengths(&lens, b, None)
            }
            Elem::SplitHead(part) => {
                // Forward only (the head is the anchor): each multi-word phrase starting
                // with this word leaves its rest for `V>`.
                let tails = self.split_tails(*part, pos);
                dir == Dir::Forward
                    && tails.into_iter().any(|(head, tail)| {
                        let saved = b.clone();
                        b.split_tail = tail;
                        if self.run(rest, pos + head, dir, b) {
                            true
                        } else {
                            *b = saved;
                            false
                        }
                    })
            }
            Elem::SplitTail => {
                let tail = b.split_tail.clone();
                let ok = dir == Dir::Forward
                    && !tail.is_empty()
                    && tail.iter().enumerate().all(|(k, w)| {
                        toks.get(pos + k)
                            .is_some_and(|t| t.kind == TokKind::Word && t.lower == *w)
                    });
                ok && try_lengths(&[tail.len()], b, None)
            }
            Elem::Class(class) => {
                // The last word of a preposition of several words is none of its own
                // ("due to", "in addition to").
                let in_complex = matches!(*class, Class::Prep | Class::To)
                    && dir == Dir::Forward
                    && toks
                        .get(pos)
                        .is_some_and(|t| self.lc.complex_preposition_tails.contains(&t.lower))
                    && self
                        .lc
                        .complex_prepositions
                        .backward(toks, pos + 1)
                        .iter()
                        .any(|&len| len >= 2);
                let lens = if in_complex {
                    Vec::new()
                } else {
                    self.class_lengths(*class, pos, dir)
                };
                try_lengths(&lens, b, None)
            }
            Elem::Gap(gap) => {
                let mut lens = vec![0];
                let mut n = 0;
                // A partitive opens its noun phrase: none after another modifier ("is
                // popular among the Swedish operators" is no "among the Swedish operators").
                let (mut plain_seen, mut partitive_seen) = (false, false);
                loop {
                    let t = match dir {
                        Dir::Forward => toks.get(pos + n),
                        Dir::Backward => pos.checked_sub(n + 1).and_then(|i| toks.get(i)),
                    };
                    match t {
                        Some(t) if self.gap_allows(*gap, t) => {
                            if *gap == Gap::Modifier {
                                let misplaced = match dir {
                                    Dir::Forward => t.partitive && plain_seen,
                                    Dir::Backward => !t.partitive && partitive_seen,
                                };
                                if misplaced {
                                    break;
                                }
                                plain_seen |= !t.partitive;
                                partitive_seen |= t.partitive;
                            }
                            n += 1;
                            lens.push(n);
                        }
                        _ => break,
                    }
                }
                // Before an object, a partitive preposition needs a stake word: "30
                // prosent av aksjene i Y" names a part of Y, "kundebaser i Y" does not.
                if *gap == Gap::Object {
                    lens.retain(|&len| self.object_gap_ok(pos, len, dir));
                }
                try_lengths(&lens, b, None)
            }
            Elem::Fronted => {
                // Everything back to the clause start: not empty, no boundary, and not a
                // bare subject (it ends in a word, or in a mention after a preposition).
                dir == Dir::Backward && pos > 0 && {
                    let prefix = &toks[..pos];
                    let no_boundary = prefix.iter().all(|t| !t.boundary && !t.relative);
                    let last = &prefix[pos - 1];
                    // A subordinate clause before a comma is the fronted constituent ("Weil
                    // die Ziele verfehlt wurden, leitete X ein Verfahren gegen Y ein", "Da
                    // fristen gikk ut, ila X Y et gebyr"): its conjunction opens the clause
                    // and no other boundary stands in it. A condition voids the sentence
                    // elsewhere (`hypotheticals`).
                    // Events only: a state in the main clause may be what follows the
                    // subordinate clause's event (common.toml `states`).
                    let opener = prefix.iter().take_while(|t| t.boundary).count();
                    let subordinate = !self.set.state
                        && opener > 0
                        && pos > opener + 1
                        && last.lower == ","
                        && prefix[opener..].iter().all(|t| !t.boundary && !t.relative);
                    let ends_ok = if subordinate {
                        true
                    } else if is_mention(last)
                        && last.service
                        && self.lc.prepositions.contains(&prefix[0].lower)
                    {
                        // A prepositional phrase ending in a service ("Mit seinem eigenen
                        // Mobilfunknetz tritt 1&1 ... an"): a service is no subject.
                        true
                    } else if is_mention(last) {
                        let mut k = pos - 1;
                        while k > 0
                            && (is_mention(&toks[k - 1])
                                || toks[k - 1].lower == ","
                                || self.lc.coordinators.contains(&toks[k - 1].lower))
                        {
                            k -= 1;
                        }
                        k > 0 && self.lc.prepositions.contains(&toks[k - 1].lower)
                    } else {
                        last.kind == TokKind::Word
                            && !(pos == 1 && self.lc.pronouns.contains(&last.lower))
                    };
                    (no_boundary || subordinate) && ends_ok && try_lengths(&[pos], b, None)
                }
            }
            Elem::Slot {
                role,
                single,
                genitive,
                adjective,
                compound,
            } => {
                if *adjective {
                    let t = here;
                    t.is_some_and(|t| t.demonym) && try_lengths(&[1], b, Some(*role))
                } else if let Some(part) = compound {
                    // "E-Plus-Übernahme": the mention with a hyphenated compound tail; for a
                    // market, also a service written as one word with it ("mobilmarkedet",
                    // "Mobilfunkmarkt": the market of that service).
                    let t = here;
                    let market = self.set.service_market;
                    let ok = t.is_some_and(|t| {
                        is_mention(t)
                            && ((t.suffix.starts_with('-')
                                && self.compound_tail(*part, &t.suffix[1..]))
                                || (market
                                    && t.service
                                    && t.suffix.is_empty()
                                    && self.compound_tail(*part, &t.lower)))
                    });
                    ok && try_lengths(&[1], b, Some(*role))
                } else {
                    let lens = self.slot_lengths(*role, *single, *genitive, pos, dir);
                    if try_lengths(&lens, b, Some(*role)) {
                        true
                    } else if let Some(t) = here {
                        // A subject pronoun, or a possessive ("sa", "its", "Son directeur"),
                        // standing for the focus.
                        let stands_in = t.kind == TokKind::Word
                            && if *genitive {
                                self.lc.possessives.contains(&t.lower)
                            } else {
                                *role == Role::X && self.lc.pronouns.contains(&t.lower)
                            };
                        if stands_in {
                            let saved = b.clone();
                            match role {
                                Role::X => b.x_implicit = true,
                                Role::Y => b.y_implicit = true,
                            }
                            b.pronoun = true;
                            if try_lengths(&[1], b, Some(*role)) {
                                true
                            } else {
                                *b = saved;
                                false
                            }
                        } else {
                            false
                        }
                    } else {
                        false
                    }
                }
            }
        };
        if matched {
            return true;
        }
        if *optional {
            return self.run(rest, pos, dir, b);
        }
        false
    }

    fn compound_tail(&self, part: Part, tail: &str) -> bool {
        let phrases = match part {
            Part::Title => &self.lc.titles,
            p => match self.set.parts.get(&p) {
                Some(ph) => ph,
                None => return false,
            },
        };
        phrases.compound_head(tail)
    }
}

/// Everything the constructions found in one sentence's masked text.
pub struct Found {
    pub subject: usize,
    pub object: usize,
    pub relation: String,
    pub rule: String,
    pub confidence: f32,
    pub implicit: Option<Slot>,
}

/// The clauses of a masked sentence as the constructions see them, for `--trace`.
pub fn clause_texts(masked: &str, lang: &str, mentions: &[Mention]) -> Vec<String> {
    let lc = language_constructions(lang);
    clauses(reduced(masked, mentions, lc), lc)
        .into_iter()
        .map(|c| {
            c.iter()
                .map(|t| match t.kind {
                    TokKind::Mention(i) => format!("{OPEN}{i}{CLOSE}{}", t.suffix),
                    _ if t.boundary => format!("|{}", t.lower),
                    _ => t.lower.clone(),
                })
                .collect::<Vec<_>>()
                .join(" ")
        })
        .collect()
}

/// Positions in a clause where a part of a trigger set stands: (token, set, part, the
/// separable verb's particle).
fn anchors<'a>(
    lc: &'a LanguageConstructions,
    clause: &[Tok],
) -> Vec<(usize, usize, Part, Option<&'a str>)> {
    let mut out = Vec::new();
    for (pos, t) in clause.iter().enumerate() {
        match t.kind {
            _ if word_like(t) => {
                if let Some(entries) = lc.index.get(t.lower.as_str()) {
                    for &(set, part) in entries {
                        out.push((pos, set, part, None));
                    }
                }
                if let Some(entries) = lc.separable_index.get(t.lower.as_str()) {
                    for &(set, k) in entries {
                        out.push((
                            pos,
                            set,
                            Part::Separable,
                            Some(lc.sets[set].separable[k].1.as_str()),
                        ));
                    }
                }
                // Titles with an ending: "sjefen", "toppsjefen".
                for (cut, _) in t.lower.char_indices().rev().take(3) {
                    let stem = &t.lower[..cut];
                    let titles = lc.index.get(stem).into_iter().flatten().chain(
                        stem.char_indices()
                            .filter(|(i, _)| *i >= 3 && lc.compound_tails2.contains(&tail2(stem)))
                            .filter_map(|(i, _)| lc.compound_index.get(&stem[i..]))
                            .flatten(),
                    );
                    for &(set, part) in titles {
                        if part == Part::Title {
                            out.push((pos, set, part, None));
                        }
                    }
                }
                // Compound heads: "bredbåndsoppkjøpet", "konsernsjef".
                if t.lower.len() >= lc.compound_min && lc.compound_tails2.contains(&tail2(&t.lower))
                {
                    for (i, _) in t.lower.char_indices().filter(|(i, _)| *i >= 3) {
                        if let Some(entries) = lc.compound_index.get(&t.lower[i..]) {
                            let modifier = t.lower[..i].trim_end_matches('-');
                            if lc.customer_words.iter().any(|c| c == modifier) {
                                continue;
                            }
                            for &(set, part) in entries {
                                out.push((pos, set, part, None));
                            }
                        }
                    }
                }
            }
            _ => {}
        }
        // A name or service glued to a noun ("E-Plus-Übernahme", "5G-utbygging").
        if is_mention(t) && t.suffix.starts_with('-') {
            for (set, part) in lc.compound_tails(&t.suffix[1..]) {
                out.push((pos, set, part, None));
            }
        }
    }
    out.sort_unstable_by_key(|a| (a.0, a.1, a.2 as u8));
    out.dedup_by_key(|a| (a.0, a.1, a.2 as u8));
    // The longest phrase at a position wins over a one-word trigger of another relation:
    // "slås sammen" (merge) is no "slås" (fight). Only where relations meet at a position.
    let shared = out
        .windows(2)
        .any(|w| w[0].0 == w[1].0 && lc.sets[w[0].1].relation != lc.sets[w[1].1].relation);
    if !shared {
        return out;
    }
    let longest = |&(pos, set, part, _): &(usize, usize, Part, Option<&str>)| {
        lc.sets[set]
            .parts
            .get(&part)
            .map_or(1, |p| p.forward(clause, pos).into_iter().max().unwrap_or(1))
    };
    let lens: Vec<usize> = out.iter().map(longest).collect();
    // Not where the longer phrase ends in a mention that a verb taking a bare service
    // object has as its object: "dele deres mobilnet" is a partnership and offers the
    // network's service.
    let keep: Vec<bool> = out
        .iter()
        .zip(&lens)
        .map(|(a, &len)| {
            !out.iter().zip(&lens).any(|(b, &other)| {
                b.0 == a.0
                    && other > len
                    && len == 1
                    && lc.sets[b.1].relation != lc.sets[a.1].relation
                    && !(lc.sets[a.1].bare_object
                        && clause.get(b.0 + other - 1).is_some_and(is_mention))
            })
        })
        .collect();
    let mut keep = keep.into_iter();
    out.retain(|_| keep.next().unwrap_or(true));
    out
}

/// Reads the relations of one masked sentence with the language's constructions.
pub fn find(
    masked: &str,
    article: &Article,
    mentions: &[Mention],
    focus: Option<usize>,
) -> Vec<Found> {
    let lc = language_constructions(&article.lang);
    if lc.instances.is_empty() {
        return Vec::new();
    }
    let all = &Knowledge::global().constructions;
    let signatures = &Knowledge::global().common.signatures;
    let mut out = Vec::new();
    // A sentence without a mention yields nothing.
    if !masked.contains(OPEN) {
        return Vec::new();
    }
    let mut toks = reduced(masked, mentions, lc);
    // Places after a place preposition, maybe after an article, are adjuncts ("bietet in
    // Österreich Glasfaser an", "launched 5G in the UK", "in der Schweiz").
    for i in 1..toks.len() {
        if let TokKind::Mention(k) = toks[i].kind {
            let mut prep = if i >= 2 && lc.articles.contains(&toks[i - 1].lower) {
                i - 2
            } else {
                i - 1
            };
            // A part of the place between ("i store deler av Vestlandet").
            if let Some(part) = lc.place_parts.iter().find(|part| {
                prep >= part.len()
                    && toks[prep + 1 - part.len()..=prep]
                        .iter()
                        .zip(part.iter())
                        .all(|(t, w)| t.lower == *w)
            }) {
                prep -= part.len();
            }
            if !toks[i].demonym
                && lc.place_prepositions.contains(&toks[prep].lower)
                && mentions
                    .get(k)
                    .is_some_and(|m| m.etype == crate::knowledge::EntityType::Place)
            {
                toks[i].adjunct = true;
            }
        }
        // The rest of a coordinated list of places ("in Sweden, Denmark and Finland").
        if i >= 2
            && toks[i - 2].adjunct
            && (toks[i - 1].lower == "," || lc.coordinators.contains(&toks[i - 1].lower))
        {
            if let TokKind::Mention(k) = toks[i].kind {
                if mentions
                    .get(k)
                    .is_some_and(|m| m.etype == crate::knowledge::EntityType::Place)
                {
                    toks[i].adjunct = true;
                }
            }
        }
    }
    // Partitive phrases are modifiers ("one of the largest operators in Y").
    for i in 0..toks.len() {
        if let Some(&len) = lc.partitives.forward(&toks, i).first() {
            for t in &mut toks[i..i + len] {
                t.partitive = true;
            }
        }
    }
    // The focus stands in for a missing employer only in a sentence that names it
    // (decided when a construction first needs it: folding every name costs).
    let named_here: Vec<usize> = toks
        .iter()
        .filter_map(|t| match t.kind {
            TokKind::Mention(i) => Some(i),
            _ => None,
        })
        .collect();
    let focus_here = std::cell::OnceCell::new();
    let focus_here = || {
        *focus_here.get_or_init(|| {
            focus.is_some_and(|f| {
                let focus_name = crate::text::fold(&mentions[f].surface);
                named_here.iter().any(|&i| {
                    mentions.get(i).is_some_and(|m| {
                        let name = crate::text::fold(&m.surface);
                        m.reference == mentions[f].reference
                            || name.starts_with(&focus_name)
                            || focus_name.starts_with(&name)
                    })
                })
            })
        })
    };
    for clause in clauses(toks, lc) {
        if !clause.iter().any(is_mention) {
            continue;
        }
        // Tokens that can fill a slot, counted up to each position; and the clause's words.
        let mut fillers = Vec::with_capacity(clause.len() + 1);
        fillers.push(0usize);
        for t in &clause {
            let fills = is_mention(t)
                || (t.kind == TokKind::Word
                    && (lc.pronouns.contains(&t.lower) || lc.possessives.contains(&t.lower)));
            fillers.push(fillers.last().copied().unwrap_or(0) + usize::from(fills));
        }
        let words: HashSet<&str> = clause.iter().map(|t| t.lower.as_str()).collect();
        // Which function-word classes the clause has, found on first need.
        let mut class_present: HashMap<Class, bool> = HashMap::new();
        let mut has_class = |c: Class| {
            *class_present.entry(c).or_insert_with(|| {
                lc.classes
                    .get(&c)
                    .is_none_or(|p| (0..clause.len()).any(|i| !p.forward(&clause, i).is_empty()))
            })
        };
        for (pos, si, part, particle) in anchors(lc, &clause) {
            let set = &lc.sets[si];
            let Some(instances) = lc.by_set_part.get(&(si, part)) else {
                continue;
            };
            let Some(signature) = signatures.get(&set.relation) else {
                continue;
            };
            let (x_types, y_types) = if set.inverse {
                (&signature.object[..], &signature.subject[..])
            } else {
                (&signature.subject[..], &signature.object[..])
            };
            for &ii in instances {
                let inst = &lc.instances[ii];
                if inst.slots_before > fillers[pos]
                    || inst.slots_after > fillers[clause.len()] - fillers[pos]
                    || !inst
                        .required_literals
                        .iter()
                        .all(|l| words.contains(l.as_str()))
                    || !inst.required_classes.iter().all(|&c| has_class(c))
                {
                    continue;
                }
                let apposition_head = matches!(
                    inst.template.elems.get(1),
                    Some((Elem::Literal(l), _)) if l == ","
                );
                let m = Matcher {
                    lc,
                    set,
                    toks: &clause,
                    particle,
                    mentions,
                    x_types,
                    y_types,
                    apposition_head,
                };
                let mut b = Bindings::default();
                let (left, right) = inst.template.elems.split_at(inst.anchor);
                // The anchor element itself is matched rightwards from its position.
                if !(m.run(right, pos, Dir::Forward, &mut b)
                    && m.run(left, pos, Dir::Backward, &mut b))
                {
                    continue;
                }
                // A separable verb needs its particle later in the clause.
                if let Some(particle) = m.particle {
                    if !clause[b.end..].iter().any(|t| t.lower == particle) {
                        continue;
                    }
                }
                if misread(lc, &clause, &b, pos, part, set, mentions) {
                    continue;
                }
                if lc.v2 && in_fronted_subordinate(&clause, b.x, pos) {
                    continue;
                }
                if lc.v2
                    && inst.opening_slot == Some(Role::X)
                    && in_fronted_phrase(lc, &clause, b.x)
                {
                    continue;
                }
                // A subject that closes an apposition to an earlier name describes it
                // ("Kabelplus , a unit of the utility EVN , supplies ..."); so does an
                // object that opens a passive ("EE , the joint venture of Deutsche
                // Telekom and Orange , will be acquired by BT").
                let subject_slot = if inst.opening_slot == Some(Role::Y) {
                    b.y
                } else {
                    b.x
                };
                if set.relation != "worksFor"
                    && !apposition_head
                    && ends_apposition(lc, &clause, subject_slot, pos)
                {
                    continue;
                }
                // A verb carries the clause: a negation after it still negates it.
                // So does a copula or auxiliary inside a noun's match: the predicate is
                // there ("Ein Konkurrent der Telekom ist Vodafone nicht").
                let verbal = !matches!(
                    part,
                    Part::Noun | Part::Relational | Part::Title | Part::TransferNoun
                ) || set.service_market
                    || clause[b.start..b.end]
                        .iter()
                        .any(|t| t.kind == TokKind::Word && lc.verb_words.contains(&t.lower));
                // A title or a relational noun describes a name; the clause's event can
                // fail without it ("BT chief executive X failed to win the auction").
                let describes = matches!(part, Part::Relational | Part::Title);
                // A possessed noun phrase presupposes what it names, whatever the clause
                // around it denies or weighs ("Telenor overvejer at sælge sin danske
                // forretning": the Danish business exists).
                // Not the object of a verb of having: "Telenor har ikke lenger sin danske
                // mobilforretning", "Vodafone hat sein Kabelgeschäft nicht mehr" deny it,
                // with the negation before or after.
                let had = (b.start.saturating_sub(4)..b.start).any(|i| {
                    clause[i].kind == TokKind::Word
                        && lc
                            .classes
                            .get(&Class::ObjectPredicative)
                            .is_some_and(|p| !p.forward(&clause, i).is_empty())
                });
                // So does a noun phrase in apposition to the name it follows ("Vodafone
                // denied it would buy Kestrel, a wholesale provider in Scotland": Kestrel is
                // one): a comma, then an article.
                let noun_apposition = apposition_head
                    && (b.start..b.end)
                        .find(|&k| clause[k].lower == ",")
                        .is_some_and(|k| {
                            clause.get(k + 1).is_some_and(|t| {
                                t.kind == TokKind::Word
                                    && (lc.articles.contains(&t.lower)
                                        || lc.indefinite_articles.contains(&t.lower))
                            })
                        });
                let presupposed = describes
                    && !verbal
                    && !had
                    && (noun_apposition
                        || clause
                            .get(b.start)
                            .is_some_and(|t| is_genitive(t) || lc.possessives.contains(&t.lower)));
                if if presupposed {
                    (b.start..b.end).any(|i| negation_at(lc, &clause, i))
                } else {
                    // The trigger's own words negate nothing: "dismissed Eir's challenge"
                    // is a ruling, though "dismissed" denies elsewhere.
                    let trigger_word = |i: usize| {
                        i == pos
                            || (b.start..b.end).contains(&i)
                                && set
                                    .parts
                                    .values()
                                    .any(|p| !p.forward(&clause, i).is_empty())
                    };
                    negated(
                        lc,
                        &clause,
                        &trigger_word,
                        b.start..b.end,
                        verbal || had,
                        describes,
                        matches!(set.relation.as_str(), "offers" | "operatesIn"),
                    )
                } {
                    continue;
                }
                if set.exit_sensitive && exited(lc, &clause, mentions, b.start, b.end) {
                    continue;
                }
                // A business unit as a verb's object is sold or bought, not offered
                // ("Telia säljer bredbandsverksamheten i Finland till Elisa").
                if set.relation == "offers" && verbal && unit_object(lc, &clause, &b, mentions) {
                    continue;
                }
                // A genitive object that closes the match owns the noun after it: the
                // author of a petition is not what is examined ("Ofcom is investigating
                // BT's complaint against Sky", "undersøger TDCs klage").
                if matches!(
                    inst.template.elems.last(),
                    Some((
                        Elem::Slot {
                            role: Role::Y,
                            genitive: true,
                            ..
                        },
                        _
                    ))
                ) && {
                    // Past the other owners of a coordinated genitive ("BT's and Sky's
                    // complaints") to the noun they share.
                    let mut at = b.end;
                    while clause.get(at).is_some_and(|t| {
                        t.lower == "," || lc.coordinators.contains(&t.lower) || is_genitive(t)
                    }) {
                        at += 1;
                    }
                    clause.get(at).is_some_and(|t| {
                        !lc.petitions.forward(&clause, at).is_empty()
                            || lc.petitions.compound_head(&t.lower)
                    })
                } {
                    continue;
                }
                // A coordinated subject related among itself (a template without Y and
                // no focus) by a word that has a complement naming another organisation
                // is related to that one instead: "Vodafone und O2 sind die größten
                // Konkurrenten der Telekom", "Orange et SFR sont les rivaux de Free",
                // "Telia og Telenor samarbeider med Ice".
                if b.y.is_none()
                    && !all[inst.construction].focus
                    && !b.x_implicit
                    && !b.y_implicit
                    && clause.get(b.end).is_some_and(|t| {
                        lc.genitive_articles.contains(&t.lower)
                            || lc.prepositions.contains(&t.lower)
                    })
                    && clause[b.end + 1..(b.end + 3).min(clause.len())]
                        .iter()
                        .any(|t| is_org_mention(t, mentions))
                {
                    continue;
                }
                if set.past_sensitive
                    && past(lc, &clause, b.start, b.end, |k| {
                        b.y.is_some_and(|(ys, ye)| {
                            clause[ys..ye].iter().any(|t| {
                                matches!(t.kind, TokKind::Mention(o)
                                    if mentions.get(o).zip(mentions.get(k))
                                        .is_some_and(|(a, c)| a.reference == c.reference))
                            })
                        })
                    })
                {
                    continue;
                }
                let c = &all[inst.construction];
                if c.complement_free && !set.preps.forward(&clause, b.end).is_empty() {
                    continue;
                }
                if c.possessor_free
                    && clause[b.start..pos.min(clause.len())].iter().any(|t| {
                        is_genitive(t)
                            || (t.kind == TokKind::Word
                                && (lc.possessives.contains(&t.lower) || t.lower.ends_with("'s")))
                    })
                {
                    continue;
                }
                // The slot the template lacks is the article's focus.
                if c.focus && b.x.is_none() {
                    // A relational noun opening the match names its relatum alone
                    // ("Konkurrenten Ice", "der Konkurrent Vodafone", "til konkurrenten
                    // Ice") only after nothing, an article, a preposition or a comma: not
                    // after a possessor ("Telenors største konkurrent Ice", "its rival",
                    // "Telekom-Konkurrent": the constructions with an X read those), a
                    // past marker ("den tidligere konkurrenten"), or a word that makes
                    // it a verb ("Nå utfordrer Telenor", "can rival Vodafone").
                    if matches!(
                        inst.template.elems.first(),
                        Some((Elem::Part(Part::Relational), _))
                    ) && !relatum_alone(lc, &clause, b.start)
                    {
                        continue;
                    }
                    b.x_implicit = true;
                } else if c.focus && b.y.is_none() {
                    // Not where a word before the match may name the employer ("Industry
                    // Secretary X", "Bredbandbolaget's managing director X").
                    let modified = clause[b.start.saturating_sub(2)..b.start]
                        .iter()
                        .any(|t| is_mention(t) || t.capitalised || t.lower.ends_with("'s"));
                    if modified || !focus_here() {
                        continue;
                    }
                    b.y_implicit = true;
                }
                // A pronoun in a clause after another names what that clause named first
                // ("Ofcom said that it is investigating EE", "Telenor opplyser at de vil
                // kjøpe Ice"); the focus stands in where the sentence names nothing before.
                // Whether the stand-in is the one name of the clause a possessive can refer
                // to: then the argument is named, not implicit.
                let mut named_in_clause = false;
                let stand_in = if b.pronoun {
                    let (types, slot) = if b.x_implicit {
                        (x_types, b.x)
                    } else {
                        (y_types, b.y)
                    };
                    let at = slot.map_or(b.start, |(s, _)| s);
                    // A market's or a unit's possessor only where one name could be it:
                    // in "Telia said Telenor had lost its position in the Swedish market"
                    // the possessive may be either company's.
                    let in_clause = if set.relation == "operatesIn" || set.service_market {
                        match market_possessor(lc, &clause, at, mentions, types) {
                            Possessor::None => None,
                            Possessor::One(m) => Some(m),
                            Possessor::Ambiguous => continue,
                        }
                    } else {
                        None
                    };
                    named_in_clause = in_clause.is_some() && set.service_market;
                    in_clause
                        .or_else(|| antecedent(&clause, at, &named_here, mentions, types))
                        .or_else(|| cataphor(&clause, &b, mentions, types))
                        .or(focus)
                } else {
                    focus
                };
                // A stand-in is never one of the names the match relates it to ("Comme
                // ses rivaux Iliad, SFR et Altice, ..." are not Iliad's rivals).
                let named_slot = if b.x_implicit { b.y } else { b.x };
                let stand_in = stand_in.filter(|&s| {
                    !mentions_in(&clause, named_slot).iter().any(|&m| {
                        mentions
                            .get(m)
                            .zip(mentions.get(s))
                            .is_some_and(|(a, b)| a.reference == b.reference)
                    })
                });
                let rule = format!("{}.{}.{}", article.lang, set.relation, c.id);
                let mut found = claims(
                    &clause, &b, set, &rule, c.conf, mentions, stand_in, signatures,
                );
                // An apposition after a list and naming a list relates them in turn ("Talkmore
                // og Chess, datterselskaper av Telenor og Telia": Chess is Telia's, not
                // Telenor's), whether the slot holds the list or, where a name of the list is
                // no mention, its last name ("Smarty and Voxi, the brands of O2 and
                // Vodafone": Voxi is Vodafone's). Lists of different lengths pair nothing.
                if let (true, Some((Elem::Slot { role, .. }, _))) =
                    (apposition_head, inst.template.elems.first())
                {
                    let (head, other) = match role {
                        Role::X => (b.x, b.y),
                        Role::Y => (b.y, b.x),
                    };
                    let closes_list = head.is_some_and(|(s, _)| {
                        s >= 2
                            && is_mention(&clause[s - 2])
                            && lc.coordinators.contains(&clause[s - 1].lower)
                    });
                    let heads = mentions_in(&clause, head);
                    let others = mentions_in(&clause, other);
                    let pairs: Option<Vec<(usize, usize)>> = match (heads.len(), others.len()) {
                        (1, n) if n >= 2 && closes_list => Some(vec![(heads[0], others[n - 1])]),
                        (h, n) if h >= 2 && n >= 2 => Some(
                            heads
                                .iter()
                                .copied()
                                .zip(others.iter().copied())
                                .filter(|_| h == n)
                                .collect(),
                        ),
                        _ => None,
                    };
                    if let Some(pairs) = pairs {
                        found.retain(|f| {
                            pairs.iter().any(|&(a, o)| {
                                (f.subject, f.object) == (a, o) || (f.subject, f.object) == (o, a)
                            })
                        });
                    }
                }
                if named_in_clause {
                    for f in &mut found {
                        f.implicit = None;
                    }
                }
                // Offering something in a place is running a business there ("Telia
                // tilbyr 5G i Danmark", "I Finland driver Telia ...", "launched 5G in Oslo").
                // Competing in a place is doing business there too, for both rivals ("Tre
                // konkurrerar med Telia om företagskunderna i Göteborg").
                // So is sharing or building something there together ("Telia og Ice har
                // inngått ein avtale om å dele mobilmaster i Finnmark").
                let placed = match set.relation.as_str() {
                    "offers" => Some(("offers-in-place", 0.85)),
                    "competitorOf" => Some(("competes-in-place", 0.8)),
                    // Only partners acting together (no "with Y": a supplier signed with
                    // in a place, "signed a deal with Ericsson in Stockholm", is not there).
                    "partnerOf" if b.y.is_none() => Some(("partners-in-place", 0.75)),
                    _ => None,
                };
                if let Some((name, factor)) = placed {
                    let symmetric = matches!(set.relation.as_str(), "competitorOf" | "partnerOf");
                    let rivals: Vec<Found> = if symmetric {
                        found
                            .iter()
                            .filter(|f| f.implicit.is_none())
                            .flat_map(|f| {
                                [f.subject, f.object].map(|subject| Found {
                                    subject,
                                    object: f.object,
                                    relation: f.relation.clone(),
                                    rule: f.rule.clone(),
                                    confidence: f.confidence,
                                    implicit: None,
                                })
                            })
                            .collect()
                    } else {
                        Vec::new()
                    };
                    let subjects = if symmetric { &rivals } else { &found };
                    let rule = format!("{}.operatesIn.{name}", article.lang);
                    // Only places up to the first comma after the match that opens no list
                    // item: what follows one is another clause's or an apposition's
                    // ("Telenor competes with Telia, an analyst in London said", "with
                    // Telia, the leader in Sweden"; "i Danmark, Sverige og Norge" is a list).
                    let cut = (b.end..clause.len())
                        .find(|&k| {
                            clause[k].lower == "," && !clause.get(k + 1).is_some_and(is_mention)
                        })
                        .unwrap_or(clause.len());
                    let placed_clause = &clause[..cut];
                    for extra in
                        offered_in_places(placed_clause, subjects, &rule, c.conf * factor, mentions)
                    {
                        let known = out.iter().any(|f: &Found| {
                            f.subject == extra.subject
                                && f.object == extra.object
                                && f.relation == extra.relation
                        });
                        if !known {
                            out.push(extra);
                        }
                    }
                }
                // "X, CEO of A and chairman of B": the second role is X's too.
                if set.relation == "worksFor" && part == Part::Title {
                    let rule = format!("{}.worksFor.coordinated-role", article.lang);
                    let title_before_y = b.y.is_some_and(|(ys, _)| pos < ys);
                    if title_before_y && !b.y_implicit {
                        out.extend(coordinated_roles(
                            lc,
                            &clause,
                            &b,
                            &found,
                            mentions,
                            &rule,
                            c.conf * 0.9,
                        ));
                    }
                }
                out.extend(found);
            }
        }
    }
    out
}

/// worksFor claims for a role coordinated with the one a title construction read: after
/// its employer, a coordinator, a title (up to three words before it) and a preposition
/// or a comma, then an organisation ("vd på A och styrelseordförande i B", "vice vd,
/// Telia AB och vd, Telia Mobile AB"). The subjects are those of `found`.
fn coordinated_roles(
    lc: &LanguageConstructions,
    clause: &[Tok],
    b: &Bindings,
    found: &[Found],
    mentions: &[Mention],
    rule: &str,
    confidence: f32,
) -> Vec<Found> {
    let Some((_, ye)) = b.y else {
        return Vec::new();
    };
    let word = |t: &Tok| t.kind == TokKind::Word && !t.boundary && t.lower != ",";
    let mut k = ye;
    let mut employers = Vec::new();
    while clause
        .get(k)
        .is_some_and(|t| lc.coordinators.contains(&t.lower))
    {
        k += 1;
        // A title, after at most three modifiers ("vice", "administrerende"); a former
        // role is no employment ("and former chief executive of B").
        let title_end = (k..(k + 4).min(clause.len()))
            .take_while(|&i| word(&clause[i]) && lc.past_markers.forward(clause, i).is_empty())
            .find_map(|i| {
                let phrase = lc.titles.forward(clause, i).into_iter().max();
                phrase
                    .or_else(|| lc.titles.compound_head(&clause[i].lower).then_some(1))
                    .map(|len| i + len)
            });
        let Some(mut at) = title_end else { break };
        // A preposition or a comma, maybe an article, then the employer.
        let linked = clause.get(at).is_some_and(|t| {
            t.lower == "," || (t.kind == TokKind::Word && lc.prepositions.contains(&t.lower))
        });
        if !linked {
            break;
        }
        at += 1;
        if clause
            .get(at)
            .is_some_and(|t| t.kind == TokKind::Word && lc.articles.contains(&t.lower))
        {
            at += 1;
        }
        match clause.get(at).map(|t| t.kind) {
            Some(TokKind::Mention(m))
                if mentions.get(m).is_some_and(|m| m.etype.is_organisation()) =>
            {
                employers.push(m);
                k = at + 1;
            }
            _ => break,
        }
    }
    for_named_subjects(found, &employers, "worksFor", rule, confidence)
}

/// `relation` claims from the named subject of every claim in `found` to each of
/// `objects` (mention indices), read by `rule` with `confidence`.
fn for_named_subjects(
    found: &[Found],
    objects: &[usize],
    relation: &str,
    rule: &str,
    confidence: f32,
) -> Vec<Found> {
    found
        .iter()
        .filter(|f| f.implicit != Some(Slot::Subject))
        .flat_map(|f| {
            objects.iter().map(move |&o| Found {
                subject: f.subject,
                object: o,
                relation: relation.to_string(),
                rule: rule.to_string(),
                confidence,
                implicit: None,
            })
        })
        .collect()
}

/// Whether the verb at `pos` is a participle of the set (its passive form) in a passive
/// clause: a passive auxiliary stands between the subject and it, or right after it, and
/// no perfect auxiliary that is not also a passive one follows it ("übernommen haben").
fn passive_participle_clause(
    lc: &LanguageConstructions,
    clause: &[Tok],
    b: &Bindings,
    pos: usize,
    set: &CompiledSet,
) -> bool {
    let (Some(passive), Some(pass), Some(aux)) = (
        set.parts.get(&Part::Passive),
        lc.classes.get(&Class::Pass),
        lc.classes.get(&Class::Aux),
    ) else {
        return false;
    };
    let Some(len) = passive.forward(clause, pos).into_iter().max() else {
        return false;
    };
    let word_matches = |p: &Phrases, i: usize| {
        clause.get(i).is_some_and(|t| t.kind == TokKind::Word) && !p.forward(clause, i).is_empty()
    };
    let after = pos + len;
    if word_matches(aux, after) && !word_matches(pass, after) {
        return false;
    }
    let from = b.x.map_or(b.start, |(_, xe)| xe);
    (from..pos).any(|i| word_matches(pass, i)) || word_matches(pass, after)
}

/// Whether a match reads the clause in a way its grammar rules out: across the comma
/// that closes an apposition, an object of an earlier coordinated verb as the subject
/// ("Telenor eier DNA og har nå kjøpt Ice"), a large holder as an owner ("den største
/// eieren"), a name set off by a comma as an infinitive's subject ("with A's
/// shareholders, B and C, to acquire Y"), a possessed noun read pairwise, an adverb of
/// togetherness anywhere but after an acting subject that owns something together, a
/// market or customers another's ("of Y") or placed in another country.
fn misread(
    lc: &LanguageConstructions,
    clause: &[Tok],
    b: &Bindings,
    pos: usize,
    part: Part,
    set: &CompiledSet,
    mentions: &[Mention],
) -> bool {
    let relation = set.relation.as_str();
    // Where the verb closes the clause, a participle after a passive auxiliary is a
    // passive ("Y wird von der 1998 gegründeten X übernommen", "Y, die von X kontrolliert
    // wird"): the passive constructions read it, or nothing does when its agent is not
    // found; never the active ones, which would turn the relation round. Not a perfect
    // or a modal's perfect ("soll Y übernommen haben").
    if part == Part::Verb && lc.verb_final && passive_participle_clause(lc, clause, b, pos, set) {
        return true;
    }
    // A copula followed by a verb is an auxiliary ("Telia is buying the broadband provider
    // Ambernet"): the noun after it is the verb's object, no predicative of the subject.
    if matches!(part, Part::Relational | Part::Title) {
        let copula = lc.classes.get(&Class::Copula);
        // Only where the noun is that verb's direct object: no preposition or possessive
        // between ("is replacing Huawei equipment in its 5G network" keeps its reading).
        let progressive = (b.start..b.end.min(pos)).any(|k| {
            copula
                .and_then(|c| c.forward(clause, k).into_iter().max())
                .is_some_and(|len| {
                    let next = k + len;
                    next < pos
                        && clause[next].kind == TokKind::Word
                        && !clause[next].boundary
                        && trigger_verb_at(clause, next, &clause[next], lc)
                        && clause[next + 1..pos].iter().all(|t| {
                            !(t.kind == TokKind::Word
                                && (lc.prepositions.contains(&t.lower)
                                    || lc.possessives.contains(&t.lower)))
                                && !is_genitive(t)
                        })
                })
        });
        if progressive {
            return true;
        }
    }
    // A role's employer followed by an employer preposition and another organisation is a
    // unit of that one ("direktør for Stakeholder Relations i Norlys", "head of Mobile
    // at Telia"): the role construction reads the organisation after it instead.
    if relation == "worksFor" && part == Part::Title {
        if let Some((_, ye)) = b.y {
            let employer_prep = lc
                .classes
                .get(&Class::Employer)
                .and_then(|p| p.forward(clause, ye).into_iter().max());
            let organisation_after = |k: usize| {
                clause
                    .get(past_word_of(clause, k, &lc.articles))
                    .is_some_and(|t| is_org_mention(t, mentions))
            };
            if employer_prep.is_some_and(|len| organisation_after(ye + len)) {
                return true;
            }
        }
    }
    // A name after a preposition, closing an inserted phrase with a comma, is no subject
    // of the verb after the comma ("Fiberklaar, a joint venture of Proximus and EQT, will
    // bring fibre" says nothing of EQT): the insert's head is.
    if !matches!(part, Part::Title | Part::Relational)
        && b.x.is_some_and(|(xs, xe)| {
            // Back over the items of a list the name closes ("of Proximus and EQT", "of
            // A, B and C"): a comma only before the coordinator ("patron de SFR, Pierre
            // Lemoine, dirige" is an apposition, no list).
            let mut k = xs;
            let mut coordinated = false;
            while k >= 2
                && is_mention(&clause[k - 2])
                && (lc.coordinators.contains(&clause[k - 1].lower)
                    || (coordinated && clause[k - 1].lower == ","))
            {
                coordinated = true;
                k -= 2;
            }
            xe <= pos
                && k > 0
                && clause.get(xe).is_some_and(|t| t.lower == ",")
                && clause[k - 1].kind == TokKind::Word
                && lc.prepositions.contains(&clause[k - 1].lower)
        })
    {
        return true;
    }
    // A name qualifying a customer noun names whose customers they are, not what is bought
    // ("bid aggressively for BT customers").
    if matches!(relation, "acquires" | "owns")
        && b.y.is_some_and(|(_, ye)| {
            clause
                .get(ye)
                .is_some_and(|t| t.kind == TokKind::Word && lc.customer_words.contains(&t.lower))
        })
    {
        return true;
    }
    // A verb of having with a bare object is an auxiliary before a trigger's participle
    // ("the mobile operator that BT Group has wholly owned since 2016" has no offer).
    if set.bare_object
        && part == Part::Verb
        && clause.iter().skip(pos + 1).take(3).any(|t| {
            t.kind == TokKind::Word
                && !lc.prepositions.contains(&t.lower)
                && lc.index.get(t.lower.as_str()).is_some_and(|entries| {
                    entries
                        .iter()
                        .any(|&(_, p)| matches!(p, Part::Verb | Part::Passive))
                })
        })
    {
        return true;
    }
    let x_end = b.x.map(|(_, xe)| xe);
    let coordinated = x_end.is_some_and(|xe| {
        xe < pos
            && lc.coordinators.contains(&clause[xe].lower)
            && !clause[xe..pos].iter().any(is_mention)
    });
    // ... and so is a minority holder ("en minoritetseier i", "a minority owner of").
    let large_holder = relation == "owns"
        && part == Part::Relational
        && clause[b.start..b.end].iter().any(|t| {
            lc.large_holder_words.contains(&t.lower)
                || lc
                    .minority_stems
                    .iter()
                    .any(|m| t.lower.contains(m.as_str()))
        });
    // A partial holding ("der delvist ejes af X", "partly owned by X") need not control.
    let partial = relation == "owns"
        && (b.start..b.end).any(|k| {
            clause[k].kind == TokKind::Word && !lc.partial_words.forward(clause, k).is_empty()
        });
    let infinitive = x_end.is_some_and(|xe| xe + 2 <= pos)
        && lc.infinitive_markers.contains(&clause[pos - 1].lower)
        && clause[pos - 2].lower == ",";
    // A pairwise reading (no Y) of a noun a possessor governs: "Telias konkurrenter
    // Tele2 och Telenor", "ses rivaux Free, Orange et SFR" are the possessor's rivals,
    // which says nothing of the others.
    // Not a possessive pronoun after the coordinated subject before an action noun: it is
    // the subject's own ("SFR et Bouygues Telecom ont prolongé leur accord", "BT and Sky
    // extended their agreement"); their relational nouns still name others ("their rivals").
    let possessed = b.y.is_none()
        && matches!(part, Part::Relational | Part::Noun)
        && (b.start.saturating_sub(1)..pos).any(|i| {
            let pronoun = lc.possessives.contains(&clause[i].lower);
            let subjects_own = pronoun && part == Part::Noun && b.x.is_some_and(|(_, xe)| xe <= i);
            (is_genitive(&clause[i]) || pronoun)
                && !b.x.is_some_and(|(xs, xe)| xs <= i && i < xe)
                && !subjects_own
        });
    // A reciprocal match anchored on an adverb of togetherness ("sammen", "jointly").
    let together = part == Part::Reciprocal && !lc.together.forward(clause, pos).is_empty();
    // An adverb of togetherness reads only the coordinated subject that opens the clause,
    // acting: not "together with Y" (a second party of anything: "fell 3 percent,
    // together with BT", "slår Get sammen med Telia Norge"), not an object ("Analysts put
    // Telia and Telenor together"), not after a preposition or an article ("til sammen",
    // "l'ensemble du marché"), not in a passive or copular clause ("were jointly fined").
    let misplaced = together
        && (b.y.is_some()
            || b.x.is_some_and(|(xs, _)| {
                xs > usize::from(
                    clause
                        .first()
                        .is_some_and(|t| t.kind == TokKind::Word && lc.articles.contains(&t.lower)),
                )
                    // ... or right after the finite verb in V2, an adverbial fronted ("I
                    // Danmark driver Telia och Telenor ett gemensamt mobilnät").
                    && !(lc.v2 && xs >= 2 && verb_starts(clause, xs - 1, lc))
            })
            || pos.checked_sub(1).is_some_and(|i| {
                let t = &clause[i];
                t.kind == TokKind::Word
                    && (lc.prepositions.contains(&t.lower) || lc.articles.contains(&t.lower))
            })
            || [Class::Pass, Class::Copula, Class::By].iter().any(|c| {
                lc.classes.get(c).is_some_and(|p| {
                    (0..clause.len()).any(|i| {
                        clause[i].kind == TokKind::Word && !p.forward(clause, i).is_empty()
                    })
                })
            }));
    // "A og B har sammen 80 prosent av markedet", "A and B together have 3 million
    // customers", "dominate the market together": together they add up a share, a count
    // or a market, no partnership.
    let number = |t: &Tok| {
        t.lower.chars().any(|c| c.is_ascii_digit())
            && t.lower
                .chars()
                .all(|c| c.is_ascii_digit() || matches!(c, '.' | ',' | '%'))
    };
    let summed = together
        && clause.iter().enumerate().any(|(i, t)| {
            !lc.percent_words.forward(clause, i).is_empty()
                || !lc.stake_words.forward(clause, i).is_empty()
                || number(t)
                || lc.number_words.contains(&t.lower)
                || lc.customer_words.contains(&t.lower)
                || (t.kind == TokKind::Word && lc.market_nouns.compound_head(&t.lower))
                // A market named with its service ("dominerer sammen bredbåndsmarkedet").
                || matches!(t.kind, TokKind::Mention(k) if t.service
                    && mentions.get(k).is_some_and(|m| {
                        lc.market_nouns.compound_head(&crate::text::lower_case(&m.surface))
                    }))
        });
    // Acting together is a joint act, so a partnership ("A og B eier sammen C", "Tele2
    // och Telenor bygger gemensamt ut 5G-nätet", "A and B jointly run the network"), as
    // GUIDELINES' cooperation reads it; the sums and dominance above are none.
    // "les clients luxembourgeois de SFR Belgique", "the Swedish customers of Tele2": the
    // market or customers named are another's.
    let anothers = relation == "operatesIn"
        && part == Part::Noun
        && lc.classes.get(&Class::Of).is_some_and(|of| {
            of.forward(clause, b.end)
                .into_iter()
                .any(|len| clause.get(b.end + len).is_some_and(is_mention))
        });
    // "its Polish customers living in Norway", "sine norske kunder med hytte i Sverige":
    // customers or units of one nationality placed in another country say nothing of the
    // first.
    let country = |t: &Tok| match t.kind {
        TokKind::Mention(i) => mentions.get(i).and_then(Mention::country),
        _ => None,
    };
    let named =
        b.y.and_then(|(ys, ye)| clause[ys..ye].iter().find_map(&country));
    let placed_elsewhere = relation == "operatesIn"
        && named.as_ref().is_some_and(|named| {
            clause[b.end.min(clause.len())..].windows(2).any(|w| {
                w[0].kind == TokKind::Word
                    && lc.place_prepositions.contains(&w[0].lower)
                    && !w[1].demonym
                    && country(&w[1]).is_some_and(|c| c != *named)
            })
        });
    closes_apposition(clause, b)
        || placed_elsewhere
        || coordinated
        || large_holder
        || partial
        || infinitive
        || possessed
        || summed
        || misplaced
        || anothers
}

/// operatesIn claims for the subjects of `found` (offers claims with a named subject) and
/// every place adjunct of the clause ("i Danmark", "in Oslo").
fn offered_in_places(
    clause: &[Tok],
    found: &[Found],
    rule: &str,
    confidence: f32,
    mentions: &[Mention],
) -> Vec<Found> {
    // A place in the genitive qualifies the noun after it ("its stake in Germany's Viag
    // Interkom"), no place of the clause.
    // ... unless the noun is the service offered ("Britain's first 5G network",
    // "Norges første 5G-nett"): the service is offered there.
    let service_of_place = |i: usize| {
        clause[i + 1..]
            .iter()
            .take(3)
            .take_while(|t| t.kind == TokKind::Word || t.service)
            .any(|t| t.service)
    };
    // A place right after another organisation's name and its preposition is that
    // organisation's ("en avtale om salg av kundebaser i Telenordia Privat i Sverige").
    let others_place = |i: usize| {
        i >= 2
            && clause[i - 1].kind == TokKind::Word
            && matches!(clause[i - 2].kind, TokKind::Mention(k) if mentions.get(k).is_some_and(|m| {
                matches!(
                    m.etype,
                    crate::knowledge::EntityType::Company | crate::knowledge::EntityType::PublicBody
                ) && !found.iter().any(|f| f.subject == k || f.object == k)
            }))
    };
    let places: Vec<usize> = clause
        .iter()
        .enumerate()
        .filter(|(i, _)| !others_place(*i))
        .filter(|(i, t)| {
            (t.adjunct && !is_genitive(t))
                || (is_genitive(t)
                    && !t.demonym
                    && matches!(t.kind, TokKind::Mention(k) if mentions.get(k)
                        .is_some_and(|m| m.etype == crate::knowledge::EntityType::Place))
                    && service_of_place(*i))
        })
        .filter_map(|(_, t)| match t.kind {
            TokKind::Mention(k) => Some(k),
            _ => None,
        })
        .collect();
    for_named_subjects(found, &places, "operatesIn", rule, confidence)
}

/// Whether a match that begins with a possessor in an apposition (right after a comma)
/// reads across the comma that closes it: in "Telenor, Norges største teleselskap, kjøper Ice" the genitive
/// "Norges" qualifies Telenor, not Ice.
fn closes_apposition(clause: &[Tok], b: &Bindings) -> bool {
    let (Some((xs, xe)), Some((ys, ye))) = (b.x, b.y) else {
        return false;
    };
    if b.start == 0 || clause[b.start - 1].lower != "," || !is_genitive(&clause[b.start]) {
        return false;
    }
    let (lo, hi) = if xe <= ys { (xe, ys) } else { (ye, xs) };
    lo < hi && clause[lo..hi].iter().any(|t| t.lower == ",")
}

/// The antecedent of a pronoun at token `pronoun` of `clause`: the first mention of the
/// sentence (`named`, in text order) before the clause's first mention after the pronoun
/// whose type fits the slot.
fn antecedent(
    clause: &[Tok],
    pronoun: usize,
    named: &[usize],
    mentions: &[Mention],
    types: &[crate::knowledge::EntityType],
) -> Option<usize> {
    let after = clause
        .get(pronoun + 1..)?
        .iter()
        .filter_map(|t| match t.kind {
            TokKind::Mention(i) => mentions.get(i).map(|m| m.start),
            _ => None,
        })
        .min()?;
    named.iter().copied().find(|&i| {
        mentions
            .get(i)
            .is_some_and(|m| m.start < after && can_stand_in(m, types))
    })
}

/// Who a possessive before a market stands for.
enum Possessor {
    /// The clause names no candidate before it.
    None,
    /// This mention.
    One(usize),
    /// More than one could be it.
    Ambiguous,
}

/// The possessor of the possessive at `clause[pronoun]`: the one entity the clause names
/// before it that can stand in; else among those that stand as a subject (a word that is
/// no preposition, coordinator or article after them: "Telia kjøper Get og styrker sin
/// posisjon" has Telia, not Get), the only one, or, where the possessive is reflexive
/// (the Nordic "sin", which always means the clause's subject), the nearest ("Ifølge
/// Telia har Ice styrket sin posisjon" is Ice's). A non-reflexive possessive right after
/// a name and a coordinator is that name's ("Get and its customers").
fn market_possessor(
    lc: &LanguageConstructions,
    clause: &[Tok],
    pronoun: usize,
    mentions: &[Mention],
    types: &[crate::knowledge::EntityType],
) -> Possessor {
    let before = &clause[..pronoun.min(clause.len())];
    let candidates: Vec<(usize, usize)> = before
        .iter()
        .enumerate()
        .filter_map(|(k, t)| match t.kind {
            TokKind::Mention(i) => mentions
                .get(i)
                .filter(|m| can_stand_in(m, types))
                .map(|_| (k, i)),
            _ => None,
        })
        .collect();
    let same = |a: usize, b: usize| {
        mentions
            .get(a)
            .zip(mentions.get(b))
            .is_some_and(|(x, y)| x.reference == y.reference)
    };
    // Every mention of the list names one entity.
    let one = |list: &[(usize, usize)]| list.iter().all(|&(_, m)| same(m, list[0].1));
    // "Get and its customers": a possessive right after a name and a coordinator is
    // that name's (a reflexive one would be the subject's).
    if !lc.reflexive_possessives && pronoun >= 2 {
        if let Some(&(_, m)) = candidates.last().filter(|&&(k, _)| k + 2 == pronoun) {
            if lc.coordinators.contains(&clause[pronoun - 1].lower) {
                return Possessor::One(m);
            }
        }
    }
    match candidates.as_slice() {
        [] => return Possessor::None,
        [(_, m), ..] if one(&candidates) => return Possessor::One(*m),
        _ => {}
    }
    // A name right before a preposition that governs the possessive's phrase is a likely
    // possessor itself ("Telenor criticised Telia for its position", "Vodafone hilft 1&1,
    // seine Position ... auszubauen"), unless the possessive is reflexive.
    if !lc.reflexive_possessives {
        if let Some(&(k, _)) = candidates.last() {
            if k + 2 == before.len()
                && (before[k + 1].kind == TokKind::Punct
                    || lc.prepositions.contains(&before[k + 1].lower))
            {
                return Possessor::Ambiguous;
            }
        }
    }
    let subjects: Vec<(usize, usize)> = candidates
        .iter()
        .copied()
        .filter(|&(k, _)| {
            before.get(k + 1).is_some_and(|t| {
                t.kind == TokKind::Word
                    && !t.relative
                    && !lc.prepositions.contains(&t.lower)
                    && !lc.coordinators.contains(&t.lower)
                    && !lc.articles.contains(&t.lower)
            })
        })
        .collect();
    match subjects.as_slice() {
        [] => Possessor::Ambiguous,
        [(_, m), ..] if one(&subjects) => Possessor::One(*m),
        [.., (_, m)] if lc.reflexive_possessives => Possessor::One(*m),
        _ => Possessor::Ambiguous,
    }
}

/// The subject a stand-in before it anticipates: the first name after the comma that
/// closes the match, where it can stand in the slot ("Comme ses rivaux Free et SFR,
/// Bouygues Telecom investit", "Like its rivals A and B, Telenor ...").
fn cataphor(
    clause: &[Tok],
    b: &Bindings,
    mentions: &[Mention],
    types: &[crate::knowledge::EntityType],
) -> Option<usize> {
    if clause.get(b.end).is_none_or(|t| t.lower != ",") {
        return None;
    }
    let next = clause.get(b.end + 1..)?.iter().find_map(|t| match t.kind {
        TokKind::Mention(i) => Some(i),
        _ => None,
    })?;
    mentions
        .get(next)
        .is_some_and(|m| can_stand_in(m, types))
        .then_some(next)
}

/// Whether `m` can be what a pronoun stands for in a slot of `types`: a name of its own,
/// not a nationality or a part of a longer name.
fn can_stand_in(m: &Mention, types: &[crate::knowledge::EntityType]) -> bool {
    types.contains(&m.etype)
        && !matches!(
            m.origin,
            Origin::Demonym | Origin::Parent | Origin::NamePart
        )
}

/// Whether the slot that stands as the clause's subject (`slot`: X, or Y opening a
/// passive) closes an apposition to what stands before it, before the trigger (the
/// patterns ask the same of the masked text: `patterns::closes_apposition`):
/// "Kabelplus , bislang eine Tochter des Versorgers EVN , versorgt ..." (EVN describes
/// Kabelplus and is no subject of the verb after the closing comma). A list of names
/// ("Telia , Telenor og Tele2") is no apposition: a word that is no coordinator stands
/// between the opening comma and the slot; nor is a report (", said X , ...").
fn ends_apposition(
    lc: &LanguageConstructions,
    toks: &[Tok],
    slot: Option<(usize, usize)>,
    pos: usize,
) -> bool {
    let Some((xs, xe)) = slot else {
        return false;
    };
    if xe >= pos || toks.get(xe).is_none_or(|t| t.lower != ",") {
        return false;
    }
    let Some(open) = toks[..xs].iter().rposition(|t| t.lower == ",") else {
        return false;
    };
    open > 0
        && !toks
            .get(open + 1)
            .is_some_and(|t| lc.speech_verbs.contains(&t.lower))
        && toks[open + 1..xs]
            .iter()
            .any(|t| t.kind == TokKind::Word && !lc.coordinators.contains(&t.lower))
        // A noun phrase, no clause ("Selon Les Echos , Altice a déposé une offre sur Zeop").
        && !(open + 1..xs).any(|k| verb_starts(toks, k, lc))
}

/// Whether the subject slot lies in a prepositional phrase that opens a V2 clause ("Med
/// Ericsson som partner kan vi bygga ut 5G", "Von der Telekom übernahm Vodafone ..."):
/// the finite verb follows a fronted phrase and the subject follows the verb, so a name in
/// the phrase (maybe after an article or a nationality) is the preposition's object.
fn in_fronted_phrase(lc: &LanguageConstructions, toks: &[Tok], x: Option<(usize, usize)>) -> bool {
    let Some((xs, _)) = x else {
        return false;
    };
    // Quotation marks or a dash before the phrase open no constituent.
    let first = toks
        .iter()
        .position(|t| t.kind != TokKind::Punct)
        .unwrap_or(0);
    xs > first
        && toks[first].kind == TokKind::Word
        // Not a subordinator spelt as a preposition ("Während die Telekom 5G anbietet").
        && !toks[first].boundary
        && lc.prepositions.contains(&toks[first].lower)
        && toks[first + 1..xs]
            .iter()
            .all(|t| t.demonym || (t.kind == TokKind::Word && lc.articles.contains(&t.lower)))
}

/// Whether the subject slot lies in a subordinate clause fronted before the trigger's main
/// clause, in a V2 language: the clause opens with a subordinator before it, and a comma
/// stands between it and the trigger ("Weil Vodafone zögerte, übernahm die Telekom 1&1",
/// "Fordi Telia nølte, kjøpte Telenor Ice": the main clause's subject follows its verb).
fn in_fronted_subordinate(toks: &[Tok], x: Option<(usize, usize)>, anchor: usize) -> bool {
    let Some((x_start, x_end)) = x else {
        return false;
    };
    if x_end > anchor || !toks[x_end..anchor].iter().any(|t| t.lower == ",") {
        return false;
    }
    let segment_start = toks[..x_start]
        .iter()
        .rposition(|t| t.lower == ",")
        .map_or(0, |c| c + 1);
    toks.get(segment_start).is_some_and(|t| t.boundary)
}

/// A negation, denial or hedge inside the match or before it in its clause, or a
/// cancellation in the eight tokens after it ("fusjonen ... gikk i vasken") unless the
/// match only `describes` a name (a title, a relational noun). With `ability`, a modal
/// of ability alone ("kan": can or may) hedges nothing: "Vi kan enklare tilby breiband"
/// states an offer (the caller sets it for offers and operatesIn). `span` is the match's
/// tokens; a `trigger_word` position (the trigger's own words) negates nothing.
fn negated(
    lc: &LanguageConstructions,
    toks: &[Tok],
    trigger_word: &dyn Fn(usize) -> bool,
    span: std::ops::Range<usize>,
    verbal: bool,
    describes: bool,
    ability: bool,
) -> bool {
    // The trigger itself negates nothing: "dismissed Eir's challenge" is a ruling.
    let (start, end) = (span.start, span.end);
    let negates = |i: usize| {
        !trigger_word(i)
            && negation_at(lc, toks, i)
            && !(ability
                && lc.ability_modals.contains(&toks[i].lower)
                && lc.negations.forward(toks, i).iter().all(|&len| len == 1))
    };
    // Back to the clause's last boundary, eight tokens at most ("rygter om, at selskabet
    // skulle købe Y").
    let mut from = start.saturating_sub(8);
    // A comma ends the look-back ("... ikke misbrukt kundedata, sier X i Y").
    if let Some(c) = toks[from..start].iter().rposition(|t| t.lower == ",") {
        let comma = from + c;
        from = comma + 1;
        // Unless a complementizer follows it: a denial or hedge before the comma governs
        // the clause it introduces ("TDC afviser (rygterne om), at selskabet vil købe Y").
        if lc.complementizers.contains(&toks[from].lower)
            && (comma.saturating_sub(6)..comma).any(&negates)
        {
            return true;
        }
    }
    if let Some(b) = toks[from..start].iter().rposition(|t| t.boundary) {
        let boundary = from + b;
        // A denial governs the clause it introduces ("Telenor avviser at selskapet skal
        // kjøpe Tele2").
        let denied = (boundary.saturating_sub(6)..boundary).any(&negates);
        if denied {
            return true;
        }
        from = boundary + 1;
    }
    // After a verbal match, up to the end of its clause: German puts "nicht" last
    // ("Vodafone kauft Unitymedia nicht", "bietet Glasfaser nicht an"); a comma, a
    // coordinator or a relative pronoun starts something else ("kjøper Ice, men ikke
    // Telia"). A noun's match has its own predicate outside it.
    // Any complementizer or clause preposition ends it too, whatever follows ("bought EE
    // after Vodafone walked away"; "fined BT after finding that the company failed to
    // connect calls": the failure is the finding's, not the fine's).
    let clause_opener = |k: usize| {
        toks[k].kind == TokKind::Word
            && (lc.complementizers.contains(&toks[k].lower)
                || lc.clause_prepositions.contains(&toks[k].lower))
    };
    let rest = (end..toks.len())
        .find(|&k| {
            let t = &toks[k];
            t.lower == ","
                || t.boundary
                || t.relative
                || lc.coordinators.contains(&t.lower)
                // "sells mobile plans but no broadband": the other conjunct's negation.
                || (t.kind == TokKind::Word && !lc.adversatives.forward(toks, k).is_empty())
                || clause_opener(k)
        })
        .unwrap_or(toks.len());
    // A match that ends in a subordinate clause ("krev at Ice", "demands that BT") leaves
    // what follows to that clause: "krev at Ice sluttar å selje abonnementet" is a demand.
    let subordinate = (start..end)
        .any(|i| toks[i].kind == TokKind::Word && lc.complementizers.contains(&toks[i].lower));
    let rest = if verbal && !subordinate { rest } else { end };
    // After the match, a hedge right after an article qualifies a noun of the object's
    // phrase, not the verb ("varslet Ice om et mulig pålegg", "warned BT of a possible
    // fine": the notice is given).
    // ... or after a preposition ("etterforsker Telenor for mulig misbruk", "investigates
    // BT over possible abuse").
    let attributive = |i: usize| {
        i > end
            && toks[i - 1].kind == TokKind::Word
            && (lc.articles.contains(&toks[i - 1].lower)
                || lc.indefinite_articles.contains(&toks[i - 1].lower)
                || lc.prepositions.contains(&toks[i - 1].lower))
    };
    (from..end).any(&negates)
        || (end..rest).any(|i| negates(i) && !attributive(i))
        || (!describes
            && !subordinate
            && (end..(end + 8).min(toks.len()))
                .take_while(|&i| !clause_opener(i))
                .any(|i| !lc.cancellations.forward(toks, i).is_empty()))
}

/// A past marker ("tidligere", "formerly") inside the match, right before it, or in the
/// three tokens after it up to a coordinator ("var vd för Tele2 fram till 2019", "was
/// chairman of BT, until 2010"; not the "tidligere" of "eier X og tidligere var ..."). Also in a title before the
/// subject that the relation's own object heads in the genitive ("Telias förre vd X
/// lämnade bolaget": the ended role is at that employer; "Former CFO X was appointed
/// chief executive of Vodafone" names another role). `is_object(k)`: whether mention `k`
/// is the relation's object.
fn past(
    lc: &LanguageConstructions,
    toks: &[Tok],
    start: usize,
    end: usize,
    is_object: impl Fn(usize) -> bool,
) -> bool {
    let mut from = start.saturating_sub(1);
    let mut k = from;
    while k > 0 && start - k < 3 && toks[k - 1].kind == TokKind::Word && !toks[k - 1].boundary {
        k -= 1;
    }
    let owned_title = k > 0
        && k < from
        && is_genitive(&toks[k - 1])
        && matches!(toks[k - 1].kind, TokKind::Mention(m) if is_object(m));
    if owned_title {
        from = k;
    }
    // A span of two years right after the match closes the role or holding ("var
    // konsernsjef i Telenor fra 2002 til 2015", "mellan 2013 och 2018").
    let year = |t: &Tok| crate::text::is_year(&t.lower);
    let after = &toks[end.min(toks.len())..(end + 6).min(toks.len())];
    let range = after
        .iter()
        .position(year)
        .is_some_and(|i| after[i + 1..].iter().take(2).any(year));
    // After the match only up to a coordinator: "som eier Norsk Telecom og tidligere var
    // finansdirektør i NetCom" leaves the holding current; a comma does not end the look
    // ("was chairman of BT, until 2010").
    let mut until = (end + 3).min(toks.len());
    if let Some(p) = toks[end.min(until)..until]
        .iter()
        .position(|t| lc.coordinators.contains(&t.lower))
    {
        until = end + p;
    }
    // A marker of several words that ends right before the match ("före detta
    // Telia-chefen X").
    let right_before = (start.saturating_sub(3)..start).any(|i| {
        lc.past_markers
            .forward(toks, i)
            .iter()
            .any(|&len| i + len == start)
    });
    range || right_before || (from..until).any(|i| !lc.past_markers.forward(toks, i).is_empty())
}

/// Whether a verb of leaving or closing down stands in the match or before it in its
/// clause, with nothing between it and the match's end that starts another predicate (a
/// comma, coordinator, complementizer, adversative, relative pronoun or clause boundary)
/// or names an organisation: "Tele2 har lämnat den svenska marknaden",
/// "Telia left the Danish market", "a quitté le marché français"; not "Telia closed down
/// its copper network but offers fibre in Denmark", nor "the customers who left Telia say
/// it offers fibre".
fn exited(
    lc: &LanguageConstructions,
    toks: &[Tok],
    mentions: &[Mention],
    start: usize,
    end: usize,
) -> bool {
    let end = end.min(toks.len());
    // Whether the token at `k` starts another predicate, or is an organisation the exit
    // verb may have left ("Kunder som lämnade Telia säger att Tele2 erbjuder ...").
    let breaks = |k: usize| {
        let t = &toks[k];
        t.lower == ","
            || t.boundary
            || t.relative
            || lc.coordinators.contains(&t.lower)
            || lc.complementizers.contains(&t.lower)
            || !lc.relative.forward(toks, k).is_empty()
            || !lc.adversatives.forward(toks, k).is_empty()
            || is_org_mention(t, mentions)
    };
    // Back from the match to the nearest break, eight tokens at most ("TDC har lämnat
    // den svenska marknaden" matches from the adjective).
    let mut from = start;
    while from > 0 && start - from < 8 && !breaks(from - 1) {
        from -= 1;
    }
    // Only an exit verb after the last break before the match's end counts.
    let after_break = (from..end)
        .rev()
        .find(|&k| breaks(k))
        .map_or(from, |k| k + 1);
    (after_break..end).any(|i| !lc.exits.forward(toks, i).is_empty())
}

/// Whether the relational noun at `at` stands without a possessor: after an article,
/// preposition or comma, maybe past one or two modifiers (no name, genitive, possessive or
/// past marker among them), or opening the clause itself (a word before it there may be a
/// fronted adverb that makes the noun a verb).
fn relatum_alone(lc: &LanguageConstructions, clause: &[Tok], at: usize) -> bool {
    let mut k = at;
    while k > 0 {
        let t = &clause[k - 1];
        if matches!(t.lower.as_str(), "," | ":" | "(") {
            return true;
        }
        if is_mention(t)
            || lc.possessives.contains(&t.lower)
            || !lc.past_markers.forward(clause, k - 1).is_empty()
        {
            return false;
        }
        if lc.articles.contains(&t.lower) || lc.prepositions.contains(&t.lower) {
            return true;
        }
        if at - k >= 2 {
            return false;
        }
        k -= 1;
    }
    // At the clause's start only the noun itself: a word before it may be a fronted
    // adverb, making it a verb ("Nå utfordrer Telenor vedtaket").
    k == at
}

fn mentions_in(toks: &[Tok], range: Option<(usize, usize)>) -> Vec<usize> {
    let Some((s, e)) = range else {
        return Vec::new();
    };
    toks[s..e]
        .iter()
        .filter_map(|t| match t.kind {
            TokKind::Mention(i) => Some(i),
            _ => None,
        })
        .collect()
}

#[allow(clippy::too_many_arguments)]
fn claims(
    toks: &[Tok],
    b: &Bindings,
    set: &CompiledSet,
    rule: &str,
    conf: f32,
    mentions: &[Mention],
    focus: Option<usize>,
    signatures: &std::collections::BTreeMap<String, crate::knowledge::Signature>,
) -> Vec<Found> {
    let Some(signature) = signatures.get(&set.relation) else {
        return Vec::new();
    };
    let mut xs = if b.x_implicit {
        focus.into_iter().collect()
    } else {
        mentions_in(toks, b.x)
    };
    let mut ys = if b.y_implicit {
        focus.into_iter().collect()
    } else {
        mentions_in(toks, b.y)
    };
    let mut implicit = if b.x_implicit {
        Some(Slot::Subject)
    } else {
        b.y_implicit.then_some(Slot::Object)
    };
    if set.inverse {
        std::mem::swap(&mut xs, &mut ys);
        implicit = implicit.map(|slot| match slot {
            Slot::Subject => Slot::Object,
            Slot::Object => Slot::Subject,
        });
    }
    let mut pairs: Vec<(usize, usize)> = Vec::new();
    if b.y.is_none() && !b.y_implicit && !b.x_implicit {
        // Reciprocal: the pairs within a coordinated subject ("A og B fusjonerer").
        if !signature.symmetric || xs.len() < 2 {
            return Vec::new();
        }
        for (i, &a) in xs.iter().enumerate() {
            for &c in &xs[i + 1..] {
                pairs.push((a, c));
            }
        }
    } else {
        for &s in &xs {
            for &o in &ys {
                pairs.push((s, o));
            }
        }
    }
    let mut out = Vec::new();
    for (s, o) in pairs {
        let (Some(sm), Some(om)) = (mentions.get(s), mentions.get(o)) else {
            continue;
        };
        if sm.reference == om.reference
            || !signature.subject.contains(&sm.etype)
            || !signature.object.contains(&om.etype)
        {
            continue;
        }
        let mut confidence = conf;
        if sm.origin == Origin::Anaphor || om.origin == Origin::Anaphor {
            confidence *= 0.85;
        }
        if implicit.is_some() {
            confidence *= 0.75;
        }
        out.push(Found {
            subject: s,
            object: o,
            relation: set.relation.clone(),
            rule: rule.to_string(),
            confidence,
            implicit,
        });
    }
    out
}

/// The relation claims of a sentence from the constructions, ready for the claim list.
pub fn relation_claims(
    masked: &str,
    article: &Article,
    sentence: usize,
    mentions: &[Mention],
    focus: Option<usize>,
) -> Vec<RelationClaim> {
    find(masked, article, mentions, focus)
        .into_iter()
        .filter_map(|f| {
            let mut claim = RelationClaim {
                subject: f.subject,
                property: f.relation,
                object: f.object,
                sentence,
                rule: f.rule,
                confidence: f.confidence,
                implicit: f.implicit,
            };
            super::offered_if_product(&mut claim, mentions).then_some(claim)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The first-word filter only skips tokens no phrase starts with.
    #[test]
    fn phrases_found_at_every_token_the_filter_passes() {
        let long = "a".repeat(70);
        let phrases = Phrases::new(["eine Tochter", "ein", "einer der", long.as_str(), "øst"]);
        let text = format!(
            "ein einer der eine Tochter {long} {}b øst ost eins",
            "a".repeat(69)
        );
        let toks = tokenize(&text, &[]);
        let found: Vec<Vec<usize>> = (0..toks.len()).map(|i| phrases.forward(&toks, i)).collect();
        assert_eq!(
            found,
            vec![
                vec![1],
                vec![2],
                vec![],
                vec![2],
                vec![],
                vec![1],
                vec![],
                vec![1],
                vec![],
                vec![]
            ]
        );
    }

    #[test]
    fn templates_parse_and_reject_unknown_elements() {
        let t = Template::parse("X G V O Y").unwrap();
        assert_eq!(t.elems.len(), 5);
        assert_eq!(t.anchor(), 2);
        let t = Template::parse("X's A N PREP O Y").unwrap();
        assert_eq!(t.anchor(), 2);
        assert!(matches!(
            t.elems[0].0,
            Elem::Slot {
                role: Role::X,
                genitive: true,
                ..
            }
        ));
        let t = Template::parse("X G S A N PREP O Y").unwrap();
        assert_eq!(
            t.anchor(),
            4,
            "the noun carries the relation, not the support verb"
        );
        assert!(Template::parse("X G Q Y").is_err());
        assert!(Template::parse("X G Y").is_err(), "no trigger part");
        let t = Template::parse("Y PASS? G P BY X").unwrap();
        assert!(t.elems[1].1);
    }

    #[test]
    fn tokens_keep_names_whole_and_punctuation_apart() {
        let toks = tokenize(
            "\u{E000}0\u{E001}s oppkjøp av \u{E000}1\u{E001} ( e.on , 1&1 ) .",
            &[],
        );
        let kinds: Vec<String> = toks
            .iter()
            .map(|t| match t.kind {
                TokKind::Mention(i) => format!("M{i}{}", t.suffix),
                _ => t.lower.clone(),
            })
            .collect();
        assert_eq!(
            kinds,
            ["M0s", "oppkjøp", "av", "M1", "(", "e.on", ",", "1&1", ")", "."]
        );
        let words: Vec<String> = tokenize_plain("l'acquisition d’Orange qu'il it's")
            .into_iter()
            .map(|(w, _)| w)
            .collect();
        assert_eq!(
            words,
            ["l'", "acquisition", "d'", "orange", "qu'", "il", "it's"]
        );
        let toks = tokenize("\u{E000}2\u{E001}-sjef sa.", &[]);
        assert_eq!(toks[0].suffix, "-sjef");
        assert_eq!(toks.last().unwrap().lower, ".");
    }
}
