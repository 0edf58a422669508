//! The right panel: the selected entity (type, aliases, countries, links) or link, with every
//! evidence sentence and its document, outlet and date. Clicking a sentence opens the document.

use egui::{Color32, RichText};

use super::{Action, LinkchartApp};
use crate::model::{DocIdx, Evidence, Link, LinkKind, Model};

/// `title — outlet, date` of a document, for evidence lines.
pub fn source_line(model: &Model, doc: DocIdx) -> String {
    let Some(d) = model.document(doc) else {
        return "(unknown document)".into();
    };
    let mut s = d.title.clone().unwrap_or_else(|| d.id.clone());
    let meta: Vec<&str> = [d.outlet.as_deref(), d.date.as_deref()]
        .into_iter()
        .flatten()
        .collect();
    if !meta.is_empty() {
        s.push_str(" — ");
        s.push_str(&meta.join(", "));
    }
    if let Some(g) = d.grade {
        s.push_str(&format!(" [graded {g}]"));
    }
    s
}

impl LinkchartApp {
    pub(super) fn entity_panel_ui(&mut self, ui: &mut egui::Ui) {
        egui::ScrollArea::vertical().show(ui, |ui| {
            if let Some(id) = self.chart.selected_link
                && let Some(link) = self.model.link(id)
            {
                let link = link.clone();
                self.link_ui(ui, &link);
                return;
            }
            match self.chart.selection.len() {
                0 => {
                    ui.heading("Nothing selected");
                    ui.label(
                        "Click an entity on the chart, or search for one, to read its evidence.",
                    );
                    ui.add_space(8.0);
                    legend_ui(ui);
                }
                1 => {
                    if let Some(id) = self.chart.selection.first().copied() {
                        self.entity_ui(ui, id);
                    }
                }
                n => {
                    ui.heading(format!("{n} selected"));
                    let ids: Vec<_> = self.chart.selection.iter().copied().collect();
                    for id in ids {
                        if let Some(e) = self.model.entity(id)
                            && ui.link(format!("{} ({})", e.name, e.kind)).clicked()
                        {
                            self.actions.push(Action::Focus(id));
                        }
                    }
                    ui.add_space(6.0);
                    ui.weak("Delete hides them; drag one to move them together.");
                }
            }
        });
    }

    fn entity_ui(&mut self, ui: &mut egui::Ui, id: crate::model::EntityId) {
        let Some(e) = self.model.entity(id) else {
            return;
        };
        let e = e.clone();
        ui.heading(&e.name);
        egui::Grid::new("entity_facts")
            .num_columns(2)
            .show(ui, |ui| {
                ui.weak("type");
                ui.label(e.kind.as_str());
                ui.end_row();
                if !e.aliases.is_empty() {
                    ui.weak("aliases");
                    ui.label(e.aliases.join(", "));
                    ui.end_row();
                }
                ui.weak("countries");
                ui.label(if e.countries.is_empty() {
                    "—".to_owned()
                } else {
                    e.countries.join(", ")
                });
                ui.end_row();
                ui.weak("mentions");
                ui.label(format!(
                    "{} in {} documents",
                    e.mentions.len(),
                    e.documents().len()
                ));
                ui.end_row();
                if self.chart.pinned.contains(&id) {
                    ui.weak("pinned");
                    if ui.small_button("unpin").clicked() {
                        self.apply_edit(crate::model::edit::Edit::SetPinned {
                            entities: vec![id],
                            pinned: false,
                        });
                    }
                    ui.end_row();
                }
            });
        if let Some(note) = &e.note {
            ui.label(RichText::new(note).italics());
        }
        ui.separator();
        let links: Vec<Link> = self.model.links_of(id).cloned().collect();
        ui.strong(format!("Links ({})", links.len()));
        for link in &links {
            let other = if link.from == id { link.to } else { link.from };
            let other_name = self
                .model
                .entity(other)
                .map_or_else(|| other.to_string(), |o| o.name.clone());
            let arrow = match (link.directed, link.from == id) {
                (false, _) => "—",
                (true, true) => "->",
                (true, false) => "<-",
            };
            let shown = self.view.links.binary_search(&link.id).is_ok();
            egui::CollapsingHeader::new(
                RichText::new(format!("{arrow} {} {arrow} {other_name}", link.label)).color(
                    if shown {
                        ui.visuals().text_color()
                    } else {
                        Color32::GRAY
                    },
                ),
            )
            .id_salt(("entity_link", link.id))
            .default_open(link.kind != LinkKind::CoMention)
            .show(ui, |ui| {
                if ui.small_button(format!("go to {other_name}")).clicked() {
                    self.actions.push(Action::Focus(other));
                }
                self.evidence_list_ui(ui, &link.evidence);
            });
        }
        ui.separator();
        egui::CollapsingHeader::new(format!("Mentions ({})", e.mentions.len()))
            .id_salt("entity_mentions")
            .show(ui, |ui| {
                let mut seen: Vec<(DocIdx, u32)> =
                    e.mentions.iter().map(|m| (m.doc, m.sentence)).collect();
                seen.dedup();
                let ev: Vec<Evidence> = seen
                    .into_iter()
                    .map(|(doc, sentence)| Evidence {
                        doc,
                        sentence,
                        hedged: false,
                    })
                    .collect();
                self.evidence_list_ui(ui, &ev);
            });
    }

    fn link_ui(&mut self, ui: &mut egui::Ui, link: &Link) {
        let name = |id| {
            self.model
                .entity(id)
                .map_or_else(|| format!("{id}"), |e| e.name.clone())
        };
        ui.heading(format!(
            "{} {} {}",
            name(link.from),
            link.label,
            name(link.to)
        ));
        let kind = match link.kind {
            LinkKind::Stated => "stated",
            LinkKind::CoMention => "co-mention",
            LinkKind::Manual => "added by hand",
        };
        ui.label(format!(
            "{kind} · {:?} · {} sentences in {} documents",
            self.model.confidence(link),
            link.evidence.len(),
            link.documents().len()
        ));
        ui.horizontal(|ui| {
            if ui.small_button(name(link.from)).clicked() {
                self.actions.push(Action::Focus(link.from));
            }
            if ui.small_button(name(link.to)).clicked() {
                self.actions.push(Action::Focus(link.to));
            }
        });
        ui.separator();
        self.evidence_list_ui(ui, &link.evidence);
    }

    fn evidence_list_ui(&mut self, ui: &mut egui::Ui, evidence: &[Evidence]) {
        for ev in evidence {
            let Some(doc) = self.model.document(ev.doc) else {
                continue;
            };
            let sentence = doc.sentence(ev.sentence).trim().to_owned();
            let mut text = RichText::new(format!("“{sentence}”"));
            if ev.hedged {
                text = text.italics();
            }
            let r = ui
                .add(egui::Label::new(text).sense(egui::Sense::click()))
                .on_hover_text("open the document at this sentence");
            if r.hovered() {
                ui.painter().rect_stroke(
                    r.rect.expand(1.0),
                    2.0,
                    egui::Stroke::new(1.0, ui.visuals().selection.stroke.color),
                    egui::StrokeKind::Outside,
                );
            }
            if r.clicked() {
                self.actions.push(Action::OpenDocument {
                    doc: ev.doc,
                    sentence: Some(ev.sentence),
                });
            }
            let mut src = source_line(&self.model, ev.doc);
            if ev.hedged {
                src.push_str(" · hedged");
            }
            ui.label(RichText::new(src).small().weak());
            ui.add_space(4.0);
        }
    }
}

fn legend_ui(ui: &mut egui::Ui) {
    ui.strong("Reading the chart");
    ui.label("solid line: stated by two or more sources");
    ui.label("dashed line: stated by one source");
    ui.label("dotted line: co-mention, alleged or denied");
    ui.label("arrow: direction of the relation");
    ui.label("black dot: pinned where you dropped it");
}
