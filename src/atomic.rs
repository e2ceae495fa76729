//! Outputs written atomically: each file goes to a temporary file beside its target and
//! is renamed into place only when complete, so readers never see half a file and an
//! interrupted build leaves the previous file intact. A leaf module (no project imports
//! but the error type).

use crate::error::{Error, Result};
use std::io::Write;
use std::path::{Path, PathBuf};

/// A file being written under a temporary name beside its target, renamed into place
/// only when complete: readers never see half a file.
pub struct PendingFile {
    path: PathBuf,
    pub file: std::io::BufWriter<tempfile::NamedTempFile>,
}

impl PendingFile {
    pub fn create(path: &Path) -> Result<Self> {
        let dir = path
            .parent()
            .filter(|p| !p.as_os_str().is_empty())
            .unwrap_or(Path::new("."));
        let mut builder = tempfile::Builder::new();
        builder.prefix(".telekg-").suffix(".tmp");
        // Temporary files are private (0600); an output gets the mode any new file gets
        // (0666 less the umask), so that others can read what they are meant to.
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            builder.permissions(std::fs::Permissions::from_mode(0o666));
        }
        let tmp = builder.tempfile_in(dir).map_err(|source| Error::Write {
            path: path.to_path_buf(),
            source,
        })?;
        Ok(PendingFile {
            path: path.to_path_buf(),
            file: std::io::BufWriter::with_capacity(1 << 20, tmp),
        })
    }

    pub fn error(&self, source: std::io::Error) -> Error {
        Error::Write {
            path: self.path.clone(),
            source,
        }
    }

    pub fn persist(self) -> Result<()> {
        let path = self.path.clone();
        let wrap = |source| Error::Write {
            path: path.clone(),
            source,
        };
        let tmp = self.file.into_inner().map_err(|e| wrap(e.into_error()))?;
        tmp.as_file().sync_all().map_err(wrap)?;
        tmp.persist(&path).map_err(|e| wrap(e.error))?;
        Ok(())
    }
}

/// Writes `path` through a temporary file in the same folder, renamed when complete.
pub fn write_atomic(
    path: &Path,
    write: impl FnOnce(&mut dyn Write) -> std::io::Result<()>,
) -> Result<()> {
    let mut pending = PendingFile::create(path)?;
    if let Err(e) = write(&mut pending.file) {
        return Err(pending.error(e));
    }
    pending.persist()
}
