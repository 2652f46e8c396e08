//! A fixture document for the export tests, with fixed ids so its exports
//! can be compared byte for byte, and the external tools the checks use.
#![allow(dead_code)]

use std::path::Path;
use std::process::Command;

use tiermap_model::{
    Document, Edit, Element, ElementId, ElementKind, Group, GroupId, GroupKind, GroupingModel, Map,
    MapId, OwnedTarget, Ownership, OwnershipId, Placement, Rect, Relation, RelationId,
    RelationKind, Role,
};

/// Names that must survive every format as written.
pub const HOSTILE: &str = "<b>&\"x\"</b>";
pub const SCRIPTS: [&str; 3] = ["製品", "Ürün", "عربي"];
pub const LONG: &str = "Customer onboarding and know-your-customer verification service for retail and small business clients";

fn id<T: std::str::FromStr>(n: u64) -> T {
    format!("00000000-0000-7000-8000-{n:012}")
        .parse()
        .ok()
        .expect("a fixed id")
}

/// Two maps: a pyramid with nested tiers, owners, relations and hostile,
/// multi-script and long names; and a small freeform map.
pub fn fixture() -> (Document, Vec<MapId>) {
    let mut edits = Vec::new();
    let element = |n: u64, kind: ElementKind, name: &str| Element {
        id: id(n),
        ..Element::new(kind, name)
    };
    let names: [(ElementKind, &str); 9] = [
        (ElementKind::ServiceArea, "Human resources"),
        (ElementKind::Product, HOSTILE),
        (ElementKind::Product, SCRIPTS[0]),
        (ElementKind::Service, SCRIPTS[1]),
        (ElementKind::Service, SCRIPTS[2]),
        (ElementKind::Service, LONG),
        (ElementKind::Application, "Workday"),
        (ElementKind::Person, "Ada Rivera"),
        (ElementKind::Person, "Tom Okafor"),
    ];
    for (n, (kind, name)) in names.iter().enumerate() {
        edits.push(Edit::PutElement(element(n as u64 + 1, *kind, name)));
    }
    let e = |n: u64| -> ElementId { id(n) };
    let relations = [
        (RelationKind::RollsUpTo, 2, 1),
        (RelationKind::RollsUpTo, 3, 1),
        (RelationKind::RollsUpTo, 4, 2),
        (RelationKind::Supports, 7, 6),
        (RelationKind::RollsUpTo, 5, 3),
    ];
    for (n, (kind, source, target)) in relations.iter().enumerate() {
        edits.push(Edit::PutRelation(Relation {
            id: id::<RelationId>(100 + n as u64),
            ..Relation::new(*kind, e(*source), e(*target))
        }));
    }
    let (pyramid, freeform): (MapId, MapId) = (id(200), id(201));
    edits.push(Edit::PutMap(Map {
        id: pyramid,
        name: "People & <Talent>".into(),
        model: GroupingModel::Pyramid,
        position: 0,
    }));
    edits.push(Edit::PutMap(Map {
        id: freeform,
        name: "Tools".into(),
        model: GroupingModel::Freeform,
        position: 1,
    }));
    let group = |n: u64, parent: Option<u64>, name: &str, rect: Rect| {
        Edit::PutGroup(Group {
            id: id(n),
            map: pyramid,
            parent: parent.map(id),
            kind: GroupKind::Tier,
            name: name.into(),
            rect,
            collapsed: false,
        })
    };
    edits.push(group(
        300,
        None,
        "Apex",
        Rect::new(200.0, 0.0, 400.0, 160.0),
    ));
    edits.push(group(
        301,
        None,
        "Products",
        Rect::new(0.0, 190.0, 900.0, 420.0),
    ));
    edits.push(group(
        302,
        Some(301),
        "Services 製品",
        Rect::new(24.0, 180.0, 852.0, 220.0),
    ));
    let place = |map: MapId, element: u64, group: Option<u64>, rect: Rect| {
        Edit::PutPlacement(Placement {
            map,
            element: id(element),
            group: group.map(id),
            rect,
        })
    };
    edits.push(place(
        pyramid,
        1,
        Some(300),
        Rect::new(110.0, 48.0, 180.0, 88.0),
    ));
    edits.push(place(
        pyramid,
        2,
        Some(301),
        Rect::new(24.0, 48.0, 180.0, 88.0),
    ));
    edits.push(place(
        pyramid,
        3,
        Some(301),
        Rect::new(228.0, 48.0, 180.0, 88.0),
    ));
    edits.push(place(
        pyramid,
        4,
        Some(302),
        Rect::new(24.0, 48.0, 180.0, 88.0),
    ));
    edits.push(place(
        pyramid,
        5,
        Some(302),
        Rect::new(228.0, 48.0, 180.0, 88.0),
    ));
    edits.push(place(
        pyramid,
        6,
        Some(302),
        Rect::new(432.0, 48.0, 180.0, 88.0),
    ));
    edits.push(place(freeform, 6, None, Rect::new(0.0, 0.0, 180.0, 88.0)));
    edits.push(place(freeform, 7, None, Rect::new(0.0, 200.0, 180.0, 88.0)));
    let own = |n: u64, person: u64, target: OwnedTarget, role: Role, accountable: bool| {
        Edit::PutOwnership(Ownership {
            id: id::<OwnershipId>(n),
            person: e(person),
            target,
            role,
            accountable,
        })
    };
    edits.push(own(
        400,
        8,
        OwnedTarget::Element(e(1)),
        Role::BusinessOwner,
        true,
    ));
    edits.push(own(
        401,
        9,
        OwnedTarget::Element(e(2)),
        Role::ProductManager,
        true,
    ));
    edits.push(own(
        402,
        8,
        OwnedTarget::Element(e(2)),
        Role::ProductOwner,
        false,
    ));
    edits.push(own(
        403,
        9,
        OwnedTarget::Element(e(6)),
        Role::ServiceOwner,
        true,
    ));
    edits.push(own(
        404,
        8,
        OwnedTarget::Group(id::<GroupId>(301)),
        Role::ProductManager,
        true,
    ));
    let mut doc = Document::new();
    doc.apply_all(&edits)
        .expect("the fixture is a valid document");
    (doc, vec![pyramid, freeform])
}

/// Every element name placed on `map`.
pub fn names_on(doc: &Document, map: MapId) -> Vec<String> {
    doc.placements_of(map)
        .filter_map(|p| doc.element(p.element))
        .map(|e| e.name.clone())
        .collect()
}

/// Runs an external tool; a missing tool fails the test naming the Debian package (CI installs it).
pub fn run(
    program: &str,
    package: &str,
    args: &[&str],
    home: Option<&Path>,
) -> std::process::Output {
    let mut command = Command::new(program);
    command.args(args);
    if let Some(home) = home {
        command.env("HOME", home);
    }
    match command.output() {
        Ok(output) => output,
        Err(error) if error.kind() == std::io::ErrorKind::NotFound => {
            panic!(
                "`{program}` is not installed: install the Debian package {package} (scripts/install-system-deps.sh --test does)"
            )
        }
        Err(error) => panic!("could not run {program}: {error}"),
    }
}

/// The text of a PDF, as a person would copy it (pdftotext from poppler-utils).
pub fn pdf_text(pdf: &Path) -> String {
    let out = run(
        "pdftotext",
        "poppler-utils",
        &["-layout", pdf.to_str().unwrap(), "-"],
        None,
    );
    assert!(
        out.status.success(),
        "pdftotext failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// Page count of a PDF (pdfinfo).
pub fn pdf_pages(pdf: &Path) -> usize {
    let out = run("pdfinfo", "poppler-utils", &[pdf.to_str().unwrap()], None);
    assert!(
        out.status.success(),
        "pdfinfo failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let info = String::from_utf8_lossy(&out.stdout);
    info.lines()
        .find_map(|l| l.strip_prefix("Pages:"))
        .and_then(|n| n.trim().parse().ok())
        .expect("pdfinfo reports pages")
}

/// Text without any whitespace, so a name wrapped over lines still matches.
pub fn squeezed(text: &str) -> String {
    text.chars().filter(|c| !c.is_whitespace()).collect()
}

/// Standard base64, as the SVG embeds its fonts.
pub fn base64_decode(text: &str) -> Vec<u8> {
    let value = |c: u8| match c {
        b'A'..=b'Z' => c - b'A',
        b'a'..=b'z' => c - b'a' + 26,
        b'0'..=b'9' => c - b'0' + 52,
        b'+' => 62,
        _ => 63,
    };
    let digits: Vec<u8> = text.bytes().filter(|c| *c != b'=').map(value).collect();
    digits
        .chunks(4)
        .flat_map(|chunk| {
            let n = chunk
                .iter()
                .enumerate()
                .fold(0u32, |n, (i, d)| n | u32::from(*d) << (18 - 6 * i));
            (0..chunk.len() - 1).map(move |i| (n >> (16 - 8 * i)) as u8)
        })
        .collect()
}
