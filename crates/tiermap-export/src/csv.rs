//! The ownership matrix as CSV (RFC 4180): one row per owner of each element
//! and group on the chosen maps, and a row with an empty owner for whatever
//! nobody owns, so the gaps show. Columns: element, kind, map, group, owner,
//! role, tier.

use std::collections::BTreeMap;

use tiermap_model::{Document, GroupId, MapId, OwnedTarget};

use crate::owners::{Owner, owners_by_target};

/// One field, quoted when it holds a comma, quote or line break (quotes
/// doubled). A field a spreadsheet would run as a formula (=, +, -, @ first)
/// gets an apostrophe in front, as spreadsheets themselves do; import drops it.
fn field(out: &mut String, text: &str) {
    let guarded;
    let text = if text.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        guarded = format!("'{text}");
        guarded.as_str()
    } else {
        text
    };
    if text.contains([',', '"', '\n', '\r']) {
        out.push('"');
        out.push_str(&text.replace('"', "\"\""));
        out.push('"');
    } else {
        out.push_str(text);
    }
}

/// One line of fields, ended by CRLF.
pub(crate) fn row(out: &mut String, fields: &[&str]) {
    for (index, text) in fields.iter().enumerate() {
        if index > 0 {
            out.push(',');
        }
        field(out, text);
    }
    out.push_str("\r\n");
}

fn owner_rows(out: &mut String, what: [&str; 4], owners: Option<&Vec<Owner>>) {
    let [name, kind, map, group] = what;
    match owners {
        Some(owners) if !owners.is_empty() => {
            for owner in owners {
                row(
                    out,
                    &[
                        name,
                        kind,
                        map,
                        group,
                        &owner.name,
                        owner.role_label,
                        &owner.tier.to_string(),
                    ],
                );
            }
        }
        _ => row(out, &[name, kind, map, group, "", "", ""]),
    }
}

/// The matrix for `maps`, in their order; within a map, groups then elements, each by name.
pub fn csv(doc: &Document, maps: &[MapId]) -> String {
    let owners = owners_by_target(doc);
    let mut out = String::new();
    row(
        &mut out,
        &["element", "kind", "map", "group", "owner", "role", "tier"],
    );
    for map in maps.iter().filter_map(|id| doc.map(*id)) {
        let groups = doc.groups_of(map.id);
        let group_names: BTreeMap<GroupId, &str> =
            groups.iter().map(|g| (g.id, g.name.as_str())).collect();
        let group_name =
            |id: Option<GroupId>| id.and_then(|g| group_names.get(&g).copied()).unwrap_or("");
        let mut sorted_groups = groups.clone();
        sorted_groups.sort_by(|a, b| (&a.name, a.id).cmp(&(&b.name, b.id)));
        for group in sorted_groups {
            let what = [
                group.name.as_str(),
                group.kind.label(),
                map.name.as_str(),
                group_name(group.parent),
            ];
            owner_rows(&mut out, what, owners.get(&OwnedTarget::Group(group.id)));
        }
        let mut placed: Vec<_> = doc
            .placements_of(map.id)
            .filter_map(|p| Some((doc.element(p.element)?, p.group)))
            .collect();
        placed.sort_by(|a, b| (&a.0.name, a.0.id).cmp(&(&b.0.name, b.0.id)));
        for (element, group) in placed {
            let what = [
                element.name.as_str(),
                element.kind.label(),
                map.name.as_str(),
                group_name(group),
            ];
            owner_rows(
                &mut out,
                what,
                owners.get(&OwnedTarget::Element(element.id)),
            );
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fields_a_spreadsheet_would_run_as_formulas_are_kept_as_text() {
        let mut out = String::new();
        row(
            &mut out,
            &["=HYPERLINK(\"x\")", "+1", "-2", "@SUM(A1)", "a=b"],
        );
        assert_eq!(
            out,
            r#""'=HYPERLINK(""x"")",'+1,'-2,'@SUM(A1),a=b"#.to_owned() + "\r\n"
        );
    }

    #[test]
    fn fields_with_commas_quotes_or_line_breaks_are_quoted() {
        let mut out = String::new();
        row(
            &mut out,
            &["a,b", "say \"hi\"", "two\nlines", "plain", "製品", "", "3"],
        );
        assert_eq!(
            out,
            "\"a,b\",\"say \"\"hi\"\"\",\"two\nlines\",plain,製品,,3\r\n"
        );
    }
}
