//! Writers that turn a Tiermap document into files for other tools and for
//! presentations: JSON, SVG, PNG, PDF, PowerPoint (PPTX), draw.io and a CSV
//! ownership matrix. The app's export dialog and `tiermap export` both call
//! [`export`], so a file looks the same whichever made it.
//!
//! Promises:
//! - Deterministic: the same document gives byte-identical output.
//! - Every map is drawn from its stored positions, once, as a format-neutral
//!   scene (scene.rs); each format only writes that scene out.
//! - Text is drawn and measured with the bundled fonts (fonts/), never the
//!   machine's, and any text stays literal: markup in a name is escaped.
//! - Never panics on a document the model accepts; errors name the map.
//! - A file is written completely or not at all (temporary file, then rename).

mod collapse;
mod connector;
mod csv;
mod drawio;
mod font_embed;
mod fonts;
mod json;
mod legend;
mod output;
mod owners;
mod package;
mod palette;
mod pdf;
mod png;
mod pptx;
mod render;
mod scene;
mod split;
mod sheet;
mod svg;
mod wrap;
mod xlsx;
mod xml;

use tiermap_model::{Document, MapId};

pub use fonts::{FAMILIES as FONT_FAMILIES, FONT_FAMILY_LIST, Weight, text_width};
pub use json::json;
pub use output::write_atomically;
pub use scene::{Scene, scene};
pub use sheet::{ElementSheet, element_sheet, element_sheet_csv, element_sheet_xlsx};
pub use xlsx::xlsx;

/// Why an export could not be made or written.
#[derive(Debug, thiserror::Error)]
pub enum ExportError {
    #[error("{path}: {source}")]
    Io {
        path: std::path::PathBuf,
        source: std::io::Error,
    },
    #[error("choose at least one map to export")]
    NoMaps,
    #[error("the document has no map with id {0}")]
    UnknownMap(MapId),
    #[error("scale must be 1, 2 or 3, not {0}")]
    BadScale(u8),
    #[error("map '{map}': {message}")]
    Map { map: String, message: String },
    #[error("the {format} file could not be written: {message}")]
    Write {
        format: &'static str,
        message: String,
    },
}

/// The formats an export can write.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Format {
    /// Every record of the document, for other tools and `tiermap import` (maps are ignored).
    Json,
    Svg,
    Png,
    Pdf,
    Pptx,
    Drawio,
    Csv,
}

impl Format {
    pub const ALL: [Format; 7] = [
        Format::Svg,
        Format::Png,
        Format::Pdf,
        Format::Pptx,
        Format::Drawio,
        Format::Csv,
        Format::Json,
    ];

    /// The word used on the command line, and the file extension.
    pub fn as_str(self) -> &'static str {
        match self {
            Format::Json => "json",
            Format::Svg => "svg",
            Format::Png => "png",
            Format::Pdf => "pdf",
            Format::Pptx => "pptx",
            Format::Drawio => "drawio",
            Format::Csv => "csv",
        }
    }
}

impl std::fmt::Display for Format {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

impl std::str::FromStr for Format {
    type Err = String;
    fn from_str(word: &str) -> Result<Self, String> {
        let word = word.to_ascii_lowercase();
        Format::ALL
            .into_iter()
            .find(|f| f.as_str() == word)
            .ok_or_else(|| {
                let names: Vec<&str> = Format::ALL.iter().map(|f| f.as_str()).collect();
                format!("'{word}' is not an export format ({})", names.join(", "))
            })
    }
}

/// What to export and how.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExportRequest {
    pub format: Format,
    /// The maps, in the order their pages or slides should come.
    pub maps: Vec<MapId>,
    /// PNG only: 1, 2 or 3 pixels per map unit.
    pub scale: u8,
    /// SVG and PNG: leave out the white page.
    pub transparent: bool,
    /// PPTX: a first slide with `title` and the maps' names.
    pub title_slide: bool,
    /// PPTX: slides with the ownership table (element, owner, role, tier) after the maps.
    pub ownership_slides: bool,
    /// Title of the PDF and of the PPTX title slide, e.g. the document's file name.
    pub title: String,
    /// PPTX and PDF: each map on one slide or page, whatever its size (small
    /// text on a large map), instead of an overview and detail slides that
    /// keep names readable (at least 10 pt) at one size across the deck.
    pub one_slide_per_map: bool,
}

impl ExportRequest {
    /// A request with the defaults the app's dialog starts from: scale 2,
    /// white background, ownership table slides, no title slide.
    pub fn new(format: Format, maps: Vec<MapId>) -> Self {
        ExportRequest {
            format,
            maps,
            scale: 2,
            transparent: false,
            title_slide: false,
            ownership_slides: true,
            title: "Tiermap".into(),
            one_slide_per_map: false,
        }
    }

    /// True when the result is a ZIP holding one file per map: SVG and PNG of more than one map.
    pub fn is_bundle(&self) -> bool {
        matches!(self.format, Format::Svg | Format::Png) && self.maps.len() > 1
    }

    /// The extension the written file should have: the format's, or "zip" for a bundle.
    pub fn file_extension(&self) -> &'static str {
        if self.is_bundle() {
            "zip"
        } else {
            self.format.as_str()
        }
    }
}

/// How far a multi-map export has come, reported after each map.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Progress<'a> {
    pub done: usize,
    pub total: usize,
    pub map: &'a str,
}

/// Exports `doc` as `request` asks and returns the file's bytes. `progress`
/// is called after each map is drawn. SVG and PNG of several maps come as
/// one ZIP with a file per map, named "01 Map name.svg" (see [`ExportRequest::is_bundle`]).
pub fn export(
    doc: &Document,
    request: &ExportRequest,
    progress: &mut dyn FnMut(Progress<'_>),
) -> Result<Vec<u8>, ExportError> {
    if request.format == Format::Json {
        return Ok(json(doc).into_bytes());
    }
    if request.maps.is_empty() {
        return Err(ExportError::NoMaps);
    }
    if !(1..=3).contains(&request.scale) {
        return Err(ExportError::BadScale(request.scale));
    }
    let mut names = Vec::with_capacity(request.maps.len());
    for id in &request.maps {
        names.push(
            doc.map(*id)
                .ok_or(ExportError::UnknownMap(*id))?
                .name
                .clone(),
        );
    }
    let total = request.maps.len();
    let mut scenes = Vec::with_capacity(total);
    let mut files: Vec<(String, Vec<u8>)> = Vec::new();
    let mut pdf_pages: Vec<(String, String)> = Vec::new();
    for (index, (id, name)) in request.maps.iter().zip(&names).enumerate() {
        if request.format != Format::Csv {
            // Slides and pages promise readable names: there a long name grows its box instead of shrinking.
            let promised = matches!(request.format, Format::Pptx | Format::Pdf) && !request.one_slide_per_map;
            let drawn = if promised { scene::scene_for_slides(doc, *id) } else { scene(doc, *id) };
            let scene = drawn.ok_or(ExportError::UnknownMap(*id))?;
            match request.format {
                Format::Svg => files.push((
                    package::file_name(index, name, "svg"),
                    svg::standalone(&scene, request.transparent).into_bytes(),
                )),
                Format::Png => {
                    let image = png::png(
                        &svg::svg(&scene, request.transparent),
                        request.scale,
                        request.transparent,
                    )
                    .map_err(|message| ExportError::Map {
                        map: name.clone(),
                        message,
                    })?;
                    files.push((package::file_name(index, name, "png"), image));
                }
                Format::Pdf if request.one_slide_per_map => {
                    pdf_pages.push((name.clone(), svg::svg(&scene, false)))
                }
                Format::Pdf | Format::Pptx | Format::Drawio | Format::Json | Format::Csv => {
                    scenes.push((name.clone(), scene))
                }
            }
        }
        progress(Progress {
            done: index + 1,
            total,
            map: name,
        });
    }
    let write_error =
        |format: &'static str| move |message: String| ExportError::Write { format, message };
    match request.format {
        Format::Svg | Format::Png if files.len() == 1 => Ok(files.remove(0).1),
        Format::Svg | Format::Png => {
            package::zip(files.iter().map(|(n, b)| (n.clone(), b.as_slice())))
                .map_err(write_error("ZIP"))
        }
        Format::Pdf if !request.one_slide_per_map => pdf::slide_pages(&request.title, &scenes).map_err(|(map, message)| match map {
            Some(map) => ExportError::Map { map, message },
            None => ExportError::Write {
                format: "PDF",
                message,
            },
        }),
        Format::Pdf => pdf::pdf(&request.title, &pdf_pages).map_err(|(map, message)| match map {
            Some(map) => ExportError::Map { map, message },
            None => ExportError::Write {
                format: "PDF",
                message,
            },
        }),
        Format::Drawio => Ok(drawio::drawio(&scenes).into_bytes()),
        Format::Pptx => pptx::pptx(doc, &scenes, request).map_err(write_error("PPTX")),
        Format::Csv => Ok(csv::csv(doc, &request.maps).into_bytes()),
        Format::Json => Ok(json(doc).into_bytes()),
    }
}
