//! Exports: the chart as an image (SVG, and PNG rendered from that SVG with resvg) and its data
//! for other tools (GraphML, CSV).
//!
//! Images are drawn from the same [`Scene`](crate::scene::Scene) as the screen, with the
//! shared [`style`](crate::scene::style) and icons, and with the font egui draws with compiled
//! in, so a PNG is the same on every machine. Writers return the bytes; [`write_atomic`] puts
//! them on disk (temp file beside the target, then rename), so an error leaves nothing partial.

mod csv_tables;
mod graphml;
mod png;
mod svg;

use std::path::{Path, PathBuf};

use crate::scene::Bounds;

pub use csv_tables::{CsvTables, csv, entities_path};
pub use graphml::graphml;
pub use png::{font_database, png, render};
pub use svg::{Layout, layout, svg};

/// Which part of the chart to export.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub enum Region {
    /// Everything in the scene.
    #[default]
    Whole,
    /// A rectangle in chart coordinates (e.g. what is on screen).
    Area(Bounds),
}

/// How big the image is.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Size {
    /// Pixels per chart unit: 1×, 2×, 4×.
    Scale(f32),
    /// Total image width in pixels; the height follows.
    Width(u32),
}

impl Default for Size {
    fn default() -> Self {
        Size::Scale(1.0)
    }
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Background {
    #[default]
    White,
    Transparent,
}

/// Options of the image exports.
#[derive(Clone, Debug, PartialEq)]
pub struct ExportOptions {
    pub region: Region,
    pub size: Size,
    pub background: Background,
    /// Entity types and line styles under the chart.
    pub legend: bool,
    /// Filters, sources, counts and date under the chart.
    pub caption: bool,
}

impl Default for ExportOptions {
    fn default() -> Self {
        Self {
            region: Region::Whole,
            size: Size::Scale(1.0),
            background: Background::White,
            legend: true,
            caption: true,
        }
    }
}

/// Write the chart (PNG, SVG: drawn from the same scene as the screen, dated today) or its
/// data (GraphML; CSV: the links table at `out` and the entities table beside it) to `out`,
/// atomically. Shared by `linkchart export` and the app's Export menu.
pub fn write_export(
    out: &Path,
    format: Format,
    model: &crate::model::Model,
    chart: &crate::chart::ChartState,
    view: &crate::chart::View,
    options: &ExportOptions,
) -> Result<(), ExportError> {
    match format {
        Format::Png | Format::Svg => {
            let scene = crate::scene::build_scene(
                model,
                chart,
                view,
                &crate::scene::SceneOptions {
                    date: Some(today()),
                    ..crate::scene::SceneOptions::default()
                },
            );
            let bytes = if format == Format::Png {
                png(&scene, options)?
            } else {
                svg(&scene, options).into_bytes()
            };
            write_atomic(out, &bytes)
        }
        Format::GraphMl => write_atomic(out, graphml(model, chart, view).as_bytes()),
        Format::Csv => {
            let tables = csv(model, chart, view)?;
            write_atomic(&entities_path(out), &tables.entities)?;
            write_atomic(out, &tables.links)
        }
    }
}

/// The largest image side written, in pixels.
pub const MAX_SIDE: u32 = 16_384;

#[derive(Debug, thiserror::Error)]
pub enum ExportError {
    #[error("the image would be {width} × {height} px; the largest side allowed is {MAX_SIDE} px")]
    TooLarge { width: u32, height: u32 },
    #[error("invalid image size: {0}")]
    BadSize(String),
    #[error("rendering the SVG: {0}")]
    Render(String),
    #[error("encoding the PNG: {0}")]
    Encode(String),
    #[error("writing CSV: {0}")]
    Csv(String),
    #[error("{path}: {source}")]
    Write {
        path: PathBuf,
        source: std::io::Error,
    },
}

/// The export formats, chosen by the output file's extension.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    Png,
    Svg,
    GraphMl,
    Csv,
}

impl Format {
    pub const EXTENSIONS: [&str; 4] = ["png", "svg", "graphml", "csv"];

    /// The format for `path`'s extension (case-insensitive), if it is one of ours.
    pub fn from_path(path: &Path) -> Option<Format> {
        let ext = path.extension()?.to_str()?.to_ascii_lowercase();
        match ext.as_str() {
            "png" => Some(Format::Png),
            "svg" => Some(Format::Svg),
            "graphml" => Some(Format::GraphMl),
            "csv" => Some(Format::Csv),
            _ => None,
        }
    }
}

/// Write `bytes` to `path` atomically: into a temp file in the same folder, flushed, then
/// renamed over `path`. On error the target is untouched and the temp file removed.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> Result<(), ExportError> {
    use std::io::Write;
    let err = |source| ExportError::Write {
        path: path.to_owned(),
        source,
    };
    let dir = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    let mut builder = tempfile::Builder::new();
    builder.prefix(".linkchart-export-");
    // An ordinary file (0666 less the umask, or the permissions of the file it replaces),
    // not the temp file's private 0600.
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let perms = std::fs::metadata(path)
            .map(|m| m.permissions())
            .unwrap_or_else(|_| std::fs::Permissions::from_mode(0o666));
        builder.permissions(perms);
    }
    let mut tmp = builder.tempfile_in(dir).map_err(err)?;
    tmp.write_all(bytes).map_err(err)?;
    tmp.as_file().sync_all().map_err(err)?;
    tmp.persist(path).map_err(|e| err(e.error))?;
    Ok(())
}

/// Escape text for XML content and attribute values; drops characters XML 1.0 forbids.
pub(crate) fn xml_escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            '\t' | '\n' | '\r' => out.push(c),
            c if (c as u32) < 0x20 || c == '\u{FFFE}' || c == '\u{FFFF}' => {}
            c => out.push(c),
        }
    }
    out
}

/// Today's date (UTC) as `YYYY-MM-DD`, for captions.
pub fn today() -> String {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    crate::model::iso_date((secs / 86_400) as i64)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn format_follows_the_extension() {
        assert_eq!(Format::from_path(Path::new("a/b.PNG")), Some(Format::Png));
        assert_eq!(
            Format::from_path(Path::new("x.graphml")),
            Some(Format::GraphMl)
        );
        assert_eq!(Format::from_path(Path::new("x.pdf")), None);
        assert_eq!(Format::from_path(Path::new("noext")), None);
    }

    #[test]
    fn civil_dates_are_right() {
        assert_eq!(crate::model::iso_date(0), "1970-01-01");
        assert_eq!(crate::model::iso_date(18_491), "2020-08-17");
        assert_eq!(crate::model::iso_date(11_016), "2000-02-29");
    }

    #[test]
    fn xml_escape_handles_markup_and_control_characters() {
        assert_eq!(xml_escape("a<b & \"c\"\u{1}"), "a&lt;b &amp; &quot;c&quot;");
    }

    #[test]
    fn atomic_write_leaves_no_temp_file_and_fails_cleanly() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("out.svg");
        write_atomic(&target, b"hello").unwrap();
        assert_eq!(std::fs::read(&target).unwrap(), b"hello");
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = std::fs::metadata(&target).unwrap().permissions().mode();
            assert_ne!(mode & 0o044, 0, "others may read an export: {mode:o}");
        }
        let missing = dir.path().join("no/such/dir/out.svg");
        assert!(write_atomic(&missing, b"x").is_err());
        assert!(!missing.exists());
    }
}
