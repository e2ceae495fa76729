//! Discovery of names the gazetteer does not know: capitalised spans with cues (legal
//! forms, titles, given names, organisation words, quotes, recurrence).

use super::*;
use std::cell::OnceCell;

/// A run of capitalised words (with connectors) that is not yet a mention.
#[derive(Debug, Clone)]
pub(super) struct Span {
    pub(super) sentence: usize,
    pub(super) start: usize,
    pub(super) end: usize,
    pub(super) words: usize,
    /// First word of its sentence (capitalised by grammar, not by being a name).
    pub(super) sentence_initial: bool,
}

/// A compound of a service's acronym and a noun in lower case is a common noun, never a
/// name: "TV-distributøren", "IP-telefoni", "5G-utbyggingen" (not "EU-kommisjonen").
fn tech_compound(word: &str, tech: &HashSet<String>, lexicon: &Lexicon) -> bool {
    word.split_once('-').is_some_and(|(head, _)| {
        tech.contains(head)
            && super::services::service_compounds(lexicon)
                .stems
                .iter()
                .any(|(stem, _)| stem.eq_ignore_ascii_case(head))
    }) && word
        .rsplit('-')
        .next()
        .is_some_and(|tail| tail.starts_with(char::is_lowercase))
}

pub(super) fn discover(
    article: &Article,
    lexicon: &Lexicon,
    knowledge: &Knowledge,
    covered: &Coverage,
    nationalities: &[(usize, usize)],
    companies: &[(usize, usize)],
) -> Vec<Mention> {
    let text = &article.text;
    let common = &knowledge.common;
    let sets = name_sets(lexicon);
    let (stop, not_names, given, tech) = (&sets.stop, &sets.not_names, &sets.given, &sets.tech);
    // Each sentence's tokens, segmented once: the loop below reads them, and so does the
    // question whether the article writes a word in lower case somewhere.
    let sentence_tokens: Vec<Vec<Token>> = article
        .sentences
        .iter()
        .map(|s| tokens(&text[s.start..s.end], s.start))
        .collect();
    // Every word of the article as written, collected at the first question.
    let all_words: OnceCell<HashSet<&str>> = OnceCell::new();
    let written_bare = |word: &str| {
        all_words
            .get_or_init(|| sentence_tokens.iter().flatten().map(|t| t.text).collect())
            .contains(word)
    };
    // The words the article writes in lower case, collected at the first question.
    let lower_words: OnceCell<HashSet<&str>> = OnceCell::new();
    let written_in_lower_case = |lower: &str| {
        lower_words
            .get_or_init(|| {
                sentence_tokens
                    .iter()
                    .flatten()
                    .filter(|t| t.text.chars().next().is_some_and(|c| c.is_lowercase()))
                    .map(|t| t.text)
                    .collect()
            })
            .contains(lower)
    };

    let mut found = Vec::new();
    // Single words without a cue: the span, whether it stands inside its sentence, and
    // whether a preposition of place stands right before it ("i Olden").
    let mut singles: Vec<(Span, bool, bool)> = Vec::new();
    for (si, (sentence, toks)) in article.sentences.iter().zip(&sentence_tokens).enumerate() {
        // A keyword line of a web page ("Mots-clés : Digital Working, Europe") lists
        // topics, not names.
        let line = text[sentence.start..sentence.end].trim_start();
        if common.tag_labels.iter().any(|label| {
            line.strip_prefix(label.as_str())
                .is_some_and(|rest| rest.trim_start().starts_with(':'))
        }) {
            continue;
        }
        let words: Vec<&Token> = toks.iter().filter(|t| t.is_word()).collect();
        // Headlines in Title Case carry no name signal. A sentence of the body that ends
        // as prose does ("In London, Ofcom spokesperson David Hartley said so.") is no
        // headline, however many names it has.
        let caps = words.iter().filter(|t| t.is_capitalised()).count();
        let prose = si > 0
            && text[sentence.start..sentence.end]
                .trim_end()
                .ends_with(['.', '!', '?', '"', '”', '»']);
        if lexicon.title_case_headlines
            && !prose
            && words.len() >= 4
            && caps * 10 >= words.len() * 6
        {
            continue;
        }
        for span in capitalised_spans(toks, si, sets, common, covered, text) {
            let surface = &text[span.start..span.end];
            let lower_word = surface.to_lowercase();
            let lower_surface = lower_word
                .strip_suffix('s')
                .filter(|_| span.words == 1)
                .unwrap_or(&lower_word)
                .to_string();
            let is_anaphor_word = sets.anaphors.contains(&lower_surface);
            if span.words == 1
                && (is_anaphor_word
                    || tech.contains(surface)
                    || not_names.contains(surface)
                    || sets.company_tails.contains(surface)
                    || tech_compound(surface, tech, lexicon))
            {
                continue;
            }
            // Where every noun is capitalised, a noun the lexicon knows is no name
            // ("Bußgelder", "Übernahmeangebot"), unless a descriptor with its article
            // names it (checked below: "der Anbieter Nordnetz").
            let compound_of_noun = span.words == 1
                && sets.capitalises_nouns
                && sets.common_nouns.has_cue(&lower_surface);
            // The noun itself, or it after at most two bytes: a set lookup per short prefix.
            let is_common_noun = compound_of_noun
                && lower_surface
                    .char_indices()
                    .take_while(|&(i, _)| i <= 2)
                    .any(|(i, _)| sets.common_nouns.contains(&lower_surface[i..]));
            // "Datanet AG": the span already ends in its legal form.
            let ends_in_legal_form = span.words >= 2
                && surface
                    .rsplit(' ')
                    .next()
                    .is_some_and(|last| common.legal_forms.iter().any(|f| f == last));
            let first_word = surface.split_whitespace().next().unwrap_or("");
            // A dotted name is a web address or an abbreviation, unless a legal form
            // follows it ("E.ON SE").
            let legal = legal_form_after(text, span.end, sentence.end, &common.legal_forms);
            let legal_follows = legal.is_some();
            if surface.contains('@') || surface.contains("://") || surface.starts_with("www.") {
                continue;
            }
            // "die Anmietung von Leitungen": an abstract noun and its complement, no name.
            let abstract_phrase = lexicon.capitalises_nouns
                && span.words >= 2
                && legal.is_none()
                && !ends_in_legal_form
                && surface
                    .split_whitespace()
                    .skip(1)
                    .any(|w| w.starts_with(char::is_lowercase))
                && lexicon
                    .grammar
                    .abstract_noun_endings
                    .iter()
                    .any(|e| first_word.to_lowercase().ends_with(e.as_str()));
            if abstract_phrase {
                continue;
            }
            // A dotted word is an abbreviation or an address unless something marks it as
            // a name: a legal form ("E.ON SE") or a cue (checked below: "norske Ice.net").
            let dotted = surface.contains('.')
                && !surface.contains(". ")
                && !legal_follows
                && !ends_in_legal_form;
            let before = words_before(toks, span.start, 2);
            let prev = before.last().map(|s| s.to_lowercase()).unwrap_or_default();
            // "l'opérateur norvégien Nordwave": a nationality may stand between cue and name.
            let cue_end = toks
                .iter()
                .rev()
                .find(|t| t.end <= span.start && t.is_word())
                .filter(|t| nationalities.contains(&(t.start, t.end)))
                .map_or(span.start, |t| t.start);
            // "l'opérateur de fibre Kosc", "l'opérateur d'infrastructures Axione": a
            // complement of the cue noun may stand between it and the name.
            let cue_end = {
                let before: Vec<&Token> = toks[..toks.partition_point(|t| t.end <= cue_end)]
                    .iter()
                    .rev()
                    .filter(|t| t.is_word())
                    .take(2)
                    .collect();
                match before[..] {
                    [w, ..] if super::of_complement(lexicon, &[w.text]) => w.start,
                    [w2, w1] if super::of_complement(lexicon, &[w1.text, w2.text]) => w1.start,
                    _ => cue_end,
                }
            };
            // Adverbs that leave the sentence's relations as they are stand between a cue
            // and its name too ("konkurrerer især med Oister").
            // Where nouns are capitalised, an article may stand between a cue and a name of
            // two words or more ("die Mehrheit an der Fibernet Nord", "übernimmt die
            // Glasnetz Holstein"); one word after an article is as often a noun.
            let cue_end = if lexicon.capitalises_nouns && span.words >= 2 {
                toks[..toks.partition_point(|t| t.end <= cue_end)]
                    .iter()
                    .rev()
                    .find(|t| t.is_word())
                    .filter(|t| lexicon.articles.contains(&t.text.to_lowercase()))
                    .map_or(cue_end, |t| t.start)
            } else {
                cue_end
            };
            let before_cue = words_before_skipping(toks, cue_end, 2, &sets.adverbs);
            let cue_word = before_cue
                .last()
                .map(|s| s.to_lowercase())
                .unwrap_or_default();
            let cue_words = before_cue.join(" ").to_lowercase();
            // A counted cue is a plural common noun, no descriptor of a name ("gegen drei
            // Telekommunikationsanbieter Bußgelder").
            let counted = before_cue.len() == 2
                && (before_cue[0].chars().all(|c| c.is_ascii_digit())
                    || lexicon
                        .numbers
                        .words
                        .contains_key(before_cue[0].to_lowercase().as_str()));
            // A nationality right before a capitalised word makes it a name ("norske
            // Phonero", "amerikanske Bell South"), where only names are capitalised.
            let demonym_cued = cue_end != span.start && !lexicon.capitalises_nouns;
            // The word after the name: a deal verb ("Arcor übernimmt"), or an apposition
            // that describes it ("Sparkle, filiale de Telecom Italia").
            let after_span = text[span.end..sentence.end].trim_start();
            let next_word: String = after_span
                .chars()
                .take_while(|c| c.is_alphanumeric())
                .collect::<String>()
                .to_lowercase();
            // Not a common noun or its plural ("Analysts bought Telenor shares").
            let common_word = span.words == 1
                && [
                    Some(lower_word.as_str()),
                    lower_word.strip_suffix('s'),
                    lower_word.strip_suffix("es"),
                ]
                .into_iter()
                .flatten()
                .any(|w| {
                    sets.titles.contains(w)
                        || sets.common_nouns.contains(w)
                        || sets.org_cues.contains(w)
                        || sets.stop.contains(w)
                });
            // Where every noun is capitalised, a noun governed by a preposition (maybe
            // after a modifier) is no subject of the verb after it ("Nach monatelangen
            // Verhandlungen kauft die Telekom ...").
            let governed = lexicon.capitalises_nouns && {
                let is_prep = |w: &str| lexicon.grammar.prepositions.contains(&w.to_lowercase());
                match before.as_slice() {
                    [.., p] if is_prep(p) => true,
                    [p, m] => is_prep(p) && m.starts_with(char::is_lowercase),
                    _ => false,
                }
            };
            let verb_cued = !next_word.is_empty()
                && !common_word
                && !governed
                && sets.deal_verbs.contains(&next_word);
            // The first part of a title compound is the employer ("Nordnetz-Chef Hans
            // Müller", "Nordnett-sjef", "United-Internet-Chef").
            // The cues below are asked for lazily, each at most once: most spans are typed
            // by the first cue that holds, or need none (a person, a legal form).
            let title_compound_memo = OnceCell::new();
            let title_compound = || {
                *title_compound_memo.get_or_init(|| {
                    !common_word
                        && surface.chars().count() >= 3
                        && text[span.end..sentence.end]
                            .strip_prefix('-')
                            .map(|rest| {
                                rest.split(|c: char| !c.is_alphanumeric())
                                    .next()
                                    .unwrap_or("")
                            })
                            .is_some_and(|w| is_title(w, lexicon))
                })
            };
            // The new or old name of a renamed organisation: "Fibernett Vest har byttet
            // navn til Vestfiber", "Orange Slovensko, formerly known as Globtel".
            let rename_cued = || {
                !common_word
                    && companies
                        .iter()
                        .copied()
                        .chain(found.iter().map(|m: &Mention| (m.start, m.end)))
                        .any(|(s, e)| {
                            s >= sentence.start
                                && e <= span.start
                                && span.start - e <= super::renames::MAX_BETWEEN_BYTES
                                && super::renames::renames_between(
                                    &text[e..span.start],
                                    after_span,
                                    lexicon,
                                )
                        })
            };
            // An apposition whose noun is a brand noun names a product ("Voxi, Vodafone's
            // youth brand,", "Congstar, die Zweitmarke der Telekom,", "Sosh, sa marque à
            // petits prix"): the noun within its first four words.
            let brand_apposition = || {
                !common_word
                    && after_span.strip_prefix(',').is_some_and(|rest| {
                        let phrase = rest.split([',', ')', ';', '.']).next().unwrap_or("");
                        let words: Vec<String> = phrase
                            .split(|c: char| c.is_whitespace() || c == '\'' || c == '’')
                            .filter(|w| !w.is_empty())
                            .map(|w| w.to_lowercase())
                            .collect();
                        // The noun before any relative clause: "Telia, which sells the
                        // brand Chess," is no brand. An article opening the apposition is
                        // one, also where it could be a relative pronoun ("die Zweitmarke").
                        let skip = usize::from(
                            words.first().is_some_and(|w| lexicon.articles.contains(w)),
                        );
                        // The noun heads the phrase: last, or before a preposition or an
                        // article ("the youth brand of", "die Zweitmarke der"); not a
                        // modifier ("a brand new operator", "the brand research firm").
                        let heads = |k: usize| {
                            words.get(k + 1).is_none_or(|next| {
                                lexicon.grammar.prepositions.contains(next)
                                    || lexicon.articles.contains(next)
                                    || lexicon.grammar.relative.contains(next)
                            })
                        };
                        words
                            .iter()
                            .enumerate()
                            .take(4)
                            .skip(skip)
                            .take_while(|(_, w)| !lexicon.grammar.relative.iter().any(|r| r == *w))
                            // Where adjectives follow the noun, the noun after the
                            // article heads it ("la marque low-cost de SFR").
                            .any(|(k, w)| {
                                sets.brand_cues.matches(w, "")
                                    && (heads(k)
                                        || (k == skip && lexicon.grammar.has("adjective_after")))
                            })
                    })
            };
            let apposition_cued = || {
                after_span.strip_prefix(',').is_some_and(|rest| {
                    // A partitive before the description is none of it ("Freenet, einer der
                    // Konkurrenten", "Bahnhof, en av Telias konkurrenter").
                    let lower_rest = rest.trim_start().to_lowercase();
                    let rest = lexicon
                        .grammar
                        .partitives
                        .iter()
                        .filter(|p| lower_rest.starts_with(&format!("{} ", p.to_lowercase())))
                        .map(|p| p.len())
                        .max()
                        .and_then(|len| rest.trim_start().get(len..))
                        .unwrap_or(rest);
                    // A word closing the apposition keeps no comma ("Brsk, an altnet, ...").
                    let mut words = rest
                        .split(|c: char| c.is_whitespace() || c == '\'' || c == '’')
                        .map(|w| w.trim_end_matches(|c: char| !c.is_alphanumeric()))
                        .filter(|w| !w.is_empty())
                        .map(|w| w.to_lowercase());
                    let first = words.next().unwrap_or_default();
                    let describes = |w: &str| sets.appositive_cues.has_cue(w);
                    // A genitive name and a noun phrase that closes the apposition, its noun
                    // last and one of owning, competing or partnering ("Sky, BT's biggest
                    // rival,", "Ice, Telenors største konkurrent,", "Comviq, Tele2:s
                    // lågprisvarumärke,"): the glued "s" only where the language writes it
                    // (the Nordic languages). Never a common word or a given name before it,
                    // nor a title in it ("Anna, BT's team leader,"); not a buyer
                    // ("Hansen, TDCs indkøber,").
                    let raw = rest.trim_start();
                    let raw_first = raw.split_whitespace().next().unwrap_or("");
                    let genitive = raw_first.starts_with(char::is_uppercase)
                        && (["'s", "’s", ":s", "'", "’"]
                            .iter()
                            .any(|g| raw_first.ends_with(g))
                            || (sets.glued_genitive && raw_first.ends_with('s')));
                    if genitive {
                        let phrase = raw[raw_first.len()..]
                            .split_once([',', ')'])
                            .map(|(phrase, _)| phrase.split_whitespace().collect::<Vec<_>>());
                        !common_word
                            && !given.contains(surface)
                            && phrase.is_some_and(|words| {
                                (1..=3).contains(&words.len())
                                    && words.iter().all(|w| {
                                        let w = w.to_lowercase();
                                        !lexicon.grammar.prepositions.contains(&w)
                                            && !is_title(&w, lexicon)
                                    })
                                    && words.last().is_some_and(|w| {
                                        sets.relational_nouns.has_cue(&w.to_lowercase())
                                    })
                            })
                    }
                    // After an article, up to two modifiers may stand before the noun ("eine
                    // hundertprozentige Tochter", "en helägd dotter"); a preposition ends the
                    // phrase.
                    else if lexicon.articles.contains(&first)
                        || lexicon.grammar.indefinite_articles.contains(&first)
                    {
                        words
                            .take(3)
                            .take_while(|w| !lexicon.grammar.prepositions.contains(w))
                            .any(|w| describes(&w))
                    } else {
                        describes(&first)
                    }
                })
            };
            // A name as the subject of a copula whose predicate describes an organisation
            // ("Fjordnet is a subsidiary of Telenor", "Congstar ist eine Tochter der
            // Telekom", "Fjordnett er et datterselskap av Telenor"): an article and up to
            // two modifiers may stand before the noun.
            // Only the subject: at the start of a sentence or after a comma, where
            // `words_before` gives no word ("Ifølge Hansen er selskapet ..." has its
            // subject after the verb).
            let subject_position = span.sentence_initial || prev.is_empty();
            let predicate_memo = OnceCell::new();
            // In a V2 clause a name right after the copula is its subject, and the word
            // before it a fronted adverbial ("Heute ist Freenet ein Mobilfunkanbieter").
            let company_after_copula = || {
                let at = sentence.end - after_span.len();
                after_span
                    .find(char::is_whitespace)
                    .map(|i| {
                        let rest = &after_span[i..];
                        at + i + (rest.len() - rest.trim_start().len())
                    })
                    .is_some_and(|p| companies.iter().any(|&(s, _)| s == p))
            };
            let predicate_cued = || {
                *predicate_memo.get_or_init(|| {
                    !common_word
                        && subject_position
                        && !(lexicon.grammar.has("v2") && company_after_copula())
                        && {
                            let words: Vec<String> = after_span
                                .split(char::is_whitespace)
                                .filter(|w| !w.is_empty())
                                .take(5)
                                .map(|w| {
                                    w.trim_matches(|c: char| !c.is_alphanumeric() && c != '-')
                                        .to_lowercase()
                                })
                                .collect();
                            let describes = |w: &str| sets.appositive_cues.has_cue(w);
                            // The first word after the articles and up to two modifiers; a preposition
                            // ends the predicate's noun phrase ("er sjef i selskapet").
                            let head = words
                                .get(1..)
                                .unwrap_or_default()
                                .iter()
                                .filter(|w| !lexicon.articles.contains(*w))
                                .take(3)
                                .take_while(|w| !lexicon.grammar.prepositions.contains(*w))
                                .find(|w| describes(w));
                            words
                    .first()
                    .is_some_and(|w| lexicon.grammar.copulas.contains(w))
                    && head.is_some()
                    // "Broadband is a key business": a service word is no name.
                    && !lexicon
                        .services
                        .keys()
                        .any(|k| k.to_lowercase() == lower_surface)
                        }
                })
            };
            // Where only names are capitalised, a word in the subject's place before a verb
            // of a relation: opening the sentence or a clause after a comma and a
            // coordinator (`clause_initial`), before an auxiliary and a participle
            // ("Get vart kjøpt av Telia", "Norlys har købt ..."), or before a finite verb
            // and a lower-case word that is no subject ("Norlys tilbyder fiberbredbånd";
            // a fronted adverb has the subject after the verb: "Derfor tilbyder
            // selskabet ..."); or between an auxiliary and a participle ("I 2021 blev
            // Fibia opkøbt af Norlys").
            let after_memo: OnceCell<(Vec<&str>, Vec<String>)> = OnceCell::new();
            let after_two = || {
                after_memo.get_or_init(|| {
                    let words: Vec<&str> = after_span
                        .split(|c: char| c.is_whitespace())
                        .filter(|w| !w.is_empty())
                        .take(2)
                        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()))
                        .collect();
                    let lower = words.iter().map(|w| w.to_lowercase()).collect();
                    (words, lower)
                })
            };
            // The antecedent of a relative clause whose verb is a relation's ("Talkmore,
            // som konkurrerer med OneCall,", "Halebop, which competes with Comviq,"),
            // where only names are capitalised.
            let relative_cued = || {
                !lexicon.capitalises_nouns
                    && span.words == 1
                    && !common_word
                    && !sets.stop.contains(&lower_surface)
                    && after_span.strip_prefix(',').is_some_and(|rest| {
                        let words: Vec<&str> = rest
                            .split_whitespace()
                            .take(5)
                            .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()))
                            .collect();
                        let lower: Vec<String> = words.iter().map(|w| w.to_lowercase()).collect();
                        let relation_verb = |w: &String| {
                            (sets.company_subject_verbs.contains(w)
                                || sets.offering_verbs.contains(w)
                                || sets.synthetic_passives.contains(w))
                                && !sets.auxiliaries.contains(w)
                        };
                        let object_relative = || {
                            // "Talkmore, som Telenor kjøpte i 2010", "Halebop, which Telia
                            // has owned since": a name, maybe an auxiliary, the verb.
                            words.get(1).is_some_and(|w| {
                                w.chars().next().is_some_and(char::is_uppercase)
                                    && !sets.stop.contains(&lower[1])
                            }) && lower[2..]
                                .iter()
                                .take(2)
                                .any(|w| relation_verb(w) || sets.participles.contains(w))
                        };
                        // "Sunnmørsbreiband, som vart kjøpt av Telia", "Rhônenet, qui a été
                        // racheté par SFR": auxiliaries, then a relation's participle.
                        let passive_relative = || {
                            let auxiliaries = lower[1..]
                                .iter()
                                .take_while(|w| sets.auxiliaries.contains(*w))
                                .count();
                            auxiliaries > 0
                                && lower
                                    .get(1 + auxiliaries)
                                    .is_some_and(|w| sets.participles.contains(w))
                        };
                        lower
                            .first()
                            .is_some_and(|w| lexicon.grammar.relative.contains(w))
                            && (lower.get(1).is_some_and(relation_verb)
                                || (lower.len() >= 3 && object_relative())
                                || passive_relative())
                    })
            };
            // The subject of an object relative clause, right before the relation's verb
            // ("Eesy, som Norlys ejer,", "Smarty, which Vodafone owns,"), where only names
            // are capitalised.
            let relative_subject_cued = || {
                !lexicon.capitalises_nouns
                    && span.words == 1
                    && !span.sentence_initial
                    && !common_word
                    && !sets.stop.contains(&lower_surface)
                    && lexicon.grammar.relative.contains(&prev)
                    && (!lexicon.grammar.complementizers.contains(&prev) || {
                        // A pronoun that is also a complementizer only after a comma:
                        // "reported that Fredriksen owns" is no relative clause.
                        let head = text[sentence.start..span.start].trim_end();
                        head.len()
                            .checked_sub(prev.len())
                            .and_then(|n| head.get(..n))
                            .is_some_and(|t| t.trim_end().ends_with(','))
                    })
                    && sets.company_subject_verbs.contains(&next_word)
                    && !sets.auxiliaries.contains(&next_word)
            };
            // A genitive right before a relation's noun or a company's figure, maybe after
            // one modifier ("Talkmores morselskap", "Stofas hårdeste konkurrent",
            // "Nuudays kunder"), where only names are capitalised: the name without its
            // genitive. Before a figure only a name the article also writes bare: a name
            // may end in "s" itself ("Telness kunder"). Not a person's surname ("Røkkes
            // oppkjøp"), nor a definite noun opening the sentence ("Regjeringens").
            let genitive_memo = OnceCell::new();
            let genitive_stem = || {
                *genitive_memo.get_or_init(|| {
                    (!lexicon.capitalises_nouns
                        && span.words == 1
                        && !common_word
                        && after_span.starts_with(char::is_alphanumeric))
                    .then(|| {
                        let apostrophe = strip_genitive(surface);
                        if apostrophe.len() < surface.len() {
                            return Some(apostrophe);
                        }
                        surface
                            .strip_suffix(":s")
                            .or_else(|| surface.strip_suffix('s').filter(|_| sets.glued_genitive))
                    })
                    .flatten()
                    .filter(|stem| {
                        let lower = stem.to_lowercase();
                        let lower_after = &after_two().1;
                        let relational = lower_after
                            .iter()
                            .any(|w| sets.relational_nouns.contains(w));
                        let possessed =
                            lower_after.iter().any(|w| sets.possessed_nouns.contains(w));
                        let surname = found.iter().any(|m: &Mention| {
                            m.etype == EntityType::Person
                                && m.surface.rsplit(' ').next() == Some(*stem)
                        });
                        stem.chars().count() >= 3
                            && !surname
                            && [lower.as_str(), lower_word.as_str()].iter().all(|w| {
                                !sets.stop.contains(*w)
                                    && !sets.anaphors.contains(*w)
                                    && !sets.org_cues.contains(*w)
                                    && !sets.titles.contains(*w)
                            })
                            && !not_names.contains(*stem)
                            && if span.sentence_initial {
                                // A V2 clause's second word is mostly its verb ("Således
                                // kunde", "Norlys køber"): only a relational noun, which is
                                // none, marks a genitive there.
                                relational
                                    && !lexicon
                                        .grammar
                                        .definite_singular_endings
                                        .iter()
                                        .chain(&lexicon.grammar.definite_plural_endings)
                                        .any(|e| lower.ends_with(e.as_str()))
                            } else {
                                relational || (possessed && written_bare(stem))
                            }
                            && !written_in_lower_case(&lower)
                            && !written_in_lower_case(&lower_word)
                    })
                })
            };
            // The first word of a sentence, or of a clause after a comma and a coordinator
            // ("…, og Phonero ble i 2019 kjøpt av Fjordnett").
            let clause_initial = span.sentence_initial
                || (before.len() == 2 && before[0] == "," && lexicon.coordinators.contains(&prev));
            // Only in V2 languages that write nouns in lower case: in English and French
            // a plural noun opens sentences ("Shares were bought", "Investors bought");
            // there the verb cue above reads "X acquires".
            let subject_cued = || {
                let (after_words, lower_after) = after_two();
                !lexicon.capitalises_nouns
                    && lexicon.grammar.has("v2")
                    && span.words == 1
                    && !common_word
                    && !sets.stop.contains(&lower_surface)
                    && !written_in_lower_case(&lower_surface)
                    && !lexicon
                        .grammar
                        .definite_plural_endings
                        .iter()
                        .any(|e| lower_surface.ends_with(e.as_str()))
                    && match (lower_after.first(), lower_after.get(1)) {
                        (Some(w1), Some(w2)) if clause_initial => {
                            // A relation's verb that is no auxiliary or copula.
                            let main_verb = sets.relation_verbs.contains(w1)
                                && !sets.auxiliaries.contains(w1)
                                && !lexicon.grammar.copulas.contains(w1);
                            // "Get vart kjøpt", "Nuuday vil overtage": an auxiliary and the
                            // participle or infinitive of a relation.
                            (sets.auxiliaries.contains(w1)
                            && (sets.participles.contains(w2)
                                || sets.company_subject_verbs.contains(w2)))
                            // "Stofa undersøges nu af", "Bredband2 köps av": an s-passive.
                            || (sets.synthetic_passives.contains(w1)
                                && after_words[1].chars().next().is_some_and(char::is_lowercase))
                            // "Stofa blev i 2013 købt af X": a passive auxiliary, an adverbial,
                            // and the participle with its agent.
                            || (sets.auxiliaries.contains(w1)
                                && passive_with_agent(after_span, sets, lexicon))
                            || (main_verb
                                && after_words[1]
                                    .chars()
                                    .next()
                                    .is_some_and(char::is_lowercase)
                                && !sets.stop.contains(w2)
                                && !sets.anaphors.contains(w2)
                                && !lexicon.articles.contains(w2)
                                && !lexicon.numbers.words.contains_key(w2.as_str())
                                && !sets.auxiliaries.contains(w2))
                            // "Vestlink eig 51 prosent av aksjane i ...": a percentage after
                            // the verb is its object, no inverted subject.
                            || (main_verb && percentage_opens(after_span, lexicon))
                        }
                        (Some(w1), _) => {
                            sets.participles.contains(w1) && sets.auxiliaries.contains(&prev)
                        }
                        _ => false,
                    }
            };
            // Where only names are capitalised and the subject stands before the verb
            // (English, French), a word opening a clause after a comma, before an auxiliary
            // and a relation's participle or infinitive, maybe after an adverb ("Since the
            // autumn, Gamma has also offered VoIP", "Next year, Digi will launch ...",
            // "Depuis mars, Gamma a lancé ..."): that verb's subject. Not the first word of
            // a sentence, which any noun may be.
            let aux_subject_cued = || {
                !lexicon.capitalises_nouns
                    && !lexicon.grammar.has("v2")
                    && span.words <= 2
                    && !span.sentence_initial
                    && prev.is_empty()
                    && text[sentence.start..span.start].trim_end().ends_with(',')
                    && !common_word
                    && !sets.stop.contains(&lower_surface)
                    && !written_in_lower_case(&lower_surface)
                    && {
                        let mut words = after_span.split_whitespace().take(4).map(|w| {
                            w.trim_matches(|c: char| !c.is_alphanumeric())
                                .to_lowercase()
                        });
                        words
                            .next()
                            .is_some_and(|w1| sets.auxiliaries.contains(&w1))
                            && words
                                .find(|w| !sets.adverbs.words.contains(w))
                                .is_some_and(|w2| {
                                    sets.participles.contains(&w2)
                                        || sets.company_subject_verbs.contains(&w2)
                                })
                    }
            };
            // "Anbieter-Wechsel" is a compound noun, not a cue and a name.
            let glued = char_before(text, span.start) == Some('-');
            // A word only a name is shaped like: "YouSee", "VodafoneZiggo", "Bredband2".
            let shaped = || span.words == 1 && name_shaped(surface);
            // "seine Marken Smartmobil", "lavprismerket Chess", "its brand Djuice".
            // Where adjectives follow the noun, one may stand between the cue and the name
            // ("sa marque low-cost Sosh", "l'opérateur historique X"): the word before it.
            let cue_before_adjective = (lexicon.grammar.has("adjective_after")
                && before_cue.len() == 2
                && before_cue[1].starts_with(char::is_lowercase))
            .then(|| before_cue[0].to_lowercase());
            let brand_cued = !glued
                && ((!cue_word.is_empty() && sets.brand_cues.matches(&cue_word, &cue_words))
                    || cue_before_adjective
                        .as_deref()
                        .is_some_and(|c| sets.brand_cues.matches(c, "")));
            // Cheap cues first: every cue is a pure question, so the order only sets the cost.
            let org_memo = OnceCell::new();
            let org_cued = || {
                *org_memo.get_or_init(|| {
                    demonym_cued
                        || brand_cued
                        || verb_cued
                        || (!cue_word.is_empty()
                            && !counted
                            && !glued
                            && sets.name_cues.matches(&cue_word, &cue_words))
                        || shaped()
                        || title_compound()
                        || genitive_stem().is_some()
                        || subject_cued()
                        || aux_subject_cued()
                        || relative_cued()
                        || relative_subject_cued()
                        || apposition_cued()
                        || predicate_cued()
                        || rename_cued()
                })
            };
            if dotted && !org_cued() {
                continue;
            }
            // A compound of a common noun is a name only right after a descriptor and its
            // article ("der Anbieter Nordnetz"; "gegen Telekommunikationsanbieter
            // Bußgelder" has none).
            // The word before the descriptor: its article, or a nationality or city
            // adjective after the article ("den Kieler Anbieter Nordnetz").
            let determined = || {
                let mut words = toks
                    .iter()
                    .rev()
                    .filter(|t| t.end <= cue_end && t.is_word())
                    .skip(1);
                let first = words.next();
                let first = if first.is_some_and(|t| nationalities.contains(&(t.start, t.end))) {
                    words.next()
                } else {
                    first
                };
                first.is_some_and(|t| lexicon.articles.contains(&t.text.to_lowercase()))
            };
            if compound_of_noun
                && (!(title_compound() || predicate_cued()) || is_common_noun)
                && (is_common_noun
                    || counted
                    || glued
                    || cue_word.is_empty()
                    || !sets.name_cues.matches(&cue_word, &cue_words)
                    || !determined())
            {
                continue;
            }
            // Where every noun is capitalised, capitalised words in a row without an
            // article before them inside a sentence are a name ("will United Internet").
            let quantity = |w: &str| {
                let w = w.to_lowercase();
                w.chars().any(|c| c.is_ascii_digit())
                    || lexicon.numbers.words.contains_key(w.as_str())
                    || lexicon.numbers.scales.keys().any(|k| k.to_lowercase() == w)
                    || lexicon.currencies.keys().any(|k| k.to_lowercase() == w)
            };
            let bare_name = lexicon.capitalises_nouns
                && span.words >= 2
                && !span.sentence_initial
                && !prev.is_empty()
                && !quantity(&prev)
                && !surface.split_whitespace().any(quantity)
                && surface
                    .split_whitespace()
                    .all(|w| w.chars().next().is_some_and(|c| !c.is_lowercase()))
                && !lexicon.articles.contains(&prev)
                && !lexicon.grammar.possessives.contains(&prev)
                && !lexicon.grammar.prepositions.contains(&prev);
            // Where nouns are capitalised, a word that opens company names ("Stadtwerke",
            // "Telekom") before a capitalised word is a name, an article before it or not:
            // "die Stadtwerke Hohenfeld", "Die Stadtwerke Ulm bauen ...".
            let named_by_company_word = lexicon.capitalises_nouns
                && span.words >= 2
                && common.company_name_words.iter().any(|c| c == first_word)
                && surface
                    .split_whitespace()
                    .nth(1)
                    .is_some_and(|w| w.starts_with(char::is_uppercase) && !quantity(w));
            let bare_name = bare_name || named_by_company_word;
            // A name the gazetteer knows as a context alias ("Orange") is left to the
            // gazetteer's rules, which know whose it is; a service compound
            // ("GSM-abonnenter") to the services.
            if (span.words == 1 && name_index().exact.contains_key(surface))
                || service_compounds(lexicon)
                    .concept_of(&lower_surface)
                    .is_some()
            {
                continue;
            }
            // A heading in capitals ("STORT NETT", "STOCK EXCHANGE RELEASE") names nothing;
            // nor does shouting ("has FINALLY AGREED", "ERICSSON OG NOKIA"). Capitals inside
            // running text that begin with a known name are one ("hos TDC NET"). Running
            // text: a line with at least three words in lower case. The words opening a
            // paragraph may be in capitals by an old newspaper convention, a name or not.
            let running_text = || {
                let line_start = text[..span.start].rfind('\n').map_or(0, |i| i + 1);
                let line_end = text[span.end..]
                    .find('\n')
                    .map_or(text.len(), |i| span.end + i);
                name_index().exact.contains_key(first_word)
                    && !surface.split_whitespace().skip(1).any(|w| {
                        let w = w.to_lowercase();
                        lexicon.coordinators.contains(&w)
                            || lexicon.grammar.prepositions.contains(&w)
                    })
                    && !text[line_start..span.start].trim().is_empty()
                    && text[line_start..line_end]
                        .split_whitespace()
                        .filter(|w| w.chars().next().is_some_and(char::is_lowercase))
                        .nth(2)
                        .is_some()
            };
            let heading_words: Vec<&str> = surface
                .split_whitespace()
                .filter(|w| w.chars().any(char::is_alphabetic))
                .filter(|w| !common.legal_forms.iter().any(|f| f == w))
                .collect();
            if heading_words.len() >= 2
                && heading_words.iter().all(|w| {
                    w.chars()
                        .filter(|c| c.is_alphabetic())
                        .all(char::is_uppercase)
                })
                && !running_text()
            {
                continue;
            }
            // "Mobilfunkbetreiber VoiceStream und Powertel": a cue types the coordinated name
            // too; so does a company already named ("TDC og Norlys", "Norlys og TDC"),
            // where only names are capitalised.
            let single_coordinator = |between: &str| {
                let between = between.trim();
                !between.is_empty()
                    && !between.contains(char::is_whitespace)
                    && lexicon.coordinators.contains(&between.to_lowercase())
            };
            let coordinated_with_company = !lexicon.capitalises_nouns
                && span.words <= 3
                && !common_word
                && companies.iter().any(|&(s, e)| {
                    (e <= span.start
                        && text[e..span.start].len() <= 6
                        && single_coordinator(&text[e..span.start]))
                        || (s >= span.end
                            && text[span.end..s].len() <= 6
                            && single_coordinator(&text[span.end..s]))
                });
            let coordinated_with_cued = coordinated_with_company
                || (lexicon.coordinators.contains(&prev)
                    && found.last().is_some_and(|m: &Mention| {
                        m.etype == EntityType::Company
                            && text[m.end..span.start].split_whitespace().count() == 1
                    }));
            // "seinen Marken Smartmobil sowie Yourfone": the brand cue types the list.
            let coordinated_with_brand = lexicon.coordinators.contains(&prev)
                && found.last().is_some_and(|m: &Mention| {
                    m.etype == EntityType::Product
                        && m.sentence == span.sentence
                        && m.end <= span.start
                        && text[m.end..span.start].split_whitespace().count() <= 1
                        && text[m.end..span.start].trim().len() <= 6
                });
            let brand_cued = brand_cued || coordinated_with_brand;
            // "presschef på Signalwave", "says Kari Nordmann at Signalwave": the employer.
            let person_right_before = |m: &Mention| {
                m.etype == EntityType::Person
                    && m.sentence == span.sentence
                    && m.end <= span.start
                    && before.last() == Some(&text[m.end..span.start].trim())
            };
            // "Jens Aaberg leads Nuuday", "Kari Nordmann, who has headed Fjordnett since":
            // a person, maybe a relative pronoun and auxiliaries, a verb of working for;
            // maybe with a clause between commas after the person ("Kari Nordmann, who
            // headed Telia until May, will now lead Nuuday").
            let after_employee_verb = || {
                let nearest = found
                    .iter()
                    .rev()
                    .take_while(|m| m.sentence == span.sentence)
                    .find(|m| m.end <= span.start && m.etype == EntityType::Person);
                nearest.is_some_and(|m: &Mention| {
                    let between = &text[m.end..span.start];
                    let between = match between.trim_start().strip_prefix(',') {
                        Some(inserted) => {
                            inserted.rfind(',').map_or(inserted, |i| &inserted[i + 1..])
                        }
                        None if std::ptr::eq(m, found.last().expect("nearest is in found")) => {
                            between
                        }
                        None => "",
                    };
                    let between = between.to_lowercase();
                    let words: Vec<&str> = between
                        .split_whitespace()
                        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()))
                        .filter(|w| {
                            !w.is_empty()
                                && !lexicon.grammar.relative.iter().any(|r| r == w)
                                && !sets.auxiliaries.contains(*w)
                                && !sets.adverbs.words.contains(*w)
                        })
                        .collect();
                    !words.is_empty()
                        && words.len() <= 3
                        && sets.employee_verbs.contains(&words.join(" "))
                })
            };
            let unit_like = || {
                let coordinated = lexicon.coordinators.contains(&next_word)
                    && after_span
                        .split_whitespace()
                        .nth(1)
                        .is_some_and(|w| w.starts_with(char::is_uppercase));
                let definite = span.words == 1
                    && surface.chars().count() >= 7
                    && lexicon
                        .grammar
                        .definite_singular_endings
                        .iter()
                        .chain(&lexicon.grammar.definite_plural_endings)
                        .any(|e| lower_surface.ends_with(e.as_str()));
                coordinated || definite
            };
            let employer_cued = (lexicon.employer_prepositions.contains(&prev)
                && ((before.len() == 2 && is_title(before[0], lexicon))
                    || found.last().is_some_and(person_right_before)))
                || (!common_word && title_of_employer(toks, span.start, &prev, first_word, lexicon))
                // Not a unit of the employer named after it ("heads Strategy at Telia"),
                // nor units coordinated ("skal lede Strategi og Udvikling") or a noun in
                // the definite form ("skal lede Kommunen", "Regeringen").
                || (!lexicon.capitalises_nouns
                    && !common_word
                    && !lexicon.employer_prepositions.contains(&next_word)
                    && !unit_like()
                    && after_employee_verb());
            // A company's name and one more word after a product noun, or a compound
            // ending in one, name a product: "strømmetjenesten Telia Play", "the service
            // Vodafone Secure Net". A name the gazetteer knows as a whole stays what it is
            // ("tjenesten Telia Norge lanserte": a clause's subject).
            let named_for_company_after_product_cue = || {
                span.words >= 2
                    && sets.product_cues.has_cue(&prev)
                    && name_index().exact.contains_key(first_word)
                    && !name_index().exact.contains_key(surface)
            };
            // A new name right after a product noun, or a compound ending in one, is a
            // product ("strømmetjenesten Fjordplay", "the service Fjordplay"), unless a
            // verb follows it: the noun's relative clause without a pronoun names its
            // subject ("tjenesten Telia lanserte i fjor").
            let product_cued = || {
                !common_word
                    && !prev.is_empty()
                    && sets.product_cues.has_cue(&prev)
                    && !name_index().exact.contains_key(surface)
                    && !sets.verb_heads.contains(next_word.as_str())
                    && !lexicon.speech_verbs.contains(&next_word)
            };
            let etype;
            let mut end = span.end;
            let mut span = span.clone();
            if legal.is_some() || ends_in_legal_form {
                // A name with digits or symbols before it is part of it ("1&1 Drillisch AG").
                let head_start = text[sentence.start..span.start]
                    .trim_end_matches(' ')
                    .rfind(char::is_whitespace)
                    .map_or(sentence.start, |i| sentence.start + i + 1);
                let head = &text[head_start..span.start].trim_end();
                if head_start < span.start
                    && text[head_start..span.start].ends_with(' ')
                    && !head.is_empty()
                    && head
                        .chars()
                        .all(|c| c.is_alphanumeric() || "&+./-".contains(c))
                    && head.chars().any(|c| c.is_ascii_digit() || "&+".contains(c))
                    && !covered.overlaps(head_start, span.start)
                {
                    span.start = head_start;
                }
            }
            if let Some(legal_end) = legal {
                etype = EntityType::Company;
                end = legal_end;
            } else if ends_in_legal_form {
                etype = EntityType::Company;
            } else if lexicon
                .person_prefixes
                .iter()
                .any(|p| before.last().is_some_and(|b| *b == p.trim_end_matches('.')))
                || (span.words >= 2
                    && given.contains(first_word)
                    && !surface.split_whitespace().last().is_some_and(|w| {
                        sets.company_tails.contains(w)
                            || common.company_name_words.iter().any(|c| c == w)
                    }))
                || (span.words >= 2
                    && (is_title(&prev, lexicon)
                        || title_after(text, span.end, sentence.end, lexicon)
                        || title_before_comma(text, sentence.start, span.start, lexicon)
                        || title_predicate(text, span.end, sentence.end, lexicon)))
            {
                etype = EntityType::Person;
            } else if ends_with_any(surface, &sets.regulator_suffixes)
                && !(lexicon.capitalises_nouns
                    && !org_cued()
                    && common_compound(surface, &lexicon.regulator_suffixes))
            {
                etype = EntityType::Regulator;
            } else if ends_with_any(surface, &sets.public_body_suffixes) {
                etype = EntityType::PublicBody;
            } else if brand_cued
                || brand_apposition()
                || product_cued()
                || (is_quoted(text, span.start) && sets.quoted_product_cues.contains(&prev))
                || named_for_company_after_product_cue()
            {
                etype = EntityType::Product;
            } else if org_cued()
                || bare_name
                || coordinated_with_cued
                || employer_cued
                || (span.words >= 2
                    && !lexicon.capitalises_nouns
                    // A function word or a preposition opening the sentence opens an
                    // adverbial ("Since March, ...", "After Easter"), no name.
                    && (!span.sentence_initial || {
                        let first = first_word.to_lowercase();
                        !stop.contains(&first) && !lexicon.grammar.prepositions.contains(&first)
                    })
                    // Words the article also writes in lower case, capitalised for a
                    // heading or a label ("Half-Year Financial Report", "5 Min Read"),
                    // name nothing without a cue.
                    && !surface.split_whitespace().all(|w| {
                        let lower = w.to_lowercase();
                        lower != w && written_in_lower_case(&lower)
                    }))
            {
                // An organisation word before it, or a multi-word name: a company.
                etype = EntityType::Company;
            } else {
                if span.words == 1 && !lexicon.capitalises_nouns {
                    let word = surface;
                    let acronym = word.chars().all(|c| c.is_uppercase() || c.is_ascii_digit());
                    let plausible = !not_names.contains(word)
                        && !tech.contains(word)
                        && !stop.contains(&word.to_lowercase())
                        && !written_in_lower_case(&word.to_lowercase())
                        && !acronym
                        && word.chars().count() >= 3;
                    if plausible {
                        let located = lexicon.grammar.place_prepositions.contains(&prev);
                        singles.push((span.clone(), !span.sentence_initial, located));
                    }
                }
                continue;
            }
            // A possessive "'s" is no part of the name ("Acme's Danish business"): the
            // mention ends before it, which then marks the genitive for the relations.
            let surface = match genitive_stem() {
                Some(stem) if etype == EntityType::Company && end == span.end => stem.to_string(),
                _ => strip_genitive(text[span.start..end].trim_end_matches(['.', ','])).to_string(),
            };
            // Before a title the hyphens of a compound join the words of a name:
            // "United-Internet-Chef" names United Internet ("T-Mobile-Chef" keeps T-Mobile).
            let name = if title_compound()
                && surface.split('-').count() > 1
                && surface.split('-').all(|w| {
                    w.chars().count() >= 2 && w.chars().next().is_some_and(char::is_uppercase)
                }) {
                surface.replace('-', " ")
            } else {
                surface.clone()
            };
            found.push(Mention {
                sentence: span.sentence,
                start: span.start,
                end: span.start + surface.len(),
                surface: surface.clone(),
                etype,
                reference: Reference::New(name),
                origin: Origin::Name,
            });
        }
    }
    // A name found also with an "s" glued on ("Stockholm Energis kunder" beside "Stockholm
    // Energi") is that name in the genitive: the mention ends before the "s", which then
    // marks the genitive for the relations.
    strip_genitive_s(&mut found, true);
    // A single capitalised word is a company name when it recurs mid-sentence, never in
    // lower case, or when a cue typed it elsewhere in the article.
    let mut all_counts: HashMap<String, usize> = HashMap::new();
    for (span, _, _) in &singles {
        *all_counts
            .entry(strip_genitive(&text[span.start..span.end]).to_string())
            .or_default() += 1;
    }
    let mut mid_counts: HashMap<String, usize> = HashMap::new();
    for (span, mid, _) in &singles {
        if *mid {
            *mid_counts
                .entry(strip_genitive(&text[span.start..span.end]).to_string())
                .or_default() += 1;
        }
    }
    let known: HashMap<String, (EntityType, String)> = found
        .iter()
        .map(|m| (m.surface.clone(), (m.etype, m.surface.clone())))
        .collect();
    let accepted: Vec<String> = mid_counts
        .iter()
        .filter(|(w, n)| **n >= 2 || all_counts.get(*w).copied().unwrap_or(0) >= 3)
        .map(|(w, _)| w.clone())
        .chain(found.iter().map(|m| m.surface.clone()))
        .collect();
    // A word written only after a preposition of place, with no cue anywhere, names a
    // place the gazetteer does not know ("Tre over telelinjer i Olden", "ute i Olden"),
    // no company.
    let mut unlocated: HashSet<&str> = HashSet::new();
    for (span, _, located) in &singles {
        if !located {
            unlocated.insert(strip_genitive(&text[span.start..span.end]));
        }
    }
    for (span, _, _) in singles {
        let mut word = strip_genitive(&text[span.start..span.end]);
        // "Glocalnets": the genitive of an accepted name.
        if let Some(base) = word.strip_suffix('s') {
            if accepted.iter().any(|a| a == base) {
                word = base;
            }
        }
        let heads_a_name = found.iter().any(|m| {
            m.etype == EntityType::Company
                && m.surface.contains(' ')
                && m.surface.split_whitespace().next() == Some(word)
        });
        let typed = known
            .get(word)
            .cloned()
            .or(heads_a_name.then(|| (EntityType::Company, word.to_string())));
        let raw = strip_genitive(&text[span.start..span.end]);
        if typed.is_none() && !unlocated.contains(word) && !unlocated.contains(raw) {
            continue;
        }
        let etype = match typed {
            Some((t, _)) => t,
            None if mid_counts.get(word).copied().unwrap_or(0) >= 2
                || accepted.iter().any(|a| a == word) =>
            {
                EntityType::Company
            }
            // A misspelling one letter away from a name of the article ("Glocanet").
            None if word.chars().count() >= 7
                && accepted
                    .iter()
                    .any(|a| crate::text::one_edit_apart(a, word)) =>
            {
                EntityType::Company
            }
            // Or from a long name of the gazetteer ("Bredbandbolaget's managing director"):
            // resolution then joins it to that entity.
            None if misspelt_known_name(word) => EntityType::Company,
            None => continue,
        };
        found.push(Mention {
            sentence: span.sentence,
            start: span.start,
            end: span.start + word.len(),
            surface: word.to_string(),
            etype,
            reference: Reference::New(word.to_string()),
            origin: Origin::Name,
        });
    }
    // ... and so is a one-word name found with the "s" ("i Sonofons bestyrelse") where the
    // article names it bare elsewhere.
    strip_genitive_s(&mut found, false);
    found
}

/// A name found also with an "s" glued on is that name in the genitive: the mention ends
/// before the "s" (only names of several words when `multiword_only`).
fn strip_genitive_s(found: &mut [Mention], multiword_only: bool) {
    let bare: HashSet<String> = found.iter().map(|m| m.surface.clone()).collect();
    for m in found.iter_mut() {
        let stem = m
            .surface
            .strip_suffix('s')
            .filter(|s| (!multiword_only || s.contains(' ')) && bare.contains(*s))
            .map(str::to_string);
        if let Some(stem) = stem {
            m.end -= 1;
            m.reference = Reference::New(stem.clone());
            m.surface = stem;
        }
    }
}

/// The lexicon's own nouns, one word of four or more letters, lower case: trigger,
/// relational and transfer nouns, customer and revenue words.
fn common_nouns(lex: &Lexicon) -> impl Iterator<Item = String> + '_ {
    lex.trigger
        .iter()
        .flat_map(|t| t.nouns.iter().chain(&t.relational).chain(&t.transfer_nouns))
        .chain(lex.metrics.customers.iter().chain(&lex.metrics.revenue))
        .filter(|w| !w.contains(' ') && w.chars().count() >= 4)
        .map(|w| w.to_lowercase())
}

/// The one-word active, reciprocal and transfer verbs of the lexicon's trigger sets,
/// lower case: a noun among them is also a verb ("køber" is a buyer and buys).
fn trigger_verbs(lex: &Lexicon) -> HashSet<String> {
    lex.trigger
        .iter()
        .flat_map(|t| t.verbs.iter().chain(&t.reciprocal).chain(&t.transfers))
        .filter(|v| !v.contains(' '))
        .map(|v| v.to_lowercase())
        .collect()
}

/// Whether a capitalised word is shaped like a name and no common word of any language:
/// a capital after a lower-case letter inside it ("YouSee", "TeliaSonera", "MásMóvil"), or
/// three or more letters with a lower-case one and then one or two final digits
/// ("Tele2", "Bredband2"; not "Q3", "H1", "FY2023", "COVID19").
fn name_shaped(word: &str) -> bool {
    let word = strip_genitive(word);
    let chars: Vec<char> = word.chars().collect();
    if !chars.first().is_some_and(|c| c.is_uppercase())
        || !chars.iter().all(|c| c.is_alphanumeric())
    {
        return false;
    }
    let camel = chars
        .windows(2)
        .any(|w| w[0].is_lowercase() && w[1].is_uppercase());
    let digits = chars
        .iter()
        .rev()
        .take_while(|c| c.is_ascii_digit())
        .count();
    let letters = &chars[..chars.len() - digits];
    let numbered = (1..=2).contains(&digits)
        && letters.len() >= 3
        && letters.iter().all(|c| c.is_alphabetic())
        && letters.iter().any(|c| c.is_lowercase());
    camel || numbered
}

pub(super) fn strip_genitive(word: &str) -> &str {
    word.strip_suffix("'s")
        .or_else(|| word.strip_suffix("’s"))
        .unwrap_or(word)
}

/// The word sets discovery consults for every capitalised word, built once per language.
pub(super) struct NameSets {
    /// The language's rename phrases (see `renames`).
    pub(super) renames: super::renames::RenameGrammar,
    /// Endings of definite nouns (grammar.definite_singular_endings and plural): a noun
    /// so ending that opens a sentence is no first word of a name ("Opkøbet af ...").
    pub(super) definite_endings: Vec<String>,
    pub(super) stop: HashSet<String>,
    /// The coordinators, lower case: one joins the words of a name that a legal form
    /// closes ("Halmstads Energi och Miljö AB").
    pub(super) coordinators: HashSet<String>,
    pub(super) not_names: HashSet<String>,
    pub(super) given: HashSet<String>,
    pub(super) tech: HashSet<String>,
    /// First words of role titles: they end a name.
    pub(super) titles: HashSet<String>,
    /// The role titles as written (lexicon `titles`): `is_title` looks a word's cue
    /// suffixes up here instead of scanning every title.
    pub(super) full_titles: crate::text::CueSet,
    /// The lexicon's regulator and public-body suffixes, lower case (see `ends_with_any`).
    pub(super) regulator_suffixes: Vec<String>,
    pub(super) public_body_suffixes: Vec<String>,
    /// Words of a municipality written after its name ("kommune", "kommun", "stad"),
    /// lower case, from the lexicon's `city_words` of four letters or more ("by" is
    /// also a common word).
    pub(super) municipality_words: HashSet<String>,
    /// Genitive articles of the language (grammar `genitive_articles`: "der", "des").
    pub(super) genitive_articles: HashSet<String>,

    /// Organisation words ("Mobilfunkbetreiber", "operatøren"): they end a name and type
    /// the name after them.
    pub(super) org_cues: crate::text::CueSet,
    /// Words that introduce a product or brand ("Marke", "Markennamen"): they end a name.
    pub(super) product_cues: crate::text::CueSet,
    /// One-word product cues and verbs of offering, lower case, elided ones too
    /// ("l'offre"): a quoted name after one is a product.
    pub(super) quoted_product_cues: HashSet<String>,
    /// Organisation and company-name cues, lower case, one or more words.
    pub(super) name_cues: CueIndex,
    /// Brand nouns (lexicon `brand_nouns`), also as a compound's tail: the name after
    /// one is a product.
    pub(super) brand_cues: CueIndex,
    /// Anaphor words ("selskapet", "the deal"), lower case: never names.
    pub(super) anaphors: HashSet<String>,
    /// Legal forms and generic company words ("AS", "GmbH", "Group"): a name ending in
    /// one is a company, and they are never a name on their own.
    pub(super) company_tails: HashSet<String>,
    /// Whether the language capitalises every noun (German), so that a capitalised word
    /// after a number is no sign of one name ("3 Millionen").
    pub(super) capitalises_nouns: bool,
    /// The lexicon's own nouns (trigger nouns, relational and transfer nouns, metric
    /// words), lower case: where nouns are capitalised, never a name on their own.
    pub(super) common_nouns: crate::text::CueSet,
    /// The same nouns as a set, less the words that are also a relation's verb
    /// ("køber"): a capitalised genitive before one is a name ("Stofas kunder").
    pub(super) possessed_nouns: HashSet<String>,
    /// Whether the genitive is an "s" glued to the word ("Telias", "Stofas"): the V2
    /// languages that write nouns in lower case.
    pub(super) glued_genitive: bool,
    /// One-word relational nouns of owning, competing and partnering ("morselskap",
    /// "ägare", "konkurrent"), no verb, lower case: a
    /// capitalised genitive before one is a name, also opening a sentence.
    pub(super) relational_nouns: crate::text::CueSet,
    /// Deal verbs (one word) after which a capitalised word is a company, and before
    /// which one is too ("Arcor übernimmt").
    pub(super) deal_verbs: HashSet<String>,
    /// First words of every trigger verb, lower case: a verb of some relation.
    pub(super) relation_verbs: HashSet<String>,
    /// One-word participles of every trigger set ("kjøpt", "opkøbt", "acquired").
    pub(super) participles: HashSet<String>,
    /// One-word verbs of the relations whose subject is a company (and of competing), any
    /// form ("overtage", "kjøpe", "konkurrerer"): after a sentence-initial name and an
    /// auxiliary ("Nuuday vil overtage"), or a relative pronoun after a name.
    pub(super) company_subject_verbs: HashSet<String>,
    /// The grammar's transparent adverbs, lower case ("især", "also"); in V2 languages
    /// also its adverbials of several words ("i dag") and the prepositions a year may
    /// stand after ("i 2019").
    pub(super) adverbs: Adverbials,
    /// One-word verbs of offering ("selger", "tilbyr", "sells"): a company's, after a
    /// relative pronoun ("Allente, som selger tv-pakker,").
    pub(super) offering_verbs: HashSet<String>,
    /// Verbs of working for, leading or joining an employer, the person their subject
    /// ("leads", "led", "works for", "leder"), lower case, none with an auxiliary (the
    /// text's are passed over: "has led" matches "led").
    pub(super) employee_verbs: HashSet<String>,
    /// One-word s-passives of the same sets ("kjøpes", "undersøges", "köps").
    pub(super) synthetic_passives: HashSet<String>,
    /// Auxiliaries and passive auxiliaries (one word), lower case.
    pub(super) auxiliaries: HashSet<String>,
    /// Organisation words and relational nouns that, in an apposition after a word, make
    /// it a name ("Sparkle, filiale de Telecom Italia").
    /// A word describes an organisation when one of its cue suffixes is one of them
    /// (`word_has_cue`).
    pub(super) appositive_cues: crate::text::CueSet,
    /// Lower-case verbs that open a clause after a name: auxiliaries, news verbs and deal
    /// verbs. A small number between a name and one of them ends the name ("Kanal 9
    /// kjøper", "TV 2 har"); a counted noun would follow a quantity instead ("Telia 3
    /// selskaper").
    pub(super) clause_verbs: HashSet<String>,
    /// Function words other than coordinators ("etter", "i", "of"): after a name word
    /// within a sentence, where only names are capitalised, a small number before one of
    /// them ends the name too ("granskar Telecom 7 efter klagomål"); at the start of a
    /// sentence a common noun is capitalised as well and numbers a part ("Fase 2 av").
    /// Coordinators also join counted items ("Nordvik 4 og 5").
    pub(super) function_words: HashSet<String>,
    /// First words of the trigger verbs (active, reciprocal, transfer, s-passive,
    /// separable), auxiliaries and copulas, lower case: a brand that is a common word
    /// right before one stands where a company does ("Orange a lancé", "Free propose").
    pub(super) verb_heads: HashSet<String>,
}

impl NameSets {
    /// Whether a title or an organisation word (also as a compound's tail) ends a name.
    pub(super) fn breaks(&self, word: &str) -> bool {
        let lower = crate::extract::lower_case(word);
        let lower = lower.as_ref();
        // The word is a cue, or ends with one after at least three more bytes (the rule
        // of `word_has_cue`): one set lookup per suffix instead of a scan of every cue.
        self.titles.contains(lower)
            || self.product_cues.contains(lower)
            || self.brand_cues.matches(lower, "")
            || self.org_cues.has_cue(lower)
    }
}

/// Name cues of one or two words, looked up by hashing: a single-word cue matches a word
/// that is it or a compound ending in it ("teleselskapet", "mobiloperatøren"), a two-word
/// cue the last two words before a name, the first also as a compound's tail.
#[derive(Default)]
pub(super) struct CueIndex {
    words: crate::text::CueSet,
    /// Two-word cues by their last word: the first words.
    pairs: HashMap<String, Vec<String>>,
}

impl From<Vec<String>> for CueIndex {
    fn from(cues: Vec<String>) -> CueIndex {
        let mut index = CueIndex::default();
        let mut words = Vec::new();
        for cue in cues {
            match cue.split_once(' ') {
                None => words.push(cue),
                Some((first, last)) if !last.contains(' ') => index
                    .pairs
                    .entry(last.to_string())
                    .or_default()
                    .push(first.to_string()),
                // Longer cues never match the two words looked at.
                Some(_) => {}
            }
        }
        index.words = words.into_iter().collect();
        index
    }
}

impl CueIndex {
    /// Whether `word` (the word before a name, lower case) or `two_words` (the last two,
    /// space-joined) is a cue, as `word_has_cue` reads a cue.
    pub(super) fn matches(&self, word: &str, two_words: &str) -> bool {
        if self.words.has_cue(word) {
            return true;
        }
        let Some((first, last)) = two_words.rsplit_once(' ') else {
            return false;
        };
        self.pairs.get(last).is_some_and(|firsts| {
            firsts
                .iter()
                .any(|f| first == f || (first.ends_with(f.as_str()) && first.len() > f.len()))
        })
    }
}

/// "verb preposition" cues, lower case: every one-word `first` with every one-word
/// `second` ("fusjonert med", "opkøbt af").
fn word_pairs<'a>(firsts: impl Iterator<Item = &'a String>, seconds: &'a [String]) -> Vec<String> {
    firsts
        .filter(|f| !f.contains(' '))
        .flat_map(|f| {
            seconds
                .iter()
                .filter(|s| !s.contains(' '))
                .map(move |s| format!("{f} {s}").to_lowercase())
        })
        .collect()
}

pub(super) fn name_sets(lexicon: &Lexicon) -> &'static NameSets {
    static ALL: OnceLock<HashMap<String, NameSets>> = OnceLock::new();
    let all = ALL.get_or_init(|| {
        let k = Knowledge::global();
        let set = |words: &[String]| words.iter().cloned().collect::<HashSet<String>>();
        k.lexicons
            .iter()
            .map(|lex| {
                let verbs = trigger_verbs(lex);
                let sets = NameSets {
                    renames: super::renames::RenameGrammar::new(lex),
                    definite_endings: lex
                        .grammar
                        .definite_singular_endings
                        .iter()
                        .chain(&lex.grammar.definite_plural_endings)
                        .cloned()
                        .collect(),
                    coordinators: lex.coordinators.iter().map(|c| c.to_lowercase()).collect(),
                    // Function words of every kind: a capitalised one starts a sentence.
                    stop: lex
                        .stopwords
                        .iter()
                        .chain(&lex.subject_pronouns)
                        .chain(&lex.coordinators)
                        .chain(&lex.grammar.subordinators)
                        .chain(&lex.grammar.relative)
                        .chain(lex.negations.iter().filter(|w| !w.contains(' ')))
                        .chain(lex.hypotheticals.iter().filter(|w| !w.contains(' ')))
                        .map(|s| s.to_lowercase())
                        .collect(),
                    not_names: set(&k.common.not_names),
                    given: set(&k.common.given_names),
                    tech: set(&k.common.tech_acronyms),
                    titles: lex
                        .titles
                        .iter()
                        .filter_map(|t| t.split_whitespace().next())
                        .map(|t| t.to_lowercase())
                        .collect(),
                    full_titles: lex.titles.iter().cloned().collect(),
                    regulator_suffixes: lex
                        .regulator_suffixes
                        .iter()
                        .map(|s| s.to_lowercase())
                        .collect(),
                    public_body_suffixes: lex
                        .public_body_suffixes
                        .iter()
                        .map(|s| s.to_lowercase())
                        .collect(),
                    genitive_articles: lex.grammar.genitive_articles.iter().cloned().collect(),
                    municipality_words: lex
                        .city_words
                        .iter()
                        .filter(|w| w.chars().count() >= 4 && !w.contains(' '))
                        .map(|w| w.to_lowercase())
                        .collect(),
                    org_cues: lex
                        .org_cues
                        .iter()
                        .filter(|c| !c.contains(' ') && c.chars().count() >= 5)
                        .map(|c| c.to_lowercase())
                        .collect(),
                    product_cues: lex
                        .product_cues
                        .iter()
                        .filter(|c| !c.contains(' ') && !c.contains('\''))
                        .map(|c| c.to_lowercase())
                        .collect(),
                    // A quoted name after a product noun or after a verb of offering
                    // ("lanserer «Fri Surf»", "launches "Max"") names what is offered.
                    quoted_product_cues: lex
                        .product_cues
                        .iter()
                        .chain(
                            lex.trigger
                                .iter()
                                .filter(|t| t.relation == "offers" && !t.inverse)
                                .flat_map(|t| &t.verbs),
                        )
                        .collect::<OneWords>()
                        .0,
                    // Organisation words, deal cues, and a one-word metric noun with an
                    // owner preposition ("Omsetningen i Phonero", "customers of Acme"; not
                    // a place preposition after customers or staff: "kunder i Vestfold").
                    brand_cues: CueIndex::from(
                        lex.brand_nouns
                            .iter()
                            .map(|c| c.to_lowercase())
                            .collect::<Vec<_>>(),
                    ),
                    name_cues: lex
                        .org_cues
                        .iter()
                        .chain(&lex.company_name_cues)
                        // Where only names are capitalised, every verb whose object is a
                        // company ("kjøpte Get", "konkurrerar med Tre", "gransker Ice").
                        .chain(
                            lex.trigger
                                .iter()
                                .filter(|t| {
                                    // Also the inverse sets: the owner after "appartient
                                    // à" is a company too; not an investigator.
                                    // Not a verb whose object follows its preposition
                                    // after an amount ("byr 21 milliarder for Get"): the
                                    // name is not right after it, and as a compound's
                                    // tail it would cue after "tilbyr", "erbjuder".
                                    !lex.capitalises_nouns
                                        && !t.prep_object
                                        && (!t.inverse || t.relation != "investigates")
                                        && matches!(
                                            t.relation.as_str(),
                                            "acquires"
                                                | "owns"
                                                | "partnerOf"
                                                | "competitorOf"
                                                | "investigates"
                                        )
                                })
                                .flat_map(|t| t.verbs.iter().chain(&t.reciprocal))
                                .filter(|v| v.split_whitespace().count() <= 2),
                        )
                        .map(|c| c.to_lowercase())
                        // The partner after a reciprocal verb or participle and its
                        // comitative ("fusjonert med Datavarehuset", "merged with Acme").
                        .chain(word_pairs(
                            lex.partner_verbs.iter().filter(|_| !lex.capitalises_nouns),
                            &lex.grammar.with,
                        ))
                        // The owner or rival after a relational noun and its preposition
                        // ("datterselskab af Nuuday", "subsidiary of Acme", "konkurrent til").
                        .chain(
                            lex.trigger
                                .iter()
                                .filter(|t| {
                                    !lex.capitalises_nouns
                                        && !t.inverse
                                        && matches!(t.relation.as_str(), "owns" | "competitorOf")
                                })
                                .flat_map(|t| {
                                    word_pairs(
                                        t.relational.iter().filter(|n| !n.contains(' ')),
                                        &t.preps,
                                    )
                                }),
                        )
                        // The company after an action noun of buying and a preposition of
                        // its object ("oppkjøpet av Get", "acquisition of Acme"): nouns of
                        // seven letters or more, as a short one is the tail of other
                        // compounds too ("innkjøpet", "tilbudet"); not a place preposition
                        // ("oppkjøp i Oslo"). Not of investigating, whose "av" also names
                        // the investigator ("en undersøkelse av Forbrukerrådet"). Only in
                        // the Nordic languages (a definite suffix): English and French keep
                        // their cue lists, as "the purchase of Bitcoin" shows the nouns
                        // take things as often as companies there.
                        .chain(
                            lex.trigger
                                .iter()
                                .filter(|t| {
                                    !lex.capitalises_nouns
                                        && !lex.grammar.definite_singular_endings.is_empty()
                                        && !t.inverse
                                        && t.relation == "acquires"
                                })
                                .flat_map(|t| {
                                    let preps: Vec<String> = t
                                        .preps
                                        .iter()
                                        .filter(|p| !lex.grammar.place_prepositions.contains(p))
                                        .cloned()
                                        .collect();
                                    word_pairs(
                                        t.nouns.iter().filter(|n| n.chars().count() >= 7),
                                        &preps,
                                    )
                                }),
                        )
                        // The agent of a relation's participle or s-passive ("opkøbt af
                        // Norlys", "udfordres af Norlys").
                        .chain(word_pairs(
                            lex.trigger
                                .iter()
                                .filter(|_| !lex.capitalises_nouns)
                                .flat_map(|t| t.passives.iter().chain(&t.passives_synthetic)),
                            &lex.grammar.agent,
                        ))
                        .chain(metric_owner_cues(
                            &lex.metrics.revenue,
                            &lex.owner_prepositions,
                            &[],
                        ))
                        // A part of a company ("aktier i Glocalnet", "shares in X").
                        .chain(metric_owner_cues(
                            lex.grammar
                                .stake_words
                                .iter()
                                .filter(|_| !lex.capitalises_nouns),
                            &lex.grammar.partitive_prepositions,
                            &[],
                        ))
                        .chain(metric_owner_cues(
                            lex.metrics.customers.iter().chain(&lex.metrics.employees),
                            &lex.owner_prepositions,
                            &lex.grammar.place_prepositions,
                        ))
                        .collect::<Vec<String>>()
                        .into(),
                    anaphors: lex
                        .company_anaphors
                        .iter()
                        .chain(&lex.regulator_anaphors)
                        .chain(&lex.deal_anaphors)
                        .map(|a| a.to_lowercase())
                        .collect(),
                    company_tails: k
                        .common
                        .legal_forms
                        .iter()
                        .chain(&k.common.generic_company_words)
                        .cloned()
                        .collect(),
                    capitalises_nouns: lex.capitalises_nouns,
                    // The cues of the lexicon, and in SVO languages where only names are
                    // capitalised every one-word verb of buying and owning ("Freenet owns",
                    // "Free possède"). Not in V2 languages: there a capitalised word before
                    // the verb is as often a fronted adverb ("Gisteren kocht Vodafone ...").
                    deal_verbs: lex
                        .company_name_cues
                        .iter()
                        .filter(|c| !c.contains(' '))
                        .map(|c| c.to_lowercase())
                        .chain(
                            lex.trigger
                                .iter()
                                .filter(|t| {
                                    !lex.capitalises_nouns
                                        && !lex.grammar.has("v2")
                                        && matches!(t.relation.as_str(), "acquires" | "owns")
                                        && !t.bare_object
                                })
                                .flat_map(|t| {
                                    t.verbs
                                        .iter()
                                        .chain(&t.passives_synthetic)
                                        .map(move |v| (v, t.inverse))
                                })
                                .map(|(c, inverse)| (c.to_lowercase(), inverse))
                                // A verb with its prepositions by its first word, of an
                                // inverse set only ("appartient à"; "took over" is also
                                // "took over as chief executive"), not an auxiliary ("is
                                // owned by").
                                .filter_map(|(c, inverse)| {
                                    if c.contains(' ') && !inverse {
                                        return None;
                                    }
                                    let mut words = c.split_whitespace();
                                    let first = words.next()?.to_string();
                                    let particles = words
                                        .all(|w| lex.grammar.prepositions.iter().any(|p| p == w));
                                    let auxiliary = lex
                                        .grammar
                                        .auxiliaries
                                        .iter()
                                        .chain(&lex.grammar.passive_auxiliaries)
                                        .chain(&lex.grammar.copulas)
                                        .any(|a| a.eq_ignore_ascii_case(&first));
                                    (particles && !auxiliary).then_some(first)
                                })
                                .collect::<Vec<_>>(),
                        )
                        .collect(),
                    relation_verbs: lex
                        .trigger
                        .iter()
                        .filter(|t| !t.inverse)
                        .flat_map(|t| t.verbs.iter().chain(&t.reciprocal))
                        .filter_map(|v| v.split_whitespace().next())
                        .filter(|v| v.chars().count() >= 3)
                        .map(str::to_lowercase)
                        .collect(),
                    // Of the relations whose passive subject is a company.
                    participles: company_subject_sets(lex)
                        .flat_map(|t| &t.passives)
                        .collect::<OneWords>()
                        .0,
                    company_subject_verbs: company_subject_sets(lex)
                        .chain(
                            lex.trigger
                                .iter()
                                .filter(|t| !t.inverse && t.relation == "competitorOf"),
                        )
                        .flat_map(|t| t.verbs.iter().chain(&t.reciprocal))
                        .collect::<OneWords>()
                        .0,
                    adverbs: Adverbials::new(lex),
                    offering_verbs: lex
                        .trigger
                        .iter()
                        .filter(|t| !t.inverse && t.relation == "offers")
                        .flat_map(|t| &t.verbs)
                        .collect::<OneWords>()
                        .0,
                    synthetic_passives: company_subject_sets(lex)
                        .flat_map(|t| &t.passives_synthetic)
                        .collect::<OneWords>()
                        .0,
                    auxiliaries: lex
                        .grammar
                        .auxiliaries
                        .iter()
                        .chain(&lex.grammar.passive_auxiliaries)
                        .collect::<OneWords>()
                        .0,
                    appositive_cues: lex
                        .org_cues
                        .iter()
                        .chain(lex.trigger.iter().flat_map(|t| &t.relational))
                        .filter(|w| !w.contains(' ') && w.chars().count() >= 4)
                        .map(|w| w.to_lowercase())
                        .collect(),
                    common_nouns: common_nouns(lex).collect(),
                    possessed_nouns: common_nouns(lex).filter(|n| !verbs.contains(n)).collect(),
                    employee_verbs: lex
                        .trigger
                        .iter()
                        .filter(|t| t.relation == "worksFor" && !t.inverse)
                        .flat_map(|t| &t.verbs)
                        .map(|v| v.to_lowercase())
                        // A role after "as" is no employer; a phrase with an auxiliary
                        // never matches the text, whose auxiliaries are passed over.
                        .filter(|v| {
                            let words: Vec<&str> = v.split(' ').collect();
                            words.len() <= 3
                                && words.last() != Some(&"as")
                                && !words.iter().any(|w| {
                                    lex.grammar.auxiliaries.iter().any(|a| a == w)
                                        || lex.grammar.passive_auxiliaries.iter().any(|a| a == w)
                                })
                        })
                        .collect(),
                    glued_genitive: lex.grammar.has("v2") && !lex.capitalises_nouns,
                    relational_nouns: lex
                        .trigger
                        .iter()
                        .filter(|t| {
                            matches!(t.relation.as_str(), "owns" | "competitorOf" | "partnerOf")
                        })
                        .flat_map(|t| &t.relational)
                        .filter(|w| !w.contains(' '))
                        .map(|w| w.to_lowercase())
                        .filter(|n| !verbs.contains(n))
                        .collect(),
                    function_words: lex
                        .stopwords
                        .iter()
                        .filter(|w| !lex.coordinators.contains(w))
                        .map(|w| w.to_lowercase())
                        .collect(),
                    clause_verbs: lex
                        .clause_verbs
                        .iter()
                        .chain(lex.company_name_cues.iter().filter(|c| !c.contains(' ')))
                        .map(|w| w.to_lowercase())
                        .collect(),
                    verb_heads: lex
                        .trigger
                        .iter()
                        .flat_map(|t| {
                            t.verbs
                                .iter()
                                .chain(&t.reciprocal)
                                .chain(&t.transfers)
                                .chain(&t.passives_synthetic)
                                .chain(&t.separable)
                        })
                        .chain(&lex.grammar.auxiliaries)
                        .chain(&lex.grammar.copulas)
                        .filter_map(|w| w.split_whitespace().next())
                        .map(str::to_lowercase)
                        .collect(),
                };
                (lex.code.clone(), sets)
            })
            .collect()
    });
    &all[&lexicon.code]
}

/// "{metric noun} {owner preposition}" for every one-word noun and preposition, except
/// the prepositions in `except`, lower case.
fn metric_owner_cues<'a>(
    nouns: impl IntoIterator<Item = &'a String>,
    prepositions: &[String],
    except: &[String],
) -> Vec<String> {
    let mut out = Vec::new();
    for m in nouns.into_iter().filter(|m| !m.contains(' ')) {
        for p in prepositions.iter().filter(|p| !except.contains(p)) {
            out.push(format!("{m} {p}").to_lowercase());
        }
    }
    out
}

/// Whether the coordinator at `toks[j]` is followed by one or two capitalised words and a
/// legal form, with plain spaces between.
fn coordinated_name_part(toks: &[Token], j: usize, common: &crate::knowledge::Common) -> bool {
    let legal = |t: &Token| common.legal_forms.iter().any(|f| f == t.text);
    let word = |k: usize| {
        toks.get(k)
            .filter(|t| t.is_word() && t.is_capitalised())
            .filter(|t| toks.get(k - 1).is_some_and(|p| p.end + 1 == t.start))
    };
    match (word(j + 1), word(j + 2), word(j + 3)) {
        (Some(a), Some(b), _) if !legal(a) && legal(b) => true,
        (Some(a), Some(b), Some(c)) => !legal(a) && !legal(b) && legal(c),
        _ => false,
    }
}

pub(super) fn capitalised_spans(
    toks: &[Token],
    sentence: usize,
    breakers: &NameSets,
    common: &crate::knowledge::Common,
    covered: &Coverage,
    text: &str,
) -> Vec<Span> {
    let (stop, given) = (&breakers.stop, &breakers.given);
    let mut spans = Vec::new();
    let first_word = toks.iter().position(|t| t.is_word());
    let mut i = 0;
    while i < toks.len() {
        let t = toks[i];
        let free = !covered.overlaps(t.start, t.end);
        if !(t.is_word() && t.is_capitalised() && free) || breakers.breaks(t.text) {
            i += 1;
            continue;
        }
        let start_index = i;
        let mut last = i;
        let mut words: usize = 1;
        let mut j = i + 1;
        while j < toks.len() {
            let n = toks[j];
            if covered.overlaps(n.start, n.end) {
                break;
            }
            // Only a plain space (not a line break) may join words of one name.
            if text[toks[j - 1].end..n.start].contains('\n') {
                break;
            }
            let glued = n.start == toks[j - 1].end;
            // A title or an organisation word (also as the tail of "US-Mobilfunkbetreiber")
            // ends the name; the cue then types the name after it.
            let word_ahead = if glued && matches!(n.text, "-" | "/") {
                toks.get(j + 1).map(|t| t.text)
            } else {
                Some(n.text)
            };
            if word_ahead.is_some_and(|w| breakers.breaks(w)) {
                break;
            }
            // An acronym glued to a lower-case word is one compound too ("EU-kommissionen").
            let acronym_before = toks[j - 1].text.chars().count() >= 2
                && toks[j - 1]
                    .text
                    .chars()
                    .all(|c| c.is_uppercase() || c.is_ascii_digit());
            if glued
                && (n.text == "-" || n.text == "/")
                && toks.get(j + 1).is_some_and(|x| {
                    x.start == n.end && x.is_word() && (x.is_capitalised() || acronym_before)
                })
            {
                // "Jean-Marc", "T-Mobile": one word.
                last = j + 1;
                j += 2;
            } else if breakers.titles.contains(&n.text.to_lowercase())
                || (given.contains(n.text) && !given.contains(toks[j - 1].text))
            {
                // A title or a new person's given name starts something else.
                break;
            } else if n.text.starts_with(|c: char| c.is_ascii_digit())
                && common.tech_acronyms.iter().any(|a| a == n.text)
                && !toks
                    .get(j + 1)
                    .is_some_and(|x| breakers.company_tails.contains(x.text))
            {
                // "YouSee 5G": a mobile generation after a name is no part of it, unless
                // a legal form follows ("Nordkraft 3G AS"); "Allente TV", "Atea IT" keep
                // their last word.
                break;
            } else if n.is_word()
                && (n.is_capitalised()
                    || (n.text.chars().next().is_some_and(|c| c.is_ascii_digit())
                        && n.text.chars().any(|c| c.is_alphabetic())))
            {
                last = j;
                words += 1;
                j += 1;
            } else if number_inside_name(toks, j, breakers, text, Some(start_index) != first_word) {
                // "Kanal 5 Group", "Datanet 36 AS": the number belongs to the name, and
                // counts as one of its words ("Kanal 9" is a name of two words).
                last = j;
                words += 1;
                j += 1;
            } else if words >= 2
                && breakers.coordinators.contains(n.text)
                && !common.legal_forms.iter().any(|f| f == toks[j - 1].text)
                && coordinated_name_part(toks, j, common)
            {
                // "Halmstads Energi och Miljö AB", "Bornholms Energi og Forsyning A/S": a
                // coordinator inside a name of two words or more that a legal form closes
                // after one or two capitalised words ("Nordkraft og Tussa AS" are two, so
                // are "1&1 Drillisch AG and E.ON SE": a legal form already closed one).
                j += 1;
            } else if (common.name_connectors.iter().any(|c| c == n.text) || n.text == "&")
                && toks.get(j + 1).is_some_and(|x| {
                    x.is_word() && x.is_capitalised() && !covered.overlaps(x.start, x.end)
                })
                && !owners_genitive(toks, j, breakers, common)
            {
                j += 1;
            } else {
                break;
            }
        }
        // Drop leading function words ("I Sverige", "Den").
        let mut s = start_index;
        while s <= last
            && stop.contains(&toks[s].text.to_lowercase())
            && toks.get(s + 1).is_none_or(|n| n.text != "-")
        {
            s += 1;
            words = words.saturating_sub(1);
        }
        // "Umsatz von Congstar", "Kunden der Telco AG": where nouns are capitalised, a
        // noun the lexicon knows and the connector after it are no part of the name; so
        // elsewhere where the noun opens the sentence in a definite form ("Opkøbet af
        // Fjordnet blev ..."; not "Bank of America", "Réseau de Transport").
        while (breakers.capitalises_nouns
            || (Some(s) == first_word
                && breakers
                    .definite_endings
                    .iter()
                    .any(|e| toks[s].text.to_lowercase().ends_with(e.as_str()))))
            && s + 1 < last
            && common.name_connectors.iter().any(|c| c == toks[s + 1].text)
            && breakers.common_nouns.has_cue(&toks[s].text.to_lowercase())
        {
            s += 2;
            words = words.saturating_sub(1);
        }
        // Where nouns are capitalised, an authority's descriptor before a name is no part
        // of it ("die österreichische Regulierungsbehörde RTR": the name is RTR).
        if breakers.capitalises_nouns
            && s < last
            && toks[s + 1].is_capitalised()
            && ends_with_any(toks[s].text, &breakers.regulator_suffixes)
        {
            s += 1;
            words = words.saturating_sub(1);
        }
        // Where nouns are capitalised, the noun closing an adverbial of time before the
        // name is no part of it ("übernahm im vergangenen Jahr Ventelo").
        if breakers.capitalises_nouns
            && s < last
            && breakers
                .adverbs
                .phrase_before(toks, s, &crate::extract::lower_case(toks[s].text))
                .is_some_and(|len| len > 1)
        {
            s += 1;
            words = words.saturating_sub(1);
        }
        // A municipality's word written in lower case after the name is part of it ("Voss
        // kommune", "Lunds kommun", "Stockholms stad"): a public body, not a company "Voss".
        if s <= last
            && toks.get(last + 1).is_some_and(|n| {
                n.is_word()
                    && !n.is_capitalised()
                    && &text[toks[last].end..n.start] == " "
                    && breakers.municipality_words.contains(&n.text.to_lowercase())
            })
        {
            last += 1;
            words += 1;
        }
        if s <= last && words >= 1 {
            spans.push(Span {
                sentence,
                start: toks[s].start,
                end: toks[last].end,
                words: words.min(last - s + 1),
                sentence_initial: Some(s) == first_word,
            });
        }
        i = j.max(i + 1);
    }
    spans
}

/// Whether the connector `toks[j]` opens an owner's genitive instead of joining a name:
/// where nouns are capitalised, a genitive article after a name ("die Marke Congstar der
/// Telekom"), unless another connector comes first ("von der") or a legal form closes the
/// name after it ("Haus der Technik GmbH").
fn owners_genitive(
    toks: &[Token],
    j: usize,
    sets: &NameSets,
    common: &crate::knowledge::Common,
) -> bool {
    sets.capitalises_nouns
        && sets.genitive_articles.contains(toks[j].text)
        && j > 0
        && !common.name_connectors.iter().any(|c| c == toks[j - 1].text)
        && !toks
            .get(j + 2)
            .is_some_and(|t| sets.company_tails.contains(t.text))
}

/// Whether the bare number `toks[j]` (one to three digits, after a name word) joins the
/// name: the next word is a legal form or company word ("Datanet 36 AS"), or, where only
/// names are capitalised, any capitalised word ("TV 2 Danmark"), a verb that opens a
/// clause ("Kanal 9 kjøper"), or, within a sentence, a function word ("granskar Telecom 7
/// efter"). A number before another lower-case word is a quantity ("Telia 3 selskaper"),
/// and one after the first word of a sentence numbers a part ("Fase 2 av").
pub(super) fn number_inside_name(
    toks: &[Token],
    j: usize,
    sets: &NameSets,
    text: &str,
    mid_sentence: bool,
) -> bool {
    let n = toks[j];
    let spaced = |a: &Token, b: &Token| &text[a.end..b.start] == " ";
    if !(1..=3).contains(&n.text.len())
        || !n.text.bytes().all(|b| b.is_ascii_digit())
        || j == 0
        || !spaced(&toks[j - 1], &n)
    {
        return false;
    }
    toks.get(j + 1).is_some_and(|next| {
        spaced(&n, next)
            && next.is_word()
            && if next.is_capitalised() {
                sets.company_tails.contains(next.text)
                    || (!sets.capitalises_nouns && !sets.breaks(next.text))
            } else {
                sets.clause_verbs.contains(next.text)
                    || (mid_sentence
                        && !sets.capitalises_nouns
                        && sets.function_words.contains(next.text))
            }
    })
}

/// The last `n` words before byte `pos`, in order; none where a comma stands right before
/// ("sier X, Y" gives "Y" no cue).
pub(super) fn words_before<'a>(toks: &'a [Token], pos: usize, n: usize) -> Vec<&'a str> {
    words_before_skipping(toks, pos, n, &Adverbials::default())
}

/// [`words_before`] passing over the adverbials of `skip` (its words, and its phrases
/// ending at a token) and, when `skip` is not empty (the cue search), years with the
/// preposition of time before them where `skip` has one ("köptes 2023 av Norlys" has the
/// cue "köptes av", "kjøpte i 2019 X" the cue "kjøpte"); [`words_before`] itself passes
/// over nothing.
fn words_before_skipping<'a>(
    toks: &'a [Token],
    pos: usize,
    n: usize,
    skip: &Adverbials,
) -> Vec<&'a str> {
    // From the position backwards: a span asks for its two words, not the sentence's.
    let before = &toks[..toks.partition_point(|t| t.end <= pos)];
    let mut out: Vec<&str> = Vec::new();
    let mut i = before.len();
    while i > 0 && out.len() < n.max(1) {
        i -= 1;
        let t = &before[i];
        if !(t.is_word() || t.text == ",") {
            continue;
        }
        if !skip.is_empty() {
            let lower = crate::extract::lower_case(t.text);
            if skip.words.contains(lower.as_ref()) {
                continue;
            }
            // A year, with the preposition of time before it ("i 2019", "in 2019").
            if is_year(t.text) {
                if i > 0
                    && skip
                        .year_prepositions
                        .contains(crate::extract::lower_case(before[i - 1].text).as_ref())
                {
                    i -= 1;
                }
                continue;
            }
            // An adverbial of several words ending here ("i fjor", "at present").
            if let Some(len) = skip.phrase_before(before, i, lower.as_ref()) {
                i -= len - 1;
                continue;
            }
        }
        out.push(t.text);
    }
    if out.first() == Some(&",") {
        return Vec::new();
    }
    out.truncate(n);
    out.reverse();
    out
}

use crate::text::is_year;

pub(super) fn legal_form_after(
    text: &str,
    end: usize,
    limit: usize,
    forms: &[String],
) -> Option<usize> {
    let rest = &text[end..limit];
    let after = rest.strip_prefix(' ')?;
    forms
        .iter()
        .filter(|f| after.starts_with(f.as_str()))
        .filter(|f| {
            after[f.len()..]
                .chars()
                .next()
                .is_none_or(|c| !c.is_alphanumeric())
        })
        .map(|f| end + 1 + f.len())
        .max()
}

/// Whether the six words after a sentence-initial name's auxiliary hold, before any
/// punctuation, a passive participle of a relation followed by the agent preposition, maybe
/// after a particle ("blev i 2013 købt af", "ble i fjor kjøpt opp av"): the name is the
/// passive's subject.
fn passive_with_agent(after_span: &str, sets: &NameSets, lexicon: &Lexicon) -> bool {
    let mut words: Vec<String> = Vec::new();
    for w in after_span.split_whitespace().skip(1).take(6) {
        words.push(
            w.trim_matches(|c: char| !c.is_alphanumeric())
                .to_lowercase(),
        );
        // A comma or a full stop ends the clause ("Hansen var direktør, da Stofa blev købt af").
        if w.ends_with(|c: char| c.is_ascii_punctuation()) {
            break;
        }
    }
    // The agent right after the participle or after its particle ("købt op af").
    words.iter().enumerate().any(|(i, w)| {
        sets.participles.contains(w)
            && words[i + 1..]
                .iter()
                .take(2)
                .any(|a| lexicon.grammar.agent.contains(a))
    })
}

/// Adverbials that leave a sentence's relations as they are, for reading past them
/// between a cue and a name: words, phrases (by their last word, the words before it
/// last first) and the prepositions a year may stand after.
#[derive(Default)]
pub(super) struct Adverbials {
    words: HashSet<String>,
    phrases: HashMap<String, Vec<Vec<String>>>,
    year_prepositions: HashSet<String>,
}

impl Adverbials {
    /// Adverbials of several words and a year's preposition only where the verb stands
    /// second (V2): in English or French an opening clause without its comma would lend
    /// its verb to the next clause's subject ("Since the unit was sold in 2019 Hansen
    /// has ...").
    fn new(lex: &Lexicon) -> Adverbials {
        let v2 = lex.grammar.features.iter().any(|f| f == "v2");
        let mut a = Adverbials {
            year_prepositions: if v2 {
                lex.grammar
                    .place_prepositions
                    .iter()
                    .map(|w| w.to_lowercase())
                    .collect()
            } else {
                HashSet::new()
            },
            ..Default::default()
        };
        for adverb in &lex.grammar.transparent_adverbs {
            let words: Vec<String> = adverb.split_whitespace().map(str::to_lowercase).collect();
            match words.split_last() {
                Some((last, [])) => {
                    a.words.insert(last.clone());
                }
                Some(_) if !v2 => {}
                Some((last, rest)) => a
                    .phrases
                    .entry(last.clone())
                    .or_default()
                    .push(rest.iter().rev().cloned().collect()),
                None => {}
            }
        }
        a
    }

    fn is_empty(&self) -> bool {
        self.words.is_empty() && self.phrases.is_empty()
    }

    /// Tokens of the phrase whose last word `last` is `toks[i]`, if one ends there.
    fn phrase_before(&self, toks: &[Token], i: usize, last: &str) -> Option<usize> {
        self.phrases.get(last)?.iter().find_map(|rest| {
            let mut k = i;
            for w in rest {
                k = toks[..k].iter().rposition(|t| t.is_word())?;
                if crate::extract::lower_case(toks[k].text) != w.as_str() {
                    return None;
                }
            }
            Some(i - k + 1)
        })
    }
}

/// The one-word entries of a word list, lower case: what a single token is compared with.
struct OneWords(HashSet<String>);

impl<'a> FromIterator<&'a String> for OneWords {
    fn from_iter<I: IntoIterator<Item = &'a String>>(words: I) -> Self {
        OneWords(
            words
                .into_iter()
                .filter(|w| !w.contains(' '))
                .map(|w| w.to_lowercase())
                .collect(),
        )
    }
}

/// The trigger sets of the relations whose subject (or passive agent) is a company:
/// acquiring, owning, investigating (its object) and partnership.
fn company_subject_sets(lex: &Lexicon) -> impl Iterator<Item = &crate::knowledge::TriggerSet> {
    lex.trigger.iter().filter(|t| {
        !t.inverse
            && matches!(
                t.relation.as_str(),
                "acquires" | "owns" | "investigates" | "partnerOf"
            )
    })
}

/// Whether the second word of `after` (the first is a verb) opens a percentage: a number
/// and one of the language's percent words ("eig 51 prosent", "äger 51,5 %", "ejer 51%").
fn percentage_opens(after: &str, lexicon: &Lexicon) -> bool {
    let words: Vec<&str> = after.split_whitespace().skip(1).take(3).collect();
    let Some(number) = words.first() else {
        return false;
    };
    let digits = number.trim_end_matches(['%', ',', '.']);
    if digits.is_empty()
        || !digits
            .chars()
            .all(|c| c.is_ascii_digit() || c == ',' || c == '.')
    {
        return false;
    }
    // The words after the number, lower case, without the punctuation that may close them
    // ("51 prosent.").
    let rest: Vec<String> = words[1..]
        .iter()
        .map(|w| {
            w.trim_end_matches(|c: char| !c.is_alphanumeric() && c != '%')
                .to_lowercase()
        })
        .collect();
    number.ends_with('%')
        || lexicon.grammar.percent_words.iter().any(|p| {
            let n = p.split(' ').count();
            rest.len() >= n && rest[..n].join(" ") == *p
        })
}

/// Whether `word`, in any case, is a title or a compound ending in one ("konsernsjef").
pub(super) fn is_title(word: &str, lexicon: &Lexicon) -> bool {
    let word = crate::extract::lower_case(word);
    let titles = &name_sets(lexicon).full_titles;
    !word.is_empty() && titles.has_cue(&word)
}

/// Whether a title and one of the role constructions' employer prepositions (grammar
/// `employer`) stand right before the name at `start`: "chief executive of Sonab", "a
/// spokeswoman for Sonab", "directeur général de Sonab". Those prepositions are wider
/// than the lexicon's `employer_prepositions` ("of" also heads public offices and units),
/// so not after a minister's title or where title, preposition and the name's first word
/// are one ("Secretary of State", "Minister of Finance"), nor after a title that heads a
/// unit (lexicon `unit_titles`: "head of Strategy").
fn title_of_employer(
    toks: &[Token],
    start: usize,
    prev: &str,
    first_word: &str,
    lexicon: &Lexicon,
) -> bool {
    let employer = if lexicon.grammar.employer.is_empty() {
        &lexicon.employer_prepositions
    } else {
        &lexicon.grammar.employer
    };
    // One word of preposition: after "of the", "de la" stand offices and boards ("of
    // the Republic", "Chairman of the Board").
    if !employer.iter().any(|e| e == prev) {
        return false;
    }
    let words: Vec<String> = words_before(toks, start, 4)
        .into_iter()
        .map(|w| crate::extract::lower_case(w).into_owned())
        .collect();
    let Some((_, before_prep)) = words.split_last() else {
        return false;
    };
    // The longest title ending right before the preposition ("chief executive officer",
    // "directeur général"), else its last word as a title or compound.
    let full_titles = &name_sets(lexicon).full_titles;
    let title = (1..=before_prep.len().min(3))
        .rev()
        .map(|n| before_prep[before_prep.len() - n..].join(" "))
        .find(|phrase| full_titles.contains(phrase.as_str()))
        .or_else(|| before_prep.last().filter(|w| is_title(w, lexicon)).cloned());
    let Some(title) = title else {
        return false;
    };
    let last = before_prep.last().map(String::as_str).unwrap_or_default();
    let minister = lexicon.minister_titles.iter().any(|m| {
        crate::text::cue_suffixes(last).any(|c| c == m)
            || format!("{title} {prev} {}", crate::extract::lower_case(first_word))
                .starts_with(m.as_str())
    });
    !lexicon.unit_titles.contains(&title) && !minister
}

/// "dagleg leiar i Enivest, NAME": a title a few words before the comma that precedes
/// the name.
pub(super) fn title_before_comma(
    text: &str,
    sentence_start: usize,
    start: usize,
    lexicon: &Lexicon,
) -> bool {
    let Some(before) = text[sentence_start..start].trim_end().strip_suffix(',') else {
        return false;
    };
    before
        .split(|c: char| c.is_whitespace() || c == ',')
        .filter(|w| !w.is_empty())
        .rev()
        .take(4)
        .any(|w| is_title(w, lexicon))
}

/// "NAME, pressechef" or "NAME, press- och kommunikationschef". Not a title after a verb
/// of saying: "... Comvik Nord, opplyste Telenor-sjef Arne Vik" ends a reported clause, the
/// title is the speaker's.
pub(super) fn title_after(text: &str, end: usize, limit: usize, lexicon: &Lexicon) -> bool {
    let rest = &text[end..limit];
    let Some(after) = rest.strip_prefix(", ") else {
        return false;
    };
    after
        .split(|c: char| c.is_whitespace() || c == ',')
        .take(4)
        .take_while(|w| !lexicon.speech_verbs.contains(&w.to_lowercase()))
        .any(|w| is_title(w, lexicon))
}

/// Whether a role title is the predicate of the name before `end`, with its employer:
/// a copula, maybe an article and one modifier, a title as the lexicon writes it (not a
/// compound: "markedsleder" is no role), a preposition and a capitalised word ("Sigve
/// Brekke er konsernsjef i Telenor", "Anna Berg is chief executive of Telia"). Only
/// people hold roles at an employer.
pub(super) fn title_predicate(text: &str, end: usize, limit: usize, lexicon: &Lexicon) -> bool {
    let words: Vec<&str> = text[end..limit]
        .split_whitespace()
        .take(7)
        .map(|w| w.trim_end_matches([',', '.', ';', ':']))
        .collect();
    let lower: Vec<String> = words.iter().map(|w| w.to_lowercase()).collect();
    let g = &lexicon.grammar;
    if !lower.first().is_some_and(|w| g.copulas.contains(w)) {
        return false;
    }
    let titles = &name_sets(lexicon).full_titles;
    let mut k = 1;
    if lower
        .get(k)
        .is_some_and(|w| lexicon.articles.contains(w) || g.indefinite_articles.contains(w))
    {
        k += 1;
    }
    // The title, of one or two words, right there or after one modifier ("ny konsernsjef").
    let title_len = |at: usize| {
        let two = lower.get(at..at + 2).map(|p| p.join(" "));
        if two.as_deref().is_some_and(|t| titles.contains(t)) {
            Some(2)
        } else {
            lower
                .get(at)
                .filter(|w| titles.contains(w.as_str()))
                .map(|_| 1)
        }
    };
    let Some((at, len)) = title_len(k)
        .map(|l| (k, l))
        .or_else(|| title_len(k + 1).map(|l| (k + 1, l)))
    else {
        return false;
    };
    let after = at + len;
    lower.get(after).is_some_and(|w| g.prepositions.contains(w))
        && words
            .get(after + 1)
            .and_then(|w| w.chars().next())
            .is_some_and(char::is_uppercase)
}

/// Where nouns are capitalised, a one-word authority ("Aufsichtsbehörde") or one whose last
/// word is the suffix itself ("Auffassung der Behörde") is a common noun, not a name.
pub(super) fn common_compound(surface: &str, suffixes: &[String]) -> bool {
    let words: Vec<&str> = surface.split_whitespace().collect();
    let last = words.last().map(|w| w.to_lowercase()).unwrap_or_default();
    words.len() == 1 || suffixes.iter().any(|s| s.to_lowercase() == last)
}

/// The last word ends with a suffix and is longer than it ("Konkurrensverket", not "Verket").
/// `suffixes` are lower case (`NameSets` folds the lexicon's).
pub(super) fn ends_with_any(surface: &str, suffixes: &[String]) -> bool {
    let last = surface
        .split_whitespace()
        .last()
        .unwrap_or("")
        .to_lowercase();
    let multiword = surface.split_whitespace().nth(1).is_some();
    suffixes
        .iter()
        .any(|s| last.ends_with(s.as_str()) && (multiword || last.len() > s.len()))
}

/// Whether the name at byte `start` opens right after a quotation mark (a French
/// guillemet may stand a space before it).
pub(super) fn is_quoted(text: &str, start: usize) -> bool {
    let opens = |c: char| matches!(c, '"' | '«' | '“' | '‘' | '\'' | '„');
    // French sets its guillemets apart with a space: « Livebox Max ».
    let before = text[..start].trim_end_matches([' ', '\u{a0}', '\u{202f}']);
    char_before(text, start).is_some_and(opens)
        || (before.len() + 2 >= start && before.ends_with('«'))
}

/// Known names of at least this many characters are matched with one letter off.
const MISSPELLING_MIN_CHARS: usize = 9;

/// Whether `word` is one letter off a long company name of the gazetteer (and not the
/// name itself, which the gazetteer finds): a deletion index built once, so a word costs
/// its own length in lookups.
fn misspelt_known_name(word: &str) -> bool {
    static INDEX: OnceLock<HashMap<String, Vec<String>>> = OnceLock::new();
    if word.chars().count() < MISSPELLING_MIN_CHARS - 1 {
        return false;
    }
    let index = INDEX.get_or_init(|| {
        let mut index: HashMap<String, Vec<String>> = HashMap::new();
        for e in &Knowledge::global().gazetteer {
            if e.etype != EntityType::Company {
                continue;
            }
            for name in std::iter::once(&e.name).chain(&e.aliases) {
                if name.contains(' ') || name.chars().count() < MISSPELLING_MIN_CHARS {
                    continue;
                }
                for key in crate::text::deletion_keys(name) {
                    index.entry(key).or_default().push(name.clone());
                }
            }
        }
        index
    });
    crate::text::deletion_keys(word).any(|key| {
        index.get(&key).is_some_and(|names| {
            names
                .iter()
                .any(|n| n != word && crate::text::one_edit_apart(n, word))
        })
    })
}
