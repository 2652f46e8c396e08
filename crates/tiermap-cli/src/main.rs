//! The `tiermap` command: the document core without a window, for scripts,
//! CI and people who live in a terminal. Exit codes: 0 done, 1 the command
//! ran and found a problem, 2 the input could not be read or used.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};

#[macro_use]
mod output;
mod bench;
mod bench_export;
mod bench_geometry;
mod bench_import;
mod bench_layout;
mod history;
mod rescue;
mod stats;
mod transfer;
mod validate;

/// How a command that ran ended: done, or it found a problem (exit 1).
pub enum Outcome {
    Done,
    Problem,
}

#[derive(Parser)]
#[command(
    name = "tiermap",
    version,
    about = "Map products, services and their owners"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Write the sample document (the five grouping models) to a new file.
    Sample {
        /// Where to write it; must not exist yet.
        file: PathBuf,
    },
    /// Count the elements of a document per kind and per map.
    Stats { file: PathBuf },
    /// Check a document against product-ownership practice.
    /// Exit 0 without errors, 1 with errors, 2 when the file cannot be read.
    Validate {
        file: PathBuf,
        /// Only the findings about this map (by name).
        #[arg(long)]
        map: Option<String>,
        /// text or json (every diagnostic with its rule id and element ids).
        #[arg(long, default_value = "text")]
        format: String,
    },
    /// Take back the last change to a document (as Ctrl+Z in the app).
    Undo { file: PathBuf },
    /// Bring back the change undone last.
    Redo { file: PathBuf },
    /// List the changes stored in a document, oldest first.
    History { file: PathBuf },
    /// Write maps for presentations and other tools, or the whole document as JSON.
    ///
    /// svg, png: one map per file (several maps: a ZIP with a file per map);
    /// pdf: a page per map; pptx: a slide per map of editable shapes, then the
    /// ownership table; drawio: a page per map; csv with maps: their ownership
    /// matrix; xlsx, or csv without maps: every element, one row each, in the
    /// columns `tiermap import` reads (the spreadsheet round trip); json: every
    /// record, for other tools and `tiermap import` (no map needed).
    #[command(group(clap::ArgGroup::new("maps").args(["map", "all"])))]
    Export {
        file: PathBuf,
        /// svg, png, pdf, pptx, drawio, csv, xlsx or json.
        #[arg(long, default_value = "json")]
        format: String,
        /// The map to export, by name.
        #[arg(long)]
        map: Option<String>,
        /// Export every map, in tab order.
        #[arg(long)]
        all: bool,
        /// PNG: pixels per map unit, 1, 2 or 3.
        #[arg(long, default_value_t = 2)]
        scale: u8,
        /// SVG and PNG: no white background.
        #[arg(long)]
        transparent: bool,
        /// PPTX: start with a title slide listing the maps.
        #[arg(long)]
        title_slide: bool,
        /// PPTX and PDF: each map on one slide or page whatever its size (small
        /// text on a large map), instead of an overview and detail slides.
        #[arg(long)]
        one_slide_per_map: bool,
        /// Where to write it.
        #[arg(short, long)]
        output: PathBuf,
    },
    /// Copy everything that can still be read from a damaged document into a
    /// new one (without its undo history). Exit 0 when nothing was lost, 1
    /// when some rows could not be read; the damaged file is not changed.
    Rescue {
        file: PathBuf,
        /// The new document; must not exist yet.
        #[arg(short, long)]
        output: PathBuf,
    },
    /// Time the document core on generated portfolios (use a release build).
    Bench {
        /// Portfolio sizes for the store benchmark, in elements.
        #[arg(long, value_delimiter = ',', default_values_t = [1000, 10000, 50000])]
        sizes: Vec<usize>,
        /// Portfolio sizes for the validation benchmark, in elements.
        #[arg(long, value_delimiter = ',', default_values_t = [10000, 100000])]
        validation_sizes: Vec<usize>,
        /// Folder for the generated documents (removed afterwards).
        #[arg(long, default_value = ".")]
        dir: PathBuf,
        /// Time the export formats on a 1,000-element map instead, beside
        /// Graphviz's dot on the same hierarchy (needs the graphviz package).
        #[arg(long)]
        export: bool,
        /// Time importing a 10,000-row spreadsheet (CSV and XLSX) instead,
        /// and sheets of 10,000 to 100,000 rows (time and peak memory).
        #[arg(long, conflicts_with = "export")]
        import: bool,
        /// Measure the arrangement and routed lines of the sample's maps and
        /// generated pyramids beside Graphviz's dot on the same graphs instead
        /// (needs the graphviz package).
        #[arg(long, conflicts_with_all = ["export", "import"])]
        layout: bool,
        /// One import of the scaling table, in a process of its own (used by --import).
        #[arg(long, hide = true, conflicts_with_all = ["export", "import", "layout"])]
        import_child: Option<PathBuf>,
    },
    /// Import a spreadsheet (.csv, .xlsx), an ArchiMate exchange file (.xml)
    /// or a Tiermap .json export: into a new document (-o) or an existing one
    /// (--into, one undo step). Rows matched by id update their elements.
    #[command(group(clap::ArgGroup::new("target").args(["output", "into"]).required(true)))]
    Import {
        source: PathBuf,
        /// A new document; must not exist yet.
        #[arg(short, long)]
        output: Option<PathBuf>,
        /// An existing document to import into.
        #[arg(long)]
        into: Option<PathBuf>,
        /// XLSX: the sheet to read (default: the first).
        #[arg(long)]
        sheet: Option<String>,
        /// Import the rows without errors even though other rows have some.
        #[arg(long)]
        valid_rows: bool,
        /// Print what would be imported and change nothing.
        #[arg(long)]
        dry_run: bool,
    },
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Sample { file } => tiermap_app::sample::create(&file).map(|()| {
            say!("Wrote the sample document to {}", file.display());
            Outcome::Done
        }),
        Command::Stats { file } => stats::run(&file),
        Command::Validate { file, map, format } => validate::run(&file, map.as_deref(), &format),
        Command::Undo { file } => history::undo(&file),
        Command::Redo { file } => history::redo(&file),
        Command::History { file } => history::list(&file),
        Command::Rescue { file, output } => rescue::run(&file, &output),
        Command::Export {
            file,
            format,
            map,
            all,
            scale,
            transparent,
            title_slide,
            one_slide_per_map,
            output,
        } => {
            let maps = match (map, all) {
                (Some(name), _) => transfer::MapChoice::One(name),
                (None, true) => transfer::MapChoice::All,
                (None, false) => transfer::MapChoice::Unspecified,
            };
            let options = transfer::ExportOptions {
                format,
                maps,
                scale,
                transparent,
                title_slide,
                one_slide_per_map,
            };
            transfer::export(&file, &output, &options)
        }
        Command::Import {
            source,
            output,
            into,
            sheet,
            valid_rows,
            dry_run,
        } => {
            let options = transfer::ImportOptions {
                sheet,
                valid_rows,
                dry_run,
            };
            transfer::import(&source, output.as_deref(), into.as_deref(), &options)
        }
        Command::Bench {
            export: true, dir, ..
        } => bench_export::run(&dir).map(|()| Outcome::Done),
        Command::Bench {
            import: true, dir, ..
        } => bench_import::run(&dir).map(|()| Outcome::Done),
        Command::Bench {
            layout: true, dir, ..
        } => bench_layout::run(&dir).map(|()| Outcome::Done),
        Command::Bench {
            import_child: Some(sheet),
            dir,
            ..
        } => bench_import::child(&sheet, &dir).map(|()| Outcome::Done),
        Command::Bench {
            sizes,
            validation_sizes,
            dir,
            ..
        } => bench::run(&sizes, &validation_sizes, &dir),
    };
    match result {
        Ok(Outcome::Done) => ExitCode::SUCCESS,
        Ok(Outcome::Problem) => ExitCode::from(1),
        Err(error) => {
            eprintln!("tiermap: {error}");
            if matches!(error.code, tiermap_app::ErrorCode::Corrupt | tiermap_app::ErrorCode::Damaged) {
                eprintln!("tiermap: `tiermap rescue FILE -o NEW.tiermap` copies what can still be read into a new document");
            }
            ExitCode::from(2)
        }
    }
}
