//! The fixed parts of a PowerPoint package: content types, relationships,
//! presentation, one blank slide master and layout, a theme whose fonts are
//! the bundled families, and document properties without dates (so the same
//! maps give the same bytes).

use std::fmt::Write;

use crate::fonts::FAMILIES;
use crate::xml::escape;

pub const NS: &str = r#"xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" xmlns:p="http://schemas.openxmlformats.org/presentationml/2006/main""#;
const DECLARATION: &str = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n";
const REL: &str = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

/// Widescreen 16:9 slide, in EMU (13.333 × 7.5 inches).
pub const SLIDE_WIDTH: i64 = 12_192_000;
pub const SLIDE_HEIGHT: i64 = 6_858_000;

fn relationships(entries: &[(&str, &str, String)]) -> String {
    let mut out = format!(
        "{DECLARATION}<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
    );
    for (id, kind, target) in entries {
        let kind = if kind.starts_with("http") {
            (*kind).to_owned()
        } else {
            format!("{REL}/{kind}")
        };
        let _ = write!(
            out,
            r#"<Relationship Id="{id}" Type="{kind}" Target="{target}"/>"#
        );
    }
    out.push_str("</Relationships>");
    out
}

pub fn content_types(slides: usize) -> String {
    let mut out = format!(
        "{DECLARATION}<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
    );
    out.push_str(r#"<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>"#);
    let overrides = [
        (
            "/ppt/presentation.xml",
            "application/vnd.openxmlformats-officedocument.presentationml.presentation.main+xml",
        ),
        (
            "/ppt/slideMasters/slideMaster1.xml",
            "application/vnd.openxmlformats-officedocument.presentationml.slideMaster+xml",
        ),
        (
            "/ppt/slideLayouts/slideLayout1.xml",
            "application/vnd.openxmlformats-officedocument.presentationml.slideLayout+xml",
        ),
        (
            "/ppt/theme/theme1.xml",
            "application/vnd.openxmlformats-officedocument.theme+xml",
        ),
        (
            "/ppt/presProps.xml",
            "application/vnd.openxmlformats-officedocument.presentationml.presProps+xml",
        ),
        (
            "/ppt/viewProps.xml",
            "application/vnd.openxmlformats-officedocument.presentationml.viewProps+xml",
        ),
        (
            "/ppt/tableStyles.xml",
            "application/vnd.openxmlformats-officedocument.presentationml.tableStyles+xml",
        ),
        (
            "/docProps/core.xml",
            "application/vnd.openxmlformats-package.core-properties+xml",
        ),
        (
            "/docProps/app.xml",
            "application/vnd.openxmlformats-officedocument.extended-properties+xml",
        ),
    ];
    for (part, kind) in overrides {
        let _ = write!(out, r#"<Override PartName="{part}" ContentType="{kind}"/>"#);
    }
    for n in 1..=slides {
        let _ = write!(
            out,
            r#"<Override PartName="/ppt/slides/slide{n}.xml" ContentType="application/vnd.openxmlformats-officedocument.presentationml.slide+xml"/>"#
        );
    }
    out.push_str("</Types>");
    out
}

pub fn root_relationships() -> String {
    relationships(&[
        ("rId1", "officeDocument", "ppt/presentation.xml".into()),
        (
            "rId2",
            "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties",
            "docProps/core.xml".into(),
        ),
        ("rId3", "extended-properties", "docProps/app.xml".into()),
    ])
}

pub fn presentation(slides: usize) -> String {
    let mut out = format!("{DECLARATION}<p:presentation {NS} saveSubsetFonts=\"1\">");
    out.push_str(r#"<p:sldMasterIdLst><p:sldMasterId id="2147483648" r:id="rId1"/></p:sldMasterIdLst><p:sldIdLst>"#);
    for n in 0..slides {
        let _ = write!(out, r#"<p:sldId id="{}" r:id="rId{}"/>"#, 256 + n, 10 + n);
    }
    let _ = write!(
        out,
        r#"</p:sldIdLst><p:sldSz cx="{SLIDE_WIDTH}" cy="{SLIDE_HEIGHT}"/><p:notesSz cx="6858000" cy="9144000"/></p:presentation>"#
    );
    out
}

pub fn presentation_relationships(slides: usize) -> String {
    let mut entries = vec![
        (
            "rId1".to_owned(),
            "slideMaster",
            "slideMasters/slideMaster1.xml".to_owned(),
        ),
        ("rId2".to_owned(), "theme", "theme/theme1.xml".to_owned()),
        ("rId3".to_owned(), "presProps", "presProps.xml".to_owned()),
        ("rId4".to_owned(), "viewProps", "viewProps.xml".to_owned()),
        (
            "rId5".to_owned(),
            "tableStyles",
            "tableStyles.xml".to_owned(),
        ),
    ];
    for n in 0..slides {
        entries.push((
            format!("rId{}", 10 + n),
            "slide",
            format!("slides/slide{}.xml", n + 1),
        ));
    }
    let borrowed: Vec<(&str, &str, String)> = entries
        .iter()
        .map(|(i, k, t)| (i.as_str(), *k, t.clone()))
        .collect();
    relationships(&borrowed)
}

const EMPTY_TREE: &str = r#"<p:spTree><p:nvGrpSpPr><p:cNvPr id="1" name=""/><p:cNvGrpSpPr/><p:nvPr/></p:nvGrpSpPr><p:grpSpPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/><a:chOff x="0" y="0"/><a:chExt cx="0" cy="0"/></a:xfrm></p:grpSpPr></p:spTree>"#;

pub fn slide_master() -> String {
    let level = r#"<a:lvl1pPr><a:defRPr sz="1800"><a:solidFill><a:schemeClr val="tx1"/></a:solidFill><a:latin typeface="+mn-lt"/><a:ea typeface="+mn-ea"/><a:cs typeface="+mn-cs"/></a:defRPr></a:lvl1pPr>"#;
    format!(
        "{DECLARATION}<p:sldMaster {NS}><p:cSld><p:bg><p:bgRef idx=\"1001\"><a:schemeClr val=\"bg1\"/></p:bgRef></p:bg>{EMPTY_TREE}</p:cSld>\
<p:clrMap bg1=\"lt1\" tx1=\"dk1\" bg2=\"lt2\" tx2=\"dk2\" accent1=\"accent1\" accent2=\"accent2\" accent3=\"accent3\" accent4=\"accent4\" accent5=\"accent5\" accent6=\"accent6\" hlink=\"hlink\" folHlink=\"folHlink\"/>\
<p:sldLayoutIdLst><p:sldLayoutId id=\"2147483649\" r:id=\"rId1\"/></p:sldLayoutIdLst>\
<p:txStyles><p:titleStyle>{level}</p:titleStyle><p:bodyStyle>{level}</p:bodyStyle><p:otherStyle>{level}</p:otherStyle></p:txStyles></p:sldMaster>"
    )
}

pub fn slide_master_relationships() -> String {
    relationships(&[
        (
            "rId1",
            "slideLayout",
            "../slideLayouts/slideLayout1.xml".into(),
        ),
        ("rId2", "theme", "../theme/theme1.xml".into()),
    ])
}

pub fn slide_layout() -> String {
    format!(
        "{DECLARATION}<p:sldLayout {NS} type=\"blank\" preserve=\"1\"><p:cSld name=\"Blank\">{EMPTY_TREE}</p:cSld><p:clrMapOvr><a:masterClrMapping/></p:clrMapOvr></p:sldLayout>"
    )
}

pub fn slide_layout_relationships() -> String {
    relationships(&[(
        "rId1",
        "slideMaster",
        "../slideMasters/slideMaster1.xml".into(),
    )])
}

pub fn slide_relationships() -> String {
    relationships(&[(
        "rId1",
        "slideLayout",
        "../slideLayouts/slideLayout1.xml".into(),
    )])
}

/// A theme with the UI's colours and the bundled families as its fonts.
pub fn theme() -> String {
    let [latin, arabic, cjk, _emoji] = FAMILIES;
    let fonts = format!(
        r#"<a:latin typeface="{latin}"/><a:ea typeface="{cjk}"/><a:cs typeface="{arabic}"/>"#
    );
    let fill = r#"<a:solidFill><a:schemeClr val="phClr"/></a:solidFill>"#;
    let line = |w: u32| {
        format!(
            r#"<a:ln w="{w}" cap="flat" cmpd="sng" algn="ctr"><a:solidFill><a:schemeClr val="phClr"/></a:solidFill><a:prstDash val="solid"/><a:miter lim="800000"/></a:ln>"#
        )
    };
    let effect = "<a:effectStyle><a:effectLst/></a:effectStyle>";
    format!(
        "{DECLARATION}<a:theme xmlns:a=\"http://schemas.openxmlformats.org/drawingml/2006/main\" name=\"Tiermap\"><a:themeElements>\
<a:clrScheme name=\"Tiermap\"><a:dk1><a:srgbClr val=\"1D2733\"/></a:dk1><a:lt1><a:srgbClr val=\"FFFFFF\"/></a:lt1><a:dk2><a:srgbClr val=\"5B6B7C\"/></a:dk2><a:lt2><a:srgbClr val=\"E2E9F2\"/></a:lt2>\
<a:accent1>{}</a:accent1><a:accent2>{}</a:accent2><a:accent3>{}</a:accent3><a:accent4>{}</a:accent4><a:accent5>{}</a:accent5><a:accent6>{}</a:accent6>\
<a:hlink><a:srgbClr val=\"1F6FB2\"/></a:hlink><a:folHlink><a:srgbClr val=\"7B3FA0\"/></a:folHlink></a:clrScheme>\
<a:fontScheme name=\"Tiermap\"><a:majorFont>{fonts}</a:majorFont><a:minorFont>{fonts}</a:minorFont></a:fontScheme>\
<a:fmtScheme name=\"Tiermap\"><a:fillStyleLst>{fill}{fill}{fill}</a:fillStyleLst><a:lnStyleLst>{}{}{}</a:lnStyleLst>\
<a:effectStyleLst>{effect}{effect}{effect}</a:effectStyleLst><a:bgFillStyleLst>{fill}{fill}{fill}</a:bgFillStyleLst></a:fmtScheme>\
</a:themeElements><a:objectDefaults/><a:extraClrSchemeLst/></a:theme>",
        "<a:srgbClr val=\"1F6FB2\"/>",
        "<a:srgbClr val=\"2A9D8F\"/>",
        "<a:srgbClr val=\"E07A2F\"/>",
        "<a:srgbClr val=\"7B3FA0\"/>",
        "<a:srgbClr val=\"C2185B\"/>",
        "<a:srgbClr val=\"558B2F\"/>",
        line(6350),
        line(12700),
        line(19050),
    )
}

pub fn presentation_properties() -> String {
    format!("{DECLARATION}<p:presentationPr {NS}/>")
}

pub fn view_properties() -> String {
    format!(
        "{DECLARATION}<p:viewPr {NS}><p:normalViewPr><p:restoredLeft sz=\"15620\"/><p:restoredTop sz=\"94660\"/></p:normalViewPr><p:gridSpacing cx=\"76200\" cy=\"76200\"/></p:viewPr>"
    )
}

pub fn table_styles() -> String {
    format!(
        "{DECLARATION}<a:tblStyleLst xmlns:a=\"http://schemas.openxmlformats.org/drawingml/2006/main\" def=\"{{5C22544A-7EE6-4342-B048-85BDC9FD1C3A}}\"/>"
    )
}

/// Title and author only: a creation date would make every export differ.
pub fn core_properties(title: &str) -> String {
    format!(
        "{DECLARATION}<cp:coreProperties xmlns:cp=\"http://schemas.openxmlformats.org/package/2006/metadata/core-properties\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\" xmlns:dcterms=\"http://purl.org/dc/terms/\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"><dc:title>{}</dc:title><dc:creator>Tiermap</dc:creator></cp:coreProperties>",
        escape(title)
    )
}

pub fn app_properties(slides: usize) -> String {
    format!(
        "{DECLARATION}<Properties xmlns=\"http://schemas.openxmlformats.org/officeDocument/2006/extended-properties\"><Application>Tiermap</Application><Slides>{slides}</Slides></Properties>"
    )
}

/// A slide part around its shapes.
pub fn slide(shapes: &str) -> String {
    format!(
        "{DECLARATION}<p:sld {NS}><p:cSld><p:spTree><p:nvGrpSpPr><p:cNvPr id=\"1\" name=\"\"/><p:cNvGrpSpPr/><p:nvPr/></p:nvGrpSpPr><p:grpSpPr><a:xfrm><a:off x=\"0\" y=\"0\"/><a:ext cx=\"0\" cy=\"0\"/><a:chOff x=\"0\" y=\"0\"/><a:chExt cx=\"0\" cy=\"0\"/></a:xfrm></p:grpSpPr>{shapes}</p:spTree></p:cSld><p:clrMapOvr><a:masterClrMapping/></p:clrMapOvr></p:sld>"
    )
}
