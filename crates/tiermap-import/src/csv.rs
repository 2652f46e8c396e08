//! Reading a CSV (or tab-separated) file into a [`Table`], the way people's
//! files really are: a byte-order mark, UTF-16 from Excel's "Unicode text",
//! Windows-1252 from older Excel, and commas, semicolons or tabs between
//! cells. What was guessed is said in the table's notes.

use std::path::Path;

use crate::table::{SpannedCell, Table, TableRow};
use crate::{ImportError, MAX_TABLE_BYTES, MAX_TABLE_ROWS};

/// Reads a CSV file. Size is checked before the file is read.
pub fn read_csv(path: &Path) -> Result<Table, ImportError> {
    let bytes = crate::read_bounded(path, MAX_TABLE_BYTES)?;
    csv_from_bytes(path, &bytes)
}

/// Parses CSV bytes; `path` only names the file in messages.
pub fn csv_from_bytes(path: &Path, bytes: &[u8]) -> Result<Table, ImportError> {
    if bytes.len() as u64 > MAX_TABLE_BYTES {
        return Err(ImportError::TooLarge {
            path: path.to_owned(),
            size: bytes.len() as u64,
            limit: MAX_TABLE_BYTES,
        });
    }
    let mut notes = Vec::new();
    let text = decode(bytes, &mut notes);
    if text.trim().is_empty() {
        return Err(ImportError::Empty {
            path: path.to_owned(),
        });
    }
    let separator = separator_of(first_line(&text));
    match separator {
        b';' => notes.push("Columns are separated by semicolons.".to_owned()),
        b'\t' => notes.push("Columns are separated by tabs.".to_owned()),
        b'|' => notes.push("Columns are separated by vertical bars.".to_owned()),
        _ => {}
    }
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(separator)
        .from_reader(text.as_bytes());
    if let Some(line) = unclosed_quote(&text, separator) {
        return Err(ImportError::Syntax {
            path: path.to_owned(),
            line,
            column: 0,
            message: "a quote opened on this line is never closed, so the rest of the file would be one cell".to_owned(),
        });
    }
    let mut header: Option<Vec<String>> = None;
    let mut rows = Vec::new();
    let mut spanned = Vec::new();
    // Rows past the limit are only counted, so the refusal can say how many the file has.
    let mut rows_over_limit = 0usize;
    // The csv crate's line count skips blank lines; count from byte offsets instead.
    let (mut counted_to, mut line) = (0usize, 1usize);
    let mut record = csv::StringRecord::new();
    loop {
        let position = reader.position().byte() as usize;
        match reader.read_record(&mut record) {
            Ok(true) => {}
            Ok(false) => break,
            Err(error) => return Err(syntax(path, &error)),
        }
        let mut start = record
            .position()
            .map_or(position, |p| p.byte() as usize)
            .min(text.len());
        // A record's position is where reading resumed: before any blank lines it skipped.
        while matches!(text.as_bytes().get(start), Some(b'\n' | b'\r')) {
            start += 1;
        }
        line += text.as_bytes()[counted_to.min(start)..start]
            .iter()
            .filter(|b| **b == b'\n')
            .count();
        counted_to = start;
        if record.iter().all(|c| c.trim().is_empty()) {
            continue;
        }
        if header.is_none() {
            header = Some(record.iter().map(unguarded).collect());
            continue;
        }
        if rows.len() >= MAX_TABLE_ROWS {
            rows_over_limit += 1;
            continue;
        }
        // Line breaks inside quotes: each such cell is noted with the lines it covers.
        let mut cell_line = line;
        for (column, cell) in record.iter().enumerate() {
            let breaks = line_breaks(cell);
            if breaks > 0 {
                spanned.push(SpannedCell {
                    row: rows.len(),
                    column,
                    first_line: cell_line,
                    last_line: cell_line + breaks,
                });
                cell_line += breaks;
            }
        }
        rows.push(TableRow {
            number: line,
            cells: record.iter().map(unguarded).collect(),
        });
    }
    if rows_over_limit > 0 {
        return Err(ImportError::TooManyRows {
            path: path.to_owned(),
            rows: rows.len() + rows_over_limit,
            limit: MAX_TABLE_ROWS,
        });
    }
    let header = header.ok_or_else(|| ImportError::Empty {
        path: path.to_owned(),
    })?;
    Ok(Table {
        header,
        rows,
        notes,
        spanned,
    })
}

/// The line breaks in a cell: a Windows `\r\n` is one, as is a lone `\n` or `\r`.
fn line_breaks(cell: &str) -> usize {
    let bytes = cell.as_bytes();
    bytes
        .iter()
        .enumerate()
        .filter(|(i, b)| **b == b'\n' || (**b == b'\r' && bytes.get(i + 1) != Some(&b'\n')))
        .count()
}

/// A cell's text, trimmed, without the apostrophe that keeps a formula-like
/// value ("=1+2", "-3") as text (Tiermap's exports and spreadsheets add it).
fn unguarded(cell: &str) -> String {
    let cell = cell.trim();
    match cell.strip_prefix('\'') {
        Some(rest) if rest.starts_with(['=', '+', '-', '@']) => rest.to_owned(),
        _ => cell.to_owned(),
    }
}

fn syntax(path: &Path, error: &csv::Error) -> ImportError {
    let line = error.position().map(|p| p.line() as usize).unwrap_or(0);
    let message = match error.kind() {
        csv::ErrorKind::Utf8 { .. } => "the text is not valid UTF-8".to_owned(),
        _ => error.to_string(),
    };
    ImportError::Syntax {
        path: path.to_owned(),
        line,
        column: 0,
        message,
    }
}

/// The text of the file: UTF-8 (a byte-order mark dropped), UTF-16 when it
/// starts with its mark, otherwise Windows-1252, the encoding Excel uses for
/// "CSV" on Western-European Windows (a superset of Latin-1).
fn decode(bytes: &[u8], notes: &mut Vec<String>) -> String {
    if let Some(rest) = bytes.strip_prefix(b"\xEF\xBB\xBF")
        && let Ok(text) = std::str::from_utf8(rest)
    {
        return text.to_owned();
    }
    let utf16 = |rest: &[u8], little: bool| {
        let units = rest.chunks(2).map(|pair| {
            let pair = [pair[0], pair.get(1).copied().unwrap_or(0)];
            if little {
                u16::from_le_bytes(pair)
            } else {
                u16::from_be_bytes(pair)
            }
        });
        char::decode_utf16(units)
            .map(|c| c.unwrap_or(char::REPLACEMENT_CHARACTER))
            .collect::<String>()
    };
    if let Some(rest) = bytes.strip_prefix(b"\xFF\xFE") {
        notes.push("Read as UTF-16 (little-endian).".to_owned());
        return utf16(rest, true);
    }
    if let Some(rest) = bytes.strip_prefix(b"\xFE\xFF") {
        notes.push("Read as UTF-16 (big-endian).".to_owned());
        return utf16(rest, false);
    }
    match std::str::from_utf8(bytes) {
        Ok(text) => text.to_owned(),
        Err(_) => {
            notes.push(
                "The file is not UTF-8: read as Windows-1252 (Latin-1). Check accented letters."
                    .to_owned(),
            );
            bytes.iter().map(|b| windows_1252(*b)).collect()
        }
    }
}

/// Windows-1252: Latin-1, with printable characters in 0x80–0x9F.
fn windows_1252(byte: u8) -> char {
    const HIGH: [char; 32] = [
        '€', '\u{81}', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', '\u{8D}', 'Ž',
        '\u{8F}', '\u{90}', '‘', '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', '\u{9D}',
        'ž', 'Ÿ',
    ];
    match byte {
        0x80..=0x9F => HIGH[(byte - 0x80) as usize],
        _ => byte as char,
    }
}

/// The line of a quote that opens a cell and is never closed, if any. A
/// quote opens a cell only at its start; inside, `""` is a literal quote.
fn unclosed_quote(text: &str, separator: u8) -> Option<usize> {
    let bytes = text.as_bytes();
    let (mut quoted, mut at_cell_start, mut line, mut opened_on) = (false, true, 1, 0);
    let mut index = 0;
    while index < bytes.len() {
        let b = bytes[index];
        if b == b'\n' {
            line += 1;
        }
        if quoted {
            if b == b'"' {
                if bytes.get(index + 1) == Some(&b'"') {
                    index += 1;
                } else {
                    quoted = false;
                }
            }
        } else if b == b'"' && at_cell_start {
            quoted = true;
            opened_on = line;
        }
        at_cell_start = !quoted && (b == separator || b == b'\n' || b == b'\r');
        index += 1;
    }
    quoted.then_some(opened_on)
}

/// The first record's text (up to an unquoted line break).
fn first_line(text: &str) -> &str {
    let mut quoted = false;
    for (index, c) in text.char_indices() {
        match c {
            '"' => quoted = !quoted,
            '\n' | '\r' if !quoted => return &text[..index],
            _ => {}
        }
    }
    text
}

/// The separator the header uses most, outside quotes: a comma unless
/// semicolons, tabs or bars are more common.
fn separator_of(header: &str) -> u8 {
    let mut counts = [(b',', 0usize), (b';', 0), (b'\t', 0), (b'|', 0)];
    let mut quoted = false;
    for c in header.bytes() {
        if c == b'"' {
            quoted = !quoted;
        } else if !quoted && let Some(entry) = counts.iter_mut().find(|(s, _)| *s == c) {
            entry.1 += 1;
        }
    }
    counts
        .iter()
        .fold(
            (b',', 0),
            |best, &(s, n)| if n > best.1 { (s, n) } else { best },
        )
        .0
}

#[cfg(test)]
mod tests {
    use super::*;

    fn table(bytes: &[u8]) -> Table {
        csv_from_bytes(Path::new("t.csv"), bytes).expect("table")
    }

    #[test]
    fn reads_quoted_cells_and_numbers_rows_by_their_line() {
        let t = table(b"name,kind\n\"Pay, roll\",product\n\n\"Multi\nline\",service\n");
        assert_eq!(t.header, ["name", "kind"]);
        assert_eq!(
            t.rows[0],
            TableRow {
                number: 2,
                cells: vec!["Pay, roll".into(), "product".into()]
            }
        );
        assert_eq!(t.rows[1].number, 4);
        assert_eq!(t.rows[1].cells[0], "Multi\nline");
    }

    #[test]
    fn semicolons_and_tabs_are_found_from_the_header() {
        let t = table(b"name;kind;description\nA;product;x, y\n");
        assert_eq!(t.rows[0].cells, ["A", "product", "x, y"]);
        assert!(t.notes[0].contains("semicolons"));
        assert_eq!(
            table(b"name\tkind\nA\tservice\n").rows[0].cells,
            ["A", "service"]
        );
    }

    #[test]
    fn byte_order_mark_utf16_and_windows_1252_are_decoded() {
        assert_eq!(table(b"\xEF\xBB\xBFname\nA\n").header, ["name"]);
        let utf16: Vec<u8> = "name\tkind\nÜrün\tproduct\n"
            .encode_utf16()
            .flat_map(|u| u.to_le_bytes())
            .collect();
        let t = table(&[b"\xFF\xFE".as_slice(), &utf16].concat());
        assert_eq!(t.rows[0].cells, ["Ürün", "product"]);
        let t = table(b"name\nCaf\xe9 \x80\n");
        assert_eq!(t.rows[0].cells, ["Café €"]);
        assert!(t.notes.iter().any(|n| n.contains("Windows-1252")));
    }

    #[test]
    fn an_empty_file_or_only_blank_lines_is_an_error_naming_the_file() {
        for bytes in [&b""[..], b"\n\n  \n", b"\xEF\xBB\xBF"] {
            let error = csv_from_bytes(Path::new("empty.csv"), bytes).unwrap_err();
            assert_eq!(error.to_string(), "empty.csv: the file is empty");
        }
    }

    #[test]
    fn rows_keep_their_lengths_and_quotes_inside_a_cell_are_literal() {
        let t = table(
            b"name,kind\nA,product,extra\nB\n5\" screen,product\n\"Say \"\"hi\"\"\",service\n",
        );
        assert_eq!(t.rows[0].cells.len(), 3);
        assert_eq!(t.rows[1].cells, ["B"]);
        assert_eq!(t.rows[2].cells, ["5\" screen", "product"]);
        assert_eq!(t.rows[3].cells, ["Say \"hi\"", "service"]);
    }

    #[test]
    fn an_unclosed_quote_is_an_error_naming_its_line() {
        let error = csv_from_bytes(
            Path::new("q.csv"),
            b"name,kind\nA,product\n\"C,service\nD,product\n",
        )
        .unwrap_err();
        assert_eq!(
            error.to_string(),
            "q.csv: line 3, column 0: a quote opened on this line is never closed, so the rest of the file would be one cell"
        );
    }

    #[test]
    fn a_quoted_cell_over_several_lines_is_noted_with_the_lines_it_covers() {
        let t =
            table(b"name,kind\nA,product\n\"Payroll,product\r\nBilling\",\"x\ny\"\nD,product\n");
        assert_eq!(t.rows[1].number, 3);
        assert_eq!(
            t.spanned,
            [
                SpannedCell {
                    row: 1,
                    column: 0,
                    first_line: 3,
                    last_line: 4
                },
                SpannedCell {
                    row: 1,
                    column: 1,
                    first_line: 4,
                    last_line: 5
                },
            ]
        );
        assert_eq!(t.rows[2].number, 6);
        assert!(table(b"name,kind\n\"A\",product\n").spanned.is_empty());
    }

    #[test]
    fn a_sheet_over_the_row_limit_is_refused_with_its_row_count() {
        let mut bytes = b"name\n".to_vec();
        for i in 0..MAX_TABLE_ROWS + 2 {
            bytes.extend_from_slice(format!("R{i}\n").as_bytes());
        }
        let error = csv_from_bytes(Path::new("big.csv"), &bytes).unwrap_err();
        let rows = MAX_TABLE_ROWS + 2;
        assert_eq!(
            error.to_string(),
            format!(
                "big.csv: the sheet has {rows} rows, more than the {MAX_TABLE_ROWS} Tiermap imports at once; \
                 split it into parts of at most {MAX_TABLE_ROWS} rows and import them one after another (--into)"
            )
        );
        bytes.truncate(bytes.len() - format!("R{}\nR{}\n", rows - 2, rows - 1).len());
        assert_eq!(
            table(&bytes).rows.len(),
            MAX_TABLE_ROWS,
            "the limit itself is read"
        );
    }
}
