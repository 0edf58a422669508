//! One frame of the app, driven by egui_kittest without a GPU: the CPU cost of our `ui` plus
//! egui's layout, and egui's tessellation of what was painted (`Context::tessellate`, which a
//! harness step does not run by itself). `cargo bench --bench app_frame`.
//!
//! - The bundled corpus's chart (laid out, nothing selected).
//! - Synthetic laid-out charts (`scene::synthetic::synthetic_laid_out`: 10k nodes / 50k links
//!   and 100k / 500k, links mostly between neighbours) fitted to the window, zoomed in to
//!   zoom 1, and panned a few points every frame at each of those zooms.
//! - The worst case, `scene::synthetic::synthetic` (random positions, random long links), at
//!   10k / 50k fitted and zoomed in.
//! - The realistic case: Barabási–Albert graphs (5 edges per node, hubs with thousands of
//!   links) at 10k and 100k nodes laid out by our own force layout (at most `BA_ITERATIONS`
//!   iterations from a random start; the positions are kept in `CARGO_TARGET_TMPDIR` so later
//!   runs skip the layout).
//!
//! Targets (issue 6): under 8 ms at 10k nodes, under 16 ms at 100k.

use std::time::Duration;

use criterion::{Criterion, criterion_group, criterion_main};
use egui_kittest::Harness;
use linkchart::app::{LinkchartApp, Source};
use linkchart::chart::ChartState;
use linkchart::layout::{barabasi_albert, lay_out_edges};
use linkchart::model::Model;
use linkchart::scene::synthetic::{synthetic, synthetic_from_edges, synthetic_laid_out};

const SIZE: [f32; 2] = [1400.0, 880.0];

/// Run one full frame and tessellate its output.
fn frame(h: &mut Harness<'static, LinkchartApp>) -> usize {
    h.step();
    let out = h.output();
    let ppp = out.pixels_per_point;
    let shapes = out.shapes.clone();
    h.ctx.tessellate(shapes, ppp).len()
}

fn harness(model: Model, chart: ChartState) -> Harness<'static, LinkchartApp> {
    let mut app = LinkchartApp::new_for_test(Model::default());
    app.set_model(model, Some(chart));
    let mut h = Harness::builder()
        .with_size(SIZE)
        .build_eframe(move |_| app);
    h.run_steps(3);
    h
}

fn seeds(c: &mut Criterion) {
    let mut app = LinkchartApp::open(Source::Bundled, None);
    assert!(
        app.wait_for_jobs(Duration::from_secs(60)),
        "seeds did not load and settle"
    );
    let nodes = app.view().entities.len();
    let mut h = Harness::builder()
        .with_size(SIZE)
        .build_eframe(move |_| app);
    h.run_steps(3);
    c.bench_function(&format!("app frame, seeds chart ({nodes} entities)"), |b| {
        b.iter(|| {
            // Move the pointer so every frame hit-tests and repaints.
            h.hover_at(egui::pos2(700.0, 440.0));
            frame(&mut h)
        })
    });
}

/// Fitted, zoomed in and panning at `zoom` for a chart.
fn chart_frames(c: &mut Criterion, name: &str, model: Model, chart: ChartState) {
    let mut group = c.benchmark_group(format!("app_frame/{name}"));
    group.sample_size(20);
    group.measurement_time(Duration::from_secs(4));
    group.warm_up_time(Duration::from_secs(1));
    let mut h = harness(model, chart);
    // Fitted: the app keeps fitting until the analyst pans.
    h.hover_at(egui::pos2(700.0, 440.0));
    frame(&mut h);
    eprintln!(
        "{name} fit: zoom {:.3}, painted {:?}",
        h.state().chart.view.zoom,
        h.state().canvas.painted
    );
    group.bench_function("fit", |b| b.iter(|| frame(&mut h)));
    let fitted = h.state().chart.view;
    let centre = fitted.center;
    group.bench_function("fit_pan", |b| {
        let mut k = 0u32;
        b.iter(|| {
            k += 1;
            let app = h.state_mut();
            app.auto_fit = false;
            app.chart.view.center = [
                centre[0] + (k % 50) as f32 * 3.0 / fitted.zoom,
                centre[1] + (k % 30) as f32 * 2.0 / fitted.zoom,
            ];
            frame(&mut h)
        })
    });
    {
        let app = h.state_mut();
        app.auto_fit = false;
        app.chart.view.zoom = 1.0;
        app.chart.view.center = centre;
    }
    frame(&mut h);
    eprintln!("{name} zoom_1: painted {:?}", h.state().canvas.painted);
    group.bench_function("zoom_1", |b| b.iter(|| frame(&mut h)));
    group.bench_function("zoom_1_pan", |b| {
        let mut k = 0u32;
        b.iter(|| {
            k += 1;
            h.state_mut().chart.view.center = [
                centre[0] + (k % 50) as f32 * 3.0,
                centre[1] + (k % 30) as f32 * 2.0,
            ];
            frame(&mut h)
        })
    });
    group.finish();
}

/// A layout step applied every frame (every node nudged half a unit, as a streaming force
/// layout does; positions never held back): fitted, then zoomed to 1 at the centre.
fn layout_frames(c: &mut Criterion, name: &str, model: Model, chart: ChartState) {
    let mut group = c.benchmark_group(format!("app_frame/{name}"));
    group.sample_size(10);
    group.measurement_time(Duration::from_secs(4));
    group.warm_up_time(Duration::from_secs(1));
    let mut h = harness(model, chart);
    h.state_mut().hold_back_slow_updates(false);
    let mut k = 0u32;
    let mut step = |h: &mut Harness<'static, LinkchartApp>| {
        k += 1;
        let d = if k.is_multiple_of(2) { 0.5 } else { -0.5 };
        for p in h.state_mut().chart.positions.values_mut() {
            p[0] += d;
        }
        frame(h)
    };
    step(&mut h);
    eprintln!(
        "{name} layout_step_fit: zoom {:.3}, painted {:?}",
        h.state().chart.view.zoom,
        h.state().canvas.painted
    );
    group.bench_function("layout_step_fit", |b| b.iter(|| step(&mut h)));
    let centre = h.state().chart.view.center;
    {
        let app = h.state_mut();
        app.auto_fit = false;
        app.chart.view.zoom = 1.0;
        app.chart.view.center = centre;
    }
    step(&mut h);
    eprintln!(
        "{name} layout_step_zoom_1: painted {:?}",
        h.state().canvas.painted
    );
    group.bench_function("layout_step_zoom_1", |b| b.iter(|| step(&mut h)));
    group.finish();
}

fn layout_charts(c: &mut Criterion) {
    let (m, s) = ba_laid_out(100_000);
    layout_frames(c, "ba_100k", m, s);
    let (m, s) = synthetic(100_000, 500_000, 42);
    layout_frames(c, "random_100k_500k", m, s);
    let (m, s) = synthetic_laid_out(100_000, 500_000, 42);
    layout_frames(c, "laid_out_100k_500k", m, s);
}

/// Most force-layout iterations for the Barabási–Albert charts (about 40 s at 100k nodes).
const BA_ITERATIONS: usize = 300;

/// A Barabási–Albert graph of `n` nodes laid out by `ForceLayout`: positions read from the
/// cache file when a previous run left one of the right length, else computed and saved.
fn ba_laid_out(n: usize) -> (Model, linkchart::chart::ChartState) {
    let edges = barabasi_albert(n, 5, 1);
    let path = std::path::Path::new(env!("CARGO_TARGET_TMPDIR"))
        .join(format!("ba5_{n}_{BA_ITERATIONS}.positions"));
    let cached: Option<Vec<[f32; 2]>> = std::fs::read(&path).ok().and_then(|bytes| {
        (bytes.len() == n * 8).then(|| {
            bytes
                .chunks_exact(8)
                .map(|c| {
                    let f = |k: usize| f32::from_le_bytes([c[k], c[k + 1], c[k + 2], c[k + 3]]);
                    [f(0), f(4)]
                })
                .collect()
        })
    });
    let positions = cached.unwrap_or_else(|| {
        let started = std::time::Instant::now();
        let (positions, ran) = lay_out_edges(n, &edges, BA_ITERATIONS).expect("valid layout input");
        eprintln!(
            "laid out BA {n}: {ran} iterations in {:.1} s",
            started.elapsed().as_secs_f32()
        );
        let bytes: Vec<u8> = positions
            .iter()
            .flat_map(|p| p[0].to_le_bytes().into_iter().chain(p[1].to_le_bytes()))
            .collect();
        if let Err(e) = std::fs::write(&path, bytes) {
            eprintln!("cannot cache {}: {e}", path.display());
        }
        positions
    });
    synthetic_from_edges(&edges, &positions, 42)
}

fn ba_charts(c: &mut Criterion) {
    let (m, s) = ba_laid_out(10_000);
    chart_frames(c, "ba_10k", m, s);
    let (m, s) = ba_laid_out(100_000);
    chart_frames(c, "ba_100k", m, s);
}

fn big_charts(c: &mut Criterion) {
    let (m, s) = synthetic_laid_out(10_000, 50_000, 42);
    chart_frames(c, "laid_out_10k_50k", m, s);
    let (m, s) = synthetic(10_000, 50_000, 42);
    chart_frames(c, "random_10k_50k", m, s);
    let (m, s) = synthetic_laid_out(100_000, 500_000, 42);
    chart_frames(c, "laid_out_100k_500k", m, s);
}

criterion_group!(benches, seeds, ba_charts, big_charts, layout_charts);
criterion_main!(benches);
