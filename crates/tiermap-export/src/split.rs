//! Readable at any size: a map whose drawing does not fit a slide or page at
//! a readable text size is cut, along its groups, into an overview (each
//! top-level group a tile with its count) and detail pieces (a group, or a
//! part of a large one), each of which fits. Pieces are scenes like any
//! other, so every writer draws them as it draws a whole map.

use std::collections::{BTreeMap, BTreeSet};

use tiermap_model::{ElementId, GroupId, Rect};

use crate::connector::Connector;
use crate::fonts::Weight;
use crate::palette;
use crate::scene::{Badge, ElementShape, GroupShape, Label, MARGIN, NAME_SIZE, Scene, TITLE_BAND};

/// The size a name has at least on the slides of a map cut into pieces.
pub const READABLE_NAME_PT: f64 = 10.0;
/// A map stays whole on one slide while its names are at least this large
/// there: cutting a 16-element pyramid into tier slides would lose its lines.
pub const WHOLE_MAP_NAME_PT: f64 = 7.0;
/// Space between the overview's tiles and the map's legend beside them, in scene pixels.
const PIECE_MARGIN: f64 = 24.0;
/// Padding of a group cut down to the part of it a piece shows, and its title bar.
const GROUP_PAD: f64 = 16.0;
const GROUP_HEADER: f64 = 40.0;

/// Points per scene pixel at which names are [`READABLE_NAME_PT`].
pub fn readable_points_per_pixel() -> f64 {
    READABLE_NAME_PT / NAME_SIZE
}

/// What a piece is, for its title.
#[derive(Debug, Clone, PartialEq)]
pub enum PieceKind {
    Whole,
    Overview,
    Detail,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Piece {
    pub kind: PieceKind,
    /// What the piece shows, after the map's name: "overview", "Products (2 of 3)".
    pub part: Option<String>,
    pub scene: Scene,
}

/// Where a scene's drawing starts (below its title and subtitle).
pub const CONTENT_TOP: f64 = MARGIN + TITLE_BAND;

/// The size a scene's drawing (with its legend) needs, below the title band.
pub fn drawing_size(scene: &Scene) -> (f64, f64) {
    (scene.width, (scene.height - CONTENT_TOP + MARGIN).max(1.0))
}

/// Cuts `scene` into pieces that each fit `room` (width, height in scene
/// pixels at the readable size): the whole map when it fits with names of
/// at least [`WHOLE_MAP_NAME_PT`], else an overview and the details.
pub fn pieces(scene: &Scene, room: (f64, f64)) -> Vec<Piece> {
    let (width, height) = drawing_size(scene);
    let whole = READABLE_NAME_PT / WHOLE_MAP_NAME_PT;
    if (width <= room.0 * whole && height <= room.1 * whole) || scene.elements.is_empty() {
        return vec![Piece { kind: PieceKind::Whole, part: None, scene: scene.clone() }];
    }
    // Details leave the legend to the overview and use the whole room.
    let cell = ((room.0 - 2.0 * MARGIN - 2.0 * GROUP_PAD).max(200.0), (room.1 - 2.0 * MARGIN - GROUP_HEADER - 2.0 * GROUP_PAD).max(120.0));
    let top_of = top_level_groups(scene);
    let mut parts: Vec<(String, Vec<ElementId>)> = Vec::new();
    let mut outer: Vec<&GroupShape> = scene.groups.iter().filter(|g| g.parent.is_none()).collect();
    outer.sort_by(|a, b| (a.rect.y, a.rect.x).partial_cmp(&(b.rect.y, b.rect.x)).unwrap_or(std::cmp::Ordering::Equal));
    let mut sections: Vec<(String, Vec<&ElementShape>)> = outer
        .iter()
        .map(|g| (g.name.lines.join(" "), scene.elements.iter().filter(|e| e.group.and_then(|own| top_of.get(&own)) == Some(&g.id)).collect()))
        .collect();
    let loose: Vec<&ElementShape> = scene.elements.iter().filter(|e| e.group.is_none()).collect();
    if !loose.is_empty() {
        sections.push(("Other elements".to_owned(), loose));
    }
    for (name, members) in sections {
        if members.is_empty() {
            continue;
        }
        let cells = cut(&members, cell);
        let count = cells.len();
        for (index, cell) in cells.into_iter().enumerate() {
            let label = if count == 1 { name.clone() } else { format!("{name} ({} of {count})", index + 1) };
            parts.push((label, cell));
        }
    }
    let mut out = vec![Piece { kind: PieceKind::Overview, part: Some("overview".to_owned()), scene: overview(scene, room, &top_of) }];
    out.extend(parts.into_iter().map(|(label, members)| Piece { kind: PieceKind::Detail, scene: detail(scene, &members, &label), part: Some(label) }));
    out
}

/// The outermost group holding each group.
fn top_level_groups(scene: &Scene) -> BTreeMap<GroupId, GroupId> {
    let parent: BTreeMap<GroupId, Option<GroupId>> = scene.groups.iter().map(|g| (g.id, g.parent)).collect();
    scene
        .groups
        .iter()
        .map(|g| {
            let mut top = g.id;
            let mut steps = 0;
            while let Some(Some(up)) = parent.get(&top) {
                top = *up;
                steps += 1;
                if steps > parent.len() {
                    break;
                }
            }
            (g.id, top)
        })
        .collect()
}

/// Elements cut into cells of at most `cell`, densely: rows of boxes are
/// stacked into bands as high as a cell, and each band is cut across where
/// it grows wider than one. Every box is whole in one cell.
fn cut(members: &[&ElementShape], cell: (f64, f64)) -> Vec<Vec<ElementId>> {
    let mut sorted: Vec<&ElementShape> = members.to_vec();
    sorted.sort_by(|a, b| (a.rect.y, a.rect.x).partial_cmp(&(b.rect.y, b.rect.x)).unwrap_or(std::cmp::Ordering::Equal));
    // Rows: boxes whose tops are within a few pixels of the row's first.
    let mut rows: Vec<Vec<&ElementShape>> = Vec::new();
    for element in sorted {
        match rows.last_mut() {
            Some(row) if (element.rect.y - row[0].rect.y).abs() < 12.0 => row.push(element),
            _ => rows.push(vec![element]),
        }
    }
    let mut bands: Vec<Vec<&ElementShape>> = Vec::new();
    let mut band_top = f64::NEG_INFINITY;
    for row in rows {
        let bottom = row.iter().map(|e| e.rect.y + e.rect.height).fold(f64::NEG_INFINITY, f64::max);
        match bands.last_mut() {
            Some(band) if bottom - band_top <= cell.1 => band.extend(row),
            _ => {
                band_top = row.iter().map(|e| e.rect.y).fold(f64::INFINITY, f64::min);
                bands.push(row);
            }
        }
    }
    let mut cells = Vec::new();
    for mut band in bands {
        band.sort_by(|a, b| (a.rect.x, a.rect.y).partial_cmp(&(b.rect.x, b.rect.y)).unwrap_or(std::cmp::Ordering::Equal));
        let mut current: Vec<ElementId> = Vec::new();
        let mut left = f64::NEG_INFINITY;
        for element in band {
            if current.is_empty() {
                left = element.rect.x;
            } else if element.rect.x + element.rect.width - left > cell.0 {
                cells.push(std::mem::take(&mut current));
                left = element.rect.x;
            }
            current.push(element.id);
        }
        if !current.is_empty() {
            cells.push(current);
        }
    }
    cells
}

fn moved(rect: &Rect, dx: f64, dy: f64) -> Rect {
    Rect { x: rect.x + dx, y: rect.y + dy, ..*rect }
}

fn move_label(label: &mut Label, dx: f64, dy: f64) {
    label.x += dx;
    label.top += dy;
}

fn move_badges(badges: &mut [Badge], dx: f64, dy: f64) {
    for badge in badges {
        badge.rect = moved(&badge.rect, dx, dy);
        badge.text_x += dx;
        badge.tier_x += dx;
        badge.baseline += dy;
    }
}

fn union(a: Option<Rect>, b: &Rect) -> Rect {
    match a {
        None => *b,
        Some(a) => {
            let (x, y) = (a.x.min(b.x), a.y.min(b.y));
            Rect { x, y, width: (a.x + a.width).max(b.x + b.width) - x, height: (a.y + a.height).max(b.y + b.height) - y }
        }
    }
}

/// The part of a map holding `members`: those boxes, the groups round them
/// cut down to what they hold here, and the lines between them.
fn detail(scene: &Scene, members: &[ElementId], part: &str) -> Scene {
    let kept: BTreeSet<ElementId> = members.iter().copied().collect();
    let mut elements: Vec<ElementShape> = scene.elements.iter().filter(|e| kept.contains(&e.id)).cloned().collect();
    let connectors: Vec<Connector> = scene.connectors.iter().filter(|c| kept.contains(&c.source) && kept.contains(&c.target)).cloned().collect();
    // Each group shrinks to its kept boxes and kept inner groups, innermost first.
    let by_id: BTreeMap<GroupId, &GroupShape> = scene.groups.iter().map(|g| (g.id, g)).collect();
    let mut bounds: BTreeMap<GroupId, Rect> = BTreeMap::new();
    for element in &elements {
        if let Some(group) = element.group {
            let inner = bounds.get(&group).copied();
            bounds.insert(group, union(inner, &element.rect));
        }
    }
    let mut groups: Vec<GroupShape> = Vec::new();
    for group in scene.groups.iter().rev() {
        let Some(content) = bounds.get(&group.id).copied() else { continue };
        let rect = Rect { x: content.x - GROUP_PAD, y: content.y - GROUP_HEADER - GROUP_PAD / 2.0, width: content.width + 2.0 * GROUP_PAD, height: content.height + GROUP_HEADER + GROUP_PAD * 1.5 };
        let mut shape = group.clone();
        let (dx, dy) = (rect.x - group.rect.x, rect.y - group.rect.y);
        move_label(&mut shape.name, dx, dy);
        if let Some(kind) = shape.kind_label.as_mut() {
            move_label(kind, dx, dy);
        }
        move_badges(&mut shape.badges, dx, dy);
        shape.rect = rect;
        if let Some(parent) = group.parent.filter(|p| by_id.contains_key(p)) {
            let outer = bounds.get(&parent).copied();
            bounds.insert(parent, union(outer, &rect));
        }
        groups.push(shape);
    }
    groups.reverse();
    // Everything moves so the piece's drawing starts where a map's does.
    let mut extent: Option<Rect> = None;
    for rect in groups.iter().map(|g| &g.rect).chain(elements.iter().map(|e| &e.rect)) {
        extent = Some(union(extent, rect));
    }
    for point in connectors.iter().flat_map(|c| &c.points) {
        extent = Some(union(extent, &Rect::new(point.x, point.y, 0.0, 0.0)));
    }
    let extent = extent.unwrap_or(Rect::new(0.0, 0.0, 1.0, 1.0));
    let (dx, dy) = (MARGIN - extent.x, CONTENT_TOP - extent.y);
    for group in &mut groups {
        group.rect = moved(&group.rect, dx, dy);
        move_label(&mut group.name, dx, dy);
        if let Some(kind) = group.kind_label.as_mut() {
            move_label(kind, dx, dy);
        }
        move_badges(&mut group.badges, dx, dy);
    }
    for element in &mut elements {
        element.rect = moved(&element.rect, dx, dy);
        move_label(&mut element.kind_label, dx, dy);
        move_label(&mut element.name, dx, dy);
        move_badges(&mut element.badges, dx, dy);
    }
    let mut connectors = connectors;
    for point in connectors.iter_mut().flat_map(|c| c.points.iter_mut()) {
        point.x += dx;
        point.y += dy;
    }
    let right = MARGIN + extent.width;
    let mut subtitle = scene.subtitle.clone();
    subtitle.lines = vec![format!("{} · {part}", scene.subtitle.lines.join(" "))];
    Scene {
        map: scene.map,
        width: (right.max(scene.title.x + scene.title.width()) + MARGIN).ceil(),
        height: (CONTENT_TOP + extent.height + MARGIN).ceil(),
        title: scene.title.clone(),
        subtitle,
        groups,
        elements,
        connectors,
        // The key is on the overview, once for the whole map.
        legend: None,
    }
}

/// The whole map small: each top-level group a tile with its name and how
/// many elements it holds (loose elements one tile), no lines.
fn overview(scene: &Scene, room: (f64, f64), top_of: &BTreeMap<GroupId, GroupId>) -> Scene {
    let mut counts: BTreeMap<GroupId, usize> = BTreeMap::new();
    let mut loose: Option<Rect> = None;
    let mut loose_count = 0;
    for element in &scene.elements {
        match element.group.and_then(|g| top_of.get(&g)) {
            Some(top) => *counts.entry(*top).or_default() += 1,
            None => {
                loose = Some(union(loose, &element.rect));
                loose_count += 1;
            }
        }
    }
    let mut tiles: Vec<(String, Rect, Option<&GroupShape>)> =
        scene.groups.iter().filter(|g| g.parent.is_none()).map(|g| (format!("{} · {}", g.name.lines.join(" "), elements_word(counts.get(&g.id).copied().unwrap_or(0))), g.rect, Some(g))).collect();
    if let Some(rect) = loose {
        tiles.push((format!("Other elements · {}", elements_word(loose_count)), rect, None));
    }
    let extent = tiles.iter().fold(None, |acc, (_, rect, _)| Some(union(acc, rect))).unwrap_or(Rect::new(0.0, 0.0, 1.0, 1.0));
    // Shrunk to fit the room beside the legend; the names keep their size.
    let legend_width = scene.legend.as_ref().map_or(0.0, |l| l.rect.width + PIECE_MARGIN);
    let shrink = ((room.0 - 2.0 * MARGIN - legend_width) / extent.width).min((room.1 - 2.0 * MARGIN) / extent.height).min(1.0);
    let groups = tiles
        .iter()
        .map(|(name, rect, shape)| {
            let rect = Rect { x: MARGIN + (rect.x - extent.x) * shrink, y: CONTENT_TOP + (rect.y - extent.y) * shrink, width: (rect.width * shrink).max(120.0), height: (rect.height * shrink).max(48.0) };
            let lines = crate::wrap::wrap(name, rect.width - 2.0 * GROUP_PAD, NAME_SIZE, Weight::Bold);
            GroupShape {
                // The loose elements' tile borrows the map's id: one per overview, and the same in every export.
                id: shape.map_or(GroupId(scene.map.0), |g| g.id),
                parent: None,
                kind: shape.map_or(tiermap_model::GroupKind::Plain, |g| g.kind),
                rect,
                fill: shape.map_or("#e2e9f2", |g| g.fill),
                fill_opacity: shape.map_or(0.45, |g| g.fill_opacity),
                name: Label { lines, size: NAME_SIZE, weight: Weight::Bold, color: palette::INK, x: rect.x + GROUP_PAD, top: rect.y + 12.0 },
                kind_label: None,
                badges: Vec::new(),
            }
        })
        .collect::<Vec<_>>();
    let right = groups.iter().map(|g| g.rect.x + g.rect.width).fold(MARGIN, f64::max);
    let bottom = groups.iter().map(|g| g.rect.y + g.rect.height).fold(CONTENT_TOP, f64::max);
    let mut legend = scene.legend.clone();
    if let Some(legend) = legend.as_mut() {
        let (dx, dy) = (right + PIECE_MARGIN - legend.rect.x, CONTENT_TOP - legend.rect.y);
        legend.rect = moved(&legend.rect, dx, dy);
        for heading in &mut legend.headings {
            move_label(heading, dx, dy);
        }
        for row in &mut legend.rows {
            row.swatch_rect = moved(&row.swatch_rect, dx, dy);
            move_label(&mut row.label, dx, dy);
        }
    }
    let legend_right = legend.as_ref().map_or(0.0, |l| l.rect.x + l.rect.width);
    let legend_bottom = legend.as_ref().map_or(0.0, |l| l.rect.y + l.rect.height);
    let mut subtitle = scene.subtitle.clone();
    subtitle.lines = vec![format!("{} · overview: the next slides show each part", scene.subtitle.lines.join(" "))];
    Scene {
        map: scene.map,
        width: (right.max(legend_right).max(scene.title.x + scene.title.width()) + MARGIN).ceil(),
        height: (bottom.max(legend_bottom) + MARGIN).ceil(),
        title: scene.title.clone(),
        subtitle,
        groups,
        elements: Vec::new(),
        connectors: Vec::new(),
        legend,
    }
}

fn elements_word(n: usize) -> String {
    if n == 1 { "1 element".to_owned() } else { format!("{n} elements") }
}

