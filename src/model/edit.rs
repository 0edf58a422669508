//! Analyst edits: plain data applied to a [`Model`] and its [`ChartState`], each undoable.
//!
//! An [`Edit`] says what the analyst wants (merge two entities, rename one, add a link, …).
//! [`EditHistory::apply`] checks it against the model, turns it into a [`Patch`] — the new value
//! of every entity, link, grade and chart entry it touches, keyed by id — and swaps the patch into
//! the model. After the swap the patch holds the *old* values, so undoing is swapping it back and
//! redoing is swapping once more. Nothing is ever cloned beyond the items an edit touches, so
//! edits stay cheap on models of 100k entities.
//!
//! Invariants kept by every edit: entity and link vectors sorted by id, links only between
//! existing entities, no chart entry (position, pin, hidden, selection) for a missing entity, and
//! ids never reused — the history keeps a high-water mark ([`IdFloor`]) that survives undo and is
//! saved with the workspace.

use std::collections::{BTreeMap, BTreeSet};

use serde::{Deserialize, Serialize};

use crate::chart::ChartState;
use crate::model::{
    DocIdx, Entity, EntityId, EntityType, Evidence, Link, LinkId, LinkKind, Model, SourceGrade,
};

/// How far from its original a split-off entity is placed (chart units; a typical edge is ~100).
const SPLIT_OFFSET: [f32; 2] = [60.0, 40.0];

/// Steps kept for undo; older steps are forgotten.
pub const MAX_UNDO: usize = 1000;

/// One node moved by the analyst.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct NodeMove {
    pub entity: EntityId,
    /// Where the node was before the analyst moved it, when the app already moved it live while
    /// dragging; `None` means "where it is now".
    pub from: Option<[f32; 2]>,
    pub to: [f32; 2],
}

/// An analyst's change to the model or the chart.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "edit", rename_all = "snake_case")]
pub enum Edit {
    /// `absorb` becomes part of `keep`: its name and aliases become aliases, its mentions and
    /// countries are added, its links re-pointed to `keep` (links between the two are dropped,
    /// links that become identical are merged with their evidence), and it is removed.
    Merge {
        keep: EntityId,
        absorb: EntityId,
    },
    /// Split the surface form `alias` off `entity` into a new entity of the same type and
    /// countries, taking the mentions whose text is exactly `alias`.
    SplitAlias {
        entity: EntityId,
        alias: String,
    },
    /// New canonical name; the old name stays as an alias so searches still find it.
    Rename {
        entity: EntityId,
        name: String,
    },
    SetType {
        entity: EntityId,
        kind: EntityType,
    },
    SetCountries {
        entity: EntityId,
        countries: Vec<String>,
    },
    /// A link drawn by the analyst (kind [`LinkKind::Manual`], no evidence).
    AddLink {
        from: EntityId,
        to: EntityId,
        label: String,
        directed: bool,
    },
    RelabelLink {
        link: LinkId,
        label: String,
    },
    /// Remove the entity and every link touching it.
    DeleteEntity {
        entity: EntityId,
    },
    DeleteLink {
        link: LinkId,
    },
    SetHidden {
        entities: Vec<EntityId>,
        hidden: bool,
    },
    /// An empty or blank note removes the note.
    SetEntityNote {
        entity: EntityId,
        note: String,
    },
    SetLinkNote {
        link: LinkId,
        note: String,
    },
    /// Admiralty grade of a document; `None` removes it.
    GradeSource {
        document: DocIdx,
        grade: Option<SourceGrade>,
    },
    /// Move nodes; `pin` also pins them where they are dropped.
    Move {
        moves: Vec<NodeMove>,
        pin: bool,
    },
    SetPinned {
        entities: Vec<EntityId>,
        pinned: bool,
    },
}

impl Edit {
    /// Short name for menus: "Undo merge", "Redo rename".
    pub fn label(&self) -> &'static str {
        match self {
            Edit::Merge { .. } => "merge",
            Edit::SplitAlias { .. } => "split alias",
            Edit::Rename { .. } => "rename",
            Edit::SetType { .. } => "change type",
            Edit::SetCountries { .. } => "change countries",
            Edit::AddLink { .. } => "add link",
            Edit::RelabelLink { .. } => "relabel link",
            Edit::DeleteEntity { .. } => "delete entity",
            Edit::DeleteLink { .. } => "delete link",
            Edit::SetHidden { hidden: true, .. } => "hide",
            Edit::SetHidden { hidden: false, .. } => "show",
            Edit::SetEntityNote { .. } | Edit::SetLinkNote { .. } => "note",
            Edit::GradeSource { .. } => "grade source",
            Edit::Move { .. } => "move",
            Edit::SetPinned { pinned: true, .. } => "pin",
            Edit::SetPinned { pinned: false, .. } => "unpin",
        }
    }
}

/// Why an edit was refused. The model is unchanged when an edit is refused.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum EditError {
    #[error("no entity {0}")]
    NoEntity(EntityId),
    #[error("no link {0}")]
    NoLink(LinkId),
    #[error("no document #{}", .0.0)]
    NoDocument(DocIdx),
    #[error("cannot merge {0} with itself")]
    MergeWithItself(EntityId),
    #[error("{entity} has no alias {alias:?}")]
    NotAnAlias { entity: EntityId, alias: String },
    #[error("a name cannot be empty")]
    EmptyName,
    #[error("a link label cannot be empty")]
    EmptyLabel,
    #[error("a link needs two different entities ({0} to itself)")]
    SelfLink(EntityId),
    #[error("position of {0} is not a finite number")]
    BadPosition(EntityId),
    #[error("nothing to change")]
    Nothing,
    #[error("no ids left")]
    IdsExhausted,
}

/// The smallest entity and link ids never handed out. Saved with the workspace so an id freed by
/// a deletion is not reused, even after reopening.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct IdFloor {
    pub entity: u32,
    pub link: u32,
}

impl IdFloor {
    /// The floor of a model: one past its largest ids, or `self` when that is higher.
    pub fn at_least(self, model: &Model) -> IdFloor {
        IdFloor {
            entity: self.entity.max(model.next_entity_id().0),
            link: self.link.max(model.next_link_id().0),
        }
    }
}

/// New values for everything an edit touches, keyed by id; `None` means "absent". Swapping a
/// patch into the model leaves the previous values in the patch, so the same patch undoes and
/// redoes.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Patch {
    entities: BTreeMap<EntityId, Option<Entity>>,
    links: BTreeMap<LinkId, Option<Link>>,
    grades: BTreeMap<DocIdx, Option<SourceGrade>>,
    positions: BTreeMap<EntityId, Option<[f32; 2]>>,
    pinned: BTreeMap<EntityId, bool>,
    hidden: BTreeMap<EntityId, bool>,
    selection: BTreeMap<EntityId, bool>,
    selected_link: Option<Option<LinkId>>,
}

impl Patch {
    /// True when the patch changes entities, links or source grades (not only chart state).
    fn changes_model(&self) -> bool {
        !(self.entities.is_empty() && self.links.is_empty() && self.grades.is_empty())
    }

    fn is_empty(&self) -> bool {
        self.entities.is_empty()
            && self.links.is_empty()
            && self.grades.is_empty()
            && self.positions.is_empty()
            && self.pinned.is_empty()
            && self.hidden.is_empty()
            && self.selection.is_empty()
            && self.selected_link.is_none()
    }

    /// Exchange the patch's values with the model's.
    fn swap(&mut self, model: &mut Model, chart: &mut ChartState) {
        swap_sorted(&mut model.entities, |e| e.id, &mut self.entities);
        swap_sorted(&mut model.links, |l| l.id, &mut self.links);
        for (idx, grade) in &mut self.grades {
            if let Some(doc) = model.documents.get_mut(idx.0 as usize) {
                std::mem::swap(&mut doc.grade, grade);
            }
        }
        for (id, pos) in &mut self.positions {
            let old = match pos.take() {
                Some(p) => chart.positions.insert(*id, p),
                None => chart.positions.remove(id),
            };
            *pos = old;
        }
        swap_set(&mut chart.pinned, &mut self.pinned);
        swap_set(&mut chart.hidden, &mut self.hidden);
        swap_set(&mut chart.selection, &mut self.selection);
        if let Some(link) = &mut self.selected_link {
            std::mem::swap(&mut chart.selected_link, link);
        }
    }

    /// Drop every chart entry of an entity that is going away.
    fn forget_entity(&mut self, id: EntityId) {
        self.entities.insert(id, None);
        self.positions.insert(id, None);
        self.pinned.insert(id, false);
        self.hidden.insert(id, false);
        self.selection.insert(id, false);
    }

    fn remove_link(&mut self, chart: &ChartState, id: LinkId) {
        self.links.insert(id, None);
        if chart.selected_link == Some(id) {
            self.selected_link = Some(None);
        }
    }
}

fn swap_set<K: Ord + Copy>(set: &mut BTreeSet<K>, changes: &mut BTreeMap<K, bool>) {
    for (k, member) in changes.iter_mut() {
        let was = if *member {
            !set.insert(*k)
        } else {
            set.remove(k)
        };
        *member = was;
    }
}

/// Exchange entries of a vector sorted by key with `changes` (new value or `None` for absent).
/// Few changes are done in place; many in one merge pass, so a merge that drops thousands of links
/// costs one pass over the vector, not one shift per link.
fn swap_sorted<K: Ord + Copy, T>(
    vec: &mut Vec<T>,
    key: impl Fn(&T) -> K,
    changes: &mut BTreeMap<K, Option<T>>,
) {
    if changes.len() <= 8 {
        for (k, slot) in changes.iter_mut() {
            let new = slot.take();
            match (vec.binary_search_by_key(k, &key), new) {
                (Ok(i), Some(v)) => *slot = Some(std::mem::replace(&mut vec[i], v)),
                (Ok(i), None) => *slot = Some(vec.remove(i)),
                (Err(i), Some(v)) => vec.insert(i, v),
                (Err(_), None) => {}
            }
        }
        return;
    }
    let old = std::mem::take(vec);
    let mut out = Vec::with_capacity(old.len() + changes.len());
    let mut pending = changes.iter_mut().peekable();
    for item in old {
        let k = key(&item);
        while let Some((_, slot)) = pending.next_if(|(ck, _)| **ck < k) {
            // Not in the vector: insert the new value; the old value was "absent".
            out.extend(slot.take());
        }
        match pending.next_if(|(ck, _)| **ck == k) {
            Some((_, slot)) => {
                let new = slot.replace(item);
                out.extend(new);
            }
            None => out.push(item),
        }
    }
    for (_, slot) in pending {
        out.extend(slot.take());
    }
    *vec = out;
}

/// One undoable step.
#[derive(Clone, Debug)]
pub struct Step {
    /// What the analyst did ([`Edit::label`] names it in menus).
    pub edit: Edit,
    patch: Patch,
    serial: u64,
    /// `serial` of the last step, this one or below it, that changed the model itself (not
    /// only positions, pins, the hidden set or the selection); 0 when none did.
    model_serial: u64,
}

/// Undo and redo stacks of applied edits, and the id high-water mark.
#[derive(Clone, Debug, Default)]
pub struct EditHistory {
    undo: Vec<Step>,
    redo: Vec<Step>,
    ids: IdFloor,
    serial: u64,
}

impl EditHistory {
    /// A history that hands out ids from `floor` upwards (the workspace's saved floor).
    pub fn new(floor: IdFloor) -> Self {
        Self {
            ids: floor,
            ..Self::default()
        }
    }

    /// The id high-water mark to save with the workspace.
    pub fn id_floor(&self, model: &Model) -> IdFloor {
        self.ids.at_least(model)
    }

    /// Apply `edit`. On error nothing changed. Clears the redo stack.
    pub fn apply(
        &mut self,
        model: &mut Model,
        chart: &mut ChartState,
        edit: Edit,
    ) -> Result<(), EditError> {
        let mut ids = self.ids.at_least(model);
        let mut patch = plan(model, chart, &edit, &mut ids)?;
        if patch.is_empty() {
            return Err(EditError::Nothing);
        }
        if let Edit::Move { moves, .. } = &edit {
            // The app may have moved the nodes live while dragging: put them back where the
            // drag started so the step remembers that as the position to undo to.
            for m in moves {
                if let Some(from) = m.from {
                    chart.positions.insert(m.entity, from);
                }
            }
        }
        patch.swap(model, chart);
        self.ids = ids;
        self.serial += 1;
        self.redo.clear();
        let model_serial = if patch.changes_model() {
            self.serial
        } else {
            self.model_state_id()
        };
        self.undo.push(Step {
            edit,
            patch,
            serial: self.serial,
            model_serial,
        });
        if self.undo.len() > MAX_UNDO {
            let excess = self.undo.len() - MAX_UNDO;
            self.undo.drain(..excess);
        }
        Ok(())
    }

    /// Undo the last edit; false when there is none.
    pub fn undo(&mut self, model: &mut Model, chart: &mut ChartState) -> bool {
        let Some(mut step) = self.undo.pop() else {
            return false;
        };
        step.patch.swap(model, chart);
        self.redo.push(step);
        true
    }

    /// Redo the last undone edit; false when there is none.
    pub fn redo(&mut self, model: &mut Model, chart: &mut ChartState) -> bool {
        let Some(mut step) = self.redo.pop() else {
            return false;
        };
        step.patch.swap(model, chart);
        self.undo.push(step);
        true
    }

    pub fn can_undo(&self) -> bool {
        !self.undo.is_empty()
    }

    pub fn can_redo(&self) -> bool {
        !self.redo.is_empty()
    }

    /// The edit [`undo`](Self::undo) would take back.
    pub fn next_undo(&self) -> Option<&Edit> {
        self.undo.last().map(|s| &s.edit)
    }

    /// The edit [`redo`](Self::redo) would apply again.
    pub fn next_redo(&self) -> Option<&Edit> {
        self.redo.last().map(|s| &s.edit)
    }

    /// Identifies the current state of the edits: equal values mean the same edits are in
    /// effect. Remember it when saving; the workspace has unsaved edits when it differs.
    pub fn state_id(&self) -> u64 {
        self.undo.last().map_or(0, |s| s.serial)
    }

    /// Identifies the state of the model itself (entities, links, source grades): unlike
    /// [`state_id`](Self::state_id) it stays the same across edits that only move, pin, hide
    /// or select nodes, so caches of what is derived from the model survive a drag.
    pub fn model_state_id(&self) -> u64 {
        self.undo.last().map_or(0, |s| s.model_serial)
    }

    /// Forget all steps (e.g. after opening another workspace); keeps the id floor.
    pub fn clear(&mut self) {
        self.undo.clear();
        self.redo.clear();
    }
}

fn entity(model: &Model, id: EntityId) -> Result<&Entity, EditError> {
    model.entity(id).ok_or(EditError::NoEntity(id))
}

fn link(model: &Model, id: LinkId) -> Result<&Link, EditError> {
    model.link(id).ok_or(EditError::NoLink(id))
}

fn clean_note(note: &str) -> Option<String> {
    let t = note.trim();
    (!t.is_empty()).then(|| t.to_owned())
}

/// Check `edit` against the model and compute the new values it sets. Reads only.
fn plan(
    model: &Model,
    chart: &ChartState,
    edit: &Edit,
    ids: &mut IdFloor,
) -> Result<Patch, EditError> {
    let mut p = Patch::default();
    match edit {
        Edit::Merge { keep, absorb } => plan_merge(model, chart, *keep, *absorb, &mut p)?,
        Edit::SplitAlias { entity: id, alias } => {
            let e = entity(model, *id)?;
            let alias = alias.trim();
            if !e.aliases.iter().any(|a| a == alias) {
                return Err(EditError::NotAnAlias {
                    entity: *id,
                    alias: alias.to_owned(),
                });
            }
            let new_id = EntityId(ids.entity);
            ids.entity = ids.entity.checked_add(1).ok_or(EditError::IdsExhausted)?;
            let surface = |m: &crate::model::Mention| {
                model
                    .document(m.doc)
                    .and_then(|d| d.text.get(m.span.range()))
                    == Some(alias)
            };
            let (taken, kept): (Vec<_>, Vec<_>) = e.mentions.iter().partition(|m| surface(m));
            let mut old = e.clone();
            old.aliases.retain(|a| a != alias);
            old.mentions = kept;
            let new = Entity {
                id: new_id,
                name: alias.to_owned(),
                kind: e.kind,
                aliases: Vec::new(),
                countries: e.countries.clone(),
                mentions: taken,
                note: None,
            };
            p.entities.insert(*id, Some(old));
            p.entities.insert(new_id, Some(new));
            if let Some(pos) = chart.positions.get(id) {
                p.positions.insert(
                    new_id,
                    Some([pos[0] + SPLIT_OFFSET[0], pos[1] + SPLIT_OFFSET[1]]),
                );
            }
        }
        Edit::Rename { entity: id, name } => {
            let e = entity(model, *id)?;
            let name = name.trim();
            if name.is_empty() {
                return Err(EditError::EmptyName);
            }
            if name == e.name {
                return Err(EditError::Nothing);
            }
            let mut new = e.clone();
            let old_name = std::mem::replace(&mut new.name, name.to_owned());
            new.aliases.retain(|a| a != name);
            if !old_name.trim().is_empty() && !new.aliases.contains(&old_name) {
                new.aliases.push(old_name);
            }
            p.entities.insert(*id, Some(new));
        }
        Edit::SetType { entity: id, kind } => {
            let e = entity(model, *id)?;
            if e.kind != *kind {
                let mut new = e.clone();
                new.kind = *kind;
                p.entities.insert(*id, Some(new));
            }
        }
        Edit::SetCountries {
            entity: id,
            countries,
        } => {
            let e = entity(model, *id)?;
            let mut clean: Vec<String> = Vec::new();
            for c in countries {
                let c = c.trim();
                if !c.is_empty() && !clean.iter().any(|x| x == c) {
                    clean.push(c.to_owned());
                }
            }
            if clean != e.countries {
                let mut new = e.clone();
                new.countries = clean;
                p.entities.insert(*id, Some(new));
            }
        }
        Edit::AddLink {
            from,
            to,
            label,
            directed,
        } => {
            entity(model, *from)?;
            entity(model, *to)?;
            if from == to {
                return Err(EditError::SelfLink(*from));
            }
            let label = label.trim();
            if label.is_empty() {
                return Err(EditError::EmptyLabel);
            }
            let new_id = LinkId(ids.link);
            ids.link = ids.link.checked_add(1).ok_or(EditError::IdsExhausted)?;
            p.links.insert(
                new_id,
                Some(Link {
                    id: new_id,
                    from: *from,
                    to: *to,
                    label: label.to_owned(),
                    kind: LinkKind::Manual,
                    directed: *directed,
                    evidence: Vec::new(),
                    note: None,
                }),
            );
        }
        Edit::RelabelLink { link: id, label } => {
            let l = link(model, *id)?;
            let label = label.trim();
            if label.is_empty() {
                return Err(EditError::EmptyLabel);
            }
            if label != l.label {
                let mut new = l.clone();
                new.label = label.to_owned();
                p.links.insert(*id, Some(new));
            }
        }
        Edit::DeleteEntity { entity: id } => {
            entity(model, *id)?;
            p.forget_entity(*id);
            for l in model.links_of(*id) {
                p.remove_link(chart, l.id);
            }
        }
        Edit::DeleteLink { link: id } => {
            link(model, *id)?;
            p.remove_link(chart, *id);
        }
        Edit::SetHidden { entities, hidden } => {
            for id in entities {
                entity(model, *id)?;
                if chart.hidden.contains(id) != *hidden {
                    p.hidden.insert(*id, *hidden);
                }
                // A hidden entity cannot stay selected.
                if *hidden && chart.selection.contains(id) {
                    p.selection.insert(*id, false);
                }
            }
        }
        Edit::SetEntityNote { entity: id, note } => {
            let e = entity(model, *id)?;
            let note = clean_note(note);
            if note != e.note {
                let mut new = e.clone();
                new.note = note;
                p.entities.insert(*id, Some(new));
            }
        }
        Edit::SetLinkNote { link: id, note } => {
            let l = link(model, *id)?;
            let note = clean_note(note);
            if note != l.note {
                let mut new = l.clone();
                new.note = note;
                p.links.insert(*id, Some(new));
            }
        }
        Edit::GradeSource { document, grade } => {
            let d = model
                .document(*document)
                .ok_or(EditError::NoDocument(*document))?;
            let grade = grade.and_then(|g| SourceGrade::new(g.reliability, g.credibility));
            if d.grade != grade {
                p.grades.insert(*document, grade);
            }
        }
        Edit::Move { moves, pin } => {
            for m in moves {
                entity(model, m.entity)?;
                let finite = |q: [f32; 2]| q[0].is_finite() && q[1].is_finite();
                if !finite(m.to) || m.from.is_some_and(|f| !finite(f)) {
                    return Err(EditError::BadPosition(m.entity));
                }
                let now = m.from.or_else(|| chart.positions.get(&m.entity).copied());
                if now != Some(m.to) {
                    p.positions.insert(m.entity, Some(m.to));
                }
                if *pin && !chart.pinned.contains(&m.entity) {
                    p.pinned.insert(m.entity, true);
                }
            }
        }
        Edit::SetPinned { entities, pinned } => {
            for id in entities {
                entity(model, *id)?;
                if chart.pinned.contains(id) != *pinned {
                    p.pinned.insert(*id, *pinned);
                }
            }
        }
    }
    Ok(p)
}

/// Links that say the same thing between the same two entities are one link.
fn link_key(l: &Link) -> (EntityId, EntityId, &str, LinkKind, bool) {
    let (a, b) = if l.directed || l.from <= l.to {
        (l.from, l.to)
    } else {
        (l.to, l.from)
    };
    (a, b, l.label.as_str(), l.kind, l.directed)
}

fn plan_merge(
    model: &Model,
    chart: &ChartState,
    keep: EntityId,
    absorb: EntityId,
    p: &mut Patch,
) -> Result<(), EditError> {
    if keep == absorb {
        return Err(EditError::MergeWithItself(keep));
    }
    let k = entity(model, keep)?;
    let a = entity(model, absorb)?;

    let mut merged = k.clone();
    for form in std::iter::once(&a.name).chain(&a.aliases) {
        if *form != merged.name && !merged.aliases.contains(form) {
            merged.aliases.push(form.clone());
        }
    }
    for c in &a.countries {
        if !merged.countries.contains(c) {
            merged.countries.push(c.clone());
        }
    }
    merged.mentions.extend(a.mentions.iter().copied());
    merged.mentions.sort_unstable();
    merged.mentions.dedup();
    merged.note = match (&k.note, &a.note) {
        (Some(x), Some(y)) if x != y => Some(format!("{x}\n{y}")),
        (Some(x), _) => Some(x.clone()),
        (None, y) => y.clone(),
    };
    p.entities.insert(keep, Some(merged));
    p.forget_entity(absorb);
    if chart.selection.contains(&absorb) && !chart.selection.contains(&keep) {
        p.selection.insert(keep, true);
    }

    // Re-point the absorbed entity's links; drop the ones between the two.
    let mut repointed: Vec<Link> = Vec::new();
    for l in model.links_of(absorb) {
        let mut l2 = l.clone();
        if l2.from == absorb {
            l2.from = keep;
        }
        if l2.to == absorb {
            l2.to = keep;
        }
        if l2.from == l2.to {
            p.remove_link(chart, l.id);
        } else {
            repointed.push(l2);
        }
    }
    // Merge links that became duplicates (of each other or of the kept entity's links): the
    // lowest id survives with the union of the evidence.
    let mut groups: BTreeMap<(EntityId, EntityId, String, LinkKind, bool), Vec<Link>> =
        BTreeMap::new();
    for l in &repointed {
        let (x, y, label, kind, dir) = link_key(l);
        groups
            .entry((x, y, label.to_owned(), kind, dir))
            .or_default()
            .push(l.clone());
    }
    for l in model.links_of(keep) {
        let (x, y, label, kind, dir) = link_key(l);
        if let Some(g) = groups.get_mut(&(x, y, label.to_owned(), kind, dir)) {
            g.push(l.clone());
        }
    }
    for (_, mut group) in groups {
        group.sort_by_key(|l| l.id);
        let mut rest = group.into_iter();
        let Some(mut first) = rest.next() else {
            continue;
        };
        let mut evidence: Vec<Evidence> = first.evidence.clone();
        let mut changed_first = false;
        for other in rest {
            evidence.extend(other.evidence.iter().copied());
            if let Some(n) = &other.note {
                first.note = Some(match first.note.take() {
                    Some(f) if f != *n => format!("{f}\n{n}"),
                    Some(f) => f,
                    None => n.clone(),
                });
            }
            changed_first = true;
            p.remove_link(chart, other.id);
            if chart.selected_link == Some(other.id) {
                p.selected_link = Some(Some(first.id));
            }
        }
        if changed_first {
            evidence.sort_unstable();
            evidence.dedup();
            first.evidence = evidence;
        }
        // `first` is either re-pointed (changed) or a kept link whose evidence grew.
        let original = model.link(first.id);
        if original != Some(&first) {
            p.links.insert(first.id, Some(first));
        }
    }
    Ok(())
}
