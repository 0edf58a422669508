//! Exports of a 1,000-node chart: SVG text, and PNG (resvg) at 1× and 2000 px wide.

use criterion::{Criterion, criterion_group, criterion_main};
use linkchart::chart::visible;
use linkchart::export::{self, ExportOptions, Size};
use linkchart::scene::synthetic::synthetic;
use linkchart::scene::{SceneOptions, build_scene};

fn bench_export(c: &mut Criterion) {
    let (model, chart) = synthetic(1_000, 2_000, 42);
    let view = visible(&model, &chart);
    let scene = build_scene(&model, &chart, &view, &SceneOptions::default());
    let mut group = c.benchmark_group("export_1000_nodes");
    group.sample_size(10);
    group.bench_function("svg", |b| {
        b.iter(|| export::svg(&scene, &ExportOptions::default()))
    });
    group.bench_function("png_1x", |b| {
        b.iter(|| export::png(&scene, &ExportOptions::default()))
    });
    let wide = ExportOptions {
        size: Size::Width(2000),
        ..ExportOptions::default()
    };
    group.bench_function("png_2000px", |b| b.iter(|| export::png(&scene, &wide)));
    group.bench_function("graphml", |b| {
        b.iter(|| export::graphml(&model, &chart, &view))
    });
    group.finish();
}

criterion_group!(benches, bench_export);
criterion_main!(benches);
