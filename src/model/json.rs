//! The model as JSON in the schema of DESIGN.md (`linkchart extract --json`).
//!
//! Written straight from the model with borrowed views, so a large model streams to stdout
//! without a copy.

use serde::Serialize;

use super::{Confidence, Model};

#[derive(Serialize)]
struct JsonModel<'a> {
    documents: Vec<JsonDocument<'a>>,
    entities: Vec<JsonEntity<'a>>,
    links: Vec<JsonLink<'a>>,
}

#[derive(Serialize)]
struct JsonDocument<'a> {
    id: &'a str,
    path: &'a str,
    title: Option<&'a str>,
    outlet: Option<&'a str>,
    date: Option<&'a str>,
}

#[derive(Serialize)]
struct JsonEntity<'a> {
    id: String,
    name: &'a str,
    #[serde(rename = "type")]
    kind: &'static str,
    aliases: &'a [String],
    countries: &'a [String],
    documents: Vec<&'a str>,
    mentions: usize,
}

#[derive(Serialize)]
struct JsonLink<'a> {
    id: String,
    from: String,
    to: String,
    label: &'a str,
    kind: &'static str,
    directed: bool,
    hedged: bool,
    confidence: &'static str,
    documents: Vec<&'a str>,
    evidence: Vec<JsonEvidence<'a>>,
}

#[derive(Serialize)]
struct JsonEvidence<'a> {
    document: &'a str,
    text: &'a str,
    hedged: bool,
}

/// Write the model as pretty JSON.
pub fn write_json<W: std::io::Write>(model: &Model, out: W) -> serde_json::Result<()> {
    let doc_id = |i: super::DocIdx| model.document(i).map_or("", |d| d.id.as_str());
    let json = JsonModel {
        documents: model
            .documents
            .iter()
            .map(|d| JsonDocument {
                id: &d.id,
                path: &d.path,
                title: d.title.as_deref(),
                outlet: d.outlet.as_deref(),
                date: d.date.as_deref(),
            })
            .collect(),
        entities: model
            .entities
            .iter()
            .map(|e| JsonEntity {
                id: e.id.to_string(),
                name: &e.name,
                kind: e.kind.as_str(),
                aliases: &e.aliases,
                countries: &e.countries,
                documents: e.documents().into_iter().map(doc_id).collect(),
                mentions: e.mentions.len(),
            })
            .collect(),
        links: model
            .links
            .iter()
            .map(|l| JsonLink {
                id: l.id.to_string(),
                from: l.from.to_string(),
                to: l.to.to_string(),
                label: &l.label,
                kind: match l.kind {
                    super::LinkKind::Stated => "stated",
                    super::LinkKind::CoMention => "co_mention",
                    super::LinkKind::Manual => "manual",
                },
                directed: l.directed,
                hedged: l.hedged(),
                confidence: match model.confidence(l) {
                    Confidence::Confirmed => "confirmed",
                    Confidence::Unconfirmed => "unconfirmed",
                    Confidence::Tentative => "tentative",
                },
                documents: l.documents().into_iter().map(doc_id).collect(),
                evidence: l
                    .evidence
                    .iter()
                    .map(|ev| JsonEvidence {
                        document: doc_id(ev.doc),
                        text: model
                            .document(ev.doc)
                            .map_or("", |d| d.sentence(ev.sentence)),
                        hedged: ev.hedged,
                    })
                    .collect(),
            })
            .collect(),
    };
    serde_json::to_writer_pretty(out, &json)
}
