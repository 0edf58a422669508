//! `linkchart export INPUT --out FILE [--width PX] [--country NAME]... [--source ID]...`

use std::path::PathBuf;

#[derive(clap::Args, Debug)]
pub struct Args {
    /// A workspace file or a corpus folder.
    pub input: PathBuf,
    /// Output file: .png, .svg, .graphml or .csv, chosen by extension.
    #[arg(long)]
    pub out: PathBuf,
    /// Image width in pixels (PNG).
    #[arg(long)]
    pub width: Option<u32>,
    /// Show only entities of this country (repeatable).
    #[arg(long = "country", value_name = "NAME")]
    pub countries: Vec<String>,
    /// Show only what this document supports (repeatable).
    #[arg(long = "source", value_name = "ID")]
    pub sources: Vec<String>,
}

pub fn run(args: Args) -> anyhow::Result<()> {
    let _ = args;
    anyhow::bail!("export: not built yet")
}
