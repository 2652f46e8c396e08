//! A scene as SVG: clean vector shapes, text as text in the bundled fonts'
//! families, one `<g>` per group and per element so the file stays easy to
//! edit in a vector tool. The PNG and PDF writers render this same SVG; the
//! SVG file itself also carries the fonts, subset (font_embed.rs).

use std::collections::HashMap;
use std::fmt::Write;

use tiermap_model::{GroupId, RelationKind};

use crate::connector::rounded_corners;
use crate::font_embed;
use crate::fonts::{FONT_FAMILY_LIST, Weight, emoji_runs, text_width};
use crate::palette::{self, LineStyle};
use crate::scene::{
    BADGE_TEXT, BADGE_TIER_TEXT, Badge, ElementShape, GroupShape, LINE_WIDTH, Label, Legend, Point,
    STRIPE, Scene, Swatch,
};
use crate::xml::{escape, push_escaped};

/// A number as SVG writes it: at most two decimals, no trailing zeros, no "-0".
pub fn num(value: f64) -> String {
    let rounded = (value * 100.0).round() / 100.0;
    let rounded = if rounded == 0.0 { 0.0 } else { rounded };
    let text = format!("{rounded:.2}");
    text.trim_end_matches('0').trim_end_matches('.').to_owned()
}

fn weight(weight: Weight) -> &'static str {
    match weight {
        Weight::Regular => "400",
        Weight::Bold => "700",
    }
}

fn marker_id(kind: RelationKind) -> String {
    format!("arrow-{}", kind.as_str())
}

fn label(out: &mut String, label: &Label) {
    for (index, line) in label.lines.iter().enumerate() {
        let _ = write!(
            out,
            r#"<text x="{}" y="{}" font-size="{}" font-weight="{}" fill="{}">"#,
            num(label.x),
            num(label.baseline(index)),
            num(label.size),
            weight(label.weight),
            label.color
        );
        let runs = emoji_runs(line);
        if runs.iter().all(|(emoji, _)| !emoji) {
            push_escaped(out, line);
        } else {
            // Each run a text chunk of its own (a tspan placed at its own x),
            // emoji in the emoji face: see `emoji_runs`.
            let mut x = label.x;
            for (index, (emoji, run)) in runs.into_iter().enumerate() {
                out.push_str("<tspan");
                if index > 0 {
                    let _ = write!(out, r#" x="{}""#, num(x));
                }
                if emoji {
                    out.push_str(r#" font-family="Noto Emoji""#);
                }
                out.push('>');
                push_escaped(out, run);
                out.push_str("</tspan>");
                x += text_width(run, label.size, label.weight);
            }
        }
        out.push_str("</text>");
    }
}

fn badge(out: &mut String, badge: &Badge) {
    let r = &badge.rect;
    let (fill, text) = if badge.accountable {
        (badge.color, palette::PAPER)
    } else {
        (palette::PAPER, badge.color)
    };
    let _ = write!(
        out,
        r#"<g><title>{}</title><rect x="{}" y="{}" width="{}" height="{}" rx="{}" fill="{fill}" stroke="{}" stroke-width="1.5"/>"#,
        escape(&badge.title),
        num(r.x),
        num(r.y),
        num(r.width),
        num(r.height),
        num(r.height / 2.0),
        badge.color
    );
    let _ = write!(
        out,
        r#"<text x="{}" y="{}" font-size="{}" font-weight="700" fill="{text}">"#,
        num(badge.text_x),
        num(badge.baseline),
        num(BADGE_TEXT)
    );
    push_escaped(out, &badge.initials);
    out.push_str("</text>");
    if badge.tier > 0 {
        let _ = write!(
            out,
            r#"<text x="{}" y="{}" font-size="{}" font-weight="700" fill="{text}" fill-opacity="0.85">{}</text>"#,
            num(badge.tier_x),
            num(badge.baseline - 3.0),
            num(BADGE_TIER_TEXT),
            badge.tier
        );
    }
    out.push_str("</g>");
}

/// A group, its translucent fill already mixed into `opaque_fill` when
/// the colour beneath it is known (on the white page).
fn group(out: &mut String, group: &GroupShape, opaque_fill: Option<&str>) {
    let r = &group.rect;
    let fill = match opaque_fill {
        Some(colour) => format!(r#"fill="{colour}""#),
        None => format!(
            r#"fill="{}" fill-opacity="{}""#,
            group.fill,
            num(group.fill_opacity)
        ),
    };
    let _ = write!(
        out,
        r#"<g><rect x="{}" y="{}" width="{}" height="{}" rx="12" {fill} stroke="{}" stroke-width="1.5"/>"#,
        num(r.x),
        num(r.y),
        num(r.width),
        num(r.height),
        palette::GROUP_BORDER
    );
    label(out, &group.name);
    if let Some(kind) = &group.kind_label {
        label(out, kind);
    }
    for b in &group.badges {
        badge(out, b);
    }
    out.push_str("</g>");
}

/// The box, then its left side as a stripe in the kind's colour (as the
/// canvas's 6 px left border under an 8 px corner radius).
fn element(out: &mut String, element: &ElementShape) {
    let r = &element.rect;
    let radius = 8.0_f64.min(r.width / 2.0).min(r.height / 2.0);
    let _ = write!(
        out,
        r#"<g><rect x="{}" y="{}" width="{}" height="{}" rx="{}" fill="{}" stroke="{}" stroke-width="1"/>"#,
        num(r.x + 0.5),
        num(r.y + 0.5),
        num(r.width - 1.0),
        num(r.height - 1.0),
        num(radius),
        palette::PAPER,
        palette::LINE
    );
    let (left, top, bottom) = (r.x, r.y, r.y + r.height);
    let _ = write!(
        out,
        r#"<path d="M{} {}A{} {} 0 0 0 {} {}V{}A{} {} 0 0 0 {} {}H{}V{}Z" fill="{}"/>"#,
        num(left + radius),
        num(top),
        num(radius),
        num(radius),
        num(left),
        num(top + radius),
        num(bottom - radius),
        num(radius),
        num(radius),
        num(left + radius),
        num(bottom),
        num(left + STRIPE.min(radius)),
        num(top),
        element.color
    );
    label(out, &element.kind_label);
    label(out, &element.name);
    for b in &element.badges {
        badge(out, b);
    }
    out.push_str("</g>");
}

fn dash(style: &LineStyle) -> String {
    style
        .dash
        .map(|d| format!(r#" stroke-dasharray="{d}""#))
        .unwrap_or_default()
}

fn legend(out: &mut String, legend: &Legend) {
    let r = &legend.rect;
    let _ = write!(
        out,
        r#"<g><rect x="{}" y="{}" width="{}" height="{}" rx="8" fill="{}" fill-opacity="0.94" stroke="{}"/>"#,
        num(r.x),
        num(r.y),
        num(r.width),
        num(r.height),
        palette::PAPER,
        palette::LINE
    );
    for heading in &legend.headings {
        label(out, heading);
    }
    for row in &legend.rows {
        let s = &row.swatch_rect;
        match &row.swatch {
            Swatch::Kind(color) => {
                let _ = write!(
                    out,
                    r#"<rect x="{}" y="{}" width="{}" height="{}" rx="3" fill="{color}"/>"#,
                    num(s.x),
                    num(s.y),
                    num(s.width),
                    num(s.height)
                );
            }
            Swatch::Line(style) => {
                let y = s.y + s.height / 2.0;
                let _ = write!(
                    out,
                    r#"<path d="M{} {}H{}" stroke="{}" stroke-width="{}"{} fill="none"/>"#,
                    num(s.x),
                    num(y),
                    num(s.x + s.width),
                    style.stroke,
                    num(LINE_WIDTH),
                    dash(style)
                );
            }
            Swatch::Tier { tier, color } => {
                let _ = write!(
                    out,
                    r#"<rect x="{}" y="{}" width="{}" height="{}" rx="{}" fill="{color}"/><text x="{}" y="{}" font-size="{}" font-weight="700" fill="{}" text-anchor="middle">{tier}</text>"#,
                    num(s.x),
                    num(s.y),
                    num(s.width),
                    num(s.height),
                    num(s.height / 2.0),
                    num(s.x + s.width / 2.0),
                    num(s.y + s.height / 2.0 + BADGE_TEXT * 0.36),
                    num(BADGE_TEXT),
                    palette::PAPER
                );
            }
        }
        label(out, &row.label);
    }
    out.push_str("</g>");
}

/// Arrowheads, one per relation kind so each takes its line's colour (as the canvas's ArrowMarkers).
fn markers(out: &mut String, scene: &Scene) {
    let mut kinds: Vec<RelationKind> = scene.connectors.iter().map(|c| c.kind).collect();
    kinds.sort();
    kinds.dedup();
    if kinds.is_empty() {
        return;
    }
    out.push_str("<defs>");
    for kind in kinds {
        let _ = write!(
            out,
            r#"<marker id="{}" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse" overflow="visible"><path d="M0 0L10 5L0 10z" fill="{}"/></marker>"#,
            marker_id(kind),
            palette::relation_style(kind).stroke
        );
    }
    out.push_str("</defs>");
}

/// The scene as a standalone SVG document; `transparent` leaves out the white page.
/// The SVG file a user gets: the drawing with the bundled fonts embedded,
/// cut down to the characters it shows.
pub fn standalone(scene: &Scene, transparent: bool) -> String {
    let drawing = svg(scene, transparent);
    let faces = font_embed::font_faces(shown_text(&drawing).chars());
    if faces.is_empty() {
        return drawing;
    }
    let at = drawing.find("</title>").map_or(0, |i| i + "</title>".len());
    let mut out = String::with_capacity(drawing.len() + faces.len() + 32);
    out.push_str(&drawing[..at]);
    out.push_str("<defs><style>");
    out.push_str(&faces);
    out.push_str("</style></defs>");
    out.push_str(&drawing[at..]);
    out
}

/// Every character outside the tags of `svg`, entities resolved: the text
/// it shows (and a few characters of attribute-free markup, harmless).
fn shown_text(svg: &str) -> String {
    svg.split('<')
        .filter_map(|piece| piece.split_once('>').map(|(_, text)| unescape(text)))
        .collect()
}

/// XML text with the entities push_escaped writes turned back into characters.
fn unescape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find('&') {
        out.push_str(&rest[..at]);
        let entity = &rest[at..];
        let Some(end) = entity.find(';') else {
            out.push_str(entity);
            return out;
        };
        match &entity[1..end] {
            "lt" => out.push('<'),
            "gt" => out.push('>'),
            "amp" => out.push('&'),
            "quot" => out.push('"'),
            "apos" => out.push('\''),
            // Line breaks and tabs draw nothing.
            _ => {}
        }
        rest = &entity[end + 1..];
    }
    out.push_str(rest);
    out
}

/// Each group's fill mixed over what lies beneath it (its parent's fill, or
/// the white page) as one opaque colour: the same to the eye, and far
/// cheaper to render than blending large translucent areas (the PNG).
fn opaque_group_fills(scene: &Scene) -> HashMap<GroupId, String> {
    let mut mixed: HashMap<GroupId, [f64; 3]> = HashMap::new();
    let page = palette::rgb(palette::PAPER);
    // Parents come before their children in the scene.
    for g in &scene.groups {
        let beneath = g
            .parent
            .and_then(|p| mixed.get(&p).copied())
            .unwrap_or(page);
        let fill = palette::rgb(g.fill);
        let a = g.fill_opacity;
        let colour = [0, 1, 2].map(|i| fill[i] * a + beneath[i] * (1.0 - a));
        mixed.insert(g.id, colour);
    }
    mixed
        .into_iter()
        .map(|(id, [r, g, b])| {
            let byte = |v: f64| v.round().clamp(0.0, 255.0) as u8;
            (
                id,
                format!("#{:02x}{:02x}{:02x}", byte(r), byte(g), byte(b)),
            )
        })
        .collect()
}

/// The drawing alone, naming the bundled families, as the renderers read it.
pub fn svg(scene: &Scene, transparent: bool) -> String {
    let mut out = String::with_capacity(1024 + scene.elements.len() * 900);
    let (w, h) = (num(scene.width), num(scene.height));
    let _ = write!(
        out,
        r#"<svg xmlns="http://www.w3.org/2000/svg" width="{w}" height="{h}" viewBox="0 0 {w} {h}" font-family="{}">"#,
        FONT_FAMILY_LIST.replace('\'', "&apos;")
    );
    out.push_str("<title>");
    push_escaped(&mut out, &scene.title.lines.join(" "));
    out.push_str("</title>");
    markers(&mut out, scene);
    if !transparent {
        let _ = write!(
            out,
            r#"<rect width="{w}" height="{h}" fill="{}"/>"#,
            palette::PAPER
        );
    }
    label(&mut out, &scene.title);
    label(&mut out, &scene.subtitle);
    out.push_str(r#"<g id="groups">"#);
    let opaque = (!transparent).then(|| opaque_group_fills(scene));
    for g in &scene.groups {
        let fill = opaque.as_ref().and_then(|fills| fills.get(&g.id));
        group(&mut out, g, fill.map(String::as_str));
    }
    out.push_str(r#"</g><g id="relations" fill="none">"#);
    for c in &scene.connectors {
        let _ = write!(
            out,
            r#"<path d="{}" stroke="{}" stroke-width="{}"{} marker-end="url(#{})"/>"#,
            line_path(&c.points),
            c.style.stroke,
            num(LINE_WIDTH),
            dash(&c.style),
            marker_id(c.kind)
        );
    }
    out.push_str(r#"</g><g id="elements">"#);
    for e in &scene.elements {
        element(&mut out, e);
    }
    out.push_str("</g>");
    if let Some(l) = &scene.legend {
        legend(&mut out, l);
    }
    out.push_str("</svg>\n");
    out
}

/// A routed line as path data: straight segments, each corner rounded by a
/// quadratic curve through it.
fn line_path(points: &[Point]) -> String {
    let mut d = String::with_capacity(points.len() * 24);
    let Some(first) = points.first() else {
        return d;
    };
    let _ = write!(d, "M{} {}", num(first.x), num(first.y));
    for (enter, corner, leave) in rounded_corners(points) {
        let _ = write!(
            d,
            "L{} {}Q{} {} {} {}",
            num(enter.x),
            num(enter.y),
            num(corner.x),
            num(corner.y),
            num(leave.x),
            num(leave.y)
        );
    }
    if let Some(last) = points.last().filter(|_| points.len() > 1) {
        let _ = write!(d, "L{} {}", num(last.x), num(last.y));
    }
    d
}

#[cfg(test)]
mod tests {
    use super::{Point, line_path, num};

    #[test]
    fn a_routed_line_has_rounded_corners() {
        let points = [
            Point { x: 0.0, y: 0.0 },
            Point { x: 100.0, y: 0.0 },
            Point { x: 100.0, y: 50.0 },
        ];
        assert_eq!(line_path(&points), "M0 0L92 0Q100 0 100 8L100 50");
    }

    #[test]
    fn numbers_are_short_and_stable() {
        assert_eq!(num(12.0), "12");
        assert_eq!(num(12.345), "12.35");
        assert_eq!(num(-0.001), "0");
        assert_eq!(num(0.5), "0.5");
    }
}
