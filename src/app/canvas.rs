//! The chart canvas: pan, zoom, select, box-select, drag nodes, keyboard shortcuts, tooltip.
//!
//! Mouse: drag a node to move it (and the selection with it; moved nodes are pinned); drag the
//! background to pan; shift-drag or right-drag the background to box-select; wheel or pinch to
//! zoom around the pointer; click to select, shift/ctrl-click to add or remove.
//! Keys: Delete hides the selection, Esc clears it, Ctrl+A selects all, Ctrl+F searches,
//! F fits the chart to the window.

use std::collections::BTreeSet;

use egui::{Color32, Pos2, Rect, Sense, Stroke, Vec2, pos2};

use super::LinkchartApp;
use super::draw::PaintStats;
use crate::model::EntityId;
use crate::scene::cache::CacheStats;
use crate::scene::{Bounds, lod};

/// A pointer hits a node within this many points of its circle, and a small node as if it were
/// at least `MIN_HIT_RADIUS` points wide.
const HIT_PAD: f32 = 2.0;
const MIN_HIT_RADIUS: f32 = 6.0;
/// A pointer hits a link within this many points of its line.
const LINK_HIT: f32 = 5.0;
/// With more links than this on screen (the core of a big laid-out chart, where hubs have
/// thousands of links), a big chart is drawn merged even when zoomed in: the single lines
/// cannot be told apart there, and drawing each would cost more than a frame.
pub const MAX_SCREEN_LINKS: usize = 15_000;
/// While a layout streams in, a view found crowded (more than [`MAX_SCREEN_LINKS`] links) is
/// drawn merged without looking again for this long, as long as it stays the same or wider.
const CROWDED_RECHECK: std::time::Duration = std::time::Duration::from_millis(500);
/// Selected nodes drawn over a merged (zoomed-out) chart, at most.
const MAX_SELECTED_OVER_LOD: usize = 5_000;
/// The links mesh is built for the view grown by this fraction of its width and height on
/// every side, so that a pan within that margin only moves it (see [`LinksCache`]).
const LINKS_MARGIN: f32 = 0.25;

/// The links drawn for an area around the view, reused while the scene, zoom, canvas and
/// label setting stay the same and the view stays inside that area: a still frame paints the
/// same mesh again, a pan moves it, and only the links and nodes in view are looked up.
#[derive(Clone, Debug)]
struct LinksCache {
    generation: u64,
    zoom: f32,
    rect: Rect,
    labels: bool,
    dashes: bool,
    /// The chart area the mesh covers (the view when built, grown by [`LINKS_MARGIN`]).
    area: Bounds,
    /// The view centre the mesh was built at (its screen positions are for that centre).
    center: [f32; 2],
    /// The edges found in `area`, in drawing order.
    edges: Vec<u32>,
    mesh: std::sync::Arc<egui::Mesh>,
    too_short: Vec<u32>,
    /// The last view painted from this cache.
    last: Option<LastView>,
}

/// A view painted from the [`LinksCache`]: where it was, and the edges and nodes in it.
#[derive(Clone, Debug)]
struct LastView {
    area: Bounds,
    center: [f32; 2],
    edges: Vec<u32>,
    nodes: Vec<u32>,
}

/// The view area (and scene and zoom) whose grown area held too many links to cache, so the
/// frames that follow do not look again.
#[derive(Clone, Copy, Debug, PartialEq)]
struct CrowdedMargin {
    generation: u64,
    zoom: f32,
    area: Bounds,
}

/// What a drag on the canvas is doing.
#[derive(Clone, Debug, Default, PartialEq)]
enum Drag {
    #[default]
    None,
    Pan,
    /// The dragged nodes with where each was and whether it was pinned when the drag started,
    /// so the drop becomes one undoable move.
    Nodes(Vec<(EntityId, [f32; 2], bool)>),
    Box {
        start: Pos2,
        additive: bool,
    },
}

/// Canvas state that is not saved: the screen rectangle and the gesture in progress.
#[derive(Clone, Debug)]
pub struct CanvasState {
    /// The canvas rectangle of the last frame, in screen points.
    pub rect: Rect,
    pub hovered: Option<EntityId>,
    drag: Drag,
    /// What the last frame painted.
    pub painted: PaintStats,
    /// The chart area (and when) last found to hold more than [`MAX_SCREEN_LINKS`] links.
    crowded: Option<(Bounds, std::time::Instant)>,
    /// The links drawn last, for frames that reuse them.
    links: Option<LinksCache>,
    crowded_margin: Option<CrowdedMargin>,
    /// The scene generation the links were last built for.
    links_built_at: Option<u64>,
}

impl Default for CanvasState {
    fn default() -> Self {
        Self {
            rect: Rect::NOTHING,
            hovered: None,
            drag: Drag::None,
            painted: PaintStats::default(),
            crowded: None,
            links: None,
            crowded_margin: None,
            links_built_at: None,
        }
    }
}

impl LinkchartApp {
    /// Screen position of an entity's centre (last frame's canvas), for tests and tooltips.
    pub fn screen_pos_of(&self, id: EntityId) -> Option<Pos2> {
        let p = self.chart.positions.get(&id)?;
        Some(self.screen_from_chart(*p))
    }

    pub(crate) fn screen_from_chart(&self, p: [f32; 2]) -> Pos2 {
        let r = self.canvas.rect;
        let s = self
            .chart
            .view
            .screen_from_chart([r.width(), r.height()], p);
        pos2(r.min.x + s[0], r.min.y + s[1])
    }

    pub(crate) fn chart_from_screen(&self, p: Pos2) -> [f32; 2] {
        let r = self.canvas.rect;
        self.chart
            .view
            .chart_from_screen([r.width(), r.height()], [p.x - r.min.x, p.y - r.min.y])
    }

    /// The topmost visible entity under a screen point (through the scene's spatial index).
    /// Small nodes get a minimum target size, except on a merged (zoomed-out) chart, where
    /// that would cover everything: there the pointer must be on a node for it to count, so
    /// dragging the background pans.
    pub fn entity_at(&self, p: Pos2) -> Option<EntityId> {
        let zoom = self.chart.view.zoom;
        let min_radius = if self.drawn_merged() {
            0.0
        } else {
            MIN_HIT_RADIUS / zoom
        };
        let i = self.scene_cache.node_at(
            &self.scene,
            self.chart_from_screen(p),
            min_radius,
            HIT_PAD / zoom,
        )?;
        self.scene.nodes.get(i).map(|n| n.id)
    }

    /// True when the chart is drawn merged (dots and bundles): zoomed out on a big chart, or
    /// too many links on screen (what the last frame drew; before any, what the zoom says).
    fn drawn_merged(&self) -> bool {
        self.canvas.painted.lod_level.is_some() || lod::wants_lod(&self.scene, self.chart.view.zoom)
    }

    /// Whether a slow position update (a layout step on a huge chart) is followed by frames
    /// that leave positions alone (on unless turned off; benchmarks measure every step).
    pub fn hold_back_slow_updates(&mut self, on: bool) {
        self.scene_cache.hold_back_slow_updates(on);
    }

    /// How often the drawn scene was built, updated in place and merged (tests, diagnostics).
    pub fn scene_stats(&self) -> CacheStats {
        self.scene_cache.stats()
    }

    /// The visible chart rectangle (chart coordinates) of the last frame.
    pub fn visible_chart_area(&self) -> Bounds {
        let r = self.canvas.rect;
        Bounds::from_corners(self.chart_from_screen(r.min), self.chart_from_screen(r.max))
    }

    /// Zoom and centre so the whole chart fits the canvas.
    pub fn fit_to_view(&mut self) {
        let mut b = Bounds::EMPTY;
        for id in &self.view.entities {
            if let Some(p) = self.chart.positions.get(id) {
                b.include(*p, 30.0);
            }
        }
        self.fit_bounds(b);
    }

    /// Zoom and centre so `b` (chart coordinates) fits the canvas.
    fn fit_bounds(&mut self, b: Bounds) {
        if b.is_empty() {
            return;
        }
        let r = self.canvas.rect;
        let (w, h) = if r.width() > 10.0 && r.height() > 10.0 {
            (r.width(), r.height())
        } else {
            (800.0, 600.0)
        };
        self.chart.view.center = b.center();
        self.chart.view.zoom = (w / b.width().max(1.0))
            .min(h / b.height().max(1.0))
            .clamp(0.05, 1.6)
            * 0.92;
    }

    pub fn select_all(&mut self) {
        self.chart.selection = self.view.entities.iter().copied().collect();
    }

    /// Hide the selected entities.
    pub fn hide_selection(&mut self) {
        if self.chart.selection.is_empty() {
            return;
        }
        let entities: Vec<EntityId> = self.chart.selection.iter().copied().collect();
        self.apply_edit(crate::model::edit::Edit::SetHidden {
            entities,
            hidden: true,
        });
    }

    pub(super) fn canvas_ui(&mut self, ui: &mut egui::Ui) {
        let (rect, response) = ui.allocate_exact_size(ui.available_size(), Sense::click_and_drag());
        self.canvas.rect = rect;
        let painter = ui.painter_at(rect);
        painter.rect_filled(rect, 0.0, Color32::from_rgb(250, 250, 247));

        // Hit-testing uses what the last frame drew.
        self.keyboard(ui);
        self.pointer(ui, &response);

        // Rebuilt only when the model, filters or hidden set change; moved in place when
        // positions or the selection do (a dropped drag or a pin is no model edit); pan and
        // zoom leave it alone.
        self.scene_cache.ensure(
            &mut self.scene,
            &self.model,
            &self.chart,
            &self.view,
            self.history.model_state_id(),
        );
        if let Some(due) = self.scene_cache.pending() {
            // Moves held back after a slow update (a layout step on a huge chart) come then.
            ui.ctx().request_repaint_after(due);
        }
        if self.auto_fit {
            let b = self.scene_cache.fit_bounds();
            self.fit_bounds(b);
        }
        self.canvas.painted = self.paint_chart(&painter, rect);

        if let Drag::Box { start, .. } = self.canvas.drag
            && let Some(now) = response.interact_pointer_pos()
        {
            let r = Rect::from_two_pos(start, now);
            painter.rect_filled(r, 0.0, Color32::from_rgba_unmultiplied(40, 110, 220, 30));
            painter.rect_stroke(
                r,
                0.0,
                Stroke::new(1.0, Color32::from_rgb(40, 110, 220)),
                egui::StrokeKind::Inside,
            );
        }
        if self.view.entities.is_empty() && !self.jobs.busy() {
            painter.text(
                rect.center(),
                egui::Align2::CENTER_CENTER,
                if self.model.entities.is_empty() {
                    "No entities"
                } else {
                    "Every entity is filtered out or hidden"
                },
                egui::FontId::proportional(16.0),
                Color32::GRAY,
            );
        }
        if self.canvas.drag == Drag::None {
            if let Some(id) = self.canvas.hovered {
                response.on_hover_ui_at_pointer(|ui| self.tooltip_ui(ui, id));
            } else if let Some(link) = response.hover_pos().and_then(|p| self.link_at(p)) {
                response.on_hover_ui_at_pointer(|ui| self.link_tooltip_ui(ui, link));
            }
        }
    }

    /// Paint what is on screen: merged dots and bundles when zoomed out on a big chart or when
    /// more than [`MAX_SCREEN_LINKS`] links are in view (with the selected nodes on top), else
    /// the nodes and links the spatial index finds in view.
    fn paint_chart(&mut self, painter: &egui::Painter, rect: Rect) -> PaintStats {
        let view = self.chart.view;
        let size = [rect.width(), rect.height()];
        let to_screen = |p: [f32; 2]| {
            let s = view.screen_from_chart(size, p);
            egui::pos2(rect.min.x + s[0], rect.min.y + s[1])
        };
        let area = self.visible_chart_area();
        let labels =
            crate::scene::style::EDGE_LABEL_SIZE * view.zoom >= super::draw::MIN_LABEL_SCREEN_SIZE;
        let zoomed_out = lod::wants_lod(&self.scene, view.zoom);
        // A big chart is merged when too many links are in view (small ones never are).
        let max_edges = if self.scene.nodes.len() >= lod::LOD_MIN_NODES {
            MAX_SCREEN_LINKS
        } else {
            usize::MAX
        };
        // While a layout streams in (links left out of date) on a view found crowded a moment
        // ago and not narrowed since, the links are neither redrawn nor counted again: the
        // view is drawn merged, from the nodes' current places.
        let still_crowded = !zoomed_out
            && self.scene_cache.deferred_edges() > 0
            && self.canvas.crowded.is_some_and(|(was, at)| {
                area.contains(was.min) && area.contains(was.max) && at.elapsed() < CROWDED_RECHECK
            });
        let visible = if zoomed_out || still_crowded {
            None
        } else {
            // Links left out of date by a layout step on a huge chart are redrawn once in view.
            self.scene_cache.refresh_edges_in(&mut self.scene, area);
            if let Some(stats) = self.paint_cached_links(painter, rect, area, labels, max_edges) {
                return stats;
            }
            let found = self
                .scene_cache
                .visible_at_most(&self.scene, area, labels, max_edges);
            self.canvas.crowded = found.is_none().then(|| (area, std::time::Instant::now()));
            found
        };
        let visible = match visible {
            Some(v) => v,
            None => {
                let level = lod::level_for_zoom(view.zoom);
                // While nodes are dragged (and drawn on top, being selected) the merged picture
                // stays as it was; it is merged again once they are dropped.
                let dragging = matches!(self.canvas.drag, Drag::Nodes(_));
                let merged = self.scene_cache.lod(&self.scene, level, dragging);
                let mut stats = super::draw::paint_lod(painter, merged, area, to_screen, view.zoom);
                let scene = &self.scene;
                let selected = self
                    .chart
                    .selection
                    .iter()
                    .take(MAX_SELECTED_OVER_LOD)
                    .filter_map(|id| scene.nodes.binary_search_by_key(id, |n| n.id).ok())
                    .map(|i| &scene.nodes[i])
                    .filter(|n| n.bounds().intersects(&area));
                for n in selected {
                    super::draw::paint_node(painter, n, to_screen, view.zoom, &mut self.icons);
                    stats.nodes += 1;
                }
                return stats;
            }
        };
        super::draw::paint_parts(
            painter,
            &self.scene,
            &visible.nodes,
            &visible.edges,
            to_screen,
            view.zoom,
            &mut self.icons,
        )
    }

    /// Paint the links from the [`LinksCache`] (built again when out of date) and the nodes
    /// and labels in view over them. None (the caller paints as before) while links are left
    /// out of date by a layout, or when the grown area holds more than `max_edges` links.
    fn paint_cached_links(
        &mut self,
        painter: &egui::Painter,
        rect: Rect,
        area: Bounds,
        labels: bool,
        max_edges: usize,
    ) -> Option<PaintStats> {
        let view = self.chart.view;
        let generation = self.scene_cache.generation();
        if self.scene_cache.deferred_edges() > 0 || area.is_empty() {
            self.canvas.links = None;
            return None;
        }
        let fits = |c: &LinksCache| {
            c.generation == generation
                && c.zoom == view.zoom
                && c.rect == rect
                && c.labels == labels
                && c.area.contains(area.min)
                && c.area.contains(area.max)
        };
        let margin_crowded = |m: &CrowdedMargin| {
            m.generation == generation
                && m.zoom == view.zoom
                && m.area.contains(area.min)
                && m.area.contains(area.max)
        };
        if !self.canvas.links.as_ref().is_some_and(fits) {
            self.canvas.links = None;
            if self
                .canvas
                .crowded_margin
                .as_ref()
                .is_some_and(margin_crowded)
            {
                return None;
            }
            // A scene that changed since the last build (a layout streaming in, a drag) will
            // likely change again next frame: then only the view is built, as without a cache.
            let margin = if self
                .canvas
                .links_built_at
                .is_none_or(|built| built == generation)
            {
                LINKS_MARGIN
            } else {
                0.0
            };
            self.canvas.links_built_at = Some(generation);
            let grown = Bounds::from_corners(
                [
                    area.min[0] - margin * area.width(),
                    area.min[1] - margin * area.height(),
                ],
                [
                    area.max[0] + margin * area.width(),
                    area.max[1] + margin * area.height(),
                ],
            );
            let Some(found) =
                self.scene_cache
                    .visible_at_most(&self.scene, grown, labels, max_edges)
            else {
                self.canvas.crowded_margin = Some(CrowdedMargin {
                    generation,
                    zoom: view.zoom,
                    area: grown,
                });
                return None;
            };
            self.canvas.crowded_margin = None;
            let edges = found.edges;
            let exact = if margin > 0.0 {
                self.scene_cache
                    .edges_among(&self.scene, &edges, area, labels)
            } else {
                edges.clone()
            };
            let dashes = exact.len() <= super::draw::MAX_DASHED_EDGES;
            let size = [rect.width(), rect.height()];
            let to_screen = |p: [f32; 2]| {
                let s = view.screen_from_chart(size, p);
                egui::pos2(rect.min.x + s[0], rect.min.y + s[1])
            };
            let screen_area = Rect::from_two_pos(to_screen(grown.min), to_screen(grown.max));
            let built = super::draw::links_mesh(
                &self.scene,
                &edges,
                to_screen,
                view.zoom,
                screen_area,
                dashes,
            );
            self.canvas.links = Some(LinksCache {
                generation,
                zoom: view.zoom,
                rect,
                labels,
                dashes,
                area: grown,
                center: view.center,
                edges,
                mesh: std::sync::Arc::new(built.mesh),
                too_short: built.too_short,
                last: (margin == 0.0).then_some(LastView {
                    area,
                    center: view.center,
                    edges: exact,
                    nodes: found.nodes,
                }),
            });
        }
        let cache = self.canvas.links.as_mut()?;
        // The edges and nodes in view: the last frame's on a still frame.
        let (edges, nodes) = match cache.last.take() {
            Some(last) if last.area == area && last.center == view.center => {
                (last.edges, last.nodes)
            }
            _ => (
                self.scene_cache
                    .edges_among(&self.scene, &cache.edges, area, labels),
                self.scene_cache.visible_nodes(&self.scene, area),
            ),
        };
        if (edges.len() <= super::draw::MAX_DASHED_EDGES) != cache.dashes {
            // Dashes are drawn or not by how many links are in view: build again next frame.
            self.canvas.links = None;
            return None;
        }
        let shift = Vec2::new(
            (cache.center[0] - view.center[0]) * view.zoom,
            (cache.center[1] - view.center[1]) * view.zoom,
        );
        if shift == Vec2::ZERO {
            painter.add(egui::Shape::Mesh(cache.mesh.clone()));
        } else {
            let mut mesh = egui::Mesh::clone(&cache.mesh);
            mesh.translate(shift);
            painter.add(egui::Shape::mesh(mesh));
        }
        let too_short = edges
            .iter()
            .filter(|i| cache.too_short.binary_search(i).is_ok())
            .count();
        let size = [rect.width(), rect.height()];
        let to_screen = |p: [f32; 2]| {
            let s = view.screen_from_chart(size, p);
            egui::pos2(rect.min.x + s[0], rect.min.y + s[1])
        };
        let mut stats = super::draw::paint_nodes_and_labels(
            painter,
            &self.scene,
            &nodes,
            &edges,
            to_screen,
            view.zoom,
            &mut self.icons,
        );
        stats.edges = edges.len() - too_short;
        cache.last = Some(LastView {
            area,
            center: view.center,
            edges,
            nodes,
        });
        Some(stats)
    }

    /// The link drawn under a screen point (within 5 points of its line), through the scene's
    /// spatial index. None while the chart is drawn merged (no single links are shown).
    pub fn link_at(&self, p: Pos2) -> Option<crate::model::LinkId> {
        let zoom = self.chart.view.zoom;
        if self.drawn_merged() {
            return None;
        }
        let i =
            self.scene_cache
                .edge_at(&self.scene, self.chart_from_screen(p), LINK_HIT / zoom)?;
        self.scene.edges.get(i).map(|e| e.link)
    }

    fn link_tooltip_ui(&self, ui: &mut egui::Ui, id: crate::model::LinkId) {
        let Some(l) = self.model.link(id) else {
            return;
        };
        let name = |id| self.model.entity(id).map_or("?", |e| e.name.as_str());
        ui.strong(format!("{} {} {}", name(l.from), l.label, name(l.to)));
        ui.label(format!(
            "{:?} · {} sentences in {} documents",
            self.model.confidence(l),
            l.evidence.len(),
            l.documents().len()
        ));
        ui.weak("click to read the evidence");
    }

    fn tooltip_ui(&self, ui: &mut egui::Ui, id: EntityId) {
        let Some(e) = self.model.entity(id) else {
            return;
        };
        ui.strong(&e.name);
        ui.label(format!("{}", e.kind));
        if !e.aliases.is_empty() {
            ui.label(format!("also: {}", e.aliases.join(", ")));
        }
        if !e.countries.is_empty() {
            ui.label(format!("countries: {}", e.countries.join(", ")));
        }
        ui.label(format!(
            "{} mentions in {} documents · {} links",
            e.mentions.len(),
            e.documents().len(),
            self.model.links_of(id).count()
        ));
    }

    fn keyboard(&mut self, ui: &egui::Ui) {
        if ui.ctx().egui_wants_keyboard_input() {
            return;
        }
        let (delete, esc, all, find, fit) = ui.input_mut(|i| {
            (
                i.consume_key(egui::Modifiers::NONE, egui::Key::Delete)
                    || i.consume_key(egui::Modifiers::NONE, egui::Key::Backspace),
                i.consume_key(egui::Modifiers::NONE, egui::Key::Escape),
                i.consume_key(egui::Modifiers::COMMAND, egui::Key::A),
                i.consume_key(egui::Modifiers::COMMAND, egui::Key::F),
                i.consume_key(egui::Modifiers::NONE, egui::Key::F),
            )
        });
        if delete {
            self.hide_selection();
        }
        if esc {
            self.chart.selection.clear();
            self.chart.selected_link = None;
        }
        if all {
            self.select_all();
        }
        if find {
            self.filters_panel.focus_search = true;
        }
        if fit {
            self.fit_to_view();
            self.auto_fit = false;
        }
    }

    fn pointer(&mut self, ui: &egui::Ui, response: &egui::Response) {
        let modifiers = ui.input(|i| i.modifiers);
        let additive = modifiers.shift || modifiers.command;
        self.canvas.hovered = response.hover_pos().and_then(|p| self.entity_at(p));

        // Zoom around the pointer: wheel, ctrl-wheel or pinch.
        if response.hovered() {
            let (scroll, pinch) = ui.input(|i| (i.smooth_scroll_delta.y, i.zoom_delta()));
            let factor = pinch * (scroll * 0.0015).exp();
            if (factor - 1.0).abs() > 1e-4
                && let Some(p) = response.hover_pos()
            {
                self.zoom_around(p, factor);
            }
        }

        if response.drag_started() {
            // Where the button went down, not where the drag was recognised.
            let press = ui
                .input(|i| i.pointer.press_origin())
                .or(response.interact_pointer_pos());
            let secondary = ui.input(|i| i.pointer.secondary_down());
            let hit = press.and_then(|p| self.entity_at(p));
            self.canvas.drag = match (hit, press) {
                (Some(id), _) if !secondary => {
                    if !self.chart.selection.contains(&id) {
                        if !additive {
                            self.chart.selection.clear();
                        }
                        self.chart.selection.insert(id);
                    }
                    Drag::Nodes(
                        self.chart
                            .selection
                            .iter()
                            .filter_map(|id| {
                                let p = self.chart.positions.get(id)?;
                                Some((*id, *p, self.chart.pinned.contains(id)))
                            })
                            .collect(),
                    )
                }
                (_, Some(start)) if secondary || modifiers.shift => Drag::Box {
                    start,
                    additive: modifiers.shift || modifiers.command,
                },
                _ => Drag::Pan,
            };
        }
        let delta = response.drag_delta();
        match &self.canvas.drag {
            Drag::Pan if delta != Vec2::ZERO => {
                let z = self.chart.view.zoom;
                self.chart.view.center[0] -= delta.x / z;
                self.chart.view.center[1] -= delta.y / z;
                self.auto_fit = false;
            }
            Drag::Nodes(ids) if delta != Vec2::ZERO => {
                let z = self.chart.view.zoom;
                for (id, _, _) in ids.clone() {
                    if let Some(p) = self.chart.positions.get_mut(&id) {
                        p[0] += delta.x / z;
                        p[1] += delta.y / z;
                        let at = *p;
                        self.chart.pinned.insert(id);
                        if let Some(layout) = &self.jobs.layout {
                            layout.pin(id, at);
                        }
                    }
                }
                self.auto_fit = false;
            }
            _ => {}
        }
        if response.drag_stopped() {
            if let Drag::Box { start, additive } = self.canvas.drag
                && let Some(end) = response.interact_pointer_pos()
            {
                let r = Bounds::from_corners(
                    self.chart_from_screen(start),
                    self.chart_from_screen(end),
                );
                let inside: BTreeSet<EntityId> = self
                    .scene_cache
                    .nodes_in_rect(&self.scene, r.min, r.max)
                    .into_iter()
                    .filter_map(|i| self.scene.nodes.get(i).map(|n| n.id))
                    .collect();
                if !additive {
                    self.chart.selection.clear();
                }
                self.chart.selection.extend(inside);
            }
            if let Drag::Nodes(start) = std::mem::take(&mut self.canvas.drag) {
                self.finish_node_drag(start);
            }
            self.canvas.drag = Drag::None;
        }

        if response.clicked() {
            let hit = response
                .interact_pointer_pos()
                .and_then(|p| self.entity_at(p));
            match hit {
                Some(id) if additive && self.chart.selection.contains(&id) => {
                    self.chart.selection.remove(&id);
                }
                Some(id) if additive => {
                    self.chart.selection.insert(id);
                }
                Some(id) => {
                    self.chart.selection.clear();
                    self.chart.selection.insert(id);
                    self.chart.selected_link = None;
                }
                None if !additive => {
                    self.chart.selection.clear();
                    self.chart.selected_link = response
                        .interact_pointer_pos()
                        .and_then(|p| self.link_at(p));
                }
                None => {}
            }
        }
    }

    /// Zoom by `factor`, keeping the chart point under `screen` where it is.
    /// Turn a finished node drag into one undoable, pinning move. The drag pinned the nodes live;
    /// they are unpinned again first so that undo restores the pins as they were.
    fn finish_node_drag(&mut self, start: Vec<(EntityId, [f32; 2], bool)>) {
        let mut moves = Vec::new();
        for (id, from, was_pinned) in start {
            if !was_pinned {
                self.chart.pinned.remove(&id);
            }
            if let Some(to) = self.chart.positions.get(&id).copied() {
                moves.push(crate::model::edit::NodeMove {
                    entity: id,
                    from: Some(from),
                    to,
                });
            }
        }
        let moved = moves.iter().any(|m| m.from != Some(m.to));
        if moved {
            self.apply_edit(crate::model::edit::Edit::Move { moves, pin: true });
        }
    }

    pub fn zoom_around(&mut self, screen: Pos2, factor: f32) {
        let before = self.chart_from_screen(screen);
        self.chart.view.zoom = (self.chart.view.zoom * factor).clamp(0.02, 20.0);
        let after = self.chart_from_screen(screen);
        self.chart.view.center[0] += before[0] - after[0];
        self.chart.view.center[1] += before[1] - after[1];
        self.auto_fit = false;
    }
}
