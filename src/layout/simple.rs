//! Circular and grouped layouts, as plain functions of the graph.

use std::collections::BTreeMap;
use std::f32::consts::TAU;

use super::force::{ForceLayout, ForceParams, random_positions};
use super::graph::Graph;

/// Gap between neighbours on a circle, as a multiple of the edge length.
const CIRCLE_SPACING: f32 = 0.6;

/// Nodes on one circle, neighbours next to each other where possible: components one after the
/// other, each in depth-first order from its best-connected node. Neighbours on the circle
/// are `0.6·edge_length` apart; the circle is centred on the origin.
pub fn circular(graph: &Graph, edge_length: f32) -> Vec<[f32; 2]> {
    let n = graph.node_count();
    let order = circle_order(graph);
    let mut positions = vec![[0.0; 2]; n];
    if n <= 1 {
        return positions;
    }
    let radius = (n as f32 * CIRCLE_SPACING * edge_length / TAU).max(0.5 * edge_length);
    for (k, &v) in order.iter().enumerate() {
        let a = TAU * k as f32 / n as f32;
        positions[v as usize] = [radius * a.cos(), radius * a.sin()];
    }
    positions
}

/// Component by component, depth-first from the highest-degree node (lowest index on ties):
/// chains and clusters stay contiguous on the circle.
fn circle_order(graph: &Graph) -> Vec<u32> {
    let n = graph.node_count();
    let (comp, count) = graph.components();
    let mut roots: Vec<Option<u32>> = vec![None; count];
    for v in 0..n {
        let slot = &mut roots[comp[v] as usize];
        match *slot {
            Some(r) if graph.degree(r as usize) >= graph.degree(v) => {}
            _ => *slot = Some(v as u32),
        }
    }
    let mut seen = vec![false; n];
    let mut order = Vec::with_capacity(n);
    let mut stack = Vec::new();
    for root in roots.into_iter().flatten() {
        stack.push(root);
        while let Some(v) = stack.pop() {
            if seen[v as usize] {
                continue;
            }
            seen[v as usize] = true;
            order.push(v);
            // Reversed, so the lowest-numbered neighbour is visited first.
            stack.extend(
                graph
                    .neighbours(v as usize)
                    .iter()
                    .rev()
                    .filter(|&&w| !seen[w as usize]),
            );
        }
    }
    order
}

/// Nodes grouped into clusters: each group (e.g. a country) is laid out on its own with the
/// force layout, and the clusters sit around a ring, in group order, ungrouped nodes last,
/// about one edge length apart. A single cluster is centred on the origin. Deterministic.
pub fn grouped(graph: &Graph, groups: &[Option<u32>], params: &ForceParams) -> Vec<[f32; 2]> {
    let n = graph.node_count();
    let k = params.edge_length;
    let mut members: BTreeMap<(bool, u32), Vec<u32>> = BTreeMap::new();
    for v in 0..n {
        let key = match groups.get(v).copied().flatten() {
            Some(g) => (false, g),
            None => (true, 0),
        };
        members.entry(key).or_default().push(v as u32);
    }
    // Lay out each cluster around its own origin and measure its radius.
    let mut clusters: Vec<(Vec<u32>, Vec<[f32; 2]>, f32)> = Vec::with_capacity(members.len());
    for (i, nodes) in members.into_values().enumerate() {
        let sub = graph.induced(&nodes);
        let start = random_positions(nodes.len(), k, 0x5EED + i as u64);
        let mut local =
            match ForceLayout::new(sub, start.clone(), vec![false; nodes.len()], *params) {
                Ok(mut layout) => {
                    layout.run(500);
                    layout.into_positions()
                }
                Err(_) => start,
            };
        let c = centroid(&local);
        for p in &mut local {
            *p = [p[0] - c[0], p[1] - c[1]];
        }
        let r = local.iter().map(|p| p[0].hypot(p[1])).fold(0.0, f32::max) + 0.5 * k;
        clusters.push((nodes, local, r));
    }
    let mut positions = vec![[0.0; 2]; n];
    if clusters.len() == 1 {
        for (nodes, local, _) in &clusters {
            for (&v, &p) in nodes.iter().zip(local) {
                positions[v as usize] = p;
            }
        }
        return positions;
    }
    // Ring: each cluster takes an arc as long as its diameter plus a gap.
    let gap = k;
    let circumference: f32 = clusters.iter().map(|c| 2.0 * c.2 + gap).sum();
    let largest = clusters.iter().map(|c| c.2).fold(0.0, f32::max);
    let ring = (circumference / TAU).max(largest + 0.5 * gap);
    let mut angle = 0.0f32;
    for (nodes, local, r) in &clusters {
        let half = (r + 0.5 * gap) / ring;
        angle += half;
        let centre = [ring * angle.cos(), ring * angle.sin()];
        angle += half;
        for (&v, &p) in nodes.iter().zip(local) {
            positions[v as usize] = [centre[0] + p[0], centre[1] + p[1]];
        }
    }
    positions
}

fn centroid(points: &[[f32; 2]]) -> [f32; 2] {
    if points.is_empty() {
        return [0.0; 2];
    }
    let s = points
        .iter()
        .fold([0f64; 2], |a, p| [a[0] + p[0] as f64, a[1] + p[1] as f64]);
    let n = points.len() as f64;
    [(s[0] / n) as f32, (s[1] / n) as f32]
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dist(a: [f32; 2], b: [f32; 2]) -> f32 {
        (a[0] - b[0]).hypot(a[1] - b[1])
    }

    #[test]
    fn circular_puts_every_node_on_one_circle_with_neighbours_adjacent() {
        // A path given in scrambled index order: walked depth-first from an inner node, all
        // but one of its edges join neighbours on the circle.
        let edges = [
            (3, 7),
            (7, 1),
            (1, 9),
            (9, 0),
            (0, 5),
            (5, 2),
            (2, 8),
            (8, 4),
            (4, 6),
        ];
        let g = Graph::from_edges(10, &edges);
        let p = circular(&g, 100.0);
        let r = p[0][0].hypot(p[0][1]);
        assert!(p.iter().all(|q| (q[0].hypot(q[1]) - r).abs() < 1e-2));
        let spacing = 2.0 * r * (std::f32::consts::PI / 10.0).sin();
        let long = edges
            .iter()
            .filter(|&&(a, b)| dist(p[a as usize], p[b as usize]) > spacing * 1.01)
            .count();
        assert!(long <= 1, "{long} edges skip around the circle");
    }

    #[test]
    fn grouped_keeps_groups_apart_and_members_together() {
        // Three groups of 8 (a ring each), plus 4 ungrouped nodes, one edge across groups.
        let mut edges = vec![(0, 8)];
        let mut groups = Vec::new();
        for g in 0..3u32 {
            for i in 0..8u32 {
                edges.push((g * 8 + i, g * 8 + (i + 1) % 8));
                groups.push(Some(g));
            }
        }
        groups.extend([None; 4]);
        let graph = Graph::from_edges(28, &edges);
        let p = grouped(&graph, &groups, &ForceParams::default());
        assert_eq!(
            p,
            grouped(&graph, &groups, &ForceParams::default()),
            "deterministic"
        );
        let centre = |g: u32| centroid(&p[(g * 8) as usize..(g * 8 + 8) as usize]);
        for g in 0..3u32 {
            let own = (g * 8..g * 8 + 8)
                .map(|v| dist(p[v as usize], centre(g)))
                .fold(0.0, f32::max);
            for h in (0..3u32).filter(|&h| h != g) {
                let nearest_other = (h * 8..h * 8 + 8)
                    .map(|v| dist(p[v as usize], centre(g)))
                    .fold(f32::INFINITY, f32::min);
                assert!(nearest_other > own, "group {h} reaches into group {g}");
            }
        }
    }
}
