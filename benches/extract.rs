//! Extraction throughput on one core: the seeds repeated to ~10 MB.
//!
//! `cargo bench --bench extract` prints time per iteration; criterion's throughput line gives
//! MB/s, and the words/s figure is printed once at the start.

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use linkchart::corpus::document_from_text;
use linkchart::extract::extract;
use linkchart::model::Document;

fn corpus() -> Vec<Document> {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/seeds");
    let mut texts: Vec<String> = std::fs::read_dir(dir)
        .expect("seeds folder")
        .filter_map(|e| e.ok())
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .map(|p| std::fs::read_to_string(p).expect("seed"))
        .collect();
    texts.sort();
    let mut docs = Vec::new();
    let mut bytes = 0;
    let mut i = 0;
    while bytes < 10_000_000 {
        let t = &texts[i % texts.len()];
        bytes += t.len();
        docs.push(document_from_text(&format!("d{i}"), &format!("d{i}.txt"), t.clone()));
        i += 1;
    }
    docs
}

fn bench(c: &mut Criterion) {
    let docs = corpus();
    let bytes: usize = docs.iter().map(|d| d.text.len()).sum();
    let words: usize = docs.iter().map(|d| d.text.split_whitespace().count()).sum();
    let pool = rayon::ThreadPoolBuilder::new().num_threads(1).build().expect("pool");
    // One timed run for a words-per-second line (criterion reports bytes per second).
    let t = std::time::Instant::now();
    let m = pool.install(|| extract(docs.clone()));
    let secs = t.elapsed().as_secs_f64();
    println!(
        "extract, one core: {} documents, {:.1} MB, {} words, {} entities: {:.1} MB/s, {:.2} M words/s",
        docs.len(),
        bytes as f64 / 1e6,
        words,
        m.entities.len(),
        bytes as f64 / 1e6 / secs,
        words as f64 / 1e6 / secs
    );
    let mut g = c.benchmark_group("extract");
    g.sample_size(10);
    g.throughput(Throughput::Bytes(bytes as u64));
    g.bench_function("seeds x10MB, 1 thread", |b| {
        b.iter_batched(|| docs.clone(), |d| pool.install(|| extract(d)), criterion::BatchSize::LargeInput)
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
