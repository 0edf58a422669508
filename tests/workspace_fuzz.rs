//! Fuzzing the workspace reader (proptest): arbitrary bytes and mutated valid workspaces never
//! panic; they either load — and then everything the rest of the program indexes is in range —
//! or give an error naming the file.
//!
//! More cases: `PROPTEST_CASES=100000 cargo test --release --test workspace_fuzz`.

use std::path::Path;
use std::sync::OnceLock;

use proptest::prelude::*;
use serde_json::Value;

use linkchart::model::edit::{Edit, EditHistory};
use linkchart::workspace::{self, Workspace, synthetic::synthetic_workspace};

const PATH: &str = "fuzz.linkchart";

/// A small valid workspace file with every feature present (grades, notes, hidden, pins, …).
fn valid_file() -> &'static str {
    static FILE: OnceLock<String> = OnceLock::new();
    FILE.get_or_init(|| {
        let mut ws = synthetic_workspace(8, 2, 3, 42);
        let mut h = EditHistory::new(ws.next_ids);
        let edits = [
            Edit::SetHidden {
                entities: vec![ws.model.entities[1].id],
                hidden: true,
            },
            Edit::SetPinned {
                entities: vec![ws.model.entities[2].id],
                pinned: true,
            },
            Edit::SetEntityNote {
                entity: ws.model.entities[3].id,
                note: "é — note".into(),
            },
        ];
        for e in edits {
            h.apply(&mut ws.model, &mut ws.chart, e).expect("edit");
        }
        ws.chart.selection.insert(ws.model.entities[0].id);
        ws.chart.filters.countries.insert("Iran".into());
        let mut out = Vec::new();
        workspace::write_to(&mut out, &ws).expect("write");
        String::from_utf8(out).expect("utf-8")
    })
}

/// What the rest of the program does with a loaded workspace must not panic.
fn use_everything(ws: &Workspace) {
    let m = &ws.model;
    for d in &m.documents {
        for s in &d.sentences {
            let _ = &d.text[s.range()];
        }
    }
    for e in &m.entities {
        for mention in &e.mentions {
            let d = &m.documents[mention.doc.0 as usize];
            let _ = &d.text[mention.span.range()];
            let _ = &d.sentences[mention.sentence as usize];
        }
        let _ = e.documents();
    }
    for l in &m.links {
        assert!(m.entity(l.from).is_some() && m.entity(l.to).is_some());
        for ev in &l.evidence {
            let d = &m.documents[ev.doc.0 as usize];
            let _ = &d.sentences[ev.sentence as usize];
        }
        let _ = m.confidence(l);
    }
    let _ = linkchart::chart::visible(m, &ws.chart);
    let _ = m.country_counts();
    // And it saves again and reopens to the same workspace.
    let mut out = Vec::new();
    workspace::write_to(&mut out, ws).expect("save a loaded workspace");
    let back = workspace::read_from(&out[..], Path::new(PATH)).expect("reopen");
    assert_eq!(&back, ws);
}

fn check(bytes: &[u8]) {
    // Streamed and in-memory reading agree.
    let in_memory = workspace::read_from_slice(bytes, Path::new(PATH));
    match workspace::read_from(bytes, Path::new(PATH)) {
        Ok(ws) => {
            assert_eq!(in_memory.as_ref().ok(), Some(&ws));
            use_everything(&ws);
        }
        Err(e) => {
            let msg = e.to_string();
            assert!(msg.starts_with(PATH), "error names the file: {msg}");
            // The same kind of error (serde_json's column may differ by one between the two).
            let kind = |e: &workspace::WorkspaceError| std::mem::discriminant(e);
            assert_eq!(in_memory.err().as_ref().map(kind), Some(kind(&e)), "{msg}");
        }
    }
}

/// Every number in a JSON value, by JSON pointer.
fn number_pointers(v: &Value, at: String, out: &mut Vec<String>) {
    match v {
        Value::Number(_) => out.push(at),
        Value::Array(a) => {
            for (i, x) in a.iter().enumerate() {
                number_pointers(x, format!("{at}/{i}"), out);
            }
        }
        Value::Object(o) => {
            for (k, x) in o {
                let k = k.replace('~', "~0").replace('/', "~1");
                number_pointers(x, format!("{at}/{k}"), out);
            }
        }
        _ => {}
    }
}

fn number_strategy() -> impl Strategy<Value = Value> {
    prop_oneof![
        (0u64..600).prop_map(Value::from),
        any::<u32>().prop_map(Value::from),
        any::<i64>().prop_map(Value::from),
        any::<f64>()
            .prop_filter("JSON has no NaN or infinity", |f| f.is_finite())
            .prop_map(Value::from),
        Just(Value::from(u64::MAX)),
    ]
}

#[derive(Debug, Clone)]
enum Mutation {
    Flip { at: usize, bits: u8 },
    Delete { at: usize, len: usize },
    Insert { at: usize, bytes: Vec<u8> },
    Truncate { at: usize },
    Duplicate { at: usize, len: usize },
}

fn mutation() -> impl Strategy<Value = Mutation> {
    prop_oneof![
        (any::<usize>(), 1u8..=255).prop_map(|(at, bits)| Mutation::Flip { at, bits }),
        (any::<usize>(), 1usize..64).prop_map(|(at, len)| Mutation::Delete { at, len }),
        (
            any::<usize>(),
            prop::collection::vec(
                prop_oneof![
                    any::<u8>(),
                    prop::sample::select(b"{}[],:\"0123456789-.eE \\n".to_vec())
                ],
                1..16
            )
        )
            .prop_map(|(at, bytes)| Mutation::Insert { at, bytes }),
        any::<usize>().prop_map(|at| Mutation::Truncate { at }),
        (any::<usize>(), 1usize..200).prop_map(|(at, len)| Mutation::Duplicate { at, len }),
    ]
}

fn mutate(mut b: Vec<u8>, m: &Mutation) -> Vec<u8> {
    let n = b.len().max(1);
    match m {
        Mutation::Flip { at, bits } => {
            let i = at % n;
            if let Some(x) = b.get_mut(i) {
                *x ^= bits;
            }
        }
        Mutation::Delete { at, len } => {
            let i = at % n;
            let j = (i + len).min(b.len());
            b.drain(i.min(j)..j);
        }
        Mutation::Insert { at, bytes } => {
            let i = at % n;
            b.splice(i..i, bytes.iter().copied());
        }
        Mutation::Truncate { at } => b.truncate(at % n),
        Mutation::Duplicate { at, len } => {
            let i = at % n;
            let j = (i + len).min(b.len());
            let copy: Vec<u8> = b[i.min(j)..j].to_vec();
            b.splice(i..i, copy);
        }
    }
    b
}

proptest! {
    #![proptest_config(ProptestConfig {
        cases: std::env::var("PROPTEST_CASES").ok().and_then(|s| s.parse().ok()).unwrap_or(2000),
        failure_persistence: None,
        ..ProptestConfig::default()
    })]

    #[test]
    fn arbitrary_bytes_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..2048)) {
        check(&bytes);
    }

    #[test]
    fn arbitrary_json_looking_text_never_panics(
        prefix in prop::sample::select(vec![
            "", "{", "{\"format\": \"linkchart-workspace\", \"version\": 2, ",
            "{\"format\": \"linkchart-workspace\", \"version\": 1, ",
        ]),
        body in "[{}\\[\\],:\"a-z0-9 .\\-]{0,200}",
    ) {
        check(format!("{prefix}{body}").as_bytes());
    }

    #[test]
    fn byte_mutations_of_a_valid_file_never_panic(
        muts in prop::collection::vec(mutation(), 1..4),
    ) {
        let mut b = valid_file().as_bytes().to_vec();
        for m in &muts {
            b = mutate(b, m);
        }
        check(&b);
    }

    #[test]
    fn any_number_in_a_valid_file_can_be_anything(
        pick in any::<prop::sample::Index>(),
        value in number_strategy(),
        v1 in any::<bool>(),
    ) {
        let mut v: Value = serde_json::from_str(valid_file()).expect("valid");
        if v1 {
            // Exercise the migration path too: a v1 header over the current body.
            v["version"] = 1.into();
        }
        let mut ptrs = Vec::new();
        number_pointers(&v, String::new(), &mut ptrs);
        let ptr = pick.get(&ptrs).clone();
        if let Some(slot) = v.pointer_mut(&ptr) {
            *slot = value;
        }
        check(serde_json::to_string(&v).expect("json").as_bytes());
    }
}

#[test]
fn the_valid_file_itself_loads() {
    let ws = workspace::read_from(valid_file().as_bytes(), Path::new(PATH)).expect("loads");
    use_everything(&ws);
    assert!(!ws.chart.hidden.is_empty() && !ws.chart.pinned.is_empty());
}
