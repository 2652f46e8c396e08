//! `tiermap import` of spreadsheets as a user runs it: the preview, the
//! refusal when rows have errors, --valid-rows, --into as one undo step, the
//! round trip through `tiermap export --format csv|xlsx`, and bad files that
//! each get a clear error naming the file while the document stays as it was.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn tiermap(args: &[&dyn AsRef<std::ffi::OsStr>]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_tiermap"))
        .args(args)
        .output()
        .expect("run tiermap")
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

struct Workspace {
    dir: tempfile::TempDir,
}

impl Workspace {
    fn new() -> Self {
        Workspace {
            dir: tempfile::tempdir().expect("temp dir"),
        }
    }

    fn file(&self, name: &str, bytes: &[u8]) -> PathBuf {
        let path = self.dir.path().join(name);
        std::fs::write(&path, bytes).expect("write");
        path
    }

    fn path(&self, name: &str) -> PathBuf {
        self.dir.path().join(name)
    }

    fn sample(&self) -> PathBuf {
        let path = self.path("sample.tiermap");
        assert!(tiermap(&[&"sample", &path]).status.success());
        path
    }
}

const SHEET: &str = "id,name,kind,parent,owner,owner_role\n\
                     T1,Talent suite,service area,,Ada Quinn,BO\n\
                     T2,Learning portal,product,T1,Ben Ortiz,PO\n\
                     T3,Broken,produkt,T1,,\n";

fn element_names(path: &Path) -> Vec<String> {
    let file = tiermap_store::DocumentFile::open_read_only(path).expect("opens");
    let mut names: Vec<String> = file.doc().elements().map(|e| e.name.clone()).collect();
    names.sort();
    names
}

#[test]
fn dry_run_lists_what_would_be_made_and_every_problem_and_writes_nothing() {
    let w = Workspace::new();
    let sheet = w.file("talent.csv", SHEET.as_bytes());
    let out_path = w.path("new.tiermap");
    let out = tiermap(&[&"import", &sheet, &"-o", &out_path, &"--dry-run"]);
    assert_eq!(out.status.code(), Some(1), "errors make the dry run exit 1");
    let stdout = text(&out.stdout);
    for expected in [
        "talent.csv (CSV): 3 rows, 1 with errors",
        "Talent suite (pyramid)",
        "row 4, kind 'produkt': not a kind",
    ] {
        assert!(stdout.contains(expected), "{expected}:\n{stdout}");
    }
    assert!(!out_path.exists());
}

#[test]
fn errors_stop_the_import_unless_the_valid_rows_are_asked_for() {
    let w = Workspace::new();
    let sheet = w.file("talent.csv", SHEET.as_bytes());
    let out_path = w.path("new.tiermap");
    let out = tiermap(&[&"import", &sheet, &"-o", &out_path]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        text(&out.stderr)
            .contains("talent.csv: 1 errors, nothing imported. The first: row 4: kind 'produkt'"),
        "{}",
        text(&out.stderr)
    );
    assert!(!out_path.exists());

    let out = tiermap(&[&"import", &sheet, &"-o", &out_path, &"--valid-rows"]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert_eq!(
        element_names(&out_path),
        ["Ada Quinn", "Ben Ortiz", "Learning portal", "Talent suite"]
    );
}

#[test]
fn into_an_existing_document_is_one_undo_step() {
    let w = Workspace::new();
    let doc = w.sample();
    let before = element_names(&doc);
    let sheet = w.file("talent.csv", SHEET.replace("produkt", "product").as_bytes());
    let out = tiermap(&[&"import", &sheet, &"--into", &doc]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert_eq!(element_names(&doc).len(), before.len() + 5);
    assert!(tiermap(&[&"undo", &doc]).status.success());
    assert_eq!(
        element_names(&doc),
        before,
        "one undo takes the whole import back"
    );
}

#[test]
fn a_document_exported_as_a_sheet_and_imported_again_matches_every_row() {
    let w = Workspace::new();
    let doc = w.sample();
    for (format, name) in [("csv", "elements.csv"), ("xlsx", "elements.xlsx")] {
        let sheet = w.path(name);
        let out = tiermap(&[&"export", &doc, &"--format", &format, &"-o", &sheet]);
        assert!(out.status.success(), "{}", text(&out.stderr));
        let out = tiermap(&[&"import", &sheet, &"--into", &doc, &"--dry-run"]);
        let stdout = text(&out.stdout);
        assert!(out.status.success(), "{stdout}{}", text(&out.stderr));
        let total = element_names(&doc).len();
        assert!(
            stdout.contains(&format!("Matched by id: 0 updated, {total} unchanged")),
            "{format}:\n{stdout}"
        );
        assert!(
            !stdout.contains("New:") && !stdout.contains("Changes:"),
            "{format}: nothing new, nothing changed:\n{stdout}"
        );
    }
    // The ownership matrix is still there for a map.
    let matrix = w.path("matrix.csv");
    let out = tiermap(&[
        &"export",
        &doc,
        &"--all",
        &"--format",
        &"csv",
        &"-o",
        &matrix,
    ]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert!(
        std::fs::read_to_string(&matrix)
            .expect("matrix")
            .starts_with("element,kind,map,group,owner,role,tier")
    );
}

/// A bad source: exit 2, the file named and why, and the document as it was.
fn refused(w: &Workspace, name: &str, bytes: &[u8], why: &str) {
    let doc = w.path("target.tiermap");
    if !doc.exists() {
        assert!(tiermap(&[&"sample", &doc]).status.success());
    }
    let before = std::fs::read(&doc).expect("document");
    let source = w.file(name, bytes);
    let out = tiermap(&[&"import", &source, &"--into", &doc]);
    assert_eq!(out.status.code(), Some(2), "{name}: {}", text(&out.stdout));
    let stderr = text(&out.stderr);
    assert!(
        stderr.contains(name) && stderr.contains(why),
        "{name} ({why}): {stderr}"
    );
    assert!(!stderr.contains("panicked"), "{stderr}");
    assert_eq!(
        std::fs::read(&doc).expect("document"),
        before,
        "{name}: the document is unchanged"
    );
}

#[test]
fn bad_files_are_refused_by_name_and_leave_the_document_alone() {
    let w = Workspace::new();
    refused(&w, "empty.csv", b"", "the file is empty");
    refused(&w, "blank.csv", b"\n \n", "the file is empty");
    refused(&w, "quote.csv", b"name,kind\n\"Open,product\n", "line 2");
    refused(
        &w,
        "columns.csv",
        b"title,type\nA,product\n",
        "no 'name' column",
    );
    refused(
        &w,
        "long.csv",
        b"name,kind\nA,product,surplus\n",
        "3 cells and the header 2",
    );
    refused(&w, "notes.docx", b"\x00\x01binary", "not 'docx'");
    refused(&w, "sheet.xlsx", b"not a zip at all", "sheet.xlsx");
    refused(
        &w,
        "old.xlsx",
        b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1rest",
        "sheet.xlsx".replace("sheet", "old").as_str(),
    );
    refused(&w, "xxe.xml", br#"<?xml version="1.0"?><!DOCTYPE m [<!ENTITY x SYSTEM "file:///etc/passwd">]><model>&x;</model>"#, "DOCTYPE");
    refused(&w, "data.json", b"{}", "new document");
}

#[test]
fn a_file_over_the_size_limit_is_refused_before_it_is_read() {
    let w = Workspace::new();
    let doc = w.sample();
    let before = std::fs::read(&doc).expect("document");
    // 100 MB, sparse: the size alone refuses it.
    let big = w.path("huge.csv");
    let file = std::fs::File::create(&big).expect("create");
    file.set_len(100_000_000).expect("size");
    let out = tiermap(&[&"import", &big, &"--into", &doc]);
    assert_eq!(out.status.code(), Some(2));
    let stderr = text(&out.stderr);
    assert!(
        stderr.contains("huge.csv: 100000000 bytes is more than the 67108864 bytes Tiermap reads"),
        "{stderr}"
    );
    assert_eq!(std::fs::read(&doc).expect("document"), before);
}

#[test]
fn latin_1_and_semicolons_are_read_and_said() {
    let w = Workspace::new();
    let sheet = w.file("excel.csv", b"name;kind\nCaf\xe9 cr\xe8me;product\n");
    let out_path = w.path("new.tiermap");
    let out = tiermap(&[&"import", &sheet, &"-o", &out_path, &"--dry-run"]);
    let stdout = text(&out.stdout);
    assert!(
        stdout.contains("Windows-1252") && stdout.contains("semicolons"),
        "{stdout}"
    );
    let out = tiermap(&[&"import", &sheet, &"-o", &out_path]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert_eq!(element_names(&out_path), ["Café crème"]);
}

#[test]
fn a_sheet_over_the_row_limit_is_refused_naming_the_file_and_its_row_count() {
    let w = Workspace::new();
    let rows = tiermap_import::MAX_TABLE_ROWS + 3;
    let mut sheet = String::from("name\n");
    for i in 0..rows {
        sheet.push_str(&format!("R{i}\n"));
    }
    refused(
        &w,
        "huge.csv",
        sheet.as_bytes(),
        &format!(
            "huge.csv: the sheet has {rows} rows, more than the {} Tiermap imports at once",
            tiermap_import::MAX_TABLE_ROWS
        ),
    );
}

#[test]
fn dry_run_warns_about_a_quote_over_several_lines_and_control_characters_without_printing_them() {
    let w = Workspace::new();
    let sheet = w.file(
        "damaged.csv",
        b"name,kind,owner,owner_role\nIntranet,product,Ada\x1b[2J Quinn,PM\n\"Payroll,product\nBilling\",service,,\nLed\x00ger,product,,\n",
    );
    let out_path = w.path("new.tiermap");
    let out = tiermap(&[&"import", &sheet, &"-o", &out_path, &"--dry-run"]);
    let stdout = text(&out.stdout);
    assert_eq!(
        out.status.code(),
        Some(0),
        "warnings alone do not fail: {stdout}{}",
        text(&out.stderr)
    );
    for expected in [
        "damaged.csv (CSV): 3 rows, 0 with errors",
        "row 2, owner 'Ada␛[2J Quinn': ESC taken out",
        "row 3, name 'Payroll,product␊Billing': the quoted cell runs from line 3 to line 4",
        "row 5, name 'Led␀ger': NUL taken out",
    ] {
        assert!(stdout.contains(expected), "{expected}:\n{stdout}");
    }
    assert!(
        !stdout.chars().any(|c| c.is_control() && c != '\n'),
        "a raw control character in:\n{stdout:?}"
    );
    assert!(!out_path.exists());

    // Imported, the names are clean.
    let out = tiermap(&[&"import", &sheet, &"-o", &out_path]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert_eq!(
        element_names(&out_path),
        [
            "Ada[2J Quinn",
            "Intranet",
            "Ledger",
            "Payroll,product Billing"
        ]
    );
}
