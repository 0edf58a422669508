//! `linkchart layout --edges FILE --iterations N [--threads T] --out POSITIONS.tsv`

use std::path::PathBuf;

#[derive(clap::Args, Debug)]
pub struct Args {
    /// Edge list: `a b` per line, integer or text ids.
    #[arg(long)]
    pub edges: PathBuf,
    #[arg(long, default_value_t = 300)]
    pub iterations: usize,
    /// Worker threads (default: all cores).
    #[arg(long)]
    pub threads: Option<usize>,
    /// Output: `id<TAB>x<TAB>y` per node.
    #[arg(long)]
    pub out: PathBuf,
}

pub fn run(args: Args) -> anyhow::Result<()> {
    let _ = args;
    anyhow::bail!("layout: not built yet")
}
