//! Analyst edits through the undo history: the Edit menu (undo/redo with the step's name,
//! rename, change type or countries, split an alias, merge, add link, delete, note on the
//! selection; relabel, note or delete the selected link; grade a source) and Ctrl+Z /
//! Ctrl+Shift+Z. Every change to the model goes through [`LinkchartApp::apply_edit`].

use crate::model::edit::Edit;
use crate::model::{DocIdx, EntityId, EntityType, LinkId, SourceGrade};

use super::LinkchartApp;

/// Text typed into the Edit menu's fields.
#[derive(Clone, Debug, Default)]
pub(super) struct EditUiState {
    name: String,
    link_label: String,
    note: String,
    /// Countries as typed: comma-separated names.
    countries: String,
    /// The entity the fields were filled from, so they refill when the selection changes.
    filled_for: Option<EntityId>,
    /// The selected link's label and note as typed, and the link they were filled from.
    relabel: String,
    link_note: String,
    filled_for_link: Option<LinkId>,
    /// Half-chosen grades (reliability, credibility; `-`/0 = not chosen) by document.
    grade_draft: std::collections::BTreeMap<u32, (char, u8)>,
}

impl LinkchartApp {
    /// Apply an edit through the history. On refusal the status bar says why and nothing changes.
    pub fn apply_edit(&mut self, edit: Edit) -> bool {
        match self.history.apply(&mut self.model, &mut self.chart, edit) {
            Ok(()) => {
                self.after_edit();
                true
            }
            Err(crate::model::edit::EditError::Nothing) => false,
            Err(e) => {
                self.jobs.error = Some(format!("edit refused: {e}"));
                false
            }
        }
    }

    /// Undo the last edit; false when there is none.
    pub fn undo(&mut self) -> bool {
        let done = self.history.undo(&mut self.model, &mut self.chart);
        if done {
            self.after_edit();
        }
        done
    }

    /// Redo the last undone edit; false when there is none.
    pub fn redo(&mut self) -> bool {
        let done = self.history.redo(&mut self.model, &mut self.chart);
        if done {
            self.after_edit();
        }
        done
    }

    /// Show every hidden entity (one undoable step).
    pub fn show_all_hidden(&mut self) {
        if self.chart.hidden.is_empty() {
            return;
        }
        let entities = self.chart.hidden.iter().copied().collect();
        self.apply_edit(Edit::SetHidden {
            entities,
            hidden: false,
        });
    }

    fn after_edit(&mut self) {
        self.sync_dirty();
        // Recomputed only when the edit changed the model, the filters or the hidden set (the
        // view key says): a move or a pin leaves what is visible as it was.
        self.refresh_view();
        // Whatever the edit removed cannot stay selected or open.
        let model = &self.model;
        self.chart
            .selection
            .retain(|id| model.entity(*id).is_some());
        if let Some(l) = self.chart.selected_link
            && model.link(l).is_none()
        {
            self.chart.selected_link = None;
        }
        self.edit_ui.filled_for = None;
        self.edit_ui.filled_for_link = None;
        // A layout still running knows the old pins and entities: restart it from the edited
        // chart, so an undone drag is not put back by its stale pin.
        if self.jobs.layout.as_ref().is_some_and(|l| !l.is_settled()) {
            self.jobs.layout = Some(super::jobs::LayoutRun::spawn(
                &self.model,
                &self.chart,
                &self.view,
            ));
        }
    }

    pub(super) fn edit_shortcuts(&mut self, ctx: &egui::Context) {
        if ctx.egui_wants_keyboard_input() {
            // A text field has its own undo.
            return;
        }
        let (redo, undo) = ctx.input_mut(|i| {
            let redo = i.consume_key(
                egui::Modifiers::COMMAND | egui::Modifiers::SHIFT,
                egui::Key::Z,
            ) || i.consume_key(egui::Modifiers::COMMAND, egui::Key::Y);
            let undo = i.consume_key(egui::Modifiers::COMMAND, egui::Key::Z);
            (redo, undo)
        });
        if redo {
            self.redo();
        } else if undo {
            self.undo();
        }
    }

    /// The selected entities, in id order.
    fn selected(&self) -> Vec<EntityId> {
        self.chart.selection.iter().copied().collect()
    }

    pub(super) fn edit_menu_ui(&mut self, ui: &mut egui::Ui) {
        ui.menu_button("Edit", |ui| {
            let undo = self
                .history
                .next_undo()
                .map(|e| format!("Undo {} (Ctrl+Z)", e.label()));
            if ui
                .add_enabled(
                    undo.is_some(),
                    egui::Button::new(undo.unwrap_or_else(|| "Undo (Ctrl+Z)".into())),
                )
                .clicked()
            {
                self.undo();
                ui.close();
            }
            let redo = self
                .history
                .next_redo()
                .map(|e| format!("Redo {} (Ctrl+Shift+Z)", e.label()));
            if ui
                .add_enabled(
                    redo.is_some(),
                    egui::Button::new(redo.unwrap_or_else(|| "Redo (Ctrl+Shift+Z)".into())),
                )
                .clicked()
            {
                self.redo();
                ui.close();
            }
            ui.separator();
            self.selection_edits_ui(ui);
            if let Some(link) = self.chart.selected_link {
                ui.separator();
                self.link_edits_ui(ui, link);
            }
            ui.separator();
            ui.menu_button("Grade a source (Admiralty)", |ui| self.grade_sources_ui(ui));
        });
    }

    fn link_edits_ui(&mut self, ui: &mut egui::Ui, id: LinkId) {
        let Some(link) = self.model.link(id) else {
            return;
        };
        let (label, note) = (link.label.clone(), link.note.clone().unwrap_or_default());
        if self.edit_ui.filled_for_link != Some(id) {
            self.edit_ui.relabel = label.clone();
            self.edit_ui.link_note = note.clone();
            self.edit_ui.filled_for_link = Some(id);
        }
        ui.label(format!("Link: {label}"));
        ui.horizontal(|ui| {
            ui.add(egui::TextEdit::singleline(&mut self.edit_ui.relabel).desired_width(160.0));
            let new = self.edit_ui.relabel.trim().to_owned();
            if ui
                .add_enabled(
                    !new.is_empty() && new != label,
                    egui::Button::new("Relabel"),
                )
                .clicked()
            {
                self.apply_edit(Edit::RelabelLink {
                    link: id,
                    label: new,
                });
            }
        });
        ui.horizontal(|ui| {
            ui.add(
                egui::TextEdit::singleline(&mut self.edit_ui.link_note)
                    .hint_text("note")
                    .desired_width(160.0),
            );
            if ui
                .add_enabled(
                    self.edit_ui.link_note != note,
                    egui::Button::new("Set link note"),
                )
                .clicked()
            {
                let note = self.edit_ui.link_note.clone();
                self.apply_edit(Edit::SetLinkNote { link: id, note });
            }
        });
        if ui.button("Delete link").clicked() {
            self.apply_edit(Edit::DeleteLink { link: id });
            ui.close();
        }
    }

    /// Each document with its Admiralty grade: reliability A-F and credibility 1-6.
    fn grade_sources_ui(&mut self, ui: &mut egui::Ui) {
        let docs: Vec<(DocIdx, String, Option<SourceGrade>)> = self
            .model
            .documents
            .iter()
            .enumerate()
            .map(|(i, d)| {
                let name = d.title.clone().unwrap_or_else(|| d.id.clone());
                let short: String = name.chars().take(48).collect();
                (DocIdx(i as u32), short, d.grade)
            })
            .collect();
        for (doc, name, grade) in docs {
            ui.horizontal(|ui| {
                ui.label(name);
                let (mut r, mut c) = self
                    .edit_ui
                    .grade_draft
                    .get(&doc.0)
                    .copied()
                    .unwrap_or(grade.map_or(('-', 0), |g| (g.reliability, g.credibility)));
                egui::ComboBox::from_id_salt(("reliability", doc.0))
                    .width(40.0)
                    .selected_text(r.to_string())
                    .show_ui(ui, |ui| {
                        for x in ['-', 'A', 'B', 'C', 'D', 'E', 'F'] {
                            ui.selectable_value(&mut r, x, x.to_string());
                        }
                    });
                egui::ComboBox::from_id_salt(("credibility", doc.0))
                    .width(40.0)
                    .selected_text(if c == 0 { "-".into() } else { c.to_string() })
                    .show_ui(ui, |ui| {
                        ui.selectable_value(&mut c, 0, "-");
                        for x in 1..=6u8 {
                            ui.selectable_value(&mut c, x, x.to_string());
                        }
                    });
                // A grade takes effect when both halves are chosen; setting either back to
                // '-' removes it. Half a grade waits as a draft.
                let new = SourceGrade::new(r, c);
                if new.is_some() || (r == '-' && c == 0) || grade.is_some() {
                    self.edit_ui.grade_draft.remove(&doc.0);
                    if new != grade {
                        self.apply_edit(Edit::GradeSource {
                            document: doc,
                            grade: new,
                        });
                    }
                } else {
                    self.edit_ui.grade_draft.insert(doc.0, (r, c));
                }
            });
        }
    }

    fn selection_edits_ui(&mut self, ui: &mut egui::Ui) {
        let sel = self.selected();
        match sel.as_slice() {
            [] => {
                ui.weak("Select one entity to rename, retype, note or delete it;");
                ui.weak("select two to merge them or link them.");
            }
            [one] => self.single_entity_edits_ui(ui, *one),
            [a, b] => self.pair_edits_ui(ui, *a, *b),
            many => {
                ui.weak(format!("{} entities selected", many.len()));
                if ui.button("Hide selected (Delete)").clicked() {
                    self.hide_selection();
                    ui.close();
                }
            }
        }
    }

    fn single_entity_edits_ui(&mut self, ui: &mut egui::Ui, id: EntityId) {
        let Some(entity) = self.model.entity(id) else {
            return;
        };
        let (name, kind, note) = (
            entity.name.clone(),
            entity.kind,
            entity.note.clone().unwrap_or_default(),
        );
        let countries = entity.countries.join(", ");
        let aliases = entity.aliases.clone();
        if self.edit_ui.filled_for != Some(id) {
            self.edit_ui.name = name.clone();
            self.edit_ui.note = note.clone();
            self.edit_ui.countries = countries.clone();
            self.edit_ui.filled_for = Some(id);
        }
        ui.label(format!("{name} ({kind})"));
        ui.horizontal(|ui| {
            ui.add(egui::TextEdit::singleline(&mut self.edit_ui.name).desired_width(160.0));
            let new = self.edit_ui.name.trim().to_owned();
            if ui
                .add_enabled(!new.is_empty() && new != name, egui::Button::new("Rename"))
                .clicked()
            {
                self.apply_edit(Edit::Rename {
                    entity: id,
                    name: new,
                });
            }
        });
        ui.menu_button("Change type", |ui| {
            for t in EntityType::ALL {
                if ui
                    .add_enabled(t != kind, egui::Button::new(t.as_str()))
                    .clicked()
                {
                    self.apply_edit(Edit::SetType {
                        entity: id,
                        kind: t,
                    });
                    ui.close();
                }
            }
        });
        ui.horizontal(|ui| {
            ui.add(
                egui::TextEdit::singleline(&mut self.edit_ui.countries)
                    .hint_text("countries, comma-separated")
                    .desired_width(160.0),
            );
            if ui
                .add_enabled(
                    self.edit_ui.countries != countries,
                    egui::Button::new("Set countries"),
                )
                .clicked()
            {
                let mut list: Vec<String> = self
                    .edit_ui
                    .countries
                    .split(',')
                    .map(|c| c.trim().to_owned())
                    .filter(|c| !c.is_empty())
                    .collect();
                list.dedup();
                self.apply_edit(Edit::SetCountries {
                    entity: id,
                    countries: list,
                });
            }
        });
        if !aliases.is_empty() {
            ui.menu_button("Split an alias off into a new entity", |ui| {
                for alias in aliases {
                    if ui.button(&alias).clicked() {
                        self.apply_edit(Edit::SplitAlias { entity: id, alias });
                        ui.close();
                    }
                }
            });
        }
        ui.horizontal(|ui| {
            ui.add(
                egui::TextEdit::singleline(&mut self.edit_ui.note)
                    .hint_text("note")
                    .desired_width(160.0),
            );
            if ui
                .add_enabled(self.edit_ui.note != note, egui::Button::new("Set note"))
                .clicked()
            {
                let note = self.edit_ui.note.clone();
                self.apply_edit(Edit::SetEntityNote { entity: id, note });
            }
        });
        if ui.button("Hide (Delete)").clicked() {
            self.hide_selection();
            ui.close();
        }
        if ui.button("Delete entity and its links").clicked() {
            self.apply_edit(Edit::DeleteEntity { entity: id });
            ui.close();
        }
    }

    fn pair_edits_ui(&mut self, ui: &mut egui::Ui, a: EntityId, b: EntityId) {
        let name = |id: EntityId| {
            self.model
                .entity(id)
                .map(|e| e.name.clone())
                .unwrap_or_default()
        };
        let (na, nb) = (name(a), name(b));
        if ui.button(format!("Merge {nb} into {na}")).clicked() {
            self.apply_edit(Edit::Merge { keep: a, absorb: b });
            ui.close();
        }
        if ui.button(format!("Merge {na} into {nb}")).clicked() {
            self.apply_edit(Edit::Merge { keep: b, absorb: a });
            ui.close();
        }
        ui.horizontal(|ui| {
            ui.add(
                egui::TextEdit::singleline(&mut self.edit_ui.link_label)
                    .hint_text("link label")
                    .desired_width(140.0),
            );
            let label = self.edit_ui.link_label.trim().to_owned();
            if ui
                .add_enabled(!label.is_empty(), egui::Button::new("Add link"))
                .on_hover_text(format!("{na} - {nb}"))
                .clicked()
                && self.apply_edit(Edit::AddLink {
                    from: a,
                    to: b,
                    label,
                    directed: false,
                })
            {
                self.edit_ui.link_label.clear();
            }
        });
        if ui.button("Hide both (Delete)").clicked() {
            self.hide_selection();
            ui.close();
        }
    }
}
