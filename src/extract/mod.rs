//! Entity and link extraction: documents (text, metadata, sentence spans) in, [`Model`] out.
//!
//! Each document is read on its own, in parallel ([`recognize`]: names, types, country hints,
//! relations within a sentence), then the results are merged in document order ([`merge`]:
//! aliases across documents, surnames, acronyms, co-mentions), so the same input always gives
//! the same ids and order whatever the thread count. General knowledge (countries, demonyms,
//! cities, well-known bodies, first names) comes from data in `assets/gazetteer/`
//! ([`gazetteer`]); the rest is rules over closed word lists ([`lexicon`]).

pub mod gazetteer;
pub mod lexicon;
pub mod merge;
pub mod recognize;
pub mod tokens;

use std::sync::atomic::{AtomicUsize, Ordering};

use rayon::prelude::*;

use crate::model::{Document, Model};

/// Extract the model from documents (text, metadata and sentence spans already filled in).
pub fn extract(documents: Vec<Document>) -> Model {
    extract_with_progress(documents, &|_, _| {})
}

/// The same, calling `progress(done, total)` as documents finish; parallel over documents,
/// then a deterministic merge.
pub fn extract_with_progress(
    documents: Vec<Document>,
    progress: &(dyn Fn(usize, usize) + Sync),
) -> Model {
    let total = documents.len();
    let done = AtomicUsize::new(0);
    // Load the data once before the threads start.
    let g = gazetteer::Gazetteer::get();
    let mut documents = documents;
    documents.par_iter_mut().for_each(|d| known_outlet(g, d));
    let outs: Vec<recognize::DocOut> = documents
        .par_iter()
        .map(|d| {
            let out = recognize::analyze(d);
            let n = done.fetch_add(1, Ordering::Relaxed) + 1;
            progress(n, total);
            out
        })
        .collect();
    let (entities, links) = merge::merge(&outs);
    Model {
        documents,
        entities,
        links,
    }
}

/// Outlets by their known names: a dateline's `AP` is `Associated Press`; a header line that is
/// nothing but a known outlet's name (`Al Jazeera`) names the outlet when the text gave none.
fn known_outlet(g: &gazetteer::Gazetteer, doc: &mut Document) {
    match &doc.outlet {
        Some(o) => {
            if let Some(name) = g.outlet(o) {
                doc.outlet = Some(name.to_owned());
            }
        }
        None => {
            doc.outlet = doc
                .text
                .lines()
                .map(str::trim)
                .filter(|l| !l.is_empty())
                .take(4)
                .find_map(|l| g.outlet(l))
                .map(str::to_owned);
        }
    }
}
