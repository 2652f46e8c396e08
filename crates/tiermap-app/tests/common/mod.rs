//! Helpers shared by the session tests.
#![allow(dead_code)] // each test file uses some of these helpers

use tiermap_app::Session;
use tiermap_app::wire::MapView;

/// A session on a fresh sample document (the folder lives as long as the first value).
pub fn sample_session() -> (tempfile::TempDir, Session) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("sample.tiermap");
    tiermap_app::sample::create(&path).unwrap();
    let mut session = Session::new();
    session.open(&path).unwrap();
    (dir, session)
}

/// The map of the sample with this name, as the canvas gets it.
pub fn view_named(session: &Session, name: &str) -> MapView {
    let doc = session.document().unwrap();
    let map = doc.maps.iter().find(|m| m.name == name).unwrap();
    session.map_view(&map.id).unwrap()
}
