//! `layout_view` over a small model: every visible entity placed, pins kept, deterministic.

use std::collections::BTreeSet;

use linkchart::chart::{ChartState, visible};
use linkchart::layout::{LayoutJob, LayoutKind, layout_view, view_edges};
use linkchart::model::{Entity, EntityId, EntityType, Link, LinkId, LinkKind, Model};

fn entity(id: u32, name: &str, kind: EntityType, countries: &[&str]) -> Entity {
    Entity {
        id: EntityId(id),
        name: name.into(),
        kind,
        aliases: vec![],
        countries: countries.iter().map(|s| s.to_string()).collect(),
        mentions: vec![],
        note: None,
    }
}

fn link(id: u32, from: u32, to: u32) -> Link {
    Link {
        id: LinkId(id),
        from: EntityId(from),
        to: EntityId(to),
        label: "mentioned with".into(),
        kind: LinkKind::Manual,
        directed: false,
        evidence: vec![],
        note: None,
    }
}

fn model() -> Model {
    Model {
        entities: vec![
            entity(1, "Iran", EntityType::Country, &[]),
            entity(2, "Qasem Soleimani", EntityType::Person, &["Iran"]),
            entity(3, "IRGC", EntityType::Organization, &["Iran"]),
            entity(4, "Russia", EntityType::Country, &[]),
            entity(5, "GRU", EntityType::Organization, &["Russia"]),
            entity(6, "Unit 29155", EntityType::Organization, &["Russia"]),
            entity(7, "Taliban", EntityType::Organization, &[]),
            entity(8, "Kabul", EntityType::Place, &["Afghanistan"]),
            entity(9, "Bagram", EntityType::Facility, &["Afghanistan"]),
            entity(10, "Lone", EntityType::Other, &[]),
        ],
        links: vec![
            link(1, 2, 3),
            link(2, 3, 1),
            link(3, 5, 6),
            link(4, 5, 4),
            link(5, 6, 7),
            link(6, 3, 7),
            link(7, 8, 9),
            link(8, 7, 8),
        ],
        ..Model::default()
    }
}

fn dist(a: [f32; 2], b: [f32; 2]) -> f32 {
    (a[0] - b[0]).hypot(a[1] - b[1])
}

#[test]
fn every_kind_places_every_visible_entity_deterministically() {
    let m = model();
    let chart = ChartState::default();
    let view = visible(&m, &chart);
    for kind in [
        LayoutKind::Force,
        LayoutKind::Circular,
        LayoutKind::ByCountry,
    ] {
        let p = layout_view(&m, &chart, &view, kind);
        assert_eq!(
            p.keys().copied().collect::<Vec<_>>(),
            view.entities,
            "{kind:?}"
        );
        assert!(p.values().all(|q| q[0].is_finite() && q[1].is_finite()));
        assert_eq!(
            p,
            layout_view(&m, &chart, &view, kind),
            "{kind:?} deterministic"
        );
        // No two entities on top of each other.
        let pts: Vec<[f32; 2]> = p.values().copied().collect();
        for i in 0..pts.len() {
            for j in 0..i {
                assert!(dist(pts[i], pts[j]) > 10.0, "{kind:?}: {i} and {j} overlap");
            }
        }
    }
}

#[test]
fn force_edges_come_out_near_one_hundred_units() {
    let m = model();
    let chart = ChartState::default();
    let view = visible(&m, &chart);
    let p = layout_view(&m, &chart, &view, LayoutKind::Force);
    for (a, b) in view_edges(&m, &view) {
        let d = dist(p[&a], p[&b]);
        assert!((30.0..300.0).contains(&d), "{a}-{b}: {d}");
    }
}

#[test]
fn pinned_entities_keep_their_place_in_every_layout() {
    let m = model();
    let mut chart = ChartState::default();
    chart.positions.insert(EntityId(5), [777.0, -333.0]);
    chart.pinned.insert(EntityId(5));
    let view = visible(&m, &chart);
    for kind in [
        LayoutKind::Force,
        LayoutKind::Circular,
        LayoutKind::ByCountry,
    ] {
        let p = layout_view(&m, &chart, &view, kind);
        assert_eq!(p[&EntityId(5)], [777.0, -333.0], "{kind:?}");
    }
}

#[test]
fn by_country_keeps_a_country_together() {
    let m = model();
    let chart = ChartState::default();
    let view = visible(&m, &chart);
    let p = layout_view(&m, &chart, &view, LayoutKind::ByCountry);
    let iran = [1, 2, 3].map(|i| p[&EntityId(i)]);
    let russia = [4, 5, 6].map(|i| p[&EntityId(i)]);
    let spread = |g: &[[f32; 2]]| {
        g.iter()
            .flat_map(|a| g.iter().map(move |b| dist(*a, *b)))
            .fold(0.0, f32::max)
    };
    let between = iran
        .iter()
        .flat_map(|a| russia.iter().map(move |b| dist(*a, *b)))
        .fold(f32::INFINITY, f32::min);
    assert!(
        between > spread(&iran).max(spread(&russia)) * 0.5,
        "clusters apart: {between}"
    );
}

#[test]
fn the_entity_job_settles_and_keeps_a_dropped_entity_where_it_was_dropped() {
    let m = model();
    let chart = ChartState::default();
    let view = visible(&m, &chart);
    let job = LayoutJob::spawn(
        view.entities.clone(),
        view_edges(&m, &view),
        Default::default(),
        BTreeSet::new(),
    );
    job.pin(EntityId(7), [500.0, 500.0]);
    while !job.is_settled() {
        std::thread::sleep(std::time::Duration::from_millis(5));
    }
    let mut last = None;
    while let Some(p) = job.try_latest_positions() {
        last = Some(p);
    }
    let p = last.expect("positions");
    assert_eq!(p.len(), view.entities.len());
    assert_eq!(p[&EntityId(7)], [500.0, 500.0]);
}
