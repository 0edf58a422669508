//! Starts the real binary in a window under Xvfb, lets it draw the bundled corpus's chart,
//! and checks the screenshot it saves (`LINKCHART_SCREENSHOT`) is a drawn chart, not a blank.

#![cfg(feature = "gui")]

use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

fn have(tool: &str) -> bool {
    Command::new("sh")
        .args(["-c", &format!("command -v {tool}")])
        .stdout(Stdio::null())
        .status()
        .is_ok_and(|s| s.success())
}

#[test]
fn the_binary_opens_a_window_and_draws_the_chart() {
    if !have("xvfb-run") {
        println!("skipped: xvfb-run is not installed (CI installs it in .ci/run)");
        return;
    }
    let dir = tempfile::tempdir().expect("temp dir");
    let shot = dir.path().join("shot.png");
    let mut child = Command::new("xvfb-run")
        .args(["-a", "-s", "-screen 0 1600x1000x24"])
        .arg(env!("CARGO_BIN_EXE_linkchart"))
        .env("LINKCHART_SCREENSHOT", &shot)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("start xvfb-run");
    let start = Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait().expect("wait") {
            break status;
        }
        if start.elapsed() > Duration::from_secs(120) {
            let _ = child.kill();
            panic!("the app did not save a screenshot and exit within 120 s");
        }
        std::thread::sleep(Duration::from_millis(100));
    };
    let out = child.wait_with_output().expect("output");
    let stderr = String::from_utf8_lossy(&out.stderr);
    println!("{stderr}");
    assert!(status.success(), "exit status {status}: {stderr}");
    check_drawn(&shot);
}

fn check_drawn(path: &Path) {
    let png = resvg::tiny_skia::Pixmap::load_png(path).expect("a PNG screenshot");
    assert!(
        png.width() >= 640 && png.height() >= 420,
        "window size {}x{}",
        png.width(),
        png.height()
    );
    let pixels = png.pixels();
    let mut colours: Vec<[u8; 3]> = pixels
        .iter()
        .map(|p| [p.red(), p.green(), p.blue()])
        .collect();
    colours.sort_unstable();
    colours.dedup();
    assert!(
        colours.len() > 200,
        "only {} distinct colours: blank window?",
        colours.len()
    );
    // Along the middle row, the chart canvas (light) and drawn shapes (darker) both appear.
    let w = png.width() as usize;
    let row = &pixels[w * (png.height() as usize / 2)..][..w];
    let light = row
        .iter()
        .filter(|p| p.red() > 240 && p.green() > 240)
        .count();
    assert!(
        light > w / 4,
        "no light chart canvas across the middle: {light} of {w}"
    );
}
