//! `linkchart export INPUT --out FILE [--width PX] [--country NAME]... [--source ID]...`
//!
//! The format follows the extension of `--out`: `.png`, `.svg`, `.graphml`, or `.csv` (which
//! writes the links table to FILE and the entities table beside it as `STEM.entities.csv`).
//! Files are written atomically: on any error nothing is left behind. A workspace exports with
//! its saved positions (entities without one are placed by the scene); a corpus folder is
//! extracted and laid out with the force layout after the filters are applied.

use std::path::{Path, PathBuf};

use anyhow::{Context, anyhow, bail};

use crate::chart::{ChartState, visible};
use crate::export::{self, ExportOptions, Format, Size};
use crate::layout::{LayoutKind, layout_view};
use crate::model::Model;

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
    let (model, mut chart, from_corpus) = load(&args.input)?;
    apply_filters(&model, &mut chart, &args)
        .with_context(|| format!("{}", args.input.display()))?;
    let view = visible(&model, &chart);
    if from_corpus {
        // A fresh corpus has no positions: lay out what the filters leave, as the app does.
        chart.positions = layout_view(&model, &chart, &view, LayoutKind::Force);
    }

    let options = ExportOptions {
        size: args.width.map_or(Size::Scale(1.0), Size::Width),
        ..ExportOptions::default()
    };
    export::write_export(out, format, &model, &chart, &view, &options).map_err(|e| match e {
        // Write errors name the file already.
        e @ export::ExportError::Write { .. } => anyhow::Error::new(e),
        e => anyhow::Error::new(e).context(out.display().to_string()),
    })?;
    Ok(())
}

/// The model and chart state behind INPUT: a workspace file as saved, or a corpus folder read
/// and extracted (laid out after filtering, in [`run`]).
fn load(input: &Path) -> anyhow::Result<(Model, ChartState, bool)> {
    if input.is_dir() {
        let corpus = crate::corpus::read_folder(input)?;
        for s in &corpus.skipped {
            eprintln!("linkchart: {s}");
        }
        let model = crate::extract::extract(corpus.documents);
        return Ok((model, ChartState::default(), true));
    }
    if !input.exists() {
        bail!(
            "{}: no such workspace file or corpus folder",
            input.display()
        );
    }
    let ws = crate::workspace::open(input)?;
    Ok((ws.model, ws.chart, false))
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
