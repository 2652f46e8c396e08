//! `tiermap bench --layout`: how readable Tiermap's arrangement and routed
//! lines are, beside Graphviz's `dot` on the same graphs, in one run. The
//! maps are the sample's five and generated pyramids (service areas,
//! products, services, applications as tiers) of 100 to 5,000 elements whose
//! applications also support far-apart products. Prints a Markdown table for
//! BENCHMARKS.md.
//!
//! For each drawing it counts lines that pass through a box that is not one
//! of their ends, box hits (line–box pairs), crossings between lines, the
//! aspect ratio and area per element of the boxes' extent, and the time:
//! Tiermap's arrangement plus its drawing (text fitted, lines routed), and
//! `dot -Tplain` (ranking, ordering, placing, spline routing) on the same
//! elements, groups (as clusters) and drawn relations, boxes of the same size.
//! Tiermap's drawings are left in `--dir` to look at (PNG, SVG above 1,000
//! elements).

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant};

use tiermap_app::{AppError, ErrorCode, generate};
use tiermap_export::{ExportRequest, Format, Scene};
use tiermap_model::layout::{Arrangement, GroupSpec, NODE_HEIGHT, NODE_WIDTH, arrange_linked};
use tiermap_model::{Document, Edit, ElementKind, GroupKind, GroupingModel, Map, MapId, Rect};

use crate::bench_geometry::{Drawing, Line, measure};

/// Sizes of the generated pyramids, in elements (people are not placed).
const SIZES: [usize; 4] = [100, 300, 1000, 5000];
/// dot is stopped after this long.
const DOT_LIMIT: Duration = Duration::from_secs(600);
/// Units per inch: dot works in inches and points, the map in canvas units.
const UNITS_PER_INCH: f64 = 72.0;

fn ms(d: Duration) -> String {
    let ms = d.as_secs_f64() * 1000.0;
    if ms < 10.0 {
        format!("{ms:.1}")
    } else {
        format!("{ms:.0}")
    }
}

fn io(path: &Path, e: std::io::Error) -> AppError {
    AppError::new(ErrorCode::Io, format!("{}: {e}", path.display()))
}

/// A pyramid of a generated portfolio: a tier per kind, from the service areas down.
fn pyramid(size: usize) -> Result<(Document, MapId, Duration), AppError> {
    let mut doc = Document::new();
    doc.apply_all(&generate::portfolio(size))?;
    let tiers = [
        (ElementKind::ServiceArea, "Service areas"),
        (ElementKind::Product, "Products"),
        (ElementKind::Service, "Services"),
        (ElementKind::Application, "Applications"),
    ];
    let specs: Vec<GroupSpec> = tiers
        .iter()
        .map(|(kind, name)| {
            GroupSpec::new(
                *name,
                GroupKind::Tier,
                doc.elements()
                    .filter(|e| e.kind == *kind)
                    .map(|e| e.id)
                    .collect(),
            )
        })
        .collect();
    let map = MapId::new();
    // As Arrange does: the relations order the tiers.
    let links: Vec<_> = doc.relations().map(|r| (r.source, r.target)).collect();
    let started = Instant::now();
    let edits = arrange_linked(map, Arrangement::Pyramid, &specs, &[], &links);
    let arranging = started.elapsed();
    let mut all = vec![Edit::PutMap(Map {
        id: map,
        name: format!("Pyramid of {size}"),
        model: GroupingModel::Pyramid,
        position: 9,
    })];
    all.extend(edits);
    doc.apply_all(&all)?;
    Ok((doc, map, arranging))
}

/// What Tiermap drew: boxes and routed lines.
fn tiermap_drawing(scene: &Scene) -> Drawing {
    let index: BTreeMap<_, _> = scene
        .elements
        .iter()
        .enumerate()
        .map(|(i, e)| (e.id, i))
        .collect();
    Drawing {
        boxes: scene.elements.iter().map(|e| e.rect).collect(),
        frames: scene.groups.iter().map(|g| g.rect).collect(),
        lines: scene
            .connectors
            .iter()
            .map(|c| Line {
                source: index[&c.source],
                target: index[&c.target],
                points: c.points.iter().map(|p| (p.x, p.y)).collect(),
            })
            .collect(),
    }
}

fn quoted(text: &str) -> String {
    format!("\"{}\"", text.replace('\\', "\\\\").replace('"', "\\\""))
}

/// The scene's graph for dot: clusters for groups (nested as they are),
/// fixed-size boxes as Tiermap's, the drawn relations as edges.
fn dot_source(scene: &Scene) -> String {
    let mut out = format!(
        "digraph map {{\n  node [shape=box, fixedsize=true, width={}, height={}, fontname=\"Noto Sans\", fontsize=13];\n",
        NODE_WIDTH / UNITS_PER_INCH,
        NODE_HEIGHT / UNITS_PER_INCH
    );
    let index: BTreeMap<_, _> = scene
        .elements
        .iter()
        .enumerate()
        .map(|(i, e)| (e.id, i))
        .collect();
    let mut children: BTreeMap<Option<tiermap_model::GroupId>, Vec<usize>> = BTreeMap::new();
    for (i, g) in scene.groups.iter().enumerate() {
        children.entry(g.parent).or_default().push(i);
    }
    // Depth-first without recursion: (group index, closing?).
    let mut stack: Vec<(usize, bool)> = children
        .get(&None)
        .into_iter()
        .flatten()
        .rev()
        .map(|&g| (g, false))
        .collect();
    while let Some((g, closing)) = stack.pop() {
        let group = &scene.groups[g];
        if closing {
            out.push_str("  }\n");
            continue;
        }
        let _ = writeln!(
            out,
            "  subgraph cluster_{g} {{\n    label={};",
            quoted(&group.name.lines.join(" "))
        );
        for (i, e) in scene
            .elements
            .iter()
            .enumerate()
            .filter(|(_, e)| e.group == Some(group.id))
        {
            let _ = writeln!(out, "    n{i} [label={}];", quoted(&e.full_name));
        }
        stack.push((g, true));
        stack.extend(
            children
                .get(&Some(group.id))
                .into_iter()
                .flatten()
                .rev()
                .map(|&c| (c, false)),
        );
    }
    for (i, e) in scene
        .elements
        .iter()
        .enumerate()
        .filter(|(_, e)| e.group.is_none())
    {
        let _ = writeln!(out, "  n{i} [label={}];", quoted(&e.full_name));
    }
    for c in &scene.connectors {
        let _ = writeln!(out, "  n{} -> n{};", index[&c.source], index[&c.target]);
    }
    out.push_str("}\n");
    out
}

/// Runs dot on `source` and reads its boxes and splines back (in canvas units, y down).
/// None when dot did not finish within `DOT_LIMIT`.
fn dot_drawing(source: &str, dir: &Path) -> Result<Option<(Drawing, Duration)>, AppError> {
    let file = dir.join("layout.dot");
    std::fs::write(&file, source).map_err(|e| io(&file, e))?;
    let started = Instant::now();
    let out_file = dir.join("layout.plain");
    let output_handle = std::fs::File::create(&out_file).map_err(|e| io(&out_file, e))?;
    let mut child = Command::new("dot")
        .arg("-Tplain")
        .arg(&file)
        .stdout(output_handle)
        .spawn()
        .map_err(|e| {
            AppError::new(
                ErrorCode::NotFound,
                format!("Graphviz's dot could not run ({e}); install the Debian package graphviz"),
            )
        })?;
    // dot can take very long on the largest graphs: past the limit it is stopped and reported so.
    let status = loop {
        if let Some(status) = child.try_wait().map_err(|e| io(&file, e))? {
            break Some(status);
        }
        if started.elapsed() > DOT_LIMIT {
            let _ = child.kill();
            let _ = child.wait();
            break None;
        }
        std::thread::sleep(Duration::from_millis(20));
    };
    let took = started.elapsed();
    match status {
        None => return Ok(None),
        Some(status) if !status.success() => {
            return Err(AppError::new(
                ErrorCode::Io,
                format!("dot -Tplain failed on {}", file.display()),
            ));
        }
        Some(_) => {}
    }
    let output = std::fs::read(&out_file).map_err(|e| io(&out_file, e))?;
    let text = String::from_utf8_lossy(&output);
    let mut height = 0.0;
    let mut boxes: BTreeMap<usize, Rect> = BTreeMap::new();
    let mut lines = Vec::new();
    let number = |s: &str| s.parse::<f64>().unwrap_or(0.0);
    let node = |s: &str| s.trim_start_matches('n').parse::<usize>().ok();
    for row in text.lines() {
        let words: Vec<&str> = row.split_whitespace().collect();
        match words.first() {
            Some(&"graph") if words.len() >= 4 => height = number(words[3]) * UNITS_PER_INCH,
            Some(&"node") if words.len() >= 6 => {
                let (x, y) = (
                    number(words[2]) * UNITS_PER_INCH,
                    height - number(words[3]) * UNITS_PER_INCH,
                );
                let (w, h) = (
                    number(words[4]) * UNITS_PER_INCH,
                    number(words[5]) * UNITS_PER_INCH,
                );
                if let Some(n) = node(words[1]) {
                    boxes.insert(n, Rect::new(x - w / 2.0, y - h / 2.0, w, h));
                }
            }
            Some(&"edge") if words.len() >= 4 => {
                let count = words[3].parse::<usize>().unwrap_or(0);
                let controls: Vec<(f64, f64)> = (0..count)
                    .filter_map(|k| {
                        let x = words.get(4 + 2 * k)?;
                        let y = words.get(5 + 2 * k)?;
                        Some((
                            number(x) * UNITS_PER_INCH,
                            height - number(y) * UNITS_PER_INCH,
                        ))
                    })
                    .collect();
                if let (Some(source), Some(target)) = (node(words[1]), node(words[2])) {
                    lines.push(Line {
                        source,
                        target,
                        points: flatten_bspline(&controls),
                    });
                }
            }
            _ => {}
        }
    }
    let count = boxes.keys().next_back().map_or(0, |n| n + 1);
    let boxes = (0..count)
        .map(|n| {
            boxes
                .get(&n)
                .copied()
                .unwrap_or(Rect::new(0.0, 0.0, 0.0, 0.0))
        })
        .collect();
    Ok(Some((
        Drawing {
            boxes,
            frames: Vec::new(),
            lines,
        },
        took,
    )))
}

/// dot's splines are cubic Bézier pieces sharing end points (1 + 3k points);
/// each piece becomes eight straight segments.
fn flatten_bspline(controls: &[(f64, f64)]) -> Vec<(f64, f64)> {
    let mut points = Vec::new();
    if let Some(first) = controls.first() {
        points.push(*first);
    }
    for piece in controls.windows(4).step_by(3) {
        let [p0, p1, p2, p3] = [piece[0], piece[1], piece[2], piece[3]];
        for step in 1..=8 {
            let t = step as f64 / 8.0;
            let u = 1.0 - t;
            let (a, b, c, d) = (u * u * u, 3.0 * u * u * t, 3.0 * u * t * t, t * t * t);
            points.push((
                a * p0.0 + b * p1.0 + c * p2.0 + d * p3.0,
                a * p0.1 + b * p1.1 + c * p2.1 + d * p3.1,
            ));
        }
    }
    points
}

fn row(name: &str, who: &str, elements: usize, drawing: &Drawing, took: Duration) -> String {
    let m = measure(drawing);
    format!(
        "| {name} | {who} | {elements} | {} | {} | {} | {} | {:.2} | {:.0} | {} ms |",
        drawing.lines.len(),
        m.lines_through_boxes,
        m.box_hits,
        m.crossings,
        m.aspect,
        m.area_per_element,
        ms(took)
    )
}

pub fn run(dir: &Path) -> Result<(), AppError> {
    say!(
        "| map | drawn by | elements | lines | lines through a box | box hits | crossings | aspect | area per element | time |"
    );
    say!("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|");
    let mut cases: Vec<(String, Document, MapId, Duration)> = Vec::new();
    let mut sample = Document::new();
    sample.apply_all(&tiermap_app::sample::edits())?;
    for map in sample.maps() {
        cases.push((map.name.clone(), sample.clone(), map.id, Duration::ZERO));
    }
    for size in SIZES {
        let (doc, map, arranging) = pyramid(size)?;
        cases.push((format!("Pyramid of {size}"), doc, map, arranging));
    }
    for (name, doc, map, arranging) in cases {
        let started = Instant::now();
        let scene = tiermap_export::scene(&doc, map)
            .ok_or_else(|| AppError::new(ErrorCode::UnknownId, format!("the map {name}")))?;
        let drawing_time = arranging + started.elapsed();
        let elements = scene.elements.len();
        say!(
            "{}",
            row(
                &name,
                "Tiermap",
                elements,
                &tiermap_drawing(&scene),
                drawing_time
            )
        );
        match dot_drawing(&dot_source(&scene), dir)? {
            Some((dot, took)) => say!("{}", row(&name, "dot", elements, &dot, took)),
            None => say!(
                "| {name} | dot | {elements} | {} | did not finish in {} s | | | | | > {} s |",
                scene.connectors.len(),
                DOT_LIMIT.as_secs(),
                DOT_LIMIT.as_secs()
            ),
        }
        // Tiermap's drawing beside the figures, to look at (the larger maps only as SVG).
        let format = if elements <= 1000 {
            Format::Png
        } else {
            Format::Svg
        };
        let request = ExportRequest {
            scale: 1,
            ..ExportRequest::new(format, vec![map])
        };
        let picture = dir.join(format!("{name}.{}", request.file_extension()));
        let bytes = tiermap_export::export(&doc, &request, &mut |_| {})?;
        std::fs::write(&picture, bytes).map_err(|e| io(&picture, e))?;
    }
    Ok(())
}
