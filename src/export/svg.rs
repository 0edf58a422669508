//! The SVG writer: a [`Scene`] as a standalone SVG document, the chart on top and an optional
//! legend and caption under it. Labels are `<text>`, icons `<symbol>`s placed with `<use>`.

use std::fmt::Write as _;

use super::{Background, ExportOptions, Region, Size, xml_escape};
use crate::model::EntityType;
use crate::scene::icons::{ICON_VIEWBOX, icon_body, icon_symbol_id};
use crate::scene::style::{self, dash_pattern, line_style_meaning};
use crate::scene::{Bounds, LineStyle, Rgba, Scene};

/// Margin round the whole chart, in chart units.
const MARGIN: f32 = 24.0;
/// Footer metrics in footer units (one unit is a pixel of a 1× export).
const FOOTER_PAD: f32 = 12.0;
const FOOTER_ROW: f32 = 20.0;
const FOOTER_TEXT: f32 = 12.0;
const FOOTER_TITLE: f32 = 13.0;
const SWATCH_RADIUS: f32 = 7.0;
const LINE_SAMPLE: f32 = 40.0;
/// Colour of the footer rule and caption text.
const FOOTER_RULE: Rgba = Rgba::rgb(0xcc, 0xcc, 0xcc);
const CAPTION_COLOR: Rgba = Rgba::rgb(0x44, 0x44, 0x44);

/// Where everything goes in the image, in pixels.
#[derive(Clone, Debug, PartialEq)]
pub struct Layout {
    /// The chart rectangle shown (chart coordinates).
    pub region: Bounds,
    /// Pixels per chart unit.
    pub scale: f32,
    /// Size of the chart part of the image.
    pub chart_size: [u32; 2],
    /// One footer unit in pixels (text of the legend and caption grows with it).
    pub footer_unit: f32,
    pub footer_rows: Vec<FooterRow>,
    pub footer_height: u32,
    /// The whole image.
    pub width: u32,
    pub height: u32,
}

/// One row of the footer.
#[derive(Clone, Debug, PartialEq)]
pub enum FooterRow {
    Types(Vec<EntityType>),
    Styles(Vec<LineStyle>),
    Directed,
    Text { text: String, title: bool },
}

/// Work out the image's size and footer for `scene` under `options`. An invalid scale or
/// width (zero, negative, not finite) counts as 1×.
pub fn layout(scene: &Scene, options: &ExportOptions) -> Layout {
    let region = match options.region {
        Region::Area(b) if !b.is_empty() && b.width() > 0.0 && b.height() > 0.0 => b,
        _ if scene.bounds.is_empty() => Bounds {
            min: [0.0, 0.0],
            max: [2.0 * MARGIN, 2.0 * MARGIN],
        },
        _ => scene.bounds.expand(MARGIN),
    };
    let (scale, footer_unit) = match options.size {
        Size::Scale(s) if s.is_finite() && s > 0.0 => (s, s),
        Size::Width(w) if w > 0 => {
            let s = w as f32 / region.width();
            (s, (w as f32 / 1000.0).clamp(0.6, 4.0))
        }
        _ => (1.0, 1.0),
    };
    let width = match options.size {
        Size::Width(w) if w > 0 => w,
        _ => (region.width() * scale).ceil().max(1.0) as u32,
    };
    let chart_h = (region.height() * scale).ceil().max(1.0) as u32;
    let footer_rows = footer_rows(scene, options, width as f32 / footer_unit);
    let footer_height = if footer_rows.is_empty() {
        0
    } else {
        ((2.0 * FOOTER_PAD + FOOTER_ROW * footer_rows.len() as f32) * footer_unit).ceil() as u32
    };
    Layout {
        region,
        scale,
        chart_size: [width, chart_h],
        footer_unit,
        footer_height,
        width,
        height: chart_h.saturating_add(footer_height),
        footer_rows,
    }
}

/// The footer rows: legend items wrapped to `width` (footer units), then the caption lines.
fn footer_rows(scene: &Scene, options: &ExportOptions, width: f32) -> Vec<FooterRow> {
    let mut rows = Vec::new();
    let usable = (width - 2.0 * FOOTER_PAD).max(100.0);
    if options.legend {
        let mut row: Vec<EntityType> = Vec::new();
        let mut used = 0.0;
        for &t in &scene.legend.types {
            let w = type_item_width(t);
            if !row.is_empty() && used + w > usable {
                rows.push(FooterRow::Types(std::mem::take(&mut row)));
                used = 0.0;
            }
            row.push(t);
            used += w;
        }
        if !row.is_empty() {
            rows.push(FooterRow::Types(row));
        }
        let mut row: Vec<LineStyle> = Vec::new();
        let mut used = 0.0;
        for &s in &scene.legend.styles {
            let w = style_item_width(s);
            if !row.is_empty() && used + w > usable {
                rows.push(FooterRow::Styles(std::mem::take(&mut row)));
                used = 0.0;
            }
            row.push(s);
            used += w;
        }
        if !row.is_empty() {
            rows.push(FooterRow::Styles(row));
        }
        if scene.legend.directed {
            rows.push(FooterRow::Directed);
        }
    }
    if options.caption {
        let max_chars = ((usable / (FOOTER_TEXT * style::FONT_AVG_ADVANCE)) as usize).max(10);
        let c = &scene.caption;
        let mut text = |t: String, title: bool| {
            rows.push(FooterRow::Text {
                text: style::short_label_n(&t, max_chars),
                title,
            })
        };
        let filters = if c.filters.is_empty() {
            "none".to_owned()
        } else {
            c.filters.join("; ")
        };
        text(format!("Filters: {filters}"), true);
        text(c.counts.clone(), false);
        if !c.sources.is_empty() {
            text("Sources:".to_owned(), true);
            for s in &c.sources {
                text(format!("  {s}"), false);
            }
        }
        if let Some(d) = &c.date {
            text(format!("Exported {d} with linkchart"), false);
        }
    }
    rows
}

fn type_item_width(t: EntityType) -> f32 {
    2.0 * SWATCH_RADIUS + 6.0 + style::text_width(t.as_str(), FOOTER_TEXT) + 18.0
}

fn style_item_width(s: LineStyle) -> f32 {
    LINE_SAMPLE + 6.0 + style::text_width(line_style_meaning(s), FOOTER_TEXT) + 18.0
}

/// A number for SVG: at most two decimals, no trailing zeros.
struct Num(f32);

impl std::fmt::Display for Num {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let v = if self.0.is_finite() { self.0 } else { 0.0 };
        let r = (v * 100.0).round() / 100.0;
        if r == r.trunc() {
            write!(f, "{}", r as i64)
        } else {
            let s = format!("{r:.2}");
            f.write_str(s.trim_end_matches('0'))
        }
    }
}

/// The font family named in exported SVG text (the bundled font, then the generic family).
pub(crate) fn font_family_attr() -> String {
    format!("{}, sans-serif", super::png::font_family())
}

/// Write `scene` as an SVG document.
pub fn svg(scene: &Scene, options: &ExportOptions) -> String {
    let l = layout(scene, options);
    let mut out = String::with_capacity(512 + scene.nodes.len() * 400 + scene.edges.len() * 200);
    write_svg(&mut out, scene, options, &l);
    out
}

fn write_svg(out: &mut String, scene: &Scene, options: &ExportOptions, l: &Layout) {
    let (w, h) = (l.width, l.height);
    let _ = writeln!(out, r#"<?xml version="1.0" encoding="UTF-8"?>"#);
    let _ = writeln!(
        out,
        r#"<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" version="1.1" width="{w}" height="{h}" viewBox="0 0 {w} {h}" font-family="{}">"#,
        xml_escape(&font_family_attr())
    );
    let _ = writeln!(out, "<title>linkchart</title>");

    let area = l.region;
    let nodes: Vec<&crate::scene::NodeShape> = scene
        .nodes
        .iter()
        .filter(|n| n.bounds().intersects(&area))
        .collect();
    let edges: Vec<&crate::scene::EdgeShape> = scene
        .edges
        .iter()
        .filter(|e| e.bounds.intersects(&area))
        .collect();

    // Symbols for the icons in use (chart and legend).
    let mut used = [false; EntityType::ALL.len()];
    for n in &nodes {
        used[n.kind as usize] = true;
    }
    if options.legend {
        for t in &scene.legend.types {
            used[*t as usize] = true;
        }
    }
    let _ = writeln!(out, "<defs>");
    for kind in EntityType::ALL {
        if used[kind as usize] {
            let _ = writeln!(
                out,
                r#"<symbol id="{}" viewBox="0 0 {v} {v}" overflow="visible">{}</symbol>"#,
                icon_symbol_id(kind),
                icon_body(kind),
                v = ICON_VIEWBOX
            );
        }
    }
    let _ = writeln!(
        out,
        r#"<clipPath id="chart-area"><rect x="{}" y="{}" width="{}" height="{}"/></clipPath>"#,
        Num(area.min[0]),
        Num(area.min[1]),
        Num(area.width()),
        Num(area.height())
    );
    let _ = writeln!(out, "</defs>");

    if options.background == Background::White {
        let _ = writeln!(
            out,
            r##"<rect id="background" x="0" y="0" width="{w}" height="{h}" fill="#ffffff"/>"##
        );
    }

    let s = l.scale;
    // Clip only an area export: a clip path makes resvg draw the chart into an extra layer
    // the size of the image, and the whole chart lies inside its own bounds anyway.
    let clip = if matches!(options.region, Region::Area(_)) {
        r#" clip-path="url(#chart-area)""#
    } else {
        ""
    };
    let _ = writeln!(
        out,
        r#"<g id="chart" transform="matrix({} 0 0 {} {} {})"{clip}>"#,
        Num4(s),
        Num4(s),
        Num(-area.min[0] * s),
        Num(-area.min[1] * s)
    );

    // Links, then arrowheads.
    let _ = writeln!(
        out,
        r#"<g id="links" fill="none" stroke-linecap="butt" stroke-linejoin="round">"#
    );
    for e in &edges {
        if e.points.len() < 2 {
            continue;
        }
        let _ = write!(out, r#"<path id="{}" d=""#, e.link);
        for (i, p) in e.points.iter().enumerate() {
            let cmd = if i == 0 { 'M' } else { 'L' };
            let _ = write!(out, "{cmd}{} {}", Num(p[0]), Num(p[1]));
        }
        let _ = write!(
            out,
            r#"" stroke="{}" stroke-width="{}""#,
            e.color.hex(),
            Num(e.width)
        );
        if let Some([on, off]) = dash_pattern(e.style) {
            let _ = write!(out, r#" stroke-dasharray="{} {}""#, Num(on), Num(off));
        }
        let _ = writeln!(out, "/>");
    }
    let _ = writeln!(out, "</g>");
    let _ = writeln!(out, r#"<g id="arrows">"#);
    for e in &edges {
        if let Some([a, b, c]) = e.arrow {
            let _ = writeln!(
                out,
                r#"<path d="M{} {}L{} {}L{} {}Z" fill="{}"/>"#,
                Num(a[0]),
                Num(a[1]),
                Num(b[0]),
                Num(b[1]),
                Num(c[0]),
                Num(c[1]),
                e.color.hex()
            );
        }
    }
    let _ = writeln!(out, "</g>");

    // Nodes: selection ring, circle, icon.
    let _ = writeln!(out, r#"<g id="nodes">"#);
    for n in &nodes {
        let (cx, cy) = (Num(n.center[0]), Num(n.center[1]));
        if n.selected {
            let _ = writeln!(
                out,
                r#"<circle cx="{cx}" cy="{cy}" r="{}" fill="none" stroke="{}" stroke-width="{}"/>"#,
                Num(n.radius + style::SELECTION_RING_GAP + style::SELECTION_RING_WIDTH * 0.5),
                style::SELECTED_COLOR.hex(),
                Num(style::SELECTION_RING_WIDTH)
            );
        }
        let _ = writeln!(
            out,
            r#"<circle id="{}" cx="{cx}" cy="{cy}" r="{}" fill="{}"/>"#,
            n.id,
            Num(n.radius),
            n.fill.hex()
        );
        let side = 2.0 * n.radius * style::ICON_SCALE;
        let id = icon_symbol_id(n.kind);
        let _ = writeln!(
            out,
            r##"<use href="#{id}" xlink:href="#{id}" x="{}" y="{}" width="{}" height="{}"/>"##,
            Num(n.center[0] - side * 0.5),
            Num(n.center[1] - side * 0.5),
            Num(side),
            Num(side)
        );
    }
    let _ = writeln!(out, "</g>");

    // Link labels, then node labels on top.
    let _ = writeln!(
        out,
        r#"<g id="link-labels" font-size="{}" text-anchor="middle" fill="{}">"#,
        Num(style::EDGE_LABEL_SIZE),
        style::EDGE_LABEL_COLOR.hex()
    );
    let edge_baseline =
        style::EDGE_LABEL_SIZE * (style::FONT_ASCENT - style::FONT_ROW_HEIGHT * 0.5);
    for e in &edges {
        if let Some(text) = &e.label {
            let _ = writeln!(
                out,
                r#"<text x="{}" y="{}">{}</text>"#,
                Num(e.label_at[0]),
                Num(e.label_at[1] + edge_baseline),
                xml_escape(text)
            );
        }
    }
    let _ = writeln!(out, "</g>");
    let _ = writeln!(
        out,
        r#"<g id="labels" font-size="{}" text-anchor="middle" fill="{}">"#,
        Num(style::NODE_LABEL_SIZE),
        style::TEXT_COLOR.hex()
    );
    for n in &nodes {
        let top = n.label_top();
        let _ = writeln!(
            out,
            r#"<text x="{}" y="{}">{}</text>"#,
            Num(top[0]),
            Num(top[1] + style::FONT_ASCENT * style::NODE_LABEL_SIZE),
            xml_escape(&n.label)
        );
    }
    let _ = writeln!(out, "</g>");
    let _ = writeln!(out, "</g>");

    if !l.footer_rows.is_empty() {
        write_footer(out, l);
    }
    let _ = writeln!(out, "</svg>");
}

/// Four decimals (the scale can be small for a large chart at a fixed width).
struct Num4(f32);

impl std::fmt::Display for Num4 {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let v = if self.0.is_finite() { self.0 } else { 1.0 };
        let s = format!("{v:.4}");
        f.write_str(s.trim_end_matches('0').trim_end_matches('.'))
    }
}

fn write_footer(out: &mut String, l: &Layout) {
    let u = l.footer_unit;
    let _ = writeln!(
        out,
        r#"<g id="footer" transform="matrix({} 0 0 {} 0 {})" font-size="{}" fill="{}">"#,
        Num4(u),
        Num4(u),
        l.chart_size[1],
        Num(FOOTER_TEXT),
        CAPTION_COLOR.hex()
    );
    let width = l.width as f32 / u;
    let _ = writeln!(
        out,
        r#"<path d="M{} 0.5H{}" stroke="{}" stroke-width="1"/>"#,
        Num(FOOTER_PAD),
        Num(width - FOOTER_PAD),
        FOOTER_RULE.hex()
    );
    for (i, row) in l.footer_rows.iter().enumerate() {
        let mid = FOOTER_PAD + FOOTER_ROW * (i as f32 + 0.5);
        let baseline = mid + FOOTER_TEXT * (style::FONT_ASCENT - style::FONT_ROW_HEIGHT * 0.5);
        let mut x = FOOTER_PAD;
        match row {
            FooterRow::Types(types) => {
                for &t in types {
                    let id = icon_symbol_id(t);
                    let side = 2.0 * SWATCH_RADIUS * style::ICON_SCALE;
                    let _ = writeln!(
                        out,
                        r##"<circle cx="{}" cy="{}" r="{}" fill="{}"/><use href="#{id}" xlink:href="#{id}" x="{}" y="{}" width="{}" height="{}"/>"##,
                        Num(x + SWATCH_RADIUS),
                        Num(mid),
                        Num(SWATCH_RADIUS),
                        style::type_color(t).hex(),
                        Num(x + SWATCH_RADIUS - side * 0.5),
                        Num(mid - side * 0.5),
                        Num(side),
                        Num(side)
                    );
                    let _ = writeln!(
                        out,
                        r#"<text x="{}" y="{}">{}</text>"#,
                        Num(x + 2.0 * SWATCH_RADIUS + 6.0),
                        Num(baseline),
                        t.as_str()
                    );
                    x += type_item_width(t);
                }
            }
            FooterRow::Styles(styles) => {
                for &s in styles {
                    let _ = write!(
                        out,
                        r#"<path d="M{} {}H{}" stroke="{}" stroke-width="{}""#,
                        Num(x),
                        Num(mid),
                        Num(x + LINE_SAMPLE),
                        style::EDGE_COLOR.hex(),
                        Num(style::EDGE_WIDTH * 1.3)
                    );
                    if let Some([on, off]) = dash_pattern(s) {
                        let _ = write!(out, r#" stroke-dasharray="{} {}""#, Num(on), Num(off));
                    }
                    let _ = writeln!(out, "/>");
                    let _ = writeln!(
                        out,
                        r#"<text x="{}" y="{}">{}</text>"#,
                        Num(x + LINE_SAMPLE + 6.0),
                        Num(baseline),
                        line_style_meaning(s)
                    );
                    x += style_item_width(s);
                }
            }
            FooterRow::Directed => {
                let tip = x + LINE_SAMPLE;
                let _ = writeln!(
                    out,
                    r#"<path d="M{} {}H{}" stroke="{c}" stroke-width="{}"/><path d="M{} {}L{} {}L{} {}Z" fill="{c}"/>"#,
                    Num(x),
                    Num(mid),
                    Num(tip - style::ARROW_LENGTH),
                    Num(style::EDGE_WIDTH * 1.3),
                    Num(tip),
                    Num(mid),
                    Num(tip - style::ARROW_LENGTH),
                    Num(mid - style::ARROW_HALF_WIDTH),
                    Num(tip - style::ARROW_LENGTH),
                    Num(mid + style::ARROW_HALF_WIDTH),
                    c = style::EDGE_COLOR.hex()
                );
                let _ = writeln!(
                    out,
                    r#"<text x="{}" y="{}">directed link (from → to)</text>"#,
                    Num(x + LINE_SAMPLE + 6.0),
                    Num(baseline)
                );
            }
            FooterRow::Text { text, title } => {
                let size = if *title { FOOTER_TITLE } else { FOOTER_TEXT };
                let fill = if *title {
                    format!(r#" fill="{}""#, style::TEXT_COLOR.hex())
                } else {
                    String::new()
                };
                let _ = writeln!(
                    out,
                    r#"<text x="{}" y="{}" font-size="{}"{fill}>{}</text>"#,
                    Num(x),
                    Num(mid + size * (style::FONT_ASCENT - style::FONT_ROW_HEIGHT * 0.5)),
                    Num(size),
                    xml_escape(text)
                );
            }
        }
    }
    let _ = writeln!(out, "</g>");
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_are_short() {
        assert_eq!(Num(1.0).to_string(), "1");
        assert_eq!(Num(1.256).to_string(), "1.26");
        assert_eq!(Num(-0.5).to_string(), "-0.5");
        assert_eq!(Num(f32::NAN).to_string(), "0");
        assert_eq!(Num4(0.08).to_string(), "0.08");
        assert_eq!(Num4(2.0).to_string(), "2");
    }

    #[test]
    fn width_option_sets_the_image_width() {
        let scene = Scene {
            bounds: Bounds {
                min: [0.0, 0.0],
                max: [500.0, 250.0],
            },
            ..Scene::default()
        };
        let opts = ExportOptions {
            size: Size::Width(1200),
            legend: false,
            caption: false,
            ..ExportOptions::default()
        };
        let l = layout(&scene, &opts);
        assert_eq!(l.width, 1200);
        // 500 + 2 margins wide, 250 + 2 margins high, at 1200 px wide.
        let expected_h = ((250.0 + 2.0 * MARGIN) * 1200.0 / (500.0 + 2.0 * MARGIN)).ceil() as u32;
        assert_eq!(l.height, expected_h);
        assert_eq!(l.footer_height, 0);
    }
}
