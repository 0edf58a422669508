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
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(err) => {
            // Help and version go to stdout with exit 0; a bad command line is bad input: exit 1.
            let code = if err.use_stderr() { 1 } else { 0 };
            let _ = err.print();
            return code;
        }
    };
    let result = match cli.command {
        Some(Command::Extract(args)) => extract::run(args),
        Some(Command::Export(args)) => export::run(args),
        Some(Command::Layout(args)) => layout::run(args),
        None => open_gui(cli.path),
    };
    match result {
        Ok(()) => 0,
        Err(err) => {
            eprintln!("linkchart: {}", one_line(&err));
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

/// One line for an error: the context chain joined with `: `, leaving out a cause whose text
/// the message already holds (typed errors often print their source themselves).
pub fn one_line(err: &anyhow::Error) -> String {
    let mut line = String::new();
    for cause in err.chain() {
        let text = cause.to_string();
        if line.contains(&text) {
            continue;
        }
        if !line.is_empty() {
            line.push_str(": ");
        }
        line.push_str(&text);
    }
    line.replace('\n', " ")
}

#[cfg(test)]
mod tests {
    #[test]
    fn one_line_joins_the_chain_without_repeating_causes() {
        let io = std::io::Error::other("disk full");
        let err = anyhow::Error::new(io).context("out.png: cannot write: disk full");
        assert_eq!(super::one_line(&err), "out.png: cannot write: disk full");
        let err = anyhow::Error::new(std::io::Error::other("denied")).context("a.txt");
        assert_eq!(super::one_line(&err), "a.txt: denied");
    }
}
