//! Level of detail: what a zoomed-out screen draws instead of nodes too small to see.
//!
//! Nodes are binned into square chart-space cells whose side is a power of two chosen from the
//! zoom ([`level_for_zoom`]); each occupied cell becomes one [`Dot`] at the centroid of its
//! nodes, coloured by the most common entity type and sized by the count. Links become
//! cell-to-cell [`Bundle`]s counted by how many links they stand for; links inside one cell
//! disappear into its dot. When there would be more than [`MAX_BUNDLES`] bundles (links that
//! run far across a big chart), bundles are merged on coarser cells until they fit.
//!
//! A [`LodLevel`] depends only on the scene, not on pan or zoom within the level, so the
//! screen keeps one per level until the scene changes (see `scene::cache`). The exports never
//! use it: they draw the full scene.

use rustc_hash::FxHashMap;

use super::style;
use super::{Bounds, Rgba, Scene, SceneTopology};
use crate::model::EntityType;

/// Nodes are merged when an average node would be smaller than this on screen (radius, points).
pub const LOD_NODE_PX: f32 = 2.0;
/// ... and only on charts with at least this many nodes (smaller charts draw every node).
pub const LOD_MIN_NODES: usize = 2_000;
/// A cell is at least this wide on screen (points), and less than twice as wide.
pub const LOD_CELL_PX: f32 = 8.0;
/// At most this many bundles per level.
pub const MAX_BUNDLES: usize = 20_000;

/// Merged nodes: one occupied cell.
#[derive(Clone, Debug, PartialEq)]
pub struct Dot {
    /// Centroid of the cell's nodes (chart coordinates).
    pub center: [f32; 2],
    pub count: u32,
    /// The most common entity type in the cell (ties go to the earlier type).
    pub kind: EntityType,
    pub fill: Rgba,
}

/// Merged links between two cells.
#[derive(Clone, Debug, PartialEq)]
pub struct Bundle {
    pub from: [f32; 2],
    pub to: [f32; 2],
    /// Links it stands for.
    pub count: u32,
}

/// The merged picture at one level.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct LodLevel {
    pub level: i32,
    /// Side of a dot's cell (chart units): `2^level`.
    pub cell: f32,
    /// Side of the cells the bundles join (at least `cell`).
    pub bundle_cell: f32,
    pub dots: Vec<Dot>,
    pub bundles: Vec<Bundle>,
    /// The largest dot count and bundle count (for sizes and shades).
    pub max_dot: u32,
    pub max_bundle: u32,
}

/// True when the screen should draw `scene` merged at `zoom` (screen points per chart unit).
pub fn wants_lod(scene: &Scene, zoom: f32) -> bool {
    scene.nodes.len() >= LOD_MIN_NODES && style::NODE_MIN_RADIUS * zoom < LOD_NODE_PX
}

/// The level whose cells are between [`LOD_CELL_PX`] and twice that on screen at `zoom`.
pub fn level_for_zoom(zoom: f32) -> i32 {
    let z = if zoom.is_finite() && zoom > 0.0 {
        zoom
    } else {
        1.0
    };
    (LOD_CELL_PX / z).log2().ceil().clamp(-8.0, 40.0) as i32
}

/// The cell side of a level.
pub fn cell_of_level(level: i32) -> f32 {
    2f32.powi(level)
}

fn cell_key(p: [f32; 2], cell: f32) -> (i64, i64) {
    ((p[0] / cell).floor() as i64, (p[1] / cell).floor() as i64)
}

/// Weighted points grouped by cell: the group of each point, and each group's weighted
/// centroid and total weight.
fn group(points: &[([f32; 2], u32)], cell: f32) -> (Vec<u32>, Vec<([f32; 2], u32)>) {
    let mut index: FxHashMap<(i64, i64), u32> = FxHashMap::default();
    let mut sums: Vec<([f64; 2], u64)> = Vec::new();
    let of: Vec<u32> = points
        .iter()
        .map(|&(p, w)| {
            let g = *index.entry(cell_key(p, cell)).or_insert_with(|| {
                sums.push(([0.0; 2], 0));
                (sums.len() - 1) as u32
            });
            let s = &mut sums[g as usize];
            s.0[0] += p[0] as f64 * w as f64;
            s.0[1] += p[1] as f64 * w as f64;
            s.1 += w as u64;
            g
        })
        .collect();
    let groups = sums
        .into_iter()
        .map(|(s, w)| {
            let w1 = w.max(1) as f64;
            ([(s[0] / w1) as f32, (s[1] / w1) as f32], w as u32)
        })
        .collect();
    (of, groups)
}

/// Links between groups, counted: `(group a, group b) → count` with a < b; links inside a group
/// are left out.
fn count_pairs(pairs: impl Iterator<Item = (u32, u32, u32)>) -> Vec<(u32, u32, u32)> {
    let mut map: FxHashMap<u64, u32> = FxHashMap::default();
    for (a, b, n) in pairs {
        if a == b {
            continue;
        }
        let (lo, hi) = (a.min(b), a.max(b));
        *map.entry(((lo as u64) << 32) | hi as u64).or_insert(0) += n;
    }
    let mut out: Vec<(u32, u32, u32)> = map
        .into_iter()
        .map(|(k, n)| ((k >> 32) as u32, k as u32, n))
        .collect();
    // Deterministic order (the map's is not): by pair.
    out.sort_unstable();
    out
}

impl LodLevel {
    /// Merge `scene` at `level`. `topology` (from the same build) says which nodes each edge
    /// joins; without it, ends are looked up by id.
    pub fn build(scene: &Scene, topology: &SceneTopology, level: i32) -> Self {
        let cell = cell_of_level(level);
        let points: Vec<([f32; 2], u32)> = scene
            .nodes
            .iter()
            .map(|n| {
                let ok = n.center[0].is_finite() && n.center[1].is_finite();
                (if ok { n.center } else { [0.0, 0.0] }, 1)
            })
            .collect();
        let (dot_of, groups) = group(&points, cell);
        let mut kinds = vec![[0u32; EntityType::ALL.len()]; groups.len()];
        for (n, &g) in scene.nodes.iter().zip(&dot_of) {
            kinds[g as usize][n.kind as usize] += 1;
        }
        let dots: Vec<Dot> = groups
            .iter()
            .zip(&kinds)
            .map(|(&(center, count), k)| {
                let mut best = 0;
                for (t, &c) in k.iter().enumerate() {
                    if c > k[best] {
                        best = t;
                    }
                }
                let kind = EntityType::ALL[best];
                Dot {
                    center,
                    count,
                    kind,
                    fill: style::type_color(kind),
                }
            })
            .collect();

        let node_of = |i: usize| -> Option<(usize, usize)> {
            topology.edge_nodes(i).or_else(|| {
                let e = &scene.edges[i];
                let find = |id| scene.nodes.binary_search_by_key(&id, |n| n.id).ok();
                Some((find(e.from)?, find(e.to)?))
            })
        };
        let mut pairs = count_pairs((0..scene.edges.len()).filter_map(|i| {
            let (a, b) = node_of(i)?;
            Some((dot_of[a], dot_of[b], 1))
        }));
        // Coarsen until the bundles fit the budget.
        let mut ends = groups;
        let mut bundle_cell = cell;
        while pairs.len() > MAX_BUNDLES && ends.len() > 1 {
            // Far over budget (fine cells, long links): skip levels that cannot fit. Bundles
            // fall about with the fourth power of the cell for random links (cells fall with
            // its square, pairs of cells with their square), less for local ones, so this
            // skips only levels that would most likely not fit.
            let over = pairs.len() as f64 / MAX_BUNDLES as f64;
            let skip = over.powf(0.25).log2().floor().max(1.0) as i32;
            bundle_cell *= 2f32.powi(skip);
            let (up, coarse) = group(&ends, bundle_cell);
            pairs = count_pairs(
                pairs
                    .iter()
                    .map(|&(a, b, n)| (up[a as usize], up[b as usize], n)),
            );
            ends = coarse;
        }
        let bundles: Vec<Bundle> = pairs
            .iter()
            .map(|&(a, b, count)| Bundle {
                from: ends[a as usize].0,
                to: ends[b as usize].0,
                count,
            })
            .collect();
        LodLevel {
            level,
            cell,
            bundle_cell,
            max_dot: dots.iter().map(|d| d.count).max().unwrap_or(0),
            max_bundle: bundles.iter().map(|b| b.count).max().unwrap_or(0),
            dots,
            bundles,
        }
    }

    /// Dots whose cell overlaps `area`.
    pub fn dots_in(&self, area: Bounds) -> impl Iterator<Item = &Dot> {
        let grown = area.expand(self.cell);
        self.dots.iter().filter(move |d| grown.contains(d.center))
    }

    /// Bundles whose line may cross `area`.
    pub fn bundles_in(&self, area: Bounds) -> impl Iterator<Item = &Bundle> {
        self.bundles
            .iter()
            .filter(move |b| Bounds::from_corners(b.from, b.to).intersects(&area))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::chart::visible;
    use crate::scene::synthetic::{synthetic, synthetic_laid_out};
    use crate::scene::{SceneOptions, build_scene_tracked};

    fn scene(nodes: usize, links: usize, laid_out: bool) -> (Scene, SceneTopology) {
        let (model, chart) = if laid_out {
            synthetic_laid_out(nodes, links, 5)
        } else {
            synthetic(nodes, links, 5)
        };
        build_scene_tracked(
            &model,
            &chart,
            &visible(&model, &chart),
            &SceneOptions::default(),
        )
    }

    #[test]
    fn levels_follow_the_zoom_in_powers_of_two() {
        // At zoom 1/16 a cell of 128 chart units is 8 points wide.
        assert_eq!(level_for_zoom(1.0 / 16.0), 7);
        let z = 0.03;
        let px = cell_of_level(level_for_zoom(z)) * z;
        assert!((LOD_CELL_PX..2.0 * LOD_CELL_PX).contains(&px), "{px}");
        assert_eq!(level_for_zoom(f32::NAN), level_for_zoom(1.0));
    }

    #[test]
    fn merged_dots_keep_every_node_and_sit_among_them() {
        let (scene, topo) = scene(5_000, 20_000, true);
        let lod = LodLevel::build(&scene, &topo, 9);
        assert!(
            lod.dots.len() < scene.nodes.len() / 10,
            "{}",
            lod.dots.len()
        );
        let total: u32 = lod.dots.iter().map(|d| d.count).sum();
        assert_eq!(total as usize, scene.nodes.len());
        for d in &lod.dots {
            assert!(scene.bounds.contains(d.center));
            assert_eq!(d.fill, style::type_color(d.kind));
        }
        // Bundles count every link between different cells, at most once per pair.
        let bundled: u32 = lod.bundles.iter().map(|b| b.count).sum();
        assert!(bundled as usize <= scene.edges.len());
        assert!(bundled > 0);
        assert_eq!(lod.bundle_cell, lod.cell);
    }

    #[test]
    fn long_random_links_are_bundled_within_the_budget() {
        let (scene, topo) = scene(20_000, 60_000, false);
        let lod = LodLevel::build(&scene, &topo, 6);
        assert!(lod.bundles.len() <= MAX_BUNDLES, "{}", lod.bundles.len());
        assert!(lod.bundle_cell > lod.cell);
        let bundled: u32 = lod.bundles.iter().map(|b| b.count).sum();
        // Coarse cells swallow only the few links inside one cell.
        assert!(bundled as usize > scene.edges.len() * 9 / 10, "{bundled}");
    }

    #[test]
    fn only_big_charts_zoomed_out_are_merged() {
        let (big, _) = scene(3_000, 3_000, true);
        assert!(wants_lod(&big, 0.05));
        assert!(!wants_lod(&big, 1.0));
        let (small, _) = scene(300, 300, true);
        assert!(!wants_lod(&small, 0.05));
    }
}
