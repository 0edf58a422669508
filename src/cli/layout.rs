//! `linkchart layout --edges FILE --iterations N [--threads T] --out POSITIONS.tsv`: lay out a
//! plain edge list with the force layout, for benchmarks and scripting.

use std::collections::HashMap;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::time::Instant;

use anyhow::{Context, bail};

use crate::layout::{ForceLayout, ForceParams, Graph, quality, random_positions};

#[derive(clap::Args, Debug)]
pub struct Args {
    /// Edge list: `a b` per line, integer or text ids; blank lines and `#` comments skipped.
    #[arg(long)]
    pub edges: PathBuf,
    /// Most iterations to run (fewer when the layout settles first).
    #[arg(long, default_value_t = 300)]
    pub iterations: usize,
    /// Worker threads (default: all cores).
    #[arg(long)]
    pub threads: Option<usize>,
    /// Output: `id<TAB>x<TAB>y` per node, in order of first appearance.
    #[arg(long)]
    pub out: PathBuf,
}

/// A parsed edge list: node names in order of first appearance, edges as indices.
#[derive(Debug, Default, PartialEq)]
pub struct EdgeList {
    pub names: Vec<String>,
    pub edges: Vec<(u32, u32)>,
}

/// Parse `a b` lines. `path` only names the file in errors.
pub fn parse_edges(text: &str, path: &Path) -> anyhow::Result<EdgeList> {
    let mut index: HashMap<&str, u32> = HashMap::new();
    let mut list = EdgeList::default();
    for (n, line) in text.lines().enumerate() {
        let line = line.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let mut tokens = line.split_whitespace();
        let (Some(a), Some(b), None) = (tokens.next(), tokens.next(), tokens.next()) else {
            bail!(
                "{}:{}: expected two node ids `a b`, got {:?}",
                path.display(),
                n + 1,
                line
            );
        };
        let too_many = || format!("{}: more than 2^32 nodes", path.display());
        let ia = intern(a, &mut index, &mut list.names).with_context(too_many)?;
        let ib = intern(b, &mut index, &mut list.names).with_context(too_many)?;
        list.edges.push((ia, ib));
    }
    Ok(list)
}

fn intern<'a>(
    name: &'a str,
    index: &mut HashMap<&'a str, u32>,
    names: &mut Vec<String>,
) -> Option<u32> {
    if let Some(&i) = index.get(name) {
        return Some(i);
    }
    let i = u32::try_from(names.len()).ok()?;
    index.insert(name, i);
    names.push(name.to_owned());
    Some(i)
}

pub fn run(args: Args) -> anyhow::Result<()> {
    let bytes = std::fs::read(&args.edges)
        .with_context(|| format!("{}: cannot read", args.edges.display()))?;
    let text = std::str::from_utf8(&bytes)
        .with_context(|| format!("{}: not UTF-8 text", args.edges.display()))?;
    let list = parse_edges(text, &args.edges)?;
    if list.names.is_empty() {
        bail!("{}: no edges", args.edges.display());
    }
    let mut pool = rayon::ThreadPoolBuilder::new();
    if let Some(t) = args.threads {
        if t == 0 {
            bail!("--threads must be at least 1");
        }
        pool = pool.num_threads(t);
    }
    let pool = pool.build().context("cannot start the worker threads")?;
    let n = list.names.len();
    let params = ForceParams::default();
    let graph = Graph::from_edges(n, &list.edges);
    let edge_count = graph.edge_count();
    let positions = random_positions(n, params.edge_length, 1);
    let mut layout = ForceLayout::new(graph, positions, vec![false; n], params)?;

    let mut times = Vec::with_capacity(args.iterations);
    let total = Instant::now();
    pool.install(|| {
        while times.len() < args.iterations && !layout.is_settled() {
            let t = Instant::now();
            layout.step();
            times.push(t.elapsed().as_secs_f64());
        }
    });
    let total = total.elapsed().as_secs_f64();
    let q = quality(layout.graph(), layout.positions(), 2);

    let mut out = Vec::with_capacity(n * 24);
    for (name, p) in list.names.iter().zip(layout.positions()) {
        writeln!(out, "{name}\t{:.2}\t{:.2}", p[0], p[1])?;
    }
    write_atomically(&args.out, &out)?;

    let mut sorted = times.clone();
    sorted.sort_unstable_by(f64::total_cmp);
    let median = sorted.get(sorted.len() / 2).copied().unwrap_or(0.0);
    eprintln!(
        "layout: {n} nodes, {edge_count} edges, {} threads; {} iterations{} in {total:.3} s; \
         median {median:.4} s per iteration",
        pool.current_num_threads(),
        times.len(),
        if layout.is_settled() {
            " (settled)"
        } else {
            ""
        },
    );
    eprintln!(
        "layout: median edge {:.1}, mean edge / mean pair distance {:.3}, piled pairs {:.5}",
        q.median_edge, q.edge_to_pair_ratio, q.pile_fraction
    );
    Ok(())
}

/// Write to a temporary file beside `path`, then rename: nothing partial on failure.
fn write_atomically(path: &Path, bytes: &[u8]) -> anyhow::Result<()> {
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    };
    let name = path
        .file_name()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    let tmp = dir.join(format!(".{name}.{}.tmp", std::process::id()));
    std::fs::write(&tmp, bytes).with_context(|| format!("{}: cannot write", path.display()))?;
    std::fs::rename(&tmp, path).map_err(|e| {
        let _ = std::fs::remove_file(&tmp);
        anyhow::Error::new(e).context(format!("{}: cannot write", path.display()))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_text_or_integers_in_order_of_appearance() {
        let text = "# header\n\n1 2\n  2   alice \nalice\t1\n";
        let list = parse_edges(text, Path::new("g.txt")).unwrap();
        assert_eq!(list.names, vec!["1", "2", "alice"]);
        assert_eq!(list.edges, vec![(0, 1), (1, 2), (2, 0)]);
    }

    #[test]
    fn a_malformed_line_names_file_and_line() {
        for bad in ["1 2\n3\n", "1 2\n3 4 5\n"] {
            let err = parse_edges(bad, Path::new("g.txt"))
                .unwrap_err()
                .to_string();
            assert!(err.starts_with("g.txt:2:"), "{err}");
        }
    }
}
