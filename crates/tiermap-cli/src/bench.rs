//! `tiermap bench`: how fast the document core is on generated portfolios.
//! Prints a Markdown table for BENCHMARKS.md. Run it on a release build
//! (`make bench`); numbers from a debug build mean little.

use std::path::Path;
use std::time::{Duration, Instant};

use tiermap_app::{AppError, generate};
use tiermap_model::{Edit, Element, ElementKind, Placement, Rect};
use tiermap_store::DocumentFile;

use crate::Outcome;

/// Single edits timed per size, for the p50 and p99.
const SINGLE_EDITS: usize = 300;
/// Opens timed per size; the median is reported.
const OPENS: usize = 7;

fn ms(d: Duration) -> String {
    format!("{:.2}", d.as_secs_f64() * 1000.0)
}

fn percentile(sorted: &[Duration], p: f64) -> Duration {
    sorted[((sorted.len() - 1) as f64 * p).round() as usize]
}

/// Validation runs timed per size; median and slowest are reported.
const VALIDATIONS: usize = 21;

/// Map views timed per size; the median is reported.
const MAP_VIEWS: usize = 11;
/// Maps of these sizes (one map holds the whole portfolio) for the map view.
const MAP_VIEW_SIZES: [usize; 2] = [1_000, 5_000];

pub fn run(sizes: &[usize], validation_sizes: &[usize], dir: &Path) -> Result<Outcome, AppError> {
    store(sizes, dir)?;
    say!();
    validation(validation_sizes)?;
    say!();
    map_view(&MAP_VIEW_SIZES, dir)?;
    Ok(Outcome::Done)
}

fn median(mut times: Vec<Duration>) -> Duration {
    times.sort();
    times[times.len() / 2]
}

/// What the canvas asks for after every change: the map view, lines routed
/// round the boxes included, through the session as the app calls it; and
/// the routing alone (`map_routes`), which the view computes once.
fn map_view(sizes: &[usize], dir: &Path) -> Result<(), AppError> {
    say!(
        "| elements on the map | lines | map view (median of {MAP_VIEWS}) | of which routing | map view without routing |"
    );
    say!("|---:|---:|---:|---:|---:|");
    for &size in sizes {
        let path = dir.join(format!("bench-view-{size}.tiermap"));
        let _ = std::fs::remove_file(&path);
        drop(DocumentFile::create_with(
            &path,
            &generate::portfolio(size),
        )?);
        let mut session = tiermap_app::Session::new();
        session.open(&path)?;
        let map = session.document()?.maps[0].id.clone();
        let mut views = Vec::with_capacity(MAP_VIEWS);
        let mut lines = 0;
        for _ in 0..MAP_VIEWS {
            let start = Instant::now();
            let view = session.map_view(&map)?;
            views.push(start.elapsed());
            lines = view.edges.len();
        }
        let file = DocumentFile::open_read_only(&path)?;
        let map_id = file.doc().maps()[0].id;
        let routing: Vec<Duration> = (0..MAP_VIEWS)
            .map(|_| {
                let start = Instant::now();
                std::hint::black_box(tiermap_model::layout::routing::map_routes(
                    file.doc(),
                    map_id,
                ));
                start.elapsed()
            })
            .collect();
        let (view, routing) = (median(views), median(routing));
        say!(
            "| {} | {lines} | {} ms | {} ms | {} ms |",
            file.doc().placements_of(map_id).count(),
            ms(view),
            ms(routing),
            ms(view.saturating_sub(routing))
        );
        drop(file);
        drop(session);
        let _ = std::fs::remove_file(&path);
    }
    Ok(())
}

/// Full validation of generated portfolios, in memory (the file plays no part).
fn validation(sizes: &[usize]) -> Result<(), AppError> {
    say!("| elements | relations | diagnostics | validate (median of {VALIDATIONS}) | slowest |");
    say!("|---:|---:|---:|---:|---:|");
    for &size in sizes {
        let mut doc = tiermap_model::Document::new();
        doc.apply_all(&generate::portfolio(size))?;
        let mut times = Vec::with_capacity(VALIDATIONS);
        let mut found = 0;
        for _ in 0..VALIDATIONS {
            let start = Instant::now();
            let report = tiermap_model::validate::validate(&doc);
            times.push(start.elapsed());
            found = report.diagnostics.len();
        }
        times.sort();
        say!(
            "| {size} | {} | {found} | {} ms | {} ms |",
            doc.relations().count(),
            ms(times[VALIDATIONS / 2]),
            ms(times[VALIDATIONS - 1])
        );
    }
    Ok(())
}

fn store(sizes: &[usize], dir: &Path) -> Result<(), AppError> {
    say!(
        "| elements | create (bulk insert) | open (median of {OPENS}) | integrity check | one edit p50 | one edit p99 | 50-node move | undo of it | insert 10k as one gesture | file size |"
    );
    say!("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
    for &size in sizes {
        let path = dir.join(format!("bench-{size}.tiermap"));
        let _ = std::fs::remove_file(&path);
        let edits = generate::portfolio(size);

        let start = Instant::now();
        drop(DocumentFile::create_with(&path, &edits)?);
        let create = start.elapsed();

        let mut opens: Vec<Duration> = (0..OPENS)
            .map(|_| {
                let start = Instant::now();
                let file = DocumentFile::open(&path);
                let elapsed = start.elapsed();
                file.map(|_| elapsed)
            })
            .collect::<Result<_, _>>()?;
        opens.sort();
        let open = opens[OPENS / 2];

        let mut file = DocumentFile::open(&path)?;
        // Timed on its own: the app runs it after the window shows, and a
        // writer runs it before its first edit when nobody has yet.
        let start = Instant::now();
        file.check_integrity()?;
        let check = start.elapsed();
        let placements: Vec<Placement> = file
            .doc()
            .placements()
            .take(SINGLE_EDITS.max(50))
            .cloned()
            .collect();
        let moved = |p: &Placement, by: f64| Placement {
            rect: Rect {
                x: p.rect.x + by,
                ..p.rect
            },
            ..p.clone()
        };
        let mut singles = Vec::with_capacity(SINGLE_EDITS);
        for (i, placement) in placements.iter().cycle().take(SINGLE_EDITS).enumerate() {
            let edit = Edit::PutPlacement(moved(placement, 1.0 + i as f64));
            let start = Instant::now();
            file.apply("Move", &[edit])?;
            singles.push(start.elapsed());
        }
        singles.sort();

        let gesture: Vec<Edit> = placements
            .iter()
            .take(50)
            .map(|p| Edit::PutPlacement(moved(p, 500.0)))
            .collect();
        let start = Instant::now();
        file.apply("Move 50 items", &gesture)?;
        let move_50 = start.elapsed();
        let start = Instant::now();
        file.undo()?;
        let undo = start.elapsed();

        let inserts: Vec<Edit> = (0..10_000)
            .map(|i| {
                Edit::PutElement(Element::new(
                    ElementKind::Application,
                    format!("Imported {i}"),
                ))
            })
            .collect();
        let start = Instant::now();
        file.apply("Import 10k", &inserts)?;
        let insert_10k = start.elapsed();

        let bytes = std::fs::metadata(&path).map(|m| m.len()).unwrap_or(0);
        say!(
            "| {size} | {} ms | {} ms | {} ms | {} ms | {} ms | {} ms | {} ms | {} ms | {:.1} MB |",
            ms(create),
            ms(open),
            ms(check),
            ms(percentile(&singles, 0.5)),
            ms(percentile(&singles, 0.99)),
            ms(move_50),
            ms(undo),
            ms(insert_10k),
            bytes as f64 / 1e6
        );
        drop(file);
        let _ = std::fs::remove_file(&path);
    }
    Ok(())
}
