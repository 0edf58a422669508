//! One icon per entity type, drawn as SVG in `assets/icons/` and compiled into the binary.
//!
//! The same source feeds both outputs: the SVG export copies each icon into a `<symbol>`, and
//! the screen shows [`rasterize`]d copies (resvg) uploaded as textures. Icons are white
//! silhouettes on a 24 × 24 view box, drawn over the node's coloured circle.

use crate::model::EntityType;

/// Side of every icon's view box.
pub const ICON_VIEWBOX: f32 = 24.0;

/// The icon's SVG document.
pub const fn icon_svg(kind: EntityType) -> &'static str {
    match kind {
        EntityType::Person => include_str!("../../assets/icons/person.svg"),
        EntityType::Organization => include_str!("../../assets/icons/organization.svg"),
        EntityType::Country => include_str!("../../assets/icons/country.svg"),
        EntityType::Place => include_str!("../../assets/icons/place.svg"),
        EntityType::Facility => include_str!("../../assets/icons/facility.svg"),
        EntityType::Event => include_str!("../../assets/icons/event.svg"),
        EntityType::Other => include_str!("../../assets/icons/other.svg"),
    }
}

/// The drawing inside the icon's `<svg>` element (for a `<symbol>` in an exported SVG).
pub fn icon_body(kind: EntityType) -> &'static str {
    let svg = icon_svg(kind);
    let start = svg
        .find("<svg")
        .and_then(|i| svg[i..].find('>').map(|j| i + j + 1));
    let end = svg.rfind("</svg>");
    match (start, end) {
        (Some(s), Some(e)) if s <= e => svg[s..e].trim(),
        _ => "",
    }
}

/// The id of an icon's `<symbol>` in an exported SVG.
pub fn icon_symbol_id(kind: EntityType) -> String {
    format!("icon-{}", kind.as_str())
}

/// A rasterized icon: `size × size` pixels, sRGBA, premultiplied alpha (what tiny-skia draws).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct IconImage {
    pub size: u32,
    pub rgba_premultiplied: Vec<u8>,
}

#[derive(Debug, thiserror::Error)]
pub enum IconError {
    #[error("icon for {kind}: {source}")]
    Parse {
        kind: EntityType,
        source: resvg::usvg::Error,
    },
    #[error("icon size {0} px is out of range (1..=1024)")]
    Size(u32),
}

/// Draw the icon of `kind` into a `size × size` image with resvg.
pub fn rasterize(kind: EntityType, size: u32) -> Result<IconImage, IconError> {
    if !(1..=1024).contains(&size) {
        return Err(IconError::Size(size));
    }
    let tree = resvg::usvg::Tree::from_str(icon_svg(kind), &resvg::usvg::Options::default())
        .map_err(|source| IconError::Parse { kind, source })?;
    let mut pixmap = resvg::tiny_skia::Pixmap::new(size, size).ok_or(IconError::Size(size))?;
    let s = size as f32 / ICON_VIEWBOX;
    resvg::render(
        &tree,
        resvg::tiny_skia::Transform::from_scale(s, s),
        &mut pixmap.as_mut(),
    );
    Ok(IconImage {
        size,
        rgba_premultiplied: pixmap.take(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_icon_parses_and_draws_something_inside_its_box() {
        for kind in EntityType::ALL {
            let img = rasterize(kind, 32).unwrap();
            assert_eq!(img.rgba_premultiplied.len(), 32 * 32 * 4);
            let covered = img
                .rgba_premultiplied
                .chunks(4)
                .filter(|p| p[3] > 128)
                .count();
            // A real silhouette: neither empty nor a filled square.
            assert!(
                (32 * 32 / 8..32 * 32 * 7 / 8).contains(&covered),
                "{kind}: {covered} opaque pixels"
            );
            assert!(icon_body(kind).starts_with("<path"), "{kind}");
        }
    }

    #[test]
    fn icons_differ_from_each_other() {
        let imgs: Vec<IconImage> = EntityType::ALL
            .iter()
            .map(|&k| rasterize(k, 24).unwrap())
            .collect();
        for i in 0..imgs.len() {
            for j in i + 1..imgs.len() {
                assert_ne!(imgs[i], imgs[j]);
            }
        }
    }

    #[test]
    fn bad_sizes_are_refused() {
        assert!(rasterize(EntityType::Person, 0).is_err());
        assert!(rasterize(EntityType::Person, 5000).is_err());
    }
}
