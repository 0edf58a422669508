//! The egui front end.

pub mod draw;

use std::path::PathBuf;

pub fn run(path: Option<PathBuf>) -> anyhow::Result<()> {
    let _ = path;
    anyhow::bail!("the GUI is not built yet")
}
