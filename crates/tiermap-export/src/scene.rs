//! A map's drawing, computed once and written by every format: absolute
//! boxes of groups and elements, their text already wrapped with the
//! bundled fonts' metrics, owner badges, connectors between the facing sides
//! of their boxes, a title and a legend. Writers only translate this into
//! SVG, DrawingML or draw.io; none of them measures or decides anything.
//!
//! Boxes come from the stored positions (Placement.rect, Group.rect, both
//! relative to the enclosing group), shifted so the drawing starts at the
//! page margin. Looks follow the canvas (ui/src/canvas/nodes, styles.css).

use std::collections::{BTreeMap, BTreeSet};

use tiermap_model::{
    Document, ElementId, ElementKind, GroupId, GroupKind, MapId, OwnedTarget, Rect, RelationKind,
};

use tiermap_model::presentation::shown_by_containment;

use crate::fonts::{Weight, text_width};
use crate::owners::{Owner, owners_by_target};
use crate::palette;
use crate::wrap::{LINE_HEIGHT, fit, wrap};

use crate::collapse::{COLLAPSED_HEIGHT, Collapse};
use crate::connector::connectors;
pub use crate::connector::{Connector, Point, Side};
use crate::legend::legend;
pub use crate::legend::{Legend, Swatch};

/// Space around the drawing.
pub const MARGIN: f64 = 32.0;
/// Element box: stripe, padding and text sizes as on the canvas.
pub const STRIPE: f64 = 6.0;
const PAD_LEFT: f64 = 10.0;
const PAD_RIGHT: f64 = 10.0;
const PAD_TOP: f64 = 7.0;
const PAD_BOTTOM: f64 = 6.0;
pub const KIND_SIZE: f64 = 10.0;
pub const NAME_SIZE: f64 = 13.0;
/// Names shrink to this size before their box grows.
pub const NAME_MIN_SIZE: f64 = 9.0;
/// Narrowest box drawn, so a zero-size placement still shows its name.
const MIN_BOX_WIDTH: f64 = 60.0;
/// Owner badges: pills of initials.
pub const BADGE_HEIGHT: f64 = 16.0;
pub const BADGE_TEXT: f64 = 10.0;
pub const BADGE_TIER_TEXT: f64 = 8.0;
const BADGE_GAP: f64 = 3.0;
const BADGE_PAD: f64 = 6.0;
/// Group header.
const HEADER_PAD_X: f64 = 12.0;
const HEADER_PAD_Y: f64 = 8.0;
pub const GROUP_NAME_SIZE: f64 = 13.0;
const GROUP_NAME_MIN_SIZE: f64 = 9.0;
/// Map title above the drawing.
pub const TITLE_SIZE: f64 = 20.0;
pub const SUBTITLE_SIZE: f64 = 12.0;
pub const TITLE_BAND: f64 = 56.0;
/// Space between the drawing and the legend to its right.
const LEGEND_GAP: f64 = 40.0;
/// Relation lines, as the canvas draws them.
pub const LINE_WIDTH: f64 = 1.6;

/// Text already broken into lines; `top` is the top of the first line.
#[derive(Debug, Clone, PartialEq)]
pub struct Label {
    pub lines: Vec<String>,
    pub size: f64,
    pub weight: Weight,
    pub color: &'static str,
    pub x: f64,
    pub top: f64,
}

impl Label {
    pub fn line_height(&self) -> f64 {
        self.size * LINE_HEIGHT
    }
    /// Baseline of line `index` (the font's ascent is about 0.8 em of a 1.2 em line... centred).
    pub fn baseline(&self, index: usize) -> f64 {
        self.top + self.line_height() * index as f64 + self.size * 0.95
    }
    pub fn height(&self) -> f64 {
        self.line_height() * self.lines.len() as f64
    }
    /// Width of the widest line.
    pub fn width(&self) -> f64 {
        self.lines
            .iter()
            .map(|l| text_width(l, self.size, self.weight))
            .fold(0.0, f64::max)
    }
}

/// One owner badge: initials, and the tier as a small number after them.
#[derive(Debug, Clone, PartialEq)]
pub struct Badge {
    pub rect: Rect,
    pub initials: String,
    pub tier: u8,
    pub color: &'static str,
    /// Accountable owners are solid, delegates outlined.
    pub accountable: bool,
    /// For tooltips and tables: "A. Rivera: Product owner (tier 3)".
    pub title: String,
    /// Where the initials start; the tier digit follows at `tier_x`.
    pub text_x: f64,
    pub tier_x: f64,
    pub baseline: f64,
}

/// A group as a titled container.
#[derive(Debug, Clone, PartialEq)]
pub struct GroupShape {
    pub id: GroupId,
    pub parent: Option<GroupId>,
    pub kind: GroupKind,
    pub rect: Rect,
    pub fill: &'static str,
    pub fill_opacity: f64,
    pub name: Label,
    /// The kind's label in the header, when there is room for it.
    pub kind_label: Option<Label>,
    pub badges: Vec<Badge>,
}

/// An element as a box: kind colour stripe, kind label, name, owner badges.
#[derive(Debug, Clone, PartialEq)]
pub struct ElementShape {
    pub id: ElementId,
    pub group: Option<GroupId>,
    pub kind: ElementKind,
    pub rect: Rect,
    pub color: &'static str,
    pub kind_label: Label,
    pub name: Label,
    pub badges: Vec<Badge>,
    /// The full name, for formats that wrap text themselves.
    pub full_name: String,
}

/// Everything drawn for one map, in page coordinates (pixels at zoom 1).
#[derive(Debug, Clone, PartialEq)]
pub struct Scene {
    pub map: MapId,
    pub width: f64,
    pub height: f64,
    pub title: Label,
    pub subtitle: Label,
    /// Parents before their children.
    pub groups: Vec<GroupShape>,
    pub elements: Vec<ElementShape>,
    pub connectors: Vec<Connector>,
    /// None when the map shows nothing to explain.
    pub legend: Option<Legend>,
}

/// Group fill per kind (styles.css: `.group-tier` etc.), with its opacity.
fn group_fill(kind: GroupKind) -> (&'static str, f64) {
    match kind {
        GroupKind::Tier => ("#f0e4c8", 0.35),
        GroupKind::SegmentLane => ("#f0d6e2", 0.35),
        GroupKind::PlatformGroup => ("#f6e0cc", 0.35),
        GroupKind::Division => ("#ded6ce", 0.35),
        GroupKind::Family | GroupKind::Plain => ("#e2e9f2", 0.45),
    }
}

/// Absolute rectangles of a map's groups (positions are stored relative to the parent).
fn absolute_groups(doc: &Document, map: MapId) -> BTreeMap<GroupId, Rect> {
    let mut absolute: BTreeMap<GroupId, Rect> = BTreeMap::new();
    // groups_of lists parents before children, so each parent is already placed.
    for group in doc.groups_of(map) {
        let origin = group
            .parent
            .and_then(|p| absolute.get(&p))
            .map_or((0.0, 0.0), |r| (r.x, r.y));
        absolute.insert(
            group.id,
            Rect {
                x: group.rect.x + origin.0,
                y: group.rect.y + origin.1,
                ..group.rect
            },
        );
    }
    absolute
}

/// Lays out owner badges in a row from `x` at `top`, at most `max_width`
/// wide; owners that do not fit are summed up in a last "+N" badge.
fn badge_row(owners: &[Owner], x: f64, top: f64, max_width: f64) -> Vec<Badge> {
    let mut badges = Vec::new();
    let mut cursor = x;
    let width_of = |initials: &str, tier: &str| {
        text_width(initials, BADGE_TEXT, Weight::Bold)
            + text_width(tier, BADGE_TIER_TEXT, Weight::Bold)
            + 1.0
            + 2.0 * BADGE_PAD
    };
    for (index, owner) in owners.iter().enumerate() {
        let tier = owner.tier.to_string();
        let width = width_of(&owner.initials, &tier);
        let rest = owners.len() - index - 1;
        let room_for_more = if rest > 0 {
            width_of(&format!("+{rest}"), "") + BADGE_GAP
        } else {
            0.0
        };
        if index > 0 && cursor + width + room_for_more - x > max_width {
            let more = format!("+{}", owners.len() - index);
            let width = width_of(&more, "");
            badges.push(Badge {
                rect: Rect::new(cursor, top, width, BADGE_HEIGHT),
                text_x: cursor + BADGE_PAD,
                tier_x: cursor + width - BADGE_PAD,
                baseline: top + BADGE_HEIGHT / 2.0 + BADGE_TEXT * 0.36,
                title: owners[index..]
                    .iter()
                    .map(|o| o.name.as_str())
                    .collect::<Vec<_>>()
                    .join(", "),
                initials: more,
                tier: 0,
                color: palette::INK_SOFT,
                accountable: false,
            });
            break;
        }
        let initials_width = text_width(&owner.initials, BADGE_TEXT, Weight::Bold);
        badges.push(Badge {
            rect: Rect::new(cursor, top, width, BADGE_HEIGHT),
            text_x: cursor + BADGE_PAD,
            tier_x: cursor + BADGE_PAD + initials_width + 1.0,
            baseline: top + BADGE_HEIGHT / 2.0 + BADGE_TEXT * 0.36,
            initials: owner.initials.clone(),
            tier: owner.tier,
            color: palette::tier_color(owner.tier),
            accountable: owner.accountable,
            title: format!(
                "{}: {} (tier {}){}",
                owner.name,
                owner.role_label,
                owner.tier,
                if owner.accountable {
                    ", accountable"
                } else {
                    ", delegate"
                }
            ),
        });
        cursor += width + BADGE_GAP;
    }
    badges
}

/// An element's box with its text fitted: the name shrinks first, and the
/// box grows downwards only when even the smallest size needs more room.
fn element_shape(
    element: &tiermap_model::Element,
    group: Option<GroupId>,
    mut rect: Rect,
    owners: &[Owner],
    name_min_size: f64,
) -> ElementShape {
    rect.width = rect.width.max(MIN_BOX_WIDTH);
    let inner_left = rect.x + STRIPE + PAD_LEFT;
    let inner_width = rect.width - STRIPE - PAD_LEFT - PAD_RIGHT;
    let color = palette::kind_color(element.kind);
    let mut kind_text = element.kind.label().to_uppercase();
    if element.external {
        kind_text.push_str(" · EXTERNAL");
    }
    let kind_label = Label {
        lines: wrap(&kind_text, inner_width, KIND_SIZE, Weight::Bold)
            .into_iter()
            .take(1)
            .collect(),
        size: KIND_SIZE,
        weight: Weight::Bold,
        color,
        x: inner_left,
        top: rect.y + PAD_TOP,
    };
    let name_top = kind_label.top + KIND_SIZE * LINE_HEIGHT + 2.0;
    let badges_height = if owners.is_empty() {
        0.0
    } else {
        BADGE_HEIGHT + BADGE_GAP
    };
    let room = rect.y + rect.height - PAD_BOTTOM - badges_height - name_top;
    let fitted = fit(
        &element.name,
        inner_width,
        room,
        NAME_SIZE,
        name_min_size,
        Weight::Bold,
    );
    let needed = fitted.lines.len() as f64 * fitted.size * LINE_HEIGHT;
    if needed > room {
        rect.height += needed - room;
    }
    let name = Label {
        lines: fitted.lines,
        size: fitted.size,
        weight: Weight::Bold,
        color: palette::INK,
        x: inner_left,
        top: name_top,
    };
    let badges_top = rect.y + rect.height - PAD_BOTTOM - BADGE_HEIGHT;
    let badges = badge_row(owners, inner_left, badges_top, inner_width);
    ElementShape {
        id: element.id,
        group,
        kind: element.kind,
        rect,
        color,
        kind_label,
        name,
        badges,
        full_name: element.name.clone(),
    }
}

/// A group's container: name at the top left (shrunk, then wrapped, to fit
/// beside its owner badges), kind label after it when there is room.
fn group_shape(
    group: &tiermap_model::Group,
    rect: Rect,
    owners: &[Owner],
    holding: Option<usize>,
) -> GroupShape {
    let (fill, fill_opacity) = group_fill(group.kind);
    let left = rect.x + HEADER_PAD_X;
    let inner_width = (rect.width - 2.0 * HEADER_PAD_X).max(1.0);
    let top = rect.y + HEADER_PAD_Y;
    // Badges sit at the right end of the header.
    let mut badges = badge_row(owners, 0.0, top, inner_width * 0.5);
    let badges_width = badges.last().map_or(0.0, |b| b.rect.x + b.rect.width);
    let shift = rect.x + rect.width - HEADER_PAD_X - badges_width;
    for badge in &mut badges {
        badge.rect.x += shift;
        badge.text_x += shift;
        badge.tier_x += shift;
    }
    let name_width = (inner_width
        - if badges.is_empty() {
            0.0
        } else {
            badges_width + 8.0
        })
    .max(1.0);
    let fitted = fit(
        &group.name,
        name_width,
        GROUP_NAME_SIZE * LINE_HEIGHT,
        GROUP_NAME_SIZE,
        GROUP_NAME_MIN_SIZE,
        Weight::Bold,
    );
    let name = Label {
        lines: fitted.lines,
        size: fitted.size,
        weight: Weight::Bold,
        color: palette::INK,
        x: left,
        top,
    };
    let kind_text = match holding {
        Some(n) => format!("{} · {n} inside", group.kind.label()).to_uppercase(),
        None => group.kind.label().to_uppercase(),
    };
    let kind_width = text_width(&kind_text, KIND_SIZE, Weight::Regular);
    let after_name = left
        + if name.lines.len() == 1 {
            name.width() + 8.0
        } else {
            name_width
        };
    let kind_label =
        (name.lines.len() <= 1 && after_name + kind_width <= left + name_width).then(|| Label {
            lines: vec![kind_text],
            size: KIND_SIZE,
            weight: Weight::Regular,
            color: palette::INK_SOFT,
            x: after_name,
            top: top + (GROUP_NAME_SIZE - KIND_SIZE) * LINE_HEIGHT / 2.0 + 1.0,
        });
    GroupShape {
        id: group.id,
        parent: group.parent,
        kind: group.kind,
        rect,
        fill,
        fill_opacity,
        name,
        kind_label,
        badges,
    }
}

fn moved(rect: Rect, dx: f64, dy: f64) -> Rect {
    Rect {
        x: rect.x + dx,
        y: rect.y + dy,
        ..rect
    }
}

/// The drawing of `map`, or None when the document has no such map.
pub fn scene(doc: &Document, map_id: MapId) -> Option<Scene> {
    scene_with(doc, map_id, NAME_MIN_SIZE)
}

/// The drawing for slides and pages, whose text size is promised: names keep
/// their size and a long one grows its box instead of shrinking.
pub fn scene_for_slides(doc: &Document, map_id: MapId) -> Option<Scene> {
    scene_with(doc, map_id, NAME_SIZE)
}

fn scene_with(doc: &Document, map_id: MapId, name_min_size: f64) -> Option<Scene> {
    let map = doc.map(map_id)?;
    let owners = owners_by_target(doc);
    let no_owners: Vec<Owner> = Vec::new();
    let owners_of = |target: OwnedTarget| owners.get(&target).unwrap_or(&no_owners);

    // Where things are, relative to the map's origin; collapsed groups are
    // their title bar, and what they hold is not drawn.
    let collapse = Collapse::of(doc, map_id);
    let all_groups = absolute_groups(doc, map_id);
    let group_rects: BTreeMap<GroupId, Rect> = all_groups
        .iter()
        .filter(|(id, _)| !collapse.hides_group(**id))
        .map(|(id, rect)| {
            let height = if collapse.holding(*id).is_some() {
                COLLAPSED_HEIGHT
            } else {
                rect.height
            };
            (*id, Rect { height, ..*rect })
        })
        .collect();
    let placements: Vec<(&tiermap_model::Element, Option<GroupId>, Rect)> = doc
        .placements_of(map_id)
        .filter(|p| !collapse.hides_contents_of(p.group))
        .filter_map(|p| {
            let element = doc.element(p.element)?;
            let origin = p
                .group
                .and_then(|g| group_rects.get(&g))
                .map_or((0.0, 0.0), |r| (r.x, r.y));
            Some((
                element,
                p.group.filter(|g| group_rects.contains_key(g)),
                moved(p.rect, origin.0, origin.1),
            ))
        })
        .collect();
    let all_rects = group_rects.values().chain(placements.iter().map(|p| &p.2));
    let (min_x, min_y) = all_rects.fold((f64::INFINITY, f64::INFINITY), |(x, y), r| {
        (x.min(r.x), y.min(r.y))
    });
    let (min_x, min_y) = if min_x.is_finite() {
        (min_x, min_y)
    } else {
        (0.0, 0.0)
    };
    let (dx, dy) = (MARGIN - min_x, MARGIN + TITLE_BAND - min_y);

    let groups: Vec<GroupShape> = doc
        .groups_of(map_id)
        .into_iter()
        .filter_map(|g| {
            Some(group_shape(
                g,
                moved(*group_rects.get(&g.id)?, dx, dy),
                owners_of(OwnedTarget::Group(g.id)),
                collapse.holding(g.id),
            ))
        })
        .collect();
    let elements: Vec<ElementShape> = placements
        .iter()
        .map(|(element, group, rect)| {
            element_shape(
                element,
                *group,
                moved(*rect, dx, dy),
                owners_of(OwnedTarget::Element(element.id)),
                name_min_size,
            )
        })
        .collect();

    let relations: Vec<&tiermap_model::Relation> = doc
        .relations()
        .filter(|r| !shown_by_containment(doc, map, r))
        .collect();
    let connectors = connectors(&relations, &elements, &groups);

    // Lines may run outside the outermost boxes; the page holds them too.
    let line_points = || connectors.iter().flat_map(|c| &c.points);
    let right = groups
        .iter()
        .map(|g| &g.rect)
        .chain(elements.iter().map(|e| &e.rect))
        .map(|r| r.x + r.width)
        .chain(line_points().map(|p| p.x + LINE_WIDTH))
        .fold(MARGIN, f64::max);
    let bottom = groups
        .iter()
        .map(|g| &g.rect)
        .chain(elements.iter().map(|e| &e.rect))
        .map(|r| r.y + r.height)
        .chain(line_points().map(|p| p.y + LINE_WIDTH))
        .fold(MARGIN + TITLE_BAND, f64::max);

    let kinds: BTreeSet<ElementKind> = elements.iter().map(|e| e.kind).collect();
    let relation_kinds: BTreeSet<RelationKind> = connectors.iter().map(|c| c.kind).collect();
    let tiers: BTreeSet<u8> = elements
        .iter()
        .flat_map(|e| &e.badges)
        .chain(groups.iter().flat_map(|g| &g.badges))
        .map(|b| b.tier)
        .filter(|t| (1..=3).contains(t))
        .collect();
    let legend_x = if elements.is_empty() && groups.is_empty() {
        MARGIN
    } else {
        right + LEGEND_GAP
    };
    let legend = legend(
        legend_x,
        MARGIN + TITLE_BAND,
        &kinds,
        &relation_kinds,
        &tiers,
    );

    let title = Label {
        lines: vec![map.name.replace(['\n', '\r'], " ")],
        size: TITLE_SIZE,
        weight: Weight::Bold,
        color: palette::INK,
        x: MARGIN,
        top: MARGIN - 8.0,
    };
    let subtitle = Label {
        lines: vec![map.model.label().to_owned()],
        size: SUBTITLE_SIZE,
        weight: Weight::Regular,
        color: palette::INK_SOFT,
        x: MARGIN,
        top: title.top + TITLE_SIZE * LINE_HEIGHT + 2.0,
    };
    let legend_right = legend.as_ref().map_or(0.0, |l| l.rect.x + l.rect.width);
    let legend_bottom = legend.as_ref().map_or(0.0, |l| l.rect.y + l.rect.height);
    let width = (right
        .max(legend_right)
        .max(title.x + title.width())
        .max(subtitle.x + subtitle.width())
        + MARGIN)
        .ceil();
    let height = (bottom.max(legend_bottom) + MARGIN).ceil();
    Some(Scene {
        map: map_id,
        width,
        height,
        title,
        subtitle,
        groups,
        elements,
        connectors,
        legend,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use tiermap_model::{Edit, Element, Group, GroupingModel, Map, Placement, Relation};

    fn one_map(model: GroupingModel) -> (Document, MapId) {
        let mut doc = Document::new();
        let map = MapId::new();
        doc.apply_all(&[Edit::PutMap(Map {
            id: map,
            name: "Banking".into(),
            model,
            position: 0,
        })])
        .unwrap();
        (doc, map)
    }

    #[test]
    fn positions_inside_groups_become_absolute_and_the_drawing_starts_at_the_margin() {
        let (mut doc, map) = one_map(GroupingModel::Freeform);
        let group = GroupId::new();
        let element = Element::new(ElementKind::Product, "Payroll");
        doc.apply_all(&[
            Edit::PutGroup(Group {
                id: group,
                map,
                parent: None,
                kind: GroupKind::Family,
                name: "HR".into(),
                rect: Rect::new(-100.0, 50.0, 300.0, 200.0),
                collapsed: false,
            }),
            Edit::PutElement(element.clone()),
            Edit::PutPlacement(Placement {
                map,
                element: element.id,
                group: Some(group),
                rect: Rect::new(24.0, 40.0, 180.0, 88.0),
            }),
        ])
        .unwrap();
        let scene = scene(&doc, map).unwrap();
        assert_eq!(
            scene.groups[0].rect,
            Rect::new(MARGIN, MARGIN + TITLE_BAND, 300.0, 200.0)
        );
        assert_eq!(
            scene.elements[0].rect,
            Rect::new(MARGIN + 24.0, MARGIN + TITLE_BAND + 40.0, 180.0, 88.0)
        );
        assert_eq!(scene.elements[0].name.lines, ["Payroll"]);
        assert!(scene.width > MARGIN + 300.0 && scene.height >= MARGIN * 2.0 + TITLE_BAND + 200.0);
    }

    #[test]
    fn a_name_too_long_for_its_box_shrinks_then_grows_the_box_and_is_never_cut() {
        let (mut doc, map) = one_map(GroupingModel::Freeform);
        let element = Element::new(ElementKind::Service, "Very long service name ".repeat(12));
        doc.apply_all(&[
            Edit::PutElement(element.clone()),
            Edit::PutPlacement(Placement {
                map,
                element: element.id,
                group: None,
                rect: Rect::new(0.0, 0.0, 180.0, 88.0),
            }),
        ])
        .unwrap();
        let shape = &scene(&doc, map).unwrap().elements[0];
        assert_eq!(shape.name.size, NAME_MIN_SIZE);
        assert!(shape.rect.height > 88.0);
        assert_eq!(shape.name.lines.join(" "), element.name.trim());
        assert!(
            shape.name.top + shape.name.height()
                <= shape.rect.y + shape.rect.height - PAD_BOTTOM + 1e-9
        );
    }

    #[test]
    fn lines_join_facing_sides_and_containment_lines_are_left_out() {
        let (mut doc, map) = one_map(GroupingModel::Market);
        let lane = GroupId::new();
        let segment = Element::new(ElementKind::MarketSegment, "Retail");
        let product = Element::new(ElementKind::Product, "App");
        let below = Element::new(ElementKind::Application, "Core");
        doc.apply_all(&[
            Edit::PutGroup(Group {
                id: lane,
                map,
                parent: None,
                kind: GroupKind::SegmentLane,
                name: "Retail".into(),
                rect: Rect::new(0.0, 0.0, 600.0, 200.0),
                collapsed: false,
            }),
            Edit::PutElement(segment.clone()),
            Edit::PutElement(product.clone()),
            Edit::PutElement(below.clone()),
            Edit::PutPlacement(Placement {
                map,
                element: segment.id,
                group: Some(lane),
                rect: Rect::new(20.0, 40.0, 180.0, 88.0),
            }),
            Edit::PutPlacement(Placement {
                map,
                element: product.id,
                group: Some(lane),
                rect: Rect::new(300.0, 40.0, 180.0, 88.0),
            }),
            Edit::PutPlacement(Placement {
                map,
                element: below.id,
                group: None,
                rect: Rect::new(300.0, 400.0, 180.0, 88.0),
            }),
            Edit::PutRelation(Relation::new(RelationKind::Serves, product.id, segment.id)),
            Edit::PutRelation(Relation::new(RelationKind::Supports, below.id, product.id)),
            Edit::PutRelation(Relation::new(
                RelationKind::DeliveredBy,
                product.id,
                segment.id,
            )),
        ])
        .unwrap();
        let scene = scene(&doc, map).unwrap();
        // The product sits in the segment's lane: the lane already says it serves the segment.
        assert!(
            scene
                .connectors
                .iter()
                .all(|c| c.kind != RelationKind::Serves)
        );
        let supports = scene
            .connectors
            .iter()
            .find(|c| c.kind == RelationKind::Supports)
            .unwrap();
        assert_eq!(
            (supports.start_side, supports.end_side),
            (Side::Top, Side::Bottom)
        );
        let beside = scene
            .connectors
            .iter()
            .find(|c| c.kind == RelationKind::DeliveredBy)
            .unwrap();
        assert_eq!(
            (beside.start_side, beside.end_side),
            (Side::Left, Side::Right)
        );
        assert_eq!(
            beside.end().x,
            scene
                .elements
                .iter()
                .find(|e| e.id == segment.id)
                .unwrap()
                .rect
                .x
                + 180.0
        );
        let legend = scene.legend.unwrap();
        assert_eq!(legend.rows.len(), 3 + 2);
    }

    #[test]
    fn a_line_goes_round_a_box_between_its_ends_and_keeps_off_title_bars() {
        let (mut doc, map) = one_map(GroupingModel::Freeform);
        let family = GroupId::new();
        let names = ["Payroll", "Benefits", "Pensions"];
        let elements: Vec<Element> = names
            .iter()
            .map(|n| Element::new(ElementKind::Product, *n))
            .collect();
        let mut edits = vec![Edit::PutGroup(Group {
            id: family,
            map,
            parent: None,
            kind: GroupKind::Family,
            name: "Rewards and recognition".into(),
            rect: Rect::new(0.0, 0.0, 660.0, 160.0),
            collapsed: false,
        })];
        for (i, e) in elements.iter().enumerate() {
            edits.push(Edit::PutElement(e.clone()));
            edits.push(Edit::PutPlacement(Placement {
                map,
                element: e.id,
                group: Some(family),
                rect: Rect::new(24.0 + 204.0 * i as f64, 40.0, 180.0, 88.0),
            }));
        }
        edits.push(Edit::PutRelation(Relation::new(
            RelationKind::Supports,
            elements[0].id,
            elements[2].id,
        )));
        doc.apply_all(&edits).unwrap();
        let scene = scene(&doc, map).unwrap();
        let line = &scene.connectors[0];
        assert!(line.routed);
        let middle = scene.elements[1].rect;
        let title = &scene.groups[0].name;
        for w in line.points.windows(2) {
            let (a, b) = (w[0], w[1]);
            let meets = |r: Rect| {
                a.x.min(b.x) <= r.x + r.width
                    && a.x.max(b.x) >= r.x
                    && a.y.min(b.y) <= r.y + r.height
                    && a.y.max(b.y) >= r.y
            };
            assert!(!meets(middle), "through the box between: {:?}", line.points);
            let bar = Rect::new(title.x, title.top, title.width(), title.height());
            assert!(!meets(bar), "through the group's name: {:?}", line.points);
        }
    }
}
