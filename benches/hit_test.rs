//! Hit-testing node circles: the spatial index against a linear scan, at 1k, 10k, 100k nodes.
//! `cargo bench --bench hit_test`.

use std::hint::black_box;

use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};
use linkchart::layout::graph::SplitMix64;
use linkchart::spatial::{SpatialIndex, scan};

fn circles(n: usize) -> (Vec<[f32; 2]>, Vec<f32>, f32) {
    let mut rng = SplitMix64::new(n as u64);
    let side = 100.0 * (n as f32).sqrt();
    let centres = (0..n)
        .map(|_| [rng.next_f32() * side, rng.next_f32() * side])
        .collect();
    let radii = (0..n).map(|_| 10.0 + 20.0 * rng.next_f32()).collect();
    (centres, radii, side)
}

fn hit_test(c: &mut Criterion) {
    let mut group = c.benchmark_group("hit_test");
    for n in [1_000usize, 10_000, 100_000] {
        let (centres, radii, side) = circles(n);
        let mut rng = SplitMix64::new(1);
        let points: Vec<[f32; 2]> = (0..256)
            .map(|_| [rng.next_f32() * side, rng.next_f32() * side])
            .collect();
        group.bench_with_input(BenchmarkId::new("build", n), &n, |b, _| {
            b.iter(|| SpatialIndex::build(black_box(&centres), black_box(&radii)))
        });
        let index = SpatialIndex::build(&centres, &radii);
        group.bench_with_input(BenchmarkId::new("at_256_points", n), &n, |b, _| {
            b.iter(|| {
                points
                    .iter()
                    .filter_map(|&p| index.at(black_box(p)))
                    .count()
            })
        });
        group.bench_with_input(BenchmarkId::new("scan_at_256_points", n), &n, |b, _| {
            b.iter(|| {
                points
                    .iter()
                    .filter_map(|&p| scan::at(&centres, &radii, black_box(p)))
                    .count()
            })
        });
        // A box select covering 1% of the chart.
        let (lo, hi) = ([0.45 * side, 0.45 * side], [0.55 * side, 0.55 * side]);
        group.bench_with_input(BenchmarkId::new("in_rect_1pct", n), &n, |b, _| {
            b.iter(|| index.in_rect(black_box(lo), black_box(hi)).len())
        });
        group.bench_with_input(BenchmarkId::new("scan_in_rect_1pct", n), &n, |b, _| {
            b.iter(|| scan::in_rect(&centres, black_box(lo), black_box(hi)).len())
        });
    }
    group.finish();
}

criterion_group!(benches, hit_test);
criterion_main!(benches);
