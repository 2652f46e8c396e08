//! Any source a person brings, by its extension (or, without a known one, by
//! its first bytes): CSV and tab-separated text, XLSX workbooks, ArchiMate
//! exchange files. (Tiermap's own JSON builds a whole new document instead:
//! `read_json`.)

use std::path::Path;

use tiermap_model::Document;

use crate::incoming::Incoming;
use crate::ImportError;

/// The formats an import reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SourceFormat {
    Csv,
    Xlsx,
    ArchiMate,
    Json,
}

impl SourceFormat {
    /// The format of `path`: its extension, else a look at its first bytes.
    pub fn of(path: &Path) -> Result<SourceFormat, ImportError> {
        let extension = path.extension().and_then(|e| e.to_str()).unwrap_or_default().to_ascii_lowercase();
        match extension.as_str() {
            "csv" | "tsv" | "txt" | "tab" => Ok(SourceFormat::Csv),
            "xlsx" | "xlsm" => Ok(SourceFormat::Xlsx),
            "xml" | "archimate" => Ok(SourceFormat::ArchiMate),
            "json" => Ok(SourceFormat::Json),
            _ => {
                let mut head = [0u8; 8];
                let read = std::fs::File::open(path)
                    .and_then(|mut f| std::io::Read::read(&mut f, &mut head))
                    .map_err(|source| ImportError::Io { path: path.to_owned(), source })?;
                match &head[..read] {
                    [b'P', b'K', 3, 4, ..] => Ok(SourceFormat::Xlsx),
                    [b'<', ..] | [0xEF, 0xBB, 0xBF, b'<', ..] => Ok(SourceFormat::ArchiMate),
                    _ => Err(ImportError::UnknownFormat { path: path.to_owned(), extension }),
                }
            }
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            SourceFormat::Csv => "CSV",
            SourceFormat::Xlsx => "XLSX",
            SourceFormat::ArchiMate => "ArchiMate",
            SourceFormat::Json => "Tiermap JSON",
        }
    }
}

/// What a source brings, with the sheets a workbook offers.
#[derive(Debug, Clone)]
pub struct Source {
    pub format: SourceFormat,
    pub incoming: Incoming,
    /// A workbook's sheets, in order (empty for other formats).
    pub sheets: Vec<String>,
    /// The sheet read.
    pub sheet: Option<String>,
}

/// Reads a spreadsheet or ArchiMate file, interpreted against `doc` (the
/// document it will go into: rows may refer to its elements).
pub fn read_source(path: &Path, sheet: Option<&str>, doc: &Document) -> Result<Source, ImportError> {
    let format = SourceFormat::of(path)?;
    match format {
        SourceFormat::Csv => {
            let table = crate::read_csv(path)?;
            let incoming = crate::sheet::interpret(&table, doc, format.label());
            Ok(Source { format, incoming, sheets: Vec::new(), sheet: None })
        }
        SourceFormat::Xlsx => {
            let workbook = crate::read_xlsx(path, sheet)?;
            let mut incoming = crate::sheet::interpret(&workbook.table, doc, format.label());
            if workbook.sheets.len() > 1 {
                incoming.notes.insert(0, format!("Read the sheet '{}' (the workbook has {}).", crate::text::printable(&workbook.sheet), workbook.sheets.len()));
            }
            Ok(Source { format, incoming, sheets: workbook.sheets, sheet: Some(workbook.sheet) })
        }
        SourceFormat::ArchiMate => Ok(Source { format, incoming: crate::read_archimate(path)?, sheets: Vec::new(), sheet: None }),
        SourceFormat::Json => Err(ImportError::Malformed {
            path: path.to_owned(),
            message: "a Tiermap JSON file becomes a document of its own: import it into a new file (tiermap import FILE.json -o NEW.tiermap)"
                .to_owned(),
        }),
    }
}
