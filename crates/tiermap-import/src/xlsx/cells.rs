//! The cells of one sheet and the shared strings they point into.

use crate::xml::{Node, XmlError, XmlReader, attribute, local};
use crate::{MAX_TABLE_ROWS, Table, TableRow};

use super::PartError;
use super::styles::{CellFormats, NumberFormat};

/// Excel's own limits.
const MAX_ROWS: usize = 1_048_576;
const MAX_COLUMNS: usize = 16_384;
/// Cells kept (rows × their width, gaps included) and shared strings: each
/// costs memory even when empty, and a real portfolio is far smaller.
const MAX_CELLS: usize = 4_000_000;
const MAX_SHARED_STRINGS: usize = 4_000_000;

/// The shared strings, in order: `<si>` holds a `<t>` or rich-text runs
/// (`<r><t>`) whose texts join; phonetic guides (`<rPh>`) are not text.
pub(super) fn shared_strings(reader: &mut XmlReader<'_>) -> Result<Vec<String>, PartError> {
    let mut strings = Vec::new();
    loop {
        match reader.next()? {
            Node::Open { element, .. } if local(element.name()) == "si" => {
                if strings.len() == MAX_SHARED_STRINGS {
                    return Err(PartError::Other(format!(
                        "more than {MAX_SHARED_STRINGS} shared strings"
                    )));
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
    /// Rows past Tiermap's limit, counted but not kept.
    rows_over_limit: usize,
}

/// The sheet's cells as a table (the first non-empty row is the header),
/// and how many rows it has past `MAX_TABLE_ROWS`, which are not kept.
pub(super) fn sheet_table(
    reader: &mut XmlReader<'_>,
    shared: &[String],
    formats: &CellFormats,
) -> Result<(Table, usize), PartError> {
    let mut state = SheetState::default();
    loop {
        match reader.next()? {
            Node::Open { element, offset } if local(element.name()) == "row" => {
                let number = match attribute(&element, "r", offset)? {
                    Some(r) => r
                        .trim()
                        .parse::<usize>()
                        .map_err(|_| bad_at(offset, format!("row number '{r}'")))?,
                    None => state.last_row + 1,
                };
                if number == 0 || number > MAX_ROWS {
                    return Err(bad_at(
                        offset,
                        format!("row {number} is outside 1 to {MAX_ROWS}"),
                    ));
                }
                state.last_row = number;
                let cells = read_row(reader, shared, formats, number, &mut state)?;
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
    Ok((state.table, state.rows_over_limit))
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
    if state.table.rows.len() >= MAX_TABLE_ROWS {
        state.rows_over_limit += 1;
        return Ok(());
    }
    state.cells += cells.len();
    if state.cells > MAX_CELLS {
        return Err(format!(
            "the sheet has more than {MAX_CELLS} cells; Tiermap reads smaller sheets"
        ));
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
    formats: &CellFormats,
    row: usize,
    state: &mut SheetState,
) -> Result<Vec<String>, PartError> {
    let mut cells: Vec<String> = Vec::new();
    let mut open = 1usize;
    loop {
        match reader.next()? {
            Node::Open { element, offset } if local(element.name()) == "c" => {
                let column = match attribute(&element, "r", offset)? {
                    Some(reference) => column_of(&reference).ok_or_else(|| {
                        bad_at(offset, format!("'{reference}' is not a cell reference"))
                    })?,
                    None => cells.len(),
                };
                if column >= MAX_COLUMNS {
                    return Err(bad_at(
                        offset,
                        format!("row {row} has a cell beyond column XFD ({MAX_COLUMNS})"),
                    ));
                }
                let kind = attribute(&element, "t", offset)?.unwrap_or_default();
                let format = formats.of(attribute(&element, "s", offset)?.as_deref());
                let value =
                    read_cell(reader, &kind, format, shared, state).map_err(|e| match e {
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

/// The text of the `<c>` just opened, by its type `kind` and, for a
/// number, its format.
fn read_cell(
    reader: &mut XmlReader<'_>,
    kind: &str,
    format: NumberFormat,
    shared: &[String],
    state: &mut SheetState,
) -> Result<String, PartError> {
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
        "" | "n" => format.show(&value).unwrap_or_else(|| number_text(&value)),
        _ => number_text(&value),
    })
}

/// A number cell's text as Excel shows it in a General cell: 15 significant
/// digits (files often hold the binary value's 17: "0.30000000000000004"),
/// no ".0", no exponent for ordinary magnitudes. Anything else stays as written.
fn number_text(raw: &str) -> String {
    let Ok(value) = raw.trim().parse::<f64>() else {
        return raw.to_owned();
    };
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
}
