//! Slides and pages a room can read: a map too large for readable names on
//! one slide is cut into an overview and detail slides, every name is at
//! least 10 pt and every kind label at least 7 pt, at one size across the
//! deck, and each line is glued to boxes on its own slide.

mod common;

use std::collections::{BTreeMap, BTreeSet};

use common::{fixture, pdf_pages};
use tiermap_export::{ExportRequest, Format, export};
use tiermap_model::layout::{Arrangement, GroupSpec, arrange};
use tiermap_model::{Document, Edit, Element, ElementKind, GroupKind, GroupingModel, Map, MapId, Relation, RelationKind};

/// A pyramid of `n` elements: a service area, products under it, services under those.
fn pyramid(n: usize) -> (Document, MapId) {
    let mut doc = Document::default();
    let map = Map { id: MapId::new(), name: "Retail banking".into(), model: GroupingModel::Pyramid, position: 0 };
    doc.apply(&Edit::PutMap(map.clone())).unwrap();
    let put = |doc: &mut Document, kind: ElementKind, name: String, parent: Option<tiermap_model::ElementId>| {
        let element = Element::new(kind, name);
        let id = element.id;
        doc.apply(&Edit::PutElement(element)).unwrap();
        if let Some(parent) = parent {
            doc.apply(&Edit::PutRelation(Relation::new(RelationKind::RollsUpTo, id, parent))).unwrap();
        }
        id
    };
    let area = put(&mut doc, ElementKind::ServiceArea, "Retail".into(), None);
    let products: Vec<_> = (0..n / 10).map(|p| put(&mut doc, ElementKind::Product, format!("Product {p}"), Some(area))).collect();
    let services: Vec<_> = (0..n - 1 - products.len()).map(|s| put(&mut doc, ElementKind::Service, format!("Service {s}"), Some(products[s % products.len()]))).collect();
    // Laid out as a new pyramid map and Arrange lay it out: a tier per level.
    let tiers = [("Service area", vec![area]), ("Products", products), ("Services", services)];
    let structure: Vec<GroupSpec> = tiers.into_iter().map(|(name, members)| GroupSpec::new(name, GroupKind::Tier, members)).collect();
    doc.apply_all(&arrange(map.id, Arrangement::for_model(GroupingModel::Pyramid), &structure, &[])).unwrap();
    (doc, map.id)
}

fn slides(pptx: &[u8]) -> Vec<String> {
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(pptx)).unwrap();
    let mut found: Vec<(usize, String)> = Vec::new();
    for i in 0..archive.len() {
        let mut file = archive.by_index(i).unwrap();
        let name = file.name().expect("a file name").to_string();
        let Some(number) = name.strip_prefix("ppt/slides/slide").and_then(|n| n.strip_suffix(".xml")).and_then(|n| n.parse().ok()) else { continue };
        let mut text = String::new();
        std::io::Read::read_to_string(&mut file, &mut text).unwrap();
        found.push((number, text));
    }
    found.sort();
    found.into_iter().map(|(_, text)| text).collect()
}

/// Each text run of a slide: its size in hundredths of a point and its text.
fn runs(slide: &str) -> Vec<(u32, String)> {
    let xml = roxmltree::Document::parse(slide).unwrap();
    xml.descendants()
        .filter(|n| n.has_tag_name("r"))
        .filter_map(|run| {
            let size = run.children().find(|c| c.has_tag_name("rPr"))?.attribute("sz")?.parse().ok()?;
            let text = run.children().find(|c| c.has_tag_name("t"))?.text().unwrap_or_default().to_owned();
            Some((size, text))
        })
        .collect()
}

#[test]
fn a_large_map_becomes_an_overview_and_details_with_names_at_ten_points_or_more_at_one_size() {
    let (doc, map) = pyramid(300);
    let request = ExportRequest { ownership_slides: false, ..ExportRequest::new(Format::Pptx, vec![map]) };
    let deck = slides(&export(&doc, &request, &mut |_| {}).unwrap());
    assert!(deck.len() > 3 && deck.len() < 40, "300 elements need more than one slide, and no more than a dense cut gives: {}", deck.len());
    let element_names: BTreeSet<String> = doc.elements().map(|e| e.name.clone()).collect();
    let mut name_sizes = BTreeSet::new();
    let mut seen = BTreeMap::new();
    for (index, slide) in deck.iter().enumerate() {
        for (size, text) in runs(slide) {
            if element_names.contains(&text) {
                assert!(size >= 1000, "slide {}: '{text}' at {} pt", index + 1, size as f64 / 100.0);
                name_sizes.insert(size);
                *seen.entry(text).or_insert(0) += 1;
            } else if text == "PRODUCT" || text == "SERVICE" {
                assert!(size >= 700, "slide {}: a kind label at {} pt", index + 1, size as f64 / 100.0);
            }
        }
        // Every connector is glued to shapes of its own slide.
        let xml = roxmltree::Document::parse(slide).unwrap();
        let ids: BTreeSet<&str> = xml.descendants().filter(|n| n.has_tag_name("cNvPr")).filter_map(|n| n.attribute("id")).collect();
        for glue in xml.descendants().filter(|n| n.has_tag_name("stCxn") || n.has_tag_name("endCxn")) {
            assert!(ids.contains(glue.attribute("id").unwrap()), "slide {}: a line glued to a shape elsewhere", index + 1);
        }
    }
    assert_eq!(name_sizes.len(), 1, "one name size across the deck: {name_sizes:?}");
    assert_eq!(seen.len(), element_names.len(), "every element is on a detail slide");
    assert!(seen.values().all(|n| *n == 1), "and on one only");
    assert!(deck[0].contains("overview"), "the first slide is the overview");

    // Asked for one slide per map: one slide, the old small text.
    let one = ExportRequest { one_slide_per_map: true, ..request };
    let single = slides(&export(&doc, &one, &mut |_| {}).unwrap());
    assert_eq!(single.len(), 1);
    assert!(runs(&single[0]).iter().any(|(size, text)| element_names.contains(text) && *size < 1000), "one slide means small names");
}

#[test]
fn a_small_map_stays_one_slide_and_pdf_pages_are_slide_sized() {
    let (doc, maps) = fixture();
    let deck = slides(&export(&doc, &ExportRequest { ownership_slides: false, ..ExportRequest::new(Format::Pptx, vec![maps[1]]) }, &mut |_| {}).unwrap());
    assert_eq!(deck.len(), 1, "a small map, one slide");

    let (big, map) = pyramid(300);
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("big.pdf");
    std::fs::write(&path, export(&big, &ExportRequest::new(Format::Pdf, vec![map]), &mut |_| {}).unwrap()).unwrap();
    let pages = pdf_pages(&path);
    assert!(pages > 3, "the PDF is cut as the deck is: {pages} pages");
    let info = std::process::Command::new("pdfinfo").arg(&path).output().expect("pdfinfo (poppler-utils) runs");
    let info = String::from_utf8_lossy(&info.stdout);
    assert!(info.contains("960 x 540 pts"), "16:9 pages:\n{info}");
    assert!(pages < 40, "densely cut: {pages} pages for 300 elements");
}



