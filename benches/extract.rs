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
        docs.push(document_from_text(
            &format!("d{i}"),
            &format!("d{i}.txt"),
            t.clone(),
        ));
        i += 1;
    }
    docs
}

/// CPU seconds this process has used (user + system), from `/proc/self/stat` (Linux); the
/// machine this runs on is shared, so CPU time is the fairer figure for one core.
fn cpu_seconds() -> Option<f64> {
    let stat = std::fs::read_to_string("/proc/self/stat").ok()?;
    let rest = stat.rsplit_once(')')?.1;
    let f: Vec<&str> = rest.split_whitespace().collect();
    let utime: f64 = f.get(11)?.parse().ok()?;
    let stime: f64 = f.get(12)?.parse().ok()?;
    Some((utime + stime) / 100.0)
}

fn bench(c: &mut Criterion) {
    let docs = corpus();
    let bytes: usize = docs.iter().map(|d| d.text.len()).sum();
    let words: usize = docs.iter().map(|d| d.text.split_whitespace().count()).sum();
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(1)
        .build()
        .expect("pool");
    // One timed run for a words-per-second line (criterion reports bytes per second).
    let input = docs.clone();
    let cpu0 = cpu_seconds();
    let t = std::time::Instant::now();
    let m = pool.install(|| extract(input));
    let secs = t.elapsed().as_secs_f64();
    let cpu = cpu_seconds().zip(cpu0).map(|(b, a)| b - a);
    println!(
        "extract, one thread: {} documents, {:.1} MB, {} words, {} entities; wall {:.2} s: {:.1} MB/s, {:.2} M words/s",
        docs.len(),
        bytes as f64 / 1e6,
        words,
        m.entities.len(),
        secs,
        bytes as f64 / 1e6 / secs,
        words as f64 / 1e6 / secs
    );
    if let Some(cpu) = cpu.filter(|c| *c > 0.0) {
        println!(
            "extract, one thread: CPU {:.2} s: {:.1} MB/s, {:.2} M words/s",
            cpu,
            bytes as f64 / 1e6 / cpu,
            words as f64 / 1e6 / cpu
        );
    }
    let mut g = c.benchmark_group("extract");
    g.sample_size(10);
    g.throughput(Throughput::Bytes(bytes as u64));
    g.bench_function("seeds x10MB, 1 thread", |b| {
        b.iter_batched(
            || docs.clone(),
            |d| pool.install(|| extract(d)),
            criterion::BatchSize::LargeInput,
        )
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
