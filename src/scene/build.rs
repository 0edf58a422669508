//! `build_scene`: model + chart state + view → drawable shapes.

use rayon::prelude::*;

use crate::chart::{ChartState, View};
use crate::model::{Confidence, DocIdx, EntityType, LinkKind, Model};

use super::style;
use super::{
    Bounds, Caption, EdgeShape, Legend, LineStyle, NodeShape, Scene, SceneOptions, SizeBy,
};

/// Distance between entities placed by the scene (those without a position).
const PLACEMENT_SPACING: f32 = 60.0;
/// Segments of a curved link.
const CURVE_SEGMENTS: usize = 12;
/// Build links on several threads from this many on.
const PARALLEL_MIN_LINKS: usize = 4096;
/// Sources listed in the caption before "and N more".
const MAX_CAPTION_SOURCES: usize = 12;

/// Turn the visible part of the model into shapes in chart coordinates.
///
/// Nodes sit at `chart.positions`; visible entities without a position are placed on a
/// golden-angle spiral round the laid-out ones (in view order, so the result is deterministic)
/// and flagged [`NodeShape::placed`]. Links run between the node circles, styled by
/// [`Model::confidence`]; several links between the same two nodes bend apart.
pub fn build_scene(
    model: &Model,
    chart: &ChartState,
    view: &View,
    options: &SceneOptions,
) -> Scene {
    build_scene_tracked(model, chart, view, options).0
}

/// [`build_scene`], and what [`update_positions`] and [`update_selection`] need to change the
/// scene in place later (which nodes each edge joins, its bend and direction).
pub fn build_scene_tracked(
    model: &Model,
    chart: &ChartState,
    view: &View,
    options: &SceneOptions,
) -> (Scene, SceneTopology) {
    // Dense index: entity id → node slot.
    let max_id = view.entities.iter().map(|e| e.0).max().map_or(0, |m| m + 1);
    let mut slot = vec![u32::MAX; max_id as usize];

    // Degree by visible link (for SizeBy::Degree), walking the sorted model alongside the view.
    let links: Vec<&crate::model::Link> = walk_sorted(&model.links, &view.links, |l| l.id);
    let entities: Vec<&crate::model::Entity> =
        walk_sorted(&model.entities, &view.entities, |e| e.id);
    for (i, e) in entities.iter().enumerate() {
        slot[e.id.0 as usize] = i as u32;
    }
    let mut degree = vec![0u32; entities.len()];
    for l in &links {
        for end in [l.from, l.to] {
            if let Some(&s) = slot.get(end.0 as usize)
                && s != u32::MAX
            {
                degree[s as usize] += 1;
            }
        }
    }

    // Positions: merge the sorted position map with the sorted entities.
    let mut centers: Vec<Option<[f32; 2]>> = vec![None; entities.len()];
    let mut placed_bounds = Bounds::EMPTY;
    {
        let mut pos = chart.positions.iter().peekable();
        for (i, e) in entities.iter().enumerate() {
            while pos.peek().is_some_and(|(id, _)| **id < e.id) {
                pos.next();
            }
            if let Some((id, p)) = pos.peek()
                && **id == e.id
                && p[0].is_finite()
                && p[1].is_finite()
            {
                centers[i] = Some(**p);
                placed_bounds.include(**p, 0.0);
            }
        }
    }
    let (spiral_center, spiral_start) = if placed_bounds.is_empty() {
        ([0.0, 0.0], 0.0)
    } else {
        let half_diag = 0.5 * placed_bounds.width().hypot(placed_bounds.height());
        (placed_bounds.center(), half_diag + PLACEMENT_SPACING)
    };

    let mut nodes = Vec::with_capacity(entities.len());
    let mut unplaced = 0usize;
    for (i, e) in entities.iter().enumerate() {
        let (center, placed) = match centers[i] {
            Some(c) => (c, false),
            None => {
                let c = spiral_point(spiral_center, spiral_start, unplaced);
                unplaced += 1;
                (c, true)
            }
        };
        let count = match options.size_by {
            SizeBy::Mentions => e.mentions.len(),
            SizeBy::Degree => degree[i] as usize,
        };
        nodes.push(NodeShape {
            id: e.id,
            center,
            radius: style::node_radius(count),
            kind: e.kind,
            fill: style::type_color(e.kind),
            label: style::short_label(&e.name),
            selected: chart.selection.contains(&e.id),
            pinned: chart.pinned.contains(&e.id),
            placed,
        });
    }

    let sources = SourceKeys::new(model);
    // Centre and radius only, packed: links read these at random, so keep them in cache.
    let disc = discs(&nodes);
    let bends = parallel_bends(&links, &slot, nodes.len());
    // Links: independent of each other, so built in parallel (in order).
    let make_edge = |(l, bend): (&&crate::model::Link, f32)| -> Option<(EdgeShape, TopoEdge)> {
        let a = *slot.get(l.from.0 as usize)?;
        let b = *slot.get(l.to.0 as usize)?;
        if a == u32::MAX || b == u32::MAX || a == b {
            return None;
        }
        let (na, nb) = (disc[a as usize], disc[b as usize]);
        if let Some(area) = &options.only {
            let rough = Bounds::from_corners(na.center, nb.center)
                .expand(bend.abs() + style::EDGE_LABEL_SIZE * 8.0);
            if !rough.intersects(area) {
                return None;
            }
        }
        let confidence = sources.confidence(l);
        let selected = chart.selected_link == Some(l.id);
        let width = if selected {
            style::SELECTED_EDGE_WIDTH
        } else {
            style::EDGE_WIDTH
        };
        let label = (options.link_labels
            && (l.kind != LinkKind::CoMention || options.comention_labels)
            && !l.label.trim().is_empty())
        .then(|| style::short_label(&l.label));
        let mut points = Vec::with_capacity(2);
        let geometry = edge_geometry(&na, &nb, bend, l.directed, width, &mut points)?;
        let bounds = edge_bounds(
            &points,
            geometry.arrow.as_ref(),
            width,
            label.as_deref(),
            geometry.label_at,
        );
        let topo = TopoEdge {
            a,
            b,
            bend,
            directed: l.directed,
        };
        let shape = EdgeShape {
            link: l.id,
            from: l.from,
            to: l.to,
            points,
            confidence,
            style: LineStyle::from_confidence(confidence),
            color: if selected {
                style::SELECTED_COLOR
            } else {
                style::EDGE_COLOR
            },
            width,
            arrow: geometry.arrow,
            label,
            label_at: geometry.label_at,
            selected,
            bounds,
        };
        Some((shape, topo))
    };
    let (edges, topo_edges): (Vec<EdgeShape>, Vec<TopoEdge>) = if links.len() >= PARALLEL_MIN_LINKS
    {
        links
            .par_iter()
            .zip(bends.into_par_iter())
            .filter_map(make_edge)
            .unzip()
    } else {
        links.iter().zip(bends).filter_map(make_edge).unzip()
    };
    // Slots are node indices only while every node is kept.
    let topology = SceneTopology {
        edges: if options.only.is_none() {
            topo_edges
        } else {
            Vec::new()
        },
        tracked: options.only.is_none(),
    };

    if let Some(area) = &options.only {
        nodes.retain(|n| n.bounds().intersects(area));
    }

    let mut bounds = Bounds::EMPTY;
    let mut type_present = [false; EntityType::ALL.len()];
    for n in &nodes {
        bounds = bounds.union(&n.bounds());
        type_present[n.kind as usize] = true;
    }
    let mut style_present = [false; LineStyle::ALL.len()];
    let mut directed = false;
    for e in &edges {
        bounds = bounds.union(&e.bounds);
        style_present[e.style as usize] = true;
        directed |= e.arrow.is_some();
    }
    let legend = Legend {
        types: EntityType::ALL
            .into_iter()
            .filter(|t| type_present[*t as usize])
            .collect(),
        styles: LineStyle::ALL
            .into_iter()
            .filter(|s| style_present[*s as usize])
            .collect(),
        directed,
    };
    let caption = caption(model, chart, view, &entities, &links, options);
    let scene = Scene {
        nodes,
        edges,
        bounds,
        legend,
        caption,
    };
    (scene, topology)
}

/// Per edge of a scene (same order): the node indices it joins, its bend and direction.
#[derive(Clone, Copy, Debug, PartialEq)]
struct TopoEdge {
    a: u32,
    b: u32,
    bend: f32,
    directed: bool,
}

/// What a full [`build_scene_tracked`] leaves for in-place updates of its scene.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct SceneTopology {
    edges: Vec<TopoEdge>,
    /// False when the scene was built for part of the chart only (no in-place updates).
    tracked: bool,
}

impl SceneTopology {
    /// How far edge `i` bends off the straight line between its nodes (0 when straight).
    pub fn edge_bend(&self, i: usize) -> Option<f32> {
        self.edges.get(i).map(|t| t.bend)
    }

    /// The node indices edge `i` joins (None when the scene was built for part of the chart).
    pub fn edge_nodes(&self, i: usize) -> Option<(usize, usize)> {
        self.edges
            .get(i)
            .filter(|_| self.tracked)
            .map(|t| (t.a as usize, t.b as usize))
    }
}

/// What an in-place update did.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Update {
    /// The scene already showed this state.
    Unchanged,
    /// The scene was changed in place; `nodes` nodes and `edges` edges were touched.
    Updated { nodes: usize, edges: usize },
    /// The change cannot be made in place (a node gained or lost its position, placed nodes
    /// would move, a link became degenerate): build the scene again.
    Rebuild,
}

/// Move the nodes of `scene` to `positions` and redraw their links, in place. The result
/// equals a full [`build_scene`] with those positions (or says [`Update::Rebuild`]).
pub fn update_positions(
    scene: &mut Scene,
    topology: &SceneTopology,
    positions: &std::collections::BTreeMap<crate::model::EntityId, [f32; 2]>,
) -> Update {
    update_positions_tracked(scene, topology, positions, None)
}

/// The nodes and links an in-place update moved, by index, in increasing order.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Moved {
    pub nodes: Vec<u32>,
    pub edges: Vec<u32>,
    /// Where each of `nodes` went (same order).
    pub to: Vec<[f32; 2]>,
}

/// [`update_positions`], also telling which nodes and links moved when `moved` is given (it is
/// filled only when the result is [`Update::Updated`]).
pub fn update_positions_tracked(
    scene: &mut Scene,
    topology: &SceneTopology,
    positions: &std::collections::BTreeMap<crate::model::EntityId, [f32; 2]>,
    moved_out: Option<&mut Moved>,
) -> Update {
    update_positions_inner(scene, topology, positions, moved_out, true)
}

/// Move the nodes of `scene` to `positions` in place but leave their links' lines as they
/// were: `moved.edges` lists the links now out of date, for [`redraw_edges`] to redraw (those
/// on screen first; a layout step on a huge chart need not redraw what nobody sees). The
/// scene's bounds cover its nodes only until then.
pub fn move_nodes_deferring_edges(
    scene: &mut Scene,
    topology: &SceneTopology,
    positions: &std::collections::BTreeMap<crate::model::EntityId, [f32; 2]>,
    moved: &mut Moved,
) -> Update {
    update_positions_inner(scene, topology, positions, Some(moved), false)
}

/// Redraw the links at indices `which` from their nodes' current places (after
/// [`move_nodes_deferring_edges`]). False when one became degenerate (build the scene again).
pub fn redraw_edges(scene: &mut Scene, topology: &SceneTopology, which: &[u32]) -> bool {
    let nodes = &scene.nodes;
    let disc = |i: u32| {
        nodes.get(i as usize).map(|n| Disc {
            center: n.center,
            radius: n.radius,
        })
    };
    redraw_edges_by(
        &mut scene.edges,
        topology,
        which,
        &disc,
        &|_: &EdgeShape| (),
    )
    .is_some()
}

/// [`redraw_edges`] reading the nodes' centres and radii from compact arrays (indexed like the
/// scene's nodes and current with them), which a redraw of many links reads at random; `after`
/// sees each redrawn edge while it is at hand. Returns, for each edge redrawn, its index and
/// what `after` made of it (in no particular order), or None when one became degenerate.
pub fn redraw_edges_compact<T: Send>(
    scene: &mut Scene,
    topology: &SceneTopology,
    which: &[u32],
    centres: &[[f32; 2]],
    radii: &[f32],
    after: &(impl Fn(&EdgeShape) -> T + Sync),
) -> Option<Vec<(u32, T)>> {
    if centres.len() != scene.nodes.len() || radii.len() != scene.nodes.len() {
        let nodes = &scene.nodes;
        let disc = |i: u32| {
            nodes.get(i as usize).map(|n| Disc {
                center: n.center,
                radius: n.radius,
            })
        };
        return redraw_edges_by(&mut scene.edges, topology, which, &disc, after);
    }
    let disc = |i: u32| {
        let i = i as usize;
        match (centres.get(i), radii.get(i)) {
            (Some(&center), Some(&radius)) => Some(Disc { center, radius }),
            _ => None,
        }
    };
    redraw_edges_by(&mut scene.edges, topology, which, &disc, after)
}

fn redraw_edges_by<T: Send>(
    edges: &mut [EdgeShape],
    topology: &SceneTopology,
    which: &[u32],
    disc: &(impl Fn(u32) -> Option<Disc> + Sync),
    after: &(impl Fn(&EdgeShape) -> T + Sync),
) -> Option<Vec<(u32, T)>> {
    if !topology.tracked || topology.edges.len() != edges.len() {
        return None;
    }
    if which.len() < PARALLEL_MIN_REDRAW {
        let mut out = Vec::with_capacity(which.len());
        for &i in which {
            if let (Some(e), Some(t)) = (edges.get_mut(i as usize), topology.edges.get(i as usize))
            {
                redraw_one(e, t, disc).ok()?;
                out.push((i, after(e)));
            }
        }
        return Some(out);
    }
    // Sorted, so that the edges split into disjoint runs redrawn on several threads.
    let mut sorted: Vec<u32> = which
        .iter()
        .copied()
        .filter(|&i| (i as usize) < edges.len())
        .collect();
    sorted.par_sort_unstable();
    sorted.dedup();
    redraw_sorted(edges, &topology.edges, 0, &sorted, disc, after)
}

/// Links at or above this many are redrawn on several threads.
const PARALLEL_MIN_REDRAW: usize = 1024;

/// Redraw `edges[i - base]` for each `i` of `which` (sorted, unique, in range), splitting the
/// work in halves across threads.
fn redraw_sorted<T: Send>(
    edges: &mut [EdgeShape],
    topo: &[TopoEdge],
    base: usize,
    which: &[u32],
    disc: &(impl Fn(u32) -> Option<Disc> + Sync),
    after: &(impl Fn(&EdgeShape) -> T + Sync),
) -> Option<Vec<(u32, T)>> {
    if which.len() < PARALLEL_MIN_REDRAW {
        let mut out = Vec::with_capacity(which.len());
        for &i in which {
            let k = (i as usize).wrapping_sub(base);
            if let (Some(e), Some(t)) = (edges.get_mut(k), topo.get(k)) {
                redraw_one(e, t, disc).ok()?;
                out.push((i, after(e)));
            }
        }
        return Some(out);
    }
    let mid = which.len() / 2;
    let split = (which[mid] as usize)
        .saturating_sub(base)
        .min(edges.len())
        .min(topo.len());
    let (le, re) = edges.split_at_mut(split);
    let (lt, rt) = topo.split_at(split);
    let (a, b) = rayon::join(
        || redraw_sorted(le, lt, base, &which[..mid], disc, after),
        || redraw_sorted(re, rt, base + split, &which[mid..], disc, after),
    );
    let (mut a, b) = (a?, b?);
    a.extend(b);
    Some(a)
}

/// Redraw one edge from its two nodes' discs.
fn redraw_one(
    e: &mut EdgeShape,
    t: &TopoEdge,
    disc: &impl Fn(u32) -> Option<Disc>,
) -> Result<(), ()> {
    match (disc(t.a), disc(t.b)) {
        // The pair's own topology: its two discs are (0, 1).
        (Some(na), Some(nb)) => redraw_edge(e, &TopoEdge { a: 0, b: 1, ..*t }, &[na, nb]),
        _ => Err(()),
    }
}

fn update_positions_inner(
    scene: &mut Scene,
    topology: &SceneTopology,
    positions: &std::collections::BTreeMap<crate::model::EntityId, [f32; 2]>,
    moved_out: Option<&mut Moved>,
    redraw: bool,
) -> Update {
    if !topology.tracked || topology.edges.len() != scene.edges.len() {
        return Update::Rebuild;
    }
    // Walk the sorted positions alongside the nodes (in id order), noting where each moved
    // node goes (the scene stays as it was when it cannot be updated in place).
    let mut moved: Vec<u32> = Vec::new();
    let mut to: Vec<[f32; 2]> = Vec::new();
    let mut any_placed = false;
    let mut laid_out = 0usize;
    {
        let mut pos = positions.iter().peekable();
        for (i, n) in scene.nodes.iter().enumerate() {
            while pos.peek().is_some_and(|(id, _)| **id < n.id) {
                pos.next();
            }
            let p = match pos.peek() {
                Some((id, p)) if **id == n.id && p[0].is_finite() && p[1].is_finite() => Some(**p),
                _ => None,
            };
            match (p, n.placed) {
                (Some(p), false) => {
                    laid_out += 1;
                    if p != n.center {
                        moved.push(i as u32);
                        to.push(p);
                    }
                }
                (None, true) => any_placed = true,
                // Gained or lost a position.
                _ => return Update::Rebuild,
            }
        }
    }
    if moved.is_empty() {
        return Update::Unchanged;
    }
    if any_placed {
        // Nodes placed by the scene go round the laid-out ones, which moved.
        return Update::Rebuild;
    }
    for (&i, &p) in moved.iter().zip(&to) {
        if let Some(n) = scene.nodes.get_mut(i as usize) {
            n.center = p;
        }
    }
    // Every link joins two laid-out nodes: when all of them moved, so did every link.
    let all = moved.len() == laid_out;
    let mut is_moved = Vec::new();
    if !all {
        is_moved = vec![false; scene.nodes.len()];
        for &i in &moved {
            is_moved[i as usize] = true;
        }
    }
    let touches = |t: &TopoEdge| all || is_moved[t.a as usize] || is_moved[t.b as usize];
    let touched: Result<usize, ()> = if !redraw {
        Ok(if all {
            topology.edges.len()
        } else {
            topology.edges.par_iter().filter(|t| touches(t)).count()
        })
    } else {
        let disc = discs(&scene.nodes);
        let redo = |(e, t): (&mut EdgeShape, &TopoEdge)| -> Result<usize, ()> {
            if !touches(t) {
                return Ok(0);
            }
            redraw_edge(e, t, &disc)?;
            Ok(1)
        };
        if scene.edges.len() >= PARALLEL_MIN_LINKS {
            scene
                .edges
                .par_iter_mut()
                .zip(topology.edges.par_iter())
                .map(redo)
                .try_reduce(|| 0, |a, b| Ok(a + b))
        } else {
            scene.edges.iter_mut().zip(&topology.edges).map(redo).sum()
        }
    };
    let Ok(edges) = touched else {
        return Update::Rebuild;
    };
    scene.bounds = if redraw {
        scene_bounds(scene)
    } else {
        scene
            .nodes
            .par_iter()
            .map(NodeShape::bounds)
            .reduce(|| Bounds::EMPTY, |a, b| a.union(&b))
    };
    if let Some(out) = moved_out {
        out.edges.clear();
        if all {
            out.edges.extend(0..topology.edges.len() as u32);
        } else {
            out.edges.par_extend(
                (0..topology.edges.len() as u32)
                    .into_par_iter()
                    .filter(|&i| touches(&topology.edges[i as usize])),
            );
        }
        out.nodes = moved;
        out.to = to;
        return Update::Updated {
            nodes: out.nodes.len(),
            edges,
        };
    }
    Update::Updated {
        nodes: moved.len(),
        edges,
    }
}

/// Mark the selected and pinned nodes and the selected link as `chart` says, in place.
pub fn update_selection(scene: &mut Scene, topology: &SceneTopology, chart: &ChartState) -> Update {
    if !topology.tracked || topology.edges.len() != scene.edges.len() {
        return Update::Rebuild;
    }
    let mut nodes = 0;
    for n in &mut scene.nodes {
        let selected = chart.selection.contains(&n.id);
        let pinned = chart.pinned.contains(&n.id);
        if n.selected != selected || n.pinned != pinned {
            n.selected = selected;
            n.pinned = pinned;
            nodes += 1;
        }
    }
    let changed: Vec<usize> = scene
        .edges
        .iter()
        .enumerate()
        .filter(|(_, e)| e.selected != (chart.selected_link == Some(e.link)))
        .map(|(i, _)| i)
        .collect();
    if nodes == 0 && changed.is_empty() {
        return Update::Unchanged;
    }
    let disc: Vec<Disc> = changed
        .iter()
        .flat_map(|&i| [topology.edges[i].a, topology.edges[i].b])
        .map(|s| {
            let n = &scene.nodes[s as usize];
            Disc {
                center: n.center,
                radius: n.radius,
            }
        })
        .collect();
    for (k, &i) in changed.iter().enumerate() {
        let e = &mut scene.edges[i];
        e.selected = !e.selected;
        (e.width, e.color) = if e.selected {
            (style::SELECTED_EDGE_WIDTH, style::SELECTED_COLOR)
        } else {
            (style::EDGE_WIDTH, style::EDGE_COLOR)
        };
        // Two discs per changed edge, in order: the local topology is (0, 1) of that pair.
        let t = TopoEdge {
            a: 0,
            b: 1,
            ..topology.edges[i]
        };
        if redraw_edge(e, &t, &disc[2 * k..2 * k + 2]).is_err() {
            return Update::Rebuild;
        }
    }
    scene.bounds = scene_bounds(scene);
    Update::Updated {
        nodes,
        edges: changed.len(),
    }
}

/// Recompute an edge's line, arrowhead, label position and bounds from its nodes' discs.
fn redraw_edge(e: &mut EdgeShape, t: &TopoEdge, disc: &[Disc]) -> Result<(), ()> {
    let (na, nb) = (disc[t.a as usize], disc[t.b as usize]);
    let g = edge_geometry(&na, &nb, t.bend, t.directed, e.width, &mut e.points).ok_or(())?;
    e.arrow = g.arrow;
    e.label_at = g.label_at;
    e.bounds = edge_bounds(
        &e.points,
        e.arrow.as_ref(),
        e.width,
        e.label.as_deref(),
        e.label_at,
    );
    Ok(())
}

/// Bounds of every node and edge of a scene.
fn scene_bounds(scene: &Scene) -> Bounds {
    let nodes = scene.nodes.iter().map(NodeShape::bounds);
    let edges = scene.edges.iter().map(|e| e.bounds);
    nodes.chain(edges).fold(Bounds::EMPTY, |a, b| a.union(&b))
}

/// Bounds of a link's line, arrowhead and label.
fn edge_bounds(
    points: &[[f32; 2]],
    arrow: Option<&[[f32; 2]; 3]>,
    width: f32,
    label: Option<&str>,
    label_at: [f32; 2],
) -> Bounds {
    let mut bounds = Bounds::EMPTY;
    for p in points {
        bounds.include(*p, width);
    }
    if let Some(tri) = arrow {
        for p in tri {
            bounds.include(*p, 0.0);
        }
    }
    if let Some(text) = label {
        let hw = style::text_width(text, style::EDGE_LABEL_SIZE) * 0.5;
        let hh = style::FONT_ROW_HEIGHT * style::EDGE_LABEL_SIZE * 0.5;
        let c = label_at;
        bounds = bounds.union(&Bounds::from_corners(
            [c[0] - hw, c[1] - hh],
            [c[0] + hw, c[1] + hh],
        ));
    }
    bounds
}

/// The items of `all` (sorted by key) whose keys are in `wanted` (sorted), in order.
fn walk_sorted<'m, T, K: Ord + Copy>(
    all: &'m [T],
    wanted: &[K],
    key: impl Fn(&T) -> K,
) -> Vec<&'m T> {
    let mut out = Vec::with_capacity(wanted.len());
    let mut i = 0;
    for w in wanted {
        // The view is in model order, so this is a forward walk; fall back to a search if not.
        while i < all.len() && key(&all[i]) < *w {
            i += 1;
        }
        if i < all.len() && key(&all[i]) == *w {
            out.push(&all[i]);
            i += 1;
        } else if let Ok(j) = all.binary_search_by_key(w, &key) {
            out.push(&all[j]);
        }
    }
    out
}

/// Each document's independent-source key (its outlet, or the document itself when the outlet
/// is unknown) as a number, so link confidence needs no string work: the same rule as
/// [`Model::confidence`], thousands of times faster on big charts.
struct SourceKeys {
    key: Vec<u32>,
}

impl SourceKeys {
    fn new(model: &Model) -> Self {
        let mut outlets: std::collections::HashMap<&str, u32> = Default::default();
        let n = model.documents.len() as u32;
        let key = model
            .documents
            .iter()
            .enumerate()
            .map(|(i, d)| match &d.outlet {
                Some(o) => {
                    let next = n + outlets.len() as u32;
                    *outlets.entry(o.as_str()).or_insert(next)
                }
                None => i as u32,
            })
            .collect();
        Self { key }
    }

    fn confidence(&self, link: &crate::model::Link) -> Confidence {
        if link.kind == LinkKind::CoMention || link.hedged() {
            return Confidence::Tentative;
        }
        let mut first = None;
        for e in link.evidence.iter().filter(|e| !e.hedged) {
            let Some(&k) = self.key.get(e.doc.0 as usize) else {
                continue;
            };
            match first {
                None => first = Some(k),
                Some(f) if f != k => return Confidence::Confirmed,
                Some(_) => {}
            }
        }
        Confidence::Unconfirmed
    }
}

/// The `k`-th point of a golden-angle spiral.
fn spiral_point(center: [f32; 2], start: f32, k: usize) -> [f32; 2] {
    const GOLDEN_ANGLE: f32 = 2.399_963_2;
    let r = start + PLACEMENT_SPACING * ((k + 1) as f32).sqrt();
    let a = k as f32 * GOLDEN_ANGLE;
    [center[0] + r * a.cos(), center[1] + r * a.sin()]
}

/// The bend of each link (in `links` order): 0 for a lone link between two nodes, and
/// symmetric offsets for several, signed against the pair's canonical direction so that
/// opposite links part too. Buckets links by their lower node slot (linear time).
fn parallel_bends(links: &[&crate::model::Link], slot: &[u32], n_nodes: usize) -> Vec<f32> {
    let ends: Vec<Option<(u32, u32)>> = links
        .iter()
        .map(|l| {
            let a = *slot.get(l.from.0 as usize)?;
            let b = *slot.get(l.to.0 as usize)?;
            (a != u32::MAX && b != u32::MAX).then_some((a, b))
        })
        .collect();
    let mut start = vec![0u32; n_nodes + 1];
    for &(a, b) in ends.iter().flatten() {
        start[a.min(b) as usize + 1] += 1;
    }
    for i in 0..n_nodes {
        start[i + 1] += start[i];
    }
    let mut fill = start.clone();
    // (other end, link index) per lower end: sorting needs no lookups.
    let mut bucket = vec![(0u32, 0u32); start[n_nodes] as usize];
    for (i, e) in ends.iter().enumerate() {
        if let Some((a, b)) = e {
            let lo = a.min(b);
            bucket[fill[*lo as usize] as usize] = (*a.max(b), i as u32);
            fill[*lo as usize] += 1;
        }
    }
    let mut bends = vec![0.0f32; links.len()];
    for lo in 0..n_nodes {
        let group = &mut bucket[start[lo] as usize..start[lo + 1] as usize];
        if group.len() < 2 {
            continue;
        }
        group.sort_unstable();
        let mut s = 0;
        while s < group.len() {
            let mut e = s + 1;
            while e < group.len() && group[e].0 == group[s].0 {
                e += 1;
            }
            let n = e - s;
            if n > 1 {
                for (k, &(_, i)) in group[s..e].iter().enumerate() {
                    let offset = (k as f32 - (n - 1) as f32 * 0.5) * style::PARALLEL_SPACING;
                    let (a, b) = ends[i as usize].unwrap_or((0, 0));
                    // Offsets are measured against the direction lower slot → higher slot.
                    bends[i as usize] = if a <= b { offset } else { -offset };
                }
            }
            s = e;
        }
    }
    bends
}

#[derive(Clone, Copy)]
struct Disc {
    center: [f32; 2],
    radius: f32,
}

/// Centre and radius of every node, packed for the link pass.
fn discs(nodes: &[NodeShape]) -> Vec<Disc> {
    nodes
        .iter()
        .map(|n| Disc {
            center: n.center,
            radius: n.radius,
        })
        .collect()
}

/// An edge's arrowhead and label position; its polyline goes into a caller's buffer.
struct EdgeGeometry {
    arrow: Option<[[f32; 2]; 3]>,
    label_at: [f32; 2],
}

fn sub(a: [f32; 2], b: [f32; 2]) -> [f32; 2] {
    [a[0] - b[0], a[1] - b[1]]
}

fn add_scaled(a: [f32; 2], d: [f32; 2], s: f32) -> [f32; 2] {
    [a[0] + d[0] * s, a[1] + d[1] * s]
}

fn length(d: [f32; 2]) -> f32 {
    (d[0] * d[0] + d[1] * d[1]).sqrt()
}

/// The line between two node circles, bent sideways by `bend` (0 = straight), ending at the
/// base of an arrowhead when `directed`.
fn edge_geometry(
    a: &Disc,
    b: &Disc,
    bend: f32,
    directed: bool,
    width: f32,
    points: &mut Vec<[f32; 2]>,
) -> Option<EdgeGeometry> {
    points.clear();
    let d = sub(b.center, a.center);
    let len = length(d);
    if len.is_nan() || len <= 1e-3 {
        return None;
    }
    let u = [d[0] / len, d[1] / len];
    let normal = [-u[1], u[0]];
    let start_cut = a.radius + style::EDGE_GAP;
    let end_cut = b.radius + style::EDGE_GAP;
    let arrow_len = if directed {
        style::ARROW_LENGTH * (width / style::EDGE_WIDTH).sqrt()
    } else {
        0.0
    };
    let half_w = style::ARROW_HALF_WIDTH * (width / style::EDGE_WIDTH).sqrt();

    if bend == 0.0 {
        let mid = add_scaled(a.center, d, 0.5);
        if len <= start_cut + end_cut + arrow_len {
            // Overlapping nodes: a line under them, centre to centre.
            points.extend([a.center, b.center]);
            return Some(EdgeGeometry {
                arrow: None,
                label_at: mid,
            });
        }
        let p0 = add_scaled(a.center, u, start_cut);
        let tip = add_scaled(b.center, u, -end_cut);
        let (p1, arrow) = if directed {
            let base = add_scaled(tip, u, -arrow_len);
            (
                base,
                Some([
                    tip,
                    add_scaled(base, normal, half_w),
                    add_scaled(base, normal, -half_w),
                ]),
            )
        } else {
            (tip, None)
        };
        points.extend([p0, p1]);
        return Some(EdgeGeometry {
            arrow,
            label_at: mid,
        });
    }

    // Quadratic Bézier whose midpoint lies `bend` off the straight line.
    let control = add_scaled(add_scaled(a.center, d, 0.5), normal, 2.0 * bend);
    let at = |t: f32| -> [f32; 2] {
        let s = 1.0 - t;
        [
            s * s * a.center[0] + 2.0 * s * t * control[0] + t * t * b.center[0],
            s * s * a.center[1] + 2.0 * s * t * control[1] + t * t * b.center[1],
        ]
    };
    let label_at = at(0.5);
    // Parameter where the curve leaves a circle of radius `r` round `c` (bisection: the
    // distance grows monotonically along each half of a gentle curve).
    let leave = |c: [f32; 2], r: f32, from_start: bool| -> f32 {
        let (mut lo, mut hi) = (0.0f32, 0.5f32);
        for _ in 0..16 {
            let m = 0.5 * (lo + hi);
            let t = if from_start { m } else { 1.0 - m };
            if length(sub(at(t), c)) < r {
                lo = m;
            } else {
                hi = m;
            }
        }
        let m = 0.5 * (lo + hi);
        if from_start { m } else { 1.0 - m }
    };
    let t0 = leave(a.center, start_cut, true);
    let t_tip = leave(b.center, end_cut, false);
    if t0 >= t_tip {
        points.extend([a.center, b.center]);
        return Some(EdgeGeometry {
            arrow: None,
            label_at,
        });
    }
    let t1 = if directed {
        leave(b.center, end_cut + arrow_len, false).max(t0)
    } else {
        t_tip
    };
    points.extend(
        (0..=CURVE_SEGMENTS).map(|i| at(t0 + (t1 - t0) * i as f32 / CURVE_SEGMENTS as f32)),
    );
    let arrow = if directed {
        let tip = at(t_tip);
        let base = at(t1);
        let axis = sub(tip, base);
        let l = length(axis).max(1e-6);
        let n = [-axis[1] / l, axis[0] / l];
        Some([
            tip,
            add_scaled(base, n, half_w),
            add_scaled(base, n, -half_w),
        ])
    } else {
        None
    };
    Some(EdgeGeometry { arrow, label_at })
}

/// Filters, sources and counts for the caption.
fn caption(
    model: &Model,
    chart: &ChartState,
    view: &View,
    entities: &[&crate::model::Entity],
    links: &[&crate::model::Link],
    options: &SceneOptions,
) -> Caption {
    let f = &chart.filters;
    let mut used = vec![false; model.documents.len()];
    let mut mark = |d: DocIdx| {
        if let Some(u) = used.get_mut(d.0 as usize) {
            *u = true;
        }
    };
    for l in links {
        for ev in &l.evidence {
            mark(ev.doc);
        }
    }
    for e in entities {
        for m in &e.mentions {
            mark(m.doc);
        }
    }
    let passes = |d: &crate::model::Document| f.passes_document(d);
    let docs: Vec<&crate::model::Document> = model
        .documents
        .iter()
        .zip(&used)
        .filter(|(d, u)| **u && passes(d))
        .map(|(d, _)| d)
        .collect();
    let mut sources: Vec<String> = docs
        .iter()
        .take(MAX_CAPTION_SOURCES)
        .map(|d| {
            let mut s = String::new();
            if let Some(o) = &d.outlet {
                s.push_str(o);
            }
            if let Some(date) = &d.date {
                if !s.is_empty() {
                    s.push_str(", ");
                }
                s.push_str(date);
            }
            if let Some(t) = &d.title {
                if !s.is_empty() {
                    s.push_str(": ");
                }
                s.push_str(&style::short_label_n(t, 80));
            }
            if s.is_empty() {
                d.id.clone()
            } else {
                format!("{s} ({})", d.id)
            }
        })
        .collect();
    if docs.len() > MAX_CAPTION_SOURCES {
        sources.push(format!(
            "and {} more documents",
            docs.len() - MAX_CAPTION_SOURCES
        ));
    }
    let mut counts = format!(
        "{} {} and {} {} shown",
        entities.len(),
        plural(entities.len(), "entity", "entities"),
        links.len(),
        plural(links.len(), "link", "links"),
    );
    if view.hidden_entities > 0 || view.hidden_links > 0 {
        counts.push_str(&format!(
            "; {} {} and {} {} hidden",
            view.hidden_entities,
            plural(view.hidden_entities, "entity", "entities"),
            view.hidden_links,
            plural(view.hidden_links, "link", "links"),
        ));
    }
    Caption {
        filters: f.describe(),
        sources,
        counts,
        date: options.date.clone(),
    }
}

fn plural(n: usize, one: &'static str, many: &'static str) -> &'static str {
    if n == 1 { one } else { many }
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeSet;

    use super::*;
    use crate::chart::visible;
    use crate::model::{Document, Entity, EntityId, Evidence, Link, LinkId, Mention, Span};
    use crate::scene::Bounds;

    fn doc(id: &str, outlet: &str) -> Document {
        Document {
            id: id.into(),
            path: format!("{id}.txt"),
            title: Some(format!("Title of {id}")),
            outlet: Some(outlet.into()),
            date: Some("2020-08-17".into()),
            text: "A sentence.".into(),
            sentences: vec![Span::new(0, 11)],
            grade: None,
        }
    }

    fn entity(i: u32, name: &str, kind: EntityType, mentions: usize) -> Entity {
        Entity {
            id: EntityId(i),
            name: name.into(),
            kind,
            aliases: vec![],
            countries: vec![],
            mentions: (0..mentions)
                .map(|k| Mention {
                    doc: DocIdx(k as u32 % 3),
                    sentence: 0,
                    span: Span::new(0, 1),
                })
                .collect(),
            note: None,
        }
    }

    fn link(i: u32, from: u32, to: u32, kind: LinkKind, docs: &[(u32, bool)]) -> Link {
        Link {
            id: LinkId(i),
            from: EntityId(from),
            to: EntityId(to),
            label: format!("link {i}"),
            kind,
            directed: i.is_multiple_of(2),
            evidence: docs
                .iter()
                .map(|&(d, hedged)| Evidence {
                    doc: DocIdx(d),
                    sentence: 0,
                    hedged,
                })
                .collect(),
            note: None,
        }
    }

    /// Four entities on a square; links of every confidence; two parallel links e0–e1.
    fn fixture() -> (Model, ChartState) {
        let model = Model {
            documents: vec![
                doc("a", "Reuters"),
                doc("b", "Al-Monitor"),
                doc("c", "Reuters"),
            ],
            entities: vec![
                entity(0, "Qasem Soleimani", EntityType::Person, 9),
                entity(1, "Quds Force", EntityType::Organization, 1),
                entity(2, "Iran", EntityType::Country, 4),
                entity(3, "Kabul", EntityType::Place, 0),
            ],
            links: vec![
                // Two outlets: confirmed.
                link(0, 0, 1, LinkKind::Stated, &[(0, false), (1, false)]),
                // Same outlet twice: one source.
                link(1, 1, 2, LinkKind::Stated, &[(0, false), (2, false)]),
                link(2, 2, 3, LinkKind::CoMention, &[(0, false)]),
                // Hedged.
                link(3, 3, 0, LinkKind::Stated, &[(1, true)]),
                // Parallel to link 0, the other way.
                link(4, 1, 0, LinkKind::Stated, &[(1, false)]),
            ],
        };
        let mut chart = ChartState::default();
        for (i, p) in [[0.0, 0.0], [200.0, 0.0], [200.0, 200.0], [0.0, 200.0]]
            .into_iter()
            .enumerate()
        {
            chart.positions.insert(EntityId(i as u32), p);
        }
        (model, chart)
    }

    fn build(model: &Model, chart: &ChartState) -> Scene {
        build_scene(
            model,
            chart,
            &visible(model, chart),
            &SceneOptions::default(),
        )
    }

    fn dist(a: [f32; 2], b: [f32; 2]) -> f32 {
        (a[0] - b[0]).hypot(a[1] - b[1])
    }

    #[test]
    fn nodes_sit_at_their_positions_with_name_colour_and_size() {
        let (model, chart) = fixture();
        let scene = build(&model, &chart);
        assert_eq!(scene.nodes.len(), 4);
        let n = &scene.nodes[0];
        assert_eq!(n.center, [0.0, 0.0]);
        assert_eq!(n.label, "Qasem Soleimani");
        assert_eq!(n.fill, style::type_color(EntityType::Person));
        // Nine mentions make a bigger node than one.
        assert!(scene.nodes[0].radius > scene.nodes[1].radius);
        assert!(!n.placed);
    }

    #[test]
    fn size_by_degree_counts_visible_links() {
        let (model, chart) = fixture();
        let opts = SceneOptions {
            size_by: SizeBy::Degree,
            ..SceneOptions::default()
        };
        let scene = build_scene(&model, &chart, &visible(&model, &chart), &opts);
        // e0 has three links, e3 two.
        assert!(scene.nodes[0].radius > scene.nodes[3].radius);
    }

    #[test]
    fn line_style_follows_confidence() {
        let (model, chart) = fixture();
        let scene = build(&model, &chart);
        let style_of = |id: u32| {
            scene
                .edges
                .iter()
                .find(|e| e.link == LinkId(id))
                .map(|e| e.style)
        };
        assert_eq!(style_of(0), Some(LineStyle::Solid));
        assert_eq!(style_of(1), Some(LineStyle::Dashed));
        assert_eq!(style_of(2), Some(LineStyle::Dotted));
        assert_eq!(style_of(3), Some(LineStyle::Dotted));
        assert_eq!(scene.legend.styles, LineStyle::ALL.to_vec());
        assert_eq!(
            scene.legend.types,
            vec![
                EntityType::Person,
                EntityType::Organization,
                EntityType::Country,
                EntityType::Place
            ]
        );
    }

    #[test]
    fn links_stop_at_the_circles_and_directed_ones_get_an_arrow() {
        let (model, chart) = fixture();
        let scene = build(&model, &chart);
        // Link 1 (e1 → e2) is straight and plain.
        let e = scene.edges.iter().find(|e| e.link == LinkId(1)).unwrap();
        let (a, b) = (&scene.nodes[1], &scene.nodes[2]);
        assert_eq!(e.points.len(), 2);
        assert!((dist(e.points[0], a.center) - (a.radius + style::EDGE_GAP)).abs() < 1e-3);
        assert!((dist(e.points[1], b.center) - (b.radius + style::EDGE_GAP)).abs() < 1e-3);
        assert!(e.arrow.is_none());
        // Link 2 (e2 → e3) is directed: the tip touches e3's gap, the line stops short of it.
        let e = scene.edges.iter().find(|e| e.link == LinkId(2)).unwrap();
        let tip = e.arrow.unwrap()[0];
        let c = &scene.nodes[3];
        assert!((dist(tip, c.center) - (c.radius + style::EDGE_GAP)).abs() < 1e-3);
        assert!(dist(*e.points.last().unwrap(), c.center) > dist(tip, c.center));
        // Co-mention links are not labelled by default; stated ones are.
        assert_eq!(e.label, None);
        let e1 = scene.edges.iter().find(|e| e.link == LinkId(1)).unwrap();
        assert_eq!(e1.label.as_deref(), Some("link 1"));
    }

    #[test]
    fn parallel_links_are_drawn_apart() {
        let (model, chart) = fixture();
        let scene = build(&model, &chart);
        let a = scene.edges.iter().find(|e| e.link == LinkId(0)).unwrap();
        let b = scene.edges.iter().find(|e| e.link == LinkId(4)).unwrap();
        assert!(a.points.len() > 2 && b.points.len() > 2, "both curved");
        // Their midpoints lie on opposite sides of the straight line y = 0, well apart.
        assert!(dist(a.label_at, b.label_at) >= style::PARALLEL_SPACING * 0.99);
        assert!(a.label_at[1].signum() != b.label_at[1].signum());
        // Curves still start and end at the circles.
        let n0 = &scene.nodes[0];
        assert!((dist(a.points[0], n0.center) - (n0.radius + style::EDGE_GAP)).abs() < 0.05);
    }

    #[test]
    fn hidden_entities_and_their_links_are_left_out() {
        let (model, mut chart) = fixture();
        chart.hidden.insert(EntityId(2));
        let scene = build(&model, &chart);
        assert!(scene.nodes.iter().all(|n| n.id != EntityId(2)));
        assert!(
            scene
                .edges
                .iter()
                .all(|e| e.from != EntityId(2) && e.to != EntityId(2))
        );
        assert!(
            scene.caption.counts.contains("1 entity"),
            "{}",
            scene.caption.counts
        );
        assert!(!scene.legend.types.contains(&EntityType::Country));
    }

    #[test]
    fn entities_without_position_are_placed_outside_the_chart_deterministically() {
        let (model, mut chart) = fixture();
        chart.positions.remove(&EntityId(3));
        let s1 = build(&model, &chart);
        let s2 = build(&model, &chart);
        assert_eq!(s1, s2);
        let n = s1.nodes.iter().find(|n| n.id == EntityId(3)).unwrap();
        assert!(n.placed);
        assert!(dist(n.center, [100.0, 100.0]) > 150.0, "{:?}", n.center);
        // With no positions at all every node still gets a distinct place.
        let s3 = build(&model, &ChartState::default());
        let mut spots: Vec<[i64; 2]> = s3
            .nodes
            .iter()
            .map(|n| [n.center[0] as i64, n.center[1] as i64])
            .collect();
        spots.dedup();
        assert_eq!(spots.len(), 4);
    }

    #[test]
    fn selection_marks_nodes_and_links() {
        let (model, mut chart) = fixture();
        chart.selection = BTreeSet::from([EntityId(1)]);
        chart.selected_link = Some(LinkId(2));
        let scene = build(&model, &chart);
        let selected: Vec<EntityId> = scene
            .nodes
            .iter()
            .filter(|n| n.selected)
            .map(|n| n.id)
            .collect();
        assert_eq!(selected, vec![EntityId(1)]);
        let e = scene.edges.iter().find(|e| e.selected).unwrap();
        assert_eq!(e.link, LinkId(2));
        assert_eq!(e.color, style::SELECTED_COLOR);
    }

    #[test]
    fn cull_and_build_only_keep_what_overlaps_the_area() {
        let (model, chart) = fixture();
        let full = build(&model, &chart);
        let area = Bounds::from_corners([-50.0, -50.0], [60.0, 60.0]);
        let culled = full.cull(area);
        let ids: Vec<EntityId> = culled.nodes.iter().map(|n| n.id).collect();
        assert_eq!(ids, vec![EntityId(0)]);
        assert!(culled.edges.iter().all(|e| e.bounds.intersects(&area)));
        assert!(!culled.edges.is_empty());
        let opts = SceneOptions {
            only: Some(area),
            ..SceneOptions::default()
        };
        let only = build_scene(&model, &chart, &visible(&model, &chart), &opts);
        assert_eq!(only.nodes, culled.nodes);
        assert_eq!(only.edges, culled.edges);
    }

    #[test]
    fn caption_names_filters_sources_and_date() {
        let (model, mut chart) = fixture();
        chart.filters.sources.insert("b".into());
        let opts = SceneOptions {
            date: Some("2026-01-02".into()),
            ..SceneOptions::default()
        };
        let scene = build_scene(&model, &chart, &visible(&model, &chart), &opts);
        assert_eq!(scene.caption.filters, vec!["sources: b".to_string()]);
        assert_eq!(scene.caption.sources.len(), 1);
        assert!(scene.caption.sources[0].starts_with("Al-Monitor, 2020-08-17: Title of b"));
        assert_eq!(scene.caption.date.as_deref(), Some("2026-01-02"));
    }

    #[test]
    fn hit_tests_find_nodes_and_links() {
        let (model, chart) = fixture();
        let scene = build(&model, &chart);
        assert_eq!(scene.node_at([1.0, 1.0]).map(|n| n.id), Some(EntityId(0)));
        assert!(scene.node_at([100.0, 100.0]).is_none());
        // Link 1 runs down x = 200.
        assert_eq!(
            scene.edge_at([201.0, 100.0], 3.0).map(|e| e.link),
            Some(LinkId(1))
        );
    }

    #[test]
    fn fast_confidence_agrees_with_the_model() {
        let (mut model, _) = crate::scene::synthetic::synthetic(200, 2000, 3);
        // Some documents without an outlet: each is its own source.
        model.documents[1].outlet = None;
        model.documents[6].outlet = None;
        let keys = SourceKeys::new(&model);
        for l in &model.links {
            assert_eq!(keys.confidence(l), model.confidence(l), "{}", l.id);
        }
    }

    #[test]
    fn synthetic_charts_build_with_every_style() {
        let (model, chart) = crate::scene::synthetic::synthetic(300, 900, 7);
        let scene = build(&model, &chart);
        assert_eq!(scene.nodes.len(), 300);
        assert!(scene.edges.len() > 850);
        assert_eq!(scene.legend.styles.len(), 3);
        assert_eq!(scene.legend.types.len(), 7);
        assert!(scene.edges.iter().any(|e| e.points.len() > 2));
    }
}
