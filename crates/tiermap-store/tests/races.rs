//! Creating and Save As never remove or replace a file someone else made:
//! of many threads racing for one name, exactly one wins, the others get
//! "already exists", and the winner's document is whole.

use std::path::Path;
use std::sync::{Arc, Barrier};

use tiermap_model::{Edit, Element, ElementKind};
use tiermap_store::{DocumentFile, StoreError};

const RACERS: usize = 8;
const ROUNDS: usize = 40;

fn named(name: &str) -> Vec<Edit> {
    vec![Edit::PutElement(Element::new(ElementKind::Product, name))]
}

fn names_in(path: &Path) -> Vec<String> {
    let file = DocumentFile::open_read_only(path)
        .unwrap_or_else(|e| panic!("the winner's document opens: {e}"));
    file.doc().elements().map(|e| e.name.clone()).collect()
}

/// Runs `racer(i)` on RACERS threads released together; returns their results.
fn race<T: Send + 'static>(racer: impl Fn(usize) -> T + Send + Sync + 'static) -> Vec<T> {
    let barrier = Arc::new(Barrier::new(RACERS));
    let racer = Arc::new(racer);
    let threads: Vec<_> = (0..RACERS)
        .map(|i| {
            let (barrier, racer) = (barrier.clone(), racer.clone());
            std::thread::spawn(move || {
                barrier.wait();
                racer(i)
            })
        })
        .collect();
    threads.into_iter().map(|t| t.join().unwrap()).collect()
}

#[test]
fn of_many_creators_of_one_file_exactly_one_wins_and_its_document_stays() {
    let dir = tempfile::tempdir().unwrap();
    for round in 0..ROUNDS {
        let path = dir.path().join(format!("new-{round}.tiermap"));
        let target = path.clone();
        let results = race(move |i| {
            DocumentFile::create_with(&target, &named(&format!("Creator {i}"))).map(drop)
        });
        let winners: Vec<usize> = results
            .iter()
            .enumerate()
            .filter(|(_, r)| r.is_ok())
            .map(|(i, _)| i)
            .collect();
        assert_eq!(
            winners.len(),
            1,
            "round {round}: one creator wins: {results:?}"
        );
        for result in &results {
            if let Err(error) = result {
                assert!(
                    matches!(error, StoreError::AlreadyExists { .. }),
                    "round {round}: {error:?}"
                );
                assert!(error.to_string().contains("already exists"), "{error}");
            }
        }
        assert_eq!(
            names_in(&path),
            [format!("Creator {}", winners[0])],
            "round {round}: the winner's document is whole"
        );
    }
    let left: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(
        left.len(),
        ROUNDS,
        "nothing but the documents is left: {left:?}"
    );
}

#[test]
fn of_many_save_as_to_one_new_name_exactly_one_wins_and_nothing_else_is_left() {
    let dir = tempfile::tempdir().unwrap();
    let sources: Vec<_> = (0..RACERS)
        .map(|i| {
            let path = dir.path().join(format!("source-{i}.tiermap"));
            drop(DocumentFile::create_with(&path, &named(&format!("Source {i}"))).unwrap());
            path
        })
        .collect();
    let sources = Arc::new(sources);
    for round in 0..ROUNDS {
        let dest = dir.path().join(format!("copy-{round}.tiermap"));
        let (target, sources) = (dest.clone(), sources.clone());
        let results = race(move |i| {
            DocumentFile::open_read_only(&sources[i])
                .unwrap()
                .save_as(&target)
        });
        let winners: Vec<usize> = results
            .iter()
            .enumerate()
            .filter(|(_, r)| r.is_ok())
            .map(|(i, _)| i)
            .collect();
        assert_eq!(
            winners.len(),
            1,
            "round {round}: one Save As wins: {results:?}"
        );
        for error in results.iter().filter_map(|r| r.as_ref().err()) {
            assert!(
                matches!(error, StoreError::AlreadyExists { .. }),
                "round {round}: {error:?}"
            );
        }
        assert_eq!(
            names_in(&dest),
            [format!("Source {}", winners[0])],
            "round {round}"
        );
    }
    let left = std::fs::read_dir(dir.path()).unwrap().count();
    assert_eq!(left, RACERS + ROUNDS, "no temporary file is left behind");
}

#[test]
fn save_as_never_replaces_a_file_that_appears_while_it_copies() {
    // A creator and a Save As race for one name: whichever wins, the other
    // fails and the winner's file is whole.
    let dir = tempfile::tempdir().unwrap();
    let source = dir.path().join("source.tiermap");
    drop(DocumentFile::create_with(&source, &named("Saved")).unwrap());
    for round in 0..ROUNDS {
        let dest = dir.path().join(format!("contested-{round}.tiermap"));
        let (target, from) = (dest.clone(), source.clone());
        let results = race(move |i| {
            if i % 2 == 0 {
                DocumentFile::create_with(&target, &named("Created")).map(|_| "Created")
            } else {
                DocumentFile::open_read_only(&from)
                    .unwrap()
                    .save_as(&target)
                    .map(|()| "Saved")
            }
        });
        let winners: Vec<&str> = results
            .iter()
            .filter_map(|r| r.as_ref().ok().copied())
            .collect();
        assert_eq!(winners.len(), 1, "round {round}: {results:?}");
        assert_eq!(names_in(&dest), [winners[0]], "round {round}");
    }
}

#[test]
fn a_copy_replaces_an_existing_document_only_when_asked_and_no_one_writes_it() {
    let dir = tempfile::tempdir().unwrap();
    let source = dir.path().join("source.tiermap");
    let dest = dir.path().join("dest.tiermap");
    drop(DocumentFile::create_with(&source, &named("New")).unwrap());
    drop(DocumentFile::create_with(&dest, &named("Old")).unwrap());
    let copy = DocumentFile::open_read_only(&source).unwrap();
    assert!(matches!(
        copy.save_as(&dest),
        Err(StoreError::AlreadyExists { .. })
    ));
    let writer = DocumentFile::open(&dest).unwrap();
    let error = copy.replace_with_copy(&dest).unwrap_err();
    assert!(matches!(error, StoreError::Locked { .. }), "{error:?}");
    drop(writer);
    assert_eq!(names_in(&dest), ["Old"]);
    copy.replace_with_copy(&dest).unwrap();
    assert_eq!(names_in(&dest), ["New"]);

    // Anything but a Tiermap document is never replaced.
    let notes = dir.path().join("notes.tiermap");
    std::fs::write(&notes, "keep me").unwrap();
    assert!(matches!(
        copy.replace_with_copy(&notes),
        Err(StoreError::NotSqlite { .. })
    ));
    assert_eq!(std::fs::read(&notes).unwrap(), b"keep me");
}
