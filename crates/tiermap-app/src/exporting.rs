//! Exporting from the app: the dialog's choice checked and turned into an
//! export request, a preview of a map exactly as it will be drawn, and the
//! export itself, run on a copy of the document so the window stays free.
//! The same tiermap-export call as `tiermap export`, so the files match.

use std::path::Path;

use tiermap_export::{ExportRequest, Format, Progress};
use tiermap_model::{Document, MapId};

use crate::error::{AppError, ErrorCode};
use crate::session::Session;
use crate::wire::{ExportChoice, ExportOutcome, ExportProgress};

/// An export ready to run: a snapshot of the document and what to write.
#[derive(Debug)]
pub struct ExportJob {
    doc: Document,
    request: ExportRequest,
    /// A file name to offer in the save dialog.
    pub suggested_name: String,
    /// The extension of the file (zip for several SVG or PNG maps).
    pub extension: &'static str,
    /// What the save dialog's filter calls the file.
    pub kind: &'static str,
}

/// Letters a file name can hold on every desktop system.
fn file_safe(name: &str) -> String {
    let cleaned: String = name.chars().map(|c| if c.is_control() || "/\\:*?\"<>|".contains(c) { '-' } else { c }).collect();
    cleaned.trim().trim_matches('.').to_owned()
}

impl ExportJob {
    /// Draws and writes the file (whole or not at all), reporting each map.
    pub fn run(self, path: &Path, progress: &mut dyn FnMut(ExportProgress)) -> ExportOutcome {
        let result = tiermap_export::export(&self.doc, &self.request, &mut |p: Progress<'_>| {
            progress(ExportProgress { done: p.done as u32, total: p.total as u32, map: p.map.to_owned() })
        })
        .and_then(|bytes| tiermap_export::write_atomically(path, &bytes).map(|()| bytes.len() as u64));
        match result {
            Ok(bytes) => ExportOutcome { path: Some(path.display().to_string()), error: None, bytes },
            Err(error) => ExportOutcome { path: None, error: Some(error.into()), bytes: 0 },
        }
    }
}

impl Session {
    /// Checks the dialog's choice and prepares the export on a snapshot of the document.
    pub fn export_job(&self, choice: &ExportChoice) -> Result<ExportJob, AppError> {
        let invalid = |message: String| AppError::new(ErrorCode::InvalidInput, message);
        let format: Format = choice.format.parse().map_err(invalid)?;
        if format == Format::Json {
            return Err(invalid("the export dialog writes maps; JSON comes from `tiermap export --format json`".into()));
        }
        if choice.map_ids.is_empty() {
            return Err(invalid("choose at least one map to export".into()));
        }
        if !(1..=3).contains(&choice.scale) {
            return Err(invalid(format!("the scale must be 1, 2 or 3, not {}", choice.scale)));
        }
        let doc = self.doc()?;
        let mut maps = Vec::with_capacity(choice.map_ids.len());
        for id in &choice.map_ids {
            let map: MapId = id.parse().map_err(|_| AppError::new(ErrorCode::UnknownId, format!("'{id}' is not a valid map id")))?;
            doc.map(map).ok_or_else(|| AppError::new(ErrorCode::UnknownId, format!("no map with id {id}")))?;
            maps.push(map);
        }
        let document_name = self.document()?.file_name.trim_end_matches(".tiermap").to_owned();
        let request = ExportRequest {
            scale: choice.scale,
            transparent: choice.transparent,
            title_slide: choice.title_slide,
            ownership_slides: choice.ownership_slides,
            one_slide_per_map: choice.one_slide_per_map,
            title: document_name.clone(),
            ..ExportRequest::new(format, maps)
        };
        let (extension, kind) = if request.is_bundle() {
            ("zip", "ZIP of one file per map")
        } else {
            match format {
                Format::Svg => ("svg", "SVG image"),
                Format::Png => ("png", "PNG image"),
                Format::Pdf => ("pdf", "PDF document"),
                Format::Pptx => ("pptx", "PowerPoint presentation"),
                Format::Drawio => ("drawio", "draw.io diagram"),
                Format::Csv | Format::Json => ("csv", "CSV ownership matrix"),
            }
        };
        let stem = match request.maps.as_slice() {
            [one] if format != Format::Csv => format!("{document_name} - {}", doc.map(*one).map(|m| m.name.as_str()).unwrap_or("map")),
            _ => document_name,
        };
        Ok(ExportJob { doc: doc.clone(), request, suggested_name: format!("{}.{extension}", file_safe(&stem)), extension, kind })
    }

    /// A copy of the open document, for work that should not hold the session (previews).
    pub fn snapshot(&self) -> Result<Document, AppError> {
        Ok(self.doc()?.clone())
    }
}

/// A map as the export draws it (PNG at 1x, the bundled fonts), as a data: URL for the dialog.
pub fn preview(doc: &Document, map_id: &str) -> Result<String, AppError> {
    let map: MapId = map_id.parse().map_err(|_| AppError::new(ErrorCode::UnknownId, format!("'{map_id}' is not a valid map id")))?;
    let request = ExportRequest { scale: 1, ..ExportRequest::new(Format::Png, vec![map]) };
    let png = tiermap_export::export(doc, &request, &mut |_| {})?;
    Ok(format!("data:image/png;base64,{}", base64(&png)))
}

/// Standard base64 with padding (RFC 4648), for data: URLs.
fn base64(bytes: &[u8]) -> String {
    const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let n = (u32::from(chunk[0]) << 16) | (u32::from(*chunk.get(1).unwrap_or(&0)) << 8) | u32::from(*chunk.get(2).unwrap_or(&0));
        for i in 0..4 {
            if i <= chunk.len() {
                out.push(ALPHABET[((n >> (18 - 6 * i)) & 63) as usize] as char);
            } else {
                out.push('=');
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::{base64, file_safe};

    #[test]
    fn base64_matches_the_rfc_examples() {
        let cases = [("", ""), ("f", "Zg=="), ("fo", "Zm8="), ("foo", "Zm9v"), ("foob", "Zm9vYg=="), ("fooba", "Zm9vYmE="), ("foobar", "Zm9vYmFy")];
        for (plain, encoded) in cases {
            assert_eq!(base64(plain.as_bytes()), encoded);
        }
    }

    #[test]
    fn file_names_lose_what_file_systems_refuse() {
        assert_eq!(file_safe("HR / Payroll: v2?"), "HR - Payroll- v2-");
        assert_eq!(file_safe(" ..hidden. "), "hidden");
    }
}
