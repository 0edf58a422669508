//! CSV for i2 Analyst's Notebook and spreadsheets: two tables.
//!
//! - the links table (`chart.csv`): one row per visible link with both ends' id, name, type
//!   and countries, the label, kind, strength (`Confirmed` / `Unconfirmed` / `Tentative`, i2's
//!   own link strengths), direction, earliest source date, sources and evidence sentences —
//!   the shape i2's import wizard maps to "entity – link – entity";
//! - the entities table (`chart.entities.csv`, beside it): every visible entity, so entities
//!   without links are not lost.

use std::path::{Path, PathBuf};

use super::ExportError;
use super::graphml::evidence_text;
use crate::chart::{ChartState, View};
use crate::model::{Confidence, Entity, LinkKind, Model};

pub const LINK_HEADER: [&str; 16] = [
    "From ID",
    "From Name",
    "From Type",
    "From Countries",
    "Link ID",
    "Link Label",
    "Link Kind",
    "Strength",
    "Directed",
    "To ID",
    "To Name",
    "To Type",
    "To Countries",
    "Date",
    "Sources",
    "Evidence",
];

pub const ENTITY_HEADER: [&str; 9] = [
    "ID",
    "Name",
    "Type",
    "Aliases",
    "Countries",
    "Documents",
    "Mentions",
    "X",
    "Y",
];

/// The two CSV files, as bytes (UTF-8, comma separated, quoted where needed).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CsvTables {
    pub links: Vec<u8>,
    pub entities: Vec<u8>,
}

/// Where the entities table goes for a links table at `out`: `chart.csv` → `chart.entities.csv`.
pub fn entities_path(out: &Path) -> PathBuf {
    let stem = out
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_else(|| "chart".to_owned());
    out.with_file_name(format!("{stem}.entities.csv"))
}

fn csv_err(e: impl std::fmt::Display) -> ExportError {
    ExportError::Csv(e.to_string())
}

/// The visible links and entities as CSV tables.
pub fn csv(model: &Model, chart: &ChartState, view: &View) -> Result<CsvTables, ExportError> {
    let mut w = ::csv::Writer::from_writer(Vec::new());
    w.write_record(LINK_HEADER).map_err(csv_err)?;
    for id in &view.links {
        let Some(l) = model.link(*id) else { continue };
        let (Some(a), Some(b)) = (model.entity(l.from), model.entity(l.to)) else {
            continue;
        };
        let docs = l.documents();
        let date = docs
            .iter()
            .filter_map(|d| model.document(*d)?.date.clone())
            .min()
            .unwrap_or_default();
        let sources = docs
            .iter()
            .filter_map(|d| {
                let d = model.document(*d)?;
                Some(match &d.outlet {
                    Some(o) => format!("{o} ({})", d.id),
                    None => d.id.clone(),
                })
            })
            .collect::<Vec<_>>()
            .join("; ");
        let kind = match l.kind {
            LinkKind::Stated => "stated",
            LinkKind::CoMention => "co-mention",
            LinkKind::Manual => "manual",
        };
        let strength = match model.confidence(l) {
            Confidence::Confirmed => "Confirmed",
            Confidence::Unconfirmed => "Unconfirmed",
            Confidence::Tentative => "Tentative",
        };
        let (a_id, b_id, l_id) = (a.id.to_string(), b.id.to_string(), l.id.to_string());
        let (a_c, b_c) = (a.countries.join("; "), b.countries.join("; "));
        w.write_record([
            a_id.as_str(),
            &a.name,
            a.kind.as_str(),
            &a_c,
            &l_id,
            &l.label,
            kind,
            strength,
            if l.directed { "yes" } else { "no" },
            &b_id,
            &b.name,
            b.kind.as_str(),
            &b_c,
            &date,
            &sources,
            &evidence_text(model, l),
        ])
        .map_err(csv_err)?;
    }
    let links = w.into_inner().map_err(csv_err)?;

    let mut w = ::csv::Writer::from_writer(Vec::new());
    w.write_record(ENTITY_HEADER).map_err(csv_err)?;
    for id in &view.entities {
        let Some(e) = model.entity(*id) else { continue };
        write_entity(&mut w, model, chart, e)?;
    }
    let entities = w.into_inner().map_err(csv_err)?;
    Ok(CsvTables { links, entities })
}

fn write_entity(
    w: &mut ::csv::Writer<Vec<u8>>,
    model: &Model,
    chart: &ChartState,
    e: &Entity,
) -> Result<(), ExportError> {
    let docs = e
        .documents()
        .iter()
        .filter_map(|d| model.document(*d).map(|d| d.id.clone()))
        .collect::<Vec<_>>()
        .join("; ");
    let (x, y) = match chart.positions.get(&e.id) {
        Some(p) if p[0].is_finite() && p[1].is_finite() => (p[0].to_string(), p[1].to_string()),
        _ => (String::new(), String::new()),
    };
    w.write_record([
        e.id.to_string().as_str(),
        &e.name,
        e.kind.as_str(),
        &e.aliases.join("; "),
        &e.countries.join("; "),
        &docs,
        &e.mentions.len().to_string(),
        &x,
        &y,
    ])
    .map_err(csv_err)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn entities_table_sits_beside_the_links_table() {
        assert_eq!(
            entities_path(Path::new("out/chart.csv")),
            PathBuf::from("out/chart.entities.csv")
        );
        assert_eq!(
            entities_path(Path::new("x.CSV")),
            PathBuf::from("x.entities.csv")
        );
    }
}
