//! Barnes–Hut repulsion over a linear quadtree.
//!
//! Points are sorted by Morton code, so every quadtree cell is a contiguous range of the sorted
//! arrays and the cells are stored in depth-first order with a "skip" index (the cell after the
//! subtree), which makes the walk a loop without a stack. Forces are computed per leaf group
//! (Barnes 1990): one walk per leaf builds an interaction list (far cells by their centre of
//! mass, near leaves point by point) that is then applied to all of the leaf's points in a
//! fixed-width loop the compiler vectorises. A cell is far when
//! `size < theta * distance(centre of mass, leaf bounding box)`, which is at least as strict as
//! the per-point criterion. Leaves are processed in parallel with rayon; each leaf's sums run in
//! a fixed order, so the result does not depend on the number of threads.

use rayon::prelude::*;

/// Most points in a leaf; also the width of the force kernel.
const LEAF: usize = 16;
/// Morton code bits per axis.
const BITS: u32 = 16;

#[derive(Clone, Copy, Debug, Default)]
struct Cell {
    /// Centre of mass.
    com: [f32; 2],
    mass: f32,
    /// Longest side of the tight bounding box of the cell's points.
    size: f32,
    min: [f32; 2],
    max: [f32; 2],
    /// Index of the first cell after this cell's subtree.
    next: u32,
    /// Range of the cell's points in the sorted arrays.
    lo: u32,
    hi: u32,
    leaf: bool,
}

/// The part of a cell the walk reads, packed small for the cache.
#[derive(Clone, Copy, Debug, Default)]
struct Walk {
    com: [f32; 2],
    mass: f32,
    /// Far from any point farther than `sqrt(reach2)`: `size² / theta²`.
    reach2: f32,
    /// Index of the first cell after the subtree; the top bit marks a leaf.
    next: u32,
}

const LEAF_BIT: u32 = 1 << 31;

/// Reusable buffers, so an iteration allocates nothing once warm.
#[derive(Debug, Default)]
pub struct Scratch {
    keys: Vec<u64>,
    xs: Vec<f32>,
    ys: Vec<f32>,
    cells: Vec<Cell>,
    walk: Vec<Walk>,
    leaves: Vec<u32>,
    forces_sorted: Vec<[f32; 2]>,
}

#[derive(Default)]
struct Interactions {
    x: Vec<f32>,
    y: Vec<f32>,
    m: Vec<f32>,
}

/// Add to `forces[i]` the repulsion on point `i` from all other points: the sum over `j` of
/// `strength * (p_i - p_j) / (|p_i - p_j|² + softening²)` (a `1/d` force law), approximated with
/// Barnes–Hut at opening angle `theta`. Non-finite positions are treated as the origin.
pub fn add_repulsion(
    positions: &[[f32; 2]],
    theta: f32,
    strength: f32,
    softening: f32,
    forces: &mut [[f32; 2]],
    scratch: &mut Scratch,
) {
    let n = positions.len().min(forces.len());
    if n < 2 {
        return;
    }
    build(&positions[..n], scratch);
    let Scratch {
        keys,
        xs,
        ys,
        cells,
        walk,
        leaves,
        forces_sorted,
    } = scratch;
    let theta2 = theta * theta;
    walk.clear();
    walk.extend(cells.iter().map(|c| Walk {
        com: c.com,
        mass: c.mass,
        reach2: if theta2 > 0.0 {
            c.size * c.size / theta2
        } else {
            f32::INFINITY
        },
        next: c.next | if c.leaf { LEAF_BIT } else { 0 },
    }));
    forces_sorted.clear();
    forces_sorted.resize(n, [0.0; 2]);

    // Leaves are in depth-first order, so their point ranges tile 0..n in order: split the
    // output into one slice per leaf.
    let mut jobs: Vec<(u32, &mut [[f32; 2]])> = Vec::with_capacity(leaves.len());
    let mut rest: &mut [[f32; 2]] = forces_sorted;
    for &leaf in leaves.iter() {
        let c = &cells[leaf as usize];
        let (head, tail) = rest.split_at_mut((c.hi - c.lo) as usize);
        jobs.push((leaf, head));
        rest = tail;
    }
    let eps2 = softening * softening;
    let (cells, walk, xs, ys) = (&*cells, &*walk, &*xs, &*ys);
    jobs.into_par_iter()
        .for_each_init(Interactions::default, |list, (leaf, out)| {
            let group = cells[leaf as usize];
            gather(cells, walk, xs, ys, &group, list);
            kernel(&group, xs, ys, list, eps2, out);
        });
    for (s, key) in keys.iter().enumerate() {
        let i = (*key & 0xFFFF_FFFF) as usize;
        let f = forces_sorted[s];
        forces[i][0] += strength * f[0];
        forces[i][1] += strength * f[1];
    }
}

fn finite(v: f32) -> f32 {
    if v.is_finite() { v } else { 0.0 }
}

/// Spread the 16 low bits of `v` to the even bits of the result.
fn spread(v: u32) -> u64 {
    let mut x = v as u64 & 0xFFFF;
    x = (x | (x << 8)) & 0x00FF_00FF;
    x = (x | (x << 4)) & 0x0F0F_0F0F;
    x = (x | (x << 2)) & 0x3333_3333;
    x = (x | (x << 1)) & 0x5555_5555;
    x
}

fn build(positions: &[[f32; 2]], s: &mut Scratch) {
    let n = positions.len();
    let (mut min, mut max) = ([f32::INFINITY; 2], [f32::NEG_INFINITY; 2]);
    for p in positions {
        for a in 0..2 {
            let v = finite(p[a]);
            min[a] = min[a].min(v);
            max[a] = max[a].max(v);
        }
    }
    let side = (max[0] - min[0])
        .max(max[1] - min[1])
        .max(f32::MIN_POSITIVE);
    let scale = ((1u32 << BITS) - 1) as f32 / side;
    s.keys.clear();
    s.keys.extend(positions.iter().enumerate().map(|(i, p)| {
        let qx = ((finite(p[0]) - min[0]) * scale) as u32;
        let qy = ((finite(p[1]) - min[1]) * scale) as u32;
        ((spread(qx) | (spread(qy) << 1)) << 32) | i as u64
    }));
    if n > 20_000 {
        s.keys.par_sort_unstable();
    } else {
        s.keys.sort_unstable();
    }
    s.xs.clear();
    s.ys.clear();
    for key in &s.keys {
        let p = positions[(*key & 0xFFFF_FFFF) as usize];
        s.xs.push(finite(p[0]));
        s.ys.push(finite(p[1]));
    }
    s.cells.clear();
    s.leaves.clear();
    build_cell(s, 0, n, 0);
}

/// Build the cell over sorted points `lo..hi` whose codes agree on their first `depth` digits;
/// returns its index.
fn build_cell(s: &mut Scratch, lo: usize, hi: usize, depth: u32) -> usize {
    let idx = s.cells.len();
    s.cells.push(Cell::default());
    let mut cell = Cell {
        lo: lo as u32,
        hi: hi as u32,
        min: [f32::INFINITY; 2],
        max: [f32::NEG_INFINITY; 2],
        ..Cell::default()
    };
    if hi - lo <= LEAF || depth >= BITS {
        let (mut sx, mut sy) = (0f64, 0f64);
        for k in lo..hi {
            let (x, y) = (s.xs[k], s.ys[k]);
            sx += x as f64;
            sy += y as f64;
            cell.min = [cell.min[0].min(x), cell.min[1].min(y)];
            cell.max = [cell.max[0].max(x), cell.max[1].max(y)];
        }
        let m = (hi - lo) as f64;
        cell.mass = m as f32;
        cell.com = [(sx / m) as f32, (sy / m) as f32];
        cell.leaf = true;
        s.leaves.push(idx as u32);
    } else {
        let shift = 32 + 2 * (BITS - 1 - depth);
        let digit = |k: &u64| (k >> shift) & 3;
        let (mut sx, mut sy, mut m) = (0f64, 0f64, 0f64);
        let mut start = lo;
        for d in 0..4u64 {
            let end = lo + s.keys[lo..hi].partition_point(|k| digit(k) <= d);
            if end > start {
                let child = build_cell(s, start, end, depth + 1);
                let c = s.cells[child];
                sx += c.com[0] as f64 * c.mass as f64;
                sy += c.com[1] as f64 * c.mass as f64;
                m += c.mass as f64;
                cell.min = [cell.min[0].min(c.min[0]), cell.min[1].min(c.min[1])];
                cell.max = [cell.max[0].max(c.max[0]), cell.max[1].max(c.max[1])];
            }
            start = end;
        }
        cell.mass = m as f32;
        cell.com = [(sx / m) as f32, (sy / m) as f32];
    }
    cell.size = (cell.max[0] - cell.min[0]).max(cell.max[1] - cell.min[1]);
    cell.next = s.cells.len() as u32;
    s.cells[idx] = cell;
    idx
}

/// The interaction list of one leaf group: far cells as (centre of mass, mass), near points
/// one by one (the group's own points included; they contribute nothing to themselves).
fn gather(
    cells: &[Cell],
    walk: &[Walk],
    xs: &[f32],
    ys: &[f32],
    group: &Cell,
    list: &mut Interactions,
) {
    list.x.clear();
    list.y.clear();
    list.m.clear();
    let mut i = 0usize;
    while i < walk.len() {
        let c = &walk[i];
        let dx = (group.min[0] - c.com[0])
            .max(c.com[0] - group.max[0])
            .max(0.0);
        let dy = (group.min[1] - c.com[1])
            .max(c.com[1] - group.max[1])
            .max(0.0);
        let next = (c.next & !LEAF_BIT) as usize;
        if c.reach2 < dx * dx + dy * dy {
            list.x.push(c.com[0]);
            list.y.push(c.com[1]);
            list.m.push(c.mass);
            i = next;
        } else if c.next & LEAF_BIT != 0 {
            let r = cells[i].lo as usize..cells[i].hi as usize;
            list.x.extend_from_slice(&xs[r.clone()]);
            list.y.extend_from_slice(&ys[r.clone()]);
            list.m.extend(std::iter::repeat_n(1.0, r.len()));
            i = next;
        } else {
            i += 1;
        }
    }
}

/// Apply an interaction list to a leaf's points, `LEAF` lanes at a time.
fn kernel(
    group: &Cell,
    xs: &[f32],
    ys: &[f32],
    list: &Interactions,
    eps2: f32,
    out: &mut [[f32; 2]],
) {
    let lo = group.lo as usize;
    let len = (group.hi - group.lo) as usize;
    let mut px = [0f32; LEAF];
    let mut py = [0f32; LEAF];
    let mut fx = [0f32; LEAF];
    let mut fy = [0f32; LEAF];
    if len <= LEAF {
        px[..len].copy_from_slice(&xs[lo..lo + len]);
        py[..len].copy_from_slice(&ys[lo..lo + len]);
        for ((&x, &y), &m) in list.x.iter().zip(&list.y).zip(&list.m) {
            for j in 0..LEAF {
                let dx = px[j] - x;
                let dy = py[j] - y;
                let w = m / (dx * dx + dy * dy + eps2);
                fx[j] += w * dx;
                fy[j] += w * dy;
            }
        }
        for j in 0..len {
            out[j] = [fx[j], fy[j]];
        }
    } else {
        // A deepest-level leaf with more points than lanes (many points on one spot): scalar.
        for (j, o) in out.iter_mut().enumerate() {
            let (x0, y0) = (xs[lo + j], ys[lo + j]);
            let (mut ax, mut ay) = (0f32, 0f32);
            for ((&x, &y), &m) in list.x.iter().zip(&list.y).zip(&list.m) {
                let dx = x0 - x;
                let dy = y0 - y;
                let w = m / (dx * dx + dy * dy + eps2);
                ax += w * dx;
                ay += w * dy;
            }
            *o = [ax, ay];
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::layout::graph::SplitMix64;

    fn exact(positions: &[[f32; 2]], eps2: f32) -> Vec<[f32; 2]> {
        positions
            .iter()
            .map(|p| {
                let mut f = [0f64; 2];
                for q in positions {
                    let dx = (p[0] - q[0]) as f64;
                    let dy = (p[1] - q[1]) as f64;
                    let w = 1.0 / (dx * dx + dy * dy + eps2 as f64);
                    f[0] += w * dx;
                    f[1] += w * dy;
                }
                [f[0] as f32, f[1] as f32]
            })
            .collect()
    }

    #[test]
    fn barnes_hut_is_close_to_the_exact_sum() {
        let mut rng = SplitMix64::new(3);
        // Clustered points: the hard case for a quadtree.
        let positions: Vec<[f32; 2]> = (0..3000)
            .map(|i| {
                let c = (i % 5) as f32 * 300.0;
                [
                    c + rng.next_f32() * 100.0,
                    c * 0.5 + rng.next_f32() * 1000.0,
                ]
            })
            .collect();
        let want = exact(&positions, 1.0);
        for (theta, tolerance) in [(0.0, 1e-3), (0.9, 0.05)] {
            let mut got = vec![[0.0; 2]; positions.len()];
            add_repulsion(
                &positions,
                theta,
                1.0,
                1.0,
                &mut got,
                &mut Scratch::default(),
            );
            let (mut err, mut norm) = (0f64, 0f64);
            for (g, w) in got.iter().zip(&want) {
                err += ((g[0] - w[0]) as f64).powi(2) + ((g[1] - w[1]) as f64).powi(2);
                norm += (w[0] as f64).powi(2) + (w[1] as f64).powi(2);
            }
            let rel = (err / norm).sqrt();
            assert!(rel < tolerance, "theta {theta}: relative error {rel}");
        }
    }

    #[test]
    fn coincident_points_and_nan_do_not_panic_or_poison() {
        let mut positions = vec![[5.0, 5.0]; 100];
        positions.push([f32::NAN, 1.0]);
        positions.push([50.0, 5.0]);
        let mut f = vec![[0.0; 2]; positions.len()];
        add_repulsion(&positions, 0.9, 1.0, 1.0, &mut f, &mut Scratch::default());
        assert!(f.iter().all(|v| v[0].is_finite() && v[1].is_finite()));
        assert!(
            f[101][0] > 0.0,
            "the lone point is pushed away from the pile"
        );
    }
}
