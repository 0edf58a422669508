//! The layout's graph: dense node indices `0..n` and an adjacency in compressed sparse rows.

/// An undirected graph over dense node indices, stored as compressed sparse rows so that each
/// node's neighbours are one contiguous slice. Self-loops are dropped and parallel edges merged:
/// neither changes where a node should go.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Graph {
    offsets: Vec<u32>,
    neighbours: Vec<u32>,
}

impl Graph {
    /// Build from an edge list. Endpoints at or beyond `node_count` are ignored, so a caller that
    /// builds the node set and the edges from the same source cannot make this panic.
    pub fn from_edges(node_count: usize, edges: &[(u32, u32)]) -> Self {
        let mut pairs: Vec<(u32, u32)> = edges
            .iter()
            .filter(|&&(a, b)| a != b && (a as usize) < node_count && (b as usize) < node_count)
            .flat_map(|&(a, b)| [(a, b), (b, a)])
            .collect();
        pairs.sort_unstable();
        pairs.dedup();
        let mut offsets = vec![0u32; node_count + 1];
        for &(a, _) in &pairs {
            offsets[a as usize + 1] += 1;
        }
        for i in 0..node_count {
            offsets[i + 1] += offsets[i];
        }
        let neighbours = pairs.into_iter().map(|(_, b)| b).collect();
        Self {
            offsets,
            neighbours,
        }
    }

    pub fn node_count(&self) -> usize {
        self.offsets.len().saturating_sub(1)
    }

    /// Number of undirected edges (after dropping self-loops and duplicates).
    pub fn edge_count(&self) -> usize {
        self.neighbours.len() / 2
    }

    pub fn neighbours(&self, i: usize) -> &[u32] {
        let lo = self.offsets[i] as usize;
        let hi = self.offsets[i + 1] as usize;
        &self.neighbours[lo..hi]
    }

    pub fn degree(&self, i: usize) -> usize {
        self.neighbours(i).len()
    }

    /// Each undirected edge once, as `(a, b)` with `a < b`.
    pub fn edges(&self) -> impl Iterator<Item = (u32, u32)> + '_ {
        (0..self.node_count()).flat_map(move |a| {
            self.neighbours(a)
                .iter()
                .filter(move |&&b| (a as u32) < b)
                .map(move |&b| (a as u32, b))
        })
    }

    /// Connected components: a component index per node, numbered in order of first node.
    pub fn components(&self) -> (Vec<u32>, usize) {
        let n = self.node_count();
        let mut comp = vec![u32::MAX; n];
        let mut count = 0u32;
        let mut stack = Vec::new();
        for start in 0..n {
            if comp[start] != u32::MAX {
                continue;
            }
            comp[start] = count;
            stack.push(start as u32);
            while let Some(v) = stack.pop() {
                for &w in self.neighbours(v as usize) {
                    if comp[w as usize] == u32::MAX {
                        comp[w as usize] = count;
                        stack.push(w);
                    }
                }
            }
            count += 1;
        }
        (comp, count as usize)
    }

    /// The subgraph induced by `nodes` (indices into this graph), renumbered `0..nodes.len()`.
    pub fn induced(&self, nodes: &[u32]) -> Graph {
        let mut local = vec![u32::MAX; self.node_count()];
        for (k, &v) in nodes.iter().enumerate() {
            if let Some(slot) = local.get_mut(v as usize) {
                *slot = k as u32;
            }
        }
        let mut edges = Vec::new();
        for (k, &v) in nodes.iter().enumerate() {
            if (v as usize) >= self.node_count() {
                continue;
            }
            for &w in self.neighbours(v as usize) {
                let lw = local[w as usize];
                if lw != u32::MAX && (k as u32) < lw {
                    edges.push((k as u32, lw));
                }
            }
        }
        Graph::from_edges(nodes.len(), &edges)
    }
}

/// A small, fast, seedable generator (SplitMix64) so layouts and test graphs are reproducible
/// without a dependency.
#[derive(Clone, Debug)]
pub struct SplitMix64(u64);

impl SplitMix64 {
    pub fn new(seed: u64) -> Self {
        Self(seed)
    }

    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// Uniform in `[0, 1)`.
    pub fn next_f32(&mut self) -> f32 {
        (self.next_u64() >> 40) as f32 / (1u64 << 24) as f32
    }

    /// Uniform in `0..bound` (`bound > 0`).
    pub fn below(&mut self, bound: usize) -> usize {
        (((self.next_u64() >> 32) * bound as u64) >> 32) as usize
    }
}

/// A Barabási–Albert preferential-attachment graph: `n` nodes, each new node attached to `m`
/// distinct earlier nodes chosen with probability proportional to degree. Seeded: the same
/// arguments give the same edges. Used by the benchmarks and the quality tests.
pub fn barabasi_albert(n: usize, m: usize, seed: u64) -> Vec<(u32, u32)> {
    let m = m.max(1);
    let mut rng = SplitMix64::new(seed);
    let mut edges = Vec::with_capacity(n.saturating_mul(m));
    // Every edge endpoint once: sampling from it is sampling by degree.
    let mut ends: Vec<u32> = Vec::with_capacity(2 * n.saturating_mul(m));
    let core = (m + 1).min(n);
    for a in 0..core {
        for b in 0..a {
            edges.push((b as u32, a as u32));
            ends.extend([b as u32, a as u32]);
        }
    }
    let mut chosen: Vec<u32> = Vec::with_capacity(m);
    for v in core..n {
        chosen.clear();
        while chosen.len() < m {
            let t = ends[rng.below(ends.len())];
            if !chosen.contains(&t) {
                chosen.push(t);
            }
        }
        for &t in &chosen {
            edges.push((t, v as u32));
            ends.extend([t, v as u32]);
        }
    }
    edges
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn self_loops_and_duplicates_are_dropped() {
        let g = Graph::from_edges(3, &[(0, 1), (1, 0), (1, 1), (1, 2), (2, 7)]);
        assert_eq!(g.edge_count(), 2);
        assert_eq!(g.neighbours(1), &[0, 2]);
        assert_eq!(g.edges().collect::<Vec<_>>(), vec![(0, 1), (1, 2)]);
    }

    #[test]
    fn components_are_found() {
        let g = Graph::from_edges(5, &[(0, 1), (3, 4)]);
        let (comp, count) = g.components();
        assert_eq!(count, 3);
        assert_eq!(comp, vec![0, 0, 1, 2, 2]);
    }

    #[test]
    fn barabasi_albert_has_m_edges_per_new_node_and_is_seeded() {
        let e = barabasi_albert(1000, 5, 7);
        assert_eq!(e.len(), 15 + (1000 - 6) * 5);
        assert_eq!(e, barabasi_albert(1000, 5, 7));
        assert_ne!(e, barabasi_albert(1000, 5, 8));
        let g = Graph::from_edges(1000, &e);
        assert_eq!(g.edge_count(), e.len(), "no duplicate edges");
        assert_eq!(g.components().1, 1);
        // Preferential attachment makes hubs.
        let max_deg = (0..1000).map(|i| g.degree(i)).max().unwrap_or(0);
        assert!(max_deg > 50, "max degree {max_deg}");
    }
}
