//! Force-directed layout: spring–electrical model with Barnes–Hut repulsion, linear gravity and
//! an adaptive step (Hu 2005), over contiguous `[f32; 2]` positions, parallel with rayon.
//!
//! Forces, with `K` the natural edge length (`ForceParams::edge_length`):
//! - repulsion between every pair: `C·K²/d` (Barnes–Hut, opening angle `theta`);
//! - attraction along each edge: `d²/K`;
//! - gravity towards the origin: `g·d·(1 + 12/(1+degree))`, so disconnected components stay
//!   together and loosely tied nodes stay near the main cluster.
//!
//! Each iteration moves every free node along its force by at most `step`. The step grows
//! after five iterations in a row that lowered the energy (the sum of squared forces) and
//! shrinks otherwise, so the layout cools down and settles on its own: it is settled when the
//! mean move of the free nodes falls below `settle_tolerance·K`. Pinned nodes never move;
//! they still push and pull the others.

use rayon::prelude::*;
use thiserror::Error;

use super::barnes_hut::{self, Scratch};
use super::graph::{Graph, SplitMix64};

/// Parameters of [`ForceLayout`]. The defaults give edges of about 100 chart units.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct ForceParams {
    /// Natural edge length `K`, in chart units.
    pub edge_length: f32,
    /// Relative strength `C` of the repulsion.
    pub repulsion: f32,
    /// Strength of the pull towards the origin, per unit of distance.
    pub gravity: f32,
    /// Barnes–Hut opening angle (0 = exact; 0.8–1.0 is the usual trade-off).
    pub theta: f32,
    /// The first step, as a multiple of `K`.
    pub initial_step: f32,
    /// Step factor after a bad iteration (its inverse after five good ones).
    pub cooling: f32,
    /// Settled when the mean move per iteration is below this multiple of `K`.
    pub settle_tolerance: f32,
}

impl Default for ForceParams {
    fn default() -> Self {
        Self {
            edge_length: 100.0,
            repulsion: 0.4,
            gravity: 0.1,
            theta: 0.9,
            initial_step: 1.0,
            cooling: 0.9,
            settle_tolerance: 0.01,
        }
    }
}

#[derive(Debug, Error, PartialEq)]
pub enum LayoutError {
    #[error("{what} has {got} entries but the graph has {nodes} nodes")]
    LengthMismatch {
        what: &'static str,
        got: usize,
        nodes: usize,
    },
    #[error("invalid layout parameter: {0}")]
    BadParam(&'static str),
    #[error("cannot start the layout thread: {0}")]
    Thread(String),
}

/// What one iteration did.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct StepReport {
    /// Mean distance moved by the free nodes.
    pub mean_move: f32,
    pub settled: bool,
}

/// A force-directed layout in progress. Call [`ForceLayout::step`] until it reports settled.
#[derive(Debug)]
pub struct ForceLayout {
    graph: Graph,
    positions: Vec<[f32; 2]>,
    pinned: Vec<bool>,
    params: ForceParams,
    forces: Vec<[f32; 2]>,
    scratch: Scratch,
    step: f32,
    energy: f32,
    progress: u32,
    iterations: usize,
    settled: bool,
}

impl ForceLayout {
    /// Start from `positions` (one per node); nodes with `pinned[i]` never move.
    pub fn new(
        graph: Graph,
        positions: Vec<[f32; 2]>,
        pinned: Vec<bool>,
        params: ForceParams,
    ) -> Result<Self, LayoutError> {
        let n = graph.node_count();
        if positions.len() != n {
            return Err(LayoutError::LengthMismatch {
                what: "positions",
                got: positions.len(),
                nodes: n,
            });
        }
        if pinned.len() != n {
            return Err(LayoutError::LengthMismatch {
                what: "pinned",
                got: pinned.len(),
                nodes: n,
            });
        }
        let ok = |v: f32| v.is_finite() && v >= 0.0;
        if !(params.edge_length.is_finite() && params.edge_length > 0.0) {
            return Err(LayoutError::BadParam("edge_length must be positive"));
        }
        if !(ok(params.repulsion) && ok(params.gravity) && ok(params.theta)) {
            return Err(LayoutError::BadParam(
                "repulsion, gravity and theta must be finite and not negative",
            ));
        }
        if !(params.cooling > 0.0 && params.cooling < 1.0) {
            return Err(LayoutError::BadParam("cooling must be in (0, 1)"));
        }
        if !(params.initial_step.is_finite() && params.initial_step > 0.0) {
            return Err(LayoutError::BadParam("initial_step must be positive"));
        }
        let positions = positions
            .into_iter()
            .map(|p| {
                if p[0].is_finite() && p[1].is_finite() {
                    p
                } else {
                    [0.0, 0.0]
                }
            })
            .collect();
        Ok(Self {
            graph,
            positions,
            pinned,
            forces: vec![[0.0; 2]; n],
            scratch: Scratch::default(),
            step: params.initial_step * params.edge_length,
            energy: f32::INFINITY,
            progress: 0,
            iterations: 0,
            settled: n == 0,
            params,
        })
    }

    pub fn graph(&self) -> &Graph {
        &self.graph
    }

    pub fn positions(&self) -> &[[f32; 2]] {
        &self.positions
    }

    pub fn into_positions(self) -> Vec<[f32; 2]> {
        self.positions
    }

    pub fn is_pinned(&self, i: usize) -> bool {
        self.pinned.get(i).copied().unwrap_or(false)
    }

    pub fn iterations(&self) -> usize {
        self.iterations
    }

    pub fn is_settled(&self) -> bool {
        self.settled
    }

    /// The current step (largest move per iteration), in chart units.
    pub fn step_size(&self) -> f32 {
        self.step
    }

    /// Pin node `i` at `pos` (the analyst dropped it there). The others adapt: the layout
    /// wakes up if it had settled. Out-of-range indices and non-finite positions are ignored.
    pub fn pin(&mut self, i: usize, pos: [f32; 2]) {
        if i < self.positions.len() && pos[0].is_finite() && pos[1].is_finite() {
            self.positions[i] = pos;
            self.pinned[i] = true;
            self.wake();
        }
    }

    /// Let node `i` move again.
    pub fn unpin(&mut self, i: usize) {
        if let Some(p) = self.pinned.get_mut(i) {
            *p = false;
            self.wake();
        }
    }

    /// Resume after a change, with a moderate step so nearby nodes make room.
    pub fn wake(&mut self) {
        self.settled = self.positions.is_empty();
        self.step = self.step.max(0.3 * self.params.edge_length);
        self.energy = f32::INFINITY;
        self.progress = 0;
    }

    /// One iteration. Does nothing once settled (call [`ForceLayout::wake`] to resume).
    pub fn step(&mut self) -> StepReport {
        if self.settled {
            return StepReport {
                mean_move: 0.0,
                settled: true,
            };
        }
        self.compute_forces();
        let step = self.step;
        let (mut energy, mut moved, mut free) = (0f64, 0f64, 0usize);
        for ((p, f), &pinned) in self
            .positions
            .iter_mut()
            .zip(&self.forces)
            .zip(&self.pinned)
        {
            let len2 = f[0] * f[0] + f[1] * f[1];
            if pinned || !len2.is_finite() {
                continue;
            }
            energy += len2 as f64;
            free += 1;
            let len = len2.sqrt();
            if len > 0.0 {
                let d = len.min(step);
                p[0] += f[0] / len * d;
                p[1] += f[1] / len * d;
                moved += d as f64;
            }
        }
        let energy = energy as f32;
        if energy < self.energy {
            self.progress += 1;
            if self.progress >= 5 {
                self.progress = 0;
                self.step /= self.params.cooling;
            }
        } else {
            self.progress = 0;
            self.step *= self.params.cooling;
        }
        // Never let the step grow past what a whole layout spans.
        let n = self.positions.len().max(1) as f32;
        self.step = self.step.min(self.params.edge_length * n.sqrt());
        self.energy = energy;
        self.iterations += 1;
        let mean_move = if free == 0 {
            0.0
        } else {
            (moved / free as f64) as f32
        };
        let k = self.params.edge_length;
        self.settled = free == 0
            || mean_move < self.params.settle_tolerance * k
            || self.step < 0.1 * self.params.settle_tolerance * k;
        StepReport {
            mean_move,
            settled: self.settled,
        }
    }

    /// Iterate until settled or `max_iterations` more iterations ran; returns how many ran.
    pub fn run(&mut self, max_iterations: usize) -> usize {
        let start = self.iterations;
        while !self.settled && self.iterations - start < max_iterations {
            self.step();
        }
        self.iterations - start
    }

    fn compute_forces(&mut self) {
        let k = self.params.edge_length;
        let g = self.params.gravity;
        let graph = &self.graph;
        let positions = &self.positions;
        // Attraction d²/K along each edge, and gravity, per node (no write conflicts).
        self.forces
            .par_iter_mut()
            .with_min_len(1024)
            .enumerate()
            .for_each(|(i, f)| {
                let p = positions[i];
                // Loosely tied nodes feel more gravity (ForceAtlas2's "strong gravity" idea,
                // by degree): isolated entities and small components stay beside the main
                // cluster instead of drifting to its repulsion horizon.
                let deg = graph.neighbours(i).len() as f32;
                let gi = g * (1.0 + 12.0 / (1.0 + deg));
                let (mut fx, mut fy) = (-gi * p[0], -gi * p[1]);
                for &j in graph.neighbours(i) {
                    let q = positions[j as usize];
                    let (dx, dy) = (q[0] - p[0], q[1] - p[1]);
                    let d = (dx * dx + dy * dy).sqrt();
                    fx += dx * d / k;
                    fy += dy * d / k;
                }
                *f = [fx, fy];
            });
        barnes_hut::add_repulsion(
            positions,
            self.params.theta,
            self.params.repulsion * k * k,
            0.01 * k,
            &mut self.forces,
            &mut self.scratch,
        );
    }
}

/// `edges` over `n` nodes laid out from [`random_positions`] (seed 1, no pins, default forces)
/// for at most `iterations`: the positions and how many iterations ran. The chart of a plain
/// edge list that tests and benchmarks draw.
pub fn lay_out_edges(
    n: usize,
    edges: &[(u32, u32)],
    iterations: usize,
) -> Result<(Vec<[f32; 2]>, usize), LayoutError> {
    let mut layout = ForceLayout::new(
        crate::layout::Graph::from_edges(n, edges),
        random_positions(n, 100.0, 1),
        vec![false; n],
        ForceParams::default(),
    )?;
    let ran = layout.run(iterations);
    Ok((layout.into_positions(), ran))
}

/// Seeded random positions in a square sized for `n` nodes `edge_length` apart, centred on the
/// origin: the usual start for [`ForceLayout`].
pub fn random_positions(n: usize, edge_length: f32, seed: u64) -> Vec<[f32; 2]> {
    let side = edge_length * (n as f32).sqrt().max(1.0);
    let mut rng = SplitMix64::new(seed);
    (0..n)
        .map(|_| [(rng.next_f32() - 0.5) * side, (rng.next_f32() - 0.5) * side])
        .collect()
}
