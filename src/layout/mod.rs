//! Layouts over a graph of dense node indices `0..n` (knows nothing of text or egui).
//!
//! - [`force`]: force-directed layout (Barnes–Hut repulsion, rayon), settles on its own.
//! - [`simple`]: circular and grouped (by country) layouts, as plain functions.
//! - [`job`]: [`ForceJob`], the force layout on a worker thread; [`LayoutJob`] wraps it for
//!   entity ids (what the app uses).
//! - [`view`]: [`layout_view`], the convenience over the model and chart state.
//!
//! Chart units: a typical edge is about 100 units long (`ForceParams::edge_length`), which
//! suits node radii of 10–30 units in the scene.

mod barnes_hut;
pub mod force;
pub mod graph;
pub mod job;
pub mod simple;
pub mod view;

pub use force::{
    ForceLayout, ForceParams, LayoutError, StepReport, lay_out_edges, random_positions,
};
pub use graph::{Graph, barabasi_albert};
pub use job::ForceJob;
pub use view::{LayoutJob, LayoutKind, layout_view, view_edges};

/// Quality figures of a layout, used by the tests and the `layout` command's report.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Quality {
    /// Median length of an edge.
    pub median_edge: f32,
    /// Mean edge length divided by the mean distance between random node pairs.
    pub edge_to_pair_ratio: f32,
    /// Fraction of sampled node pairs closer than 5% of the median edge length.
    pub pile_fraction: f32,
    /// Largest distance of a node from the centroid, divided by the median edge length.
    pub extent: f32,
}

/// Measure a layout: edges against random pairs (seeded sample), piles and extent.
pub fn quality(graph: &Graph, positions: &[[f32; 2]], seed: u64) -> Quality {
    let dist = |a: usize, b: usize| {
        let (p, q) = (positions[a], positions[b]);
        ((p[0] - q[0]).powi(2) + (p[1] - q[1]).powi(2)).sqrt()
    };
    let n = positions.len().min(graph.node_count());
    let mut edges: Vec<f32> = graph
        .edges()
        .filter(|&(a, b)| (b as usize) < n && (a as usize) < n)
        .map(|(a, b)| dist(a as usize, b as usize))
        .collect();
    edges.sort_unstable_by(f32::total_cmp);
    let median_edge = edges.get(edges.len() / 2).copied().unwrap_or(0.0);
    let mean_edge = edges.iter().map(|&d| d as f64).sum::<f64>() / edges.len().max(1) as f64;
    let mut rng = graph::SplitMix64::new(seed);
    let samples = 20_000;
    let (mut pair_sum, mut piles, mut pairs) = (0f64, 0usize, 0usize);
    if n >= 2 {
        for _ in 0..samples {
            let (a, b) = (rng.below(n), rng.below(n));
            if a == b {
                continue;
            }
            let d = dist(a, b);
            pair_sum += d as f64;
            pairs += 1;
            if d < 0.05 * median_edge {
                piles += 1;
            }
        }
    }
    let c = positions[..n].iter().fold([0f64; 2], |acc, p| {
        [
            acc[0] + p[0] as f64 / n as f64,
            acc[1] + p[1] as f64 / n as f64,
        ]
    });
    let far = positions[..n]
        .iter()
        .map(|p| ((p[0] as f64 - c[0]).powi(2) + (p[1] as f64 - c[1]).powi(2)).sqrt())
        .fold(0f64, f64::max);
    Quality {
        median_edge,
        edge_to_pair_ratio: (mean_edge / (pair_sum / pairs.max(1) as f64)) as f32,
        pile_fraction: piles as f32 / pairs.max(1) as f32,
        extent: (far / median_edge.max(f32::MIN_POSITIVE) as f64) as f32,
    }
}
