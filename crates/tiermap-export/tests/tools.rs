//! Checked as a user would, with the tools a user has: the PDF's pages and
//! text through poppler (pdfinfo, pdftotext), and the PPTX opened by
//! LibreOffice, converted to PDF, and read back; the PPTX also checked by
//! Microsoft's Open XML SDK validator, the check closest to PowerPoint's own
//! before it offers a repair. poppler and LibreOffice are Debian packages
//! that scripts/install-system-deps.sh --test installs, the validator an npm
//! package that `scripts/npm-deps.sh --test` installs in tests/ooxml; a missing one
//! fails the test saying how to install it.
//!
//! Set TIERMAP_EXPORT_ARTIFACTS=DIR to keep the files for a look.

mod common;

use std::path::{Path, PathBuf};
use std::sync::Mutex;

use common::{HOSTILE, LONG, SCRIPTS, fixture, names_on, pdf_pages, pdf_text, run, squeezed};
use tiermap_export::{ExportRequest, Format, export};

/// LibreOffice runs one at a time: its profile and its socket are per user.
static LIBREOFFICE: Mutex<()> = Mutex::new(());

fn keep(path: &Path) {
    if let Some(dir) = std::env::var_os("TIERMAP_EXPORT_ARTIFACTS") {
        let _ = std::fs::create_dir_all(&dir);
        let _ = std::fs::copy(path, PathBuf::from(dir).join(path.file_name().unwrap()));
    }
}

#[test]
fn the_pdf_has_a_page_per_map_and_every_name_as_selectable_text() {
    let (doc, maps) = fixture();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("fixture.pdf");
    let request = ExportRequest {
        title: "Fixture".into(),
        ..ExportRequest::new(Format::Pdf, maps.clone())
    };
    std::fs::write(&path, export(&doc, &request, &mut |_| {}).unwrap()).unwrap();
    keep(&path);
    assert_eq!(pdf_pages(&path), 2);
    let text = squeezed(&pdf_text(&path));
    for map in &maps {
        for name in names_on(&doc, *map) {
            if name == SCRIPTS[2] {
                continue; // Arabic comes out of pdftotext in visual order; checked below.
            }
            assert!(
                text.contains(&squeezed(&name)),
                "the PDF's text lacks {name}:\n{text}"
            );
        }
    }
    assert!(text.contains(&squeezed(HOSTILE)) && text.contains(&squeezed(LONG)));
    let arabic_visual: String = SCRIPTS[2].chars().rev().collect();
    assert!(
        text.contains(SCRIPTS[2]) || text.contains(&arabic_visual),
        "the Arabic name is text in the PDF"
    );
}

#[test]
fn the_pptx_opens_in_libreoffice_and_shows_every_element_name() {
    let (doc, maps) = fixture();
    let dir = tempfile::tempdir().unwrap();
    let pptx = dir.path().join("slides.pptx");
    let request = ExportRequest {
        title_slide: true,
        title: "Fixture".into(),
        ..ExportRequest::new(Format::Pptx, maps.clone())
    };
    std::fs::write(&pptx, export(&doc, &request, &mut |_| {}).unwrap()).unwrap();
    keep(&pptx);

    let converted = {
        let _one_at_a_time = LIBREOFFICE.lock().unwrap_or_else(|e| e.into_inner());
        let home = dir.path().join("home");
        let profile = format!(
            "-env:UserInstallation=file://{}",
            dir.path().join("profile").display()
        );
        let out = run(
            "libreoffice",
            "libreoffice-impress",
            &[
                "--headless",
                "--norestore",
                &profile,
                "--convert-to",
                "pdf",
                "--outdir",
                dir.path().to_str().unwrap(),
                pptx.to_str().unwrap(),
            ],
            Some(&home),
        );
        assert!(
            out.status.success(),
            "LibreOffice could not convert the PPTX: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        dir.path().join("slides.pdf")
    };
    assert!(
        converted.exists(),
        "LibreOffice wrote no PDF: the PPTX did not open"
    );
    keep(&converted);
    // Title slide, one slide per map, one ownership slide.
    assert_eq!(pdf_pages(&converted), 4);
    let text = squeezed(&pdf_text(&converted));
    for map in &maps {
        for name in names_on(&doc, *map) {
            if name == SCRIPTS[2] {
                continue;
            }
            assert!(
                text.contains(&squeezed(&name)),
                "the slides lack {name}:\n{text}"
            );
        }
    }
    let arabic_visual: String = SCRIPTS[2].chars().rev().collect();
    assert!(
        text.contains(SCRIPTS[2]) || text.contains(&arabic_visual),
        "the Arabic name is on a slide:\n{text}"
    );
    for heading in [
        "Fixture",
        "Ownership",
        "Element",
        "Owner",
        "Role",
        "Tier",
        "Productmanager",
    ] {
        assert!(text.contains(heading), "the slides lack {heading}");
    }
}

/// The Open XML SDK validator installed by `scripts/npm-deps.sh --test`.
fn ooxml_validator() -> PathBuf {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../tests/ooxml/node_modules/.bin/ooxml-validator");
    assert!(
        path.exists(),
        "the Open XML validator is not installed: run scripts/npm-deps.sh --test (make setup-test does)"
    );
    path
}

#[test]
fn the_pptx_passes_the_open_xml_sdk_validator_and_its_shape_ids_are_unique() {
    let (doc, maps) = fixture();
    let dir = tempfile::tempdir().unwrap();
    let pptx = dir.path().join("checked.pptx");
    let request = ExportRequest {
        title_slide: true,
        ownership_slides: true,
        title: "Fixture <b>&\"x\"</b>".into(),
        ..ExportRequest::new(Format::Pptx, maps.clone())
    };
    let bytes = export(&doc, &request, &mut |_| {}).unwrap();
    std::fs::write(&pptx, &bytes).unwrap();
    keep(&pptx);
    for version in ["Office2007", "Microsoft365"] {
        let out = std::process::Command::new(ooxml_validator())
            .arg(&pptx)
            .args(["--officeVersion", version])
            .output()
            .expect("the Open XML validator runs");
        let report = String::from_utf8_lossy(&out.stdout);
        assert!(
            out.status.success() && report.contains("\"ok\": true"),
            "the Open XML SDK finds the PPTX invalid for {version}:\n{report}{}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
    // PowerPoint repairs a slide whose shapes share an id; the SDK does not check it.
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
    let names: Vec<String> = (0..archive.len())
        .map(|i| archive.by_index(i).unwrap().name().unwrap().into_owned())
        .collect();
    let mut slides = 0;
    for name in names.iter().filter(|n| n.starts_with("ppt/slides/slide")) {
        let mut xml = String::new();
        std::io::Read::read_to_string(&mut archive.by_name(name).unwrap(), &mut xml).unwrap();
        let tree = roxmltree::Document::parse(&xml).unwrap();
        let mut ids: Vec<&str> = tree
            .descendants()
            .filter(|n| n.tag_name().name() == "cNvPr")
            .filter_map(|n| n.attribute("id"))
            .collect();
        let count = ids.len();
        ids.sort_unstable();
        ids.dedup();
        assert_eq!(ids.len(), count, "{name} has shapes sharing an id");
        slides += 1;
    }
    assert!(
        slides >= maps.len() + 2,
        "title, maps and ownership slides: {slides}"
    );
}
