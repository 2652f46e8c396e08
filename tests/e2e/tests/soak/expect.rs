//! What the file says the window must show, and the checks of one look
//! against it. The file is read through the store, as another reader would:
//! the core's map view (which relations a map draws) is computed from the
//! same document with the model's own rule for what containment shows.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::path::Path;
use std::time::Duration;

use tiermap_model::presentation::shown_by_containment;
use tiermap_model::{Document, GroupId, MapId};
use tiermap_store::DocumentFile;

use super::page::Look;

/// One element on one map, as the file has it.
#[derive(Debug, Clone)]
pub struct Placed {
    pub name: String,
    /// In map coordinates (groups' offsets added): left, top, width, height.
    pub rect: [f64; 4],
    /// Inside a collapsed group: not drawn.
    pub hidden: bool,
}

/// A map as the file has it: its boxes and the lines its view draws.
#[derive(Debug, Clone, Default)]
pub struct MapState {
    pub name: String,
    pub boxes: BTreeMap<String, Placed>,
    /// Relation id → (source, target), both drawn.
    pub edges: BTreeMap<String, (String, String)>,
}

/// The document file at one moment.
#[derive(Debug, Clone)]
pub struct FileState {
    pub bytes: Vec<u8>,
    /// History entries done (what undo takes back) and undone (the redo stack).
    pub done: usize,
    pub undone: usize,
    /// In tab order.
    pub map_order: Vec<String>,
    pub maps: HashMap<String, MapState>,
    /// Element id → the maps it is on (for Ctrl+K jumps).
    pub on_maps: HashMap<String, Vec<String>>,
    /// Relations as (source, target), drawn or not.
    pub relations: BTreeSet<(String, String)>,
    /// The names of every element and group.
    pub names: BTreeSet<String>,
    /// The history's labels, oldest first, and whether each is undone.
    pub labels: Vec<(String, bool)>,
}

fn absolute(doc: &Document, group: Option<GroupId>, x: f64, y: f64) -> (f64, f64, bool) {
    let (mut x, mut y, mut hidden) = (x, y, false);
    let mut current = group;
    // A chain of groups is short; the bound only guards against a cycle.
    for _ in 0..64 {
        let Some(g) = current.and_then(|id| doc.group(id)) else {
            break;
        };
        x += g.rect.x;
        y += g.rect.y;
        hidden |= g.collapsed;
        current = g.parent;
    }
    (x, y, hidden)
}

fn map_state(doc: &Document, map: MapId) -> MapState {
    let Some(m) = doc.map(map) else {
        return MapState::default();
    };
    let mut boxes = BTreeMap::new();
    for p in doc.placements_of(map) {
        let Some(element) = doc.element(p.element) else {
            continue;
        };
        let (x, y, hidden) = absolute(doc, p.group, p.rect.x, p.rect.y);
        boxes.insert(
            element.id.to_string(),
            Placed {
                name: element.name.clone(),
                rect: [x, y, p.rect.width, p.rect.height],
                hidden,
            },
        );
    }
    let drawn = |id: &str| boxes.get(id).is_some_and(|b: &Placed| !b.hidden);
    let edges = doc
        .relations()
        .filter(|r| !shown_by_containment(doc, m, r))
        .map(|r| {
            (
                r.id.to_string(),
                (r.source.to_string(), r.target.to_string()),
            )
        })
        .filter(|(_, (s, t))| drawn(s) && drawn(t))
        .collect();
    MapState {
        name: m.name.clone(),
        boxes,
        edges,
    }
}

impl FileState {
    /// Reads the file; retried for a moment while the app is writing it.
    pub async fn read(path: &Path) -> Result<FileState, String> {
        let mut last = String::new();
        for _ in 0..20 {
            match Self::try_read(path) {
                Ok(state) => return Ok(state),
                Err(error) => last = error,
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
        Err(format!("the document cannot be read: {last}"))
    }

    fn try_read(path: &Path) -> Result<FileState, String> {
        let bytes = std::fs::read(path).map_err(|e| e.to_string())?;
        let file = DocumentFile::open_read_only(path).map_err(|e| e.to_string())?;
        let history = file.history().map_err(|e| e.to_string())?;
        // The bytes and the document must be of the same moment.
        if std::fs::read(path).map_err(|e| e.to_string())? != bytes {
            return Err("written while read".into());
        }
        let doc = file.doc();
        let map_order: Vec<String> = doc.maps().iter().map(|m| m.id.to_string()).collect();
        let maps = doc
            .maps()
            .iter()
            .map(|m| (m.id.to_string(), map_state(doc, m.id)))
            .collect();
        let mut on_maps: HashMap<String, Vec<String>> = HashMap::new();
        for m in doc.maps() {
            for p in doc.placements_of(m.id) {
                on_maps
                    .entry(p.element.to_string())
                    .or_default()
                    .push(m.id.to_string());
            }
        }
        let relations = doc
            .relations()
            .map(|r| (r.source.to_string(), r.target.to_string()))
            .collect();
        let names = doc
            .elements()
            .map(|e| e.name.clone())
            .chain(doc.groups().map(|g| g.name.clone()))
            .collect();
        Ok(FileState {
            bytes,
            done: history.iter().filter(|h| !h.undone).count(),
            undone: history.iter().filter(|h| h.undone).count(),
            map_order,
            maps,
            on_maps,
            relations,
            names,
            labels: history
                .iter()
                .map(|h| (h.label.clone(), h.undone))
                .collect(),
        })
    }

    pub fn map_named(&self, name: &str) -> Option<&str> {
        self.maps
            .iter()
            .find(|(_, m)| m.name == name)
            .map(|(id, _)| id.as_str())
    }
}

/// How far inside the canvas a box must reach to count as on screen: less
/// than this and React Flow may or may not draw it.
const ON_SCREEN: f64 = 12.0;

/// Where the map shown must be drawn: what the file says against one look.
/// `fitted`: the map was just fitted to the window, so every box must be
/// drawn and inside it. Returns every broken invariant, in words.
pub fn drawing_problems(look: &Look, file: &FileState, fitted: bool) -> Vec<String> {
    let mut problems = Vec::new();
    if !look.collector {
        problems.push("the page was reloaded or replaced (the error collector is gone)".into());
    }
    for error in &look.uncaught {
        problems.push(format!("uncaught script error: {error}"));
    }
    if !look.app {
        problems.push("the window is blank: no app in the page".into());
        return problems;
    }
    if !look.canvas {
        problems.push("the window shows no map (no React Flow pane)".into());
        return problems;
    }
    let Some(map_id) = look.map.as_deref() else {
        return problems;
    };
    let Some(map) = file.maps.get(map_id) else {
        problems.push(format!(
            "the canvas shows map {map_id}, which the file does not have"
        ));
        return problems;
    };
    let drawn: BTreeSet<&str> = look.nodes.iter().map(|n| n.id.as_str()).collect();
    for id in &drawn {
        match map.boxes.get(*id) {
            None => problems.push(format!(
                "a box is drawn for {id}, which is not on map '{}' in the file",
                map.name
            )),
            Some(b) if b.hidden => problems.push(format!(
                "'{}' is drawn although its group is collapsed",
                b.name
            )),
            Some(_) => {}
        }
    }
    let (Some(flow), Some([pan_x, pan_y, zoom])) = (look.flow, look.transform) else {
        problems.push("the canvas has no viewport".into());
        return problems;
    };
    // Every box the viewport reaches must be drawn (React Flow draws only those).
    for (id, b) in map.boxes.iter().filter(|(_, b)| !b.hidden) {
        let left = flow[0] + pan_x + b.rect[0] * zoom;
        let top = flow[1] + pan_y + b.rect[1] * zoom;
        let (right, bottom) = (left + b.rect[2] * zoom, top + b.rect[3] * zoom);
        let reaches = right > flow[0] + ON_SCREEN
            && left < flow[0] + flow[2] - ON_SCREEN
            && bottom > flow[1] + ON_SCREEN
            && top < flow[1] + flow[3] - ON_SCREEN;
        if (reaches || fitted) && !drawn.contains(id.as_str()) {
            problems.push(format!("'{}' ({id}) is in view but not drawn", b.name));
        }
    }
    let lines: BTreeSet<&str> = look.edges.iter().map(String::as_str).collect();
    for id in &lines {
        if !map.edges.contains_key(*id) {
            problems.push(format!(
                "a line is drawn for relation {id}, which the map's view does not have"
            ));
        }
    }
    for (id, (source, target)) in &map.edges {
        let ends_drawn = drawn.contains(source.as_str()) && drawn.contains(target.as_str());
        if (ends_drawn || fitted) && !lines.contains(id.as_str()) {
            let name = |e: &str| map.boxes.get(e).map(|b| b.name.clone()).unwrap_or_default();
            problems.push(format!(
                "the line from '{}' to '{}' (relation {id}) is not drawn",
                name(source),
                name(target)
            ));
        }
    }
    if fitted {
        for node in &look.nodes {
            let [left, top, width, height] = node.rect;
            let inside = left >= flow[0] - 1.0
                && top >= flow[1] - 1.0
                && left + width <= flow[0] + flow[2] + 1.0
                && top + height <= flow[1] + flow[3] + 1.0;
            if !inside {
                let name = map
                    .boxes
                    .get(&node.id)
                    .map(|b| b.name.clone())
                    .unwrap_or_default();
                problems.push(format!(
                    "after fitting, '{name}' is outside the window: {:?} in {flow:?}",
                    node.rect
                ));
            }
        }
    }
    problems
}
