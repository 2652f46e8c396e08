//! Maps as a draw.io file (mxGraphModel XML): one page per map, groups as
//! containers with their elements nested inside (`parent=`), relations as
//! edges attached to the boxes they join. Labels are plain text (`html=0`),
//! so a name like `<b>` shows as written.

use std::collections::BTreeMap;
use std::fmt::Write;

use tiermap_model::{ElementId, GroupId, Rect};

use crate::connector::CORNER_RADIUS;
use crate::legend::{Legend, Swatch};
use crate::palette;
use crate::scene::{Badge, Label, Point, Scene};
use crate::svg::num;
use crate::xml::escape;

fn geometry(out: &mut String, rect: &Rect, origin: (f64, f64)) {
    let _ = write!(
        out,
        r#"<mxGeometry x="{}" y="{}" width="{}" height="{}" as="geometry"/>"#,
        num(rect.x - origin.0),
        num(rect.y - origin.1),
        num(rect.width),
        num(rect.height)
    );
}

/// Owners after the name: initials and tier ("AR·3"), the accountable owner first.
fn owners_line(badges: &[Badge]) -> String {
    badges
        .iter()
        .map(|b| {
            if b.tier > 0 {
                format!("{}·{}", b.initials, b.tier)
            } else {
                b.initials.clone()
            }
        })
        .collect::<Vec<_>>()
        .join("  ")
}

fn tooltip(badges: &[Badge]) -> String {
    badges
        .iter()
        .map(|b| b.title.as_str())
        .collect::<Vec<_>>()
        .join("\n")
}

fn page(out: &mut String, name: &str, scene: &Scene) {
    let _ = write!(
        out,
        r#"<diagram id="map-{}" name="{}">"#,
        scene.map,
        escape(name)
    );
    out.push_str(r#"<mxGraphModel grid="1" gridSize="10" guides="1" tooltips="1" connect="1" arrows="1" fold="1" page="0" math="0" shadow="0"><root><mxCell id="0"/><mxCell id="1" parent="0"/>"#);
    let origins: BTreeMap<GroupId, (f64, f64)> = scene
        .groups
        .iter()
        .map(|g| (g.id, (g.rect.x, g.rect.y)))
        .collect();
    let parent_of = |group: Option<GroupId>| match group.filter(|g| origins.contains_key(g)) {
        Some(g) => (format!("g-{g}"), origins[&g]),
        None => ("1".to_owned(), (0.0, 0.0)),
    };
    for group in &scene.groups {
        let (parent, origin) = parent_of(group.parent);
        let mut value = group.name.lines.join(" ");
        if !group.badges.is_empty() {
            value = format!("{value}   {}", owners_line(&group.badges));
        }
        let _ = write!(
            out,
            r#"<mxCell id="g-{}" value="{}" tooltip="{}" style="rounded=1;arcSize=3;absoluteArcSize=1;whiteSpace=wrap;html=0;container=1;collapsible=0;verticalAlign=top;align=left;spacingLeft=10;spacingTop=2;fontStyle=1;fontSize=13;fontColor={};fillColor={};opacity={};strokeColor={};" vertex="1" parent="{parent}">"#,
            group.id,
            escape(&value),
            escape(&format!(
                "{}\n{}",
                group.kind.label(),
                tooltip(&group.badges)
            )),
            palette::INK,
            group.fill,
            num(group.fill_opacity * 100.0 + 40.0),
            palette::GROUP_BORDER,
        );
        geometry(out, &group.rect, origin);
        out.push_str("</mxCell>");
    }
    for element in &scene.elements {
        let (parent, origin) = parent_of(element.group);
        let mut value = element.full_name.clone();
        if !element.badges.is_empty() {
            value = format!("{value}\n{}", owners_line(&element.badges));
        }
        let _ = write!(
            out,
            r#"<mxCell id="e-{}" value="{}" tooltip="{}" style="rounded=1;arcSize=8;absoluteArcSize=1;whiteSpace=wrap;html=0;fontStyle=1;fontSize=13;fontColor={};fillColor={};strokeColor={};strokeWidth=2;" vertex="1" parent="{parent}">"#,
            element.id,
            escape(&value),
            escape(&format!(
                "{}\n{}",
                element.kind.label(),
                tooltip(&element.badges)
            )),
            palette::INK,
            palette::PAPER,
            element.color,
        );
        geometry(out, &element.rect, origin);
        out.push_str("</mxCell>");
    }
    let boxes: BTreeMap<ElementId, &Rect> =
        scene.elements.iter().map(|e| (e.id, &e.rect)).collect();
    for connector in &scene.connectors {
        let dash = connector
            .style
            .dash
            .map(|d| format!("dashed=1;dashPattern={d};"))
            .unwrap_or_default();
        // The route's ends as fractions of their boxes, its bends as waypoints
        // (page coordinates: edges belong to the top layer).
        let relative = |p: Point, r: Option<&&Rect>| {
            r.map_or((0.5, 0.5), |r| {
                (
                    (p.x - r.x) / r.width.max(1.0),
                    (p.y - r.y) / r.height.max(1.0),
                )
            })
        };
        let (exit, entry) = (
            relative(connector.start(), boxes.get(&connector.source)),
            relative(connector.end(), boxes.get(&connector.target)),
        );
        let _ = write!(
            out,
            r#"<mxCell id="r-{}" value="" tooltip="{}" style="edgeStyle=none;rounded=1;arcSize={};html=0;endArrow=block;endFill=1;strokeWidth=1.6;strokeColor={};exitX={};exitY={};exitPerimeter=0;entryX={};entryY={};entryPerimeter=0;{dash}" edge="1" parent="1" source="e-{}" target="e-{}"><mxGeometry relative="1" as="geometry">"#,
            connector.relation,
            escape(connector.kind.label()),
            num(2.0 * CORNER_RADIUS),
            connector.style.stroke,
            num(exit.0),
            num(exit.1),
            num(entry.0),
            num(entry.1),
            connector.source,
            connector.target
        );
        let bends = &connector.points[1..connector.points.len() - 1];
        if !bends.is_empty() {
            out.push_str(r#"<Array as="points">"#);
            for p in bends {
                let _ = write!(out, r#"<mxPoint x="{}" y="{}"/>"#, num(p.x), num(p.y));
            }
            out.push_str("</Array>");
        }
        out.push_str("</mxGeometry></mxCell>");
    }
    if let Some(legend) = &scene.legend {
        legend_cells(out, legend);
    }
    out.push_str("</root></mxGraphModel></diagram>");
}

/// A text cell for a legend label, inside the legend container.
fn text_cell(out: &mut String, id: &str, label: &Label, origin: (f64, f64), bold: bool) {
    let rect = Rect::new(
        label.x,
        label.top,
        label.width().max(1.0) + 4.0,
        label.height(),
    );
    let _ = write!(
        out,
        r#"<mxCell id="{id}" value="{}" style="text;html=0;align=left;verticalAlign=middle;spacing=0;fontSize={};fontStyle={};fontColor={};" vertex="1" parent="legend">"#,
        escape(&label.lines.join(" ")),
        num(label.size),
        if bold { 1 } else { 0 },
        label.color,
    );
    geometry(out, &rect, origin);
    out.push_str("</mxCell>");
}

/// The map's key, as the other formats draw it: a grouped box of headings,
/// swatches (kind colours, line styles, owner tiers) and their labels.
fn legend_cells(out: &mut String, legend: &Legend) {
    let _ = write!(
        out,
        r#"<mxCell id="legend" value="" style="rounded=1;arcSize=8;absoluteArcSize=1;html=0;container=1;collapsible=0;fillColor={};strokeColor={};" vertex="1" parent="1">"#,
        palette::PAPER,
        palette::GROUP_BORDER,
    );
    geometry(out, &legend.rect, (0.0, 0.0));
    out.push_str("</mxCell>");
    let origin = (legend.rect.x, legend.rect.y);
    for (index, heading) in legend.headings.iter().enumerate() {
        text_cell(out, &format!("legend-h{index}"), heading, origin, true);
    }
    for (index, row) in legend.rows.iter().enumerate() {
        let style = match &row.swatch {
            Swatch::Kind(color) => {
                format!("rounded=1;arcSize=20;html=0;fillColor={color};strokeColor=none;")
            }
            Swatch::Line(line) => {
                let dash = line
                    .dash
                    .map(|d| format!("dashed=1;dashPattern={d};"))
                    .unwrap_or_default();
                format!(
                    "shape=line;html=0;strokeWidth=1.6;strokeColor={};{dash}",
                    line.stroke
                )
            }
            Swatch::Tier { color, .. } => format!(
                "rounded=1;arcSize=50;html=0;fillColor={color};strokeColor=none;fontColor=#ffffff;fontStyle=1;fontSize=10;"
            ),
        };
        let value = match &row.swatch {
            Swatch::Tier { tier, .. } => tier.to_string(),
            _ => String::new(),
        };
        let _ = write!(
            out,
            r#"<mxCell id="legend-s{index}" value="{value}" style="{style}" vertex="1" parent="legend">"#
        );
        geometry(out, &row.swatch_rect, origin);
        out.push_str("</mxCell>");
        text_cell(out, &format!("legend-l{index}"), &row.label, origin, false);
    }
}

/// One draw.io file holding a page per (map name, scene).
pub fn drawio(pages: &[(String, Scene)]) -> String {
    let mut out = String::from(r#"<?xml version="1.0" encoding="UTF-8"?>"#);
    out.push_str("\n<mxfile host=\"Tiermap\" type=\"device\">");
    for (name, scene) in pages {
        page(&mut out, name, scene);
    }
    out.push_str("</mxfile>\n");
    out
}
