//! Deterministic ZIP files (PPTX packages, bundles of one file per map):
//! entries in the order given, every timestamp 1980-01-01, fixed permissions,
//! so the same content always gives the same bytes.

use std::io::{Cursor, Write};

use zip::write::SimpleFileOptions;
use zip::{CompressionMethod, DateTime, ZipWriter};

/// A ZIP of `(path, bytes)` entries, in the order given.
pub fn zip<'a>(entries: impl IntoIterator<Item = (String, &'a [u8])>) -> Result<Vec<u8>, String> {
    let options = SimpleFileOptions::default()
        .compression_method(CompressionMethod::Deflated)
        .last_modified_time(DateTime::default())
        .unix_permissions(0o644);
    let mut writer = ZipWriter::new(Cursor::new(Vec::new()));
    for (path, bytes) in entries {
        writer
            .start_file(path.as_str(), options)
            .map_err(|e| format!("{path}: {e}"))?;
        writer
            .write_all(bytes)
            .map_err(|e| format!("{path}: {e}"))?;
    }
    writer
        .finish()
        .map(Cursor::into_inner)
        .map_err(|e| e.to_string())
}

/// A file name made from a map's name: characters file systems refuse become "_".
pub fn file_name(index: usize, name: &str, extension: &str) -> String {
    let cleaned: String = name
        .chars()
        .map(|c| {
            if c.is_control() || matches!(c, '/' | '\\' | ':' | '*' | '?' | '"' | '<' | '>' | '|') {
                '_'
            } else {
                c
            }
        })
        .take(80)
        .collect();
    let cleaned = cleaned.trim().trim_start_matches('.');
    let cleaned = if cleaned.is_empty() { "map" } else { cleaned };
    format!("{:02} {cleaned}.{extension}", index + 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_same_entries_give_the_same_bytes() {
        let entries = || {
            vec![
                ("a.txt".to_owned(), b"hello".as_slice()),
                ("b/c.xml".to_owned(), b"<x/>".as_slice()),
            ]
        };
        assert_eq!(zip(entries()).unwrap(), zip(entries()).unwrap());
    }

    #[test]
    fn file_names_are_safe_and_numbered() {
        assert_eq!(file_name(0, "<b>&\"x\"</b>", "svg"), "01 _b_&_x___b_.svg");
        assert_eq!(file_name(11, "..", "png"), "12 map.png");
        assert_eq!(file_name(2, "製品", "svg"), "03 製品.svg");
    }
}
