//! One frame of the app on the bundled corpus's chart (laid out, nothing selected), driven by
//! egui_kittest without a GPU: the CPU cost of our `ui` plus egui's layout and tessellation.
//! Target: well under 16 ms.

use std::time::Duration;

use criterion::{Criterion, criterion_group, criterion_main};
use egui_kittest::Harness;
use linkchart::app::{LinkchartApp, Source};

fn frame(c: &mut Criterion) {
    let mut app = LinkchartApp::open(Source::Bundled, None);
    assert!(
        app.wait_for_jobs(Duration::from_secs(60)),
        "seeds did not load and settle"
    );
    let nodes = app.view().entities.len();
    let mut h = Harness::builder()
        .with_size([1400.0, 880.0])
        .build_eframe(move |_| app);
    h.run_steps(3);
    c.bench_function(&format!("app frame, seeds chart ({nodes} entities)"), |b| {
        b.iter(|| {
            // Move the pointer so every frame hit-tests and repaints.
            h.hover_at(egui::pos2(700.0, 440.0));
            h.step();
        })
    });
}

criterion_group!(benches, frame);
criterion_main!(benches);
