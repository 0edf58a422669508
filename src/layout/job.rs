//! The force layout on a worker thread, for the app: the UI never blocks on it.
//!
//! [`ForceJob`] works on node indices; [`LayoutJob`](super::LayoutJob) in `view.rs` wraps it
//! for entity ids. The worker publishes positions after every iteration into a slot the UI
//! takes with `try_lock` (never waits); commands (pin, unpin, wake) go through a channel. When
//! the layout settles the worker sleeps until a command arrives or the job is stopped.

use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::mpsc::{self, Receiver, RecvTimeoutError, Sender};
use std::sync::{Arc, Mutex, TryLockError};
use std::thread::JoinHandle;
use std::time::Duration;

use super::force::{ForceLayout, ForceParams, LayoutError};
use super::graph::Graph;

enum Command {
    Pin(usize, [f32; 2]),
    Unpin(usize),
    Wake,
}

#[derive(Default)]
struct Shared {
    latest: Mutex<Option<Vec<[f32; 2]>>>,
    iterations: AtomicUsize,
    settled: AtomicBool,
    stop: AtomicBool,
    /// Commands sent and not yet applied by the worker.
    pending: AtomicUsize,
}

/// A [`ForceLayout`] running on its own thread. Dropping the job stops the thread.
pub struct ForceJob {
    shared: Arc<Shared>,
    commands: Sender<Command>,
    thread: Option<JoinHandle<()>>,
    max_iterations: usize,
}

impl ForceJob {
    /// Start laying out. The worker stops iterating when the layout settles or after
    /// `max_iterations` iterations (counted again from each pin, unpin or wake).
    pub fn spawn(
        graph: Graph,
        positions: Vec<[f32; 2]>,
        pinned: Vec<bool>,
        params: ForceParams,
        max_iterations: usize,
    ) -> Result<Self, LayoutError> {
        let layout = ForceLayout::new(graph, positions, pinned, params)?;
        let shared = Arc::new(Shared::default());
        let (commands, rx) = mpsc::channel();
        let worker_shared = Arc::clone(&shared);
        let thread = std::thread::Builder::new()
            .name("linkchart-layout".into())
            .spawn(move || work(layout, rx, &worker_shared, max_iterations))
            .map_err(|e| LayoutError::Thread(e.to_string()))?;
        Ok(Self {
            shared,
            commands,
            thread: Some(thread),
            max_iterations,
        })
    }

    /// The newest positions since the last call, if any. Never blocks: when the worker is
    /// publishing at this very moment, this returns `None` and the next frame gets them.
    pub fn try_latest_positions(&self) -> Option<Vec<[f32; 2]>> {
        match self.shared.latest.try_lock() {
            Ok(mut slot) => slot.take(),
            Err(TryLockError::Poisoned(p)) => p.into_inner().take(),
            Err(TryLockError::WouldBlock) => None,
        }
    }

    /// Pin node `i` at `pos` (the analyst dropped it there); the others adapt around it.
    pub fn pin(&self, i: usize, pos: [f32; 2]) {
        self.send(Command::Pin(i, pos));
    }

    pub fn unpin(&self, i: usize) {
        self.send(Command::Unpin(i));
    }

    /// Run again (e.g. "rerun layout"), with a fresh iteration budget.
    pub fn wake(&self) {
        self.send(Command::Wake);
    }

    fn send(&self, c: Command) {
        // A pending command means "not settled", so the UI keeps polling until it is applied.
        self.shared.pending.fetch_add(1, Ordering::AcqRel);
        if self.commands.send(c).is_err() {
            // The worker is gone (stopped): nothing will move any more.
            self.shared.pending.fetch_sub(1, Ordering::AcqRel);
        }
    }

    /// Stop the worker soon; positions published so far stay available.
    pub fn stop(&self) {
        self.shared.stop.store(true, Ordering::Release);
    }

    /// True when the layout settled (or used its iteration budget, or was stopped) and no
    /// command is pending.
    pub fn is_settled(&self) -> bool {
        let s = &self.shared;
        s.stop.load(Ordering::Acquire)
            || (s.pending.load(Ordering::Acquire) == 0 && s.settled.load(Ordering::Acquire))
    }

    /// Iterations run so far.
    pub fn iterations(&self) -> usize {
        self.shared.iterations.load(Ordering::Acquire)
    }

    /// Progress towards the iteration budget, in `[0, 1]` (the layout usually settles sooner).
    pub fn progress(&self) -> f32 {
        (self.iterations() as f32 / self.max_iterations.max(1) as f32).min(1.0)
    }
}

impl Drop for ForceJob {
    fn drop(&mut self) {
        self.stop();
        if let Some(t) = self.thread.take() {
            let _ = t.join();
        }
    }
}

fn work(mut layout: ForceLayout, rx: Receiver<Command>, shared: &Shared, max_iterations: usize) {
    let mut budget = max_iterations;
    let apply = |layout: &mut ForceLayout, budget: &mut usize, c: Command| {
        match c {
            Command::Pin(i, p) => layout.pin(i, p),
            Command::Unpin(i) => layout.unpin(i),
            Command::Wake => layout.wake(),
        }
        *budget = max_iterations;
        shared.settled.store(false, Ordering::Release);
        shared.pending.fetch_sub(1, Ordering::AcqRel);
    };
    let publish = |layout: &ForceLayout| {
        let mut slot = shared.latest.lock().unwrap_or_else(|p| p.into_inner());
        *slot = Some(layout.positions().to_vec());
    };
    publish(&layout);
    loop {
        if shared.stop.load(Ordering::Acquire) {
            break;
        }
        let mut changed = false;
        loop {
            match rx.try_recv() {
                Ok(c) => {
                    apply(&mut layout, &mut budget, c);
                    changed = true;
                }
                Err(mpsc::TryRecvError::Empty) => break,
                Err(mpsc::TryRecvError::Disconnected) => {
                    shared.settled.store(true, Ordering::Release);
                    return;
                }
            }
        }
        if layout.is_settled() || budget == 0 {
            if changed {
                publish(&layout);
            }
            shared.settled.store(true, Ordering::Release);
            match rx.recv_timeout(Duration::from_millis(50)) {
                Ok(c) => {
                    apply(&mut layout, &mut budget, c);
                    publish(&layout);
                }
                Err(RecvTimeoutError::Timeout) => {}
                Err(RecvTimeoutError::Disconnected) => return,
            }
            continue;
        }
        shared.settled.store(false, Ordering::Release);
        layout.step();
        budget -= 1;
        shared.iterations.fetch_add(1, Ordering::AcqRel);
        publish(&layout);
    }
    shared.settled.store(true, Ordering::Release);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::layout::force::random_positions;
    use crate::layout::graph::barabasi_albert;

    fn wait_settled(job: &ForceJob) {
        // Bounded by the iteration budget, not by time.
        while !job.is_settled() {
            std::thread::sleep(Duration::from_millis(5));
        }
    }

    #[test]
    fn the_job_settles_publishes_and_keeps_pins() {
        let n = 300;
        let graph = Graph::from_edges(n, &barabasi_albert(n, 2, 1));
        let start = random_positions(n, 100.0, 1);
        let mut pinned = vec![false; n];
        pinned[0] = true;
        let job = ForceJob::spawn(graph, start.clone(), pinned, ForceParams::default(), 2000)
            .expect("valid input");
        wait_settled(&job);
        assert!(job.iterations() > 0);
        let p = job
            .try_latest_positions()
            .expect("positions were published");
        assert_eq!(p.len(), n);
        assert_eq!(p[0], start[0], "pinned node did not move");
        assert_ne!(p[1], start[1], "free node moved");
        assert_eq!(job.try_latest_positions(), None, "taken once");

        // The analyst drops node 5 somewhere: it stays exactly there, the layout wakes up.
        job.pin(5, [1234.0, -55.0]);
        assert!(!job.is_settled());
        wait_settled(&job);
        let mut last = None;
        while let Some(p) = job.try_latest_positions() {
            last = Some(p);
        }
        let p = last.expect("new positions after the pin");
        assert_eq!(p[5], [1234.0, -55.0]);
        assert_eq!(p[0], start[0]);
        job.stop();
    }

    #[test]
    fn bad_input_is_an_error_not_a_thread() {
        let graph = Graph::from_edges(3, &[(0, 1)]);
        let r = ForceJob::spawn(
            graph,
            vec![[0.0; 2]; 2],
            vec![false; 3],
            ForceParams::default(),
            10,
        );
        assert!(matches!(r, Err(LayoutError::LengthMismatch { .. })));
    }
}
