//! Making files without ever replacing or removing one that someone else
//! made. A new document or a copy is made whole in a file of its own beside
//! its target, created with O_EXCL (`create_new`) under a name no one else
//! uses, and then given its final name with a hard link, which refuses to
//! replace what is there: of two processes racing for one name exactly one
//! wins and the other gets [`StoreError::AlreadyExists`], and a crash never
//! leaves a half-made file under the name. Cleaning up after a failure
//! removes a path only while it still names the file this process created.
//!
//! The file being made is locked (flock) from the moment it is created
//! until it has its name, so a process that died making it leaves a file
//! nobody holds: [`remove_abandoned_beside`] takes such leftovers away when
//! a document in that folder is next created or opened for writing, and
//! never touches one whose maker is still at work.

use std::fs::File;
use std::os::unix::fs::MetadataExt;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU32, Ordering};

use crate::error::StoreError;

/// Which file a path or handle is: device and inode.
pub(crate) type Identity = (u64, u64);

pub(crate) fn identity_of(file: &File) -> Option<Identity> {
    file.metadata().ok().map(|m| (m.dev(), m.ino()))
}

pub(crate) fn identity_at(path: &Path) -> Option<Identity> {
    std::fs::symlink_metadata(path)
        .ok()
        .map(|m| (m.dev(), m.ino()))
}

/// Creates `path`, which must not exist (not even as a dangling link).
pub(crate) fn create_exclusive(path: &Path) -> Result<File, StoreError> {
    std::fs::OpenOptions::new()
        .read(true)
        .write(true)
        .create_new(true)
        .open(path)
        .map_err(|source| {
            if source.kind() == std::io::ErrorKind::AlreadyExists {
                StoreError::AlreadyExists {
                    path: path.to_owned(),
                }
            } else {
                StoreError::Io {
                    path: path.to_owned(),
                    source,
                }
            }
        })
}

/// Removes `path` if it still names `file` (this process created it);
/// leaves it alone when someone put another file there since.
pub(crate) fn remove_if_same(path: &Path, file: &File) {
    if let (Some(ours), Some(there)) = (identity_of(file), identity_at(path))
        && ours == there
    {
        let _ = std::fs::remove_file(path);
    }
}

/// The folder holding `path`.
pub(crate) fn folder_of(path: &Path) -> &Path {
    path.parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."))
}

/// Makes the folder's entries (a new, renamed or removed name) durable.
pub(crate) fn sync_folder(path: &Path) -> Result<(), StoreError> {
    let folder = folder_of(path);
    File::open(folder)
        .and_then(|f| f.sync_all())
        .map_err(|source| StoreError::Io {
            path: folder.to_owned(),
            source,
        })
}

/// What a file being made beside its target is called after the target's name.
const SAVING: &str = ".saving-";
/// What SQLite calls the rollback journal of a file, after the file's name.
const JOURNAL: &str = "-journal";

/// A new, empty file beside `dest` with a name no one else uses, locked
/// (flock) for as long as the returned handle is open.
pub(crate) fn temporary_beside(dest: &Path) -> Result<(PathBuf, File), StoreError> {
    static COUNTER: AtomicU32 = AtomicU32::new(0);
    let stem = dest
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    loop {
        let n = COUNTER.fetch_add(1, Ordering::Relaxed);
        let tmp = folder_of(dest).join(format!(".{stem}{SAVING}{}-{n}", std::process::id()));
        match create_exclusive(&tmp) {
            Ok(file) => {
                // Between creating and locking, another process cleaning the
                // folder may have taken the new file for a leftover: then
                // its lock is held, or the name no longer leads to it, and
                // a fresh name is tried.
                match file.try_lock() {
                    Ok(()) if identity_of(&file) == identity_at(&tmp) => return Ok((tmp, file)),
                    Ok(()) | Err(std::fs::TryLockError::WouldBlock) => continue,
                    Err(std::fs::TryLockError::Error(source)) => {
                        remove_if_same(&tmp, &file);
                        return Err(StoreError::Io {
                            path: dest.to_owned(),
                            source,
                        });
                    }
                }
            }
            Err(StoreError::AlreadyExists { .. }) => continue,
            // Name the file asked for, not the hidden one beside it.
            Err(StoreError::Io { source, .. }) => {
                return Err(StoreError::Io {
                    path: dest.to_owned(),
                    source,
                });
            }
            Err(error) => return Err(error),
        }
    }
}

/// Gives the finished file `tmp` the name `dest`. With `replacing`, `dest`
/// must still be that file (the one the person chose to replace, locked by
/// the caller) and is replaced in one rename; without, `dest` must not exist
/// and a file that appeared there meanwhile is never touched.
pub(crate) fn publish(
    tmp: &Path,
    dest: &Path,
    replacing: Option<Identity>,
) -> Result<(), StoreError> {
    let io = |source: std::io::Error| StoreError::Io {
        path: dest.to_owned(),
        source,
    };
    match replacing {
        Some(identity) => {
            if identity_at(dest) != Some(identity) {
                return Err(StoreError::AlreadyExists {
                    path: dest.to_owned(),
                });
            }
            std::fs::rename(tmp, dest).map_err(io)?;
        }
        None => {
            match std::fs::hard_link(tmp, dest) {
                Ok(()) => {}
                Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {
                    return Err(StoreError::AlreadyExists {
                        path: dest.to_owned(),
                    });
                }
                // A file system without hard links: copy into a file
                // created exclusively (still never replacing one).
                Err(_) => {
                    let mut out = create_exclusive(dest)?;
                    let copied = File::open(tmp)
                        .and_then(|mut from| std::io::copy(&mut from, &mut out))
                        .and_then(|_| out.sync_all());
                    if let Err(source) = copied {
                        remove_if_same(dest, &out);
                        return Err(io(source));
                    }
                }
            }
            let _ = std::fs::remove_file(tmp);
        }
    }
    sync_folder(dest)
}

/// The name of the file being made that `name` belongs to, when `name` is
/// one (`.NAME.saving-PID-N`) or its journal (`.NAME.saving-PID-N-journal`).
fn saving_file_of(name: &str) -> Option<&str> {
    let base = name.strip_suffix(JOURNAL).unwrap_or(name);
    let (target, tail) = base.strip_prefix('.')?.rsplit_once(SAVING)?;
    let (pid, n) = tail.split_once('-')?;
    let digits = |t: &str| !t.is_empty() && t.bytes().all(|b| b.is_ascii_digit());
    (!target.is_empty() && digits(pid) && digits(n)).then_some(base)
}

/// Removes, from the folder of `path`, what a process that died while making
/// a document or a copy there left behind: a `.NAME.saving-PID-N` file that
/// nobody holds locked, and its journal. A file whose maker is still at
/// work is locked and left alone. Best effort: what cannot be removed (a
/// read-only folder) stays, as it did before.
pub(crate) fn remove_abandoned_beside(path: &Path) {
    let folder = folder_of(path);
    let Ok(entries) = std::fs::read_dir(folder) else {
        return;
    };
    for entry in entries.flatten() {
        let name = entry.file_name();
        let Some(name) = name.to_str() else { continue };
        let Some(base) = saving_file_of(name) else {
            continue;
        };
        let file = folder.join(base);
        if base == name {
            if remove_if_abandoned(&file) {
                let _ = std::fs::remove_file(folder.join(format!("{base}{JOURNAL}")));
            }
        } else if std::fs::symlink_metadata(&file)
            .is_err_and(|e| e.kind() == std::io::ErrorKind::NotFound)
        {
            // A journal whose file is gone: nothing can ever play it back.
            let _ = std::fs::remove_file(folder.join(name));
        }
    }
}

/// Removes the plain file `path` if nobody holds its lock, holding the lock
/// while it does so (a maker that locks it meanwhile sees its name gone and
/// starts again under another). Never follows a link or opens a pipe.
fn remove_if_abandoned(path: &Path) -> bool {
    use std::os::unix::fs::OpenOptionsExt;
    let is_file = std::fs::symlink_metadata(path).is_ok_and(|m| m.file_type().is_file());
    if !is_file {
        return false;
    }
    let Ok(file) = std::fs::OpenOptions::new()
        .read(true)
        .custom_flags(libc::O_NOFOLLOW | libc::O_NONBLOCK)
        .open(path)
    else {
        return false;
    };
    if file.try_lock().is_err() || identity_of(&file) != identity_at(path) {
        return false;
    }
    std::fs::remove_file(path).is_ok()
}

#[cfg(test)]
mod tests {
    use super::saving_file_of;

    #[test]
    fn only_the_names_of_files_being_made_and_their_journals_are_leftovers() {
        assert_eq!(
            saving_file_of(".a.tiermap.saving-12-0"),
            Some(".a.tiermap.saving-12-0")
        );
        assert_eq!(
            saving_file_of(".a b.tiermap.saving-12-3-journal"),
            Some(".a b.tiermap.saving-12-3")
        );
        for name in [
            "a.tiermap",
            ".a.tiermap",
            "a.tiermap.saving-1-2",
            "..saving-1-2",
            ".a.tiermap.saving-1",
            ".a.tiermap.saving-1-x",
            ".a.tiermap.saving--2",
            ".a.tiermap.saving-1-2.bak",
            ".a.tiermap.saving-1-2-journal-journal",
        ] {
            assert_eq!(saving_file_of(name), None, "{name}");
        }
    }
}
