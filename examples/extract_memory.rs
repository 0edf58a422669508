//! Memory budget of reading and extraction: `cargo run --release --example extract_memory -- DIR`.
//!
//! Reads a corpus folder, extracts the model (as the app does, without JSON output) and prints
//! counts with the peak resident memory (Linux `VmHWM`), per mention and per entity, and the
//! memory the model itself keeps (texts, mentions, entities) once extraction is done.

use std::path::PathBuf;

fn vm_hwm_bytes() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    let kb: u64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kb * 1024)
}

fn main() -> anyhow::Result<()> {
    let dir: PathBuf = std::env::args_os()
        .nth(1)
        .map(PathBuf::from)
        .ok_or_else(|| anyhow::anyhow!("usage: extract_memory DIR"))?;
    let before = vm_hwm_bytes().unwrap_or(0);
    let t = std::time::Instant::now();
    let corpus = linkchart::corpus::read_folder(&dir)?;
    let text: usize = corpus.documents.iter().map(|d| d.text.len()).sum();
    let model = linkchart::extract::extract(corpus.documents);
    let secs = t.elapsed().as_secs_f64();
    let peak = vm_hwm_bytes().unwrap_or(0);
    let mentions: usize = model.entities.iter().map(|e| e.mentions.len()).sum();
    let evidence: usize = model.links.iter().map(|l| l.evidence.len()).sum();
    let kept = text
        + mentions * std::mem::size_of::<linkchart::model::Mention>()
        + evidence * std::mem::size_of::<linkchart::model::Evidence>()
        + model
            .entities
            .iter()
            .map(|e| {
                std::mem::size_of::<linkchart::model::Entity>()
                    + e.name.len()
                    + e.aliases.iter().map(|a| a.len() + 24).sum::<usize>()
                    + e.countries.iter().map(|c| c.len() + 24).sum::<usize>()
            })
            .sum::<usize>()
        + model.links.len() * std::mem::size_of::<linkchart::model::Link>();
    let mb = |b: f64| b / 1e6;
    println!(
        "{} documents, {:.1} MB text, {} entities, {} mentions, {} links ({} evidence) in {:.2} s",
        model.documents.len(),
        mb(text as f64),
        model.entities.len(),
        mentions,
        model.links.len(),
        evidence,
        secs
    );
    println!(
        "peak resident {:.0} MB (before reading {:.0} MB): {:.0} bytes per mention, {:.2} bytes per byte of text",
        mb(peak as f64),
        mb(before as f64),
        (peak - before) as f64 / mentions.max(1) as f64,
        (peak - before) as f64 / text.max(1) as f64
    );
    println!(
        "kept by the model: {:.0} MB ({} bytes per mention record, {} per entity record)",
        mb(kept as f64),
        std::mem::size_of::<linkchart::model::Mention>(),
        std::mem::size_of::<linkchart::model::Entity>()
    );
    Ok(())
}
