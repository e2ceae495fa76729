//! Measurements: a number, its metric (from cue words near it), its currency, and the
//! entity it is about (genitive before it, "of X" after it, the buyer for a price, or the
//! subject of the sentence).

use super::numbers::find_quantities;
use super::{
    last_chars, lower_case, word_has_cue, FactClaim, Mention, Metric, Origin, RelationClaim,
};
use crate::ingest::Article;
use crate::knowledge::{EntityType, Knowledge, Lexicon};

/// What the words around a number say it measures.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Cue {
    Customers,
    Employees,
    Revenue,
    Profit,
    Loss,
    Price,
}

fn words(text: &str) -> Vec<(usize, &str)> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in text.char_indices() {
        let part = c.is_alphanumeric() || c == '-' || c == '\'' || c == '’';
        match (part, start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                out.push((s, &text[s..i]));
                start = None;
            }
            _ => {}
        }
    }
    if let Some(s) = start {
        out.push((s, &text[s..]));
    }
    out
}

fn matches_cue(word: &str, cues: &[String]) -> bool {
    // Folded once for all cues; trimming and splitting at apostrophes commute with it.
    let whole = lower_case(word);
    let whole = whole.as_ref();
    let w = whole.trim_matches(|c: char| c == '\'' || c == '-');
    let w = w.rsplit(['\'', '’']).next().unwrap_or(w); // "d'affaires" -> "affaires"
    cues.iter()
        .any(|c| word_has_cue(w, c) || word_has_cue(whole, c))
}

/// Multi-word cues ("chiffre d'affaires", "net loss") are matched on the phrase.
fn phrase_has_cue(text: &str, cues: &[String]) -> bool {
    let lower = text.to_lowercase().replace('’', "'");
    cues.iter()
        .filter(|c| c.contains(' '))
        .any(|c| lower.contains(c.as_str()))
}

fn count_cue(after: &str, lexicon: &Lexicon) -> Option<Cue> {
    for (_, w) in words(after).into_iter().take(3) {
        // Another number first: the cue is that number's ("juin 2005 405.000 abonnés").
        if w.chars().any(|c| c.is_ascii_digit()) {
            return None;
        }
        // Customers or staff the text marks as past ("180.000 tidligere kunder", "2 000
        // former employees") are no count of the company now.
        let lower = lower_case(w);
        if lexicon.grammar.past_markers.iter().any(|p| *p == lower) {
            return None;
        }
        if matches_cue(w, &lexicon.metrics.customers) {
            return Some(Cue::Customers);
        }
        if matches_cue(w, &lexicon.metrics.employees) {
            return Some(Cue::Employees);
        }
        // Where every noun is capitalised, the first noun is what the number counts ("in
        // 40 Städten Glasfaseranschlüsse": cities, not connections). Not the first part
        // of a truncated compound ("Privat- und Geschäftskunden") nor an acronym
        // qualifying the noun ("VDSL Anschlüsse", "TV Kunden").
        let truncated = w.ends_with('-');
        let acronym = w
            .chars()
            .filter(|c| c.is_alphabetic())
            .all(char::is_uppercase);
        if lexicon.capitalises_nouns && w.starts_with(char::is_uppercase) && !truncated && !acronym
        {
            return None;
        }
    }
    None
}

/// The nearest money cue within a few words either side of the number.
/// What a preposition cue ("for", "pour") adds to its distance: any word that names the
/// measure within reach wins over it, and a distance above it marks the cue as weak.
const WEAK_CUE: usize = 20;

/// `reach`: how many words before the number may name the measure (further after a
/// change's result: "stiegen die Erlöse im ersten Quartal um 3,8 Prozent auf ...").
fn money_cue(before: &str, after: &str, lexicon: &Lexicon, reach: usize) -> Option<(Cue, usize)> {
    let m = &lexicon.metrics;
    let groups = [
        (Cue::Loss, &m.loss),
        (Cue::Revenue, &m.revenue),
        (Cue::Profit, &m.profit),
        (Cue::Price, &m.price),
    ];
    let before_words = words(before);
    // A cue after the number belongs to it only inside its clause: in "151 millioner
    // kroner, mot et underskudd på 91 millioner" the loss is the other figure's.
    let after = after.split(", ").next().unwrap_or(after);
    let after_words = words(after);
    // Multi-word cues are looked for in a window either side, the same for every metric.
    let near_before = last_chars(before, reach * 10);
    let near_after: String = after.chars().take(40).collect();
    let mut best: Option<(Cue, usize)> = None;
    let mut consider = |cue: Cue, distance: usize| {
        if best.is_none_or(|(_, d)| distance < d) {
            best = Some((cue, distance));
        }
    };
    for (cue, list) in groups {
        for (d, (_, w)) in before_words.iter().rev().take(reach).enumerate() {
            if matches_cue(w, list) {
                // A preposition ("for") is a weaker cue than a word that names the
                // measure: "omsette for 115 millionar" is a revenue, not a price.
                let weak = lexicon.grammar.prepositions.contains(&w.to_lowercase());
                consider(cue, d + 1 + if weak { WEAK_CUE } else { 0 });
            }
        }
        // A price is announced before its amount ("for $38.4 million"); "for the quarter"
        // after an amount is no price.
        for (d, (_, w)) in after_words.iter().take(5).enumerate() {
            if cue != Cue::Price && matches_cue(w, list) {
                consider(cue, d + 1);
            }
        }
        if phrase_has_cue(near_before, list) || phrase_has_cue(&near_after, list) {
            consider(cue, 2);
        }
    }
    best
}

/// Currencies whose plural is "kroner" (the Swedish "kronor" names SEK itself).
const KRONER: &[&str] = &["NOK", "DKK"];

/// The krone a bare "kroner" means: the one of the lexicon's country where it has one,
/// else the krone met most often among `currencies` (of the places and companies the
/// article names, in text order; the first wins a tie): "2 billion kroner" in an English
/// article about Norway. None when the article names no krone country.
fn local_krone(currencies: &[&str], country: &str) -> Option<String> {
    if let Some(own) = local_currency(country).filter(|c| matches!(*c, "NOK" | "SEK" | "DKK")) {
        return Some(own.to_string());
    }
    let mut counts: Vec<(&str, usize)> = Vec::new();
    for &currency in currencies {
        if !KRONER.contains(&currency) {
            continue;
        }
        match counts.iter_mut().find(|(c, _)| *c == currency) {
            Some((_, n)) => *n += 1,
            None => counts.push((currency, 1)),
        }
    }
    let most = counts.iter().map(|&(_, n)| n).max()?;
    counts
        .into_iter()
        .find(|&(_, n)| n == most)
        .map(|(c, _)| c.to_string())
}

fn local_currency(country: &str) -> Option<&'static str> {
    match country {
        "NO" => Some("NOK"),
        "SE" => Some("SEK"),
        "DK" => Some("DKK"),
        "FR" => Some("EUR"),
        "DE" => Some("EUR"),
        "GB" => Some("GBP"),
        "US" => Some("USD"),
        _ => None,
    }
}

/// Finds the measurements of an article.
pub fn find_facts(
    article: &Article,
    mentions: &[Mention],
    relations: &[RelationClaim],
    lexicon: &Lexicon,
    knowledge: &Knowledge,
) -> Vec<FactClaim> {
    let mut out = Vec::new();
    // The krone of a bare "kroner", found on first need from the currencies of the places
    // named and of the known companies' home countries.
    let krone = std::cell::OnceCell::new();
    let krone = || {
        krone
            .get_or_init(|| {
                let currencies: Vec<&str> = mentions
                    .iter()
                    .filter_map(|m| match &m.reference {
                        super::Reference::Place(id) => knowledge.place(id)?.currency.as_deref(),
                        super::Reference::Known(id) => {
                            local_currency(knowledge.entity(id)?.country.as_deref()?)
                        }
                        _ => None,
                    })
                    .collect();
                local_krone(&currencies, &lexicon.country)
            })
            .clone()
    };
    for (si, sentence) in article.sentences.iter().enumerate() {
        let text = &article.text[sentence.start..sentence.end];
        let quantities = find_quantities(text, lexicon);
        let mut last_currency: Option<String> = None;
        for q in &quantities {
            let own_currency = q.currency.clone();
            if own_currency.is_some() {
                last_currency = own_currency.clone();
            }
            if q.percent {
                continue;
            }
            let before = &text[..q.start];
            let after = &text[q.end..];
            // Only the words near the number are read: lower-casing the whole text before
            // every number made the pass quadratic in the article's length.
            let before_lower = crate::text::last_chars(before, 80).to_lowercase();
            let tail: Vec<&str> = words(&before_lower)
                .into_iter()
                .rev()
                .take(4)
                .map(|(_, w)| w)
                .collect();
            if tail
                .iter()
                .take(2)
                .any(|w| lexicon.subset_cues.iter().any(|c| c == w))
            {
                continue;
            }
            let tail_text = last_chars(&before_lower, 30);
            if lexicon
                .foreign_cues
                .iter()
                .any(|c| tail_text.trim_end().ends_with(c.as_str()))
            {
                continue;
            }
            // "um 3,8 Prozent auf 1,85 Milliarden", "von 107 Millionen auf nun 44 Millionen":
            // the figure after the preposition of the result is a level.
            let is_level_prep = |w: &&str| lexicon.level_prepositions.iter().any(|p| p == w);
            // Up to two short words between ("auf nun", "à plus de", "to almost").
            let level = (0..3).any(|k| {
                tail.get(k).is_some_and(is_level_prep)
                    && tail[..k].iter().all(|w| w.chars().count() <= 6)
            });
            let reach = if level { 14 } else { 6 };
            // "omsette for over 115 millionar", "betaler 2,33 milliarder": in the Nordic
            // press a scaled sum without a currency is in the country's kroner.
            // The money cue is read at most once per number.
            let money = std::cell::OnceCell::new();
            let money_here = || *money.get_or_init(|| money_cue(before, after, lexicon, reach));
            let implicit_krone = own_currency.is_none()
                && last_currency.is_none()
                && q.scaled
                && matches!(
                    local_currency(&lexicon.country),
                    Some("NOK" | "SEK" | "DKK")
                )
                && count_cue(after, lexicon).is_none()
                && money_here().is_some();
            let (metric, negate, rule) = if own_currency.is_none()
                && !implicit_krone
                && !(q.scaled && last_currency.is_some() && money_here().is_some())
            {
                // "a customer base of 31 million": the count's noun before it.
                let base_before = || {
                    let near = last_chars(&before_lower, if level { 80 } else { 40 });
                    lexicon
                        .metrics
                        .customer_bases
                        .iter()
                        .any(|b| names_base(near, &lower_case(b)))
                        .then_some(Cue::Customers)
                };
                match count_cue(after, lexicon).or_else(base_before) {
                    Some(Cue::Customers) => (Metric::CustomerCount, false, "count-noun"),
                    Some(Cue::Employees) => (Metric::Employees, false, "count-noun"),
                    _ => continue,
                }
            } else {
                // "3,25 kr per aktie", "18 euros par action": a price per unit.
                let head: String = after.chars().take(30).collect::<String>().to_lowercase();
                if lexicon.per_unit.iter().any(|p| head.contains(p.as_str())) {
                    continue;
                }
                // A price named only by a preposition ("pour 2 milliards d'euros de
                // services") is a deal's only in a sentence about a deal: an acquisition
                // read in it, a deal noun, or a verb or noun of buying or selling ("sold its
                // stake ... for $20.9 million", "planerade köpa ett antal bolag ... för").
                let about_a_deal = || {
                    let lower = text.to_lowercase();
                    relations
                        .iter()
                        .any(|r| r.property == "acquires" && r.sentence == si)
                        || lexicon
                            .deal_anaphors
                            .iter()
                            .chain(
                                lexicon
                                    .trigger
                                    .iter()
                                    .filter(|t| t.relation == "acquires" && !t.prep_object)
                                    .flat_map(|t| {
                                        t.transfers
                                            .iter()
                                            .chain(&t.transfer_nouns)
                                            .chain(&t.verbs)
                                            .chain(&t.nouns)
                                    }),
                            )
                            .any(|d| crate::text::contains_words(&lower, &d.to_lowercase()))
                };
                match money_here() {
                    Some((Cue::Price, distance)) if distance > WEAK_CUE && !about_a_deal() => {
                        continue
                    }
                    Some((Cue::Revenue, _)) => (Metric::Revenue, false, "money-revenue"),
                    Some((Cue::Profit, _)) => (Metric::NetIncome, false, "money-profit"),
                    Some((Cue::Loss, _)) => (Metric::NetIncome, true, "money-loss"),
                    Some((Cue::Price, _)) => (Metric::Price, false, "money-price"),
                    _ => continue,
                }
            };
            // Tested once a number has a metric (most numbers have none). "140 500 nouveaux
            // abonnés", "netto tilgang på 125.200", "ökade med 362 miljoner": a change, not
            // a level; "jämfört med 1 558 miljoner", "mot 91 millioner": another period's.
            let next: String = after.chars().take(25).collect::<String>().to_lowercase();
            let prev = last_chars(&before_lower, 40);
            let has_word = crate::text::contains_words;
            let change = |c: &String| {
                let c = lower_case(c);
                has_word(&next, &c) || has_word(prev, &c)
            };
            // Another period's figure: the cue within the last 20 characters, or a one-word
            // cue among the last four words ("mot et underskudd på 91 millioner").
            let prev_close = last_chars(&before_lower, 20);
            let comparison = |c: &String| {
                let c = lower_case(c);
                has_word(prev_close, &c) || (!c.contains(' ') && tail.contains(&c.as_ref()))
            };
            // "ökade med 362 miljoner kr till 3 132 miljoner kr", "grew by 39 million euros to
            // 539 million": a figure followed closely by the result of the change is the change.
            let to_result = {
                let ahead = words(&next);
                ahead.iter().take(4).enumerate().any(|(k, (_, w))| {
                    lexicon.level_prepositions.iter().any(|p| p == w)
                        && ahead[k + 1..]
                            .iter()
                            .take(2)
                            .any(|(_, n)| n.chars().next().is_some_and(|c| c.is_ascii_digit()))
                })
            };
            if to_result {
                continue;
            }
            // EBITDA and operating results are no net income.
            if metric == Metric::NetIncome {
                let near = last_chars(&before_lower, 70);
                if lexicon
                    .metrics
                    .operating
                    .iter()
                    .any(|c| has_word(near, &c.to_lowercase()))
                {
                    continue;
                }
            }
            if !level
                && tail
                    .iter()
                    .take(2)
                    .any(|w| lexicon.change_verbs.iter().any(|v| v == w))
            {
                continue;
            }
            // What a deal or unit will add is a change ("va apporter 730 millions à ses
            // revenus"), read back to the clause's start.
            if !level && metric != Metric::Price && !lexicon.contribution_verbs.is_empty() {
                let wide = last_chars(before, 160).to_lowercase();
                // Back to a clause break: a comma before a space, not one inside "1,200".
                let clause = [", ", "; ", ": "]
                    .iter()
                    .filter_map(|b| wide.rfind(b).map(|i| i + b.len()))
                    .max()
                    .map_or(wide.as_str(), |i| &wide[i..]);
                if lexicon
                    .contribution_verbs
                    .iter()
                    .any(|v| has_word(clause, &v.to_lowercase()))
                {
                    continue;
                }
            }
            let counted = matches!(metric, Metric::CustomerCount | Metric::Employees);
            if (!level
                && (lexicon.change_cues.iter().any(change)
                    || (counted && lexicon.count_change_verbs.iter().any(change))))
                || lexicon.comparison_cues.iter().any(comparison)
            {
                continue;
            }
            let currency = if matches!(metric, Metric::CustomerCount | Metric::Employees) {
                None
            } else {
                let c = own_currency
                    .or_else(|| last_currency.clone())
                    .or_else(|| implicit_krone.then(|| "LOCAL".to_string()));
                match c.as_deref() {
                    Some("LOCAL") => krone(),
                    Some(c) => Some(c.to_string()),
                    None => None,
                }
            };
            if !matches!(metric, Metric::CustomerCount | Metric::Employees) && currency.is_none() {
                continue;
            }
            let about = if metric == Metric::Price {
                let lower = text.to_lowercase();
                let about_deal = lexicon
                    .deal_anaphors
                    .iter()
                    .any(|d| lower.contains(lower_case(d).as_ref()));
                buyer(si, about_deal, mentions, relations)
                    .or_else(|| buyer_of_unnamed(article, si, mentions, lexicon))
            } else {
                attach(
                    article,
                    si,
                    sentence.start + q.start,
                    sentence.start + q.end,
                    mentions,
                    lexicon,
                    matches!(
                        metric,
                        Metric::Revenue | Metric::NetIncome | Metric::Employees
                    ),
                )
            };
            let Some((about, confidence)) = about else {
                continue;
            };
            let value = if negate { -q.value.abs() } else { q.value };
            out.push(FactClaim {
                about,
                metric,
                value,
                currency,
                sentence: si,
                start: sentence.start + q.start,
                end: sentence.start + q.end,
                rule: format!("{}.fact.{rule}", article.lang),
                confidence,
            });
        }
    }
    out
}

/// The buyer of a deal: stated in this sentence; the latest buyer when the sentence speaks
/// of "the deal"; the sentence's subject when it buys something in the article; or the
/// buyer of the latest deal in the three sentences before.
fn buyer(
    sentence: usize,
    about_deal: bool,
    mentions: &[Mention],
    relations: &[RelationClaim],
) -> Option<(usize, f32)> {
    let acquisitions: Vec<&RelationClaim> = relations
        .iter()
        .filter(|r| r.property == "acquires")
        .collect();
    if let Some(r) = acquisitions.iter().find(|r| r.sentence == sentence) {
        return Some((r.subject, 0.85));
    }
    // "The deal was worth ...": the latest acquisition before it.
    if about_deal {
        if let Some(r) = acquisitions.iter().rev().find(|r| r.sentence < sentence) {
            return Some((r.subject, 0.7));
        }
    }
    let subject = mentions.iter().position(|m| {
        m.sentence == sentence && m.etype == EntityType::Company && m.origin != Origin::Demonym
    });
    if let Some(s) = subject {
        if acquisitions
            .iter()
            .any(|r| mentions[r.subject].reference == mentions[s].reference)
        {
            return Some((s, 0.75));
        }
    }
    acquisitions
        .iter()
        .rev()
        .find(|r| r.sentence < sentence && sentence - r.sentence <= 3)
        .map(|r| (r.subject, 0.65))
        .or_else(|| {
            // "Y now belongs to X. The price was ...": the new owner paid.
            relations
                .iter()
                .rev()
                .filter(|r| r.property == "owns" && r.implicit.is_none())
                .find(|r| r.sentence < sentence && sentence - r.sentence <= 1)
                .map(|r| (r.subject, 0.6))
        })
}

/// The company right before a verb of buying in the sentence (after at most two
/// auxiliaries or an infinitive marker), for a price no acquisition claim of the sentence
/// explains (what it buys is no name): "will see DNA acquire TDC's Finnish operations for
/// €154m" (the buyer pays the price).
fn buyer_of_unnamed(
    article: &Article,
    sentence: usize,
    mentions: &[Mention],
    lexicon: &Lexicon,
) -> Option<(usize, f32)> {
    let verbs: Vec<String> = lexicon
        .trigger
        .iter()
        .filter(|t| t.relation == "acquires" && !t.inverse)
        .flat_map(|t| &t.verbs)
        .filter(|v| !v.contains(' '))
        .map(|v| v.to_lowercase())
        .collect();
    let g = &lexicon.grammar;
    let span = article.sentences[sentence];
    mentions.iter().enumerate().find_map(|(i, m)| {
        if m.sentence != sentence || m.etype != EntityType::Company || !is_actor(m) {
            return None;
        }
        let after = lower_case(&article.text[m.end..span.end]).into_owned();
        // The verb, after at most two helpers (three words in all).
        for (_, w) in words(&after).into_iter().take(3) {
            if verbs.iter().any(|v| v == w) {
                return Some((i, 0.6));
            }
            let helper =
                g.auxiliaries.iter().any(|a| a == w) || g.infinitive_markers.iter().any(|a| a == w);
            if !helper {
                return None;
            }
        }
        None
    })
}

/// Whether company mention `n` stands in the genitive right before byte `at`, one space
/// between ("Telenors kunder", "Tele2:s kunder", "BT's customers", "Norlys' net").
fn company_genitive_before(text: &str, n: &Mention, at: usize) -> bool {
    n.etype == EntityType::Company
        && n.end < at
        && matches!(&text[n.end..at], "s " | "'s " | "’s " | ":s " | "' " | "’ ")
}

/// A company's customers using or getting a service: the company offers it ("Telenors
/// kunder kan nå bruke 5G", "Tele2:s kunder kan surfa på 5G", "les abonnés de Bouygues
/// Telecom peuvent accéder à la 5G", "customers of BT can now get full fibre"). The
/// customers' company is a genitive right before the customer noun or a company after it
/// and a preposition; a verb of use (lexicon `use_verbs`) follows within eight words, and
/// every generic service after the verb in the sentence is offered (after the noun where
/// the verb closes the clause). No claim where a negation stands between the customer noun
/// and the verb (a modal of ability is none).
pub(super) fn offers_from_customers_using(
    article: &Article,
    mentions: &[Mention],
    lexicon: &Lexicon,
) -> Vec<RelationClaim> {
    if lexicon.use_verbs.is_empty() || !mentions.iter().any(|m| m.etype == EntityType::Product) {
        return Vec::new();
    }
    let text = &article.text;
    let customers = &lexicon.metrics.customers;
    let mut out = Vec::new();
    for (si, span) in article.sentences.iter().enumerate() {
        let services: Vec<usize> = (0..mentions.len())
            .filter(|&i| {
                mentions[i].sentence == si
                    && matches!(mentions[i].reference, super::Reference::Service(_))
            })
            .collect();
        if services.is_empty() {
            continue;
        }
        let sentence = &text[span.start..span.end];
        let ws = words(sentence);
        for (k, (at, w)) in ws.iter().enumerate() {
            if !customers.iter().any(|c| c.eq_ignore_ascii_case(w)) {
                continue;
            }
            let noun_start = span.start + at;
            let noun_end = noun_start + w.len();
            // "Telenors kunder", "Tele2:s kunder", "BT's customers".
            let genitive = mentions
                .iter()
                .position(|n| n.sentence == si && company_genitive_before(text, n, noun_start));
            // "kundene til Telenor", "customers of BT", "les abonnés de SFR".
            let after = || {
                let (_, prep) = ws.get(k + 1)?;
                let prep = lower_case(prep);
                if !lexicon.customer_prepositions.iter().any(|p| *p == prep) {
                    return None;
                }
                let (next_at, _) = ws.get(k + 2)?;
                let next_start = span.start + next_at;
                mentions.iter().position(|n| {
                    n.sentence == si
                        && n.etype == EntityType::Company
                        && n.start >= noun_end
                        && n.start <= next_start + 4
                        && text[noun_end..n.start].len() <= 16
                })
            };
            let Some(company) = genitive.or_else(after) else {
                continue;
            };
            // Customers described by a clause between commas ("Telias kunder, der skifter
            // til TDC, kan bruge ...") may be another company's by then.
            if text[noun_end..span.end].trim_start().starts_with(',') {
                continue;
            }
            // A verb of use within eight words after the noun.
            // Compared on the text as written, a word at a time: a lower-cased copy of the
            // sentence may differ in length ("İ", "ẞ"), so its offsets are not the text's.
            let verb_end = ws[k + 1..]
                .iter()
                .take(8)
                .filter_map(|(vat, _)| {
                    let pos = span.start + vat;
                    lexicon.use_verbs.iter().find_map(|v| {
                        let written = text[pos..span.end].get(..v.len())?;
                        (lower_case(written) == lower_case(v)
                            && !text[pos + v.len()..].starts_with(char::is_alphanumeric))
                        .then_some(pos + v.len())
                    })
                })
                .next();
            let Some(verb_end) = verb_end else {
                continue;
            };
            let between = lower_case(&text[noun_end..verb_end]);
            // A modal of ability is no hedge here ("kan nå bruke 5G").
            if lexicon
                .negations
                .iter()
                .filter(|n| !lexicon.grammar.auxiliaries.contains(n))
                .any(|n| crate::text::find_words(&between, &lower_case(n)).is_some())
            {
                continue;
            }
            // After the verb, or before it where the verb closes the clause ("Kunden der
            // Telekom können jetzt 5G nutzen").
            let verb_final = lexicon.grammar.has("verb_final");
            // A service another company's ("bruke Telias 5G-nett") is not the customers'.
            // ... nor one named another's after it ("das 5G-Netz von Vodafone", "le réseau
            // d'Orange").
            let anothers = |s: usize| {
                let rest = &text[mentions[s].end..span.end];
                let ws = words(rest);
                let owned_after = ws
                    .iter()
                    .take(3)
                    .position(|(_, w)| {
                        let w = lower_case(w);
                        lexicon.customer_prepositions.iter().any(|p| *p == w)
                            || lexicon.grammar.genitive_articles.iter().any(|p| *p == w)
                    })
                    .is_some_and(|k| {
                        let after_prep = mentions[s].end + ws[k].0 + ws[k].1.len();
                        mentions.iter().any(|n| {
                            n.sentence == si
                                && n.etype == EntityType::Company
                                && n.start >= after_prep
                                && n.start <= after_prep + 6
                        })
                    });
                owned_after
                    || mentions.iter().any(|n| {
                        n.sentence == si && company_genitive_before(text, n, mentions[s].start)
                    })
            };
            // Where they use it: a place after a preposition of place after the verb
            // ("accéder à la fibre à Nantes et à Rennes").
            let offered = services
                .iter()
                .any(|&s| !anothers(s) && mentions[s].start >= noun_end);
            if offered {
                for (p, place) in mentions.iter().enumerate() {
                    let placed = place.sentence == si
                        && place.etype == EntityType::Place
                        && place.origin == Origin::Name
                        && place.start > verb_end
                        && words(&text[span.start..place.start])
                            .last()
                            .is_some_and(|(_, w)| {
                                let w = lower_case(w);
                                lexicon.grammar.place_prepositions.iter().any(|p| *p == w)
                            });
                    if placed {
                        out.push(RelationClaim {
                            subject: company,
                            property: "operatesIn".to_string(),
                            object: p,
                            sentence: si,
                            rule: format!("{}.operatesIn.customers-use", lexicon.code),
                            confidence: 0.6,
                            implicit: None,
                        });
                    }
                }
            }
            for &s in &services {
                if anothers(s) {
                    continue;
                }
                if mentions[s].start >= verb_end || (verb_final && mentions[s].start >= noun_end) {
                    out.push(RelationClaim {
                        subject: company,
                        property: "offers".to_string(),
                        object: s,
                        sentence: si,
                        rule: format!("{}.offers.customers-use", lexicon.code),
                        confidence: 0.6,
                        implicit: None,
                    });
                }
            }
        }
    }
    out
}

/// Customers of a service are a company offering it, with or without a figure: a generic
/// service named as what customers hold ("GSM-abonnenter", "mobile subscriptions",
/// "Telenors mobilkunder", "abonnés mobiles") or as a company's own ("Telia's broadband
/// business", "its fibre network", "le réseau mobile de SFR") gives offers of it to the
/// company the customers or the service belong to: the customers' as a figure's owner is
/// found (`attach`), the service's as its possessor before or after it.
pub(super) fn offers_from_customer_nouns(
    article: &Article,
    mentions: &[Mention],
    lexicon: &Lexicon,
) -> Vec<RelationClaim> {
    let customers = &lexicon.metrics.customers;
    let mut out = Vec::new();
    for (si, m) in mentions.iter().enumerate() {
        if !matches!(m.reference, super::Reference::Service(_)) {
            continue;
        }
        let span = article.sentences[m.sentence];
        // The service word heads a customer compound, or a customer noun follows it
        // ("mobile subscriptions").
        let last_part = m.surface.rsplit(['-', ' ']).next().unwrap_or(&m.surface);
        let compound = matches_cue(last_part, customers);
        let after = &article.text[m.end..span.end];
        let follows = words(after).first().is_some_and(|(at, w)| {
            // A footnote mark may cling to the noun ("subscriptions2)").
            let w = w.trim_end_matches(|c: char| c.is_ascii_digit());
            matches!(&after[..*at], " " | "-") && matches_cue(w, customers)
        });
        // "abonnés mobiles": where adjectives follow the noun, the customer noun comes first.
        let before = &article.text[span.start..m.start];
        // ... or comes first with a preposition of the service between ("abonnés à la
        // fibre", "subscribers to fibre", "kunder på fiber"; grammar service_prepositions).
        // Matched on the text as written: no offset of a lower-cased copy.
        let before_preposition = lexicon.grammar.service_prepositions.iter().find_map(|p| {
            // An elided one is glued to the service ("abonnés à l'Internet").
            let glued = p.ends_with(['\'', '’']);
            let head = if glued {
                before
            } else {
                before.strip_suffix(' ')?
            };
            let at = head.len().checked_sub(p.len())?;
            if !head.is_char_boundary(at) || lower_case(&head[at..]) != p.as_str() {
                return None;
            }
            let rest = &head[..at];
            rest.ends_with(' ').then_some(rest)
        });
        let ends_with_customer_noun = |text: &str| {
            text.ends_with(' ')
                && words(text).last().is_some_and(|(at, w)| {
                    at + w.len() + 1 == text.len() && matches_cue(w, customers)
                })
        };
        let precedes = (lexicon.grammar.has("adjective_after") && ends_with_customer_noun(before))
            || before_preposition.is_some_and(ends_with_customer_noun);
        // "Telia's broadband business", "Telenors mobilnett", "its Finnish fibre network",
        // "seine Festnetzsparte": a service its owner's, maybe after nationalities or one
        // adjective ("its own", "Telia's new"; none where adjectives follow the noun: in
        // "leurs fournisseurs d'accès" the possessive is the providers').
        let adjective_after = lexicon.grammar.has("adjective_after");
        let possessor = || -> Option<usize> {
            let mut gap_end = before.len();
            let mut adjectives = 0;
            let ws = words(before);
            let relative_possessive = |w: &str| {
                lexicon
                    .grammar
                    .relative_possessives
                    .iter()
                    .any(|p| *p == lower_case(w))
            };
            for (k, &(at, w)) in ws.iter().enumerate().rev().take(4) {
                if !before[at + w.len()..gap_end].chars().all(|c| c == ' ') {
                    return None;
                }
                let abs_end = span.start + at + w.len();
                let lower = lower_case(w);
                // An article after a relative pronoun in the genitive ("dont le réseau").
                if lexicon.articles.iter().any(|a| *a == lower)
                    && k > 0
                    && relative_possessive(ws[k - 1].1)
                {
                    gap_end = at;
                    continue;
                }
                // "“Our 5G network covers ...,” said X of Telenor": in a quote, the
                // organisation named after the verb of saying that closes it.
                if lexicon.speaker_possessives.iter().any(|p| *p == lower) {
                    return speaker_organisation(article, mentions, m, span, lexicon);
                }
                // A relative pronoun in the genitive is its antecedent's, the company right
                // before its comma ("CityFibre, whose fibre network passes ...", "SFR, dont
                // le réseau mobile ...").
                if relative_possessive(w) {
                    let antecedent = before[..at].trim_end().strip_suffix(',').and_then(|head| {
                        let head_end = span.start + head.trim_end().len();
                        mentions.iter().position(|n| {
                            n.sentence == m.sentence
                                && n.end == head_end
                                && n.etype == EntityType::Company
                                && is_actor(n)
                        })
                    });
                    return antecedent;
                }
                if lexicon.grammar.possessives.iter().any(|p| *p == lower) {
                    // The nearest company before the pronoun, unless an organisation noun
                    // between could be what it refers to ("a partner with its own network").
                    let pronoun = span.start + at;
                    let before_pronoun = |n: &&Mention| {
                        n.sentence == m.sentence
                            && n.end <= pronoun
                            && n.etype == EntityType::Company
                            && is_actor(n)
                    };
                    let (i, n) = mentions
                        .iter()
                        .enumerate()
                        .rev()
                        .find(|(_, n)| before_pronoun(n))?;
                    // A company governed by a preposition is no subject: the possessive
                    // refers to the sentence's first company ("Sky has teamed up with
                    // Netflix to bundle streaming into its TV packages").
                    let governed = words(&article.text[span.start..n.start])
                        .last()
                        .is_some_and(|(_, w)| {
                            let w = lower_case(w);
                            lexicon.grammar.prepositions.iter().any(|p| *p == w)
                        });
                    let (i, n) = if governed {
                        mentions
                            .iter()
                            .enumerate()
                            .find(|(_, c)| before_pronoun(c) && c.end <= n.start)
                            .unwrap_or((i, n))
                    } else {
                        (i, n)
                    };
                    // A company inside an apposition ("YouSee, et datterselskab af Nuuday,
                    // hæver prisen på sine ...") is not what the possessive refers to: the
                    // name the apposition describes is.
                    let closes = article.text[n.end..pronoun].trim_start().starts_with(',');
                    let (i, n) = mentions
                        .iter()
                        .enumerate()
                        .rev()
                        .filter(|(_, c)| before_pronoun(c) && c.end <= n.start)
                        .find(|(_, c)| article.text[c.end..n.start].trim_start().starts_with(','))
                        .filter(|_| closes)
                        .unwrap_or((i, n));
                    let between = lower_case(&article.text[n.end..pronoun]).into_owned();
                    let other = words(&between)
                        .iter()
                        .any(|(_, w)| lexicon.org_cues.iter().any(|c| c == w));
                    return (!other).then_some(i);
                }
                if let Some(i) = mentions.iter().position(|n| {
                    n.sentence == m.sentence
                        && is_actor(n)
                        && n.end < abs_end
                        && n.end + 4 >= abs_end
                        && matches!(&article.text[n.end..abs_end], "s" | "'s" | "’s" | ":s")
                }) {
                    return Some(i);
                }
                let demonym = mentions
                    .iter()
                    .any(|n| n.origin == Origin::Demonym && n.start == span.start + at);
                let adjective = !adjective_after
                    && adjectives == 0
                    && w.chars().next().is_some_and(char::is_lowercase)
                    && !w.ends_with(['\'', '’'])
                    && !lexicon.grammar.prepositions.contains(&lower.to_string())
                    && !lexicon.articles.contains(&lower.to_string())
                    && !lexicon.coordinators.contains(&lower.to_string());
                if !(demonym || adjective) {
                    return None;
                }
                adjectives += usize::from(adjective && !demonym);
                gap_end = at;
            }
            None
        };
        // "le réseau mobile de SFR", "das Mobilfunknetz der Telekom", "the fibre network
        // of Telia": the company right after a postposed genitive, maybe after an article.
        // Not a descriptor's ("the mobile operator of Vivendi", "l'opérateur mobile de
        // Vivendi" name the parent): no organisation word in or right before the service.
        let postposed_possessor = || -> Option<usize> {
            let rest = after.strip_prefix(' ')?;
            // A marker that is also a preposition of direction, only after a definite
            // service noun no verb governs ("etter at mobilnettet til selskapet fall ut").
            let g = &lexicon.grammar;
            let ungoverned = || {
                let surface = lower_case(&m.surface);
                g.definite_singular_endings
                    .iter()
                    .chain(&g.definite_plural_endings)
                    .any(|e| surface.ends_with(e.as_str()))
                    && words(before).last().is_none_or(|(_, w)| {
                        let w = lower_case(w);
                        g.prepositions.iter().any(|p| *p == w)
                            || g.complementizers.iter().any(|c| *c == w)
                            || g.subordinators.iter().any(|c| *c == w)
                    })
            };
            let subject_marker_ok = !g.postposed_genitive_subject.is_empty() && ungoverned();
            // Matched on the text as written: no offset of a lower-cased copy.
            let marker = lexicon
                .grammar
                .postposed_genitive
                .iter()
                .chain(
                    g.postposed_genitive_subject
                        .iter()
                        .filter(|_| subject_marker_ok),
                )
                .filter(|marker| {
                    rest.get(..marker.len())
                        .is_some_and(|p| p.eq_ignore_ascii_case(marker))
                        && (marker.ends_with(['\'', '’'])
                            || rest.get(marker.len()..).is_some_and(|r| r.starts_with(' ')))
                })
                .map(String::len)
                .max()?;
            // Checked only once a marker follows: most services have none.
            let org_word = |w: &str| {
                let w = lower_case(w);
                lexicon.org_cues.iter().any(|c| *c == w)
            };
            if m.surface.split([' ', '-']).any(org_word)
                || words(before).last().is_some_and(|(_, w)| org_word(w))
            {
                return None;
            }
            let mut at = m.end + 1 + marker;
            let rest = article.text.get(at..span.end)?;
            at += rest.len() - rest.trim_start().len();
            let rest = rest.trim_start();
            if let Some((w, _)) = rest.split_once(' ') {
                if lexicon.articles.iter().any(|a| a == &lower_case(w)) {
                    at += w.len() + 1;
                }
            }
            mentions.iter().position(|n| {
                n.sentence == m.sentence
                    && n.start == at
                    && is_actor(n)
                    && n.etype == EntityType::Company
            })
        };
        let customers_of = compound || follows || precedes;
        let (holder, confidence, rule) = if customers_of {
            let Some((holder, confidence)) =
                attach(article, m.sentence, m.start, m.end, mentions, lexicon, true)
            else {
                continue;
            };
            (holder, confidence, "customers-of-service")
        } else if let Some(holder) = possessor() {
            (holder, 0.65, "possessed-service")
        } else if let Some(holder) = postposed_possessor() {
            (holder, 0.65, "possessed-service-postposed")
        } else {
            continue;
        };
        if mentions[holder].etype != EntityType::Company {
            continue;
        }
        // A possession the clause denies ("Telenor har ikke lenger sin danske
        // mobilforretning", "hat sein Kabelgeschäft nicht mehr"): a verb of having and a
        // negator in the service's clause.
        if !customers_of && possession_denied(article, m, lexicon) {
            continue;
        }
        out.push(RelationClaim {
            subject: holder,
            property: "offers".into(),
            object: si,
            sentence: m.sentence,
            rule: format!("{}.offers.{rule}", article.lang),
            confidence: confidence.min(0.7),
            implicit: None,
        });
    }
    out
}

/// Whether the clause of mention `m` (between commas) has a verb of having (grammar
/// `object_predicative_verbs`) and a negator (grammar `negators`).
fn possession_denied(article: &Article, m: &Mention, lexicon: &Lexicon) -> bool {
    let span = article.sentences[m.sentence];
    let text = &article.text;
    let start = text[span.start..m.start]
        .rfind(',')
        .map_or(span.start, |c| span.start + c);
    let end = text[m.end..span.end]
        .find(',')
        .map_or(span.end, |c| m.end + c);
    let clause = lower_case(&text[start..end]);
    let ws: Vec<&str> = words(&clause).into_iter().map(|(_, w)| w).collect();
    let g = &lexicon.grammar;
    ws.iter()
        .any(|w| g.object_predicative_verbs.iter().any(|v| v == w))
        && ws.iter().any(|w| g.negators.iter().any(|n| n == w))
}

/// A word without the footnote mark that may cling to it ("subscriptions2)").
fn without_footnote(word: &str) -> &str {
    word.trim_end_matches(|c: char| c.is_ascii_digit())
}

/// Whether `near` (lower case) names the customer base `base`, also with up to two
/// modifiers before its last word ("the number of mobile subscriptions" for "number of
/// subscriptions") and a footnote mark on it ("subscriptions2)").
fn names_base(near: &str, base: &str) -> bool {
    if crate::text::contains_words(near, base) {
        return true;
    }
    let Some((head, last)) = base.rsplit_once(' ') else {
        return false;
    };
    let Some(at) = crate::text::find_words(near, head) else {
        return false;
    };
    words(&near[at + head.len()..])
        .into_iter()
        .take(3)
        .any(|(_, w)| without_footnote(w) == last)
}

/// "“Our 5G network covers ...,” said X of Telenor": the organisation whose service a
/// first-person possessive in a quote names (`m` the service, `span` its sentence): the
/// first one after the verb of saying that closes the quote, when it is the speaker's
/// employer; none for what the quote denies or ends, or for a report on the service.
fn speaker_organisation(
    article: &Article,
    mentions: &[Mention],
    m: &Mention,
    span: crate::ingest::Sentence,
    lexicon: &Lexicon,
) -> Option<usize> {
    let customers = &lexicon.metrics.customers;
    let after = &article.text[m.end..span.end];
    // The service's network, service or customers ("Vårt 5G-nett", "our
    // 5G service"), not a report or study on it ("Vår 5G-rapport").
    let tail = m
        .surface
        .rsplit_once(['-', ' '])
        .map(|(_, t)| t)
        .or_else(|| {
            words(after)
                .first()
                .filter(|&&(at, _)| after[..at].trim().is_empty())
                .map(|&(_, w)| w)
        });
    let surface = lower_case(&m.surface);
    let of_the_service = tail.is_some_and(|t| {
        let t = lower_case(t);
        lexicon
            .service_tails
            .iter()
            .chain(&lexicon.service_unit_tails)
            .any(|w| lower_case(w) == t)
            || matches_cue(&t, customers)
    }) || lexicon
        .service_tails
        .iter()
        .chain(&lexicon.service_unit_tails)
        .any(|w| {
            let w = lower_case(w);
            w.len() >= 3 && surface.len() > w.len() && surface.ends_with(w.as_ref())
        });
    if !of_the_service {
        return None;
    }
    let verb = words(after).into_iter().find(|&(at, w)| {
        let w = lower_case(w);
        // The last word of a verb of several ("a déclaré").
        lexicon
            .speech_verbs
            .iter()
            .any(|v| *v == w || v.rsplit(' ').next().is_some_and(|last| last == w))
            && after[..at].trim_end().ends_with(|c: char| {
                c.is_ascii_punctuation() || matches!(c, '»' | '«' | '”' | '“' | '’' | '–' | '—')
            })
    })?;
    // Nothing the quote denies, ends or gave up ("We will never build our
    // own fibre network", "our old 3G network has been shut down").
    let quoted = lower_case(&article.text[span.start..m.end + verb.0]);
    let voided = lexicon
        .negations
        .iter()
        .chain(&lexicon.cancellations)
        .chain(&lexicon.grammar.exits)
        .chain(&lexicon.grammar.past_markers)
        .any(|phrase| crate::text::find_words(&quoted, &lower_case(phrase)).is_some());
    if voided {
        return None;
    }
    // The speaker's employer: the first company after the verb, after a
    // preposition of working for ("Kari Hansen i Ice", "of VodafoneThree"),
    // in the genitive ("Tres vd") or glued to a title ("Telenor-sjef"); not
    // the newspaper spoken to ("sier Kari Hansen til NRK") nor the host of
    // a conference.
    let from = m.end + verb.0;
    let first = mentions.iter().position(|n| {
        n.sentence == m.sentence && n.start >= from && n.etype.is_organisation() && is_actor(n)
    })?;
    let n = &mentions[first];
    let employer = n.etype == EntityType::Company
        && (words(&article.text[from..n.start])
            .last()
            .is_some_and(|(_, w)| {
                let w = lower_case(w);
                lexicon
                    .employer_prepositions
                    .iter()
                    .chain(&lexicon.grammar.employer)
                    .any(|p| *p == w)
            })
            || article.text[n.end..].starts_with(['s', '\'', '’', ':', '-']));
    employer.then_some(first)
}

fn is_actor(m: &Mention) -> bool {
    m.etype.is_organisation() && !matches!(m.origin, Origin::Demonym | Origin::Parent)
}

/// The entity a count or amount belongs to.
///
/// `start..end` is the byte span of the figure (or of the noun that counts something) in
/// the article's text; the answer is the mention's index and a confidence in 0..1.
///
/// `company_figure`: the figure is one only a company has (revenue, result, staff), so a
/// sentence that names no organisation after one that names the article's focus is about
/// the focus ("Omsetningen i 3. kvartal ble 995 millioner kroner.").
pub(super) fn attach(
    article: &Article,
    sentence: usize,
    start: usize,
    end: usize,
    mentions: &[Mention],
    lexicon: &Lexicon,
    company_figure: bool,
) -> Option<(usize, f32)> {
    let text = &article.text;
    let here: Vec<(usize, &Mention)> = mentions
        .iter()
        .enumerate()
        .filter(|(_, m)| m.sentence == sentence && is_actor(m))
        .collect();
    // The organisation named last before the figure, for the four rules that read what
    // stands between it and the figure.
    let before = here.iter().rev().find(|(_, m)| m.end <= start).copied();
    // "Zitius med 160 000 hushåll", "DNA, with 2.9 million subscribers".
    if let Some((i, m)) = before {
        let between = text[m.end..start]
            .trim()
            .trim_start_matches(',')
            .trim()
            .to_lowercase();
        let between_words: Vec<&str> = between.split_whitespace().collect();
        if !between_words.is_empty()
            && between_words.len() <= 3
            && lexicon
                .with_words
                .iter()
                .any(|w| between == *w || between.starts_with(&format!("{w} ")))
        {
            return Some((i, 0.8));
        }
    }
    // Genitive right before: "Stockholm Energis 800.000", "Telenor's 40 million".
    if let Some((i, m)) = before {
        let between = text[m.end..start].trim();
        let between = between
            .trim_start_matches("'s")
            .trim_start_matches("’s")
            .trim_start_matches('s')
            .trim();
        if between.is_empty()
            && (m.surface.ends_with('s')
                || text[m.end..start]
                    .trim_start()
                    .starts_with(['s', '\'', '’']))
        {
            return Some((i, 0.85));
        }
    }
    // The head of a subject relative clause: "Get, som har 500 000 kunder", "Alice, qui
    // compte 1 million d'abonnés", "X, which has ...".
    if let Some((i, m)) = before {
        let between = text[m.end..start].trim_start();
        if let Some(rest) = between.strip_prefix(',') {
            let first = rest.split_whitespace().next().unwrap_or("").to_lowercase();
            let g = &lexicon.grammar;
            if g.relative.contains(&first) && !g.relative_object.contains(&first) {
                return Some((i, 0.75));
            }
        }
    }
    // A description in apposition to a name holds the figure for it: "Fjordlink A/S, an
    // Aarhus-based fibre operator with 62,000 customers", "Armorfibre, un opérateur de
    // fibre breton qui compte 70 000 abonnés" (not the buyer named before it).
    if let Some((i, m)) = before {
        let between = text[m.end..start].to_lowercase();
        let g = &lexicon.grammar;
        let described = between.strip_prefix(',').is_some_and(|rest| {
            let rest_words = words(rest);
            // "an", "un", "ein", "en", "et"; an elided "l'" is glued to its noun.
            // The indefinite article is the word for "one" in most of the languages.
            let opens_with_article = rest_words.first().is_some_and(|(_, w)| {
                lexicon
                    .articles
                    .iter()
                    .any(|a| a == w || (a.ends_with('\'') && w.starts_with(a.as_str())))
                    || lexicon.numbers.words.get(*w) == Some(&1.0)
            });
            let holds = rest_words.iter().any(|(_, w)| {
                lexicon.with_words.iter().any(|x| x == w)
                    || (g.relative.iter().any(|r| r == w)
                        && !g.relative_object.iter().any(|r| r == w))
            });
            opens_with_article && holds && !rest.contains(", ")
        });
        if described {
            return Some((i, 0.7));
        }
    }
    // A figure that opens the sentence after a word of having ("Med 1,2 millioner
    // bredbåndskunder er Nuuday ...", "With 5 million customers, BT is ...", "Mit zwölf
    // Millionen Verträgen bleibt 1&1 ..."): the first company after it, the subject.
    let opening = words(&text[article.sentences[sentence].start..start]);
    if (1..=3).contains(&opening.len())
        && opening.first().is_some_and(|(_, w)| {
            let w = lower_case(w);
            lexicon.with_words.iter().any(|x| *x == w)
        })
    {
        if let Some((i, _)) = here
            .iter()
            .find(|(_, m)| m.start >= end && m.etype == EntityType::Company)
        {
            return Some((*i, 0.7));
        }
    }
    // Owner after the noun: "kundene til X", "customers of X", "pour le groupe X"; only
    // the first organisation after the number, close by.
    if let Some((i, m)) = here.iter().find(|(_, m)| m.start >= end) {
        let between = &text[end..m.start];
        let last: Vec<&str> = between.split_whitespace().rev().take(3).collect();
        if between.len() <= 80
            && last
                .iter()
                .any(|w| lexicon.owner_prepositions.contains(&w.to_lowercase()))
        {
            return Some((*i, 0.8));
        }
    }
    // The subject: the first organisation of the sentence, before the number, that is not
    // the object of a deal ("L'acquisition d'Alice pèse sur le résultat").
    let deal_object = |m: &Mention| {
        let before = text[article.sentences[sentence].start..m.start]
            .to_lowercase()
            .replace('’', "'");
        let before = before.trim_end();
        lexicon
            .company_name_cues
            .iter()
            .any(|c| before.ends_with(lower_case(c).as_ref()))
    };
    // The clause the figure stands in starts after the last source phrase ("According to
    // Wireless Intelligence data, X has ...", past its comma) or verb of saying ("Telia
    // said X has ...") before it: neither the source nor the speaker has the figure.
    let sentence_start = article.sentences[sentence].start;
    let lower_before = text[sentence_start..start].to_lowercase();
    let last_cue = |cues: &[String]| {
        cues.iter()
            .filter_map(|c| {
                let c = lower_case(c);
                crate::text::find_words(&lower_before, &c).map(|at| at + c.len())
            })
            .max()
    };
    let after_source = last_cue(&lexicon.source_prepositions).and_then(|end| {
        lower_before[end..]
            .find(", ")
            .map(|comma| sentence_start + end + comma + 2)
    });
    let after_speech = last_cue(&lexicon.speech_verbs).map(|end| sentence_start + end);
    let clause_start = after_source.max(after_speech).unwrap_or(sentence_start);
    // A name that closes an apposition to an earlier name describes it ("Der
    // Kabelnetzbetreiber, bislang eine Tochter des Versorgers EVN, versorgt 140.000
    // Haushalte"): no subject of the clause after its comma. The relation patterns' test,
    // on the sentence masked once, and only for a name a comma follows.
    let masked = std::cell::OnceCell::new();
    let closes_apposition = |i: usize, m: &Mention| {
        text[m.end..start].trim_start().starts_with(',') && {
            let masked =
                masked.get_or_init(|| super::patterns::mask_sentence(article, sentence, mentions));
            super::patterns::mention_closes_apposition(masked, i, lexicon)
        }
    };
    let subject_from = |from: usize| {
        here.iter()
            .find(|(i, m)| {
                // An authority has no customers or revenue: it publishes the figures
                // ("selon les chiffres publiés par l'ART").
                m.start >= from
                    && m.end <= start
                    && !matches!(m.etype, EntityType::PublicBody | EntityType::Regulator)
                    && !deal_object(m)
                    && !closes_apposition(*i, m)
            })
            .map(|(i, _)| (*i, 0.65))
    };
    let subject = subject_from(clause_start).or_else(|| subject_from(sentence_start));
    if subject.is_some() {
        return subject;
    }
    // A pronoun subject ("Det er ..., som har 23 millioner kunder"): the first company of
    // the sentence before.
    let first_word = text[article.sentences[sentence].start..start]
        .split_whitespace()
        .next()
        .unwrap_or("")
        .to_lowercase();
    if sentence > 0 && lexicon.subject_pronouns.contains(&first_word) {
        return mentions
            .iter()
            .position(|m| {
                m.sentence == sentence - 1 && m.etype == EntityType::Company && is_actor(m)
            })
            .map(|i| (i, 0.55));
    }
    // A possessive and no organisation named in the sentence ("Son chiffre d'affaires
    // atteint 5,5 milliards d'euros", "Its revenue rose to ..."): the article's focus.
    // "Vi fekk 1800 nye fiberkundar, seier Helgheim": a first-person figure is the
    // speaker's organisation's, which need not be the focus.
    let span = article.sentences[sentence];
    let first_person = words(&text[span.start..span.end]).iter().any(|(_, w)| {
        // Case kept: "US" is a country, "us" and "Us" the pronoun.
        let mut chars = w.chars();
        let lower = chars.next().map_or(String::new(), |c| {
            c.to_lowercase().chain(chars).collect::<String>()
        });
        lexicon.speaker_pronouns.contains(&lower)
    });
    if here.is_empty() && !first_person {
        let before = text[article.sentences[sentence].start..start].to_lowercase();
        let possessive = lexicon
            .grammar
            .possessives
            .iter()
            .any(|p| crate::text::contains_words(&before, &p.to_lowercase()));
        let focus =
            super::focus_mention(mentions).filter(|&f| mentions[f].etype == EntityType::Company);
        if possessive {
            return focus.map(|f| (f, 0.5));
        }
        // A subject pronoun ("I 2015 omsette dei for 115 millionar") is the company named
        // last in the two sentences before.
        if company_figure
            && words(&before).iter().any(|(_, w)| {
                lexicon.subject_pronouns.iter().any(|p| p == w)
                    && !lexicon.articles.iter().any(|a| a == w)
            })
        {
            return mentions
                .iter()
                .enumerate()
                .rev()
                .find(|(_, m)| {
                    m.sentence < sentence
                        && sentence - m.sentence <= 2
                        && m.etype == EntityType::Company
                        && is_actor(m)
                })
                .map(|(i, _)| (i, 0.5));
        }
        // The focus named in the title or in one of the two sentences before.
        if company_figure {
            return focus
                .filter(|&f| {
                    mentions.iter().any(|m| {
                        m.reference == mentions[f].reference
                            && (m.sentence == 0
                                || (m.sentence < sentence && sentence - m.sentence <= 2))
                    })
                })
                .map(|f| (f, 0.45));
        }
    }
    None
}
