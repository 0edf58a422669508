//! The app on the bundled corpus, loaded in the background as `linkchart` does.

#![cfg(feature = "gui")]

use std::time::Duration;

use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use linkchart::app::{LinkchartApp, Source};

#[test]
fn starts_on_the_seeds_and_draws_every_visible_entity() {
    let mut app = LinkchartApp::open(Source::Bundled, None);
    assert!(
        app.wait_for_jobs(Duration::from_secs(60)),
        "load and layout finish"
    );
    assert_eq!(app.title(), "linkchart — seeds");
    assert_eq!(app.model.documents.len(), 4);
    assert!(!app.view().entities.is_empty());
    let mut h = Harness::builder()
        .with_size([1400.0, 880.0])
        .build_eframe(move |_| app);
    h.run_steps(3);
    let app = h.state();
    assert_eq!(app.scene().nodes.len(), app.view().entities.len());
    // Every node is inside the canvas after the automatic fit.
    let rect = app.canvas.rect;
    for n in &app.scene().nodes {
        let p = app.screen_pos_of(n.id).expect("positioned");
        assert!(rect.contains(p), "{} at {p:?} outside {rect:?}", n.label);
    }
    // The sources panel lists every document by title.
    for d in &app.model.documents {
        let shown = d.title.clone().unwrap_or_else(|| d.id.clone());
        let title: String = shown.chars().take(20).collect();
        assert!(
            h.query_all_by_label_contains(&title).count() >= 1,
            "source {title:?} listed"
        );
    }
}

#[test]
fn a_missing_folder_is_reported_not_a_panic() {
    let mut app = LinkchartApp::open(Source::Folder("/no/such/folder".into()), None);
    assert!(app.wait_for_jobs(Duration::from_secs(10)));
    let err = app.jobs.error.clone().expect("an error is shown");
    assert!(err.contains("/no/such/folder"), "{err}");
    assert!(app.model.entities.is_empty());
}

#[test]
fn filtering_the_seeds_to_iran_shows_iranian_entities_and_the_links_between_them() {
    let mut app = LinkchartApp::open(Source::Bundled, None);
    assert!(app.wait_for_jobs(Duration::from_secs(60)));
    let iranian: Vec<_> = app
        .model
        .entities
        .iter()
        .filter(|e| e.affiliated_with("Iran"))
        .map(|e| e.id)
        .collect();
    let names: Vec<&str> = iranian
        .iter()
        .filter_map(|id| app.model.entity(*id))
        .map(|e| e.name.as_str())
        .collect();
    assert!(names.contains(&"Iran"), "{names:?}");
    assert!(
        names.iter().any(|n| n.contains("Soleimani")),
        "Soleimani is affiliated with Iran: {names:?}"
    );
    let total = app.view().entities.len();
    let mut h = Harness::builder()
        .with_size([1400.0, 880.0])
        .build_eframe(move |_| app);
    h.run_steps(2);
    h.get_by_label(&format!("Iran  ({})", iranian.len()))
        .click();
    h.run_steps(3);
    let app = h.state();
    assert_eq!(
        app.view().entities,
        iranian,
        "exactly the Iranian entities are visible"
    );
    let mut drawn: Vec<_> = app.scene().nodes.iter().map(|n| n.id).collect();
    drawn.sort();
    assert_eq!(drawn, iranian, "and exactly those are drawn");
    for l in &app.view().links {
        let l = app.model.link(*l).expect("visible link exists");
        assert!(iranian.contains(&l.from) && iranian.contains(&l.to));
    }
    let hidden = total - iranian.len();
    h.get_by_label_contains(&format!("{hidden} entities and"));
}
