//! The ownership table: element, owner, role and tier of every ownership on
//! the exported maps, as native PowerPoint tables, a slide per page of rows.

use std::collections::BTreeSet;
use std::fmt::Write;

use tiermap_model::{Document, MapId, OwnedTarget};

use super::drawing::{Frame, Ids, Look, Paragraph, Run, TextBody};
use super::parts::SLIDE_WIDTH;
use crate::owners::owners_by_target;
use crate::palette;
use crate::xml::escape;

/// Rows under the header on one slide.
pub const ROWS_PER_SLIDE: usize = 14;
const ROW_HEIGHT: i64 = 370_000;
const COLUMNS: [(&str, i64); 4] = [
    ("Element", 4_300_000),
    ("Owner", 3_300_000),
    ("Role", 2_400_000),
    ("Tier", 1_000_000),
];

/// One table row: element (or group), owner, role, tier.
pub type Row = [String; 4];

/// Every ownership held over an element or group on `maps`, each once, sorted by element, tier and owner.
pub fn rows(doc: &Document, maps: &[MapId]) -> Vec<Row> {
    let owners = owners_by_target(doc);
    let mut seen = BTreeSet::new();
    let mut rows = Vec::new();
    for map in maps {
        let groups = doc
            .groups_of(*map)
            .into_iter()
            .map(|g| (OwnedTarget::Group(g.id), g.name.clone()));
        let elements = doc.placements_of(*map).filter_map(|p| {
            Some((
                OwnedTarget::Element(p.element),
                doc.element(p.element)?.name.clone(),
            ))
        });
        for (target, name) in groups.chain(elements) {
            if !seen.insert(target) {
                continue;
            }
            for owner in owners.get(&target).into_iter().flatten() {
                rows.push((
                    (name.clone(), owner.tier, owner.name.clone()),
                    [
                        name.clone(),
                        owner.name.clone(),
                        owner.role_label.to_owned(),
                        owner.tier.to_string(),
                    ],
                ));
            }
        }
    }
    rows.sort_by(|a, b| a.0.cmp(&b.0));
    rows.into_iter().map(|(_, row)| row).collect()
}

fn cell(out: &mut String, text: &str, header: bool, shaded: bool) {
    let color = if header { palette::PAPER } else { palette::INK };
    let body = TextBody {
        paragraphs: vec![Paragraph {
            runs: vec![Run {
                text,
                size: 1200,
                bold: header,
                color,
                superscript: false,
            }],
            align: "l",
        }],
        insets: (91_440, 45_720, 91_440, 45_720),
        anchor: "ctr",
        wrap: true,
    };
    let mut text_xml = String::new();
    super::drawing::text_body(&mut text_xml, &body);
    // A table cell's text body is a:txBody with the same content as p:txBody.
    let text_xml = text_xml
        .replace("<p:txBody>", "<a:txBody>")
        .replace("</p:txBody>", "</a:txBody>");
    let fill = if header {
        "1D2733"
    } else if shaded {
        "F3F6F9"
    } else {
        "FFFFFF"
    };
    let _ = write!(
        out,
        r#"<a:tc>{text_xml}<a:tcPr anchor="ctr"><a:solidFill><a:srgbClr val="{fill}"/></a:solidFill></a:tcPr></a:tc>"#
    );
}

/// One slide's shapes: a heading and the table of `rows`.
pub fn table_slide(rows: &[Row], page: usize, pages: usize) -> String {
    let mut ids = Ids::new();
    let mut out = String::new();
    let heading = if pages > 1 {
        format!("Ownership ({page} of {pages})")
    } else {
        "Ownership".to_owned()
    };
    let body = TextBody {
        paragraphs: vec![Paragraph {
            runs: vec![Run {
                text: &heading,
                size: 2400,
                bold: true,
                color: palette::INK,
                superscript: false,
            }],
            align: "l",
        }],
        insets: (0, 0, 0, 0),
        anchor: "b",
        wrap: true,
    };
    let frame = Frame {
        x: 380_000,
        y: 230_000,
        width: SLIDE_WIDTH - 760_000,
        height: 560_000,
    };
    super::drawing::shape(
        &mut out,
        ids.next(),
        "Title",
        &heading,
        "rect",
        None,
        &frame,
        Look {
            fill: None,
            line: None,
        },
        Some(&body),
    );
    let width: i64 = COLUMNS.iter().map(|c| c.1).sum();
    let height = ROW_HEIGHT * (rows.len() as i64 + 1);
    let _ = write!(
        out,
        r#"<p:graphicFrame><p:nvGraphicFramePr><p:cNvPr id="{}" name="{}"/><p:cNvGraphicFramePr><a:graphicFrameLocks noGrp="1"/></p:cNvGraphicFramePr><p:nvPr/></p:nvGraphicFramePr><p:xfrm><a:off x="{}" y="{}"/><a:ext cx="{width}" cy="{height}"/></p:xfrm><a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/table"><a:tbl><a:tblPr firstRow="1" bandRow="1"/><a:tblGrid>"#,
        ids.next(),
        escape(&heading),
        (SLIDE_WIDTH - width) / 2,
        900_000
    );
    for (_, column_width) in COLUMNS {
        let _ = write!(out, r#"<a:gridCol w="{column_width}"/>"#);
    }
    out.push_str("</a:tblGrid>");
    let _ = write!(out, r#"<a:tr h="{ROW_HEIGHT}">"#);
    for (title, _) in COLUMNS {
        cell(&mut out, title, true, false);
    }
    out.push_str("</a:tr>");
    for (index, row) in rows.iter().enumerate() {
        let _ = write!(out, r#"<a:tr h="{ROW_HEIGHT}">"#);
        for text in row {
            cell(&mut out, text, false, index % 2 == 1);
        }
        out.push_str("</a:tr>");
    }
    out.push_str("</a:tbl></a:graphicData></a:graphic></p:graphicFrame>");
    out
}
