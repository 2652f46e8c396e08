//! Any document the model accepts exports in every format without a panic,
//! and the XML formats stay well-formed whatever the names hold.

use std::io::Read;

use proptest::prelude::*;
use tiermap_export::{ExportRequest, Format, export};

fn well_formed(what: &str, xml: &[u8]) {
    let text = std::str::from_utf8(xml).unwrap_or_else(|e| panic!("{what} is not UTF-8: {e}"));
    if let Err(error) = roxmltree::Document::parse(text) {
        panic!("{what} is not well-formed XML: {error}\n{text}");
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 32, ..ProptestConfig::default() })]

    #[test]
    fn every_format_exports_every_random_document(steps in tiermap_testkit::steps(60)) {
        let doc = tiermap_testkit::document_from(&steps);
        let maps: Vec<_> = doc.maps().iter().map(|m| m.id).collect();
        prop_assume!(!maps.is_empty());
        for format in Format::ALL {
            let request = ExportRequest { scale: 1, title_slide: true, ..ExportRequest::new(format, maps.clone()) };
            let bytes = export(&doc, &request, &mut |_| {}).unwrap_or_else(|e| panic!("{format}: {e}"));
            prop_assert!(!bytes.is_empty());
            match format {
                Format::Drawio => well_formed("draw.io", &bytes),
                Format::Svg if maps.len() == 1 => well_formed("SVG", &bytes),
                Format::Svg | Format::Pptx => {
                    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(bytes)).expect("a ZIP");
                    for i in 0..archive.len() {
                        let mut part = archive.by_index(i).unwrap();
                        let name = part.name().expect("a name").to_string();
                        let mut content = Vec::new();
                        part.read_to_end(&mut content).unwrap();
                        if name.ends_with(".xml") || name.ends_with(".rels") || name.ends_with(".svg") {
                            well_formed(&name, &content);
                        }
                    }
                }
                _ => {}
            }
        }
    }
}
