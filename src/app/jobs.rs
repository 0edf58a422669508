//! Background work: reading a corpus (or workspace) and running the force layout, both off the
//! UI thread. The UI polls once per frame; tests call `LinkchartApp::wait_for_jobs`.

use std::collections::BTreeMap;
use std::path::PathBuf;
use std::sync::mpsc;
use std::sync::{Arc, Mutex};

use crate::chart::{ChartState, View};
use crate::model::{EntityId, Model};

/// What to open.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Source {
    /// The corpus compiled into the binary.
    Bundled,
    /// A folder of documents.
    Folder(PathBuf),
}

impl Source {
    pub fn from_path(path: Option<PathBuf>) -> Self {
        match path {
            None => Source::Bundled,
            Some(p) => Source::Folder(p),
        }
    }
}

/// A finished load.
pub struct Loaded {
    pub name: String,
    pub model: Model,
    /// Chart state saved with a workspace; `None` for a fresh corpus.
    pub chart: Option<ChartState>,
    pub path: Option<PathBuf>,
    /// Files left out of the corpus, with the reason (`skipped PATH: why`).
    pub skipped: Vec<String>,
}

/// Progress of a running job, shown in the status bar.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Progress {
    pub what: String,
    /// 0..=1 when known.
    pub fraction: Option<f32>,
}

pub struct LoadJob {
    rx: mpsc::Receiver<Result<Loaded, String>>,
    progress: Arc<Mutex<Progress>>,
}

impl LoadJob {
    pub fn spawn(source: Source, repaint: Option<egui::Context>) -> Self {
        let (tx, rx) = mpsc::channel();
        let progress = Arc::new(Mutex::new(Progress {
            what: "reading documents".into(),
            fraction: None,
        }));
        let p = progress.clone();
        std::thread::spawn(move || {
            let result = load(source, &p, repaint.as_ref());
            // The receiver is gone only when the app closed; nothing to report then.
            let _ = tx.send(result);
            if let Some(ctx) = repaint {
                ctx.request_repaint();
            }
        });
        Self { rx, progress }
    }

    pub fn progress(&self) -> Progress {
        self.progress.lock().map(|p| p.clone()).unwrap_or_default()
    }

    /// The result when the job has finished.
    pub fn try_take(&self) -> Option<Result<Loaded, String>> {
        match self.rx.try_recv() {
            Ok(r) => Some(r),
            Err(mpsc::TryRecvError::Empty) => None,
            Err(mpsc::TryRecvError::Disconnected) => {
                Some(Err("the loading thread stopped unexpectedly".into()))
            }
        }
    }
}

fn load(
    source: Source,
    progress: &Mutex<Progress>,
    repaint: Option<&egui::Context>,
) -> Result<Loaded, String> {
    let (corpus, path) = match &source {
        Source::Bundled => (crate::corpus::bundled(), None),
        Source::Folder(p) => (
            crate::corpus::read_folder(p).map_err(|e| e.to_string())?,
            Some(p.clone()),
        ),
    };
    let skipped = corpus.skipped.iter().map(|s| s.to_string()).collect();
    let report = |done: usize, total: usize| {
        if let Ok(mut p) = progress.lock() {
            p.what = format!("extracting entities: {done}/{total} documents");
            p.fraction = (total > 0).then(|| done as f32 / total as f32);
        }
        if let Some(ctx) = repaint {
            ctx.request_repaint();
        }
    };
    let model = crate::extract::extract_with_progress(corpus.documents, &report);
    Ok(Loaded {
        name: corpus.name,
        model,
        chart: None,
        path,
        skipped,
    })
}

/// The force layout running in the background over the entities of one view.
pub struct LayoutRun {
    job: crate::layout::LayoutJob,
}

impl LayoutRun {
    pub fn spawn(model: &Model, chart: &ChartState, view: &View) -> Self {
        let edges = view
            .links
            .iter()
            .filter_map(|id| model.link(*id))
            .map(|l| (l.from, l.to))
            .collect();
        let start: BTreeMap<EntityId, [f32; 2]> = view
            .entities
            .iter()
            .filter_map(|id| chart.positions.get(id).map(|p| (*id, *p)))
            .collect();
        Self {
            job: crate::layout::LayoutJob::spawn(
                view.entities.clone(),
                edges,
                start,
                chart.pinned.clone(),
            ),
        }
    }

    /// Copy the newest positions into the chart, except for pinned entities (the analyst's word
    /// wins). Returns true when something moved.
    pub fn apply(&self, chart: &mut ChartState) -> bool {
        let Some(latest) = self.job.try_latest_positions() else {
            return false;
        };
        for (id, p) in latest {
            if !chart.pinned.contains(&id) {
                chart.positions.insert(id, p);
            }
        }
        true
    }

    pub fn pin(&self, id: EntityId, at: [f32; 2]) {
        self.job.pin(id, at);
    }

    pub fn is_settled(&self) -> bool {
        self.job.is_settled()
    }
}

impl Drop for LayoutRun {
    fn drop(&mut self) {
        self.job.stop();
    }
}

/// All background work of the app.
#[derive(Default)]
pub struct Jobs {
    pub load: Option<LoadJob>,
    pub layout: Option<LayoutRun>,
    /// The last load error, shown until the next load.
    pub error: Option<String>,
    /// Files the last load left out.
    pub skipped: Vec<String>,
}

impl Jobs {
    /// True while something still runs.
    pub fn busy(&self) -> bool {
        self.load.is_some() || self.layout.as_ref().is_some_and(|l| !l.is_settled())
    }

    /// One line for the status bar.
    pub fn status(&self) -> Option<Progress> {
        if let Some(l) = &self.load {
            return Some(l.progress());
        }
        match &self.layout {
            Some(l) if !l.is_settled() => Some(Progress {
                what: "laying out".into(),
                fraction: None,
            }),
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Entity, EntityType, Link, LinkId, LinkKind};

    fn model(n: u32) -> Model {
        let entities = (0..n)
            .map(|i| Entity {
                id: EntityId(i),
                name: format!("e{i}"),
                kind: EntityType::Person,
                aliases: vec![],
                countries: vec![],
                mentions: vec![],
                note: None,
            })
            .collect();
        let links = (1..n)
            .map(|i| Link {
                id: LinkId(i),
                from: EntityId(0),
                to: EntityId(i),
                label: "knows".into(),
                kind: LinkKind::Stated,
                directed: false,
                evidence: vec![],
                note: None,
            })
            .collect();
        Model {
            documents: vec![],
            entities,
            links,
        }
    }

    #[test]
    fn layout_results_never_move_a_pinned_entity() {
        let m = model(8);
        let mut chart = ChartState::default();
        let view = crate::chart::visible(&m, &chart);
        let run = LayoutRun::spawn(&m, &chart, &view);
        // The analyst drops e3 somewhere while the layout runs.
        chart.pinned.insert(EntityId(3));
        chart.positions.insert(EntityId(3), [500.0, -500.0]);
        let start = std::time::Instant::now();
        let mut applied = false;
        while !run.is_settled() && start.elapsed() < std::time::Duration::from_secs(20) {
            applied |= run.apply(&mut chart);
            std::thread::sleep(std::time::Duration::from_millis(1));
        }
        applied |= run.apply(&mut chart);
        assert!(applied, "the layout delivered positions");
        assert_eq!(chart.positions[&EntityId(3)], [500.0, -500.0]);
        assert_eq!(chart.positions.len(), 8);
    }
}
