//! Incremental builds: the records of a build's articles, kept in `DIR/extract-cache.bin`
//! and keyed by what extraction reads (content hash and description), so the next build
//! into the same folder extracts only new or changed articles. A cache written by another
//! telekg binary (other code, other built-in knowledge) is never used.

use crate::extract::ArticleRecord;
use crate::ingest::Article;
use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

pub const CACHE_FILE: &str = "extract-cache.bin";
const FORMAT: u32 = 2;

#[derive(Serialize, Deserialize)]
struct CacheFile {
    format: u32,
    fingerprint: String,
    /// What the build that wrote the cache built (see [`ExtractionCache::build_key`]).
    build_key: String,
    entries: Vec<(String, ArticleRecord)>,
}

/// The key of an article: everything extraction reads of it.
pub fn article_key(a: &Article) -> String {
    let mut h = blake3::Hasher::new();
    for part in [
        a.id.as_str(),
        &a.source,
        &a.title,
        a.date.as_deref().unwrap_or("\u{0}"),
        a.url.as_deref().unwrap_or("\u{0}"),
        &a.lang,
        &a.content_hash,
    ] {
        h.update(part.as_bytes());
        h.update(&[0x1f]);
    }
    h.finalize().to_hex().to_string()
}

/// Identifies the extractor: this binary's bytes (code and built-in knowledge) and the
/// knowledge in use (which `TELEKG_KNOWLEDGE` may read from a folder instead).
fn fingerprint() -> String {
    let mut h = blake3::Hasher::new();
    h.update(env!("CARGO_PKG_VERSION").as_bytes());
    h.update(
        crate::knowledge::Knowledge::global()
            .content_hash
            .as_bytes(),
    );
    let exe = std::env::current_exe().and_then(std::fs::File::open);
    match exe.and_then(|f| h.update_reader(f).map(|_| ())) {
        Ok(()) => h.finalize().to_hex().to_string(),
        // Without its own bytes a binary cannot tell caches apart: use none.
        Err(_) => String::new(),
    }
}

/// Records of an earlier build, taken out as articles hit them.
pub struct ExtractionCache {
    path: PathBuf,
    fingerprint: String,
    entries: Mutex<HashMap<String, ArticleRecord>>,
    previous_build: Option<String>,
}

impl ExtractionCache {
    /// Opens the cache of `out`; `use_existing = false` starts empty (a full build).
    /// A build that neither reads nor writes a cache passes `used = false`: the binary is
    /// then not hashed (25 MB read), and the cache vouches for nothing.
    /// Returns a note when an existing cache cannot be used.
    pub fn open(out: &Path, use_existing: bool, used: bool) -> (Self, Option<String>) {
        let path = out.join(CACHE_FILE);
        let fingerprint = if used { fingerprint() } else { String::new() };
        let mut cache = ExtractionCache {
            path: path.clone(),
            fingerprint: fingerprint.clone(),
            entries: Mutex::new(HashMap::new()),
            previous_build: None,
        };
        if !use_existing || fingerprint.is_empty() || !path.exists() {
            return (cache, None);
        }
        let note = match std::fs::read(&path)
            .map_err(|e| e.to_string())
            .and_then(|b| postcard::from_bytes::<CacheFile>(&b).map_err(|e| e.to_string()))
        {
            Ok(file) if file.format == FORMAT && file.fingerprint == fingerprint => {
                cache.entries = Mutex::new(file.entries.into_iter().collect());
                cache.previous_build = Some(file.build_key);
                None
            }
            Ok(_) => Some(format!(
                "{}: written by another telekg build; extracting every article again",
                path.display()
            )),
            Err(e) => Some(format!(
                "{}: unreadable ({e}); extracting every article again",
                path.display()
            )),
        };
        (cache, note)
    }

    /// The cached record of an article with this key, removed from the cache.
    pub fn take(&self, key: &str) -> Option<ArticleRecord> {
        self.entries
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .remove(key)
    }

    /// Identifies a build: this binary, its articles in order and what it writes.
    pub fn build_key(&self, keys: &[String], outputs: &str) -> String {
        let mut h = blake3::Hasher::new();
        h.update(self.fingerprint.as_bytes());
        h.update(outputs.as_bytes());
        for k in keys {
            h.update(k.as_bytes());
        }
        h.finalize().to_hex().to_string()
    }

    /// Whether the build that wrote the cache had this key.
    pub fn previous_build_was(&self, key: &str) -> bool {
        !self.fingerprint.is_empty() && self.previous_build.as_deref() == Some(key)
    }

    /// Takes out the records (with their keys) whose article came from one of `inputs`
    /// (a path as given: the file itself, a record `file:line` of it, or a file under a
    /// folder) and whose id is not in `read`, sorted by source and id: the articles of an
    /// earlier build from inputs this build could not read.
    pub fn take_from_inputs(
        &self,
        inputs: &[&str],
        read: &std::collections::HashSet<&str>,
    ) -> Vec<(String, ArticleRecord)> {
        let from = |source: &str| {
            inputs.iter().any(|input| {
                source == *input
                    || source.strip_prefix(input).is_some_and(|rest| {
                        rest.starts_with('/')
                            || rest
                                .strip_prefix(':')
                                .is_some_and(|n| n.bytes().all(|b| b.is_ascii_digit()))
                    })
            })
        };
        let mut entries = self.entries.lock().unwrap_or_else(|e| e.into_inner());
        let keys: Vec<String> = entries
            .iter()
            .filter(|(_, r)| from(&r.meta.source) && !read.contains(r.meta.id.as_str()))
            .map(|(k, _)| k.clone())
            .collect();
        let mut kept: Vec<(String, ArticleRecord)> = keys
            .into_iter()
            .filter_map(|k| entries.remove(&k).map(|r| (k, r)))
            .collect();
        kept.sort_by(|a, b| {
            (&a.1.meta.source, &a.1.meta.id).cmp(&(&b.1.meta.source, &b.1.meta.id))
        });
        kept
    }

    /// Frees the records no article of this build asked for.
    pub fn forget_unused(&self) {
        let mut entries = self.entries.lock().unwrap_or_else(|e| e.into_inner());
        *entries = HashMap::new();
    }

    /// Writes the records of this build under a temporary name beside the cache, streamed
    /// (never the whole cache in memory); [`PendingCache::persist`] puts it in place. A
    /// build writes it before its records go into the graph, and puts it in place only
    /// once the outputs it describes are. `None` when this binary cannot identify itself.
    pub fn write_pending(
        &self,
        build_key: &str,
        keys: &[String],
        records: &[ArticleRecord],
    ) -> crate::Result<Option<PendingCache>> {
        if self.fingerprint.is_empty() {
            return Ok(None);
        }
        #[derive(Serialize)]
        struct CacheFileRef<'a> {
            format: u32,
            fingerprint: &'a str,
            build_key: &'a str,
            entries: Vec<(&'a String, &'a ArticleRecord)>,
        }
        let mut pending = crate::atomic::PendingFile::create(&self.path)?;
        postcard::to_io(
            &CacheFileRef {
                format: FORMAT,
                fingerprint: &self.fingerprint,
                build_key,
                entries: keys.iter().zip(records).collect(),
            },
            &mut pending.file,
        )
        .map_err(|e| crate::Error::Other(format!("{}: {e}", self.path.display())))?;
        Ok(Some(PendingCache(pending)))
    }
}

/// A cache written but not yet in place (see [`ExtractionCache::write_pending`]); dropped
/// without [`PendingCache::persist`], it is removed.
pub struct PendingCache(crate::atomic::PendingFile);

impl PendingCache {
    /// Renames the cache into place.
    pub fn persist(self) -> crate::Result<()> {
        self.0.persist()
    }
}
