//! A spatial index over node circles for hit-testing: hover, click and box-select.
//!
//! A uniform grid in compressed rows: each circle is filed under the cell of its centre, and
//! cells are at least as wide as the largest diameter, so a point query looks at no more than
//! a 2×2 block of cells. Building is two counting passes (O(n)), cheap enough to redo whenever
//! positions change. Circles with a non-finite centre or radius are never hit.

/// Node circles indexed by position. Indices are those of the slices it was built from.
#[derive(Clone, Debug, Default)]
pub struct SpatialIndex {
    centres: Vec<[f32; 2]>,
    radii: Vec<f32>,
    origin: [f32; 2],
    cell: f32,
    cols: usize,
    rows: usize,
    /// `starts[c]..starts[c + 1]` are cell `c`'s entries in `items`.
    starts: Vec<u32>,
    items: Vec<u32>,
    max_radius: f32,
}

impl SpatialIndex {
    /// Index circles `i` at `centres[i]` with `radii[i]` (the shorter slice sets the count).
    pub fn build(centres: &[[f32; 2]], radii: &[f32]) -> Self {
        let n = centres.len().min(radii.len());
        let ok = |i: usize| {
            let (p, r) = (centres[i], radii[i]);
            p[0].is_finite() && p[1].is_finite() && r.is_finite() && r >= 0.0
        };
        let (mut min, mut max, mut max_radius, mut count) =
            ([f32::INFINITY; 2], [f32::NEG_INFINITY; 2], 0f32, 0usize);
        for i in (0..n).filter(|&i| ok(i)) {
            let p = centres[i];
            min = [min[0].min(p[0]), min[1].min(p[1])];
            max = [max[0].max(p[0]), max[1].max(p[1])];
            max_radius = max_radius.max(radii[i]);
            count += 1;
        }
        let mut index = Self {
            centres: centres[..n].to_vec(),
            radii: radii[..n].to_vec(),
            max_radius,
            ..Self::default()
        };
        if count == 0 {
            return index;
        }
        let (w, h) = ((max[0] - min[0]).max(0.0), (max[1] - min[1]).max(0.0));
        // About one circle per cell on average, but never narrower than a circle.
        let by_density = ((w * h) / count as f32).sqrt();
        let cell = (2.0 * max_radius).max(by_density).max(1e-3);
        let cols = ((w / cell) as usize + 1).min(1 << 15);
        let rows = ((h / cell) as usize + 1).min(1 << 15);
        let cell = cell.max(w / cols as f32).max(h / rows as f32);
        index.origin = min;
        index.cell = cell;
        index.cols = cols;
        index.rows = rows;
        let mut starts = vec![0u32; cols * rows + 1];
        let cells: Vec<usize> = (0..n)
            .map(|i| {
                if ok(i) {
                    index.cell_of(centres[i])
                } else {
                    usize::MAX
                }
            })
            .collect();
        for &c in cells.iter().filter(|&&c| c != usize::MAX) {
            starts[c + 1] += 1;
        }
        for c in 0..cols * rows {
            starts[c + 1] += starts[c];
        }
        let mut fill = starts.clone();
        let mut items = vec![0u32; count];
        for (i, &c) in cells.iter().enumerate().filter(|(_, c)| **c != usize::MAX) {
            items[fill[c] as usize] = i as u32;
            fill[c] += 1;
        }
        index.starts = starts;
        index.items = items;
        index
    }

    pub fn len(&self) -> usize {
        self.centres.len()
    }

    pub fn is_empty(&self) -> bool {
        self.centres.is_empty()
    }

    fn col_row(&self, p: [f32; 2]) -> (isize, isize) {
        (
            ((p[0] - self.origin[0]) / self.cell).floor() as isize,
            ((p[1] - self.origin[1]) / self.cell).floor() as isize,
        )
    }

    fn cell_of(&self, p: [f32; 2]) -> usize {
        let (c, r) = self.col_row(p);
        let c = c.clamp(0, self.cols as isize - 1) as usize;
        let r = r.clamp(0, self.rows as isize - 1) as usize;
        r * self.cols + c
    }

    /// Visit the entries of the cells overlapping `[min, max]`.
    fn for_cells(&self, min: [f32; 2], max: [f32; 2], mut visit: impl FnMut(usize)) {
        if self.items.is_empty() || !(min[0] <= max[0] && min[1] <= max[1]) {
            return;
        }
        let (c0, r0) = self.col_row(min);
        let (c1, r1) = self.col_row(max);
        let (cols, rows) = (self.cols as isize, self.rows as isize);
        if c1 < 0 || r1 < 0 || c0 >= cols || r0 >= rows {
            return;
        }
        for r in r0.max(0)..=r1.min(rows - 1) {
            let row = r as usize * self.cols;
            let lo = self.starts[row + c0.max(0) as usize] as usize;
            let hi = self.starts[row + c1.min(cols - 1) as usize + 1] as usize;
            for &i in &self.items[lo..hi] {
                visit(i as usize);
            }
        }
    }

    /// The circle under `point`: of the circles containing it, the one drawn last (highest
    /// index, as the scene paints in index order). `None` over empty space.
    pub fn at(&self, point: [f32; 2]) -> Option<usize> {
        if !(point[0].is_finite() && point[1].is_finite()) {
            return None;
        }
        let r = self.max_radius;
        let mut best: Option<usize> = None;
        self.for_cells(
            [point[0] - r, point[1] - r],
            [point[0] + r, point[1] + r],
            |i| {
                if best.is_none_or(|b| i > b) && hits(self.centres[i], self.radii[i], point) {
                    best = Some(i);
                }
            },
        );
        best
    }

    /// Circles whose centre lies in the rectangle `[min, max]` (box select), in index order.
    pub fn in_rect(&self, min: [f32; 2], max: [f32; 2]) -> Vec<usize> {
        let mut out = Vec::new();
        self.for_cells(min, max, |i| {
            let p = self.centres[i];
            if min[0] <= p[0] && p[0] <= max[0] && min[1] <= p[1] && p[1] <= max[1] {
                out.push(i);
            }
        });
        out.sort_unstable();
        out
    }
}

fn hits(centre: [f32; 2], radius: f32, p: [f32; 2]) -> bool {
    let (dx, dy) = (p[0] - centre[0], p[1] - centre[1]);
    dx * dx + dy * dy <= radius * radius
}

/// The linear scans the index replaces: the reference for tests and benchmarks.
pub mod scan {
    use super::hits;

    /// Same answer as [`super::SpatialIndex::at`], by looking at every circle.
    pub fn at(centres: &[[f32; 2]], radii: &[f32], point: [f32; 2]) -> Option<usize> {
        (0..centres.len().min(radii.len()))
            .rev()
            .find(|&i| radii[i] >= 0.0 && hits(centres[i], radii[i], point))
    }

    /// Same answer as [`super::SpatialIndex::in_rect`], by looking at every circle.
    pub fn in_rect(centres: &[[f32; 2]], min: [f32; 2], max: [f32; 2]) -> Vec<usize> {
        (0..centres.len())
            .filter(|&i| {
                let p = centres[i];
                min[0] <= p[0] && p[0] <= max[0] && min[1] <= p[1] && p[1] <= max[1]
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::layout::graph::SplitMix64;

    fn scene(n: usize, seed: u64) -> (Vec<[f32; 2]>, Vec<f32>) {
        let mut rng = SplitMix64::new(seed);
        let side = 40.0 * (n as f32).sqrt();
        let centres = (0..n)
            .map(|_| [rng.next_f32() * side - 100.0, rng.next_f32() * side])
            .collect();
        let radii = (0..n).map(|_| 10.0 + 20.0 * rng.next_f32()).collect();
        (centres, radii)
    }

    #[test]
    fn point_queries_agree_with_a_scan() {
        for n in [0, 1, 7, 2000] {
            let (c, r) = scene(n, n as u64);
            let index = SpatialIndex::build(&c, &r);
            let mut rng = SplitMix64::new(99);
            let side = 40.0 * (n as f32).sqrt() + 200.0;
            for _ in 0..3000 {
                let p = [rng.next_f32() * side - 200.0, rng.next_f32() * side - 100.0];
                assert_eq!(index.at(p), scan::at(&c, &r, p), "n {n} at {p:?}");
            }
        }
    }

    #[test]
    fn rect_queries_agree_with_a_scan() {
        let (c, r) = scene(3000, 5);
        let index = SpatialIndex::build(&c, &r);
        let mut rng = SplitMix64::new(7);
        for _ in 0..300 {
            let a = [
                rng.next_f32() * 2400.0 - 200.0,
                rng.next_f32() * 2400.0 - 100.0,
            ];
            let b = [a[0] + rng.next_f32() * 600.0, a[1] + rng.next_f32() * 600.0];
            assert_eq!(index.in_rect(a, b), scan::in_rect(&c, a, b));
        }
        // A rectangle given upside down selects nothing rather than panicking.
        assert!(index.in_rect([10.0, 10.0], [0.0, 0.0]).is_empty());
    }

    #[test]
    fn the_topmost_overlapping_circle_wins_and_bad_input_is_never_hit() {
        let c = [[0.0, 0.0], [5.0, 0.0], [f32::NAN, 0.0], [3.0, 0.0]];
        let r = [10.0, 10.0, 10.0, -1.0];
        let index = SpatialIndex::build(&c, &r);
        assert_eq!(index.at([3.0, 0.0]), Some(1));
        assert_eq!(index.at([-9.0, 0.0]), Some(0));
        assert_eq!(index.at([40.0, 0.0]), None);
        assert_eq!(index.at([f32::NAN, 0.0]), None);
    }
}
