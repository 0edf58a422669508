//! The app's side of workspaces: save, reopen in a new app, undo/redo of chart edits, and a
//! damaged file that leaves the open chart alone. Runs on the hand-made model (`app_support`).

#![cfg(feature = "gui")]

mod app_support;

use std::time::Duration;

use app_support::*;
use egui::{Key, Modifiers};
use linkchart::app::LinkchartApp;
use linkchart::model::Model;

const WAIT: Duration = Duration::from_secs(30);

/// Drag GRU by a fixed offset; returns its chart position before and after.
fn drag_gru(h: &mut egui_kittest::Harness<'static, LinkchartApp>) -> ([f32; 2], [f32; 2]) {
    let before = h.state().chart.positions[&GRU];
    let from = h.state().screen_pos_of(GRU).expect("GRU is drawn");
    drag(h, from, from + egui::vec2(-120.0, 80.0), Modifiers::NONE);
    let after = h.state().chart.positions[&GRU];
    assert_ne!(before, after, "the drag moved GRU");
    (before, after)
}

#[test]
fn a_saved_workspace_reopens_in_a_new_app_with_the_same_chart() {
    let dir = tempfile::tempdir().expect("temp dir");
    let file = dir.path().join("case.linkchart");
    let mut h = harness();
    let (_, after) = drag_gru(&mut h);
    assert!(h.state().title().ends_with('•'), "the drag is unsaved");

    h.state_mut().save_to(&file).expect("save");
    h.run_steps(2);
    assert!(!h.state().has_unsaved_changes());
    assert!(!h.state().title().ends_with('•'), "{}", h.state().title());
    assert!(h.state().title().contains("case.linkchart"));
    assert_eq!(h.state().save_target(), Some(file.as_path()));

    let mut reopened = LinkchartApp::new_for_test(Model::default());
    reopened.open_path(file.clone());
    assert!(reopened.wait_for_jobs(WAIT), "the workspace loads");
    assert_eq!(reopened.jobs.error, None);
    assert_eq!(reopened.model, h.state().model);
    assert_eq!(reopened.chart.positions, h.state().chart.positions);
    assert_eq!(reopened.chart.positions[&GRU], after);
    assert!(reopened.chart.pinned.contains(&GRU));
    assert!(!reopened.has_unsaved_changes());
    assert!(reopened.title().contains("case.linkchart"));
}

#[test]
fn undo_puts_a_dragged_node_back_and_redo_moves_it_again() {
    let mut h = harness();
    assert!(!h.state().chart.pinned.contains(&GRU));
    let (before, after) = drag_gru(&mut h);

    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run_steps(2);
    assert_eq!(h.state().chart.positions[&GRU], before);
    assert!(
        !h.state().chart.pinned.contains(&GRU),
        "undo takes the pin back"
    );
    assert!(
        !h.state().has_unsaved_changes(),
        "back at the opened state: {}",
        h.state().title()
    );

    h.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::Z);
    h.run_steps(2);
    assert_eq!(h.state().chart.positions[&GRU], after);
    assert!(h.state().chart.pinned.contains(&GRU));
    assert!(h.state().has_unsaved_changes());
}

#[test]
fn hiding_with_delete_undoes_and_show_all_is_one_step() {
    let mut h = harness();
    h.state_mut().focus(TALIBAN);
    h.run_steps(1);
    h.key_press(Key::Delete);
    h.run_steps(2);
    assert!(!h.state().view().contains(TALIBAN));
    assert_eq!(
        h.state().history.next_undo().map(|e| e.label()),
        Some("hide")
    );

    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run_steps(2);
    assert!(h.state().view().contains(TALIBAN));

    h.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::Z);
    h.run_steps(2);
    assert!(!h.state().view().contains(TALIBAN));
    h.state_mut().show_all_hidden();
    h.run_steps(2);
    assert!(h.state().view().contains(TALIBAN));
    assert_eq!(
        h.state().history.next_undo().map(|e| e.label()),
        Some("show")
    );
}

#[test]
fn merge_and_added_link_survive_save_and_reopen_and_undo_separately() {
    let dir = tempfile::tempdir().expect("temp dir");
    let file = dir.path().join("edits.linkchart");
    let mut h = harness();
    let links = h.state().model.links.len();
    assert!(
        h.state_mut()
            .apply_edit(linkchart::model::edit::Edit::AddLink {
                from: SOLEIMANI,
                to: BAGRAM,
                label: "planned".into(),
                directed: false,
            })
    );
    assert!(
        h.state_mut()
            .apply_edit(linkchart::model::edit::Edit::Merge {
                keep: RUSSIA,
                absorb: GRU,
            })
    );
    h.run_steps(2);
    assert!(!h.state().view().contains(GRU));
    h.state_mut().save_to(&file).expect("save");

    let mut reopened = LinkchartApp::new_for_test(Model::default());
    reopened.open_path(file);
    assert!(reopened.wait_for_jobs(WAIT));
    assert_eq!(reopened.model, h.state().model);
    assert!(reopened.model.entity(GRU).is_none());

    // Undo in the first app: the merge first, then the link.
    assert!(h.state_mut().undo());
    assert!(h.state().model.entity(GRU).is_some());
    assert_eq!(h.state().model.links.len(), links + 1);
    assert!(h.state_mut().undo());
    assert_eq!(h.state().model.links.len(), links);
}

#[test]
fn a_damaged_file_is_reported_and_the_open_chart_stays() {
    let dir = tempfile::tempdir().expect("temp dir");
    let file = dir.path().join("broken.linkchart");
    std::fs::write(
        &file,
        b"{\"format\": \"linkchart-workspace\", \"version\": 2, \"mod",
    )
    .expect("write");
    let mut h = harness();
    drag_gru(&mut h);
    let (model, chart, title) = (
        h.state().model.clone(),
        h.state().chart.clone(),
        h.state().title(),
    );

    h.state_mut().open_path(file.clone());
    assert!(h.state_mut().wait_for_jobs(WAIT));
    h.run_steps(2);
    let error = h.state().jobs.error.clone().expect("an error is shown");
    assert!(error.contains("broken.linkchart"), "{error}");
    assert_eq!(h.state().model, model);
    assert_eq!(h.state().chart, chart);
    assert_eq!(h.state().title(), title);
    assert!(h.state().has_unsaved_changes(), "the unsaved drag is kept");
    assert!(h.state().history.can_undo());
    // The message is on screen, in the status bar.
    use egui_kittest::kittest::Queryable;
    h.get_by_label_contains("broken.linkchart");
    // The file is untouched.
    assert_eq!(
        std::fs::read(&file).expect("read"),
        b"{\"format\": \"linkchart-workspace\", \"version\": 2, \"mod"
    );
}

/// Let the next frame autosave (if anything is unsaved), then run frames until it has finished.
fn finish_autosave(h: &mut egui_kittest::Harness<'static, LinkchartApp>) {
    let start = std::time::Instant::now();
    h.state_mut().file.autosave_every = Duration::ZERO;
    h.run_steps(1);
    h.state_mut().file.autosave_every = Duration::from_secs(3600);
    while h.state().file.autosave_running() && start.elapsed() < WAIT {
        std::thread::sleep(Duration::from_millis(5));
        h.run_steps(1);
    }
}

#[test]
fn unsaved_work_is_autosaved_and_offered_back_at_the_next_start() {
    use egui_kittest::kittest::Queryable;
    let dir = tempfile::tempdir().expect("temp dir");
    let store = linkchart::workspace::RecoveryStore::new(dir.path().join("recovery"));
    let mut h = harness();
    h.state_mut().file.recovery = Some(store.clone());
    finish_autosave(&mut h);
    assert!(
        store.take().expect("readable").is_none(),
        "nothing unsaved, nothing written"
    );
    let (_, after) = drag_gru(&mut h);
    finish_autosave(&mut h);
    let found = store.take().expect("readable").expect("autosaved");
    assert_eq!(found.workspace.chart.positions[&GRU], after);

    // The next start offers it; Restore brings the work back, still unsaved.
    let mut next = LinkchartApp::new_for_test(fixture());
    next.file.recovery = Some(store.clone());
    next.offer_recovery();
    assert!(next.file.recovery_offered());
    let mut h2 = egui_kittest::Harness::builder()
        .with_size([1280.0, 800.0])
        .build_eframe(move |_| next);
    h2.run_steps(2);
    h2.get_by_label("Restore").click();
    h2.run_steps(2);
    assert!(!h2.state().file.recovery_offered());
    assert_eq!(h2.state().chart.positions[&GRU], after);
    assert!(h2.state().has_unsaved_changes());

    // Saving clears the recovery file.
    let file = dir.path().join("saved.linkchart");
    h2.state_mut().save_to(&file).expect("save");
    assert!(store.take().expect("readable").is_none());
}

#[test]
fn discarding_the_offered_recovery_removes_it_and_keeps_the_open_chart() {
    use egui_kittest::kittest::Queryable;
    let dir = tempfile::tempdir().expect("temp dir");
    let store = linkchart::workspace::RecoveryStore::new(dir.path());
    let mut other = linkchart::workspace::Workspace::new(fixture(), Default::default());
    other.model.entities.truncate(2);
    other.model.links.clear();
    store.write(&other, None).expect("write recovery");

    let mut app = LinkchartApp::new_for_test(fixture());
    app.file.recovery = Some(store.clone());
    app.offer_recovery();
    let entities = app.model.entities.len();
    let mut h = egui_kittest::Harness::builder()
        .with_size([1280.0, 800.0])
        .build_eframe(move |_| app);
    h.run_steps(2);
    h.get_by_label("Discard").click();
    h.run_steps(2);
    assert!(!h.state().file.recovery_offered());
    assert_eq!(h.state().model.entities.len(), entities);
    assert!(store.take().expect("readable").is_none());
}

/// Ask the window to close, as the window manager does, and run one frame.
fn request_close(h: &mut egui_kittest::Harness<'static, LinkchartApp>) {
    if let Some(v) = h.input_mut().viewports.get_mut(&egui::ViewportId::ROOT) {
        v.events.push(egui::ViewportEvent::Close);
    }
    h.step();
}

/// The viewport commands the app sent in the last frame.
fn commands(h: &egui_kittest::Harness<'static, LinkchartApp>) -> Vec<egui::ViewportCommand> {
    h.output()
        .viewport_output
        .get(&egui::ViewportId::ROOT)
        .map(|v| v.commands.clone())
        .unwrap_or_default()
}

#[test]
fn closing_with_unsaved_changes_asks_and_save_saves_then_closes() {
    use egui_kittest::kittest::Queryable;
    let dir = tempfile::tempdir().expect("temp dir");
    let file = dir.path().join("close.linkchart");
    let mut h = harness();
    h.state_mut().save_to(&file).expect("first save");
    h.run_steps(1);

    // Nothing unsaved: the window just closes.
    request_close(&mut h);
    assert!(!commands(&h).contains(&egui::ViewportCommand::CancelClose));

    let (_, after) = drag_gru(&mut h);
    request_close(&mut h);
    assert!(commands(&h).contains(&egui::ViewportCommand::CancelClose));
    h.run_steps(1);
    h.get_by_label("Save changes before closing?");
    h.get_by_label("Cancel").click();
    h.run_steps(2);
    assert!(h.query_by_label("Save changes before closing?").is_none());
    assert!(h.state().has_unsaved_changes());

    request_close(&mut h);
    h.run_steps(1);
    h.get_by_label("Save").click();
    h.step();
    assert!(commands(&h).contains(&egui::ViewportCommand::Close));
    assert!(!h.state().has_unsaved_changes());
    let saved = linkchart::workspace::open(&file).expect("reopen");
    assert_eq!(saved.chart.positions[&GRU], after);
}

#[test]
fn discard_on_close_closes_without_writing() {
    use egui_kittest::kittest::Queryable;
    let mut h = harness();
    drag_gru(&mut h);
    request_close(&mut h);
    assert!(commands(&h).contains(&egui::ViewportCommand::CancelClose));
    h.run_steps(1);
    h.get_by_label("Discard").click();
    h.step();
    assert!(commands(&h).contains(&egui::ViewportCommand::Close));
    assert_eq!(h.state().save_target(), None);
}

#[test]
fn opening_another_file_with_unsaved_changes_asks_first() {
    use egui_kittest::kittest::Queryable;
    let dir = tempfile::tempdir().expect("temp dir");
    let file = dir.path().join("other.linkchart");
    let mut other = linkchart::workspace::Workspace::new(fixture(), Default::default());
    other.model.entities.truncate(2);
    other.model.links.clear();
    linkchart::workspace::save(&file, &other).expect("save other");

    let mut h = harness();
    let (_, after) = drag_gru(&mut h);
    h.state_mut().request_open(file.clone());
    h.run_steps(2);
    assert!(h.state().open_prompt_showing());
    h.get_by_label("Keep working").click();
    h.run_steps(2);
    assert!(!h.state().open_prompt_showing());
    assert!(h.state().jobs.load.is_none(), "nothing is loading");
    assert_eq!(h.state().chart.positions[&GRU], after);

    h.state_mut().request_open(file);
    h.run_steps(2);
    h.get_by_label("Open anyway").click();
    h.run_steps(2);
    assert!(h.state_mut().wait_for_jobs(WAIT));
    assert_eq!(h.state().model.entities.len(), 2);
    assert!(!h.state().has_unsaved_changes());
    assert!(h.state().title().contains("other.linkchart"));
}

#[test]
fn closing_while_a_recovery_is_offered_keeps_it_for_the_next_start() {
    let dir = tempfile::tempdir().expect("temp dir");
    let store = linkchart::workspace::RecoveryStore::new(dir.path());
    store
        .write(
            &linkchart::workspace::Workspace::new(fixture(), Default::default()),
            None,
        )
        .expect("write recovery");
    let mut app = LinkchartApp::new_for_test(fixture());
    app.file.recovery = Some(store.clone());
    app.offer_recovery();
    let mut h = egui_kittest::Harness::builder()
        .with_size([1280.0, 800.0])
        .build_eframe(move |_| app);
    h.run_steps(2);
    request_close(&mut h);
    h.run_steps(1);
    assert!(store.take().expect("readable").is_some());
}

#[test]
fn the_edit_menu_renames_the_selected_entity_and_names_the_undo() {
    use egui_kittest::kittest::Queryable;
    let mut h = harness();
    h.state_mut().focus(GRU);
    h.run_steps(2);
    h.get_by_label("Edit").click();
    h.run_steps(2);
    // The rename field in the menu (the entity panel shows the name too).
    let field = h
        .get_all_by_role(egui::accesskit::Role::TextInput)
        .find(|n| n.value().as_deref() == Some("GRU"))
        .expect("the rename field");
    field.focus();
    field.type_text(" unit 29155");
    h.run_steps(2);
    h.get_by_label("Rename").click();
    h.run_steps(2);
    let name = |h: &egui_kittest::Harness<'static, LinkchartApp>| {
        h.state().model.entity(GRU).map(|e| e.name.clone())
    };
    assert_eq!(name(&h).as_deref(), Some("GRU unit 29155"));
    if h.query_by_label("Undo rename (Ctrl+Z)").is_none() {
        h.get_by_label("Edit").click();
        h.run_steps(2);
    }
    h.get_by_label("Undo rename (Ctrl+Z)").click();
    h.run_steps(2);
    assert_eq!(name(&h).as_deref(), Some("GRU"));
    assert!(!h.state().has_unsaved_changes());
}

#[test]
fn the_edit_menu_sets_countries_splits_an_alias_and_grades_a_source() {
    use egui_kittest::kittest::Queryable;
    let mut h = harness();
    h.state_mut().focus(SOLEIMANI);
    h.run_steps(2);
    h.get_by_label("Edit").click();
    h.run_steps(2);
    let field = h
        .get_all_by_role(egui::accesskit::Role::TextInput)
        .find(|n| n.value().as_deref() == Some("Iran"))
        .expect("the countries field");
    field.focus();
    field.type_text(", Iraq");
    h.run_steps(2);
    h.get_by_label("Set countries").click();
    h.run_steps(2);
    let countries = h.state().model.entity(SOLEIMANI).unwrap().countries.clone();
    assert_eq!(countries, ["Iran", "Iraq"]);

    // Split the first alias off: a new entity of that name appears; undo takes it back.
    let alias = h.state().model.entity(SOLEIMANI).unwrap().aliases[0].clone();
    let before = h.state().model.entities.len();
    if h.query_by_label("Split an alias off into a new entity")
        .is_none()
    {
        h.get_by_label("Edit").click();
        h.run_steps(2);
    }
    h.get_by_label("Split an alias off into a new entity")
        .hover();
    h.run_steps(2);
    h.get_by_role_and_label(egui::accesskit::Role::Button, &alias)
        .click();
    h.run_steps(2);
    assert_eq!(
        h.state().model.entities.len(),
        before + 1,
        "{:?}",
        h.state().jobs.error
    );
    assert!(h.state().model.entities.iter().any(|e| e.name == alias));
    assert!(h.state_mut().undo());
    assert_eq!(h.state().model.entities.len(), before);

    // A source grade goes through the history and shows on evidence lines.
    let doc = linkchart::model::DocIdx(0);
    assert!(
        h.state_mut()
            .apply_edit(linkchart::model::edit::Edit::GradeSource {
                document: doc,
                grade: linkchart::model::SourceGrade::new('B', 2),
            })
    );
    let line = linkchart::app::entity_panel_source_line(&h.state().model, doc);
    assert!(line.ends_with("[graded B2]"), "{line}");
    assert!(h.state_mut().undo());
    assert_eq!(h.state().model.documents[0].grade, None);
}
