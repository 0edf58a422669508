//! Reading documents: folders of `.txt` / `.md` files, encodings, metadata and sentences.
//!
//! Bad input is skipped and named, never fatal: an empty, binary or unreadable file goes to
//! [`Corpus::skipped`] with the reason, and the rest of the folder is still read. Text that is
//! not UTF-8 is decoded as UTF-16 (with a byte-order mark) or Windows-1252 rather than dropped.

mod boilerplate;
mod meta;
pub(crate) use meta::month_number;
mod sentences;

use std::path::{Path, PathBuf};

use rayon::prelude::*;

pub use meta::{Metadata, find_date, metadata};
pub use sentences::split_sentences;

use crate::model::Document;

/// Documents read from a folder (or compiled in), and the files that could not be read.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Corpus {
    /// Shown in the window title: the folder name, or `seeds` for the bundled corpus.
    pub name: String,
    pub documents: Vec<Document>,
    pub skipped: Vec<Skipped>,
}

/// A file left out, and why.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Skipped {
    pub path: PathBuf,
    pub reason: String,
}

impl std::fmt::Display for Skipped {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "skipped {}: {}", self.path.display(), self.reason)
    }
}

#[derive(Debug, thiserror::Error)]
pub enum CorpusError {
    #[error("{path}: cannot read the folder")]
    Folder {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("{path}: not a folder")]
    NotAFolder { path: PathBuf },
    #[error("{path}: no readable .txt or .md documents{detail}")]
    Empty { path: PathBuf, detail: String },
}

/// Extensions read as documents (compared case-insensitively).
const EXTENSIONS: [&str; 2] = ["txt", "md"];

/// Read every `.txt` and `.md` file below `dir`, recursively, in a stable order (sorted by
/// relative path). Unreadable files are skipped and named; it fails only when the folder
/// itself cannot be read or holds no readable document.
pub fn read_folder(dir: &Path) -> Result<Corpus, CorpusError> {
    let meta = std::fs::metadata(dir).map_err(|source| CorpusError::Folder {
        path: dir.to_owned(),
        source,
    })?;
    if !meta.is_dir() {
        return Err(CorpusError::NotAFolder {
            path: dir.to_owned(),
        });
    }
    let mut files = Vec::new();
    let mut skipped = Vec::new();
    walk(dir, &mut files, &mut skipped).map_err(|source| CorpusError::Folder {
        path: dir.to_owned(),
        source,
    })?;
    files.sort();

    let results: Vec<Result<Document, Skipped>> = files
        .par_iter()
        .map(|path| {
            let bytes = std::fs::read(path).map_err(|e| Skipped {
                path: path.clone(),
                reason: format!("cannot read: {e}"),
            })?;
            let text = decode(&bytes).map_err(|reason| Skipped {
                path: path.clone(),
                reason,
            })?;
            let rel = path.strip_prefix(dir).unwrap_or(path);
            Ok(document_from_text(
                &doc_id(rel),
                &path.display().to_string(),
                text,
            ))
        })
        .collect();

    let mut documents = Vec::with_capacity(results.len());
    for r in results {
        match r {
            Ok(d) => documents.push(d),
            Err(s) => skipped.push(s),
        }
    }
    dedup_ids(&mut documents);
    if documents.is_empty() {
        let detail = if skipped.is_empty() {
            String::new()
        } else {
            format!(
                " ({} skipped: {})",
                skipped.len(),
                skipped
                    .iter()
                    .map(|s| format!("{}: {}", s.path.display(), s.reason))
                    .collect::<Vec<_>>()
                    .join("; ")
            )
        };
        return Err(CorpusError::Empty {
            path: dir.to_owned(),
            detail,
        });
    }
    let name = dir
        .canonicalize()
        .ok()
        .and_then(|p| p.file_name().map(|n| n.to_string_lossy().into_owned()))
        .unwrap_or_else(|| dir.display().to_string());
    Ok(Corpus {
        name,
        documents,
        skipped,
    })
}

fn walk(dir: &Path, files: &mut Vec<PathBuf>, skipped: &mut Vec<Skipped>) -> std::io::Result<()> {
    for entry in std::fs::read_dir(dir)? {
        let entry = entry?;
        let path = entry.path();
        let hidden = entry.file_name().to_string_lossy().starts_with('.');
        let Ok(file_type) = entry.file_type() else {
            continue;
        };
        // Follow symlinks to files, not to folders (no cycles).
        let is_dir = file_type.is_dir();
        if is_dir {
            if !hidden && let Err(e) = walk(&path, files, skipped) {
                skipped.push(Skipped {
                    path,
                    reason: format!("cannot read the folder: {e}"),
                });
            }
        } else if !hidden
            && path
                .extension()
                .and_then(|e| e.to_str())
                .is_some_and(|e| EXTENSIONS.iter().any(|x| x.eq_ignore_ascii_case(e)))
        {
            files.push(path);
        }
    }
    Ok(())
}

/// Document id: the file stem; for files in subfolders, the relative path without extension
/// (`2021/report`), so ids stay unique.
fn doc_id(rel: &Path) -> String {
    let stem = rel.with_extension("");
    stem.to_string_lossy().replace('\\', "/")
}

/// Two files with the same id (`a.txt` and `a.md`) get `a`, `a.md`.
fn dedup_ids(documents: &mut [Document]) {
    let mut seen = std::collections::HashSet::new();
    for d in documents.iter_mut() {
        if !seen.insert(d.id.clone()) {
            let ext = Path::new(&d.path)
                .extension()
                .map(|e| e.to_string_lossy().into_owned())
                .unwrap_or_default();
            d.id = format!("{}.{ext}", d.id);
            seen.insert(d.id.clone());
        }
    }
}

/// Decode file bytes to text: UTF-8 (BOM stripped), UTF-16 with a BOM, else Windows-1252.
/// Refuses empty and binary content with the reason.
pub fn decode(bytes: &[u8]) -> Result<String, String> {
    if bytes.iter().all(|b| b.is_ascii_whitespace()) {
        return Err("empty file".into());
    }
    if let Some((enc, bom_len)) = encoding_rs::Encoding::for_bom(bytes) {
        let (text, had_errors) = enc.decode_without_bom_handling(&bytes[bom_len..]);
        if had_errors && enc != encoding_rs::UTF_8 {
            return Err(format!("not valid {} text", enc.name()));
        }
        return check_text(text.into_owned());
    }
    if looks_binary(bytes) {
        return Err("binary file, not text".into());
    }
    match std::str::from_utf8(bytes) {
        Ok(s) => check_text(s.to_owned()),
        Err(_) => {
            let (text, _, _) = encoding_rs::WINDOWS_1252.decode(bytes);
            check_text(text.into_owned())
        }
    }
}

fn check_text(text: String) -> Result<String, String> {
    if text.trim().is_empty() {
        Err("empty file".into())
    } else {
        Ok(text)
    }
}

/// NUL bytes or many control characters in the first 8 KiB mean binary data.
fn looks_binary(bytes: &[u8]) -> bool {
    let head = &bytes[..bytes.len().min(8192)];
    if head.contains(&0) {
        return true;
    }
    let control = head
        .iter()
        .filter(|&&b| b < 0x20 && !matches!(b, b'\n' | b'\r' | b'\t' | 0x0c))
        .count();
    control * 20 > head.len()
}

/// A document from its text: metadata from the header, sentence spans.
pub fn document_from_text(id: &str, path: &str, text: String) -> Document {
    let text = normalise_newlines(text);
    let meta = metadata(&text);
    let sentences = boilerplate::content_sentences(&text, split_sentences(&text));
    Document {
        id: id.to_owned(),
        path: path.to_owned(),
        title: meta.title,
        outlet: meta.outlet,
        date: meta.date,
        text,
        sentences,
        grade: None,
    }
}

fn normalise_newlines(text: String) -> String {
    if text.contains('\r') {
        text.replace("\r\n", "\n").replace('\r', "\n")
    } else {
        text
    }
}

mod bundled_files {
    include!(concat!(env!("OUT_DIR"), "/bundled_seeds.rs"));
}

/// The bundled corpus (`seeds/`), compiled into the binary.
pub fn bundled() -> Corpus {
    let documents = bundled_files::SEEDS
        .iter()
        .map(|(file, text)| {
            let id = Path::new(file)
                .file_stem()
                .map(|s| s.to_string_lossy().into_owned())
                .unwrap_or_else(|| (*file).to_owned());
            document_from_text(&id, &format!("seeds/{file}"), (*text).to_owned())
        })
        .collect();
    Corpus {
        name: "seeds".into(),
        documents,
        skipped: Vec::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bundled_corpus_has_the_four_seeds_with_metadata() {
        let c = bundled();
        assert_eq!(c.documents.len(), 4);
        let d = &c.documents[0];
        assert_eq!(d.id, "000_ca07ce851ffc04f2");
        assert_eq!(d.path, "seeds/000_ca07ce851ffc04f2.txt");
        assert_eq!(d.outlet.as_deref(), Some("Al-Monitor"));
        assert_eq!(d.date.as_deref(), Some("2020-08-17"));
        assert!(d.sentences.len() > 10);
        assert!(
            c.documents
                .iter()
                .all(|d| d.sentences.iter().all(|s| d.text.get(s.range()).is_some()))
        );
    }

    #[test]
    fn decode_handles_encodings_and_refuses_binary_and_empty() {
        assert_eq!(decode(b"caf\xe9 au lait").unwrap(), "café au lait");
        assert_eq!(decode("\u{feff}naïve".as_bytes()).unwrap(), "naïve");
        let utf16: Vec<u8> = [0xFF, 0xFE]
            .into_iter()
            .chain("hi there".encode_utf16().flat_map(|u| u.to_le_bytes()))
            .collect();
        assert_eq!(decode(&utf16).unwrap(), "hi there");
        assert_eq!(decode(b"").unwrap_err(), "empty file");
        assert_eq!(decode(b"  \n\t ").unwrap_err(), "empty file");
        assert!(
            decode(b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR")
                .unwrap_err()
                .contains("binary")
        );
    }

    #[test]
    fn windows_line_endings_are_normalised() {
        let d = document_from_text(
            "x",
            "x.txt",
            "Title line here\r\n\r\nBody one. Body two.".into(),
        );
        assert!(!d.text.contains('\r'));
        assert_eq!(d.title.as_deref(), Some("Title line here"));
        assert_eq!(d.sentence(1), "Body one.");
    }
}
