//! Temporary stand-ins for contracts that have not landed on `main` yet (extraction, layout,
//! scene building, scene painting). Each function mirrors the contract's shape so that it
//! can be replaced by the real one with a one-line change; this file goes away then.

use std::collections::{BTreeMap, BTreeSet};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};

use crate::chart::{ChartState, View};
use crate::model::{
    Confidence, DocIdx, Document, Entity, EntityId, EntityType, Evidence, Link, LinkId, LinkKind,
    Mention, Model, Span,
};
use crate::scene::{Bounds, EdgeShape, LineStyle, NodeShape, Rgba, Scene};

/// Stand-in for `extract::extract_with_progress`: runs of capitalised words become entities of
/// type `other`; two of them in one sentence become a co-mention link.
pub fn extract_with_progress(
    documents: Vec<Document>,
    progress: &(dyn Fn(usize, usize) + Sync),
) -> Model {
    let mut by_name: BTreeMap<String, Vec<Mention>> = BTreeMap::new();
    let mut pairs: BTreeMap<(String, String), Vec<Evidence>> = BTreeMap::new();
    for (di, doc) in documents.iter().enumerate() {
        progress(di, documents.len());
        for (si, s) in doc.sentences.iter().enumerate() {
            let Some(text) = doc.text.get(s.range()) else {
                continue;
            };
            let mut names = Vec::new();
            let mut run: Option<(usize, usize)> = None;
            let mut words = 0;
            for (off, word) in word_spans(text) {
                let cap = word.chars().next().is_some_and(char::is_uppercase) && word.len() > 2;
                if cap {
                    run = Some((run.map_or(off, |r| r.0), off + word.len()));
                    words += 1;
                } else if let Some((a, b)) = run.take() {
                    if words >= 2 {
                        names.push((a, b));
                    }
                    words = 0;
                }
            }
            if let Some((a, b)) = run
                && words >= 2
            {
                names.push((a, b));
            }
            let mut in_sentence = BTreeSet::new();
            for (a, b) in names {
                let name = text[a..b].to_owned();
                by_name.entry(name.clone()).or_default().push(Mention {
                    doc: DocIdx(di as u32),
                    sentence: si as u32,
                    span: Span::new(s.start as usize + a, s.start as usize + b),
                });
                in_sentence.insert(name);
            }
            let v: Vec<_> = in_sentence.into_iter().collect();
            for i in 0..v.len() {
                for j in i + 1..v.len() {
                    pairs
                        .entry((v[i].clone(), v[j].clone()))
                        .or_default()
                        .push(Evidence {
                            doc: DocIdx(di as u32),
                            sentence: si as u32,
                            hedged: false,
                        });
                }
            }
        }
    }
    let ids: BTreeMap<String, EntityId> = by_name
        .keys()
        .enumerate()
        .map(|(i, n)| (n.clone(), EntityId(i as u32)))
        .collect();
    let entities = by_name
        .into_iter()
        .enumerate()
        .map(|(i, (name, mentions))| Entity {
            id: EntityId(i as u32),
            name,
            kind: EntityType::Other,
            aliases: vec![],
            countries: vec![],
            mentions,
            note: None,
        })
        .collect();
    let links = pairs
        .into_iter()
        .enumerate()
        .map(|(i, ((a, b), evidence))| Link {
            id: LinkId(i as u32),
            from: ids[&a],
            to: ids[&b],
            label: "mentioned with".into(),
            kind: LinkKind::CoMention,
            directed: false,
            evidence,
            note: None,
        })
        .collect();
    progress(documents.len(), documents.len());
    Model {
        documents,
        entities,
        links,
    }
}

fn word_spans(text: &str) -> impl Iterator<Item = (usize, &str)> {
    text.split_inclusive(|c: char| !c.is_alphanumeric() && c != '-')
        .scan(0usize, |off, w| {
            let start = *off;
            *off += w.len();
            Some((
                start,
                w.trim_end_matches(|c: char| !c.is_alphanumeric() && c != '-'),
            ))
        })
        .filter(|(_, w)| !w.is_empty())
}

/// Stand-in for `layout::LayoutKind`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LayoutKind {
    Circular,
    ByCountry,
}

/// Stand-in for `layout::layout_view`: a one-shot layout of the visible entities.
pub fn layout_view(
    model: &Model,
    chart: &ChartState,
    view: &View,
    kind: LayoutKind,
) -> BTreeMap<EntityId, [f32; 2]> {
    match kind {
        LayoutKind::Circular => ring(&view.entities, [0.0, 0.0], 60.0),
        LayoutKind::ByCountry => {
            let mut groups: BTreeMap<String, Vec<EntityId>> = BTreeMap::new();
            for &id in &view.entities {
                let key = model
                    .entity(id)
                    .and_then(|e| {
                        if e.kind == EntityType::Country {
                            Some(e.name.clone())
                        } else {
                            e.countries.first().cloned()
                        }
                    })
                    .unwrap_or_else(|| "(none)".into());
                groups.entry(key).or_default().push(id);
            }
            let _ = chart;
            let n = groups.len().max(1) as f32;
            let big = 150.0 * n;
            let mut out = BTreeMap::new();
            for (i, ids) in groups.values().enumerate() {
                let a = i as f32 / n * std::f32::consts::TAU;
                out.extend(ring(ids, [big * a.cos(), big * a.sin()], 40.0));
            }
            out
        }
    }
}

fn ring(ids: &[EntityId], c: [f32; 2], spacing: f32) -> BTreeMap<EntityId, [f32; 2]> {
    let n = ids.len().max(1) as f32;
    let r = spacing * n / std::f32::consts::TAU;
    ids.iter()
        .enumerate()
        .map(|(i, &id)| {
            let a = i as f32 / n * std::f32::consts::TAU;
            (id, [c[0] + r * a.cos(), c[1] + r * a.sin()])
        })
        .collect()
}

/// Stand-in for `layout::LayoutJob`: Fruchterman–Reingold in a background thread.
type Positions = BTreeMap<EntityId, [f32; 2]>;

pub struct LayoutJob {
    latest: Arc<Mutex<Option<Positions>>>,
    pins: Arc<Mutex<BTreeMap<EntityId, [f32; 2]>>>,
    stop: Arc<AtomicBool>,
    settled: Arc<AtomicBool>,
}

impl LayoutJob {
    pub fn spawn(
        nodes: Vec<EntityId>,
        edges: Vec<(EntityId, EntityId)>,
        start: BTreeMap<EntityId, [f32; 2]>,
        pinned: BTreeSet<EntityId>,
    ) -> Self {
        let latest = Arc::new(Mutex::new(None));
        let pins: BTreeMap<_, _> = pinned
            .iter()
            .filter_map(|id| start.get(id).map(|p| (*id, *p)))
            .collect();
        let pins = Arc::new(Mutex::new(pins));
        let stop = Arc::new(AtomicBool::new(false));
        let settled = Arc::new(AtomicBool::new(false));
        let job = Self {
            latest: latest.clone(),
            pins: pins.clone(),
            stop: stop.clone(),
            settled: settled.clone(),
        };
        std::thread::spawn(move || {
            let index: BTreeMap<EntityId, usize> =
                nodes.iter().enumerate().map(|(i, id)| (*id, i)).collect();
            let fallback = ring(&nodes, [0.0, 0.0], 60.0);
            let mut pos: Vec<[f32; 2]> = nodes
                .iter()
                .map(|id| {
                    start
                        .get(id)
                        .or(fallback.get(id))
                        .copied()
                        .unwrap_or([0.0; 2])
                })
                .collect();
            let e: Vec<(usize, usize)> = edges
                .iter()
                .filter_map(|(a, b)| Some((*index.get(a)?, *index.get(b)?)))
                .filter(|(a, b)| a != b)
                .collect();
            let k = 90.0f32;
            let mut temp = 60.0f32;
            for iter in 0..600 {
                if stop.load(Ordering::Relaxed) {
                    return;
                }
                let mut disp = vec![[0.0f32; 2]; pos.len()];
                for i in 0..pos.len() {
                    for j in i + 1..pos.len() {
                        let d = [pos[i][0] - pos[j][0], pos[i][1] - pos[j][1]];
                        let dist2 = (d[0] * d[0] + d[1] * d[1]).max(1.0);
                        let f = k * k / dist2;
                        disp[i][0] += d[0] * f;
                        disp[i][1] += d[1] * f;
                        disp[j][0] -= d[0] * f;
                        disp[j][1] -= d[1] * f;
                    }
                }
                for &(a, b) in &e {
                    let d = [pos[a][0] - pos[b][0], pos[a][1] - pos[b][1]];
                    let dist = (d[0] * d[0] + d[1] * d[1]).sqrt().max(1.0);
                    let f = dist / k;
                    disp[a][0] -= d[0] * f;
                    disp[a][1] -= d[1] * f;
                    disp[b][0] += d[0] * f;
                    disp[b][1] += d[1] * f;
                }
                let pins = pins.lock().map(|p| p.clone()).unwrap_or_default();
                for (i, p) in pos.iter_mut().enumerate() {
                    if let Some(pin) = pins.get(&nodes[i]) {
                        *p = *pin;
                        continue;
                    }
                    // Gentle pull to the centre keeps unconnected parts close.
                    disp[i][0] -= p[0] * 0.02;
                    disp[i][1] -= p[1] * 0.02;
                    let len = (disp[i][0] * disp[i][0] + disp[i][1] * disp[i][1])
                        .sqrt()
                        .max(1e-3);
                    let step = len.min(temp);
                    p[0] += disp[i][0] / len * step;
                    p[1] += disp[i][1] / len * step;
                }
                temp = (temp * 0.985).max(0.5);
                if iter % 5 == 0 || temp <= 0.5 {
                    let snapshot = nodes.iter().copied().zip(pos.iter().copied()).collect();
                    if let Ok(mut l) = latest.lock() {
                        *l = Some(snapshot);
                    }
                }
                if temp <= 0.5 {
                    break;
                }
            }
            let snapshot = nodes.iter().copied().zip(pos.iter().copied()).collect();
            if let Ok(mut l) = latest.lock() {
                *l = Some(snapshot);
            }
            settled.store(true, Ordering::Release);
        });
        job
    }

    pub fn try_latest_positions(&self) -> Option<BTreeMap<EntityId, [f32; 2]>> {
        self.latest.lock().ok()?.take()
    }

    pub fn pin(&self, id: EntityId, at: [f32; 2]) {
        if let Ok(mut p) = self.pins.lock() {
            p.insert(id, at);
        }
    }

    pub fn stop(&self) {
        self.stop.store(true, Ordering::Relaxed);
    }

    pub fn is_settled(&self) -> bool {
        self.settled.load(Ordering::Acquire)
            && self.latest.lock().map(|l| l.is_none()).unwrap_or(true)
    }
}

/// Stand-in for `scene::SceneOptions`.
#[derive(Clone, Debug, Default)]
pub struct SceneOptions {}

/// Stand-in for `scene::build_scene`.
pub fn build_scene(model: &Model, chart: &ChartState, view: &View, _: &SceneOptions) -> Scene {
    let mut degree: BTreeMap<EntityId, usize> = BTreeMap::new();
    for l in view.links.iter().filter_map(|id| model.link(*id)) {
        *degree.entry(l.from).or_default() += 1;
        *degree.entry(l.to).or_default() += 1;
    }
    let mut bounds = Bounds::EMPTY;
    let mut nodes = Vec::new();
    for e in view.entities.iter().filter_map(|id| model.entity(*id)) {
        let Some(&center) = chart.positions.get(&e.id) else {
            continue;
        };
        let radius = 10.0 + (degree.get(&e.id).copied().unwrap_or(0) as f32).sqrt() * 3.0;
        bounds.include(center, radius + 20.0);
        nodes.push(NodeShape {
            id: e.id,
            center,
            radius,
            kind: e.kind,
            fill: type_colour(e.kind),
            label: e.name.clone(),
            selected: chart.selection.contains(&e.id),
            pinned: chart.pinned.contains(&e.id),
        });
    }
    let radius_of: BTreeMap<EntityId, f32> = nodes.iter().map(|n| (n.id, n.radius)).collect();
    let mut edges = Vec::new();
    for l in view.links.iter().filter_map(|id| model.link(*id)) {
        let (Some(a), Some(b)) = (chart.positions.get(&l.from), chart.positions.get(&l.to)) else {
            continue;
        };
        let d = [b[0] - a[0], b[1] - a[1]];
        let len = (d[0] * d[0] + d[1] * d[1]).sqrt().max(1e-3);
        let u = [d[0] / len, d[1] / len];
        let ra = radius_of.get(&l.from).copied().unwrap_or(10.0);
        let rb = radius_of.get(&l.to).copied().unwrap_or(10.0);
        let p0 = [a[0] + u[0] * ra, a[1] + u[1] * ra];
        let p1 = [b[0] - u[0] * rb, b[1] - u[1] * rb];
        let style = match model.confidence(l) {
            Confidence::Confirmed => LineStyle::Solid,
            Confidence::Unconfirmed => LineStyle::Dashed,
            Confidence::Tentative => LineStyle::Dotted,
        };
        edges.push(EdgeShape {
            link: l.id,
            from: l.from,
            to: l.to,
            points: vec![p0, p1],
            style,
            color: Rgba::rgb(90, 90, 100),
            width: 1.2,
            arrow: l.directed,
            label: (l.kind != LinkKind::CoMention).then(|| l.label.clone()),
            label_at: [(p0[0] + p1[0]) * 0.5, (p0[1] + p1[1]) * 0.5],
            selected: chart.selected_link == Some(l.id),
        });
    }
    Scene {
        nodes,
        edges,
        bounds,
    }
}

pub fn type_colour(kind: EntityType) -> Rgba {
    match kind {
        EntityType::Person => Rgba::rgb(52, 101, 164),
        EntityType::Organization => Rgba::rgb(206, 92, 0),
        EntityType::Country => Rgba::rgb(78, 154, 6),
        EntityType::Place => Rgba::rgb(17, 130, 140),
        EntityType::Facility => Rgba::rgb(143, 89, 2),
        EntityType::Event => Rgba::rgb(190, 30, 45),
        EntityType::Other => Rgba::rgb(110, 110, 120),
    }
}

/// Stand-in for `app::draw::paint_scene`: circles, lines and labels, no icons.
pub fn paint_scene(
    painter: &egui::Painter,
    scene: &Scene,
    view: &crate::chart::ViewTransform,
    rect: egui::Rect,
) {
    use egui::{Align2, Color32, FontId, Pos2, Shape, Stroke, pos2};
    let size = [rect.width(), rect.height()];
    let to_screen = |p: [f32; 2]| -> Pos2 {
        let s = view.screen_from_chart(size, p);
        pos2(rect.min.x + s[0], rect.min.y + s[1])
    };
    let c = |r: Rgba| Color32::from_rgba_unmultiplied(r.0[0], r.0[1], r.0[2], r.0[3]);
    let zoom = view.zoom;
    for e in &scene.edges {
        let pts: Vec<Pos2> = e.points.iter().map(|p| to_screen(*p)).collect();
        let colour = if e.selected {
            Color32::from_rgb(230, 120, 0)
        } else {
            c(e.color)
        };
        let stroke = Stroke::new((e.width * zoom.sqrt()).clamp(0.8, 4.0), colour);
        match e.style {
            LineStyle::Solid => {
                painter.add(Shape::line(pts.clone(), stroke));
            }
            LineStyle::Dashed => {
                painter.extend(Shape::dashed_line(&pts, stroke, 7.0, 4.0));
            }
            LineStyle::Dotted => {
                painter.extend(Shape::dotted_line(&pts, colour, 4.0, stroke.width * 0.6));
            }
        }
        if e.arrow
            && let [.., a, b] = pts.as_slice()
        {
            let d = (*b - *a).normalized();
            let n = d.rot90();
            let l = 9.0;
            painter.add(Shape::convex_polygon(
                vec![*b, *b - d * l + n * l * 0.45, *b - d * l - n * l * 0.45],
                colour,
                Stroke::NONE,
            ));
        }
        if zoom > 0.6
            && let Some(label) = &e.label
        {
            painter.text(
                to_screen(e.label_at),
                Align2::CENTER_CENTER,
                label,
                FontId::proportional(10.5),
                Color32::from_rgb(70, 70, 80),
            );
        }
    }
    for n in &scene.nodes {
        let p = to_screen(n.center);
        let r = (n.radius * zoom).max(5.0);
        if n.selected {
            painter.circle_filled(
                p,
                r + 4.0,
                Color32::from_rgba_unmultiplied(255, 170, 0, 140),
            );
        }
        painter.circle_filled(p, r, c(n.fill));
        if n.pinned {
            painter.circle_filled(p + egui::vec2(r * 0.7, -r * 0.7), 2.5, Color32::BLACK);
        }
        if zoom > 0.35 || scene.nodes.len() < 150 {
            painter.text(
                p + egui::vec2(0.0, r + 2.0),
                Align2::CENTER_TOP,
                &n.label,
                FontId::proportional(12.0),
                Color32::from_rgb(20, 20, 30),
            );
        }
    }
}
