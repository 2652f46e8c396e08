//! A document with a damaged page: `import --into` refuses to write into it
//! (exit 2, not a byte changed; before, it wrote with exit 0), readers say
//! how to rescue it, and `tiermap rescue` copies what can be read.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use tiermap_store::{DocumentFile, Integrity, StoreError};

fn tiermap(args: &[&dyn AsRef<std::ffi::OsStr>]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_tiermap"))
        .args(args)
        .output()
        .expect("run tiermap")
}

/// Copies of the sample with one page overwritten, until `wanted` accepts one.
fn damaged_sample(dir: &Path, wanted: impl Fn(&Path) -> bool) -> PathBuf {
    let sample = dir.join("sample.tiermap");
    assert!(tiermap(&[&"sample", &sample]).status.success());
    let bytes = std::fs::read(&sample).unwrap();
    for page in 1..bytes.len() / 4096 {
        let path = dir.join(format!("damaged-{page}.tiermap"));
        let mut damaged = bytes.clone();
        damaged[page * 4096..(page + 1) * 4096].fill(0x5A);
        std::fs::write(&path, &damaged).unwrap();
        if wanted(&path) {
            return path;
        }
    }
    panic!("no page of the sample gives that kind of damage");
}

#[test]
fn import_into_a_document_that_fails_its_check_is_refused_and_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let path = damaged_sample(dir.path(), |p| {
        DocumentFile::open(p).is_ok()
            && matches!(tiermap_store::check_file(p), Ok(Integrity::Damaged(_)))
    });
    let csv = dir.path().join("more.csv");
    std::fs::write(&csv, "id,name,kind\nN1,New product,product\n").unwrap();
    let before = std::fs::read(&path).unwrap();
    let out = tiermap(&[&"import", &csv, &"--into", &path]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert!(
        stderr.contains("integrity check") && stderr.contains("tiermap rescue"),
        "{stderr}"
    );
    assert_eq!(
        std::fs::read(&path).unwrap(),
        before,
        "not a byte was written"
    );
    assert!(!Path::new(&format!("{}-journal", path.display())).exists());
}

#[test]
fn rescue_copies_what_can_be_read_of_a_document_that_cannot_be_opened() {
    let dir = tempfile::tempdir().unwrap();
    let path = damaged_sample(dir.path(), |p| {
        matches!(DocumentFile::open(p), Err(StoreError::Corrupt { .. }))
    });
    let before = std::fs::read(&path).unwrap();
    let out = tiermap(&[&"stats", &path]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("tiermap rescue"));

    let rescued = dir.path().join("rescued.tiermap");
    let out = tiermap(&[&"rescue", &path, &"-o", &rescued]);
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        matches!(out.status.code(), Some(0 | 1)),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(
        stdout.contains("Rescued") && stdout.contains("rescued.tiermap"),
        "{stdout}"
    );
    assert!(tiermap(&[&"stats", &rescued]).status.success());
    assert_eq!(
        tiermap_store::check_file(&rescued).unwrap(),
        Integrity::Sound
    );
    assert_eq!(std::fs::read(&path).unwrap(), before);
    // Never over an existing file.
    let out = tiermap(&[&"rescue", &path, &"-o", &rescued]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("already exists"));
}
