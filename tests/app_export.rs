//! The app's Export menu: what is exported is what the chart shows, filters included.

#![cfg(feature = "gui")]

mod app_support;

use app_support::*;
use egui_kittest::kittest::Queryable;

#[test]
fn exporting_from_the_app_writes_what_the_filtered_chart_shows() {
    let mut h = harness();
    h.get_by_label("Iran  (2)").click();
    h.run_steps(2);
    let dir = tempfile::tempdir().unwrap();

    let svg_path = dir.path().join("chart.svg");
    let msg = h.state_mut().export_to_path(&svg_path).expect("svg export");
    assert!(msg.contains("chart.svg"), "{msg}");
    let svg = std::fs::read_to_string(&svg_path).unwrap();
    let tree = resvg::usvg::Tree::from_str(&svg, &resvg::usvg::Options::default()).unwrap();
    assert!(tree.size().width() > 0.0);
    let state = h.state();
    for e in &state.model.entities {
        let shown = state.view().contains(e.id);
        assert_eq!(
            svg.contains(&format!(">{}<", e.name)),
            shown,
            "{} is in the SVG exactly when it is on the chart",
            e.name
        );
    }

    let png_path = dir.path().join("chart.png");
    h.state_mut().export_to_path(&png_path).expect("png export");
    let png = resvg::tiny_skia::Pixmap::load_png(&png_path).expect("PNG decodes");
    assert!(png.width() > 100 && png.height() > 100);

    let err = h
        .state_mut()
        .export_to_path(&dir.path().join("chart.docx"))
        .unwrap_err();
    assert!(err.contains("chart.docx"), "{err}");
}

#[test]
fn copying_the_image_puts_it_on_the_clipboard() {
    let mut h = harness();
    h.get_by_label("Export").click();
    h.run_steps(2);
    h.get_by_label("Copy image to clipboard").click();
    h.run_steps(1);
    let copied = h
        .output()
        .platform_output
        .commands
        .iter()
        .any(|c| matches!(c, egui::OutputCommand::CopyImage(img) if img.size[0] > 100));
    assert!(copied, "an image was copied");
    h.get_by_label_contains("copied a");
}
