//! Reading one sheet of an Excel workbook (.xlsx) into a [`Table`].
//!
//! An XLSX file is a zip of XML parts: `xl/workbook.xml` names the sheets,
//! `xl/_rels/workbook.xml.rels` says which part holds each, and
//! `xl/sharedStrings.xml` holds the text most cells point into. Only those
//! parts and the chosen sheet are read; styles, formulas and charts are not.
//!
//! The file is untrusted, so everything is bounded: the zip's own sizes are
//! not believed (each part is counted as it unpacks), XML is read without
//! entities (`xml.rs`), and rows, columns and cells stop at Excel's limits.

use std::collections::HashMap;
use std::io::{Cursor, Read};
use std::path::Path;

use zip::ZipArchive;

use crate::xml::{Node, XmlError, XmlReader, attribute, line_column, local};
use crate::{ImportError, MAX_INPUT_BYTES, Table, TableRow, Workbook};

/// Most one part may unpack to.
const MAX_PART_BYTES: u64 = 64 * 1024 * 1024;
/// Most all the parts read may unpack to together.
const MAX_UNPACKED_BYTES: u64 = 256 * 1024 * 1024;
/// Excel's own limits.
const MAX_ROWS: usize = 1_048_576;
const MAX_COLUMNS: usize = 16_384;
/// Cells kept (rows × their width, gaps included) and shared strings: each
/// costs memory even when empty, and a real portfolio is far smaller.
const MAX_CELLS: usize = 4_000_000;
const MAX_SHARED_STRINGS: usize = 4_000_000;
/// Parts in the zip; a workbook has a few dozen.
const MAX_ZIP_ENTRIES: usize = 10_000;

const MB: u64 = 1024 * 1024;

/// Reads the sheet named `sheet` (any case), or the first visible one.
pub fn read_xlsx(path: &Path, sheet: Option<&str>) -> Result<Workbook, ImportError> {
    let io = |source| ImportError::Io { path: path.to_owned(), source };
    let size = std::fs::metadata(path).map_err(io)?.len();
    if size > MAX_INPUT_BYTES {
        return Err(ImportError::TooLarge { path: path.to_owned(), size, limit: MAX_INPUT_BYTES });
    }
    let bytes = std::fs::read(path).map_err(io)?;
    xlsx_from_bytes(path, &bytes, sheet)
}

/// As [`read_xlsx`], from the file's bytes; `path` only names it in messages.
pub fn xlsx_from_bytes(path: &Path, bytes: &[u8], sheet: Option<&str>) -> Result<Workbook, ImportError> {
    let size = bytes.len() as u64;
    if size > MAX_INPUT_BYTES {
        return Err(ImportError::TooLarge { path: path.to_owned(), size, limit: MAX_INPUT_BYTES });
    }
    if bytes.is_empty() {
        return Err(ImportError::Empty { path: path.to_owned() });
    }
    let malformed = |message: &str| ImportError::Malformed { path: path.to_owned(), message: message.to_owned() };
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
        return Err(malformed(&format!("not an XLSX workbook: it has no {workbook_part}")));
    };
    let sheets = package.xml(&workbook_xml, &workbook_part, sheet_list)?;
    let (folder, file) = workbook_part.rsplit_once('/').unwrap_or(("", &workbook_part));
    let rels_part = if folder.is_empty() { format!("_rels/{file}.rels") } else { format!("{folder}/_rels/{file}.rels") };
    let Some(rels_xml) = package.read(&rels_part)? else {
        return Err(malformed(&format!("not an XLSX workbook: it has no {rels_part}")));
    };
    let rels = package.xml(&rels_xml, &rels_part, relationships)?;

    let names: Vec<String> = sheets.iter().map(|s| s.name.clone()).collect();
    let chosen = match sheet {
        Some(wanted) => sheets.iter().find(|s| s.name.trim().to_lowercase() == wanted.trim().to_lowercase()).ok_or_else(
            || ImportError::NoSuchSheet { path: path.to_owned(), sheet: wanted.to_owned(), sheets: names.clone() },
        )?,
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
        .map_or_else(|| format!("{folder}/sharedStrings.xml"), |r| resolve_target(folder, &r.target));
    let shared = match package.read(&shared_part)? {
        Some(xml) => package.xml(&xml, &shared_part, shared_strings)?,
        None => Vec::new(),
    };

    let Some(sheet_xml) = package.read(&sheet_part)? else {
        return Err(malformed(&format!("not an XLSX workbook: it has no {sheet_part} (sheet '{}')", chosen.name)));
    };
    let table = package.xml(&sheet_xml, &sheet_part, |reader| sheet_table(reader, &shared))?;
    if table.header.is_empty() {
        return Err(ImportError::Empty { path: path.to_owned() });
    }
    Ok(Workbook { sheets: names, sheet: chosen.name.clone(), table })
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
enum PartError {
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
        let malformed = |message: String| ImportError::Malformed { path: path.to_owned(), message };
        let archive = ZipArchive::new(Cursor::new(bytes))
            .map_err(|e| malformed(format!("not an XLSX workbook (the zip cannot be read: {e})")))?;
        if archive.len() > MAX_ZIP_ENTRIES {
            return Err(malformed(format!("the zip holds {} files; a workbook has far fewer", archive.len())));
        }
        let by_name = (0..archive.len())
            .filter_map(|i| Some((normalise(&archive.name_for_index(i)?.ok()?), i)))
            .collect();
        Ok(Package { path, archive, by_name, unpacked: 0 })
    }

    /// The unpacked bytes of a part, or None if the zip has no such part.
    fn read(&mut self, name: &str) -> Result<Option<Vec<u8>>, ImportError> {
        let malformed = |message: String| ImportError::Malformed { path: self.path.to_owned(), message };
        let Some(&index) = self.by_name.get(&normalise(name)) else { return Ok(None) };
        let entry = self.archive.by_index(index).map_err(|e| malformed(format!("{name} cannot be unpacked: {e}")))?;
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
            let limit = if allowed == MAX_PART_BYTES { MAX_PART_BYTES } else { MAX_UNPACKED_BYTES };
            return Err(malformed(format!(
                "the workbook unpacks to more than {} MB{} (a zip bomb?)",
                limit / MB,
                if allowed == MAX_PART_BYTES { format!(" in {name}") } else { String::new() }
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
        let result = XmlReader::new(bytes).map_err(PartError::Xml).and_then(|mut reader| parse(&mut reader));
        result.map_err(|error| {
            let message = match error {
                PartError::Xml(XmlError { offset, message, .. }) => {
                    let (line, column) = line_column(bytes, offset);
                    format!("{part}, line {line}, column {column}: {message}")
                }
                PartError::Other(message) => format!("{part}: {message}"),
            };
            ImportError::Malformed { path: self.path.to_owned(), message }
        })
    }
}

/// A part name as looked up: no leading slash, forward slashes, lower case.
fn normalise(name: &str) -> String {
    name.trim_start_matches(['/', '\\']).replace('\\', "/").to_lowercase()
}

/// A relationship's target as a part name: relative to `folder` unless it
/// starts with "/", with "." and ".." resolved.
fn resolve_target(folder: &str, target: &str) -> String {
    let mut parts: Vec<&str> = Vec::new();
    let joined = if target.starts_with('/') { target.to_owned() } else { format!("{folder}/{target}") };
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

/// The workbook's sheets, in order.
fn sheet_list(reader: &mut XmlReader<'_>) -> Result<Vec<SheetEntry>, PartError> {
    let mut sheets = Vec::new();
    loop {
        match reader.next()? {
            Node::Open { element, offset } if local(element.name()) == "sheet" => {
                let name = attribute(&element, "name", offset)?.unwrap_or_default();
                // `r:id`: matched by its local name, whatever the prefix.
                let rel_id = attribute(&element, "id", offset)?.unwrap_or_default();
                let hidden = attribute(&element, "state", offset)?.is_some_and(|s| s != "visible");
                sheets.push(SheetEntry { name, rel_id, hidden });
            }
            Node::Eof => return Ok(sheets),
            _ => {}
        }
    }
}

/// The shared strings, in order: `<si>` holds a `<t>` or rich-text runs
/// (`<r><t>`) whose texts join; phonetic guides (`<rPh>`) are not text.
fn shared_strings(reader: &mut XmlReader<'_>) -> Result<Vec<String>, PartError> {
    let mut strings = Vec::new();
    loop {
        match reader.next()? {
            Node::Open { element, .. } if local(element.name()) == "si" => {
                if strings.len() == MAX_SHARED_STRINGS {
                    return Err(PartError::Other(format!("more than {MAX_SHARED_STRINGS} shared strings")));
                }
                strings.push(rich_text(reader)?);
            }
            Node::Eof => return Ok(strings),
            _ => {}
        }
    }
}

/// The text of the `<t>` elements inside the element just opened (`<si>`, `<is>`).
fn rich_text(reader: &mut XmlReader<'_>) -> Result<String, XmlError> {
    let mut text = String::new();
    let mut open = 1usize;
    loop {
        match reader.next()? {
            Node::Open { element, .. } => match local(element.name()) {
                "t" => text.push_str(&reader.text_of_element()?),
                "rPh" => reader.skip_element()?,
                _ => open += 1,
            },
            Node::Close => {
                open -= 1;
                if open == 0 {
                    return Ok(text);
                }
            }
            Node::Text(_) => {}
            Node::Eof => return Ok(text),
        }
    }
}

/// Table-building state: the rows kept so far and what they cost.
#[derive(Default)]
struct SheetState {
    table: Table,
    cells: usize,
    last_row: usize,
    formulas_without_value: usize,
}

/// The sheet's cells as a table: the first non-empty row is the header.
fn sheet_table(reader: &mut XmlReader<'_>, shared: &[String]) -> Result<Table, PartError> {
    let mut state = SheetState::default();
    loop {
        match reader.next()? {
            Node::Open { element, offset } if local(element.name()) == "row" => {
                let number = match attribute(&element, "r", offset)? {
                    Some(r) => r.trim().parse::<usize>().map_err(|_| bad_at(offset, format!("row number '{r}'")))?,
                    None => state.last_row + 1,
                };
                if number == 0 || number > MAX_ROWS {
                    return Err(bad_at(offset, format!("row {number} is outside 1 to {MAX_ROWS}")));
                }
                state.last_row = number;
                let cells = read_row(reader, shared, number, &mut state)?;
                keep_row(&mut state, number, cells).map_err(|m| bad_at(offset, m))?;
            }
            Node::Eof => break,
            _ => {}
        }
    }
    if state.formulas_without_value > 0 {
        state.table.notes.push(format!(
            "{} formula cells have no saved result (the workbook was not recalculated) and were read as empty",
            state.formulas_without_value
        ));
    }
    Ok(state.table)
}

fn bad_at(offset: usize, message: String) -> PartError {
    PartError::Xml(XmlError::syntax(offset, message))
}

/// Adds a row's cells to the table unless they are all blank.
fn keep_row(state: &mut SheetState, number: usize, mut cells: Vec<String>) -> Result<(), String> {
    while cells.last().is_some_and(|c| c.trim().is_empty()) {
        cells.pop();
    }
    if cells.is_empty() {
        return Ok(());
    }
    state.cells += cells.len();
    if state.cells > MAX_CELLS {
        return Err(format!("the sheet has more than {MAX_CELLS} cells; Tiermap reads smaller sheets"));
    }
    if state.table.header.is_empty() {
        state.table.header = cells;
    } else {
        state.table.rows.push(TableRow { number, cells });
    }
    Ok(())
}

/// The cells of the `<row>` just opened, each in its column.
fn read_row(
    reader: &mut XmlReader<'_>,
    shared: &[String],
    row: usize,
    state: &mut SheetState,
) -> Result<Vec<String>, PartError> {
    let mut cells: Vec<String> = Vec::new();
    let mut open = 1usize;
    loop {
        match reader.next()? {
            Node::Open { element, offset } if local(element.name()) == "c" => {
                let column = match attribute(&element, "r", offset)? {
                    Some(reference) => column_of(&reference)
                        .ok_or_else(|| bad_at(offset, format!("'{reference}' is not a cell reference")))?,
                    None => cells.len(),
                };
                if column >= MAX_COLUMNS {
                    return Err(bad_at(offset, format!("row {row} has a cell beyond column XFD ({MAX_COLUMNS})")));
                }
                let kind = attribute(&element, "t", offset)?.unwrap_or_default();
                let value = read_cell(reader, &kind, shared, state).map_err(|e| match e {
                    PartError::Other(m) => bad_at(offset, m),
                    xml => xml,
                })?;
                if cells.len() <= column {
                    cells.resize(column + 1, String::new());
                }
                cells[column] = value;
            }
            Node::Open { .. } => open += 1,
            Node::Close => {
                open -= 1;
                if open == 0 {
                    return Ok(cells);
                }
            }
            Node::Text(_) => {}
            Node::Eof => return Ok(cells),
        }
    }
}

/// The zero-based column of a reference such as "C5" (or just "C").
fn column_of(reference: &str) -> Option<usize> {
    let letters = reference.trim().bytes().take_while(u8::is_ascii_alphabetic);
    let mut column = 0usize;
    let mut count = 0;
    for letter in letters {
        count += 1;
        if count > 3 {
            return None;
        }
        column = column * 26 + usize::from(letter.to_ascii_uppercase() - b'A' + 1);
    }
    column.checked_sub(1)
}

/// The text of the `<c>` just opened, by its type `kind`.
fn read_cell(reader: &mut XmlReader<'_>, kind: &str, shared: &[String], state: &mut SheetState) -> Result<String, PartError> {
    let mut value: Option<String> = None;
    let mut inline: Option<String> = None;
    let mut formula = false;
    let mut open = 1usize;
    loop {
        match reader.next()? {
            Node::Open { element, .. } => match local(element.name()) {
                "v" => value = Some(reader.text_of_element()?),
                "is" => inline = Some(rich_text(reader)?),
                "f" => {
                    formula = true;
                    reader.skip_element()?;
                }
                _ => open += 1,
            },
            Node::Close => {
                open -= 1;
                if open == 0 {
                    break;
                }
            }
            Node::Text(_) => {}
            Node::Eof => break,
        }
    }
    if formula && value.is_none() {
        state.formulas_without_value += 1;
    }
    let value = value.unwrap_or_default();
    Ok(match kind {
        "s" => {
            let index = value.trim().parse::<usize>().ok();
            match index.and_then(|i| shared.get(i)) {
                Some(text) => text.clone(),
                None => {
                    return Err(PartError::Other(format!(
                        "a cell refers to shared string '{value}', but the workbook has {}",
                        shared.len()
                    )));
                }
            }
        }
        "inlineStr" => inline.unwrap_or(value),
        "b" => match value.trim() {
            "1" => "TRUE".to_owned(),
            "0" => "FALSE".to_owned(),
            _ => value,
        },
        "str" | "e" | "d" => value,
        _ => number_text(&value),
    })
}

/// A number cell's text as Excel shows it in a General cell: 15 significant
/// digits (files often hold the binary value's 17: "0.30000000000000004"),
/// no ".0", no exponent for ordinary magnitudes. Anything else stays as written.
fn number_text(raw: &str) -> String {
    let Ok(value) = raw.trim().parse::<f64>() else { return raw.to_owned() };
    if !value.is_finite() {
        return raw.to_owned();
    }
    let value: f64 = format!("{value:.14e}").parse().unwrap_or(value);
    let magnitude = value.abs();
    if magnitude == 0.0 {
        "0".to_owned()
    } else if magnitude < 1e15 && (magnitude >= 1e-6 || value.fract() == 0.0) {
        format!("{value}")
    } else {
        raw.trim().to_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_read_as_excel_shows_them() {
        assert_eq!(number_text("1"), "1");
        assert_eq!(number_text("1.0"), "1");
        assert_eq!(number_text("0.95"), "0.95");
        assert_eq!(number_text("1.5E+3"), "1500");
        assert_eq!(number_text("0.30000000000000004"), "0.3");
        assert_eq!(number_text("-0"), "0");
        assert_eq!(number_text("1.23E+20"), "1.23E+20");
        assert_eq!(number_text("12.5x"), "12.5x");
    }

    #[test]
    fn cell_references_give_columns() {
        assert_eq!(column_of("A1"), Some(0));
        assert_eq!(column_of("c5"), Some(2));
        assert_eq!(column_of("AA10"), Some(26));
        assert_eq!(column_of("XFD1"), Some(16_383));
        assert_eq!(column_of("ABCD1"), None);
        assert_eq!(column_of("17"), None);
    }

    #[test]
    fn targets_resolve_against_the_workbook_folder() {
        assert_eq!(resolve_target("xl", "worksheets/sheet1.xml"), "xl/worksheets/sheet1.xml");
        assert_eq!(resolve_target("xl", "/xl/worksheets/sheet1.xml"), "xl/worksheets/sheet1.xml");
        assert_eq!(resolve_target("xl", "../xl/./sheet.xml"), "xl/sheet.xml");
        assert_eq!(resolve_target("", "xl/workbook.xml"), "xl/workbook.xml");
    }
}
