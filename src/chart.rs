//! Chart state (what the analyst did to the picture) and the filter step (`Model` → `View`).
//!
//! Plain data: positions, pins, hidden entities, selection, pan/zoom and filters. The workspace
//! file stores it; the app edits it; [`visible`] and the scene read it.

use std::collections::{BTreeMap, BTreeSet};

use serde::{Deserialize, Serialize};

use crate::model::{DocIdx, EntityId, EntityType, LinkId, LinkKind, Model};

/// Pan and zoom: the chart point at the centre of the canvas and screen pixels per chart unit.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct ViewTransform {
    pub center: [f32; 2],
    pub zoom: f32,
}

impl Default for ViewTransform {
    fn default() -> Self {
        Self {
            center: [0.0, 0.0],
            zoom: 1.0,
        }
    }
}

impl ViewTransform {
    /// Screen position (relative to the canvas origin, canvas of `size`) of a chart point.
    pub fn screen_from_chart(&self, size: [f32; 2], p: [f32; 2]) -> [f32; 2] {
        [
            (p[0] - self.center[0]) * self.zoom + size[0] * 0.5,
            (p[1] - self.center[1]) * self.zoom + size[1] * 0.5,
        ]
    }

    /// Chart point under a screen position (relative to the canvas origin).
    pub fn chart_from_screen(&self, size: [f32; 2], s: [f32; 2]) -> [f32; 2] {
        [
            (s[0] - size[0] * 0.5) / self.zoom + self.center[0],
            (s[1] - size[1] * 0.5) / self.zoom + self.center[1],
        ]
    }
}

/// What the analyst chose to see. Empty sets mean "no restriction".
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Filters {
    /// Show only entities affiliated with one of these countries.
    pub countries: BTreeSet<String>,
    /// Show only what these documents (by id) support.
    pub sources: BTreeSet<String>,
    /// Entity types switched off.
    pub hidden_types: BTreeSet<EntityType>,
    pub show_stated: bool,
    pub show_comention: bool,
    /// Inclusive ISO date range (`YYYY-MM-DD`); undated documents pass.
    pub date_range: Option<(String, String)>,
}

impl Default for Filters {
    fn default() -> Self {
        Self {
            countries: BTreeSet::new(),
            sources: BTreeSet::new(),
            hidden_types: BTreeSet::new(),
            show_stated: true,
            show_comention: true,
            date_range: None,
        }
    }
}

impl Filters {
    /// True when any filter restricts the chart.
    pub fn is_active(&self) -> bool {
        *self != Self::default()
    }

    /// True when a document passes the source and date filters (undated documents pass the
    /// date filter).
    pub fn passes_document(&self, d: &crate::model::Document) -> bool {
        let source_ok = self.sources.is_empty() || self.sources.contains(&d.id);
        let date_ok = match (&self.date_range, &d.date) {
            (Some((from, to)), Some(date)) => {
                let day = date.get(..10).unwrap_or(date);
                from.as_str() <= day && day <= to.as_str()
            }
            _ => true,
        };
        source_ok && date_ok
    }

    /// Human-readable list of active filters, for the filter bar and the export caption.
    pub fn describe(&self) -> Vec<String> {
        let mut out = Vec::new();
        if !self.countries.is_empty() {
            out.push(format!("countries: {}", join(&self.countries)));
        }
        if !self.sources.is_empty() {
            out.push(format!("sources: {}", join(&self.sources)));
        }
        if !self.hidden_types.is_empty() {
            let names: BTreeSet<&str> = self.hidden_types.iter().map(|t| t.as_str()).collect();
            out.push(format!("hidden types: {}", join(&names)));
        }
        if !self.show_stated {
            out.push("stated links hidden".into());
        }
        if !self.show_comention {
            out.push("co-mentions hidden".into());
        }
        if let Some((a, b)) = &self.date_range {
            out.push(format!("dates: {a} to {b}"));
        }
        out
    }
}

fn join<T: AsRef<str>>(items: impl IntoIterator<Item = T>) -> String {
    items
        .into_iter()
        .map(|s| s.as_ref().to_owned())
        .collect::<Vec<_>>()
        .join(", ")
}

/// Everything the analyst did to the chart, as saved in the workspace.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct ChartState {
    /// Chart coordinates of laid-out entities.
    pub positions: BTreeMap<EntityId, [f32; 2]>,
    /// Entities the layout must not move (dropped by the analyst).
    pub pinned: BTreeSet<EntityId>,
    /// Entities the analyst hid.
    pub hidden: BTreeSet<EntityId>,
    pub selection: BTreeSet<EntityId>,
    pub selected_link: Option<LinkId>,
    pub view: ViewTransform,
    pub filters: Filters,
}

/// The result of filtering: what the chart shows.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct View {
    /// Visible entities, in model order.
    pub entities: Vec<EntityId>,
    /// Visible links, in model order; both ends are visible.
    pub links: Vec<LinkId>,
    /// Entities hidden by filters or by the analyst.
    pub hidden_entities: usize,
    pub hidden_links: usize,
}

impl View {
    pub fn contains(&self, id: EntityId) -> bool {
        self.entities.binary_search(&id).is_ok()
    }
}

/// Apply the analyst's filters and hidden set to the model.
///
/// An entity is shown when its type is on, it is not hidden, it belongs to a chosen country
/// (when countries are chosen) and a chosen source in the date range mentions it. A link is
/// shown when its kind is on, a chosen source in the date range supports it (manual links
/// always pass) and both ends are shown.
pub fn visible(model: &Model, chart: &ChartState) -> View {
    let f = &chart.filters;
    let doc_ok: Vec<bool> = model
        .documents
        .iter()
        .map(|d| f.passes_document(d))
        .collect();
    let doc_filtered = !f.sources.is_empty() || f.date_range.is_some();
    let doc_passes = |d: DocIdx| doc_ok.get(d.0 as usize).copied().unwrap_or(false);

    let entities: Vec<EntityId> = model
        .entities
        .iter()
        .filter(|e| {
            !f.hidden_types.contains(&e.kind)
                && !chart.hidden.contains(&e.id)
                && (f.countries.is_empty() || f.countries.iter().any(|c| e.affiliated_with(c)))
                && (!doc_filtered
                    || e.mentions.is_empty()
                    || e.mentions.iter().any(|m| doc_passes(m.doc)))
        })
        .map(|e| e.id)
        .collect();
    let shown = |id: EntityId| entities.binary_search(&id).is_ok();
    let links: Vec<LinkId> = model
        .links
        .iter()
        .filter(|l| {
            let kind_ok = match l.kind {
                LinkKind::Stated => f.show_stated,
                LinkKind::CoMention => f.show_comention,
                LinkKind::Manual => true,
            };
            kind_ok
                && (!doc_filtered
                    || l.kind == LinkKind::Manual
                    || l.evidence.iter().any(|e| doc_passes(e.doc)))
                && shown(l.from)
                && shown(l.to)
        })
        .map(|l| l.id)
        .collect();
    View {
        hidden_entities: model.entities.len() - entities.len(),
        hidden_links: model.links.len() - links.len(),
        entities,
        links,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn screen_and_chart_coordinates_invert() {
        let v = ViewTransform {
            center: [10.0, -5.0],
            zoom: 2.5,
        };
        let size = [800.0, 600.0];
        let p = [33.0, 44.0];
        let back = v.chart_from_screen(size, v.screen_from_chart(size, p));
        assert!((back[0] - p[0]).abs() < 1e-4 && (back[1] - p[1]).abs() < 1e-4);
        assert_eq!(v.screen_from_chart(size, v.center), [400.0, 300.0]);
    }

    #[test]
    fn default_filters_are_inactive_and_described_when_set() {
        let mut f = Filters::default();
        assert!(!f.is_active());
        f.countries.insert("Iran".into());
        assert!(f.is_active());
        assert_eq!(f.describe(), vec!["countries: Iran".to_string()]);
    }
}
