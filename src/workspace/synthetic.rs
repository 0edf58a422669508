//! Deterministic synthetic workspaces of any size, for benchmarks and reader tests: documents
//! with real sentence spans (including non-ASCII text), entities with mentions, stated and
//! co-mention links with evidence, positions on a ring. Every offset is valid.

use crate::chart::ChartState;
use crate::model::{
    DocIdx, Document, Entity, EntityId, EntityType, Evidence, Link, LinkId, LinkKind, Mention,
    Model, SourceGrade, Span,
};

use super::Workspace;

/// A small deterministic generator (SplitMix64).
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}

const COUNTRIES: [&str; 5] = ["Iran", "Russia", "China", "United States", "Afghanistan"];

/// A workspace with `entities` entities, about `links_per_entity` links each, spread over
/// `documents` documents (at least one); the same arguments give the same workspace.
pub fn synthetic_workspace(
    entities: usize,
    links_per_entity: usize,
    documents: usize,
    seed: u64,
) -> Workspace {
    let mut rng = Rng(seed);
    let documents = documents.max(1);
    let names: Vec<String> = (0..entities).map(|i| format!("Entité Nº{i}")).collect();
    // Each entity is named in one sentence of one document: "Entité Nº7 met Entité Nº9 — a report."
    let mut per_doc: Vec<Vec<usize>> = vec![Vec::new(); documents];
    for i in 0..entities {
        per_doc[i % documents].push(i);
    }
    let mut docs = Vec::with_capacity(documents);
    let mut mentions: Vec<Vec<Mention>> = vec![Vec::new(); entities];
    for (d, members) in per_doc.iter().enumerate() {
        let mut text = format!("Report {d} — synthetic.\n");
        let mut sentences = vec![Span::new(0, text.len() - 1)];
        for &i in members {
            let start = text.len();
            text.push_str(&names[i]);
            let span = Span::new(start, text.len());
            text.push_str(" was named in “this” sentence. ");
            sentences.push(Span::new(start, text.len() - 1));
            mentions[i].push(Mention {
                doc: DocIdx(d as u32),
                sentence: (sentences.len() - 1) as u32,
                span,
            });
        }
        docs.push(Document {
            id: format!("{d:03}_synthetic"),
            path: format!("synthetic/{d:03}_synthetic.txt"),
            title: Some(format!("Report {d}")),
            outlet: Some(format!("Outlet {}", d % 3)),
            date: Some(format!("2020-{:02}-{:02}", d % 12 + 1, d % 28 + 1)),
            sentences,
            text,
            grade: (d % 2 == 0).then(|| SourceGrade::new('B', 2)).flatten(),
        });
    }
    let kinds = EntityType::ALL;
    let model_entities: Vec<Entity> = mentions
        .into_iter()
        .enumerate()
        .map(|(i, m)| Entity {
            id: EntityId(i as u32),
            name: names[i].clone(),
            kind: kinds[rng.below(kinds.len())],
            aliases: vec![format!("Nº{i}")],
            countries: vec![COUNTRIES[rng.below(COUNTRIES.len())].to_owned()],
            mentions: m,
            note: (i % 97 == 0).then(|| "checked by the analyst".to_owned()),
        })
        .collect();
    let mut links = Vec::new();
    if entities > 1 {
        for i in 0..entities {
            for _ in 0..links_per_entity {
                let j = rng.below(entities);
                if j == i {
                    continue;
                }
                let doc = i % documents;
                let sentence = rng.below(docs[doc].sentences.len()) as u32;
                let stated = rng.below(3) > 0;
                links.push(Link {
                    id: LinkId(links.len() as u32),
                    from: EntityId(i as u32),
                    to: EntityId(j as u32),
                    label: if stated { "paid" } else { "mentioned with" }.to_owned(),
                    kind: if stated {
                        LinkKind::Stated
                    } else {
                        LinkKind::CoMention
                    },
                    directed: stated,
                    evidence: vec![Evidence {
                        doc: DocIdx(doc as u32),
                        sentence,
                        hedged: rng.below(5) == 0,
                    }],
                    note: None,
                });
            }
        }
    }
    let model = Model {
        documents: docs,
        entities: model_entities,
        links,
    };
    let chart = ChartState {
        positions: super::circle_positions(&model),
        ..ChartState::default()
    };
    Workspace::new(model, chart)
}
