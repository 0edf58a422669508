//! The `.linkchart` file: round trips, atomic save, migration, and every kind of bad file.

use std::path::{Path, PathBuf};
use std::time::SystemTime;

use linkchart::chart::ChartState;
use linkchart::model::edit::{Edit, EditHistory, NodeMove};
use linkchart::model::{
    DocIdx, Entity, EntityId, EntityType, Evidence, Link, LinkId, LinkKind, Mention, Model,
    SourceGrade, Span,
};
use linkchart::workspace::{
    self, RecentFiles, RecoveryStore, Workspace, WorkspaceError, synthetic::synthetic_workspace,
};

fn dir() -> tempfile::TempDir {
    tempfile::tempdir().expect("temp dir")
}

/// Bytes (the length alone for huge files) and modification time, to show a file was left alone.
fn fingerprint(p: &Path) -> (Vec<u8>, u64, SystemTime) {
    let len = std::fs::metadata(p).expect("meta").len();
    let bytes = if len < 100 << 20 {
        std::fs::read(p).expect("read")
    } else {
        Vec::new()
    };
    let mtime = std::fs::metadata(p)
        .and_then(|m| m.modified())
        .expect("mtime");
    (bytes, len, mtime)
}

fn files_in(d: &Path) -> Vec<String> {
    let mut v: Vec<String> = std::fs::read_dir(d)
        .expect("list")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .collect();
    v.sort();
    v
}

/// Open a file that must be refused: the error names the file, and the file is untouched.
fn refused(p: &Path) -> WorkspaceError {
    let before = fingerprint(p);
    let Err(err) = workspace::open(p) else {
        panic!("{}: a bad file must be refused", p.display());
    };
    assert_eq!(err.path(), p);
    let msg = err.to_string();
    assert!(
        msg.contains(&p.display().to_string()),
        "message names the file: {msg}"
    );
    assert!(!msg.contains('\n'), "one line: {msg}");
    assert_eq!(fingerprint(p), before, "opening must not touch the file");
    err
}

/// Every kind of edit, on a workspace with at least five entities and two documents.
fn apply_every_kind_of_edit(ws: &mut Workspace) {
    let mut h = EditHistory::new(ws.next_ids);
    let ids: Vec<EntityId> = ws.model.entities.iter().map(|e| e.id).collect();
    assert!(ids.len() >= 5, "need five entities, have {}", ids.len());
    let (a, b, c, d, e) = (ids[0], ids[1], ids[2], ids[3], ids[4]);
    let with_alias = ws
        .model
        .entities
        .iter()
        .find(|x| !x.aliases.is_empty() && ![a, b].contains(&x.id))
        .map(|x| (x.id, x.aliases[0].clone()));
    let mut edits = vec![
        Edit::Merge { keep: a, absorb: b },
        Edit::Rename {
            entity: c,
            name: "Renamed — by the analyst".into(),
        },
        Edit::SetType {
            entity: c,
            kind: if ws.model.entities[2].kind == EntityType::Event {
                EntityType::Facility
            } else {
                EntityType::Event
            },
        },
        Edit::SetCountries {
            entity: d,
            countries: vec!["Qatar".into(), "Iran".into()],
        },
        Edit::AddLink {
            from: c,
            to: d,
            label: "financed".into(),
            directed: true,
        },
        Edit::SetEntityNote {
            entity: a,
            note: "Two sources disagree.\nSee \"report\".".into(),
        },
        Edit::GradeSource {
            document: DocIdx(0),
            grade: SourceGrade::new('A', 1),
        },
        Edit::Move {
            moves: vec![NodeMove {
                entity: d,
                from: None,
                to: [-12.5, 33.25],
            }],
            pin: true,
        },
        Edit::SetHidden {
            entities: vec![e],
            hidden: true,
        },
        Edit::DeleteEntity { entity: e },
    ];
    if let Some((id, alias)) = with_alias {
        edits.push(Edit::SplitAlias { entity: id, alias });
    }
    // The manual link is the last one: relabel it, then delete the first surviving link.
    for edit in edits {
        h.apply(&mut ws.model, &mut ws.chart, edit.clone())
            .unwrap_or_else(|err| panic!("{edit:?}: {err}"));
    }
    let manual = ws.model.links.last().map(|l| l.id).expect("links");
    h.apply(
        &mut ws.model,
        &mut ws.chart,
        Edit::RelabelLink {
            link: manual,
            label: "funded".into(),
        },
    )
    .expect("relabel");
    h.apply(
        &mut ws.model,
        &mut ws.chart,
        Edit::SetLinkNote {
            link: manual,
            note: "weak: one source".into(),
        },
    )
    .expect("link note");
    let first = ws.model.links.first().map(|l| l.id).expect("links");
    h.apply(
        &mut ws.model,
        &mut ws.chart,
        Edit::DeleteLink { link: first },
    )
    .expect("delete link");
    ws.chart.selection.insert(a);
    ws.chart.selected_link = Some(manual);
    ws.chart.view.center = [10.5, -3.0];
    ws.chart.view.zoom = 1.75;
    ws.chart.filters.countries.insert("Iran".into());
    ws.chart.filters.hidden_types.insert(EntityType::Place);
    ws.chart.filters.date_range = Some(("2020-01-01".into(), "2020-12-31".into()));
    ws.next_ids = h.id_floor(&ws.model);
}

fn assert_round_trip(ws: &Workspace) {
    let d = dir();
    let p1 = d.path().join("a.linkchart");
    let p2 = d.path().join("b.linkchart");
    workspace::save(&p1, ws).expect("save");
    let back = workspace::open(&p1).expect("open");
    assert_eq!(&back, ws, "reopening gives back exactly what was saved");
    workspace::save(&p2, &back).expect("save again");
    assert_eq!(
        std::fs::read(&p1).expect("read"),
        std::fs::read(&p2).expect("read"),
        "save → open → save gives the same bytes"
    );
    assert_eq!(
        files_in(d.path()),
        ["a.linkchart", "b.linkchart"],
        "no temp files left"
    );
}

/// The seeds workspace. While the extractor is a stand-in that finds few entities, add entities
/// for names found in the seed texts, so every edit has something to work on.
fn seeds_workspace() -> Workspace {
    let mut ws = workspace::new_from_documents(linkchart::corpus::bundled().documents);
    if ws.model.entities.len() < 5 {
        let names = [
            "Iran",
            "Russia",
            "China",
            "Taliban",
            "Afghanistan",
            "Pentagon",
        ];
        let mut entities = Vec::new();
        for name in names {
            let mut mentions = Vec::new();
            for (di, doc) in ws.model.documents.iter().enumerate() {
                for (si, s) in doc.sentences.iter().enumerate() {
                    let text = &doc.text[s.range()];
                    if let Some(off) = text.find(name) {
                        let start = s.start as usize + off;
                        mentions.push(Mention {
                            doc: DocIdx(di as u32),
                            sentence: si as u32,
                            span: Span::new(start, start + name.len()),
                        });
                    }
                }
            }
            let id = EntityId(entities.len() as u32);
            entities.push(Entity {
                id,
                name: name.into(),
                kind: EntityType::Country,
                aliases: if name == "Iran" {
                    vec!["Islamic Republic".into()]
                } else {
                    vec![]
                },
                countries: vec![],
                mentions,
                note: None,
            });
        }
        let mut links = Vec::new();
        for (i, e) in entities.iter().enumerate().skip(1) {
            let m = e.mentions.first().copied();
            links.push(Link {
                id: LinkId(links.len() as u32),
                from: entities[0].id,
                to: e.id,
                label: "mentioned with".into(),
                kind: LinkKind::CoMention,
                directed: false,
                evidence: m
                    .map(|m| Evidence {
                        doc: m.doc,
                        sentence: m.sentence,
                        hedged: i % 2 == 0,
                    })
                    .into_iter()
                    .collect(),
                note: None,
            });
        }
        ws.model.entities = entities;
        ws.model.links = links;
        ws.chart.positions = workspace::circle_positions(&ws.model);
        ws.next_ids = ws.next_ids.at_least(&ws.model);
    }
    ws
}

#[test]
fn seeds_workspace_with_every_kind_of_edit_round_trips_byte_for_byte() {
    let mut ws = seeds_workspace();
    assert_eq!(ws.model.documents.len(), 4);
    assert_round_trip(&ws);
    apply_every_kind_of_edit(&mut ws);
    assert!(ws.model.documents[0].grade.is_some());
    assert_round_trip(&ws);
}

#[test]
fn synthetic_workspace_with_edits_round_trips() {
    let mut ws = synthetic_workspace(300, 3, 7, 1);
    apply_every_kind_of_edit(&mut ws);
    assert_round_trip(&ws);
}

#[test]
fn the_file_is_readable_json_with_format_and_version_first() {
    let d = dir();
    let p = d.path().join("w.linkchart");
    workspace::save(&p, &seeds_workspace()).expect("save");
    let text = std::fs::read_to_string(&p).expect("utf-8");
    assert!(text.starts_with("{\n  \"format\": \"linkchart-workspace\",\n  \"version\": 2,"));
    assert!(text.ends_with("}\n"));
    let v: serde_json::Value = serde_json::from_str(&text).expect("plain JSON");
    assert_eq!(v["model"]["documents"].as_array().map(Vec::len), Some(4));
    assert!(
        text.lines().count() > 50,
        "one member per line at the outer levels"
    );
}

#[test]
fn saving_replaces_the_old_file_and_leaves_no_temp_files() {
    let d = dir();
    let p = d.path().join("w.linkchart");
    std::fs::write(&p, b"old contents").expect("write");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(&p, std::fs::Permissions::from_mode(0o640)).expect("chmod");
    }
    let ws = synthetic_workspace(20, 2, 2, 3);
    workspace::save(&p, &ws).expect("save");
    assert_eq!(workspace::open(&p).expect("open"), ws);
    assert_eq!(files_in(d.path()), ["w.linkchart"]);
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&p).expect("meta").permissions().mode() & 0o777;
        assert_eq!(mode, 0o640, "the analyst's permissions are kept");
    }
}

#[test]
fn a_failed_save_leaves_the_old_file_and_no_temp_file() {
    let d = dir();
    // The target is a non-empty directory: the final rename fails after the data is written.
    let target = d.path().join("taken.linkchart");
    std::fs::create_dir(&target).expect("mkdir");
    std::fs::write(target.join("keep.txt"), b"precious").expect("write");
    let err = workspace::save(&target, &synthetic_workspace(10, 1, 1, 1)).expect_err("must fail");
    assert!(matches!(err, WorkspaceError::Write { .. }), "{err}");
    assert!(err.to_string().contains("taken.linkchart"));
    assert_eq!(files_in(d.path()), ["taken.linkchart"], "temp file removed");
    assert_eq!(
        std::fs::read(target.join("keep.txt")).expect("read"),
        b"precious"
    );
    // A missing folder is an error naming the file, not a panic.
    let missing = d.path().join("no/such/dir/w.linkchart");
    assert!(workspace::save(&missing, &Workspace::default()).is_err());
}

#[test]
fn a_good_file_is_not_touched_by_opening() {
    let d = dir();
    let p = d.path().join("w.linkchart");
    workspace::save(&p, &synthetic_workspace(50, 2, 3, 9)).expect("save");
    let before = fingerprint(&p);
    workspace::open(&p).expect("open");
    assert_eq!(fingerprint(&p), before);
    assert_eq!(files_in(d.path()), ["w.linkchart"]);
}

fn saved(ws: &Workspace) -> (tempfile::TempDir, PathBuf, String) {
    let d = dir();
    let p = d.path().join("w.linkchart");
    workspace::save(&p, ws).expect("save");
    let text = std::fs::read_to_string(&p).expect("read");
    (d, p, text)
}

#[test]
fn truncated_file() {
    let (_d, p, text) = saved(&synthetic_workspace(40, 2, 2, 5));
    std::fs::write(&p, &text.as_bytes()[..text.len() / 2]).expect("write");
    let err = refused(&p);
    assert!(matches!(err, WorkspaceError::Truncated { .. }), "{err}");
    assert!(err.to_string().contains("truncated"));
    std::fs::write(&p, b"").expect("write");
    assert!(matches!(refused(&p), WorkspaceError::Truncated { .. }));
}

#[test]
fn random_bytes() {
    let d = dir();
    let p = d.path().join("noise.linkchart");
    let mut x: u64 = 0x1234_5678;
    let bytes: Vec<u8> = (0..4096)
        .map(|_| {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            (x >> 24) as u8
        })
        .collect();
    std::fs::write(&p, &bytes).expect("write");
    let err = refused(&p);
    assert!(
        matches!(err, WorkspaceError::Syntax { .. }),
        "random bytes are not JSON: {err}"
    );
}

#[test]
fn valid_json_of_another_shape() {
    let d = dir();
    let p = d.path().join("other.linkchart");
    for text in [
        r#"[1, 2, 3]"#,
        r#""linkchart-workspace""#,
        r#"{"documents": [], "entities": [], "links": []}"#,
        r#"{"format": "something-else", "version": 1}"#,
        r#"{"format": 7}"#,
    ] {
        std::fs::write(&p, text).expect("write");
        let err = refused(&p);
        assert!(
            matches!(err, WorkspaceError::NotAWorkspace { .. }),
            "{text}: {err}"
        );
        assert!(err.to_string().contains("not a linkchart workspace"));
    }
    // The right header over the wrong body: damaged, with a line and column.
    std::fs::write(
        &p,
        r#"{"format": "linkchart-workspace", "version": 2, "model": {"documents": 3}, "chart": {}}"#,
    )
    .expect("write");
    let err = refused(&p);
    assert!(matches!(err, WorkspaceError::Schema { .. }), "{err}");
    // Trailing garbage after a good workspace.
    let (_d2, p2, text) = saved(&synthetic_workspace(3, 1, 1, 1));
    std::fs::write(&p2, format!("{text} {{}}")).expect("write");
    assert!(matches!(refused(&p2), WorkspaceError::Syntax { .. }));
}

#[test]
fn newer_version_is_refused_by_name() {
    let (_d, p, text) = saved(&synthetic_workspace(5, 1, 1, 1));
    let newer = text.replacen("\"version\": 2", "\"version\": 9", 1);
    std::fs::write(&p, newer).expect("write");
    let err = refused(&p);
    assert!(
        matches!(err, WorkspaceError::Newer { found: 9, .. }),
        "{err}"
    );
    assert!(
        err.to_string()
            .contains("written by a newer linkchart (version 9; this one reads up to 2)"),
        "{err}"
    );
    // A newer file is refused on its header, whatever follows.
    std::fs::write(
        &p,
        r#"{"format": "linkchart-workspace", "version": 3, "model": {"new": "shape"}"#,
    )
    .expect("write");
    assert!(matches!(
        refused(&p),
        WorkspaceError::Newer { found: 3, .. }
    ));
}

#[test]
fn a_file_above_the_size_limit_is_refused_without_reading_it() {
    let d = dir();
    let p = d.path().join("huge.linkchart");
    // A sparse 3 GiB file: refusing it must not read (or allocate) 3 GiB.
    let f = std::fs::File::create(&p).expect("create");
    f.set_len(3 << 30).expect("sparse file");
    drop(f);
    let err = refused(&p);
    assert!(
        matches!(err, WorkspaceError::TooLarge { size, .. } if size == 3 << 30),
        "{err}"
    );
    assert!(err.to_string().contains("refused"));
    // The limit is the size, not the name: a real workspace over a smaller limit is refused too.
    let (_d2, p2, text) = saved(&synthetic_workspace(100, 2, 3, 1));
    let err = workspace::open_with_limit(&p2, text.len() as u64 - 1).expect_err("too large");
    assert!(matches!(err, WorkspaceError::TooLarge { .. }));
    assert!(workspace::open_with_limit(&p2, text.len() as u64).is_ok());
}

#[test]
fn a_directory_is_not_a_workspace() {
    let d = dir();
    let err = workspace::open(d.path()).expect_err("a directory");
    assert!(matches!(err, WorkspaceError::NotAFile { .. }), "{err}");
    let missing = d.path().join("missing.linkchart");
    assert!(matches!(
        workspace::open(&missing),
        Err(WorkspaceError::Read { .. })
    ));
}

/// Save `ws` after `damage`, expect an `Invalid` error whose message contains `says`.
fn invalid_after(damage: impl FnOnce(&mut Workspace), says: &str) {
    let mut ws = synthetic_workspace(30, 2, 3, 11);
    damage(&mut ws);
    let d = dir();
    let p = d.path().join("bad.linkchart");
    // Write without the writer's own clean-up, as a hand-edited or damaged file would be.
    let v = serde_json::json!({
        "format": "linkchart-workspace",
        "version": 2,
        "next_ids": ws.next_ids,
        "model": ws.model,
        "chart": ws.chart,
    });
    std::fs::write(&p, serde_json::to_vec_pretty(&v).expect("json")).expect("write");
    let err = refused(&p);
    assert!(
        matches!(err, WorkspaceError::Invalid { .. }),
        "expected Invalid for {says}: {err}"
    );
    assert!(err.to_string().contains(says), "{err} should say {says:?}");
}

#[test]
fn offsets_outside_their_documents_are_refused() {
    invalid_after(
        |ws| {
            let len = ws.model.documents[0].text.len();
            ws.model.entities[0].mentions[0].span = Span::new(len - 2, len + 10);
        },
        "outside document",
    );
    invalid_after(
        |ws| {
            // "Entité": the é is two bytes; end the span inside it.
            let m = ws.model.entities[0].mentions[0];
            ws.model.entities[0].mentions[0].span =
                Span::new(m.span.start as usize, m.span.start as usize + 6);
        },
        "splits a character",
    );
    invalid_after(
        |ws| {
            let len = ws.model.documents[1].text.len() as u32;
            ws.model.documents[1].sentences[0] = Span {
                start: 3,
                end: len + 1,
            };
        },
        "sentence 0",
    );
    invalid_after(
        |ws| ws.model.entities[2].mentions[0].doc = DocIdx(77),
        "document #77 does not exist",
    );
    invalid_after(
        |ws| ws.model.entities[2].mentions[0].sentence = 10_000,
        "has no sentence 10000",
    );
    invalid_after(
        |ws| ws.model.links[0].evidence[0].sentence = 10_000,
        "evidence",
    );
}

#[test]
fn broken_ids_and_references_are_refused() {
    invalid_after(|ws| ws.model.entities.swap(0, 1), "entity ids");
    invalid_after(
        |ws| {
            let dup = ws.model.links[0].clone();
            ws.model.links.insert(1, dup);
        },
        "link ids",
    );
    invalid_after(
        |ws| ws.model.links[0].to = EntityId(5_000),
        "points at e5000",
    );
    invalid_after(
        |ws| ws.model.documents[1].id = ws.model.documents[0].id.clone(),
        "two documents",
    );
    invalid_after(
        |ws| {
            ws.model.documents[0].grade = Some(SourceGrade {
                reliability: 'Z',
                credibility: 9,
            })
        },
        "Admiralty",
    );
    invalid_after(|ws| ws.chart.view.zoom = 0.0, "view");
}

#[test]
fn a_position_too_large_for_the_chart_is_refused() {
    let (_d, p, text) = saved(&synthetic_workspace(3, 1, 1, 1));
    let v: serde_json::Value = serde_json::from_str(&text).expect("json");
    let first = v["chart"]["positions"]["e0"].to_string();
    // 1e39 does not fit an f32: it would become infinity.
    let bad = text.replacen(&first.replace(',', ", "), "[1e39, 0.0]", 1);
    assert_ne!(bad, text, "position found in the file");
    std::fs::write(&p, bad).expect("write");
    let err = refused(&p);
    assert!(err.to_string().contains("not a finite number"), "{err}");
}

#[test]
fn leftover_chart_entries_for_missing_entities_are_dropped_not_fatal() {
    let mut ws = synthetic_workspace(10, 1, 1, 2);
    ws.chart.positions.insert(EntityId(999), [1.0, 2.0]);
    ws.chart.pinned.insert(EntityId(999));
    ws.chart.selected_link = Some(LinkId(999));
    let d = dir();
    let p = d.path().join("w.linkchart");
    workspace::save(&p, &ws).expect("save");
    let back = workspace::open(&p).expect("open");
    assert!(!back.chart.positions.contains_key(&EntityId(999)));
    assert!(back.chart.pinned.is_empty());
    assert_eq!(back.chart.selected_link, None);
}

#[test]
fn version_1_files_are_migrated() {
    let mut ws = synthetic_workspace(12, 2, 2, 4);
    ws.model.documents[1].grade = SourceGrade::new('E', 5);
    ws.chart.pinned.insert(EntityId(3));
    let (_d, p, text) = saved(&ws);
    // Turn the v2 file into the v1 shape: string grades, a position list, no next_ids.
    let mut v: serde_json::Value = serde_json::from_str(&text).expect("json");
    v["version"] = 1.into();
    v.as_object_mut().expect("object").remove("next_ids");
    for doc in v["model"]["documents"].as_array_mut().expect("docs") {
        if let Some(g) = doc.get("grade").cloned() {
            let s = format!(
                "{}{}",
                g["reliability"].as_str().expect("r"),
                g["credibility"]
            );
            doc["grade"] = s.into();
        }
    }
    let positions: Vec<serde_json::Value> = v["chart"]["positions"]
        .as_object()
        .expect("map")
        .iter()
        .map(|(id, p)| serde_json::json!({"id": id, "x": p[0], "y": p[1]}))
        .collect();
    v["chart"]["positions"] = positions.into();
    let v1 = serde_json::to_string_pretty(&v).expect("json");
    assert!(v1.contains("\"grade\": \"B2\"") && v1.contains("\"grade\": \"E5\""));
    std::fs::write(&p, v1).expect("write");
    let back = workspace::open(&p).expect("v1 opens");
    assert_eq!(back, ws, "v1 migrates to the same workspace");
    // A damaged v1 grade is reported, not guessed.
    let bad = serde_json::to_string(&v)
        .expect("json")
        .replacen("\"B2\"", "\"B22\"", 1);
    std::fs::write(&p, bad).expect("write");
    assert!(refused(&p).to_string().contains("is not like \"B2\""));
}

#[test]
fn a_large_workspace_streams_in() {
    let ws = synthetic_workspace(20_000, 3, 50, 8);
    let (_d, p, text) = saved(&ws);
    assert!(text.len() > 5_000_000, "{} bytes", text.len());
    assert_eq!(workspace::open(&p).expect("open"), ws);
}

#[test]
fn recovery_is_written_found_and_cleared() {
    let d = dir();
    let store = RecoveryStore::new(d.path().join("data"));
    assert!(store.take().expect("no recovery yet").is_none());
    let ws = synthetic_workspace(15, 2, 2, 6);
    let source = d.path().join("case.linkchart");
    store.write(&ws, Some(&source)).expect("write");
    let r = store.take().expect("read").expect("a recovery");
    assert_eq!(r.workspace, ws);
    assert_eq!(r.source.as_deref(), Some(source.as_path()));
    assert!(r.written.is_some());
    // Taking does not delete: a crash while the analyst decides keeps it.
    assert!(store.take().expect("read").is_some());
    store.write(&ws, None).expect("overwrite");
    assert_eq!(store.take().expect("read").expect("recovery").source, None);
    store.clear().expect("clear");
    assert!(store.take().expect("read").is_none());
    store.clear().expect("clearing twice is fine");
    // A damaged recovery file is reported, not silently dropped.
    std::fs::write(store.path(), b"{\"format\": ").expect("write");
    assert!(store.take().is_err());
}

#[test]
fn recent_files_keep_ten_most_recent_first_and_drop_missing_files() {
    let d = dir();
    let list_path = d.path().join("config/recent.json");
    let mut recent = RecentFiles::default();
    let files: Vec<PathBuf> = (0..12)
        .map(|i| {
            let p = d.path().join(format!("w{i}.linkchart"));
            std::fs::write(&p, b"{}").expect("write");
            p
        })
        .collect();
    for p in &files {
        recent.add(p);
    }
    recent.add(&files[5]);
    assert_eq!(recent.paths.len(), 10);
    let canon = |p: &Path| std::fs::canonicalize(p).expect("canon");
    assert_eq!(recent.paths[0], canon(&files[5]), "most recent first");
    assert_eq!(recent.paths[1], canon(&files[11]));
    assert_eq!(
        recent
            .paths
            .iter()
            .filter(|p| **p == canon(&files[5]))
            .count(),
        1
    );
    recent.save(&list_path).expect("save");
    std::fs::remove_file(&files[11]).expect("rm");
    let loaded = RecentFiles::load(&list_path);
    assert_eq!(loaded.paths.len(), 9, "the deleted file is dropped");
    assert!(
        !loaded
            .paths
            .contains(&canon(&files[10]).with_file_name("w11.linkchart"))
    );
    // A damaged list is an empty one.
    std::fs::write(&list_path, b"garbage").expect("write");
    assert!(RecentFiles::load(&list_path).paths.is_empty());
}

#[test]
fn a_new_workspace_from_the_seeds_has_positions_for_every_entity() {
    let ws = workspace::new_from_documents(linkchart::corpus::bundled().documents);
    assert_eq!(ws.model.documents.len(), 4);
    for e in &ws.model.entities {
        assert!(ws.chart.positions.contains_key(&e.id));
    }
    let _unused: &Model = &ws.model;
    let _chart: &ChartState = &ws.chart;
}
