//! Spatial indexes for hit-testing and culling: node circles (hover, click, box select) and
//! axis-aligned boxes (what is on screen, which link is under the pointer).
//!
//! A uniform grid in compressed rows: each circle is filed under the cell of its centre, and
//! cells are at least as wide as the largest diameter, so a point query looks at no more than
//! a 2×2 block of cells. Building is two counting passes (O(n)), cheap enough to redo whenever
//! positions change. Circles with a non-finite centre or radius are never hit.

use std::ops::ControlFlow;

use rayon::prelude::*;

/// Build the per-entry passes on several threads from this many entries on.
const PARALLEL_MIN: usize = 16_384;

/// `x.floor() as isize` without a call into libm (the baseline x86-64 target has no rounding
/// instruction): truncate, then step down for negative fractions. NaN gives 0, as the cast does.
fn floor_to_isize(x: f32) -> isize {
    let t = x as isize;
    if (t as f32) > x { t - 1 } else { t }
}

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
        let cell_of = |i: usize| {
            if ok(i) {
                index.cell_of(centres[i])
            } else {
                usize::MAX
            }
        };
        let cells: Vec<usize> = if n >= PARALLEL_MIN {
            (0..n).into_par_iter().map(cell_of).collect()
        } else {
            (0..n).map(cell_of).collect()
        };
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
            floor_to_isize((p[0] - self.origin[0]) / self.cell),
            floor_to_isize((p[1] - self.origin[1]) / self.cell),
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

    /// Like [`at`](Self::at) with every circle's radius raised to at least `min_radius` and
    /// grown by `pad`: what a pointer hits when small nodes get a minimum target size.
    pub fn at_padded(&self, point: [f32; 2], min_radius: f32, pad: f32) -> Option<usize> {
        self.at_padded_where(point, min_radius, pad, |_| true)
    }

    /// [`at_padded`](Self::at_padded) over the circles `keep` accepts.
    pub fn at_padded_where(
        &self,
        point: [f32; 2],
        min_radius: f32,
        pad: f32,
        keep: impl Fn(usize) -> bool,
    ) -> Option<usize> {
        if !(point[0].is_finite() && point[1].is_finite()) {
            return None;
        }
        let (min_radius, pad) = (min_radius.max(0.0), pad.max(0.0));
        let r = self.max_radius.max(min_radius) + pad;
        if !r.is_finite() {
            return None;
        }
        let mut best: Option<usize> = None;
        self.for_cells(
            [point[0] - r, point[1] - r],
            [point[0] + r, point[1] + r],
            |i| {
                if best.is_none_or(|b| i > b)
                    && hits(self.centres[i], self.radii[i].max(min_radius) + pad, point)
                    && keep(i)
                {
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

/// Axis-aligned boxes `[min_x, min_y, max_x, max_y]` indexed for "what overlaps this
/// rectangle" (culling what is off screen, link hit-testing).
///
/// A loose multi-level grid: a box is filed once, in the finest level whose cells are at least
/// as large as the box, under the cell of its centre; a query visits, on each level, the cells
/// overlapping the rectangle grown by half a cell. Small boxes (nodes, short links) sit in fine
/// levels and are found in time proportional to what is near the rectangle; long boxes sit in
/// coarse levels with few cells. Building is one counting pass per level (O(n)).
#[derive(Clone, Debug, Default)]
pub struct BoxIndex {
    boxes: Vec<[f32; 4]>,
    origin: [f32; 2],
    levels: Vec<Level>,
}

#[derive(Clone, Debug, Default)]
struct Level {
    cell: f32,
    cols: usize,
    rows: usize,
    /// `starts[c]..starts[c + 1]` are cell `c`'s entries in `items`.
    starts: Vec<u32>,
    items: Vec<u32>,
    /// The box of each entry of `items`, in the same order: a query reads the boxes of a run
    /// of cells from one stretch of memory (the long boxes of a coarse level are all read by
    /// most queries) instead of at random.
    item_boxes: Vec<[f32; 4]>,
}

impl Level {
    fn col_row(&self, origin: [f32; 2], p: [f32; 2]) -> (isize, isize) {
        (
            floor_to_isize((p[0] - origin[0]) / self.cell),
            floor_to_isize((p[1] - origin[1]) / self.cell),
        )
    }
}

/// Cells of the finest level per box (at most), bounding its memory.
const FINEST_CELLS_PER_BOX: f32 = 2.0;

impl BoxIndex {
    /// Index `boxes` (`[min_x, min_y, max_x, max_y]`); boxes with a non-finite or inverted
    /// extent are never found.
    pub fn build(boxes: Vec<[f32; 4]>) -> Self {
        let ok = |b: &[f32; 4]| b.iter().all(|v| v.is_finite()) && b[0] <= b[2] && b[1] <= b[3];
        let (mut min, mut max) = ([f32::INFINITY; 2], [f32::NEG_INFINITY; 2]);
        let mut count = 0usize;
        let mut sizes = Vec::with_capacity(boxes.len());
        for b in boxes.iter().filter(|b| ok(b)) {
            min = [min[0].min(b[0]), min[1].min(b[1])];
            max = [max[0].max(b[2]), max[1].max(b[3])];
            sizes.push((b[2] - b[0]).max(b[3] - b[1]));
            count += 1;
        }
        if count == 0 {
            return Self {
                boxes,
                ..Self::default()
            };
        }
        let extent = (max[0] - min[0]).max(max[1] - min[1]).max(1e-3);
        // The finest cell: the median box size, but no finer than a few cells per box.
        let mid = sizes.len() / 2;
        let median = *sizes.select_nth_unstable_by(mid, |a, b| a.total_cmp(b)).1;
        let floor = extent / (FINEST_CELLS_PER_BOX * count as f32).sqrt();
        let mut cell = median.max(floor).max(extent * 1e-6);
        let mut levels = Vec::new();
        loop {
            let cols = (extent / cell) as usize + 1;
            levels.push(Level {
                cell,
                cols,
                rows: cols,
                ..Level::default()
            });
            if cols == 1 {
                break;
            }
            cell *= 2.0;
        }
        // Level and cell of each box.
        let place_of = |b: &[f32; 4]| -> (u32, u32) {
            if !ok(b) {
                return (u32::MAX, 0);
            }
            let size = (b[2] - b[0]).max(b[3] - b[1]);
            let l = levels
                .iter()
                .position(|l| size <= l.cell)
                .unwrap_or(levels.len() - 1);
            let level = &levels[l];
            let (c, r) = level.col_row(min, [(b[0] + b[2]) * 0.5, (b[1] + b[3]) * 0.5]);
            let c = c.clamp(0, level.cols as isize - 1) as usize;
            let r = r.clamp(0, level.rows as isize - 1) as usize;
            (l as u32, (r * level.cols + c) as u32)
        };
        let place: Vec<(u32, u32)> = if boxes.len() >= PARALLEL_MIN {
            boxes.par_iter().map(place_of).collect()
        } else {
            boxes.iter().map(place_of).collect()
        };
        // One counting pass over every level at once, then one filling pass.
        let mut starts: Vec<Vec<u32>> = levels
            .iter()
            .map(|l| vec![0u32; l.cols * l.rows + 1])
            .collect();
        for &(l, c) in &place {
            if let Some(st) = starts.get_mut(l as usize) {
                st[c as usize + 1] += 1;
            }
        }
        let mut fills: Vec<Vec<u32>> = Vec::with_capacity(levels.len());
        for st in &mut starts {
            for c in 0..st.len() - 1 {
                st[c + 1] += st[c];
            }
            fills.push(st[..st.len() - 1].to_vec());
        }
        let mut items: Vec<Vec<u32>> = starts
            .iter()
            .map(|st| vec![0u32; st.last().copied().unwrap_or(0) as usize])
            .collect();
        for (i, &(l, c)) in place.iter().enumerate() {
            if let (Some(fill), Some(items)) =
                (fills.get_mut(l as usize), items.get_mut(l as usize))
            {
                items[fill[c as usize] as usize] = i as u32;
                fill[c as usize] += 1;
            }
        }
        for ((level, st), it) in levels.iter_mut().zip(starts).zip(items) {
            if !it.is_empty() {
                level.item_boxes = it.iter().map(|&i| boxes[i as usize]).collect();
                level.starts = st;
                level.items = it;
            }
        }
        levels.retain(|l| !l.items.is_empty());
        Self {
            boxes,
            origin: min,
            levels,
        }
    }

    pub fn len(&self) -> usize {
        self.boxes.len()
    }

    pub fn is_empty(&self) -> bool {
        self.boxes.is_empty()
    }

    /// The box of entry `i`.
    pub fn get(&self, i: usize) -> Option<[f32; 4]> {
        self.boxes.get(i).copied()
    }

    /// Visit every box overlapping the rectangle `[min, max]` (touching counts), each once,
    /// in no particular order.
    pub fn for_each_overlapping(&self, min: [f32; 2], max: [f32; 2], mut visit: impl FnMut(usize)) {
        let _ = self.try_for_each_overlapping(min, max, |i| {
            visit(i);
            ControlFlow::Continue(())
        });
    }

    /// Like [`for_each_overlapping`](Self::for_each_overlapping), stopping as soon as `visit`
    /// breaks (e.g. once enough were found); returns whether it did.
    pub fn try_for_each_overlapping(
        &self,
        min: [f32; 2],
        max: [f32; 2],
        mut visit: impl FnMut(usize) -> ControlFlow<()>,
    ) -> ControlFlow<()> {
        if !(min[0] <= max[0] && min[1] <= max[1]) {
            return ControlFlow::Continue(());
        }
        for level in &self.levels {
            let half = level.cell * 0.5;
            let (c0, r0) = level.col_row(self.origin, [min[0] - half, min[1] - half]);
            let (c1, r1) = level.col_row(self.origin, [max[0] + half, max[1] + half]);
            let (cols, rows) = (level.cols as isize, level.rows as isize);
            if c1 < 0 || r1 < 0 || c0 >= cols || r0 >= rows {
                continue;
            }
            let (c0, c1) = (c0.max(0) as usize, c1.min(cols - 1) as usize);
            for r in r0.max(0) as usize..=r1.min(rows - 1) as usize {
                let row = r * level.cols;
                let lo = level.starts[row + c0] as usize;
                let hi = level.starts[row + c1 + 1] as usize;
                for (&i, b) in level.items[lo..hi].iter().zip(&level.item_boxes[lo..hi]) {
                    if b[0] <= max[0] && min[0] <= b[2] && b[1] <= max[1] && min[1] <= b[3] {
                        visit(i as usize)?;
                    }
                }
            }
        }
        ControlFlow::Continue(())
    }

    /// The boxes overlapping `[min, max]`, in index order.
    pub fn overlapping(&self, min: [f32; 2], max: [f32; 2]) -> Vec<usize> {
        let mut out = Vec::new();
        self.for_each_overlapping(min, max, |i| out.push(i));
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

    /// Same answer as [`super::BoxIndex::overlapping`], by looking at every box.
    pub fn overlapping(boxes: &[[f32; 4]], min: [f32; 2], max: [f32; 2]) -> Vec<usize> {
        (0..boxes.len())
            .filter(|&i| {
                let b = boxes[i];
                b.iter().all(|v| v.is_finite())
                    && b[0] <= max[0]
                    && min[0] <= b[2]
                    && b[1] <= max[1]
                    && min[1] <= b[3]
            })
            .collect()
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
    fn padded_queries_agree_with_a_scan_of_grown_circles() {
        let (c, r) = scene(2000, 3);
        let index = SpatialIndex::build(&c, &r);
        let grown: Vec<f32> = r.iter().map(|r| r.max(25.0) + 8.0).collect();
        let mut rng = SplitMix64::new(4);
        for _ in 0..3000 {
            let p = [
                rng.next_f32() * 2000.0 - 200.0,
                rng.next_f32() * 2000.0 - 100.0,
            ];
            assert_eq!(
                index.at_padded(p, 25.0, 8.0),
                scan::at(&c, &grown, p),
                "{p:?}"
            );
        }
    }

    #[test]
    fn box_queries_agree_with_a_scan_for_short_and_long_boxes() {
        let mut rng = SplitMix64::new(11);
        let mut boxes: Vec<[f32; 4]> = (0..4000)
            .map(|k| {
                let (x, y) = (rng.next_f32() * 5000.0, rng.next_f32() * 5000.0);
                // Mostly small boxes, some spanning much of the chart.
                let s = if k % 20 == 0 { 3000.0 } else { 60.0 };
                [x, y, x + rng.next_f32() * s, y + rng.next_f32() * s]
            })
            .collect();
        boxes.push([f32::NAN, 0.0, 1.0, 1.0]);
        boxes.push([10.0, 10.0, 0.0, 0.0]);
        let index = BoxIndex::build(boxes.clone());
        for _ in 0..500 {
            let a = [
                rng.next_f32() * 6000.0 - 500.0,
                rng.next_f32() * 6000.0 - 500.0,
            ];
            let b = [a[0] + rng.next_f32() * 900.0, a[1] + rng.next_f32() * 900.0];
            let want: Vec<usize> = scan::overlapping(&boxes, a, b)
                .into_iter()
                .filter(|&i| boxes[i][0] <= boxes[i][2] && boxes[i][1] <= boxes[i][3])
                .collect();
            assert_eq!(index.overlapping(a, b), want);
        }
        assert!(
            BoxIndex::build(Vec::new())
                .overlapping([0.0; 2], [1.0; 2])
                .is_empty()
        );
    }

    #[test]
    fn indexes_built_on_several_threads_agree_with_a_scan() {
        // Past `PARALLEL_MIN` entries, with negative coordinates (the floor must step down).
        let n = PARALLEL_MIN + 3_000;
        let (c, r) = scene(n, 21);
        let index = SpatialIndex::build(&c, &r);
        let boxes: Vec<[f32; 4]> = c
            .iter()
            .zip(&r)
            .enumerate()
            .map(|(k, (p, r))| {
                let reach = if k % 50 == 0 { 40.0 * r } else { *r };
                [p[0] - reach, p[1] - r, p[0] + reach, p[1] + r]
            })
            .collect();
        let box_index = BoxIndex::build(boxes.clone());
        let mut rng = SplitMix64::new(8);
        let side = 40.0 * (n as f32).sqrt();
        for _ in 0..200 {
            let a = [rng.next_f32() * side - 300.0, rng.next_f32() * side - 200.0];
            let b = [a[0] + rng.next_f32() * 700.0, a[1] + rng.next_f32() * 500.0];
            assert_eq!(index.at(a), scan::at(&c, &r, a), "{a:?}");
            assert_eq!(index.in_rect(a, b), scan::in_rect(&c, a, b));
            assert_eq!(box_index.overlapping(a, b), scan::overlapping(&boxes, a, b));
        }
        for x in [-2.5f32, -2.0, -0.5, -0.0, 0.0, 0.5, 3.0, 3.7, f32::NAN] {
            let want = if x.is_nan() { 0 } else { x.floor() as isize };
            assert_eq!(floor_to_isize(x), want, "{x}");
        }
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
