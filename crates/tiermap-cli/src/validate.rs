//! `tiermap validate FILE [--map NAME] [--format text|json]`.
//! Exit 0 without errors, 1 with errors, 2 when the file cannot be read.

use std::path::Path;

use tiermap_app::problems::{problem_report, validate};
use tiermap_app::{AppError, ErrorCode};
use tiermap_store::DocumentFile;

use crate::Outcome;

pub fn run(path: &Path, map_name: Option<&str>, format: &str) -> Result<Outcome, AppError> {
    let file = DocumentFile::open_read_only(path)?;
    let doc = file.doc();
    let map = match map_name {
        None => None,
        Some(name) => {
            let found = doc
                .maps()
                .into_iter()
                .find(|m| m.name.eq_ignore_ascii_case(name));
            let names: Vec<String> = doc.maps().iter().map(|m| format!("'{}'", m.name)).collect();
            Some(found.map(|m| m.id).ok_or_else(|| {
                AppError::new(
                    ErrorCode::UnknownId,
                    format!(
                        "{}: no map named '{name}' (maps: {})",
                        path.display(),
                        names.join(", ")
                    ),
                )
            })?)
        }
    };
    let report = problem_report(&validate(doc, map));
    match format {
        "json" => {
            // Serialising plain strings and numbers cannot fail.
            say!(
                "{}",
                serde_json::to_string_pretty(&report).unwrap_or_default()
            );
        }
        "text" => {
            for problem in &report.problems {
                say!(
                    "{:<8} {:<17} {}",
                    problem.severity,
                    problem.rule,
                    problem.message
                );
                say!("{:<26} fix: {}", "", problem.fix);
            }
            let plural =
                |n: u32, word: &str| format!("{n} {word}{}", if n == 1 { "" } else { "s" });
            say!(
                "{}, {}, {}",
                plural(report.errors, "error"),
                plural(report.warnings, "warning"),
                plural(report.infos, "info")
            );
        }
        other => {
            return Err(AppError::new(
                ErrorCode::InvalidInput,
                format!("'{other}' is not an output format (text or json)"),
            ));
        }
    }
    Ok(if report.errors > 0 {
        Outcome::Problem
    } else {
        Outcome::Done
    })
}
