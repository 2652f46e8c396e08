//! Exporting from the app: the dialog's choice, the preview, progress and
//! the file, through the session.

mod common;
use common::sample_session;

use tiermap_app::ErrorCode;
use tiermap_app::wire::ExportChoice;

fn choice(format: &str, map_ids: Vec<String>) -> ExportChoice {
    ExportChoice { format: format.into(), map_ids, scale: 2, transparent: false, title_slide: true, ownership_slides: true, one_slide_per_map: false }
}

#[test]
fn a_powerpoint_of_every_map_is_written_with_progress_per_map() {
    let (dir, session) = sample_session();
    let maps: Vec<String> = session.document().unwrap().maps.iter().map(|m| m.id.clone()).collect();
    let job = session.export_job(&choice("pptx", maps.clone())).unwrap();
    assert_eq!((job.suggested_name.as_str(), job.extension), ("sample.pptx", "pptx"));
    let out = dir.path().join("deck.pptx");
    let mut seen = Vec::new();
    let outcome = job.run(&out, &mut |p| seen.push((p.done, p.total)));
    assert!(outcome.error.is_none(), "{:?}", outcome.error);
    assert_eq!(outcome.path.as_deref(), Some(out.display().to_string().as_str()));
    let bytes = std::fs::read(&out).unwrap();
    assert_eq!(&bytes[..2], b"PK", "a PowerPoint file is a ZIP");
    assert_eq!(outcome.bytes, bytes.len() as u64);
    assert_eq!(seen, (1..=maps.len() as u32).map(|i| (i, maps.len() as u32)).collect::<Vec<_>>());
}

#[test]
fn one_map_is_named_after_it_and_several_pngs_come_as_a_zip() {
    let (_dir, session) = sample_session();
    let doc = session.document().unwrap();
    let one = session.export_job(&choice("png", vec![doc.maps[0].id.clone()])).unwrap();
    assert_eq!(one.suggested_name, format!("sample - {}.png", doc.maps[0].name));
    let several = session.export_job(&choice("png", vec![doc.maps[0].id.clone(), doc.maps[1].id.clone()])).unwrap();
    assert_eq!(several.extension, "zip");
}

#[test]
fn bad_choices_are_refused_with_a_reason() {
    let (_dir, session) = sample_session();
    let map = session.document().unwrap().maps[0].id.clone();
    assert_eq!(session.export_job(&choice("pptx", vec![])).unwrap_err().code, ErrorCode::InvalidInput);
    assert_eq!(session.export_job(&choice("gif", vec![map.clone()])).unwrap_err().code, ErrorCode::InvalidInput);
    assert_eq!(session.export_job(&ExportChoice { scale: 4, ..choice("png", vec![map]) }).unwrap_err().code, ErrorCode::InvalidInput);
    assert_eq!(session.export_job(&choice("pdf", vec!["0190a1b2-0000-7000-8000-000000000000".into()])).unwrap_err().code, ErrorCode::UnknownId);
}

#[test]
fn the_preview_is_the_map_as_a_png() {
    let (_dir, session) = sample_session();
    let map = session.document().unwrap().maps[0].id.clone();
    let url = tiermap_app::exporting::preview(&session.snapshot().unwrap(), &map).unwrap();
    assert!(url.starts_with("data:image/png;base64,iVBORw0KGgo"), "{}", &url[..40]);
}
