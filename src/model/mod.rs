//! The entity model: documents, entities, links and the evidence behind them.
//!
//! Plain data shared by every layer. Extraction builds a [`Model`]; the analyst's edits change it;
//! the workspace file stores it; filters, layout and the scene read it. Nothing here knows of
//! files or of egui.

pub mod edit;
pub mod json;

use std::fmt;

use serde::{Deserialize, Serialize};

/// A span of bytes in a document's text, `start..end`.
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize,
)]
pub struct Span {
    pub start: u32,
    pub end: u32,
}

impl Span {
    pub fn new(start: usize, end: usize) -> Self {
        Self {
            start: start as u32,
            end: end as u32,
        }
    }

    pub fn range(self) -> std::ops::Range<usize> {
        self.start as usize..self.end as usize
    }

    pub fn len(self) -> usize {
        (self.end - self.start) as usize
    }

    pub fn is_empty(self) -> bool {
        self.end <= self.start
    }
}

/// Index of a document in [`Model::documents`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(transparent)]
pub struct DocIdx(pub u32);

macro_rules! prefixed_id {
    ($name:ident, $prefix:literal) => {
        /// A stable id, written `
        #[doc = $prefix]
        /// <n>` in JSON. Ids are never reused within a model.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub struct $name(pub u32);

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                write!(f, concat!($prefix, "{}"), self.0)
            }
        }

        impl std::str::FromStr for $name {
            type Err = String;
            fn from_str(s: &str) -> Result<Self, Self::Err> {
                s.strip_prefix($prefix)
                    .and_then(|n| n.parse().ok())
                    .map($name)
                    .ok_or_else(|| format!(concat!("not a ", $prefix, "<number> id: {:?}"), s))
            }
        }

        impl Serialize for $name {
            fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.collect_str(self)
            }
        }

        impl<'de> Deserialize<'de> for $name {
            fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                let s = String::deserialize(d)?;
                s.parse().map_err(serde::de::Error::custom)
            }
        }
    };
}

prefixed_id!(EntityId, "e");
prefixed_id!(LinkId, "l");

/// NATO Admiralty grading of a source: reliability `A`–`F`, credibility `1`–`6`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct SourceGrade {
    pub reliability: char,
    pub credibility: u8,
}

impl SourceGrade {
    pub fn new(reliability: char, credibility: u8) -> Option<Self> {
        let reliability = reliability.to_ascii_uppercase();
        (('A'..='F').contains(&reliability) && (1..=6).contains(&credibility)).then_some(Self {
            reliability,
            credibility,
        })
    }
}

impl fmt::Display for SourceGrade {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}{}", self.reliability, self.credibility)
    }
}

/// One document of the corpus, self-contained: its text travels with the workspace.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Document {
    /// The file stem, e.g. `000_ca07ce851ffc04f2`.
    pub id: String,
    /// Where it was read from, as given (relative to the corpus parent where possible).
    pub path: String,
    pub title: Option<String>,
    pub outlet: Option<String>,
    /// ISO date `YYYY-MM-DD` when the text tells it.
    pub date: Option<String>,
    pub text: String,
    /// Sentence spans in `text`, in order.
    pub sentences: Vec<Span>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub grade: Option<SourceGrade>,
}

impl Document {
    /// The text of sentence `i`, or `""` when out of range.
    pub fn sentence(&self, i: u32) -> &str {
        self.sentences
            .get(i as usize)
            .and_then(|s| self.text.get(s.range()))
            .unwrap_or("")
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum EntityType {
    Person,
    Organization,
    Country,
    Place,
    Facility,
    Event,
    Other,
}

impl EntityType {
    pub const ALL: [EntityType; 7] = [
        EntityType::Person,
        EntityType::Organization,
        EntityType::Country,
        EntityType::Place,
        EntityType::Facility,
        EntityType::Event,
        EntityType::Other,
    ];

    /// The name used in JSON and on screen: `person`, `organization`, …
    pub fn as_str(self) -> &'static str {
        match self {
            EntityType::Person => "person",
            EntityType::Organization => "organization",
            EntityType::Country => "country",
            EntityType::Place => "place",
            EntityType::Facility => "facility",
            EntityType::Event => "event",
            EntityType::Other => "other",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|t| t.as_str() == s)
    }
}

impl fmt::Display for EntityType {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Where an entity is named: document, sentence and byte span of the surface form.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Mention {
    pub doc: DocIdx,
    pub sentence: u32,
    pub span: Span,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Entity {
    pub id: EntityId,
    /// The canonical name shown on the chart.
    pub name: String,
    #[serde(rename = "type")]
    pub kind: EntityType,
    /// Other surface forms of the same entity (not including `name`).
    pub aliases: Vec<String>,
    /// Affiliated countries by canonical country name (`United States`, `Iran`).
    pub countries: Vec<String>,
    pub mentions: Vec<Mention>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

impl Entity {
    /// Documents the entity is mentioned in, sorted and unique.
    pub fn documents(&self) -> Vec<DocIdx> {
        let mut d: Vec<DocIdx> = self.mentions.iter().map(|m| m.doc).collect();
        d.sort_unstable();
        d.dedup();
        d
    }

    /// True when the entity belongs to `country` (a country entity belongs to itself).
    pub fn affiliated_with(&self, country: &str) -> bool {
        (self.kind == EntityType::Country && self.name == country)
            || self.countries.iter().any(|c| c == country)
    }

    /// True when `query` (case-insensitive) occurs in the name or an alias.
    pub fn matches(&self, query: &str) -> bool {
        let q = query.trim().to_lowercase();
        !q.is_empty()
            && std::iter::once(&self.name)
                .chain(&self.aliases)
                .any(|s| s.to_lowercase().contains(&q))
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum LinkKind {
    /// A relation the text states (`paid bounties to`, `leads`, …).
    Stated,
    /// Two entities named in one sentence with nothing stated between them.
    CoMention,
    /// Added by the analyst.
    Manual,
}

/// One sentence that supports a link.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Evidence {
    pub doc: DocIdx,
    pub sentence: u32,
    /// The sentence hedges the relation: `allegedly`, `denied`, `uncorroborated`, …
    #[serde(default)]
    pub hedged: bool,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Link {
    pub id: LinkId,
    pub from: EntityId,
    pub to: EntityId,
    /// Short label: `paid bounties to`, `leads`, `mentioned with`.
    pub label: String,
    pub kind: LinkKind,
    /// Drawn with an arrowhead from `from` to `to`; plain association otherwise.
    pub directed: bool,
    pub evidence: Vec<Evidence>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// How sure the chart may look about a link (DESIGN.md: line style shows confidence).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Confidence {
    /// Stated by two or more independent sources: solid line.
    Confirmed,
    /// Stated by one source: dashed line.
    Unconfirmed,
    /// Co-mention only, or every statement hedged (alleged, denied): dotted line.
    Tentative,
}

impl Link {
    /// Documents behind the link, sorted and unique.
    pub fn documents(&self) -> Vec<DocIdx> {
        let mut d: Vec<DocIdx> = self.evidence.iter().map(|e| e.doc).collect();
        d.sort_unstable();
        d.dedup();
        d
    }

    /// All of the link's evidence hedges it.
    pub fn hedged(&self) -> bool {
        !self.evidence.is_empty() && self.evidence.iter().all(|e| e.hedged)
    }

    pub fn touches(&self, id: EntityId) -> bool {
        self.from == id || self.to == id
    }
}

/// Documents, entities and links. Entities and links are kept sorted by id (new ids only grow),
/// so lookups are binary searches and iteration order is stable.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Model {
    pub documents: Vec<Document>,
    pub entities: Vec<Entity>,
    pub links: Vec<Link>,
}

impl Model {
    pub fn document(&self, idx: DocIdx) -> Option<&Document> {
        self.documents.get(idx.0 as usize)
    }

    pub fn document_by_id(&self, id: &str) -> Option<(DocIdx, &Document)> {
        self.documents
            .iter()
            .enumerate()
            .find(|(_, d)| d.id == id)
            .map(|(i, d)| (DocIdx(i as u32), d))
    }

    pub fn entity(&self, id: EntityId) -> Option<&Entity> {
        self.entities
            .binary_search_by_key(&id, |e| e.id)
            .ok()
            .map(|i| &self.entities[i])
    }

    pub fn entity_mut(&mut self, id: EntityId) -> Option<&mut Entity> {
        self.entities
            .binary_search_by_key(&id, |e| e.id)
            .ok()
            .map(|i| &mut self.entities[i])
    }

    pub fn link(&self, id: LinkId) -> Option<&Link> {
        self.links
            .binary_search_by_key(&id, |l| l.id)
            .ok()
            .map(|i| &self.links[i])
    }

    pub fn link_mut(&mut self, id: LinkId) -> Option<&mut Link> {
        self.links
            .binary_search_by_key(&id, |l| l.id)
            .ok()
            .map(|i| &mut self.links[i])
    }

    /// The next unused entity id.
    pub fn next_entity_id(&self) -> EntityId {
        EntityId(self.entities.last().map_or(0, |e| e.id.0 + 1))
    }

    /// The next unused link id.
    pub fn next_link_id(&self) -> LinkId {
        LinkId(self.links.last().map_or(0, |l| l.id.0 + 1))
    }

    /// Links touching `id`.
    pub fn links_of(&self, id: EntityId) -> impl Iterator<Item = &Link> {
        self.links.iter().filter(move |l| l.touches(id))
    }

    /// Line style class of a link: confirmed needs two independent sources (distinct outlets,
    /// or distinct documents where the outlet is unknown).
    pub fn confidence(&self, link: &Link) -> Confidence {
        if link.kind == LinkKind::CoMention || link.hedged() {
            return Confidence::Tentative;
        }
        let mut sources: Vec<String> = link
            .evidence
            .iter()
            .filter(|e| !e.hedged)
            .filter_map(|e| {
                let d = self.document(e.doc)?;
                Some(d.outlet.clone().unwrap_or_else(|| format!("doc:{}", d.id)))
            })
            .collect();
        sources.sort();
        sources.dedup();
        if sources.len() >= 2 {
            Confidence::Confirmed
        } else {
            Confidence::Unconfirmed
        }
    }

    /// Every country named in the model (country entities and affiliations) with the number
    /// of entities affiliated with it, sorted by name.
    pub fn country_counts(&self) -> Vec<(String, usize)> {
        let mut counts: std::collections::BTreeMap<&str, usize> = Default::default();
        for e in &self.entities {
            let mut names: Vec<&str> = e.countries.iter().map(String::as_str).collect();
            if e.kind == EntityType::Country {
                names.push(&e.name);
            }
            names.sort_unstable();
            names.dedup();
            for n in names {
                *counts.entry(n).or_default() += 1;
            }
        }
        counts.into_iter().map(|(k, v)| (k.to_owned(), v)).collect()
    }
}

/// `YYYY-MM-DD` of a day count since 1970-01-01 (Howard Hinnant's `civil_from_days`): the
/// timeline's day numbers and the export caption's date.
pub fn iso_date(days: i64) -> String {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = yoe + era * 400 + i64::from(m <= 2);
    format!("{y:04}-{m:02}-{d:02}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_round_trip_as_prefixed_strings() {
        let json = serde_json::to_string(&EntityId(7)).unwrap();
        assert_eq!(json, "\"e7\"");
        assert_eq!(
            serde_json::from_str::<EntityId>(&json).unwrap(),
            EntityId(7)
        );
        assert!(serde_json::from_str::<EntityId>("\"l7\"").is_err());
        assert_eq!("l3".parse::<LinkId>().unwrap(), LinkId(3));
    }

    #[test]
    fn source_grade_accepts_only_admiralty_scale() {
        assert_eq!(SourceGrade::new('b', 2).unwrap().to_string(), "B2");
        assert!(SourceGrade::new('G', 2).is_none());
        assert!(SourceGrade::new('A', 7).is_none());
    }
}
