//! Checks a freshly read workspace before anything else sees it: every text offset inside its
//! document and on a character boundary, every sentence, document and entity reference existing,
//! ids unique and sorted, positions and view finite. The rest of the program indexes with these
//! values, so a hand-edited or damaged file must fail here with a clear message, not later with a
//! panic or a wrong chart.

use crate::chart::ChartState;
use crate::model::{Document, Model, SourceGrade, Span};

use super::Workspace;

fn finite(p: [f32; 2]) -> bool {
    p[0].is_finite() && p[1].is_finite()
}

fn span_ok(doc: &Document, span: Span) -> bool {
    span.start <= span.end
        && (span.end as usize) <= doc.text.len()
        && doc.text.is_char_boundary(span.start as usize)
        && doc.text.is_char_boundary(span.end as usize)
}

/// Validate `ws`; also raises `next_ids` to the model's ids and drops chart entries that name
/// entities or links the model does not have (harmless leftovers, not worth refusing a file).
pub(super) fn validate(ws: &mut Workspace) -> Result<(), String> {
    validate_model(&ws.model)?;
    let c = &ws.chart;
    for (id, p) in &c.positions {
        if !finite(*p) {
            return Err(format!("the position of {id} is not a finite number"));
        }
    }
    if !finite(c.view.center) || !c.view.zoom.is_finite() || c.view.zoom <= 0.0 {
        return Err("the view (centre and zoom) is not a finite, positive transform".into());
    }
    clean_chart(&ws.model, &mut ws.chart);
    ws.next_ids = ws.next_ids.at_least(&ws.model);
    Ok(())
}

fn validate_model(m: &Model) -> Result<(), String> {
    if u32::try_from(m.documents.len()).is_err() {
        return Err("too many documents".into());
    }
    let mut ids: Vec<&str> = m.documents.iter().map(|d| d.id.as_str()).collect();
    ids.sort_unstable();
    if let Some(w) = ids.windows(2).find(|w| w[0] == w[1]) {
        return Err(format!("two documents have the id {:?}", w[0]));
    }
    for d in &m.documents {
        for (i, s) in d.sentences.iter().enumerate() {
            if !span_ok(d, *s) {
                return Err(format!(
                    "document {:?}: sentence {i} ({}..{}) is outside its text ({} bytes) \
                     or splits a character",
                    d.id,
                    s.start,
                    s.end,
                    d.text.len()
                ));
            }
        }
        if let Some(g) = d.grade
            && SourceGrade::new(g.reliability, g.credibility) != Some(g)
        {
            return Err(format!(
                "document {:?}: grade {}{} is not on the Admiralty scale (A–F, 1–6)",
                d.id, g.reliability, g.credibility
            ));
        }
    }
    let sentence_ok = |doc: crate::model::DocIdx, sentence: u32| -> Result<&Document, String> {
        let d = m
            .document(doc)
            .ok_or_else(|| format!("document #{} does not exist", doc.0))?;
        if sentence as usize >= d.sentences.len() {
            return Err(format!(
                "document {:?} has no sentence {sentence} ({} sentences)",
                d.id,
                d.sentences.len()
            ));
        }
        Ok(d)
    };
    for (i, e) in m.entities.iter().enumerate() {
        if i > 0 && m.entities[i - 1].id >= e.id {
            return Err(format!(
                "entity ids are not unique and ascending ({} before {})",
                m.entities[i - 1].id,
                e.id
            ));
        }
        for mention in &e.mentions {
            let d = sentence_ok(mention.doc, mention.sentence)
                .map_err(|p| format!("entity {}: a mention: {p}", e.id))?;
            if !span_ok(d, mention.span) {
                return Err(format!(
                    "entity {}: a mention ({}..{}) is outside document {:?} ({} bytes) \
                     or splits a character",
                    e.id,
                    mention.span.start,
                    mention.span.end,
                    d.id,
                    d.text.len()
                ));
            }
        }
    }
    for (i, l) in m.links.iter().enumerate() {
        if i > 0 && m.links[i - 1].id >= l.id {
            return Err(format!(
                "link ids are not unique and ascending ({} before {})",
                m.links[i - 1].id,
                l.id
            ));
        }
        for end in [l.from, l.to] {
            if m.entity(end).is_none() {
                return Err(format!(
                    "link {} points at {end}, which does not exist",
                    l.id
                ));
            }
        }
        for ev in &l.evidence {
            sentence_ok(ev.doc, ev.sentence)
                .map_err(|p| format!("link {}: evidence: {p}", l.id))?;
        }
    }
    Ok(())
}

/// True when every chart entry names an existing entity or link and every position is finite.
pub(super) fn chart_is_clean(m: &Model, c: &ChartState) -> bool {
    let known = |id: &crate::model::EntityId| m.entity(*id).is_some();
    c.positions.iter().all(|(id, p)| known(id) && finite(*p))
        && c.pinned.iter().all(known)
        && c.hidden.iter().all(known)
        && c.selection.iter().all(known)
        && c.selected_link.is_none_or(|l| m.link(l).is_some())
        && finite(c.view.center)
        && c.view.zoom.is_finite()
        && c.view.zoom > 0.0
}

/// Drop chart entries for entities or links the model does not have, and non-finite positions
/// and views (they are laid out or reset again).
pub(super) fn clean_chart(m: &Model, c: &mut ChartState) {
    let known = |id: &crate::model::EntityId| m.entity(*id).is_some();
    c.positions.retain(|id, p| known(id) && finite(*p));
    c.pinned.retain(known);
    c.hidden.retain(known);
    c.selection.retain(known);
    if c.selected_link.is_some_and(|l| m.link(l).is_none()) {
        c.selected_link = None;
    }
    if !finite(c.view.center) || !c.view.zoom.is_finite() || c.view.zoom <= 0.0 {
        c.view = Default::default();
    }
}
