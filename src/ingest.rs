//! Ingest stage: inputs -> decoded, cleaned articles with a language and sentences.
//!
//! Inputs are files, folders (walked recursively, sorted for a stable order) or `-` for
//! standard input. A file is plain text / Markdown (first line is the title), an HTML page
//! (markup stripped), or JSON Lines (one article per line). Bytes are UTF-8, or legacy
//! Windows-1252 / Latin-1, detected per file. Every problem is an [`InputError`] naming
//! the input, so one bad article never stops the others.

mod html;
mod language;
mod normalise;

use crate::error::InputError;
use crate::knowledge::Knowledge;
pub use html::{html_to_text, WebPage};
pub use language::detect_language;
pub use normalise::{decode, language_of_tag, normalise};
use serde::Deserialize;
use std::io::Read;
use std::path::{Path, PathBuf};
use unicode_segmentation::UnicodeSegmentation;

/// Largest article accepted by default; longer inputs are almost always dumps, not news.
pub const DEFAULT_MAX_ARTICLE_BYTES: u64 = 8 * 1024 * 1024;

/// One sentence of an article, as byte offsets into [`Article::text`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Sentence {
    pub start: usize,
    pub end: usize,
}

/// A decoded article ready for extraction.
#[derive(Debug, Clone)]
pub struct Article {
    /// Stable identifier: the JSON Lines id or the file stem.
    pub id: String,
    /// Where it came from (path, path:line, or "<stdin>").
    pub source: String,
    pub title: String,
    /// What sentences index: the decoded file (text, Markdown), the JSON `text`, or the
    /// HTML title line and extracted text. Character offsets in the graph count in it.
    pub text: String,
    pub date: Option<String>,
    pub url: Option<String>,
    /// ISO 639-1 code of one supported language.
    pub lang: String,
    /// Empty until [`split_into_sentences`] (after [`describe`]; [`prepare`] does both).
    pub sentences: Vec<Sentence>,
    /// BLAKE3 of the text, hex: identifies the content for incremental builds.
    pub content_hash: String,
    /// Non-fatal observations (legacy encoding, replaced bytes) to show the user.
    pub notes: Vec<String>,
}

impl Article {
    pub fn sentence_text(&self, index: usize) -> &str {
        let s = self.sentences[index];
        &self.text[s.start..s.end]
    }
}

/// An input as named on the command line, expanded.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum InputFile {
    Path(PathBuf),
    Stdin,
}

impl InputFile {
    pub fn display(&self) -> String {
        match self {
            InputFile::Path(p) => p.display().to_string(),
            InputFile::Stdin => "<stdin>".to_string(),
        }
    }
}

/// Options of the ingest stage.
#[derive(Debug, Clone)]
pub struct IngestOptions {
    /// Language forced for every article (`--lang`); detected when absent.
    pub lang: Option<String>,
    pub max_article_bytes: u64,
}

impl Default for IngestOptions {
    fn default() -> Self {
        IngestOptions {
            lang: None,
            max_article_bytes: DEFAULT_MAX_ARTICLE_BYTES,
        }
    }
}

const ARTICLE_EXTENSIONS: &[&str] = &["txt", "md", "markdown", "html", "htm", "jsonl", "ndjson"];

/// Expands command-line inputs: folders recursively (only article-like files), in sorted
/// order. A missing path is an error for that input only.
pub fn expand_inputs(inputs: &[String]) -> Vec<Result<InputFile, InputError>> {
    let mut out = Vec::new();
    for input in inputs {
        if input == "-" {
            out.push(Ok(InputFile::Stdin));
            continue;
        }
        let path = PathBuf::from(input);
        if path.is_dir() {
            let mut files = Vec::new();
            walk(&path, &mut files, &mut out);
            files.sort();
            out.extend(files.into_iter().map(|p| Ok(InputFile::Path(p))));
        } else if path.exists() {
            out.push(Ok(InputFile::Path(path)));
        } else {
            out.push(Err(InputError::Missing {
                path: input.clone(),
            }));
        }
    }
    out
}

fn walk(dir: &Path, files: &mut Vec<PathBuf>, errors: &mut Vec<Result<InputFile, InputError>>) {
    let entries = match std::fs::read_dir(dir) {
        Ok(e) => e,
        Err(source) => {
            errors.push(Err(InputError::Read {
                path: dir.display().to_string(),
                source,
            }));
            return;
        }
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            walk(&path, files, errors);
        } else if path
            .extension()
            .and_then(|e| e.to_str())
            .is_some_and(|e| ARTICLE_EXTENSIONS.contains(&e.to_ascii_lowercase().as_str()))
        {
            files.push(path);
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Format {
    Text,
    Html,
    JsonLines,
}

fn guess_format(name: &str, text: &str) -> Format {
    let lower = name.to_ascii_lowercase();
    if lower.ends_with(".jsonl") || lower.ends_with(".ndjson") {
        return Format::JsonLines;
    }
    if lower.ends_with(".html") || lower.ends_with(".htm") {
        return Format::Html;
    }
    let head: String = text.trim_start().chars().take(200).collect::<String>();
    let head = head.to_ascii_lowercase();
    if head.starts_with("<!doctype html") || head.starts_with("<html") {
        return Format::Html;
    }
    if head.starts_with('{')
        && text
            .lines()
            .next()
            .is_some_and(|l| l.trim_end().ends_with('}'))
    {
        return Format::JsonLines;
    }
    Format::Text
}

/// Reads one input into its articles. A JSON Lines file yields one result per line.
pub fn load(input: &InputFile, options: &IngestOptions) -> Vec<Result<Article, InputError>> {
    let mut all = Vec::new();
    read_batches(input, options, usize::MAX, &mut |batch| all.extend(batch));
    all.into_iter().map(|r| r.and_then(prepare)).collect()
}

/// Reads one input and hands its articles, as read but not yet prepared (see
/// [`prepare`]), to `each` in batches of at most `batch`. A JSON Lines file on disk is
/// read line by line, so an archive of any size is never held whole.
pub fn read_batches<'a>(
    input: &InputFile,
    options: &'a IngestOptions,
    batch: usize,
    each: &mut dyn FnMut(Vec<Result<RawArticle<'a>, InputError>>),
) {
    let name = input.display();
    if let InputFile::Path(path) = input {
        if guess_format(&name, "") == Format::JsonLines {
            return stream_json_lines(path, &name, options, batch, each);
        }
    }
    let bytes = match read_bytes(input, options) {
        Ok(b) => b,
        Err(e) => return each(vec![Err(e)]),
    };
    let (text, notes) = match decode(&name, &bytes) {
        Ok(t) => t,
        Err(e) => return each(vec![Err(e)]),
    };
    let stem = match input {
        InputFile::Path(p) => p
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_else(|| "article".into()),
        InputFile::Stdin => "stdin".into(),
    };
    match guess_format(&name, &text) {
        Format::JsonLines => {
            let mut out = Vec::new();
            for (index, line) in text.lines().enumerate() {
                out.extend(json_line(&name, index + 1, line, Vec::new(), options));
            }
            if out.is_empty() {
                out.push(Err(InputError::Empty { path: name }));
            }
            each(out)
        }
        format => {
            if text.len() as u64 > options.max_article_bytes {
                return each(vec![Err(InputError::TooLarge {
                    path: name,
                    size: text.len() as u64,
                    limit: options.max_article_bytes,
                })]);
            }
            let mut notes = notes;
            let mut page = WebPage::default();
            let text = if format == Format::Html {
                page = html::read_page(&text);
                format!("{}\n{}", page.title, page.body)
            } else {
                text
            };
            let (text, fixed) = normalise(&name, &text);
            notes.extend(fixed);
            let title = first_line_title(&text);
            // A page's own language is a hint: it decides between close languages the
            // detector may confuse (a page in nynorsk read as bokmål), never across them
            // (a template's lang="en" on a Norwegian page).
            let declared = page
                .lang
                .as_deref()
                .and_then(language_of_tag)
                .filter(|l| Knowledge::global().lexicon(l).is_some());
            each(vec![Ok(RawArticle {
                id: stem,
                source: name,
                title,
                text,
                date: page.date,
                url: page.url,
                declared_lang: declared,
                lang: None,
                notes,
                options,
            })])
        }
    }
}

/// A JSON Lines file, line by line. Lines are UTF-8 as JSON requires; a line that is not
/// is decoded like a legacy file, with a note. Binary data stops the file.
fn stream_json_lines<'a>(
    path: &Path,
    name: &str,
    options: &'a IngestOptions,
    batch: usize,
    each: &mut dyn FnMut(Vec<Result<RawArticle<'a>, InputError>>),
) {
    use std::io::BufRead;
    let read_error = |source| InputError::Read {
        path: name.to_string(),
        source,
    };
    let file = match std::fs::File::open(path) {
        Ok(f) => f,
        Err(e) => return each(vec![Err(read_error(e))]),
    };
    let mut reader = std::io::BufReader::with_capacity(1 << 20, file);
    let (mut out, mut buf, mut line_no, mut any) = (Vec::new(), Vec::new(), 0, false);
    loop {
        buf.clear();
        match reader.read_until(b'\n', &mut buf) {
            Ok(0) => break,
            Ok(_) => {}
            Err(e) => {
                out.push(Err(read_error(e)));
                break;
            }
        }
        line_no += 1;
        let mut bytes = buf.as_slice();
        if line_no == 1 {
            bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
        }
        let (line, notes) = match std::str::from_utf8(bytes) {
            Ok(s) => (std::borrow::Cow::Borrowed(s), Vec::new()),
            Err(_) if bytes.iter().all(|b| b.is_ascii_whitespace()) => continue,
            Err(_) => match decode(&format!("{name}:{line_no}"), bytes) {
                Ok((text, notes)) => (std::borrow::Cow::Owned(text), notes),
                Err(e) => {
                    let binary = matches!(e, InputError::Binary { .. });
                    out.push(Err(e));
                    if binary {
                        break;
                    }
                    continue;
                }
            },
        };
        if let Some(r) = json_line(name, line_no, &line, notes, options) {
            any = true;
            out.push(r);
        }
        if out.len() >= batch {
            each(std::mem::take(&mut out));
        }
    }
    if !any && out.is_empty() {
        out.push(Err(InputError::Empty {
            path: name.to_string(),
        }));
    }
    if !out.is_empty() {
        each(out);
    }
}

fn read_bytes(input: &InputFile, options: &IngestOptions) -> Result<Vec<u8>, InputError> {
    let name = input.display();
    match input {
        InputFile::Stdin => {
            let mut buf = Vec::new();
            std::io::stdin()
                .read_to_end(&mut buf)
                .map_err(|source| InputError::Read { path: name, source })?;
            Ok(buf)
        }
        InputFile::Path(path) => {
            let meta = std::fs::metadata(path).map_err(|source| InputError::Read {
                path: name.clone(),
                source,
            })?;
            let is_jsonl = guess_format(&name, "") == Format::JsonLines;
            // JSON Lines files hold many articles; the limit applies per line there.
            if !is_jsonl && meta.len() > options.max_article_bytes.saturating_mul(4) {
                return Err(InputError::TooLarge {
                    path: name,
                    size: meta.len(),
                    limit: options.max_article_bytes,
                });
            }
            std::fs::read(path).map_err(|source| InputError::Read { path: name, source })
        }
    }
}

/// The first non-empty line, Markdown heading marks dropped.
fn first_line_title(text: &str) -> String {
    text.lines()
        .map(|l| l.trim().trim_start_matches('#').trim())
        .find(|l| !l.is_empty())
        .unwrap_or("")
        .to_string()
}

#[derive(Debug, Deserialize)]
struct JsonArticle {
    #[serde(default)]
    id: Option<serde_json::Value>,
    #[serde(default)]
    title: Option<String>,
    text: String,
    #[serde(default)]
    date: Option<String>,
    #[serde(default)]
    url: Option<String>,
    #[serde(default)]
    lang: Option<String>,
}

/// One line of a JSON Lines file; `None` for a blank line.
fn json_line<'a>(
    name: &str,
    line_no: usize,
    line: &str,
    notes: Vec<String>,
    options: &'a IngestOptions,
) -> Option<Result<RawArticle<'a>, InputError>> {
    let line = line.trim_end_matches(['\n', '\r']);
    if line.trim().is_empty() {
        return None;
    }
    let source = format!("{name}:{line_no}");
    if line.len() as u64 > options.max_article_bytes {
        return Some(Err(InputError::TooLarge {
            path: source,
            size: line.len() as u64,
            limit: options.max_article_bytes,
        }));
    }
    let record: JsonArticle = match serde_json::from_str(line) {
        Ok(r) => r,
        Err(e) => {
            return Some(Err(InputError::JsonLine {
                path: name.into(),
                line: line_no,
                message: e.to_string(),
            }))
        }
    };
    let id = match record.id {
        Some(serde_json::Value::String(s)) => s,
        Some(v) => v.to_string(),
        None => format!(
            "{}-{line_no}",
            Path::new(name)
                .file_stem()
                .map(|s| s.to_string_lossy().into_owned())
                .unwrap_or_default()
        ),
    };
    let mut notes = notes;
    let (text, fixed) = normalise(&source, &record.text);
    notes.extend(fixed);
    let title = match record.title {
        Some(title) => normalise(&source, &title).0,
        None => first_line_title(&text),
    };
    Some(Ok(RawArticle {
        id,
        source,
        title,
        text,
        date: record.date,
        url: record.url,
        lang: record.lang,
        declared_lang: None,
        notes,
        options,
    }))
}

/// An article as read from its input, before [`prepare`] cleans it, detects its language
/// and splits it into sentences.
#[derive(Debug)]
pub struct RawArticle<'a> {
    id: String,
    source: String,
    title: String,
    /// What sentences and offsets index: the file as decoded, the JSON `text`, or the
    /// HTML page's title line and text.
    text: String,
    date: Option<String>,
    url: Option<String>,
    lang: Option<String>,
    /// The language a web page declares (`<html lang>`), a lexicon's code: a hint between
    /// close languages, where `lang` is an order.
    declared_lang: Option<String>,
    notes: Vec<String>,
    options: &'a IngestOptions,
}

/// An article from text in memory, read like a plain-text file (the first line is the
/// title), in the given language or the detected one.
///
/// # Errors
/// [`InputError::Empty`] for blank text, [`InputError::Language`] for a language without
/// a lexicon; `id` names the article in both.
pub fn article_from_text(id: &str, text: &str, lang: Option<&str>) -> Result<Article, InputError> {
    let options = IngestOptions {
        lang: lang.map(String::from),
        ..Default::default()
    };
    let (text, notes) = normalise(id, text);
    prepare(RawArticle {
        id: id.to_string(),
        source: id.to_string(),
        title: first_line_title(&text),
        text,
        date: None,
        url: None,
        lang: None,
        declared_lang: None,
        notes,
        options: &options,
    })
}

/// Cleans a read article, detects its language and splits it into sentences: the costly
/// part of reading, run in parallel by the pipeline.
pub fn prepare(raw: RawArticle) -> Result<Article, InputError> {
    describe(raw).map(split_into_sentences)
}

/// [`prepare`] without the sentences: enough to know the article (its cache key), which
/// is all an incremental build needs of an article it has extracted before.
pub fn describe(raw: RawArticle) -> Result<Article, InputError> {
    let title = clean_text(&raw.title).trim().to_string();
    let text = clean_text(&raw.text);
    if text.trim().is_empty() {
        return Err(InputError::Empty { path: raw.source });
    }
    let knowledge = Knowledge::global();
    let forced = raw.options.lang.clone().or(raw
        .lang
        .map(|l| normalise::language_of_tag(&l).unwrap_or(l)));
    let lang = match forced {
        Some(l) if knowledge.lexicon(&l).is_some() => l,
        Some(l) => {
            return Err(InputError::Language {
                path: raw.source,
                lang: l,
            })
        }
        None => {
            let detected = detect_language(&text, knowledge);
            match raw.declared_lang {
                Some(declared)
                    if declared != detected
                        && knowledge.common.confusable_languages.iter().any(|group| {
                            group.contains(&declared) && group.contains(&detected)
                        }) =>
                {
                    declared
                }
                _ => detected,
            }
        }
    };
    Ok(Article {
        id: raw.id,
        source: raw.source,
        title,
        content_hash: blake3::hash(text.as_bytes()).to_hex().to_string(),
        text,
        date: raw.date,
        url: raw.url,
        lang,
        sentences: Vec::new(),
        notes: raw.notes,
    })
}

/// Splits a described article into its sentences, with its language's abbreviations.
pub fn split_into_sentences(mut article: Article) -> Article {
    let lexicon = Knowledge::global().lexicon(&article.lang);
    let abbreviations = lexicon.map(|l| &l.abbreviations[..]).unwrap_or(&[]);
    let finals = lexicon
        .map(|l| &l.sentence_final_abbreviations[..])
        .unwrap_or(&[]);
    article.sentences = split_sentences_with(&article.text, abbreviations, finals);
    article
}

/// Normalises white space one character for one (NBSP, tabs, CR and other control
/// characters become spaces), so character offsets still index the source text.
fn clean_text(text: &str) -> String {
    text.chars()
        .map(|c| match c {
            '\n' => '\n',
            '\u{a0}' | '\u{2007}' | '\u{202f}' | '\u{2009}' | '\u{feff}' | '\u{200b}' => ' ',
            c if c.is_control() => ' ',
            c => c,
        })
        .collect()
}

/// Splits into sentences with byte offsets: every line on its own, each line by Unicode
/// sentence boundaries (UAX #29), re-joined after abbreviations and initials ("M.", "bl.a.").
pub fn split_sentences(text: &str, abbreviations: &[String]) -> Vec<Sentence> {
    split_sentences_with(text, abbreviations, &[])
}

/// As [`split_sentences`], where an abbreviation of `finals` ("kr.", "mrd.") followed by a
/// capitalised word ends its sentence (in languages that write nouns in lower case).
pub fn split_sentences_with(
    text: &str,
    abbreviations: &[String],
    finals: &[String],
) -> Vec<Sentence> {
    let mut sentences = Vec::new();
    let mut line_start = 0;
    for line in text.split('\n') {
        let mut pending: Option<Sentence> = None;
        for (offset, piece) in line.split_sentence_bound_indices() {
            let start = line_start + offset;
            let end = start + piece.len();
            let capital_next = piece
                .trim_start()
                .chars()
                .next()
                .is_some_and(char::is_uppercase);
            let joined = match pending {
                Some(p)
                    if ends_with_abbreviation(&text[p.start..p.end], abbreviations)
                        && !(capital_next
                            && ends_with_abbreviation(&text[p.start..p.end], finals)) =>
                {
                    Sentence {
                        start: p.start,
                        end,
                    }
                }
                Some(p) => {
                    sentences.push(p);
                    Sentence { start, end }
                }
                None => Sentence { start, end },
            };
            pending = Some(joined);
        }
        if let Some(p) = pending {
            sentences.push(p);
        }
        line_start += line.len() + 1;
    }
    let trimmed: Vec<Sentence> = sentences
        .into_iter()
        .filter_map(|s| trim_sentence(text, s))
        .collect();
    join_wrapped_lines(text, trimmed)
}

/// Hard-wrapped text (old wire copy) breaks lines inside sentences: a line that ends
/// without terminal punctuation, followed by a line starting in lower case or with a
/// digit, continues the same sentence.
fn join_wrapped_lines(text: &str, sentences: Vec<Sentence>) -> Vec<Sentence> {
    let mut out: Vec<Sentence> = Vec::with_capacity(sentences.len());
    for s in sentences {
        let after_first = out.len() == 1;
        if let Some(prev) = out.last_mut() {
            let gap = &text[prev.end..s.start];
            let prev_text = &text[prev.start..prev.end];
            let ends_open = !prev_text.ends_with(['.', '!', '?', ':', ';', '"', '»', '”', '…']);
            let next_starts_low = text[s.start..]
                .chars()
                .next()
                .is_some_and(|c| c.is_lowercase() || c.is_ascii_digit());
            // A long line ending mid-phrase is wrapped even before a capital ("kjøpt\nGet").
            let line_start = text[..prev.end].rfind('\n').map(|i| i + 1).unwrap_or(0);
            let long_open_line = text[line_start..prev.end].chars().count() >= 40
                && prev_text
                    .chars()
                    .last()
                    .is_some_and(|c| c.is_lowercase() || c == ',');
            // The title (the first line) is a sentence of its own, never wrapped.
            let title = after_first && !text[..prev.end].contains('\n');
            if !title
                && gap.matches('\n').count() == 1
                && gap.trim().is_empty()
                && ends_open
                && (next_starts_low || long_open_line)
            {
                prev.end = s.end;
                continue;
            }
        }
        out.push(s);
    }
    out
}

fn ends_with_abbreviation(sentence: &str, abbreviations: &[String]) -> bool {
    let trimmed = sentence.trim_end();
    let Some(before_dot) = trimmed.strip_suffix('.') else {
        return false;
    };
    let last = before_dot
        .rsplit(|c: char| c.is_whitespace() || c == '(' || c == '"')
        .next()
        .unwrap_or("");
    let mut chars = last.chars();
    // A single capital letter is an initial ("M.", "Hans G. Larsson").
    if let (Some(c), None) = (chars.next(), chars.next()) {
        if c.is_uppercase() {
            return true;
        }
    }
    abbreviations
        .iter()
        .any(|a| a.trim_end_matches('.').eq_ignore_ascii_case(last))
}

fn trim_sentence(text: &str, s: Sentence) -> Option<Sentence> {
    let piece = &text[s.start..s.end];
    let lead = piece.len() - piece.trim_start().len();
    let trimmed = piece.trim();
    if trimmed.is_empty() {
        return None;
    }
    Some(Sentence {
        start: s.start + lead,
        end: s.start + lead + trimmed.len(),
    })
}
