//! `linkchart extract CORPUS --json | --workspace OUT.linkchart`

use std::io::{IsTerminal, Write};
use std::path::PathBuf;

use anyhow::Context;

use crate::corpus;
use crate::model::Model;

#[derive(clap::Args, Debug)]
pub struct Args {
    /// Corpus folder (every .txt and .md file below it).
    pub corpus: PathBuf,
    /// Print the model as JSON (DESIGN.md schema) to stdout.
    #[arg(long, required_unless_present = "workspace")]
    pub json: bool,
    /// Write a new, laid-out workspace file.
    #[arg(long, value_name = "OUT.linkchart")]
    pub workspace: Option<PathBuf>,
}

pub fn run(args: Args) -> anyhow::Result<()> {
    let corpus = corpus::read_folder(&args.corpus)?;
    for s in &corpus.skipped {
        eprintln!("linkchart: {s}");
    }
    let model = extract_with_progress_bar(corpus.documents);
    if args.json {
        let stdout = std::io::stdout().lock();
        let mut out = std::io::BufWriter::new(stdout);
        crate::model::json::write_json(&model, &mut out).context("writing JSON to stdout")?;
        writeln!(out).context("writing JSON to stdout")?;
        out.flush().context("writing JSON to stdout")?;
    }
    if let Some(path) = args.workspace {
        let workspace = laid_out(model);
        crate::workspace::save(&path, &workspace)?;
        eprintln!(
            "linkchart: wrote {} ({} documents, {} entities, {} links)",
            path.display(),
            workspace.model.documents.len(),
            workspace.model.entities.len(),
            workspace.model.links.len()
        );
    }
    Ok(())
}

/// A new workspace around a freshly extracted model, laid out with the force layout.
pub(crate) fn laid_out(model: Model) -> crate::workspace::Workspace {
    let mut chart = crate::chart::ChartState::default();
    let view = crate::chart::visible(&model, &chart);
    chart.positions =
        crate::layout::layout_view(&model, &chart, &view, crate::layout::LayoutKind::Force);
    crate::workspace::Workspace::new(model, chart)
}

/// Extract in parallel, with a progress line on stderr when stderr is a terminal.
pub(crate) fn extract_with_progress_bar(documents: Vec<crate::model::Document>) -> Model {
    let tty = std::io::stderr().is_terminal();
    let model = crate::extract::extract_with_progress(documents, &|done, total| {
        if tty && (done == total || done % 64 == 0) {
            eprint!("\rreading documents: {done}/{total}");
        }
    });
    if tty {
        eprintln!();
    }
    model
}
