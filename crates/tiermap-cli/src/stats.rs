//! `tiermap stats FILE`: what a document holds, per kind and per map.

use std::path::Path;

use tiermap_app::AppError;
use tiermap_store::DocumentFile;

use crate::Outcome;

pub fn run(path: &Path) -> Result<Outcome, AppError> {
    let file = DocumentFile::open_read_only(path)?;
    crate::output::line(format_args!("{}", render(&file).trim_end()));
    Ok(Outcome::Done)
}

fn render(file: &DocumentFile) -> String {
    let doc = file.doc();
    let mut out = format!("{}\n\nElements by kind\n", file.path().display());
    let total: usize = doc.count_by_kind().iter().map(|(_, n)| n).sum();
    for (kind, count) in doc.count_by_kind() {
        out.push_str(&format!("  {:<16} {count:>6}\n", kind.label()));
    }
    out.push_str(&format!("  {:<16} {total:>6}\n", "total"));
    out.push_str(&format!(
        "\nRelations {}\nOwnerships {}\nKPIs {}\n",
        doc.relations().count(),
        doc.ownerships().count(),
        doc.kpis().count()
    ));
    out.push_str("\nMaps\n");
    for map in doc.maps() {
        let elements = doc.placements_of(map.id).count();
        let groups = doc.groups_of(map.id).len();
        out.push_str(&format!(
            "  {:<36} {:<26} {elements:>4} elements {groups:>3} groups\n",
            map.name,
            map.model.label()
        ));
    }
    out
}
