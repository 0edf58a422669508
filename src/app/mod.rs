//! The egui front end: the analyst's main workspace.
//!
//! [`LinkchartApp`] holds the model, the chart state and the background jobs; each panel lives
//! in its own file as `impl LinkchartApp { fn …_ui(&mut self, ui) }`. Tests construct the app
//! without a window ([`LinkchartApp::new_for_test`]) and drive it with egui_kittest.

pub mod draw;
mod export_ui;

use std::path::PathBuf;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use anyhow::Context as _;

use crate::chart::{ChartState, View, visible};
use crate::model::{DocIdx, EntityId, Model};
use crate::scene::Scene;

mod canvas;
mod document_view;
mod edit_ui;
mod entity_panel;
mod file_menu;
mod filters_panel;
pub mod jobs;

pub use canvas::CanvasState;
pub use document_view::DocumentView;
pub use entity_panel::source_line as entity_panel_source_line;
pub use file_menu::FileState;
pub use filters_panel::FiltersPanel;
pub use jobs::{Jobs, Source};

/// Open the GUI on `path` (a corpus folder or a `.linkchart` workspace), or on the bundled corpus.
pub fn run(path: Option<PathBuf>) -> anyhow::Result<()> {
    if let Some(p) = &path {
        anyhow::ensure!(p.exists(), "{}: no such file or folder", p.display());
    }
    let screenshot = std::env::var_os("LINKCHART_SCREENSHOT").map(PathBuf::from);
    let options = eframe::NativeOptions {
        viewport: egui::ViewportBuilder::default()
            .with_title("linkchart")
            .with_inner_size([1400.0, 880.0])
            .with_min_inner_size([640.0, 420.0]),
        ..Default::default()
    };
    eframe::run_native(
        "linkchart",
        options,
        Box::new(move |cc| {
            // A light chart on light panels, as analysts' charting tools are.
            cc.egui_ctx.set_theme(egui::Theme::Light);
            let mut app = LinkchartApp::open(Source::from_path(path), Some(cc.egui_ctx.clone()));
            app.file = FileState::user_default();
            app.offer_recovery();
            app.screenshot = screenshot.map(ScreenshotRequest::new);
            Ok(Box::new(app))
        }),
    )
    .map_err(|e| anyhow::anyhow!("{e}"))
    .context("cannot open the window")
}

/// Something a panel asks the app to do.
#[derive(Clone, Debug, PartialEq)]
pub enum Action {
    /// Select only this entity and centre the chart on it.
    Focus(EntityId),
    /// Open a document, scrolled to a sentence.
    OpenDocument { doc: DocIdx, sentence: Option<u32> },
}

/// The app: model, chart state, background jobs and the panels' own state.
pub struct LinkchartApp {
    pub model: Model,
    pub chart: ChartState,
    /// The workspace file, or the corpus folder it was read from.
    pub path: Option<PathBuf>,
    /// Corpus or workspace name, shown in the title.
    pub name: String,
    /// Unsaved changes. Panels set it for changes outside the edit history (filters, view,
    /// layout runs); the app keeps it equal to [`LinkchartApp::has_unsaved_changes`] between
    /// frames and edits, so undoing back to the saved state clears it.
    pub dirty: bool,
    /// A change outside the edit history happened since the last save.
    outside_dirty: bool,
    /// `dirty` was last set by the app because the history differs from the saved state.
    history_marked: bool,
    /// Undo and redo of the analyst's edits.
    pub history: crate::model::edit::EditHistory,
    /// `history.state_id()` when the workspace was last opened or saved.
    saved_state: u64,
    /// File menu, dialogs, recent files, autosave and the close prompt.
    pub file: FileState,
    edit_ui: edit_ui::EditUiState,
    pub jobs: Jobs,
    pub canvas: CanvasState,
    pub filters_panel: FiltersPanel,
    /// Counts the models loaded, so caches of what is derived from a model know it changed.
    model_generation: u64,
    pub document_view: Option<DocumentView>,
    /// Keep fitting the chart to the window until the analyst pans or zooms.
    pub auto_fit: bool,
    view: View,
    view_key: Option<ViewKey>,
    /// How often `view` was computed (tests: moves and pins leave it alone).
    view_computations: u64,
    scene: Scene,
    /// Keeps `scene` between frames, with its spatial indexes and levels of detail.
    scene_cache: crate::scene::cache::SceneCache,
    icons: draw::IconTextures,
    pub export_ui: export_ui::ExportUi,
    ctx: Option<egui::Context>,
    title_sent: String,
    frame_times: FrameTimes,
    screenshot: Option<ScreenshotRequest>,
    actions: Vec<Action>,
}

/// What the cached view depends on.
#[derive(Clone, PartialEq)]
struct ViewKey {
    filters: crate::chart::Filters,
    hidden: std::collections::BTreeSet<EntityId>,
    entities: usize,
    links: usize,
    /// The model's edit state: changes with edits of entities and links, not with moves, pins
    /// or the selection (which leave what is visible as it was).
    edits: u64,
}

impl LinkchartApp {
    /// Start loading `source` in the background.
    pub fn open(source: Source, ctx: Option<egui::Context>) -> Self {
        let mut app = Self::new_for_test(Model::default());
        app.name = match &source {
            Source::Bundled => "seeds".into(),
            Source::Folder(p) => p.display().to_string(),
            Source::Workspace(p) => jobs::workspace_name(p),
        };
        app.jobs.load = Some(jobs::LoadJob::spawn(source, ctx.clone()));
        app.ctx = ctx;
        app
    }

    /// An app on a ready model, with no window and no load job; the layout starts at once.
    pub fn new_for_test(model: Model) -> Self {
        let mut app = Self {
            model: Model::default(),
            chart: ChartState::default(),
            path: None,
            name: "untitled".into(),
            dirty: false,
            outside_dirty: false,
            history_marked: false,
            history: crate::model::edit::EditHistory::default(),
            saved_state: 0,
            file: FileState::default(),
            edit_ui: edit_ui::EditUiState::default(),
            jobs: Jobs::default(),
            canvas: CanvasState::default(),
            filters_panel: FiltersPanel::default(),
            model_generation: 0,
            document_view: None,
            auto_fit: true,
            view: View::default(),
            view_key: None,
            view_computations: 0,
            scene: Scene::default(),
            scene_cache: Default::default(),
            icons: draw::IconTextures::default(),
            export_ui: export_ui::ExportUi::default(),
            ctx: None,
            title_sent: String::new(),
            frame_times: FrameTimes::default(),
            screenshot: None,
            actions: Vec::new(),
        };
        if !model.entities.is_empty() {
            app.set_model(model, None);
        }
        app
    }

    /// Replace the model (and chart state, when the workspace carries one) and start the layout.
    pub fn set_model(&mut self, model: Model, chart: Option<ChartState>) {
        let floor = crate::model::edit::IdFloor::default().at_least(&model);
        self.set_model_with_floor(model, chart, floor);
    }

    /// [`set_model`](Self::set_model) with the id floor saved in a workspace; clears undo/redo.
    pub fn set_model_with_floor(
        &mut self,
        model: Model,
        chart: Option<ChartState>,
        floor: crate::model::edit::IdFloor,
    ) {
        self.history = crate::model::edit::EditHistory::new(floor);
        self.saved_state = self.history.state_id();
        self.outside_dirty = false;
        self.history_marked = false;
        self.model = model;
        self.model_generation += 1;
        let fresh = chart.is_none();
        self.chart = chart.unwrap_or_default();
        self.view_key = None;
        self.scene_cache.invalidate();
        self.document_view = None;
        self.dirty = false;
        self.refresh_view();
        if fresh {
            let start = crate::layout::layout_view(
                &self.model,
                &self.chart,
                &self.view,
                crate::layout::LayoutKind::Circular,
            );
            self.chart.positions.extend(start);
            self.auto_fit = true;
            self.jobs.layout = Some(jobs::LayoutRun::spawn(&self.model, &self.chart, &self.view));
        } else {
            // A workspace never viewed in the app (e.g. from `extract --workspace`) is fitted.
            self.auto_fit = self.chart.view == crate::chart::ViewTransform::default();
        }
    }

    /// The entities and links the filters let through.
    pub fn view(&self) -> &View {
        &self.view
    }

    /// How often the visible entities and links were computed (filters, hidden set or model
    /// changed; moves, pins and the selection leave them alone).
    pub fn view_computations(&self) -> u64 {
        self.view_computations
    }

    /// The scene drawn last frame.
    pub fn scene(&self) -> &Scene {
        &self.scene
    }

    /// Window title: `linkchart — name`, with `•` while there are unsaved changes.
    pub fn title(&self) -> String {
        format!(
            "linkchart — {}{}",
            self.name,
            if self.has_unsaved_changes() {
                " •"
            } else {
                ""
            }
        )
    }

    /// True when something changed since the workspace was opened or saved: an edit done or
    /// undone, or a filter, view or layout change.
    pub fn has_unsaved_changes(&self) -> bool {
        self.dirty || self.history.state_id() != self.saved_state
    }

    /// Remember the current state as saved.
    pub(crate) fn mark_saved(&mut self) {
        self.dirty = false;
        self.outside_dirty = false;
        self.history_marked = false;
        self.saved_state = self.history.state_id();
    }

    /// Fold `dirty` and the history into one mark: a `dirty` the app did not set itself is a
    /// change outside the history, which only a save clears.
    pub(crate) fn sync_dirty(&mut self) {
        if self.dirty && !self.history_marked {
            self.outside_dirty = true;
        }
        let history = self.history.state_id() != self.saved_state;
        self.dirty = self.outside_dirty || history;
        self.history_marked = history && !self.outside_dirty;
    }

    /// At the start of a frame, take the history's part out of `dirty`, so that a panel setting
    /// it during the frame is seen by [`sync_dirty`](Self::sync_dirty).
    fn begin_frame_dirty(&mut self) {
        self.sync_dirty();
        if self.history_marked {
            self.dirty = false;
            self.history_marked = false;
        }
    }

    /// Median CPU time of `ui` over the last 120 frames.
    pub fn median_frame_time(&self) -> Option<Duration> {
        self.frame_times.median()
    }

    /// Recompute the view when filters, the hidden set or the model changed.
    pub fn refresh_view(&mut self) {
        let key = ViewKey {
            filters: self.chart.filters.clone(),
            hidden: self.chart.hidden.clone(),
            entities: self.model.entities.len(),
            links: self.model.links.len(),
            edits: self.history.model_state_id(),
        };
        if self.view_key.as_ref() != Some(&key) {
            self.view = visible(&self.model, &self.chart);
            self.view_key = Some(key);
            self.view_computations += 1;
            // Whatever is no longer visible cannot stay selected.
            let view = &self.view;
            self.chart.selection.retain(|id| view.contains(*id));
        }
    }

    /// Forget the cached view (after an edit that keeps the entity and link counts).
    pub fn invalidate_view(&mut self) {
        self.view_key = None;
    }

    /// Apply finished background work. Returns true while work remains.
    pub fn poll_jobs(&mut self) -> bool {
        if let Some(load) = &self.jobs.load
            && let Some(result) = load.try_take()
        {
            self.jobs.load = None;
            match result {
                Ok(loaded) => {
                    self.name = loaded.name;
                    self.path = loaded.path;
                    self.jobs.error = None;
                    self.jobs.skipped = loaded.skipped;
                    if let Some(p) = &self.path
                        && jobs::is_workspace_path(p)
                    {
                        self.file.remember_recent(p);
                    }
                    let floor = loaded.next_ids.unwrap_or_default().at_least(&loaded.model);
                    self.set_model_with_floor(loaded.model, loaded.chart, floor);
                }
                Err(e) => self.jobs.error = Some(e),
            }
        }
        if let Some(layout) = &self.jobs.layout {
            layout.apply(&mut self.chart);
        }
        self.jobs.busy()
    }

    /// Block until loading and layout have finished (tests, screenshots). False on timeout.
    pub fn wait_for_jobs(&mut self, timeout: Duration) -> bool {
        let start = Instant::now();
        while self.poll_jobs() {
            if start.elapsed() > timeout {
                return false;
            }
            std::thread::sleep(Duration::from_millis(5));
        }
        // The last positions of a settled layout.
        self.poll_jobs();
        true
    }

    /// Rerun a layout of the visible entities on demand.
    pub fn relayout(&mut self, kind: LayoutChoice) {
        self.refresh_view();
        match kind {
            LayoutChoice::Force => {
                self.jobs.layout =
                    Some(jobs::LayoutRun::spawn(&self.model, &self.chart, &self.view));
            }
            LayoutChoice::Circular | LayoutChoice::ByCountry => {
                self.jobs.layout = None;
                let k = if kind == LayoutChoice::Circular {
                    crate::layout::LayoutKind::Circular
                } else {
                    crate::layout::LayoutKind::ByCountry
                };
                let positions = crate::layout::layout_view(&self.model, &self.chart, &self.view, k);
                for (id, p) in positions {
                    if !self.chart.pinned.contains(&id) {
                        self.chart.positions.insert(id, p);
                    }
                }
            }
        }
        self.auto_fit = true;
        self.dirty = true;
    }

    /// Select only `id` and centre the chart on it.
    pub fn focus(&mut self, id: EntityId) {
        self.chart.selection.clear();
        self.chart.selection.insert(id);
        self.chart.selected_link = None;
        if let Some(p) = self.chart.positions.get(&id) {
            self.chart.view.center = *p;
            self.chart.view.zoom = self.chart.view.zoom.max(1.0);
            self.auto_fit = false;
        }
    }

    fn apply_actions(&mut self) {
        for action in std::mem::take(&mut self.actions) {
            match action {
                Action::Focus(id) => {
                    // A hidden entity comes back when the analyst asks for it by name.
                    if self.chart.hidden.contains(&id) {
                        self.apply_edit(crate::model::edit::Edit::SetHidden {
                            entities: vec![id],
                            hidden: false,
                        });
                    }
                    self.focus(id);
                }
                Action::OpenDocument { doc, sentence } => {
                    self.document_view = Some(DocumentView::new(doc, sentence));
                }
            }
        }
    }

    fn menu_bar_ui(&mut self, ui: &mut egui::Ui) {
        egui::MenuBar::new().ui(ui, |ui| {
            self.file_menu_ui(ui);
            self.edit_menu_ui(ui);
            ui.menu_button("View", |ui| {
                if ui.button("Fit to view (F)").clicked() {
                    self.fit_to_view();
                    ui.close();
                }
                if ui.button("Select all (Ctrl+A)").clicked() {
                    self.select_all();
                    ui.close();
                }
                if ui.button("Show hidden entities").clicked() {
                    self.show_all_hidden();
                    ui.close();
                }
            });
            self.export_menu_ui(ui);
            ui.menu_button("Layout", |ui| {
                for (label, kind) in [
                    ("Force-directed", LayoutChoice::Force),
                    ("Circular", LayoutChoice::Circular),
                    ("Grouped by country", LayoutChoice::ByCountry),
                ] {
                    if ui.button(label).clicked() {
                        self.relayout(kind);
                        ui.close();
                    }
                }
                ui.separator();
                if ui.button("Unpin all").clicked() {
                    if !self.chart.pinned.is_empty() {
                        let entities = self.chart.pinned.iter().copied().collect();
                        self.apply_edit(crate::model::edit::Edit::SetPinned {
                            entities,
                            pinned: false,
                        });
                    }
                    ui.close();
                }
            });
        });
    }

    fn status_bar_ui(&mut self, ui: &mut egui::Ui) {
        ui.horizontal(|ui| {
            if let Some(p) = self.jobs.status() {
                ui.spinner();
                match p.fraction {
                    Some(f) => {
                        ui.add(egui::ProgressBar::new(f).desired_width(160.0).text(p.what));
                    }
                    None => {
                        ui.label(p.what);
                    }
                }
                ui.separator();
            }
            if let Some(e) = &self.jobs.error {
                ui.colored_label(ui.visuals().error_fg_color, e);
                ui.separator();
            }
            if !self.jobs.skipped.is_empty() {
                ui.colored_label(
                    ui.visuals().warn_fg_color,
                    format!("{} files skipped", self.jobs.skipped.len()),
                )
                .on_hover_text(self.jobs.skipped.join("\n"));
                ui.separator();
            }
            let v = &self.view;
            ui.label(format!(
                "{} documents · {} of {} entities · {} of {} links",
                self.model.documents.len(),
                v.entities.len(),
                self.model.entities.len(),
                v.links.len(),
                self.model.links.len()
            ));
            if !self.chart.selection.is_empty() {
                ui.separator();
                ui.label(format!("{} selected", self.chart.selection.len()));
            }
            ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                if let Some(t) = self.frame_times.median() {
                    ui.weak(format!("ui {:.2} ms", t.as_secs_f64() * 1000.0));
                }
                ui.weak(
                    "drag: move · background: pan · shift/right-drag: box select · wheel: zoom",
                );
            });
        });
    }

    fn update_title(&mut self, ctx: &egui::Context) {
        let title = self.title();
        if title != self.title_sent {
            ctx.send_viewport_cmd(egui::ViewportCommand::Title(title.clone()));
            self.title_sent = title;
        }
    }
}

/// Layouts the analyst can rerun.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LayoutChoice {
    Force,
    Circular,
    ByCountry,
}

impl eframe::App for LinkchartApp {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        let start = Instant::now();
        let ctx = ui.ctx().clone();
        self.begin_frame_dirty();
        if self.poll_jobs() {
            ctx.request_repaint_after(Duration::from_millis(16));
        }
        self.refresh_view();
        self.file_shortcuts(&ctx);
        self.edit_shortcuts(&ctx);
        self.file_step(&ctx);
        self.update_title(&ctx);

        egui::Panel::top("menu_bar").show(ui, |ui| self.menu_bar_ui(ui));
        egui::Panel::bottom("status_bar").show(ui, |ui| self.status_bar_ui(ui));
        egui::Panel::left("filters")
            .default_size(260.0)
            .show(ui, |ui| self.filters_panel_ui(ui));
        egui::Panel::right("entity")
            .default_size(340.0)
            .show(ui, |ui| self.entity_panel_ui(ui));
        egui::CentralPanel::default()
            .frame(egui::Frame::NONE)
            .show(ui, |ui| {
                self.active_filters_ui(ui);
                self.canvas_ui(ui);
            });
        self.document_view_ui(&ctx);
        self.file_windows_ui(&ctx);
        self.apply_actions();
        self.refresh_view();
        self.sync_dirty();
        self.frame_times.push(start.elapsed());
        self.screenshot_step(&ctx);
    }
}

/// Rolling CPU time of `ui`.
#[derive(Default)]
struct FrameTimes {
    recent: std::collections::VecDeque<Duration>,
}

impl FrameTimes {
    fn push(&mut self, t: Duration) {
        if self.recent.len() == 120 {
            self.recent.pop_front();
        }
        self.recent.push_back(t);
    }

    /// The median, so that the first frames (font atlas, first layout) do not dominate.
    fn median(&self) -> Option<Duration> {
        let mut v: Vec<Duration> = self.recent.iter().copied().collect();
        v.sort_unstable();
        v.get(v.len() / 2).copied()
    }

    fn max(&self) -> Option<Duration> {
        self.recent.iter().max().copied()
    }
}

/// `LINKCHART_SCREENSHOT=FILE.png`: once the chart is drawn and the layout settled, save a
/// screenshot and close the window.
struct ScreenshotRequest {
    path: PathBuf,
    started: Instant,
    settled_frames: u32,
    requested: bool,
    image: Arc<Mutex<Option<Arc<egui::ColorImage>>>>,
}

impl ScreenshotRequest {
    fn new(path: PathBuf) -> Self {
        Self {
            path,
            started: Instant::now(),
            settled_frames: 0,
            requested: false,
            image: Arc::new(Mutex::new(None)),
        }
    }
}

impl LinkchartApp {
    fn screenshot_step(&mut self, ctx: &egui::Context) {
        let busy = self.jobs.busy();
        let Some(shot) = &mut self.screenshot else {
            return;
        };
        ctx.request_repaint();
        if !shot.requested {
            if busy && shot.started.elapsed() < Duration::from_secs(30) {
                return;
            }
            // A few frames after the layout settled, so the fitted chart is what gets drawn.
            shot.settled_frames += 1;
            if shot.settled_frames < 5 {
                return;
            }
            shot.requested = true;
            let slot = shot.image.clone();
            let repaint = ctx.clone();
            ctx.request_screenshot(move |image| {
                if let Ok(mut s) = slot.lock() {
                    *s = Some(image);
                }
                repaint.request_repaint();
            });
            return;
        }
        let image = shot.image.lock().ok().and_then(|mut s| s.take());
        if let Some(image) = image {
            match save_png(&image, &shot.path) {
                Ok(()) => {
                    let ms = |t: Option<Duration>| t.unwrap_or_default().as_secs_f64() * 1000.0;
                    let (median, max) = (ms(self.frame_times.median()), ms(self.frame_times.max()));
                    let frames = self.frame_times.recent.len();
                    eprintln!(
                        "linkchart: screenshot {} ({}x{}); {} entities, {} links drawn; ui time over {frames} frames: median {median:.2} ms, max {max:.2} ms",
                        shot.path.display(),
                        image.size[0],
                        image.size[1],
                        self.scene.nodes.len(),
                        self.scene.edges.len(),
                    );
                }
                Err(e) => eprintln!("linkchart: {e:#}"),
            }
            ctx.send_viewport_cmd(egui::ViewportCommand::Close);
        }
    }
}

/// Write an egui screenshot as PNG.
pub fn save_png(image: &egui::ColorImage, path: &std::path::Path) -> anyhow::Result<()> {
    let [w, h] = image.size;
    let mut data = Vec::with_capacity(w * h * 4);
    for c in &image.pixels {
        // tiny-skia wants premultiplied alpha; a screenshot is opaque, but be exact anyway.
        let [r, g, b, a] = c.to_array();
        data.extend_from_slice(&[r, g, b, a]);
    }
    let size = resvg::tiny_skia::IntSize::from_wh(w as u32, h as u32)
        .with_context(|| format!("{}: empty screenshot", path.display()))?;
    let pixmap = resvg::tiny_skia::Pixmap::from_vec(data, size)
        .with_context(|| format!("{}: bad screenshot buffer", path.display()))?;
    pixmap
        .save_png(path)
        .with_context(|| format!("{}: cannot write PNG", path.display()))
}
