//! The TypeScript declarations of the wire types, generated from Rust and
//! committed as ui/src/ipc/bindings.ts. A test fails when the committed file
//! is stale; `make bindings` rewrites it.

use ts_rs::{Config, TS};

use crate::error::{AppError, ErrorCode};
use crate::wire::{DocumentView, ElementNode, GroupNode, ItemKind, ItemMove, MapSummary, MapView, OwnerBadge, Problem, RouteView, RoutePoint, RouteSide, ProblemReport, RelationEdge, RuleConfig, RuleSettings, StartupView, NewElement, NewGroup, NewOwnership, PersonSummary, ElementDetails, Property, KpiRow, ElementPatch, ElementSummary, LinkedElement, ExportChoice, ExportProgress, ExportOutcome, ImportIssue, ImportCount, ImportSkipped, ImportPreview, ImportChoice, ImportOutcome, IntegrityView, IntegrityState, RescueOutcome, CaptureRequest, CapturePreview, CaptureOwner, RoleChoice, KindChoice, RecentDocument, OutlineItem};

/// The whole bindings file.
pub fn typescript() -> String {
    let cfg = Config::default();
    let declarations = [
        ErrorCode::decl(&cfg),
        AppError::decl(&cfg),
        StartupView::decl(&cfg),
        DocumentView::decl(&cfg),
        MapSummary::decl(&cfg),
        MapView::decl(&cfg),
        OutlineItem::decl(&cfg),
        GroupNode::decl(&cfg),
        ElementNode::decl(&cfg),
        OwnerBadge::decl(&cfg),
        RelationEdge::decl(&cfg),
        RouteView::decl(&cfg),
        RoutePoint::decl(&cfg),
        RouteSide::decl(&cfg),
        ItemMove::decl(&cfg),
        ItemKind::decl(&cfg),
        ProblemReport::decl(&cfg),
        Problem::decl(&cfg),
        RuleSettings::decl(&cfg),
        RuleConfig::decl(&cfg),
        NewElement::decl(&cfg),
        NewGroup::decl(&cfg),
        NewOwnership::decl(&cfg),
        PersonSummary::decl(&cfg),
        ElementDetails::decl(&cfg),
        Property::decl(&cfg),
        KpiRow::decl(&cfg),
        ElementPatch::decl(&cfg),
        ElementSummary::decl(&cfg),
        LinkedElement::decl(&cfg),
        ExportChoice::decl(&cfg),
        ExportProgress::decl(&cfg),
        ExportOutcome::decl(&cfg),
        ImportIssue::decl(&cfg),
        ImportCount::decl(&cfg),
        ImportSkipped::decl(&cfg),
        ImportPreview::decl(&cfg),
        ImportChoice::decl(&cfg),
        ImportOutcome::decl(&cfg),
        IntegrityView::decl(&cfg),
        IntegrityState::decl(&cfg),
        RescueOutcome::decl(&cfg),
        CaptureRequest::decl(&cfg),
        CapturePreview::decl(&cfg),
        CaptureOwner::decl(&cfg),
        RoleChoice::decl(&cfg),
        KindChoice::decl(&cfg),
        RecentDocument::decl(&cfg),
    ];
    let mut out = String::from(
        "// Generated from crates/tiermap-app/src/wire.rs and error.rs by `make bindings`.\n// Do not edit by hand: a Rust test fails when this file is stale.\n\n",
    );
    for declaration in declarations {
        out.push_str("export ");
        out.push_str(&declaration);
        out.push_str("\n\n");
    }
    out.truncate(out.trim_end().len());
    out.push('\n');
    out
}

#[cfg(test)]
mod tests {
    use std::path::PathBuf;

    #[test]
    fn committed_typescript_bindings_are_current() {
        let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../ui/src/ipc/bindings.ts");
        let fresh = super::typescript();
        if std::env::var_os("TIERMAP_UPDATE_BINDINGS").is_some() {
            std::fs::write(&path, &fresh).expect("write bindings");
        }
        let committed = std::fs::read_to_string(&path).unwrap_or_default();
        assert!(committed == fresh, "ui/src/ipc/bindings.ts is stale: run `make bindings` and commit it");
    }
}
