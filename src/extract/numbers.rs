//! Number expressions in every supported language: "8,7 millioner svenske kroner",
//! "vel en million", "£1.2bn", "$38.4 million", "2,5 milliards d'euros", "450.000",
//! "1 234,5", "rund 3 Millionen". Values in full units; currency as ISO 4217, or
//! `LOCAL` for a bare krone resolved by the article's country.

use super::alternation;
use crate::knowledge::{Knowledge, Lexicon};
use foldhash::HashMap;
use regex::Regex;
use std::sync::OnceLock;

#[derive(Debug, Clone, PartialEq)]
pub struct Quantity {
    /// Byte offsets within the text searched.
    pub start: usize,
    pub end: usize,
    pub value: f64,
    pub currency: Option<String>,
    pub percent: bool,
    /// A scale word or symbol was present ("millioner", "bn").
    pub scaled: bool,
}

struct NumberGrammar {
    regex: Regex,
    /// "mnok" -> ("NOK", 1e6).
    scaled_codes: HashMap<String, (String, f64)>,
    scales: HashMap<String, f64>,
    words: HashMap<String, f64>,
    currencies: HashMap<String, String>,
    decimal: char,
}

fn grammar(lexicon: &Lexicon) -> &'static NumberGrammar {
    static ALL: OnceLock<HashMap<String, NumberGrammar>> = OnceLock::new();
    let all = ALL.get_or_init(|| {
        let k = Knowledge::global();
        k.lexicons
            .iter()
            .map(|l| (l.code.clone(), build(l, k)))
            .collect()
    });
    &all[&lexicon.code]
}

fn build(lexicon: &Lexicon, knowledge: &Knowledge) -> NumberGrammar {
    let lower = |m: &std::collections::BTreeMap<String, f64>| -> HashMap<String, f64> {
        m.iter().map(|(k, v)| (k.to_lowercase(), *v)).collect()
    };
    let scales = lower(&lexicon.numbers.scales);
    let words = lower(&lexicon.numbers.words);
    let mut currencies: HashMap<String, String> = lexicon
        .currencies
        .iter()
        .map(|(k, v)| (k.to_lowercase(), v.clone()))
        .collect();
    for (k, v) in &knowledge.common.currency_symbols {
        currencies.insert(k.to_lowercase(), v.clone());
    }
    // "milliard d’euros": typographic apostrophes as the lexicon's ASCII ones.
    let typographic: Vec<(String, String)> = currencies
        .iter()
        .filter(|(k, _)| k.contains('\''))
        .map(|(k, v)| (k.replace('\'', "’"), v.clone()))
        .collect();
    currencies.extend(typographic);
    let scaled_codes: HashMap<String, (String, f64)> = knowledge
        .common
        .scaled_currencies
        .iter()
        .map(|(k, v)| (k.to_lowercase(), v.clone()))
        .collect();
    let scale_alt = alternation(scales.keys());
    let word_alt = alternation(words.keys());
    let currency_alt = alternation(currencies.keys().chain(scaled_codes.keys()));
    let symbols = alternation(
        knowledge
            .common
            .currency_symbols
            .keys()
            .filter(|k| k.chars().count() == 1),
    );
    // Codes and abbreviations before the amount ("NOK 27.6 billion", "NOK27.6bn", "SEK
    // 1.2m", "kr 3,5 mrd."), matched with their case: "nok" is a Norwegian word.
    let codes = alternation(
        knowledge
            .common
            .currency_symbols
            .keys()
            .filter(|k| k.chars().count() > 1)
            .chain(
                lexicon
                    .currencies
                    .keys()
                    .filter(|k| matches!(k.as_str(), "kr" | "kr." | "Kr" | "Kr.")),
            ),
    );
    let source = format!(
        r"(?i)(?:(?P<sym>{symbols}) ?|(?-i:(?P<code>{codes}))(?: |\u{{a0}})?)?(?:(?P<lp>\()?(?P<num>\d{{1,3}}(?:[ .,\n'’]\d{{3}})+(?:[.,]\d+)?|\d+(?:[.,]\d+)?)(?P<rp>\))?(?:[ -]?(?P<scale>{scale_alt})\.?)?|(?P<w1>{word_alt})(?: (?P<w2>{word_alt}))?(?: |-)[ -]?(?P<wscale>{scale_alt})\.?)(?: (?P<cur>{currency_alt}))?(?P<pct> ?(?:%|prosent|procent|percent|per cent|pour cent|Prozent))?"
    );
    NumberGrammar {
        regex: Regex::new(&source).expect("number grammar"),
        scaled_codes,
        scales,
        words,
        currencies,
        decimal: lexicon.numbers.decimal.chars().next().unwrap_or('.'),
    }
}

/// Parses digits with the language's separators; a separator before exactly three digits
/// (and not the decimal mark, or repeated) groups thousands.
///
/// ```
/// use telekg::extract::numbers::parse_digits;
/// assert_eq!(parse_digits("450.000", ','), Some(450_000.0));
/// assert_eq!(parse_digits("8,7", ','), Some(8.7));
/// assert_eq!(parse_digits("1 234,5", ','), Some(1234.5));
/// assert_eq!(parse_digits("38.4", '.'), Some(38.4));
/// assert_eq!(parse_digits("1,500,000", '.'), Some(1_500_000.0));
/// assert_eq!(parse_digits("4\n188 400", ','), Some(4_188_400.0));
/// assert_eq!(parse_digits("11'100", ','), Some(11_100.0));
/// ```
pub fn parse_digits(s: &str, decimal: char) -> Option<f64> {
    // A line break inside a grouped number is the wrapped space of old wire copy ("4
    // 188 400"); it only ever separates thousands.
    let unwrapped;
    let s = if s.contains('\n') {
        if !s.contains(' ') {
            return None;
        }
        unwrapped = s.replace('\n', " ");
        unwrapped.as_str()
    } else {
        s
    };
    // Swiss grouping: "11'100" is 11 100.
    let swiss;
    let s = if s.contains(['\'', '’']) {
        swiss = s.replace(['\'', '’'], " ");
        swiss.as_str()
    } else {
        s
    };
    let groups: Vec<&str> = s.split([' ', '.', ',']).collect();
    let seps: Vec<char> = s.chars().filter(|c| matches!(c, ' ' | '.' | ',')).collect();
    if seps.is_empty() {
        return s.parse().ok();
    }
    let last_sep = *seps.last()?;
    let last_group = groups.last()?;
    let thousands_only = seps.len() > 1
        && seps.iter().all(|&c| c == seps[0])
        && last_group.len() == 3
        && groups[1..].iter().all(|g| g.len() == 3);
    let last_is_decimal =
        !thousands_only && (last_sep == decimal || last_group.len() != 3) && last_sep != ' ';
    let mut out = String::new();
    for (i, g) in groups.iter().enumerate() {
        if i == groups.len() - 1 && last_is_decimal && i > 0 {
            out.push('.');
        }
        out.push_str(g);
    }
    out.parse().ok()
}

/// Finds the number expressions of a text.
pub fn find_quantities(text: &str, lexicon: &Lexicon) -> Vec<Quantity> {
    let g = grammar(lexicon);
    let mut out = Vec::new();
    for caps in g.regex.captures_iter(text) {
        let whole = caps.get(0).expect("match");
        // Inside a word or a longer number: not a quantity of its own.
        if text[..whole.start()]
            .chars()
            .next_back()
            .is_some_and(|c| c.is_alphanumeric())
        {
            continue;
        }
        // Number words only count before a scale ("en million", "une demi"): their branch
        // of the grammar has its own, required, so that the article "en" is no match.
        let scale_match = caps.name("scale").or_else(|| caps.name("wscale"));
        let scale_word = scale_match.map(|m| m.as_str().to_lowercase());
        let scale = scale_word.as_ref().and_then(|s| g.scales.get(s)).copied();
        let mut end = whole.end();
        // A scale or currency word must end at a word boundary ("m" is not "mars").
        let boundary = |pos: usize| {
            !text[pos..]
                .chars()
                .next()
                .is_some_and(|c| c.is_alphanumeric())
        };
        let value = if let Some(num) = caps.name("num") {
            let Some(v) = parse_digits(num.as_str(), g.decimal) else {
                continue;
            };
            // Digits glued to letters name a thing, no amount ("5G", "4G-nett", "800MHz"),
            // unless the glued word is a scale, a currency or a scaled code ("74m", "12kr",
            // "1,2Mdkr").
            if text[num.end()..].starts_with(char::is_alphabetic) {
                let glued = text[num.end()..]
                    .split(|c: char| !c.is_alphabetic())
                    .next()
                    .unwrap_or("")
                    .to_lowercase();
                if !(g.scales.contains_key(&glued)
                    || g.currencies.contains_key(&glued)
                    || g.scaled_codes.contains_key(&glued))
                {
                    continue;
                }
            }
            // A sign right before the number, or before its currency ("-12 miljoner",
            // "−1,2", "minus 12"); not the hyphen of a range ("5-6 millioner").
            let signed = |at: usize| {
                let before = text[..at].trim_end_matches(' ');
                // "minus" and the character before it: the last few characters suffice.
                let lower = crate::text::last_chars(before, 8).to_lowercase();
                (lower.ends_with("minus")
                    && !lower[..lower.len() - 5]
                        .chars()
                        .next_back()
                        .is_some_and(char::is_alphanumeric))
                    || before.strip_suffix(['-', '−', '–']).is_some_and(|rest| {
                        !rest.chars().next_back().is_some_and(char::is_alphanumeric)
                    })
            };
            // Accounting brackets with a currency or a scale: "NOK (1.2) billion".
            let bracketed = caps.name("lp").is_some() && caps.name("rp").is_some();
            let negative = signed(num.start())
                || signed(whole.start())
                || (bracketed
                    && (caps.name("sym").is_some()
                        || caps.name("code").is_some()
                        || scale_match.is_some()));
            // A bare bracketed figure is the comparison period's ("EUR 539 million (513)").
            if bracketed && !negative {
                continue;
            }
            if negative {
                -v
            } else {
                v
            }
        } else {
            let Some(_) = scale else { continue };
            let w1 = caps
                .name("w1")
                .map(|m| m.as_str().to_lowercase())
                .unwrap_or_default();
            let mut v = g.words.get(&w1).copied().unwrap_or(1.0);
            if let Some(w2) = caps.name("w2") {
                v *= g
                    .words
                    .get(&w2.as_str().to_lowercase())
                    .copied()
                    .unwrap_or(1.0);
            }
            v
        };
        // A code before the amount must stand apart from the word before it ("SEK", not
        // the end of "PSEK").
        if let Some(code) = caps.name("code") {
            if text[..code.start()]
                .chars()
                .next_back()
                .is_some_and(|c| c.is_alphanumeric())
            {
                continue;
            }
        }
        let mut currency = caps
            .name("sym")
            .or_else(|| caps.name("code"))
            .map(|m| m.as_str().to_lowercase());
        if let Some(cur) = caps.name("cur") {
            if boundary(cur.end())
                || !cur
                    .as_str()
                    .chars()
                    .last()
                    .is_some_and(|c| c.is_alphanumeric())
            {
                currency = Some(cur.as_str().to_lowercase());
            } else {
                end = cur.start().saturating_sub(1);
            }
        }
        let mut scaled = scale.is_some();
        let mut value = value;
        if let (Some(s), Some(sw)) = (scale, scale_match) {
            if boundary(sw.end()) || text[sw.end()..].starts_with('.') {
                value *= s;
            } else {
                scaled = false;
                end = sw.start();
            }
        }
        if caps.name("num").is_none() && !scaled {
            continue;
        }
        // "1,8 Mdkr": a scaled code the scale words took a part of ("Md", "M").
        if currency.is_none() && !scaled {
            if let Some(num) = caps.name("num") {
                let rest = &text[num.end()..];
                let rest = rest.strip_prefix(' ').unwrap_or(rest);
                let lower = rest
                    .chars()
                    .take_while(|c| c.is_alphanumeric() || *c == ' ')
                    .take(8)
                    .collect::<String>()
                    .to_lowercase();
                if let Some(code) = g
                    .scaled_codes
                    .keys()
                    .filter(|c| {
                        lower.starts_with(c.as_str())
                            && !lower[c.len()..].starts_with(|ch: char| ch.is_alphanumeric())
                    })
                    .max_by_key(|c| c.len())
                {
                    end = text.len() - rest.len() + code.len();
                    currency = Some(code.clone());
                }
            }
        }
        // "650 MNOK": the code carries the scale.
        let currency = match currency.as_ref().and_then(|c| g.scaled_codes.get(c)) {
            Some((code, multiplier)) if !scaled => {
                value *= multiplier;
                scaled = true;
                Some(code.clone())
            }
            _ => currency.and_then(|c| g.currencies.get(&c).cloned()),
        };
        let end = end.max(whole.start() + 1).min(text.len());
        let end = (0..=end)
            .rev()
            .find(|&i| text.is_char_boundary(i))
            .unwrap_or(end);
        out.push(Quantity {
            start: whole.start(),
            end: text[..end].trim_end().len(),
            value,
            currency,
            percent: caps.name("pct").is_some(),
            scaled,
        });
    }
    out
}

/// Renders a value as an `xsd:decimal` lexical form (no exponent, no float noise).
///
/// ```
/// use telekg::extract::numbers::decimal_lexical;
/// assert_eq!(decimal_lexical(8.7 * 1e6), "8700000");
/// assert_eq!(decimal_lexical(-8_700_000.0), "-8700000");
/// assert_eq!(decimal_lexical(1234.5), "1234.5");
/// ```
pub fn decimal_lexical(value: f64) -> String {
    if value.fract().abs() < 1e-6 || value.abs() >= 1e4 {
        format!("{:.0}", value.round())
    } else {
        let s = format!("{value:.6}");
        s.trim_end_matches('0').trim_end_matches('.').to_string()
    }
}
