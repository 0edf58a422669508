//! `linkchart export INPUT --out FILE [--width PX] [--country NAME]... [--source ID]...`
//!
//! The format follows the extension of `--out`: `.png`, `.svg`, `.graphml`, or `.csv` (which
//! writes the links table to FILE and the entities table beside it as `STEM.entities.csv`).
//! Files are written atomically: on any error nothing is left behind.

use std::path::{Path, PathBuf};

use anyhow::{Context, anyhow, bail};

use crate::chart::{ChartState, visible};
use crate::export::{self, ExportOptions, Format, Size};
use crate::model::Model;
use crate::scene::{SceneOptions, build_scene};

#[derive(clap::Args, Debug)]
pub struct Args {
    /// A workspace file or a corpus folder.
    pub input: PathBuf,
    /// Output file: .png, .svg, .graphml or .csv, chosen by extension.
    #[arg(long)]
    pub out: PathBuf,
    /// Image width in pixels (PNG, SVG); 1 px per chart unit when absent.
    #[arg(long, value_parser = clap::value_parser!(u32).range(1..=export::MAX_SIDE as i64))]
    pub width: Option<u32>,
    /// Show only entities of this country (repeatable).
    #[arg(long = "country", value_name = "NAME")]
    pub countries: Vec<String>,
    /// Show only what this document supports (repeatable).
    #[arg(long = "source", value_name = "ID")]
    pub sources: Vec<String>,
}

pub fn run(args: Args) -> anyhow::Result<()> {
    let out = &args.out;
    let format = Format::from_path(out).ok_or_else(|| {
        let ext = out
            .extension()
            .map(|e| format!("extension \".{}\"", e.to_string_lossy()))
            .unwrap_or_else(|| "no extension".to_owned());
        anyhow!(
            "{}: unknown export format ({ext}); use one of .{}",
            out.display(),
            Format::EXTENSIONS.join(", .")
        )
    })?;
    let (model, mut chart) = load(&args.input)?;
    apply_filters(&model, &mut chart, &args)
        .with_context(|| format!("{}", args.input.display()))?;
    let view = visible(&model, &chart);

    match format {
        Format::Png | Format::Svg => {
            let scene = build_scene(
                &model,
                &chart,
                &view,
                &SceneOptions {
                    date: Some(export::today()),
                    ..SceneOptions::default()
                },
            );
            let options = ExportOptions {
                size: args.width.map_or(Size::Scale(1.0), Size::Width),
                ..ExportOptions::default()
            };
            let bytes = if format == Format::Png {
                export::png(&scene, &options).with_context(|| format!("{}", out.display()))?
            } else {
                export::svg(&scene, &options).into_bytes()
            };
            export::write_atomic(out, &bytes)?;
        }
        Format::GraphMl => {
            export::write_atomic(out, export::graphml(&model, &chart, &view).as_bytes())?;
        }
        Format::Csv => {
            let tables =
                export::csv(&model, &chart, &view).with_context(|| format!("{}", out.display()))?;
            export::write_atomic(&export::entities_path(out), &tables.entities)?;
            export::write_atomic(out, &tables.links)?;
        }
    }
    Ok(())
}

/// The model and chart state behind INPUT: a corpus folder is read and extracted.
///
/// Positions: entities without one are placed by the scene (a deterministic spiral) until the
/// layout layer's `layout::layout_view` is wired in here.
fn load(input: &Path) -> anyhow::Result<(Model, ChartState)> {
    if input.is_dir() {
        let corpus = crate::corpus::read_folder(input)?;
        for s in &corpus.skipped {
            eprintln!("linkchart: {s}");
        }
        let model = crate::extract::extract(corpus.documents);
        return Ok((model, ChartState::default()));
    }
    if !input.exists() {
        bail!(
            "{}: no such workspace file or corpus folder",
            input.display()
        );
    }
    if input
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("linkchart"))
    {
        bail!(
            "{}: exporting from a workspace file is not available in this build yet; export from the corpus folder instead",
            input.display()
        );
    }
    bail!(
        "{}: not a workspace (.linkchart) file or a corpus folder",
        input.display()
    )
}

/// Add `--country` and `--source` to the chart's filters, refusing names the model lacks.
fn apply_filters(model: &Model, chart: &mut ChartState, args: &Args) -> anyhow::Result<()> {
    if !args.countries.is_empty() {
        let known: Vec<String> = model.country_counts().into_iter().map(|(c, _)| c).collect();
        for c in &args.countries {
            if !known.iter().any(|k| k == c) {
                bail!(
                    "unknown country {c:?}; countries in this corpus: {}",
                    list_or_none(&known)
                );
            }
            chart.filters.countries.insert(c.clone());
        }
    }
    if !args.sources.is_empty() {
        let known: Vec<String> = model.documents.iter().map(|d| d.id.clone()).collect();
        for s in &args.sources {
            if !known.iter().any(|k| k == s) {
                bail!(
                    "unknown source {s:?}; document ids in this corpus: {}",
                    list_or_none(&known)
                );
            }
            chart.filters.sources.insert(s.clone());
        }
    }
    Ok(())
}

fn list_or_none(items: &[String]) -> String {
    if items.is_empty() {
        "(none)".to_owned()
    } else {
        items.join(", ")
    }
}
