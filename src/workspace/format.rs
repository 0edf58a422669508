//! The JSON shape of a workspace, its versions, and the writer's layout.
//!
//! Versions:
//! - **1** (pre-release files): a document's `grade` was a string (`"B2"`), chart positions were
//!   a list `[{"id": "e1", "x": 0.0, "y": 0.0}, …]`, and there was no `next_ids`.
//! - **2** (current): `grade` is `{"reliability": "B", "credibility": 2}`, positions are a map
//!   `{"e1": [0.0, 0.0], …}`, and `next_ids` keeps ids from being reused.
//!
//! The writer puts `format` and `version` first, so the reader knows the version before the bulk
//! of the file: a current file streams straight into the typed model; an older one is read as a
//! JSON value and migrated; a newer one is refused without reading further.

use std::cell::RefCell;
use std::fmt;
use std::io::{self, Read, Write};
use std::path::Path;

use serde::de::{self, DeserializeSeed, IgnoredAny, MapAccess, Visitor};
use serde::{Deserialize, Serialize};
use serde_json::Value;

use super::{Workspace, WorkspaceError};
use crate::chart::ChartState;
use crate::model::Model;
use crate::model::edit::IdFloor;

/// The `format` name every workspace file carries.
pub const FORMAT_NAME: &str = "linkchart-workspace";

/// The version this build writes, and the newest it reads.
pub const CURRENT_VERSION: u64 = 2;

#[derive(Serialize)]
struct FileOut<'a> {
    format: &'a str,
    version: u64,
    next_ids: IdFloor,
    model: &'a Model,
    chart: &'a ChartState,
}

/// Write `ws` as workspace JSON. Chart entries of entities that are not in the model, and
/// positions that are not finite numbers, are left out: they could not be read back.
pub fn write_to<W: Write>(w: W, ws: &Workspace) -> io::Result<()> {
    let clean;
    let chart = if super::validate::chart_is_clean(&ws.model, &ws.chart) {
        &ws.chart
    } else {
        let mut c = ws.chart.clone();
        super::validate::clean_chart(&ws.model, &mut c);
        clean = c;
        &clean
    };
    let out = FileOut {
        format: FORMAT_NAME,
        version: CURRENT_VERSION,
        next_ids: ws.next_ids.at_least(&ws.model),
        model: &ws.model,
        chart,
    };
    let mut ser = serde_json::Serializer::with_formatter(w, Layout::default());
    out.serialize(&mut ser).map_err(io::Error::other)?;
    let mut w = ser.into_inner();
    w.write_all(b"\n")
}

/// What the reader learnt on its way, to turn a serde error into a precise message.
#[derive(Default)]
struct Progress {
    saw_format: bool,
    problem: Option<Problem>,
}

enum Problem {
    WrongFormat(String),
    Newer(u64),
    UnknownVersion(u64),
}

enum Part<T> {
    Typed(T),
    Raw(Value),
}

struct Parsed {
    version: Option<u64>,
    next_ids: Option<Part<IdFloor>>,
    model: Option<Part<Model>>,
    chart: Option<Part<ChartState>>,
}

struct FileSeed<'a>(&'a RefCell<Progress>);

impl<'de> DeserializeSeed<'de> for FileSeed<'_> {
    type Value = Parsed;
    fn deserialize<D: de::Deserializer<'de>>(self, d: D) -> Result<Parsed, D::Error> {
        d.deserialize_map(self)
    }
}

impl<'de> Visitor<'de> for FileSeed<'_> {
    type Value = Parsed;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a linkchart workspace (a JSON object)")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Parsed, A::Error> {
        let mut out = Parsed {
            version: None,
            next_ids: None,
            model: None,
            chart: None,
        };
        fn part<'de, A: MapAccess<'de>, T: Deserialize<'de>>(
            map: &mut A,
            typed: bool,
        ) -> Result<Part<T>, A::Error> {
            Ok(if typed {
                Part::Typed(map.next_value()?)
            } else {
                Part::Raw(map.next_value()?)
            })
        }
        while let Some(key) = map.next_key::<String>()? {
            // Stream straight into the model only once the file said it is a current workspace.
            let typed = self.0.borrow().saw_format && out.version == Some(CURRENT_VERSION);
            match key.as_str() {
                "format" => {
                    let name: Value = map.next_value()?;
                    if name.as_str() != Some(FORMAT_NAME) {
                        self.0.borrow_mut().problem = Some(Problem::WrongFormat(name.to_string()));
                        return Err(de::Error::custom("wrong format"));
                    }
                    self.0.borrow_mut().saw_format = true;
                }
                "version" => {
                    let v: u64 = map.next_value()?;
                    if v > CURRENT_VERSION {
                        self.0.borrow_mut().problem = Some(Problem::Newer(v));
                        return Err(de::Error::custom("newer version"));
                    }
                    if v == 0 {
                        self.0.borrow_mut().problem = Some(Problem::UnknownVersion(v));
                        return Err(de::Error::custom("unknown version"));
                    }
                    out.version = Some(v);
                }
                "next_ids" => out.next_ids = Some(part(&mut map, typed)?),
                "model" => out.model = Some(part(&mut map, typed)?),
                "chart" => out.chart = Some(part(&mut map, typed)?),
                _ => {
                    map.next_value::<IgnoredAny>()?;
                }
            }
        }
        Ok(out)
    }
}

/// Read a workspace from `r`; `path` names the file in errors. Validates the result.
pub fn read_from<R: Read>(r: R, path: &Path) -> Result<Workspace, WorkspaceError> {
    read_json(serde_json::Deserializer::from_reader(r), path)
}

/// Read a workspace held in memory; about twice as fast as [`read_from`].
pub fn read_from_slice(bytes: &[u8], path: &Path) -> Result<Workspace, WorkspaceError> {
    read_json(serde_json::Deserializer::from_slice(bytes), path)
}

fn read_json<'de, R: serde_json::de::Read<'de>>(
    mut de: serde_json::Deserializer<R>,
    path: &Path,
) -> Result<Workspace, WorkspaceError> {
    let progress = RefCell::new(Progress::default());
    let parsed = FileSeed(&progress)
        .deserialize(&mut de)
        .and_then(|p| de.end().map(|()| p))
        .map_err(|e| json_error(e, &progress.borrow(), path))?;
    let saw_format = progress.borrow().saw_format;
    let not_ws = |reason: &str| WorkspaceError::NotAWorkspace {
        path: path.to_owned(),
        reason: reason.to_owned(),
    };
    if !saw_format {
        return Err(not_ws("no \"format\": \"linkchart-workspace\""));
    }
    let Some(version) = parsed.version else {
        return Err(not_ws("no \"version\""));
    };
    let (Some(model), Some(chart)) = (parsed.model, parsed.chart) else {
        return Err(WorkspaceError::Invalid {
            path: path.to_owned(),
            problem: "no \"model\" or no \"chart\"".into(),
        });
    };
    let mut ws = migrate(version, parsed.next_ids, model, chart).map_err(|problem| {
        WorkspaceError::Invalid {
            path: path.to_owned(),
            problem,
        }
    })?;
    super::validate::validate(&mut ws).map_err(|problem| WorkspaceError::Invalid {
        path: path.to_owned(),
        problem,
    })?;
    Ok(ws)
}

fn json_error(e: serde_json::Error, progress: &Progress, path: &Path) -> WorkspaceError {
    let path = path.to_owned();
    let (line, column) = (e.line(), e.column());
    match &progress.problem {
        Some(Problem::Newer(found)) => {
            return WorkspaceError::Newer {
                path,
                found: *found,
                supported: CURRENT_VERSION,
            };
        }
        Some(Problem::UnknownVersion(found)) => {
            return WorkspaceError::UnknownVersion {
                path,
                found: *found,
            };
        }
        Some(Problem::WrongFormat(name)) => {
            return WorkspaceError::NotAWorkspace {
                path,
                reason: format!("its format is {name}, not \"{FORMAT_NAME}\""),
            };
        }
        None => {}
    }
    match e.classify() {
        serde_json::error::Category::Io => WorkspaceError::Read {
            path,
            source: e.into(),
        },
        serde_json::error::Category::Eof => WorkspaceError::Truncated { path, line, column },
        serde_json::error::Category::Syntax => WorkspaceError::Syntax {
            path,
            line,
            column,
            message: strip_position(&e),
        },
        serde_json::error::Category::Data if !progress.saw_format => {
            WorkspaceError::NotAWorkspace {
                path,
                reason: strip_position(&e),
            }
        }
        serde_json::error::Category::Data => WorkspaceError::Schema {
            path,
            line,
            column,
            message: strip_position(&e),
        },
    }
}

/// serde_json's message without its " at line L column C" tail (we say where ourselves).
fn strip_position(e: &serde_json::Error) -> String {
    let s = e.to_string();
    match s.rfind(" at line ") {
        Some(i) => s[..i].to_owned(),
        None => s,
    }
}

/// Bring the parts of a version-`version` file to the current shape.
fn migrate(
    version: u64,
    next_ids: Option<Part<IdFloor>>,
    model: Part<Model>,
    chart: Part<ChartState>,
) -> Result<Workspace, String> {
    let model = match model {
        Part::Typed(m) => m,
        Part::Raw(v) => {
            let v = if version == 1 {
                migrate_model_v1(v)?
            } else {
                v
            };
            serde_json::from_value(v).map_err(|e| format!("model: {e}"))?
        }
    };
    let chart = match chart {
        Part::Typed(c) => c,
        Part::Raw(v) => {
            let v = if version == 1 {
                migrate_chart_v1(v)?
            } else {
                v
            };
            serde_json::from_value(v).map_err(|e| format!("chart: {e}"))?
        }
    };
    let next_ids = match next_ids {
        None => IdFloor::default(),
        Some(Part::Typed(n)) => n,
        Some(Part::Raw(v)) => serde_json::from_value(v).map_err(|e| format!("next_ids: {e}"))?,
    };
    Ok(Workspace {
        next_ids: next_ids.at_least(&model),
        model,
        chart,
    })
}

/// v1 → v2: document grades from `"B2"` to `{"reliability": "B", "credibility": 2}`.
fn migrate_model_v1(mut v: Value) -> Result<Value, String> {
    let docs = v
        .get_mut("documents")
        .and_then(Value::as_array_mut)
        .ok_or("model: no \"documents\" list")?;
    for (i, doc) in docs.iter_mut().enumerate() {
        let Some(grade) = doc.get_mut("grade") else {
            continue;
        };
        match grade {
            Value::Null => {}
            Value::String(s) => {
                let mut chars = s.chars();
                let (Some(r), Some(c), None) = (chars.next(), chars.next(), chars.next()) else {
                    return Err(format!("document #{i}: grade {s:?} is not like \"B2\""));
                };
                let credibility = c
                    .to_digit(10)
                    .ok_or_else(|| format!("document #{i}: grade {s:?} is not like \"B2\""))?;
                *grade = serde_json::json!({
                    "reliability": r.to_string(),
                    "credibility": credibility,
                });
            }
            other => return Err(format!("document #{i}: grade {other} is not a string")),
        }
    }
    Ok(v)
}

/// v1 → v2: positions from `[{"id", "x", "y"}]` to `{"id": [x, y]}`.
fn migrate_chart_v1(mut v: Value) -> Result<Value, String> {
    let Some(positions) = v.get_mut("positions") else {
        return Ok(v);
    };
    let list = positions
        .as_array()
        .ok_or("chart: v1 positions are not a list")?;
    let mut map = serde_json::Map::new();
    for (i, p) in list.iter().enumerate() {
        let (Some(id), Some(x), Some(y)) = (
            p.get("id").and_then(Value::as_str),
            p.get("x").and_then(Value::as_f64),
            p.get("y").and_then(Value::as_f64),
        ) else {
            return Err(format!(
                "chart: position #{i} needs \"id\", \"x\" and \"y\""
            ));
        };
        map.insert(id.to_owned(), serde_json::json!([x, y]));
    }
    *positions = Value::Object(map);
    Ok(v)
}

/// Pretty JSON for the outer levels (one entity, link, document field or position per line),
/// compact inside (an entity's mentions on one line), so files stay readable and diffable
/// without growing several-fold.
#[derive(Default)]
struct Layout {
    /// Per open array/object: printed pretty, and has a value yet.
    stack: Vec<(bool, bool)>,
}

/// Objects this deep or shallower are printed one member per line (root = 1).
const PRETTY_OBJECT_DEPTH: usize = 4;
/// Arrays this deep or shallower are printed one element per line.
const PRETTY_ARRAY_DEPTH: usize = 3;

impl Layout {
    fn open<W: ?Sized + Write>(&mut self, w: &mut W, max_depth: usize, b: &[u8]) -> io::Result<()> {
        let parent_pretty = self.stack.last().is_none_or(|f| f.0);
        self.stack
            .push((parent_pretty && self.stack.len() < max_depth, false));
        w.write_all(b)
    }

    fn close<W: ?Sized + Write>(&mut self, w: &mut W, b: &[u8]) -> io::Result<()> {
        if let Some((pretty, has_value)) = self.stack.pop()
            && pretty
            && has_value
        {
            self.newline(w)?;
        }
        w.write_all(b)
    }

    fn newline<W: ?Sized + Write>(&self, w: &mut W) -> io::Result<()> {
        w.write_all(b"\n")?;
        for _ in 0..self.stack.len() {
            w.write_all(b"  ")?;
        }
        Ok(())
    }

    fn item<W: ?Sized + Write>(&mut self, w: &mut W, first: bool) -> io::Result<()> {
        let pretty = self.stack.last().is_some_and(|f| f.0);
        if !first {
            w.write_all(if pretty { b"," } else { b", " })?;
        }
        if pretty {
            self.newline(w)?;
        }
        Ok(())
    }

    fn done(&mut self) {
        if let Some(f) = self.stack.last_mut() {
            f.1 = true;
        }
    }
}

impl serde_json::ser::Formatter for Layout {
    fn begin_array<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.open(w, PRETTY_ARRAY_DEPTH, b"[")
    }
    fn end_array<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.close(w, b"]")
    }
    fn begin_array_value<W: ?Sized + Write>(&mut self, w: &mut W, first: bool) -> io::Result<()> {
        self.item(w, first)
    }
    fn end_array_value<W: ?Sized + Write>(&mut self, _w: &mut W) -> io::Result<()> {
        self.done();
        Ok(())
    }
    fn begin_object<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.open(w, PRETTY_OBJECT_DEPTH, b"{")
    }
    fn end_object<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.close(w, b"}")
    }
    fn begin_object_key<W: ?Sized + Write>(&mut self, w: &mut W, first: bool) -> io::Result<()> {
        self.item(w, first)
    }
    fn begin_object_value<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        w.write_all(b": ")
    }
    fn end_object_value<W: ?Sized + Write>(&mut self, _w: &mut W) -> io::Result<()> {
        self.done();
        Ok(())
    }
}
