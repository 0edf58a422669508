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
use crate::scene::style::{self, dash_pattern};
use crate::scene::{Bounds, Rgba, Scene};

/// Node labels are drawn only when they would be at least this tall on screen (points).
pub const MIN_LABEL_SCREEN_SIZE: f32 = 5.5;

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
}

/// Paint `scene` with `painter`. `to_screen` maps chart coordinates to screen points and
/// `zoom` is screen points per chart unit (the same the transform uses).
pub fn paint_scene(
    painter: &egui::Painter,
    scene: &Scene,
    to_screen: impl Fn([f32; 2]) -> Pos2,
    zoom: f32,
    icons: &mut IconTextures,
) -> PaintStats {
    let mut stats = PaintStats::default();
    let clip = painter.clip_rect();
    let on_screen = |b: &Bounds| -> bool {
        if b.is_empty() {
            return false;
        }
        let r = Rect::from_two_pos(to_screen(b.min), to_screen(b.max));
        r.intersects(clip)
    };

    // Links and arrowheads: one mesh.
    let mut mesh = Mesh::default();
    let mut screen_pts: Vec<Pos2> = Vec::new();
    for e in &scene.edges {
        if !on_screen(&e.bounds) {
            continue;
        }
        stats.edges += 1;
        let color = color32(e.color);
        let width = (e.width * zoom).max(0.75);
        screen_pts.clear();
        screen_pts.extend(e.points.iter().map(|p| to_screen(*p)));
        match dash_pattern(e.style) {
            None => add_polyline(&mut mesh, &screen_pts, width, color),
            Some([on, off]) => {
                add_dashed(&mut mesh, &screen_pts, width, color, on * zoom, off * zoom)
            }
        }
        if let Some(tri) = e.arrow {
            let idx = mesh.vertices.len() as u32;
            for p in tri {
                mesh.colored_vertex(to_screen(p), color);
            }
            mesh.add_triangle(idx, idx + 1, idx + 2);
        }
    }
    painter.add(egui::Shape::mesh(mesh));

    // Nodes: ring, circle, icon.
    for n in &scene.nodes {
        if !on_screen(&n.bounds()) {
            continue;
        }
        stats.nodes += 1;
        let c = to_screen(n.center);
        let r = n.radius * zoom;
        if n.selected {
            painter.circle_stroke(
                c,
                r + (style::SELECTION_RING_GAP + style::SELECTION_RING_WIDTH * 0.5) * zoom,
                Stroke::new(
                    style::SELECTION_RING_WIDTH * zoom,
                    color32(style::SELECTED_COLOR),
                ),
            );
        }
        painter.circle_filled(c, r, color32(n.fill));
        let side = 2.0 * r * style::ICON_SCALE;
        if side >= 3.0 {
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

    // Labels: link labels, then node labels, only when legible.
    if style::EDGE_LABEL_SIZE * zoom >= MIN_LABEL_SCREEN_SIZE {
        let font = FontId::proportional(style::EDGE_LABEL_SIZE * zoom);
        let color = color32(style::EDGE_LABEL_COLOR);
        for e in &scene.edges {
            if let Some(text) = &e.label
                && on_screen(&e.bounds)
            {
                painter.text(
                    to_screen(e.label_at),
                    Align2::CENTER_CENTER,
                    text,
                    font.clone(),
                    color,
                );
                stats.labels += 1;
            }
        }
    }
    if style::NODE_LABEL_SIZE * zoom >= MIN_LABEL_SCREEN_SIZE {
        let font = FontId::proportional(style::NODE_LABEL_SIZE * zoom);
        let color = color32(style::TEXT_COLOR);
        for n in &scene.nodes {
            if !on_screen(&n.bounds()) {
                continue;
            }
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

/// A quad from `a` to `b`, `width` wide.
fn add_segment(mesh: &mut Mesh, a: Pos2, b: Pos2, width: f32, color: Color32) {
    let d = b - a;
    let len = d.length();
    if len <= f32::EPSILON {
        return;
    }
    let n = Vec2::new(-d.y, d.x) * (0.5 * width / len);
    let idx = mesh.vertices.len() as u32;
    mesh.colored_vertex(a + n, color);
    mesh.colored_vertex(a - n, color);
    mesh.colored_vertex(b - n, color);
    mesh.colored_vertex(b + n, color);
    mesh.add_triangle(idx, idx + 1, idx + 2);
    mesh.add_triangle(idx, idx + 2, idx + 3);
}

fn add_polyline(mesh: &mut Mesh, pts: &[Pos2], width: f32, color: Color32) {
    for w in pts.windows(2) {
        add_segment(mesh, w[0], w[1], width, color);
    }
}

/// Dashes along a polyline; the pattern runs on across corners, starting "on" at the first
/// point (as SVG's `stroke-dasharray` does).
fn add_dashed(mesh: &mut Mesh, pts: &[Pos2], width: f32, color: Color32, on: f32, off: f32) {
    if on + off < 0.5 {
        // Too fine to see as dashes at this zoom: a fainter solid line.
        let faded = color.gamma_multiply(on / (on + off).max(f32::EPSILON));
        add_polyline(mesh, pts, width, faded);
        return;
    }
    let mut drawing = true;
    let mut left = on;
    for w in pts.windows(2) {
        let (mut a, b) = (w[0], w[1]);
        let mut seg = (b - a).length();
        if seg <= f32::EPSILON {
            continue;
        }
        let dir = (b - a) / seg;
        while seg > 0.0 {
            let step = left.min(seg);
            let next = a + dir * step;
            if drawing {
                add_segment(mesh, a, next, width, color);
            }
            a = next;
            seg -= step;
            left -= step;
            if left <= 1e-4 {
                drawing = !drawing;
                left = if drawing { on } else { off };
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dashes_cover_the_on_part_of_the_pattern() {
        let mut mesh = Mesh::default();
        let pts = [Pos2::new(0.0, 0.0), Pos2::new(100.0, 0.0)];
        add_dashed(&mut mesh, &pts, 2.0, Color32::BLACK, 6.0, 4.0);
        // 100 / (6 + 4) = 10 dashes, one quad (4 vertices) each.
        assert_eq!(mesh.vertices.len(), 40);
        let mut solid = Mesh::default();
        add_polyline(&mut solid, &pts, 2.0, Color32::BLACK);
        assert_eq!(solid.vertices.len(), 4);
    }
}
