//! `linkchart extract CORPUS --json`: the schema of DESIGN.md and the exit codes.

use std::collections::HashSet;
use std::process::Command;

use serde_json::Value;

fn linkchart() -> Command {
    Command::new(env!("CARGO_BIN_EXE_linkchart"))
}

fn seeds() -> std::path::PathBuf {
    std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds")
}

#[test]
fn json_follows_the_design_schema() {
    let out = linkchart()
        .args(["extract"])
        .arg(seeds())
        .arg("--json")
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let model: Value = serde_json::from_slice(&out.stdout).expect("stdout is JSON");

    let docs = model["documents"].as_array().unwrap();
    assert_eq!(docs.len(), 4);
    let doc_ids: HashSet<&str> = docs.iter().map(|d| d["id"].as_str().unwrap()).collect();
    assert!(
        doc_ids.contains("000_ca07ce851ffc04f2"),
        "document id is the file stem"
    );
    for d in docs {
        for key in ["id", "path", "title", "outlet", "date"] {
            assert!(
                d.get(key).is_some(),
                "document field {key} present (null when unknown)"
            );
        }
        assert!(d["date"].is_null() || d["date"].as_str().unwrap().len() == 10);
    }
    assert_eq!(docs[0]["outlet"], "Al-Monitor");
    assert_eq!(docs[0]["date"], "2020-08-17");

    let types = [
        "person",
        "organization",
        "country",
        "place",
        "facility",
        "event",
        "other",
    ];
    let entities = model["entities"].as_array().unwrap();
    let mut ids = HashSet::new();
    for e in entities {
        let id = e["id"].as_str().unwrap();
        assert!(
            id.starts_with('e') && ids.insert(id),
            "entity ids unique: {id}"
        );
        assert!(!e["name"].as_str().unwrap().is_empty());
        assert!(types.contains(&e["type"].as_str().unwrap()), "{e}");
        assert!(e["aliases"].is_array() && e["countries"].is_array());
        for d in e["documents"].as_array().unwrap() {
            assert!(doc_ids.contains(d.as_str().unwrap()));
        }
    }
    for l in model["links"].as_array().unwrap() {
        assert!(
            ids.contains(l["from"].as_str().unwrap()) && ids.contains(l["to"].as_str().unwrap())
        );
        assert!(!l["label"].as_str().unwrap().is_empty());
        let evidence = l["evidence"].as_array().unwrap();
        assert!(
            !evidence.is_empty(),
            "every extracted link has evidence: {l}"
        );
        for ev in evidence {
            assert!(doc_ids.contains(ev["document"].as_str().unwrap()));
            assert!(!ev["text"].as_str().unwrap().is_empty());
        }
    }
}

#[test]
fn bad_corpus_exits_1_with_one_line_naming_it() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("empty.txt"), b"").unwrap();
    for path in [dir.path().to_path_buf(), dir.path().join("missing")] {
        let out = linkchart()
            .arg("extract")
            .arg(&path)
            .arg("--json")
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(1));
        assert!(out.stdout.is_empty(), "nothing partial on stdout");
        let err = String::from_utf8(out.stderr).unwrap();
        assert_eq!(err.trim_end().lines().count(), 1, "{err}");
        assert!(err.contains(&path.display().to_string()), "{err}");
    }
}

#[test]
fn skipped_files_are_named_on_stderr_and_the_rest_extracted() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("a.txt"),
        "Officials in Kabul said the talks would resume.\n",
    )
    .unwrap();
    std::fs::write(dir.path().join("b.txt"), b"\0\0\0binary").unwrap();
    let out = linkchart()
        .arg("extract")
        .arg(dir.path())
        .arg("--json")
        .output()
        .unwrap();
    assert!(out.status.success());
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(err.contains("b.txt") && err.contains("binary"), "{err}");
    let model: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(model["documents"].as_array().unwrap().len(), 1);
}

#[test]
fn workspace_output_reopens_laid_out_with_every_entity_placed() {
    let dir = tempfile::tempdir().unwrap();
    let out_path = dir.path().join("seeds.linkchart");
    let out = linkchart()
        .arg("extract")
        .arg(seeds())
        .arg("--workspace")
        .arg(&out_path)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let ws = linkchart::workspace::open(&out_path).expect("the written workspace reopens");
    assert_eq!(ws.model.documents.len(), 4);
    assert!(!ws.model.entities.is_empty());
    for e in &ws.model.entities {
        let p = ws
            .chart
            .positions
            .get(&e.id)
            .expect("every entity laid out");
        assert!(p[0].is_finite() && p[1].is_finite());
    }
    // No temporary file is left beside it.
    let names: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(names.len(), 1, "{names:?}");
}
