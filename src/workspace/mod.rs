//! The workspace file (`.linkchart`): the documents, the model with every analyst edit, and the
//! chart state, in one self-contained, human-readable JSON file.
//!
//! ```json
//! {
//!   "format": "linkchart-workspace",
//!   "version": 2,
//!   "next_ids": {"entity": 120, "link": 388},
//!   "model": {"documents": [...], "entities": [...], "links": [...]},
//!   "chart": {"positions": {...}, "pinned": [...], "hidden": [...], "selection": [...],
//!             "selected_link": null, "view": {...}, "filters": {...}}
//! }
//! ```
//!
//! [`save`] writes a temporary file beside the target, syncs it and renames it over the target, so
//! the old file stays intact until the new one is complete. [`open`] streams the file, refuses
//! files above [`MAX_FILE_SIZE`] without reading them, refuses newer versions, migrates older
//! ones ([`format`]), and validates every offset and id before handing the workspace out
//! ([`validate`]). Opening never writes anything. Saving then reopening then saving gives the same
//! bytes.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use crate::chart::ChartState;
use crate::model::edit::IdFloor;
use crate::model::{Document, EntityId, Model};

mod format;
pub mod recovery;
pub mod synthetic;
mod validate;

pub use format::{CURRENT_VERSION, FORMAT_NAME, read_from, read_from_slice, write_to};
pub use recovery::{
    RecentFiles, Recovery, RecoveryStore, clear_recovery, recent_files_path, recovery_path,
    take_recovery, write_recovery,
};

/// Files above this size are refused without being read (2 GiB).
pub const MAX_FILE_SIZE: u64 = 2 << 30;

/// Files up to this size are read into memory and parsed from there (faster); larger ones are
/// streamed, so memory holds the model and not also the whole file.
pub const IN_MEMORY_SIZE: u64 = 256 << 20;

/// The file extension of workspaces, without the dot.
pub const EXTENSION: &str = "linkchart";

/// Everything an analyst saves: documents (inside the model), model, chart state.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Workspace {
    pub model: Model,
    pub chart: ChartState,
    /// Ids below these were handed out once and are never reused (see [`IdFloor`]).
    pub next_ids: IdFloor,
}

impl Workspace {
    pub fn new(model: Model, chart: ChartState) -> Self {
        let next_ids = IdFloor::default().at_least(&model);
        Self {
            model,
            chart,
            next_ids,
        }
    }
}

/// Why a workspace could not be opened or saved. Every message names the file.
#[derive(Debug, thiserror::Error)]
pub enum WorkspaceError {
    #[error("{}: cannot read: {source}", path.display())]
    Read {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("{}: cannot write: {source}", path.display())]
    Write {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("{}: not a file", path.display())]
    NotAFile { path: PathBuf },
    #[error(
        "{}: the file is {size} bytes; workspaces above {limit} bytes are refused",
        path.display()
    )]
    TooLarge {
        path: PathBuf,
        size: u64,
        limit: u64,
    },
    #[error(
        "{}: the file ends early (truncated?) at line {line}, column {column}",
        path.display()
    )]
    Truncated {
        path: PathBuf,
        line: usize,
        column: usize,
    },
    #[error("{}: not valid JSON at line {line}, column {column}: {message}", path.display())]
    Syntax {
        path: PathBuf,
        line: usize,
        column: usize,
        message: String,
    },
    #[error("{}: not a linkchart workspace ({reason})", path.display())]
    NotAWorkspace { path: PathBuf, reason: String },
    #[error(
        "{}: written by a newer linkchart (version {found}; this one reads up to {supported})",
        path.display()
    )]
    Newer {
        path: PathBuf,
        found: u64,
        supported: u64,
    },
    #[error("{}: unknown workspace version {found}", path.display())]
    UnknownVersion { path: PathBuf, found: u64 },
    #[error("{}: damaged workspace at line {line}, column {column}: {message}", path.display())]
    Schema {
        path: PathBuf,
        line: usize,
        column: usize,
        message: String,
    },
    #[error("{}: damaged workspace: {problem}", path.display())]
    Invalid { path: PathBuf, problem: String },
}

impl WorkspaceError {
    /// The file the error is about.
    pub fn path(&self) -> &Path {
        match self {
            WorkspaceError::Read { path, .. }
            | WorkspaceError::Write { path, .. }
            | WorkspaceError::NotAFile { path }
            | WorkspaceError::TooLarge { path, .. }
            | WorkspaceError::Truncated { path, .. }
            | WorkspaceError::Syntax { path, .. }
            | WorkspaceError::NotAWorkspace { path, .. }
            | WorkspaceError::Newer { path, .. }
            | WorkspaceError::UnknownVersion { path, .. }
            | WorkspaceError::Schema { path, .. }
            | WorkspaceError::Invalid { path, .. } => path,
        }
    }
}

/// Open a workspace file. Reads only; refuses files above [`MAX_FILE_SIZE`].
pub fn open(path: &Path) -> Result<Workspace, WorkspaceError> {
    open_with_limit(path, MAX_FILE_SIZE)
}

/// [`open`] with another size limit.
pub fn open_with_limit(path: &Path, limit: u64) -> Result<Workspace, WorkspaceError> {
    let read_err = |source| WorkspaceError::Read {
        path: path.to_owned(),
        source,
    };
    let file = std::fs::File::open(path).map_err(read_err)?;
    let meta = file.metadata().map_err(read_err)?;
    if !meta.is_file() {
        return Err(WorkspaceError::NotAFile {
            path: path.to_owned(),
        });
    }
    if meta.len() > limit {
        return Err(WorkspaceError::TooLarge {
            path: path.to_owned(),
            size: meta.len(),
            limit,
        });
    }
    // Never read past the limit, even if the file grows while we read.
    if meta.len() <= IN_MEMORY_SIZE.min(limit) {
        let mut bytes = Vec::with_capacity(meta.len() as usize + 1);
        std::io::Read::read_to_end(&mut std::io::Read::take(file, limit), &mut bytes)
            .map_err(read_err)?;
        return read_from_slice(&bytes, path);
    }
    let reader = std::io::BufReader::with_capacity(1 << 20, std::io::Read::take(file, limit));
    read_from(reader, path)
}

/// Save atomically: write a temporary file beside `path`, sync it, rename it over `path`.
/// On error the temporary file is removed and `path` is untouched.
pub fn save(path: &Path, ws: &Workspace) -> Result<(), WorkspaceError> {
    let write_err = |source| WorkspaceError::Write {
        path: path.to_owned(),
        source,
    };
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    };
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "workspace".into());
    let prefix = format!(".{name}.");
    let mut builder = tempfile::Builder::new();
    builder.prefix(&prefix).suffix(".tmp");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        // Like a plainly created file: 0666 less the umask (tempfile's default is 0600).
        builder.permissions(std::fs::Permissions::from_mode(0o666));
    }
    let mut tmp = builder.tempfile_in(dir).map_err(write_err)?;
    {
        let mut w = std::io::BufWriter::with_capacity(1 << 20, tmp.as_file_mut());
        write_to(&mut w, ws).map_err(write_err)?;
        std::io::Write::flush(&mut w).map_err(write_err)?;
    }
    tmp.as_file().sync_all().map_err(write_err)?;
    if let Ok(old) = std::fs::metadata(path) {
        // Keep the permissions the analyst gave the file.
        let _ = tmp.as_file().set_permissions(old.permissions());
    }
    // A failed rename drops the temporary file, which deletes it.
    tmp.persist(path).map_err(|e| write_err(e.error))?;
    #[cfg(unix)]
    if let Ok(d) = std::fs::File::open(dir) {
        // Make the rename itself durable; best effort (some file systems refuse).
        let _ = d.sync_all();
    }
    Ok(())
}

/// A new workspace from documents: extracts the model and lays it out.
///
/// Layout is a ring ([`circle_positions`]) until the layout module's force layout is wired in.
pub fn new_from_documents(documents: Vec<Document>) -> Workspace {
    new_from_documents_with_progress(documents, &|_, _| {})
}

/// [`new_from_documents`], calling `progress(done, total)` as documents are extracted.
pub fn new_from_documents_with_progress(
    documents: Vec<Document>,
    progress: &(dyn Fn(usize, usize) + Sync),
) -> Workspace {
    laid_out(crate::extract::extract_with_progress(documents, progress))
}

/// A new workspace around an extracted model, laid out (see [`new_from_documents`]).
pub fn laid_out(model: Model) -> Workspace {
    let chart = ChartState {
        positions: circle_positions(&model),
        ..ChartState::default()
    };
    Workspace::new(model, chart)
}

/// Positions on a circle, in model order: the stand-in layout until the layout module's
/// `layout_view` is wired in.
pub fn circle_positions(model: &Model) -> BTreeMap<EntityId, [f32; 2]> {
    let n = model.entities.len().max(1);
    // About 100 chart units between neighbours on the ring.
    let radius = (n as f32 * 100.0 / std::f32::consts::TAU).max(100.0);
    model
        .entities
        .iter()
        .enumerate()
        .map(|(i, e)| {
            let a = i as f32 / n as f32 * std::f32::consts::TAU;
            (e.id, [radius * a.cos(), radius * a.sin()])
        })
        .collect()
}
