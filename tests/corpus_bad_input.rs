//! Bad input is skipped and named, never fatal; the valid documents of the folder are still read.

use std::fs;
use std::path::Path;

use linkchart::corpus::{CorpusError, read_folder};

fn write(dir: &Path, name: &str, bytes: &[u8]) {
    let path = dir.join(name);
    if let Some(parent) = path.parent() {
        fs::create_dir_all(parent).unwrap();
    }
    fs::write(path, bytes).unwrap();
}

const GOOD: &str = "Ships seized in the strait\n\nDUBAI (Reuters) - Iran seized two tankers on Friday, officials said.\n";

#[test]
fn bad_files_are_skipped_and_named_and_good_ones_still_read() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "a_good.txt", GOOD.as_bytes());
    write(dir.path(), "b_empty.txt", b"");
    write(dir.path(), "c_blank.txt", b"   \n\n  ");
    write(
        dir.path(),
        "d_binary.txt",
        b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\x01\0",
    );
    write(
        dir.path(),
        "e_latin1.txt",
        b"Caf\xe9 owner Jos\xe9 Garc\xeda met the mayor of M\xe1laga.\n",
    );
    #[cfg(unix)]
    std::os::unix::fs::symlink(
        "/nonexistent/linkchart-test",
        dir.path().join("f_unreadable.txt"),
    )
    .unwrap();
    write(dir.path(), "notes.pdf", b"%PDF-1.4 not read at all");

    let corpus = read_folder(dir.path()).unwrap();
    let ids: Vec<&str> = corpus.documents.iter().map(|d| d.id.as_str()).collect();
    assert_eq!(ids, ["a_good", "e_latin1"]);
    assert!(
        corpus.documents[1].text.contains("José García"),
        "Windows-1252 decoded, not dropped"
    );

    let skipped: Vec<(String, &str)> = corpus
        .skipped
        .iter()
        .map(|s| {
            (
                s.path.file_name().unwrap().to_string_lossy().into_owned(),
                s.reason.as_str(),
            )
        })
        .collect();
    let reason = |name: &str| skipped.iter().find(|(n, _)| n == name).map(|(_, r)| *r);
    assert_eq!(reason("b_empty.txt"), Some("empty file"));
    assert_eq!(reason("c_blank.txt"), Some("empty file"));
    assert!(reason("d_binary.txt").unwrap().contains("binary"));
    #[cfg(unix)]
    assert!(
        reason("f_unreadable.txt")
            .unwrap()
            .starts_with("cannot read")
    );
    assert_eq!(
        reason("notes.pdf"),
        None,
        "other extensions are not documents"
    );
}

#[test]
fn folders_are_read_recursively_in_a_stable_order_with_unique_ids() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "b.txt", GOOD.as_bytes());
    write(dir.path(), "2021/a.md", GOOD.as_bytes());
    write(dir.path(), "2020/z.TXT", GOOD.as_bytes());
    write(dir.path(), ".hidden/x.txt", GOOD.as_bytes());
    let ids: Vec<String> = read_folder(dir.path())
        .unwrap()
        .documents
        .into_iter()
        .map(|d| d.id)
        .collect();
    assert_eq!(ids, ["2020/z", "2021/a", "b"]);
}

#[test]
fn a_folder_with_nothing_readable_is_an_error_that_names_it() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "empty.txt", b"");
    let err = read_folder(dir.path()).unwrap_err();
    assert!(matches!(err, CorpusError::Empty { .. }));
    let msg = err.to_string();
    assert!(
        msg.contains("no readable") && msg.contains("empty.txt: empty file"),
        "{msg}"
    );
    assert!(matches!(
        read_folder(&dir.path().join("missing")),
        Err(CorpusError::Folder { .. })
    ));
}

#[test]
fn a_very_large_file_is_read_not_refused() {
    let dir = tempfile::tempdir().unwrap();
    let paragraph =
        "The ministry said the convoy reached Kabul on Monday. Officials in Herat denied it.\n\n";
    let big = paragraph.repeat(50 * 1024 * 1024 / paragraph.len());
    write(dir.path(), "big.txt", big.as_bytes());
    let corpus = read_folder(dir.path()).unwrap();
    assert_eq!(corpus.documents.len(), 1);
    assert!(corpus.documents[0].text.len() >= 49 * 1024 * 1024);
    assert!(corpus.documents[0].sentences.len() > 1_000_000);
}
