//! The PNG export and the on-screen rendering of the same scene look alike: egui_kittest
//! renders `app::draw::paint_scene` with wgpu (llvmpipe on CI) at the export's size.
#![cfg(feature = "gui")]

use linkchart::app::draw::{IconTextures, paint_scene};
use linkchart::chart::visible;
use linkchart::export::{self, Background, ExportOptions, Region, Size};
use linkchart::scene::synthetic::synthetic;
use linkchart::scene::{SceneOptions, build_scene};

/// Mean absolute difference per channel (0–255) of two same-sized RGBA images, over RGB.
fn mean_abs_diff(a: &[u8], b: &[u8]) -> f64 {
    let total: u64 = a
        .chunks_exact(4)
        .zip(b.chunks_exact(4))
        .map(|(p, q)| (0..3).map(|i| p[i].abs_diff(q[i]) as u64).sum::<u64>())
        .sum();
    total as f64 / (a.len() / 4 * 3) as f64
}

/// Average `img` (w × h RGBA) over `k × k` blocks.
fn downscale(img: &[u8], w: usize, h: usize, k: usize) -> Vec<u8> {
    let (dw, dh) = (w / k, h / k);
    let mut out = vec![0u8; dw * dh * 4];
    for y in 0..dh {
        for x in 0..dw {
            for c in 0..4 {
                let mut s = 0u32;
                for yy in 0..k {
                    for xx in 0..k {
                        s += img[((y * k + yy) * w + x * k + xx) * 4 + c] as u32;
                    }
                }
                out[(y * dw + x) * 4 + c] = (s / (k * k) as u32) as u8;
            }
        }
    }
    out
}

#[test]
fn png_export_looks_like_the_screen() {
    let (model, mut chart) = synthetic(30, 45, 11);
    chart.selection.insert(linkchart::model::EntityId(3));
    let view = visible(&model, &chart);
    let scene = build_scene(&model, &chart, &view, &SceneOptions::default());
    let area = scene.bounds.expand(10.0);
    let (w, h) = (area.width().ceil() as u32, area.height().ceil() as u32);
    let area = linkchart::scene::Bounds {
        min: area.min,
        max: [area.min[0] + w as f32, area.min[1] + h as f32],
    };

    let opts = ExportOptions {
        region: Region::Area(area),
        size: Size::Scale(1.0),
        background: Background::White,
        legend: false,
        caption: false,
    };
    let png = export::png(&scene, &opts).unwrap();
    let exported = resvg::tiny_skia::Pixmap::decode_png(&png).unwrap();
    assert_eq!((exported.width(), exported.height()), (w, h));
    // Unpremultiply is not needed: the background is opaque white.
    let exported = exported.data().to_vec();

    let mut icons = IconTextures::default();
    let scene_for_ui = scene.clone();
    let mut harness = egui_kittest::Harness::builder()
        .with_size([w as f32, h as f32])
        .with_pixels_per_point(1.0)
        .with_render_cursor(false)
        .build_ui(move |ui| {
            let ctx = ui.ctx().clone();
            let rect = ctx.content_rect();
            let painter =
                ctx.layer_painter(egui::LayerId::new(egui::Order::Foreground, ui.scope_id()));
            painter.rect_filled(rect, 0.0, egui::Color32::WHITE);
            let origin = rect.min;
            paint_scene(
                &painter,
                &scene_for_ui,
                |p| egui::pos2(origin.x + p[0] - area.min[0], origin.y + p[1] - area.min[1]),
                1.0,
                &mut icons,
            );
        });
    harness.run();
    let screen = harness.render().expect("wgpu renders the harness");
    assert_eq!(screen.dimensions(), (w, h));
    if let Some(dir) = std::env::var_os("LINKCHART_SAVE_RENDERS") {
        // Look at both: LINKCHART_SAVE_RENDERS=/tmp cargo test --release --test export_screen
        let dir = std::path::PathBuf::from(dir);
        std::fs::write(dir.join("export_screen.export.png"), &png).unwrap();
        screen.save(dir.join("export_screen.screen.png")).unwrap();
    }
    let screen = screen.into_raw();

    let k = 4;
    let (dw, dh) = (w as usize, h as usize);
    let a = downscale(&exported, dw, dh, k);
    let b = downscale(&screen, dw, dh, k);
    let diff = mean_abs_diff(&a, &b);
    // Against a blank white image, to show the comparison can tell a chart from none.
    let white = vec![255u8; a.len()];
    let blank = mean_abs_diff(&a, &white);
    eprintln!("export vs screen: {diff:.2}; export vs blank: {blank:.2}");
    assert!(blank > 3.0, "the chart is not blank ({blank:.2})");
    assert!(
        diff < blank * 0.35,
        "export and screen differ: {diff:.2} (blank: {blank:.2})"
    );
}
