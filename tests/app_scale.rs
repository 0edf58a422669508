//! A 10,000-node chart in the app: drawn merged when zoomed out, single nodes when zoomed in,
//! hit-testing and box select through the spatial index, and pan/zoom without rebuilding the
//! scene. No timing here: frame times are in `benches/app_frame.rs`.

#![cfg(feature = "gui")]

mod app_support;

use std::collections::BTreeSet;

use app_support::{click_at, drag, drag_with};
use egui::Modifiers;
use egui_kittest::Harness;
use linkchart::app::LinkchartApp;
use linkchart::model::{EntityId, Model};
use linkchart::scene::synthetic::synthetic_laid_out;

const NODES: usize = 10_000;

/// The app on a laid-out 10k-node, 50k-link chart, fitted to a 1280×800 window.
/// The scene's shape of node `id` (it must be drawn).
fn drawn_node(h: &Harness<'_, LinkchartApp>, id: EntityId) -> linkchart::scene::NodeShape {
    h.state()
        .scene()
        .nodes
        .iter()
        .find(|n| n.id == id)
        .cloned()
        .expect("drawn")
}

fn big() -> Harness<'static, LinkchartApp> {
    let (model, chart) = synthetic_laid_out(NODES, 5 * NODES, 3);
    let mut app = LinkchartApp::new_for_test(Model::default());
    app.set_model(model, Some(chart));
    let mut h = Harness::builder()
        .with_size([1280.0, 800.0])
        .with_theme(egui::Theme::Light)
        .build_eframe(move |_| app);
    h.run_steps(3);
    h
}

/// Zoom to 1 centred on `id`'s position and draw.
fn zoom_in_on(h: &mut Harness<'static, LinkchartApp>, id: EntityId) -> egui::Pos2 {
    let app = h.state_mut();
    let p = app.chart.positions[&id];
    app.auto_fit = false;
    app.chart.view.center = p;
    app.chart.view.zoom = 1.0;
    h.run_steps(2);
    h.state().screen_pos_of(id).expect("on screen")
}

#[test]
fn zoomed_out_the_chart_is_drawn_as_merged_dots_and_bundles() {
    let mut h = big();
    let app = h.state();
    assert_eq!(app.scene().nodes.len(), NODES);
    let painted = app.canvas.painted;
    assert!(painted.lod_level.is_some(), "{painted:?}");
    assert!(
        painted.dots > 100 && painted.dots < NODES / 2,
        "cells merge nodes: {painted:?}"
    );
    assert!(painted.bundles > 0, "{painted:?}");
    assert_eq!(painted.edges, 0, "no single links when merged");
    assert_eq!(painted.labels, 0);

    // Pixels: the middle of the chart is covered with dots and bundles, not left blank.
    let rect = app.canvas.rect;
    let img = h.render().expect("render");
    let background = img
        .get_pixel(rect.min.x as u32 + 2, rect.min.y as u32 + 2)
        .0;
    let mid = rect.center();
    let mut painted_px = 0;
    let mut total = 0;
    for dy in (-150..150).step_by(5) {
        for dx in (-150..150).step_by(5) {
            let p = img.get_pixel((mid.x + dx as f32) as u32, (mid.y + dy as f32) as u32);
            total += 1;
            if p.0 != background {
                painted_px += 1;
            }
        }
    }
    assert!(
        painted_px * 3 > total,
        "{painted_px} of {total} sampled pixels painted"
    );
}

#[test]
fn zoomed_in_single_nodes_are_drawn_and_a_click_selects_exactly_that_node() {
    let mut h = big();
    let target = EntityId(5_050);
    let at = zoom_in_on(&mut h, target);
    let painted = h.state().canvas.painted;
    assert_eq!(painted.lod_level, None);
    assert!(
        painted.nodes > 10 && painted.nodes < 1_000,
        "only what is on screen: {painted:?}"
    );
    assert!(painted.labels > 0, "labels are legible at zoom 1");
    let builds = h.state().scene_stats().builds;

    h.hover_at(at);
    h.step();
    assert_eq!(h.state().canvas.hovered, Some(target));
    click_at(&mut h, at, Modifiers::NONE);
    assert_eq!(h.state().chart.selection, BTreeSet::from([target]));
    let node = drawn_node(&h, target);
    assert!(node.selected, "the scene shows the selection");
    assert_eq!(
        h.state().scene_stats().builds,
        builds,
        "selecting marks the scene in place"
    );
}

#[test]
fn box_select_takes_exactly_the_nodes_inside() {
    let mut h = big();
    zoom_in_on(&mut h, EntityId(4_040));
    let rect = h.state().canvas.rect;
    let (from, to) = (
        rect.center() - egui::vec2(180.0, 120.0),
        rect.center() + egui::vec2(150.0, 100.0),
    );
    drag_with(
        &mut h,
        egui::PointerButton::Secondary,
        from,
        to,
        Modifiers::NONE,
    );
    let boxed = egui::Rect::from_two_pos(from, to);
    let app = h.state();
    let want: BTreeSet<EntityId> = app
        .chart
        .positions
        .keys()
        .copied()
        .filter(|id| app.screen_pos_of(*id).is_some_and(|p| boxed.contains(p)))
        .collect();
    assert!(want.len() > 5, "{}", want.len());
    assert_eq!(app.chart.selection, want);
}

#[test]
fn panning_and_zooming_do_not_rebuild_the_scene_and_dragging_moves_in_place() {
    let mut h = big();
    let before = h.state().scene_stats();
    let (center, zoom) = (h.state().chart.view.center, h.state().chart.view.zoom);
    // Pan by dragging the background (zoomed out: merged), then zoom with the wheel.
    let rect = h.state().canvas.rect;
    let from = (0..400)
        .map(|k| rect.center() + egui::vec2((k % 20) as f32 * 1.5, (k / 20) as f32 * 1.5))
        .find(|p| h.state().entity_at(*p).is_none())
        .expect("background near the centre");
    drag(
        &mut h,
        from,
        from + egui::vec2(120.0, 60.0),
        Modifiers::NONE,
    );
    assert_ne!(h.state().chart.view.center, center, "the chart panned");
    h.event(egui::Event::MouseWheel {
        unit: egui::MouseWheelUnit::Point,
        delta: egui::vec2(0.0, 200.0),
        phase: egui::TouchPhase::Move,
        modifiers: Modifiers::NONE,
        source: egui::MouseWheelSource::Wheel,
    });
    h.run_steps(10);
    assert_ne!(h.state().chart.view.zoom, zoom, "the wheel zoomed");
    let after = h.state().scene_stats();
    assert_eq!(after.builds, before.builds, "pan and zoom reuse the scene");
    assert_eq!(after.position_updates, before.position_updates);

    // Dragging a node moves it and its links in place while the button is down.
    let target = EntityId(6_060);
    let at = zoom_in_on(&mut h, target);
    let before = h.state().scene_stats();
    let start = h.state().chart.positions[&target];
    h.event(egui::Event::PointerMoved(at));
    h.step();
    h.event(egui::Event::PointerButton {
        pos: at,
        button: egui::PointerButton::Primary,
        pressed: true,
        modifiers: Modifiers::NONE,
    });
    h.step();
    for i in 1..=6 {
        h.event(egui::Event::PointerMoved(
            at + egui::vec2(10.0 * i as f32, 0.0),
        ));
        h.step();
    }
    let moved = h.state().chart.positions[&target];
    assert!(moved[0] > start[0] + 30.0, "{start:?} → {moved:?}");
    let during = h.state().scene_stats();
    assert_eq!(during.builds, before.builds, "no rebuild while dragging");
    assert!(during.position_updates > before.position_updates);
    let drawn = drawn_node(&h, target);
    assert_eq!(drawn.center, moved, "the scene follows the drag");
}

#[test]
fn dropping_a_dragged_node_and_undoing_the_move_do_not_rebuild_the_scene() {
    let mut h = big();
    let target = EntityId(7_070);
    let at = zoom_in_on(&mut h, target);
    let start = h.state().chart.positions[&target];
    let before = h.state().scene_stats();
    let views = h.state().view_computations();
    drag(&mut h, at, at + egui::vec2(80.0, 40.0), Modifiers::NONE);
    h.run_steps(2);
    let dropped = h.state().chart.positions[&target];
    assert!(dropped[0] > start[0] + 40.0, "{start:?} → {dropped:?}");
    assert!(
        h.state().chart.pinned.contains(&target),
        "a moved node is pinned"
    );
    assert!(
        h.state().history.can_undo(),
        "the drop is one undoable move"
    );
    let after = h.state().scene_stats();
    assert_eq!(
        after.builds, before.builds,
        "the drop moves the node in place"
    );
    assert!(after.position_updates > before.position_updates);

    assert!(h.state_mut().undo());
    h.run_steps(2);
    assert_eq!(h.state().chart.positions[&target], start);
    assert!(!h.state().chart.pinned.contains(&target));
    let drawn = drawn_node(&h, target).center;
    assert_eq!(drawn, start, "the scene shows the node back where it was");
    assert_eq!(
        h.state().scene_stats().builds,
        before.builds,
        "undoing a move moves the node back in place"
    );
    assert_eq!(
        h.state().view_computations(),
        views,
        "a move and its undo leave the visible set alone"
    );
    // Hiding an entity does change it.
    h.state_mut().chart.selection = [target].into();
    h.state_mut().hide_selection();
    h.run_steps(1);
    assert_eq!(h.state().view_computations(), views + 1);
    assert!(!h.state().view().contains(target));
}

#[test]
fn the_filters_panel_counts_once_and_again_after_a_model_edit() {
    use egui_kittest::kittest::Queryable;
    use linkchart::model::EntityType;
    use linkchart::model::edit::Edit;

    let mut h = big();
    let count = |h: &Harness<'static, LinkchartApp>, t: EntityType| {
        h.state()
            .model
            .entities
            .iter()
            .filter(|e| e.kind == t)
            .count()
    };
    let people = count(&h, EntityType::Person);
    let places = count(&h, EntityType::Place);
    h.get_by_label(&format!("person  ({people})"));
    h.get_by_label(&format!("place  ({places})"));
    // Frames where nothing changes, and a move, count nothing again.
    let recounts = h.state().filters_panel.recounts();
    h.run_steps(3);
    let target = EntityId(2_020);
    let to = {
        let p = h.state().chart.positions[&target];
        [p[0] + 500.0, p[1]]
    };
    assert!(h.state_mut().apply_edit(Edit::Move {
        moves: vec![linkchart::model::edit::NodeMove {
            entity: target,
            from: None,
            to,
        }],
        pin: true,
    }));
    h.run_steps(2);
    assert_eq!(h.state().filters_panel.recounts(), recounts);

    // A person made a place: both counts change at once (the entity count does not).
    let person = h
        .state()
        .model
        .entities
        .iter()
        .find(|e| e.kind == EntityType::Person)
        .expect("a person")
        .id;
    assert!(h.state_mut().apply_edit(Edit::SetType {
        entity: person,
        kind: EntityType::Place,
    }));
    h.run_steps(2);
    h.get_by_label(&format!("person  ({})", people - 1));
    h.get_by_label(&format!("place  ({})", places + 1));
    assert_eq!(h.state().filters_panel.recounts(), recounts + 1);
    // Undo brings the old counts back.
    assert!(h.state_mut().undo());
    h.run_steps(2);
    h.get_by_label(&format!("person  ({people})"));
    h.get_by_label(&format!("place  ({places})"));
}

/// A Barabási–Albert chart (hubs with thousands of links) laid out by our force layout: in its
/// core at zoom 1 more links are in view than can be told apart, so the chart is drawn merged
/// there; zoomed in further, single nodes and links come back.
#[test]
fn the_crowded_core_of_a_hub_chart_is_drawn_merged_until_zoomed_in_further() {
    use linkchart::layout::{barabasi_albert, lay_out_edges};
    use linkchart::scene::synthetic::synthetic_from_edges;
    let n = 10_000;
    let edges = barabasi_albert(n, 5, 1);
    let (positions, _) = lay_out_edges(n, &edges, 150).expect("valid layout input");
    let (model, chart) = synthetic_from_edges(&edges, &positions, 5);
    let mut app = LinkchartApp::new_for_test(Model::default());
    app.set_model(model, Some(chart));
    let mut h = Harness::builder()
        .with_size([1280.0, 800.0])
        .build_eframe(move |_| app);
    h.run_steps(3);
    // The first node is a hub of the preferential attachment.
    let hub = EntityId(0);
    let at = zoom_in_on(&mut h, hub);
    let painted = h.state().canvas.painted;
    assert!(painted.lod_level.is_some(), "crowded core: {painted:?}");
    assert_eq!((painted.edges, painted.labels), (0, 0), "{painted:?}");
    assert_eq!(h.state().link_at(at + egui::vec2(30.0, 0.0)), None);

    h.state_mut().chart.view.zoom = 6.0;
    h.run_steps(2);
    let painted = h.state().canvas.painted;
    assert_eq!(painted.lod_level, None, "{painted:?}");
    assert!(painted.edges > 0 && painted.nodes > 0, "{painted:?}");
    // Single nodes can be hovered again (another node may lie on top of the hub).
    let at = h.state().screen_pos_of(hub).expect("on screen");
    assert!(h.state().entity_at(at).is_some());
}

#[test]
fn a_crowded_view_during_a_layout_is_drawn_merged_at_the_nodes_new_places() {
    // Random long links: at zoom 0.25 (not zoomed out) most of the 60,000 are in view.
    let (model, chart) = linkchart::scene::synthetic::synthetic(NODES, 60_000, 5);
    let mut app = LinkchartApp::new_for_test(Model::default());
    app.set_model(model, Some(chart));
    app.hold_back_slow_updates(false);
    let mut h = Harness::builder()
        .with_size([1280.0, 800.0])
        .build_eframe(move |_| app);
    h.run_steps(3);
    {
        let app = h.state_mut();
        let b = app.scene().bounds;
        app.auto_fit = false;
        app.chart.view.center = b.center();
        app.chart.view.zoom = 0.25;
    }
    h.run_steps(2);
    let painted = h.state().canvas.painted;
    assert!(
        painted.lod_level.is_some() && painted.dots > 0,
        "{painted:?}"
    );
    assert_eq!(painted.edges, 0, "crowded: drawn merged");

    // A layout step carries every node far off to the right.
    for p in h.state_mut().chart.positions.values_mut() {
        p[0] += 100_000.0;
    }
    let redrawn = h.state().scene_stats().deferred_redrawn;
    h.step();
    let app = h.state();
    assert_eq!(app.scene_stats().deferred_updates, 1, "a layout step");
    assert_eq!(
        app.scene_stats().deferred_redrawn,
        redrawn,
        "no link redrawn for a view drawn merged"
    );
    assert!(app.canvas.painted.lod_level.is_some());

    // The layout keeps streaming (small steps): within moments nothing is drawn where the
    // nodes were (the merged level is merged again, spaced out by its cost).
    let started = std::time::Instant::now();
    let mut k = 0;
    loop {
        k += 1;
        let d = if k % 2 == 0 { 0.5 } else { -0.5 };
        for p in h.state_mut().chart.positions.values_mut() {
            p[1] += d;
        }
        h.step();
        let p = h.state().canvas.painted;
        if (p.dots, p.bundles, p.nodes, p.edges) == (0, 0, 0, 0) {
            break;
        }
        assert!(
            started.elapsed() < std::time::Duration::from_secs(3),
            "still drawn where the nodes were: {p:?}"
        );
    }
    assert!(
        h.state().scene_stats().deferred_updates > 1,
        "still streaming"
    );
}

/// Whether the last frame painted link `link`'s straight, solid quad where its scene line is
/// now on screen (the quad's first and third corners, within 0.05 points).
fn link_quad_painted(h: &Harness<'_, LinkchartApp>, link: linkchart::model::LinkId) -> bool {
    let app = h.state();
    let Some(e) = app.scene().edges.iter().find(|e| e.link == link) else {
        return false;
    };
    let (rect, view) = (app.canvas.rect, app.chart.view);
    let to_screen = |p: [f32; 2]| {
        let s = view.screen_from_chart([rect.width(), rect.height()], p);
        egui::pos2(rect.min.x + s[0], rect.min.y + s[1])
    };
    let (a, b) = (to_screen(e.points[0]), to_screen(e.points[1]));
    let d = b - a;
    let n = egui::vec2(-d.y, d.x) * (0.5 * (e.width * view.zoom).max(0.75) / d.length());
    let (first, third) = (a + n, b - n);
    h.output().shapes.iter().any(|c| match &c.shape {
        egui::Shape::Mesh(m) => m
            .vertices
            .windows(3)
            .any(|w| (w[0].pos - first).length() < 0.05 && (w[2].pos - third).length() < 0.05),
        _ => false,
    })
}

#[test]
fn after_a_still_frame_a_pan_and_a_moved_node_draw_the_links_where_they_now_are() {
    let mut h = big();
    let target = EntityId(5_050);
    zoom_in_on(&mut h, target);
    // A solid straight link of the target's, drawn.
    let (link, other) = {
        let app = h.state();
        let e = app
            .scene()
            .edges
            .iter()
            .find(|e| {
                (e.from == target || e.to == target)
                    && e.points.len() == 2
                    && e.style == linkchart::scene::LineStyle::Solid
            })
            .expect("a solid link of the target");
        (e.link, if e.from == target { e.to } else { e.from })
    };
    h.run_steps(2);
    assert!(link_quad_painted(&h, link), "drawn on a still frame");
    let edges = h.state().canvas.painted.edges;
    assert!(edges > 0);

    // Small and large pans (within the reused area and beyond it): drawn where it now is.
    for (dx, dy) in [
        (40.0, 25.0),
        (-300.0, 180.0),
        (1_500.0, -900.0),
        (-1_240.0, 695.0),
    ] {
        let app = h.state_mut();
        app.chart.view.center[0] += dx;
        app.chart.view.center[1] += dy;
        h.run_steps(1);
        let app = h.state();
        let on_screen = app
            .canvas
            .rect
            .contains(app.screen_pos_of(target).expect("placed"))
            && app
                .canvas
                .rect
                .contains(app.screen_pos_of(other).expect("placed"));
        if on_screen {
            assert!(link_quad_painted(&h, link), "pan by {dx}, {dy}");
        }
    }
    h.run_steps(1);
    assert!(link_quad_painted(&h, link), "back near the start");

    // A node moved (an edit after cached frames): its link follows it.
    let app = h.state_mut();
    let p = app.chart.positions[&other];
    app.chart
        .positions
        .insert(other, [p[0] + 37.0, p[1] - 21.0]);
    h.run_steps(2);
    assert!(link_quad_painted(&h, link), "after a node moved");
}
