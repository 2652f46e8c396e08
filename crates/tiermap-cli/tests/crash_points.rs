//! A crash at any point leaves a document Tiermap opens, holding exactly a
//! state that was committed. The real `tiermap` binary runs a growing
//! `import --into` and an `undo` under strace, which kills it (SIGKILL) at
//! the n-th call of one of the calls that put bytes or names on the disk
//! (write, pwrite64, fsync, fdatasync, ftruncate, unlink), for every n
//! until the command runs through. After each kill, a reader opens the file
//! first (it must roll the cut-off change back itself), then the file must
//! pass SQLite's integrity check and hold either the state before the
//! command or the one after it; after the run that was not killed, exactly
//! the one after.
//!
//! strace rather than a kill after a delay: every crash point is reached,
//! in order, on the real binary, without a line of test code in it.

use std::os::unix::process::ExitStatusExt;
use std::path::{Path, PathBuf};
use std::process::Command;

use tiermap_model::{Edit, Element, ElementKind, GroupingModel, Map, MapId};
use tiermap_store::DocumentFile;

/// The calls at which the child is killed, each swept on its own (strace
/// counts invocations per call).
const CRASH_CALLS: &[&str] = &[
    "pwrite64",
    "write",
    "fsync",
    "fdatasync",
    "ftruncate",
    "unlink",
];

fn strace() -> &'static str {
    let found = Command::new("strace")
        .arg("-V")
        .output()
        .map(|o| o.status.success())
        .unwrap_or(false);
    assert!(
        found,
        "strace is needed for this test: scripts/install-system-deps.sh --test installs it"
    );
    "strace"
}

/// What a document holds, independent of generated ids.
fn fingerprint(path: &Path) -> Vec<String> {
    let file = DocumentFile::open_read_only(path)
        .unwrap_or_else(|e| panic!("the document opens after a crash: {e}"));
    let doc = file.doc();
    let mut lines: Vec<String> = doc
        .elements()
        .map(|e| format!("element {} {:?} {}", e.name, e.kind, e.description.len()))
        .collect();
    lines.extend(doc.maps().iter().map(|m| format!("map {}", m.name)));
    lines.push(format!(
        "{} placements, {} relations, {} groups",
        doc.placements().count(),
        doc.relations().count(),
        doc.groups().count()
    ));
    let history = file.history().unwrap_or_else(|e| panic!("history: {e}"));
    lines.extend(
        history
            .iter()
            .map(|h| format!("history {} {} {}", h.label, h.edits, h.undone)),
    );
    lines.sort();
    lines
}

fn integrity_ok(path: &Path) {
    let conn =
        rusqlite::Connection::open_with_flags(path, rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY)
            .unwrap();
    let check: String = conn
        .query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .unwrap();
    assert_eq!(check, "ok");
}

/// A sheet of `rows` products with long descriptions, so importing it adds pages.
fn sheet(dir: &Path, rows: usize) -> PathBuf {
    let mut csv = String::from("id,name,kind,description\n");
    for i in 0..rows {
        csv.push_str(&format!(
            "P{i},Product {i},product,{}\n",
            "A long description that fills pages. ".repeat(30)
        ));
    }
    let path = dir.join("products.csv");
    std::fs::write(&path, csv).unwrap();
    path
}

/// The document every run starts from.
fn base_document(path: &Path) {
    let map = Map {
        id: MapId::new(),
        name: "Products".into(),
        model: GroupingModel::Freeform,
        position: 0,
    };
    let edits = [
        Edit::PutMap(map),
        Edit::PutElement(Element::new(ElementKind::ServiceArea, "Talent")),
    ];
    drop(DocumentFile::create_with(path, &edits).unwrap());
}

/// Runs `args` on a fresh copy of `base` once per crash point and checks
/// every outcome. Returns how many crash points were tried.
fn sweep(base: &Path, work: &Path, args: &[&dyn AsRef<std::ffi::OsStr>]) -> usize {
    let before = fingerprint(base);
    let run = |inject: Option<(&str, usize)>| {
        std::fs::copy(base, work).unwrap();
        let mut command = Command::new(strace());
        command.args(["-f", "-qq", "-o", "/dev/null"]);
        if let Some((call, n)) = inject {
            command.arg(format!("--inject={call}:signal=KILL:when={n}"));
        }
        command.arg(env!("CARGO_BIN_EXE_tiermap")).args(args);
        command.output().unwrap()
    };
    let done = run(None);
    assert!(
        done.status.success(),
        "the command runs through: {}",
        String::from_utf8_lossy(&done.stderr)
    );
    let after = fingerprint(work);
    assert_ne!(before, after, "the command changes the document");

    let mut crash_points = 0;
    for call in CRASH_CALLS {
        for n in 1.. {
            let out = run(Some((call, n)));
            let killed = out.status.signal() == Some(9);
            let state = fingerprint(work);
            integrity_ok(work);
            // A journal killed before its header was written may stay (SQLite
            // ignores it and removes it at the next commit); a live one may not.
            let journal = std::fs::read(format!("{}-journal", work.display())).unwrap_or_default();
            assert!(
                journal.first().is_none_or(|b| *b == 0),
                "{call} #{n}: the journal was played back"
            );
            if killed {
                crash_points += 1;
                assert!(
                    state == before || state == after,
                    "{call} #{n}: neither the state before nor after:\n{state:#?}"
                );
            } else {
                assert!(
                    out.status.success(),
                    "{call} #{n}: {}",
                    String::from_utf8_lossy(&out.stderr)
                );
                assert_eq!(
                    state, after,
                    "{call} #{n}: the finished command's change is all there"
                );
                break;
            }
        }
    }
    crash_points
}

/// `import -o NEW` killed at every crash point: NEW is either not there or
/// the whole imported document, never a half-made file that is refused.
fn sweep_new_document(dir: &Path, csv: &Path) -> usize {
    let out = dir.join("new.tiermap");
    let run = |inject: Option<(&str, usize)>| {
        let _ = std::fs::remove_file(&out);
        let mut command = Command::new(strace());
        command.args(["-f", "-qq", "-o", "/dev/null"]);
        if let Some((call, n)) = inject {
            command.arg(format!("--inject={call}:signal=KILL:when={n}"));
        }
        command.arg(env!("CARGO_BIN_EXE_tiermap")).args([
            &"import" as &dyn AsRef<std::ffi::OsStr>,
            &csv,
            &"-o",
            &out,
        ]);
        command.output().unwrap()
    };
    assert!(run(None).status.success());
    let after = fingerprint(&out);
    let mut crash_points = 0;
    for call in CRASH_CALLS {
        for n in 1.. {
            let result = run(Some((call, n)));
            if out.exists() {
                assert_eq!(
                    fingerprint(&out),
                    after,
                    "{call} #{n}: the new document is whole"
                );
            }
            if result.status.signal() != Some(9) {
                assert!(
                    result.status.success() && out.exists(),
                    "{call} #{n}: {}",
                    String::from_utf8_lossy(&result.stderr)
                );
                break;
            }
            crash_points += 1;
        }
    }
    crash_points
}

#[test]
fn a_crash_at_any_point_of_making_a_new_document_leaves_it_whole_or_absent() {
    let dir = tempfile::tempdir().unwrap();
    let csv = sheet(dir.path(), 24);
    let points = sweep_new_document(dir.path(), &csv);
    eprintln!("crash points: new document {points}");
    assert!(points > 20, "every kind of call was reached ({points})");
}

#[test]
fn a_crash_at_any_write_sync_or_unlink_of_a_growing_import_or_an_undo_loses_nothing_committed() {
    let dir = tempfile::tempdir().unwrap();
    let base = dir.path().join("base.tiermap");
    let work = dir.path().join("work.tiermap");
    base_document(&base);
    let csv = sheet(dir.path(), 24);

    let import_points = sweep(&base, &work, &[&"import", &csv, &"--into", &work]);

    // The undo sweep starts from the imported document.
    std::fs::copy(&base, &work).unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_tiermap"))
        .args([
            &"import" as &dyn AsRef<std::ffi::OsStr>,
            &csv,
            &"--into",
            &work,
        ])
        .output()
        .unwrap();
    assert!(out.status.success());
    std::fs::rename(&work, &base).unwrap();
    let undo_points = sweep(&base, &work, &[&"undo", &work]);

    eprintln!("crash points: import {import_points}, undo {undo_points}");
    assert!(
        import_points > 20 && undo_points > 10,
        "every kind of call was reached ({import_points}, {undo_points})"
    );
}
