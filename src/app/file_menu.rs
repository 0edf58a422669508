//! The File menu and everything around the workspace file: New from folder, Open (Ctrl+O),
//! Save (Ctrl+S), Save As, Recent files; native dialogs run on their own thread (the UI polls
//! the answer each frame); autosave to the recovery file while there are unsaved changes; the
//! restore offer at start; the unsaved-changes prompt on close.

use std::path::{Path, PathBuf};
use std::sync::mpsc;
use std::time::{Duration, Instant};

use crate::workspace::{RecentFiles, Recovery, RecoveryStore, Workspace, WorkspaceError};

use super::LinkchartApp;
use super::jobs::{self, Source};

/// How often unsaved work is written to the recovery file.
pub const AUTOSAVE_EVERY: Duration = Duration::from_secs(30);

/// What a file dialog was opened for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum DialogKind {
    NewFromFolder,
    Open,
    SaveAs,
}

struct PendingDialog {
    kind: DialogKind,
    rx: mpsc::Receiver<Option<PathBuf>>,
}

/// File state of the app. [`Default`] touches no user file (tests); the real app uses
/// [`FileState::user_default`].
pub struct FileState {
    pub recent: RecentFiles,
    /// Where the recent-files list is kept; `None`: not kept.
    pub recent_path: Option<PathBuf>,
    /// Where autosave writes; `None`: no autosave.
    pub recovery: Option<RecoveryStore>,
    /// Time between autosaves ([`AUTOSAVE_EVERY`]).
    pub autosave_every: Duration,
    dialog: Option<PendingDialog>,
    last_autosave: Option<Instant>,
    autosave: Option<mpsc::Receiver<Result<(), String>>>,
    /// A recovery file found at start, offered to the analyst.
    recovery_offer: Option<Recovery>,
    /// The close prompt is showing.
    close_prompt: bool,
    /// Close once the Save As dialog has saved.
    close_after_save: bool,
    /// The analyst chose to close; the next close request goes through.
    allow_close: bool,
    /// A file or folder to open once the analyst agrees to drop unsaved changes.
    pending_open: Option<PathBuf>,
}

impl Default for FileState {
    fn default() -> Self {
        Self {
            recent: RecentFiles::default(),
            recent_path: None,
            recovery: None,
            autosave_every: AUTOSAVE_EVERY,
            dialog: None,
            last_autosave: None,
            autosave: None,
            recovery_offer: None,
            close_prompt: false,
            close_after_save: false,
            allow_close: false,
            pending_open: None,
        }
    }
}

impl FileState {
    /// The recent-files list and recovery store in the user's directories.
    pub fn user_default() -> Self {
        let recent_path = crate::workspace::recent_files_path();
        Self {
            recent: recent_path
                .as_deref()
                .map(RecentFiles::load)
                .unwrap_or_default(),
            recent_path,
            recovery: RecoveryStore::default_location(),
            ..Self::default()
        }
    }

    /// Put `path` first in the recent list and store the list (best effort: it is a convenience).
    pub fn remember_recent(&mut self, path: &Path) {
        self.recent.add(path);
        if let Some(p) = &self.recent_path
            && let Err(e) = self.recent.save(p)
        {
            eprintln!("linkchart: {e}");
        }
    }

    /// True while a recovery file is offered.
    pub fn recovery_offered(&self) -> bool {
        self.recovery_offer.is_some()
    }

    /// True while an autosave is being written.
    pub fn autosave_running(&self) -> bool {
        self.autosave.is_some()
    }
}

fn spawn_dialog(kind: DialogKind, start_dir: Option<PathBuf>) -> PendingDialog {
    let (tx, rx) = mpsc::channel();
    std::thread::spawn(move || {
        let mut d = rfd::FileDialog::new();
        if let Some(dir) = start_dir {
            d = d.set_directory(dir);
        }
        let ws_filter = |d: rfd::FileDialog| {
            d.add_filter("linkchart workspace", &[crate::workspace::EXTENSION])
        };
        let picked = match kind {
            DialogKind::NewFromFolder => d.set_title("New workspace from folder").pick_folder(),
            DialogKind::Open => ws_filter(d).set_title("Open workspace").pick_file(),
            DialogKind::SaveAs => ws_filter(d)
                .set_title("Save workspace as")
                .set_file_name(format!("workspace.{}", crate::workspace::EXTENSION))
                .save_file(),
        };
        // The receiver is gone only when the app closed.
        let _ = tx.send(picked);
    });
    PendingDialog { kind, rx }
}

impl LinkchartApp {
    /// The workspace file Save writes to: the file the workspace came from or was saved to.
    pub fn save_target(&self) -> Option<&Path> {
        self.path.as_deref().filter(|p| jobs::is_workspace_path(p))
    }

    /// The open workspace as it would be saved.
    pub fn workspace(&self) -> Workspace {
        Workspace {
            model: self.model.clone(),
            chart: self.chart.clone(),
            next_ids: self.history.id_floor(&self.model),
        }
    }

    /// Save the workspace to `path` (atomically). Afterwards `path` is the workspace's file,
    /// nothing is unsaved, the recent list names it and the recovery file is gone.
    pub fn save_to(&mut self, path: &Path) -> Result<(), WorkspaceError> {
        crate::workspace::save(path, &self.workspace())?;
        self.path = Some(path.to_owned());
        self.name = jobs::workspace_name(path);
        self.mark_saved();
        self.file.remember_recent(path);
        self.clear_recovery();
        Ok(())
    }

    /// Open a workspace file or a corpus folder in the background. The open workspace stays
    /// until the new one has loaded; on error the status bar says why and nothing changes.
    pub fn open_path(&mut self, path: PathBuf) {
        self.jobs.load = Some(jobs::LoadJob::spawn(
            Source::from_path(Some(path)),
            self.ctx.clone(),
        ));
    }

    /// Open `path` as the analyst asked from the menu: with unsaved changes, ask first.
    pub fn request_open(&mut self, path: PathBuf) {
        if self.has_unsaved_changes() {
            self.file.pending_open = Some(path);
        } else {
            self.open_path(path);
        }
    }

    /// True while the "discard unsaved changes?" question is showing.
    pub fn open_prompt_showing(&self) -> bool {
        self.file.pending_open.is_some()
    }

    /// Save to the workspace's file, or ask where when it has none.
    fn save_or_ask(&mut self) {
        match self.save_target().map(Path::to_owned) {
            Some(p) => self.save_reporting(&p),
            None => self.ask(DialogKind::SaveAs),
        }
    }

    fn save_reporting(&mut self, path: &Path) {
        match self.save_to(path) {
            Ok(()) => self.jobs.error = None,
            Err(e) => {
                self.jobs.error = Some(e.to_string());
                self.file.close_after_save = false;
            }
        }
    }

    fn ask(&mut self, kind: DialogKind) {
        if self.file.dialog.is_some() {
            return;
        }
        let dir = self
            .path
            .as_deref()
            .and_then(|p| if p.is_dir() { Some(p) } else { p.parent() })
            .map(Path::to_owned);
        self.file.dialog = Some(spawn_dialog(kind, dir));
    }

    fn clear_recovery(&mut self) {
        if let Some(store) = &self.file.recovery
            && let Err(e) = store.clear()
        {
            eprintln!("linkchart: {e}");
        }
    }

    /// At start: offer the recovery file left by a session that ended without saving.
    pub fn offer_recovery(&mut self) {
        let Some(store) = &self.file.recovery else {
            return;
        };
        match store.take() {
            Ok(found) => self.file.recovery_offer = found,
            Err(e) => self.jobs.error = Some(format!("recovery file unreadable: {e}")),
        }
    }

    pub(super) fn file_menu_ui(&mut self, ui: &mut egui::Ui) {
        ui.menu_button("File", |ui| {
            if ui.button("New from folder...").clicked() {
                self.ask(DialogKind::NewFromFolder);
                ui.close();
            }
            if ui.button("Open... (Ctrl+O)").clicked() {
                self.ask(DialogKind::Open);
                ui.close();
            }
            if ui.button("Save (Ctrl+S)").clicked() {
                self.save_or_ask();
                ui.close();
            }
            if ui.button("Save As...").clicked() {
                self.ask(DialogKind::SaveAs);
                ui.close();
            }
            ui.menu_button("Recent files", |ui| {
                if self.file.recent.paths.is_empty() {
                    ui.weak("none yet");
                }
                let mut chosen = None;
                for p in &self.file.recent.paths {
                    if ui.button(p.display().to_string()).clicked() {
                        chosen = Some(p.clone());
                    }
                }
                if let Some(p) = chosen {
                    self.request_open(p);
                    ui.close();
                }
            });
        });
    }

    pub(super) fn file_shortcuts(&mut self, ctx: &egui::Context) {
        let (open, save) = ctx.input_mut(|i| {
            (
                i.consume_key(egui::Modifiers::COMMAND, egui::Key::O),
                i.consume_key(egui::Modifiers::COMMAND, egui::Key::S),
            )
        });
        if open {
            self.ask(DialogKind::Open);
        }
        if save {
            self.save_or_ask();
        }
    }

    /// Once per frame: a dialog's answer, autosave, the close request.
    pub(super) fn file_step(&mut self, ctx: &egui::Context) {
        self.poll_dialog(ctx);
        self.autosave_step();
        if ctx.input(|i| i.viewport().close_requested()) {
            if self.has_unsaved_changes() && !self.file.allow_close {
                ctx.send_viewport_cmd(egui::ViewportCommand::CancelClose);
                self.file.close_prompt = true;
            } else if self.file.recovery_offer.is_none() {
                // A normal exit: nothing to recover. (A recovery still on offer stays for the
                // next start.)
                self.clear_recovery();
            }
        }
    }

    fn poll_dialog(&mut self, ctx: &egui::Context) {
        let Some(d) = &self.file.dialog else {
            return;
        };
        let answer = match d.rx.try_recv() {
            Ok(a) => a,
            Err(mpsc::TryRecvError::Empty) => {
                ctx.request_repaint_after(Duration::from_millis(100));
                return;
            }
            Err(mpsc::TryRecvError::Disconnected) => None,
        };
        let kind = d.kind;
        self.file.dialog = None;
        let Some(path) = answer else {
            self.file.close_after_save = false;
            return;
        };
        match kind {
            DialogKind::NewFromFolder | DialogKind::Open => self.request_open(path),
            DialogKind::SaveAs => {
                let path = if jobs::is_workspace_path(&path) {
                    path
                } else {
                    path.with_extension(crate::workspace::EXTENSION)
                };
                self.save_reporting(&path);
                if self.file.close_after_save && !self.has_unsaved_changes() {
                    self.file.allow_close = true;
                    ctx.send_viewport_cmd(egui::ViewportCommand::Close);
                }
                self.file.close_after_save = false;
            }
        }
    }

    /// Write the recovery file on a background thread every [`AUTOSAVE_EVERY`] while unsaved.
    fn autosave_step(&mut self) {
        if let Some(rx) = &self.file.autosave {
            match rx.try_recv() {
                Ok(Ok(())) | Err(mpsc::TryRecvError::Disconnected) => self.file.autosave = None,
                Ok(Err(e)) => {
                    self.jobs.error = Some(format!("autosave failed: {e}"));
                    self.file.autosave = None;
                }
                Err(mpsc::TryRecvError::Empty) => return,
            }
        }
        let Some(store) = self.file.recovery.clone() else {
            return;
        };
        let last = *self.file.last_autosave.get_or_insert_with(Instant::now);
        if !self.has_unsaved_changes()
            || self.file.recovery_offer.is_some()
            || last.elapsed() < self.file.autosave_every
        {
            return;
        }
        self.file.last_autosave = Some(Instant::now());
        let ws = self.workspace();
        let source = self.save_target().map(Path::to_owned);
        let (tx, rx) = mpsc::channel();
        std::thread::spawn(move || {
            let _ = tx.send(
                store
                    .write(&ws, source.as_deref())
                    .map_err(|e| e.to_string()),
            );
        });
        self.file.autosave = Some(rx);
    }

    /// The restore offer and the close prompt.
    pub(super) fn file_windows_ui(&mut self, ctx: &egui::Context) {
        if let Some(offer) = &self.file.recovery_offer {
            let from = offer
                .source
                .as_ref()
                .map(|p| p.display().to_string())
                .unwrap_or_else(|| "an unsaved workspace".into());
            let mut choice = None;
            egui::Modal::new(egui::Id::unique("recovery_offer")).show(ctx, |ui| {
                ui.heading("Restore unsaved work?");
                ui.label(format!(
                    "The last session ended without saving {from} ({} entities).",
                    offer.workspace.model.entities.len()
                ));
                ui.horizontal(|ui| {
                    if ui.button("Restore").clicked() {
                        choice = Some(true);
                    }
                    if ui.button("Discard").clicked() {
                        choice = Some(false);
                    }
                });
            });
            match choice {
                Some(true) => self.restore_recovery(),
                Some(false) => {
                    self.file.recovery_offer = None;
                    self.clear_recovery();
                }
                None => {}
            }
        }
        if let Some(path) = self.file.pending_open.clone() {
            let mut choice = None;
            egui::Modal::new(egui::Id::unique("open_prompt")).show(ctx, |ui| {
                ui.heading("Open without saving?");
                ui.label(format!(
                    "{} has unsaved changes. Open {} and drop them?",
                    self.name,
                    path.display()
                ));
                ui.horizontal(|ui| {
                    if ui.button("Open anyway").clicked() {
                        choice = Some(true);
                    }
                    if ui.button("Keep working").clicked() {
                        choice = Some(false);
                    }
                });
            });
            match choice {
                Some(true) => {
                    self.file.pending_open = None;
                    self.open_path(path);
                }
                Some(false) => self.file.pending_open = None,
                None => {}
            }
        }
        if self.file.close_prompt {
            let mut choice = None;
            egui::Modal::new(egui::Id::unique("close_prompt")).show(ctx, |ui| {
                ui.heading("Save changes before closing?");
                ui.label(format!("{} has unsaved changes.", self.name));
                ui.horizontal(|ui| {
                    for c in ["Save", "Discard", "Cancel"] {
                        if ui.button(c).clicked() {
                            choice = Some(c);
                        }
                    }
                });
            });
            match choice {
                Some("Save") => {
                    self.file.close_prompt = false;
                    self.file.close_after_save = true;
                    match self.save_target().map(Path::to_owned) {
                        Some(p) => {
                            self.save_reporting(&p);
                            if !self.has_unsaved_changes() {
                                self.file.allow_close = true;
                                ctx.send_viewport_cmd(egui::ViewportCommand::Close);
                            }
                        }
                        None => self.ask(DialogKind::SaveAs),
                    }
                }
                Some("Discard") => {
                    self.file.close_prompt = false;
                    self.file.allow_close = true;
                    self.clear_recovery();
                    ctx.send_viewport_cmd(egui::ViewportCommand::Close);
                }
                Some(_) => self.file.close_prompt = false,
                None => {}
            }
        }
    }

    /// Take the offered recovery workspace as the open one (unsaved; the file it came from, if
    /// any, stays the save target).
    pub fn restore_recovery(&mut self) {
        let Some(rec) = self.file.recovery_offer.take() else {
            return;
        };
        // The start-up load would replace the restored work.
        self.jobs.load = None;
        let ws = rec.workspace;
        self.name = rec
            .source
            .as_deref()
            .map(jobs::workspace_name)
            .unwrap_or_else(|| "recovered".into());
        self.path = rec.source;
        self.set_model_with_floor(ws.model, Some(ws.chart), ws.next_ids);
        // Restored work is not saved anywhere yet; the recovery file stays until it is.
        self.dirty = true;
    }
}
