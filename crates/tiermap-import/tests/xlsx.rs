//! XLSX: cells of every type land in the right row and column, sheets are
//! chosen by name, and hostile workbooks (zip bombs, entities, deep nesting,
//! other file types) give a clear error quickly instead of a panic or a
//! huge allocation. Workbooks are built here, part by part.

use std::io::{Cursor, Write};
use std::path::Path;
use std::time::{Duration, Instant};

use tiermap_import::{ImportError, Workbook, xlsx_from_bytes};
use zip::write::SimpleFileOptions;
use zip::{CompressionMethod, ZipArchive, ZipWriter};

const MAIN: &str = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const RELS: &str = "http://schemas.openxmlformats.org/package/2006/relationships";
const DOC_RELS: &str = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

fn zip_of(parts: &[(&str, &str)]) -> Vec<u8> {
    let mut writer = ZipWriter::new(Cursor::new(Vec::new()));
    let options = SimpleFileOptions::default().compression_method(CompressionMethod::Deflated);
    for (name, text) in parts {
        writer.start_file(*name, options).unwrap();
        writer.write_all(text.as_bytes()).unwrap();
    }
    writer.finish().unwrap().into_inner()
}

fn sheet_xml(rows: &str) -> String {
    format!(
        r#"<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="{MAIN}"><sheetData>{rows}</sheetData></worksheet>"#
    )
}

/// The parts of a workbook with the given sheets (name, sheet XML) and
/// shared strings; sheet N's relationship target is written `targets(N)`.
fn parts(sheets: &[(&str, String)], shared: Option<&str>, target: impl Fn(usize) -> String) -> Vec<(String, String)> {
    let mut entries = sheets.iter().enumerate().map(|(i, (name, _))| {
        let state = if name.starts_with("hidden") { r#" state="hidden""# } else { "" };
        format!(r#"<sheet name="{name}" sheetId="{}" r:id="rId{}"{state}/>"#, i + 1, i + 1)
    });
    let workbook = format!(
        r#"<?xml version="1.0"?><workbook xmlns="{MAIN}" xmlns:r="{DOC_RELS}"><sheets>{}</sheets></workbook>"#,
        entries.by_ref().collect::<String>()
    );
    let mut rels: String = (0..sheets.len())
        .map(|i| format!(r#"<Relationship Id="rId{}" Type="{DOC_RELS}/worksheet" Target="{}"/>"#, i + 1, target(i + 1)))
        .collect();
    rels.push_str(&format!(r#"<Relationship Id="rIdS" Type="{DOC_RELS}/sharedStrings" Target="sharedStrings.xml"/>"#));
    let mut out = vec![
        (
            "_rels/.rels".to_owned(),
            format!(
                r#"<Relationships xmlns="{RELS}"><Relationship Id="rId1" Type="{DOC_RELS}/officeDocument" Target="xl/workbook.xml"/></Relationships>"#
            ),
        ),
        ("xl/workbook.xml".to_owned(), workbook),
        ("xl/_rels/workbook.xml.rels".to_owned(), format!(r#"<Relationships xmlns="{RELS}">{rels}</Relationships>"#)),
    ];
    if let Some(shared) = shared {
        out.push(("xl/sharedStrings.xml".to_owned(), format!(r#"<sst xmlns="{MAIN}">{shared}</sst>"#)));
    }
    for (i, (_, xml)) in sheets.iter().enumerate() {
        out.push((format!("xl/worksheets/sheet{}.xml", i + 1), xml.clone()));
    }
    out
}

fn workbook(sheets: &[(&str, String)], shared: Option<&str>) -> Vec<u8> {
    let parts = parts(sheets, shared, |n| format!("worksheets/sheet{n}.xml"));
    zip_of(&parts.iter().map(|(n, t)| (n.as_str(), t.as_str())).collect::<Vec<_>>())
}

fn read(bytes: &[u8], sheet: Option<&str>) -> Result<Workbook, ImportError> {
    xlsx_from_bytes(Path::new("book.xlsx"), bytes, sheet)
}

fn malformed(result: Result<Workbook, ImportError>) -> String {
    match result {
        Err(error @ ImportError::Malformed { .. }) => error.to_string(),
        other => panic!("expected a Malformed error, got {other:?}"),
    }
}

#[test]
fn every_cell_type_reads_as_its_text() {
    let shared = r#"<si><t>name</t></si><si><t xml:space="preserve"> kind </t></si>
        <si><r><rPr><b/></rPr><t>Pay</t></r><r><t>roll</t></r><rPh sb="0" eb="1"><t>ペイ</t></rPh></si><si><t>a &amp; b</t></si>"#;
    let rows = r#"<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="inlineStr"><is><t>score</t></is></c>
            <c r="D1" t="inlineStr"><is><r><t>ac</t></r><r><t>tive</t></r></is></c><c r="E1" t="str"><f>"x"</f><v>formula</v></c><c r="F1" t="s"><v>3</v></c></row>
        <row r="2"><c r="A2" t="s"><v>2</v></c><c r="B2"><v>1</v></c><c r="C2"><v>0.95</v></c><c r="D2" t="b"><v>1</v></c>
            <c r="E2" t="e"><v>#N/A</v></c><c r="F2"><v>0.30000000000000004</v></c></row>
        <row r="3"><c r="A3"><v>1.0</v></c><c r="B3"><v>2.5E+3</v></c><c r="C3"><v>-7</v></c><c r="D3" t="b"><v>0</v></c></row>"#;
    let book = read(&workbook(&[("Elements", sheet_xml(rows))], Some(shared)), None).unwrap();
    assert_eq!(book.table.header, ["name", " kind ", "score", "active", "formula", "a & b"]);
    assert_eq!(book.table.rows[0].cells, ["Payroll", "1", "0.95", "TRUE", "#N/A", "0.3"]);
    assert_eq!(book.table.rows[1].cells, ["1", "2500", "-7", "FALSE"]);
}

#[test]
fn cells_and_rows_land_where_their_references_put_them() {
    let rows = r#"<row r="2"/><row r="3"><c r="A3" t="inlineStr"><is><t>name</t></is></c><c r="C3" t="inlineStr"><is><t>owner</t></is></c></row>
        <row r="5"><c r="B5"><v>7</v></c><c><v>8</v></c><c r="E5"><v>9</v></c></row>
        <row><c t="inlineStr"><is><t>next</t></is></c></row>
        <row r="9"><c r="A9" t="inlineStr"><is><t>   </t></is></c><c r="B9" t="inlineStr"><is><t></t></is></c></row>
        <row r="10"><c r="A10" t="inlineStr"><is><t>x</t></is></c><c r="B10" t="inlineStr"><is><t></t></is></c></row>"#;
    let table = read(&workbook(&[("S", sheet_xml(rows))], None), None).unwrap().table;
    assert_eq!(table.header, ["name", "", "owner"]);
    let numbered: Vec<(usize, Vec<String>)> = table.rows.iter().map(|r| (r.number, r.cells.clone())).collect();
    assert_eq!(
        numbered,
        [
            (5, vec!["".to_owned(), "7".to_owned(), "8".to_owned(), "".to_owned(), "9".to_owned()]),
            (6, vec!["next".to_owned()]),
            (10, vec!["x".to_owned()]),
        ],
        "empty and blank rows are left out; trailing empty cells are trimmed"
    );
}

#[test]
fn a_sheet_is_chosen_by_name_in_any_case_or_else_the_first_visible() {
    let one =
        |text: &str| sheet_xml(&format!(r#"<row r="1"><c r="A1" t="inlineStr"><is><t>{text}</t></is></c></row>"#));
    let bytes =
        workbook(&[("hidden notes", one("secret")), ("Elements", one("first")), ("Owners", one("second"))], None);
    let default = read(&bytes, None).unwrap();
    assert_eq!((default.sheet.as_str(), default.table.header[0].as_str()), ("Elements", "first"));
    assert_eq!(default.sheets, ["hidden notes", "Elements", "Owners"]);
    let named = read(&bytes, Some("  owners ")).unwrap();
    assert_eq!((named.sheet.as_str(), named.table.header[0].as_str()), ("Owners", "second"));
    match read(&bytes, Some("People")).unwrap_err() {
        error @ ImportError::NoSuchSheet { .. } => {
            let message = error.to_string();
            assert!(message.contains("'People'") && message.contains("Elements, Owners"), "{message}");
        }
        other => panic!("expected NoSuchSheet, got {other:?}"),
    }
}

#[test]
fn absolute_relationship_targets_and_odd_part_name_case_are_found() {
    let sheet = sheet_xml(r#"<row r="1"><c r="A1" t="inlineStr"><is><t>ok</t></is></c></row>"#);
    let mut parts = parts(&[("S", sheet)], None, |n| format!("/xl/worksheets/sheet{n}.xml"));
    parts[3].0 = "xl/Worksheets/Sheet1.XML".to_owned();
    let bytes = zip_of(&parts.iter().map(|(n, t)| (n.as_str(), t.as_str())).collect::<Vec<_>>());
    assert_eq!(read(&bytes, None).unwrap().table.header, ["ok"]);
}

#[test]
fn an_empty_sheet_is_empty() {
    let bytes = workbook(
        &[("S", sheet_xml(r#"<row r="1"/><row r="2"><c r="A2" t="inlineStr"><is><t> </t></is></c></row>"#))],
        None,
    );
    assert!(matches!(read(&bytes, None), Err(ImportError::Empty { .. })));
    assert!(matches!(read(b"", None), Err(ImportError::Empty { .. })));
}

#[test]
fn files_that_are_not_workbooks_say_what_they_are() {
    assert!(malformed(read(b"name,kind\nPayroll,product\n", None)).contains("not a zip"));
    let mut xls = vec![0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
    xls.resize(512, 0);
    let message = malformed(read(&xls, None));
    assert!(message.contains(".xls") && message.contains("CSV"), "{message}");
    let message = malformed(read(&zip_of(&[("word/document.xml", "<w/>")]), None));
    assert!(message.contains("not an XLSX workbook: it has no xl/workbook.xml"), "{message}");
    let message = malformed(read(b"PK\x03\x04 broken", None));
    assert!(message.contains("not an XLSX workbook"), "{message}");
    // A workbook whose sheet part is missing names the part.
    let mut parts = parts(&[("S", sheet_xml(""))], None, |n| format!("worksheets/sheet{n}.xml"));
    parts.pop();
    let bytes = zip_of(&parts.iter().map(|(n, t)| (n.as_str(), t.as_str())).collect::<Vec<_>>());
    assert!(malformed(read(&bytes, None)).contains("xl/worksheets/sheet1.xml"));
}

#[test]
fn external_entities_are_never_read() {
    let xxe = r#"<?xml version="1.0"?><!DOCTYPE x [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>"#;
    let sheet = format!(
        r#"{xxe}<worksheet xmlns="{MAIN}"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>&xxe;</t></is></c></row></sheetData></worksheet>"#
    );
    let message = malformed(read(&workbook(&[("S", sheet)], None), None));
    assert!(message.contains("DOCTYPE") && message.contains("sheet1.xml"), "{message}");
    assert!(!message.contains("root:"), "no file content in the message: {message}");
    // Without a DOCTYPE the entity is simply unknown: an error, not a panic.
    let sheet = sheet_xml(r#"<row r="1"><c r="A1" t="inlineStr"><is><t>&xxe;</t></is></c></row>"#);
    assert!(malformed(read(&workbook(&[("S", sheet)], None), None)).contains("&xxe;"));
}

#[test]
fn a_billion_laughs_is_refused_before_anything_expands() {
    let mut doctype = String::from(r#"<!DOCTYPE sst [<!ENTITY lol "lol">"#);
    for i in 1..10 {
        doctype.push_str(&format!(
            r#"<!ENTITY lol{i} "{}">"#,
            format!("&lol{};", i - 1).repeat(10).replace("&lol0;", "&lol;")
        ));
    }
    doctype.push_str("]>");
    let shared = format!(r#"<?xml version="1.0"?>{doctype}<sst xmlns="{MAIN}"><si><t>&lol9;</t></si></sst>"#);
    let sheet = sheet_xml(r#"<row r="1"><c r="A1" t="s"><v>0</v></c></row>"#);
    let mut parts = parts(&[("S", sheet)], None, |n| format!("worksheets/sheet{n}.xml"));
    parts.push(("xl/sharedStrings.xml".to_owned(), shared));
    let bytes = zip_of(&parts.iter().map(|(n, t)| (n.as_str(), t.as_str())).collect::<Vec<_>>());
    let message = malformed(read(&bytes, None));
    assert!(message.contains("sharedStrings.xml") && message.contains("DOCTYPE"), "{message}");
}

#[test]
fn deep_nesting_is_an_error_not_a_stack_overflow() {
    let depth = 100_000;
    let sheet = format!(r#"<worksheet xmlns="{MAIN}">{}{}</worksheet>"#, "<x>".repeat(depth), "</x>".repeat(depth));
    let message = malformed(read(&workbook(&[("S", sheet)], None), None));
    assert!(message.contains("nested more than 256"), "{message}");
}

#[test]
fn references_outside_the_sheet_or_the_strings_are_errors_with_a_line() {
    let sheet = sheet_xml("<row r=\"1\">\n<c r=\"A1\" t=\"s\"><v>5</v></c></row>");
    let message = malformed(read(&workbook(&[("S", sheet)], Some("<si><t>only</t></si>")), None));
    assert!(message.contains("line 2") && message.contains("shared string '5'"), "{message}");
    let sheet = sheet_xml(r#"<row r="1"><c r="XFE1"><v>1</v></c></row>"#);
    assert!(malformed(read(&workbook(&[("S", sheet)], None), None)).contains("beyond column XFD"));
    let sheet = sheet_xml(r#"<row r="1048577"><c><v>1</v></c></row>"#);
    assert!(malformed(read(&workbook(&[("S", sheet)], None), None)).contains("outside 1 to 1048576"));
}

/// A raw deflate stream of `length` zero bytes (at least 1), written with
/// the fixed Huffman codes: one literal zero, then copies of 258 bytes at
/// distance 1. 13 bits per 258 bytes, so 300 MB takes under 2 MB.
fn deflated_zeros(length: u64) -> Vec<u8> {
    struct Bits {
        out: Vec<u8>,
        acc: u64,
        count: u32,
    }
    impl Bits {
        fn put(&mut self, value: u64, count: u32) {
            self.acc |= value << self.count;
            self.count += count;
            while self.count >= 8 {
                self.out.push(self.acc as u8);
                self.acc >>= 8;
                self.count -= 8;
            }
        }
        /// Huffman codes go most significant bit first.
        fn code(&mut self, code: u64, count: u32) {
            let reversed = (0..count).fold(0, |r, i| r | (((code >> i) & 1) << (count - 1 - i)));
            self.put(reversed, count);
        }
    }
    let mut bits = Bits { out: Vec::new(), acc: 0, count: 0 };
    bits.put(1, 1); // the last block
    bits.put(1, 2); // fixed Huffman codes
    bits.code(0x30, 8); // literal 0
    let mut left = length - 1;
    while left >= 258 {
        bits.code(0xC5, 8); // length 258 (code 285)
        bits.code(0, 5); // distance 1
        left -= 258;
    }
    for _ in 0..left {
        bits.code(0x30, 8);
    }
    bits.code(0, 7); // end of block
    bits.put(0, 7); // flush
    bits.out
}

/// A zip with one deflated entry whose header declares `declared` bytes
/// unpacked (and a CRC of 0: a bomb is never read to its end).
fn zip_with_raw_entry(name: &str, data: &[u8], declared: u32) -> Vec<u8> {
    let u16le = |v: u16| v.to_le_bytes();
    let u32le = |v: u32| v.to_le_bytes();
    let size = u32::try_from(data.len()).unwrap();
    let name_len = u16::try_from(name.len()).unwrap();
    let mut out = Vec::new();
    let common = |out: &mut Vec<u8>| {
        for part in [
            &u16le(20)[..],
            &u16le(0),
            &u16le(8),
            &u16le(0),
            &u16le(0x21),
            &u32le(0),
            &u32le(size),
            &u32le(declared),
            &u16le(name_len),
            &u16le(0),
        ] {
            out.extend_from_slice(part);
        }
    };
    out.extend_from_slice(&u32le(0x0403_4b50));
    common(&mut out);
    out.extend_from_slice(name.as_bytes());
    out.extend_from_slice(data);
    let directory = u32::try_from(out.len()).unwrap();
    out.extend_from_slice(&u32le(0x0201_4b50));
    out.extend_from_slice(&u16le(20));
    common(&mut out);
    for part in [&u16le(0)[..], &u16le(0), &u16le(0), &u32le(0), &u32le(0)] {
        out.extend_from_slice(part);
    }
    out.extend_from_slice(name.as_bytes());
    let directory_size = u32::try_from(out.len()).unwrap() - directory;
    out.extend_from_slice(&u32le(0x0605_4b50));
    for part in [&u16le(0)[..], &u16le(0), &u16le(1), &u16le(1), &u32le(directory_size), &u32le(directory), &u16le(0)] {
        out.extend_from_slice(part);
    }
    out
}

/// A real workbook whose sheet part is the raw entry of `bomb`.
fn workbook_with_sheet_from(bomb: &[u8]) -> Vec<u8> {
    let mut parts = parts(&[("S", String::new())], None, |n| format!("worksheets/sheet{n}.xml"));
    parts.pop();
    let mut writer = ZipWriter::new(Cursor::new(Vec::new()));
    let options = SimpleFileOptions::default().compression_method(CompressionMethod::Deflated);
    for (name, text) in &parts {
        writer.start_file(name.as_str(), options).unwrap();
        writer.write_all(text.as_bytes()).unwrap();
    }
    let mut source = ZipArchive::new(Cursor::new(bomb)).unwrap();
    writer.raw_copy_file_rename(source.by_index_raw(0).unwrap(), "xl/worksheets/sheet1.xml").unwrap();
    writer.finish().unwrap().into_inner()
}

#[test]
fn a_zip_bomb_stops_at_the_limit() {
    let zeros = deflated_zeros(300 * 1024 * 1024);
    assert!(zeros.len() < 2_000_000, "{}", zeros.len());
    let started = Instant::now();
    let message =
        malformed(read(&workbook_with_sheet_from(&zip_with_raw_entry("bomb", &zeros, 300 * 1024 * 1024)), None));
    assert!(message.contains("more than 64 MB in xl/worksheets/sheet1.xml (a zip bomb?)"), "{message}");
    assert!(started.elapsed() < Duration::from_secs(60), "stopped at the limit, not after 300 MB");
}

#[test]
fn a_part_larger_than_it_declares_is_an_error() {
    let zeros = deflated_zeros(10 * 1024 * 1024);
    let message = malformed(read(&workbook_with_sheet_from(&zip_with_raw_entry("bomb", &zeros, 100)), None));
    assert!(message.contains("sheet1.xml cannot be unpacked"), "{message}");
}

#[test]
fn an_exported_workbook_reads_back_cell_for_cell() {
    let header = ["name", "kind", "owner", "note"];
    let rows = vec![
        vec!["Payroll".to_owned(), "product".to_owned(), "A. Rivera".to_owned(), " padded ".to_owned()],
        vec!["<b>&\"x\"</b>".to_owned(), "007".to_owned(), String::new(), "line 1\nline 2".to_owned()],
        vec!["製品 Ürün عربي".to_owned(), "0.95".to_owned(), "TRUE".to_owned(), "tab\there".to_owned()],
    ];
    let bytes = tiermap_export::xlsx("Elements", &header, &rows);
    let book = read(&bytes, None).unwrap();
    assert_eq!(book.sheets, ["Elements"]);
    assert_eq!(book.table.header, header);
    let back: Vec<Vec<String>> = book.table.rows.iter().map(|r| r.cells.clone()).collect();
    let mut expected = rows.clone();
    expected[1].truncate(4);
    assert_eq!(back, expected);
    assert_eq!(book.table.rows.iter().map(|r| r.number).collect::<Vec<_>>(), [2, 3, 4]);
}

/// A styles part with number formats `num_fmts` (id, code) and cell
/// formats of the ids `xfs`; decoys around them (a cell style that is a
/// date, a conditional format redefining 9) must not count.
fn style_sheet(num_fmts: &[(u32, &str)], xfs: &[u32]) -> String {
    let num_fmts: String =
        num_fmts.iter().map(|(id, code)| format!(r#"<numFmt numFmtId="{id}" formatCode="{code}"/>"#)).collect();
    let xfs: String =
        xfs.iter().map(|id| format!(r#"<xf numFmtId="{id}" fontId="0" applyNumberFormat="1"/>"#)).collect();
    format!(
        r#"<?xml version="1.0"?><styleSheet xmlns="{MAIN}"><numFmts>{num_fmts}</numFmts><cellStyleXfs><xf numFmtId="14"/></cellStyleXfs><cellXfs>{xfs}</cellXfs><dxfs><dxf><numFmt numFmtId="9" formatCode="yyyy"/></dxf></dxfs></styleSheet>"#
    )
}

/// A one-sheet workbook: a header, then one row of number cells written
/// "style:value" ("-:value" has no style), with `styles` as the styles part
/// the workbook's relationships name and `date1904` its date system.
fn styled(cells: &str, styles: Option<&str>, date1904: Option<&str>) -> Vec<u8> {
    let column = |i: usize| char::from(b'A' + u8::try_from(i).unwrap());
    let cells: Vec<(&str, &str)> = cells.split_whitespace().map(|c| c.split_once(':').unwrap()).collect();
    let header: String =
        (0..cells.len()).map(|i| format!(r#"<c r="{}1" t="inlineStr"><is><t>h{i}</t></is></c>"#, column(i))).collect();
    let row: String = cells
        .iter()
        .enumerate()
        .map(|(i, (s, v))| {
            let style = if *s == "-" { String::new() } else { format!(r#" s="{s}""#) };
            format!(r#"<c r="{}2"{style}><v>{v}</v></c>"#, column(i))
        })
        .collect();
    let sheet = sheet_xml(&format!(r#"<row r="1">{header}</row><row r="2">{row}</row>"#));
    let mut parts = parts(&[("S", sheet)], None, |n| format!("worksheets/sheet{n}.xml"));
    if let Some(value) = date1904 {
        parts[1].1 = parts[1].1.replace("<sheets>", &format!(r#"<workbookPr date1904="{value}"/><sheets>"#));
    }
    let styles_rel =
        format!(r#"<Relationship Id="rIdT" Type="{DOC_RELS}/styles" Target="styles.xml"/></Relationships>"#);
    parts[2].1 = parts[2].1.replace("</Relationships>", &styles_rel);
    if let Some(styles) = styles {
        parts.push(("xl/styles.xml".to_owned(), styles.to_owned()));
    }
    zip_of(&parts.iter().map(|(n, t)| (n.as_str(), t.as_str())).collect::<Vec<_>>())
}

/// The cells of the styled row as read.
fn styled_row(cells: &str, styles: Option<&str>, date1904: Option<&str>) -> Vec<String> {
    read(&styled(cells, styles, date1904), None).unwrap().table.rows[0].cells.clone()
}

#[test]
fn percent_formats_read_as_excel_shows_them() {
    let custom = [(164, "0.0%"), (165, "0.00&quot;%&quot;"), (166, "[Red]#,##0%")];
    let styles = style_sheet(&custom, &[0, 9, 10, 164, 165, 166]);
    let cells = "1:0.95 1:0.07 1:0.285 2:0.1234 3:0.999 4:0.5 5:-0.25 2:1 0:0.95";
    let expected = ["95%", "7%", "29%", "12.34%", "99.9%", "0.5", "-25%", "100.00%", "0.95"];
    assert_eq!(styled_row(cells, Some(&styles), None), expected);
    // Only numbers: text, booleans and errors in a percent cell stay as written.
    let rows = r#"<row r="1"><c r="A1" t="inlineStr" s="1"><is><t>target</t></is></c><c r="B1" t="b" s="1"><v>1</v></c>
        <c r="C1" t="e" s="1"><v>#DIV/0!</v></c><c r="D1" t="str" s="1"><v>0.5</v></c><c r="E1" s="1"><v>0.5</v></c></row>"#;
    let mut parts = parts(&[("S", sheet_xml(rows))], None, |n| format!("worksheets/sheet{n}.xml"));
    parts.push(("xl/styles.xml".to_owned(), styles));
    let bytes = zip_of(&parts.iter().map(|(n, t)| (n.as_str(), t.as_str())).collect::<Vec<_>>());
    assert_eq!(read(&bytes, None).unwrap().table.header, ["target", "TRUE", "#DIV/0!", "0.5", "50%"]);
}

#[test]
fn date_and_time_formats_read_as_iso_dates_and_times() {
    let custom = [(164, "dd/mm/yyyy"), (165, "yyyy-mm-dd hh:mm:ss"), (166, "[h]:mm"), (167, "h:mm AM/PM")];
    let styles = style_sheet(&custom, &[0, 14, 22, 20, 164, 165, 166, 167]);
    let cells = "1:45291 1:45291.75 2:45291.75 2:45291 3:0.5 4:45351 5:45291.5 6:1.5 7:0.75";
    let expected = [
        "2023-12-31",
        "2023-12-31",
        "2023-12-31 18:00",
        "2023-12-31",
        "12:00",
        "2024-02-29",
        "2023-12-31 12:00:00",
        "36:00",
        "18:00",
    ];
    assert_eq!(styled_row(cells, Some(&styles), None), expected);
    // Excel's 1900 counts a 29 February that never was: serial 60 has no
    // date and stays a number, and the days after it are one ahead.
    let edges = "1:59 1:60 1:61 1:2958465 1:2958466 1:-1 1:0";
    let expected = ["1900-02-28", "60", "1900-03-01", "9999-12-31", "2958466", "-1", "0"];
    assert_eq!(styled_row(edges, Some(&styles), None), expected);
}

#[test]
fn a_1904_workbook_counts_days_from_1904() {
    let styles = style_sheet(&[(164, "yyyy-mm-dd")], &[0, 14, 164, 22]);
    let cells = "1:43829 2:0 3:1462.25 1:45291";
    let in_1904 = ["2023-12-31", "1904-01-01", "1908-01-02 06:00", "2028-01-01"];
    assert_eq!(styled_row(cells, Some(&styles), Some("1")), in_1904);
    assert_eq!(styled_row(cells, Some(&styles), Some("true")), in_1904);
    let in_1900 = ["2019-12-30", "0", "1904-01-01 06:00", "2023-12-31"];
    assert_eq!(styled_row(cells, Some(&styles), Some("0")), in_1900);
    assert_eq!(styled_row(cells, Some(&styles), None), in_1900);
}

#[test]
fn general_and_other_formats_leave_numbers_as_they_were() {
    // numFmtId 0 (General), 2 ("0.00"), 11 (scientific), 49 (text), a
    // custom number format, an unknown id, no style and a style the part lacks.
    let styles = style_sheet(&[(164, "#,##0.00 &quot;days&quot;")], &[0, 2, 11, 49, 164, 300]);
    let cells = "0:0.95 1:1.0 2:1.5E+3 3:45291 4:0.30000000000000004 5:0.95 -:45291 99:0.95";
    let expected = ["0.95", "1", "1500", "45291", "0.3", "0.95", "45291", "0.95"];
    assert_eq!(styled_row(cells, Some(&styles), None), expected);
}

#[test]
fn a_missing_or_broken_styles_part_reads_every_number_as_general() {
    let cells = "1:0.95 2:45291";
    // The relationship names xl/styles.xml, which is not in the zip.
    let book = read(&styled(cells, None, None), None).unwrap();
    assert_eq!(book.table.rows[0].cells, ["0.95", "45291"]);
    assert!(book.table.notes.is_empty(), "{:?}", book.table.notes);
    let broken = format!(
        r#"<styleSheet xmlns="{MAIN}"><cellXfs><xf numFmtId="0"/><xf numFmtId="9"/><xf numFmtId="14"/></numFmts>"#
    );
    let book = read(&styled(cells, Some(&broken), None), None).unwrap();
    assert_eq!(book.table.rows[0].cells, ["0.95", "45291"]);
    assert!(book.table.notes.iter().any(|n| n.contains("xl/styles.xml, line 1")), "{:?}", book.table.notes);
}

#[test]
fn a_styles_part_with_a_doctype_is_refused_like_any_part() {
    let xxe = r#"<?xml version="1.0"?><!DOCTYPE styleSheet [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>"#;
    let styles = format!(
        r#"{xxe}<styleSheet xmlns="{MAIN}"><numFmts><numFmt numFmtId="164" formatCode="&xxe;"/></numFmts><cellXfs><xf numFmtId="9"/></cellXfs></styleSheet>"#
    );
    let message = malformed(read(&styled("0:0.95", Some(&styles), None), None));
    assert!(message.contains("DOCTYPE") && message.contains("xl/styles.xml"), "{message}");
}

#[test]
fn a_sheet_over_the_row_limit_is_refused_with_its_row_count() {
    let rows = tiermap_import::MAX_TABLE_ROWS + 2;
    let mut xml = String::from(r#"<row r="1"><c r="A1" t="inlineStr"><is><t>name</t></is></c></row>"#);
    for r in 2..=rows + 1 {
        xml.push_str(&format!(r#"<row r="{r}"><c r="A{r}"><v>{r}</v></c></row>"#));
    }
    let error = read(&workbook(&[("Elements", sheet_xml(&xml))], None), None).unwrap_err();
    assert!(
        error.to_string().starts_with(&format!(
            "book.xlsx: the sheet has {rows} rows, more than the {} Tiermap imports at once",
            tiermap_import::MAX_TABLE_ROWS
        )),
        "{error}"
    );
}
