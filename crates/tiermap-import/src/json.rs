//! Reading the JSON interchange file (written by tiermap-export).

use std::path::Path;

use tiermap_model::interchange::{FORMAT_NAME, FORMAT_VERSION, Interchange, InterchangeHeader};
use tiermap_model::{Document, Edit};

use crate::{ImportError, MAX_INPUT_BYTES};

fn syntax(path: &Path, error: &serde_json::Error) -> ImportError {
    // serde_json's message ends in " at line L column C"; we say that ourselves.
    let message = error.to_string();
    let message = message.split(" at line ").next().unwrap_or(&message).to_owned();
    ImportError::Syntax { path: path.to_owned(), line: error.line(), column: error.column(), message }
}

/// Reads a Tiermap JSON file into the edits that build its document.
pub fn read_json(path: &Path) -> Result<Vec<Edit>, ImportError> {
    let io = |source| ImportError::Io { path: path.to_owned(), source };
    let size = std::fs::metadata(path).map_err(io)?.len();
    if size > MAX_INPUT_BYTES {
        return Err(ImportError::TooLarge { path: path.to_owned(), size, limit: MAX_INPUT_BYTES });
    }
    let bytes = std::fs::read(path).map_err(io)?;
    json_from_bytes(path, &bytes)
}

/// As [`read_json`], from the file's bytes; `path` only names it in messages.
/// Nesting is bounded by serde_json's recursion limit (128), so deeply
/// nested input is a syntax error, not a stack overflow.
pub fn json_from_bytes(path: &Path, bytes: &[u8]) -> Result<Vec<Edit>, ImportError> {
    let size = bytes.len() as u64;
    if size > MAX_INPUT_BYTES {
        return Err(ImportError::TooLarge { path: path.to_owned(), size, limit: MAX_INPUT_BYTES });
    }
    let header: InterchangeHeader = serde_json::from_slice(bytes).map_err(|e| syntax(path, &e))?;
    if header.format.as_deref() != Some(FORMAT_NAME) {
        return Err(ImportError::NotTiermap { path: path.to_owned() });
    }
    match header.version {
        Some(FORMAT_VERSION) => {}
        found => {
            return Err(ImportError::UnsupportedVersion { path: path.to_owned(), found: found.unwrap_or(0), supported: FORMAT_VERSION });
        }
    }
    let interchange: Interchange = serde_json::from_slice(bytes).map_err(|e| syntax(path, &e))?;
    // Check every record against the model, naming the record that is wrong.
    let mut doc = Document::new();
    let mut edits = Vec::new();
    for (location, edit) in interchange.into_located_edits() {
        doc.apply(&edit)
            .map_err(|e| ImportError::Invalid { path: path.to_owned(), location, message: e.to_string() })?;
        edits.push(edit);
    }
    Ok(edits)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn syntax_message(text: &str) -> String {
        match json_from_bytes(Path::new("deep.json"), text.as_bytes()) {
            Err(ImportError::Syntax { message, line: 1, .. }) => message,
            other => panic!("expected a syntax error, got {other:?}"),
        }
    }

    #[test]
    fn deep_nesting_is_an_error_not_a_stack_overflow() {
        // 100,000 levels would overflow the stack if anything recursed on
        // them. The header read skips unknown fields without recursion, the
        // full read refuses them, and typed fields would stop at serde_json's
        // recursion limit of 128.
        let (open, close) = ("[".repeat(100_000), "]".repeat(100_000));
        syntax_message(&open);
        syntax_message(&r#"{"a":"#.repeat(100_000));
        syntax_message(&format!(r#"{{"format": "tiermap", "version": 1, "extra": {open}"#));
        let balanced = format!(r#"{{"format": "tiermap", "version": 1, "extra": {open}{close}}}"#);
        assert!(syntax_message(&balanced).contains("unknown field `extra`"));
        let limit = serde_json::from_str::<serde_json::Value>(&format!("{}{}", &open[..129], &close[..129]));
        assert!(limit.is_err_and(|e| e.to_string().contains("recursion limit")));
        assert!(serde_json::from_str::<serde_json::Value>(&format!("{}{}", &open[..127], &close[..127])).is_ok());
    }
}
