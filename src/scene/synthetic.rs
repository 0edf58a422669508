//! A synthetic chart of any size, for tests and benchmarks: deterministic (a fixed-seed
//! generator), every entity type, every line style, directed and plain links, parallel links,
//! and positions spread over a square whose area grows with the node count.

use std::collections::BTreeMap;

use crate::chart::ChartState;
use crate::model::{
    DocIdx, Document, Entity, EntityId, EntityType, Evidence, Link, LinkId, LinkKind, Mention,
    Model, Span,
};

const OUTLETS: [&str; 4] = ["Al-Monitor", "Reuters", "The Guardian", "Associated Press"];
const COUNTRIES: [&str; 5] = ["Iran", "Russia", "China", "United States", "Afghanistan"];

/// A small, fixed-seed generator (SplitMix64).
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }

    fn unit(&mut self) -> f32 {
        (self.next() >> 40) as f32 / (1u64 << 24) as f32
    }
}

/// A model with `nodes` entities and `links` links, and a chart state placing every entity.
///
/// Positions are uniform at random and links join random pairs, so links are long: the worst
/// case for drawing (a laid-out chart keeps linked nodes close; see [`synthetic_laid_out`]).
pub fn synthetic(nodes: usize, links: usize, seed: u64) -> (Model, ChartState) {
    generate(nodes, links, seed, Placement::Random)
}

/// Like [`synthetic`], but shaped like a chart after a force layout: nodes on a jittered
/// lattice, and links mostly between near neighbours (within three lattice steps) with one in
/// fifty joining random nodes far apart.
pub fn synthetic_laid_out(nodes: usize, links: usize, seed: u64) -> (Model, ChartState) {
    generate(nodes, links, seed, Placement::Local)
}

#[derive(Clone, Copy, PartialEq)]
enum Placement {
    Random,
    Local,
}

/// Lattice spacing of [`synthetic_laid_out`] (about the same density as [`synthetic`]).
const SPACING: f32 = 90.0;

/// The documents every synthetic chart cites.
fn documents() -> Vec<Document> {
    (0..8)
        .map(|i| {
            let text = "One sentence names them. Another one does too.".to_owned();
            Document {
                id: format!("doc_{i:03}"),
                path: format!("synthetic/doc_{i:03}.txt"),
                title: Some(format!("Report number {i}")),
                outlet: Some(OUTLETS[i % OUTLETS.len()].to_owned()),
                date: Some(format!("2020-0{}-1{}", 1 + i % 9, i % 10)),
                sentences: vec![Span::new(0, 24), Span::new(25, text.len())],
                text,
                grade: None,
            }
        })
        .collect()
}

/// `nodes` entities of every type in turn, with mentions in `docs` documents.
fn entities(rng: &mut Rng, nodes: usize, docs: usize) -> Vec<Entity> {
    (0..nodes)
        .map(|i| {
            let kind = EntityType::ALL[i % EntityType::ALL.len()];
            let mentions = (0..1 + rng.below(6))
                .map(|_| Mention {
                    doc: DocIdx(rng.below(docs) as u32),
                    sentence: rng.below(2) as u32,
                    span: Span::new(0, 3),
                })
                .collect();
            Entity {
                id: EntityId(i as u32),
                name: format!("{} {i}", kind.as_str()),
                kind,
                aliases: if i % 3 == 0 {
                    vec![format!("alias {i}")]
                } else {
                    Vec::new()
                },
                countries: vec![COUNTRIES[i % COUNTRIES.len()].to_owned()],
                mentions,
                note: None,
            }
        })
        .collect()
}

/// The `i`-th link, from `from` to `to`: every third one a co-mention, every other stated one
/// directed, one to three evidence sentences.
fn link(rng: &mut Rng, i: usize, from: EntityId, to: EntityId, docs: usize) -> Link {
    let kind = if i % 3 == 2 {
        LinkKind::CoMention
    } else {
        LinkKind::Stated
    };
    let evidence = (0..1 + rng.below(3))
        .map(|_| Evidence {
            doc: DocIdx(rng.below(docs) as u32),
            sentence: rng.below(2) as u32,
            hedged: rng.below(10) == 0,
        })
        .collect();
    Link {
        id: LinkId(i as u32),
        from,
        to,
        label: if kind == LinkKind::CoMention {
            "mentioned with".into()
        } else {
            ["paid", "leads", "met", "funded"][i % 4].into()
        },
        kind,
        directed: kind == LinkKind::Stated && i.is_multiple_of(2),
        evidence,
        note: None,
    }
}

/// A chart over a given graph: one entity per position (`positions[i]` places entity `i`) and
/// one link per edge whose ends are both entities (others are skipped), with the same entity
/// types, link kinds and evidence as [`synthetic`]. For realistic benchmarks: e.g. a
/// Barabási–Albert graph laid out by the force layout.
pub fn synthetic_from_edges(
    edges: &[(u32, u32)],
    positions: &[[f32; 2]],
    seed: u64,
) -> (Model, ChartState) {
    let mut rng = Rng(seed);
    let nodes = positions.len();
    let documents = documents();
    let entities = entities(&mut rng, nodes, documents.len());
    let links: Vec<Link> = edges
        .iter()
        .filter(|&&(a, b)| a != b && (a as usize) < nodes && (b as usize) < nodes)
        .enumerate()
        .map(|(i, &(a, b))| link(&mut rng, i, EntityId(a), EntityId(b), documents.len()))
        .collect();
    let chart = ChartState {
        positions: entities
            .iter()
            .zip(positions)
            .map(|(e, p)| (e.id, *p))
            .collect(),
        ..ChartState::default()
    };
    let model = Model {
        documents,
        entities,
        links,
    };
    (model, chart)
}

fn generate(nodes: usize, links: usize, seed: u64, placement: Placement) -> (Model, ChartState) {
    let mut rng = Rng(seed);
    let cols = (nodes.max(1) as f64).sqrt().ceil() as usize;
    let documents = documents();
    let entities = entities(&mut rng, nodes, documents.len());
    let mut out_links = Vec::with_capacity(links);
    if nodes >= 2 {
        for i in 0..links {
            let (from, to) = if i % 10 == 9 && !out_links.is_empty() {
                // A parallel link beside an earlier one.
                let prev: &Link = &out_links[rng.below(out_links.len())];
                (prev.to, prev.from)
            } else if placement == Placement::Local && rng.below(50) != 0 {
                // A lattice neighbour within three steps.
                let a = rng.below(nodes);
                let b = loop {
                    let dx = rng.below(7) as isize - 3;
                    let dy = rng.below(7) as isize - 3;
                    let (x, y) = ((a % cols) as isize + dx, (a / cols) as isize + dy);
                    if (dx, dy) == (0, 0) || x < 0 || y < 0 || x >= cols as isize {
                        continue;
                    }
                    let b = y as usize * cols + x as usize;
                    if b < nodes {
                        break b;
                    }
                };
                (EntityId(a as u32), EntityId(b as u32))
            } else {
                let a = rng.below(nodes);
                let mut b = rng.below(nodes - 1);
                if b >= a {
                    b += 1;
                }
                (EntityId(a as u32), EntityId(b as u32))
            };
            out_links.push(link(&mut rng, i, from, to, documents.len()));
        }
    }
    let side = SPACING * (nodes.max(1) as f32).sqrt();
    let positions: BTreeMap<EntityId, [f32; 2]> = entities
        .iter()
        .enumerate()
        .map(|(i, e)| {
            let p = match placement {
                Placement::Random => [rng.unit() * side, rng.unit() * side],
                Placement::Local => [
                    ((i % cols) as f32 + 0.7 * (rng.unit() - 0.5)) * SPACING,
                    ((i / cols) as f32 + 0.7 * (rng.unit() - 0.5)) * SPACING,
                ],
            };
            (e.id, p)
        })
        .collect();
    let model = Model {
        documents,
        entities,
        links: out_links,
    };
    let chart = ChartState {
        positions,
        ..ChartState::default()
    };
    (model, chart)
}
