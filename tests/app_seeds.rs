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
