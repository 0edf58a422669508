//! Drawable primitives in chart coordinates: the one picture that both the screen (egui
//! painter) and the exports (SVG, PNG) draw, so what the analyst sees is what the report gets.
//!
//! Knows nothing of egui or files.

mod build;
pub mod cache;
pub mod icons;
pub mod lod;
pub mod style;
pub mod synthetic;

use serde::{Deserialize, Serialize};

use crate::model::{Confidence, EntityId, EntityType, LinkId};

pub use build::{
    Moved, SceneTopology, Update, build_scene, build_scene_tracked, move_nodes_deferring_edges,
    redraw_edges, redraw_edges_compact, update_positions, update_positions_tracked,
    update_selection,
};

/// An sRGBA colour, unpremultiplied.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Rgba(pub [u8; 4]);

impl Rgba {
    pub const fn rgb(r: u8, g: u8, b: u8) -> Self {
        Self([r, g, b, 255])
    }

    /// `#rrggbb` (alpha is written separately in SVG).
    pub fn hex(self) -> String {
        format!("#{:02x}{:02x}{:02x}", self.0[0], self.0[1], self.0[2])
    }
}

/// An axis-aligned rectangle in chart coordinates.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct Bounds {
    pub min: [f32; 2],
    pub max: [f32; 2],
}

impl Bounds {
    pub const EMPTY: Bounds = Bounds {
        min: [f32::INFINITY, f32::INFINITY],
        max: [f32::NEG_INFINITY, f32::NEG_INFINITY],
    };

    pub fn is_empty(&self) -> bool {
        self.min[0] > self.max[0] || self.min[1] > self.max[1]
    }

    pub fn include(&mut self, p: [f32; 2], r: f32) {
        self.min[0] = self.min[0].min(p[0] - r);
        self.min[1] = self.min[1].min(p[1] - r);
        self.max[0] = self.max[0].max(p[0] + r);
        self.max[1] = self.max[1].max(p[1] + r);
    }

    pub fn width(&self) -> f32 {
        (self.max[0] - self.min[0]).max(0.0)
    }

    pub fn height(&self) -> f32 {
        (self.max[1] - self.min[1]).max(0.0)
    }

    pub fn center(&self) -> [f32; 2] {
        [
            (self.min[0] + self.max[0]) * 0.5,
            (self.min[1] + self.max[1]) * 0.5,
        ]
    }

    pub fn contains(&self, p: [f32; 2]) -> bool {
        p[0] >= self.min[0] && p[0] <= self.max[0] && p[1] >= self.min[1] && p[1] <= self.max[1]
    }

    /// A rectangle from two corners in any order.
    pub fn from_corners(a: [f32; 2], b: [f32; 2]) -> Self {
        Self {
            min: [a[0].min(b[0]), a[1].min(b[1])],
            max: [a[0].max(b[0]), a[1].max(b[1])],
        }
    }

    /// True when the two rectangles overlap (touching counts).
    pub fn intersects(&self, other: &Bounds) -> bool {
        self.min[0] <= other.max[0]
            && other.min[0] <= self.max[0]
            && self.min[1] <= other.max[1]
            && other.min[1] <= self.max[1]
    }

    /// The smallest rectangle holding both.
    pub fn union(&self, other: &Bounds) -> Bounds {
        Bounds {
            min: [self.min[0].min(other.min[0]), self.min[1].min(other.min[1])],
            max: [self.max[0].max(other.max[0]), self.max[1].max(other.max[1])],
        }
    }

    /// Grown by `m` on every side.
    pub fn expand(&self, m: f32) -> Bounds {
        Bounds {
            min: [self.min[0] - m, self.min[1] - m],
            max: [self.max[0] + m, self.max[1] + m],
        }
    }
}

/// Line style by confidence (DESIGN.md): solid confirmed, dashed one source, dotted tentative.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum LineStyle {
    Solid,
    Dashed,
    Dotted,
}

impl LineStyle {
    pub const ALL: [LineStyle; 3] = [LineStyle::Solid, LineStyle::Dashed, LineStyle::Dotted];

    pub fn from_confidence(c: Confidence) -> Self {
        match c {
            Confidence::Confirmed => LineStyle::Solid,
            Confidence::Unconfirmed => LineStyle::Dashed,
            Confidence::Tentative => LineStyle::Dotted,
        }
    }
}

/// What node size follows.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum SizeBy {
    /// Number of times the entity is named in the corpus.
    #[default]
    Mentions,
    /// Number of visible links.
    Degree,
}

/// How to build a [`Scene`].
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SceneOptions {
    pub size_by: SizeBy,
    /// Label links at all.
    pub link_labels: bool,
    /// Label co-mention links too (`mentioned with` on every one of them is clutter).
    pub comention_labels: bool,
    /// The date written in the caption (`YYYY-MM-DD`); the scene never reads the clock.
    pub date: Option<String>,
    /// Build only what overlaps this rectangle (chart coordinates): the screen's visible part.
    pub only: Option<Bounds>,
}

impl Default for SceneOptions {
    fn default() -> Self {
        Self {
            size_by: SizeBy::Mentions,
            link_labels: true,
            comention_labels: false,
            date: None,
            only: None,
        }
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct NodeShape {
    pub id: EntityId,
    pub center: [f32; 2],
    pub radius: f32,
    pub kind: EntityType,
    pub fill: Rgba,
    pub label: String,
    pub selected: bool,
    pub pinned: bool,
    /// The entity had no position in the chart state and was placed by the scene.
    pub placed: bool,
}

impl NodeShape {
    /// Top centre of the label, which sits under the node.
    pub fn label_top(&self) -> [f32; 2] {
        [
            self.center[0],
            self.center[1] + self.radius + style::LABEL_GAP,
        ]
    }

    /// The circle (with its selection ring) and an estimate of the label's box.
    pub fn bounds(&self) -> Bounds {
        let mut b = Bounds::EMPTY;
        let ring = if self.selected {
            style::SELECTION_RING_GAP + style::SELECTION_RING_WIDTH
        } else {
            0.0
        };
        b.include(self.center, self.radius + ring);
        let top = self.label_top();
        let half = style::text_width(&self.label, style::NODE_LABEL_SIZE) * 0.5;
        b.include([top[0] - half, top[1]], 0.0);
        b.include(
            [
                top[0] + half,
                top[1] + style::FONT_ROW_HEIGHT * style::NODE_LABEL_SIZE,
            ],
            0.0,
        );
        b
    }

    /// True when `p` is on the node's circle.
    pub fn hit(&self, p: [f32; 2]) -> bool {
        let dx = p[0] - self.center[0];
        let dy = p[1] - self.center[1];
        dx * dx + dy * dy <= self.radius * self.radius
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct EdgeShape {
    pub link: LinkId,
    pub from: EntityId,
    pub to: EntityId,
    /// Polyline in chart coordinates, from the edge of one node to the edge of the other (or
    /// to the base of the arrowhead); curved when several links join the same two nodes.
    pub points: Vec<[f32; 2]>,
    pub confidence: Confidence,
    pub style: LineStyle,
    pub color: Rgba,
    pub width: f32,
    /// Arrowhead triangle `[tip, left, right]` when the link is directed.
    pub arrow: Option<[[f32; 2]; 3]>,
    pub label: Option<String>,
    /// Where the label's centre goes.
    pub label_at: [f32; 2],
    pub selected: bool,
    /// Bounds of the line, the arrowhead and the label.
    pub bounds: Bounds,
}

impl EdgeShape {
    /// Distance from `p` to the line (for hit testing).
    pub fn distance(&self, p: [f32; 2]) -> f32 {
        let mut best = f32::INFINITY;
        for w in self.points.windows(2) {
            best = best.min(segment_distance(p, w[0], w[1]));
        }
        if let Some([tip, _, _]) = self.arrow
            && let Some(&last) = self.points.last()
        {
            best = best.min(segment_distance(p, last, tip));
        }
        best
    }
}

fn segment_distance(p: [f32; 2], a: [f32; 2], b: [f32; 2]) -> f32 {
    let ab = [b[0] - a[0], b[1] - a[1]];
    let ap = [p[0] - a[0], p[1] - a[1]];
    let len2 = ab[0] * ab[0] + ab[1] * ab[1];
    let t = if len2 > 0.0 {
        ((ap[0] * ab[0] + ap[1] * ab[1]) / len2).clamp(0.0, 1.0)
    } else {
        0.0
    };
    let d = [ap[0] - ab[0] * t, ap[1] - ab[1] * t];
    (d[0] * d[0] + d[1] * d[1]).sqrt()
}

/// The key to the chart: what is on it.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Legend {
    /// Entity types present, in [`EntityType::ALL`] order.
    pub types: Vec<EntityType>,
    /// Line styles present, in [`LineStyle::ALL`] order.
    pub styles: Vec<LineStyle>,
    /// Some link has an arrowhead.
    pub directed: bool,
}

/// What the chart shows and where it comes from, for the export caption.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Caption {
    /// `Filters::describe()`: empty when nothing is filtered.
    pub filters: Vec<String>,
    /// The documents behind what is shown: `outlet, date: title (id)`.
    pub sources: Vec<String>,
    /// `12 entities and 30 links shown; 5 entities and 9 links hidden`.
    pub counts: String,
    pub date: Option<String>,
}

/// The whole picture in chart coordinates.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Scene {
    pub nodes: Vec<NodeShape>,
    pub edges: Vec<EdgeShape>,
    /// Bounds of every node, edge and label.
    pub bounds: Bounds,
    pub legend: Legend,
    pub caption: Caption,
}

impl Default for Bounds {
    fn default() -> Self {
        Bounds::EMPTY
    }
}

impl Scene {
    /// Only the nodes and edges that overlap `area` (chart coordinates); legend and caption
    /// are kept, bounds shrink to what is left.
    pub fn cull(&self, area: Bounds) -> Scene {
        let nodes: Vec<NodeShape> = self
            .nodes
            .iter()
            .filter(|n| n.bounds().intersects(&area))
            .cloned()
            .collect();
        let edges: Vec<EdgeShape> = self
            .edges
            .iter()
            .filter(|e| e.bounds.intersects(&area))
            .cloned()
            .collect();
        let bounds = nodes
            .iter()
            .map(NodeShape::bounds)
            .chain(edges.iter().map(|e| e.bounds))
            .fold(Bounds::EMPTY, |a, b| a.union(&b));
        Scene {
            nodes,
            edges,
            bounds,
            legend: self.legend.clone(),
            caption: self.caption.clone(),
        }
    }

    /// The top-most node under `p`.
    pub fn node_at(&self, p: [f32; 2]) -> Option<&NodeShape> {
        self.nodes.iter().rev().find(|n| n.hit(p))
    }

    /// The nearest edge within `tolerance` of `p`.
    pub fn edge_at(&self, p: [f32; 2], tolerance: f32) -> Option<&EdgeShape> {
        let probe = Bounds::from_corners(p, p).expand(tolerance);
        self.edges
            .iter()
            .filter(|e| e.bounds.intersects(&probe))
            .map(|e| (e.distance(p), e))
            .filter(|(d, _)| *d <= tolerance)
            .min_by(|a, b| a.0.total_cmp(&b.0))
            .map(|(_, e)| e)
    }
}
