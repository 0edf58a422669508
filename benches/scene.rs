//! `build_scene` at 1k / 10k / 100k nodes (five links per node), culling to a screen, and the
//! level-of-detail merge at fit-to-view.

use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};
use linkchart::chart::visible;
use linkchart::scene::lod::{LodLevel, level_for_zoom};
use linkchart::scene::synthetic::synthetic;
use linkchart::scene::{Bounds, SceneOptions, build_scene, build_scene_tracked};

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
        // The level of detail a fitted 800-point-wide canvas merges at (built once per level).
        let (scene, topology) = build_scene_tracked(&model, &chart, &view, &options);
        let level = level_for_zoom(800.0 / scene.bounds.width().max(1.0));
        group.bench_with_input(BenchmarkId::new("lod_fit", nodes), &nodes, |b, _| {
            b.iter(|| LodLevel::build(&scene, &topology, level))
        });
    }
    group.finish();
}

criterion_group!(benches, bench_build);
criterion_main!(benches);
