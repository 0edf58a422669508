//! `linkchart layout`: edge list in, `id<TAB>x<TAB>y` out; bad input named, nothing partial.

use std::process::Command;

fn linkchart() -> Command {
    Command::new(env!("CARGO_BIN_EXE_linkchart"))
}

#[test]
fn lays_out_an_edge_list_with_text_and_integer_ids() {
    let dir = tempfile::tempdir().expect("temp dir");
    let edges = dir.path().join("g.txt");
    let mut text = String::from("# a comment\n\nalice bob\n");
    for i in 0..200 {
        text.push_str(&format!("{} {}\n", i, (i * 7 + 3) % 200));
    }
    text.push_str("bob 17\n");
    std::fs::write(&edges, text).expect("write");
    let out = dir.path().join("pos.tsv");
    let run = linkchart()
        .args(["layout", "--edges"])
        .arg(&edges)
        .args(["--iterations", "50", "--threads", "1", "--out"])
        .arg(&out)
        .output()
        .expect("run");
    assert!(
        run.status.success(),
        "{}",
        String::from_utf8_lossy(&run.stderr)
    );
    let stderr = String::from_utf8_lossy(&run.stderr);
    assert!(stderr.contains("per iteration"), "{stderr}");
    let tsv = std::fs::read_to_string(&out).expect("output");
    let lines: Vec<&str> = tsv.lines().collect();
    assert_eq!(lines.len(), 202, "one line per node");
    assert!(lines[0].starts_with("alice\t") && lines[1].starts_with("bob\t"));
    for line in lines {
        let f: Vec<&str> = line.split('\t').collect();
        assert_eq!(f.len(), 3, "{line}");
        let x: f32 = f[1].parse().expect("x");
        let y: f32 = f[2].parse().expect("y");
        assert!(x.is_finite() && y.is_finite());
    }
}

#[test]
fn a_malformed_line_fails_naming_file_and_line_and_writes_nothing() {
    let dir = tempfile::tempdir().expect("temp dir");
    let edges = dir.path().join("bad.txt");
    std::fs::write(&edges, "1 2\n2 3\n3 4 5\n").expect("write");
    let out = dir.path().join("pos.tsv");
    let run = linkchart()
        .args(["layout", "--edges"])
        .arg(&edges)
        .arg("--out")
        .arg(&out)
        .output()
        .expect("run");
    assert_eq!(run.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&run.stderr);
    assert!(stderr.contains("bad.txt:3:"), "{stderr}");
    assert_eq!(stderr.trim().lines().count(), 1, "one line: {stderr}");
    assert!(!out.exists());
}

#[test]
fn a_missing_file_or_zero_threads_is_an_error() {
    let dir = tempfile::tempdir().expect("temp dir");
    let out = dir.path().join("pos.tsv");
    let missing = linkchart()
        .args(["layout", "--edges", "/nonexistent/edges.txt", "--out"])
        .arg(&out)
        .output()
        .expect("run");
    assert_eq!(missing.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&missing.stderr).contains("/nonexistent/edges.txt"));

    let edges = dir.path().join("g.txt");
    std::fs::write(&edges, "a b\n").expect("write");
    let zero = linkchart()
        .args(["layout", "--threads", "0", "--edges"])
        .arg(&edges)
        .arg("--out")
        .arg(&out)
        .output()
        .expect("run");
    assert_eq!(zero.status.code(), Some(1));
    assert!(!out.exists());
}
