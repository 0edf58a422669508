//! `build_scene` at 1k / 10k / 100k nodes (five links per node), and culling to a screen.

use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};
use linkchart::chart::visible;
use linkchart::scene::synthetic::synthetic;
use linkchart::scene::{Bounds, SceneOptions, build_scene};

fn bench_build(c: &mut Criterion) {
    let mut group = c.benchmark_group("build_scene");
    group.sample_size(20);
    for nodes in [1_000usize, 10_000, 100_000] {
        let (model, chart) = synthetic(nodes, nodes * 5, 42);
        let view = visible(&model, &chart);
        let options = SceneOptions::default();
        group.bench_with_input(BenchmarkId::new("nodes", nodes), &nodes, |b, _| {
            b.iter(|| build_scene(&model, &chart, &view, &options))
        });
        // What the screen does when zoomed in: build only a 1600 × 1000 window.
        let only = SceneOptions {
            only: Some(Bounds::from_corners([0.0, 0.0], [1600.0, 1000.0])),
            ..SceneOptions::default()
        };
        group.bench_with_input(BenchmarkId::new("on_screen_only", nodes), &nodes, |b, _| {
            b.iter(|| build_scene(&model, &chart, &view, &only))
        });
    }
    group.finish();
}

criterion_group!(benches, bench_build);
criterion_main!(benches);
