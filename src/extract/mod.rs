//! Entity and link extraction. (Being written on the `extract` branch.)

use crate::model::{Document, Model};

pub fn extract(documents: Vec<Document>) -> Model {
    extract_with_progress(documents, &|_, _| {})
}

pub fn extract_with_progress(
    documents: Vec<Document>,
    progress: &(dyn Fn(usize, usize) + Sync),
) -> Model {
    progress(documents.len(), documents.len());
    Model {
        documents,
        entities: Vec::new(),
        links: Vec::new(),
    }
}
