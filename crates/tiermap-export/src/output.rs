//! Writing an output file so that a crash or a full disk never leaves half
//! a file where the person expects their export.

use std::io::Write;
use std::path::Path;

use crate::ExportError;

/// Writes `bytes` to a temporary file beside `path`, flushes it to disk and
/// renames it over `path`.
pub fn write_atomically(path: &Path, bytes: &[u8]) -> Result<(), ExportError> {
    let io = |source| ExportError::Io {
        path: path.to_owned(),
        source,
    };
    let mut name = path.file_name().unwrap_or_default().to_owned();
    name.push(".tiermap-partial");
    let partial = path.with_file_name(name);
    let result = (|| {
        let mut file = std::fs::File::create(&partial)?;
        file.write_all(bytes)?;
        file.sync_all()?;
        std::fs::rename(&partial, path)
    })();
    if result.is_err() {
        let _ = std::fs::remove_file(&partial);
    }
    result.map_err(io)
}

#[cfg(test)]
mod tests {
    use super::write_atomically;

    #[test]
    fn writes_the_whole_file_and_leaves_no_partial_behind() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("out.json");
        write_atomically(&path, b"{}\n").unwrap();
        assert_eq!(std::fs::read(&path).unwrap(), b"{}\n");
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
    }

    #[test]
    fn a_folder_that_does_not_exist_is_an_error_naming_the_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("missing/out.json");
        let error = write_atomically(&path, b"{}").unwrap_err();
        assert!(error.to_string().contains("out.json"), "{error}");
    }
}
