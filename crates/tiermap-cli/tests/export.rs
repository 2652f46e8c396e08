//! `tiermap export` as a user runs it: every format from the sample, one map
//! or all of them, and clear refusals.

use std::process::{Command, Output};

fn tiermap(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_tiermap"))
        .args(args)
        .output()
        .expect("run tiermap")
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

fn sample(dir: &std::path::Path) -> String {
    let file = dir.join("sample.tiermap");
    assert!(
        tiermap(&["sample", file.to_str().unwrap()])
            .status
            .success()
    );
    file.to_str().unwrap().to_owned()
}

#[test]
fn every_format_of_one_map_is_written() {
    let dir = tempfile::tempdir().unwrap();
    let doc = sample(dir.path());
    for (format, magic) in [
        ("svg", b"<svg".as_slice()),
        ("png", b"\x89PNG".as_slice()),
        ("pdf", b"%PDF".as_slice()),
        ("pptx", b"PK".as_slice()),
        ("drawio", b"<?xml".as_slice()),
        ("csv", b"element,kind,map".as_slice()),
    ] {
        let out_path = dir.path().join(format!("hr.{format}"));
        let out = tiermap(&[
            "export",
            &doc,
            "--map",
            "Human resources",
            "--format",
            format,
            "-o",
            out_path.to_str().unwrap(),
        ]);
        assert!(out.status.success(), "{format}: {}", text(&out.stderr));
        let bytes = std::fs::read(&out_path).unwrap();
        assert!(bytes.starts_with(magic), "{format} starts as it should");
    }
    let svg = std::fs::read_to_string(dir.path().join("hr.svg")).unwrap();
    for name in ["Human resources", "Payroll", "Workday", "Recruiting"] {
        assert!(svg.contains(&format!(">{name}<")), "the SVG shows {name}");
    }
}

#[test]
fn all_maps_go_into_one_pdf_and_one_presentation_and_png_scale_sets_the_size() {
    let dir = tempfile::tempdir().unwrap();
    let doc = sample(dir.path());
    let pptx = dir.path().join("all.pptx");
    let out = tiermap(&[
        "export",
        &doc,
        "--all",
        "--format",
        "pptx",
        "--title-slide",
        "-o",
        pptx.to_str().unwrap(),
    ]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert!(
        text(&out.stderr).contains("[5/5] Wholesale division"),
        "progress per map: {}",
        text(&out.stderr)
    );

    let size = |scale: &str| {
        let png = dir.path().join(format!("hr{scale}.png"));
        let out = tiermap(&[
            "export",
            &doc,
            "--map",
            "Human resources",
            "--format",
            "png",
            "--scale",
            scale,
            "-o",
            png.to_str().unwrap(),
        ]);
        assert!(out.status.success(), "{}", text(&out.stderr));
        let bytes = std::fs::read(&png).unwrap();
        (
            u32::from_be_bytes(bytes[16..20].try_into().unwrap()),
            u32::from_be_bytes(bytes[20..24].try_into().unwrap()),
        )
    };
    let (one, three) = (size("1"), size("3"));
    assert_eq!((three.0, three.1), (one.0 * 3, one.1 * 3));

    let zip = dir.path().join("all-svg.zip");
    let out = tiermap(&[
        "export",
        &doc,
        "--all",
        "--format",
        "svg",
        "-o",
        zip.to_str().unwrap(),
    ]);
    assert!(
        out.status.success() && text(&out.stdout).contains("one svg file per map"),
        "{}",
        text(&out.stdout)
    );
}

#[test]
fn refusals_say_what_to_do_and_write_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let doc = sample(dir.path());
    let target = dir.path().join("out.pptx");
    let target = target.to_str().unwrap();
    let refused = |args: &[&str], expected: &[&str]| {
        let out = tiermap(args);
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        let stderr = text(&out.stderr);
        for e in expected {
            assert!(stderr.contains(e), "{args:?} says {e}: {stderr}");
        }
        assert!(!std::path::Path::new(target).exists());
    };
    refused(
        &[
            "export", &doc, "--map", "Nope", "--format", "pptx", "-o", target,
        ],
        &[
            "no map is named 'Nope'",
            "'Human resources'",
            "'Wholesale division'",
        ],
    );
    refused(
        &["export", &doc, "--format", "pptx", "-o", target],
        &["--map NAME or --all"],
    );
    refused(
        &[
            "export", &doc, "--all", "--format", "png", "--scale", "4", "-o", target,
        ],
        &["--scale must be 1, 2 or 3"],
    );
    refused(
        &["export", &doc, "--all", "--format", "gif", "-o", target],
        &["'gif' is not an export format", "pptx"],
    );
    let out = tiermap(&[
        "export",
        &doc,
        "--map",
        "Human resources",
        "--all",
        "--format",
        "pdf",
        "-o",
        target,
    ]);
    assert_eq!(
        out.status.code(),
        Some(2),
        "--map and --all together are refused"
    );
}
