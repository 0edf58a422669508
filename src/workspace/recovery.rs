//! Autosave recovery and the recent-files list.
//!
//! The app writes the open workspace to a recovery file every so often while it has unsaved
//! changes, and clears it when the work is saved or the app closes normally. A recovery file
//! found at start means the last session ended without saving: the app offers to restore it.
//! Recovery lives in the user's local data directory (`$XDG_DATA_HOME/linkchart` on Linux); the
//! recent-files list in the config directory (`$XDG_CONFIG_HOME/linkchart/recent.json`).

use std::path::{Path, PathBuf};
use std::time::SystemTime;

use serde::{Deserialize, Serialize};

use super::{Workspace, WorkspaceError};

/// Most recent files remembered.
pub const MAX_RECENT: usize = 10;

const RECOVERY_FILE: &str = "recovery.linkchart";
const RECOVERY_META: &str = "recovery.json";

/// A workspace found in the recovery file.
#[derive(Debug)]
pub struct Recovery {
    pub workspace: Workspace,
    /// The file the workspace was opened from or last saved to, if any.
    pub source: Option<PathBuf>,
    /// When the recovery file was written.
    pub written: Option<SystemTime>,
}

#[derive(Serialize, Deserialize)]
struct RecoveryMeta {
    source: Option<PathBuf>,
}

/// A recovery file in a directory of one's choosing (tests use a temporary one).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RecoveryStore {
    dir: PathBuf,
}

impl RecoveryStore {
    pub fn new(dir: impl Into<PathBuf>) -> Self {
        Self { dir: dir.into() }
    }

    /// The store in the user's local data directory, when the platform has one.
    pub fn default_location() -> Option<Self> {
        dirs::data_local_dir().map(|d| Self::new(d.join("linkchart")))
    }

    /// The recovery workspace file.
    pub fn path(&self) -> PathBuf {
        self.dir.join(RECOVERY_FILE)
    }

    fn meta_path(&self) -> PathBuf {
        self.dir.join(RECOVERY_META)
    }

    /// Write `ws` (opened from or saved to `source`) as the recovery file, atomically.
    pub fn write(&self, ws: &Workspace, source: Option<&Path>) -> Result<(), WorkspaceError> {
        std::fs::create_dir_all(&self.dir).map_err(|e| WorkspaceError::Write {
            path: self.dir.clone(),
            source: e,
        })?;
        super::save(&self.path(), ws)?;
        let meta = RecoveryMeta {
            source: source.map(Path::to_owned),
        };
        write_json_atomically(&self.meta_path(), &meta)
    }

    /// The recovery workspace, if there is one. It stays on disk until [`clear`](Self::clear),
    /// so a crash while the analyst decides does not lose it.
    pub fn take(&self) -> Result<Option<Recovery>, WorkspaceError> {
        let path = self.path();
        let written = match std::fs::metadata(&path) {
            Ok(m) => m.modified().ok(),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
            Err(e) => return Err(WorkspaceError::Read { path, source: e }),
        };
        let workspace = super::open(&path)?;
        let source = std::fs::read(self.meta_path())
            .ok()
            .and_then(|b| serde_json::from_slice::<RecoveryMeta>(&b).ok())
            .and_then(|m| m.source);
        Ok(Some(Recovery {
            workspace,
            source,
            written,
        }))
    }

    /// Remove the recovery file (after a save, a normal exit, or when the analyst declines it).
    pub fn clear(&self) -> Result<(), WorkspaceError> {
        for path in [self.path(), self.meta_path()] {
            match std::fs::remove_file(&path) {
                Ok(()) => {}
                Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
                Err(e) => return Err(WorkspaceError::Write { path, source: e }),
            }
        }
        Ok(())
    }
}

fn no_data_dir() -> WorkspaceError {
    WorkspaceError::Write {
        path: PathBuf::from(RECOVERY_FILE),
        source: std::io::Error::other("this system has no user data directory"),
    }
}

/// Where the recovery file lives, when the platform has a user data directory.
pub fn recovery_path() -> Option<PathBuf> {
    RecoveryStore::default_location().map(|s| s.path())
}

/// [`RecoveryStore::write`] in the default location.
pub fn write_recovery(ws: &Workspace, source: Option<&Path>) -> Result<(), WorkspaceError> {
    RecoveryStore::default_location()
        .ok_or_else(no_data_dir)?
        .write(ws, source)
}

/// [`RecoveryStore::take`] in the default location.
pub fn take_recovery() -> Result<Option<Recovery>, WorkspaceError> {
    match RecoveryStore::default_location() {
        Some(s) => s.take(),
        None => Ok(None),
    }
}

/// [`RecoveryStore::clear`] in the default location.
pub fn clear_recovery() -> Result<(), WorkspaceError> {
    match RecoveryStore::default_location() {
        Some(s) => s.clear(),
        None => Ok(()),
    }
}

fn write_json_atomically<T: Serialize>(path: &Path, value: &T) -> Result<(), WorkspaceError> {
    let write_err = |source| WorkspaceError::Write {
        path: path.to_owned(),
        source,
    };
    let dir = path.parent().unwrap_or(Path::new("."));
    let mut tmp = tempfile::Builder::new()
        .prefix(".linkchart.")
        .suffix(".tmp")
        .tempfile_in(dir)
        .map_err(write_err)?;
    serde_json::to_writer_pretty(tmp.as_file_mut(), value)
        .map_err(|e| write_err(std::io::Error::other(e)))?;
    tmp.as_file().sync_all().map_err(write_err)?;
    tmp.persist(path).map_err(|e| write_err(e.error))?;
    Ok(())
}

/// Where the recent-files list lives, when the platform has a user config directory.
pub fn recent_files_path() -> Option<PathBuf> {
    dirs::config_dir().map(|d| d.join("linkchart").join("recent.json"))
}

/// Recently opened or saved workspaces, most recent first.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct RecentFiles {
    pub paths: Vec<PathBuf>,
}

impl RecentFiles {
    /// Read the list at `path`, dropping files that no longer exist. A missing or damaged list
    /// is an empty one (it is a convenience, not the analyst's work).
    pub fn load(path: &Path) -> Self {
        let mut list: RecentFiles = std::fs::read(path)
            .ok()
            .and_then(|b| serde_json::from_slice(&b).ok())
            .unwrap_or_default();
        list.paths.retain(|p| p.is_file());
        list.paths.truncate(MAX_RECENT);
        list
    }

    /// The list in the default location (empty when there is none).
    pub fn load_default() -> Self {
        recent_files_path()
            .map(|p| Self::load(&p))
            .unwrap_or_default()
    }

    pub fn save(&self, path: &Path) -> Result<(), WorkspaceError> {
        if let Some(dir) = path.parent() {
            std::fs::create_dir_all(dir).map_err(|e| WorkspaceError::Write {
                path: dir.to_owned(),
                source: e,
            })?;
        }
        write_json_atomically(path, self)
    }

    /// Save in the default location; does nothing where the platform has no config directory.
    pub fn save_default(&self) -> Result<(), WorkspaceError> {
        match recent_files_path() {
            Some(p) => self.save(&p),
            None => Ok(()),
        }
    }

    /// Put `path` first (absolute where possible), without duplicates, keeping at most
    /// [`MAX_RECENT`].
    pub fn add(&mut self, path: &Path) {
        let path = std::fs::canonicalize(path).unwrap_or_else(|_| path.to_owned());
        self.paths.retain(|p| *p != path);
        self.paths.insert(0, path);
        self.paths.truncate(MAX_RECENT);
    }

    pub fn remove(&mut self, path: &Path) {
        let canon = std::fs::canonicalize(path).unwrap_or_else(|_| path.to_owned());
        self.paths.retain(|p| *p != canon && p != path);
    }
}
