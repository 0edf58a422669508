//! GraphML: the visible entities and links with their attributes and chart positions, for
//! Gephi, Cytoscape and yEd. Every attribute is declared with a `<key>`; lists are joined with
//! `; `, evidence sentences with ` | `.

use std::fmt::Write as _;

use super::xml_escape;
use crate::chart::{ChartState, View};
use crate::model::{DocIdx, Model};

/// `(id, for, attr.name, attr.type)` of every attribute written.
const KEYS: [(&str, &str, &str, &str); 14] = [
    ("d0", "node", "label", "string"),
    ("d1", "node", "type", "string"),
    ("d2", "node", "countries", "string"),
    ("d3", "node", "aliases", "string"),
    ("d4", "node", "documents", "string"),
    ("d5", "node", "mentions", "int"),
    ("d6", "node", "x", "double"),
    ("d7", "node", "y", "double"),
    ("d8", "edge", "label", "string"),
    ("d9", "edge", "kind", "string"),
    ("d10", "edge", "confidence", "string"),
    ("d11", "edge", "directed", "boolean"),
    ("d12", "edge", "documents", "string"),
    ("d13", "edge", "evidence", "string"),
];

fn doc_ids(model: &Model, docs: &[DocIdx]) -> String {
    docs.iter()
        .filter_map(|d| model.document(*d).map(|d| d.id.as_str()))
        .collect::<Vec<_>>()
        .join("; ")
}

fn data(out: &mut String, key: &str, value: &str) {
    let _ = writeln!(
        out,
        r#"      <data key="{key}">{}</data>"#,
        xml_escape(value)
    );
}

/// Write the visible part of the chart as GraphML.
pub fn graphml(model: &Model, chart: &ChartState, view: &View) -> String {
    let mut out = String::with_capacity(1024 + view.entities.len() * 300 + view.links.len() * 400);
    out.push_str(r#"<?xml version="1.0" encoding="UTF-8"?>"#);
    out.push('\n');
    out.push_str(
        r#"<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">"#,
    );
    out.push('\n');
    for (id, domain, name, ty) in KEYS {
        let _ = writeln!(
            out,
            r#"  <key id="{id}" for="{domain}" attr.name="{name}" attr.type="{ty}"/>"#
        );
    }
    out.push_str("  <graph id=\"linkchart\" edgedefault=\"directed\">\n");
    for id in &view.entities {
        let Some(e) = model.entity(*id) else { continue };
        let _ = writeln!(out, r#"    <node id="{}">"#, e.id);
        data(&mut out, "d0", &e.name);
        data(&mut out, "d1", e.kind.as_str());
        data(&mut out, "d2", &e.countries.join("; "));
        data(&mut out, "d3", &e.aliases.join("; "));
        data(&mut out, "d4", &doc_ids(model, &e.documents()));
        data(&mut out, "d5", &e.mentions.len().to_string());
        if let Some(p) = chart.positions.get(id)
            && p[0].is_finite()
            && p[1].is_finite()
        {
            data(&mut out, "d6", &p[0].to_string());
            data(&mut out, "d7", &p[1].to_string());
        }
        out.push_str("    </node>\n");
    }
    for id in &view.links {
        let Some(l) = model.link(*id) else { continue };
        if !view.contains(l.from) || !view.contains(l.to) {
            continue;
        }
        let _ = writeln!(
            out,
            r#"    <edge id="{}" source="{}" target="{}">"#,
            l.id, l.from, l.to
        );
        data(&mut out, "d8", &l.label);
        let kind = match l.kind {
            crate::model::LinkKind::Stated => "stated",
            crate::model::LinkKind::CoMention => "co_mention",
            crate::model::LinkKind::Manual => "manual",
        };
        data(&mut out, "d9", kind);
        let confidence = match model.confidence(l) {
            crate::model::Confidence::Confirmed => "confirmed",
            crate::model::Confidence::Unconfirmed => "unconfirmed",
            crate::model::Confidence::Tentative => "tentative",
        };
        data(&mut out, "d10", confidence);
        data(&mut out, "d11", if l.directed { "true" } else { "false" });
        data(&mut out, "d12", &doc_ids(model, &l.documents()));
        data(&mut out, "d13", &evidence_text(model, l));
        out.push_str("    </edge>\n");
    }
    out.push_str("  </graph>\n</graphml>\n");
    out
}

/// The link's evidence sentences, `[document] sentence` joined with ` | `.
pub(crate) fn evidence_text(model: &Model, l: &crate::model::Link) -> String {
    l.evidence
        .iter()
        .filter_map(|ev| {
            let d = model.document(ev.doc)?;
            let s = d.sentence(ev.sentence).trim();
            let s = s.split_whitespace().collect::<Vec<_>>().join(" ");
            let hedge = if ev.hedged { " (hedged)" } else { "" };
            Some(format!("[{}{hedge}] {s}", d.id))
        })
        .collect::<Vec<_>>()
        .join(" | ")
}
