//! Analyst edits: each kind does what the analyst asked, undo gives back exactly the previous
//! model and chart, redo gives back exactly the edited ones, and the model invariants hold.

use linkchart::chart::ChartState;
use linkchart::model::edit::{Edit, EditError, EditHistory, IdFloor, NodeMove};
use linkchart::model::{
    DocIdx, Document, Entity, EntityId, EntityType, Evidence, Link, LinkId, LinkKind, Mention,
    Model, SourceGrade, Span,
};

/// Two short documents; Soleimani (e0, alias "Soleimani"), Iran (e1), Quds Force (e2),
/// "the Quds Force" as a separate e3 (a duplicate to merge), Russia (e4).
fn sample() -> (Model, ChartState) {
    let t0 = "Qasem Soleimani led the Quds Force. Soleimani paid bounties. Iran denied it.";
    let t1 = "The Quds Force and Iran were named. Russia was named too.";
    let sentences = |t: &str| {
        let mut out = Vec::new();
        let mut start = 0;
        for (i, c) in t.char_indices() {
            if c == '.' {
                out.push(Span::new(start, i + 1));
                start = i + 2;
            }
        }
        out
    };
    let doc = |id: &str, t: &str| Document {
        id: id.into(),
        path: format!("{id}.txt"),
        title: None,
        outlet: Some(format!("outlet {id}")),
        date: None,
        text: t.into(),
        sentences: sentences(t),
        grade: None,
    };
    let m = |doc: u32, text: &str, needle: &str, sentence: u32| {
        let start = text.find(needle).expect("needle in sample text");
        Mention {
            doc: DocIdx(doc),
            sentence,
            span: Span::new(start, start + needle.len()),
        }
    };
    let ent = |id: u32, name: &str, kind, aliases: &[&str], countries: &[&str], mentions| Entity {
        id: EntityId(id),
        name: name.into(),
        kind,
        aliases: aliases.iter().map(|s| s.to_string()).collect(),
        countries: countries.iter().map(|s| s.to_string()).collect(),
        mentions,
        note: None,
    };
    let entities = vec![
        ent(
            0,
            "Qasem Soleimani",
            EntityType::Person,
            &["Soleimani"],
            &["Iran"],
            vec![
                m(0, t0, "Qasem Soleimani", 0),
                m(0, t0, "Soleimani paid", 1),
            ],
        ),
        ent(
            1,
            "Iran",
            EntityType::Country,
            &[],
            &[],
            vec![m(0, t0, "Iran", 2), m(1, t1, "Iran", 0)],
        ),
        ent(
            2,
            "Quds Force",
            EntityType::Organization,
            &[],
            &["Iran"],
            vec![m(0, t0, "Quds Force", 0)],
        ),
        ent(
            3,
            "the Quds Force",
            EntityType::Organization,
            &["Quds"],
            &[],
            vec![m(1, t1, "Quds Force", 0)],
        ),
        ent(
            4,
            "Russia",
            EntityType::Country,
            &[],
            &[],
            vec![m(1, t1, "Russia", 1)],
        ),
    ];
    // Fix the "Soleimani" mention span to the bare alias.
    let mut entities = entities;
    let s = t0.find("Soleimani paid").expect("alias");
    entities[0].mentions[1].span = Span::new(s, s + "Soleimani".len());

    let link = |id: u32, from: u32, to: u32, label: &str, kind, ev: Vec<(u32, u32)>| Link {
        id: LinkId(id),
        from: EntityId(from),
        to: EntityId(to),
        label: label.into(),
        kind,
        directed: kind == LinkKind::Stated,
        evidence: ev
            .into_iter()
            .map(|(d, s)| Evidence {
                doc: DocIdx(d),
                sentence: s,
                hedged: false,
            })
            .collect(),
        note: None,
    };
    let links = vec![
        link(0, 0, 2, "led", LinkKind::Stated, vec![(0, 0)]),
        link(1, 2, 1, "mentioned with", LinkKind::CoMention, vec![(0, 0)]),
        link(2, 3, 1, "mentioned with", LinkKind::CoMention, vec![(1, 0)]),
        link(3, 2, 3, "mentioned with", LinkKind::CoMention, vec![(1, 0)]),
        link(4, 0, 3, "led", LinkKind::Stated, vec![(1, 0)]),
        link(5, 4, 1, "mentioned with", LinkKind::CoMention, vec![(1, 1)]),
    ];
    let model = Model {
        documents: vec![doc("d0", t0), doc("d1", t1)],
        entities,
        links,
    };
    let mut chart = ChartState::default();
    for (i, e) in model.entities.iter().enumerate() {
        chart.positions.insert(e.id, [i as f32 * 100.0, 0.0]);
    }
    (model, chart)
}

fn assert_invariants(model: &Model, chart: &ChartState) {
    assert!(model.entities.windows(2).all(|w| w[0].id < w[1].id));
    assert!(model.links.windows(2).all(|w| w[0].id < w[1].id));
    for l in &model.links {
        assert!(model.entity(l.from).is_some() && model.entity(l.to).is_some());
        assert_ne!(l.from, l.to, "no self-links");
    }
    let known = |id: &EntityId| model.entity(*id).is_some();
    assert!(chart.positions.keys().all(known));
    assert!(chart.pinned.iter().all(known));
    assert!(chart.hidden.iter().all(known));
    assert!(chart.selection.iter().all(known));
    assert!(chart.selected_link.is_none_or(|l| model.link(l).is_some()));
}

/// Apply `edit`, run `check` on the result, then undo (back to the start exactly) and redo (back
/// to the edited state exactly).
fn round_trip(edit: Edit, check: impl Fn(&Model, &ChartState)) {
    let (mut model, mut chart) = sample();
    let (model0, chart0) = (model.clone(), chart.clone());
    let mut h = EditHistory::default();
    h.apply(&mut model, &mut chart, edit.clone())
        .unwrap_or_else(|e| panic!("{edit:?} refused: {e}"));
    check(&model, &chart);
    assert_invariants(&model, &chart);
    let (model1, chart1) = (model.clone(), chart.clone());
    assert_eq!(h.next_undo(), Some(&edit));
    assert!(h.undo(&mut model, &mut chart));
    assert_eq!(model, model0, "undo of {edit:?} restores the model");
    assert_eq!(chart, chart0, "undo of {edit:?} restores the chart");
    assert!(!h.undo(&mut model, &mut chart), "nothing more to undo");
    assert!(h.redo(&mut model, &mut chart));
    assert_eq!(model, model1, "redo of {edit:?} gives the edited model");
    assert_eq!(chart, chart1, "redo of {edit:?} gives the edited chart");
    assert!(!h.redo(&mut model, &mut chart));
}

#[test]
fn merge_moves_names_mentions_and_links_then_undoes() {
    round_trip(
        Edit::Merge {
            keep: EntityId(2),
            absorb: EntityId(3),
        },
        |m, _| {
            assert!(m.entity(EntityId(3)).is_none());
            let e = m.entity(EntityId(2)).expect("kept");
            assert!(e.aliases.contains(&"the Quds Force".to_string()));
            assert!(e.aliases.contains(&"Quds".to_string()));
            assert_eq!(e.mentions.len(), 2);
            assert_eq!(e.documents().len(), 2);
            // The co-mention link between the two is gone (it would be a self-link).
            assert!(m.link(LinkId(3)).is_none());
            // Two "mentioned with Iran" links became one with both sentences of evidence.
            assert!(m.link(LinkId(2)).is_none());
            let l = m.link(LinkId(1)).expect("merged link");
            assert_eq!(l.evidence.len(), 2);
            // Two "Soleimani led …" links became one.
            assert!(m.link(LinkId(4)).is_none());
            assert_eq!(m.link(LinkId(0)).map(|l| l.evidence.len()), Some(2));
            assert_eq!(m.links.len(), 3);
        },
    );
}

#[test]
fn merge_refuses_itself_and_missing_entities_without_changing_anything() {
    let (mut model, mut chart) = sample();
    let (m0, c0) = (model.clone(), chart.clone());
    let mut h = EditHistory::default();
    let same = Edit::Merge {
        keep: EntityId(1),
        absorb: EntityId(1),
    };
    assert_eq!(
        h.apply(&mut model, &mut chart, same),
        Err(EditError::MergeWithItself(EntityId(1)))
    );
    let missing = Edit::Merge {
        keep: EntityId(1),
        absorb: EntityId(99),
    };
    assert_eq!(
        h.apply(&mut model, &mut chart, missing),
        Err(EditError::NoEntity(EntityId(99)))
    );
    assert_eq!((model, chart), (m0, c0));
    assert!(!h.can_undo());
}

#[test]
fn split_alias_makes_a_new_entity_with_that_surface_form() {
    round_trip(
        Edit::SplitAlias {
            entity: EntityId(0),
            alias: "Soleimani".into(),
        },
        |m, c| {
            let old = m.entity(EntityId(0)).expect("original");
            assert!(old.aliases.is_empty());
            assert_eq!(old.mentions.len(), 1);
            let new = m
                .entity(EntityId(5))
                .expect("split-off entity gets the next id");
            assert_eq!(new.name, "Soleimani");
            assert_eq!(new.kind, EntityType::Person);
            assert_eq!(new.countries, vec!["Iran".to_string()]);
            assert_eq!(new.mentions.len(), 1);
            let d = &m.documents[0];
            assert_eq!(&d.text[new.mentions[0].span.range()], "Soleimani");
            assert!(
                c.positions.contains_key(&EntityId(5)),
                "placed near the original"
            );
        },
    );
}

#[test]
fn split_refuses_a_form_that_is_not_an_alias() {
    let (mut model, mut chart) = sample();
    let err = EditHistory::default().apply(
        &mut model,
        &mut chart,
        Edit::SplitAlias {
            entity: EntityId(0),
            alias: "Qasem Soleimani".into(),
        },
    );
    assert!(matches!(err, Err(EditError::NotAnAlias { .. })));
}

#[test]
fn rename_keeps_the_old_name_as_an_alias() {
    round_trip(
        Edit::Rename {
            entity: EntityId(0),
            name: "  Qassem Soleimani ".into(),
        },
        |m, _| {
            let e = m.entity(EntityId(0)).expect("entity");
            assert_eq!(e.name, "Qassem Soleimani");
            assert!(e.aliases.contains(&"Qasem Soleimani".to_string()));
            assert!(e.matches("qasem"));
        },
    );
    let (mut model, mut chart) = sample();
    let err = EditHistory::default().apply(
        &mut model,
        &mut chart,
        Edit::Rename {
            entity: EntityId(0),
            name: "   ".into(),
        },
    );
    assert_eq!(err, Err(EditError::EmptyName));
}

#[test]
fn change_type_and_countries() {
    round_trip(
        Edit::SetType {
            entity: EntityId(3),
            kind: EntityType::Facility,
        },
        |m, _| {
            assert_eq!(
                m.entity(EntityId(3)).map(|e| e.kind),
                Some(EntityType::Facility)
            )
        },
    );
    round_trip(
        Edit::SetCountries {
            entity: EntityId(2),
            countries: vec!["Iran".into(), " Iraq ".into(), "Iran".into(), "".into()],
        },
        |m, _| {
            let e = m.entity(EntityId(2)).expect("entity");
            assert_eq!(e.countries, vec!["Iran".to_string(), "Iraq".to_string()]);
            assert!(e.affiliated_with("Iraq"));
        },
    );
}

#[test]
fn add_link_is_manual_and_labelled() {
    round_trip(
        Edit::AddLink {
            from: EntityId(4),
            to: EntityId(0),
            label: "paid".into(),
            directed: true,
        },
        |m, _| {
            let l = m.links.last().expect("a link");
            assert_eq!(l.id, LinkId(6));
            assert_eq!((l.from, l.to), (EntityId(4), EntityId(0)));
            assert_eq!(l.label, "paid");
            assert_eq!(l.kind, LinkKind::Manual);
            assert!(l.evidence.is_empty());
        },
    );
    let (mut model, mut chart) = sample();
    let mut h = EditHistory::default();
    let self_link = Edit::AddLink {
        from: EntityId(4),
        to: EntityId(4),
        label: "x".into(),
        directed: false,
    };
    assert_eq!(
        h.apply(&mut model, &mut chart, self_link),
        Err(EditError::SelfLink(EntityId(4)))
    );
    let no_label = Edit::AddLink {
        from: EntityId(4),
        to: EntityId(1),
        label: " ".into(),
        directed: false,
    };
    assert_eq!(
        h.apply(&mut model, &mut chart, no_label),
        Err(EditError::EmptyLabel)
    );
}

#[test]
fn relabel_link() {
    round_trip(
        Edit::RelabelLink {
            link: LinkId(0),
            label: "commanded".into(),
        },
        |m, _| {
            assert_eq!(
                m.link(LinkId(0)).map(|l| l.label.as_str()),
                Some("commanded")
            )
        },
    );
}

#[test]
fn delete_entity_takes_its_links_and_chart_entries() {
    let (_, _) = sample();
    round_trip(
        Edit::DeleteEntity {
            entity: EntityId(1),
        },
        |m, c| {
            assert!(m.entity(EntityId(1)).is_none());
            assert!(m.links_of(EntityId(1)).next().is_none());
            assert_eq!(m.links.len(), 3);
            assert!(!c.positions.contains_key(&EntityId(1)));
        },
    );
}

#[test]
fn delete_entity_that_is_selected_pinned_and_hidden_restores_all_on_undo() {
    let (mut model, mut chart) = sample();
    chart.selection.insert(EntityId(1));
    chart.pinned.insert(EntityId(1));
    chart.hidden.insert(EntityId(1));
    chart.selected_link = Some(LinkId(5));
    let (m0, c0) = (model.clone(), chart.clone());
    let mut h = EditHistory::default();
    h.apply(
        &mut model,
        &mut chart,
        Edit::DeleteEntity {
            entity: EntityId(1),
        },
    )
    .expect("delete");
    assert_invariants(&model, &chart);
    assert_eq!(chart.selected_link, None);
    assert!(h.undo(&mut model, &mut chart));
    assert_eq!((model, chart), (m0, c0));
}

#[test]
fn delete_link() {
    round_trip(Edit::DeleteLink { link: LinkId(5) }, |m, _| {
        assert!(m.link(LinkId(5)).is_none());
        assert_eq!(m.links.len(), 5);
    });
}

#[test]
fn hide_and_show() {
    round_trip(
        Edit::SetHidden {
            entities: vec![EntityId(1), EntityId(4)],
            hidden: true,
        },
        |m, c| {
            let v = linkchart::chart::visible(m, c);
            assert!(!v.contains(EntityId(1)) && !v.contains(EntityId(4)));
            assert_eq!(v.hidden_entities, 2);
        },
    );
}

#[test]
fn notes_on_entities_and_links() {
    round_trip(
        Edit::SetEntityNote {
            entity: EntityId(0),
            note: "  killed Jan 2020 ".into(),
        },
        |m, _| {
            assert_eq!(
                m.entity(EntityId(0)).and_then(|e| e.note.as_deref()),
                Some("killed Jan 2020")
            )
        },
    );
    round_trip(
        Edit::SetLinkNote {
            link: LinkId(0),
            note: "check with a second source".into(),
        },
        |m, _| assert!(m.link(LinkId(0)).and_then(|l| l.note.as_ref()).is_some()),
    );
}

#[test]
fn grade_a_source() {
    round_trip(
        Edit::GradeSource {
            document: DocIdx(1),
            grade: SourceGrade::new('C', 3),
        },
        |m, _| {
            assert_eq!(
                m.documents[1].grade.map(|g| g.to_string()).as_deref(),
                Some("C3")
            )
        },
    );
    let (mut model, mut chart) = sample();
    let err = EditHistory::default().apply(
        &mut model,
        &mut chart,
        Edit::GradeSource {
            document: DocIdx(9),
            grade: None,
        },
    );
    assert_eq!(err, Err(EditError::NoDocument(DocIdx(9))));
}

#[test]
fn move_and_pin_a_node() {
    round_trip(
        Edit::Move {
            moves: vec![NodeMove {
                entity: EntityId(2),
                from: None,
                to: [5.0, 7.0],
            }],
            pin: true,
        },
        |_, c| {
            assert_eq!(c.positions.get(&EntityId(2)), Some(&[5.0, 7.0]));
            assert!(c.pinned.contains(&EntityId(2)));
        },
    );
    round_trip(
        Edit::SetPinned {
            entities: vec![EntityId(0)],
            pinned: true,
        },
        |_, c| assert!(c.pinned.contains(&EntityId(0))),
    );
}

#[test]
fn a_live_drag_undoes_to_where_it_started() {
    let (mut model, mut chart) = sample();
    let start = chart.positions[&EntityId(2)];
    // The app moves the node while dragging, then records the drag once on release.
    chart.positions.insert(EntityId(2), [50.0, 50.0]);
    let mut h = EditHistory::default();
    h.apply(
        &mut model,
        &mut chart,
        Edit::Move {
            moves: vec![NodeMove {
                entity: EntityId(2),
                from: Some(start),
                to: [50.0, 50.0],
            }],
            pin: false,
        },
    )
    .expect("move");
    assert_eq!(chart.positions[&EntityId(2)], [50.0, 50.0]);
    h.undo(&mut model, &mut chart);
    assert_eq!(chart.positions[&EntityId(2)], start);
    h.redo(&mut model, &mut chart);
    assert_eq!(chart.positions[&EntityId(2)], [50.0, 50.0]);
}

#[test]
fn a_move_to_nan_is_refused() {
    let (mut model, mut chart) = sample();
    let err = EditHistory::default().apply(
        &mut model,
        &mut chart,
        Edit::Move {
            moves: vec![NodeMove {
                entity: EntityId(2),
                from: None,
                to: [f32::NAN, 0.0],
            }],
            pin: false,
        },
    );
    assert_eq!(err, Err(EditError::BadPosition(EntityId(2))));
}

#[test]
fn ids_are_not_reused_after_undo_or_deletion() {
    let (mut model, mut chart) = sample();
    let mut h = EditHistory::default();
    let add = |label: &str| Edit::AddLink {
        from: EntityId(0),
        to: EntityId(4),
        label: label.into(),
        directed: false,
    };
    h.apply(&mut model, &mut chart, add("a")).expect("add");
    assert_eq!(model.links.last().map(|l| l.id), Some(LinkId(6)));
    h.undo(&mut model, &mut chart);
    h.apply(&mut model, &mut chart, add("b")).expect("add");
    assert_eq!(model.links.last().map(|l| l.id), Some(LinkId(7)));
    // Deleting the newest link and adding another still moves on.
    h.apply(&mut model, &mut chart, Edit::DeleteLink { link: LinkId(7) })
        .expect("delete");
    h.apply(&mut model, &mut chart, add("c")).expect("add");
    assert_eq!(model.links.last().map(|l| l.id), Some(LinkId(8)));
    assert_eq!(h.id_floor(&model), IdFloor { entity: 5, link: 9 });
    // A history started from a saved floor keeps it.
    let mut h2 = EditHistory::new(IdFloor {
        entity: 40,
        link: 90,
    });
    h2.apply(
        &mut model,
        &mut chart,
        Edit::SplitAlias {
            entity: EntityId(0),
            alias: "Soleimani".into(),
        },
    )
    .expect("split");
    assert_eq!(model.entities.last().map(|e| e.id), Some(EntityId(40)));
}

#[test]
fn a_sequence_of_edits_undoes_to_the_start_and_redoes_to_the_end() {
    let (mut model, mut chart) = sample();
    let (m0, c0) = (model.clone(), chart.clone());
    let mut h = EditHistory::default();
    let edits = vec![
        Edit::Merge {
            keep: EntityId(2),
            absorb: EntityId(3),
        },
        Edit::SplitAlias {
            entity: EntityId(2),
            alias: "Quds".into(),
        },
        Edit::AddLink {
            from: EntityId(5),
            to: EntityId(4),
            label: "met".into(),
            directed: true,
        },
        Edit::Rename {
            entity: EntityId(5),
            name: "Quds (split)".into(),
        },
        Edit::DeleteEntity {
            entity: EntityId(1),
        },
        Edit::SetHidden {
            entities: vec![EntityId(0)],
            hidden: true,
        },
    ];
    let mut states = vec![(model.clone(), chart.clone())];
    for e in edits {
        h.apply(&mut model, &mut chart, e).expect("edit applies");
        assert_invariants(&model, &chart);
        states.push((model.clone(), chart.clone()));
    }
    let ids: Vec<u64> = vec![h.state_id()];
    for expected in states.iter().rev().skip(1) {
        assert!(h.undo(&mut model, &mut chart));
        assert_eq!(&(model.clone(), chart.clone()), expected);
    }
    assert_eq!((model.clone(), chart.clone()), (m0, c0));
    assert_eq!(h.state_id(), 0, "back at the start");
    for expected in states.iter().skip(1) {
        assert!(h.redo(&mut model, &mut chart));
        assert_eq!(&(model.clone(), chart.clone()), expected);
    }
    assert_eq!(h.state_id(), ids[0], "the same state as before undoing");
}

#[test]
fn a_new_edit_clears_redo() {
    let (mut model, mut chart) = sample();
    let mut h = EditHistory::default();
    h.apply(&mut model, &mut chart, Edit::DeleteLink { link: LinkId(0) })
        .expect("delete");
    h.undo(&mut model, &mut chart);
    assert!(h.can_redo());
    h.apply(&mut model, &mut chart, Edit::DeleteLink { link: LinkId(1) })
        .expect("delete");
    assert!(!h.can_redo());
}

#[test]
fn merging_a_hub_in_a_large_model_keeps_every_invariant() {
    let ws = linkchart::workspace::synthetic::synthetic_workspace(5_000, 4, 20, 7);
    let (mut model, mut chart) = (ws.model, ws.chart);
    let (m0, c0) = (model.clone(), chart.clone());
    let mut h = EditHistory::default();
    let hub = model
        .entities
        .iter()
        .max_by_key(|e| model.links_of(e.id).count())
        .map(|e| e.id)
        .expect("entities");
    h.apply(
        &mut model,
        &mut chart,
        Edit::Merge {
            keep: EntityId(if hub.0 == 0 { 1 } else { 0 }),
            absorb: hub,
        },
    )
    .expect("merge");
    assert_invariants(&model, &chart);
    h.undo(&mut model, &mut chart);
    assert_eq!((model, chart), (m0, c0));
}
