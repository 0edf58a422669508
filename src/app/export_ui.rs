//! The Export menu: the chart as PNG or SVG (the same scene as the screen, with the filters in
//! force), its data as GraphML or CSV, and the image copied to the clipboard.
//!
//! The save dialog and the export itself run on a worker thread; the result comes back through
//! a channel polled each frame, so the UI never waits on a dialog or a large render.

use std::path::PathBuf;
use std::sync::mpsc::{Receiver, channel};

use crate::export::{self, Background, ExportOptions, Format, Region, Size};
use crate::scene::{Bounds, SceneOptions, build_scene};

use super::LinkchartApp;

/// The analyst's export choices and the export under way.
pub struct ExportUi {
    /// Only what is on screen, rather than the whole chart.
    pub visible_only: bool,
    /// 1, 2 or 4 image pixels per screen point.
    pub scale: u8,
    pub transparent: bool,
    pub legend: bool,
    pub caption: bool,
    pending: Option<Receiver<Result<String, String>>>,
    /// The last outcome, shown beside the menu.
    pub message: Option<Result<String, String>>,
}

impl Default for ExportUi {
    fn default() -> Self {
        Self {
            visible_only: false,
            scale: 2,
            transparent: false,
            legend: true,
            caption: true,
            pending: None,
            message: None,
        }
    }
}

impl ExportUi {
    /// The image options these choices give, for a canvas showing `visible` (chart coordinates).
    pub fn options(&self, visible: Bounds) -> ExportOptions {
        ExportOptions {
            region: if self.visible_only {
                Region::Area(visible)
            } else {
                Region::Whole
            },
            size: Size::Scale(f32::from(self.scale)),
            background: if self.transparent {
                Background::Transparent
            } else {
                Background::White
            },
            legend: self.legend,
            caption: self.caption,
        }
    }
}

impl LinkchartApp {
    /// The chart rectangle on screen now, in chart coordinates.
    fn visible_chart_bounds(&self) -> Bounds {
        let rect = self.canvas.rect;
        let size = [rect.width(), rect.height()];
        let a = self.chart.view.chart_from_screen(size, [0.0, 0.0]);
        let b = self.chart.view.chart_from_screen(size, size);
        Bounds::from_corners(a, b)
    }

    /// Ask where to save, then export in the background.
    pub fn start_export(&mut self, format: Format) {
        let options = self.export_ui.options(self.visible_chart_bounds());
        let (model, chart, view) = (self.model.clone(), self.chart.clone(), self.view().clone());
        let ext = match format {
            Format::Png => "png",
            Format::Svg => "svg",
            Format::GraphMl => "graphml",
            Format::Csv => "csv",
        };
        let name = format!("{}.{ext}", file_stem(&self.name));
        let (tx, rx) = channel();
        std::thread::spawn(move || {
            let Some(path) = rfd::FileDialog::new()
                .set_file_name(&name)
                .add_filter(ext.to_uppercase(), &[ext])
                .save_file()
            else {
                return; // cancelled: nothing to report
            };
            let _ = tx.send(export_to(&path, format, &model, &chart, &view, &options));
        });
        self.export_ui.pending = Some(rx);
    }

    /// Export straight to `path` (no dialog): the menu's worker and the tests use it.
    pub fn export_to_path(&mut self, path: &std::path::Path) -> Result<String, String> {
        let format = Format::from_path(path).ok_or_else(|| {
            format!(
                "{}: not a .png, .svg, .graphml or .csv file",
                path.display()
            )
        })?;
        let options = self.export_ui.options(self.visible_chart_bounds());
        let result = export_to(
            path,
            format,
            &self.model,
            &self.chart,
            self.view(),
            &options,
        );
        self.export_ui.message = Some(result.clone());
        result
    }

    /// Render the chart as the PNG export would and put it on the clipboard.
    pub fn copy_image_to_clipboard(&mut self, ctx: &egui::Context) {
        let options = self.export_ui.options(self.visible_chart_bounds());
        let scene = build_scene(
            &self.model,
            &self.chart,
            self.view(),
            &SceneOptions {
                date: Some(export::today()),
                ..SceneOptions::default()
            },
        );
        self.export_ui.message = Some(match export::render(&scene, &options) {
            Ok(pixmap) => {
                let size = [pixmap.width() as usize, pixmap.height() as usize];
                ctx.copy_image(egui::ColorImage::from_rgba_premultiplied(
                    size,
                    pixmap.data(),
                ));
                Ok(format!("copied a {} x {} image", size[0], size[1]))
            }
            Err(e) => Err(format!("copy failed: {e}")),
        });
    }

    pub(super) fn export_menu_ui(&mut self, ui: &mut egui::Ui) {
        if let Some(rx) = &self.export_ui.pending
            && let Ok(result) = rx.try_recv()
        {
            self.export_ui.message = Some(result);
            self.export_ui.pending = None;
        }
        ui.menu_button("Export", |ui| {
            for (label, format) in [
                ("Chart as PNG...", Format::Png),
                ("Chart as SVG...", Format::Svg),
                (
                    "Data as GraphML (Gephi, Cytoscape, yEd)...",
                    Format::GraphMl,
                ),
                ("Data as CSV (i2 Analyst's Notebook)...", Format::Csv),
            ] {
                if ui.button(label).clicked() {
                    self.start_export(format);
                    ui.close();
                }
            }
            if ui.button("Copy image to clipboard").clicked() {
                let ctx = ui.ctx().clone();
                self.copy_image_to_clipboard(&ctx);
                ui.close();
            }
            ui.separator();
            let e = &mut self.export_ui;
            ui.checkbox(&mut e.visible_only, "Only what is on screen");
            ui.horizontal(|ui| {
                ui.label("Scale");
                for s in [1u8, 2, 4] {
                    ui.radio_value(&mut e.scale, s, format!("{s}x"));
                }
            });
            ui.checkbox(&mut e.transparent, "Transparent background");
            ui.checkbox(&mut e.legend, "Legend");
            ui.checkbox(&mut e.caption, "Caption (filters, sources, date)");
        });
        if self.export_ui.pending.is_some() {
            ui.spinner();
        }
        match &self.export_ui.message {
            Some(Ok(m)) => {
                ui.weak(m.as_str());
            }
            Some(Err(m)) => {
                ui.colored_label(ui.visuals().error_fg_color, m.as_str());
            }
            None => {}
        }
    }
}

fn export_to(
    path: &std::path::Path,
    format: Format,
    model: &crate::model::Model,
    chart: &crate::chart::ChartState,
    view: &crate::chart::View,
    options: &ExportOptions,
) -> Result<String, String> {
    export::write_export(path, format, model, chart, view, options)
        .map(|()| format!("exported {}", path.display()))
        .map_err(|e| format!("{}: {e}", path.display()))
}

/// A file name stem from the corpus or workspace name (`/a/b/seeds` → `seeds`).
fn file_stem(name: &str) -> String {
    let stem = PathBuf::from(name)
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    if stem.is_empty() {
        "chart".into()
    } else {
        stem
    }
}
