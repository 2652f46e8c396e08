//! A simulated power cut: only what was synced survives, and every
//! acknowledged change is still there.
//!
//! A child process (this test binary again) adds, undoes and redoes
//! gestures that grow the file, printing an acknowledgement after each.
//! strace records every open, write, truncate, sync and unlink it makes,
//! with the bytes written. Replaying that record gives, after each sync,
//! what a disk that loses everything unsynced would hold: each file's
//! contents as of its last fsync, and only the names (a new journal, a
//! removed one) as of the folder's last fsync. Each such disk is rebuilt in
//! a fresh folder and opened: it must hold the last acknowledged state, or
//! the one the change in flight was making. With synchronous=FULL this
//! fails: the journal's removal is not synced, comes back after the cut
//! and rolls an acknowledged change back.

use std::collections::BTreeMap;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::Command;

use tiermap_model::{Edit, Element, ElementKind};
use tiermap_store::DocumentFile;

const CHILD_DOCUMENT: &str = "TIERMAP_POWER_CUT_DOCUMENT";

/// What the child does, in order.
#[derive(Clone, Copy)]
enum Step {
    Add(usize),
    Undo,
    Redo,
}

const STEPS: [Step; 8] = [
    Step::Add(0),
    Step::Add(1),
    Step::Add(2),
    Step::Undo,
    Step::Redo,
    Step::Add(3),
    Step::Undo,
    Step::Add(4),
];

fn gesture(n: usize) -> Vec<Edit> {
    (0..4)
        .map(|j| {
            let mut element = Element::new(ElementKind::Product, format!("g{n}-{j}"));
            element.description = "Pages and pages of description. ".repeat(20);
            Edit::PutElement(element)
        })
        .collect()
}

/// The child: the steps, each acknowledged on stdout once it returned.
#[test]
#[ignore = "the child process of acknowledged_changes_survive_a_power_cut"]
fn power_cut_child() {
    let Some(path) = std::env::var_os(CHILD_DOCUMENT) else {
        return;
    };
    let mut file = DocumentFile::open(&path).expect("open");
    let mut out = std::io::stdout().lock();
    for (i, step) in STEPS.iter().enumerate() {
        match step {
            Step::Add(n) => drop(file.apply(&format!("g{n}"), &gesture(*n)).expect("apply")),
            Step::Undo => drop(file.undo().expect("undo")),
            Step::Redo => drop(file.redo().expect("redo")),
        }
        writeln!(out, "ACK {i}").expect("stdout");
        out.flush().expect("stdout");
    }
}

/// The gestures present after each step (index 0: before the first).
fn expected_states() -> Vec<Vec<usize>> {
    let (mut done, mut undone): (Vec<usize>, Vec<usize>) = (Vec::new(), Vec::new());
    let mut states = vec![Vec::new()];
    for step in STEPS {
        match step {
            Step::Add(n) => {
                done.push(n);
                undone.clear();
            }
            Step::Undo => undone.push(done.pop().unwrap()),
            Step::Redo => done.push(undone.pop().unwrap()),
        }
        let mut state = done.clone();
        state.sort();
        states.push(state);
    }
    states
}

/// The gestures a document holds, from its element names.
fn gestures_in(path: &Path) -> Vec<usize> {
    let file = DocumentFile::open(path)
        .unwrap_or_else(|e| panic!("the document opens after the cut: {e}"));
    let mut names: Vec<usize> = file
        .doc()
        .elements()
        .map(|e| e.name[1..e.name.find('-').unwrap()].parse().unwrap())
        .collect();
    names.sort();
    names.dedup();
    names
}

/// `"\x41\x42"` and `<\x41>` in strace's `-xx` output to bytes.
fn unhex(text: &str) -> Vec<u8> {
    text.split("\\x")
        .skip(1)
        .map(|h| u8::from_str_radix(&h[..2], 16).unwrap())
        .collect()
}

/// One argument: a file descriptor with its path (`5<...>`), a string, or a word.
enum Arg {
    Fd(i64, PathBuf),
    Bytes(Vec<u8>),
    Word(String),
}

fn arg(text: &str) -> Arg {
    if let Some(quoted) = text.strip_prefix('"') {
        Arg::Bytes(unhex(quoted))
    } else if let Some(open) = text.find('<') {
        let fd = text[..open].parse().unwrap_or(-100);
        Arg::Fd(
            fd,
            PathBuf::from(String::from_utf8(unhex(&text[open..])).unwrap()),
        )
    } else {
        Arg::Word(text.to_owned())
    }
}

/// A disk that keeps only what was synced.
#[derive(Default)]
struct Disk {
    /// Per inode: contents as written, contents as last synced.
    inodes: Vec<(Vec<u8>, Vec<u8>)>,
    names: BTreeMap<PathBuf, usize>,
    synced_names: BTreeMap<PathBuf, usize>,
    open: BTreeMap<i64, usize>,
    folder: PathBuf,
}

impl Disk {
    fn inode_of(&self, fd: i64) -> Option<usize> {
        self.open.get(&fd).copied()
    }

    /// Applies one traced call; true when it changed what survives a cut.
    fn replay(&mut self, name: &str, args: &[Arg], ret: &str) -> bool {
        let fd = match args.first() {
            Some(Arg::Fd(fd, _)) => *fd,
            _ => -1,
        };
        match (name, args) {
            ("openat", [_, Arg::Bytes(_), Arg::Word(flags), ..]) => {
                let Arg::Fd(new_fd, path) = arg(ret) else {
                    return false;
                };
                if path == self.folder {
                    self.open.insert(new_fd, usize::MAX);
                } else if path.parent() == Some(&self.folder) {
                    let inode = match self.names.get(&path) {
                        Some(inode) => *inode,
                        None => {
                            assert!(
                                flags.contains("O_CREAT"),
                                "{path:?} opened without existing"
                            );
                            self.inodes.push(Default::default());
                            self.names.insert(path, self.inodes.len() - 1);
                            self.inodes.len() - 1
                        }
                    };
                    if flags.contains("O_TRUNC") {
                        self.inodes[inode].0.clear();
                    }
                    self.open.insert(new_fd, inode);
                }
                false
            }
            ("close", _) => {
                self.open.remove(&fd);
                false
            }
            ("pwrite64", [_, Arg::Bytes(data), _, Arg::Word(offset)]) => {
                if let Some(inode) = self.inode_of(fd).filter(|i| *i != usize::MAX) {
                    let written: usize = ret.parse().unwrap();
                    let offset: usize = offset.parse().unwrap();
                    let contents = &mut self.inodes[inode].0;
                    if contents.len() < offset + written {
                        contents.resize(offset + written, 0);
                    }
                    contents[offset..offset + written].copy_from_slice(&data[..written]);
                }
                false
            }
            ("write", _) => {
                assert!(
                    self.inode_of(fd).is_none(),
                    "the document is written with pwrite64 only"
                );
                false
            }
            ("ftruncate", [_, Arg::Word(length)]) => {
                if let Some(inode) = self.inode_of(fd) {
                    self.inodes[inode].0.resize(length.parse().unwrap(), 0);
                }
                false
            }
            ("fsync" | "fdatasync", _) => match self.inode_of(fd) {
                Some(usize::MAX) => {
                    self.synced_names = self.names.clone();
                    true
                }
                Some(inode) => {
                    self.inodes[inode].1 = self.inodes[inode].0.clone();
                    true
                }
                None => false,
            },
            ("unlink", [Arg::Bytes(path)]) | ("unlinkat", [_, Arg::Bytes(path), ..]) => {
                if ret == "0" {
                    self.names
                        .remove(Path::new(&String::from_utf8(path.clone()).unwrap()));
                }
                false
            }
            _ => false,
        }
    }

    /// What a power cut now leaves, written into `folder`.
    fn rebuild(&self, folder: &Path) {
        for (path, inode) in &self.synced_names {
            std::fs::write(
                folder.join(path.file_name().unwrap()),
                &self.inodes[*inode].1,
            )
            .unwrap();
        }
    }
}

#[test]
fn acknowledged_changes_survive_a_power_cut() {
    let dir = tempfile::tempdir().unwrap();
    let folder = dir.path().join("disk");
    std::fs::create_dir(&folder).unwrap();
    let path = folder.join("doc.tiermap");
    drop(DocumentFile::create(&path).unwrap());
    let initial = std::fs::read(&path).unwrap();
    let log = dir.path().join("trace");
    let status = Command::new("strace")
        .args([
            "-f",
            "-qq",
            "-y",
            "-xx",
            "-s",
            "70000",
            "-e",
            "trace=openat,close,pwrite64,write,ftruncate,fsync,fdatasync,unlink,unlinkat",
            "-o",
        ])
        .arg(&log)
        .arg(std::env::current_exe().unwrap())
        .args([
            "--ignored",
            "--exact",
            "power_cut_child",
            "--nocapture",
            "--test-threads=1",
        ])
        .env(CHILD_DOCUMENT, &path)
        .stdout(std::process::Stdio::null())
        .status()
        .unwrap_or_else(|e| {
            panic!("strace is needed for this test (scripts/install-system-deps.sh --test): {e}")
        });
    assert!(status.success(), "the child ran through");

    let mut disk = Disk {
        folder: folder.clone(),
        ..Default::default()
    };
    // The document as it was before the child: already on the disk.
    disk.inodes.push((initial.clone(), initial));
    disk.names.insert(path.clone(), 0);
    disk.synced_names = disk.names.clone();

    let states = expected_states();
    let mut acknowledged = 0;
    let mut cuts = 0;
    for line in std::fs::read_to_string(&log).unwrap().lines() {
        let line = line
            .trim_start_matches(|c: char| c.is_ascii_digit())
            .trim_start();
        assert!(
            !line.contains("unfinished"),
            "one thread at a time writes: {line}"
        );
        let (Some(open), Some(close)) = (line.find('('), line.rfind(") = ")) else {
            continue;
        };
        let name = &line[..open];
        let args: Vec<Arg> = line[open + 1..close].split(", ").map(arg).collect();
        let ret = line[close + 4..].split(' ').next().unwrap();
        if name == "write" && matches!(args.get(1), Some(Arg::Bytes(b)) if b.starts_with(b"ACK ")) {
            acknowledged += 1;
        }
        if disk.replay(name, &args, ret) {
            cuts += 1;
            let after_cut = dir.path().join(format!("cut-{cuts}"));
            std::fs::create_dir(&after_cut).unwrap();
            disk.rebuild(&after_cut);
            let found = gestures_in(&after_cut.join("doc.tiermap"));
            let (last, in_flight) = (&states[acknowledged], states.get(acknowledged + 1));
            assert!(
                &found == last || Some(&found) == in_flight,
                "cut {cuts} after {acknowledged} acknowledged steps: the disk holds gestures {found:?}, expected {last:?} (or {in_flight:?})"
            );
            std::fs::remove_dir_all(&after_cut).unwrap();
        }
    }
    assert_eq!(
        acknowledged,
        STEPS.len(),
        "every step was acknowledged in the trace"
    );
    assert!(cuts > 3 * STEPS.len(), "a cut after every sync ({cuts})");
}
