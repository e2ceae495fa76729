//! The project's knowledge as data: gazetteer, places, per-language lexicons and patterns.
//!
//! Every file lives under `ontology/` and is compiled into the binary with `include_str!`,
//! so the tool runs offline as one file. A language is a folder `ontology/lang/<code>/`
//! whose files merge into one [`Lexicon`]: adding a language is adding such a folder (the
//! build script lists the files; no Rust changes), and [`KNOWLEDGE_DIR_VAR`] reads the
//! knowledge from a folder at run time instead.

use crate::error::{Error, Result};
use foldhash::{HashMap, HashSet};
use serde::Deserialize;
use std::collections::BTreeMap;
use std::sync::OnceLock;

/// The six entity classes of the graph contract.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Deserialize, serde::Serialize,
)]
pub enum EntityType {
    Company,
    Regulator,
    PublicBody,
    Person,
    Product,
    Place,
}

impl EntityType {
    pub const ALL: [EntityType; 6] = [
        EntityType::Company,
        EntityType::Regulator,
        EntityType::PublicBody,
        EntityType::Person,
        EntityType::Product,
        EntityType::Place,
    ];
    pub fn name(self) -> &'static str {
        match self {
            EntityType::Company => "Company",
            EntityType::Regulator => "Regulator",
            EntityType::PublicBody => "PublicBody",
            EntityType::Person => "Person",
            EntityType::Product => "Product",
            EntityType::Place => "Place",
        }
    }
    pub fn is_organisation(self) -> bool {
        matches!(
            self,
            EntityType::Company | EntityType::Regulator | EntityType::PublicBody
        )
    }
}

/// A known entity of the gazetteer.
#[derive(Debug, Clone, Deserialize)]
pub struct GazetteerEntity {
    pub id: String,
    #[serde(rename = "type")]
    pub etype: EntityType,
    pub name: String,
    #[serde(default)]
    pub aliases: Vec<String>,
    #[serde(default)]
    pub context_aliases: Vec<String>,
    #[serde(default)]
    pub former: Vec<String>,
    #[serde(default)]
    pub country: Option<String>,
    #[serde(default)]
    pub same_as: Option<String>,
}

#[derive(Debug, Deserialize)]
struct GazetteerFile {
    #[serde(default)]
    entity: Vec<GazetteerEntity>,
}

/// A country, region or city, with its names and demonyms in every language.
#[derive(Debug, Clone, Deserialize)]
pub struct PlaceEntry {
    pub id: String,
    pub name: String,
    #[serde(default)]
    pub names: Vec<String>,
    /// Adjectives ("svenske", "French") that say an organisation belongs to the place.
    #[serde(default)]
    pub demonyms: Vec<String>,
    #[serde(default)]
    pub country: Option<String>,
    #[serde(default)]
    pub currency: Option<String>,
    /// "country" for countries (other places are regions and cities).
    #[serde(default)]
    pub kind: Option<String>,
}

impl PlaceEntry {
    /// Whether the place is a country (`kind = "country"`), not a region or a city.
    pub fn is_country(&self) -> bool {
        self.kind.as_deref() == Some("country")
    }
}

#[derive(Debug, Deserialize)]
struct PlacesFile {
    #[serde(default)]
    place: Vec<PlaceEntry>,
}

/// Knowledge shared by every language.
#[derive(Debug, Clone, Deserialize)]
pub struct Common {
    /// The languages in the order their lexicons are listed (and tried), by code.
    #[serde(default)]
    pub languages: Vec<String>,
    /// Groups of languages a trigram model confuses (nb, nn, da, sv): language
    /// identification decides among a group with lingua and the lexicons' markers.
    #[serde(default)]
    pub confusable_languages: Vec<Vec<String>>,
    /// Legal-form suffixes (AS, ASA, AB, GmbH ...): a capitalised span followed by one is a company.
    pub legal_forms: Vec<String>,
    /// Trailing words that leave the company the same ("Networks", "Group").
    #[serde(default)]
    pub generic_company_words: Vec<String>,
    /// Words that end company names and never person names ("Telecom", "Mobile"), besides
    /// the legal forms and generic company words: a name that begins with a given name but
    /// ends in one is a company ("Kaleva Telecom").
    #[serde(default)]
    pub company_name_words: Vec<String>,
    /// Legal form -> ISO 3166-1 alpha-2 codes of the countries whose law has it (ISO 20275
    /// Entity Legal Forms). A known company written with a form none of its own country
    /// has is its unit in that country ("TDC Oy"). Forms of many countries are absent.
    #[serde(default)]
    pub legal_form_countries: BTreeMap<String, Vec<String>>,
    /// Currency symbols and codes written before or after the amount.
    pub currency_symbols: BTreeMap<String, String>,
    /// Codes that carry a scale, written after the amount ("650 MNOK", "1 570 MSEK"):
    /// code -> (ISO 4217 code, multiplier in full units).
    #[serde(default)]
    pub scaled_currencies: BTreeMap<String, (String, f64)>,
    /// Acronyms of technology, never organisations (GSM, ADSL ...).
    pub tech_acronyms: Vec<String>,
    /// Lower-case words that may join capitalised words into one name ("de", "von", "og").
    pub name_connectors: Vec<String>,
    /// Given names: a capitalised span starting with one is a person.
    pub given_names: Vec<String>,
    /// Capitalised words that are never a name on their own (months, weekdays ...).
    pub not_names: Vec<String>,
    /// Labels of a web page's keyword line ("Mots-clés", "Tags", "Stikkord",
    /// "Schlagwörter"), as written: the items after one and its colon are topics, not
    /// names the article reports on.
    #[serde(default)]
    pub tag_labels: Vec<String>,
    /// Relation signatures: property -> allowed subject and object types.
    pub signatures: BTreeMap<String, Signature>,
    /// Relations that a past marker of the language's grammar voids (roles that ended).
    #[serde(default)]
    pub past_sensitive: Vec<String>,
    /// Relations a verb of leaving (grammar `exits`) in the claim's clause voids: "TDC har
    /// forlatt det norske markedet" says TDC no longer operates in Norway.
    #[serde(default)]
    pub exit_sensitive: Vec<String>,
    /// Relations that are states, not events: a fronted subordinate clause may say when one
    /// begins ("Når oppkjøpet er gjennomført, eier Telenor Ice"), so it fronts events only.
    #[serde(default)]
    pub states: Vec<String>,
}

#[derive(Debug, Clone, Deserialize)]
pub struct Signature {
    pub subject: Vec<EntityType>,
    pub object: Vec<EntityType>,
    #[serde(default)]
    pub symmetric: bool,
}

/// Number words of one language.
#[derive(Debug, Clone, Deserialize, Default)]
pub struct NumberWords {
    /// "," or ".": the decimal separator of the language.
    pub decimal: String,
    #[serde(default)]
    pub words: BTreeMap<String, f64>,
    #[serde(default)]
    pub scales: BTreeMap<String, f64>,
    /// Hedges before a number ("vel", "about") kept as evidence, value unchanged.
    #[serde(default)]
    pub approx: Vec<String>,
}

/// Metric cue words of one language (matched as words or compound suffixes).
#[derive(Debug, Clone, Deserialize, Default)]
pub struct MetricCues {
    #[serde(default)]
    pub customers: Vec<String>,
    #[serde(default)]
    pub employees: Vec<String>,
    #[serde(default)]
    pub revenue: Vec<String>,
    #[serde(default)]
    pub profit: Vec<String>,
    #[serde(default)]
    pub loss: Vec<String>,
    #[serde(default)]
    pub price: Vec<String>,
    /// Nouns of a customer count written before the number ("a customer base of 31
    /// million", "Kundenstamm von", "parc d'abonnés de").
    #[serde(default)]
    pub customer_bases: Vec<String>,
    /// Results before interest, tax or depreciation ("EBITDA", "Ergebnis vor Zinsen",
    /// "rörelseresultat", "operating profit"): a profit or loss figure they name is no net
    /// income.
    #[serde(default)]
    pub operating: Vec<String>,
}

/// One relation pattern: a regex over the masked sentence with `{X}`/`{Y}` slots.
#[derive(Debug, Clone, Deserialize)]
pub struct PatternSpec {
    /// Rule name, unique within the language; shown as provenance.
    pub id: String,
    /// Property of the graph contract (owns, acquires ...), or absent for a pure reduction.
    #[serde(default)]
    pub p: Option<String>,
    pub re: String,
    #[serde(default = "default_confidence")]
    pub conf: f32,
    /// After matching, replace the whole match by this slot ("X" or "Y"): a reduction.
    #[serde(default)]
    pub keep: Option<String>,
    /// "X" or "Y": that slot is the article's main organisation, not in the text
    /// (staff quoted without their employer, an offer named without its provider).
    #[serde(default)]
    pub focus: Option<String>,
    /// A deal noun ("the acquisition of", "förvärvet av") presupposes the deal: a negation
    /// around it ("may not proceed with") does not undo it.
    #[serde(default)]
    pub ignore_negation: bool,
    /// A reduction that applies only where no name follows its match ("Telias danske
    /// afdeling." but not "Telias svenska enhet Fiber Business").
    #[serde(default)]
    pub not_before_name: bool,
    /// An apposition reduction that does not apply where what it drops between the
    /// commas is only a name, maybe after an article: that is an item of a list ("A, B,
    /// C og D", "la Guadeloupe, la Guyane, la Martinique").
    #[serde(default)]
    pub not_list_item: bool,
    /// The X of this reduction is no object of any claim in the sentence (it names a
    /// part of X, not X).
    #[serde(default)]
    pub blocks_object: bool,
    /// false: the pattern's claim must hold for a reduction to apply, but is not kept
    /// (a nationality says where a company is from, not where it runs its business).
    #[serde(default = "default_true")]
    pub emit: bool,
    /// The subject must be a state named by a "state-owned" word.
    #[serde(default)]
    pub subject_state: bool,
    /// The object must be a state named by a minister's title ("Sweden's industry
    /// minister, X").
    #[serde(default)]
    pub object_state: bool,
}

/// A regular derivation of verb forms (grammar `verb_form_rules`): a trigger verb
/// phrase whose first word ends in `suffix` gives the phrase with that ending replaced by
/// `replacement`.
#[derive(Debug, Clone, Deserialize, PartialEq, Eq)]
pub struct VerbFormRule {
    pub suffix: String,
    pub replacement: String,
    /// The fewest characters the word keeps before the suffix ("geben" has a stem, "en"
    /// none); 0 where unset.
    #[serde(default)]
    pub min_stem: usize,
}

/// Function words of one language that the shared constructions are built from
/// (`grammar.toml` of its folder). Every list is lower case; entries may be phrases.
#[derive(Debug, Clone, Deserialize, Default)]
pub struct Grammar {
    /// Features the constructions may require: `v2` (the finite verb is the second
    /// constituent: "I går kjøpte X Y"), `verb_final` (subordinate clauses and non-finite
    /// verbs at the end: "X hat Y übernommen"), `place_adjuncts` (a country's name
    /// qualifies a following noun as its nationality does: "the US carrier", "a UK
    /// operator"), `reflexive_possessive` (the possessives stand for the clause's subject:
    /// "sin", "sitt"), `s_genitive` (a name takes a genitive ending: "Eir's", "Telias").
    #[serde(default)]
    pub features: Vec<String>,
    /// Regular derivations of verb forms applied to every trigger set's verbs, reciprocal
    /// verbs, separable stems and support verbs when the lexicon is loaded (German:
    /// "-en" to "-e", the present subjunctive of reported speech: "die Telekom kaufe",
    /// "konkurriere mit", "biete ... an"). A first word that is also one of the set's
    /// passive participles ("übernommen") is left alone.
    #[serde(default)]
    pub verb_form_rules: Vec<VerbFormRule>,
    /// Finite auxiliaries and modals that may stand before the main verb ("har", "will",
    /// "a", "hat"), also as chains ("vil ha").
    #[serde(default)]
    pub auxiliaries: Vec<String>,
    /// Auxiliaries of the passive ("ble", "was", "a été", "wird").
    #[serde(default)]
    pub passive_auxiliaries: Vec<String>,
    /// Prepositions introducing the agent of a passive ("av", "by", "par", "von").
    #[serde(default)]
    pub agent: Vec<String>,
    /// Prepositions introducing the agent of an action noun ("par", "durch", "by").
    #[serde(default)]
    pub noun_agent: Vec<String>,
    /// Relative pronouns (subject or object): they open a relative clause.
    #[serde(default)]
    pub relative: Vec<String>,
    /// Relative pronouns that can only be the subject of their clause (German "der").
    #[serde(default)]
    pub relative_subject: Vec<String>,
    /// Relative pronouns that can only be the object of their clause (German "den").
    #[serde(default)]
    pub relative_object: Vec<String>,
    /// Subordinating conjunctions: a clause boundary no gap crosses ("at", "because").
    #[serde(default)]
    pub subordinators: Vec<String>,
    /// Every preposition of the language: a gap before an object ends at one, unless it
    /// is in `object_prepositions`.
    #[serde(default)]
    pub prepositions: Vec<String>,
    /// Prepositions that may stand between a verb and its object ("30 prosent av aksjene
    /// i Y", "a stake in Y", "60 Prozent an Y"); the trigger set's `preps` may too.
    #[serde(default)]
    pub object_prepositions: Vec<String>,
    /// Prepositions that, right before the object, make it a part of it ("i", "of",
    /// "an", "de"): the gap must then hold a stake word ("30 prosent av aksjene i Y").
    #[serde(default)]
    pub partitive_prepositions: Vec<String>,
    /// Phrases that pick one out of a group before a noun ("one of the", "blant de",
    /// "parmi les", "einer der"): they may stand among a noun's modifiers ("X is one of
    /// the largest operators in Y").
    #[serde(default)]
    pub partitives: Vec<String>,
    /// Sentence adverbs that change no relation ("også", "now", "auch", "désormais"):
    /// dropped from a clause where they do not open it, so that "tilbyr også Telenor",
    /// "ekspanderer nå i" and "rullar nu ut" read as without them.
    #[serde(default)]
    pub transparent_adverbs: Vec<String>,
    /// Infinitive markers ("to", "å", "att", "zu", "de"): the subject of an infinitive is
    /// the main clause's, never a name a comma sets off before it ("an agreement with
    /// DNA's shareholders, A and B, to acquire ...").
    #[serde(default)]
    pub infinitive_markers: Vec<String>,
    /// Complementizers ("at", "att", "that", "dass", "que"): a denial before the comma
    /// in front of one governs the clause it opens.
    #[serde(default)]
    pub complementizers: Vec<String>,
    /// Negation particles that a restrictive word later in the clause turns into "only"
    /// (French "ne ... que": "n'a déployé son offre que le 17 mai"), with those words.
    #[serde(default)]
    pub restrictive_particles: Vec<String>,
    #[serde(default)]
    pub restrictive_markers: Vec<String>,
    /// Endings a passive participle takes as an adjective before a noun ("übernommen" ->
    /// "übernommene", "kjøpt" -> "kjøpte", "ägd" -> "ägda"): every one-word passive of the
    /// trigger sets is also matched with each.
    #[serde(default)]
    pub participle_endings: Vec<String>,
    /// Phrases that open with a negation word but negate nothing: focus particles ("not
    /// only", "nicht nur", "ikke bare", "non seulement").
    #[serde(default)]
    pub focus_particles: Vec<String>,
    /// Words that open examples of the noun before them ("such as", "wie", "comme",
    /// "bland annat"): "in several countries, such as Germany and Italy" reads as "in
    /// Germany and Italy".
    #[serde(default)]
    pub exemplifiers: Vec<String>,
    /// Conjunctions of an indirect question ("whether", "ob", "si", "om", "huruvida"):
    /// after a verb or noun of investigating, the company the question is about is the
    /// one investigated ("examines whether Orange abused ...").
    #[serde(default)]
    pub interrogatives: Vec<String>,
    /// Indefinite articles ("a", "en", "et", "ein", "un"): one may open an apposition that
    /// describes a name ("X, et datterselskap av Y").
    #[serde(default)]
    pub indefinite_articles: Vec<String>,
    /// Endings of a noun's definite plural ("-ene", "-erne", "-arna"): a capitalised word
    /// opening a sentence with one is a noun, not a name ("Aksjene ble kjøpt av X").
    #[serde(default)]
    pub definite_plural_endings: Vec<String>,
    /// Endings of a noun's definite singular ("-en", "-et"): a capitalised genitive
    /// opening a sentence with one is a noun's, not a name's ("Regjeringens forslag").
    #[serde(default)]
    pub definite_singular_endings: Vec<String>,
    /// Conditional forms that in reported speech are the future of the past ("said it
    /// would buy", "sagte, es würde ... übernehmen"): an announcement, no hedge.
    #[serde(default)]
    pub reported_future: Vec<String>,
    /// Future and modal auxiliaries ("vil", "will", "würde", "pourrait"): the main clause
    /// after a condition that has one states what would follow ("Hvis styrelsen giver
    /// tilladelse, vil Andel udbyde 5G"), not what is; one without is read ("Si l'opérateur
    /// historique semble hors d'atteinte, Iliad est au coude-à-coude avec SFR").
    #[serde(default)]
    pub conditional_consequents: Vec<String>,
    /// Words of a percentage after a number ("prosent", "%", "per cent", "Prozent"): a
    /// share below half is a stake, no ownership.
    #[serde(default)]
    pub percent_words: Vec<String>,
    /// Prepositions of place before a country or city ("i", "in", "en", "au", "im"): a
    /// company that offers something in a place runs a business there.
    #[serde(default)]
    pub place_prepositions: Vec<String>,
    /// Words that make an owner noun a large holder, not a controlling one ("den største
    /// eieren", "the largest shareholder", "größter Aktionär"): GUIDELINES' owns needs
    /// all or a controlling part.
    #[serde(default)]
    pub large_holder_words: Vec<String>,
    /// Endings of abstract nouns where every noun is capitalised ("-ung", "-heit",
    /// "-keit"): a capitalised stretch that opens with such a noun and goes on over a
    /// lower-case connector ("Anmietung von Leitungen", "Bereitstellung der Netze") is a
    /// noun phrase, no name, unless a legal form closes it.
    #[serde(default)]
    pub abstract_noun_endings: Vec<String>,
    /// Adverbs and participles that make an ownership partial ("delvis eid av", "partly
    /// owned by", "teilweise im Besitz", "détenu en partie par"): a part that need not be
    /// a controlling one, so no owns (GUIDELINES: all or a controlling part).
    #[serde(default)]
    pub partial_words: Vec<String>,
    /// Words for a part of a company that make a partitive preposition name a stake in it
    /// ("prosent", "aksjene", "stake", "Anteil", "participation"); matched as compound
    /// heads too ("aksjemajoriteten").
    #[serde(default)]
    pub stake_words: Vec<String>,
    /// The rest of a company's shares after a stake named before in the sentence ("resten
    /// av aksjene", "the remaining", "die restlichen"): read as that company ("X har 20
    /// prosent i Y, mens Z eier resten" says Z owns Y). A number and a percent word may
    /// follow ("the remaining 51 per cent").
    #[serde(default)]
    pub remainder: Vec<String>,
    /// Nouns of a plan or project ("planene", "plans", "die Pläne", "le projet"): a sentence
    /// that opens with one and says it was called off (lexicon `cancellations`) states no
    /// deal ("Planene om at X skulle kjøpe Y, er skrinlagt").
    #[serde(default)]
    pub plan_nouns: Vec<String>,
    /// Phrases naming a part of a place between a preposition of place and the place ("i
    /// store deler av Vestlandet", "in large parts of", "dans une grande partie de"): the
    /// place is still where the clause happens.
    #[serde(default)]
    pub place_parts: Vec<String>,
    /// Words that negate a clause and nothing else ("ikke", "aldri", "not", "never",
    /// "nicht", "kein", "pas", "jamais"), lower case: the lexicon's `negations` hold hedges
    /// and denials too.
    #[serde(default)]
    pub negators: Vec<String>,
    /// Court nouns written right before a place to name a court ("Landgericht München",
    /// "tribunal de commerce de Paris"), and right after one ("Oslo tingrett", "Stockholms
    /// tingsrätt", "Manchester Crown Court"): the court is a public body.
    #[serde(default)]
    pub courts_before_place: Vec<String>,
    #[serde(default)]
    pub courts_after_place: Vec<String>,
    /// Adjectives of the rest that name it only before its share ("the remaining 51 per
    /// cent", "de resterende 60 prosentene"; not "the remaining towers").
    #[serde(default)]
    pub remainder_share: Vec<String>,
    /// Prepositions between a role title and the employer in the role constructions
    /// ("chief executive of BT"); defaults to the lexicon's `employer_prepositions`, which
    /// also type the name after them and so stay narrower ("of" also heads "Secretary of
    /// State").
    #[serde(default)]
    pub employer: Vec<String>,
    /// Phrases that introduce the members of a group subject ("et konsortium bestående af
    /// X og Y overtager Z"): the members are still the subject.
    #[serde(default)]
    pub member_prepositions: Vec<String>,
    /// Comitative prepositions ("med", "with", "avec", "mit").
    #[serde(default)]
    pub with: Vec<String>,
    /// "mellom", "between", "entre", "zwischen".
    #[serde(default)]
    pub between: Vec<String>,
    /// "of", "de", "von": before a coordinated pair they join it only after a noun of a
    /// joint act ("the merger of A and B"); "la concurrence de A et de B" is competition
    /// from both, not between them.
    #[serde(default)]
    pub of_pair: Vec<String>,
    /// Articles or prepositions that put the name after a noun in the genitive ("das
    /// Geschäft der Telekom", "l'enquête de l'Arcep"): after an action noun the name is
    /// its agent where a preposition names the other party (template class `GEN`); in an
    /// object gap a capitalised noun before it, not the name, is the object, unless it
    /// names a stake ("die Mehrheit der Telekom").
    #[serde(default)]
    pub genitive_articles: Vec<String>,
    /// Words after a noun that make the name after them its possessor ("of", "de",
    /// "d'", "der"): "the mobile network of Vodafone", "le réseau mobile de SFR", "das
    /// Mobilfunknetz der Telekom" are the company's offers. Not the Nordic "til", which
    /// is also "to" ("selger mobilnettet til Telenor": see `postposed_genitive_subject`),
    /// nor German "von", which also names a supplier or an agent ("5G von Ericsson").
    #[serde(default)]
    pub postposed_genitive: Vec<String>,
    /// Postposed genitive markers that are also prepositions of direction (Norwegian
    /// "til": "mobilnettet til Telenor" is Telenor's, "selger mobilnettet til Telenor"
    /// sells it to Telenor), lower case: read only after a definite service noun that no
    /// verb governs (the clause's start, a preposition or a complementizer before it).
    #[serde(default)]
    pub postposed_genitive_subject: Vec<String>,
    /// Distributive quantifiers after a list of names ("both", "begge", "beide", "tous
    /// deux"): an apposition after them describes every member ("A and B, both leading
    /// operators").
    #[serde(default)]
    pub distributives: Vec<String>,
    /// Correlative conjunctions as (first word, second phrase): "sowohl A als auch B",
    /// "såväl A som B", "tant A que B". They join two names as the language's first
    /// coordinator does; read so, the second phrase is no relative pronoun ("som") and
    /// no verb's complement.
    #[serde(default)]
    pub correlatives: Vec<(String, String)>,
    /// Prepositions of a verbless headline that put its subject in a state or a deal
    /// ("i", "in", "dans"), lower case: "Telia og Telenor i nytt samarbeid", "BT and Sky
    /// in new TV deal".
    #[serde(default)]
    pub headline_prepositions: Vec<String>,
    /// Relative pronouns in the genitive ("whose", "deren", "dessen", "dont", "vars",
    /// "hvis"), lower case: "Swisscom, deren Tochter Fastweb wächst" names Swisscom's unit.
    #[serde(default)]
    pub relative_possessives: Vec<String>,
    /// Phrases between an organisation's old and new name, in lower case with a comma
    /// standing apart ("heter nå", "changed its name to", ", formerly", "été rebaptisé",
    /// "wurde umbenannt in"): both names are one entity. Up to three words of the clause
    /// may come before ("har nå byttet navn til").
    #[serde(default)]
    pub renames: Vec<String>,
    /// Copulas ("er", "is", "est", "ist").
    #[serde(default)]
    pub copulas: Vec<String>,
    /// Endings of superlatives and ranks, lower case ("ste": "største"; "est": "largest"):
    /// modifiers a predicative may have before its noun ("som største eier").
    #[serde(default)]
    pub superlative_endings: Vec<String>,
    /// Prepositions that also open a clause: the name after one may be the subject of a
    /// clause's verb ("Shares rose after Zegona agreed to buy Vodafone Spain").
    #[serde(default)]
    pub clause_prepositions: Vec<String>,
    /// Stems of words for a minority holding ("minority", "Minderheit", "minoritet",
    /// "minoritaire"): a word containing one makes a holding no ownership ("hält eine
    /// Minderheitsbeteiligung an Sunrise").
    #[serde(default)]
    pub minority_stems: Vec<String>,
    /// The word that introduces an object's predicative ("som", "as", "als", "comme"):
    /// "X har Y som største eier" says what Y is to X.
    #[serde(default)]
    pub predicative_as: Vec<String>,
    /// Verbs whose object takes a predicative after `predicative_as`: having, choosing,
    /// naming and regarding ("har", "valgte", "ser", "has", "chose", "regards"), every form.
    #[serde(default)]
    pub object_predicative_verbs: Vec<String>,
    /// Possessive determiners ("sin", "its", "sa"): the Nordic ones refer back to the
    /// clause's subject (feature `reflexive_possessive`), the others to a name before them.
    #[serde(default)]
    pub possessives: Vec<String>,
    /// Adverbs of doing something together ("sammen", "jointly", "gemeinsam", "ensemble"):
    /// a coordinated subject that owns something together is a set of partners ("A og B
    /// eier sammen C"), unless they only add up a share ("A og B eier sammen 80 prosent").
    #[serde(default)]
    pub together: Vec<String>,
    /// Words that put a role or a deal before the events reported ("tidligere",
    /// "formerly", "ancien"): a claim they qualify is not current.
    #[serde(default)]
    pub past_markers: Vec<String>,
    /// Verbs of leaving a market or ending a business ("forlot", "trekker seg ut",
    /// "lämnade", "left", "a quitté", "zieht sich zurück"), lower case, every form: a
    /// claim of an `exit_sensitive` relation in their clause is one the company ended.
    #[serde(default)]
    pub exits: Vec<String>,
    /// Prepositions of several words whose last is a preposition on its own ("due to",
    /// "according to", "in addition to"), lower case: that last word governs no object of
    /// a trigger ("lost customers due to the Ericsson outage" names no rival).
    #[serde(default)]
    pub complex_prepositions: Vec<String>,
    /// Adversative conjunctions ("men", "but", "mais", "aber"): they start another
    /// predicate, so an exit verb before one says nothing of a claim after it ("Telia
    /// closed down its copper network but offers fibre in Denmark").
    #[serde(default)]
    pub adversatives: Vec<String>,
    /// Prepositions that name a statement's source ("ifølge", "according to", "laut",
    /// "selon"): the source and its name are no party of the clause's relations, and the
    /// constructions read the clause without them ("Telenor, som ifølge tilsynet har
    /// priset grossisttilgangen for høyt").
    #[serde(default)]
    pub source_prepositions: Vec<String>,
    /// Prepositions that name what an agreement is about ("om", "on", "über", "sur"),
    /// lower case: a service after one in the partners' clause is one both provide
    /// ("Telia og Tele2 samarbeider om et felles 5G-nett").
    #[serde(default)]
    pub topic_prepositions: Vec<String>,
    /// Prepositions between a customer noun and the service the customers hold ("à la",
    /// "au", "to", "på", "im"), lower case: "7 millions d'abonnés à la fibre" are the
    /// company's fibre customers.
    #[serde(default)]
    pub service_prepositions: Vec<String>,
    /// Modals of ability that the negations also list as hedges ("kan": can or may),
    /// lower case: alone they hedge no offer nor place of business ("Vi kan tilby
    /// breiband"), but they do hedge a deal ("Telia kan kjøpe Tele2").
    #[serde(default)]
    pub ability_modals: Vec<String>,
    /// Nouns of what a party asks or argues ("klage", "Beschwerde", "demande", "complaint"),
    /// lower case, every form: a company in the genitive before one is its author, not the
    /// one an authority examines ("Ofcom is investigating BT's complaint against Sky").
    #[serde(default)]
    pub petitions: Vec<String>,
}

impl Grammar {
    /// Whether the language has a feature of `features` ("v2", "verb_final",
    /// "adjective_after", "place_adjuncts").
    pub fn has(&self, feature: &str) -> bool {
        self.features.iter().any(|f| f == feature)
    }
}

/// Trigger words of one relation in one language, by the part they play in a
/// construction (`triggers.toml`). Every form is listed: tenses, participles, definite
/// and plural nouns. Entries are lower case and may be phrases ("legger inn bud på").
#[derive(Debug, Clone, Deserialize)]
pub struct TriggerSet {
    /// Property of the graph contract.
    pub relation: String,
    /// The construction's subject slot is the relation's object ("Ys eier X" with owner
    /// nouns, "X selger Y til Z"); used for relational nouns that name the other side.
    #[serde(default)]
    pub inverse: bool,
    /// The object follows the verb with modifiers only: no preposition, no action noun
    /// between them ("har 1,9 millioner mobilkunder", not "hatte die Übernahme des
    /// Kabelnetzbetreibers"). For sets of common verbs (have, get, share).
    #[serde(default)]
    pub bare_object: bool,
    /// The object is governed by one of `preps`, never bare ("bietet 5 Milliarden für Y",
    /// not "der Telekom die Stirn bieten").
    #[serde(default)]
    pub prep_object: bool,
    /// A kind that constructions made for it alone name (`Construction::kind`): "market"
    /// for market nouns a nationality qualifies, "customers" for a company's customers, "unit"
    /// for its units.
    #[serde(default)]
    pub kind: Option<String>,
    /// The only constructions (ids of ontology/constructions.toml) this set is read with;
    /// empty: every construction whose parts the set has. For sets whose words take
    /// another sense in other constructions ("BT and EE gained customers" is no rivalry,
    /// "X won customers from Y" is).
    #[serde(default)]
    pub constructions: Vec<String>,
    /// Every organisation cue of the lexicon (`org_cues`: "giant", "broadcaster",
    /// "Konzern") is a relational noun of this set too: a nationality qualifying any of
    /// them describes the company ("the US giant MCI"), so the list is not repeated.
    #[serde(default)]
    pub relational_org_cues: bool,
    /// The lexicon's customer nouns (`metrics.customers`: "kunder", "subscribers",
    /// "households") are nouns of this set too: "Telenors norske kunder", "its Swedish
    /// subscribers" place the company's business, so the list is not repeated.
    #[serde(default)]
    pub customer_nouns: bool,
    /// Active forms: the subject does it to the direct object ("kjøper", "has bought",
    /// "rachète", "übernimmt"), any particle or preposition before the object included.
    #[serde(default)]
    pub verbs: Vec<String>,
    /// Passive forms: the object of the relation is the clause's subject ("kjøpt",
    /// "kjøpes", "acquired", "racheté", "übernommen").
    #[serde(default)]
    pub passives: Vec<String>,
    /// Action nouns ("oppkjøpet", "acquisition", "rachat", "Übernahme"); they also match
    /// as the head of a compound ("bredbåndsoppkjøpet", "Übernahmeangebot" when listed).
    #[serde(default)]
    pub nouns: Vec<String>,
    /// Prepositions introducing a noun's object ("av", "of", "de", "von").
    #[serde(default)]
    pub preps: Vec<String>,
    /// Support verbs that make a noun an act of the subject ("legger inn", "completed",
    /// "a lancé", "leitet"): "X legger inn bud på Y".
    #[serde(default)]
    pub support: Vec<String>,
    /// Verbs with a coordinated subject and no object, for symmetric relations
    /// ("fusjonerer", "will compete", "coopèrent").
    #[serde(default)]
    pub reciprocal: Vec<String>,
    /// Relational nouns: "X's N Y" and "Y, N of X" say the relation holds from X to Y
    /// ("datterselskap", "subsidiary", "filiale", "Tochter"; with `inverse`, "eier").
    #[serde(default)]
    pub relational: Vec<String>,
    /// Passive forms that need no auxiliary: the Scandinavian s-passive ("kjøpes",
    /// "köps", "eies").
    #[serde(default)]
    pub passives_synthetic: Vec<String>,
    /// Verbs of transfer: the subject gives the object to the argument after a
    /// `recipients` preposition, who is the relation's subject ("selger Y til X").
    #[serde(default)]
    pub transfers: Vec<String>,
    /// Transfer verbs in the s-passive ("selges", "säljs", "sælges"): "Y selges til X".
    #[serde(default)]
    pub transfers_synthetic: Vec<String>,
    /// Nouns of transfer ("salget", "sale", "cession", "Verkauf").
    #[serde(default)]
    pub transfer_nouns: Vec<String>,
    /// Prepositions of the recipient of a transfer ("til", "to", "à", "an").
    #[serde(default)]
    pub recipients: Vec<String>,
    /// German separable verbs as "stem … particle" pairs ("leitet ein", "geht vor"):
    /// the stem where the verb stands, the particle at the end of the clause.
    #[serde(default)]
    pub separable: Vec<String>,
    /// Verbs of sharing ("share", "deler", "partagent"): with one of `shared_objects`
    /// after them, maybe after modifiers, the verb of a symmetric relation ("X and Y
    /// share their masts", "X shares its network with Y"; constructions with SV and SO).
    #[serde(default)]
    pub sharing_verbs: Vec<String>,
    /// What partners share ("network", "masts", "antennes", "Antennenstandorte"), also as
    /// a compound's head; any service mention is one too.
    #[serde(default)]
    pub shared_objects: Vec<String>,
}

/// A sentence with what extraction must find in it (and must not): the manifest that
/// pins each language's triggers and constructions.
#[derive(Debug, Clone, Deserialize)]
pub struct Example {
    /// The text; a first line is added as the title when it has none.
    pub text: String,
    /// Claims that must be found, as "Subject property Object" with surfaces as written.
    #[serde(default)]
    pub expect: Vec<String>,
    /// Claims that must not be found ("*" for any subject or object).
    #[serde(default)]
    pub absent: Vec<String>,
    /// Construction ids this example exercises (for the coverage check).
    #[serde(default)]
    pub covers: Vec<String>,
    /// Why the example does not pass yet: it is run and reported, but does not fail the
    /// manifest; one that passes is reported so that the mark is removed.
    #[serde(default)]
    pub pending: Option<String>,
}

/// One construction shared by the languages (`constructions.toml`): a template of slots,
/// trigger parts, function-word classes and gaps (see `src/extract/constructions.rs`).
#[derive(Debug, Clone, Deserialize)]
pub struct Construction {
    pub id: String,
    pub template: String,
    /// Only these relations (default: every relation whose trigger set has the parts the
    /// template uses).
    #[serde(default)]
    pub relations: Vec<String>,
    /// Only trigger sets of this kind (`TriggerSet::kind`, "market"); without it, every
    /// set whose parts the template uses.
    #[serde(default)]
    pub kind: Option<String>,
    /// Grammar features a language needs for it ("v2", "verb_final").
    #[serde(default)]
    pub requires: Vec<String>,
    /// Grammar features that rule it out for a language.
    #[serde(default)]
    pub unless: Vec<String>,
    /// An X the template lacks is the article's focus (an implicit subject).
    #[serde(default)]
    pub focus: bool,
    /// The relational noun that ends the match takes no complement of its own: a
    /// preposition of the trigger set right after the match voids it ("har Lyse som eier
    /// av Altibox" says nothing of what Lyse is to the subject).
    #[serde(default)]
    pub complement_free: bool,
    /// The noun phrase that opens the match has no possessor: a genitive or a possessive
    /// before the anchor voids it ("Vodafone's acquisition of EE was completed by BT").
    #[serde(default)]
    pub possessor_free: bool,
    #[serde(default = "default_construction_confidence")]
    pub conf: f32,
    /// What the construction says, for people reading the data.
    #[serde(default)]
    pub doc: String,
}

#[derive(Debug, Deserialize)]
struct ConstructionsFile {
    construction: Vec<Construction>,
}

fn default_construction_confidence() -> f32 {
    0.8
}

impl Construction {
    fn check(&self) -> Result<()> {
        crate::template::Template::parse(&self.template)
            .map(|_| ())
            .map_err(|message| Error::Knowledge {
                file: "ontology/constructions.toml".into(),
                message: format!("construction {}: {message}", self.id),
            })
    }
}

impl Lexicon {
    /// Whether `lower` (lower case) is a number word that is no article: "tre", "five",
    /// not "en", "ein", "un", which are also "one".
    pub fn is_number_word(&self, lower: &str) -> bool {
        self.numbers.words.contains_key(lower)
            && !self.articles.iter().any(|a| a == lower)
            && !self.grammar.indefinite_articles.iter().any(|a| a == lower)
    }

    /// Whether the press of this language is at home in the country with ISO code `code`
    /// (`countries`, else `country`).
    pub fn is_home(&self, code: &str) -> bool {
        if self.countries.is_empty() {
            self.country == code
        } else {
            self.countries.iter().any(|c| c == code)
        }
    }

    /// Checks what deserialisation cannot: every trigger set names a contract property;
    /// every rename phrase is written as the matcher reads text (non-empty, lower case,
    /// single spaces, a comma a word of its own), or it would never match or match all.
    fn check(&self, folder: &str) -> Result<()> {
        for phrase in &self.grammar.renames {
            let folded = phrase.split_whitespace().collect::<Vec<_>>().join(" ");
            if phrase.is_empty()
                || folded != *phrase
                || phrase.to_lowercase() != *phrase
                || phrase.split(' ').any(|w| w.contains(',') && w != ",")
            {
                return Err(Error::Knowledge {
                    file: folder.to_string(),
                    message: format!(
                        "rename phrase {phrase:?}: write it in lower case, with single spaces and any comma as a word of its own (\", formerly\")"
                    ),
                });
            }
        }
        const PROPERTIES: [&str; 8] = [
            "owns",
            "acquires",
            "partnerOf",
            "investigates",
            "competitorOf",
            "offers",
            "worksFor",
            "operatesIn",
        ];
        for t in &self.trigger {
            if !PROPERTIES.contains(&t.relation.as_str()) {
                return Err(Error::Knowledge {
                    file: folder.to_string(),
                    message: format!("trigger set for unknown relation {:?}", t.relation),
                });
            }
        }
        Ok(())
    }
}

fn default_confidence() -> f32 {
    0.8
}

fn default_true() -> bool {
    true
}

/// Everything one language contributes.
#[derive(Debug, Clone, Deserialize)]
pub struct Lexicon {
    pub code: String,
    pub country: String,
    /// ISO 3166 alpha-2 codes of the countries whose press writes in this language,
    /// `country` first when given ("de": DE, AT, CH). A brand or an abbreviation the
    /// gazetteer keeps for context (`context_aliases`) names its entity outright in the
    /// press of the entity's own country ("PTS" in Swedish, "die Telekom" in German).
    #[serde(default)]
    pub countries: Vec<String>,
    /// Frequent words that tell this language from its neighbours.
    pub markers: Vec<String>,
    #[serde(default)]
    pub abbreviations: Vec<String>,
    #[serde(default)]
    pub stopwords: Vec<String>,
    #[serde(default)]
    pub titles: Vec<String>,
    /// Roles held outside the companies a person speaks about, lower case, also as the
    /// head of a compound ("analyst", "Branchenanalyst", "uavhengig"): such a person is
    /// given no employer from the article's focus.
    #[serde(default)]
    pub external_roles: Vec<String>,
    #[serde(default)]
    pub person_prefixes: Vec<String>,
    /// Prepositions between a role title (or the person holding it) and the employer
    /// ("presschef på", "sier Kari Nordmann i"): the capitalised name after them is an
    /// organisation. Only unambiguous ones: "of" also heads "Secretary of State".
    #[serde(default)]
    pub employer_prepositions: Vec<String>,
    /// Verbs that open a clause after a company named as its subject: auxiliaries and
    /// common news verbs ("har", "is", "annonce"). With the deal verbs of
    /// `company_name_cues`, they tell a number that ends a name ("Kanal 9 har") from one
    /// that counts ("Telia 3 selskaper", "Fase 2 av").
    #[serde(default)]
    pub clause_verbs: Vec<String>,
    #[serde(default)]
    pub org_cues: Vec<String>,
    /// Words after which a capitalised name is a company, though they describe none
    /// ("rachète", "acquisition d'", "bought"): typing only, never a descriptor.
    #[serde(default)]
    pub company_name_cues: Vec<String>,
    #[serde(default)]
    pub regulator_suffixes: Vec<String>,
    #[serde(default)]
    pub public_body_suffixes: Vec<String>,
    /// Words after a place name that make it the city as an actor ("Stockholm by").
    #[serde(default)]
    pub city_words: Vec<String>,
    /// Words before a product's name ("the service", "tjenesten", "la marque"): with the
    /// name in quotes it is a product. Compared in lower case.
    #[serde(default)]
    pub product_cues: Vec<String>,
    /// Verbs of merging, cooperating and competing, one word each ("merged", "fusjonert",
    /// "samarbetar"): a capitalised word after one and a comitative ("med", "with") is a
    /// company. Not verbs of agreeing, which take people too ("agreed with Smith").
    #[serde(default)]
    pub partner_verbs: Vec<String>,
    /// Nouns for a brand ("brand", "merket", "Marken", "varumärket"), lower case: a
    /// capitalised name right after one, or after a compound ending in one
    /// ("lavprismerket", "Zweitmarke"), is a product even unquoted.
    #[serde(default)]
    pub brand_nouns: Vec<String>,
    #[serde(default)]
    pub company_anaphors: Vec<String>,
    #[serde(default)]
    pub regulator_anaphors: Vec<String>,
    /// Words for a deal already named ("fusionen", "the merger"): `{D}` in patterns, whose
    /// parties are those of the latest partnerOf (both) or acquires (the buyer) claim.
    #[serde(default)]
    pub deal_anaphors: Vec<String>,
    /// The parties of a deal named together again, a plural anaphor: a determiner of
    /// `party_determiners` ("the two", "begge") before a plural noun of `party_nouns`
    /// ("operators", "selskapene"), or a word of `party_pronouns` that stands alone ("they",
    /// "ils", a definite plural: "selskapene"). `{PARTIES}` in patterns; like `{D}`, they
    /// are the parties of the latest partnerOf or acquires claim (an acquisition gives
    /// only its buyer, so no pair).
    #[serde(default)]
    pub party_determiners: Vec<String>,
    /// See `party_determiners`.
    #[serde(default)]
    pub party_nouns: Vec<String>,
    /// See `party_determiners`.
    #[serde(default)]
    pub party_pronouns: Vec<String>,
    /// "with" words tying a count to the name right before it ("Zitius med 160 000 ...").
    #[serde(default)]
    pub with_words: Vec<String>,
    /// Prepositions that tie a figure to the organisation after it ("kundene til X",
    /// "customers of X", "Omsetningen i X"); after a metric noun they also mark the
    /// capitalised word that follows as a name.
    #[serde(default)]
    pub owner_prepositions: Vec<String>,
    /// Pronouns that stand for the last sentence's subject ("det", "it", "il").
    #[serde(default)]
    pub subject_pronouns: Vec<String>,
    /// First-person pronouns and possessives ("we", "vi", "nous", "unser"): a quoted
    /// speaker's own organisation, never the article's focus by default.
    #[serde(default)]
    pub speaker_pronouns: Vec<String>,
    /// The first-person plural subject ("we", "vi", "wir", "nous"): in a quote it is the
    /// organisation of the speaker named after the verb of saying.
    #[serde(default)]
    pub speaker_subjects: Vec<String>,
    /// The first-person plural possessives ("our", "vårt", "vores", "unser", "notre"): in
    /// a quote, the genitive of the speaker's organisation.
    #[serde(default)]
    pub speaker_possessives: Vec<String>,
    /// "state-owned", "statseide": a mention of the state that owns the company.
    #[serde(default)]
    pub state_owned: Vec<String>,
    /// Titles of government ministers ("minister", "statsråd", "ministre"), lower case,
    /// also as a compound's last part ("næringsminister", "Wirtschaftsminister"): a
    /// mention of the state the minister works for.
    #[serde(default)]
    pub minister_titles: Vec<String>,
    /// Titles that also head a unit of a company ("head", "director", "vice president"),
    /// lower case: after them a preposition the role constructions read ("of") may
    /// govern the unit ("head of Strategy"), so the capitalised words there are not
    /// typed as the employer. Titles of a whole company ("chief executive",
    /// "managing director") are not listed.
    #[serde(default)]
    pub unit_titles: Vec<String>,
    #[serde(default)]
    pub negations: Vec<String>,
    #[serde(default)]
    pub hypotheticals: Vec<String>,
    /// Words right after a deal that undo it ("fell through", "gikk i vasken").
    #[serde(default)]
    pub cancellations: Vec<String>,
    #[serde(default)]
    pub subset_cues: Vec<String>,
    /// Words after an amount that make it a price per unit ("per share", "per aksje",
    /// "par action", "je Aktie"): never a deal value, revenue or result.
    #[serde(default)]
    pub per_unit: Vec<String>,
    /// Abbreviations that often end a sentence ("kr.", "mrd.", "osv."): before a
    /// capitalised word they end it. Only where nouns are written in lower case.
    #[serde(default)]
    pub sentence_final_abbreviations: Vec<String>,
    /// Words that make a count a change, not a level ("nye", "new", "nouveaux", "netto
    /// tilgang", "net additions", "Zuwachs"): before the number or right after it.
    #[serde(default)]
    pub change_cues: Vec<String>,
    /// Verbs of winning or losing customers or staff ("vandt 39.000 mobilkunder", "gained",
    /// "verlor"): a count near one is a change. Not applied to money, where "lost" or
    /// "tapte" name a loss.
    #[serde(default)]
    pub count_change_verbs: Vec<String>,
    /// Verbs of contributing ("apporter", "will add", "bidra med"): a figure after one in
    /// its clause (back to a comma before a space, 160 characters at most) is what a deal
    /// or unit adds, a change, not the level of a revenue, profit or count ("va apporter
    /// 730 millions à ses revenus"), unless it follows a level preposition ("to 5
    /// million"). Only verbs before the figure: German puts them last and has none.
    #[serde(default)]
    pub contribution_verbs: Vec<String>,
    /// Verbs of rising and falling ("økte", "rose", "stieg"): a figure right after one
    /// (within two words) is the change ("Økte 515 millioner i omsetning").
    #[serde(default)]
    pub change_verbs: Vec<String>,
    /// Phrases that name the source of what follows ("according to", "ifølge", "laut",
    /// "selon"): the figure's subject comes after the source's phrase, past its comma.
    #[serde(default)]
    pub source_prepositions: Vec<String>,
    /// Verbs of saying ("said", "sier", "sagte", "a déclaré"): a figure after one belongs to
    /// the clause it introduces, not to the speaker.
    #[serde(default)]
    pub speech_verbs: Vec<String>,
    /// Verbs of using or getting a service, every form, maybe with a preposition ("bruke",
    /// "surfa på", "access", "nutzen", "accéder à"): a company's customers doing so with a
    /// service say the company offers it ("Telenors kunder kan nå bruke 5G").
    #[serde(default)]
    pub use_verbs: Vec<String>,
    /// Prepositions between a customer noun and its company ("kundene til/hos Telenor",
    /// "customers of BT", "Kunden von/der Telekom", "les abonnés de SFR").
    #[serde(default)]
    pub customer_prepositions: Vec<String>,
    /// Nouns of equipment and its delivery ("utstyr", "leveranse", "equipment", "supply",
    /// "Ausrüstung", "équipement"), lower case, every form: a service they qualify or
    /// follow is what a supplier delivers, not a service to customers ("an agreement with
    /// Ericsson on 5G equipment").
    #[serde(default)]
    pub supply_nouns: Vec<String>,
    /// Prepositions of a change's result ("auf", "to", "til", "à"): a figure right after
    /// one is the new level ("stiegen um 3,8 Prozent auf 1,85 Milliarden Euro"), whatever
    /// change words stand before it.
    #[serde(default)]
    pub level_prepositions: Vec<String>,
    /// Words before a figure that make it another period's ("jämfört med", "mot",
    /// "compared with", "contre", "gegenüber"): never this period's fact.
    #[serde(default)]
    pub comparison_cues: Vec<String>,
    #[serde(default)]
    pub foreign_cues: Vec<String>,
    /// Coordinators joining the items of a list ("and", "og", "sowie", "ainsi que").
    #[serde(default)]
    pub coordinators: Vec<String>,
    /// Words after a list's coordinator that end it with an unnamed rest ("A, B and other
    /// services", "A, B og andre tjenester", "A, B und weitere"): the named items are
    /// still a list. Matched as whole words, lower case.
    #[serde(default)]
    pub list_closers: Vec<String>,
    /// Articles that may stand before a name in any slot ("gegen die Telekom", "by the
    /// Commission"); languages with definite suffixes have none.
    #[serde(default)]
    pub articles: Vec<String>,
    /// Capitalisation carries no name signal (German nouns).
    #[serde(default)]
    pub capitalises_nouns: bool,
    /// Headlines may capitalise every word ("Telia Buys Danish Operator"), so a sentence
    /// of mostly capitalised words carries no name signal. Languages that write headlines
    /// in sentence case keep discovering names there: a short sentence dense with names
    /// ("Kanal 9 kjøper Fjordlink AS.") is where discovery matters most.
    #[serde(default)]
    pub title_case_headlines: bool,
    #[serde(default)]
    pub numbers: NumberWords,
    /// Currency phrases -> ISO 4217, or "LOCAL" for the article country's krone.
    #[serde(default)]
    pub currencies: BTreeMap<String, String>,
    #[serde(default)]
    pub metrics: MetricCues,
    /// Service phrases -> service concept (VoIP, MobileService ...).
    #[serde(default)]
    pub services: BTreeMap<String, String>,
    /// Stems that name a service as the first part of a compound ("mobil", "bredbånds",
    /// "Mobilfunk") -> service concept; the compound's last part is an organisation word,
    /// a customer word or one of `service_tails` ("mobilselskab", "GSM-abonnenter").
    #[serde(default)]
    pub service_stems: BTreeMap<String, String>,
    /// Further words a service compound may end in ("nett", "marked", "spillere").
    #[serde(default)]
    pub service_tails: Vec<String>,
    /// Business units a service compound may end in ("mobilforretning",
    /// "bredbandsverksamhet", "Mobilfunkgeschäft"): a company's unit offers the service;
    /// as the object of a verb (selling, buying) it is no offer.
    #[serde(default)]
    pub service_unit_tails: Vec<String>,
    /// Words that name a service only as an item of a list of services, lower case ->
    /// service concept ("internet" in "internet, télévision et téléphonie fixe"; alone it
    /// is also the medium: "im Internet").
    #[serde(default)]
    pub list_services: BTreeMap<String, String>,
    /// Descriptor stems whose company offers several services, lower case -> the service
    /// concepts ("kabel" -> Broadband and TV: "kabelselskapet Get", "the cable operator
    /// X", "le câblo-opérateur Telenet"; GUIDELINES, descriptors).
    #[serde(default)]
    pub service_bundles: BTreeMap<String, Vec<String>>,
    #[serde(default)]
    pub pattern: Vec<PatternSpec>,
    /// Function words for the shared constructions.
    #[serde(default)]
    pub grammar: Grammar,
    /// Trigger sets, one or more per relation.
    #[serde(default)]
    pub trigger: Vec<TriggerSet>,
    /// Example sentences with their expected claims.
    #[serde(default)]
    pub example: Vec<Example>,
}

/// All knowledge, parsed once, with the lookups the extractor makes per mention.
#[derive(Debug)]
pub struct Knowledge {
    pub gazetteer: Vec<GazetteerEntity>,
    pub places: Vec<PlaceEntry>,
    pub common: Common,
    pub lexicons: Vec<Lexicon>,
    /// Shared constructions (`constructions.toml`), instantiated per language with its
    /// grammar and triggers.
    pub constructions: Vec<Construction>,
    /// BLAKE3 of every knowledge file (paths and contents), hex: tells extraction caches
    /// made with other knowledge apart (see `TELEKG_KNOWLEDGE`).
    pub content_hash: String,
    entity_by_id: HashMap<String, usize>,
    place_by_id: HashMap<String, usize>,
    /// Every name of every place, and those of countries alone.
    place_names: HashSet<String>,
    country_names: HashSet<String>,
    /// ISO country code -> the country's place id.
    country_by_code: HashMap<String, String>,
    /// (ISO country code, first word of a name or alias, accents folded) -> indexes of
    /// the gazetteer entities of that country so named, for `national_unit`.
    by_country_first_word: HashMap<(String, String), Vec<usize>>,
}

mod embedded {
    include!(concat!(env!("OUT_DIR"), "/knowledge_files.rs"));
}

/// Environment variable naming a folder laid out like `ontology/` (the crate's) whose
/// knowledge files replace the built-in ones: lexicons can be tried, and a language
/// added, without rebuilding the binary.
pub const KNOWLEDGE_DIR_VAR: &str = "TELEKG_KNOWLEDGE";

fn parse<T: serde::de::DeserializeOwned>(file: &str, text: &str) -> Result<T> {
    toml::from_str(text).map_err(|e| Error::Knowledge {
        file: file.to_string(),
        message: e.to_string(),
    })
}

/// Merges the tables of one language's files into one; a key defined twice is an error
/// naming both files.
fn merge_language(files: &[(&str, &str)]) -> Result<toml::Table> {
    let mut merged = toml::Table::new();
    let mut origin: HashMap<String, String> = HashMap::default();
    for (file, text) in files {
        let table: toml::Table = parse(file, text)?;
        for (key, value) in table {
            match (merged.get_mut(&key), value) {
                // Arrays of tables ([[pattern]], [[trigger]], [[example]]) may be spread
                // over files.
                (Some(toml::Value::Array(have)), toml::Value::Array(more)) => have.extend(more),
                (Some(_), _) => {
                    return Err(Error::Knowledge {
                        file: file.to_string(),
                        message: format!(
                            "key `{key}` is also defined in {}",
                            origin.get(&key).map(String::as_str).unwrap_or("?")
                        ),
                    })
                }
                (None, value) => {
                    origin.insert(key.clone(), file.to_string());
                    merged.insert(key, value);
                }
            }
        }
    }
    Ok(merged)
}

impl Knowledge {
    /// The built-in knowledge (every `*.toml` under `ontology/`, compiled in); an error
    /// names the file and the line.
    pub fn load() -> Result<Knowledge> {
        Knowledge::from_files(
            embedded::EMBEDDED
                .iter()
                .map(|(path, text)| (path.to_string(), text.to_string()))
                .collect(),
        )
    }

    /// Knowledge read from a folder laid out like `ontology/`: `gazetteer/*.toml`,
    /// `places/*.toml`, `common.toml`, `constructions.toml` and one folder
    /// `lang/<code>/` of `*.toml` files per language.
    ///
    /// # Errors
    /// [`Error::Knowledge`] naming the file that is missing, unreadable or invalid.
    pub fn load_dir(dir: &std::path::Path) -> Result<Knowledge> {
        let mut files = Vec::new();
        let mut stack = vec![dir.to_path_buf()];
        while let Some(d) = stack.pop() {
            let entries = std::fs::read_dir(&d).map_err(|e| Error::Knowledge {
                file: d.display().to_string(),
                message: e.to_string(),
            })?;
            for entry in entries.flatten() {
                let path = entry.path();
                if path.is_dir() {
                    stack.push(path);
                } else if path.extension().is_some_and(|e| e == "toml") {
                    let text = std::fs::read_to_string(&path).map_err(|e| Error::Knowledge {
                        file: path.display().to_string(),
                        message: e.to_string(),
                    })?;
                    let rel = path.strip_prefix(dir).unwrap_or(&path);
                    let rel = rel.to_string_lossy().replace('\\', "/");
                    files.push((format!("ontology/{rel}"), text));
                }
            }
        }
        files.sort();
        Knowledge::from_files(files)
    }

    /// Knowledge from (path, contents) pairs with paths as under the crate root
    /// (`ontology/lang/nb/lexicon.toml`).
    fn from_files(files: Vec<(String, String)>) -> Result<Knowledge> {
        let mut hasher = blake3::Hasher::new();
        for (path, text) in &files {
            hasher.update(path.as_bytes());
            hasher.update(&[0]);
            hasher.update(text.as_bytes());
            hasher.update(&[0]);
        }
        let content_hash = hasher.finalize().to_hex().to_string();
        let find = |name: &str| -> Result<(&str, &str)> {
            files
                .iter()
                .find(|(p, _)| p == name)
                .map(|(p, t)| (p.as_str(), t.as_str()))
                .ok_or_else(|| Error::Knowledge {
                    file: name.to_string(),
                    message: "missing".into(),
                })
        };
        // Gazetteer and places: every file of their folder, `core.toml` (hand-written)
        // first, so that its entries win a name two files give.
        let folder_files = |folder: &str| -> Vec<(&str, &str)> {
            let mut list: Vec<(&str, &str)> = files
                .iter()
                .filter(|(p, _)| p.starts_with(folder))
                .map(|(p, t)| (p.as_str(), t.as_str()))
                .collect();
            list.sort_by_key(|(p, _)| (!p.ends_with("/core.toml"), p.to_string()));
            list
        };
        let mut gazetteer = GazetteerFile { entity: Vec::new() };
        for (file, text) in folder_files("ontology/gazetteer/") {
            let part: GazetteerFile = parse(file, text)?;
            gazetteer.entity.extend(part.entity);
        }
        let mut places = PlacesFile { place: Vec::new() };
        for (file, text) in folder_files("ontology/places/") {
            let part: PlacesFile = parse(file, text)?;
            places.place.extend(part.place);
        }
        let mut ids = HashSet::default();
        for id in gazetteer
            .entity
            .iter()
            .map(|e| &e.id)
            .chain(places.place.iter().map(|p| &p.id))
        {
            if !ids.insert(id.clone()) {
                return Err(Error::Knowledge {
                    file: "ontology/gazetteer/, ontology/places/".into(),
                    message: format!("id {id:?} is defined twice"),
                });
            }
        }
        let (file, text) = find("ontology/common.toml")?;
        let mut common: Common = parse(file, text)?;
        // Generated name lists (ontology/names/*.toml) extend the hand-written ones.
        #[derive(Deserialize)]
        struct NamesFile {
            #[serde(default)]
            given_names: Vec<String>,
        }
        for (path, text) in &files {
            if path.starts_with("ontology/names/") {
                let names: NamesFile = parse(path, text)?;
                common.given_names.extend(names.given_names);
            }
        }
        common.given_names.sort();
        common.given_names.dedup();
        let (file, text) = find("ontology/constructions.toml")?;
        let constructions: ConstructionsFile = parse(file, text)?;
        // Languages: one folder each, its files merged into one value.
        let mut by_language: BTreeMap<&str, Vec<(&str, &str)>> = BTreeMap::new();
        for (path, text) in &files {
            if let Some(rest) = path.strip_prefix("ontology/lang/") {
                if let Some((code, _)) = rest.split_once('/') {
                    by_language
                        .entry(code)
                        .or_default()
                        .push((path.as_str(), text.as_str()));
                }
            }
        }
        let mut lexicons = Vec::new();
        for (code, files) in &by_language {
            let table = merge_language(files)?;
            let folder = format!("ontology/lang/{code}/");
            let lexicon: Lexicon =
                toml::Value::Table(table)
                    .try_into()
                    .map_err(|e: toml::de::Error| Error::Knowledge {
                        file: folder.clone(),
                        message: e.to_string(),
                    })?;
            if lexicon.code != *code {
                return Err(Error::Knowledge {
                    file: folder,
                    message: format!("code {:?} differs from the folder name", lexicon.code),
                });
            }
            lexicon.check(&folder)?;
            lexicons.push(lexicon);
        }
        // A stable order: the order of `languages` in common.toml, then the rest by code.
        lexicons.sort_by_key(|l| {
            (
                common
                    .languages
                    .iter()
                    .position(|c| *c == l.code)
                    .unwrap_or(usize::MAX),
                l.code.clone(),
            )
        });
        for l in lexicons
            .iter_mut()
            .filter(|l| !l.grammar.verb_form_rules.is_empty())
        {
            let rules = &l.grammar.verb_form_rules;
            // A derived form that is one of the language's trigger nouns is that noun
            // ("übernahmen", a past plural, would give "übernahme").
            let nouns: HashSet<String> = l
                .trigger
                .iter()
                .flat_map(|t| t.nouns.iter().chain(&t.relational))
                .map(|n| n.to_lowercase())
                .collect();
            for t in &mut l.trigger {
                derive_verb_forms(t, rules, &nouns);
            }
        }
        let constructions = constructions.construction;
        for c in &constructions {
            c.check()?;
        }
        // A trigger set read with named constructions only names ones that exist: a typo
        // would silently read the set with none.
        for l in &lexicons {
            for t in &l.trigger {
                if let Some(id) = t
                    .constructions
                    .iter()
                    .find(|id| !constructions.iter().any(|c| c.id == **id))
                {
                    return Err(Error::Knowledge {
                        file: format!("ontology/lang/{}/triggers.toml", l.code),
                        message: format!(
                            "a {} trigger set names construction {id:?}, which constructions.toml does not have",
                            t.relation
                        ),
                    });
                }
            }
        }
        let mut gazetteer = gazetteer.entity;
        let places = places.place;
        // Every country has a state ("<place>-state", a PublicBody) that owns companies
        // and employs ministers; the gazetteer lists the ones with names of their own
        // ("the Danish state", "Bundesregierung"), the rest are named for the country.
        let listed: HashSet<String> = gazetteer.iter().map(|e| e.id.clone()).collect();
        for p in places.iter().filter(|p| p.is_country()) {
            let id = format!("{}-state", p.id);
            if !listed.contains(&id) {
                gazetteer.push(GazetteerEntity {
                    id,
                    etype: EntityType::PublicBody,
                    name: format!("State of {}", p.name),
                    aliases: Vec::new(),
                    context_aliases: Vec::new(),
                    former: Vec::new(),
                    country: p.country.clone(),
                    same_as: None,
                });
            }
        }
        let entity_by_id = gazetteer
            .iter()
            .enumerate()
            .map(|(i, e)| (e.id.clone(), i))
            .collect();
        let place_by_id = places
            .iter()
            .enumerate()
            .map(|(i, p)| (p.id.clone(), i))
            .collect();
        let names_of = |p: &PlaceEntry| {
            std::iter::once(p.name.clone())
                .chain(p.names.iter().cloned())
                .collect::<Vec<_>>()
        };
        let is_country = |p: &&PlaceEntry| p.is_country();
        let place_names = places.iter().flat_map(names_of).collect();
        let country_names = places
            .iter()
            .filter(is_country)
            .flat_map(names_of)
            .collect();
        let country_by_code = places
            .iter()
            .filter(is_country)
            .filter_map(|p| Some((p.country.clone()?, p.id.clone())))
            .collect();
        let mut by_country_first_word: HashMap<(String, String), Vec<usize>> = HashMap::default();
        for (i, e) in gazetteer.iter().enumerate() {
            let Some(country) = &e.country else { continue };
            for n in std::iter::once(&e.name).chain(&e.aliases) {
                if let Some(first) = crate::text::fold(n).split(' ').next() {
                    let list = by_country_first_word
                        .entry((country.clone(), first.to_string()))
                        .or_default();
                    if list.last() != Some(&i) {
                        list.push(i);
                    }
                }
            }
        }
        Ok(Knowledge {
            gazetteer,
            places,
            common,
            lexicons,
            constructions,
            content_hash,
            entity_by_id,
            place_by_id,
            place_names,
            country_names,
            country_by_code,
            by_country_first_word,
        })
    }

    /// A gazetteer entity by id.
    pub fn entity(&self, id: &str) -> Option<&GazetteerEntity> {
        self.entity_by_id.get(id).map(|&i| &self.gazetteer[i])
    }

    /// A place by id.
    pub fn place(&self, id: &str) -> Option<&PlaceEntry> {
        self.place_by_id.get(id).map(|&i| &self.places[i])
    }

    /// The place a name (any language) names, countries first.
    pub fn place_by_name(&self, name: &str) -> Option<&PlaceEntry> {
        let names = |p: &&PlaceEntry| p.name == name || p.names.iter().any(|n| n == name);
        let is_country = |p: &&PlaceEntry| p.is_country();
        self.places
            .iter()
            .filter(is_country)
            .find(names)
            .or_else(|| self.places.iter().find(names))
    }

    /// The countries of legal form `form` when the known company `id` written with it is
    /// its unit abroad: the form belongs to some countries' law and not to the company's
    /// own country's ("TDC Oy": `Some(["FI"])`). `None` for a form of many countries
    /// (plc, SE), a form not listed, or a company of no recorded country.
    pub fn foreign_legal_form(&self, id: &str, form: &str) -> Option<&[String]> {
        let countries = self.common.legal_form_countries.get(form)?;
        let own = self.entity(id)?.country.as_deref()?;
        (!countries.iter().any(|c| c == own)).then_some(countries.as_slice())
    }

    /// The gazetteer id of a company's national unit: an entity of that country whose id
    /// is `<parent>-…` ("telia" and "FI" give "telia-finland"), else one whose name or an
    /// alias begins with the parent's name as a word, accents folded ("Telefónica" and
    /// "DE" give "o2-germany", alias "Telefónica Germany").
    pub fn national_unit(&self, parent: &str, country: &str) -> Option<&str> {
        let prefix = format!("{parent}-");
        let of_country = || {
            self.gazetteer
                .iter()
                .filter(move |e| e.country.as_deref() == Some(country) && e.id != parent)
        };
        if let Some(e) = of_country().find(|e| e.id.starts_with(&prefix)) {
            return Some(e.id.as_str());
        }
        let name = crate::text::fold(&self.entity(parent)?.name);
        let first = name.split(' ').next()?;
        let begins = |n: &String| {
            let n = crate::text::fold(n);
            n.strip_prefix(name.as_str())
                .is_some_and(|rest| rest.starts_with(' '))
        };
        self.by_country_first_word
            .get(&(country.to_string(), first.to_string()))?
            .iter()
            .map(|&i| &self.gazetteer[i])
            .find(|e| e.id != parent && (begins(&e.name) || e.aliases.iter().any(begins)))
            .map(|e| e.id.as_str())
    }

    /// Whether `word` names a place (any language).
    pub fn is_place_name(&self, word: &str) -> bool {
        self.place_names.contains(word)
    }

    /// Whether `word` names a country (any language).
    pub fn is_country_name(&self, word: &str) -> bool {
        self.country_names.contains(word)
    }

    /// The place id of the country with this ISO code.
    pub fn country_place(&self, code: &str) -> Option<&str> {
        self.country_by_code.get(code).map(String::as_str)
    }

    /// The process-wide knowledge; the files are compiled in, so failure is a build defect.
    ///
    /// With [`KNOWLEDGE_DIR_VAR`] set, the knowledge of that folder instead; a fault in it
    /// ends the process with the file and the problem named.
    pub fn global() -> &'static Knowledge {
        static KNOWLEDGE: OnceLock<Knowledge> = OnceLock::new();
        KNOWLEDGE.get_or_init(|| match std::env::var_os(KNOWLEDGE_DIR_VAR) {
            Some(dir) if !dir.is_empty() => Knowledge::load_dir(std::path::Path::new(&dir))
                .unwrap_or_else(|e| {
                    eprintln!("telekg: {KNOWLEDGE_DIR_VAR}={}: {e}", dir.to_string_lossy());
                    std::process::exit(1)
                }),
            _ => Knowledge::load().unwrap_or_else(|e| panic!("built-in knowledge is invalid: {e}")),
        })
    }

    pub fn lexicon(&self, code: &str) -> Option<&Lexicon> {
        self.lexicons.iter().find(|l| l.code == code)
    }

    pub fn languages(&self) -> Vec<&str> {
        self.lexicons.iter().map(|l| l.code.as_str()).collect()
    }
}

/// Adds to a trigger set's verbs, reciprocal verbs, separable stems and support verbs the
/// forms the language's `verb_form_rules` derive (see [`Grammar::verb_form_rules`]): the
/// first word of each phrase, where it ends in a rule's suffix and is none of the set's
/// passive participles, with the ending replaced. Forms already listed are not repeated,
/// and none that is one of the language's trigger nouns (`nouns`, lower case) is made.
fn derive_verb_forms(set: &mut TriggerSet, rules: &[VerbFormRule], nouns: &HashSet<String>) {
    if rules.is_empty() {
        return;
    }
    let participles: HashSet<String> = set.passives.iter().map(|p| p.to_lowercase()).collect();
    let derive = |list: &mut Vec<String>| {
        let known: HashSet<String> = list.iter().cloned().collect();
        let mut added: Vec<String> = Vec::new();
        for phrase in list.iter() {
            let (first, rest) = phrase.split_once(' ').unwrap_or((phrase.as_str(), ""));
            if participles.contains(&first.to_lowercase()) {
                continue;
            }
            for rule in rules {
                let Some(stem) = first.strip_suffix(rule.suffix.as_str()) else {
                    continue;
                };
                if stem.chars().count() < rule.min_stem.max(1) {
                    continue;
                }
                let form = if rest.is_empty() {
                    format!("{stem}{}", rule.replacement)
                } else {
                    format!("{stem}{} {rest}", rule.replacement)
                };
                if !known.contains(&form)
                    && !added.contains(&form)
                    && !nouns.contains(&form.to_lowercase())
                {
                    added.push(form);
                }
            }
        }
        list.extend(added);
    };
    derive(&mut set.verbs);
    derive(&mut set.reciprocal);
    derive(&mut set.separable);
    derive(&mut set.support);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn verb_form_rules_derive_forms_but_no_participle_or_noun() {
        let mut set: TriggerSet = toml::from_str(
            r#"
            relation = "acquires"
            verbs = ["kaufen", "kauft", "übernahmen", "übernommen", "konkurrieren mit"]
            passives = ["übernommen"]
            separable = ["kaufen auf"]
            "#,
        )
        .expect("a trigger set");
        let rules = [VerbFormRule {
            suffix: "en".into(),
            replacement: "e".into(),
            min_stem: 3,
        }];
        let nouns: HashSet<String> = ["übernahme".to_string()].into_iter().collect();
        derive_verb_forms(&mut set, &rules, &nouns);
        for form in ["kaufe", "konkurriere mit"] {
            assert!(
                set.verbs.iter().any(|v| v == form),
                "{form}: {:?}",
                set.verbs
            );
        }
        assert!(
            set.separable.iter().any(|v| v == "kaufe auf"),
            "{:?}",
            set.separable
        );
        // Not from a participle, not where the form is a noun, not twice.
        for absent in ["übernomme", "übernahme"] {
            assert!(
                !set.verbs.iter().any(|v| v == absent),
                "{absent}: {:?}",
                set.verbs
            );
        }
        let before = set.verbs.len();
        derive_verb_forms(&mut set, &rules, &nouns);
        assert_eq!(set.verbs.len(), before);
    }
}
