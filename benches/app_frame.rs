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
//!
//! Targets (issue 6): under 8 ms at 10k nodes, under 16 ms at 100k.

use std::time::Duration;

use criterion::{Criterion, criterion_group, criterion_main};
use egui_kittest::Harness;
use linkchart::app::{LinkchartApp, Source};
use linkchart::chart::ChartState;
use linkchart::model::Model;
use linkchart::scene::synthetic::{synthetic, synthetic_laid_out};

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

fn big_charts(c: &mut Criterion) {
    let (m, s) = synthetic_laid_out(10_000, 50_000, 42);
    chart_frames(c, "laid_out_10k_50k", m, s);
    let (m, s) = synthetic(10_000, 50_000, 42);
    chart_frames(c, "random_10k_50k", m, s);
    let (m, s) = synthetic_laid_out(100_000, 500_000, 42);
    chart_frames(c, "laid_out_100k_500k", m, s);
}

criterion_group!(benches, seeds, big_charts);
criterion_main!(benches);
