//! `linkchart extract CORPUS --json | --workspace OUT.linkchart`

use std::path::PathBuf;

#[derive(clap::Args, Debug)]
pub struct Args {
    /// Corpus folder (every .txt and .md file below it).
    pub corpus: PathBuf,
    /// Print the model as JSON (DESIGN.md schema) to stdout.
    #[arg(long)]
    pub json: bool,
    /// Write a new, laid-out workspace file.
    #[arg(long, value_name = "OUT.linkchart")]
    pub workspace: Option<PathBuf>,
}

pub fn run(args: Args) -> anyhow::Result<()> {
    let _ = args;
    anyhow::bail!("extract: not built yet")
}
