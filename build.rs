//! Compiles the bundled corpus (`seeds/*.txt`, `seeds/*.md`) into the binary.

use std::{env, fs, path::Path};

fn main() {
    let seeds = Path::new("seeds");
    println!("cargo:rerun-if-changed=seeds");
    let mut files: Vec<String> = fs::read_dir(seeds)
        .map(|rd| {
            rd.filter_map(Result::ok)
                .map(|e| e.file_name().to_string_lossy().into_owned())
                .filter(|n| n.ends_with(".txt") || n.ends_with(".md"))
                .collect()
        })
        .unwrap_or_default();
    files.sort();
    let manifest = env::var("CARGO_MANIFEST_DIR").expect("cargo sets CARGO_MANIFEST_DIR");
    let mut out = String::from("pub const SEEDS: &[(&str, &str)] = &[\n");
    for f in &files {
        println!("cargo:rerun-if-changed=seeds/{f}");
        let path = Path::new(&manifest).join("seeds").join(f);
        out.push_str(&format!(
            "    ({f:?}, include_str!({:?})),\n",
            path.display().to_string()
        ));
    }
    out.push_str("];\n");
    let dest =
        Path::new(&env::var("OUT_DIR").expect("cargo sets OUT_DIR")).join("bundled_seeds.rs");
    fs::write(dest, out).expect("write bundled_seeds.rs");
}
