//! Language identification. whatlang's trigram model guesses first; a guess it calls
//! unreliable (a short text) goes to lingua among every language; where its guess is
//! one of a group of close languages (common.toml `confusable_languages`: nb, nn, da and
//! sv), lingua decides among the group (its n-gram models tell Bokmål from Nynorsk and
//! hold up on a single sentence), and when lingua's runner-up has at least half the
//! confidence of its best, the lexicons' marker words that only one of the two has decide
//! ("ikkje", "frå" against "ikke", "fra"). Sentence accuracy and its measure: README,
//! "Language identification".

use crate::knowledge::Knowledge;
use lingua::{Language, LanguageDetector, LanguageDetectorBuilder};
use std::collections::HashMap;
use std::sync::{Mutex, OnceLock};
use unicode_segmentation::UnicodeSegmentation;

/// Characters whatlang reads: a few thousand decide as well as a whole article.
const WHATLANG_CHARS: usize = 4000;
/// Characters lingua reads: enough for two or three sentences, where it is as sure as on
/// a whole article, at a fraction of the cost (0.15 ms per article on four languages).
const LINGUA_CHARS: usize = 500;
/// The runner-up's share of lingua's best confidence from which marker words decide.
const MARKER_MARGIN: f64 = 0.5;

fn prefix(text: &str, chars: usize) -> &str {
    match text.char_indices().nth(chars) {
        Some((i, _)) => &text[..i],
        None => text,
    }
}

/// A lingua detector for these language codes (those lingua has a model for), built once
/// per group and kept for the process.
fn detector(codes: &[&str]) -> Option<&'static (LanguageDetector, Vec<(Language, String)>)> {
    type Detectors = HashMap<Vec<String>, &'static (LanguageDetector, Vec<(Language, String)>)>;
    static DETECTORS: OnceLock<Mutex<Detectors>> = OnceLock::new();
    let key: Vec<String> = codes.iter().map(|c| c.to_string()).collect();
    let mut detectors = DETECTORS
        .get_or_init(Default::default)
        .lock()
        .unwrap_or_else(|e| e.into_inner());
    if let Some(d) = detectors.get(&key) {
        return Some(d);
    }
    let languages: Vec<(Language, String)> = codes
        .iter()
        .filter_map(|code| {
            Language::all()
                .into_iter()
                .find(|l| l.iso_code_639_1().to_string() == *code)
                .map(|l| (l, code.to_string()))
        })
        .collect();
    if languages.len() < 2 {
        return None;
    }
    let list: Vec<Language> = languages.iter().map(|(l, _)| *l).collect();
    let built: &'static _ = Box::leak(Box::new((
        LanguageDetectorBuilder::from_languages(&list).build(),
        languages,
    )));
    detectors.insert(key, built);
    Some(built)
}

/// The language of `text` as a code of `knowledge`'s lexicons (see the module's
/// documentation); "en" for a text without letters.
pub fn detect_language(text: &str, knowledge: &Knowledge) -> String {
    let text = prefix(text, WHATLANG_CHARS);
    let languages = knowledge.languages();
    let info = whatlang::detect(text);
    let guess = info
        .as_ref()
        .and_then(|i| super::language_of_tag(i.lang().code()))
        .filter(|code| languages.contains(&code.as_str()));
    // A guess whatlang itself calls unreliable (short text, mostly) is no guess: lingua
    // reads such a text among every language.
    let reliable = info.as_ref().is_some_and(|i| i.is_reliable());
    let group: Vec<&str> = match &guess {
        Some(g) if reliable => match knowledge
            .common
            .confusable_languages
            .iter()
            .find(|group| group.contains(g))
        {
            Some(group) => group.iter().map(String::as_str).collect(),
            None => return g.clone(),
        },
        _ => languages.clone(),
    };
    let Some((detector, codes)) = detector(&group) else {
        return guess.unwrap_or_else(|| "en".into());
    };
    let code_of = |l: &Language| {
        codes
            .iter()
            .find(|(language, _)| language == l)
            .map(|(_, code)| code.as_str())
    };
    let values = detector.compute_language_confidence_values(prefix(text, LINGUA_CHARS));
    let mut ranked = values.iter().filter_map(|(l, c)| Some((code_of(l)?, *c)));
    let Some((best, best_confidence)) = ranked.next() else {
        return guess.unwrap_or_else(|| "en".into());
    };
    if let Some((second, confidence)) = ranked.next() {
        if confidence > 0.0 && confidence >= best_confidence * MARKER_MARGIN {
            let markers = |code: &str| knowledge.lexicon(code).map(|l| &l.markers);
            if let (Some(a), Some(b)) = (markers(best), markers(second)) {
                let (mut only_a, mut only_b) = (0, 0);
                for word in text.unicode_words() {
                    let w = word.to_lowercase();
                    only_a += usize::from(a.contains(&w) && !b.contains(&w));
                    only_b += usize::from(b.contains(&w) && !a.contains(&w));
                }
                if only_b > only_a {
                    return second.to_string();
                }
            }
        }
    }
    best.to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Single sentences of news, the close languages above all: each must come out in its
    /// own language.
    #[test]
    fn single_sentences_in_close_languages() {
        let k = Knowledge::global();
        let cases: &[(&str, &[&str])] = &[
            (
                "nb",
                &[
                    "Telenor har ikke ønsket å kommentere saken før avtalen er ferdig.",
                    "Ifølge selskapet fikk de nesten 20 000 nye kunder i fjor.",
                    "Konsernsjefen sier at fiberutbyggingen skal fortsette hele neste år.",
                    "Selskapet eies av en gruppe investorer fra Bergen.",
                    "Hun mener prisene på mobilabonnement har vært altfor høye.",
                ],
            ),
            (
                "nn",
                &[
                    "Telenor har ikkje ønskt å kommentere saka før avtalen er ferdig.",
                    "Ifølgje selskapet fekk dei nesten 20 000 nye kundar i fjor.",
                    "Konsernsjefen seier at fiberutbygginga skal halde fram heile neste år.",
                    "Eg trur ikkje at prisane vil gå ned med det første, seier ho.",
                    "Telia kjøper Get for 21 milliardar kroner, melde selskapet.",
                ],
            ),
            (
                "da",
                &[
                    "Telenor har ikke ønsket at kommentere sagen, før aftalen er på plads.",
                    "Ifølge selskabet fik de næsten 20.000 nye kunder sidste år.",
                    "Koncernchefen siger, at udrulningen af fibernet fortsætter hele næste år.",
                    "Hun mener, at priserne på mobilabonnementer har været alt for høje.",
                    "TDC køber Get for 21 milliarder kroner, oplyser selskabet.",
                ],
            ),
            (
                "sv",
                &[
                    "Telenor har inte velat kommentera saken innan avtalet är klart.",
                    "Enligt bolaget fick de nästan 20 000 nya kunder förra året.",
                    "Koncernchefen säger att fiberutbyggnaden ska fortsätta hela nästa år.",
                    "Hon menar att priserna på mobilabonnemang har varit alldeles för höga.",
                    "Telia köper Bredband2 för 2 miljarder kronor, meddelar bolaget.",
                ],
            ),
            (
                "de",
                &[
                    "Der Umsatz von Swisscom betrug 11,1 Milliarden Euro.",
                    "Die Bundesnetzagentur hat gegen Vodafone ein Bußgeld verhängt.",
                ],
            ),
            (
                "fr",
                &[
                    "L'Arcep a mis en demeure Free de respecter ses obligations.",
                    "Orange a racheté Jazztel pour 3,4 milliards d'euros.",
                ],
            ),
            (
                "en",
                &[
                    "Ofcom has fined Three for failing to protect its customers.",
                    "Telia said the deal would close in the second quarter.",
                ],
            ),
        ];
        let mut wrong = Vec::new();
        for (lang, sentences) in cases {
            for s in *sentences {
                let got = detect_language(s, k);
                if got != *lang {
                    wrong.push(format!("{lang} read as {got}: {s}"));
                }
            }
        }
        assert!(wrong.is_empty(), "{wrong:#?}");
    }

    /// The field's short articles (a title line and one sentence).
    #[test]
    fn short_articles_of_the_field() {
        let k = Knowledge::global();
        for (lang, text) in [
            ("nb", "Eierskifte\n\nPhonero AS eies av Phonero Holding AS."),
            (
                "nn",
                "Telia kjøper Get\n\nTelia kjøper Get for 21 milliardar kroner, melde selskapet.",
            ),
            (
                "de",
                "Umsatz\n\nDer Umsatz von Swisscom betrug 11,1 Milliarden Euro.",
            ),
            (
                "nb",
                "Nkom gransker Telenor\n\nNkom har åpnet tilsynssak mot Telenor om kobbernettet.",
            ),
        ] {
            assert_eq!(detect_language(text, k), lang, "{text}");
        }
    }
}
