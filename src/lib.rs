//! linkchart: a link-analysis workbench. See `ARCHITECTURE.md` for the code map.
//!
//! Data flows `corpus` → `extract` → `model` → `chart::visible` → `layout` → `scene` → screen
//! (`app`) or `export`; `workspace` saves and reopens it all.

pub mod chart;
pub mod cli;
pub mod corpus;
pub mod export;
pub mod extract;
pub mod layout;
pub mod model;
pub mod scene;
pub mod spatial;
pub mod workspace;

#[cfg(feature = "gui")]
pub mod app;
