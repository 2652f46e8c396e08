//! A process that dies while it makes a document leaves the hidden file it
//! was making (`.NAME.saving-PID-N`, perhaps with its journal) beside the
//! target. The next document created or opened for writing in that folder
//! removes such a file once nobody holds its lock, and never one that
//! another process is still making.

use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use tiermap_model::{Edit, Element, ElementKind};
use tiermap_store::DocumentFile;

/// Where the child process creates its document.
const CHILD_DOCUMENT: &str = "TIERMAP_LEFTOVERS_CHILD_DOCUMENT";
/// Elements of the child's document: enough that making it takes a while.
const CHILD_ELEMENTS: usize = 20_000;

fn elements(count: usize) -> Vec<Edit> {
    (0..count)
        .map(|i| {
            let mut element = Element::new(ElementKind::Product, format!("Product {i}"));
            element.description = "A description long enough to fill pages. ".repeat(4);
            Edit::PutElement(element)
        })
        .collect()
}

/// The child: creates a document of CHILD_ELEMENTS elements.
#[test]
#[ignore = "the child process of the tests in this file"]
fn leftovers_child() {
    let Some(path) = std::env::var_os(CHILD_DOCUMENT) else {
        return;
    };
    drop(DocumentFile::create_with(&path, &elements(CHILD_ELEMENTS)).expect("create"));
}

fn spawn_creator(path: &Path) -> Child {
    Command::new(std::env::current_exe().unwrap())
        .args(["--ignored", "--exact", "leftovers_child", "--nocapture"])
        .env(CHILD_DOCUMENT, path)
        .stdout(Stdio::null())
        .spawn()
        .unwrap()
}

/// The hidden files in `folder` (what is being made, and journals).
fn hidden(folder: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(folder)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with('.'))
        .collect();
    names.sort();
    names
}

/// Waits until the child's file being made exists and has pages in it.
fn file_being_made(folder: &Path, child: &mut Child) -> PathBuf {
    let start = Instant::now();
    loop {
        let found = hidden(folder)
            .into_iter()
            .find(|n| n.contains(".saving-") && !n.ends_with("-journal"))
            .map(|n| folder.join(n));
        if let Some(path) = found
            && std::fs::metadata(&path).is_ok_and(|m| m.len() > 0)
        {
            return path;
        }
        assert!(
            child.try_wait().unwrap().is_none(),
            "the child finished before its file was seen"
        );
        assert!(
            start.elapsed() < Duration::from_secs(60),
            "no file being made appeared"
        );
        std::thread::sleep(Duration::from_millis(2));
    }
}

#[test]
fn what_a_killed_creator_left_is_removed_when_the_next_document_is_created_there() {
    let dir = tempfile::tempdir().unwrap();
    let mut child = spawn_creator(&dir.path().join("big.tiermap"));
    let leftover = file_being_made(dir.path(), &mut child);
    child.kill().unwrap();
    child.wait().unwrap();
    assert!(leftover.exists(), "the killed creator left its file");
    assert!(
        !dir.path().join("big.tiermap").exists(),
        "and never gave it the name"
    );

    drop(DocumentFile::create(dir.path().join("next.tiermap")).unwrap());
    assert_eq!(
        hidden(dir.path()),
        Vec::<String>::new(),
        "the leftover and its journal are gone"
    );
}

#[test]
fn a_document_another_process_is_still_making_is_left_alone() {
    let dir = tempfile::tempdir().unwrap();
    let target = dir.path().join("big.tiermap");
    let mut child = spawn_creator(&target);
    let being_made = file_being_made(dir.path(), &mut child);

    // Opening and creating documents in the same folder meanwhile.
    drop(DocumentFile::create(dir.path().join("other.tiermap")).unwrap());
    drop(DocumentFile::open(dir.path().join("other.tiermap")).unwrap());
    if child.try_wait().unwrap().is_none() {
        assert!(being_made.exists(), "a file still being made was removed");
    }

    // Had its file been taken away, publishing it would have failed.
    let status = child.wait().unwrap();
    assert!(
        status.success(),
        "the other process made its document: {status}"
    );
    let made = DocumentFile::open_read_only(&target).unwrap();
    assert_eq!(made.doc().elements().count(), CHILD_ELEMENTS);
    assert_eq!(hidden(dir.path()), Vec::<String>::new());
}

#[test]
fn leftovers_go_only_when_nobody_holds_them_and_only_for_writers() {
    let dir = tempfile::tempdir().unwrap();
    let doc = dir.path().join("doc.tiermap");
    drop(DocumentFile::create(&doc).unwrap());
    let abandoned = dir.path().join(".old.tiermap.saving-4000000-0");
    std::fs::write(&abandoned, b"half a document").unwrap();
    std::fs::write(
        dir.path().join(".old.tiermap.saving-4000000-0-journal"),
        b"j",
    )
    .unwrap();
    std::fs::write(
        dir.path().join(".gone.tiermap.saving-4000000-1-journal"),
        b"j",
    )
    .unwrap();
    let held = dir.path().join(".held.tiermap.saving-4000000-2");
    std::fs::write(&held, b"still being made").unwrap();
    let lock = std::fs::File::open(&held).unwrap();
    lock.try_lock().unwrap();
    // Not ours: names that only look alike, and a link.
    std::fs::write(dir.path().join(".notes.saving-draft"), b"mine").unwrap();
    std::os::unix::fs::symlink(&doc, dir.path().join(".link.tiermap.saving-4000000-3")).unwrap();
    let everything = hidden(dir.path());

    drop(DocumentFile::open_read_only(&doc).unwrap());
    assert_eq!(hidden(dir.path()), everything, "a reader changes nothing");

    drop(DocumentFile::open(&doc).unwrap());
    assert_eq!(
        hidden(dir.path()),
        [
            ".held.tiermap.saving-4000000-2",
            ".link.tiermap.saving-4000000-3",
            ".notes.saving-draft",
        ],
        "the abandoned file and the journals are gone, the held file stays"
    );

    drop(lock);
    drop(DocumentFile::open(&doc).unwrap());
    assert_eq!(
        hidden(dir.path()),
        [".link.tiermap.saving-4000000-3", ".notes.saving-draft"],
        "released, it is removed too"
    );
    assert!(
        DocumentFile::open(&doc).is_ok(),
        "the document itself is untouched"
    );
}
