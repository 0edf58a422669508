//! Workspace file speed: save and open of synthetic workspaces (documents with text, entities
//! with mentions, links with evidence, positions), and the cost of one merge edit with undo.
//!
//! `cargo bench --bench workspace`

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use linkchart::model::edit::{Edit, EditHistory};
use linkchart::workspace::{self, synthetic::synthetic_workspace};

fn file(c: &mut Criterion) {
    let mut g = c.benchmark_group("workspace");
    g.sample_size(10);
    for n in [10_000usize, 100_000] {
        let ws = synthetic_workspace(n, 3, n / 50, 1);
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("w.linkchart");
        workspace::save(&path, &ws).expect("save");
        let size = std::fs::metadata(&path).map(|m| m.len()).unwrap_or(0);
        eprintln!(
            "{n} entities, {} links: {} MB",
            ws.model.links.len(),
            size >> 20
        );
        g.bench_function(format!("save_{n}"), |b| {
            b.iter(|| workspace::save(&path, black_box(&ws)).expect("save"))
        });
        g.bench_function(format!("open_{n}"), |b| {
            b.iter(|| black_box(workspace::open(&path).expect("open")))
        });
        let (mut model, mut chart) = (ws.model.clone(), ws.chart.clone());
        let mut h = EditHistory::default();
        let (keep, absorb) = (model.entities[0].id, model.entities[1].id);
        g.bench_function(format!("merge_and_undo_{n}"), |b| {
            b.iter(|| {
                h.apply(&mut model, &mut chart, Edit::Merge { keep, absorb })
                    .expect("merge");
                h.undo(&mut model, &mut chart);
            })
        });
    }
    g.finish();
}

criterion_group!(benches, file);
criterion_main!(benches);
