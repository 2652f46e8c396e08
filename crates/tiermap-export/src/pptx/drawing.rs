//! DrawingML written by hand: shapes with text, groups of shapes,
//! connectors glued to shapes. Only what the slides need, each piece in the
//! element order the schema requires, every text escaped.

use std::fmt::Write;

use crate::fonts::FAMILIES;
use crate::xml::{escape, push_escaped};

/// EMU per point.
const EMU_PER_POINT: f64 = 12_700.0;

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
    let [latin, arabic, cjk] = FAMILIES;
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

/// A straight connector from `start` to `end` (slide EMU), glued to shapes
/// by (shape id, connection site) so it follows them when they move.
pub fn connector(
    out: &mut String,
    id: u32,
    name: &str,
    start: (i64, i64),
    end: (i64, i64),
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
    let flip_h = end.0 < start.0;
    let flip_v = end.1 < start.1;
    let _ = write!(
        out,
        r#"<a:xfrm{}{}><a:off x="{}" y="{}"/><a:ext cx="{}" cy="{}"/></a:xfrm><a:prstGeom prst="straightConnector1"><a:avLst/></a:prstGeom>"#,
        if flip_h { r#" flipH="1""# } else { "" },
        if flip_v { r#" flipV="1""# } else { "" },
        start.0.min(end.0),
        start.1.min(end.1),
        (end.0 - start.0).abs(),
        (end.1 - start.1).abs()
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
