//! `build_scene` at 1k / 10k / 100k nodes (five links per node), culling to a screen, and the
//! level-of-detail merge at fit-to-view; the cached scene updated in place after a layout step
//! and during a drag.

use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};
use linkchart::chart::visible;
use linkchart::model::EntityId;
use linkchart::scene::cache::SceneCache;
use linkchart::scene::lod::{LodLevel, level_for_zoom};
use linkchart::scene::synthetic::{synthetic, synthetic_laid_out};
use linkchart::scene::{Bounds, Scene, SceneOptions, build_scene, build_scene_tracked};

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

/// The cached scene brought up to date after a layout step (every node moved a little; on
/// charts with at least `DEFER_MIN_EDGES` links only the links in a 1600 × 1000 window are
/// redrawn, the others when they come into view) and during a drag (one node moved): moved in
/// place, links redrawn, indexes made current.
fn bench_update_in_place(c: &mut Criterion) {
    let mut group = c.benchmark_group("scene_cache");
    group.sample_size(10);
    for nodes in [1_000usize, 10_000, 100_000] {
        let (model, mut chart) = synthetic(nodes, nodes * 5, 42);
        let view = visible(&model, &chart);
        let mut cache = SceneCache::default();
        // Measure every update (the app spaces out slow ones).
        cache.hold_back_slow_updates(false);
        let mut scene = Scene::default();
        cache.ensure(&mut scene, &model, &chart, &view, 0);
        // A 1600 × 1000 window in the middle of the chart, at zoom 1.
        let c = scene.bounds.center();
        let screen =
            Bounds::from_corners([c[0] - 800.0, c[1] - 500.0], [c[0] + 800.0, c[1] + 500.0]);
        let mut k = 0u32;
        group.bench_with_input(BenchmarkId::new("layout_step", nodes), &nodes, |b, _| {
            b.iter(|| {
                k += 1;
                let d = if k.is_multiple_of(2) { 0.5 } else { -0.5 };
                for p in chart.positions.values_mut() {
                    p[0] += d;
                }
                cache.ensure(&mut scene, &model, &chart, &view, 0);
                // What a zoomed-in screen then draws is brought up to date too.
                cache.refresh_edges_in(&mut scene, screen)
            })
        });
        let id = EntityId(nodes as u32 / 2);
        group.bench_with_input(BenchmarkId::new("drag_one", nodes), &nodes, |b, _| {
            b.iter(|| {
                k += 1;
                if let Some(p) = chart.positions.get_mut(&id) {
                    p[1] += if k.is_multiple_of(2) { 3.0 } else { -3.0 };
                }
                cache.ensure(&mut scene, &model, &chart, &view, 0)
            })
        });
        assert_eq!(cache.stats().builds, 1, "moves are made in place");
    }
    group.finish();
}

/// A layout step on a laid-out 100k-node chart (links between neighbours): the frame that
/// applies it, zoomed in on a 1600 × 1000 window.
fn bench_layout_step_laid_out(c: &mut Criterion) {
    let mut group = c.benchmark_group("scene_cache");
    group.sample_size(10);
    let (model, mut chart) = synthetic_laid_out(100_000, 500_000, 42);
    let view = visible(&model, &chart);
    let mut cache = SceneCache::default();
    cache.hold_back_slow_updates(false);
    let mut scene = Scene::default();
    cache.ensure(&mut scene, &model, &chart, &view, 0);
    let c0 = scene.bounds.center();
    let screen = Bounds::from_corners(
        [c0[0] - 800.0, c0[1] - 500.0],
        [c0[0] + 800.0, c0[1] + 500.0],
    );
    let mut k = 0u32;
    group.bench_function("layout_step_laid_out/100000", |b| {
        b.iter(|| {
            k += 1;
            let d = if k.is_multiple_of(2) { 0.5 } else { -0.5 };
            for p in chart.positions.values_mut() {
                p[0] += d;
            }
            cache.ensure(&mut scene, &model, &chart, &view, 0);
            cache.refresh_edges_in(&mut scene, screen)
        })
    });
    group.finish();
}

criterion_group!(
    benches,
    bench_build,
    bench_update_in_place,
    bench_layout_step_laid_out
);
criterion_main!(benches);
