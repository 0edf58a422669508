//! Rendered on the CPU (wgpu on llvmpipe): what the canvas shows follows the chart state.

#![cfg(feature = "gui")]

mod app_support;

use app_support::*;

/// The rendered pixel at a point (pixels per point `ppp`).
macro_rules! pixel {
    ($img:expr, $at:expr, $ppp:expr) => {
        $img.get_pixel(($at.x * $ppp) as u32, ($at.y * $ppp) as u32)
            .0
    };
}

#[test]
fn a_node_is_drawn_where_it_is_and_disappears_when_hidden() {
    let mut h = harness();
    let ppp = 1.0;
    let at = h.state().screen_pos_of(TALIBAN).expect("drawn");
    let rect = h.state().canvas.rect;
    let img = h.render().expect("render");
    let background = pixel!(img, rect.min + egui::vec2(2.0, 2.0), ppp);
    let node = pixel!(img, at, ppp);
    assert_ne!(node, background, "something is painted at the node");

    h.state_mut().chart.selection.insert(TALIBAN);
    h.state_mut().hide_selection();
    h.run_steps(2);
    let img = h.render().expect("render");
    assert_eq!(
        pixel!(img, at, ppp),
        background,
        "a hidden node is not painted"
    );
}
