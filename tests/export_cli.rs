//! `linkchart export` end to end on the bundled seeds folder.

use std::path::Path;
use std::process::{Command, Output};

fn linkchart(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_linkchart"))
        .args(args)
        .output()
        .expect("the binary runs")
}

fn seeds() -> String {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("seeds")
        .to_string_lossy()
        .into_owned()
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

#[test]
fn exports_every_format_from_a_corpus_folder() {
    let dir = tempfile::tempdir().unwrap();
    for name in ["chart.png", "chart.svg", "chart.graphml", "chart.csv"] {
        let out = dir.path().join(name);
        let o = linkchart(&[
            "export",
            &seeds(),
            "--out",
            out.to_str().unwrap(),
            "--width",
            "640",
        ]);
        assert!(o.status.success(), "{name}: {}", stderr(&o));
        assert!(std::fs::metadata(&out).unwrap().len() > 0, "{name} written");
    }
    assert!(dir.path().join("chart.entities.csv").exists());
    let png = std::fs::read(dir.path().join("chart.png")).unwrap();
    let pix = resvg::tiny_skia::Pixmap::decode_png(&png).unwrap();
    assert_eq!(pix.width(), 640);
}

#[test]
fn unknown_extension_fails_naming_it_and_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("chart.pdf");
    let o = linkchart(&["export", &seeds(), "--out", out.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(1));
    let err = stderr(&o);
    assert!(err.contains(".pdf") && err.contains(".png"), "{err}");
    assert_eq!(err.lines().count(), 1, "{err}");
    assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 0);
}

#[test]
fn unknown_country_or_source_is_a_clear_error() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("chart.svg");
    let o = linkchart(&[
        "export",
        &seeds(),
        "--out",
        out.to_str().unwrap(),
        "--country",
        "Narnia",
    ]);
    assert_eq!(o.status.code(), Some(1));
    assert!(
        stderr(&o).contains("unknown country \"Narnia\""),
        "{}",
        stderr(&o)
    );
    let o = linkchart(&[
        "export",
        &seeds(),
        "--out",
        out.to_str().unwrap(),
        "--source",
        "nope",
    ]);
    assert_eq!(o.status.code(), Some(1));
    let err = stderr(&o);
    assert!(
        err.contains("unknown source \"nope\"") && err.contains("000_ca07ce851ffc04f2"),
        "{err}"
    );
    assert!(!out.exists());
}

#[test]
fn missing_input_fails_cleanly() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("chart.png");
    let o = linkchart(&["export", "/no/such/folder", "--out", out.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("/no/such/folder"));
    assert!(!out.exists());
}
