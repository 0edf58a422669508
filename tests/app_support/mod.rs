//! A small hand-made model for the app tests: two outlets, two dates, three countries, stated
//! and co-mention links with evidence. Independent of the extractor, so the tests check the app.

#![allow(dead_code)]

use std::time::Duration;

use egui_kittest::Harness;
use linkchart::app::LinkchartApp;
use linkchart::model::{
    DocIdx, Document, Entity, EntityId, EntityType, Evidence, Link, LinkId, LinkKind, Mention,
    Model, Span,
};

pub const IRAN: EntityId = EntityId(0);
pub const TALIBAN: EntityId = EntityId(1);
pub const SOLEIMANI: EntityId = EntityId(2);
pub const BAGRAM: EntityId = EntityId(3);
pub const RUSSIA: EntityId = EntityId(4);
pub const GRU: EntityId = EntityId(5);

pub const SENTENCE_BOUNTY: &str =
    "US intelligence agencies believe that Iran paid the Taliban to attack Bagram Air Base.";

const DOC_A: [&str; 3] = [
    SENTENCE_BOUNTY,
    "Qassem Soleimani led the Quds Force of Iran.",
    "The Taliban denied it.",
];
const DOC_B: [&str; 2] = [
    "Russia's GRU offered bounties to the Taliban, officials said.",
    "Iran paid the Taliban as well, the report added.",
];

fn document(id: &str, outlet: &str, date: &str, sentences: &[&str]) -> Document {
    let mut text = String::new();
    let mut spans = Vec::new();
    for s in sentences {
        let start = text.len();
        text.push_str(s);
        spans.push(Span::new(start, text.len()));
        text.push(' ');
    }
    Document {
        id: id.into(),
        path: format!("fixture/{id}.txt"),
        title: Some(format!("Report {id}")),
        outlet: Some(outlet.into()),
        date: Some(date.into()),
        text,
        sentences: spans,
        grade: None,
    }
}

fn mentions(docs: &[Document], surface: &[&str]) -> Vec<Mention> {
    let mut out = Vec::new();
    for (di, d) in docs.iter().enumerate() {
        for (si, s) in d.sentences.iter().enumerate() {
            let text = &d.text[s.range()];
            for form in surface {
                if let Some(at) = text.find(form) {
                    let start = s.start as usize + at;
                    out.push(Mention {
                        doc: DocIdx(di as u32),
                        sentence: si as u32,
                        span: Span::new(start, start + form.len()),
                    });
                }
            }
        }
    }
    out.sort();
    out
}

fn entity(
    docs: &[Document],
    id: EntityId,
    name: &str,
    kind: EntityType,
    aliases: &[&str],
    countries: &[&str],
    surface: &[&str],
) -> Entity {
    Entity {
        id,
        name: name.into(),
        kind,
        aliases: aliases.iter().map(|s| s.to_string()).collect(),
        countries: countries.iter().map(|s| s.to_string()).collect(),
        mentions: mentions(docs, surface),
        note: None,
    }
}

fn ev(doc: u32, sentence: u32) -> Evidence {
    Evidence {
        doc: DocIdx(doc),
        sentence,
        hedged: false,
    }
}

pub fn fixture() -> Model {
    let documents = vec![
        document("a", "Al-Monitor", "2020-08-17", &DOC_A),
        document("b", "AP", "2020-12-31", &DOC_B),
    ];
    let d = &documents;
    let entities = vec![
        entity(d, IRAN, "Iran", EntityType::Country, &[], &[], &["Iran"]),
        entity(
            d,
            TALIBAN,
            "Taliban",
            EntityType::Organization,
            &[],
            &["Afghanistan"],
            &["Taliban"],
        ),
        entity(
            d,
            SOLEIMANI,
            "Qasem Soleimani",
            EntityType::Person,
            &["Qassem Soleimani"],
            &["Iran"],
            &["Qassem Soleimani"],
        ),
        entity(
            d,
            BAGRAM,
            "Bagram Air Base",
            EntityType::Facility,
            &[],
            &["Afghanistan"],
            &["Bagram Air Base"],
        ),
        entity(
            d,
            RUSSIA,
            "Russia",
            EntityType::Country,
            &[],
            &[],
            &["Russia"],
        ),
        entity(
            d,
            GRU,
            "GRU",
            EntityType::Organization,
            &[],
            &["Russia"],
            &["GRU"],
        ),
    ];
    let link = |id, from, to, label: &str, kind, evidence| Link {
        id: LinkId(id),
        from,
        to,
        label: label.into(),
        kind,
        directed: kind == LinkKind::Stated,
        evidence,
        note: None,
    };
    let links = vec![
        link(
            0,
            IRAN,
            TALIBAN,
            "paid",
            LinkKind::Stated,
            vec![ev(0, 0), ev(1, 1)],
        ),
        link(
            1,
            TALIBAN,
            BAGRAM,
            "attacked",
            LinkKind::Stated,
            vec![ev(0, 0)],
        ),
        link(
            2,
            SOLEIMANI,
            IRAN,
            "mentioned with",
            LinkKind::CoMention,
            vec![ev(0, 1)],
        ),
        link(
            3,
            GRU,
            TALIBAN,
            "offered bounties to",
            LinkKind::Stated,
            vec![ev(1, 0)],
        ),
        link(
            4,
            RUSSIA,
            GRU,
            "mentioned with",
            LinkKind::CoMention,
            vec![ev(1, 0)],
        ),
    ];
    Model {
        documents,
        entities,
        links,
    }
}

/// The app on the fixture, laid out to completion, in a 1280×800 harness.
pub fn harness() -> Harness<'static, LinkchartApp> {
    let mut app = LinkchartApp::new_for_test(fixture());
    assert!(
        app.wait_for_jobs(Duration::from_secs(30)),
        "layout did not settle"
    );
    let mut h = Harness::builder()
        .with_size([1280.0, 800.0])
        .with_theme(egui::Theme::Light)
        .build_eframe(move |_| app);
    h.run_steps(3);
    h
}

/// Press the primary button at `from`, move in steps to `to`, release.
pub fn drag(
    h: &mut Harness<'static, LinkchartApp>,
    from: egui::Pos2,
    to: egui::Pos2,
    modifiers: egui::Modifiers,
) {
    drag_with(h, egui::PointerButton::Primary, from, to, modifiers);
}

/// Press `button` at `from`, move in steps to `to`, release.
pub fn drag_with(
    h: &mut Harness<'static, LinkchartApp>,
    button: egui::PointerButton,
    from: egui::Pos2,
    to: egui::Pos2,
    modifiers: egui::Modifiers,
) {
    h.event(egui::Event::PointerMoved(from));
    h.step();
    h.event_modifiers(
        egui::Event::PointerButton {
            pos: from,
            button,
            pressed: true,
            modifiers,
        },
        modifiers,
    );
    h.step();
    for i in 1..=8 {
        let p = from + (to - from) * (i as f32 / 8.0);
        h.event_modifiers(egui::Event::PointerMoved(p), modifiers);
        h.step();
    }
    h.event_modifiers(
        egui::Event::PointerButton {
            pos: to,
            button,
            pressed: false,
            modifiers,
        },
        modifiers,
    );
    h.step();
    h.step();
}

/// Click (press and release without moving) at `at`.
pub fn click_at(
    h: &mut Harness<'static, LinkchartApp>,
    at: egui::Pos2,
    modifiers: egui::Modifiers,
) {
    h.event(egui::Event::PointerMoved(at));
    h.step();
    for pressed in [true, false] {
        h.event_modifiers(
            egui::Event::PointerButton {
                pos: at,
                button: egui::PointerButton::Primary,
                pressed,
                modifiers,
            },
            modifiers,
        );
    }
    h.step();
    h.step();
}
