//! Layouts over the model: the visible entities and links of a [`View`], keyed by entity id.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use crate::chart::{ChartState, View};
use crate::model::{EntityId, EntityType, Model};

use super::force::{ForceLayout, ForceParams};
use super::graph::{Graph, SplitMix64};
use super::job::ForceJob;
use super::simple;

/// Which layout to run.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum LayoutKind {
    /// Force-directed, run until it settles.
    #[default]
    Force,
    /// All visible entities on one circle.
    Circular,
    /// One cluster per country (an entity's first affiliation; a country is its own), clusters
    /// around a ring, entities without a country in a cluster of their own.
    ByCountry,
}

/// Most iterations [`layout_view`] spends on a force layout.
pub const MAX_ITERATIONS: usize = 1000;

/// Lay out the visible entities and links. Pinned entities with a position keep it; the
/// others get new positions (for `Force`, starting from their current positions where they
/// have one). Deterministic: the same model, chart and view give the same positions.
pub fn layout_view(
    model: &Model,
    chart: &ChartState,
    view: &View,
    kind: LayoutKind,
) -> BTreeMap<EntityId, [f32; 2]> {
    let edges = view_edges(model, view);
    let pinned = chart.pinned.iter().copied().collect();
    let input = LayoutInput::new(view.entities.clone(), &edges, &chart.positions, &pinned);
    let params = ForceParams::default();
    let positions = match kind {
        LayoutKind::Force => {
            match ForceLayout::new(
                input.graph.clone(),
                input.start.clone(),
                input.pinned.clone(),
                params,
            ) {
                Ok(mut layout) => {
                    layout.run(MAX_ITERATIONS);
                    layout.into_positions()
                }
                Err(_) => input.start.clone(),
            }
        }
        LayoutKind::Circular => simple::circular(&input.graph, params.edge_length),
        LayoutKind::ByCountry => {
            let groups = country_groups(model, &input.ids);
            simple::grouped(&input.graph, &groups, &params)
        }
    };
    input
        .ids
        .iter()
        .enumerate()
        .map(|(i, &id)| {
            let p = if input.pinned[i] {
                input.start[i]
            } else {
                positions[i]
            };
            (id, p)
        })
        .collect()
}

/// The visible links as entity pairs.
pub fn view_edges(model: &Model, view: &View) -> Vec<(EntityId, EntityId)> {
    view.links
        .iter()
        .filter_map(|&id| model.link(id))
        .map(|l| (l.from, l.to))
        .collect()
}

/// Entity ids mapped to dense indices, the graph, start positions and pins.
struct LayoutInput {
    ids: Vec<EntityId>,
    graph: Graph,
    start: Vec<[f32; 2]>,
    pinned: Vec<bool>,
}

impl LayoutInput {
    fn new(
        ids: Vec<EntityId>,
        edges: &[(EntityId, EntityId)],
        known: &BTreeMap<EntityId, [f32; 2]>,
        pinned: &BTreeSet<EntityId>,
    ) -> Self {
        let index: HashMap<EntityId, u32> = ids
            .iter()
            .enumerate()
            .map(|(i, &id)| (id, i as u32))
            .collect();
        let pairs: Vec<(u32, u32)> = edges
            .iter()
            .filter_map(|(a, b)| Some((*index.get(a)?, *index.get(b)?)))
            .collect();
        let graph = Graph::from_edges(ids.len(), &pairs);
        let start = start_positions(&ids, &graph, known, ForceParams::default().edge_length);
        let pinned = ids
            .iter()
            .map(|id| pinned.contains(id) && known.get(id).is_some_and(|p| finite(*p)))
            .collect();
        Self {
            ids,
            graph,
            start,
            pinned,
        }
    }
}

fn finite(p: [f32; 2]) -> bool {
    p[0].is_finite() && p[1].is_finite()
}

/// Known positions stay; a new entity starts near its placed neighbours (their centroid plus
/// a small offset), or, with none, somewhere in a square sized for the whole view. Offsets
/// are seeded by entity id, so the result does not depend on anything but the input.
fn start_positions(
    ids: &[EntityId],
    graph: &Graph,
    known: &BTreeMap<EntityId, [f32; 2]>,
    k: f32,
) -> Vec<[f32; 2]> {
    let side = k * (ids.len() as f32).sqrt().max(1.0);
    let mut placed: Vec<Option<[f32; 2]>> = ids
        .iter()
        .map(|id| known.get(id).copied().filter(|p| finite(*p)))
        .collect();
    let jitter = |id: EntityId, scale: f32| {
        let mut rng = SplitMix64::new(0x1A_u64 << 32 | id.0 as u64);
        [
            (rng.next_f32() - 0.5) * scale,
            (rng.next_f32() - 0.5) * scale,
        ]
    };
    // New entities next to placed neighbours, in index order so it is deterministic.
    let mut out = placed.clone();
    for (i, &id) in ids.iter().enumerate() {
        if out[i].is_some() {
            continue;
        }
        let near: Vec<[f32; 2]> = graph
            .neighbours(i)
            .iter()
            .filter_map(|&j| placed[j as usize])
            .collect();
        let j = jitter(id, k);
        out[i] = Some(if near.is_empty() {
            let r = jitter(EntityId(id.0 ^ 0x5555_5555), side);
            [r[0] + 0.01 * j[0], r[1] + 0.01 * j[1]]
        } else {
            let n = near.len() as f32;
            let c = near
                .iter()
                .fold([0.0; 2], |a, p| [a[0] + p[0] / n, a[1] + p[1] / n]);
            [c[0] + j[0], c[1] + j[1]]
        });
        placed[i] = out[i];
    }
    out.into_iter().map(|p| p.unwrap_or([0.0; 2])).collect()
}

/// The group of each entity for [`LayoutKind::ByCountry`]: country names numbered in sorted
/// order.
fn country_groups(model: &Model, ids: &[EntityId]) -> Vec<Option<u32>> {
    let names: Vec<Option<&str>> = ids
        .iter()
        .map(|&id| {
            let e = model.entity(id)?;
            if e.kind == EntityType::Country {
                Some(e.name.as_str())
            } else {
                e.countries.first().map(String::as_str)
            }
        })
        .collect();
    let sorted: BTreeSet<&str> = names.iter().flatten().copied().collect();
    let number: HashMap<&str, u32> = sorted
        .into_iter()
        .enumerate()
        .map(|(i, s)| (s, i as u32))
        .collect();
    names
        .into_iter()
        .map(|s| s.and_then(|s| number.get(s).copied()))
        .collect()
}

/// The force layout of a set of entities on a worker thread, keyed by entity id: what the app
/// runs so the UI never waits. Dropping it stops the thread.
pub struct LayoutJob {
    ids: Vec<EntityId>,
    index: HashMap<EntityId, usize>,
    job: Option<ForceJob>,
}

impl LayoutJob {
    /// Start laying out `nodes` with `edges`. Entities in `start` begin there (the others near
    /// their placed neighbours); pinned entities with a start position never move. If the
    /// thread cannot start, the job reports settled and publishes nothing.
    pub fn spawn(
        nodes: Vec<EntityId>,
        edges: Vec<(EntityId, EntityId)>,
        start: BTreeMap<EntityId, [f32; 2]>,
        pinned: BTreeSet<EntityId>,
    ) -> Self {
        let input = LayoutInput::new(nodes, &edges, &start, &pinned);
        let index = input
            .ids
            .iter()
            .enumerate()
            .map(|(i, &id)| (id, i))
            .collect();
        let job = ForceJob::spawn(
            input.graph,
            input.start,
            input.pinned,
            ForceParams::default(),
            MAX_ITERATIONS,
        )
        .ok();
        Self {
            ids: input.ids,
            index,
            job,
        }
    }

    /// The newest positions, if new ones arrived since the last call. Never blocks.
    pub fn try_latest_positions(&self) -> Option<BTreeMap<EntityId, [f32; 2]>> {
        let p = self.job.as_ref()?.try_latest_positions()?;
        Some(self.ids.iter().copied().zip(p).collect())
    }

    /// Pin an entity where the analyst dropped it; unknown entities are ignored.
    pub fn pin(&self, id: EntityId, at: [f32; 2]) {
        if let (Some(job), Some(&i)) = (&self.job, self.index.get(&id)) {
            job.pin(i, at);
        }
    }

    pub fn unpin(&self, id: EntityId) {
        if let (Some(job), Some(&i)) = (&self.job, self.index.get(&id)) {
            job.unpin(i);
        }
    }

    /// Run again with a fresh iteration budget.
    pub fn wake(&self) {
        if let Some(job) = &self.job {
            job.wake();
        }
    }

    pub fn stop(&self) {
        if let Some(job) = &self.job {
            job.stop();
        }
    }

    pub fn is_settled(&self) -> bool {
        self.job.as_ref().is_none_or(ForceJob::is_settled)
    }

    pub fn iterations(&self) -> usize {
        self.job.as_ref().map_or(0, ForceJob::iterations)
    }

    /// Progress towards the iteration budget, in `[0, 1]`.
    pub fn progress(&self) -> f32 {
        self.job.as_ref().map_or(1.0, ForceJob::progress)
    }
}
