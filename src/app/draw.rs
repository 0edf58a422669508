//! Painting a [`Scene`] with egui: the screen twin of `export::svg`.
//!
//! Only paints; the scene is built elsewhere. Uses the shared [`style`] so colours, dash
//! patterns, icon sizes and label positions match the exported image. Fast on big charts:
//! every link, dash and arrowhead goes into one [`egui::Mesh`], nodes are filled circles,
//! icons are textures rasterized from the same SVG as the export, labels are drawn only above
//! a zoom threshold, and nothing off screen is built.

use std::collections::HashMap;

use egui::{Align2, Color32, FontId, Mesh, Pos2, Rect, Stroke, TextureHandle, Vec2};

use crate::model::EntityType;
use crate::scene::icons::rasterize;
use crate::scene::lod::LodLevel;
use crate::scene::style::{self, dash_pattern};
use crate::scene::{Bounds, NodeShape, Rgba, Scene};

/// Node labels are drawn only when they would be at least this tall on screen (points).
pub const MIN_LABEL_SCREEN_SIZE: f32 = 5.5;

/// With more links than this on screen (long links crossing a crowded view), dashed and dotted
/// links are drawn as fainter solid lines, as when their dashes are too fine to see: thousands
/// of dashes each cost more than they tell.
pub const MAX_DASHED_EDGES: usize = 2_000;

/// With more nodes than this on screen their labels are left out: they would cover each other
/// (and the chart) and cost a text layout each.
pub const MAX_NODE_LABELS: usize = 800;
/// With more labelled links than this on screen, link labels are left out (same reason).
pub const MAX_EDGE_LABELS: usize = 300;
/// Icons are drawn only when at least this wide on screen (points): smaller ones cannot be told
/// apart, and a crowded screen would pay an image each.
pub const MIN_ICON_SIDE: f32 = 6.0;
/// A link whose line is shorter than this on screen (points) is not drawn: it is hidden under
/// its nodes.
pub const MIN_LINK_SCREEN_LENGTH: f32 = 1.0;

/// Smallest and largest icon texture sides (pixels); sizes in between round up to a power of two.
const ICON_MIN_PX: u32 = 16;
const ICON_MAX_PX: u32 = 256;

pub fn color32(c: Rgba) -> Color32 {
    Color32::from_rgba_unmultiplied(c.0[0], c.0[1], c.0[2], c.0[3])
}

/// Icon textures, uploaded on first use at the size needed (rounded up to a power of two).
#[derive(Default)]
pub struct IconTextures {
    textures: HashMap<(EntityType, u32), TextureHandle>,
}

impl IconTextures {
    /// The texture for `kind` at least `px` pixels wide, uploading it if needed.
    pub fn get(
        &mut self,
        ctx: &egui::Context,
        kind: EntityType,
        px: f32,
    ) -> Option<&TextureHandle> {
        let side = (px.max(1.0).ceil() as u32)
            .next_power_of_two()
            .clamp(ICON_MIN_PX, ICON_MAX_PX);
        match self.textures.entry((kind, side)) {
            std::collections::hash_map::Entry::Occupied(e) => Some(e.into_mut()),
            std::collections::hash_map::Entry::Vacant(e) => {
                let img = rasterize(kind, side).ok()?;
                let image = egui::ColorImage::from_rgba_premultiplied(
                    [side as usize, side as usize],
                    &img.rgba_premultiplied,
                );
                let tex = ctx.load_texture(
                    format!("linkchart-icon-{}-{side}", kind.as_str()),
                    image,
                    egui::TextureOptions::LINEAR,
                );
                Some(e.insert(tex))
            }
        }
    }
}

/// What was painted (for tests and the frame-time overlay).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct PaintStats {
    pub nodes: usize,
    pub edges: usize,
    pub labels: usize,
    /// The level of detail drawn instead of nodes and links, when zoomed out on a big chart.
    pub lod_level: Option<i32>,
    /// Merged dots and link bundles drawn.
    pub dots: usize,
    pub bundles: usize,
}

/// Dashes whose period would be shorter than this on screen (points) are drawn as a fainter
/// solid line: they cannot be told apart, and they would cost a quad each.
pub const MIN_DASH_PERIOD_PX: f32 = 3.0;

/// Paint `scene` with `painter`. `to_screen` maps chart coordinates to screen points and
/// `zoom` is screen points per chart unit (the same the transform uses). Culls by each shape's
/// bounds (the canvas uses an index instead, see [`paint_parts`]).
pub fn paint_scene(
    painter: &egui::Painter,
    scene: &Scene,
    to_screen: impl Fn([f32; 2]) -> Pos2,
    zoom: f32,
    icons: &mut IconTextures,
) -> PaintStats {
    let clip = painter.clip_rect();
    let on_screen = |b: &Bounds| -> bool {
        !b.is_empty() && Rect::from_two_pos(to_screen(b.min), to_screen(b.max)).intersects(clip)
    };
    let nodes: Vec<u32> = (0..scene.nodes.len() as u32)
        .filter(|&i| on_screen(&scene.nodes[i as usize].bounds()))
        .collect();
    let edges: Vec<u32> = (0..scene.edges.len() as u32)
        .filter(|&i| on_screen(&scene.edges[i as usize].bounds))
        .collect();
    paint_parts(painter, scene, &nodes, &edges, to_screen, zoom, icons)
}

/// Paint the nodes and edges of `scene` at the given indices (what is on screen), in order.
pub fn paint_parts(
    painter: &egui::Painter,
    scene: &Scene,
    nodes: &[u32],
    edges: &[u32],
    to_screen: impl Fn([f32; 2]) -> Pos2,
    zoom: f32,
    icons: &mut IconTextures,
) -> PaintStats {
    let links = links_mesh(
        scene,
        edges,
        &to_screen,
        zoom,
        painter.clip_rect(),
        edges.len() <= MAX_DASHED_EDGES,
    );
    painter.add(egui::Shape::mesh(links.mesh));
    let mut stats = paint_nodes_and_labels(painter, scene, nodes, edges, to_screen, zoom, icons);
    stats.edges = edges.len() - links.too_short.len();
    stats
}

/// The links of a frame in one mesh, and which of them were left out as too short to see.
#[derive(Clone, Debug, Default)]
pub struct LinksMesh {
    pub mesh: Mesh,
    /// The edges (of those asked for, in their order) shorter than
    /// [`MIN_LINK_SCREEN_LENGTH`] on screen, not drawn.
    pub too_short: Vec<u32>,
}

/// Build the links and arrowheads of `scene` at the given indices into one mesh: the pieces
/// near `area` (screen points), dashed when `dashes` and the dashes are coarse enough to see.
pub fn links_mesh(
    scene: &Scene,
    edges: &[u32],
    to_screen: impl Fn([f32; 2]) -> Pos2,
    zoom: f32,
    area: Rect,
    dashes: bool,
) -> LinksMesh {
    let mut out = LinksMesh::default();
    let mesh = &mut out.mesh;
    // A quad per straight link and a triangle per arrowhead, at least.
    mesh.vertices.reserve(edges.len() * 4);
    mesh.indices.reserve(edges.len() * 6);
    let mut screen_pts: Vec<Pos2> = Vec::new();
    for &i in edges {
        let Some(e) = scene.edges.get(i as usize) else {
            out.too_short.push(i);
            continue;
        };
        screen_pts.clear();
        screen_pts.extend(e.points.iter().map(|p| to_screen(*p)));
        if is_shorter_than(&screen_pts, MIN_LINK_SCREEN_LENGTH) {
            out.too_short.push(i);
            continue;
        }
        let color = color32(e.color);
        let width = (e.width * zoom).max(0.75);
        let area = area.expand(width + 1.0);
        match dash_pattern(e.style) {
            Some([on, off]) if dashes && (on + off) * zoom >= MIN_DASH_PERIOD_PX => {
                add_dashed(mesh, &screen_pts, width, color, on * zoom, off * zoom, area)
            }
            Some([on, off]) => {
                // Too fine to see as dashes at this zoom (or too many): a fainter solid line.
                let faded = color.gamma_multiply(on / (on + off).max(f32::EPSILON));
                add_polyline(mesh, &screen_pts, width, faded, area);
            }
            None => add_polyline(mesh, &screen_pts, width, color, area),
        }
        if let Some(tri) = e.arrow {
            let idx = mesh.vertices.len() as u32;
            for p in tri {
                mesh.colored_vertex(to_screen(p), color);
            }
            mesh.add_triangle(idx, idx + 1, idx + 2);
        }
    }
    out
}

/// Paint the nodes of `scene` at `nodes` and the labels of the nodes and `edges` (what is on
/// screen, in order) over the links. Counts nodes and labels; `edges` stays 0.
pub fn paint_nodes_and_labels(
    painter: &egui::Painter,
    scene: &Scene,
    nodes: &[u32],
    edges: &[u32],
    to_screen: impl Fn([f32; 2]) -> Pos2,
    zoom: f32,
    icons: &mut IconTextures,
) -> PaintStats {
    let mut stats = PaintStats::default();
    let clip = painter.clip_rect();

    // Nodes: ring, circle, icon.
    for n in nodes.iter().filter_map(|&i| scene.nodes.get(i as usize)) {
        stats.nodes += 1;
        paint_node(painter, n, &to_screen, zoom, icons);
    }

    // Labels: link labels, then node labels, only when legible and not too many to read.
    let edge_labels = || {
        edges
            .iter()
            .filter_map(|&i| scene.edges.get(i as usize))
            .filter(|e| e.label.is_some())
            .take(MAX_EDGE_LABELS + 1)
            .count()
    };
    if style::EDGE_LABEL_SIZE * zoom >= MIN_LABEL_SCREEN_SIZE && edge_labels() <= MAX_EDGE_LABELS {
        let font = FontId::proportional(style::EDGE_LABEL_SIZE * zoom);
        let color = color32(style::EDGE_LABEL_COLOR);
        for e in edges.iter().filter_map(|&i| scene.edges.get(i as usize)) {
            if let Some(text) = &e.label {
                let at = to_screen(e.label_at);
                if !clip
                    .expand(style::text_width(text, style::EDGE_LABEL_SIZE) * zoom)
                    .contains(at)
                {
                    continue;
                }
                painter.text(at, Align2::CENTER_CENTER, text, font.clone(), color);
                stats.labels += 1;
            }
        }
    }
    if style::NODE_LABEL_SIZE * zoom >= MIN_LABEL_SCREEN_SIZE && nodes.len() <= MAX_NODE_LABELS {
        let font = FontId::proportional(style::NODE_LABEL_SIZE * zoom);
        let color = color32(style::TEXT_COLOR);
        for n in nodes.iter().filter_map(|&i| scene.nodes.get(i as usize)) {
            painter.text(
                to_screen(n.label_top()),
                Align2::CENTER_TOP,
                &n.label,
                font.clone(),
                color,
            );
            stats.labels += 1;
        }
    }
    stats
}

/// One node: selection ring, filled circle, icon, pin mark.
pub fn paint_node(
    painter: &egui::Painter,
    n: &NodeShape,
    to_screen: impl Fn([f32; 2]) -> Pos2,
    zoom: f32,
    icons: &mut IconTextures,
) {
    let c = to_screen(n.center);
    let r = n.radius * zoom;
    if n.selected {
        painter.circle_stroke(
            c,
            r + (style::SELECTION_RING_GAP + style::SELECTION_RING_WIDTH * 0.5) * zoom,
            Stroke::new(
                (style::SELECTION_RING_WIDTH * zoom).max(1.0),
                color32(style::SELECTED_COLOR),
            ),
        );
    }
    painter.circle_filled(c, r, color32(n.fill));
    let side = 2.0 * r * style::ICON_SCALE;
    if side >= MIN_ICON_SIDE {
        let px = side * painter.pixels_per_point();
        if let Some(tex) = icons.get(painter.ctx(), n.kind, px) {
            painter.image(
                tex.id(),
                Rect::from_center_size(c, Vec2::splat(side)),
                Rect::from_min_max(Pos2::ZERO, Pos2::new(1.0, 1.0)),
                color32(style::ICON_COLOR),
            );
        }
    }
    if n.pinned {
        // Screen-only affordance (exports leave it out): where the analyst dropped it.
        let d = r * std::f32::consts::FRAC_1_SQRT_2;
        painter.circle_filled(
            c + Vec2::new(d, -d),
            (0.2 * r).max(2.5),
            Color32::from_gray(30),
        );
    }
}

/// Paint a level of detail: link bundles (width and shade by how many links they stand for),
/// then one dot per occupied cell (size by node count, colour by the dominant type). One mesh.
pub fn paint_lod(
    painter: &egui::Painter,
    lod: &LodLevel,
    area: Bounds,
    to_screen: impl Fn([f32; 2]) -> Pos2,
    zoom: f32,
) -> PaintStats {
    let mut stats = PaintStats {
        lod_level: Some(lod.level),
        ..PaintStats::default()
    };
    let clip = painter.clip_rect().expand(4.0);
    let mut mesh = Mesh::default();
    let edge = color32(style::EDGE_COLOR);
    for b in lod.bundles_in(area) {
        let weight = ((b.count + 1) as f32).log2();
        let width = (0.6 + 0.5 * weight).min(4.0);
        let alpha = (0.25 + 0.15 * weight).min(0.9);
        add_polyline(
            &mut mesh,
            &[to_screen(b.from), to_screen(b.to)],
            width,
            edge.gamma_multiply(alpha),
            clip,
        );
        stats.bundles += 1;
    }
    let cell_px = lod.cell * zoom;
    for d in lod.dots_in(area) {
        let r = (1.2 + 1.1 * (d.count as f32).sqrt()).min(0.75 * cell_px.max(2.0));
        add_disc(&mut mesh, to_screen(d.center), r, color32(d.fill));
        stats.dots += 1;
    }
    painter.add(egui::Shape::mesh(mesh));
    stats
}

/// Unit directions round a circle in `k` steps (computed once per size: thousands of discs
/// are drawn per frame on a merged chart).
fn circle_dirs(k: usize) -> Vec<Vec2> {
    (0..k)
        .map(|i| {
            let a = i as f32 * std::f32::consts::TAU / k as f32;
            Vec2::new(a.cos(), a.sin())
        })
        .collect()
}

static DISC_DIRS_SMALL: std::sync::LazyLock<Vec<Vec2>> =
    std::sync::LazyLock::new(|| circle_dirs(8));
static DISC_DIRS_LARGE: std::sync::LazyLock<Vec<Vec2>> =
    std::sync::LazyLock::new(|| circle_dirs(14));

/// A filled, anti-aliased disc (a fan with a one-point feathered rim).
fn add_disc(mesh: &mut Mesh, c: Pos2, r: f32, color: Color32) {
    let dirs: &[Vec2] = if r < 3.0 {
        &DISC_DIRS_SMALL
    } else {
        &DISC_DIRS_LARGE
    };
    let k = dirs.len() as u32;
    let idx = mesh.vertices.len() as u32;
    mesh.reserve_vertices(1 + 2 * dirs.len());
    mesh.reserve_triangles(3 * dirs.len());
    mesh.colored_vertex(c, color);
    let inner = (r - 0.5).max(0.3);
    let outer = r + 0.5;
    for &dir in dirs {
        mesh.colored_vertex(c + dir * inner, color);
        mesh.colored_vertex(c + dir * outer, Color32::TRANSPARENT);
    }
    for i in 0..k {
        let j = (i + 1) % k;
        let (ia, oa, ib, ob) = (
            idx + 1 + 2 * i,
            idx + 2 + 2 * i,
            idx + 1 + 2 * j,
            idx + 2 + 2 * j,
        );
        mesh.add_triangle(idx, ia, ib);
        mesh.add_triangle(ia, oa, ob);
        mesh.add_triangle(ia, ob, ib);
    }
}

/// Whether the polyline is shorter than `min` (its chord, no shorter than it, settles most
/// lines without a square root per segment).
fn is_shorter_than(pts: &[Pos2], min: f32) -> bool {
    match (pts.first(), pts.last()) {
        (Some(a), Some(b)) if (*b - *a).length_sq() >= min * min => false,
        _ => pts.windows(2).map(|w| (w[1] - w[0]).length()).sum::<f32>() < min,
    }
}

/// A quad from `a` to `b`, `width` wide.
fn add_segment(mesh: &mut Mesh, a: Pos2, b: Pos2, width: f32, color: Color32) {
    let d = b - a;
    let len = d.length();
    if len <= f32::EPSILON {
        return;
    }
    let n = Vec2::new(-d.y, d.x) * (0.5 * width / len);
    add_quad(mesh, a, b, n, color);
}

/// The quad of a straight piece from `a` to `b`, `n` its half-width normal.
fn add_quad(mesh: &mut Mesh, a: Pos2, b: Pos2, n: Vec2, color: Color32) {
    let idx = mesh.vertices.len() as u32;
    mesh.colored_vertex(a + n, color);
    mesh.colored_vertex(a - n, color);
    mesh.colored_vertex(b - n, color);
    mesh.colored_vertex(b + n, color);
    mesh.add_triangle(idx, idx + 1, idx + 2);
    mesh.add_triangle(idx, idx + 2, idx + 3);
}

/// The segments of a polyline that come near `area` (screen points).
fn add_polyline(mesh: &mut Mesh, pts: &[Pos2], width: f32, color: Color32, area: Rect) {
    for w in pts.windows(2) {
        if Rect::from_two_pos(w[0], w[1]).intersects(area) {
            add_segment(mesh, w[0], w[1], width, color);
        }
    }
}

/// The part of segment `a`–`b` inside `r` as parameters `t0 ≤ t1` in `[0, 1]` (Liang–Barsky).
fn clip_segment(a: Pos2, b: Pos2, r: Rect) -> Option<(f32, f32)> {
    let d = b - a;
    let (mut t0, mut t1) = (0.0f32, 1.0f32);
    for (p, q) in [
        (-d.x, a.x - r.min.x),
        (d.x, r.max.x - a.x),
        (-d.y, a.y - r.min.y),
        (d.y, r.max.y - a.y),
    ] {
        if p == 0.0 {
            if q < 0.0 {
                return None;
            }
        } else {
            let t = q / p;
            if p < 0.0 {
                t0 = t0.max(t);
            } else {
                t1 = t1.min(t);
            }
        }
    }
    (t0 <= t1).then_some((t0, t1))
}

/// Dashes built along one segment at most (the screen's dashes are far fewer: the period is at
/// least [`MIN_DASH_PERIOD_PX`]); a guard against degenerate input.
const MAX_DASHES_PER_SEGMENT: usize = 100_000;

/// Dashes along a polyline; the pattern runs on across corners, starting "on" at the first
/// point (as SVG's `stroke-dasharray` does). Only the dashes inside `area` are added, so a long
/// line mostly off screen costs what its visible part does.
fn add_dashed(
    mesh: &mut Mesh,
    pts: &[Pos2],
    width: f32,
    color: Color32,
    on: f32,
    off: f32,
    area: Rect,
) {
    let period = on + off;
    if !(period > 0.0 && period.is_finite()) {
        add_polyline(mesh, pts, width, color, area);
        return;
    }
    // Distance along the polyline at the start of the current segment.
    let mut along = 0.0f32;
    for w in pts.windows(2) {
        let (a, b) = (w[0], w[1]);
        let seg = (b - a).length();
        if seg <= f32::EPSILON {
            continue;
        }
        if let Some((t0, t1)) = clip_segment(a, b, area) {
            let dir = (b - a) / seg;
            // One normal for every dash of the segment.
            let normal = Vec2::new(-dir.y, dir.x) * (0.5 * width);
            let (start, end) = (along + t0 * seg, along + t1 * seg);
            // The dash at or before the visible part's start; dash k starts `k` periods on
            // (one remainder per segment, not one per dash).
            let base = start - start.rem_euclid(period);
            let count = ((end - base) / period).ceil();
            if !count.is_finite() {
                along += seg;
                continue;
            }
            for k in 0..(count.max(0.0) as usize).min(MAX_DASHES_PER_SEGMENT) {
                let dash = base + k as f32 * period;
                let (lo, hi) = (dash.max(start), (dash + on).min(end));
                if hi - lo > 1e-3 {
                    let (p, q) = (a + dir * (lo - along), a + dir * (hi - along));
                    add_quad(mesh, p, q, normal, color);
                }
            }
        }
        along += seg;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dashes_cover_the_on_part_of_the_pattern() {
        let mut mesh = Mesh::default();
        let pts = [Pos2::new(0.0, 0.0), Pos2::new(100.0, 0.0)];
        let all = Rect::from_min_max(Pos2::new(-10.0, -10.0), Pos2::new(200.0, 10.0));
        add_dashed(&mut mesh, &pts, 2.0, Color32::BLACK, 6.0, 4.0, all);
        // 100 / (6 + 4) = 10 dashes, one quad (4 vertices) each.
        assert_eq!(mesh.vertices.len(), 40);
        let mut solid = Mesh::default();
        add_polyline(&mut solid, &pts, 2.0, Color32::BLACK, all);
        assert_eq!(solid.vertices.len(), 4);
    }

    #[test]
    fn only_the_dashes_on_screen_are_built_and_keep_their_phase() {
        // A line 10,000 points long of which 50 points are on screen.
        let pts = [Pos2::new(-5000.0, 0.0), Pos2::new(5000.0, 0.0)];
        let screen = Rect::from_min_max(Pos2::new(0.0, -10.0), Pos2::new(50.0, 10.0));
        let mut mesh = Mesh::default();
        add_dashed(&mut mesh, &pts, 2.0, Color32::BLACK, 6.0, 4.0, screen);
        // Dashes start every 10 points from x = -5000, so at 0, 10, 20, 30, 40 on screen.
        assert_eq!(mesh.vertices.len(), 5 * 4);
        let xs: Vec<f32> = mesh.vertices.iter().step_by(4).map(|v| v.pos.x).collect();
        assert_eq!(xs, vec![0.0, 10.0, 20.0, 30.0, 40.0]);
        // Off screen entirely: nothing.
        let mut none = Mesh::default();
        let away = Rect::from_min_max(Pos2::new(0.0, 100.0), Pos2::new(50.0, 120.0));
        add_dashed(&mut none, &pts, 2.0, Color32::BLACK, 6.0, 4.0, away);
        assert!(none.vertices.is_empty());
    }
}
