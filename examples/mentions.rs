//! What the extractor read, sentence by sentence: `cargo run --release --example mentions --
//! DIR [DOC_ID] [WORD]`.
//!
//! For each document of the folder (or the one named), prints each sentence with the entities
//! mentioned in it (`[type] name «as written»`) and the stated links whose evidence it is.
//! With WORD, only the sentences that contain it. A tool for checking the rules against a text.

use std::path::PathBuf;

use linkchart::model::{DocIdx, LinkKind};

fn main() -> anyhow::Result<()> {
    let mut args = std::env::args().skip(1);
    let dir: PathBuf = args
        .next()
        .map(PathBuf::from)
        .ok_or_else(|| anyhow::anyhow!("usage: mentions DIR [DOC_ID] [WORD]"))?;
    let only = args.next();
    let word = args.next();
    let corpus = linkchart::corpus::read_folder(&dir)?;
    let model = linkchart::extract::extract(corpus.documents);
    for (d, doc) in model.documents.iter().enumerate() {
        if only.as_deref().is_some_and(|o| o != doc.id) {
            continue;
        }
        println!(
            "=== {} (outlet {:?}, date {:?})",
            doc.id, doc.outlet, doc.date
        );
        for (s, _) in doc.sentences.iter().enumerate() {
            let text = doc.sentence(s as u32);
            if word.as_deref().is_some_and(|w| !text.contains(w)) {
                continue;
            }
            println!("[{s}] {}", text.replace('\n', " "));
            for e in &model.entities {
                for m in &e.mentions {
                    if m.doc == DocIdx(d as u32) && m.sentence == s as u32 {
                        let written = doc.text.get(m.span.range()).unwrap_or("");
                        println!(
                            "    [{:?}] {} «{written}» {:?}",
                            e.kind, e.name, e.countries
                        );
                    }
                }
            }
            for l in &model.links {
                if l.kind == LinkKind::CoMention {
                    continue;
                }
                if l.evidence
                    .iter()
                    .any(|ev| ev.doc == DocIdx(d as u32) && ev.sentence == s as u32)
                {
                    let name = |id: linkchart::model::EntityId| {
                        model.entity(id).map_or("?", |e| e.name.as_str())
                    };
                    println!("    -> {} [{}] {}", name(l.from), l.label, name(l.to));
                }
            }
        }
    }
    Ok(())
}
