//! One map as a slide of native, editable shapes: each group a grouped
//! shape (its container, owner badges, nested groups and elements), each
//! element a group of its box (with the kind and name as text), kind stripe
//! and owner badges; relations as connectors glued to the boxes they join;
//! the legend as a group at the side. The scene is scaled to fit the slide.

use std::collections::BTreeMap;

use tiermap_model::{ElementId, GroupId};

use super::drawing::{self, Frame, Ids, Look, Paragraph, Placement, Run, Stroke, TextBody};
use super::parts::{SLIDE_HEIGHT, SLIDE_WIDTH};
use crate::palette;
use crate::scene::{
    BADGE_TEXT, BADGE_TIER_TEXT, Badge, ElementShape, GroupShape, KIND_SIZE, LINE_WIDTH, Legend,
    STRIPE, Scene, Side, Swatch, TITLE_SIZE,
};

/// Slide margins and the title band, in EMU.
const SIDE: i64 = 380_000;
const TITLE_TOP: i64 = 230_000;
const TITLE_HEIGHT: i64 = 560_000;
const CONTENT_TOP: i64 = 860_000;
const BOTTOM: i64 = 300_000;
/// Scale above which a small map is not enlarged further (2× its screen size).
const MAX_EMU_PER_PX: f64 = 9_525.0 * 2.0;
/// Where the drawing starts in the scene, below its own title.
const SCENE_CONTENT_TOP: f64 = crate::scene::MARGIN + 40.0;

/// Connection sites of a rectangle: top, left, bottom, right.
fn site(side: Side) -> u8 {
    match side {
        Side::Top => 0,
        Side::Left => 1,
        Side::Bottom => 2,
        Side::Right => 3,
    }
}

/// The room a drawing has on a slide, below the title, in EMU.
pub fn room() -> (f64, f64) {
    ((SLIDE_WIDTH - 2 * SIDE) as f64, (SLIDE_HEIGHT - CONTENT_TOP - BOTTOM) as f64)
}

/// The scale (EMU per scene pixel) that fits the scene's drawing into the room.
pub fn fitting_scale(scene: &Scene) -> f64 {
    let width = scene.width.max(1.0);
    let height = (scene.height - SCENE_CONTENT_TOP).max(1.0);
    let (room_width, room_height) = room();
    (room_width / width).min(room_height / height).min(MAX_EMU_PER_PX)
}

/// Places the scene (without its title) below the slide's title, at `emu_per_px`.
fn placement(scene: &Scene, emu_per_px: f64) -> Placement {
    let width = scene.width.max(1.0);
    let used_width = (width * emu_per_px).round() as i64;
    Placement {
        from_x: 0.0,
        from_y: SCENE_CONTENT_TOP,
        to_x: (SLIDE_WIDTH - used_width) / 2,
        to_y: CONTENT_TOP,
        emu_per_px,
    }
}

fn badge(out: &mut String, ids: &mut Ids, at: &Placement, badge: &Badge) {
    let (fill, text) = if badge.accountable {
        (badge.color, palette::PAPER)
    } else {
        (palette::PAPER, badge.color)
    };
    let tier = badge.tier.to_string();
    let mut runs = vec![Run {
        text: &badge.initials,
        size: at.font(BADGE_TEXT),
        bold: true,
        color: text,
        superscript: false,
    }];
    if badge.tier > 0 {
        runs.push(Run {
            text: &tier,
            size: at.font(BADGE_TIER_TEXT + 2.0),
            bold: true,
            color: text,
            superscript: true,
        });
    }
    let body = TextBody {
        paragraphs: vec![Paragraph { runs, align: "ctr" }],
        insets: (0, 0, 0, 0),
        anchor: "ctr",
        wrap: false,
    };
    let look = Look {
        fill: Some((fill, 1.0)),
        line: Some((badge.color, at.length(1.5).max(3175))),
    };
    drawing::shape(
        out,
        ids.next(),
        &format!("Owner {}", badge.initials),
        &badge.title,
        "roundRect",
        Some(0.5),
        &at.frame(&badge.rect),
        look,
        Some(&body),
    );
}

/// An element: its box carries the text; returns the box's shape id for connectors.
fn element(out: &mut String, ids: &mut Ids, at: &Placement, element: &ElementShape) -> u32 {
    let frame = at.frame(&element.rect);
    drawing::open_group(out, ids.next(), &element.full_name, &frame);
    let box_id = ids.next();
    let kind_text = element
        .kind_label
        .lines
        .first()
        .map(String::as_str)
        .unwrap_or_default();
    let body = TextBody {
        paragraphs: vec![
            Paragraph {
                runs: vec![Run {
                    text: kind_text,
                    size: at.font(KIND_SIZE),
                    bold: true,
                    color: element.color,
                    superscript: false,
                }],
                align: "l",
            },
            Paragraph {
                runs: vec![Run {
                    text: &element.full_name,
                    size: at.font(element.name.size),
                    bold: true,
                    color: palette::INK,
                    superscript: false,
                }],
                align: "l",
            },
        ],
        insets: (
            at.length(element.name.x - element.rect.x),
            at.length(element.kind_label.top - element.rect.y),
            at.length(8.0),
            at.length(if element.badges.is_empty() { 4.0 } else { 22.0 }),
        ),
        anchor: "t",
        wrap: true,
    };
    let corner = 8.0 / element.rect.width.min(element.rect.height).max(1.0);
    let look = Look {
        fill: Some((palette::PAPER, 1.0)),
        line: Some((palette::LINE, at.length(1.0).max(3175))),
    };
    let description = format!("{}: {}", element.kind.label(), element.full_name);
    drawing::shape(
        out,
        box_id,
        &element.full_name,
        &description,
        "roundRect",
        Some(corner),
        &frame,
        look,
        Some(&body),
    );
    let stripe = Frame {
        width: at.length(STRIPE).max(1),
        ..frame
    };
    let look = Look {
        fill: Some((element.color, 1.0)),
        line: None,
    };
    drawing::shape(
        out,
        ids.next(),
        "Kind",
        element.kind.label(),
        "rect",
        None,
        &stripe,
        look,
        None,
    );
    for b in &element.badges {
        badge(out, ids, at, b);
    }
    drawing::close_group(out);
    box_id
}

fn group_container(out: &mut String, ids: &mut Ids, at: &Placement, group: &GroupShape) {
    let name = group.name.lines.join(" ");
    let mut runs = vec![Run {
        text: &name,
        size: at.font(group.name.size),
        bold: true,
        color: palette::INK,
        superscript: false,
    }];
    let kind = group
        .kind_label
        .as_ref()
        .map(|k| format!("   {}", k.lines.join(" ")));
    if let Some(kind) = &kind {
        runs.push(Run {
            text: kind,
            size: at.font(KIND_SIZE),
            bold: false,
            color: palette::INK_SOFT,
            superscript: false,
        });
    }
    let badges_width = group.badges.iter().map(|b| b.rect.width + 3.0).sum::<f64>();
    let body = TextBody {
        paragraphs: vec![Paragraph { runs, align: "l" }],
        insets: (
            at.length(12.0),
            at.length(6.0),
            at.length(12.0 + badges_width),
            0,
        ),
        anchor: "t",
        wrap: true,
    };
    let corner = 12.0 / group.rect.width.min(group.rect.height).max(1.0);
    let look = Look {
        fill: Some((group.fill, group.fill_opacity)),
        line: Some((palette::GROUP_BORDER, at.length(1.5).max(3175))),
    };
    drawing::shape(
        out,
        ids.next(),
        &group.name.lines.join(" "),
        group.kind.label(),
        "roundRect",
        Some(corner),
        &at.frame(&group.rect),
        look,
        Some(&body),
    );
    for b in &group.badges {
        badge(out, ids, at, b);
    }
}

/// What goes into each group, in drawing order.
enum Item {
    Open(usize),
    Close,
    Element(usize),
}

/// The groups and elements as nested shape groups, written with an explicit
/// stack (nesting depth comes from the document).
fn groups_and_elements(
    out: &mut String,
    ids: &mut Ids,
    at: &Placement,
    scene: &Scene,
) -> BTreeMap<ElementId, u32> {
    let index: BTreeMap<GroupId, usize> = scene
        .groups
        .iter()
        .enumerate()
        .map(|(i, g)| (g.id, i))
        .collect();
    let mut child_groups: BTreeMap<Option<GroupId>, Vec<usize>> = BTreeMap::new();
    for (i, group) in scene.groups.iter().enumerate() {
        child_groups
            .entry(group.parent.filter(|p| index.contains_key(p)))
            .or_default()
            .push(i);
    }
    let mut members: BTreeMap<Option<GroupId>, Vec<usize>> = BTreeMap::new();
    for (i, element) in scene.elements.iter().enumerate() {
        members
            .entry(element.group.filter(|g| index.contains_key(g)))
            .or_default()
            .push(i);
    }
    let items_of = |parent: Option<GroupId>| -> Vec<Item> {
        let mut items: Vec<Item> = Vec::new();
        for g in child_groups.get(&parent).into_iter().flatten() {
            items.push(Item::Open(*g));
        }
        for e in members.get(&parent).into_iter().flatten() {
            items.push(Item::Element(*e));
        }
        items
    };
    let mut boxes = BTreeMap::new();
    let mut stack: Vec<Item> = items_of(None);
    stack.reverse();
    while let Some(item) = stack.pop() {
        match item {
            Item::Open(g) => {
                let group = &scene.groups[g];
                drawing::open_group(
                    out,
                    ids.next(),
                    &group.name.lines.join(" "),
                    &at.frame(&group.rect),
                );
                group_container(out, ids, at, group);
                stack.push(Item::Close);
                let mut inner = items_of(Some(group.id));
                inner.reverse();
                stack.extend(inner);
            }
            Item::Close => drawing::close_group(out),
            Item::Element(e) => {
                let id = element(out, ids, at, &scene.elements[e]);
                boxes.insert(scene.elements[e].id, id);
            }
        }
    }
    boxes
}

fn label_box(
    out: &mut String,
    ids: &mut Ids,
    at: &Placement,
    label: &crate::scene::Label,
    name: &str,
) {
    let text = label.lines.join(" ");
    let width = label.width() + 4.0;
    let frame = Frame {
        x: at.x(label.x),
        y: at.y(label.top),
        width: at.length(width).max(1),
        height: at.length(label.height()).max(1),
    };
    let body = TextBody {
        paragraphs: vec![Paragraph {
            runs: vec![Run {
                text: &text,
                size: at.font(label.size),
                bold: label.weight == crate::fonts::Weight::Bold,
                color: label.color,
                superscript: false,
            }],
            align: "l",
        }],
        insets: (0, 0, 0, 0),
        anchor: "t",
        wrap: false,
    };
    drawing::shape(
        out,
        ids.next(),
        name,
        &text,
        "rect",
        None,
        &frame,
        Look {
            fill: None,
            line: None,
        },
        Some(&body),
    );
}

fn legend(out: &mut String, ids: &mut Ids, at: &Placement, legend: &Legend) {
    let frame = at.frame(&legend.rect);
    drawing::open_group(out, ids.next(), "Legend", &frame);
    let look = Look {
        fill: Some((palette::PAPER, 1.0)),
        line: Some((palette::LINE, at.length(1.0).max(3175))),
    };
    drawing::shape(
        out,
        ids.next(),
        "Legend box",
        "Legend",
        "roundRect",
        Some(0.04),
        &frame,
        look,
        None,
    );
    for heading in &legend.headings {
        label_box(out, ids, at, heading, "Legend heading");
    }
    for row in &legend.rows {
        let s = &row.swatch_rect;
        match &row.swatch {
            Swatch::Kind(color) => {
                drawing::shape(
                    out,
                    ids.next(),
                    "Kind colour",
                    &row.label.lines.join(" "),
                    "roundRect",
                    Some(0.2),
                    &at.frame(s),
                    Look {
                        fill: Some((color, 1.0)),
                        line: None,
                    },
                    None,
                );
            }
            Swatch::Line(style) => {
                let y = at.y(s.y + s.height / 2.0);
                let stroke = Stroke {
                    color: style.stroke,
                    width: at.length(LINE_WIDTH).max(3175),
                    dash: style.dash,
                    line_width_px: LINE_WIDTH,
                    arrow: true,
                };
                drawing::connector(
                    out,
                    ids.next(),
                    &row.label.lines.join(" "),
                    &[(at.x(s.x), y), (at.x(s.x + s.width), y)],
                    None,
                    stroke,
                );
            }
            Swatch::Tier { tier, color } => {
                let text = tier.to_string();
                let body = TextBody {
                    paragraphs: vec![Paragraph {
                        runs: vec![Run {
                            text: &text,
                            size: at.font(BADGE_TEXT),
                            bold: true,
                            color: palette::PAPER,
                            superscript: false,
                        }],
                        align: "ctr",
                    }],
                    insets: (0, 0, 0, 0),
                    anchor: "ctr",
                    wrap: false,
                };
                drawing::shape(
                    out,
                    ids.next(),
                    "Tier colour",
                    &row.label.lines.join(" "),
                    "roundRect",
                    Some(0.5),
                    &at.frame(s),
                    Look {
                        fill: Some((color, 1.0)),
                        line: None,
                    },
                    Some(&body),
                );
            }
        }
        label_box(out, ids, at, &row.label, "Legend label");
    }
    drawing::close_group(out);
}

/// The shapes of a map's slide.
/// A map (or a piece of one) as a slide, drawn at `emu_per_px`: one scale
/// for every slide of a deck, so names have one size throughout.
pub fn map_slide(scene: &Scene, name: &str, emu_per_px: f64) -> String {
    let at = placement(scene, emu_per_px);
    let mut ids = Ids::new();
    let mut out = String::with_capacity(4096 + scene.elements.len() * 3000);
    let title = Frame {
        x: SIDE,
        y: TITLE_TOP,
        width: SLIDE_WIDTH - 2 * SIDE,
        height: TITLE_HEIGHT,
    };
    let subtitle = scene.subtitle.lines.join(" ");
    let body = TextBody {
        paragraphs: vec![Paragraph {
            runs: vec![
                Run {
                    text: name,
                    size: (TITLE_SIZE * 120.0) as u32,
                    bold: true,
                    color: palette::INK,
                    superscript: false,
                },
                Run {
                    text: "   ",
                    size: 1400,
                    bold: false,
                    color: palette::INK_SOFT,
                    superscript: false,
                },
                Run {
                    text: &subtitle,
                    size: 1400,
                    bold: false,
                    color: palette::INK_SOFT,
                    superscript: false,
                },
            ],
            align: "l",
        }],
        insets: (0, 0, 0, 0),
        anchor: "b",
        wrap: true,
    };
    drawing::shape(
        &mut out,
        ids.next(),
        "Title",
        name,
        "rect",
        None,
        &title,
        Look {
            fill: None,
            line: None,
        },
        Some(&body),
    );
    // Lines go above the group fills (a semi-transparent band over a line
    // would change its colour) and after the boxes, whose ids they are glued
    // to; they never cross a box they do not end at.
    let mut shapes = String::with_capacity(scene.elements.len() * 3000);
    let boxes = groups_and_elements(&mut shapes, &mut ids, &at, scene);
    out.push_str(&shapes);
    for connector in &scene.connectors {
        let (Some(from), Some(to)) = (boxes.get(&connector.source), boxes.get(&connector.target))
        else {
            continue;
        };
        let stroke = Stroke {
            color: connector.style.stroke,
            width: at.length(LINE_WIDTH).max(3175),
            dash: connector.style.dash,
            line_width_px: LINE_WIDTH,
            arrow: true,
        };
        let points: Vec<(i64, i64)> = connector
            .points
            .iter()
            .map(|p| (at.x(p.x), at.y(p.y)))
            .collect();
        drawing::connector(
            &mut out,
            ids.next(),
            connector.kind.label(),
            &points,
            Some((
                (*from, site(connector.start_side)),
                (*to, site(connector.end_side)),
            )),
            stroke,
        );
    }
    if let Some(l) = &scene.legend {
        legend(&mut out, &mut ids, &at, l);
    }
    out
}
