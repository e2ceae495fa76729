//! The project's knowledge as data: gazetteer, places, per-language lexicons and patterns.
//!
//! Every file lives under `ontology/` and is compiled into the binary with `include_str!`,
//! so the tool runs offline as one file; adding a language is adding a lexicon file and
//! one line in [`LEXICON_FILES`].

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

#[derive(Debug, Deserialize)]
struct PlacesFile {
    place: Vec<PlaceEntry>,
}

/// Knowledge shared by every language.
#[derive(Debug, Clone, Deserialize)]
pub struct Common {
    /// Legal-form suffixes (AS, ASA, AB, GmbH ...): a capitalised span followed by one is a company.
    pub legal_forms: Vec<String>,
    /// Trailing words that leave the company the same ("Networks", "Group").
    #[serde(default)]
    pub generic_company_words: Vec<String>,
    /// Currency symbols and codes written before or after the amount.
    pub currency_symbols: BTreeMap<String, String>,
    /// Acronyms of technology, never organisations (GSM, ADSL ...).
    pub tech_acronyms: Vec<String>,
    /// Lower-case words that may join capitalised words into one name ("de", "von", "og").
    pub name_connectors: Vec<String>,
    /// Given names: a capitalised span starting with one is a person.
    pub given_names: Vec<String>,
    /// Capitalised words that are never a name on their own (months, weekdays ...).
    pub not_names: Vec<String>,
    /// Relation signatures: property -> allowed subject and object types.
    pub signatures: BTreeMap<String, Signature>,
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
    /// Frequent words that tell this language from its neighbours.
    pub markers: Vec<String>,
    #[serde(default)]
    pub abbreviations: Vec<String>,
    #[serde(default)]
    pub stopwords: Vec<String>,
    #[serde(default)]
    pub titles: Vec<String>,
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
    #[serde(default)]
    pub product_cues: Vec<String>,
    #[serde(default)]
    pub company_anaphors: Vec<String>,
    #[serde(default)]
    pub regulator_anaphors: Vec<String>,
    /// Words for a deal already named ("fusionen", "the merger"): `{D}` in patterns, whose
    /// parties are those of the latest partnerOf (both) or acquires (the buyer) claim.
    #[serde(default)]
    pub deal_anaphors: Vec<String>,
    /// "with" words tying a count to the name right before it ("Zitius med 160 000 ...").
    #[serde(default)]
    pub with_words: Vec<String>,
    /// Pronouns that stand for the last sentence's subject ("det", "it", "il").
    #[serde(default)]
    pub subject_pronouns: Vec<String>,
    /// "state-owned", "statseide": a mention of the state that owns the company.
    #[serde(default)]
    pub state_owned: Vec<String>,
    #[serde(default)]
    pub negations: Vec<String>,
    #[serde(default)]
    pub hypotheticals: Vec<String>,
    /// Words right after a deal that undo it ("fell through", "gikk i vasken").
    #[serde(default)]
    pub cancellations: Vec<String>,
    #[serde(default)]
    pub subset_cues: Vec<String>,
    #[serde(default)]
    pub foreign_cues: Vec<String>,
    #[serde(default)]
    pub coordinators: Vec<String>,
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
    #[serde(default)]
    pub pattern: Vec<PatternSpec>,
}

/// All knowledge, parsed once, with the lookups the extractor makes per mention.
#[derive(Debug)]
pub struct Knowledge {
    pub gazetteer: Vec<GazetteerEntity>,
    pub places: Vec<PlaceEntry>,
    pub common: Common,
    pub lexicons: Vec<Lexicon>,
    entity_by_id: HashMap<String, usize>,
    place_by_id: HashMap<String, usize>,
    /// Every name of every place, and those of countries alone.
    place_names: HashSet<String>,
    country_names: HashSet<String>,
    /// ISO country code -> the country's place id.
    country_by_code: HashMap<String, String>,
}

const GAZETTEER: (&str, &str) = (
    "ontology/gazetteer.toml",
    include_str!("../ontology/gazetteer.toml"),
);
const PLACES: (&str, &str) = (
    "ontology/places.toml",
    include_str!("../ontology/places.toml"),
);
const COMMON: (&str, &str) = (
    "ontology/lexicon/common.toml",
    include_str!("../ontology/lexicon/common.toml"),
);
/// One entry per supported language.
pub const LEXICON_FILES: &[(&str, &str)] = &[
    (
        "ontology/lexicon/nb.toml",
        include_str!("../ontology/lexicon/nb.toml"),
    ),
    (
        "ontology/lexicon/nn.toml",
        include_str!("../ontology/lexicon/nn.toml"),
    ),
    (
        "ontology/lexicon/sv.toml",
        include_str!("../ontology/lexicon/sv.toml"),
    ),
    (
        "ontology/lexicon/da.toml",
        include_str!("../ontology/lexicon/da.toml"),
    ),
    (
        "ontology/lexicon/fr.toml",
        include_str!("../ontology/lexicon/fr.toml"),
    ),
    (
        "ontology/lexicon/en.toml",
        include_str!("../ontology/lexicon/en.toml"),
    ),
    (
        "ontology/lexicon/de.toml",
        include_str!("../ontology/lexicon/de.toml"),
    ),
];

fn parse<T: serde::de::DeserializeOwned>((file, text): (&str, &str)) -> Result<T> {
    toml::from_str(text).map_err(|e| Error::Knowledge {
        file: file.to_string(),
        message: e.to_string(),
    })
}

impl Knowledge {
    /// Parses every knowledge file; an error names the file and the line.
    pub fn load() -> Result<Knowledge> {
        let gazetteer: GazetteerFile = parse(GAZETTEER)?;
        let places: PlacesFile = parse(PLACES)?;
        let common: Common = parse(COMMON)?;
        let mut lexicons = Vec::new();
        for entry in LEXICON_FILES {
            lexicons.push(parse::<Lexicon>(*entry)?);
        }
        let gazetteer = gazetteer.entity;
        let places = places.place;
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
        let is_country = |p: &&PlaceEntry| p.kind.as_deref() == Some("country");
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
        Ok(Knowledge {
            gazetteer,
            places,
            common,
            lexicons,
            entity_by_id,
            place_by_id,
            place_names,
            country_names,
            country_by_code,
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
    pub fn global() -> &'static Knowledge {
        static KNOWLEDGE: OnceLock<Knowledge> = OnceLock::new();
        KNOWLEDGE.get_or_init(|| {
            Knowledge::load().unwrap_or_else(|e| panic!("built-in knowledge is invalid: {e}"))
        })
    }

    pub fn lexicon(&self, code: &str) -> Option<&Lexicon> {
        self.lexicons.iter().find(|l| l.code == code)
    }

    pub fn languages(&self) -> Vec<&str> {
        self.lexicons.iter().map(|l| l.code.as_str()).collect()
    }
}
