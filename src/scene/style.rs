//! The look of the chart, shared by the screen painter (`app::draw`) and the exports
//! (`export::svg`): colours, sizes, dash patterns, text metrics. One place, so the screen and
//! the report cannot drift apart.
//!
//! Every length here is in chart units (at zoom 1 a chart unit is one screen point and one
//! pixel of a 1× export).

use super::{LineStyle, Rgba};
use crate::model::EntityType;

/// Fill of a node by entity type (Tableau 10, distinguishable for most colour-blind readers).
pub const fn type_color(kind: EntityType) -> Rgba {
    match kind {
        EntityType::Person => Rgba::rgb(0x4e, 0x79, 0xa7),
        EntityType::Organization => Rgba::rgb(0xf2, 0x8e, 0x2b),
        EntityType::Country => Rgba::rgb(0x59, 0xa1, 0x4f),
        EntityType::Place => Rgba::rgb(0x76, 0xb7, 0xb2),
        EntityType::Facility => Rgba::rgb(0x9c, 0x75, 0x5f),
        EntityType::Event => Rgba::rgb(0xe1, 0x57, 0x59),
        EntityType::Other => Rgba::rgb(0x79, 0x70, 0x6e),
    }
}

/// Colour of the icon drawn on a node (the icons are white silhouettes).
pub const ICON_COLOR: Rgba = Rgba::rgb(0xff, 0xff, 0xff);
/// The icon's side as a fraction of the node's diameter.
pub const ICON_SCALE: f32 = 0.62;

/// Links.
pub const EDGE_COLOR: Rgba = Rgba::rgb(0x5a, 0x5a, 0x5a);
pub const EDGE_WIDTH: f32 = 1.4;
/// The selected link and the ring round selected nodes.
pub const SELECTED_COLOR: Rgba = Rgba::rgb(0xe0, 0x8a, 0x00);
pub const SELECTED_EDGE_WIDTH: f32 = 2.6;
pub const SELECTION_RING_WIDTH: f32 = 3.0;
/// Gap between the ring and the node.
pub const SELECTION_RING_GAP: f32 = 2.5;

/// Space between a node's circle and the end of a link.
pub const EDGE_GAP: f32 = 2.0;
/// Arrowhead length and half-width, scaled by the line width.
pub const ARROW_LENGTH: f32 = 7.0;
pub const ARROW_HALF_WIDTH: f32 = 3.2;
/// Bend between two parallel links: the control point moves this far per link.
pub const PARALLEL_SPACING: f32 = 22.0;

/// Dash pattern `[on, off]` of a line style, in chart units (None = solid).
pub const fn dash_pattern(style: LineStyle) -> Option<[f32; 2]> {
    match style {
        LineStyle::Solid => None,
        LineStyle::Dashed => Some([7.0, 4.5]),
        LineStyle::Dotted => Some([1.6, 3.2]),
    }
}

/// What a line style means to the reader (the legend).
pub const fn line_style_meaning(style: LineStyle) -> &'static str {
    match style {
        LineStyle::Solid => "confirmed (two or more sources)",
        LineStyle::Dashed => "unconfirmed (one source)",
        LineStyle::Dotted => "tentative (co-mention, alleged or denied)",
    }
}

/// Node radius: `NODE_MIN_RADIUS + NODE_RADIUS_PER_SQRT * sqrt(count)`, at most `NODE_MAX_RADIUS`.
pub const NODE_MIN_RADIUS: f32 = 9.0;
pub const NODE_RADIUS_PER_SQRT: f32 = 2.6;
pub const NODE_MAX_RADIUS: f32 = 30.0;

/// Text.
pub const TEXT_COLOR: Rgba = Rgba::rgb(0x22, 0x22, 0x22);
pub const EDGE_LABEL_COLOR: Rgba = Rgba::rgb(0x4a, 0x4a, 0x4a);
pub const NODE_LABEL_SIZE: f32 = 11.0;
pub const EDGE_LABEL_SIZE: f32 = 9.0;
/// Space between a node's circle and the top of its label.
pub const LABEL_GAP: f32 = 3.0;
/// Ascent of the bundled font (Ubuntu Light: hhea ascender 932 / 1000 units per em): the
/// baseline of a label whose top is at `y` is at `y + FONT_ASCENT * size`.
pub const FONT_ASCENT: f32 = 0.932;
/// Height of one text row in em (ascent + descent + line gap of Ubuntu Light).
pub const FONT_ROW_HEIGHT: f32 = 1.149;
/// Average advance of a character in em, for bounds and culling (not for layout).
pub const FONT_AVG_ADVANCE: f32 = 0.52;
/// Labels longer than this are cut with an ellipsis.
pub const MAX_LABEL_CHARS: usize = 40;

/// Estimated width of `text` at `size` (chart units).
pub fn text_width(text: &str, size: f32) -> f32 {
    text.chars().count() as f32 * size * FONT_AVG_ADVANCE
}

/// Node radius for a count of mentions or links.
pub fn node_radius(count: usize) -> f32 {
    (NODE_MIN_RADIUS + NODE_RADIUS_PER_SQRT * (count as f32).sqrt()).min(NODE_MAX_RADIUS)
}

/// `text`, cut to `MAX_LABEL_CHARS` characters with an ellipsis.
pub fn short_label(text: &str) -> String {
    short_label_n(text, MAX_LABEL_CHARS)
}

/// `text` trimmed and cut to `max` characters (at least 1), the last one an ellipsis.
pub fn short_label_n(text: &str, max: usize) -> String {
    let text = text.trim();
    let max = max.max(1);
    match text.char_indices().nth(max) {
        None => text.to_owned(),
        Some(_) => {
            let cut = text
                .char_indices()
                .nth(max - 1)
                .map_or(text.len(), |(i, _)| i);
            let mut s = text[..cut].to_owned();
            s.push('…');
            s
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn radius_grows_with_count_and_is_capped() {
        assert!(node_radius(0) < node_radius(4));
        assert!(node_radius(4) < node_radius(20));
        assert_eq!(node_radius(100_000), NODE_MAX_RADIUS);
    }

    #[test]
    fn long_labels_are_cut_with_an_ellipsis() {
        let long = "x".repeat(100);
        let s = short_label(&long);
        assert_eq!(s.chars().count(), MAX_LABEL_CHARS);
        assert!(s.ends_with('…'));
        assert_eq!(short_label("  Iran "), "Iran");
    }

    #[test]
    fn every_type_has_its_own_colour() {
        let mut colors: Vec<Rgba> = EntityType::ALL.iter().map(|&t| type_color(t)).collect();
        colors.sort_by_key(|c| c.0);
        colors.dedup();
        assert_eq!(colors.len(), EntityType::ALL.len());
    }
}
