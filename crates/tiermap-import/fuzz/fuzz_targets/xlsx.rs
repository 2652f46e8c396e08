//! XLSX workbooks: any bytes give a workbook or an error, never a panic.
//!
//! Random bytes rarely make a valid zip, so the first byte chooses what the
//! rest is: the whole file, or the sheet or the shared strings of an
//! otherwise valid workbook, which reaches the cell reader directly.
#![no_main]

use std::io::{Cursor, Write};
use std::path::Path;

use libfuzzer_sys::fuzz_target;
use zip::ZipWriter;
use zip::write::SimpleFileOptions;

const WORKBOOK: &str = r#"<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="S" sheetId="1" r:id="rId1"/></sheets></workbook>"#;
const RELS: &str = r#"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>"#;
const SHEET: &[u8] = br#"<worksheet><sheetData><row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="inlineStr"><is><t>b</t></is></c></row><row><c><v>1.5</v></c></row></sheetData></worksheet>"#;
const SHARED: &[u8] = br#"<sst><si><t>a</t></si><si><r><t>b</t></r></si></sst>"#;

fn workbook_with(sheet: &[u8], shared: &[u8]) -> Vec<u8> {
    let mut writer = ZipWriter::new(Cursor::new(Vec::new()));
    let options = SimpleFileOptions::default().compression_method(zip::CompressionMethod::Stored);
    for (name, bytes) in [
        ("xl/workbook.xml", WORKBOOK.as_bytes()),
        ("xl/_rels/workbook.xml.rels", RELS.as_bytes()),
        ("xl/worksheets/sheet1.xml", sheet),
        ("xl/sharedStrings.xml", shared),
    ] {
        if writer.start_file(name, options).and_then(|()| Ok(writer.write_all(bytes)?)).is_err() {
            return Vec::new();
        }
    }
    writer.finish().map(Cursor::into_inner).unwrap_or_default()
}

fuzz_target!(|data: &[u8]| {
    let Some((&mode, rest)) = data.split_first() else { return };
    let bytes = match mode % 3 {
        0 => rest.to_vec(),
        1 => workbook_with(rest, SHARED),
        _ => workbook_with(SHEET, rest),
    };
    let _ = tiermap_import::xlsx_from_bytes(Path::new("fuzz.xlsx"), &bytes, None);
});
