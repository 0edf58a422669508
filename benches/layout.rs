//! One force-layout iteration on Barabási–Albert graphs (5 edges per node) at 1k, 10k, 100k
//! nodes. `cargo bench --bench layout`.

use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};
use linkchart::layout::{ForceLayout, ForceParams, Graph, barabasi_albert, random_positions};

fn iteration(c: &mut Criterion) {
    let mut group = c.benchmark_group("layout_iteration_ba5");
    group.sample_size(10);
    for n in [1_000usize, 10_000, 100_000] {
        let graph = Graph::from_edges(n, &barabasi_albert(n, 5, 1));
        let params = ForceParams {
            // Measure iterations, not an early stop.
            settle_tolerance: 0.0,
            ..ForceParams::default()
        };
        let mut layout =
            ForceLayout::new(graph, random_positions(n, 100.0, 1), vec![false; n], params)
                .expect("valid input");
        // Past the first, unrepresentative iterations from a random start.
        for _ in 0..20 {
            layout.step();
        }
        group.bench_with_input(BenchmarkId::from_parameter(n), &n, |b, _| {
            b.iter(|| layout.step())
        });
    }
    group.finish();
}

criterion_group!(benches, iteration);
criterion_main!(benches);
