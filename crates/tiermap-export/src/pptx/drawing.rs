//! DrawingML written by hand: shapes with text, groups of shapes,
//! connectors glued to shapes. Only what the slides need, each piece in the
//! element order the schema requires, every text escaped.

use std::fmt::Write;

use crate::fonts::FAMILIES;
use crate::xml::{escape, push_escaped};

/// EMU per point.
pub const EMU_PER_POINT: f64 = 12_700.0;

/// A rectangle on the slide, in EMU.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Frame {
    pub x: i64,
    pub y: i64,
    pub width: i64,
    pub height: i64,
}

/// Maps page pixels onto a region of the slide: `emu_per_px` EMU per pixel,
/// the pixel (`from_x`, `from_y`) landing on (`to_x`, `to_y`).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Placement {
    pub from_x: f64,
    pub from_y: f64,
    pub to_x: i64,
    pub to_y: i64,
    pub emu_per_px: f64,
}

impl Placement {
    pub fn x(&self, px: f64) -> i64 {
        self.to_x + ((px - self.from_x) * self.emu_per_px).round() as i64
    }
    pub fn y(&self, px: f64) -> i64 {
        self.to_y + ((px - self.from_y) * self.emu_per_px).round() as i64
    }
    pub fn length(&self, px: f64) -> i64 {
        (px * self.emu_per_px).round() as i64
    }
    pub fn frame(&self, rect: &tiermap_model::Rect) -> Frame {
        Frame {
            x: self.x(rect.x),
            y: self.y(rect.y),
            width: self.length(rect.width).max(1),
            height: self.length(rect.height).max(1),
        }
    }
    /// A font size in hundredths of a point (PowerPoint's smallest is 1 pt).
    pub fn font(&self, px: f64) -> u32 {
        ((px * self.emu_per_px / EMU_PER_POINT * 100.0).round() as u32).max(100)
    }
}

/// Shape ids, unique within a slide (1 is the slide's own tree).
#[derive(Debug)]
pub struct Ids(u32);

impl Ids {
    pub fn new() -> Self {
        Ids(1)
    }
    pub fn next(&mut self) -> u32 {
        self.0 += 1;
        self.0
    }
}

/// "#1f6fb2" → "1F6FB2".
pub fn hex(color: &str) -> String {
    color.trim_start_matches('#').to_uppercase()
}

/// A run of text with its look.
#[derive(Debug, Clone, PartialEq)]
pub struct Run<'a> {
    pub text: &'a str,
    pub size: u32,
    pub bold: bool,
    pub color: &'a str,
    /// Superscript as a percentage of the line (30 for the tier digit).
    pub superscript: bool,
}

/// A paragraph: runs, aligned "l", "ctr" or "r".
#[derive(Debug, Clone, PartialEq)]
pub struct Paragraph<'a> {
    pub runs: Vec<Run<'a>>,
    pub align: &'static str,
}

fn run_properties(out: &mut String, run: &Run<'_>) {
    let [latin, arabic, cjk, _emoji] = FAMILIES;
    let _ = write!(
        out,
        r#"<a:rPr lang="en-US" sz="{}" b="{}"{} dirty="0"><a:solidFill><a:srgbClr val="{}"/></a:solidFill><a:latin typeface="{latin}"/><a:ea typeface="{cjk}"/><a:cs typeface="{arabic}"/></a:rPr>"#,
        run.size,
        u8::from(run.bold),
        if run.superscript {
            r#" baseline="30000""#
        } else {
            ""
        },
        hex(run.color)
    );
}

/// Writes a paragraph; a line break typed into the text becomes `<a:br/>`.
fn paragraph(out: &mut String, paragraph: &Paragraph<'_>) {
    let _ = write!(out, r#"<a:p><a:pPr algn="{}"/>"#, paragraph.align);
    for run in &paragraph.runs {
        for (index, piece) in run.text.split('\n').enumerate() {
            if index > 0 {
                out.push_str("<a:br>");
                run_properties(out, run);
                out.push_str("</a:br>");
            }
            if piece.is_empty() {
                continue;
            }
            out.push_str("<a:r>");
            run_properties(out, run);
            out.push_str("<a:t>");
            push_escaped(out, piece.trim_end_matches('\r'));
            out.push_str("</a:t></a:r>");
        }
    }
    if let Some(last) = paragraph.runs.last() {
        let _ = write!(
            out,
            r#"<a:endParaRPr lang="en-US" sz="{}" dirty="0"/>"#,
            last.size
        );
    }
    out.push_str("</a:p>");
}

/// Text inside a shape: insets in EMU (left, top, right, bottom), anchored
/// "t" or "ctr", wrapping at the shape's width unless `wrap` is false.
#[derive(Debug, Clone, PartialEq)]
pub struct TextBody<'a> {
    pub paragraphs: Vec<Paragraph<'a>>,
    pub insets: (i64, i64, i64, i64),
    pub anchor: &'static str,
    pub wrap: bool,
}

pub fn text_body(out: &mut String, body: &TextBody<'_>) {
    let (l, t, r, b) = body.insets;
    let _ = write!(
        out,
        r#"<p:txBody><a:bodyPr wrap="{}" lIns="{l}" tIns="{t}" rIns="{r}" bIns="{b}" anchor="{}" rtlCol="0"><a:noAutofit/></a:bodyPr><a:lstStyle/>"#,
        if body.wrap { "square" } else { "none" },
        body.anchor
    );
    for p in &body.paragraphs {
        paragraph(out, p);
    }
    out.push_str("</p:txBody>");
}

/// How a shape is filled and outlined.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Look<'a> {
    /// Fill colour and opacity (0–1); None for no fill.
    pub fill: Option<(&'a str, f64)>,
    /// Outline colour and width in EMU; None for no line.
    pub line: Option<(&'a str, i64)>,
}

fn fill(out: &mut String, fill: Option<(&str, f64)>) {
    match fill {
        Some((color, opacity)) if opacity < 1.0 => {
            let _ = write!(
                out,
                r#"<a:solidFill><a:srgbClr val="{}"><a:alpha val="{}"/></a:srgbClr></a:solidFill>"#,
                hex(color),
                (opacity * 100_000.0).round() as i64
            );
        }
        Some((color, _)) => {
            let _ = write!(
                out,
                r#"<a:solidFill><a:srgbClr val="{}"/></a:solidFill>"#,
                hex(color)
            );
        }
        None => out.push_str("<a:noFill/>"),
    }
}

fn xfrm(out: &mut String, frame: &Frame) {
    let _ = write!(
        out,
        r#"<a:xfrm><a:off x="{}" y="{}"/><a:ext cx="{}" cy="{}"/></a:xfrm>"#,
        frame.x, frame.y, frame.width, frame.height
    );
}

/// A preset shape ("rect", "roundRect") with optional text. `corner` is
/// roundRect's corner radius as a share of the shorter side (0–0.5).
#[allow(clippy::too_many_arguments)]
pub fn shape(
    out: &mut String,
    id: u32,
    name: &str,
    description: &str,
    geometry: &str,
    corner: Option<f64>,
    frame: &Frame,
    look: Look<'_>,
    text: Option<&TextBody<'_>>,
) {
    let _ = write!(
        out,
        r#"<p:sp><p:nvSpPr><p:cNvPr id="{id}" name="{}" descr="{}"/>"#,
        escape(name),
        escape(description)
    );
    out.push_str(
        if text.is_some() && look.fill.is_none() && look.line.is_none() {
            r#"<p:cNvSpPr txBox="1"/>"#
        } else {
            "<p:cNvSpPr/>"
        },
    );
    out.push_str("<p:nvPr/></p:nvSpPr><p:spPr>");
    xfrm(out, frame);
    let _ = write!(out, r#"<a:prstGeom prst="{geometry}"><a:avLst>"#);
    if let Some(corner) = corner {
        let _ = write!(
            out,
            r#"<a:gd name="adj" fmla="val {}"/>"#,
            (corner.clamp(0.0, 0.5) * 100_000.0).round() as i64
        );
    }
    out.push_str("</a:avLst></a:prstGeom>");
    fill(out, look.fill);
    match look.line {
        Some((color, width)) => {
            let _ = write!(
                out,
                r#"<a:ln w="{width}"><a:solidFill><a:srgbClr val="{}"/></a:solidFill></a:ln>"#,
                hex(color)
            );
        }
        None => out.push_str("<a:ln><a:noFill/></a:ln>"),
    }
    out.push_str("</p:spPr>");
    match text {
        Some(body) => text_body(out, body),
        None => text_body(
            out,
            &TextBody {
                paragraphs: vec![Paragraph {
                    runs: vec![],
                    align: "l",
                }],
                insets: (0, 0, 0, 0),
                anchor: "t",
                wrap: true,
            },
        ),
    }
    out.push_str("</p:sp>");
}

/// Opens a group whose children are placed in slide coordinates (child frame = frame).
pub fn open_group(out: &mut String, id: u32, name: &str, frame: &Frame) {
    let _ = write!(
        out,
        r#"<p:grpSp><p:nvGrpSpPr><p:cNvPr id="{id}" name="{}"/><p:cNvGrpSpPr/><p:nvPr/></p:nvGrpSpPr><p:grpSpPr><a:xfrm><a:off x="{}" y="{}"/><a:ext cx="{}" cy="{}"/><a:chOff x="{}" y="{}"/><a:chExt cx="{}" cy="{}"/></a:xfrm></p:grpSpPr>"#,
        escape(name),
        frame.x,
        frame.y,
        frame.width,
        frame.height,
        frame.x,
        frame.y,
        frame.width,
        frame.height
    );
}

pub fn close_group(out: &mut String) {
    out.push_str("</p:grpSp>");
}

/// A line's look: colour, width in EMU, dash pattern in pixels ("6 4") and whether it ends in an arrow.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Stroke<'a> {
    pub color: &'a str,
    pub width: i64,
    pub dash: Option<&'a str>,
    pub line_width_px: f64,
    pub arrow: bool,
}

/// A dash pattern in pixels as DrawingML's custom dash (lengths in thousandths of the line width).
fn dash(out: &mut String, pattern: &str, line_width_px: f64) {
    let lengths: Vec<f64> = pattern
        .split_whitespace()
        .filter_map(|n| n.parse().ok())
        .collect();
    out.push_str("<a:custDash>");
    for pair in lengths.chunks(2) {
        let share = |px: f64| (px / line_width_px * 100_000.0).round() as i64;
        let _ = write!(
            out,
            r#"<a:ds d="{}" sp="{}"/>"#,
            share(pair[0]),
            share(*pair.get(1).unwrap_or(&pair[0]))
        );
    }
    out.push_str("</a:custDash>");
}

/// Where a connector sits and how PowerPoint draws its path: the xfrm's
/// attributes and box, and the geometry element.
struct ConnectorGeometry {
    transform: String,
    offset: (i64, i64),
    extent: (i64, i64),
    geometry: String,
}

/// The preset connectors PowerPoint draws (and re-routes when a glued box
/// moves): straight, and elbows of 2 to 5 segments that start along the
/// shape's own x axis. A route that starts vertically is an elbow turned a
/// quarter; flips make it run from its start to its end. `None` when the
/// route has more segments, or its ends share a coordinate an elbow would
/// need to scale its bends by.
fn preset_connector(points: &[(i64, i64)]) -> Option<ConnectorGeometry> {
    let segments = points
        .len()
        .checked_sub(1)
        .filter(|n| (1..=5).contains(n))?;
    let (s, e) = (points[0], points[points.len() - 1]);
    let flags = |h: bool, v: bool| {
        format!(
            "{}{}",
            if h { r#" flipH="1""# } else { "" },
            if v { r#" flipV="1""# } else { "" }
        )
    };
    if segments == 1 {
        return Some(ConnectorGeometry {
            transform: flags(e.0 < s.0, e.1 < s.1),
            offset: (s.0.min(e.0), s.1.min(e.1)),
            extent: ((e.0 - s.0).abs(), (e.1 - s.1).abs()),
            geometry: r#"<a:prstGeom prst="straightConnector1"><a:avLst/></a:prstGeom>"#.to_owned(),
        });
    }
    // The elbow's own axes: u along its first segment, v across it. One
    // that starts vertically is turned a quarter clockwise: u runs down the
    // slide and v to the left.
    let quarter = points[1].1 != s.1;
    let (flip_h, flip_v) = if quarter {
        (e.1 < s.1, e.0 > s.0)
    } else {
        (e.0 < s.0, e.1 < s.1)
    };
    let local = |p: (i64, i64)| {
        if quarter {
            (
                if flip_h { s.1 - p.1 } else { p.1 - s.1 },
                if flip_v { p.0 - s.0 } else { s.0 - p.0 },
            )
        } else {
            (
                if flip_h { s.0 - p.0 } else { p.0 - s.0 },
                if flip_v { s.1 - p.1 } else { p.1 - s.1 },
            )
        }
    };
    let (dx, dy) = ((e.0 - s.0).abs(), (e.1 - s.1).abs());
    let (width, height) = if quarter { (dy, dx) } else { (dx, dy) };
    // The box before turning: centred where the turned one is.
    let centre = ((s.0 + e.0) / 2, (s.1 + e.1) / 2);
    let offset = (centre.0 - width / 2, centre.1 - height / 2);
    let transform = format!(
        "{}{}",
        if quarter { r#" rot="5400000""# } else { "" },
        flags(flip_h, flip_v)
    );
    let along = |p: (i64, i64)| (width > 0).then(|| local(p).0 * 100_000 / width);
    let across = |p: (i64, i64)| (height > 0).then(|| local(p).1 * 100_000 / height);
    let adjustments: Vec<i64> = match segments {
        2 => Vec::new(),
        3 => vec![along(points[1])?],
        4 => vec![along(points[1])?, across(points[2])?],
        _ => vec![along(points[1])?, across(points[2])?, along(points[3])?],
    };
    if adjustments.iter().any(|a| a.abs() > 10_000_000) {
        return None;
    }
    let mut geometry = format!(r#"<a:prstGeom prst="bentConnector{segments}"><a:avLst>"#);
    for (i, a) in adjustments.iter().enumerate() {
        let _ = write!(geometry, r#"<a:gd name="adj{}" fmla="val {a}"/>"#, i + 1);
    }
    geometry.push_str("</a:avLst></a:prstGeom>");
    Some(ConnectorGeometry {
        transform,
        offset,
        extent: (width, height),
        geometry,
    })
}

/// Any route as a custom path, for those no preset elbow draws.
fn path_connector(points: &[(i64, i64)]) -> ConnectorGeometry {
    let left = points.iter().map(|p| p.0).min().unwrap_or(0);
    let top = points.iter().map(|p| p.1).min().unwrap_or(0);
    let width = points.iter().map(|p| p.0).max().unwrap_or(0) - left;
    let height = points.iter().map(|p| p.1).max().unwrap_or(0) - top;
    let mut geometry = format!(
        r#"<a:custGeom><a:avLst/><a:gdLst/><a:ahLst/><a:cxnLst/><a:rect l="0" t="0" r="r" b="b"/><a:pathLst><a:path w="{width}" h="{height}" fill="none">"#
    );
    for (i, p) in points.iter().enumerate() {
        let (open, close) = if i == 0 {
            ("<a:moveTo>", "</a:moveTo>")
        } else {
            ("<a:lnTo>", "</a:lnTo>")
        };
        let _ = write!(
            geometry,
            r#"{open}<a:pt x="{}" y="{}"/>{close}"#,
            p.0 - left,
            p.1 - top
        );
    }
    geometry.push_str("</a:path></a:pathLst></a:custGeom>");
    ConnectorGeometry {
        transform: String::new(),
        offset: (left, top),
        extent: (width, height),
        geometry,
    }
}

/// A connector along `points` (slide EMU, consecutive points sharing an x
/// or a y), glued to shapes by (shape id, connection site) so PowerPoint
/// keeps it attached when they move.
pub fn connector(
    out: &mut String,
    id: u32,
    name: &str,
    points: &[(i64, i64)],
    glue: Option<((u32, u8), (u32, u8))>,
    stroke: Stroke<'_>,
) {
    let _ = write!(
        out,
        r#"<p:cxnSp><p:nvCxnSpPr><p:cNvPr id="{id}" name="{}"/><p:cNvCxnSpPr>"#,
        escape(name)
    );
    if let Some(((from, from_site), (to, to_site))) = glue {
        let _ = write!(
            out,
            r#"<a:stCxn id="{from}" idx="{from_site}"/><a:endCxn id="{to}" idx="{to_site}"/>"#
        );
    }
    out.push_str("</p:cNvCxnSpPr><p:nvPr/></p:nvCxnSpPr><p:spPr>");
    let shape = preset_connector(points).unwrap_or_else(|| path_connector(points));
    let _ = write!(
        out,
        r#"<a:xfrm{}><a:off x="{}" y="{}"/><a:ext cx="{}" cy="{}"/></a:xfrm>{}"#,
        shape.transform,
        shape.offset.0,
        shape.offset.1,
        shape.extent.0,
        shape.extent.1,
        shape.geometry
    );
    let _ = write!(
        out,
        r#"<a:ln w="{}"><a:solidFill><a:srgbClr val="{}"/></a:solidFill>"#,
        stroke.width,
        hex(stroke.color)
    );
    match stroke.dash {
        Some(pattern) => dash(out, pattern, stroke.line_width_px),
        None => out.push_str(r#"<a:prstDash val="solid"/>"#),
    }
    if stroke.arrow {
        out.push_str(r#"<a:tailEnd type="triangle" w="med" len="med"/>"#);
    }
    out.push_str("</a:ln></p:spPr></p:cxnSp>");
}

#[cfg(test)]
mod connector_tests {
    use super::preset_connector;

    /// Where PowerPoint draws a preset elbow: its path in the shape's own
    /// frame (ECMA-376 presetShapeDefinitions), flipped, then turned about
    /// the box's centre.
    fn drawn(points: &[(i64, i64)]) -> Vec<(f64, f64)> {
        let shape = preset_connector(points).expect("a preset");
        let turned = shape.transform.contains("rot=\"5400000\"");
        let (flip_h, flip_v) = (
            shape.transform.contains("flipH"),
            shape.transform.contains("flipV"),
        );
        let adjustments: Vec<f64> = shape
            .geometry
            .split("fmla=\"val ")
            .skip(1)
            .map(|rest| rest[..rest.find('"').unwrap()].parse().unwrap())
            .collect();
        let (w, h) = (shape.extent.0 as f64, shape.extent.1 as f64);
        let a = |i: usize, of: f64| adjustments[i] * of / 100_000.0;
        let local = match points.len() - 1 {
            1 => vec![(0.0, 0.0), (w, h)],
            2 => vec![(0.0, 0.0), (w, 0.0), (w, h)],
            3 => vec![(0.0, 0.0), (a(0, w), 0.0), (a(0, w), h), (w, h)],
            4 => vec![
                (0.0, 0.0),
                (a(0, w), 0.0),
                (a(0, w), a(1, h)),
                (w, a(1, h)),
                (w, h),
            ],
            _ => vec![
                (0.0, 0.0),
                (a(0, w), 0.0),
                (a(0, w), a(1, h)),
                (a(2, w), a(1, h)),
                (a(2, w), h),
                (w, h),
            ],
        };
        let centre = (
            shape.offset.0 as f64 + w / 2.0,
            shape.offset.1 as f64 + h / 2.0,
        );
        local
            .into_iter()
            .map(|(u, v)| {
                let u = if flip_h { w - u } else { u } - w / 2.0;
                let v = if flip_v { h - v } else { v } - h / 2.0;
                let (x, y) = if turned { (-v, u) } else { (u, v) };
                (centre.0 + x, centre.1 + y)
            })
            .collect()
    }

    fn assert_drawn_as_routed(points: &[(i64, i64)]) {
        let drawn = drawn(points);
        assert_eq!(drawn.len(), points.len(), "{points:?}");
        for (d, p) in drawn.iter().zip(points) {
            assert!(
                (d.0 - p.0 as f64).abs() < 200.0 && (d.1 - p.1 as f64).abs() < 200.0,
                "{points:?} is drawn as {drawn:?}"
            );
        }
    }

    #[test]
    fn elbows_are_drawn_along_the_route_in_every_direction() {
        let e = 100_000;
        for (dx, dy) in [(1, 1), (-1, 1), (1, -1), (-1, -1)] {
            // Horizontal first: a Z, a U round something, and longer ones.
            assert_drawn_as_routed(&[(0, 0), (3 * e * dx, 0), (3 * e * dx, 5 * e * dy)]);
            assert_drawn_as_routed(&[
                (0, 0),
                (2 * e * dx, 0),
                (2 * e * dx, 4 * e * dy),
                (6 * e * dx, 4 * e * dy),
            ]);
            assert_drawn_as_routed(&[
                (0, 0),
                (-e * dx, 0),
                (-e * dx, 4 * e * dy),
                (6 * e * dx, 4 * e * dy),
                (6 * e * dx, 2 * e * dy),
            ]);
            // Vertical first.
            assert_drawn_as_routed(&[(0, 0), (0, 3 * e * dy), (5 * e * dx, 3 * e * dy)]);
            assert_drawn_as_routed(&[
                (0, 0),
                (0, 2 * e * dy),
                (4 * e * dx, 2 * e * dy),
                (4 * e * dx, 7 * e * dy),
            ]);
            assert_drawn_as_routed(&[
                (0, 0),
                (0, -e * dy),
                (3 * e * dx, -e * dy),
                (3 * e * dx, 5 * e * dy),
                (8 * e * dx, 5 * e * dy),
                (8 * e * dx, 4 * e * dy),
            ]);
        }
    }

    #[test]
    fn routes_no_elbow_can_draw_are_left_to_a_path() {
        let e = 100_000;
        // Six segments.
        let long = [
            (0, 0),
            (e, 0),
            (e, e),
            (2 * e, e),
            (2 * e, 2 * e),
            (3 * e, 2 * e),
            (3 * e, 3 * e),
        ];
        assert!(preset_connector(&long).is_none());
        // A detour whose ends line up: an elbow has no height to scale its bend by.
        assert!(preset_connector(&[(0, 0), (e, 0), (e, e), (2 * e, e), (2 * e, 0)]).is_none());
    }
}
