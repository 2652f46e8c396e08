//! The JSON interchange file: every record, pretty-printed, deterministic.

use tiermap_model::Document;
use tiermap_model::interchange::Interchange;

/// The document as Tiermap JSON (format version included), ending in a newline.
pub fn json(doc: &Document) -> String {
    // Serialising plain records into a String cannot fail.
    let mut text =
        serde_json::to_string_pretty(&Interchange::from_document(doc)).unwrap_or_default();
    text.push('\n');
    text
}
