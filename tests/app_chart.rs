//! The app driven through egui_kittest: filtering, dragging, selecting, reading evidence,
//! searching, keyboard shortcuts. Runs on a hand-made model (see `app_support`).

#![cfg(feature = "gui")]

mod app_support;

use std::time::Duration;

use app_support::*;
use egui::Modifiers;
use egui_kittest::kittest::Queryable;
use linkchart::app::LayoutChoice;
use linkchart::model::EntityId;

fn visible(h: &egui_kittest::Harness<'static, linkchart::app::LinkchartApp>) -> Vec<EntityId> {
    h.state().view().entities.clone()
}

#[test]
fn filtering_to_one_country_shows_its_entities_and_one_click_clears() {
    let mut h = harness();
    assert_eq!(visible(&h).len(), 6);

    h.get_by_label("Iran  (2)").click();
    h.run_steps(2);
    assert_eq!(visible(&h), vec![IRAN, SOLEIMANI]);
    // The links between what remains, and the chart draws exactly those nodes.
    assert_eq!(h.state().view().links.len(), 1);
    let mut drawn: Vec<EntityId> = h.state().scene().nodes.iter().map(|n| n.id).collect();
    drawn.sort();
    assert_eq!(drawn, vec![IRAN, SOLEIMANI]);
    // The active filter is shown with the hidden counts.
    h.get_by_label("country Iran ×");
    h.get_by_label_contains("4 entities and 4 links hidden");
    assert!(
        h.state().title().ends_with('•'),
        "a filter change is unsaved"
    );

    h.get_by_label("Clear all").click();
    h.run_steps(2);
    assert_eq!(visible(&h).len(), 6);
    assert!(h.query_by_label("country Iran ×").is_none());
}

#[test]
fn sources_types_and_link_kinds_combine() {
    let mut h = harness();
    // Only the AP report: Russia, GRU, Taliban, Iran are named there; Soleimani and Bagram not.
    h.get_by_label("AP  (1)").click();
    h.run_steps(2);
    assert_eq!(visible(&h), vec![IRAN, TALIBAN, RUSSIA, GRU]);
    // And no countries as entities.
    h.get_by_label("country  (2)").click();
    h.run_steps(2);
    assert_eq!(visible(&h), vec![TALIBAN, GRU]);
    // Co-mentions off leaves the stated link between them.
    h.get_by_label("co-mentions  (2)").click();
    h.run_steps(2);
    assert_eq!(h.state().view().links.len(), 1);
    assert_eq!(h.state().chart.filters.describe().len(), 3);
}

#[test]
fn dragging_a_node_moves_it_pins_it_and_it_stays_through_a_relayout() {
    let mut h = harness();
    let before = h.state().chart.positions[&GRU];
    let from = h.state().screen_pos_of(GRU).expect("GRU is drawn");
    let zoom = h.state().chart.view.zoom;
    let to = from + egui::vec2(-120.0, 80.0);
    drag(&mut h, from, to, Modifiers::NONE);

    let after = h.state().chart.positions[&GRU];
    assert!(
        (after[0] - before[0] + 120.0 / zoom).abs() < 2.0 / zoom
            && (after[1] - before[1] - 80.0 / zoom).abs() < 2.0 / zoom,
        "moved by the drag: {before:?} -> {after:?} at zoom {zoom}"
    );
    assert!(h.state().chart.pinned.contains(&GRU));
    assert!(h.state().dirty);
    // The node is under the pointer where it was dropped.
    assert_eq!(h.state().entity_at(to), Some(GRU));

    // A fresh force layout moves the others but not the pinned node.
    let others_before = h.state().chart.positions[&TALIBAN];
    h.state_mut().relayout(LayoutChoice::Circular);
    h.state_mut().relayout(LayoutChoice::Force);
    assert!(h.state_mut().wait_for_jobs(Duration::from_secs(30)));
    h.run_steps(2);
    assert_eq!(h.state().chart.positions[&GRU], after);
    assert_ne!(h.state().chart.positions[&TALIBAN], others_before);
}

#[test]
fn dragging_the_background_pans_and_the_wheel_zooms_around_the_pointer() {
    let mut h = harness();
    let rect = h.state().canvas.rect;
    // A point of the canvas with no node under it.
    let empty = (0..40)
        .flat_map(|i| (0..40).map(move |j| (i, j)))
        .map(|(i, j)| {
            rect.min
                + egui::vec2(
                    rect.width() * i as f32 / 40.0,
                    rect.height() * j as f32 / 40.0,
                )
        })
        .find(|p| rect.shrink(30.0).contains(*p) && h.state().entity_at(*p).is_none())
        .expect("some empty canvas");
    let centre = h.state().chart.view.center;
    drag(
        &mut h,
        empty,
        empty + egui::vec2(50.0, 0.0),
        Modifiers::NONE,
    );
    let zoom = h.state().chart.view.zoom;
    let panned = h.state().chart.view.center;
    assert!(
        (panned[0] - (centre[0] - 50.0 / zoom)).abs() < 1.0 / zoom,
        "{centre:?} -> {panned:?}"
    );
    assert!(h.state().chart.positions.len() == 6 && h.state().chart.pinned.is_empty());

    let iran = h.state().screen_pos_of(IRAN).expect("drawn");
    h.event(egui::Event::PointerMoved(iran));
    h.event(egui::Event::MouseWheel {
        unit: egui::MouseWheelUnit::Point,
        delta: egui::vec2(0.0, 120.0),
        phase: egui::TouchPhase::Move,
        modifiers: Modifiers::NONE,
        source: egui::MouseWheelSource::Wheel,
    });
    h.run_steps(20);
    assert!(h.state().chart.view.zoom > zoom * 1.05, "wheel zooms in");
    let still = h.state().screen_pos_of(IRAN).expect("drawn");
    assert!(
        still.distance(iran) < 1.5,
        "zoom keeps the point under the pointer: {iran:?} -> {still:?}"
    );
}

#[test]
fn clicking_an_entity_shows_its_evidence_and_the_document_with_highlights() {
    let mut h = harness();
    let at = h.state().screen_pos_of(TALIBAN).expect("drawn");
    click_at(&mut h, at, Modifiers::NONE);
    assert_eq!(
        h.state()
            .chart
            .selection
            .iter()
            .copied()
            .collect::<Vec<_>>(),
        vec![TALIBAN]
    );
    h.run_steps(2);

    // Type, countries, links and the evidence sentence with document, outlet and date.
    h.get_by_label("organization");
    h.get_by_label("Afghanistan");
    h.get_by_label("-> attacked -> Bagram Air Base");
    let quoted = format!("“{SENTENCE_BOUNTY}”");
    assert!(!h.get_all_by_label(&quoted).collect::<Vec<_>>().is_empty());
    assert!(
        h.query_all_by_label("Report a — Al-Monitor, 2020-08-17")
            .count()
            >= 1
    );

    // The sentence opens the document with every recognised entity highlighted.
    h.get_all_by_label(&quoted)
        .next()
        .expect("sentence")
        .click();
    h.run_steps(3);
    let doc = h.state().document_view.clone().expect("document open");
    assert_eq!((doc.doc.0, doc.sentence), (0, Some(0)));
    // The window's heading, besides the source checkbox of the same title.
    assert_eq!(h.query_all_by_label("Report a").count(), 2);
    let highlight = h
        .get_all_by_label("Bagram Air Base")
        .find(|n| n.rect().width() > 0.0)
        .expect("Bagram is highlighted in the text");
    highlight.click();
    h.run_steps(2);
    assert_eq!(
        h.state()
            .chart
            .selection
            .iter()
            .copied()
            .collect::<Vec<_>>(),
        vec![BAGRAM]
    );
}

#[test]
fn shift_click_adds_and_box_select_takes_everything_inside() {
    let mut h = harness();
    let a = h.state().screen_pos_of(IRAN).expect("drawn");
    let b = h.state().screen_pos_of(RUSSIA).expect("drawn");
    click_at(&mut h, a, Modifiers::NONE);
    click_at(&mut h, b, Modifiers::SHIFT);
    assert_eq!(h.state().chart.selection.len(), 2);
    click_at(&mut h, b, Modifiers::SHIFT);
    assert_eq!(
        h.state()
            .chart
            .selection
            .iter()
            .copied()
            .collect::<Vec<_>>(),
        vec![IRAN]
    );

    // Shift-drag on the background around the whole canvas selects every node.
    let rect = h.state().canvas.rect;
    let start = rect.min + egui::vec2(3.0, 3.0);
    assert!(h.state().entity_at(start).is_none());
    drag(
        &mut h,
        start,
        rect.max - egui::vec2(3.0, 3.0),
        Modifiers::SHIFT,
    );
    assert_eq!(h.state().chart.selection.len(), 6);
    assert!(
        h.state().chart.pinned.is_empty(),
        "box select moves nothing"
    );
}

#[test]
fn keyboard_selects_all_hides_and_clears() {
    let mut h = harness();
    h.key_press_modifiers(Modifiers::COMMAND, egui::Key::A);
    h.run_steps(2);
    assert_eq!(h.state().chart.selection.len(), 6);
    h.key_press(egui::Key::Escape);
    h.run_steps(2);
    assert!(h.state().chart.selection.is_empty());

    let at = h.state().screen_pos_of(GRU).expect("drawn");
    click_at(&mut h, at, Modifiers::NONE);
    h.key_press(egui::Key::Delete);
    h.run_steps(2);
    assert!(!h.state().view().contains(GRU));
    h.get_by_label("1 hidden by hand ×").click();
    h.run_steps(2);
    assert!(h.state().view().contains(GRU));
}

#[test]
fn ctrl_f_search_by_alias_selects_and_centres() {
    let mut h = harness();
    h.key_press_modifiers(Modifiers::COMMAND, egui::Key::F);
    h.run_steps(2);
    let search = h.get_by_role(egui::accesskit::Role::TextInput);
    assert!(search.is_focused(), "Ctrl+F focuses the search box");
    search.type_text("qassem");
    h.run_steps(2);
    h.get_by_label("Qasem Soleimani  ·  person").click();
    h.run_steps(3);
    let app = h.state();
    assert_eq!(
        app.chart.selection.iter().copied().collect::<Vec<_>>(),
        vec![SOLEIMANI]
    );
    assert_eq!(app.chart.view.center, app.chart.positions[&SOLEIMANI]);
    let rect = app.canvas.rect;
    let at = app.screen_pos_of(SOLEIMANI).expect("drawn");
    assert!(at.distance(rect.center()) < 1.0);
}

#[test]
fn title_names_the_model_and_marks_unsaved_changes() {
    let mut h = harness();
    assert_eq!(h.state().title(), "linkchart — untitled");
    h.state_mut().hide_selection();
    assert!(!h.state().dirty, "hiding nothing changes nothing");
    h.state_mut().chart.selection.insert(IRAN);
    h.state_mut().hide_selection();
    assert_eq!(h.state().title(), "linkchart — untitled •");
    // The window is told.
    h.step();
    let sent = h
        .output()
        .viewport_output
        .values()
        .flat_map(|v| v.commands.iter())
        .any(|c| matches!(c, egui::ViewportCommand::Title(t) if t == "linkchart — untitled •"));
    assert!(sent, "the title is sent to the window");
}

#[test]
fn dragging_one_of_a_selection_moves_them_together() {
    let mut h = harness();
    let a = h.state().screen_pos_of(IRAN).expect("drawn");
    let b = h.state().screen_pos_of(RUSSIA).expect("drawn");
    click_at(&mut h, a, Modifiers::NONE);
    click_at(&mut h, b, Modifiers::SHIFT);
    let before = h.state().chart.positions.clone();
    drag(&mut h, a, a + egui::vec2(60.0, 40.0), Modifiers::NONE);
    let after = &h.state().chart.positions;
    let moved = |id| {
        [
            after[&id][0] - before[&id][0],
            after[&id][1] - before[&id][1],
        ]
    };
    let (da, db) = (moved(IRAN), moved(RUSSIA));
    assert!(da[0] > 0.0 && da[1] > 0.0, "{da:?}");
    assert!(
        (da[0] - db[0]).abs() < 1e-3 && (da[1] - db[1]).abs() < 1e-3,
        "{da:?} vs {db:?}"
    );
    assert_eq!(after[&TALIBAN], before[&TALIBAN], "unselected nodes stay");
    assert!(h.state().chart.pinned.contains(&IRAN) && h.state().chart.pinned.contains(&RUSSIA));
}

#[test]
fn dragging_across_the_timeline_sets_a_date_range() {
    let mut h = harness();
    let rect = h.state().filters_panel.timeline_rect.expect("a timeline");
    // From the left edge to the middle: the August report, not the December one.
    let y = rect.center().y;
    drag(
        &mut h,
        egui::pos2(rect.left() + 4.0, y),
        egui::pos2(rect.center().x, y),
        Modifiers::NONE,
    );
    h.run_steps(2);
    let (from, to) = h.state().chart.filters.date_range.clone().expect("a range");
    assert!(
        from.as_str() <= "2020-08-17" && "2020-08-17" <= to.as_str(),
        "{from}..{to}"
    );
    assert!(to.as_str() < "2020-12-31", "{from}..{to}");
    // Only what the August report names is left.
    assert!(!h.state().view().contains(GRU) && !h.state().view().contains(RUSSIA));
    assert!(h.state().view().contains(SOLEIMANI));
    h.get_by_label("all dates").click();
    h.run_steps(2);
    assert!(h.state().chart.filters.date_range.is_none());
}

#[test]
fn right_drag_box_selects_what_is_inside_only() {
    let mut h = harness();
    let iran = h.state().screen_pos_of(IRAN).expect("drawn");
    let rect = h.state().canvas.rect;
    // A box from the top-left corner of the canvas to just past Iran.
    let corner = rect.min + egui::vec2(3.0, 3.0);
    let end = iran + egui::vec2(2.0, 2.0);
    drag_with(
        &mut h,
        egui::PointerButton::Secondary,
        corner,
        end,
        Modifiers::NONE,
    );
    let sel = &h.state().chart.selection;
    assert!(sel.contains(&IRAN));
    let boxed = egui::Rect::from_two_pos(corner, end);
    for &id in h.state().chart.positions.keys() {
        let p = h.state().screen_pos_of(id).expect("drawn");
        assert_eq!(sel.contains(&id), boxed.contains(p), "{id}");
    }
    assert!(h.state().chart.pinned.is_empty());
}

#[test]
fn clicking_a_link_shows_its_evidence() {
    let mut h = harness();
    let edge = h
        .state()
        .scene()
        .edges
        .iter()
        .find(|e| e.link == linkchart::model::LinkId(1))
        .expect("Taliban attacked Bagram is drawn")
        .clone();
    let a = edge.points[0];
    let b = edge.points[edge.points.len() - 1];
    let mid = h.state().chart.view.screen_from_chart(
        [
            h.state().canvas.rect.width(),
            h.state().canvas.rect.height(),
        ],
        [(a[0] + b[0]) * 0.5, (a[1] + b[1]) * 0.5],
    );
    let at = h.state().canvas.rect.min + egui::vec2(mid[0], mid[1]);
    assert_eq!(h.state().entity_at(at), None);
    click_at(&mut h, at, Modifiers::NONE);
    assert_eq!(
        h.state().chart.selected_link,
        Some(linkchart::model::LinkId(1))
    );
    h.run_steps(2);
    h.get_by_label("Taliban attacked Bagram Air Base");
    let quoted = format!("“{SENTENCE_BOUNTY}”");
    assert_eq!(h.query_all_by_label(&quoted).count(), 1);
}
