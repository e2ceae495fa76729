//! Error types of the library. The CLI wraps them with `anyhow` at the edge.

use std::path::PathBuf;

/// Why one input could not become an article. Always names the input.
#[derive(Debug, thiserror::Error)]
pub enum InputError {
    #[error("{path}: cannot read: {source}")]
    Read {
        path: String,
        #[source]
        source: std::io::Error,
    },
    #[error("{path}: no such file or directory")]
    Missing { path: String },
    #[error("{path}: empty input (no text)")]
    Empty { path: String },
    #[error("{path}: looks like binary data, not text ({reason})")]
    Binary { path: String, reason: String },
    #[error("{path}: too large for one article ({size} bytes > limit {limit} bytes); split it or raise --max-article-bytes")]
    TooLarge { path: String, size: u64, limit: u64 },
    #[error("{path}: line {line}: invalid JSON Lines record: {message}")]
    JsonLine {
        path: String,
        line: usize,
        message: String,
    },
    #[error("{path}: unknown language {lang:?} (supported: nb, nn, sv, da, fr, en, de)")]
    Language { path: String, lang: String },
}

/// Errors of the build, export and query stages.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error(transparent)]
    Input(#[from] InputError),
    #[error("{path}: cannot write: {source}")]
    Write {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error("knowledge file {file}: {message}")]
    Knowledge { file: String, message: String },
    #[error("RDF store {path}: {message}")]
    Store { path: PathBuf, message: String },
    #[error("push to {endpoint}: {message}")]
    Push { endpoint: String, message: String },
    #[error("SPARQL: {0}")]
    Query(String),
    /// No article came out of the inputs (every input failed, or held none): the build
    /// wrote nothing and left its folder as it was. `failures` are the inputs' errors.
    #[error("no article could be read from the inputs ({} failed); nothing was written", failures.len())]
    NothingRead { failures: Vec<String> },
    #[error("{0}")]
    Other(String),
}

impl InputError {
    /// The input this error lost whole (a missing, unreadable, empty or binary file, or a
    /// file too large), as the path was given; `None` for an error of one record of a
    /// JSON Lines file (its path is `file:line`) or of a language, where the rest of the
    /// input was read.
    pub fn failed_input(&self) -> Option<&str> {
        match self {
            InputError::Read { path, .. }
            | InputError::Missing { path }
            | InputError::Empty { path }
            | InputError::Binary { path, .. }
            | InputError::TooLarge { path, .. } => Some(path.as_str()),
            InputError::JsonLine { .. } | InputError::Language { .. } => None,
        }
    }
}

pub type Result<T, E = Error> = std::result::Result<T, E>;
