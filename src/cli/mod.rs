//! Command line: argument parsing and dispatch. One file per subcommand.
//!
//! The command line is stable (DESIGN.md): scripts and checks depend on it. Exit 0 on success;
//! on bad input exit 1 with one line on stderr naming the file and the problem.

use std::path::PathBuf;

use clap::{Parser, Subcommand};

mod export;
mod extract;
mod layout;

#[derive(Parser, Debug)]
#[command(
    name = "linkchart",
    version,
    about = "Link-analysis workbench: news articles in, a link chart out"
)]
#[command(args_conflicts_with_subcommands = true)]
pub struct Cli {
    /// A workspace file (*.linkchart) or a corpus folder to open in the GUI; the bundled corpus
    /// when absent.
    pub path: Option<PathBuf>,
    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Subcommand, Debug)]
pub enum Command {
    /// Read a corpus folder and print its entity model, or write a new workspace.
    Extract(extract::Args),
    /// Export a chart (PNG, SVG) or its data (GraphML, CSV), by the extension of --out.
    Export(export::Args),
    /// Lay out a plain edge list (`a b` per line) and write `id<TAB>x<TAB>y` per node.
    Layout(layout::Args),
}

/// Parse the process arguments, run, and return the exit code.
pub fn main() -> i32 {
    let cli = Cli::parse();
    let result = match cli.command {
        Some(Command::Extract(args)) => extract::run(args),
        Some(Command::Export(args)) => export::run(args),
        Some(Command::Layout(args)) => layout::run(args),
        None => open_gui(cli.path),
    };
    match result {
        Ok(()) => 0,
        Err(err) => {
            // One line: the context chain joined, naming the file and the problem.
            eprintln!("linkchart: {err:#}");
            1
        }
    }
}

#[cfg(feature = "gui")]
fn open_gui(path: Option<PathBuf>) -> anyhow::Result<()> {
    crate::app::run(path)
}

#[cfg(not(feature = "gui"))]
fn open_gui(_path: Option<PathBuf>) -> anyhow::Result<()> {
    anyhow::bail!("this build has no GUI (built without the `gui` feature); see `linkchart --help`")
}
