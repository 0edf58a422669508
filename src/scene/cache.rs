//! The screen's scene, kept between frames: built once, changed in place when only positions or
//! the selection change, indexed for culling and hit-testing, and merged per level of detail.
//!
//! Pan and zoom never touch it. [`SceneCache::ensure`] compares what the scene was built from
//! (model generation and edit state, filters, hidden set, view size) and rebuilds only when
//! that differs; otherwise it moves nodes that moved ([`update_positions`]) and re-marks the
//! selection ([`update_selection`]). Plain data, no egui: the app's canvas drives it.

use std::collections::BTreeSet;
use std::ops::ControlFlow;
use std::time::{Duration, Instant};

use rustc_hash::FxHashMap;

use super::lod::LodLevel;
use super::style;
use super::{
    Bounds, EdgeShape, Moved, Scene, SceneOptions, SceneTopology, Update, build_scene_tracked,
    move_nodes_deferring_edges, update_positions_tracked, update_selection,
};
use crate::chart::{ChartState, Filters, View};
use crate::model::{EntityId, LinkId, Model};
use crate::spatial::{BoxIndex, SpatialIndex};

/// How often the cached scene was built or changed (for tests and the status line).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct CacheStats {
    /// Full `build_scene` runs.
    pub builds: u64,
    /// In-place moves of nodes and their links.
    pub position_updates: u64,
    /// In-place selection changes.
    pub selection_updates: u64,
    /// Levels of detail merged.
    pub lod_builds: u64,
    /// Full rebuilds of the spatial indexes (a few moved nodes update them in place instead).
    pub reindexes: u64,
    /// Position updates that moved the nodes but left their links' lines to be redrawn when
    /// they come into view (layout steps on huge charts).
    pub deferred_updates: u64,
    /// Out-of-date links redrawn since (on screen, or caught up while nothing moves).
    pub deferred_redrawn: u64,
}

/// A position update slower than this (a layout step moving every node of a huge chart) is
/// followed by at least `SLOW_SPACING` times its cost of frames that leave positions alone, so
/// pan, zoom and the panels stay fluid while a layout streams in.
const SLOW_UPDATE: Duration = Duration::from_millis(16);
const SLOW_SPACING: u32 = 3;
/// While a layout streams in, a merged level is merged again once this many times its last
/// merge's cost has passed: at most a ninth of the frames' time goes to merging (a merge of
/// 100,000 nodes costs a few frames; the merged picture lags a quarter of a second at most).
const LOD_SPACING: u32 = 8;

/// Moved in place at most this many nodes and links (plus 1/64 of the scene) before the
/// indexes are built again.
const STALE_BASE: usize = 4096;

/// On a scene with at least this many links, a position update that moves many nodes (a
/// layout step) moves only the nodes; their links are redrawn when they come into view, and
/// the rest a chunk at a time in frames where nothing moves.
pub const DEFER_MIN_EDGES: usize = 50_000;
/// Index and fit nodes on several threads from this many on.
const PARALLEL_MIN_NODES: usize = 16_384;
/// Out-of-date links redrawn per frame while nothing moves.
const CATCH_UP_EDGES: usize = 32_768;

/// A level of detail with when it was merged and what that cost.
#[derive(Debug)]
struct Merged {
    level: LodLevel,
    at: Instant,
    cost: Duration,
}

/// Nodes and links changed in place since the indexes were built: the indexes still file them
/// under their old places, so queries skip them there and test them one by one.
#[derive(Debug, Default)]
struct Stale {
    nodes: Vec<u32>,
    edges: Vec<u32>,
    node_flag: Vec<bool>,
    /// The index's entry for the edge is out of date (skip it there).
    edge_flag: Vec<bool>,
    /// The edge is in `edges` (tested one by one).
    edge_listed: Vec<bool>,
}

impl Stale {
    fn reset(&mut self, nodes: usize, edges: usize) {
        self.nodes.clear();
        self.edges.clear();
        self.node_flag.clear();
        self.node_flag.resize(nodes, false);
        self.edge_flag.clear();
        self.edge_flag.resize(edges, false);
        self.edge_listed.clear();
        self.edge_listed.resize(edges, false);
    }

    /// Skip edge `i` in the index (its entry is out of date) and test it one by one.
    fn list_edge(&mut self, i: u32) {
        if let Some(l) = self.edge_listed.get_mut(i as usize)
            && !*l
        {
            *l = true;
            self.edges.push(i);
        }
        if let Some(f) = self.edge_flag.get_mut(i as usize) {
            *f = true;
        }
    }

    fn len(&self) -> usize {
        self.nodes.len() + self.edges.len()
    }

    fn node(&self, i: usize) -> bool {
        self.node_flag.get(i).copied().unwrap_or(false)
    }

    fn edge(&self, i: usize) -> bool {
        self.edge_flag.get(i).copied().unwrap_or(false)
    }

    /// Take in `moved`; false (and nothing taken) when that would make too many.
    fn add(&mut self, moved: &Moved, limit: usize) -> bool {
        if self.len() + moved.nodes.len() + moved.edges.len() > limit {
            return false;
        }
        add_flagged(&mut self.nodes, &mut self.node_flag, &moved.nodes);
        for &i in &moved.edges {
            self.list_edge(i);
        }
        true
    }
}

/// Links whose lines are out of date after a big move (see [`DEFER_MIN_EDGES`]): not drawn,
/// found or hit until redrawn.
#[derive(Debug, Default)]
struct Deferred {
    /// Per edge: out of date (flags rather than a list: a layout step defers every link, and
    /// the scans for those in view run over the edges in order, on both threads).
    flag: Vec<bool>,
    /// How many flags are set.
    count: usize,
    /// Per edge, how far its drawing may reach beyond the line between its nodes' centres
    /// (bend, width, arrowhead, label), computed on the first deferral after a build.
    margin: Vec<f32>,
    /// The largest of `margin`.
    widest: f32,
}

impl Deferred {
    fn reset(&mut self, edges: usize) {
        self.count = 0;
        self.flag.clear();
        self.flag.resize(edges, false);
        self.margin.clear();
    }

    fn ensure_margins(&mut self, scene: &Scene, topology: &SceneTopology) {
        use rayon::prelude::*;
        if self.margin.len() == scene.edges.len() {
            return;
        }
        self.margin = scene
            .edges
            .par_iter()
            .enumerate()
            .map(|(i, e)| edge_margin(e, topology.edge_bend(i).unwrap_or(0.0)))
            .collect();
        self.widest = self.margin.par_iter().copied().reduce(|| 0.0, f32::max);
    }

    fn has(&self, i: usize) -> bool {
        self.flag.get(i).copied().unwrap_or(false)
    }

    fn len(&self) -> usize {
        self.count
    }

    fn is_empty(&self) -> bool {
        self.count == 0
    }

    fn add(&mut self, i: u32) {
        if let Some(f) = self.flag.get_mut(i as usize)
            && !*f
        {
            *f = true;
            self.count += 1;
        }
    }

    /// Every edge out of date.
    fn add_all(&mut self) {
        self.flag.fill(true);
        self.count = self.flag.len();
    }

    /// Take up to `n` out-of-date edges (the last ones).
    fn take_some(&mut self, n: usize) -> Vec<u32> {
        let mut now: Vec<u32> = Vec::with_capacity(n.min(self.count));
        for i in (0..self.flag.len()).rev() {
            if now.len() >= n {
                break;
            }
            if self.flag[i] {
                now.push(i as u32);
            }
        }
        now.reverse();
        self.clear(&now);
        now
    }

    fn clear(&mut self, taken: &[u32]) {
        for &i in taken {
            if let Some(f) = self.flag.get_mut(i as usize)
                && *f
            {
                *f = false;
                self.count -= 1;
            }
        }
    }
}

/// True when more than `n` of the scene's laid-out nodes are not at `positions` (stops counting
/// there; a walk of the sorted positions alongside the nodes, in id order).
fn moved_more_than(
    scene: &Scene,
    positions: &std::collections::BTreeMap<EntityId, [f32; 2]>,
    n: usize,
) -> bool {
    let mut pos = positions.iter().peekable();
    let mut moved = 0;
    for node in scene.nodes.iter().filter(|node| !node.placed) {
        while pos.peek().is_some_and(|(id, _)| **id < node.id) {
            pos.next();
        }
        let here = matches!(pos.peek(), Some((id, p)) if **id == node.id && **p == node.center);
        if !here {
            moved += 1;
            if moved > n {
                return true;
            }
        }
    }
    false
}

fn add_flagged(list: &mut Vec<u32>, flags: &mut [bool], new: &[u32]) {
    for &i in new {
        if let Some(f) = flags.get_mut(i as usize)
            && !*f
        {
            *f = true;
            list.push(i);
        }
    }
}

/// Where the nodes were when a layout began to stream in, indexed, and how far any node has
/// moved from there since (`drift`, the largest change of either coordinate). What overlaps a
/// rectangle now overlapped it grown by the drift then: the links left out of date and the nodes
/// in view are found through these indexes instead of scanning every link and node per frame.
#[derive(Debug)]
struct Reference {
    centres: Vec<[f32; 2]>,
    /// Per edge, the box of its two nodes' centres then.
    edges: BoxIndex,
    /// Per node, its centre then (a point box).
    nodes: BoxIndex,
    drift: f32,
}

impl Reference {
    fn build(centres: &[[f32; 2]], topology: &SceneTopology, edges: usize) -> Option<Self> {
        use rayon::prelude::*;
        let edge_boxes: Option<Vec<[f32; 4]>> = (0..edges)
            .into_par_iter()
            .map(|i| {
                let (a, b) = topology.edge_nodes(i)?;
                let (ca, cb) = (centres.get(a)?, centres.get(b)?);
                Some([
                    ca[0].min(cb[0]),
                    ca[1].min(cb[1]),
                    ca[0].max(cb[0]),
                    ca[1].max(cb[1]),
                ])
            })
            .collect();
        let node_boxes: Vec<[f32; 4]> = centres.iter().map(|c| [c[0], c[1], c[0], c[1]]).collect();
        let edge_boxes = edge_boxes?;
        let (edges, nodes) = rayon::join(
            || BoxIndex::build(edge_boxes),
            || BoxIndex::build(node_boxes),
        );
        Some(Self {
            centres: centres.to_vec(),
            edges,
            nodes,
            drift: 0.0,
        })
    }

    /// Node `i` is now at `p`.
    fn moved(&mut self, i: usize, p: [f32; 2]) {
        if let Some(r) = self.centres.get(i) {
            let d = (p[0] - r[0]).abs().max((p[1] - r[1]).abs());
            // NaN positions make every query a full one.
            self.drift = if d.is_nan() {
                f32::INFINITY
            } else {
                self.drift.max(d)
            };
        }
    }

    /// `area` grown by the drift and `margin`.
    fn grown(&self, area: &Bounds, margin: f32) -> ([f32; 2], [f32; 2]) {
        let g = self.drift + margin;
        (
            [area.min[0] - g, area.min[1] - g],
            [area.max[0] + g, area.max[1] + g],
        )
    }
}

/// Rebuild the reference once the drift passes this share of the view's larger side (the
/// indexes then return too much).
const REFERENCE_MAX_DRIFT: f32 = 0.25;

/// What a full build depends on, apart from positions and the selection.
#[derive(Clone, Debug, PartialEq)]
struct Key {
    model_generation: u64,
    edits: u64,
    entities: usize,
    links: usize,
    filters: Filters,
    hidden: BTreeSet<EntityId>,
    view_entities: usize,
    view_links: usize,
}

/// An indexed edge in the compact form the view and hit queries read (instead of every
/// [`EdgeShape`] with its heap-allocated points): its end points when it is one straight
/// segment (the common case), its width, its arrowhead's box and tip, and its label's box.
#[derive(Clone, Copy, Debug)]
struct EdgeLine {
    a: [f32; 2],
    b: [f32; 2],
    width: f32,
    straight: bool,
    /// How far a curved edge's points stray from the chord `a`–`b` (0 for a straight one).
    reach: f32,
    /// The arrowhead's tip (None without one) and box (empty without one).
    tip: Option<[f32; 2]>,
    arrow_box: Bounds,
    /// The label's box (empty without a label).
    label_box: Bounds,
}

impl EdgeLine {
    fn of(e: &EdgeShape) -> Self {
        let a = e.points.first().copied().unwrap_or_default();
        let b = e.points.last().copied().unwrap_or_default();
        let straight = e.points.len() == 2;
        let reach = if straight {
            0.0
        } else {
            e.points
                .iter()
                .map(|&p| super::segment_distance(p, a, b))
                .fold(0.0, f32::max)
        };
        EdgeLine {
            a,
            b,
            width: e.width,
            straight,
            reach,
            tip: e.arrow.map(|[tip, _, _]| tip),
            arrow_box: arrow_box(e),
            label_box: label_box(e),
        }
    }

    /// [`edge_overlaps`] from the compact form when it can tell: always for a straight edge;
    /// for a curved one only when its chord, grown by how far the curve strays, misses too.
    fn overlaps(&self, area: &Bounds, labels: bool) -> Option<bool> {
        let extras = self.arrow_box.intersects(area) || (labels && self.label_box.intersects(area));
        if self.straight {
            return Some(extras || segment_meets_rect(self.a, self.b, &area.expand(self.width)));
        }
        // Every point of the curve lies within `reach` of the chord (distance to a segment is
        // convex), so a chord that misses the grown area means the curve misses the area.
        let near = segment_meets_rect(self.a, self.b, &area.expand(self.width + self.reach));
        if extras {
            Some(true)
        } else if near {
            None
        } else {
            Some(false)
        }
    }

    /// [`EdgeShape::distance`] from the compact form when it can tell: always for a straight
    /// edge; for a curved one only that it is farther than `tolerance` (infinity) when its
    /// chord is farther than that plus how far the curve strays.
    fn distance(&self, p: [f32; 2], tolerance: f32) -> Option<f32> {
        let tip = self
            .tip
            .map_or(f32::INFINITY, |tip| super::segment_distance(p, self.b, tip));
        let chord = super::segment_distance(p, self.a, self.b);
        if self.straight {
            Some(chord.min(tip))
        } else if chord - self.reach > tolerance && tip > tolerance {
            Some(f32::INFINITY)
        } else {
            None
        }
    }
}

/// The box of an edge's arrowhead (empty without one).
fn arrow_box(e: &EdgeShape) -> Bounds {
    let mut b = Bounds::EMPTY;
    for p in e.arrow.iter().flatten() {
        b.include(*p, 0.0);
    }
    b
}

/// The box of an edge's label (empty without one).
fn label_box(e: &EdgeShape) -> Bounds {
    e.label.as_deref().map_or(Bounds::EMPTY, |text| {
        let hw = style::text_width(text, style::EDGE_LABEL_SIZE) * 0.5;
        let hh = style::FONT_ROW_HEIGHT * style::EDGE_LABEL_SIZE * 0.5;
        let c = e.label_at;
        Bounds::from_corners([c[0] - hw, c[1] - hh], [c[0] + hw, c[1] + hh])
    })
}

/// What is on screen: indices into the scene's nodes and edges, in drawing order.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Visible {
    pub nodes: Vec<u32>,
    pub edges: Vec<u32>,
}

#[derive(Default)]
pub struct SceneCache {
    key: Option<Key>,
    topology: SceneTopology,
    selection: BTreeSet<EntityId>,
    pinned: BTreeSet<EntityId>,
    selected_link: Option<LinkId>,
    model_generation: u64,
    generation: u64,
    stats: CacheStats,
    circles: SpatialIndex,
    node_boxes: BoxIndex,
    edge_boxes: BoxIndex,
    /// Each edge's line as indexed (see [`EdgeLine`]), so that view and hit queries over
    /// thousands of long links read compact data instead of every [`EdgeShape`].
    edge_lines: Vec<EdgeLine>,
    fit: Bounds,
    /// Each node's centre, kept current with the scene's (compact, for the scans of
    /// out-of-date links, which read two per link at random).
    centres: Vec<[f32; 2]>,
    /// Each node's radius (as `centres`).
    radii: Vec<f32>,
    /// How far any node's box (with a selection ring) reaches from its centre.
    node_reach: f32,
    /// The node indexes predate a layout step: node queries scan `centres` instead (cheaper
    /// than indexing 100,000 nodes again every step) until a frame where nothing moves.
    node_scan: bool,
    /// The nodes the last position update moved (`moved.to` says where).
    moved_nodes: Vec<u32>,
    lod: FxHashMap<i32, Merged>,
    /// Nodes moved by layout steps since the levels were merged: each level is merged again
    /// once `LOD_SPACING` times its cost has passed since it was (see [`lod`](Self::lod)).
    lod_moved: bool,
    stale: Stale,
    deferred: Deferred,
    /// Node places when the current layout began (see [`Reference`]); None until a layout step
    /// defers links, and after a rebuild.
    reference: Option<Reference>,
    /// The levels of detail predate a few in-place moves (see [`lod`](Self::lod)).
    lod_dirty: bool,
    moved: Moved,
    /// When the last slow position update finished, and what it cost.
    slow: Option<(Instant, Duration)>,
    /// Every position update made at once, however slow (benchmarks).
    no_hold_back: bool,
    /// Positions (if they changed) were left for later (see `SLOW_UPDATE`): due in this long.
    pending: Option<Duration>,
}

impl SceneCache {
    /// The model was replaced: the next [`ensure`](Self::ensure) builds afresh.
    pub fn invalidate(&mut self) {
        self.model_generation += 1;
        self.key = None;
    }

    /// Counts of builds and updates so far.
    pub fn stats(&self) -> CacheStats {
        self.stats
    }

    /// Changes whenever the scene does.
    pub fn generation(&self) -> u64 {
        self.generation
    }

    /// Whether positions are held back after a slow update (on unless turned off).
    pub fn hold_back_slow_updates(&mut self, on: bool) {
        self.no_hold_back = !on;
        self.slow = None;
    }

    /// Moved positions held back after a slow update, and how long until they are due: the
    /// caller should draw again by then.
    pub fn pending(&self) -> Option<Duration> {
        self.pending
    }

    /// Bounds of the laid-out node centres, 30 units round each (what "fit to view" frames).
    pub fn fit_bounds(&self) -> Bounds {
        self.fit
    }

    /// Bring `scene` up to date with the model and chart; `edits` identifies the model's edit
    /// state (`EditHistory::model_state_id`: it changes with every edit, undo and redo of the
    /// model, not with moves or pins, which are changed in place). Returns true when the scene
    /// changed.
    pub fn ensure(
        &mut self,
        scene: &mut Scene,
        model: &Model,
        chart: &ChartState,
        view: &View,
        edits: u64,
    ) -> bool {
        let same = self.key.as_ref().is_some_and(|k| {
            k.model_generation == self.model_generation
                && k.edits == edits
                && k.entities == model.entities.len()
                && k.links == model.links.len()
                && k.view_entities == view.entities.len()
                && k.view_links == view.links.len()
                && k.filters == chart.filters
                && k.hidden == chart.hidden
        });
        let mut update = Update::Unchanged;
        // What changed in place, for the indexes.
        let mut changed = Moved::default();
        // When a position update started.
        let mut moving: Option<Instant> = None;
        // Nodes moved, their links left to redraw.
        let mut defer = false;
        let mut caught_up = false;
        if same {
            if self.selection != chart.selection
                || self.pinned != chart.pinned
                || self.selected_link != chart.selected_link
            {
                // A selection ring grows a node's box, a selected link is drawn wider.
                changed
                    .nodes
                    .extend((0..scene.nodes.len() as u32).filter(|&i| {
                        let n = &scene.nodes[i as usize];
                        n.selected != chart.selection.contains(&n.id)
                    }));
                changed
                    .edges
                    .extend((0..scene.edges.len() as u32).filter(|&i| {
                        let e = &scene.edges[i as usize];
                        e.selected != (chart.selected_link == Some(e.link))
                    }));
                update = update_selection(scene, &self.topology, chart);
                if matches!(update, Update::Updated { .. }) {
                    self.stats.selection_updates += 1;
                }
                self.remember_selection(chart);
            }
            // Held back only when many nodes moved: a drag is always drawn at once.
            let limit = STALE_BASE + (scene.nodes.len() + scene.edges.len()) / 64;
            let wait = self
                .slow
                .and_then(|(at, cost)| {
                    (cost * SLOW_SPACING)
                        .checked_sub(at.elapsed())
                        .filter(|w| !w.is_zero())
                })
                .filter(|_| moved_more_than(scene, &chart.positions, limit));
            self.pending = wait;
            if update != Update::Rebuild && wait.is_none() {
                let started = Instant::now();
                defer = scene.edges.len() >= DEFER_MIN_EDGES
                    && moved_more_than(scene, &chart.positions, limit);
                let result = if defer {
                    move_nodes_deferring_edges(
                        scene,
                        &self.topology,
                        &chart.positions,
                        &mut self.moved,
                    )
                } else {
                    update_positions_tracked(
                        scene,
                        &self.topology,
                        &chart.positions,
                        Some(&mut self.moved),
                    )
                };
                moving = Some(started);
                match result {
                    Update::Unchanged => defer = false,
                    Update::Rebuild => update = Update::Rebuild,
                    u @ Update::Updated { .. } => {
                        self.stats.position_updates += 1;
                        if defer {
                            // Kept for the compact centres; no node index to update.
                            std::mem::swap(&mut self.moved_nodes, &mut self.moved.nodes);
                            self.moved.nodes.clear();
                        } else {
                            changed.nodes.append(&mut self.moved.nodes);
                        }
                        if defer {
                            self.stats.deferred_updates += 1;
                            self.deferred.ensure_margins(scene, &self.topology);
                            if self.moved.edges.len() == self.deferred.flag.len() {
                                // Every link moved (the usual layout step).
                                self.deferred.add_all();
                            } else {
                                for &i in &self.moved.edges {
                                    self.deferred.add(i);
                                }
                            }
                            self.moved.edges.clear();
                        } else {
                            changed.edges.append(&mut self.moved.edges);
                        }
                        update = u;
                    }
                }
            }
            if update == Update::Unchanged && self.node_scan {
                // Nothing moved after a layout step: index the nodes again (this frame).
                self.reindex_nodes(scene);
                self.generation += 1;
                caught_up = true;
            } else if update == Update::Unchanged && !self.deferred.is_empty() {
                // Nothing moved: catch up on links left out of date, a chunk per frame.
                caught_up = self.catch_up(scene);
            }
        }
        if !same {
            self.pending = None;
        }
        if !same || update == Update::Rebuild {
            moving = None;
            defer = false;
            let (s, topology) = build_scene_tracked(model, chart, view, &SceneOptions::default());
            *scene = s;
            self.topology = topology;
            self.key = Some(Key {
                model_generation: self.model_generation,
                edits,
                entities: model.entities.len(),
                links: model.links.len(),
                filters: chart.filters.clone(),
                hidden: chart.hidden.clone(),
                view_entities: view.entities.len(),
                view_links: view.links.len(),
            });
            self.remember_selection(chart);
            self.stats.builds += 1;
            update = Update::Rebuild;
        }
        if update == Update::Unchanged {
            return caught_up;
        }
        self.generation += 1;
        let limit = STALE_BASE + (scene.nodes.len() + scene.edges.len()) / 64;
        if update == Update::Rebuild {
            self.deferred.reset(scene.edges.len());
            self.reference = None;
            self.reindex(scene);
        } else if defer {
            // The edge index keeps its entries; those of out-of-date links are skipped, and
            // taken off the list of links tested one by one.
            let deferred = &self.deferred;
            let listed = &mut self.stale.edge_listed;
            self.stale.edges.retain(|&i| {
                let keep = !deferred.has(i as usize);
                if !keep && let Some(l) = listed.get_mut(i as usize) {
                    *l = false;
                }
                keep
            });
            self.relines(scene, &changed.edges);
            for &i in &changed.edges {
                self.stale.list_edge(i);
            }
            // Queries skip out-of-date links by their deferred flag.
            self.scan_nodes_after_move(scene);
        } else if !self.stale.add(&changed, limit) {
            self.reindex(scene);
        } else {
            self.relines(scene, &changed.edges);
            for &i in &changed.nodes {
                if let (Some(c), Some(n)) = (
                    self.centres.get_mut(i as usize),
                    scene.nodes.get(i as usize),
                ) {
                    *c = n.center;
                    if let Some(r) = self.reference.as_mut() {
                        r.moved(i as usize, n.center);
                    }
                }
            }
            self.refit(scene);
            self.lod_dirty = true;
        }
        if let Some(started) = moving {
            let cost = started.elapsed();
            self.slow = (cost > SLOW_UPDATE && !self.no_hold_back).then(|| (Instant::now(), cost));
        }
        true
    }

    fn remember_selection(&mut self, chart: &ChartState) {
        self.selection.clone_from(&chart.selection);
        self.pinned.clone_from(&chart.pinned);
        self.selected_link = chart.selected_link;
    }

    fn refit(&mut self, scene: &Scene) {
        use rayon::prelude::*;
        let fit = |n: &super::NodeShape| {
            let mut b = Bounds::EMPTY;
            if !n.placed {
                b.include(n.center, 30.0);
            }
            b
        };
        self.fit = if scene.nodes.len() >= PARALLEL_MIN_NODES {
            scene
                .nodes
                .par_iter()
                .map(fit)
                .reduce(|| Bounds::EMPTY, |a, b| a.union(&b))
        } else {
            scene
                .nodes
                .iter()
                .map(fit)
                .fold(Bounds::EMPTY, |a, b| a.union(&b))
        };
    }

    fn reindex(&mut self, scene: &Scene) {
        self.stats.reindexes += 1;
        self.stale.reset(scene.nodes.len(), scene.edges.len());
        self.index_nodes(scene);
        // Out-of-date links are filed nowhere (an empty box) until redrawn.
        let deferred = &self.deferred;
        self.edge_boxes = BoxIndex::build(
            scene
                .edges
                .iter()
                .enumerate()
                .map(|(i, e)| {
                    if deferred.has(i) {
                        boxes(Bounds::EMPTY)
                    } else {
                        boxes(e.bounds)
                    }
                })
                .collect(),
        );
        self.edge_lines = scene.edges.iter().map(EdgeLine::of).collect();
    }

    /// Index the nodes again, leaving the edge index (and its stale list) as it is.
    fn reindex_nodes(&mut self, scene: &Scene) {
        self.stale.nodes.clear();
        self.stale.node_flag.clear();
        self.stale.node_flag.resize(scene.nodes.len(), false);
        self.index_nodes(scene);
    }

    /// After a layout step moved the nodes (`self.moved.to` says where): rather than index
    /// them again every step, node queries scan the compact centres until a frame where nothing
    /// moves (see [`node_scan`](Self::node_scan)).
    fn scan_nodes_after_move(&mut self, scene: &Scene) {
        use rayon::prelude::*;
        if self.centres.len() == scene.nodes.len() && self.radii.len() == scene.nodes.len() {
            for (&i, &p) in self.moved_nodes.iter().zip(&self.moved.to) {
                if let Some(c) = self.centres.get_mut(i as usize) {
                    *c = p;
                    if let Some(r) = self.reference.as_mut() {
                        r.moved(i as usize, p);
                    }
                }
            }
        } else {
            self.reference = None;
            self.centres = scene.nodes.iter().map(|n| n.center).collect();
            self.radii = scene.nodes.iter().map(|n| n.radius).collect();
            self.node_reach = node_reach(scene);
        }
        self.stale.nodes.clear();
        self.stale.node_flag.clear();
        self.stale.node_flag.resize(scene.nodes.len(), false);
        self.node_scan = true;
        // A layout step leaves no node placed by the scene (that would have been a rebuild).
        let fit = |c: &[f32; 2]| {
            let mut b = Bounds::EMPTY;
            b.include(*c, 30.0);
            b
        };
        self.fit = self
            .centres
            .par_iter()
            .map(fit)
            .reduce(|| Bounds::EMPTY, |a, b| a.union(&b));
        // The levels are kept and merged again spaced out (see `lod`): merging a huge chart
        // every step would cost more than the frame.
        self.lod_moved = true;
    }

    fn index_nodes(&mut self, scene: &Scene) {
        use rayon::prelude::*;
        // One pass over the nodes (on both threads when there are many) for all three.
        type Columns = (Vec<[f32; 2]>, (Vec<f32>, Vec<[f32; 4]>));
        let (centres, (radii, node_boxes)): Columns = if scene.nodes.len() >= PARALLEL_MIN_NODES {
            scene
                .nodes
                .par_iter()
                .map(|n| (n.center, (n.radius, boxes(n.bounds()))))
                .unzip()
        } else {
            scene
                .nodes
                .iter()
                .map(|n| (n.center, (n.radius, boxes(n.bounds()))))
                .unzip()
        };
        let (circles, node_boxes) = rayon::join(
            || SpatialIndex::build(&centres, &radii),
            || BoxIndex::build(node_boxes),
        );
        self.circles = circles;
        self.node_boxes = node_boxes;
        if let Some(r) = self.reference.as_mut() {
            if r.centres.len() == centres.len() {
                for (i, &c) in centres.iter().enumerate() {
                    r.moved(i, c);
                }
            } else {
                self.reference = None;
            }
        }
        self.centres = centres;
        self.radii = radii;
        self.node_reach = node_reach(scene);
        self.node_scan = false;
        self.refit(scene);
        self.lod.clear();
        self.lod_dirty = false;
        self.lod_moved = false;
    }

    /// Links whose lines are out of date (moved nodes, not yet redrawn).
    pub fn deferred_edges(&self) -> usize {
        self.deferred.len()
    }

    /// Redraw the out-of-date links that may show in `area` (chart coordinates), so that what
    /// is on screen is drawn where its nodes are now. Returns true when the scene changed.
    pub fn refresh_edges_in(&mut self, scene: &mut Scene, area: Bounds) -> bool {
        if self.deferred.is_empty() {
            return false;
        }
        let now = self.deferred_in(scene, &area);
        self.deferred.clear(&now);
        self.redrawn(scene, now, false)
    }

    /// The out-of-date links that may show in `area`, in index order: through the
    /// [`Reference`] indexes (built here when missing or drifted too far), or by a scan of
    /// every link when there are no margins to grow the area by.
    fn deferred_in(&mut self, scene: &Scene, area: &Bounds) -> Vec<u32> {
        if self.centres.len() != scene.nodes.len() {
            self.centres = scene.nodes.iter().map(|n| n.center).collect();
            self.reference = None;
        }
        let margin = &self.deferred.margin;
        if margin.len() != scene.edges.len() {
            return self.deferred_in_scan(area);
        }
        let widest = self.deferred.widest;
        let side = (area.max[0] - area.min[0]).max(area.max[1] - area.min[1]);
        let stale_reference = self.reference.as_ref().is_none_or(|r| {
            r.centres.len() != self.centres.len()
                || r.drift.is_nan()
                || r.drift > REFERENCE_MAX_DRIFT * side.max(1.0)
        });
        if stale_reference {
            self.reference = Reference::build(&self.centres, &self.topology, scene.edges.len());
        }
        let Some(reference) = self.reference.as_ref() else {
            return self.deferred_in_scan(area);
        };
        let (lo, hi) = reference.grown(area, widest);
        let deferred = &self.deferred;
        let (centres, topology) = (&self.centres, &self.topology);
        let mut now: Vec<u32> = Vec::new();
        reference.edges.for_each_overlapping(lo, hi, |i| {
            if deferred.has(i) {
                let m = margin.get(i).copied().unwrap_or(f32::INFINITY);
                if edge_may_meet(centres, topology, i, area, m) {
                    now.push(i as u32);
                }
            }
        });
        now.sort_unstable();
        now
    }

    /// [`deferred_in`](Self::deferred_in) by a scan of every link's flag (the reference the
    /// indexes are tested against, and the way without margins).
    fn deferred_in_scan(&self, area: &Bounds) -> Vec<u32> {
        use rayon::prelude::*;
        let topology = &self.topology;
        let centres = &self.centres;
        let margin = &self.deferred.margin;
        let flag = &self.deferred.flag;
        let pick = |i: usize| {
            flag[i] && {
                let m = margin.get(i).copied().unwrap_or(f32::INFINITY);
                edge_may_meet(centres, topology, i, area, m)
            }
        };
        if flag.len() >= 16_384 {
            (0..flag.len())
                .into_par_iter()
                .filter(|&i| pick(i))
                .map(|i| i as u32)
                .collect()
        } else {
            (0..flag.len())
                .filter(|&i| pick(i))
                .map(|i| i as u32)
                .collect()
        }
    }

    /// Redraw a chunk of the out-of-date links (frames where nothing moves).
    fn catch_up(&mut self, scene: &mut Scene) -> bool {
        let chunk = self.deferred.take_some(CATCH_UP_EDGES);
        self.redrawn(scene, chunk, true)
    }

    /// `edges` were taken off the deferred list: redraw them and make them findable.
    fn redrawn(&mut self, scene: &mut Scene, edges: Vec<u32>, moving_done: bool) -> bool {
        if edges.is_empty() {
            return false;
        }
        // Their compact lines are made while each is at hand (they are tested one by one next).
        let Some(lines) = super::redraw_edges_compact(
            scene,
            &self.topology,
            &edges,
            &self.centres,
            &self.radii,
            &EdgeLine::of,
        ) else {
            // A link became degenerate: build again next time.
            self.key = None;
            return false;
        };
        self.stats.deferred_redrawn += edges.len() as u64;
        self.generation += 1;
        let limit = STALE_BASE + (scene.nodes.len() + scene.edges.len()) / 64;
        if self.deferred.is_empty() {
            // Every line current again: so are the scene's bounds.
            let nodes = scene.nodes.iter().map(|n| n.bounds());
            let lines = scene.edges.iter().map(|e| e.bounds);
            scene.bounds = nodes.chain(lines).fold(Bounds::EMPTY, |a, b| a.union(&b));
        }
        if self.deferred.is_empty() || (moving_done && self.stale.edges.len() + edges.len() > limit)
        {
            // All current (or, once nothing moves, too many to test one by one): index the
            // links again.
            self.reindex(scene);
        } else {
            if self.edge_lines.len() == scene.edges.len() {
                for (i, l) in lines {
                    self.edge_lines[i as usize] = l;
                }
            }
            for i in edges {
                self.stale.list_edge(i);
            }
        }
        true
    }

    /// Bring the compact lines of `edges` (about to be tested one by one) up to date.
    fn relines(&mut self, scene: &Scene, edges: &[u32]) {
        use rayon::prelude::*;
        if self.edge_lines.len() != scene.edges.len() {
            return;
        }
        let line = |&i: &u32| scene.edges.get(i as usize).map(|e| (i, EdgeLine::of(e)));
        let new: Vec<(u32, EdgeLine)> = if edges.len() >= 4096 {
            edges.par_iter().filter_map(line).collect()
        } else {
            edges.iter().filter_map(line).collect()
        };
        for (i, l) in new {
            self.edge_lines[i as usize] = l;
        }
    }

    /// The nodes and edges that overlap `area` (chart coordinates), in drawing order. Edges
    /// are tested along their lines, not just their bounds; `labels` says whether link labels
    /// are drawn (their boxes count then).
    pub fn visible(&self, scene: &Scene, area: Bounds, labels: bool) -> Visible {
        self.visible_at_most(scene, area, labels, usize::MAX)
            .unwrap_or_default()
    }

    /// Like [`visible`](Self::visible), but None as soon as more than `max_edges` edges are
    /// found (the screen draws the chart merged then): a crowded view costs no more than
    /// finding that many.
    pub fn visible_at_most(
        &self,
        scene: &Scene,
        area: Bounds,
        labels: bool,
        max_edges: usize,
    ) -> Option<Visible> {
        let stale = &self.stale;
        let mut edges: Vec<u32> = Vec::new();
        // `known`: the compact line's answer, when it could tell.
        let mut edge_in = |i: usize, known: Option<bool>| {
            let hit = match known {
                Some(hit) => hit && i < scene.edges.len(),
                None => scene
                    .edges
                    .get(i)
                    .is_some_and(|e| edge_overlaps(e, &area, labels)),
            };
            if hit {
                edges.push(i as u32);
                if edges.len() > max_edges {
                    return ControlFlow::Break(());
                }
            }
            ControlFlow::Continue(())
        };
        let lines = &self.edge_lines;
        let deferred = &self.deferred;
        let any_deferred = !deferred.is_empty();
        let indexed = self
            .edge_boxes
            .try_for_each_overlapping(area.min, area.max, |i| {
                if stale.edge(i) || (any_deferred && deferred.has(i)) {
                    ControlFlow::Continue(())
                } else {
                    edge_in(i, lines.get(i).and_then(|l| l.overlaps(&area, labels)))
                }
            });
        if indexed.is_break() {
            return None;
        }
        for &i in &stale.edges {
            let i = i as usize;
            if !deferred.has(i)
                && edge_in(i, lines.get(i).and_then(|l| l.overlaps(&area, labels))).is_break()
            {
                return None;
            }
        }
        edges.sort_unstable();
        let nodes = self.visible_nodes(scene, area);
        Some(Visible { nodes, edges })
    }

    /// Of `candidates` (edge indices, e.g. what [`visible`](Self::visible) found for a wider
    /// area), those that [`visible`](Self::visible) finds in `area`, in the same order: the
    /// same test, without the index.
    pub fn edges_among(
        &self,
        scene: &Scene,
        candidates: &[u32],
        area: Bounds,
        labels: bool,
    ) -> Vec<u32> {
        let deferred = &self.deferred;
        let any_deferred = !deferred.is_empty();
        candidates
            .iter()
            .copied()
            .filter(|&i| {
                let i = i as usize;
                if i >= scene.edges.len() || (any_deferred && deferred.has(i)) {
                    return false;
                }
                match self
                    .edge_lines
                    .get(i)
                    .and_then(|l| l.overlaps(&area, labels))
                {
                    Some(hit) => hit,
                    None => edge_overlaps(&scene.edges[i], &area, labels),
                }
            })
            .collect()
    }

    /// The nodes that overlap `area` (chart coordinates), in drawing order.
    pub fn visible_nodes(&self, scene: &Scene, area: Bounds) -> Vec<u32> {
        let stale = &self.stale;
        if self.node_scan {
            return self.scan_nodes(scene, &area);
        }
        let mut nodes: Vec<u32> = Vec::new();
        self.node_boxes
            .for_each_overlapping(area.min, area.max, |i| {
                if !stale.node(i) {
                    nodes.push(i as u32);
                }
            });
        nodes.extend(stale.nodes.iter().copied().filter(|&i| {
            scene
                .nodes
                .get(i as usize)
                .is_some_and(|n| n.bounds().intersects(&area))
        }));
        nodes.sort_unstable();
        nodes
    }

    /// Nodes whose box overlaps `area`, in scene order, by a scan of the compact centres (see
    /// [`node_scan`](Self::node_scan)): only nodes whose centre is near enough are tested in full.
    fn scan_nodes(&self, scene: &Scene, area: &Bounds) -> Vec<u32> {
        use rayon::prelude::*;
        // Float rounding of boxes computed at different places: a little slack.
        let size = area.min[0]
            .abs()
            .max(area.min[1].abs())
            .max(area.max[0].abs())
            .max(area.max[1].abs());
        let near = area.expand(self.node_reach + 1.0 + size * 1e-5);
        let hit = |i: usize| {
            let c = self.centres[i];
            near.min[0] <= c[0]
                && c[0] <= near.max[0]
                && near.min[1] <= c[1]
                && c[1] <= near.max[1]
                && scene
                    .nodes
                    .get(i)
                    .is_some_and(|n| n.bounds().intersects(area))
        };
        let n = self.centres.len();
        if let Some(r) = self.reference.as_ref().filter(|r| r.centres.len() == n) {
            // Through the index of where the nodes were, grown by how far they moved since.
            let (lo, hi) = r.grown(&near, 0.0);
            let mut found: Vec<u32> = Vec::new();
            r.nodes.for_each_overlapping(lo, hi, |i| {
                if i < n && hit(i) {
                    found.push(i as u32);
                }
            });
            found.sort_unstable();
            return found;
        }
        if n >= PARALLEL_MIN_NODES {
            (0..n)
                .into_par_iter()
                .filter(|&i| hit(i))
                .map(|i| i as u32)
                .collect()
        } else {
            (0..n).filter(|&i| hit(i)).map(|i| i as u32).collect()
        }
    }

    /// The topmost node whose circle, at least `min_radius` and grown by `pad`, holds `p`.
    pub fn node_at(&self, scene: &Scene, p: [f32; 2], min_radius: f32, pad: f32) -> Option<usize> {
        if self.node_scan {
            // The test the index makes, on every node (the topmost first).
            if !(p[0].is_finite() && p[1].is_finite()) {
                return None;
            }
            let (min_radius, pad) = (min_radius.max(0.0), pad.max(0.0));
            return (0..self.centres.len().min(self.radii.len()))
                .rev()
                .find(|&i| {
                    let (c, r) = (self.centres[i], self.radii[i].max(min_radius) + pad);
                    let (dx, dy) = (p[0] - c[0], p[1] - c[1]);
                    dx * dx + dy * dy <= r * r
                })
                .filter(|&i| i < scene.nodes.len());
        }
        let stale = &self.stale;
        let indexed = self
            .circles
            .at_padded_where(p, min_radius, pad, |i| !stale.node(i));
        let (min_radius, pad) = (min_radius.max(0.0), pad.max(0.0));
        let moved = stale.nodes.iter().map(|&i| i as usize).filter(|&i| {
            scene.nodes.get(i).is_some_and(|n| {
                let r = n.radius.max(min_radius) + pad;
                let (dx, dy) = (p[0] - n.center[0], p[1] - n.center[1]);
                dx * dx + dy * dy <= r * r
            })
        });
        // The topmost: drawn last, highest index.
        indexed.into_iter().chain(moved).max()
    }

    /// Nodes whose centre is in the rectangle `[min, max]`, in scene order.
    pub fn nodes_in_rect(&self, scene: &Scene, min: [f32; 2], max: [f32; 2]) -> Vec<usize> {
        if self.node_scan {
            return (0..self.centres.len().min(scene.nodes.len()))
                .filter(|&i| {
                    let p = self.centres[i];
                    min[0] <= p[0] && p[0] <= max[0] && min[1] <= p[1] && p[1] <= max[1]
                })
                .collect();
        }
        let stale = &self.stale;
        let mut out = self.circles.in_rect(min, max);
        out.retain(|&i| !stale.node(i));
        let area = Bounds { min, max };
        out.extend(
            stale
                .nodes
                .iter()
                .map(|&i| i as usize)
                .filter(|&i| scene.nodes.get(i).is_some_and(|n| area.contains(n.center))),
        );
        out.sort_unstable();
        out
    }

    /// The edge whose line passes nearest `p`, within `tolerance`.
    pub fn edge_at(&self, scene: &Scene, p: [f32; 2], tolerance: f32) -> Option<usize> {
        let mut best: Option<(f32, usize)> = None;
        let (lo, hi) = (
            [p[0] - tolerance, p[1] - tolerance],
            [p[0] + tolerance, p[1] + tolerance],
        );
        let stale = &self.stale;
        // `known`: the distance from the compact line, when it could tell.
        let mut consider = |i: usize, known: Option<f32>| {
            let d = match known {
                Some(d) if i < scene.edges.len() => d,
                Some(_) => return,
                None => match scene.edges.get(i) {
                    Some(e) => e.distance(p),
                    None => return,
                },
            };
            if d <= tolerance && best.is_none_or(|(bd, bi)| d < bd || (d == bd && i < bi)) {
                best = Some((d, i));
            }
        };
        let lines = &self.edge_lines;
        let deferred = &self.deferred;
        let any_deferred = !deferred.is_empty();
        self.edge_boxes.for_each_overlapping(lo, hi, |i| {
            if !(stale.edge(i) || (any_deferred && deferred.has(i))) {
                consider(i, lines.get(i).and_then(|l| l.distance(p, tolerance)));
            }
        });
        for &i in stale.edges.iter().filter(|&&i| !deferred.has(i as usize)) {
            let i = i as usize;
            consider(i, lines.get(i).and_then(|l| l.distance(p, tolerance)));
        }
        best.map(|(_, i)| i)
    }

    /// The scene merged at `level` (built on first use, kept until the scene changes). After a
    /// few nodes moved in place, `allow_stale` keeps the levels as they were (while a drag is
    /// in progress the moved nodes are drawn over them; merging a huge chart again every frame
    /// would cost more than the frame); without it they are merged again. While a layout
    /// streams in, a level is merged again once `LOD_SPACING` times its last merge's cost has
    /// passed, and at once when the layout stops.
    pub fn lod(&mut self, scene: &Scene, level: i32, allow_stale: bool) -> &LodLevel {
        if self.lod_dirty && !allow_stale {
            self.lod.clear();
            self.lod_dirty = false;
            self.lod_moved = false;
        }
        if self.lod_moved
            && self
                .lod
                .get(&level)
                .is_some_and(|m| m.at.elapsed() >= m.cost * LOD_SPACING)
        {
            self.lod.remove(&level);
        }
        let topology = &self.topology;
        let stats = &mut self.stats;
        &self
            .lod
            .entry(level)
            .or_insert_with(|| {
                stats.lod_builds += 1;
                let started = Instant::now();
                let level = LodLevel::build(scene, topology, level);
                Merged {
                    level,
                    at: Instant::now(),
                    cost: started.elapsed(),
                }
            })
            .level
    }
}

/// How far any node's box reaches from its centre, were it selected (its ring drawn).
fn node_reach(scene: &Scene) -> f32 {
    use rayon::prelude::*;
    let ring = style::SELECTION_RING_GAP + style::SELECTION_RING_WIDTH;
    scene
        .nodes
        .par_iter()
        .map(|n| {
            let (b, c) = (n.bounds(), n.center);
            (c[0] - b.min[0])
                .max(b.max[0] - c[0])
                .max(c[1] - b.min[1])
                .max(b.max[1] - c[1])
                .max(n.radius + ring)
        })
        .filter(|r| r.is_finite())
        .reduce(|| 0.0, f32::max)
}

fn boxes(b: Bounds) -> [f32; 4] {
    [b.min[0], b.min[1], b.max[0], b.max[1]]
}

/// How far an edge's drawing may reach beyond the line between its nodes' centres: its bend,
/// a selected link's width, its arrowhead and its label.
fn edge_margin(e: &EdgeShape, bend: f32) -> f32 {
    let width = e.width.max(style::SELECTED_EDGE_WIDTH);
    let arrow = 2.0 * style::ARROW_HALF_WIDTH * (width / style::EDGE_WIDTH).sqrt().max(1.0);
    let label = e.label.as_deref().map_or(0.0, |t| {
        style::text_width(t, style::EDGE_LABEL_SIZE) * 0.5
            + style::FONT_ROW_HEIGHT * style::EDGE_LABEL_SIZE
    });
    bend.abs() + width + arrow + label
}

/// Whether edge `i`, redrawn from its nodes' current places, may overlap `area`: the line
/// between the centres, grown by `margin` (see [`edge_margin`]), meets it. Never false for an
/// edge that would overlap.
fn edge_may_meet(
    centres: &[[f32; 2]],
    topology: &SceneTopology,
    i: usize,
    area: &Bounds,
    margin: f32,
) -> bool {
    let Some((a, b)) = topology.edge_nodes(i) else {
        return true;
    };
    let (Some(&ca), Some(&cb)) = (centres.get(a), centres.get(b)) else {
        return true;
    };
    let grown = Bounds {
        min: [area.min[0] - margin, area.min[1] - margin],
        max: [area.max[0] + margin, area.max[1] + margin],
    };
    segment_meets_rect(ca, cb, &grown)
}

/// True when the edge's line (or arrowhead, or label when drawn) overlaps `area`.
fn edge_overlaps(e: &EdgeShape, area: &Bounds, labels: bool) -> bool {
    let grown = area.expand(e.width);
    let line = e
        .points
        .windows(2)
        .any(|w| segment_meets_rect(w[0], w[1], &grown));
    line || arrow_box(e).intersects(area) || (labels && label_box(e).intersects(area))
}

/// True when the segment `a`–`b` touches the rectangle: their boxes overlap and the rectangle's
/// corners are not all strictly on one side of the line.
pub fn segment_meets_rect(a: [f32; 2], b: [f32; 2], r: &Bounds) -> bool {
    if !Bounds::from_corners(a, b).intersects(r) {
        return false;
    }
    let d = [b[0] - a[0], b[1] - a[1]];
    let side = |x: f32, y: f32| d[0] * (y - a[1]) - d[1] * (x - a[0]);
    let s = [
        side(r.min[0], r.min[1]),
        side(r.max[0], r.min[1]),
        side(r.min[0], r.max[1]),
        side(r.max[0], r.max[1]),
    ];
    !(s.iter().all(|v| *v > 0.0) || s.iter().all(|v| *v < 0.0))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::chart::visible;
    use crate::scene::synthetic::synthetic_laid_out;
    use crate::scene::{build_scene, update_positions};

    /// A chart big enough for deferred link redraws, built into a cache that applies every
    /// layout step at once.
    fn streaming(seed: u64) -> (Model, ChartState, View, SceneCache, Scene) {
        let (model, chart) = synthetic_laid_out(12_000, DEFER_MIN_EDGES + 5_000, seed);
        let view = visible(&model, &chart);
        let mut cache = SceneCache::default();
        cache.hold_back_slow_updates(false);
        let mut scene = Scene::default();
        cache.ensure(&mut scene, &model, &chart, &view, 0);
        (model, chart, view, cache, scene)
    }

    fn setup(n: usize) -> (Model, ChartState, View) {
        let (model, chart) = synthetic_laid_out(n, n * 3, 9);
        let view = visible(&model, &chart);
        (model, chart, view)
    }

    #[test]
    fn moving_nodes_in_place_matches_a_full_build() {
        let (model, mut chart, view) = setup(3_000);
        let mut cache = SceneCache::default();
        let mut scene = Scene::default();
        assert!(cache.ensure(&mut scene, &model, &chart, &view, 0));
        // A few nodes dragged, then every node nudged (a layout step).
        for id in [EntityId(3), EntityId(1500)] {
            if let Some(p) = chart.positions.get_mut(&id) {
                p[0] += 400.0;
            }
        }
        assert!(cache.ensure(&mut scene, &model, &chart, &view, 0));
        assert_eq!(
            scene,
            build_scene(&model, &chart, &view, &SceneOptions::default())
        );
        for p in chart.positions.values_mut() {
            p[1] -= 7.5;
        }
        assert!(cache.ensure(&mut scene, &model, &chart, &view, 0));
        assert_eq!(
            scene,
            build_scene(&model, &chart, &view, &SceneOptions::default())
        );
        let s = cache.stats();
        assert_eq!((s.builds, s.position_updates), (1, 2));
        // Nothing changed: nothing done.
        assert!(!cache.ensure(&mut scene, &model, &chart, &view, 0));
    }

    #[test]
    fn selection_changes_in_place_match_a_full_build() {
        let (model, mut chart, view) = setup(500);
        let mut cache = SceneCache::default();
        let mut scene = Scene::default();
        cache.ensure(&mut scene, &model, &chart, &view, 0);
        chart.selection.insert(EntityId(7));
        chart.pinned.insert(EntityId(8));
        chart.selected_link = Some(model.links[10].id);
        assert!(cache.ensure(&mut scene, &model, &chart, &view, 0));
        assert_eq!(
            scene,
            build_scene(&model, &chart, &view, &SceneOptions::default())
        );
        chart.selected_link = Some(model.links[11].id);
        cache.ensure(&mut scene, &model, &chart, &view, 0);
        assert_eq!(
            scene,
            build_scene(&model, &chart, &view, &SceneOptions::default())
        );
        assert_eq!(cache.stats().builds, 1);
        assert_eq!(cache.stats().selection_updates, 2);
    }

    #[test]
    fn edits_filters_and_a_new_model_rebuild() {
        let (model, mut chart, _) = setup(300);
        let mut cache = SceneCache::default();
        let mut scene = Scene::default();
        let view = visible(&model, &chart);
        cache.ensure(&mut scene, &model, &chart, &view, 0);
        cache.ensure(&mut scene, &model, &chart, &view, 1);
        assert_eq!(cache.stats().builds, 2, "an edit rebuilds");
        chart.filters.show_comention = false;
        let view = visible(&model, &chart);
        cache.ensure(&mut scene, &model, &chart, &view, 1);
        assert_eq!(cache.stats().builds, 3, "a filter rebuilds");
        assert_eq!(scene.edges.len(), view.links.len());
        cache.invalidate();
        cache.ensure(&mut scene, &model, &chart, &view, 1);
        assert_eq!(cache.stats().builds, 4, "a new model rebuilds");
        // A node losing its position cannot be moved in place.
        chart.positions.remove(&EntityId(5));
        let before = scene.clone();
        assert_eq!(
            update_positions(&mut scene, &cache.topology, &chart.positions),
            Update::Rebuild
        );
        assert_eq!(scene, before);
    }

    #[test]
    fn compact_lines_answer_as_the_full_shapes_do() {
        // Long random links: straight and curved (parallel), directed and labelled.
        let (model, chart) = crate::scene::synthetic::synthetic(400, 2_000, 3);
        let scene = build_scene(
            &model,
            &chart,
            &visible(&model, &chart),
            &SceneOptions::default(),
        );
        assert!(scene.edges.iter().any(|e| e.points.len() > 2));
        let lines: Vec<EdgeLine> = scene.edges.iter().map(EdgeLine::of).collect();
        let (lo, hi) = (scene.bounds.min, scene.bounds.max);
        let (mut decided, mut curved_decided) = (0, 0);
        for k in 0..40 {
            let t = k as f32 / 40.0;
            let p = [
                lo[0] + (hi[0] - lo[0]) * t,
                lo[1] + (hi[1] - lo[1]) * (1.0 - t * t),
            ];
            let area = Bounds::from_corners(p, [p[0] + 300.0, p[1] + 200.0]);
            for (e, l) in scene.edges.iter().zip(&lines) {
                for labels in [false, true] {
                    if let Some(hit) = l.overlaps(&area, labels) {
                        assert_eq!(hit, edge_overlaps(e, &area, labels), "{:?}", e.link);
                        decided += 1;
                        curved_decided += usize::from(e.points.len() > 2);
                    }
                }
                match l.distance(p, 5.0) {
                    Some(d) if d.is_finite() => assert!((d - e.distance(p)).abs() < 1e-3),
                    Some(_) => assert!(e.distance(p) > 5.0),
                    None => assert!(e.points.len() > 2),
                }
            }
        }
        assert!(decided > 0 && curved_decided > 0);
    }

    #[test]
    fn visible_and_hit_tests_agree_with_a_scan() {
        let (model, chart, view) = setup(4_000);
        let mut cache = SceneCache::default();
        let mut scene = Scene::default();
        cache.ensure(&mut scene, &model, &chart, &view, 0);
        let area = Bounds::from_corners([1000.0, 1200.0], [2600.0, 2200.0]);
        let v = cache.visible(&scene, area, true);
        let want_nodes: Vec<u32> = (0..scene.nodes.len() as u32)
            .filter(|&i| scene.nodes[i as usize].bounds().intersects(&area))
            .collect();
        assert_eq!(v.nodes, want_nodes);
        let want_edges: Vec<u32> = (0..scene.edges.len() as u32)
            .filter(|&i| edge_overlaps(&scene.edges[i as usize], &area, true))
            .collect();
        assert_eq!(v.edges, want_edges);
        assert!(!v.edges.is_empty() && v.edges.len() < scene.edges.len() / 4);
        // The node under a centre is that node (the lattice keeps them apart).
        let n = &scene.nodes[1234];
        assert_eq!(cache.node_at(&scene, n.center, 0.0, 0.0), Some(1234));
        // The edge under the middle of a straight link's line is that link (or one as close).
        let (i, e) = scene
            .edges
            .iter()
            .enumerate()
            .find(|(_, e)| e.points.len() == 2)
            .expect("a straight link");
        let mid = [
            (e.points[0][0] + e.points[1][0]) * 0.5,
            (e.points[0][1] + e.points[1][1]) * 0.5,
        ];
        let hit = cache.edge_at(&scene, mid, 3.0).expect("a link");
        assert!(scene.edges[hit].distance(mid) <= scene.edges[i].distance(mid));
    }

    #[test]
    fn queries_after_a_few_moves_in_place_agree_with_fresh_indexes() {
        let (model, mut chart, view) = setup(4_000);
        let mut cache = SceneCache::default();
        let mut scene = Scene::default();
        cache.ensure(&mut scene, &model, &chart, &view, 0);
        // Three nodes dragged far across the chart, one selected: no index rebuild.
        let moved = [EntityId(10), EntityId(2_000), EntityId(3_999)];
        for (k, id) in moved.iter().enumerate() {
            if let Some(p) = chart.positions.get_mut(id) {
                *p = [1500.0 + 40.0 * k as f32, 1500.0];
            }
        }
        cache.ensure(&mut scene, &model, &chart, &view, 0);
        chart.selection.insert(EntityId(2_000));
        cache.ensure(&mut scene, &model, &chart, &view, 0);
        assert_eq!(cache.stats().reindexes, 1, "moved and selected in place");
        let mut fresh = SceneCache::default();
        let mut fresh_scene = Scene::default();
        fresh.ensure(&mut fresh_scene, &model, &chart, &view, 0);
        assert_eq!(scene, fresh_scene);
        for area in [
            Bounds::from_corners([1300.0, 1300.0], [1800.0, 1700.0]),
            Bounds::from_corners([0.0, 0.0], [600.0, 500.0]),
        ] {
            assert_eq!(
                cache.visible(&scene, area, true),
                fresh.visible(&fresh_scene, area, true)
            );
            assert_eq!(
                cache.nodes_in_rect(&scene, area.min, area.max),
                fresh.nodes_in_rect(&fresh_scene, area.min, area.max)
            );
        }
        for (k, id) in moved.iter().enumerate() {
            let p = [1500.0 + 40.0 * k as f32, 1500.0];
            let i = scene.nodes.iter().position(|n| n.id == *id);
            assert_eq!(cache.node_at(&scene, p, 0.0, 0.0), i, "{id:?}");
            assert_eq!(
                cache.node_at(&scene, p, 0.0, 0.0),
                fresh.node_at(&fresh_scene, p, 0.0, 0.0)
            );
            // Nothing is left where it was.
            let old = setup(4_000).1.positions[id];
            assert_eq!(
                cache.node_at(&scene, old, 0.0, 0.0),
                fresh.node_at(&fresh_scene, old, 0.0, 0.0)
            );
            let e = cache.edge_at(&scene, p, 40.0);
            assert_eq!(e, fresh.edge_at(&fresh_scene, p, 40.0));
        }
        // A layout step moves everything: the indexes are built again.
        for p in chart.positions.values_mut() {
            p[0] += 1.0;
        }
        cache.ensure(&mut scene, &model, &chart, &view, 0);
        assert_eq!(cache.stats().reindexes, 2);
    }

    #[test]
    fn merged_levels_wait_for_a_drag_to_end_and_are_then_merged_again() {
        let (model, mut chart, view) = setup(3_000);
        let mut cache = SceneCache::default();
        let mut scene = Scene::default();
        cache.ensure(&mut scene, &model, &chart, &view, 0);
        let level = super::super::lod::level_for_zoom(0.05);
        let before = cache.lod(&scene, level, false).clone();
        if let Some(p) = chart.positions.get_mut(&EntityId(1_000)) {
            p[0] += 5_000.0;
        }
        cache.ensure(&mut scene, &model, &chart, &view, 0);
        assert_eq!(
            cache.lod(&scene, level, true),
            &before,
            "kept while dragging"
        );
        assert_eq!(cache.stats().lod_builds, 1);
        let after = cache.lod(&scene, level, false).clone();
        assert_eq!(cache.stats().lod_builds, 2, "merged again after the drop");
        let mut fresh = SceneCache::default();
        let mut fresh_scene = Scene::default();
        fresh.ensure(&mut fresh_scene, &model, &chart, &view, 0);
        assert_eq!(after, *fresh.lod(&fresh_scene, level, false));
        assert_ne!(after, before);
    }

    #[test]
    fn merged_levels_follow_a_streaming_layout_spaced_out_and_at_once_when_it_stops() {
        let (model, mut chart, view, mut cache, mut scene) = streaming(4);
        let level = super::super::lod::level_for_zoom(0.05);
        let before = cache.lod(&scene, level, false).clone();
        // A layout step moving every node far: the level is kept for a moment...
        for p in chart.positions.values_mut() {
            p[0] += 3_000.0;
        }
        cache.ensure(&mut scene, &model, &chart, &view, 0);
        assert_eq!(cache.stats().deferred_updates, 1);
        let fresh = |chart: &ChartState| {
            let mut c = SceneCache::default();
            let mut s = Scene::default();
            c.ensure(&mut s, &model, chart, &view, 0);
            c.lod(&s, level, false).clone()
        };
        let moved = fresh(&chart);
        assert_ne!(moved, before);
        // ... and merged again from the nodes' new places once its spacing has passed.
        std::thread::sleep(Duration::from_millis(400));
        assert_eq!(cache.lod(&scene, level, false), &moved);
        assert_eq!(cache.stats().lod_builds, 2);
        // Another step, then a frame where nothing moves: merged again at once.
        for p in chart.positions.values_mut() {
            p[1] -= 2_000.0;
        }
        cache.ensure(&mut scene, &model, &chart, &view, 0);
        cache.ensure(&mut scene, &model, &chart, &view, 0);
        assert_eq!(cache.lod(&scene, level, false), &fresh(&chart));
    }

    #[test]
    fn out_of_date_links_and_nodes_in_view_found_through_the_reference_agree_with_a_scan() {
        let (model, mut chart, view, mut cache, mut scene) = streaming(5);
        let areas = [
            Bounds::from_corners([2000.0, 2000.0], [3600.0, 3000.0]),
            Bounds::from_corners([-500.0, 100.0], [900.0, 700.0]),
            Bounds::from_corners([3000.0, 1000.0], [3100.0, 1060.0]),
        ];
        let mut rebuilt = 0;
        // Steps that drift further and further (the small area makes the reference be built
        // again on the way), some nodes more than others.
        for step in 0..8 {
            for (k, p) in chart.positions.values_mut().enumerate() {
                p[0] += 4.0 * step as f32 + (k % 7) as f32;
                p[1] -= 3.0 * (k % 5) as f32 - step as f32;
            }
            assert!(cache.ensure(&mut scene, &model, &chart, &view, 0));
            for area in &areas {
                let before = cache.reference.as_ref().map(|r| r.drift);
                let found = cache.deferred_in(&scene, area);
                if before != cache.reference.as_ref().map(|r| r.drift) {
                    rebuilt += 1;
                }
                assert_eq!(found, cache.deferred_in_scan(area), "step {step}");
                let nodes = cache.scan_nodes(&scene, area);
                let want: Vec<u32> = (0..scene.nodes.len() as u32)
                    .filter(|&i| scene.nodes[i as usize].bounds().intersects(area))
                    .collect();
                assert_eq!(nodes, want, "step {step}");
            }
            // Some of them redrawn, as the screen does.
            assert!(cache.refresh_edges_in(&mut scene, areas[step % 3]));
        }
        assert!(rebuilt >= 2, "reference built {rebuilt} times");
    }

    #[test]
    fn after_a_layout_step_on_a_huge_chart_the_links_in_view_end_at_their_nodes() {
        let (model, mut chart, view, mut cache, mut scene) = streaming(4);
        // A layout step: every node moves.
        for (k, p) in chart.positions.values_mut().enumerate() {
            p[0] += 7.5 + (k % 7) as f32;
            p[1] -= 3.0 * (k % 5) as f32;
        }
        assert!(cache.ensure(&mut scene, &model, &chart, &view, 0));
        assert_eq!(cache.stats().deferred_updates, 1);
        let all = cache.deferred_edges();
        assert!(all > DEFER_MIN_EDGES, "{all} links left to redraw");
        let fresh = build_scene(&model, &chart, &view, &SceneOptions::default());
        assert_eq!(scene.nodes, fresh.nodes, "nodes moved at once");

        // The screen: what is in view is redrawn, and only that.
        let area = Bounds::from_corners([2000.0, 2000.0], [3600.0, 3000.0]);
        assert!(cache.refresh_edges_in(&mut scene, area));
        let redrawn = all - cache.deferred_edges();
        assert!(redrawn > 0 && redrawn < all / 10, "{redrawn} of {all}");
        let mut fresh_cache = SceneCache::default();
        let mut fresh_scene = Scene::default();
        fresh_cache.ensure(&mut fresh_scene, &model, &chart, &view, 0);
        let v = cache.visible(&scene, area, true);
        assert_eq!(v, fresh_cache.visible(&fresh_scene, area, true));
        for &i in &v.edges {
            assert_eq!(scene.edges[i as usize], fresh.edges[i as usize], "edge {i}");
        }
        // Nodes are found where they are now (scanned until a frame where nothing moves).
        assert_eq!(
            cache.nodes_in_rect(&scene, area.min, area.max),
            fresh_cache.nodes_in_rect(&fresh_scene, area.min, area.max)
        );
        assert!(!cache.nodes_in_rect(&scene, area.min, area.max).is_empty());
        for i in [0usize, 777, 6_000, 11_999] {
            let p = fresh.nodes[i].center;
            assert_eq!(cache.node_at(&scene, p, 0.0, 0.0), Some(i));
            let off = [p[0] + 30.0, p[1] + 30.0];
            assert_eq!(
                cache.node_at(&scene, off, 4.0, 20.0),
                fresh_cache.node_at(&fresh_scene, off, 4.0, 20.0)
            );
        }
        // Hit-testing finds the redrawn links where they are now.
        let e = &fresh.edges[v.edges[0] as usize];
        let mid = e.points[0];
        assert_eq!(
            cache
                .edge_at(&scene, mid, 2.0)
                .map(|i| fresh.edges[i].distance(mid) <= 2.0),
            Some(true)
        );

        // Frames where nothing moves catch up on the rest; then the scene is a full build's.
        let mut frames = 0;
        while cache.deferred_edges() > 0 && frames < 100 {
            cache.ensure(&mut scene, &model, &chart, &view, 0);
            frames += 1;
        }
        assert_eq!(cache.deferred_edges(), 0);
        assert!(frames > 1, "a chunk per frame");
        assert_eq!(scene, fresh);
        assert_eq!(cache.stats().builds, 1);
        let far = Bounds::from_corners([0.0, 0.0], [9000.0, 9000.0]);
        assert_eq!(
            cache.visible(&scene, far, true),
            fresh_cache.visible(&fresh_scene, far, true)
        );
        let p = fresh.nodes[4321].center;
        assert_eq!(cache.node_at(&scene, p, 0.0, 0.0), Some(4321));
    }

    #[test]
    fn segments_meet_rectangles_only_when_they_cross_them() {
        let r = Bounds::from_corners([0.0, 0.0], [10.0, 10.0]);
        assert!(segment_meets_rect([-5.0, 5.0], [15.0, 5.0], &r));
        assert!(segment_meets_rect([5.0, 5.0], [6.0, 6.0], &r));
        // Passes the corner diagonally outside: its box overlaps, the line does not.
        assert!(!segment_meets_rect([-5.0, 12.0], [12.0, -5.0 + 30.0], &r));
        assert!(!segment_meets_rect([8.0, 25.0], [25.0, 8.0], &r));
        assert!(!segment_meets_rect([20.0, 0.0], [30.0, 10.0], &r));
    }
}
