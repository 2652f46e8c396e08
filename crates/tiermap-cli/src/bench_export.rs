//! `tiermap bench --export`: how long each export format takes on a
//! generated map of 1,000 elements, beside Graphviz (`dot -Tsvg`, `dot -Tpng`)
//! on the same hierarchy. Prints a Markdown table for BENCHMARKS.md.
//!
//! The comparison is what a person would do either way: Tiermap draws the
//! map from its stored positions; dot lays the same groups, elements and
//! relations out itself and then draws them.

use std::fmt::Write as _;
use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant};

use tiermap_app::{AppError, ErrorCode, generate};
use tiermap_export::{ExportRequest, Format, Scene};
use tiermap_model::layout::{Arrangement, GroupSpec, arrange};
use tiermap_model::{Document, Edit, GroupingModel, Map, MapId};

/// Elements the benchmark map holds at least.
const ELEMENTS: usize = 1000;

fn ms(d: Duration) -> String {
    format!("{:.1}", d.as_secs_f64() * 1000.0)
}

/// Median wall time of `runs` calls.
fn median(
    runs: usize,
    mut work: impl FnMut() -> Result<(), AppError>,
) -> Result<Duration, AppError> {
    let mut times = Vec::with_capacity(runs);
    for _ in 0..runs {
        let start = Instant::now();
        work()?;
        times.push(start.elapsed());
    }
    times.sort();
    Ok(times[runs / 2])
}

/// A generated portfolio whose map holds at least ELEMENTS placed elements,
/// its groups of 25 arranged again as lanes (a row each, stacked), so the
/// map is about as tall as it is wide, as it would be for a slide.
fn portfolio() -> Result<(Document, MapId), AppError> {
    let mut size = ELEMENTS;
    loop {
        let mut doc = Document::new();
        doc.apply_all(&generate::portfolio(size))?;
        let generated = doc.maps()[0].id;
        if doc.placements_of(generated).count() < ELEMENTS {
            size += 10;
            continue;
        }
        let specs: Vec<GroupSpec> = doc
            .groups_of(generated)
            .into_iter()
            .map(|group| {
                let mut members: Vec<_> = doc
                    .placements_of(generated)
                    .filter(|p| p.group == Some(group.id))
                    .collect();
                members.sort_by(|a, b| {
                    (a.rect.x, a.rect.y)
                        .partial_cmp(&(b.rect.x, b.rect.y))
                        .unwrap_or(std::cmp::Ordering::Equal)
                });
                GroupSpec::new(
                    group.name.clone(),
                    group.kind,
                    members.iter().map(|p| p.element).collect(),
                )
            })
            .collect();
        let map = MapId::new();
        let mut edits = vec![Edit::PutMap(Map {
            id: map,
            name: "Portfolio".into(),
            model: GroupingModel::Freeform,
            position: 1,
        })];
        edits.extend(arrange(map, Arrangement::Lanes, &specs, &[]));
        doc.apply_all(&edits)?;
        return Ok((doc, map));
    }
}

fn quoted(text: &str) -> String {
    format!("\"{}\"", text.replace('\\', "\\\\").replace('"', "\\\""))
}

/// The map's groups as clusters, its elements as boxes and its drawn relations as edges.
fn dot(scene: &Scene) -> String {
    let mut out = String::from(
        "digraph portfolio {\n  node [shape=box, style=rounded, fontname=\"Noto Sans\"];\n",
    );
    for group in &scene.groups {
        let _ = writeln!(
            out,
            "  subgraph {} {{\n    label={};",
            quoted(&format!("cluster_{}", group.id)),
            quoted(&group.name.lines.join(" "))
        );
        for element in scene.elements.iter().filter(|e| e.group == Some(group.id)) {
            let _ = writeln!(
                out,
                "    {} [label={}];",
                quoted(&element.id.to_string()),
                quoted(&element.full_name)
            );
        }
        out.push_str("  }\n");
    }
    for element in scene.elements.iter().filter(|e| e.group.is_none()) {
        let _ = writeln!(
            out,
            "  {} [label={}];",
            quoted(&element.id.to_string()),
            quoted(&element.full_name)
        );
    }
    for connector in &scene.connectors {
        let _ = writeln!(
            out,
            "  {} -> {};",
            quoted(&connector.source.to_string()),
            quoted(&connector.target.to_string())
        );
    }
    out.push_str("}\n");
    out
}

fn graphviz(dot_file: &Path, format: &str, dir: &Path) -> Result<(), AppError> {
    let out = dir.join(format!("graphviz.{format}"));
    let status = Command::new("dot")
        .arg(format!("-T{format}"))
        .arg(dot_file)
        .arg("-o")
        .arg(&out)
        .status()
        .map_err(|e| {
            AppError::new(
                ErrorCode::NotFound,
                format!("Graphviz's dot could not run ({e}); install the Debian package graphviz"),
            )
        })?;
    if !status.success() {
        return Err(AppError::new(
            ErrorCode::Io,
            format!("dot -T{format} failed"),
        ));
    }
    Ok(())
}

pub fn run(dir: &Path) -> Result<(), AppError> {
    let (doc, map) = portfolio()?;
    let scene = tiermap_export::scene(&doc, map)
        .ok_or_else(|| AppError::new(ErrorCode::UnknownId, "the generated map"))?;
    say!(
        "Map: {} elements in {} groups, {} relations drawn, {} × {} units",
        scene.elements.len(),
        scene.groups.len(),
        scene.connectors.len(),
        scene.width,
        scene.height
    );
    let export = |format: Format, scale: u8| -> Result<usize, AppError> {
        let request = ExportRequest {
            scale,
            ..ExportRequest::new(format, vec![map])
        };
        Ok(tiermap_export::export(&doc, &request, &mut |_| {})?.len())
    };
    let dot_file = dir.join("portfolio.dot");
    std::fs::write(&dot_file, dot(&scene))
        .map_err(|e| AppError::new(ErrorCode::Io, format!("{}: {e}", dot_file.display())))?;

    let rows: [(&str, Format, u8, usize, &str); 4] = [
        ("SVG", Format::Svg, 1, 11, "< 50 ms"),
        ("PNG 2x", Format::Png, 2, 3, "< 1 s"),
        ("PDF", Format::Pdf, 1, 7, "< 1 s"),
        ("PPTX", Format::Pptx, 1, 11, "< 200 ms"),
    ];
    say!(
        "| format | Tiermap (median) | output size | budget | Graphviz dot (one run) | dot ÷ Tiermap |"
    );
    say!("|---|---:|---:|---|---:|---:|");
    for (label, format, scale, runs, budget) in rows {
        let size = export(format, scale)?;
        let time = median(runs, || export(format, scale).map(|_| ()))?;
        let peer = match format {
            Format::Svg => Some(median(1, || graphviz(&dot_file, "svg", dir))?),
            Format::Png => Some(median(1, || graphviz(&dot_file, "png", dir))?),
            _ => None,
        };
        let (peer_ms, ratio) = match peer {
            Some(p) => (
                format!("{} ms", ms(p)),
                format!("{:.1}×", p.as_secs_f64() / time.as_secs_f64()),
            ),
            None => ("—".into(), "—".into()),
        };
        say!(
            "| {label} | {} ms | {:.1} MB | {budget} | {peer_ms} | {ratio} |",
            ms(time),
            size as f64 / 1e6
        );
    }
    let _ = std::fs::remove_file(&dot_file);
    Ok(())
}
