//! The egui front end.

use std::path::PathBuf;

pub fn run(path: Option<PathBuf>) -> anyhow::Result<()> {
    let _ = path;
    anyhow::bail!("the GUI is not built yet")
}
