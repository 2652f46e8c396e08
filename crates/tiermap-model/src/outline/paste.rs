//! Pasting an indented list (from notes, a document or an email) into the
//! outline: the text is read as a tree, by its indentation (tabs, any number
//! of spaces, bullets or numbers in front), and every line becomes an
//! element, planned as one edit list: one undo step. The top lines go after
//! the item pasted at, as its siblings; deeper lines go under the line above
//! them, as Tab would put them, in the next tier down with the next kind.

use super::edits::{Planner, add_after, insert_after};
use super::{Node, OutlineError};
use crate::authoring::{self, Link};
use crate::document::Document;
use crate::edit::Edit;
use crate::ids::{ElementId, MapId};

/// The most lines one paste makes into elements (a pasted page of prose is
/// refused, not turned into hundreds of boxes).
pub const MAX_PASTE_LINES: usize = 500;

/// One named line of a pasted list and how deep it sits (0 at the top).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PastedLine {
    /// The line's number in the text, from 1.
    pub line: usize,
    pub depth: usize,
    pub name: String,
}

/// Leading whitespace as columns: a tab reaches the next multiple of four.
fn indentation(line: &str) -> (usize, &str) {
    let mut columns = 0;
    for (at, c) in line.char_indices() {
        match c {
            '\t' => columns = (columns / 4 + 1) * 4,
            ' ' | '\u{a0}' | '\u{2007}' | '\u{202f}' => columns += 1,
            _ => return (columns, &line[at..]),
        }
    }
    (columns, "")
}

/// "- Payroll", "* Payroll", "• Payroll", "1. Payroll", "2) Payroll" -> "Payroll".
fn without_marker(text: &str) -> &str {
    let mut chars = text.char_indices();
    let Some((_, first)) = chars.next() else {
        return text;
    };
    let after = if matches!(
        first,
        '-' | '*' | '+' | '•' | '◦' | '▪' | '‣' | '·' | '–' | '—'
    ) {
        first.len_utf8()
    } else if first.is_ascii_digit() {
        let digits = text.bytes().take_while(u8::is_ascii_digit).count();
        match text.as_bytes().get(digits) {
            Some(b'.' | b')') if digits <= 3 => digits + 1,
            _ => return text,
        }
    } else {
        return text;
    };
    let rest = &text[after..];
    // A marker is followed by a space (or nothing); "-x" or "3.5" is a name.
    if rest.is_empty() || rest.starts_with(char::is_whitespace) {
        rest.trim_start()
    } else {
        text
    }
}

/// Reads an indented list as lines with their depths. Blank lines are
/// skipped; a line indented less than the one above goes back to the
/// nearest level at or before its indentation, and a line indented deeper
/// goes one level down, however far it is indented.
pub fn parse_indented(text: &str) -> Result<Vec<PastedLine>, OutlineError> {
    let mut lines = Vec::new();
    let mut levels: Vec<usize> = Vec::new();
    for (number, raw) in text.lines().enumerate() {
        let (columns, rest) = indentation(raw);
        let name: String = without_marker(rest.trim_end())
            .chars()
            .map(|c| if c.is_control() { ' ' } else { c })
            .collect();
        let name = name.trim();
        if name.is_empty() {
            continue;
        }
        while levels.last().is_some_and(|&top| top > columns) {
            levels.pop();
        }
        if levels.last().is_none_or(|&top| top < columns) {
            levels.push(columns);
        }
        lines.push(PastedLine {
            line: number + 1,
            depth: levels.len() - 1,
            name: name.to_owned(),
        });
        if lines.len() > MAX_PASTE_LINES {
            let total = text
                .lines()
                .filter(|l| !without_marker(l.trim()).trim().is_empty())
                .count();
            return Err(OutlineError::Refused(format!(
                "the pasted text has {total} lines with names; at most {MAX_PASTE_LINES} go in at once: paste it in parts"
            )));
        }
    }
    if lines.is_empty() {
        return Err(OutlineError::Refused(
            "there is nothing to paste: the text has no names in it".into(),
        ));
    }
    Ok(lines)
}

/// Plans a pasted list as elements at `at`: the top lines after it (the
/// map's first element and its siblings when nothing is given), the deeper
/// lines under the line above them. Returns the new elements in the text's
/// order and the edits, one undo step.
pub fn paste(
    doc: &Document,
    map: MapId,
    at: Option<Node>,
    text: &str,
) -> Result<(Vec<ElementId>, Vec<Edit>), OutlineError> {
    let lines = parse_indented(text)?;
    let mut plan = Planner::new(doc);
    let mut created = Vec::with_capacity(lines.len());
    // The last element made at each depth: the parent of the next line one
    // deeper, or the sibling the next line at its depth goes after (so the
    // map reads in the text's order).
    let mut path: Vec<ElementId> = Vec::new();
    for line in &lines {
        let link = match (path.get(line.depth), line.depth) {
            (Some(&previous), _) => Some(Link::Sibling(previous)),
            (None, 0) => None,
            (None, depth) => Some(Link::Child(path[depth - 1])),
        };
        let (id, edits) = match link {
            Some(Link::Sibling(previous)) => insert_after(&plan.doc, map, previous, &line.name)?,
            Some(link) => authoring::add_linked(&plan.doc, map, link, &line.name)
                .ok_or(OutlineError::NotOnMap)?,
            None => add_after(&plan.doc, map, at, &line.name)?,
        };
        plan.push(edits)?;
        path.truncate(line.depth);
        path.push(id);
        created.push(id);
    }
    Ok((created, plan.edits))
}
