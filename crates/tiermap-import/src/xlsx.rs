//! Reading one sheet of an Excel workbook (.xlsx) into a [`Table`](crate::Table).
//!
//! An XLSX file is a zip of XML parts: `xl/workbook.xml` names the sheets,
//! `xl/_rels/workbook.xml.rels` says which part holds each, and
//! `xl/sharedStrings.xml` holds the text most cells point into and
//! `xl/styles.xml` the number formats that make a number a percentage or a
//! date (`xlsx/styles.rs`). Only those parts and the chosen sheet are read
//! (its cells in `xlsx/cells.rs`); formulas and charts are not.
//!
//! The file is untrusted, so everything is bounded: the zip's own sizes are
//! not believed (each part is counted as it unpacks), XML is read without
//! entities (`xml.rs`), and rows, columns and cells stop at Excel's limits.

use std::collections::HashMap;
use std::io::{Cursor, Read};
use std::path::Path;

use zip::ZipArchive;

use cells::{shared_strings, sheet_table};
use styles::{CellFormats, cell_formats};

use crate::xml::{Node, XmlError, XmlReader, attribute, line_column, local};
use crate::{ImportError, MAX_INPUT_BYTES, Workbook};

mod cells;
mod styles;

/// Most one part may unpack to.
const MAX_PART_BYTES: u64 = 64 * 1024 * 1024;
/// Most all the parts read may unpack to together.
const MAX_UNPACKED_BYTES: u64 = 256 * 1024 * 1024;
/// Parts in the zip; a workbook has a few dozen.
const MAX_ZIP_ENTRIES: usize = 10_000;

const MB: u64 = 1024 * 1024;

/// Reads the sheet named `sheet` (any case), or the first visible one.
pub fn read_xlsx(path: &Path, sheet: Option<&str>) -> Result<Workbook, ImportError> {
    let io = |source| ImportError::Io {
        path: path.to_owned(),
        source,
    };
    let size = std::fs::metadata(path).map_err(io)?.len();
    if size > MAX_INPUT_BYTES {
        return Err(ImportError::TooLarge {
            path: path.to_owned(),
            size,
            limit: MAX_INPUT_BYTES,
        });
    }
    let bytes = std::fs::read(path).map_err(io)?;
    xlsx_from_bytes(path, &bytes, sheet)
}

/// As [`read_xlsx`], from the file's bytes; `path` only names it in messages.
pub fn xlsx_from_bytes(
    path: &Path,
    bytes: &[u8],
    sheet: Option<&str>,
) -> Result<Workbook, ImportError> {
    let size = bytes.len() as u64;
    if size > MAX_INPUT_BYTES {
        return Err(ImportError::TooLarge {
            path: path.to_owned(),
            size,
            limit: MAX_INPUT_BYTES,
        });
    }
    if bytes.is_empty() {
        return Err(ImportError::Empty {
            path: path.to_owned(),
        });
    }
    let malformed = |message: &str| ImportError::Malformed {
        path: path.to_owned(),
        message: message.to_owned(),
    };
    if bytes.starts_with(&[0xD0, 0xCF, 0x11, 0xE0]) {
        return Err(malformed(
            "this is an old Excel .xls file or a password-protected workbook; \
             save it from Excel as .xlsx (without a password) or as CSV and import that",
        ));
    }
    if !bytes.starts_with(b"PK") {
        return Err(malformed("not an XLSX workbook (it is not a zip file)"));
    }
    let mut package = Package::open(path, bytes)?;

    // The package's root relationships name the workbook part; it is
    // xl/workbook.xml in every file seen, so that is the fallback.
    let workbook_part = match package.read("_rels/.rels")? {
        Some(xml) => package
            .xml(&xml, "_rels/.rels", relationships)?
            .into_values()
            .find(|r| r.kind.ends_with("/officeDocument"))
            .map(|r| resolve_target("", &r.target)),
        None => None,
    }
    .unwrap_or_else(|| "xl/workbook.xml".to_owned());
    let Some(workbook_xml) = package.read(&workbook_part)? else {
        return Err(malformed(&format!(
            "not an XLSX workbook: it has no {workbook_part}"
        )));
    };
    let (sheets, date1904) = package.xml(&workbook_xml, &workbook_part, sheet_list)?;
    let (folder, file) = workbook_part
        .rsplit_once('/')
        .unwrap_or(("", &workbook_part));
    let rels_part = if folder.is_empty() {
        format!("_rels/{file}.rels")
    } else {
        format!("{folder}/_rels/{file}.rels")
    };
    let Some(rels_xml) = package.read(&rels_part)? else {
        return Err(malformed(&format!(
            "not an XLSX workbook: it has no {rels_part}"
        )));
    };
    let rels = package.xml(&rels_xml, &rels_part, relationships)?;

    let names: Vec<String> = sheets.iter().map(|s| s.name.clone()).collect();
    let chosen = match sheet {
        Some(wanted) => sheets
            .iter()
            .find(|s| s.name.trim().to_lowercase() == wanted.trim().to_lowercase())
            .ok_or_else(|| ImportError::NoSuchSheet {
                path: path.to_owned(),
                sheet: wanted.to_owned(),
                sheets: names.clone(),
            })?,
        None => sheets
            .iter()
            .find(|s| !s.hidden)
            .or_else(|| sheets.first())
            .ok_or_else(|| malformed(&format!("{workbook_part} lists no sheets")))?,
    };
    let Some(rel) = rels.get(&chosen.rel_id) else {
        return Err(malformed(&format!(
            "{workbook_part} places sheet '{}' at {}, which {rels_part} does not list",
            chosen.name, chosen.rel_id
        )));
    };
    let sheet_part = resolve_target(folder, &rel.target);

    let shared_part = rels
        .values()
        .find(|r| r.kind.ends_with("/sharedStrings"))
        .map_or_else(
            || format!("{folder}/sharedStrings.xml"),
            |r| resolve_target(folder, &r.target),
        );
    let shared = match package.read(&shared_part)? {
        Some(xml) => package.xml(&xml, &shared_part, shared_strings)?,
        None => Vec::new(),
    };

    // Styles only change how numbers read: a workbook without them, or
    // with a part that is broken, reads with General numbers. A part
    // refused on purpose (a DOCTYPE) is refused as any other part is.
    let styles_part = rels
        .values()
        .find(|r| r.kind.ends_with("/styles"))
        .map_or_else(
            || format!("{folder}/styles.xml"),
            |r| resolve_target(folder, &r.target),
        );
    let mut formats = CellFormats {
        formats: Vec::new(),
        date1904,
    };
    let mut styles_note = None;
    if let Some(xml) = package.read(&styles_part)? {
        match XmlReader::new(&xml)
            .map_err(PartError::Xml)
            .and_then(|mut reader| cell_formats(&mut reader))
        {
            Ok(read) => formats.formats = read,
            Err(PartError::Xml(error)) if error.refused => {
                return Err(malformed(&part_message(
                    &xml,
                    &styles_part,
                    PartError::Xml(error),
                )));
            }
            Err(error) => {
                let reason = part_message(&xml, &styles_part, error);
                styles_note = Some(format!(
                    "The number formats could not be read ({reason}): percentages and dates read as plain numbers."
                ));
            }
        }
    }

    let Some(sheet_xml) = package.read(&sheet_part)? else {
        return Err(malformed(&format!(
            "not an XLSX workbook: it has no {sheet_part} (sheet '{}')",
            chosen.name
        )));
    };
    let (mut table, rows_over_limit) = package.xml(&sheet_xml, &sheet_part, |reader| {
        sheet_table(reader, &shared, &formats)
    })?;
    if rows_over_limit > 0 {
        let rows = table.rows.len() + rows_over_limit;
        return Err(ImportError::TooManyRows {
            path: path.to_owned(),
            rows,
            limit: crate::MAX_TABLE_ROWS,
        });
    }
    table.notes.extend(styles_note);
    if table.header.is_empty() {
        return Err(ImportError::Empty {
            path: path.to_owned(),
        });
    }
    Ok(Workbook {
        sheets: names,
        sheet: chosen.name.clone(),
        table,
    })
}

/// The zip, with its parts found by name whatever their case (as Office
/// does) and counted as they unpack.
struct Package<'a> {
    path: &'a Path,
    archive: ZipArchive<Cursor<&'a [u8]>>,
    by_name: HashMap<String, usize>,
    unpacked: u64,
}

/// Why reading went wrong, before the file's path is put on it.
pub(super) enum PartError {
    Xml(XmlError),
    Other(String),
}

impl From<XmlError> for PartError {
    fn from(error: XmlError) -> Self {
        PartError::Xml(error)
    }
}

impl<'a> Package<'a> {
    fn open(path: &'a Path, bytes: &'a [u8]) -> Result<Self, ImportError> {
        let malformed = |message: String| ImportError::Malformed {
            path: path.to_owned(),
            message,
        };
        let archive = ZipArchive::new(Cursor::new(bytes)).map_err(|e| {
            malformed(format!(
                "not an XLSX workbook (the zip cannot be read: {e})"
            ))
        })?;
        if archive.len() > MAX_ZIP_ENTRIES {
            return Err(malformed(format!(
                "the zip holds {} files; a workbook has far fewer",
                archive.len()
            )));
        }
        let by_name = (0..archive.len())
            .filter_map(|i| Some((normalise(&archive.name_for_index(i)?.ok()?), i)))
            .collect();
        Ok(Package {
            path,
            archive,
            by_name,
            unpacked: 0,
        })
    }

    /// The unpacked bytes of a part, or None if the zip has no such part.
    fn read(&mut self, name: &str) -> Result<Option<Vec<u8>>, ImportError> {
        let malformed = |message: String| ImportError::Malformed {
            path: self.path.to_owned(),
            message,
        };
        let Some(&index) = self.by_name.get(&normalise(name)) else {
            return Ok(None);
        };
        let entry = self
            .archive
            .by_index(index)
            .map_err(|e| malformed(format!("{name} cannot be unpacked: {e}")))?;
        // The sizes the zip declares are not believed: a part is read
        // through a limit and counted, so a bomb stops at the limit.
        let allowed = MAX_PART_BYTES.min(MAX_UNPACKED_BYTES - self.unpacked);
        let mut bytes = Vec::new();
        entry
            .take(allowed + 1)
            .read_to_end(&mut bytes)
            .map_err(|e| malformed(format!("{name} cannot be unpacked: {e}")))?;
        let size = bytes.len() as u64;
        if size > allowed {
            let limit = if allowed == MAX_PART_BYTES {
                MAX_PART_BYTES
            } else {
                MAX_UNPACKED_BYTES
            };
            return Err(malformed(format!(
                "the workbook unpacks to more than {} MB{} (a zip bomb?)",
                limit / MB,
                if allowed == MAX_PART_BYTES {
                    format!(" in {name}")
                } else {
                    String::new()
                }
            )));
        }
        self.unpacked += size;
        Ok(Some(bytes))
    }

    /// Parses a part with `parse`, naming the part, line and column on error.
    fn xml<T>(
        &self,
        bytes: &[u8],
        part: &str,
        parse: impl FnOnce(&mut XmlReader<'_>) -> Result<T, PartError>,
    ) -> Result<T, ImportError> {
        let result = XmlReader::new(bytes)
            .map_err(PartError::Xml)
            .and_then(|mut reader| parse(&mut reader));
        result.map_err(|error| ImportError::Malformed {
            path: self.path.to_owned(),
            message: part_message(bytes, part, error),
        })
    }
}

/// What went wrong in a part, naming it and the line and column.
fn part_message(bytes: &[u8], part: &str, error: PartError) -> String {
    match error {
        PartError::Xml(XmlError {
            offset, message, ..
        }) => {
            let (line, column) = line_column(bytes, offset);
            format!("{part}, line {line}, column {column}: {message}")
        }
        PartError::Other(message) => format!("{part}: {message}"),
    }
}

/// A part name as looked up: no leading slash, forward slashes, lower case.
fn normalise(name: &str) -> String {
    name.trim_start_matches(['/', '\\'])
        .replace('\\', "/")
        .to_lowercase()
}

/// A relationship's target as a part name: relative to `folder` unless it
/// starts with "/", with "." and ".." resolved.
fn resolve_target(folder: &str, target: &str) -> String {
    let mut parts: Vec<&str> = Vec::new();
    let joined = if target.starts_with('/') {
        target.to_owned()
    } else {
        format!("{folder}/{target}")
    };
    for segment in joined.split('/') {
        match segment {
            "" | "." => {}
            ".." => {
                parts.pop();
            }
            segment => parts.push(segment),
        }
    }
    parts.join("/")
}

struct Relationship {
    kind: String,
    target: String,
}

/// A `.rels` part: relationship id → type and target.
fn relationships(reader: &mut XmlReader<'_>) -> Result<HashMap<String, Relationship>, PartError> {
    let mut found = HashMap::new();
    loop {
        match reader.next()? {
            Node::Open { element, offset } if local(element.name()) == "Relationship" => {
                let id = attribute(&element, "Id", offset)?.unwrap_or_default();
                let kind = attribute(&element, "Type", offset)?.unwrap_or_default();
                let target = attribute(&element, "Target", offset)?.unwrap_or_default();
                found.insert(id, Relationship { kind, target });
            }
            Node::Eof => return Ok(found),
            _ => {}
        }
    }
}

struct SheetEntry {
    name: String,
    rel_id: String,
    hidden: bool,
}

/// The workbook's sheets, in order, and whether its dates count from 1904
/// (`<workbookPr date1904="1"/>`).
fn sheet_list(reader: &mut XmlReader<'_>) -> Result<(Vec<SheetEntry>, bool), PartError> {
    let mut sheets = Vec::new();
    let mut date1904 = false;
    loop {
        match reader.next()? {
            Node::Open { element, offset } if local(element.name()) == "sheet" => {
                let name = attribute(&element, "name", offset)?.unwrap_or_default();
                // `r:id`: matched by its local name, whatever the prefix.
                let rel_id = attribute(&element, "id", offset)?.unwrap_or_default();
                let hidden = attribute(&element, "state", offset)?.is_some_and(|s| s != "visible");
                sheets.push(SheetEntry {
                    name,
                    rel_id,
                    hidden,
                });
            }
            Node::Open { element, offset } if local(element.name()) == "workbookPr" => {
                let value = attribute(&element, "date1904", offset)?.unwrap_or_default();
                date1904 = matches!(value.trim().to_lowercase().as_str(), "1" | "true");
            }
            Node::Eof => return Ok((sheets, date1904)),
            _ => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn targets_resolve_against_the_workbook_folder() {
        assert_eq!(
            resolve_target("xl", "worksheets/sheet1.xml"),
            "xl/worksheets/sheet1.xml"
        );
        assert_eq!(
            resolve_target("xl", "/xl/worksheets/sheet1.xml"),
            "xl/worksheets/sheet1.xml"
        );
        assert_eq!(resolve_target("xl", "../xl/./sheet.xml"), "xl/sheet.xml");
        assert_eq!(resolve_target("", "xl/workbook.xml"), "xl/workbook.xml");
    }

    #[test]
    fn all_the_parts_together_stop_at_the_total_limit() {
        let mut writer = zip::ZipWriter::new(Cursor::new(Vec::new()));
        writer
            .start_file("a.xml", zip::write::SimpleFileOptions::default())
            .unwrap();
        std::io::Write::write_all(&mut writer, &[b'x'; 20]).unwrap();
        let bytes = writer.finish().unwrap().into_inner();
        let path = Path::new("book.xlsx");
        let mut package = Package::open(path, &bytes).unwrap();
        package.unpacked = MAX_UNPACKED_BYTES - 20;
        assert_eq!(
            package.read("A.XML").unwrap().map(|b| b.len()),
            Some(20),
            "exactly at the limit is fine"
        );
        let message = package.read("a.xml").unwrap_err().to_string();
        assert!(
            message.contains("unpacks to more than 256 MB (a zip bomb?)"),
            "{message}"
        );
        assert!(package.read("missing.xml").unwrap().is_none());
    }
}
