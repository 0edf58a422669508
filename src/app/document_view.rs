//! The document view: one document's text with every recognised entity highlighted in its
//! type's colour and the evidence sentence marked; clicking a highlight selects that entity.

use std::collections::BTreeSet;

use egui::{Color32, RichText};

use super::{Action, LinkchartApp};
use crate::model::{DocIdx, EntityId, Model};

/// Which document is open, and the sentence to show.
#[derive(Clone, Debug, PartialEq)]
pub struct DocumentView {
    pub doc: DocIdx,
    pub sentence: Option<u32>,
    scroll_pending: bool,
}

impl DocumentView {
    pub fn new(doc: DocIdx, sentence: Option<u32>) -> Self {
        Self {
            doc,
            sentence,
            scroll_pending: true,
        }
    }
}

/// A run of a document's text: plain, or naming an entity; inside the marked sentence or not.
#[derive(Clone, Debug, PartialEq)]
pub struct Piece {
    pub range: std::ops::Range<usize>,
    pub entity: Option<EntityId>,
    pub marked: bool,
}

/// Cut a document's text into pieces at entity mentions and at the marked sentence.
/// Overlapping mentions keep the earlier (then longer) one.
pub fn pieces(model: &Model, doc: DocIdx, sentence: Option<u32>) -> Vec<Piece> {
    let Some(d) = model.document(doc) else {
        return Vec::new();
    };
    let len = d.text.len();
    let mut mentions: Vec<(usize, usize, EntityId)> = model
        .entities
        .iter()
        .flat_map(|e| {
            e.mentions
                .iter()
                .filter(|m| m.doc == doc)
                .map(move |m| (m.span.start as usize, m.span.end as usize, e.id))
        })
        .filter(|(a, b, _)| a < b && *b <= len)
        .collect();
    mentions.sort_by_key(|(a, b, _)| (*a, std::cmp::Reverse(*b)));
    let mut kept: Vec<(usize, usize, EntityId)> = Vec::new();
    for m in mentions {
        if kept.last().is_none_or(|k| m.0 >= k.1) {
            kept.push(m);
        }
    }
    let marked = sentence
        .and_then(|s| d.sentences.get(s as usize))
        .map(|s| s.range());
    let mut cuts: BTreeSet<usize> = [0, len].into_iter().collect();
    for (a, b, _) in &kept {
        cuts.insert(*a);
        cuts.insert(*b);
    }
    if let Some(r) = &marked {
        cuts.insert(r.start.min(len));
        cuts.insert(r.end.min(len));
    }
    let cuts: Vec<usize> = cuts
        .into_iter()
        .filter(|c| d.text.is_char_boundary(*c))
        .collect();
    cuts.windows(2)
        .map(|w| {
            let (a, b) = (w[0], w[1]);
            Piece {
                range: a..b,
                entity: kept
                    .iter()
                    .find(|(s, e, _)| *s <= a && b <= *e)
                    .map(|k| k.2),
                marked: marked.as_ref().is_some_and(|r| r.start <= a && b <= r.end),
            }
        })
        .collect()
}

impl LinkchartApp {
    pub(super) fn document_view_ui(&mut self, ctx: &egui::Context) {
        let Some(view) = self.document_view.clone() else {
            return;
        };
        let Some(doc) = self.model.document(view.doc) else {
            self.document_view = None;
            return;
        };
        let mut open = true;
        let mut scrolled = false;
        let title = doc.title.clone().unwrap_or_else(|| doc.id.clone());
        egui::Window::new("Document")
            .id(egui::Id::unique("document_view"))
            .open(&mut open)
            .default_size([560.0, 620.0])
            .default_pos(self.canvas.rect.left_top() + egui::vec2(24.0, 40.0))
            .vscroll(false)
            .show(ctx, |ui| {
                ui.heading(&title);
                let meta: Vec<&str> = [doc.outlet.as_deref(), doc.date.as_deref(), Some(&doc.id)]
                    .into_iter()
                    .flatten()
                    .collect();
                ui.label(RichText::new(meta.join(" · ")).weak());
                if let Some(g) = doc.grade {
                    ui.label(format!("source grade {g}"));
                }
                ui.separator();
                egui::ScrollArea::vertical().show(ui, |ui| {
                    ui.spacing_mut().item_spacing.x = 0.0;
                    ui.horizontal_wrapped(|ui| {
                        for piece in pieces(&self.model, view.doc, view.sentence) {
                            let Some(text) = doc.text.get(piece.range.clone()) else {
                                continue;
                            };
                            let mut lines = text.split('\n').peekable();
                            while let Some(line) = lines.next() {
                                if !line.is_empty() {
                                    let mut rt = RichText::new(line);
                                    if piece.marked {
                                        rt = rt.background_color(Color32::from_rgb(255, 236, 150));
                                    }
                                    let r = match piece.entity.and_then(|id| self.model.entity(id))
                                    {
                                        Some(e) => {
                                            let c = crate::scene::style::type_color(e.kind).0;
                                            let bg = Color32::from_rgba_unmultiplied(
                                                c[0], c[1], c[2], 60,
                                            );
                                            let r = ui
                                                .add(
                                                    egui::Label::new(
                                                        rt.background_color(bg).strong(),
                                                    )
                                                    .sense(egui::Sense::click()),
                                                )
                                                .on_hover_text(format!(
                                                    "{} ({}) — click to select",
                                                    e.name, e.kind
                                                ));
                                            if r.clicked() {
                                                self.actions.push(Action::Focus(e.id));
                                            }
                                            r
                                        }
                                        None => ui.add(egui::Label::new(rt).wrap()),
                                    };
                                    if piece.marked && view.scroll_pending && !scrolled {
                                        r.scroll_to_me(Some(egui::Align::Center));
                                        scrolled = true;
                                    }
                                }
                                if lines.peek().is_some() {
                                    ui.end_row();
                                }
                            }
                        }
                    });
                });
            });
        match &mut self.document_view {
            Some(v) if open => v.scroll_pending = v.scroll_pending && !scrolled,
            _ => self.document_view = None,
        }
    }
}
