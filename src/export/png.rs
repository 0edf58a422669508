//! PNG: the SVG export rendered with resvg (tiny-skia) using only the bundled font.

use std::sync::{Arc, OnceLock};

use resvg::usvg::fontdb;

use super::{ExportError, ExportOptions, MAX_SIDE, Size, svg};
use crate::scene::Scene;

struct Fonts {
    db: Arc<fontdb::Database>,
    family: String,
}

fn fonts() -> &'static Fonts {
    static FONTS: OnceLock<Fonts> = OnceLock::new();
    FONTS.get_or_init(|| {
        let mut db = fontdb::Database::new();
        db.load_font_data(epaint_default_fonts::UBUNTU_LIGHT.to_vec());
        let family = db
            .faces()
            .next()
            .and_then(|f| f.families.first().map(|(name, _)| name.clone()))
            .unwrap_or_else(|| "Ubuntu".to_owned());
        // Generic families all resolve to the bundled font: nothing from the system.
        db.set_sans_serif_family(&family);
        db.set_serif_family(&family);
        db.set_monospace_family(&family);
        db.set_cursive_family(&family);
        db.set_fantasy_family(&family);
        Fonts {
            db: Arc::new(db),
            family,
        }
    })
}

/// The font database resvg renders exports with: the bundled font only, no system fonts.
pub fn font_database() -> Arc<fontdb::Database> {
    fonts().db.clone()
}

/// The family name of the bundled font (as SVG `font-family` names it).
pub fn font_family() -> &'static str {
    &fonts().family
}

/// Render `scene` to PNG bytes at the size `options` ask for.
pub fn png(scene: &Scene, options: &ExportOptions) -> Result<Vec<u8>, ExportError> {
    encode(&render(scene, options)?)
}

/// The SVG export rendered to pixels (premultiplied RGBA), as `png` encodes it; the app copies
/// it to the clipboard.
pub fn render(
    scene: &Scene,
    options: &ExportOptions,
) -> Result<resvg::tiny_skia::Pixmap, ExportError> {
    match options.size {
        Size::Scale(s) if !(s.is_finite() && s > 0.0) => {
            return Err(ExportError::BadSize(format!(
                "scale {s} is not a positive number"
            )));
        }
        Size::Width(0) => return Err(ExportError::BadSize("width 0 px".into())),
        _ => {}
    }
    let layout = svg::layout(scene, options);
    let (width, height) = (layout.width, layout.height);
    if width > MAX_SIDE || height > MAX_SIDE {
        return Err(ExportError::TooLarge { width, height });
    }
    let text = svg::svg(scene, options);
    let usvg_options = resvg::usvg::Options {
        font_family: font_family().to_owned(),
        fontdb: font_database(),
        ..resvg::usvg::Options::default()
    };
    let tree = resvg::usvg::Tree::from_str(&text, &usvg_options)
        .map_err(|e| ExportError::Render(e.to_string()))?;
    let mut pixmap = resvg::tiny_skia::Pixmap::new(width, height)
        .ok_or_else(|| ExportError::BadSize(format!("{width} × {height} px")))?;
    resvg::render(
        &tree,
        resvg::tiny_skia::Transform::identity(),
        &mut pixmap.as_mut(),
    );
    Ok(pixmap)
}

/// PNG bytes of a pixmap: un-premultiplied RGBA, fast deflate (the default level spends most
/// of an export's time compressing; `Fast` files are a little larger).
fn encode(pixmap: &resvg::tiny_skia::Pixmap) -> Result<Vec<u8>, ExportError> {
    let mut data = pixmap.data().to_vec();
    for p in data.chunks_exact_mut(4) {
        let a = p[3];
        if a != 0 && a != 255 {
            for c in &mut p[..3] {
                *c = ((*c as u32 * 255 + a as u32 / 2) / a as u32).min(255) as u8;
            }
        }
    }
    let mut out = Vec::new();
    let mut encoder = ::png::Encoder::new(&mut out, pixmap.width(), pixmap.height());
    encoder.set_color(::png::ColorType::Rgba);
    encoder.set_depth(::png::BitDepth::Eight);
    encoder.set_compression(::png::Compression::Fast);
    let enc = |e: ::png::EncodingError| ExportError::Encode(e.to_string());
    let mut writer = encoder.write_header().map_err(enc)?;
    writer.write_image_data(&data).map_err(enc)?;
    writer.finish().map_err(enc)?;
    Ok(out)
}
