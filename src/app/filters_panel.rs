//! The left panel: search, and filters by country, source, entity type, link kind and date
//! (a timeline). Also the bar of active filters above the chart.

use std::collections::BTreeMap;

use egui::{Color32, RichText};
use egui_plot::{Bar, BarChart, HoverPosition, Plot, Span};

use super::{Action, LinkchartApp};
use crate::chart::Filters;
use crate::model::{EntityId, EntityType, LinkKind, Model};

/// Lists longer than this scroll in a box of their own, drawing only the rows in sight.
const LONG_LIST: usize = 40;
/// Height of such a box, in points.
const LIST_HEIGHT: f32 = 260.0;

/// The panel's own state.
#[derive(Clone, Debug, Default)]
pub struct FiltersPanel {
    pub search: String,
    /// Ctrl+F asks the search box to take focus next frame.
    pub focus_search: bool,
    /// Where a drag on the timeline started (day number).
    brush_start: Option<i64>,
    /// The timeline's plot area last frame, in screen points.
    pub timeline_rect: Option<egui::Rect>,
    /// What the panel counts over the model, kept until the model changes.
    counts: ModelCounts,
    /// Search results, kept until the query or the model changes.
    hits: Option<(String, ModelKey, Vec<EntityId>)>,
    /// How often the counts were taken (tests: a frame where nothing changed counts nothing).
    recounts: u64,
}

/// Identifies a model state: which model was loaded, which of its edits are in effect, and
/// its sizes (a guard for changes made outside the edit history).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct ModelKey {
    pub generation: u64,
    pub edits: u64,
    pub documents: usize,
    pub entities: usize,
    pub links: usize,
}

impl ModelKey {
    pub fn new(model: &Model, generation: u64, edits: u64) -> Self {
        Self {
            generation,
            edits,
            documents: model.documents.len(),
            entities: model.entities.len(),
            links: model.links.len(),
        }
    }
}

/// Everything the panel derives from the model: counts per country, outlet, entity type and
/// link kind, and documents and dated links per day.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ModelCounts {
    key: Option<ModelKey>,
    /// Country name and entities affiliated with it, by name.
    pub countries: Vec<(String, usize)>,
    /// Outlet and the ids of its documents, by outlet.
    pub outlets: Vec<(String, Vec<String>)>,
    /// Entities per type, in [`EntityType::ALL`] order.
    pub types: Vec<(EntityType, usize)>,
    pub stated: usize,
    pub comention: usize,
    /// Dated documents per day number, by day.
    pub docs_by_day: Vec<(i64, f64)>,
    /// Link–document pairs per day number of the document, by day.
    pub links_by_day: Vec<(i64, f64)>,
    pub undated: usize,
}

impl ModelCounts {
    /// Count over the whole model.
    pub fn count(model: &Model) -> Self {
        let mut outlets: BTreeMap<&str, Vec<String>> = BTreeMap::new();
        for d in &model.documents {
            if let Some(o) = &d.outlet {
                outlets.entry(o).or_default().push(d.id.clone());
            }
        }
        let mut types = [0usize; EntityType::ALL.len()];
        for e in &model.entities {
            if let Some(i) = EntityType::ALL.iter().position(|t| *t == e.kind) {
                types[i] += 1;
            }
        }
        let link_count = |k: LinkKind| model.links.iter().filter(|l| l.kind == k).count();
        let day: Vec<Option<i64>> = model
            .documents
            .iter()
            .map(|d| d.date.as_deref().and_then(day_number))
            .collect();
        let mut docs: BTreeMap<i64, f64> = BTreeMap::new();
        for d in day.iter().flatten() {
            *docs.entry(*d).or_default() += 1.0;
        }
        let mut links: BTreeMap<i64, f64> = BTreeMap::new();
        for l in &model.links {
            for doc in l.documents() {
                if let Some(Some(d)) = day.get(doc.0 as usize) {
                    *links.entry(*d).or_default() += 1.0;
                }
            }
        }
        Self {
            key: None,
            countries: model.country_counts(),
            outlets: outlets
                .into_iter()
                .map(|(o, ids)| (o.to_owned(), ids))
                .collect(),
            types: EntityType::ALL.iter().copied().zip(types).collect(),
            stated: link_count(LinkKind::Stated),
            comention: link_count(LinkKind::CoMention),
            docs_by_day: docs.into_iter().collect(),
            links_by_day: links.into_iter().collect(),
            undated: model.documents.iter().filter(|d| d.date.is_none()).count(),
        }
    }
}

/// Search results: entities whose name or alias contains `query`, best first (name prefix,
/// then name, then alias), at most `limit`.
pub fn search(model: &Model, query: &str, limit: usize) -> Vec<EntityId> {
    let q = query.trim().to_lowercase();
    if q.is_empty() {
        return Vec::new();
    }
    let mut hits: Vec<(u8, usize, EntityId)> = model
        .entities
        .iter()
        .filter(|e| e.matches(&q))
        .map(|e| {
            let name = e.name.to_lowercase();
            let rank = if name.starts_with(&q) {
                0
            } else if name.contains(&q) {
                1
            } else {
                2
            };
            (rank, usize::MAX - e.mentions.len(), e.id)
        })
        .collect();
    hits.sort();
    hits.into_iter().take(limit).map(|h| h.2).collect()
}

/// Days since 1970-01-01 of an ISO date (`YYYY-MM-DD…`), or `None` when it is not one.
pub fn day_number(iso: &str) -> Option<i64> {
    let y: i64 = iso.get(0..4)?.parse().ok()?;
    let m: i64 = iso.get(5..7)?.parse().ok()?;
    let d: i64 = iso.get(8..10)?.parse().ok()?;
    if !(1..=12).contains(&m) || !(1..=31).contains(&d) {
        return None;
    }
    // Howard Hinnant's days_from_civil.
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let doy = (153 * (m + if m > 2 { -3 } else { 9 }) + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    Some(era * 146_097 + doe - 719_468)
}

pub use crate::model::iso_date;

impl FiltersPanel {
    /// How often the panel counted over the model since it was made.
    pub fn recounts(&self) -> u64 {
        self.recounts
    }

    /// The counts for `model` in state `key`, taken again only when the state changed.
    fn counts(&mut self, model: &Model, key: ModelKey) -> &ModelCounts {
        if self.counts.key != Some(key) {
            self.counts = ModelCounts::count(model);
            self.counts.key = Some(key);
            self.recounts += 1;
        }
        &self.counts
    }

    /// Search results for the current query, searched again only when it or the model changed.
    fn hits(&mut self, model: &Model, key: ModelKey) -> Vec<EntityId> {
        if let Some((q, k, hits)) = &self.hits
            && *q == self.search
            && *k == key
        {
            return hits.clone();
        }
        let hits = search(model, &self.search, 12);
        self.hits = Some((self.search.clone(), key, hits.clone()));
        hits
    }
}

impl LinkchartApp {
    /// Identifies the model's current state for the panels' caches.
    fn model_key(&self) -> ModelKey {
        ModelKey::new(
            &self.model,
            self.model_generation,
            self.history.model_state_id(),
        )
    }

    pub(super) fn filters_panel_ui(&mut self, ui: &mut egui::Ui) {
        let key = self.model_key();
        egui::ScrollArea::vertical().show(ui, |ui| {
            self.search_ui(ui, key);
            ui.separator();
            let mut f = self.chart.filters.clone();
            let counts = self.filters_panel.counts(&self.model, key);
            countries_ui(ui, counts, &mut f);
            sources_ui(ui, &self.model, counts, &mut f);
            types_ui(ui, counts, &mut f);
            link_kinds_ui(ui, counts, &mut f);
            self.timeline_ui(ui, &mut f);
            if f != self.chart.filters {
                self.chart.filters = f;
                self.dirty = true;
                self.refresh_view();
            }
        });
    }

    fn search_ui(&mut self, ui: &mut egui::Ui, key: ModelKey) {
        ui.heading("Search");
        let edit = egui::TextEdit::singleline(&mut self.filters_panel.search)
            .hint_text("name or alias (Ctrl+F)")
            .desired_width(f32::INFINITY);
        let response = ui.add(edit);
        if std::mem::take(&mut self.filters_panel.focus_search) {
            response.request_focus();
        }
        let hits = self.filters_panel.hits(&self.model, key);
        if response.lost_focus()
            && ui.input(|i| i.key_pressed(egui::Key::Enter))
            && let Some(first) = hits.first()
        {
            self.actions.push(Action::Focus(*first));
        }
        if !self.filters_panel.search.trim().is_empty() && hits.is_empty() {
            ui.weak("no entity by that name");
        }
        for id in hits {
            let Some(e) = self.model.entity(id) else {
                continue;
            };
            let shown = self.view.contains(id);
            let mut text = RichText::new(format!("{}  ·  {}", e.name, e.kind));
            if !shown {
                text = text.weak().italics();
            }
            let r = ui
                .selectable_label(self.chart.selection.contains(&id), text)
                .on_hover_text(if shown {
                    "select and centre"
                } else {
                    "filtered out or hidden: shown again only if filters allow"
                });
            if r.clicked() {
                self.actions.push(Action::Focus(id));
            }
        }
    }

    /// The active filters and hidden counts above the chart, each clearable with one click.
    pub(super) fn active_filters_ui(&mut self, ui: &mut egui::Ui) {
        let f = &self.chart.filters;
        if !f.is_active() && self.chart.hidden.is_empty() {
            return;
        }
        let mut clear_all = false;
        let mut next = f.clone();
        let mut unhide = false;
        egui::Frame::new()
            .fill(Color32::from_rgb(255, 246, 213))
            .inner_margin(egui::Margin::symmetric(8, 4))
            .show(ui, |ui| {
                ui.horizontal_wrapped(|ui| {
                    ui.label(RichText::new("Filters:").strong());
                    for c in &f.countries {
                        if ui.small_button(format!("country {c} ×")).clicked() {
                            next.countries.remove(c);
                        }
                    }
                    if !f.sources.is_empty()
                        && ui
                            .small_button(format!("{} sources ×", f.sources.len()))
                            .clicked()
                    {
                        next.sources.clear();
                    }
                    for t in &f.hidden_types {
                        if ui.small_button(format!("no {t} ×")).clicked() {
                            next.hidden_types.remove(t);
                        }
                    }
                    if !f.show_stated && ui.small_button("no stated links ×").clicked() {
                        next.show_stated = true;
                    }
                    if !f.show_comention && ui.small_button("no co-mentions ×").clicked() {
                        next.show_comention = true;
                    }
                    if let Some((a, b)) = &f.date_range
                        && ui.small_button(format!("{a} to {b} ×")).clicked()
                    {
                        next.date_range = None;
                    }
                    if !self.chart.hidden.is_empty()
                        && ui
                            .small_button(format!("{} hidden by hand ×", self.chart.hidden.len()))
                            .clicked()
                    {
                        unhide = true;
                    }
                    ui.label(format!(
                        "— {} entities and {} links hidden",
                        self.view.hidden_entities, self.view.hidden_links
                    ));
                    if ui.button("Clear all").clicked() {
                        clear_all = true;
                    }
                });
            });
        if clear_all {
            next = Filters::default();
            unhide = true;
        }
        if unhide && !self.chart.hidden.is_empty() {
            self.chart.hidden.clear();
            self.dirty = true;
        }
        if next != self.chart.filters {
            self.chart.filters = next;
            self.dirty = true;
        }
        self.refresh_view();
    }

    fn timeline_ui(&mut self, ui: &mut egui::Ui, f: &mut Filters) {
        egui::CollapsingHeader::new("Dates")
            .default_open(true)
            .show(ui, |ui| {
                let counts = &self.filters_panel.counts;
                let docs = &counts.docs_by_day;
                let links = &counts.links_by_day;
                let undated = counts.undated;
                let (Some(first), Some(last)) =
                    (docs.first().map(|d| d.0), docs.last().map(|d| d.0))
                else {
                    ui.weak(format!("no dated documents ({undated} undated)"));
                    self.filters_panel.timeline_rect = None;
                    return;
                };
                let range = f
                    .date_range
                    .as_ref()
                    .and_then(|(a, b)| Some((day_number(a)?, day_number(b)?)));
                let pad = ((last - first) as f64 * 0.08).max(3.0);
                // Bars wide enough to see whatever the span, links drawn narrower on top.
                let bar = ((last - first) as f64 / 30.0).max(1.0);
                let doc_bars: Vec<Bar> = docs
                    .iter()
                    .map(|(d, n)| Bar::new(*d as f64, *n).width(bar))
                    .collect();
                let link_bars: Vec<Bar> =
                    links.iter().map(|(d, n)| Bar::new(*d as f64, *n)).collect();
                let max_docs = docs.iter().map(|d| d.1).fold(1.0, f64::max);
                let max_links = links.iter().map(|d| d.1).fold(1.0, f64::max);
                // Links are scaled onto the documents' axis so both read on one small chart.
                let scale = max_docs / max_links;
                let link_bars: Vec<Bar> = link_bars
                    .into_iter()
                    .map(|b| {
                        let h = b.value * scale;
                        Bar::new(b.argument, h).width(bar * 0.45)
                    })
                    .collect();
                let plot = Plot::new("timeline")
                    .height(110.0)
                    .allow_drag(false)
                    .allow_zoom(false)
                    .allow_scroll(false)
                    .allow_boxed_zoom(false)
                    .allow_double_click_reset(false)
                    .show_y(false)
                    .show_axes([true, false])
                    .include_x(first as f64 - pad)
                    .include_x(last as f64 + pad)
                    .include_y(0.0)
                    .include_y(max_docs * 1.15)
                    .x_axis_formatter(|mark, _| iso_date(mark.value.round() as i64))
                    .label_formatter(|pos| {
                        Some(match pos {
                            HoverPosition::NearDataPoint {
                                plot_name,
                                position,
                                ..
                            } => format!(
                                "{}: {} on {}",
                                plot_name,
                                position.y.round(),
                                iso_date(position.x.round() as i64)
                            ),
                            HoverPosition::Elsewhere { position } => {
                                iso_date(position.x.round() as i64)
                            }
                        })
                    });
                let resp = plot.show(ui, |plot_ui| {
                    if let Some((a, b)) = range {
                        plot_ui.span(
                            Span::new("range", a as f64 - 0.5..=b as f64 + 0.5)
                                .fill(Color32::from_rgba_unmultiplied(40, 110, 220, 40)),
                        );
                    }
                    plot_ui.bar_chart(
                        BarChart::new("documents", doc_bars).color(Color32::from_rgb(52, 101, 164)),
                    );
                    plot_ui.bar_chart(
                        BarChart::new("dated links", link_bars)
                            .color(Color32::from_rgb(206, 92, 0)),
                    );
                });
                self.filters_panel.timeline_rect = Some(resp.response.rect);
                let day_at = |p: egui::Pos2| resp.transform.value_from_position(p).x.round() as i64;
                if resp.response.drag_started()
                    && let Some(p) = resp.response.interact_pointer_pos()
                {
                    self.filters_panel.brush_start = Some(day_at(p));
                }
                if let (Some(start), Some(p)) = (
                    self.filters_panel.brush_start,
                    resp.response.interact_pointer_pos(),
                ) && resp.response.dragged()
                {
                    let now = day_at(p);
                    f.date_range = Some((iso_date(start.min(now)), iso_date(start.max(now))));
                }
                if resp.response.drag_stopped() {
                    self.filters_panel.brush_start = None;
                }
                ui.horizontal(|ui| {
                    swatch_ui(ui, Color32::from_rgb(52, 101, 164), "documents");
                    swatch_ui(ui, Color32::from_rgb(206, 92, 0), "dated links");
                });
                ui.horizontal(|ui| match &f.date_range {
                    Some((a, b)) => {
                        ui.label(format!("{a} to {b}"));
                        if ui.small_button("all dates").clicked() {
                            f.date_range = None;
                        }
                    }
                    None => {
                        ui.weak("drag on the timeline to choose dates");
                    }
                });
                if undated > 0 {
                    ui.weak(format!("{undated} undated documents always pass"));
                }
            });
    }
}

/// A small colour square and a label, for legends.
pub fn swatch_ui(ui: &mut egui::Ui, colour: Color32, text: &str) {
    let (rect, _) = ui.allocate_exact_size(egui::vec2(10.0, 10.0), egui::Sense::hover());
    ui.painter().rect_filled(rect, 2.0, colour);
    ui.label(text);
}

/// `n` rows: all of them when there are few, else in a scrolling box of their own that lays out
/// only the rows in sight (thousands of countries or documents cost a few rows a frame).
fn rows_ui(ui: &mut egui::Ui, id: &str, n: usize, mut row: impl FnMut(&mut egui::Ui, usize)) {
    if n <= LONG_LIST {
        for i in 0..n {
            row(ui, i);
        }
        return;
    }
    let height = ui.spacing().interact_size.y;
    egui::ScrollArea::vertical()
        .id_salt(id)
        .max_height(LIST_HEIGHT)
        .auto_shrink([false, true])
        .show_rows(ui, height, n, |ui, range| {
            for i in range {
                row(ui, i);
            }
        });
}

fn countries_ui(ui: &mut egui::Ui, counts: &ModelCounts, f: &mut Filters) {
    let countries = &counts.countries;
    egui::CollapsingHeader::new(format!("Countries ({})", countries.len()))
        .default_open(true)
        .show(ui, |ui| {
            if countries.is_empty() {
                ui.weak("no country affiliations");
            }
            rows_ui(ui, "countries", countries.len(), |ui, i| {
                let (name, n) = &countries[i];
                let mut on = f.countries.contains(name);
                if ui.checkbox(&mut on, format!("{name}  ({n})")).changed() {
                    if on {
                        f.countries.insert(name.clone());
                    } else {
                        f.countries.remove(name);
                    }
                }
            });
        });
}

fn sources_ui(ui: &mut egui::Ui, model: &Model, counts: &ModelCounts, f: &mut Filters) {
    egui::CollapsingHeader::new(format!("Sources ({})", model.documents.len()))
        .default_open(true)
        .show(ui, |ui| {
            let outlets = &counts.outlets;
            if !outlets.is_empty() {
                ui.label(RichText::new("Outlets").small().strong());
                rows_ui(ui, "outlets", outlets.len(), |ui, i| {
                    let (outlet, ids) = &outlets[i];
                    let all = ids.iter().all(|id| f.sources.contains(id));
                    let mut on = all;
                    if ui
                        .checkbox(&mut on, format!("{outlet}  ({})", ids.len()))
                        .changed()
                    {
                        for id in ids {
                            if on {
                                f.sources.insert(id.clone());
                            } else {
                                f.sources.remove(id);
                            }
                        }
                    }
                });
                ui.label(RichText::new("Documents").small().strong());
            }
            rows_ui(ui, "documents", model.documents.len(), |ui, i| {
                let d = &model.documents[i];
                let mut on = f.sources.contains(&d.id);
                let title = d.title.as_deref().unwrap_or(&d.id);
                let short: String = title.chars().take(48).collect();
                let short = if short.len() < title.len() {
                    format!("{short}…")
                } else {
                    short
                };
                let meta = [d.outlet.as_deref(), d.date.as_deref()]
                    .into_iter()
                    .flatten()
                    .collect::<Vec<_>>()
                    .join(", ");
                let r = ui.checkbox(&mut on, short).on_hover_text(format!(
                    "{title}\n{}\n{}",
                    if meta.is_empty() {
                        "(no outlet or date)"
                    } else {
                        &meta
                    },
                    d.id
                ));
                if r.changed() {
                    if on {
                        f.sources.insert(d.id.clone());
                    } else {
                        f.sources.remove(&d.id);
                    }
                }
            });
        });
}

fn types_ui(ui: &mut egui::Ui, counts: &ModelCounts, f: &mut Filters) {
    egui::CollapsingHeader::new("Entity types")
        .default_open(true)
        .show(ui, |ui| {
            for &(t, n) in &counts.types {
                if n == 0 && !f.hidden_types.contains(&t) {
                    continue;
                }
                let mut on = !f.hidden_types.contains(&t);
                if ui.checkbox(&mut on, format!("{t}  ({n})")).changed() {
                    if on {
                        f.hidden_types.remove(&t);
                    } else {
                        f.hidden_types.insert(t);
                    }
                }
            }
        });
}

fn link_kinds_ui(ui: &mut egui::Ui, counts: &ModelCounts, f: &mut Filters) {
    egui::CollapsingHeader::new("Links")
        .default_open(true)
        .show(ui, |ui| {
            ui.checkbox(
                &mut f.show_stated,
                format!("stated relations  ({})", counts.stated),
            );
            ui.checkbox(
                &mut f.show_comention,
                format!("co-mentions  ({})", counts.comention),
            );
        });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn day_numbers_round_trip_through_iso_dates() {
        assert_eq!(day_number("1970-01-01"), Some(0));
        assert_eq!(day_number("2020-08-17"), Some(18_491));
        for d in [-1000, 0, 18_491, 18_321, 20_000] {
            assert_eq!(day_number(&iso_date(d)), Some(d));
        }
        assert_eq!(day_number("Aug 17, 2020"), None);
    }
}
