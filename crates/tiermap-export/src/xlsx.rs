//! A one-sheet Excel workbook (.xlsx) of text cells: the smallest set of
//! SpreadsheetML parts Excel and LibreOffice open without a repair prompt.
//! The header row is bold and frozen, columns are sized to their text, and
//! every cell is an inline string, so nothing is reinterpreted as a number
//! or a date. Deterministic: the same input gives the same bytes.

use std::fmt::Write as _;

use crate::package;
use crate::xml::push_escaped;

/// Excel refuses a cell longer than this (counted in UTF-16 units).
const MAX_CELL_UNITS: usize = 32_767;
/// Column widths, in characters of the default font.
const MIN_WIDTH: usize = 8;
const MAX_WIDTH: usize = 60;

const CONTENT_TYPES: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/></Types>"#;

const ROOT_RELS: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>"#;

const WORKBOOK_RELS: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>"#;

/// Two cell formats: 0 plain, 1 bold (the header).
const STYLES: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><fonts count="2"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font><font><b/><sz val="11"/><name val="Calibri"/><family val="2"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/></cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>"#;

/// A workbook with one sheet named `sheet_name` (made valid for Excel):
/// `header` in bold, then `rows`. Rows may be shorter or longer than the header.
pub fn xlsx(sheet_name: &str, header: &[&str], rows: &[Vec<String>]) -> Vec<u8> {
    let header: Vec<String> = header.iter().map(|h| (*h).to_owned()).collect();
    let workbook = format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><bookViews><workbookView/></bookViews><sheets><sheet name="{}" sheetId="1" r:id="rId1"/></sheets></workbook>"#,
        crate::xml::escape(&valid_sheet_name(sheet_name))
    );
    let sheet = worksheet(&header, rows);
    let entries: [(&str, &[u8]); 6] = [
        ("[Content_Types].xml", CONTENT_TYPES.as_bytes()),
        ("_rels/.rels", ROOT_RELS.as_bytes()),
        ("xl/workbook.xml", workbook.as_bytes()),
        ("xl/_rels/workbook.xml.rels", WORKBOOK_RELS.as_bytes()),
        ("xl/styles.xml", STYLES.as_bytes()),
        ("xl/worksheets/sheet1.xml", sheet.as_bytes()),
    ];
    // Writing to memory with fixed options cannot fail; an empty vector
    // would only mean a bug in the zip writer.
    package::zip(entries.map(|(name, bytes)| (name.to_owned(), bytes))).unwrap_or_default()
}

fn worksheet(header: &[String], rows: &[Vec<String>]) -> String {
    let all_rows = || std::iter::once(header).chain(rows.iter().map(Vec::as_slice));
    let columns = all_rows().map(<[String]>::len).max().unwrap_or(0);
    let mut widths = vec![MIN_WIDTH; columns];
    for row in all_rows() {
        for (width, cell) in widths.iter_mut().zip(row) {
            let longest_line = cell.lines().map(|l| l.chars().count()).max().unwrap_or(0);
            *width = (*width).max(longest_line + 2).min(MAX_WIDTH);
        }
    }

    let mut xml = String::from(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">"#,
    );
    if columns > 0 {
        let _ = write!(
            xml,
            r#"<dimension ref="A1:{}{}"/>"#,
            column_name(columns - 1),
            rows.len() + 1
        );
    }
    // The header stays in view while scrolling.
    xml.push_str(
        r#"<sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/><selection pane="bottomLeft" activeCell="A2" sqref="A2"/></sheetView></sheetViews><sheetFormatPr defaultRowHeight="15"/>"#,
    );
    if columns > 0 {
        xml.push_str("<cols>");
        for (i, width) in widths.iter().enumerate() {
            let _ = write!(
                xml,
                r#"<col min="{0}" max="{0}" width="{width}" customWidth="1"/>"#,
                i + 1
            );
        }
        xml.push_str("</cols>");
    }
    xml.push_str("<sheetData>");
    for (i, row) in all_rows().enumerate() {
        let number = i + 1;
        let style = if i == 0 { r#" s="1""# } else { "" };
        let _ = write!(xml, r#"<row r="{number}">"#);
        for (column, cell) in row.iter().enumerate() {
            if cell.is_empty() {
                continue;
            }
            let _ = write!(
                xml,
                r#"<c r="{}{number}"{style} t="inlineStr"><is><t"#,
                column_name(column)
            );
            let cell = truncated(cell);
            if cell.starts_with(char::is_whitespace) || cell.ends_with(char::is_whitespace) {
                xml.push_str(r#" xml:space="preserve""#);
            }
            xml.push('>');
            push_escaped(&mut xml, cell);
            xml.push_str("</t></is></c>");
        }
        xml.push_str("</row>");
    }
    xml.push_str("</sheetData></worksheet>");
    xml
}

/// "A", "B", …, "Z", "AA", … for a zero-based column.
fn column_name(mut column: usize) -> String {
    let mut letters = Vec::new();
    loop {
        letters.push(b'A' + (column % 26) as u8);
        if column < 26 {
            break;
        }
        column = column / 26 - 1;
    }
    letters.iter().rev().map(|&b| char::from(b)).collect()
}

/// The text cut to what one Excel cell holds, at a character boundary.
fn truncated(text: &str) -> &str {
    let mut units = 0;
    for (at, c) in text.char_indices() {
        units += c.len_utf16();
        if units > MAX_CELL_UNITS {
            return &text[..at];
        }
    }
    text
}

/// Excel's rules for a sheet name: 1 to 31 characters, none of `:\/?*[]`,
/// not starting or ending with an apostrophe.
fn valid_sheet_name(name: &str) -> String {
    let cleaned: String = name
        .chars()
        .map(|c| {
            if matches!(c, ':' | '\\' | '/' | '?' | '*' | '[' | ']') || c.is_control() {
                '_'
            } else {
                c
            }
        })
        .take(31)
        .collect();
    let cleaned = cleaned.trim().trim_matches('\'');
    if cleaned.is_empty() {
        "Sheet1".to_owned()
    } else {
        cleaned.to_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_are_lettered_like_excel() {
        assert_eq!(column_name(0), "A");
        assert_eq!(column_name(25), "Z");
        assert_eq!(column_name(26), "AA");
        assert_eq!(column_name(701), "ZZ");
        assert_eq!(column_name(702), "AAA");
        assert_eq!(column_name(16_383), "XFD");
    }

    #[test]
    fn sheet_names_follow_excel_rules() {
        assert_eq!(
            valid_sheet_name("Owners: 2025/26 [draft]"),
            "Owners_ 2025_26 _draft_"
        );
        assert_eq!(valid_sheet_name("'quoted'"), "quoted");
        assert_eq!(valid_sheet_name(""), "Sheet1");
        assert_eq!(valid_sheet_name(&"x".repeat(40)).chars().count(), 31);
    }

    #[test]
    fn long_cells_are_cut_at_excels_limit() {
        let long = "é".repeat(40_000);
        assert_eq!(truncated(&long).chars().count(), MAX_CELL_UNITS);
        let emoji = "😀".repeat(20_000);
        assert_eq!(truncated(&emoji).chars().count(), MAX_CELL_UNITS / 2);
    }

    #[test]
    fn the_same_table_gives_the_same_bytes_and_markup_stays_text() {
        let rows = vec![vec!["<b>&\"x\"</b>".to_owned(), " padded ".to_owned()]];
        let first = xlsx("Elements", &["name", "note"], &rows);
        assert_eq!(first, xlsx("Elements", &["name", "note"], &rows));
        let sheet = worksheet(&["name".to_owned()], &rows);
        assert!(
            sheet.contains("&lt;b&gt;&amp;&quot;x&quot;&lt;/b&gt;"),
            "{sheet}"
        );
        assert!(
            sheet.contains(r#"<t xml:space="preserve"> padded </t>"#),
            "{sheet}"
        );
        assert!(
            sheet.contains(r#"<c r="A1" s="1" t="inlineStr">"#),
            "{sheet}"
        );
    }
}
