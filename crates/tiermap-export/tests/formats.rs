//! Every format on the fixture document: deterministic bytes, names kept
//! literal in every script, text that fits its boxes, images that are the
//! right size and not blank.

mod common;

use std::io::Read;

use common::{HOSTILE, LONG, SCRIPTS, base64_decode, fixture, names_on};
use tiermap_export::{ExportRequest, Format, Weight, export, scene, text_width};

fn exported(format: Format, maps: &[tiermap_model::MapId]) -> Vec<u8> {
    let (doc, _) = fixture();
    let request = ExportRequest {
        title_slide: true,
        ..ExportRequest::new(format, maps.to_vec())
    };
    export(&doc, &request, &mut |_| {}).unwrap_or_else(|e| panic!("{format}: {e}"))
}

#[test]
fn every_format_is_byte_identical_from_the_same_document() {
    let (_, maps) = fixture();
    for format in [
        Format::Svg,
        Format::Png,
        Format::Pdf,
        Format::Pptx,
        Format::Drawio,
        Format::Csv,
    ] {
        let first = exported(format, &maps);
        assert!(!first.is_empty());
        assert_eq!(
            first,
            exported(format, &maps),
            "{format} differs between two exports"
        );
        assert_eq!(
            exported(format, &maps[..1]),
            exported(format, &maps[..1]),
            "{format} of one map differs"
        );
    }
}

#[test]
fn the_svg_matches_its_snapshot() {
    let (_, maps) = fixture();
    let svg = String::from_utf8(exported(Format::Svg, &maps[..1])).unwrap();
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/snapshots/fixture.svg");
    if std::env::var_os("TIERMAP_UPDATE_SNAPSHOTS").is_some() {
        std::fs::write(path, &svg).unwrap();
    }
    let expected = std::fs::read_to_string(path)
        .expect("snapshot missing: run with TIERMAP_UPDATE_SNAPSHOTS=1");
    assert!(
        svg == expected,
        "the SVG changed; if that is intended, run with TIERMAP_UPDATE_SNAPSHOTS=1 and look at tests/snapshots/fixture.svg"
    );
}

#[test]
fn the_svg_carries_the_bundled_fonts_cut_to_its_characters() {
    let (doc, maps) = fixture();
    let svg = String::from_utf8(exported(Format::Svg, &maps[..1])).unwrap();
    let tree = roxmltree::Document::parse(&svg).unwrap();
    let css = tree
        .descendants()
        .find(|n| n.has_tag_name("style"))
        .and_then(|n| n.text())
        .expect("a style sheet with the fonts");
    let mut faces = Vec::new();
    for rule in css.split("@font-face").skip(1) {
        let family = rule.split('\'').nth(1).unwrap().to_owned();
        let data = rule
            .split("base64,")
            .nth(1)
            .unwrap()
            .split(')')
            .next()
            .unwrap();
        faces.push((family, base64_decode(data)));
    }
    let families: Vec<&str> = faces.iter().map(|(f, _)| f.as_str()).collect();
    // Every family the fixture's scripts need (it has no emoji: tests/emoji.rs).
    for family in tiermap_export::FONT_FAMILIES {
        let needed = family != "Noto Emoji";
        assert_eq!(
            families.contains(&family),
            needed,
            "{family} in {families:?}"
        );
    }
    for name in names_on(&doc, maps[0]) {
        for c in name.chars().filter(|c| !c.is_whitespace()) {
            assert!(
                faces
                    .iter()
                    .any(|(_, data)| ttf_parser::Face::parse(data, 0)
                        .expect("an embedded face parses")
                        .glyph_index(c)
                        .is_some()),
                "no embedded face draws {c:?} of {name}"
            );
        }
    }
    assert!(
        svg.len() < 200_000,
        "the fonts are subsets: {} bytes",
        svg.len()
    );
}

/// Every text node of an XML document, decoded.
fn texts(xml: &str) -> Vec<String> {
    let doc =
        roxmltree::Document::parse(xml).unwrap_or_else(|e| panic!("not well-formed XML: {e}"));
    doc.descendants()
        .filter(|n| n.is_text())
        .filter_map(|n| n.text())
        .map(str::to_owned)
        .collect()
}

/// The entries of a ZIP (a PPTX, or a bundle of one file per map).
fn unzip(bytes: &[u8]) -> Vec<(String, Vec<u8>)> {
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(bytes)).expect("a ZIP");
    (0..archive.len())
        .map(|i| {
            let mut file = archive.by_index(i).unwrap();
            let mut content = Vec::new();
            file.read_to_end(&mut content).unwrap();
            (file.name().expect("a file name").to_string(), content)
        })
        .collect()
}

#[test]
fn hostile_and_multi_script_names_stay_literal_in_svg_pptx_and_drawio() {
    let (doc, maps) = fixture();
    let expected: Vec<&str> = [HOSTILE].into_iter().chain(SCRIPTS).collect();

    let svg = String::from_utf8(exported(Format::Svg, &maps[..1])).unwrap();
    let svg_texts = texts(&svg);
    for name in &expected {
        assert!(
            svg_texts.iter().any(|t| t == name),
            "SVG text lacks {name}: {svg_texts:?}"
        );
    }
    assert!(
        svg_texts.iter().any(|t| t == "People & <Talent>"),
        "the map's title stays literal"
    );

    let pptx = exported(Format::Pptx, &maps);
    let parts = unzip(&pptx);
    assert_eq!(
        parts[0].0, "[Content_Types].xml",
        "content types come first"
    );
    let mut slide_texts = Vec::new();
    for (name, content) in &parts {
        let xml = String::from_utf8(content.clone()).unwrap();
        let found = texts(&xml);
        if name.starts_with("ppt/slides/slide") {
            slide_texts.extend(found);
        }
    }
    for name in expected.iter().copied().chain([LONG]) {
        assert!(slide_texts.iter().any(|t| t == name), "PPTX lacks {name}");
    }

    let drawio = String::from_utf8(exported(Format::Drawio, &maps)).unwrap();
    let parsed = roxmltree::Document::parse(&drawio).expect("draw.io XML parses");
    let values: Vec<&str> = parsed
        .descendants()
        .filter_map(|n| n.attribute("value"))
        .collect();
    for name in names_on(&doc, maps[0]) {
        assert!(
            values
                .iter()
                .any(|v| v.split('\n').next() == Some(name.as_str())),
            "draw.io lacks {name}: {values:?}"
        );
    }
    let pages: Vec<&str> = parsed
        .descendants()
        .filter(|n| n.has_tag_name("diagram"))
        .filter_map(|n| n.attribute("name"))
        .collect();
    assert_eq!(pages, ["People & <Talent>", "Tools"]);
}

#[test]
fn drawio_keeps_nesting_groups_hold_their_elements() {
    let (_, maps) = fixture();
    let drawio = String::from_utf8(exported(Format::Drawio, &maps[..1])).unwrap();
    let parsed = roxmltree::Document::parse(&drawio).unwrap();
    let cell = |value: &str| {
        parsed
            .descendants()
            .find(|n| n.attribute("value").is_some_and(|v| v.starts_with(value)))
            .unwrap()
    };
    let services = cell("Services 製品");
    let products = cell("Products");
    assert_eq!(
        services.attribute("parent"),
        products.attribute("id"),
        "a nested group sits in its parent"
    );
    assert_eq!(
        cell(SCRIPTS[1]).attribute("parent"),
        services.attribute("id"),
        "an element sits in its group"
    );
    let edges = parsed
        .descendants()
        .filter(|n| n.attribute("edge") == Some("1"))
        .count();
    assert_eq!(edges, 4, "the four relations between elements on the map");
    // The legend, as in the other formats: its headings and the labels of what the map shows.
    let in_legend: Vec<&str> = parsed
        .descendants()
        .filter(|n| n.attribute("parent") == Some("legend"))
        .filter_map(|n| n.attribute("value"))
        .collect();
    for expected in ["KINDS", "RELATIONS", "Product", "rolls up to"] {
        assert!(
            in_legend.contains(&expected),
            "the legend has {expected}: {in_legend:?}"
        );
    }
}

#[test]
fn long_names_wrap_inside_their_box_and_nothing_is_cut() {
    let (doc, maps) = fixture();
    for map in &maps {
        let scene = scene(&doc, *map).unwrap();
        for element in &scene.elements {
            let inner_right = element.rect.x + element.rect.width - 10.0;
            for line in &element.name.lines {
                let right = element.name.x + text_width(line, element.name.size, Weight::Bold);
                assert!(
                    right <= inner_right + 1e-6,
                    "'{line}' of {} runs out of its box",
                    element.full_name
                );
            }
            let text_bottom = element.name.top + element.name.height();
            let badges_top = element
                .badges
                .first()
                .map_or(element.rect.y + element.rect.height, |b| b.rect.y);
            assert!(
                text_bottom <= badges_top + 1e-6,
                "{} overlaps its badges or its box's bottom",
                element.full_name
            );
            let words: Vec<&str> = element.full_name.split_whitespace().collect();
            assert_eq!(
                element
                    .name
                    .lines
                    .join(" ")
                    .split_whitespace()
                    .collect::<Vec<_>>()
                    .concat(),
                words.concat(),
                "no text lost"
            );
        }
        let long = scene.elements.iter().find(|e| e.full_name == LONG);
        if let Some(long) = long {
            assert!(
                long.name.lines.len() >= 3,
                "the long name wraps: {:?}",
                long.name.lines
            );
        }
    }
}

#[test]
fn the_rendered_text_of_every_box_stays_inside_it() {
    // Lay the SVG out with usvg (the renderer of the PNG and PDF) and compare
    // each text's real bounding box with the box it belongs to.
    let (doc, maps) = fixture();
    let scene = scene(&doc, maps[0]).unwrap();
    let svg = String::from_utf8(exported(Format::Svg, &maps[..1])).unwrap();
    let options = resvg::usvg::Options {
        fontdb: std::sync::Arc::new(bundled_fonts()),
        ..Default::default()
    };
    let tree = resvg::usvg::Tree::from_str(&svg, &options).unwrap();
    let mut checked = 0;
    let mut stack: Vec<&resvg::usvg::Group> = vec![tree.root()];
    while let Some(group) = stack.pop() {
        for node in group.children() {
            match node {
                resvg::usvg::Node::Group(g) => stack.push(g),
                resvg::usvg::Node::Text(text) => {
                    let b = text.bounding_box();
                    let (x, y) = (
                        b.x() as f64 + b.width() as f64 / 2.0,
                        b.y() as f64 + b.height() as f64 / 2.0,
                    );
                    let Some(owner) = scene.elements.iter().find(|e| {
                        let r = e.rect;
                        x > r.x && x < r.x + r.width && y > r.y && y < r.y + r.height
                    }) else {
                        continue;
                    };
                    let r = owner.rect;
                    assert!(
                        b.left() as f64 >= r.x
                            && b.right() as f64 <= r.x + r.width + 0.5
                            && b.bottom() as f64 <= r.y + r.height + 0.5,
                        "text {:?} of {} spills out of {:?}",
                        b,
                        owner.full_name,
                        r
                    );
                    checked += 1;
                }
                _ => {}
            }
        }
    }
    assert!(
        checked >= 12,
        "kind labels, names and badges were checked ({checked})"
    );
}

/// The bundled fonts loaded from the files, as a user of the crate would.
fn bundled_fonts() -> resvg::usvg::fontdb::Database {
    let mut db = resvg::usvg::fontdb::Database::new();
    db.load_fonts_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/fonts"));
    db.set_sans_serif_family("Noto Sans");
    db
}

fn decode(png: &[u8]) -> (png::OutputInfo, Vec<u8>) {
    let mut reader = png::Decoder::new(std::io::Cursor::new(png))
        .read_info()
        .expect("a PNG");
    let mut pixels = vec![0; reader.output_buffer_size().unwrap()];
    let info = reader.next_frame(&mut pixels).expect("a frame");
    pixels.truncate(info.buffer_size());
    (info, pixels)
}

#[test]
fn png_has_the_size_of_its_scale_and_is_not_blank() {
    let (doc, maps) = fixture();
    let scene = scene(&doc, maps[0]).unwrap();
    for scale in [1u8, 2, 3] {
        let request = ExportRequest {
            scale,
            ..ExportRequest::new(Format::Png, vec![maps[0]])
        };
        let png = export(&doc, &request, &mut |_| {}).unwrap();
        let (info, pixels) = decode(&png);
        assert_eq!(
            (info.width as f64, info.height as f64),
            (scene.width * scale as f64, scene.height * scale as f64)
        );
        assert_eq!(info.color_type, png::ColorType::Rgb, "an opaque image");
        let not_white = pixels
            .chunks(3)
            .filter(|p| p[0] < 200 || p[1] < 200 || p[2] < 200)
            .count();
        let share = not_white as f64 / (pixels.len() / 3) as f64;
        assert!(
            share > 0.01,
            "scale {scale}: only {share:.4} of the pixels are drawn"
        );
        assert_eq!(&pixels[..3], [255, 255, 255], "white page");
    }
    let request = ExportRequest {
        scale: 1,
        transparent: true,
        ..ExportRequest::new(Format::Png, vec![maps[0]])
    };
    let (info, pixels) = decode(&export(&doc, &request, &mut |_| {}).unwrap());
    assert_eq!(info.color_type, png::ColorType::Rgba);
    assert_eq!(pixels[3], 0, "a transparent PNG has no page behind the map");
    assert!(
        pixels.chunks(4).any(|p| p[3] == 255),
        "and still shows the map"
    );
}

#[test]
fn svg_and_png_of_several_maps_come_as_a_zip_with_a_file_per_map() {
    let (_, maps) = fixture();
    assert_eq!(
        ExportRequest::new(Format::Png, maps.clone()).file_extension(),
        "zip"
    );
    assert_eq!(
        ExportRequest::new(Format::Png, maps[..1].to_vec()).file_extension(),
        "png"
    );
    assert_eq!(
        ExportRequest::new(Format::Pptx, maps.clone()).file_extension(),
        "pptx"
    );
    for (format, ext) in [(Format::Svg, "svg"), (Format::Png, "png")] {
        let names: Vec<String> = unzip(&exported(format, &maps))
            .into_iter()
            .map(|(n, _)| n)
            .collect();
        assert_eq!(
            names,
            [
                format!("01 People & _Talent_.{ext}"),
                format!("02 Tools.{ext}")
            ]
        );
    }
}

#[test]
fn the_csv_matrix_lists_owners_and_gaps_with_rfc_4180_quoting() {
    let (_, maps) = fixture();
    let csv = String::from_utf8(exported(Format::Csv, &maps)).unwrap();
    let lines: Vec<&str> = csv.split("\r\n").collect();
    assert_eq!(lines[0], "element,kind,map,group,owner,role,tier");
    assert!(
        lines.contains(
            &"\"<b>&\"\"x\"\"</b>\",Product,People & <Talent>,Products,Tom Okafor,Product manager,2"
        ),
        "{csv}"
    );
    assert!(
        lines.contains(
            &"\"<b>&\"\"x\"\"</b>\",Product,People & <Talent>,Products,Ada Rivera,Product owner,3"
        ),
        "{csv}"
    );
    assert!(
        lines.contains(&"Workday,Application,Tools,,,,"),
        "unowned elements show as gaps: {csv}"
    );
    assert!(
        lines.contains(&"Products,Tier,People & <Talent>,,Ada Rivera,Product manager,2"),
        "group owners: {csv}"
    );
}

#[test]
fn progress_is_reported_after_each_map_and_errors_name_the_problem() {
    let (doc, maps) = fixture();
    let mut seen = Vec::new();
    export(
        &doc,
        &ExportRequest::new(Format::Pdf, maps.clone()),
        &mut |p| seen.push((p.done, p.total, p.map.to_owned())),
    )
    .unwrap();
    assert_eq!(
        seen,
        [
            (1, 2, "People & <Talent>".to_owned()),
            (2, 2, "Tools".to_owned())
        ]
    );
    let bad_scale = ExportRequest {
        scale: 4,
        ..ExportRequest::new(Format::Png, maps.clone())
    };
    assert_eq!(
        export(&doc, &bad_scale, &mut |_| {})
            .unwrap_err()
            .to_string(),
        "scale must be 1, 2 or 3, not 4"
    );
    let missing = tiermap_model::MapId::new();
    let error = export(
        &doc,
        &ExportRequest::new(Format::Svg, vec![missing]),
        &mut |_| {},
    )
    .unwrap_err();
    assert!(error.to_string().contains(&missing.to_string()), "{error}");
    assert!(export(&doc, &ExportRequest::new(Format::Pptx, vec![]), &mut |_| {}).is_err());
    assert!(
        export(&doc, &ExportRequest::new(Format::Json, vec![]), &mut |_| {}).is_ok(),
        "JSON needs no map"
    );
}

#[test]
fn a_map_too_large_for_a_png_is_refused_by_name_and_still_exports_as_vector() {
    let (mut doc, maps) = fixture();
    let far = tiermap_model::Placement {
        map: maps[1],
        element: doc.placements_of(maps[1]).next().unwrap().element,
        group: None,
        rect: tiermap_model::Rect::new(1.0e6, 1.0e6, 180.0, 88.0),
    };
    doc.apply(&tiermap_model::Edit::PutPlacement(far)).unwrap();
    let error = export(
        &doc,
        &ExportRequest::new(Format::Png, vec![maps[1]]),
        &mut |_| {},
    )
    .unwrap_err();
    assert!(
        error.to_string().starts_with("map 'Tools': ") && error.to_string().contains("too large"),
        "{error}"
    );
    for format in [Format::Svg, Format::Pdf, Format::Pptx, Format::Drawio] {
        assert!(
            export(
                &doc,
                &ExportRequest::new(format, vec![maps[1]]),
                &mut |_| {}
            )
            .is_ok(),
            "{format}"
        );
    }
}
