//! Making files without ever replacing or removing one that someone else
//! made. A new document or a copy is made whole in a file of its own beside
//! its target, created with O_EXCL (`create_new`) under a name no one else
//! uses, and then given its final name with a hard link, which refuses to
//! replace what is there: of two processes racing for one name exactly one
//! wins and the other gets [`StoreError::AlreadyExists`], and a crash never
//! leaves a half-made file under the name. Cleaning up after a failure
//! removes a path only while it still names the file this process created.

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

/// A new, empty file beside `dest` with a name no one else uses.
pub(crate) fn temporary_beside(dest: &Path) -> Result<(PathBuf, File), StoreError> {
    static COUNTER: AtomicU32 = AtomicU32::new(0);
    let stem = dest
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    loop {
        let n = COUNTER.fetch_add(1, Ordering::Relaxed);
        let tmp = folder_of(dest).join(format!(".{stem}.saving-{}-{n}", std::process::id()));
        match create_exclusive(&tmp) {
            Ok(file) => return Ok((tmp, file)),
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
