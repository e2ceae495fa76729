//! A deterministic synthetic corpus of telecom news for benchmarks: every supported
//! language, a realistic mix of fact-bearing and filler sentences, and company and person
//! names drawn from a pool that grows with the corpus, so the graph grows with it too.
//! The same seed gives the same corpus on every machine.

use crate::knowledge::{EntityType, Knowledge};
use serde::Deserialize;

const TEMPLATES: &str = include_str!("../benches/templates.toml");

#[derive(Debug, Deserialize)]
struct Templates {
    lang: Vec<LangTemplates>,
}

#[derive(Debug, Deserialize)]
struct LangTemplates {
    code: String,
    country: String,
    titles: Vec<String>,
    facts: Vec<String>,
    filler: Vec<String>,
}

/// One generated article, as a JSON Lines record would carry it.
#[derive(Debug, Clone, serde::Serialize)]
pub struct SynthArticle {
    pub id: String,
    pub lang: String,
    pub title: String,
    pub text: String,
}

const STEMS: &[&str] = &[
    "Nord", "Vest", "Sør", "Øst", "Fjord", "Berg", "Dal", "Sky", "Bølge", "Linje", "Puls",
    "Signal", "Kraft", "Nett", "Fiber", "Radio", "Mobil", "Tele", "Data", "Link", "Stern", "Nova",
    "Arc", "Polar", "Atlant", "Baltic", "Alpin", "Rhein", "Loire", "Hansa",
];
const ENDINGS: &[&str] = &[
    "com", "tel", "net", "link", "wave", "cell", "fon", "cast", "voice", "line", "web", "sat",
];
const SURNAMES: &[&str] = &[
    "Hansen",
    "Johansen",
    "Olsen",
    "Larsen",
    "Andersson",
    "Lindqvist",
    "Nielsen",
    "Jensen",
    "Dupont",
    "Martin",
    "Bernard",
    "Schmidt",
    "Müller",
    "Weber",
    "Smith",
    "Taylor",
    "Brown",
    "Berg",
    "Haugen",
    "Lund",
];

/// Generates `count` articles from `seed`.
pub fn generate(seed: u64, count: usize) -> Vec<SynthArticle> {
    let templates: Templates = toml::from_str(TEMPLATES).expect("benches/templates.toml is valid");
    let knowledge = Knowledge::global();
    let mut rng = fastrand::Rng::with_seed(seed);
    // The company pool grows with the corpus: about one company per four articles.
    let pool = (count / 4).max(50);
    let company = |i: usize| {
        let stem = STEMS[i % STEMS.len()];
        let ending = ENDINGS[(i / STEMS.len()) % ENDINGS.len()];
        let round = i / (STEMS.len() * ENDINGS.len());
        let base = if round == 0 {
            format!("{stem}{ending}")
        } else {
            format!("{stem}{ending} {}", round + 1)
        };
        match i % 3 {
            0 => format!("{base} AS"),
            1 => format!("{base} Group"),
            _ => base,
        }
    };
    let given = &knowledge.common.given_names;
    let mut out = Vec::with_capacity(count);
    for n in 0..count {
        let lang = &templates.lang[n % templates.lang.len()];
        let regulators: Vec<&str> = knowledge
            .gazetteer
            .iter()
            .filter(|e| {
                e.etype == EntityType::Regulator
                    && e.country.as_deref() == Some(lang.country.as_str())
            })
            .map(|e| e.name.as_str())
            .collect();
        let fill = |template: &str, rng: &mut fastrand::Rng| {
            let a = company(rng.usize(..pool));
            let mut b = company(rng.usize(..pool));
            if b == a {
                b = company((rng.usize(..pool) + 1) % pool);
            }
            let regulator = if regulators.is_empty() {
                "European Commission"
            } else {
                regulators[rng.usize(..regulators.len())]
            };
            let person = format!(
                "{} {}",
                given[rng.usize(..given.len())],
                SURNAMES[rng.usize(..SURNAMES.len())]
            );
            let decimal = if lang.code == "en" { "." } else { "," };
            let amount = format!("{}{decimal}{}", rng.u32(1..40), rng.u32(1..10));
            let customers = if lang.code == "en" {
                format!("{},{:03}", rng.u32(10..900), rng.u32(0..1000))
            } else {
                format!("{}.{:03}", rng.u32(10..900), rng.u32(0..1000))
            };
            template
                .replace("{A}", &a)
                .replace("{B}", &b)
                .replace("{R}", regulator)
                .replace("{P}", &person)
                .replace("{M}", &amount)
                .replace("{K}", &customers)
        };
        let title = fill(&lang.titles[rng.usize(..lang.titles.len())], &mut rng);
        let mut paragraphs = Vec::new();
        for _ in 0..rng.usize(3..7) {
            let mut sentences = Vec::new();
            for _ in 0..rng.usize(2..5) {
                // About one sentence in three carries a fact.
                let t = if rng.u8(..3) == 0 {
                    &lang.facts[rng.usize(..lang.facts.len())]
                } else {
                    &lang.filler[rng.usize(..lang.filler.len())]
                };
                sentences.push(fill(t, &mut rng));
            }
            paragraphs.push(sentences.join(" "));
        }
        out.push(SynthArticle {
            id: format!("synth-{seed}-{n}"),
            lang: lang.code.clone(),
            title: title.clone(),
            text: format!("{title}\n\n{}", paragraphs.join("\n\n")),
        });
    }
    out
}
