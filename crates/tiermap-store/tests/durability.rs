//! An acknowledged edit is on disk: a child process applies edits in a loop
//! and reports each acknowledgement; it is killed with SIGKILL at varying
//! moments, 50 times. Every reopen must pass SQLite's integrity check and
//! hold every acknowledged edit.

use std::collections::BTreeMap;
use std::io::{BufRead, BufReader, Write};
use std::process::{Command, Stdio};
use std::time::Duration;

use tiermap_model::{Edit, Element, ElementId, ElementKind};
use tiermap_store::DocumentFile;

/// Set for the child: the document to write.
const CHILD_DOCUMENT: &str = "TIERMAP_DURABILITY_DOCUMENT";

/// The child's loop. Not a test of its own: it is ignored unless started by
/// the test below, which runs this binary again with `--ignored --exact`.
#[test]
#[ignore = "the child process of every_acknowledged_edit_survives_sigkill"]
fn durability_child() {
    let Some(path) = std::env::var_os(CHILD_DOCUMENT) else {
        return;
    };
    let mut file = DocumentFile::open(&path).expect("the child opens the document");
    let mut versions: Vec<(Element, u64)> = file
        .doc()
        .elements()
        .map(|e| (e.clone(), version_of(&e.name)))
        .collect();
    let mut out = std::io::stdout().lock();
    for step in 0u64.. {
        // Mostly new elements, sometimes renames: both inserts and updates must survive.
        let (element, version) = if step % 3 == 0 || versions.is_empty() {
            (Element::new(ElementKind::Product, "v0"), 0)
        } else {
            let index = (step as usize * 7) % versions.len();
            let (element, version) = &versions[index];
            (
                Element {
                    name: format!("v{}", version + 1),
                    ..element.clone()
                },
                version + 1,
            )
        };
        file.apply("durability", &[Edit::PutElement(element.clone())])
            .expect("apply");
        // Acknowledged only now, after apply returned.
        writeln!(out, "ACK {} {version}", element.id).expect("stdout");
        out.flush().expect("stdout");
        match versions.iter_mut().find(|(e, _)| e.id == element.id) {
            Some(slot) => *slot = (element, version),
            None => versions.push((element, version)),
        }
    }
}

fn version_of(name: &str) -> u64 {
    name.trim_start_matches('v').parse().unwrap_or(0)
}

#[test]
fn every_acknowledged_edit_survives_sigkill() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("durable.tiermap");
    drop(DocumentFile::create(&path).unwrap());
    let mut acknowledged: BTreeMap<ElementId, u64> = BTreeMap::new();
    let mut seed: u64 = 0x9E37_79B9_7F4A_7C15;
    let mut total_acks = 0;
    for round in 0..50 {
        seed = seed
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        let delay = Duration::from_millis(15 + (seed >> 33) % 90);
        let mut child = Command::new(std::env::current_exe().unwrap())
            .args([
                "--ignored",
                "--exact",
                "durability_child",
                "--nocapture",
                "--test-threads=1",
            ])
            .env(CHILD_DOCUMENT, &path)
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        let stdout = child.stdout.take().unwrap();
        let reader = std::thread::spawn(move || {
            BufReader::new(stdout)
                .lines()
                .map_while(Result::ok)
                .filter(|l| l.starts_with("ACK "))
                .collect::<Vec<_>>()
        });
        std::thread::sleep(delay);
        child.kill().unwrap(); // SIGKILL
        child.wait().unwrap();
        let lines = reader.join().unwrap();
        total_acks += lines.len();
        for line in lines {
            let mut parts = line.split_whitespace().skip(1);
            let id: ElementId = parts.next().unwrap().parse().unwrap();
            let version: u64 = parts.next().unwrap().parse().unwrap();
            acknowledged.insert(id, version);
        }

        let conn = rusqlite::Connection::open(&path).unwrap();
        let check: String = conn
            .query_row("PRAGMA integrity_check", [], |r| r.get(0))
            .unwrap();
        assert_eq!(check, "ok", "round {round}: integrity check");
        drop(conn);
        // A writer can open it again: the killed child's lock died with it.
        let file = DocumentFile::open(&path).unwrap_or_else(|e| panic!("round {round}: {e}"));
        for (id, version) in &acknowledged {
            let element = file
                .doc()
                .element(*id)
                .unwrap_or_else(|| panic!("round {round}: acknowledged element {id} is missing"));
            // The file may hold one more edit than was acknowledged (killed between commit and print), never fewer.
            assert!(
                version_of(&element.name) >= *version,
                "round {round}: {id} lost its acknowledged rename"
            );
        }
    }
    eprintln!("acks: {total_acks}, elements: {}", acknowledged.len());
    assert!(
        total_acks >= 50,
        "the children acknowledged edits ({total_acks})"
    );
}
