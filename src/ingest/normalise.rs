//! Decoding and normalisation of real input, before any other stage reads it: bytes to
//! text (UTF-8, UTF-16 with or without a byte-order mark, Windows-1252 for legacy files
//! and for the stray bytes of a UTF-8 file), then the text repaired and normalised the
//! way ftfy does (mojibake, curly quotes, line breaks, control characters, NFC; through
//! `plsfix`, its Rust port), and invisible characters removed. Offsets of later stages
//! count characters of the text this returns, which `telekg text` prints.

use crate::error::InputError;

/// Invisible characters that only break words apart: soft hyphen, zero-width space,
/// non-joiner and joiner, word joiner, and a byte-order mark inside the text.
const INVISIBLE: [char; 6] = [
    '\u{ad}', '\u{200b}', '\u{200c}', '\u{200d}', '\u{2060}', '\u{feff}',
];

/// Repairs and normalises a decoded text (`name` names it in notes): double-encoded
/// UTF-8 ("kjÃ¸per" -> "kjøper") repaired with a note, typographic apostrophes and
/// quotes made ASCII (so every lexicon entry matches them), CR, CR LF, U+2028, U+2029 and
/// U+0085 made line feeds, control characters dropped, NFC; then invisible characters
/// removed. Returns the text and the notes. Text with nothing for plsfix to repair (see
/// `needs_repair`) gets only the character maps.
pub fn normalise(name: &str, text: &str) -> (String, Vec<String>) {
    let mut notes = Vec::new();
    if !needs_repair(text) {
        // The common case, without plsfix's passes (they cost 7% of reading and
        // extracting on generated news): only the character maps it would apply.
        let out = text
            .replace("\r\n", "\n")
            .chars()
            .filter(|c| !INVISIBLE.contains(c))
            .map(|c| match c {
                '\r' | '\u{85}' | '\u{2028}' | '\u{2029}' => '\n',
                '\u{2018}' | '\u{2019}' | '\u{201a}' | '\u{201b}' | '\u{2bc}' => '\'',
                '\u{201c}' | '\u{201d}' | '\u{201e}' | '\u{201f}' => '"',
                c => c,
            })
            .collect();
        return (out, notes);
    }
    // NEXT LINE is a line break (ftfy would read it as a stray Windows-1252 "…").
    let text = text.replace('\u{85}', "\n");
    let fixed = plsfix::fix_text(&text, None);
    // plsfix 0.1.8 does not report the encoding steps it took, so the note counts the
    // marks mojibake leaves (the lead bytes of UTF-8 read as Windows-1252).
    let marks = |t: &str| t.matches(['Ã', 'Â']).count() + t.matches("â€").count();
    if marks(&fixed) < marks(&text) {
        notes.push(format!("{name}: double-encoded UTF-8 (mojibake) repaired"));
    }
    let mut out = fixed;
    if out.contains(INVISIBLE) {
        out.retain(|c| !INVISIBLE.contains(&c));
    }
    (out, notes)
}

/// Whether a text needs plsfix's repairs rather than the plain character maps: an HTML
/// entity, a control character other than line breaks and tabs, a combining mark, a
/// ligature or full-width form, or a pair that UTF-8 read as Windows-1252 leaves (a lead
/// byte's letter, U+00C2 to U+00F4, before a continuation byte's character).
fn needs_repair(text: &str) -> bool {
    let continuation =
        |c: char| matches!(c, '\u{80}'..='\u{bf}') || "€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ".contains(c);
    let mut previous = ' ';
    for c in text.chars() {
        let odd = match c {
            '&' => true,
            '\n' | '\t' | '\r' | '\u{85}' => false,
            c if c.is_control() => true,
            '\u{300}'..='\u{36f}' | '\u{fb00}'..='\u{fb06}' | '\u{ff00}'..='\u{ffef}' => true,
            c => matches!(previous, '\u{c2}'..='\u{f4}') && continuation(c),
        };
        if odd {
            return true;
        }
        previous = c;
    }
    false
}

/// The byte order of UTF-16 text without a byte-order mark, told by where its NUL bytes
/// stand: text in Latin script has a NUL in nearly every other byte, all on one side.
fn utf16_without_bom(bytes: &[u8]) -> Option<&'static encoding_rs::Encoding> {
    if bytes.len() < 4 || !bytes.len().is_multiple_of(2) {
        return None;
    }
    let pairs = bytes.len() / 2;
    let even = bytes.iter().step_by(2).filter(|&&b| b == 0).count();
    let odd = bytes.iter().skip(1).step_by(2).filter(|&&b| b == 0).count();
    let mostly = |n: usize| n * 10 >= pairs * 3;
    let hardly = |n: usize| n * 20 <= pairs;
    if mostly(odd) && hardly(even) {
        Some(encoding_rs::UTF_16LE)
    } else if mostly(even) && hardly(odd) {
        Some(encoding_rs::UTF_16BE)
    } else {
        None
    }
}

/// UTF-8 with the bytes that are not valid UTF-8 read as Windows-1252, each on its own;
/// returns the text and how many bytes were read so.
fn utf8_with_stray_bytes(bytes: &[u8]) -> (String, usize) {
    let mut out = String::with_capacity(bytes.len());
    let mut rest = bytes;
    let mut mapped = 0;
    loop {
        match std::str::from_utf8(rest) {
            Ok(s) => {
                out.push_str(s);
                return (out, mapped);
            }
            Err(e) => {
                let (good, bad) = rest.split_at(e.valid_up_to());
                out.push_str(std::str::from_utf8(good).unwrap_or_default());
                let n = e.error_len().unwrap_or(bad.len());
                let (text, _) = encoding_rs::WINDOWS_1252.decode_without_bom_handling(&bad[..n]);
                out.push_str(&text);
                mapped += n;
                rest = &bad[n..];
            }
        }
    }
}

/// Decodes bytes (`name` names them in errors and notes): UTF-8 (BOM stripped); UTF-16
/// with a byte-order mark, or without one when its NUL bytes say so (with a note);
/// UTF-8 with a few bytes that are not UTF-8, those bytes read as Windows-1252 (with a
/// note); Windows-1252 for a legacy file with no UTF-8 sequence at all (with a note).
/// Returns the text and the notes.
///
/// # Errors
/// [`InputError::Empty`] for blank input, [`InputError::Binary`] for binary data.
pub fn decode(name: &str, bytes: &[u8]) -> Result<(String, Vec<String>), InputError> {
    let mut notes = Vec::new();
    if bytes.iter().all(|b| b.is_ascii_whitespace()) {
        return Err(InputError::Empty { path: name.into() });
    }
    if let Some((encoding, _)) = encoding_rs::Encoding::for_bom(bytes) {
        let (text, _, had_errors) = encoding.decode(bytes);
        if had_errors {
            notes.push(format!(
                "{name}: invalid {} sequences replaced",
                encoding.name()
            ));
        }
        return Ok((text.into_owned(), notes));
    }
    if let Some(encoding) = utf16_without_bom(bytes) {
        let (text, had_errors) = encoding.decode_without_bom_handling(bytes);
        if !had_errors && !text.chars().any(|c| c.is_control() && !c.is_whitespace()) {
            notes.push(format!(
                "{name}: no byte-order mark; read as {} by where its NUL bytes stand",
                encoding.name()
            ));
            return Ok((text.into_owned(), notes));
        }
    }
    let nul = bytes.iter().filter(|&&b| b == 0).count();
    let control = bytes
        .iter()
        .filter(|&&b| b < 0x20 && !matches!(b, b'\n' | b'\r' | b'\t' | 0x0c))
        .count();
    if nul > 0 || control * 100 > bytes.len() {
        return Err(InputError::Binary {
            path: name.into(),
            reason: format!("{nul} NUL and {control} other control bytes; not UTF-16 either"),
        });
    }
    if let Ok(text) = std::str::from_utf8(bytes) {
        return Ok((text.to_string(), notes));
    }
    let (text, mapped) = utf8_with_stray_bytes(bytes);
    // Valid multi-byte sequences make it UTF-8 with a few stray bytes; none, a legacy file.
    let multibyte = bytes
        .utf8_chunks()
        .map(|c| c.valid().chars().filter(|c| !c.is_ascii()).count())
        .sum::<usize>();
    if multibyte > 0 {
        notes.push(format!(
            "{name}: invalid UTF-8: {mapped} byte(s) that are not UTF-8 read as Windows-1252"
        ));
        Ok((text, notes))
    } else {
        let (text, _, _) = encoding_rs::WINDOWS_1252.decode(bytes);
        notes.push(format!(
            "{name}: not UTF-8, decoded as Windows-1252 (Latin-1)"
        ));
        Ok((text.into_owned(), notes))
    }
}

/// The language of a BCP 47 tag (`nb-NO`, `no`, `nob`, `nn-NO`, `sv-FI`, `de-CH`,
/// `fr-BE`, `en-GB`): its primary language subtag, lower case, with the ISO 639-2/3 codes
/// of the covered languages and the macrolanguage `no` mapped to the two-letter codes
/// telekg uses (`no`, `nor`, `nob` -> `nb`). A POSIX locale's underscore (`nb_NO`) is
/// read as a hyphen. `None` for a tag that is not well-formed.
pub fn language_of_tag(tag: &str) -> Option<String> {
    let tag = tag.trim().replace('_', "-");
    let tag = oxilangtag::LanguageTag::parse(tag.as_str()).ok()?;
    let primary = tag.primary_language().to_ascii_lowercase();
    Some(
        match primary.as_str() {
            "no" | "nor" | "nob" => "nb",
            "nno" => "nn",
            "swe" => "sv",
            "dan" => "da",
            "fra" | "fre" => "fr",
            "eng" => "en",
            "deu" | "ger" => "de",
            other => other,
        }
        .to_string(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn language_tags_are_read_as_bcp_47() {
        for (tag, lang) in [
            ("nb-NO", "nb"),
            ("no", "nb"),
            ("nob", "nb"),
            ("NO-no", "nb"),
            ("nn-NO", "nn"),
            ("nno", "nn"),
            ("sv-FI", "sv"),
            ("de-CH", "de"),
            ("de-Latn-AT", "de"),
            ("fr-BE", "fr"),
            ("en-GB", "en"),
            ("da", "da"),
        ] {
            assert_eq!(language_of_tag(tag).as_deref(), Some(lang), "{tag}");
        }
        assert_eq!(language_of_tag("nb_NO").as_deref(), Some("nb"));
        assert_eq!(language_of_tag("nb--NO"), None);
        assert_eq!(language_of_tag(""), None);
    }

    #[test]
    fn text_is_repaired_and_normalised() {
        for (input, want) in [
            // Double-encoded UTF-8 in every covered language.
            ("Lyse kjÃ¸per Altibox", "Lyse kjøper Altibox"),
            ("Telia fÃ¶rvÃ¤rvar Bredband2", "Telia förvärvar Bredband2"),
            ("TDC kÃ¸ber Ã†ldre", "TDC køber Ældre"),
            (
                "Iliad rachÃ¨te Jazztel pour 3,4 milliards dâ€™euros",
                "Iliad rachète Jazztel pour 3,4 milliards d'euros",
            ),
            (
                "Vodafone Ã¼bernimmt Kabel Deutschland",
                "Vodafone übernimmt Kabel Deutschland",
            ),
            // Typographic apostrophes and quotes.
            ("Telenor’s “Fri Surf”", "Telenor's \"Fri Surf\""),
            ("l’opérateur", "l'opérateur"),
            // Line breaks of every kind.
            ("Tittel\rFørste setning.", "Tittel\nFørste setning."),
            ("Tittel\r\nFørste setning.", "Tittel\nFørste setning."),
            ("Tittel\u{2028}Første setning.", "Tittel\nFørste setning."),
            ("Tittel\u{85}Første setning.", "Tittel\nFørste setning."),
            // Invisible characters inside words.
            ("Tele\u{ad}nor kjø\u{200b}per", "Telenor kjøper"),
            ("Tele\u{2060}nor", "Telenor"),
            // Text that is right stays as it is.
            ("Ørsted og Œuvre – «sitat»", "Ørsted og Œuvre – «sitat»"),
            ("Straße, Ærø, Åland, façade", "Straße, Ærø, Åland, façade"),
        ] {
            assert_eq!(normalise("t", input).0, want, "{input:?}");
        }
        assert_eq!(normalise("t", "Lyse kjÃ¸per").1.len(), 1, "a note says so");
        assert!(normalise("t", "Lyse kjøper").1.is_empty());
    }

    /// The character maps of the common case give what plsfix gives.
    #[test]
    fn the_fast_path_agrees_with_plsfix() {
        for text in [
            "Telenor’s “Fri Surf” – «sitat» ‚so‘ „so“ ‘so’\r\nNeste linje\rog\u{2028}så\u{2029}slutt.",
            "Ørsted, Ærø, Åland, façade, Straße, Œuvre; 3 % av 1 000 kr.",
            "L’Arcep a mis en demeure Free : « 25 % du territoire ».",
            "Die Telekom übernimmt „T-Mobile“ – sagt der Vorstand.",
            "Masten på 5′ og 10″ står i ʼNordʼ‛s nett.",
        ] {
            assert!(!needs_repair(text), "{text:?}");
            let mut slow = plsfix::fix_text(text, None);
            slow.retain(|c| !INVISIBLE.contains(&c));
            assert_eq!(normalise("t", text).0, slow, "{text:?}");
        }
        for text in [
            "kjÃ¸per",
            "AT&amp;T",
            "e\u{301}",
            "ﬁbre",
            "Ｔｅｌｉａ",
            "a\u{7}b",
        ] {
            assert!(needs_repair(text), "{text:?}");
        }
    }

    #[test]
    fn bytes_are_decoded_whatever_their_encoding() {
        let text = "Telia Norge lanserer «Fri Surf» på nett for 99 kroner.";
        // UTF-8 with a few Windows-1252 bytes: only those are mapped.
        let mut mixed = "Telia Norge lanserer ".as_bytes().to_vec();
        mixed.push(0x93);
        mixed.extend_from_slice("Fri Surf".as_bytes());
        mixed.push(0x94);
        mixed.extend_from_slice(" på nett.".as_bytes());
        let (got, notes) = decode("t", &mixed).unwrap();
        assert_eq!(
            got,
            "Telia Norge lanserer \u{201c}Fri Surf\u{201d} på nett."
        );
        assert!(notes[0].contains("2 byte(s)"), "{notes:?}");
        // A legacy file: Windows-1252 throughout.
        let (legacy, _, _) = encoding_rs::WINDOWS_1252.encode(text);
        assert_eq!(decode("t", &legacy).unwrap().0, text);
        // UTF-16 both ways, with and without a byte-order mark.
        let le: Vec<u8> = text.encode_utf16().flat_map(u16::to_le_bytes).collect();
        let be: Vec<u8> = text.encode_utf16().flat_map(u16::to_be_bytes).collect();
        for bytes in [&le, &be] {
            let (got, notes) = decode("t", bytes).unwrap();
            assert_eq!(got, text);
            assert!(notes[0].contains("no byte-order mark"), "{notes:?}");
        }
        let mut with_bom = vec![0xff, 0xfe];
        with_bom.extend_from_slice(&le);
        assert_eq!(decode("t", &with_bom).unwrap(), (text.to_string(), vec![]));
        // Binary data is still refused.
        assert!(matches!(
            decode("t", &[0, 1, 2, 3, 0, 255, 254, 0, 7, 8]),
            Err(InputError::Binary { .. })
        ));
    }
}
