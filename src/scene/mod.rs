//! Drawable primitives in chart coordinates: the one picture that both the screen (egui
//! painter) and the exports (SVG, PNG) draw, so what the analyst sees is what the report gets.
//!
//! Knows nothing of egui or files.

use serde::{Deserialize, Serialize};

use crate::model::{EntityId, EntityType, LinkId};

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
}

/// Line style by confidence (DESIGN.md).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum LineStyle {
    Solid,
    Dashed,
    Dotted,
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
}

#[derive(Clone, Debug, PartialEq)]
pub struct EdgeShape {
    pub link: LinkId,
    pub from: EntityId,
    pub to: EntityId,
    /// Polyline in chart coordinates, from the edge of one node to the edge of the other
    /// (curved when several links join the same two nodes).
    pub points: Vec<[f32; 2]>,
    pub style: LineStyle,
    pub color: Rgba,
    pub width: f32,
    /// Arrowhead at the last point.
    pub arrow: bool,
    pub label: Option<String>,
    /// Where the label's centre goes.
    pub label_at: [f32; 2],
    pub selected: bool,
}

/// The whole picture in chart coordinates.
#[derive(Clone, Debug, PartialEq)]
pub struct Scene {
    pub nodes: Vec<NodeShape>,
    pub edges: Vec<EdgeShape>,
    /// Bounds of every node, edge and label.
    pub bounds: Bounds,
}
