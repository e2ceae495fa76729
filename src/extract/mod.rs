//! Extract stage: one article -> entity mentions, relation claims and measurements,
//! each tied to its sentence and the rule that produced it.
//!
//! Mentions come from the gazetteer, places, service phrases and discovery from cues
//! ([`mentions`]); relations from per-language slot patterns over the sentence with its
//! mentions masked ([`patterns`]) and from trigger lexicons read through shared
//! constructions ([`constructions`]); numbers from [`numbers`] and their attachment to an
//! entity and metric from [`facts`].

pub mod constructions;
pub mod facts;
pub mod mentions;
pub mod numbers;
pub mod patterns;
pub mod prefilter;
pub mod report;

use crate::ingest::Article;
use crate::knowledge::{EntityType, Knowledge, Lexicon};
use serde::{Deserialize, Serialize};

/// What a mention refers to, before cross-article resolution.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Reference {
    /// A gazetteer entity by id.
    Known(String),
    /// A place of `ontology/places/` by id.
    Place(String),
    /// A generic service concept (VoIP, MobileService ...).
    Service(String),
    /// An entity discovered in the text, by its name as written.
    New(String),
}

/// How a mention names its entity.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
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
    /// The country named inside a national subsidiary's name ("Danmark" in "Telia
    /// Danmark"): where the unit operates.
    NamePart,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
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

    /// Whether the surface is a form of the entity's name worth keeping as a label: its
    /// names, and also a parent or country named inside a unit's name ("TeliaSonera" in
    /// "TeliaSonera Finland") and a place's adjective as written ("norske").
    pub fn is_label(&self) -> bool {
        self.is_name()
            || matches!(
                self.origin,
                Origin::Parent | Origin::NamePart | Origin::Demonym
            )
    }

    /// The place id when the mention refers to a country (`kind = "country"` in the
    /// places data), not a region or a city.
    pub fn country(&self) -> Option<&str> {
        match &self.reference {
            Reference::Place(id) => crate::knowledge::Knowledge::global()
                .place(id)
                .filter(|p| p.is_country())
                .map(|_| id.as_str()),
            _ => None,
        }
    }
}

/// A relation between two mentions, with its evidence.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
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
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Slot {
    Subject,
    Object,
}

/// Metrics of the graph contract.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
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
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
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

/// What describes an article in the graph (its IRI comes from `id`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ArticleMeta {
    pub id: String,
    pub source: String,
    pub title: String,
    pub date: Option<String>,
    pub url: Option<String>,
    pub lang: String,
    pub content_hash: String,
}

/// A sentence that evidence cites: its text and character offsets in the source.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CitedSentence {
    pub index: usize,
    pub text: String,
    pub start: usize,
    pub end: usize,
}

/// What later stages keep of an article: its description, mentions and claims, and only
/// the sentences evidence cites, not the full text. A build holds one per article (memory
/// grows with the graph, not with the corpus text) and the incremental cache stores them.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ArticleRecord {
    pub meta: ArticleMeta,
    pub mentions: Vec<Mention>,
    pub relations: Vec<RelationClaim>,
    pub facts: Vec<FactClaim>,
    /// Character offsets of each fact's number, parallel to `facts`.
    pub fact_spans: Vec<(usize, usize)>,
    /// Cited sentences, by ascending index.
    pub sentences: Vec<CitedSentence>,
}

/// Maps byte offsets of one text to character offsets in one forward pass.
struct CharCounter<'a> {
    text: &'a str,
    byte: usize,
    chars: usize,
}

impl CharCounter<'_> {
    fn at(&mut self, byte: usize) -> usize {
        if byte < self.byte {
            self.byte = 0;
            self.chars = 0;
        }
        self.chars += self.text[self.byte..byte].chars().count();
        self.byte = byte;
        self.chars
    }
}

impl Extraction {
    /// The compact record of this extraction (see [`ArticleRecord`]); the article text is
    /// dropped.
    pub fn into_record(self) -> ArticleRecord {
        let (sentences, fact_spans) = self.cited_sentences();
        let a = self.article;
        ArticleRecord {
            meta: ArticleMeta {
                id: a.id,
                source: a.source,
                title: a.title,
                date: a.date,
                url: a.url,
                lang: a.lang,
                content_hash: a.content_hash,
            },
            mentions: self.mentions,
            relations: self.relations,
            facts: self.facts,
            fact_spans,
            sentences,
        }
    }

    /// The sentences relations and facts cite, and the facts' character spans.
    fn cited_sentences(&self) -> (Vec<CitedSentence>, Vec<(usize, usize)>) {
        let a = &self.article;
        let mut cited: Vec<usize> = self
            .relations
            .iter()
            .map(|r| r.sentence)
            .chain(self.facts.iter().map(|f| f.sentence))
            .collect();
        cited.sort_unstable();
        cited.dedup();
        let mut counter = CharCounter {
            text: &a.text,
            byte: 0,
            chars: 0,
        };
        let sentences = cited
            .into_iter()
            .map(|index| {
                let s = a.sentences[index];
                CitedSentence {
                    index,
                    text: a.text[s.start..s.end].to_string(),
                    start: counter.at(s.start),
                    end: counter.at(s.end),
                }
            })
            .collect();
        let fact_spans = self
            .facts
            .iter()
            .map(|f| (counter.at(f.start), counter.at(f.end)))
            .collect();
        (sentences, fact_spans)
    }
}

/// Customers of a service are a company offering it: a customer count whose number stands
/// next to a generic service ("125 200 GSM-abonnenter", "mobile subscriptions increased to
/// 2,788,000") gives offers of that service to the count's company.
fn offers_from_customers(
    article: &Article,
    mentions: &[Mention],
    facts: &[FactClaim],
) -> Vec<RelationClaim> {
    let mut out = Vec::new();
    for f in facts.iter().filter(|f| {
        f.metric == Metric::CustomerCount
            && mentions
                .get(f.about)
                .is_some_and(|m| m.etype == EntityType::Company)
    }) {
        let near = mentions.iter().position(|m| {
            matches!(m.reference, Reference::Service(_))
                && m.sentence == f.sentence
                && ((m.start >= f.end && m.start <= f.end + 3)
                    || (m.end <= f.start && f.start - m.end <= 40))
        });
        if let Some(service) = near {
            out.push(RelationClaim {
                subject: f.about,
                property: "offers".into(),
                object: service,
                sentence: f.sentence,
                rule: format!("{}.offers.customers-of-service", article.lang),
                confidence: 0.7,
                implicit: None,
            });
        }
    }
    out
}

/// A descriptor whose stem names a bundle of services ("kabelselskapet Get", "the cable
/// operator X": lexicon `service_bundles`) says the company offers each of them: the
/// claim read from the descriptor gets siblings for the bundle's other services, each with
/// a mention of its own at the descriptor's span.
fn bundled_services(
    article: &Article,
    mentions: &mut Vec<Mention>,
    relations: &mut Vec<RelationClaim>,
    lexicon: &Lexicon,
) {
    if lexicon.service_bundles.is_empty() {
        return;
    }
    let descriptor = format!("{}.offers.service-descriptor", article.lang);
    let mut added = Vec::new();
    for claim in relations.iter().filter(|c| c.rule == descriptor) {
        let m = &mentions[claim.object];
        let Reference::Service(own) = &m.reference else {
            continue;
        };
        let surface = lower_case(&m.surface);
        let Some(bundle) = lexicon
            .service_bundles
            .iter()
            .find(|(stem, _)| surface.starts_with(stem.as_str()))
            .map(|(_, concepts)| concepts)
        else {
            continue;
        };
        for concept in bundle.iter().filter(|c| *c != own) {
            let offered = |c: &RelationClaim| {
                c.subject == claim.subject
                    && c.property == "offers"
                    && matches!(&mentions[c.object].reference, Reference::Service(s) if s == concept)
            };
            if relations.iter().any(offered) {
                continue;
            }
            added.push((claim.clone(), concept.clone()));
        }
    }
    for (mut claim, concept) in added {
        let mut sibling = mentions[claim.object].clone();
        sibling.reference = Reference::Service(concept);
        mentions.push(sibling);
        claim.object = mentions.len() - 1;
        relations.push(claim);
    }
}

/// Rivals on a service's market both offer it: "Stofa er YouSees største rival på
/// tv-markedet", "Sky competes head-on with Virgin Media for pay-TV subscribers", "Ice
/// konkurrerer med Telenor i mobilmarkedet". Where a sentence's competitorOf claim meets an
/// offers claim of one party read from the market or its customers, or a service named
/// with a market noun of the language (the service-market trigger nouns: "mobilmarkedet",
/// "the broadband market", "le marché de la fibre"), each party offers the service.
fn rivals_in_market(
    article: &Article,
    relations: &[RelationClaim],
    mentions: &[Mention],
    lexicon: &Lexicon,
) -> Vec<RelationClaim> {
    let mut out: Vec<RelationClaim> = Vec::new();
    if !relations.iter().any(|c| c.property == "competitorOf") {
        return out;
    }
    let market_nouns: Vec<String> = lexicon
        .trigger
        .iter()
        .filter(|t| t.kind.as_deref() == Some("service-market"))
        .flat_map(|t| &t.nouns)
        .map(|n| n.to_lowercase())
        .collect();
    let text = &article.text;
    // A generic service named as a market: the noun ends its compound, follows it, or
    // stands among the three words before it ("le marché de la fibre", "marché mobile").
    let named_as_market = |m: &Mention| {
        if !matches!(m.reference, Reference::Service(_)) {
            return false;
        }
        let is_market = |w: &str| market_nouns.iter().any(|n| n == w);
        let surface = lower_case(&m.surface);
        let span = article.sentences[m.sentence];
        let after = lower_case(&text[m.end..span.end]);
        let before = lower_case(&text[span.start..m.start]);
        market_nouns
            .iter()
            .any(|n| surface.len() > n.len() && surface.ends_with(n.as_str()))
            || after
                .split_whitespace()
                .next()
                .is_some_and(|w| is_market(w.trim_matches(|c: char| !c.is_alphanumeric())))
            || before
                .split(|c: char| c.is_whitespace() || c == '\'' || c == '’')
                .filter(|w| !w.is_empty())
                .rev()
                .take(3)
                .any(is_market)
    };
    let rule = format!("{}.offers.rival-in-market", article.lang);
    let push = |out: &mut Vec<RelationClaim>, subject: usize, from: &RelationClaim, object| {
        push_offer(out, relations, subject, object, from, &rule);
    };
    for rivalry in relations.iter().filter(|c| c.property == "competitorOf") {
        let parties = [rivalry.subject, rivalry.object];
        for offer in relations.iter().filter(|c| {
            c.property == "offers"
                && c.sentence == rivalry.sentence
                && parties.contains(&c.subject)
                && (c.rule.ends_with(".service-market-compound")
                    || c.rule.ends_with(".customers-of-service"))
                && matches!(
                    mentions.get(c.object).map(|m| &m.reference),
                    Some(Reference::Service(_))
                )
        }) {
            for &party in &parties {
                push(&mut out, party, rivalry, offer.object);
            }
        }
        // One market named in the sentence: with two, which the rivals share is unsaid
        // ("På mobilmarkedet er TDCs rival Telenor, på bredbåndsmarkedet Norlys").
        // In the rivals' clause: no adversative or relative pronoun between the rivals and
        // the market ("Ice konkurrerer med Telenor om kundene, mens Telia dominerer
        // TV-markedet"; "Sky, which left the mobile market, competes with BT").
        let (lo, hi) = {
            let (a, b) = (&mentions[rivalry.subject], &mentions[rivalry.object]);
            (a.start.min(b.start), a.end.max(b.end))
        };
        let same_clause = |m: &Mention| one_clause(&text[lo.min(m.start)..hi.max(m.end)], lexicon);
        let markets: Vec<usize> = (0..mentions.len())
            .filter(|&i| {
                mentions[i].sentence == rivalry.sentence
                    && named_as_market(&mentions[i])
                    && same_clause(&mentions[i])
            })
            .collect();
        let services: std::collections::HashSet<&Reference> =
            markets.iter().map(|&i| &mentions[i].reference).collect();
        if services.len() == 1 {
            for &i in &markets {
                for &party in &parties {
                    push(&mut out, party, rivalry, i);
                }
            }
        }
    }
    out
}

/// Whether the words of `phrase` (split at spaces) stand together among `words`.
fn has_phrase(words: &[&str], phrase: &str) -> bool {
    let phrase: Vec<&str> = phrase.split(' ').collect();
    words.windows(phrase.len()).any(|w| w == phrase.as_slice())
}

/// Adds `subject` offers `object`, read from the claim `from` (its sentence, 0.8 of its
/// confidence) by `rule`, unless `relations` or `out` already claim it.
fn push_offer(
    out: &mut Vec<RelationClaim>,
    relations: &[RelationClaim],
    subject: usize,
    object: usize,
    from: &RelationClaim,
    rule: &str,
) {
    let claimed =
        |c: &RelationClaim| c.property == "offers" && c.subject == subject && c.object == object;
    if relations.iter().any(claimed) || out.iter().any(claimed) {
        return;
    }
    out.push(RelationClaim {
        subject,
        property: "offers".to_string(),
        object,
        sentence: from.sentence,
        rule: rule.to_string(),
        confidence: from.confidence * 0.8,
        implicit: None,
    });
}

/// Whether a stretch of one sentence stays in one clause: no adversative conjunction in
/// it ("Ice konkurrerer med Telenor om kundene, mens Telia dominerer TV-markedet") and no
/// relative pronoun opening a part after a comma ("Sky, which left the mobile market,
/// competes with BT"; German "der" is an article elsewhere).
fn one_clause(stretch: &str, lexicon: &Lexicon) -> bool {
    let between = lower_case(stretch);
    let adversative = between
        .split(|c: char| !c.is_alphanumeric())
        .any(|w| lexicon.grammar.adversatives.iter().any(|a| a == w));
    let relative = between.split(',').skip(1).any(|part| {
        part.split_whitespace()
            .next()
            .is_some_and(|w| lexicon.grammar.relative.iter().any(|r| r == w))
    });
    !adversative && !relative
}

/// Whether a service mention qualifies a noun of equipment or its delivery (lexicon
/// `supply_nouns`), maybe after one more modifier: "5G equipment", "5G radio equipment"
/// name what a supplier delivers, not a service to customers.
fn qualifies_supply(article: &Article, service: &Mention, lexicon: &Lexicon) -> bool {
    let Some(span) = article.sentences.get(service.sentence) else {
        return false;
    };
    let after = lower_case(&article.text[service.end..span.end]);
    let after: Vec<&str> = after
        .split(|c: char| !c.is_alphanumeric() && c != '-')
        .filter(|w| !w.is_empty())
        .take(3)
        .collect();
    lexicon.supply_nouns.iter().any(|n| {
        let n: Vec<&str> = n.split(' ').collect();
        (0..2).any(|k| after.get(k..).is_some_and(|rest| rest.starts_with(&n)))
    })
}

/// Drops offers of a service that qualifies equipment ("Ericsson supplies Telenor with
/// 5G equipment" offers no 5G service).
fn drop_supplied(
    article: &Article,
    relations: &mut Vec<RelationClaim>,
    mentions: &[Mention],
    lexicon: &Lexicon,
) {
    if lexicon.supply_nouns.is_empty() {
        return;
    }
    relations.retain(|c| {
        c.property != "offers"
            || !mentions.get(c.object).is_some_and(|m| {
                matches!(m.reference, Reference::Service(_))
                    && qualifies_supply(article, m, lexicon)
            })
    });
}

/// Partners on a service both provide it: "Telia och Tele2 ska samarbeta om ett gemensamt
/// UMTS-nät", "TDC and DNA will co-operate on wholesale services in Finland", "Die
/// Telekom und EWE kooperieren beim Ausbau der Glasfaser". Where a sentence's partnerOf claim is
/// followed, in the partners' clause, by a topic preposition of the language (grammar
/// `topic_prepositions`) and then a generic service, with no other organisation between
/// (whose service it would be: "samarbeider om å bygge ut Lyses fibernett"), each party
/// offers the service. So do rivals on a service: "Hiper konkurrerer med YouSee på
/// fiberbredbånd", "Bredband2 competes with Telia on fibre" (rule `rivals-on-service`).
fn partners_on_service(
    article: &Article,
    relations: &[RelationClaim],
    mentions: &[Mention],
    lexicon: &Lexicon,
) -> Vec<RelationClaim> {
    let mut out: Vec<RelationClaim> = Vec::new();
    let topics = &lexicon.grammar.topic_prepositions;
    let between_parties =
        |c: &RelationClaim| matches!(c.property.as_str(), "partnerOf" | "competitorOf");
    if topics.is_empty() || !relations.iter().any(between_parties) {
        return out;
    }
    let text = &article.text;
    let partners_rule = format!("{}.offers.partners-on-service", article.lang);
    let rivals_rule = format!("{}.offers.rivals-on-service", article.lang);
    for deal in relations.iter().filter(|c| between_parties(c)) {
        let rule = if deal.property == "partnerOf" {
            &partners_rule
        } else {
            &rivals_rule
        };
        let parties = [deal.subject, deal.object];
        // The parties as the claim's sentence names them (a claim may point at another
        // mention of the same entity).
        let in_sentence = |party: usize| {
            let reference = &mentions.get(party)?.reference;
            mentions
                .iter()
                .find(|m| m.sentence == deal.sentence && &m.reference == reference)
        };
        let (Some(a), Some(b)) = (in_sentence(deal.subject), in_sentence(deal.object)) else {
            continue;
        };
        let (lo, hi) = (a.start.min(b.start), a.end.max(b.end));
        let parties_here: std::collections::HashSet<usize> = relations
            .iter()
            .filter(|c| c.property == deal.property && c.sentence == deal.sentence)
            .flat_map(|c| [c.subject, c.object])
            .collect();
        for (i, service) in mentions.iter().enumerate() {
            if service.sentence != deal.sentence
                || service.start < hi
                || !matches!(service.reference, Reference::Service(_))
                || !one_clause(&text[lo..service.end], lexicon)
            {
                continue;
            }
            let between = lower_case(&text[hi..service.start]);
            let words: Vec<&str> = between
                .split(|c: char| !c.is_alphanumeric() && c != '-')
                .filter(|w| !w.is_empty())
                .collect();
            let topic = topics.iter().any(|t| has_phrase(&words, t));
            // Another party of the sentence's agreements is no other organisation ("har
            // kommit överens med Elisa och DNA om samtrafik").
            let other_organisation = mentions.iter().enumerate().any(|(k, m)| {
                m.sentence == deal.sentence
                    && m.start >= hi
                    && m.end <= service.start
                    && !matches!(m.reference, Reference::Service(_))
                    && m.etype != crate::knowledge::EntityType::Place
                    && !parties_here.contains(&k)
            });
            // Equipment or its delivery named around the service is a supplier's ("an
            // agreement with Ericsson on 5G equipment", "om leveranse av 5G-nett").
            let supplied = qualifies_supply(article, service, lexicon)
                || lexicon.supply_nouns.iter().any(|n| has_phrase(&words, n));
            if !topic || other_organisation || supplied || between.contains([';', ':']) {
                continue;
            }
            for &party in &parties {
                push_offer(&mut out, relations, party, i, deal, rule);
            }
        }
    }
    out
}

/// Runs the whole extract stage on one article.
pub fn extract(article: Article) -> Extraction {
    let knowledge = Knowledge::global();
    let lexicon = knowledge.lexicon(&article.lang).unwrap_or_else(|| {
        knowledge
            .lexicon("en")
            .expect("English lexicon is built in")
    });
    let mut mentions = mentions::find_mentions(&article, lexicon, knowledge);
    let mut relations = patterns::find_relations(&article, &mentions, lexicon);
    bundled_services(&article, &mut mentions, &mut relations, lexicon);
    let facts = facts::find_facts(&article, &mentions, &relations, lexicon, knowledge);
    relations.extend(offers_from_customers(&article, &mentions, &facts));
    relations.extend(facts::offers_from_customer_nouns(
        &article, &mentions, lexicon,
    ));
    relations.extend(facts::offers_from_customers_using(
        &article, &mentions, lexicon,
    ));
    let rivals = rivals_in_market(&article, &relations, &mentions, lexicon);
    relations.extend(rivals);
    let partners = partners_on_service(&article, &relations, &mentions, lexicon);
    relations.extend(partners);
    let stacked = stacked_service_offers(&article, &relations, &mentions);
    relations.extend(stacked);
    drop_supplied(&article, &mut relations, &mentions, lexicon);
    relations.extend(descriptor_anaphor_offers(&article, &mentions));
    Extraction {
        article,
        mentions,
        relations,
        facts,
    }
}

pub use crate::text::{alternation, fold, last_chars, lower_case, whole_word_edges, word_has_cue};

/// Owning a brand or product is offering it ("et lavprismerke som Telia eier", "a brand
/// that Vodafone owns"): common.toml's owns signature admits a product so that every way
/// of saying it is read, and such a claim becomes `offers`, its rule named so. A generic
/// service is no thing owned ("Britain's third largest mobile operator, is owned by
/// Mannesmann"): false, the claim is to be dropped.
pub(crate) fn offered_if_product(claim: &mut RelationClaim, mentions: &[Mention]) -> bool {
    if claim.property != "owns" {
        return true;
    }
    match mentions.get(claim.object) {
        Some(m) if m.etype == EntityType::Product => {
            if matches!(m.reference, Reference::Service(_)) {
                return false;
            }
            claim.property = "offers".to_string();
            claim.rule = claim.rule.replacen(".owns.", ".offers.", 1);
            true
        }
        _ => true,
    }
}

/// A service descriptor standing for a company named before it ("Oppkjøpet av Viken
/// Fiber ble sluttført, og bredbåndsleverandøren er nå heleid av Telia Norge") says what
/// that company sells, as it does before a name (GUIDELINES, descriptors): one `offers`
/// claim per anaphor that shares its span with a service mention.
fn descriptor_anaphor_offers(article: &Article, mentions: &[Mention]) -> Vec<RelationClaim> {
    mentions
        .iter()
        .enumerate()
        .filter(|(_, m)| m.origin == Origin::Anaphor && m.etype == EntityType::Company)
        // One claim per span: a compound may be found as two anaphors ("mobiloperatøren",
        // "operatøren").
        .filter(|(i, a)| {
            !mentions[..*i]
                .iter()
                .any(|b| b.origin == Origin::Anaphor && b.start == a.start && b.end == a.end)
        })
        .filter_map(|(i, a)| {
            let service = mentions.iter().position(|s| {
                matches!(s.reference, Reference::Service(_)) && s.start == a.start && s.end == a.end
            })?;
            Some(RelationClaim {
                subject: i,
                property: "offers".to_string(),
                object: service,
                sentence: a.sentence,
                rule: format!("{}.offers.descriptor-anaphor", article.lang),
                confidence: 0.7,
                implicit: None,
            })
        })
        .collect()
}

/// Services that modify one another before their noun name what the company offers each
/// ("a wholesale fibre operator", "den svenske TV- og bredbåndsleverandøren" aside, which
/// coordination reads): where an `offers` claim's object is a service mention, the
/// service mentions right before it, separated by one space each, are offered too (same
/// rule, same sentence). A construction's slot takes the nearest one only.
fn stacked_service_offers(
    article: &Article,
    relations: &[RelationClaim],
    mentions: &[Mention],
) -> Vec<RelationClaim> {
    let is_service = |m: &Mention| matches!(m.reference, Reference::Service(_));
    let mut out: Vec<RelationClaim> = Vec::new();
    for claim in relations.iter().filter(|c| c.property == "offers") {
        let Some(object) = mentions.get(claim.object).filter(|m| is_service(m)) else {
            continue;
        };
        let mut start = object.start;
        while let Some(k) = mentions.iter().position(|m| {
            is_service(m)
                && m.sentence == object.sentence
                && m.end + 1 == start
                && article.text.as_bytes()[m.end] == b' '
        }) {
            let taken = |c: &RelationClaim| {
                c.property == "offers"
                    && c.subject == claim.subject
                    && mentions[c.object].reference == mentions[k].reference
            };
            if !relations.iter().any(taken) && !out.iter().any(taken) {
                out.push(RelationClaim {
                    object: k,
                    ..claim.clone()
                });
            }
            start = mentions[k].start;
        }
    }
    out
}

/// The article's main organisation: the one named most often (companies first).
pub fn focus_mention(mentions: &[Mention]) -> Option<usize> {
    let mut counts: foldhash::HashMap<&Reference, (usize, usize, usize)> =
        foldhash::HashMap::default();
    for (i, m) in mentions.iter().enumerate() {
        if m.etype.is_organisation() && m.origin != Origin::Demonym {
            let entry = counts.entry(&m.reference).or_insert((0, 0, i));
            entry.0 += 1;
            entry.1 = usize::from(m.etype == EntityType::Company);
        }
    }
    counts
        .into_values()
        .max_by_key(|&(n, company, first)| (company, n, std::cmp::Reverse(first)))
        .map(|(_, _, first)| first)
}
